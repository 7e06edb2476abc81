"""Quote-extraction evaluation against PolNeAR gold, after the Gender Gap Tracker.

Protocol source: the GenderGapTracker evaluation (``evaluate_quotes.py`` in
sfu-discourse-lab/GenderGapTracker), described in Asr F.T. et al. (2021),
"The Gender Gap Tracker: Using Natural Language Processing to measure gender
bias in media", PLOS ONE 16(1): e0245533.

Protocol as implemented here:

* Gold attributions without content are ignored (counted in
  ``df.attrs["n_gold_without_content"]``).
* Subsets: ``all``; ``direct`` (the gold content text contains a straight or
  curly double quotation mark, see :data:`QUOTE_CHARS`); ``indirect`` (the
  rest).
* Coverage of a gold by a prediction is ``|pred ∩ gold| / |gold|`` in
  characters, the gold being the union of its content parts. A prediction
  matches when the coverage is strictly greater than the threshold.
* Greedy one-to-one matching, per document: golds in text order (content
  start, end); each takes, among unused predictions passing the threshold,
  the one with the LARGEST coverage. Ties go to the prediction with fewer
  characters outside the gold, then to the first in text order (start, end).
* Unmatched predictions are false positives, except that in ``direct`` /
  ``indirect`` one covering more than ``exempt_threshold`` (0.3) of a gold
  outside the subset is not charged to the subset.
* Speaker and cue accuracy are over each row's matched pairs (the 0.3 row is
  the GGT headline). Speaker: right when the predicted speaker span overlaps a
  gold Source part; when the gold has no Source, right iff there is no
  predicted speaker (GGT's "floating quote" rule). Cue: right when the last
  ``\\w+`` word of the predicted cue text equals that of the gold cue text,
  case-insensitively (no cue, or a cue without words, has last word ``None``).
* precision = tp / (tp + fp), recall = tp / (tp + fn) and accuracies are NaN
  on an empty denominator; f1 = 2tp / (2tp + fp + fn) (NaN only if all zero).
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, Protocol

import pandas as pd

from toolkit.evaluation.brat import GoldAttribution

Span = tuple[int, int]

QUOTE_CHARS = '"\u201c\u201d'
"""Characters that make a gold content direct: ``"``, ``“`` and ``”``."""

SUBSETS = ("all", "direct", "indirect")
COLUMNS = [
    "subset", "threshold", "tp", "fp", "fn", "precision", "recall", "f1",
    "speaker_acc", "cue_acc", "n_gold", "n_pred",
]
_WORD = re.compile(r"\w+")


class Pred(Protocol):
    """A predicted quote: ``start``/``end``; ``speaker_*``/``cue_*`` are optional."""

    @property
    def start(self) -> int: ...

    @property
    def end(self) -> int: ...


def _span(start: Any, end: Any) -> Span | None:
    """Return ``(start, end)``, or ``None`` when missing or empty."""
    if start is None or end is None or end <= start:
        return None
    return (int(start), int(end))


def _merge(parts: Iterable[Span]) -> list[Span]:
    """Merge overlapping spans into a sorted disjoint list."""
    merged: list[list[int]] = []
    for s, e in sorted(p for p in parts if p[1] > p[0]):
        if merged and s <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], e)
        else:
            merged.append([s, e])
    return [(s, e) for s, e in merged]


def _parts(gold: GoldAttribution, role: str) -> tuple[Span, ...]:
    """Return a gold role's parts, falling back to its covering span."""
    parts = getattr(gold, f"{role}_parts")
    cover = getattr(gold, role)
    return tuple(parts) if parts else ((cover,) if cover else ())


def _overlap(pred: Span | None, merged: Sequence[Span]) -> int:
    """Return how many characters of the disjoint spans ``merged`` ``pred`` covers."""
    if pred is None:
        return 0
    return sum(max(0, min(e, pred[1]) - max(s, pred[0])) for s, e in merged)


def coverage(pred: Span | None, gold_parts: Sequence[Span]) -> float:
    """Return the fraction of the gold characters covered by ``pred``."""
    merged = _merge(gold_parts)
    size = sum(e - s for s, e in merged)
    return _overlap(pred, merged) / size if size else 0.0


def is_direct(content_text: str, quote_chars: str = QUOTE_CHARS) -> bool:
    """Return True when the content text contains a quotation mark."""
    return any(c in content_text for c in quote_chars)


def last_word(text: str | None) -> str | None:
    """Return the lower-cased last ``\\w+`` word of ``text``, or None."""
    words = _WORD.findall(text or "")
    return words[-1].casefold() if words else None


def _gold_text(text: str, parts: Sequence[Span]) -> str:
    """Join the text of a gold role's parts with spaces (brat convention)."""
    return " ".join(text[s:e] for s, e in parts)


def _speaker_right(pred: Any, gold: GoldAttribution) -> bool:
    """Apply the speaker rule (overlap; no gold source needs no predicted speaker)."""
    speaker = _span(getattr(pred, "speaker_start", None), getattr(pred, "speaker_end", None))
    source = _parts(gold, "source")
    if not source:
        return speaker is None
    return speaker is not None and any(s < speaker[1] and speaker[0] < e for s, e in source)


def _cue_right(pred: Any, gold: GoldAttribution, text: str) -> bool:
    """Apply the cue rule (same last word, case-insensitive)."""
    cue = _span(getattr(pred, "cue_start", None), getattr(pred, "cue_end", None))
    pred_word = last_word(text[cue[0]:cue[1]]) if cue else None
    return pred_word == last_word(_gold_text(text, _parts(gold, "cue")))


def _match(
    golds: list[GoldAttribution], preds: list[Any], threshold: float
) -> tuple[list[tuple[GoldAttribution, Any]], list[Any]]:
    """Greedily pair golds with predictions; return (pairs, unmatched predictions)."""
    free = list(preds)
    pairs = []
    for gold in golds:
        merged = _merge(_parts(gold, "content"))
        size = sum(e - s for s, e in merged)
        best, best_key = None, None
        for i, pred in enumerate(free):
            span = _span(pred.start, pred.end)
            inter = _overlap(span, merged)
            if not size or inter / size <= threshold:
                continue
            key = (-inter / size, span[1] - span[0] - inter, i)
            if best_key is None or key < best_key:
                best, best_key = i, key
        if best is not None:
            pairs.append((gold, free.pop(best)))
    return pairs, free


def _ratio(num: int, den: int) -> float:
    """Return num / den, NaN on a zero denominator."""
    return num / den if den else math.nan


def evaluate_quotes(
    predictions: Mapping[str, Sequence[Pred]],
    gold: Mapping[str, tuple[str, Sequence[GoldAttribution]]],
    thresholds: Sequence[float] = (0.3, 0.8),
    exempt_threshold: float = 0.3,
    quote_chars: str = QUOTE_CHARS,
) -> pd.DataFrame:
    """Score predicted quotes against gold attributions with the GGT protocol.

    Args:
        predictions: document stem -> predicted quotes (duck-typed ``Pred``).
            Documents missing here have no predictions.
        gold: document stem -> (article text, gold attributions).
        thresholds: coverage thresholds; a match needs coverage > threshold.
        exempt_threshold: coverage of an out-of-subset gold above which an
            unmatched prediction is not a false positive of ``direct`` or
            ``indirect``.
        quote_chars: characters that make a gold content direct.

    Returns:
        One row per (subset, threshold) with columns :data:`COLUMNS`;
        ``n_pred`` is tp + fp (predictions charged to the subset).
        ``df.attrs`` holds ``n_gold_without_content`` and
        ``n_gold_without_source`` (among golds with content).

    Raises:
        ValueError: if predictions name documents absent from the gold.
    """
    unknown = sorted(set(predictions) - set(gold))
    if unknown:
        raise ValueError(f"predictions for documents without gold: {unknown[:5]}")
    counts = {(s, t): dict.fromkeys(("tp", "fp", "fn", "spk", "cue", "n_gold"), 0)
              for s in SUBSETS for t in thresholds}
    no_content = no_source = 0
    for stem in sorted(gold):
        text, golds = gold[stem]
        no_content += sum(g.content is None for g in golds)
        golds = sorted((g for g in golds if g.content is not None),
                       key=lambda g: (g.content[0], g.content[1], g.id))
        no_source += sum(not _parts(g, "source") for g in golds)
        preds = sorted(predictions.get(stem, ()), key=lambda p: (p.start, p.end))
        direct = [is_direct(_gold_text(text, _parts(g, "content")), quote_chars) for g in golds]
        for subset in SUBSETS:
            keep = [subset == "all" or d == (subset == "direct") for d in direct]
            inside = [g for g, k in zip(golds, keep) if k]
            outside = [g for g, k in zip(golds, keep) if not k]
            for t in thresholds:
                pairs, unmatched = _match(inside, preds, t)
                c = counts[(subset, t)]
                c["n_gold"] += len(inside)
                c["tp"] += len(pairs)
                c["fn"] += len(inside) - len(pairs)
                c["fp"] += sum(
                    not any(coverage(_span(p.start, p.end), _parts(g, "content")) > exempt_threshold
                            for g in outside)
                    for p in unmatched
                )
                c["spk"] += sum(_speaker_right(p, g) for g, p in pairs)
                c["cue"] += sum(_cue_right(p, g, text) for g, p in pairs)
    rows = []
    for (subset, t), c in counts.items():
        tp, fp, fn = c["tp"], c["fp"], c["fn"]
        rows.append({
            "subset": subset, "threshold": t, "tp": tp, "fp": fp, "fn": fn,
            "precision": _ratio(tp, tp + fp), "recall": _ratio(tp, tp + fn),
            "f1": _ratio(2 * tp, 2 * tp + fp + fn),
            "speaker_acc": _ratio(c["spk"], tp), "cue_acc": _ratio(c["cue"], tp),
            "n_gold": c["n_gold"], "n_pred": tp + fp,
        })
    df = pd.DataFrame(rows, columns=COLUMNS)
    df.attrs["n_gold_without_content"] = no_content
    df.attrs["n_gold_without_source"] = no_source
    return df


def format_report(df: pd.DataFrame) -> str:
    """Render an ``evaluate_quotes`` frame as a compact fixed-width table."""
    lines = [f"{'subset':<9}{'thr':>5}{'tp':>7}{'fp':>7}{'fn':>7}{'P':>7}{'R':>7}"
             f"{'F1':>7}{'spk':>7}{'cue':>7}{'gold':>7}{'pred':>7}"]

    def pct(x: float) -> str:
        return "-" if pd.isna(x) else f"{100 * x:.1f}"

    for r in df.itertuples(index=False):
        lines.append(
            f"{r.subset:<9}{r.threshold:>5.2f}{r.tp:>7}{r.fp:>7}{r.fn:>7}"
            f"{pct(r.precision):>7}{pct(r.recall):>7}{pct(r.f1):>7}"
            f"{pct(r.speaker_acc):>7}{pct(r.cue_acc):>7}{r.n_gold:>7}{r.n_pred:>7}"
        )
    notes = [f"{k}={v}" for k, v in df.attrs.items()]
    if notes:
        lines.append("  ".join(notes))
    return "\n".join(lines)
