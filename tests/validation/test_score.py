"""Scoring coded sheets: known numbers, Wilson intervals, weighting, recall, agreement, and loud coding errors."""

from __future__ import annotations

import json
from dataclasses import asdict

import pandas as pd
import pytest

from conftest import POLNEAR, SHARED
from toolkit.corpus.loadlog import LoadLog
from toolkit.pipeline.dataset import Dataset
from toolkit.validation.sampling import sample, write_sample
from toolkit.validation.scoring import CodingError, format_scores, read_sheet, score
from toolkit.validation.stats import wilson_interval
from validation_fixtures import synthetic_dataset


def coded_sheet(path, codes, *, sizes=None, what="denials"):
    """Write a hand-made coded sheet: `codes` is one (stratum, category, correct, second) tuple per item."""
    second = "correct_category" if what == "denials" else "correct_speaker"
    label = "category" if what == "denials" else "kind"
    rows = []
    for i, (stratum, value, correct, other) in enumerate(codes):
        rows.append({"item_id": f"item{i:02d}", "doc_id": f"doc{i}", "outlet": stratum, "stratum": stratum,
                     "stratum_size": (sizes or {}).get(stratum, 100), "in_sample": "yes", "in_articles": "no",
                     "field": "text", "start": 0, "end": 6, "text": "denied", label: value, "left": "", "right": "",
                     "correct": correct, second: other, "note": "", "coder": "ab"})
    pd.DataFrame(rows).to_csv(path, index=False)
    return path


def test_a_coded_sheet_scores_to_known_numbers(tmp_path):
    # stratum A (100 findings): 4 of 5 correct; stratum B (20 findings): 1 of 5 correct
    codes = [("A", "explicit", "yes", "yes")] * 4 + [("A", "falsity", "no", "")] + \
            [("B", "falsity", "yes", "no")] + [("B", "falsity", "No ", "")] * 4
    sheet = coded_sheet(tmp_path / "s.csv", codes, sizes={"A": 100, "B": 20})
    scores = score(sheet)
    overall = scores.overall()
    assert (overall["n"], overall["correct"], overall["precision"]) == (10, 5, 0.5)
    # Wilson 95% for 5/10: 0.2366 to 0.7634
    assert overall["low"] == pytest.approx(0.2366, abs=1e-4) and overall["high"] == pytest.approx(0.7634, abs=1e-4)
    rows = scores.precision.set_index(["by", "value"])
    assert rows.loc[("stratum", "A"), "precision"] == 0.8 and rows.loc[("stratum", "B"), "precision"] == 0.2
    assert rows.loc[("category", "explicit"), "precision"] == 1.0
    assert rows.loc[("category", "falsity"), "correct"] == 1 and rows.loc[("category", "falsity"), "n"] == 6
    assert (rows.loc[("stratum", "B"), "low"], rows.loc[("stratum", "B"), "high"]) == wilson_interval(1, 5)
    # weighted: 100/120 * 0.8 + 20/120 * 0.2 = 0.7 (not the unweighted 0.5)
    assert scores.weighted["precision"] == pytest.approx(0.7)
    assert scores.sheets[0]["correct_category"] == pytest.approx(4 / 5)
    payload = scores.as_json()
    assert json.loads(json.dumps(payload))["precision"] == 0.5 and payload["ci"] == [0.236593, 0.763407]
    assert payload["by"]["stratum"]["A"]["n"] == 5
    assert "0.500" in format_scores(scores)
    # 30 raw findings at the weighted precision 0.7, no recall measured: 21 true ones
    assert scores.adjusted(30)["estimate"] == pytest.approx(21)
    assert scores.adjusted(30, weighted=False)["estimate"] == pytest.approx(15)


def test_a_malformed_code_is_reported_with_its_row_not_dropped(tmp_path):
    codes = [("A", "explicit", "yes", "")] * 2 + [("A", "explicit", "maybe", "")] + [("A", "explicit", "no", "probably")]
    sheet = coded_sheet(tmp_path / "s.csv", codes)
    with pytest.raises(CodingError) as caught:
        score(sheet)
    message = str(caught.value)
    assert "2 problem(s)" in message
    assert "row 4 (item item02): correct = 'maybe'" in message  # header is row 1: the third item is row 4
    assert "row 5 (item item03): correct_category = 'probably'" in message


def test_uncoded_items_are_counted_not_scored(tmp_path):
    sheet = coded_sheet(tmp_path / "s.csv", [("A", "explicit", "yes", "")] * 3 + [("A", "explicit", "", "")])
    scores = score(sheet)
    assert scores.overall()["n"] == 3
    assert scores.sheets[0]["uncoded"] == 1 and any("1 sampled finding(s)" in n for n in scores.notes)


def test_two_coders_alpha_matches_the_hand_computation(tmp_path):
    """Coder 1: yes yes no no; coder 2: yes no no no. Hand-computed nominal alpha 8/15 (see test_stats)."""
    first = coded_sheet(tmp_path / "a.csv", [("A", "explicit", c, "") for c in ("yes", "yes", "no", "no")])
    second = coded_sheet(tmp_path / "b.csv", [("A", "explicit", c, "") for c in ("yes", "no", "no", "no")])
    table = score([first, second]).agreement.set_index("column")
    assert table.at["correct", "alpha"] == pytest.approx(8 / 15)
    assert table.at["correct", "units"] == 4 and table.at["correct", "percent_agreement"] == 0.75
    assert score(first).agreement.empty


def test_sheets_of_different_finders_are_not_mixed(tmp_path):
    first = coded_sheet(tmp_path / "a.csv", [("A", "explicit", "yes", "")])
    second = coded_sheet(tmp_path / "b.csv", [("A", "direct", "yes", "")], what="quotes")
    with pytest.raises(CodingError, match="different things"):
        score([first, second])


def test_a_sheet_missing_columns_is_refused(tmp_path):
    path = tmp_path / "x.csv"
    pd.DataFrame({"item_id": ["a"], "correct": ["yes"]}).to_csv(path, index=False)
    with pytest.raises(CodingError, match="missing column"):
        read_sheet(path)


@pytest.fixture()
def coded_with_articles(tmp_path):
    data = synthetic_dataset({"A": [3, 2], "B": [2]})
    written = write_sample(sample(data, "denials", 2, seed=0, articles=2), tmp_path / "s.csv")
    sheet = pd.read_csv(written["sheet"], dtype=str, keep_default_na=False)
    sheet["correct"] = "yes"
    sheet.loc[0, "correct"] = "no"
    sheet.to_csv(written["sheet"], index=False)
    return data, written, sheet


def test_recall_from_the_missed_sheet(coded_with_articles):
    data, written, sheet = coded_with_articles
    in_articles = sheet[sheet["in_articles"] == "yes"]
    doc = in_articles["doc_id"].iloc[0]
    missed = pd.DataFrame([
        {"doc_id": doc, "phrase": "claim  0", "occurrence": "", "field": "", "category": "explicit", "note": "", "coder": "ab"},
        {"doc_id": doc, "phrase": "denied", "occurrence": "1", "field": "text", "category": "", "note": "", "coder": "ab"},
    ])
    missed.to_csv(written["missed"], index=False)
    scores = score(written["sheet"], missed=written["missed"])
    found = int((in_articles["correct"] == "yes").sum())
    # "claim  0" is found ignoring case and spacing; "denied" overlaps a finding: noted, not counted
    assert scores.recall["found"] == found and scores.recall["missed"] == 1
    assert scores.recall["articles"] == 2  # the sampled articles, with or without findings or missed rows
    assert scores.recall["recall"] == pytest.approx(found / (found + 1))
    assert (scores.recall["low"], scores.recall["high"]) == wilson_interval(found, found + 1)
    assert any("overlaps the finding" in n and "row 3" in n for n in scores.notes)


def test_a_missed_phrase_not_in_its_article_is_reported(coded_with_articles):
    data, written, sheet = coded_with_articles
    doc = sheet[sheet["in_articles"] == "yes"]["doc_id"].iloc[0]
    pd.DataFrame([{"doc_id": doc, "phrase": "flatly rejected", "occurrence": ""},
                  {"doc_id": "nowhere", "phrase": "denied", "occurrence": ""}]).to_csv(written["missed"], index=False)
    with pytest.raises(CodingError) as caught:
        score(written["sheet"], missed=written["missed"])
    assert "row 2: phrase 'flatly rejected'" in str(caught.value)
    assert "row 3: doc_id 'nowhere' is not one of the sampled articles" in str(caught.value)


DENIAL_GOLD = SHARED / "denials" / "dev"
needs_denial_gold = pytest.mark.skipif(not (DENIAL_GOLD / "gold.jsonl").is_file() or not POLNEAR.is_dir(),
                                       reason=f"denial gold not found at {DENIAL_GOLD}")


@needs_denial_gold
def test_end_to_end_on_polnear_dev_with_the_gold_as_coder(tmp_path):
    """Sample 60 denials of the 30 gold dev articles, code `correct` from the gold (a finding is correct when
    it overlaps a gold phrase), score: the intervals hold the precision `evaluate denials` reports."""
    from toolkit.evaluation.denials import evaluate_denials, predict_dir, read_gold

    gold = read_gold(DENIAL_GOLD)
    text_dir = POLNEAR / "dev" / "text"
    predictions = predict_dir(gold, text_dir, min_score=0.5)
    evaluated = evaluate_denials(gold, predictions).set_index("category").at["all", "precision"]
    articles = pd.DataFrame([{"doc_id": doc, "title": None, "outlet": doc.split("_")[0],
                              "text": (text_dir / f"{doc}.txt").read_text(encoding="utf-8")} for doc in sorted(gold)])
    denials = pd.DataFrame([{"doc_id": doc, "field": "text", **asdict(d)} for doc in sorted(predictions) for d in predictions[doc]])
    data = Dataset(articles, pd.DataFrame(columns=["doc_id", "start", "end"]), denials, LoadLog())
    sheet = sample(data, "denials", 60, seed=0, by="outlet").sheet
    assert len(sheet) == 60 and sheet["stratum"].nunique() == 7
    sheet["correct"] = ["yes" if any(g["start"] < row.end and g["end"] > row.start for g in gold[row.doc_id]) else "no"
                        for row in sheet.itertuples()]
    sheet.to_csv(tmp_path / "coded.csv", index=False)
    scores = score(tmp_path / "coded.csv")
    overall = scores.overall()
    assert overall["n"] == 60
    assert overall["low"] <= evaluated <= overall["high"]
    assert scores.weighted["low"] <= evaluated <= scores.weighted["high"]
