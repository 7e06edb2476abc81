"""Corpus-overview tables on the sample corpus and on edge cases."""

from __future__ import annotations

import pandas as pd

from conftest import SAMPLE
from toolkit import load_corpus
from toolkit.reports.overview import filter_articles, length_summary, per_month, per_outlet


def test_sample_tables():
    articles = load_corpus(SAMPLE)
    assert per_outlet(articles).set_index("outlet")["articles"].to_dict() == {"RT": 1, "huff-post": 1, "nyt": 1, "politico": 1}
    months = per_month(articles)
    assert months.index[0] == "2015-12" and months.index[-1] == "2017-09"
    assert len(months) == 22 and months.to_numpy().sum() == 4  # empty months are rows of zeros
    assert length_summary(articles).loc["count", "n_words"] == 4


def test_filters_keep_the_load_log():
    articles = load_corpus(SAMPLE)
    kept = filter_articles(articles, outlets=["nyt", "politico"], date_from="2016-01-01")
    assert list(kept["outlet"]) == ["politico"]
    assert kept.attrs["load_log"] is articles.attrs["load_log"]


def test_undated_and_unknown_outlets():
    articles = pd.DataFrame({"doc_id": ["a", "b"], "text": ["one two", "three"], "outlet": [None, "x"],
                             "date": pd.to_datetime([None, None])})
    assert per_month(articles).empty
    assert list(per_outlet(articles)["outlet"]) == ["x", "(unknown)"]
