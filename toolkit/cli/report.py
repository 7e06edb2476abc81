"""``report CORPUS --out DIR``: run the report notebooks with papermill; HTML, tables, figures, manifest."""

from __future__ import annotations

import argparse
import sys
from typing import Any


def add_parser(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Register the ``report`` command."""
    report = sub.add_parser("report", help="run the report notebooks on a corpus (papermill) and write HTML, tables, manifest")
    report.add_argument("corpus", metavar="CORPUS", help="a file or folder of articles")
    report.add_argument("--out", required=True, metavar="DIR", help="report folder, e.g. reports/sample")
    report.add_argument("--notebooks", nargs="+", metavar="NB", help="notebooks to run: names in notebooks/ (01_corpus_overview or 01_corpus_overview.ipynb) or paths")
    report.add_argument("-p", "--param", nargs=2, action="append", default=[], metavar=("KEY", "VALUE"),
                        help="a notebook parameter (repeatable): -p outlets nyt,wapo or '[\"nyt\"]', -p top_n 10, -p date_from 2016-01-01")
    report.add_argument("--lexicon", metavar="FILE", help="your denial lexicon (TSV like toolkit/data/denials.tsv), added to the shipped one")
    report.add_argument("--workers", type=int, default=1, metavar="N", help="processes for the corpus's extraction")
    report.add_argument("--kernels", type=int, metavar="N",
                        help="notebooks run at once, each in its own kernel (default: one per core; 1 bounds memory on a large corpus)")
    report.add_argument("--min-score", type=float, metavar="S",
                        help="keep denials the model scores at least S, 0-1 (default: the finder's); the report states it")
    report.add_argument("--aliases", metavar="FILE",
                        help="aliases CSV (surface,person) correcting the merge of speakers and deniers into persons (notebook parameter aliases)")
    report.add_argument("--gender", action="store_true",
                        help="show the share of quotes by women, men and unknown, guessed from first names (notebook parameter gender; see README)")
    report.add_argument("--quiet", action="store_true", help="no progress bar")
    report.set_defaults(func=cmd_report)


def param_value(key: str, text: str) -> Any:
    """Read a -p value as the notebooks do (`toolkit.reports.parameters.coerce`): `outlets nyt` and
    `outlets '["nyt"]'` are both ["nyt"], `top_n 20` is 20; a value of the wrong kind raises ParameterError."""
    from toolkit.reports.parameters import coerce

    return coerce(key, text)


def cmd_report(args: argparse.Namespace) -> int:
    """Run the report notebooks on a corpus with papermill and write HTML, tables and a manifest."""
    from toolkit.cli.options import checked_output
    from toolkit.reports.parameters import ParameterError
    from toolkit.reports.runner import ReportError, ReportParameterError, run_report

    checked_output(args.out, args, kind="folder", extra=[args.aliases])  # a missing corpus or an --out around an input: exit 2
    try:
        params = {key: param_value(key, value) for key, value in args.param}
    except ParameterError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if args.aliases:
        from pathlib import Path

        from toolkit.quotes.people import load_aliases

        load_aliases(args.aliases)  # a malformed file: exit 2 naming its line, before the extraction
        params["aliases"] = str(Path(args.aliases).resolve())  # the notebooks run in notebooks/
    if args.gender:
        params["gender"] = True
    try:
        result = run_report(args.corpus, args.out, notebooks=args.notebooks, parameters=params,
                            progress=not args.quiet, workers=args.workers, lexicon=args.lexicon,
                            min_score=args.min_score, kernels=args.kernels)
    except ReportError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2 if isinstance(exc, ReportParameterError) else 1
    print(f"report written to {result.out_dir} (open {result.out_dir / 'index.html'})")
    return 0
