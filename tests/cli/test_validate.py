"""``validate sample`` and ``validate score`` from the command line: outputs, JSON, exits on bad input."""

from __future__ import annotations

import json

import pandas as pd

from conftest import SAMPLE
from toolkit.cli.main import main


def _sample(tmp_path, name="sheet.csv", *extra):
    out = tmp_path / name
    code = main(["validate", "sample", str(SAMPLE), "--what", "denials", "--n", "6", "--seed", "2",
                 "--articles", "2", "--out", str(out), *extra])
    return code, out


def test_sample_writes_sheet_readme_and_articles_reproducibly(tmp_path, capsys):
    code, out = _sample(tmp_path)
    assert code == 0
    assert "6 of" in capsys.readouterr().out
    sheet = pd.read_csv(out, dtype=str, keep_default_na=False)
    assert (sheet["in_sample"] == "yes").sum() == 6
    assert (tmp_path / "sheet.README.md").is_file() and (tmp_path / "sheet.articles" / "missed.csv").is_file()
    code, again = _sample(tmp_path, "again.csv")
    assert code == 0 and again.read_bytes() == out.read_bytes()


def test_score_prints_json_with_precision_interval_and_recall(tmp_path, capsys):
    _, out = _sample(tmp_path)
    sheet = pd.read_csv(out, dtype=str, keep_default_na=False)
    sheet["correct"] = ["no" if i % 2 else "yes" for i in range(len(sheet))]
    sheet.to_csv(out, index=False)
    second = tmp_path / "second.csv"
    sheet.assign(correct="yes").to_csv(second, index=False)
    capsys.readouterr()
    assert main(["validate", "score", str(out), str(second), "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    sampled = sheet[sheet["in_sample"] == "yes"]
    assert result["n"] == 6 and result["precision"] == round((sampled["correct"] == "yes").mean(), 6)
    assert result["ci"][0] < result["precision"] < result["ci"][1]
    assert result["recall"]["missed"] == 0  # the articles' missed sheet beside the first sheet is found
    assert set(result["alpha"]) == {"correct", "correct_category"}
    assert result["alpha"]["correct"]["units"] == len(sheet)
    assert main(["validate", "score", str(out)]) == 0
    assert "Wilson 95%" in capsys.readouterr().out


def test_score_reports_a_malformed_code_and_exits_2(tmp_path, capsys):
    _, out = _sample(tmp_path)
    sheet = pd.read_csv(out, dtype=str, keep_default_na=False)
    sheet.loc[1, "correct"] = "maybe"
    sheet.to_csv(out, index=False)
    capsys.readouterr()
    assert main(["validate", "score", str(out)]) == 2
    assert f"row 3 (item {sheet.at[1, 'item_id']}): correct = 'maybe'" in capsys.readouterr().err


def test_sample_refuses_an_output_inside_the_corpus(capsys):
    assert main(["validate", "sample", str(SAMPLE), "--what", "quotes", "--n", "3", "--out", str(SAMPLE / "s.csv")]) == 2
    assert "inside the input folder" in capsys.readouterr().err
    assert not (SAMPLE / "s.csv").exists()


def test_sample_of_a_missing_corpus_exits_2(tmp_path, capsys):
    assert main(["validate", "sample", str(tmp_path / "nope"), "--what", "quotes", "--n", "3", "--out", str(tmp_path / "s.csv")]) == 2
    assert not (tmp_path / "s.csv").exists()
