"""Nexis Uni and LexisNexis exports: one record per article, with the vendor's metadata as fields.

Two layouts, in DOCX (python-docx), RTF or TXT:

* Nexis Uni (current): a cover page ("Documents (10)", a numbered list of titles, the search), then per
  article the title, the outlet, the date line, an optional copyright line, labelled lines
  (`Section:`, `Length:`, `Byline:`, ...), a `Body` line, the text, an optional `Classification`
  block (`Language:`, `Subject:`, ..., `Load-Date:`), and "End of Document".
* LexisNexis (older TXT/RTF): "7 of 100 DOCUMENTS" (German "Dokument 7 von 100", French "Document 7
  de 100") before each article, then the outlet, the date line, an optional edition, the headline,
  labelled lines (`BYLINE:`, `SECTION:`, `LENGTH:`), the text, and closing labelled lines
  (`LOAD-DATE:`, `LANGUAGE:`, ...).

The body is the text only: no metadata, no Load-Date or Classification block.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path
from typing import Any, Iterator, Sequence

from toolkit.corpus.loadlog import LoadLog
from toolkit.corpus.vendors.common import (
    MAX_FILE_BYTES,
    Announced,
    Parsed,
    VendorRecord,
    date_and_rest,
    emit,
    export_text,
    looks_like_date,
    paragraphs,
    read_export,
    vendor_date,
    word_count,
    wrapped,
)
from toolkit.corpus.vendors.rtf import is_rtf

#: "7 of 100 DOCUMENTS", "Dokument 7 von 100", "Document 7 de 100" on a line of their own.
CLASSIC_SEPARATOR = re.compile(
    r"^\s*(?:(\d+)\s+of\s+(\d+)\s+DOCUMENTS?|Dokument\s+(\d+)\s+von\s+(\d+)|Document\s+(\d+)\s+de\s+(\d+))\s*$"
)
#: The line that closes each Nexis Uni article.
UNI_END = re.compile(r"^\s*(?:End of Document|Ende des Dokuments|Fin du document)\s*$", re.I)
#: "Documents (10)" on a Nexis Uni cover page.
_UNI_COUNT = re.compile(r"^\s*(?:Documents|Dokumente)\s*\((\d+)\)\s*$", re.I)
#: "Download Request: Selected Items: 1-10", "Ausgabeauftrag: Dokument 1-50".
_CLASSIC_RANGE = re.compile(r"^\s*(?:Download Request|Ausgabeauftrag|Demande de t\S+chargement)\s*:.*?(\d+)\s*-\s*(\d+)", re.I)
# "LABEL: value" of the older layout (capitals, German umlauts, hyphens).
_CLASSIC_LABEL = re.compile(r"^\s*([A-ZÄÖÜ][A-ZÄÖÜ-]+(?: [A-ZÄÖÜ-]+)?):\s?(.*)$")
_CLASSIC_FIELDS = {
    "BYLINE": "author", "AUTOR": "author", "AUTEUR": "author", "SIGNATURE": "author",
    "SECTION": "section", "RUBRIK": "section", "RUBRIQUE": "section",
    "LENGTH": "length", "LÄNGE": "length", "LONGUEUR": "length",
    "LANGUAGE": "language", "SPRACHE": "language", "LANGUE": "language",
    "URL": "url", "DATELINE": "dateline", "HIGHLIGHT": "highlight",
}
_CLASSIC_LENGTH = frozenset({"LENGTH", "LÄNGE", "LONGUEUR"})
#: Labels of the header that may also follow the LENGTH line, before the body.
_CLASSIC_HEAD = frozenset({"BYLINE", "AUTOR", "AUTEUR", "SIGNATURE", "SECTION", "RUBRIK", "RUBRIQUE", "DATELINE", "HIGHLIGHT"})
#: Labels that close an article's body in the older layout.
_CLASSIC_END = frozenset({
    "LOAD-DATE", "LANGUAGE", "SPRACHE", "LANGUE", "PUBLICATION-TYPE", "PUBLIKATIONSTYP", "GRAPHIC", "GRAFIK",
    "UPDATE", "URL", "SUBJECT", "CORRECTION-DATE", "NOTES", "DOCUMENT-TYPE", "JOURNAL-CODE", "ORGANIZATION",
    "GEOGRAPHIC", "PERSON", "INDUSTRY", "TICKER", "COMPANY", "TYPE", "DISTRIBUTION",
})
# "Label: value" of Nexis Uni (the separator is a no-break space in DOCX).
_UNI_LABEL = re.compile(r"^\s*([A-Z][A-Za-zÄÖÜäöü-]+(?: [A-Za-z-]+)?):[\s\u00a0]*(.*)$")
_UNI_FIELDS = {
    "Byline": "author", "Author": "author", "Autor": "author",
    "Section": "section", "Rubrik": "section", "Rubrique": "section",
    "Length": "length", "Länge": "length", "Longueur": "length",
    "Language": "language", "Sprache": "language", "Langue": "language",
    "Dateline": "dateline", "Highlight": "highlight", "Load-Date": "load_date", "Url": "url", "URL": "url",
}
_UNI_BODY = re.compile(r"^\s*(?:Body|Text|Texte)\s*$")
#: Lines that close the body of a Nexis Uni article before "End of Document".
_UNI_BODY_END = re.compile(r"^\s*(?:Classification|Graphic|Notes|Load-Date:.*|Klassifikation)\s*$")
_UNI_RELATED = re.compile(r"^\s*Related Articles\s*$")
_COPYRIGHT = re.compile(r"^\s*(?:Copyright\b|©|\(c\)\s)", re.I)
_EDITION = re.compile(r"\b(?:edition|ausgabe|édition)\b", re.I)
#: Lines of a Nexis Uni cover page (job, search, the numbered list of titles, its tables).
_UNI_COVER = re.compile(
    r"^\s*(?:Date and Time:|Job Number:|Datum und Uhrzeit:|Auftragsnummer:|Client/Matter:|Search Terms:|Search Type:|"
    r"Narrowed by:|Suchbegriffe:|Suchtyp:|Eingegrenzt durch:|Content Type|Documents\s*\(|Dokumente\s*\(|\d+\.\s)"
)


def read_nexis(
    path: Path,
    *,
    log: LoadLog,
    max_bytes: int,
    encoding: str | None = None,
    max_file_bytes: int = MAX_FILE_BYTES,
) -> Iterator[VendorRecord]:
    """Yield the articles of a Nexis Uni or LexisNexis export (.docx, .rtf or text), logging every one not read."""
    path = Path(path)
    data = read_export(path, max_file_bytes, log)
    if data is None:
        return
    if data[:4] == b"PK\x03\x04":
        lines = docx_lines(path, log)
        if lines is None:
            return
        per_paragraph = True
    else:
        text = export_text(path, data, encoding, log)
        if text is None:
            return
        # An RTF export (as a DOCX) has one line per paragraph; a plain-text one may wrap inside them.
        lines, per_paragraph = text.split("\n"), is_rtf(data)
    yield from parse_lines(path, lines, per_paragraph=per_paragraph, log=log, max_bytes=max_bytes)


def docx_lines(path: Path, log: LoadLog) -> list[str] | None:
    """Return a DOCX file's paragraphs and table rows (cells joined by tabs) in order, one per line.

    A paragraph's own line breaks become lines too. None, logged, when the file is no readable DOCX.
    """
    import docx  # python-docx; imported here so that reading other formats does not need it
    from docx.opc.exceptions import PackageNotFoundError
    from lxml.etree import XMLSyntaxError

    try:
        document = docx.Document(str(path))
    except (PackageNotFoundError, zipfile.BadZipFile, XMLSyntaxError, KeyError, ValueError, OSError, EOFError) as exc:
        log.read += 1
        log.add("skipped", "unreadable", path, detail=f"not a readable DOCX file ({type(exc).__name__}: {exc}); a download cut short?")
        return None
    lines: list[str] = []
    for block in document.iter_inner_content():
        if hasattr(block, "rows"):
            for row in block.rows:
                lines.append("\t".join(cell.text.replace("\n", " ") for cell in row.cells))
        else:
            lines.extend(block.text.split("\n"))
    return lines


def parse_lines(path: Path, lines: Sequence[str], *, per_paragraph: bool, log: LoadLog, max_bytes: int) -> Iterator[VendorRecord]:
    """Yield the articles of an export's lines, in whichever Nexis layout they are."""
    if any(CLASSIC_SEPARATOR.match(line) for line in lines):
        articles, announced = parse_classic(lines, per_paragraph=per_paragraph)
    elif any(UNI_END.match(line) for line in lines):
        articles, announced = parse_uni(lines)
    else:
        log.read += 1
        log.add("skipped", "unknown_layout", path, detail="no 'N of M DOCUMENTS' line and no 'End of Document': not a Nexis export")
        return
    yield from emit(path, articles, announced, log, max_bytes)


def _number(match: re.Match[str]) -> tuple[int, int]:
    groups = [g for g in match.groups() if g is not None]
    return int(groups[0]), int(groups[1])


def parse_classic(lines: Sequence[str], *, per_paragraph: bool = False) -> tuple[list[Parsed], Announced]:
    """Cut the older layout at its "N of M DOCUMENTS" lines; return the articles and what the export announces."""
    starts = [i for i, line in enumerate(lines) if CLASSIC_SEPARATOR.match(line)]
    first = last = None
    for line in lines[: starts[0]]:
        stated = _CLASSIC_RANGE.match(line)
        if stated:
            first, last = int(stated.group(1)), int(stated.group(2))
    total = None
    articles = []
    for k, start in enumerate(starts):
        end = starts[k + 1] if k + 1 < len(starts) else len(lines)
        number, total = _number(CLASSIC_SEPARATOR.match(lines[start]))  # type: ignore[arg-type]
        articles.append(_classic_article(number, lines[start + 1 : end], per_paragraph))
    announced = Announced(total=total, first=first, last=last, source="the 'N of M DOCUMENTS' lines")
    return articles, announced


def _classic_article(number: int, lines: Sequence[str], per_paragraph: bool) -> Parsed:
    """Read one article of the older layout: header lines, labelled lines, body, closing labels."""
    labels = [(i, m.group(1), m.group(2)) for i, m in ((i, _CLASSIC_LABEL.match(line)) for i, line in enumerate(lines)) if m]
    known = [(i, name, value) for i, name, value in labels if name in _CLASSIC_FIELDS or name in _CLASSIC_END]
    length_at = next((i for i, name, _ in known if name in _CLASSIC_LENGTH), None)
    end_at = next((i for i, name, _ in known if name in _CLASSIC_END and (length_at is None or i > length_at)), None)
    meta_end = length_at if length_at is not None else next((i for i, n, _ in known if n in _CLASSIC_FIELDS and n not in _CLASSIC_END), None)
    fields: dict[str, Any] = {}
    head_end = min((i for i, _, _ in known), default=len(lines))
    fields.update(_classic_header(lines[:head_end], per_paragraph))
    # Labelled values run on over continuation lines up to a blank line or the next label.
    for i, name, value in known:
        key = _CLASSIC_FIELDS.get(name)
        if key is None or key in fields:
            continue
        more = []
        for line in lines[i + 1 :]:
            if not line.strip() or _CLASSIC_LABEL.match(line):
                break
            more.append(line.strip())
        fields[key] = " ".join([value.strip(), *more]).strip()
    body_start = (meta_end + 1) if meta_end is not None else head_end
    # DATELINE/HIGHLIGHT right after LENGTH are metadata, not the first paragraph.
    while body_start < len(lines):
        match = _CLASSIC_LABEL.match(lines[body_start])
        if lines[body_start].strip() and not (match and match.group(1) in _CLASSIC_HEAD):
            break
        if match:  # skip the label and its continuation lines
            body_start += 1
            while body_start < len(lines) and lines[body_start].strip() and not _CLASSIC_LABEL.match(lines[body_start]):
                body_start += 1
            continue
        body_start += 1
    body_end = end_at if end_at is not None else len(lines)
    body_lines = lines[body_start:body_end] if body_start < body_end else []
    body = paragraphs(body_lines) if per_paragraph else wrapped(body_lines)
    return Parsed(number=number, fields=_finish(fields), body=body, complete=end_at is not None,
                  empty_detail="no text after the LENGTH line")


def _classic_header(lines: Sequence[str], per_paragraph: bool) -> dict[str, Any]:
    """Read outlet, date, edition and headline from the lines before the first label."""
    kept = [line for line in lines if line.strip() and not _COPYRIGHT.match(line) and "All Rights Reserved" not in line]
    fields: dict[str, Any] = {}
    if not kept:
        return fields
    fields["outlet"] = kept[0].strip()
    rest = kept[1:]
    date_at = next((i for i, line in enumerate(rest[:3]) if looks_like_date(line)), None)
    if date_at is not None:
        date, edition = date_and_rest(rest[date_at])
        fields["date"] = date
        if edition:
            fields["edition"] = edition
        rest = rest[date_at + 1 :]
    # An edition is centred like the outlet and the date (TXT), or says "Edition" (RTF loses the centring).
    while rest and (_EDITION.search(rest[0]) or (not per_paragraph and _indent(rest[0]) >= 10 and len(rest) > 1)):
        fields.setdefault("edition", rest[0].strip())
        rest = rest[1:]
    if rest:
        fields["title"] = " ".join(line.strip() for line in rest)
    return fields


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def parse_uni(lines: Sequence[str]) -> tuple[list[Parsed], Announced]:
    """Cut the Nexis Uni layout at its "End of Document" lines; return the articles and the cover's count."""
    total = None
    for line in lines:
        count = _UNI_COUNT.match(line)
        if count:
            total = int(count.group(1))
            break
    articles = []
    start = 0
    position = 0
    for i, line in enumerate(lines):
        if UNI_END.match(line):
            position += 1
            articles.append(_uni_article(position, lines[start:i], first=position == 1, complete=True))
            start = i + 1
    if any(line.strip() for line in lines[start:]):
        position += 1
        articles.append(_uni_article(position, lines[start:], first=position == 1, complete=False))
    source = "the cover page's 'Documents (N)'"
    return articles, Announced(total=total, source=source, per_file=total is not None)


def _uni_article(position: int, lines: Sequence[str], *, first: bool, complete: bool) -> Parsed:
    """Read one Nexis Uni article: title, outlet, date, labelled lines, Body, text, classification."""
    body_at = next((i for i, line in enumerate(lines) if _UNI_BODY.match(line)), None)
    head_end = body_at if body_at is not None else len(lines)
    label_at = [(i, m.group(1), m.group(2)) for i, m in ((i, _UNI_LABEL.match(line)) for i, line in enumerate(lines[:head_end])) if m]
    labelled = [(i, name, value) for i, name, value in label_at if name in _UNI_FIELDS]
    first_label = min((i for i, _, _ in labelled), default=head_end)
    head = list(lines[:first_label])
    if first:  # drop the cover page: everything up to its last cover line
        cover = [i for i, line in enumerate(head) if _UNI_COVER.match(line) or "\t" in line]
        head = head[cover[-1] + 1 :] if cover else head
    kept = [line.strip() for line in head if line.strip() and not _COPYRIGHT.match(line)]
    fields: dict[str, Any] = {}
    if kept:
        fields["title"] = kept[0]
    if len(kept) > 1:
        fields["outlet"] = kept[1]
    if len(kept) > 2:
        date, rest = date_and_rest(kept[2])
        if date is not None:
            fields["date"] = date
            if rest:  # "January 11, 2018 Thursday, Late Edition - Final"
                fields["edition"] = rest
    for _, name, value in labelled:
        fields.setdefault(_UNI_FIELDS[name], value.strip())
    body: list[str] = []
    related: list[str] | None = None  # the titles listed under "Related Articles" (NYT) are not the text
    tail_at = len(lines)
    if body_at is not None:
        for k in range(body_at + 1, len(lines)):
            if _UNI_BODY_END.match(lines[k]):
                tail_at = k
                break
            if related is None and _UNI_RELATED.match(lines[k]):
                related = []
            elif related is not None:
                related += [lines[k].strip()] if lines[k].strip() else []
            else:
                body.append(lines[k])
    if related:
        fields["related_articles"] = "; ".join(related)
    for line in lines[tail_at:]:  # the classification block: language and URL are worth keeping
        match = _UNI_LABEL.match(line)
        if match and _UNI_FIELDS.get(match.group(1)) in ("language", "url"):
            fields.setdefault(_UNI_FIELDS[match.group(1)], match.group(2).strip())
    detail = "no Body section (a graphic or a list?)" if body_at is None else "nothing after the Body line"
    return Parsed(number=None, fields=_finish(fields), body=paragraphs(body), complete=complete, empty_detail=detail)


def _finish(fields: dict[str, Any]) -> dict[str, Any]:
    """Turn raw header values into the record's fields: parsed date, word count, no helper keys."""
    out = dict(fields)
    if isinstance(out.get("date"), str):
        out["date"] = vendor_date(out["date"])
    length = out.pop("length", None)
    if length is not None:
        out["word_count"] = word_count(length)
    out.pop("dateline", None)
    out.pop("highlight", None)
    out.pop("load_date", None)
    if isinstance(out.get("language"), str):
        out["language"] = out["language"].strip().rstrip(";").strip()
    return out
