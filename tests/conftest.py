"""Shared test paths: the project root, the sample corpus, and the shared data beside the clone."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "data" / "sample"
REFERENCE = SAMPLE / "000_ad9fd6472d9b5eb0.txt"
#: `shared/` sits beside the clone for developers and CI; TOOLKIT_SHARED points elsewhere.
SHARED = Path(os.environ.get("TOOLKIT_SHARED", ROOT.parent / "shared"))
POLNEAR = SHARED / "polnear"

needs_polnear = pytest.mark.skipif(not POLNEAR.is_dir(), reason=f"PolNeAR not found at {POLNEAR}")
