"""The quote finder's cost grows linearly with the length of an article, whatever the article looks like.

Each case builds one long text and a 10 KB text of the same kind (its prefix) and compares the CPU time
per character of `find_quotes` on both: a ratio measured in the same test, not an absolute time, so a
slow or busy machine does not fail it. Before the fixes of issue 16 the long texts cost 30-1000x more per
character than the short ones (64 KiB of "he said, " took 16 s; a megabyte did not finish).
"""

from __future__ import annotations

import time
from typing import Callable

import pytest
from conftest import script

from toolkit.quotes.doc import MAX_REACH, make_doc
from toolkit.quotes.finder import find_quotes

MAX_RATIO = 3.0  # cost per character of the long text over that of the 10 KB one
SMALL = 10_000


def _news() -> str:
    """Return the sample articles, repeated with a distinct line each time, as one text of about 1 MB (the text
    `benchmarks/bench_length.py` measures the whole analysis on)."""
    return script("bench_length", "benchmarks").news(1_000_000)


def _without_breaks() -> str:
    """Return the news text without sentence punctuation or line breaks: one megabyte-long sentence."""
    text = _news()
    for mark in ".?!":
        text = text.replace(mark, ",")
    return text.replace("\n", " ")


CASES: dict[str, Callable[[], str]] = {
    "news, 1 MB": _news,
    "no sentence punctuation or line breaks, 1 MB": _without_breaks,
    "unclosed quotation marks in one paragraph, 1 MB": lambda: "“a " * 350_000,
    "10,000 words, a cue every second word": lambda: "he said, " * 5_000,
    "10,000 words of attributed quotations in one sentence": lambda: "“We won the race,” she said, " * 2_000,
}


def _cpu_per_char(text: str, repeat: int) -> float:
    """Return the least CPU seconds per character of `find_quotes(text)` over `repeat` runs."""
    best = float("inf")
    for _ in range(repeat):
        start = time.process_time()
        find_quotes(text)
        best = min(best, time.process_time() - start)
    return best / len(text)


@pytest.mark.parametrize("case", list(CASES))
def test_cost_per_character_stays_flat(case: str) -> None:
    text = CASES[case]()
    find_quotes(text[:2000])  # lexicons and compiled patterns, loaded once
    small = _cpu_per_char(text[:SMALL], repeat=5)
    # best of three where it is cheap: one run of a 60 KB text now and then came out 3.3x on a busy machine
    large = _cpu_per_char(text, repeat=3 if len(text) < 200_000 else 1)
    assert large <= MAX_RATIO * small, f"{case}: {large / small:.1f}x the cost per character of 10 KB"


def test_reach_never_cuts_a_news_sentence() -> None:
    # The bound on how far rules read inside one sentence must exceed any real sentence, or the
    # finder's results on news would change.
    text = _news()
    doc = make_doc(text)
    longest = max(doc.tok_at(end) - doc.tok_at(start) for start, end in doc.sents)
    assert longest < MAX_REACH


def test_a_long_sentence_keeps_the_quotes_near_each_cue() -> None:
    # Far into a megabyte-long sentence, a cue still finds its speaker and its content.
    text = "one two three, " * 2_000 + "Smith said that the vote was rigged, " + "four five six, " * 2_000
    quotes = [q for q in find_quotes(text) if q.speaker == "Smith"]
    assert [(q.cue, q.text.split(",")[0]) for q in quotes] == [("said", "that the vote was rigged")]
