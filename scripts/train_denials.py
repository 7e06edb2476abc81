"""Train the denial finder's decision model and write ``toolkit/data/denial_model.json``; or report its CV.

    .venv/bin/python scripts/train_denials.py /work/shared/denials/train /work/shared/polnear/train/text \
        > toolkit/data/denial_model.json
    .venv/bin/python scripts/train_denials.py --report /work/shared/denials/train /work/shared/polnear/train/text

Data: the TRAIN denial gold (140 PolNeAR TRAIN articles, 260 denials; ``gold.jsonl`` + ``docs.txt``, GUIDELINES.md).
Candidates: the matches of ``toolkit/data/denials.tsv`` (regenerate it first with
``scripts/derive_denial_lexicon.py``) that are not negated and meet their entry's sense constraints
(``toolkit.denials.candidates.find_candidates``); label 1 when the candidate overlaps a gold denial of its
article (175 candidates, 155 positive, session 13).
Features (``toolkit.denials.candidates.features``), few and generic: the word class before the trigger, a claim
noun in the 8 words before / after, an accusation word in the clause before or in the 300 characters before, a
legal word in the 5 words before ("charged with libel"), a person after ("denied Carter a photograph"), inside
quotation marks; and the entry's smoothed TRAIN precision as one number (``USE_PRIOR``: pooled held-out AUC 0.553
without it, 0.557 with it). No entry id, no word identities: each lowered the held-out AUC.
Model: logistic regression, L2 1.0 (fixed, not tuned), 1000 steps of Nesterov-accelerated gradient descent from
zero; the bias then shifted by ``SHIFT`` = logit(0.3), so the default ``min_score`` 0.5 is the best
cross-validated F1 (``toolkit.denials.model.train``); weights rounded to 4 decimals, keys sorted: byte-stable
(tests/denials/test_model.py retrains and compares).
Cross-validated (``--report``; 5 folds by article, the lexicon derived and the model trained inside each fold):
AUC per fold 0.62 0.17 0.35 0.53 0.81 (pooled 0.47, 175 candidates, 20 of them wrong): the score does not rank
held-out candidates better than chance; span P 0.886 R 0.596 F1 0.713 at the default; precision 0.88 at min_score
0.9 (R 0.53).
"""

from __future__ import annotations

import sys

from toolkit.denials.model import model_json, read_texts, shipped_meta, train_on
from toolkit.evaluation.denials import auc, cross_validate, fold_candidates, read_gold, threshold_curve

#: The min_score values of the reported precision/recall curve.
CURVE = (0.0, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95)


def report(gold_dir: str, text_dir: str) -> None:
    """Print the 5-fold CV of the shipped recipe: AUC per fold, and span P/R/F1 over min_score."""
    gold = read_gold(gold_dir)
    texts = read_texts(gold, text_dir)
    folds = fold_candidates(gold, texts, k=5)
    pooled = [row for fold in sorted(folds) for row in folds[fold]]
    print("held-out candidates per fold (n, positives, AUC):")
    for fold in sorted(folds):
        rows = folds[fold]
        print(f"  fold {fold}: {len(rows)} {sum(y for _, y, _ in rows)} {auc(rows):.3f}")
    print(f"  pooled: {len(pooled)} {sum(y for _, y, _ in pooled)} {auc(pooled):.3f}")
    pred = cross_validate(gold, texts, k=5, min_score=0.0, quotes=[])
    print("span P/R/F1 of the held-out predictions kept at each min_score:")
    print(threshold_curve(gold, pred, CURVE).to_string(index=False, float_format=lambda v: f"{v:.3f}"))


def main(argv: list[str]) -> int:
    """Train on GOLD_DIR with texts in TEXT_DIR and print the model JSON (``--report``: print the CV instead)."""
    if argv[:1] == ["--report"] and len(argv) == 3:
        report(argv[1], argv[2])
        return 0
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    gold = read_gold(argv[0])
    model = train_on(gold, read_texts(gold, argv[1]), meta=shipped_meta(gold))
    sys.stdout.write(model_json(model))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
