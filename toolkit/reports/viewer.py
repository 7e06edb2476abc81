"""Show one article with its quotes and denials highlighted, like displaCy's entity renderer.

    >>> from toolkit.reports.viewer import show_article
    >>> show_article(data, "nyt_2015-12-22_trump-says-praise-from-putin-hel")   # in JupyterLab

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

__all__ = ["ArticleView", "HTML", "LAYERS", "article_view", "kwic_html", "render_article", "show_article"]

#: Highlight layers, outermost first when two spans start and end at the same offsets.
#: name -> (legend label, inline CSS)
LAYERS: dict[str, tuple[str, str]] = {
    "quote": ("quote content", "background:#fff1a8;"),
    "speaker": ("speaker", "background:#cfe2ff;font-weight:600;"),
    "cue": ("cue verb", "background:#c9f0c9;"),
    "denial": ("denial phrase", "background:#ffc9c9;box-shadow:inset 0 0 0 1px #c0392b;"),
    "target": ("what is denied (target)", "border-bottom:2px dashed #d35400;"),
}
_ORDER = {name: i for i, name in enumerate(LAYERS)}
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


def _clean(value: Any) -> str | None:
    """Return a cell as text, None when missing."""
    return None if _missing(value) else str(value)


def _tip(*parts: tuple[str, Any]) -> str:
    """Join the non-empty (name, value) pairs of a tooltip, one per line."""
    return "\n".join(f"{name}: {value}" for name, value in parts if _clean(value))


def _add(out: list[Highlight], length: int, start: Any, end: Any, layer: str, tooltip: str, ann_id: str, label: str | None = None) -> None:
    """Append a highlight when its offsets are present and fall inside the text."""
    s, e = _offset(start), _offset(end)
    if s is None or e is None or not 0 <= s < e <= length:
        return
    out.append(Highlight(s, e, layer, tooltip, ann_id, label))


def _quote_highlights(quotes: list[dict[str, Any]], length: int) -> list[Highlight]:
    found: list[Highlight] = []
    for i, q in enumerate(quotes):
        speaker = _clean(q.get("speaker_name")) or _clean(q.get("speaker"))
        resolved = _clean(q.get("speaker_resolved"))
        tip = _tip(("quote", q.get("kind")), ("speaker", speaker),
                   ("resolved to", resolved if resolved and resolved != speaker else None),
                   ("cue", q.get("cue")), ("rule", q.get("rule")))
        _add(found, length, q.get("start"), q.get("end"), "quote", tip, f"q{i}")
        _add(found, length, q.get("speaker_start"), q.get("speaker_end"), "speaker",
             _tip(("speaker", speaker), ("resolved to", resolved), ("of quote", f"q{i}")), f"q{i}s")
        _add(found, length, q.get("cue_start"), q.get("cue_end"), "cue",
             _tip(("cue", q.get("cue")), ("kind", q.get("kind")), ("rule", q.get("rule"))), f"q{i}c")
    return found


def _denial_highlights(denials: list[dict[str, Any]], length: int) -> list[Highlight]:
    found: list[Highlight] = []
    for i, d in enumerate(denials):
        voice = None if d.get("in_quote") is None else ("in a quote" if d.get("in_quote") else "author's voice")
        tip = _tip(("denial", d.get("category")), ("denier", _clean(d.get("denier_name")) or d.get("denier")),
                   ("target", d.get("target")), ("voice", voice), ("rule", d.get("rule")))
        _add(found, length, d.get("start"), d.get("end"), "denial", tip, f"d{i}", _clean(d.get("category")))
        _add(found, length, d.get("target_start"), d.get("target_end"), "target",
             _tip(("target of", d.get("text")), ("category", d.get("category"))), f"d{i}t")
    return found


def _open_tag(h: Highlight, start: int, end: int) -> str:
    return (
        f'<span data-layer="{h.layer}" data-ann="{h.ann_id}" data-start="{start}" data-end="{end}" '
        f'title="{html.escape(h.tooltip, quote=True)}" style="{_SPAN_STYLE}{LAYERS[h.layer][1]}">'
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
        out[index] = _open_tag(h, opened, p)
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
) -> str:
    """Return the article as an HTML fragment with quotes, speakers, cues and denials highlighted.

    Args:
        text: the article body; every offset in `quotes` and `denials` is into it.
        quotes: the article's quotes (a DataFrame slice of the quotes table, `Quote`s or dicts).
        denials: the article's denials; rows with `field == "title"` are offsets into `title`.
        title: the headline, shown above the body (with its own denials highlighted).
        subtitle: a line under the title (outlet, date, id).
        legend: show the colour legend.
    """
    text = text or ""
    rows = _records(denials)
    body_denials = [d for d in rows if d.get("field", "text") != "title"]
    title_denials = [d for d in rows if d.get("field", "text") == "title"]
    highlights = _quote_highlights(_records(quotes), len(text)) + _denial_highlights(body_denials, len(text))
    parts = [f'<div class="toolkit-article" style="{_BOX_STYLE}">']
    if title:
        title_html = render_spans(title, _denial_highlights(title_denials, len(title)))
        parts.append(f'<div style="font-size:1.25em;font-weight:700;line-height:1.5;margin:0.3em 0;">{title_html}</div>')
    if subtitle:
        parts.append(f'<div style="font-family:sans-serif;font-size:0.8em;color:#666;">{_escape(subtitle)}</div>')
    if legend:
        chips = "".join(
            f'<span style="{_SPAN_STYLE}{css}margin-right:0.6em;">{_escape(name)}</span>' for name, css in LAYERS.values()
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

    def to_html(self) -> str:
        """Return the highlighted article as an HTML fragment."""
        return render_article(self.text, self.quotes, self.denials, title=self.title, subtitle=self.subtitle, legend=self.legend)

    def _repr_html_(self) -> str:
        return self.to_html()

    def __repr__(self) -> str:
        # Short and free of memory addresses: the plain-text output stored in a notebook stays deterministic.
        n_q = 0 if self.quotes is None else len(self.quotes)
        n_d = 0 if self.denials is None else len(self.denials)
        return f"ArticleView({self.title or self.text[:60]!r}, {n_q} quotes, {n_d} denials)"


def article_view(articles: pd.DataFrame, quotes: pd.DataFrame, denials: pd.DataFrame, doc_id: str, *, legend: bool = True) -> ArticleView:
    """Return the view of one article of the articles/quotes/denials tables."""
    match = articles[articles["doc_id"] == doc_id]
    if match.empty:
        raise KeyError(f"no article with doc_id {doc_id!r}")
    row = match.iloc[0]
    date = row.get("date")
    meta = [str(row.get("outlet") or "(unknown outlet)"), "" if pd.isna(date) else pd.Timestamp(date).strftime("%Y-%m-%d"), doc_id]
    order = ["start", "end"]
    q = quotes[quotes["doc_id"] == doc_id].sort_values(order, kind="stable") if len(quotes) else None
    d = denials[denials["doc_id"] == doc_id].sort_values(["field", *order], kind="stable") if len(denials) else None
    return ArticleView(str(row["text"]), q, d, title=_clean(row.get("title")), subtitle=" · ".join(m for m in meta if m), legend=legend)


def show_article(dataset: Any, doc_id: str, *, legend: bool = True) -> ArticleView:
    """Return the highlighted view of `doc_id` from a `toolkit.pipeline.dataset.Dataset` (displays in Jupyter)."""
    return article_view(dataset.articles, dataset.quotes, dataset.denials, doc_id, legend=legend)


def kwic_html(lines: pd.DataFrame, *, max_rows: int | None = None) -> str:
    """Return a concordance (`toolkit.reports.analysis.concordance`) as an HTML table: left context right-aligned, phrase highlighted."""
    rows = lines if max_rows is None else lines.head(max_rows)
    cell = "padding:0.1em 0.4em;white-space:nowrap;overflow:hidden;text-overflow:ellipsis;max-width:28em;"
    out = [
        '<table class="toolkit-kwic" style="border-collapse:collapse;font-family:Menlo,Consolas,monospace;font-size:12px;">',
        '<tr style="font-family:sans-serif;color:#555;"><th style="text-align:right;">left</th><th>phrase</th>'
        '<th style="text-align:left;">right</th><th style="text-align:left;">category</th><th style="text-align:left;">denier</th>'
        '<th style="text-align:left;">outlet</th><th style="text-align:left;">doc_id</th></tr>',
    ]
    for row in rows.to_dict(orient="records"):
        voice = "in a quote" if row.get("in_quote") else "author's voice"
        out.append(
            f'<tr title="{html.escape(voice, quote=True)}">'
            f'<td style="{cell}text-align:right;direction:rtl;"><bdi>{_escape(str(row.get("left") or ""))}</bdi></td>'
            f'<td style="{cell}{LAYERS["denial"][1]}font-weight:600;text-align:center;">{_escape(str(row.get("phrase") or ""))}</td>'
            f'<td style="{cell}text-align:left;">{_escape(str(row.get("right") or ""))}</td>'
            f'<td style="{cell}text-align:left;">{_escape(str(row.get("category") or ""))}</td>'
            f'<td style="{cell}text-align:left;">{_escape(str(_clean(row.get("denier")) or ""))}</td>'
            f'<td style="{cell}text-align:left;">{_escape(str(row.get("outlet") or ""))}</td>'
            f'<td style="{cell}text-align:left;color:#777;">{_escape(str(row.get("doc_id") or ""))}</td></tr>'
        )
    out.append("</table>")
    return "\n".join(out)


class HTML:
    """A fragment of HTML that Jupyter displays as such (no IPython import needed in pure code)."""

    def __init__(self, fragment: str) -> None:
        self.fragment = fragment

    def _repr_html_(self) -> str:
        return self.fragment

    def __repr__(self) -> str:
        return f"HTML({len(self.fragment)} characters)"
