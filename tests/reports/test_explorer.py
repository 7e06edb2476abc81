"""The explorer: the four tables, the filters and row -> article as pure functions, and the widget driven from Python."""

from __future__ import annotations

import pandas as pd
import pytest

from conftest import SAMPLE
from toolkit.pipeline.dataset import open_dataset
from toolkit.reports.explorer import (ALL, Explorer, articles_table, choices, denials_table, explore, filter_rows, quotes_table,
                                      row_labels, speaker_column, speakers_table)


@pytest.fixture(scope="module")
def data():
    return open_dataset(SAMPLE)


def test_tables_have_one_row_per_record_and_no_body_text(data):
    assert len(quotes_table(data)) == len(data.quotes) and len(denials_table(data)) == len(data.denials)
    articles = articles_table(data)
    assert len(articles) == len(data.articles) and "text" not in articles.columns
    assert articles.set_index("doc_id")["quotes"].sum() == len(data.quotes)
    speakers = speakers_table(data)
    assert speakers["quotes"].is_monotonic_decreasing and speakers["quotes"].sum() == quotes_table(data)["speaker"].notna().sum()


def test_speaker_is_the_person_column_when_there_is_one():
    assert speaker_column(pd.DataFrame(columns=["speaker", "person"]), "speaker") == "person"
    assert speaker_column(pd.DataFrame(columns=["speaker"]), "speaker") == "speaker"


ROWS = pd.DataFrame({"outlet": ["nyt", "nyt", "wapo", "wapo"], "speaker": ["Trump", "Clinton", "Trump", None],
                     "category": ["falsity", "explicit", "falsity", "falsity"], "doc_id": ["a", "a", "b", "c"],
                     "date": pd.to_datetime(["2016-01-01", "2016-01-01", "2016-02-01", None]),
                     "text": ["It is false.", "No.", "x " * 80, "y"]})


@pytest.mark.parametrize("filters, expected", [
    ({}, [0, 1, 2, 3]),
    ({"outlet": "nyt"}, [0, 1]),
    ({"speaker": "Trump"}, [0, 2]),
    ({"outlet": "wapo", "category": "falsity"}, [2, 3]),
    ({"outlet": "wapo", "speaker": "Clinton"}, []),
])
def test_filter_rows(filters, expected):
    assert filter_rows(ROWS, **filters).index.tolist() == expected


def test_choices_put_all_first_then_the_most_frequent():
    assert choices(ROWS, "speaker") == [ALL, "Trump", "Clinton"]
    assert choices(ROWS, "missing") == [ALL]


def test_row_labels_point_at_their_rows():
    labels = row_labels(filter_rows(ROWS, outlet="wapo"), "speaker", "text")
    assert [index for _, index in labels] == [2, 3]
    assert labels[0][0].startswith("2016-02-01 · wapo · Trump [falsity] · x x") and labels[0][0].endswith("…")
    assert labels[1][0] == " · wapo · ? [falsity] · y"


def test_explore_renders_each_table_and_refuses_others(data):
    for name in ("quotes", "denials", "speakers", "articles"):
        table = explore(data, name)
        assert table.rows > 0 and "dt_args" in table.html
    with pytest.raises(ValueError, match="quotes, denials, speakers, articles"):
        explore(data, "people")


def test_the_widget_filters_and_opens_the_selected_article(data):
    explorer = Explorer(data)
    assert explorer.outlet.options[0] == ALL and explorer.category.disabled
    assert len(explorer.list.options) == len(data.quotes)
    explorer.outlet.value = "nyt"
    nyt = quotes_table(data)[quotes_table(data)["outlet"] == "nyt"]
    assert [index for _, index in explorer.list.options] == nyt.index.tolist()
    assert explorer.article.value == ""
    label, index = explorer.list.options[0]
    explorer.list.value = index
    doc_id = nyt.loc[index, "doc_id"]
    assert explorer.doc_id(index) == doc_id
    focus = (int(nyt.loc[index, "start"]), int(nyt.loc[index, "end"]))
    assert explorer.article.value == data.show(doc_id, focus=focus).to_html() and "toolkit-article" in explorer.article.value
    assert f'data-layer="focus" data-ann="focus" data-start="{focus[0]}" data-end="{focus[1]}"' in explorer.article.value


def test_the_widget_switches_to_denials_and_filters_by_category(data):
    explorer = Explorer(data)
    explorer.outlet.value = "nyt"
    explorer.table.value = "denials"
    assert explorer.outlet.value == ALL and not explorer.category.disabled
    category = explorer.category.options[1]
    explorer.category.value = category
    expected = denials_table(data)[denials_table(data)["category"] == category]
    assert [index for _, index in explorer.list.options] == expected.index.tolist()
    assert f"{len(expected):,} denials" in explorer.count.value
    explorer.list.value = expected.index[0]
    assert expected.loc[expected.index[0], "doc_id"] in explorer.article.value
