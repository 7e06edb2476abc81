"""Render tables for the notebooks and the HTML report, one way everywhere (pandas Styler).

`show_table` prints a DataFrame without its index, text left-aligned and numbers right-aligned, dates
as YYYY-MM-DD, whole numbers as integers and other numbers to three significant digits; a long
table is never cut in the middle (pandas' default): it scrolls in a box of fixed height, or is shown as
one small table per group (`by="outlet"`: every outlet visible). `show_kwic` lays out a concordance:
left context right-aligned, the keyword highlighted, right context left-aligned, in fixed-width columns
that do not wrap. Both return a `Table`, which Jupyter and nbconvert display as HTML. The HTML is
deterministic (the Styler's id is derived from the content), so two reports of one corpus are identical.

`explore_table` (or `show_table(..., interactive=True)`) renders the same formatting as a searchable,
sortable, filterable table (itables/DataTables) that works offline: the first interactive table of a
kernel session carries the DataTables library inline (about 1 MB; `interactive_mode()` puts it in a setup
cell instead), so JupyterLab and the HTML report need no network. Its id, which itables draws at random,
is derived from the content here too.
"""

from __future__ import annotations

import hashlib
import html
import math
from typing import Any, Callable, Sequence

import pandas as pd
from pandas.io.formats.style import Styler

#: Rows above which a table scrolls in a box (its header stays in view) rather than lengthening the page.
SCROLL_AFTER = 20
#: Text columns no longer than this (characters) never wrap: labels such as outlets and categories.
SHORT_TEXT = 24
#: The scroll box's height, in rows of text.
BOX_ROWS = 20
FONT = "font-size:12.5px;font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;"
MONO = "font-family:Menlo,Consolas,'DejaVu Sans Mono',monospace;font-size:12px;"
KEYWORD_STYLE = "background:#fbd5d5;color:#7a1010;font-weight:600;"


class Table:
    """A rendered table: `html` is the fragment; Jupyter and nbconvert show it via `_repr_html_`."""

    def __init__(self, fragment: str, rows: int) -> None:
        self.html = fragment
        self.rows = rows

    def _repr_html_(self) -> str:
        return self.html

    def __repr__(self) -> str:
        return f"<Table: {self.rows} rows>"


def _is_number(series: pd.Series) -> bool:
    return pd.api.types.is_numeric_dtype(series) and not pd.api.types.is_bool_dtype(series)


def _integer_text(value: Any, separator: bool) -> str:
    number = int(value)
    return f"{number:,}" if separator else str(number)


def number_text(value: Any, *, whole: bool = False, separator: bool | None = None) -> str:
    """A number as a reader wants it: whole numbers as integers, others to three significant digits and at least
    one decimal (0.517, 2.77, 19.3, 804.9; 1,000 and over as integers).

    `whole` rounds to an integer (a column of counts); `separator` groups thousands (default: from 10,000 on,
    so that years and small counts print plain).
    """
    number = float(value)
    if not math.isfinite(number):
        return str(number)  # inf, -inf: %DIFF when one side never has the word
    if separator is None:
        separator = abs(number) >= 10_000
    if whole or number.is_integer() or abs(number) >= 1000:
        return _integer_text(round(number), separator)
    places = min(max(2 - math.floor(math.log10(abs(number))), 1), 3)
    return f"{number:.{places}f}"


def _separator(frame: pd.DataFrame) -> bool:
    """Group thousands in the whole table when any number reaches 10,000 (so 8103 and 19,338 never sit together)."""
    for column in frame.columns:
        if _is_number(frame[column]):
            # float: an Int64 column's pd.NA becomes NaN, which math.isfinite accepts (pd.NA raised a TypeError)
            values = pd.to_numeric(frame[column], errors="coerce").astype(float).abs()
            if (values[values.map(math.isfinite)] >= 10_000).any():
                return True
    return False


def _formatter(series: pd.Series, separator: bool) -> Callable[[Any], str]:
    """How one column's values print."""
    def missing(value: Any) -> bool:
        return value is None or (not isinstance(value, (list, tuple, set)) and pd.isna(value))

    if pd.api.types.is_datetime64_any_dtype(series):
        return lambda v: "" if missing(v) else pd.Timestamp(v).strftime("%Y-%m-%d")
    if _is_number(series):
        return lambda v: "" if missing(v) else number_text(v, separator=separator)

    def text(value: Any) -> str:
        if isinstance(value, (list, tuple, set)):
            return ", ".join(str(v) for v in value)
        if missing(value):
            return ""
        if isinstance(value, pd.Timestamp):
            return value.strftime("%Y-%m-%d")
        if isinstance(value, float):
            return number_text(value, separator=separator)
        return str(value)

    return text


def _short_text(series: pd.Series) -> bool:
    """True for a column of short labels (outlets, kinds, categories) that should never wrap."""
    lengths = series.dropna().map(lambda v: len(str(v)))
    return bool(len(lengths)) and lengths.max() <= SHORT_TEXT


def _uuid(frame: pd.DataFrame, salt: str) -> str:
    """A Styler id derived from the content: the same table renders to the same bytes."""
    digest = hashlib.sha256(salt.encode())
    digest.update(frame.to_csv(index=False).encode())
    return "toolkit_" + digest.hexdigest()[:10]


def _styler(frame: pd.DataFrame, salt: str, extra: Sequence[dict[str, Any]] = ()) -> Styler:
    """A Styler with the house look: no index, numbers right, text left, header above a rule."""
    frame = frame.reset_index(drop=True)
    styler = Styler(frame, uuid=_uuid(frame, salt), cell_ids=False)
    styler.hide(axis="index")
    styles: list[dict[str, Any]] = [
        {"selector": "", "props": FONT + "border-collapse:collapse;margin:0.3em 0 1em 0;"},
        {"selector": "th, td", "props": "text-align:left;vertical-align:top;padding:0.25em 0.7em;border:none;"},
        {"selector": "thead th", "props": "border-bottom:1px solid #888;background:#fff;position:sticky;top:0;"},
        {"selector": "tbody tr:nth-child(even)", "props": "background:#f6f6f6;"},
        {"selector": "tbody tr:hover", "props": "background:#e8f0fb;"},
        {"selector": "td", "props": "max-width:40em;"},
    ]
    for i, column in enumerate(frame.columns):
        if _is_number(frame[column]):
            align = "text-align:right;white-space:nowrap;font-variant-numeric:tabular-nums;"
            styles += [{"selector": f"td.col{i}", "props": align}, {"selector": f"th.col{i}", "props": align}]
        elif pd.api.types.is_datetime64_any_dtype(frame[column]) or _short_text(frame[column]):
            styles.append({"selector": f"td.col{i}", "props": "white-space:nowrap;"})  # "2016-09-\n12", "huff-\npost" read badly
    styler.set_table_styles([*styles, *extra], overwrite=True)
    separator = _separator(frame)
    for column in frame.columns:
        styler.format(_formatter(frame[column], separator), subset=[column], escape="html")
    return styler


def _box(fragment: str, rows: int) -> str:
    """Wrap a long table in a scroll box of fixed height; short ones are returned as they are."""
    if rows <= SCROLL_AFTER:
        return fragment
    return (f'<div class="toolkit-scroll" style="max-height:{1.9 * BOX_ROWS:.0f}em;overflow:auto;'
            f'border:1px solid #ddd;display:inline-block;max-width:100%;">{fragment}</div>')


def _note(text: str) -> str:
    return f'<div class="toolkit-note" style="{FONT}color:#555;margin:0.2em 0;">{html.escape(text)}</div>'


def show_table(frame: pd.DataFrame, *, max_rows: int | None = None, by: str | None = None, caption: str | None = None,
               index: bool = False, interactive: bool = False) -> Table:
    """Render a DataFrame: no index, aligned, formatted; long tables scroll, `by` shows one table per group.

    `index=True` shows a meaningful index (a statistic's name, a month) as the first column.
    `max_rows` shows the first rows only and says how many there are (never the middle cut out). With
    `by` (a column), each of its values gets a small table of its own, side by side, so that every
    group (every outlet) is visible; `max_rows` then applies to each group. `interactive=True` renders
    a searchable, sortable, filterable table instead (`explore_table`, same formatting; `by` does not apply).
    """
    if interactive:
        if by is not None:
            raise ValueError("show_table: by= shows one static table per group; an interactive table filters by its column menu instead")
        return explore_table(frame, caption=caption, index=index, **({} if max_rows is None else {"max_rows": max_rows}))
    if index:
        frame = frame.reset_index()
    if frame.empty:
        return Table(_note(caption or "No rows."), 0)
    parts = [_note(caption)] if caption else []
    if by is not None:
        blocks = []
        for value, group in frame.groupby(by, sort=False, dropna=False):
            shown = group.drop(columns=[by]).head(max_rows) if max_rows is not None else group.drop(columns=[by])
            heading = f"{'(unknown)' if pd.isna(value) else value} ({len(group):,} rows)" if len(shown) < len(group) else \
                f"{'(unknown)' if pd.isna(value) else value}"
            title = f'<div style="{FONT}font-weight:600;border-bottom:2px solid #4c72b0;">{html.escape(str(heading))}</div>'
            body = _box(_styler(shown, f"{by}={value}").to_html(), len(shown))
            blocks.append(f'<div class="toolkit-group" style="flex:0 1 auto;min-width:16em;">{title}{body}</div>')
        parts.append('<div class="toolkit-groups" style="display:flex;flex-wrap:wrap;gap:0.6em 2.2em;align-items:flex-start;">'
                     + "".join(blocks) + "</div>")
        return Table("\n".join(parts), len(frame))
    shown = frame if max_rows is None else frame.head(max_rows)
    if len(shown) < len(frame):
        parts.append(_note(f"The first {len(shown):,} of {len(frame):,} rows."))
    elif len(frame) > SCROLL_AFTER:
        parts.append(_note(f"{len(frame):,} rows (scroll the table to see them all)."))
    parts.append(_box(_styler(shown, "table").to_html(), len(shown)))
    return Table("\n".join(parts), len(frame))


def _clip_left(text: Any, width: int) -> str:
    text = "" if text is None or (isinstance(text, float) and math.isnan(text)) else " ".join(str(text).split())
    return text if len(text) <= width else "…" + text[-(width - 1):]


def _clip_right(text: Any, width: int) -> str:
    text = "" if text is None or (isinstance(text, float) and math.isnan(text)) else " ".join(str(text).split())
    return text if len(text) <= width else text[: width - 1] + "…"


def show_kwic(lines: pd.DataFrame, *, left: str = "left", keyword: str = "phrase", right: str = "right",
              columns: Sequence[str] = (), width: int = 50, max_rows: int | None = None) -> Table:
    """Render a concordance: `left` right-aligned, `keyword` highlighted, `right` left-aligned, each context
    clipped to `width` characters in a fixed-width column that does not wrap; `columns` follow (outlet, ...)."""
    if lines.empty:
        return Table(_note("No line to show."), 0)
    shown = lines if max_rows is None else lines.head(max_rows)
    frame = pd.DataFrame({
        left: [_clip_left(v, width) for v in shown[left]],
        keyword: [" ".join(str(v).split()) for v in shown[keyword]],
        right: [_clip_right(v, width) for v in shown[right]],
        **{c: shown[c].to_numpy() for c in columns},
    })
    context = MONO + f"white-space:pre;overflow:hidden;width:{width}ch;min-width:{width}ch;max-width:{width}ch;"
    clipped = "white-space:nowrap;overflow:hidden;text-overflow:ellipsis;"
    extra = [
        {"selector": "td", "props": clipped + "max-width:14em;"},
        {"selector": "td.col0", "props": context + "text-align:right;padding-right:0.4em;"},
        {"selector": "th.col0", "props": "text-align:right;"},
        {"selector": "td.col1", "props": MONO + clipped + "max-width:26ch;text-align:center;padding:0.25em 0;"},
        {"selector": "th.col1", "props": "text-align:center;"},
        {"selector": "td.col2", "props": context + "text-align:left;padding-left:0.4em;"},
    ]
    styler = _styler(frame, "kwic", extra)
    # The keyword alone is marked (not its whole column); the value is HTML-escaped before the mark is added.
    # A keyword clipped by its column's width shows in full on hover (title).
    styler.format(lambda v: f'<mark title="{v}" style="{KEYWORD_STYLE}padding:0 0.2em;">{v}</mark>', subset=[keyword], escape="html")
    parts = []
    if len(shown) < len(lines):
        parts.append(_note(f"The first {len(shown):,} of {len(lines):,} lines."))
    parts.append(_box(styler.to_html(), len(frame)))
    return Table("\n".join(parts), len(lines))


# --- Interactive tables (itables: DataTables, offline) -------------------------------------------------------

#: Rows an interactive table embeds at most (the page carries them all as JSON); the rest are counted, not shown.
INTERACTIVE_MAX_ROWS = 5000
#: Characters of a text cell an interactive table keeps (a quote, a title); longer ones end in "…".
INTERACTIVE_CLIP = 300
#: Rows per page of an interactive table.
PAGE_LENGTH = 10
#: Per page showing the kernel's output (its frontend session; None outside a notebook): the cell whose output
#: carries the DataTables library.
_CARRIERS: dict[str | None, str | None] = {}
_IDS_SEEN: dict[str, int] = {}


def _request() -> tuple[str | None, str | None]:
    """(frontend session, cell id) of the request the kernel is running; (None, None) outside a notebook kernel."""
    try:
        from IPython import get_ipython

        kernel = getattr(get_ipython(), "kernel", None)
        parent = (kernel.get_parent() if kernel is not None else None) or {}
        return parent.get("header", {}).get("session"), parent.get("metadata", {}).get("cellId")
    except Exception:  # any IPython oddity only means the library is shown once per process
        return None, None


def _needs_bundle() -> bool:
    """True for the first interactive table a page gets from this kernel, and again when the cell that carried the
    library runs again (its new output replaces the old one). A reloaded browser tab is a new frontend session,
    so it gets the library again even though the kernel lives on."""
    session, cell = _request()
    if session not in _CARRIERS or (cell is not None and _CARRIERS[session] == cell):
        _CARRIERS[session] = cell
        return True
    return False


def forget_library() -> None:
    """Make the next interactive table carry the library again (as in a fresh kernel)."""
    _CARRIERS.clear()


def _offline_bundle() -> str:
    """The DataTables library and its CSS, inline (about 1 MB): tables work with no network, in JupyterLab and
    in the HTML report. Deterministic: it is the file shipped with itables, base64-encoded."""
    import itables.options as itables_options
    from itables.javascript import generate_init_offline_itables_html

    # The logo's link to itables.org is the one remote reference in the bundle's HTML; nothing needs it.
    saved = itables_options.display_logo_when_loading
    itables_options.display_logo_when_loading = False
    try:
        return generate_init_offline_itables_html(itables_options.dt_bundle)
    finally:
        itables_options.display_logo_when_loading = saved


class InteractiveTable(Table):
    """A searchable, sortable, filterable table; its first display in a kernel carries the offline library."""

    def _repr_html_(self) -> str:
        return _offline_bundle() + "\n" + self.html if _needs_bundle() else self.html

    def __repr__(self) -> str:
        return f"<InteractiveTable: {self.rows} rows>"


class _Setup:
    """The output of `interactive_mode()`: the offline library, shown once."""

    def _repr_html_(self) -> str:
        session, cell = _request()
        _CARRIERS[session] = cell
        return _offline_bundle()

    def __repr__(self) -> str:
        return "<interactive tables: offline library loaded>"


def interactive_mode() -> _Setup:
    """Return the offline DataTables library as a display object, for a notebook's first cell (keep its output).

    Optional: the first interactive table of a kernel session carries the library itself. Calling this in the
    setup cell keeps the library in that cell's output, so tables still work after other cells are re-run.
    """
    return _Setup()


def _table_id(frame: pd.DataFrame, salt: str) -> str:
    """A DataTables id derived from the content (itables draws a random one): the same report is the same bytes.

    The same table shown twice in one session gets a counted suffix, so ids stay unique on a page.
    """
    base = _uuid(frame, salt)
    _IDS_SEEN[base] = _IDS_SEEN.get(base, 0) + 1
    return base if _IDS_SEEN[base] == 1 else f"{base}_{_IDS_SEEN[base]}"


def _identifier(series: pd.Series) -> bool:
    """True for a column of long single tokens (doc ids, URLs): they may break anywhere rather than widen the table."""
    values = series.dropna().astype(str)
    return bool(len(values)) and not values.str.contains(r"\s").any()


def _clip(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def explore_table(frame: pd.DataFrame, *, caption: str | None = None, index: bool = False, max_rows: int = INTERACTIVE_MAX_ROWS,
                  clip: int = INTERACTIVE_CLIP, page_length: int = PAGE_LENGTH, salt: str = "explore") -> InteractiveTable:
    """Render a DataFrame as a searchable, sortable, filterable table that works offline (itables/DataTables).

    The formatting is `show_table`'s: no index column (`index=True` shows a meaningful one), dates as
    YYYY-MM-DD, whole numbers as integers, text left-aligned and numbers right-aligned; numbers sort as
    numbers. The search box searches every column; each column's header has a menu to sort and to filter
    (a list of values for short labels such as outlets and categories, a search field otherwise). Text
    cells are clipped to `clip` characters; at most `max_rows` rows are embedded (the note says how many
    there are). The HTML is deterministic: the table's id is derived from its content.
    """
    from itables import to_html_datatable

    if index:
        frame = frame.reset_index()
    if frame.empty:
        return InteractiveTable(_note(caption or "No rows."), 0)
    frame = frame.reset_index(drop=True)
    shown = frame.head(max_rows)
    separator = _separator(shown)
    cells = pd.DataFrame({
        str(column): [_clip(" ".join(text.split()), clip) if not _is_number(shown[column]) else text
                      for text in map(_formatter(shown[column], separator), shown[column])]
        for column in shown.columns
    })
    column_defs: list[dict[str, Any]] = []
    for i, column in enumerate(shown.columns):
        if _is_number(shown[column]):
            column_defs.append({"targets": [i], "type": "num-fmt", "className": "dt-right toolkit-nowrap",
                                "columnControl": ["order", ["searchDropdown"]]})
        elif pd.api.types.is_datetime64_any_dtype(shown[column]) or _short_text(shown[column]):
            column_defs.append({"targets": [i], "className": "dt-left toolkit-nowrap", "columnControl": ["order", ["searchList"]]})
        elif _identifier(shown[column]):
            column_defs.append({"targets": [i], "className": "dt-left toolkit-id", "columnControl": ["order", ["searchDropdown"]]})
        else:
            column_defs.append({"targets": [i], "className": "dt-left toolkit-wrap", "columnControl": ["order", ["searchDropdown"]]})
    table_id = _table_id(cells, salt)
    fragment = to_html_datatable(
        cells, connected=False, table_id=table_id, showIndex=False, display_logo_when_loading=False,
        classes="display compact cell-border", columnDefs=column_defs, ordering={"indicators": False, "handler": False},
        layout={"topStart": "search", "topEnd": "pageLength", "bottomStart": "info", "bottomEnd": "paging"},  # not itables' default: that hides the search box of a one-page table
        pageLength=page_length, lengthMenu=sorted({page_length, 10, 25, 50, 100}), order=[], maxBytes=0, autoWidth=False,
        style="table-layout:auto;width:100%;margin:0;caption-side:top;",
    )
    # Cell styles ride in a <style> scoped to this table: DataTables builds the cells itself, so no inline style reaches them.
    css = (f"<style>#{table_id} td, #{table_id} th {{{FONT}text-align:left;vertical-align:top;}}"
           f"#{table_id} td.dt-right, #{table_id} th.dt-right {{text-align:right;font-variant-numeric:tabular-nums;}}"
           f"#{table_id} td.toolkit-nowrap {{white-space:nowrap;}}"
           f"#{table_id} td.toolkit-wrap {{white-space:normal;min-width:20em;max-width:44em;}}"
           f"#{table_id} td.toolkit-id {{overflow-wrap:anywhere;min-width:8em;max-width:14em;color:#555;}}</style>")
    parts = [_note(caption)] if caption else []
    if len(shown) < len(frame):
        parts.append(_note(f"The first {len(shown):,} of {len(frame):,} rows (search and sort apply to these)."))
    parts.append(f'<div class="toolkit-explore" style="{FONT}max-width:100%;overflow-x:auto;">{css}{fragment}</div>')
    return InteractiveTable("\n".join(parts), len(frame))
