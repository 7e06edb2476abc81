"""People across a corpus: kinds, merge rules, the ambiguous case, aliases, determinism (toolkit.quotes.people)."""

from __future__ import annotations

import pandas as pd
import pytest

from toolkit.quotes.people import PEOPLE_COLUMNS, assign_people, load_aliases, name_kind

# A small corpus with known answers. a1 names Hillary and Bill Clinton as speakers and quotes a bare
# "Clinton"; a5's text names both; a2-a3 (March) name Donald Trump several ways; a4 (July) has a bare
# "Sanders" with Bernie Sanders only quoted in March.
ARTICLES = pd.DataFrame({
    "doc_id": ["a1", "a2", "a3", "a4", "a5"],
    "outlet": ["nyt", "wp", "nyt", "wp", "nyt"],
    "date": pd.to_datetime(["2016-03-01", "2016-03-05", "2016-03-20", "2016-07-01", "2016-03-02"]),
    "text": ["", "", "Bernie Sanders spoke.", "", "Hillary Clinton met Bill Clinton."],
})
ROWS = [  # doc_id, speaker, speaker_name, speaker_resolved, expected person, expected kind
    ("a1", "Hillary Clinton", "Hillary Clinton", "Hillary Clinton", "Hillary Clinton", "person"),
    ("a1", "former President Bill Clinton", "Bill Clinton", "Bill Clinton", "Bill Clinton", "person"),
    ("a1", "Clinton", "Clinton", "Clinton", "Clinton", "person"),
    ("a2", "Mr. Trump", "Trump", "Trump", "Donald Trump", "person"),
    ("a2", "Donald J. Trump", "Donald Trump", "Donald Trump", "Donald Trump", "person"),
    ("a2", "he", "he", "Donald Trump", "Donald Trump", "person"),
    ("a2", "John Smith", "John Smith", "John Smith", "John Smith", "person"),
    ("a2", "the State Department", "State Department", "State Department", "State Department", "organisation"),
    ("a2", "which", "which", "State Department", "State Department", "organisation"),
    ("a3", "President Trump", "Trump", "Trump", "Donald Trump", "person"),
    ("a3", "J. Smith", "J. Smith", "J. Smith", "John Smith", "person"),
    ("a3", "Sen. Bernie Sanders", "Bernie Sanders", "Bernie Sanders", "Bernie Sanders", "person"),
    ("a3", "they", "they", None, None, "pronoun-unresolved"),
    ("a3", None, None, None, None, "none"),
    ("a3", "officials", "officials", "officials", "officials", "description"),
    ("a4", "Sanders", "Sanders", "Sanders", "Sanders", "person"),
    ("a4", "the Kremlin", "Kremlin", "Kremlin", "Kremlin", "organisation"),
    ("a5", "Mr. Clinton", "Clinton", "Clinton", "Clinton", "person"),
]
QUOTES = pd.DataFrame([r[:4] for r in ROWS], columns=["doc_id", "speaker", "speaker_name", "speaker_resolved"])
DENIALS = pd.DataFrame({
    "doc_id": ["a2", "a1", "a4"],
    "denier": ["President Trump", "Clinton", None],
    "denier_name": ["President Trump", "Clinton", None],
})


def _values(series: pd.Series) -> list[object]:
    return [None if pd.isna(v) else v for v in series]


@pytest.fixture(scope="module")
def people():
    return assign_people(QUOTES, ARTICLES, DENIALS)


def test_every_quote_gets_its_person_and_kind(people):
    quotes, _, _ = people
    assert _values(quotes["person"]) == [r[4] for r in ROWS]
    assert quotes["speaker_kind"].tolist() == [r[5] for r in ROWS]
    assert list(quotes.columns[:4]) == list(QUOTES.columns)  # the input columns come first, unchanged


def test_denials_get_persons(people):
    denials = people.denials
    assert _values(denials["person"]) == ["Donald Trump", "Clinton", None]
    assert denials["speaker_kind"].tolist() == ["person", "person", "none"]


def test_people_table_merges_exactly_as_expected(people):
    table = people.table.set_index(["person", "speaker_kind"])
    assert list(people.table.columns) == PEOPLE_COLUMNS
    trump = table.loc[("Donald Trump", "person")]
    assert (trump["quotes"], trump["denials"], trump["articles"], trump["n_surface_forms"]) == (4, 1, 2, 4)
    assert trump["surface_forms"] == "President Trump (2); Donald J. Trump (1); Mr. Trump (1); he (1)"
    assert "President (2)" in trump["titles"] and "Mr. (1)" in trump["titles"]
    assert trump["outlets"] == "wp (4); nyt (1)"
    assert "antecedent of 'he'" in trump["merge"] and "bare surname joined" in trump["merge"]
    smith = table.loc[("John Smith", "person")]
    assert smith["n_surface_forms"] == 2 and "initial compatible with John Smith" in smith["merge"]
    assert table.loc[("State Department", "organisation"), "quotes"] == 2


def test_bare_surname_ambiguous_in_the_article_stays_apart(people):
    clinton = people.table.set_index("person").loc["Clinton"]
    assert bool(clinton["ambiguous"]) and clinton["quotes"] == 2 and clinton["denials"] == 1
    assert "ambiguous among the article's speakers: Bill Clinton | Hillary Clinton" in clinton["merge"]
    assert "ambiguous in the article's text: Bill Clinton | Hillary Clinton" in clinton["merge"]  # a5, from its text
    assert not people.table.set_index("person").loc["Hillary Clinton", "ambiguous"]


def test_bare_surname_outside_the_time_window_stays_as_it_is(people):
    row = people.table.set_index("person").loc["Sanders"]
    assert row["merge"] == "bare surname, no full name found (1)" and not row["ambiguous"]
    # with a window wide enough, March's Bernie Sanders is the one full name with that surname
    wide = assign_people(QUOTES, ARTICLES, window_months=4).quotes
    assert wide.loc[QUOTES["doc_id"].eq("a4") & QUOTES["speaker"].eq("Sanders"), "person"].tolist() == ["Bernie Sanders"]


def test_aliases_file_corrects_the_merge(tmp_path):
    path = tmp_path / "aliases.csv"
    path.write_text("surface,person\nSanders,Bernie Sanders\nmr. clinton,Bill Clinton\n", encoding="utf-8")
    assert load_aliases(path) == {"sanders": "Bernie Sanders", "mr. clinton": "Bill Clinton"}
    quotes, _, table = assign_people(QUOTES, ARTICLES, DENIALS, aliases=path)
    assert quotes.loc[QUOTES["doc_id"].eq("a4") & QUOTES["speaker"].eq("Sanders"), "person"].tolist() == ["Bernie Sanders"]
    assert quotes.loc[QUOTES["speaker"].eq("Mr. Clinton"), "person"].tolist() == ["Bill Clinton"]
    assert "alias" in table.set_index("person").loc["Bernie Sanders", "merge"]
    assert "Sanders" not in set(table["person"])


def test_aliases_file_errors_name_the_line(tmp_path):
    path = tmp_path / "aliases.csv"
    path.write_text("Trump,Donald Trump\nClinton\n", encoding="utf-8")
    with pytest.raises(ValueError, match="line 2"):
        load_aliases(path)
    path.write_text("Trump,Donald Trump\ntrump,Ivanka Trump\n", encoding="utf-8")
    with pytest.raises(ValueError, match="already aliased"):
        load_aliases(path)


def test_output_is_deterministic_and_independent_of_row_order(people):
    again = assign_people(QUOTES, ARTICLES, DENIALS)
    assert again.table.equals(people.table) and again.quotes.equals(people.quotes)
    shuffled = assign_people(QUOTES.sample(frac=1, random_state=3), ARTICLES.iloc[::-1], DENIALS)
    assert shuffled.table.equals(people.table)


def test_empty_and_articleless_inputs():
    quotes, denials, table = assign_people(QUOTES.iloc[:0])
    assert quotes.empty and denials is None and list(table.columns) == PEOPLE_COLUMNS and table.empty
    alone = assign_people(QUOTES)  # no dates: the whole corpus is one window
    assert alone.quotes.loc[QUOTES["speaker"].eq("Sanders"), "person"].tolist() == ["Bernie Sanders"]


@pytest.mark.parametrize("name, kind", [
    ("Donald Trump", "person"), ("Trump", "person"), ("Maria Zakharova", "person"),
    ("State Department", "organisation"), ("Kremlin", "organisation"), ("ministry", "organisation"),
    ("FBI", "organisation"), ("Clinton campaign", "organisation"),
    ("officials", "description"), ("Republicans", "description"), ("president", "description"),
    ("a wave of boos upon", "description"), ("Of", "description"), ("Ask", "description"),
    ("he", "pronoun-unresolved"), ("who", "pronoun-unresolved"), ("which", "pronoun-unresolved"),
    (None, "none"), ("  ", "none"),
])
def test_name_kind(name, kind):
    assert name_kind(name) == kind
