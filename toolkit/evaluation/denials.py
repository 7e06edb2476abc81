"""Denial-finder evaluation against span gold (GUIDELINES.md format): span P/R/F1, category and denier accuracy.

Protocol: per document, a prediction matches a gold denial when their character spans overlap;
matching is one-to-one and greedy (golds in text order, each taking the unused overlapping
prediction with the largest overlap, ties to the first in text order). Category accuracy and
denier accuracy are over matched pairs; a denier is right when the predicted denier span overlaps
the gold denier span, or both are null. Per-category rows use the gold category (recall, accuracies)
and the predicted category (precision).
"""

from __future__ import annotations

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


def evaluate_denials(gold: Mapping[str, Sequence[Any]], pred: Mapping[str, Sequence[Any]]) -> pd.DataFrame:
    """Score predictions against gold, both ``{doc: [denial, ...]}``; one row "all" then one per gold category.

    Only documents in ``gold`` count (a doc with an empty list is annotated with no denial).
    """
    stats: dict[str, dict[str, int]] = {}

    def bump(cat: str, key: str) -> None:
        stats.setdefault(cat, {"tp": 0, "fp": 0, "fn": 0, "cat_ok": 0, "den_ok": 0, "n_gold": 0, "n_pred": 0})[key] += 1

    for doc, golds in gold.items():
        preds = list(pred.get(doc, ()))
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
    rows = []
    for cat in ["all"] + sorted(k for k in stats if k != "all"):
        s = stats.get(cat, {"tp": 0, "fp": 0, "fn": 0, "cat_ok": 0, "den_ok": 0, "n_gold": 0, "n_pred": 0})
        tp, fp, fn = s["tp"], s["fp"], s["fn"]
        rows.append({
            "category": cat, "tp": tp, "fp": fp, "fn": fn,
            "precision": _ratio(tp, tp + fp), "recall": _ratio(tp, tp + fn), "f1": _ratio(2 * tp, 2 * tp + fp + fn),
            "category_acc": _ratio(s["cat_ok"], tp), "denier_acc": _ratio(s["den_ok"], tp),
            "n_gold": s["n_gold"], "n_pred": s["n_pred"],
        })
    return pd.DataFrame(rows, columns=COLUMNS)


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


def predict_dir(docs: Iterable[str], text_dir: str | Path, **options: Any) -> dict[str, list[Any]]:
    """Run the denial finder on ``TEXT_DIR/DOC.txt`` for each doc (raw file text, as the gold offsets are)."""
    from toolkit.denials.finder import find_denials

    text_dir = Path(text_dir)
    return {doc: find_denials((text_dir / f"{doc}.txt").read_text(encoding="utf-8"), **options) for doc in docs}
