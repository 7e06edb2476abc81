"""``load PATH... [--out FILE]``: summarise a corpus and its load log, optionally write the articles."""

from __future__ import annotations

import argparse
import sys

from toolkit.cli.options import add_load_options, checked_output, load_options, missing_text_hint


def add_parser(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Register the ``load`` command."""
    load = sub.add_parser("load", help="summarise a corpus and its load log; --out writes the articles table")
    load.add_argument("paths", nargs="+", metavar="PATH", help="a file or folder: .txt, .jsonl, .json, .csv, .tsv, .html (optionally .gz)")
    load.add_argument("--out", metavar="FILE", help="write the articles to FILE (.jsonl, .csv or .parquet) and the load log beside it")
    load.add_argument("--quiet", action="store_true", help="no progress bar")
    add_load_options(load)
    load.set_defaults(func=cmd_load)


def cmd_load(args: argparse.Namespace) -> int:
    """Summarise a corpus and its load log; optionally write the articles table and the log."""
    from toolkit.corpus.loaders import load_corpus, load_log
    from toolkit.io.tables import TABLE_FORMATS, write_table

    out = log_path = None
    if args.out:  # checked before the corpus is read: a bad --out costs nothing and touches nothing
        out = checked_output(args.out, args)
        if out.suffix.lower() not in TABLE_FORMATS:
            raise ValueError(f"unsupported table format {out.suffix.lower()!r}: use one of {', '.join(TABLE_FORMATS)}")
        log_path = checked_output(str(out.with_name(out.stem + ".load_log" + out.suffix)), args)
    frame = load_corpus(args.paths, progress=not args.quiet, **load_options(args))
    log = load_log(frame)
    print(log.summary())
    if len(frame):
        dates = frame["date"].dropna()
        span = f"{dates.min():%Y-%m-%d} to {dates.max():%Y-%m-%d}" if len(dates) else "no dates"
        print(f"dates: {span} ({len(dates)} of {len(frame)} articles dated)")
        outlets = frame["outlet"].fillna("(unknown)").value_counts().sort_index()
        print("articles per outlet: " + ", ".join(f"{k} {v}" for k, v in outlets.items()))
    events = log.to_frame()
    if len(events):
        print("\nload log:")
        print(events.to_string(index=False, max_colwidth=80))
    if out is not None and log_path is not None:
        write_table(frame, out)
        write_table(events, log_path)
        print(f"\nwrote {len(frame)} articles to {out} and the load log to {log_path}")
    hint = missing_text_hint(log)
    if hint:
        print(hint, file=sys.stderr)
    if not len(frame):
        print("error: no article could be read from " + ", ".join(args.paths), file=sys.stderr)
        return 1
    return 0
