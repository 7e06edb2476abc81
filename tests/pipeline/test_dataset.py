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
    # quotes are reused, not recomputed (their persons are decided again: the deniers count as evidence)
    finder = [c for c in raw.quotes.columns if c not in ("person", "speaker_kind")]
    pd.testing.assert_frame_equal(only.quotes[finder], raw.quotes[finder])
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


def test_repr_is_a_few_lines_of_counts_not_rows(raw):
    """Issue 12: `data` alone in a cell printed screens of raw DataFrame reprs."""
    text = repr(raw)
    assert text.splitlines()[0] == "Dataset" and len(text.splitlines()) <= 8
    assert f"{len(raw.articles)} articles, {len(raw.quotes)} quotes, {len(raw.denials)} denials" in text
    assert "outlets: 4 (RT 1, huff-post 1, nyt 1, politico 1)" in text
    assert "dates: 2015-12-20 to 2017-09-29" in text and f"model score >= {raw.denial_min_score:g}" in text
    assert raw.articles["text"].iloc[0][:40] not in text and raw.articles["doc_id"].iloc[0] not in text
    html = raw._repr_html_()
    assert "<table" in html and "4 read, 4 loaded" in html and raw.articles["text"].iloc[0][:40] not in html


def test_repr_counts_the_outlets_it_does_not_name(raw):
    many = raw.articles.assign(outlet=[f"o{i}" for i in range(len(raw.articles))])
    many = pd.concat([many.assign(outlet=many["outlet"] + str(k)) for k in range(3)], ignore_index=True)
    from dataclasses import replace

    assert "outlets: 12 (" in repr(replace(raw, articles=many)) and ", +4 more)" in repr(replace(raw, articles=many))


def test_show_opens_the_article_viewer(raw):
    doc_id = raw.quotes["doc_id"].iloc[0]
    view = raw.show(doc_id)
    html = view._repr_html_()
    assert 'data-layer="quote"' in html and doc_id in html
    assert view.text == raw.articles.set_index("doc_id").loc[doc_id, "text"]
    with pytest.raises(KeyError, match="no article with doc_id 'nope'"):
        raw.show("nope")


def test_quotes_and_denials_carry_persons(raw, extraction):
    for frame in (raw.quotes, raw.denials, open_dataset(extraction).quotes):
        assert {"person", "speaker_kind"} <= set(frame.columns) and "gender_guess" not in frame
    assert set(raw.quotes["speaker_kind"]) <= {"person", "organisation", "description", "pronoun-unresolved", "none"}
    assert raw.quotes.loc[raw.quotes["speaker_kind"].isin(["none", "pronoun-unresolved"]), "person"].isna().all()


def test_aliases_and_gender_on_a_raw_corpus_and_an_extraction(tmp_path):
    import people_corpus as expected
    from people_corpus import write_corpus

    corpus = write_corpus(tmp_path / "corpus")
    aliases = tmp_path / "aliases.csv"
    aliases.write_text(expected.ALIASES, encoding="utf-8")
    data = open_dataset(corpus)
    assert list(data.quotes["person"]) == expected.persons()
    assert [p for p in data.denials["person"]] == [d[2] for d in expected.DENIALS]
    aliased = open_dataset(corpus, aliases=aliases, gender=True)
    assert list(aliased.quotes["person"]) == expected.persons(aliased=True)
    assert list(aliased.quotes["gender_guess"])[3:] == [q[4] for q in expected.QUOTES][3:]
    out = tmp_path / "out"
    extract(corpus, out, progress=False)
    pd.testing.assert_frame_equal(open_dataset(out).quotes, data.quotes)  # the extraction's own persons
    # asked with other aliases or gender than the extraction's: decided again, as for the raw corpus
    pd.testing.assert_frame_equal(open_dataset(out, aliases=aliases, gender=True).quotes, aliased.quotes)
    bad = tmp_path / "bad.csv"
    bad.write_text("Clinton\n", encoding="utf-8")
    with pytest.raises(ValueError, match="bad.csv, line 1"):
        open_dataset(out, aliases=bad)
