"""Tables as a reader sees them: no index, aligned, dates and counts printed plainly, nothing hidden in the middle."""

from __future__ import annotations

import json
import re
import subprocess
import sys

import pandas as pd
import pytest

from conftest import ROOT
from toolkit.reports import display
from toolkit.reports.display import (SCROLL_AFTER, InteractiveTable, explore_table, interactive_mode, number_text, show_kwic,
                                     show_table)


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


# --- interactive tables ----------------------------------------------------------------------------------------

EXPLORE = pd.DataFrame({
    "outlet": ["nyt", "wapo", "nyt"],
    "date": pd.to_datetime(["2016-01-02 00:00", "2016-03-04 12:30", None]),
    "quotes": pd.array([3, 19338, None], dtype="Int64"),
    "share": [0.51234, 2.0, 19.25],
    "text": ["It is <b>false</b>.", "x" * 400, None],
}, index=[7, 8, 9])


def _data(html: str) -> list[list[str]]:
    """The rows an interactive table hands to DataTables."""
    args = re.search(r'"data_json": ("(?:[^"\\]|\\.)*")', html).group(1)
    return json.loads(json.loads(args))


def test_interactive_table_keeps_the_static_formatting():
    table = explore_table(EXPLORE)
    assert isinstance(table, InteractiveTable) and table.rows == 3
    rows = _data(table.html)
    assert rows[0] == ["nyt", "2016-01-02", "3", "0.512", "It is &lt;b&gt;false&lt;/b&gt;."]  # no index, escaped
    assert rows[1][1:4] == ["2016-03-04", "19,338", "2"] and rows[1][4] == "x" * 299 + "…"
    assert rows[2][1:3] == ["", ""] and rows[2][4] == ""  # NaT, <NA>, None: empty, not "NaT"
    assert '"showIndex"' not in table.html and "<th>7</th>" not in table.html


def test_numbers_sort_as_numbers_and_sit_right_text_left():
    defs = re.search(r'"columnDefs": (\[.*?\]),\s*"data_json"', explore_table(EXPLORE).html, re.S).group(1)
    by_target = {d["targets"][0]: d for d in json.loads(defs)}
    assert by_target[2]["type"] == "num-fmt" and "dt-right" in by_target[2]["className"]
    assert "dt-left" in by_target[4]["className"] and "toolkit-wrap" in by_target[4]["className"]
    assert by_target[0]["columnControl"] == ["order", ["searchList"]]  # short labels: a list of values to tick


def test_show_table_interactive_is_the_same_renderer():
    def without_ids(html: str) -> str:
        return re.sub(r"toolkit_[0-9a-f]{10}(_\d+)?", "ID", html)

    assert without_ids(show_table(EXPLORE, interactive=True).html) == without_ids(explore_table(EXPLORE).html)
    table = show_table(EXPLORE, interactive=True, caption="Quotes")
    assert isinstance(table, InteractiveTable) and "Quotes" in table.html
    with pytest.raises(ValueError, match="by="):
        show_table(EXPLORE, interactive=True, by="outlet")


def test_long_tables_are_capped_with_a_note():
    big = pd.DataFrame({"n": range(30)})
    table = explore_table(big, max_rows=12)
    assert table.rows == 30 and len(_data(table.html)) == 12 and "The first 12 of 30 rows" in table.html


def test_table_id_comes_from_the_content_not_chance():
    first = re.search(r'<table id="([^"]+)"', explore_table(EXPLORE, salt="t1").html).group(1)
    again = re.search(r'<table id="([^"]+)"', explore_table(EXPLORE, salt="t1").html).group(1)
    other = re.search(r'<table id="([^"]+)"', explore_table(EXPLORE.head(2), salt="t1").html).group(1)
    assert first.startswith("toolkit_") and again == first + "_2" and other != first  # a repeat stays unique on the page
    assert not re.search(r"itables_[0-9a-f]{8}_", explore_table(EXPLORE).html)  # itables' own random ids: itables_<uuid4>


SCRIPT = """
import pandas as pd
from toolkit.reports.display import explore_table
frame = pd.DataFrame({"a": [1, 2], "b": ["x", "y"]})
print(explore_table(frame)._repr_html_() + explore_table(frame)._repr_html_() + explore_table(frame.head(1))._repr_html_())
"""


def test_interactive_html_is_byte_identical_run_to_run():
    runs = [subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True, cwd=ROOT, check=True).stdout
            for _ in range(2)]
    assert runs[0] == runs[1] and runs[0].count("_itables_") > 2


# What would load something from a server. The bundle's other URLs are messages, XML namespaces and licence comments.
REMOTE = [r"""<script\s[^>]*\bsrc=""", r"""<link\s[^>]*href=['"]?https?:""", r"""\bfrom\s*['"]https?:""", r"""import\(\s*['"]https?:""",
          r"""url\(\s*['"]?https?:""", r"""@import\s+(url\()?['"]?https?:""", r"""\bsrc=['"]?https?:"""]


def test_nothing_is_loaded_from_the_network():
    """Offline: the library is inline (itables' connected=False), no script, style sheet or import comes from a URL."""
    display.forget_library()
    page = explore_table(EXPLORE)._repr_html_()
    assert "window._itables_" in page and len(page) > 500_000  # the bundle came with the first table
    import base64

    inline = [base64.b64decode(chunk).decode() for chunk in re.findall(r'"([A-Za-z0-9+/=]{5000,})"', page)]
    for text in [page, *inline]:
        for pattern in REMOTE:
            assert not re.search(pattern, text), pattern
    assert len(explore_table(EXPLORE)._repr_html_()) < 20_000  # and only with the first one


def test_interactive_mode_carries_the_library_once():
    display.forget_library()
    setup = interactive_mode()._repr_html_()
    assert "window._itables_" in setup
    assert "window._itables_" not in explore_table(EXPLORE)._repr_html_().split("<script type=\"module\">")[0]


def test_the_library_comes_again_when_its_cell_reruns_or_the_page_reloads(monkeypatch):
    """Re-running that cell replaces its output: without the library again, the saved notebook's tables would not load."""
    requests = iter([("page1", "cell-a"), ("page1", "cell-b"), ("page1", "cell-a"), ("page1", "cell-b"),
                     ("page2", "cell-b"), ("page2", "cell-c")])
    monkeypatch.setattr(display, "_request", lambda: next(requests))
    display.forget_library()
    carried = ["window._itables_" in explore_table(EXPLORE)._repr_html_().split('<script type="module">')[0] for _ in range(6)]
    # a re-run of the carrier cell carries it again; a reloaded tab (new frontend session) gets it with its first table
    assert carried == [True, False, True, False, True, False]
