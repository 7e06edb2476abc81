"""The command line: one parser, each command family registered from its own module."""

from __future__ import annotations

import argparse
import signal
import sys
import threading
from typing import Callable, Sequence

# The command modules import their libraries inside the command, so `--help` costs no pandas or NLTK.
from toolkit.cli import corpus, denials, evaluate, extract, quotes, report, validate

PROG = "python -m toolkit"

#: Command families in the order `--help` lists them.
COMMANDS = (corpus, report, quotes, evaluate, extract, denials, validate)


def build_parser() -> argparse.ArgumentParser:
    """Return the argument parser with every subcommand."""
    parser = argparse.ArgumentParser(prog=PROG, description="News discourse toolkit: load corpora, find quotes and denials, make reports.")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for family in COMMANDS:
        family.add_parser(sub)
    return parser


class Stopped(KeyboardInterrupt):
    """Raised in the main thread when the process is asked to stop (SIGTERM)."""


def _stop(signum: int, frame: object) -> None:
    raise Stopped(signum)


def _is_corpus_error(exc: BaseException) -> bool:
    """Whether `exc` is a `toolkit.corpus.loaders.CorpusError`, without importing the loaders (and pandas) to ask."""
    loaders = sys.modules.get("toolkit.corpus.loaders")  # none raised one if they were never imported
    return loaders is not None and isinstance(exc, loaders.CorpusError)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status (0 done, 1 nothing to show, 2 bad input or output, 130/143 stopped)."""
    args = build_parser().parse_args(argv)
    func: Callable[[argparse.Namespace], int] = args.func
    previous = signal.getsignal(signal.SIGTERM)
    handler_set = threading.current_thread() is threading.main_thread()
    if handler_set:  # SIGTERM stops like Ctrl-C: cleanly, workers ended, outputs left resumable
        signal.signal(signal.SIGTERM, _stop)
    try:
        return func(args)
    except KeyboardInterrupt as exc:
        how = "stopped (SIGTERM)" if isinstance(exc, Stopped) else "interrupted"
        resume = " run the same command again to resume;" if args.command in ("extract", "report") else ""
        print(f"{how}:{resume} no output was left half-written", file=sys.stderr)
        return 143 if isinstance(exc, Stopped) else 130
    except (ValueError, OSError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except Exception as exc:
        if not _is_corpus_error(exc):
            raise
        print(f"error: {exc}", file=sys.stderr)
        return 2
    finally:
        if handler_set:
            signal.signal(signal.SIGTERM, previous)
