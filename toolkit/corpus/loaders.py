"""Point the toolkit at what you have and get articles: streamed one by one, or as one DataFrame.

Inputs: a `.txt` file or a folder of them (recursively), JSON-lines/JSON/CSV/TSV exports, and HTML
pages, each optionally gzipped. A `metadata.tsv`/`metadata.csv` in a text file's folder, an
ancestor up to the corpus root, or the root's parent joins on the file stem (or on the file's
relative path, when the key column holds paths). Scraped boilerplate is removed by the rules in
`toolkit/data/boilerplate.jsonl`. doc_ids are unique over the whole corpus (`toolkit.corpus.identity`).
Nothing is dropped silently: every skip, repair and notice goes to the `LoadLog`.
"""

from __future__ import annotations

import csv
import hashlib
import os
import re
import stat
from collections import Counter
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Iterable, Iterator, Mapping, Sequence

import pandas as pd

from toolkit.corpus.article import ARTICLE_COLUMNS, Article
from toolkit.corpus.boilerplate import Cleaned, Rule, clean_text, default_rules
from toolkit.corpus.dates import DateColumn, hold_for_date_order, read_date
from toolkit.corpus.formats import DEFAULT_MAX_BYTES, Record, describe_error, format_of, read_any
from toolkit.corpus.identity import SINGLE_ARTICLE_FORMATS, IdRegistry, article_stem, file_doc_ids, strip_article_suffixes
from toolkit.corpus.vendors import CONTAINERS as VENDOR_CONTAINERS
from toolkit.corpus.vendors import FORMATS as VENDOR_FORMATS
from toolkit.corpus.vendors import sniff
from toolkit.corpus.loadlog import LoadLog

PathLike = str | os.PathLike[str]

#: Column names tried, in order, for each article field in exports and metadata files.
FIELD_CANDIDATES: dict[str, tuple[str, ...]] = {
    "doc_id": ("doc_id", "id", "article_id", "filename", "file", "stem"),
    "text": ("text", "body", "content", "article", "article_text", "maintext", "description"),
    "title": ("title", "headline", "heading"),
    "date": ("date", "publication_date", "published", "pub_date", "date_publish", "datetime", "timestamp",
             "publishedat", "published_at"),
    "outlet": ("outlet", "publisher", "source", "site", "sitename", "media", "domain"),
    "url": ("url", "link", "source_url", "permalink"),
}
METADATA_NAMES = ("metadata.tsv", "metadata.csv")
#: An HTML page whose extracted text has fewer words than this is a login, index or error page, not an
#: article (trafilatura returns "Home" for a login form). Plain text and exports have no minimum.
HTML_MIN_WORDS = 20
#: NewsAPI cuts `content` at 200 characters and appends "[+1234 chars]".
_NEWSAPI_CUT = re.compile(r"\s*(?:…|\.\.\.)?\s*\[\+\d+ chars\]\s*$")
#: What each rule action did with a removed line, for the load log.
_REMOVAL = {"drop": "dropped", "related": "moved to related_links", "date": "read as the date", "title": "moved to title"}
#: Every format name `format=` (`--format`) accepts.
READ_FORMATS: tuple[str, ...] = ("text", "html", "json", "jsonl", "csv", "tsv", *VENDOR_FORMATS)


class CorpusError(Exception):
    """Raised when a corpus path does not exist or holds nothing the toolkit can read."""


@dataclass(frozen=True)
class LoadOptions:
    """How to read a corpus; every loader function takes these as keyword arguments."""

    #: Map an article field (text, title, date, outlet, url, doc_id) to the export's column name.
    columns: Mapping[str, str] | None = None
    #: An explicit metadata file; by default one is looked for next to the text files.
    metadata: PathLike | None = None
    #: Decode every file with this encoding only; by default UTF-8, then a logged cp1252/latin-1 fallback.
    encoding: str | None = None
    #: Boilerplate rules (see `toolkit.corpus.boilerplate.load_rules`); by default the shipped ones.
    rules: Sequence[Rule] | None = None
    #: Skip a second article whose body is identical to one already loaded.
    dedupe: bool = True
    #: Skip any single article larger than this many bytes (per article: a JSON array file may be larger).
    max_bytes: int = DEFAULT_MAX_BYTES
    #: Skip an article with fewer words than this (`too_short`); by default `HTML_MIN_WORDS` for HTML
    #: pages and no minimum for text files and exports.
    min_words: int | None = None
    #: Read every file as this format instead of detecting it: one of `READ_FORMATS` (e.g. "nexis-docx").
    format: str | None = None


def iter_articles(paths: PathLike | Sequence[PathLike], *, log: LoadLog | None = None, **options: Any) -> Iterator[Article]:
    """Yield the articles under `paths` one at a time, recording skips and repairs in `log`.

    Raises `CorpusError` at once for a path that does not exist; bad files and rows are logged.
    """
    opts = LoadOptions(**options)
    check_format(opts.format)
    log = LoadLog() if log is None else log
    roots = corpus_roots(paths)
    return _corpus_articles(roots, opts, log)


def check_format(fmt: str | None) -> None:
    """Raise ValueError naming the choices when `fmt` is not a format the loaders read."""
    if fmt is not None and fmt not in READ_FORMATS:
        raise ValueError(f"unknown format {fmt!r}: use one of {', '.join(READ_FORMATS)}")


def _corpus_articles(roots: Sequence[Path], opts: LoadOptions, log: LoadLog) -> Iterator[Article]:
    # doc_ids of single-article files depend on every file name of the corpus: list them all first.
    sources = [(root, list(discover_files(root, log, fmt=opts.format))) for root in roots]
    file_ids = corpus_file_ids(sources)
    yield from _articles(sources, opts, log, file_ids=file_ids)


def corpus_file_ids(sources: Iterable[tuple[Path, Iterable[tuple[Any, ...]]]]) -> dict[Path, str]:
    """Return the doc_id of every single-article file, given (root, [(path, format, ...)]) of the whole corpus."""
    return file_doc_ids(
        (Path(root), Path(path)) for root, files in sources for path, fmt, *_ in files if fmt in SINGLE_ARTICLE_FORMATS
    )


def iter_file_articles(
    root: PathLike,
    files: Iterable[tuple[Any, ...]],
    *,
    file_ids: Mapping[Path, str] | None = None,
    log: LoadLog | None = None,
    ids: IdRegistry | None = None,
    **options: Any,
) -> Iterator[Article]:
    """Yield the articles of some files of the corpus at `root` (a work unit of a larger extraction).

    `files` are (path, format) pairs as `discover_files` yields them, or (path, "jsonl", slice) for
    one slice of a large JSON-lines file (`toolkit.corpus.formats.jsonl_slices`); metadata files are looked up
    from `root` exactly as `iter_articles` does, and duplicates are only detected among these files.
    `file_ids` are the doc_ids of single-article files computed over the whole corpus
    (`corpus_file_ids`); without them they are computed from `files` alone. `ids` is the registry that
    renames repeated ids (a fresh one by default), for a caller that wants to see the renamings.
    """
    log = LoadLog() if log is None else log
    files = [(Path(path), *rest) for path, *rest in files]
    if file_ids is None:
        file_ids = corpus_file_ids([(Path(root), files)])
    # A work unit holds some of the corpus files, so most metadata rows rightly match none of them.
    # `ids`: the caller's registry (a partitioned extraction records renames to redo them corpus-wide).
    return _articles([(Path(root), files)], LoadOptions(**options), log, file_ids=file_ids, report_unmatched=False, ids=ids)


def corpus_roots(paths: PathLike | Sequence[PathLike]) -> list[Path]:
    """Return the corpus paths as `Path`s; raise `CorpusError` for one that does not exist."""
    roots = [Path(p) for p in ([paths] if isinstance(paths, (str, os.PathLike)) else paths)]
    for root in roots:
        if not root.exists():
            raise CorpusError(f"no such file or folder: {root}")
    return roots


@dataclass
class _Context:
    """What every file of one load shares: options, rules, metadata, and the corpus-wide identity state."""

    opts: LoadOptions
    log: LoadLog
    rules: tuple[Rule, ...]
    metadata: "_MetadataFinder"
    file_ids: Mapping[Path, str]
    registry: IdRegistry
    seen_text: dict[bytes, str]


def _articles(
    sources: Iterable[tuple[Path, Iterable[tuple[Any, ...]]]],
    opts: LoadOptions,
    log: LoadLog,
    *,
    file_ids: Mapping[Path, str],
    report_unmatched: bool = True,
    ids: IdRegistry | None = None,
) -> Iterator[Article]:
    rules = default_rules() if opts.rules is None else tuple(opts.rules)
    context = _Context(opts, log, rules, _MetadataFinder(opts, log, file_ids), file_ids, IdRegistry() if ids is None else ids, {})
    for root, files in sources:
        for path, fmt, *part in files:
            yield from _file_articles(Path(path), fmt, part[0] if part else None, root, context)
    if report_unmatched:
        context.metadata.report_unmatched()


def _file_articles(path: Path, fmt: str, part: Any, root: Path, context: _Context) -> Iterator[Article]:
    """Yield the articles of one file; a reader that fails on it is logged and the load goes on."""
    log, opts = context.log, context.opts
    if not _regular_file(path, log):
        return
    records = _guarded(read_any, path, fmt, encoding=opts.encoding, max_bytes=opts.max_bytes, log=log, part=part)
    # One day/month order per file: "12/10/2016" waits until a later "13/10/2016" says the column is day first.
    dates = DateColumn()
    records = hold_for_date_order(records, lambda r: _pick(r.fields, "date", opts.columns)[1], dates)
    open_before = log.read - log.loaded - log.skipped
    taken = 0
    while True:
        try:
            record = next(records)
        except StopIteration:
            return
        except Exception as exc:  # noqa: BLE001 - one bad file (a missing HTML dependency, a reader bug) must not end the load
            if log.read - log.loaded - log.skipped <= open_before:
                log.read += 1  # the reader failed before counting what it was reading
            kept = f"; the {taken} records before it were kept" if taken else ""
            log.add("skipped", "reader_error", path, detail=f"{describe_error(exc)}{kept}")
            return
        taken += 1
        try:
            article = _accept(record, fmt, root, context, dates)
        except Exception as exc:  # noqa: BLE001 - one odd record must not end the load either
            log.add("skipped", "error", record.source_path, record.location, describe_error(exc))
            continue
        if article is not None:
            yield article


def _guarded(reader: Any, *args: Any, **kwargs: Any) -> Iterator[Record]:
    """Call a reader lazily, so that even an error raised before its first record surfaces in `next()`."""
    yield from reader(*args, **kwargs)


def _accept(record: Record, fmt: str, root: Path, context: _Context, dates: DateColumn) -> Article | None:
    """Build the record's article, drop it if it repeats a text, give it its corpus-wide doc_id, log its repairs."""
    log = context.log
    built = _to_article(record, fmt, root, context, dates)
    if built is None:
        return None
    article, pending = built
    if context.opts.dedupe:
        digest = hashlib.blake2b(article.text.encode("utf-8"), digest_size=16).digest()
        first = context.seen_text.get(digest)
        if first is not None:
            log.add("skipped", "duplicate", record.source_path, record.location, f"same text as {first}")
            return None
    doc_id = context.registry.assign(article.doc_id)
    if doc_id != article.doc_id:
        log.add("repaired", "duplicate_id", record.source_path, record.location, f"doc_id {article.doc_id} renamed {doc_id}")
        article = replace(article, doc_id=doc_id)
    if context.opts.dedupe:
        context.seen_text[digest] = doc_id
    for action, reason, detail in pending:
        log.add(action, reason, record.source_path, record.location, detail)
    log.loaded += 1
    return article


def _regular_file(path: Path, log: LoadLog) -> bool:
    """Return True for a regular file (through links); else count it read and log why it is skipped.

    Checked before opening: opening a FIFO named "b.txt" would wait forever for a writer.
    """
    try:
        mode = os.stat(path).st_mode
    except OSError as exc:  # a dangling or looping link, a file gone since the walk, no permission
        log.read += 1
        log.add("skipped", "unreadable", path, detail=describe_error(exc))
        return False
    if stat.S_ISREG(mode):
        return True
    log.read += 1
    log.add("skipped", "not_regular_file", path, detail="not a regular file (a pipe, socket or device): not opened")
    return False


class _WalkNotes:
    """Counts of what a walk passed over, by kind, each with its first example path."""

    LABELS = {
        "hidden": "hidden files or folders not read",
        "unreadable_folder": "folders that could not be listed",
        "repeated_folder": "folders reached twice through links, read once",
    }

    def __init__(self) -> None:
        self.counts: Counter[str] = Counter()
        self.examples: dict[str, str] = {}

    def add(self, kind: str, example: str) -> None:
        """Count one more of `kind`."""
        self.counts[kind] += 1
        self.examples.setdefault(kind, example)

    def flush(self, log: LoadLog, root: Path) -> None:
        """Add one note per kind to `log`."""
        for kind in sorted(self.counts):
            log.add("note", kind, root, detail=f"{self.counts[kind]} {self.LABELS[kind]}, e.g. {self.examples[kind]}")


def walk_files(root: Path, log: LoadLog | None = None) -> Iterator[Path]:
    """Yield every visible regular file under `root` in a stable order: a folder's files, then its sub-folders.

    Symbolic links to folders are followed (a corpus assembled from links is common), each real
    folder once, so a link cycle cannot loop. Hidden files and folders (.git, .ipynb_checkpoints)
    never hold the corpus. With a `log`, what is passed over is recorded: hidden entries, folders
    that cannot be listed and folders reached twice (one note per kind), and pipes, sockets and
    broken links (skipped, never opened).
    """
    root = Path(root)
    sink = LoadLog() if log is None else log
    if not root.is_dir():
        if _regular_file(root, sink):
            yield root
        return
    notes = _WalkNotes()

    def unlistable(exc: OSError) -> None:
        notes.add("unreadable_folder", f"{exc.filename}: {describe_error(exc)}")

    seen: set[str] = set()
    for folder, dirs, files in os.walk(root, onerror=unlistable, followlinks=True):
        real = os.path.realpath(folder)
        if real in seen:
            notes.add("repeated_folder", folder)
            dirs[:] = []
            continue
        seen.add(real)
        for name in sorted(d for d in dirs if d.startswith(".")):
            notes.add("hidden", os.path.join(folder, name))
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            path = Path(folder) / name
            if name.startswith("."):
                notes.add("hidden", str(path))
            elif _regular_file(path, sink):
                yield path
    notes.flush(sink, root)


def file_format(path: Path, forced: str | None = None) -> str | None:
    """Return the format to read `path` with: the one forced, a vendor export found in its content, or its suffix's."""
    if forced is not None:
        return forced
    fmt = format_of(path)
    if path.suffix.lower() in VENDOR_CONTAINERS:  # a .txt, .html, .docx or .rtf may be a database export
        found = sniff(path).format
        if found is not None:
            return found
    return fmt


def discover_files(root: Path, log: LoadLog, *, fmt: str | None = None) -> Iterator[tuple[Path, str]]:
    """Yield (file, format) under `root` in a stable order; note what is not an article file.

    `fmt` forces one format for every file; by default each file's is found by `file_format`.
    """
    if not root.is_dir():
        for path in walk_files(root, log):
            yield path, file_format(path, fmt) or "text"
        return
    ignored: Counter[str] = Counter()
    examples: dict[str, Path] = {}
    found = False
    for path in walk_files(root, log):
        if path.name.lower() in METADATA_NAMES:
            continue
        found_fmt = file_format(path, fmt)
        if found_fmt is None:
            suffix = path.suffix.lower() or "(no suffix)"
            ignored[suffix] += 1
            examples.setdefault(suffix, path)
            continue
        found = True
        yield path, found_fmt
    if ignored:
        detail = ", ".join(f"{n} {suffix} (e.g. {examples[suffix]})" for suffix, n in sorted(ignored.items()))
        log.add("note", "ignored_files", root, detail=f"not article files, not read: {detail}")
    if not found:
        log.add("note", "no_articles", root, detail="no .txt, .jsonl, .json, .csv, .tsv, .html, .docx or .rtf file here")


def _pick(fields: Mapping[str, Any], name: str, columns: Mapping[str, str] | None) -> tuple[str | None, Any]:
    """Return (column, value) for an article field: the mapped column, else the first candidate with a value.

    When every candidate present is blank, the first one present (so an empty text is "empty", not "missing").
    """
    if columns and name in columns:
        column = columns[name]
        return column, fields.get(column)
    lower: dict[str, Any] = {}
    for key in fields:
        lower.setdefault(str(key).lower(), key)
    present = [lower[c] for c in FIELD_CANDIDATES[name] if c in lower]
    for column in present:
        if not _blank(fields[column]):
            return column, fields[column]
    return (present[0], fields[present[0]]) if present else (None, None)


def _split_fields(fields: Mapping[str, Any], columns: Mapping[str, str] | None) -> tuple[dict[str, Any], dict[str, Any], dict[str, str]]:
    """Split a row into the standard article fields, the rest (kept as metadata), and the column of each field."""
    core: dict[str, Any] = {}
    used: dict[str, str] = {}
    for name in FIELD_CANDIDATES:
        column, value = _pick(fields, name, columns)
        if column is not None:
            used[name] = column
            if name != "text" and isinstance(value, Mapping):
                # NewsAPI's source is {"id": ..., "name": "BBC News"}: the name is the outlet.
                value = value.get("name") or value.get("title") or value.get("id")
            if name == "text" or not _blank(value):  # a blank text is an empty article, not a missing one
                core[name] = value
    taken = set(used.values())
    extra = {str(k): v for k, v in fields.items() if k not in taken and k is not None}
    return core, extra, used


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip()) or (isinstance(value, float) and value != value)


Pending = list[tuple[str, str, str]]


def _to_article(record: Record, fmt: str, root: Path, context: _Context, dates: DateColumn) -> tuple[Article, Pending] | None:
    """Clean a record's text, merge its metadata, and build the article (or log why not).

    Returns the article and the repairs and notes to log if it is kept.
    """
    opts, log, metadata = context.opts, context.log, context.metadata
    core, extra, used = _split_fields(record.fields, opts.columns)
    pending: Pending = []
    text = record.text
    if text is None:
        text = core.pop("text", None)
        if not isinstance(text, str):
            reason = "missing_text" if text is None else "invalid_text"
            log.add("skipped", reason, record.source_path, record.location, _missing_text_detail(record.fields, text))
            return None
        text = _newsapi_text(text, used.get("text", ""), pending)
    core.pop("text", None)
    if not text.strip():
        log.add("skipped", "empty", record.source_path, record.location, "no text")
        return None
    cleaned = clean_text(text, context.rules)
    if not cleaned.text.strip():
        log.add("skipped", "empty", record.source_path, record.location, "only boilerplate")
        return None
    min_words = opts.min_words if opts.min_words is not None else (HTML_MIN_WORDS if fmt == "html" else 0)
    if min_words:
        words = len(cleaned.text.split())
        if words < min_words:
            log.add("skipped", "too_short", record.source_path, record.location,
                    f"{words} words < min_words {min_words}: not an article (a login, index or error page?)")
            return None
    pending.extend(_boilerplate_events(cleaned, context.rules))
    doc_id: str | None = None
    if fmt in SINGLE_ARTICLE_FORMATS:  # a file of its own: named by the corpus, metadata joined on its name
        path = Path(record.source_path)
        doc_id = context.file_ids.get(path)
        meta_core, meta_extra, meta_dates = metadata.lookup(path, root)
        if "date" in meta_core and meta_dates is not None:
            dates = meta_dates  # the metadata table's date column has its own day/month order
        core = {**core, **meta_core}
        extra = {**extra, **meta_extra}
    elif not _blank(core.get("doc_id")):
        doc_id = str(core["doc_id"]).strip()
    date = cleaned.date
    if "date" in core:
        date = _record_date(core["date"], record, log, dates)
    return Article(
        doc_id=doc_id or record.key,
        text=cleaned.text,
        title=_str_or_none(core.get("title")) or cleaned.title,
        date=date,
        outlet=_str_or_none(core.get("outlet")),
        url=_str_or_none(core.get("url")),
        source_path=record.source_path,
        related_links=cleaned.related_links,
        extra=extra,
    ), pending


def _missing_text_detail(fields: Mapping[str, Any], value: Any) -> str:
    """Say why a record has no text, with a hint when its one column looks like an unsplit header."""
    if value is not None:
        return f"the text field holds a {type(value).__name__}, not text"
    if len(fields) == 1:
        (name,) = fields
        for delimiter, label in ((";", "semicolon"), ("\t", "tab"), ("|", "pipe"), (",", "comma")):
            if delimiter in str(name):
                return f"no article text in this record (the header has one column {str(name)[:60]!r}: {label}-separated?)"
    return f"no article text in this record (columns: {', '.join(map(str, list(fields)[:12]))})"


def _newsapi_text(text: str, column: str, pending: Pending) -> str:
    """Return a text without NewsAPI's "[+1234 chars]" cut marker, noting that the body is cut."""
    # The marker ends the text (only whitespace after it): a text that does not end so is not searched, which
    # tried the pattern's leading \s* at every position of every article (0.4 ms an article).
    match = _NEWSAPI_CUT.search(text) if text.rstrip().endswith(" chars]") else None
    if match is not None and column.lower() == "content":
        pending.append(("note", "truncated_text", f"only the first part of the article is in the export ({match.group().strip()} cut off); marker removed"))
        return text[: match.start()]
    if column.lower() == "description":
        pending.append(("note", "text_from_description", "no article body in the record: its description is the text"))
    return text


def _record_date(value: Any, record: Record, log: LoadLog, dates: DateColumn) -> Any:
    """Parse a record's date in its column's day/month order, noting why a value is no date (year only, a time,
    out of range) or how it was read."""
    reading = dates.read(value)  # never raises, whatever the value (a list, an object, text)
    notes = reading.notes
    if reading.date is None and not notes:  # "null", "n/a": a placeholder, still worth its note
        notes = (("unparsed_date", f"not a date: {str(value)[:80]!r}"),)
    for reason, detail in notes:
        log.add("note", reason, record.source_path, record.location, detail)
    return reading.date


def _boilerplate_events(cleaned: Cleaned, rules: Sequence[Rule]) -> Pending:
    """Return one `boilerplate` repair per rule that fired on a text: what it did, how many lines, the first."""
    if not cleaned.changed:
        return []
    actions = {rule.id: rule.action for rule in rules}
    lines: dict[str, list[str]] = {}
    for rule_id, value in cleaned.removed:
        lines.setdefault(rule_id, []).append(value)
    events = []
    for rule_id, values in lines.items():
        what = _REMOVAL.get(actions.get(rule_id, "title" if rule_id == "repeated-title" else "drop"), "removed")
        count = len(values) if rule_id != "repeated-title" else len(values) // 2 or 1
        noun = "line" if count == 1 else "lines"
        events.append(("cleaned", "boilerplate", f"{rule_id}: {count} {noun} {what}, first {values[0][:80]!r}"))
    return events


def _str_or_none(value: Any) -> str | None:
    return None if _blank(value) else str(value).strip()


class _Table:
    """One metadata file: rows keyed by file stem, or by relative path where the key column holds paths."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.by_stem: dict[str, dict[str, Any]] = {}
        self.by_path: dict[str, dict[str, Any]] = {}
        self.matched: set[str] = set()
        self.dates = DateColumn()

    def __len__(self) -> int:
        return len(self.by_stem) + len(self.by_path)


class _MetadataFinder:
    """Find and read the metadata file that belongs to a text file, once per folder."""

    def __init__(self, opts: LoadOptions, log: LoadLog, file_ids: Mapping[Path, str]) -> None:
        self.columns = opts.columns
        self.log = log
        self.explicit = Path(opts.metadata) if opts.metadata is not None else None
        self.tables: dict[Path, _Table | None] = {}
        # Files sharing a stem: a stem-keyed row cannot say which of them it describes.
        self.by_stem: dict[str, list[Path]] = {}
        for path in file_ids:
            self.by_stem.setdefault(article_stem(path), []).append(Path(path))
        self.file_ids = file_ids
        self.ambiguous: set[tuple[Path, str]] = set()
        # Metadata files found per (folder, root): looked up once per folder, not with a stat per article.
        self.found: dict[tuple[Path, Path], list[Path]] = {}

    def lookup(self, path: Path, root: Path) -> tuple[dict[str, Any], dict[str, Any], DateColumn | None]:
        """Return (article fields, other metadata, the table's date column) for a text file, empty when it has no row."""
        for table_path in self._candidates(path, root):
            table = self._table(table_path)
            if table is None:
                continue
            key, row = self._row(table, path)
            if row is None:
                continue
            if key is None:
                return {}, {}, None  # ambiguous (logged): joining would guess
            table.matched.add(key)
            core, extra, _ = _split_fields(row, self.columns)
            core.pop("doc_id", None)
            core.pop("text", None)
            return core, extra, table.dates
        return {}, {}, None

    def _row(self, table: _Table, path: Path) -> tuple[str | None, dict[str, Any] | None]:
        """Return (key, row) of `path` in `table`: by relative path first, then by stem; key None if ambiguous."""
        if table.by_path:
            parts = Path(strip_article_suffixes(path.as_posix())).parts
            for size in range(2, len(parts) + 1):
                key = "/".join(parts[-size:])
                if key in table.by_path:
                    return key, table.by_path[key]
        stem = article_stem(path)
        row = table.by_stem.get(stem)
        if row is None:
            return None, None
        scope = None if self.explicit is not None else table.path.parent
        known = self.by_stem.get(stem, [path])
        sharing = [p for p in known if scope is None or scope in p.parents]
        # A path-qualified id says another file of the corpus has this stem. When `file_ids` covers only
        # a work unit and that file is not in it, the table may still cover it, unless it sits beside this file.
        unseen = len(known) < 2 and self.file_ids.get(path, stem) != stem and (scope is None or scope != path.parent)
        if len(sharing) > 1 or unseen:
            if (table.path, stem) not in self.ambiguous:
                self.ambiguous.add((table.path, stem))
                table.matched.add(stem)
                files = f"{len(sharing)} files ({', '.join(str(p) for p in sharing[:3])})" if not unseen else f"files of several folders ({path}, ...)"
                self.log.add("note", "metadata_ambiguous", table.path, stem,
                             f"row {stem!r} matches {files}: not joined; key the rows by relative path (e.g. 'folder/{stem}')")
            return None, row
        return stem, row

    def _candidates(self, path: Path, root: Path) -> list[Path]:
        if self.explicit is not None:
            return [self.explicit]
        key = (path.parent, root)
        if key not in self.found:
            self.found[key] = list(self._search(path, root))
        return self.found[key]

    def _search(self, path: Path, root: Path) -> Iterator[Path]:
        top = root if root.is_dir() else root.parent
        folder = path.parent
        folders = [folder]
        while folder != top and top in folder.parents:
            folder = folder.parent
            folders.append(folder)
        folders.append(top.parent)  # corpus/metadata.tsv beside corpus/text/
        for folder in folders:
            for name in METADATA_NAMES:
                candidate = folder / name
                if candidate.is_file():
                    yield candidate

    def _table(self, path: Path) -> _Table | None:
        if path not in self.tables:
            self.tables[path] = self._read(path)
        return self.tables[path]

    def _read(self, path: Path) -> _Table | None:
        tsv = path.suffix.lower() == ".tsv"
        try:
            with open(path, encoding="utf-8-sig", newline="") as handle:
                # TSV has no quoting: a title starting with '"' must not swallow the rows after it.
                reader = csv.DictReader(handle, delimiter="\t" if tsv else ",", quoting=csv.QUOTE_NONE if tsv else csv.QUOTE_MINIMAL)
                rows = list(reader)
        except (OSError, UnicodeDecodeError, csv.Error) as exc:
            self.log.add("note", "metadata_unreadable", path, detail=describe_error(exc))
            return None
        table = _Table(path)
        if not rows:
            return table
        key, _ = _pick(rows[0], "doc_id", self.columns)
        if key is None:
            self.log.add("note", "metadata_unreadable", path, detail=f"no key column (one of {FIELD_CANDIDATES['doc_id']})")
            return None
        repeated = 0
        for row in rows:
            name, by_path = _metadata_key(row.get(key))
            if not name:
                continue
            target = table.by_path if by_path else table.by_stem
            if name in target:
                repeated += 1  # the first row for a file wins; say so rather than silently take the last
                continue
            target[name] = {k: v for k, v in row.items() if k is not None}
        date_column, _ = _pick(rows[0], "date", self.columns)
        if date_column is not None:
            table.dates.observe(row.get(date_column) for row in rows)
        self.log.add("note", "metadata", path, detail=f"{len(table)} rows joined on column {key!r}")
        if repeated:
            self.log.add("note", "metadata_duplicate_key", path, detail=f"{repeated} rows repeat an earlier key in column {key!r}: the first row is used")
        return table

    def report_unmatched(self) -> None:
        """Note metadata rows that matched no article file (a typo in a stem, a missing file)."""
        for path, table in self.tables.items():
            if table:
                missing = len(table) - len(table.matched)
                if missing:
                    self.log.add("note", "metadata_unmatched", path, detail=f"{missing} rows match no article file")


def _metadata_key(value: Any) -> tuple[str, bool]:
    """Return a metadata key as (name, is_path): a relative path without suffix, else a file stem."""
    if _blank(value):
        return "", False
    text = str(value).strip().replace("\\", "/")
    while text.startswith("./"):
        text = text[2:]
    if "/" in text.strip("/"):
        return strip_article_suffixes(text.strip("/")), True
    return article_stem(text), False


def articles_frame(articles: Iterable[Article]) -> pd.DataFrame:
    """Return articles as a DataFrame: one row each, standard columns first, then metadata columns."""
    rows = [a.to_row() for a in articles]
    extra: list[str] = []
    for row in rows:
        extra.extend(k for k in row if k not in ARTICLE_COLUMNS and k not in extra)
    frame = pd.DataFrame(rows, columns=[*ARTICLE_COLUMNS, *extra])
    frame["date"] = pd.to_datetime(frame["date"]).astype("datetime64[ns]")
    return frame


def load_corpus(paths: PathLike | Sequence[PathLike], *, progress: bool = False, **options: Any) -> pd.DataFrame:
    """Load a corpus as one DataFrame (one row per article); its `LoadLog` is in `df.attrs["load_log"]`."""
    log = LoadLog()
    articles: Iterable[Article] = iter_articles(paths, log=log, **options)
    if progress:
        from tqdm.auto import tqdm

        articles = tqdm(articles, desc="loading", unit=" articles")
    frame = articles_frame(articles)
    frame.attrs["load_log"] = log
    return frame


def load_log(frame: pd.DataFrame) -> LoadLog:
    """Return the load log of a DataFrame made by `load_corpus`."""
    try:
        return frame.attrs["load_log"]
    except KeyError:
        raise ValueError("this DataFrame was not made by load_corpus: it has no load log") from None
