"""Every command checks its --out before reading or writing: never an input, around one or inside one; exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from toolkit.cli.main import main

ARTICLE = "The minister said on Monday that the report was false."


@pytest.fixture
def corpus(tmp_path) -> Path:
    folder = tmp_path / "C"
    folder.mkdir()
    (folder / "a.txt").write_text(ARTICLE, encoding="utf-8")
    return folder


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.mark.parametrize("command", ["quotes", "denials"])
def test_bad_corpus_path_leaves_the_old_output_alone(tmp_path, capsys, command):
    """Recipe 2: `quotes NOSUCHDIR --out old.jsonl` emptied old.jsonl before reporting the bad path."""
    old = tmp_path / "old.jsonl"
    old.write_text('{"doc": "precious"}\n', encoding="utf-8")
    assert main([command, str(tmp_path / "NOSUCHDIR"), "--out", str(old)]) == 2
    assert "no such file or folder" in capsys.readouterr().err
    assert old.read_text(encoding="utf-8") == '{"doc": "precious"}\n'
    assert sorted(p.name for p in tmp_path.iterdir()) == ["old.jsonl"]


@pytest.mark.parametrize(
    "argv",
    [
        ["quotes", "f.jsonl", "--out", "f.jsonl"],
        ["denials", "f.jsonl", "--out", "f.jsonl"],
        ["load", "e.csv", "--out", "e.csv", "--quiet"],
        ["load", "C", "--out", "C/articles.jsonl", "--quiet"],
        ["quotes", "C", "--out", "C/quotes.jsonl"],
        ["quotes", "C", "--metadata", "m.tsv", "--out", "m.tsv"],
        ["extract", "C", "--out", "C", "--quiet"],
        ["extract", "C", "--out", ".", "--quiet"],
        ["extract", "C", "--out", "C/out", "--quiet"],
        ["report", "C", "--out", ".", "--quiet"],
        ["report", "C", "--out", "C", "--quiet"],
    ],
)
def test_output_that_is_around_or_inside_an_input_is_refused(tmp_path, corpus, capsys, monkeypatch, argv):
    """Recipes 1 and 2: `quotes f.jsonl --out f.jsonl` and `load e.csv --out e.csv` overwrote their input."""
    (tmp_path / "f.jsonl").write_text(json.dumps({"id": "x", "text": ARTICLE}) + "\n", encoding="utf-8")
    (tmp_path / "e.csv").write_text(f'id,text\nx,"{ARTICLE}"\n', encoding="utf-8")
    (tmp_path / "m.tsv").write_text("doc_id\toutlet\na\tnyt\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    before = _snapshot(tmp_path)
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: output ") and len(err.strip().splitlines()) == 1
    assert any(phrase in err for phrase in ("is an input", "contains the input", "lies inside the input folder"))
    assert _snapshot(tmp_path) == before


@pytest.mark.parametrize("command", ["load", "quotes", "denials", "extract", "report"])
def test_missing_corpus_exits_2(tmp_path, capsys, command):
    """Recipe 14: a missing corpus exits 2, as the README says, for every command."""
    argv = [command, str(tmp_path / "nope")]
    if command != "load":
        argv += ["--out", str(tmp_path / ("o.jsonl" if command in ("quotes", "denials") else "o"))]
    if command in ("load", "extract", "report"):
        argv.append("--quiet")
    assert main(argv) == 2
    assert "no such file or folder" in capsys.readouterr().err
    assert not (tmp_path / "o").exists() and not (tmp_path / "o.jsonl").exists()


@pytest.mark.parametrize("files", [{}, {"empty.txt": "", "blank.txt": "   \n"}])
def test_report_on_an_empty_or_all_bad_corpus_exits_1(tmp_path, capsys, files):
    """Recipe 14: `report` on an empty or all-bad corpus exited 0 with a 0-article report."""
    corpus = tmp_path / "bad"
    corpus.mkdir()
    for name, text in files.items():
        (corpus / name).write_text(text, encoding="utf-8")
    assert main(["report", str(corpus), "--out", str(tmp_path / "r"), "--quiet"]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"error: no article could be read from {corpus.resolve()}") and "nothing to report" in err
    assert ("2 empty" in err) if files else ("no article file found" in err)
    assert not list((tmp_path / "r").glob("*.html"))


def test_report_refuses_to_delete_the_extraction_it_reads(tmp_path, capsys):
    """Recipe 1: `report X/extraction --out X` deleted X; `report EX --out EX` wrote a 0-article report over EX."""
    from toolkit.pipeline.extraction import extract

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text(ARTICLE, encoding="utf-8")
    extraction = tmp_path / "X" / "extraction"
    extract(corpus, extraction, progress=False)
    before = _snapshot(tmp_path / "X")
    assert main(["report", str(extraction), "--out", str(tmp_path / "X"), "--quiet"]) == 2
    assert "contains the input" in capsys.readouterr().err
    assert main(["report", str(extraction), "--out", str(extraction), "--quiet"]) == 2
    assert "is an input" in capsys.readouterr().err
    assert _snapshot(tmp_path / "X") == before


def test_load_writes_atomically_and_checks_the_format_first(tmp_path, corpus, capsys):
    out = tmp_path / "articles.jsonl"
    assert main(["load", str(corpus), "--quiet", "--out", str(out)]) == 0
    assert (tmp_path / "articles.load_log.jsonl").is_file()
    assert main(["load", str(corpus), "--quiet", "--out", str(tmp_path / "x.xlsx")]) == 2
    assert "unsupported table format" in capsys.readouterr().err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["C", "articles.jsonl", "articles.load_log.jsonl"]


@pytest.mark.parametrize("command", ["quotes", "denials", "load"])
def test_column_without_field_is_a_one_line_error(tmp_path, capsys, command):
    """Issue 12: `--column body_text` (no `=`) ended in a traceback."""
    export = tmp_path / "x.csv"
    export.write_text('id,body_text\n1,"The minister said the report was false."\n', encoding="utf-8")
    with pytest.raises(SystemExit) as stopped:
        main([command, str(export), "--out", str(tmp_path / "out.jsonl"), "--column", "body_text"])
    err = capsys.readouterr().err
    assert stopped.value.code == 2 and "Traceback" not in err
    assert err.splitlines()[-1].endswith("error: argument --column: expects FIELD=COLUMN, got 'body_text' (for the article text: --column text=body_text)")


def test_wrong_text_column_lists_the_exports_columns(tmp_path, capsys):
    """Issue 12: a wrong column name gave "1 skipped (missing_text)" and nothing to go on."""
    export = tmp_path / "x.csv"
    export.write_text('id,body_text,published\n1,"The minister said the report was false.",2016-01-01\n', encoding="utf-8")
    assert main(["quotes", str(export), "--out", str(tmp_path / "q.jsonl"), "--column", "text=bodytext"]) == 1
    err = capsys.readouterr().err
    assert "1 records have no article text" in err and "columns: id, body_text, published" in err
    assert "--column text=COLUMN" in err


@pytest.mark.parametrize("command, fmt", [("quotes", "jsonl"), ("denials", "jsonl"), ("quotes", "csv"), ("denials", "csv")])
def test_out_dash_writes_records_to_stdout_and_the_summary_to_stderr(tmp_path, corpus, capsys, monkeypatch, command, fmt):
    """Issue 12: `quotes` could not write to standard output."""
    monkeypatch.chdir(tmp_path)
    argv = [command, str(corpus), "--out", "-"] + (["--format", "csv"] if fmt == "csv" else [])
    assert main(argv) == 0
    captured = capsys.readouterr()
    lines = captured.out.splitlines()
    if fmt == "jsonl":
        records = [json.loads(line) for line in lines]
        assert records and all(r["doc"] == "a" for r in records)
        assert ARTICLE[records[0]["start"]:records[0]["end"]] == records[0]["text"]
    else:
        assert lines[0].startswith("doc,") and lines[1].startswith("a,")
    assert "written to standard output (1 read, 1 loaded)" in captured.err
    assert not list(tmp_path.glob("-*")) and sorted(p.name for p in tmp_path.iterdir()) == ["C"]


def test_out_dash_into_a_closed_pipe_ends_quietly(tmp_path, corpus):
    """`quotes C --out - | head -1`: the reader stops early; no traceback, no 'Broken pipe' error."""
    import subprocess
    import sys

    for i in range(200):
        (corpus / f"b{i}.txt").write_text(f'"It is false number {i}," the minister said. ' * 20, encoding="utf-8")
    process = subprocess.Popen([sys.executable, "-m", "toolkit", "quotes", str(corpus), "--out", "-"],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=Path(__file__).parents[2])
    first = process.stdout.readline()
    process.stdout.close()
    err = process.stderr.read().decode()
    assert process.wait() == 0 and json.loads(first)["doc"]
    assert "Traceback" not in err and "Broken pipe" not in err


@pytest.mark.parametrize("command", ["load", "quotes", "denials", "extract"])
def test_wrong_text_column_is_named_with_the_columns_and_the_option(tmp_path, capsys, command):
    """Issue 12: "4 skipped (missing_text)" without the file's columns or a word about --column."""
    export = tmp_path / "x.csv"
    export.write_text('id,body_text\n1,"The minister said the report was false."\n', encoding="utf-8")
    argv = [command, str(export), "--column", "text=bodytext"]
    argv += {"load": ["--quiet"], "extract": ["--quiet", "--out", str(tmp_path / "ex")]}.get(command, ["--out", str(tmp_path / "o.jsonl")])
    assert main(argv) == 1
    err = capsys.readouterr().err
    assert "1 records have no article text" in err and "(columns: id, body_text)" in err
    assert "name the text column with --column text=COLUMN" in err
    assert err.splitlines()[-1] == f"error: no article could be read from {export}"


@pytest.mark.parametrize("command", ["quotes", "denials", "extract"])
def test_ambiguous_day_month_date_is_a_note(tmp_path, capsys, command):
    """Issue 12: "03/04/2016" was read as 4 March without a note (day and month both <= 12)."""
    export = tmp_path / "x.csv"
    export.write_text('id,text,date\n1,"The minister said the report was false.",03/04/2016\n', encoding="utf-8")
    out = ["--out", str(tmp_path / ("ex" if command == "extract" else "o.jsonl"))] + (["--quiet"] if command == "extract" else [])
    assert main([command, str(export), *out]) == 0
    err = capsys.readouterr().err
    assert "note: 1 ambiguous_date_order in the load log; " in err
    assert "x.csv:line 2: day and month order unknown (first: '03/04/2016'): read month first" in err


def test_ambiguous_date_is_in_the_load_command_log(tmp_path, capsys):
    export = tmp_path / "x.csv"
    export.write_text('id,text,date\n1,"The minister said the report was false.",03/04/2016\n', encoding="utf-8")
    out = tmp_path / "a.jsonl"
    assert main(["load", str(export), "--quiet", "--out", str(out)]) == 0
    assert "ambiguous_date_order" in capsys.readouterr().out
    assert json.loads(out.read_text(encoding="utf-8"))["date"] == "2016-03-04T00:00:00"
    log = [json.loads(line) for line in (tmp_path / "a.load_log.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [(e["action"], e["reason"]) for e in log] == [("note", "ambiguous_date_order")]
