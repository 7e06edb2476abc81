"""Wilson intervals, the stratified estimate and Krippendorff's alpha against published and hand-computed values."""

from __future__ import annotations

import math

import pytest

from toolkit.validation.stats import adjusted_count, nominal_alpha, percent_agreement, weighted_proportion, wilson_interval

N = None


@pytest.mark.parametrize("k, n, low, high", [
    # Newcombe (1998), "Two-sided confidence intervals for the single proportion", Statistics in Medicine 17,
    # Table I, method 3 (score interval without continuity correction).
    (81, 263, 0.2553, 0.3662),
    (15, 148, 0.0624, 0.1605),
    (0, 20, 0.0000, 0.1611),
    (1, 29, 0.0061, 0.1718),
    (29, 29, 0.8830, 1.0000),
])
def test_wilson_interval_matches_newcombe(k, n, low, high):
    lo, hi = wilson_interval(k, n)
    assert lo == pytest.approx(low, abs=5e-5) and hi == pytest.approx(high, abs=5e-5)


def test_wilson_interval_of_nothing_is_undefined_and_bad_counts_are_refused():
    assert all(math.isnan(v) for v in wilson_interval(0, 0))
    with pytest.raises(ValueError):
        wilson_interval(11, 10)


def test_nominal_alpha_on_krippendorffs_worked_example():
    """Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", section C: four observers, twelve
    units, missing values; nominal alpha = 0.743 (unit 12 has one value and is not pairable)."""
    a = [1, 2, 3, 3, 2, 1, 4, 1, 2, N, N, N]
    b = [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, N, 3]
    c = [N, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, N]
    d = [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, N]
    alpha, units = nominal_alpha(zip(a, b, c, d))
    assert round(alpha, 3) == 0.743 and units == 11


def test_nominal_alpha_on_krippendorffs_binary_example():
    """Krippendorff (2011), section A: two observers, ten units, binary data; alpha = 0.095."""
    a = [0, 1, 0, 0, 0, 0, 0, 0, 1, 0]
    b = [1, 1, 1, 0, 0, 1, 0, 0, 0, 0]
    alpha, units = nominal_alpha(zip(a, b))
    assert round(alpha, 3) == 0.095 and units == 10


def test_nominal_alpha_hand_computed():
    """Two coders, four units, one disagreement: values yes 3, no 5 (n = 8), o(yes,no) = o(no,yes) = 1;
    alpha = 1 - (n - 1) * 2 / (2 * 3 * 5) = 1 - 14/30 = 8/15."""
    units = [("yes", "yes"), ("yes", "no"), ("no", "no"), ("no", "no")]
    assert nominal_alpha(units) == (pytest.approx(8 / 15), 4)
    assert percent_agreement(units) == (0.75, 4)


def test_alpha_skips_unpairable_units_and_is_undefined_without_variation():
    assert nominal_alpha([("yes", "yes"), ("no", "no"), ("yes", None)]) == (1.0, 2)
    alpha, units = nominal_alpha([("yes", "yes"), ("yes", "yes")])
    assert math.isnan(alpha) and units == 2
    assert nominal_alpha([("yes", None), (None, None)])[1] == 0


def test_weighted_proportion_by_hand():
    """Strata (correct, coded, size): (8, 10, 100) and (2, 10, 300): weights 1/4 and 3/4, estimate 0.35."""
    estimate, low, high = weighted_proportion([(8, 10, 100), (2, 10, 300)])
    variance = (0.25 ** 2) * 0.8 * 0.2 / 10 * (90 / 99) + (0.75 ** 2) * 0.2 * 0.8 / 10 * (290 / 299)
    assert estimate == pytest.approx(0.35)
    assert (low, high) == (pytest.approx(0.35 - 1.959964 * math.sqrt(variance)), pytest.approx(0.35 + 1.959964 * math.sqrt(variance)))


def test_weighted_proportion_of_a_census_has_no_sampling_error():
    assert weighted_proportion([(3, 4, 4), (1, 2, 2)]) == (pytest.approx(4 / 6), pytest.approx(4 / 6), pytest.approx(4 / 6))
    assert all(math.isnan(v) for v in weighted_proportion([(0, 0, 5)]))


def test_adjusted_count_scales_by_precision_over_recall_with_bound_combination():
    assert adjusted_count(100, (0.8, 0.7, 0.9), (0.5, 0.4, 0.6)) == (pytest.approx(160), pytest.approx(100 * 0.7 / 0.6),
                                                                     pytest.approx(100 * 0.9 / 0.4))
    assert adjusted_count(50, (0.6, 0.5, 0.7)) == (pytest.approx(30), pytest.approx(25), pytest.approx(35))
    assert all(math.isnan(v) for v in adjusted_count(10, (math.nan, math.nan, math.nan)))
