"""Tests for toolkit/quotes/doc.py: the Quote record as make_quote builds it."""

from __future__ import annotations

import dataclasses

import pytest

from toolkit.quotes.doc import Quote, make_doc, make_quote


def test_make_quote_is_the_dataclass_built_normally():
    # make_quote fills the quote's fields directly (a frozen dataclass's __init__ costs a call per field): it must
    # hold every field of Quote, in order, with the defaults, whatever fields Quote gains
    text = "  “We never did that,” the spokesman said.  "
    doc = make_doc(text)
    start, end = text.index("“"), text.index("”") + 1
    speaker = (text.index("the spokesman"), text.index(" said"))
    cue = (text.index("said"), text.index("said") + 4)
    got = make_quote(doc, start - 2, end + 1, "direct", speaker, cue, "direct_after")
    expected = Quote(start, end, text[start:end], "direct", "the spokesman", speaker[0], speaker[1], "said", cue[0],
                     cue[1], "direct_after")
    assert got == expected and hash(got) == hash(expected) and repr(got) == repr(expected)
    assert list(vars(got)) == [f.name for f in dataclasses.fields(Quote)]
    with pytest.raises(dataclasses.FrozenInstanceError):
        got.start = 0  # type: ignore[misc]
