"""Throughput of the quote finder on one core: articles per second over PolNeAR dev + train.

    .venv/bin/python benchmarks/bench_quotes.py [POLNEAR_DIR]

Prints the median of 5 timed runs (after one warm-up run that loads the lexicons), by wall
clock and by this process's CPU time (the fairer number on a shared, busy machine).
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

from toolkit.quotes import find_quotes


def main(polnear: Path) -> None:
    """Time find_quotes over every PolNeAR dev and train text."""
    texts = [p.read_text(encoding="utf-8") for split in ("dev", "train")
             for p in sorted((polnear / split / "text").glob("*.txt"))]
    for text in texts[:20]:
        find_quotes(text)
    wall, cpu = [], []
    for _ in range(5):
        t0, c0 = time.perf_counter(), time.process_time()
        n = sum(len(find_quotes(text)) for text in texts)
        wall.append(len(texts) / (time.perf_counter() - t0))
        cpu.append(len(texts) / (time.process_time() - c0))
    print(f"{len(texts)} articles, {n} quotes: median {statistics.median(wall):.0f} articles/s wall clock "
          f"(runs: {', '.join(f'{r:.0f}' for r in wall)}), {statistics.median(cpu):.0f} articles/s CPU time")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parents[2] / "shared" / "polnear")
