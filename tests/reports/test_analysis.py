"""Quote, denial and comparison tables: structure and invariants on hand-made tables, hand-computed statistics.

Nothing here depends on what the finders find on the sample (other engineers change them): the
tables are built by hand, and the sample is only used for structure and invariants.
"""

from __future__ import annotations

import math
from collections import Counter

import pandas as pd
import pytest

from conftest import SAMPLE
from toolkit.reports import analysis, compare, denial_tables

ARTICLES = pd.DataFrame({
    "doc_id": ["a1", "a2", "b1"],
    "title": ["A one", "A two", "B one"],
    "date": pd.to_datetime(["2016-01-05", "2016-03-01", None]),
    "outlet": ["A", "A", None],
    "n_words": [1000, 500, 2000],
    "text": ["x " * 1000, "y " * 500, "z " * 2000],
})
QUOTES = pd.DataFrame({
    "doc_id": ["a1", "a1", "a1", "a2", "b1"],
    "start": [0, 10, 20, 0, 0], "end": [5, 15, 25, 5, 5],
    "text": ["q"] * 5,
    "kind": ["direct", "indirect", "direct", "mixed", "direct"],
    "speaker": ["Mr. Smith", "he", "Smith", "Jones", None],
    "speaker_name": ["Smith", "he", "Smith", "Jones", None],
    "speaker_resolved": ["Smith", "Smith", "Smith", "Jones", None],
    "cue": ["said", "has Said", "told", "said", None],
})
DENIALS = pd.DataFrame({
    "doc_id": ["a1", "a1", "b1"],
    "field": ["text", "title", "text"],
    "start": [0, 0, 4], "end": [6, 4, 10],
    "text": ["denied", "lies", "no evidence"],
    "category": ["explicit", "falsity", "no_evidence"],
    "rule": ["deny", "lies", "no_evidence"],
    "denier": ["Smith", None, "Jones"], "denier_name": ["Smith", None, "Jones"],
    "target": ["the report", None, None],
    "in_quote": [True, False, False],
})
EMPTY_Q, EMPTY_D = QUOTES.iloc[:0], DENIALS.iloc[:0]


def test_quotes_per_outlet_counts_shares_and_rates():
    table = analysis.quotes_per_outlet(ARTICLES, QUOTES).set_index("outlet")
    assert list(table.index) == ["A", "(unknown)"]  # unknown outlets last
    assert table.loc["A", ["articles", "words", "quotes", "direct", "mixed", "indirect"]].tolist() == [2, 1500, 4, 2, 1, 1]
    assert table.loc["A", "quotes_per_1000_words"] == pytest.approx(4 / 1.5, abs=1e-3)
    assert table.loc["A", ["direct_share", "mixed_share", "indirect_share"]].sum() == pytest.approx(1)


def test_quotes_per_article_lists_every_article_most_quoted_first():
    table = analysis.quotes_per_article(ARTICLES, QUOTES)
    assert table["doc_id"].tolist() == ["a1", "a2", "b1"] and table["quotes"].tolist() == [3, 1, 1]
    assert (analysis.quotes_per_article(ARTICLES, EMPTY_Q)["quotes"] == 0).all()


@pytest.mark.parametrize("name,shown", [(" Jens  Stoltenberg ", "Jens Stoltenberg"), ("He", "he"), (None, analysis.NO_SPEAKER)])
def test_display_name(name, shown):
    assert analysis.display_name(name) == shown


@pytest.mark.parametrize("name,expected", [("Smith", "name"), ("he", "pronoun"), ("They", "pronoun"), (None, "missing"), ("  ", "missing")])
def test_speaker_kind(name, expected):
    assert analysis.speaker_kind(name) == expected


def test_top_speakers_keeps_names_and_pronouns_apart():
    top = analysis.top_speakers(QUOTES, 10)
    # "he" resolved to Smith counts for Smith, who is named three ways ("Mr. Smith", "he", "Smith")
    assert top["speaker"].tolist() == ["Smith", "Jones"] and top["quotes"].tolist() == [3, 1]
    assert top["surface_forms"].tolist() == [3, 1]
    pronouns = analysis.pronoun_speakers(QUOTES).set_index("speaker")
    assert pronouns.loc["he", "quotes"] == 1 and pronouns.loc["he", "resolved_to_a_name"] == 1
    assert pronouns.loc[analysis.NO_SPEAKER, "quotes"] == 1


@pytest.mark.parametrize("cue,verb", [("said", "said"), ("has Said", "said"), ("told reporters", "reporters"), ("according to", "according to"),
                                       (None, None), ("", None)])
def test_cue_verb_is_the_lower_cased_last_word(cue, verb):
    assert analysis.cue_verb(cue) == verb


def test_top_cues_and_speakers_by_outlet():
    cues = analysis.top_cues(QUOTES, 5)
    assert cues["cue"].tolist() == ["said", "told"] and cues["quotes"].tolist() == [3, 1]
    by_outlet = analysis.speakers_by_outlet(ARTICLES, QUOTES, n=1)
    assert by_outlet[["outlet", "rank", "speaker", "quotes", "surface_forms"]].values.tolist() == [["A", 1, "Smith", 3, 3]]


# One person named five ways across three articles, an organisation, a group and an unresolved pronoun.
PEOPLE_ARTICLES = pd.DataFrame({
    "doc_id": ["p1", "p2", "p3"], "title": ["", "", ""], "outlet": ["nyt", "nyt", "wsj"],
    "date": pd.to_datetime(["2016-03-01", "2016-03-10", "2016-04-02"]), "n_words": [100, 100, 100],
    "text": ["Donald J. Trump spoke.", "Mr. Trump spoke.", "Donald Trump spoke to officials."],
})
PEOPLE_QUOTES = pd.DataFrame({
    "doc_id": ["p1", "p1", "p2", "p2", "p3", "p3", "p3", "p3"],
    "kind": ["direct", "indirect", "direct", "direct", "mixed", "indirect", "direct", "direct"],
    "speaker": ["Donald J. Trump", "he", "Mr. Trump", "President Trump", "Trump", "the State Department", "Officials", "they"],
    "speaker_name": ["Donald Trump", "he", "Trump", "Trump", "Trump", "State Department", "Officials", "they"],
    "speaker_resolved": ["Donald Trump", "Donald Trump", "Trump", "Trump", "Trump", "State Department", "Officials", None],
})


def test_speaker_tables_count_persons_not_strings():
    data = analysis.people(PEOPLE_ARTICLES, PEOPLE_QUOTES)
    table = analysis.speaker_table(data.quotes).set_index("speaker")
    assert table.loc["Donald Trump", ["speaker_kind", "quotes", "articles", "surface_forms"]].tolist() == ["person", 5, 3, 5]
    assert table.loc["State Department", "speaker_kind"] == "organisation"
    assert table.loc["Officials", "speaker_kind"] == "description" and table.loc["they", "speaker_kind"] == "pronoun-unresolved"
    assert analysis.top_speakers(data.quotes, 5)["speaker"].tolist() == ["Donald Trump"]  # one row, only persons
    assert analysis.top_speakers(data.quotes, 5, people=data.table)["ambiguous"].tolist() == [False]
    by_outlet = analysis.speakers_by_outlet(PEOPLE_ARTICLES, data.quotes)
    assert by_outlet[["outlet", "speaker", "quotes", "surface_forms"]].values.tolist() == [
        ["nyt", "Donald Trump", 4, 4], ["wsj", "Donald Trump", 1, 1]]


def test_top_deniers_count_persons():
    denials = pd.DataFrame({
        "doc_id": ["p1", "p2", "p3"], "field": ["text"] * 3, "start": [0, 0, 0], "end": [6, 6, 6],
        "text": ["denied"] * 3, "category": ["explicit"] * 3, "rule": ["deny"] * 3,
        "denier": ["Donald J. Trump", "Mr. Trump", "the Kremlin"], "denier_name": ["Donald J. Trump", "Mr. Trump", "Kremlin"],
        "target": ["it", "it", None], "in_quote": [False] * 3,
    })
    data = analysis.people(PEOPLE_ARTICLES, PEOPLE_QUOTES, denials)
    deniers = denial_tables.top_deniers(data.denials).set_index("denier")
    assert deniers.loc["Donald Trump", ["denials", "surface_forms"]].tolist() == [2, 2]
    assert deniers.loc["Kremlin", "denials"] == 1
    assert denial_tables.denier_targets(data.denials).values.tolist() == [["Donald Trump", "it", 2, "explicit"]]


def test_per_month_fills_every_month_and_leaves_undated_out():
    table = analysis.per_month(ARTICLES, QUOTES, by_outlet=False)
    assert table["month"].tolist() == ["2016-01", "2016-02", "2016-03"]
    assert table["count"].tolist() == [3, 0, 1]
    assert math.isnan(table.loc[1, "per_1000_words"])  # no article that month: no rate, not zero
    assert table.loc[0, "per_1000_words"] == 3.0


def test_denial_tables():
    outlets = denial_tables.denials_per_outlet(ARTICLES, DENIALS).set_index("outlet")
    assert outlets.loc["A", ["denials", "in_quote", "authors_voice", "articles_with_denials"]].tolist() == [2, 1, 1, 1]
    assert outlets.loc["A", "denials_per_1000_words"] == pytest.approx(2 / 1.5, abs=1e-3)
    cats = denial_tables.denials_by_category(ARTICLES, DENIALS)
    assert cats.groupby("outlet")["share"].sum().round(6).tolist() == [1.0, 1.0]
    assert cats["category"].tolist()[:3] == ["explicit", "no_evidence", "falsity"]  # the lexicon's order, not alphabetical
    totals = denial_tables.category_totals(ARTICLES, DENIALS)
    assert totals["denials"].sum() == 3
    deniers = denial_tables.top_deniers(DENIALS)
    assert deniers.set_index("denier").loc["Smith", "targets"] == "the report"
    assert denial_tables.denier_targets(DENIALS).values.tolist() == [["Smith", "the report", 1, "explicit"]]
    voice = denial_tables.voice_by_outlet(ARTICLES, DENIALS).set_index("outlet")
    assert voice.loc["A", "in_quote_share"] == 0.5


def test_concordance_windows_and_title_offsets():
    articles = ARTICLES.assign(text=["He denied it all", "", "There is no evidence here"], title=["lies everywhere", "", ""])
    lines = denial_tables.concordance(articles, DENIALS.assign(start=[3, 0, 9], end=[9, 4, 20]), window=11)
    by_phrase = lines.set_index("phrase")
    assert by_phrase.loc["denied", ["left", "right"]].tolist() == ["He", "it all"]
    assert by_phrase.loc["lies", "right"] == "everywhere"  # a title denial's context comes from the title
    assert by_phrase.loc["no evidence", "left"] == "There is"


@pytest.mark.parametrize("func", [
    analysis.quotes_per_outlet, analysis.speakers_by_outlet, analysis.quote_browser, analysis.per_month,
])
@pytest.mark.parametrize("articles", [ARTICLES, ARTICLES.iloc[:0]])
def test_quote_functions_accept_empty_tables(func, articles):
    assert isinstance(func(articles, EMPTY_Q), pd.DataFrame)


@pytest.mark.parametrize("func", [
    denial_tables.denials_per_outlet, denial_tables.denials_by_category, denial_tables.category_totals, denial_tables.voice_by_outlet,
    denial_tables.concordance, analysis.per_month,
])
@pytest.mark.parametrize("articles", [ARTICLES, ARTICLES.iloc[:0]])
def test_denial_functions_accept_empty_tables(func, articles):
    assert isinstance(func(articles, EMPTY_D), pd.DataFrame)


# --- comparison --------------------------------------------------------------------------------


@pytest.mark.parametrize("a,b,c,d,g2", [
    # Hand-computed: E1 = E2 = 6, G² = 2 (10 ln(10/6) + 2 ln(2/6)) = 5.822063
    (10, 2, 1000, 1000, 5.822063),
    # E1 = 100 * 5 / 300, the zero term drops out: G² = 10 ln 3
    (5, 0, 100, 200, 10.986123),
    (0, 0, 100, 100, 0.0),
    (3, 6, 100, 200, 0.0),  # same relative frequency
])
def test_log_likelihood_matches_hand_computed_values(a, b, c, d, g2):
    assert float(compare.log_likelihood(a, b, c, d)) == pytest.approx(g2, abs=1e-5)


@pytest.mark.parametrize("g2,label", [(2.0, ""), (3.84, "p<0.05"), (6.63, "p<0.01"), (11.0, "p<0.001")])
def test_significance_cut_offs(g2, label):
    assert compare.significance(g2) == label


def test_keyness_table():
    a = Counter({"war": 10, "peace": 2, "the": 988})
    b = Counter({"war": 2, "peace": 10, "the": 988})
    table = compare.keyness(a, b, min_freq=3, labels=("A", "B")).set_index("word")
    assert table.loc["war", "g2"] == pytest.approx(5.822, abs=1e-3)
    assert table.loc["war", "key_for"] == "A" and table.loc["peace", "key_for"] == "B"
    assert table.loc["war", "significance"] == "p<0.05"
    assert table.loc["war", "pct_diff"] == 400.0 and table.loc["peace", "pct_diff"] == -80.0
    assert table.loc["war", "log_ratio"] == pytest.approx(math.log2(5), abs=1e-3)
    assert table.loc["the", "g2"] == 0
    only_a = compare.keyness(Counter({"x": 4, "y": 4}), Counter({"y": 8}), min_freq=1)
    assert math.isinf(only_a.set_index("word").loc["x", "pct_diff"])
    assert compare.keyness(Counter(), Counter({"x": 3})).empty


def test_collocations_on_a_tiny_text():
    docs = compare.token_lists(["Trump said no. Trump said yes, Trump said.", "She said nothing."])
    assert docs[1] == ["she", "said", "nothing"]
    assert compare.tokens("It’s, it's!") == ["it's", "it's"]
    table = compare.collocations(docs, "said", window=2, min_freq=2, measure="pmi")
    assert table[["collocate", "position", "pair_freq", "collocate_freq"]].values.tolist() == [["trump", "left", 3, 3]]
    # PMI = log2(n_ii * N / (n_i * n_j)) with N = 11 tokens, 3 "trump", 4 "said": log2(3 * 11 / (3 * 4))
    assert table.loc[0, "score"] == pytest.approx(math.log2(11 / 4), abs=1e-3)
    wide = compare.collocations(docs, "said", window=3, min_freq=1, measure="likelihood_ratio", n=50)
    assert ("nothing", "right") in set(zip(wide["collocate"], wide["position"]))
    # "trump" of the first text never pairs with "she" of the second: windows stop at the article's end.
    assert compare.collocations(docs, "she", window=5, min_freq=1)["position"].eq("right").all()
    assert compare.collocations(docs, "absent").empty


def test_rates_side_by_side():
    a = compare.rates(ARTICLES[ARTICLES["outlet"] == "A"], QUOTES, DENIALS)
    b = compare.rates(ARTICLES[ARTICLES["outlet"].isna()], QUOTES, DENIALS)
    assert a["articles"] == 2 and a["quotes"] == 4 and a["denials"] == 2 and b["quotes"] == 1
    table = compare.side_by_side(a, b, ("A", "?"))
    assert table.columns.tolist() == ["measure", "A", "?"] and table["measure"].tolist() == list(a)
    cats = compare.category_side_by_side(ARTICLES[:2], DENIALS, ARTICLES[2:], DENIALS, ("A", "?"))
    assert cats["category"].tolist() == ["explicit", "no_evidence", "falsity"]


# --- the sample: structure and invariants only ---------------------------------------------------


@pytest.fixture(scope="module")
def sample():
    from toolkit.pipeline.dataset import open_dataset

    return open_dataset(SAMPLE)


def test_sample_tables_are_consistent(sample):
    per_article = analysis.quotes_per_article(sample.articles, sample.quotes)
    assert len(per_article) == len(sample.articles) and per_article["quotes"].sum() == len(sample.quotes)
    outlets = denial_tables.denials_per_outlet(sample.articles, sample.denials)
    assert outlets["denials"].sum() == len(sample.denials)
    assert (outlets["in_quote"] + outlets["authors_voice"] == outlets["denials"]).all()
    lines = denial_tables.concordance(sample.articles, sample.denials)
    assert len(lines) == len(sample.denials)
    for fn in (analysis.quote_browser, analysis.speakers_by_outlet):
        first, second = fn(sample.articles, sample.quotes), fn(sample.articles, sample.quotes)
        pd.testing.assert_frame_equal(first, second)


def test_notebooks_run_on_a_corpus_without_quotes_or_denials(tmp_path):
    """Every report notebook must cope with empty quote and denial tables (a sentence, no figure)."""
    from toolkit.pipeline.dataset import open_dataset
    from toolkit.reports.runner import run_report

    corpus = tmp_path / "plain"
    corpus.mkdir()
    (corpus / "one.txt").write_text("The weather was mild on Tuesday.\n\nMarkets were calm.\n", encoding="utf-8")
    (corpus / "two.txt").write_text("A quiet week in the city council.\n", encoding="utf-8")
    data = open_dataset(corpus)
    if len(data.quotes) or len(data.denials):
        pytest.skip("the finders now find something in the plain corpus; the empty case is not exercised")
    result = run_report(corpus, tmp_path / "report", progress=False)
    for page in result.html:
        assert page.is_file()
    quotes_page = (result.out_dir / "02_quotes.html").read_text(encoding="utf-8")
    assert "No quote was found in these articles" in quotes_page
    assert "No denial was found in these articles" in (result.out_dir / "03_denials.html").read_text(encoding="utf-8")


def test_merged_label_says_how_many_forms_and_flags_ambiguity():
    names = pd.Series(["Donald Trump", "Clinton"])
    assert list(analysis.merged_label(names, pd.Series([45, 1]), pd.Series([False, True]))) == [
        "Donald Trump (45 forms)", "Clinton (ambiguous) (1 form)"]
    assert list(analysis.merged_label(names, pd.Series([2, 1]))) == ["Donald Trump (2 forms)", "Clinton (1 form)"]


# ---------------------------------------------------------------------------------------------
# issue 12: month axes, keyness words, example articles, the quote browser's sample


def _month_figure(n: int, label: bool = True):
    """A stacked bar chart of `n` months at the notebooks' size, its x axis labelled by `month_axis` (or by pandas)."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    months = pd.period_range("2015-12", periods=n, freq="M").astype(str)
    table = pd.DataFrame({"nyt": range(n), "politico": range(n)}, index=months)
    fig, ax = plt.subplots(figsize=(8, 3.5), dpi=100)
    table.plot.bar(stacked=True, ax=ax, width=0.8, rot=0)
    if label:
        analysis.month_axis(ax, months)
    fig.canvas.draw()
    return fig, ax


def _label_boxes(fig, ax):
    renderer = fig.canvas.get_renderer()
    return [t.get_window_extent(renderer) for t in ax.get_xticklabels() if t.get_visible() and t.get_text()]


def _overlaps(boxes) -> bool:
    return any(a.overlaps(b) for i, a in enumerate(boxes) for b in boxes[i + 1:])


@pytest.mark.parametrize("n", [1, 12, 60])
def test_month_labels_never_overlap_from_1_to_60_months(n):
    import matplotlib.pyplot as plt

    fig, ax = _month_figure(n)
    boxes = _label_boxes(fig, ax)
    plt.close(fig)
    assert 1 <= len(boxes) <= analysis.MAX_MONTH_LABELS
    assert not _overlaps(boxes)
    axes_box = ax.get_window_extent()
    assert all(axes_box.x0 - 40 <= b.x0 and b.x1 <= axes_box.x1 + 40 for b in boxes)  # no label far outside the plot


def test_pandas_default_month_labels_do_overlap_at_60_months():
    """The check above can fail: pandas' own labels (one per month, horizontal) overlap."""
    import matplotlib.pyplot as plt

    fig, ax = _month_figure(60, label=False)
    boxes = _label_boxes(fig, ax)
    plt.close(fig)
    assert _overlaps(boxes)


@pytest.mark.parametrize("start, n, labels", [
    ("2015-12", 1, ["Dec\n2015"]),
    ("2015-11", 3, ["Nov\n2015", "Dec", "Jan\n2016"]),
    ("2016-01", 24, ["Jan\n2016", "Mar", "May", "Jul", "Sep", "Nov", "Jan\n2017", "Mar", "May", "Jul", "Sep", "Nov"]),
    ("2016-01", 60, ["Jan\n2016", "Jul", "Jan\n2017", "Jul", "Jan\n2018", "Jul", "Jan\n2019", "Jul", "Jan\n2020", "Jul"]),
    ("2010-03", 240, ["2012", "2014", "2016", "2018", "2020", "2022", "2024", "2026", "2028", "2030"]),
])
def test_month_ticks_fall_on_calendar_boundaries(start, n, labels):
    months = pd.period_range(start, periods=n, freq="M").astype(str)
    positions, shown = analysis.month_ticks(months)
    assert shown == labels
    assert all(months[i][:4] in label or "\n" not in label for i, label in zip(positions, shown))
    assert analysis.month_ticks([]) == ([], [])


def test_shipped_stop_words_hold_function_words_and_house_style():
    stop = analysis.stop_words()
    assert {"the", "of", "don't", "mr.", "mrs.", "ms.", "getty", "images", "abstract", "ap", "reuters",
            "tuesday", "january", "sept", "p.m."} <= stop
    assert not {"said", "won", "trump", "denied", "press"} & stop  # content words stay
    assert analysis.stop_words(None) == frozenset()
    assert analysis.stop_words(None, ["Trump", " clinton "]) == {"trump", "clinton"}


def test_own_stop_word_file_replaces_the_shipped_list(tmp_path):
    mine = tmp_path / "mine.txt"
    mine.write_text("# my list\nFoo\n\nbar  # a comment\n", encoding="utf-8")
    assert analysis.stop_words(mine, ["baz"]) == {"foo", "bar", "baz"}


@pytest.mark.parametrize("word, key", [
    ("clinton", True), ("mr.", False), ("the", False), ("getty", False), ("2016", False), ("1,237", False),
    ("5ptsmoderatorfeaturedfebruary", False), ("establishment-friendly", True), ("u.s.", True), ("9/11", False),
    ("j", False), ("j.", False), ("sen", False), ("gop", True),
])
def test_is_key_word(word, key):
    assert analysis.is_key_word(word, analysis.stop_words()) is key


def test_key_words_filter_rows_but_keep_the_statistics():
    """House style ("mr.", "getty") dominated keyness on PolNeAR; it is left out of the table, G² unchanged."""
    freq_a = Counter({"mr.": 40, "trump": 30, "the": 200, "wall": 12, "2016": 9})
    freq_b = Counter({"getty": 25, "images": 25, "trump": 10, "the": 210, "racist": 15})
    table = compare.keyness(freq_a, freq_b, min_freq=3, labels=("nyt", "huff"))
    shown = analysis.key_words(table, analysis.stop_words())
    assert set(table["word"]) >= {"mr.", "getty", "images", "the", "2016"}
    assert list(shown["word"]) == [w for w in table["word"] if w in {"trump", "wall", "racist"}]
    assert shown.set_index("word")["g2"].to_dict() == table.set_index("word").loc[shown["word"], "g2"].to_dict()
    assert analysis.key_words(table.iloc[:0], analysis.stop_words()).empty


def test_example_articles_are_dense_typical_and_one_per_outlet():
    """Live blogs carry the most quotes; the example is the densest article of typical length, per outlet."""
    lengths = {"blog": 20000, "short": 300, "t1": 1000, "t2": 1200, "t3": 1100, "o1": 500}
    articles = pd.DataFrame({
        "doc_id": list(lengths), "title": list(lengths),
        "outlet": ["A", "A", "A", "A", "A", "B"],
        "date": pd.to_datetime(["2016-01-01"] * 6),
        "text": ["x" * n for n in lengths.values()],
    })
    per_doc = {"blog": 60, "short": 3, "t1": 2, "t2": 6, "t3": 4, "o1": 1}
    quotes = pd.DataFrame({"doc_id": [d for d, k in per_doc.items() for _ in range(k)]})
    examples = analysis.example_articles(articles, quotes, 10)
    assert examples["doc_id"].tolist() == ["t2", "o1"]  # not "blog" (most quotes), not "short" (densest)
    assert examples.loc[0, "per_1000_chars"] == 5.0
    assert analysis.example_articles(articles, quotes, 1)["doc_id"].tolist() == ["t2"]
    assert analysis.example_articles(articles, quotes.iloc[:0]).empty
    label = analysis.example_labels(examples.head(1), "quote")[0]
    assert label == "A · 2016-01-01 · t2 (6 quotes, 5.0 per 1,000 characters)"


def test_spread_sample_covers_every_outlet_and_month_and_is_seeded():
    # Outlet A has 100 rows in one month, B and C ten each over five months: the first 50 rows were all A's.
    rows = [("A", "2016-01", i) for i in range(100)]
    rows += [(o, f"2016-0{m}", i) for o in "BC" for m in range(1, 6) for i in range(2)]
    frame = pd.DataFrame(rows, columns=["outlet", "month", "i"])
    sample = analysis.spread_sample(frame, 12, seed=0)
    assert len(sample) == 12
    assert sample["outlet"].value_counts().to_dict() == {"A": 4, "B": 4, "C": 4}
    assert sample[sample["outlet"] == "B"]["month"].nunique() == 4  # spread over months, not 4 of one month
    assert list(sample.index) == sorted(sample.index)  # the frame's order
    pd.testing.assert_frame_equal(sample, analysis.spread_sample(frame, 12, seed=0))
    assert not analysis.spread_sample(frame, 12, seed=1).equals(sample)
    assert len(analysis.spread_sample(frame, 500)) == len(frame)


def test_browse_sample_on_the_quote_browser():
    articles = ARTICLES.assign(outlet=["A", "B", "B"], date=pd.to_datetime(["2016-01-05", "2016-03-01", "2016-04-01"]))
    browser = analysis.quote_browser(articles, QUOTES)
    sample = analysis.browse_sample(browser, 2, seed=0)
    assert list(sample.columns) == list(browser.columns)
    assert sorted(sample["outlet"]) == ["A", "B"]
