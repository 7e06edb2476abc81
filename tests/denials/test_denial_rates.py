"""scripts/denial_rates.py: rates, stratified samples, and the README's numbers."""

from __future__ import annotations

import pytest

from conftest import ROOT, TRAIN_DENIALS, TRAIN_TEXTS, needs_train_denials, printed, script

rates = script("denial_rates")


def test_rate_is_per_thousand_characters():
    assert rates.rate([(1, 500), (2, 1500)]) == pytest.approx(1.5)
    assert rates.rate([]) == 0.0


def test_outlet_is_the_stem_prefix():
    assert rates.outlet_of("wash-post_2016-03-30_trump-sticking") == "wash-post"


def test_samples_draw_the_asked_number_per_outlet():
    # outlet a: every article 1 denial per 1,000 characters; outlet b: none. One of each drawn: always 0.5.
    unseen = {"a": [(1, 1000)] * 5, "b": [(0, 1000)] * 7}
    samples = rates.sampled_rates(unseen, {"a": 1, "b": 1}, draws=20, seed=3)
    assert samples == [0.5] * 20
    assert rates.sampled_rates(unseen, {"a": 1, "b": 1}, 20, 3) == samples  # deterministic for one seed


def test_samples_vary_and_are_sorted():
    unseen = {"a": [(n, 1000) for n in range(10)]}
    samples = rates.sampled_rates(unseen, {"a": 2}, draws=50, seed=0)
    assert samples == sorted(samples) and samples[0] < samples[-1]


def test_share_below_counts_strictly_smaller_values():
    assert rates.share_below(0.2, [0.1, 0.2, 0.3, 0.4]) == 0.25
    assert rates.share_below(1.0, [0.1, 0.2]) == 1.0


@needs_train_denials
def test_the_readme_numbers_are_what_the_script_prints():
    output = printed(rates.main, [TRAIN_DENIALS, TRAIN_TEXTS])
    assert "all                       140  0.284             700  0.187" in output
    assert "median 0.186, 97.5th percentile 0.245, maximum 0.301; the gold articles' 0.284 is above 1999 of them" in output
    assert "motive_attack             15 found,   1.3 expected (7 in the other articles)" in output
    assert "all entries: 59.5)" in output
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for number in ("0.284", "0.187", "0.301", "59.5"):
        assert number in readme
