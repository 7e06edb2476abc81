"""Speaker noun phrases next to a cue verb, and speaker-name normalisation.

No tagger is available offline, so a speaker is found with a capitalised-name /
title / determiner heuristic over :func:`toolkit.text.tokenize.word_spans` tokens,
in the spirit of the GenderGapTracker's subject-of-the-speech-verb rule
(Asr et al. 2021) and Pareti's (2016) Source role: the nearest noun phrase the
cue attributes to, left ("X said", "X, a spokesman for Y, said") or right
("said X").
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache
from typing import Any, TypeVar

from toolkit.quotes.lexicon import (
    ADVERBS,
    CONNECTORS,
    DETERMINERS,
    PRONOUNS,
    STOPWORDS,
    speaker_titles,
    speech_verbs,
)

Span = tuple[int, int]
T = TypeVar("T")

_MAX_NP = 8  # tokens; longer "names" are clauses in disguise
_MAX_PAREN = 8  # tokens of a parenthetical between a name and its cue ("(R-Fla.)")
_MAX_APPOSITIVE = 16  # tokens between the commas of "X, a spokesman for Y, said"
_WORDLIKE = re.compile(r"\w")  # re's \w: str.isalnum() of a character, or "_"
_PARENTHESES = re.compile(r"\s*\([^)]*\)?")
_NAME_PARTS = re.compile(r",|\s[—–-]+\s")
_CLITIC = re.compile(r"['’](?:s|re|ve|ll|d)$")


def _is_cap(tok: str) -> bool:
    """Return True for a capitalised word or an acronym ("U.S.", "GOP", "McCain")."""
    return tok[:1].isupper()


def _wordlike(tok: str) -> bool:
    """Return True when ``tok`` holds a word character (re's ``\\w``); an all-alphanumeric token needs no regex."""
    return tok.isalnum() or _WORDLIKE.search(tok) is not None


def _np_word(tok: str) -> bool:
    """Return True for a token that may sit inside a speaker noun phrase."""
    low = tok.lower()
    if not _wordlike(tok):
        return False
    if (low in STOPWORDS or low in ADVERBS) and not (len(tok) > 1 and tok.isupper()):
        return False  # "US" the acronym is a name, "us" the pronoun is not
    if low in speech_verbs() and not _is_cap(tok) and (low.endswith(("ed", "ing")) or low in _VERB_ONLY):
        return False  # "said", "added": the clause's verb; "report", "statement" may be nouns
    return True


_COMPLEMENTISERS = frozenset({"that", "this"})  # before a name: "that Mr. Putin", "This Trump" is rare
#: Quantifiers that are a cue's source on their own ("many agreed", "Some argue", "Many spoke about").
QUANTIFIERS = frozenset({"many", "some", "most", "few", "several", "all", "both", "others"})
_VERB_ONLY = frozenset({"said", "says", "say", "told", "tells", "wrote", "writes", "thinks", "knew", "thought"})


def speaker_left(toks: Sequence[str], spans: Sequence[Span], cue: int, lo: int) -> Span | None:
    """Return the speaker noun phrase ending before token ``cue`` (tokens ``lo`` and after).

    Skips auxiliaries/adverbs ("has repeatedly said"), a time adverbial ("at the time said"), a
    parenthetical ("(R-Fla.)") and one appositive between commas or dashes ("Jens Stoltenberg,
    NATO's chief, said", "Jason Sims — a teacher — says"); accepts a pronoun, a run of
    capitalised words and titles (with "of"/"for" connectors), or lower-case
    nouns closed by a determiner ("the US broadcaster").
    """
    j = skip_time(toks, skip_adverbs(toks, cue - 1, lo), lo)
    j = skip_paren(toks, j, lo)  # "Sen. Marco Rubio (R-Fla.) said"
    if j > lo and toks[j] == "," and toks[j - 1] == ")":
        k = skip_paren(toks, j - 1, lo)  # "Gov. John Kasich (R-OH), said": the name before the parenthetical
        if k != j - 1:
            return _np_leftwards(toks, spans, k, lo)
    if j >= lo and toks[j] in _DASHES:
        # "Jason Sims — a teacher from Mount Pleasant — says": the name is before the opening dash
        k = next((i for i in range(j - 2, max(lo, j - _MAX_APPOSITIVE) - 1, -1) if toks[i] in _DASHES), None)
        if k is not None and k > lo:
            return _np_leftwards(toks, spans, skip_paren(toks, k - 1, lo), lo)
    if j >= lo and toks[j] == ",":
        # appositive or relative clause: jump to the comma that opens it
        k = _opening_comma(toks, j, lo)
        if k is None:
            return None
        if 2 <= j - k - 1 <= 4 and all(t[:1].isupper() and t.isalpha() for t in toks[k + 1:j]) \
                and _description_before(toks, k, lo):
            # "The head of the super PAC backing Jeb Bush, Mike Murphy, praised": the appositive is the name
            return spans[k + 1][0], spans[j - 1][1]
        j = skip_paren(toks, k - 1, lo)  # "Sen. Claire McCaskill (D-Mo.), who ..., said"
        for _ in range(_MAX_PLACE_COMMAS):
            # "Cory James, 22, of Flint, Mich., said", "Clinton, in Columbus, Ohio, said": a place or an
            # age between commas is not the speaker; the name is before the comma that opens it
            found = _np_leftwards(toks, spans, j, lo)
            if found is None:
                return None
            first = _tok_index(spans, found[0], lo, j)
            if first - 1 > lo and toks[first - 1] == "of" and toks[first - 2].lower() in _PARTITIVES:
                return spans[first - 2][0], found[1]  # "one of the family's attorneys, Justin Bamberg, said"
            if not ((first > lo and toks[first - 1].lower() in _PLACE_PREPS) or toks[first][:1].isdigit()):
                return found
            k = _opening_comma(toks, first + 1, lo)
            if k is None:
                return found
            j = k - 1
    return _np_leftwards(toks, spans, _past_restrictive_relative(toks, j, lo), lo)


def _past_restrictive_relative(toks: Sequence[str], j: int, lo: int) -> int:
    """Back from token ``j`` over a relative clause without commas that ends right before the cue ("The senator who
    met Trump said": the senator, not Trump): the antecedent's last token, else ``j``."""
    for r in range(j - 1, max(lo, j - 20), -1):
        first = toks[r][:1]
        if not (first.isalnum() or first == "_"):  # not a word character (re's \w), without a regex call
            return j
        if toks[r].lower() in {"who", "which"}:
            before, after = toks[r - 1], toks[r + 1]
            # a subject relative ("who met Trump"); in an object relative the cue's subject is inside ("one which
            # historian John Baick calls")
            subject_relative = after.islower() and after.lower() not in DETERMINERS | PRONOUNS
            if r - 1 >= lo and before[:1].isalnum() and before.lower() not in STOPWORDS and subject_relative:
                return r - 1
            return j
    return j


_DASHES = frozenset({"—", "–", "-", "--"})
# "one of the family's attorneys": a part of a group, not a place ("of Flint")
_PARTITIVES = frozenset({"one", "two", "three", "some", "many", "most", "all", "each", "several", "none", "both"})
# "Trump at the time said", "Obama on Monday said": a time adverbial between a subject and its cue
_TIME_PREPS = frozenset({"at", "in", "on", "last", "this", "earlier", "later"})
_TIME_NOUNS = frozenset({
    "time", "past", "moment", "day", "week", "weekend", "month", "year", "morning", "afternoon", "evening", "night",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today", "yesterday",
})


_YEAR = re.compile(r"^(?:1[89]|20)\d\d$")
_YEAR_FIRST = frozenset({"1", "2"})  # what a _YEAR match opens with: other tokens skip the regex call
_MONTHS = frozenset({"january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
                     "november", "december", "jan.", "feb.", "aug.", "sept.", "oct.", "nov.", "dec."})
_PARTS_OF = frozenset({"late", "early", "mid"})


def skip_adverbs(toks: Sequence[str], j: int, lo: int) -> int:
    """Return the last token at or before ``j`` that is not an auxiliary or an adverb ("has repeatedly")."""
    while j >= lo and (toks[j].lower() in ADVERBS or (toks[j].endswith("ly") and toks[j].islower())):
        j -= 1
    return j


def skip_time(toks: Sequence[str], j: int, lo: int) -> int:
    """Return the token before a short time adverbial ending at ``j`` ("at the time", "on Monday", "in 2001",
    "in late August"), else ``j``."""
    if j > lo + 1 and ((toks[j][:1] in _YEAR_FIRST and _YEAR.match(toks[j])) or toks[j].lower() in _MONTHS):
        k = j - 1 if toks[j - 1].lower() not in _PARTS_OF else j - 2  # "in late August"
        if k > lo and toks[k].lower() in {"in", "since", "during", "until", "by"}:
            return skip_adverbs(toks, k - 1, lo)
    if j < lo + 1 or toks[j].lower() not in _TIME_NOUNS:
        return j
    for k in (j - 1, j - 2):
        if k > lo and toks[k].lower() in _TIME_PREPS and (k == j - 1 or toks[k + 1].lower() in {"the", "that"}):
            return skip_adverbs(toks, k - 1, lo)
    return j


def skip_paren(toks: Sequence[str], j: int, lo: int) -> int:
    """Return the token before a parenthetical ending at ``j`` ("(R-Fla.)"), else ``j``."""
    if j >= lo and toks[j] == ")":
        k = next((i for i in range(j - 1, max(lo, j - _MAX_PAREN) - 1, -1) if toks[i] == "("), None)
        if k is not None:
            return k - 1
    return j


_INITIAL_LETTER = re.compile(r"^[A-Z]$")
# lower-case words inside a right-hand title: "said Oversight ranking Democrat Elijah Cummings"
_RANKS = frozenset({"ranking", "senior", "former", "top", "chief", "deputy", "acting", "longtime", "fellow"})
_MAX_PLACE_COMMAS = 3  # commas of "Name, 22, of City, State," walked over
_PLACE_PREPS = frozenset({"in", "of", "at", "from", "near", "outside", "during"})


def _description_before(toks: Sequence[str], k: int, lo: int) -> bool:
    """Whether the clause before the comma at token ``k`` opens with "The"/"A" and a lower-case noun ("The head of ...")."""
    return k - lo >= 3 and toks[lo] in {"The", "A", "An"} and toks[lo + 1].islower()


def _opening_comma(toks: Sequence[str], j: int, lo: int) -> int | None:
    """Return the comma opening the parenthetical that the comma at token ``j`` closes, or None."""
    k = j - 1
    while k >= lo and j - k <= _MAX_APPOSITIVE and toks[k] not in {",", ";", ":", "“", "”", '"', "''"}:
        k -= 1
    return k if k >= lo and toks[k] == "," and j - k > 1 else None


def _tok_index(spans: Sequence[Span], start: int, lo: int, hi: int) -> int:
    """Return the index of the token starting at offset ``start`` within ``lo..hi``."""
    return next((i for i in range(hi, lo - 1, -1) if spans[i][0] == start), hi)


def _np_leftwards(toks: Sequence[str], spans: Sequence[Span], j: int, lo: int) -> Span | None:
    """Collect a noun phrase whose last token is ``j``, walking left."""
    if j < lo or not _wordlike(toks[j]):
        return None
    if toks[j].lower() in PRONOUNS:
        return (spans[j][0], spans[j][1])
    end = j
    start = None
    lowercase_only = True
    while j >= lo and end - j < _MAX_NP:
        tok, low = toks[j], toks[j].lower()
        if low in DETERMINERS or (tok[:1].isdigit() and start is not None):
            if start is not None and not (low in _COMPLEMENTISERS and _is_cap(toks[j + 1])):
                start = j  # "the ministry", "61 percent"; not "that" of "that Mr. Putin"
            break
        if low in CONNECTORS and start is not None and j > lo and _is_cap(toks[j - 1]):
            j -= 1
            continue
        if tok == "." and start is not None and j - 1 > lo and _INITIAL_LETTER.match(toks[j - 1]) \
                and _is_cap(toks[j - 2]):
            j -= 2  # "Donald J. Trump": a middle initial does not end the name
            start = j + 1
            continue
        if tok == "." and start is not None and j > lo and _is_cap(toks[j - 1]) \
                and toks[j - 1].lower() + "." in speaker_titles():
            start = j - 1  # "Sen. Marco Rubio": the abbreviated title opens the name
            j -= 2
            break
        if tok in {"'", "’"} and start is not None and j > lo and _is_cap(toks[j - 1]) and toks[j - 1].endswith("s") \
                and spans[j - 1][1] == spans[j][0]:
            j -= 1  # "Sanders' team said": a possessive in s' opens the noun phrase
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
    if start - 3 >= lo and toks[start - 1].lower() == "to" and toks[start - 2].lower() == "close":
        # "Sources close to the senator said": the sources speak, not the senator
        head = _np_leftwards(toks, spans, start - 3, lo)
        if head is not None:
            return (head[0], spans[end][1])
    # a bare lower-case phrase needs a determiner ("the ministry") or a plural head ("officials")
    if lowercase_only and toks[start].lower() not in DETERMINERS and not toks[start][:1].isdigit() \
            and not _plural(toks[end]):
        return None
    while start < end and toks[start].lower() in CONNECTORS - DETERMINERS:
        start += 1
    return (spans[start][0], spans[end][1])


_IRREGULAR_PLURALS = frozenset({"people", "men", "women", "children", "folks", "staff", "police", "clergy"})


def _plural(tok: str) -> bool:
    """Return True for a word that may be a plural noun head ("officials", "people", "women")."""
    return tok.endswith("s") or tok.lower() in _IRREGULAR_PLURALS


RELATIVES = frozenset({"who", "which", "that"})
"""Relative pronouns a cue's subject may be ("the mayor, who said ..."); their antecedent is the speaker."""


def antecedent(toks: Sequence[str], spans: Sequence[Span], rel: int, lo: int) -> Span | None:
    """Return the noun phrase a relative pronoun at token ``rel`` refers to ("Mr. Khan, who ...")."""
    j = rel - 1
    if j >= lo and toks[j] == ",":
        j -= 1
    if j >= lo and toks[j] == ")":
        k = next((i for i in range(j - 1, max(lo, j - _MAX_PAREN) - 1, -1) if toks[i] == "("), None)
        j = k - 1 if k is not None else j
    found = _np_leftwards(toks, spans, j, lo)
    if found is None or toks[rel - 1] != "," and not _is_cap(toks[j]):
        return None  # "a surrogate who said": too often a generic noun, keep the pronoun
    return found


def speaker_right(toks: Sequence[str], spans: Sequence[Span], cue: int, hi: int) -> Span | None:
    """Return the speaker noun phrase right after token ``cue`` ("said Sen. John McCain")."""
    j = cue + 1
    if j >= hi:
        return None
    if toks[j].lower() in PRONOUNS and toks[j].lower() != "it":
        return (spans[j][0], spans[j][1])
    if toks[j].lower() in _COMPLEMENTISERS and j + 1 < hi and _is_cap(toks[j + 1]):
        j += 1  # "that Mr. Putin backs ...": a complementiser, not a determiner
    start = j
    if toks[j].lower() in _PARTITIVES and j + 2 < hi and toks[j + 1].lower() == "of":
        last = _partitive_end(toks, j + 2, hi)
        if last is not None:
            return (spans[j][0], spans[last][1])  # "said one of two witnesses": the whole phrase, not "one of"
    if toks[j].lower() in DETERMINERS:
        j += 1
    end = None
    while j < hi and j - start < _MAX_NP:
        tok, low = toks[j], toks[j].lower()
        if tok == "." and end == j - 1 and toks[j - 1].lower() + "." in speaker_titles():
            end = j  # "Sen." tokenizes as "Sen" "."
        elif tok == "." and end == j - 1 and _INITIAL_LETTER.match(toks[j - 1]) and j + 1 < hi and _is_cap(toks[j + 1]):
            end = j  # "said George W. Bush": a middle initial
        elif _is_cap(tok) or (low in CONNECTORS and end is not None and j + 1 < hi and _is_cap(toks[j + 1])):
            end = j
        elif _np_word(tok) and (low in speaker_titles() or end is None) and not tok.endswith("ly"):
            end = j
        elif low in _RANKS and end == j - 1 and j + 1 < hi and _is_cap(toks[j + 1]):
            end = j  # "said Oversight ranking Democrat Elijah Cummings": a rank inside a title, not the end
        elif end is not None and _lower_premodifiers(toks, start, j, hi):
            end = j  # "said retired neurosurgeon Ben Carson": lower-case words before the name
        else:
            break
        j += 1
    if end is None:
        if toks[start].lower() in QUANTIFIERS and start + 1 < hi and toks[start + 1].islower():
            return spans[start]  # "many agreed", "Some argue": the quantifier is the source
        return None
    trimmed = end
    while trimmed > start and toks[trimmed].lower() in CONNECTORS:
        trimmed -= 1  # "proponents of more controls say": "of" (a title word, "Secretary of State") ends no phrase
    if trimmed > start or (toks[start].isalpha() and toks[start].lower() not in QUANTIFIERS | _PARTITIVES):
        end = trimmed  # "said one of two witnesses", "Some of the ...": a partitive keeps its "of"
    if not any(_is_cap(toks[k]) or toks[k].lower() in DETERMINERS for k in range(start, end + 1)):
        if not (end - start < 3 and _plural(toks[end]) and toks[end].isalpha()):
            return None  # "officials had little interest": a bare plural noun is a source
    return (spans[start][0], spans[end][1])


def _partitive_end(toks: Sequence[str], j: int, hi: int) -> int | None:
    """The last token of the noun phrase after a partitive's "of" at ``j`` ("two witnesses", "the organizers",
    "Clinton's aides"), up to a relative pronoun, a stop word or punctuation; None when there is none."""
    k = j + 1 if toks[j].lower() in DETERMINERS else j
    last = None
    while (k < hi and k - j < _MAX_NP and toks[k].replace("’", "").replace("'", "").isalpha()
           and toks[k].lower() not in STOPWORDS | RELATIVES | PRONOUNS):
        last = k
        k += 1
    return last


_MAX_PREMODIFIERS = 4  # lower-case words of "said master of ceremonies Asab Al-Tabchi" before the name


def _lower_premodifiers(toks: Sequence[str], start: int, j: int, hi: int) -> bool:
    """Return True when the lower-case run opening at ``start`` (through ``j``) ends in a capitalised name.

    "said former tech executive Carly Fiorina", "said master of ceremonies Asab Al-Tabchi": plain
    lower-case words (no determiner, pronoun, verb or adverb) and the name within
    :data:`_MAX_PREMODIFIERS` words; "said officials in Washington" has a preposition, not a title.
    """
    k = start
    while k < hi and k - start < _MAX_PREMODIFIERS and toks[k].isalpha() and toks[k].islower() \
            and not toks[k].endswith("ly") and (_np_word(toks[k]) or (toks[k] == "of" and k > start)):
        k += 1
    return j < k < hi and _is_cap(toks[k]) and toks[k].lower() not in PRONOUNS | STOPWORDS


# the head noun of an organisation's name: "the Foreign Ministry" keeps its title-like words
_ORG_HEADS = frozenset({
    "ministry", "department", "office", "committee", "party", "council", "commission", "agency", "court",
    "government", "administration", "service", "bureau", "union", "association", "institute", "center",
    "centre", "foundation", "organization", "organisation", "house", "senate", "congress", "police",
    "embassy", "network", "campaign", "group", "company", "corporation", "times", "post", "journal", "news",
    "university", "board", "parliament", "army", "military", "kremlin", "pentagon", "coalition", "team",
    "broadcaster", "newspaper", "magazine", "channel", "caucus", "fund", "bank",
})
# what X's ... says is X's: "the Ministry’s statement", "Clinton’s spokesman", "Trump’s campaign"
_PRODUCTS = frozenset({
    "statement", "statements", "report", "reports", "release", "letter", "memo", "email", "emails", "tweet",
    "tweets", "post", "posts", "website", "account", "remarks", "comments", "response", "announcement",
    "spokesman", "spokeswoman", "spokesperson", "spokespeople", "office", "campaign", "press", "lawyer",
    "lawyers", "attorney", "attorneys", "representative", "representatives", "camp", "communique", "note",
})
_TRAILING = frozenset({"soon", "too", "again", "later", "here", "there", "today", "yesterday", "instead",
                       "himself", "herself", "themselves", "itself", "alone", "first", "last"})
_LEADING = frozenset({"that", "the", "a", "an", "and", "but", "or", "this", "these", "those", "then", "so",
                      "while", "when", "as", "if", "because", "though", "although", "whether"})
#: A possessive word: "'s", or an apostrophe after an s ("Sanders'").
POSSESSIVE = re.compile(r"(?:['’]s|s['’])$")
#: What to strip of a possessive word: "'s", or the apostrophe alone after an s ("Sanders'" -> "Sanders", not
#: "Sander": one person, one surname).
POSSESSIVE_MARK = re.compile(r"['’]s$|(?<=s)['’]$")
_INITIAL = re.compile(r"^[A-Z]\.$")


@lru_cache(maxsize=65536)
def normalise_name(speaker: str | None) -> str | None:
    """Return the name part of a speaker phrase, for counting speakers across a corpus.

    Titles and role words (``speaker_titles.txt``) are stripped ("Foreign Ministry spokeswoman
    Maria Zakharova" -> "Maria Zakharova", "Rival Hillary Clinton" -> "Hillary Clinton"), middle
    initials dropped ("Harry M. Reid" -> "Harry Reid"); a possessor stands for its statement or
    spokesman ("the Ministry’s statement" -> "Ministry", "Moscow’s" -> "Moscow"); leading
    determiners and complementisers ("that Mr. Putin" -> "Putin", "the ministry" -> "ministry"),
    trailing adverbs ("Fact-checkers soon"), parentheticals and appositives ("Ryan, R-Wis.,")
    go; an organisation keeps its name ("the Foreign Ministry" -> "Foreign Ministry"); pronouns
    are lower-cased ("He" -> "he", "I" stays).
    """
    if not speaker:
        return None
    text = _PARENTHESES.sub(" ", speaker).strip(" ,;:—–-\n\t")
    parts = [p.strip(" —–-") for p in _NAME_PARTS.split(text) if p.strip(" —–-")]
    if not parts:
        return speaker
    words = parts[0].split()
    if len(parts) > 1 and words and words[-1][:1].islower() and parts[1][:1].isupper():
        words = parts[1].split()  # "One early supporter, Representative Lee Zeldin, ...": the name
    while len(words) > 1 and words[0].lower() in _LEADING:
        words = words[1:]
    while len(words) > 1 and (words[-1].lower() in ADVERBS or words[-1].lower() in _TRAILING
                              or (words[-1].endswith("ly") and words[-1].islower())):
        words = words[:-1]
    if not words:
        return speaker
    bare = _CLITIC.sub("", words[0]) if len(words) == 1 else ""
    if bare.lower() in PRONOUNS | {"who", "which"}:
        return bare if bare == "I" else bare.lower()  # "He", "He’s" -> "he"
    close = next((i for i in range(1, len(words) - 1) if words[i].lower() == "close" and words[i + 1].lower() == "to"),
                 None)
    if close is not None:
        return " ".join(words)  # "people close to Clinton" are not Clinton: a description, kept whole
    titles = speaker_titles()
    own = next((i for i, w in enumerate(words) if POSSESSIVE.search(w) and len(w) > 2), None)
    if own is not None:
        rest = words[own + 1:]
        named_rest = rest and any(_is_cap(w) for w in rest) and (_is_cap(rest[-1]) or rest[-1].lower() in _ORG_HEADS)
        if named_rest:
            words = rest  # "Russia’s Foreign ministry", "Clinton’s spokesman Brian Fallon"
        elif not rest or rest[-1].lower() in _PRODUCTS or rest[-1].lower() in titles:
            words = words[:own + 1]  # "the Ministry’s statement", "Trump’s state director": the possessor
            words[-1] = POSSESSIVE_MARK.sub("", words[-1]) or words[-1]
            while len(words) > 1 and words[0].lower() in _LEADING:
                words = words[1:]
    if words[-1].lower() in _ORG_HEADS:
        return " ".join(words)  # "Foreign Ministry", "White House", "ministry"
    inner = [i for i, w in enumerate(words[:-1]) if w.lower() in _ORG_HEADS and _is_cap(w)]
    if inner and _is_cap(words[-1]):
        words = words[inner[-1] + 1:]  # "the Washington Post Trump said": the organisation is not the name
    tail: list[str] = []
    for word in reversed(words):
        if _is_cap(word) and word.lower() not in titles and not POSSESSIVE.search(word):
            tail.insert(0, word)  # not over a possessor: "Reuters’ Luciana Lopez" is Luciana Lopez
        else:
            break
    if not tail and _is_cap(words[-1]):
        tail = words[:]
        while len(tail) > 1 and tail[0].lower() in titles:
            tail = tail[1:]  # "Mr. King": "King" is a name here, not a title
    if tail:
        if len(tail) > 2:
            tail = [tail[0]] + [w for w in tail[1:-1] if not _INITIAL.match(w)] + [tail[-1]]
        return " ".join(tail)
    return " ".join(words)


def from_fields(cls: type[T], fields: dict[str, Any]) -> T:
    """Return the (frozen) dataclass instance of ``cls`` whose ``__dict__`` is ``fields`` (every field, in declaration
    order), as ``cls(**fields)`` makes it without ``__init__``'s ``object.__setattr__`` call per field (two thirds of
    the cost of a quote; the finder makes tens of quotes and copies per article)."""
    new = object.__new__(cls)
    object.__setattr__(new, "__dict__", fields)  # one call; not a materialised __dict__ updated in place
    return new


def evolve(obj: T, **changes: Any) -> T:
    """Return a copy of a (frozen) dataclass instance with fields changed, without
    ``dataclasses.replace``'s per-call checks (7x faster; the finder makes thousands)."""
    if not hasattr(obj, "__dict__"):
        return dataclasses.replace(obj, **changes)  # type: ignore[type-var]
    fields = obj.__dict__.copy()
    fields.update(changes)
    return from_fields(type(obj), fields)


def _canonical(names: Sequence[str]) -> str:
    """Return one spelling for names that differ in case: most capitalised words, then most frequent."""
    counts = Counter(names)  # not names.count per name: one surname quoted 10,000 times stays linear
    return max(counts, key=lambda n: (sum(_is_cap(w) for w in n.split()), counts[n], n))


def normalise_speakers(quotes: Sequence[T]) -> list[T]:
    """Fill ``speaker_name`` on one article's quotes, grouping mentions of one speaker.

    A surname or an organisation's head noun takes the article's full name when the article
    names exactly one ("Zakharova" -> "Maria Zakharova"; "the ministry", "the Ministry’s
    statement" -> "Foreign Ministry" when it names "Russia’s Foreign ministry"), case-insensitively;
    with two candidates ("Hillary Clinton", "Bill Clinton") the bare name stays as it is. A full
    name is its own canonical form, so one person has one spelling across articles.
    """
    names = speaker_names([getattr(q, "speaker", None) for q in quotes])
    return [evolve(quote, speaker_name=name) for quote, name in zip(quotes, names)]


def speaker_names(speakers: Sequence[str | None]) -> list[str | None]:
    """Return the ``speaker_name`` of each of one article's speaker phrases, as :func:`normalise_speakers` sets it
    (the names depend on the speaker phrases alone: a caller that copies its quotes once needs no copies here)."""
    names = [normalise_name(speaker) for speaker in speakers]
    skip = PRONOUNS | {"who", "which", "i"}
    full: dict[str, list[str]] = {}
    for name in names:
        if name and " " in name and all(_is_cap(w) for w in name.split()) and name.lower() not in skip:
            full.setdefault(name.split()[-1].lower(), []).append(name)
    mapping: dict[str, str] = {}
    for key, group in full.items():
        forms: dict[str, list[str]] = {}
        for name in group:
            forms.setdefault(name.lower(), []).append(name)
        maximal = [f for f in forms if not any(f != g and set(f.split()) < set(g.split()) for g in forms)]
        if len(maximal) != 1:
            continue  # two people share the surname: leave the bare name
        compatible = [f for f in forms if set(f.split()) <= set(maximal[0].split())]
        best = min(compatible, key=lambda f: (len(f.split()) != 2, -len(forms[f]), f))  # "First Last" first
        spelling = _canonical([n for f in compatible for n in forms[f] if f == best])
        for f in compatible:
            mapping[f] = spelling
        mapping[key] = spelling
    out = []
    owners: dict[str, str] = {}  # "statement" -> whose statement the article last quoted
    for speaker, name in zip(speakers, names):
        words = (speaker or "").lower().split()
        if name and name.lower() in _PRODUCTS and len(words) <= 2 and name.lower() in owners:
            name = owners[name.lower()]  # "the statement read": the Ministry’s statement, quoted before
        elif name and name.lower() not in skip:
            low = name.lower()
            target = mapping.get(low)
            if target is None and low.split()[-1] in mapping:
                cand = mapping[low.split()[-1]]
                if set(low.split()) <= set(cand.lower().split()):
                    target = cand  # "Zakharova" -> "Maria Zakharova", "ministry" -> "Foreign Ministry"
            name = target or name
            if len(words) > 1 and words[-1] in _PRODUCTS and POSSESSIVE.search(words[-2]):
                owners[words[-1]] = name
        out.append(name)
    return out


def resolve_pronouns(quotes: Sequence[Any]) -> list[str | None]:
    """Return per quote the speaker name, "he"/"she" replaced by the latest named speaker."""
    return resolve_names([getattr(quote, "speaker_name", None) for quote in quotes])


def resolve_names(names: Sequence[str | None]) -> list[str | None]:
    """Return :func:`resolve_pronouns` of quotes with these speaker names, from the names alone."""
    resolved: list[str | None] = []
    last: str | None = None
    for name in names:
        if name and name.lower() in {"he", "she"}:
            resolved.append(last)
        else:
            resolved.append(name)
            if name and name.lower() not in PRONOUNS:
                last = name
    return resolved
