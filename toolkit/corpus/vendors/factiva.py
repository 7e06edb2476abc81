"""Factiva exports ("Article Format", RTF or HTML, or such a file saved as text): one record per article.

Each article ends with a line "Document <accession number>" ("Dokument ...", "文件 ..." in other interface
languages). Two layouts:

* with "Full Article/Report plus Indexing", each field follows its code on a line of its own or in the
  cell beside it: HD headline, BY byline, WC word count, PD date, ET time, SN source name, SC source
  code, SE section, LA language, LP lead paragraph, TD text, AN accession number, and indexing codes
  (CO, IN, NS, RE, IPD, PUB, ...) that are not the article's text;
* without it, the header lines are [section,] headline, [byline, credit,] "512 words", the date, [a
  time,] the source name, the source code, [edition, page, ...,] the language and the copyright line;
  the body follows, then the publisher's name. In HTML the headline (`div id="hd"`), the author
  (`div class="author"`) and the body paragraphs (`p class="articleParagraph ..."`) are marked, so the
  publisher's line and the credit line stay out of the text whatever the interface language.

The body is LP then TD (or the article paragraphs). A "Search Summary" at the end of the file gives
"Results Found", the size of the search: a download holds at most 100 articles, so a summary of up to
100 results is this file's count and every article it lacks is logged; a larger one is noted.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any, Iterator, Sequence

from toolkit.corpus.loadlog import LoadLog
from toolkit.corpus.vendors.common import (
    MAX_FILE_BYTES,
    Announced,
    Parsed,
    VendorRecord,
    emit,
    export_text,
    looks_like_date,
    paragraphs,
    read_export,
    vendor_date,
)
from toolkit.corpus.vendors.rtf import is_rtf

#: The line that ends each article: "Document IINM000020171113edbd0000d" (after "AN" in a table row), in any
#: interface language ("Dokument ...", "文件 ..."): a known word and an accession number, or any short word
#: and a number of Factiva's shape (8 letters/digits, the date, 9 letters/digits).
ARTICLE_END = re.compile(
    r"^\s*(?:AN[\t|]+\s*)?(?:(?:Document|Dokument|Documento|Documenten)\s+([A-Za-z0-9]{12,40})"
    r"|\S{1,20}\s+([A-Z0-9]{8}\d{8}[a-z0-9]{9}))\s*$"
)
#: Most articles one Factiva download holds.
MAX_PER_DOWNLOAD = 100
#: Field codes of the indexed layout; a code stands alone on its line or before a tab/cell.
CODES = frozenset({
    "HD", "BY", "WC", "PD", "ET", "SN", "SC", "SE", "ED", "PG", "VOL", "LA", "CY", "LP", "TD", "CT", "RF",
    "CO", "IN", "NS", "RE", "IPC", "IPD", "PUB", "AN", "CLM", "ART", "CR", "CX", "DLN", "RST",
})
_CODE_LINE = re.compile(r"^\s*([A-Z]{2,3})\s*(?:[\t|]+\s*(.*?)\s*)?$")
_WORDS_LINE = re.compile(r"^\s*\d[\d.,\u00a0]*\s*(?:words|Wörter|Wort|mots|palabras|parole|woorden|ord|字|語|단어|слов[а]?)\s*$", re.I)
_BYLINE = re.compile(r"^\s*(?:By|Von|Par|Por|Door|Di)\s+(.+)$", re.I)
_TIME = re.compile(r"^\s*\d{1,2}[:.]\d{2}(?:\s*(?:[AP]M|GMT|ET|EST|EDT|CET|CEST|UTC))?\s*$", re.I)
_COPYRIGHT = re.compile(r"^\s*(?:\(c\)|©|Copyright\b)", re.I)
_LANGUAGES = frozenset({
    "english", "german", "deutsch", "french", "français", "francais", "spanish", "español", "espanol", "italian",
    "italiano", "dutch", "nederlands", "portuguese", "português", "russian", "chinese", "japanese", "swedish",
    "danish", "norwegian", "finnish", "polish", "turkish", "arabic", "korean",
})
_SUMMARY = re.compile(r"^\s*(?:Search Summary|Suchzusammenfassung)\s*$", re.I)
_RESULTS = re.compile(r"^\s*(?:Results Found|Gefundene Ergebnisse)\s*[\t|:]*\s*([\d.,]*)\s*$", re.I)


def read_factiva(
    path: Path,
    *,
    log: LoadLog,
    max_bytes: int,
    encoding: str | None = None,
    max_file_bytes: int = MAX_FILE_BYTES,
) -> Iterator[VendorRecord]:
    """Yield the articles of a Factiva export (.rtf, .html or text), logging every one not read."""
    path = Path(path)
    data = read_export(path, max_file_bytes, log)
    if data is None:
        return
    text = export_text(path, data, encoding, log)
    if text is None:
        return
    lines = html_lines(text) if not is_rtf(data) and _is_html(text) else text.split("\n")
    articles, announced = parse_lines(lines)
    if not articles and announced.total is None:
        log.read += 1
        log.add("skipped", "unknown_layout", path, detail="no 'Document <accession number>' line: not a Factiva export")
        return
    yield from emit(path, articles, announced, log, max_bytes)


def _is_html(text: str) -> bool:
    head = text[:4096].lstrip().lower()
    return head.startswith(("<!doctype html", "<html")) or "<body" in head or "<div" in head


#: Starts a line whose role the HTML marks: MARK + "T" headline, "A" author, "P" article paragraph.
MARK = "\x1e"


class _Lines(HTMLParser):
    """Collects the text of an HTML page as lines: block elements end a line, table cells a tab.

    Factiva marks the parts of an article: `div id="hd"` (headline), `div class="author"`,
    `p class="articleParagraph ..."`; their lines start with `MARK` and a role letter. When the page
    marks its articles (class "article ..."), only the text inside them is kept, so that a list of
    headlines above them is not read as a first article's header.
    """

    _BLOCKS = frozenset({"p", "div", "br", "tr", "li", "h1", "h2", "h3", "h4", "h5", "h6", "table", "title", "hr"})
    _SKIP = frozenset({"script", "style", "head"})

    def __init__(self, only_articles: bool) -> None:
        super().__init__(convert_charrefs=True)
        self.only_articles = only_articles
        self.parts: list[str] = []
        self.skip = 0
        self.divs: list[bool] = []  # for each open div: does it open an article?

    def _inside(self) -> bool:
        return not self.only_articles or any(self.divs)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        """Open a line (with its role, if marked) or a cell; note whether a div opens an article."""
        if tag in self._SKIP:
            self.skip += 1
        named = dict(attrs)
        classes = (named.get("class") or "").split()
        if tag == "div":
            self.divs.append("article" in classes)
        if not self._inside():
            return
        if tag in self._BLOCKS:
            self.parts.append("\n" + _role(tag, named.get("id"), classes))
        elif tag in ("td", "th"):
            self.parts.append("\t")

    def handle_endtag(self, tag: str) -> None:
        """Close a line; leave a div."""
        if tag in self._SKIP and self.skip:
            self.skip -= 1
        if tag in self._BLOCKS and self._inside():
            self.parts.append("\n")
        if tag == "div" and self.divs:
            self.divs.pop()

    def handle_data(self, data: str) -> None:
        """Keep text, its runs of whitespace as one space."""
        if not self.skip and self._inside():
            self.parts.append(re.sub(r"\s+", " ", data))


def _role(tag: str, element_id: str | None, classes: list[str]) -> str:
    """Return MARK + role letter for the marked parts of a Factiva article, else ""."""
    if tag == "div" and element_id == "hd":
        return MARK + "T"
    if tag == "div" and "author" in classes:
        return MARK + "A"
    if tag == "p" and any(c.endswith("articleParagraph") for c in classes):
        return MARK + "P"
    return ""


def html_lines(text: str) -> list[str]:
    """Return the lines of a Factiva HTML export's text (see `_Lines`), without empty marked lines."""
    only_articles = re.search(r"class=[\"'](?:[^\"']*\s)?article[\s\"']", text) is not None
    parser = _Lines(only_articles)
    parser.feed(text)
    parser.close()
    lines = [re.sub(r"[ \t]*\t[ \t]*", "\t", line).strip(" ") for line in "".join(parser.parts).split("\n")]
    return [line for line in lines if line.strip() and line.strip() not in (MARK + "T", MARK + "A", MARK + "P")]


def parse_lines(lines: Sequence[str]) -> tuple[list[Parsed], Announced]:
    """Cut a Factiva export's lines into articles at "Document <AN>" lines; read the search summary."""
    lines, results = _summary(lines)
    articles: list[Parsed] = []
    start = 0
    for i, line in enumerate(lines):
        end = ARTICLE_END.match(_unmarked(line))
        if end:
            articles.append(_article(lines[start:i], end.group(1) or end.group(2), complete=True))
            start = i + 1
    rest = [_unmarked(line) for line in lines[start:] if line.strip()]
    if rest and (_has_codes(rest) or any(_WORDS_LINE.match(line) for line in rest)):
        articles.append(_article(lines[start:], None, complete=False))
    source = "the search summary's 'Results Found'"
    per_file = results is not None and results <= MAX_PER_DOWNLOAD
    return articles, Announced(total=results, source=source, per_file=per_file)


def _summary(lines: Sequence[str]) -> tuple[Sequence[str], int | None]:
    """Split off the "Search Summary" block; return the lines before it and its "Results Found"."""
    at = next((i for i, line in enumerate(lines) if _SUMMARY.match(line)), None)
    if at is None:
        return lines, None
    tail = [line for line in lines[at + 1 :] if line.strip()]
    for k, line in enumerate(tail):
        match = _RESULTS.match(line)
        if match:
            value = match.group(1) or (tail[k + 1] if k + 1 < len(tail) else "")
            digits = re.sub(r"\D", "", value)
            return lines[:at], int(digits) if digits else None
    return lines[:at], None


def _has_codes(lines: Sequence[str]) -> bool:
    codes = {m.group(1) for m in map(_CODE_LINE.match, lines) if m and m.group(1) in CODES}
    return "HD" in codes and bool(codes & {"LP", "TD", "PD", "SN"})


def _article(lines: Sequence[str], accession: str | None, *, complete: bool) -> Parsed:
    """Read one article, in the indexed layout when its lines carry field codes, else from its header."""
    kept = [line for line in lines if line.strip()]
    unmarked = [_unmarked(line) for line in kept]
    if _has_codes(unmarked):
        fields, body = _coded(unmarked)
    else:
        fields, body = _plain(kept)
    if accession:
        fields["accession"] = accession
    fields["date"] = vendor_date(fields.get("date"))
    fields["word_count"] = _count(fields.get("word_count"))
    return Parsed(number=None, fields=fields, body=body, complete=complete, empty_detail="no LP or TD text")


def _unmarked(line: str) -> str:
    return line[2:] if line.startswith(MARK) else line


def _count(value: str | None) -> int | None:
    """Return the number a word-count line starts with ("1.502 Wörter", "8165 字"), or None."""
    match = re.match(r"\s*(\d[\d.,\u00a0]*)", value or "")
    digits = re.sub(r"\D", "", match.group(1)) if match else ""
    return int(digits) if digits else None


_CODE_FIELDS = {"HD": "title", "BY": "author", "WC": "word_count", "PD": "date", "SN": "outlet", "SC": "source_code",
                "SE": "section", "LA": "language"}


def _coded(lines: Sequence[str]) -> tuple[dict[str, Any], str]:
    """Read the indexed layout: each code's value runs to the next code."""
    values: dict[str, list[str]] = {}
    code = None
    for line in lines:
        match = _CODE_LINE.match(line)
        if match and match.group(1) in CODES:
            code = match.group(1)
            values.setdefault(code, [])
            if match.group(2):
                values[code].append(match.group(2))
        elif code is not None:
            values[code].append(line.strip())
    fields: dict[str, Any] = {}
    for code, name in _CODE_FIELDS.items():
        if values.get(code):
            fields[name] = " ".join(v for v in values[code] if v).strip()
    if "author" in fields:
        fields["author"] = _author(fields["author"])
    if values.get("ET") and fields.get("date"):
        fields["date"] = f"{fields['date']} {' '.join(values['ET'])}"
    body = paragraphs([*values.get("LP", []), *values.get("TD", [])])
    return fields, body


def _author(value: str) -> str:
    byline = _BYLINE.match(value)
    return (byline.group(1) if byline else value).strip()


def _plain(lines: Sequence[str]) -> tuple[dict[str, Any], str]:
    """Read the layout without codes: the header lines around the word count, then the body.

    Header: [section,] headline, [byline, credit,] word count, date, [time,] source name, source code,
    [edition, page, ...,] language, copyright. HTML marks headline, author and paragraphs (`MARK`);
    in text the headline is the line before the byline ("By ...") or the word count.
    """
    marked = {line[1] for line in lines if line.startswith(MARK)}
    body_at = next((i for i, line in enumerate(lines) if line.startswith(MARK + "P")), None)
    header = list(lines[:body_at]) if body_at is not None else list(lines)
    fields: dict[str, Any] = {}
    words_at = next((i for i, line in enumerate(header[:12]) if _WORDS_LINE.match(_unmarked(line))), None)
    if words_at is None:
        if body_at is None:
            rest = [_unmarked(line) for line in lines]
            return ({"title": rest[0].strip()} if rest else {}), paragraphs(rest[1:])
        words_at = len(header)
    else:
        fields["word_count"] = _unmarked(header[words_at]).strip()
    before = header[:words_at]
    if "T" in marked:
        title_at = next(i for i, line in enumerate(before + ["\x1eT"]) if line.startswith(MARK + "T"))
        if title_at < len(before):
            fields["title"] = _unmarked(before[title_at]).strip()
            if title_at > 0:
                fields["section"] = _unmarked(before[title_at - 1]).strip()
        authors = [_unmarked(line).strip() for line in before if line.startswith(MARK + "A")]
        if authors:
            fields["author"] = _author(authors[0])
    else:
        by_at = next((i for i, line in enumerate(before) if _BYLINE.match(line)), None)
        head = before[:by_at] if by_at is not None else before
        if by_at is not None:
            fields["author"] = _author(before[by_at])
        elif len(head) >= 3:  # section, headline, author without "By"
            fields["author"] = head.pop().strip()
        if head:
            fields["title"] = head.pop().strip()
        if head:
            fields["section"] = head.pop().strip()
    after = [_unmarked(line).strip() for line in header[words_at + 1 :]]
    _after_count(after, fields)
    if body_at is not None:
        body_lines = [_unmarked(line) for line in lines[body_at:] if line.startswith(MARK + "P")]
    else:
        body_lines = after[_header_end(after) :]
    return fields, paragraphs(body_lines)


def _after_count(after: Sequence[str], fields: dict[str, Any]) -> None:
    """Read date, time, source name, source code and language from the header lines after the word count."""
    k = 0
    if k < len(after) and looks_like_date(after[k]):
        fields["date"] = after[k]
        k += 1
        if k < len(after) and _TIME.match(after[k]):
            fields["date"] += " " + after[k]
            k += 1
    if k < len(after) and not _COPYRIGHT.match(after[k]):
        fields["outlet"] = after[k]
        k += 1
    end = _header_end(after)
    copyright_at = end - 1 if end and _COPYRIGHT.match(after[end - 1]) else None
    if copyright_at is not None and copyright_at - 1 > k:  # the language is the line before the copyright
        fields["language"] = after[copyright_at - 1]
    else:
        language = next((line for line in after[k:end] if line.lower() in _LANGUAGES), None)
        if language:
            fields["language"] = language
    if k < end and after[k] != fields.get("language") and not _COPYRIGHT.match(after[k]):
        fields["source_code"] = after[k]


def _header_end(after: Sequence[str]) -> int:
    """Return where the header ends in the lines after the word count: after the copyright line, else
    after a language line, else after the source name and code (at most eight lines in)."""
    for j, line in enumerate(after[:8]):
        if _COPYRIGHT.match(line):
            return j + 1
    language = next((j for j, line in enumerate(after[:8]) if line.lower() in _LANGUAGES), None)
    if language is not None:
        return language + 1
    return min(len(after), 4)
