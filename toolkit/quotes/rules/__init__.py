"""Quote rules, one module per family: direct (quotation marks), indirect (speech-verb complements),
around (inverted and inserted cues, "according to", headlines), phrase (noun and prepositional cues) and
sourceless (quotes without a named source). Each takes a `Doc` and returns `Quote`s naming the rule that
fired. They may import `toolkit.quotes.doc`, `.lexicon`, `.marks`, `.speakers` and `toolkit.text`.
"""

from toolkit.quotes.rules.around import headline_quote
from toolkit.quotes.rules.direct import direct_quotes
from toolkit.quotes.rules.indirect import indirect_quotes

__all__ = ["direct_quotes", "headline_quote", "indirect_quotes"]
