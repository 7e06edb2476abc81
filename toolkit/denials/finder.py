"""The denial-phrase finder: who denies what, and how (negation-aware, categorised, linked to the denier).

Categories follow GUIDELINES.md, after Cohen (2001, *States of Denial*) and van Dijk (1992,
"Discourse and the denial of racism"): ``explicit``, ``no_evidence``, ``falsity``, ``delegitimize``,
``counter_accusation``. The phrases are data (``toolkit/data/denials.tsv``), found by a trigger-word scan
(:func:`toolkit.denials.lexicon.find_matches`; sentences are split only in paragraphs that hold a match).
Every match is a candidate; a logistic regression trained on the TRAIN gold and silver articles
(:mod:`toolkit.denials.model`, weights in ``toolkit/data/denial_model.json``) scores it from its context
(:mod:`toolkit.denials.candidates`: the entry, the sense and negation checks of :mod:`toolkit.denials.lexicon` and
:mod:`toolkit.denials.negation`, quotes, reporting and accusation words nearby), and ``min_score`` decides. The
denier comes from small rules in :mod:`toolkit.denials.deniers`.

    >>> [d.text for d in find_denials("Moscow has repeatedly denied the claims.", quotes=[])]
    ['denied']
"""

from __future__ import annotations

import bisect
import itertools
import re
from dataclasses import asdict, dataclass, fields
from typing import Any, Iterable, Sequence

import pandas as pd

from toolkit.denials.candidates import features, find_candidates, prior_logit, quote_regions
from toolkit.denials.lexicon import CATEGORIES, Lexicon, default_lexicon, load_lexicon
from toolkit.denials.model import Model, default_model
from toolkit.denials.deniers import (PRONOUNS, SPEECH_VERBS, VERB_RULES, Mention, SentenceTokens, advancer, appositive_name, prefer_name,
                                     find_denier, first_token, names_subject, noun_use, np_ending_at, speaker_of_verb,
                                     subject_before)
from toolkit.quotes.speakers import normalise_name
from toolkit.text.tokenize import Sentences

__all__ = ["Denial", "article_denials", "find_denials", "denials_frame", "kwic", "load_lexicon", "default_lexicon", "CATEGORIES"]


@dataclass(frozen=True)
class Denial:
    """One denial phrase; every offset is into the text searched, and ``text[start:end] == self.text``."""

    start: int
    end: int
    text: str
    category: str
    #: The lexicon entry id that fired (merged adjacent phrases: ids joined by "+").
    rule: str
    denier: str | None = None
    denier_start: int | None = None
    denier_end: int | None = None
    #: The denier normalised: whitespace collapsed, a leading determiner and a possessive 's dropped.
    denier_name: str | None = None
    target: str | None = None
    target_start: int | None = None
    target_end: int | None = None
    sentence_start: int = 0
    sentence_end: int = 0
    in_quote: bool = False
    #: The trained model's score in [0, 1] (``toolkit/data/denial_model.json``); kept when >= ``min_score``.
    score: float = 1.0


_PARAGRAPH = re.compile(r"\n\s*\n")
#: What a denial is aimed at: a claim noun phrase after the denial (or before a copula-denial).
_TARGET_AFTER = re.compile(
    r"\s+((?:(?:the|these|those|this|that|any|all|such|his|her|their|its|US|U\.S\.)\s+)?(?:[\w’'\-]+\s+){0,3}?"
    r"(?:claims?|allegations?|accusations?|charges?|reports?|stor(?:y|ies)|statements?|assertions?|arguments?|"
    r"suggestions?|notion|idea|premise|theor(?:y|ies)|rumou?rs?|characteri[sz]ations?|criticisms?|news|accounts?|"
    r"findings|narrative|wrongdoing|involvement|responsibility))\b",
    re.IGNORECASE,
)
_TARGET_BEFORE = re.compile(
    r"\b((?:the|these|those|this|that|such|his|her|their|its)\s+(?:[\w’'\-]+\s+){0,3}?"
    r"(?:claims?|allegations?|accusations?|charges?|reports?|stor(?:y|ies)|statements?|assertions?|arguments?|"
    r"suggestions?|notion|idea|premise|theor(?:y|ies)|rumou?rs?|characteri[sz]ations?|criticisms?|news|accounts?))"
    r"\s+(?:\w+\s+){0,6}?$",
    re.IGNORECASE,
)


def _quote_regions(text: str) -> list[tuple[int, int]]:
    """Quotation-mark regions ("..." or “...”), a fallback when no quote finder output is available."""
    return quote_regions(text)


def _default_quotes(text: str, sentences: Sentences | None = None) -> Sequence[Any]:
    try:  # lazily: the quote finder is developed separately and may not be installed yet
        from toolkit.quotes.finder import find_quotes  # type: ignore[import-not-found]
    except ImportError:
        return []
    return list(find_quotes(text, sentences=sentences))


#: The default decision threshold on :attr:`Denial.score`.
MIN_SCORE = 0.5


def _scored_matches(
    text: str, lexicon: Lexicon, model: Model, min_score: float
) -> tuple[list[tuple[int, int, str, str, float]], list[tuple[int, int]]]:
    """Candidates (:mod:`toolkit.denials.candidates`) the model scores at least ``min_score``: (start, end, category,
    rule, score); and the quotation-mark regions of ``text`` (found only when there is a candidate)."""
    candidates = find_candidates(text, lexicon)
    if not candidates:
        return [], []
    marks = _quote_regions(text)
    out = []
    for cand in candidates:
        entry = lexicon.entry(cand.rule)
        score = model.score(features(text, cand, marks), prior_logit(entry.train_n, entry.train_hits))
        if score >= min_score:
            out.append((cand.start, cand.end, cand.category, cand.rule, score))
    return out, marks


def _merge_adjacent(text: str, matches: list[tuple[int, int, str, str, float]]) -> list[tuple[int, int, str, str, float]]:
    """Merge phrases separated only by spaces into one span ("unfounded conspiracy theory"); first category wins."""
    merged: list[tuple[int, int, str, str, float]] = []
    for start, end, category, rule, score in matches:
        if merged and (start < merged[-1][1] or merged[-1][3].split("+")[-1] not in VERB_RULES and (text[merged[-1][1]:start].isspace() and "\n" not in text[merged[-1][1]:start])):
            p_start, p_end, p_cat, p_rule, p_score = merged[-1]
            best = min(p_cat, category, key=CATEGORIES.index)
            merged[-1] = (p_start, max(p_end, end), best, f"{p_rule}+{rule}", max(p_score, score))
        else:
            merged.append((start, end, category, rule, score))
    return merged


def _first_containing(
    spans: Sequence[tuple[int, int, int]], starts: Sequence[int], reach: Sequence[int], start: int, end: int,
    quotes: Sequence[Any],
) -> Any:
    """The quote of the first span (in sorted order) that contains ``start:end``, in logarithmic time: ``reach`` is
    the running maximum of the spans' ends, so the first span reaching ``end`` is the first that can contain it."""
    stop = bisect.bisect_right(starts, start)
    first = bisect.bisect_left(reach, end, 0, stop)
    return quotes[spans[first][2]] if first < stop else None


def _containing(spans: Sequence[tuple[int, int]], start: int, end: int) -> tuple[int, int] | None:
    for s, e in spans:
        if s <= start and end <= e:
            return (s, e)
    return None


class _Sentences:
    """The sentences of a text, computed per paragraph on demand (same spans as ``tokenize.sentence_spans``).

    Sentence splitting (Punkt) costs more than finding the denials, and most paragraphs hold none.
    """

    def __init__(self, text: str, shared: Sentences | None = None) -> None:
        self.text = text
        # the article's split, shared with the quote finder (each paragraph split once for both)
        self.shared = shared if shared is not None and shared.text == text else Sentences(text)
        self.paragraphs = self.shared.paragraphs
        self.starts = [p.start for p in self.paragraphs]
        self.cache: dict[int, tuple[list[tuple[int, int]], list[int]]] = {}

    def _of_paragraph(self, i: int) -> tuple[list[tuple[int, int]], list[int]]:
        if i not in self.cache:
            para = self.paragraphs[i]
            spans = [(s.start, s.end) for s in self.shared.of_paragraph(i)] or [(para.start, para.end)]
            self.cache[i] = (spans, [s for s, _ in spans])
        return self.cache[i]

    def at(self, pos: int) -> tuple[int, int]:
        """The sentence containing ``pos`` (or the last one starting before it)."""
        if not self.paragraphs:
            return (0, len(self.text))
        spans, starts = self._of_paragraph(max(0, bisect.bisect_right(self.starts, pos) - 1))
        return spans[max(0, bisect.bisect_right(starts, pos) - 1)]

    def all(self) -> list[tuple[int, int]]:
        """Every sentence of the text (as ``tokenize.sentence_spans``)."""
        return [s for i in range(len(self.paragraphs)) for s in self._of_paragraph(i)[0]]


#: How far (in characters) from a denial its denier and target are looked for inside a sentence. A news
#: sentence is far shorter; the bound keeps a text without sentence breaks linear in its length.
NEAR_CHARS = 1000


def _near(text: str, sentence: tuple[int, int], start: int, end: int) -> tuple[int, int]:
    """Clip a sentence to `NEAR_CHARS` around a denial, cutting at whitespace so that no word is split."""
    low, high = sentence
    if start - low > NEAR_CHARS:
        cut = text.find(" ", start - NEAR_CHARS, start)
        low = cut + 1 if cut >= 0 else low
    if high - end > NEAR_CHARS:
        cut = text.rfind(" ", end, end + NEAR_CHARS)
        high = cut if cut >= 0 else high
    return low, high


#: How far before a denial a claim noun phrase that it rejects is looked for ("the claims ... were").
TARGET_CHARS = 400


def _target(text: str, sentence: tuple[int, int], start: int, end: int) -> tuple[int, int] | None:
    after = _TARGET_AFTER.match(text, end, sentence[1])
    if after:
        return after.span(1)
    # the pattern ends at the denial and spans at most about ten words: no need to try it from the sentence start
    before = _TARGET_BEFORE.search(text, max(sentence[0], start - TARGET_CHARS), start)
    return before.span(1) if before else None


def _embedded_reporter(tokens: SentenceTokens, quote: tuple[int, int], sentence: tuple[int, int], start: int) -> Mention | None:
    """A reporting verb inside the quote, before the denial, whose subject is outside the quote.

    "Stoltenberg, who was present ..., “had already stated publicly that the block has no evidence”":
    the quoted clause reports Stoltenberg's words, so Stoltenberg denies, not the quote's speaker.
    """
    toks = tokens(sentence[0], sentence[1])
    for n in range(len(toks) - 1, -1, -1):
        tok = toks[n]
        if tok.start >= start or tok.start < quote[0]:
            continue
        if tok.low in SPEECH_VERBS and not noun_use(toks, n):
            subject = subject_before(toks, n)
            if subject and subject.end <= quote[0]:
                return subject
    return None


_PERSONAL = frozenset("he she they".split())
_FRAGMENT_JOINERS = frozenset(["or", "and", ",", "nor"])


def _partial_quote_reporter(tokens: SentenceTokens, quote: tuple[int, int], sentence: tuple[int, int]) -> Mention | None:
    """A reporting verb before a quote that opens mid-sentence: "She says the tweets are “lies”" -> She.

    The words before the opening mark are the author's report of the speaker's words, so the subject of
    its reporting verb is the denier (also for a fact-checker: "PolitiFact rated 32% of claims as “false”").
    """
    if quote[0] <= sentence[0] or quote[0] >= sentence[1]:
        return None
    toks = tokens.prefix(sentence, quote[0])
    n = len(toks)
    while n > 0:
        n -= 1
        tok = toks[n]
        if tok.word in {"“", "”", '"'}:
            # a coordinated quoted fragment right before ("rated ... as “false” or “pants on fire”"): skip it
            if tok.word in {"”", '"'} and all(t.low in _FRAGMENT_JOINERS for t in toks[n + 1:]) and n + 1 < len(toks):
                opening = next((k for k in range(n - 1, -1, -1) if toks[k].word in {"“", '"'}), None)
                if opening is not None:
                    n = opening
                    continue
            return None  # another quotation before: the sentence is a chain of quotes, not one report
        if tok.low in SPEECH_VERBS and not noun_use(toks, n):  # "Rubio's claim that ... is “simply not true”"
            if not tok.low.endswith("ing"):
                return speaker_of_verb(toks, n)
            subject = subject_before(toks, n) if n - 1 >= 0 and toks[n - 1].word[:1].isalnum() else None
            before = [t for t in toks if t.end <= subject.start] if subject else []
            window = [t.low for t in before[-6:]]
            if "with" in window and all(w[:1].isalnum() for w in window[window.index("with"):]):
                return subject  # "with Foreign Ministry spokeswoman Maria Zakharova saying that ..."
            # ", saying ...": a participle of the finite verb before it, which decides
    return None


def _named_reporter(text: str, tokens: SentenceTokens, sentence: tuple[int, int], start: int, pronoun: str) -> Mention | None:
    """A named (non-pronoun) subject of a reporting verb earlier in the sentence (GUIDELINES.md: prefer a name)."""
    toks = tokens.prefix(sentence, start)
    for n, tok in enumerate(toks):
        if tok.low in SPEECH_VERBS and not tok.low.endswith("ing"):
            subject = subject_before(toks, n)
            if subject is None or text[subject.start:subject.end].lower() in PRONOUNS:
                return None
            # across a coordination ("X said ..., but she denied"); into the reported clause only when the name
            # can be the pronoun ("Trump told CNN that he believed Fields had fabricated the story"), not when
            # it cannot ("Top advisers said he had rejected the idea": he rejects)
            coordinated = _COORDINATION.search(text, tok.end, start)
            last = text[subject.start:subject.end].split()[-1]
            singular_name = last[:1].isupper() and pronoun in {"he", "she"}
            return subject if coordinated or singular_name else None
    return None


_COORDINATION = re.compile(r"(?:,\s*(?:but|and|yet)|;)\s+(?:he|she|they)\b", re.IGNORECASE)


#: A letters/social-media page: a marker line ("LETTERS.", "FACEBOOK.", "TWITTER.") ...
_LETTERS_MARK = re.compile(r"(?im)^[ \t]*(?:letters(?:\s+to\s+the\s+editor)?|your\s+say|tweets|facebook|twitter|instagram)\.?[ \t]*$")
#: ... whose contributions end with a signature line: a name of 2-4 words, or a @handle.
_SIGNATURE = re.compile(r"(?m)^[ \t]*((?:[A-Z][\w.’'\-]*[ \t]+){1,3}[A-Z][\w’'\-]*|@\w+)\.?[ \t]*$")


def _signatures(text: str) -> list[tuple[int, int]]:
    """Signature lines of a letters page (GUIDELINES.md: a signed letter or tweet -> the signature).

    A name line right after a signature is its place ("Henderson, Nev.", "New York."), not a signature.
    """
    if not _LETTERS_MARK.search(text):
        return []
    out: list[tuple[int, int]] = []
    last_end = -1
    for m in _SIGNATURE.finditer(text):
        name = m.group(1)
        if name.isupper() or name.split()[0] in {"The", "A", "An"}:
            continue
        if last_end >= 0 and not text[last_end:m.start()].strip():
            continue
        out.append(m.span(1))
        last_end = m.end()
    return out


def _same_paragraph(text: str, quote: Any, marked: tuple[int, int]) -> bool:
    """Whether the quote's speaker and the quotation marks around the denial are in one paragraph (line)."""
    lo = min(int(quote.start), marked[0])
    s0 = getattr(quote, "speaker_start", None)
    lo = min(lo, int(s0)) if s0 is not None else lo
    hi = max(marked[1], int(s0)) if s0 is not None else marked[1]
    return "\n" not in text[lo:hi]


#: A fact-checker's verdict in the passive with no agent: "were rated as mostly or entirely false".
_PASSIVE_VERDICT = re.compile(r"\b(?:is|are|was|were|been|being)\s+rated\s+(?:as\s+)?[“\"‘']?(?:[\w\-]+\s+){0,3}$", re.IGNORECASE)
#: How far before a falsity word a passive verdict ("were rated as mostly") is looked for: "rated", "as" and up to
#: three words, each far shorter than this.
VERDICT_CHARS = 300
_RATER = re.compile(r"\b(?:rated|rates|rate|gave|gives|give|awarded|awards)\b", re.IGNORECASE)


def _earlier_rater(text: str, tokens: SentenceTokens, sentences: _Sentences, sentence: tuple[int, int]) -> Mention | None:
    """The subject of an active "rated"/"gave" in the three sentences before (GUIDELINES.md: fact-checkers' verdicts).

    "PolitiFact rated 22% of Democratic claims as “entirely true” ... A majority of Republican statements
    were rated as mostly false": the passive verdict is PolitiFact's.
    """
    pos = sentence[0]
    for _ in range(3):
        if pos <= 0:
            return None
        prev = sentences.at(pos - 1)
        if prev[0] >= pos:
            return None
        toks = tokens(prev[0], prev[1])
        for n, tok in enumerate(toks):
            if _RATER.fullmatch(tok.word) and n and toks[n - 1].low not in _BE_WORDS:
                subject = subject_before(toks, n)
                if subject is not None and text[subject.start:subject.end].lower() not in PRONOUNS:
                    return subject
        pos = prev[0]
    return None


_BE_WORDS = frozenset("is are was were been being be".split())


#: A headline line attributed with a trailing source: "... are smokescreen for own mistakes - Moscow".
_HEADLINE_SOURCE = re.compile(r"[ \t][-–—][ \t]+([A-Z][\w.’' &]{1,40}?)[ \t]*$")


def _headline_source(text: str, start: int) -> Mention | None:
    """The source named at the end of a one-line headline holding the denial, or None."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", start)
    line_end = len(text) if line_end < 0 else line_end
    if line_end - line_start > 250:
        return None
    match = _HEADLINE_SOURCE.search(text, line_start, line_end)
    if match is None or match.start() < start:
        return None
    return Mention(*match.span(1))


#: An embedded tweet's signature: "— Donald J. Trump (@realDonaldTrump) June 29, 2016".
_TWEET_SIGNATURE = re.compile(r"[—–]\s*((?:[A-Z][\w.’'\-]*[ \t]+){0,3}[A-Z][\w.’'\-]*)\s*\(@\w+\)")


#: A line opened by its speaker's name and a colon: a headline ("Clinton: Trump's view of the world is 'dangerously
#: wrong'") or a transcript turn ("BENENSON: Senator Sanders doesn't get to decide ..."). One to four capitalised words.
_LINE_SPEAKER = re.compile(r"[ \t]*[“\"]?((?:[A-Z][\w.’'\-]*[ \t]+){0,3}[A-Z][\w.’'\-]*):[ \t]")
#: Labels that open a line with a colon and name no speaker: a report's parts, an interview's turns.
_NO_SPEAKER = frozenset(label.strip() for label in """report, reports, correction, corrections, update, updated,
note, editor's note, editor’s note, watch, read, read more, video, photo, photos, source, sources, related, breaking,
exclusive, analysis, opinion, poll, polls, abstract, full text, warning, transcript, live, latest, the latest,
summary, background, context, caption, credit, image, images, tags, topics, share, disclosure, disclaimer,
clarification, bottom line, verdict, fact check, question, answer, more""".replace("\n", " ").split(","))


def _line_speaker(text: str, start: int) -> Mention | None:
    """The name opening the line that holds the denial with a colon ("Lynch: No outside influence ..."), or None."""
    line_start = text.rfind("\n", 0, start) + 1
    match = _LINE_SPEAKER.match(text, line_start, start)
    if match is None:
        return None
    label = match.group(1)
    if len(label) < 2 or label.lower() in _NO_SPEAKER:  # "Q:", "A:": an interview's turns name nobody
        return None
    return Mention(*match.span(1))


def _tweet_author(text: str, end: int) -> Mention | None:
    """The author signing an embedded tweet after the denial in its paragraph ("... makes everything up! — Donald J.
    Trump (@realDonaldTrump)"), or None."""
    stop = text.find("\n\n", end)
    match = _TWEET_SIGNATURE.search(text, end, len(text) if stop < 0 else stop)
    return Mention(*match.span(1)) if match else None


def _aside_subject(tokens: SentenceTokens, sentence: tuple[int, int], start: int) -> Mention | None:
    """The name right before an aside between commas that holds the denial ("Obama, in need of a change of subject,
    brought it up") when it opens its clause: the aside describes that subject."""
    toks = tokens(sentence[0], sentence[1])
    first = first_token(toks, start)
    comma = next((n for n in range(first - 1, max(-1, first - 12), -1) if toks[n].word in {",", "(", "—"}), None)
    if comma is None or comma == 0 or not toks[comma - 1].word[:1].isupper():
        return None
    closes = any(t.word in {",", ")", "—"} for t in toks[first:first + 12])
    name = np_ending_at(toks, comma - 1) if closes else None
    if name is None:
        return None
    opening = next((n for n, t in enumerate(toks) if t.start == name.start), None)
    if opening is None or (opening > 0 and toks[opening - 1].low not in {"so", "and", "but", "-", "—", "–"}):
        return None
    return name


def _quote_speaker(quote: Any) -> Mention | None:
    start, end = getattr(quote, "speaker_start", None), getattr(quote, "speaker_end", None)
    if start is None or end is None:
        return None
    return Mention(int(start), int(end))


def find_denials(
    text: str, *, quotes: Sequence[Any] | None = None, lexicon: Lexicon | None = None,
    min_score: float = MIN_SCORE, model: Model | None = None, sentences: Sentences | None = None,
) -> list[Denial]:
    """Find the denial phrases in ``text``, each with category, rule, denier, target and sentence.

    Args:
        text: the article body (offsets are into it).
        quotes: quote objects with ``start, end, speaker_start, speaker_end`` (``toolkit.quotes.finder``); a
            denial inside one takes its speaker as denier. None: run ``toolkit.quotes.finder.find_quotes`` if
            it is installed, else use quotation marks only.
        lexicon: the phrase lexicon (default: the shipped ``data/denials.tsv``); its matches are the candidates.
        min_score: keep candidates the model scores at least this (0: every candidate; raise it for precision).
        model: the trained decision (default: the shipped ``data/denial_model.json``).
        sentences: the sentence split of ``text`` (:class:`toolkit.text.tokenize.Sentences`) when the caller
            shares one between finders; None: split here, only the paragraphs that hold a candidate.

    Returns:
        Denials in text order. Negated denials ("did not deny") and other senses ("a border dispute",
        "false teeth") are left out (GUIDELINES.md; Cohen 2001; van Dijk 1992).
    """
    lexicon = default_lexicon() if lexicon is None else lexicon
    model = default_model() if model is None else model
    scored, marks = _scored_matches(text, lexicon, model, min_score)
    matches = _merge_adjacent(text, scored)
    if not matches:
        return []
    if sentences is None or sentences.text != text:
        sentences = Sentences(text)  # one split for the default quote finder and the deniers
    quotes = _default_quotes(text, sentences) if quotes is None else quotes
    quote_spans = sorted((int(q.start), int(q.end), n) for n, q in enumerate(quotes))
    quote_starts = [s for s, _, _ in quote_spans]
    reach = list(itertools.accumulate((e for _, e, _ in quote_spans), max))
    split = _Sentences(text, sentences)
    tokens = SentenceTokens(text, split.at)
    signatures: list[tuple[int, int]] | None = None
    out = []
    for start, end, category, rule, score in matches:
        sentence = split.at(start)
        sentence = _near(text, (min(sentence[0], start), max(sentence[1], end)), start, end)
        quote_obj = _first_containing(quote_spans, quote_starts, reach, start, end, quotes)
        marked_region = _containing(marks, start, end)
        if quote_obj is not None and (marked_region is None or not _same_paragraph(text, quote_obj, marked_region)):
            quote_obj = None  # a direct quote's span is quoted words: a denial outside every quotation mark is not in it
        region = (int(quote_obj.start), int(quote_obj.end)) if quote_obj is not None else _containing(marks, start, end)
        is_verb = names_subject(rule, text[start:end])
        denier: Mention | None = None
        authors = False  # the author's own verdict: no denier, whatever the fallbacks below would name
        if region is not None:
            marked = _containing(marks, start, end) or region
            denier = _embedded_reporter(tokens, marked, sentence, start) or _partial_quote_reporter(tokens, marked, sentence)
            if denier is None and quote_obj is not None and marked[0] > sentence[0] and marked[1] < sentence[1] - 2:
                # a fragment quoted inside the author's sentence ("claimed ... a “misleading use of statistics,”
                # and concluded"): the sentence's own attribution first
                denier = find_denier(text, sentence, start, end, verb=is_verb, inside=marked, tokens=tokens)
            if denier is None and quote_obj is not None:
                denier = _quote_speaker(quote_obj)
            if denier is None:
                denier = find_denier(text, sentence, start, end, verb=is_verb, inside=region, tokens=tokens)
            if denier is None and marked in marks:  # no speaker here: the attribution of the same quote chain
                denier = _fallback_attribution(text, tokens, marks, split, marked)
        else:
            denier = find_denier(text, sentence, start, end, verb=is_verb, tokens=tokens)
            if (category == "falsity" and _PASSIVE_VERDICT.search(text, max(sentence[0], start - VERDICT_CHARS), start)
                    and not re.match(r"\W*\s+by\b", text[end:end + 8])):
                denier = _earlier_rater(text, tokens, split, sentence) or denier
            if denier is not None and text[denier.start:denier.end].lower() in _PERSONAL:
                denier = _named_reporter(text, tokens, sentence, start, text[denier.start:denier.end].lower()) or denier
            authors = _authors_verdict(text, tokens, sentence, start, end, denier)
            if authors:
                denier = None
        if denier is None and not authors:
            denier = (_headline_source(text, start) or _line_speaker(text, start) or _tweet_author(text, end)
                      or _aside_subject(tokens, sentence, start))
        if signatures is None:
            signatures = _signatures(text)
        signature = next((sig for sig in signatures if sig[0] >= end), None) if signatures else None
        if signature is not None and (region is None or denier is None):
            denier = Mention(*signature)
        if denier is not None:
            denier = appositive_name(text, prefer_name(text, tokens, sentence, denier))
        target = _target(text, sentence, start, end)
        out.append(Denial(
            start=start, end=end, text=text[start:end], category=category, rule=rule,
            denier=text[denier.start:denier.end] if denier else None,
            denier_start=denier.start if denier else None, denier_end=denier.end if denier else None,
            denier_name=normalise_name(text[denier.start:denier.end]) if denier else None,
            target=text[target[0]:target[1]] if target else None,
            target_start=target[0] if target else None, target_end=target[1] if target else None,
            sentence_start=sentence[0], sentence_end=sentence[1], in_quote=region is not None, score=round(score, 4),
        ))
    return out


#: What opens the complement of "without evidence" ("of her intent", "that he knew"): then it is no adverbial.
_COMPLEMENT = re.compile(r"\s+(?:of|that|to|for)\b")
#: Adverbs by which the author labels a claim as it is reported ("alleging - again falsely - that").
_VERDICT_ADVERBS = frozenset("falsely wrongly erroneously baselessly inaccurately misleadingly".split())


def _authors_verdict(
    text: str, tokens: SentenceTokens, sentence: tuple[int, int], start: int, end: int, denier: Mention | None
) -> bool:
    """Whether a denial outside quotation marks is the author's verdict on a claim its would-be denier puts
    forward ("Trump claimed ..., but offered no proof"; "Citing an unfounded theory, Trump accused"; "alleging
    falsely"): GUIDELINES.md gives the author's own voice no denier."""
    if text[start:end].lower().split()[-1] in _VERDICT_ADVERBS:
        return True
    if text[start:end].lower().startswith("without ") and not _COMPLEMENT.match(text, end):
        return True  # "She also said, without evidence, that"; not "no precedent for ... without evidence of her intent"
    if denier is None:
        return False
    claimant = advancer(tokens(sentence[0], sentence[1]), start)
    if claimant is None:
        return False
    claimant = prefer_name(text, tokens, sentence, claimant)  # named as the denier is ("Trump was ... when he told")
    return claimant.start < denier.end and denier.start < claimant.end


def _fallback_attribution(
    text: str, tokens: SentenceTokens, marks: list[tuple[int, int]], sentences: _Sentences, region: tuple[int, int]
) -> Mention | None:
    """The attribution of a quotation-mark region, or of the previous region of the same paragraph.

    Multi-sentence quotes ("“A,” he said. “B.”") are attributed once (GUIDELINES.md: "the speaker of
    its attribution even if sentences away").
    """
    index = marks.index(region)
    for k in range(index, max(-1, index - 4), -1):
        s, e = marks[k]
        if k < index and _PARAGRAPH.search(text, e, marks[k + 1][0]):
            break
        for pos in (e - 1, s):
            sentence = _near(text, sentences.at(pos), pos, pos)
            mention = find_denier(text, sentence, e if pos != s else s, e if pos != s else s, verb=False, inside=(s, e),
                                  tokens=tokens)
            if mention:
                return mention
    return None


def title_in_body(title: str, text: str) -> bool:
    """Return True when the body already opens with the title (PolNeAR and many exports do)."""
    def words(value: str) -> list[str]:
        return re.findall(r"\w+", value.lower())

    head = words(title)
    return bool(head) and words(text[: len(title) + 200])[: len(head)] == head


def article_denials(
    text: str, title: str | None, *, quotes: Sequence[Any] | None = None, lexicon: Lexicon | None = None,
    min_score: float = MIN_SCORE, model: Model | None = None, sentences: Sentences | None = None,
) -> list[tuple[str, Denial]]:
    """Return (field, Denial) for an article's title and body; a title the body opens with counts once.

    Headlines carry denials too ("... are smokescreen for own mistakes - Moscow"); the loader moves a
    scraped title out of the body, so the title is searched as well (offsets into the title).
    ``sentences`` is the body's sentence split, as for `find_denials`.
    """
    options: dict[str, Any] = {"lexicon": lexicon, "min_score": min_score, "model": model}
    denials = [("text", d) for d in find_denials(text, quotes=quotes, sentences=sentences, **options)]
    if title and not title_in_body(title, text):
        denials = [("title", d) for d in find_denials(title, **options)] + denials
    return denials


def denials_frame(
    articles: pd.DataFrame, *, lexicon: Lexicon | None = None, include_title: bool = True, min_score: float = MIN_SCORE
) -> pd.DataFrame:
    """Return one row per denial (``doc_id``, ``field`` = "text"/"title", then the Denial fields), sorted.

    Titles are searched with ``include_title`` (see `article_denials`), offsets into the title.
    """
    columns = ["doc_id", "field"] + [f.name for f in fields(Denial)]
    titles = articles["title"] if include_title and "title" in articles else [None] * len(articles)
    rows = []
    for doc_id, text, title in zip(articles["doc_id"], articles["text"], titles):
        title = title if isinstance(title, str) else None
        if isinstance(text, str):
            rows.extend({"doc_id": doc_id, "field": name, **asdict(d)}
                        for name, d in article_denials(text, title, lexicon=lexicon, min_score=min_score))
    frame = pd.DataFrame(rows, columns=columns)
    for column in ("denier_start", "denier_end", "target_start", "target_end"):
        frame[column] = frame[column].astype("Int64")
    return frame.sort_values(["doc_id", "field", "start", "end"], kind="stable").reset_index(drop=True)


def kwic(denials_df: pd.DataFrame, articles_df: pd.DataFrame, window: int = 60) -> pd.DataFrame:
    """Return a keyword-in-context concordance: left, phrase, right, doc_id, category, denier."""
    texts = dict(zip(articles_df["doc_id"], articles_df["text"]))
    titles = dict(zip(articles_df["doc_id"], articles_df["title"])) if "title" in articles_df else {}
    rows = []
    for row in denials_df.itertuples(index=False):
        source = titles.get(row.doc_id) if getattr(row, "field", "text") == "title" else texts.get(row.doc_id)
        source = source or ""
        left = " ".join(source[max(0, row.start - window):row.start].split())
        right = " ".join(source[row.end:row.end + window].split())
        rows.append({"left": left, "phrase": row.text, "right": right, "doc_id": row.doc_id,
                     "category": row.category, "denier": row.denier})
    return pd.DataFrame(rows, columns=["left", "phrase", "right", "doc_id", "category", "denier"])


def iter_denial_records(denials: Iterable[Denial], *, doc: str, field: str = "text") -> Iterable[dict[str, Any]]:
    """Yield JSON-ready dicts (the CLI's output format) for denials of one document."""
    for d in denials:
        yield {"doc": doc, "field": field, **asdict(d)}
