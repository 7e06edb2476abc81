"""Partitions: content-defined boundaries (adding a file re-runs only its partition), corpus order, cache keys."""

from __future__ import annotations

from pathlib import Path

from toolkit.pipeline.extraction import extract, read_table
from toolkit.pipeline.plan import is_boundary, plan_partitions

PER = 3


def _write(folder: Path, name: str, i: int) -> None:
    (folder / name).write_text(f"Article {name}. The minister said on Monday that report {i} was false.", encoding="utf-8")


def _corpus(folder: Path, n: int = 30) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        _write(folder, f"b{i:03d}.txt", i)
    return folder


def test_boundaries_depend_on_the_file_not_its_position(tmp_path):
    corpus = _corpus(tmp_path / "c")
    before = plan_partitions(corpus, files_per_partition=PER)
    _write(corpus, "a000.txt", 999)  # sorts before every other file
    after = plan_partitions(corpus, files_per_partition=PER)
    new = {p.name for p in after} - {p.name for p in before}
    changed = [p for p in after if p.name in new]
    assert 1 <= len(changed) <= 2  # its own partition (split in two if the new file is itself a boundary)
    assert any(str(corpus / "a000.txt") == f for p in changed for f, _ in p.files)
    assert sum(len(p.files) for p in changed) <= sum(len(p.files) for p in before if p.name not in {q.name for q in after}) + 1


def test_adding_a_file_that_sorts_first_reruns_only_its_partition(tmp_path):
    """Recipe 13: adding one file that sorts first re-ran every partition (85 of 85)."""
    corpus = _corpus(tmp_path / "c")
    out = tmp_path / "out"
    first = extract(corpus, out, files_per_partition=PER, progress=False)
    assert first.partitions >= 5
    _write(corpus, "a000.txt", 999)
    second = extract(corpus, out, files_per_partition=PER, progress=False)
    before = {p.name for p in plan_partitions(corpus, files_per_partition=PER)}
    assert second.ran <= 2 and second.skipped >= first.partitions - 1
    assert second.ran + second.skipped == len(before)
    ids = list(read_table(out, "articles")["doc_id"])
    assert ids == sorted(ids) and ids[0] == "a000" and len(ids) == 31  # corpus order, whatever ran


def test_exports_between_text_files_keep_corpus_order(tmp_path):
    corpus = tmp_path / "c"
    corpus.mkdir()
    _write(corpus, "a.txt", 1)
    (corpus / "b.jsonl").write_text('{"id": "b1", "text": "Export one said so."}\n', encoding="utf-8")
    _write(corpus, "c.txt", 2)
    plan = plan_partitions(corpus, files_per_partition=100)
    assert [[Path(f).name for f, *_ in p.files] for p in plan] == [["a.txt"], ["b.jsonl"], ["c.txt"]]
    extract(corpus, tmp_path / "out", files_per_partition=100, progress=False)
    assert list(read_table(tmp_path / "out", "articles")["doc_id"]) == ["a", "b1", "c"]


def test_boundary_rate_is_about_one_in_n():
    hits = sum(is_boundary(f"dir/file{i}.txt", 10) for i in range(10_000))
    assert 800 < hits < 1200


def test_metadata_file_is_part_of_the_key(tmp_path):
    corpus = _corpus(tmp_path / "c", 4)
    (corpus / "metadata.tsv").write_text("doc_id\toutlet\nb000\tnyt\n", encoding="utf-8")
    plan = plan_partitions(corpus, files_per_partition=PER)
    assert all(str(corpus / "metadata.tsv") in p.metadata for p in plan)
    keys = [p.key() for p in plan]
    (corpus / "metadata.tsv").write_text("doc_id\toutlet\nb000\twapo\n", encoding="utf-8")
    assert [p.key() for p in plan] != keys
