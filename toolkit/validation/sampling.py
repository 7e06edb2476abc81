"""Draw a stratified, seeded sample of findings (quotes or denials) into a coding sheet, and, for recall, a
sample of whole articles with their findings marked and an empty sheet for what the finder missed.

    >>> result = sample("data/sample", what="denials", n=60, seed=1, by="outlet", articles=5)
    >>> write_sample(result, "coding/denials.csv")

The same seed, source and options give the same sheet, byte for byte. A finding's `item_id` is a hash of
where it is (doc_id, field, start, end) and what it is (quotes or denials), so it survives a re-run.
"""

from __future__ import annotations

import hashlib
import json
import math
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal, Sequence

import numpy as np
import pandas as pd

from toolkit.io.outputs import OwnedFolder, atomic_write, resolve_output
from toolkit.io.tables import write_table
from toolkit.pipeline.dataset import Dataset, open_dataset

What = Literal["quotes", "denials"]
Allocation = Literal["equal", "proportional"]
WHATS = ("quotes", "denials")
#: The finder's fields copied into the sheet, per kind of finding.
FINDER_FIELDS = {"quotes": ["kind", "speaker", "cue", "rule"], "denials": ["category", "denier", "score", "rule"]}
#: The columns coders fill, per kind of finding (`correct` first: every score starts from it).
CODING_FIELDS = {"quotes": ["correct", "correct_speaker", "note", "coder"],
                 "denials": ["correct", "correct_category", "note", "coder"]}
LOCATION_FIELDS = ["item_id", "doc_id", "outlet", "stratum", "stratum_size", "in_sample", "in_articles",
                   "field", "start", "end", "text"]
#: The missed-findings sheet coders fill for the sampled articles (one row per missed finding).
MISSED_FIELDS = ["doc_id", "phrase", "occurrence", "field", "category", "note", "coder"]
#: Where the sheet's companions go, named after the sheet (SHEET.csv -> SHEET.README.md, SHEET.articles/).
ARTICLES_KIND = "validation-articles"
NO_STRATUM = "(none)"
CONTEXT = 150
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class SampleResult:
    """A drawn sample: the coding sheet, the sampled articles (empty without `articles`), and how it was drawn."""

    sheet: pd.DataFrame
    articles: pd.DataFrame
    what: str
    by: str | None
    seed: int
    n_findings: int
    n_articles: int


def item_id(doc_id: str, field: str, start: int, end: int, what: str) -> str:
    """Return the stable id of a finding: 16 hex digits of SHA-1 over where it is and what it is."""
    key = "\t".join([str(doc_id), str(field), str(int(start)), str(int(end)), what])
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


def _stream(seed: int, stratum: str, purpose: str) -> np.random.Generator:
    """A random stream per stratum and purpose: adding a stratum or articles never changes another's draw."""
    digest = int(hashlib.sha1(f"{purpose}\t{stratum}".encode("utf-8")).hexdigest()[:8], 16)
    return np.random.default_rng([int(seed), digest])


def allocate(sizes: dict[str, int], n: int, allocation: Allocation = "equal") -> dict[str, int]:
    """Split `n` draws over strata of the given sizes: equally (default) or in proportion to size.

    No stratum gets more than it holds; what a small stratum cannot take goes to the others. Ties in the
    remainder go to strata in name order, so the split is deterministic.
    """
    if n < 0:
        raise ValueError(f"--n must be >= 0, got {n}")
    names = sorted(sizes)
    total = sum(sizes.values())
    if n >= total:
        return dict(sizes)
    if allocation == "proportional":
        quotas = {s: n * sizes[s] / total for s in names}
        taken = {s: min(sizes[s], math.floor(quotas[s])) for s in names}
        by_remainder = sorted(names, key=lambda s: (-(quotas[s] - math.floor(quotas[s])), s))
        left = n - sum(taken.values())
        while left > 0:  # hand out the remainder largest fraction first, cycling past full strata
            for s in by_remainder:
                if left and taken[s] < sizes[s]:
                    taken[s] += 1
                    left -= 1
        return taken
    if allocation != "equal":
        raise ValueError(f"allocation must be 'equal' or 'proportional', got {allocation!r}")
    taken = dict.fromkeys(names, 0)
    left = n
    while left > 0:
        open_ = [s for s in names if taken[s] < sizes[s]]
        share, extra = divmod(left, len(open_))
        for i, s in enumerate(open_):
            give = min(sizes[s] - taken[s], share + (1 if i < extra else 0))
            taken[s] += give
            left -= give
    return taken


def _strata(frame: pd.DataFrame, by: str | None) -> pd.Series:
    """Return each row's stratum as text (missing values as "(none)"; no `by`: one stratum "all")."""
    if by is None:
        return pd.Series("all", index=frame.index, dtype=object)
    return frame[by].map(lambda v: NO_STRATUM if v is None or (not isinstance(v, str) and pd.isna(v)) else str(v))


def _clean(value: Any) -> Any:
    """Return None for missing cells (NaN, pd.NA), the value otherwise."""
    if value is None or (not isinstance(value, (str, list, dict)) and pd.isna(value)):
        return None
    return value


def findings_table(data: Dataset, what: What, *, by: str | None = "outlet", context: int = CONTEXT) -> pd.DataFrame:
    """Return every finding of `data` as a sheet row (no coding yet): where, what, the finder's fields, context.

    Rows are in (doc_id, field, start, end) order; `text` is `source[start:end]` of the field it was found
    in (the body, or the title for a denial found there); `left`/`right` are up to `context` characters
    around it, whitespace collapsed for reading.
    """
    if what not in WHATS:
        raise ValueError(f"--what must be quotes or denials, got {what!r}")
    if by is not None and by not in data.articles.columns:
        raise ValueError(f"--by {by!r} is not an article column; choose one of: " + ", ".join(map(str, data.articles.columns)))
    table = data.quotes if what == "quotes" else data.denials
    articles = data.articles.drop_duplicates("doc_id").set_index("doc_id")
    strata = _strata(articles, by)
    rows = []
    for record in table.to_dict(orient="records"):
        doc_id = record["doc_id"]
        field = record.get("field") or "text"
        if doc_id not in articles.index:
            raise ValueError(f"{what} finding in {doc_id!r}, an article the articles table lacks")
        source = articles.at[doc_id, field] if field in articles.columns else None
        if not isinstance(source, str):
            raise ValueError(f"{what} finding in {doc_id} points into its {field}, which the articles table lacks")
        start, end = int(record["start"]), int(record["end"])
        outlet = _clean(articles.at[doc_id, "outlet"]) if "outlet" in articles.columns else None
        row = {
            "item_id": item_id(doc_id, field, start, end, what), "doc_id": doc_id, "outlet": outlet,
            "stratum": strata.at[doc_id], "field": field, "start": start, "end": end, "text": source[start:end],
        }
        row.update({name: _clean(record.get(name)) for name in FINDER_FIELDS[what]})
        row["left"] = _SPACE.sub(" ", source[max(0, start - context):start]).lstrip()
        row["right"] = _SPACE.sub(" ", source[end:end + context]).rstrip()
        rows.append(row)
    columns = [c for c in LOCATION_FIELDS if c not in ("stratum_size", "in_sample", "in_articles")]
    columns += FINDER_FIELDS[what] + ["left", "right"]
    frame = pd.DataFrame(rows, columns=columns)
    return frame.sort_values(["doc_id", "field", "start", "end"], kind="stable").reset_index(drop=True)


def _draw(frame: pd.DataFrame, counts: dict[str, int], seed: int, purpose: str, key: str) -> pd.DataFrame:
    """Draw counts[stratum] rows of each stratum without replacement, each stratum from its own stream."""
    picked = []
    for stratum, n_h in sorted(counts.items()):
        members = frame[frame["stratum"] == stratum].sort_values(key, kind="stable")
        if n_h:
            chosen = _stream(seed, stratum, purpose).choice(len(members), size=n_h, replace=False)
            picked.append(members.iloc[np.sort(chosen)])
    return pd.concat(picked) if picked else frame.iloc[0:0]


def draw_sample(
    findings: pd.DataFrame, n: int, *, seed: int = 0, allocation: Allocation = "equal"
) -> pd.DataFrame:
    """Return `n` findings drawn without replacement within each `stratum`, with `stratum_size` (its number of
    findings, for weighting) added; the same findings and seed give the same rows."""
    sizes = findings["stratum"].value_counts().to_dict()
    drawn = _draw(findings, allocate(sizes, n, allocation), seed, "findings", "item_id").copy()
    drawn.insert(drawn.columns.get_loc("stratum") + 1, "stratum_size", drawn["stratum"].map(sizes).astype(int))
    return drawn


def draw_articles(data: Dataset, k: int, *, seed: int = 0, by: str | None = "outlet") -> pd.DataFrame:
    """Return `k` articles (doc_id, outlet, stratum) drawn equally across strata, with or without findings."""
    articles = data.articles.drop_duplicates("doc_id").reset_index(drop=True)
    frame = pd.DataFrame({"doc_id": articles["doc_id"],
                          "outlet": articles["outlet"] if "outlet" in articles else None,
                          "stratum": _strata(articles, by).to_numpy()})
    counts = allocate(frame["stratum"].value_counts().to_dict(), k)
    return _draw(frame, counts, seed, "articles", "doc_id").sort_values("doc_id").reset_index(drop=True)


def sample(
    source: Any,
    what: What,
    n: int,
    *,
    seed: int = 0,
    by: str | None = "outlet",
    articles: int = 0,
    allocation: Allocation = "equal",
    context: int = CONTEXT,
    **load_options: Any,
) -> SampleResult:
    """Return a coding sheet of `n` findings of a corpus, extraction folder or `Dataset`, stratified by `by`.

    With `articles` K, K whole articles are drawn too (stratified the same way) and every finding in them is
    added to the sheet (`in_articles` "yes"): recall is scored from those and the coders' missed sheet.
    `load_options` go to `toolkit.pipeline.dataset.open_dataset`.
    """
    data = source if isinstance(source, Dataset) else open_dataset(source, **load_options)
    everything = findings_table(data, what, by=by, context=context)
    drawn = draw_sample(everything, n, seed=seed, allocation=allocation)
    chosen = draw_articles(data, articles, seed=seed, by=by) if articles else pd.DataFrame(columns=["doc_id", "outlet", "stratum"])
    sizes = everything["stratum"].value_counts()
    in_articles = everything[everything["doc_id"].isin(set(chosen["doc_id"]))].copy()
    in_articles.insert(in_articles.columns.get_loc("stratum") + 1, "stratum_size", in_articles["stratum"].map(sizes).astype(int))
    sampled_ids = set(drawn["item_id"])
    sheet = pd.concat([drawn, in_articles[~in_articles["item_id"].isin(sampled_ids)]], ignore_index=True)
    sheet.insert(sheet.columns.get_loc("stratum_size") + 1, "in_sample",
                 sheet["item_id"].isin(sampled_ids).map({True: "yes", False: "no"}))
    sheet.insert(sheet.columns.get_loc("in_sample") + 1, "in_articles",
                 sheet["doc_id"].isin(set(chosen["doc_id"])).map({True: "yes", False: "no"}))
    for column in CODING_FIELDS[what]:
        sheet[column] = ""
    # Coders meet the items in hash order: neither by outlet nor by article, so order does not cue them.
    sheet = sheet.sort_values("item_id", kind="stable").reset_index(drop=True)
    counts = everything.groupby("doc_id").size()
    chosen = chosen.assign(n_findings=chosen["doc_id"].map(counts).fillna(0).astype(int))
    texts = data.articles.drop_duplicates("doc_id").set_index("doc_id")
    chosen = chosen.assign(title=[_clean(texts.at[d, "title"]) if "title" in texts else None for d in chosen["doc_id"]],
                           text=[texts.at[d, "text"] for d in chosen["doc_id"]])
    return SampleResult(sheet, chosen.reset_index(drop=True), what, by, seed, len(everything), len(data.articles))


def companions(sheet: str | Path) -> dict[str, Path]:
    """Return where a sheet's README and articles folder go, named after it (SHEET.README.md, SHEET.articles/)."""
    sheet = Path(sheet)
    stem = sheet.with_suffix("")
    return {"readme": stem.with_name(stem.name + ".README.md"), "articles": stem.with_name(stem.name + ".articles")}


def marked(text: str, spans: Sequence[tuple[int, int]]) -> str:
    """Return `text` with "[[" before and "]]" after every span (ends before starts at one position)."""
    events = sorted([(e, 0) for _, e in spans] + [(s, 1) for s, _ in spans])
    out, last = [], 0
    for position, is_start in events:
        out.append(text[last:position])
        out.append("[[" if is_start else "]]")
        last = position
    out.append(text[last:])
    return "".join(out)


def write_sample(result: SampleResult, out: str | Path, inputs: Sequence[Any] = ()) -> dict[str, Path]:
    """Write the coding sheet (.csv), its README, and with articles the SHEET.articles/ folder; return the paths.

    Every output is checked against `inputs` first (`toolkit.io.outputs.resolve_output`) and written
    atomically; the articles folder is one of ours (`OwnedFolder`), never someone else's.
    """
    out = Path(out)
    if out.suffix.lower() != ".csv":
        raise ValueError(f"the coding sheet is a .csv file, got {out.name}")
    places = companions(out)
    target = resolve_output(out, inputs)
    readme = resolve_output(places["readme"], inputs)
    folder = resolve_output(places["articles"], inputs, kind="folder") if len(result.articles) else None
    write_table(result.sheet, target)
    written = {"sheet": target, "readme": readme}
    if folder is not None:
        written.update(_write_articles(result, folder))
    atomic_write(readme, lambda tmp: tmp.write_text(coder_readme(result, target.name), encoding="utf-8"))
    return written


def _write_articles(result: SampleResult, folder: Path) -> dict[str, Path]:
    """Write the marked articles, their list, their texts (for scoring) and the empty missed sheet."""
    owned = OwnedFolder.claim(folder, ARTICLES_KIND, patterns=("*.txt", "articles.csv", "texts.jsonl", "missed.csv"))
    owned.clean(keep=lambda name: name == "missed.csv")  # a missed sheet in progress is the coders' work
    listing, lines = [], []
    for i, row in enumerate(result.articles.to_dict(orient="records"), start=1):
        mine = result.sheet[result.sheet["doc_id"] == row["doc_id"]].sort_values(["field", "start", "end"])
        name = f"{i:03d}_{re.sub(r'[^A-Za-z0-9._-]+', '_', str(row['doc_id']))[:80]}.txt"
        body = marked(row["text"], list(zip(mine.loc[mine["field"] == "text", "start"], mine.loc[mine["field"] == "text", "end"])))
        title = _clean(row["title"]) or ""
        title = marked(title, list(zip(mine.loc[mine["field"] == "title", "start"], mine.loc[mine["field"] == "title", "end"])))
        listed = "\n".join(f"- [[{r['text']}]] ({r['field']} {r['start']}-{r['end']}, item {r['item_id']})"
                           for r in mine.to_dict(orient="records")) or "- none"
        page = (f"doc_id: {row['doc_id']}\noutlet: {row['outlet']}\ntitle: {title}\n\n{body}\n\n"
                f"--- the finder's {result.what} in this article, marked [[...]] above ---\n{listed}\n")
        atomic_write(folder / name, lambda tmp, page=page: tmp.write_text(page, encoding="utf-8"))
        listing.append({"doc_id": row["doc_id"], "outlet": row["outlet"], "stratum": row["stratum"],
                        "n_findings": row["n_findings"], "file": name})
        lines.append(json.dumps({"doc_id": row["doc_id"], "title": _clean(row["title"]), "text": row["text"]}, ensure_ascii=False))
    write_table(pd.DataFrame(listing), folder / "articles.csv")
    atomic_write(folder / "texts.jsonl", lambda tmp: tmp.write_text("\n".join(lines) + "\n", encoding="utf-8"))
    missed = folder / "missed.csv"
    if not missed.exists():
        write_table(pd.DataFrame(columns=MISSED_FIELDS), missed)
    owned.add([*(folder / r["file"] for r in listing), folder / "articles.csv", folder / "texts.jsonl", missed])
    owned.save()
    return {"articles": folder, "missed": missed}


_CATEGORIES = """\
Denial categories (from the denial guidelines; the first that applies wins):
- explicit: says outright that a claim is rejected (deny, reject, refute, dismiss a claim, dispute, rebut).
- no_evidence: says the claim lacks support (no evidence, unfounded, baseless, unsubstantiated).
- falsity: labels the claim false or absurd (false, untrue, a lie, fake news, fabricated, hoax, nonsense).
- delegitimize: attacks the accusers or their motives (smear, witch hunt, propaganda, politically motivated).
- counter_accusation: turns the accusation back or away (smokescreen, divert attention, look at yourselves).
Not a denial: a negated or questioned denial ("did not deny"), ordinary negation that rejects no claim,
dispute as a topic ("a border dispute"), "false"/"fake" describing things ("fake IDs").
The full guidelines (GUIDELINES.md: spans, hard cases, the denier) are not shipped with the toolkit: they
come with the denial gold the toolkit was developed on (shared/denials/GUIDELINES.md beside the project
clone); ask the project for a copy and code by them, so your numbers and ours mean the same thing.
"""

_QUOTES = """\
A quote is a report of what someone said, wrote, believed or intended, with its source (speaker) and cue
(the verb or phrase that attributes it: said, told, according to, believes, wants to ...), following
PolNeAR's attribution relations (Pareti 2016): direct (inside quotation marks), mixed (reported speech
with a quoted fragment) or indirect ("X said that ..."). `text` is the content the finder marked.
"""


def coder_readme(result: SampleResult, sheet_name: str) -> str:
    """Return the coders' instructions for a sheet: what to fill, with which values, and the definitions."""
    what = result.what
    second = CODING_FIELDS[what][1]
    second_help = ("is the `category` right? yes / no (if no, write the right category in `note`)" if what == "denials"
                   else "is the `speaker` right (the person or body the text is attributed to)? yes / no")
    strata = result.sheet[result.sheet["in_sample"] == "yes"]["stratum"].value_counts().sort_index()
    drawn = ", ".join(f"{s} {c}" for s, c in strata.items()) or "none"
    recall = ""
    if len(result.articles):
        recall = f"""
## Recall: what the finder missed
`{Path(sheet_name).stem}.articles/` holds {len(result.articles)} whole articles (one .txt file each) with every
finding marked `[[...]]`; their findings are in the sheet too (`in_articles` = yes): code them like the others.
Read each article whole and add one row to `{Path(sheet_name).stem}.articles/missed.csv` for each {what[:-1]} the
finder did not mark: `doc_id` (from the file's first line), `phrase` (copied exactly from the article, without
the [[ ]] marks), `occurrence` (1 for the phrase's first occurrence in the article, 2 for the second ...; empty
means 1), `field` (text, or title for the headline; empty means text), `category` (denials), `note`, `coder`.
An article with nothing missed gets no row. Scoring finds each phrase in the article and reports the ones it
cannot find (by row), so copy them exactly.
"""
    return f"""# Coding sheet `{sheet_name}`: {what}

Drawn by `python -m toolkit validate sample` (seed {result.seed}, stratified by {result.by or 'nothing'}):
{int((result.sheet['in_sample'] == 'yes').sum())} of {result.n_findings} {what} in {result.n_articles} articles
({drawn}). The same command with the same seed draws the same sheet.

## What to fill, per row
Read `text` in its context (`left` ... `text` ... `right`; `field` says whether it is in the headline), then:
- `correct`: is this a {what[:-1]} at all, with the span about right? yes / no. Leave empty only if you
  cannot decide; an empty cell is not scored (and is counted as uncoded).
- `{second}`: {second_help}; only when `correct` is yes.
- `note`: anything worth keeping (a better span, the right category or speaker).
- `coder`: your initials (one coder per sheet copy: two coders code two copies of the same sheet,
  independently, and `validate score A.csv B.csv` reports their agreement).
Only yes and no are read (any case); any other value is reported with its row, never guessed.
Do not edit, add or delete the other columns: `item_id` ties the copies together.

## Definitions
{_CATEGORIES if what == 'denials' else _QUOTES}{recall}
## Scoring
`python -m toolkit validate score {sheet_name} [SECOND_CODER.csv] [--missed {Path(sheet_name).stem}.articles/missed.csv] [--json]`
prints precision with Wilson 95% intervals (overall, per stratum and per {'category' if what == 'denials' else 'kind'}),
the estimate weighted by each stratum's share of all {what}, recall from the articles, and Krippendorff's
alpha (nominal) with percent agreement when two or more sheets code the same items.
"""
