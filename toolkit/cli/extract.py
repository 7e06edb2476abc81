"""``extract CORPUS... --out DIR``: articles, quotes, denials and the load log as partitioned Parquet."""

from __future__ import annotations

import argparse
import json
import sys

from toolkit.cli.options import DENIAL_MIN_SCORE, add_load_options, checked_output, load_options, log_hints


def add_parser(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Register the ``extract`` command."""
    extract = sub.add_parser("extract", help="extract articles, quotes and denials as partitioned Parquet (resumable; local or Dask)")
    extract.add_argument("corpus", nargs="+", metavar="CORPUS", help="files or folders of articles, or JSONL/CSV shards")
    extract.add_argument("--out", required=True, metavar="DIR", help="output folder; rerunning with it resumes")
    extract.add_argument("--engine", choices=["local", "dask"], default="local", help="local processes (default) or a Dask cluster")
    extract.add_argument("--scheduler", metavar="ADDR", help="Dask scheduler address (default: a LocalCluster on this machine)")
    extract.add_argument("--workers", type=int, default=1, metavar="N", help="worker processes (local) or LocalCluster workers (dask)")
    extract.add_argument("--files-per-partition", type=int, default=500, metavar="N", help="text/HTML files per work unit")
    extract.add_argument("--lexicon", metavar="FILE", help="your denial lexicon (TSV like toolkit/data/denials.tsv), added to the shipped one")
    extract.add_argument("--only-my-lexicon", action="store_true", help="use the --lexicon file instead of the shipped one")
    extract.add_argument("--min-score", type=float, default=DENIAL_MIN_SCORE, metavar="S",
                         help=f"keep denials the model scores at least S, 0-1 (default {DENIAL_MIN_SCORE}; higher: fewer, surer)")
    extract.add_argument("--aliases", metavar="FILE", help="aliases CSV (surface,person) correcting the corpus-wide merge of speakers into persons")
    extract.add_argument("--gender", action="store_true", help="add gender_guess (female/male/unknown from the first name; see README)")
    extract.add_argument("--quiet", action="store_true", help="no progress bar")
    add_load_options(extract)
    extract.set_defaults(func=cmd_extract)


def cmd_extract(args: argparse.Namespace) -> int:
    """Extract articles, quotes, denials and the load log as partitioned Parquet, resumably."""
    from toolkit.pipeline.extraction import extract, read_table

    checked_output(args.out, args, kind="folder", extra=[args.aliases])  # extract checks again; this fails before planning a big corpus
    result = extract(
        args.corpus, args.out, engine=args.engine, workers=args.workers, scheduler=args.scheduler,
        files_per_partition=args.files_per_partition, progress=not args.quiet,
        lexicon=args.lexicon, lexicon_extend=not args.only_my_lexicon, min_score=args.min_score,
        aliases=args.aliases, gender=args.gender, **load_options(args),
    )
    manifest = json.loads((result.out_dir / "manifest.json").read_text(encoding="utf-8"))
    articles = manifest["articles"]
    print(f"{result.partitions} partitions: {result.ran} run, {result.skipped} already done")
    print(f"articles: {articles['read']} read, {articles['loaded']} loaded, {articles['skipped']} skipped, "
          f"{articles['duplicates_across_partitions']} duplicates across partitions")
    print("rows: " + ", ".join(f"{table} {n}" for table, n in result.rows.items()) + f" -> {result.out_dir}")
    for line in log_hints(read_table(result.out_dir, "load_log").itertuples(index=False)):
        print(line, file=sys.stderr)
    if not articles["loaded"]:
        print("error: no article could be read from " + ", ".join(args.corpus), file=sys.stderr)
        return 1
    return 0
