"""Tests for the PolNeAR brat standoff reader."""

from __future__ import annotations

from pathlib import Path

import pytest

from toolkit.evaluation.brat import GoldAttribution, parse_ann, parse_entities, read_brat_dir

from conftest import POLNEAR

BASIC = (
    "T1\tSource 0 5\tSmith\n"
    "T2\tCue 6 10\tsaid\n"
    "T3\tContent 11 20\tit rained\n"
    "T4\tAttribution 6 10\tsaid\n"
    "E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\n"
)


@pytest.mark.parametrize(
    ("ann", "expected"),
    [
        pytest.param(BASIC, [GoldAttribution("E1", (11, 20), (0, 5), (6, 10), ((11, 20),), ((0, 5),), ((6, 10),))], id="basic"),
        pytest.param(
            "T1\tCue 6 10\tsaid\nT2\tContent 11 20\tit rained\n"
            "T3\tAttribution-no-source 6 10\tsaid\n"
            "E1\tAttribution-no-source:T3 Content:T2 Cue:T1\n",
            [GoldAttribution("E1", (11, 20), None, (6, 10), ((11, 20),), (), ((6, 10),))],
            id="no-source",
        ),
        pytest.param(
            "T1\tContent 30 40;0 10\tabcdefghij klmnopqrst\nT2\tAttribution 20 24\tsaid\n"
            "E1\tAttribution:T2 Content:T1\n",
            [GoldAttribution("E1", (0, 40), None, None, ((0, 10), (30, 40)))],
            id="discontinuous-unsorted",
        ),
        pytest.param(
            'T1\tContent 0 5\t"Yes,"\nT2\tContent 20 25\t"now"\nT3\tAttribution 6 10\tsaid\n'
            "E1\tAttribution:T3 Content:T1 Content2:T2\n",
            [GoldAttribution("E1", (0, 25), None, None, ((0, 5), (20, 25)))],
            id="numbered-role-merged",
        ),
        pytest.param(
            BASIC + "E2\tAttribution:T4 Content:T3 Cue:T2\n",
            [GoldAttribution("E1", (11, 20), (0, 5), (6, 10), ((11, 20),), ((0, 5),), ((6, 10),))],
            id="subsumed-duplicate-dropped",
        ),
        pytest.param(
            "E1\tAttribution:T4 \n" + BASIC.replace("E1", "E2"),
            [GoldAttribution("E2", (11, 20), (0, 5), (6, 10), ((11, 20),), ((0, 5),), ((6, 10),))],
            id="empty-duplicate-dropped",
        ),
        pytest.param(
            "T1\tAttribution 0 4\tsaid\nE1\tAttribution:T1 \n",
            [GoldAttribution("E1")],
            id="lone-empty-event-kept",
        ),
        pytest.param(
            BASIC + "#1\tAnnotatorNotes T3\ta note\nT5\tDiscuss 30 35\tthink\n",
            [GoldAttribution("E1", (11, 20), (0, 5), (6, 10), ((11, 20),), ((0, 5),), ((6, 10),))],
            id="notes-and-discuss-ignored",
        ),
        pytest.param(
            "T1\tSource 0 5\tSmith\nT2\tAttribution 6 10\tsaid\nE1\tAttribution:T2 Content:T1\n",
            [GoldAttribution("E1", (0, 5), None, None, ((0, 5),))],
            id="event-role-wins-over-entity-type",
        ),
        pytest.param("", [], id="empty"),
    ],
)
def test_parse_ann(ann: str, expected: list[GoldAttribution]) -> None:
    assert parse_ann(ann) == expected


@pytest.mark.parametrize(
    ("ann", "tid", "text"),
    [
        pytest.param("T1\tContent 0 9\tit rained\n", "T1", "it rained", id="single-line"),
        pytest.param("T1\tContent 0 3;5 14\tab\n\nThe rest\nT2\tCue 1 2\tb\n", "T1", "ab\n\nThe rest", id="multi-line"),
        pytest.param("T1\tContent 0 3\tab\n\n", "T1", "ab\n", id="text-ending-in-newline"),
        pytest.param("T1\tContent 0 9\tit rained", "T1", "it rained", id="no-final-newline"),
    ],
)
def test_parse_entities_text(ann: str, tid: str, text: str) -> None:
    assert parse_entities(ann)[tid].text == text


def test_multi_line_entity_does_not_swallow_next_record() -> None:
    ann = "T1\tContent 0 3;5 14\tab\n\nThe rest\n" + BASIC.replace("T1\t", "T9\t").replace("Source:T1", "Source:T9")
    assert [a.id for a in parse_ann(ann)] == ["E1"]
    assert set(parse_entities(ann)) == {"T1", "T2", "T3", "T4", "T9"}


def test_read_brat_dir_sorted(tmp_path: Path) -> None:
    (tmp_path / "text").mkdir()
    (tmp_path / "attributions").mkdir()
    for stem in ("b", "a"):
        (tmp_path / "text" / f"{stem}.txt").write_text("Smith said it rained.", encoding="utf-8")
        (tmp_path / "attributions" / f"{stem}.ann").write_text(BASIC, encoding="utf-8")
    docs = list(read_brat_dir(tmp_path))
    assert [d[0] for d in docs] == ["a", "b"]
    assert docs[0][1] == "Smith said it rained."
    assert docs[0][2][0].content == (11, 20)


@pytest.mark.skipif(not POLNEAR.is_dir(), reason="PolNeAR data not available")
@pytest.mark.parametrize(("split", "n_attr"), [("dev", 2192), ("train", 19833)])
def test_real_entity_texts_match_article(split: str, n_attr: int) -> None:
    """Every brat entity text equals the article slice(s) (fragments joined by a space)."""
    n_entities = 0
    for ann_path in sorted((POLNEAR / split / "attributions").glob("*.ann")):
        text = (POLNEAR / split / "text" / f"{ann_path.stem}.txt").open(encoding="utf-8", newline="").read()
        for ent in parse_entities(ann_path.open(encoding="utf-8", newline="").read()).values():
            n_entities += 1
            assert " ".join(text[s:e] for s, e in ent.parts) == ent.text, (ann_path.stem, ent.id)
    assert n_entities > 0
    docs = list(read_brat_dir(POLNEAR / split))
    assert [d[0] for d in docs] == sorted(d[0] for d in docs)
    assert sum(len(d[2]) for d in docs) == n_attr
