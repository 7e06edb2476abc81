"""Interactive tables and the article viewer as a person sees them, in headless Chromium with no network:
the search box filters rows, a column sorts numerically, the viewer shows the three quote styles.

Drives Debian's `chromium` through `chromedriver` (selenium). Skipped when either is missing; `.ci/run`
installs both. Screenshots go under each test's temporary folder.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import SAMPLE

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")

pytestmark = pytest.mark.skipif(
    not (CHROMIUM.exists() and CHROMEDRIVER.exists()),
    reason=f"browser tests need {CHROMIUM} and {CHROMEDRIVER} (Debian: apt-get install chromium chromium-driver; .ci/run does)",
)
webdriver = pytest.importorskip("selenium.webdriver", reason="browser tests need selenium (the test extra)")
By = pytest.importorskip("selenium.webdriver.common.by").By
WebDriverWait = pytest.importorskip("selenium.webdriver.support.ui").WebDriverWait
#: A table being redrawn (sorted, filtered) replaces its rows under a read: retried by the waits, not a failure.
STALE = (pytest.importorskip("selenium.common.exceptions").StaleElementReferenceException,)


@pytest.fixture(scope="module")
def data():
    from toolkit.pipeline.dataset import open_dataset

    return open_dataset(SAMPLE)


@pytest.fixture(scope="module")
def page(data, tmp_path_factory):
    """One HTML page as the report carries it: the offline library with the first table, then the viewer."""
    from toolkit.reports import display
    from toolkit.reports.explorer import explore

    display.forget_library()  # a fresh kernel: the first table carries the library
    doc_id = data.quotes["doc_id"].value_counts().index[0]
    body = explore(data, "quotes")._repr_html_() + explore(data, "speakers")._repr_html_() + data.show(doc_id).to_html()
    path = tmp_path_factory.mktemp("explore") / "explore.html"
    path.write_text(f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>explore</title></head><body>{body}</body></html>",
                    encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def browser():
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1400,1000",
                     "--proxy-server=http://0.0.0.0:9", "--proxy-bypass-list=<-loopback>"):  # any network request fails
        options.add_argument(argument)
    driver = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)
    yield driver
    driver.quit()


def _tables(browser):
    WebDriverWait(browser, 20).until(lambda b: len(b.find_elements(By.CSS_SELECTOR, "table.dataTable")) == 2)
    return browser.find_elements(By.CSS_SELECTOR, "div.dt-container")


def _rows(container) -> list[list[str]]:
    return [[cell.text for cell in row.find_elements(By.TAG_NAME, "td")]
            for row in container.find_elements(By.CSS_SELECTOR, "table.dataTable tbody tr")]


def test_search_box_filters_the_rows(page, browser, data, tmp_path):
    browser.get(page.as_uri())
    quotes = _tables(browser)[0]
    assert "of 45 entries" in quotes.find_element(By.CSS_SELECTOR, ".dt-info").text
    assert len(_rows(quotes)) == 10  # one page
    speaker = "Zakharova"
    expected = int(data.quotes["text"].str.contains(speaker).sum() + data.quotes["person"].fillna("").str.contains(speaker).sum()) \
        if "person" in data.quotes else None
    quotes.find_element(By.CSS_SELECTOR, "input[type=search]").send_keys(speaker)
    WebDriverWait(browser, 10, ignored_exceptions=STALE).until(
        lambda b: "filtered from 45 total entries" in quotes.find_element(By.CSS_SELECTOR, ".dt-info").text)
    rows = _rows(quotes)
    browser.save_screenshot(str(tmp_path / "search.png"))
    assert 0 < len(rows) < 10 and all(any(speaker in cell for cell in row) for row in rows)
    if expected is not None:
        assert len(rows) <= expected


def test_a_count_column_sorts_as_numbers(page, browser, tmp_path):
    browser.get(page.as_uri())
    speakers = _tables(browser)[1]
    header = speakers.find_elements(By.CSS_SELECTOR, "thead th")[1]
    assert header.text.startswith("quotes")
    counts = [int(row[1].replace(",", "")) for row in _rows(speakers)]
    assert counts == sorted(counts, reverse=True)  # as given: most quoted first
    header.find_element(By.CSS_SELECTOR, ".dtcc-button_order, .dtcc-button").click()
    WebDriverWait(browser, 10, ignored_exceptions=STALE).until(
        lambda b: [int(r[1].replace(",", "")) for r in _rows(speakers)] != counts)
    resorted = [int(row[1].replace(",", "")) for row in _rows(speakers)]
    browser.save_screenshot(str(tmp_path / "sorted.png"))
    assert resorted == sorted(resorted)  # ascending, numerically (as text "13" < "2")


def test_viewer_shows_quote_kinds_and_the_legend(page, browser):
    browser.get(page.as_uri())
    article = browser.find_element(By.CSS_SELECTOR, ".toolkit-article")
    kinds = {span.get_attribute("data-kind") for span in article.find_elements(By.CSS_SELECTOR, "span[data-layer=quote]")}
    assert kinds <= {"direct", "mixed", "indirect"} and len(kinds) >= 2
    for label in ("direct quote", "mixed quote", "indirect (reported) speech"):
        assert label in article.text


# --- The explorer widget in a real JupyterLab session ------------------------------------------------------------

EXPLORER_NOTEBOOK = [
    "from toolkit.pipeline.dataset import open_dataset\ndata = open_dataset({corpus!r})\ndata",
    "from toolkit.reports.explorer import explore, Explorer\nexplore(data, 'quotes', page_length=5)",
    "Explorer(data)",
]


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    """A JupyterLab server (no token, this machine only) on a free port, serving one notebook; stopped afterwards."""
    import socket
    import subprocess
    import sys
    import time
    import urllib.request

    nbformat = pytest.importorskip("nbformat")
    pytest.importorskip("jupyterlab", reason="the JupyterLab test needs jupyterlab")
    root = tmp_path_factory.mktemp("lab")
    cells = [nbformat.v4.new_code_cell(code.format(corpus=str(SAMPLE))) for code in EXPLORER_NOTEBOOK]
    notebook = nbformat.v4.new_notebook(cells=cells)
    notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nbformat.write(notebook, root / "explore.ipynb")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen(
        [sys.executable, "-m", "jupyter", "lab", "--no-browser", "--allow-root", f"--port={port}", "--ip=127.0.0.1",
         "--IdentityProvider.token=", "--ServerApp.password=", "--expose-app-in-browser", f"--ServerApp.root_dir={root}",
         "--LabApp.news_url=None"],
        stdout=subprocess.DEVNULL, stderr=(root / "server.log").open("w"))
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(120):
            try:
                if urllib.request.urlopen(f"{url}/lab", timeout=2).status == 200:
                    break
            except OSError:
                time.sleep(1)
        else:
            pytest.fail("JupyterLab did not start: " + (root / "server.log").read_text()[-2000:])
        yield f"{url}/lab/tree/explore.ipynb"
    finally:
        server.terminate()
        server.wait(timeout=30)


@pytest.fixture(scope="module")
def lab_browser():
    """A browser that may reach this machine's JupyterLab (the offline one above refuses every connection)."""
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1400,1600"):
        options.add_argument(argument)
    driver = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)
    yield driver
    driver.quit()


def test_explorer_in_jupyterlab_filters_and_opens_an_article(lab, lab_browser, data, tmp_path):
    from selenium.webdriver.support.ui import Select

    from toolkit.reports.explorer import quotes_table

    browser = lab_browser
    browser.get(lab)
    WebDriverWait(browser, 120).until(lambda b: b.execute_script("return !!(window.jupyterapp && document.querySelector('.jp-Notebook'))"))
    WebDriverWait(browser, 60).until(lambda b: "Idle" in b.find_element(By.CSS_SELECTOR, ".jp-StatusBar-Widget, #jp-main-statusbar").text)
    browser.execute_script("window.jupyterapp.commands.execute('notebook:run-all-cells')")
    WebDriverWait(browser, 180).until(lambda b: b.find_elements(By.CSS_SELECTOR, ".widget-select select"))
    # The interactive table came alive in the live session too (the library arrived with it).
    WebDriverWait(browser, 30).until(lambda b: b.find_elements(By.CSS_SELECTOR, "table.dataTable"))
    Select(browser.find_elements(By.CSS_SELECTOR, ".widget-dropdown select")[0]).select_by_visible_text("nyt")
    expected = quotes_table(data)
    expected = expected[expected["outlet"] == "nyt"]
    rows = browser.find_element(By.CSS_SELECTOR, ".widget-select select")
    WebDriverWait(browser, 20).until(lambda b: len(Select(rows).options) == len(expected))
    assert f"{len(expected)} quotes" in browser.find_element(By.XPATH, "//*[contains(text(), 'select one to read its article')]").text
    assert all(" · nyt · " in option.text for option in Select(rows).options)
    Select(rows).select_by_index(3)
    article = WebDriverWait(browser, 30).until(lambda b: b.find_elements(By.CSS_SELECTOR, ".widget-html .toolkit-article"))[0]
    browser.execute_script("arguments[0].scrollIntoView()", article)
    browser.save_screenshot(str(tmp_path / "explorer.png"))
    assert expected["doc_id"].iloc[3] in article.text
    assert article.find_elements(By.CSS_SELECTOR, "span[data-layer=quote]")
