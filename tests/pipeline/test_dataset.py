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


def test_min_score_is_recorded_filtered_and_found_again(raw, extraction, tmp_path):
    """An extraction records its threshold; a higher one filters its denials by score, a lower one re-finds them."""
    from toolkit.denials.finder import MIN_SCORE
    from toolkit.pipeline.layout import extraction_manifest

    assert extraction_manifest(extraction)["denial_min_score"] == MIN_SCORE
    stored = open_dataset(extraction)
    assert stored.denial_min_score == MIN_SCORE and (stored.denials["score"] >= MIN_SCORE).all()
    stricter = open_dataset(extraction, min_score=0.9)
    assert stricter.denial_min_score == 0.9
    assert list(stricter.denials["start"]) == list(stored.denials.loc[stored.denials["score"] >= 0.9, "start"])
    everything = open_dataset(extraction, min_score=0.0)
    assert len(everything.denials) >= len(stored.denials)
    assert len(everything.denials) == len(open_dataset(SAMPLE, min_score=0.0).denials)
    strict = tmp_path / "strict"
    extract(SAMPLE, strict, progress=False, min_score=0.9)
    assert extraction_manifest(strict)["denial_min_score"] == 0.9
    assert list(open_dataset(strict).denials["start"]) == list(stricter.denials["start"])
    with pytest.raises(ValueError, match="min_score"):
        extract(SAMPLE, tmp_path / "bad", progress=False, min_score=1.5)
