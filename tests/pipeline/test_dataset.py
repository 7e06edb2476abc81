"""open_dataset: a raw corpus and its extraction give the same tables; filters; another lexicon."""

from __future__ import annotations

import pandas as pd
import pytest

from conftest import SAMPLE
from toolkit.pipeline.dataset import is_extraction, open_dataset
from toolkit.pipeline.extraction import extract


@pytest.fixture(scope="module")
def raw():
    return open_dataset(SAMPLE)


@pytest.fixture(scope="module")
def extraction(tmp_path_factory):
    out = tmp_path_factory.mktemp("ex") / "out"
    extract(SAMPLE, out, progress=False)
    return out


def test_raw_and_extracted_tables_are_equal(raw, extraction):
    assert is_extraction(extraction) and not is_extraction(SAMPLE)
    read = open_dataset(extraction)
    for name in ("quotes", "denials"):
        pd.testing.assert_frame_equal(getattr(raw, name), getattr(read, name))
    pd.testing.assert_frame_equal(raw.articles, read.articles)
    assert (read.log.read, read.log.loaded) == (raw.log.read, raw.log.loaded) == (4, 4)


def test_offsets_point_into_the_text(raw):
    texts = dict(zip(raw.articles["doc_id"], raw.articles["text"]))
    titles = dict(zip(raw.articles["doc_id"], raw.articles["title"]))
    for row in raw.quotes.itertuples():
        assert texts[row.doc_id][row.start:row.end] == row.text
    for row in raw.denials.itertuples():
        source = titles[row.doc_id] if row.field == "title" else texts[row.doc_id]
        assert source[row.start:row.end] == row.text


def test_filter_keeps_tables_consistent(raw):
    nyt = raw.filter(outlets=["nyt"])
    assert list(nyt.articles["outlet"]) == ["nyt"]
    assert set(nyt.quotes["doc_id"]) <= set(nyt.articles["doc_id"])
    assert set(nyt.denials["doc_id"]) <= set(nyt.articles["doc_id"])
    assert raw.filter(date_from="2030-01-01").articles.empty


def test_another_lexicon_refinds_denials_on_an_extraction(raw, extraction, tmp_path):
    lexicon = tmp_path / "mine.tsv"
    lexicon.write_text("zz\tzzyzx|smokescreen\tcounter_accusation\tme\t\n", encoding="utf-8")
    only = open_dataset(extraction, lexicon=lexicon, lexicon_extend=False)
    assert set(only.denials["text"].str.lower()) == {"smokescreen"}
    assert set(only.denials["rule"]) == {"zz"}
    pd.testing.assert_frame_equal(only.quotes, raw.quotes)  # quotes are reused, not recomputed
    extended = open_dataset(SAMPLE, lexicon=lexicon)
    assert len(extended.denials) >= len(raw.denials)
