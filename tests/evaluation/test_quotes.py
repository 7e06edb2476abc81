"""Tests for the GGT-style quote evaluation."""

from __future__ import annotations

import math
from dataclasses import dataclass

import pytest

from toolkit.evaluation.brat import GoldAttribution, read_brat_dir
from toolkit.evaluation.quotes import COLUMNS, evaluate_quotes, format_report, is_direct, last_word

from conftest import POLNEAR


@dataclass(frozen=True)
class Quote:
    """Stand-in for the extractor's frozen Quote record."""

    start: int
    end: int
    text: str = ""
    kind: str = ""
    speaker: str | None = None
    speaker_start: int | None = None
    speaker_end: int | None = None
    cue: str | None = None
    cue_start: int | None = None
    cue_end: int | None = None


TEXT = 'Smith said "taxes will fall next year" at noon. Jones argued that the plan was reckless and unfair.'


def span(sub: str, text: str = TEXT) -> tuple[int, int]:
    """Offsets of the unique occurrence of ``sub``."""
    assert text.count(sub) == 1, sub
    start = text.index(sub)
    return (start, start + len(sub))


def gold(gid: str, content: str | None, source: str | None = None, cue: str | None = None) -> GoldAttribution:
    c, s, k = (span(x) if x else None for x in (content, source, cue))
    return GoldAttribution(gid, c, s, k, (c,) if c else (), (s,) if s else (), (k,) if k else ())


def quote(content: str | tuple[int, int], speaker: str | None = None, cue: str | None = None) -> Quote:
    c = span(content) if isinstance(content, str) else content
    s, k = (span(x) if x else (None, None) for x in (speaker, cue))
    return Quote(c[0], c[1], speaker_start=s[0], speaker_end=s[1], cue_start=k[0], cue_end=k[1])


DIRECT = gold("E1", '"taxes will fall next year"', "Smith", "said")
INDIRECT = gold("E2", "the plan was reckless and unfair", "Jones", "argued")


def run(preds, golds, text: str = TEXT, **kw):
    return evaluate_quotes({"doc": list(preds)}, {"doc": (text, list(golds))}, **kw)


def row(df, subset: str, threshold: float) -> dict:
    sel = df[(df.subset == subset) & (df.threshold == threshold)]
    assert len(sel) == 1
    return sel.iloc[0].to_dict()


# --- coverage threshold: gold content is (10, 20) in a neutral text --------------------

PLAIN = "abcdefghij" * 10
G10 = GoldAttribution("E1", (10, 20), None, None, ((10, 20),))


@pytest.mark.parametrize(
    ("pred", "tp_03", "tp_08"),
    [
        pytest.param((10, 20), 1, 1, id="exact"),
        pytest.param((0, 100), 1, 1, id="superset"),
        pytest.param((11, 20), 1, 1, id="0.9"),
        pytest.param((12, 20), 1, 0, id="0.8-is-not-above-0.8"),
        pytest.param((10, 15), 1, 0, id="0.5"),
        pytest.param((10, 14), 1, 0, id="0.4"),
        pytest.param((10, 13), 0, 0, id="0.3-is-not-above-0.3"),
        pytest.param((20, 30), 0, 0, id="adjacent-no-overlap"),
        pytest.param((15, 15), 0, 0, id="empty-pred"),
    ],
)
def test_coverage_threshold(pred: tuple[int, int], tp_03: int, tp_08: int) -> None:
    df = run([Quote(*pred)], [G10], text=PLAIN)
    for thr, tp in ((0.3, tp_03), (0.8, tp_08)):
        r = row(df, "all", thr)
        assert (r["tp"], r["fp"], r["fn"]) == (tp, 1 - tp, 1 - tp)


@pytest.mark.parametrize(
    ("pred", "tp_08"),
    [
        pytest.param((0, 10), 0, id="first-part-only-0.5"),
        pytest.param((0, 22), 0, id="first-part-plus-gap-0.6"),
        pytest.param((0, 28), 1, id="union-0.9"),
    ],
)
def test_discontinuous_gold_uses_union_of_parts(pred: tuple[int, int], tp_08: int) -> None:
    g = GoldAttribution("E1", (0, 30), None, None, ((0, 10), (20, 30)))
    assert row(run([Quote(*pred)], [g], text=PLAIN), "all", 0.8)["tp"] == tp_08


# --- one-to-one matching -----------------------------------------------------------------

@pytest.mark.parametrize(
    ("preds", "golds", "expected"),
    [
        pytest.param([(10, 20), (12, 20)], [(10, 20)], (1, 1, 0), id="two-preds-one-gold"),
        pytest.param([(10, 30)], [(10, 20), (20, 30)], (1, 0, 1), id="one-pred-two-golds"),
        pytest.param([(10, 30), (40, 50)], [(10, 20), (20, 30), (40, 50)], (2, 0, 1), id="mixed"),
        pytest.param([(40, 50), (10, 20)], [(40, 50), (10, 20)], (2, 0, 0), id="unsorted-inputs"),
    ],
)
def test_one_to_one(preds, golds, expected) -> None:
    g = [GoldAttribution(f"E{i}", s, None, None, (s,)) for i, s in enumerate(golds)]
    r = row(run([Quote(*p) for p in preds], g, text=PLAIN), "all", 0.3)
    assert (r["tp"], r["fp"], r["fn"]) == expected


@pytest.mark.parametrize(
    ("preds", "speaker_acc"),
    [
        # Speaker offsets mark which prediction was taken: (0, 5) overlaps the gold source.
        pytest.param([Quote(10, 15, speaker_start=90, speaker_end=95), Quote(10, 20, speaker_start=0, speaker_end=5)],
                     1.0, id="largest-coverage-beats-text-order"),
        pytest.param([Quote(0, 40, speaker_start=90, speaker_end=95), Quote(10, 20, speaker_start=0, speaker_end=5)],
                     1.0, id="tie-goes-to-tighter-prediction"),
        pytest.param([Quote(10, 20, speaker_start=0, speaker_end=5), Quote(10, 20, speaker_start=90, speaker_end=95)],
                     1.0, id="full-tie-goes-to-first"),
    ],
)
def test_tie_rule(preds, speaker_acc: float) -> None:
    g = GoldAttribution("E1", (10, 20), (0, 5), None, ((10, 20),), ((0, 5),))
    r = row(run(preds, [g], text=PLAIN), "all", 0.3)
    assert (r["tp"], r["fp"], r["speaker_acc"]) == (1, 1, speaker_acc)


def test_nested_golds_each_get_their_own_prediction() -> None:
    outer = GoldAttribution("E1", (0, 40), None, None, ((0, 40),))
    inner = GoldAttribution("E2", (10, 20), None, None, ((10, 20),))
    r = row(run([Quote(0, 40), Quote(10, 20)], [inner, outer], text=PLAIN), "all", 0.8)
    assert (r["tp"], r["fp"], r["fn"]) == (2, 0, 0)


# --- subsets and the false-positive exemption ----------------------------------------------

@pytest.mark.parametrize(
    ("preds", "expected"),
    [
        # expected: subset -> (tp, fp, fn) at 0.3
        pytest.param(["the plan was reckless and unfair"],
                     {"all": (1, 0, 1), "direct": (0, 0, 1), "indirect": (1, 0, 0)}, id="indirect-pred-exempt-from-direct"),
        pytest.param(['"taxes will fall next year"'],
                     {"all": (1, 0, 1), "direct": (1, 0, 0), "indirect": (0, 0, 1)}, id="direct-pred-exempt-from-indirect"),
        # "the plan" covers 8/32 = 0.25 of the indirect gold: too little to be exempt.
        pytest.param(["the plan", '"taxes will fall next year"'],
                     {"all": (1, 1, 1), "direct": (1, 1, 0), "indirect": (0, 1, 1)}, id="low-cover-of-other-gold-not-exempt"),
        pytest.param(["the plan was reckless", '"taxes will fall next year"'],
                     {"all": (2, 0, 0), "direct": (1, 0, 0), "indirect": (1, 0, 0)}, id="both-found"),
        pytest.param(["at noon"],
                     {"all": (0, 1, 2), "direct": (0, 1, 1), "indirect": (0, 1, 1)}, id="spurious-counts-everywhere"),
    ],
)
def test_subsets_and_exemption(preds, expected) -> None:
    df = run([quote(p) for p in preds], [DIRECT, INDIRECT])
    for subset, counts in expected.items():
        r = row(df, subset, 0.3)
        assert (r["tp"], r["fp"], r["fn"]) == counts, subset
        assert r["n_pred"] == r["tp"] + r["fp"]
    assert (row(df, "direct", 0.3)["n_gold"], row(df, "indirect", 0.3)["n_gold"]) == (1, 1)


@pytest.mark.parametrize(
    ("content", "direct"),
    [
        pytest.param('"yes"', True, id="straight-double"),
        pytest.param("\u201cyes\u201d", True, id="curly-double"),
        pytest.param("yes\u201d", True, id="closing-curly-only"),
        pytest.param("\u2018yes\u2019", False, id="curly-single"),
        pytest.param("it's", False, id="apostrophe"),
        pytest.param("yes", False, id="none"),
    ],
)
def test_is_direct(content: str, direct: bool) -> None:
    assert is_direct(content) is direct


# --- speaker and cue ---------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("speaker", "gold_source", "right"),
    [
        pytest.param("Smith", "Smith", True, id="exact"),
        pytest.param("Smith said", "Smith", True, id="overlap"),
        pytest.param("said", "Smith", False, id="adjacent-not-overlapping"),
        pytest.param("Jones", "Smith", False, id="wrong"),
        pytest.param(None, "Smith", False, id="missing-speaker"),
        pytest.param(None, None, True, id="no-gold-source-no-speaker"),
        pytest.param("Smith", None, False, id="no-gold-source-but-speaker"),
    ],
)
def test_speaker(speaker: str | None, gold_source: str | None, right: bool) -> None:
    g = gold("E1", '"taxes will fall next year"', gold_source, "said")
    df = run([quote('"taxes will fall next year"', speaker=speaker)], [g])
    assert row(df, "all", 0.3)["speaker_acc"] == float(right)
    assert df.attrs["n_gold_without_source"] == (gold_source is None)


CUE_TEXT = "Smith has SAID: it rained. Smith told me, said."


@pytest.mark.parametrize(
    ("pred_cue", "gold_cue", "right"),
    [
        pytest.param((6, 14), (10, 14), True, id="same-last-word-case-insensitive"),
        pytest.param((6, 15), (10, 14), True, id="trailing-punctuation"),
        pytest.param((33, 37), (10, 14), False, id="different-word"),
        pytest.param((42, 46), (10, 14), True, id="same-word-elsewhere"),
        pytest.param(None, (10, 14), False, id="missing-pred-cue"),
        pytest.param(None, None, True, id="no-gold-cue-no-pred-cue"),
        pytest.param((10, 14), None, False, id="no-gold-cue-but-pred-cue"),
    ],
)
def test_cue_last_word(pred_cue, gold_cue, right: bool) -> None:
    assert CUE_TEXT[10:14] == "SAID" and CUE_TEXT[33:37] == "told" and CUE_TEXT[42:46] == "said"
    g = GoldAttribution("E1", (16, 25), None, gold_cue, ((16, 25),), (), (gold_cue,) if gold_cue else ())
    p = Quote(16, 25, cue_start=pred_cue[0] if pred_cue else None, cue_end=pred_cue[1] if pred_cue else None)
    assert row(run([p], [g], text=CUE_TEXT), "all", 0.3)["cue_acc"] == float(right)


@pytest.mark.parametrize(
    ("text", "word"),
    [("said", "said"), ("has Said.", "said"), ("according to", "to"), (":", None), ("", None), (None, None)],
)
def test_last_word(text: str | None, word: str | None) -> None:
    assert last_word(text) == word


# --- degenerate inputs ----------------------------------------------------------------------

@pytest.mark.parametrize(
    ("preds", "golds", "tp_fp_fn", "p", "r", "f"),
    [
        pytest.param([], [DIRECT, INDIRECT], (0, 0, 2), math.nan, 0.0, 0.0, id="empty-predictions"),
        pytest.param([quote("at noon")], [], (0, 1, 0), 0.0, math.nan, 0.0, id="empty-gold"),
        pytest.param([], [], (0, 0, 0), math.nan, math.nan, math.nan, id="both-empty"),
    ],
)
def test_empty(preds, golds, tp_fp_fn, p, r, f) -> None:
    got = row(run(preds, golds), "all", 0.3)
    assert (got["tp"], got["fp"], got["fn"]) == tp_fp_fn
    for key, want in (("precision", p), ("recall", r), ("f1", f)):
        assert (math.isnan(got[key]) and math.isnan(want)) or got[key] == want, key
    assert math.isnan(got["speaker_acc"]) and math.isnan(got["cue_acc"])


def test_gold_without_content_is_ignored_and_counted() -> None:
    df = run([quote('"taxes will fall next year"')], [DIRECT, GoldAttribution("E9")])
    assert df.attrs["n_gold_without_content"] == 1
    assert row(df, "all", 0.3)["n_gold"] == 1


def test_document_without_predictions_and_unknown_document() -> None:
    df = evaluate_quotes({}, {"doc": (TEXT, [DIRECT])})
    assert row(df, "all", 0.8)["fn"] == 1
    with pytest.raises(ValueError, match="without gold"):
        evaluate_quotes({"other": []}, {"doc": (TEXT, [DIRECT])})


def test_metrics_columns_and_report() -> None:
    df = run([quote('"taxes will fall next year"', "Smith", "said"), quote("at noon")], [DIRECT, INDIRECT])
    assert list(df.columns) == COLUMNS
    assert list(zip(df.subset, df.threshold)) == [
        (s, t) for s in ("all", "direct", "indirect") for t in (0.3, 0.8)
    ]
    r = row(df, "all", 0.8)
    assert (r["precision"], r["recall"], r["f1"]) == (0.5, 0.5, 0.5)
    assert (r["speaker_acc"], r["cue_acc"]) == (1.0, 1.0)
    report = format_report(run([], [DIRECT]))
    assert "indirect" in report and " -" in report and "n_gold_without_content=0" in report
    assert format_report(df) == format_report(run([quote("at noon"), quote('"taxes will fall next year"', "Smith", "said")], [INDIRECT, DIRECT]))


# --- real data sanity ------------------------------------------------------------------------

@pytest.mark.skipif(not POLNEAR.is_dir(), reason="PolNeAR data not available")
def test_gold_as_predictions_is_perfect_on_dev() -> None:
    gold_docs = {stem: (text, attrs) for stem, text, attrs in read_brat_dir(POLNEAR / "dev")}
    preds = {
        stem: [
            Quote(
                a.content[0], a.content[1], text[a.content[0]:a.content[1]], "gold",
                speaker_start=a.source[0] if a.source else None, speaker_end=a.source[1] if a.source else None,
                cue_start=a.cue[0] if a.cue else None, cue_end=a.cue[1] if a.cue else None,
            )
            for a in attrs if a.content is not None
        ]
        for stem, (text, attrs) in gold_docs.items()
    }
    df = evaluate_quotes(preds, gold_docs)
    assert (df[["precision", "recall", "f1", "speaker_acc", "cue_acc"]] == 1.0).all().all()
    assert (df.fp == 0).all() and (df.fn == 0).all()
    assert row(df, "direct", 0.3)["n_gold"] + row(df, "indirect", 0.3)["n_gold"] == row(df, "all", 0.3)["n_gold"]
