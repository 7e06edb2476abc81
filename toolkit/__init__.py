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
"""

from toolkit.corpus import Article, CorpusError, LoadLog, articles_frame, clean_text, iter_articles, load_corpus, load_log, load_rules
from toolkit.denials import Denial, denials_frame, find_denials, kwic, load_lexicon
from toolkit.quotes import Quote, find_quotes, normalise_speakers, quotes_frame
from toolkit.version import __version__

__all__ = [
    "Article",
    "CorpusError",
    "Denial",
    "LoadLog",
    "Quote",
    "__version__",
    "articles_frame",
    "clean_text",
    "denials_frame",
    "find_denials",
    "find_quotes",
    "iter_articles",
    "kwic",
    "load_corpus",
    "load_lexicon",
    "load_log",
    "load_rules",
    "normalise_speakers",
    "quotes_frame",
]
