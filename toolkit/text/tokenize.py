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
from collections.abc import Iterator
from functools import lru_cache
from importlib import resources
from itertools import accumulate, chain, repeat
from operator import itemgetter
from typing import NamedTuple

from nltk.tokenize import RegexpTokenizer
from nltk.tokenize.punkt import (
    PunktLanguageVars,
    PunktParameters,
    PunktSentenceTokenizer,
    PunktToken,
)

__all__ = ["Sentences", "Span", "paragraph_sentence_spans", "paragraph_spans", "sentence_spans", "sentences", "word_spans", "word_tokens"]


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


# Punkt contexts ("word. Next") whose decision is known without building Punkt tokens; see
# `_NewsSentenceTokenizer.text_contains_sentbreak`. The first group is an ASCII word of two letters
# or more (never an initial or a number) right before the period; the period is followed by
# whitespace and a character that cannot continue a multi-character mark ("..", ". . ."), or by
# one of Punkt's non-word characters, so Punkt's first token is exactly "word.".
_PLAIN_BREAK = re.compile(r"([A-Za-z]{2,})\.(?:[^\S\x1c-\x1f]+[^\s.\-]|[)\";}\]*:@'({\[‘’“”?!])")
# An abbreviation's context that ends with one plain next word: "Mr. Obama", "Sen. Tom,", "Mrs. Clinton's".
# The pieces after the word ("'s", a comma) are Punkt tokens that cannot break a sentence.
_ABBREVIATION_NEXT = re.compile(r"([A-Za-z]{2,})\.[ \t]+([A-Za-z]+)(?:['’][A-Za-z]+)?[,;:)\"”’]?")


class _NewsSentenceTokenizer(PunktSentenceTokenizer):
    """Punkt with its two hot steps done without per-token objects where the result is provably the same.

    With fixed parameters (no collocations, no orthographic context) Punkt's decision for a candidate
    break depends only on its context string, and for the two shapes most news periods have (a plain
    word, or a listed abbreviation before one plain word) it follows from the rules in a few lookups.
    `tests/text/test_tokenize.py` checks both shortcuts against NLTK's own decision.
    """

    def text_contains_sentbreak(self, text: str) -> bool:
        """True if the candidate context `text` holds a sentence break (as Punkt decides it)."""
        plain = _PLAIN_BREAK.match(text)
        if plain is not None and plain.group(1).lower() not in self._params.abbrev_types:
            # Punkt's first pass marks "word." a break, its second pass only revisits abbreviations,
            # ellipses, initials and numbers, and a token follows: a break.
            return True
        after = _ABBREVIATION_NEXT.fullmatch(text)
        if after is not None and after.group(1).lower() in self._params.abbrev_types:
            # An abbreviation breaks only before a capitalised frequent sentence starter (the orthographic
            # context is empty); the tokens after the next word are the last and so cannot count.
            word = after.group(2)
            return word[0].isupper() and word.lower() in self._params.sent_starters
        return super().text_contains_sentbreak(text)

    def _realign_boundaries(self, text: str, slices: Iterator[slice]) -> Iterator[slice]:
        """Punkt's realignment, matching in place instead of copying each sentence out of `text`."""
        realign = 0
        boundary = self._lang_vars.re_boundary_realignment
        slices = iter(slices)
        sentence2 = next(slices, None)
        while sentence2 is not None:
            sentence1, sentence2 = sentence2, next(slices, None)
            sentence1 = slice(sentence1.start + realign, sentence1.stop)
            # `$` and the lookahead stop at `endpos` exactly as at the end of a copied slice
            m = sentence2 and boundary.match(text, sentence2.start, max(sentence2.start, sentence2.stop))
            if m:
                yield slice(sentence1.start, sentence2.start + len(m.group(0).rstrip()))
                realign = m.end() - sentence2.start
            else:
                realign = 0
                if sentence1.start < min(sentence1.stop, len(text)):
                    yield sentence1


@lru_cache(maxsize=None)
def _sentence_tokenizer() -> PunktSentenceTokenizer:
    """Return the shared Punkt tokenizer built from the shipped abbreviation list."""
    params = PunktParameters()
    params.abbrev_types = set(_abbreviations())
    params.sent_starters = set(_SENTENCE_STARTERS)
    return _NewsSentenceTokenizer(params, lang_vars=_NewsLanguageVars(), token_cls=_NewsToken)


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
    pattern = _word_regex(bool(text) and max(text) > "\uffff")
    # tuple.__new__(Span, (start, end)) for every match, all in C: 20% faster than Span(*m.span())
    return list(map(tuple.__new__, repeat(Span), map(re.Match.span, pattern.finditer(text))))


def word_tokens(text: str) -> tuple[list[tuple[int, int]], list[str]]:
    """Return the tokens of `word_spans` twice over: their spans as plain `(start, end)` tuples, and their strings.

    For finders that need both: one pass of the pattern, and every list built in C (no match object, and
    no token sliced out of the text in Python).
    """
    # Each match is the whitespace before a token and the token; the running sum of their lengths is
    # every token's start and end. Every non-space character is a token (the last alternative) and no
    # whitespace character starts one (tests/text/test_tokenize.py), so the whitespace group hides none.
    pairs = _spaced_word_regex(bool(text) and max(text) > "\uffff").findall(text)
    bounds = list(accumulate(map(len, chain.from_iterable(pairs))))
    return list(zip(bounds[0::2], bounds[1::2])), list(map(itemgetter(1), pairs))


@lru_cache(maxsize=None)
def _spaced_word_regex(astral: bool) -> re.Pattern[str]:
    """Return the word pattern behind a group of the whitespace before it: `(\\s*)(token)`."""
    return re.compile(rf"(\s*)({_word_regex(astral).pattern})", re.VERBOSE)
