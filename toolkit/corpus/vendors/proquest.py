"""ProQuest TXT exports ("TXT - Text Only"): one record per document.

Documents are separated by a line of underscores; a report header and a table of contents come
first, a "Contact ProQuest" footer last. Each document has "Document N of M", its title, then
"Label: value" fields, of which `Full text:` runs over many paragraphs up to the next label:
`Title:`, `Publication title:`, `Publication date:`, `Author:`, `Section:`, `Language of publication:`,
`ProQuest document ID:`, `Document URL:`, ... A document without `Full text:` (an abstract-only
record) has no body and is logged as empty.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, Iterator, Sequence

from toolkit.corpus.loadlog import LoadLog
from toolkit.corpus.vendors.common import (
    MAX_FILE_BYTES,
    Announced,
    Parsed,
    VendorRecord,
    decode_export,
    emit,
    read_export,
    vendor_date,
    wrapped,
)

#: The line between documents.
SEPARATOR = re.compile(r"^\s*_{20,}\s*$")
#: "Document 3 of 10" at the top of each document.
NUMBER = re.compile(r"^\s*(?:Document|Dokument|Documento)\s+(\d+)\s+(?:of|von|de|di)\s+(\d+)\s*$")
#: The labels of a ProQuest document; a line starting with one of them starts that field.
LABELS = (
    "Title", "Publication title", "Publication year", "Publication date", "Publication info", "Author", "Full text",
    "Abstract", "Links", "Section", "Subject", "Location", "People", "Company / organization", "Identifier / keyword",
    "Business indexing term", "Publisher", "Place of publication", "Country of publication", "Publication subject",
    "ISSN", "Source type", "Language of publication", "Document type", "ProQuest document ID", "Document URL",
    "Copyright", "Last updated", "Database", "First page", "Pages", "Credit", "CREDIT", "Dateline", "Edition",
    "Volume", "Issue", "Column", "Illustration", "Caption", "Document feature", "Accession number", "Update",
    "Number of pages", "Contributor", "Notes", "Language", "Source", "Advisor", "Classification", "Committee member",
    "Degree", "Degree date", "Department", "Dissertation/thesis number", "ISBN", "School code", "University location",
    "University/institution",
)
#: Fields whose value runs over several paragraphs; any other field is one paragraph.
_MULTI_PARAGRAPH = frozenset({"Full text", "Abstract", "Links"})
_URL = re.compile(r"^https?://\S+$")
_LABEL = re.compile(r"^(" + "|".join(re.escape(label) for label in sorted(LABELS, key=len, reverse=True)) + r"):[ \t]?(.*)$")
_FIELDS = {
    "Title": "title", "Publication title": "outlet", "Publication date": "date", "Author": "author",
    "Section": "section", "Document URL": "url", "ProQuest document ID": "accession",
    "Language of publication": "language",
}


def read_proquest(
    path: Path,
    *,
    log: LoadLog,
    max_bytes: int,
    encoding: str | None = None,
    max_file_bytes: int = MAX_FILE_BYTES,
) -> Iterator[VendorRecord]:
    """Yield the documents of a ProQuest TXT export, logging every one not read."""
    path = Path(path)
    data = read_export(path, max_file_bytes, log)
    if data is None:
        return
    text = decode_export(path, data, encoding, log)
    if text is None:
        return
    articles, announced = parse_lines(text.replace("\r\n", "\n").replace("\r", "\n").split("\n"))
    if not articles and announced.total is None:
        log.read += 1
        log.add("skipped", "unknown_layout", path, detail="no 'Document N of M' and no 'Full text:' between underscore lines: not a ProQuest export")
        return
    yield from emit(path, articles, announced, log, max_bytes)


def parse_lines(lines: Sequence[str]) -> tuple[list[Parsed], Announced]:
    """Cut a ProQuest export's lines into documents at underscore lines; return them and the announced count."""
    pieces: list[tuple[list[str], bool]] = []
    current: list[str] = []
    for line in lines:
        if SEPARATOR.match(line):
            pieces.append((current, True))
            current = []
        else:
            current.append(line)
    pieces.append((current, False))  # after the last separator: the footer, or a document cut off
    articles = []
    total = None
    for piece, closed in pieces:
        number = next((m for m in map(NUMBER.match, piece) if m), None)
        labels = {m.group(1) for m in map(_LABEL.match, piece) if m}
        if number is None and not labels & {"Full text", "Publication title", "Title"}:
            continue  # the report header, the table of contents, the footer
        if number is not None:
            total = int(number.group(2))
        articles.append(_document(piece, int(number.group(1)) if number else None, complete=closed))
    if any(a.number is None for a in articles):  # unnumbered documents: number them by position
        for i, article in enumerate(articles, 1):
            article.number = i
    return articles, Announced(total=total, source="the 'Document N of M' lines", per_file=total is not None)


def _document(lines: Sequence[str], number: int | None, *, complete: bool) -> Parsed:
    """Read one document's fields; the first unlabelled line after "Document N of M" is its title."""
    values: dict[str, list[str]] = {}
    label = None
    blank = False  # a blank line since the label: a field other than the text ends at its paragraph's end
    untitled: list[str] = []
    loose: list[str] = []
    for line in lines:
        if NUMBER.match(line):
            continue
        match = _LABEL.match(line)
        if match:
            label, blank = match.group(1), False
            values.setdefault(label, []).append(match.group(2))
        elif not line.strip():
            blank = True
            if label is not None:
                values[label].append(line)
        elif label is not None and (label in _MULTI_PARAGRAPH or not blank):
            values[label].append(line)
        elif label is None:
            untitled.append(line.strip())
        else:
            loose.append(line.strip())  # the unlabelled link after the author, say
    fields_url = next((line for line in loose if _URL.match(line)), None)
    fields: dict[str, Any] = {}
    for label, name in _FIELDS.items():
        if label in values:
            fields[name] = " ".join(v.strip() for v in values[label] if v.strip())
    if not fields.get("title") and untitled:
        fields["title"] = " ".join(untitled)
    if not fields.get("language") and values.get("Language"):
        fields["language"] = " ".join(v.strip() for v in values["Language"] if v.strip())
    if not fields.get("url") and fields_url:
        fields["url"] = fields_url
    fields["date"] = vendor_date(fields.get("date"))
    body = wrapped(values.get("Full text", []))
    detail = "no Full text: field (an abstract-only record?)" if "Full text" not in values else "the Full text: field is empty"
    return Parsed(number=number, fields=fields, body=body, complete=complete, empty_detail=detail)
