"""Denial evaluation: folds by article, cross-validation, bootstrap intervals, the CLI."""

from __future__ import annotations

import random

import pytest

from conftest import POLNEAR, ROOT, SHARED
from toolkit.denials.lexicon import parse_lexicon
from toolkit.evaluation.denials import bootstrap_intervals, cross_validate, evaluate_denials, fold_assignment

TRAIN_GOLD = SHARED / "denials" / "train"


def test_folds_are_deterministic_balanced_and_by_article():
    docs = [f"doc{i:03d}" for i in range(23)]
    folds = fold_assignment(docs, 5)
    shuffled = docs[:]
    random.Random(1).shuffle(shuffled)
    assert fold_assignment(shuffled, 5) == folds
    assert set(folds) == set(docs) and set(folds.values()) == set(range(5))
    sizes = [list(folds.values()).count(k) for k in range(5)]
    assert max(sizes) - min(sizes) <= 1


def test_cross_validation_never_trains_on_the_held_out_article(monkeypatch):
    import toolkit.denials.model as model

    seen = []
    real = model.train_on

    def spy(gold, texts, **kw):
        seen.append(set(gold))
        return real(gold, texts, **kw)

    monkeypatch.setattr(model, "train_on", spy)
    texts = {f"d{i}": t for i, t in enumerate(["He denied the claims.", "That story is a hoax.", "It rained.",
                                                "Moscow called it slander.", "The report is fake news."])}
    gold = {d: [] for d in texts}
    pred = cross_validate(gold, texts, k=5)
    folds = fold_assignment(gold, 5)
    assert len(seen) == 5 and set(pred) == set(gold)
    for fold, trained in enumerate(seen):
        held_out = {d for d in gold if folds[d] == fold}
        assert not trained & held_out and trained | held_out == set(gold)


def _synthetic(n_docs: int = 30, seed: int = 3):
    rng = random.Random(seed)
    gold, pred = {}, {}
    for i in range(n_docs):
        g, p = [], []
        for k in range(rng.randint(0, 4)):
            g.append({"start": k * 100, "end": k * 100 + 5, "category": rng.choice(["explicit", "falsity"]),
                      "denier_start": None, "denier_end": None})
            if rng.random() < 0.6:
                p.append({"start": k * 100 + 1, "end": k * 100 + 4, "category": g[-1]["category"],
                          "denier_start": None, "denier_end": None})
        if rng.random() < 0.4:
            p.append({"start": 50, "end": 55, "category": "explicit", "denier_start": None, "denier_end": None})
        gold[f"d{i}"], pred[f"d{i}"] = g, p
    return gold, pred


def test_bootstrap_interval_contains_the_point_estimate_and_is_deterministic():
    gold, pred = _synthetic()
    table = evaluate_denials(gold, pred).set_index("category")
    intervals = bootstrap_intervals(gold, pred, resamples=300, seed=0).set_index("category")
    assert intervals.equals(bootstrap_intervals(gold, pred, resamples=300, seed=0).set_index("category"))
    for cat in table.index:
        for name in ("precision", "recall", "f1"):
            lo, hi, point = intervals.loc[cat, f"{name}_lo"], intervals.loc[cat, f"{name}_hi"], table.loc[cat, name]
            assert lo <= point <= hi, (cat, name, lo, point, hi)
    assert intervals.loc["all", "f1_lo"] < intervals.loc["all", "f1_hi"]


@pytest.mark.skipif(not (TRAIN_GOLD / "gold.jsonl").is_file() or not (POLNEAR / "train" / "text").is_dir(),
                    reason="TRAIN denial gold absent")
def test_cli_cross_validation(capsys):
    from toolkit.cli.main import main

    assert main(["evaluate", "denials", str(TRAIN_GOLD), str(POLNEAR / "train" / "text"), "--cv", "5",
                 "--bootstrap", "50"]) == 0
    out = capsys.readouterr().out
    assert "5-fold cross-validation" in out and "[" in out and "falsity" in out
    assert main(["evaluate", "denials", str(TRAIN_GOLD), str(POLNEAR / "train" / "text"), "--cv", "1"]) == 2


@pytest.mark.skipif(not (TRAIN_GOLD / "gold.jsonl").is_file() or not (POLNEAR / "train" / "text").is_dir(),
                    reason="TRAIN denial gold absent")
def test_cli_cross_validation_with_extra_training_articles(capsys, tmp_path):
    from toolkit.cli.main import main

    texts, silver = str(POLNEAR / "train" / "text"), str(ROOT / "data" / "denials_silver" / "train")
    assert main(["evaluate", "denials", str(TRAIN_GOLD), texts, "--cv", "5", "--bootstrap", "0",
                 "--train-extra", silver]) == 0
    assert "560 more articles in every fold's training" in capsys.readouterr().out
    # the held-out articles may not be among the extra ones, and the extra ones are for --cv only
    assert main(["evaluate", "denials", str(TRAIN_GOLD), texts, "--cv", "5", "--train-extra", str(TRAIN_GOLD)]) == 2
    assert "are in" in capsys.readouterr().err
    assert main(["evaluate", "denials", str(TRAIN_GOLD), texts, "--train-extra", silver]) == 2
    assert main(["evaluate", "denials", str(TRAIN_GOLD), texts, "--cv", "5", "--train-extra", str(tmp_path)]) == 2


def test_extra_articles_are_in_every_folds_training_and_never_held_out():
    from toolkit.evaluation.denials import fold_models

    texts = {f"d{i}": "They called it codswallop." for i in range(12)}
    span = [{"start": 15, "end": 25, "category": "falsity"}]
    gold = {f"d{i}": [] for i in range(10)}
    extra = {"d10": span, "d11": span}
    held = []
    for _, lexicon, model, held_out in fold_models(gold, texts, k=5, lexicon=parse_lexicon(
            ["codswallop\tcodswallop\tfalsity\tmine\t"]), extra=extra):
        held += held_out
        # eight training gold articles without a denial and the two extra ones with one
        assert (lexicon.entry("codswallop").train_n, lexicon.entry("codswallop").train_hits) == (10, 2)
        assert (model.meta["examples"], model.meta["positives"]) == (10, 2)
    assert sorted(held) == sorted(gold)


def test_lexicon_entries_are_derived_inside_each_fold():
    from toolkit.evaluation.denials import fold_models

    # "codswallop" is gold in three articles: at two hits (the shipped rule wants three), a fold derives it only when
    # two of them are in its training folds
    texts = {f"d{i}": ("They called it codswallop." if i < 3 else "It rained on Monday.") for i in range(10)}
    gold = {d: ([{"start": 15, "end": 25, "category": "falsity"}] if t.startswith("They") else []) for d, t in texts.items()}
    folds = fold_assignment(gold, 5)
    seen = 0
    for fold, lexicon, _, held_out in fold_models(gold, texts, k=5, derive={"min_hits": 2}):
        training = [d for d in ("d0", "d1", "d2") if folds[d] != fold]
        derived = [e for e in lexicon.entries if e.id == "d:codswallop"]
        assert bool(derived) == (len(training) >= 2), fold
        if derived:
            seen += 1
            assert (derived[0].train_n, derived[0].train_hits) == (len(training), len(training))
    assert seen >= 1


def test_auc_and_threshold_curve():
    from toolkit.evaluation.denials import auc, threshold_curve

    assert auc([(0.9, 1), (0.8, 1), (0.2, 0)]) == 1.0
    assert auc([(0.1, 1), (0.8, 0)]) == 0.0
    assert auc([(0.5, 1), (0.5, 0)]) == 0.5
    gold = {"a": [{"start": 0, "end": 5, "category": "falsity"}]}
    pred = {"a": [{"start": 0, "end": 5, "category": "falsity", "score": 0.9},
                  {"start": 10, "end": 15, "category": "falsity", "score": 0.4}]}
    curve = threshold_curve(gold, pred, [0.0, 0.5, 0.95]).set_index("min_score")
    assert list(curve["tp"]) == [1, 1, 0] and list(curve["fp"]) == [1, 0, 0]
    assert curve.loc[0.5, "precision"] == 1.0
