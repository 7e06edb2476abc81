"""Drawing the coding sheet: reproducible by seed, stratified, stable item ids, offsets that hold, articles marked."""

from __future__ import annotations

import pandas as pd
import pytest

from conftest import SAMPLE
from toolkit.io.outputs import OutputError
from toolkit.validation.sampling import (
    allocate,
    draw_sample,
    findings_table,
    item_id,
    marked,
    sample,
    write_sample,
)
from validation_fixtures import synthetic_dataset

SIZES = {"A": [5, 5, 5, 5], "B": [3], "C": [4, 4, 2]}  # denials in the text: A 20, B 3, C 10; titles add 1 each


@pytest.fixture(scope="module")
def data():
    return synthetic_dataset(SIZES)


def test_same_seed_same_sheet_other_seed_other_sheet(data):
    first = sample(data, "denials", 12, seed=3).sheet
    again = sample(data, "denials", 12, seed=3).sheet
    other = sample(data, "denials", 12, seed=4).sheet
    pd.testing.assert_frame_equal(first, again)
    assert set(first["item_id"]) != set(other["item_id"])


def test_sheet_is_byte_identical_across_runs(data, tmp_path):
    for name in ("a.csv", "b.csv"):
        write_sample(sample(data, "denials", 12, seed=3, articles=2), tmp_path / name)
    assert (tmp_path / "a.csv").read_bytes() == (tmp_path / "b.csv").read_bytes()
    assert (tmp_path / "a.articles" / "texts.jsonl").read_bytes() == (tmp_path / "b.articles" / "texts.jsonl").read_bytes()


def test_equal_allocation_counts_per_stratum(data):
    sheet = sample(data, "denials", 15, seed=0).sheet
    # A has 21 denials, B 4, C 11: 15 split equally is 5 each; B can give only 4, its one left goes to A
    counts = sheet.groupby("stratum").size().to_dict()
    assert counts == allocate({"A": 21, "B": 4, "C": 11}, 15)
    assert counts == {"A": 6, "B": 4, "C": 5}
    assert sheet.groupby("stratum")["stratum_size"].first().to_dict() == {"A": 21, "B": 4, "C": 11}


def test_allocation_by_hand():
    # equal: 5 each, B can take only 3, its 2 left go to A then C (name order)
    assert allocate({"A": 20, "B": 3, "C": 10}, 15) == {"A": 6, "B": 3, "C": 6}
    # proportional: quotas 6.67, 1, 3.33 -> 6, 1, 3 and the one left to the largest fraction (A)
    assert allocate({"A": 20, "B": 3, "C": 10}, 11, "proportional") == {"A": 7, "B": 1, "C": 3}
    assert allocate({"A": 2, "B": 3}, 10) == {"A": 2, "B": 3}
    with pytest.raises(ValueError):
        allocate({"A": 2}, -1)


def test_a_strata_draw_does_not_depend_on_the_other_strata(data):
    """Each stratum draws from its own stream: adding an outlet leaves the other outlets' items as they were."""
    findings = findings_table(data, "denials")
    without_c = findings[findings["stratum"] != "C"]
    both = draw_sample(findings, 8, seed=1)
    fewer = draw_sample(without_c, 6, seed=1)  # A draws 3 either way (checked below)
    assert allocate(findings["stratum"].value_counts().to_dict(), 8)["A"] == 3
    assert allocate(without_c["stratum"].value_counts().to_dict(), 6)["A"] == 3
    assert list(both[both["stratum"] == "A"]["item_id"]) == list(fewer[fewer["stratum"] == "A"]["item_id"])


def test_item_ids_are_stable_and_hash_where_and_what(data):
    sheet = sample(data, "denials", 40, seed=0).sheet
    assert sheet["item_id"].is_unique
    for row in sheet.to_dict(orient="records"):
        assert row["item_id"] == item_id(row["doc_id"], row["field"], row["start"], row["end"], "denials")
    assert item_id("d", "text", 1, 5, "denials") != item_id("d", "text", 1, 5, "quotes")
    assert item_id("d", "text", 1, 5, "denials") != item_id("d", "title", 1, 5, "denials")
    other = sample(data, "denials", 40, seed=9).sheet  # a census: every seed draws all items, same ids
    assert set(other["item_id"]) == set(sheet["item_id"])


def test_offsets_point_into_the_field_they_name(data):
    sheet = sample(data, "denials", 40, seed=0).sheet
    articles = data.articles.set_index("doc_id")
    assert set(sheet["field"]) == {"text", "title"}
    for row in sheet.to_dict(orient="records"):
        assert articles.at[row["doc_id"], row["field"]][row["start"]:row["end"]] == row["text"]
        assert articles.at[row["doc_id"], row["field"]][:row["start"]].endswith(row["left"][-5:])


def test_quote_sheet_has_the_quote_fields_and_coding_columns(data):
    sheet = sample(data, "quotes", 5, seed=0).sheet
    assert {"kind", "speaker", "correct", "correct_speaker", "note", "coder"} <= set(sheet.columns)
    assert "correct_category" not in sheet.columns
    assert (sheet[["correct", "correct_speaker", "note", "coder"]] == "").all().all()


def test_unknown_stratum_column_is_refused(data):
    with pytest.raises(ValueError, match="not an article column"):
        sample(data, "denials", 5, by="country")


def test_articles_add_all_their_findings_and_a_marked_file(data, tmp_path):
    result = sample(data, "denials", 3, seed=2, articles=3)
    assert len(result.articles) == 3 and set(result.articles["stratum"]) == {"A", "B", "C"}
    chosen = set(result.articles["doc_id"])
    everything = findings_table(data, "denials")
    in_articles = result.sheet[result.sheet["in_articles"] == "yes"]
    assert set(in_articles["item_id"]) == set(everything[everything["doc_id"].isin(chosen)]["item_id"])
    assert (result.sheet["in_sample"] == "yes").sum() == 3
    written = write_sample(result, tmp_path / "sheet.csv")
    folder = written["articles"]
    assert (tmp_path / "sheet.README.md").read_text().count("GUIDELINES.md") >= 1
    assert list(pd.read_csv(folder / "missed.csv").columns)[:2] == ["doc_id", "phrase"]
    first = sorted(folder.glob("0*.txt"))[0].read_text()
    assert "[[denied]]" in first


def test_marks_nest_and_touch():
    assert marked("abcdef", [(1, 3), (3, 5)]) == "a[[bc]][[de]]f"
    assert marked("abcdef", [(0, 6), (2, 4)]) == "[[ab[[cd]]ef]]"


def test_an_output_inside_the_corpus_is_refused(tmp_path):
    with pytest.raises(OutputError):
        write_sample(sample(synthetic_dataset({"A": [1]}), "denials", 1), SAMPLE / "sheet.csv", inputs=[SAMPLE])
    assert not (SAMPLE / "sheet.csv").exists()


def test_raw_corpus_sample_holds_real_offsets():
    result = sample(SAMPLE, "quotes", 6, seed=0, by="outlet")
    assert (result.sheet["in_sample"] == "yes").sum() == 6
    assert result.sheet["stratum"].nunique() >= 2
