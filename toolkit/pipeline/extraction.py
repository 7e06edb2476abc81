"""Extract quotes, denials and per-article summaries from a corpus of any size, resumably.

The corpus is cut into work units (partitions, `toolkit.pipeline.plan`). A worker loads one partition, runs
the finders, and writes one Parquet file per table (`articles/`, `quotes/`, `denials/`, `load_log/`, each
`part-<name>.parquet`), then a small JSON marker under `_state/` with the partition's cache key and the
size and SHA-256 of each file it wrote. Memory therefore grows with one partition, never with the corpus.

A rerun skips a partition only when its marker matches its files and metadata files (path, size,
modification time), the configuration fingerprint (toolkit version and code, lexicon, rules, every load
option, an explicit metadata file and an aliases file by content, the gender option) and the files it
wrote (present, same size, same checksum); anything else is run again. An interrupted extraction therefore resumes where it stopped and ends with
exactly the output of an uninterrupted run. After the partitions, doc_ids are made unique over the
whole corpus and text duplicates across partitions flagged (`toolkit.pipeline.doc_ids`).

People are decided last, over the whole corpus, because a per-article finder cannot know it ("Trump" in
one article is Donald Trump because another names him; `toolkit.quotes.people`): a post-pass reads the
partitions twice, one task per partition on the engine's workers, local or Dask (`toolkit.quotes.people.
PeopleMerger`: first the corpus-wide evidence, per distinct name; then each partition's speaker and denier
columns and the runs of capitalised words, `name_runs`, of each article with a bare surname), with the researcher's aliases file
and `gender_guess` when asked, and writes `people.parquet` (the people table) and `persons.parquet` (person,
speaker_kind [, gender_guess] of each quote and denial row, by partition and row, one row group per
partition). Its memory holds the distinct names and one partition per process, never the corpus's rows.
`read_table`/`iter_table` join those columns onto the quotes and denials, so the partitions themselves, and
their cache, stay as the finders wrote them. The post-pass runs at the end of every extraction, also when
every partition was cached: it is cheap next to the finders. Rows of an
article left out as a duplicate of an earlier one have no person (they are not in the corpus).

The output folder is checked before anything is written (`toolkit.io.outputs.resolve_output`: never an
input, around one or inside one), owned (only files of an extraction's layout are ever deleted), and
locked while a run writes it. Two engines run the partitions (`toolkit.pipeline.engines`): `local` (this
process, or a pool of processes that die with it) and `dask`.
"""

from __future__ import annotations

import hashlib
import json
import tempfile
import uuid
from dataclasses import dataclass, field, fields
from functools import lru_cache
from importlib import metadata, resources
from pathlib import Path
from typing import Any, Iterable, Iterator, Mapping, Sequence

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from toolkit.corpus.article import Article
from toolkit.corpus.loaders import LoadOptions, PathLike, iter_file_articles
from toolkit.corpus.loadlog import LoadLog
from toolkit.denials.finder import MIN_SCORE, article_denials
from toolkit.io.outputs import OWNER_MARKER, FolderLock, OwnedFolder, atomic_write, resolve_output, write_json
from toolkit.pipeline.doc_ids import RecordingRegistry, apply_doc_ids, id_events, read_doc_ids, reconcile
from toolkit.pipeline.engines import ENGINES, Runner, open_engine
from toolkit.pipeline.layout import (
    ARTICLE_SUMMARY_COLUMNS, KIND, LOG_COLUMNS, MANIFEST, PATTERNS, SCHEMA, SPOOL, STATE, TABLES, ExtractionError,
    check_schema, extraction_manifest, read_manifest, table_columns, typed_table,
)
from toolkit.pipeline.plan import (
    DEFAULT_BYTES_PER_PARTITION, DEFAULT_FILES_PER_PARTITION, Partition, plan_partitions,
)
from toolkit.quotes.finder import find_quotes
from toolkit.quotes.gender import add_gender
from toolkit.quotes.people import ROW_COLUMNS, PeopleMerger, load_aliases, name_runs
from toolkit.text.tokenize import Sentences

__all__ = [
    "ARTICLE_SUMMARY_COLUMNS", "DEFAULT_BYTES_PER_PARTITION", "DEFAULT_FILES_PER_PARTITION", "ENGINES", "MANIFEST",
    "PERSON_COLUMNS", "SCHEMA", "STATE", "TABLES", "ExtractConfig", "ExtractResult", "ExtractionError", "Partition", "analyse_article",
    "content_hash", "denial_records", "extract", "iter_table", "lexicon_record", "plan_partitions", "quote_records", "read_people", "read_table", "run_partition",
    "table_columns", "typed_table",
]


@dataclass(frozen=True)
class ExtractConfig:
    """What an extraction computes; its fingerprint decides whether cached partitions are still valid."""

    load_options: LoadOptions = field(default_factory=LoadOptions)
    #: A researcher's denial lexicon (TSV like toolkit/data/denials.tsv), added to the shipped one
    #: or, with `lexicon_extend=False`, used instead of it.
    lexicon: str | None = None
    lexicon_extend: bool = True
    #: Keep denials the model scores at least this (`toolkit.denials.finder.find_denials`).
    min_score: float = MIN_SCORE
    #: A researcher's aliases CSV (`surface,person`, `toolkit.quotes.people.load_aliases`) correcting the merge.
    aliases: str | None = None
    #: Add `gender_guess` to the quotes, denials and people tables (`toolkit.quotes.gender`).
    gender: bool = False

    def denial_lexicon(self) -> Any:
        """Return the denial lexicon to use, or None for the shipped one."""
        if self.lexicon is None:
            return None
        from toolkit.denials.lexicon import load_lexicon

        return load_lexicon(self.lexicon, extend=self.lexicon_extend)

    def people_record(self) -> dict[str, Any]:
        """Describe how persons were decided: the aliases file (path and SHA-256; None: none) and `gender`."""
        aliases = None if self.aliases is None else {"path": self.aliases, "sha256": _sha256(Path(self.aliases))}
        return {"aliases": aliases, "gender": self.gender}

    def fingerprint(self) -> str:
        """Return a digest of the toolkit version and layout schema, its code and data files, your lexicon,
        your aliases file (by content) and gender option, and every load option (boilerplate rules and an
        explicit metadata file included, by content)."""
        digest = hashlib.sha256(f"{_toolkit_version()}\0schema {SCHEMA}".encode())
        # Code as well as version: an edited checkout (pip install -e) must not reuse stale results.
        for name, data in _package_files(resources.files("toolkit")):
            digest.update(name.encode() + b"\0" + data)
        if self.lexicon:
            digest.update(Path(self.lexicon).read_bytes())
        digest.update(f"lexicon_extend={self.lexicon_extend}\0min_score={self.min_score!r}".encode())
        if self.aliases:
            digest.update(b"\0aliases\0" + _sha256(Path(self.aliases)).encode())
        digest.update(f"\0gender={self.gender}".encode())
        options = _options_dict(self.load_options)
        if self.load_options.metadata is not None:  # an explicit metadata file counts by content, not by name
            options["metadata"] = [str(self.load_options.metadata), _sha256(Path(self.load_options.metadata))]
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



def content_hash(text: str) -> str:
    """Return the SHA-256 of an article body: the identity of its content across runs and corpora."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def analyse_article(article: Article, *, lexicon: Any = None, min_score: float = MIN_SCORE) -> dict[str, list[dict[str, Any]]]:
    """Run every finder on one article; return rows for the articles, quotes and denials tables.

    `lexicon` is a denial lexicon (`toolkit.denials.lexicon.load_lexicon`); None uses the shipped one.
    Denials the model scores below `min_score` are left out.
    """
    sentences = Sentences(article.text)  # split once, for both finders
    quotes = find_quotes(article.text, sentences=sentences)
    denials = article_denials(article.text, article.title, quotes=quotes, lexicon=lexicon, min_score=min_score,
                              sentences=sentences)
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
        # vars, not asdict: the finders' dataclasses are flat, and asdict deep-copies every field (19x slower)
        "quotes": [{"doc_id": article.doc_id, **vars(q)} for q in quotes],
        "denials": [{"doc_id": article.doc_id, "field": where, **vars(d)} for where, d in denials],
    }


def quote_records(articles: Iterable[Article], *, aliases: PathLike | None = None, gender: bool = False) -> Iterator[dict[str, Any]]:
    """Return an iterator of ``{"doc": doc_id, **quote fields, "person", "speaker_kind"[, "gender_guess"]}`` for every quote.

    The finder streams over the articles; since a person is decided over the whole corpus, the records
    wait in a temporary file (and each article's speakers and runs of capitalised words, `name_runs`, in
    another, `RECORD_CHUNK` articles at a time) until the last article is read, then come out with their
    persons, in corpus order.
    `aliases` and `gender` as for `toolkit.quotes.people.assign_people`.
    """
    alias = load_aliases(aliases) if aliases is not None else None  # a malformed file fails here, before reading
    return _person_records(articles, alias, gender, denials=None)


def denial_records(articles: Iterable[Article], *, lexicon: Any = None, min_score: float = MIN_SCORE, titles: bool = True,
                   aliases: PathLike | None = None, gender: bool = False) -> Iterator[dict[str, Any]]:
    """Return an iterator of ``{"doc", "field", **denial fields, "person", "speaker_kind"[, "gender_guess"]}`` for every denial.

    Like :func:`quote_records`: deniers become persons over the whole corpus (with the quotes' speakers
    as evidence, as in `extract`), so the records wait in a temporary file until the last article is read.
    ``lexicon`` and ``min_score`` as for `toolkit.denials.finder.article_denials`; ``titles``: search titles too.
    """
    alias = load_aliases(aliases) if aliases is not None else None  # a malformed file fails here, before reading
    return _person_records(articles, alias, gender, denials={"lexicon": lexicon, "min_score": min_score, "titles": titles})


#: Articles whose speaker rows `quote_records`/`denial_records` hold at once before spooling them to disk.
RECORD_CHUNK = 1000


def _person_records(articles: Iterable[Article], alias: Mapping[str, str] | None, gender: bool,
                    denials: Mapping[str, Any] | None) -> Iterator[dict[str, Any]]:
    """Spool the quote records (``denials`` None) or the denial records (its finder options), then yield them with persons.

    The speaker rows and `name_runs` of every `RECORD_CHUNK` articles go to a temporary file too, and the persons
    are decided chunk by chunk (`toolkit.quotes.people.PeopleMerger`), so memory never holds the corpus's rows.
    """
    merger = PeopleMerger(alias)
    with tempfile.TemporaryDirectory(prefix="toolkit-records-") as folder, \
            tempfile.TemporaryFile("w+", encoding="utf-8") as spool:
        chunks: list[Path] = []
        speakers: list[tuple[Any, ...]] = []
        deniers: list[tuple[Any, ...]] = []
        evidence: list[tuple[Any, ...]] = []

        def flush() -> None:
            quotes = pd.DataFrame(speakers, columns=["doc_id", "speaker", "speaker_name", "speaker_resolved", "speaker_start"])
            found = pd.DataFrame(deniers, columns=["doc_id", "denier", "denier_name", "denier_start"]) if denials is not None else None
            meta = pd.DataFrame(evidence, columns=["doc_id", "outlet", "date", "text"])
            merger.observe(quotes, meta, found)
            chunks.append(Path(folder) / f"chunk-{len(chunks)}.pickle")
            pd.to_pickle((quotes, meta, found), chunks[-1])  # our own file, read back below
            speakers.clear()
            deniers.clear()
            evidence.clear()

        for article in articles:
            evidence.append((article.doc_id, article.outlet, article.date, name_runs(article.text)))
            sentences = Sentences(article.text)  # split once, for both finders
            quotes = find_quotes(article.text, sentences=sentences)
            for quote in quotes:
                if denials is None:
                    spool.write(json.dumps({"doc": article.doc_id, **vars(quote)}, ensure_ascii=False) + "\n")
                speakers.append((article.doc_id, quote.speaker, quote.speaker_name, quote.speaker_resolved, quote.speaker_start))
            if denials is not None:
                title = article.title if denials["titles"] else None
                for where, denial in article_denials(article.text, title, quotes=quotes, lexicon=denials["lexicon"],
                                                     min_score=denials["min_score"], sentences=sentences):
                    spool.write(json.dumps({"doc": article.doc_id, "field": where, **vars(denial)}, ensure_ascii=False) + "\n")
                    deniers.append((article.doc_id, denial.denier, denial.denier_name, denial.denier_start))
            if len(evidence) >= RECORD_CHUNK:
                flush()
        if evidence or not chunks:
            flush()
        merger.close_evidence()
        for chunk in chunks:  # decide each chunk's rows; keep only their person columns
            quotes, meta, found = pd.read_pickle(chunk)
            quotes_out, denials_out = merger.assign(quotes, meta, found)
            rows = quotes_out if denials is None else denials_out
            pd.to_pickle(rows[list(ROW_COLUMNS)], chunk)
        table = merger.table()
        spool.seek(0)
        for chunk in chunks:
            rows = pd.read_pickle(chunk)
            if gender:
                rows = add_gender(rows, table)
            columns = list(rows.columns)
            for values, line in zip(rows.itertuples(index=False, name=None), spool):  # rows first: zip stops there
                yield {**json.loads(line), **dict(zip(columns, values))}


def _sha256(path: Path) -> str:
    """Return the SHA-256 of a file, read in chunks."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def run_partition(partition: Partition, out_dir: str, config: ExtractConfig, fingerprint: str) -> dict[str, Any]:
    """Load, analyse and write one partition; write its marker last. Returns the marker's content."""
    out = Path(out_dir)
    log = LoadLog()
    rows: dict[str, list[dict[str, Any]]] = {table: [] for table in TABLES}
    files = [(Path(path), *rest) for path, *rest in partition.files]
    lexicon = config.denial_lexicon()
    registry = RecordingRegistry()
    articles = iter_file_articles(partition.root, files, log=log, file_ids=partition.file_ids(), ids=registry,
                                  **_options_dict(config.load_options))
    for article in articles:
        for table, table_rows in analyse_article(article, lexicon=lexicon, min_score=config.min_score).items():
            rows[table].extend(table_rows)
    rows["load_log"] = [vars(event) for event in log.events]
    written = {}
    for table in TABLES:
        path = out / table / f"{partition.name}.parquet"
        frame = typed_table(table, rows[table])
        atomic_write(path, lambda tmp: frame.to_parquet(tmp, index=False))
        written[table] = {"bytes": path.stat().st_size, "sha256": _sha256(path)}
    marker = {
        "partition": partition.name,
        "index": partition.index,
        "key": partition.key(),
        "fingerprint": fingerprint,
        "read": log.read,
        "loaded": log.loaded,
        "skipped": log.skipped,
        "rows": {table: len(rows[table]) for table in TABLES},
        "files": written,
        "renamed": dict(sorted(registry.renamed.items())),
    }
    atomic_write(out / STATE / f"{partition.name}.json",
                 lambda tmp: tmp.write_text(json.dumps(marker, sort_keys=True) + "\n", encoding="utf-8"))
    return marker


def _read_marker(out: Path, name: str) -> dict[str, Any] | None:
    """Return a partition's marker, or None when it is missing or damaged (the partition is then run again)."""
    try:
        marker = json.loads((out / STATE / f"{name}.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return marker if isinstance(marker, dict) else None


def _is_done(partition: Partition, out: Path, fingerprint: str) -> bool:
    """True when the partition's marker matches its inputs and configuration and every file it wrote is intact."""
    marker = _read_marker(out, partition.name)
    if marker is None or marker.get("fingerprint") != fingerprint or marker.get("key") != partition.key():
        return False
    written = marker.get("files")
    if not isinstance(written, dict) or set(written) != set(TABLES):
        return False
    for table, expected in written.items():
        path = out / table / f"{partition.name}.parquet"
        try:
            if path.stat().st_size != expected.get("bytes") or _sha256(path) != expected.get("sha256"):
                return False
        except (OSError, AttributeError):
            return False
    return True


def _claim(out: Path) -> OwnedFolder:
    """Take the output folder: new or empty, or an extraction of ours; refuse anything else, unchanged."""
    if out.is_dir() and not (out / OWNER_MARKER).is_file():
        manifest = read_manifest(out)
        if manifest is not None:
            check_schema(out, manifest)  # an older toolkit's extraction: a clear refusal naming its version
    return OwnedFolder.claim(out, KIND, patterns=PATTERNS)


def _prepare(folder: OwnedFolder, fingerprint: str) -> None:
    """Empty our files out of an extraction made with another configuration or schema; mark the run started."""
    out = folder.path
    try:
        manifest = read_manifest(out)
    except ExtractionError:
        manifest = None  # a damaged manifest of ours says nothing we can trust: start over
    if manifest is None or manifest.get("schema") != SCHEMA or manifest.get("fingerprint") != fingerprint:
        folder.clean()
    else:  # a killed run's half-written temporary files
        folder.remove([p for p in folder.owned_files() if p.name.endswith(".tmp")])
    (out / STATE).mkdir(parents=True, exist_ok=True)
    # The fingerprint is written before any work, so a killed run is resumed, not discarded.
    write_json(out / MANIFEST, {"schema": SCHEMA, "toolkit": _toolkit_version(), "fingerprint": fingerprint, "complete": False})


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
    min_score: float = MIN_SCORE,
    aliases: PathLike | None = None,
    gender: bool = False,
    **load_options: Any,
) -> ExtractResult:
    """Extract every table from a corpus into `out_dir` as partitioned Parquet, skipping finished work.

    `lexicon` is your denial lexicon, added to the shipped one unless `lexicon_extend` is False; denials
    scored below `min_score` are left out (the manifest records it as `denial_min_score`). `aliases` is an
    aliases CSV correcting the corpus-wide merge of speakers into persons, `gender` adds `gender_guess`
    (see the module docstring; a malformed aliases file raises ValueError naming its line). Raises
    `toolkit.io.outputs.OutputError` (before writing anything) for an `out_dir` that is, holds or lies inside
    an input, that is not empty and not an extraction, or that another run is writing.
    """
    if engine not in ENGINES:
        raise ValueError(f"unknown engine {engine!r}: use one of {', '.join(ENGINES)}")
    if scheduler is not None and engine != "dask":
        raise ValueError("--scheduler needs --engine dask")
    if not 0.0 <= min_score <= 1.0:
        raise ValueError(f"min_score must be between 0 and 1, got {min_score}")
    config = ExtractConfig(LoadOptions(**load_options), str(lexicon) if lexicon is not None else None, lexicon_extend, min_score,
                           str(aliases) if aliases is not None else None, bool(gender))
    config.denial_lexicon()  # a bad lexicon fails here, before any work, with its line number
    if config.aliases is not None:
        load_aliases(config.aliases)  # so does a bad aliases file
    plan_log = LoadLog()
    plan = plan_partitions(paths, files_per_partition=files_per_partition, bytes_per_partition=bytes_per_partition,
                           log=plan_log, metadata=config.load_options.metadata, fmt=config.load_options.format)
    roots = [paths] if isinstance(paths, (str, Path)) or not isinstance(paths, Sequence) else list(paths)
    out = resolve_output(out_dir, [*roots, config.load_options.metadata, lexicon, aliases], kind="folder")
    fingerprint = config.fingerprint()
    folder = _claim(out)
    with FolderLock(out), open_engine(engine, workers=workers, scheduler=scheduler) as run:
        _prepare(folder, fingerprint)
        todo = [p for p in plan if not _is_done(p, out, fingerprint)]
        runner = run(run_partition, todo, (str(out), config, fingerprint))
        bar = _progress(len(todo), progress)
        try:
            for marker in runner:
                bar.update(1)
                bar.set_postfix(articles=marker["loaded"], refresh=False)
        finally:
            bar.close()
            runner.close()  # stops a pool at once when the loop ended early (Ctrl-C, an error)
        totals = _finish(folder, plan, fingerprint, config, plan_log, run)
    return ExtractResult(Path(out_dir), len(plan), len(todo), len(plan) - len(todo), totals)


def _progress(total: int, enabled: bool) -> Any:
    from tqdm.auto import tqdm

    return tqdm(total=total, desc="extracting", unit=" partitions", disable=not enabled)


def lexicon_record(config: ExtractConfig) -> dict[str, Any] | None:
    """Describe the researcher's lexicon an extraction used (None: the shipped one)."""
    if config.lexicon is None:
        return None
    digest = hashlib.sha256(Path(config.lexicon).read_bytes()).hexdigest()
    return {"path": config.lexicon, "sha256": digest, "extend": config.lexicon_extend}


def _finish(folder: OwnedFolder, plan: Sequence[Partition], fingerprint: str, config: ExtractConfig, plan_log: LoadLog,
            run: Runner) -> dict[str, int]:
    """Drop outputs of partitions no longer in the plan; make doc_ids corpus-wide; write the manifest last."""
    out = folder.path
    names = {p.name for p in plan}
    folder.remove([p for p in folder.owned_files()
                   if p.name.startswith("part-") and p.name.split(".")[0] not in names])
    folder.remove([p for p in folder.owned_files() if p.name == "duplicates.parquet"])  # schema 1's
    totals = {table: 0 for table in TABLES}
    counts = {"read": plan_log.read, "loaded": 0, "skipped": plan_log.skipped}
    renamed: dict[str, dict[str, str]] = {}
    for partition in plan:
        marker = _read_marker(out, partition.name)
        if marker is None:
            raise ExtractionError(f"partition {partition.name} has no marker in {out / STATE}: run the same extract command again")
        for table in TABLES:
            totals[table] += marker["rows"][table]
        for name in counts:
            counts[name] += marker[name]
        renamed[partition.name] = marker.get("renamed", {})
    # what the people post-pass needs of it: a million articles' source paths and original ids stay in the file
    ids = reconcile(out, [p.name for p in plan], renamed, dedupe=config.load_options.dedupe,
                    columns=["partition", "local_id", "doc_id", "duplicate_of"])
    duplicates = int(ids["duplicate_of"].notna().sum())
    _people_pass(folder, [p.name for p in plan], ids, config, run)
    manifest = {
        "schema": SCHEMA,
        "toolkit": _toolkit_version(),
        "fingerprint": fingerprint,
        "complete": True,
        "lexicon": lexicon_record(config),
        "denial_min_score": config.min_score,
        "people": config.people_record(),
        "partitions": [p.name for p in plan],
        "articles": {**counts, "duplicates_across_partitions": duplicates},
        "rows": totals,
        "plan_log": [vars(event) for event in plan_log.events],
    }
    write_json(out / MANIFEST, manifest)
    folder.save()
    return totals


#: Files of the people post-pass, in the extraction folder.
PEOPLE_FILE = "people.parquet"
PERSONS_FILE = "persons.parquet"
#: Columns the people post-pass adds to the quotes and denials tables (gender_guess only with `gender`).
PERSON_COLUMNS = (*ROW_COLUMNS, "gender_guess")
_SPEAKER_COLUMNS = {"quotes": ["doc_id", "speaker", "speaker_name", "speaker_resolved", "speaker_start"],
                    "denials": ["doc_id", "denier", "denier_name", "denier_start"]}


def _kept_rows(frame: pd.DataFrame, ids: pd.DataFrame | None) -> pd.DataFrame:
    """Return a partition's rows of articles in the corpus (not duplicates), corpus-wide doc_ids, `_row` their position."""
    return apply_doc_ids(frame.assign(_row=range(len(frame))), ids, keep_duplicates=False)


def _partition_rows(out: Path, name: str, part_ids: pd.DataFrame | None, *, text: bool
                    ) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """One partition's kept articles (outlet, date and, with ``text``, its text), quotes and denials rows."""
    wanted = ["doc_id", "outlet", "date", *(["text"] if text else [])]
    articles = _kept_rows(pd.read_parquet(out / "articles" / f"{name}.parquet", columns=wanted), part_ids)
    rows = [_kept_rows(pd.read_parquet(out / table / f"{name}.parquet", columns=speaker_columns), part_ids)
            for table, speaker_columns in _SPEAKER_COLUMNS.items()]
    return articles.drop(columns="_row"), rows[0], rows[1]


def _observe_partition(item: tuple[str, pd.DataFrame | None], out: str) -> dict[str, Any]:
    """Pass 1 of the people post-pass on one partition (a worker's task): the evidence it counts (aliases apply in
    pass 2 only)."""
    name, part_ids = item
    merger = PeopleMerger()
    articles, quotes, denials = _partition_rows(Path(out), name, part_ids, text=False)
    merger.observe(quotes, articles, denials)
    return merger.evidence_counts()


@lru_cache(maxsize=1)
def _closed_merger(path: str) -> PeopleMerger:
    """The post-pass's merger with its closed evidence, read once per worker process."""
    merger = pd.read_pickle(path)  # written by this extraction's post-pass, in its own spool
    assert isinstance(merger, PeopleMerger)
    return merger


def _assign_partition(item: tuple[int, str, pd.DataFrame | None], out: str, evidence: str, spool: str) -> dict[str, Any]:
    """Pass 2 of the people post-pass on one partition (a worker's task): spool its rows' persons, return its counts."""
    index, name, part_ids = item
    merger = _closed_merger(evidence).with_evidence()
    articles, quotes, denials = _partition_rows(Path(out), name, part_ids, text=True)
    for table, frame in zip(_SPEAKER_COLUMNS, merger.assign(quotes, articles, denials)):
        frame[["_row", *ROW_COLUMNS]].to_parquet(Path(spool) / f"{table}-{index}.parquet", index=False)
    return merger.tally()


def _people_pass(folder: OwnedFolder, names: Sequence[str], ids: pd.DataFrame, config: ExtractConfig, run: Runner) -> None:
    """Decide every quote's and denial's person over the whole corpus; write the people and persons files.

    Two passes over the partitions (`toolkit.quotes.people.PeopleMerger`), each partition a task for the engine's
    workers (local processes or Dask): the first counts the corpus-wide evidence, the second decides each
    partition's rows and spools them to `SPOOL` in the extraction folder, where every worker sees them; the persons
    file is then written partition by partition. Memory holds the distinct names and a partition per process,
    never the corpus's rows.
    """
    out = folder.path
    rows_of = ids.groupby("partition", sort=False).indices  # positions, not a copy of the ids per partition

    def part_ids(name: str) -> pd.DataFrame | None:
        return ids.iloc[rows_of[name]].set_index("local_id") if name in rows_of else None

    merger = PeopleMerger(config.aliases)
    for counts in run(_observe_partition, ((name, part_ids(name)) for name in names), (str(out),)):
        merger.add_evidence_counts(counts)
    merger.close_evidence()
    spool = out / SPOOL
    folder.remove([p for p in folder.owned_files() if spool in p.parents])  # a killed run's
    spool.mkdir(parents=True, exist_ok=True)
    try:
        # a name of its own: a long-lived Dask worker keeps the last evidence it read by its path
        evidence = spool / f"evidence-{uuid.uuid4().hex}.pickle"
        pd.to_pickle(merger.with_evidence(), evidence)
        tasks = ((i, name, part_ids(name)) for i, name in enumerate(names))
        for groups in run(_assign_partition, tasks, (str(out), str(evidence), str(spool))):
            merger.add_tally(groups)
        _closed_merger.cache_clear()  # this process's copy, when it ran the tasks itself
        people = merger.table()
        columns = ["table", "partition", "row", *ROW_COLUMNS, *(["gender_guess"] if config.gender else [])]
        schema = pa.schema([(c, pa.int64() if c == "row" else pa.string()) for c in columns])
        folder.add([out / PEOPLE_FILE, out / PERSONS_FILE])
        folder.save()  # listed before written: a killed run's files are still ours to replace

        def write_persons(tmp: Path) -> None:
            with pq.ParquetWriter(tmp, schema) as writer:
                for table in _SPEAKER_COLUMNS:  # every quote row, then every denial row, in corpus order
                    for i, name in enumerate(names):
                        rows = pd.read_parquet(spool / f"{table}-{i}.parquet")
                        if config.gender:
                            rows = add_gender(rows, people)  # a person the table marks ambiguous is unknown
                        rows = rows.rename(columns={"_row": "row"}).assign(table=table, partition=name)
                        rows["row"] = rows["row"].astype("int64")
                        writer.write_table(pa.Table.from_pandas(rows[columns], schema=schema, preserve_index=False))

        if config.gender:
            people = add_gender(people, people)
        atomic_write(out / PEOPLE_FILE, lambda tmp: people.to_parquet(tmp, index=False))
        atomic_write(out / PERSONS_FILE, write_persons)
    finally:
        folder.remove([p for p in folder.owned_files() if spool in p.parents])
        (out / STATE).mkdir(exist_ok=True)  # emptied folders are pruned: an empty corpus's state folder with them


class _Persons:
    """The person columns of one table's rows (indexed by row), asked for partition by partition.

    The post-pass writes one row group per table and partition, so a partition's rows are read alone (Parquet
    row-group statistics skip the others) and `iter_table` never holds the corpus's persons; an older file of one
    row group is read once.
    """

    def __init__(self, path: Path, table: str) -> None:
        self.path, self.table = path, table
        parquet = pq.ParquetFile(path)
        self.columns = [c for c in parquet.schema_arrow.names if c not in ("table", "partition", "row")]
        self.whole: dict[str, pd.DataFrame] | None = None
        if parquet.metadata.num_row_groups <= 1:
            frame = pd.read_parquet(path)
            frame = frame[frame["table"] == table].drop(columns="table")
            self.whole = {name: group.drop(columns="partition").set_index("row")
                          for name, group in frame.groupby("partition", sort=False)}

    def get(self, name: str) -> pd.DataFrame | None:
        """The rows of partition ``name`` (None: it has none)."""
        if self.whole is not None:
            return self.whole.get(name)
        frame = pd.read_parquet(self.path, filters=[("table", "==", self.table), ("partition", "==", name)])
        return frame.drop(columns=["table", "partition"]).set_index("row") if len(frame) else None


def _read_persons(out: Path, table: str) -> _Persons | None:
    """The person columns of `table`'s rows by partition, or None before the post-pass."""
    path = out / PERSONS_FILE
    if table not in _SPEAKER_COLUMNS or not path.is_file():
        return None
    return _Persons(path, table)


def read_people(out_dir: PathLike) -> pd.DataFrame | None:
    """Return the people table of an extraction (`toolkit.quotes.people.PEOPLE_COLUMNS`), None before the post-pass."""
    path = Path(out_dir) / PEOPLE_FILE
    return pd.read_parquet(path) if path.is_file() else None


def read_table(out_dir: PathLike, table: str, *, columns: Sequence[str] | None = None, keep_duplicates: bool = False) -> pd.DataFrame:
    """Read one table of an extraction as a DataFrame, in corpus order, with corpus-wide doc_ids.

    Articles whose text repeats an earlier one (and their quotes and denials) are left out unless
    `keep_duplicates`. Raises `ExtractionError` naming the folder when it is not a finished extraction
    of this toolkit's layout.
    """
    if table not in TABLES:
        raise ValueError(f"unknown table {table!r}: one of {', '.join(TABLES)}")
    frames = list(iter_table(out_dir, table, columns=columns, keep_duplicates=keep_duplicates))
    if not frames:  # no partition: the columns a table of this extraction has
        empty = typed_table(table, [])
        if table in _SPEAKER_COLUMNS:
            empty = empty.assign(**{c: pd.Series(dtype=object) for c in ROW_COLUMNS})
        return empty if columns is None else empty[list(columns)]
    frame = pd.concat(frames, ignore_index=True)
    return frame


def iter_table(out_dir: PathLike, table: str, *, columns: Sequence[str] | None = None, keep_duplicates: bool = False) -> Iterator[pd.DataFrame]:
    """Yield one table partition by partition, in corpus order, for work that must not hold the whole table."""
    if table not in TABLES:
        raise ValueError(f"unknown table {table!r}: one of {', '.join(TABLES)}")
    out = Path(out_dir)
    manifest = extraction_manifest(out)
    ids = read_doc_ids(out)
    wanted = list(columns) if columns else None
    persons = _read_persons(out, table)
    person_columns = [c for c in PERSON_COLUMNS if c in persons.columns] if persons is not None else []
    if wanted is not None:
        person_columns = [c for c in person_columns if c in wanted]
        wanted_stored = [c for c in wanted if c not in person_columns]
    if table == "load_log" and manifest.get("plan_log"):
        plan_events = pd.DataFrame(manifest["plan_log"], columns=LOG_COLUMNS)
        yield plan_events[wanted] if wanted else plan_events
    for name in manifest.get("partitions", []):
        path = out / table / f"{name}.parquet"
        try:
            if table == "load_log":
                frame = pd.read_parquet(path)
            else:
                frame = pd.read_parquet(path, columns=wanted if wanted is None else
                                        wanted_stored if "doc_id" in wanted_stored else ["doc_id", *wanted_stored])
        except FileNotFoundError:
            raise ExtractionError(f"{path} is missing: run the same extract command again to redo its partition") from None
        if table == "load_log":
            # Ids renamed inside a partition are decided again corpus-wide: log those decisions instead.
            local = frame[(frame["reason"] != "duplicate_id").to_numpy()] if len(frame) else frame
            decided = pd.DataFrame(id_events(ids[name]) if name in ids else [], columns=LOG_COLUMNS)
            events = pd.concat([local, decided], ignore_index=True) if len(decided) else local.reset_index(drop=True)
            yield events[wanted] if wanted else events
            continue
        if person_columns:
            found = persons.get(name)
            for column in person_columns:  # by row position: the partition files are never rewritten
                frame[column] = found[column].reindex(range(len(frame))).to_numpy() if found is not None else None
        frame = apply_doc_ids(frame, ids.get(name), keep_duplicates=keep_duplicates)
        yield frame[wanted] if wanted else frame
