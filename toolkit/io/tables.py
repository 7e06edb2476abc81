"""Write tables to JSON lines, CSV or Parquet, byte-identical for identical input, and atomically: a failed
write leaves the previous file intact (`toolkit.io.outputs.atomic_write`)."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pandas as pd

from toolkit.io.outputs import atomic_write, temporary_sibling

TABLE_FORMATS = (".jsonl", ".csv", ".parquet")
#: The output path that means standard output (`--out -`).
STDOUT = "-"


def _json_cell(value: object) -> object:
    """Encode list-like cells as JSON text, so CSV keeps their structure readably."""
    if isinstance(value, (list, tuple, dict)):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    return value


def write_table(frame: pd.DataFrame, path: str | Path) -> Path:
    """Write `frame` in the format its suffix names (.jsonl, .csv, .parquet) and return the path."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in TABLE_FORMATS:
        raise ValueError(f"unsupported table format {suffix!r}: use one of {', '.join(TABLE_FORMATS)}")
    path.parent.mkdir(parents=True, exist_ok=True)
    # attrs (a load log, say) are Python objects, not table data; Parquet would try to store them.
    frame = pd.DataFrame(frame, copy=False)
    frame.attrs = {}
    atomic_write(path, lambda tmp: _write_frame(frame, tmp, suffix))
    return path


def _write_frame(frame: pd.DataFrame, tmp: Path, suffix: str) -> None:
    """Write `frame` to `tmp` in the format `suffix` names."""
    if suffix == ".jsonl":
        with open(tmp, "w", encoding="utf-8", newline="\n") as handle:
            for row in frame.to_dict(orient="records"):
                handle.write(json.dumps({k: _plain(v) for k, v in row.items()}, ensure_ascii=False) + "\n")
    elif suffix == ".csv":
        out = frame.copy()
        for column in out.columns[out.dtypes == object]:
            out[column] = out[column].map(_json_cell)
        out.to_csv(tmp, index=False, lineterminator="\n", date_format="%Y-%m-%dT%H:%M:%S")
    else:
        _parquet_safe(frame).to_parquet(tmp, index=False)


def _parquet_safe(frame: pd.DataFrame) -> pd.DataFrame:
    """Return `frame` with every object column Parquet can type: a column mixing kinds of value (text and
    lists, numbers and text) keeps its text as text and stores every other value as JSON text."""
    mixed = []
    for column in frame.columns[frame.dtypes == object]:
        kinds = {_kind(v) for v in frame[column] if not _missing(v)}
        if len(kinds) > 1:
            mixed.append(column)
    if not mixed:
        return frame
    frame = frame.copy()
    for column in mixed:
        frame[column] = frame[column].map(lambda v: None if _missing(v) else v if isinstance(v, str)
                                          else json.dumps(_plain(v), ensure_ascii=False, sort_keys=True, default=str))
    return frame


def _kind(value: object) -> str:
    """Name the Parquet kind of a cell: text, list, map, number, flag or other."""
    if isinstance(value, str):
        return "text"
    if isinstance(value, (list, tuple)):
        return "list"
    if isinstance(value, dict):
        return "map"
    if isinstance(value, bool):
        return "flag"
    if isinstance(value, (int, float)):
        return "number"
    return type(value).__name__


def _missing(value: object) -> bool:
    """True for None and NaN-like cells (not for lists, whose truth value is ambiguous)."""
    if value is None:
        return True
    if isinstance(value, (list, tuple, dict, str)):
        return False
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


class RecordWriter:
    """Stream dict records to JSON lines or CSV, one at a time (for outputs too big to collect).

    The records go to a temporary sibling renamed into place when the `with` block ends without error: a
    failed run (a bad corpus path, Ctrl-C) leaves the previous output as it was. The path `-` (`STDOUT`)
    streams them to standard output instead (JSON lines unless `fmt` says csv).
    """

    def __init__(self, path: str | Path, fields: list[str], fmt: str | None = None) -> None:
        self.path = Path(path)
        self.fields = fields
        self.format = fmt or ("csv" if self.path.suffix.lower() == ".csv" else "jsonl")
        if self.format not in ("jsonl", "csv"):
            raise ValueError(f"unsupported record format {self.format!r}: use jsonl or csv")
        self.count = 0
        self.to_stdout = str(path) == STDOUT

    def __enter__(self) -> "RecordWriter":
        import csv

        if self.to_stdout:
            self._handle = sys.stdout
        else:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._tmp = temporary_sibling(self.path)
            self._handle = open(self._tmp, "w", encoding="utf-8", newline="")
        self._csv = csv.DictWriter(self._handle, fieldnames=self.fields, lineterminator="\n") if self.format == "csv" else None
        if self._csv is not None:
            self._csv.writeheader()
        return self

    def write(self, record: dict[str, object]) -> None:
        """Write one record: its `fields` in order, missing ones as null."""
        row = {name: _plain(record.get(name)) for name in self.fields}
        if self._csv is not None:
            self._csv.writerow({k: _json_cell(v) for k, v in row.items()})
        else:
            self._handle.write(json.dumps(row, ensure_ascii=False) + "\n")
        self.count += 1

    def __exit__(self, exc_type: object, *exc: object) -> None:
        if self.to_stdout:
            self._handle.flush()
            return
        self._handle.close()
        if exc_type is None:
            os.replace(self._tmp, self.path)
        else:
            self._tmp.unlink(missing_ok=True)


def _plain(value: object) -> object:
    """Return a JSON-serialisable value: timestamps as ISO text, missing values as null."""
    if isinstance(value, pd.Timestamp):
        return value.isoformat()
    if isinstance(value, tuple):
        return list(value)
    if value is None or (not isinstance(value, (list, dict, str)) and pd.isna(value)):
        return None
    if hasattr(value, "item"):  # numpy scalars
        return value.item()
    return value
