"""``validate sample PATH... --what W --n N --out SHEET.csv`` and ``validate score SHEET.csv...``: the
validation loop (draw findings to hand-code, then score the coding)."""

from __future__ import annotations

import argparse
import json
import sys

from toolkit.cli.options import add_load_options, checked_output, load_options


def add_parser(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Register the ``validate`` command with its ``sample`` and ``score`` actions."""
    validate = sub.add_parser("validate", help="validate a finder on your corpus: sample findings to hand-code, score the coding")
    actions = validate.add_subparsers(dest="action", required=True, metavar="ACTION")
    draw = actions.add_parser("sample", help="draw a stratified, seeded sample of findings into a coding sheet")
    draw.add_argument("paths", nargs="+", metavar="PATH", help="an extraction folder, or a file or folder of articles")
    draw.add_argument("--what", required=True, choices=["quotes", "denials"], help="which finder to validate")
    draw.add_argument("--n", required=True, type=int, metavar="N", help="findings to draw (all of them if fewer)")
    draw.add_argument("--seed", type=int, default=0, metavar="S", help="random seed (default 0): the same seed draws the same sheet")
    draw.add_argument("--by", default="outlet", metavar="COLUMN", help="article column to stratify by (default outlet; 'none' for no strata)")
    draw.add_argument("--allocation", choices=["equal", "proportional"], default="equal",
                      help="split N over strata equally (default) or in proportion to their findings")
    draw.add_argument("--articles", type=int, default=0, metavar="K", help="also draw K whole articles for recall (SHEET.articles/)")
    draw.add_argument("--out", required=True, metavar="SHEET.csv", help="the coding sheet (its README and articles folder go beside it)")
    add_load_options(draw)
    draw.set_defaults(func=cmd_sample)
    rate = actions.add_parser("score", help="precision, recall and intercoder agreement from coded sheets")
    rate.add_argument("sheets", nargs="+", metavar="SHEET.csv", help="coded sheets of the same sample (one per coder; the first is scored)")
    rate.add_argument("--missed", metavar="FILE", help="the missed sheet for recall (default: SHEET.articles/missed.csv beside the first sheet, if any)")
    rate.add_argument("--json", action="store_true", help="print one JSON object instead of the table")
    rate.set_defaults(func=cmd_score)


def cmd_sample(args: argparse.Namespace) -> int:
    """Draw the sample and write the coding sheet, its README and (with --articles) the articles folder."""
    from toolkit.io.outputs import resolve_output
    from toolkit.validation.sampling import companions, sample, write_sample

    if args.n < 0 or args.articles < 0:
        print("error: --n and --articles must be >= 0", file=sys.stderr)
        return 2
    target = checked_output(args.out, args)  # before reading: a bad path or --out leaves the old output as it was
    inputs = [*args.paths, args.metadata, args.rules]
    places = companions(target)
    resolve_output(places["readme"], inputs)
    if args.articles:
        resolve_output(places["articles"], inputs, kind="folder")
    source = args.paths[0] if len(args.paths) == 1 else args.paths
    result = sample(source, args.what, args.n, seed=args.seed, by=None if args.by == "none" else args.by,
                    articles=args.articles, allocation=args.allocation, **load_options(args))
    written = write_sample(result, target, inputs)
    drawn = int((result.sheet["in_sample"] == "yes").sum())
    print(f"{drawn} of {result.n_findings} {args.what} drawn (seed {args.seed}) into {written['sheet']}; "
          f"instructions in {written['readme']}")
    if "articles" in written:
        print(f"{len(result.articles)} articles for recall in {written['articles']} (add what was missed to {written['missed']})")
    if not result.n_findings:
        print(f"error: no {args.what} found in " + ", ".join(args.paths), file=sys.stderr)
        return 1
    return 0


def cmd_score(args: argparse.Namespace) -> int:
    """Score coded sheets and print the table (or one JSON object with --json)."""
    from toolkit.validation.sampling import companions
    from toolkit.validation.scoring import format_scores, score

    missed = args.missed
    if missed is None:
        default = companions(args.sheets[0])["articles"] / "missed.csv"
        missed = default if default.is_file() else None
    scores = score(args.sheets, missed=missed)
    if args.json:
        print(json.dumps(scores.as_json(), ensure_ascii=False, sort_keys=False))
    else:
        print(format_scores(scores))
    return 0 if scores.overall()["n"] else 1
