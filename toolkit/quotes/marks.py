"""Pair quotation marks into spans: straight, curly and NYT-style doubled apostrophes.

News convention (AP/NYT style, and PolNeAR's texts): a quotation that runs
over several paragraphs opens every paragraph with a mark and closes only in
the last one. Unbalanced marks never produce a span.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

Span = tuple[int, int]
#: The quotation marks, each found with ``str.find`` (a memchr-speed scan): a regex alternation of them
#: (``''|``|“|”|"``) tests a first-character set at every character of the article. Marks of different
#: kinds share no character, so finding each kind left to right without overlaps and merging by offset
#: gives exactly that regex's ``finditer`` matches.
_MARKS = ("''", "``", "“", "”", '"')
_NON_SPACE = re.compile(r"\S")
_OPENERS = {"“", "``"}
_CLOSERS = {"”"}
# which marks may close a quotation opened by a given mark (typographic mixes occur in scraped text)
_CLOSES = {"“": {"”", '"'}, '"': {'"', "”"}, "``": {"''"}, "''": {"''"}}


def quotation_spans(text: str, paragraphs: Sequence[Span]) -> list[Span]:
    """Return ``(start, end)`` spans from an opening to its closing mark, both included.

    Args:
        text: the article text.
        paragraphs: its paragraph spans (``toolkit.text.tokenize.paragraph_spans``).

    Returns:
        Sorted, non-overlapping spans; a multi-paragraph quotation is one span.
    """
    para_starts = [s for s, _ in paragraphs]
    out: list[Span] = []
    open_mark: tuple[int, str, int] | None = None  # (start, mark, paragraph index of latest part)
    p = 0
    for pos, mark in _find_marks(text):
        end = pos + len(mark)
        p = max(p, bisect.bisect_right(para_starts, pos) - 1)  # the last paragraph starting at or before the mark
        # nothing but whitespace between the paragraph start and the mark (searched, not copied: a
        # paragraph of a megabyte with a mark every few characters stays linear); a mark inside a
        # paragraph that opens with a visible character needs no search
        at_para_start = bool(paragraphs) and (pos <= para_starts[p] or (
            text[para_starts[p]].isspace() and _NON_SPACE.search(text, para_starts[p], pos) is None))
        if open_mark is not None and p > open_mark[2]:
            if p == open_mark[2] + 1 and at_para_start and mark not in _CLOSERS:
                open_mark = (open_mark[0], open_mark[1], p)  # continuation paragraph
                continue
            open_mark = None  # never closed: unbalanced, dropped
        if open_mark is None:
            if mark not in _CLOSERS:
                open_mark = (pos, mark, p)
            continue
        if mark in _CLOSES[open_mark[1]] and not (mark == '"' and _looks_like_opener(text, pos, end)
                                                   and pos - open_mark[0] <= 1):
            out.append((open_mark[0], end))
            open_mark = None
        elif mark in _OPENERS or mark == '"':
            open_mark = (pos, mark, p)  # previous opener was unbalanced
    return out


def _find_marks(text: str) -> list[tuple[int, str]]:
    """Return (offset, mark) of every quotation mark of ``text``, in text order (as one regex scan would)."""
    return sorted((i, mark) for mark in _MARKS for i in occurrences(text, mark))


def occurrences(text: str, needle: str) -> list[int]:
    """Return the start of every occurrence of ``needle`` in ``text``, left to right without overlaps (``str.find``:
    a memchr-speed scan, where a regex tests its pattern at every character)."""
    found = []
    i = text.find(needle)
    while i >= 0:
        found.append(i)
        i = text.find(needle, i + len(needle))
    return found


def _looks_like_opener(text: str, start: int, end: int) -> bool:
    """Return True for a straight mark preceded by space and followed by a letter."""
    return (start == 0 or text[start - 1].isspace()) and end < len(text) and text[end].isalnum()
