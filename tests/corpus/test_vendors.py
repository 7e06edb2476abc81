"""Vendor export readers (toolkit/corpus/vendors): every field of every article, the load log's account of
every announced article, identical re-reads, and format detection from content."""

from __future__ import annotations

import zipfile
from datetime import datetime
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import vendor_fixtures as vf
from conftest import POLNEAR
from toolkit.corpus.loadlog import LoadLog
from toolkit.corpus.vendors import FORMATS, read_unrecognised, read_vendor, sniff
from toolkit.corpus.vendors.common import Announced, english_months, missing_numbers, not_in_file, vendor_date, word_count
from toolkit.corpus.vendors.nexis import parse_uni, read_nexis
from toolkit.corpus.vendors.rtf import rtf_text

MAX = 10 * 1024 * 1024


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return vf.write_all(tmp_path_factory.mktemp("vendors"))


def _read(path: Path) -> tuple[list, LoadLog]:
    log = LoadLog()
    fmt = sniff(path).format
    assert fmt is not None, path
    return list(read_vendor(path, fmt, log=log, max_bytes=MAX)), log


def _without(spec: vf.Spec, *names: str) -> dict:
    return {k: v for k, v in spec.fields().items() if k not in names}


#: file -> [(spec, number, "of M" or "", wrap width of old TXT bodies, fields the layout does not carry)]
EXPECTED = {
    "nexis_uni": [(vf.FLOODS, 1, " of 5", None, ()), (vf.BUDGET, 2, " of 5", None, ()), (vf.NO_DATE, 4, " of 5", None, ())],
    "nexis_uni_2": [(vf.FLOODS, 1, " of 2", None, ()), (vf.HARBOUR, 2, " of 2", None, ("url",))],
    "nexis_classic": [(vf.HARBOUR, 1, " of 120", 72, ()), (vf.NO_DATE, 2, " of 120", 72, ())],
    "nexis_de": [(vf.GERMAN, 3, " of 50", 72, ()), (vf.GERMAN_2, 4, " of 50", 72, ())],
    "nexis_fr": [(vf.FRENCH, 1, " of 2", None, ()), (vf.HARBOUR, 2, " of 2", None, ())],
    "factiva_coded": [(vf.FV_MARKET, 1, " of 4", None, ()), (vf.FV_GERMAN, 2, " of 4", None, ())],
    "factiva_plain": [(vf.FV_MARKET, 1, "", None, ()), (vf.FV_NO_DATE, 2, "", None, ()), (vf.HARBOUR_FV, 3, "", None, ())],
    "factiva_cut": [(vf.FV_GERMAN, 1, "", None, ())],
    "proquest": [(vf.PQ_STORM, 1, " of 4", None, ()), (vf.PQ_SPANISH, 3, " of 4", None, ())],
    "proquest_cut": [(vf.PQ_STORM, 1, " of 3", None, ())],
}

#: file -> (articles read, [(action, reason, location)] in order)
EXPECTED_LOG = {
    "nexis_uni": (5, [("skipped", "empty", "article 3 of 5"), ("skipped", "missing_article", "article 5 of 5")]),
    "nexis_uni_2": (2, []),
    "nexis_classic": (6, [("skipped", "empty", "article 4 of 120"), ("skipped", "truncated", "article 5 of 120"),
                          ("skipped", "missing_article", "article 3 of 120"), ("skipped", "missing_article", "article 6 of 120")]),
    "nexis_de": (2, [("note", "not_in_file", "")]),
    "nexis_fr": (2, []),
    "factiva_coded": (4, [("skipped", "empty", "article 3 of 4"), ("skipped", "missing_article", "article 4 of 4")]),
    "factiva_plain": (3, []),
    "factiva_cut": (2, [("skipped", "truncated", "article 2")]),
    "proquest": (4, [("skipped", "empty", "article 2 of 4"), ("skipped", "missing_article", "article 4 of 4")]),
    "proquest_cut": (3, [("skipped", "truncated", "article 2 of 3"), ("skipped", "missing_article", "article 3 of 3")]),
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_every_field_of_every_article(files: dict[str, Path], name: str) -> None:
    records, _ = _read(files[name])
    path = files[name]
    got = [(r.key, r.location, r.fields, r.text, r.source_path) for r in records]
    want = [
        (f"{path.stem}#{n}", f"article {n}{of}", _without(spec, *dropped), spec.text(wrap), str(path))
        for spec, n, of, wrap, dropped in EXPECTED[name]
    ]
    assert got == want


@pytest.mark.parametrize("name", sorted(EXPECTED_LOG))
def test_load_log_accounts_for_every_announced_article(files: dict[str, Path], name: str) -> None:
    records, log = _read(files[name])
    read, events = EXPECTED_LOG[name]
    assert [(e.action, e.reason, e.location) for e in log.events] == events
    assert log.read == read
    assert log.read == len(records) + log.skipped  # per article, not per file


def test_missing_numbers_are_named_with_their_reason(files: dict[str, Path]) -> None:
    _, log = _read(files["nexis_classic"])
    details = {e.location: e.detail for e in log.events if e.reason == "missing_article"}
    assert "between articles 2 and 4" in details["article 3 of 120"]
    assert "cut off inside article 5" in details["article 6 of 120"]
    _, log = _read(files["nexis_de"])
    assert "articles 1-2 and 5-50 of the 50" in log.events[0].detail
    assert not_in_file([1, 2], Announced(total=900, source="x"), cut=True).startswith("articles 3-900 of the 900")


def test_body_holds_no_metadata(files: dict[str, Path]) -> None:
    for name in EXPECTED:
        records, _ = _read(files[name])
        for record in records:
            for marker in ("Load-Date", "LOAD-DATE", "Classification", "End of Document", "LENGTH:", "Length:", "Document ",
                           "Full text:", "Subject:", "words", "(c) 2020"):
                assert marker not in record.text, (name, record.key, marker)


def test_duplicate_across_two_files_has_one_text(files: dict[str, Path]) -> None:
    first, _ = _read(files["nexis_uni"])
    second, _ = _read(files["nexis_uni_2"])
    assert first[0].text == second[0].text  # the loader's dedupe (same text) drops the second
    assert first[0].key != second[0].key


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_rereads_are_identical(files: dict[str, Path], name: str) -> None:
    once, log_once = _read(files[name])
    twice, log_twice = _read(files[name])
    assert repr(once) == repr(twice)
    assert log_once.events == log_twice.events


def test_fixture_text_files_are_rewritten_byte_identical(files: dict[str, Path], tmp_path: Path) -> None:
    again = vf.write_all(tmp_path)
    for name in ("nexis_classic", "nexis_de", "nexis_fr", "factiva_coded", "factiva_plain", "factiva_cut", "proquest"):
        assert again[name].read_bytes() == files[name].read_bytes(), name


EXPECTED_FORMATS = {
    "nexis_uni": "nexis-docx", "nexis_uni_2": "nexis-docx", "nexis_classic": "nexis-txt", "nexis_de": "nexis-txt",
    "nexis_fr": "nexis-rtf", "factiva_coded": "factiva-rtf", "factiva_plain": "factiva-html", "factiva_cut": "factiva-txt",
    "proquest": "proquest-txt", "proquest_cut": "proquest-txt", "notes": None, "article": None, "page": None,
}


@pytest.mark.parametrize("name", sorted(EXPECTED_FORMATS))
def test_detection_reads_content(files: dict[str, Path], name: str) -> None:
    sniffed = sniff(files[name])
    assert sniffed.format == EXPECTED_FORMATS[name]
    assert sniffed.format is None or sniffed.format in FORMATS
    assert (sniffed.format is None) == bool(sniffed.reason)


def test_a_word_file_of_notes_is_not_a_nexis_export(files: dict[str, Path]) -> None:
    assert sniff(files["nexis_uni"]).format == "nexis-docx"
    notes = sniff(files["notes"])
    assert notes.format is None and "Word document" in notes.reason
    # Read anyway (a user forcing --format nexis-docx): one skipped file, nothing invented.
    log = LoadLog()
    assert list(read_nexis(files["notes"], log=log, max_bytes=MAX)) == []
    assert (log.read, [(e.action, e.reason) for e in log.events]) == (1, [("skipped", "unknown_layout")])


def test_a_cut_docx_is_skipped_with_a_reason(files: dict[str, Path], tmp_path: Path) -> None:
    data = files["nexis_uni"].read_bytes()
    cut = tmp_path / "cut.docx"
    cut.write_bytes(data[: len(data) // 2])
    assert sniff(cut).format is None and "cut short" in sniff(cut).reason
    log = LoadLog()
    assert list(read_nexis(cut, log=log, max_bytes=MAX)) == []
    assert (log.read, log.events[0].reason) == (1, "unreadable")


def test_renaming_does_not_fool_detection(files: dict[str, Path], tmp_path: Path) -> None:
    renamed = tmp_path / "download.text"
    renamed.write_bytes(files["proquest"].read_bytes())
    assert sniff(renamed).format == "proquest-txt"
    as_txt = tmp_path / "export.txt"
    as_txt.write_bytes(files["factiva_coded"].read_bytes())
    assert sniff(as_txt).format == "factiva-rtf"


def test_double_blank_lines_inside_an_article_do_not_cut_it() -> None:
    """LexisNexisTools #11: two empty lines inside an article were taken for the end of the cover page."""
    lines = ["Job Number: 1", "Documents (2)", "1. A", "2. B", "", "", "A", "Outlet", "May 1, 2020", "Length:\u00a010 words", "Body",
             "First.", "", "", "", "Second.", "End of Document", "B", "Outlet", "May 2, 2020", "Body", "Third.", "End of Document"]
    articles, announced = parse_uni(lines)
    assert [a.body for a in articles] == ["First.\n\nSecond.", "Third."]
    assert [a.fields["title"] for a in articles] == ["A", "B"]
    assert announced.total == 2


def test_first_article_of_a_file_is_kept() -> None:
    """LexisNexisTools #21: the first article of each file was dropped with the cover page."""
    lines = ["Documents (1)", "1. Only", "Only", "Outlet", "May 1, 2020", "Body", "Text.", "End of Document"]
    articles, _ = parse_uni(lines)
    assert [(a.fields["title"], a.body) for a in articles] == [("Only", "Text.")]


def test_vendor_dates_in_german_and_french() -> None:
    assert vendor_date("11. Januar 2010 Montag") == datetime(2010, 1, 11)
    assert vendor_date("12 mars 2020 jeudi") == datetime(2020, 3, 12)
    assert vendor_date("July 1, 2019 Monday 9:20 AM GMT") == datetime(2019, 7, 1, 9, 20)
    assert vendor_date("sometime in spring") == "sometime in spring"  # kept for the loader to note
    assert english_months("1. Mai 2019 Mittwoch") == "1 May 2019"


def test_word_counts_as_the_vendor_states_them() -> None:
    assert [word_count(v) for v in ("355 words", "1,234 words", "1.234 Wörter", "812 mots", "about ten", None)] == [
        355, 1234, 1234, 812, None, None]


def test_missing_numbers_rules() -> None:
    stated = Announced(total=100, first=1, last=5, source="x")
    assert [n for n, _ in missing_numbers([1, 2, 4], stated, cut=False)] == [3, 5]
    unstated = Announced(total=100, source="x")
    assert [n for n, _ in missing_numbers([11, 12, 14], unstated, cut=False)] == [13]  # 1-10, 15-100: other downloads
    assert [n for n, _ in missing_numbers([1, 2], Announced(total=4, source="x"), cut=True)] == []  # noted: another download?
    assert [n for n, _ in missing_numbers([1, 2], Announced(total=4, source="x", per_file=True), cut=True)] == [3, 4]
    assert [n for n, _ in missing_numbers([2], Announced(total=3, source="x", per_file=True), cut=False)] == [1, 3]


def test_rtf_page_breaks_cells_and_escapes() -> None:
    rtf = rb"{\rtf1\ansi{\fonttbl{\f0 Arial;}}caf\'e9 \u8220?q\u8221?\par one\page two\par HD\cell Headline\cell\row a\\page b\par}"
    assert rtf_text(rtf).split("\n") == ["café “q”", "one", "two", "HD\tHeadline\t", "a\\page b", ""]


def test_oversized_article_is_skipped_not_loaded(files: dict[str, Path]) -> None:
    log = LoadLog()
    records = list(read_vendor(files["proquest"], "proquest-txt", log=log, max_bytes=100))
    reasons = [(e.reason, e.location) for e in log.events]
    assert ("too_large", "article 1 of 4") in reasons and all(r.location != "article 1 of 4" for r in records)
    assert log.read == len(records) + log.skipped


def test_unknown_format_name_raises(files: dict[str, Path]) -> None:
    with pytest.raises(ValueError):
        read_vendor(files["proquest"], "lexis-pdf", log=LoadLog(), max_bytes=MAX)


def test_fixture_docx_holds_a_cover_table(files: dict[str, Path]) -> None:
    with zipfile.ZipFile(files["nexis_uni"]) as archive:
        assert b"<w:tbl>" in archive.read("word/document.xml")


def test_factiva_field_codes_in_table_cells(tmp_path: Path) -> None:
    """The indexed layout as a two-column table (code | value) in HTML and in RTF reads like code lines."""
    rows = [("HD", "Ferry service resumes"), ("WC", "210 words"), ("PD", "7 March 2020"), ("SN", "Island News"),
            ("SC", "ISLNWS"), ("LA", "English"), ("LP", "The ferry sailed again on Saturday."), ("TD", "Tickets sold out."),
            ("NS", "gtrans : Transport"), ("AN", "Document ISLNWS0020200307eg3700001")]
    html = tmp_path / "indexed.html"
    cells = "".join(f"<tr><td><b>{code}</b></td><td><p>{value}</p></td></tr>" for code, value in rows)
    html.write_text(f'<html><body><div class="article enArticle"><table>{cells}</table></div></body></html>', encoding="utf-8")
    rtf = tmp_path / "indexed.rtf"
    rtf.write_text("{\\rtf1\\ansi " + "".join(f"\\trowd {c}\\cell {v}\\cell\\row\n" for c, v in rows) + "}", encoding="ascii")
    want = {"title": "Ferry service resumes", "word_count": 210, "date": datetime(2020, 3, 7), "outlet": "Island News",
            "source_code": "ISLNWS", "language": "English", "accession": "ISLNWS0020200307eg3700001"}
    for path, fmt in ((html, "factiva-html"), (rtf, "factiva-rtf")):
        assert sniff(path).format == fmt
        records, log = _read(path)
        assert [(r.key, r.fields, r.text) for r in records] == [
            (f"{path.stem}#1", want, "The ferry sailed again on Saturday.\n\nTickets sold out.")], fmt
        assert (log.read, log.events) == (1, [])


def test_unrecognised_file_is_counted_and_skipped_with_the_sniffed_reason(files: dict[str, Path]) -> None:
    log = LoadLog()
    assert list(read_unrecognised(files["notes"], log=log, max_bytes=MAX)) == []
    assert log.read == 1 and log.skipped == 1
    assert (log.events[0].reason, log.events[0].detail) == ("not_an_export", sniff(files["notes"]).reason)


def test_detection_sees_past_a_long_rtf_header_and_reads_utf16(files: dict[str, Path], tmp_path: Path) -> None:
    rtf = files["nexis_fr"].read_text(encoding="ascii")
    padded = tmp_path / "word.rtf"
    styles = "{\\stylesheet" + "".join(f"{{\\s{i} Style {i};}}" for i in range(8000)) + "}"
    padded.write_text(rtf.replace("{\\info", styles + "{\\info", 1), encoding="ascii")
    assert padded.stat().st_size > 128 * 1024
    assert sniff(padded).format == "nexis-rtf"
    utf16 = tmp_path / "proquest16.txt"
    utf16.write_bytes(files["proquest"].read_text(encoding="utf-8").encode("utf-16"))
    assert sniff(utf16).format == "proquest-txt"
    records, log = _read(utf16)
    assert [r.key for r in records] == ["proquest16#1", "proquest16#3"] and log.read == 4


def test_nexis_uni_related_articles_and_edition_are_not_text() -> None:
    """A date line with an edition ("..., Late Edition - Final") and NYT's "Related Articles" list (real layouts)."""
    lines = ["Headline", "The Daily", "January 11, 2018 Thursday, Late Edition - Final", "Body", "Text.", "",
             "Related Articles", "Another story", "A third story", "", "Load-Date: January 12, 2018", "End of Document"]
    (article,), _ = parse_uni(lines)
    assert article.body == "Text."
    assert article.fields == {"title": "Headline", "outlet": "The Daily", "date": datetime(2018, 1, 11),
                              "edition": "Late Edition - Final", "related_articles": "Another story; A third story"}


def test_proquest_one_paragraph_fields_do_not_swallow_the_next_paragraph() -> None:
    """The unlabelled link after `Author:` (real exports) is not part of the author; `Full text:` runs on."""
    from toolkit.corpus.vendors.proquest import parse_lines as proquest_lines

    lines = [vf.SEP, "", "Document 1 of 1", "", "A title", "", "Author: Doe, Jane", "",
             "http://search.example.org/docview/42", "", "Full text: One.", "", "Two.", "", "Language: English", "", vf.SEP, ""]
    (doc,), announced = proquest_lines(lines)
    assert doc.fields == {"title": "A title", "author": "Doe, Jane", "language": "English",
                          "url": "http://search.example.org/docview/42", "date": None}
    assert doc.body == "One.\n\nTwo." and announced.total == 1


# --- through the loader and the command line (the wiring) ----------------------------------------------


def test_load_reads_a_folder_mixing_exports_with_text_csv_and_html(tmp_path, capsys):
    """`python -m toolkit load FOLDER` on all four export kinds beside .txt, .csv and .html inputs."""
    from toolkit import load_corpus, load_log
    from toolkit.cli import main

    vf.write_all(tmp_path)
    (tmp_path / "export.csv").write_text("id,outlet,text\nc1,Wire,A wire story about the vote and its aftermath.\n", encoding="utf-8")
    frame = load_corpus(tmp_path)
    log = load_log(frame)
    assert log.read == log.loaded + log.skipped
    ids = set(frame["doc_id"])
    assert {"nexis_uni#1", "nexis_classic#1", "nexis_de#3", "nexis_fr#1", "factiva_coded#1", "factiva_plain#2",
            "proquest#1", "plain_article", "c1"} <= ids
    reasons = log.counts().set_index("reason")["count"].to_dict()
    assert reasons["missing_article"] == 6 and reasons["not_an_export"] == 1 and reasons["truncated"] == 3
    assert main(["load", str(tmp_path), "--quiet"]) == 0
    assert f"{log.read} read, {log.loaded} loaded" in capsys.readouterr().out


def test_input_format_forces_a_vendor_reader(tmp_path):
    """--input-format (format= in Python) reads a file by the named vendor's layout, whatever its suffix."""
    from toolkit import load_corpus

    written = vf.write_all(tmp_path / "all")
    lone = tmp_path / "lone"
    lone.mkdir()
    (lone / "download.dat").write_bytes(written["proquest"].read_bytes())
    assert list(load_corpus(lone, format="proquest-txt")["doc_id"]) == ["download#1", "download#3"]
    with pytest.raises(ValueError, match="unknown format"):
        load_corpus(lone, format="lexis")


def test_extract_reads_exports_as_units_with_the_same_ids_as_load(tmp_path):
    """The pipeline takes each export as one work unit and its articles as rows, ids as load_corpus gives them."""
    from toolkit import load_corpus
    from toolkit.pipeline.extraction import extract, read_table

    vf.write_all(tmp_path / "c")
    extract(tmp_path / "c", tmp_path / "out", files_per_partition=2, progress=False)
    assert list(read_table(tmp_path / "out", "articles")["doc_id"]) == list(load_corpus(tmp_path / "c")["doc_id"])


def _vendor_line_by_line(text: str) -> str | None:
    """`vendor_of_text` as it was before its word guards: every marker pattern over every line."""
    import re

    from toolkit.corpus.vendors import detect
    from toolkit.corpus.vendors.factiva import ARTICLE_END
    from toolkit.corpus.vendors.nexis import CLASSIC_SEPARATOR, UNI_END
    from toolkit.corpus.vendors.proquest import NUMBER, SEPARATOR

    lines = text.split("\n")
    if any(CLASSIC_SEPARATOR.match(line) for line in lines):
        return "nexis"
    if any(SEPARATOR.match(line) for line in lines) and (
        any(NUMBER.match(line) for line in lines) or detect._PROQUEST_HEAD.search(text)
    ):
        return "proquest"
    if any(ARTICLE_END.match(line) for line in lines) or (
        len(detect._FACTIVA_CODES.findall(text)) >= 3
        or (detect._FACTIVA_WORDS.search(text) and re.search(r"Dow Jones|Factiva", text, re.I))
    ):
        return "factiva"
    if any(UNI_END.match(line) for line in lines) or (detect._UNI_COVER.search(text) and detect._UNI_COUNT.search(text)):
        return "nexis"
    if detect._UNI_BODY.search(text) and detect._UNI_LENGTH.search(text):
        return "nexis"
    return None


_MARKER_LINES = ["1 of 120 DOCUMENTS", "  2 of 5 DOCUMENT ", "Dokument 3 von 50", "Document 2 de 2", "_" * 25, "Document 3 of 10",
                 "Dokument 1 von 2", "ProQuest document ID: 123", "Full text: x", "Publication title: y", "ProQuest LLC",
                 "Document WSJ0000020160920ec9k00001", "AN WSJ0000020160920ec9k00001", "WSJ  WSJ0000020160920ec9k00001",
                 "Documenten abcdefabcdef12", "HD\tHeadline", "PD 12 May 2016", "SN|x", "TD", "LP ", "250 words", "1.234 Wörter",
                 "12 mots", "Dow Jones", "factiva", "End of Document", "END OF DOCUMENT", "Ende des Dokuments", "ende des \u212aokuments",
                 "Fin du document", "Job Number: 1", "Auftragsnummer: 2", "Documents (10)", "Dokumente (3)", "Body", "Text",
                 "Length: 300 words", "Länge: 3", "Longueur: 4", "Mr. Trump said on Tuesday.", "  ", "", "\r"]


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.sampled_from(_MARKER_LINES), max_size=12).map("\n".join))
def test_vendor_guards_change_no_answer(text: str) -> None:
    from toolkit.corpus.vendors.detect import vendor_of_text

    assert vendor_of_text(text) == _vendor_line_by_line(text)


def test_vendor_guards_change_no_answer_on_fixtures_and_polnear(files: dict[str, Path]) -> None:
    from toolkit.corpus.decoding import decode_bytes
    from toolkit.corpus.vendors.detect import vendor_of_text

    texts = [decode_bytes(path.read_bytes()).text for path in files.values() if path.suffix in (".txt", ".html")]
    texts += [rtf_text(path.read_bytes()) for path in files.values() if path.suffix == ".rtf"]
    texts += [path.read_text(encoding="utf-8") for path in sorted((POLNEAR / "dev" / "text").glob("*.txt"))]
    assert len(texts) > 5
    for text in texts:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        assert vendor_of_text(text) == _vendor_line_by_line(text)
