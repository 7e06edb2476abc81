"""``quotes PATH... --out FILE``: find quotes, streaming, one JSON object (or CSV row) per quote."""

from __future__ import annotations

import argparse
from dataclasses import asdict

from toolkit.cli.options import add_load_options, checked_output, finder_summary, load_options


def add_parser(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Register the ``quotes`` command."""
    quotes = sub.add_parser("quotes", help="find quotes (who says what, through which verb); one JSON object per quote")
    quotes.add_argument("paths", nargs="+", metavar="PATH", help="a file or folder of articles")
    quotes.add_argument("--out", required=True, metavar="FILE", help="output file (.jsonl, or .csv)")
    quotes.add_argument("--format", choices=["jsonl", "csv"], help="output format (default: from the --out suffix)")
    add_load_options(quotes)
    quotes.set_defaults(func=cmd_quotes)


def cmd_quotes(args: argparse.Namespace) -> int:
    """Find quotes in a corpus (streaming) and write one JSON object (or CSV row) per quote."""
    from toolkit.corpus.loaders import iter_articles
    from toolkit.corpus.loadlog import LoadLog
    from toolkit.io.tables import RecordWriter
    from toolkit.quotes.finder import QUOTE_FIELDS, find_quotes

    target = checked_output(args.out, args)  # before reading: a bad path or --out leaves the old output as it was
    log = LoadLog()
    with RecordWriter(target, ["doc", *QUOTE_FIELDS], args.format) as out:
        for article in iter_articles(args.paths, log=log, **load_options(args)):
            for quote in find_quotes(article.text):
                out.write({"doc": article.doc_id, **asdict(quote)})
    return finder_summary("quotes", out, log, args.paths)
