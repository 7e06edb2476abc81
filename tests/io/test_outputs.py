"""Output safety: an output is never an input, around one or inside one; atomic writes; owned folders; locks."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

import pytest

from conftest import ROOT
from toolkit.io.outputs import (
    LOCK_FILE, OWNER_MARKER, FolderLock, OutputError, OwnedFolder, atomic_open, atomic_write, resolve_output,
)


@pytest.fixture
def corpus(tmp_path):
    folder = tmp_path / "C"
    (folder / "articles").mkdir(parents=True)
    (folder / "articles" / "part-1.txt").write_text("An article.", encoding="utf-8")
    return folder


@pytest.mark.parametrize(
    "out, kind, message",
    [
        ("C", "folder", "is an input"),
        ("C/articles", "folder", "is an input"),  # the input itself, given as a sub-path of the corpus below
        ("C/articles/part-1.txt", "file", "is an input"),
        (".", "folder", "contains the input"),
        ("C/articles/out", "folder", "lies inside the input folder"),
        ("C/quotes.jsonl", "file", "lies inside the input folder"),
    ],
)
def test_refuses_outputs_that_touch_an_input(tmp_path, corpus, out, kind, message):
    inputs = [corpus / "articles"] if out == "C/articles" else [corpus, corpus / "articles" / "part-1.txt"]
    with pytest.raises(OutputError, match=message):
        resolve_output(tmp_path / out, inputs, kind=kind)


def test_outputs_beside_the_corpus_are_fine(tmp_path, corpus):
    assert resolve_output(tmp_path / "out", [corpus], kind="folder") == (tmp_path / "out").resolve()
    assert resolve_output(tmp_path / "q.jsonl", [corpus]) == (tmp_path / "q.jsonl").resolve()


def test_symlinks_are_resolved(tmp_path, corpus):
    """An output reached through a link, or an input folder linked from inside the corpus, is still caught."""
    (tmp_path / "alias").symlink_to(corpus, target_is_directory=True)
    with pytest.raises(OutputError, match="is an input"):
        resolve_output(tmp_path / "alias", [corpus], kind="folder")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (corpus / "more").symlink_to(elsewhere, target_is_directory=True)  # the loader follows it: part of the corpus
    with pytest.raises(OutputError, match="lies inside the input folder"):
        resolve_output(elsewhere / "out.jsonl", [corpus])


def test_file_and_folder_kinds(tmp_path, corpus):
    with pytest.raises(OutputError, match="is a folder"):
        resolve_output(tmp_path, [])
    (tmp_path / "f").write_text("x")
    with pytest.raises(OutputError, match="is a file"):
        resolve_output(tmp_path / "f", [], kind="folder")


def test_atomic_write_keeps_the_old_file_when_writing_fails(tmp_path):
    target = tmp_path / "old.jsonl"
    target.write_text("precious\n")

    def fail(tmp):
        tmp.write_text("half")
        raise RuntimeError("disk full")

    with pytest.raises(RuntimeError):
        atomic_write(target, fail)
    assert target.read_text() == "precious\n" and sorted(p.name for p in tmp_path.iterdir()) == ["old.jsonl"]
    with pytest.raises(KeyboardInterrupt):
        with atomic_open(target) as handle:
            handle.write("half")
            raise KeyboardInterrupt
    assert target.read_text() == "precious\n" and sorted(p.name for p in tmp_path.iterdir()) == ["old.jsonl"]
    atomic_write(target, lambda tmp: tmp.write_text("new\n"))
    assert target.read_text() == "new\n"


def test_owned_folder_refuses_someone_elses_folder(tmp_path):
    (tmp_path / "thesis.docx").write_text("years of work")
    with pytest.raises(OutputError, match="not empty and was not written by the toolkit"):
        OwnedFolder.claim(tmp_path, "report")
    assert [p.name for p in tmp_path.iterdir()] == ["thesis.docx"]


def test_owned_folder_deletes_only_what_it_wrote(tmp_path):
    out = tmp_path / "out"
    folder = OwnedFolder.claim(out, "report", patterns=("parts/part-*.parquet",))
    (out / "tables").mkdir()
    (out / "tables" / "a.csv").write_text("ours")
    (out / "parts").mkdir()
    (out / "parts" / "part-1.parquet").write_text("ours by pattern")
    folder.add([out / "tables" / "a.csv"])
    folder.save()
    (out / "tables" / "notes.txt").write_text("a researcher's")  # added later by hand
    again = OwnedFolder.claim(out, "report", patterns=("parts/part-*.parquet",))
    removed = again.clean()
    assert sorted(p.name for p in removed) == ["a.csv", "part-1.parquet"]
    assert (out / "tables" / "notes.txt").read_text() == "a researcher's"
    assert not (out / "parts").exists()  # emptied folders go too
    with pytest.raises(OutputError, match="not a extraction folder"):
        OwnedFolder.claim(out, "extraction")
    with pytest.raises(OutputError, match="was not written by the toolkit"):
        again.remove([out / "tables" / "notes.txt"])


def test_damaged_marker_is_named(tmp_path):
    (tmp_path / OWNER_MARKER).write_text('{"kind": "rep')
    with pytest.raises(OutputError, match=f"{OWNER_MARKER} is damaged"):
        OwnedFolder.claim(tmp_path, "report")


def test_a_second_run_is_told_who_holds_the_lock(tmp_path):
    holder = textwrap.dedent(f"""
        import sys, time
        from toolkit.io.outputs import FolderLock
        with FolderLock({str(tmp_path)!r}):
            print("locked", flush=True)
            time.sleep(60)
    """)
    process = subprocess.Popen([sys.executable, "-c", holder], cwd=ROOT, stdout=subprocess.PIPE, text=True)
    try:
        assert process.stdout.readline().strip() == "locked"
        with pytest.raises(OutputError, match=rf"being written by another run \(pid {process.pid} on "):
            with FolderLock(tmp_path):
                pass
    finally:
        process.kill()
        process.wait()
    with FolderLock(tmp_path):  # a killed holder leaves no lock behind
        assert (tmp_path / LOCK_FILE).read_text().startswith(f"pid {os.getpid()} ")
    assert (tmp_path / LOCK_FILE).read_text() == ""
