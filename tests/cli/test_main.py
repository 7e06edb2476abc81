"""The command line: subcommands, outputs, and clear errors with non-zero exits."""

from __future__ import annotations

import json
import subprocess
import sys

import pandas as pd
import pytest

from conftest import ROOT, SAMPLE
from toolkit.cli.main import main


def test_help_lists_subcommands():
    result = subprocess.run([sys.executable, "-m", "toolkit", "--help"], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0
    assert "load" in result.stdout and "report" in result.stdout


def test_load_summarises(capsys):
    assert main(["load", str(SAMPLE), "--quiet"]) == 0
    out = capsys.readouterr().out
    assert "4 read, 4 loaded" in out and "RT 1" in out and "2015-12-20 to 2017-09-29" in out


@pytest.mark.parametrize("suffix", [".jsonl", ".csv", ".parquet"])
def test_load_writes_articles_and_log(tmp_path, suffix, capsys):
    out = tmp_path / f"articles{suffix}"
    assert main(["load", str(SAMPLE), "--quiet", "--out", str(out)]) == 0
    frame = {".jsonl": lambda p: pd.read_json(p, lines=True), ".csv": pd.read_csv, ".parquet": pd.read_parquet}[suffix](out)
    assert len(frame) == 4
    assert list(frame.columns[:8]) == ["doc_id", "title", "date", "outlet", "url", "text", "source_path", "related_links"]
    assert (tmp_path / f"articles.load_log{suffix}").is_file()


def test_load_output_is_byte_identical_across_runs(tmp_path):
    for name in ("a.jsonl", "b.jsonl"):
        assert main(["load", str(SAMPLE), "--quiet", "--out", str(tmp_path / name)]) == 0
    assert (tmp_path / "a.jsonl").read_bytes() == (tmp_path / "b.jsonl").read_bytes()
    first = json.loads((tmp_path / "a.jsonl").read_text(encoding="utf-8").splitlines()[0])
    assert first["date"] == "2017-09-29T12:55:00" and first["related_links"]


def test_column_mapping_and_rules_options(tmp_path, capsys):
    export = tmp_path / "e.jsonl"
    export.write_text(json.dumps({"body": "Text.\n\nSponsored by ACME", "headline": "H"}) + "\n", encoding="utf-8")
    rules = tmp_path / "r.jsonl"
    rules.write_text('{"id": "sponsor", "action": "drop", "where": "edge", "pattern": "^Sponsored by .+$"}\n')
    out = tmp_path / "o.jsonl"
    assert main(["load", str(export), "--quiet", "--column", "text=body", "--rules", str(rules), "--out", str(out)]) == 0
    assert json.loads(out.read_text(encoding="utf-8"))["text"] == "Text."


@pytest.mark.parametrize(
    "argv, code, message",
    [
        (["load", "/no/such/path", "--quiet"], 2, "no such file or folder"),
        (["load", "EMPTY", "--quiet"], 1, "no article could be read"),
        (["load", "SAMPLE", "--quiet", "--out", "x.xlsx"], 2, "unsupported table format"),
    ],
)
def test_errors_are_clear(tmp_path, capsys, argv, code, message):
    (tmp_path / "empty").mkdir()
    argv = [{"EMPTY": str(tmp_path / "empty"), "SAMPLE": str(SAMPLE), "x.xlsx": str(tmp_path / "x.xlsx")}.get(a, a) for a in argv]
    assert main(argv) == code
    assert message in capsys.readouterr().err
