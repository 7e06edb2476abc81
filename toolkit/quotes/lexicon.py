"""Lexicons for the quote finder, loaded once from package data (``toolkit/data``).

* ``speech_verbs.tsv``: cue verbs derived from PolNeAR TRAIN Cue spans (see
  ``scripts/derive_speech_verbs.py``), with every inflection and a class:
  ``speech`` (verbs of saying, Pareti 2016's "source-cue-content" reporting
  verbs) or ``stance`` (think/believe...), and ``frames``: the complements that are an
  attribution's content (``clause``, ``to``, ``wh``, ``obj``; see the script).
* ``cue_phrases.tsv``: two-word prepositional and noun cues ("talked about", "criticism of",
  "the claim that"), derived from PolNeAR TRAIN by ``scripts/derive_cue_phrases.py``.
* ``speaker_titles.txt``: titles and role nouns that may sit inside a speaker
  noun phrase and are stripped from normalised speaker names.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

PRONOUNS = frozenset({"he", "she", "they", "we", "i", "you", "it"})
"""Subject pronouns accepted as speakers (kept as they stand)."""

DETERMINERS = frozenset({
    "the", "a", "an", "his", "her", "their", "its", "our", "this", "that", "these", "those",
    "some", "many", "several", "other", "another", "one", "two", "three", "most", "both", "all",
    "each", "every", "no", "my", "your", "few", "neither", "any",
})
"""Words that open a speaker noun phrase (the left search stops after one)."""

STOPWORDS = frozenset({
    "and", "or", "but", "that", "which", "who", "whom", "whose", "what", "when", "where", "while",
    "because", "if", "as", "than", "so", "to", "in", "on", "at", "by", "with", "from", "into",
    "about", "after", "before", "since", "until", "over", "under", "against", "during", "without",
    "through", "is", "was", "are", "were", "be", "been", "being", "has", "have", "had", "do",
    "does", "did", "will", "would", "can", "could", "should", "may", "might", "must", "not",
    "also", "there", "here", "then", "now", "how", "why", "him", "them", "us", "me", "it's",
    "very", "more", "even", "just", "only", "yet", "still", "why", "whether", "like", "via",
    "per", "up", "out", "off", "down", "nor", "either", "neither", "too", "later", "earlier",
    "again", "ago", "last", "next", "tuesday", "monday", "wednesday", "thursday", "friday",
    "saturday", "sunday", "yesterday", "today", "tonight", "week", "month", "year",
})
"""Lower-case words that cannot be inside a speaker noun phrase (heuristic, no POS tagger)."""

CONNECTORS = frozenset({"of", "for", "and", "de", "van", "von", "al", "bin", "the", "&"})
"""Lower-case words allowed between capitalised words of one name ("Secretary of State")."""

ADVERBS = frozenset({
    "has", "have", "had", "also", "repeatedly", "previously", "later", "earlier", "then", "once",
    "again", "is", "was", "were", "are", "would", "will", "did", "does", "do", "recently",
    "often", "never", "not", "just", "already", "first", "publicly", "privately", "reportedly",
    "flatly", "since", "has", "had", "been", "may", "might", "could", "should", "can", "must",
    "still", "even", "further", "simply", "had", "'s", "’s", "’ve", "'ve", "long", "famously",
    "frequently", "quickly", "bluntly", "openly", "ultimately", "finally", "now", "actually",
    "nevertheless", "nonetheless",
}) | frozenset(
    # negated auxiliaries, one token each: "Trump hasn't said", "Clinton didn’t say"
    f"{aux}n{apostrophe}t" for aux in ("has", "have", "had", "does", "do", "did", "is", "are", "was", "were", "would",
                                       "could", "should", "must", "ca", "wo")
    for apostrophe in ("'", "’")
) | {"cannot"}
"""Words skipped between a speaker and its cue verb ("X has repeatedly said", "X hasn't said")."""


@dataclass(frozen=True)
class Verb:
    """One cue-verb form: its lemma, class (``speech`` or ``stance``) and content frames."""

    lemma: str
    cls: str
    frames: frozenset[str] = frozenset()


def _data(name: str) -> str:
    """Read a UTF-8 data file shipped in ``toolkit/data``."""
    return resources.files("toolkit").joinpath("data", name).read_text(encoding="utf-8")


@lru_cache(maxsize=None)
def speech_verbs() -> dict[str, Verb]:
    """Return lower-case verb form -> :class:`Verb` from ``speech_verbs.tsv``."""
    forms: dict[str, Verb] = {}
    for line in _data("speech_verbs.tsv").splitlines():
        if not line.strip() or line.startswith("#") or line.startswith("lemma\t"):
            continue
        lemma, form_list, cls, frames, *_ = line.split("\t")
        verb = Verb(lemma, cls, frozenset(f for f in frames.split(",") if f != "-"))
        for form in form_list.split(","):
            forms.setdefault(form, verb)
    return forms


@lru_cache(maxsize=None)
def speaker_titles() -> frozenset[str]:
    """Return the lower-case title words from ``speaker_titles.txt``."""
    return frozenset(
        line.strip() for line in _data("speaker_titles.txt").splitlines()
        if line.strip() and not line.startswith("#")
    )


@lru_cache(maxsize=None)
def cue_phrases() -> dict[tuple[str, str], str]:
    """Return (word, next word) -> head (``verb``/``noun``) from ``cue_phrases.tsv``.

    The next word is a preposition ("talked about", "support for": the content is its object)
    or ``that*``/``to*`` ("the claim that ...": the content starts at "that"/"to").
    """
    out: dict[tuple[str, str], str] = {}
    for line in _data("cue_phrases.tsv").splitlines():
        if not line.strip() or line.startswith("#") or line.startswith("phrase\t"):
            continue
        phrase, head, *_ = line.split("\t")
        w1, w2 = phrase.split()
        out[(w1, w2)] = head
    return out
