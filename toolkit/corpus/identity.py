"""Article identity: one doc_id per article over the whole corpus, the same however the corpus is read.

Two rules, both decided in corpus order, so `load_corpus`, `iter_articles` and a partitioned `extract`
(any partition size, any number of workers) give every article the same doc_id:

1. A file that is one article (.txt, .html) is named by its stem ("article1"), unless another article file
   of the corpus has the same stem: then all of them are named by their path relative to their corpus root,
   without the suffix ("nyt/article1", "wapo/article1"). This needs only the list of files.
2. A record of an export (JSONL, CSV, ...) keeps its own id; an id already given to an earlier article of
   the corpus becomes "ID~2", "ID~3", ... and the renaming is logged (`duplicate_id`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from pathlib import Path, PurePosixPath

#: Formats whose files hold exactly one article each.
SINGLE_ARTICLE_FORMATS = frozenset({"text", "html"})
#: Suffixes that are not part of an article file's name ("a.txt.gz" is article "a").
ARTICLE_SUFFIXES = (".gz", ".txt", ".text", ".html", ".htm", ".xhtml")


def article_stem(name: str | PurePosixPath | Path) -> str:
    """Return a file name without its folder and article suffixes: "nyt/a.txt.gz" -> "a"."""
    return strip_article_suffixes(PurePosixPath(str(name).replace("\\", "/")).name)


def strip_article_suffixes(name: str) -> str:
    """Remove a trailing .gz, then one article suffix, from a name or a posix path."""
    lowered = name.lower()
    if lowered.endswith(".gz"):
        name, lowered = name[:-3], lowered[:-3]
    for suffix in ARTICLE_SUFFIXES[1:]:
        if lowered.endswith(suffix) and len(name) > len(suffix):
            return name[: -len(suffix)]
    return name


def file_doc_ids(files: Iterable[tuple[Path, Path]]) -> dict[Path, str]:
    """Return the doc_id of each single-article file, given (corpus root, file) pairs of the whole corpus.

    The stem, or the root-relative path without suffix (always with "/") where stems collide.
    """
    pairs = list(files)
    stems = Counter(article_stem(path) for _, path in pairs)
    ids: dict[Path, str] = {}
    for root, path in pairs:
        stem = article_stem(path)
        if stems[stem] == 1:
            ids[path] = stem
            continue
        try:
            relative = path.relative_to(root) if root != path else PurePosixPath(path.name)
        except ValueError:
            relative = path
        ids[path] = strip_article_suffixes(PurePosixPath(*relative.parts).as_posix()) if relative.parts else stem
    # Two roots can still give one relative path (a/x.txt under two roots): keep them apart by root too.
    taken = Counter(ids.values())
    for root, path in pairs:
        if taken[ids[path]] > 1:
            ids[path] = PurePosixPath(*root.parts[-1:], ids[path]).as_posix()
    return ids


class IdRegistry:
    """Hands out unique doc_ids in corpus order: a repeated id becomes "ID~N" (N = its occurrence)."""

    def __init__(self) -> None:
        self._seen: Counter[str] = Counter()

    def assign(self, doc_id: str) -> str:
        """Return `doc_id` if it is new, else the renamed id for this occurrence."""
        self._seen[doc_id] += 1
        count = self._seen[doc_id]
        if count == 1:
            return doc_id
        renamed = f"{doc_id}~{count}"
        # "x~2" might itself be a real id of the corpus: keep counting until the name is free.
        while renamed in self._seen:
            count += 1
            renamed = f"{doc_id}~{count}"
        self._seen[renamed] += 1
        return renamed
