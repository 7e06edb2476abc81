"""Parse the many ways news data writes a date into one timezone-naive datetime, or say why not.

A date must come from the value itself. Nothing is filled in from today (dateutil and pandas fill a
missing day, month or year from the current date: "8:00" would be today) and nothing is invented:
a year alone ("2016", "© 2017"), a month without a day, or a day without a year is no date, with a
note saying what it was. Numbers are read as a year (no date), YYYYMMDD, or Unix time in seconds,
milliseconds, microseconds or nanoseconds when in a plausible range; 0 is never 1970-01-01. A date
outside 1800-2100 is no date either ("date_out_of_range"), so a typo cannot abort a load.

"12/10/2016" is October or December depending on the source: `DateColumn` decides the day/month
order once per source (a file, a metadata table) from all its values, and `hold_for_date_order`
lets a streaming reader hold back the few records read before the order is known. `read_date`
never raises, whatever it is given.
"""

from __future__ import annotations

import math
import numbers
import re
import warnings
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta, timezone
from typing import Any, Callable, Iterable, Iterator, TypeVar

import numpy as np
import pandas as pd
from dateutil import parser as dateutil_parser

#: Dates outside this range are typos or placeholders, not publication dates of news.
EARLIEST = datetime(1800, 1, 1)
LATEST = datetime(2100, 12, 31, 23, 59, 59, 999999)
#: Notes about how a kept date was read: a source logs each of these once, not for every value.
ONCE_PER_SOURCE = frozenset({"epoch_number", "yyyymmdd_number", "ambiguous_date_order", "conflicting_date_order"})
#: Values that mean "no value" in exports; they are no date and need no note.
_EMPTY = frozenset({"none", "null", "nan", "nat", "n/a", "na", "-"})
_MAX_CHARS = 200
_NUMBER = re.compile(r"[+-]?\d{1,25}(?:\.\d{1,12})?")
# "12/10/2016", "12.10.16", "12-10-2016 08:30": the order of day and month depends on the source.
_DMY = re.compile(r"(\d{1,2})([/.\-])(\d{1,2})\2(\d{4}|\d{2})(?![\d/.\-])(.*)", re.S)
_TIME = re.compile(r"\d:\d\d|\b[ap]\.?m\b", re.I)
# Two defaults that differ in year, month and day (both leap years): a part of a parsed date that
# differs between them was not in the string.
_DEFAULTS = (datetime(4, 1, 1), datetime(8, 2, 2))
_EPOCH = datetime(1970, 1, 1)
# (unit, smallest, largest, units per second): Unix times from 1973 to 2103, the plausible span.
_EPOCH_UNITS = (
    ("seconds", 1e8, 4.2e9, 1),
    ("milliseconds", 1e11, 4.2e12, 10**3),
    ("microseconds", 1e14, 4.2e15, 10**6),
    ("nanoseconds", 1e17, 4.2e18, 10**9),
)

T = TypeVar("T")


class _FixedCentury(dateutil_parser.parserinfo):
    """dateutil's parser settings with a fixed two-digit-year rule (POSIX: 69-99 -> 19xx, 00-68 -> 20xx).

    dateutil's own rule is relative to the current year, so a re-run could read "12 Oct 67" differently.
    """

    def convertyear(self, year: int, century_specified: bool = False) -> int:
        """Return the four-digit year for a year as written."""
        if year < 100 and not century_specified:
            return year + (1900 if year >= 69 else 2000)
        return year


_PARSERINFO = _FixedCentury()


@dataclass(frozen=True)
class DateReading:
    """A value read as a date: the datetime (or None) and notes (reason, detail) for the load log."""

    date: datetime | None
    notes: tuple[tuple[str, str], ...] = ()


def _none(reason: str = "", detail: str = "") -> DateReading:
    return DateReading(None, ((reason, detail),) if reason else ())


def _show(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def parse_date(value: Any, *, dayfirst: bool | None = None) -> datetime | None:
    """Return `value` as a timezone-naive datetime (UTC if it had a zone), or None when it is no full date.

    `dayfirst` decides "12/10/2016"; None reads it month first (US). Never raises.
    """
    return read_date(value, dayfirst=dayfirst).date


def read_date(value: Any, *, dayfirst: bool | None = None) -> DateReading:
    """Read `value` as a date and say what the load log should note about it; never raises."""
    try:
        return _read(value, dayfirst)
    except Exception as exc:  # noqa: BLE001 (a malformed date is never worth aborting a load)
        return _none("unparsed_date", f"{_show(value)}: {type(exc).__name__}")


def _read(value: Any, dayfirst: bool | None) -> DateReading:
    if value is None or value is pd.NaT:
        return _none()
    if isinstance(value, bool):
        return _none("unparsed_date", f"{value!r} is not a date")
    if isinstance(value, datetime):
        return _from_datetime(value, _show(value))
    if isinstance(value, date):
        return _in_range(datetime(value.year, value.month, value.day), _show(value))
    if isinstance(value, np.datetime64):
        return _none() if np.isnat(value) else _from_datetime(pd.Timestamp(value), _show(value))
    if isinstance(value, numbers.Number):
        return _from_number(value)
    if isinstance(value, str):
        return _from_string(value, dayfirst)
    return _none("unparsed_date", f"a {type(value).__name__} is not a date: {_show(value)}")


def _from_datetime(value: datetime, shown: str) -> DateReading:
    if isinstance(value, pd.Timestamp):
        value = value.to_pydatetime(warn=False)
    if value.tzinfo is not None:
        try:
            value = value.astimezone(timezone.utc).replace(tzinfo=None)
        except (OverflowError, ValueError):
            return _none("date_out_of_range", f"{shown} is outside {EARLIEST.year}-{LATEST.year}: kept as no date")
    return _in_range(value, shown)


def _in_range(value: datetime, shown: str, notes: tuple[tuple[str, str], ...] = ()) -> DateReading:
    if EARLIEST <= value <= LATEST:
        return DateReading(value, notes)
    return _none("date_out_of_range", f"{shown} is outside {EARLIEST.year}-{LATEST.year}: kept as no date")


def _from_number(value: Any, shown: str | None = None) -> DateReading:
    """Read a number: a year (no date), YYYYMMDD, or Unix time in a plausible range; anything else is no date."""
    shown = shown or _show(value)
    try:
        number = float(value)
    except (OverflowError, ValueError, TypeError):
        return _none("unparsed_date", f"{shown} is not a date")
    if math.isnan(number):
        return _none()  # pandas' missing value
    if math.isinf(number):
        return _none("unparsed_date", f"{shown} is not a date")
    whole = number.is_integer()
    if number == 0:
        return _none("unparsed_date", f"{shown} is not a date (read as Unix time it would be 1970-01-01)")
    if whole and EARLIEST.year <= number <= LATEST.year:
        return _none("year_only", f"{shown} is a year, not a date: kept as no date")
    if whole and 1000_01_01 <= number <= 9999_12_31:
        day = int(number)
        try:
            found = datetime(day // 10000, day // 100 % 100, day % 100)
        except ValueError:
            return _none("unparsed_date", f"{shown} is not a date (not a valid YYYYMMDD)")
        note = ("yyyymmdd_number", f"numbers read as YYYYMMDD (first: {shown} -> {found:%Y-%m-%d})")
        return _in_range(found, shown, (note,))
    for unit, low, high, per_second in _EPOCH_UNITS:
        if low <= number < high:
            exact = int(value) if isinstance(value, numbers.Integral) else None
            micros = exact * 10**6 // per_second if exact is not None else round(number * 10**6 / per_second)
            found = _EPOCH + timedelta(microseconds=micros)
            note = ("epoch_number", f"numbers read as Unix time in {unit} (first: {shown} -> {found:%Y-%m-%d %H:%M:%S})")
            return _in_range(found, shown, (note,))
    return _none("unparsed_date", f"{shown} is not a date (not a year, YYYYMMDD or a plausible Unix time)")


def _from_string(value: str, dayfirst: bool | None) -> DateReading:
    text = value.strip()
    if not text or text.lower() in _EMPTY:
        return _none()
    shown = _show(text)
    if len(text) > _MAX_CHARS:
        return _none("unparsed_date", f"{shown} is too long to be a date")
    if _NUMBER.fullmatch(text):
        return _from_number(int(text) if text.lstrip("+-").isdigit() else float(text), shown)
    try:
        # ISO 8601, what most exports use, parses a hundred times faster this way than via dateutil.
        return _from_datetime(datetime.fromisoformat(text.replace("Z", "+00:00")), shown)
    except ValueError:
        pass
    slashed = _DMY.fullmatch(text)
    if slashed is not None:
        return _from_day_month(slashed, dayfirst, shown)
    return _from_free_text(text, shown)


def _from_day_month(match: re.Match[str], dayfirst: bool | None, shown: str) -> DateReading:
    """Read "12/10/2016"-style dates: the order is the value's own when a part is above 12, else `dayfirst`."""
    first, second, year = int(match[1]), int(match[3]), int(match[4])
    if len(match[4]) == 2:
        year = _PARSERINFO.convertyear(year)
    order = order_of(match[0])
    notes: tuple[tuple[str, str], ...] = ()
    if order == "ambiguous" and dayfirst is None:
        notes = (("ambiguous_date_order", f"day and month order unknown (first: {shown}): read month first"),)
    day_first = order == "day" or (order == "ambiguous" and bool(dayfirst))
    day, month = (first, second) if day_first else (second, first)
    try:
        found = datetime(year, month, day)
    except ValueError:
        return _none("unparsed_date", f"{shown} is not a date")
    rest = match[5].strip(" ,T")
    if rest:
        reading = _from_free_text(f"{found:%Y-%m-%d} {rest}", shown)
        return replace(reading, notes=notes + reading.notes) if reading.date is not None else reading
    return _in_range(found, shown, notes)


def _from_free_text(text: str, shown: str) -> DateReading:
    """Read free text with dateutil, twice with different defaults, to see which parts the text really has."""
    readings = []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # an unknown time zone name is ignored with a warning: the date stands
        for default in _DEFAULTS:
            try:
                readings.append(dateutil_parser.parse(text, default=default, parserinfo=_PARSERINFO))
            except (ValueError, OverflowError, TypeError):
                return _none("unparsed_date", f"not a date: {shown}")
    one, two = readings
    has_year, has_month, has_day = one.year == two.year, one.month == two.month, one.day == two.day
    if has_year and has_month and has_day:
        return _from_datetime(one, shown)
    if not (has_year or has_month or has_day):
        if _TIME.search(text) or one.hour or one.minute:
            return _none("time_without_date", f"{shown} is a time without a date: kept as no date")
        return _none("unparsed_date", f"not a date: {shown}")
    if has_year and not has_month:
        return _none("year_only", f"{shown} is a year, not a date: kept as no date")
    if has_year and not has_day:
        return _none("month_only", f"{shown} has no day: kept as no date")
    if not has_year:
        return _none("no_year", f"{shown} has no year: kept as no date")
    return _none("unparsed_date", f"not a date: {shown}")


def order_of(value: Any) -> str | None:
    """Say what a value tells about day/month order: "day", "month", "ambiguous" or None (no such date)."""
    if not isinstance(value, str):
        return None
    match = _DMY.fullmatch(value.strip())
    if match is None:
        return None
    first, second = int(match[1]), int(match[3])
    if first > 12 and second > 12:
        return None
    if first > 12:
        return "day"
    if second > 12:
        return "month"
    return None if first == second else "ambiguous"


def infer_dayfirst(values: Iterable[Any]) -> bool | None:
    """Decide a column's day/month order: True day first, False month first, None when no value decides it.

    A value whose first part is above 12 ("13/10/2016") says day first; a second part above 12 says
    month first. When the column has both, the majority wins, a tie the first seen (`DateColumn` notes the conflict).
    """
    column = DateColumn()
    column.observe(values)
    return column.dayfirst


class DateColumn:
    """The dates of one source (a file's date column, a metadata table): one day/month order for all.

    `observe` the values (all of them, or via `hold_for_date_order`), then `read` each. The order is the one
    given, else the first evidence seen (a part above 12), else month first with an
    "ambiguous_date_order" note. Notes in `ONCE_PER_SOURCE` come once per column.
    """

    def __init__(self, dayfirst: bool | None = None) -> None:
        self.dayfirst = dayfirst
        self.day_first_seen = 0
        self.month_first_seen = 0
        self._given = dayfirst is not None
        self._noted: set[str] = set()

    def observe(self, values: Iterable[Any]) -> None:
        """Take the evidence of `values` on day/month order."""
        for value in values:
            order = order_of(value)
            if order == "day":
                self.day_first_seen += 1
            elif order == "month":
                self.month_first_seen += 1
            else:
                continue
            if not self._given:
                if self.dayfirst is None:
                    self.dayfirst = order == "day"
                elif self.day_first_seen != self.month_first_seen:  # both orders seen: the majority, a tie keeps the first
                    self.dayfirst = self.day_first_seen > self.month_first_seen

    def read(self, value: Any) -> DateReading:
        """Read one value with the column's order (observe the values first); some notes once per column."""
        reading = read_date(value, dayfirst=self.dayfirst)
        notes = list(reading.notes)
        if self.day_first_seen and self.month_first_seen and order_of(value) in ("day", "month"):
            detail = (
                f"both orders in one column ({self.day_first_seen} day first, {self.month_first_seen} month first):"
                f" ambiguous values read {'day' if self.dayfirst else 'month'} first"
            )
            notes.append(("conflicting_date_order", detail))
        kept = []
        for reason, detail in notes:
            if reason in ONCE_PER_SOURCE:
                if reason in self._noted:
                    continue
                self._noted.add(reason)
            kept.append((reason, detail))
        return DateReading(reading.date, tuple(kept))


def hold_for_date_order(
    items: Iterable[T], value_of: Callable[[T], Any], column: DateColumn, max_held: int = 1000
) -> Iterator[T]:
    """Yield `items` in their order, holding back those read before `column` knows its day/month order.

    A record with "05/10/2016" is held until a later value ("13/10/2016") decides the order, or the
    source ends, or `max_held` records wait (then month first, noted). `column` sees every value.
    When `items` raises, the records held so far are yielded before the error goes on.
    """
    held: list[T] = []
    try:
        for item in items:
            value = value_of(item)
            column.observe([value])
            if column.dayfirst is None and (held or order_of(value) == "ambiguous"):
                held.append(item)
                if len(held) >= max_held:
                    yield from held
                    held.clear()
                continue
            yield from held
            held.clear()
            yield item
    except Exception:
        # The source failed part way (a truncated file): what was read still goes out, then the error.
        yield from held
        raise
    yield from held
