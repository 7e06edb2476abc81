"""Where the toolkit writes, decided once, before anything is written: never onto, around or inside an input.

Three promises every command (load, quotes, denials, extract, report) and every library entry point that
writes keeps through this module:

1. `resolve_output` refuses an output that is an input, contains one, or lies inside one (real paths,
   symbolic links resolved, linked folders inside an input folder included), before a byte is written.
2. A single file is written to a hidden temporary sibling and renamed into place (`atomic_write`,
   `atomic_open`): a run that fails or is killed leaves the previous file as it was.
3. A folder output is an `OwnedFolder`: a hidden marker file of ours (`OWNER_MARKER`) names what the
   toolkit wrote there, and cleaning deletes only that. A folder that is not empty and has no marker is
   refused, never emptied: it is someone's data. Files a researcher adds to one of our folders are left
   alone. `FolderLock` keeps a second run out of a folder a first run is writing.

Bottom layer: the standard library only.
"""

from __future__ import annotations

import errno
import fnmatch
import json
import os
import secrets
import socket
from contextlib import contextmanager
from pathlib import Path, PurePosixPath
from typing import IO, Any, Callable, Iterable, Iterator, Literal

#: The hidden file that marks a folder as written by the toolkit and lists what it wrote.
OWNER_MARKER = ".toolkit-output.json"
#: The hidden lock file a run holds (`fcntl.flock`) while it writes a folder.
LOCK_FILE = ".toolkit-lock"

OutputKind = Literal["file", "folder"]


class OutputError(ValueError):
    """Raised, before anything is written, for an output that would overwrite or delete data."""


def _real(path: str | os.PathLike[str]) -> Path:
    """Return the absolute path with every symbolic link resolved (the path need not exist)."""
    return Path(os.path.realpath(os.path.abspath(os.fspath(path))))


def _inside(path: Path, folder: Path) -> bool:
    """True when `path` is `folder` or lies somewhere under it (both real paths)."""
    return path == folder or folder in path.parents


def _linked_folders(folder: Path) -> Iterator[Path]:
    """Yield the real paths of folders reached through symbolic links under `folder` (each once)."""
    seen: set[Path] = set()
    stack = [folder]
    while stack:
        current = stack.pop()
        try:
            entries = list(os.scandir(current))
        except OSError:
            continue  # an unreadable folder holds nothing the corpus reader could read either
        for entry in entries:
            try:
                if not entry.is_dir(follow_symlinks=True):
                    continue
            except OSError:
                continue
            real = _real(entry.path)
            if real in seen:
                continue
            seen.add(real)
            if entry.is_symlink():
                yield real
            stack.append(Path(entry.path))


def input_locations(inputs: Iterable[str | os.PathLike[str] | None]) -> list[Path]:
    """Return the real paths of the inputs that exist, plus the folders linked from inside input folders."""
    places: list[Path] = []
    for item in inputs:
        if item is None:
            continue
        real = _real(item)
        if not real.exists():
            continue
        places.append(real)
        if real.is_dir():
            places.extend(_linked_folders(real))
    return places


def resolve_output(
    out: str | os.PathLike[str],
    inputs: Iterable[str | os.PathLike[str] | None] = (),
    *,
    kind: OutputKind = "file",
) -> Path:
    """Return the real path `out` will be written at, or raise `OutputError` if writing it could touch an input.

    Refused: an output that is an input, that contains an input (a folder output around the corpus), or
    that lies inside an input folder (the next run would read it as part of the corpus); a file output
    that is an existing folder, and a folder output that is an existing file. Call it before writing.
    """
    if os.fspath(out) == "":
        raise OutputError("--out is empty")
    target = _real(out)
    places = input_locations(inputs)
    for place in places:
        if target == place:
            raise OutputError(f"output {out} is an input ({place}); choose another --out")
    for place in places:
        if _inside(place, target):
            raise OutputError(f"output {out} contains the input {place}; choose another --out")
    for place in places:
        if place.is_dir() and _inside(target, place):
            raise OutputError(f"output {out} lies inside the input folder {place}; choose an --out outside it")
    if kind == "file" and target.is_dir():
        raise OutputError(f"output {out} is a folder; give a file name")
    if kind == "folder" and target.exists() and not target.is_dir():
        raise OutputError(f"output {out} is a file; give a folder")
    return target


def temporary_sibling(path: Path) -> Path:
    """Return a fresh hidden name beside `path` for writing it before the rename (hidden: no loader reads it)."""
    return path.with_name(f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}.tmp")


def atomic_write(path: str | os.PathLike[str], write: Callable[[Path], Any]) -> Path:
    """Call `write(tmp)` with a temporary sibling of `path`, then rename it to `path`; on failure remove it.

    The previous file at `path`, if any, stays intact until the new one is complete.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = temporary_sibling(path)
    try:
        write(tmp)
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return path


@contextmanager
def atomic_open(path: str | os.PathLike[str], mode: str = "w", **kwargs: Any) -> Iterator[IO[Any]]:
    """Open a temporary sibling of `path` for writing; rename it into place when the block ends without error."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = temporary_sibling(path)
    try:
        with open(tmp, mode, **kwargs) as handle:
            yield handle
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def write_json(path: str | os.PathLike[str], data: Any) -> Path:
    """Write `data` as indented JSON, atomically (a manifest or marker is never seen half-written)."""
    text = json.dumps(data, indent=2, ensure_ascii=False, sort_keys=False) + "\n"
    return atomic_write(path, lambda tmp: tmp.write_text(text, encoding="utf-8"))


def read_json(path: str | os.PathLike[str], what: str = "file") -> Any:
    """Read a JSON file of ours; raise `OutputError` naming it when it is truncated or not JSON."""
    try:
        return json.loads(Path(path).read_text(encoding="utf-8"))
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise OutputError(f"{what} {path} is damaged (truncated or not JSON: {exc}); delete it or run again into a new --out") from None


class OwnedFolder:
    """A folder output the toolkit owns: a marker lists what it wrote, and only that is ever deleted.

    `patterns` are relative glob patterns of files this kind of folder writes (e.g. "articles/part-*.parquet")
    that count as ours even when a killed run wrote them before it could list them.
    """

    def __init__(self, path: Path, kind: str, files: Iterable[str] = (), patterns: Iterable[str] = ()) -> None:
        self.path = path
        self.kind = kind
        self.files: set[str] = set(files)
        self.patterns = tuple(patterns)

    @classmethod
    def claim(cls, path: str | os.PathLike[str], kind: str, *, patterns: Iterable[str] = ()) -> "OwnedFolder":
        """Create `path` (or take over a folder of ours of the same kind) and mark it; refuse anyone else's folder."""
        path = Path(path)
        marker = path / OWNER_MARKER
        if path.exists() and not path.is_dir():
            raise OutputError(f"output {path} is a file; give a folder")
        if marker.is_file():
            data = read_json(marker, "output marker")
            if not isinstance(data, dict) or data.get("kind") != kind:
                found = data.get("kind") if isinstance(data, dict) else None
                raise OutputError(f"{path} holds a toolkit {found or 'output'} folder, not a {kind} folder; choose another --out")
            folder = cls(path, kind, data.get("files", []), patterns)
        elif path.exists() and any(path.iterdir()):
            raise OutputError(
                f"{path} exists, is not empty and was not written by the toolkit (no {OWNER_MARKER}); "
                "nothing was changed: choose another --out"
            )
        else:
            folder = cls(path, kind, (), patterns)
        path.mkdir(parents=True, exist_ok=True)
        folder.save()
        return folder

    def owns(self, relative: str) -> bool:
        """True when the file at this relative path (POSIX form) was written by the toolkit."""
        if relative in (OWNER_MARKER, LOCK_FILE) or relative in self.files:
            return True
        return any(fnmatch.fnmatchcase(relative, pattern) for pattern in self.patterns)

    def owned_files(self) -> list[Path]:
        """Return the files under the folder that are ours, in a stable order (links are not followed)."""
        found = []
        for folder, dirs, names in os.walk(self.path):
            dirs.sort()
            for name in sorted(names):
                path = Path(folder) / name
                relative = PurePosixPath(*path.relative_to(self.path).parts).as_posix()
                if relative not in (OWNER_MARKER, LOCK_FILE) and self.owns(relative):
                    found.append(path)
        return found

    def add(self, paths: Iterable[str | os.PathLike[str]]) -> None:
        """List files (absolute, or relative to the folder) as written by us."""
        for item in paths:
            path = Path(item)
            relative = path.relative_to(self.path) if path.is_absolute() else path
            self.files.add(PurePosixPath(*relative.parts).as_posix())

    def remove(self, paths: Iterable[Path], *, strict: bool = True) -> list[Path]:
        """Delete some of our files (and folders they leave empty); with `strict`, refuse one that is not ours."""
        removed = []
        for path in paths:
            relative = PurePosixPath(*path.relative_to(self.path).parts).as_posix()
            if not self.owns(relative):
                if strict:
                    raise OutputError(f"{path} was not written by the toolkit; it was left in place")
                continue
            if path.is_symlink() or path.is_file():
                path.unlink()
                removed.append(path)
            self.files.discard(relative)
            self._prune(path.parent)
        return removed

    def clean(self, keep: Callable[[str], bool] | None = None) -> list[Path]:
        """Delete every file of ours (but those `keep` accepts); leave anything else where it is."""
        doomed = [p for p in self.owned_files() if keep is None or not keep(PurePosixPath(*p.relative_to(self.path).parts).as_posix())]
        removed = self.remove(doomed)
        self.save()
        return removed

    def _prune(self, folder: Path) -> None:
        """Remove folders emptied by a deletion, up to (not including) the owned folder itself."""
        while folder != self.path and self.path in folder.parents:
            try:
                folder.rmdir()
            except OSError as exc:
                if exc.errno in (errno.ENOTEMPTY, errno.EEXIST, errno.ENOENT):
                    return
                raise
            folder = folder.parent

    def save(self) -> None:
        """Write the marker (atomically): our kind and the files we listed."""
        write_json(self.path / OWNER_MARKER, {"kind": self.kind, "written_by": "news-discourse-toolkit",
                                              "files": sorted(self.files)})


class FolderLock:
    """An exclusive lock (`fcntl.flock`) on a folder while a run writes it; a second run is refused at once.

    The lock file records the holder's pid and host, so the refusal says who holds it. The lock goes with
    the process: a killed run never leaves a folder locked.
    """

    def __init__(self, folder: str | os.PathLike[str]) -> None:
        self.folder = Path(folder)
        self.path = self.folder / LOCK_FILE
        self._handle: IO[str] | None = None

    def __enter__(self) -> "FolderLock":
        import fcntl

        self.folder.mkdir(parents=True, exist_ok=True)
        handle = open(self.path, "a+", encoding="utf-8")
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as exc:
            if exc.errno not in (errno.EAGAIN, errno.EACCES, errno.EWOULDBLOCK):
                handle.close()
                raise
            handle.seek(0)
            holder = handle.read().strip() or "another process"
            handle.close()
            raise OutputError(f"{self.folder} is being written by another run ({holder}); wait for it to finish or choose another --out") from None
        handle.seek(0)
        handle.truncate()
        handle.write(f"pid {os.getpid()} on {socket.gethostname()}\n")
        handle.flush()
        self._handle = handle
        return self

    def __exit__(self, *exc: object) -> None:
        import fcntl

        if self._handle is not None:
            self._handle.truncate(0)  # a finished run leaves no pid behind: outputs stay byte-identical
            self._handle.flush()
            fcntl.flock(self._handle, fcntl.LOCK_UN)
            self._handle.close()
            self._handle = None
