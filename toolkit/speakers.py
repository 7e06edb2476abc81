"""Speaker noun phrases next to a cue verb, and speaker-name normalisation.

No tagger is available offline, so a speaker is found with a capitalised-name /
title / determiner heuristic over :func:`toolkit.tokenize.word_spans` tokens,
in the spirit of the GenderGapTracker's subject-of-the-speech-verb rule
(Asr et al. 2021) and Pareti's (2016) Source role: the nearest noun phrase the
cue attributes to, left ("X said", "X, a spokesman for Y, said") or right
("said X").
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from typing import Any, TypeVar

from .lexicon import ADVERBS, CONNECTORS, DETERMINERS, PRONOUNS, STOPWORDS, speaker_titles, speech_verbs

Span = tuple[int, int]
T = TypeVar("T")

_MAX_NP = 8  # tokens; longer "names" are clauses in disguise
_MAX_PAREN = 8  # tokens of a parenthetical between a name and its cue ("(R-Fla.)")
_MAX_APPOSITIVE = 16  # tokens between the commas of "X, a spokesman for Y, said"
_WORDLIKE = re.compile(r"\w")


def _is_cap(tok: str) -> bool:
    """Return True for a capitalised word or an acronym ("U.S.", "GOP", "McCain")."""
    return tok[:1].isupper()


def _np_word(tok: str) -> bool:
    """Return True for a token that may sit inside a speaker noun phrase."""
    low = tok.lower()
    if not _WORDLIKE.search(tok):
        return False
    if (low in STOPWORDS or low in ADVERBS) and not (len(tok) > 1 and tok.isupper()):
        return False  # "US" the acronym is a name, "us" the pronoun is not
    if low in speech_verbs() and not _is_cap(tok) and (low.endswith(("ed", "ing")) or low in _VERB_ONLY):
        return False  # "said", "added": the clause's verb; "report", "statement" may be nouns
    return True


_VERB_ONLY = frozenset({"said", "says", "say", "told", "tells", "wrote", "writes", "thinks", "knew", "thought"})


def speaker_left(toks: Sequence[str], spans: Sequence[Span], cue: int, lo: int) -> Span | None:
    """Return the speaker noun phrase ending before token ``cue`` (tokens ``lo`` and after).

    Skips auxiliaries/adverbs ("has repeatedly said") and one appositive
    ("Jens Stoltenberg, NATO's chief, said"); accepts a pronoun, a run of
    capitalised words and titles (with "of"/"for" connectors), or lower-case
    nouns closed by a determiner ("the US broadcaster").
    """
    j = cue - 1
    while j >= lo and (toks[j].lower() in ADVERBS or (toks[j].endswith("ly") and toks[j].islower())):
        j -= 1
    if j >= lo and toks[j] == ")":
        # "Sen. Marco Rubio (R-Fla.) said": skip the parenthetical
        k = next((i for i in range(j - 1, max(lo, j - _MAX_PAREN) - 1, -1) if toks[i] == "("), None)
        if k is not None:
            j = k - 1
    if j >= lo and toks[j] == ",":
        # appositive or relative clause: jump to the comma that opens it
        k = j - 1
        while k >= lo and j - k <= _MAX_APPOSITIVE and toks[k] not in {",", ";", ":", "“", "”", '"', "''"}:
            k -= 1
        if k >= lo and toks[k] == "," and j - k > 1:
            j = k - 1
        else:
            return None
    return _np_leftwards(toks, spans, j, lo)


def _np_leftwards(toks: Sequence[str], spans: Sequence[Span], j: int, lo: int) -> Span | None:
    """Collect a noun phrase whose last token is ``j``, walking left."""
    if j < lo or not _WORDLIKE.search(toks[j]):
        return None
    if toks[j].lower() in PRONOUNS:
        return (spans[j][0], spans[j][1])
    end = j
    start = None
    lowercase_only = True
    while j >= lo and end - j < _MAX_NP:
        tok, low = toks[j], toks[j].lower()
        if low in DETERMINERS or (tok[:1].isdigit() and start is not None):
            if start is not None:
                start = j  # "the ministry", "61 percent"
            break
        if low in CONNECTORS and start is not None and j > lo and _is_cap(toks[j - 1]):
            j -= 1
            continue
        if not _np_word(tok):
            break
        if _is_cap(tok):
            lowercase_only = False
        elif not lowercase_only:
            # lower-case word left of a name: a title ("spokeswoman Maria Zakharova") or stop
            if low not in speaker_titles() and not tok.endswith(("’s", "'s")):
                break
        start = j
        j -= 1
    if start is None:
        return None
    # a bare lower-case phrase needs a determiner ("the ministry") or a plural head ("officials")
    if lowercase_only and toks[start].lower() not in DETERMINERS and not toks[start][:1].isdigit() \
            and not toks[end].endswith("s"):
        return None
    while start < end and toks[start].lower() in CONNECTORS - DETERMINERS:
        start += 1
    return (spans[start][0], spans[end][1])


def speaker_right(toks: Sequence[str], spans: Sequence[Span], cue: int, hi: int) -> Span | None:
    """Return the speaker noun phrase right after token ``cue`` ("said Sen. John McCain")."""
    j = cue + 1
    if j >= hi:
        return None
    if toks[j].lower() in PRONOUNS and toks[j].lower() != "it":
        return (spans[j][0], spans[j][1])
    start = j
    if toks[j].lower() in DETERMINERS:
        j += 1
    end = None
    while j < hi and j - start < _MAX_NP:
        tok, low = toks[j], toks[j].lower()
        if tok == "." and end == j - 1 and toks[j - 1].lower() + "." in speaker_titles():
            end = j  # "Sen." tokenizes as "Sen" "."
        elif _is_cap(tok) or (low in CONNECTORS and end is not None and j + 1 < hi and _is_cap(toks[j + 1])):
            end = j
        elif _np_word(tok) and (low in speaker_titles() or end is None) and not tok.endswith("ly"):
            end = j
        else:
            break
        j += 1
    if end is None:
        return None
    if not any(_is_cap(toks[k]) or toks[k].lower() in DETERMINERS for k in range(start, end + 1)):
        return None
    return (spans[start][0], spans[end][1])


def normalise_name(speaker: str | None) -> str | None:
    """Return the name part of a speaker phrase: titles and determiners stripped.

    "Foreign Ministry spokeswoman Maria Zakharova" -> "Maria Zakharova";
    "the Foreign Ministry" -> "Foreign Ministry"; pronouns stay as they stand.
    """
    if not speaker:
        return None
    words = speaker.split()
    if len(words) == 1 and words[0].lower() in PRONOUNS:
        return speaker
    titles = speaker_titles() - {"the", "of", "for"}
    tail: list[str] = []
    for word in reversed(words):
        if _is_cap(word) and word.lower().rstrip(",") not in titles:
            tail.insert(0, word)
        else:
            break
    if tail and not tail[-1].endswith(("’s", "'s")):
        return " ".join(tail)
    while words and words[0].lower() in DETERMINERS:
        words = words[1:]
    return " ".join(words) or speaker


def _evolve(obj: T, **changes: Any) -> T:
    """Return a copy of a (frozen) dataclass instance with fields changed, without
    ``dataclasses.replace``'s per-call checks (7x faster; the finder makes thousands)."""
    if not hasattr(obj, "__dict__"):
        return dataclasses.replace(obj, **changes)  # type: ignore[type-var]
    new = object.__new__(type(obj))
    new.__dict__.update(obj.__dict__, **changes)
    return new


def normalise_speakers(quotes: Sequence[T]) -> list[T]:
    """Fill ``speaker_name`` on one article's quotes: the longest name sharing the surname.

    "Zakharova" and "Foreign Ministry spokeswoman Maria Zakharova" in one
    article both become "Maria Zakharova" (surname = last word, matched within
    the article only); pronouns stay as they stand.
    """
    names = [normalise_name(getattr(q, "speaker", None)) for q in quotes]
    titles = speaker_titles()
    by_surname: dict[str, str] = {}
    for name in names:
        if name and name.lower() not in PRONOUNS and _is_cap(name) and name.split()[-1].lower() not in titles:
            key = name.split()[-1].lower()
            if len(name) > len(by_surname.get(key, "")):
                by_surname[key] = name
    out = []
    for quote, name in zip(quotes, names):
        if name and name.lower() not in PRONOUNS and _is_cap(name) and name.split()[-1].lower() not in titles:
            name = by_surname.get(name.split()[-1].lower(), name)
        out.append(_evolve(quote, speaker_name=name))
    return out


def resolve_pronouns(quotes: Sequence[Any]) -> list[str | None]:
    """Return per quote the speaker name, "he"/"she" replaced by the latest named speaker."""
    resolved: list[str | None] = []
    last: str | None = None
    for quote in quotes:
        name = getattr(quote, "speaker_name", None)
        if name and name.lower() in {"he", "she"}:
            resolved.append(last)
        else:
            resolved.append(name)
            if name and name.lower() not in PRONOUNS:
                last = name
    return resolved
