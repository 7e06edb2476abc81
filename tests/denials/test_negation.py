"""toolkit.denials.negation: what cancels a denial word, and which intensifiers join its span."""

from __future__ import annotations

import pytest

from toolkit.denials.negation import intensified_start, is_negated


def _negated(text: str, word: str) -> bool:
    return is_negated(text, text.index(word))


@pytest.mark.parametrize("text, word", [
    ("He did not deny the report.", "deny"),
    ("No one disputes the figures.", "disputes"),
    ("She refused to deny it.", "deny"),
    ("The campaign has done nothing to dispel that notion.", "dispel"),
    ("I don't think this is a ridiculous idea.", "ridiculous"),
    ("The mayor admitted that the figure was inaccurate.", "inaccurate"),
])
def test_negated_refused_or_conceded(text: str, word: str):
    assert _negated(text, word)


@pytest.mark.parametrize("text, word", [
    ("Her spokesman said the story was nothing but lies.", "lies"),
    ("He did not attend, and denied the report.", "denied"),
    # "not only ... but" adds, it does not negate
    ("She not only brushed off the findings but attacked the authors.", "brushed"),
    ("They were not only wrong but dishonest.", "wrong"),
    ("The mayor conceded the meeting took place but called the report misleading.", "misleading"),
])
def test_not_negated(text: str, word: str):
    assert not _negated(text, word)


def test_attached_intensifiers_join_the_span():
    text = "The Kremlin flatly denied the report."
    assert intensified_start(text, text.index("denied")) == text.index("flatly")
    text = "That is just flat out wrong."
    assert intensified_start(text, text.index("wrong")) == text.index("just")
    text = "The report was denied."
    assert intensified_start(text, text.index("denied")) == text.index("denied")
