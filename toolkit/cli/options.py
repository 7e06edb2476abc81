"""What every corpus-reading command shares: the reading options and the closing summary of a finder."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any, Iterable, Sequence

from toolkit.corpus.loaders import READ_FORMATS


def column_pair(text: str) -> str:
    """Check one ``--column FIELD=COLUMN`` value (argparse `type=`): a bare name gets a one-line error and a suggestion."""
    field, sep, column = text.partition("=")
    if not sep:
        raise argparse.ArgumentTypeError(f"expects FIELD=COLUMN, got {text!r} (for the article text: --column text={text})")
    if not field or not column:
        raise argparse.ArgumentTypeError(f"expects FIELD=COLUMN with both names, got {text!r} (e.g. text=body, date=published_at)")
    return text


def column_mapping(pairs: Sequence[str]) -> dict[str, str]:
    """Parse repeated ``FIELD=COLUMN`` options into a mapping."""
    mapping = {}
    for pair in pairs:
        field, sep, column = pair.partition("=")
        if not sep or not field or not column:
            raise argparse.ArgumentTypeError(f"--column expects FIELD=COLUMN, got {pair!r}")
        mapping[field] = column
    return mapping


def add_load_options(parser: argparse.ArgumentParser) -> None:
    """Add the options every command that reads a corpus shares."""
    group = parser.add_argument_group("reading the corpus")
    group.add_argument("--column", action="append", default=[], metavar="FIELD=COLUMN", type=column_pair,
                       help="export column holding an article field, e.g. text=body or date=published_at (repeatable)")
    group.add_argument("--metadata", metavar="FILE", help="metadata .tsv/.csv joined on file stem (default: found beside the files)")
    group.add_argument("--encoding", help="decode every file with this encoding (default: UTF-8, then a logged cp1252/latin-1 fallback)")
    # Not --format: the finder commands use that for their output.
    group.add_argument("--input-format", choices=READ_FORMATS, metavar="FORMAT",
                       help="read every file as this format instead of detecting it: " + ", ".join(READ_FORMATS))
    group.add_argument("--rules", metavar="FILE", help="extra boilerplate rules (JSON lines, like toolkit/data/boilerplate.jsonl)")
    group.add_argument("--only-my-rules", action="store_true", help="use the --rules file instead of the shipped rules, not in addition")
    group.add_argument("--no-dedupe", action="store_true", help="keep articles whose text repeats an earlier one")


def load_options(args: argparse.Namespace) -> dict[str, Any]:
    """Return the reading options of `args` as keyword arguments for the corpus loaders."""
    from toolkit.corpus.boilerplate import load_rules

    options: dict[str, Any] = {"dedupe": not args.no_dedupe}
    if args.column:
        options["columns"] = column_mapping(args.column)
    if args.metadata:
        options["metadata"] = args.metadata
    if args.encoding:
        options["encoding"] = args.encoding
    if args.input_format:
        options["format"] = args.input_format
    if args.rules:
        options["rules"] = load_rules(args.rules, extend=not args.only_my_rules)
    return options


def finder_summary(what: str, out: Any, log: Any, paths: Sequence[str]) -> int:
    """Print what a finder command wrote and the load log's summary; non-zero when nothing was read."""
    print(f"{out.count} {what} from {log.loaded} articles written to {out.path} ({log.summary()})")
    hint = missing_text_hint(log)
    if hint:
        print(hint, file=sys.stderr)
    if not log.loaded:
        print("error: no article could be read from " + ", ".join(paths), file=sys.stderr)
        return 1
    return 0


def missing_text_hint(log: Any) -> str | None:
    """One line for records skipped as missing_text: the first one's columns, and how to name the text column."""
    missing = [e for e in log.events if e.action == "skipped" and e.reason == "missing_text"]
    if not missing:
        return None
    first = missing[0]
    where = f"{first.source}{':' + first.location if first.location else ''}"
    return (f"note: {len(missing)} records have no article text; {where}: {first.detail}; "
            "name the text column with --column text=COLUMN")


def checked_output(out: str, args: argparse.Namespace, *, kind: str = "file", extra: Iterable[str | None] = ()) -> Path:
    """Check an --out before anything is read or written: the corpus paths must exist (exit 2 otherwise), and
    the output must not be, contain or lie inside any input (the corpus, --metadata, --rules, --lexicon)."""
    from toolkit.corpus.loaders import corpus_roots
    from toolkit.io.outputs import resolve_output

    paths = getattr(args, "paths", None) or getattr(args, "corpus", None) or []
    paths = [paths] if isinstance(paths, str) else list(paths)
    corpus_roots(paths)
    inputs = [*paths, getattr(args, "metadata", None), getattr(args, "rules", None), getattr(args, "lexicon", None), *extra]
    return resolve_output(out, inputs, kind=kind)  # type: ignore[arg-type]
