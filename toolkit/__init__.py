"""News discourse toolkit: load news corpora, tokenize with offsets, find quotes and denials, report.

    >>> from toolkit import load_corpus
    >>> articles = load_corpus("data/sample")
"""

from .article import Article
from .boilerplate import clean_text, load_rules
from .denial_lexicon import load_lexicon
from .denials import Denial, denials_frame, find_denials, kwic
from .loaders import CorpusError, articles_frame, iter_articles, load_corpus, load_log
from .loadlog import LoadLog
from .quotes import Quote, find_quotes, quotes_frame
from .speakers import normalise_speakers

__version__ = "0.1.0"

__all__ = [
    "Article",
    "CorpusError",
    "Denial",
    "LoadLog",
    "Quote",
    "articles_frame",
    "clean_text",
    "find_quotes",
    "denials_frame",
    "find_denials",
    "iter_articles",
    "kwic",
    "load_lexicon",
    "load_corpus",
    "load_log",
    "load_rules",
    "normalise_speakers",
    "quotes_frame",
]
