"""The trained decision: reproducible weights, scores in [0, 1], the min_score threshold, offsets."""

from __future__ import annotations

import math
from importlib import resources

import pytest

from conftest import POLNEAR, REFERENCE, SILVER_TRAIN, TRAIN_DENIALS, TRAIN_TEXTS, needs_train_denials, printed, script
from toolkit.denials.candidates import find_candidates
from toolkit.denials.finder import find_denials
from toolkit.denials.lexicon import default_lexicon, load_lexicon
from toolkit.denials.model import default_model, model_json, read_texts, round_trip, shipped_meta, train, train_on



def _polnear_texts(n: int = 6) -> list[str]:
    folder = POLNEAR / "train" / "text"
    if not folder.is_dir():
        return []
    return [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))[:n]]


@needs_train_denials
def test_retraining_reproduces_the_shipped_weights_byte_for_byte():
    from toolkit.evaluation.denials import read_gold

    shipped = resources.files("toolkit").joinpath("data/denial_model.json").read_text(encoding="utf-8")
    output = printed(script("train_denials").main,
                     [str(TRAIN_DENIALS), str(TRAIN_TEXTS), "--extra", str(SILVER_TRAIN)])
    assert output == shipped
    # the script trains on the gold and the silver articles together, as train_on on their union does
    gold, extra = read_gold(TRAIN_DENIALS), read_gold(SILVER_TRAIN)
    both = {**gold, **extra}
    assert model_json(train_on(both, read_texts(both, TRAIN_TEXTS), meta=shipped_meta(gold, extra))) == shipped
    assert default_model().meta["extra_documents"] == len(extra) > 0


def test_training_is_deterministic_and_learns_the_signal():
    examples = [(["a", "x"], 1), (["a", "y"], 1), (["b", "x"], 0), (["b", "y"], 0)] * 5
    first, second = train(examples, min_count=1), train(examples, min_count=1)
    assert model_json(first) == model_json(second)
    assert first.weights["a"] > 0 > first.weights["b"]
    assert first.score(["a"]) > 0.5 > first.score(["b"])
    assert model_json(round_trip(first)) == model_json(first)


def test_training_on_no_candidates_gives_the_shifted_bias():
    # a gold set so small that no lexicon match occurs in it: a model all the same, scoring by its bias alone
    model = train([], shift=-1.0)
    assert model.weights == {} and model.bias == 1.0 and model.meta["examples"] == 0
    assert model.score(["anything"]) == pytest.approx(1 / (1 + math.exp(-1.0)))


def test_scores_are_in_the_unit_interval_and_min_score_filters():
    texts = [REFERENCE.read_text(encoding="utf-8")] + _polnear_texts()
    for text in texts:
        every = find_denials(text, quotes=[], min_score=0.0)
        default = find_denials(text, quotes=[])
        strict = find_denials(text, quotes=[], min_score=0.9)
        assert all(0.0 <= d.score <= 1.0 for d in every)
        assert all(d.score >= 0.5 for d in default) and all(d.score >= 0.9 for d in strict)
        assert {(d.start, d.end) for d in strict} <= {(d.start, d.end) for d in default}
        assert len(every) >= len(default) >= len(strict)
    # the score ranks: a strict threshold drops candidates somewhere (the default, the best cross-validated F1,
    # keeps nearly every candidate)
    assert any(len(find_denials(t, quotes=[], min_score=0.0)) > len(find_denials(t, quotes=[], min_score=0.9))
               for t in texts)


def test_offsets_of_every_denial_and_denier():
    for text in [REFERENCE.read_text(encoding="utf-8")] + _polnear_texts(10):
        for d in find_denials(text, min_score=0.0):
            assert text[d.start:d.end] == d.text
            if d.denier is not None:
                assert text[d.denier_start:d.denier_end] == d.denier


def test_a_user_entry_unknown_to_the_model_gets_a_score(tmp_path):
    path = tmp_path / "mine.tsv"
    path.write_text("fairy_tale\tfairy tale|tales\tfalsity\tmy reading\t\n", encoding="utf-8")
    text = "The ministry said the report was a fairy tale."
    assert "rule=fairy_tale" not in default_model().weights
    (denial,) = find_denials(text, quotes=[], lexicon=load_lexicon(path, extend=False), min_score=0.0)
    assert denial.rule == "fairy_tale" and 0.0 < denial.score < 1.0


def test_negated_and_other_senses_are_no_candidates():
    lexicon = default_lexicon()
    assert not [c for c in find_candidates("He did not deny the report.", lexicon) if c.rule == "deny"]
    assert not [c for c in find_candidates("He wore false teeth.", lexicon) if c.rule == "false"]


def test_cli_min_score(tmp_path):
    import json

    from conftest import SAMPLE
    from toolkit.cli.main import main

    default, strict = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    assert main(["denials", str(SAMPLE), "--out", str(default)]) == 0
    assert main(["denials", str(SAMPLE), "--out", str(strict), "--min-score", "0.95"]) == 0
    rows = [json.loads(line) for line in default.read_text(encoding="utf-8").splitlines()]
    kept = [json.loads(line) for line in strict.read_text(encoding="utf-8").splitlines()]
    assert all(0.5 <= r["score"] <= 1.0 for r in rows) and all(r["score"] >= 0.95 for r in kept)
    assert len(kept) < len(rows)
