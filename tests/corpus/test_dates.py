"""Date parsing: formats news data uses, time zones, values that are not dates, and nothing invented."""

from __future__ import annotations

import json
from datetime import date, datetime

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from toolkit.corpus.boilerplate import clean_text
from toolkit.corpus.dates import (
    EARLIEST,
    LATEST,
    DateColumn,
    DateReading,
    hold_for_date_order,
    infer_dayfirst,
    order_of,
    parse_date,
    read_date,
)
from toolkit.corpus.loaders import load_corpus, load_log


@pytest.mark.parametrize(
    "value, expected",
    [
        ("29 Sep, 2017 12:55", datetime(2017, 9, 29, 12, 55)),
        ("2016-09-12", datetime(2016, 9, 12)),
        ("2020-03-01T10:00:00+02:00", datetime(2020, 3, 1, 8, 0)),  # aware -> UTC, naive
        ("2020-03-01T10:00:00Z", datetime(2020, 3, 1, 10, 0)),
        ("Sept. 3, 2016", datetime(2016, 9, 3)),
        ("Tue, 04 Oct 2016 09:30:00 GMT", datetime(2016, 10, 4, 9, 30)),
        (datetime(2015, 1, 2, 3, 4), datetime(2015, 1, 2, 3, 4)),
        (date(2015, 1, 2), datetime(2015, 1, 2)),
        (pd.Timestamp("2016-10-12 08:00", tz="US/Eastern"), datetime(2016, 10, 12, 12, 0)),
        (np.datetime64("2016-10-12T08:00"), datetime(2016, 10, 12, 8, 0)),
        ("12 Oct 16", datetime(2016, 10, 12)),  # two-digit years by a fixed rule, not by today's year
        ("12 Oct 98", datetime(1998, 10, 12)),
    ],
)
def test_parses(value, expected):
    assert parse_date(value) == expected


@pytest.mark.parametrize("value", [None, "", "  ", "None", "nan", "null", "N/A", float("nan"), pd.NaT])
def test_empty_is_none_without_a_note(value):
    assert read_date(value) == DateReading(None)


@pytest.mark.parametrize(
    "value, expected, reason",
    [
        # JSON numbers: never 1970-01-01 by accident
        (0, None, "unparsed_date"),
        ("0", None, "unparsed_date"),
        (2016, None, "year_only"),  # a year is not a date: no day is invented
        ("2016", None, "year_only"),
        (2016.0, None, "year_only"),
        (20161012, datetime(2016, 10, 12), "yyyymmdd_number"),
        ("20161012", datetime(2016, 10, 12), "yyyymmdd_number"),
        (20161312, None, "unparsed_date"),
        (1476230400, datetime(2016, 10, 12), "epoch_number"),
        ("1476230400", datetime(2016, 10, 12), "epoch_number"),
        (1476230400.5, datetime(2016, 10, 12, 0, 0, 0, 500000), "epoch_number"),
        (1476230400123, datetime(2016, 10, 12, 0, 0, 0, 123000), "epoch_number"),
        (1476230400123456, datetime(2016, 10, 12, 0, 0, 0, 123456), "epoch_number"),
        (1476230400123456789, datetime(2016, 10, 12, 0, 0, 0, 123456), "epoch_number"),
        (np.int64(1476230400), datetime(2016, 10, 12), "epoch_number"),
        (86400, None, "unparsed_date"),  # 1970-01-02 is no plausible news date
        (-5, None, "unparsed_date"),
        (True, None, "unparsed_date"),
        (float("inf"), None, "unparsed_date"),
        # times, partial dates and no dates: nothing filled in from today
        ("8:00", None, "time_without_date"),
        ("10:15 AM", None, "time_without_date"),
        ("Posted at 10:15 AM", None, "unparsed_date"),
        ("March 2016", None, "month_only"),
        ("Oct 12", None, "no_year"),
        ("Tuesday", None, "unparsed_date"),
        ("© 2017", None, "unparsed_date"),
        ("not a date", None, "unparsed_date"),
        ("by Reuters", None, "unparsed_date"),
        # out of range: a typo must not abort a load
        ("3016-10-12", None, "date_out_of_range"),
        ("12 October 3016", None, "date_out_of_range"),
        (datetime(3016, 10, 12), None, "date_out_of_range"),
        (30161012, None, "date_out_of_range"),
        ("1776-07-04", None, "date_out_of_range"),
        (4102444800 + 366 * 86400, None, "date_out_of_range"),  # Unix time in 2101
        # not a scalar
        ([2016, 10, 12], None, "unparsed_date"),
        ({"$date": "2016-10-12"}, None, "unparsed_date"),
        (b"2016-10-12", None, "unparsed_date"),
        ("9" * 5000, None, "unparsed_date"),
    ],
)
def test_numbers_partial_and_impossible_dates(value, expected, reason):
    reading = read_date(value)
    assert reading.date == expected
    assert [r for r, _ in reading.notes] == [reason]


def test_notes_say_what_the_value_was():
    assert read_date(2016).notes == (("year_only", "2016 is a year, not a date: kept as no date"),)
    assert read_date("8:00").notes == (("time_without_date", "'8:00' is a time without a date: kept as no date"),)
    assert read_date("3016-10-12").notes == (("date_out_of_range", "'3016-10-12' is outside 1800-2100: kept as no date"),)
    assert read_date(0).notes == (("unparsed_date", "0 is not a date (read as Unix time it would be 1970-01-01)"),)
    assert read_date(1476230400).notes == (
        ("epoch_number", "numbers read as Unix time in seconds (first: 1476230400 -> 2016-10-12 00:00:00)"),
    )


# --- day and month order ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "value, dayfirst, expected, notes",
    [
        ("12/10/2016", None, datetime(2016, 12, 10), ["ambiguous_date_order"]),
        ("12/10/2016", False, datetime(2016, 12, 10), []),
        ("12/10/2016", True, datetime(2016, 10, 12), []),
        ("13/10/2016", None, datetime(2016, 10, 13), []),  # the value decides: there is no month 13
        ("13/10/2016", False, datetime(2016, 10, 13), []),
        ("10/13/2016", True, datetime(2016, 10, 13), []),
        ("05/05/2016", None, datetime(2016, 5, 5), []),
        ("12.10.16 08:30", True, datetime(2016, 10, 12, 8, 30), []),
        ("13/13/2016", None, None, ["unparsed_date"]),
    ],
)
def test_day_month_order(value, dayfirst, expected, notes):
    reading = read_date(value, dayfirst=dayfirst)
    assert reading.date == expected and [r for r, _ in reading.notes] == notes


@pytest.mark.parametrize(
    "values, dayfirst",
    [
        (["12/10/2016", "13/10/2016"], True),
        (["12/10/2016", "10/13/2016"], False),
        (["01/02/2016", "03/04/2016", "2016-05-06", None, 7], None),
        (["13/01/2016", "14/01/2016", "01/13/2016"], True),  # both orders: the majority
    ],
)
def test_infer_dayfirst(values, dayfirst):
    assert infer_dayfirst(values) is dayfirst


def test_one_order_per_column_not_per_value():
    column = DateColumn()
    values = ["12/10/2016", "13/10/2016", "11/10/2016"]
    column.observe(values)
    assert [column.read(v).date for v in values] == [datetime(2016, 10, 12), datetime(2016, 10, 13), datetime(2016, 10, 11)]
    assert all(column.read(v).notes == () for v in values)


def test_an_undecided_column_is_read_month_first_and_noted_once():
    column = DateColumn()
    values = ["01/02/2016", "03/04/2016", "05/06/2016"]
    column.observe(values)
    readings = [column.read(v) for v in values]
    assert [r.date for r in readings] == [datetime(2016, 1, 2), datetime(2016, 3, 4), datetime(2016, 5, 6)]
    assert [r for reading in readings for r, _ in reading.notes] == ["ambiguous_date_order"]


def test_a_column_with_both_orders_follows_the_majority_and_is_noted_once():
    column = DateColumn()
    values = ["13/01/2016", "14/01/2016", "15/01/2016", "01/13/2016", "02/13/2016", "03/04/2016"]
    column.observe(values)
    readings = [column.read(v) for v in values]
    assert [r.date.month for r in readings] == [1, 1, 1, 1, 2, 4]  # the ambiguous one follows the majority
    notes = [n for reading in readings for n in reading.notes]
    detail = "both orders in one column (3 day first, 2 month first): ambiguous values read day first"
    assert notes == [("conflicting_date_order", detail)]


def test_a_tie_keeps_the_first_order_seen():
    assert infer_dayfirst(["01/13/2016", "13/01/2016"]) is False
    assert infer_dayfirst(["13/01/2016", "01/13/2016"]) is True


def test_epoch_notes_come_once_per_column():
    column = DateColumn()
    readings = [column.read(v) for v in (1476230400, 1476316800, 2016)]
    assert [r for reading in readings for r, _ in reading.notes] == ["epoch_number", "year_only"]


def test_order_of():
    assert [order_of(v) for v in ("13/10/2016", "10/13/2016", "10/12/2016", "10/10/2016", "2016-10-12", 5)] == [
        "day",
        "month",
        "ambiguous",
        None,
        None,
        None,
    ]


def test_hold_for_date_order_keeps_the_order_of_records_and_decides_before_reading():
    column = DateColumn()
    rows = [("a", "01/02/2016"), ("b", "no date"), ("c", "13/02/2016"), ("d", "03/04/2016")]
    out = [(key, column.read(value).date) for key, value in hold_for_date_order(rows, lambda row: row[1], column)]
    assert out == [("a", datetime(2016, 2, 1)), ("b", None), ("c", datetime(2016, 2, 13)), ("d", datetime(2016, 4, 3))]


def test_hold_for_date_order_holds_at_most_max_held():
    column = DateColumn()
    rows = ["01/02/2016"] * 5 + ["13/02/2016"]
    seen = []
    for row in hold_for_date_order(rows, lambda row: row, column, max_held=2):
        seen.append(column.dayfirst)
    assert seen == [None, None, None, None, True, True]


# --- never raises, never out of range -------------------------------------------------------------------

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=40),
    st.from_regex(r"\d{1,4}[/.\-]\d{1,4}[/.\-]\d{1,4}( \d{1,2}:\d{2})?", fullmatch=True),
    st.datetimes(),
    st.binary(max_size=10),
)
values = st.recursive(
    scalars, lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3), max_leaves=6
)


@settings(max_examples=1500, deadline=None)
@given(values, st.sampled_from([None, True, False]))
def test_read_date_never_raises_and_stays_in_range(value, dayfirst):
    reading = read_date(value, dayfirst=dayfirst)
    found = reading.date
    assert found is None or (isinstance(found, datetime) and found.tzinfo is None and EARLIEST <= found <= LATEST)
    assert all(isinstance(reason, str) and isinstance(detail, str) for reason, detail in reading.notes)


@settings(max_examples=300, deadline=None)
@given(st.datetimes(min_value=EARLIEST, max_value=LATEST))
def test_iso_strings_round_trip(moment):
    assert parse_date(moment.isoformat()) == moment
    assert parse_date(f"{moment:%d %B %Y %H:%M}") == moment.replace(second=0, microsecond=0)


# --- through the loader, boilerplate and HTML: nothing invented, nothing aborted --------------------------


def test_a_year_3016_typo_no_longer_aborts_the_load(tmp_path):
    rows = [{"id": "a", "text": "First.", "date": "3016-10-12"}, {"id": "b", "text": "Second.", "date": 1476230400}]
    (tmp_path / "e.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    frame = load_corpus(tmp_path)
    assert pd.isna(frame.loc[0, "date"]) and frame.loc[1, "date"] == pd.Timestamp("2016-10-12")
    notes = [(e.reason, e.location) for e in load_log(frame).events if e.action == "note"]
    assert ("date_out_of_range", "line 1") in notes and ("epoch_number", "line 2") in notes


def test_a_posted_at_time_is_not_todays_date():
    cleaned = clean_text("Posted at 10:15 AM\n\nThe body of the article.")
    assert cleaned.date is None
    assert cleaned.text.startswith("Posted at 10:15 AM")  # kept: it is not a date line


def test_html_copyright_footer_is_not_a_date(tmp_path):
    from toolkit.corpus.formats import read_html
    from toolkit.corpus.loadlog import LoadLog

    body = "".join(f"<p>Paragraph {i} of the article says something long enough to be kept as text.</p>" for i in range(6))
    footer = "<footer>© 2017 Example News</footer>"
    page = f"<html><head><title>T</title></head><body><article>{body}</article>{footer}</body></html>"
    (tmp_path / "a.html").write_text(page, encoding="utf-8")
    dated = page.replace("<head>", '<head><meta property="article:published_time" content="2016-10-12T08:00:00Z">')
    (tmp_path / "b.html").write_text(dated, encoding="utf-8")
    log = LoadLog()
    (a,) = read_html(tmp_path / "a.html", encoding=None, max_bytes=1 << 20, log=log)
    (b,) = read_html(tmp_path / "b.html", encoding=None, max_bytes=1 << 20, log=log)
    assert "date" not in a.fields
    assert b.fields["date"] == "2016-10-12"


def test_hold_for_date_order_lets_held_records_out_before_a_failure():
    def failing():
        yield "01/02/2016"
        yield "03/04/2016"
        raise EOFError("cut short")

    out = []
    with pytest.raises(EOFError):
        for row in hold_for_date_order(failing(), lambda row: row, DateColumn()):
            out.append(row)
    assert out == ["01/02/2016", "03/04/2016"]
