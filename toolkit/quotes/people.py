"""People across a corpus: one canonical name per person for every quote and denial.

The quote finder names a speaker per article (``speaker_name``: titles stripped, a surname grouped with
the article's full name) and resolves "he"/"she" and relative "who"/"which" to a named speaker
(``speaker_resolved``). This module merges those names across articles, in this order:

1. **Kind.** A speaker is a ``person``, an ``organisation`` (its last word is an organisation head word
   of ``toolkit/data/organisation_heads.txt``, or it is an all-caps acronym, or a country or capital of
   ``toolkit/data/places.txt`` standing for its state: "State Department", "Kremlin", "FBI", "Moscow"), a ``description`` (no proper name: "officials", "the president", or a collective
   noun of ``toolkit/data/group_nouns.txt``: "Republicans"), ``pronoun-unresolved`` (a pronoun or
   relative the finder could not resolve) or ``none`` (no speaker found). A pronoun or relative the
   finder resolved takes the kind and person of its antecedent.
2. **Full names.** Names of two words or more with the same surname (and the same suffix: "Jr.")
   merge when their first names are compatible: equal, or an initial of the other ("J. Smith" joins
   "John Smith" when only one first name with that initial has the surname). Middle names are
   ignored ("Hillary Rodham Clinton" is "Hillary Clinton"). The canonical name is the most frequent
   "First Last" form.
3. **Bare surnames.** A one-word name ("Trump", from "Mr. Trump" or "President Trump") joins a full
   name by the first evidence that decides: (a) the full names with that surname among the same
   article's speakers and deniers, else (b) the full names with that surname written in the article's
   text ("Donald Trump", "Donald J. Trump"), else (c) the corpus's full names with that surname in the
   time window: articles published in the same calendar month or the month before or after
   (``window_months=1``; without dates, the whole corpus). Exactly one candidate: it joins. Two or more
   ("Clinton" in an article naming Hillary and Bill Clinton): the surname stays apart as its own row,
   listed as ambiguous with its candidates. None: it stays as it is. Likewise an organisation named by
   its head word alone ("the Ministry") joins the one organisation of its article with that head
   ("Foreign Ministry"); with two or more it stays apart.
4. **Aliases.** An editable CSV file (``surface,person`` per line) corrects the automatic merge: a row
   whose normalised name, raw speaker text or automatic person equals a surface form (case and spacing
   ignored) gets that person. Aliases apply last, so they only correct.

Organisations merge by their name, case-insensitively ("Foreign ministry", "Foreign Ministry").
With ``gender=True`` every row and the people table also get ``gender_guess`` (:mod:`toolkit.quotes.gender`).

The merge needs the whole corpus, so it runs after the finders: ``quotes_frame`` and ``open_dataset``
call :func:`assign_people` on their tables; ``extract`` and the ``quotes`` and ``denials`` commands keep
streaming and feed :class:`PeopleMerger` batch by batch, twice (the corpus-wide evidence, then each batch's
rows), over the speaker columns and :func:`name_runs` of each article (``toolkit.pipeline``).
Functions over DataFrames and a merger that counts what its batches say; the only I/O is :func:`load_aliases`
reading the file it is given.
Output is deterministic (every table sorted with explicit tie-breaks).
"""

from __future__ import annotations

import csv
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from itertools import accumulate
from pathlib import Path
from typing import Any

import pandas as pd

from toolkit.quotes.doc import plausible_subject
from toolkit.quotes.gender import add_gender
from toolkit.quotes.lexicon import PRONOUNS, STOPWORDS, speaker_titles, speech_verbs
from toolkit.quotes.speakers import POSSESSIVE, POSSESSIVE_MARK, RELATIVES, normalise_name

__all__ = [
    "KINDS",
    "PEOPLE_COLUMNS",
    "ROW_COLUMNS",
    "People",
    "PeopleMerger",
    "assign_people",
    "load_aliases",
    "name_kind",
    "name_runs",
    "person_outlet_counts",
]

KINDS = ("person", "organisation", "description", "pronoun-unresolved", "none")
"""Values of ``speaker_kind``."""
PEOPLE_COLUMNS = ["person", "speaker_kind", "quotes", "denials", "articles", "n_surface_forms", "surface_forms",
                  "titles", "outlets", "merge", "ambiguous"]
"""Columns of the people table."""
ROW_COLUMNS = ("person", "speaker_kind")
"""Columns :func:`assign_people` adds to every quote and denial row (and ``gender_guess`` with ``gender=True``)."""

WINDOW_MONTHS = 1
"""A bare surname looks for full names in its article's month and this many months either side."""
DOMINANCE = 3
"""Outside the article's own speakers, one full name wins over others mentioned this many times less."""
HONORIFIC_MAJORITY = 0.75
"""Share of a person's "Mr."/"Mrs."/"Ms." (and resolved "he"/"she") mentions that makes it their honorific."""

_PRONOUN_WORDS = PRONOUNS | RELATIVES | frozenset({"i", "me", "him", "her", "his", "them", "their", "us", "our",
                                                  "one", "someone", "somebody", "this", "these", "those"})
_SUFFIXES = frozenset({"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"})
_INITIAL = re.compile(r"^[A-Z]\.?$")
_NAME_WORD = re.compile(r"^(?:[A-Z][\w’'.-]*|[A-Z]\.|(?:de|van|von|al|bin|la|le|del|da)|Mc[A-Z]\w*)$")
_NOT_FIRST = frozenset({"the", "a", "an", "and", "but", "of", "in", "on", "at", "for", "to", "by", "with", "from",
                        "as", "if", "when", "while", "after", "before", "said", "says"})


@dataclass(frozen=True)
class People:
    """The result of :func:`assign_people`: the quotes and denials with ``person`` and ``speaker_kind``,
    and the people table (one row per person, organisation or description; :data:`PEOPLE_COLUMNS`)."""

    quotes: pd.DataFrame
    denials: pd.DataFrame | None
    table: pd.DataFrame

    def __iter__(self):  # noqa: D105 (unpacks as (quotes, denials, table))
        return iter((self.quotes, self.denials, self.table))


@lru_cache(maxsize=None)
def _word_list(name: str) -> frozenset[str]:
    """Read a one-word-per-line data file of ``toolkit/data`` (comments start with "#")."""
    text = resources.files("toolkit").joinpath("data", name).read_text(encoding="utf-8")
    return frozenset(line.strip().lower() for line in text.splitlines() if line.strip() and not line.startswith("#"))


def load_aliases(path: str | Path) -> dict[str, str]:
    """Read an aliases CSV (``surface,person``; a header row naming those columns is skipped).

    Raises ValueError naming the line of a row without two non-empty fields, or of a surface form
    given two different persons.
    """
    out: dict[str, str] = {}
    with open(path, encoding="utf-8", newline="") as handle:
        for number, row in enumerate(csv.reader(handle), start=1):
            if not row or not "".join(row).strip() or row[0].lstrip().startswith("#"):
                continue
            if number == 1 and [c.strip().lower() for c in row[:2]] == ["surface", "person"]:
                continue
            if len(row) < 2 or not row[0].strip() or not row[1].strip():
                raise ValueError(f"{path}, line {number}: expected 'surface form,person', got {row!r}")
            key, person = _key(row[0]), " ".join(row[1].split())
            if out.get(key, person) != person:
                raise ValueError(f"{path}, line {number}: {row[0]!r} is already aliased to {out[key]!r}")
            out[key] = person
    return out


def _key(text: str) -> str:
    """Return a surface form as an alias key: whitespace collapsed, case folded."""
    return " ".join(str(text).split()).casefold()


def _missing(value: object) -> bool:
    if type(value) is str:  # nearly every value: skip the checks below
        return not value.strip()
    if type(value) is int or type(value) is bool:  # offsets and flags: str() of one is never blank
        return False
    return value is None or (isinstance(value, float) and pd.isna(value)) or value is pd.NA or not str(value).strip()


def _present(value: object) -> bool:
    """``not _missing(value)``, with the test of a string (nearly every value) inlined: hot loops call it per row."""
    return bool(value.strip()) if type(value) is str else not _missing(value)


def name_kind(name: object) -> str:
    """Return the kind of a normalised speaker name (see :data:`KINDS`); "person" for a proper name."""
    if _missing(name):
        return "none"
    words = str(name).split()
    low = [w.lower() for w in words]
    if len(words) == 1 and (low[0] in _PRONOUN_WORDS or POSSESSIVE_MARK.sub("", low[0]) in _PRONOUN_WORDS):
        return "pronoun-unresolved"
    if low[-1] in _word_list("organisation_heads.txt") or (len(words) == 1 and len(words[0]) > 1
                                                          and words[0].replace(".", "").isupper()) \
            or " ".join(low) in _word_list("places.txt"):
        return "organisation"  # "State Department", "NATO", and a state named by its country or capital ("Moscow")
    if not words[0][:1].isupper() or low[-1] in _word_list("group_nouns.txt") or low[0] in STOPWORDS | _NOT_FIRST \
            or len(words) > 5 or not all(_NAME_WORD.match(w) for w in words) \
            or (len(words) == 1 and (low[0] in speech_verbs() or not plausible_subject(words[0]))):
        return "description"
    return "person"


@dataclass(frozen=True)
class _Name:
    """A person's name split for merging: first name, surname and suffix (lower-case keys)."""

    text: str
    first: str | None
    surname: str
    suffix: str

    @property
    def initial(self) -> bool:
        return self.first is not None and len(self.first.rstrip(".")) == 1


@lru_cache(maxsize=65536)
def _split(name: str) -> _Name:
    words = [POSSESSIVE_MARK.sub("", w) or w for w in name.split()]
    suffix = ""
    if len(words) > 1 and words[-1].lower() in _SUFFIXES:
        suffix, words = words[-1].lower().rstrip("."), words[:-1]
    words = [w.rstrip(",") for w in words]
    return _Name(" ".join(name.split()), words[0].lower() if len(words) > 1 else None, words[-1].lower(), suffix)


def _first_last(name: str) -> str:
    """Return "First Last" of a full name, middle names and initials dropped ("Hillary Rodham Clinton")."""
    words = name.split()
    suffix = [words.pop()] if len(words) > 2 and words[-1].lower() in _SUFFIXES else []
    return " ".join([words[0], words[-1], *suffix]) if len(words) > 2 else name


class _Clusters:
    """Full names grouped into persons by surname (+ suffix) and compatible first name."""

    def __init__(self, names: Counter[str]) -> None:
        self.canonical: dict[str, str] = {}  # full name -> canonical person
        self.how: dict[str, str] = {}  # full name -> how it was merged
        self.by_surname: dict[tuple[str, str], list[str]] = defaultdict(list)  # -> canonical persons
        groups: dict[tuple[str, str, str], Counter[str]] = defaultdict(Counter)
        initials: list[tuple[_Name, int]] = []
        for text, n in sorted(names.items()):
            name = _split(text)
            if name.initial:
                initials.append((name, n))
            else:
                groups[(name.surname, name.suffix, name.first or "")][text] += n
        for (surname, suffix, _first), forms in sorted(groups.items()):
            person = self._pick(forms)
            for form in forms:
                self.canonical[form] = person
                self.how[form] = "full name" if form == person else f"same surname and first name as {person}"
            self.by_surname[(surname, suffix)].append(person)
        for name, _n in initials:
            key = (name.surname, name.suffix)
            match = sorted({p for p in self.by_surname.get(key, []) if _split(p).first[:1] == name.first[:1]})
            if len(match) == 1:
                self.canonical[name.text], self.how[name.text] = match[0], f"initial compatible with {match[0]}"
            else:
                self.canonical[name.text] = name.text
                self.how[name.text] = "full name (initial)" if not match else \
                    f"ambiguous initial: {' | '.join(match)}"
                if not match:
                    self.by_surname[key].append(name.text)

    @staticmethod
    def _pick(forms: Counter[str]) -> str:
        """Return the canonical spelling: the most frequent "First Last" form, then the shortest, then A-Z."""
        two = Counter()
        for form, n in forms.items():
            two[_first_last(form)] += n
        return min(two, key=lambda f: (-two[f], len(f.split()) != 2, f))

    def person(self, full: str) -> str:
        return self.canonical.get(full, full)


def _month_index(date: object) -> int | None:
    if _missing(date):
        return None
    stamp = pd.Timestamp(date)
    return None if pd.isna(stamp) else stamp.year * 12 + stamp.month - 1


_LEAD = re.compile(r"\b(?:[A-Z][\w’'-]+|[A-Z]\.)\Z")  # searched in a token: the leftmost name word ending it
_BOUNDARY = re.compile(r"\b")
_JUNIOR = re.compile(r"(?:Jr|Sr)\b")


class _TextNames:
    """An article's text split once, then asked for the first names before any number of bare surnames.

    A full name in the text is one to three name words (a capitalised word or an initial; the first may
    start inside a token: "(Donald") then the surname, whitespace between, the surname ending at a word
    boundary and not followed by "Jr"/"Sr"; a surname's full names are found leftmost first and do not
    overlap. That is what ``re.finditer`` of ``\\b((?:W)(?:\\s+(?:W)){0,2})\\s+SURNAME\\b(?!\\s+(?:Jr|Sr)\\b)``
    finds (W the name word), which was the implementation: a pattern compiled per surname (thousands in a
    corpus) and a regex pass over the text per surname. Here the text is split into tokens once, a
    surname is found by ``str.find`` in them (no pattern), and only the three tokens before each of its
    places are read.
    """

    def __init__(self, text: str) -> None:
        self.tokens = text.split()
        self.joined = " " + " ".join(self.tokens)  # every token after one space
        starts = accumulate(map((1).__add__, map(len, self.tokens)), initial=1)
        self.index = dict(zip(starts, range(len(self.tokens))))  # offset in `joined` -> token
        self.lead: dict[int, int] = {}  # token -> offset of the leftmost name word ending it (0: all of it), -1: none

    def _lead(self, i: int) -> int:
        found = self.lead.get(i)
        if found is None:
            match = _LEAD.search(self.tokens[i])
            found = self.lead[i] = match.start() if match else -1
        return found

    def _ends(self, surname: str) -> list[int]:
        """Return the tokens that start with ``surname`` at a word boundary, after a name word, before no "Jr"."""
        tokens, n, ends = self.tokens, len(surname), []
        at = self.joined.find(" " + surname)
        while at >= 0:
            i = self.index[at + 1]
            if i and _BOUNDARY.match(tokens[i], n) and self._lead(i - 1) >= 0 and not (
                    n == len(tokens[i]) and i + 1 < len(tokens) and _JUNIOR.match(tokens[i + 1])):
                ends.append(i)
            at = self.joined.find(" " + surname, at + 1)
        return ends

    def first_names(self, surname: str, known: frozenset[str]) -> Counter[str]:
        """Count the first names written before ``surname`` ("Donald J. Trump"): of each full name, its last
        word in ``known`` (initials skipped); a full name without one counts for nothing."""
        found: Counter[str] = Counter()
        tokens, ends = self.tokens, set(self._ends(surname))
        after = (-1, 0)  # (token, offset in it) where the last full name ended: the next starts there or later
        for c in sorted({i - k for i in ends for k in (1, 2, 3) if i >= k and self._lead(i - k) >= 0}):
            if c < after[0]:
                continue
            first = self._lead(c)
            if c == after[0] and first < after[1]:  # "Pence" after the surname in "Trump-Pence"
                later = _LEAD.search(tokens[c], after[1])
                if later is None:
                    continue
                first = later.start()
            for k in (3, 2, 1):  # as many name words as can precede the surname
                if c + k in ends and all(self._lead(j) == 0 for j in range(c + 1, c + k)):
                    words = [tokens[c][first:], *tokens[c + 1:c + k]]
                    named = [w.lower() for w in words if not _INITIAL.match(w) and w.lower() in known]
                    if named:
                        found[named[-1]] += 1
                    after = (c + k, len(surname))
                    break
        return found


# A capitalised word at a word boundary ("\b[A-Z]"), then more: the boundary is checked after the capital, as "no word
# character before it", so that the pattern opens with a character class `re` scans for in C instead of trying every
# position (2x faster over a text, the same matches).
_NAME_RUN = re.compile(r"[A-Z](?<!\w[A-Z])[\w’'.-]*(?:\s+[A-Z][\w’'.-]*)+")


def name_runs(text: str) -> str:
    """Return the runs of two or more capitalised words of a text, joined by " ; ": the text evidence of step 3(b).

    Every full name written before a surname ("Donald J. Trump") lies inside one such run, copied as written,
    and no name can span the separator, so :func:`assign_people` decides exactly as with the whole text from
    a fraction of its size: a streaming pass keeps this per article instead of the article.
    """
    return " ; ".join(_NAME_RUN.findall(text or ""))


_COORDINATION = re.compile(r"\b[A-Z][\w.’'-]*\s+(?:and|&)\s+(?:[A-Z]|former\b|the\b)")


def _lists(frame: pd.DataFrame, *columns: str) -> list[list[Any]]:
    """Return columns of a frame as lists (iterating an Arrow-backed column value by value is slow)."""
    return [frame[c].tolist() for c in columns]


def _denial_rows(denials: pd.DataFrame, quotes: pd.DataFrame) -> pd.DataFrame:
    """Return the rows of a denials table; a denier that is a quote's speaker takes the quote's resolved name."""
    rows = _rows(denials, "denier", "denier_name", None)
    if "denier_start" in denials and {"speaker_start", "speaker_resolved"} <= set(quotes.columns) and len(quotes):
        keys = [(str(d), int(s)) if not _missing(s) else None for d, s in zip(*_lists(denials, "doc_id", "denier_start"))]
        wanted = set(keys)
        # every quote is looked at, but only those at a denier's place are converted (a batch has far more quotes)
        spoken = {}
        for d, s, r in zip(*_lists(quotes, "doc_id", "speaker_start", "speaker_resolved")):
            if type(s) is not int:
                if _missing(s):
                    continue
                s = int(s)
            key = (str(d), s)
            if key in wanted and not _missing(r):
                spoken[key] = r
        rows["resolved"] = [spoken.get(key) if key is not None else None for key in keys]
    return rows


def _rows(frame: pd.DataFrame, raw: str, name: str, resolved: str | None) -> pd.DataFrame:
    """Return doc_id, raw, name (normalised) and resolved name of each row of a quotes/denials table."""
    names = frame[name].tolist() if name in frame else [None] * len(frame)
    raws = frame[raw].tolist() if raw in frame else [None] * len(frame)
    names = [n if _present(n) else normalise_name(r if _present(r) else None) for n, r in zip(names, raws)]
    if raw == "denier":  # the denial finder keeps titles: normalise like the quote finder
        names = [normalise_name(r) if _present(r) else n for n, r in zip(names, raws)]
    out = pd.DataFrame({"doc_id": frame["doc_id"].astype(str).to_numpy(), "raw": _spaced(raws), "name": _spaced(names)})
    out["resolved"] = _spaced(frame[resolved].tolist() if resolved and resolved in frame else [None] * len(frame))
    return out


def _spaced(values: list[Any]) -> list[str | None]:
    """Return each value with its whitespace collapsed, None for a missing or blank one."""
    # a string is blank exactly when its collapsed form is empty: one test for the common case
    return [(" ".join(v.split()) or None) if type(v) is str else None if _missing(v) else " ".join(str(v).split())
            for v in values]


def assign_people(
    quotes: pd.DataFrame | None,
    articles: pd.DataFrame | None = None,
    denials: pd.DataFrame | None = None,
    aliases: Mapping[str, str] | str | Path | None = None,
    *,
    window_months: int = WINDOW_MONTHS,
    gender: bool = False,
) -> People:
    """Give every quote (and denial) a ``person`` and a ``speaker_kind``, and build the people table.

    ``quotes`` has the columns of ``quotes_frame`` (doc_id, speaker, speaker_name, speaker_resolved; None:
    no quotes);
    ``denials`` those of ``denials_frame`` (doc_id, denier, denier_name); ``articles`` (doc_id, and
    optionally outlet, date, text) gives the outlets, the time windows and the text evidence.
    ``aliases`` is a mapping surface form -> person or the path of an aliases CSV (:func:`load_aliases`).
    With ``gender``, the quotes, the denials and the people table also get ``gender_guess``
    (:mod:`toolkit.quotes.gender`: female, male or unknown from the first name; off by default).
    Returns a :class:`People` (it unpacks as ``quotes, denials, table``); the input frames are not changed.
    A corpus too big for memory goes through :class:`PeopleMerger` batch by batch, with the same result.
    """
    merger = PeopleMerger(aliases, window_months=window_months)
    rows = _named_rows(quotes, denials, merger._kinds)  # one batch: its rows serve both passes
    merger._observe_rows(rows, articles)
    merger.close_evidence()
    quotes_out, denials_out = merger._assign_rows(rows, quotes, articles, denials)
    table = merger.table()
    if gender:
        quotes_out = add_gender(quotes_out, table)
        denials_out = add_gender(denials_out, table) if denials_out is not None else None
        table = add_gender(table, table)
    return People(quotes_out, denials_out, table)


class PeopleMerger:
    """:func:`assign_people` over a corpus given in batches (each batch holds whole articles), in two passes.

    Pass 1, :meth:`observe` every batch: the corpus-wide evidence (full names and their months, mentions and
    honorifics, organisation spellings) is counted, per distinct name. :meth:`close_evidence` then merges the
    full names (step 2). Pass 2, :meth:`assign` every batch again: its rows get their persons (steps 1, 3, 4), and
    the people table is tallied. :meth:`table` gives the table once every batch was assigned. Memory holds the
    distinct names and one batch, never the corpus's rows, and the result equals :func:`assign_people` on the
    whole corpus at once.
    """

    def __init__(self, aliases: Mapping[str, str] | str | Path | None = None, *, window_months: int = WINDOW_MONTHS):
        """``aliases`` and ``window_months`` as for :func:`assign_people`."""
        self.alias = load_aliases(aliases) if isinstance(aliases, (str, Path)) else \
            {_key(k): v for k, v in (aliases or {}).items()}
        self.window = window_months
        self._kinds = _Kinds()  # a corpus repeats its names: decide each once
        self._full: Counter[str] = Counter()
        self._months: dict[str, set[int]] = defaultdict(set)  # full name -> months of its articles
        self._titles: dict[str, Counter[str]] = defaultdict(Counter)  # full name -> "m"/"f" mentions
        self._forms: dict[str, Counter[str]] = defaultdict(Counter)  # organisation/description, case-folded -> forms
        self._evidence: _CorpusEvidence | None = None
        self._tally = _Tally()

    def observe(self, quotes: pd.DataFrame | None, articles: pd.DataFrame | None = None,
                denials: pd.DataFrame | None = None) -> None:
        """Pass 1: count one batch's evidence (call for every batch, then :meth:`close_evidence`)."""
        self._observe_rows(_named_rows(quotes, denials, self._kinds), articles)

    def _observe_rows(self, rows: pd.DataFrame, articles: pd.DataFrame | None) -> None:
        if self._evidence is not None:
            raise RuntimeError("observe() after close_evidence(): the evidence is already merged")
        month_of = _article_meta(articles, text=False)["month"]
        for doc_id, name, raw, kind in zip(*_lists(rows, "doc_id", "name", "raw", "speaker_kind")):
            if kind == "person":
                if len(name.split()) < 2:
                    continue
                self._full[name] += 1
                month = month_of.get(doc_id)
                if month is not None:
                    self._months[name].add(month)
                title = _honorific(raw) or _GENDERED.get(str(raw).lower())
                if title:  # "Mrs. Clinton" grouped with "Hillary Clinton" by the finder; "she" resolved to her
                    self._titles[name][title] += 1
            elif kind not in {"none", "pronoun-unresolved"} and not _missing(name):
                self._forms[name.casefold()][name] += 1

    def evidence_counts(self) -> dict[str, Any]:
        """What :meth:`observe` has counted so far, to merge into another merger (:meth:`add_evidence_counts`)."""
        return {"full": self._full, "months": dict(self._months), "titles": dict(self._titles),
                "forms": dict(self._forms)}

    def add_evidence_counts(self, counts: Mapping[str, Any]) -> None:
        """Add what another merger observed (batches observed in other processes): the same as observing them here."""
        if self._evidence is not None:
            raise RuntimeError("add_evidence_counts() after close_evidence(): the evidence is already merged")
        self._full.update(counts["full"])
        for name, months in counts["months"].items():
            self._months[name] |= months
        for name, titles in counts["titles"].items():
            self._titles[name].update(titles)
        for key, forms in counts["forms"].items():
            self._forms[key].update(forms)

    def with_evidence(self) -> "PeopleMerger":
        """A merger with this one's closed evidence and aliases and an empty people table: one worker's share of
        :meth:`assign`, whose :meth:`tally` goes back to be added (:meth:`add_tally`)."""
        if self._evidence is None:
            raise RuntimeError("with_evidence() before close_evidence(): observe every batch first")
        other = PeopleMerger(window_months=self.window)
        other.alias, other._evidence, other._kinds = self.alias, self._evidence, self._kinds  # kinds: a shared memo
        return other

    def tally(self) -> dict[tuple[str, str], dict[str, Any]]:
        """The people table's counts of the batches assigned here (for :meth:`add_tally` in another merger)."""
        return self._tally.groups

    def add_tally(self, groups: Mapping[tuple[str, str], Mapping[str, Any]]) -> None:
        """Add the people-table counts of batches assigned by another merger (:meth:`with_evidence`)."""
        self._tally.merge(groups)

    def close_evidence(self) -> None:
        """Merge the full names of every observed batch (step 2): :meth:`assign` may run from here on."""
        clusters = _Clusters(self._full)
        months: dict[str, set[int]] = defaultdict(set)
        mentions: Counter[str] = Counter()
        titles: dict[str, Counter[str]] = defaultdict(Counter)
        for name, n in self._full.items():
            person = clusters.person(name)
            months[person] |= self._months.get(name, set())
            mentions[person] += n
            titles[person].update(self._titles.get(name, {}))
        self._evidence = _CorpusEvidence.build(clusters, self.window, months, mentions, titles, self._forms)

    def assign(self, quotes: pd.DataFrame | None, articles: pd.DataFrame | None = None,
               denials: pd.DataFrame | None = None) -> tuple[pd.DataFrame, pd.DataFrame | None]:
        """Pass 2: one batch's quotes and denials with ``person`` and ``speaker_kind`` (tallied for :meth:`table`)."""
        return self._assign_rows(_named_rows(quotes, denials, self._kinds), quotes, articles, denials)

    def _assign_rows(self, rows: pd.DataFrame, quotes: pd.DataFrame | None, articles: pd.DataFrame | None,
                     denials: pd.DataFrame | None) -> tuple[pd.DataFrame, pd.DataFrame | None]:
        if self._evidence is None:
            raise RuntimeError("assign() before close_evidence(): observe every batch first")
        quotes = _or_no_quotes(quotes)
        meta = _article_meta(articles)
        _decide(rows, self._evidence.for_batch(rows, meta), self.alias)
        self._tally.add(rows, meta["outlet"])
        q_rows = rows[rows["source"] == "quote"]
        quotes_out = quotes.copy()
        quotes_out["person"] = q_rows["person"].to_numpy()
        quotes_out["speaker_kind"] = q_rows["speaker_kind"].to_numpy()
        denials_out = None
        if denials is not None:
            d_rows = rows[rows["source"] == "denial"]
            denials_out = denials.copy()
            denials_out["person"] = d_rows["person"].to_numpy()
            denials_out["speaker_kind"] = d_rows["speaker_kind"].to_numpy()
        return quotes_out, denials_out

    def table(self) -> pd.DataFrame:
        """The people table of every assigned batch (:data:`PEOPLE_COLUMNS`)."""
        return self._tally.table()



def _or_no_quotes(quotes: pd.DataFrame | None) -> pd.DataFrame:
    """The quotes table, or an empty one with its speaker columns for None (no quotes)."""
    return pd.DataFrame(columns=["doc_id", "speaker", "speaker_name", "speaker_resolved"]) if quotes is None else quotes


class _Kinds(dict):
    """Name -> :func:`name_kind`, each distinct string decided once (``kinds[name]``; other values are not kept)."""

    def __missing__(self, value: object) -> str:
        kind = name_kind(value)
        if type(value) is str:
            self[value] = kind
        return kind


def _named_rows(quotes: pd.DataFrame | None, denials: pd.DataFrame | None, kind_of: _Kinds) -> pd.DataFrame:
    """Step 1: the quote (and denial) rows with ``name``, ``speaker_kind`` and ``how``; pronouns and relatives
    replaced by the finder's antecedent."""
    quotes = _or_no_quotes(quotes)
    parts = [_rows(quotes, "speaker", "speaker_name", "speaker_resolved").assign(source="quote")]
    if denials is not None:
        parts.append(_denial_rows(denials, quotes).assign(source="denial"))
    rows = pd.concat(parts, ignore_index=True)
    names, kinds, hows = [], [], []
    for name, raw, resolved in zip(*_lists(rows, "name", "raw", "resolved")):
        kind = kind_of[name]
        how = ""
        if kind == "pronoun-unresolved" and not _missing(resolved) and kind_of[resolved] != "pronoun-unresolved":
            name, kind, how = resolved, kind_of[resolved], f"antecedent of {name!r}"
        elif kind == "person" and raw and _COORDINATION.search(raw):
            name, kind, how = raw, "description", "several people"  # "Cruz and Trump" is not Trump alone
        names.append(name)
        kinds.append(kind)
        hows.append(how)
    rows["name"], rows["speaker_kind"], rows["how"] = names, kinds, hows
    return rows


def _decide(rows: pd.DataFrame, evidence: "_Evidence", alias: Mapping[str, str]) -> None:
    """Steps 3 and 4 on one batch's named rows: ``person``, ``merge`` and ``ambiguous``, in place."""
    out_person, out_how, ambiguous = [], [], []
    decided: dict[tuple[str, str, str], tuple[str, str, bool]] = {}
    for doc_id, name, raw, kind, how in zip(*_lists(rows, "doc_id", "name", "raw", "speaker_kind", "how")):
        note, amb = how, False
        if kind in {"none", "pronoun-unresolved"}:
            person = None
        elif kind == "person" and len(name.split()) > 1:
            person = evidence.clusters.person(name)
            note = "; ".join(x for x in (how, evidence.clusters.how.get(name, "full name")) if x)
        elif kind == "person":
            key = (doc_id, name, _honorific(raw) or _GENDERED.get(str(raw).lower(), ""))
            if key not in decided:
                decided[key] = evidence.bare(name, doc_id, key[2])
            person, why, amb = decided[key]
            note = "; ".join(x for x in (how, why) if x)
        else:
            person = name
        out_person.append(person)
        out_how.append(note)
        ambiguous.append(amb)
    rows["person"], rows["merge"], rows["ambiguous"] = out_person, out_how, ambiguous
    others = (rows["speaker_kind"] != "person").to_numpy()
    rows.loc[others, "person"] = [None if _missing(p) else evidence.corpus.spelling[p.casefold()]
                                  for p in rows.loc[others, "person"].tolist()]
    _join_bare_heads(rows)
    if alias:  # aliases correct the automatic merge
        for i, (name, raw, person) in enumerate(zip(*_lists(rows, "name", "raw", "person"))):
            target = next((alias[_key(s)] for s in (name, raw, person) if not _missing(s) and _key(s) in alias), None)
            if target is not None:
                kind = name_kind(target)
                rows.at[i, "person"] = target
                rows.at[i, "speaker_kind"] = kind if kind in {"organisation", "description"} else "person"
                rows.at[i, "merge"] = "alias"
                rows.at[i, "ambiguous"] = False


def _article_meta(articles: pd.DataFrame | None, *, text: bool = True) -> dict[str, dict[str, object]]:
    """Return doc_id -> outlet, month index and (with ``text``) text, from an articles table (empty without one)."""
    meta: dict[str, dict[str, object]] = {"outlet": {}, "month": {}, "text": {}}
    if articles is None or articles.empty:
        return meta
    ids = articles["doc_id"].astype(str).tolist()
    if "outlet" in articles:
        meta["outlet"] = {d: (None if _missing(o) else str(o)) for d, o in zip(ids, articles["outlet"].tolist())}
    if "date" in articles:
        meta["month"] = {d: _month_index(x) for d, x in zip(ids, articles["date"].tolist())}
    if text and "text" in articles:
        meta["text"] = {d: (t if isinstance(t, str) else "") for d, t in zip(ids, articles["text"].tolist())}
    return meta


_GENDERED = {"he": "m", "she": "f"}
_HONORIFICS = {"mr": "m", "mr.": "m", "mrs": "f", "mrs.": "f", "ms": "f", "ms.": "f", "miss": "f"}


def _honorific(raw: object) -> str | None:
    """Return "m" or "f" for a speaker phrase with "Mr." or "Mrs."/"Ms." before its name, else None."""
    if _missing(raw):
        return None
    found = {_HONORIFICS[w.lower()] for w in str(raw).split() if w.lower() in _HONORIFICS}
    return found.pop() if len(found) == 1 else None


@dataclass(frozen=True)
class _CorpusEvidence:
    """What the whole corpus says about full names (merged persons) and organisation spellings."""

    clusters: _Clusters
    window: int
    months: Mapping[str, frozenset[int]]  # person -> months of the articles naming them in full
    mentions: Counter[str]
    first_names: frozenset[str]
    surnames: Mapping[str, frozenset[str]]  # surname -> persons with it (no suffix)
    honorific: Mapping[str, str]  # person -> "m"/"f": "Mr." or "Mrs."/"Ms." (or "he"/"she") for most mentions
    spelling: Mapping[str, str]  # organisation/description, case-folded -> its one spelling

    @classmethod
    def build(cls, clusters: _Clusters, window: int, months: Mapping[str, set[int]], mentions: Counter[str],
              titles: Mapping[str, Counter[str]], forms: Mapping[str, Counter[str]]) -> "_CorpusEvidence":
        """Derive the honorifics, first names and surnames of the merged persons, and one spelling per organisation
        or description (most capitals, then most frequent)."""
        # "Mrs. Clinton" may be grouped with "Bill Clinton" in an article naming only him: a clear majority decides
        honorific = {p: c.most_common(1)[0][0] for p, c in titles.items()
                     if c and c.most_common(1)[0][1] >= HONORIFIC_MAJORITY * sum(c.values())}
        first_names = frozenset(n.first for n in map(_split, mentions) if n.first and not n.initial)
        surnames: dict[str, set[str]] = defaultdict(set)
        for person in mentions:
            if not _split(person).suffix:
                surnames[_split(person).surname].add(person)
        spelling = {k: max(c, key=lambda f, c=c: (sum(w[:1].isupper() for w in f.split()), c[f], f))
                    for k, c in forms.items()}
        return cls(clusters, window, {k: frozenset(v) for k, v in months.items()}, mentions, first_names,
                   {k: frozenset(v) for k, v in surnames.items()}, honorific, spelling)

    def for_batch(self, rows: pd.DataFrame, meta: Mapping[str, Mapping[str, object]]) -> "_Evidence":
        """The evidence for one batch's rows: the corpus's, with the persons named in full in each of its articles."""
        by_doc: dict[str, set[str]] = defaultdict(set)
        for doc_id, name, kind in zip(*_lists(rows, "doc_id", "name", "speaker_kind")):
            if kind == "person" and len(name.split()) > 1:
                by_doc[doc_id].add(self.clusters.person(name))
        return _Evidence(self, meta, {k: frozenset(v) for k, v in by_doc.items()})


@dataclass
class _Evidence:
    """What decides a bare surname in one batch: the corpus's evidence, its articles' speakers, dates and texts."""

    corpus: _CorpusEvidence
    meta: Mapping[str, Mapping[str, object]]
    by_doc: Mapping[str, frozenset[str]]
    texts: dict[str, _TextNames] = field(default_factory=dict)  # doc_id -> its text, read when first asked

    @property
    def clusters(self) -> _Clusters:
        return self.corpus.clusters

    def bare(self, name: str, doc_id: str, honorific: str) -> tuple[str, str, bool]:
        """Return (person, how, ambiguous) for a bare surname in one article (module docstring, step 3)."""
        surname = _split(name).surname
        same = self.corpus.surnames.get(surname, frozenset())
        steps: list[tuple[str, Counter[str], bool]] = [
            ("among the article's speakers", Counter(same & self.by_doc.get(doc_id, frozenset())), True)]
        text = self.meta["text"].get(doc_id)
        if text:
            by_first = {_split(p).first: p for p in same}
            found: Counter[str] = Counter()
            names = self.texts.get(doc_id)
            if names is None:  # read once per article, whatever the number of its bare surnames; only its name runs
                names = self.texts[doc_id] = _TextNames(name_runs(str(text)))
            for first, n in names.first_names(name, self.corpus.first_names).items():
                found[by_first.get(first) or f"{first.capitalize()} {name}"] += n
            steps.append(("in the article's text", found, False))
        month = self.meta["month"].get(doc_id)
        if month is None:
            steps.append(("in the corpus", Counter({p: self.corpus.mentions[p] for p in same}), False))
        else:
            # the persons of `same`, not of the window
            window = range(month - self.corpus.window, month + self.corpus.window + 1)
            near = {p for p in same if not self.corpus.months.get(p, frozenset()).isdisjoint(window)}
            steps.append((f"within {self.corpus.window} month(s) of the article",
                          Counter({p: self.corpus.mentions[p] for p in near}), False))
        for where, found, strict in steps:
            if found:
                return self._decide(name, honorific, found, where, strict)
        return name, "bare surname, no full name found", False

    def _decide(self, name: str, honorific: str, found: Counter[str], where: str, strict: bool) -> tuple[str, str, bool]:
        """Pick the one candidate, the one the honorific fits, or (outside the article) the dominant one."""
        ranked = sorted(found.items(), key=lambda kv: (-kv[1], kv[0]))
        if len(ranked) == 1:
            return ranked[0][0], f"bare surname joined the one full name {where}", False
        fits = [p for p, _ in ranked if honorific and self.corpus.honorific.get(p) == honorific]
        if len(fits) == 1:
            title = "Mr./he" if honorific == "m" else "Mrs./Ms./she"
            return fits[0], f"bare surname joined the one full name {where} the corpus calls {title}", False
        if not strict and ranked[0][1] >= DOMINANCE * ranked[1][1]:
            return ranked[0][0], (f"bare surname joined the dominant full name {where} "
                                  f"({ranked[0][1]} vs {ranked[1][1]} for {ranked[1][0]})"), False
        return name, f"ambiguous {where}: {' | '.join(sorted(found))}", True


def _join_bare_heads(rows: pd.DataFrame) -> None:
    """Give an organisation named by its head word alone ("the Ministry", "the ministry's statement") the one
    organisation of its article with that head ("Foreign Ministry"), as a bare surname joins its full name."""
    docs, persons, kinds = _lists(rows, "doc_id", "person", "speaker_kind")
    named: dict[tuple[str, str], set[str]] = defaultdict(set)  # (doc, head word) -> longer organisation names
    for doc, person, kind in zip(docs, persons, kinds):
        if kind == "organisation" and not _missing(person) and len(person.split()) > 1:
            named[(doc, person.split()[-1].casefold())].add(person)
    if not named:
        return
    heads = _word_list("organisation_heads.txt")
    for i, (doc, person, kind) in enumerate(zip(docs, persons, kinds)):
        if kind != "organisation" or _missing(person) or len(person.split()) > 1 or person.casefold() not in heads:
            continue
        found = named.get((doc, person.casefold()), set())
        if len(found) == 1:
            rows.at[i, "person"] = next(iter(found))
            rows.at[i, "merge"] = "; ".join(x for x in (rows.at[i, "merge"], "head word joined its article's organisation") if x)


def _counts(tally: Mapping[Any, int], key: Any = None) -> tuple[int, str]:
    """Return (distinct values, "a (3); b (1)") most frequent first, ties alphabetical, from values counted in a plain
    dict (a Counter costs more to make than a person's few values cost to count); ``key(value)`` is counted instead
    of each value when given (called once per distinct value)."""
    counts: dict[Any, int] = {}
    for value, n in tally.items():  # `key` once per distinct value
        value = value if key is None else key(value)
        if not _missing(value):
            counts[value] = counts.get(value, 0) + n
    ordered = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    return len(counts), "; ".join(f"{v} ({n})" for v, n in ordered)


def _titles(raw: object, person: str) -> str | None:
    """Return the title or role before the person's name in a raw speaker phrase ("Sen.", "Secretary of State").

    The words before the first word of the name, determiners dropped, count when one of them is in
    ``speaker_titles.txt``; a phrase with a possessive ("Trump's campaign manager") has no title of the person.
    """
    if _missing(raw):
        return None
    titles = speaker_titles()
    name_words = {w.lower() for w in person.split()}
    words = re.sub(r"\s*\([^)]*\)", "", str(raw)).split(",")[0].split()
    first = next((i for i, w in enumerate(words) if POSSESSIVE_MARK.sub("", w).lower() in name_words), None)
    if first is None or any(POSSESSIVE.search(w) for w in words[:first + 1]):
        return None
    prefix = words[:first]
    while prefix and prefix[0].lower() in {"the", "a", "an", "former", "then", "and"}:
        prefix = prefix[1:]
    if not any(w.lower() in titles for w in prefix):
        return None
    return " ".join(prefix)


def _new_group() -> dict[str, Any]:
    """An empty person's counts in :class:`_Tally`."""
    return {"forms": {}, "raws": {}, "outlets": {}, "merges": {}, "quotes": 0, "denials": 0, "articles": 0,
            "ambiguous": False}


class _Tally:
    """The people table, counted batch by batch: one row per (person, kind) with counts, surface forms, titles,
    outlets and merge notes.

    Plain dicts of counts per person, not the rows: a pandas group per person (thousands of them in a corpus) cost
    ten times as much and was the largest share of a whole extraction, and the rows of a big corpus do not fit in
    memory. An article lies in one batch, so a person's articles are summed batch by batch.
    """

    def __init__(self) -> None:
        self.groups: dict[tuple[str, str], dict[str, Any]] = {}

    def add(self, rows: pd.DataFrame, outlet_of: Mapping[str, object]) -> None:
        """Count one batch's decided rows."""
        named = rows.dropna(subset=["person", "speaker_kind"])  # as groupby does with a missing key
        columns = [named[c].tolist() for c in ("person", "speaker_kind", "raw", "name", "doc_id", "merge", "source",
                                               "ambiguous")]
        docs: dict[tuple[str, str], set[str]] = {}
        for person, kind, raw, name, doc, merge, source, ambiguous in zip(*columns):
            group = self.groups.get((person, kind))
            if group is None:
                group = self.groups[(person, kind)] = _new_group()
            form, outlet = raw if _present(raw) else name, outlet_of.get(doc)
            forms, raws, outlets, merges = group["forms"], group["raws"], group["outlets"], group["merges"]
            forms[form] = forms.get(form, 0) + 1
            raws[raw] = raws.get(raw, 0) + 1
            outlets[outlet] = outlets.get(outlet, 0) + 1
            if merge:
                merges[merge] = merges.get(merge, 0) + 1
            group["quotes"] += source == "quote"
            group["denials"] += source == "denial"
            if ambiguous is True or (ambiguous is not False and not _missing(ambiguous) and bool(ambiguous)):
                group["ambiguous"] = True
            docs.setdefault((person, kind), set()).add(doc)
        for key, found in docs.items():
            self.groups[key]["articles"] += len(found)

    def merge(self, groups: Mapping[tuple[str, str], Mapping[str, Any]]) -> None:
        """Add the counts of another tally (batches counted elsewhere)."""
        for key, other in groups.items():
            group = self.groups.get(key)
            if group is None:
                group = self.groups[key] = _new_group()
            for field_name in ("forms", "raws", "outlets", "merges"):
                mine = group[field_name]
                for value, n in other[field_name].items():
                    mine[value] = mine.get(value, 0) + n
            for field_name in ("quotes", "denials", "articles"):
                group[field_name] += other[field_name]
            group["ambiguous"] = group["ambiguous"] or other["ambiguous"]

    def table(self) -> pd.DataFrame:
        """The people table (:data:`PEOPLE_COLUMNS`), most quotes and denials first."""
        records = []
        for person, kind in sorted(self.groups):
            group = self.groups[(person, kind)]
            n_forms, forms = _counts(group["forms"])
            _, titles = _counts(group["raws"], lambda raw: _titles(raw, person))
            _, outlets = _counts(group["outlets"])
            _, merge = _counts(group["merges"])
            records.append({
                "person": person, "speaker_kind": kind, "quotes": int(group["quotes"]),
                "denials": int(group["denials"]), "articles": group["articles"], "n_surface_forms": n_forms,
                "surface_forms": forms, "titles": titles, "outlets": outlets, "merge": merge,
                "ambiguous": group["ambiguous"],
            })
        table = pd.DataFrame(records, columns=PEOPLE_COLUMNS)
        if table.empty:
            return table
        table["_n"] = table["quotes"] + table["denials"]
        table = table.sort_values(["_n", "person", "speaker_kind"], ascending=[False, True, True], kind="stable")
        return table.drop(columns="_n").reset_index(drop=True)


def person_outlet_counts(frame: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """Return person, speaker_kind, outlet and rows of a quotes/denials table that has ``person``, per outlet."""
    columns = ["person", "speaker_kind", "outlet", "count"]
    if frame.empty or "person" not in frame:
        return pd.DataFrame(columns=columns)
    outlets = dict(zip(articles["doc_id"].astype(str), articles["outlet"])) if "outlet" in articles else {}
    rows = frame.dropna(subset=["person"]).assign(outlet=lambda f: f["doc_id"].astype(str).map(outlets))
    table = rows.groupby(["person", "speaker_kind", "outlet"]).size().rename("count").reset_index()
    return table.sort_values(["outlet", "count", "person"], ascending=[True, False, True], kind="stable").reset_index(drop=True)
