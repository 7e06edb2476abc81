"""Worker hygiene: pool workers die with their parent (kill -9); SIGTERM and Ctrl-C stop with one line, resumably.
One engine serves every step of an extraction."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import ROOT, SAMPLE

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")

PER = 2


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("workers")
    texts = sorted(SAMPLE.glob("*.txt"))
    for i in range(48):
        body = texts[i % len(texts)].read_text(encoding="utf-8")
        (folder / f"{i:03d}.txt").write_text(body + f"\n\nCopy {i}.", encoding="utf-8")
    return folder


def _children(pid: int) -> list[int]:
    """Pids of the live processes whose parent is `pid`."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid and fields[0] != "Z":
                found.append(int(entry.name))
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def _default_sigint() -> None:
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def _start(corpus: Path, out: Path, **popen) -> tuple[subprocess.Popen, list[int]]:
    """Start `extract --workers 2`; return it once two partitions are done, with its worker pids."""
    command = [sys.executable, "-m", "toolkit", "extract", str(corpus), "--out", str(out), "--workers", "2",
               "--files-per-partition", str(PER), "--quiet"]
    # a terminal's foreground job takes Ctrl-C; a job started in the background of a non-interactive shell (a CI
    # runner's `cmd &`) inherits SIGINT ignored, and so would the command, which then never sees the test's Ctrl-C
    process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                               preexec_fn=_default_sigint, **popen)
    deadline = time.monotonic() + 120
    while len(list((out / "_state").glob("*.json"))) < 2 and time.monotonic() < deadline and process.poll() is None:
        time.sleep(0.02)
    workers = [pid for pid in _children(process.pid) if "resource_tracker" not in Path(f"/proc/{pid}/cmdline").read_text()]
    assert process.poll() is None and len(workers) >= 2, "the run ended before it could be stopped"
    return process, workers


def _gone(pids: list[int], seconds: float = 10) -> bool:
    deadline = time.monotonic() + seconds
    while any(_alive(p) for p in pids) and time.monotonic() < deadline:
        time.sleep(0.05)
    return not any(_alive(p) for p in pids)


def test_kill_9_of_the_parent_ends_the_workers(corpus, tmp_path):
    """Recipe 11: kill -9 of `extract --workers 2`'s parent left the pool workers running forever."""
    process, workers = _start(corpus, tmp_path / "out")
    try:
        process.send_signal(signal.SIGKILL)
        process.wait()
        assert _gone(workers), f"workers {[p for p in workers if _alive(p)]} outlived their parent"
    finally:
        for pid in workers:
            if _alive(pid):
                os.kill(pid, signal.SIGKILL)


def _outputs(out: Path) -> dict[str, bytes]:
    return {str(p.relative_to(out)): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()}


@pytest.mark.parametrize("how", ["sigterm", "ctrl-c"])
def test_stop_is_one_line_and_resumable(corpus, tmp_path, how):
    """Recipe 11: SIGTERM left workers behind; Ctrl-C printed a traceback. Both now stop cleanly and resume."""
    out = tmp_path / "out"
    process, workers = _start(corpus, out, start_new_session=True)
    if how == "sigterm":
        process.send_signal(signal.SIGTERM)
    else:  # a terminal's Ctrl-C reaches the whole process group
        os.killpg(process.pid, signal.SIGINT)
    _, err = process.communicate(timeout=60)
    assert process.returncode == (143 if how == "sigterm" else 130), err
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1, err
    assert "run the same command again to resume" in err
    assert _gone(workers)
    command = [sys.executable, "-m", "toolkit", "extract", str(corpus), "--out", str(out),
               "--files-per-partition", str(PER), "--quiet"]
    resumed = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
    assert resumed.returncode == 0, resumed.stderr
    assert " already done" in resumed.stdout and ", 0 already done" not in resumed.stdout
    fresh = tmp_path / "fresh"
    subprocess.run([*command[:6], str(fresh), *command[7:]], cwd=ROOT, check=True, capture_output=True)
    assert _outputs(out) == _outputs(fresh)


def _pid(item: int) -> dict[str, int]:
    return {"item": item, "pid": os.getpid()}


@pytest.mark.parametrize("engine", ["local", "dask"])
def test_one_engine_runs_several_steps(engine):
    """The partitions and both people passes run on the same workers, started once (not this process)."""
    if engine == "dask":
        pytest.importorskip("distributed")
    from toolkit.pipeline.engines import open_engine

    with open_engine(engine, workers=2) as run:
        first = list(run(_pid, [1, 2, 3], ()))
        assert list(run(_pid, [], ())) == []
        second = list(run(_pid, [4, 5], ()))
    assert sorted(r["item"] for r in first + second) == [1, 2, 3, 4, 5]
    pids = {r["pid"] for r in first + second}
    # the same two workers for both steps (a pool or a cluster per step would give four pids)
    assert os.getpid() not in pids and len(pids) <= 2


def test_an_unknown_engine_is_refused():
    from toolkit.pipeline.engines import open_engine

    with pytest.raises(ValueError, match="unknown engine"):
        with open_engine("spark", workers=1):
            pass
