"""Denial candidates and their context features (what the trained decision in :mod:`toolkit.denials.model` sees).

A candidate is a lexicon match that passes the definitional checks (not negated, sense constraints met:
:func:`toolkit.denials.negation.is_negated`, :func:`toolkit.denials.lexicon.sense_ok`); whether it is a denial
in its context is the model's decision, learnt from TRAIN. Broad entries (an ``after:`` or ``broad`` sense, e.g.
the negated clauses "did not send", "never touched") run in a second pass and yield to every other match.

Features are strings (a sparse binary vector), deliberately few and generic (about 700 candidates to learn from):
the entry and its category, the word class before, a claim noun before or after, an accusation word in the clause
or the 300 characters before, a legal word before (another sense), a person after (the "withhold" sense of
"deny"), inside quotation marks.
The entry's smoothed precision over the annotated TRAIN articles, as log-odds (:func:`prior_logit`), is one number beside them
(:data:`toolkit.denials.model.USE_PRIOR`).
"""

from __future__ import annotations

import math
import re
from typing import NamedTuple, Sequence

from toolkit.denials.lexicon import (CLAIM_WORDS, Entry, Lexicon, after_words, find_matches, scan_text, sense_ok,
                                     split_passes)
from toolkit.denials.negation import intensified_start, is_negated
from toolkit.denials.starts import EXTRA_FOLDS


class Candidate(NamedTuple):
    """A possible denial: span, the entry that proposed it and its category, and the rule checks' verdicts."""

    start: int
    end: int
    category: str
    rule: str
    #: From a broad (second-pass) entry: a negated clause or a motive, not a denial word.
    broad: bool


_WORD = re.compile(r"[\w’'\-]+|[^\w\s]")
#: Quotation marks: curly, straight, and doubled apostrophes (''...'', the NYT's marks in PolNeAR texts); the
#: first character is matched once, then the branch by lookbehind (three times faster than an alternation).
_QUOTED = re.compile(r"[“\"'](?:(?<=“)[^“”]*”|(?<=\")[^\"\n]*\"|(?<=')(?<!\w')'[^'\n]*(?:'(?!')[^'\n]*)*'')")
_QUOTE_MARKS = frozenset('“”"‘’')
_CLAUSE_END = frozenset(".;!?")

#: Words of accusation (something to deny nearby).
ACCUSE = frozenset("""accuse accuses accused accusing accusation accusations allege alleges alleged allegation allegations
allegedly charge charges charged claim claims report reports reported criticism criticized critics suggest suggested
suggestion blame blamed blames attack attacks attacked scandal investigation probe""".split())
_PRONOUNS = frozenset("i we he she they it you".split())
_DETERMINERS = frozenset("a an the this that these those his her its their our my your any some no every".split())
_BE = frozenset("is are was were be been being am 's ’s 're ’re".split())
_AUX = frozenset("do does did have has had will would could should can may might must".split())
_NEG = frozenset("not never no n't n’t nothing nobody none neither nor".split())


def _klass(word: str | None) -> str:
    """A coarse word class: enough to tell a determiner-adjective from a verb use, a name from a word."""
    if word is None:
        return "NONE"
    low = word.lower()
    if low in _QUOTE_MARKS or word == "'":
        return "Q"
    if not word[0].isalnum():
        return "P"
    if low in _DETERMINERS:
        return "DET"
    if low in _PRONOUNS:
        return "PRON"
    if low in _BE:
        return "BE"
    if low in _AUX:
        return "AUX"
    if low in _NEG:
        return "NEG"
    if word[0].isdigit():
        return "NUM"
    if word[0].isupper():
        return "CAP"
    if low.endswith("ly"):
        return "ADV"
    if low.endswith("ed"):
        return "VED"
    if low.endswith("ing"):
        return "VING"
    return "W"


def quote_regions(text: str) -> list[tuple[int, int]]:
    """Quotation-mark regions ("...", “...” or ''...'') of a text."""
    return [(m.start(), m.end()) for m in _QUOTED.finditer(text)]


def find_candidates(text: str, lexicon: Lexicon) -> list[Candidate]:
    """Lexicon matches in ``text`` as candidates (intensifiers included), broad entries yielding to the rest.

    A match that is negated or fails its entry's sense constraints (for broad entries: their ``after:`` context)
    is no candidate: GUIDELINES.md defines those out, and keeping them for the model to judge did no better on
    TRAIN folds.
    """
    first, second = split_passes(lexicon)
    hits, context = scan_text(text, lexicon)  # one scan for both passes, and for the broad entries' context words

    def holds(start: int, end: int, index: int) -> bool:
        entry = first.entries[index]
        # GUIDELINES.md defines these out ("did not deny"; "false teeth"; a character attack): no candidate
        return not (entry.negatable and is_negated(text, start)) and sense_ok(entry, text, start, end)

    out = [Candidate(intensified_start(text, start), end, _category(first.entries[index], text, start, end),
                     first.entries[index].id, False)
           for start, end, index in find_matches(text, first, hits, holds)]
    second = _applicable(second, context)
    if second.entries:
        taken = [(c.start, c.end) for c in out]

        def holds_broad(start: int, end: int, index: int) -> bool:
            return (not any(s < end and start < e for s, e in taken)
                    and sense_ok(second.entries[index], text, start, end))

        out.extend(Candidate(start, end, second.entries[index].category, second.entries[index].id, True)
                   for start, end, index in find_matches(text, second, hits, holds_broad))
        out.sort()
    return out


_ACCUSED = re.compile(r"\b(?:" + "|".join(sorted(ACCUSE)) + r")\b", re.IGNORECASE)
_RUN = re.compile(r"\w+")
#: The letters on which case-insensitive matching of ASCII words and ``str.lower`` part ways: those ``re`` folds onto
#: an ASCII letter ("İ", which also lowers to two characters, "ı", "ſ", the Kelvin sign).
_CASE_SPECIAL = tuple("".join(EXTRA_FOLDS.values()))
#: How far before a candidate an accusation word counts as its context (characters).
ACCUSE_REACH = 300


def _is_word_char(c: str) -> bool:
    return c.isalnum() or c == "_"  # what ``\w`` matches in a str pattern


def _accusation_before(text: str, start: int) -> bool:
    """Whether an accusation word (:data:`ACCUSE`, a whole word, any case) occurs in the ``ACCUSE_REACH`` characters
    before ``start``: as ``_ACCUSED.search`` there, from the window's words in one set test (the alternation tried at
    each of 300 positions was half the features' time)."""
    lo = max(0, start - ACCUSE_REACH)
    window = text[lo:start]
    if any(c in window for c in _CASE_SPECIAL):
        return _ACCUSED.search(text, lo, start) is not None
    runs = _RUN.findall(window.lower())
    if runs and lo and _is_word_char(window[0]) and _is_word_char(text[lo - 1]):
        runs = runs[1:]  # the window's edge cuts a word: its tail is no whole word
    return not ACCUSE.isdisjoint(runs)


def _may_apply(entry: Entry, present: frozenset[str]) -> bool:
    """False when no word of an ``after:`` list of the entry occurs anywhere in the text (its check must fail);
    ``present``: the context words :func:`toolkit.denials.lexicon.scan_text` found in the text."""
    for name, arg in entry.sense:
        if name == "after" and not any(w in present for w in after_words(arg.partition(":")[2])):
            return False
    return True


_SUBSETS: dict[tuple[Entry, ...], Lexicon] = {}


def _applicable(second: Lexicon, present: frozenset[str]) -> Lexicon:
    """The broad entries that may pass their ``after:`` check in this text (the others cost a regex per "not")."""
    keep = tuple(e for e in second.entries if _may_apply(e, present))
    if len(keep) == len(second.entries):
        return second
    cached = _SUBSETS.get(keep)
    if cached is None:  # a handful of subsets per lexicon: the cache stays small
        cached = _SUBSETS.setdefault(keep, Lexicon(keep))
    return cached


def _category(entry: Entry, text: str, start: int, end: int) -> str:
    """The entry's category, or its ``claim_category:CAT`` when a claim is its object ("discrediting the report")
    or its passive subject ("the notion ... was discredited")."""
    override = next((arg for name, arg in entry.sense if name == "claim_category"), None)
    if override is None:
        return entry.category
    after = [w.lower() for w in _WORD.findall(text[end:end + 40])][:4]
    before = [w.lower() for w in _WORD.findall(text[max(0, start - 80):start])][-8:]
    passive = bool(set(before[-3:]) & _BE)
    if set(after) & CLAIM_WORDS or (passive and set(before) & (CLAIM_WORDS | {"notion"})):
        return override
    return entry.category


def _words(fragment: str) -> list[str]:
    return _WORD.findall(fragment)


#: Words of law and crime: a trigger after them is a legal term ("charged with libel", "convicted of fraud").
LEGAL = frozenset("""charged charge charges convicted conviction guilty indicted indictment sued suing lawsuit suit
prosecuted prosecution prosecutors trial court courts judge jury law laws legal illegal crime crimes criminal felony
statute statutes penalty penalties fined arrested perjury""".split())
_OBJECT = frozenset("him them me us".split())


#: Pseudo-candidates of the prior: an entry's TRAIN precision is shrunk toward 0.5 by this many candidates.
PRIOR_STRENGTH = 4.0


def prior_logit(n: int | None, hits: int | None) -> float:
    """The entry's TRAIN precision as log-odds, smoothed toward 0.5: log((hits + m/2) / (n - hits + m/2)).

    0.0 (no evidence either way) for an entry never counted (a user's entry) or without TRAIN candidates. The
    model weighs it as one numeric feature (``prior_logit``), so its effect is one slope, not per-bin weights
    that a handful of candidates per entry would make noisy.
    """
    if not n or hits is None:
        return 0.0
    half = PRIOR_STRENGTH / 2
    return math.log((hits + half) / (n - hits + half))


def features(text: str, cand: Candidate, quotes: Sequence[tuple[int, int]]) -> list[str]:
    """The binary context features of one candidate (strings; the model weighs each one; the entry's prior is
    the separate numeric :func:`prior_logit`)."""
    start, end, rule = cand.start, cand.end, cand.rule
    before = _words(text[max(0, start - 120):start])
    # the clause before: stop at sentence punctuation (a paragraph break ends it too)
    cut = text.rfind("\n\n", max(0, start - 120), start)
    if cut >= 0:
        before = _words(text[cut:start])
    for k in range(len(before) - 1, -1, -1):
        if before[k] in _CLAUSE_END:
            before = before[k + 1:]
            break
    after = _words(text[end:end + 120].split("\n\n")[0])
    for k, w in enumerate(after):
        if w in _CLAUSE_END:
            after = after[:k]
            break
    low_before = [w.lower() for w in before]
    low_after = [w.lower() for w in after]
    prev = [w for w in before if w not in _QUOTE_MARKS]
    p1 = prev[-1] if prev else None
    n1 = after[0] if after else None
    in_quote = any(s < start and end < e for s, e in quotes)
    low_n1 = low_after[0] if low_after else None
    # a few generic context features, and the entry and its category: on the 140 TRAIN articles alone the entry id
    # memorised articles, but with the 560 silver articles beside them it ranks held-out candidates better (held-out
    # silver AUC 0.613 without the two, 0.651 with the category, 0.662 with both); word identities stay out
    return [
        f"cat={cand.category}", f"rule={rule}",
        f"p1c={_klass(p1)}",
        f"claim_a={bool(set(low_after[:8]) & CLAIM_WORDS)}", f"claim_b={bool(set(low_before[-8:]) & CLAIM_WORDS)}",
        f"accuse_b={bool(set(low_before) & ACCUSE)}",
        f"accuse_ctx={_accusation_before(text, start)}",
        # sense: a legal term ("charged with libel", "perjury and false statements"); a person after it
        # ("denied Carter a photograph")
        f"legal_b={bool(set(low_before[-5:]) & LEGAL)}",
        f"n1_obj={low_n1 in _OBJECT or _klass(n1) == 'CAP'}",
        f"q={in_quote}",
    ]
