"""The HTML report as a person sees it, in headless Chromium: titles, navigation, the index's counts, no table
wider than the window, the example articles' highlights.

Drives Debian's `chromium` through `chromedriver` (selenium, no browser download). The report of the
sample corpus is built once for the module; screenshots go under each test's temporary folder. Skipped
when chromium or chromedriver is missing on a developer's machine; `.ci/run` installs both, so CI runs it.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest

from conftest import SAMPLE

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
WIDTH, HEIGHT = 1400, 1000

pytestmark = pytest.mark.skipif(
    not (CHROMIUM.exists() and CHROMEDRIVER.exists()),
    reason=f"browser tests need {CHROMIUM} and {CHROMEDRIVER} (Debian: apt-get install chromium chromium-driver; .ci/run does)",
)
webdriver = pytest.importorskip("selenium.webdriver", reason="browser tests need selenium (the test extra)")
By = pytest.importorskip("selenium.webdriver.common.by").By
WebDriverWait = pytest.importorskip("selenium.webdriver.support.ui").WebDriverWait

PAGES = ["01_corpus_overview.html", "02_quotes.html", "03_denials.html", "04_compare.html", "05_validation.html"]


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    from toolkit.reports.runner import run_report

    return run_report(SAMPLE, tmp_path_factory.mktemp("browser") / "sample", progress=False)


@pytest.fixture(scope="module")
def browser():
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     f"--window-size={WIDTH},{HEIGHT}", "--hide-scrollbars"):
        options.add_argument(argument)
    driver = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)
    # The window's inner width is what a reader with a 1400 px wide window has (no OS chrome in headless mode).
    driver.set_window_size(WIDTH, HEIGHT)
    yield driver
    driver.quit()


def _open(browser, path: Path) -> None:
    # a loaded machine once handed back the page before it was there (no element of a static page found): wait
    # until the browser is on it and has parsed it
    url = path.as_uri()
    browser.get(url)
    WebDriverWait(browser, 60).until(
        lambda b: b.current_url.split("#")[0] == url and b.execute_script("return document.readyState") == "complete")


def _shot(browser, folder: Path, name: str) -> Path:
    path = folder / f"{name}.png"
    browser.save_screenshot(str(path))
    return path


def _local_file(url: str) -> Path:
    return Path(unquote(urlparse(url).path))


def test_every_page_is_titled_by_its_heading(report, browser, tmp_path):
    for name in PAGES:
        _open(browser, report.out_dir / name)
        heading = browser.find_element(By.TAG_NAME, "h1").text.replace("¶", "").strip()
        assert heading and browser.title == f"{heading} · sample report", name
        assert "Notebook" not in browser.title
        _shot(browser, tmp_path, name.removesuffix(".html"))
    _open(browser, report.out_dir / "index.html")
    assert browser.title == "sample report"


def test_navigation_links_lead_to_existing_pages_and_work_when_clicked(report, browser, tmp_path):
    _open(browser, report.out_dir / "02_quotes.html")
    links = browser.find_elements(By.CSS_SELECTOR, "nav.toolkit-nav a")
    hrefs = [link.get_attribute("href") for link in links]
    assert [_local_file(h).name for h in hrefs] == ["index.html", *PAGES]
    assert all(_local_file(h).is_file() for h in hrefs)
    assert browser.find_element(By.CSS_SELECTOR, "nav.toolkit-nav a[aria-current=page]").text == "Quotes"
    for position, target in enumerate(["index.html", *PAGES]):
        browser.find_elements(By.CSS_SELECTOR, "nav.toolkit-nav a")[position].click()
        assert _local_file(browser.current_url).name == target
        assert browser.find_element(By.CSS_SELECTOR, "nav.toolkit-nav a[aria-current=page]").get_attribute("href") == browser.current_url
    _shot(browser, tmp_path, "after_clicks")


def test_index_shows_the_corpus_its_counts_and_a_card_per_page(report, browser, tmp_path):
    _open(browser, report.out_dir / "index.html")
    _shot(browser, tmp_path, "index")
    text = " ".join(browser.find_element(By.TAG_NAME, "body").text.split())
    assert re.search(r"\b\d+ quotes \d+ denials\b", text)  # what the finders find changes; that it is shown does not
    for shown in ("4 articles", "4 outlets", "2015-12-20 to 2017-09-29",
                  "4 files or rows read, 4 articles loaded, 0 skipped.", "RT (1), huff-post (1), nyt (1), politico (1)",
                  "news discourse toolkit 0.1.0"):
        assert shown in text, shown
    assert browser.find_element(By.TAG_NAME, "h1").text == "sample"
    cards = browser.find_elements(By.CSS_SELECTOR, "a.card")
    assert [c.find_element(By.TAG_NAME, "h3").text for c in cards] == ["Corpus overview", "Quotes", "Denials",
                                                                        "Comparing two sub-corpora", "Validation"]
    assert all(c.find_element(By.TAG_NAME, "p").text for c in cards)  # every card says what its page shows
    cards[2].click()
    assert browser.title.startswith("Denials")


def test_contents_link_jumps_to_its_section_below_the_navigation_bar(report, browser, tmp_path):
    _open(browser, report.out_dir / "02_quotes.html")
    entries = browser.find_elements(By.CSS_SELECTOR, "nav.toolkit-toc a")
    assert len(entries) >= 8 and "Example articles" in [e.text for e in entries]
    target = next(e for e in entries if e.text == "Quote browser")
    target.click()
    heading = browser.find_element(By.ID, "Quote-browser")
    top = browser.execute_script("return arguments[0].getBoundingClientRect().top", heading)
    nav_bottom = browser.execute_script("return document.querySelector('nav.toolkit-nav').getBoundingClientRect().bottom")
    assert nav_bottom <= top < HEIGHT / 2  # in view, not hidden under the sticky bar
    _shot(browser, tmp_path, "quote_browser")


def test_no_page_is_wider_than_a_1400px_window(report, browser, tmp_path):
    assert browser.execute_script("return window.innerWidth") == WIDTH
    for name in ["index.html", *PAGES]:
        _open(browser, report.out_dir / name)
        scroll_width, inner = browser.execute_script("return [document.scrollingElement.scrollWidth, window.innerWidth]")
        _shot(browser, tmp_path, f"width_{name.removesuffix('.html')}")
        assert scroll_width <= inner, f"{name} is {scroll_width} px wide in a {inner} px window"


def test_example_articles_are_closed_sections_that_open_on_a_highlighted_article(report, browser, tmp_path):
    _open(browser, report.out_dir / "02_quotes.html")
    sections = browser.find_elements(By.CSS_SELECTOR, "details.toolkit-example")
    assert len(sections) == 4  # one per outlet of the sample
    assert not any(s.get_attribute("open") for s in sections)
    outlets = [s.find_element(By.TAG_NAME, "summary").text.split(" · ")[0] for s in sections]
    assert outlets == ["RT", "huff-post", "nyt", "politico"]
    closed = browser.execute_script("return document.scrollingElement.scrollHeight")
    summary = sections[2].find_element(By.TAG_NAME, "summary")
    browser.execute_script("arguments[0].scrollIntoView()", summary)
    summary.click()
    assert sections[2].get_attribute("open") is not None
    assert browser.execute_script("return document.scrollingElement.scrollHeight") > closed
    highlights = sections[2].find_elements(By.CSS_SELECTOR, ".toolkit-article span[data-layer]")
    visible = [h for h in highlights if h.is_displayed()]
    layers = {h.get_attribute("data-layer") for h in visible}
    assert {"quote", "speaker", "cue"} <= layers
    backgrounds = {h.value_of_css_property("background-color") for h in visible if h.get_attribute("data-layer") == "quote"}
    # Kinds of quote are styled apart (an indirect one may be underlined only); quotes with a colour are seen.
    assert backgrounds - {"rgba(0, 0, 0, 0)", "transparent"}
    browser.execute_script("arguments[0].scrollIntoView()", sections[2])
    _shot(browser, tmp_path, "example_article")


def test_screenshots_are_saved_under_the_tests_folder(report, browser, tmp_path):
    _open(browser, report.out_dir / "index.html")
    shot = _shot(browser, tmp_path, "index")
    assert shot.is_file() and shot.stat().st_size > 10_000 and shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
