"""What an extraction folder holds, and reading its manifest safely.

    manifest.json                 schema, toolkit version, fingerprint, partitions in corpus order, totals
    doc_ids.parquet               corpus-wide doc_id (and duplicate flag) of every article, per partition
    articles/ quotes/ denials/ load_log/   part-<name>.parquet, one file per partition and table
    _state/part-<name>.json       a partition's marker: cache key, row counts, size and SHA-256 of its files
    .toolkit-output.json          the owner marker (`toolkit.io.outputs.OwnedFolder`); .toolkit-lock

A folder of another schema (an older toolkit's) is refused with a message, never half-read.
"""

from __future__ import annotations

import json
from dataclasses import fields
from pathlib import Path
from typing import Any, Mapping, Sequence

import pandas as pd

from toolkit.denials.finder import Denial
from toolkit.quotes.finder import Quote

TABLES = ("articles", "quotes", "denials", "load_log")
STATE = "_state"
#: Where the people post-pass spools its rows while it runs (inside the extraction folder: Dask workers see it).
SPOOL = f"{STATE}/people"
MANIFEST = "manifest.json"
DOC_IDS = "doc_ids.parquet"
#: The owner marker's kind for an extraction folder.
KIND = "extraction"
#: Layout version of an extraction folder. 1: toolkit 0.1.0 (ids unique per partition only, duplicates
#: listed by doc_id). 2: corpus-wide doc_ids in doc_ids.parquet, partitions named by content, checksums.
SCHEMA = 2
#: Files an extraction writes (relative glob patterns): the only files a rerun may delete.
PATTERNS = (
    MANIFEST, DOC_IDS, "duplicates.parquet",
    *(f"{table}/part-*.parquet" for table in TABLES), f"{STATE}/part-*.json", f"{SPOOL}/*",
    *(f"{folder}/.part-*.tmp" for folder in (*TABLES, STATE)), ".manifest.json.*.tmp", ".doc_ids.parquet.*.tmp",
)
ARTICLE_SUMMARY_COLUMNS = (
    "doc_id", "title", "date", "outlet", "url", "source_path", "related_links", "content_hash",
    "n_chars", "n_words", "n_quotes", "n_denials", "text",
)
LOG_COLUMNS = ["action", "reason", "source", "location", "detail"]


class ExtractionError(ValueError):
    """Raised for an extraction folder that cannot be read: damaged, unfinished, or of another schema."""


def read_manifest(folder: Path) -> dict[str, Any] | None:
    """Return the manifest of `folder` (None when there is none); raise `ExtractionError` naming a damaged one."""
    path = folder / MANIFEST
    if not path.is_file():
        return None
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise ExtractionError(f"{path} is damaged (truncated or not JSON: {exc}); run the same extract command again to rebuild it") from None
    if not isinstance(data, dict):
        raise ExtractionError(f"{path} is not an extraction manifest (not a JSON object)")
    return data


def check_schema(folder: Path, manifest: Mapping[str, Any]) -> None:
    """Raise `ExtractionError` when the folder was written with another layout than this toolkit's."""
    schema = manifest.get("schema", 1)
    if schema != SCHEMA:
        made_by = manifest.get("toolkit", "an unknown version")
        newer = isinstance(schema, int) and schema > SCHEMA
        advice = "upgrade the toolkit" if newer else "run extract again into a new --out (or delete the folder)"
        raise ExtractionError(
            f"{folder} was extracted by toolkit {made_by} (layout schema {schema}); this toolkit reads schema "
            f"{SCHEMA} only: {advice}"
        )


def extraction_manifest(folder: Path) -> dict[str, Any]:
    """Return the manifest of a finished extraction of this schema, or raise `ExtractionError` saying why not."""
    manifest = read_manifest(folder)
    if manifest is None:
        raise ExtractionError(f"{folder} holds no {MANIFEST}: run `python -m toolkit extract` first")
    check_schema(folder, manifest)
    if not manifest.get("complete"):
        raise ExtractionError(f"{folder} holds an unfinished extraction: run the same extract command again to finish it")
    return manifest


def table_columns(table: str) -> list[str]:
    """Return the columns every partition of `table` has (metadata columns may follow in `articles`)."""
    return {
        "articles": list(ARTICLE_SUMMARY_COLUMNS),
        "quotes": ["doc_id", *(f.name for f in fields(Quote))],
        "denials": ["doc_id", "field", *(f.name for f in fields(Denial))],
        "load_log": list(LOG_COLUMNS),
    }[table]


def _offset_columns(table: str) -> set[str]:
    """Columns of `table` that hold character offsets (never a researcher's metadata column)."""
    return {c for c in table_columns(table) if c in ("start", "end") or c.endswith(("_start", "_end"))}


def typed_table(table: str, rows: Sequence[Mapping[str, Any]]) -> pd.DataFrame:
    """Build a table from rows with stable types: integer offsets (nullable), datetime dates.

    Only the finders' offset columns become integers: a metadata column that happens to be called
    `event_start` keeps its values as they are.
    """
    frame = pd.DataFrame(list(rows)) if rows else pd.DataFrame(columns=table_columns(table))
    for column in _offset_columns(table) & set(frame.columns):
        frame[column] = frame[column].astype("Int64")
    if "date" in frame.columns and table == "articles":
        frame["date"] = pd.to_datetime(frame["date"]).astype("datetime64[ns]")
    return frame
