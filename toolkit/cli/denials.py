"""``denials PATH... --out FILE``: find denial phrases, streaming, one JSON object (or CSV row) per denial."""

from __future__ import annotations

import argparse

from toolkit.cli.options import DENIAL_MIN_SCORE, add_load_options, checked_output, load_options, write_finder_records

#: Output fields, in order: the ones the brief fixes first, then the rest of the Denial record.
FIELDS = ["doc", "field", "start", "end", "text", "category", "denier", "denier_start", "denier_end", "target", "rule",
          "denier_name", "target_start", "target_end", "sentence_start", "sentence_end", "in_quote", "score"]


def add_parser(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Register the ``denials`` command."""
    parser = sub.add_parser("denials", help="find denial phrases (who denies what, and how); one JSON object per denial")
    parser.add_argument("paths", nargs="+", metavar="PATH", help="a file or folder of articles")
    parser.add_argument("--out", required=True, metavar="FILE", help="output file (.jsonl, or .csv), or - for standard output (JSON lines; --format csv for CSV)")
    parser.add_argument("--format", choices=["jsonl", "csv"], help="output format (default: from the --out suffix)")
    parser.add_argument("--lexicon", metavar="FILE", help="extra lexicon entries (TSV like toolkit/data/denials.tsv)")
    parser.add_argument("--only-my-lexicon", action="store_true", help="use the --lexicon file instead of the shipped one")
    parser.add_argument("--no-title", action="store_true", help="do not search titles (title rows have field=title)")
    parser.add_argument("--min-score", type=float, default=DENIAL_MIN_SCORE, metavar="S",
                        help=f"keep denials the trained model scores >= S (0-1; default {DENIAL_MIN_SCORE}; higher keeps fewer)")
    parser.add_argument("--aliases", metavar="FILE", help="aliases CSV (surface,person) correcting the merge of deniers into persons")
    parser.add_argument("--gender", action="store_true", help="add gender_guess (female/male/unknown from the first name; see README)")
    add_load_options(parser)
    parser.set_defaults(func=cmd_denials)


def cmd_denials(args: argparse.Namespace) -> int:
    """Find denials in a corpus (streaming) and write one JSON object (or CSV row) per denial, deniers as persons."""
    from toolkit.corpus.loaders import iter_articles
    from toolkit.corpus.loadlog import LoadLog
    from toolkit.denials.lexicon import load_lexicon
    from toolkit.pipeline.extraction import denial_records

    lexicon = load_lexicon(args.lexicon, extend=not args.only_my_lexicon) if args.lexicon else None
    log = LoadLog()
    target = checked_output(args.out, args, extra=[args.aliases])  # before reading: a bad path or --out leaves the old output as it was
    # Persons are decided over the whole corpus: the records come out once the last article is read.
    records = denial_records(iter_articles(args.paths, log=log, **load_options(args)), lexicon=lexicon,
                             min_score=args.min_score, titles=not args.no_title, aliases=args.aliases, gender=args.gender)
    return write_finder_records("denials", records, FIELDS, args, target, log)
