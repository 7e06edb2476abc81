"""Write tables to JSON lines, CSV or Parquet, byte-identical for identical input."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd

TABLE_FORMATS = (".jsonl", ".csv", ".parquet")


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
    if suffix == ".jsonl":
        with open(path, "w", encoding="utf-8", newline="\n") as handle:
            for row in frame.to_dict(orient="records"):
                handle.write(json.dumps({k: _plain(v) for k, v in row.items()}, ensure_ascii=False) + "\n")
    elif suffix == ".csv":
        out = frame.copy()
        for column in out.columns[out.dtypes == object]:
            out[column] = out[column].map(_json_cell)
        out.to_csv(path, index=False, lineterminator="\n", date_format="%Y-%m-%dT%H:%M:%S")
    else:
        frame.to_parquet(path, index=False)
    return path


class RecordWriter:
    """Stream dict records to JSON lines or CSV, one at a time (for outputs too big to collect)."""

    def __init__(self, path: str | Path, fields: list[str], fmt: str | None = None) -> None:
        self.path = Path(path)
        self.fields = fields
        self.format = fmt or ("csv" if self.path.suffix.lower() == ".csv" else "jsonl")
        if self.format not in ("jsonl", "csv"):
            raise ValueError(f"unsupported record format {self.format!r}: use jsonl or csv")
        self.count = 0

    def __enter__(self) -> "RecordWriter":
        import csv

        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._handle = open(self.path, "w", encoding="utf-8", newline="")
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

    def __exit__(self, *exc: object) -> None:
        self._handle.close()


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
