"""Tests for toolkit/denials/starts.py: where a lexicon pattern's match can begin."""

from __future__ import annotations

import dataclasses
import random
import re

import pytest

import toolkit.denials.lexicon as lexicon_module
from toolkit.denials.lexicon import default_lexicon, entry_regex, find_matches, split_passes
from toolkit.denials.starts import opening_chars, start_scanner


def test_opening_chars_of_alternatives_and_optional_words():
    assert opening_chars("(?:did|does)n't|never") == set("dDnN")
    assert opening_chars(r"(?:just\s+)?for\s+show") == set("jJfF")
    # lookarounds consume nothing: the word after them opens the match
    assert opening_chars(r"(?<!\w)(?<!\w['’])(?:not)(?!\w)") == set("nN")
    # case-insensitive matching also pairs "s" with the long s, "k" with the Kelvin sign, "i" with dotted/dotless I
    assert "\u017f" in opening_chars("sham") and "\u212a" in opening_chars("kibitz") and "\u0130" in opening_chars("is")
    assert opening_chars("[a-c]x") == set("aAbBcC") | {"\u212a"} - {"\u212a"}
    assert opening_chars("’tis") == {"’"}


@pytest.mark.parametrize("source", [r"\w+ denied", r".?lie", r"(?:not)?", r"[^x]y", r"(?:no|\w)ne", r"[\s]no", "\u00c9tat"])
def test_unbounded_openings_give_no_scanner(source):
    # a word class, any character, an empty match, a negated class, a back reference, a cased non-ASCII letter
    assert opening_chars(source) is None
    assert start_scanner(source) is None


def test_scanner_finds_word_starts_only():
    scanner = start_scanner("(?:did|does) not|never")
    text = "did, xdid dDid ’did didn’t never-Never ab-never"
    starts = [m.start() for m in scanner.finditer(text)]
    # not inside "xdid" or "dDid", not after the apostrophe of a word; after a space, a quote mark or a hyphen
    assert [text[s:s + 5] for s in starts] == ["did, ", "dDid ", "did d", "didn’", "never", "Never", "never"]
    assert all(s == 0 or not re.match(r"\w", text[s - 1]) for s in starts)


def _window_matcher(lexicon):
    """The matcher of ``lexicon`` with every entry searched over its whole window (no start scanner)."""
    m = lexicon_module._matcher(lexicon)
    return dataclasses.replace(m, starters=(None,) * len(m.patterns))


#: Words of the commonest multi-word entries (negated clauses, verdicts on a claim, motives) and their neighbours.
_VOCABULARY = """did does do had has have was were is are never not n't n’t didn’t wasn't it's that's it’s he she they
I we it that this the a his her their own political partisan hidden agenda calculation campaign against made make up
story true accurate case wrong mistaken off base silly been confirmed verified proven evidence no any claims claim
think believe simply just really sure nobody neither nor ever knew sent told said insisted responded stressed photo op
for show just dog whistle question idea notion contest challenge points score turn tables back on Mr. “ ” " , . - —
\n ’s""".split()


@pytest.mark.parametrize("part", [0, 1])
def test_start_scanner_finds_what_the_window_search_finds(part, monkeypatch):
    # texts of the lexicon's own words, in any order and case, with quote marks, hyphens and line breaks: the
    # start positions tried must give every match the search of the whole window gives
    lexicon = split_passes(default_lexicon())[part]
    assert any(s is not None for s in lexicon_module._matcher(lexicon).starters)
    vocab = _VOCABULARY
    rng = random.Random(20261203 + part)
    texts = []
    for _ in range(400):
        words = [rng.choice(vocab) for _ in range(rng.randint(5, 80))]
        words = [w.upper() if rng.random() < 0.05 else w.capitalize() if rng.random() < 0.1 else w for w in words]
        texts.append("".join(w + rng.choice([" ", " ", " ", "  ", "-", "\n", ", "]) for w in words))
    fast = [find_matches(t, lexicon) for t in texts]
    monkeypatch.setattr(lexicon_module, "_matcher", lambda lex, _m=_window_matcher(lexicon): _m)
    slow = [find_matches(t, lexicon) for t in texts]
    assert fast == slow
    assert sum(map(len, fast)) > 40  # the texts do hold matches


def test_every_shipped_scanner_accepts_its_own_matches():
    # each entry's matches on the sample text begin where its scanner says a match can begin
    for entry in default_lexicon().entries:
        pattern = entry_regex(entry.pattern)
        scanner = start_scanner(pattern.pattern, pattern.flags)
        if scanner is None:
            continue
        for sample in ("They denied it; the claims are not true, he never did, “fake news” and a smear campaign.",):
            for match in pattern.finditer(sample):
                assert scanner.match(sample, match.start()) is not None, (entry.id, match.group())
