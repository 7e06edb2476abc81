"""The denial lexicon: load it from data, compile it into one regex, check word-sense constraints.

The entries live in ``toolkit/data/denials.tsv`` (format documented at the top of that file); the
categories follow Cohen (2001, *States of Denial*: literal, interpretive, implicatory denial) and
van Dijk (1992, "Discourse and the denial of racism": disclaimers, reversal, counter-attack).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Iterable

#: Categories in order of precedence (GUIDELINES.md: "takes the first that applies").
CATEGORIES: tuple[str, ...] = ("explicit", "no_evidence", "falsity", "delegitimize", "counter_accusation")

#: Nouns (and reporting verbs) that make a word be *about a claim*: "false claims", "rejected the report".
CLAIM_WORDS: frozenset[str] = frozenset("""
claim claims allegation allegations accusation accusations charge charges report reports reporting story stories
statement statements assertion assertions argument arguments suggestion suggestions notion idea ideas premise
contention theory theories rumor rumors rumour rumours characterization characterizations characterisation
criticism criticisms critique narrative narratives news information account accounts version testimony finding
findings conclusion conclusions evidence assessment speculation insinuation insinuations comments comment
remarks impression portrayal depiction headline headlines tweet tweets article articles assumption belief
perception concerns complaint complaints analysis data figures numbers estimate estimates poll polls ad ads
advertisement video photos image reasoning logic rationale rationales justification excuse excuses
issue crisis controversy scandal outrage hype furor
claimed claiming stated asserted alleged alleging suggested suggesting said saying accused accusing
reported reporting portrayed portraying described describing characterized implied implying
""".split())

_COPULAS = frozenset("is are was were be been being as seems seem sounds sound look looks remains".split())
_DETERMINERS_ADJ = frozenset("""a an the this that these those his her its their our my your any some no
border legal trade labor labour contract territorial land water custody family court long bitter ongoing
international diplomatic political labour-management pay wage""".split())
_WORD = re.compile(r"[\w’'\-]+|[^\w\s]")
_SEP = r"(?:\s+|\s*-\s*)"
_ANY_WORD = r"[\w’'\-]+"


@dataclass(frozen=True)
class Entry:
    """One lexicon entry: a pattern with its category, provenance and sense constraints."""

    id: str
    pattern: str
    category: str
    source: str
    sense: tuple[tuple[str, str], ...] = ()

    @property
    def negatable(self) -> bool:
        """Whether a negation just before the match cancels it ("did not deny")."""
        return any(name == "negatable" for name, _ in self.sense)


@dataclass(frozen=True)
class Lexicon:
    """An ordered, hashable collection of entries (hashable so its compiled regex can be cached)."""

    entries: tuple[Entry, ...]

    def entry(self, entry_id: str) -> Entry:
        """Return the entry with this id."""
        return _index(self)[entry_id]


def _parse_sense(field: str) -> tuple[tuple[str, str], ...]:
    out = []
    for part in filter(None, (p.strip() for p in field.split(";"))):
        name, _, arg = part.partition(":")
        out.append((name.strip(), arg.strip()))
    return tuple(out)


def parse_lexicon(lines: Iterable[str], *, origin: str = "<lexicon>") -> Lexicon:
    """Parse TSV lines (``id pattern category source [sense]``); '#' lines and blank lines are skipped."""
    entries = []
    for number, raw in enumerate(lines, 1):
        line = raw.rstrip("\r\n")
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        fields = line.split("\t")
        if len(fields) < 4:
            raise ValueError(f"{origin}:{number}: expected id, pattern, category, source[, sense] separated by tabs")
        entry_id, pattern, category, source = (f.strip() for f in fields[:4])
        if category not in CATEGORIES:
            raise ValueError(f"{origin}:{number}: unknown category {category!r} (one of {', '.join(CATEGORIES)})")
        entry = Entry(entry_id, pattern, category, source, _parse_sense(fields[4] if len(fields) > 4 else ""))
        re.compile(pattern_regex(pattern))  # fail at load time, with the line number, not at match time
        entries.append(entry)
    return Lexicon(tuple(entries))


@lru_cache(maxsize=1)
def default_lexicon() -> Lexicon:
    """Return the shipped lexicon (``toolkit/data/denials.tsv``), loaded once."""
    text = resources.files("toolkit").joinpath("data/denials.tsv").read_text(encoding="utf-8")
    return parse_lexicon(text.splitlines(), origin="toolkit/data/denials.tsv")


def load_lexicon(path: str | Path, *, extend: bool = True) -> Lexicon:
    """Load a researcher's lexicon file; with ``extend`` its entries are added to the shipped ones.

    An entry whose id is already shipped replaces the shipped one (so a user can tighten a rule).
    """
    own = parse_lexicon(Path(path).read_text(encoding="utf-8").splitlines(), origin=str(path))
    if not extend:
        return own
    ids = {e.id for e in own.entries}
    return Lexicon(tuple(e for e in default_lexicon().entries if e.id not in ids) + own.entries)


def _word_regex(token: str) -> str:
    if token == "~":
        return _ANY_WORD
    alts = []
    for alt in token.split("|"):
        star = alt.endswith("*")
        alt = alt.rstrip("*")
        alts.append(re.escape(alt).replace("\\'", "[’']").replace("’", "[’']") + (r"\w*" if star else ""))
    return "(?:" + "|".join(alts) + ")"


def pattern_regex(pattern: str) -> str:
    """Translate a word-level pattern (see the header of ``data/denials.tsv``) into a regex."""
    if pattern.startswith("re:"):
        return "(?:" + pattern[3:] + ")"
    out, need_sep = "", False
    for token in pattern.split():
        optional = token.endswith("?") and len(token) > 1
        word = _word_regex(token[:-1] if optional else token)
        if optional:
            out += f"(?:{_SEP}{word})?" if need_sep else f"(?:{word}{_SEP})?"
        else:
            out += (_SEP if need_sep else "") + word
            need_sep = True
    return "(?:" + out + ")"


@lru_cache(maxsize=8)
def compiled(lexicon: Lexicon) -> re.Pattern[str]:
    """Compile the whole lexicon into one alternation; the group name says which entry matched.

    Longer patterns come first so that at one position the longest phrase wins
    ("not backed with any proof" before "proof").
    """
    order = sorted(range(len(lexicon.entries)), key=lambda i: -len(pattern_regex(lexicon.entries[i].pattern)))
    body = "|".join(f"(?P<e{i}>{pattern_regex(lexicon.entries[i].pattern)})" for i in order)
    return re.compile(rf"(?<![\w’'])(?:{body})(?![\w’']|-\w)", re.IGNORECASE)


@lru_cache(maxsize=8)
def _index(lexicon: Lexicon) -> dict[str, Entry]:
    return {e.id: e for e in lexicon.entries}


def _words(fragment: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(fragment)]


def _items(arg: str) -> list[str]:
    return [w.lower() for w in arg.split("|") if w]


def _in(word: str | None, items: list[str]) -> bool:
    """A word is in the list; an item starting with an apostrophe matches a word ending so ("she's")."""
    if word is None:
        return False
    return any(word.endswith(i.replace("’", "'")) or word.endswith(i.replace("'", "’")) if i[0] in "'’" else word == i
               for i in items)


def sense_ok(entry: Entry, text: str, start: int, end: int) -> bool:
    """Whether the words around ``text[start:end]`` satisfy the entry's sense constraints."""
    if not entry.sense:
        return True
    before = _words(text[max(0, start - 80):start])
    after = _words(text[end:end + 100])
    prev = before[-1] if before else None
    nxt = after[0] if after else None
    clause_after = []
    for w in after:  # a claim noun must be in the same clause: stop at sentence punctuation
        if w in {".", ";", "!", "?"}:
            break
        clause_after.append(w)
    for name, arg in entry.sense:
        if name == "negatable":
            continue
        if name == "not_next" and _in(nxt, _items(arg)):
            return False
        if name == "not_prev" and _in(prev, _items(arg)):
            return False
        if name == "next" and not _in(nxt, _items(arg)):
            return False
        if name == "prev" and not _in(prev, _items(arg)):
            return False
        if name == "not_within":
            n, _, words = arg.partition(":")
            if set(clause_after[: int(n)]) & set(_items(words)):
                return False
        if name == "verb" and prev in _DETERMINERS_ADJ:
            return False
        if name == "claim_after":
            window = [w for w in clause_after[: int(arg or 4)] if w.isalnum() or "’" in w or "'" in w]
            passive = prev in {"was", "were", "been", "be", "being", "is", "are"} and set(before[-6:]) & CLAIM_WORDS
            if not (set(window) & (CLAIM_WORDS | {"as"}) or nxt == "that" or passive):
                return False
        if name == "claim_near":
            n = int(arg or 3)
            if not set(before[-n:] + clause_after[:n]) & CLAIM_WORDS:
                return False
        if name == "claim_or_copula":
            quote_before = text[max(0, start - 1):start] in {"“", '"', "‘", "'"}
            if not (set(clause_after[:3]) & CLAIM_WORDS or prev in _COPULAS or quote_before
                    or (nxt is not None and not nxt[0].isalnum()) or nxt is None):
                return False
    return True
