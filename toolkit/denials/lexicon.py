"""The denial lexicon: load it from data, compile it into a trigger-word scanner, check word-sense constraints.

Matching is two-stage so that an article costs one pass of one regex (a trie of trigger words over the
lower-cased text): every entry has trigger words, one of which every match of it contains (derived from
the pattern, or declared with ``trigger:`` in the sense column for ``re:`` patterns); only the entries
whose trigger occurs are run, and only in a window around the occurrence. The result is the same as
one alternation of all patterns tried at every word start (``compiled``), at a fraction of the cost.

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
from typing import Any, Callable, Iterable, NamedTuple, Sequence

import ahocorasick_rs

from toolkit.denials.starts import start_scanner

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
perception concerns complaint complaints analysis data figures numbers estimate estimates poll polls polling ad ads
advertisement video photos image reasoning logic rationale rationales justification excuse excuses
issue crisis controversy scandal outrage hype furor view views attack attacks proposition prediction predictions
forecast forecasts
claimed claiming stated asserted alleged alleging suggested suggesting said saying accused accusing
reported reporting portrayed portraying described describing characterized implied implying
""".split())

#: A whole word starts/ends here. An apostrophe next to a letter is inside a word ("it's", "hoax's"); one
#: next to a space is a quotation mark (the NYT's doubled ''overblown,'' or 'false'), which starts or ends a word.
WORD_START = r"(?<!\w)(?<!\w['’])"
WORD_END = r"(?!\w|['’]\w|-\w)"

_COPULAS = frozenset("is are was were be been being as seems seem sounds sound look looks remains".split())
_DETERMINERS_ADJ = frozenset("""a an the this that these those his her its their our my your any some no many several few
numerous other both
border legal trade labor labour contract territorial land water custody family court long bitter ongoing
international diplomatic political labour-management pay wage""".split())
#: Words written with a full stop that does not end the sentence ("Mr. Sanders's attack", "U.S. claims").
_ABBREVIATED = frozenset("mr mrs ms dr sen rep gov gen lt col sgt st jr sr prof rev u s d c vs inc co corp".split())
_QUOTE_MARKS = frozenset('“”"‘’\'')
_OPENING_QUOTES = frozenset('“"‘\'')
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
    #: Its candidates in the annotated TRAIN articles (gold and silver) and how many overlap a denial (None: not
    #: counted, e.g. a user's entry); the model's prior feature (``toolkit.denials.derivation`` counts them).
    train_n: int | None = None
    train_hits: int | None = None

    @property
    def negatable(self) -> bool:
        """Whether a negation just before the match cancels it ("did not deny")."""
        return any(name == "negatable" for name, _ in self.sense)


@dataclass(frozen=True)
class Lexicon:
    """An ordered, hashable collection of entries (hashable so its compiled regex can be cached)."""

    entries: tuple[Entry, ...]

    def __hash__(self) -> int:  # cached: the matcher caches are keyed by the lexicon, looked up per article
        cached = self.__dict__.get("_hash")
        if cached is None:
            cached = hash(self.entries)
            object.__setattr__(self, "_hash", cached)
        return cached

    def entry(self, entry_id: str) -> Entry:
        """Return the entry with this id."""
        return _index(self)[entry_id]


#: The sense constraints a lexicon may use (documented in the header of ``data/denials.tsv``).
SENSE_NAMES: frozenset[str] = frozenset("""negatable trigger not_next not_prev not_before not_within next prev after
broad verb not_recipient claim_after claim_near claim_if_attributive claim_or_copula judges_claim claim_category
names_source""".split())


def _parse_sense(field: str, where: str) -> tuple[tuple[str, str], ...]:
    out = []
    for part in filter(None, (p.strip() for p in field.split(";"))):
        name, _, arg = part.partition(":")
        if name.strip() not in SENSE_NAMES:  # a misspelt constraint would otherwise be ignored without a word
            known = ", ".join(sorted(SENSE_NAMES))
            raise ValueError(f"{where}: unknown sense constraint {name.strip()!r} (one of {known})")
        out.append((name.strip(), arg.strip()))
    return tuple(out)


def _parse_counts(fields: list[str], where: str) -> tuple[int | None, int | None]:
    """(train_n, train_hits) from the ``train_n`` and ``train_precision`` columns (absent or empty: None)."""
    if not fields or not fields[0].strip():
        return None, None
    try:
        n = int(fields[0])
        precision = float(fields[1]) if len(fields) > 1 and fields[1].strip() else 0.0
    except ValueError:
        raise ValueError(f"{where}: train_n must be an integer and train_precision a number") from None
    return n, round(n * precision)


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
        sense = _parse_sense(fields[4] if len(fields) > 4 else "", f"{origin}:{number}")
        entry = Entry(entry_id, pattern, category, source, sense,
                      *_parse_counts(fields[5:7], f"{origin}:{number}"))
        try:  # fail at load time, with the line number, not at match time
            entry_regex(pattern)
        except re.error as error:
            raise ValueError(f"{origin}:{number}: pattern {pattern!r} is no valid regex: {error}") from None
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


@lru_cache(maxsize=None)
def entry_regex(pattern: str) -> re.Pattern[str]:
    """The compiled whole-word regex of a lexicon pattern (compiled once per pattern, shared by every lexicon)."""
    return re.compile(rf"{WORD_START}(?:{pattern_regex(pattern)}){WORD_END}", re.IGNORECASE)


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


@lru_cache(maxsize=32)
def compiled(lexicon: Lexicon) -> re.Pattern[str]:
    """Compile the whole lexicon into one alternation; the group name says which entry matched.

    Longer patterns come first so that at one position the longest phrase wins
    ("not backed with any proof" before "proof").
    """
    order = sorted(range(len(lexicon.entries)), key=lambda i: -len(pattern_regex(lexicon.entries[i].pattern)))
    body = "|".join(f"(?P<e{i}>{pattern_regex(lexicon.entries[i].pattern)})" for i in order)
    return re.compile(rf"{WORD_START}(?:{body}){WORD_END}", re.IGNORECASE)


def _trie(words: Iterable[str]) -> str:
    """A regex alternation of ``words`` factored as a trie (the ``re`` engine then fails fast at most positions)."""
    root: dict[str, dict] = {}
    for word in words:
        node = root
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict[str, dict]) -> str:
        alts = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if "" in node else body

    return build(root)


def _apostrophe_variants(word: str) -> set[str]:
    return {word.replace("’", "'"), word.replace("'", "’")}


def entry_triggers(entry: Entry) -> tuple[frozenset[str], frozenset[str]] | None:
    """The trigger words (and stems, from ``word*``) one of which every match of ``entry`` contains.

    Declared with ``trigger:w|w`` in the sense column, else derived from the pattern: the required
    (not optional, not ``~``) word position whose shortest alternative is longest. None: no trigger
    (a ``re:`` pattern without a declaration), so the entry is tried on every text.
    """
    declared = [arg for name, arg in entry.sense if name == "trigger"]
    if declared:
        alts = [a.lower() for a in declared[0].split("|") if a]
    elif entry.pattern.startswith("re:"):
        return None
    else:
        required = [t for t in entry.pattern.split() if t != "~" and not (t.endswith("?") and len(t) > 1)]
        if not required:
            return None
        best = min(required, key=lambda t: (any(a.lower() in _COMMON for a in t.split("|")),
                                            -min(len(a.rstrip("*")) for a in t.split("|"))))
        alts = [a.lower() for a in best.split("|")]
    words: set[str] = set()
    stems: set[str] = set()
    for alt in alts:
        (stems if alt.endswith("*") else words).update(_apostrophe_variants(alt.rstrip("*")))
    return frozenset(words), frozenset(stems)


#: Frequent news words that make poor triggers (a pattern's other required word is preferred).
_COMMON = frozenset("""about against campaign up show without nothing hold make made back ad true have has had
is are was were be do to of in on at for by with from that this the a an not no any all just""".split())


@dataclass(frozen=True)
class _Matcher:
    scan: str  # the trigger scan's regex source, compiled on first use (:func:`_scanner`)
    by_word: dict[str, tuple[int, ...]]
    stems: tuple[tuple[str, tuple[int, ...]], ...]
    always: tuple[int, ...]
    patterns: tuple[re.Pattern[str], ...]
    #: One word position (no ``re:``): a match is the trigger's word itself, so it starts at the trigger.
    anchored: tuple[bool, ...]
    #: The entries a trigger word or stem occurrence may start, filled as words are met.
    entries_of: dict[str, tuple[int, ...]]
    #: Every word of the entries' ``after:`` lists, lower-cased (looked for by the same scan as the triggers).
    context_words: tuple[str, ...] = ()
    #: Per entry, the positions where its match can begin (:func:`toolkit.denials.starts.start_scanner`), or None.
    starters: tuple[re.Pattern[str] | None, ...] = ()

    def entries(self, word: str) -> tuple[int, ...]:
        """The entries to try at an occurrence of ``word`` (its own, and those of the stems it starts with)."""
        found = self.entries_of.get(word)
        if found is None:
            found = self.by_word.get(word, ()) + tuple(i for stem, ids in self.stems if word.startswith(stem) for i in ids)
            self.entries_of[word] = found
        return found


#: How far before/after a trigger occurrence a match may start/end (characters).
_WINDOW_BEFORE, _WINDOW_AFTER = 80, 200


@lru_cache(maxsize=32)
def _matcher(lexicon: Lexicon) -> _Matcher:
    by_word: dict[str, list[int]] = {}
    by_stem: dict[str, list[int]] = {}
    always = []
    for i, entry in enumerate(lexicon.entries):
        triggers = entry_triggers(entry)
        if triggers is None:
            always.append(i)
            continue
        for word in triggers[0]:
            by_word.setdefault(word, []).append(i)
        for stem in triggers[1]:
            by_stem.setdefault(stem, []).append(i)
    exact = _trie(by_word)
    stems = _trie(by_stem)
    body = "|".join(x for x in (exact and rf"{exact}(?!\w|['’]\w)", stems) if x) or "(?!)"
    scan = rf"{WORD_START}(?:{body})"
    patterns = tuple(entry_regex(e.pattern) for e in lexicon.entries)
    anchored = tuple(not e.pattern.startswith("re:") and len(e.pattern.split()) == 1 for e in lexicon.entries)
    context = sorted({w for e in lexicon.entries for name, arg in e.sense if name == "after"
                      for w in after_words(arg.partition(":")[2])})
    starters = tuple(None if anchored[i] else start_scanner(p.pattern, p.flags) for i, p in enumerate(patterns))
    return _Matcher(scan, {w: tuple(v) for w, v in by_word.items()},
                    tuple((s, tuple(v)) for s, v in sorted(by_stem.items())), tuple(always), patterns, anchored, {},
                    tuple(context), starters)


@lru_cache(maxsize=256)
def after_words(words: str) -> tuple[str, ...]:
    """The ``|``-separated words of an ``after:`` list, lower-cased, split once per list."""
    return tuple(w for w in words.lower().split("|") if w)


@lru_cache(maxsize=32)
def _scanner(source: str, ignore_case: bool) -> re.Pattern[str]:
    """A trigger scan, compiled when a text first needs it: a sub-lexicon given its parent's hits never does."""
    return re.compile(source, re.IGNORECASE if ignore_case else 0)


def _rank(lexicon: Lexicon) -> list[int]:
    """Entry priority at one position, as in :func:`compiled`: longer patterns first, then file order."""
    order = sorted(range(len(lexicon.entries)), key=lambda i: -len(pattern_regex(lexicon.entries[i].pattern)))
    rank = [0] * len(order)
    for r, i in enumerate(order):
        rank[i] = r
    return rank


_RANKS: dict[Lexicon, list[int]] = {}


def trigger_hits(text: str, lexicon: Lexicon) -> list[tuple[int, str]]:
    """The occurrences of the lexicon's trigger words in ``text``: ``(offset, lower-cased word or stem)``.

    One scan serves every sub-lexicon of ``lexicon`` (:func:`split_passes`): a trigger is a whole word or a
    word's stem, so the union's scan finds each one that a sub-lexicon's own scan would.
    """
    return scan_text(text, lexicon)[0]


def scan_text(text: str, lexicon: Lexicon) -> tuple[list[tuple[int, str]], frozenset[str]]:
    """The :func:`trigger_hits` of ``text``, and which words of the lexicon's ``after:`` lists occur in its lower-cased
    form (anywhere, as substrings: the test a broad entry must pass to be worth running on the text).

    One Aho-Corasick automaton (ahocorasick-rs, Rust's aho-corasick crate) finds both: a sixth of the time of the trigger
    regex it replaced (whose lookbehinds at every position cost more than the matching), and no search of the text per
    ``after:`` word.
    """
    m = _matcher(lexicon)
    lowered = text.lower()
    context = m.context_words
    if len(lowered) == len(text):
        return _automaton_hits(lowered, _automaton(tuple(m.by_word), tuple(stem for stem, _ in m.stems), context))
    # lower-casing changed the length (a dotted capital I): offsets must come from the text itself
    hits = [(hit.start(), hit.group().lower()) for hit in _scanner(m.scan, True).finditer(text)]
    return hits, frozenset(w for w in context if w in lowered)


class _Automaton(NamedTuple):
    """The keys of a lexicon's scan as one Aho-Corasick automaton, and per key (by index) its length and kinds."""

    search: Any  # ahocorasick_rs.AhoCorasick, or None when there are no keys
    #: (length, whole word?, stem?, context word?) of each key, in the automaton's key order.
    keys: tuple[tuple[int, bool, bool, bool], ...]


@lru_cache(maxsize=32)
def _automaton(words: tuple[str, ...], stems: tuple[str, ...], context: tuple[str, ...] = ()) -> _Automaton:
    """The trigger words, stems and context words as one Aho-Corasick automaton (a DFA: the fastest scan of the
    library's kinds, and small for a few hundred keys)."""
    kinds: dict[str, tuple[bool, bool, bool]] = {}
    for word in words:
        kinds[word] = (True, False, False)
    for stem in stems:
        word, _, _ = kinds.get(stem, (False, False, False))
        kinds[stem] = (word, True, False)
    for key in context:
        word, stem, _ = kinds.get(key, (False, False, False))
        kinds[key] = (word, stem, True)
    keys = sorted(kinds)
    if not keys:
        return _Automaton(None, ())  # an automaton with no keys cannot be made; it finds nothing
    search = ahocorasick_rs.AhoCorasick(keys, implementation=ahocorasick_rs.Implementation.DFA)
    return _Automaton(search, tuple((len(key), *kinds[key]) for key in keys))


def _automaton_hits(lowered: str, automaton: _Automaton) -> tuple[list[tuple[int, str]], frozenset[str]]:
    """The hits of ``m.scan`` (:data:`WORD_START`, then the longest whole trigger word, else the longest stem; no
    overlaps, left to right) from the automaton's occurrences of every key anywhere in ``lowered``; and the context
    keys that occur."""
    if automaton.search is None:
        return [], frozenset()
    n = len(lowered)
    keys = automaton.keys
    best: dict[int, tuple[bool, int]] = {}
    context: set[str] = set()
    # a regex's \w is a letter, a digit or "_" (str.isalnum, or "_"); the checks are inline: a function call per
    # occurrence cost as much as the scan
    for index, start, stop in automaton.search.find_matches_as_indexes(lowered, overlapping=True):
        length, word, stem, in_context = keys[index]
        end = stop - 1
        if in_context:
            context.add(lowered[start:stop])
            if not (word or stem):
                continue
        if start:
            c = lowered[start - 1]
            if c.isalnum() or c == "_":
                continue  # inside a word
            if c in "'’" and start > 1 and (lowered[start - 2].isalnum() or lowered[start - 2] == "_"):
                continue  # after a word's apostrophe ("didn't")
        whole = word
        if word and end + 1 < n:
            c = lowered[end + 1]
            if c.isalnum() or c == "_" or (c in "'’" and end + 2 < n and (lowered[end + 2].isalnum()
                                                                        or lowered[end + 2] == "_")):
                whole = False  # the word goes on
        if whole or stem:
            found = (whole, length)  # a whole word before a stem, then the longer
            if found > best.get(start, (False, 0)):
                best[start] = found
    hits = []
    last = 0
    for start in sorted(best):
        if start >= last:
            length = best[start][1]
            hits.append((start, lowered[start:start + length]))
            last = start + length
    return hits, frozenset(context)


def find_matches(
    text: str, lexicon: Lexicon, hits: list[tuple[int, str]] | None = None,
    accept: Callable[[int, int, int], bool] | None = None,
) -> list[tuple[int, int, int]]:
    """Non-overlapping lexicon matches in ``text``: ``(start, end, entry index)`` in text order.

    Same result as ``compiled(lexicon).finditer(text)`` (leftmost match; at one position the entry
    :func:`compiled` tries first), computed from trigger-word occurrences only. ``hits``: the
    :func:`trigger_hits` of a lexicon that holds this one (scanned once for both passes), else scanned here.
    ``accept(start, end, index)``: a match it rejects takes no room, so the next entry matching at that position,
    or a later match overlapping it, is tried (an entry whose sense constraints fail leaves the words to the rest).
    """
    m = _matcher(lexicon)
    rank = _RANKS.get(lexicon)
    if rank is None:
        rank = _RANKS.setdefault(lexicon, _rank(lexicon))
    if hits is None:
        hits = trigger_hits(text, lexicon)
    found: set[tuple[int, int, int]] = set()
    n = len(text)
    patterns, anchored, starters = m.patterns, m.anchored, m.starters
    for p, word in hits:
        ids = m.entries(word)
        if not ids:
            continue  # a trigger of the other pass (one scan serves both)
        lo, hi = max(0, p - _WINDOW_BEFORE), min(n, p + _WINDOW_AFTER)
        for i in ids:
            if anchored[i]:  # the match, if any, starts at the trigger: no search of the window before it
                match = patterns[i].match(text, p, hi)
                if match is not None and (match.end() < hi or hi == n):
                    found.add((p, match.end(), i))
                continue
            starter = starters[i]
            if starter is not None:
                # finditer's chain of matches from lo, tried only where a match can begin (up to the trigger): the
                # same matches without scanning the 200 characters after the trigger when there is none
                resume = lo
                for at in starter.finditer(text, lo, p + 1):
                    s = at.start()
                    if s < resume:
                        continue
                    match = patterns[i].match(text, s, hi)
                    if match is None:
                        continue
                    e = match.end()
                    if e > p:
                        if e < hi or hi == n:
                            found.add((s, e, i))
                        break
                    resume = e
                continue
            for match in patterns[i].finditer(text, lo, hi):
                s, e = match.span()
                if s > p:
                    break
                if e > p and (e < hi or hi == n):
                    found.add((s, e, i))
    for i in m.always:
        found.update((match.start(), match.end(), i) for match in m.patterns[i].finditer(text))
    out = []
    last = 0
    for s, e, i in sorted(found, key=lambda x: (x[0], rank[x[2]])):
        if s >= last and (accept is None or accept(s, e, i)):
            out.append((s, e, i))
            last = e
    return out


def split_passes(lexicon: Lexicon) -> tuple[Lexicon, Lexicon]:
    """The lexicon split into (first pass, second pass): entries with an ``after:`` constraint run second.

    Second-pass entries are broad patterns kept only in context ("did not send" after "insisted that"):
    run with the rest, they would take positions from real denial phrases ("was not backed with any
    proof") and then fail their context check. A second-pass match yields to every first-pass match.
    """
    cached = _PASSES.get(lexicon)
    if cached is None:
        second = tuple(e for e in lexicon.entries if any(name in ("after", "broad") for name, _ in e.sense))
        first = tuple(e for e in lexicon.entries if e not in second)
        cached = _PASSES.setdefault(lexicon, (Lexicon(first), Lexicon(second)))
    return cached


_PASSES: dict[Lexicon, tuple[Lexicon, Lexicon]] = {}


@lru_cache(maxsize=32)
def _index(lexicon: Lexicon) -> dict[str, Entry]:
    return {e.id: e for e in lexicon.entries}


def _words(fragment: str) -> list[str]:
    low = fragment.lower()
    # one lower() for the fragment: the same tokens, lower-cased, unless lowering changed a length ("İ") or read a
    # neighbour (a final sigma), the only two ways str.lower() is not one letter for one letter
    if len(low) == len(fragment) and "Σ" not in fragment:
        return _WORD.findall(low)
    return [w.lower() for w in _WORD.findall(fragment)]


@lru_cache(maxsize=1024)
def _items(arg: str) -> tuple[str, ...]:
    """The lower-cased words of a ``w|w`` list, split once per list."""
    return tuple(w.lower() for w in arg.split("|") if w)


def _in(word: str | None, items: Sequence[str]) -> bool:
    """A word is in the list; an item starting with an apostrophe matches a word ending so ("she's")."""
    if word is None:
        return False
    word = word.rstrip("-")  # "self- denial": a compound broken at its hyphen
    return any(word.endswith(i.replace("’", "'")) or word.endswith(i.replace("'", "’")) if i[0] in "'’" else word == i
               for i in items)


#: Words after which a noun phrase cannot be the person of "deny someone something": prepositions, conjunctions
#: and "that" end the object ("denied the charges through his lawyer", "denied any role in the attacks").
_OBJECT_ENDS = frozenset("""that which who as to in of through for by and but or with on at from after before because
while since than about against over into during via if when saying""".split())
_SECOND_OBJECT = frozenset("a an the any his her their its our your my".split())
_PERSON_PRONOUNS = frozenset("him them us me you".split())  # not "her": "denied her involvement"
_BE_FORMS = frozenset("was were been be being is are".split())
_PASSIVE_AUX = _BE_FORMS | {"get", "got", "gets"}
_DAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday yesterday today again".split())


#: Pronoun objects before "as" ("dismissed it as", "rejected them as").
_OBJECT_PRONOUNS = frozenset("it them this that these those".split())


def _withheld(words: list[str], prev: str | None, before: list[str]) -> bool:
    """Whether "deny" means withhold: a person and then a thing after it ("denied Carter a final-night photograph",
    "deny many energized independents the right", "denying us justice"), or a passive whose subject is no claim
    ("the request was denied", "rights that had been denied victims"). A claim is one object ("denied the claims",
    "denied Russia's role"), or none ("a charge she has always denied")."""
    if prev in _PASSIVE_AUX and not _claim_before(before):
        return True
    words = [w for w in words if w not in _DAYS and not (w.endswith("ly") and len(w) > 4)]
    if words and words[0] in _PERSON_PRONOUNS and len(words) > 1 and words[1][0].isalpha() \
            and words[1] not in _OBJECT_ENDS and words[1] not in CLAIM_WORDS:
        return True
    for i, w in enumerate(words[:5]):
        if not w[0].isalnum() or w in _OBJECT_ENDS or w in CLAIM_WORDS:
            return False
        if i and w in _SECOND_OBJECT:
            return True
    return False


#: Verbs of a verdict whose small clause a judging adjective completes ("called that preposterous", "calling it absurd").
_VERDICT_VERBS = frozenset("""call calls called calling deem deems deemed label labels labeled labelled branded find finds
found consider considers considered""".split())
#: Degree adverbs between a copula and a judging adjective ("It's downright ludicrous", "that is simply absurd").
_DEGREE_ADVERBS = frozenset("""just so simply totally completely utterly downright patently beyond really quite absolutely
frankly pretty truly clearly plainly""".split())
#: A demonstrative or "it" fused with its copula ("That’s ridiculous").
_POINTING_COPULAS = frozenset("that’s that's it’s it's this’s".split())


def _judges_claim(unquoted: list[str], clause_after: list[str], nxt: str | None, quote_before: bool) -> bool:
    """Whether a judging adjective ("absurd", "ridiculous") is said of a claim: a claim noun near ("an absurd claim",
    "called the allegations unfair and absurd"), a verdict ("dismissed as absurd", "called that preposterous"), a
    demonstrative subject ("That's ridiculous"), or a one-word quoted reply; not of a person ("you're being
    ridiculous"), a thing ("the absurd theatrics") or a state of affairs ("It is absurd that you had ...")."""
    if set(clause_after[:4]) & CLAIM_WORDS or set(unquoted[-4:]) & (CLAIM_WORDS | _VERDICT_VERBS):
        return True
    k = len(unquoted) - 1
    while k >= 0 and unquoted[k] in _DEGREE_ADVERBS:
        k -= 1
    prev = unquoted[k] if k >= 0 else None
    if prev == "as":
        return True
    extraposed = nxt in {"that", "to", "for"}  # "it is absurd that ...", "it's ridiculous to ...": an act, a state
    pointing = prev in _POINTING_COPULAS or (prev in _COPULAS and k >= 1 and unquoted[k - 1] in {"that", "this", "it"})
    if pointing and not extraposed:
        return True
    return quote_before and (nxt is None or not nxt[0].isalnum())


#: Possessive determiners: whose a label is ("their disinformation").
_POSSESSIVE_WORDS = frozenset("his her their its our my your".split())
#: Verbs of spreading information, with an agent ("his staff had spread misinformation").
_SPREADING = frozenset("""spread spreads spreading peddle peddles peddled peddling push pushes pushed pushing
disseminate disseminates disseminated disseminating circulate circulates circulated circulating""".split())
#: Words after a label that say what it is about or whose it is ("misinformation about the vote", "from Moscow").
_SOURCE_NEXT = frozenset("about regarding on that from by against".split())


def _names_source(unquoted: list[str], matched: list[str], nxt: str | None, quote_before: bool) -> bool:
    """Whether a label like "misinformation" is pinned on someone's claims: a campaign, a possessor ("Trump's
    misinformation"), a topic or source after it, a predicate ("that is disinformation", "dismissed as", "called
    the report disinformation"), a verb of spreading with its agent, a quoted word; not talk about misinformation
    in general ("such misinformation", "the misinformation chain", "Misinformation enters the mainstream")."""
    prev = unquoted[-1] if unquoted else None
    if "campaign" in matched or "campaigns" in matched or nxt in _SOURCE_NEXT or quote_before:
        return True
    if prev is not None and (prev in _POSSESSIVE_WORDS or prev.endswith(("'s", "’s", "s'", "s’"))):
        return True
    return prev in _COPULAS or bool(set(unquoted[-3:]) & _SPREADING or set(unquoted[-4:]) & _VERDICT_VERBS)


def _describes_thing(prev: str | None, words_after: list[str]) -> bool:
    """Whether a word used attributively (after a determiner or an adjective) describes a thing: no claim noun within
    the three words after it."""
    return prev in _DETERMINERS_ADJ and not set(words_after[:3]) & CLAIM_WORDS


def _claim_before(before: list[str]) -> bool:
    """Whether a claim noun is among the six words before a passive: its subject ("the charges were denied")."""
    return not CLAIM_WORDS.isdisjoint(before[-6:])


def sense_ok(entry: Entry, text: str, start: int, end: int) -> bool:
    """Whether the words around ``text[start:end]`` satisfy the entry's sense constraints."""
    if not entry.sense:
        return True
    before = _words(text[max(0, start - 80):start])
    after = _words(text[end:end + 100])
    unquoted = [w for w in before if w not in _QUOTE_MARKS]  # the previous word across a quote mark: supposed “lies”
    prev = unquoted[-1] if unquoted else None
    nxt = after[0] if after else None
    # the next word across a closing quote mark: "by “cherry-picking” in Democratic strongholds"
    next_word = next((w for w in after if w not in _QUOTE_MARKS), None)
    quote_before = text[max(0, start - 1):start] in _OPENING_QUOTES  # the word opens a quotation: 'calling it “absurd”'
    clause_after: list[str] = []
    for w in after:  # a claim noun must be in the same clause: stop at sentence punctuation, not at "Mr." or "U.S."
        if w in {".", ";", "!", "?"} and not (w == "." and clause_after and clause_after[-1] in _ABBREVIATED):
            break
        clause_after.append(w)
    for name, arg in entry.sense:
        if name in ("negatable", "trigger"):
            continue
        if name == "not_next" and _in(next_word, _items(arg)):
            return False
        if name == "not_prev" and _in(prev, _items(arg)):
            return False
        if name == "not_before":
            n, _, words = arg.partition(":")
            if set(unquoted[-int(n):]) & set(_items(words)):
                return False
        if name == "next" and not _in(next_word, _items(arg)):
            return False
        if name == "prev" and not _in(prev, _items(arg)):
            return False
        if name == "not_within":
            n, _, words = arg.partition(":")
            if set(clause_after[: int(n)]) & set(_items(words)):
                return False
        if name == "after":
            n, _, words = arg.partition(":")
            clause_before = []
            for w in reversed(before):  # the same clause: stop at sentence punctuation or a quotation mark
                if w in {".", ";", "!", "?", ":"} or w in _QUOTE_MARKS:
                    break
                clause_before.append(w)
            if not set(clause_before[: int(n)]) & set(_items(words)):
                return False
        if name == "verb" and prev in _DETERMINERS_ADJ:
            return False
        if name == "not_recipient" and _withheld(clause_after, prev, unquoted):
            return False
        if name == "claim_after":
            window = [w for w in clause_after[: int(arg or 4)] if w.isalnum() or "’" in w or "'" in w]
            # "the idea of a minimum wage hike" is a proposal; "the idea that ..." a claim
            window = [w for k, w in enumerate(window) if not (w in {"idea", "ideas"} and window[k + 1:k + 2] == ["of"])]
            passive = prev in _BE_FORMS and _claim_before(before)
            # "as" after a pronoun object ("dismissed them as lies"); not after any object ("rejects Nikki Haley as
            # a spokeswoman", "rejected bills painted as anti-gay")
            as_claim = "as" in window and set(window[:window.index("as")]) & _OBJECT_PRONOUNS
            if not (set(window) & CLAIM_WORDS or as_claim or nxt == "that" or passive):
                return False
        if name == "claim_if_attributive" and _describes_thing(prev, clause_after):
            return False  # "an exaggerated Southern accent", "one discredited leak"
        if name == "claim_near":
            n = int(arg or 3)
            if not set(before[-n:] + clause_after[:n]) & CLAIM_WORDS:
                return False
        if name == "names_source" and not _names_source(unquoted, _words(text[start:end]), nxt, quote_before):
            return False
        if name == "judges_claim" and not _judges_claim(unquoted, clause_after, nxt, quote_before):
            return False
        if name == "claim_or_copula":
            if _describes_thing(prev, [w for w in clause_after[:4] if w not in _QUOTE_MARKS]):
                return False  # across scare quotes too: 'the “fake” Trump literature', "the phony system"
            # a claim noun right before: the object of a small clause ("deemed those statements false")
            if not (set(clause_after[:3]) & CLAIM_WORDS or prev in _COPULAS or prev in CLAIM_WORDS or quote_before
                    or (nxt is not None and not nxt[0].isalnum()) or nxt is None):
                return False
    return True
