"""Parse the many ways news data writes a date into one timezone-naive datetime."""

from __future__ import annotations

import warnings
from datetime import datetime
from typing import Any

import pandas as pd


def parse_date(value: Any) -> datetime | None:
    """Return `value` as a timezone-naive datetime, or None when it is empty or not a date.

    Aware datetimes are converted to UTC before the zone is dropped, so dates from different
    outlets are comparable. Strings are parsed by pandas (dateutil), month first when ambiguous.
    """
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return None
    if isinstance(value, str):
        value = value.strip()
        if not value or value.lower() in {"none", "null", "nan", "nat", "n/a"}:
            return None
        try:
            # ISO 8601, what most exports use, parses a hundred times faster this way than via pandas.
            value = datetime.fromisoformat(value.replace("Z", "+00:00"))
        except ValueError:
            pass
    with warnings.catch_warnings():
        # pandas warns when it falls back to dateutil for a format it cannot infer; that is fine here.
        warnings.simplefilter("ignore")
        try:
            stamp = pd.to_datetime(value)
        except (ValueError, TypeError, OverflowError):
            return None
    if stamp is None or pd.isna(stamp):
        return None
    if stamp.tzinfo is not None:
        stamp = stamp.tz_convert("UTC").tz_localize(None)
    return stamp.to_pydatetime()
