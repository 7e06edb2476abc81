"""Pair quotation marks into spans: straight, curly and NYT-style doubled apostrophes.

News convention (AP/NYT style, and PolNeAR's texts): a quotation that runs
over several paragraphs opens every paragraph with a mark and closes only in
the last one. Unbalanced marks never produce a span.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

Span = tuple[int, int]
# every alternative opens with a literal, so that `re` skips to the next mark in C; with a class among them
# ("''|``|[“”\"]") it tries the whole pattern at every character of the article
_MARK = re.compile(r"''|``|“|”|\"")
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
    for m in _MARK.finditer(text):
        pos, mark = m.start(), m.group()
        while p + 1 < len(para_starts) and para_starts[p + 1] <= pos:
            p += 1
        # nothing but whitespace between the paragraph start and the mark (searched, not copied: a
        # paragraph of a megabyte with a mark every few characters stays linear)
        at_para_start = bool(paragraphs) and _NON_SPACE.search(text, para_starts[p], pos) is None
        if open_mark is not None and p > open_mark[2]:
            if p == open_mark[2] + 1 and at_para_start and mark not in _CLOSERS:
                open_mark = (open_mark[0], open_mark[1], p)  # continuation paragraph
                continue
            open_mark = None  # never closed: unbalanced, dropped
        if open_mark is None:
            if mark not in _CLOSERS:
                open_mark = (pos, mark, p)
            continue
        if mark in _CLOSES[open_mark[1]] and not (mark == '"' and _looks_like_opener(text, pos, m.end())
                                                   and pos - open_mark[0] <= 1):
            out.append((open_mark[0], m.end()))
            open_mark = None
        elif mark in _OPENERS or mark == '"':
            open_mark = (pos, mark, p)  # previous opener was unbalanced
    return out


def _looks_like_opener(text: str, start: int, end: int) -> bool:
    """Return True for a straight mark preceded by space and followed by a letter."""
    return (start == 0 or text[start - 1].isspace()) and end < len(text) and text[end].isalnum()
