"""Reading an extraction folder: a damaged, unfinished or older one is a clear error naming it; typed tables."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pandas as pd
import pytest

from conftest import ROOT
from toolkit.cli.main import main
from toolkit.io.outputs import OutputError
from toolkit.pipeline.dataset import open_dataset
from toolkit.pipeline.extraction import extract, read_table
from toolkit.pipeline.layout import ExtractionError, typed_table


@pytest.fixture
def corpus(tmp_path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    for i in range(3):
        (folder / f"a{i}.txt").write_text(f"Article {i}. The minister said the report was false.", encoding="utf-8")
    return folder


def test_truncated_manifest_is_named(corpus, tmp_path, capsys):
    out = tmp_path / "out"
    extract(corpus, out, progress=False)
    manifest = out / "manifest.json"
    manifest.write_text(manifest.read_text()[:40], encoding="utf-8")
    for read in (lambda: read_table(out, "articles"), lambda: open_dataset(out)):
        with pytest.raises(ExtractionError, match=r"manifest.json is damaged \(truncated or not JSON"):
            read()
    assert main(["report", str(out), "--out", str(tmp_path / "r"), "--quiet"]) == 2
    assert "manifest.json is damaged" in capsys.readouterr().err
    # extract into it again: the folder is ours, so it starts over rather than trust a damaged manifest
    extract(corpus, out, progress=False)
    assert len(read_table(out, "articles")) == 3


def _old_extraction(folder: Path) -> None:
    """What toolkit 0.1.0 wrote: a manifest without a schema, markers, part files named by index."""
    (folder / "_state").mkdir(parents=True)
    (folder / "articles").mkdir()
    (folder / "articles" / "part-00000.parquet").write_bytes(b"PAR1")
    (folder / "manifest.json").write_text(json.dumps({"fingerprint": "f", "toolkit": "0.1.0", "partitions": 1}))


def test_extraction_from_an_older_toolkit_is_refused_clearly(corpus, tmp_path):
    old = tmp_path / "old"
    _old_extraction(old)
    for read in (lambda: read_table(old, "articles"), lambda: open_dataset(old)):
        with pytest.raises(ExtractionError, match=r"extracted by toolkit 0.1.0 \(layout schema 1\); this toolkit reads schema 2"):
            read()
    with pytest.raises(ExtractionError, match="extracted by toolkit 0.1.0"):
        extract(corpus, old, progress=False)
    assert (old / "articles" / "part-00000.parquet").read_bytes() == b"PAR1"  # nothing touched


def test_unfinished_extraction_says_so(corpus, tmp_path):
    out = tmp_path / "out"
    extract(corpus, out, progress=False)
    manifest = json.loads((out / "manifest.json").read_text())
    (out / "manifest.json").write_text(json.dumps({**manifest, "complete": False}))
    with pytest.raises(ExtractionError, match="unfinished extraction: run the same extract command again"):
        read_table(out, "quotes")


def test_metadata_columns_named_like_offsets_keep_their_values(corpus, tmp_path):
    """Recipe 10: a metadata column named `*_start`/`*_end` broke the typed tables."""
    (corpus / "metadata.tsv").write_text("doc_id\tevent_start\tcampaign_end\na0\t2016-10-01\tnever\n", encoding="utf-8")
    extract(corpus, tmp_path / "out", progress=False)
    articles = read_table(tmp_path / "out", "articles").set_index("doc_id")
    assert articles.loc["a0", "event_start"] == "2016-10-01" and articles.loc["a0", "campaign_end"] == "never"
    frame = typed_table("quotes", [{"doc_id": "x", "start": 1, "end": 2, "speaker_start": None}])
    assert str(frame["start"].dtype) == "Int64" and str(frame["speaker_start"].dtype) == "Int64"


def test_dangling_and_looping_links_are_logged_skips(corpus, tmp_path):
    """Recipe 10: a dangling or looping symlink in extract/report crashed the run."""
    (corpus / "gone.txt").symlink_to(tmp_path / "nowhere.txt")
    (corpus / "loop.txt").symlink_to(corpus / "loop.txt")
    result = extract(corpus, tmp_path / "out", progress=False)
    assert result.partitions >= 1
    log = read_table(tmp_path / "out", "load_log")
    skipped = log[log["action"] == "skipped"]
    assert sorted(Path(s).name for s in skipped["source"]) == ["gone.txt", "loop.txt"]
    assert len(read_table(tmp_path / "out", "articles")) == 3
    data = open_dataset(tmp_path / "out")
    assert (data.log.read, data.log.loaded, data.log.skipped) == (5, 3, 2)


def test_empty_tables_have_their_columns(tmp_path):
    (tmp_path / "empty").mkdir()
    extract(tmp_path / "empty", tmp_path / "out", progress=False)
    assert list(read_table(tmp_path / "out", "quotes").columns)[:3] == ["doc_id", "start", "end"]
    assert isinstance(read_table(tmp_path / "out", "load_log"), pd.DataFrame)


def test_second_extract_into_the_same_folder_is_refused_with_the_holder(corpus, tmp_path):
    """Recipe 4: two extract runs into one --out at once mixed both corpora."""
    out = tmp_path / "out"
    extract(corpus, out, progress=False)
    holder = textwrap.dedent(f"""
        import time
        from toolkit.io.outputs import FolderLock
        with FolderLock({str(out)!r}):
            print("locked", flush=True)
            time.sleep(60)
    """)
    process = subprocess.Popen([sys.executable, "-c", holder], cwd=ROOT, stdout=subprocess.PIPE, text=True)
    try:
        assert process.stdout.readline().strip() == "locked"
        before = {p: p.read_bytes() for p in out.rglob("*") if p.is_file() and p.name != ".toolkit-lock"}
        with pytest.raises(OutputError, match=rf"{out} is being written by another run \(pid {process.pid} on "):
            extract(corpus, out, progress=False, dedupe=False)
        assert {p: p.read_bytes() for p in out.rglob("*") if p.is_file() and p.name != ".toolkit-lock"} == before
    finally:
        process.kill()
        process.wait()
