"""Remove web boilerplate from scraped article text, by rules kept in a data file.

A rule matches one whole line (stripped of surrounding whitespace) and says what to do with it:
`drop` it, move it to `related` links, or read it as the article's `date`. Where it may fire:
`any` line, the `edge` (the run of boilerplate before or after the article), or the `header` only.
One built-in rule, `repeated-title`, takes a title that the scrape prints twice in a row at the
top. Text on which no rule fires is returned unchanged, byte for byte, because every offset the
finders produce is into this text.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import datetime
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Iterable, Literal, Sequence

from toolkit.corpus.dates import parse_date

Where = Literal["any", "edge", "header"]
RuleAction = Literal["drop", "related", "date"]

_ACTIONS = ("drop", "related", "date")
_WHERE = ("any", "edge", "header")
#: A repeated line longer than this is a repeated paragraph, not a title.
MAX_TITLE_CHARS = 300


@dataclass(frozen=True)
class Rule:
    """One boilerplate rule: a regex over a stripped line, its action, and where it may fire."""

    id: str
    action: RuleAction
    where: Where
    pattern: re.Pattern[str]
    description: str = ""

    def value(self, line: str) -> str | None:
        """Return what the rule captures from `line` (the `value` group or the line), or None."""
        match = self.pattern.search(line)
        if match is None:
            return None
        if "value" in self.pattern.groupindex:
            return match.group("value").strip()
        return line


@dataclass(frozen=True)
class Cleaned:
    """The result of cleaning one text: the body and what was taken out of it."""

    text: str
    title: str | None = None
    date: datetime | None = None
    related_links: tuple[str, ...] = ()
    #: (rule id, line) for every line removed, in text order.
    removed: tuple[tuple[str, str], ...] = field(default=())

    @property
    def changed(self) -> bool:
        """Whether any rule fired."""
        return bool(self.removed)


def parse_rules(lines: Iterable[str], source: str = "<rules>") -> tuple[Rule, ...]:
    """Parse JSONL rule definitions; raise ValueError naming the line of a bad rule."""
    rules = []
    for lineno, line in enumerate(lines, 1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        try:
            spec = json.loads(line)
            if spec["action"] not in _ACTIONS or spec.get("where", "any") not in _WHERE:
                raise ValueError(f"action must be one of {_ACTIONS}, where one of {_WHERE}")
            rules.append(
                Rule(
                    id=spec["id"],
                    action=spec["action"],
                    where=spec.get("where", "any"),
                    pattern=re.compile(spec["pattern"]),
                    description=spec.get("description", ""),
                )
            )
        except (ValueError, KeyError, re.error) as exc:
            raise ValueError(f"{source}:{lineno}: bad boilerplate rule: {exc}") from exc
    return tuple(rules)


@lru_cache(maxsize=None)
def default_rules() -> tuple[Rule, ...]:
    """Return the rules shipped in `toolkit/data/boilerplate.jsonl` (loaded once)."""
    text = resources.files("toolkit").joinpath("data/boilerplate.jsonl").read_text(encoding="utf-8")
    return parse_rules(text.splitlines(), "toolkit/data/boilerplate.jsonl")


def load_rules(path: str | Path | None = None, *, extend: bool = True) -> tuple[Rule, ...]:
    """Return the shipped rules, extended with (or replaced by) the rules in a researcher's file."""
    if path is None:
        return default_rules()
    path = Path(path)
    own = parse_rules(path.read_text(encoding="utf-8").splitlines(), str(path))
    return default_rules() + own if extend else own


def _match(rules: Sequence[Rule], line: str, zones: tuple[str, ...]) -> tuple[Rule, str] | None:
    """Return the first rule allowed in `zones` that matches `line`, with its value."""
    for rule in rules:
        if rule.where not in zones:
            continue
        value = rule.value(line)
        if value is None:
            continue
        if rule.action == "date" and parse_date(value) is None:
            continue
        return rule, value
    return None


def clean_text(text: str, rules: Sequence[Rule] | None = None) -> Cleaned:
    """Strip boilerplate lines from `text`; return the body and the title, date and links found."""
    rules = default_rules() if rules is None else rules
    lines = text.splitlines(keepends=True)
    stripped = [line.strip() for line in lines]
    verdict: list[tuple[str, str] | None] = [None] * len(lines)  # (rule id, value) for removed lines
    title = date = None
    related: list[tuple[int, str]] = []

    def take(i: int, rule: Rule, value: str) -> None:
        nonlocal date
        verdict[i] = (rule.id, value)
        if rule.action == "related":
            related.append((i, value))
        elif rule.action == "date" and date is None:
            date = parse_date(value)

    # Header: blank lines, boilerplate, and at most one title printed twice in a row.
    i = 0
    while i < len(lines):
        if not stripped[i]:
            i += 1
            continue
        hit = _match(rules, stripped[i], ("any", "edge", "header"))
        if hit:
            take(i, *hit)
            i += 1
            continue
        following = next((j for j in range(i + 1, len(lines)) if stripped[j]), None)
        if (
            title is None
            and following is not None
            and stripped[following] == stripped[i]
            and len(stripped[i]) <= MAX_TITLE_CHARS
        ):
            title = stripped[i]
            verdict[i] = verdict[following] = ("repeated-title", title)
            i = following + 1
            continue
        break
    body_start = i

    # Footer: walk back over blank lines and edge boilerplate.
    j = len(lines) - 1
    while j >= body_start:
        if stripped[j]:
            hit = _match(rules, stripped[j], ("any", "edge"))
            if not hit:
                break
            take(j, *hit)
        j -= 1
    body_end = j + 1

    for k in range(body_start, body_end):
        if stripped[k]:
            hit = _match(rules, stripped[k], ("any",))
            if hit:
                take(k, *hit)

    removed = tuple(v for v in verdict if v is not None)
    if not removed:
        return Cleaned(text=text)
    return Cleaned(
        text=_assemble(lines[body_start:body_end], verdict[body_start:body_end]),
        title=title,
        date=date,
        related_links=tuple(value for _, value in sorted(related)),
        removed=removed,
    )


def _assemble(lines: Sequence[str], verdict: Sequence[tuple[str, str] | None]) -> str:
    """Join the kept body lines, closing the blank-line gap a removed line leaves behind."""
    kept: list[str] = []
    skip_blank = False
    for line, removed in zip(lines, verdict):
        if removed is not None:
            # The removed line's paragraph break is already there if the previous kept line is blank.
            skip_blank = not kept or not kept[-1].strip()
            continue
        if skip_blank and not line.strip():
            continue
        skip_blank = False
        kept.append(line)
    return "".join(kept).strip()
