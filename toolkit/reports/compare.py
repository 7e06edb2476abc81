"""Compare two sub-corpora: keyness (log-likelihood G²), collocations of a term, quote and denial rates.

Keyness follows Rayson & Garside (2000), "Comparing corpora using frequency profiling" (Workshop on
Comparing Corpora, ACL 2000), the log-likelihood statistic of Dunning (1993), "Accurate methods for
the statistics of surprise and coincidence" (Computational Linguistics 19(1)). For a word seen `a`
times in corpus A of `c` tokens and `b` times in corpus B of `d` tokens:

    E1 = c (a + b) / (c + d)        E2 = d (a + b) / (c + d)
    G² = 2 (a ln(a / E1) + b ln(b / E2))          (a term with a zero count is 0)

G² has one degree of freedom: 3.84 is p < 0.05, 6.63 is p < 0.01 (10.83 p < 0.001). Effect sizes
next to it: %DIFF (Gabrielatos & Marchi 2012), the difference of normalised frequencies in
percent of B's, and the Log Ratio (Hardie 2014), log2 of the ratio of normalised frequencies, with
a zero count replaced by 0.5 so it stays finite. PyPI has small keyness packages (`keyness`,
`conc`), none a maintained, widely used library; the statistic is a few lines of numpy, written
out here so it can be checked against the formula.

Collocations use NLTK's `BigramCollocationFinder` (Church & Hanks 1990 windows) with PMI or
Dunning's likelihood ratio, on the same word tokens (`toolkit.text.tokenize.word_spans`, lower-cased,
punctuation dropped), never across article boundaries.
"""

from __future__ import annotations

from collections import Counter
from typing import Iterable, Sequence

import numpy as np
import pandas as pd

from toolkit.reports.analysis import KINDS, article_frame, per_1000
from toolkit.text.tokenize import word_spans

#: Critical values of G² with one degree of freedom (Rayson & Garside 2000).
SIGNIFICANCE = ((10.83, "p<0.001"), (6.63, "p<0.01"), (3.84, "p<0.05"))


def tokens(text: str) -> list[str]:
    """Return the lower-cased word tokens of `text` (tokens with a letter or digit; punctuation dropped)."""
    # Curly and straight apostrophes are one character here: outlets differ in typography
    # ("it’s" vs "it's"), which keyness would otherwise report as a difference in wording.
    return [w.replace("’", "'") for w in (text[s:e].lower() for s, e in word_spans(text)) if any(ch.isalnum() for ch in w)]


def token_lists(texts: Iterable[str]) -> list[list[str]]:
    """Return the tokens of each text."""
    return [tokens(t or "") for t in texts]


def frequencies(docs: Iterable[Sequence[str]]) -> Counter:
    """Return the token counts over all documents."""
    counts: Counter = Counter()
    for doc in docs:
        counts.update(doc)
    return counts


def log_likelihood(a: np.ndarray | float, b: np.ndarray | float, c: float, d: float) -> np.ndarray:
    """Return G² for counts `a` in a corpus of `c` tokens and `b` in one of `d` tokens (Rayson & Garside 2000)."""
    a, b = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    e1 = c * (a + b) / (c + d)
    e2 = d * (a + b) / (c + d)
    with np.errstate(divide="ignore", invalid="ignore"):
        t1 = np.where(a > 0, a * np.log(np.where(a > 0, a, 1) / np.where(e1 > 0, e1, 1)), 0.0)
        t2 = np.where(b > 0, b * np.log(np.where(b > 0, b, 1) / np.where(e2 > 0, e2, 1)), 0.0)
    return 2 * (t1 + t2)


def significance(g2: float) -> str:
    """Return the strongest significance level G² reaches ("p<0.001", "p<0.01", "p<0.05"), else ""."""
    for cut, label in SIGNIFICANCE:
        if g2 >= cut:
            return label
    return ""


def keyness(freq_a: Counter, freq_b: Counter, *, min_freq: int = 3, labels: tuple[str, str] = ("A", "B")) -> pd.DataFrame:
    """Return every word seen `min_freq`+ times in A and B together, with G², %DIFF and Log Ratio, keyest first.

    Args:
        freq_a: token counts of corpus A (`frequencies`).
        freq_b: token counts of corpus B.
        min_freq: leave out words rarer than this in both corpora together (G² is unreliable for tiny counts).
        labels: names of A and B, used in the `key_for` column.

    Returns:
        Columns word, freq_a, freq_b, per_1000_a, per_1000_b (per 1,000 tokens), g2, significance,
        pct_diff (inf when B has no occurrence), log_ratio, key_for (the corpus it is more frequent in).
        Sorted by G² descending, then word.
    """
    columns = ["word", "freq_a", "freq_b", "per_1000_a", "per_1000_b", "g2", "significance", "pct_diff", "log_ratio", "key_for"]
    c, d = sum(freq_a.values()), sum(freq_b.values())
    words = sorted(w for w in set(freq_a) | set(freq_b) if freq_a.get(w, 0) + freq_b.get(w, 0) >= min_freq)
    if not words or c == 0 or d == 0:
        return pd.DataFrame(columns=columns)
    a = np.array([freq_a.get(w, 0) for w in words], dtype=float)
    b = np.array([freq_b.get(w, 0) for w in words], dtype=float)
    g2 = log_likelihood(a, b, c, d)
    na, nb = a / c, b / d
    with np.errstate(divide="ignore", invalid="ignore"):
        pct = np.where(nb > 0, (na - nb) / np.where(nb > 0, nb, 1) * 100, np.inf)
    log_ratio = np.log2(np.where(a > 0, a, 0.5) / c) - np.log2(np.where(b > 0, b, 0.5) / d)
    table = pd.DataFrame({
        "word": words, "freq_a": a.astype("int64"), "freq_b": b.astype("int64"),
        "per_1000_a": np.round(1000 * na, 3), "per_1000_b": np.round(1000 * nb, 3),
        "g2": np.round(g2, 3), "pct_diff": np.round(pct, 1), "log_ratio": np.round(log_ratio, 3),
    })
    table["significance"] = table["g2"].map(significance)
    table["key_for"] = np.where(na > nb, labels[0], np.where(na < nb, labels[1], ""))
    return table.sort_values(["g2", "word"], ascending=[False, True], kind="stable")[columns].reset_index(drop=True)


def collocations(
    docs: Sequence[Sequence[str]],
    term: str,
    *,
    window: int = 5,
    min_freq: int = 2,
    measure: str = "likelihood_ratio",
    n: int = 20,
) -> pd.DataFrame:
    """Return the words that co-occur with `term` within `window` tokens, scored with NLTK.

    Args:
        docs: token lists (`token_lists`); pairs never span two documents.
        term: the search term (one token, matched lower-cased).
        window: NLTK's window size: 2 is adjacent words; 5 pairs a word with the next 4.
        min_freq: leave out pairs seen fewer times.
        measure: "pmi" (Church & Hanks 1990) or "likelihood_ratio" (Dunning 1993).
        n: how many collocates to return.

    Returns:
        Columns collocate, position ("left": collocate before the term, "right": after), pair_freq,
        collocate_freq, score; best first, ties by collocate.
    """
    from nltk.collocations import BigramAssocMeasures, BigramCollocationFinder

    columns = ["collocate", "position", "pair_freq", "collocate_freq", "score"]
    if window < 2:
        raise ValueError("window must be at least 2")
    term = term.lower()
    stream: list[str | None] = []
    for doc in docs:
        # NLTK skips None in its windows: window-1 of them keep pairs from crossing articles.
        stream.extend(doc)
        stream.extend([None] * (window - 1))
    if term not in stream:
        return pd.DataFrame(columns=columns)
    finder = BigramCollocationFinder.from_words(stream, window_size=window)
    finder.apply_freq_filter(min_freq)
    finder.apply_ngram_filter(lambda w1, w2: term not in (w1, w2) or w1 == w2)
    score_fn = {"pmi": BigramAssocMeasures.pmi, "likelihood_ratio": BigramAssocMeasures.likelihood_ratio}[measure]
    rows = []
    for (w1, w2), score in finder.score_ngrams(score_fn):
        collocate, position = (w2, "right") if w1 == term else (w1, "left")
        rows.append({"collocate": collocate, "position": position, "pair_freq": finder.ngram_fd[(w1, w2)],
                     "collocate_freq": finder.word_fd[collocate], "score": round(float(score), 3)})
    if not rows:
        return pd.DataFrame(columns=columns)
    table = pd.DataFrame(rows, columns=columns)
    return table.sort_values(["score", "collocate", "position"], ascending=[False, True, True], kind="stable").head(n).reset_index(drop=True)


def rates(articles: pd.DataFrame, quotes: pd.DataFrame, denials: pd.DataFrame) -> dict[str, float]:
    """Return the headline counts and rates of one sub-corpus (articles, words, quotes, denials, shares)."""
    ids = set(articles["doc_id"])
    quotes = quotes[quotes["doc_id"].isin(ids)] if len(quotes) else quotes
    denials = denials[denials["doc_id"].isin(ids)] if len(denials) else denials
    words = int(article_frame(articles)["n_words"].sum())
    out: dict[str, float] = {"articles": len(articles), "words": words, "quotes": len(quotes),
                             "quotes per 1,000 words": per_1000(len(quotes), words)}
    for kind in KINDS:
        share = (quotes["kind"] == kind).mean() if len(quotes) else 0.0
        out[f"{kind} quotes (share)"] = round(float(share), 3)
    out["denials"] = len(denials)
    out["denials per 1,000 words"] = per_1000(len(denials), words)
    out["denials in quotes (share)"] = round(float(denials["in_quote"].mean()), 3) if len(denials) else 0.0
    return out


def side_by_side(a: dict[str, float], b: dict[str, float], labels: tuple[str, str] = ("A", "B")) -> pd.DataFrame:
    """Return two `rates` dicts as one table: measure, A, B (in `rates`' order)."""
    return pd.DataFrame({"measure": list(a), labels[0]: [a[k] for k in a], labels[1]: [b.get(k) for k in a]})


def category_side_by_side(
    articles_a: pd.DataFrame, denials_a: pd.DataFrame, articles_b: pd.DataFrame, denials_b: pd.DataFrame,
    labels: tuple[str, str] = ("A", "B"),
) -> pd.DataFrame:
    """Denials per category in A and B: counts and rates per 1,000 words side by side, with G² of the difference."""
    from toolkit.reports.analysis import CATEGORIES
    from toolkit.reports.denial_tables import category_totals

    ta = category_totals(articles_a, denials_a).set_index("category")
    tb = category_totals(articles_b, denials_b).set_index("category")
    order = {c: i for i, c in enumerate(CATEGORIES)}
    cats = sorted(set(ta.index) | set(tb.index), key=lambda c: (order.get(c, len(order)), c))
    columns = ["category", f"{labels[0]} denials", f"{labels[0]} per 1,000 words", f"{labels[1]} denials", f"{labels[1]} per 1,000 words", "g2"]
    if not cats:
        return pd.DataFrame(columns=columns)
    wa = int(article_frame(articles_a)["n_words"].sum())
    wb = int(article_frame(articles_b)["n_words"].sum())
    ca = ta["denials"].reindex(cats, fill_value=0).astype("int64")
    cb = tb["denials"].reindex(cats, fill_value=0).astype("int64")
    g2 = log_likelihood(ca.to_numpy(), cb.to_numpy(), wa, wb) if wa and wb else np.zeros(len(cats))
    return pd.DataFrame({
        "category": cats, columns[1]: ca.to_numpy(), columns[2]: [per_1000(x, wa) for x in ca],
        columns[3]: cb.to_numpy(), columns[4]: [per_1000(x, wb) for x in cb], "g2": np.round(g2, 3),
    })
