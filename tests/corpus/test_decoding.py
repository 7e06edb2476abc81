"""Decoding: UTF-8 with bad bytes repaired one by one and logged, cp1252, UTF-16/32, and what is binary."""

from __future__ import annotations

import codecs
import io

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from toolkit.corpus.decoding import (
    Decoded,
    RepairingDecoder,
    Unreadable,
    control_share,
    decode_bytes,
    incremental_decoder,
    looks_binary,
    sniff_utf16,
    text_lines,
)
from toolkit.corpus.loaders import iter_articles
from toolkit.corpus.loadlog import LoadLog

QUOTED = "“We will not back down,” she said. “Never,” he added. " * 5  # 10 curly quotation marks per line


def test_valid_utf8_is_a_plain_decode_with_nothing_to_log():
    assert decode_bytes("Russia’s “reply”".encode()) == Decoded("Russia’s “reply”", "utf-8")


def test_one_stray_byte_keeps_the_rest_utf8_and_is_logged_with_its_offset():
    good = ("Russia’s answer. " + QUOTED).encode()
    data = good[:9] + b"\x92" + good[9:]  # a cp1252 apostrophe dropped into a UTF-8 file
    result = decode_bytes(data)
    assert result.text == "Russia’’s answer. " + QUOTED
    assert result.text.count("“") == 10 and "â€" not in result.text
    assert (result.encoding, result.fallback) == ("utf-8", False)
    assert result.events == (("repaired", "invalid_utf8", "1 byte not UTF-8 read as cp1252 at byte 9"),)


def test_mixed_utf8_and_cp1252_paragraphs_both_come_out_right():
    first, second = "Café “one”.\n".encode(), "Naïve “two” — ok.".encode("cp1252")
    result = decode_bytes(first + second)
    assert result.text == "Café “one”.\nNaïve “two” — ok."
    offsets = ", ".join(str(len(first) + i) for i, byte in enumerate(second) if byte > 0x7F)
    assert result.events == (("repaired", "invalid_utf8", f"4 bytes not UTF-8 read as cp1252 at bytes {offsets}"),)


def test_more_repairs_than_listed_positions_say_so():
    data = "é".encode() + b" \x92" * 7
    result = decode_bytes(data)
    assert result.events == (("repaired", "invalid_utf8", "7 bytes not UTF-8 read as cp1252 at bytes 3, 5, 7, 9, 11, …"),)


def test_whole_file_cp1252_is_a_logged_fallback():
    text = "Russia’s “answer” – café, naïve…"
    result = decode_bytes(text.encode("cp1252"))
    assert (result.text, result.encoding, result.fallback) == (text, "cp1252", True)
    assert result.events == (("repaired", "encoding_fallback", "not UTF-8; decoded as cp1252 (7 bytes above 0x7F)"),)


@pytest.mark.parametrize("byte", [0x81, 0x8D, 0x8F, 0x90, 0x9D])
def test_bytes_undefined_in_cp1252_are_latin1_with_a_note_not_binary(byte):
    data = b"It\x92s " + bytes([byte]) + b" here."  # short: one control character is far above 5%
    result = decode_bytes(data)
    assert result.text == f"It’s {chr(byte)} here."
    assert result.events == (
        ("repaired", "encoding_fallback", "not UTF-8; decoded as cp1252 (2 bytes above 0x7F)"),
        ("note", "cp1252_undefined", "1 byte undefined in cp1252 kept as latin-1 control characters at byte 5"),
    )


def test_mac_roman_is_decoded_with_a_hint_and_exactly_when_declared():
    text = "Don’t say “never” – the café’s menu"
    data = text.encode("mac-roman")
    result = decode_bytes(data)
    assert result.text == data.decode("cp1252") and result.encoding == "cp1252"
    assert result.events[-1] == (
        "note",
        "maybe_mac_roman",
        "apostrophes look like Mac-Roman: if the text looks wrong, pass encoding='mac-roman'",
    )
    assert decode_bytes(data, "mac-roman").text == text


def test_mac_roman_with_bytes_cp1252_leaves_undefined_is_not_binary():
    data = "Don’t “go” – ça va? Ïö".encode("mac-roman")
    assert 0x8D in data or 0x9D in data or 0x90 in data or 0x8F in data or 0x81 in data
    result = decode_bytes(data)
    gaps = (0x81, 0x8D, 0x8F, 0x90, 0x9D)
    assert result.text == "".join(chr(b) if b in gaps else bytes([b]).decode("cp1252") for b in data)
    assert [e[1] for e in result.events] == ["encoding_fallback", "cp1252_undefined"]
    assert "mac-roman" in result.events[1][2]


TEXT = "Headline\tOutlet\r\n“Quoted,” she said — ok\tnyt\r\n"


@pytest.mark.parametrize(
    "encoding, found, how",
    [
        ("utf-16", "utf-16-le", "byte-order mark"),
        ("utf-16-le", "utf-16-le", "no byte-order mark; NUL bytes at alternating positions"),
        ("utf-16-be", "utf-16-be", "no byte-order mark; NUL bytes at alternating positions"),
        ("utf-32", "utf-32-le", "byte-order mark"),
    ],
)
def test_utf16_and_utf32_are_detected_and_noted(encoding, found, how):
    result = decode_bytes(TEXT.encode(encoding))
    assert (result.text, result.encoding) == (TEXT, found)
    assert result.events == (("note", "encoding_detected", f"decoded as {found.upper()} ({how})"),)


def test_utf16_be_with_bom_and_utf32_be_with_bom():
    for bom, encoding in ((codecs.BOM_UTF16_BE, "utf-16-be"), (codecs.BOM_UTF32_BE, "utf-32-be")):
        result = decode_bytes(bom + TEXT.encode(encoding))
        assert (result.text, result.encoding) == (TEXT, encoding)


def test_utf8_bom_is_removed_without_a_note():
    assert decode_bytes(codecs.BOM_UTF8 + TEXT.encode()) == Decoded(TEXT, "utf-8")


@pytest.mark.parametrize("written", ["utf-16", "utf-16-le", "utf-16-be"])
def test_declared_utf16_reads_every_byte_order(written):
    assert decode_bytes(TEXT.encode(written), "utf-16").text == TEXT


def test_utf16_cut_mid_character_is_repaired_and_logged():
    result = decode_bytes(TEXT.encode("utf-16")[:-1])
    assert result.text == TEXT[:-1] + "\ufffd"
    detail = f"1 byte not valid UTF-16-LE replaced by U+FFFD at byte {2 * len(TEXT)}"
    assert result.events[-1] == ("repaired", "invalid_utf16", detail)


def test_declared_encoding_is_strict():
    with pytest.raises(Unreadable) as error:
        decode_bytes("café".encode("cp1252"), "utf-8")
    assert error.value.reason == "decode_error"


@pytest.mark.parametrize(
    "data, detail",
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG file signature: not a text file"),
        (b"PK\x03\x04\x14\x00\x06\x00word/document.xml", "zip (also .docx, .xlsx, .epub) file signature: not a text file"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF file signature: not a text file"),
        (b"some text\x00\x00\x00\x01\x02\x00\xff\x00\x00\x00more", "NUL bytes outside a UTF-16 pattern: not a text file"),
        (b"ab\x01\x02\x03\x04\x05\x06cd", "mostly control characters: not a text file"),
    ],
)
def test_binary_is_binary(data, detail):
    with pytest.raises(Unreadable) as error:
        decode_bytes(data)
    assert (error.value.reason, error.value.detail) == ("binary", detail)


def test_a_png_is_binary_even_with_a_declared_encoding():
    with pytest.raises(Unreadable) as error:
        decode_bytes(b"\x89PNG\r\n\x1a\nrest", "latin-1")
    assert error.value.reason == "binary"


def test_looks_binary_only_for_binary():
    assert not looks_binary(TEXT.encode("utf-16-le")) and not looks_binary(TEXT.encode("utf-16"))
    assert not looks_binary("Café".encode("cp1252"))
    assert looks_binary(b"\x89PNG\r\n\x1a\n") and looks_binary(b"abc\x00\x00\x00\x00def")
    assert sniff_utf16(TEXT.encode("utf-16-be")) == "utf-16-be" and sniff_utf16(b"plain") is None


def test_control_share_counts_c0_controls_among_visible_characters():
    assert control_share("ab\x01\x02") == 0.5
    assert control_share("a b\n\t\r c") == 0.0
    assert control_share("\x81\x9d text") == 0.0  # C1 (a cp1252 gap read as latin-1) is not binary
    assert control_share("") == 0.0


# --- streams (CSV/TSV): the same repairs, line by line, and the same text whatever the chunking ----------


def _stream(data: bytes, chunk_size: int, sample: int = 65536) -> tuple[list[str], list[tuple[str, str, str]]]:
    decoder, _, _ = incremental_decoder(data[:sample])
    events: list[tuple[str, str, str]] = []
    lines = list(text_lines(io.BytesIO(data), decoder, lambda *e: events.append(e), chunk_size=chunk_size))
    return lines, events


@pytest.mark.parametrize("chunk_size", [1, 2, 3, 7, 65536])
def test_stream_lines_are_split_as_newline_empty_and_repaired_per_line(chunk_size):
    data = "a,b\r\n1,“x”\r\n".encode() + b"2,\x92y\r3,z\n4,\xe9"
    lines, events = _stream(data, chunk_size)
    assert lines == ["a,b\r\n", "1,“x”\r\n", "2,’y\r", "3,z\n", "4,é"]
    at = len("a,b\r\n1,“x”\r\n2,".encode())
    assert events == [("repaired", "invalid_utf8", f"2 bytes not UTF-8 read as cp1252 at bytes {at}, {len(data) - 1}")]


def test_stream_whole_file_cp1252_is_a_fallback_even_if_the_sample_is_ascii():
    data = b"a,b\n" * 10 + "1,café\n".encode("cp1252")
    lines, events = _stream(data, 5, sample=8)
    assert lines[-1] == "1,café\n"
    assert events == [("repaired", "encoding_fallback", "not UTF-8; decoded as cp1252 (1 byte above 0x7F)")]


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-32"])
def test_stream_utf16_and_utf32(encoding):
    lines, events = _stream(TEXT.encode(encoding), 3)
    assert lines == ["Headline\tOutlet\r\n", "“Quoted,” she said — ok\tnyt\r\n"]
    assert events[0][1] == "encoding_detected"


def test_incremental_decoder_reports_a_cp1252_sample_as_fallback():
    assert incremental_decoder("café au lait".encode("cp1252"))[1:] == ("utf-8", True)
    assert incremental_decoder("café".encode())[1:] == ("utf-8", False)
    assert incremental_decoder(TEXT.encode("utf-16"))[1:] == ("utf-16-le", False)


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=300), st.integers(1, 40))
def test_stream_decoding_does_not_depend_on_chunking(data, chunk_size):
    data = data.replace(b"\x00", b"")  # NULs decide UTF-16 or binary, a separate matter
    whole = RepairingDecoder("utf-8")
    text = whole.decode(data, final=True)
    pieces = RepairingDecoder("utf-8")
    lines = list(text_lines(io.BytesIO(data), pieces, chunk_size=chunk_size))
    assert "".join(lines) == text
    assert pieces.events() == whole.events()


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=200))
def test_valid_text_decodes_to_itself(text):
    data = text.encode()
    try:
        result = decode_bytes(data)
    except Unreadable as error:  # only a text mostly of control characters may be refused
        assert error.reason == "binary" and control_share(text) > 0.05
        return
    assert result.text == (text[1:] if text.startswith("\ufeff") else text) and result.events == ()


# --- through the loader: the repairs are in the load log -----------------------------------------------------


def test_loader_logs_the_repair_and_keeps_the_utf8(tmp_path):
    good = ("Russia’s answer. " + QUOTED).encode()
    (tmp_path / "a.txt").write_bytes(good[:9] + b"\x92" + good[9:])
    (tmp_path / "b.txt").write_bytes(TEXT.encode("utf-16"))
    log = LoadLog()
    articles = {a.doc_id: a for a in iter_articles(tmp_path, log=log)}
    assert articles["a"].text.count("“") == 10 and articles["b"].text.startswith("Headline\tOutlet")
    found = [(e.action, e.reason, e.detail) for e in log.events if e.reason in ("invalid_utf8", "encoding_detected")]
    assert found == [
        ("repaired", "invalid_utf8", "1 byte not UTF-8 read as cp1252 at byte 9"),
        ("note", "encoding_detected", "decoded as UTF-16-LE (byte-order mark)"),
    ]
    assert log.read == log.loaded == 2


def test_loader_reads_an_excel_unicode_text_tsv(tmp_path):
    (tmp_path / "export.tsv").write_bytes("id\ttext\r\n1\t“Quoted,” she said.\r\n2\tCafé.\r\n".encode("utf-16"))
    log = LoadLog()
    texts = [a.text for a in iter_articles(tmp_path, log=log)]
    assert texts == ["“Quoted,” she said.", "Café."]
    assert ("note", "encoding_detected") in [(e.action, e.reason) for e in log.events]


@settings(max_examples=500, deadline=None)
@given(st.binary(max_size=400), st.sampled_from([None, "utf-8", "utf-16", "utf-32", "cp1252", "mac-roman", "no-such-codec"]))
def test_any_bytes_decode_or_are_unreadable_never_an_error(data, encoding):
    try:
        result = decode_bytes(data, encoding)
    except Unreadable as error:
        assert error.reason in ("binary", "decode_error")
        return
    assert isinstance(result.text, str) and all(len(event) == 3 for event in result.events)
