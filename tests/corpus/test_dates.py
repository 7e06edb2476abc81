"""Date parsing: formats news data uses, time zones, and values that are not dates."""

from __future__ import annotations

from datetime import datetime

import pytest

from toolkit.corpus.dates import parse_date


@pytest.mark.parametrize(
    "value, expected",
    [
        ("29 Sep, 2017 12:55", datetime(2017, 9, 29, 12, 55)),
        ("2016-09-12", datetime(2016, 9, 12)),
        ("2020-03-01T10:00:00+02:00", datetime(2020, 3, 1, 8, 0)),  # aware -> UTC, naive
        ("Sept. 3, 2016", datetime(2016, 9, 3)),
        ("Tue, 04 Oct 2016 09:30:00 GMT", datetime(2016, 10, 4, 9, 30)),
        (datetime(2015, 1, 2, 3, 4), datetime(2015, 1, 2, 3, 4)),
    ],
)
def test_parses(value, expected):
    assert parse_date(value) == expected


@pytest.mark.parametrize("value", [None, "", "  ", "None", "nan", "not a date", "by Reuters", float("nan")])
def test_not_a_date_is_none(value):
    assert parse_date(value) is None
