"""Corpus-wide doc_ids in an extraction: unique, stable across partition sizes and workers, equal to load_corpus's;
duplicates removed by text, never by id."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

from toolkit import load_corpus
from toolkit.pipeline.dataset import open_dataset
from toolkit.pipeline.extraction import extract, read_table


def _jsonl(path: Path, rows: list[tuple[str, str]]) -> None:
    path.write_text("".join(json.dumps({"id": i, "text": t}) + "\n" for i, t in rows), encoding="utf-8")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    """Recipe 3: two JSONL shards with ids 1-3 (one text repeated across them), and two article1.txt files."""
    root = tmp_path_factory.mktemp("ids") / "corpus"
    for outlet in ("nyt", "wapo"):
        (root / outlet).mkdir(parents=True)
        (root / outlet / "article1.txt").write_text(f"The {outlet} minister said the story was false.", encoding="utf-8")
    _jsonl(root / "shard1.jsonl", [("1", "One said the claims were baseless."), ("2", "Two denied it."), ("3", "Three said so.")])
    _jsonl(root / "shard2.jsonl", [("1", "Four said it again."), ("2", "Two denied it."), ("3", "Five rejected that.")])
    return root


EXPECTED = ["1", "2", "3", "1~2", "3~2", "nyt/article1", "wapo/article1"]


def test_load_corpus_ids(corpus):
    assert list(load_corpus(corpus)["doc_id"]) == EXPECTED


@pytest.mark.parametrize("files_per_partition, workers", [(1, 1), (500, 1), (1, 2)])
def test_extraction_ids_equal_load_corpus(corpus, tmp_path, files_per_partition, workers):
    out = tmp_path / "out"
    extract(corpus, out, files_per_partition=files_per_partition, workers=workers, progress=False)
    articles = read_table(out, "articles")
    loaded = load_corpus(corpus)
    assert list(articles["doc_id"]) == list(loaded["doc_id"]) == EXPECTED
    assert list(articles["text"]) == list(loaded["text"])
    assert "Four said it again." in set(articles["text"])  # the unique article whose id collided is kept
    quotes = read_table(out, "quotes")
    texts = dict(zip(articles["doc_id"], articles["text"]))
    for row in quotes.itertuples():  # every quote joins to exactly one article, at its offsets
        assert texts[row.doc_id][row.start:row.end] == row.text


def test_duplicates_are_flagged_by_text_and_kept_on_request(corpus, tmp_path):
    out = tmp_path / "out"
    extract(corpus, out, files_per_partition=1, progress=False)
    everything = read_table(out, "articles", keep_duplicates=True)
    assert everything["doc_id"].is_unique and len(everything) == len(EXPECTED) + 1
    # In corpus order; the repeated text takes its id after every kept article, so it shifts none of theirs.
    assert list(everything["doc_id"]) == ["1", "2", "3", "1~2", "2~2", "3~2", "nyt/article1", "wapo/article1"]
    log = read_table(out, "load_log")
    assert ((log["reason"] == "duplicate") & log["detail"].str.contains("same text as 2")).sum() == 1
    assert set(log.loc[log["reason"] == "duplicate_id", "detail"]) == {"doc_id 1 renamed 1~2", "doc_id 3 renamed 3~2"}
    data = open_dataset(out)
    assert data.log.read == data.log.loaded + data.log.skipped


def test_no_dedupe_keeps_repeated_texts(corpus, tmp_path):
    out = tmp_path / "out"
    extract(corpus, out, files_per_partition=1, progress=False, dedupe=False)
    pd.testing.assert_series_equal(read_table(out, "articles")["doc_id"], load_corpus(corpus, dedupe=False)["doc_id"])
    assert len(read_table(out, "articles")) == len(EXPECTED) + 1
