"""Denials: who denies what, and how (explicit, no_evidence, falsity, delegitimize, counter_accusation).

`finder` is the entry point; `lexicon` reads the phrase lexicon (`toolkit/data/denials.tsv`, or yours);
`negation` tells a negated or modal trigger; `candidates` turns lexicon matches into candidates with context
features; `derivation` derives entries and entry counts from gold (the shipped lexicon's last section, and the
same inside each cross-validation fold); `model` scores them (a logistic regression trained on the TRAIN gold
and silver articles, `toolkit/data/denial_model.json`; training needs numpy, scoring nothing); `deniers` finds who
denies. It may import `toolkit.text` and `toolkit.quotes.finder` (a denial inside a quote is its speaker's), not `corpus` or
anything above.
"""

from toolkit.denials.finder import Denial, article_denials, denials_frame, find_denials, iter_denial_records, kwic
from toolkit.denials.lexicon import CATEGORIES, Lexicon, default_lexicon, load_lexicon

__all__ = [
    "CATEGORIES",
    "Denial",
    "Lexicon",
    "article_denials",
    "default_lexicon",
    "denials_frame",
    "find_denials",
    "iter_denial_records",
    "kwic",
    "load_lexicon",
]
