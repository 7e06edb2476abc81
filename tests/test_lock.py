"""The lock file: resolved from the current pyproject.toml dependencies, and what tasks.py installs."""

from __future__ import annotations

import importlib.util
import re

from conftest import ROOT


def _tasks():
    spec = importlib.util.spec_from_file_location("tasks", ROOT / "tasks.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_lock_matches_pyproject_dependencies() -> None:
    """Change a dependency in pyproject.toml without `python3 tasks.py lock` and this fails."""
    tasks = _tasks()
    assert tasks.locked_digest() == tasks.dependency_digest(), "requirements.lock is stale: run `python3 tasks.py lock`"


def test_lock_pins_every_direct_dependency() -> None:
    lock = (ROOT / "requirements.lock").read_text(encoding="utf-8")
    pinned = {re.split(r"[=\[ ;]", line, maxsplit=1)[0].lower().replace("_", "-")
              for line in lock.splitlines() if "==" in line and not line.startswith((" ", "#"))}
    import tomllib

    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    direct = [*project["dependencies"], *project["optional-dependencies"]["test"]]
    names = {re.split(r"[<>=!~\[ ;]", spec, maxsplit=1)[0].lower().replace("_", "-") for spec in direct}
    assert names <= pinned, f"not pinned: {sorted(names - pinned)}"
    assert all("==" in line for line in lock.splitlines() if line and not line.startswith((" ", "#")))
