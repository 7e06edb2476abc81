"""Shared test paths: the project root, the sample corpus, and the shared data beside the clone."""

from __future__ import annotations

import importlib
import io
import os
import sys
from contextlib import redirect_stdout
from pathlib import Path
from types import ModuleType
from typing import Callable, Sequence

import pytest

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "data" / "sample"
REFERENCE = SAMPLE / "000_ad9fd6472d9b5eb0.txt"
#: `shared/` sits beside the clone for developers and CI; TOOLKIT_SHARED points elsewhere.
SHARED = Path(os.environ.get("TOOLKIT_SHARED", ROOT.parent / "shared"))
POLNEAR = SHARED / "polnear"

needs_polnear = pytest.mark.skipif(not POLNEAR.is_dir(), reason=f"PolNeAR not found at {POLNEAR}")
#: The TRAIN denial gold (GUIDELINES.md format) and the texts its offsets point into.
TRAIN_DENIALS = SHARED / "denials" / "train"
TRAIN_TEXTS = POLNEAR / "train" / "text"
#: The silver-annotated TRAIN articles (in the repository, offsets into TRAIN_TEXTS): training data beside the gold.
SILVER_TRAIN = ROOT / "data" / "denials_silver" / "train"
needs_train_denials = pytest.mark.skipif(not (TRAIN_DENIALS / "gold.jsonl").is_file() or not TRAIN_TEXTS.is_dir(),
                                         reason="TRAIN denial gold or PolNeAR train texts absent")


def script(name: str, folder: str = "scripts") -> ModuleType:
    """Import a script of `scripts/` (or of another folder, e.g. `benchmarks/`; not a package) by its file name
    without `.py`."""
    sys.path.insert(0, str(ROOT / folder))
    try:
        return importlib.import_module(name)
    finally:
        sys.path.pop(0)


def printed(main: Callable[[list[str]], int], argv: Sequence[object]) -> str:
    """What a script's `main(argv)` prints; it must return 0."""
    out = io.StringIO()
    with redirect_stdout(out):
        assert main([str(a) for a in argv]) == 0
    return out.getvalue()
