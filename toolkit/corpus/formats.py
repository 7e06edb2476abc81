"""Readers for each input format: they yield raw records and log what they cannot read.

A reader never raises on bad input: it records a skip in the `LoadLog` and goes on. The loader
(`toolkit.corpus.loaders`) turns records into `Article`s; readers only know their format.
"""

from __future__ import annotations

import csv
import gzip
import io
import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any, Iterator

from toolkit.corpus.decoding import Unreadable, decode_bytes, incremental_decoder
from toolkit.corpus.loadlog import LoadLog

#: Suffix (after an optional .gz) -> format name.
FORMATS: dict[str, str] = {
    ".txt": "text",
    ".text": "text",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "jsonl",
    ".csv": "csv",
    ".tsv": "tsv",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
}
#: A slice of a JSON-lines file: (first byte, end byte, number of its first line).
Slice = tuple[int, int, int]
#: Per-record size above which a record is skipped as not an article (a whole book, a data dump).
DEFAULT_MAX_BYTES = 10 * 1024 * 1024


@dataclass
class Record:
    """One article as read from its source, before cleaning and metadata."""

    key: str
    #: The article text, or None when it is one of `fields` (exports) and the loader must pick it.
    text: str | None
    source_path: str
    fields: dict[str, Any] = field(default_factory=dict)
    location: str = ""


def format_of(path: Path) -> str | None:
    """Return the format name for a path by its suffix (looking through .gz), or None."""
    suffixes = [s.lower() for s in path.suffixes]
    if suffixes and suffixes[-1] == ".gz":
        suffixes = suffixes[:-1]
    return FORMATS.get(suffixes[-1]) if suffixes else None


def _open_binary(path: Path) -> IO[bytes]:
    return gzip.open(path, "rb") if path.suffix.lower() == ".gz" else open(path, "rb")


def _read_whole(path: Path, max_bytes: int, log: LoadLog) -> bytes | None:
    """Read a one-article file, or log why not (too large, unreadable)."""
    try:
        size = os.path.getsize(path)
        if size > max_bytes:
            log.add("skipped", "too_large", path, detail=f"{size} bytes > limit {max_bytes}")
            return None
        with _open_binary(path) as handle:
            data = handle.read(max_bytes + 1)
    except (OSError, EOFError) as exc:
        log.add("skipped", "unreadable", path, detail=str(exc))
        return None
    if len(data) > max_bytes:
        log.add("skipped", "too_large", path, detail=f"more than {max_bytes} bytes uncompressed")
        return None
    return data


def _decode_file(path: Path, data: bytes, encoding: str | None, log: LoadLog, location: str = "") -> str | None:
    """Decode one article's bytes, logging a fallback encoding or the reason to skip."""
    try:
        decoded = decode_bytes(data, encoding)
    except Unreadable as exc:
        log.add("skipped", exc.reason, path, location, exc.detail)
        return None
    if decoded.fallback:
        log.add("repaired", "encoding_fallback", path, location, f"not UTF-8; decoded as {decoded.encoding}")
    return decoded.text


def _read_one(path: Path, encoding: str | None, max_bytes: int, log: LoadLog) -> str | None:
    """Count and read a file that holds one article, as text; None (logged) when it cannot be read."""
    log.read += 1
    data = _read_whole(path, max_bytes, log)
    return None if data is None else _decode_file(path, data, encoding, log)


def read_text(path: Path, *, encoding: str | None, max_bytes: int, log: LoadLog) -> Iterator[Record]:
    """Yield the one article a plain-text file holds."""
    text = _read_one(path, encoding, max_bytes, log)
    if text is not None:
        yield Record(key=path.stem, text=text, source_path=str(path))


def read_html(path: Path, *, encoding: str | None, max_bytes: int, log: LoadLog) -> Iterator[Record]:
    """Yield the article of an HTML page, its body extracted by trafilatura with its metadata."""
    import trafilatura  # imported here: it is slow to import and only HTML needs it

    html = _read_one(path, encoding, max_bytes, log)
    if html is None:
        return
    extracted = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False, include_tables=False)
    doc = extracted.as_dict() if hasattr(extracted, "as_dict") else extracted  # trafilatura < 2 returns a dict
    if not doc or not (doc.get("text") or "").strip():
        log.add("skipped", "no_article_text", path, detail="trafilatura found no article body")
        return
    fields = {
        "title": doc.get("title"),
        "date": doc.get("date"),
        "url": doc.get("url"),
        "outlet": doc.get("sitename") or doc.get("hostname"),
        "author": doc.get("author"),
    }
    yield Record(key=path.stem, text=doc["text"], source_path=str(path), fields={k: v for k, v in fields.items() if v})


def _iter_lines(handle: IO[bytes], max_bytes: int, *, end: int | None = None, first: int = 1) -> Iterator[tuple[int, bytes | None]]:
    """Yield (line number, line) without ever holding more than `max_bytes` of one line; None if longer.

    With `end`, stop at the first line that starts at or after that byte offset.
    """
    lineno = first - 1
    while True:
        if end is not None and handle.tell() >= end:
            return
        line = handle.readline(max_bytes + 1)
        if not line:
            return
        lineno += 1
        if len(line) > max_bytes and not line.endswith(b"\n"):
            while line and not line.endswith(b"\n"):
                line = handle.readline(1024 * 1024)
            yield lineno, None
            continue
        yield lineno, line


def jsonl_slices(path: Path, bytes_per_slice: int) -> list[Slice]:
    """Cut an uncompressed JSON-lines file into slices of about `bytes_per_slice` at line starts.

    One pass counts the lines, so each slice knows the number of its first line and record ids
    (`stem:line`) are the same whichever slices the file is read in.
    """
    slices: list[Slice] = []
    start, first_line, lines, position = 0, 1, 0, 0
    target = bytes_per_slice
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(8 << 20), b""):
            search = 0
            while position + len(chunk) > target:
                cut = chunk.find(b"\n", max(target - position, search))
                if cut < 0:
                    break
                lines += chunk.count(b"\n", search, cut + 1)
                slices.append((start, position + cut + 1, first_line))
                start, first_line, search = position + cut + 1, lines + 1, cut + 1
                target = start + bytes_per_slice
            lines += chunk.count(b"\n", search)
            position += len(chunk)
    if start < position:
        slices.append((start, position, first_line))
    return slices


def read_jsonl(path: Path, *, encoding: str | None, max_bytes: int, log: LoadLog, part: Slice | None = None) -> Iterator[Record]:
    """Yield one record per JSON object of a JSON-lines file (or of a JSON array file), or of one slice."""
    try:
        handle = _open_binary(path)
        head = handle.read(1024).lstrip()
        handle.seek(part[0] if part else 0)
    except (OSError, EOFError) as exc:
        log.read += 1
        log.add("skipped", "unreadable", path, detail=str(exc))
        return
    with handle:
        if head.startswith(b"[") and part is None:
            yield from _read_json_array(path, handle, encoding, max_bytes, log)
            return
        for lineno, raw in _iter_lines(handle, max_bytes, end=part[1] if part else None, first=part[2] if part else 1):
            if raw is not None and not raw.strip():
                continue
            log.read += 1
            where = f"line {lineno}"
            if raw is None:
                log.add("skipped", "too_large", path, where, f"line longer than {max_bytes} bytes")
                continue
            line = _decode_file(path, raw, encoding, log, where)
            if line is None:
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as exc:
                log.add("skipped", "invalid_json", path, where, str(exc))
                continue
            record = _object_record(path, obj, f"{path.stem}:{lineno}", where, log)
            if record is not None:
                yield record


def _read_json_array(path: Path, handle: IO[bytes], encoding: str | None, max_bytes: int, log: LoadLog) -> Iterator[Record]:
    """Yield the records of a file holding one JSON array of objects (read whole: arrays do not stream)."""
    data = handle.read(max_bytes + 1)
    if len(data) > max_bytes:
        log.read += 1
        log.add("skipped", "too_large", path, detail=f"JSON array file over {max_bytes} bytes; use JSON lines")
        return
    text = _decode_file(path, data, encoding, log)
    try:
        items = json.loads(text) if text is not None else None
    except json.JSONDecodeError as exc:
        log.read += 1
        log.add("skipped", "invalid_json", path, detail=str(exc))
        return
    if items is None:
        log.read += 1
        return
    for index, obj in enumerate(items, 1):
        log.read += 1
        record = _object_record(path, obj, f"{path.stem}:{index}", f"item {index}", log)
        if record is not None:
            yield record


def _object_record(path: Path, obj: Any, key: str, where: str, log: LoadLog) -> Record | None:
    """Turn one parsed JSON value into a record, or log why it is not one."""
    if not isinstance(obj, dict):
        log.add("skipped", "invalid_json", path, where, f"expected an object, got {type(obj).__name__}")
        return None
    return Record(key=key, text=None, source_path=str(path), fields=obj, location=where)


def read_csv(path: Path, *, encoding: str | None, max_bytes: int, log: LoadLog, delimiter: str = ",") -> Iterator[Record]:
    """Yield one record per row of a CSV/TSV export, streaming, logging malformed rows."""
    # The csv module refuses fields over 128 KiB by default; an article body can be longer.
    csv.field_size_limit(max(csv.field_size_limit(), max_bytes))
    try:
        raw = _open_binary(path)
        sample = raw.read(65536)
        raw.seek(0)
    except (OSError, EOFError) as exc:
        log.read += 1
        log.add("skipped", "unreadable", path, detail=str(exc))
        return
    if b"\x00" in sample:
        log.read += 1
        log.add("skipped", "binary", path, detail="NUL bytes: not a CSV file")
        raw.close()
        return
    _, chosen, fallback = incremental_decoder(sample, encoding)
    if fallback:
        log.add("repaired", "encoding_fallback", path, detail=f"not UTF-8; decoded as {chosen}")
    with io.TextIOWrapper(raw, encoding=chosen, errors="replace", newline="") as handle:
        reader = csv.DictReader(handle, delimiter=delimiter)
        width = None
        while True:
            try:
                row = next(reader)
            except StopIteration:
                return
            except csv.Error as exc:
                log.read += 1
                log.add("skipped", "malformed_row", path, f"line {reader.line_num}", str(exc))
                continue
            if width is None:
                width = len(reader.fieldnames or ())
            log.read += 1
            where = f"line {reader.line_num}"
            if None in row or any(value is None for value in row.values()):
                got = width + len(row[None]) if None in row else sum(v is not None for v in row.values())
                log.add("skipped", "malformed_row", path, where, f"expected {width} fields, got {got}")
                continue
            yield Record(key=f"{path.stem}:{reader.line_num}", text=None, source_path=str(path), fields=dict(row), location=where)


def read_any(path: Path, fmt: str, *, encoding: str | None, max_bytes: int, log: LoadLog, part: Slice | None = None) -> Iterator[Record]:
    """Dispatch to the reader for `fmt`; `part` reads one slice of a JSON-lines file."""
    if part is not None and fmt != "jsonl":
        raise ValueError(f"only JSON-lines files can be read in slices, not {fmt}")
    if fmt == "text":
        return read_text(path, encoding=encoding, max_bytes=max_bytes, log=log)
    if fmt == "html":
        return read_html(path, encoding=encoding, max_bytes=max_bytes, log=log)
    if fmt == "jsonl":
        return read_jsonl(path, encoding=encoding, max_bytes=max_bytes, log=log, part=part)
    if fmt in ("csv", "tsv"):
        delimiter = "\t" if fmt == "tsv" else ","
        return read_csv(path, encoding=encoding, max_bytes=max_bytes, log=log, delimiter=delimiter)
    raise ValueError(f"unknown format {fmt!r}")
