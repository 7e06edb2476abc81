"""Derive ``toolkit/data/word_classes.txt``: the Unicode classes ``word_spans`` matches with ``re``.

``toolkit.text.tokenize.word_spans`` used to run through NLTK's ``RegexpTokenizer``,
which compiles with the third-party ``regex`` engine (NLTK's ``redos``
wrapper). ``regex`` and the standard ``re`` disagree on ``\\w`` (``regex``:
Alphabetic + Mark + Nd + Pc + Join_Control, its own Unicode version; ``re``:
``str.isalnum()`` + ``_``), on ``\\d`` (Unicode version) and on ``\\s``
(``re`` adds \\x1c-\\x1f). To keep the token spans identical while matching
with the faster ``re``, the tokenizer spells the three classes out as code-point
ranges taken from ``regex``; this script writes them.

    .venv/bin/python scripts/derive_word_classes.py > toolkit/data/word_classes.txt

Rerun it when the ``regex`` version NLTK uses changes (``tests/test_tokenize.py``
compares ``word_spans`` with NLTK's tokenizer on random text).
"""

from __future__ import annotations

import regex

CLASSES = {"word": r"\w", "digit": r"\d", "letter": r"[^\W\d_]"}


def ranges(pattern: str) -> list[tuple[int, int]]:
    """Return the inclusive code-point ranges that ``regex`` matches with ``pattern``."""
    rx = regex.compile(pattern, regex.UNICODE | regex.VERBOSE)
    out: list[list[int]] = []
    for i in range(0x110000):
        if rx.match(chr(i)):
            if out and out[-1][1] == i - 1:
                out[-1][1] = i
            else:
                out.append([i, i])
    return [(s, e) for s, e in out]


def main() -> None:
    """Print one line per class: NAME<TAB>space-separated hex ranges (``S-E`` or ``S``)."""
    print(f"# Unicode classes of the `regex` engine (version {regex.__version__}), as NLTK's tokenizer sees them;")
    print("# used by toolkit.text.tokenize.word_spans with the standard `re` module (identical spans, faster).")
    print("# Regenerate: .venv/bin/python scripts/derive_word_classes.py > toolkit/data/word_classes.txt")
    for name, pattern in CLASSES.items():
        cells = [f"{s:X}" if s == e else f"{s:X}-{e:X}" for s, e in ranges(pattern)]
        print(f"{name}\t{' '.join(cells)}")


if __name__ == "__main__":
    main()
