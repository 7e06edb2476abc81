"""Score coded sheets: precision with Wilson 95% intervals (overall, per stratum, per category or kind), the
stratum-weighted estimate, recall from the sampled articles and the missed sheet, and intercoder agreement
(Krippendorff's alpha, nominal, and percent agreement) when two or more sheets code the same items.

A coding value other than yes, no or empty is never guessed at: `CodingError` lists every such cell with its
sheet row, and a missed phrase that cannot be found in its article is reported the same way.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Sequence

import pandas as pd

from toolkit.validation.sampling import CODING_FIELDS, MISSED_FIELDS
from toolkit.validation.stats import adjusted_count, nominal_alpha, percent_agreement, weighted_proportion, wilson_interval

YES, NO = "yes", "no"
REQUIRED = ["item_id", "doc_id", "stratum", "stratum_size", "in_sample", "in_articles", "field", "start", "end", "text", "correct"]
#: The coded columns agreement is computed for, per kind of sheet (free text `note`/`coder` excluded).
AGREEMENT_FIELDS = {what: [c for c in fields if c not in ("note", "coder")] for what, fields in CODING_FIELDS.items()}
#: The finder's label each kind of sheet is broken down by.
LABEL = {"quotes": "kind", "denials": "category"}
PRECISION_COLUMNS = ["by", "value", "n", "correct", "precision", "low", "high"]


class CodingError(ValueError):
    """Raised for coded sheets that cannot be scored as they are; the message lists every problem found."""


@dataclass(frozen=True)
class Scores:
    """What `score` measured: tables for notebooks, `as_json` for the command line."""

    what: str
    precision: pd.DataFrame
    weighted: dict[str, Any]
    recall: dict[str, Any] | None
    agreement: pd.DataFrame
    sheets: list[dict[str, Any]]
    notes: list[str] = field(default_factory=list)

    def overall(self) -> dict[str, Any]:
        """Return the overall precision row as a dict."""
        return self.precision[self.precision["by"] == "all"].iloc[0].to_dict()

    def adjusted(self, raw: int, *, weighted: bool = True) -> dict[str, float]:
        """Return the true count behind `raw` findings: raw * precision / recall (1 without a recall
        measure), with the conservative interval of `stats.adjusted_count`; `weighted` uses the stratified
        precision (else the sample's)."""
        source = self.weighted if weighted else self.overall()
        precision = (source["precision"], source["low"], source["high"])
        recall = None if self.recall is None else (self.recall["recall"], self.recall["low"], self.recall["high"])
        estimate, low, high = adjusted_count(raw, precision, recall)
        return {"raw": raw, "estimate": estimate, "low": low, "high": high}

    def as_json(self) -> dict[str, Any]:
        """Return one JSON-ready object: precision, ci, n, by (stratum and label), weighted, recall, alpha."""
        overall = self.overall()
        by: dict[str, dict[str, Any]] = {}
        for row in self.precision[self.precision["by"] != "all"].to_dict(orient="records"):
            by.setdefault(row["by"], {})[row["value"]] = {
                "precision": _num(row["precision"]), "ci": [_num(row["low"]), _num(row["high"])], "n": int(row["n"])}
        alpha = {row["column"]: {"alpha": _num(row["alpha"]), "units": int(row["units"]),
                                 "percent_agreement": _num(row["percent_agreement"])}
                 for row in self.agreement.to_dict(orient="records")}
        return {"what": self.what, "precision": _num(overall["precision"]),
                "ci": [_num(overall["low"]), _num(overall["high"])], "n": int(overall["n"]), "by": by,
                "weighted": {k: _num(v) if isinstance(v, float) else v for k, v in self.weighted.items()},
                "recall": None if self.recall is None else {k: _num(v) if isinstance(v, float) else v for k, v in self.recall.items()},
                "alpha": alpha, "sheets": self.sheets, "notes": self.notes}


def _num(value: Any) -> float | None:
    """JSON has no NaN: an undefined number is null."""
    return None if value is None or (isinstance(value, float) and math.isnan(value)) else round(float(value), 6)


def sheet_kind(columns: Sequence[str]) -> str:
    """Return "quotes" or "denials" from a sheet's coding columns."""
    for what, fields in CODING_FIELDS.items():
        if fields[1] in columns:
            return what
    raise CodingError("not a coding sheet: it has neither correct_speaker (quotes) nor correct_category (denials)")


def read_sheet(path: str | Path) -> pd.DataFrame:
    """Read a coded sheet (CSV) with its coding values normalised to "yes", "no" or "" (uncoded).

    Raise `CodingError` listing every cell that is not yes/no/empty (any case, spaces ignored), with its
    spreadsheet row (the header is row 1), every missing column and every repeated item_id.
    """
    path = Path(path)
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    missing = [c for c in REQUIRED if c not in frame.columns]
    if missing:
        raise CodingError(f"{path}: not a coding sheet of `validate sample`: missing column(s) " + ", ".join(missing))
    what = sheet_kind(list(frame.columns))
    problems = []
    for column in AGREEMENT_FIELDS[what]:
        values = frame[column].str.strip().str.lower()
        for index in frame.index[~values.isin([YES, NO, ""])]:
            problems.append(f"{path} row {index + 2} (item {frame.at[index, 'item_id']}): {column} = "
                            f"{frame.at[index, column]!r}, expected yes, no or empty")
        frame[column] = values
    repeated = frame["item_id"][frame["item_id"].duplicated()].unique()
    problems += [f"{path}: item_id {item} appears more than once" for item in repeated]
    if problems:
        raise CodingError(f"{len(problems)} problem(s) in the coding:\n" + "\n".join(problems))
    for column in ("stratum_size", "start", "end"):
        frame[column] = frame[column].astype(int)
    frame.attrs = {"what": what, "path": str(path)}
    return frame


def _precision_row(by: str, value: str, coded: pd.DataFrame) -> dict[str, Any]:
    """One precision row: correct of n coded, with the Wilson interval."""
    n = len(coded)
    k = int((coded["correct"] == YES).sum())
    low, high = wilson_interval(k, n)
    return {"by": by, "value": value, "n": n, "correct": k, "precision": k / n if n else math.nan, "low": low, "high": high}


def precision_table(sheet: pd.DataFrame, what: str) -> pd.DataFrame:
    """Return precision rows over the random sample: overall ("all"), per stratum and per finder label."""
    coded = sheet[(sheet["in_sample"] == YES) & (sheet["correct"] != "")]
    rows = [_precision_row("all", "all", coded)]
    for by in ("stratum", LABEL[what]):
        for value, group in coded.groupby(by, sort=True):
            rows.append(_precision_row(by, str(value), group))
    return pd.DataFrame(rows, columns=PRECISION_COLUMNS)


def weighted_precision(sheet: pd.DataFrame) -> dict[str, Any]:
    """Return the stratified estimate: each stratum's precision weighted by its share of all findings."""
    sampled = sheet[sheet["in_sample"] == YES]
    strata = []
    for _, group in sampled.groupby("stratum", sort=True):
        coded = group[group["correct"] != ""]
        strata.append((int((coded["correct"] == YES).sum()), len(coded), int(group["stratum_size"].iloc[0])))
    estimate, low, high = weighted_proportion(strata)
    return {"precision": estimate, "low": low, "high": high, "strata": len(strata),
            "strata_uncoded": sum(1 for _, n, _ in strata if n == 0),
            "method": "stratum precisions weighted by each stratum's share of all findings; normal interval with finite-population correction"}


def label_accuracy(sheet: pd.DataFrame, what: str) -> dict[str, Any]:
    """Return how often the finder's speaker (quotes) or category (denials) is right among correct findings."""
    column = CODING_FIELDS[what][1]
    coded = sheet[(sheet["in_sample"] == YES) & (sheet["correct"] == YES) & (sheet[column] != "")]
    k = int((coded[column] == YES).sum())
    low, high = wilson_interval(k, len(coded))
    return {"column": column, "n": len(coded), "correct": k, "accuracy": k / len(coded) if len(coded) else math.nan,
            "low": low, "high": high}


def _phrase_pattern(phrase: str) -> re.Pattern[str]:
    """Match a phrase however its whitespace was copied (line breaks, double spaces)."""
    return re.compile(r"\s+".join(re.escape(part) for part in phrase.split()))


def locate_missed(missed_path: str | Path, texts: dict[str, dict[str, Any]]) -> pd.DataFrame:
    """Return the missed sheet's rows with `start`/`end` found from each phrase in its article.

    The n-th `occurrence` (default 1) of the phrase in the article's `field` (text, or title) is taken: exact
    first, then ignoring case. Raise `CodingError` listing rows whose doc_id is not a sampled article or
    whose phrase is not there.
    """
    missed_path = Path(missed_path)
    frame = pd.read_csv(missed_path, dtype=str, keep_default_na=False)
    absent = [c for c in ("doc_id", "phrase") if c not in frame.columns]
    if absent:
        raise CodingError(f"{missed_path}: missing column(s) {', '.join(absent)} (expected {', '.join(MISSED_FIELDS)})")
    problems, starts, ends = [], [], []
    for index, row in frame.iterrows():
        where = f"{missed_path} row {index + 2}"
        doc_id, phrase = row["doc_id"].strip(), row["phrase"].strip()
        field_name = (row.get("field") or "text").strip().lower() or "text"
        occurrence = (row.get("occurrence") or "1").strip() or "1"
        found = None
        if doc_id not in texts:
            problems.append(f"{where}: doc_id {doc_id!r} is not one of the sampled articles")
        elif not phrase:
            problems.append(f"{where}: the phrase is empty")
        elif field_name not in ("text", "title"):
            problems.append(f"{where}: field {row.get('field')!r}, expected text or title")
        elif not occurrence.isdigit() or int(occurrence) < 1:
            problems.append(f"{where}: occurrence {occurrence!r}, expected 1, 2, ...")
        else:
            source = texts[doc_id].get(field_name) or ""
            for flags in (0, re.IGNORECASE):
                hits = list(re.finditer(_phrase_pattern(phrase).pattern, source, flags))
                if len(hits) >= int(occurrence):
                    found = hits[int(occurrence) - 1].span()
                    break
            if found is None:
                problems.append(f"{where}: phrase {phrase!r} (occurrence {occurrence}) not found in the {field_name} of {doc_id}")
        starts.append(found[0] if found else None)
        ends.append(found[1] if found else None)
    if problems:
        raise CodingError(f"{len(problems)} problem(s) in the missed sheet:\n" + "\n".join(problems))
    frame["field"] = [((f or "text").strip().lower() or "text") for f in frame.get("field", pd.Series([""] * len(frame)))]
    frame["start"], frame["end"] = starts, ends
    return frame


def read_texts(path: str | Path) -> dict[str, dict[str, Any]]:
    """Read the sampled articles' texts (texts.jsonl beside missed.csv): doc_id -> {"text", "title"}."""
    texts = {}
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        if line.strip():
            record = json.loads(line)
            texts[record["doc_id"]] = {"text": record.get("text") or "", "title": record.get("title") or ""}
    return texts


def recall_estimate(sheet: pd.DataFrame, missed_path: str | Path) -> tuple[dict[str, Any], list[str]]:
    """Return recall over the sampled articles, found / (found + missed), with its Wilson interval, and notes.

    Found: the findings in the articles coded correct. Missed: the coders' rows, located in their articles;
    a missed phrase that overlaps a finding of the sheet is not counted (the finder marked it) and is noted.
    """
    missed_path = Path(missed_path)
    texts_path = missed_path.with_name("texts.jsonl")
    if not texts_path.is_file():
        raise CodingError(f"{missed_path}: no texts.jsonl beside it (the articles folder of `validate sample --articles`)")
    texts = read_texts(texts_path)
    missed = locate_missed(missed_path, texts)
    in_articles = sheet[sheet["in_articles"] == YES]
    notes = []
    uncoded = int((in_articles["correct"] == "").sum())
    if uncoded:
        notes.append(f"{uncoded} finding(s) in the sampled articles are uncoded: recall counts only coded ones")
    counted = 0
    for index, row in missed.iterrows():
        same = in_articles[(in_articles["doc_id"] == row["doc_id"]) & (in_articles["field"] == row["field"])]
        hit = same[(same["start"] < row["end"]) & (same["end"] > row["start"])]
        if len(hit):
            notes.append(f"{missed_path} row {index + 2}: {row['phrase']!r} overlaps the finding {hit['item_id'].iloc[0]}: "
                         "not counted as missed (code the finding instead)")
        else:
            counted += 1
    found = int((in_articles["correct"] == YES).sum())
    low, high = wilson_interval(found, found + counted)
    total = found + counted
    return ({"recall": found / total if total else math.nan, "low": low, "high": high, "found": found,
             "missed": counted, "articles": len(texts),
             "missed_sheet": str(missed_path)}, notes)


def agreement_table(sheets: Sequence[pd.DataFrame], what: str) -> pd.DataFrame:
    """Return Krippendorff's alpha (nominal) and percent agreement per coded column over the sheets' items.

    Items are matched by item_id; a sheet lacking an item, or leaving it empty, gives no value for it.
    """
    columns = ["column", "alpha", "units", "percent_agreement", "coders"]
    if len(sheets) < 2:
        return pd.DataFrame(columns=columns)
    items = sorted(set().union(*(set(s["item_id"]) for s in sheets)))
    indexed = [s.set_index("item_id") for s in sheets]
    rows = []
    for column in AGREEMENT_FIELDS[what]:
        units = [[(s.at[i, column] or None) if i in s.index else None for s in indexed] for i in items]
        alpha, n_units = nominal_alpha(units)
        agreement, _ = percent_agreement(units)
        rows.append({"column": column, "alpha": alpha, "units": n_units, "percent_agreement": agreement, "coders": len(sheets)})
    return pd.DataFrame(rows, columns=columns)


def score(sheets: Sequence[str | Path] | str | Path, *, missed: str | Path | None = None) -> Scores:
    """Score one or more coded sheets of the same sample; precision and recall come from the first sheet.

    With two or more sheets (two coders, same items) the agreement table is filled. `missed` is the
    articles' missed sheet (SHEET.articles/missed.csv); without it recall is None.
    """
    paths = [sheets] if isinstance(sheets, (str, Path)) else list(sheets)
    if not paths:
        raise CodingError("give at least one coded sheet")
    frames = [read_sheet(p) for p in paths]
    kinds = {f.attrs["what"] for f in frames}
    if len(kinds) > 1:
        raise CodingError("the sheets code different things (quotes and denials): score them separately")
    what = kinds.pop()
    primary = frames[0]
    summaries = []
    for path, frame in zip(paths, frames):
        row = _precision_row("all", "all", frame[(frame["in_sample"] == YES) & (frame["correct"] != "")])
        coders = sorted({c for c in frame["coder"] if c}) if "coder" in frame else []
        summaries.append({"sheet": str(path), "coders": coders, "n": row["n"], "precision": _num(row["precision"]),
                          "ci": [_num(row["low"]), _num(row["high"])],
                          "uncoded": int(((frame["in_sample"] == YES) & (frame["correct"] == "")).sum()),
                          label_accuracy(frame, what)["column"]: _num(label_accuracy(frame, what)["accuracy"])})
    notes = []
    if summaries[0]["uncoded"]:
        notes.append(f"{summaries[0]['uncoded']} sampled finding(s) in {paths[0]} are uncoded and not scored")
    recall = None
    if missed is not None:
        recall, recall_notes = recall_estimate(primary, missed)
        notes += recall_notes
    return Scores(what, precision_table(primary, what), weighted_precision(primary), recall,
                  agreement_table(frames, what), summaries, notes)


def format_scores(scores: Scores) -> str:
    """Return the scores as the plain-text report `validate score` prints."""
    def pct(v: float) -> str:
        """A proportion to three places, or n/a."""
        return "  n/a" if isinstance(v, float) and math.isnan(v) else f"{v:.3f}"

    lines = [f"precision of the {scores.what} finder (first sheet: {scores.sheets[0]['sheet']}), Wilson 95% intervals"]
    lines.append(f"{'by':<10} {'value':<22} {'n':>5} {'correct':>7} {'precision':>9}  95% interval")
    for row in scores.precision.to_dict(orient="records"):
        lines.append(f"{row['by']:<10} {row['value'][:22]:<22} {row['n']:>5} {row['correct']:>7} {pct(row['precision']):>9}  "
                     f"[{pct(row['low'])}, {pct(row['high'])}]")
    w = scores.weighted
    lines.append(f"weighted by stratum size ({w['strata']} strata): {pct(w['precision'])} [{pct(w['low'])}, {pct(w['high'])}]"
                 " (normal interval, finite-population correction)")
    if scores.recall is not None:
        r = scores.recall
        lines.append(f"recall over {r['articles']} sampled articles: {pct(r['recall'])} [{pct(r['low'])}, {pct(r['high'])}] "
                     f"({r['found']} found correct, {r['missed']} missed)")
    for row in scores.agreement.to_dict(orient="records"):
        lines.append(f"agreement on {row['column']} ({row['coders']} coders, {row['units']} units): "
                     f"Krippendorff's alpha (nominal) {pct(row['alpha'])}, percent agreement {pct(row['percent_agreement'])}")
    lines += [f"note: {n}" for n in scores.notes]
    return "\n".join(lines)
