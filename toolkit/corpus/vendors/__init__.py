"""Vendor exports: what researchers download from news databases, split into one record per article.

Readers for Nexis Uni / LexisNexis (`nexis`: DOCX, RTF, TXT, with "N of M DOCUMENTS", "Dokument N von
M", "Document N de M" or "End of Document" layouts), Factiva (`factiva`: RTF, HTML or text "Article
Format", with or without field codes) and ProQuest (`proquest`: TXT), and `detect`, which tells their
formats from the content of a file. Each reader is a generator

    read_<vendor>(path, *, log, max_bytes, encoding=None) -> Iterator[VendorRecord]

yielding records in the shape of `toolkit.corpus.formats.Record` (key "<stem>#<n>", body-only `text`,
`source_path`, `fields` title/date/outlet/author/section/word_count/url/accession/language, `location`
"article n of m"). Every article a file announces is accounted for in the `LoadLog`: each one read
adds to `log.read`; an empty, cut-off or too-large one, and each announced one the file lacks
(`missing_article`), is one `skipped` event; the caller counts what it loads.

This sub-component imports only the standard library, third-party packages (python-docx, striprtf)
and `toolkit.corpus.loadlog`, `toolkit.corpus.decoding` and `toolkit.corpus.dates`; never the
loaders or formats modules, so that they can import it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Iterator

from toolkit.corpus.loadlog import LoadLog
from toolkit.corpus.vendors.common import MAX_FILE_BYTES, VendorRecord
from toolkit.corpus.vendors.detect import CONTAINERS, FORMATS, Sniffed, sniff
from toolkit.corpus.vendors.factiva import read_factiva
from toolkit.corpus.vendors.nexis import read_nexis
from toolkit.corpus.vendors.proquest import read_proquest

_READERS = {"nexis": read_nexis, "factiva": read_factiva, "proquest": read_proquest}


def read_vendor(
    path: Path,
    fmt: str,
    *,
    log: LoadLog,
    max_bytes: int,
    encoding: str | None = None,
    max_file_bytes: int = MAX_FILE_BYTES,
) -> Iterator[VendorRecord]:
    """Yield the articles of a vendor export in format `fmt` (one of `FORMATS`, e.g. "nexis-docx").

    The container part of the name is informative: each reader recognises DOCX, RTF, HTML and text
    from the bytes. Raises ValueError for a name not in `FORMATS`.
    """
    if fmt not in FORMATS:
        raise ValueError(f"unknown vendor format {fmt!r}; known: {', '.join(FORMATS)}")
    reader = _READERS[fmt.split("-", 1)[0]]
    return reader(Path(path), log=log, max_bytes=max_bytes, encoding=encoding, max_file_bytes=max_file_bytes)


def read_unrecognised(path: Path, *, log: LoadLog, **_options: object) -> Iterator[VendorRecord]:
    """Count a file that only a vendor reader could read (a .docx, an .rtf) and that is no export as read
    and skipped (`not_an_export`), with the reason `sniff` gives; yield nothing."""
    log.read += 1
    log.add("skipped", "not_an_export", path, detail=sniff(Path(path)).reason)
    yield from ()


__all__ = [
    "CONTAINERS", "FORMATS", "MAX_FILE_BYTES", "Sniffed", "VendorRecord", "read_factiva", "read_nexis", "read_proquest",
    "read_unrecognised", "read_vendor", "sniff",
]
