"""A guess of a person's gender from their first name, opt-in: ``gender_guess`` is female, male or unknown.

The name list is the one shipped in the ``gender_guesser`` package (Jörg Michael's ``nam_dict.txt``, about
40,000 first names from many countries, each with its usage by country; no network at run time). Its
answers map as follows:

* ``female`` / ``male`` (the name is used for one gender only, or almost only) -> female / male;
* ``mostly_female`` / ``mostly_male`` -> **unknown**: in this list such names are truly mixed ("Bernie"
  and "Lindsey" are mostly_female, "Chris" and "Robin" mostly_male), so a guess would mislabel many;
* ``andy`` (androgynous: used for both alike) and ``unknown`` (not in the list) -> unknown.

Only a ``person`` with a written first name gets a guess: organisations, descriptions, pronouns, missing
speakers, bare surnames ("Trump"), ambiguous surnames ("Clinton") and names starting with an initial
("J. Smith") are unknown. The guess is about a name, not a person's identity: read the README's
"Gender" section for its biases before reporting shares.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

import pandas as pd

__all__ = ["GENDERS", "add_gender", "first_name_gender", "gender_guess", "gender_shares"]

GENDERS = ("female", "male", "unknown")
"""Values of ``gender_guess``."""

_ANSWERS = {"female": "female", "male": "male"}  # every other answer of the detector is "unknown"


@lru_cache(maxsize=1)
def _detector() -> Any:
    """Load the name list once (about half a second)."""
    from gender_guesser.detector import Detector

    return Detector(case_sensitive=False)


@lru_cache(maxsize=65536)
def first_name_gender(first_name: str) -> str:
    """Return female, male or unknown for a first name (see the module docstring for the mapping)."""
    name = first_name.strip()
    if len(name.rstrip(".")) < 2:  # an initial says nothing
        return "unknown"
    return _ANSWERS.get(_detector().get_gender(name), "unknown")


def gender_guess(person: object, kind: object = "person", ambiguous: bool = False) -> str:
    """Return the guess for one canonical person name of kind ``kind``: unknown unless a person with a first name."""
    if kind != "person" or ambiguous or person is None or (isinstance(person, float) and pd.isna(person)):
        return "unknown"
    words = str(person).split()
    if len(words) < 2:  # a bare surname, or a one-word name
        return "unknown"
    return first_name_gender(words[0])


def add_gender(frame: pd.DataFrame, people: pd.DataFrame | None = None) -> pd.DataFrame:
    """Return a quotes or denials table with ``person`` and ``speaker_kind`` plus a ``gender_guess`` column.

    With ``people`` (the people table of ``toolkit.quotes.people.assign_people``), a person it marks
    ``ambiguous`` is unknown.
    """
    ambiguous: set[str] = set()
    if people is not None and len(people):
        ambiguous = set(people.loc[people["ambiguous"].astype(bool), "person"])
    out = frame.copy()
    out["gender_guess"] = [gender_guess(p, k, isinstance(p, str) and p in ambiguous)
                           for p, k in zip(frame["person"], frame["speaker_kind"])]
    return out


def gender_shares(frame: pd.DataFrame) -> pd.DataFrame:
    """Return the count and share of a table's rows by a person, by ``gender_guess``: female, male, unknown, in order.

    Rows whose speaker is not a person (organisations, descriptions, pronouns, none) are left out: their
    "unknown" would say nothing about the names.
    """
    persons = frame[frame["speaker_kind"] == "person"] if len(frame) else frame
    counts = persons["gender_guess"].value_counts().reindex(list(GENDERS), fill_value=0) if len(persons) \
        else pd.Series(0, index=list(GENDERS))
    total = int(counts.sum())
    return pd.DataFrame({"gender_guess": list(GENDERS), "count": counts.astype("int64").to_numpy(),
                         "share": (counts / total).to_numpy() if total else [0.0] * len(GENDERS)})
