"""Cost per character of one article's whole analysis (quotes and denials) at 5 KB and at 1 MB.

    taskset -c 1 .venv/bin/python benchmarks/bench_length.py [--small 5000] [--large 1000000]

Issue 16 asks that a 1 MB article cost per character within 2x what a 5 KB one does. The long text is the
sample articles repeated, each copy with a line of its own (news, not a pathological text: those are in
tests/quotes/test_linear.py and tests/denials/test_finder.py); the short one is its first 5 KB. Each is run through
`analyse_article`, as `extract` runs it, and the least CPU time of several runs is kept, after a warm-up that loads
the lexicons.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from toolkit.corpus.article import Article
from toolkit.pipeline.extraction import analyse_article

SAMPLE = Path(__file__).resolve().parents[1] / "data" / "sample"


def news(size: int) -> str:
    """Return the sample articles, repeated with a distinct line each time, as one text of at least ``size`` chars."""
    articles = [p.read_text(encoding="utf-8") for p in sorted(SAMPLE.glob("*.txt"))]
    parts, total, i = [], 0, 0
    while total < size:
        part = f"{articles[i % len(articles)]}\n\nCopy {i} of the sample, said the editor."
        parts.append(part)
        total += len(part) + 2
        i += 1
    return "\n\n".join(parts)


def cpu_per_char(text: str, runs: int) -> float:
    """Return the least CPU seconds per character of analysing ``text`` over ``runs`` runs."""
    best = float("inf")
    for _ in range(runs):
        start = time.process_time()
        analyse_article(Article(doc_id="bench", text=text))
        best = min(best, time.process_time() - start)
    return best / len(text)


def main() -> None:
    """Print the cost per character at both sizes and their ratio."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--small", type=int, default=5_000)
    parser.add_argument("--large", type=int, default=1_000_000)
    args = parser.parse_args()
    text = news(args.large)
    analyse_article(Article(doc_id="warm-up", text=text[:3000]))
    small = cpu_per_char(text[:args.small], runs=20)
    large = cpu_per_char(text, runs=2)
    print(f"{args.small:,} chars: {small * 1e6:.3f} us/char; {len(text):,} chars: {large * 1e6:.3f} us/char; "
          f"ratio {large / small:.2f}")


if __name__ == "__main__":
    main()
