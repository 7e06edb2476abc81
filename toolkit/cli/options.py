"""What every corpus-reading command shares: the reading options and the closing summary of a finder."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Any, Iterable, Sequence

# Only the standard library here: every command's parser is built for `--help`, which must not import pandas.

#: What `--input-format` accepts: `toolkit.corpus.loaders.READ_FORMATS`, spelled out because importing the loaders
#: for `--help` costs a second of pandas (tests/test_startup.py checks the two are the same).
READ_FORMATS: tuple[str, ...] = ("text", "html", "json", "jsonl", "csv", "tsv", "nexis-docx", "nexis-rtf", "nexis-txt",
                                 "factiva-rtf", "factiva-html", "factiva-txt", "proquest-txt")
#: The denial finder's default score threshold, `toolkit.denials.finder.MIN_SCORE`, for the same reason (and check).
DENIAL_MIN_SCORE = 0.5


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
    """Print what a finder command wrote and the load log's summary; non-zero when nothing was read.

    With `--out -` the records own standard output, so the summary goes to standard error.
    """
    from toolkit.io.tables import STDOUT

    stdout = str(out.path) == STDOUT
    where = "standard output" if stdout else out.path
    print(f"{out.count} {what} from {log.loaded} articles written to {where} ({log.summary()})",
          file=sys.stderr if stdout else sys.stdout)
    for line in log_hints(log.events):
        print(line, file=sys.stderr)
    if not log.loaded:
        print("error: no article could be read from " + ", ".join(str(p) for p in paths), file=sys.stderr)
        return 1
    return 0


def _where(event: Any) -> str:
    return f"{event.source}{':' + event.location if event.location else ''}"


def log_hints(events: Iterable[Any]) -> list[str]:
    """Lines a researcher must see from a load log: records without text (their columns, and `--column`), and one
    line per kind of note (an ambiguous day/month order, ...) with its first occurrence."""
    events = list(events)
    lines = []
    hint = missing_text_hint(events)
    if hint:
        lines.append(hint)
    notes: dict[str, list[Any]] = {}
    for event in events:
        if event.action == "note":
            notes.setdefault(event.reason, []).append(event)
    for reason, found in notes.items():
        first = found[0]
        lines.append(f"note: {len(found)} {reason} in the load log; {_where(first)}: {first.detail}")
    return lines


def missing_text_hint(events: Any) -> str | None:
    """One line for records skipped as missing_text: the first one's columns, and how to name the text column.

    `events` is a `LoadLog` or its events (`LoadEvent`s, or rows with the same fields).
    """
    events = getattr(events, "events", events)
    missing = [e for e in events if e.action == "skipped" and e.reason == "missing_text"]
    if not missing:
        return None
    first = missing[0]
    return (f"note: {len(missing)} records have no article text; {_where(first)}: {first.detail}; "
            "name the text column with --column text=COLUMN")


def checked_output(out: str, args: argparse.Namespace, *, kind: str = "file", extra: Iterable[str | None] = ()) -> Path:
    """Check an --out before anything is read or written: the corpus paths must exist (exit 2 otherwise), and
    the output must not be, contain or lie inside any input (the corpus, --metadata, --rules, --lexicon).
    `-` (a file output only) is standard output."""
    from toolkit.corpus.loaders import corpus_roots
    from toolkit.io.outputs import resolve_output
    from toolkit.io.tables import STDOUT

    paths = getattr(args, "paths", None) or getattr(args, "corpus", None) or []
    paths = [paths] if isinstance(paths, str) else list(paths)
    corpus_roots(paths)
    if out == STDOUT and kind == "file":
        return Path(STDOUT)  # standard output cannot overwrite an input
    inputs = [*paths, getattr(args, "metadata", None), getattr(args, "rules", None), getattr(args, "lexicon", None), *extra]
    return resolve_output(out, inputs, kind=kind)  # type: ignore[arg-type]


def write_finder_records(what: str, records: Iterable[dict[str, Any]], fields: Sequence[str], args: argparse.Namespace,
                         target: Any, log: Any) -> int:
    """Write a finder command's records, its `fields` then the person columns (`gender_guess` with `--gender`),
    and print the summary (`finder_summary`); a reader that closes the pipe ends it quietly."""
    from toolkit.io.tables import RecordWriter
    from toolkit.pipeline.extraction import PERSON_COLUMNS

    columns = [*fields, *(c for c in PERSON_COLUMNS if c != "gender_guess" or args.gender)]
    try:
        with RecordWriter(target, columns, args.format) as out:
            for record in records:
                out.write(record)
    except BrokenPipeError:
        return reader_stopped()
    return finder_summary(what, out, log, args.paths)


def reader_stopped() -> int:
    """`--out - | head`: the reader closed the pipe, which ends the command quietly (exit 0), as Unix tools do."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())  # the interpreter's last flush would raise again on the closed pipe
    return 0
