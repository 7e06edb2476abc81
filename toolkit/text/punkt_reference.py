"""NLTK's Punkt configured as this toolkit splits sentences: the reference `toolkit.text.punkt` reproduces.

`toolkit.text.punkt` makes Punkt's decisions in one loop over plain strings and never imports NLTK (0.3 s of
start-up, and a generator chain with one token object per word of every candidate context). This module is
the same configuration written as NLTK subclasses, so that tests compare every span and every break decision
with NLTK's own code; nothing else imports it.
"""

from __future__ import annotations

import re
from functools import lru_cache

from nltk.tokenize import RegexpTokenizer
from nltk.tokenize.punkt import PunktLanguageVars, PunktParameters, PunktSentenceTokenizer, PunktToken

from toolkit.text.punkt import DOTTED_INITIALS, SENTENCE_STARTERS, abbreviations, compile_punkt

__all__ = ["reference_sentence_tokenizer", "reference_word_tokenizer"]


class NewsLanguageVars(PunktLanguageVars):
    """Punkt language variables that treat curly quotes like the straight ones."""

    # NLTK 3.8.1 (our minimum) lists only straight quotes in these three patterns, so a
    # period before ” is not even a candidate break; spelling them out here keeps
    # curly-quoted news text working whichever NLTK version is installed.
    _re_word_start = r"[^\(\"“”\`{\[:;&\#\*@\)}\]\-,]"
    re_boundary_realignment = re.compile(r"[\"'’”)\]}‘“]+?(?:\s+|(?=--)|$)", re.MULTILINE)

    @property
    def _re_non_word_chars(self) -> str:
        """Characters that cannot appear within words, curly quotes included."""
        others = re.escape("".join(set(self.sent_end_chars) - {"."}))
        return rf"(?:[)\";}}\]\*:@\'\({{\[‘’“”{others}])"

    # NLTK compiles these two patterns with the `regex` engine behind a per-call timeout wrapper;
    # the toolkit's are compiled with `re`, reading \s and \S as `regex` does (`compile_punkt`).
    def _word_tokenizer_re(self) -> re.Pattern[str]:
        """Return the compiled Punkt word-splitting pattern (standard `re`)."""
        return compile_punkt(self._word_tokenize_fmt % {
            "NonWord": self._re_non_word_chars,
            "MultiChar": self._re_multi_char_punct,
            "WordStart": self._re_word_start,
        })

    def period_context_re(self) -> re.Pattern[str]:
        """Return the compiled Punkt sentence-break context pattern (standard `re`)."""
        return compile_punkt(self._period_context_fmt % {
            "NonWord": self._re_non_word_chars,
            "SentEndChars": self._re_sent_end_chars,
        })


class NewsToken(PunktToken):
    """Punkt token that also counts run-together initials ("G.K.", "J.R.R.") as initials."""

    __slots__ = ()

    _RE_ELLIPSIS = re.compile(r"\.\.+$")
    _RE_NUMERIC = re.compile(r"^-?[\.,]?\d[\d,\.-]*\.?$")
    _RE_INITIAL = re.compile(r"[^\W\d]\.$")
    _RE_ALPHA = re.compile(r"[^\W\d]+$")

    @property
    def is_initial(self) -> bool:
        """True for "J." or "G.K." unless the token is a listed abbreviation such as "U.S."."""
        return bool(DOTTED_INITIALS.match(self.tok)) and not self.abbr


@lru_cache(maxsize=None)
def reference_sentence_tokenizer() -> PunktSentenceTokenizer:
    """Return NLTK's Punkt with the shipped abbreviations (`toolkit/data/abbreviations.txt`) and sentence starters."""
    params = PunktParameters()
    params.abbrev_types = set(abbreviations())
    params.sent_starters = set(SENTENCE_STARTERS)
    return PunktSentenceTokenizer(params, lang_vars=NewsLanguageVars(), token_cls=NewsToken)


@lru_cache(maxsize=None)
def reference_word_tokenizer(pattern: str) -> RegexpTokenizer:
    """Return NLTK's RegexpTokenizer over a word pattern (run with the `regex` engine)."""
    return RegexpTokenizer(pattern, flags=re.UNICODE | re.VERBOSE)
