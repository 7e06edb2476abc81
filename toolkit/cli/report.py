"""``report CORPUS --out DIR``: run the report notebooks with papermill; HTML, tables, figures, manifest."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any


def add_parser(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Register the ``report`` command."""
    report = sub.add_parser("report", help="run the report notebooks on a corpus (papermill) and write HTML, tables, manifest")
    report.add_argument("corpus", metavar="CORPUS", help="a file or folder of articles")
    report.add_argument("--out", required=True, metavar="DIR", help="report folder, e.g. reports/sample")
    report.add_argument("--notebooks", nargs="+", metavar="NB", help="notebooks to run (names in notebooks/ or paths)")
    report.add_argument("-p", "--param", nargs=2, action="append", default=[], metavar=("KEY", "VALUE"),
                        help="a notebook parameter, VALUE read as JSON if it parses (repeatable)")
    report.add_argument("--lexicon", metavar="FILE", help="your denial lexicon (TSV like toolkit/data/denials.tsv), added to the shipped one")
    report.add_argument("--workers", type=int, default=1, metavar="N", help="processes for the corpus's extraction")
    report.add_argument("--min-score", type=float, metavar="S",
                        help="keep denials the model scores at least S, 0-1 (default: the finder's); the report states it")
    report.add_argument("--quiet", action="store_true", help="no progress bar")
    report.set_defaults(func=cmd_report)


def param_value(text: str) -> Any:
    """Read a -p value as JSON (numbers, lists, null), else as a plain string."""
    try:
        return json.loads(text)
    except json.JSONDecodeError:
        return text


def cmd_report(args: argparse.Namespace) -> int:
    """Run the report notebooks on a corpus with papermill and write HTML, tables and a manifest."""
    from toolkit.cli.options import checked_output
    from toolkit.reports.runner import ReportError, run_report

    checked_output(args.out, args, kind="folder")  # a missing corpus or an --out around an input: exit 2
    params = {key: param_value(value) for key, value in args.param}
    try:
        result = run_report(args.corpus, args.out, notebooks=args.notebooks, parameters=params,
                            progress=not args.quiet, workers=args.workers, lexicon=args.lexicon,
                            min_score=args.min_score)
    except ReportError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    print(f"report written to {result.out_dir} (open {result.out_dir / 'index.html'})")
    return 0
