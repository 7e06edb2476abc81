"""The `Article` record that every loader yields and every finder reads."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Mapping

#: Columns every articles table has, in this order; metadata columns follow them.
ARTICLE_COLUMNS: tuple[str, ...] = (
    "doc_id",
    "title",
    "date",
    "outlet",
    "url",
    "text",
    "source_path",
    "related_links",
)


@dataclass(frozen=True)
class Article:
    """One news article: a clean body `text` plus what is known about it.

    All offsets produced by the finders are into `text`, the body as the loader returns it.
    """

    doc_id: str
    text: str
    title: str | None = None
    date: datetime | None = None
    outlet: str | None = None
    url: str | None = None
    source_path: str | None = None
    #: "READ MORE:"-style related links the loader set apart from the body.
    related_links: tuple[str, ...] = ()
    #: Any further metadata (author, section, ...) from the export or a metadata file.
    extra: Mapping[str, Any] = field(default_factory=dict)

    def to_row(self) -> dict[str, Any]:
        """Return the article as a flat dict: the standard columns, then its metadata."""
        row: dict[str, Any] = {name: getattr(self, name) for name in ARTICLE_COLUMNS}
        row["related_links"] = list(self.related_links)
        for key, value in self.extra.items():
            row.setdefault(key, value)
        return row
