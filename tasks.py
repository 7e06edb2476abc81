#!/usr/bin/env python3
"""Project tasks that need nothing but Python: `python3 tasks.py test|report|lab|setup|lock`.

Each task creates (or reuses) the virtual environment `.venv/`, installs the exact dependency set pinned
in `requirements.lock` (then the project itself) when the lock or `pyproject.toml` changed since the last
install, then does its job. `lock` re-resolves `requirements.lock` from `pyproject.toml` (with uv, for
every platform and Python >= 3.10); run it after changing a dependency. Works the same on Linux, macOS and
Windows; conda users can use `environment.yml` and run the same commands.
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
LOCK = ROOT / "requirements.lock"
#: The resolver for `lock`, pinned so that the same pyproject.toml gives the same lock file.
UV = "uv==0.13.9"
LOCK_EXTRAS = ("test",)


def venv_python() -> Path:
    """Return the virtual environment's Python interpreter."""
    return VENV / ("Scripts/python.exe" if os.name == "nt" else "bin/python")


def run(*args: str | Path) -> None:
    """Run a command from the project root; stop with its exit status if it fails."""
    print("+ " + " ".join(str(a) for a in args), flush=True)
    result = subprocess.run([str(a) for a in args], cwd=ROOT)
    if result.returncode != 0:
        sys.exit(result.returncode)


def dependency_digest() -> str:
    """Return a digest of the dependency tables of pyproject.toml (what the lock was resolved from)."""
    import tomllib  # Python >= 3.11; tasks that need it are run by developers, not by users

    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    wanted = {"requires-python": project.get("requires-python"), "dependencies": project.get("dependencies", []),
              "optional-dependencies": project.get("optional-dependencies", {})}
    return hashlib.sha256(repr(sorted(wanted.items())).encode()).hexdigest()


def locked_digest() -> str | None:
    """Return the dependency digest recorded in requirements.lock's header, or None."""
    for line in LOCK.read_text(encoding="utf-8").splitlines():
        if line.startswith("# dependencies-sha256: "):
            return line.split(": ", 1)[1].strip()
    return None


def setup() -> Path:
    """Create the virtual environment if needed and install the locked dependencies and the project."""
    python = venv_python()
    if not python.exists():
        print(f"creating virtual environment {VENV}", flush=True)
        venv.EnvBuilder(with_pip=True).create(VENV)
    wanted = hashlib.sha256((ROOT / "pyproject.toml").read_bytes() + LOCK.read_bytes()).hexdigest()
    if not STAMP.exists() or STAMP.read_text().strip() != wanted:
        # The exact versions first, then the project alone: pip resolves nothing, so every machine gets
        # the same set (whatever pip version Python bundled).
        run(python, "-m", "pip", "install", "--quiet", "-r", LOCK)
        run(python, "-m", "pip", "install", "--quiet", "--no-deps", "-e", ROOT)
        run(python, "-m", "pip", "check")
        STAMP.write_text(wanted + "\n")
    return python


def lock(extra: list[str]) -> None:
    """Re-resolve requirements.lock from pyproject.toml (needs the package registry)."""
    python = venv_python() if venv_python().exists() else Path(sys.executable)
    run(python, "-m", "pip", "install", "--quiet", UV)
    extras = [arg for name in LOCK_EXTRAS for arg in ("--extra", name)]
    resolved = LOCK.with_name(LOCK.name + ".new")
    run(python, "-m", "uv", "pip", "compile", "pyproject.toml", *extras, "--universal", "--python-version", "3.10",
        "--no-header", "--quiet", "--output-file", resolved, *extra)
    body = resolved.read_text(encoding="utf-8")
    resolved.unlink()
    header = (
        "# The exact dependency set of this project (extras: " + ", ".join(LOCK_EXTRAS) + "), for every platform and\n"
        "# Python >= 3.10. Made by `python3 tasks.py lock` (" + UV + "); `tasks.py` installs from it.\n"
        "# dependencies-sha256: " + dependency_digest() + "\n"
    )
    LOCK.write_text(header + body, encoding="utf-8")
    print(f"wrote {LOCK}")


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


TASKS = {"setup": lambda extra: print(setup()), "test": test, "report": report, "lab": lab, "lock": lock}


def main(argv: list[str]) -> None:
    """Dispatch to a task by name."""
    if not argv or argv[0] not in TASKS:
        print(__doc__.strip(), file=sys.stderr)
        print(f"\nusage: python3 tasks.py {{{'|'.join(TASKS)}}} [ARGS...]", file=sys.stderr)
        sys.exit(2)
    TASKS[argv[0]](argv[1:])


if __name__ == "__main__":
    main(sys.argv[1:])
