"""Rule-based quote finder: who is quoted, saying what, through which verb.

Transparent patterns over quotation marks, sentences and a cue-verb lexicon
(``toolkit/data/speech_verbs.tsv``, derived from PolNeAR TRAIN). The roles
follow Pareti's (2016) attribution relations (source, cue, content); the
direct-quote and "X said" rules follow the GenderGapTracker quote extractor
(Asr et al. 2021), extended with mixed quotes, "according to" and split /
multi-paragraph quotations as PolNeAR annotates them (one content in parts).

    >>> [q.text for q in find_quotes('“We won,” she said.')]
    ['“We won,”']
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import Iterable

import pandas as pd
import regex  # what NLTK (and so word_spans) uses: identical spans

from .lexicon import Verb, speech_verbs
from .quote_marks import quotation_spans
from .speakers import normalise_speakers, resolve_pronouns, speaker_left, speaker_right
from .tokenize import _WORD_PATTERN, paragraph_spans, sentence_spans

Span = tuple[int, int]
MARKS = frozenset({"“", "”", '"', "''", "``"})
_MIN_FLOATING_WORDS = 4  # an unattributed quotation shorter than this is a scare quote or a title
_AFTER_WINDOW = 18  # tokens after a closing mark searched for "..., X said"
_INDIRECT_MIN_WORDS = 3
# verbs whose complement is a clause ("said (that) ..."); "call/ask/describe X" take objects
_CLAUSE_VERBS = frozenset({
    "say", "tell", "add", "write", "note", "suggest", "report", "argue", "announce", "claim",
    "explain", "acknowledge", "insist", "declare", "warn", "state", "reveal", "recall", "predict",
    "respond", "reply", "confirm", "deny", "admit", "assert", "contend", "concede", "emphasize",
    "stress", "conclude", "estimate", "complain", "maintain", "allege", "reiterate", "agree",
    "promise", "pledge", "vow", "tweet", "underline", "remark", "caution", "lament", "boast",
    "proclaim", "counter", "joke", "quip", "recount",
})
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
    toks: tuple[str, ...]
    spans: tuple[Span, ...]
    tok_starts: tuple[int, ...]
    sents: tuple[Span, ...]
    sent_starts: tuple[int, ...]
    paras: tuple[Span, ...]

    def tok_at(self, offset: int) -> int:
        """Return the index of the first token starting at or after ``offset``."""
        return bisect.bisect_left(self.tok_starts, offset)

    def sent_of(self, offset: int) -> Span:
        """Return the sentence containing ``offset`` (or the one before it)."""
        i = max(0, bisect.bisect_right(self.sent_starts, offset) - 1)
        return self.sents[i]


# the pattern of toolkit.tokenize.word_spans, run with re directly: same spans, 5x faster than
# going through NLTK's RegexpTokenizer wrapper (the quote finder must do >= 300 articles/s)
_WORDS = regex.compile(_WORD_PATTERN, regex.UNICODE | regex.VERBOSE)


def _doc(text: str) -> _Doc:
    """Tokenize once: words (as ``word_spans``), sentences, paragraphs."""
    spans = tuple(m.span() for m in _WORDS.finditer(text))
    sents = tuple((s, e) for s, e in sentence_spans(text))
    return _Doc(text, tuple(text[s:e] for s, e in spans), spans, tuple(s for s, _ in spans),
                sents, tuple(s for s, _ in sents), tuple((s, e) for s, e in paragraph_spans(text)))


# base forms that are rarely nouns; other base forms ("state", "report", "post") are too often nouns
_BASE_OK = frozenset({"say", "tell", "think", "believe", "know", "argue", "claim", "insist", "add",
                      "warn", "note", "write", "contend", "predict", "suggest", "acknowledge", "agree", "admit",
                      "read"})  # "the statement read" (past tense = base form)


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
    """Return the noun phrase opening tokens ``lo:hi`` (the main-clause subject, heuristically)."""
    return speaker_right(doc.toks, doc.spans, lo - 1, hi) if lo < hi else None


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
        if speaker is None:
            return None  # the verb belongs to a clause, not to an attribution
        return speaker, doc.spans[k]
    return None


def _before_attribution(doc: _Doc, lo: int, q: int, prev_speaker: Span | None) -> tuple[Span | None, int] | None:
    """Find the last cue verb in tokens ``lo:q`` before an opening mark; return (speaker, cue token)."""
    toks = doc.toks
    for k in range(q - 1, lo - 1, -1):
        if toks[k] in MARKS:
            return None
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
    last_after_end = -1
    for qs, qe in quotation_spans(text, [p for p in doc.paras]):
        sent_lo, _ = doc.sent_of(qs)
        _, sent_hi = doc.sent_of(max(qs, qe - 1))
        a, limit = doc.tok_at(qe), doc.tok_at(sent_hi)
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
                out.pop()  # "“A.” “B,” she said." style run; keep the attributed part
            out.append(_make(doc, qs, qe, "direct", speaker, cue, "quote_said"))
            last_after_end = cue[1] if speaker is None else max(cue[1], speaker[1])
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
        if last_after_end >= 0 and out and _gap_words(text, last_after_end, qs) <= 6 \
                and _same_paragraph(doc, last_after_end, qs) and not any(m in text[last_after_end:qs] for m in MARKS):
            # "“A,” she said. “B.”": PolNeAR annotates one content in two parts
            first = out.pop()
            out.append(_make(doc, first.start, qe, "direct",
                             (first.speaker_start, first.speaker_end) if first.speaker_start is not None else None,
                             (first.cue_start, first.cue_end) if first.cue_start is not None else None, "split_quote"))
            last_after_end = -1
            continue
        last_after_end = -1
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
    if not re.search(r"\w", rest) or re.match(r"\s*,\s*\w+ing\b", rest) or any(m in rest for m in MARKS):
        return qe
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


def _indirect_quotes(doc: _Doc, taken: list[Span]) -> list[Quote]:
    """Find reported speech without quotation marks, one sentence at a time."""
    out: list[Quote] = []
    toks, spans = doc.toks, doc.spans
    for s_start, s_end in doc.sents:
        if _overlaps(taken, s_start, s_end):
            continue
        t0, t1 = doc.tok_at(s_start), doc.tok_at(s_end)
        if t1 - t0 < 4:
            continue
        quote = _according_to(doc, t0, t1) or _said_at_end(doc, t0, t1) or _says_that(doc, t0, t1)
        if quote is not None:
            out.append(quote)
    return out


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


def _said_at_end(doc: _Doc, t0: int, t1: int) -> Quote | None:
    """"CONTENT, X said [in a statement]." with the content before the last comma."""
    toks = doc.toks
    comma = next((j for j in range(t1 - 1, t0, -1) if toks[j] == ","), None)
    if comma is None or comma - t0 < _INDIRECT_MIN_WORDS + 1:
        return None
    for k in range(comma + 1, min(comma + 10, t1)):
        verb = _verb(toks[k])
        if verb is None or verb.cls != "speech" or toks[k].lower().endswith("ing"):
            continue
        if t1 - k > 8:
            return None
        speaker = speaker_left(toks, doc.spans, k, comma + 1) if k > comma + 1 else speaker_right(toks, doc.spans, k, t1)
        if speaker is None:
            return None
        end = doc.spans[comma - 1][1]
        return _make(doc, doc.spans[t0][0], end, "indirect", speaker, doc.spans[k], "content_said")
    return None


def _says_that(doc: _Doc, t0: int, t1: int) -> Quote | None:
    """"X said (that) CONTENT." / "X told reporters that CONTENT." / ", adding that CONTENT"."""
    toks = doc.toks
    for k in range(t0, t1 - _INDIRECT_MIN_WORDS):
        verb = _verb(toks[k])
        if verb is None or verb.lemma not in _CLAUSE_VERBS:
            continue
        participle = toks[k].lower().endswith("ing")
        if participle:
            if toks[k - 1] != "," or k == t0:
                continue
            if verb.lemma not in {"say", "add"} and toks[k + 1].lower() != "that":
                continue  # "warning Russia against ..." is not reported speech
            speaker = _sentence_subject(doc, t0, k)
        else:
            speaker = speaker_left(toks, doc.spans, k, t0)
        if speaker is None:
            continue
        c = k + 1
        that = next((j for j in range(c, min(c + 6, t1)) if toks[j].lower() == "that"), None)
        if that is not None and (verb.lemma == "tell" or toks[c].lower() in {"in", "on", "at", "to", "during", "after", "this", "last", "earlier", "recently", "previously"}):
            c = that
        elif verb.lemma == "tell" or toks[c].lower() in {"in", "on", "at", "to", "of", "for", "with", "about", "during", ",", ".", ":", "it", "so", "as", "by", "yes", "no"}:
            continue
        end = _content_end(doc, t1)
        if sum(t[:1].isalnum() for t in toks[c:t1]) < _INDIRECT_MIN_WORDS:
            continue
        return _make(doc, doc.spans[c][0], end, "indirect", speaker, doc.spans[k], "participle_that" if participle else "said_that")
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
    (straight, curly and NYT ``''``) attributed in their sentence; indirect
    ones from "X said (that) ...", "..., X said", "according to X" and a
    headline "... - Source". Speaker names are normalised per text and
    "he"/"she" resolved to the latest named speaker (``speaker_resolved``).
    """
    if not text or not text.strip():
        return []
    doc = _doc(text)
    quotes = _direct_quotes(doc)
    head = _headline(doc)
    if head is not None and not _overlaps([(q.start, q.end) for q in quotes], head.start, head.end):
        quotes.append(head)
    quotes += _indirect_quotes(doc, [(q.start, q.end) for q in quotes])
    quotes.sort(key=lambda q: (q.start, q.end))
    quotes = normalise_speakers(quotes)
    resolved = resolve_pronouns(quotes)
    return [_with(q, speaker_resolved=r) for q, r in zip(quotes, resolved)]


def _with(quote: Quote, **changes: object) -> Quote:
    """Return a copy of ``quote`` with fields changed."""
    from dataclasses import replace

    return replace(quote, **changes)


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
