"""Quote and denial tables for the report notebooks: pure functions over the Dataset tables.

Every function takes the `articles`, `quotes` and/or `denials` tables of `toolkit.pipeline.dataset.Dataset`
and returns a new DataFrame, sorted with explicit tie-breaks so that a report is byte-identical
from one run to the next. Empty inputs give empty tables with the same columns. Rates are per
1,000 words of article body (`n_words`: whitespace-separated words), the usual normalisation when
outlets publish articles of different lengths. Denial tables live in `toolkit.reports.denial_tables`,
comparisons between sub-corpora (keyness, collocations) in `toolkit.reports.compare`.

Speakers and deniers are counted as persons (`toolkit.quotes.people`): "Trump", "Mr. Trump" and
"Donald J. Trump" are one row, "Donald Trump", with the number of surface forms it merges. Call
`people` once on the Dataset's tables and pass its `quotes`/`denials` on; a table without a `person`
column gets one computed from itself alone (no article text or dates to decide bare surnames by).
"""

from __future__ import annotations

from typing import Sequence

import pandas as pd

from toolkit.quotes.people import People, assign_people
from toolkit.reports.overview import UNKNOWN

KINDS = ("direct", "mixed", "indirect")
CATEGORIES = ("explicit", "no_evidence", "falsity", "delegitimize", "counter_accusation")
#: Personal pronouns a speaker finder may return as a speaker; they are counted apart from names.
PRONOUNS = frozenset(
    "i me we us you he him she her it they them his hers its their theirs our ours one "
    "this that these those who someone somebody".split()
)
NO_SPEAKER = "(no speaker)"
NO_DENIER = "(no denier)"
#: Words after which a cue's last word says nothing alone ("according to", "pointed out").
_PARTICLES = frozenset("to that of out up on in about".split())


# ---------------------------------------------------------------------------------------------
# shared helpers


def article_frame(articles: pd.DataFrame) -> pd.DataFrame:
    """Return doc_id, title, outlet ("(unknown)" when missing), date, month and n_words of each article."""
    out = pd.DataFrame({
        "doc_id": articles["doc_id"].astype(str),
        "title": articles["title"] if "title" in articles else None,
        "outlet": articles["outlet"].fillna(UNKNOWN).astype(str) if "outlet" in articles else UNKNOWN,
        "date": pd.to_datetime(articles["date"]) if "date" in articles else pd.NaT,
    })
    if "n_words" in articles:
        out["n_words"] = articles["n_words"].astype("int64").to_numpy()
    else:  # a table from `load_corpus`, not from the pipeline
        out["n_words"] = articles["text"].str.split().str.len().fillna(0).astype("int64").to_numpy()
    out["month"] = out["date"].dt.to_period("M").astype(str).where(out["date"].notna(), None)
    return out.reset_index(drop=True)


def _sorted_outlets(frame: pd.DataFrame, column: str = "outlet") -> pd.DataFrame:
    """Sort by outlet name, unknown outlets last (as `toolkit.reports.overview.per_outlet` does)."""
    frame = frame.sort_values(column, kind="stable")
    return frame.sort_values(column, key=lambda s: s.eq(UNKNOWN), kind="stable").reset_index(drop=True)


def per_1000(count: pd.Series | float, words: pd.Series | float) -> pd.Series | float:
    """Return `count` per 1,000 words, 0 where there are no words, rounded to 3 decimals."""
    if isinstance(words, pd.Series):
        return (1000 * count / words.where(words > 0)).fillna(0.0).round(3)
    return round(1000 * count / words, 3) if words else 0.0


def _share(part: pd.Series, whole: pd.Series) -> pd.Series:
    return (part / whole.where(whole > 0)).fillna(0.0).round(3)


def _with_articles(table: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """Join each row of a quotes/denials table with its article's outlet, date, month and n_words."""
    meta = article_frame(articles)
    if table.empty:
        return pd.DataFrame(columns=[*table.columns, *[c for c in meta.columns if c not in table.columns]])
    return table.merge(meta, on="doc_id", how="inner", validate="many_to_one", suffixes=("", "_article"))


def _count_by(table: pd.DataFrame, keys: list[str], column: str, values: Sequence[str]) -> pd.DataFrame:
    """Counts of each value of `column` per group, one column per value (every value present, 0 if unseen)."""
    if table.empty:
        return pd.DataFrame(columns=[*keys, *values])
    counts = pd.crosstab([table[k] for k in keys], table[column])
    extra = sorted(c for c in counts.columns if c not in values)  # a category a newer finder adds
    return counts.reindex(columns=[*values, *extra], fill_value=0).reset_index().rename_axis(columns=None)


def per_month(articles: pd.DataFrame, table: pd.DataFrame, *, by_outlet: bool = True) -> pd.DataFrame:
    """Articles, words, rows of `table` (quotes or denials) and their rate per 1,000 words, per month (and outlet).

    Every month between the first and the last dated article is present (0 when nothing was
    published), so a time series has no silent gaps; undated articles are left out.
    """
    meta = article_frame(articles).dropna(subset=["month"])
    keys = ["month", "outlet"] if by_outlet else ["month"]
    columns = [*keys, "articles", "words", "count", "per_1000_words"]
    if meta.empty:
        return pd.DataFrame(columns=columns)
    counts = table.groupby("doc_id").size().rename("count") if len(table) else pd.Series(dtype="int64", name="count")
    meta = meta.join(counts, on="doc_id").fillna({"count": 0})
    grouped = meta.groupby(keys).agg(articles=("doc_id", "size"), words=("n_words", "sum"), count=("count", "sum"))
    months = pd.period_range(min(meta["month"]), max(meta["month"]), freq="M").astype(str)
    if by_outlet:
        index = pd.MultiIndex.from_product([months, sorted(meta["outlet"].unique())], names=keys)
    else:
        index = pd.Index(months, name="month")
    grouped = grouped.reindex(index, fill_value=0).reset_index()
    grouped[["articles", "words", "count"]] = grouped[["articles", "words", "count"]].astype("int64")
    # A month without articles has no rate (NaN), not a rate of 0: a figure must show a gap there.
    grouped["per_1000_words"] = per_1000(grouped["count"], grouped["words"]).where(grouped["words"] > 0)
    return grouped[columns]


def monthly_pivot(monthly: pd.DataFrame, value: str = "count") -> pd.DataFrame:
    """Return a `per_month` table as months (rows) by outlets (columns) of `value`, for a figure."""
    if monthly.empty:
        return pd.DataFrame(index=pd.Index([], name="month"))
    table = monthly.pivot(index="month", columns="outlet", values=value)
    table.columns.name = None
    return table


# ---------------------------------------------------------------------------------------------
# quotes


def quotes_per_article(articles: pd.DataFrame, quotes: pd.DataFrame) -> pd.DataFrame:
    """One row per article: outlet, words, quotes of each kind, quotes per 1,000 words; most quoted first."""
    meta = article_frame(articles)[["doc_id", "title", "outlet", "date", "n_words"]]
    counts = _count_by(quotes, ["doc_id"], "kind", KINDS)
    table = meta.merge(counts, on="doc_id", how="left")
    kinds = [c for c in counts.columns if c != "doc_id"]
    table[kinds] = table[kinds].fillna(0).astype("int64")
    table.insert(5, "quotes", table[kinds].sum(axis=1).astype("int64"))
    table["quotes_per_1000_words"] = per_1000(table["quotes"], table["n_words"])
    return table.sort_values(["quotes", "doc_id"], ascending=[False, True], kind="stable").reset_index(drop=True)


def quotes_per_outlet(articles: pd.DataFrame, quotes: pd.DataFrame) -> pd.DataFrame:
    """Per outlet: articles, words, quotes, quotes per article and per 1,000 words, and the share of each kind.

    The kind shares (direct / mixed / indirect, summing to 1 where an outlet has quotes) say how
    an outlet reports speech: in the speaker's words, partly, or paraphrased.
    """
    per_article = quotes_per_article(articles, quotes)
    kinds = [c for c in per_article.columns if c not in ("doc_id", "title", "outlet", "date", "n_words", "quotes", "quotes_per_1000_words")]
    table = per_article.groupby("outlet").agg(
        articles=("doc_id", "size"), words=("n_words", "sum"), quotes=("quotes", "sum"), **{k: (k, "sum") for k in kinds}
    ).reset_index()
    table["quotes_per_article"] = (table["quotes"] / table["articles"].where(table["articles"] > 0)).fillna(0).round(2)
    table["quotes_per_1000_words"] = per_1000(table["quotes"], table["words"])
    for kind in kinds:
        table[f"{kind}_share"] = _share(table[kind], table["quotes"])
    return _sorted_outlets(table)


def people(articles: pd.DataFrame, quotes: pd.DataFrame, denials: pd.DataFrame | None = None,
           aliases: object = None) -> People:
    """Give the Dataset's quotes and denials a `person` and `speaker_kind`, with the people table.

    `aliases` is an aliases CSV path or a {surface form: person} mapping (see `toolkit.quotes.people`).
    """
    return assign_people(quotes, articles, denials, aliases)


def with_persons(table: pd.DataFrame, *, denials: bool = False) -> pd.DataFrame:
    """Return a quotes (or denials) table with `person` and `speaker_kind`, computed when it has none."""
    if "person" in table and "speaker_kind" in table:
        return table
    if denials:
        return assign_people(None, denials=table).denials
    return assign_people(table).quotes


def merged_label(names: pd.Series, surface_forms: pd.Series, ambiguous: pd.Series | None = None) -> pd.Series:
    """Return chart labels that say how many surface forms each person merges: "Donald Trump (45 forms)"."""
    forms = surface_forms.astype("int64").map(lambda n: f" ({n} form{'' if n == 1 else 's'})")
    flag = ambiguous.map({True: " (ambiguous)"}).fillna("") if ambiguous is not None else ""
    return names.astype(str) + flag + forms


def person_label(table: pd.DataFrame, name_column: str, missing: str = NO_SPEAKER) -> pd.Series:
    """Return the person of each row; an unresolved pronoun as written ("he"), `missing` when there is none."""
    names = table[name_column] if name_column in table else pd.Series([None] * len(table), index=table.index)
    fallback = names.map(lambda n: display_name(n, missing))
    person = table["person"].map(lambda n: None if pd.isna(n) or not str(n).strip() else " ".join(str(n).split()))
    return person.where(person.notna(), fallback).where(table["speaker_kind"] != "none", missing)


def _forms(table: pd.DataFrame, raw: str, name: str) -> pd.Series:
    """Return each row's surface form: the raw phrase (else the normalised name), whitespace collapsed."""
    raws = table[raw] if raw in table else pd.Series([None] * len(table), index=table.index)
    names = table[name] if name in table else pd.Series([None] * len(table), index=table.index)
    return raws.where(raws.notna(), names).map(
        lambda r: None if r is None or (isinstance(r, float) and pd.isna(r)) else " ".join(str(r).split()))


def display_name(name: object, missing: str = NO_SPEAKER) -> str:
    """Return a speaker/denier name with whitespace collapsed; pronouns lower-cased ("He" is "he"); `missing` when empty."""
    if name is None or (isinstance(name, float) and pd.isna(name)) or not str(name).strip():
        return missing
    text = " ".join(str(name).split())
    return text.lower() if text.lower() in PRONOUNS else text


def speaker_kind(name: object) -> str:
    """Return "pronoun", "missing" or "name" for a speaker name."""
    if name is None or (isinstance(name, float) and pd.isna(name)) or not str(name).strip():
        return "missing"
    return "pronoun" if str(name).strip().lower() in PRONOUNS else "name"


def speaker_table(quotes: pd.DataFrame, column: str = "speaker_name") -> pd.DataFrame:
    """Every speaker as a person: quotes (by kind), articles, how many surface forms it merges, and its kind.

    `speaker_kind` is person, organisation, description, pronoun-unresolved or none
    (`toolkit.quotes.people`); an unresolved pronoun is shown as written, lower-cased, and `column`
    names it.
    """
    columns = ["speaker", "speaker_kind", "quotes", *KINDS, "articles", "surface_forms"]
    if quotes.empty:
        return pd.DataFrame(columns=columns)
    table = with_persons(quotes)
    table = table.assign(speaker=person_label(table, column))
    counts = _count_by(table, ["speaker", "speaker_kind"], "kind", KINDS)
    kinds = [c for c in counts.columns if c not in ("speaker", "speaker_kind")]
    counts["quotes"] = counts[kinds].sum(axis=1)
    counts["articles"] = counts["speaker"].map(table.groupby("speaker")["doc_id"].nunique())
    forms = table.assign(_form=_forms(quotes, "speaker", column)).groupby("speaker")["_form"].nunique()
    counts["surface_forms"] = counts["speaker"].map(forms).fillna(0).astype("int64")
    counts = counts[["speaker", "speaker_kind", "quotes", *kinds, "articles", "surface_forms"]]
    return counts.sort_values(["quotes", "speaker", "speaker_kind"], ascending=[False, True, True], kind="stable").reset_index(drop=True)


def top_speakers(quotes: pd.DataFrame, n: int = 20, *, column: str = "speaker_name",
                 kinds: Sequence[str] = ("person",), people: pd.DataFrame | None = None) -> pd.DataFrame:
    """The `n` most quoted persons (one row per person however it is named), with the surface forms each merges.

    `kinds` widens the ranking, e.g. ("person", "organisation"); pronouns left unresolved and
    missing speakers are never ranked. With `people` (the table of `people(...)`), an `ambiguous`
    column says which rows are bare surnames the corpus could not give to one person ("Clinton").
    """
    table = speaker_table(quotes, column)
    table = table[table["speaker_kind"].isin(kinds)].drop(columns="speaker_kind").head(n).reset_index(drop=True)
    if people is not None:
        flags = people.groupby("person")["ambiguous"].any() if len(people) else pd.Series(dtype=bool)
        table["ambiguous"] = table["speaker"].map(flags).fillna(False).astype(bool)
    return table


def pronoun_speakers(quotes: pd.DataFrame) -> pd.DataFrame:
    """Quotes whose speaker is a pronoun or missing, with how many `speaker_resolved` maps to a name."""
    columns = ["speaker", "quotes", "resolved_to_a_name"]
    if quotes.empty:
        return pd.DataFrame(columns=columns)
    kinds = quotes["speaker_name"].map(speaker_kind)
    rows = quotes[kinds != "name"].assign(
        speaker=quotes["speaker_name"].fillna(NO_SPEAKER).astype(str).str.lower().where(kinds != "missing", NO_SPEAKER),
        resolved=quotes["speaker_resolved"].map(speaker_kind).eq("name") if "speaker_resolved" in quotes else False,
    )
    if rows.empty:
        return pd.DataFrame(columns=columns)
    table = rows.groupby("speaker").agg(quotes=("doc_id", "size"), resolved_to_a_name=("resolved", "sum")).reset_index()
    table["resolved_to_a_name"] = table["resolved_to_a_name"].astype("int64")
    return table.sort_values(["quotes", "speaker"], ascending=[False, True], kind="stable").reset_index(drop=True)


def cue_verb(cue: object) -> str | None:
    """Return the lower-cased last word of a cue ("has said" -> "said"), None when missing."""
    if cue is None or (isinstance(cue, float) and pd.isna(cue)):
        return None
    words = [w.strip(".,;:\"'“”‘’") for w in str(cue).lower().split()]
    words = [w for w in words if w]
    if len(words) > 1 and words[-1] in _PARTICLES:
        return " ".join(words[-2:])  # "according to", not "to"
    return words[-1] if words else None


def top_cues(quotes: pd.DataFrame, n: int = 20) -> pd.DataFrame:
    """The `n` most frequent cue verbs (lower-cased last word of the cue) with their quotes of each kind."""
    columns = ["cue", "quotes", *KINDS, "share"]
    rows = quotes.assign(cue=quotes["cue"].map(cue_verb)).dropna(subset=["cue"]) if len(quotes) else quotes
    if rows.empty:
        return pd.DataFrame(columns=columns)
    table = _count_by(rows, ["cue"], "kind", KINDS)
    table.insert(1, "quotes", table.drop(columns="cue").sum(axis=1))
    table["share"] = (table["quotes"] / len(quotes)).round(3)
    return table.sort_values(["quotes", "cue"], ascending=[False, True], kind="stable").head(n).reset_index(drop=True)


def speakers_by_outlet(articles: pd.DataFrame, quotes: pd.DataFrame, n: int = 10,
                       kinds: Sequence[str] = ("person",)) -> pd.DataFrame:
    """The `n` most quoted persons of each outlet, with their share of that outlet's quotes and the
    surface forms each merges in that outlet ("Trump", "Mr. Trump", ... are one person)."""
    columns = ["outlet", "rank", "speaker", "quotes", "share_of_outlet_quotes", "surface_forms"]
    rows = _with_articles(with_persons(quotes) if len(quotes) else quotes, articles)
    if rows.empty:
        return pd.DataFrame(columns=columns)
    totals = rows.groupby("outlet").size()
    named = rows[rows["speaker_kind"].isin(kinds)]
    if named.empty:
        return pd.DataFrame(columns=columns)
    named = named.assign(person_shown=person_label(named, "speaker_name"), form=_forms(named, "speaker", "speaker_name"))
    table = named.groupby(["outlet", "person_shown"]).agg(quotes=("doc_id", "size"), surface_forms=("form", "nunique"))
    table = table.reset_index().rename(columns={"person_shown": "speaker"})
    table = table.sort_values(["outlet", "quotes", "speaker"], ascending=[True, False, True], kind="stable")
    table["rank"] = table.groupby("outlet").cumcount() + 1
    table = table[table["rank"] <= n]
    table["share_of_outlet_quotes"] = (table["quotes"] / table["outlet"].map(totals)).round(3)
    return _sorted_outlets(table[columns])


def quote_browser(articles: pd.DataFrame, quotes: pd.DataFrame, *, max_chars: int = 160) -> pd.DataFrame:
    """One row per quote for reading: outlet, date, speaker, cue, kind, the quote (shortened), doc_id, offsets."""
    columns = ["outlet", "date", "speaker", "cue", "kind", "quote", "doc_id", "start", "end"]
    rows = _with_articles(quotes, articles)
    if rows.empty:
        return pd.DataFrame(columns=columns)
    text = rows["text"].astype(str).str.split().str.join(" ")
    rows = rows.assign(
        speaker=rows["speaker_name"].fillna(rows["speaker"]).fillna(NO_SPEAKER),
        quote=text.where(text.str.len() <= max_chars, text.str.slice(0, max_chars - 1) + "…"),
        date=rows["date"].dt.strftime("%Y-%m-%d"),
    )
    return rows.sort_values(["outlet", "date", "doc_id", "start", "end"], kind="stable", na_position="last")[columns].reset_index(drop=True)


def most_annotated(articles: pd.DataFrame, table: pd.DataFrame, n: int = 3) -> list[str]:
    """Return the doc_ids of the `n` articles with the most rows in `table` (quotes or denials), ties by id."""
    if table.empty:
        return []
    counts = table.groupby("doc_id").size().rename("count").reset_index()
    counts = counts[counts["doc_id"].isin(set(articles["doc_id"]))]
    return counts.sort_values(["count", "doc_id"], ascending=[False, True], kind="stable")["doc_id"].head(n).tolist()
