"""Sentence, paragraph and word tokenizers for news text that return character spans.

Every tokenizer returns `Span(start, end)` pairs with `text[start:end]` the token, computed
as offsets while tokenizing (as NLTK's `span_tokenize` does), never by searching the text
again afterwards. Spans are sorted, non-overlapping, and never start or end on whitespace.

Sentences come from NLTK's Punkt algorithm with a fixed, curated news abbreviation list
(`toolkit/data/abbreviations.txt`) instead of a trained model, so nothing is downloaded.
Known limitation: after an abbreviation Punkt only breaks when the next word is a common
sentence starter, so "in the U.S. The next day" splits but "in the U.S. Officials said"
stays one sentence; "He sat down. eBay said" wrongly merges (see `_merge_continuations`).
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources
from itertools import repeat
from typing import NamedTuple

from nltk.tokenize import RegexpTokenizer
from nltk.tokenize.punkt import (
    PunktLanguageVars,
    PunktParameters,
    PunktSentenceTokenizer,
    PunktToken,
)

__all__ = ["Span", "paragraph_sentence_spans", "paragraph_spans", "sentence_spans", "sentences", "word_spans", "word_tokens"]


class Span(NamedTuple):
    """Character offsets of one token: `text[start:end]`."""

    start: int
    end: int


# Capitalised words that almost never follow an abbreviation inside a sentence, so an
# abbreviation followed by one of them ends the sentence (Punkt's "frequent sentence
# starter" heuristic). Without them "The answer was no. He left." would stay one sentence.
# "a" and "i" are left out: they are also initials ("Dr. A. Smith").
_SENTENCE_STARTERS = frozenset(
    "after and as at but he her his however if in it its meanwhile on she so still that the "
    "their then there these they this those we when while".split()
)

_LINE_BREAK = r"(?:\r\n|\r(?!\n)|\n)"  # never split a CRLF into two breaks
_LINE_BREAKS = re.compile(_LINE_BREAK)
# A line break followed by at least one line holding only whitespace.
_BLANK_LINES = re.compile(rf"{_LINE_BREAK}(?:[^\S\r\n]*{_LINE_BREAK})+")
# What may sit between a sentence break and the first letter of the next sentence.
_OPENERS = re.compile(r"[\s\"'“”‘’(\[…\-–—]*")
# Punctuation that continues a sentence and so never starts one.
_CONTINUATION_MARKS = frozenset(",;:)]}")
# "J.", "G.K.", "J.R.R.": letters each followed by a period.
_DOTTED_INITIALS = re.compile(r"(?:[^\W\d]\.)+$")

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


class _NewsLanguageVars(PunktLanguageVars):
    """Punkt language variables that treat curly quotes like the straight ones."""

    # NLTK 3.8.1 (our minimum) lists only straight quotes in these three patterns, so a
    # period before ” is not even a candidate break; spelling them out here keeps
    # curly-quoted news text working whichever NLTK version is installed.
    _re_word_start = r"[^\(\"“”\`{\[:;&\#\*@\)}\]\-,]"
    re_boundary_realignment = re.compile(r"[\"'’”)\]}‘“]+?(?:\s+|(?=--)|$)", re.MULTILINE)

    @property
    def _re_non_word_chars(self) -> str:
        """Characters that cannot appear within words, curly quotes included."""
        others = re.escape("".join(set(self.sent_end_chars) - {"."}))
        return rf"(?:[)\";}}\]\*:@\'\({{\[‘’“”{others}])"


    # NLTK compiles these two patterns with the `regex` engine behind a per-call timeout wrapper
    # (its ReDoS guard for caller-supplied patterns); ours are fixed, so they are compiled once
    # with `re`, 2.5x faster sentence splitting. They use only \s and \S, spelt as `regex` reads
    # them (`re` counts \x1c-\x1f as space).
    def _word_tokenizer_re(self) -> re.Pattern[str]:
        """Return the compiled Punkt word-splitting pattern (standard `re`)."""
        try:
            return self._re_plain_word_tokenizer
        except AttributeError:
            self._re_plain_word_tokenizer = _compile_punkt(self._word_tokenize_fmt % {
                "NonWord": self._re_non_word_chars,
                "MultiChar": self._re_multi_char_punct,
                "WordStart": self._re_word_start,
            })
            return self._re_plain_word_tokenizer

    def period_context_re(self) -> re.Pattern[str]:
        """Return the compiled Punkt sentence-break context pattern (standard `re`)."""
        try:
            return self._re_plain_period_context
        except AttributeError:
            self._re_plain_period_context = _compile_punkt(self._period_context_fmt % {
                "NonWord": self._re_non_word_chars,
                "SentEndChars": self._re_sent_end_chars,
            })
            return self._re_plain_period_context


def _compile_punkt(pattern: str) -> re.Pattern[str]:
    """Compile a Punkt pattern with `re`, reading `\\s` and `\\S` as the `regex` engine does."""
    pattern = re.sub(r"(?<!\\)\\([sS])", lambda m: r"[^\S\x1c-\x1f]" if m.group(1) == "s" else r"[\S\x1c-\x1f]",
                     pattern)
    return re.compile(pattern, re.UNICODE | re.VERBOSE)


class _NewsToken(PunktToken):
    """Punkt token that also counts run-together initials ("G.K.", "J.R.R.") as initials."""

    __slots__ = ()

    # Punkt's token-type patterns, compiled with `re` (see `_NewsLanguageVars`); \d and [^\W\d]
    # only meet ASCII or common letters and digits in news text, where both engines agree.
    _RE_ELLIPSIS = re.compile(r"\.\.+$")
    _RE_NUMERIC = re.compile(r"^-?[\.,]?\d[\d,\.-]*\.?$")
    _RE_INITIAL = re.compile(r"[^\W\d]\.$")
    _RE_ALPHA = re.compile(r"[^\W\d]+$")

    @property
    def is_initial(self) -> bool:
        """True for "J." or "G.K." unless the token is a listed abbreviation such as "U.S."."""
        # Punkt never ends a sentence at an initial followed by a capitalised word, but
        # "in the U.S. The" should still end one, so listed abbreviations stay abbreviations.
        return bool(_DOTTED_INITIALS.match(self.tok)) and not self.abbr


@lru_cache(maxsize=None)
def _abbreviations() -> frozenset[str]:
    """Return the abbreviations in `toolkit/data/abbreviations.txt`, lower case, no final period."""
    text = resources.files("toolkit").joinpath("data/abbreviations.txt").read_text(encoding="utf-8")
    entries = (line.split("#", 1)[0].strip().lower().rstrip(".") for line in text.splitlines())
    return frozenset(entry for entry in entries if entry)


@lru_cache(maxsize=None)
def _sentence_tokenizer() -> PunktSentenceTokenizer:
    """Return the shared Punkt tokenizer built from the shipped abbreviation list."""
    params = PunktParameters()
    params.abbrev_types = set(_abbreviations())
    params.sent_starters = set(_SENTENCE_STARTERS)
    return PunktSentenceTokenizer(params, lang_vars=_NewsLanguageVars(), token_cls=_NewsToken)


@lru_cache(maxsize=None)
def _word_tokenizer() -> RegexpTokenizer:
    """Return NLTK's tokenizer over the word pattern: the reference `word_spans` must equal."""
    return RegexpTokenizer(_WORD_PATTERN_NLTK, flags=re.UNICODE | re.VERBOSE)


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
    return "[" + "".join(f"\\U{a:08x}" + (f"-\\U{b:08x}" if b > a else "") for a, b in ranges) + "]"


@lru_cache(maxsize=None)
def _word_regex(astral: bool) -> re.Pattern[str]:
    """Return the compiled word pattern (standard `re`, classes from `data/word_classes.txt`)."""
    text = resources.files("toolkit").joinpath("data/word_classes.txt").read_text(encoding="utf-8")
    classes = dict(
        line.split("\t", 1) for line in text.splitlines() if line.strip() and not line.startswith("#")
    )
    return re.compile(
        _WORD_TEMPLATE.format(other=r"\S", **{name: _char_class(cells, astral) for name, cells in classes.items()}),
        re.VERBOSE,
    )


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


def _continues_sentence(text: str, span: Span) -> bool:
    """True when `span` cannot start a sentence: it opens with a lower-case word or a comma etc."""
    first = _OPENERS.match(text, span.start, span.end).end()
    return text[span.start] in _CONTINUATION_MARKS or (first < span.end and text[first].islower())


def _merge_continuations(text: str, spans: list[Span]) -> list[Span]:
    """Join each sentence that cannot start a sentence to the one before it.

    Punkt always breaks after ? and ! and after any period it does not know as an
    abbreviation, so '"Is it over?" she asked.' and 'on Pennsylvania Ave. in Washington'
    would be split; a real sentence seldom starts lower case ("eBay" is the price).
    """
    merged: list[Span] = []
    for span in spans:
        if merged and _continues_sentence(text, span):
            merged[-1] = Span(merged[-1].start, span.end)
        else:
            merged.append(span)
    return merged


def paragraph_spans(text: str) -> list[Span]:
    """Return the paragraphs of `text`: blocks between blank lines, else its non-empty lines."""
    separator = _BLANK_LINES if _BLANK_LINES.search(text) else _LINE_BREAKS
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
    found: list[Span] = []
    for start, end in _sentence_tokenizer().span_tokenize(text[paragraph.start : paragraph.end]):
        span = _trimmed(text, paragraph.start + start, paragraph.start + end)
        if span is None:
            continue
        if found and span.start < found[-1].end:
            # Realignment can overlap on odd punctuation runs; keep one sentence.
            found[-1] = Span(found[-1].start, max(found[-1].end, span.end))
        else:
            found.append(span)
    return _merge_continuations(text, found)


def sentence_spans(text: str) -> list[Span]:
    """Return the sentences of `text`; a blank line always ends a sentence."""
    return [span for para in paragraph_spans(text) for span in paragraph_sentence_spans(text, para)]


def sentences(text: str) -> list[str]:
    """Return the sentence strings of `text`."""
    return [text[start:end] for start, end in sentence_spans(text)]


def word_spans(text: str) -> list[Span]:
    """Return the word, number and punctuation tokens of `text`."""
    pattern = _word_regex(bool(text) and max(text) > "\uffff")
    # tuple.__new__(Span, (start, end)) for every match, all in C: 20% faster than Span(*m.span())
    return list(map(tuple.__new__, repeat(Span), map(re.Match.span, pattern.finditer(text))))


def word_tokens(text: str) -> tuple[list[tuple[int, int]], list[str]]:
    """Return the tokens of `word_spans` twice over: their spans as plain `(start, end)` tuples, and their strings.

    For finders that need both: one pass of the pattern, and every list built in C (no token sliced out
    of the text in Python).
    """
    matches = list(_word_regex(bool(text) and max(text) > "\uffff").finditer(text))
    return list(map(re.Match.span, matches)), list(map(re.Match.group, matches))
