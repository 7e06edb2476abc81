"""Table writing: three formats, list cells, missing values, identical bytes on a second write."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from toolkit.io.tables import write_table


@pytest.fixture
def frame():
    df = pd.DataFrame({"doc_id": ["a", "b"], "date": pd.to_datetime(["2017-09-29 12:55", None]),
                       "links": [["x", "y"], []], "n": [1, 2]})
    df.attrs["load_log"] = object()  # not table data: must not break Parquet
    return df


@pytest.mark.parametrize("suffix", [".jsonl", ".csv", ".parquet"])
def test_round_trip_and_identical_bytes(tmp_path, frame, suffix):
    first, second = write_table(frame, tmp_path / f"a{suffix}"), write_table(frame, tmp_path / f"b{suffix}")
    assert first.read_bytes() == second.read_bytes()


def test_jsonl_values(tmp_path, frame):
    rows = [json.loads(line) for line in write_table(frame, tmp_path / "t.jsonl").read_text().splitlines()]
    assert rows[0] == {"doc_id": "a", "date": "2017-09-29T12:55:00", "links": ["x", "y"], "n": 1}
    assert rows[1]["date"] is None and rows[1]["links"] == []


def test_csv_lists_as_json(tmp_path, frame):
    back = pd.read_csv(write_table(frame, tmp_path / "t.csv"))
    assert json.loads(back.loc[0, "links"]) == ["x", "y"] and back.loc[0, "date"] == "2017-09-29T12:55:00"


def test_unknown_format(tmp_path, frame):
    with pytest.raises(ValueError, match="unsupported table format"):
        write_table(frame, tmp_path / "t.xlsx")


@pytest.mark.parametrize("suffix", [".jsonl", ".csv"])
def test_record_writer_streams_in_field_order(tmp_path, suffix):
    from toolkit.io.tables import RecordWriter

    with RecordWriter(tmp_path / f"r{suffix}", ["doc", "start", "links"]) as out:
        out.write({"start": 3, "doc": "a", "ignored": 1, "links": ["x"]})
        out.write({"doc": "b"})
    assert out.count == 2
    text = (tmp_path / f"r{suffix}").read_text(encoding="utf-8")
    if suffix == ".csv":
        assert text == 'doc,start,links\na,3,"[""x""]"\nb,,\n'
    else:
        assert [json.loads(line) for line in text.splitlines()] == [
            {"doc": "a", "start": 3, "links": ["x"]}, {"doc": "b", "start": None, "links": None}]


def test_record_writer_keeps_the_old_file_when_the_run_fails(tmp_path):
    from toolkit.io.tables import RecordWriter

    old = tmp_path / "old.jsonl"
    old.write_text('{"doc": "kept"}\n', encoding="utf-8")
    with pytest.raises(FileNotFoundError):
        with RecordWriter(old, ["doc"]) as out:
            out.write({"doc": "new"})
            raise FileNotFoundError("NOSUCHDIR")
    assert old.read_text(encoding="utf-8") == '{"doc": "kept"}\n'
    assert [p.name for p in tmp_path.iterdir()] == ["old.jsonl"]


def test_parquet_column_mixing_text_and_lists(tmp_path):
    """Recipe: `load --out a.parquet` with a metadata column holding text in one row and a list in another."""
    frame = pd.DataFrame({"doc_id": ["a", "b", "c"], "tags": ["x", ["y", "z"], None], "n": [1, "two", 3]})
    back = pd.read_parquet(write_table(frame, tmp_path / "a.parquet"))
    assert list(back["tags"][:2]) == ["x", '["y", "z"]'] and pd.isna(back["tags"][2])
    assert list(back["n"]) == ["1", "two", "3"]
    assert list(back["doc_id"]) == ["a", "b", "c"]
