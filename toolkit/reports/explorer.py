"""Explore a `Dataset` in JupyterLab: searchable tables of quotes, denials, speakers and articles, and a
widget that goes from a row to its article, highlighted.

    >>> from toolkit.reports.explorer import explore, Explorer
    >>> explore(data, "quotes")       # search, sort, filter (also in the HTML report, offline)
    >>> Explorer(data)                # outlet / speaker / category -> rows -> the article below

The tables (`quotes_table`, ...) and the filtering (`filter_rows`, `row_labels`, `speaker_column`) are pure
functions over the Dataset's DataFrames; `Explorer` only wires them to ipywidgets (8.x), so it can be
driven from Python by setting its widgets' values (as the tests do). The article is drawn by
`Dataset.show` (`toolkit.pipeline.article_view`).
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from toolkit.reports.display import InteractiveTable, explore_table

__all__ = ["ALL", "TABLES", "Explorer", "articles_table", "denials_table", "explore", "filter_rows", "quotes_table",
           "row_labels", "speaker_column", "speakers_table"]

#: The filter value that keeps every row.
ALL = "(all)"
#: Rows the explorer's list shows at most (the count above it says how many match).
LIST_ROWS = 500
#: Characters of a quote or denial's text in the explorer's row labels.
LABEL_TEXT = 90


def speaker_column(frame: pd.DataFrame, fallback: str) -> str:
    """The column that names who speaks: `person` (one name per person across the corpus) when the table has it, else `fallback`."""
    return "person" if "person" in frame.columns else fallback


def _with_article(frame: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """Rows with their article's outlet and date in front, in reading order (outlet, date, article, offset)."""
    meta = articles[["doc_id", "outlet", "date"]]
    joined = frame.merge(meta, on="doc_id", how="left", validate="many_to_one")
    order = [c for c in ("outlet", "date", "doc_id", "field", "start") if c in joined.columns]
    return joined.sort_values(order, kind="stable", na_position="last").reset_index(drop=True)


def quotes_table(data: Any) -> pd.DataFrame:
    """One row per quote: outlet, date, speaker (person), kind, text, cue, doc_id, start, end."""
    who = speaker_column(data.quotes, "speaker")
    rows = _with_article(data.quotes, data.articles)
    return rows[["outlet", "date", who, "kind", "text", "cue", "doc_id", "start", "end"]].rename(columns={who: "speaker"})


def denials_table(data: Any) -> pd.DataFrame:
    """One row per denial: outlet, date, category, denier (person), the phrase, its target, voice, doc_id, field, start, end."""
    who = speaker_column(data.denials, "denier")
    rows = _with_article(data.denials, data.articles)
    rows = rows.assign(voice=rows["in_quote"].map({True: "in a quote", False: "author"}))
    return rows[["outlet", "date", "category", who, "text", "target", "voice", "doc_id", "field", "start", "end"]].rename(
        columns={who: "denier", "text": "phrase"})


def speakers_table(data: Any) -> pd.DataFrame:
    """One row per speaker (person): quotes, articles and outlets quoting them, first and last date; most quoted first."""
    rows = quotes_table(data).dropna(subset=["speaker"])
    if rows.empty:
        return pd.DataFrame(columns=["speaker", "quotes", "articles", "outlets", "first", "last"])
    grouped = rows.groupby("speaker", sort=False)
    table = pd.DataFrame({
        "quotes": grouped.size(),
        "articles": grouped["doc_id"].nunique(),
        "outlets": grouped["outlet"].nunique(),
        "first": grouped["date"].min(),
        "last": grouped["date"].max(),
    }).reset_index()
    return table.sort_values(["quotes", "speaker"], ascending=[False, True], kind="stable").reset_index(drop=True)


def articles_table(data: Any) -> pd.DataFrame:
    """One row per article: outlet, date, title, words, quotes, denials, doc_id (no body text)."""
    articles = data.articles
    counts = {
        "quotes": data.quotes.groupby("doc_id").size(),
        "denials": data.denials.groupby("doc_id").size(),
    }
    table = articles[["outlet", "date", "title", "doc_id"]].copy()
    table.insert(3, "words", articles["text"].fillna("").str.split().str.len())
    for name, count in counts.items():
        table.insert(len(table.columns) - 1, name, table["doc_id"].map(count).fillna(0).astype(int))
    return table.sort_values(["outlet", "date", "doc_id"], kind="stable", na_position="last").reset_index(drop=True)


TABLES = {"quotes": quotes_table, "denials": denials_table, "speakers": speakers_table, "articles": articles_table}


def explore(data: Any, table: str = "quotes", **options: Any) -> InteractiveTable:
    """Return one of the Dataset's tables ("quotes", "denials", "speakers", "articles") as a searchable,
    sortable, filterable table (`toolkit.reports.display.explore_table`; `options` go to it)."""
    if table not in TABLES:
        raise ValueError(f"table must be one of {', '.join(TABLES)}, got {table!r}")
    return explore_table(TABLES[table](data), salt=f"explore:{table}", **options)


def filter_rows(rows: pd.DataFrame, *, outlet: str = ALL, speaker: str = ALL, category: str = ALL, speaker_col: str = "speaker") -> pd.DataFrame:
    """The rows of a quotes or denials table (`quotes_table`, `denials_table`) that match every chosen value; `ALL` keeps all."""
    keep = pd.Series(True, index=rows.index)
    if outlet != ALL:
        keep &= rows["outlet"] == outlet
    if speaker != ALL:
        keep &= rows[speaker_col] == speaker
    if category != ALL and "category" in rows.columns:
        keep &= rows["category"] == category
    return rows[keep]


def choices(rows: pd.DataFrame, column: str) -> list[str]:
    """`ALL`, then a column's values, most frequent first (ties alphabetical): the options of a filter."""
    if column not in rows.columns:
        return [ALL]
    counts = rows[column].dropna().astype(str).value_counts()
    ordered = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    return [ALL, *(value for value, _ in ordered)]


def row_labels(rows: pd.DataFrame, speaker_col: str, text_col: str) -> list[tuple[str, int]]:
    """(label, row index) for a list widget: date, outlet, speaker and the start of the text, one line per row."""
    labels = []
    for index, row in rows.head(LIST_ROWS).iterrows():
        date = "" if pd.isna(row["date"]) else f"{pd.Timestamp(row['date']):%Y-%m-%d}"
        who = "" if pd.isna(row[speaker_col]) else str(row[speaker_col])
        text = " ".join(str(row[text_col]).split())
        text = text if len(text) <= LABEL_TEXT else text[: LABEL_TEXT - 1] + "…"
        extra = f" [{row['category']}]" if "category" in rows.columns and not pd.isna(row["category"]) else ""
        labels.append((f"{date} · {row['outlet']} · {who or '?'}{extra} · {text}", int(index)))
    return labels


class Explorer:
    """A JupyterLab widget: choose quotes or denials, filter by outlet, speaker and category, pick a row, read the
    article below with its quotes and denials highlighted and the picked one outlined."""

    def __init__(self, data: Any) -> None:
        import ipywidgets as widgets

        self.data = data
        self.tables = {"quotes": quotes_table(data), "denials": denials_table(data)}
        self.rows = self.tables["quotes"]
        self.table = widgets.ToggleButtons(options=["quotes", "denials"], value="quotes", description="Rows")
        self.outlet = widgets.Dropdown(description="Outlet")
        self.speaker = widgets.Dropdown(description="Speaker")
        self.category = widgets.Dropdown(description="Category")
        self.count = widgets.HTML()
        self.list = widgets.Select(rows=12, layout=widgets.Layout(width="100%"))
        self.article = widgets.HTML()
        self._updating = False
        self._set_table()
        self.table.observe(lambda change: self._set_table(), names="value")
        for box in (self.outlet, self.speaker, self.category):
            box.observe(lambda change: self._refresh(), names="value")
        self.list.observe(lambda change: self._show(), names="value")
        filters = widgets.HBox([self.outlet, self.speaker, self.category])
        self.widget = widgets.VBox([self.table, filters, self.count, self.list, self.article])

    @property
    def _speaker_col(self) -> str:
        return "speaker" if self.table.value == "quotes" else "denier"

    @property
    def _text_col(self) -> str:
        return "text" if self.table.value == "quotes" else "phrase"

    def _set_table(self) -> None:
        """Another table: its filter options, every filter back to all."""
        self._updating = True
        try:
            rows = self.tables[self.table.value]
            self.outlet.options = choices(rows, "outlet")
            self.speaker.options = choices(rows, self._speaker_col)
            self.category.options = choices(rows, "category")
            self.category.disabled = "category" not in rows.columns
            for box in (self.outlet, self.speaker, self.category):
                box.value = ALL
        finally:
            self._updating = False
        self._refresh()

    def _refresh(self) -> None:
        if self._updating:
            return
        rows = filter_rows(self.tables[self.table.value], outlet=self.outlet.value, speaker=self.speaker.value,
                           category=self.category.value, speaker_col=self._speaker_col)
        self.rows = rows
        shown = min(len(rows), LIST_ROWS)
        self.count.value = f"{len(rows):,} {self.table.value}" + (f" (the first {shown:,} listed)" if shown < len(rows) else "") + \
            ("; select one to read its article" if len(rows) else "")
        self.list.options = row_labels(rows, self._speaker_col, self._text_col)
        self.list.value = None
        self.article.value = ""

    def _show(self) -> None:
        """The selected row's article, highlighted."""
        index = self.list.value
        if index is None:
            self.article.value = ""
            return
        row = self.tables[self.table.value].loc[index]
        # A title denial's offsets are into the title, not the body: nothing to outline there.
        focus = None if row.get("field", "text") == "title" else (int(row["start"]), int(row["end"]))
        self.article.value = self.data.show(self.doc_id(index), focus=focus).to_html()

    def doc_id(self, index: int) -> str:
        """The article of a row of the current table."""
        return str(self.tables[self.table.value].loc[index, "doc_id"])

    def _repr_mimebundle_(self, **kwargs: Any) -> Any:
        return self.widget._repr_mimebundle_(**kwargs)

    def __repr__(self) -> str:
        return f"<Explorer: {len(self.rows):,} {self.table.value}>"
