"""Where a lexicon pattern's match can begin: the characters that can open it, and a scanner for those positions.

The denial lexicon looks for a multi-word entry in a window around its trigger word. ``re`` has no bound on where a
match may *start*, so a window search (``finditer`` from 80 characters before the trigger) tries every position up
to the window's end, 280 of them, when the entry does not match there, as it mostly does not. Most entries can only
begin with a few letters ("did not", "does not", "never": d, n and their capitals), and only at a word start; trying
the pattern at just those positions, in order, finds the same matches as the window search (see
:func:`toolkit.denials.lexicon.find_matches`) for a fraction of the work. A pattern whose first character cannot be
bounded (``\\w``, ``.``, a negated class, a pattern that can match nothing) gets no scanner, and keeps the window
search.
"""

from __future__ import annotations

import re
from functools import lru_cache
from re import _constants as sre  # the parse tree's opcodes: stable within a Python version, read-only here
from re import _parser as sre_parse
from typing import Any

#: Characters that case-insensitive matching pairs with an ASCII letter besides its two cases (``re`` folds them:
#: the Kelvin sign matches "k", the long s "s", dotted and dotless i "i").
EXTRA_FOLDS = {"i": "\u0130\u0131", "k": "\u212a", "s": "\u017f"}
#: The widest character range expanded into single characters (wider: no bound).
_MAX_RANGE = 128

_ZERO_WIDTH = frozenset({sre.AT, sre.ASSERT, sre.ASSERT_NOT})
_REPEATS = frozenset({sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT})


def _fold(ch: str) -> frozenset[str] | None:
    """The characters a case-insensitive pattern character ``ch`` matches; None when that is not known for sure."""
    if ch.isascii():
        if not ch.isalpha():
            return frozenset(ch)
        low = ch.lower()
        return frozenset(low + ch.upper() + EXTRA_FOLDS.get(low, ""))
    if ch.lower() == ch == ch.upper():
        return frozenset(ch)  # no case ("’", "“"): only itself
    return None


def _class(items: list[tuple[Any, Any]]) -> frozenset[str] | None:
    out: set[str] = set()
    for op, av in items:
        if op is sre.LITERAL:
            chars = _fold(chr(av))
        elif op is sre.RANGE and av[1] - av[0] <= _MAX_RANGE:
            chars = frozenset().union(*(_fold(chr(c)) or {None} for c in range(av[0], av[1] + 1)))
            if None in chars:
                return None
        else:  # a category (\w, \s), a negated class, a wide range: unbounded
            return None
        if chars is None:
            return None
        out |= chars
    return frozenset(out)


def _sequence(items: Any) -> tuple[frozenset[str] | None, bool]:
    """(the characters that can open a match of the sequence, or None; whether it can match nothing)."""
    out: set[str] = set()
    for op, av in items:
        chars, empty = _item(op, av)
        if chars is None:
            return None, False
        out |= chars
        if not empty:
            return frozenset(out), False
    return frozenset(out), True


def _item(op: Any, av: Any) -> tuple[frozenset[str] | None, bool]:
    if op is sre.LITERAL:
        return _fold(chr(av)), False
    if op is sre.IN:
        return _class(av), False
    if op in _ZERO_WIDTH:
        return frozenset(), True  # a lookaround or an anchor consumes nothing: the next item opens the match
    if op is sre.SUBPATTERN:
        return _sequence(av[3])
    if op is sre.ATOMIC_GROUP:
        return _sequence(av)
    if op in _REPEATS:
        chars, empty = _sequence(av[2])
        return chars, empty or av[0] == 0
    if op is sre.BRANCH:
        out: set[str] = set()
        any_empty = False
        for alternative in av[1]:
            chars, empty = _sequence(alternative)
            if chars is None:
                return None, False
            out |= chars
            any_empty = any_empty or empty
        return frozenset(out), any_empty
    return None, False  # any character, a back reference, a negated literal: unbounded


def opening_chars(source: str, flags: int = 0) -> frozenset[str] | None:
    """The characters that can be the first of a match of the regex ``source`` (case-insensitively: a superset of the
    case-sensitive answer); None when they cannot be bounded or the regex can match the empty string."""
    chars, empty = _sequence(sre_parse.parse(source, flags).data)
    if chars is None or empty or not chars:
        return None
    return chars


@lru_cache(maxsize=1024)
def start_scanner(source: str, flags: int = 0) -> re.Pattern[str] | None:
    """A regex whose matches are the one-character positions where a match of ``source`` can begin *at a word start*
    (the position is not after a word character, nor after a word's apostrophe, as the lexicon's ``WORD_START``
    demands); None when :func:`opening_chars` has no bound. Its first item is a plain class, so ``re`` skips the
    other characters in C."""
    chars = opening_chars(source, flags)
    if chars is None:
        return None
    members = "".join(re.escape(c) for c in sorted(chars))
    return re.compile(rf"[{members}](?<!\w.)(?<!\w['’].)", re.DOTALL)
