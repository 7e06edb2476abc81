"""Negation, modality and intensifiers around a denial word (pure regex checks on the left context).

A negated or questioned denial is no denial ("did not deny", "no one disputes", "refused to deny",
"could not refute": GUIDELINES.md, "What is not a denial"); an intensifier directly attached to the
denial word belongs to its span ("flatly denied", "categorically untrue": hard-case decisions).
"""

from __future__ import annotations

import re

#: A negator, modal refusal or difficulty, then at most two words ("did not immediately deny", "has done nothing to
#: dispel"; not "nothing but lies", nor "not only brushed off ... but"), then the denial. No punctuation may
#: intervene: "he did not attend, and denied" is a denial.
_NEGATED = re.compile(
    r"(?:\b(?:not(?!\s+only\b)|never|no(?:\s+one|body)?|nobody|none|neither|nor|hardly|cannot|without|"
    r"nothing(?!\s+but\b)|"
    r"refus(?:e|es|ed|ing)\s+to|declin(?:e|es|ed|ing)\s+to|fail(?:s|ed|ing)?\s+to|unable\s+to|"
    r"(?:hard|difficult|impossible)\s+to|no\s+longer)|n[’']t)"
    r"(?:\s+[\w’'\-]+){0,2}\s+$",
    re.IGNORECASE,
)

#: Intensifiers that are inside the span when directly attached (up to two: "just flat out wrong").
_INTENSIFIER = (
    r"(?:flatly|categorically|strongly|vehemently|firmly|totally|completely|entirely|absolutely|utterly|"
    r"patently|demonstrably|simply|just|flat[\s\-]+out|100\s*(?:percent|%)|mostly|wholly|blatantly|"
    r"outright|emphatically|adamantly|vigorously|roundly|squarely|very|deeply|staunchly|"
    r"resolutely|unequivocally|forcefully|angrily|indignantly)"
)
_INTENSIFIERS = re.compile(rf"(?<![\w’'])(?:{_INTENSIFIER}\s+){{1,2}}$", re.IGNORECASE)


#: A negated opinion whose clause predicates the denial word ("I don't think this is a ridiculous idea", "we do not
#: believe those reports were false"): the speaker withholds the label, so it is no denial.
_NOT_THINK = re.compile(
    r"(?:\b(?:not|never)|n[’']t)\s+(?:think|believe)\s+(?:that\s+)?(?:[\w’'\-]+\s+){0,3}?"
    r"(?:is|are|was|were|be|[’']s|[’']re)\s+(?:(?:a|an|so|that|very|really|at\s+all)\s+)?$",
    re.IGNORECASE,
)


#: An admission whose clause holds the denial word ("Carson admitted that the course name in his book was
#: inaccurate", "conceded he had lied"): the speaker owns the error, so it is no denial. A "but" or punctuation
#: between ends the admission ("conceded that he had touched her but implied it was her fault").
_ADMITTED = re.compile(
    r"\b(?:admit(?:s|ted|ting)?|acknowledg(?:e|es|ed|ing)|conced(?:e|es|ed|ing)|confess(?:es|ed|ing)?)\s+"
    r"(?:that\s+)?(?:(?!but\b|yet\b)[\w’'\-]+\s+){0,10}$",
    re.IGNORECASE,
)


def is_negated(text: str, start: int) -> bool:
    """Whether the denial starting at ``start`` is negated, refused or conceded ("did not deny", "no one disputes",
    "I don't think this is a ridiculous idea", "admitted that the name was inaccurate")."""
    return (_NEGATED.search(text, max(0, start - 60), start) is not None
            or _NOT_THINK.search(text, max(0, start - 80), start) is not None
            or _ADMITTED.search(text, max(0, start - 120), start) is not None)


def intensified_start(text: str, start: int) -> int:
    """Return where the span starts once directly attached intensifiers are included ("flatly denied")."""
    match = _INTENSIFIERS.search(text, max(0, start - 40), start)
    return match.start() if match else start
