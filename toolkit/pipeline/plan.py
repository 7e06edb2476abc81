"""Cut a corpus into partitions (work units) whose names and cache keys survive the corpus growing.

A partition is a run of consecutive text/HTML/JSON files of one corpus root, or one export file (a
JSONL/CSV/TSV shard; a big uncompressed JSON-lines file is cut into slices). Partitions follow the
loader's file order, so reading them in plan order gives the corpus order, whatever ran them.

Where a run of files is cut is decided by the files themselves (content-defined boundaries): a file whose
path hash is 0 modulo `files_per_partition` ends its partition. Adding or removing a file therefore changes
only the partition it falls in (or splits one in two when it is itself a boundary); every other partition
keeps its files, its name and its cache key, and is not run again. Cutting every N files instead would
shift every later partition when a file sorts first; bucketing by hash would not keep corpus order. A hard
cap (4 x files_per_partition) bounds the rare long run; the cut after it resynchronises at the next boundary.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any, Iterator, Mapping, Sequence

from toolkit.corpus.formats import jsonl_slices
from toolkit.corpus.loaders import METADATA_NAMES, PathLike, corpus_file_ids, corpus_roots, discover_files
from toolkit.corpus.loadlog import LoadLog
from toolkit.corpus.vendors import FORMATS as VENDOR_FORMATS

#: Text and HTML files per partition, on average: large enough to amortise start-up, small enough to resume often.
DEFAULT_FILES_PER_PARTITION = 500
#: An uncompressed JSON-lines file larger than this is cut into slices of about this size.
DEFAULT_BYTES_PER_PARTITION = 64 << 20
#: Formats whose files hold many articles each: one such file is one partition (or several slices).
MULTI_ARTICLE_FORMATS = ("jsonl", "json", "csv", "tsv", *VENDOR_FORMATS)
#: A run of files without a content-defined boundary is cut after this many times files_per_partition.
MAX_RUN_FACTOR = 4


@dataclass(frozen=True)
class Partition:
    """One work unit: some files of the corpus under `root`, their position in the plan and their doc_ids."""

    index: int
    root: str
    #: (path, format), or (path, "jsonl", (first byte, end byte, first line)) for a slice of a big file.
    files: tuple[tuple[Any, ...], ...]
    #: Stable name: a digest of the root and the files' relative paths (not of their position in the plan).
    name: str = ""
    #: (path, doc_id) of each single-article file, computed over the whole corpus.
    ids: tuple[tuple[str, str], ...] = ()
    #: Metadata files that may join onto these files (their changes invalidate the partition).
    metadata: tuple[str, ...] = ()

    def file_ids(self) -> dict[Path, str]:
        """Return the corpus-wide doc_id of each single-article file of this partition."""
        return {Path(path): doc_id for path, doc_id in self.ids}

    def key(self) -> str:
        """Return a digest of the partition as it is now: its files and metadata files (size, modification
        time; an unreadable or dangling file by its error) and the doc_ids its files get."""
        digest = hashlib.sha256(self.root.encode())
        for path, fmt, *part in self.files:
            digest.update(f"\0{path}\0{fmt}\0{part}\0{_stat(path)}".encode())
        for path, doc_id in self.ids:
            digest.update(f"\0id\0{path}\0{doc_id}".encode())
        for path in self.metadata:
            digest.update(f"\0metadata\0{path}\0{_stat(path)}".encode())
        return digest.hexdigest()


def _stat(path: str) -> str:
    """Describe a file's state cheaply: size and modification time, or why it cannot be seen."""
    try:
        stat = os.stat(path)
    except OSError as exc:  # a dangling or looping link: the loader logs it, the key still says so
        return f"error {exc.errno}"
    return f"{stat.st_size}\0{stat.st_mtime_ns}"


def _relative(path: Path, root: Path) -> str:
    """The path relative to its root in POSIX form (the file's name when the root is the file)."""
    try:
        parts = path.relative_to(root).parts
    except ValueError:
        parts = path.parts
    return PurePosixPath(*parts).as_posix() if parts else path.name


def is_boundary(relative: str, files_per_partition: int) -> bool:
    """True when the file at this relative path ends its partition (about one file in `files_per_partition`)."""
    value = int.from_bytes(hashlib.sha256(relative.encode("utf-8")).digest()[:8], "big")
    return value % max(files_per_partition, 1) == 0


def metadata_files(files: Sequence[Path], root: Path, explicit: PathLike | None = None) -> tuple[str, ...]:
    """Return the metadata files the loader may join onto `files` (the same places it looks in)."""
    if explicit is not None:
        return (str(explicit),)
    top = root if root.is_dir() else root.parent
    folders: list[Path] = []
    for path in files:
        folder = path.parent
        chain = [folder]
        while folder != top and top in folder.parents:
            folder = folder.parent
            chain.append(folder)
        chain.append(top.parent)
        folders.extend(f for f in chain if f not in folders)
    return tuple(str(f / name) for f in folders for name in METADATA_NAMES if (f / name).is_file())


def plan_partitions(
    paths: PathLike | Sequence[PathLike],
    *,
    files_per_partition: int = DEFAULT_FILES_PER_PARTITION,
    bytes_per_partition: int = DEFAULT_BYTES_PER_PARTITION,
    log: LoadLog | None = None,
    metadata: PathLike | None = None,
    fmt: str | None = None,
) -> list[Partition]:
    """Cut a corpus into partitions, in the loader's file order; the same corpus gives the same plan.

    Notes about the corpus (ignored files, folders without articles) go to `log`.
    """
    log = LoadLog() if log is None else log
    listing = [(root, list(discover_files(root, log, fmt=fmt))) for root in corpus_roots(paths)]
    # doc_ids of single-article files depend on every file of the corpus (colliding stems), so they are
    # decided here, once, and handed to the partitions.
    ids = corpus_file_ids(listing)
    plan: list[Partition] = []
    names: dict[str, int] = {}

    def add(root: Path, units: Sequence[tuple[Any, ...]]) -> None:
        paths_ = [Path(unit[0]) for unit in units]
        digest = hashlib.sha256(os.path.realpath(root).encode())
        for unit in units:
            digest.update(f"\0{_relative(Path(unit[0]), root)}\0{unit[1:]}".encode())
        name = f"part-{digest.hexdigest()[:16]}"
        names[name] = names.get(name, 0) + 1
        if names[name] > 1:  # the same file given twice as a corpus path
            name = f"{name}-{names[name]}"
        plan.append(Partition(
            index=len(plan), root=str(root), files=tuple(units), name=name,
            ids=tuple((str(p), ids[p]) for p in paths_ if p in ids),
            metadata=metadata_files(paths_, root, metadata),
        ))

    for root, files in listing:
        group: list[tuple[Any, ...]] = []
        for path, fmt in files:
            if fmt in MULTI_ARTICLE_FORMATS:
                if group:  # an export between text files ends their run: partitions stay in corpus order
                    add(root, group)
                    group = []
                for unit in _export_units(path, fmt, bytes_per_partition):
                    add(root, [unit])
                continue
            group.append((str(path), fmt))
            if is_boundary(_relative(path, root), files_per_partition) or len(group) >= MAX_RUN_FACTOR * files_per_partition:
                add(root, group)
                group = []
        if group:
            add(root, group)
    return plan


def _export_units(path: Path, fmt: str, bytes_per_partition: int) -> list[tuple[Any, ...]]:
    """Return the work units of one export file: the whole file, or slices of a big JSON-lines file."""
    try:
        size = path.stat().st_size
    except OSError:  # unreadable or dangling: one unit, which the loader logs as unreadable
        return [(str(path), fmt)]
    if fmt != "jsonl" or path.suffix.lower() == ".gz" or size <= bytes_per_partition:
        return [(str(path), fmt)]
    with open(path, "rb") as handle:
        if handle.read(1024).lstrip().startswith(b"["):  # one JSON array: cannot be sliced
            return [(str(path), fmt)]
    return [(str(path), fmt, part) for part in jsonl_slices(path, bytes_per_partition)]


def partition_files(plan: Sequence[Partition]) -> Iterator[str]:
    """Yield every input file of a plan (for the output check)."""
    for partition in plan:
        for path, *_ in partition.files:
            yield path
        yield from partition.metadata


def name_map(plan: Sequence[Partition]) -> Mapping[str, Partition]:
    """Return the plan's partitions by name."""
    return {p.name: p for p in plan}
