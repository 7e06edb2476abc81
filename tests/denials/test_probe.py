"""scripts/probe_negated_clauses.py: the features of a negated clause, and the README's round-8 numbers."""

from __future__ import annotations

from conftest import TRAIN_DENIALS, TRAIN_TEXTS, needs_train_denials, printed, script

probe = script("probe_negated_clauses")


def _features(text: str, clause: str, verb: str, negator: str, found: list[tuple[int, int]] | None = None) -> list[str]:
    start = text.index(clause)
    return probe.clause_features(text, start, start + len(clause), verb, negator, probe.quote_regions(text),
                                 found or [])


def test_a_reported_denial_of_ones_own_act():
    text = "Critics accused him of grabbing her. He said he had never touched anyone."
    feats = _features(text, "never touched", "touched", "never")
    for f in ("reported=True", "reported_pronoun=True", "subject=aux", "verb=ed", "any_after=True",
              "accusation_before=True", "quoted=False", "modal=False"):
        assert f in feats


def test_a_first_person_quote_and_a_mental_verb():
    text = "“I don't think that will happen,” she said, and the report was false."
    found = [(text.index("false"), text.index("false") + 5)]
    feats = _features(text, "don't think", "think", "do", found)
    for f in ("first_in_quote=True", "verb=mental", "denial_near=True", "accusation_before=False"):
        assert f in feats


def test_a_modal_is_marked():
    feats = _features("They could not win the state.", "could not win", "win", "could")
    assert "modal=True" in feats and "subject=third" in feats


@needs_train_denials
def test_the_readme_numbers_are_what_the_probe_prints():
    output = printed(probe.main, [TRAIN_DENIALS, TRAIN_TEXTS])
    assert "negated clauses not already found: 820, 35 in a gold denial" in output
    assert "  20: 4\n  40: 11\n" in output
    assert "same paragraph (not modal, not a mental verb): 7 of 30" in output
    assert "'any' after (not modal, not a mental verb): 4 of 23" in output
    assert "'don't think/believe' inside a quote: 5 of 17" in output
