"""What every vendor reader shares: the record it yields, reading a file, vendor dates and counts, and
the accounting that names every article an export announces but does not hold."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, Iterator, Sequence

from toolkit.corpus.dates import parse_date
from toolkit.corpus.decoding import Unreadable, decode_bytes
from toolkit.corpus.loadlog import LoadLog
from toolkit.corpus.vendors.rtf import is_rtf, rtf_text

#: An export file larger than this is not read at all (a vendor download holds 100 to 500 articles).
MAX_FILE_BYTES = 256 * 1024 * 1024
#: Month and weekday names of German and French exports, to English, so that `parse_date` reads them.
_MONTHS = {
    "januar": "January", "jänner": "January", "februar": "February", "märz": "March", "maerz": "March",
    "april": "April", "mai": "May", "juni": "June", "juli": "July", "august": "August",
    "september": "September", "oktober": "October", "november": "November", "dezember": "December",
    "janvier": "January", "février": "February", "fevrier": "February", "mars": "March", "avril": "April",
    "juin": "June", "juillet": "July", "août": "August", "aout": "August", "septembre": "September",
    "octobre": "October", "novembre": "November", "décembre": "December", "decembre": "December",
}
_WEEKDAYS = frozenset({
    "montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag", "sonnabend",
    "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
})
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
# "2018 年 10 月 7 日": year, month, day in Chinese/Japanese exports.
_CJK_DATE = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
# "355 words", "1,234 words", "1.234 Wörter", "812 mots", "Length: 355 words".
_COUNT = re.compile(r"(\d{1,3}(?:[.,\u00a0 ]\d{3})+|\d+)\s*(?:words?|wörter|wort|mots?|palabras|parole)\b", re.I)


@dataclass
class VendorRecord:
    """One article of an export, in the shape of `toolkit.corpus.formats.Record`.

    `key` is "<file stem>#<n>" (n: the vendor's number of the article, else its position in the file);
    `text` is the body only; `fields` hold title, date, outlet, author, section, word_count, url,
    accession, language where the export gives them; `location` is "article n of m" (or "article n").
    """

    key: str
    text: str
    source_path: str
    fields: dict[str, Any] = field(default_factory=dict)
    location: str = ""


@dataclass
class Parsed:
    """One article as a vendor parser cut it out of its file, before the accounting."""

    #: The vendor's number of the article ("7 of 100"), or None when the vendor does not number them.
    number: int | None
    fields: dict[str, Any]
    body: str
    #: False when the file ends inside this article (no end marker): the article is cut off.
    complete: bool = True
    #: Why the body is empty, when it is ("no Body section", "abstract only").
    empty_detail: str = ""


@dataclass(frozen=True)
class Announced:
    """What an export says it holds: of how many articles it is part, and which of them this file has."""

    #: "M" of "N of M", or a cover page's count; None when the export states none.
    total: int | None = None
    #: A stated range of this download ("Selected Items: 1-10"); None when not stated.
    first: int | None = None
    last: int | None = None
    #: Where the count comes from, for the log ("the 'N of M DOCUMENTS' lines").
    source: str = ""
    #: True when the count is of this file alone (a cover page, ProQuest's "Document N of M").
    per_file: bool = False


def read_export(path: Path, max_file_bytes: int, log: LoadLog) -> bytes | None:
    """Return a whole export file's bytes, or None after counting it read and logging why not."""
    try:
        size = os.path.getsize(path)
        if size > max_file_bytes:
            log.read += 1
            log.add("skipped", "too_large", path, detail=f"{size} bytes > export limit {max_file_bytes}")
            return None
        with open(path, "rb") as handle:
            return handle.read()
    except OSError as exc:
        log.read += 1
        log.add("skipped", "unreadable", path, detail=f"{type(exc).__name__}: {exc}")
        return None


def decode_export(path: Path, data: bytes, encoding: str | None, log: LoadLog) -> str | None:
    """Decode an export's bytes as the loader decodes any file; None after counting and logging a failure."""
    try:
        decoded = decode_bytes(data, encoding)
    except Unreadable as exc:
        log.read += 1
        log.add("skipped", exc.reason, path, detail=exc.detail)
        return None
    for action, reason, detail in decoded.events:
        log.add(action, reason, path, "", detail)
    return decoded.text


def export_text(path: Path, data: bytes, encoding: str | None, log: LoadLog) -> str | None:
    """Return an export's text: RTF converted, anything else decoded with its line ends made "\n"; None
    after counting and logging a decoding failure."""
    if is_rtf(data):
        return rtf_text(data)
    text = decode_export(path, data, encoding, log)
    return None if text is None else text.replace("\r\n", "\n").replace("\r", "\n")


def vendor_date(value: str | None) -> datetime | str | None:
    """Parse a vendor's date line ("July 1, 2019 Monday 9:20 AM GMT", "11. Januar 2010 Montag").

    Returns the datetime, or the value unchanged when it is no date (the loader notes it), or None.
    """
    if value is None or not value.strip():
        return None
    parsed, _ = date_and_rest(value)
    return parsed if parsed is not None else value.strip()


def date_and_rest(value: str) -> tuple[datetime | None, str]:
    """Return the date at the start of a date line and what follows it ("Late Edition - Final"), or (None, value).

    The whole line is tried first, then ever shorter prefixes of it (a prefix must be a full date), each as
    written and with German/French month names in English.
    """
    value = _CJK_DATE.sub(lambda m: f"{m.group(1)}-{m.group(2)}-{m.group(3)}", value.strip())
    words = value.split()
    for cut in range(len(words), 0, -1):
        candidate = " ".join(words[:cut]).rstrip(",;-")
        parsed = parse_date(candidate)
        if parsed is None:
            parsed = parse_date(english_months(candidate))
        if parsed is not None:
            return parsed, " ".join(words[cut:]).strip(" ,;-")
    return None, value


def looks_like_date(line: str) -> bool:
    """Return True when a metadata line is a date: it has a month name or digits and parses."""
    stripped = line.strip()
    if not stripped or len(stripped) > 80 or not re.search(r"\d", stripped):
        return False
    return date_and_rest(stripped)[0] is not None


def english_months(value: str) -> str:
    """Return a date string with German/French month names in English and weekday names dropped."""

    def swap(match: re.Match[str]) -> str:
        word = match.group()
        low = word.lower()
        if low in _WEEKDAYS:
            return ""
        return _MONTHS.get(low, word)

    return re.sub(r"\s+", " ", _WORD.sub(swap, value.replace(". ", " "))).strip(" ,")


def word_count(value: str | None) -> int | None:
    """Return the number of words a vendor states ("355 words", "1.234 Wörter"), or None."""
    if not value:
        return None
    match = _COUNT.search(value)
    if match is None:
        return None
    return int(re.sub(r"\D", "", match.group(1)))


def paragraphs(lines: Sequence[str]) -> str:
    """Join lines that are each one paragraph (DOCX, RTF, HTML) into a body, a blank line between them."""
    return "\n\n".join(line.strip() for line in lines if line.strip())


def wrapped(lines: Sequence[str]) -> str:
    """Join hard-wrapped text lines (old TXT exports) as they are, without blank lines at either end."""
    kept = [line.rstrip() for line in lines]
    while kept and not kept[0].strip():
        kept.pop(0)
    while kept and not kept[-1].strip():
        kept.pop()
    return re.sub(r"\n{3,}", "\n\n", "\n".join(kept))


def location(number: int, total: int | None) -> str:
    """Return the load-log location of an article: "article 7 of 100" or "article 7"."""
    return f"article {number} of {total}" if total else f"article {number}"


def emit(
    path: Path,
    articles: Sequence[Parsed],
    announced: Announced,
    log: LoadLog,
    max_bytes: int,
) -> Iterator[VendorRecord]:
    """Count every article read, yield those with a body, and log the rest and every announced one absent.

    Each article read adds one to `log.read`; an empty, cut-off or too-large one is one `skipped` event;
    each number the export announces but the file lacks is read and skipped (`missing_article`).
    """
    numbers = [a.number if a.number is not None else i for i, a in enumerate(articles, 1)]
    for number, article in zip(numbers, articles):
        log.read += 1
        where = location(number, announced.total)
        if not article.complete:
            log.add("skipped", "truncated", path, where, "the file ends inside this article: its text is cut off")
            continue
        if not article.body.strip():
            log.add("skipped", "empty", path, where, article.empty_detail or "the article has no body text")
            continue
        size = len(article.body.encode("utf-8"))
        if size > max_bytes:
            log.add("skipped", "too_large", path, where, f"article body of {size} bytes > limit {max_bytes}")
            continue
        fields = {k: v for k, v in article.fields.items() if v is not None and v != ""}
        yield VendorRecord(key=f"{path.stem}#{number}", text=article.body, source_path=str(path), fields=fields, location=where)
    cut = bool(articles) and not articles[-1].complete
    for number, why in missing_numbers(numbers, announced, cut):
        log.read += 1
        log.add("skipped", "missing_article", path, location(number, announced.total), why)
    note = not_in_file(numbers, announced, cut)
    if note:
        log.add("note", "not_in_file", path, detail=note)


def _last_expected(announced: Announced) -> int | None:
    """The last number this file should hold: the stated range's end, else the total when it counts this file.

    "N of M" without a stated range says nothing of where this download ends: the numbers after the
    last one read may be in the next download, so they are noted (`not_in_file`), not counted missing.
    """
    if announced.last is not None:
        return announced.last
    if announced.total is not None and announced.per_file:
        return announced.total
    return None


def missing_numbers(numbers: Sequence[int], announced: Announced, cut: bool) -> list[tuple[int, str]]:
    """Return (number, why) for each article the file should hold and does not.

    Gaps between the numbers read are missing; so are numbers before the first and after the last
    when the stated range, the file's own count, or a cut-off file says they belong here.
    """
    seen = set(numbers)
    first = announced.first if announced.first is not None else (1 if announced.per_file else min(numbers, default=1))
    last = _last_expected(announced)
    high = max(numbers, default=0)
    end = max(high, last or 0)
    stated = f"{announced.total} announced by {announced.source}" if announced.total else announced.source
    out = []
    for number in range(first, end + 1):
        if number in seen:
            continue
        if number < high:
            later = min(n for n in seen if n > number)
            earlier = max((n for n in seen if n < number), default=None)
            between = f"between articles {earlier} and {later}" if earlier is not None else f"before article {later}"
            out.append((number, f"absent from the file {between} ({stated})"))
        elif cut:
            out.append((number, f"the file is cut off inside article {high}: this article and the rest are lost ({stated})"))
        else:
            out.append((number, f"the file ends after article {high} without it ({stated})"))
    return out


def not_in_file(numbers: Sequence[int], announced: Announced, cut: bool) -> str:
    """Say which announced articles are outside this file's known range (in another download?), or ""."""
    if announced.total is None or announced.per_file or announced.first is not None:
        return ""
    parts = []
    low = min(numbers, default=None)
    if low is not None and low > 1:
        parts.append(f"1-{low - 1}")
    high = max(numbers, default=0)
    if high < announced.total:
        parts.append(f"{high + 1}-{announced.total}")
    if not parts:
        return ""
    where = "in other downloads, or lost where this file is cut off" if cut else "in other downloads: look for the other files"
    return f"articles {' and '.join(parts)} of the {announced.total} announced by {announced.source} are not in this file ({where})"
