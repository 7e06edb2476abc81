"""Quotes: who is quoted, saying what, through which cue; direct, mixed and indirect quotations.

`finder` is the entry point; `doc` holds the tokenised article the rules share; `rules/` has one module per
rule family; `speakers` names and resolves speakers; `lexicon` loads the speech-verb, cue-phrase and title
data files. It may import `toolkit.text` and `toolkit.data`, not `corpus` or anything above.
"""

from toolkit.quotes.doc import QUOTE_FIELDS, Quote
from toolkit.quotes.finder import find_quotes, quotes_frame
from toolkit.quotes.speakers import normalise_name, normalise_speakers, resolve_pronouns

__all__ = ["QUOTE_FIELDS", "Quote", "find_quotes", "normalise_name", "normalise_speakers", "quotes_frame", "resolve_pronouns"]
