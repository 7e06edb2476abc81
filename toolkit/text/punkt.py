"""Punkt sentence breaks in one loop: NLTK's decisions with this toolkit's fixed parameters, without NLTK.

The toolkit's Punkt has no training: a curated abbreviation list (`toolkit/data/abbreviations.txt`), a fixed
list of frequent sentence starters, no collocations and an empty orthographic context. Its decision at a
candidate break then depends only on the candidate's context string ("said. The"), and the whole of Punkt
(candidate contexts, the two annotation passes, slices, boundary realignment) fits in one function over plain
strings: no generator per stage and no token object per word. `toolkit.text.punkt_reference` is the same
configuration as NLTK subclasses; `tests/text/test_punkt.py` checks spans and decisions against it.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

__all__ = ["DOTTED_INITIALS", "SENTENCE_STARTERS", "abbreviations", "annotated_break", "compile_punkt", "contains_break", "punkt_slices"]

# Capitalised words that almost never follow an abbreviation inside a sentence, so an
# abbreviation followed by one of them ends the sentence (Punkt's "frequent sentence
# starter" heuristic). Without them "The answer was no. He left." would stay one sentence.
# "a" and "i" are left out: they are also initials ("Dr. A. Smith").
SENTENCE_STARTERS = frozenset(
    "after and as at but he her his however if in it its meanwhile on she so still that the "
    "their then there these they this those we when while".split()
)
#: "J.", "G.K.", "J.R.R.": letters each followed by a period (Punkt's initials, run-together ones included).
DOTTED_INITIALS = re.compile(r"(?:[^\W\d]\.)+$")


def compile_punkt(pattern: str) -> re.Pattern[str]:
    """Compile a Punkt pattern with `re`, reading `\\s` and `\\S` as the `regex` engine does."""
    # NLTK compiles Punkt's patterns with `regex`, whose \s leaves out \x1c-\x1f (`re`'s includes them)
    pattern = re.sub(r"(?<!\\)\\([sS])", lambda m: r"[^\S\x1c-\x1f]" if m.group(1) == "s" else r"[\S\x1c-\x1f]",
                     pattern)
    return re.compile(pattern, re.UNICODE | re.VERBOSE)


@lru_cache(maxsize=None)
def abbreviations() -> frozenset[str]:
    """Return the abbreviations in `toolkit/data/abbreviations.txt`, lower case, no final period."""
    text = resources.files("toolkit").joinpath("data/abbreviations.txt").read_text(encoding="utf-8")
    entries = (line.split("#", 1)[0].strip().lower().rstrip(".") for line in text.splitlines())
    return frozenset(entry for entry in entries if entry)


# Punkt's patterns (NLTK's PunktLanguageVars formats) with curly quotes among the marks that end a word.
_NON_WORD = r"(?:[)\";}\]\*:@\'\({\[‘’“”\?!])"
_MULTI_CHAR = r"(?:\-{2,}|\.{2,}|(?:\.\s){2,}\.)"
_WORD_START = r"[^\(\"“”\`{\[:;&\#\*@\)}\]\-,]"
# What follows a potential sentence ending ("." "?" or "!") for it to be a candidate break.
_AFTER_MARK = rf"""
    (?=(?P<after_tok>
        {_NON_WORD}                           # either other punctuation
        |
        \s+(?P<next_tok>\S+)                  # or whitespace and some other token
    ))"""
_PERIOD_CONTEXT = compile_punkt(r"[\.\?!]" + _AFTER_MARK)
# The same candidates for a stretch without "?" or "!" (most paragraphs): `re` finds a pattern that opens with one
# literal character by a tight scan, five times faster than testing a character class at every position.
_PERIOD_ONLY_CONTEXT = compile_punkt(r"\." + _AFTER_MARK)
_CONTEXT_WORDS = compile_punkt(rf"""(
    {_MULTI_CHAR}
    |
    (?={_WORD_START})\S+?                     # accept word characters until end is found
    (?=                                       # sequences marking a word's end
        \s|$|{_NON_WORD}|{_MULTI_CHAR}|,(?=$|\s|{_NON_WORD}|{_MULTI_CHAR})
    )
    |
    \S
)""")
# Punkt's realignment of closing marks onto the sentence before them (standard `re`, as NLTK's subclass had it).
_REALIGN = re.compile(r"[\"'’”)\]}‘“]+?(?:\s+|(?=--)|$)", re.MULTILINE)
_CLOSERS = frozenset("\"'’”)]}‘“")
# Punkt's token classes (compiled with `re`: \d and [^\W\d] meet ASCII or common letters and digits in news).
_ELLIPSIS = re.compile(r"\.\.+$")
_NUMERIC = re.compile(r"^-?[\.,]?\d[\d,\.-]*\.?$")
_PUNCTUATION = frozenset(";:,.!?")  # Punkt's PUNCTUATION: tokens that never start a sentence
_SENT_END = frozenset(".?!")
# Up to the last whitespace character but " " (with " ", Python's string.whitespace: Punkt's previous-word boundary)
_LAST_OTHER_SPACE = re.compile("(?s:.*)[\t\n\r\x0b\x0c]")

# Contexts whose decision follows from the rules in one match (71% of PolNeAR's candidates). The first group
# is an ASCII word of two letters or more (never an initial or a number) right before the period; the period
# is followed by whitespace and a character that cannot continue a multi-character mark ("..", ". . ."), or
# by one of Punkt's non-word characters, so Punkt's first token is exactly "word.".
_PLAIN_BREAK = re.compile(r"([A-Za-z]{2,})\.(?:[^\S\x1c-\x1f]+[^\s.\-]|[)\";}\]*:@'({\[‘’“”?!])")
# A word, initials or a number with its period, then one plain next word or number, and nothing else: "Mr. Obama",
# "Sen. Tom,", "Mrs. Clinton's", "U.S. officials", "J. Smith", "Sept. 11", "2016. The", "Mr. Smith.". The pieces
# after the next token ("'s", a closing mark, a final period) are Punkt tokens that cannot break a sentence
# (the last token of a context never counts).
_WORD_NEXT = re.compile(r"((?:[A-Za-z]\.)*[A-Za-z]+|[0-9]+)\.[ \t]+([A-Za-z0-9]+)(?:['’][A-Za-z]+)?[,;:)\"”’.]?")


def _first_pass(tok: str, abbrevs: frozenset[str]) -> tuple[bool, bool]:
    """Return Punkt's first-pass (sentbreak, abbreviation or ellipsis) of one token."""
    if tok in _SENT_END:
        return True, False
    if _ELLIPSIS.match(tok):
        return False, True
    if tok[-1] == "." and not tok.endswith(".."):
        low = tok[:-1].lower()
        if low in abbrevs or low.split("-")[-1] in abbrevs:
            return False, True
        return True, False
    return False, False


def _token_type(tok: str) -> str:
    """Return Punkt's type of a token: lower case, numbers as "##number##"."""
    low = tok.lower()
    return "##number##" if _NUMERIC.match(low) else low


def _breaks_after(tok: str, first: tuple[bool, bool], nxt: str, nxt_break: bool, abbrevs: frozenset[str]) -> bool:
    """Return Punkt's final sentbreak of `tok` (first pass `first`) followed by `nxt` (first-pass sentbreak `nxt_break`)."""
    sentbreak, abbr_or_ellipsis = first
    if tok[-1] != ".":
        return sentbreak
    typ = _token_type(tok)
    if len(typ) > 1 and typ[-1] == ".":
        typ = typ[:-1]
    next_typ = _token_type(nxt)
    if nxt_break and len(next_typ) > 1 and next_typ[-1] == ".":
        next_typ = next_typ[:-1]
    # a listed abbreviation is no initial ("U.S."); an ellipsis never looks like one
    initial = not abbr_or_ellipsis and DOTTED_INITIALS.match(tok) is not None
    if abbr_or_ellipsis and not initial and nxt[0].isupper() and next_typ in SENTENCE_STARTERS:
        return True  # the frequent-sentence-starter heuristic (the orthographic one never says "starts")
    if initial or typ == "##number##":
        # with an empty orthographic context the next token says "no start" when it is punctuation or lower case,
        # and an initial before a capitalised word is an abbreviation ("J. Bach")
        if nxt in _PUNCTUATION or nxt[0].islower() or (initial and nxt[0].isupper()):
            return False
    return sentbreak


def contains_break(context: str) -> bool:
    """True if Punkt puts a sentence break in the candidate context `context` ("said. The", "Mr. Obama")."""
    return _break_in(context, 0, len(context))


def _break_in(text: str, start: int, end: int) -> bool:
    """`contains_break(text[start:end])`, the common contexts decided without copying them out of `text`."""
    abbrevs = abbreviations()
    plain = _PLAIN_BREAK.match(text, start, end)
    if plain is not None and plain.group(1).lower() not in abbrevs:
        # Punkt's first pass marks "word." a break, its second pass only revisits abbreviations,
        # ellipses, initials and numbers, and a token follows: a break.
        return True
    after = _WORD_NEXT.fullmatch(text, start, end)
    if after is not None:
        # Punkt's decision on the first token, by the rules of `_breaks_after` (its second pass): the others
        # cannot break
        word, following = after.group(1, 2)
        if word.lower() in abbrevs:
            # an abbreviation breaks only before a capitalised frequent sentence starter
            return following[0].isupper() and following.lower() in SENTENCE_STARTERS
        if word[0].isdigit():
            return not following[0].islower()  # a number breaks unless a lower-case word follows
        if len(word) == 1 or word[-2] == ".":
            return following[0].isdigit()  # initials ("J.", "G.K.") break only before a number
        return True  # any other word ("U.Sa."): the first pass's break stands
    return annotated_break(text[start:end])


def annotated_break(context: str) -> bool:
    """`contains_break` by Punkt's two annotation passes over the context's tokens (no shortcut)."""
    abbrevs = abbreviations()
    toks = [tok for line in context.split("\n") if line.strip() for tok in _CONTEXT_WORDS.findall(line)]
    # a break after any token but the last (Punkt's text_contains_sentbreak ignores the last one)
    firsts = [_first_pass(tok, abbrevs) for tok in toks]
    return any(_breaks_after(toks[i], firsts[i], toks[i + 1], firsts[i + 1][0], abbrevs) for i in range(len(toks) - 1))


def punkt_slices(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Return Punkt's sentences of `text[start:end]` as offsets into `text` (NLTK's `span_tokenize`, realigned)."""
    slices: list[tuple[int, int]] = []
    last_break = start
    # Candidates: a mark and what follows it; the context is the word before the mark (back to the last
    # ASCII whitespace since the previous candidate), the mark, and what follows. Of candidates whose words
    # overlap (a run of marks) only the last counts.
    word_start = word_stop = start
    pending = None
    marks = _PERIOD_CONTEXT if text.find("?", start, end) >= 0 or text.find("!", start, end) >= 0 else _PERIOD_ONLY_CONTEXT
    for match in marks.finditer(text, start, end):
        at = match.start()
        space = text.rfind(" ", word_stop, at)
        # another whitespace character after that space: looked for in the word before the mark only, not by a
        # scan of the whole paragraph for one first (a `re` class at every character: 2% of find_quotes)
        other = _LAST_OTHER_SPACE.match(text, space + 1 if space >= word_stop else word_stop, at)
        if other is not None:
            space = other.end() - 1
        new_start = space + 1 if space > word_stop else word_start  # whitespace first in the gap counts as none
        # the context (word, mark, what follows) is one stretch of the text: word_start up to the lookahead's end
        # "?" and "!" are tokens of their own, always with one after them in the context: Punkt's break
        if pending is not None and word_stop <= new_start and (
                text[word_stop] != "." or _break_in(text, word_start, pending.end(1))):
            slices.append((last_break, pending.end()))
            following = pending.start(2)
            last_break = following if following >= 0 else pending.end()
        pending, word_start, word_stop = match, new_start, at
    stop = end
    while stop > start and text[stop - 1].isspace():
        stop -= 1
    if pending is None:
        # no candidate (40% of PolNeAR's paragraphs): one slice, nothing to realign
        return [(start, stop)] if start < stop else []
    if text[word_stop] != "." or _break_in(text, word_start, pending.end(1)):
        slices.append((last_break, pending.end()))
        following = pending.start(2)
        last_break = following if following >= 0 else pending.end()
    slices.append((last_break, stop))
    # Realignment: closing marks after a break ('."', '.)') move to the sentence before.
    out: list[tuple[int, int]] = []
    realign = 0
    last = len(slices) - 1
    for i, (first, stop) in enumerate(slices):
        first += realign
        m = None
        if i < last:
            following, following_stop = slices[i + 1]
            if following < following_stop and text[following] in _CLOSERS:  # the pattern's first character
                m = _REALIGN.match(text, following, following_stop)
        if m:
            out.append((first, following + len(m.group(0).rstrip())))
            realign = m.end() - following
        else:
            realign = 0
            if first < min(stop, end):
                out.append((first, stop))
    return out
