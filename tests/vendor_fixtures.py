"""Write vendor export fixtures of our own: Nexis Uni DOCX, LexisNexis TXT/RTF (English, German, French),
Factiva RTF/HTML/TXT and ProQuest TXT, built from the article specs below so that tests can compare
what the readers return with what was written.

Cases covered: several articles per file, an empty body, a missing date, non-English articles, the
same article in two files, files cut off in the middle, articles the export announces but lacks, the
German "Dokument 3 von 50" separator, a Word file of notes that is no export.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

# ----------------------------------------------------------------------------------------------- specs


@dataclass(frozen=True)
class Spec:
    """One article as written into an export, and so as a reader must return it."""

    title: str | None = None
    outlet: str | None = None
    date: datetime | None = None
    author: str | None = None
    section: str | None = None
    word_count: int | None = None
    language: str | None = None
    url: str | None = None
    accession: str | None = None
    paragraphs: tuple[str, ...] = ()
    extra: dict[str, Any] = field(default_factory=dict)

    def fields(self) -> dict[str, Any]:
        """Return the fields a reader yields for this article (None values left out)."""
        names = ("title", "outlet", "date", "author", "section", "word_count", "language", "url", "accession")
        out = {name: getattr(self, name) for name in names if getattr(self, name) is not None}
        out.update(self.extra)
        return out

    def text(self, wrap: int | None = None) -> str:
        """Return the body as the reader returns it: paragraphs, hard-wrapped at `wrap` for old TXT."""
        paras = [textwrap.fill(p, wrap) if wrap else p for p in self.paragraphs]
        return "\n\n".join(paras)


FLOODS = Spec(
    title="River levels fall as towns begin the clean-up",
    outlet="The Northern Courier",
    date=datetime(2019, 7, 1, 9, 20),
    author="Jane Holloway",
    section="NEWS; Version:3",
    word_count=412,
    language="ENGLISH",
    paragraphs=(
        "Water levels on the river dropped overnight, and residents of three towns returned to count the damage.",
        "\u201cWe lost everything on the ground floor,\u201d said Mary Okafor, who has lived on the high street for 20 years.",
        "The council said temporary housing would be offered to 140 families until the end of the month.",
    ),
)
BUDGET = Spec(
    title="Council delays vote on the city budget",
    outlet="Metro Daily",
    date=datetime(2019, 7, 2, 0, 0),
    author="Sam Patel",
    section="POLITICS",
    word_count=233,
    language="ENGLISH",
    paragraphs=(
        "The city council postponed its budget vote by a week after members asked for more time to read the figures.",
        "Officials denied that the delay had anything to do with the dispute over library funding.",
    ),
)
NO_DATE = Spec(
    title="Letters: readers on the new bus routes",
    outlet="Metro Daily",
    author="Letters",
    section="OPINION",
    word_count=120,
    paragraphs=("Sir, the new routes leave our village with one bus a day. Is this what the council calls progress?",),
)
EMPTY = Spec(title="Picture gallery: the week in photos", outlet="Metro Daily", date=datetime(2019, 7, 3), word_count=0)
GERMAN = Spec(
    title="Neue Regeln für Mieter in der Innenstadt",
    outlet="Süddeutsche Zeitung",
    date=datetime(2010, 1, 11),
    author="Max Müller",
    section="Politik; S. 5",
    word_count=1234,
    language="GERMAN",
    paragraphs=(
        "Die Stadt will die Mieten in der Innenstadt begrenzen. Der Stadtrat stimmte am Montag mit großer Mehrheit zu.",
        "„Das ist ein guter Tag für alle Mieter“, sagte die Bürgermeisterin nach der Sitzung.",
    ),
    extra={"edition": "Bayern-Ausgabe"},
)
GERMAN_2 = Spec(
    title="Streik legt den Nahverkehr lahm",
    outlet="Süddeutsche Zeitung",
    date=datetime(2010, 1, 12),
    author="Anna Schmidt",
    section="Wirtschaft; S. 17",
    word_count=356,
    language="GERMAN",
    paragraphs=("Busse und Bahnen standen am Dienstag still. Die Gewerkschaft kündigte weitere Warnstreiks an.",),
)
FRENCH = Spec(
    title="Le gouvernement dément toute hausse d'impôts",
    outlet="Le Quotidien",
    date=datetime(2020, 3, 12),
    author="Claire Dubois",
    section="INTERNATIONAL; Pg. 3",
    word_count=523,
    language="FRENCH",
    paragraphs=(
        "Le ministre a démenti jeudi toute hausse d'impôts pour l'année prochaine.",
        "« Il n'en est pas question », a-t-il déclaré devant les députés.",
    ),
)
HARBOUR = Spec(
    title="Harbour expansion approved after long inquiry",
    outlet="Coastal Times",
    date=datetime(2010, 1, 8),
    author="Tom Reid",
    section="NEWS; Pg. 4",
    word_count=318,
    language="ENGLISH",
    url="http://www.example.org/harbour",
    paragraphs=(
        "The harbour expansion was approved on Friday after an inquiry that lasted almost two years and heard "
        "evidence from more than sixty witnesses, including fishermen, shipping firms and local residents.",
        "Opponents said they would consider a legal challenge.",
    ),
)
CUT_TEXT = "The fire brigade was called to the warehouse shortly after midnight and"

# Factiva articles (the accession number is the "Document ..." line).
FV_MARKET = Spec(
    title="Shares rise on hopes of a rate cut",
    outlet="The Financial Ledger",
    date=datetime(2020, 3, 3, 4, 0),
    author="Lena Park",
    section="Markets",
    word_count=512,
    language="English",
    accession="FINLED0020200303eg330000b",
    paragraphs=(
        "Stock markets rose on Tuesday as investors bet that the central bank would cut interest rates.",
        "\u201cThe market is pricing in a cut,\u201d said one trader, who asked not to be named.",
        "Bond yields fell to their lowest level this year.",
    ),
    extra={"source_code": "FINLED"},
)
FV_GERMAN = Spec(
    title="Autobauer kürzt Prognose",
    outlet="Handelsblatt Online",
    date=datetime(2020, 3, 4),
    author="Jörg Weber",
    word_count=1502,
    language="German",
    accession="HNDBON0020200304eg3400002",
    paragraphs=(
        "Der Autobauer hat seine Prognose für das laufende Jahr gesenkt.",
        "Die Aktie verlor nach der Mitteilung mehr als fünf Prozent.",
    ),
    extra={"source_code": "HNDBON"},
)
FV_EMPTY = Spec(
    title="Corrections and clarifications",
    outlet="The Financial Ledger",
    date=datetime(2020, 3, 5),
    word_count=0,
    language="English",
    accession="FINLED0020200305eg3500001",
    extra={"source_code": "FINLED"},
)
FV_NO_DATE = Spec(
    title="Port strike ends after three days",
    outlet="Shipping Weekly",
    author="Ian Moss",
    word_count=288,
    language="English",
    accession="SHIPWK0020200306eg3600003",
    paragraphs=("Dock workers returned to work on Friday after the union accepted a new pay offer.",),
    extra={"source_code": "SHIPWK"},
)

# ProQuest documents.
PQ_STORM = Spec(
    title="Storm knocks out power to thousands",
    outlet="The Valley Herald; Springfield",
    date=datetime(2021, 2, 14),
    author="Ruiz, Carmen",
    section="Local",
    language="English",
    url="https://www.proquest.com/newspapers/storm-knocks-out-power/docview/1000000001/se-2",
    accession="1000000001",
    paragraphs=(
        "More than 12,000 homes were without power on Sunday after a winter storm brought down lines across the county.",
        "Crews expected to restore most connections by Monday night, a utility spokesman said.",
    ),
)
PQ_ABSTRACT = Spec(
    title="School board weighs later start times",
    outlet="The Valley Herald; Springfield",
    date=datetime(2021, 2, 15),
    language="English",
    accession="1000000002",
)
PQ_SPANISH = Spec(
    title="El ayuntamiento aprueba el nuevo presupuesto",
    outlet="La Voz del Valle; Springfield",
    author="García, Luis",
    language="Spanish",
    url="https://www.proquest.com/newspapers/el-ayuntamiento/docview/1000000003/se-2",
    accession="1000000003",
    paragraphs=("El ayuntamiento aprobó el martes el presupuesto para el próximo año.", "La oposición votó en contra."),
)

# --------------------------------------------------------------------------------------------- writers

NBSP = "\u00a0"


def _docx(path: Path, paragraphs: list[str], table: list[list[str]] | None = None) -> Path:
    """Write a DOCX whose paragraphs are `paragraphs` (a table after the first ones, as Nexis' cover)."""
    import docx

    document = docx.Document()
    for i, text in enumerate(paragraphs):
        document.add_paragraph(text)
        if table and i == 3:
            grid = document.add_table(rows=len(table), cols=len(table[0]))
            for r, row in enumerate(table):
                for c, value in enumerate(row):
                    grid.cell(r, c).text = value
    document.save(str(path))
    return path


def _uni_article(spec: Spec, *, date_line: str | None) -> list[str]:
    lines = [spec.title or "", spec.outlet or ""]
    if date_line:
        lines.append(date_line)
    lines += ["", f"Copyright 2019 {spec.outlet} All Rights Reserved", ""]
    if spec.section:
        lines.append(f"Section:{NBSP}{spec.section}")
    if spec.word_count is not None:
        lines.append(f"Length:{NBSP}{spec.word_count} words")
    if spec.author:
        lines.append(f"Byline:{NBSP}{spec.author}")
    lines += ["Body", ""]
    lines += [p for para in spec.paragraphs for p in (para, "")]
    lines += ["Classification", "", f"Language:{NBSP}{spec.language}" if spec.language else "",
              f"Subject:{NBSP}FLOODS (90%); LOCAL GOVERNMENT (78%)", f"Load-Date:{NBSP}July 4, 2019", "", "End of Document", "", ""]
    return lines


def _uni_cover(specs: list[Spec], count: int) -> list[str]:
    lines = ["", "Date and Time: Monday, 8 July 2019 10:31:00 AM BST", "Job Number: 91826", f"Documents ({count})"]
    for i, spec in enumerate(specs, 1):
        lines += [f"{i}. {spec.title}", "Client/Matter: -None-", "Search Terms: council", "Search Type: Natural Language", "Narrowed by: ", "", ""]
    return lines


def write_nexis_uni(folder: Path) -> tuple[Path, Path]:
    """Two Nexis Uni DOCX exports: one announcing 5 documents and holding 4, one repeating an article."""
    specs = [FLOODS, BUDGET, EMPTY, NO_DATE]
    dates = {id(FLOODS): "July 1, 2019 Monday 9:20 AM GMT", id(BUDGET): "July 2, 2019 Tuesday", id(EMPTY): "July 3, 2019 Wednesday"}
    lines = _uni_cover(specs, 5)
    for spec in specs:
        lines += _uni_article(spec, date_line=dates.get(id(spec)))
    first = _docx(folder / "nexis_uni.docx", lines, table=[["Content Type", "Narrowed by"], ["News", "Sources: Metro Daily"]])
    second_specs = [FLOODS, HARBOUR]
    lines = _uni_cover(second_specs, 2)
    lines += _uni_article(FLOODS, date_line="July 1, 2019 Monday 9:20 AM GMT")
    lines += _uni_article(HARBOUR, date_line="January 8, 2010 Friday")
    second = _docx(folder / "nexis_uni_2.docx", lines)
    return first, second


def write_notes_docx(folder: Path) -> Path:
    """A Word file of meeting notes: a .docx that is no export."""
    return _docx(folder / "notes.docx", ["Project meeting, 3 July", "Body language in interviews", "Length: two hours", "Next steps: read the exports."])


def _classic_article(number: int, total: int, spec: Spec, *, date_line: str | None, labels: dict[str, str], separator: str,
                     end: list[str], wrap: int | None = 72, cut: str | None = None) -> list[str]:
    lines = [separator.format(n=number, m=total).center(80).rstrip(), "", "", "", (spec.outlet or "").center(80).rstrip(), ""]
    if date_line:
        lines += [date_line.center(80).rstrip(), ""]
    if "edition" in spec.extra:
        lines += [spec.extra["edition"].center(80).rstrip(), ""]
    lines += [spec.title or "", ""]
    if spec.author:
        lines += [f"{labels['author']}: {spec.author}", ""]
    if spec.section:
        lines += [f"{labels['section']}: {spec.section}", ""]
    lines += [f"{labels['length']}: {spec.word_count} {labels['words']}", ""]
    if cut is not None:
        return lines + [cut]
    for para in spec.paragraphs:
        lines += [*(textwrap.fill(para, wrap).split("\n") if wrap else [para]), ""]
    lines += end + ([f"URL: {spec.url}", ""] if spec.url else [])
    lines += [f"{labels['language']}: {spec.language}", ""] if spec.language else []
    lines += ["PUBLICATION-TYPE: Newspaper", "", f"Copyright 2010 {spec.outlet}".center(80).rstrip(), "All Rights Reserved".center(80).rstrip(), ""]
    return lines


_EN = {"author": "BYLINE", "section": "SECTION", "length": "LENGTH", "words": "words", "language": "LANGUAGE"}
_DE = {"author": "AUTOR", "section": "RUBRIK", "length": "LÄNGE", "words": "Wörter", "language": "SPRACHE"}
_FR = {"author": "BYLINE", "section": "RUBRIQUE", "length": "LONGUEUR", "words": "mots", "language": "LANGUE"}


def classic_txt_lines() -> list[str]:
    """An older LexisNexis TXT export: items 1-6 of 120 requested; 3 absent, 4 empty, 5 cut off, 6 lost."""
    head = ["", "Download Request: Selected Items: 1-6", "Time Of Request: Friday, March 20, 2010  16:51:31", "",
            "Terms: harbour or council", "", "Source: Various", "", ""]
    sep = "{n} of {m} DOCUMENTS"
    end = ["LOAD-DATE: January 12, 2010", ""]
    lines = head
    lines += _classic_article(1, 120, HARBOUR, date_line="January 8, 2010 Friday", labels=_EN, separator=sep, end=end)
    lines += _classic_article(2, 120, NO_DATE, date_line=None, labels=_EN, separator=sep, end=end)
    lines += _classic_article(4, 120, EMPTY, date_line="July 3, 2019 Wednesday", labels=_EN, separator=sep, end=end)
    lines += _classic_article(5, 120, BUDGET, date_line="July 2, 2019 Tuesday", labels=_EN, separator=sep, end=end, cut=CUT_TEXT)
    return lines


def german_txt_lines() -> list[str]:
    """A German LexisNexis TXT export holding "Dokument 3 von 50" and "Dokument 4 von 50"."""
    sep = "Dokument {n} von {m}"
    end = ["UPDATE: 12. Januar 2010", ""]
    lines = ["", ""]
    lines += _classic_article(3, 50, GERMAN, date_line="11. Januar 2010 Montag", labels=_DE, separator=sep, end=end)
    lines += _classic_article(4, 50, GERMAN_2, date_line="12. Januar 2010 Dienstag", labels=_DE, separator=sep, end=end)
    return lines


def _rtf_escape(text: str) -> str:
    out = []
    for char in text:
        if char in "\\{}":
            out.append("\\" + char)
        elif ord(char) > 127:
            code = ord(char)
            out.append(f"\\u{code if code < 32768 else code - 65536}?")
        else:
            out.append(char)
    return "".join(out)


def rtf_document(lines: list[str], *, page_before: frozenset[int] = frozenset()) -> str:
    """Return RTF source for lines (one paragraph each); `page_before` line indexes start a new page."""
    body = []
    for i, line in enumerate(lines):
        if i in page_before:
            body.append("\\page\n")
        body.append("\\pard\\plain " + _rtf_escape(line) + "\\par\n")
    return ("{\\rtf1\\ansi\\ansicpg1252\\deff0{\\fonttbl{\\f0\\fswiss\\fcharset0 Arial;}}"
            "{\\info{\\title Export}{\\author Vendor}}\\viewkind4\\uc1\n" + "".join(body) + "}\n")


def french_rtf_lines() -> list[str]:
    """A French LexisNexis RTF export: "Document 1 de 2" and "Document 2 de 2"."""
    sep = "Document {n} de {m}"
    end = ["LOAD-DATE: 13 mars 2020", ""]
    lines = _classic_article(1, 2, FRENCH, date_line="12 mars 2020 jeudi", labels=_FR, separator=sep, end=end, wrap=None)
    lines += _classic_article(2, 2, HARBOUR, date_line="January 8, 2010 Friday", labels=_FR, separator=sep, end=end, wrap=None)
    return [line.strip() for line in lines]  # RTF paragraphs carry no centring spaces


def _factiva_coded(spec: Spec, date_line: str | None, time: str | None) -> list[str]:
    lines = ["SE", spec.section] if spec.section else []
    lines += ["HD", spec.title or ""]
    if spec.author:
        lines += ["BY", f"By {spec.author}"]
    lines += ["WC", f"{spec.word_count:,} words".replace(",", ".") if spec.language == "German" else f"{spec.word_count} words"]
    if date_line:
        lines += ["PD", date_line]
    if time:
        lines += ["ET", time]
    lines += ["SN", spec.outlet or "", "SC", spec.extra["source_code"], "LA", spec.language or "", "CY", "(c) 2020 The Publisher"]
    if spec.paragraphs:
        lines += ["LP", spec.paragraphs[0]]
    if len(spec.paragraphs) > 1:
        lines += ["TD", *spec.paragraphs[1:]]
    lines += ["CO", "cbank : Central Bank", "NS", "m11 : Equity Markets", "RE", "usa : United States", "IPD", "Markets",
              "PUB", "The Publisher Ltd", "AN", f"Document {spec.accession}"]
    return lines


def factiva_coded_lines() -> tuple[list[str], frozenset[int]]:
    """A Factiva RTF export with field codes: 3 articles, the search summary says 4 results."""
    lines: list[str] = []
    pages = set()
    for spec, date_line, time in ((FV_MARKET, "3 March 2020", "04:00"), (FV_GERMAN, "4 March 2020", None), (FV_EMPTY, "5 March 2020", None)):
        if lines:
            pages.add(len(lines))
        lines += _factiva_coded(spec, date_line, time)
    pages.add(len(lines))
    lines += ["Search Summary", "Text\tharbour or market", "Date\tIn the last week", "Source\tAll Sources", "Results Found\t4",
              "Timestamp\t6 March 2020 10:00"]
    return lines, frozenset(pages)


def _factiva_plain(spec: Spec, date_line: str | None, time: str | None = None) -> list[str]:
    lines = [spec.section] if spec.section else []
    lines += [spec.title or ""]
    if spec.author:
        lines.append(f"By {spec.author}")
    lines.append(f"{spec.word_count} words")
    if date_line:
        lines.append(date_line)
    if time:
        lines.append(time)
    lines += [spec.outlet or "", spec.extra["source_code"], spec.language or "", "(c) 2020 The Publisher. All Rights Reserved.", "",
              *spec.paragraphs, "", f"Document {spec.accession}", ""]
    return lines


def _factiva_html_article(spec: Spec, date_line: str | None, time: str | None) -> str:
    """One article in Factiva's HTML markup: header divs, headline and author marked, paragraphs classed."""
    from html import escape

    divs = [f"<div>{escape(spec.section)}</div>"] if spec.section else []
    divs.append(f'<div id="hd"><span class="enHeadline">{escape(spec.title or "")}</span></div>')
    if spec.author:
        divs.append(f'<div class="author">By {escape(spec.author)} </div>')
    divs.append(f"<div>{spec.word_count} words</div>")
    if date_line:
        divs.append(f"<div>{date_line}</div>")
    if time:
        divs.append(f"<div>{time}</div>")
    divs += [f"<div>{escape(v)}</div>" for v in (spec.outlet or "", spec.extra["source_code"], "1; Front", spec.language or "")]
    divs.append("<div>(c) 2020 The Publisher. All Rights Reserved. </div>")
    paras = "".join(f'<p class="articleParagraph enarticleParagraph">{escape(p)}</p>\n' for p in spec.paragraphs)
    return (f'<div id="article-{spec.accession}" class="article"><div class="article enArticle"><p>\n</p>{"".join(divs)}\n<p></p>\n'
            f"{paras}<p>The Publisher Ltd</p><p>Document {spec.accession}</p></div></div><br>\n")


def factiva_html() -> str:
    """A Factiva HTML export without field codes: scripts and a headline list, then 3 articles (one a duplicate)."""
    from html import escape

    items = [(FV_MARKET, "3 March 2020", "04:00"), (FV_NO_DATE, None, None), (HARBOUR_FV, "8 January 2010", None)]
    headlines = "".join(f"<tr><td>{i}.</td><td>{escape(spec.title or '')}</td></tr>" for i, (spec, _, _) in enumerate(items, 1))
    body = "".join(_factiva_html_article(spec, d, t) for spec, d, t in items)
    return (f"<!DOCTYPE html>\n<html><head><title>Factiva</title><style>p {{margin: 0}}</style>"
            f"<script>var x = '<div>512 words</div>';</script></head><body>\n"
            f"<div id=\"headlines\"><table>{headlines}</table></div>\n{body}"
            f'<div id="pageFooter"><span class="copyright">© 2020 Factiva, Inc. All rights reserved.</span></div></body></html>\n')


HARBOUR_FV = Spec(
    title="Harbour expansion approved after long inquiry",
    outlet="Coastal Times",
    date=datetime(2010, 1, 8),
    author="Tom Reid",
    word_count=318,
    language="English",
    accession="COASTT0020100108e6180000a",
    paragraphs=HARBOUR.paragraphs,
    extra={"source_code": "COASTT"},
)


def factiva_cut_lines() -> list[str]:
    """A Factiva export saved as text, cut off inside its second article."""
    lines = _factiva_plain(FV_GERMAN, "4 March 2020")
    lines += _factiva_plain(FV_MARKET, "3 March 2020", "04:00")[:-3]
    return lines


def _pq_document(number: int, total: int, spec: Spec, *, abstract: str | None = None) -> list[str]:
    lines = [f"Document {number} of {total}", "", spec.title or "", ""]
    if spec.author:
        lines += [f"Author: {spec.author}", ""]
    lines += [f"Publication info: {spec.outlet}", "", f"http://search.example.org/docview/{spec.accession}", ""]
    if abstract:
        lines += [f"Abstract: {abstract}", ""]
    if spec.paragraphs:
        lines += [f"Full text: {spec.paragraphs[0]}", ""]
        for para in spec.paragraphs[1:]:
            lines += [para, ""]
    lines += ["Subject: Weather; Utilities", "", f"Title: {spec.title}", "", f"Publication title: {spec.outlet}", ""]
    if spec.date:
        lines += [f"Publication year: {spec.date.year}", "", f"Publication date: {spec.date:%b} {spec.date.day}, {spec.date.year}", ""]
    if spec.section:
        lines += [f"Section: {spec.section}", ""]
    lines += ["Publisher: Valley Media", "", "Source type: Newspapers", "", f"Language of publication: {spec.language}", "",
              "Document type: News", "", f"ProQuest document ID: {spec.accession}", ""]
    if spec.url:
        lines += [f"Document URL: {spec.url}", ""]
    lines += ["Copyright: Copyright Valley Media 2021", "", "Last updated: 2021-02-16", "", "Database: Global Newsstream"]
    return lines


SEP = "_" * 60


def proquest_lines(*, cut: bool = False) -> list[str]:
    """A ProQuest TXT export announcing 4 documents and holding 3 (or, `cut`, 3 announced, cut in the second)."""
    specs = [PQ_STORM, PQ_ABSTRACT, PQ_SPANISH]
    total = 3 if cut else 4
    lines = [SEP, "", "Report Information from ProQuest", "February 16 2021 09:12", SEP, "", "Table of contents", ""]
    lines += [f"{i}. {spec.title}" for i, spec in enumerate(specs, 1)] + [SEP, ""]
    if cut:
        lines += _pq_document(1, total, PQ_STORM) + [SEP, ""]
        lines += _pq_document(2, total, PQ_SPANISH)[:9]
        return lines
    lines += _pq_document(1, total, PQ_STORM) + [SEP, ""]
    lines += _pq_document(2, total, PQ_ABSTRACT, abstract="The board will vote next month on moving the school day.") + [SEP, ""]
    lines += _pq_document(3, total, PQ_SPANISH) + [SEP, ""]
    lines += ["Contact ProQuest", "Copyright © 2021 ProQuest LLC. All rights reserved. - Terms and Conditions"]
    return lines


def _write(path: Path, lines: list[str], newline: str = "\n") -> Path:
    path.write_bytes(newline.join(lines).encode("utf-8") + newline.encode())
    return path


def write_all(folder: Path) -> dict[str, Path]:
    """Write every fixture into `folder`; return them by name."""
    folder.mkdir(parents=True, exist_ok=True)
    uni, uni_2 = write_nexis_uni(folder)
    coded, pages = factiva_coded_lines()
    files = {
        "nexis_uni": uni,
        "nexis_uni_2": uni_2,
        "notes": write_notes_docx(folder),
        "nexis_classic": _write(folder / "nexis_classic.txt", classic_txt_lines(), newline="\r\n"),
        "nexis_de": _write(folder / "nexis_de.txt", german_txt_lines()),
        "nexis_fr": folder / "nexis_fr.rtf",
        "factiva_coded": folder / "factiva_coded.rtf",
        "factiva_plain": folder / "factiva_plain.html",
        "factiva_cut": _write(folder / "factiva_cut.txt", factiva_cut_lines()),
        "proquest": _write(folder / "proquest.txt", proquest_lines()),
        "proquest_cut": _write(folder / "proquest_cut.txt", proquest_lines(cut=True)),
        "article": _write(folder / "plain_article.txt", ["A scraped article.", "", "It mentions 3 of 10 documents in a sentence."]),
        "page": folder / "page.html",
    }
    files["nexis_fr"].write_text(rtf_document(french_rtf_lines()), encoding="ascii")
    files["factiva_coded"].write_text(rtf_document(coded, page_before=pages), encoding="ascii")
    files["factiva_plain"].write_text(factiva_html(), encoding="utf-8")
    files["page"].write_text("<!DOCTYPE html><html><body><div><p>An ordinary web page about 512 words.</p></div></body></html>", encoding="utf-8")
    return files


if __name__ == "__main__":
    import sys

    for name, written in write_all(Path(sys.argv[1] if len(sys.argv) > 1 else "vendor_fixtures")).items():
        print(f"{name}: {written}")
