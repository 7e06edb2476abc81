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
