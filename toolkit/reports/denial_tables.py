"""Denial tables for the report notebooks: pure functions over the Dataset's articles and denials.

Same conventions as `toolkit.reports.analysis`: new DataFrames, explicit tie-breaks, empty in, empty out;
rates per 1,000 words of article body. Headline denials (`field == "title"`) count with their article.
"""

from __future__ import annotations

import pandas as pd

from toolkit.reports.analysis import (
    CATEGORIES,
    NO_DENIER,
    _count_by,
    _forms,
    _share,
    _sorted_outlets,
    _with_articles,
    article_frame,
    per_1000,
    person_label,
    with_persons,
)
from toolkit.denials.finder import kwic


def denials_per_outlet(articles: pd.DataFrame, denials: pd.DataFrame) -> pd.DataFrame:
    """Per outlet: articles, words, denials, denials per 1,000 words, and how many are inside a quote."""
    meta = article_frame(articles)
    counts = denials.groupby("doc_id").agg(denials=("start", "size"), in_quote=("in_quote", "sum")) if len(denials) else None
    if counts is None:
        meta = meta.assign(denials=0, in_quote=0)
    else:
        meta = meta.join(counts, on="doc_id").fillna({"denials": 0, "in_quote": 0})
    table = meta.groupby("outlet").agg(articles=("doc_id", "size"), words=("n_words", "sum"),
                                       denials=("denials", "sum"), in_quote=("in_quote", "sum")).reset_index()
    table[["denials", "in_quote"]] = table[["denials", "in_quote"]].astype("int64")
    table["authors_voice"] = table["denials"] - table["in_quote"]
    table["denials_per_1000_words"] = per_1000(table["denials"], table["words"])
    table["articles_with_denials"] = table["outlet"].map(
        meta[meta["denials"] > 0].groupby("outlet").size()).fillna(0).astype("int64")
    return _sorted_outlets(table)


def denials_by_category(articles: pd.DataFrame, denials: pd.DataFrame) -> pd.DataFrame:
    """Per outlet and category: denials, denials per 1,000 words, and the category's share of the outlet's denials."""
    columns = ["outlet", "category", "denials", "per_1000_words", "share"]
    words = article_frame(articles).groupby("outlet")["n_words"].sum()
    rows = _with_articles(denials, articles)
    if rows.empty:
        return pd.DataFrame(columns=columns)
    wide = _count_by(rows, ["outlet"], "category", CATEGORIES).set_index("outlet")
    table = wide.stack().rename("denials").reset_index().rename(columns={"level_1": "category"})
    table.columns = ["outlet", "category", "denials"]
    table["denials"] = table["denials"].astype("int64")
    table["per_1000_words"] = per_1000(table["denials"], table["outlet"].map(words))
    table["share"] = _share(table["denials"], table["outlet"].map(table.groupby("outlet")["denials"].sum()))
    order = {c: i for i, c in enumerate(wide.columns)}
    table = table.sort_values(["outlet", "category"], key=lambda s: s.map(order) if s.name == "category" else s, kind="stable")
    return _sorted_outlets(table[columns])


def category_totals(articles: pd.DataFrame, denials: pd.DataFrame) -> pd.DataFrame:
    """Per category over the whole (filtered) corpus: denials, per 1,000 words, share, and in-quote count."""
    columns = ["category", "denials", "per_1000_words", "share", "in_quote"]
    if denials.empty:
        return pd.DataFrame(columns=columns)
    words = int(article_frame(articles)["n_words"].sum())
    rows = denials[denials["doc_id"].isin(set(articles["doc_id"]))]
    table = rows.groupby("category").agg(denials=("doc_id", "size"), in_quote=("in_quote", "sum")).reset_index()
    order = {c: i for i, c in enumerate(CATEGORIES)}
    table = table.sort_values("category", key=lambda s: s.map(lambda c: (order.get(c, len(order)), c)), kind="stable")
    table["per_1000_words"] = table["denials"].map(lambda c: per_1000(c, words))
    table["share"] = (table["denials"] / max(len(rows), 1)).round(3)
    table["in_quote"] = table["in_quote"].astype("int64")
    return table[columns].reset_index(drop=True)


def top_deniers(denials: pd.DataFrame, n: int = 20) -> pd.DataFrame:
    """The `n` deniers with the most denials, as persons: categories, articles, surface forms, most frequent targets.

    Deniers are persons (`toolkit.quotes.people`: "Trump", "Mr. Trump" and "Donald Trump" are one
    row; `surface_forms` says how many phrases it merges); a pronoun the finders could not resolve
    is kept as written, a denial with no denier found is counted under "(no denier)".
    """
    columns = ["denier", "denials", "articles", "in_quote", "top_category", "targets", "surface_forms"]
    if denials.empty:
        return pd.DataFrame(columns=columns)
    rows = _deniers(denials)
    table = rows.groupby("denier").agg(denials=("doc_id", "size"), articles=("doc_id", "nunique"), in_quote=("in_quote", "sum"),
                                       surface_forms=("_form", "nunique")).reset_index()
    table["in_quote"] = table["in_quote"].astype("int64")
    cats = rows.groupby(["denier", "category"]).size().rename("k").reset_index()
    cats = cats.sort_values(["denier", "k", "category"], ascending=[True, False, True], kind="stable").drop_duplicates("denier")
    table["top_category"] = table["denier"].map(dict(zip(cats["denier"], cats["category"])))
    targets = denier_targets(rows, n=None)
    joined = targets.groupby("denier").head(3).groupby("denier")["target"].agg("; ".join)
    table["targets"] = table["denier"].map(joined).fillna("")
    return table.sort_values(["denials", "denier"], ascending=[False, True], kind="stable").head(n)[columns].reset_index(drop=True)


def _deniers(denials: pd.DataFrame) -> pd.DataFrame:
    """Return the denials with `denier` shown as a person (see `top_deniers`) and `_form` its surface form."""
    if "_form" in denials:
        return denials
    rows = with_persons(denials, denials=True)
    return rows.assign(denier=person_label(rows, "denier_name", NO_DENIER), _form=_forms(rows, "denier", "denier_name"))


def denier_targets(denials: pd.DataFrame, n: int | None = 20) -> pd.DataFrame:
    """(denier, target) pairs with their counts, most frequent first: who (as a person) denies what."""
    columns = ["denier", "target", "denials", "categories"]
    rows = denials.dropna(subset=["target"]) if len(denials) else denials
    if rows.empty:
        return pd.DataFrame(columns=columns)
    rows = _deniers(rows)
    rows = rows.assign(target=rows["target"].astype(str).str.split().str.join(" "))
    table = rows.groupby(["denier", "target"]).agg(
        denials=("doc_id", "size"), categories=("category", lambda s: ", ".join(sorted(set(s))))).reset_index()
    table = table.sort_values(["denials", "denier", "target"], ascending=[False, True, True], kind="stable").reset_index(drop=True)
    return table if n is None else table.head(n)


def voice_by_outlet(articles: pd.DataFrame, denials: pd.DataFrame) -> pd.DataFrame:
    """Per outlet: denials inside a quote (a source's voice) vs outside (the author's voice), and the in-quote share."""
    table = denials_per_outlet(articles, denials)[["outlet", "denials", "in_quote", "authors_voice"]].copy()
    table["in_quote_share"] = _share(table["in_quote"], table["denials"])
    return table


def concordance(articles: pd.DataFrame, denials: pd.DataFrame, *, window: int = 60) -> pd.DataFrame:
    """Keyword-in-context lines for denials (`toolkit.denials.finder.kwic`): left, phrase, right, with outlet and voice.

    Sorted by category, then phrase (lower-cased), then doc_id and offset, so that the lines of
    one wording sit together as in a concordancer.
    """
    columns = ["outlet", "category", "left", "phrase", "right", "denier", "in_quote", "doc_id", "field", "start"]
    rows = _with_articles(denials, articles)
    if rows.empty:
        return pd.DataFrame(columns=columns)
    rows = rows.sort_values(["doc_id", "field", "start"], kind="stable").reset_index(drop=True)
    lines = kwic(rows, articles, window=window)
    out = pd.concat([rows[["outlet", "in_quote", "field", "start"]], lines[["left", "phrase", "right", "doc_id", "category", "denier"]]], axis=1)
    out = out.assign(_key=out["phrase"].str.lower())
    out = out.sort_values(["category", "_key", "doc_id", "field", "start"], kind="stable")
    return out[columns].reset_index(drop=True)
