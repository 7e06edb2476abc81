"""Corpus-wide doc_ids for a partitioned extraction, the same as `load_corpus` gives.

A partition names its articles as the loader would if the partition were the whole corpus (ids unique
within it). After every partition has run, its articles are visited in corpus order: one whose text
repeats an earlier article's (by content hash, never by id) is a duplicate; every other gets its id
through one `IdRegistry`, so a repeated export id becomes "ID~N" exactly as in `load_corpus`. The result is
stored as `doc_ids.parquet` (partition, local id, doc_id, duplicate_of); readers apply it, so cached
partitions never need rewriting when another partition changes the numbering.
"""

from __future__ import annotations

import gc
from pathlib import Path
from typing import Any, Mapping, Sequence

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from toolkit.corpus.identity import IdRegistry
from toolkit.io.outputs import atomic_write
from toolkit.pipeline.layout import DOC_IDS

COLUMNS = ["partition", "local_id", "record_id", "doc_id", "duplicate_of", "source_path"]


class RecordingRegistry(IdRegistry):
    """An `IdRegistry` that remembers which local ids are renamings of which original ids."""

    def __init__(self) -> None:
        super().__init__()
        self.renamed: dict[str, str] = {}

    def assign(self, doc_id: str) -> str:
        """Return the id for this occurrence, remembering the original of a renamed one."""
        new = super().assign(doc_id)
        if new != doc_id:
            self.renamed[new] = doc_id
        return new


def reconcile(out: Path, names: Sequence[str], renamed: Mapping[str, Mapping[str, str]], *, dedupe: bool,
              columns: Sequence[str] = COLUMNS) -> pd.DataFrame:
    """Decide every article's corpus-wide doc_id and duplicate status; write `doc_ids.parquet`, return its `columns`.

    `names` are the partitions in corpus order; `renamed[name]` maps a local id to the original id the
    partition's own registry renamed. Each partition's rows become an Arrow chunk as soon as it is decided: the
    only per-article Python objects kept are the registry's ids and 16 bytes of each content hash (a million
    articles: a peak near 400 MB instead of 1 GB with a dict per row).
    """
    registry = IdRegistry()
    first: dict[bytes, str] = {}
    kept: list[pa.Table] = []
    repeats: list[tuple[str, list[str], list[str], list[str], list[str]]] = []  # ids assigned after every kept one
    for name in names:
        table = pq.read_table(out / "articles" / f"{name}.parquet", columns=["doc_id", "content_hash", "source_path"])
        local_renames = renamed.get(name, {})
        decided: tuple[list[Any], ...] = ([], [], [], [])  # local_id, record_id, doc_id, source_path
        repeated: tuple[list[Any], ...] = ([], [], [], [])  # local_id, record_id, duplicate_of, source_path
        for local, digest, source in zip(table["doc_id"].to_pylist(), table["content_hash"].to_pylist(),
                                         table["source_path"].to_pylist()):
            original = local_renames.get(local, local)
            key = bytes.fromhex(digest)[:16]
            if dedupe and key in first:
                for column, value in zip(repeated, (local, original, first[key], source)):
                    column.append(value)
                continue
            doc_id = registry.assign(original)
            first.setdefault(key, doc_id)
            for column, value in zip(decided, (local, original, doc_id, source)):
                column.append(value)
        kept.append(_chunk(name, decided[0], decided[1], decided[2], [None] * len(decided[0]), decided[3]))
        if repeated[0]:
            repeats.append((name, *repeated))
    del first
    # Duplicates left out of the corpus take ids only after every kept article, so they cannot shift them.
    for name, local, original, duplicate_of, source in repeats:
        kept.append(_chunk(name, local, original, [registry.assign(r) for r in original], duplicate_of, source))
    del registry
    table = pa.concat_tables(kept) if kept else _chunk("", [], [], [], [], [])
    del kept
    atomic_write(out / DOC_IDS, lambda tmp: pq.write_table(table, tmp))
    frame = table.select(list(columns)).to_pandas()
    del table
    gc.collect()  # the loop's garbage, before the caller goes on (the people post-pass)
    return frame


_SCHEMA = pa.schema([(c, pa.string()) for c in COLUMNS])


def _chunk(name: str, local: list[str], original: list[str], doc_id: list[str], duplicate_of: list[str | None],
           source: list[str | None]) -> pa.Table:
    """One partition's rows of the doc_id table, as Arrow (its strings leave the Python heap)."""
    return pa.table([[name] * len(local), local, original, doc_id, duplicate_of, source], schema=_SCHEMA)


def read_doc_ids(out: Path) -> dict[str, pd.DataFrame]:
    """Return the doc_id table of an extraction, split by partition (each indexed by local id)."""
    path = out / DOC_IDS
    if not path.is_file():
        return {}
    frame = pd.read_parquet(path)
    return {name: group.set_index("local_id") for name, group in frame.groupby("partition", sort=False)}


def apply_doc_ids(frame: pd.DataFrame, ids: pd.DataFrame | None, *, keep_duplicates: bool) -> pd.DataFrame:
    """Give one partition's rows their corpus-wide doc_ids; leave out duplicates unless asked to keep them."""
    if ids is None or "doc_id" not in frame.columns or not len(frame):
        return frame
    local = frame["doc_id"]
    if not keep_duplicates:
        frame = frame[~local.map(ids["duplicate_of"]).notna().to_numpy()]
        local = frame["doc_id"]
    frame = frame.copy()
    frame["doc_id"] = local.map(ids["doc_id"]).fillna(local).astype(local.dtype)
    return frame.reset_index(drop=True)


def id_events(ids: pd.DataFrame) -> list[dict[str, str]]:
    """Log events for one partition's corpus-wide decisions: ids renamed ("duplicate_id") and texts repeating
    an earlier partition's ("duplicate")."""
    events = []
    for row in ids.itertuples():
        original = row.record_id
        if row.duplicate_of is not None and not pd.isna(row.duplicate_of):
            events.append({"action": "skipped", "reason": "duplicate", "source": row.source_path or "", "location": "",
                           "detail": f"same text as {row.duplicate_of}"})
        elif row.doc_id != original:
            events.append({"action": "repaired", "reason": "duplicate_id", "source": row.source_path or "", "location": "",
                           "detail": f"doc_id {original} renamed {row.doc_id}"})
    return events
