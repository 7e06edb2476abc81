"""Check a report notebook's parameters before anything is computed, so that no value misleads silently.

Papermill's ``-p`` passes text (``-p outlets '["nyt"]'`` arrives as the string ``'["nyt"]'``, ``-p outlets
nyt`` as ``'nyt'``), and a string where a list was meant used to filter on its letters and give an empty
report. `check_parameters` reads each known parameter into its kind (a list of outlets, a date, a count, a
score, a name, a choice) or stops with a `ParameterError` naming the parameter, what it expects and what it
got. `select` filters a dataset by outlets and dates and stops, listing the corpus's outlets and date range,
when an outlet is not in the corpus or the filters select no article. The report command reads its ``-p``
values with the same functions (`coerce`), so the notebook and the command line agree.
"""

from __future__ import annotations

import difflib
import json
import math
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, Mapping, Sequence

import pandas as pd


class ParameterError(ValueError):
    """A report parameter has a value of the wrong kind, or selects nothing; the message names it."""


@dataclass(frozen=True)
class Kind:
    """What a parameter accepts: `kind` is one of outlets, paths, words, date, count, score, path, text, choice, flag."""

    kind: str
    optional: bool = False
    minimum: int = 0
    choices: tuple[str, ...] = ()


#: Every parameter the shipped notebooks declare, with the kind of value it takes.
PARAMETERS: dict[str, Kind] = {
    "corpus": Kind("path"),
    "output_dir": Kind("path", optional=True),
    "lexicon": Kind("path", optional=True),
    "aliases": Kind("path", optional=True),
    "gender": Kind("flag"),
    "outlets": Kind("outlets", optional=True),
    "a_outlets": Kind("outlets", optional=True),
    "b_outlets": Kind("outlets", optional=True),
    **{name: Kind("date", optional=True) for name in ("date_from", "date_to", "a_from", "a_to", "b_from", "b_to")},
    "min_score": Kind("score", optional=True),
    **{name: Kind("count", minimum=1) for name in ("top_n", "keyness_min_freq", "colloc_min_freq", "kwic_window")},
    **{name: Kind("count") for name in ("browse_n", "n_examples", "kwic_n", "browse_seed")},
    "keyness_max_chars": Kind("count", minimum=1),
    "keyness_stop_words": Kind("path", optional=True),
    "keyness_extra_stop_words": Kind("words", optional=True),
    "window": Kind("count", minimum=2),
    **{name: Kind("text") for name in ("a_label", "b_label", "term")},
    "colloc_measure": Kind("choice", choices=("likelihood_ratio", "pmi")),
    "what": Kind("choice", choices=("denials", "quotes")),
    "sheets": Kind("paths", optional=True),
    "missed": Kind("path", optional=True),
}

#: Date ranges checked together: (from, to).
DATE_RANGES = (("date_from", "date_to"), ("a_from", "a_to"), ("b_from", "b_to"))
_NONE_WORDS = frozenset({"", "none", "null", "~"})


def _fail(name: str, expects: str, value: Any) -> ParameterError:
    return ParameterError(f"parameter {name} expects {expects}, got {value!r}")


def _parse_text(value: Any) -> Any:
    """Read a JSON-looking string (a list, a number, null) as JSON; anything else stays as it is."""
    if isinstance(value, str) and (value.strip()[:1] in ("[", "{", '"') or _is_number(value)):
        try:
            return json.loads(value)
        except json.JSONDecodeError:
            return value
    return value


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def _outlets(name: str, value: Any, what: str = 'outlet names: a list such as ["nyt", "wapo"], or "nyt,wapo", or None') -> list[str] | None:
    if isinstance(value, str):
        text = value.strip()
        if text.startswith("[") and text.endswith("]"):  # a YAML-style list: [nyt, 'wapo']
            text = text[1:-1]
        value = [part.strip().strip("'\"").strip() for part in text.split(",")]
        value = [part for part in value if part]
    if isinstance(value, (list, tuple)) and all(isinstance(item, str) and item.strip() for item in value):
        return [item.strip() for item in value] or None
    raise _fail(name, what, value)


def _date(name: str, value: Any) -> str:
    if isinstance(value, (date, datetime)):
        return value.isoformat()[:10]
    if isinstance(value, str):
        try:
            return pd.Timestamp(date.fromisoformat(value.strip())).date().isoformat()
        except ValueError:
            pass
    raise _fail(name, 'a date such as "2016-01-01" (YYYY-MM-DD), or None', value)


def _count(name: str, value: Any, minimum: int) -> int:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, int) and not isinstance(value, bool) and value >= minimum:
        return value
    raise _fail(name, f"a whole number of at least {minimum}", value)


def _score(name: str, value: Any) -> float:
    if isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value) and 0 <= value <= 1:
        return float(value)
    raise _fail(name, "a number from 0 to 1, or None", value)


def coerce(name: str, value: Any) -> Any:
    """Return `value` read as parameter `name`'s kind; raise `ParameterError` saying what it expects.

    Unknown names are returned as they are (after reading JSON-looking text).
    """
    spec = PARAMETERS.get(name)
    value = _parse_text(value)
    if spec is None:
        return value
    if spec.optional and (value is None or isinstance(value, str) and value.strip().lower() in _NONE_WORDS):
        return None
    if spec.kind == "outlets":
        return _outlets(name, value)
    if spec.kind == "paths":
        return _outlets(name, value, 'file paths: a list such as ["a.csv", "b.csv"], or "a.csv,b.csv", or None')
    if spec.kind == "words":
        return _outlets(name, value, 'words: a list such as ["trump", "clinton"], or "trump,clinton", or None')
    if spec.kind == "flag":  # -p gender false must not be the true-looking text "false"
        text = str(value).strip().lower()
        if isinstance(value, bool) or text in ("true", "false", "yes", "no", "1", "0", "on", "off"):
            return value if isinstance(value, bool) else text in ("true", "yes", "1", "on")
        raise _fail(name, "true or false", value)
    if spec.kind == "date":
        return _date(name, value)
    if spec.kind == "count":
        return _count(name, value, spec.minimum)
    if spec.kind == "score":
        return _score(name, value)
    if spec.kind == "choice":
        if value in spec.choices:
            return value
        raise _fail(name, "one of " + ", ".join(repr(c) for c in spec.choices), value)
    if spec.kind == "path":
        if isinstance(value, str) and value.strip():
            return value
        raise _fail(name, "a file or folder path" + (", or None" if spec.optional else ""), value)
    if isinstance(value, (int, float)) and not isinstance(value, bool):  # a label "2016" read as a number
        return str(value)
    if isinstance(value, str) and value.strip():
        return value
    raise _fail(name, "a non-empty text", value)


def check_parameters(namespace: Mapping[str, Any]) -> dict[str, Any]:
    """Return the known parameters found in `namespace` (a notebook's globals), each read into its kind.

    Raises `ParameterError` naming the first parameter of the wrong kind, or a date range whose start is
    after its end. Call it right after the parameters cell: ``globals().update(check_parameters(globals()))``.
    """
    checked = {name: coerce(name, namespace[name]) for name in PARAMETERS if name in namespace}
    for start, end in DATE_RANGES:
        if checked.get(start) and checked.get(end) and checked[start] > checked[end]:
            raise ParameterError(f"parameter {start} ({checked[start]}) is after {end} ({checked[end]}): the range selects nothing")
    return checked


def _closest(name: str, known: set[str]) -> str | None:
    """The known outlet `name` was most likely meant to be (case ignored), or None."""
    lowered = {outlet.lower(): outlet for outlet in sorted(known)}
    close = difflib.get_close_matches(name.lower(), list(lowered), n=1, cutoff=0.6)
    return lowered[close[0]] if close else None


def corpus_contents(articles: pd.DataFrame) -> str:
    """Describe a corpus's outlets (with article counts) and date range, for an error message."""
    outlets = articles["outlet"].value_counts().sort_index()
    names = [f"{outlet} ({n})" for outlet, n in outlets.items()]
    if articles["outlet"].isna().any():
        names.append(f"(unknown) ({articles['outlet'].isna().sum()})")
    listed = ", ".join(names) or "none"
    dates = pd.to_datetime(articles["date"]).dropna()
    span = f"dated {dates.min().date()} to {dates.max().date()}" if len(dates) else "none dated"
    undated = len(articles) - len(dates)
    return f"the corpus has {len(articles)} articles from outlets {listed}; {span}" + (f" ({undated} undated)" if undated and len(dates) else "")


def selection_problem(articles: pd.DataFrame, outlets: Sequence[str] | None, date_from: str | None, date_to: str | None,
                      *, names: tuple[str, str, str] = ("outlets", "date_from", "date_to")) -> str | None:
    """Say why these outlets and dates would mislead (an outlet not in the corpus, or no article selected); None if fine."""
    known = set(articles["outlet"].dropna())
    missing = [outlet for outlet in outlets or () if outlet not in known]
    if missing:
        hints = [f"{m!r} (did you mean {close!r}?)" if (close := _closest(m, known)) else repr(m) for m in missing]
        return f"parameter {names[0]}: no outlet {', '.join(hints)} in the corpus; {corpus_contents(articles)}"
    keep = pd.Series(True, index=articles.index)
    if outlets:
        keep &= articles["outlet"].isin(list(outlets))
    dates = pd.to_datetime(articles["date"])
    if date_from is not None:
        keep &= dates >= pd.Timestamp(date_from)
    if date_to is not None:
        keep &= dates <= pd.Timestamp(date_to)
    if keep.any() or articles.empty:
        return None
    chosen = ", ".join(f"{n}={v}" for n, v in zip(names, (outlets, date_from, date_to)) if v is not None)
    return f"parameters {chosen} select no article; {corpus_contents(articles)}"


def select(data: Any, outlets: Sequence[str] | None = None, date_from: str | None = None, date_to: str | None = None,
           *, names: tuple[str, str, str] = ("outlets", "date_from", "date_to")) -> Any:
    """Return `data.filter(...)` (a `toolkit.pipeline.dataset.Dataset`); raise `ParameterError` when the choice misleads."""
    problem = selection_problem(data.articles, outlets, date_from, date_to, names=names)
    if problem is not None:
        raise ParameterError(problem)
    return data.filter(outlets=outlets, date_from=date_from, date_to=date_to)
