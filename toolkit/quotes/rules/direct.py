"""Direct and mixed quotes: quotation-mark spans and their attribution.

Rules (named in ``Quote.rule``): ``quote_said`` ("“...,” X said"), ``said_quote``
("X said: “...”"), ``said_colon_quote``, ``split_quote`` (one content in parts),
``floating`` (a free-standing quotation) and ``said_mixed`` (reported speech with
a quoted fragment). See README, "Quotes".
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

from toolkit.quotes.lexicon import DETERMINERS, PRONOUNS, speaker_titles
from toolkit.quotes.doc import (
    MARKS,
    MAX_REACH,
    PASSIVE_AUX,
    Doc,
    Quote,
    Span,
    cue_verb,
    cue_verbs,
    gap_words,
    make_quote,
    noun_use,
    passive_participle,
    sentence_subject,
    subject_and_verb,
    verb_subject,
    words_in,
)
from toolkit.quotes.marks import quotation_spans
from toolkit.quotes.rules.around import according_object
from toolkit.quotes.speakers import speaker_left, speaker_right

_MIN_FLOATING_WORDS = 4  # an unattributed quotation shorter than this is a scare quote or a title
_MIN_LEAD_WORDS = 3  # words before a quotation in its sentence that make "..., X said" a mixed quote
_INVERTED_OPENERS = frozenset({"Said", "Says", "Added", "Adds", "Continued", "Wrote", "Writes", "Asked"})
_SHORT_FLOATING = 8  # below this, a free-standing quotation must end like a sentence (not a title or a phrase)
_AFTER_WINDOW = 30  # tokens after a closing mark searched for "..., X, a long appositive, said"
_AFTER_WINDOW_NEAR = 18  # ... and for any other "..., X said"
_PASSIVE_OR_TO = PASSIVE_AUX | {"to"}  # before a cue verb: a passive or an infinitive, no subject speaks
_CONTINUED = frozenset({"quote_said", "said_quote", "split_quote", "said_colon_quote"})  # a later quotation continues these
_DASH_LINE = re.compile(r"[ \t]*\n\s*([-–—])[ \t]*[A-Z][^\n]{0,120}")
# a line "Name Surname, Outlet or role" right under a quotation (2-4 plain capitalised words, then a comma)
_NAME_LINE = re.compile(r"[ \t]*\n\s*(?P<name>(?:[A-Z][a-z]+|[A-Z]\.)(?:[ \t](?:[A-Z][a-z]+|[A-Z]\.|Mc[A-Z][a-z]+)){1,3}),"
                        r"[ \t]*[^\n,]{2,60}?(?<![a-z][.!?])[ \t]*(?:\n|$)")
_WORD = re.compile(r"\w")
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
_CLAUSE_END = re.compile(r"[.;!?]")
_GERUND_NEXT = re.compile(r"\s*,\s*\w+ing\b")  # '“...”, adding ...'
_NEW_CLAUSE = re.compile(r"\s*[-–—,;]?\s*(?:but|while|whereas)\b")
_FRAME_NOUNS = frozenset({"statement", "interview", "report", "letter", "speech", "tweet", "post", "email", "memo"})


def _after_attribution(doc: Doc, a: int, limit: int, open_end: bool = False) -> tuple[Span | None, Span] | None:
    """Find "..., X said" / "..., said X" right after a closing mark (token ``a``).

    With ``open_end`` (the quotation ends in ",", "?" or "!"), a name or pronoun followed by any
    lower-case word also attributes it ("“...,” Trump shot back."): the verb need not be a lexicon cue.
    """
    toks = doc.toks
    verbs = cue_verbs()
    if a < limit and toks[a] in {"'", "’"}:
        a += 1  # "... out of them,''' said McCain": a nested quotation closes with the outer one
    first = a + 1 if a < limit and toks[a] in {",", "—", "–", "-"} else a
    for k in range(first, min(first + _AFTER_WINDOW, limit)):
        tok = toks[k]
        if tok in MARKS or tok in {";", "?", "!"} or (tok == "." and not _abbreviation(toks[k - 1])
                                                      and not (k + 1 < limit and toks[k + 1] in {",", ")"})):
            break  # "McConnell, R-Ky., said", "Rubio (R-Fla.) said": a "." before "," or ")" ends no sentence
        if doc.lows[k] == "according" and k + 1 < limit and toks[k + 1] == "to":
            return (speaker_right(toks, doc.spans, k + 1, limit) or according_object(doc, k + 2, limit),
                    (doc.spans[k][0], doc.spans[k + 1][1]))
        verb = verbs.get(tok)
        if verb is None or tok.lower().endswith("ing") or (k > first and doc.lows[k - 1] in _NOUN_DETERMINERS):
            continue  # "“...!” the note says": after a determiner, "note" is a noun
        relay = _according_after(doc, k, limit)
        if relay is not None:
            return relay  # '“...,” Walker said, according to an AP account': the account is the source
        if k == first:
            return speaker_right(toks, doc.spans, k, limit), doc.spans[k]
        speaker = speaker_left(toks, doc.spans, k, first)
        if k - first > _AFTER_WINDOW_NEAR and (speaker is None or speaker[0] != doc.spans[first][0]):
            return None  # far from the mark, only "Name, a long appositive, wrote" attributes the quotation
        if speaker is not None and open_end and speaker[0] == doc.spans[first][0]:
            return speaker, doc.spans[k]  # '“...,” Romney tweeted the day after ...': the comma attributes
        if speaker is None or (_takes_clause(toks, k + 1, limit)
                               and not (verb.lemma == "tell" and doc.lows[k + 1] in DETERMINERS)):
            return None  # the verb belongs to a clause, not to an attribution ("told the crowd" does not)
        return speaker, doc.spans[k]
    if open_end and first < limit and (toks[first][:1].isupper() or doc.lows[first] in PRONOUNS
                                       or doc.lows[first] in {"the", "a", "an"}):
        found = subject_and_verb(doc, first, limit)
        if found is not None and found[0][0] == doc.spans[first][0]:
            return found
    if open_end and first + 1 < limit and toks[first].islower() and toks[first].endswith("ed") \
            and toks[first + 1][:1].isupper():
        speaker = speaker_right(toks, doc.spans, first, limit)  # '"...," remembered Roy Verley, HP's ...'
        if speaker is not None:
            return speaker, doc.spans[first]
    return None


_LATE_WINDOW = 25  # tokens between a closing mark and the comma of a sentence-final "..., said X"


def _late_attribution(doc: Doc, a: int, limit: int) -> tuple[int, tuple[Span | None, Span]] | None:
    """Return (comma, (speaker, cue)) of "..., said X" / "..., X said" closing the sentence of a quotation.

    Only when the words between the closing mark (token ``a``) and that comma hold no other
    quotation, cue or clause end: they continue the quoted content ("“...” that X can win, said Y").
    """
    toks = doc.toks
    verbs = cue_verbs()
    for c in range(a + 1, min(a + _LATE_WINDOW, limit)):
        tok = toks[c]
        if tok in MARKS or tok in {";", ".", "?", "!", ":"} or tok in verbs:
            return None
        if tok != ",":
            continue
        found = _after_attribution(doc, c, limit)
        if found is not None and found[0] is not None:
            return c, found
    return None


_NOUN_DETERMINERS = frozenset({"the", "a", "an", "this", "his", "her", "its", "their", "our", "my", "your"})
_RELAY_WINDOW = 10  # tokens after a cue searched for ", according to Y"


def _according_after(doc: Doc, k: int, limit: int) -> tuple[Span | None, Span] | None:
    """Return (source, cue) of ", according to Y" closing the clause of the cue at ``k``, or None.

    PolNeAR takes the relaying account as the source of "X said, according to CNN".
    """
    toks = doc.toks
    for m in range(k + 1, min(k + _RELAY_WINDOW, limit - 2)):
        if toks[m] in MARKS or toks[m] in {";", "?", "!", ".", "—", "–"}:
            return None
        if doc.lows[m] == "according" and toks[m + 1] == "to" and toks[m - 1] == ",":
            source = speaker_right(toks, doc.spans, m + 1, limit) or according_object(doc, m + 2, limit)
            return (source, (doc.spans[m][0], doc.spans[m + 1][1])) if source is not None else None
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
        for t in toks[j:min(limit, j + 6)]:  # six words decide it
            if not t[:1].isalnum():
                break
            run += 1
        return run >= 6
    return False



def _before_attribution(doc: Doc, lo: int, q: int, prev_speaker: Span | None,
                        passive: bool = True) -> tuple[Span | None, int] | None:
    """Find the cue of a quotation opening at token ``q``; return (speaker, cue token).

    The main clause's cue comes first ("X has said that he will support ... and that “...”"),
    unless a participle cue lies between it and the mark (", adding that “...”", "with X saying
    “...”"): then the participle, with its own subject or the sentence's. Without a subject
    found that way, the last cue before the mark (a frame noun: "the statement read").
    With ``passive`` False, a passive cue ("as he was known") is no cue.
    """
    toks = doc.toks
    verbs = cue_verbs()
    lo0 = lo
    # the token after the last quotation mark before the quotation (a set test in C first: usually none)
    last_mark = None if MARKS.isdisjoint(toks[lo:q]) else next(i for i in range(q - 1, lo - 1, -1) if toks[i] in MARKS)
    if last_mark is not None:
        lo = last_mark + 1
    for k in range(lo, q):
        verb = verbs.get(toks[k])
        if verb is None or doc.lows[k].endswith("ing") or (k > lo and doc.lows[k - 1] in _PASSIVE_OR_TO):
            continue  # "was asked", "To believe ...": no subject speaks through a passive or an infinitive
        speaker = verb_subject(doc, k, lo)
        if speaker is None or _inside_relative(doc, speaker, k, q):
            continue
        speaker = _namer(doc, speaker, k, lo0)
        first = doc.tok_at(speaker[0])
        if any(doc.lows[i] in _TEMPORAL for i in range(max(lo, first - _SUBJECT_PREFIX), first)) \
                and "," not in toks[max(lo, first - _SUBJECT_PREFIX):first]:
            main = _main_clause(doc, k, q)
            if main is not None:
                return main  # "After Gov. Jerry Brown criticized Bill Clinton, Hillary shot back, “...”"
        if first > lo0 and doc.lows[first - 1] == "what" and doc.lows[first] in PRONOUNS:
            # "Cruz has railed against what he calls the “Washington cartel”": the clause's subject;
            # "Despite what he wrote ..., Cross said he “...”": the main clause's cue
            if any(doc.toks[k2] in verbs and not doc.lows[k2].endswith("ing")
                   for k2 in range(k + 2, min(q, k + MAX_REACH))):
                continue
            speaker = sentence_subject(doc, lo0, first - 1) or speaker
        for k2 in range(k + 1, q):
            if doc.lows[k2].endswith("ing") and toks[k2] in verbs and "clause" in verbs[toks[k2]].frames:
                if toks[k2 - 1] == ",":
                    said = k2 - 2  # "Mr. Trump intends to ..., Mr. Manafort said, adding that": the cue before the comma
                    if said > k and toks[said] in verbs \
                            and (doc.lows[said] in {"said", "says", "told", "wrote"} or doc.lows[said].endswith("ed")):
                        speaker = verb_subject(doc, said, k + 1) or speaker
                    return speaker, k2
                inner = speaker_left(toks, doc.spans, k2, k + 1)
                if inner is not None and not _object_of_clause(doc, inner, k + 1):
                    return inner, k2
                if inner is not None:
                    return speaker, k2  # "Trump posted a message on Twitter reading “...”": the subject's
        return speaker, k
    for k in range(q - 1, lo - 1, -1):
        verb = verbs.get(toks[k])
        if verb is None or noun_use(doc, k) or (not passive and passive_participle(doc, k, lo, reduced=False)):
            continue  # "Trump's remarks": a noun, not the cue; "as he was known" (inner cue): passive
        if k > lo and doc.lows[k - 1] == "to":
            # "Trump took to Twitter to write, “...”": an infinitive's speaker is its clause's subject
            subject = sentence_subject(doc, lo0, k - 1) if k - 1 > lo0 else None
            if subject is None:
                continue  # "To believe it, “...,” he said": no subject before it
            return subject, k
        low = doc.lows[k]
        if low.endswith("ing") and k > lo and toks[k - 1] == ",":
            return (prev_speaker or sentence_subject(doc, lo, k)), k
        speaker = speaker_left(toks, doc.spans, k, lo)
        if speaker is not None and low in _NAMING:
            speaker = _namer(doc, speaker, k, lo0)
        elif speaker is not None and low.endswith("ing") and _object_of_clause(doc, speaker, lo):
            # "Black Lives Matter issued a statement saying ...": the subject speaks, not its object
            speaker = sentence_subject(doc, lo0, k) or speaker
        if speaker is None and (k == lo or toks[k - 1] in {",", "—"}):
            speaker = speaker_right(toks, doc.spans, k, q)  # '“...,” said Hemsley, the co-author of ...'
            after = doc.tok_at(speaker[1]) if speaker is not None else q
            if k > lo and after < q and toks[after].isalpha() and toks[after].islower() \
                    and doc.lows[after] not in _AFTER_INVERTED:
                # 'Heffley, a top ..., said the absentee program is a “...”': what follows the cue is its clause
                speaker = sentence_subject(doc, lo0, k)
        speaker = speaker or sentence_subject(doc, lo0, k)  # 'Hemsley, the co-author of "Going Viral," said the days ...'
        if speaker is None and not (k > lo and doc.lows[k - 1] in _FRAME_NOUNS):
            continue
        return speaker, k
    return None



# words that may follow the name in an inverted attribution ("said Smith of Ohio", "said Smith in an interview")
_AFTER_INVERTED = frozenset({"of", "in", "on", "at", "who", "from", "during", "after", "before", "to", "and", "with",
                             "for", "by", "when", "while", "as", "last", "this", "earlier", "later"})


# a cue in a clause these open is backgrounded; the main clause after its comma carries the quotation
_TEMPORAL = frozenset({"when", "after", "while", "although", "though", "once", "before", "since"})
_SUBJECT_PREFIX = 3  # tokens between a subordinator and its subject's name: "After former California Gov. X"


def _main_clause(doc: Doc, k: int, q: int) -> tuple[Span, int] | None:
    """Return (subject, verb token) of the main clause after a subordinate clause whose cue is at ``k``.

    "When Rubio thanked Miami, a man yelled “Stay there!”": the first comma after the cue closes
    the subordinate clause; a noun phrase and a lower-case verb must follow it.
    """
    toks = doc.toks
    c = next((i for i in range(k + 1, min(q, k + MAX_REACH)) if toks[i] == ","), None)
    if c is None:
        return None
    j = c + 1 if c + 1 < q and doc.lows[c + 1] not in {"and", "but"} else c + 2
    found = speaker_right(toks, doc.spans, j - 1, q)
    if found is None or doc.lows[doc.tok_at(found[0])] in {"it", "there", "this", "that"}:
        return None
    v = doc.tok_at(found[1])
    if v < q and doc.lows[v] in {"who", "that"}:
        # "the groups who wrote to her say they are “...”": the main verb is the last cue before the mark
        v = next((i for i in range(min(q, v + MAX_REACH) - 1, v, -1) if cue_verb(toks[i]) is not None), q)
    if v >= q or not (toks[v].isalpha() and toks[v].islower()) or toks[v] in DETERMINERS \
            or toks[v] in {"who", "which", "that", "of", "and", "or"}:
        return None
    return found, v


def _inside_relative(doc: Doc, speaker: Span, k: int, q: int) -> bool:
    """Return True when the cue at ``k`` is a relative clause's and the clause's antecedent speaks later.

    "McCaskill, who has endorsed Clinton, said ... “...”": "endorsed" is not the cue; the main
    verb after the clause's closing comma is. "Beck, who has described Trump as “...”" keeps "who".
    """
    rel = doc.tok_at(speaker[0])
    if doc.lows[rel] not in {"who", "which"} or rel == 0 or doc.toks[rel - 1] != ",":
        return False
    return any(doc.toks[k2 - 1] == "," and cue_verb(doc.toks[k2]) is not None
               and not doc.lows[k2].endswith("ing") for k2 in range(k + 1, min(q, k + MAX_REACH)))


_NAMING = frozenset({"called", "dubbed", "titled", "labeled", "labelled", "named", "known"})
_OBJECT_DETERMINERS = frozenset({"a", "an", "the", "his", "her", "its", "their"})


def _namer(doc: Doc, speaker: Span, k: int, lo: int) -> Span | None:
    """Return the source of a naming participle: "X paid a company called “...”" is X's, not the company's."""
    first = doc.tok_at(speaker[0])
    if doc.lows[k] not in _NAMING or doc.lows[first] not in {"a", "an"} or first <= lo:
        return speaker
    return sentence_subject(doc, lo, first) or speaker


def _object_of_clause(doc: Doc, speaker: Span, lo: int) -> bool:
    """Return True when ``speaker`` is a verb's or preposition's object ("issued a statement", "on Twitter")."""
    first = doc.tok_at(speaker[0])
    if first <= lo:
        return False
    before, low = doc.toks[first - 1], doc.lows[first]
    if not before.isalpha() or not before.islower() or before in {"and", "or", "but", "that", "who", "which"}:
        return False
    return low in _OBJECT_DETERMINERS or before in {"on", "in", "at", "from", "via", "to"}


def direct_quotes(doc: Doc) -> list[Quote]:
    """Attribute every quotation-mark span; drop unattributed scare quotes and titles."""
    out: list[Quote] = []
    spoken: list[int] = []  # indexes of the quotes in `out` that have a speaker, in order

    def push(quote: Quote) -> None:
        out.append(quote)
        if quote.speaker_start is not None:
            spoken.append(len(out) - 1)

    def pop() -> Quote:
        if spoken and spoken[-1] == len(out) - 1:
            spoken.pop()
        return out.pop()

    text, toks = doc.text, doc.toks
    for qs, qe in quotation_spans(text, doc.paras):
        sent_lo, _ = doc.sent_of(qs)
        _, sent_hi = doc.sent_of(max(qs, qe - 1))
        a, limit = doc.tok_at(qe), doc.tok_at(sent_hi)
        # only MAX_REACH tokens of the sentence on either side of the quotation are read (see doc.MAX_REACH)
        sent_hi = min(sent_hi, doc.spans[min(a + MAX_REACH, len(doc.spans)) - 1][1])
        if _WORD.search(text, qe, sent_hi) is None:
            # '“... immigrant!” Cruz said.': Punkt ends the sentence at “?”/“!”; the attribution follows
            i = bisect.bisect_right(doc.sent_starts, qe)
            if i < len(doc.sents) and not text[qe:doc.sents[i][0]].strip() and "\n" not in text[qe:doc.sents[i][0]]:
                limit = doc.tok_at(doc.sents[i][1])
        limit = min(limit, a + MAX_REACH + 1)
        q0 = doc.tok_at(qs)
        inner_words = words_in(toks, q0, a, max(_MIN_FLOATING_WORDS, _SHORT_FLOATING))  # only compared with these
        prev = out[-1] if out and out[-1].end > sent_lo else None
        lo = max(doc.tok_at(sent_lo), doc.tok_at(prev.end) if prev else 0, q0 - MAX_REACH)
        if text[max(0, qs - 10):qs].rstrip().lower().endswith("so-called"):
            continue  # scare quote by definition
        open_end = text[qs:qe].rstrip("”\"'").rstrip()[-1:] in {",", "?", "!"}
        after = _after_attribution(doc, a, limit, open_end)
        if after:
            speaker, cue = after
            if out and out[-1].kind == "direct" and out[-1].speaker_start is None and out[-1].rule == "floating" \
                    and gap_words(text, out[-1].end, qs, cap=1) == 0:
                qs = pop().start  # "“A.” “B,” she said.": one content in parts
            q0 = doc.tok_at(qs)
            if words_in(toks, lo, q0, _MIN_LEAD_WORDS) >= _MIN_LEAD_WORDS and MARKS.isdisjoint(toks[lo:q0]):
                # 'Gore tried ..., and he "made a strategic mistake," Lichtman said.': the whole clause is content
                inner_cue = _before_attribution(doc, lo, q0, None, passive=False)  # "Freddy, as he was known, “...”"
                if inner_cue is not None and inner_cue[0] is not None:
                    # "First, Trump identified the judge as “Spanish,” ...": the clause has its own cue and
                    # subject; PolNeAR's source is that subject (TRAIN: 144 of 290 mixed_said sources)
                    speaker, cue = inner_cue[0], doc.spans[inner_cue[1]]
                push(make_quote(doc, doc.spans[lo][0], qe, "mixed", speaker, cue, "mixed_said"))
                continue
            push(make_quote(doc, qs, qe, "direct", speaker, cue, "quote_said"))
            continue
        dash = _DASH_LINE.match(text, qe)
        if dash is not None:
            # '"...."\n\n- Bernie Sanders.' (fact-check format): the dashed line names the speaker
            d = doc.tok_at(dash.end(1))
            speaker = speaker_right(toks, doc.spans, d - 1, doc.tok_at(dash.end()))
            if speaker is not None:
                push(make_quote(doc, qs, qe, "direct", speaker, dash.span(1), "quote_said"))
                continue
        byline = _NAME_LINE.match(text, qe)
        if byline is not None and inner_words >= _MIN_FLOATING_WORDS:
            # roundup layout: '“...”\nJane Doe, The Daily Planet': the line under the quotation names its speaker
            push(make_quote(doc, qs, qe, "direct", byline.span("name"), None, "quote_said"))
            continue
        named = _dash_name(doc, lo, doc.tok_at(qs))
        if named is not None:
            # roundup layout 'HEADLINE - Carl Bialik: “...”': the name before the colon is the speaker
            push(make_quote(doc, qs, qe, "direct", named[0], named[1], "subject_quote"))
            continue
        before = _before_attribution(doc, lo, doc.tok_at(qs), prev.speaker_start and (prev.speaker_start, prev.speaker_end) if prev else None)
        if before:
            speaker, k = before
            if prev is not None and prev.rule == "quote_said" and prev.cue_start == doc.spans[k][0] \
                    and _CLAUSE_END.search(text, prev.end, qs) is None:
                # "“A,” she told Hewitt, “B.”": one content in parts, as PolNeAR annotates it
                pop()
                push(make_quote(doc, prev.start, qe, "direct", speaker, doc.spans[k], "split_quote"))
                continue
            gap = [t for t in toks[k + 1:doc.tok_at(qs)] if t not in {",", ":", "that", "—"}]
            if speaker and doc.spans[k][1] <= speaker[0]:
                gap = [t for t in toks[doc.tok_at(speaker[1]):doc.tok_at(qs)] if t not in {",", ":", "that", "—"}]
            if not gap and _WORD.search(text, qe, sent_hi) is None:
                push(make_quote(doc, qs, qe, "direct", speaker, doc.spans[k], "said_quote"))
            else:
                start = doc.spans[k + 1][0]
                that = next((j for j in range(k + 1, min(k + 4, doc.tok_at(qs))) if doc.lows[j] == "that"), None)
                if that is not None:
                    start = doc.spans[that][0]  # "saying earlier that ...": the adverb is not content
                end = _mixed_end(doc, qe, sent_hi)
                push(make_quote(doc, start, end, "mixed", speaker, doc.spans[k], "said_mixed"))
            continue
        if out and out[-1].kind == "direct" and out[-1].rule in _CONTINUED and _same_paragraph(doc, out[-1].end, qs) \
                and not any(m in text[out[-1].end:qs] for m in MARKS):
            # "“A,” she said[, a ... who ...]. “B.”": PolNeAR annotates one content in parts
            first = pop()
            push(make_quote(doc, first.start, qe, "direct",
                             (first.speaker_start, first.speaker_end) if first.speaker_start is not None else None,
                             (first.cue_start, first.cue_end) if first.cue_start is not None else None, "split_quote"))
            continue
        before_end = qs  # end of the text before the quotation without trailing whitespace (no copy of it)
        while before_end > 0 and text[before_end - 1].isspace():
            before_end -= 1
        if before_end > 0 and text[before_end - 1] == ":" and (not out or out[-1].end < before_end):
            # 'A spokesman could only quip:\n\n“...”': the cue ends the sentence before
            colon = doc.tok_at(before_end - 1)
            c_lo, _ = doc.sent_of(before_end - 1)
            found = _before_attribution(doc, max(doc.tok_at(c_lo), doc.tok_at(out[-1].end) if out else 0,
                                                 colon - MAX_REACH), colon, None)
            if found and found[0] is not None:
                push(make_quote(doc, qs, qe, "direct", found[0], doc.spans[found[1]], "said_colon_quote"))
                continue
        late = _late_attribution(doc, a, limit) \
            if not _sentence_like(text, qs, qe) and not any(t[:1].isalnum() for t in toks[lo:q0]) else None
        if late is not None:
            # '“...” that Sanders can catch Clinton, said Steve Elmendorf': the quotation and the words after
            # it up to the comma are one content (PolNeAR), attributed by the clause that closes the sentence
            comma, (speaker, cue) = late
            push(make_quote(doc, qs, doc.spans[comma - 1][1], "mixed", speaker, cue, "quote_then_said"))
            continue
        if inner_words >= _MIN_FLOATING_WORDS and (qe - qs) > 20 \
                and (inner_words >= _SHORT_FLOATING or _sentence_like(text, qs, qe)):
            subject = _clause_subject(doc, lo, doc.tok_at(qs), before_end)
            if subject is not None:
                # "He went on to call Cruz “...”", "McConnell delivered a blunt message: “...”": the
                # quotation sits in a clause without a lexicon cue; PolNeAR's source is its subject
                push(make_quote(doc, qs, qe, "direct", subject[0], subject[1], "subject_quote"))
                continue
            # a free-standing quotation continues the latest attributed speaker (PolNeAR links it
            # to that speaker's mention and cue)
            src = out[spoken[-1]] if spoken else None
            if src is not None and gap_words(text, src.end, qs, cap=401) > 400:
                src = None
            push(make_quote(doc, qs, qe, "direct",
                             (src.speaker_start, src.speaker_end) if src else None,
                             (src.cue_start, src.cue_end) if src and src.cue_start is not None else None, "floating"))
    return out



def _dash_name(doc: Doc, lo: int, q: int) -> tuple[Span, Span] | None:
    """Return (name, colon) for '... - Name: “...”' right before the quotation at token ``q``, or None."""
    toks = doc.toks
    if q - 3 < lo or toks[q - 1] != ":":
        return None
    dash = next((i for i in range(q - 2, max(lo, q - 7) - 1, -1) if toks[i] in {"-", "–", "—"}), None)
    if dash is None or not all(t[:1].isupper() or t in {".", "and"} for t in toks[dash + 1:q - 1]):
        return None
    speaker = speaker_right(toks, doc.spans, dash, q - 1)
    if speaker is None or doc.tok_at(speaker[1]) != q - 1:
        return None
    return speaker, doc.spans[q - 1]


def _same_paragraph(doc: Doc, a: int, b: int) -> bool:
    """Return True when offsets ``a`` and ``b`` lie in one paragraph."""
    return _PARAGRAPH_BREAK.search(doc.text, a, b) is None



def _mixed_end(doc: Doc, qe: int, sent_hi: int) -> int:
    """Return where a mixed quote ends: at the closing mark, or at the sentence end if it goes on."""
    rest = doc.text[qe:sent_hi]
    if not _WORD.search(rest) or _GERUND_NEXT.match(rest) or any(m in rest for m in MARKS) or _NEW_CLAUSE.match(rest):
        return qe  # "... “an incredible feat” - but he said ...": a new clause, not more content
    return sent_hi - len(rest) + len(rest.rstrip().rstrip(".!?"))


def _clause_subject(doc: Doc, lo: int, q: int, before_end: int) -> tuple[Span, Span] | None:
    """Return (subject, verb) of the clause a quotation at token ``q`` completes, or None.

    The clause is the quotation's sentence up to the mark (at least two words) or, for a
    quotation opening its sentence, a sentence ending in ":" right before it (``before_end``: where the
    text before the quotation ends, trailing whitespace left out).
    """
    toks = doc.toks
    if q - lo > 3 and doc.lows[lo] == "according" and toks[lo + 1] == "to":
        speaker = speaker_right(toks, doc.spans, lo + 1, q)  # "According to the Daily Caller, “...”"
        return (speaker, (doc.spans[lo][0], doc.spans[lo + 1][1])) if speaker else None
    if q - lo > 1 and toks[lo] in _INVERTED_OPENERS:
        speaker = speaker_right(toks, doc.spans, lo, q)  # 'Said Comey, “...”'
        return (speaker, doc.spans[lo]) if speaker else None
    put = next((i for i in range(lo + 2, q - 1) if doc.lows[i] in {"put", "puts"} and doc.lows[i + 1] == "it"), None)
    if put is not None:
        opener = next((i for i in range(put - 1, max(lo, put - 12) - 1, -1) if doc.lows[i] == "as"), None)
        speaker = speaker_left(toks, doc.spans, put, opener + 1) if opener is not None else None
        if speaker is not None:
            return speaker, doc.spans[put]  # 'As John Cornyn put it: “...”', 'as Vulture put it, “...”'
    if q - lo > 1 and toks[q - 1] == ":":
        dash = next((i for i in range(q - 2, max(lo, q - 8) - 1, -1) if toks[i] in {"-", "–", "—"}), lo - 1)
        speaker = speaker_right(toks, doc.spans, dash, q - 1)  # 'Clinton: “...”', 'HEADLINE - Carl Bialik: “...”'
        if speaker is not None and doc.tok_at(speaker[1]) == q - 1:
            return speaker, doc.spans[q - 1]
    if words_in(toks, lo, q, 2) < 2:
        if before_end == 0 or doc.text[before_end - 1] != ":":
            return None
        hi = doc.tok_at(before_end - 1)
        lo = max(doc.tok_at(doc.sent_of(before_end - 1)[0]), hi - MAX_REACH)
        q = hi
    return subject_and_verb(doc, lo, q)


def _abbreviation(tok: str) -> bool:
    """Return True for a token before "." that abbreviates ("Sen", "Mr", "C" of "Michael C. Cernech")."""
    return tok[:1].isupper() and (len(tok) <= 3 or tok.lower() + "." in speaker_titles())



def _sentence_like(text: str, qs: int, qe: int) -> bool:
    """Return True when the quotation ``qs:qe`` ends like a sentence (".", "!", "?" before the mark)."""
    return text[qs:qe].rstrip("”\"'’ ")[-1:] in {".", "!", "?"}
