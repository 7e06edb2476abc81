"""Tests for toolkit.text.punkt: every span and break decision equals NLTK's Punkt in the same configuration."""

from __future__ import annotations

import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from nltk.tokenize.punkt import PunktSentenceTokenizer

from conftest import POLNEAR, ROOT, SAMPLE, needs_polnear
from toolkit.text.punkt import annotated_break, contains_break, punkt_slices
from toolkit.text.punkt_reference import reference_sentence_tokenizer
from toolkit.text.tokenize import paragraph_spans

# Pieces of Punkt candidate contexts: words, listed abbreviations, sentence starters, initials, numbers,
# marks, and the whitespace (\x1c is space to `re` but not to Punkt) that decide its tokens.
_CONTEXT_PIECES = ["said", "Mr", "mr", "Sen", "U.S", "J", "ab", "The", "the", "He", "Officials", "3", "1,000", ".", "..",
                   ". .", "?", "!", " ", "  ", "\n", "\t", "\x1c", "'s", "’s", ",", ";", ")", "“", "”", '"', "-", "--", "#",
                   "G.K", "J.", "2016.", "no", "Inc", "...", "\xa0", "\r", "\x0b"]

# Punkt's contexts are a word, a candidate mark, usually a space and a word, then anything.
_CONTEXTS = st.tuples(st.sampled_from(_CONTEXT_PIECES[:14]), st.sampled_from([".", "?", "!", "", "..."]),
                      st.sampled_from([" ", "\n", "\x1c", ""]), st.sampled_from(["", *_CONTEXT_PIECES[:14]]),
                      st.lists(st.sampled_from(_CONTEXT_PIECES), max_size=4)).map(lambda t: "".join(t[:4]) + "".join(t[4]))

# Whole texts: words, abbreviations, initials, numbers, marks, quotes and every kind of space and line break.
_TEXT_PIECES = st.sampled_from(
    ["said", "Mr.", "U.S.", "J.", "G.K.", "The", "the", "He", "Officials", "eBay", "2016.", "no.", "Inc.", "1,000",
     " ", "  ", "\n", "\n\n", "\r\n", "\t", "\x1c", "\x0b", "\x0c", "\xa0", ".", "?", "!", "...", ". . .", "…", ",", ";",
     ":", "(", ")", "“", "”", "‘", "’", '"', "'", "-", "--", "—", "#", "[", "]"]
)
_TEXTS = st.lists(st.one_of(_TEXT_PIECES, st.text(max_size=4)), max_size=50).map("".join)


def _nltk_slices(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """NLTK's span_tokenize of `text[start:end]`, as offsets into `text`."""
    return [(start + s, start + e) for s, e in reference_sentence_tokenizer().span_tokenize(text[start:end])]


def _nltk_break(context: str) -> bool:
    return PunktSentenceTokenizer.text_contains_sentbreak(reference_sentence_tokenizer(), context)


@settings(max_examples=3000, deadline=None)
@given(_CONTEXTS)
def test_decisions_equal_nltk_on_generated_contexts(context: str) -> None:
    expected = _nltk_break(context)
    assert contains_break(context) == expected, context
    assert annotated_break(context) == expected, context


@pytest.mark.parametrize("context", ["said. The", "said.” He", "said. . . more", "said.  .", "Mr. Obama", "Mr. The",
                                     "Mr. the", "Mrs. Clinton's", "Sen. However,", "Jr. for", "ab.\x1cThe", "J. Smith",
                                     "27. After", "U.S. The", "said. ...", "J. the", "G.K. The", "2016. The", "2016. the",
                                     "no. The", "... The", "...\nThe", "said.\n\nThe", "Inc. ,", "J. ,",
                                     "U.S. officials", "U.S. The", "J. Smith,", "J. 11", "G.K. 3", "e.g. the", "U.Sa. x",
                                     "Sept. 11", "Sept. 11.", "Mr. Smith.", "Mr. Smith's.", "2016. the", "2016. 3",
                                     "J. K.", "Sen. However's", "“Why?” he", "Why? The", "Why?! No", "U.S.? No"])
def test_decisions_equal_nltk_on_common_contexts(context: str) -> None:
    expected = _nltk_break(context)
    assert contains_break(context) == expected
    assert annotated_break(context) == expected


@settings(max_examples=1500, deadline=None)
@given(_TEXTS, st.integers(0, 60), st.integers(0, 60))
def test_slices_equal_nltk_on_generated_texts(text: str, cut_start: int, cut_end: int) -> None:
    assert punkt_slices(text, 0, len(text)) == _nltk_slices(text, 0, len(text)), text
    start, end = sorted((min(cut_start, len(text)), min(cut_end, len(text))))
    assert punkt_slices(text, start, end) == _nltk_slices(text, start, end), (text, start, end)


def _corpus_texts() -> list[str]:
    paths = sorted(SAMPLE.rglob("*.txt"))
    for split in ("train", "dev"):
        paths += sorted((POLNEAR / split / "text").glob("*.txt"))
    return [path.read_text(encoding="utf-8") for path in paths]


@needs_polnear
def test_slices_and_decisions_equal_nltk_on_polnear_and_sample() -> None:
    # Every paragraph (as the toolkit splits them) and every whole text of PolNeAR train and dev and the sample.
    texts = _corpus_texts()
    assert len(texts) > 900
    reference = reference_sentence_tokenizer()
    for text in texts:
        for para in paragraph_spans(text):
            assert punkt_slices(text, para.start, para.end) == _nltk_slices(text, para.start, para.end)
        assert punkt_slices(text, 0, len(text)) == _nltk_slices(text, 0, len(text))
        for _, context in reference._match_potential_end_contexts(text):
            expected = _nltk_break(context)
            assert annotated_break(context) == expected, context
            assert contains_break(context) == expected, context


def test_sentence_splitting_imports_no_nltk() -> None:
    script = ("import sys; from toolkit.text.tokenize import sentences; "
              "assert sentences('Mr. Smith left. He came back.') == ['Mr. Smith left.', 'He came back.']; "
              "assert 'nltk' not in sys.modules, 'nltk imported'")
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stderr[-2000:]
