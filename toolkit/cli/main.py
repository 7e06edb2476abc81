"""The command line: one parser, each command family registered from its own module."""

from __future__ import annotations

import argparse
import sys
from typing import Callable, Sequence

from toolkit.cli import corpus, denials, evaluate, extract, quotes, report
from toolkit.corpus.loaders import CorpusError

PROG = "python -m toolkit"

#: Command families in the order `--help` lists them.
COMMANDS = (corpus, report, quotes, evaluate, extract, denials)


def build_parser() -> argparse.ArgumentParser:
    """Return the argument parser with every subcommand."""
    parser = argparse.ArgumentParser(prog=PROG, description="News discourse toolkit: load corpora, find quotes and denials, make reports.")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for family in COMMANDS:
        family.add_parser(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    args = build_parser().parse_args(argv)
    func: Callable[[argparse.Namespace], int] = args.func
    try:
        return func(args)
    except CorpusError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except (ValueError, OSError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
