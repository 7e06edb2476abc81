"""RTF exports to plain text, one line per paragraph, through striprtf.

striprtf handles the RTF that vendors write (\\'hh bytes in the font's or the document's code page,
\\uN escapes with their fallback characters, destinations such as font tables and pictures). Two
of its choices are changed here: a page break (\\page, Factiva's separator between articles) ends a
line instead of becoming a blank line lost among others, and a table cell ends with a tab, not
"|", so that a table row "HD | Headline" cannot be confused with a "|" in an article.
"""

from __future__ import annotations

import re

from striprtf.striprtf import rtf_to_text as _striprtf

#: Control words rewritten before striprtf sees them: \page -> \par, \cell and \nestcell -> \tab.
#: An escaped backslash ("\\\\") is matched first so that the text "\\page" is left alone.
_REWRITE = re.compile(r"\\\\|\\(page|cell|nestcell)(?![a-zA-Z])(-?\d+)? ?")
_SWAP = {"page": "\\par ", "cell": "\\tab ", "nestcell": "\\tab "}


def is_rtf(data: bytes) -> bool:
    """Return True when bytes start like an RTF document ("{\\rtf")."""
    return data.lstrip()[:5] == b"{\\rtf"


def rtf_text(data: bytes) -> str:
    """Return the text of an RTF document, one line per paragraph; never raises on malformed RTF."""
    # RTF is 7-bit ASCII with escapes; stray 8-bit bytes are read as the default code page.
    raw = data.decode("cp1252", errors="replace")
    raw = _REWRITE.sub(lambda m: m.group() if m.group() == "\\\\" else _SWAP[m.group(1)], raw)
    text = _striprtf(raw, errors="replace")
    return text.replace("\r\n", "\n").replace("\r", "\n")
