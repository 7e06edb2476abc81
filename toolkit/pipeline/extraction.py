"""Extract quotes, denials and per-article summaries from a corpus of any size, resumably.

The corpus is cut into work units (partitions): a group of text/HTML files, or one export file
(a JSONL/CSV shard). A worker loads one partition, runs the finders, and writes one Parquet file
per table (`articles/`, `quotes/`, `denials/`, `load_log/`, each `part-NNNNN.parquet`), then a
small JSON marker under `_state/` that says the partition is complete. Memory therefore grows with
one partition, never with the corpus.

A rerun skips every partition whose marker matches its files (path, size, modification time) and
the configuration fingerprint (toolkit version, the lexicon and rule files, the load options), so an
interrupted extraction resumes where it stopped and ends with exactly the output of an uninterrupted
run; a different lexicon or toolkit version invalidates the cache. Two engines run the partitions:
`local` (in this process, or a pool of processes on this machine) and `dask` (a `dask.bag` over the
partitions on a `dask.distributed` cluster, or a `LocalCluster` when no scheduler is given).
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from dataclasses import asdict, dataclass, field, fields
from importlib import metadata, resources
from pathlib import Path
from typing import Any, Iterator, Mapping, Sequence

import pandas as pd

from toolkit.corpus.article import Article
from toolkit.denials.finder import Denial, article_denials
from toolkit.corpus.formats import jsonl_slices
from toolkit.corpus.loaders import LoadOptions, PathLike, corpus_roots, discover_files, iter_file_articles
from toolkit.corpus.loadlog import LoadLog
from toolkit.quotes.finder import Quote, find_quotes

TABLES = ("articles", "quotes", "denials", "load_log")
STATE = "_state"
MANIFEST = "manifest.json"
ENGINES = ("local", "dask")
#: Text and HTML files per partition: large enough to amortise start-up, small enough to resume often.
DEFAULT_FILES_PER_PARTITION = 500
ARTICLE_SUMMARY_COLUMNS = (
    "doc_id", "title", "date", "outlet", "url", "source_path", "related_links", "content_hash",
    "n_chars", "n_words", "n_quotes", "n_denials", "text",
)
#: Formats whose files hold many articles each: one such file is one partition (or several, below).
_MULTI_ARTICLE_FORMATS = ("jsonl", "csv", "tsv")
#: An uncompressed JSON-lines file larger than this is cut into slices of about this size.
DEFAULT_BYTES_PER_PARTITION = 64 << 20


@dataclass(frozen=True)
class Partition:
    """One work unit: some files of the corpus under `root`, and its position in the plan."""

    index: int
    root: str
    #: (path, format), or (path, "jsonl", (first byte, end byte, first line)) for a slice of a big file.
    files: tuple[tuple[Any, ...], ...]

    @property
    def name(self) -> str:
        """File name stem of this partition's outputs."""
        return f"part-{self.index:05d}"

    def key(self) -> str:
        """Return a digest of the partition's files as they are now (path, size, modification time)."""
        digest = hashlib.sha256(self.root.encode())
        for path, fmt, *part in self.files:
            stat = os.stat(path)
            digest.update(f"\0{path}\0{fmt}\0{part}\0{stat.st_size}\0{stat.st_mtime_ns}".encode())
        return digest.hexdigest()


@dataclass(frozen=True)
class ExtractConfig:
    """What an extraction computes; its fingerprint decides whether cached partitions are still valid."""

    load_options: LoadOptions = field(default_factory=LoadOptions)
    #: A researcher's denial lexicon (TSV like toolkit/data/denials.tsv), added to the shipped one
    #: or, with `lexicon_extend=False`, used instead of it.
    lexicon: str | None = None
    lexicon_extend: bool = True

    def denial_lexicon(self) -> Any:
        """Return the denial lexicon to use, or None for the shipped one."""
        if self.lexicon is None:
            return None
        from toolkit.denials.lexicon import load_lexicon

        return load_lexicon(self.lexicon, extend=self.lexicon_extend)

    def fingerprint(self) -> str:
        """Return a digest of the toolkit version, its code and data files, your lexicon and the load options
        (boilerplate rules included, by content)."""
        digest = hashlib.sha256(_toolkit_version().encode())
        # Code as well as version: an edited checkout (pip install -e) must not reuse stale results.
        for name, data in _package_files(resources.files("toolkit")):
            digest.update(name.encode() + b"\0" + data)
        if self.lexicon:
            digest.update(Path(self.lexicon).read_bytes())
        digest.update(f"lexicon_extend={self.lexicon_extend}".encode())
        options = _options_dict(self.load_options)
        if self.load_options.rules is not None:
            options["rules"] = [(r.id, r.action, r.where, r.pattern.pattern) for r in self.load_options.rules]
        digest.update(json.dumps(options, sort_keys=True, default=str).encode())
        return digest.hexdigest()


@dataclass(frozen=True)
class ExtractResult:
    """What an extraction did: partitions planned, run and skipped, and the totals per table."""

    out_dir: Path
    partitions: int
    ran: int
    skipped: int
    rows: Mapping[str, int]


def _options_dict(options: LoadOptions) -> dict[str, Any]:
    """Return load options as keyword arguments (shallow: rules stay `Rule` objects)."""
    return {f.name: getattr(options, f.name) for f in fields(options)}


def _package_files(folder: Any, prefix: str = "") -> Iterator[tuple[str, bytes]]:
    """Yield (relative name, bytes) of every source and data file under `folder`, subpackages included, in
    name order (compiled caches left out: they differ between machines)."""
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        name = prefix + entry.name
        if entry.is_dir():
            if entry.name != "__pycache__":
                yield from _package_files(entry, name + "/")
        elif not entry.name.endswith(".pyc"):
            yield name, entry.read_bytes()


def _toolkit_version() -> str:
    try:
        return metadata.version("news-discourse-toolkit")
    except metadata.PackageNotFoundError:  # pragma: no cover - running from a source tree
        from toolkit.version import __version__

        return __version__


def plan_partitions(
    paths: PathLike | Sequence[PathLike],
    *,
    files_per_partition: int = DEFAULT_FILES_PER_PARTITION,
    bytes_per_partition: int = DEFAULT_BYTES_PER_PARTITION,
    log: LoadLog | None = None,
) -> list[Partition]:
    """Cut a corpus into partitions, in the loader's file order; the same corpus gives the same plan.

    Text and HTML files are grouped `files_per_partition` at a time; each export file is a partition
    of its own, and an uncompressed JSON-lines file over `bytes_per_partition` is cut into slices at
    line starts, so even a single huge export keeps every worker busy.
    """
    log = LoadLog() if log is None else log
    plan: list[Partition] = []
    for root in corpus_roots(paths):
        group: list[tuple[str, str]] = []
        for path, fmt in discover_files(root, log):
            if fmt in _MULTI_ARTICLE_FORMATS:
                for unit in _export_units(path, fmt, bytes_per_partition):
                    plan.append(Partition(len(plan), str(root), (unit,)))
                continue
            group.append((str(path), fmt))
            if len(group) == files_per_partition:
                plan.append(Partition(len(plan), str(root), tuple(group)))
                group = []
        if group:
            plan.append(Partition(len(plan), str(root), tuple(group)))
    return plan


def _export_units(path: Path, fmt: str, bytes_per_partition: int) -> list[tuple[Any, ...]]:
    """Return the work units of one export file: the whole file, or slices of a big JSON-lines file."""
    if fmt != "jsonl" or path.suffix.lower() == ".gz" or path.stat().st_size <= bytes_per_partition:
        return [(str(path), fmt)]
    with open(path, "rb") as handle:
        if handle.read(1024).lstrip().startswith(b"["):  # one JSON array: cannot be sliced
            return [(str(path), fmt)]
    return [(str(path), fmt, part) for part in jsonl_slices(path, bytes_per_partition)]


def content_hash(text: str) -> str:
    """Return the SHA-256 of an article body: the identity of its content across runs and corpora."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def analyse_article(article: Article, *, lexicon: Any = None) -> dict[str, list[dict[str, Any]]]:
    """Run every finder on one article; return rows for the articles, quotes and denials tables.

    `lexicon` is a denial lexicon (`toolkit.denials.lexicon.load_lexicon`); None uses the shipped one.
    """
    quotes = find_quotes(article.text)
    denials = article_denials(article.text, article.title, quotes=quotes, lexicon=lexicon)
    summary = {
        "doc_id": article.doc_id,
        "title": article.title,
        "date": article.date,
        "outlet": article.outlet,
        "url": article.url,
        "source_path": article.source_path,
        "related_links": list(article.related_links),
        "content_hash": content_hash(article.text),
        "n_chars": len(article.text),
        "n_words": len(article.text.split()),
        "n_quotes": len(quotes),
        "n_denials": len(denials),
        "text": article.text,
    }
    # Metadata may hold lists or numbers from JSON; Parquet needs one type per column, so keep it as text.
    for key, value in article.extra.items():
        if key not in summary:
            summary[key] = value if value is None or isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    return {
        "articles": [summary],
        "quotes": [{"doc_id": article.doc_id, **asdict(q)} for q in quotes],
        "denials": [{"doc_id": article.doc_id, "field": where, **asdict(d)} for where, d in denials],
    }


def table_columns(table: str) -> list[str]:
    """Return the columns every partition of `table` has (metadata columns may follow in `articles`)."""
    return {
        "articles": list(ARTICLE_SUMMARY_COLUMNS),
        "quotes": ["doc_id", *(f.name for f in fields(Quote))],
        "denials": ["doc_id", "field", *(f.name for f in fields(Denial))],
        "load_log": ["action", "reason", "source", "location", "detail"],
    }[table]


def typed_table(table: str, rows: Sequence[Mapping[str, Any]]) -> pd.DataFrame:
    """Build a table from rows with stable types: integer offsets (nullable), datetime dates."""
    frame = pd.DataFrame(list(rows)) if rows else pd.DataFrame(columns=table_columns(table))
    for column in frame.columns:
        if column in ("start", "end") or column.endswith(("_start", "_end")):
            frame[column] = frame[column].astype("Int64")
    if "date" in frame.columns:
        frame["date"] = pd.to_datetime(frame["date"]).astype("datetime64[ns]")
    return frame


def run_partition(partition: Partition, out_dir: str, config: ExtractConfig, fingerprint: str) -> dict[str, Any]:
    """Load, analyse and write one partition; write its marker last. Returns the marker's content."""
    out = Path(out_dir)
    log = LoadLog()
    rows: dict[str, list[dict[str, Any]]] = {table: [] for table in TABLES}
    files = [(Path(path), *rest) for path, *rest in partition.files]
    lexicon = config.denial_lexicon()
    for article in iter_file_articles(partition.root, files, log=log, **_options_dict(config.load_options)):
        for table, table_rows in analyse_article(article, lexicon=lexicon).items():
            rows[table].extend(table_rows)
    rows["load_log"] = [vars(event) for event in log.events]
    for table in TABLES:
        _write_atomic(typed_table(table, rows[table]), out / table / f"{partition.name}.parquet")
    marker = {
        "partition": partition.index,
        "key": partition.key(),
        "fingerprint": fingerprint,
        "read": log.read,
        "loaded": log.loaded,
        "skipped": log.skipped,
        "rows": {table: len(rows[table]) for table in TABLES},
    }
    _atomically(out / STATE / f"{partition.name}.json",
                lambda tmp: tmp.write_text(json.dumps(marker, sort_keys=True) + "\n", encoding="utf-8"))
    return marker


def _atomically(path: Path, write: Any) -> None:
    """Call `write(tmp)` then rename tmp to `path`, so a killed worker never leaves a half-written file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    write(tmp)
    os.replace(tmp, path)


def _write_atomic(frame: pd.DataFrame, path: Path) -> None:
    """Write a table as Parquet, atomically."""
    _atomically(path, lambda tmp: frame.to_parquet(tmp, index=False))


def _is_done(partition: Partition, out: Path, fingerprint: str) -> bool:
    state = out / STATE / f"{partition.name}.json"
    if not state.is_file():
        return False
    try:
        marker = json.loads(state.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError):
        return False
    return marker.get("fingerprint") == fingerprint and marker.get("key") == partition.key()


def _prepare(out: Path, fingerprint: str) -> None:
    """Create the output folder; empty it when it holds an extraction made with another configuration."""
    manifest = out / MANIFEST
    if manifest.is_file():
        previous = json.loads(manifest.read_text(encoding="utf-8")).get("fingerprint")
        if previous != fingerprint:
            for name in (*TABLES, STATE):
                shutil.rmtree(out / name, ignore_errors=True)
    elif out.exists() and any(p for p in out.iterdir() if p.name not in (*TABLES, STATE)):
        raise ValueError(f"{out} exists and is not an extraction folder; choose another --out")
    (out / STATE).mkdir(parents=True, exist_ok=True)
    # The fingerprint is written before any work, so a killed run is resumed, not discarded.
    manifest.write_text(json.dumps({"fingerprint": fingerprint, "toolkit": _toolkit_version()}, indent=2) + "\n", encoding="utf-8")


def extract(
    paths: PathLike | Sequence[PathLike],
    out_dir: PathLike,
    *,
    engine: str = "local",
    workers: int = 1,
    scheduler: str | None = None,
    files_per_partition: int = DEFAULT_FILES_PER_PARTITION,
    bytes_per_partition: int = DEFAULT_BYTES_PER_PARTITION,
    progress: bool = True,
    lexicon: PathLike | None = None,
    lexicon_extend: bool = True,
    **load_options: Any,
) -> ExtractResult:
    """Extract every table from a corpus into `out_dir` as partitioned Parquet, skipping finished work.

    `lexicon` is your denial lexicon, added to the shipped one unless `lexicon_extend` is False.
    """
    if engine not in ENGINES:
        raise ValueError(f"unknown engine {engine!r}: use one of {', '.join(ENGINES)}")
    config = ExtractConfig(LoadOptions(**load_options), str(lexicon) if lexicon is not None else None, lexicon_extend)
    config.denial_lexicon()  # a bad lexicon fails here, before any work, with its line number
    fingerprint = config.fingerprint()
    out = Path(out_dir)
    plan = plan_partitions(paths, files_per_partition=files_per_partition, bytes_per_partition=bytes_per_partition)
    _prepare(out, fingerprint)
    todo = [p for p in plan if not _is_done(p, out, fingerprint)]
    runner = _run_dask if engine == "dask" else _run_local
    bar = _progress(len(todo), progress)
    try:
        for marker in runner(todo, str(out), config, fingerprint, workers=workers, scheduler=scheduler):
            bar.update(1)
            bar.set_postfix(articles=marker["loaded"], refresh=False)
    finally:
        bar.close()
    totals = _finish(out, plan, fingerprint, config)
    return ExtractResult(out, len(plan), len(todo), len(plan) - len(todo), totals)


def _progress(total: int, enabled: bool) -> Any:
    from tqdm.auto import tqdm

    return tqdm(total=total, desc="extracting", unit=" partitions", disable=not enabled)


def _run_local(todo: Sequence[Partition], out: str, config: ExtractConfig, fingerprint: str, *, workers: int, scheduler: str | None) -> Iterator[dict[str, Any]]:
    """Run partitions in this process, or in a pool of `workers` processes, a bounded number at a time."""
    if scheduler is not None:
        raise ValueError("--scheduler needs --engine dask")
    if workers <= 1:
        for partition in todo:
            yield run_partition(partition, out, config, fingerprint)
        return
    pending: set[Any] = set()
    queue = iter(todo)
    with ProcessPoolExecutor(max_workers=workers) as pool:
        while True:
            # Keep every worker busy with one partition in reserve; never queue the whole plan.
            while len(pending) < 2 * workers:
                partition = next(queue, None)
                if partition is None:
                    break
                pending.add(pool.submit(run_partition, partition, out, config, fingerprint))
            if not pending:
                return
            finished, pending = wait(pending, return_when=FIRST_COMPLETED)
            for future in finished:
                yield future.result()


def _run_dask(todo: Sequence[Partition], out: str, config: ExtractConfig, fingerprint: str, *, workers: int, scheduler: str | None) -> Iterator[dict[str, Any]]:
    """Run partitions as a `dask.bag` on a distributed cluster (a `LocalCluster` when no scheduler is given)."""
    try:
        import dask.bag as db
        from distributed import Client, LocalCluster, as_completed
    except ImportError as exc:  # pragma: no cover - depends on the install
        raise ImportError("the dask engine needs dask: pip install 'news-discourse-toolkit[dask]'") from exc
    if not todo:
        return
    cluster = None if scheduler else LocalCluster(n_workers=max(workers, 1), threads_per_worker=1, processes=True, dashboard_address=None)
    client = Client(scheduler or cluster)
    try:
        bag = db.from_sequence(todo, npartitions=len(todo)).map(run_partition, out, config, fingerprint)
        for future in as_completed(client.compute(bag.to_delayed())):
            yield from future.result()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def lexicon_record(config: ExtractConfig) -> dict[str, Any] | None:
    """Describe the researcher's lexicon an extraction used (None: the shipped one)."""
    if config.lexicon is None:
        return None
    digest = hashlib.sha256(Path(config.lexicon).read_bytes()).hexdigest()
    return {"path": config.lexicon, "sha256": digest, "extend": config.lexicon_extend}


def _finish(out: Path, plan: Sequence[Partition], fingerprint: str, config: ExtractConfig) -> dict[str, int]:
    """Drop outputs of partitions no longer in the plan; record totals and cross-partition duplicates."""
    names = {p.name for p in plan}
    for folder in (*TABLES, STATE):
        for path in (out / folder).glob("part-*"):
            if path.name.split(".")[0] not in names:
                path.unlink()
    totals = {table: 0 for table in TABLES}
    counts = {"read": 0, "loaded": 0, "skipped": 0}
    for partition in plan:
        marker = json.loads((out / STATE / f"{partition.name}.json").read_text(encoding="utf-8"))
        for table in TABLES:
            totals[table] += marker["rows"][table]
        for name in counts:
            counts[name] += marker[name]
    duplicates = _cross_partition_duplicates(out, plan)
    _write_atomic(duplicates, out / "duplicates.parquet")
    manifest = {
        "fingerprint": fingerprint,
        "toolkit": _toolkit_version(),
        "lexicon": lexicon_record(config),
        "partitions": len(plan),
        "articles": {**counts, "duplicates_across_partitions": len(duplicates)},
        "rows": totals,
    }
    (out / MANIFEST).write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
    return totals


def _cross_partition_duplicates(out: Path, plan: Sequence[Partition]) -> pd.DataFrame:
    """Find articles whose text repeats one in an earlier partition (each partition dedupes itself)."""
    first: dict[bytes, str] = {}  # 16 bytes of each hash: a million articles stay near 150 MB
    rows = []
    for partition in plan:
        ids = pd.read_parquet(out / "articles" / f"{partition.name}.parquet", columns=["doc_id", "content_hash"])
        for doc_id, digest in zip(ids["doc_id"], ids["content_hash"]):
            key = bytes.fromhex(digest)[:16]
            if key in first:
                rows.append({"doc_id": doc_id, "duplicate_of": first[key]})
            else:
                first[key] = doc_id
    return pd.DataFrame(rows, columns=["doc_id", "duplicate_of"])


def read_table(out_dir: PathLike, table: str, *, columns: Sequence[str] | None = None, keep_duplicates: bool = False) -> pd.DataFrame:
    """Read one table of an extraction as a DataFrame, in corpus order, duplicates left out."""
    if table not in TABLES:
        raise ValueError(f"unknown table {table!r}: one of {', '.join(TABLES)}")
    out = Path(out_dir)
    parts = sorted((out / table).glob("part-*.parquet"))
    if not parts and (out / MANIFEST).is_file():  # an extraction of a corpus with no article file
        return typed_table(table, [])
    if not parts:
        raise FileNotFoundError(f"{out} holds no {table} table: run `python -m toolkit extract` first")
    frames = [pd.read_parquet(p, columns=list(columns) if columns else None) for p in parts]
    frame = pd.concat([f for f in frames if len(f.columns)], ignore_index=True) if any(len(f.columns) for f in frames) else pd.DataFrame()
    if not keep_duplicates and table != "load_log" and len(frame):
        duplicates = pd.read_parquet(out / "duplicates.parquet")["doc_id"]
        frame = frame[~frame["doc_id"].isin(duplicates)].reset_index(drop=True)
    return frame


def iter_table(out_dir: PathLike, table: str, *, columns: Sequence[str] | None = None) -> Iterator[pd.DataFrame]:
    """Yield one table partition by partition, for work that must not hold the whole table."""
    for path in sorted((Path(out_dir) / table).glob("part-*.parquet")):
        yield pd.read_parquet(path, columns=list(columns) if columns else None)
