"""Quote and denial tables for the report notebooks: pure functions over the Dataset tables.

Every function takes the `articles`, `quotes` and/or `denials` tables of `toolkit.pipeline.dataset.Dataset`
and returns a new DataFrame, sorted with explicit tie-breaks so that a report is byte-identical
from one run to the next. Empty inputs give empty tables with the same columns. Rates are per
1,000 words of article body (`n_words`: whitespace-separated words), the usual normalisation when
outlets publish articles of different lengths. Denial tables live in `toolkit.reports.denial_tables`,
comparisons between sub-corpora (keyness, collocations) in `toolkit.reports.compare`. Also here: which
articles and quotes a report shows as examples (`example_articles`, `browse_sample`), month axes that stay
readable from 1 to 60 months and more (`month_axis`), and which words a keyness table shows (`key_words`).

Speakers and deniers are counted as persons (`toolkit.quotes.people`): "Trump", "Mr. Trump" and
"Donald J. Trump" are one row, "Donald Trump", with the number of surface forms it merges. Call
`people` once on the Dataset's tables and pass its `quotes`/`denials` on; a table without a `person`
column gets one computed from itself alone (no article text or dates to decide bare surnames by).
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Collection, Iterable, Sequence

import numpy as np
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


def example_articles(articles: pd.DataFrame, table: pd.DataFrame, n: int = 10, *, low: float = 0.25,
                     high: float = 0.75) -> pd.DataFrame:
    """The articles to show as examples: one per outlet, the densest in `table` (quotes or denials) of typical length.

    Typical length is between the outlet's `low` and `high` quantiles of characters (the nearest article
    lengths, so an outlet of one or two articles has them all); density is rows of `table` per 1,000
    characters. The longest articles (live blogs, transcripts) carry the most quotes but are the worst
    place to read the finder's work; a typical article of each outlet is the best. At most `n` outlets,
    in name order (unknown last); an outlet whose typical articles have no row gives no example.
    Columns doc_id, outlet, title, date, n_chars, count, per_1000_chars.
    """
    columns = ["doc_id", "outlet", "title", "date", "n_chars", "count", "per_1000_chars"]
    if articles.empty or table.empty or n <= 0:
        return pd.DataFrame(columns=columns)
    meta = article_frame(articles)
    meta["n_chars"] = articles["text"].fillna("").astype(str).str.len().to_numpy()
    counts = table.groupby("doc_id").size()
    meta["count"] = meta["doc_id"].map(counts).fillna(0).astype("int64")
    meta["per_1000_chars"] = per_1000(meta["count"], meta["n_chars"])
    lengths = meta.groupby("outlet")["n_chars"]
    lower = lengths.transform(lambda s: s.quantile(low, interpolation="lower"))
    upper = lengths.transform(lambda s: s.quantile(high, interpolation="higher"))
    typical = meta[(meta["n_chars"] >= lower) & (meta["n_chars"] <= upper) & (meta["count"] > 0)]
    best = typical.sort_values(["outlet", "per_1000_chars", "count", "doc_id"], ascending=[True, False, False, True], kind="stable")
    best = best.drop_duplicates("outlet")
    return _sorted_outlets(best)[columns].head(n).reset_index(drop=True)


def example_labels(examples: pd.DataFrame, noun: str = "quote") -> list[str]:
    """One line per `example_articles` row: outlet, date, title, and how many `noun`s it has (per 1,000 characters)."""
    labels = []
    for row in examples.to_dict(orient="records"):
        date = "" if pd.isna(row["date"]) else pd.Timestamp(row["date"]).strftime("%Y-%m-%d")
        title = "(no title)" if pd.isna(row["title"]) or not str(row["title"]).strip() else " ".join(str(row["title"]).split())
        count = f"{row['count']} {noun}{'' if row['count'] == 1 else 's'}, {row['per_1000_chars']:.1f} per 1,000 characters"
        labels.append(" · ".join(part for part in (str(row["outlet"]), date, title) if part) + f" ({count})")
    return labels


def spread_sample(frame: pd.DataFrame, n: int, *, by: Sequence[str] = ("outlet", "month"), seed: int = 0) -> pd.DataFrame:
    """Return `n` rows of `frame` drawn evenly across its `by[0]` groups and, within each, across `by[1]` (seeded).

    Rows are drawn round-robin: one of every (outlet, month) before a second of any, each outlet taking
    its turn, so a short sample shows every outlet and spreads over the months instead of the first
    outlet's first month. The same `seed` gives the same rows; they keep `frame`'s order. All rows when
    `n` is at least their number.
    """
    if n >= len(frame):
        return frame.copy()
    keys = list(by)
    shuffled = frame.reset_index(drop=True)
    shuffled = shuffled.iloc[np.random.default_rng(seed).permutation(len(shuffled))]
    groups = shuffled[keys].astype(str)  # NaN is a group of its own ("nan"), not dropped
    shuffled = shuffled.assign(_turn=groups.groupby(keys, sort=False).cumcount().to_numpy())
    shuffled = shuffled.sort_values("_turn", kind="stable")
    if len(keys) > 1:  # each outlet takes its turn however many months it has
        shuffled["_turn"] = shuffled[keys[0]].astype(str).groupby(shuffled[keys[0]].astype(str), sort=False).cumcount()
        shuffled = shuffled.sort_values("_turn", kind="stable")
    chosen = sorted(shuffled.index[:n])
    return frame.iloc[chosen]


def browse_sample(browser: pd.DataFrame, n: int, *, seed: int = 0) -> pd.DataFrame:
    """Return `n` rows of a `quote_browser` table spread across outlets and months (seeded), in the browser's order."""
    months = browser["date"].astype(str).str.slice(0, 7).where(browser["date"].notna(), None)
    return spread_sample(browser.assign(_month=months), n, by=("outlet", "_month"), seed=seed).drop(columns="_month")


# ---------------------------------------------------------------------------------------------
# figures: month axes


#: How many months one label may cover: divisors and multiples of a year, so labels fall on calendar boundaries.
_MONTH_STEPS = (1, 2, 3, 6, 12, 24, 60, 120, 240)
#: The most labels a month axis shows: 12 short labels fit an 8-inch figure without touching.
MAX_MONTH_LABELS = 12


def month_ticks(months: Sequence[str], *, max_labels: int = MAX_MONTH_LABELS) -> tuple[list[int], list[str]]:
    """Return the positions (index into `months`) and labels of a month axis with at most `max_labels` labels.

    `months` are consecutive "YYYY-MM" strings (as `per_month` gives). Labels fall every 1, 2, 3 or 6
    months on the calendar (January, April, ...) or every 1, 2, 5 ... years, and read like matplotlib's
    ConciseDateFormatter: the month ("Apr"), with the year under the first label and wherever it changes
    ("Jan\\n2016"); only the year when labels are a year or more apart.
    """
    periods = [pd.Period(str(m), freq="M") for m in months]
    if not periods:
        return [], []
    step = next((s for s in _MONTH_STEPS if -(-len(periods) // s) <= max_labels), _MONTH_STEPS[-1])
    positions = [i for i, p in enumerate(periods) if (p.year * 12 + p.month - 1) % step == 0] or [0]
    labels, year = [], None
    for i in positions:
        p = periods[i]
        if step >= 12:
            labels.append(str(p.year))
        else:
            labels.append(p.strftime("%b") + (f"\n{p.year}" if p.year != year else ""))
        year = p.year
    return positions, labels


def month_axis(ax: "matplotlib.axes.Axes", months: Sequence[str], *, max_labels: int = MAX_MONTH_LABELS) -> None:  # noqa: F821
    """Label the x axis of a plot with one bar or point per month at x = 0, 1, ... so that labels never overlap.

    Call it after plotting (pandas' bar plot labels every month, which overlaps from about 12 months on):
    labelled ticks from `month_ticks`, horizontal, and an unlabelled minor tick for every month.
    """
    positions, labels = month_ticks(months, max_labels=max_labels)
    ax.set_xticks(positions, labels, rotation=0, ha="center")
    if len(months) <= 120:
        ax.set_xticks(range(len(months)), minor=True)
    ax.set_xlim(-0.5, len(months) - 0.5)


# ---------------------------------------------------------------------------------------------
# keyness: which words to show


#: The value of `stop_words(source)` that means the list shipped in toolkit/data/stop_words.txt.
SHIPPED = "shipped"
#: Longer parts (between hyphens, periods or apostrophes) are words run together by a scraper, not words.
MAX_WORD_CHARS = 20


def read_word_list(text: str) -> frozenset[str]:
    """Return the words of a word-list file's text: one a line, lower-cased; blank lines and "#" comments ignored."""
    words = (line.split("#", 1)[0].strip().lower().replace("’", "'") for line in text.splitlines())
    return frozenset(w for w in words if w)


@lru_cache(maxsize=1)
def _shipped_stop_words() -> frozenset[str]:
    return read_word_list(resources.files("toolkit").joinpath("data/stop_words.txt").read_text(encoding="utf-8"))


def stop_words(source: str | Path | None = SHIPPED, extra: Iterable[str] | None = None) -> frozenset[str]:
    """Return the words keyness leaves out: the shipped list (`"shipped"`), your list (a file path) or none (None), plus `extra`.

    The shipped list (toolkit/data/stop_words.txt, provenance in its header) is English function words and
    the house style of news: "mr.", photo credits ("getty", "images"), agencies ("ap", "reuters"),
    "abstract", weekdays, months and times of day.
    """
    if source is None:
        words: frozenset[str] = frozenset()
    elif str(source) == SHIPPED:
        words = _shipped_stop_words()
    else:
        words = read_word_list(Path(source).read_text(encoding="utf-8"))
    return words | read_word_list("\n".join(extra or ()))


def is_key_word(word: str, stop: Collection[str] = frozenset(), *, max_chars: int = MAX_WORD_CHARS) -> bool:
    """Return False for a stop word, a token without a letter (numbers, times, tweet ids), a single letter (a
    middle initial: "Donald J. Trump") or a token run together from many words."""
    if word in stop or not any(ch.isalpha() for ch in word) or len(word.rstrip(".")) < 2:
        return False
    return max(len(part) for part in re.split(r"[-.']", word)) <= max_chars


def key_words(table: pd.DataFrame, stop: Collection[str] = frozenset(), *, max_chars: int = MAX_WORD_CHARS) -> pd.DataFrame:
    """Return the rows of a keyness table (`toolkit.reports.compare.keyness`) whose word `is_key_word`, in its order.

    Leaving words out of the table, not out of the counts, keeps G² and the rates computed on every token
    of each corpus, as Rayson & Garside (2000) define them.
    """
    if table.empty:
        return table
    keep = table["word"].map(lambda w: is_key_word(str(w), stop, max_chars=max_chars))
    return table[keep.astype(bool)].reset_index(drop=True)
