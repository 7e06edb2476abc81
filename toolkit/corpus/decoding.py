"""Turn raw bytes into text, or say precisely why they are not an article's text.

One rule for every file and stream: UTF-8, with each byte that is not UTF-8 read on its own as
cp1252 (bytes cp1252 leaves undefined as latin-1) and its position recorded. A file with no valid
UTF-8 multi-byte character at all is then exactly a cp1252 decode, and is reported as one; a mostly
UTF-8 file with a few stray bytes keeps all its UTF-8. Byte-order marks (UTF-8, UTF-16, UTF-32) and
BOM-less UTF-16 (NUL bytes at every other position) are detected. Data is binary only when it is: a
known binary file signature, NUL bytes outside a UTF-16 pattern, or mostly C0 control characters.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from typing import IO, Callable, Iterator

#: The per-byte repair reads a non-UTF-8 byte as cp1252, or as latin-1 where cp1252 leaves it undefined.
FALLBACK_ENCODINGS: tuple[str, ...] = ("cp1252", "latin-1")
#: Share of C0 control characters (other than whitespace) above which decoded text is taken as binary.
MAX_CONTROL_SHARE = 0.05
#: How much of the data the binary and UTF-16 checks look at.
SNIFF_BYTES = 8192
#: How many byte offsets of repaired bytes an event lists.
MAX_POSITIONS = 5

#: The byte values cp1252 does not define; read as latin-1 (U+0081, ...) with a note.
CP1252_UNDEFINED = frozenset((0x81, 0x8D, 0x8F, 0x90, 0x9D))
# byte value -> character: cp1252, with latin-1 for the bytes cp1252 leaves undefined.
_BYTE_CHAR: tuple[str, ...] = tuple(
    chr(b) if b < 0x80 or b in CP1252_UNDEFINED else bytes([b]).decode("cp1252") for b in range(256)
)
_BYTE_TABLE = "".join(_BYTE_CHAR)  # for codecs.charmap_decode: the same, at C speed
# A byte the UTF-8 decoder could not read comes out as surrogate U+DC80..U+DCFF (errors="surrogateescape").
_ESCAPED_TO_CHAR = {chr(0xDC00 + b): _BYTE_CHAR[b] for b in range(0x80, 0x100)}
_ESCAPED = re.compile("[\udc80-\udcff]")
# The same counts on raw bytes, for a whole file that has no valid UTF-8 multi-byte character at all.
_HIGH_BYTE = re.compile(rb"[\x80-\xff]")
_HIGH_BYTES = bytes(range(0x80, 0x100))
_GAP_BYTES = bytes(sorted(CP1252_UNDEFINED))
_GAP_BYTE = re.compile(rb"[\x81\x8d\x8f\x90\x9d]")
_MAC_APOSTROPHE_BYTES = re.compile(rb"[A-Za-z]\xd5[a-z]")
_CP1252_APOSTROPHE_BYTES = re.compile(rb"[A-Za-z]\x92[a-z]")
_VALID_NON_ASCII = re.compile("[\u0080-\udc7f\udd00-\U0010ffff]")
_UNDEFINED_ESCAPED = re.compile("[\udc81\udc8d\udc8f\udc90\udc9d]")
_MAC_APOSTROPHE = re.compile("[A-Za-z]\udcd5[a-z]")
_CP1252_APOSTROPHE = re.compile("[A-Za-z]\udc92[a-z]")
# C0 control characters that are not whitespace, as UTF-8 bytes (each is one byte, and no other
# character's UTF-8 contains one), and the ASCII whitespace that does not count as visible.
_C0_CONTROL = bytes([*range(0x00, 0x09), *range(0x0E, 0x20), 0x7F])
_ASCII_SPACE = b" \t\n\v\f\r"
#: Byte-order marks, longest first (the UTF-32-LE mark starts with the UTF-16-LE one).
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
#: Leading bytes of binary formats people drop into a corpus folder by mistake.
BINARY_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "PDF"),
    (b"\x89PNG\r\n\x1a\n", "PNG"),
    (b"\xff\xd8\xff", "JPEG"),
    (b"GIF87a", "GIF"),
    (b"GIF89a", "GIF"),
    (b"PK\x03\x04", "zip (also .docx, .xlsx, .epub)"),
    (b"PK\x05\x06", "zip (also .docx, .xlsx, .epub)"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "OLE2 (.doc, .xls)"),
    (b"\x1f\x8b\x08", "gzip"),
    (b"7z\xbc\xaf\x27\x1c", "7z"),
    (b"Rar!\x1a\x07", "RAR"),
    (b"\xfd7zXZ\x00", "xz"),
    (b"\x7fELF", "ELF executable"),
    (b"SQLite format 3\x00", "SQLite"),
)
# Stateless decoders of the UTF encodings: (bytes, errors, final) -> (text, bytes consumed).
_STATELESS: dict[str, Callable[..., tuple[str, int]]] = {
    "utf-16-le": codecs.utf_16_le_decode,
    "utf-16-be": codecs.utf_16_be_decode,
    "utf-32-le": codecs.utf_32_le_decode,
    "utf-32-be": codecs.utf_32_be_decode,
}
#: A load-log event as (action, reason, detail); the caller adds the source and location.
Event = tuple[str, str, str]


class Unreadable(Exception):
    """Raised when bytes cannot be an article text; `reason` is a short code for the load log."""

    def __init__(self, reason: str, detail: str = "") -> None:
        super().__init__(f"{reason}: {detail}" if detail else reason)
        self.reason = reason
        self.detail = detail


@dataclass(frozen=True)
class Decoded:
    """Decoded text, the encoding used, whether it was a cp1252 fallback, and the events to log."""

    text: str
    encoding: str
    fallback: bool = False
    #: What the load log should record about this decoding: (action, reason, detail), in order.
    events: tuple[Event, ...] = ()


def binary_signature(data: bytes) -> str | None:
    """Return the name of the binary format `data` starts with (PDF, PNG, zip, ...), or None."""
    for prefix, name in BINARY_SIGNATURES:
        if data.startswith(prefix):
            return name
    return None


def byte_order_mark(data: bytes) -> tuple[str, int] | None:
    """Return (encoding, length of the mark) when `data` starts with a UTF-8/16/32 byte-order mark."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return encoding, len(bom)
    return None


def sniff_utf16(data: bytes) -> str | None:
    """Return "utf-16-le"/"utf-16-be" when NUL bytes fill every other position of `data` (BOM-less UTF-16)."""
    head = data[:SNIFF_BYTES]
    pairs = len(head) // 2
    if not pairs:
        return None
    even = head[0 : 2 * pairs : 2].count(0)
    odd = head[1 : 2 * pairs : 2].count(0)
    # Mostly-ASCII UTF-16 has a NUL in nearly every high byte and almost none in the low bytes.
    if odd >= 0.5 * pairs and even <= 0.05 * pairs:
        return "utf-16-le"
    if even >= 0.5 * pairs and odd <= 0.05 * pairs:
        return "utf-16-be"
    return None


def looks_binary(data: bytes) -> bool:
    """Return True when `data` is not text in any encoding: a binary signature, or NULs outside UTF-16/32."""
    return _binary_reason(data) is not None


def _binary_reason(data: bytes) -> str | None:
    """Say why `data` is binary, or None when it may be text."""
    if byte_order_mark(data) is not None:
        return None
    name = binary_signature(data)
    if name is not None:
        return f"{name} file signature: not a text file"
    if b"\x00" in data[:SNIFF_BYTES] and sniff_utf16(data) is None:
        return "NUL bytes outside a UTF-16 pattern: not a text file"
    return None


def control_share(text: str) -> float:
    """Return the share of C0 control characters (not whitespace) among the non-whitespace characters of `text`."""
    sample = text[:SNIFF_BYTES]
    raw = sample.encode("utf-8", "surrogatepass")
    controls = len(raw) - len(raw.translate(None, _C0_CONTROL))
    if not controls:
        return 0.0
    visible = len(sample) - (len(raw) - len(raw.translate(None, _ASCII_SPACE)))
    return controls / visible if visible else 0.0


class RepairingDecoder(codecs.IncrementalDecoder):
    """An incremental decoder that never fails: it repairs bad bytes and remembers where they were.

    UTF-8 reads each bad byte as cp1252 (latin-1 where cp1252 has no character); UTF-16/32 and
    any other codec replace bad bytes by U+FFFD. `events()` tells the load log what was repaired.
    `skip` bytes at the very start (a byte-order mark) are dropped; `how` says how the encoding
    was found, for a note when it is not UTF-8.
    """

    def __init__(self, encoding: str = "utf-8", *, skip: int = 0, how: str = "") -> None:
        super().__init__("strict")
        self.encoding = encoding
        self.how = how
        self._skip = skip
        self._offset = 0  # byte offset in the source of the next byte given to the codec
        self._pending = b""  # UTF-16/32: bytes of an incomplete code unit
        self._utf8 = codecs.getincrementaldecoder("utf-8")("surrogateescape") if encoding == "utf-8" else None
        self._other = (
            None if encoding == "utf-8" or encoding in _STATELESS else codecs.getincrementaldecoder(encoding)("replace")
        )
        self.repaired = 0  # bad bytes repaired
        self.positions: list[int] = []  # byte offsets of the first MAX_POSITIONS repaired bytes
        self.undefined = 0  # UTF-8 mode: repaired bytes cp1252 leaves undefined
        self.undefined_positions: list[int] = []
        self.multibyte = False  # UTF-8 mode: a valid non-ASCII UTF-8 character was seen
        self.mac_roman_hint = 0  # in-word 0xD5 (Mac-Roman's apostrophe) minus in-word 0x92 (cp1252's)
        self._tail = ""  # UTF-8 mode: the last two characters decoded, still escaped
        self._started = False  # UTF-8 mode: some data went through the incremental decoder

    def decode(self, input: bytes, final: bool = False) -> str:  # noqa: A002 (codecs' signature)
        """Decode the next piece of the source; with `final`, flush what is pending."""
        data = bytes(input)
        if self._skip:
            cut = min(self._skip, len(data))
            data, self._skip = data[cut:], self._skip - cut
            self._offset += cut
        if self._utf8 is not None:
            return self._decode_utf8(data, final)
        if self._other is not None:
            text = self._other.decode(data, final)
            bad = text.count("\ufffd")  # no non-Unicode codec can encode U+FFFD, so each is a bad byte
            if bad:
                self.repaired += bad
            self._offset += len(data)
            return text
        return self._decode_stateless(data, final)

    def _decode_utf8(self, data: bytes, final: bool) -> str:
        whole = final and not self._started  # all the data in one call: a plain cp1252 file can take a fast path
        self._started = True
        start = self._offset - len(self._utf8.getstate()[0])  # source offset of the first byte decoded now
        text = self._utf8.decode(data, final)
        self._offset += len(data)
        tail = self._tail
        self._tail = text[-2:] if len(text) >= 2 else (tail + text)[-2:]
        if text.isascii() or _ESCAPED.search(text) is None:
            self.multibyte = self.multibyte or not text.isascii()
            if tail and not tail.isascii():  # an escaped byte at the end of the last piece may start a match
                self._count_apostrophes(text, tail)
            return text
        if whole and _only_ascii_and_escapes(text):
            return self._decode_cp1252(data, start)
        if not self.multibyte and _VALID_NON_ASCII.search(text) is not None:
            self.multibyte = True
        self._record_utf8_repairs(text, start)
        self._count_apostrophes(text, tail)
        return _ESCAPED.sub(lambda match: _ESCAPED_TO_CHAR[match.group()], text)

    def _decode_cp1252(self, data: bytes, base: int) -> str:
        """Decode data without any UTF-8 character as cp1252 at C speed, counting what the per-byte repair counts."""
        self.repaired += len(data) - len(data.translate(None, _HIGH_BYTES))
        limit = MAX_POSITIONS - len(self.positions)
        self.positions += [base + match.start() for match in _first(_HIGH_BYTE.finditer(data), limit)]
        gaps = len(data) - len(data.translate(None, _GAP_BYTES))
        if gaps:
            self.undefined += gaps
            limit = MAX_POSITIONS - len(self.undefined_positions)
            self.undefined_positions += [base + match.start() for match in _first(_GAP_BYTE.finditer(data), limit)]
        if b"\xd5" in data:
            self.mac_roman_hint += len(_MAC_APOSTROPHE_BYTES.findall(data)) - len(_CP1252_APOSTROPHE_BYTES.findall(data))
        return codecs.charmap_decode(data, "strict", _BYTE_TABLE)[0]

    def _record_utf8_repairs(self, text: str, start: int) -> None:
        """Count the escaped bytes of `text` and note the first positions (as source byte offsets)."""
        escaped = "".join(_ESCAPED.findall(text))
        self.repaired += len(escaped)
        self.positions += _byte_offsets(text, _ESCAPED, start, MAX_POSITIONS - len(self.positions))
        undefined = sum(escaped.count(chr(0xDC00 + b)) for b in CP1252_UNDEFINED)
        if undefined:
            self.undefined += undefined
            limit = MAX_POSITIONS - len(self.undefined_positions)
            self.undefined_positions += _byte_offsets(text, _UNDEFINED_ESCAPED, start, limit)

    def _count_apostrophes(self, text: str, context: str) -> None:
        """Mac-Roman writes ’ as 0xD5, cp1252 as 0x92: "don\xd5t" hints that the file is Mac-Roman.

        `context` is the previous piece's last two characters, so a word cut between pieces still counts once.
        """
        if "\udcd5" not in text and "\udcd5" not in context:
            return  # no Mac-Roman apostrophe: nothing to weigh
        window = context + text
        for pattern, sign in ((_MAC_APOSTROPHE, 1), (_CP1252_APOSTROPHE, -1)):
            self.mac_roman_hint += sign * sum(1 for m in pattern.finditer(window) if m.end() > len(context))

    def _decode_stateless(self, data: bytes, final: bool) -> str:
        decode = _STATELESS[self.encoding]
        buffer = self._pending + data
        start = self._offset - len(self._pending)
        view = memoryview(buffer)
        parts: list[str] = []
        pos = 0
        while True:
            try:
                text, used = decode(view[pos:], "strict", final)
            except UnicodeDecodeError as exc:
                bad, end = pos + exc.start, pos + exc.end
                if bad > pos:
                    parts.append(decode(view[pos:bad], "strict", True)[0])
                parts.append("\ufffd")
                if len(self.positions) < MAX_POSITIONS:
                    self.positions.append(start + bad)
                self.repaired += end - bad
                pos = end
                continue
            parts.append(text)
            pos += used
            break
        self._pending = buffer[pos:]
        self._offset += len(data)
        return "".join(parts)

    def reset(self) -> None:
        """Forget pending bytes (codecs' interface); counts and positions are kept."""
        if self._utf8 is not None:
            self._utf8.reset()
        self._pending = b""

    @property
    def is_fallback(self) -> bool:
        """True when UTF-8 mode repaired bytes but saw no valid UTF-8 character: a cp1252 file."""
        return self._utf8 is not None and self.repaired > 0 and not self.multibyte

    def events(self) -> list[Event]:
        """Return what the load log should record about the data decoded so far."""
        events: list[Event] = []
        if self.how:
            events.append(("note", "encoding_detected", f"decoded as {self.encoding.upper()} ({self.how})"))
        if self.repaired and self._utf8 is not None:
            if self.is_fallback:
                detail = f"not UTF-8; decoded as cp1252 ({_bytes(self.repaired)} above 0x7F)"
                events.append(("repaired", "encoding_fallback", detail))
            else:
                detail = f"{_bytes(self.repaired)} not UTF-8 read as cp1252 {_at(self.positions, self.repaired)}"
                events.append(("repaired", "invalid_utf8", detail))
            if self.undefined:
                detail = (
                    f"{_bytes(self.undefined)} undefined in cp1252 kept as latin-1 control characters "
                    f"{_at(self.undefined_positions, self.undefined)}"
                )
                events.append(("note", "cp1252_undefined", detail + self._hint()))
            elif self.mac_roman_hint > 0:
                events.append(("note", "maybe_mac_roman", self._hint().lstrip("; ")))
        elif self.repaired:
            name = self.encoding.upper()
            where = _at(self.positions, self.repaired) if self.positions else ""
            detail = f"{_bytes(self.repaired)} not valid {name} replaced by U+FFFD {where}".rstrip()
            reason = "invalid_" + self.encoding[:6].replace("-", "") if self.encoding in _STATELESS else "decode_error"
            events.append(("repaired", reason, detail))
        return events

    def _hint(self) -> str:
        if self.mac_roman_hint > 0:
            return "; apostrophes look like Mac-Roman: if the text looks wrong, pass encoding='mac-roman'"
        return ""


def _byte_offsets(text: str, pattern: re.Pattern[str], start: int, limit: int) -> list[int]:
    """Source byte offsets of the first `limit` escaped bytes `pattern` finds in surrogate-escaped `text`."""
    offsets: list[int] = []
    byte_at, index = start, 0
    for match in pattern.finditer(text):
        if len(offsets) >= limit:
            break
        byte_at += len(text[index : match.start()].encode("utf-8", "surrogateescape"))
        offsets.append(byte_at)
        index = match.start()
    return offsets


def _only_ascii_and_escapes(text: str) -> bool:
    """True when surrogate-escaped `text` has no valid non-ASCII character (its bytes held no UTF-8)."""
    try:
        text.encode("ascii", "surrogateescape")
    except UnicodeEncodeError:
        return False
    return True


def _first(matches: Iterator[re.Match[bytes]], limit: int) -> list[re.Match[bytes]]:
    return [match for match, _ in zip(matches, range(limit))]


def _bytes(count: int) -> str:
    return f"{count} byte" if count == 1 else f"{count} bytes"


def _at(positions: list[int], count: int) -> str:
    listed = ", ".join(str(p) for p in positions)
    more = ", …" if count > len(positions) else ""
    return f"at byte {listed}" if count == 1 else f"at bytes {listed}{more}"


def _auto_decoder(data: bytes) -> RepairingDecoder:
    """Choose the decoder for data of unknown encoding from its first bytes (BOM, UTF-16 pattern, else UTF-8)."""
    bom = byte_order_mark(data)
    if bom is not None:
        encoding, length = bom
        return RepairingDecoder(encoding, skip=length, how="" if encoding == "utf-8" else "byte-order mark")
    if b"\x00" in data[:SNIFF_BYTES]:
        utf16 = sniff_utf16(data)
        if utf16 is not None:
            return RepairingDecoder(utf16, how="no byte-order mark; NUL bytes at alternating positions")
    return RepairingDecoder("utf-8")


def _declared_decoder(data: bytes, encoding: str) -> RepairingDecoder:
    """The decoder for a declared encoding; UTF-16/32 without a byte order take it from the BOM or the data."""
    name = codecs.lookup(encoding).name
    if name in ("utf-16", "utf-32"):
        bom = byte_order_mark(data)
        if bom is not None and bom[0].startswith(name):
            return RepairingDecoder(bom[0], skip=bom[1])
        order = sniff_utf16(data) if name == "utf-16" else None
        return RepairingDecoder(order or f"{name}-le")
    if name == "utf-8-sig":
        return RepairingDecoder("utf-8", skip=3 if data.startswith(codecs.BOM_UTF8) else 0)
    return RepairingDecoder(name)


def decode_bytes(data: bytes, encoding: str | None = None) -> Decoded:
    """Decode one article's bytes (UTF-8 repaired per byte, or UTF-16/32), or raise `Unreadable`.

    `Decoded.events` says what to log: bytes repaired and where, a cp1252 file, a detected encoding.
    With an explicit `encoding`, decode strictly with it (UTF-16/32 byte order from the BOM or the
    data) and raise `Unreadable("decode_error")` on any byte it cannot read.
    """
    if encoding is not None:
        result = _decode_declared(data, encoding)
    else:
        reason = _binary_reason(data)
        if reason is not None:
            raise Unreadable("binary", reason)
        result = _decode_guess(data)
    if control_share(result.text) > MAX_CONTROL_SHARE:
        raise Unreadable("binary", "mostly control characters: not a text file")
    return result


def _decode_guess(data: bytes) -> Decoded:
    """Decode data of unknown encoding; valid UTF-8 (the common case) is one plain `bytes.decode`."""
    if not data.startswith(codecs.BOM_UTF8) and b"\x00" not in data[:SNIFF_BYTES]:  # NULs: maybe UTF-16
        try:
            return Decoded(data.decode("utf-8"), "utf-8")
        except UnicodeDecodeError:
            pass
    decoder = _auto_decoder(data)
    text = decoder.decode(data, final=True)
    encoding = "cp1252" if decoder.is_fallback else decoder.encoding
    return Decoded(text, encoding, fallback=decoder.is_fallback, events=tuple(decoder.events()))


def _decode_declared(data: bytes, encoding: str) -> Decoded:
    """Decode strictly with a declared encoding, or raise `Unreadable`."""
    name = binary_signature(data)
    if name is not None:
        raise Unreadable("binary", f"{name} file signature: not a text file")
    try:
        decoder = _declared_decoder(data, encoding)
    except LookupError as exc:
        raise Unreadable("decode_error", f"unknown encoding {encoding!r}") from exc
    if decoder.encoding not in _STATELESS and b"\x00" in data[:SNIFF_BYTES]:
        raise Unreadable("binary", f"NUL bytes, and {encoding} is not UTF-16/32: not a text file")
    if decoder.encoding in ("utf-8", *_STATELESS):
        try:
            return Decoded(codecs.decode(data[decoder._skip :], decoder.encoding), decoder.encoding)
        except UnicodeDecodeError as exc:
            raise Unreadable("decode_error", f"not {encoding}: {exc}") from exc
    try:
        return Decoded(data.decode(decoder.encoding), decoder.encoding)
    except UnicodeDecodeError as exc:
        raise Unreadable("decode_error", f"not {encoding}: {exc}") from exc


def incremental_decoder(sample: bytes, encoding: str | None = None) -> tuple[RepairingDecoder, str, bool]:
    """Choose a streaming decoder for a large file from its first bytes: (decoder, encoding, fallback).

    The decoder repairs bad bytes as `decode_bytes` does and records them (`decoder.events()`);
    `fallback` says whether the sample already looks like cp1252 rather than UTF-8.
    """
    if encoding is not None:
        decoder = _declared_decoder(sample, encoding)
        return decoder, decoder.encoding, False
    decoder = _auto_decoder(sample)
    probe = _auto_decoder(sample)
    probe.decode(sample, final=False)
    return decoder, decoder.encoding, probe.is_fallback


_NEWLINE = re.compile(r"\r\n|\r|\n")


def text_lines(
    raw: IO[bytes],
    decoder: RepairingDecoder,
    report: Callable[[str, str, str], None] | None = None,
    chunk_size: int = 1 << 16,
) -> Iterator[str]:
    """Yield the decoded lines of a byte stream with their ends ("\\n", "\\r\\n", "\\r"), as open(newline="") would.

    When the stream ends (or the iteration is closed), `report(action, reason, detail)` gets each decoder event.
    """
    try:
        pieces: list[str] = []  # the start of a line that has not ended yet
        carry = ""  # a final "\r" held back: the "\n" of a "\r\n" may come with the next chunk
        while True:
            chunk = raw.read(chunk_size)
            final = not chunk
            text = carry + decoder.decode(chunk, final)
            carry = ""
            if text.endswith("\r") and not final:
                text, carry = text[:-1], "\r"
            start = 0
            for match in _NEWLINE.finditer(text):
                pieces.append(text[start : match.end()])
                yield "".join(pieces)
                pieces.clear()
                start = match.end()
            if start < len(text):
                pieces.append(text[start:])
            if final:
                if pieces:
                    yield "".join(pieces)
                return
    finally:
        if report is not None:
            for action, reason, detail in decoder.events():
                report(action, reason, detail)
