"""News discourse toolkit: load news corpora, tokenize with offsets, find quotes and denials, report.

    >>> from toolkit import load_corpus
    >>> articles = load_corpus("data/sample")
"""

from .article import Article
from .boilerplate import clean_text, load_rules
from .loaders import CorpusError, articles_frame, iter_articles, load_corpus, load_log
from .loadlog import LoadLog

__version__ = "0.1.0"

__all__ = [
    "Article",
    "CorpusError",
    "LoadLog",
    "articles_frame",
    "clean_text",
    "iter_articles",
    "load_corpus",
    "load_log",
    "load_rules",
]
