"""``quotes PATH... --out FILE``: find quotes, streaming, one JSON object (or CSV row) per quote."""

from __future__ import annotations

import argparse

from toolkit.cli.options import add_load_options, checked_output, load_options, write_finder_records


def add_parser(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Register the ``quotes`` command."""
    quotes = sub.add_parser("quotes", help="find quotes (who says what, through which verb); one JSON object per quote")
    quotes.add_argument("paths", nargs="+", metavar="PATH", help="a file or folder of articles")
    quotes.add_argument("--out", required=True, metavar="FILE", help="output file (.jsonl, or .csv), or - for standard output (JSON lines; --format csv for CSV)")
    quotes.add_argument("--format", choices=["jsonl", "csv"], help="output format (default: from the --out suffix)")
    quotes.add_argument("--aliases", metavar="FILE", help="aliases CSV (surface,person) correcting the merge of speakers into persons")
    quotes.add_argument("--gender", action="store_true", help="add gender_guess (female/male/unknown from the first name; see README)")
    add_load_options(quotes)
    quotes.set_defaults(func=cmd_quotes)


def cmd_quotes(args: argparse.Namespace) -> int:
    """Find quotes in a corpus (streaming) and write one JSON object (or CSV row) per quote."""
    from toolkit.corpus.loaders import iter_articles
    from toolkit.corpus.loadlog import LoadLog
    from toolkit.pipeline.extraction import quote_records
    from toolkit.quotes.finder import QUOTE_FIELDS

    target = checked_output(args.out, args, extra=[args.aliases])  # before reading: a bad path or --out leaves the old output as it was
    log = LoadLog()
    # Persons are decided over the whole corpus: the records come out once the last article is read.
    records = quote_records(iter_articles(args.paths, log=log, **load_options(args)), aliases=args.aliases, gender=args.gender)
    return write_finder_records("quotes", records, ["doc", *QUOTE_FIELDS], args, target, log)
