"""One entry point for notebooks: a corpus (raw files, or an extraction folder) as four tables.

    >>> from toolkit.pipeline.dataset import open_dataset
    >>> data = open_dataset("data/sample")            # or an `extract` output folder
    >>> data.articles, data.quotes, data.denials, data.log

A raw corpus is loaded and every finder runs once per article (the same code as `extract`); an
extraction folder is read from its Parquet tables, so reports work on corpora far too big to
analyse inside a notebook.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, replace
from pathlib import Path
from typing import Any, Sequence

import pandas as pd

from toolkit.denials.finder import MIN_SCORE, article_denials
from toolkit.corpus.loaders import PathLike, iter_articles
from toolkit.corpus.loadlog import LoadEvent, LoadLog
from toolkit.pipeline.extraction import ExtractConfig, analyse_article, lexicon_record, read_table
from toolkit.pipeline.layout import MANIFEST, STATE, TABLES, extraction_manifest, typed_table


@dataclass(frozen=True)
class Dataset:
    """Articles, quotes, denials and the load log of one corpus, all keyed by `doc_id`."""

    articles: pd.DataFrame
    quotes: pd.DataFrame
    denials: pd.DataFrame
    log: LoadLog
    #: The model score a denial needed to be kept (`find_denials(min_score=)`), for reports to state.
    denial_min_score: float = MIN_SCORE

    def filter(self, *, outlets: Sequence[str] | None = None, date_from: str | None = None, date_to: str | None = None) -> "Dataset":
        """Keep the articles of some outlets and a date range (inclusive), and their quotes and denials."""
        keep = pd.Series(True, index=self.articles.index)
        if outlets:
            keep &= self.articles["outlet"].isin(list(outlets))
        if date_from is not None:
            keep &= self.articles["date"] >= pd.Timestamp(date_from)
        if date_to is not None:
            keep &= self.articles["date"] <= pd.Timestamp(date_to)
        articles = self.articles[keep].reset_index(drop=True)
        ids = set(articles["doc_id"])
        return replace(
            self,
            articles=articles,
            quotes=self.quotes[self.quotes["doc_id"].isin(ids)].reset_index(drop=True),
            denials=self.denials[self.denials["doc_id"].isin(ids)].reset_index(drop=True),
        )


def is_extraction(path: PathLike) -> bool:
    """Return True when `path` is a folder written by `python -m toolkit extract`."""
    path = Path(path)
    return (path / MANIFEST).is_file() and (path / STATE).is_dir()


def open_dataset(
    paths: PathLike | Sequence[PathLike],
    *,
    lexicon: PathLike | None = None,
    lexicon_extend: bool = True,
    min_score: float | None = None,
    **load_options: Any,
) -> Dataset:
    """Return the four tables of a raw corpus (analysed now) or of an extraction folder (read).

    An extraction folder that is damaged, unfinished or from another toolkit version raises
    `toolkit.pipeline.layout.ExtractionError` with a message naming it.

    `lexicon` is your denial lexicon (added to the shipped one unless `lexicon_extend` is False). An
    extraction made with another lexicon has its denials found again, with its quotes' help.

    `min_score` keeps denials the model scores at least this (None: the finder's default for a raw corpus,
    the extraction's own threshold for an extraction). Above an extraction's threshold its denials are
    filtered by score; below it they are found again.
    """
    manifest: dict[str, Any] = {}
    single = paths if isinstance(paths, (str, Path)) else (paths[0] if len(paths) == 1 else None)
    if single is not None and is_extraction(single):
        manifest = extraction_manifest(Path(single))
    stored = float(manifest.get("denial_min_score", MIN_SCORE))
    wanted = stored if min_score is None else float(min_score)
    config = ExtractConfig(lexicon=str(lexicon) if lexicon is not None else None, lexicon_extend=lexicon_extend,
                           min_score=wanted)
    if manifest:
        data = _read_extraction(Path(single), manifest, stored)
        if manifest.get("lexicon") != lexicon_record(config) or wanted < stored:
            return _refind_denials(data, config.denial_lexicon(), wanted)
        if wanted > stored:
            kept = data.denials[data.denials["score"] >= wanted].reset_index(drop=True)
            return replace(data, denials=kept, denial_min_score=wanted)
        return data
    log = LoadLog()
    rows: dict[str, list[dict[str, Any]]] = {"articles": [], "quotes": [], "denials": []}
    denial_lexicon = config.denial_lexicon()
    for article in iter_articles(paths, log=log, **load_options):
        for table, table_rows in analyse_article(article, lexicon=denial_lexicon, min_score=wanted).items():
            rows[table].extend(table_rows)
    tables = {name: typed_table(name, rows[name]) for name in rows}
    return Dataset(tables["articles"], tables["quotes"], tables["denials"], log, wanted)


def _refind_denials(data: Dataset, lexicon: Any, min_score: float) -> Dataset:
    """Find the denials of every article again (another lexicon, a lower threshold), reusing the extracted quotes."""
    from toolkit.quotes.finder import QUOTE_FIELDS, Quote

    quotes_by_doc: dict[str, list[Quote]] = {}
    for row in data.quotes.to_dict(orient="records"):
        values = {f: (None if pd.isna(row[f]) else row[f]) for f in QUOTE_FIELDS}
        quotes_by_doc.setdefault(row["doc_id"], []).append(Quote(**values))
    rows = []
    for doc_id, text, title in zip(data.articles["doc_id"], data.articles["text"], data.articles["title"]):
        title = None if pd.isna(title) else title
        for where, denial in article_denials(text, title, quotes=quotes_by_doc.get(doc_id, []), lexicon=lexicon,
                                            min_score=min_score):
            rows.append({"doc_id": doc_id, "field": where, **asdict(denial)})
    return replace(data, denials=typed_table("denials", rows), denial_min_score=min_score)


def _read_extraction(folder: Path, manifest: dict[str, Any], min_score: float) -> Dataset:
    counts = manifest.get("articles", {})
    events = read_table(folder, "load_log")
    log = LoadLog(read=counts.get("read", 0), loaded=counts.get("loaded", 0) - counts.get("duplicates_across_partitions", 0))
    log.events.extend(LoadEvent(**row) for row in events.to_dict(orient="records"))
    tables = {name: read_table(folder, name) for name in TABLES if name != "load_log"}
    return Dataset(tables["articles"], tables["quotes"], tables["denials"], log, min_score)
