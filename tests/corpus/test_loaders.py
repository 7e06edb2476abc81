"""Loaders: every input format, every bad-input case, metadata joins, streaming and the load log."""

from __future__ import annotations

import gzip
import json
from datetime import datetime

import pandas as pd
import pytest

from conftest import POLNEAR, SAMPLE, needs_polnear
from toolkit import CorpusError, LoadLog, iter_articles, load_corpus, load_log
from toolkit.corpus.article import ARTICLE_COLUMNS

BODY = "The minister said the report was false.\n\nShe added nothing."
HTML = """<html><head><title>Minister rejects report | Example News</title></head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Minister rejects report</h1>
<p>The minister said on Tuesday that the report about the ministry's budget was false and that nobody
in the government had seen the documents that the newspaper described in such detail.</p>
<p>"These claims are not backed by any evidence at all," the minister told reporters in the capital,
adding that the ministry would publish its own figures before the end of the month.</p>
<p>Opposition politicians said the government had questions to answer about the budget and demanded
that the minister appear before the finance committee of the parliament next week.</p>
</article><footer>Share on Facebook. Subscribe to our newsletter.</footer></body></html>"""


def events(log: LoadLog) -> list[tuple[str, str]]:
    return [(e.action, e.reason) for e in log.events if e.action != "note"]


def load(path, **options):
    frame = load_corpus(path, **options)
    log = load_log(frame)
    assert log.read == log.loaded + log.skipped == len(frame) + log.skipped
    return frame, log


def test_folder_of_text_files_recursive_sorted(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "two.txt").write_text("Second article.", encoding="utf-8")
    (tmp_path / "one.txt").write_text(BODY, encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("Hidden.", encoding="utf-8")
    (tmp_path / "notes.ann").write_text("T1\tCue 0 3\tThe", encoding="utf-8")
    frame, log = load(tmp_path)
    assert list(frame["doc_id"]) == ["one", "two"]  # a folder's files, then its sub-folders, each sorted
    assert list(frame.columns[: len(ARTICLE_COLUMNS)]) == list(ARTICLE_COLUMNS)
    assert frame.loc[0, "text"] == BODY
    assert frame["source_path"].str.endswith(".txt").all()
    assert ("note", "ignored_files") in [(e.action, e.reason) for e in log.events]
    assert str(frame["date"].dtype) == "datetime64[ns]"


def test_single_file_and_crlf_kept_byte_for_byte(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes("Line one.\r\n\r\nLine “two”.\r\n".encode("utf-8"))
    frame, _ = load(path)
    assert frame.loc[0, "text"] == "Line one.\r\n\r\nLine “two”.\r\n"


def test_utf8_bom_removed(tmp_path):
    (tmp_path / "bom.txt").write_bytes(b"\xef\xbb\xbfText.")
    frame, log = load(tmp_path)
    assert frame.loc[0, "text"] == "Text." and not events(log)


@pytest.mark.parametrize(
    "content, reason",
    [
        (b"", "empty"),
        (b"  \n\n\t ", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "binary"),
        (bytes(range(1, 32)) * 20, "binary"),
        ("icon a icon b icon c icon d icon e\n0:00\n".encode(), "empty"),  # only boilerplate
    ],
)
def test_bad_files_are_skipped_with_a_reason(tmp_path, content, reason):
    (tmp_path / "bad.txt").write_bytes(content)
    (tmp_path / "good.txt").write_text(BODY, encoding="utf-8")
    frame, log = load(tmp_path)
    assert list(frame["doc_id"]) == ["good"]
    assert events(log) == [("skipped", reason)]
    assert log.events[-1].source.endswith("bad.txt") or any(e.source.endswith("bad.txt") for e in log.events)


@pytest.mark.parametrize(
    "raw, text, encoding",
    [
        ("Café “quoted” – ok".encode("cp1252"), "Café “quoted” – ok", "cp1252"),
        (b"Caf\xe9 \x81 is one odd byte in a fine text", "Café \x81 is one odd byte in a fine text", "latin-1"),  # 0x81 is undefined in cp1252
    ],
)
def test_non_utf8_decoded_with_a_recorded_repair(tmp_path, raw, text, encoding):
    (tmp_path / "old.txt").write_bytes(raw)
    frame, log = load(tmp_path)
    assert frame.loc[0, "text"] == text
    assert events(log) == [("repaired", "encoding_fallback")]
    assert encoding in log.events[0].detail


def test_explicit_encoding_is_strict(tmp_path):
    (tmp_path / "a.txt").write_bytes("Café".encode("cp1252"))
    (tmp_path / "b.txt").write_bytes("Café".encode("utf-8"))
    frame, log = load(tmp_path, encoding="utf-8")
    assert list(frame["doc_id"]) == ["b"]
    assert events(log) == [("skipped", "decode_error")]


def test_too_large_is_skipped(tmp_path):
    (tmp_path / "big.txt").write_text("x" * 200, encoding="utf-8")
    (tmp_path / "small.txt").write_text("y", encoding="utf-8")
    frame, log = load(tmp_path, max_bytes=100)
    assert list(frame["doc_id"]) == ["small"]
    assert events(log) == [("skipped", "too_large")]


def test_duplicate_text_skipped_and_duplicate_id_renamed(tmp_path):
    for folder, text in [("a", "Same text."), ("b", "Same text."), ("c", "Other text.")]:
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "x.txt").write_text(text, encoding="utf-8")
    frame, log = load(tmp_path)
    assert list(frame["doc_id"]) == ["x", "x~2"]
    assert events(log) == [("skipped", "duplicate"), ("repaired", "duplicate_id")]
    assert "same text as x" in log.events[0].detail
    frame, log = load(tmp_path, dedupe=False)
    assert len(frame) == 3


def test_missing_path_raises():
    with pytest.raises(CorpusError, match="no such file"):
        load_corpus("/no/such/corpus")


def test_jsonl_rows_good_and_bad(tmp_path):
    rows = [
        json.dumps({"id": "a1", "body": BODY, "headline": "Minister", "published": "2020-03-01T10:00:00+02:00",
                    "publisher": "Example", "link": "https://example.org/a1", "section": "world"}),
        "{not json",
        "[1, 2]",
        json.dumps({"id": "a2", "headline": "No text"}),
        json.dumps({"id": "a3", "body": "   "}),
        "",
        json.dumps({"id": "a4", "body": "Second.", "published": "not a date"}),
    ]
    path = tmp_path / "export.jsonl"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    frame, log = load(path)
    assert list(frame["doc_id"]) == ["a1", "a4"]
    first = frame.iloc[0]
    assert (first["title"], first["outlet"], first["url"], first["section"]) == ("Minister", "Example", "https://example.org/a1", "world")
    assert first["date"] == pd.Timestamp(datetime(2020, 3, 1, 8, 0))  # aware dates converted to UTC, naive
    assert pd.isna(frame.iloc[1]["date"])
    assert events(log) == [("skipped", "invalid_json"), ("skipped", "invalid_json"), ("skipped", "missing_text"), ("skipped", "empty")]
    assert [e.location for e in log.events if e.action == "skipped"] == ["line 2", "line 3", "line 4", "line 5"]
    assert ("note", "unparsed_date") in [(e.action, e.reason) for e in log.events]


def test_jsonl_explicit_columns_gzip_and_oversized_line(tmp_path):
    rows = [{"k": "z1", "txt": "Hello there.", "t": "T"}, {"k": "z2", "txt": "x" * 5000}]
    path = tmp_path / "shard.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as handle:
        handle.write("\n".join(json.dumps(r) for r in rows) + "\n")
    frame, log = load(path, columns={"text": "txt", "doc_id": "k", "title": "t"}, max_bytes=1000)
    assert list(frame["doc_id"]) == ["z1"] and frame.loc[0, "title"] == "T"
    assert events(log) == [("skipped", "too_large")]


def test_json_array_file(tmp_path):
    (tmp_path / "items.json").write_text(json.dumps([{"text": "One."}, {"text": "Two."}, "junk"]), encoding="utf-8")
    frame, log = load(tmp_path)
    assert list(frame["doc_id"]) == ["items:1", "items:2"]
    assert events(log) == [("skipped", "invalid_json")]


def test_csv_export_with_malformed_rows(tmp_path):
    path = tmp_path / "export.csv"
    path.write_text(
        'id,title,text,date,outlet\n'
        'c1,First,"A body, with a comma\n\nand a second paragraph.",2019-05-01,Daily\n'
        'c2,Second,Too,many,fields,here\n'
        'c3,Third\n'
        'c4,Fourth,Fine text.,,Weekly\n',
        encoding="utf-8",
    )
    frame, log = load(path)
    assert list(frame["doc_id"]) == ["c1", "c4"]
    assert frame.loc[0, "text"] == "A body, with a comma\n\nand a second paragraph."
    assert frame.loc[0, "date"] == pd.Timestamp("2019-05-01") and pd.isna(frame.loc[1, "date"])
    assert events(log) == [("skipped", "malformed_row"), ("skipped", "malformed_row")]
    assert "expected 5 fields, got 6" in log.events[0].detail and "got 2" in log.events[1].detail


def test_tsv_in_cp1252(tmp_path):
    (tmp_path / "old.tsv").write_bytes("text\toutlet\nCafé “x”\tLe Monde\n".encode("cp1252"))
    frame, log = load(tmp_path)
    assert frame.loc[0, "text"] == "Café “x”" and frame.loc[0, "outlet"] == "Le Monde"
    assert events(log) == [("repaired", "encoding_fallback")]


def test_html_page_extracted_with_trafilatura(tmp_path):
    (tmp_path / "page.html").write_text(HTML, encoding="utf-8")
    (tmp_path / "empty.html").write_text("<html><head><title>Gallery</title></head><body><img src=a.jpg></body></html>", encoding="utf-8")
    frame, log = load(tmp_path)
    assert list(frame["doc_id"]) == ["page"]
    text = frame.loc[0, "text"]
    assert "not backed by any evidence" in text and "Home" not in text and "Subscribe" not in text
    assert "Minister rejects report" in frame.loc[0, "title"]
    assert events(log) == [("skipped", "no_article_text")]


def test_metadata_beside_text_folder_joins_on_stem(tmp_path):
    (tmp_path / "text").mkdir()
    (tmp_path / "text" / "a.txt").write_text("Alpha.", encoding="utf-8")
    (tmp_path / "text" / "b.txt").write_text("Beta.", encoding="utf-8")
    (tmp_path / "metadata.tsv").write_text(
        "filename\tpublisher\tpublication_date\ttitle\tauthor\n"
        "a\tnyt\t2016-09-12\tAlpha title\tA. Writer\n"
        "zz\tnyt\t2016-09-13\tNo such file\tB\n",
        encoding="utf-8",
    )
    frame, log = load(tmp_path / "text")
    a = frame.set_index("doc_id").loc["a"]
    assert (a["outlet"], a["title"], a["author"], a["date"]) == ("nyt", "Alpha title", "A. Writer", pd.Timestamp("2016-09-12"))
    assert pd.isna(frame.set_index("doc_id").loc["b", "outlet"])
    reasons = [e.reason for e in log.events]
    assert "metadata" in reasons and "metadata_unmatched" in reasons


def test_iter_articles_streams(tmp_path):
    for i in range(3):
        (tmp_path / f"{i}.txt").write_text(f"Article {i}.", encoding="utf-8")
    log = LoadLog()
    stream = iter_articles(tmp_path, log=log)
    first = next(stream)
    assert first.doc_id == "0" and log.loaded == 1  # one article read so far, not the corpus
    assert [a.doc_id for a in stream] == ["1", "2"] and log.loaded == 3


def test_reference_article_through_the_loader():
    frame, log = load(SAMPLE)
    ref = frame.set_index("doc_id").loc["000_ad9fd6472d9b5eb0"]
    assert ref["title"].startswith("US claims that Russia is arming Taliban")
    assert ref["date"] == pd.Timestamp("2017-09-29 12:55")
    assert ref["outlet"] == "RT"
    assert ref["related_links"] == ["Zakharova: ‘Alleged arming of Taliban by Russia part of US media disinformation campaign’"]
    assert "READ MORE" not in ref["text"] and "icon" not in ref["text"]
    assert log.skipped == 0


@needs_polnear
def test_polnear_dev_with_its_metadata():
    frame, log = load(POLNEAR / "dev")
    assert len(frame) == 84 and log.skipped == 0
    assert frame["date"].notna().all() and frame["outlet"].nunique() == 7
    raw = (POLNEAR / "dev" / "text" / f"{frame.loc[0, 'doc_id']}.txt").read_bytes().decode("utf-8")
    assert frame.loc[0, "text"] == raw
