"""Turn raw bytes into text, or say precisely why they are not an article's text."""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

#: Tried in order when no encoding is given; latin-1 decodes any byte string, so it is the last resort.
FALLBACK_ENCODINGS: tuple[str, ...] = ("cp1252", "latin-1")
#: Share of control characters (other than whitespace) above which decoded text is taken as binary.
MAX_CONTROL_SHARE = 0.05
# Unicode category Cc minus the characters str.isspace() counts as whitespace (\t\n\v\f\r, \x1c-\x1f, \x85).
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1b\x7f-\x84\x86-\x9f]")
_WHITESPACE = re.compile(r"\s")


class Unreadable(Exception):
    """Raised when bytes cannot be an article text; `reason` is a short code for the load log."""

    def __init__(self, reason: str, detail: str = "") -> None:
        super().__init__(f"{reason}: {detail}" if detail else reason)
        self.reason = reason
        self.detail = detail


@dataclass(frozen=True)
class Decoded:
    """Decoded text, the encoding used, and whether that was a fallback worth a warning."""

    text: str
    encoding: str
    fallback: bool = False


def looks_binary(data: bytes) -> bool:
    """Return True when `data` holds NUL bytes in its first 8 KiB (text files never do)."""
    return b"\x00" in data[:8192]


def control_share(text: str) -> float:
    """Return the share of control characters among the non-whitespace characters of `text`."""
    sample = text[:8192]
    visible = len(sample) - len(_WHITESPACE.findall(sample))
    if not visible:
        return 0.0
    return len(_CONTROL.findall(sample)) / visible


def decode_bytes(data: bytes, encoding: str | None = None) -> Decoded:
    """Decode `data` as UTF-8 (BOM removed), else a recorded fallback, or raise `Unreadable`.

    With an explicit `encoding`, decode strictly with it and nothing else.
    """
    if looks_binary(data):
        raise Unreadable("binary", "NUL bytes: not a text file")
    if encoding is not None:
        try:
            text = data.decode(encoding)
        except (UnicodeDecodeError, LookupError) as exc:
            raise Unreadable("decode_error", f"not {encoding}: {exc}") from exc
        result = Decoded(text, encoding)
    else:
        result = _decode_guess(data)
    if control_share(result.text) > MAX_CONTROL_SHARE:
        raise Unreadable("binary", "mostly control characters: not a text file")
    return result


def _decode_guess(data: bytes) -> Decoded:
    """Decode as UTF-8, else the first fallback encoding that accepts the bytes."""
    try:
        return Decoded(data.decode("utf-8-sig"), "utf-8")
    except UnicodeDecodeError:
        pass
    for encoding in FALLBACK_ENCODINGS:
        try:
            return Decoded(data.decode(encoding), encoding, fallback=True)
        except UnicodeDecodeError:
            continue
    raise AssertionError("latin-1 decodes every byte string")  # pragma: no cover


def incremental_decoder(sample: bytes, encoding: str | None = None) -> tuple[codecs.IncrementalDecoder, str, bool]:
    """Choose a streaming decoder for a large file from its first bytes: (decoder, encoding, fallback)."""
    if encoding is None:
        try:
            # A multi-byte character may be cut at the end of the sample; that alone is no reason to fall back.
            codecs.getincrementaldecoder("utf-8-sig")().decode(sample, final=False)
            encoding, fallback = "utf-8-sig", False
        except UnicodeDecodeError:
            encoding, fallback = FALLBACK_ENCODINGS[0], True
    else:
        fallback = False
    return codecs.getincrementaldecoder(encoding)(errors="replace"), encoding, fallback
