"""The report site: page titles, navigation, contents, the index page and collapsible sections (hand-made inputs)."""

from __future__ import annotations

import html
import re

import nbformat
import pytest

from toolkit.reports.site import (
    CorpusFacts, Page, collapsible, decorate_page, index_html, notebook_page, page_headings,
)

PAGES = [Page("01_corpus_overview.html", "Corpus overview", "What is in it."), Page("02_quotes.html", "Quotes", "Who is quoted.")]
#: The shape of nbconvert's lab template around the places `decorate_page` edits.
NBCONVERT = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8" />
<title>Notebook</title>
</head>
<body class="jp-Notebook" data-jp-theme-light="true">
<main>
<div class="jp-Cell jp-MarkdownCell jp-Notebook-cell" id="cell-id=a">
<h1 id="Quotes">Quotes<a class="anchor-link" href="#Quotes">¶</a></h1><p>Who is quoted.</p>
</div>
<div class="jp-Cell jp-CodeCell jp-Notebook-cell" id="cell-id=b"><pre>45 quotes</pre></div>
<div class="jp-Cell jp-MarkdownCell jp-Notebook-cell" id="cell-id=c">
<h2 id="Who-is-quoted">Who is quoted<a class="anchor-link" href="#Who-is-quoted">¶</a></h2>
</div>
<div class="jp-Cell jp-MarkdownCell jp-Notebook-cell" id="cell-id=d">
<h2 id="Speakers-&amp;-outlets">Speakers &amp; <em>outlets</em><a class="anchor-link" href="#Speakers-&amp;-outlets">¶</a></h2>
</div>
</main>
</body>
</html>
"""


def _notebook(*sources: str):
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_markdown_cell(s) if s.startswith(("#", "*")) else nbformat.v4.new_code_cell(s) for s in sources]
    return nb


@pytest.mark.parametrize("sources, title, description", [
    (["# Quotes\n\nWho is quoted, how, and how often. A *quote* is reported speech.\n\n## Later"], "Quotes",
     "Who is quoted, how, and how often."),
    (["x = 1", "# Comparing two **sub-corpora**\n\nTwo sets of articles side by side: by default\ntwo outlets. More."],
     "Comparing two sub-corpora", "Two sets of articles side by side: by default two outlets."),
    (["# Validation"], "Validation", ""),
    (["x = 1"], "Corpus overview", ""),  # no heading: the file name's words
])
def test_notebook_page_title_and_description(sources, title, description):
    page = notebook_page(_notebook(*sources), "01_corpus_overview.html")
    assert (page.title, page.description) == (title, description)


def test_page_headings_are_the_section_headings_with_their_ids():
    assert page_headings(NBCONVERT) == [(2, "Who-is-quoted", "Who is quoted"), (2, "Speakers-&-outlets", "Speakers & outlets")]
    assert page_headings(NBCONVERT, levels=(1,)) == [(1, "Quotes", "Quotes")]


def test_decorated_page_has_title_nav_and_contents_before_the_first_section():
    page = decorate_page(NBCONVERT, PAGES[1], PAGES, home="sample report")
    assert re.findall(r"<title>(.*?)</title>", page) == ["Quotes · sample report"]
    nav = re.search(r'<nav class="toolkit-nav".*?</nav>', page).group(0)
    assert re.findall(r'href="([^"]+)"', nav) == ["index.html", "01_corpus_overview.html", "02_quotes.html"]
    assert 'href="02_quotes.html" aria-current="page"' in nav
    assert page.index("<body") < page.index('class="toolkit-nav"') < page.index("<main>")
    toc = re.search(r'<nav class="toolkit-toc".*?</nav>', page).group(0)
    assert re.findall(r'href="([^"]+)"', toc) == ["#Who-is-quoted", "#Speakers-&amp;-outlets"]
    # after the introduction and the code cell's output, right before the cell of the first section
    assert page.index("45 quotes") < page.index('class="toolkit-toc"') < page.index('id="cell-id=c"')
    assert page.count("<style") == 1 and page.index("<style") < page.index("</head>")
    assert decorate_page(NBCONVERT, PAGES[1], PAGES, home="sample report") == page  # deterministic


def test_page_without_sections_gets_no_contents():
    bare = NBCONVERT.split('<div class="jp-Cell jp-MarkdownCell jp-Notebook-cell" id="cell-id=c">')[0] + "</main></body></html>"
    page = decorate_page(bare, PAGES[0], PAGES, home="r")
    assert 'class="toolkit-toc"' not in page and 'class="toolkit-nav"' in page


FACTS = CorpusFacts(
    name="polnear", path="/data/polnear", articles=923, outlets={"breitbart": 132, "nyt": 132, "(unknown)": 1},
    date_from="2015-06-01", date_to="2016-11-30", undated=2, quotes=12345, denials=678, read=924, loaded=923,
    events={"skipped": {"duplicate": 1}, "note": {"ignored_files": 1}},
)


def test_index_names_the_corpus_counts_load_log_version_and_pages():
    page = index_html(FACTS, PAGES, version="0.1.0", parameters={"outlets": ["nyt"], "date_from": None})
    text = re.sub(r"<[^>]+>", " ", page)
    text = html.unescape(" ".join(text.split()))
    assert "<title>polnear report</title>" in page and "<h1>polnear</h1>" in page
    for shown in ("923 articles", "3 outlets", "2015-06-01 to 2016-11-30 published (2 undated)", "12,345 quotes", "678 denials",
                  "924 files or rows read, 923 articles loaded, 1 skipped.", "skipped duplicate 1", "toolkit 0.1.0",
                  "breitbart (132), nyt (132), (unknown) (1)", "outlets = ['nyt']"):
        assert shown in text, shown
    assert "date_from" not in text  # a parameter left at None is not a choice
    cards = re.findall(r'<a class="card" href="([^"]+)"><h3>([^<]+)</h3><p>([^<]*)</p>', page)
    assert cards == [("01_corpus_overview.html", "Corpus overview", "What is in it."), ("02_quotes.html", "Quotes", "Who is quoted.")]
    assert 'href="manifest.json"' in page


def test_index_of_a_clean_corpus_says_nothing_was_skipped():
    clean = CorpusFacts(name="s", path="s", articles=1, outlets={"nyt": 1}, date_from=None, date_to=None, undated=1,
                        quotes=0, denials=0, read=1, loaded=1)
    page = index_html(clean, PAGES, version=None)
    assert "Nothing was skipped, repaired or cleaned." in page and "no dates" in page
    assert "None: every page shows the whole corpus." in page


def test_collapsible_starts_closed_and_escapes_its_summary():
    section = collapsible("<p>body</p>", "nyt · <b>title</b>")._repr_html_()
    assert section.startswith("<details") and " open" not in section.split(">")[0]
    assert "<summary" in section and "nyt · &lt;b&gt;title&lt;/b&gt;</summary>" in section and "<p>body</p>" in section
    assert " open>" in collapsible("x", "y", expanded=True)._repr_html_()
