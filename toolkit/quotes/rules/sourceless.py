"""Indirect quotes without a source in the text: PolNeAR annotates evidential and raising cues
("Trump seemed to ...", "X is expected to ...", "appears to ...") and questions put to
someone unnamed ("When asked whether ..., X said"); their gold Source is empty, so the
finder predicts none (the protocol's speaker rule then counts it right).

* ``raising``: "X seems/seemed/appears/appeared to VP", "X is/was expected to VP": the
  content is the raised subject and the infinitive, PolNeAR's two-part content, predicted as
  one span from the clause start (the sentence start, or a relative pronoun right before the
  cue: "which is expected to draw ...") to the end of the sentence.
* ``asked_wh``: "(When) asked [PP] whether/if/wh-word/about ...": the question, to the next comma.
"""

from __future__ import annotations

from toolkit.quotes.doc import Doc, Quote, Span, clip_end, content_span, make_quote, reach, verb_subject
from toolkit.quotes.speakers import speaker_right

_RAISING = frozenset({"seem", "seems", "seemed", "appear", "appears", "appeared"})
_EXPECTED_AUX = frozenset({"is", "are", "was", "were", "be", "been", "being", "’s", "'s"})
_ASK_OPEN = frozenset({"whether", "if", "why", "how", "what", "who", "when", "where", "which", "about"})
_RELATIVE = frozenset({"which", "who", "that"})
SOURCELESS_TRIGGERS = _RAISING | {"expected", "asked"}
_MAX_PP = 6  # tokens of a PP between "asked" and its question ("asked in Iowa recently whether")


def _asker(doc: Doc, k: int, j: int, t0: int) -> Span | None:
    """Return who asks the question of "asked" at token ``k`` (the question opens at ``j``), or None.

    "when asked by a reporter whether ...": the agent; "Ruth Marcus, an editor, asked Mook if ...": the subject
    of an active "asked" with its object before the question. A bare "Asked whether ..." names no asker.
    """
    toks = doc.toks
    if doc.lows[k + 1] == "by":
        return speaker_right(toks, doc.spans, k + 1, j)
    if k - 1 > t0 and toks[k - 1] == "," and j > k + 1:
        return verb_subject(doc, k, t0)
    return None


def sourceless_quotes(doc: Doc, blocked: bytearray, taken: list[Quote], candidates: list[int]) -> list[Quote]:
    """Return the raising-verb and "when asked" quotes outside quotations (``candidates``: token indexes to try)."""
    toks, lows = doc.toks, doc.lows
    starts = {q.start for q in taken}
    out: list[Quote] = []
    for k in [k for k in candidates if lows[k] in SOURCELESS_TRIGGERS]:
        low = lows[k]
        if blocked[k] or k + 2 >= len(toks):
            continue
        if low in _RAISING or (low == "expected" and k > 0 and toks[k - 1].lower() in _EXPECTED_AUX):
            if toks[k + 1].lower() != "to" or blocked[k + 1]:
                continue
            t0, t1 = reach(k, *(doc.tok_at(b) for b in doc.sent_of(doc.spans[k][0])))
            aux = k - 1 if low == "expected" else k
            lo = aux - 1 if aux - 1 >= t0 and toks[aux - 1].lower() in _RELATIVE else t0
            if blocked.find(1, lo, k) >= 0 or k - lo < 1:
                continue
            span = content_span(doc, lo, clip_end(doc, k + 1, t1, blocked), 3)
            if span is not None and span[0] not in starts:
                out.append(make_quote(doc, span[0], span[1], "indirect", None, doc.spans[k], "raising"))
        elif low == "asked" and (k == 0 or not toks[k - 1][:1].isalpha() or toks[k - 1].lower() in {"when", "if", "was", "were"}):
            t0, t1 = reach(k, *(doc.tok_at(b) for b in doc.sent_of(doc.spans[k][0])))
            j = next((i for i in range(k + 1, min(k + 2 + _MAX_PP, t1)) if toks[i].lower() in _ASK_OPEN), None)
            if j is None or any(not toks[i][:1].isalnum() for i in range(k + 1, j)) or blocked[j]:
                continue
            if toks[j].lower() == "about":
                j += 1
            hi = next((i for i in range(j + 1, t1) if toks[i] in {",", ";", ":", "—"}), t1)
            span = content_span(doc, j, clip_end(doc, j, hi, blocked), 2)
            if span is not None and span[0] not in starts:
                out.append(make_quote(doc, span[0], span[1], "indirect", _asker(doc, k, j, t0), doc.spans[k], "asked_wh"))
    return out
