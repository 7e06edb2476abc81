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


# --- persons: --aliases and --gender on quotes, extract and report (tests/people_corpus.py) -----------------------


@pytest.fixture
def people_files(tmp_path):
    import people_corpus as expected

    corpus = expected.write_corpus(tmp_path / "corpus")
    aliases = tmp_path / "aliases.csv"
    aliases.write_text(expected.ALIASES, encoding="utf-8")
    bad = tmp_path / "bad.csv"
    bad.write_text("surface,person\nClinton;Hillary Clinton\n", encoding="utf-8")
    return corpus, aliases, bad


def test_quotes_command_writes_persons_aliases_and_gender(people_files, tmp_path, capsys):
    import people_corpus as expected

    corpus, aliases, bad = people_files
    out = tmp_path / "quotes.csv"
    assert main(["quotes", str(corpus), "--out", str(out)]) == 0
    plain = pd.read_csv(out)
    assert list(plain.columns[-2:]) == ["person", "speaker_kind"] and list(plain["person"]) == expected.persons()
    assert main(["quotes", str(corpus), "--out", str(out), "--aliases", str(aliases), "--gender"]) == 0
    aliased = pd.read_csv(out)
    assert list(aliased["person"]) == expected.persons(aliased=True)
    assert list(aliased["gender_guess"])[3:] == [q[4] for q in expected.QUOTES][3:]
    capsys.readouterr()
    assert main(["quotes", str(corpus), "--out", str(out), "--aliases", str(bad)]) == 2
    assert "bad.csv, line 2: expected 'surface form,person'" in capsys.readouterr().err
    assert list(pd.read_csv(out)["person"]) == expected.persons(aliased=True)  # the previous output stays


def test_denials_command_writes_deniers_as_persons(people_files, tmp_path, capsys):
    import people_corpus as expected

    corpus, aliases, bad = people_files
    out = tmp_path / "denials.csv"
    assert main(["denials", str(corpus), "--out", str(out), "--aliases", str(aliases), "--gender"]) == 0
    found = pd.read_csv(out)
    assert list(found.columns[-3:]) == ["person", "speaker_kind", "gender_guess"]
    assert [tuple(r) for r in found[["doc", "denier", "person"]].itertuples(index=False)] == expected.DENIALS
    capsys.readouterr()
    assert main(["denials", str(corpus), "--out", str(out), "--aliases", str(bad)]) == 2
    assert "bad.csv, line 2" in capsys.readouterr().err and len(pd.read_csv(out)) == len(expected.DENIALS)


def test_extract_command_takes_aliases_and_gender(people_files, tmp_path, capsys):
    import people_corpus as expected
    from toolkit.pipeline.extraction import read_table

    corpus, aliases, bad = people_files
    assert main(["extract", str(corpus), "--out", str(tmp_path / "bad"), "--aliases", str(bad), "--quiet"]) == 2
    assert "line 2" in capsys.readouterr().err and not (tmp_path / "bad").exists()
    assert main(["extract", str(corpus), "--out", str(tmp_path / "o"), "--aliases", str(aliases), "--gender", "--quiet"]) == 0
    quotes = read_table(tmp_path / "o", "quotes")
    assert list(quotes["person"]) == expected.persons(aliased=True) and "gender_guess" in quotes


def test_report_command_passes_aliases_and_gender_to_the_notebook(people_files, tmp_path, capsys):
    corpus, aliases, bad = people_files
    out = tmp_path / "report"
    assert main(["report", str(corpus), "--out", str(out), "--aliases", str(bad), "--quiet"]) == 2
    assert "line 2" in capsys.readouterr().err and not out.exists()
    argv = ["report", str(corpus), "--notebooks", "02_quotes", "--aliases", str(aliases), "--quiet"]
    assert main([*argv, "--out", str(out)]) == 0
    assert not (out / "tables" / "quotes_by_gender.csv").exists()  # gender is off by default
    people = pd.read_csv(out / "tables" / "people.csv")
    assert "Clinton" not in set(people["person"]) and "alias" in people.set_index("person").loc["Hillary Clinton", "merge"]
    assert main([*argv, "--gender", "--out", str(tmp_path / "with-gender")]) == 0
    shares = pd.read_csv(tmp_path / "with-gender" / "tables" / "quotes_by_gender.csv")
    assert list(shares["gender_guess"]) == ["female", "male", "unknown"] and list(shares["count"]) == [3, 4, 2]
