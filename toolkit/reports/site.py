"""The report as a small web site: an index page, and on every notebook page a title, a navigation bar and
a table of contents.

nbconvert renders each executed notebook alone (its `<title>` would be "Notebook", with no link to the
other pages). `decorate_page` post-processes that HTML with plain string edits at three fixed places (the
`<title>`, the end of `<head>`, the start of `<body>`) and one found place (the cell holding the first
section heading, where the table of contents goes), so it needs no template folder of ours and works with
nbconvert's own `lab` template. `index_html` writes the landing page: the corpus, its counts, what the load
log says, the toolkit version and a card per page. Everything is a pure function of its inputs (no dates,
no random ids), so two reports of one corpus are identical. `collapsible` wraps a fragment (an example
article) in a `<details>` section that starts closed.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Mapping, Sequence

import pandas as pd

from toolkit.reports.viewer import HTML

__all__ = [
    "CorpusFacts", "Page", "collapsible", "corpus_facts", "decorate_page", "index_html", "notebook_page",
    "page_headings",
]

#: Inline stylesheet of every page (one place, so pages and index look alike).
CSS = """
.toolkit-nav{position:sticky;top:0;z-index:100;display:flex;flex-wrap:wrap;align-items:baseline;gap:0.25em 1.3em;
  margin:0 0 1em 0;padding:0.6em 1.2em;background:#1f3a5f;
  font:14px/1.4 system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;box-shadow:0 1px 3px rgba(0,0,0,0.25);}
.toolkit-nav a{color:#d6e4f5;text-decoration:none;white-space:nowrap;}
.toolkit-nav a:hover{color:#fff;text-decoration:underline;}
.toolkit-nav a[aria-current=page]{color:#fff;font-weight:600;border-bottom:2px solid #fff;}
.toolkit-nav a.toolkit-home{color:#fff;font-weight:700;margin-right:0.8em;}
.toolkit-toc{font:13.5px/1.5 system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;background:#f5f7fa;
  border-left:4px solid #4c72b0;padding:0.5em 1.2em 0.6em 1em;margin:0.8em 0 1.4em 0;max-width:60em;}
.toolkit-toc strong{display:block;color:#333;margin-bottom:0.2em;}
.toolkit-toc ol{margin:0;padding-left:1.6em;columns:2 18em;column-gap:2.5em;}
.toolkit-toc a{color:#1f4f8f;text-decoration:none;}
.toolkit-toc a:hover{text-decoration:underline;}
:target{scroll-margin-top:3.4em;}
body.jp-Notebook{margin:0;padding-top:0;}
body.jp-Notebook > .toolkit-nav{margin-left:calc(-1 * var(--jp-notebook-padding, 10px));
  margin-right:calc(-1 * var(--jp-notebook-padding, 10px));}
"""

INDEX_CSS = """
body{margin:0;background:#fafbfc;color:#222;font:15px/1.55 system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;}
main{max-width:64em;margin:0 auto;padding:0.5em 1.5em 3em 1.5em;}
h1{font-size:1.9em;margin:0.6em 0 0.1em 0;}
h2{font-size:1.25em;margin:1.6em 0 0.5em 0;border-bottom:1px solid #e1e4e8;padding-bottom:0.2em;}
.lead{color:#555;margin:0 0 1em 0;}
.facts{display:flex;flex-wrap:wrap;gap:0.8em;margin:1em 0;}
.fact{background:#fff;border:1px solid #e1e4e8;border-radius:6px;padding:0.6em 1em;min-width:8em;}
.fact b{display:block;font-size:1.5em;color:#1f3a5f;}
.fact span{color:#555;font-size:0.9em;}
.cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(19em,1fr));gap:1em;}
.card{display:block;background:#fff;border:1px solid #d0d7de;border-radius:8px;padding:0.9em 1.1em;color:inherit;
  text-decoration:none;}
.card:hover{border-color:#4c72b0;box-shadow:0 2px 6px rgba(31,58,95,0.15);}
.card h3{margin:0 0 0.3em 0;font-size:1.1em;color:#1f4f8f;}
.card p{margin:0;color:#444;font-size:0.93em;}
table.toolkit-log{border-collapse:collapse;font-size:0.93em;}
table.toolkit-log th,table.toolkit-log td{text-align:left;padding:0.2em 1.2em 0.2em 0;border-bottom:1px solid #eee;}
table.toolkit-log td.n{text-align:right;}
code{font-size:0.9em;background:#f0f2f5;padding:0.05em 0.3em;border-radius:3px;word-break:break-all;}
footer{margin-top:2.5em;color:#666;font-size:0.9em;}
"""

_HEADING = re.compile(r'<h([1-6])\s+id="([^"]+)"[^>]*>(.*?)</h\1>', re.S)
_TAG = re.compile(r"<[^>]+>")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"“(])")
#: The opening tag of a notebook cell in nbconvert's lab template.
_CELL_START = '<div class="jp-Cell'


@dataclass(frozen=True)
class Page:
    """One page of the site: its file name (beside index.html), its title and a one-line description."""

    file: str
    title: str
    description: str = ""


@dataclass(frozen=True)
class CorpusFacts:
    """What the index says about the corpus: counts, dates and the load log's summary."""

    name: str
    path: str
    articles: int
    outlets: Mapping[str, int]
    date_from: str | None
    date_to: str | None
    undated: int
    quotes: int
    denials: int
    read: int
    loaded: int
    #: action ("skipped", "repaired", "cleaned", "note") -> reason -> count
    events: Mapping[str, Mapping[str, int]] = field(default_factory=dict)


def _plain(markdown: str) -> str:
    """Markdown inline text as plain text: links to their words, emphasis and code marks removed."""
    text = re.sub(r"\[([^\]]+)\]\([^)]*\)", r"\1", markdown)
    text = re.sub(r"[*_`]+", "", text)
    return " ".join(text.split())


def notebook_page(notebook: Any, file: str) -> Page:
    """Return the `Page` of a notebook (an nbformat node): title from its first heading, description from the
    first sentence after it; the file name's words when it has no heading."""
    title, description = "", ""
    for cell in notebook.cells:
        if cell.cell_type != "markdown":
            continue
        lines = cell.source.splitlines()
        for i, line in enumerate(lines):
            if not title and line.lstrip().startswith("#"):
                title = _plain(line.lstrip().lstrip("#"))
                paragraph = []
                for rest in lines[i + 1:]:
                    if rest.strip().startswith("#") or (not rest.strip() and paragraph):
                        break
                    if rest.strip():
                        paragraph.append(rest)
                description = _SENTENCE_END.split(_plain(" ".join(paragraph)), 1)[0] if paragraph else ""
                break
        if title:
            break
    if not title:
        title = Path(file).stem.lstrip("0123456789_").replace("_", " ").capitalize() or Path(file).stem
    return Page(file, title, description)


def page_headings(page_html: str, levels: Iterable[int] = (2,)) -> list[tuple[int, str, str]]:
    """Return (level, id, text) of the headings nbconvert gave an id, in page order."""
    wanted = set(levels)
    out = []
    for level, anchor, inner in _HEADING.findall(page_html):
        if int(level) in wanted:
            text = html.unescape(_TAG.sub("", inner)).replace("¶", "").strip()
            out.append((int(level), html.unescape(anchor), text))
    return out


def nav_html(pages: Sequence[Page], current: str | None, home: str) -> str:
    """Return the navigation bar: the index (named `home`) and every page, `current` marked."""
    def link(href: str, text: str, css: str = "") -> str:
        mark = ' aria-current="page"' if href == current else ""
        return f'<a href="{html.escape(href, quote=True)}"{css}{mark}>{html.escape(text)}</a>'

    links = [link("index.html", home, ' class="toolkit-home"')] + [link(p.file, p.title) for p in pages]
    return '<nav class="toolkit-nav" aria-label="Report pages">' + "".join(links) + "</nav>"


def toc_html(headings: Sequence[tuple[int, str, str]]) -> str:
    """Return the table of contents of a page's section headings ("" when it has none)."""
    if not headings:
        return ""
    items = "".join(f'<li><a href="#{html.escape(anchor, quote=True)}">{html.escape(text)}</a></li>' for _, anchor, text in headings)
    return f'<nav class="toolkit-toc" aria-label="On this page"><strong>On this page</strong><ol>{items}</ol></nav>'


def decorate_page(page_html: str, page: Page, pages: Sequence[Page], *, home: str) -> str:
    """Return an nbconvert page with its title, the site's stylesheet, a navigation bar and a table of contents.

    The title is the notebook's first heading and `home` (the report's name); the contents list the page's
    section (h2) headings and sit just before the first of them (after the page's introduction).
    """
    title = f"{page.title} · {home}"
    page_html, found = re.subn(r"<title>.*?</title>", f"<title>{html.escape(title)}</title>", page_html, count=1, flags=re.S)
    if not found:
        page_html = page_html.replace("</head>", f"<title>{html.escape(title)}</title>\n</head>", 1)
    page_html = page_html.replace("</head>", f'<style type="text/css">{CSS}</style>\n</head>', 1)
    page_html = re.sub(r"(<body[^>]*>)", lambda m: m.group(1) + "\n" + nav_html(pages, page.file, home), page_html, count=1)
    toc = toc_html(page_headings(page_html))
    if toc:
        first = re.search(r'<h2\s+id="', page_html)
        cell = page_html.rfind(_CELL_START, 0, first.start()) if first else -1
        if cell < 0:  # not nbconvert's lab layout: put the contents under the navigation bar
            cell = page_html.find("</nav>") + len("</nav>")
        page_html = page_html[:cell] + toc + "\n" + page_html[cell:]
    return page_html


def _event_rows(facts: CorpusFacts) -> str:
    rows = []
    for action in ("skipped", "repaired", "cleaned", "note"):
        for reason, n in sorted(facts.events.get(action, {}).items()):
            rows.append(f'<tr><td>{action}</td><td>{html.escape(reason)}</td><td class="n">{n:,}</td></tr>')
    if not rows:
        return "<p>Nothing was skipped, repaired or cleaned.</p>"
    return ('<table class="toolkit-log"><thead><tr><th>action</th><th>reason</th><th>files or rows</th></tr></thead>'
            f"<tbody>{''.join(rows)}</tbody></table>")


def index_html(facts: CorpusFacts, pages: Sequence[Page], *, version: str | None,
               parameters: Mapping[str, Any] | None = None, manifest: str = "manifest.json") -> str:
    """Return the report's landing page: corpus name, counts, load-log summary, toolkit version, a card per page.

    `parameters` are the choices the report was made with (outlets, dates, ...), listed so a reader knows
    the pages may show part of the corpus.
    """
    e = html.escape
    dates = f"{facts.date_from} to {facts.date_to}" if facts.date_from else "no dates"
    skipped = sum(facts.events.get("skipped", {}).values())
    fact_cards = [
        (f"{facts.articles:,}", "articles"),
        (f"{len(facts.outlets):,}", "outlets"),
        (dates, "published" + (f" ({facts.undated:,} undated)" if facts.undated else "")),
        (f"{facts.quotes:,}", "quotes"),
        (f"{facts.denials:,}", "denials"),
    ]
    facts_html = "".join(f'<div class="fact"><b>{e(value)}</b><span>{e(label)}</span></div>' for value, label in fact_cards)
    outlets = ", ".join(f"{e(name)} ({n:,})" for name, n in facts.outlets.items()) or "none"
    cards = "".join(
        f'<a class="card" href="{e(p.file, quote=True)}"><h3>{e(p.title)}</h3><p>{e(p.description)}</p></a>' for p in pages
    )
    chosen = {k: v for k, v in (parameters or {}).items() if v is not None}
    if chosen:
        params = "<ul>" + "".join(f"<li><code>{e(k)}</code> = <code>{e(repr(v))}</code></li>" for k, v in chosen.items()) + "</ul>"
    else:
        params = "<p>None: every page shows the whole corpus.</p>"
    home = f"{facts.name} report"
    return (
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        '<meta name="viewport" content="width=device-width, initial-scale=1.0">\n'
        f"<title>{e(home)}</title>\n<style>{CSS}{INDEX_CSS}</style>\n</head>\n<body>\n"
        f"{nav_html(pages, 'index.html', home)}\n<main>\n"
        f"<h1>{e(facts.name)}</h1>\n"
        f'<p class="lead">A report of the corpus <code>{e(facts.path)}</code>, made by the news discourse toolkit '
        f"{e(version or '(version unknown)')}.</p>\n"
        f'<div class="facts">{facts_html}</div>\n'
        f"<p>Outlets: {outlets}.</p>\n"
        f'<h2 id="loading">What was loaded</h2>\n<p class="toolkit-load-summary">{facts.read:,} files or rows read, '
        f"{facts.loaded:,} articles loaded, {skipped:,} skipped.</p>\n{_event_rows(facts)}\n"
        f'<h2 id="pages">Pages</h2>\n<div class="cards">{cards}</div>\n'
        f'<h2 id="parameters">Report parameters</h2>\n{params}\n'
        f'<footer>Parameters, library versions and the SHA-256 of every input file: <a href="{e(manifest)}">{e(manifest)}</a>. '
        "Tables behind every figure: <code>tables/</code>; figures: <code>figures/</code>.</footer>\n"
        "</main>\n</body>\n</html>\n"
    )


def corpus_facts(tables: str | Path, name: str, path: str | Path) -> CorpusFacts:
    """Return the `CorpusFacts` of an extraction folder (what `toolkit.pipeline.extraction.extract` wrote)."""
    from toolkit.pipeline.dataset import open_dataset

    data = open_dataset(tables)
    articles = data.articles
    outlets = articles["outlet"].fillna("(unknown)").astype(str).value_counts()
    ordered = dict(sorted(outlets.items(), key=lambda item: (item[0] == "(unknown)", item[0])))
    dates = pd.to_datetime(articles["date"]).dropna()
    events: dict[str, dict[str, int]] = {}
    for event in data.log.events:
        events.setdefault(event.action, {})
        events[event.action][event.reason] = events[event.action].get(event.reason, 0) + 1
    return CorpusFacts(
        name=name, path=str(path), articles=len(articles), outlets={k: int(v) for k, v in ordered.items()},
        date_from=dates.min().date().isoformat() if len(dates) else None,
        date_to=dates.max().date().isoformat() if len(dates) else None,
        undated=len(articles) - len(dates), quotes=len(data.quotes), denials=len(data.denials),
        read=data.log.read, loaded=data.log.loaded, events=events,
    )


def collapsible(fragment: str, summary: str, *, expanded: bool = False) -> HTML:
    """Return `fragment` inside a `<details>` section whose one-line `summary` shows while it is closed.

    Inline styles only: JupyterLab drops `<style>` blocks from untrusted (papermill-executed) notebooks.
    """
    return HTML(
        f'<details class="toolkit-example" style="border:1px solid #d0d7de;border-radius:6px;margin:0.5em 0;'
        f'padding:0.3em 0.8em;max-width:56em;background:#fff;"{" open" if expanded else ""}>'
        f'<summary style="cursor:pointer;font:14px/1.6 system-ui,-apple-system,\'Segoe UI\',Roboto,sans-serif;'
        f'padding:0.2em 0;">{html.escape(summary)}</summary>\n{fragment}\n</details>'
    )
