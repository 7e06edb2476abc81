"""Sentence, paragraph and word tokenizers for news text that return character spans.

Every tokenizer returns `Span(start, end)` pairs with `text[start:end]` the token, computed
as offsets while tokenizing (as NLTK's `span_tokenize` does), never by searching the text
again afterwards. Spans are sorted, non-overlapping, and never start or end on whitespace.

Sentences come from the Punkt algorithm with a fixed, curated news abbreviation list
(`toolkit/data/abbreviations.txt`) instead of a trained model, so nothing is downloaded; `toolkit.text.punkt`
makes NLTK's Punkt decisions without NLTK (`toolkit.text.punkt_reference` is the NLTK configuration it equals).
Known limitation: after an abbreviation Punkt only breaks when the next word is a common
sentence starter, so "in the U.S. The next day" splits but "in the U.S. Officials said"
stays one sentence; "He sat down. eBay said" wrongly merges (see `_merge_continuations`).
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources
from itertools import accumulate, chain, repeat
from operator import itemgetter, methodcaller
from typing import NamedTuple

from toolkit.text.punkt import punkt_slices

__all__ = ["Sentences", "Span", "paragraph_sentence_spans", "paragraph_spans", "sentence_spans", "sentences", "word_columns", "word_spans", "word_tokens"]


class Span(NamedTuple):
    """Character offsets of one token: `text[start:end]`."""

    start: int
    end: int


_LINE_BREAK = r"(?:\r\n|\r(?!\n)|\n)"  # never split a CRLF into two breaks
_LINE_BREAKS = re.compile(_LINE_BREAK)
# A line break followed by at least one line holding only whitespace.
_BLANK_LINES = re.compile(rf"{_LINE_BREAK}(?:[^\S\r\n]*{_LINE_BREAK})+")
# The same two patterns for a text without "\r": opening with the literal "\n", `re` skips to each line break in a
# tight loop instead of testing a class of break characters at every character (a pass over the article each)
_LF_BREAKS = re.compile(r"\n")
_LF_BLANK_LINES = re.compile(r"\n(?:[^\S\r\n]*\n)+")
# What may sit between a sentence break and the first letter of the next sentence.
_OPENERS = re.compile(r"[\s\"'“”‘’(\[…\-–—]*")
# Punctuation that continues a sentence and so never starts one.
_CONTINUATION_MARKS = frozenset(",;:)]}")

# One alternative per token kind, tried in this order at each position. {word}, {digit},
# {letter} and {other} are filled in with Unicode classes (see below).
_WORD_TEMPLATE = r"""
    (?:Mrs|Mr|Ms|Dr|Prof|Jr|Sr)\.(?!{word})          # common titles keep their period
  | (?:{letter}\.){{2,}}(?:-{word}+)*                  # dotted acronyms: U.S., D.C., e.g., U.S.-led
  | (?:[$€£¥](?={digit}))?(?:{digit}+(?:[.,]{digit}+)+|{word}+)   # numbers (1,000  3.5  $10) and words
    (?:[-'’]{word}+)*                                 # internal hyphens/apostrophes: don't, 16-year
  | {other}                                           # anything else is a one-character token
"""
# The tokens are those of NLTK's RegexpTokenizer over the same pattern written with \w, \d and
# [^\W\d_], which NLTK runs with the third-party `regex` engine. The standard `re` module is
# faster but reads those classes differently (combining marks, superscript digits, newer
# Unicode; and its \s includes \x1c-\x1f, which `regex` and so the old pattern's
# [^\s\x1c-\x1f] treat as non-space: `re`'s \S is that class exactly). So the classes are spelt
# out as code-point ranges taken from `regex` (`toolkit/data/word_classes.txt`, written by
# `scripts/derive_word_classes.py`); `tests/test_tokenize.py` checks the spans stay identical.
_WORD_PATTERN_NLTK = _WORD_TEMPLATE.format(word=r"\w", digit=r"\d", letter=r"[^\W\d_]", other=r"[^\s\x1c-\x1f]")
# The same tokens, in the form `re` runs faster (27% on news text): first a plain ASCII word that no other
# alternative can take (no title or acronym: not followed by "."; no word character, apostrophe or hyphen
# after it), then the template's alternatives with no repeat of a group where a plain sequence will do
# ("{{2,}}" as one then "+", the optional currency sign as an alternative of its own). The plain word's run is
# possessive: a shorter run is followed by a letter, which the lookahead refuses anyway, and `re` skips trying each.
# Then the punctuation marks that no other alternative starts with, before the alternatives with large classes
# that they would fail in turn (14% of the tokens of PolNeAR TRAIN). Together with the leading whitespace group
# of `_word_regex`, 11% fewer instructions for `word_columns` on 250 PolNeAR TRAIN articles.
# `tests/text/test_tokenize.py` checks the spans against NLTK's over `_WORD_TEMPLATE`.
_FAST_WORD_TEMPLATE = r"""
    [A-Za-z]++(?!{word}|[.'’-])                        # a plain ASCII word
  | [,.;:"“”()'’\-—–?!]                                # a mark that only the last alternative would take
  | (?:Mrs|Mr|Ms|Dr|Prof|Jr|Sr)\.(?!{word})
  | {letter}\.(?:{letter}\.)+(?:-{word}+)*
  | [$€£¥](?={digit})(?:{digit}+(?:[.,]{digit}+)+|{word}+)(?:[-'’]{word}+)*
  | (?:{digit}+(?:[.,]{digit}+)+|{word}+)(?:[-'’]{word}+)*
  | {other}
"""


def _char_class(cells: str, astral: bool) -> str:
    """Return an `re` class for space-separated hex ranges ("41-5A 5F 10000-1000B").

    With ``astral`` False only the Basic Multilingual Plane ranges are kept: `re` compiles
    those into a lookup table but scans ranges beyond U+FFFF one by one, for every character
    that is not in the class (about 5x slower on news text, which rarely has such characters).
    """
    ranges = []
    for cell in cells.split():
        lo, _, hi = cell.partition("-")
        first, last = int(lo, 16), int(hi or lo, 16)
        if astral or first <= 0xFFFF:
            ranges.append((first, last if astral else min(last, 0xFFFF)))
    return "[" + "".join(_class_char(a) + (f"-{_class_char(b)}" if b > a else "") for a, b in ranges) + "]"


def _class_char(code: int) -> str:
    """Return a code point as written in an `re` class: itself (parsed 3x faster than an escape), or `\\U` escaped
    when it has a meaning there, is whitespace (the pattern is VERBOSE) or a surrogate."""
    char = chr(code)
    if char in "\\]^-[#" or char.isspace() or 0xD800 <= code <= 0xDFFF:
        return f"\\U{code:08x}"
    return char


@lru_cache(maxsize=None)
def _word_regex(astral: bool) -> re.Pattern[str]:
    """Return the compiled word pattern (standard `re`, classes from `data/word_classes.txt`): the whitespace
    before a token as group 1, the token as group 2.

    Two groups, so that `re.split` keeps the whitespace and the token (`word_columns`); the token is group 2 of a
    match (`word_spans`). The whitespace is matched, not skipped by the search: `re` would otherwise try every
    alternative at every space (the pattern opens with no literal or class it could skip to). Compiled once: it
    is 40 KB of classes.
    """
    text = resources.files("toolkit").joinpath("data/word_classes.txt").read_text(encoding="utf-8")
    classes = dict(
        line.split("\t", 1) for line in text.splitlines() if line.strip() and not line.startswith("#")
    )
    pattern = _FAST_WORD_TEMPLATE.format(other=r"\S", **{name: _char_class(cells, astral) for name, cells in classes.items()})
    return re.compile(rf"(\s*)({pattern})", re.VERBOSE)


def _has_astral(text: str) -> bool:
    """Return True when `text` holds a character beyond U+FFFF (the word pattern then needs its astral ranges)."""
    # UTF-16 takes two bytes per character up to U+FFFF (lone surrogates too, with surrogatepass) and four beyond:
    # one encoding in C, 30x faster than `max(text)`, which makes a string object per character
    return not text.isascii() and len(text.encode("utf-16-le", "surrogatepass")) > 2 * len(text)


def _trimmed(text: str, start: int, end: int) -> Span | None:
    """Return `start:end` without surrounding whitespace, or None when nothing is left."""
    if start < end and not text[start].isspace() and not text[end - 1].isspace():
        return Span(start, end)  # the common case, without copying the piece
    piece = text[start:end]
    stripped = piece.strip()
    if not stripped:
        return None
    start += len(piece) - len(piece.lstrip())
    return Span(start, start + len(stripped))


def _continues_sentence(text: str, start: int, end: int) -> bool:
    """True when `text[start:end]` cannot start a sentence: it opens with a lower-case word or a comma etc."""
    first = _OPENERS.match(text, start, end).end()
    return text[start] in _CONTINUATION_MARKS or (first < end and text[first].islower())


def _merge_continuations(text: str, spans: list[tuple[int, int]]) -> list[Span]:
    """Join each sentence that cannot start a sentence to the one before it.

    Punkt always breaks after ? and ! and after any period it does not know as an
    abbreviation, so '"Is it over?" she asked.' and 'on Pennsylvania Ave. in Washington'
    would be split; a real sentence seldom starts lower case ("eBay" is the price).
    """
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and _continues_sentence(text, start, end):
            merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    # Span(start, end) per span is a Python call; tuple.__new__ over the list runs in C
    return list(map(tuple.__new__, repeat(Span), merged))


def paragraph_spans(text: str) -> list[Span]:
    """Return the paragraphs of `text`: blocks between blank lines, else its non-empty lines."""
    blank_lines, line_breaks = (_BLANK_LINES, _LINE_BREAKS) if "\r" in text else (_LF_BLANK_LINES, _LF_BREAKS)
    separator = blank_lines if blank_lines.search(text) else line_breaks
    spans: list[Span] = []
    start = 0
    for match in [*separator.finditer(text), None]:
        end = match.start() if match else len(text)
        span = _trimmed(text, start, end)
        if span:
            spans.append(span)
        start = match.end() if match else end
    return spans


def paragraph_sentence_spans(text: str, paragraph: Span) -> list[Span]:
    """Return the sentences of one paragraph of `text` (offsets into `text`).

    `sentence_spans` is this over every paragraph; call it directly to split only the paragraphs
    you need (sentence splitting costs more than most finders).
    """
    slices = punkt_slices(text, paragraph.start, paragraph.end)
    if len(slices) == 1 and slices[0] == paragraph:
        return [paragraph]  # one sentence (half of PolNeAR's paragraphs): nothing to trim or merge
    found: list[tuple[int, int]] = []
    for start, end in slices:
        if start >= end or text[start].isspace() or text[end - 1].isspace():
            span = _trimmed(text, start, end)
            if span is None:
                continue
            start, end = span
        if found and start < found[-1][1]:
            # Realignment can overlap on odd punctuation runs; keep one sentence.
            found[-1] = (found[-1][0], max(found[-1][1], end))
        else:
            found.append((start, end))
    return _merge_continuations(text, found)


class Sentences:
    """The paragraphs of one text and their sentences, each paragraph split once, when first asked for.

    Made once per article and handed to every finder (`find_quotes(text, sentences=...)`,
    `find_denials(text, sentences=...)`), so that the article is split into sentences once.
    """

    __slots__ = ("text", "paragraphs", "_split")

    def __init__(self, text: str) -> None:
        self.text = text
        self.paragraphs = paragraph_spans(text)
        self._split: dict[int, list[Span]] = {}

    def of_paragraph(self, i: int) -> list[Span]:
        """Return the sentences of paragraph `i` (`paragraph_sentence_spans`); do not modify the list."""
        found = self._split.get(i)
        if found is None:
            found = self._split[i] = paragraph_sentence_spans(self.text, self.paragraphs[i])
        return found

    def all(self) -> list[Span]:
        """Return every sentence of the text (`sentence_spans`)."""
        return [span for i in range(len(self.paragraphs)) for span in self.of_paragraph(i)]


def sentence_spans(text: str) -> list[Span]:
    """Return the sentences of `text`; a blank line always ends a sentence."""
    return [span for para in paragraph_spans(text) for span in paragraph_sentence_spans(text, para)]


def sentences(text: str) -> list[str]:
    """Return the sentence strings of `text`."""
    return [text[start:end] for start, end in sentence_spans(text)]


def word_spans(text: str) -> list[Span]:
    """Return the word, number and punctuation tokens of `text`."""
    pattern = _word_regex(_has_astral(text))
    # tuple.__new__(Span, (start, end)) for every match, all in C: 20% faster than Span(*m.span(2))
    return list(map(tuple.__new__, repeat(Span), map(_TOKEN_SPAN, pattern.finditer(text))))


_TOKEN_SPAN = methodcaller("span", 2)  # a match's token (group 2; group 1 is the whitespace before it)


def word_tokens(text: str) -> tuple[list[tuple[int, int]], list[str]]:
    """Return the tokens of `word_spans` twice over: their spans as plain `(start, end)` tuples, and their strings.

    For finders that need both: one pass of the pattern, and every list built in C (no match object, and
    no token sliced out of the text in Python).
    """
    spans, toks, _ = word_columns(text)
    return spans, toks


def word_columns(text: str) -> tuple[list[tuple[int, int]], list[str], list[int]]:
    """Return `word_tokens(text)` and the tokens' start offsets (the spans' first items), from one split."""
    # `split` on the token pattern (two groups) gives, per token, the text between matches, the whitespace before
    # the token and the token, then the whitespace after the last token. Every non-space character is a token
    # (the last alternative) and no whitespace character starts one (tests/text/test_tokenize.py), so a match
    # starts where the search does: the pieces between matches are empty and hide no token. Without them (and
    # the final whitespace), one C deletion, the running sum of the lengths is every token's start and end; a
    # running sum over the empty pieces too cost 0.3 M instructions more per PolNeAR article.
    parts = _word_regex(_has_astral(text)).split(text)
    del parts[::3]
    bounds = list(accumulate(map(len, parts)))
    starts = bounds[0::2]
    return list(zip(starts, bounds[1::2])), parts[1::2], starts
