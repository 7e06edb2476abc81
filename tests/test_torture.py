"""The torture corpus (tests/torture_corpus.py): every file and row gives exactly its expected outcome, in
`load_corpus` and in a partitioned `extract`, and nothing in the corpus vanishes without a word in the log."""

from __future__ import annotations

import os
from pathlib import Path

import pandas as pd
import pytest

from toolkit import load_corpus, load_log
from toolkit.pipeline.extraction import extract, read_table
from torture_corpus import Case, build, build_special


@pytest.fixture(scope="module")
def torture(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[Case]]:
    root = tmp_path_factory.mktemp("torture") / "corpus"
    cases = build(root) + build_special(root)
    return root, cases


@pytest.fixture(scope="module")
def loaded(torture: tuple[Path, list[Case]]) -> tuple[pd.DataFrame, pd.DataFrame]:
    root, _ = torture
    frame = load_corpus(root)
    events = load_log(frame).to_frame()
    return frame, events


def _file(case: Case) -> str:
    return case.path.split(":", 1)[0]


def _row_number(case: Case) -> str | None:
    return case.path.split(":", 1)[1] if ":" in case.path else None


def _events_for(events: pd.DataFrame, root: Path, case: Case) -> set[tuple[str, str]]:
    """(action, reason) of the events about this case's file (and its line, for a JSON-lines row)."""
    path = str(root / _file(case))
    about = events["source"].eq(path) | events["detail"].str.contains(path, regex=False)
    line = _row_number(case)
    if line is not None and line.isdigit() and _file(case).endswith(".jsonl"):
        about &= events["location"].eq(f"line {line}")
    return set(zip(events.loc[about, "action"], events.loc[about, "reason"]))


def test_read_equals_loaded_plus_skipped(loaded: tuple[pd.DataFrame, pd.DataFrame]) -> None:
    frame, _ = loaded
    log = load_log(frame)
    assert log.read == log.loaded + log.skipped
    assert log.loaded == len(frame)
    assert frame["doc_id"].is_unique


def test_every_case_gives_its_outcome(torture: tuple[Path, list[Case]], loaded: tuple[pd.DataFrame, pd.DataFrame]) -> None:
    root, cases = torture
    frame, events = loaded
    by_id = frame.set_index("doc_id")
    wrong = []
    for case in cases:
        if case.doc_id is not None:
            if case.doc_id not in by_id.index:
                wrong.append(f"{case.path}: {case.doc_id!r} not loaded ({case.what})")
                continue
            row = by_id.loc[case.doc_id]
            if Path(row["source_path"]) != root / _file(case):
                wrong.append(f"{case.path}: {case.doc_id!r} came from {row['source_path']}")
            if case.contains is not None and case.contains not in row["text"]:
                wrong.append(f"{case.path}: text lacks {case.contains!r}: {row['text'][:80]!r}")
            if case.absent is not None and case.absent in row["text"]:
                wrong.append(f"{case.path}: text holds {case.absent!r}")
            if case.date is not None:
                got = "NaT" if pd.isna(row["date"]) else row["date"].strftime("%Y-%m-%d")
                if got != case.date:
                    wrong.append(f"{case.path}: date {got}, expected {case.date} ({case.what})")
        found = _events_for(events, root, case)
        for expected in case.events:
            if expected not in found:
                wrong.append(f"{case.path}: no {expected} event ({case.what}); events: {sorted(found)}")
    assert wrong == []


def test_nothing_vanishes_silently(torture: tuple[Path, list[Case]], loaded: tuple[pd.DataFrame, pd.DataFrame]) -> None:
    """Every file under the corpus is loaded, or named by an event (skipped, ignored, hidden, ...)."""
    root, _ = torture
    frame, events = loaded
    named = set(frame["source_path"]) | set(events["source"])
    mentioned = " ".join(events["detail"])
    silent = []
    for folder, dirs, files in os.walk(root):
        for name in files + [d for d in dirs if os.path.islink(os.path.join(folder, d))]:
            path = os.path.join(folder, name)
            if path not in named and path not in mentioned and not _counted_in_a_group(path, events):
                silent.append(os.path.relpath(path, root))
    assert silent == []


def _counted_in_a_group(path: str, events: pd.DataFrame) -> bool:
    """Notes that count files by kind name one example each: the others are counted, not named."""
    suffix = Path(path).suffix.lower()
    grouped = events[events["reason"].isin(["ignored_files", "hidden", "repeated_folder"])]
    return any(suffix and f" {suffix}" in detail for detail in grouped["detail"]) or (
        Path(path).name.startswith(".") and (grouped["reason"] == "hidden").any())


def test_extract_gives_the_same_articles_and_ids(torture: tuple[Path, list[Case]], loaded: tuple[pd.DataFrame, pd.DataFrame],
                                                  tmp_path: Path) -> None:
    """A partitioned extraction (small partitions, the JSONL shards in different units) agrees with load_corpus."""
    root, _ = torture
    frame, _ = loaded
    extract(root, tmp_path / "out", files_per_partition=3, progress=False)
    articles = read_table(tmp_path / "out", "articles")
    assert list(articles["doc_id"]) == list(frame["doc_id"])
    assert list(articles["text"]) == list(frame["text"])
    dates = articles["date"].astype("datetime64[ns]")
    assert dates.equals(frame["date"].astype("datetime64[ns]"))
    log = read_table(tmp_path / "out", "load_log")
    for reason in ("truncated", "invalid_json", "too_large", "not_regular_file", "unreadable", "duplicate", "ignored_files"):
        assert reason in set(log["reason"]), reason
