"""Corpus: read news articles from files and exports into `Article`s, with a log of everything skipped.

Loaders (folders of .txt/.html, JSONL/JSON/CSV/TSV exports, gzip), per-file decoding, scraped-boilerplate
removal by data rules, date parsing and the load log. This is the bottom layer: it may import only the
standard library, third-party packages and `toolkit.data`; nothing else in the toolkit.
"""

from toolkit.corpus.article import ARTICLE_COLUMNS, Article
from toolkit.corpus.boilerplate import Rule, clean_text, default_rules, load_rules
from toolkit.corpus.dates import parse_date
from toolkit.corpus.loaders import (
    CorpusError,
    LoadOptions,
    articles_frame,
    iter_articles,
    iter_file_articles,
    load_corpus,
    load_log,
    walk_files,
)
from toolkit.corpus.loadlog import LoadEvent, LoadLog

__all__ = [
    "ARTICLE_COLUMNS",
    "Article",
    "CorpusError",
    "LoadEvent",
    "LoadLog",
    "LoadOptions",
    "Rule",
    "articles_frame",
    "clean_text",
    "default_rules",
    "iter_articles",
    "iter_file_articles",
    "load_corpus",
    "load_log",
    "load_rules",
    "parse_date",
    "walk_files",
]
