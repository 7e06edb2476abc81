"""Indirect quotes from prepositional and noun cues: "X talked about CONTENT", "his criticism of
CONTENT", "calls for CONTENT", "the claim that CONTENT" (``toolkit/data/cue_phrases.tsv``).

PolNeAR annotates such cues as attributions (Pareti's PARC); the phrases and how often each
is a cue in TRAIN come from ``scripts/derive_cue_phrases.py``. The content runs from the
preposition's object (or from "that"/"to") to the end of the sentence, or to a quotation.
"""

from __future__ import annotations

import bisect
from functools import lru_cache

from toolkit.quotes.lexicon import ADVERBS, DETERMINERS, PRONOUNS, STOPWORDS, cue_phrases
from toolkit.quotes.doc import (
    CLAUSE_OPENERS,
    PASSIVE_AUX,
    Doc,
    Quote,
    Span,
    clip_end,
    content_span,
    cue_verb,
    make_quote,
    passive_participle,
    plausible_subject,
    reach,
    sentence_subject,
    verb_subject,
)
from toolkit.quotes.speakers import speaker_left, speaker_right

_POSSESSIVES = frozenset({"his", "her", "their", "its", "our", "my"})
_MAX_MODIFIERS = 3  # adjectives between a possessive and the noun cue ("his harsh attacks on")


def phrase_quotes(doc: Doc, blocked: bytearray, taken: list[Quote], candidates: list[int]) -> list[Quote]:
    """Return the quotes of every cue phrase outside quotations whose content is not found yet.

    ``candidates``: token indexes that may start a phrase (a superset, from one scan of the text).
    """
    phrases = cue_phrases()
    firsts = PHRASE_TRIGGERS()
    toks = doc.toks
    used = {q.cue_start for q in taken if q.cue_start is not None}
    starts = {q.start for q in taken}
    sources = _CueIndex(taken)
    out: list[Quote] = []
    for i in [i for i in candidates if doc.lows[i] in firsts]:
        low = doc.lows[i]
        if i + 2 >= len(toks) or blocked[i] or blocked[i + 1] or doc.spans[i][0] in used:
            continue
        nxt = toks[i + 1].lower()
        head = phrases.get((low, nxt)) or phrases.get((low, nxt + "*"))
        if head is None:
            continue
        j = i + 1 if (low, nxt + "*") in phrases else i + 2
        if blocked[j] or not toks[j][:1].isalnum():
            continue
        t0, t1 = reach(i, *(doc.tok_at(b) for b in doc.sent_of(doc.spans[i][0])))
        span = content_span(doc, j, clip_end(doc, j, t1, blocked), 1)
        if span is None or span[0] in starts:
            continue
        speaker = _speaker(doc, i, t0, t1, head)
        if speaker is not None and doc.text[speaker[0]:speaker[1]].lower().replace("’", "'") in _EXPLETIVES \
                and not (doc.lows[doc.tok_at(speaker[0])] == "it" and (head == "verb" or doc.tok_at(speaker[0]) == i - 1)):
            speaker = None  # "It is not clear that ...", "It's clear that ...": nobody says it
        speaker = speaker or sources.latest(doc.spans[t0][0], doc.spans[i][0])
        cue = (doc.spans[i][0], doc.spans[j - 1][1]) if j == i + 2 else doc.spans[i]
        out.append(make_quote(doc, span[0], span[1], "indirect", speaker, cue, "cue_phrase"))
    return out


def _speaker(doc: Doc, i: int, t0: int, t1: int, head: str) -> Span | None:
    """Return the source of the cue at token ``i``: a verb's subject, a noun's possessor."""
    toks = doc.toks
    if head == "verb":
        progressive = toks[i].lower().endswith("ing")
        if passive_participle(doc, i, t0) and doc.lows[i] not in _EXPERIENCER:
            return None  # "Sanders was asked about X", "when asked about X": the one asked is not the source
        if not progressive or (i > t0 and toks[i - 1].lower() in PASSIVE_AUX | ADVERBS):
            # "Hollande was referring to X", "Mr. Trump was apparently referring to X": the subject, past the auxiliary
            found = verb_subject(doc, i, t0)
            if found is not None:
                return found
        else:
            found = _participle_subject(doc, i, t0)
            if found is not None:
                return found
        return _subject(doc, t0, i, t1)
    if i > t0 and doc.lows[i - 1] in PRONOUNS and doc.lows[i].endswith("s"):
        return doc.spans[i - 1]  # "It refers to", "he talks about": the noun-like cue is a verb after its subject
    for k in range(i - 1, max(t0, i - 1 - _MAX_MODIFIERS) - 1, -1):
        low = toks[k].lower()
        if low in _POSSESSIVES:
            return _own_object(doc, k, t0) or doc.spans[k]
        if low in {"’s", "'s"}:
            return speaker_left(toks, doc.spans, k, t0) if k > t0 else None
        if low.endswith(("’s", "'s")) and toks[k][:1].isupper():
            # "Pence’s call for", "Sen. Graham’s endorsement of": the possessor (PolNeAR marks "Pence’s")
            return speaker_left(toks, doc.spans, k + 1, t0) or doc.spans[k]
        if toks[k] in {"'", "’"} and k > t0 and doc.lows[k - 1].endswith("s") and doc.spans[k - 1][1] == doc.spans[k][0]:
            # "Francis' remarks about", "independents’ views of": a possessive apostrophe after -s
            return speaker_left(toks, doc.spans, k, t0) or doc.spans[k - 1]
        if not toks[k][:1].isalpha():
            break
    copula = _copula_subject(doc, i, t0) or _maker(doc, i, t0) or _light_verb_subject(doc, i, t0) \
        or _clause_subject(doc, i, t0)
    if copula is not None:
        return copula
    return _subject(doc, t0, i, t1)  # "Cruz was also critical of X"


# words between a light verb and its noun cue: "expressed an interest in", "voted in favor of", "raised new concerns"
_NOUN_OPENERS = frozenset({"a", "an", "the", "no", "some", "any", "more", "little", "much", "in", "new", "growing",
                           "serious", "strong", "deep", "real", "its", "great"})
# verbs without "-ed" whose object may be a noun cue ("has little interest in", "took issue with", "made no mention of")
_LIGHT_VERBS = frozenset({"has", "have", "had", "took", "take", "takes", "made", "make", "makes", "gave", "give", "gives",
                          "shows", "show", "shown", "cast", "casts", "holds", "held", "hold", "got", "gets", "get", "drew",
                          "draws", "keeps", "kept", "stood", "stands", "spoke", "speaks", "sent", "sends", "paid", "pays"})
_ARTICLES = frozenset({"a", "an", "the", "no", "any", "some"})
_NOT_LIGHT = frozenset({"amid", "among", "upon", "toward", "towards", "through", "within", "like", "via", "per", "under",
                        "over", "including", "despite", "without", "after", "before", "during", "than", "as", "into"})


def _light_verb_subject(doc: Doc, i: int, t0: int) -> Span | None:
    """Return the subject of the verb whose object is the noun cue at token ``i`` ("Thor expressed an interest in",
    "54 percent of the electorate voted in favor of", "more voters had an unfavorable opinion of"), or None.

    Up to three determiners or modifiers from :data:`_NOUN_OPENERS` may sit between the verb and the cue; the
    verb is a lower-case word that is no preposition or conjunction.
    """
    v = i - 1
    while v > t0 and i - v <= 3 and doc.lows[v] in _NOUN_OPENERS:
        v -= 1
    for d in range(i - 1, max(t0, i - 4) - 1, -1):
        if doc.lows[d] in _ARTICLES:
            v = d - 1  # "has a genuine substantive interest in": adjectives after an article
            break
        if not (doc.toks[d].isalpha() and doc.toks[d].islower()) or doc.lows[d] in STOPWORDS \
                or doc.lows[d] in _LIGHT_VERBS or doc.lows[d].endswith("ed"):
            break
    low = doc.lows[v]
    if v <= t0 or not doc.toks[v].isalpha() or not doc.toks[v].islower() or low in _NOT_VERBS or low in _NOT_LIGHT \
            or not (low.endswith("ed") or low in _LIGHT_VERBS):
        return None
    return verb_subject(doc, v, t0)


# words opening a subordinate clause whose subject may hold the noun cue ("The notion started when Thor
# expressed an interest in", "... after he expressed doubts about")
_SUBORDINATORS = CLAUSE_OPENERS | {"but"}
_RELATIVE_SUBJECTS = frozenset({"who", "which"})
_MAX_CLAUSE = 12  # tokens from the clause opener to the noun cue


def _clause_subject(doc: Doc, i: int, t0: int) -> Span | None:
    """Return the subject of the nearest subordinate or relative clause holding the noun cue at token ``i``.

    "The fracas erupted just after the real estate tycoon entered the race with harsh words about X":
    the tycoon's words, not the fracas'; "the party's top figures, who have openly expressed concern
    about X": the relative pronoun (PolNeAR's source). The clause's subject must be followed by a
    lower-case word (its verb) before the cue.
    """
    toks, lows = doc.toks, doc.lows
    for b in range(i - 1, max(t0, i - _MAX_CLAUSE) - 1, -1):
        low = lows[b]
        if toks[b] in {",", ";", ":", "—", "–", "“", "”", '"', "(", ")"}:
            return None  # "The lawsuit, which will be filed Friday, focuses on": the clause closed before the cue
        if low in _RELATIVE_SUBJECTS and b + 1 < i and toks[b + 1].isalpha() and toks[b + 1].islower() \
                and lows[b + 1] not in DETERMINERS:
            return doc.spans[b]
        if low in _SUBORDINATORS and b + 2 < i:
            found = speaker_right(toks, doc.spans, b, i)
            if found is None:
                continue
            after = doc.tok_at(found[1])
            if after < i - 1 and toks[after].isalpha() and toks[after].islower() \
                    and lows[after] not in DETERMINERS:
                return found
    return None


# words before the subject of a participle clause: "with Trump calling for", "footage of Trump talking about"
_PARTICIPLE_LINKS = frozenset({"with", "of", "and", "but", "while", "when", "as", "that", "after", "before", "because",
                               "for", "like"})


def _participle_subject(doc: Doc, i: int, t0: int) -> Span | None:
    """Return the noun phrase right before the participle cue at token ``i`` when it is the participle's subject.

    "with Trump calling for a ban", "the chorus of detractors calling for": the phrase must open a
    clause (sentence start, punctuation or a link word before it), else it is an object ("spend many hours
    reflecting on") or a clause of its own ("She began thinking about").
    """
    toks = doc.toks
    if i - 1 <= t0 or not toks[i - 1][:1].isalnum():
        return None
    found = speaker_left(toks, doc.spans, i, t0)
    if found is None or doc.tok_at(found[1]) != i:
        return None
    first = doc.tok_at(found[0])
    words = doc.lows[first:i]
    if words[-1] in _OPEN_ENDINGS or (len(words) > 1 and words[0] in PRONOUNS) \
            or any(w.endswith("ly") and w.isalpha() for w in words):
        return None
    before = doc.lows[first - 1] if first > t0 else ""
    if before[:1].isalnum() and before not in _PARTICIPLE_LINKS:
        return None
    return found


_EXPLETIVES = frozenset({"it", "it's", "there", "there's", "this", "that", "what"})
# a noun phrase does not end with these: "Given the", "the wake of" are fragments cut before their noun
_OPEN_ENDINGS = frozenset({"the", "a", "an", "of", "to", "for", "in", "on", "at", "with", "and", "or", "by", "from"})


def _subject(doc: Doc, t0: int, i: int, t1: int) -> Span | None:
    """Return the sentence's subject for the cue at token ``i``, or None when what opens the sentence names no one.

    A cue phrase keeps its content without a source (PolNeAR often gives none: "Given the intense criticism
    of X"), so a fragment is dropped rather than reported.
    """
    found = sentence_subject(doc, t0, i)
    if (found is None or found[0] == doc.spans[t0][0]) and doc.lows[t0].endswith("ing") and "," not in doc.toks[t0:i]:
        # "Claiming the criticism of Lauer is designed to ..., Trump told Fox": the cue is in an opening
        # participle clause, whose subject is the main clause's, after its comma
        found = sentence_subject(doc, t0, t1)
    if found is None:
        return None
    words = doc.text[found[0]:found[1]].split()
    first = doc.tok_at(found[0])
    if words[-1].lower() in _OPEN_ENDINGS \
            or not (plausible_subject(doc.text[found[0]:found[1]]) or words[0].lower() in PRONOUNS) \
            or (first == t0 and len(words) == 1 and cue_verb(words[0].lower()) is not None):
        return None  # "Says he will ...": a cue verb opening a subjectless line
    return found


_COPULAS = frozenset({"is", "are", "was", "were", "be", "been", "being", "am", "remains", "remained", "seems", "seemed"})
_BEFORE_PREDICATE = frozenset({"a", "an", "the", "very", "so", "too", "more", "most", "less", "not", "also", "still",
                               "deeply", "increasingly", "particularly", "especially", "highly", "openly", "long"})


def _copula_subject(doc: Doc, i: int, t0: int) -> Span | None:
    """Return the subject of the copula before a predicate cue at token ``i`` ("they’re hopeful that",
    "Clinton is an outspoken supporter of", "supporters who are deeply skeptical of"), or None."""
    c = i - 1
    if c > t0 and doc.toks[c].isalpha() and doc.toks[c].islower() and doc.lows[c] not in _COPULAS \
            and doc.lows[c - 1] in {"a", "an", "the"}:
        c -= 1  # "an outspoken supporter of": one adjective between the article and the cue
    while c > t0 and i - c <= 4 and (doc.lows[c] in _BEFORE_PREDICATE or doc.lows[c].endswith("ly")):
        c -= 1
    low = doc.lows[c]
    if low.endswith(("’re", "'re")) and low[:-3] in PRONOUNS:
        return doc.spans[c]  # "they’re hopeful": the pronoun carries the copula
    if c <= t0 or low not in _COPULAS:
        return None
    return verb_subject(doc, c, t0)


_MAKE = frozenset({"make", "makes", "made", "making"})


def _maker(doc: Doc, i: int, t0: int) -> Span | None:
    """Return who "made clear that" / "is making it clear that" (the subject of "make"), or None."""
    m = i - 2 if i - 2 >= t0 and doc.lows[i - 1] == "it" else i - 1
    if m <= t0 or doc.lows[m] not in _MAKE:
        return None
    if doc.lows[m] == "making":
        if doc.toks[m - 1] == ",":  # "Obama, making it clear that ...": the clause's subject
            return sentence_subject(doc, t0, m)
        return verb_subject(doc, m, t0) if doc.lows[m - 1] in PASSIVE_AUX else None
    return verb_subject(doc, m, t0)


# participles of a state of mind: "X is convinced that", "X was worried about": X holds the view (PolNeAR's source)
_EXPERIENCER = frozenset({"convinced", "worried", "concerned", "assured", "enamored", "persuaded", "confident"})
_PARTICLES = frozenset({"up", "down", "out", "off", "back"})
_NOT_VERBS = frozenset({"and", "or", "but", "to", "that", "of", "in", "on", "with", "for", "from", "about", "by", "at",
                        "as", "than", "after", "before", "over", "into", "despite", "against", "during", "without"})
_AGREES = {"his": {"he"}, "her": {"she"}, "their": {"they"}}
_PERSONAL = frozenset({"he", "she", "they"})


def _own_object(doc: Doc, k: int, t0: int) -> Span | None:
    """Return the subject of the verb whose object opens with the possessive at token ``k``, when it is the possessor.

    "Cruz has signaled his desire to ...", "he offered his thoughts on ...": PolNeAR's source is the
    subject (the possessive only repeats it); "Republicans distanced themselves from his suggestion" keeps "his".
    """
    toks = doc.toks
    v = k - 1
    while v > t0 and doc.lows[v] in _PARTICLES:
        v -= 1
    if v <= t0 or not toks[v].isalpha() or not toks[v].islower() or doc.lows[v] in _NOT_VERBS:
        return None
    subject = verb_subject(doc, v, t0)
    if subject is None:
        return None
    words = doc.text[subject[0]:subject[1]].split()
    if len(words) == 1 and (words[0].islower() or words[0].lower() in _PERSONAL):
        agrees = words[0].lower() in _AGREES.get(doc.lows[k], ())  # "he ... his", not "officials ... his"
    elif doc.lows[k] == "their":
        # "721 delegates cast their votes for", "Twitter users posted their thoughts on": a plural subject
        agrees = words[-1][:1].isupper() or words[-1].endswith("s") or "and" in words
    else:
        agrees = words[-1][:1].isupper() and doc.lows[k] != "its"  # a name ("Cruz ... his"), not a thing's "its"
    return subject if agrees else None


class _CueIndex:
    """The quotes found so far with a speaker and a cue, by cue offset (the first quote for each offset)."""

    def __init__(self, taken: list[Quote]) -> None:
        self._by_cue: dict[int, Quote] = {}
        for q in taken:
            if q.speaker_start is not None and q.cue_start is not None:
                self._by_cue.setdefault(q.cue_start, q)
        self._cues = sorted(self._by_cue)

    def latest(self, lo: int, cue: int) -> Span | None:
        """Return the speaker of the latest attribution whose cue lies in ``lo:cue`` (", referring to X")."""
        i = bisect.bisect_left(self._cues, cue) - 1
        if i < 0 or self._cues[i] < lo:
            return None
        best = self._by_cue[self._cues[i]]
        return best.speaker_start, best.speaker_end


@lru_cache(maxsize=1)
def PHRASE_TRIGGERS() -> frozenset[str]:  # noqa: N802 (a constant computed once)
    """Return the first words of the cue phrases (the scan's triggers)."""
    return frozenset(w1 for w1, _ in cue_phrases())

