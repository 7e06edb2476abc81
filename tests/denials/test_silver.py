"""data/denials_silver: well-formed, drawn outside the TRAIN gold, and the numbers the READMEs give."""

from __future__ import annotations

import json

import pytest

from conftest import ROOT, TRAIN_DENIALS as TRAIN_GOLD, TRAIN_TEXTS as TEXTS
from toolkit.evaluation.denials import evaluate_denials, predict_dir, read_gold

SILVER = ROOT / "data" / "denials_silver"
CATEGORIES = {"explicit", "no_evidence", "falsity", "delegitimize", "counter_accusation"}
needs_texts = pytest.mark.skipif(not TEXTS.is_dir(), reason="PolNeAR train texts absent")
needs_gold = pytest.mark.skipif(not (TRAIN_GOLD / "gold.jsonl").is_file(), reason="TRAIN denial gold absent")


def _docs(name: str) -> list[str]:
    return (SILVER / name / "docs.txt").read_text(encoding="utf-8").split()


@pytest.mark.parametrize("name", ["train", "dev", "test", "test_second", "calibration"])
def test_every_record_is_in_the_gold_format_and_its_docs(name: str):
    docs = set(_docs(name))
    for line in (SILVER / name / "gold.jsonl").read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        assert set(record) == {"doc", "start", "end", "text", "category", "denier", "denier_start", "denier_end"}
        assert record["doc"] in docs and record["category"] in CATEGORIES
        assert 0 <= record["start"] < record["end"]
        assert (record["denier"] is None) == (record["denier_start"] is None) == (record["denier_end"] is None)


def test_the_measuring_set_is_apart_from_the_ones_read():
    train, dev, test = set(_docs("train")), set(_docs("dev")), set(_docs("test"))
    assert not (train & dev or train & test or dev & test)
    assert (len(train), len(dev), len(test), len(_docs("calibration"))) == (560, 56, 84, 14)


@needs_gold
def test_dev_and_test_are_outside_the_train_gold_and_calibration_inside():
    gold = set(read_gold(TRAIN_GOLD))
    assert not gold & (set(_docs("train")) | set(_docs("dev")) | set(_docs("test")))
    assert set(_docs("calibration")) <= gold


@needs_gold
@needs_texts
def test_every_polnear_train_article_has_gold_or_silver_denials():
    annotated = set(read_gold(TRAIN_GOLD)) | set(_docs("train")) | set(_docs("dev")) | set(_docs("test"))
    assert annotated == {path.stem for path in TEXTS.glob("*.txt")}


@needs_texts
@pytest.mark.parametrize("name", ["train", "dev", "test", "test_second", "calibration"])
def test_offsets_point_at_the_text(name: str):
    for doc, records in read_gold(SILVER / name).items():
        text = (TEXTS / f"{doc}.txt").read_text(encoding="utf-8")
        for r in records:
            assert text[r["start"]:r["end"]] == r["text"]
            if r["denier"] is not None:
                assert text[r["denier_start"]:r["denier_end"]] == r["denier"]


def test_two_readings_of_the_test_set_agree_as_the_readme_gives():
    first, second = read_gold(SILVER / "test"), read_gold(SILVER / "test_second")
    assert set(first) == set(second)
    row = evaluate_denials(first, second).iloc[0]
    assert (row.tp, row.fp, row.fn) == (117, 28, 23)
    assert (round(row.f1, 3), round(row.category_acc, 3), round(row.denier_acc, 3)) == (0.821, 0.974, 0.983)
    assert "agree at span F1 0.821 (P 0.807,\nR 0.836), category 0.974, denier 0.983" in (
        SILVER / "README.md").read_text(encoding="utf-8")


@needs_gold
def test_the_calibration_agreement_the_readme_gives():
    silver = read_gold(SILVER / "calibration")
    gold = read_gold(TRAIN_GOLD)
    row = evaluate_denials({d: gold[d] for d in silver}, silver).iloc[0]
    assert (row.tp, row.fp, row.fn) == (20, 0, 4)
    assert (round(row.f1, 3), round(row.category_acc, 3), round(row.denier_acc, 3)) == (0.909, 1.0, 0.95)
    assert "1.000, R 0.833, F1 0.909, category 1.000, denier 0.950" in (SILVER / "README.md").read_text(encoding="utf-8")


@needs_texts
@pytest.mark.parametrize("name, counts, f1", [("test", (39, 7, 101), 0.419), ("test_second", (39, 7, 106), 0.408), ("dev", (38, 11, 92), 0.425),
                                             ("train", (354, 153, 575), 0.493)])
def test_the_finder_scores_the_readme_gives(name: str, counts: tuple[int, int, int], f1: float):
    silver = read_gold(SILVER / name)
    row = evaluate_denials(silver, predict_dir(silver, TEXTS)).iloc[0]
    assert (row.tp, row.fp, row.fn) == counts and round(row.f1, 3) == f1
    readme = (ROOT / "README.md").read_text(encoding="utf-8") + (SILVER / "README.md").read_text(encoding="utf-8")
    assert f"{f1:.3f}" in readme
    if name == "test":  # the denials report tells its reader these figures
        notebook = (ROOT / "notebooks" / "03_denials.ipynb").read_text(encoding="utf-8")
        assert f"right about {round(100 * row.precision / 5) * 5}% of the time" in notebook
        assert "about one in four" in notebook and round(row.recall * 4) == 1
