"""Where `extract` spends its time: a cProfile of one worker over PolNeAR, as shares per pipeline stage.

    .venv/bin/python benchmarks/profile_extract.py                   # both corpus formats, 2 copies of PolNeAR
    taskset -c 1 .venv/bin/python benchmarks/profile_extract.py --copies 4 --formats jsonl --top 15

The corpus is every PolNeAR text of train and dev (`../shared/polnear/{train,dev}/text/*.txt`), repeated
`--copies` times, each copy with a distinct last line so that deduplication keeps it; it is written once
(reused when complete) both as a folder of .txt files and as gzipped JSON-lines shards of 1,000 articles.
Each format runs `python -m toolkit extract --workers 1` (the library's `extract`, local engine, in
this process) under `python -m cProfile`, from start-up to the last Parquet file, and once without
the profiler for the real rate.

Stages come from where each function is defined (toolkit module, NLTK's Punkt, pyarrow's Parquet ...);
the self time of built-ins, of pandas, numpy and pyarrow's table code, and of unclaimed standard-library
code (`re`, `str` methods) goes to the function that called it, in proportion to the time each caller
spent in it: pandas work counts for the toolkit stage that asked for it (building the partition tables,
the people post-pass, reading doc_ids). cProfile slows
pure-Python calls more than C code, so shares are indicative, and garbage collection has no row of its
own (it lands in whatever allocated). Pin to one core with `taskset -c 1` on a shared machine.
"""

from __future__ import annotations

import argparse
import gzip
import json
import pstats
import shutil
import statistics
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
POLNEAR = ROOT.parent / "shared" / "polnear"
SHARD_SIZE = 1000
FORMATS = ("txt", "jsonl")
SMALL_SHARE = 0.01  # stages below this share are summed into one row

Func = tuple[str, int, str]

# (path fragment, function name or None for any, stage): the first row that matches a function's file wins.
_BY_PATH: list[tuple[str, str | None, str]] = [
    ("toolkit/text/tokenize.py", "word_spans", "word tokens"),
    ("toolkit/text/tokenize.py", "word_tokens", "word tokens"),
    ("toolkit/text/tokenize.py", "word_columns", "word tokens"),
    ("toolkit/text/tokenize.py", "_word_regex", "word tokens"),
    ("toolkit/text/tokenize.py", None, "sentences (Punkt)"),
    ("toolkit/text/punkt.py", None, "sentences (Punkt)"),
    ("nltk/tokenize/punkt.py", None, "sentences (Punkt)"),
    ("toolkit/quotes/doc.py", "make_doc", "quotes: doc (token lists)"),
    ("toolkit/quotes/doc.py", None, "quotes: shared helpers (doc.py)"),
    ("toolkit/quotes/marks.py", None, "quotes: direct (marks, direct.py)"),
    ("toolkit/quotes/rules/direct.py", None, "quotes: direct (marks, direct.py)"),
    ("toolkit/quotes/rules/indirect.py", None, "quotes: indirect.py"),
    ("toolkit/quotes/rules/around.py", None, "quotes: around.py"),
    ("toolkit/quotes/rules/phrase.py", None, "quotes: phrase.py"),
    ("toolkit/quotes/rules/sourceless.py", None, "quotes: sourceless.py"),
    ("toolkit/quotes/finder.py", None, "quotes: finder.py"),
    ("toolkit/quotes/speakers.py", None, "speakers"),
    ("toolkit/quotes/people.py", None, "people (corpus-wide post-pass)"),
    ("toolkit/quotes/gender.py", None, "people (corpus-wide post-pass)"),
    ("toolkit/pipeline/extraction.py", "_people_pass", "people (corpus-wide post-pass)"),
    ("toolkit/pipeline/extraction.py", "_read_persons", "people (corpus-wide post-pass)"),
    ("toolkit/quotes/lexicon.py", None, "quotes: finder.py"),
    ("toolkit/denials/deniers.py", None, "denials: deniers"),
    ("toolkit/denials/lexicon.py", None, "denials: lexicon scan"),
    ("toolkit/denials/negation.py", None, "denials: lexicon scan"),
    ("toolkit/denials/candidates.py", None, "denials: candidates and model"),
    ("toolkit/denials/model.py", None, "denials: candidates and model"),
    ("toolkit/denials/", None, "denials: finder.py"),
    ("toolkit/corpus/boilerplate.py", None, "boilerplate"),
    ("toolkit/corpus/decoding.py", None, "read/decode"),
    ("toolkit/corpus/formats.py", None, "read/decode"),
    ("toolkit/corpus/jsonstream.py", None, "read/decode"),
    ("toolkit/corpus/vendors/", None, "read/decode"),
    ("/gzip.py", None, "read/decode"),
    ("/json/", None, "read/decode"),
    ("/codecs.py", None, "read/decode"),
    ("toolkit/corpus/", None, "loader checks (dates, ids, metadata)"),
    ("dateutil/", None, "loader checks (dates, ids, metadata)"),
    ("/dataclasses.py", None, "result rows (analyse_article, asdict)"),
    ("toolkit/pipeline/extraction.py", "analyse_article", "result rows (analyse_article, asdict)"),
    ("toolkit/pipeline/extraction.py", "run_partition", "result rows (analyse_article, asdict)"),
    ("pyarrow/parquet", None, "Parquet"),
    ("pyarrow/_parquet", None, "Parquet"),
    ("pandas/io/parquet.py", None, "Parquet"),
    ("toolkit/io/", None, "Parquet"),
    ("toolkit/pipeline/layout.py", None, "DataFrame/Arrow building"),
    ("toolkit/pipeline/", None, "planning, markers, doc_ids"),
]
_HASHING = ("_hashlib", "_blake2", "sha256", "hexdigest", "'digest'", "blake2b")
_STARTUP = "start-up (imports, lexicons)"


def stage_of(func: Func) -> str | None:
    """Return the stage a function's own time belongs to, or None when its callers decide."""
    path, _, name = func
    path = path.replace("\\", "/")
    if path.startswith("<frozen importlib") or name == "<module>":
        return _STARTUP
    if path == "~" and any(h in name for h in _HASHING):
        return "dedupe and content hashing"
    for fragment, wanted, stage in _BY_PATH:
        if fragment in path and (wanted is None or wanted == name):
            return stage
    return None


def stage_times(stats: pstats.Stats, rounds: int = 30) -> dict[str, float]:
    """Return seconds of self time per stage; unclaimed functions pass theirs on to their callers.

    The shares of unclaimed functions are found by repeated passes over the call graph (recursion and
    mutual recursion included); what no claimed function reaches is "other".
    """
    table: dict[Func, Any] = stats.stats  # type: ignore[attr-defined]
    fixed = {func: stage for func in table if (stage := stage_of(func)) is not None}
    edges = {func: [(c, edge[2] or edge[1] * 1e-9) for c, edge in entry[4].items() if c != func]
             for func, entry in table.items() if func not in fixed}
    current: dict[Func, dict[str, float]] = {func: {} for func in edges}
    for _ in range(rounds):
        for func, callers in edges.items():
            total = sum(weight for _, weight in callers)
            mix: dict[str, float] = defaultdict(float)
            for caller, weight in callers:
                if caller in fixed:
                    mix[fixed[caller]] += weight / total
                else:
                    for name, share in current.get(caller, {}).items():
                        mix[name] += share * weight / total
            current[func] = mix
    out: dict[str, float] = defaultdict(float)
    for func, entry in table.items():
        tottime = entry[2]
        if func in fixed:
            out[fixed[func]] += tottime
            continue
        mix = current[func]
        for name, share in mix.items():
            out[name] += tottime * share
        out["other"] += tottime * max(0.0, 1.0 - sum(mix.values()))
    return dict(out)


def source_texts(polnear: Path) -> list[str]:
    """Return every PolNeAR train and dev text, in file-name order; none found is an error."""
    texts = [p.read_text(encoding="utf-8") for split in ("train", "dev")
             for p in sorted((polnear / split / "text").glob("*.txt"))]
    if not texts:
        raise SystemExit(f"no PolNeAR text under {polnear}/{{train,dev}}/text: pass --polnear")
    return texts


def build_corpus(work: Path, copies: int, polnear: Path = POLNEAR) -> dict[str, Path]:
    """Write the corpus as a .txt folder and as JSONL.gz shards under `work` (reused when complete)."""
    folders = {"txt": work / f"txt-{copies}", "jsonl": work / f"jsonl-{copies}"}
    done = work / f"COMPLETE-{copies}"
    if done.is_file():
        return folders
    for folder in folders.values():
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(parents=True)
    texts = source_texts(polnear)
    rows = [{"id": f"a{i:06d}", "outlet": "polnear", "date": f"2016-{1 + i % 12:02d}-{1 + i % 28:02d}",
             "text": f"{texts[i % len(texts)]}\n\n(Copy {i}.)"} for i in range(copies * len(texts))]
    for row in rows:
        (folders["txt"] / f"{row['id']}.txt").write_text(row["text"], encoding="utf-8")
    for start in range(0, len(rows), SHARD_SIZE):
        with gzip.open(folders["jsonl"] / f"shard-{start // SHARD_SIZE:04d}.jsonl.gz", "wt", encoding="utf-8") as handle:
            for row in rows[start:start + SHARD_SIZE]:
                handle.write(json.dumps(row, ensure_ascii=False) + "\n")
    done.write_text(str(len(rows)))
    return folders


def run_extract(corpus: Path, out: Path, profile: Path | None = None) -> float:
    """Run `python -m toolkit extract` with one worker from scratch; return its wall-clock seconds."""
    shutil.rmtree(out, ignore_errors=True)
    prefix = ["-m", "cProfile", "-o", str(profile)] if profile else []
    command = [sys.executable, *prefix, "-m", "toolkit", "extract", str(corpus), "--out", str(out), "--quiet",
               "--engine", "local", "--workers", "1"]
    start = time.perf_counter()
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed:\n{done.stderr}")
    return seconds


def main() -> None:
    """Build the corpus, profile each format, print a Markdown table of stage shares."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--copies", type=int, default=2, help="copies of PolNeAR train+dev (924 texts each)")
    parser.add_argument("--formats", nargs="+", default=list(FORMATS), choices=FORMATS)
    parser.add_argument("--runs", type=int, default=1, help="unprofiled runs per format (median reported)")
    parser.add_argument("--work", type=Path, default=Path("/tmp/toolkit-profile"))
    parser.add_argument("--polnear", type=Path, default=POLNEAR, help="PolNeAR folder (train/, dev/)")
    parser.add_argument("--top", type=int, default=0, help="also print the N functions with most self time")
    args = parser.parse_args()
    folders = build_corpus(args.work, args.copies, args.polnear)
    n = int((args.work / f"COMPLETE-{args.copies}").read_text())
    shares: dict[str, dict[str, float]] = {}
    rates: dict[str, str] = {}
    for fmt in args.formats:
        out = args.work / f"out-{fmt}"
        seconds = [run_extract(folders[fmt], out) for _ in range(args.runs)]
        rates[fmt] = f"{n / statistics.median(seconds):.0f}"
        profile = args.work / f"{fmt}.prof"
        run_extract(folders[fmt], out, profile)
        stats = pstats.Stats(str(profile))
        times = stage_times(stats)
        total = sum(times.values())
        shares[fmt] = {name: t / total for name, t in times.items()}
        if args.top:
            print(f"\n{fmt}: top {args.top} functions by self time")
            stats.sort_stats("tottime").print_stats(args.top)
    names = sorted({s for per in shares.values() for s in per}, key=lambda s: -max(p.get(s, 0) for p in shares.values()))
    print(f"{n} articles (PolNeAR train+dev x {args.copies}), one worker, python {sys.version.split()[0]}\n")
    print("| stage | " + " | ".join(f"{fmt} folder" if fmt == "txt" else "JSONL.gz" for fmt in args.formats) + " |")
    print("| --- |" + " --- |" * len(args.formats))
    small = [name for name in names if max(shares[f].get(name, 0) for f in args.formats) < SMALL_SHARE]
    for name in [n for n in names if n not in small]:
        print(f"| {name} | " + " | ".join(f"{100 * shares[f].get(name, 0):.1f}%" for f in args.formats) + " |")
    if small:
        print(f"| {len(small)} stages under {100 * SMALL_SHARE:.0f}% each | "
              + " | ".join(f"{100 * sum(shares[f].get(n, 0) for n in small):.1f}%" for f in args.formats) + " |")
    print("| articles/s without the profiler (start-up included) | " + " | ".join(rates[f] for f in args.formats) + " |")


if __name__ == "__main__":
    main()
