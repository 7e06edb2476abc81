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
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any, Iterator

from toolkit.corpus.decoding import Unreadable, decode_bytes, incremental_decoder, looks_binary, text_lines
from toolkit.corpus.jsonstream import UTF8_BOM, ByteStream, Incomplete
from toolkit.corpus.vendors import FORMATS as VENDOR_FORMATS
from toolkit.corpus.vendors import read_unrecognised, read_vendor
from toolkit.corpus.loadlog import LoadLog

#: Suffix (after an optional .gz) -> format name.
FORMATS: dict[str, str] = {
    ".txt": "text",
    ".text": "text",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "json",
    ".csv": "csv",
    ".tsv": "tsv",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    # Only vendor exports are read from these; `discover_files` sniffs which (an unknown one is skipped).
    ".docx": "docx",
    ".rtf": "rtf",
}
#: A slice of a JSON-lines file: (first byte, end byte, number of its first line).
Slice = tuple[int, int, int]
#: Per-record size above which a record is skipped as not an article (a whole book, a data dump).
DEFAULT_MAX_BYTES = 10 * 1024 * 1024
#: Keys of a JSON object that wraps the array of articles ({"articles": [...]}, as news APIs return).
WRAPPER_KEYS = ("articles", "data", "items", "results", "documents")
#: Keys that make an object an article itself, so its "items" list is its own data, not articles.
_ARTICLE_TEXT_KEYS = frozenset({"text", "body", "content", "article", "article_text", "maintext"})


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


def _close(handle: IO[bytes] | None) -> None:
    if handle is not None:
        handle.close()


def read_head(handle: IO[bytes], size: int) -> bytes:
    """Return up to `size` first bytes of a stream; of a cut .gz, as many as it yields before the cut."""
    pieces: list[bytes] = []
    got = 0
    read = getattr(handle, "read1", handle.read)
    while got < size:
        try:
            piece = read(size - got)
        except EOFError:
            if not pieces:
                raise
            break
        if not piece:
            break
        pieces.append(piece)
        got += len(piece)
    return b"".join(pieces)


class _BlockReader:
    """A binary stream whose `read` returns one decompressed block at a time (`read1`).

    A cut .gz raises EOFError on the read that reaches the cut; reading block by block keeps
    everything before it.
    """

    def __init__(self, handle: IO[bytes]) -> None:
        self.handle = handle

    def read(self, size: int = -1) -> bytes:
        """Return the next block, at most `size` bytes."""
        read = getattr(self.handle, "read1", self.handle.read)
        return read(size)


def _read_whole(path: Path, max_bytes: int, log: LoadLog) -> bytes | None:
    """Read a one-article file, or log why not (too large, unreadable)."""
    try:
        size = os.path.getsize(path)
        if size > max_bytes:
            log.add("skipped", "too_large", path, detail=f"{size} bytes > limit {max_bytes}")
            return None
        with _open_binary(path) as handle:
            data = handle.read(max_bytes + 1)
    except EOFError as exc:
        log.add("skipped", "truncated", path, detail=f"compressed file cut short: {describe_error(exc)}")
        return None
    except OSError as exc:
        log.add("skipped", "unreadable", path, detail=describe_error(exc))
        return None
    if len(data) > max_bytes:
        log.add("skipped", "too_large", path, detail=f"more than {max_bytes} bytes uncompressed")
        return None
    return data


def _decode_file(path: Path, data: bytes, encoding: str | None, log: LoadLog, location: str = "") -> str | None:
    """Decode one article's bytes, logging what the decoding repaired or the reason to skip."""
    try:
        decoded = decode_bytes(data, encoding)
    except Unreadable as exc:
        log.add("skipped", exc.reason, path, location, exc.detail)
        return None
    for action, reason, detail in decoded.events:
        log.add(action, reason, path, location, detail)
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
    # Dates only from the page's metadata (meta tags, JSON-LD, <time>, URL): htmldate's extensive search
    # would turn a footer's "© 2017" into 2017-01-01; a fixed max_date, not today, keeps re-runs identical.
    dates = {"extensive_search": False, "original_date": True, "max_date": "2100-12-31"}
    extracted = trafilatura.bare_extraction(
        html, with_metadata=True, include_comments=False, include_tables=False, date_extraction_params=dates
    )
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


def _log_open_error(path: Path, exc: BaseException, log: LoadLog) -> None:
    """Count a file that failed as it was opened as one record read and skipped: cut short, or unreadable."""
    log.read += 1
    if isinstance(exc, EOFError):
        log.add("skipped", "truncated", path, detail=f"compressed file cut short: {describe_error(exc)}")
    else:  # OSError, also a .gz that is not gzip (BadGzipFile)
        log.add("skipped", "unreadable", path, detail=describe_error(exc))


def read_jsonl(path: Path, *, encoding: str | None, max_bytes: int, log: LoadLog, part: Slice | None = None) -> Iterator[Record]:
    """Yield one record per JSON object of a JSON-lines file, or of one slice of it.

    A file that is one JSON document after all (it starts with "[", or its first line is a lone "{"
    of a pretty-printed object) is read as a JSON document (`read_json`).
    """
    handle = None
    try:
        handle = _open_binary(path)
        head = read_head(handle, 4096)
        handle.seek(part[0] if part else 0)
    except (EOFError, OSError) as exc:
        _close(handle)
        _log_open_error(path, exc, log)
        return
    if part is None and _is_json_document(head):
        handle.close()
        yield from read_json(path, encoding=encoding, max_bytes=max_bytes, log=log)
        return
    with handle:
        lineno = (part[2] if part else 1) - 1
        try:
            for lineno, raw in _iter_lines(handle, max_bytes, end=part[1] if part else None, first=part[2] if part else 1):
                if raw is not None and not raw.strip():
                    continue
                log.read += 1
                where = f"line {lineno}"
                if raw is None:
                    log.add("skipped", "too_large", path, where, f"line longer than {max_bytes} bytes")
                    continue
                record = _parse_object(path, raw, encoding, f"{path.stem}:{lineno}", where, log)
                if record is not None:
                    yield record
        except EOFError as exc:
            # A cut .gz: the lines before the cut are good data; say where the rest was lost.
            log.read += 1
            log.add("skipped", "truncated", path, f"after line {lineno}", f"compressed file cut short, the rest is lost: {describe_error(exc)}")


def _is_json_document(head: bytes) -> bool:
    """Return True when a .jsonl file's first bytes are one JSON document, not one object per line.

    A JSON-lines line is a whole object ("{...}"); a document starts with "[" or with a line that
    opens an object and goes on below ("{" alone, as pretty-printers write it, or '{"articles": [').
    """
    head = head.removeprefix(UTF8_BOM).lstrip()
    if head.startswith(b"["):
        return True
    if b"\n" not in head:
        return False
    first_line = head.split(b"\n", 1)[0].strip()
    return first_line.startswith(b"{") and first_line.endswith((b"{", b"["))


def read_json(path: Path, *, encoding: str | None, max_bytes: int, log: LoadLog) -> Iterator[Record]:
    """Yield the articles of a JSON document, streaming: one object, an array of them, or a wrapper.

    A wrapper is an object whose "articles" (or "data", "items", "results", "documents") key holds
    the array, as news APIs return it. Several top-level values one after another are read in turn.
    `max_bytes` applies to each article, never to the file.
    """
    handle = None
    try:
        handle = _open_binary(path)
        stream = ByteStream(handle)
    except (EOFError, OSError) as exc:
        _close(handle)
        _log_open_error(path, exc, log)
        return
    with handle:
        if _looks_utf16(stream.buf):
            stream = _utf16_stream(path, handle, stream.buf, encoding, max_bytes, log)
            if stream is None:
                return
        reader = _JsonDocument(path, stream, encoding, max_bytes, log)
        try:
            yield from reader.values()
        except _Logged:
            return
        except (Incomplete, EOFError) as exc:
            log.read += 1
            log.add("skipped", "truncated", path, f"after item {reader.items}", f"the file ends early, the rest is lost: {describe_error(exc)}")


def _looks_utf16(head: bytes) -> bool:
    """Return True for a UTF-16 BOM or the NUL bytes UTF-16 puts beside ASCII brackets."""
    return head.startswith((b"\xff\xfe", b"\xfe\xff")) or (len(head) > 1 and (head[0] == 0 or head[1] == 0))


def _utf16_stream(path: Path, handle: IO[bytes], head: bytes, encoding: str | None, max_bytes: int, log: LoadLog) -> ByteStream | None:
    """Decode a (small) UTF-16 JSON file whole and stream its UTF-8 bytes; None (logged) if it cannot be."""
    data = head + handle.read(max_bytes + 1 - len(head))
    if len(data) > max_bytes:
        log.read += 1
        log.add("skipped", "too_large", path, detail=f"UTF-16 JSON file over {max_bytes} bytes; save it as UTF-8 to stream it")
        return None
    text = _decode_file(path, data, encoding, log)
    if text is None:
        log.read += 1
        return None
    return ByteStream(io.BytesIO(text.encode("utf-8")))


class _Logged(Exception):
    """Raised to stop reading a file whose problem is already in the log."""


class _JsonDocument:
    """Walks the top-level values of a JSON file, yielding a record per article object."""

    def __init__(self, path: Path, stream: ByteStream, encoding: str | None, max_bytes: int, log: LoadLog) -> None:
        self.path, self.stream, self.encoding, self.max_bytes, self.log = path, stream, encoding, max_bytes, log
        self.items = 0

    def values(self) -> Iterator[Record]:
        """Yield the records of every top-level value."""
        stream = self.stream
        tops = 0
        while True:
            char = stream.peek()
            if not char:
                return
            tops += 1
            if char == b"[":
                yield from self.array()
            elif char == b"{":
                yield from self.object(tops)
            else:
                self.log.read += 1
                raw = stream.value(self.max_bytes)
                shown = (raw or b"")[:40].decode("utf-8", "replace")
                self.log.add("skipped", "invalid_json", self.path, f"value {tops}", f"expected an object or an array, got {shown!r}")
                if char in (b"]", b"}", b",", b":"):
                    stream.advance()

    def _next_key(self) -> str:
        self.items += 1
        return f"{self.path.stem}:{self.items}"

    def array(self) -> Iterator[Record]:
        """Yield one record per element of the array at the cursor, each read and limited on its own."""
        stream = self.stream
        stream.advance()
        while True:
            char = stream.peek()
            if char == b"]":
                stream.advance()
                return
            if char in (b",", b":"):
                stream.advance()
                continue
            if not char:
                raise Incomplete("the file ends inside an array")
            key = self._next_key()
            where = f"item {self.items}"
            self.log.read += 1
            try:
                raw = stream.value(self.max_bytes)
            except (Incomplete, EOFError) as exc:
                self.log.add("skipped", "truncated", self.path, where, f"the file ends inside this item, the rest is lost: {describe_error(exc)}")
                raise _Logged from exc
            if raw is None:
                self.log.add("skipped", "too_large", self.path, where, f"item larger than {self.max_bytes} bytes")
                continue
            record = _parse_object(self.path, raw, self.encoding, key, where, self.log)
            if record is not None:
                yield record

    def object(self, tops: int) -> Iterator[Record]:
        """Yield the object at the cursor as one article, or the articles of its wrapped array."""
        stream = self.stream
        stream.advance()
        parts: list[bytes] = []
        names: list[str] = []
        size = 0
        too_large = False
        wrapper: str | None = None
        while True:
            char = stream.peek()
            if char == b"}":
                stream.advance()
                break
            if char == b",":
                stream.advance()
                continue
            if not char:
                raise Incomplete("the file ends inside an object")
            raw_key = stream.value(self.max_bytes)
            if stream.peek() != b":" or raw_key is None:
                self.log.read += 1
                self.log.add("skipped", "invalid_json", self.path, f"value {tops}", "expected a key and ':' in an object")
                raise _Logged
            stream.advance()
            name = _string_key(raw_key)
            if (
                wrapper is None
                and name is not None
                and name.lower() in WRAPPER_KEYS
                and not _ARTICLE_TEXT_KEYS.intersection(n.lower() for n in names)  # an article's own list of items
                and stream.peek() == b"["
                and stream.peek_second() in (b"{", b"]")
            ):
                wrapper = name
                yield from self.array()
                continue
            raw_value = stream.value(max(self.max_bytes - size, 0))
            if raw_value is None:
                too_large = True
                continue
            size += len(raw_key) + len(raw_value) + 2
            parts.append(raw_key + b":" + raw_value)
            if name is not None:
                names.append(name)
        if wrapper is not None:
            if parts:
                others = ", ".join(sorted(names))
                self.log.add("note", "json_wrapper", self.path, detail=f"articles read from the {wrapper!r} array; other keys not articles: {others}")
            return
        # One article object: named by the file's stem when it is all the file holds.
        single = tops == 1 and self.items == 0 and not stream.peek()
        key = self.path.stem if single else self._next_key()
        if single:
            self.items = 1
        where = "object" if single else f"item {self.items}"
        self.log.read += 1
        if too_large or size > self.max_bytes:
            self.log.add("skipped", "too_large", self.path, where, f"object larger than {self.max_bytes} bytes")
            return
        record = _parse_object(self.path, b"{" + b",".join(parts) + b"}", self.encoding, key, where, self.log)
        if record is not None:
            yield record


def _string_key(raw: bytes) -> str | None:
    """Return a raw JSON object key as text, or None when it is not a plain string."""
    try:
        value = json.loads(raw.decode("utf-8", "replace"))
    except ValueError:
        return None
    return value if isinstance(value, str) else None


def _parse_object(path: Path, raw: bytes, encoding: str | None, key: str, where: str, log: LoadLog) -> Record | None:
    """Decode and parse one JSON value into a record, or log why it is not one (it was counted read)."""
    text = _decode_file(path, raw, encoding, log, where)
    if text is None:
        return None
    try:
        obj = json.loads(text)
    except (ValueError, RecursionError) as exc:
        # ValueError covers bad JSON and integers past Python's digit limit; RecursionError deep nesting.
        log.add("skipped", "invalid_json", path, where, describe_error(exc))
        return None
    return _object_record(path, obj, key, where, log)


def _object_record(path: Path, obj: Any, key: str, where: str, log: LoadLog) -> Record | None:
    """Turn one parsed JSON value into a record, or log why it is not one."""
    if not isinstance(obj, dict):
        log.add("skipped", "invalid_json", path, where, f"expected an object, got {type(obj).__name__}")
        return None
    return Record(key=key, text=None, source_path=str(path), fields=obj, location=where)


def read_csv(path: Path, *, encoding: str | None, max_bytes: int, log: LoadLog, delimiter: str = ",") -> Iterator[Record]:
    """Yield one record per row of a CSV/TSV export, streaming, logging malformed rows.

    The delimiter is read from the header line (one of , ; tab |) and noted when it is not the one
    the suffix says. Tab-separated files are read without quoting: in TSV a '"' is text, and a text
    starting with one must not swallow the rows after it.
    """
    # The csv module refuses fields over 128 KiB by default; an article body can be longer.
    csv.field_size_limit(max(csv.field_size_limit(), max_bytes))
    raw = None
    try:
        raw = _open_binary(path)
        sample = read_head(raw, 65536)
        raw.seek(0)
    except EOFError as exc:
        _close(raw)
        log.read += 1
        log.add("skipped", "truncated", path, detail=f"compressed file cut short: {describe_error(exc)}")
        return
    except OSError as exc:  # also a .gz that is not gzip (BadGzipFile)
        _close(raw)
        log.read += 1
        log.add("skipped", "unreadable", path, detail=describe_error(exc))
        return
    if looks_binary(sample):
        log.read += 1
        log.add("skipped", "binary", path, detail="NUL bytes or a binary file signature: not a CSV file")
        raw.close()
        return
    decoder, _, _ = incremental_decoder(sample, encoding)
    probe, _, _ = incremental_decoder(sample, encoding)
    header_line = probe.decode(sample, final=False).split("\n", 1)[0]
    used = detect_delimiter(header_line, delimiter)
    if used != delimiter:
        log.add("note", "delimiter", path, "line 1", f"the header is separated by {_DELIMITER_NAMES[used]}, not {_DELIMITER_NAMES[delimiter]}: read as such")
    quoting = csv.QUOTE_NONE if used == "\t" else csv.QUOTE_MINIMAL

    def report(action: str, reason: str, detail: str) -> None:
        log.add(action, reason, path, "", detail)  # type: ignore[arg-type]

    with raw:
        reader = csv.reader(text_lines(_BlockReader(raw), decoder, report), delimiter=used, quoting=quoting)
        rows = 0
        try:
            header = next(reader, None)
            if header is None:
                log.add("note", "no_rows", path, detail="empty file: no header, no rows")
                return
            names = _unique_columns(header, path, log)
            while True:
                try:
                    row = next(reader)
                except StopIteration:
                    break
                except csv.Error as exc:
                    log.read += 1
                    log.add("skipped", "malformed_row", path, f"line {reader.line_num}", describe_error(exc))
                    continue
                if not row:
                    continue
                log.read += 1
                rows += 1
                where = f"line {reader.line_num}"
                if len(row) != len(names):
                    log.add("skipped", "malformed_row", path, where, f"expected {len(names)} fields, got {len(row)}")
                    continue
                yield Record(key=f"{path.stem}:{reader.line_num}", text=None, source_path=str(path), fields=dict(zip(names, row)), location=where)
        except EOFError as exc:
            log.read += 1
            log.add("skipped", "truncated", path, f"after line {reader.line_num}", f"compressed file cut short, the rest is lost: {describe_error(exc)}")
            return
        if not rows:
            log.add("note", "no_rows", path, detail=f"only a header ({len(names)} columns), no rows")


#: Delimiters a CSV header is checked for, and how the log names them.
_DELIMITER_NAMES = {",": "commas", ";": "semicolons", "\t": "tabs", "|": "pipes"}


def detect_delimiter(header: str, expected: str) -> str:
    """Return the delimiter of a CSV header line: `expected` if it occurs, else the most frequent of , ; tab |."""
    counts = {d: 0 for d in _DELIMITER_NAMES}
    quoted = False
    for char in header:
        if char == '"':
            quoted = not quoted
        elif not quoted and char in counts:
            counts[char] += 1
    if counts.get(expected):
        return expected
    best = max(counts, key=lambda d: (counts[d], d == expected))
    return best if counts[best] else expected


def _unique_columns(header: list[str], path: Path, log: LoadLog) -> list[str]:
    """Return the header's names with repeats renamed NAME~2, ...; log each repeated name."""
    seen: Counter[str] = Counter()
    names = []
    for name in header:
        seen[name] += 1
        names.append(name if seen[name] == 1 else f"{name}~{seen[name]}")
    for name, count in seen.items():
        if count > 1:
            log.add("repaired", "duplicate_column", path, "line 1",
                    f"column {name!r} appears {count} times: the first is read as {name!r}, the others as {name + '~2'!r}...")
    return names


def describe_error(exc: BaseException) -> str:
    """Return an exception as one short line for the load log: its type and the first line of its message."""
    message = str(exc).strip().splitlines()
    first = message[0] if message else ""
    return f"{type(exc).__name__}: {first[:300]}" if first else type(exc).__name__


def read_any(path: Path, fmt: str, *, encoding: str | None, max_bytes: int, log: LoadLog, part: Slice | None = None) -> Iterator[Record]:
    """Dispatch to the reader for `fmt`; `part` reads one slice of a JSON-lines file."""
    if part is not None and fmt != "jsonl":
        raise ValueError(f"only JSON-lines files can be read in slices, not {fmt}")
    if fmt == "text":
        return read_text(path, encoding=encoding, max_bytes=max_bytes, log=log)
    if fmt == "html":
        return read_html(path, encoding=encoding, max_bytes=max_bytes, log=log)
    if fmt == "json":
        return read_json(path, encoding=encoding, max_bytes=max_bytes, log=log)
    if fmt == "jsonl":
        return read_jsonl(path, encoding=encoding, max_bytes=max_bytes, log=log, part=part)
    if fmt in ("csv", "tsv"):
        delimiter = "\t" if fmt == "tsv" else ","
        return read_csv(path, encoding=encoding, max_bytes=max_bytes, log=log, delimiter=delimiter)
    if fmt in VENDOR_FORMATS:
        return (Record(r.key, r.text, r.source_path, r.fields, r.location)
                for r in read_vendor(path, fmt, encoding=encoding, max_bytes=max_bytes, log=log))
    if fmt in ("docx", "rtf", "unrecognised"):  # a Word or RTF file that is no export we know
        return read_unrecognised(path, log=log)
    raise ValueError(f"unknown format {fmt!r}")
