"""One article of a `Dataset` with its quotes and denials highlighted, like displaCy's entity renderer.

    >>> data.show("nyt_2015-12-22_trump-says-praise-from-putin-hel")   # in JupyterLab (`Dataset.show`)

It lives beside `Dataset` (not in `reports`) because an object that Jupyter displays renders itself
(`_repr_html_`): `data.show(doc_id)` needs the renderer, and `pipeline` may not import `reports`.
`toolkit.reports.viewer` re-exports it for the report notebooks.

Quotes are drawn by kind: direct quotes with a solid fill, mixed ones (reported speech with a quoted
fragment) with a lighter fill and a dotted underline, indirect (reported) speech with no fill and a grey
underline; the legend names the three. Every quote has a bar at its start and its end, so two quotes
that touch stay two bands.

`render_article(text, quotes, denials)` returns a self-contained HTML fragment: every style is an
inline `style` attribute (no <style> block, no script), because JupyterLab strips <style> from
untrusted notebooks (a papermill-executed report is untrusted) while nbconvert keeps it; inline
styles look the same in both. Hovering a highlight shows its details (speaker, cue, kind, rule;
category, denier, target, rule) through the `title` attribute.

Overlapping annotations are rendered from sorted open/close boundary events: the spans open
outermost first, and when a span must close while a span opened inside it is still open (the two
overlap without nesting), the inner one is closed and reopened right after, so the HTML is always
well nested and each piece carries `data-start`/`data-end` offsets with `text[start:end]` its text.
The output depends only on the input: no ids drawn at random, no timestamps.
"""

from __future__ import annotations

import html
from dataclasses import asdict, dataclass, field, is_dataclass
from typing import Any, Iterable, Mapping, NamedTuple

import pandas as pd

from toolkit.text.tokenize import paragraph_spans

__all__ = ["ArticleView", "Highlight", "LAYERS", "QUOTE_KINDS", "article_view", "clean_cell", "render_article", "render_spans"]

#: Highlight layers, outermost first when two spans start and end at the same offsets.
#: name -> (legend label, inline CSS)
LAYERS: dict[str, tuple[str, str]] = {
    "focus": ("selected row", "outline:2px solid #1f6feb;outline-offset:2px;"),
    "quote": ("quote content", "background:#fff1a8;"),
    "speaker": ("speaker", "background:#cfe2ff;font-weight:600;"),
    "cue": ("cue verb", "background:#c9f0c9;"),
    "denial": ("denial phrase", "background:#ffc9c9;box-shadow:inset 0 0 0 1px #c0392b;"),
    "target": ("what is denied (target)", "border-bottom:2px dashed #d35400;"),
}
_ORDER = {name: i for i, name in enumerate(LAYERS)}
#: The quote layer's look per quote kind: kind -> (legend label, inline CSS, colour of the start/end bars).
#: Told apart by fill and by line (solid fill / light fill + dotted line / no fill + grey line), not hue alone.
QUOTE_KINDS: dict[str, tuple[str, str, str]] = {
    "direct": ("direct quote", "background:#fff1a8;", "#c9a400"),
    "mixed": ("mixed quote", "background:#fff8d9;border-bottom:2px dotted #b7791f;", "#b7791f"),
    "indirect": ("indirect (reported) speech", "background:transparent;border-bottom:2px solid #9aa5b1;", "#6b7785"),
}
_SPAN_STYLE = "padding:0.05em 0.1em;border-radius:0.2em;line-height:1.9;"
_LABEL_STYLE = (
    "font-size:0.68em;font-weight:600;color:#7b241c;vertical-align:super;margin:0 0.25em 0 0.1em;"
    "font-family:sans-serif;text-transform:uppercase;"
)
_BOX_STYLE = (
    "font-family:Georgia,'Times New Roman',serif;font-size:15px;line-height:1.9;color:#222;"
    "max-width:52em;border:1px solid #ddd;border-radius:6px;padding:0.6em 1.2em;margin:0.6em 0;"
    "background:#fff;"
)


class Highlight(NamedTuple):
    """One annotation to draw: offsets, its layer, the hover text and a stable id."""

    start: int
    end: int
    layer: str
    tooltip: str
    ann_id: str
    label: str | None = None  # a small badge after the span (denial category)
    kind: str | None = None  # a quote's kind (direct, mixed, indirect): its look


def _records(table: Any) -> list[dict[str, Any]]:
    """Return rows as dicts from a DataFrame, dataclass instances or mappings; None gives []."""
    if table is None:
        return []
    if isinstance(table, pd.DataFrame):
        return table.to_dict(orient="records")
    rows = []
    for item in table:
        if is_dataclass(item):
            rows.append(asdict(item))
        elif isinstance(item, Mapping):
            rows.append(dict(item))
        else:
            rows.append(dict(item._asdict()))  # NamedTuple
    return rows


def _missing(value: Any) -> bool:
    """True for None, pd.NA and NaN (a table cell with no value)."""
    if value is None:
        return True
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):  # lists and other non-scalars are values
        return False


def _offset(value: Any) -> int | None:
    """Return an integer offset, None for missing values (pd.NA, NaN, None)."""
    return None if _missing(value) else int(value)


def clean_cell(value: Any) -> str | None:
    """Return a table cell as text, None when missing (None, NaN, pd.NA)."""
    return None if _missing(value) else str(value)


def _tip(*parts: tuple[str, Any]) -> str:
    """Join the non-empty (name, value) pairs of a tooltip, one per line."""
    return "\n".join(f"{name}: {value}" for name, value in parts if clean_cell(value))


def _add(out: list[Highlight], length: int, start: Any, end: Any, layer: str, tooltip: str, ann_id: str,
         label: str | None = None, kind: str | None = None) -> None:
    """Append a highlight when its offsets are present and fall inside the text."""
    s, e = _offset(start), _offset(end)
    if s is None or e is None or not 0 <= s < e <= length:
        return
    out.append(Highlight(s, e, layer, tooltip, ann_id, label, kind))


def _quote_highlights(quotes: list[dict[str, Any]], length: int) -> list[Highlight]:
    found: list[Highlight] = []
    for i, q in enumerate(quotes):
        speaker = clean_cell(q.get("speaker_name")) or clean_cell(q.get("speaker"))
        resolved = clean_cell(q.get("speaker_resolved"))
        tip = _tip(("quote", q.get("kind")), ("speaker", speaker),
                   ("resolved to", resolved if resolved and resolved != speaker else None),
                   ("cue", q.get("cue")), ("rule", q.get("rule")))
        _add(found, length, q.get("start"), q.get("end"), "quote", tip, f"q{i}", kind=clean_cell(q.get("kind")) or "direct")
        _add(found, length, q.get("speaker_start"), q.get("speaker_end"), "speaker",
             _tip(("speaker", speaker), ("resolved to", resolved), ("of quote", f"q{i}")), f"q{i}s")
        _add(found, length, q.get("cue_start"), q.get("cue_end"), "cue",
             _tip(("cue", q.get("cue")), ("kind", q.get("kind")), ("rule", q.get("rule"))), f"q{i}c")
    return found


def _denial_highlights(denials: list[dict[str, Any]], length: int) -> list[Highlight]:
    found: list[Highlight] = []
    for i, d in enumerate(denials):
        voice = None if d.get("in_quote") is None else ("in a quote" if d.get("in_quote") else "author's voice")
        tip = _tip(("denial", d.get("category")), ("denier", clean_cell(d.get("denier_name")) or d.get("denier")),
                   ("target", d.get("target")), ("voice", voice), ("rule", d.get("rule")))
        _add(found, length, d.get("start"), d.get("end"), "denial", tip, f"d{i}", clean_cell(d.get("category")))
        _add(found, length, d.get("target_start"), d.get("target_end"), "target",
             _tip(("target of", d.get("text")), ("category", d.get("category"))), f"d{i}t")
    return found


def _style(h: Highlight, first: bool, last: bool) -> str:
    """A piece's inline CSS: its layer's (a quote's by kind), and for a quote's first and last piece a bar, so
    that two quotes that touch are two bands, not one."""
    if h.layer != "quote":
        return _SPAN_STYLE + LAYERS[h.layer][1]
    _, css, bar = QUOTE_KINDS.get(h.kind or "direct", QUOTE_KINDS["direct"])
    edges = (f"border-left:2px solid {bar};margin-left:1px;" if first else "") + \
        (f"border-right:2px solid {bar};margin-right:1px;" if last else "")
    return _SPAN_STYLE + css + edges


def _open_tag(h: Highlight, start: int, end: int, first: bool = True, last: bool = True) -> str:
    kind = f' data-kind="{html.escape(h.kind, quote=True)}"' if h.layer == "quote" and h.kind else ""
    return (
        f'<span data-layer="{h.layer}"{kind} data-ann="{h.ann_id}" data-start="{start}" data-end="{end}" '
        f'title="{html.escape(h.tooltip, quote=True)}" style="{_style(h, first, last)}">'
    )


def _label(h: Highlight) -> str:
    return f'<sup data-label="{h.ann_id}" style="{_LABEL_STYLE}">{html.escape(h.label or "")}</sup>'


def _escape(text: str) -> str:
    return html.escape(text, quote=False)


def render_spans(text: str, highlights: Iterable[Highlight], lo: int = 0, hi: int | None = None) -> str:
    """Return `text[lo:hi]` as escaped HTML with the highlights as well-nested <span>s."""
    hi = len(text) if hi is None else hi
    highlights = list(highlights)
    full_end = {h.ann_id: h.end for h in highlights}  # a clipped piece gets its label only at the span's real end
    full_start = {h.ann_id: h.start for h in highlights}
    # Clip to the window; outer spans first (earlier start, then later end), ties by layer then id.
    spans = sorted(
        {Highlight(max(h.start, lo), min(h.end, hi), *h[2:]) for h in highlights if h.start < hi and h.end > lo},
        key=lambda h: (h.start, -h.end, _ORDER[h.layer], h.ann_id),
    )
    points = sorted({lo, hi, *(h.start for h in spans), *(h.end for h in spans)})
    out: list[str] = []
    stack: list[tuple[Highlight, int, int]] = []  # (span, where its current piece opened, index of its open tag)

    def open_piece(h: Highlight, p: int) -> None:
        out.append("")  # the open tag, written when the piece closes and its end is known
        stack.append((h, p, len(out) - 1))

    def close_piece(entry: tuple[Highlight, int, int], p: int) -> None:
        h, opened, index = entry
        out[index] = _open_tag(h, opened, p, full_start[h.ann_id] == opened, full_end[h.ann_id] == p)
        out.append("</span>")
        if h.label and full_end[h.ann_id] == p:
            out.append(_label(h))

    i, pos = 0, lo
    for p in points:
        out.append(_escape(text[pos:p]))
        pos = p
        closing = [k for k, (h, _, _) in enumerate(stack) if h.end == p]
        if closing:
            # Close down to the outermost span ending here; reopen those that go on (overlap, not nesting).
            going_on = [entry[0] for entry in stack[closing[0]:] if entry[0].end != p]
            for entry in reversed(stack[closing[0]:]):
                close_piece(entry, p)
            del stack[closing[0]:]
            for h in going_on:
                open_piece(h, p)
        while i < len(spans) and spans[i].start == p:
            open_piece(spans[i], p)
            i += 1
    return "".join(out)


def render_article(
    text: str,
    quotes: Any = None,
    denials: Any = None,
    *,
    title: str | None = None,
    subtitle: str | None = None,
    legend: bool = True,
    focus: tuple[int, int] | None = None,
) -> str:
    """Return the article as an HTML fragment with quotes, speakers, cues and denials highlighted.

    Args:
        text: the article body; every offset in `quotes` and `denials` is into it.
        quotes: the article's quotes (a DataFrame slice of the quotes table, `Quote`s or dicts).
        denials: the article's denials; rows with `field == "title"` are offsets into `title`.
        title: the headline, shown above the body (with its own denials highlighted).
        subtitle: a line under the title (outlet, date, id).
        legend: show the colour legend.
        focus: (start, end) of one span of the body to outline, e.g. the quote picked in a table.
    """
    text = text or ""
    rows = _records(denials)
    body_denials = [d for d in rows if d.get("field", "text") != "title"]
    title_denials = [d for d in rows if d.get("field", "text") == "title"]
    highlights = _quote_highlights(_records(quotes), len(text)) + _denial_highlights(body_denials, len(text))
    if focus is not None:
        _add(highlights, len(text), focus[0], focus[1], "focus", "the selected row", "focus")
    parts = [f'<div class="toolkit-article" style="{_BOX_STYLE}">']
    if title:
        title_html = render_spans(title, _denial_highlights(title_denials, len(title)))
        parts.append(f'<div style="font-size:1.25em;font-weight:700;line-height:1.5;margin:0.3em 0;">{title_html}</div>')
    if subtitle:
        parts.append(f'<div style="font-family:sans-serif;font-size:0.8em;color:#666;">{_escape(subtitle)}</div>')
    if legend:
        kinds = [(name, css + f"border-left:2px solid {bar};border-right:2px solid {bar};") for name, css, bar in QUOTE_KINDS.values()]
        others = [LAYERS[name] for name in LAYERS if name not in ("quote", "focus")]
        others += [LAYERS["focus"]] if focus is not None else []
        chips = "".join(
            f'<span style="{_SPAN_STYLE}{css}margin-right:0.6em;">{_escape(name)}</span>' for name, css in kinds + others
        )
        parts.append(
            f'<div style="font-family:sans-serif;font-size:0.8em;color:#444;margin:0.4em 0;">{chips}'
            f'<span style="color:#777;">(hover a highlight for details)</span></div>'
        )
    paragraphs = paragraph_spans(text)
    for para in paragraphs:
        parts.append(f'<p style="margin:0.6em 0;white-space:pre-wrap;">{render_spans(text, highlights, para.start, para.end)}</p>')
    if not paragraphs:
        parts.append('<p style="color:#777;">(empty article)</p>')
    parts.append("</div>")
    return "\n".join(parts)


@dataclass(frozen=True, repr=False)
class ArticleView:
    """An article with its annotations; displays itself highlighted in JupyterLab."""

    text: str
    quotes: Any = None
    denials: Any = None
    title: str | None = None
    subtitle: str | None = None
    legend: bool = field(default=True)
    focus: tuple[int, int] | None = None

    def to_html(self) -> str:
        """Return the highlighted article as an HTML fragment."""
        return render_article(self.text, self.quotes, self.denials, title=self.title, subtitle=self.subtitle, legend=self.legend,
                              focus=self.focus)

    def _repr_html_(self) -> str:
        return self.to_html()

    def __repr__(self) -> str:
        # Short and free of memory addresses: the plain-text output stored in a notebook stays deterministic.
        n_q = 0 if self.quotes is None else len(self.quotes)
        n_d = 0 if self.denials is None else len(self.denials)
        return f"ArticleView({self.title or self.text[:60]!r}, {n_q} quotes, {n_d} denials)"


def article_view(articles: pd.DataFrame, quotes: pd.DataFrame, denials: pd.DataFrame, doc_id: str, *, legend: bool = True,
                 focus: tuple[int, int] | None = None) -> ArticleView:
    """Return the view of one article of the articles/quotes/denials tables; `focus` outlines one span of its body."""
    match = articles[articles["doc_id"] == doc_id]
    if match.empty:
        raise KeyError(f"no article with doc_id {doc_id!r}")
    row = match.iloc[0]
    date = row.get("date")
    meta = [str(row.get("outlet") or "(unknown outlet)"), "" if pd.isna(date) else pd.Timestamp(date).strftime("%Y-%m-%d"), doc_id]
    order = ["start", "end"]
    q = quotes[quotes["doc_id"] == doc_id].sort_values(order, kind="stable") if len(quotes) else None
    d = denials[denials["doc_id"] == doc_id].sort_values(["field", *order], kind="stable") if len(denials) else None
    return ArticleView(str(row["text"]), q, d, title=clean_cell(row.get("title")), subtitle=" · ".join(m for m in meta if m), legend=legend,
                       focus=focus)
