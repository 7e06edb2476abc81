"""Tell a vendor export from other files by its content: the first few KB, not only the extension.

A Nexis Uni DOCX and a Word file of notes are both `.docx`; a ProQuest download and a scraped article
are both `.txt`; a Factiva page and any web page are both `.html`. `sniff` reads the head of a file
(of a DOCX, the head of its `word/document.xml`) and looks for each vendor's markers.
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

from toolkit.corpus.decoding import Unreadable, decode_bytes
from toolkit.corpus.vendors.factiva import ARTICLE_END as FACTIVA_END
from toolkit.corpus.vendors.nexis import CLASSIC_SEPARATOR, UNI_END
from toolkit.corpus.vendors.proquest import NUMBER as PROQUEST_NUMBER
from toolkit.corpus.vendors.proquest import SEPARATOR as PROQUEST_SEPARATOR
from toolkit.corpus.vendors.rtf import is_rtf, rtf_text

#: How much of a file (of a DOCX: four times this of its document XML) is looked at.
SNIFF_BYTES = 64 * 1024
#: How much of an RTF file is converted to look at: Word writes long style and theme tables first.
RTF_SNIFF_BYTES = 1024 * 1024
#: How much of an HTML page is searched for Factiva's article markup.
HTML_SNIFF_BYTES = 1024 * 1024
#: Format names: the vendor, then the container ("nexis-docx"); each maps to its vendor's reader.
FORMATS: tuple[str, ...] = (
    "nexis-docx", "nexis-rtf", "nexis-txt", "factiva-rtf", "factiva-html", "factiva-txt", "proquest-txt",
)
#: File suffixes that may hold a vendor export, by container.
CONTAINERS: dict[str, str] = {".docx": "docx", ".rtf": "rtf", ".txt": "txt", ".text": "txt", ".html": "html", ".htm": "html"}

_UNI_COVER = re.compile(r"^\s*(?:Job Number|Auftragsnummer)\s*:", re.M)
_UNI_COUNT = re.compile(r"^\s*(?:Documents|Dokumente)\s*\(\d+\)\s*$", re.M)
_UNI_BODY = re.compile(r"^\s*(?:Body|Text)\s*$", re.M)
_UNI_LENGTH = re.compile(r"^\s*(?:Length|Länge|Longueur):", re.M)
_PROQUEST_HEAD = re.compile(r"ProQuest|^(?:Full text|Publication title|ProQuest document ID):", re.M)
_FACTIVA_CODES = re.compile(r"^\s*(?:HD|PD|SN|TD|LP)\s*(?:[\t|]|$)", re.M)
_FACTIVA_WORDS = re.compile(r"^\s*\d[\d.,]*\s+(?:words|Wörter|mots)\s*$", re.M)
# Factiva's article markup: <div class="article enArticle">, <span class="deHeadline">, <p class="articleParagraph ...">.
_FACTIVA_HTML = re.compile(r"class=[\"']article [a-z]{2}Article[\"']|class=[\"']articleParagraph [a-z]{2}articleParagraph")
_XML_PARAGRAPH_END = re.compile(r"</w:p>|<w:br/>|<w:cr/>")
_XML_TAG = re.compile(r"<[^>]+>")


@dataclass(frozen=True)
class Sniffed:
    """A file's vendor format (one of `FORMATS`), or None with the reason it is not one."""

    format: str | None
    reason: str = ""


def sniff(path: Path) -> Sniffed:
    """Return the vendor format of a file from its first bytes; never raises.

    Reads at most `SNIFF_BYTES` (of a DOCX: of `word/document.xml`, decompressed). A `.docx` that is
    no Nexis export comes back with `format=None` and the reason, for the load log.
    """
    path = Path(path)
    try:
        with open(path, "rb") as handle:
            head = handle.read(SNIFF_BYTES)
    except OSError as exc:
        return Sniffed(None, f"unreadable: {type(exc).__name__}: {exc}")
    if head[:4] == b"PK\x03\x04":
        return _sniff_docx(path)
    if is_rtf(head):
        vendor = vendor_of_text(rtf_text(_head(path, RTF_SNIFF_BYTES)))
        return Sniffed(f"{vendor}-rtf") if vendor in ("nexis", "factiva") else Sniffed(None, "an RTF file without the markers of a Nexis or Factiva export")
    try:  # the loader's decoding: BOMs, UTF-16, cp1252 repairs
        text = decode_bytes(head).text
    except Unreadable as exc:
        return Sniffed(None, f"not text ({exc.reason}: {exc.detail})")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "<" in text[:2048] and re.search(r"<(?:html|body|div|!doctype)", text[:4096], re.I):
        # A saved Factiva page has scripts and styles first: its articles may start after 200 KB.
        page = _head(path, HTML_SNIFF_BYTES).decode("utf-8", errors="replace")
        if _FACTIVA_HTML.search(page) or vendor_of_text(_strip_tags(page)) == "factiva":
            return Sniffed("factiva-html")
        return Sniffed(None, "an HTML page without the markers of a Factiva export")
    vendor = vendor_of_text(text)
    if vendor is None:
        return Sniffed(None, "no vendor export markers in its first lines")
    return Sniffed(f"{vendor}-txt")


def _head(path: Path, size: int) -> bytes:
    try:
        with open(path, "rb") as handle:
            return handle.read(size)
    except OSError:
        return b""


def _sniff_docx(path: Path) -> Sniffed:
    """Return the format of a zip file: a Nexis DOCX, or None (a Word file of notes, a spreadsheet)."""
    try:
        with zipfile.ZipFile(path) as archive:
            if "word/document.xml" not in archive.namelist():
                return Sniffed(None, "a zip file that is no Word document")
            with archive.open("word/document.xml") as member:
                xml = member.read(SNIFF_BYTES * 4).decode("utf-8", errors="replace")
    except (zipfile.BadZipFile, OSError, EOFError, RuntimeError) as exc:
        return Sniffed(None, f"an unreadable DOCX/zip file ({type(exc).__name__}: {exc}); a download cut short?")
    text = _XML_TAG.sub("", _XML_PARAGRAPH_END.sub("\n", xml))
    if vendor_of_text(text) == "nexis":
        return Sniffed("nexis-docx")
    return Sniffed(None, "a Word document without the markers of a Nexis export (no 'End of Document', no cover page): not read")


def _strip_tags(html: str) -> str:
    text = re.sub(r"<(?:/p|/div|br|/tr|/h\d|/li|/td)\b[^>]*>", "\n", html, flags=re.I)
    return re.sub(r"&nbsp;", " ", _XML_TAG.sub("", text))


def _holds(text: str, words: tuple[str, ...]) -> bool:
    """True when `text` contains one of `words` (a marker's necessary words: without one it cannot match)."""
    return any(word in text for word in words)


def vendor_of_text(text: str) -> str | None:
    """Return "nexis", "proquest" or "factiva" when a text's first lines carry that vendor's markers, else None."""
    # Most files are plain articles: a marker pattern runs only when the text holds a word that every match of
    # it holds (`in`, C speed), not over every line. A guard may pass wrongly, never fail wrongly, so the answer
    # is the one without guards (tests/corpus/test_vendors.py).
    low = text.lower()
    # every separator, "Document N of M", "End of Document" (re.I: only ASCII letters fold onto these)
    documents = "document" in low or "dokument" in low
    lines = text.split("\n")
    if documents and any(CLASSIC_SEPARATOR.match(line) for line in lines):
        return "nexis"
    if "_" * 20 in text and any(PROQUEST_SEPARATOR.match(line) for line in lines) and (
        (documents and any(PROQUEST_NUMBER.match(line) for line in lines))
        or (_holds(text, ("ProQuest", "Full text", "Publication title")) and _PROQUEST_HEAD.search(text))
    ):
        return "proquest"
    if any(FACTIVA_END.match(line) for line in lines) or (
        (_holds(text, ("HD", "PD", "SN", "TD", "LP")) and len(_FACTIVA_CODES.findall(text)) >= 3)
        or (_holds(text, ("words", "Wörter", "mots")) and _FACTIVA_WORDS.search(text)
            and re.search(r"Dow Jones|Factiva", text, re.I))
    ):
        return "factiva"
    if (documents and any(UNI_END.match(line) for line in lines)) or (
        _holds(text, ("Job Number", "Auftragsnummer")) and _UNI_COVER.search(text) and _UNI_COUNT.search(text)
    ):
        return "nexis"
    if _holds(text, ("Body", "Text")) and _UNI_BODY.search(text) and _holds(text, ("Length", "Länge", "Longueur")) \
            and _UNI_LENGTH.search(text):
        return "nexis"
    return None
