"""Train the denial finder's decision model and write ``toolkit/data/denial_model.json``; or report its CV.

    .venv/bin/python scripts/train_denials.py /work/shared/denials/train /work/shared/polnear/train/text \
        --extra data/denials_silver/train > toolkit/data/denial_model.json
    .venv/bin/python scripts/train_denials.py --report /work/shared/denials/train /work/shared/polnear/train/text \
        --extra data/denials_silver/train

Data: the TRAIN denial gold (140 PolNeAR TRAIN articles, 260 denials; ``gold.jsonl`` + ``docs.txt``, GUIDELINES.md)
and, with ``--extra``, the 560 silver-annotated PolNeAR TRAIN articles (929 denials; ``data/denials_silver/train``,
offsets into the same texts). ``--report`` holds out folds of the first folder only; the extra articles are in
every fold's training.
Candidates: the matches of ``toolkit/data/denials.tsv`` (regenerate it first with
``scripts/derive_denial_lexicon.py``, with the same ``--extra``) that are not negated and meet their entry's sense
constraints (``toolkit.denials.candidates.find_candidates``); label 1 when the candidate overlaps a denial of its
article (682 candidates, 515 positive, session 16).
Features (``toolkit.denials.candidates.features``), few and generic: the entry and its category, the word class
before the trigger, a claim noun in the 8 words before / after, an accusation word in the clause before or in the
300 characters before, a legal word in the 5 words before ("charged with libel"), a person after ("denied Carter a
photograph"), inside quotation marks; and the entry's smoothed precision over the training articles as one number
(``USE_PRIOR``). No word identities. Chosen on held-out silver candidates (5 folds of ``data/denials_silver/train``,
the gold always in training): AUC 0.613 with the context features and the prior, 0.651 with the category, 0.662
with the entry too.
Model: logistic regression, L2 1.0 (fixed, not tuned; entry ids 3.0), 1000 steps of Nesterov-accelerated gradient
descent from zero; the bias then shifted by ``SHIFT`` = logit(0.3), so the default ``min_score`` 0.5 keeps every
candidate the best cross-validated F1 keeps (``toolkit.denials.model.train``); weights rounded to 4 decimals, keys
sorted: byte-stable (tests/denials/test_model.py retrains and compares).
Cross-validated (``--report``; 5 folds by article, the lexicon derived and counted and the model trained inside each
fold): AUC per fold 0.62 0.79 0.72 0.45 0.46 (pooled 0.61, 175 candidates, 20 of them wrong; 0.47 trained on the
gold alone); span P 0.886 R 0.596 F1 0.713 at the default; P 0.909 R 0.500 at min_score 0.8. Held out on the silver
articles instead (``--report data/denials_silver/train TEXTS --extra /work/shared/denials/train``): pooled AUC 0.671
over 521 candidates; P 0.683 at the default, 0.723 at 0.8, 0.776 at 0.9.
"""

from __future__ import annotations

import argparse
import sys

from toolkit.denials.derivation import merged_gold
from toolkit.denials.model import model_json, read_texts, shipped_meta, train_on
from toolkit.evaluation.denials import auc, cross_validate, fold_candidates, read_extra, read_gold, threshold_curve

#: The min_score values of the reported precision/recall curve.
CURVE = (0.0, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95)


def report(gold: dict, extra: dict, texts: dict) -> None:
    """Print the 5-fold CV of the shipped recipe: AUC per fold, and span P/R/F1 over min_score."""
    folds = fold_candidates(gold, texts, k=5, extra=extra or None)
    pooled = [row for fold in sorted(folds) for row in folds[fold]]
    print("held-out candidates per fold (n, positives, AUC):")
    for fold in sorted(folds):
        rows = folds[fold]
        print(f"  fold {fold}: {len(rows)} {sum(y for _, y, _ in rows)} {auc(rows):.3f}")
    print(f"  pooled: {len(pooled)} {sum(y for _, y, _ in pooled)} {auc(pooled):.3f}")
    pred = cross_validate(gold, texts, k=5, min_score=0.0, quotes=[], extra=extra or None)
    print("span P/R/F1 of the held-out predictions kept at each min_score:")
    print(threshold_curve(gold, pred, CURVE).to_string(index=False, float_format=lambda v: f"{v:.3f}"))


def main(argv: list[str]) -> int:
    """Train on GOLD_DIR (and --extra) with texts in TEXT_DIR and print the model JSON (``--report``: the CV)."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("gold_dir", metavar="GOLD_DIR")
    parser.add_argument("text_dir", metavar="TEXT_DIR")
    parser.add_argument("--extra", action="append", default=[], metavar="GOLD_DIR",
                        help="more annotated articles to train on (texts in TEXT_DIR), never held out by --report")
    parser.add_argument("--report", action="store_true", help="print the 5-fold CV instead of the model")
    args = parser.parse_args(argv)
    gold = read_gold(args.gold_dir)
    extra = read_extra(args.extra)
    both = merged_gold(gold, extra)
    texts = read_texts(sorted(both), args.text_dir)
    if args.report:
        report(gold, extra, texts)
        return 0
    model = train_on(both, texts, meta=shipped_meta(gold, extra))
    sys.stdout.write(model_json(model))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
