"""Show one article with its quotes and denials highlighted, like displaCy's entity renderer.

    >>> from toolkit.reports.viewer import show_article
    >>> show_article(data, "nyt_2015-12-22_trump-says-praise-from-putin-hel")   # in JupyterLab; or data.show(...)

The rendering itself (`render_article`, `ArticleView`, `article_view`) lives in
`toolkit.pipeline.article_view`, beside the `Dataset` that displays it (`Dataset.show`); it is
re-exported here for the report notebooks. Every style is an inline `style` attribute (no <style>
block, no script), because JupyterLab strips <style> from untrusted notebooks (a papermill-executed
report is untrusted) while nbconvert keeps it. This module adds the concordance table (`kwic_html`).
"""

from __future__ import annotations

import html
from typing import Any

import pandas as pd

from toolkit.pipeline.article_view import (
    LAYERS,
    QUOTE_KINDS,
    ArticleView,
    Highlight,
    article_view,
    clean_cell,
    render_article,
    render_spans,
)

__all__ = ["ArticleView", "HTML", "Highlight", "LAYERS", "QUOTE_KINDS", "article_view", "kwic_html", "render_article",
           "render_spans", "show_article"]


def _escape(text: str) -> str:
    return html.escape(text, quote=False)


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
            f'<td style="{cell}text-align:left;">{_escape(str(clean_cell(row.get("denier")) or ""))}</td>'
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
