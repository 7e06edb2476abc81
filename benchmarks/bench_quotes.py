"""Throughput of the finders on one core: articles per second over PolNeAR dev + train.

    .venv/bin/python benchmarks/bench_quotes.py [POLNEAR_DIR]

Times the quote finder alone, then quotes + denials as the extraction runs them (the denial finder
reusing the quotes and the article's sentence split), on texts already in memory: finders only, no
loading or writing (for the whole pipeline see benchmarks/bench_extract.py). Prints the median of 5
timed runs after one warm-up run that loads the lexicons, by wall clock and by this process's CPU
time (the fairer number on a shared, busy machine). Pin it to one core with `taskset -c 0` for a strict one-core figure.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path
from typing import Callable

from toolkit.denials.finder import article_denials
from toolkit.quotes.finder import find_quotes
from toolkit.text.tokenize import Sentences


def quotes_only(text: str) -> int:
    """Run the quote finder; return the number of results."""
    return len(find_quotes(text))


def quotes_and_denials(text: str) -> int:
    """Run the quote finder and the denial finder with its quotes and sentences, as `analyse_article` does."""
    sentences = Sentences(text)
    quotes = find_quotes(text, sentences=sentences)
    return len(quotes) + len(article_denials(text, None, quotes=quotes, sentences=sentences))


def measure(name: str, finder: Callable[[str], int], texts: list[str]) -> None:
    """Print the median throughput of `finder` over `texts`."""
    for text in texts[:20]:
        finder(text)
    wall, cpu = [], []
    for _ in range(5):
        t0, c0 = time.perf_counter(), time.process_time()
        n = sum(finder(text) for text in texts)
        wall.append(len(texts) / (time.perf_counter() - t0))
        cpu.append(len(texts) / (time.process_time() - c0))
    print(f"{name}: {len(texts)} articles, {n} results: median {statistics.median(wall):.0f} articles/s wall clock "
          f"(runs: {', '.join(f'{r:.0f}' for r in wall)}), {statistics.median(cpu):.0f} articles/s CPU time")


def main(polnear: Path) -> None:
    """Time the finders over every PolNeAR dev and train text."""
    texts = [p.read_text(encoding="utf-8") for split in ("dev", "train")
             for p in sorted((polnear / split / "text").glob("*.txt"))]
    measure("quotes", quotes_only, texts)
    measure("quotes + denials", quotes_and_denials, texts)


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parents[2] / "shared" / "polnear")
