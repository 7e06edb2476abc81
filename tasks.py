#!/usr/bin/env python3
"""Project tasks that need nothing but Python: `python3 tasks.py test|report|lab|setup`.

Each task creates (or reuses) the virtual environment `.venv/`, installs the project with its
dependencies when `pyproject.toml` changed since the last install, then does its job. Works the same
on Linux, macOS and Windows; conda users can use `environment.yml` and run the same commands.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = Path(os.environ.get("TOOLKIT_VENV", ROOT / ".venv"))
STAMP = VENV / ".toolkit-installed"


def venv_python() -> Path:
    """Return the virtual environment's Python interpreter."""
    return VENV / ("Scripts/python.exe" if os.name == "nt" else "bin/python")


def run(*args: str | Path) -> None:
    """Run a command from the project root; stop with its exit status if it fails."""
    print("+ " + " ".join(str(a) for a in args), flush=True)
    result = subprocess.run([str(a) for a in args], cwd=ROOT)
    if result.returncode != 0:
        sys.exit(result.returncode)


def setup() -> Path:
    """Create the virtual environment if needed and install the project into it; return its Python."""
    python = venv_python()
    if not python.exists():
        print(f"creating virtual environment {VENV}", flush=True)
        venv.EnvBuilder(with_pip=True).create(VENV)
    wanted = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    if not STAMP.exists() or STAMP.read_text().strip() != wanted:
        run(python, "-m", "pip", "install", "--quiet", "--upgrade", "pip")
        run(python, "-m", "pip", "install", "--quiet", "-e", f"{ROOT}[test]")
        STAMP.write_text(wanted + "\n")
    return python


def test(extra: list[str]) -> None:
    """Run the whole test suite (unit tests, notebooks, report)."""
    run(setup(), "-m", "pytest", *extra)


def report(extra: list[str]) -> None:
    """Make the report of the sample corpus under reports/sample (or pass CORPUS --out DIR ...)."""
    args = extra or ["data/sample", "--out", "reports/sample"]
    run(setup(), "-m", "toolkit", "report", *args)


def lab(extra: list[str]) -> None:
    """Open JupyterLab on the project's environment."""
    run(setup(), "-m", "jupyter", "lab", "--notebook-dir", ROOT, *extra)


TASKS = {"setup": lambda extra: print(setup()), "test": test, "report": report, "lab": lab}


def main(argv: list[str]) -> None:
    """Dispatch to a task by name."""
    if not argv or argv[0] not in TASKS:
        print(__doc__.strip(), file=sys.stderr)
        print(f"\nusage: python3 tasks.py {{{'|'.join(TASKS)}}} [ARGS...]", file=sys.stderr)
        sys.exit(2)
    TASKS[argv[0]](argv[1:])


if __name__ == "__main__":
    main(sys.argv[1:])
