"""Denial-finder evaluation against span gold (GUIDELINES.md format): span P/R/F1, category and denier accuracy.

Protocol: per document, a prediction matches a gold denial when their character spans overlap;
matching is one-to-one and greedy (golds in text order, each taking the unused overlapping
prediction with the largest overlap, ties to the first in text order). Category accuracy and
denier accuracy are over matched pairs; a denier is right when the predicted denier span overlaps
the gold denier span, or both are null. Per-category rows use the gold category (recall, accuracies)
and the predicted category (precision).
"""

from __future__ import annotations

import hashlib
import json
import math
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

import pandas as pd

COLUMNS = ["category", "tp", "fp", "fn", "precision", "recall", "f1", "category_acc", "denier_acc", "n_gold", "n_pred"]


def _get(obj: Any, name: str) -> Any:
    return obj.get(name) if isinstance(obj, Mapping) else getattr(obj, name, None)


def _overlap(a0: int | None, a1: int | None, b0: int | None, b1: int | None) -> int:
    if None in (a0, a1, b0, b1):
        return 0
    return max(0, min(a1, b1) - max(a0, b0))  # type: ignore[type-var,operator]


def match_denials(gold: Sequence[Any], pred: Sequence[Any]) -> list[tuple[int, int]]:
    """Greedy one-to-one matching of overlapping spans in one document: (gold index, pred index) pairs."""
    used: set[int] = set()
    pairs = []
    order = sorted(range(len(gold)), key=lambda i: (_get(gold[i], "start"), _get(gold[i], "end")))
    for gi in order:
        g = gold[gi]
        best, best_overlap = None, 0
        for pi, p in enumerate(pred):
            if pi in used:
                continue
            ov = _overlap(_get(g, "start"), _get(g, "end"), _get(p, "start"), _get(p, "end"))
            if ov > best_overlap:
                best, best_overlap = pi, ov
        if best is not None:
            used.add(best)
            pairs.append((gi, best))
    return pairs


def _ratio(num: int, den: int) -> float:
    return num / den if den else math.nan


def _denier_ok(g: Any, p: Any) -> bool:
    if _get(g, "denier_start") is None:
        return _get(p, "denier_start") is None
    return _overlap(_get(g, "denier_start"), _get(g, "denier_end"), _get(p, "denier_start"), _get(p, "denier_end")) > 0


_KEYS = ("tp", "fp", "fn", "cat_ok", "den_ok", "n_gold", "n_pred")


def doc_stats(golds: Sequence[Any], preds: Sequence[Any]) -> dict[str, dict[str, int]]:
    """Counts of one document per category ("all" and each category): tp, fp, fn, cat_ok, den_ok, n_gold, n_pred."""
    stats: dict[str, dict[str, int]] = {}

    def bump(cat: str, key: str) -> None:
        stats.setdefault(cat, dict.fromkeys(_KEYS, 0))[key] += 1

    pairs = match_denials(golds, preds)
    matched_g = {g for g, _ in pairs}
    matched_p = {p for _, p in pairs}
    for g in golds:
        for cat in ("all", _get(g, "category")):
            bump(cat, "n_gold")
    for p in preds:
        for cat in ("all", _get(p, "category")):
            bump(cat, "n_pred")
    for gi, pi in pairs:
        g, p = golds[gi], preds[pi]
        for cat in ("all", _get(g, "category")):
            bump(cat, "tp")
            if _get(g, "category") == _get(p, "category"):
                bump(cat, "cat_ok")
            if _denier_ok(g, p):
                bump(cat, "den_ok")
    for gi, g in enumerate(golds):
        if gi not in matched_g:
            for cat in ("all", _get(g, "category")):
                bump(cat, "fn")
    for pi, p in enumerate(preds):
        if pi not in matched_p:
            for cat in ("all", _get(p, "category")):
                bump(cat, "fp")
    return stats


def _row(cat: str, s: Mapping[str, int]) -> dict[str, Any]:
    tp, fp, fn = s["tp"], s["fp"], s["fn"]
    return {
        "category": cat, "tp": tp, "fp": fp, "fn": fn,
        "precision": _ratio(tp, tp + fp), "recall": _ratio(tp, tp + fn), "f1": _ratio(2 * tp, 2 * tp + fp + fn),
        "category_acc": _ratio(s["cat_ok"], tp), "denier_acc": _ratio(s["den_ok"], tp),
        "n_gold": s["n_gold"], "n_pred": s["n_pred"],
    }


def evaluate_denials(gold: Mapping[str, Sequence[Any]], pred: Mapping[str, Sequence[Any]]) -> pd.DataFrame:
    """Score predictions against gold, both ``{doc: [denial, ...]}``; one row "all" then one per gold category.

    Only documents in ``gold`` count (a doc with an empty list is annotated with no denial).
    """
    stats: dict[str, dict[str, int]] = {}
    for doc, golds in gold.items():
        for cat, counts in doc_stats(golds, list(pred.get(doc, ()))).items():
            total = stats.setdefault(cat, dict.fromkeys(_KEYS, 0))
            for key, value in counts.items():
                total[key] += value
    rows = [_row(cat, stats.get(cat, dict.fromkeys(_KEYS, 0))) for cat in ["all"] + sorted(k for k in stats if k != "all")]
    return pd.DataFrame(rows, columns=COLUMNS)


def bootstrap_intervals(
    gold: Mapping[str, Sequence[Any]], pred: Mapping[str, Sequence[Any]], *, resamples: int = 1000, seed: int = 0,
    level: float = 0.95,
) -> pd.DataFrame:
    """Percentile bootstrap intervals of P, R, F1 per category, resampling articles (fixed seed: deterministic).

    One row per category of :func:`evaluate_denials`, columns ``precision_lo, precision_hi, recall_lo, ...``.
    """
    import numpy as np

    docs = sorted(gold)
    per_doc = [doc_stats(gold[d], list(pred.get(d, ()))) for d in docs]
    cats = ["all"] + sorted({c for s in per_doc for c in s} - {"all"})
    counts = np.zeros((len(docs), len(cats), 3))
    for i, s in enumerate(per_doc):
        for j, cat in enumerate(cats):
            c = s.get(cat)
            if c:
                counts[i, j] = (c["tp"], c["fp"], c["fn"])
    rng = np.random.default_rng(seed)
    draws = rng.integers(0, len(docs), size=(resamples, len(docs))) if docs else np.zeros((resamples, 0), dtype=int)
    sums = np.stack([counts[d].sum(axis=0) for d in draws]) if docs else np.zeros((resamples, len(cats), 3))
    tp, fp, fn = sums[..., 0], sums[..., 1], sums[..., 2]
    with np.errstate(invalid="ignore", divide="ignore"):
        metrics = {"precision": tp / (tp + fp), "recall": tp / (tp + fn), "f1": 2 * tp / (2 * tp + fp + fn)}
    lo_q, hi_q = (1 - level) / 2 * 100, (1 + level) / 2 * 100
    rows = []
    for j, cat in enumerate(cats):
        row: dict[str, Any] = {"category": cat}
        for name, values in metrics.items():
            column = values[:, j]
            column = column[~np.isnan(column)]
            row[f"{name}_lo"] = float(np.percentile(column, lo_q)) if column.size else math.nan
            row[f"{name}_hi"] = float(np.percentile(column, hi_q)) if column.size else math.nan
        rows.append(row)
    return pd.DataFrame(rows)


def fold_assignment(docs: Iterable[str], k: int = 5) -> dict[str, int]:
    """Deterministic folds by article: docs sorted by the SHA-1 of their name, then dealt round-robin."""
    ordered = sorted(docs, key=lambda d: (hashlib.sha1(d.encode("utf-8")).hexdigest(), d))
    return {doc: i % k for i, doc in enumerate(ordered)}


def fold_models(
    gold: Mapping[str, Sequence[Any]], texts: Mapping[str, str], *, k: int = 5, lexicon: Any = None,
    derive: Mapping[str, Any] | None = None, train: Mapping[str, Any] | None = None,
    extra: Mapping[str, Sequence[Any]] | None = None,
) -> Iterable[tuple[int, Any, Any, list[str]]]:
    """Per fold: (fold, lexicon, model, held-out docs), everything learnt from the other k-1 folds only.

    The lexicon is derived inside the fold exactly as ``scripts/derive_denial_lexicon.py`` derives the shipped
    one from all of TRAIN (:func:`toolkit.denials.derivation.derived_lexicon`: the written entries, the entries
    derived from the training folds' gold, every entry's counts there); the model is then trained on the
    training folds' candidates of that lexicon. ``extra``: annotated articles in every fold's training and never
    held out (the silver articles of the shipped recipe; ``texts`` holds theirs too). ``derive`` and ``train``
    override the derivation rule and the training settings (for choosing them on TRAIN folds).
    """
    from toolkit.denials.derivation import derived_lexicon, merged_gold
    from toolkit.denials.lexicon import default_lexicon
    from toolkit.denials import model as model_module

    base = default_lexicon() if lexicon is None else lexicon
    folds = fold_assignment(gold, k)
    for fold in range(k):
        train_gold = {d: gold[d] for d in gold if folds[d] != fold}
        fold_lexicon = derived_lexicon(train_gold, texts, base, extra=extra, **(derive or {}))
        model = model_module.train_on(merged_gold(train_gold, extra), texts, lexicon=fold_lexicon, **(train or {}))
        yield fold, fold_lexicon, model, sorted(d for d in gold if folds[d] == fold)


def cross_validate(
    gold: Mapping[str, Sequence[Any]], texts: Mapping[str, str], *, k: int = 5, derive: Mapping[str, Any] | None = None,
    train: Mapping[str, Any] | None = None, extra: Mapping[str, Sequence[Any]] | None = None, **options: Any
) -> dict[str, list[Any]]:
    """K-fold cross-validation by article: derive the lexicon and train the model on k-1 folds, find denials in
    the held-out fold (:func:`fold_models`).

    ``options`` go to :func:`toolkit.denials.finder.find_denials` (``min_score``, ``quotes``; ``lexicon`` is the
    base lexicon the derivation starts from). Returns the pooled held-out predictions ``{doc: [Denial, ...]}``
    (score them with :func:`evaluate_denials`).
    """
    from toolkit.denials.finder import find_denials

    base = options.pop("lexicon", None)
    pred: dict[str, list[Any]] = {}
    for _, lexicon, model, held_out in fold_models(gold, texts, k=k, lexicon=base, derive=derive, train=train,
                                                      extra=extra):
        for doc in held_out:
            pred[doc] = find_denials(texts[doc], model=model, lexicon=lexicon, **options)
    return pred


def fold_candidates(
    gold: Mapping[str, Sequence[Any]], texts: Mapping[str, str], *, k: int = 5, **settings: Any
) -> dict[int, list[tuple[float, int, str]]]:
    """Held-out candidates per fold: (score, label, entry id), label 1 when it overlaps a gold denial (for AUC)."""
    from toolkit.denials.model import doc_examples

    out: dict[int, list[tuple[float, int, str]]] = {}
    for fold, lexicon, model, held_out in fold_models(gold, texts, k=k, **settings):
        out[fold] = [(model.score(f, prior), y, c.rule)
                     for doc in held_out for f, y, c, prior in doc_examples(texts[doc], gold[doc], lexicon)]
    return out


def auc(scored: Sequence[tuple[float, int, Any]]) -> float:
    """Area under the ROC curve of (score, label, ...) rows (ties count half); NaN without both labels."""
    pos = sorted(s for s, y, *_ in scored if y)
    neg = sorted(s for s, y, *_ in scored if not y)
    if not pos or not neg:
        return math.nan
    import bisect

    wins = sum(bisect.bisect_left(neg, s) + 0.5 * (bisect.bisect_right(neg, s) - bisect.bisect_left(neg, s))
               for s in pos)
    return wins / (len(pos) * len(neg))


def threshold_curve(
    gold: Mapping[str, Sequence[Any]], pred: Mapping[str, Sequence[Any]], thresholds: Sequence[float]
) -> pd.DataFrame:
    """Span P/R/F1 of the predictions kept at each ``min_score`` (predictions made with min_score 0)."""
    rows = []
    for t in thresholds:
        kept = {d: [p for p in ps if _get(p, "score") >= t] for d, ps in pred.items()}
        row = evaluate_denials(gold, kept).iloc[0]
        rows.append({"min_score": t, **{c: row[c] for c in ("tp", "fp", "fn", "precision", "recall", "f1")}})
    return pd.DataFrame(rows)


def format_with_intervals(table: pd.DataFrame, intervals: pd.DataFrame) -> str:
    """The score table with "value [lo, hi]" for P, R and F1."""
    merged = table.merge(intervals, on="category", how="left")
    out = merged[["category", "tp", "fp", "fn"]].copy()
    for name in ("precision", "recall", "f1"):
        out[name] = [f"{v:.3f} [{lo:.3f}, {hi:.3f}]" for v, lo, hi in
                     zip(merged[name], merged[f"{name}_lo"], merged[f"{name}_hi"])]
    out["category_acc"] = merged["category_acc"].map(lambda v: f"{v:.3f}")
    out["denier_acc"] = merged["denier_acc"].map(lambda v: f"{v:.3f}")
    out["n_gold"] = merged["n_gold"]
    return out.to_string(index=False)


def read_gold(gold_dir: str | Path) -> dict[str, list[dict[str, Any]]]:
    """Read ``gold.jsonl`` and ``docs.txt`` from a gold folder: ``{doc: [gold denial dicts]}``, every doc present."""
    gold_dir = Path(gold_dir)
    gold: dict[str, list[dict[str, Any]]] = {}
    docs = gold_dir / "docs.txt"
    if docs.is_file():
        for line in docs.read_text(encoding="utf-8").splitlines():
            if line.strip():
                gold.setdefault(line.strip(), [])
    for line in (gold_dir / "gold.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            record = json.loads(line)
            gold.setdefault(record["doc"], []).append(record)
    return gold


def read_extra(gold_dirs: Iterable[str | Path]) -> dict[str, Sequence[Mapping[str, Any]]]:
    """The gold folders of extra training articles (``--extra``, ``--train-extra``) read into one mapping; an
    article in two of them is a ``ValueError`` (:func:`toolkit.denials.derivation.merged_gold`)."""
    from toolkit.denials.derivation import merged_gold

    extra: dict[str, Sequence[Mapping[str, Any]]] = {}
    for gold_dir in gold_dirs:
        extra = merged_gold(extra, read_gold(gold_dir))
    return extra


def predict_dir(docs: Iterable[str], text_dir: str | Path, **options: Any) -> dict[str, list[Any]]:
    """Run the denial finder on ``TEXT_DIR/DOC.txt`` for each doc (raw file text, as the gold offsets are)."""
    from toolkit.denials.finder import find_denials

    text_dir = Path(text_dir)
    return {doc: find_denials((text_dir / f"{doc}.txt").read_text(encoding="utf-8"), **options) for doc in docs}
