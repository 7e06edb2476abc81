"""Benchmark `python -m toolkit extract` on a large synthetic corpus: articles/s and peak memory.

    python benchmarks/bench_extract.py --articles 100000            # build the corpus once, run all engines
    python benchmarks/bench_extract.py --articles 1000000 --configs local-1

The corpus is made by resampling the texts of data/sample and ../shared/polnear (train and dev) into
gzipped JSON-lines shards of 1,000 articles (one partition each); each copy gets a distinct last line so that deduplication
keeps it. Each configuration runs as its own `python -m toolkit extract` process; peak RSS is the
largest sum of resident memory over that process and all its children (workers, Dask nanny and
workers), sampled every 0.2 s with psutil.
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SHARD_SIZE = 1000
CONFIGS = {
    "local-1": ["--engine", "local", "--workers", "1"],
    "local-2": ["--engine", "local", "--workers", "2"],
    "dask-2": ["--engine", "dask", "--workers", "2"],
}


def source_texts() -> list[tuple[str, str]]:
    """Return (outlet, text) for every sample and PolNeAR article."""
    sys.path.insert(0, str(ROOT))
    from toolkit import load_corpus

    paths = [ROOT / "data" / "sample", *(p for p in (SHARED / "polnear" / "train", SHARED / "polnear" / "dev") if p.is_dir())]
    frame = load_corpus(paths)
    return [(outlet or "unknown", text) for outlet, text in zip(frame["outlet"], frame["text"])]


def build_corpus(folder: Path, n_articles: int, seed: int = 13) -> None:
    """Write `n_articles` resampled articles as JSONL.gz shards into `folder` (reused if complete)."""
    done = folder / "COMPLETE"
    if done.is_file() and done.read_text() == str(n_articles):
        return
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    texts = source_texts()
    rng = random.Random(seed)
    for shard_start in range(0, n_articles, SHARD_SIZE):
        with gzip.open(folder / f"shard-{shard_start // SHARD_SIZE:05d}.jsonl.gz", "wt", encoding="utf-8") as handle:
            for i in range(shard_start, min(shard_start + SHARD_SIZE, n_articles)):
                outlet, text = texts[rng.randrange(len(texts))]
                row = {"id": f"a{i:07d}", "outlet": outlet, "date": f"2016-{1 + i % 12:02d}-{1 + i % 28:02d}",
                       "text": f"{text}\n\n(Synthetic copy {i}.)"}
                handle.write(json.dumps(row, ensure_ascii=False) + "\n")
    done.write_text(str(n_articles))


def peak_rss(process: subprocess.Popen, stop: threading.Event, result: list[int]) -> None:
    """Sample the resident memory of a process tree until `stop` is set; keep the peak."""
    root = psutil.Process(process.pid)
    peak = 0
    while not stop.is_set():
        try:
            members = [root, *root.children(recursive=True)]
            total = 0
            for member in members:
                try:
                    total += member.memory_info().rss
                except psutil.Error:
                    pass
            peak = max(peak, total)
        except psutil.Error:
            pass
        stop.wait(0.2)
    result.append(peak)


def run(corpus: Path, out: Path, args: list[str]) -> tuple[float, int, str]:
    """Run one extraction from scratch; return (seconds, peak RSS bytes, its summary line)."""
    shutil.rmtree(out, ignore_errors=True)
    command = [sys.executable, "-m", "toolkit", "extract", str(corpus), "--out", str(out), "--quiet", *args]
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    stop, peak = threading.Event(), []
    sampler = threading.Thread(target=peak_rss, args=(process, stop, peak))
    sampler.start()
    stdout, stderr = process.communicate()
    seconds = time.perf_counter() - start
    stop.set()
    sampler.join()
    if process.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed:\n{stderr}")
    return seconds, peak[0], stdout.strip().splitlines()[1]


def main() -> None:
    """Build the corpus, run each configuration, print a Markdown table."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--work", type=Path, default=Path("/tmp/toolkit-bench"), help="where corpus and outputs go")
    parser.add_argument("--configs", nargs="+", default=list(CONFIGS), choices=list(CONFIGS))
    args = parser.parse_args()
    corpus = args.work / f"corpus-{args.articles}"
    started = time.perf_counter()
    build_corpus(corpus, args.articles)
    print(f"corpus: {args.articles} articles in {corpus} (built or reused in {time.perf_counter() - started:.0f} s)")
    print(f"machine: {psutil.cpu_count()} cores, {psutil.virtual_memory().total / 2**30:.0f} GiB; python {sys.version.split()[0]}")
    print("\n| engine | workers | seconds | articles/s | peak RSS (MiB) |\n| --- | --- | --- | --- | --- |")
    baseline = None
    for name in args.configs:
        seconds, rss, summary = run(corpus, args.work / f"out-{name}", CONFIGS[name])
        rate = args.articles / seconds
        baseline = baseline or rate
        engine, workers = name.split("-")
        print(f"| {engine} | {workers} | {seconds:.1f} | {rate:.0f} ({rate / baseline:.2f}x) | {rss / 2**20:.0f} |", flush=True)
    print(f"\n(last run: {summary})")


if __name__ == "__main__":
    main()
