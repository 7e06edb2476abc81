"""Command-line handlers for the denial finder (registered in :mod:`toolkit.cli`)."""

from __future__ import annotations

import argparse
import sys
from dataclasses import asdict
from pathlib import Path

#: Output fields, in order: the ones the brief fixes first, then the rest of the Denial record.
FIELDS = ["doc", "field", "start", "end", "text", "category", "denier", "denier_start", "denier_end", "target", "rule",
          "denier_name", "target_start", "target_end", "sentence_start", "sentence_end", "in_quote"]


def add_denials_parser(sub: argparse._SubParsersAction, add_load_options) -> None:  # type: ignore[type-arg]
    """Register ``denials PATH... --out FILE``."""
    parser = sub.add_parser("denials", help="find denial phrases (who denies what, and how); one JSON object per denial")
    parser.add_argument("paths", nargs="+", metavar="PATH", help="a file or folder of articles")
    parser.add_argument("--out", required=True, metavar="FILE", help="output file (.jsonl, or .csv)")
    parser.add_argument("--format", choices=["jsonl", "csv"], help="output format (default: from the --out suffix)")
    parser.add_argument("--lexicon", metavar="FILE", help="extra lexicon entries (TSV like toolkit/data/denials.tsv)")
    parser.add_argument("--only-my-lexicon", action="store_true", help="use the --lexicon file instead of the shipped one")
    parser.add_argument("--no-title", action="store_true", help="do not search titles (title rows have field=title)")
    add_load_options(parser)
    parser.set_defaults(func=cmd_denials)


def cmd_denials(args: argparse.Namespace) -> int:
    """Find denials in a corpus (streaming) and write one JSON object (or CSV row) per denial."""
    from .cli import _finder_summary, _load_options
    from .denial_lexicon import load_lexicon
    from .denials import article_denials
    from .loaders import iter_articles
    from .loadlog import LoadLog
    from .quotes import find_quotes
    from .tables import RecordWriter

    lexicon = load_lexicon(args.lexicon, extend=not args.only_my_lexicon) if args.lexicon else None
    log = LoadLog()
    with RecordWriter(args.out, FIELDS, args.format) as out:
        for article in iter_articles(args.paths, log=log, **_load_options(args)):
            title = None if args.no_title else article.title
            quotes = find_quotes(article.text)
            for field, denial in article_denials(article.text, title, quotes=quotes, lexicon=lexicon):
                out.write({"doc": article.doc_id, "field": field, **asdict(denial)})
    return _finder_summary("denials", out, log, args.paths)


def cmd_evaluate_denials(args: argparse.Namespace) -> int:
    """Score the denial finder on GOLD_DIR (gold.jsonl, docs.txt) with texts in TEXT_DIR; print the table."""
    from .denial_eval import evaluate_denials, predict_dir, read_gold

    gold_dir = Path(args.split_dir)
    text_dir = Path(args.text_dir) if args.text_dir else None
    if not (gold_dir / "gold.jsonl").is_file() or text_dir is None or not text_dir.is_dir():
        print("error: usage: evaluate denials GOLD_DIR TEXT_DIR (GOLD_DIR holds gold.jsonl and docs.txt)", file=sys.stderr)
        return 2
    gold = read_gold(gold_dir)
    table = evaluate_denials(gold, predict_dir(gold, text_dir))
    print(f"denials on {gold_dir} ({len(gold)} documents; span overlap, one-to-one)")
    print(table.to_string(index=False, float_format=lambda v: f"{v:.3f}"))
    return 0
