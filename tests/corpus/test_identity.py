"""Article identity: stems, path-qualified ids where stems collide, and ID~N for repeated export ids."""

from __future__ import annotations

from pathlib import Path

import pytest

from toolkit.corpus.identity import IdRegistry, article_stem, file_doc_ids


@pytest.mark.parametrize(
    "name, stem",
    [("a.txt", "a"), ("nyt/a.txt.gz", "a"), ("page.HTML", "page"), ("a.b.txt", "a.b"), ("notes", "notes"), ("C:\\x\\y.txt", "y")],
)
def test_article_stem(name, stem):
    assert article_stem(name) == stem


def test_unique_stems_are_the_ids():
    root = Path("/c")
    ids = file_doc_ids([(root, root / "nyt" / "a.txt"), (root, root / "b.html")])
    assert ids == {root / "nyt" / "a.txt": "a", root / "b.html": "b"}


def test_colliding_stems_get_root_relative_paths():
    root = Path("/c")
    files = [root / "nyt" / "article1.txt", root / "wapo" / "article1.txt.gz", root / "other.txt"]
    ids = file_doc_ids([(root, f) for f in files])
    assert [ids[f] for f in files] == ["nyt/article1", "wapo/article1", "other"]


def test_same_relative_path_under_two_roots_is_kept_apart_by_root():
    one, two = Path("/x/one"), Path("/x/two")
    ids = file_doc_ids([(one, one / "a" / "s.txt"), (two, two / "a" / "s.txt")])
    assert sorted(ids.values()) == ["one/a/s", "two/a/s"]


def test_ids_do_not_depend_on_how_the_files_are_grouped():
    root = Path("/c")
    files = [(root, root / d / f"{i}.txt") for d in ("x", "y") for i in range(3)]
    assert file_doc_ids(files) == file_doc_ids(list(reversed(files)))


def test_registry_renames_repeats_in_order():
    registry = IdRegistry()
    assert [registry.assign(i) for i in ["1", "2", "1", "1", "2"]] == ["1", "2", "1~2", "1~3", "2~2"]


def test_registry_never_reuses_a_real_id():
    registry = IdRegistry()
    assert [registry.assign(i) for i in ["x~2", "x", "x"]] == ["x~2", "x", "x~3"]
