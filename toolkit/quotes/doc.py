"""Shared pieces of the quote finder: the ``Quote`` record, one text's tokens and
sentences (``Doc``), cue-verb lookup, and span helpers used by every rule module.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache
from itertools import accumulate, islice
from operator import itemgetter

from toolkit.quotes.lexicon import ADVERBS, DETERMINERS, PRONOUNS, STOPWORDS, Verb, speech_verbs
from toolkit.quotes.speakers import QUANTIFIERS, from_fields, skip_adverbs, skip_time, speaker_left, speaker_right
from toolkit.text.tokenize import Sentences, word_columns

Span = tuple[int, int]
MARKS = frozenset({"“", "”", '"', "''", "``"})
# words opening an adverbial before the subject ("In a statement, the group said ...")
OPENING_ADVERBIALS = frozenset({"in", "on", "at", "after", "before", "during", "while", "when", "as", "since",
                                 "despite", "with", "without", "for", "from", "by", "once", "although", "though",
                                 "if", "asked", "speaking", "but", "and", "still", "yet", "however", "meanwhile",
                                 "later", "earlier", "last", "this", "then", "instead", "also", "now", "throughout",
                                 "amid", "among", "under", "following", "given", "unlike", "like",
                                 # prepositions opening a place or topic ("Beyond the footage, the affidavit cited")
                                 "beyond", "along", "across", "inside", "outside", "through", "over", "within",
                                 "around", "behind", "toward", "towards", "against", "besides", "aside", "beside",
                                 "regarding", "near", "upon", "alongside", "beneath"})  # not "of" ("Of course, X was ...")
TRAILING = frozenset({".", "!", "?", ";", ":", ",", "—", "–", "-", "(", "“", "”", '"', "''", "``"})
_SUBORDINATORS = frozenset({"when", "after", "before", "while", "if", "as", "although", "though", "since", "with",
                            "within", "without", "despite", "once", "during", "for", "in", "on", "at", "by", "from"})
_LEADING_ADVERBS = frozenset({"but", "and", "so", "yet", "still", "even", "just", "also", "now", "then", "instead",
                              "meanwhile", "however", "indeed", "perhaps", "maybe", "or", "likewise", "similarly",
                              "moreover", "furthermore", "nevertheless", "nonetheless", "ultimately", "overall",
                              # sentence adverbs before a comma ("Specifically, the SVP ..."); a name ending in
                              # -ly ("Kelly, who ...") is why the -ly rule below does not skip "Word ," alone
                              "specifically", "additionally", "consequently", "finally", "fortunately",
                              "unfortunately", "importantly", "notably", "separately", "initially", "originally",
                              "eventually", "currently", "recently", "previously", "frankly", "honestly", "clearly",
                              "obviously", "apparently", "certainly", "surely", "basically", "essentially",
                              "generally", "typically", "usually", "traditionally", "historically", "politically",
                              "personally", "publicly", "privately", "ironically", "interestingly", "increasingly",
                              "alternatively", "accordingly", "subsequently", "technically", "officially",
                              "reportedly", "allegedly", "arguably", "presumably", "admittedly", "naturally",
                              "afterward", "afterwards", "otherwise", "therefore", "thus", "hence", "besides",
                              "regardless", "again", "today", "tonight", "yesterday"})
PASSIVE_AUX = frozenset({"was", "were", "is", "are", "be", "been", "being", "get", "got"})
_REDUCED = frozenset({"when", "if", "after", "before", "while", "once", "unless", "until", "as"})  # "when asked about"
_BETWEEN_AUX = frozenset({"not", "n't", "never", "also", "already", "still", "widely", "long", "often", "first",
                          "previously", "generally", "largely", "being"})
#: Tokens a rule reads on either side of a cue or quotation inside its sentence. The longest PolNeAR
#: sentence has 220 tokens, so no news sentence is cut; a text without sentence breaks (a megabyte
#: of one "sentence") then costs a bounded amount per cue, and the finder stays linear in its length.
MAX_REACH = 300
_SHORT = 48  # token ranges up to this long are counted directly; longer ones from the prefix counts
QUOTE_FIELDS = ["start", "end", "text", "kind", "speaker", "speaker_start", "speaker_end",
                "cue", "cue_start", "cue_end", "rule", "speaker_name", "speaker_resolved"]


@dataclass(frozen=True)
class Quote:
    """A quotation with character offsets into the article text (None where unknown).

    ``kind`` is ``direct`` (inside quotation marks), ``mixed`` (reported speech
    with a quoted fragment) or ``indirect``; ``rule`` names the pattern that fired.
    """

    start: int
    end: int
    text: str
    kind: str
    speaker: str | None = None
    speaker_start: int | None = None
    speaker_end: int | None = None
    cue: str | None = None
    cue_start: int | None = None
    cue_end: int | None = None
    rule: str = ""
    speaker_name: str | None = None
    speaker_resolved: str | None = None



@dataclass(frozen=True)
class Doc:
    """Tokens and sentences of one text, with start offsets for bisection."""

    text: str
    toks: Sequence[str]
    spans: Sequence[Span]
    tok_starts: Sequence[int]
    sents: Sequence[Span]
    sent_starts: Sequence[int]
    paras: Sequence[Span]
    lows: Sequence[str] = ()  # lower-cased tokens

    def tok_at(self, offset: int) -> int:
        """Return the index of the first token starting at or after ``offset``."""
        return bisect.bisect_left(self.tok_starts, offset)

    def sent_of(self, offset: int) -> Span:
        """Return the sentence containing ``offset`` (or the one before it)."""
        i = max(0, bisect.bisect_right(self.sent_starts, offset) - 1)
        return self.sents[i]

    @cached_property
    def _words_before(self) -> list[int]:
        """Prefix counts: how many of the first ``i`` tokens start with a letter or digit."""
        # built in C (no generator step per token); still a cost per token of the article, so short ranges skip it
        return list(accumulate(map(str.isalnum, map(_FIRST_CHAR, self.toks)), initial=0))

    def count_words(self, lo: int, hi: int, cap: int | None = None) -> int:
        """Return how many tokens ``lo:hi`` start with a letter or digit (words and numbers); with ``cap``,
        ``min(count, cap)``, counted only up to the ``cap``-th word (see :func:`words_in`)."""
        if cap is not None or hi - lo <= _SHORT:
            return words_in(self.toks, lo, hi, cap)
        return self._words_before[max(lo, min(hi, len(self.toks)))] - self._words_before[max(0, min(lo, len(self.toks)))]


_FIRST_CHAR = itemgetter(slice(0, 1))  # a token's first character, as ``tok[:1]`` (in C)


def words_in(toks: Sequence[str], lo: int, hi: int, cap: int | None = None) -> int:
    """Return how many tokens of ``toks[lo:hi]`` start with a letter or digit (words and numbers).

    With ``cap``, ``min(count, cap)``: the tokens after the ``cap``-th word are not looked at. A rule that
    only asks "at least two words?" of the rest of a sentence then reads two or three tokens, not thirty
    (reading one token costs two C calls).
    """
    firsts = map(_FIRST_CHAR, toks[lo:hi])  # in C: no generator step per token
    if cap is None:
        return sum(map(str.isalnum, firsts))
    return len(list(islice(filter(str.isalnum, firsts), max(cap, 0))))


def reach(k: int, t0: int, t1: int) -> tuple[int, int]:
    """Return the sentence ``t0:t1`` cut to :data:`MAX_REACH` tokens on either side of token ``k``."""
    return max(t0, k - MAX_REACH), min(t1, k + MAX_REACH + 1)



def make_doc(text: str, sentences: Sentences | None = None) -> Doc:
    """Tokenize once: words (as ``word_spans``), paragraphs, and sentences (as ``sentence_spans``).

    ``sentences`` is the article's shared sentence split (:class:`toolkit.text.tokenize.Sentences` of ``text``).
    """
    spans, toks, starts = word_columns(text)
    if sentences is None or sentences.text != text:
        sentences = Sentences(text)
    paras = sentences.paragraphs
    sents = sentences.all()
    return Doc(text, toks, spans, starts, sents, list(map(itemgetter(0), sents)), paras, list(map(str.lower, toks)))

# base forms that are rarely nouns; other base forms ("state", "report", "post") are too often nouns
_BASE_OK = frozenset({"say", "tell", "think", "believe", "know", "argue", "claim", "insist", "add",
                      "warn", "note", "write", "contend", "predict", "suggest", "acknowledge", "agree", "admit",
                      "read"})  # "the statement read" (past tense = base form)


@lru_cache(maxsize=65536)
def cue_verb(tok: str) -> Verb | None:
    """Return the cue-verb entry of a lower-case token, or None (capitalised "State" is a name)."""
    if not tok[:1].islower():
        return None
    verb = speech_verbs().get(tok)
    if verb is None or (tok == verb.lemma and verb.lemma not in _BASE_OK):
        return None
    return verb


@lru_cache(maxsize=1)
def cue_verbs() -> dict[str, Verb]:
    """Return token -> cue-verb entry for every token that :func:`cue_verb` accepts (read-only).

    ``cue_verbs().get(tok)`` is ``cue_verb(tok)`` for any string: a rule scanning the tokens of a sentence
    makes one dict lookup per token, not one cached-function call.
    """
    return {form: verb for form, verb in speech_verbs().items() if cue_verb(form) is verb}



def make_quote(doc: Doc, start: int, end: int, kind: str, speaker: Span | None, cue: Span | None, rule: str) -> Quote:
    """Build a Quote, trimming whitespace so that ``text[start:end] == quote.text``."""
    text = doc.text
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    sp = speaker if speaker and speaker[1] > speaker[0] else None
    cu = cue if cue and cue[1] > cue[0] else None
    return from_fields(Quote, {
        "start": start, "end": end, "text": text[start:end], "kind": kind,
        "speaker": text[sp[0]:sp[1]] if sp else None, "speaker_start": sp[0] if sp else None,
        "speaker_end": sp[1] if sp else None,
        "cue": text[cu[0]:cu[1]] if cu else None, "cue_start": cu[0] if cu else None, "cue_end": cu[1] if cu else None,
        "rule": rule, "speaker_name": None, "speaker_resolved": None,
    })


def sentence_subject(doc: Doc, lo: int, hi: int) -> Span | None:
    """Return the noun phrase opening tokens ``lo:hi`` (the main-clause subject, heuristically).

    A dateline ("WASHINGTON —") is not the subject. A sentence opening with an adverbial
    ("Continuing to explain his view, Carson ...", "In a statement, the group ...", "Hours
    later, Trump ...") has its subject after the first comma, or after a place's second comma
    ("Speaking in Salem, New Hampshire, Trump ...").
    """
    toks = doc.toks
    lo = skip_dateline(doc, lo, hi)
    hi = min(hi, lo + MAX_REACH)  # a subject opens its clause: never read further than a sentence's length
    first_comma = next((i for i in range(lo + 1, min(hi, lo + 5)) if toks[i] == ","), None)
    timed = first_comma is not None and any(t.lower() in _TIME_WORDS for t in toks[lo:first_comma])
    if lo < hi and (doc.lows[lo] in OPENING_ADVERBIALS or doc.lows[lo].endswith("ing") or timed):
        comma = next((i for i in range(lo, hi) if toks[i] == ","), None)
        if comma is not None:
            lo = _after_place(toks, comma, hi)
            while lo < hi and toks[lo] in MARKS:
                lo += 1  # 'Speaking on ABC’s “This Week,” Carson said': the comma closes a title in quotes
        elif doc.lows[lo] in _SUBORDINATORS:
            return None  # "When asked about X": no subject before the cue
    if lo + 2 < hi and (doc.lows[lo] in _LEADING_ADVERBS or doc.lows[lo] in {"back", "hastily"}
                        or (toks[lo].endswith("ly") and toks[lo][1:].islower())):
        comma = next((i for i in range(lo + 1, min(hi, lo + 8)) if toks[i] == ","), None)
        if comma is not None and toks[lo + 1] != ",":
            lo = comma + 1  # "Back in 1999, Mr. Trump ...", "Hastily politicizing ..., Trump cast ..."
    while lo < hi and doc.lows[lo] in _LEADING_ADVERBS:
        lo += 1  # "But no one ...", "Even people ...", "Indeed, proponents ..."
        if lo < hi and toks[lo] == ",":
            lo += 1
    return speaker_right(toks, doc.spans, lo - 1, hi) if lo < hi else None


# an opening phrase with one of these ends at its comma: "Hours later, Trump ...", "Last week, she ..."
_TIME_WORDS = frozenset({"later", "earlier", "ago", "hours", "days", "weeks", "months", "years", "minutes",
                         "moments", "morning", "evening", "night", "afternoon"})
# "WASHINGTON —", "MANCHESTER, N.H. -", "WASHINGTON, Aug. 24 (UPI) —": a dateline opens the text, not a clause
_DATELINE = re.compile(r"[A-Z][A-Z.'’]+(?:[ -][A-Z][A-Z.'’]+)*(?:,[ \t]+[A-Z][A-Za-z.]*(?:[ \t][A-Z][A-Za-z.]*)?)?"
                       r"(?:,?[ \t]+[A-Z][a-z]{2,4}\.?[ \t]+\d{1,2})?[ \t]*(?:\([A-Z][A-Za-z]+\)[ \t]*)?[—–―-]{1,2}[ \t]+")
# single words that open a sentence but never name a speaker ("Of course", "Ask yourself", "Why ...")
_NOT_SPEAKERS = frozenset({"of", "ask", "why", "moreover", "based", "citing", "name", "imagine", "consider",
                           "remember", "look", "let", "yes", "no", "well", "please", "thanks", "so", "here",
                           "there", "what", "how", "where", "when", "whatever", "whether", "meanwhile"})
# "It’s", "That's", "There's": a contraction opening a clause ("Scott's" is a possessive, a name)
_CONTRACTION = re.compile(r"^(?:it|that|there|here|what|who|where|let|this)['’](?:s|re|ll|d|ve)$", re.IGNORECASE)


# "Washington (AFP) –", "Mexico City (AFP) –": a wire dateline in title case, the agency in capitals
_AGENCY_DATELINE = re.compile(r"[A-Z][a-z]+(?:[ \t][A-Z][a-z]+){0,2}[ \t]+\([A-Z]{2,}\)[ \t]*[—–―-]{1,2}[ \t]+")


def skip_dateline(doc: Doc, lo: int, hi: int) -> int:
    """Return the first token after a dateline opening tokens ``lo:hi`` ("WASHINGTON — Sen. X said")."""
    if lo >= hi or not doc.toks[lo][:1].isupper():
        return lo
    if doc.toks[lo].isupper() and len(doc.toks[lo]) > 1:
        m = _DATELINE.match(doc.text, doc.spans[lo][0])
    else:
        m = _AGENCY_DATELINE.match(doc.text, doc.spans[lo][0])
    if m is None:
        return lo
    nxt = doc.tok_at(m.end())
    return nxt if nxt < hi else lo


def _after_place(toks: Sequence[str], comma: int, hi: int) -> int:
    """Return the token after an opening adverbial's comma, skipping a state after a city ("in Salem, N.H.,")."""
    second = next((i for i in range(comma + 1, min(hi, comma + 5)) if toks[i] == ","), None)
    if second is not None and comma > 0 and toks[comma - 1][:1].isupper() \
            and all(t[:1].isupper() or t == "." for t in toks[comma + 1:second]):
        return second + 1
    return comma + 1


def plausible_subject(phrase: str) -> bool:
    """Return False for a one-word "speaker" that is a sentence opener or a contraction ("Of", "It’s")."""
    words = phrase.split()
    if len(words) != 1:
        return True
    low = words[0].lower()
    return not (low in _NOT_SPEAKERS or low in STOPWORDS or low in OPENING_ADVERBIALS or _CONTRACTION.match(low))



_FLOATING = frozenset({"both", "either", "all", "each", "together", "themselves", "himself", "herself", "alone"})
_RELATIVE_FORMS = frozenset({"who", "which", "whom", "who’d", "who'd"})


def verb_subject(doc: Doc, k: int, t0: int) -> Span | None:
    """Return the subject of the cue verb at ``k``: "X said", "X, who ..., said", "X, who said"."""
    toks = doc.toks
    j = skip_time(toks, skip_adverbs(toks, k - 1, t0), t0)
    if j >= t0 and doc.lows[j] in QUANTIFIERS and _opens_clause(doc, j, t0) \
            and not (j + 1 < k and doc.lows[j + 1].endswith("ly")):
        return doc.spans[j]  # "Many spoke about", "while some argued": the quantifier ("most recently": an adverb)
    if j > t0 and doc.lows[j] in _FLOATING:
        # "who has both endorsed X", "Carson, Cruz and Paul have all attacked", "which together vowed":
        # the word floats after its subject
        j = skip_adverbs(toks, j - 1, t0)
        k = j + 1
    if j >= t0 and doc.lows[j] in _RELATIVE_FORMS:
        return doc.spans[j]  # PolNeAR marks the relative pronoun as the source
    found = speaker_left(doc.toks, doc.spans, k, t0)
    return _past_relative_object(doc, found, t0) if found is not None and toks[j] != "," else found


def _past_relative_object(doc: Doc, found: Span, t0: int) -> Span:
    """Return the antecedent when ``found`` is the object inside a relative clause before the cue, else ``found``.

    "Republicans who oppose the deal argued": "the deal" is what they oppose, the Republicans argue;
    "economists who favor consumption taxes agree": the same with the verb inside the found phrase. Only after
    "who": "that" is as often a complementiser ("a trend that the foundation predicts").
    """
    first = doc.tok_at(found[0])
    for rel in range(first - 1, max(t0, first - 3) - 1, -1):
        if doc.lows[rel] == "who":
            verb_inside = rel < first - 1 or (doc.lows[first] not in DETERMINERS and doc.lows[first] not in PRONOUNS)
            if rel - 1 < t0 or not verb_inside \
                    or not all(doc.toks[i].isalpha() and doc.toks[i].islower() for i in range(rel + 1, first + 1)):
                return found  # "the voters who the mayor courted said": the relative clause's subject speaks
            antecedent = speaker_left(doc.toks, doc.spans, rel, t0)
            return antecedent if antecedent is not None and doc.tok_at(antecedent[1]) == rel else found
        if not (doc.toks[rel].isalpha() and doc.toks[rel].islower()):
            return found
    return found


def _opens_clause(doc: Doc, j: int, t0: int) -> bool:
    """Return True when token ``j`` opens a clause: sentence start, punctuation or a conjunction before it.

    "Edwards and others said": "others" is inside one noun phrase, not a clause of its own.
    """
    if j == t0:
        return True
    if not doc.toks[j - 1][:1].isalnum():
        # "(R-Va.) both condemned", "— both suggested": after an aside a quantifier floats after the subject
        return doc.toks[j - 1] not in {")", "—", "–", "--"}
    if doc.lows[j - 1] == "and":
        return j - 1 == t0 or not doc.toks[j - 2][:1].isalnum()
    return doc.lows[j - 1] in _BEFORE_QUANTIFIER


_BEFORE_QUANTIFIER = frozenset({"but", "while", "when", "as", "because", "although", "though", "if", "since",
                                "whereas", "yet", "so"})


_COORDINATORS = frozenset({"and", "but", "or"})
#: Words opening a subordinate clause whose subject a later cue may share ("though she praised X and said", "when
#: Thor expressed an interest in").
CLAUSE_OPENERS = frozenset({"when", "after", "as", "because", "while", "since", "before", "although", "though",
                             "until", "whereas", "once", "if"})
_CLAUSE_STOPS = frozenset({",", ";", ":", "—", "–", "(", ")"}) | MARKS


def coordinated_subject(doc: Doc, k: int, t0: int) -> Span | None:
    """Return the subject of the cue verb at ``k`` coordinated with an earlier verb ("and"/"but"/"or" before it).

    "Obama met survivors on Thursday and said ...": the subject of the first verb. Inside the
    conjunction's own clause a relative pronoun ("Weaver, who came out and endorsed") or a
    subordinate clause's subject ("though she praised Garland and said") is that subject; past a
    comma, the sentence's subject ("they reversed themselves, rushed inside and said").
    """
    toks, lows = doc.toks, doc.lows
    conj = skip_adverbs(toks, k - 1, t0)
    if conj <= t0 or lows[conj] not in _COORDINATORS:
        return None
    for b in range(conj - 1, t0 - 1, -1):
        if toks[b] in _CLAUSE_STOPS:
            break
        if lows[b] in {"who", "which"} and b + 1 < conj and toks[b + 1].isalpha() and toks[b + 1].islower():
            return doc.spans[b]
        if lows[b] in CLAUSE_OPENERS and b + 2 < conj:
            found = speaker_right(toks, doc.spans, b, conj)
            after = doc.tok_at(found[1]) if found is not None else conj
            if after < conj and toks[after].isalpha() and toks[after].islower():
                return found
    subject = sentence_subject(doc, t0, conj)
    if subject is None or doc.tok_at(subject[1]) >= conj or not plausible_subject(doc.text[subject[0]:subject[1]]):
        return None
    return subject



_NOUN_BEFORE = frozenset({"the", "a", "an", "his", "her", "their", "its", "our", "my", "your", "these", "those",
                          "’s", "'s"})


def noun_use(doc: Doc, k: int) -> bool:
    """Return True when the cue form at token ``k`` is a plural noun: "Trump's remarks", "the terrorist attacks"."""
    low = doc.lows[k]
    if not low.endswith("s") or low.endswith("ss") or k == 0:
        return False
    prev = doc.lows[k - 1]
    return prev in _NOUN_BEFORE or prev.endswith(("’s", "'s")) \
        or (k > 1 and doc.lows[k - 2] in _NOUN_BEFORE and prev.isalpha() and prev not in STOPWORDS and prev not in ADVERBS)


def passive_participle(doc: Doc, k: int, lo: int, *, reduced: bool = True) -> bool:
    """Return True when the participle at token ``k`` is passive: "was asked", "is not expected", and
    with ``reduced`` also "when asked". The one asked or expected is not the source of what follows.
    """
    low = doc.lows[k]
    if low.endswith("ing") or not low.endswith(("ed", "en", "wn")) or low == "said":
        return False
    j = k - 1
    while j >= lo and (doc.lows[j] in _BETWEEN_AUX or (doc.lows[j].endswith("ly") and doc.lows[j].isalpha())):
        j -= 1
    return j >= lo and (doc.lows[j] in PASSIVE_AUX or (reduced and j == k - 1 and doc.lows[j] in _REDUCED))


_WORD_RUN = re.compile(r"\w+")


def gap_words(text: str, start: int, end: int, cap: int | None = None) -> int:
    """Return how many words lie between two offsets (a large number when reversed).

    With ``cap``, counting stops there (``min(count, cap)``): "more than 400 words apart" then costs
    400 words, not the distance.
    """
    if end < start:
        return 99
    if cap is None:
        return len(_WORD_RUN.findall(text, start, end))
    return len(list(islice(_WORD_RUN.finditer(text, start, end), max(cap, 0))))  # no step in Python per word



def overlaps(spans: list[Span], start: int, end: int) -> bool:
    """Return True when ``start:end`` overlaps one of ``spans``."""
    return any(s < end and start < e for s, e in spans)


class SpanIndex:
    """Spans sorted by start with running maximum ends: :func:`overlaps` in O(log n) for many queries."""

    def __init__(self, spans: Sequence[Span]) -> None:
        ordered = sorted(spans)
        self._starts = [s for s, _ in ordered]
        self._max_end = list(accumulate((e for _, e in ordered), max))

    def overlaps(self, start: int, end: int) -> bool:
        """Return True when ``start:end`` overlaps one of the spans (as :func:`overlaps`)."""
        i = bisect.bisect_left(self._starts, end)  # spans[:i] start before ``end``
        return i > 0 and self._max_end[i - 1] > start



def content_end(doc: Doc, hi_tok: int) -> int:
    """Return the end offset of the tokens before ``hi_tok`` without final punctuation."""
    j = hi_tok - 1
    while j >= 0 and doc.toks[j] in {".", "!", "?", ";", ":", ","} | MARKS:
        j -= 1
    return doc.spans[j][1] if j >= 0 else 0



def clip_end(doc: Doc, j: int, t1: int, blocked: bytearray) -> int:
    """Return the token index where a content starting at ``j`` stops: a quotation or ``t1``."""
    i = blocked.find(1, j, t1) if j < t1 else -1
    return t1 if i < 0 else i



def content_span(doc: Doc, j: int, hi: int, min_words: int) -> tuple[int, int] | None:
    """Return the character span of tokens ``j:hi`` without trailing punctuation/conjunctions."""
    toks = doc.toks
    while hi > j and (toks[hi - 1] in TRAILING or doc.lows[hi - 1] in {"and", "but", "or", "while"}):
        hi -= 1
    if doc.count_words(j, hi, min_words) < min_words:
        return None
    return doc.spans[j][0], doc.spans[hi - 1][1]


def subject_and_verb(doc: Doc, lo: int, hi: int) -> tuple[Span, Span] | None:
    """Return (subject, verb) opening tokens ``lo:hi``: a noun phrase, then a lower-case word.

    "He went on to call ...", "the Christie supporter retorted: ...": without a POS tagger,
    the word after the sentence subject (adverbs skipped) stands for its verb.
    """
    toks = doc.toks
    subject = sentence_subject(doc, lo, hi)
    if subject is None or doc.text[subject[0]:subject[1]].lower() in {"it", "there", "this", "that"} \
            or not plausible_subject(doc.text[subject[0]:subject[1]]):
        return None  # "Of course, ...", "Ask yourself ...", "It’s ...": a sentence opener, not a speaker
    k = doc.tok_at(subject[1])
    while k < hi and doc.lows[k] in ADVERBS:
        k += 1
    if k >= hi or not toks[k].isalpha() or not toks[k].islower() or toks[k] in STOPWORDS:
        return None
    return subject, doc.spans[k]

