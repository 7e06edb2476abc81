"""Entries derived from gold: the rule (hits, precision, negation, base words), counts, and the shipped regeneration."""

from __future__ import annotations

from importlib import resources

import pytest

from conftest import SILVER_TRAIN, TRAIN_DENIALS, TRAIN_TEXTS, needs_train_denials, printed, script
from toolkit.denials.candidates import features, find_candidates, prior_logit, quote_regions
from toolkit.denials.derivation import (DERIVED_SOURCE, derive_entries, derived_lexicon, entry_counts, total_counts,
                                        written_entries)
from toolkit.denials.lexicon import Entry, Lexicon, parse_lexicon

BASE = parse_lexicon(["deny\tdeny|denied\texplicit\tGUIDELINES.md\tnegatable"])
#: The rule at two gold hits (the shipped MIN_HITS is 3, chosen by TRAIN-fold CV): the mechanism on small examples.
TWO = {"min_hits": 2}


def _gold(texts: dict[str, str], word: str, category: str = "falsity") -> dict[str, list[dict]]:
    """Gold that marks every occurrence of ``word`` in every text."""
    gold: dict[str, list[dict]] = {}
    for doc, text in texts.items():
        gold[doc] = []
        start = text.find(word)
        while start >= 0:
            gold[doc].append({"start": start, "end": start + len(word), "category": category})
            start = text.find(word, start + 1)
    return gold


def _patterns(derived) -> set[str]:
    return {d.entry.pattern for d in derived}


def test_a_wording_marked_twice_with_high_precision_is_derived_with_its_evidence():
    texts = {"a": "Aides called the memo balderdash on Monday.", "b": "It is balderdash, she said."}
    (derived,) = derive_entries(_gold(texts, "balderdash"), texts, BASE, **TWO)
    assert not derive_entries(_gold(texts, "balderdash"), texts, BASE)  # the shipped rule wants a third hit
    assert derived.entry.pattern == "balderdash" and (derived.n, derived.hits) == (2, 2)
    assert derived.entry.category == "falsity" and derived.entry.source.startswith(DERIVED_SOURCE)
    assert derived.entry.negatable


def test_a_wording_seen_once_or_mostly_outside_gold_is_not_derived():
    texts = {"a": "They called it balderdash.", "b": "The weather was fine."}
    assert not derive_entries(_gold(texts, "balderdash"), texts, BASE, **TWO)
    # marked twice, but four more unmarked occurrences: precision 2 / 6 < 0.6
    texts = {"a": "It is balderdash.", "b": "More balderdash.", "c": "balderdash balderdash balderdash balderdash"}
    gold = _gold({k: v for k, v in texts.items() if k != "c"}, "balderdash") | {"c": []}
    assert not derive_entries(gold, texts, BASE, **TWO)
    assert _patterns(derive_entries(gold, texts, BASE, min_precision=0.3, **TWO)) == {"balderdash"}


def test_negated_occurrences_and_words_of_base_entries_do_not_count():
    texts = {"a": "It is balderdash.", "b": "More balderdash.", "c": "This is not balderdash. Nor balderdash."}
    gold = _gold({k: v for k, v in texts.items() if k != "c"}, "balderdash") | {"c": []}
    assert _patterns(derive_entries(gold, texts, BASE, **TWO)) == {"balderdash"}  # 2 of 2: the negated ones are left out
    texts = {"a": "He denied it.", "b": "She denied it too."}
    assert not derive_entries(_gold(texts, "denied"), texts, BASE, **TWO)  # the base lexicon's word


def test_derived_lexicon_replaces_old_derived_entries_and_counts_every_entry():
    old = Entry("d:stale", "stale", "falsity", f"{DERIVED_SOURCE}: 2 of 2")
    lexicon = Lexicon(BASE.entries + (old,))
    assert written_entries(lexicon) == BASE
    texts = {"a": "He denied the balderdash.", "b": "It was balderdash, she denied."}
    gold = _gold(texts, "balderdash")
    derived = derived_lexicon(gold, texts, lexicon, **TWO)
    assert [e.id for e in derived.entries] == ["deny", "d:balderdash"]
    assert [(e.train_n, e.train_hits) for e in derived.entries] == [(2, 0), (2, 2)]
    assert total_counts(entry_counts(gold, texts, derived), leave_out="a") == {"deny": (1, 0), "d:balderdash": (1, 1)}


def test_lexicon_columns_give_counts_and_bad_counts_fail_at_load():
    (entry,) = parse_lexicon(["x\tbogus\tfalsity\tme\t\t8\t0.75"]).entries
    assert (entry.train_n, entry.train_hits) == (8, 6)
    (entry,) = parse_lexicon(["x\tbogus\tfalsity\tme\t"]).entries
    assert (entry.train_n, entry.train_hits) == (None, None)
    with pytest.raises(ValueError, match="train_n"):
        parse_lexicon(["x\tbogus\tfalsity\tme\t\tmany\t0.5"])


def test_prior_is_neutral_without_evidence_and_signed_by_precision():
    assert prior_logit(None, None) == prior_logit(0, 0) == 0.0
    assert prior_logit(10, 9) > prior_logit(2, 2) > 0.0 > prior_logit(10, 1)


def test_sense_features_see_a_legal_frame_and_a_person_after():
    lexicon = parse_lexicon(["libel\tlibel\tdelegitimize\tme\t", "deny\tdenied\texplicit\tme\t"])

    def feats(text: str) -> list[str]:
        (cand,) = find_candidates(text, lexicon)
        return features(text, cand, quote_regions(text))

    assert "legal_b=True" in feats("Blocher was charged with anti-Semitic libel in 1999.")
    assert "legal_b=False" in feats("The ministry called the report libel.")
    assert "n1_obj=True" in feats("Kennedy denied Carter a photograph.")
    assert "n1_obj=False" in feats("Kennedy denied the claims.")


@needs_train_denials
def test_regenerating_the_shipped_lexicon_reproduces_it():
    shipped = resources.files("toolkit").joinpath("data/denials.tsv")
    output = printed(script("derive_denial_lexicon").main,
                     [str(TRAIN_DENIALS), str(TRAIN_TEXTS), str(shipped), "--extra", str(SILVER_TRAIN)])
    assert output == shipped.read_text(encoding="utf-8")


def test_extra_articles_count_toward_precision_but_derive_nothing():
    from toolkit.denials.derivation import merged_gold

    texts = {f"d{i}": ("They called it codswallop." if i < 4 else "It rained on Monday.") for i in range(8)}
    gold = {d: ([{"start": 15, "end": 25, "category": "falsity"}] if d in ("d0", "d1") else []) for d in ("d0", "d1", "d4")}
    extra = {d: ([{"start": 15, "end": 25, "category": "falsity"}] if d in ("d2",) else []) for d in ("d2", "d3", "d5")}
    lexicon = parse_lexicon(["codswallop\tcodswallop\tfalsity\tmine\t"])
    counted = derived_lexicon(gold, texts, lexicon, extra=extra, min_hits=2)
    # counted over the five articles with the word in four: three of them gold
    assert (counted.entry("codswallop").train_n, counted.entry("codswallop").train_hits) == (4, 3)
    # an unknown word gold in two extra articles derives nothing: only the gold derives entries
    lexicon = parse_lexicon(["other\tother\tfalsity\tmine\t"])
    extra = {d: [{"start": 15, "end": 25, "category": "falsity"}] for d in ("d2", "d3")}
    assert [e.id for e in derived_lexicon({"d4": []}, texts, lexicon, extra=extra, min_hits=2).entries] == ["other"]
    with pytest.raises(ValueError, match="d4"):
        merged_gold({"d4": []}, {"d4": []})
