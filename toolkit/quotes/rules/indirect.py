"""Indirect quotes from a cue verb's complement: "X said (that) ...", "X wants to ...",
"X urged Congress to ...", "X asked whether ...", "X endorsed Y", ", adding that ...".

Which complements are content is data: the verb's ``frames`` in
``toolkit/data/speech_verbs.tsv``. Content before the cue ("..., X said") is in
:mod:`toolkit.quotes.rules.around`.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from functools import lru_cache
from itertools import compress

from toolkit.quotes.lexicon import ADVERBS, DETERMINERS, PRONOUNS, STOPWORDS, Verb, speech_verbs
from toolkit.quotes.doc import (
    PASSIVE_AUX,
    Doc,
    Quote,
    SpanIndex,
    clip_end,
    content_span,
    coordinated_subject,
    cue_verb,
    cue_verbs,
    make_quote,
    passive_participle,
    reach,
    sentence_subject,
    verb_subject,
    words_in,
)
from toolkit.quotes.marks import occurrences
from toolkit.quotes.rules.around import according_to_quote, inserted_quote, inverted_speaker
from toolkit.quotes.rules.phrase import PHRASE_TRIGGERS, phrase_quotes
from toolkit.quotes.rules.sourceless import SOURCELESS_TRIGGERS, sourceless_quotes
from toolkit.quotes.speakers import evolve, speaker_right

_THAT_WINDOW = 12  # tokens between a cue verb and its "that" ("said in a statement on Tuesday that")
_MAX_SUBJECT = 40  # tokens of a sentence-initial subject with appositives and relative clauses
_PARTICLES = {"point": ("out",), "spell": ("out",), "speak": ("out",), "call": ("for", "on")}
_WH = frozenset({"whether", "if", "why", "how", "what", "who", "when", "where", "which"})
_OBJECT_TO = frozenset({"urge", "ask", "tell", "call", "want", "expect"})  # "urged Congress to act"
# say-type verbs whose complement may be a bare clause ("said he would"); others need "that"
_BARE_CLAUSE = frozenset({
    "say", "think", "believe", "know", "hope", "expect", "feel", "fear", "worry", "doubt", "argue", "claim",
    "suggest", "note", "add", "write", "insist", "warn", "predict", "acknowledge", "admit", "estimate",
    "find", "show", "report", "announce", "conclude", "agree", "tweet", "declare", "contend", "assert",
    "concede", "complain", "recall", "wonder", "indicate", "explain", "reveal", "confirm",
})
# verbs whose bare complement may open with a lower-case noun or gerund ("said stocks are ...",
# "said having Putin's respect is ..."); for others a lower-case word is too often an object
_BARE_NOUN = frozenset({"say", "think", "believe", "argue", "claim", "insist", "warn", "add", "predict", "contend"})
_CLAUSE_OPENERS = frozenset({"there", "nobody", "everyone", "someone", "nothing", "none", "no", "any"})
_NOT_CLAUSE = frozenset({"so", "nothing", "yes", "no", "goodbye", "thanks", "hello", "this", "these", "that"})
_NOT_OBJECT = frozenset({"to", "by", "as", "for", "of", "in", "on", "at", "with", "from", "into", "and", "or",
                         "but", "that", "it", "him", "her", "them", "me", "us", "so", "up", "out", "off"})


def indirect_quotes(doc: Doc, taken: list[Quote]) -> list[Quote]:
    """Find reported speech without quotation marks: every cue of every sentence.

    Tokens inside direct quotations are blocked (never a cue, never content: the content of a
    cue stops before a quotation); a cue already used by a direct or mixed quote is skipped.
    """
    out: list[Quote] = []
    toks = doc.toks
    spans = sorted((q.start, q.end) for q in taken if q.kind == "direct" or q.rule == "said_mixed")
    used_cues = {q.cue_start for q in taken if q.cue_start is not None}
    blocked = bytearray(len(toks))
    for qs, qe in spans:
        lo, hi = doc.tok_at(qs), doc.tok_at(qe)
        if lo < hi:
            blocked[lo:hi] = b"\x01" * (hi - lo)  # one C copy, not a Python step per quoted token
    forms = speech_verbs()
    triggers = _triggers()
    # one scan for every rule below, in C: the token indexes whose lower-case form is a trigger
    candidates = list(compress(range(len(doc.lows)), map(triggers.__contains__, doc.lows)))
    cues = [k for k in candidates if toks[k] in forms]  # lower-case cue-verb forms
    quoted = SpanIndex(spans)
    # the quotes found so far by cue offset and by speaker end: ", adding that" speaks for the cue before its comma
    speakers: dict[str, dict[int, tuple[int, int, int]]] = {"cue": {}, "end": {}}
    for q in taken:
        _remember_speaker(speakers, q)
    # a sentence's cues are those starting inside it (token starts increase), and "according to" is found once
    # in the whole text: a sentence with neither is passed over without finding its tokens
    cue_starts = [doc.tok_starts[k] for k in cues]
    according = occurrences(doc.text, _ACCORDING)
    for s_start, s_end in doc.sents:
        first = bisect.bisect_left(cue_starts, s_start)
        last = bisect.bisect_left(cue_starts, s_end, first)
        a = bisect.bisect_left(according, s_start)
        has_according = a < len(according) and according[a] + len(_ACCORDING) <= s_end
        if first == last and not has_according:
            continue
        t0, t1 = doc.tok_at(s_start), doc.tok_at(s_end)
        if t1 - t0 < 4:
            continue
        acc = according_to_quote(doc, t0, t1) if has_according else None
        if acc is not None and not quoted.overlaps(acc.start, acc.end):
            out.append(acc)
        for k in cues[first:last]:
            if blocked[k]:
                continue
            verb = cue_verb(toks[k])
            if verb is None or not verb.frames or doc.spans[k][0] in used_cues:
                continue
            quote = _cue_clause(doc, k, verb, *reach(k, t0, t1), blocked)
            if quote is None or quote.start >= quote.end:
                continue
            if quote.rule.startswith("participle_") and toks[k - 1] == ",":
                quote = _with_last_speaker(doc, quote, speakers, s_start)
            out.append(quote)
            _remember_speaker(speakers, quote)
    out += phrase_quotes(doc, blocked, taken + out, candidates)
    out += sourceless_quotes(doc, blocked, taken + out, candidates)
    return out



_ACCORDING = "ccording to"  # "According to X", "..., according to X"


def _remember_speaker(speakers: dict[str, dict[int, tuple[int, int, int]]], quote: Quote) -> None:
    """Index a quote's (cue, speaker start, speaker end) by its cue offset and by its speaker's end offset."""
    if quote.cue_start is None or quote.speaker_start is None or quote.speaker_end is None:
        return
    entry = (quote.cue_start, quote.speaker_start, quote.speaker_end)
    speakers["cue"].setdefault(quote.cue_start, entry)
    speakers["end"].setdefault(quote.speaker_end, entry)


def _with_last_speaker(doc: Doc, quote: Quote, speakers: dict[str, dict[int, tuple[int, int, int]]],
                       s_start: int) -> Quote:
    """Give a participle cue after a comma the speaker of the cue (or inverted speaker) right before that comma.

    "..., he said, adding that ...", "..., said Devine, suggesting that ...", "She had struggled, Cruz explained,
    recalling ...": the participle hangs on that clause, not on the sentence's first noun phrase.
    """
    comma = doc.tok_at(quote.cue_start) - 1
    last = doc.spans[comma - 1]  # the word before the comma: the cue ("X said, adding") or its speaker ("said X, adding")
    for entry in (speakers["cue"].get(last[0]), speakers["end"].get(last[1])):
        if entry is not None and s_start <= entry[0] < quote.cue_start:
            _, start, end = entry
            return evolve(quote, speaker=doc.text[start:end], speaker_start=start, speaker_end=end)
    return quote


def _clause_start(tok: str) -> bool:
    """Return True for a token that may open a bare complement clause ("said [he] would ...")."""
    low = tok.lower()
    return (low in PRONOUNS or low in DETERMINERS or low in _CLAUSE_OPENERS or tok[:1].isupper()
            or tok[:1].isdigit())



# cues whose subject a coordination shares ("Obama met survivors and said ..."); other verbs after "and" are too
# often an unannotated act ("... and found a way", "... and planned to")
_COORDINATED_CUES = frozenset({"say"})
_PRESUPPOSING = frozenset({"given", "despite", "fact", "because", "so"})  # "given that X backs Y"


def _cue_clause(doc: Doc, k: int, verb: Verb, t0: int, t1: int, blocked: bytearray) -> Quote | None:
    """Attribute the complement of the cue verb at token ``k`` (frames from the lexicon)."""
    toks, spans = doc.toks, doc.spans
    low = doc.lows[k]
    prev = doc.lows[k - 1] if k > t0 else ""
    participle = low.endswith("ing")
    if prev in PASSIVE_AUX and low.endswith(("ed", "en", "wn")) and low != "said":
        return None  # "was asked", "is expected": the subject is not the source
    if prev == "to" or (participle and prev not in {",", "—", "while", "after", "before", "by", "when"}
                        and prev not in ADVERBS):
        return None  # "to say", a gerund ("the saying")
    j = k + 1
    if j < t1 and doc.lows[j] in _PARTICLES.get(verb.lemma, ()):
        j += 1
    while j < t1 and (doc.lows[j] in ADVERBS or (toks[j].endswith("ly") and toks[j].islower())):
        j += 1
    if j >= t1 or blocked[j]:
        return None
    nxt = doc.lows[j]
    # content before the cue: "CONTENT, X said." / "CONTENT, X said, CONTENT."
    if nxt in {",", ".", "!", "?", ";"} or j == t1 - 1 or (not participle and inverted_speaker(doc, k, t0, t1)):
        return inserted_quote(doc, k, verb, t0, t1, blocked)
    hi = clip_end(doc, j, t1, blocked)
    if words_in(toks, j, hi, 2) < 2:
        return inserted_quote(doc, k, verb, t0, t1, blocked)  # "..., the airline said Thursday."
    if passive_participle(doc, k, t0, reduced=False):
        speaker = None  # "is not expected to": no source (PolNeAR leaves it empty)
    elif participle and _progressive(doc, k, t0):
        # "Hillary Clinton is promising to", "Trump was not saying": the auxiliary's subject
        speaker = verb_subject(doc, k, t0) or sentence_subject(doc, t0, k)
    elif participle:
        speaker = sentence_subject(doc, t0, k) if prev != "," or k - t0 > 1 else None
    else:
        speaker = verb_subject(doc, k, t0)
        if speaker is None and verb.lemma in _COORDINATED_CUES:
            speaker = coordinated_subject(doc, k, t0)  # "Obama met survivors and said ..."
        if speaker is None and k - t0 <= _MAX_SUBJECT and toks[t0][:1].isupper() and "," in toks[t0:k] \
                and doc.lows[t0] not in STOPWORDS | ADVERBS | _CLAUSE_OPENERS:
            # "Senator Bob Corker, a Tennessee Republican who has met ..., said": the sentence subject
            speaker = sentence_subject(doc, t0, k) or speaker_right(toks, doc.spans, t0 - 1, k)
    if speaker is None and not passive_participle(doc, k, t0, reduced=False):
        return None
    s0 = doc.tok_at(speaker[0]) if speaker is not None else k
    if s0 - 2 >= t0 and doc.lows[s0 - 1] == "that" and doc.lows[s0 - 2] in _PRESUPPOSING:
        return None  # "..., given that Mr. Putin backs American adversaries": a fact, not an attribution
    frames = verb.frames
    start = None
    rule = ""
    if nxt == ":":
        return None  # "X reports: ..." is a link, a list or a quotation's lead-in (cue_colon: 24% precision on TRAIN)
    if start is None and ("clause" in frames or "obj" in frames):
        verbs = cue_verbs()
        that = next((i for i in range(j, min(j + _THAT_WINDOW, hi)) if doc.lows[i] == "that"
                     or toks[i] in {";", ":"} or toks[i] in verbs), None)
        if that is not None and doc.lows[that] == "that" and ("clause" in frames or that == j):
            start, rule = (j if that == j else that), "cue_that"
    if start is None and "wh" in frames and nxt in _WH:
        start, rule = j, "cue_wh"
    if start is None and "to" in frames:
        if nxt == "to":
            start, rule = j, "cue_to"
        elif verb.lemma in _OBJECT_TO and j + 1 < hi:
            to = next((i for i in range(j + 1, min(j + 6, hi)) if toks[i] == "to"), None)
            if to is not None and all(t[:1].isalnum() for t in toks[j:to]) and "that" not in toks[j:to]:
                start, rule = j, "cue_obj_to"
    if start is None and "clause" in frames and verb.lemma in _BARE_CLAUSE and nxt not in _NOT_CLAUSE \
            and (_clause_start(toks[j]) or (verb.lemma in _BARE_NOUN and _bare_noun(toks, j, hi))):
        start, rule = j, "cue_clause"
    if start is None and "obj" in frames and (nxt in DETERMINERS or toks[j][:1].isupper()
                                              or toks[j][:1].isalpha()) and nxt not in _NOT_OBJECT:
        start, rule = j, "cue_object"
    if start is None or start >= hi:
        return None
    span = content_span(doc, start, hi, 1 if rule in {"cue_object", "cue_to", "cue_wh"} else 2)
    if span is None:
        return None
    if participle:
        rule = "participle_" + rule[4:]
    return make_quote(doc, span[0], span[1], "indirect", speaker, spans[k], rule)


_PROGRESSIVE_AUX = frozenset({"is", "are", "was", "were", "be", "been", "’s", "'s", "’re", "'re", "am"})


def _progressive(doc: Doc, k: int, t0: int) -> bool:
    """Return True when the "-ing" cue at token ``k`` has its subject before it: a form of "be" ("is not saying"),
    or a noun phrase before an adverb ("Graham, R-S.C., now saying"; not "for not supporting")."""
    j = k - 1
    while j > t0 and doc.lows[j] in ADVERBS and doc.lows[j] not in _PROGRESSIVE_AUX:
        j -= 1
    if j >= t0 and doc.lows[j] in _PROGRESSIVE_AUX:
        return True
    # "..., and Lindsey Graham, R-S.C., now saying": an adverb after the participle's own subject
    return j < k - 1 and (doc.toks[j] == "," or (doc.toks[j][:1].isupper() and j > t0))


def _bare_noun(toks: Sequence[str], j: int, hi: int) -> bool:
    """Return True when a lower-case word at ``j`` opens a clause: a content word, then a finite verb soon."""
    tok = toks[j]
    if not tok.isalpha() or not tok.islower() or tok in STOPWORDS or tok in ADVERBS or tok.endswith("ly"):
        return False
    return any(t in _FINITE for t in toks[j + 1:min(j + 7, hi)])


_FINITE = frozenset({"is", "are", "was", "were", "will", "would", "can", "could", "should", "has", "have", "had",
                     "may", "might", "must", "do", "does", "did", "isn’t", "aren’t", "wasn’t", "won’t", "don’t",
                     "doesn’t", "didn’t", "isn't", "aren't", "wasn't", "won't", "don't", "doesn't", "didn't"})


@lru_cache(maxsize=1)
def _triggers() -> frozenset[str]:
    """Return every lower-case word that may start a rule: cue-verb forms, cue phrases, raising verbs."""
    return frozenset(speech_verbs()) | PHRASE_TRIGGERS() | SOURCELESS_TRIGGERS

