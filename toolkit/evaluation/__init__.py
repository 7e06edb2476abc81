"""Evaluation: score the finders against gold annotations (PolNeAR brat files for quotes, with the
GenderGapTracker protocol; the denial gold's JSON lines for denials).

It may import `corpus`, `text`, `quotes` and `denials`; nothing from `pipeline`, `reports` or `cli`.
"""

from toolkit.evaluation.brat import GoldAttribution, read_brat_dir
from toolkit.evaluation.denials import evaluate_denials, predict_dir, read_gold
from toolkit.evaluation.quotes import evaluate_quotes, format_report

__all__ = ["GoldAttribution", "evaluate_denials", "evaluate_quotes", "format_report", "predict_dir", "read_brat_dir", "read_gold"]
