"""One entry point for notebooks: a corpus (raw files, or an extraction folder) as four tables.

    >>> from toolkit.pipeline.dataset import open_dataset
    >>> data = open_dataset("data/sample")            # or an `extract` output folder
    >>> data.articles, data.quotes, data.denials, data.log

Quotes and denials carry `person` and `speaker_kind` (and `gender_guess` with `gender=True`), decided
over the whole corpus (`toolkit.quotes.people`): an extraction's own are reused when it was made with
the same aliases file and gender option and its denials are kept as they are, else they are decided again.

A raw corpus is loaded and every finder runs once per article (the same code as `extract`); an
extraction folder is read from its Parquet tables, so reports work on corpora far too big to
analyse inside a notebook.
"""

from __future__ import annotations

import html
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Sequence

import pandas as pd

from toolkit.denials.finder import MIN_SCORE, article_denials
from toolkit.corpus.loaders import PathLike, iter_articles
from toolkit.corpus.loadlog import LoadEvent, LoadLog
from toolkit.pipeline.article_view import ArticleView, article_view
from toolkit.pipeline.extraction import PERSON_COLUMNS, ExtractConfig, analyse_article, lexicon_record, read_table
from toolkit.pipeline.layout import MANIFEST, STATE, TABLES, extraction_manifest, typed_table
from toolkit.quotes.people import ROW_COLUMNS, assign_people, load_aliases


#: Outlets named in a Dataset's repr (the rest are counted).
_OUTLETS_SHOWN = 8


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

    def show(self, doc_id: str, *, legend: bool = True, focus: tuple[int, int] | None = None) -> ArticleView:
        """Return one article with its quotes and denials highlighted (JupyterLab displays it); `focus` (start, end)
        outlines one span, e.g. a quote picked in a table."""
        return article_view(self.articles, self.quotes, self.denials, doc_id, legend=legend, focus=focus)

    def overview(self) -> list[tuple[str, str]]:
        """The dataset in a few lines, (label, value): counts per table, outlets, date range, denial threshold."""
        articles = self.articles
        outlets = articles["outlet"].fillna("(unknown)").value_counts() if "outlet" in articles else pd.Series(dtype=int)
        shown = ", ".join(f"{name} {n:,}" for name, n in outlets.head(_OUTLETS_SHOWN).items())
        more = len(outlets) - _OUTLETS_SHOWN
        dates = articles["date"].dropna() if "date" in articles else pd.Series(dtype="datetime64[ns]")
        span = f"{dates.min():%Y-%m-%d} to {dates.max():%Y-%m-%d}" if len(dates) else "no dates"
        undated = len(articles) - len(dates)
        return [
            ("tables", f"{len(articles):,} articles, {len(self.quotes):,} quotes, {len(self.denials):,} denials"),
            ("outlets", f"{len(outlets):,}" + (f" ({shown}{f', +{more} more' if more > 0 else ''})" if shown else "")),
            ("dates", span + (f" ({undated:,} undated)" if undated and len(dates) else "")),
            ("denials kept", f"model score >= {self.denial_min_score:g}"),
            ("load log", self.log.summary()),
        ]

    def __repr__(self) -> str:
        # A few lines, never rows: `data` alone in a cell must not print screens of DataFrame reprs.
        lines = [f"  {label}: {value}" for label, value in self.overview()]
        return "\n".join(["Dataset", *lines, "  data.articles / .quotes / .denials / .log; data.show(doc_id) shows an article"])

    def _repr_html_(self) -> str:
        rows = "".join(
            f'<tr><th style="text-align:left;padding:0.1em 1em 0.1em 0;font-weight:600;">{html.escape(label)}</th>'
            f'<td style="text-align:left;padding:0.1em 0;">{html.escape(value)}</td></tr>'
            for label, value in self.overview()
        )
        return (
            '<div class="toolkit-dataset" style="font-family:system-ui,sans-serif;font-size:13px;">'
            '<div style="font-weight:700;margin-bottom:0.2em;">Dataset</div>'
            f'<table style="border-collapse:collapse;">{rows}</table>'
            '<div style="color:#666;margin-top:0.3em;"><code>data.articles</code>, <code>.quotes</code>, '
            '<code>.denials</code>, <code>.log</code>; <code>data.show(doc_id)</code> shows an article highlighted</div></div>'
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
    aliases: PathLike | None = None,
    gender: bool = False,
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

    `aliases` is an aliases CSV (`surface,person`) correcting the corpus-wide merge of speakers and deniers
    into persons (a malformed one raises ValueError naming its line); `gender` adds `gender_guess`
    (female, male or unknown from the first name, `toolkit.quotes.gender`; off by default).
    """
    if aliases is not None:
        load_aliases(aliases)  # a malformed file fails before any work
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
            return _with_people(_refind_denials(data, config.denial_lexicon(), wanted), aliases, gender)
        if wanted > stored:
            kept = data.denials[data.denials["score"] >= wanted].reset_index(drop=True)
            return _with_people(replace(data, denials=kept, denial_min_score=wanted), aliases, gender)
        return _with_people(data, aliases, gender, manifest.get("people"))
    log = LoadLog()
    rows: dict[str, list[dict[str, Any]]] = {"articles": [], "quotes": [], "denials": []}
    denial_lexicon = config.denial_lexicon()
    for article in iter_articles(paths, log=log, **load_options):
        for table, table_rows in analyse_article(article, lexicon=denial_lexicon, min_score=wanted).items():
            rows[table].extend(table_rows)
    tables = {name: typed_table(name, rows[name]) for name in rows}
    return _with_people(Dataset(tables["articles"], tables["quotes"], tables["denials"], log, wanted), aliases, gender)


def _with_people(data: Dataset, aliases: PathLike | None, gender: bool, stored: Any = None) -> Dataset:
    """Give the quotes and denials their persons over the whole corpus; keep an extraction's own (`stored`:
    its manifest's record) when they were decided with the same aliases file content and gender option."""
    wanted = ExtractConfig(aliases=str(aliases) if aliases is not None else None, gender=gender).people_record()
    if isinstance(stored, dict) and (stored.get("aliases") or {}).get("sha256") == (wanted["aliases"] or {}).get("sha256") \
            and all(c in frame for frame in (data.quotes, data.denials) for c in ROW_COLUMNS):
        if stored.get("gender") == gender:
            return data
        if not gender:  # decided with gender_guess, which is not wanted: the persons stand
            return replace(data, quotes=data.quotes.drop(columns="gender_guess"), denials=data.denials.drop(columns="gender_guess"))
    quotes, denials = (frame.drop(columns=[c for c in PERSON_COLUMNS if c in frame]) for frame in (data.quotes, data.denials))
    people = assign_people(quotes, data.articles, denials, aliases, gender=gender)
    return replace(data, quotes=people.quotes, denials=people.denials)


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
            rows.append({"doc_id": doc_id, "field": where, **vars(denial)})
    return replace(data, denials=typed_table("denials", rows), denial_min_score=min_score)


def _read_extraction(folder: Path, manifest: dict[str, Any], min_score: float) -> Dataset:
    counts = manifest.get("articles", {})
    events = read_table(folder, "load_log")
    log = LoadLog(read=counts.get("read", 0), loaded=counts.get("loaded", 0) - counts.get("duplicates_across_partitions", 0))
    log.events.extend(LoadEvent(**row) for row in events.to_dict(orient="records"))
    tables = {name: read_table(folder, name) for name in TABLES if name != "load_log"}
    return Dataset(tables["articles"], tables["quotes"], tables["denials"], log, min_score)
