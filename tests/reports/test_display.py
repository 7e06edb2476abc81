"""Tables as a reader sees them: no index, aligned, dates and counts printed plainly, nothing hidden in the middle."""

from __future__ import annotations

import re

import pandas as pd
import pytest

from toolkit.reports.display import SCROLL_AFTER, number_text, show_kwic, show_table


def cells(fragment: str) -> list[list[str]]:
    """The text of each body row's cells."""
    body = fragment.split("<tbody>", 1)[1]
    return [re.findall(r"<td[^>]*>(.*?)</td>", row, flags=re.S) for row in body.split("</tr>")[:-1]]


def headers(fragment: str) -> list[str]:
    return re.findall(r'<th class="col_heading[^"]*"[^>]*>(.*?)</th>', fragment)


@pytest.fixture
def frame():
    return pd.DataFrame({
        "outlet": ["nyt", "wapo"],
        "date": pd.to_datetime(["2015-12-20", "2016-01-02"]),
        "words": [157978, 812],
        "rate": [19.2884, 0.51712],
        "share": [0.2, 0.0123],
    }, index=[7, 9])


def test_no_index_column_and_values_printed_plainly(frame):
    """Issue 12: the index showed everywhere, dates as "2015-12-20 00:00:00", counts as "157978.000"."""
    html = show_table(frame).html
    assert headers(html) == ["outlet", "date", "words", "rate", "share"]
    assert 'class="row_heading' not in html and "blank" not in html
    assert cells(html) == [["nyt", "2015-12-20", "157,978", "19.3", "0.200"], ["wapo", "2016-01-02", "812", "0.517", "0.012"]]


def test_text_left_numbers_right(frame):
    html = show_table(frame).html
    uid = re.search(r'<table id="T_(\w+)"', html).group(1)
    assert re.search(rf"#T_{uid} th, #T_{uid} td \{{[^}}]*text-align: left;", html) or re.search(rf"#T_{uid}\s+th \{{[^}}]*text-align: left;", html)
    for i in (2, 3, 4):  # the numeric columns
        assert re.search(rf"#T_{uid} td\.col{i} \{{[^}}]*text-align: right;", html), i
    assert not re.search(rf"#T_{uid} td\.col0 \{{[^}}]*text-align: right;", html)
    assert re.search(rf"#T_{uid} td\.col0 \{{[^}}]*white-space: nowrap;", html)  # "huff-post" wrapped at its hyphen


def test_counts_stay_integers_even_as_floats():
    """A column of counts that became float (a NaN, a sum) prints as integers, blank where missing."""
    html = show_table(pd.DataFrame({"quotes": [3.0, None, 12.0]})).html
    assert cells(html) == [["3"], [""], ["12"]]


def test_number_text_rounds_to_three_significant_digits():
    assert [number_text(v) for v in (0.51712, 2.7704, 19.288, 123.45, 1234.5, 0.0)] == ["0.517", "2.77", "19.3", "123.5", "1234", "0"]
    assert number_text(float("inf")) == "inf"
    assert number_text(2016.0, whole=True) == "2016" and number_text(157978, whole=True) == "157,978"


def test_text_is_escaped_and_lists_joined():
    html = show_table(pd.DataFrame({"speaker": ["<b>Trump</b> & co"], "forms": [["Trump", "Mr. Trump"]]})).html
    assert cells(html) == [["&lt;b&gt;Trump&lt;/b&gt; &amp; co", "Trump, Mr. Trump"]]


def test_long_table_scrolls_instead_of_hiding_the_middle():
    """pandas' default shows the head and tail of a long table and "..." for the middle rows."""
    long = pd.DataFrame({"n": range(70)})
    html = show_table(long).html
    assert len(cells(html)) == 70 and "..." not in html
    assert 'class="toolkit-scroll"' in html and "max-height" in html and "70 rows" in html
    assert 'class="toolkit-scroll"' not in show_table(long.head(SCROLL_AFTER)).html


def test_max_rows_shows_the_first_rows_and_says_how_many_there_are():
    html = show_table(pd.DataFrame({"n": range(30)}), max_rows=5).html
    assert [row[0] for row in cells(html)] == ["0", "1", "2", "3", "4"]
    assert "The first 5 of 30 rows." in html


def test_by_shows_every_group():
    """Issue 12: "speakers by outlet" (70 rows) showed 2 of 7 outlets."""
    outlets = [f"outlet{i}" for i in range(7)]
    table = pd.DataFrame({"outlet": [o for o in outlets for _ in range(10)], "speaker": [f"s{i}" for i in range(70)], "quotes": range(70)})
    html = show_table(table, by="outlet").html
    for outlet in outlets:
        assert f">{outlet}</div>" in html
    assert html.count("<table") == 7 and len(re.findall(r"<td[^>]*>s\d+</td>", html)) == 70
    assert "toolkit-scroll" not in html  # ten rows per group: no box needed
    assert headers(html)[:2] == ["speaker", "quotes"]  # the group column is the heading, not a column


def test_index_option_keeps_a_meaningful_index():
    summary = pd.DataFrame({"n_words": [84.0, 804.93]}, index=pd.Index(["count", "mean"], name="statistic"))
    html = show_table(summary, index=True).html
    assert headers(html) == ["statistic", "n_words"] and cells(html) == [["count", "84"], ["mean", "804.9"]]


def test_same_table_renders_to_the_same_bytes(frame):
    assert show_table(frame).html == show_table(frame.copy()).html
    assert show_table(frame).html != show_table(frame.head(1)).html


def test_empty_table_says_so():
    assert "No rows." in show_table(pd.DataFrame({"a": []})).html


def test_kwic_layout():
    lines = pd.DataFrame({"left": ["x " * 40 + "the claim was", "he"], "phrase": ["denied", "rejected <it>"],
                          "right": ["by the White House " * 5, "."], "outlet": ["nyt", "wapo"]})
    html = show_kwic(lines, columns=["outlet"], width=30).html
    rows = cells(html)
    assert rows[0][0] == "…" + ("x " * 40 + "the claim was")[-29:] and len(rows[0][0]) == 30
    assert rows[0][2] == ("by the White House " * 5)[:29] + "…"
    assert re.fullmatch(r'<mark title="denied" style="[^"]*">denied</mark>', rows[0][1])
    assert rows[1][1].startswith('<mark title="rejected &lt;it&gt;"') and "rejected &lt;it&gt;</mark>" in rows[1][1]
    uid = re.search(r'<table id="T_(\w+)"', html).group(1)
    assert re.search(rf"#T_{uid} td\.col0 \{{[^}}]*white-space: pre;[^}}]*width: 30ch;[^}}]*text-align: right;", html)
    assert re.search(rf"#T_{uid} td\.col2 \{{[^}}]*white-space: pre;[^}}]*text-align: left;", html)
    assert rows[0][3] == "nyt"
    assert "The first 1 of 2 lines." in show_kwic(lines, max_rows=1).html


def test_a_table_of_mixed_measures_prints_counts_as_integers_and_groups_thousands_throughout():
    """compare.side_by_side mixes counts and shares in one column: "12.0 articles" and "8103" beside "19,338" read badly."""
    side = pd.DataFrame({"measure": ["articles", "words", "share"], "a": [12.0, 19338.0, 0.282], "b": [12.0, 8103.0, 0.434]})
    assert cells(show_table(side).html) == [["articles", "12", "12"], ["words", "19,338", "8,103"], ["share", "0.282", "0.434"]]
