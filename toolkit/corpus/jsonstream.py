"""Read JSON values one at a time from a byte stream, never holding more than one value in memory.

A JSON array of a thousand articles (11 MB) is read article by article, so the size limit applies to
each article, not to the file. The scanner only finds where a value ends (brackets and strings,
without recursion, so a 100,000-deep nesting cannot overflow the stack); `json.loads` parses it.
Structural characters are ASCII, and ASCII bytes never occur inside a UTF-8 (or single-byte)
character, so scanning bytes is safe before decoding.
"""

from __future__ import annotations

import re
from typing import IO

CHUNK_BYTES = 1 << 20
_NON_SPACE = re.compile(rb"[^ \t\r\n]")
_STRUCTURE = re.compile(rb'["\[\]{}]')
_STRING_END = re.compile(rb'["\\]')
_SCALAR_END = re.compile(rb"[,\]}: \t\r\n]")
UTF8_BOM = b"\xef\xbb\xbf"


class Incomplete(Exception):
    """Raised when the stream ends inside a JSON value (a cut or truncated file)."""


class ByteStream:
    """A binary file read in chunks, with a cursor; only the unread part is kept in memory."""

    def __init__(self, handle: IO[bytes], chunk_bytes: int = CHUNK_BYTES) -> None:
        self.handle = handle
        self.chunk_bytes = chunk_bytes
        self.buf = b""
        self.pos = 0
        self.eof = False
        self._more()
        if self.buf.startswith(UTF8_BOM):
            self.pos = len(UTF8_BOM)

    def _more(self) -> bool:
        """Append the next chunk to the unread part of the buffer; False at the end of the file."""
        if self.eof:
            return False
        # read1: one decompressed block at a time, so a cut .gz loses as little as possible before its EOFError.
        read = getattr(self.handle, "read1", self.handle.read)
        data = read(self.chunk_bytes)
        if not data:
            self.eof = True
            return False
        self.buf = self.buf[self.pos :] + data
        self.pos = 0
        return True

    def peek(self) -> bytes:
        """Return the next non-whitespace byte without consuming it (skipping the whitespace), b"" at the end."""
        while True:
            match = _NON_SPACE.search(self.buf, self.pos)
            if match is not None:
                self.pos = match.start()
                return self.buf[self.pos : self.pos + 1]
            self.pos = len(self.buf)
            if not self._more():
                return b""

    def peek_second(self) -> bytes:
        """Return the non-whitespace byte after the next one (for "[{": an array of objects), b"" at the end."""
        self.peek()
        while True:
            match = _NON_SPACE.search(self.buf, self.pos + 1)
            if match is not None:
                return self.buf[match.start() : match.start() + 1]
            if not self._more():  # keeps the unread bytes, the next one included
                return b""

    def advance(self) -> None:
        """Consume one byte (a bracket, comma or colon that `peek` returned)."""
        self.pos += 1

    def value(self, limit: int) -> bytes | None:
        """Consume the next JSON value and return its bytes, or None when it is longer than `limit`.

        Raises `Incomplete` when the stream ends inside the value.
        """
        self.peek()
        pieces: list[bytes] = []
        size = 0
        keep = True
        start = i = self.pos
        first = self.buf[i : i + 1]
        if not first:
            raise Incomplete("the file ends where a JSON value should start")
        depth = 0
        in_string = first == b'"'
        scalar = first not in (b"{", b"[", b'"')
        if in_string:
            i += 1
        while True:
            end = None
            if in_string:
                match = _STRING_END.search(self.buf, i)
                if match is None:
                    i = len(self.buf)
                elif match.group() == b"\\":
                    if match.start() + 1 < len(self.buf):
                        i = match.start() + 2
                        continue
                    i = match.start()  # the escaped byte is in the next chunk: keep the backslash unread
                else:
                    in_string = False
                    i = match.end()
                    if depth == 0:
                        end = i
                    else:
                        continue
            elif scalar:
                match = _SCALAR_END.search(self.buf, i)
                if match is not None:
                    end = match.start()
                else:
                    i = len(self.buf)
            else:
                match = _STRUCTURE.search(self.buf, i)
                if match is None:
                    i = len(self.buf)
                else:
                    i = match.end()
                    char = match.group()
                    if char == b'"':
                        in_string = True
                    elif char in (b"{", b"["):
                        depth += 1
                    else:
                        depth -= 1
                        if depth <= 0:
                            end = i
                    if end is None:
                        continue
            if end is not None:
                if keep:
                    pieces.append(self.buf[start:end])
                    size += end - start
                self.pos = end
                return b"".join(pieces) if keep and size <= limit else None
            # The value goes on past this chunk: keep what we have (while under the limit), read on.
            if keep:
                pieces.append(self.buf[start:i])
                size += i - start
                if size > limit:
                    keep, pieces = False, []
            self.pos = i
            if not self._more():
                if scalar and size:
                    return b"".join(pieces) if keep and size <= limit else None
                raise Incomplete("the file ends inside a JSON value")
            start = i = self.pos
