"""Tests for toolkit/denials/candidates.py (the context features; the candidates themselves are tested through the
finder in test_finder.py)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from toolkit.denials.candidates import _ACCUSED, ACCUSE_REACH, _accusation_before


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["accused", "Accused", "ACCUSED", "claims", "discharge", "charge", "reports", "x", "é",
                                 "\u212a", "ſ", "İ", " ", "  ", "-", "’", ".", "\n", "the", "_", "9", "said"]),
                max_size=200),
       st.integers(min_value=0, max_value=400))
def test_accusation_before_is_the_regex_search(pieces, offset):
    # the word-set test answers as the case-insensitive alternation searched over the window: a word cut at the
    # window's edge ("discharge" -> "charge") is no whole word, the Kelvin sign and the long s fold to k and s
    text = "".join(pieces)
    start = min(offset, len(text))
    expected = _ACCUSED.search(text, max(0, start - ACCUSE_REACH), start) is not None
    assert _accusation_before(text, start) == expected


def test_accusation_before_edges():
    pad = " " * (ACCUSE_REACH - 6)
    # the window opens exactly on "charge": a whole word after a space, only a tail of "discharge"
    assert _accusation_before("ab charge" + pad + "denied", 9 + len(pad)) is True
    assert _accusation_before("discharge" + pad + "denied", 9 + len(pad)) is False
    assert _accusation_before("the charge denied", 11) is True
    assert _accusation_before("the Kharge? no: accused", 0) is False
