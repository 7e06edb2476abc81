"""Read PolNeAR attribution gold from brat standoff (``.ann``) files.

A PolNeAR split directory holds ``text/STEM.txt`` (the article) and
``attributions/STEM.ann``. Entities (``T`` records) are typed ``Source``,
``Cue``, ``Content``, ``Attribution`` / ``Attribution-no-source`` (the event
trigger) and the unrelated ``Discuss`` / ``Discard``; events (``E`` records)
tie a trigger to its role arguments, e.g.
``E1<TAB>Attribution:T4 Content:T3 Cue:T2 Source:T1``.

Quirks of the real files handled here:

* discontinuous spans ``START END;START END`` (the brat text joins the
  fragments with one space);
* numbered roles (``Content2`` is a second content chunk of the same
  attribution, e.g. a quote interrupted by "he said"): all chunks of a role
  are merged into its parts;
* entity texts that run over several lines (continuation lines belong to
  the preceding ``T`` record);
* annotator notes (``#1<TAB>AnnotatorNotes ...``) and other records, ignored;
* events without arguments, or repeated on the same trigger with a subset of
  another event's arguments (brat editing leftovers): the subsumed event is
  dropped;
* an event role naming an entity of another type: the event role wins.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

Span = tuple[int, int]

_RECORD = re.compile(r"(?:[TERAMN]\d+|#\d*|\*)\t")
_ENTITY = re.compile(r"(T\d+)\t(\S+) (\d+ \d+(?:;\d+ \d+)*)\t?(.*)", re.DOTALL)
_EVENT = re.compile(r"(E\d+)\t(.*)", re.DOTALL)


@dataclass(frozen=True)
class BratEntity:
    """A brat text-bound annotation (``T`` record)."""

    id: str
    type: str
    parts: tuple[Span, ...]
    text: str


@dataclass(frozen=True)
class GoldAttribution:
    """One gold attribution (a brat event): covering spans plus their parts.

    ``content``/``source``/``cue`` are ``(min start, max end)`` over the
    role's parts, or ``None`` when the role is absent; ``*_parts`` are the
    sorted fragments (one part for a contiguous span, empty when absent).
    """

    id: str
    content: Span | None = None
    source: Span | None = None
    cue: Span | None = None
    content_parts: tuple[Span, ...] = ()
    source_parts: tuple[Span, ...] = ()
    cue_parts: tuple[Span, ...] = ()


def _records(ann_text: str) -> Iterator[str]:
    """Split an ``.ann`` file into records, gluing continuation lines on."""
    current: list[str] | None = None
    for line in ann_text.split("\n"):
        if _RECORD.match(line):
            if current is not None:
                yield "\n".join(current)
            current = [line]
        elif current is not None:
            current.append(line)
    if current is not None:
        yield "\n".join(current)


def parse_entities(ann_text: str) -> dict[str, BratEntity]:
    """Parse the ``T`` records of an ``.ann`` file, keyed by id."""
    entities: dict[str, BratEntity] = {}
    for record in _records(ann_text):
        m = _ENTITY.fullmatch(record)
        if m is None:
            continue
        tid, etype, offsets, text = m.groups()
        parts = tuple(
            (int(s), int(e)) for s, e in (p.split() for p in offsets.split(";"))
        )
        # brat joins fragments with one space, so the text length is known;
        # only surplus blank lines (record separators) are cut off.
        expected = sum(e - s for s, e in parts) + len(parts) - 1
        if len(text) > expected and not text[expected:].strip("\n"):
            text = text[:expected]
        entities[tid] = BratEntity(tid, etype, parts, text)
    return entities


def _parse_events(ann_text: str) -> list[tuple[str, str, list[tuple[str, str]]]]:
    """Return ``(event id, trigger id, [(role, entity id), ...])`` per ``E`` record."""
    events = []
    for record in _records(ann_text):
        m = _EVENT.fullmatch(record.strip("\n"))
        if m is None:
            continue
        eid, args = m.groups()
        pairs = [tuple(tok.split(":", 1)) for tok in args.split() if ":" in tok]
        if not pairs:
            continue
        (_, trigger), *roles = pairs
        events.append((eid, trigger, roles))
    return events


def _drop_subsumed(
    events: list[tuple[str, str, list[tuple[str, str]]]],
) -> list[tuple[str, str, list[tuple[str, str]]]]:
    """Drop events whose arguments are a subset of another event's on the same trigger."""
    kept = []
    for i, (eid, trigger, roles) in enumerate(events):
        mine = set(roles)
        subsumed = any(
            j != i
            and other_trigger == trigger
            and mine <= set(other_roles)
            and (mine != set(other_roles) or j < i)
            for j, (_, other_trigger, other_roles) in enumerate(events)
        )
        if not subsumed:
            kept.append((eid, trigger, roles))
    return kept


def _cover(parts: tuple[Span, ...]) -> Span | None:
    """Return the ``(min start, max end)`` covering span of ``parts``."""
    if not parts:
        return None
    return (min(s for s, _ in parts), max(e for _, e in parts))


def parse_ann(ann_text: str) -> list[GoldAttribution]:
    """Parse brat standoff text into gold attributions, in event order."""
    entities = parse_entities(ann_text)
    gold = []
    for eid, _trigger, roles in _drop_subsumed(_parse_events(ann_text)):
        parts: dict[str, set[Span]] = {"Content": set(), "Source": set(), "Cue": set()}
        for role, tid in roles:
            base = role.rstrip("0123456789")
            if base in parts and tid in entities:
                parts[base].update(entities[tid].parts)
        content, source, cue = (tuple(sorted(parts[k])) for k in ("Content", "Source", "Cue"))
        gold.append(
            GoldAttribution(
                id=eid,
                content=_cover(content),
                source=_cover(source),
                cue=_cover(cue),
                content_parts=content,
                source_parts=source,
                cue_parts=cue,
            )
        )
    return gold


def read_brat_dir(split_dir: Path) -> Iterator[tuple[str, str, list[GoldAttribution]]]:
    """Yield ``(stem, text, attributions)`` for a PolNeAR split, in sorted stem order."""
    split_dir = Path(split_dir)
    for ann_path in sorted((split_dir / "attributions").glob("*.ann")):
        stem = ann_path.stem
        yield stem, _read(split_dir / "text" / f"{stem}.txt"), parse_ann(_read(ann_path))


def _read(path: Path) -> str:
    """Read UTF-8 text without newline translation (offsets count raw characters)."""
    with open(path, encoding="utf-8", newline="") as handle:
        return handle.read()
