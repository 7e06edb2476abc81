"""Point the toolkit at what you have and get articles: streamed one by one, or as one DataFrame.

Inputs: a `.txt` file or a folder of them (recursively), JSON-lines/JSON/CSV/TSV exports, and HTML
pages, each optionally gzipped. A `metadata.tsv`/`metadata.csv` in a text file's folder, an
ancestor up to the corpus root, or the root's parent joins on the file stem. Scraped boilerplate is
removed by the rules in `toolkit/data/boilerplate.jsonl`. Nothing is dropped silently: every skip,
repair and notice goes to the `LoadLog`.
"""

from __future__ import annotations

import csv
import hashlib
import os
from collections import Counter
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Iterable, Iterator, Mapping, Sequence

import pandas as pd

from toolkit.corpus.article import ARTICLE_COLUMNS, Article
from toolkit.corpus.boilerplate import Rule, clean_text, default_rules
from toolkit.corpus.dates import parse_date
from toolkit.corpus.formats import DEFAULT_MAX_BYTES, Record, format_of, read_any
from toolkit.corpus.loadlog import LoadLog

PathLike = str | os.PathLike[str]

#: Column names tried, in order, for each article field in exports and metadata files.
FIELD_CANDIDATES: dict[str, tuple[str, ...]] = {
    "doc_id": ("doc_id", "id", "article_id", "filename", "file", "stem"),
    "text": ("text", "body", "content", "article", "article_text", "maintext"),
    "title": ("title", "headline", "heading"),
    "date": ("date", "publication_date", "published", "pub_date", "date_publish", "datetime", "timestamp"),
    "outlet": ("outlet", "publisher", "source", "site", "sitename", "media", "domain"),
    "url": ("url", "link", "source_url", "permalink"),
}
METADATA_NAMES = ("metadata.tsv", "metadata.csv")


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
    #: Skip any single article larger than this many bytes.
    max_bytes: int = DEFAULT_MAX_BYTES


def iter_articles(paths: PathLike | Sequence[PathLike], *, log: LoadLog | None = None, **options: Any) -> Iterator[Article]:
    """Yield the articles under `paths` one at a time, recording skips and repairs in `log`.

    Raises `CorpusError` at once for a path that does not exist; bad files and rows are logged.
    """
    opts = LoadOptions(**options)
    log = LoadLog() if log is None else log
    roots = corpus_roots(paths)
    return _articles(((root, discover_files(root, log)) for root in roots), opts, log)


def iter_file_articles(root: PathLike, files: Iterable[tuple[Any, ...]], *, log: LoadLog | None = None, **options: Any) -> Iterator[Article]:
    """Yield the articles of some files of the corpus at `root` (a work unit of a larger extraction).

    `files` are (path, format) pairs as `discover_files` yields them, or (path, "jsonl", slice) for
    one slice of a large JSON-lines file (`toolkit.corpus.formats.jsonl_slices`); metadata files are looked up
    from `root` exactly as `iter_articles` does, and duplicates are only detected among these files.
    """
    log = LoadLog() if log is None else log
    # A work unit holds some of the corpus files, so most metadata rows rightly match none of them.
    return _articles([(Path(root), files)], LoadOptions(**options), log, report_unmatched=False)


def corpus_roots(paths: PathLike | Sequence[PathLike]) -> list[Path]:
    """Return the corpus paths as `Path`s; raise `CorpusError` for one that does not exist."""
    roots = [Path(p) for p in ([paths] if isinstance(paths, (str, os.PathLike)) else paths)]
    for root in roots:
        if not root.exists():
            raise CorpusError(f"no such file or folder: {root}")
    return roots


def _articles(
    sources: Iterable[tuple[Path, Iterable[tuple[Any, ...]]]], opts: LoadOptions, log: LoadLog, *, report_unmatched: bool = True
) -> Iterator[Article]:
    rules = default_rules() if opts.rules is None else tuple(opts.rules)
    metadata = _MetadataFinder(opts, log)
    seen_text: dict[bytes, str] = {}
    seen_ids: Counter[str] = Counter()
    for root, files in sources:
        for path, fmt, *part in files:
            records = read_any(path, fmt, encoding=opts.encoding, max_bytes=opts.max_bytes, log=log, part=part[0] if part else None)
            for record in records:
                article = _to_article(record, root, rules, opts, metadata, log)
                if article is None:
                    continue
                if opts.dedupe:
                    digest = hashlib.blake2b(article.text.encode("utf-8"), digest_size=16).digest()
                    first = seen_text.get(digest)
                    if first is not None:
                        log.add("skipped", "duplicate", record.source_path, record.location, f"same text as {first}")
                        continue
                seen_ids[article.doc_id] += 1
                if seen_ids[article.doc_id] > 1:
                    new_id = f"{article.doc_id}~{seen_ids[article.doc_id]}"
                    log.add("repaired", "duplicate_id", record.source_path, record.location, f"doc_id {article.doc_id} renamed {new_id}")
                    article = replace(article, doc_id=new_id)
                if opts.dedupe:
                    seen_text[digest] = article.doc_id
                log.loaded += 1
                yield article
    if report_unmatched:
        metadata.report_unmatched()


def walk_files(root: Path) -> Iterator[Path]:
    """Yield every visible file under `root` in a stable order: a folder's files, then its sub-folders.

    Symbolic links to folders are followed (a corpus assembled from links is common), each real
    folder once, so a link cycle cannot loop. Hidden files and folders (.git, .ipynb_checkpoints)
    never hold the corpus.
    """
    if root.is_file():
        yield root
        return
    seen: set[str] = set()
    for folder, dirs, files in os.walk(root, followlinks=True):
        real = os.path.realpath(folder)
        if real in seen:
            dirs[:] = []
            continue
        seen.add(real)
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith("."):
                yield Path(folder) / name


def discover_files(root: Path, log: LoadLog) -> Iterator[tuple[Path, str]]:
    """Yield (file, format) under `root` in a stable order; note what is not an article file."""
    if root.is_file():
        yield root, format_of(root) or "text"
        return
    ignored: Counter[str] = Counter()
    found = False
    for path in walk_files(root):
        if path.name.lower() in METADATA_NAMES:
            continue
        fmt = format_of(path)
        if fmt is None:
            ignored[path.suffix.lower() or "(no suffix)"] += 1
            continue
        found = True
        yield path, fmt
    if ignored:
        detail = ", ".join(f"{n} {suffix}" for suffix, n in sorted(ignored.items()))
        log.add("note", "ignored_files", root, detail=f"not article files: {detail}")
    if not found:
        log.add("note", "no_articles", root, detail="no .txt, .jsonl, .json, .csv, .tsv or .html file here")


def _pick(fields: Mapping[str, Any], name: str, columns: Mapping[str, str] | None) -> tuple[str | None, Any]:
    """Return (column, value) for an article field: the mapped column, else the first candidate present."""
    if columns and name in columns:
        column = columns[name]
        return column, fields.get(column)
    lower = {str(k).lower(): k for k in fields}
    for candidate in FIELD_CANDIDATES[name]:
        if candidate in lower:
            return lower[candidate], fields[lower[candidate]]
    return None, None


def _split_fields(fields: Mapping[str, Any], columns: Mapping[str, str] | None) -> tuple[dict[str, Any], dict[str, Any]]:
    """Split a row into the standard article fields and the rest (kept as metadata)."""
    core: dict[str, Any] = {}
    used: set[str] = set()
    for name in FIELD_CANDIDATES:
        column, value = _pick(fields, name, columns)
        if column is not None:
            used.add(column)
            if name == "text" or not _blank(value):  # a blank text is an empty article, not a missing one
                core[name] = value
    extra = {str(k): v for k, v in fields.items() if k not in used and k is not None}
    return core, extra


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip()) or (isinstance(value, float) and value != value)


def _to_article(record: Record, root: Path, rules: Sequence[Rule], opts: LoadOptions, metadata: "_MetadataFinder", log: LoadLog) -> Article | None:
    """Clean a record's text, merge its metadata, and build the article (or log why not)."""
    core, extra = _split_fields(record.fields, opts.columns)
    text = record.text
    if text is None:
        text = core.pop("text", None)
        if not isinstance(text, str):
            reason = "missing_text" if text is None else "invalid_text"
            log.add("skipped", reason, record.source_path, record.location, "no article text in this record")
            return None
    core.pop("text", None)
    if not text.strip():
        log.add("skipped", "empty", record.source_path, record.location, "no text")
        return None
    cleaned = clean_text(text, rules)
    if not cleaned.text.strip():
        log.add("skipped", "empty", record.source_path, record.location, "only boilerplate")
        return None
    if record.text is not None:  # a file of its own: metadata files join on its stem
        meta_core, meta_extra = metadata.lookup(Path(record.source_path), root)
        core = {**core, **meta_core}
        extra = {**extra, **meta_extra}
    date = parse_date(core["date"]) if "date" in core else cleaned.date
    if "date" in core and date is None:
        log.add("note", "unparsed_date", record.source_path, record.location, f"not a date: {core['date']!r}")
    return Article(
        doc_id=str(core.get("doc_id") or record.key),
        text=cleaned.text,
        title=_str_or_none(core.get("title")) or cleaned.title,
        date=date,
        outlet=_str_or_none(core.get("outlet")),
        url=_str_or_none(core.get("url")),
        source_path=record.source_path,
        related_links=cleaned.related_links,
        extra=extra,
    )


def _str_or_none(value: Any) -> str | None:
    return None if _blank(value) else str(value).strip()


class _MetadataFinder:
    """Find and read the metadata file that belongs to a text file, once per folder."""

    def __init__(self, opts: LoadOptions, log: LoadLog) -> None:
        self.columns = opts.columns
        self.log = log
        self.explicit = Path(opts.metadata) if opts.metadata is not None else None
        self.tables: dict[Path, dict[str, dict[str, Any]] | None] = {}
        self.matched: dict[Path, set[str]] = {}

    def lookup(self, path: Path, root: Path) -> tuple[dict[str, Any], dict[str, Any]]:
        """Return (article fields, other metadata) for a text file, empty when it has no row."""
        for table_path in self._candidates(path, root):
            table = self._table(table_path)
            if table is None:
                continue
            row = table.get(path.stem)
            if row is None:
                continue
            self.matched[table_path].add(path.stem)
            core, extra = _split_fields(row, self.columns)
            core.pop("doc_id", None)
            core.pop("text", None)
            return core, extra
        return {}, {}

    def _candidates(self, path: Path, root: Path) -> Iterator[Path]:
        if self.explicit is not None:
            yield self.explicit
            return
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

    def _table(self, path: Path) -> dict[str, dict[str, Any]] | None:
        if path not in self.tables:
            self.tables[path] = self._read(path)
            self.matched[path] = set()
        return self.tables[path]

    def _read(self, path: Path) -> dict[str, dict[str, Any]] | None:
        delimiter = "\t" if path.suffix.lower() == ".tsv" else ","
        try:
            with open(path, encoding="utf-8-sig", newline="") as handle:
                rows = list(csv.DictReader(handle, delimiter=delimiter))
        except (OSError, UnicodeDecodeError, csv.Error) as exc:
            self.log.add("note", "metadata_unreadable", path, detail=str(exc))
            return None
        if not rows:
            return {}
        key, _ = _pick(rows[0], "doc_id", self.columns)
        if key is None:
            self.log.add("note", "metadata_unreadable", path, detail=f"no key column (one of {FIELD_CANDIDATES['doc_id']})")
            return None
        table = {}
        for row in rows:
            stem = _stem(row.get(key))
            if stem:
                table[stem] = {k: v for k, v in row.items() if k is not None}
        self.log.add("note", "metadata", path, detail=f"{len(table)} rows joined on column {key!r}")
        return table

    def report_unmatched(self) -> None:
        """Note metadata rows that matched no article file (a typo in a stem, a missing file)."""
        for path, table in self.tables.items():
            if table:
                missing = len(set(table) - self.matched[path])
                if missing:
                    self.log.add("note", "metadata_unmatched", path, detail=f"{missing} rows match no article file")


def _stem(value: Any) -> str:
    """Return a metadata key as a file stem: no folder, no article-file suffix."""
    if _blank(value):
        return ""
    name = Path(str(value).strip()).name
    path = Path(name)
    while path.suffix.lower() in (".gz", ".txt", ".text", ".html", ".htm", ".xhtml"):
        path = path.with_suffix("")
    return path.name


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
