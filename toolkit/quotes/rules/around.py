"""Indirect quotes whose content sits around the cue: "CONTENT, X said.", "CONTENT, said X,
the Y.", "A, X said, B.", "According to X, CONTENT." and a headline "CONTENT - Source".
"""

from __future__ import annotations

import re

from toolkit.quotes.lexicon import DETERMINERS, PRONOUNS, Verb, speaker_titles
from toolkit.quotes.doc import (
    Doc,
    Quote,
    Span,
    clip_end,
    content_end,
    content_span,
    cue_verb,
    make_quote,
)
from toolkit.quotes.speakers import speaker_left, speaker_right

_INDIRECT_MIN_WORDS = 3
_MAX_INSERT = 10  # tokens between the comma and the cue of "CONTENT, X said"
_HEADLINE = re.compile(r"\A(?P<content>[^\n]{12,}?)[ \t]+[-–—][ \t]+(?P<source>[A-Z][\w.’' &]{1,40})[ \t]*$", re.MULTILINE)


def inverted_speaker(doc: Doc, k: int, t0: int, t1: int) -> bool:
    """Return True for "..., said X." (a comma right before the cue, a speaker right after)."""
    if k == t0 or doc.toks[k - 1] != ",":
        return False
    speaker = speaker_right(doc.toks, doc.spans, k, t1)
    if speaker is None:
        return False
    after = doc.tok_at(speaker[1])
    return after >= t1 or doc.toks[after] in {".", ",", "!", "?", ";", "—", "–", "(", "in", "on", "at", "during"}



def inserted_quote(doc: Doc, k: int, verb: Verb, t0: int, t1: int, blocked: bytearray) -> Quote | None:
    """"CONTENT, X said." / "CONTENT, said X, the Y." / "A, X said, B." (content around the cue)."""
    toks = doc.toks
    if verb.cls != "speech" and verb.lemma not in {"think", "believe"} or toks[k].lower().endswith("ing"):
        return None
    c1 = next((i for i in range(k - 1, max(t0, k - _MAX_INSERT) - 1, -1) if toks[i] in {",", "—", "–"}), None)
    if c1 is None or c1 - t0 < 2 or blocked.find(1, t0, c1) >= 0:
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
    if r - after > 8 or any(t.lower() == "that" or cue_verb(t) is not None for t in toks[after:r]):
        return None
    parenthetical = r < t1 and toks[r] in {",", "—"} and doc.count_words(r + 1, t1, 3) >= 3 and not blocked[r + 1] \
        and (toks[r + 1][:1].islower() or toks[r + 1].lower() in PRONOUNS) \
        and toks[r + 1].lower() not in speaker_titles() and cue_verb(toks[r + 1]) is None
    if parenthetical:
        span = content_span(doc, t0, clip_end(doc, r + 1, t1, blocked), 3)
        rule = "content_said_content"
    else:
        span = content_span(doc, t0, c1, 3)
        rule = "content_said"
    if span is None:
        return None
    return make_quote(doc, span[0], span[1], "indirect", speaker, doc.spans[k], rule)



def according_to_quote(doc: Doc, t0: int, t1: int) -> Quote | None:
    """"According to X, CONTENT." / "CONTENT, according to X." (GGT's according-to rule)."""
    toks = doc.toks
    for k in range(t0, t1 - 2):
        if toks[k].lower() == "according" and toks[k + 1].lower() == "to":
            speaker = speaker_right(toks, doc.spans, k + 1, t1) or according_object(doc, k + 2, t1)
            cue = (doc.spans[k][0], doc.spans[k + 1][1])
            if k == t0:
                comma = next((j for j in range(k + 2, t1) if toks[j] == ","), None)
                if comma is None or comma + 3 >= t1:
                    return None
                start, end = doc.spans[comma + 1][0], content_end(doc, t1)
                if end <= start:  # nothing but punctuation after the comma: no content
                    return None
                return make_quote(doc, start, end, "indirect", speaker, cue, "according_to")
            if toks[k - 1] == "," and k - t0 >= _INDIRECT_MIN_WORDS:
                return make_quote(doc, doc.spans[t0][0], doc.spans[k - 2][1], "indirect", speaker, cue, "according_to")
            return None
    return None



_MAX_ACCORDING = 25  # tokens of the object of "according to" ("early results of exit polls conducted by ...")


def according_object(doc: Doc, j: int, t1: int) -> Span | None:
    """Return the object of "according to" starting at token ``j``, up to a comma or the sentence end.

    Whatever "according to" governs is the source ("according to exit polls", "according to early
    results of exit polls conducted by Edison Research"), even without a name or a determiner.
    """
    toks = doc.toks
    end = j
    while end < t1 and end - j < _MAX_ACCORDING and toks[end] not in {",", ";", ":", ".", "!", "?", "—", "–", "(", "“", '"'}:
        end += 1
    if end == j or not any(t[:1].isalpha() for t in toks[j:end]):
        return None
    return doc.spans[j][0], doc.spans[end - 1][1]


def headline_quote(doc: Doc) -> Quote | None:
    """A title line "CONTENT - Source" (wire-style headline attribution)."""
    m = _HEADLINE.match(doc.text)
    if m is None:
        return None
    dash = m.end("content")
    dash = doc.text.index(next(c for c in doc.text[dash:m.start("source")] if c in "-–—"), dash)
    return make_quote(doc, m.start("content"), m.end("content"), "indirect",
                 (m.start("source"), m.start("source") + len(m.group("source").rstrip())), (dash, dash + 1), "headline_source")

