"""``evaluate quotes SPLIT_DIR`` and ``evaluate denials GOLD_DIR TEXT_DIR``: score a finder against gold."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def add_parser(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Register the ``evaluate`` command."""
    evaluate = sub.add_parser("evaluate", help="score a finder against PolNeAR-style brat gold (GGT protocol)")
    evaluate.add_argument("task", choices=["quotes", "denials"], help="what to evaluate")
    evaluate.add_argument("split_dir", metavar="SPLIT_DIR", help="a folder with text/ and attributions/, e.g. polnear/dev")
    evaluate.add_argument("text_dir", nargs="?", metavar="TEXT_DIR", help="denials only: the folder of STEM.txt texts")
    evaluate.add_argument("--cv", type=int, metavar="K", help="denials only: K-fold cross-validation by article (train on K-1 folds)")
    evaluate.add_argument("--train-extra", action="append", default=[], metavar="GOLD_DIR",
                          help="denials with --cv: more annotated articles (texts in TEXT_DIR) in every fold's training, "
                               "never held out; repeatable (the shipped model: data/denials_silver/train)")
    evaluate.add_argument("--min-score", type=float, default=0.5, metavar="S", help="denials only: keep denials scored >= S")
    evaluate.add_argument("--bootstrap", type=int, default=1000, metavar="N", help="denials only: bootstrap resamples for 95%% intervals (0: none)")
    evaluate.set_defaults(func=cmd_evaluate)


def cmd_evaluate(args: argparse.Namespace) -> int:
    """Dispatch ``evaluate TASK``: denials (GOLD_DIR TEXT_DIR) or quotes (SPLIT_DIR)."""
    if args.task == "denials":
        return evaluate_denials(args)
    return evaluate_quotes(args)


def evaluate_quotes(args: argparse.Namespace) -> int:
    """Run the quote finder on a PolNeAR-style brat split and print the GGT evaluation table."""
    from toolkit.evaluation.brat import read_brat_dir
    from toolkit.evaluation.quotes import evaluate_quotes as score, format_report
    from toolkit.quotes.finder import find_quotes

    split = Path(args.split_dir)
    if not (split / "attributions").is_dir():
        print(f"error: {split} has no attributions/ folder (expected a PolNeAR-style brat split)", file=sys.stderr)
        return 2
    gold, predictions = {}, {}
    for stem, text, golds in read_brat_dir(split):
        gold[stem] = (text, golds)
        predictions[stem] = find_quotes(text)
    print(f"{args.task} on {split} ({len(gold)} documents)")
    print(format_report(score(predictions, gold)))
    return 0


def evaluate_denials(args: argparse.Namespace) -> int:
    """Score the denial finder on GOLD_DIR (gold.jsonl, docs.txt) with texts in TEXT_DIR; print the table."""
    from toolkit.evaluation.denials import evaluate_denials as score, predict_dir, read_gold

    gold_dir = Path(args.split_dir)
    text_dir = Path(args.text_dir) if args.text_dir else None
    if not (gold_dir / "gold.jsonl").is_file() or text_dir is None or not text_dir.is_dir():
        print("error: usage: evaluate denials GOLD_DIR TEXT_DIR (GOLD_DIR holds gold.jsonl and docs.txt)", file=sys.stderr)
        return 2
    if args.cv is not None and args.cv < 2:
        print("error: --cv K needs K >= 2 folds", file=sys.stderr)
        return 2
    gold = read_gold(gold_dir)
    if args.train_extra and not args.cv:
        print("error: --train-extra is for --cv (the shipped model is trained already)", file=sys.stderr)
        return 2
    if args.cv:
        from toolkit.denials.model import read_texts
        from toolkit.evaluation.denials import cross_validate, read_extra

        missing = [folder for folder in args.train_extra if not (Path(folder) / "gold.jsonl").is_file()]
        if missing:
            print(f"error: --train-extra {missing[0]} holds no gold.jsonl", file=sys.stderr)
            return 2
        try:
            extra = read_extra(args.train_extra)
        except ValueError as err:
            print(f"error: {err}", file=sys.stderr)
            return 2
        overlap = sorted(set(extra) & set(gold))
        if overlap:
            print(f"error: {len(overlap)} articles of --train-extra are in {gold_dir} too (e.g. {overlap[0]})", file=sys.stderr)
            return 2
        texts = read_texts(sorted(set(gold) | set(extra)), text_dir)
        predictions = cross_validate(gold, texts, k=args.cv, min_score=args.min_score, extra=extra or None)
        how = f"{args.cv}-fold cross-validation by article"
        if extra:
            how += f", {len(extra)} more articles in every fold's training"
    else:
        predictions = predict_dir(gold, text_dir, min_score=args.min_score)
        how = "shipped model"
    table = score(gold, predictions)
    print(f"denials on {gold_dir} ({len(gold)} documents; {how}; min_score {args.min_score}; span overlap, one-to-one)")
    if args.bootstrap:
        from toolkit.evaluation.denials import bootstrap_intervals, format_with_intervals

        print(f"P/R/F1 with 95% bootstrap intervals ({args.bootstrap} article resamples, seed 0)")
        print(format_with_intervals(table, bootstrap_intervals(gold, predictions, resamples=args.bootstrap)))
    else:
        print(table.to_string(index=False, float_format=lambda v: f"{v:.3f}"))
    return 0
