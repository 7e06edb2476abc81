"""A three-article corpus whose speakers merge into known persons (tests of toolkit.quotes.people in the pipeline).

a1 quotes Hillary Clinton, Bill Clinton and a bare "Clinton" (ambiguous: both are in the article); a2 names
"Donald Trump" and "Mr. Trump", the State Department and Maria Zakharova; a3 has a bare "Trump" (the
corpus's one Trump) and "Sanders" after "Bernie Sanders".
"""

from __future__ import annotations

from pathlib import Path

TEXTS = {
    "a1": "Clintons on the trail\n\nHillary Clinton said the economy needed a new plan. Former President Bill Clinton "
          "told reporters that the campaign was going well.\n\n\"We are going to win this state,\" Clinton said on Tuesday.\n",
    "a2": "Trump rally draws crowd\n\nDonald Trump said the polls were fake. \"I will win big,\" Mr. Trump said.\n\n"
          "The State Department said it had no comment. Maria Zakharova said the claims were false.\n",
    "a3": "Campaign notes\n\n\"The numbers are moving,\" Trump said. Bernie Sanders said the party had to change. "
          "Sanders added that young voters were with him.\n",
}
#: (doc_id, speaker as found, person, speaker_kind, gender_guess) of every quote, in corpus order.
QUOTES = [
    ("a1", "Hillary Clinton", "Hillary Clinton", "person", "female"),
    ("a1", "Former President Bill Clinton", "Bill Clinton", "person", "male"),
    ("a1", "Clinton", "Clinton", "person", "unknown"),  # ambiguous: stays apart, no gender
    ("a2", "Donald Trump", "Donald Trump", "person", "male"),
    ("a2", "Mr. Trump", "Donald Trump", "person", "male"),
    ("a2", "The State Department", "State Department", "organisation", "unknown"),
    ("a2", "Maria Zakharova", "Maria Zakharova", "person", "female"),
    ("a3", "Trump", "Donald Trump", "person", "male"),
    ("a3", "Bernie Sanders", "Bernie Sanders", "person", "unknown"),  # "Bernie" is mostly_female in the list: unknown
    ("a3", "Sanders", "Bernie Sanders", "person", "unknown"),
]
#: (doc_id, denier, person) of every denial.
DENIALS = [("a2", "Donald Trump", "Donald Trump"), ("a2", "Maria Zakharova", "Maria Zakharova")]
#: An aliases file settling the ambiguous "Clinton", and what it changes.
ALIASES = "surface,person\n# the bare Clinton of a1 is Hillary's campaign line\nClinton,Hillary Clinton\n"
ALIASED = {2: "Hillary Clinton"}


def write_corpus(folder: Path) -> Path:
    """Write the three articles as text files into `folder`; return it."""
    folder.mkdir(parents=True, exist_ok=True)
    for doc_id, text in TEXTS.items():
        (folder / f"{doc_id}.txt").write_text(text, encoding="utf-8")
    return folder


def persons(aliased: bool = False) -> list[str]:
    """The expected person of each quote, with or without the aliases file."""
    return [ALIASED.get(i, row[2]) if aliased else row[2] for i, row in enumerate(QUOTES)]
