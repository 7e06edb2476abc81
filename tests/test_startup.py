"""Start-up: `python -m toolkit --help` (and each command's `--help`) imports no heavy library, and the package's
public names are imported on first use (PEP 562) yet behave as plain attributes."""

from __future__ import annotations

import subprocess
import sys

import pytest

from conftest import ROOT

#: Libraries that cost 0.1-1.5 s each to import: only a command that runs may need them.
HEAVY = ("pandas", "pyarrow", "numpy", "nltk", "matplotlib")
#: Every command family `python -m toolkit` lists, and the two-level validate actions.
COMMANDS = ("load", "quotes", "denials", "extract", "report", "evaluate", "validate", "validate sample", "validate score")


def imported_modules(importtime: str) -> set[str]:
    """Module names in the stderr of `python -X importtime` ("import time: self | cumulative | name" lines)."""
    names = set()
    for line in importtime.splitlines():
        if not line.startswith("import time:") or line.count("|") != 2:
            continue
        self_us, _, name = line.removeprefix("import time:").split("|")
        if self_us.strip().isdigit():  # not the header line's column titles
            names.add(name.strip())
    return names


def heavy_imports(argv: list[str]) -> tuple[list[str], set[str]]:
    """Run `python -X importtime ARGV` from the project root; return the heavy top-level packages it imported and
    every module it imported."""
    result = subprocess.run([sys.executable, "-X", "importtime", *argv], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stderr[-2000:]
    modules = imported_modules(result.stderr)
    return sorted({name.split(".")[0] for name in modules} & set(HEAVY)), modules


def test_imported_modules_reads_importtime_lines() -> None:
    stderr = ("import time: self [us] | cumulative | imported package\n"
              "import time:       120 |        120 |   pandas._libs\n"
              "import time:      1000 |       1120 | pandas\n"
              "Traceback (most recent call last): | not | a module\n")
    assert imported_modules(stderr) == {"pandas._libs", "pandas"}


def test_help_imports_nothing_heavy() -> None:
    heavy, modules = heavy_imports(["-m", "toolkit", "--help"])
    assert "toolkit.cli.main" in modules  # the check below read real importtime output
    assert heavy == []


@pytest.mark.parametrize("command", COMMANDS)
def test_command_help_imports_nothing_heavy(command: str) -> None:
    heavy, modules = heavy_imports(["-m", "toolkit", *command.split(), "--help"])
    assert "toolkit.cli.main" in modules
    assert heavy == []


def test_public_names_are_imported_on_first_use() -> None:
    """`import toolkit` alone imports no component; `from toolkit import ...` and `dir(toolkit)` still work."""
    script = "\n".join([
        "import sys, toolkit",
        "assert not [m for m in sys.modules if m.split('.')[0] in {heavy!r} or m.startswith('toolkit.corpus')], sorted(sys.modules)",
        "assert {{'load_corpus', 'find_quotes', 'find_denials', 'Quote', '__version__'}} <= set(dir(toolkit)), dir(toolkit)",
        "from toolkit import load_corpus, find_quotes, find_denials, Quote",
        "from toolkit.corpus import load_corpus as corpus_load",
        "from toolkit.quotes.doc import Quote as doc_quote",
        "assert load_corpus is corpus_load and Quote is doc_quote",
        "assert [q.speaker for q in find_quotes('\u201cWe will win,\u201d Smith said.')] == ['Smith']",
    ]).format(heavy=set(HEAVY))
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stderr[-3000:]


def test_every_public_name_resolves_and_unknown_names_raise() -> None:
    import toolkit

    for name in toolkit.__all__:
        assert getattr(toolkit, name) is not None, name
    assert set(toolkit.__all__) <= set(dir(toolkit))
    with pytest.raises(AttributeError, match="no_such_name"):
        toolkit.no_such_name  # noqa: B018


def test_cli_constants_match_the_library() -> None:
    """The CLI spells out what its parsers need so `--help` imports no library; they must say what the library does."""
    from toolkit.cli.options import DENIAL_MIN_SCORE, READ_FORMATS
    from toolkit.corpus.loaders import READ_FORMATS as LOADER_FORMATS
    from toolkit.denials.finder import MIN_SCORE

    assert READ_FORMATS == LOADER_FORMATS
    assert DENIAL_MIN_SCORE == MIN_SCORE
