"""Corpus-overview tables: what a researcher checks first about a collection."""

from __future__ import annotations

from typing import Sequence

import pandas as pd

UNKNOWN = "(unknown)"


def filter_articles(
    articles: pd.DataFrame,
    *,
    outlets: Sequence[str] | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
) -> pd.DataFrame:
    """Keep the articles of the given outlets and date range (inclusive); None keeps everything."""
    keep = pd.Series(True, index=articles.index)
    if outlets:
        keep &= articles["outlet"].isin(list(outlets))
    if date_from is not None:
        keep &= articles["date"] >= pd.Timestamp(date_from)
    if date_to is not None:
        keep &= articles["date"] <= pd.Timestamp(date_to)
    result = articles[keep].reset_index(drop=True)
    result.attrs = articles.attrs
    return result


def with_lengths(articles: pd.DataFrame) -> pd.DataFrame:
    """Add `n_chars`, `n_words` (whitespace-separated) and `n_paragraphs` columns."""
    out = articles.copy()
    out["n_chars"] = out["text"].str.len()
    out["n_words"] = out["text"].str.split().str.len()
    out["n_paragraphs"] = out["text"].str.count(r"\n\s*\n") + 1
    return out


def per_outlet(articles: pd.DataFrame) -> pd.DataFrame:
    """Articles and words per outlet, outlets sorted by name, unknown outlets last."""
    lengths = with_lengths(articles)
    lengths["outlet"] = lengths["outlet"].fillna(UNKNOWN)
    table = lengths.groupby("outlet", sort=True).agg(articles=("doc_id", "size"), words=("n_words", "sum"),
                                                     median_words=("n_words", "median"))
    table = table.reset_index()
    # "(unknown)" would sort first; it belongs after the real outlets.
    return table.sort_values("outlet", key=lambda s: s.eq(UNKNOWN), kind="stable").reset_index(drop=True)


def per_month(articles: pd.DataFrame) -> pd.DataFrame:
    """Articles per calendar month (rows, every month in the range) and outlet (columns); undated left out."""
    dated = articles.dropna(subset=["date"]).copy()
    if dated.empty:
        return pd.DataFrame(index=pd.Index([], name="month"))
    dated["month"] = dated["date"].dt.to_period("M")
    dated["outlet"] = dated["outlet"].fillna(UNKNOWN)
    table = dated.pivot_table(index="month", columns="outlet", values="doc_id", aggfunc="size", fill_value=0)
    months = pd.period_range(table.index.min(), table.index.max(), freq="M", name="month")
    table = table.reindex(months, fill_value=0)
    table.index = table.index.astype(str)
    table.columns.name = None
    return table


def length_summary(articles: pd.DataFrame) -> pd.DataFrame:
    """Distribution of article length in words and characters (count, mean, quartiles, max)."""
    lengths = with_lengths(articles)
    return lengths[["n_words", "n_chars", "n_paragraphs"]].describe().round(1)
