"""The command line: a thin layer over the library (`python -m toolkit --help`)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any, Callable, Sequence

from .loaders import CorpusError, load_corpus, load_log

PROG = "python -m toolkit"


def _column_mapping(pairs: Sequence[str]) -> dict[str, str]:
    mapping = {}
    for pair in pairs:
        field, sep, column = pair.partition("=")
        if not sep or not field or not column:
            raise argparse.ArgumentTypeError(f"--column expects FIELD=COLUMN, got {pair!r}")
        mapping[field] = column
    return mapping


def _add_load_options(parser: argparse.ArgumentParser) -> None:
    """Options every command that reads a corpus shares."""
    group = parser.add_argument_group("reading the corpus")
    group.add_argument("--column", action="append", default=[], metavar="FIELD=COLUMN",
                       help="export column holding an article field, e.g. text=body or date=published_at (repeatable)")
    group.add_argument("--metadata", metavar="FILE", help="metadata .tsv/.csv joined on file stem (default: found beside the files)")
    group.add_argument("--encoding", help="decode every file with this encoding (default: UTF-8, then a logged cp1252/latin-1 fallback)")
    group.add_argument("--rules", metavar="FILE", help="extra boilerplate rules (JSON lines, like toolkit/data/boilerplate.jsonl)")
    group.add_argument("--only-my-rules", action="store_true", help="use the --rules file instead of the shipped rules, not in addition")
    group.add_argument("--no-dedupe", action="store_true", help="keep articles whose text repeats an earlier one")


def _load_options(args: argparse.Namespace) -> dict[str, Any]:
    from .boilerplate import load_rules

    options: dict[str, Any] = {"dedupe": not args.no_dedupe}
    if args.column:
        options["columns"] = _column_mapping(args.column)
    if args.metadata:
        options["metadata"] = args.metadata
    if args.encoding:
        options["encoding"] = args.encoding
    if args.rules:
        options["rules"] = load_rules(args.rules, extend=not args.only_my_rules)
    return options


def cmd_load(args: argparse.Namespace) -> int:
    """Summarise a corpus and its load log; optionally write the articles table and the log."""
    from .tables import write_table

    frame = load_corpus(args.paths, progress=not args.quiet, **_load_options(args))
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
    if args.out:
        out = write_table(frame, args.out)
        log_path = out.with_name(out.stem + ".load_log" + out.suffix)
        write_table(events, log_path)
        print(f"\nwrote {len(frame)} articles to {out} and the load log to {log_path}")
    if not len(frame):
        print("error: no article could be read from " + ", ".join(args.paths), file=sys.stderr)
        return 1
    return 0


def _param_value(text: str) -> Any:
    """Read a -p value as JSON (numbers, lists, null), else as a plain string."""
    try:
        return json.loads(text)
    except json.JSONDecodeError:
        return text


def cmd_report(args: argparse.Namespace) -> int:
    """Run the report notebooks on a corpus with papermill and write HTML, tables and a manifest."""
    from .report import ReportError, run_report

    params = {key: _param_value(value) for key, value in args.param}
    try:
        result = run_report(args.corpus, args.out, notebooks=args.notebooks, parameters=params,
                            progress=not args.quiet, workers=args.workers, lexicon=args.lexicon)
    except ReportError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    print(f"report written to {result.out_dir} (open {result.out_dir / 'index.html'})")
    return 0


def cmd_quotes(args: argparse.Namespace) -> int:
    """Find quotes in a corpus (streaming) and write one JSON object (or CSV row) per quote."""
    from dataclasses import asdict

    from .loaders import iter_articles
    from .loadlog import LoadLog
    from .quotes import QUOTE_FIELDS, find_quotes
    from .tables import RecordWriter

    log = LoadLog()
    with RecordWriter(args.out, ["doc", *QUOTE_FIELDS], args.format) as out:
        for article in iter_articles(args.paths, log=log, **_load_options(args)):
            for quote in find_quotes(article.text):
                out.write({"doc": article.doc_id, **asdict(quote)})
    return _finder_summary("quotes", out, log, args.paths)


def _finder_summary(what: str, out: Any, log: Any, paths: Sequence[str]) -> int:
    """Print what a finder command wrote and the load log's summary; non-zero when nothing was read."""
    print(f"{out.count} {what} from {log.loaded} articles written to {out.path} ({log.summary()})")
    if not log.loaded:
        print("error: no article could be read from " + ", ".join(paths), file=sys.stderr)
        return 1
    return 0


def cmd_evaluate(args: argparse.Namespace) -> int:
    """Run the quote finder on a PolNeAR-style brat split and print the GGT evaluation table."""
    from .brat import read_brat_dir
    from .evaluation import evaluate_quotes, format_report
    from .quotes import find_quotes

    split = Path(args.split_dir)
    if not (split / "attributions").is_dir():
        print(f"error: {split} has no attributions/ folder (expected a PolNeAR-style brat split)", file=sys.stderr)
        return 2
    gold, predictions = {}, {}
    for stem, text, golds in read_brat_dir(split):
        gold[stem] = (text, golds)
        predictions[stem] = find_quotes(text)
    print(f"{args.task} on {split} ({len(gold)} documents)")
    print(format_report(evaluate_quotes(predictions, gold)))
    return 0


def cmd_extract(args: argparse.Namespace) -> int:
    """Extract articles, quotes, denials and the load log as partitioned Parquet, resumably."""
    from .pipeline import extract

    result = extract(
        args.corpus, args.out, engine=args.engine, workers=args.workers, scheduler=args.scheduler,
        files_per_partition=args.files_per_partition, progress=not args.quiet,
        lexicon=args.lexicon, lexicon_extend=not args.only_my_lexicon, **_load_options(args),
    )
    manifest = json.loads((result.out_dir / "manifest.json").read_text(encoding="utf-8"))
    articles = manifest["articles"]
    print(f"{result.partitions} partitions: {result.ran} run, {result.skipped} already done")
    print(f"articles: {articles['read']} read, {articles['loaded']} loaded, {articles['skipped']} skipped, "
          f"{articles['duplicates_across_partitions']} duplicates across partitions")
    print("rows: " + ", ".join(f"{table} {n}" for table, n in result.rows.items()) + f" -> {result.out_dir}")
    if not articles["loaded"]:
        print(f"error: no article could be read from {args.corpus}", file=sys.stderr)
        return 1
    return 0


def build_parser() -> argparse.ArgumentParser:
    """Return the argument parser with every subcommand."""
    parser = argparse.ArgumentParser(prog=PROG, description="News discourse toolkit: load corpora, find quotes and denials, make reports.")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    load = sub.add_parser("load", help="summarise a corpus and its load log; --out writes the articles table")
    load.add_argument("paths", nargs="+", metavar="PATH", help="a file or folder: .txt, .jsonl, .json, .csv, .tsv, .html (optionally .gz)")
    load.add_argument("--out", metavar="FILE", help="write the articles to FILE (.jsonl, .csv or .parquet) and the load log beside it")
    load.add_argument("--quiet", action="store_true", help="no progress bar")
    _add_load_options(load)
    load.set_defaults(func=cmd_load)

    report = sub.add_parser("report", help="run the report notebooks on a corpus (papermill) and write HTML, tables, manifest")
    report.add_argument("corpus", metavar="CORPUS", help="a file or folder of articles")
    report.add_argument("--out", required=True, metavar="DIR", help="report folder, e.g. reports/sample")
    report.add_argument("--notebooks", nargs="+", metavar="NB", help="notebooks to run (names in notebooks/ or paths)")
    report.add_argument("-p", "--param", nargs=2, action="append", default=[], metavar=("KEY", "VALUE"),
                        help="a notebook parameter, VALUE read as JSON if it parses (repeatable)")
    report.add_argument("--lexicon", metavar="FILE", help="your denial lexicon (TSV like toolkit/data/denials.tsv), added to the shipped one")
    report.add_argument("--workers", type=int, default=1, metavar="N", help="processes for the corpus's extraction")
    report.add_argument("--quiet", action="store_true", help="no progress bar")
    report.set_defaults(func=cmd_report)

    quotes = sub.add_parser("quotes", help="find quotes (who says what, through which verb); one JSON object per quote")
    quotes.add_argument("paths", nargs="+", metavar="PATH", help="a file or folder of articles")
    quotes.add_argument("--out", required=True, metavar="FILE", help="output file (.jsonl, or .csv)")
    quotes.add_argument("--format", choices=["jsonl", "csv"], help="output format (default: from the --out suffix)")
    _add_load_options(quotes)
    quotes.set_defaults(func=cmd_quotes)

    evaluate = sub.add_parser("evaluate", help="score a finder against PolNeAR-style brat gold (GGT protocol)")
    evaluate.add_argument("task", choices=["quotes", "denials"], help="what to evaluate")
    evaluate.add_argument("split_dir", metavar="SPLIT_DIR", help="a folder with text/ and attributions/, e.g. polnear/dev")
    evaluate.add_argument("text_dir", nargs="?", metavar="TEXT_DIR", help="denials only: the folder of STEM.txt texts")
    evaluate.set_defaults(func=_cmd_evaluate_any)

    extract = sub.add_parser("extract", help="extract articles, quotes and denials as partitioned Parquet (resumable; local or Dask)")
    extract.add_argument("corpus", nargs="+", metavar="CORPUS", help="files or folders of articles, or JSONL/CSV shards")
    extract.add_argument("--out", required=True, metavar="DIR", help="output folder; rerunning with it resumes")
    extract.add_argument("--engine", choices=["local", "dask"], default="local", help="local processes (default) or a Dask cluster")
    extract.add_argument("--scheduler", metavar="ADDR", help="Dask scheduler address (default: a LocalCluster on this machine)")
    extract.add_argument("--workers", type=int, default=1, metavar="N", help="worker processes (local) or LocalCluster workers (dask)")
    extract.add_argument("--files-per-partition", type=int, default=500, metavar="N", help="text/HTML files per work unit")
    extract.add_argument("--lexicon", metavar="FILE", help="your denial lexicon (TSV like toolkit/data/denials.tsv), added to the shipped one")
    extract.add_argument("--only-my-lexicon", action="store_true", help="use the --lexicon file instead of the shipped one")
    extract.add_argument("--quiet", action="store_true", help="no progress bar")
    _add_load_options(extract)
    extract.set_defaults(func=cmd_extract)

    from .denials_cli import add_denials_parser

    add_denials_parser(sub, _add_load_options)
    return parser


def _cmd_evaluate_any(args: argparse.Namespace) -> int:
    """Dispatch ``evaluate TASK``: denials (GOLD_DIR TEXT_DIR) or quotes."""
    if args.task == "denials":
        from .denials_cli import cmd_evaluate_denials

        return cmd_evaluate_denials(args)
    return cmd_evaluate(args)


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
