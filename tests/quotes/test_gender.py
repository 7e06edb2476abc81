"""gender_guess from first names (toolkit.quotes.gender): the mapping, who is never guessed, the shares."""

from __future__ import annotations

import pandas as pd
import pytest

from toolkit.quotes.gender import GENDERS, add_gender, first_name_gender, gender_guess, gender_shares


@pytest.mark.parametrize("first, expected", [
    ("Hillary", "female"), ("maria", "female"), ("Donald", "male"), ("SERGEI", "male"),  # case ignored
    ("Andy", "male"),
    ("Bernie", "unknown"), ("Chris", "unknown"),  # mostly_female / mostly_male: mixed names are not guessed
    ("Xi", "unknown"),  # androgynous ("andy") in the list
    ("Kellyanne", "unknown"), ("Zzyzx", "unknown"),  # not in the list
    ("J.", "unknown"), ("J", "unknown"),  # an initial
])
def test_first_name_mapping(first, expected):
    assert first_name_gender(first) == expected


@pytest.mark.parametrize("person, kind, ambiguous, expected", [
    ("Hillary Clinton", "person", False, "female"),
    ("Bill Clinton", "person", False, "male"),
    ("Clinton", "person", True, "unknown"),  # an ambiguous bare surname
    ("Trump", "person", False, "unknown"),  # a bare surname
    ("J. Smith", "person", False, "unknown"),  # an initial
    ("Maria Zakharova", "person", True, "unknown"),  # marked ambiguous: never guessed
    ("Foreign Ministry", "organisation", False, "unknown"),
    ("Mary Kay", "organisation", False, "unknown"),  # a first name in an organisation's name says nothing
    ("officials", "description", False, "unknown"),
    (None, "pronoun-unresolved", False, "unknown"),
    (None, "none", False, "unknown"),
])
def test_only_persons_with_a_first_name_are_guessed(person, kind, ambiguous, expected):
    assert gender_guess(person, kind, ambiguous) == expected


def test_small_table_and_shares():
    quotes = pd.DataFrame({
        "person": ["Hillary Clinton", "Hillary Clinton", "Donald Trump", "Clinton", "State Department", None, "Bernie Sanders"],
        "speaker_kind": ["person", "person", "person", "person", "organisation", "none", "person"],
    })
    people = pd.DataFrame({"person": ["Clinton", "Hillary Clinton"], "ambiguous": [True, False]})
    guessed = add_gender(quotes, people)
    assert list(guessed["gender_guess"]) == ["female", "female", "male", "unknown", "unknown", "unknown", "unknown"]
    assert "gender_guess" not in quotes  # the input is not changed
    shares = gender_shares(guessed)  # persons only: the organisation and the missing speaker are left out
    assert list(shares["gender_guess"]) == list(GENDERS) and list(shares["count"]) == [2, 1, 2]
    assert shares["share"].tolist() == pytest.approx([0.4, 0.2, 0.4])
    empty = gender_shares(guessed.iloc[:0])
    assert list(empty["count"]) == [0, 0, 0] and list(empty["share"]) == [0.0, 0.0, 0.0]
