"""Validation: measure the finders on a researcher's own corpus. Draw a stratified, seeded sample of findings
into a coding sheet (with articles for recall), then score the coded sheets: precision and recall with Wilson
95% intervals, stratum-weighted estimates, and intercoder agreement (Krippendorff's alpha, nominal).

`sampling` writes the sheets, `scoring` reads them, `stats` holds the interval and agreement arithmetic.
It may import `corpus`, `text`, `io`, `quotes`, `denials` and `pipeline`; it sits beside `reports` (neither
imports the other) and below `cli`, so nothing from `evaluation`, `reports` or `cli`.
"""

from toolkit.validation.sampling import SampleResult, draw_sample, sample, write_sample
from toolkit.validation.scoring import CodingError, Scores, read_sheet, score
from toolkit.validation.stats import adjusted_count, nominal_alpha, percent_agreement, wilson_interval

__all__ = [
    "CodingError", "SampleResult", "adjusted_count", "Scores", "draw_sample", "nominal_alpha", "percent_agreement", "read_sheet",
    "sample", "score", "wilson_interval", "write_sample",
]
