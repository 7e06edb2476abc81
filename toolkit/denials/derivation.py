"""Lexicon entries and entry statistics derived from denial gold (pure: gold + texts in, entries out).

Two jobs, both called by ``scripts/derive_denial_lexicon.py`` on the whole TRAIN gold and by the
cross-validation (:func:`toolkit.evaluation.denials.cross_validate`) on the four training folds only, so the
held-out fold never shapes the lexicon it is scored with:

- :func:`entry_counts`: per entry, its candidates in the texts and how many overlap a gold denial (the
  ``train_n`` / ``train_precision`` columns, and the model's prior feature);
- :func:`derive_entries`: new entries read off the gold spans: every 1-2 word sequence of a gold denial span
  that has at least ``min_hits`` gold hits and precision at least ``min_precision`` over all its (not negated)
  occurrences in the texts. Sequences already covered by a lexicon entry, stopword-only ones and those that
  contain an already kept shorter sequence are left out.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace
from typing import Any, Mapping, Sequence

from toolkit.denials.candidates import find_candidates
from toolkit.denials.lexicon import Entry, Lexicon, find_matches
from toolkit.denials.negation import is_negated

#: Provenance of derived entries in ``toolkit/data/denials.tsv`` (how the CV tells them from the written ones).
DERIVED_SOURCE = "TRAIN gold (derived)"
#: The shipped rule (chosen by 5-fold CV on TRAIN, in-fold derivation: see scripts/derive_denial_lexicon.py). At 3
#: hits nothing is derived from the 140 TRAIN articles: 2-hit wordings did not recur in held-out folds.
MIN_HITS = 3
MIN_PRECISION = 0.6
MAX_WORDS = 2

_TOKEN = re.compile(r"[A-Za-z][\w’'\-]*")
#: Function words: a derived sequence needs a word outside this list (and of 3+ letters).
STOPWORDS = frozenset("""a an the this that these those it its it's he she they we i you him her them us me my our
their his your is are was were be been being am do does did done have has had will would could should can may
might must to of in on at for by with from as and or but if so not no never nor n't don't didn't doesn't isn't
wasn't aren't weren't there here what which who whom whose when where why how all any some every each just very
also than then too more most much many such only about into over out up down off again said says say""".split())


@dataclass(frozen=True)
class Derived:
    """A derived entry's evidence: gold denials it overlaps (``hits``) among its ``n`` occurrences."""

    entry: Entry
    n: int
    hits: int
    categories: Mapping[str, int]


def _spans(golds: Sequence[Mapping[str, Any]]) -> list[tuple[int, int, str]]:
    return [(int(g["start"]), int(g["end"]), str(g.get("category", "explicit"))) for g in golds]


def _overlap(start: int, end: int, spans: Sequence[tuple[int, int, str]]) -> tuple[int, int, str] | None:
    return next((s for s in spans if start < s[1] and s[0] < end), None)


def entry_counts(
    gold: Mapping[str, Sequence[Mapping[str, Any]]], texts: Mapping[str, str], lexicon: Lexicon
) -> dict[str, dict[str, tuple[int, int]]]:
    """``{doc: {entry id: (candidates, candidates overlapping gold)}}`` for the documents of ``gold``."""
    out: dict[str, dict[str, tuple[int, int]]] = {}
    for doc in sorted(gold):
        spans = _spans(gold[doc])
        counts: dict[str, list[int]] = {}
        for cand in find_candidates(texts[doc], lexicon):
            c = counts.setdefault(cand.rule, [0, 0])
            c[0] += 1
            c[1] += _overlap(cand.start, cand.end, spans) is not None
        out[doc] = {k: (v[0], v[1]) for k, v in counts.items()}
    return out


def total_counts(
    per_doc: Mapping[str, Mapping[str, tuple[int, int]]], *, leave_out: str | None = None
) -> dict[str, tuple[int, int]]:
    """Sum of :func:`entry_counts` over documents (all, or all but ``leave_out``)."""
    total: dict[str, tuple[int, int]] = {}
    for doc, counts in per_doc.items():
        if doc == leave_out:
            continue
        for rule, (n, h) in counts.items():
            n0, h0 = total.get(rule, (0, 0))
            total[rule] = (n0 + n, h0 + h)
    return total


def with_counts(lexicon: Lexicon, counts: Mapping[str, tuple[int, int]]) -> Lexicon:
    """The lexicon with every entry's ``train_n`` / ``train_hits`` set from ``counts`` (0 when absent)."""
    return Lexicon(tuple(replace(e, train_n=counts.get(e.id, (0, 0))[0], train_hits=counts.get(e.id, (0, 0))[1])
                         for e in lexicon.entries))


def _words(text: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group().lower().replace("’", "'")) for m in _TOKEN.finditer(text)]


def _ngrams(words: Sequence[tuple[int, int, str]], size: int) -> list[tuple[int, int, tuple[str, ...]]]:
    return [(words[i][0], words[i + size - 1][1], tuple(w for _, _, w in words[i:i + size]))
            for i in range(len(words) - size + 1)]


def _content(gram: tuple[str, ...]) -> bool:
    return any(w not in STOPWORDS and len(w) >= 3 and w.replace("-", "").replace("'", "").isalpha() for w in gram)


def derive_entries(
    gold: Mapping[str, Sequence[Mapping[str, Any]]], texts: Mapping[str, str], base: Lexicon, *,
    min_hits: int = MIN_HITS, min_precision: float = MIN_PRECISION, max_words: int = MAX_WORDS,
) -> list[Derived]:
    """New entries read off the gold spans of ``gold`` (see the module docstring), shortest first, then by text.

    An occurrence counts when it is not negated ("not unfair") and not inside a match of a ``base`` entry
    (those words are the base lexicon's to decide); a hit is an occurrence overlapping a gold span.
    """
    docs = sorted(gold)
    proposals: set[tuple[str, ...]] = set()
    for doc in docs:
        text = texts[doc]
        for start, end, _ in _spans(gold[doc]):
            words = _words(text[start:end])
            for size in range(1, max_words + 1):
                proposals.update(g for _, _, g in _ngrams(words, size) if _content(g))
    stats: dict[tuple[str, ...], list[Any]] = {}
    for doc in docs:
        text = texts[doc]
        spans = _spans(gold[doc])
        taken = [(s, e) for s, e, _ in find_matches(text, base)]
        words = _words(text)
        for size in range(1, max_words + 1):
            for start, end, gram in _ngrams(words, size):
                if gram not in proposals or any(s < end and start < e for s, e in taken) or is_negated(text, start):
                    continue
                record = stats.setdefault(gram, [0, 0, Counter()])
                record[0] += 1
                hit = _overlap(start, end, spans)
                if hit is not None:
                    record[1] += 1
                    record[2][hit[2]] += 1
    kept: list[Derived] = []
    for gram in sorted(stats, key=lambda g: (len(g), g)):
        n, hits, cats = stats[gram]
        if hits < min_hits or hits / n < min_precision:
            continue
        if any(_contains(gram, d.entry.pattern.split()) for d in kept):
            continue
        category = max(sorted(cats), key=lambda c: cats[c])
        entry = Entry("d:" + "_".join(gram), " ".join(gram), category,
                      f"{DERIVED_SOURCE}: {hits} of {n} occurrences are gold denials", (("negatable", ""),))
        kept.append(Derived(entry, n, hits, dict(cats)))
    return kept


def _contains(gram: tuple[str, ...], shorter: Sequence[str]) -> bool:
    k = len(shorter)
    return any(tuple(gram[i:i + k]) == tuple(shorter) for i in range(len(gram) - k + 1))


def written_entries(lexicon: Lexicon) -> Lexicon:
    """The lexicon without its derived entries (the guideline, literature and inspection entries)."""
    return Lexicon(tuple(e for e in lexicon.entries if not e.source.startswith(DERIVED_SOURCE)))


def derived_lexicon(
    gold: Mapping[str, Sequence[Mapping[str, Any]]], texts: Mapping[str, str], lexicon: Lexicon, *,
    extra: Mapping[str, Sequence[Mapping[str, Any]]] | None = None, **rule: Any
) -> Lexicon:
    """The lexicon as the derivation makes it from ``gold``: its written entries, the entries derived from
    ``gold``, and every entry's counts over ``gold`` and ``extra`` (what ``scripts/derive_denial_lexicon.py`` writes).

    ``extra``: more annotated articles (the silver ones) that count toward the entries' precision but derive no
    entry: over them the 1-2 word rule read off article-bound phrases ("judge and", "mind is").
    """
    base = written_entries(lexicon)
    derived = Lexicon(base.entries + tuple(d.entry for d in derive_entries(gold, texts, base, **rule)))
    return with_counts(derived, total_counts(entry_counts(merged_gold(gold, extra), texts, derived)))


def merged_gold(
    gold: Mapping[str, Sequence[Mapping[str, Any]]], extra: Mapping[str, Sequence[Mapping[str, Any]]] | None
) -> dict[str, Sequence[Mapping[str, Any]]]:
    """``gold`` and ``extra`` in one mapping; an article in both is an error (it would count twice)."""
    both = dict(gold)
    for doc, golds in (extra or {}).items():
        if doc in both:
            raise ValueError(f"article {doc!r} is both in the gold and in the extra training articles")
        both[doc] = golds
    return both
