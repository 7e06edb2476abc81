"""A record of everything a load skipped, repaired, cleaned or noticed, for the caller and the report."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Literal

import pandas as pd

#: skipped: not loaded; repaired: loaded after fixing broken input (bytes, ids); cleaned: loaded with
#: boilerplate removed by a rule; note: loaded or not, something a researcher should know.
Action = Literal["skipped", "repaired", "cleaned", "note"]


@dataclass(frozen=True)
class LoadEvent:
    """One skip, repair or note: where it happened, why, and the details."""

    action: Action
    reason: str
    source: str
    location: str = ""
    detail: str = ""


@dataclass
class LoadLog:
    """Counts of records read and loaded, plus every event, in the order they happened.

    A loader appends to the log it is given, so a caller streaming articles can inspect it at any
    time. Nothing is dropped without an event: `read == loaded + skipped` always holds.
    """

    read: int = 0
    loaded: int = 0
    events: list[LoadEvent] = field(default_factory=list)

    def add(self, action: Action, reason: str, source: str, location: str = "", detail: str = "") -> None:
        """Record one event."""
        self.events.append(LoadEvent(action, reason, str(source), str(location), detail))

    @property
    def skipped(self) -> int:
        """Number of records skipped."""
        return sum(1 for e in self.events if e.action == "skipped")

    @property
    def repaired(self) -> int:
        """Number of repairs made to records that were loaded."""
        return sum(1 for e in self.events if e.action == "repaired")

    def counts(self) -> pd.DataFrame:
        """Return a table of event counts by action and reason."""
        counter = Counter((e.action, e.reason) for e in self.events)
        rows = [{"action": a, "reason": r, "count": n} for (a, r), n in sorted(counter.items())]
        return pd.DataFrame(rows, columns=["action", "reason", "count"])

    def to_frame(self) -> pd.DataFrame:
        """Return every event as a table, one row per event."""
        return pd.DataFrame(
            [vars(e) for e in self.events], columns=["action", "reason", "source", "location", "detail"]
        )

    def summary(self) -> str:
        """Return a one-line human summary: read, loaded, skipped, repaired and cleaned with reasons."""
        parts = [f"{self.read} read", f"{self.loaded} loaded"]
        for action in ("skipped", "repaired", "cleaned"):
            reasons = Counter(e.reason for e in self.events if e.action == action)
            if reasons:
                detail = ", ".join(f"{n} {r}" for r, n in sorted(reasons.items()))
                parts.append(f"{sum(reasons.values())} {action} ({detail})")
        return ", ".join(parts)

    def __str__(self) -> str:
        return f"LoadLog: {self.summary()}"

    def _repr_html_(self) -> str:
        """Show the summary and the event counts in notebooks."""
        return f"<p><b>Load log:</b> {self.summary()}</p>" + self.counts().to_html(index=False)
