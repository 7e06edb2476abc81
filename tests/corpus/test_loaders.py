"""Loaders: every input format, every bad-input case, metadata joins, streaming and the load log."""

from __future__ import annotations

import gzip
import json
import os
from datetime import datetime

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import POLNEAR, REFERENCE, SAMPLE, needs_polnear
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


def notes(log: LoadLog) -> dict[str, str]:
    return {e.reason: e.detail for e in log.events if e.action == "note"}


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
        # 0x81 is undefined in cp1252: kept as U+0081 (latin-1), the file still reported as cp1252.
        (b"Caf\xe9 \x81 is one odd byte in a fine text", "Café \x81 is one odd byte in a fine text", "cp1252"),
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


def test_duplicate_text_skipped_and_colliding_stems_path_qualified(tmp_path):
    for folder, text in [("a", "Same text."), ("b", "Same text."), ("c", "Other text.")]:
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "x.txt").write_text(text, encoding="utf-8")
    frame, log = load(tmp_path)
    assert list(frame["doc_id"]) == ["a/x", "c/x"]
    assert events(log) == [("skipped", "duplicate")]
    duplicate = next(e for e in log.events if e.reason == "duplicate")
    assert duplicate.source.endswith("b/x.txt") and duplicate.detail == "same text as a/x"
    frame, log = load(tmp_path, dedupe=False)
    assert list(frame["doc_id"]) == ["a/x", "b/x", "c/x"]


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


# --- corpus-wide identity (issue 15, item 3) --------------------------------------------------------


def test_two_jsonl_shards_with_the_same_ids(tmp_path):
    shard_a = [{"id": i, "text": f"Unique text {i} of shard A."} for i in (1, 2, 3)]
    shard_b = [{"id": 1, "text": "Unique text 1 of shard B."}, {"id": 2, "text": "Unique text 3 of shard A."}, {"id": 3, "text": "Unique text 3 of shard B."}]
    for name, rows in (("a.jsonl", shard_a), ("b.jsonl", shard_b)):
        (tmp_path / name).write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    frame, log = load(tmp_path)
    assert list(frame["doc_id"]) == ["1", "2", "3", "1~2", "3~2"]
    assert list(frame["text"].str.slice(12)) == ["1 of shard A.", "2 of shard A.", "3 of shard A.", "1 of shard B.", "3 of shard B."]
    assert [(e.action, e.reason, e.location, e.detail) for e in log.events if e.action != "note"] == [
        ("repaired", "duplicate_id", "line 1", "doc_id 1 renamed 1~2"),
        ("skipped", "duplicate", "line 2", "same text as 3"),
        ("repaired", "duplicate_id", "line 3", "doc_id 3 renamed 3~2"),
    ]


def test_same_file_name_in_two_outlet_folders(tmp_path):
    for outlet in ("nyt", "wapo"):
        (tmp_path / outlet).mkdir()
        (tmp_path / outlet / "article1.txt").write_text(f"An article of {outlet}.", encoding="utf-8")
    (tmp_path / "wapo" / "article2.txt").write_text("Another.", encoding="utf-8")
    frame, log = load(tmp_path)
    assert list(frame["doc_id"]) == ["nyt/article1", "wapo/article1", "article2"]
    assert not events(log)


def test_file_ids_from_the_whole_corpus_are_used(tmp_path):
    from toolkit.corpus.loaders import iter_file_articles

    (tmp_path / "nyt").mkdir()
    path = tmp_path / "nyt" / "article1.txt"
    path.write_text("Body.", encoding="utf-8")
    alone = [a.doc_id for a in iter_file_articles(tmp_path, [(path, "text")])]
    given = [a.doc_id for a in iter_file_articles(tmp_path, [(path, "text")], file_ids={path: "nyt/article1"})]
    assert alone == ["article1"] and given == ["nyt/article1"]


def test_metadata_joins_on_relative_paths_when_stems_collide(tmp_path):
    for outlet in ("nyt", "wapo"):
        (tmp_path / outlet).mkdir()
        (tmp_path / outlet / "article1.txt").write_text(f"Text of {outlet}.", encoding="utf-8")
    (tmp_path / "metadata.csv").write_text("file,outlet\nnyt/article1.txt,NYT\nwapo/article1.txt,WaPo\n", encoding="utf-8")
    frame, log = load(tmp_path)
    assert dict(zip(frame["doc_id"], frame["outlet"])) == {"nyt/article1": "NYT", "wapo/article1": "WaPo"}
    assert "metadata_unmatched" not in [e.reason for e in log.events]


def test_metadata_keyed_by_a_shared_stem_is_not_guessed(tmp_path):
    for outlet in ("nyt", "wapo"):
        (tmp_path / outlet).mkdir()
        (tmp_path / outlet / "article1.txt").write_text(f"Text of {outlet}.", encoding="utf-8")
    (tmp_path / "metadata.csv").write_text("file,outlet\narticle1,NYT\n", encoding="utf-8")
    frame, log = load(tmp_path)
    assert frame["outlet"].isna().all()
    ambiguous = [e for e in log.events if e.reason == "metadata_ambiguous"]
    assert len(ambiguous) == 1 and "matches 2 files" in ambiguous[0].detail


def test_metadata_in_each_folder_joins_on_the_stem(tmp_path):
    for outlet in ("nyt", "wapo"):
        (tmp_path / outlet).mkdir()
        (tmp_path / outlet / "article1.txt").write_text(f"Text of {outlet}.", encoding="utf-8")
        (tmp_path / outlet / "metadata.tsv").write_text(f"filename\toutlet\narticle1\t{outlet.upper()}\n", encoding="utf-8")
    frame, log = load(tmp_path)
    assert dict(zip(frame["doc_id"], frame["outlet"])) == {"nyt/article1": "NYT", "wapo/article1": "WAPO"}
    assert "metadata_ambiguous" not in [e.reason for e in log.events]


def test_metadata_tsv_title_starting_with_a_quote(tmp_path):
    (tmp_path / "text").mkdir()
    for stem in ("a", "b"):
        (tmp_path / "text" / f"{stem}.txt").write_text(f"Body {stem}.", encoding="utf-8")
    (tmp_path / "metadata.tsv").write_text('filename\ttitle\na\t"Fake news," he said\nb\tPlain\n', encoding="utf-8")
    frame, _ = load(tmp_path / "text")
    assert list(frame["title"]) == ['"Fake news," he said', "Plain"]


def test_metadata_columns_named_like_offsets_are_kept(tmp_path):
    (tmp_path / "e.jsonl").write_text(json.dumps({"id": "a", "text": "Body.", "span_start": 3, "span_end": "x"}) + "\n", encoding="utf-8")
    frame, log = load(tmp_path)
    assert (frame.loc[0, "span_start"], frame.loc[0, "span_end"]) == (3, "x") and not events(log)


# --- boilerplate is logged (item 6) ------------------------------------------------------------------


def test_boilerplate_removal_is_logged_per_rule(tmp_path):
    (tmp_path / "a.txt").write_text("Share this article\n\nBody text.\n\nREAD MORE: Other story\n\n0:00\n12:41", encoding="utf-8")
    frame, log = load(tmp_path)
    assert frame.loc[0, "text"] == "Body text."
    assert [e.detail for e in log.events if e.reason == "boilerplate"] == [
        "share-line: 1 line dropped, first 'Share this article'",
        "read-more: 1 line moved to related_links, first 'Other story'",
        "player-timestamp: 2 lines dropped, first '0:00'",
    ]
    assert log.repaired == 0 and sum(e.action == "cleaned" for e in log.events) == 3
    assert "3 cleaned (3 boilerplate)" in log.summary()


def test_reference_article_boilerplate_events():
    frame, log = load(REFERENCE)
    rules = [e.detail.split(":")[0] for e in log.events if e.reason == "boilerplate"]
    assert sorted(rules) == ["date-line", "icon-run", "media-label", "player-timestamp", "read-more", "repeated-title"]


def test_a_skipped_article_logs_no_repairs(tmp_path):
    (tmp_path / "a.txt").write_text("Share this article\n\nSame body.", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Share this article\n\nSame body.", encoding="utf-8")
    frame, log = load(tmp_path)
    assert list(frame["doc_id"]) == ["a"] and events(log) == [("cleaned", "boilerplate"), ("skipped", "duplicate")]


# --- what a walk passes over (item 7) ----------------------------------------------------------------


def test_hidden_ignored_and_unreadable_are_noted(tmp_path, monkeypatch):
    (tmp_path / "a.txt").write_text("Body.", encoding="utf-8")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "x.txt").write_text("Not a corpus file.", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("Hidden.", encoding="utf-8")
    for name in ("report.pdf", "draft.odt", "more.zip", "old.pdf"):
        (tmp_path / name).write_bytes(b"%PDF-1.4")
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "b.txt").write_text("Locked.", encoding="utf-8")
    real_scandir = os.scandir

    def scandir(path="."):  # chmod 0 does not stop root, so refuse the folder as the OS would
        if os.fspath(path) == str(locked):
            raise PermissionError(13, "Permission denied", str(locked))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    frame, log = load(tmp_path)
    assert list(frame["doc_id"]) == ["a"]
    found = notes(log)
    assert found["hidden"] == f"2 hidden files or folders not read, e.g. {tmp_path / '.git'}"
    assert found["unreadable_folder"] == f"1 folders that could not be listed, e.g. {locked}: PermissionError: [Errno 13] Permission denied: '{locked}'"
    assert found["ignored_files"] == (
        f"not article files, not read: 1 .odt (e.g. {tmp_path / 'draft.odt'}), 2 .pdf (e.g. {tmp_path / 'old.pdf'}), "
        f"1 .zip (e.g. {tmp_path / 'more.zip'})"
    )


def test_hidden_entries_are_noted(tmp_path):
    (tmp_path / "a.txt").write_text("Body.", encoding="utf-8")
    (tmp_path / ".ipynb_checkpoints").mkdir()
    (tmp_path / ".DS_Store").write_bytes(b"\x00\x00")
    frame, log = load(tmp_path)
    assert list(frame["doc_id"]) == ["a"] and not events(log)
    assert notes(log)["hidden"] == f"2 hidden files or folders not read, e.g. {tmp_path / '.ipynb_checkpoints'}"


def test_fifo_is_skipped_without_opening_it(tmp_path):
    (tmp_path / "a.txt").write_text("Body.", encoding="utf-8")
    os.mkfifo(tmp_path / "b.txt")
    frame, log = load(tmp_path)  # opening the FIFO would block forever
    assert list(frame["doc_id"]) == ["a"]
    assert [(e.action, e.reason, e.source) for e in log.events if e.action != "note"] == [("skipped", "not_regular_file", str(tmp_path / "b.txt"))]


def test_fifo_given_directly_is_skipped(tmp_path):
    os.mkfifo(tmp_path / "b.txt")
    frame, log = load(tmp_path / "b.txt")
    assert frame.empty and events(log) == [("skipped", "not_regular_file")]


def test_dangling_and_looping_links_are_skipped(tmp_path):
    (tmp_path / "a.txt").write_text("Body.", encoding="utf-8")
    (tmp_path / "gone.txt").symlink_to(tmp_path / "nowhere.txt")
    (tmp_path / "loop.txt").symlink_to(tmp_path / "loop.txt")
    frame, log = load(tmp_path)
    assert list(frame["doc_id"]) == ["a"] and events(log) == [("skipped", "unreadable"), ("skipped", "unreadable")]


LOGIN = "<html><head><title>Log in</title></head><body><nav><a href=/>Home</a></nav><form><input name=u><input type=password></form></body></html>"


def test_login_page_is_too_short(tmp_path):
    (tmp_path / "login.html").write_text(LOGIN, encoding="utf-8")
    (tmp_path / "page.html").write_text(HTML, encoding="utf-8")
    frame, log = load(tmp_path)
    assert list(frame["doc_id"]) == ["page"]
    assert [(e.action, e.reason, e.detail) for e in log.events if e.action == "skipped"] == [
        ("skipped", "too_short", "1 words < min_words 20: not an article (a login, index or error page?)")
    ]


def test_min_words_option(tmp_path):
    (tmp_path / "a.txt").write_text("Two words.", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Here are four words.", encoding="utf-8")
    (tmp_path / "login.html").write_text(LOGIN, encoding="utf-8")
    assert list(load(tmp_path)[0]["doc_id"]) == ["a", "b"]  # text files have no minimum by default
    frame, log = load(tmp_path, min_words=3)
    assert list(frame["doc_id"]) == ["b"] and events(log) == [("skipped", "too_short"), ("skipped", "too_short")]
    assert list(load(tmp_path, min_words=0)[0]["doc_id"]) == ["a", "b", "login"]


# --- a reader that fails on one file (install note) --------------------------------------------------


def test_a_reader_failing_on_one_file_is_logged_and_the_load_goes_on(tmp_path, monkeypatch):
    import toolkit.corpus.loaders as loaders

    real = loaders.read_any

    def broken(path, fmt, **kwargs):
        if fmt == "html":
            raise ImportError("lxml.html.clean module is now a separate project lxml_html_clean.\nInstall it.")
        return real(path, fmt, **kwargs)

    monkeypatch.setattr(loaders, "read_any", broken)
    (tmp_path / "a.html").write_text(HTML, encoding="utf-8")
    (tmp_path / "b.txt").write_text("Body.", encoding="utf-8")
    frame, log = load(tmp_path)
    assert list(frame["doc_id"]) == ["b"]
    assert [(e.reason, e.detail) for e in log.events if e.action == "skipped"] == [
        ("reader_error", "ImportError: lxml.html.clean module is now a separate project lxml_html_clean.")
    ]


def test_a_reader_failing_midway_keeps_the_records_before(tmp_path, monkeypatch):
    import toolkit.corpus.loaders as loaders

    real = loaders.read_any

    def failing(path, fmt, **kwargs):
        records = real(path, fmt, **kwargs)
        yield next(records)
        raise RuntimeError("reader bug")

    monkeypatch.setattr(loaders, "read_any", failing)
    (tmp_path / "e.jsonl").write_text("".join(json.dumps({"id": i, "text": f"T{i}."}) + "\n" for i in range(3)), encoding="utf-8")
    frame, log = load(tmp_path)
    assert list(frame["doc_id"]) == ["0"]
    assert [(e.reason, e.detail) for e in log.events if e.action == "skipped"] == [
        ("reader_error", "RuntimeError: reader bug; the 1 records before it were kept")
    ]


def test_html_dependencies_are_installed():
    """trafilatura cleans HTML with lxml_html_clean; pyproject.toml declares it so every install has it."""
    import lxml_html_clean  # noqa: F401


def test_metadata_ambiguity_is_seen_from_a_work_unit_too(tmp_path):
    from toolkit.corpus.loaders import iter_file_articles

    for outlet in ("nyt", "wapo"):
        (tmp_path / outlet).mkdir()
        (tmp_path / outlet / "article1.txt").write_text(f"Text of {outlet}.", encoding="utf-8")
    (tmp_path / "metadata.csv").write_text("file,outlet\narticle1,NYT\n", encoding="utf-8")
    path = tmp_path / "wapo" / "article1.txt"
    log = LoadLog()
    (article,) = iter_file_articles(tmp_path, [(path, "text")], file_ids={path: "wapo/article1"}, log=log)
    assert article.doc_id == "wapo/article1" and article.outlet is None
    assert [e.reason for e in log.events if e.reason.startswith("metadata_")] == ["metadata_ambiguous"]


def test_colliding_stems_with_a_table_in_each_outlet_folder(tmp_path):
    for outlet in ("nyt", "wapo"):
        (tmp_path / outlet / "text").mkdir(parents=True)
        (tmp_path / outlet / "text" / "0001.txt").write_text(f"Text of {outlet}.", encoding="utf-8")
        (tmp_path / outlet / "metadata.tsv").write_text(f"filename\toutlet\n0001\t{outlet.upper()}\n", encoding="utf-8")
    frame, log = load(tmp_path)
    assert dict(zip(frame["doc_id"], frame["outlet"])) == {"nyt/text/0001": "NYT", "wapo/text/0001": "WAPO"}


def test_day_month_order_is_decided_per_file_and_per_metadata_table(tmp_path) -> None:
    """12/10/2016 is October when a later value of the same column (13/10/2016) shows it is day first."""
    (tmp_path / "dates.csv").write_text("id,date,text\nd1,12/10/2016,One two three.\nd2,13/10/2016,Four five six.\n")
    (tmp_path / "us.csv").write_text("id,date,text\nu1,12/10/2016,Seven eight.\nu2,10/13/2016,Nine ten.\n")
    folder = tmp_path / "m"
    folder.mkdir()
    (folder / "a.txt").write_text("Alpha text.")
    (folder / "b.txt").write_text("Beta text.")
    (folder / "metadata.tsv").write_text("stem\tdate\na\t05/10/2016\nb\t25/10/2016\n")
    frame = load_corpus(tmp_path)
    dates = dict(zip(frame["doc_id"], frame["date"].dt.strftime("%Y-%m-%d")))
    assert dates == {"d1": "2016-10-12", "d2": "2016-10-13", "u1": "2016-12-10", "u2": "2016-10-13",
                     "a": "2016-10-05", "b": "2016-10-25"}


@settings(max_examples=1000, deadline=None)
@given(st.lists(st.sampled_from(["[+12 chars]", "[+3 chars] ", " chars]", "[+", "chars", "]", "…", "...", " ", "\n", "\r\n",
                                 "\u2028", "\x1c", "\xa0", "\t", "word", "5"]), max_size=12).map("".join))
def test_newsapi_marker_guard_changes_nothing(text):
    # `_newsapi_text` searches only texts that end with " chars]" (whitespace aside): no other text has the marker.
    from toolkit.corpus.loaders import _NEWSAPI_CUT, _newsapi_text

    found = _NEWSAPI_CUT.search(text)
    expected = text[: found.start()] if found is not None else text
    assert _newsapi_text(text, "content", []) == expected
