"""News discourse toolkit: load news corpora, tokenize with offsets, find quotes and denials, report.

    >>> from toolkit import load_corpus
    >>> articles = load_corpus("data/sample")

One subpackage per component; imports point down this list, never up (checked by import-linter, see
pyproject.toml):

    cli         the command line (`python -m toolkit`)
    reports     report notebooks' tables, figures, article viewer, papermill runner
    evaluation  scores against gold annotations        pipeline    whole-corpus extraction, datasets
    denials     the denial finder
    quotes      the quote finder
    corpus      loaders, decoding, boilerplate, dates  text        tokenizers with offsets

The names below are imported on first use (PEP 562), so `import toolkit` and `python -m toolkit --help`
do not pay for pandas and NLTK; `from toolkit import load_corpus` works as before.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from toolkit.version import __version__

if TYPE_CHECKING:  # what type checkers and IDEs see; at run time `__getattr__` imports these on first use
    from toolkit.corpus import Article, CorpusError, LoadLog, articles_frame, clean_text, iter_articles, load_corpus, load_log, load_rules
    from toolkit.denials import Denial, denials_frame, find_denials, kwic, load_lexicon
    from toolkit.quotes import Quote, find_quotes, normalise_speakers, quotes_frame

#: Public name -> the component that defines it.
_LAZY = {
    **dict.fromkeys(["Article", "CorpusError", "LoadLog", "articles_frame", "clean_text", "iter_articles", "load_corpus",
                     "load_log", "load_rules"], "toolkit.corpus"),
    **dict.fromkeys(["Denial", "denials_frame", "find_denials", "kwic", "load_lexicon"], "toolkit.denials"),
    **dict.fromkeys(["Quote", "find_quotes", "normalise_speakers", "quotes_frame"], "toolkit.quotes"),
}

__all__ = sorted([*_LAZY, "__version__"])


def __getattr__(name: str) -> Any:
    """Import a public name's component on first use and keep the name here (later lookups are plain)."""
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    """The module's names with the public ones not yet imported, for completion and `dir(toolkit)`."""
    return sorted({*globals(), *__all__})
