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
from collections.abc import Iterable, Mapping
from pathlib import Path

import pandas as pd

from toolkit.quotes.doc import (
    MARKS,
    MAX_REACH,
    QUOTE_FIELDS,
    Doc,
    Quote,
    Span,
    gap_words,
    make_doc,
    overlaps,
    plausible_subject,
    sentence_subject,
    subject_and_verb,
    words_in,
)
from toolkit.quotes.rules.around import headline_quote
from toolkit.quotes.rules.direct import direct_quotes
from toolkit.quotes.rules.indirect import indirect_quotes
from toolkit.quotes.people import assign_people, name_runs
from toolkit.quotes.speakers import RELATIVES, antecedent, evolve, resolve_names, speaker_names
from toolkit.text.tokenize import Sentences

__all__ = ["QUOTE_FIELDS", "Quote", "find_quotes", "quotes_frame"]

def find_quotes(text: str, *, sentences: Sentences | None = None) -> list[Quote]:
    """Return the quotations of ``text`` (direct, mixed, indirect), sorted by start.

    Pure function. Direct and mixed quotes come from quotation-mark spans
    (straight, curly and NYT ``''``) attributed in their sentence (or the next
    one, or a sentence ending in ":" before them); indirect ones from every cue
    verb of every sentence with a content complement (clause, to-infinitive,
    wh-clause or object, per the lexicon's frames), "..., X said", "A, X said,
    B", "according to X" and a headline "... - Source". Speaker names are
    normalised per text; "he"/"she" resolved to the latest named speaker and a relative
    "who"/"which" to its antecedent (``speaker_resolved``). ``sentences``: the article's
    sentence split (:class:`toolkit.text.tokenize.Sentences`), shared with the denial finder.
    """
    if not text or not text.strip():
        return []
    doc = make_doc(text, sentences)
    quotes = direct_quotes(doc)
    head = headline_quote(doc)
    if head is not None and not overlaps([(q.start, q.end) for q in quotes], head.start, head.end):
        quotes.append(head)
    quotes += indirect_quotes(doc, quotes)
    quotes.sort(key=lambda q: (q.start, q.end))
    quotes = _floating_speakers(quotes, doc)
    quotes = _speakers_on_one_line(quotes, doc.text)
    # speaker names and their resolution come from the speaker phrases alone: each quote is copied once, with both
    names = speaker_names([q.speaker for q in quotes])
    resolved = resolve_names(_relatives_as_antecedents(quotes, names, doc))
    return [evolve(q, speaker_name=n, speaker_resolved=r) for q, n, r in zip(quotes, names, resolved)]


def _speakers_on_one_line(quotes: list[Quote], text: str) -> list[Quote]:
    """Cut a speaker phrase that runs over a line break to its line next to the cue: a heading line without a
    period ("... Over The Street" then "Donald Trump said") is no part of the name."""
    out = []
    for q in quotes:
        start, end = q.speaker_start, q.speaker_end
        if start is not None and end is not None and "\n" in text[start:end]:
            if q.cue_start is not None and q.cue_start < start:  # "..., said the\nministry": the first line
                end = text.index("\n", start)
                while end > start and text[end - 1].isspace():
                    end -= 1
            else:
                start = text.rindex("\n", start, end) + 1
                while start < end and text[start].isspace():
                    start += 1
            q = evolve(q, speaker=text[start:end], speaker_start=start, speaker_end=end)
        out.append(q)
    return out


def _relatives_as_antecedents(quotes: list[Quote], names: list[str | None], doc: Doc) -> list[str | None]:
    """Return the quotes' speaker names (``names``) with a relative-pronoun speaker ("who", "which") named by its
    antecedent.

    PolNeAR marks the relative pronoun as the source, so the span stays; the name a reader
    counts ("Mr. Khan" of "Mr. Khan, who said ...") goes to ``speaker_resolved``.
    """
    proxies, found = [], False
    for q in quotes:
        speaker = q.speaker
        if q.speaker_start is not None and (q.speaker or "").lower() in RELATIVES:
            sent_lo = doc.tok_at(doc.sent_of(q.speaker_start)[0])
            rel = doc.tok_at(q.speaker_start)
            span = antecedent(doc.toks, doc.spans, rel, sent_lo) if rel > sent_lo else None
            if span is not None:
                speaker, found = doc.text[span[0]:span[1]], True
        proxies.append(speaker)
    return speaker_names(proxies) if found else names



#: A dash and a name closing the line right after a free-standing quotation: the signature of a roundup's quote
#: (the issue's "a quotation, then ... '— Name'"), with an optional ", Outlet" or period after it.
_SIGNATURE = re.compile(r"[ \t\xa0]*[―—–-][ \t\xa0]*((?-i:[A-Z][\w.’'-]*)(?:[ \t\xa0]+(?-i:[A-Z][\w.’'-]*)){0,3})"
                        r"[ \t\xa0]*(?:,[^\n]{0,60})?[.]?[ \t\xa0]*(?:\n|$)")  # scraped pages: no-break spaces
_INITIAL_END = re.compile(r"(?:\b[A-Z]|\bJr|\bSr)\.$")


def _floating_speakers(quotes: list[Quote], doc: Doc) -> list[Quote]:
    """Point each free-standing quotation at the nearest preceding mention of its speaker.

    The speaker is the latest attribution's; PolNeAR links the quotation to that speaker's
    nearest mention: the subject of the sentence right before the quotation when it is a
    pronoun or shares a word with the speaker ("Warren said ... . He advocated ... . “...”").
    """
    out: list[Quote] = []
    last: Quote | None = None
    for q in quotes:
        signature = _SIGNATURE.match(doc.text, q.end) if q.rule == "floating" else None
        if signature is not None:
            # a roundup's signed quotation ("“...” ― Sonya Herridge", "“...” — Name, Outlet"): the name on its line
            name_start, name_end = signature.span(1)
            if doc.text[name_end - 1] == "." and not _INITIAL_END.search(doc.text, name_start, name_end):
                name_end -= 1  # the sentence's period, not an initial's ("Carla Sanchez." -> "Carla Sanchez")
            q = evolve(q, speaker=doc.text[name_start:name_end], speaker_start=name_start, speaker_end=name_end,
                       rule="signed")
        elif q.rule == "floating" and last is not None and last.speaker_end <= q.start \
                and gap_words(doc.text, last.speaker_end, q.start, cap=401) <= 400:
            speaker, cue = (last.speaker_start, last.speaker_end), (last.cue_start, last.cue_end)
            near = _own_subject(doc, q.start) or _previous_subject(doc, q.start, last)
            if near is not None:
                speaker, cue = near
            q = evolve(q, speaker=doc.text[speaker[0]:speaker[1]], speaker_start=speaker[0], speaker_end=speaker[1],
                       cue=doc.text[cue[0]:cue[1]] if cue[0] is not None else None, cue_start=cue[0], cue_end=cue[1])
        elif q.rule != "floating" and q.speaker_start is not None and (q.speaker or "").lower() not in {"who", "which"}:
            last = q if last is None or q.speaker_end >= last.speaker_end else last
        out.append(q)
    return out


def _own_subject(doc: Doc, start: int) -> tuple[Span, Span | tuple[None, None]] | None:
    """Return (subject, (None, None)) of the clause a free-standing quotation at ``start`` ends, or None."""
    q = doc.tok_at(start)
    lo = max(doc.tok_at(doc.sent_of(start)[0]), q - MAX_REACH)
    if words_in(doc.toks, lo, q, 2) < 2 or not MARKS.isdisjoint(doc.toks[lo:q]):
        return None
    subject = sentence_subject(doc, lo, q)
    if subject is None or not doc.text[subject[0]:subject[1]][:1].isupper() \
            or not plausible_subject(doc.text[subject[0]:subject[1]]):
        return None
    return subject, (None, None)


def _previous_subject(doc: Doc, start: int, last: Quote) -> tuple[Span, Span] | None:
    """Return (subject, verb) of the sentence before offset ``start`` when it mentions ``last``'s speaker."""
    i = bisect.bisect_right(doc.sent_starts, start) - 1
    if i < 1 or doc.sents[i - 1][1] <= (last.speaker_end or 0):
        return None
    lo, hi = doc.sents[i - 1]
    found = subject_and_verb(doc, doc.tok_at(lo), doc.tok_at(hi))
    if found is None:
        return None
    words = doc.text[found[0][0]:found[0][1]].split()
    named = {w.lower() for w in (last.speaker or "").split() if w[:1].isupper()}
    if (len(words) == 1 and words[0].lower() in {"he", "she", "they"}) or any(w.lower() in named for w in words) \
            or any(w[:1].isupper() for w in words[1:] or words):
        return found
    return None


def quotes_frame(articles: pd.DataFrame | Iterable[tuple[str, str]], *, aliases: Mapping[str, str] | str | Path | None = None,
                 gender: bool = False) -> pd.DataFrame:
    """Return one row per quote: ``doc_id``, :data:`QUOTE_FIELDS`, ``person`` and ``speaker_kind``, in (doc, start, end) order.

    ``person`` and ``speaker_kind`` come from :func:`toolkit.quotes.people.assign_people` over these
    articles (their outlet and date when the DataFrame has them), corrected by ``aliases`` (a CSV path or
    a {surface form: person} mapping); ``gender`` adds ``gender_guess`` (:mod:`toolkit.quotes.gender`).
    """
    if isinstance(articles, pd.DataFrame):
        pairs = zip(articles["doc_id"], articles["text"])
    else:
        pairs = iter(articles)
    rows, evidence = [], []
    for doc_id, text in pairs:
        text = text if isinstance(text, str) else ""
        rows.extend({"doc_id": doc_id, **{f: getattr(q, f) for f in QUOTE_FIELDS}} for q in find_quotes(text))
        evidence.append({"doc_id": doc_id, "text": name_runs(text)})  # not the text: pairs may be a stream
    frame = pd.DataFrame(rows, columns=["doc_id", *QUOTE_FIELDS])
    for col in ("speaker_start", "speaker_end", "cue_start", "cue_end"):
        frame[col] = frame[col].astype("Int64")
    meta = pd.DataFrame(evidence, columns=["doc_id", "text"])
    if isinstance(articles, pd.DataFrame):
        meta = meta.assign(**{c: articles[c].to_numpy() for c in ("outlet", "date") if c in articles})
    return assign_people(frame, meta, aliases=aliases, gender=gender).quotes
