"""Rule-based quote finder: who is quoted, saying what, through which cue.

Transparent patterns over quotation marks, sentences and a cue-verb lexicon
(``toolkit/data/speech_verbs.tsv``, derived from PolNeAR TRAIN, with the
complement frames that are content). The roles follow Pareti's (2016)
attribution relations (source, cue, content), as PolNeAR annotates them: not
only speech but belief, intention and evaluation cues ("believes ...", "wants
to ...", "endorsed X"), every cue of a sentence, and a quotation interrupted by
its attribution as one content in parts. The direct-quote and "X said" rules
follow the GenderGapTracker quote extractor (Asr et al. 2021). Every quote
names the rule that fired (see README, "Quotes").

    >>> [q.text for q in find_quotes('“We won,” she said.')]
    ['“We won,”']
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable, Sequence

import pandas as pd

from .lexicon import ADVERBS, DETERMINERS, PRONOUNS, STOPWORDS, Verb, speaker_titles, speech_verbs
from .quote_marks import quotation_spans
from .speakers import normalise_speakers, resolve_pronouns, speaker_left, speaker_right
from .tokenize import paragraph_spans, sentence_spans, word_spans

Span = tuple[int, int]
MARKS = frozenset({"“", "”", '"', "''", "``"})
_MIN_FLOATING_WORDS = 4  # an unattributed quotation shorter than this is a scare quote or a title
_AFTER_WINDOW = 18  # tokens after a closing mark searched for "..., X said"
_INDIRECT_MIN_WORDS = 3
_CONTINUED = frozenset({"quote_said", "said_quote", "split_quote", "said_colon_quote"})  # a later quotation continues these
_THAT_WINDOW = 12  # tokens between a cue verb and its "that" ("said in a statement on Tuesday that")
_MAX_INSERT = 10  # tokens between the comma and the cue of "CONTENT, X said"
_MAX_SUBJECT = 40  # tokens of a sentence-initial subject with appositives and relative clauses
# words opening an adverbial before the subject ("In a statement, the group said ...")
_OPENING_ADVERBIALS = frozenset({"in", "on", "at", "after", "before", "during", "while", "when", "as", "since",
                                 "despite", "with", "without", "for", "from", "by", "once", "although", "though",
                                 "if", "asked", "speaking", "but", "and", "still", "yet", "however", "meanwhile",
                                 "later", "earlier", "last", "this", "then", "instead", "also", "now"})
_TRAILING = frozenset({".", "!", "?", ";", ":", ",", "—", "–", "-", "(", "“", "”", '"', "''", "``"})
_PASSIVE_AUX = frozenset({"was", "were", "is", "are", "be", "been", "being", "get", "got"})
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
_CLAUSE_OPENERS = frozenset({"there", "nobody", "everyone", "someone", "nothing", "none", "no", "any"})
_NOT_CLAUSE = frozenset({"so", "nothing", "yes", "no", "goodbye", "thanks", "hello", "this", "these", "that"})
_NOT_OBJECT = frozenset({"to", "by", "as", "for", "of", "in", "on", "at", "with", "from", "into", "and", "or",
                         "but", "that", "it", "him", "her", "them", "me", "us", "so", "up", "out", "off"})
_FRAME_NOUNS = frozenset({"statement", "interview", "report", "letter", "speech", "tweet", "post", "email", "memo"})
_HEADLINE = re.compile(r"\A(?P<content>[^\n]{12,}?)[ \t]+[-–—][ \t]+(?P<source>[A-Z][\w.’' &]{1,40})[ \t]*$", re.M)
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
class _Doc:
    """Tokens and sentences of one text, with start offsets for bisection."""

    text: str
    toks: Sequence[str]
    spans: Sequence[Span]
    tok_starts: Sequence[int]
    sents: Sequence[Span]
    sent_starts: Sequence[int]
    paras: Sequence[Span]

    def tok_at(self, offset: int) -> int:
        """Return the index of the first token starting at or after ``offset``."""
        return bisect.bisect_left(self.tok_starts, offset)

    def sent_of(self, offset: int) -> Span:
        """Return the sentence containing ``offset`` (or the one before it)."""
        i = max(0, bisect.bisect_right(self.sent_starts, offset) - 1)
        return self.sents[i]


def _doc(text: str) -> _Doc:
    """Tokenize once: words (as ``word_spans``), sentences, paragraphs."""
    spans = word_spans(text)
    sents = sentence_spans(text)
    return _Doc(text, [text[s:e] for s, e in spans], spans, [s for s, _ in spans],
                sents, [s for s, _ in sents], paragraph_spans(text))


# base forms that are rarely nouns; other base forms ("state", "report", "post") are too often nouns
_BASE_OK = frozenset({"say", "tell", "think", "believe", "know", "argue", "claim", "insist", "add",
                      "warn", "note", "write", "contend", "predict", "suggest", "acknowledge", "agree", "admit",
                      "read"})  # "the statement read" (past tense = base form)


@lru_cache(maxsize=65536)
def _verb(tok: str) -> Verb | None:
    """Return the cue-verb entry of a lower-case token, or None (capitalised "State" is a name)."""
    if not tok[:1].islower():
        return None
    verb = speech_verbs().get(tok)
    if verb is None or (tok == verb.lemma and verb.lemma not in _BASE_OK):
        return None
    return verb


def _make(doc: _Doc, start: int, end: int, kind: str, speaker: Span | None, cue: Span | None, rule: str) -> Quote:
    """Build a Quote, trimming whitespace so that ``text[start:end] == quote.text``."""
    text = doc.text
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    sp = speaker if speaker and speaker[1] > speaker[0] else None
    cu = cue if cue and cue[1] > cue[0] else None
    return Quote(
        start, end, text[start:end], kind,
        text[sp[0]:sp[1]] if sp else None, sp[0] if sp else None, sp[1] if sp else None,
        text[cu[0]:cu[1]] if cu else None, cu[0] if cu else None, cu[1] if cu else None, rule,
    )


def _sentence_subject(doc: _Doc, lo: int, hi: int) -> Span | None:
    """Return the noun phrase opening tokens ``lo:hi`` (the main-clause subject, heuristically).

    A sentence opening with an adverbial ("Continuing to explain his view, Carson ...",
    "In a statement, the group ...") has its subject after the first comma.
    """
    toks = doc.toks
    if lo < hi and (toks[lo].lower() in _OPENING_ADVERBIALS or toks[lo].lower().endswith("ing")):
        comma = next((i for i in range(lo, hi) if toks[i] == ","), None)
        if comma is not None:
            lo = comma + 1
    return speaker_right(toks, doc.spans, lo - 1, hi) if lo < hi else None


def _after_attribution(doc: _Doc, a: int, limit: int) -> tuple[Span | None, Span] | None:
    """Find "..., X said" / "..., said X" right after a closing mark (token ``a``)."""
    toks = doc.toks
    first = a + 1 if a < limit and toks[a] in {",", "—", "–", "-"} else a
    for k in range(first, min(first + _AFTER_WINDOW, limit)):
        tok = toks[k]
        if tok in MARKS or tok in {".", ";", "?", "!"}:
            return None
        verb = _verb(tok)
        if verb is None or tok.lower().endswith("ing"):
            continue
        if k == first:
            return speaker_right(toks, doc.spans, k, limit), doc.spans[k]
        speaker = speaker_left(toks, doc.spans, k, first)
        if speaker is None or _takes_clause(toks, k + 1, limit):
            return None  # the verb belongs to a clause, not to an attribution
        return speaker, doc.spans[k]
    return None


def _takes_clause(toks: Sequence[str], j: int, limit: int) -> bool:
    """Return True when a clause follows token ``j - 1`` ("... - but he said the time is coming")."""
    if j >= limit:
        return False
    nxt = toks[j].lower()
    if nxt in {"that", "he", "she", "they", "we", "i", "it", "there"}:
        return True
    if nxt in DETERMINERS:
        run = 0
        for t in toks[j:limit]:
            if not t[:1].isalnum():
                break
            run += 1
        return run >= 6
    return False


def _before_attribution(doc: _Doc, lo: int, q: int, prev_speaker: Span | None) -> tuple[Span | None, int] | None:
    """Find the cue of a quotation opening at token ``q``; return (speaker, cue token).

    The main clause's cue comes first ("X has said that he will support ... and that “...”"),
    unless a participle cue lies between it and the mark (", adding that “...”", "with X saying
    “...”"): then the participle, with its own subject or the sentence's. Without a subject
    found that way, the last cue before the mark (a frame noun: "the statement read").
    """
    toks = doc.toks
    if any(t in MARKS for t in toks[lo:q]):
        lo = max(i for i in range(lo, q) if toks[i] in MARKS) + 1
    for k in range(lo, q):
        verb = _verb(toks[k])
        if verb is None or toks[k].lower().endswith("ing") or (k > lo and toks[k - 1].lower() in _PASSIVE_AUX):
            continue
        speaker = _subject(doc, k, lo)
        if speaker is None:
            continue
        for k2 in range(k + 1, q):
            if toks[k2].lower().endswith("ing") and _verb(toks[k2]) is not None and "clause" in _verb(toks[k2]).frames:
                if toks[k2 - 1] == ",":
                    return speaker, k2
                inner = speaker_left(toks, doc.spans, k2, k + 1)
                if inner is not None:
                    return inner, k2
        return speaker, k
    for k in range(q - 1, lo - 1, -1):
        verb = _verb(toks[k])
        if verb is None:
            continue
        low = toks[k].lower()
        if low.endswith("ing") and k > lo and toks[k - 1] == ",":
            return (prev_speaker or _sentence_subject(doc, lo, k)), k
        speaker = speaker_left(toks, doc.spans, k, lo) or speaker_right(toks, doc.spans, k, q)
        if speaker is None and not (k > lo and toks[k - 1].lower() in _FRAME_NOUNS):
            continue
        return speaker, k
    return None


def _direct_quotes(doc: _Doc) -> list[Quote]:
    """Attribute every quotation-mark span; drop unattributed scare quotes and titles."""
    out: list[Quote] = []
    text, toks = doc.text, doc.toks
    for qs, qe in quotation_spans(text, [p for p in doc.paras]):
        sent_lo, _ = doc.sent_of(qs)
        _, sent_hi = doc.sent_of(max(qs, qe - 1))
        a, limit = doc.tok_at(qe), doc.tok_at(sent_hi)
        if not re.search(r"\w", text[qe:sent_hi]):
            # '“... immigrant!” Cruz said.': Punkt ends the sentence at “?”/“!”; the attribution follows
            i = bisect.bisect_right(doc.sent_starts, qe)
            if i < len(doc.sents) and not text[qe:doc.sents[i][0]].strip() and "\n" not in text[qe:doc.sents[i][0]]:
                limit = doc.tok_at(doc.sents[i][1])
        inner = [t for t in toks[doc.tok_at(qs):a] if t[:1].isalnum()]
        prev = out[-1] if out and out[-1].end > sent_lo else None
        lo = max(doc.tok_at(sent_lo), doc.tok_at(prev.end) if prev else 0)
        if text[max(0, qs - 10):qs].rstrip().lower().endswith("so-called"):
            continue  # scare quote by definition
        after = _after_attribution(doc, a, limit)
        if after:
            speaker, cue = after
            if out and out[-1].kind == "direct" and out[-1].speaker_start is None and out[-1].rule == "floating" \
                    and _gap_words(text, out[-1].end, qs) == 0:
                qs = out.pop().start  # "“A.” “B,” she said.": one content in parts
            out.append(_make(doc, qs, qe, "direct", speaker, cue, "quote_said"))
            continue
        before = _before_attribution(doc, lo, doc.tok_at(qs), prev.speaker_start and (prev.speaker_start, prev.speaker_end) if prev else None)
        if before:
            speaker, k = before
            gap = [t for t in toks[k + 1:doc.tok_at(qs)] if t not in {",", ":", "that", "—"}]
            if speaker and doc.spans[k][1] <= speaker[0]:
                gap = [t for t in toks[doc.tok_at(speaker[1]):doc.tok_at(qs)] if t not in {",", ":", "that", "—"}]
            if not gap and not re.search(r"\w", text[qe:sent_hi]):
                out.append(_make(doc, qs, qe, "direct", speaker, doc.spans[k], "said_quote"))
            else:
                start = doc.spans[k + 1][0]
                that = next((j for j in range(k + 1, min(k + 4, doc.tok_at(qs))) if toks[j].lower() == "that"), None)
                if that is not None:
                    start = doc.spans[that][0]  # "saying earlier that ...": the adverb is not content
                end = _mixed_end(doc, qe, sent_hi)
                out.append(_make(doc, start, end, "mixed", speaker, doc.spans[k], "said_mixed"))
            continue
        if out and out[-1].kind == "direct" and out[-1].rule in _CONTINUED and _same_paragraph(doc, out[-1].end, qs) \
                and not any(m in text[out[-1].end:qs] for m in MARKS):
            # "“A,” she said[, a ... who ...]. “B.”": PolNeAR annotates one content in parts
            first = out.pop()
            out.append(_make(doc, first.start, qe, "direct",
                             (first.speaker_start, first.speaker_end) if first.speaker_start is not None else None,
                             (first.cue_start, first.cue_end) if first.cue_start is not None else None, "split_quote"))
            continue
        before_colon = text[:qs].rstrip()
        if before_colon.endswith(":") and (not out or out[-1].end < len(before_colon)):
            # 'A spokesman could only quip:\n\n“...”': the cue ends the sentence before
            colon = doc.tok_at(len(before_colon) - 1)
            c_lo, _ = doc.sent_of(len(before_colon) - 1)
            found = _before_attribution(doc, max(doc.tok_at(c_lo), doc.tok_at(out[-1].end) if out else 0), colon, None)
            if found and found[0] is not None:
                out.append(_make(doc, qs, qe, "direct", found[0], doc.spans[found[1]], "said_colon_quote"))
                continue
        if len(inner) >= _MIN_FLOATING_WORDS and (qe - qs) > 20:
            # a free-standing quotation continues the latest attributed speaker (PolNeAR links it
            # to that speaker's mention and cue)
            src = next((q for q in reversed(out) if q.speaker_start is not None), None)
            if src is not None and _gap_words(text, src.end, qs) > 400:
                src = None
            out.append(_make(doc, qs, qe, "direct",
                             (src.speaker_start, src.speaker_end) if src else None,
                             (src.cue_start, src.cue_end) if src and src.cue_start is not None else None, "floating"))
    return out


def _gap_words(text: str, start: int, end: int) -> int:
    """Return how many words lie between two offsets (a large number when reversed)."""
    return len(re.findall(r"\w+", text[start:end])) if end >= start else 99


def _same_paragraph(doc: _Doc, a: int, b: int) -> bool:
    """Return True when offsets ``a`` and ``b`` lie in one paragraph."""
    return not re.search(r"\n\s*\n", doc.text[a:b])


def _mixed_end(doc: _Doc, qe: int, sent_hi: int) -> int:
    """Return where a mixed quote ends: at the closing mark, or at the sentence end if it goes on."""
    rest = doc.text[qe:sent_hi]
    if not re.search(r"\w", rest) or re.match(r"\s*,\s*\w+ing\b", rest) or any(m in rest for m in MARKS) \
            or re.match(r"\s*[-–—,;]?\s*(?:but|while|whereas)\b", rest):
        return qe  # "... “an incredible feat” - but he said ...": a new clause, not more content
    return sent_hi - len(rest) + len(rest.rstrip().rstrip(".!?"))


def _overlaps(spans: list[Span], start: int, end: int) -> bool:
    """Return True when ``start:end`` overlaps one of ``spans``."""
    return any(s < end and start < e for s, e in spans)


def _content_end(doc: _Doc, hi_tok: int) -> int:
    """Return the end offset of the tokens before ``hi_tok`` without final punctuation."""
    j = hi_tok - 1
    while j >= 0 and doc.toks[j] in {".", "!", "?", ";", ":", ","} | MARKS:
        j -= 1
    return doc.spans[j][1] if j >= 0 else 0


def _indirect_quotes(doc: _Doc, taken: list[Quote]) -> list[Quote]:
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
        for i in range(doc.tok_at(qs), doc.tok_at(qe)):
            blocked[i] = 1
    forms = speech_verbs()
    cues = [k for k, tok in enumerate(toks) if tok in forms]  # lower-case cue-verb forms
    for s_start, s_end in doc.sents:
        t0, t1 = doc.tok_at(s_start), doc.tok_at(s_end)
        if t1 - t0 < 4:
            continue
        acc = _according_to(doc, t0, t1) if "ccording to" in doc.text[s_start:s_end] else None
        if acc is not None and not _overlaps(spans, acc.start, acc.end):
            out.append(acc)
        for k in cues[bisect.bisect_left(cues, t0):bisect.bisect_left(cues, t1)]:
            if blocked[k]:
                continue
            verb = _verb(toks[k])
            if verb is None or not verb.frames or doc.spans[k][0] in used_cues:
                continue
            quote = _cue_clause(doc, k, verb, t0, t1, blocked)
            if quote is not None and quote.start < quote.end:
                out.append(quote)
    return out


def _clip_end(doc: _Doc, j: int, t1: int, blocked: bytearray) -> int:
    """Return the token index where a content starting at ``j`` stops: a quotation or ``t1``."""
    for i in range(j, t1):
        if blocked[i]:
            return i
    return t1


def _content(doc: _Doc, j: int, hi: int, min_words: int) -> tuple[int, int] | None:
    """Return the character span of tokens ``j:hi`` without trailing punctuation/conjunctions."""
    toks = doc.toks
    while hi > j and (toks[hi - 1] in _TRAILING or toks[hi - 1].lower() in {"and", "but", "or", "while"}):
        hi -= 1
    if sum(t[:1].isalnum() for t in toks[j:hi]) < min_words:
        return None
    return doc.spans[j][0], doc.spans[hi - 1][1]


def _clause_start(tok: str) -> bool:
    """Return True for a token that may open a bare complement clause ("said [he] would ...")."""
    low = tok.lower()
    return (low in PRONOUNS or low in DETERMINERS or low in _CLAUSE_OPENERS or tok[:1].isupper()
            or tok[:1].isdigit())


def _cue_clause(doc: _Doc, k: int, verb: Verb, t0: int, t1: int, blocked: bytearray) -> Quote | None:
    """Attribute the complement of the cue verb at token ``k`` (frames from the lexicon)."""
    toks, spans = doc.toks, doc.spans
    low = toks[k].lower()
    prev = toks[k - 1].lower() if k > t0 else ""
    participle = low.endswith("ing")
    if prev in _PASSIVE_AUX and low.endswith(("ed", "en", "wn")) and low != "said":
        return None  # "was asked", "is expected": the subject is not the source
    if prev == "to" or (participle and prev not in {",", "—", "while", "after", "before", "by", "when"}
                        and prev not in ADVERBS):
        return None  # "to say", a gerund ("the saying")
    j = k + 1
    if j < t1 and toks[j].lower() in _PARTICLES.get(verb.lemma, ()):
        j += 1
    while j < t1 and (toks[j].lower() in ADVERBS or (toks[j].endswith("ly") and toks[j].islower())):
        j += 1
    if j >= t1 or blocked[j]:
        return None
    nxt = toks[j].lower()
    # content before the cue: "CONTENT, X said." / "CONTENT, X said, CONTENT."
    if nxt in {",", ".", "!", "?", ";"} or j == t1 - 1 or (not participle and _inverted_speaker(doc, k, t0, t1)):
        return _inserted(doc, k, verb, t0, t1, blocked)
    hi = _clip_end(doc, j, t1, blocked)
    if sum(t[:1].isalnum() for t in toks[j:hi]) < 2:
        return _inserted(doc, k, verb, t0, t1, blocked)  # "..., the airline said Thursday."
    if participle:
        speaker = _sentence_subject(doc, t0, k) if prev != "," or k - t0 > 1 else None
    else:
        speaker = _subject(doc, k, t0)
        if speaker is None and k - t0 <= _MAX_SUBJECT and toks[t0][:1].isupper() and "," in toks[t0:k] \
                and toks[t0].lower() not in STOPWORDS | ADVERBS | _CLAUSE_OPENERS:
            # "Senator Bob Corker, a Tennessee Republican who has met ..., said": the sentence subject
            speaker = speaker_right(toks, doc.spans, t0 - 1, k)
    if speaker is None:
        return None
    frames = verb.frames
    start = None
    rule = ""
    if nxt == ":" and "clause" in frames:
        start, rule = j + 1, "cue_colon"
    if start is None and ("clause" in frames or "obj" in frames):
        that = next((i for i in range(j, min(j + _THAT_WINDOW, hi)) if toks[i].lower() == "that"
                     or toks[i] in {";", ":"} or _verb(toks[i]) is not None), None)
        if that is not None and toks[that].lower() == "that" and ("clause" in frames or that == j):
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
    if start is None and "clause" in frames and verb.lemma in _BARE_CLAUSE and _clause_start(toks[j]) \
            and nxt not in _NOT_CLAUSE:
        start, rule = j, "cue_clause"
    if start is None and "obj" in frames and (nxt in DETERMINERS or toks[j][:1].isupper()
                                              or toks[j][:1].isalpha()) and nxt not in _NOT_OBJECT:
        start, rule = j, "cue_object"
    if start is None or start >= hi:
        return None
    span = _content(doc, start, hi, 1 if rule in {"cue_object", "cue_to", "cue_wh"} else 2)
    if span is None:
        return None
    if participle:
        rule = "participle_" + rule[4:]
    return _make(doc, span[0], span[1], "indirect", speaker, spans[k], rule)


def _subject(doc: _Doc, k: int, t0: int) -> Span | None:
    """Return the subject of the cue verb at ``k``: "X said", "X, who ..., said", "X, who said"."""
    toks = doc.toks
    j = k - 1
    while j >= t0 and (toks[j].lower() in ADVERBS or (toks[j].endswith("ly") and toks[j].islower())):
        j -= 1
    if j >= t0 and toks[j].lower() in {"who", "which"}:
        return doc.spans[j]  # PolNeAR marks the relative pronoun as the source
    return speaker_left(doc.toks, doc.spans, k, t0)


def _inverted_speaker(doc: _Doc, k: int, t0: int, t1: int) -> bool:
    """Return True for "..., said X." (a comma right before the cue, a speaker right after)."""
    if k == t0 or doc.toks[k - 1] != ",":
        return False
    speaker = speaker_right(doc.toks, doc.spans, k, t1)
    if speaker is None:
        return False
    after = doc.tok_at(speaker[1])
    return after >= t1 or doc.toks[after] in {".", ",", "!", "?", ";", "—", "–", "(", "in", "on", "at", "during"}


def _inserted(doc: _Doc, k: int, verb: Verb, t0: int, t1: int, blocked: bytearray) -> Quote | None:
    """"CONTENT, X said." / "CONTENT, said X, the Y." / "A, X said, B." (content around the cue)."""
    toks = doc.toks
    if verb.cls != "speech" and verb.lemma not in {"think", "believe"} or toks[k].lower().endswith("ing"):
        return None
    c1 = next((i for i in range(k - 1, max(t0, k - _MAX_INSERT) - 1, -1) if toks[i] in {",", "—", "–"}), None)
    if c1 is None or c1 - t0 < 2 or any(blocked[i] for i in range(t0, c1)):
        return None
    if c1 == k - 1:
        speaker = speaker_right(toks, doc.spans, k, t1)
        after = doc.tok_at(speaker[1]) if speaker else k + 1
    else:
        speaker = speaker_left(toks, doc.spans, k, c1 + 1)
        if speaker is None or doc.tok_at(speaker[0]) != c1 + 1 and toks[c1 + 1].lower() not in DETERMINERS:
            return None
        after = k + 1
    if speaker is None:
        return None
    r = next((i for i in range(after, t1) if toks[i] in {",", ".", "!", "?", ";", "—", ":"} or blocked[i]), t1)
    if any(t.lower() == "that" or _verb(t) is not None for t in toks[after:r]) or r - after > 8:
        return None
    rest = [t for t in toks[r + 1:t1] if t[:1].isalnum()]
    parenthetical = r < t1 and toks[r] in {",", "—"} and len(rest) >= 3 and not blocked[r + 1] \
        and (toks[r + 1][:1].islower() or toks[r + 1].lower() in PRONOUNS) \
        and toks[r + 1].lower() not in speaker_titles() and _verb(toks[r + 1]) is None
    if parenthetical:
        span = _content(doc, t0, _clip_end(doc, r + 1, t1, blocked), 3)
        rule = "content_said_content"
    else:
        span = _content(doc, t0, c1, 3)
        rule = "content_said"
    if span is None:
        return None
    return _make(doc, span[0], span[1], "indirect", speaker, doc.spans[k], rule)


def _according_to(doc: _Doc, t0: int, t1: int) -> Quote | None:
    """"According to X, CONTENT." / "CONTENT, according to X." (GGT's according-to rule)."""
    toks = doc.toks
    for k in range(t0, t1 - 2):
        if toks[k].lower() == "according" and toks[k + 1].lower() == "to":
            speaker = speaker_right(toks, doc.spans, k + 1, t1)
            cue = (doc.spans[k][0], doc.spans[k + 1][1])
            if k == t0:
                comma = next((j for j in range(k + 2, t1) if toks[j] == ","), None)
                if comma is None or comma + 3 >= t1:
                    return None
                return _make(doc, doc.spans[comma + 1][0], _content_end(doc, t1), "indirect", speaker, cue, "according_to")
            if toks[k - 1] == "," and k - t0 >= _INDIRECT_MIN_WORDS:
                return _make(doc, doc.spans[t0][0], doc.spans[k - 2][1], "indirect", speaker, cue, "according_to")
            return None
    return None


def _headline(doc: _Doc) -> Quote | None:
    """A title line "CONTENT - Source" (wire-style headline attribution)."""
    m = _HEADLINE.match(doc.text)
    if m is None:
        return None
    dash = m.end("content")
    dash = doc.text.index(next(c for c in doc.text[dash:m.start("source")] if c in "-–—"), dash)
    return _make(doc, m.start("content"), m.end("content"), "indirect",
                 (m.start("source"), m.start("source") + len(m.group("source").rstrip())), (dash, dash + 1), "headline_source")


def find_quotes(text: str) -> list[Quote]:
    """Return the quotations of ``text`` (direct, mixed, indirect), sorted by start.

    Pure function. Direct and mixed quotes come from quotation-mark spans
    (straight, curly and NYT ``''``) attributed in their sentence (or the next
    one, or a sentence ending in ":" before them); indirect ones from every cue
    verb of every sentence with a content complement (clause, to-infinitive,
    wh-clause or object, per the lexicon's frames), "..., X said", "A, X said,
    B", "according to X" and a headline "... - Source". Speaker names are
    normalised per text and "he"/"she" resolved to the latest named speaker
    (``speaker_resolved``).
    """
    if not text or not text.strip():
        return []
    doc = _doc(text)
    quotes = _direct_quotes(doc)
    head = _headline(doc)
    if head is not None and not _overlaps([(q.start, q.end) for q in quotes], head.start, head.end):
        quotes.append(head)
    quotes += _indirect_quotes(doc, quotes)
    quotes.sort(key=lambda q: (q.start, q.end))
    quotes = _floating_speakers(quotes, text)
    quotes = normalise_speakers(quotes)
    resolved = resolve_pronouns(quotes)
    return [_with(q, speaker_resolved=r) for q, r in zip(quotes, resolved)]


def _floating_speakers(quotes: list[Quote], text: str) -> list[Quote]:
    """Point each free-standing quotation at the nearest preceding attribution's speaker mention.

    PolNeAR links such a quotation to the speaker's latest mention: often a pronoun in the
    sentence before ("He said he would fight. “We will win.”"), direct or indirect.
    """
    out: list[Quote] = []
    last: Quote | None = None
    for q in quotes:
        if q.rule == "floating" and last is not None and last.speaker_end <= q.start \
                and _gap_words(text, last.speaker_end, q.start) <= 400:
            q = _with(q, speaker=last.speaker, speaker_start=last.speaker_start, speaker_end=last.speaker_end,
                      cue=last.cue, cue_start=last.cue_start, cue_end=last.cue_end)
        elif q.rule != "floating" and q.speaker_start is not None and (q.speaker or "").lower() not in {"who", "which"}:
            last = q if last is None or q.speaker_end >= last.speaker_end else last
        out.append(q)
    return out


def _with(quote: Quote, **changes: object) -> Quote:
    """Return a copy of ``quote`` with fields changed (``dataclasses.replace`` without its checks)."""
    new = object.__new__(Quote)
    new.__dict__.update(quote.__dict__, **changes)
    return new


def quotes_frame(articles: pd.DataFrame | Iterable[tuple[str, str]]) -> pd.DataFrame:
    """Return one row per quote: ``doc_id`` then :data:`QUOTE_FIELDS`, in (doc, start, end) order."""
    if isinstance(articles, pd.DataFrame):
        pairs = zip(articles["doc_id"], articles["text"])
    else:
        pairs = iter(articles)
    rows = [{"doc_id": doc_id, **{f: getattr(q, f) for f in QUOTE_FIELDS}}
            for doc_id, text in pairs for q in find_quotes(text if isinstance(text, str) else "")]
    frame = pd.DataFrame(rows, columns=["doc_id", *QUOTE_FIELDS])
    for col in ("speaker_start", "speaker_end", "cue_start", "cue_end"):
        frame[col] = frame[col].astype("Int64")
    return frame
