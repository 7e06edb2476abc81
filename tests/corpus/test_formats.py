"""Readers: the JSON shapes people have (streamed, limited per article), CSV/TSV pitfalls, cut and hostile files."""

from __future__ import annotations

import gzip
import io
import json

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from toolkit import LoadLog, load_corpus, load_log
from toolkit.corpus.formats import detect_delimiter, format_of, read_json
from toolkit.corpus.jsonstream import ByteStream, Incomplete


def load(path, **options):
    frame = load_corpus(path, **options)
    log = load_log(frame)
    assert log.read == log.loaded + log.skipped == len(frame) + log.skipped
    return frame, log


def outcomes(log: LoadLog) -> list[tuple[str, str, str]]:
    return [(e.action, e.reason, e.location) for e in log.events if e.action != "note"]


def notes(log: LoadLog) -> dict[str, str]:
    return {e.reason: e.detail for e in log.events if e.action == "note"}


# --- JSON shapes (item 12) ---------------------------------------------------------------------------


def test_pretty_printed_single_object_json(tmp_path):
    (tmp_path / "story.json").write_text(json.dumps({"title": "T", "text": "One body.", "date": "2020-01-02"}, indent=2), encoding="utf-8")
    frame, log = load(tmp_path)
    assert list(frame["doc_id"]) == ["story"] and frame.loc[0, "text"] == "One body."
    assert frame.loc[0, "date"] == pd.Timestamp("2020-01-02") and not outcomes(log)


def test_bom_json_array(tmp_path):
    (tmp_path / "items.json").write_bytes(b"\xef\xbb\xbf" + json.dumps([{"id": "a", "text": "Alpha."}, {"id": "b", "text": "Beta."}]).encode())
    frame, log = load(tmp_path)
    assert list(frame["doc_id"]) == ["a", "b"] and list(frame["text"]) == ["Alpha.", "Beta."]
    assert not outcomes(log)


@pytest.mark.parametrize("key", ["articles", "data", "items", "results", "documents"])
def test_wrapped_array(tmp_path, key):
    doc = {"status": "ok", key: [{"text": "First."}, {"text": "Second."}], "count": 2}
    (tmp_path / "w.json").write_text(json.dumps(doc, indent=1), encoding="utf-8")
    frame, log = load(tmp_path)
    assert list(frame["doc_id"]) == ["w:1", "w:2"] and list(frame["text"]) == ["First.", "Second."]
    assert not outcomes(log)
    assert "count, status" in notes(log)["json_wrapper"]


def test_newsapi_response(tmp_path):
    doc = {
        "status": "ok",
        "totalResults": 2,
        "articles": [
            {"source": {"id": "bbc-news", "name": "BBC News"}, "author": "A", "title": "Cut", "description": "Summary.",
             "url": "https://bbc.example/1", "publishedAt": "2024-03-01T10:00:00Z",
             "content": "The minister said the plan was sound and would go ahead… [+2345 chars]"},
            {"source": {"id": None, "name": "Reuters"}, "title": "Only a summary", "description": "A short summary of it.",
             "url": "https://r.example/2", "publishedAt": "2024-03-02T00:00:00Z", "content": None},
        ],
    }
    (tmp_path / "newsapi.json").write_text(json.dumps(doc), encoding="utf-8")
    frame, log = load(tmp_path)
    assert list(frame["outlet"]) == ["BBC News", "Reuters"]
    assert list(frame["date"]) == [pd.Timestamp("2024-03-01 10:00"), pd.Timestamp("2024-03-02")]
    assert list(frame["text"]) == ["The minister said the plan was sound and would go ahead", "A short summary of it."]
    assert frame.loc[0, "description"] == "Summary." and frame.loc[0, "author"] == "A"
    assert not outcomes(log)
    found = [(e.reason, e.location) for e in log.events if e.action == "note" and e.reason != "json_wrapper"]
    assert found == [("truncated_text", "item 1"), ("text_from_description", "item 2")]


def test_large_array_streams_with_a_per_article_limit(tmp_path):
    articles = [{"id": f"n{i}", "text": f"Article {i}. " + "word " * 2200} for i in range(1000)]
    articles[500]["text"] = "x" * 200_000  # one article over the limit
    path = tmp_path / "big.json"
    path.write_text(json.dumps(articles), encoding="utf-8")
    assert path.stat().st_size > 11_000_000
    frame, log = load(tmp_path, max_bytes=100_000)
    assert len(frame) == 999 and frame.loc[0, "doc_id"] == "n0" and frame.loc[998, "doc_id"] == "n999"
    assert outcomes(log) == [("skipped", "too_large", "item 501")]


def test_stream_never_holds_more_than_one_value(tmp_path):
    data = json.dumps([{"text": "a" * 50}] * 200).encode()
    stream = ByteStream(io.BytesIO(data), chunk_bytes=64)
    stream.advance()  # "["
    sizes = []
    while stream.peek() != b"]":
        if stream.peek() == b",":
            stream.advance()
            continue
        sizes.append(len(stream.value(1000)))
        assert len(stream.buf) < 64 + 100  # a chunk plus the unread rest of one value
    assert sizes == [len(json.dumps({"text": "a" * 50}))] * 200


@pytest.mark.parametrize("data", [b'[{"a": "x\\"y", "b": [1, {"c": "]"}]}]', b'{"k": "\\\\"}'])
def test_stream_handles_escapes_across_chunks(data):
    for chunk in (1, 2, 3, 5):
        stream = ByteStream(io.BytesIO(data), chunk_bytes=chunk)
        assert json.loads(stream.value(10_000)) == json.loads(data)


def test_stream_cut_inside_a_value():
    with pytest.raises(Incomplete):
        ByteStream(io.BytesIO(b'[{"text": "cut'), chunk_bytes=4).value(1000)


def test_cut_json_array_keeps_the_items_before(tmp_path):
    full = json.dumps([{"text": f"Item {i}."} for i in range(5)])
    (tmp_path / "cut.json").write_text(full[: full.index("Item 3")], encoding="utf-8")
    frame, log = load(tmp_path)
    assert list(frame["text"]) == ["Item 0.", "Item 1.", "Item 2."]
    assert outcomes(log) == [("skipped", "truncated", "item 4")]


def test_json_format_is_not_jsonl():
    assert format_of(__import__("pathlib").Path("a.json.gz")) == "json"


def test_read_json_scalar_and_garbage_top_level_values(tmp_path):
    path = tmp_path / "odd.json"
    path.write_text('{"text": "Good."}\n42\n', encoding="utf-8")
    log = LoadLog()
    records = list(read_json(path, encoding=None, max_bytes=1000, log=log))
    assert [r.fields for r in records] == [{"text": "Good."}]
    assert [(e.reason, e.location) for e in log.events] == [("invalid_json", "value 2")] and log.read == 2


# --- hostile JSON lines (item 10) --------------------------------------------------------------------


def test_deep_nesting_and_huge_integer_lines_are_skipped(tmp_path):
    lines = [
        json.dumps({"id": "ok1", "text": "First."}),
        '{"id": "deep", "text": "x", "n": ' + "[" * 100_000 + "]" * 100_000 + "}",
        '{"id": "big", "text": "y", "n": ' + "9" * 5000 + "}",
        json.dumps({"id": "ok2", "text": "Last."}),
    ]
    (tmp_path / "hostile.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    frame, log = load(tmp_path)
    assert list(frame["doc_id"]) == ["ok1", "ok2"]
    assert outcomes(log) == [("skipped", "invalid_json", "line 2"), ("skipped", "invalid_json", "line 3")]
    assert "RecursionError" in log.events[0].detail and "4300 digits" in log.events[1].detail


def test_date_that_is_a_list_is_a_note(tmp_path):
    (tmp_path / "d.jsonl").write_text(json.dumps({"id": "a", "text": "Body.", "date": ["2016-01-01", "2016-01-02"]}) + "\n", encoding="utf-8")
    frame, log = load(tmp_path)
    assert list(frame["doc_id"]) == ["a"] and pd.isna(frame.loc[0, "date"])
    assert [(e.action, e.reason, e.location) for e in log.events] == [("note", "unparsed_date", "line 1")]


def _cut_gzip(path, text: str) -> None:
    data = gzip.compress(text.encode("utf-8"))
    path.write_bytes(data[: len(data) // 2])


def test_truncated_jsonl_gz_keeps_the_rows_read(tmp_path):
    rows = "".join(json.dumps({"id": f"r{i}", "text": f"Row {i} {'z' * (i % 7)} text."}) + "\n" for i in range(2000))
    _cut_gzip(tmp_path / "cut.jsonl.gz", rows)
    frame, log = load(tmp_path)
    assert len(frame) > 100 and list(frame["doc_id"]) == [f"r{i}" for i in range(len(frame))]
    truncated = [e for e in log.events if e.reason == "truncated"]
    assert len(truncated) == 1 and truncated[0].action == "skipped" and truncated[0].source.endswith("cut.jsonl.gz")
    assert "EOFError" in truncated[0].detail


def test_truncated_csv_gz_keeps_the_rows_read(tmp_path):
    rows = "id,text\n" + "".join(f"r{i},Row number {i} here.\n" for i in range(3000))
    _cut_gzip(tmp_path / "cut.csv.gz", rows)
    frame, log = load(tmp_path)
    assert len(frame) > 100 and list(frame["doc_id"]) == [f"r{i}" for i in range(len(frame))]
    assert [e.reason for e in log.events if e.action == "skipped"] == ["truncated"]


def test_truncated_text_gz_is_skipped(tmp_path):
    _cut_gzip(tmp_path / "a.txt.gz", "Some words. " * 2000)
    (tmp_path / "b.txt").write_text("Fine.", encoding="utf-8")
    frame, log = load(tmp_path)
    assert list(frame["doc_id"]) == ["b"] and outcomes(log) == [("skipped", "truncated", "")]


# --- CSV and TSV (item 5) ----------------------------------------------------------------------------


def test_tsv_text_starting_with_a_quote_does_not_swallow_rows(tmp_path):
    (tmp_path / "q.tsv").write_text(
        'id\ttext\n1\t"It is over," the minister said.\n2\tSecond row.\n3\t"Third\n', encoding="utf-8"
    )
    frame, log = load(tmp_path)
    assert list(frame["doc_id"]) == ["1", "2", "3"]
    assert list(frame["text"]) == ['"It is over," the minister said.', "Second row.", '"Third']
    assert not outcomes(log)


def test_csv_with_text_twice_uses_the_first_and_says_so(tmp_path):
    (tmp_path / "dup.csv").write_text("id,text,text\n1,First text.,Second text.\n", encoding="utf-8")
    frame, log = load(tmp_path)
    assert frame.loc[0, "text"] == "First text." and frame.loc[0, "text~2"] == "Second text."
    assert outcomes(log) == [("repaired", "duplicate_column", "line 1")]
    assert "'text' appears 2 times" in log.events[0].detail


@pytest.mark.parametrize("delimiter, name", [(";", "semicolons"), ("|", "pipes"), ("\t", "tabs")])
def test_csv_delimiter_detected_from_the_header(tmp_path, delimiter, name):
    (tmp_path / "x.csv").write_text(f"id{delimiter}text{delimiter}date\nk1{delimiter}A body, with a comma.{delimiter}2020-05-06\n", encoding="utf-8")
    frame, log = load(tmp_path)
    assert list(frame["doc_id"]) == ["k1"] and frame.loc[0, "text"] == "A body, with a comma."
    assert frame.loc[0, "date"] == pd.Timestamp("2020-05-06")
    assert f"separated by {name}, not commas" in notes(log)["delimiter"]


def test_one_column_header_hints_at_the_delimiter(tmp_path):
    # A header with no candidate delimiter cannot be split: the missing_text skip says what it saw.
    (tmp_path / "x.csv").write_text("id:text\nk1:Body.\n", encoding="utf-8")
    frame, log = load(tmp_path)
    assert frame.empty and outcomes(log) == [("skipped", "missing_text", "line 2")]
    assert "columns: id:text" in log.events[-1].detail


def test_detect_delimiter():
    assert detect_delimiter("a;b;c", ",") == ";"
    assert detect_delimiter('"x,y";b;c', ",") == ";"  # a comma inside quotes is no delimiter
    assert detect_delimiter("a,b;c", ",") == ","
    assert detect_delimiter("text", ",") == ","
    assert detect_delimiter("a\tb", "\t") == "\t"


@pytest.mark.parametrize("content, detail", [("id,text\n", "only a header (2 columns), no rows"), ("", "empty file: no header, no rows")])
def test_header_only_or_empty_csv_is_noted(tmp_path, content, detail):
    (tmp_path / "h.csv").write_text(content, encoding="utf-8")
    frame, log = load(tmp_path)
    assert frame.empty and log.read == 0 and notes(log)["no_rows"] == detail


def test_json_file_holding_json_lines(tmp_path):
    (tmp_path / "misnamed.json").write_text('{"id": "a", "text": "One."}\n{"id": "b", "text": "Two."}\n', encoding="utf-8")
    frame, log = load(tmp_path)
    assert list(frame["doc_id"]) == ["a", "b"] and not log.events


def test_an_article_with_its_own_items_list_is_not_a_wrapper(tmp_path):
    doc = {"title": "T", "text": "The body.", "items": [{"name": "photo"}]}
    (tmp_path / "one.json").write_text(json.dumps(doc, indent=2), encoding="utf-8")
    frame, log = load(tmp_path)
    assert list(frame["doc_id"]) == ["one"] and frame.loc[0, "items"] == [{"name": "photo"}] and not log.events


def test_jsonl_that_is_a_pretty_printed_wrapper(tmp_path):
    (tmp_path / "w.jsonl").write_text(json.dumps({"articles": [{"text": "A."}, {"text": "B."}]}, indent=2), encoding="utf-8")
    frame, log = load(tmp_path)
    assert list(frame["text"]) == ["A.", "B."] and not outcomes(log)


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False) | st.text(alphabet='ab"\\[]{},: \n\u00e9\u201c', max_size=12),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(alphabet='k"\\]}', max_size=4), inner, max_size=4),
    max_leaves=12,
)


@settings(max_examples=300, deadline=None)
@given(st.lists(json_values, max_size=6), st.integers(1, 9), st.booleans())
def test_stream_reads_every_array_element_as_json_does(items, chunk, indent):
    data = json.dumps(items, indent=2 if indent else None, ensure_ascii=False).encode("utf-8")
    stream = ByteStream(io.BytesIO(data), chunk_bytes=chunk)
    assert stream.peek() == b"["
    stream.advance()
    got = []
    while (char := stream.peek()) != b"]":
        if char == b",":
            stream.advance()
            continue
        got.append(json.loads(stream.value(1 << 20)))
    assert got == items


def test_truncated_json_gz_array_keeps_the_items_read(tmp_path):
    _cut_gzip(tmp_path / "cut.json.gz", json.dumps([{"id": f"r{i}", "text": f"Item {i} {'q' * (i % 5)}."} for i in range(3000)]))
    frame, log = load(tmp_path)
    assert len(frame) > 100 and list(frame["doc_id"]) == [f"r{i}" for i in range(len(frame))]
    assert [(e.reason, e.location) for e in log.events if e.action == "skipped"] == [("truncated", f"item {len(frame) + 1}")]


def test_gz_that_is_not_gzip_is_unreadable(tmp_path):
    (tmp_path / "a.jsonl.gz").write_bytes(b'{"text": "plain, not gzip"}\n')
    (tmp_path / "b.csv.gz").write_bytes(b"text\nplain\n")
    frame, log = load(tmp_path)
    assert frame.empty and [(e.reason, e.detail.split(":")[0]) for e in log.events if e.action == "skipped"] == [
        ("unreadable", "BadGzipFile"),
        ("unreadable", "BadGzipFile"),
    ]
