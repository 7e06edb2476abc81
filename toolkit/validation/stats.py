"""The arithmetic of validation: Wilson score intervals for a proportion, a stratified (weighted) proportion,
and Krippendorff's alpha for nominal data with percent agreement. Pure functions, standard library only."""

from __future__ import annotations

import math
from collections.abc import Hashable, Iterable, Sequence
from statistics import NormalDist

#: The two-sided 95% normal quantile (1.959963...).
Z95 = NormalDist().inv_cdf(0.975)


def wilson_interval(successes: int, n: int, z: float = Z95) -> tuple[float, float]:
    """Return the Wilson score interval for `successes` out of `n` (NaN, NaN when n is 0)."""
    if n <= 0:
        return (math.nan, math.nan)
    if not 0 <= successes <= n:
        raise ValueError(f"successes must lie in [0, {n}], got {successes}")
    p = successes / n
    z2 = z * z
    centre = (p + z2 / (2 * n)) / (1 + z2 / n)
    half = z / (1 + z2 / n) * math.sqrt(p * (1 - p) / n + z2 / (4 * n * n))
    # The bounds are exact at 0 and n; rounding must not push them past [0, 1].
    low = 0.0 if successes == 0 else max(0.0, centre - half)
    high = 1.0 if successes == n else min(1.0, centre + half)
    return (low, high)


def weighted_proportion(strata: Iterable[tuple[int, int, int]], z: float = Z95) -> tuple[float, float, float]:
    """Return (estimate, low, high) of a stratified proportion from (successes, coded, stratum size) triples.

    Each stratum's proportion is weighted by its share of the population (the stratum sizes); the interval
    is the normal approximation with the finite-population correction, clipped to [0, 1]. Strata with no
    coded item are left out (their weight cannot be estimated); NaNs when none is coded.
    """
    rows = [(k, n, size) for k, n, size in strata if n > 0]
    total = sum(size for _, _, size in rows)
    if not rows or total <= 0:
        return (math.nan, math.nan, math.nan)
    estimate = 0.0
    variance = 0.0
    for k, n, size in rows:
        weight = size / total
        p = k / n
        estimate += weight * p
        fpc = (size - n) / (size - 1) if size > 1 else 0.0
        variance += weight * weight * p * (1 - p) / n * max(fpc, 0.0)
    half = z * math.sqrt(variance)
    return (estimate, max(0.0, estimate - half), min(1.0, estimate + half))


def _pairable(units: Iterable[Sequence[Hashable | None]]) -> list[list[Hashable]]:
    """Return each unit's non-missing values, keeping only units with two or more (the pairable ones)."""
    kept = []
    for unit in units:
        values = [v for v in unit if v is not None and not (isinstance(v, float) and math.isnan(v))]
        if len(values) >= 2:
            kept.append(values)
    return kept


def nominal_alpha(units: Iterable[Sequence[Hashable | None]]) -> tuple[float, int]:
    """Return Krippendorff's alpha for nominal data and the number of pairable units.

    `units` holds one sequence per coded unit: the value each coder gave it, None where a coder gave none.
    Computed by the `krippendorff` package with `level_of_measurement="nominal"` (its default is interval).
    NaN when fewer than two values are pairable or every value is the same (no variation: alpha is undefined).
    """
    import krippendorff
    import numpy as np

    kept = _pairable(units)
    domain = sorted({value for values in kept for value in values}, key=repr)
    if len(domain) < 2:
        return (math.nan, len(kept))
    code = {value: float(n) for n, value in enumerate(domain)}
    coders = max(len(values) for values in kept)
    # One row per coder slot, one column per unit; a unit's values fill its first slots (nominal alpha only
    # counts pairs within a unit, so which coder gave which value does not matter).
    data = np.full((coders, len(kept)), np.nan)
    for column, values in enumerate(kept):
        data[: len(values), column] = [code[value] for value in values]
    alpha = krippendorff.alpha(reliability_data=data, value_domain=list(code.values()), level_of_measurement="nominal")
    return (float(alpha), len(kept))


def percent_agreement(units: Iterable[Sequence[Hashable | None]]) -> tuple[float, int]:
    """Return the share of pairable units on which every coder gave the same value, and their number."""
    kept = _pairable(units)
    if not kept:
        return (math.nan, 0)
    agreed = sum(1 for values in kept if len(set(values)) == 1)
    return (agreed / len(kept), len(kept))


def adjusted_count(
    raw: int, precision: tuple[float, float, float], recall: tuple[float, float, float] | None = None
) -> tuple[float, float, float]:
    """Return (estimate, low, high) of the true number of items behind `raw` findings.

    Each of `precision` and `recall` is (estimate, low, high). The estimate is raw * precision / recall
    (recall taken as 1 when not measured); the interval combines the bounds (raw * low precision / high recall
    to raw * high precision / low recall): conservative, wider than a joint 95% interval.
    """
    p, p_low, p_high = precision
    r, r_low, r_high = recall if recall is not None else (1.0, 1.0, 1.0)
    if any(math.isnan(v) for v in (p, p_low, p_high, r, r_low, r_high)) or r <= 0:
        return (math.nan, math.nan, math.nan)
    high = raw * p_high / r_low if r_low > 0 else math.inf
    return (raw * p / r, raw * p_low / r_high, high)
