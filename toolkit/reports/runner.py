"""Turn a corpus into a report: run the notebooks with papermill, render HTML, write a manifest.

A report folder holds, per notebook, the executed `.ipynb` and an `.html` without code; an
`index.html`; the figures (`figures/*.png`) and tables (`tables/*.csv`) the notebooks saved; and
`manifest.json` with the parameters, library versions and the SHA-256 of every input file. Timestamps
live only in the manifest's `run` entry, so two runs on the same corpus differ nowhere else.
"""

from __future__ import annotations

import difflib
import hashlib
import os
import platform
import sys
from contextlib import closing
from dataclasses import dataclass
from datetime import datetime, timezone
from importlib import metadata
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable, Iterator, Mapping, Sequence

if TYPE_CHECKING:
    from toolkit.io.outputs import OwnedFolder

NOTEBOOK_DIR = Path(__file__).resolve().parents[2] / "notebooks"
#: The pinned dependency set a source checkout installs from (absent from an installed wheel).
LOCK_FILE = Path(__file__).resolve().parents[2] / "requirements.lock"
#: Notebooks a report runs by default, in order.
DEFAULT_NOTEBOOKS: tuple[str, ...] = (
    "01_corpus_overview.ipynb", "02_quotes.ipynb", "03_denials.ipynb", "04_compare.ipynb", "05_validation.ipynb",
)
#: Where, inside a report folder, the corpus's extraction (articles, quotes, denials as Parquet) goes.
EXTRACTION_DIR = "extraction"
#: Libraries whose versions the manifest records.
LIBRARIES = (
    "news-discourse-toolkit", "pandas", "numpy", "nltk", "matplotlib", "papermill", "nbconvert",
    "nbformat", "ipykernel", "trafilatura", "pyarrow", "tqdm",
)
MANIFEST = "manifest.json"
#: What the notebooks' kernels log to the terminal: errors only.
KERNEL_LOG_LEVEL = "ERROR"


class ReportError(Exception):
    """Raised when a report cannot be made; names the notebook and cell that failed."""


class ReportParameterError(ReportError):
    """Raised when a report parameter is unknown, of the wrong kind, or selects nothing (bad input)."""


@dataclass(frozen=True)
class ReportResult:
    """Where the report went and what it contains."""

    out_dir: Path
    notebooks: tuple[Path, ...]
    html: tuple[Path, ...]
    manifest: Path


def sha256_file(path: Path) -> str:
    """Return the SHA-256 hex digest of a file, read in chunks."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def input_files(corpus: Path) -> list[Path]:
    """Return every visible file of a corpus (a file or a folder), in the loader's order."""
    from toolkit.corpus.loaders import walk_files

    return list(walk_files(corpus))


def _extraction_min_score(tables: str | Path) -> float | None:
    """Return the denial threshold an extraction used (None if it does not say: an older extraction)."""
    from toolkit.pipeline.layout import extraction_manifest

    return extraction_manifest(Path(tables)).get("denial_min_score")


def library_versions(names: Iterable[str] = LIBRARIES) -> dict[str, str | None]:
    """Return the installed version of each library, None for those not installed."""
    versions: dict[str, str | None] = {}
    for name in names:
        try:
            versions[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            versions[name] = None
    return versions


def _resolve_notebooks(notebooks: Sequence[str | Path] | None) -> list[Path]:
    """Find each notebook: a path, or a name in notebooks/ with or without ".ipynb"; list the names when one is unknown."""
    paths = []
    for name in notebooks or DEFAULT_NOTEBOOKS:
        path = Path(name)
        candidates = [path, NOTEBOOK_DIR / name]
        if path.suffix != ".ipynb":
            candidates += [path.with_name(path.name + ".ipynb"), NOTEBOOK_DIR / f"{name}.ipynb"]
        found = next((c for c in candidates if c.is_file()), None)
        if found is None:
            choices = ", ".join(sorted(p.stem for p in NOTEBOOK_DIR.glob("*.ipynb")))
            raise ReportError(f"notebook not found: {name} (the notebooks are: {choices}; or give a path to a .ipynb)")
        paths.append(found.resolve())
    return paths


def _check_parameters(sources: Sequence[Path], parameters: Mapping[str, Any] | None) -> dict[str, Any]:
    """Read each parameter into its kind before anything runs; refuse one that no notebook declares."""
    from papermill.inspection import inspect_notebook

    from toolkit.reports.parameters import ParameterError, check_parameters

    given = dict(parameters or {})
    declared = {name for source in sources for name in inspect_notebook(str(source))}
    unknown = sorted(set(given) - declared)
    if unknown:
        hints = [name + "".join(f" (did you mean {c}?)" for c in difflib.get_close_matches(name, sorted(declared), n=1)) for name in unknown]
        raise ReportParameterError(f"unknown parameter {', '.join(hints)}; the notebooks take: {', '.join(sorted(declared))}")
    try:
        checked = {**given, **check_parameters(given)}
    except ParameterError as exc:
        raise ReportParameterError(str(exc)) from None
    # The notebooks run in notebooks/: a word list named relative to where the command runs must still be found.
    stop = checked.get("keyness_stop_words")
    if stop is not None and Path(stop).is_file():
        checked["keyness_stop_words"] = str(Path(stop).resolve())
    return checked


def _failure_message(source: Path, target: Path, exc: Any) -> ReportError:
    """One readable line for a failing notebook: its name, the cell, the exception's last line (not a traceback)."""
    lines = [line.strip() for line in str(exc.evalue).splitlines() if line.strip()]
    last = lines[-1] if lines else ""
    if exc.ename == "ParameterError":
        return ReportParameterError(f"notebook {source.name}: {last}")
    return ReportError(
        f"notebook {source.name} failed in cell {exc.exec_count} ({exc.ename}: {last}); the partial notebook is kept at {target}"
    )


#: The owner marker's kind for a report folder.
REPORT_KIND = "report"


def _claim_out_dir(out_dir: Path) -> "OwnedFolder":
    """Take the report folder: new or empty, or a report of ours; refuse anyone else's folder, unchanged.

    A rerun deletes only the files the previous report listed as its own (never the extraction, which
    resumes, and never a file someone added).
    """
    from toolkit.io.outputs import OutputError, OwnedFolder

    try:
        return OwnedFolder.claim(out_dir, REPORT_KIND)
    except OutputError as exc:
        raise ReportError(f"{exc} (not a report folder)") from None


def _files_under(folder: Path) -> set[Path]:
    """Every file under `folder` but those of its extraction."""
    return {p for p in folder.rglob("*") if p.is_file() and EXTRACTION_DIR not in p.relative_to(folder).parts[:1]}


def _empty_corpus_message(corpus: Path, tables: Path) -> str | None:
    """Say why a report would be empty (no article loaded), naming the counts and reasons; None when it is not."""
    from toolkit.pipeline.extraction import read_table
    from toolkit.pipeline.layout import extraction_manifest

    counts = extraction_manifest(tables).get("articles", {})
    if counts.get("loaded", 0) - counts.get("duplicates_across_partitions", 0) > 0:
        return None
    events = read_table(tables, "load_log")
    skipped = events[events["action"] == "skipped"]["reason"].value_counts().sort_index()
    reasons = ", ".join(f"{n} {reason}" for reason, n in skipped.items()) or "no article file found"
    return f"no article could be read from {corpus} ({counts.get('read', 0)} read; {reasons}); nothing to report"


def run_report(
    corpus: str | Path,
    out_dir: str | Path,
    *,
    notebooks: Sequence[str | Path] | None = None,
    parameters: Mapping[str, Any] | None = None,
    progress: bool = True,
    workers: int = 1,
    lexicon: str | Path | None = None,
    min_score: float | None = None,
    kernels: int | None = None,
) -> ReportResult:
    """Run the report notebooks on `corpus` and write everything under `out_dir`.

    Raises `toolkit.io.outputs.OutputError` (before writing anything) for an `out_dir` that is, holds or lies
    inside an input, and `ReportError` for a folder that is not a report of ours, a corpus with no article, or
    a failing notebook.

    The corpus is analysed once (`toolkit.pipeline.extraction.extract`, into `out_dir/extraction`) and every
    notebook reads those tables; a corpus that is already an extraction folder is read as it is.
    `lexicon` is your denial lexicon (added to the shipped one), used by the extraction and the notebooks;
    `min_score` the model score a denial needs (None: the finder's default); the denials page states it.
    `kernels` is how many notebooks run at once, each in its own kernel (None: one per core; 1: one after another,
    e.g. to bound memory on a large corpus, since every kernel reads the extraction).
    """
    from toolkit.io.outputs import FolderLock, resolve_output
    from toolkit.pipeline.dataset import is_extraction
    from toolkit.pipeline.layout import extraction_manifest

    corpus = Path(corpus).resolve()
    if not corpus.exists():
        raise ReportError(f"no such corpus: {corpus}")
    if kernels is not None and kernels < 1:
        raise ReportParameterError(f"kernels must be at least 1, got {kernels}")
    sources = _resolve_notebooks(notebooks)
    parameters = _check_parameters(sources, parameters)
    if is_extraction(corpus):
        extraction_manifest(corpus)  # damaged, unfinished or older: say so before anything is written
    # Before anything is written: never onto, around or inside the corpus, the lexicon or a notebook.
    out_dir = resolve_output(out_dir, [corpus, lexicon, *sources], kind="folder")
    folder = _claim_out_dir(out_dir)
    with FolderLock(out_dir):
        folder.clean()
        before = _files_under(out_dir)
        try:
            return _run(corpus, out_dir, sources, parameters, progress, workers, lexicon, min_score, kernels)
        finally:
            folder.add(_files_under(out_dir) - before)  # everything this run wrote, even if it failed half-way
            folder.save()


def _run(corpus: Path, out_dir: Path, sources: Sequence[Path], parameters: Mapping[str, Any] | None, progress: bool,
         workers: int, lexicon: str | Path | None, min_score: float | None = None, kernels: int | None = None) -> ReportResult:
    """Extract (or read) the corpus, refuse an empty one, run every notebook, write the index and manifest."""
    from toolkit.pipeline.dataset import is_extraction
    from toolkit.pipeline.extraction import extract

    started = datetime.now(timezone.utc)
    lexicon = str(Path(lexicon).resolve()) if lexicon is not None else None
    tables = corpus
    if not is_extraction(corpus):
        tables = out_dir / EXTRACTION_DIR
        scoring = {} if min_score is None else {"min_score": min_score}
        extract(corpus, tables, workers=workers, progress=progress, lexicon=lexicon, **scoring)
    empty = _empty_corpus_message(corpus, tables)
    if empty is not None:
        raise ReportError(empty)
    params = {"corpus": str(tables), "output_dir": str(out_dir), **(parameters or {})}
    if lexicon is not None:
        params["lexicon"] = lexicon
    if min_score is not None:
        params["min_score"] = min_score
    executed, pages = [], []
    # closing: a page that fails to render stops the notebooks still running at once, not at garbage collection.
    with closing(_execute_notebooks(sources, out_dir, params, progress, kernels)) as done:
        for target in done:  # in the notebooks' order; each page is rendered while later notebooks still run
            _settle_notebook(target)
            executed.append(target)
            pages.append(render_html(target, out_dir / f"{target.stem}.html"))
    _write_site(out_dir, corpus, tables, executed, pages, params)
    manifest = _write_manifest(out_dir, corpus, sources, params, started)
    return ReportResult(out_dir, tuple(executed), tuple(pages), manifest)


def default_kernels(notebooks: int) -> int:
    """How many notebooks a report runs at once by default: one per core this process may use, at most one per notebook."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    return max(1, min(notebooks, cores))


def _execute_notebooks(sources: Sequence[Path], out_dir: Path, params: Mapping[str, Any], progress: bool,
                       kernels: int | None) -> Iterator[Path]:
    """Run each notebook in a fresh kernel of its own, `kernels` at a time; yield the executed notebooks in order.

    Kernels are not shared: a page run after another in the same kernel would see its variables, imports and
    pandas/matplotlib settings, and differ from the same notebook run alone. Running them side by side instead
    overlaps one kernel's start and imports (most of a small report's time) with another's work. The first
    notebook to fail, in order, stops the report; Ctrl-C or SIGTERM kills every kernel still running.
    """
    kernels = default_kernels(len(sources)) if kernels is None else kernels
    managers: list[Any] = []
    if kernels == 1 or len(sources) == 1:  # in this thread, with papermill's progress bar, as a notebook run alone
        for number, source in enumerate(sources, 1):
            yield _execute_notebook(source, out_dir / source.name, params, number, len(sources), progress, progress, managers)
        return
    from concurrent.futures import ThreadPoolExecutor, wait

    pool = ThreadPoolExecutor(max_workers=kernels, thread_name_prefix="report-kernel")
    # One bar per notebook would interleave on the terminal: each notebook's start is named instead.
    futures = [pool.submit(_execute_notebook, source, out_dir / source.name, params, number, len(sources), progress, False, managers)
               for number, source in enumerate(sources, 1)]
    try:
        for future in futures:
            yield future.result()
    finally:  # a failure, Ctrl-C, SIGTERM, or the caller stopping early: end every notebook still queued or running
        for future in futures:
            future.cancel()
        while not all(future.done() for future in futures):
            for manager in list(managers):
                _kill_kernel(manager)
            wait(futures, timeout=0.5)  # a kernel started meanwhile is killed on the next pass
        pool.shutdown()


def _execute_notebook(source: Path, target: Path, params: Mapping[str, Any], number: int, total: int, progress: bool,
                      bar: bool, managers: list[Any]) -> Path:
    """Run one notebook with papermill in a new kernel started in the notebook's folder; return the executed copy."""
    import papermill
    from jupyter_client.manager import AsyncKernelManager
    from papermill.exceptions import PapermillExecutionError

    class TrackedKernelManager(AsyncKernelManager):
        """A kernel manager the report can find (and kill) from another thread."""

        def __init__(self, **kwargs: Any) -> None:
            super().__init__(**kwargs)
            managers.append(self)

    if progress:  # papermill's bar says only "Executing": name the notebook above it
        print(f"notebook {number}/{total}: {source.name}", file=sys.stderr, flush=True)
    try:
        papermill.execute_notebook(
            str(source), str(target), parameters=dict(params), progress_bar=bar, kernel_name="python3",
            # Not papermill's cwd=, which changes the whole process's folder (and notebooks run side by side).
            resources={"metadata": {"path": str(source.parent)}}, kernel_manager_class=TrackedKernelManager,
            # The kernel warns on every start that it talks over local TCP unencrypted: noise to a report's reader.
            extra_arguments=[f"--IPKernelApp.log_level={KERNEL_LOG_LEVEL}"],
            # Every output has arrived and every file is written when the last cell replies: a polite shutdown
            # only waits 1-2 s per notebook for the interpreter to tear pandas and matplotlib down.
            shutdown_kernel="immediate",
        )
    except PapermillExecutionError as exc:
        raise _failure_message(source, target, exc) from exc
    return target


def _kill_kernel(manager: Any) -> None:
    """Kill a kernel's process if it has one; its notebook's client then fails (the kernel died) within a second."""
    process = getattr(getattr(manager, "provisioner", None), "process", None)
    if process is not None and process.poll() is None:
        process.kill()


def _settle_notebook(notebook: Path) -> None:
    """Make an executed notebook independent of chance: papermill's injected-parameters cell gets a fixed id
    (papermill draws a random one), and adjacent outputs of one stream are joined (`join_split_streams`)."""
    import nbformat

    nb = nbformat.read(notebook, as_version=4)
    for cell in nb.cells:
        if "injected-parameters" in cell.get("metadata", {}).get("tags", []):
            cell["id"] = "injected-parameters"
        if "outputs" in cell:
            cell["outputs"] = join_split_streams(cell["outputs"])
    nbformat.write(nb, notebook)


def join_split_streams(outputs: list[Any]) -> list[Any]:
    """Join each run of adjacent outputs of the same stream (stdout, stderr) into one, in order.

    The kernel sends what a cell prints on a timer, so on a busy machine one `print` can arrive as two
    messages (its text, then its newline): two boxes on the page instead of one, and a page that differs
    between two runs. Outputs of other kinds in between keep their place.
    """
    joined: list[Any] = []
    for output in outputs:
        last = joined[-1] if joined else None
        if (last is not None and output.get("output_type") == "stream" == last.get("output_type")
                and output.get("name") == last.get("name")):
            last["text"] += output["text"]
        else:
            joined.append(output)
    return joined


def render_html(notebook: Path, target: Path) -> Path:
    """Render an executed notebook as HTML without its code cells, titled by its first heading."""
    import nbformat
    from nbconvert import HTMLExporter

    from toolkit.reports.site import notebook_page

    nb = nbformat.read(notebook, as_version=4)
    exporter = HTMLExporter(exclude_input=True, exclude_input_prompt=True, exclude_output_prompt=True)
    body, _ = exporter.from_notebook_node(nb, resources={"metadata": {"name": notebook_page(nb, target.name).title}})
    target.write_text(body, encoding="utf-8")
    return target


def corpus_name(corpus: Path) -> str:
    """Return the name a report gives its corpus: the folder's (or file's) name; for a report's own
    extraction folder, the report folder's name."""
    corpus = Path(corpus)
    if corpus.name == EXTRACTION_DIR and corpus.parent.name:
        return corpus.parent.name
    return corpus.stem if corpus.is_file() else corpus.name


def _write_site(out_dir: Path, corpus: Path, tables: Path, notebooks: Sequence[Path], pages: Sequence[Path],
                params: Mapping[str, Any]) -> Path:
    """Give every page its title, navigation bar and contents, and write index.html (`toolkit.reports.site`)."""
    import nbformat

    from toolkit.reports.site import corpus_facts, decorate_page, notebook_page

    site = [notebook_page(nbformat.read(nb, as_version=4), page.name) for nb, page in zip(notebooks, pages)]
    home = f"{corpus_name(corpus)} report"
    for page, path in zip(site, pages):
        path.write_text(decorate_page(path.read_text(encoding="utf-8"), page, site, home=home), encoding="utf-8")
    facts = corpus_facts(tables, corpus_name(corpus), corpus)
    chosen = {k: v for k, v in params.items() if k not in ("corpus", "output_dir")}
    return _write_index(out_dir, site, facts, chosen)


def _write_index(out_dir: Path, pages: Sequence[Any], facts: Any, parameters: Mapping[str, Any]) -> Path:
    """Write index.html: the corpus, its counts and load log, the toolkit version, a card per page."""
    from toolkit.reports.site import index_html

    version = library_versions(["news-discourse-toolkit"])["news-discourse-toolkit"]
    index = out_dir / "index.html"
    index.write_text(index_html(facts, pages, version=version, parameters=parameters, manifest=MANIFEST), encoding="utf-8")
    return index


def _write_manifest(out_dir: Path, corpus: Path, notebooks: Sequence[Path], params: Mapping[str, Any], started: datetime) -> Path:
    files = input_files(corpus)
    base = corpus if corpus.is_dir() else corpus.parent
    produced = sorted(  # hidden files (the owner marker, the lock) are bookkeeping, not report outputs
        p for p in out_dir.rglob("*")
        if p.is_file() and p.suffix != ".ipynb" and EXTRACTION_DIR not in p.relative_to(out_dir).parts
        and not any(part.startswith(".") for part in p.relative_to(out_dir).parts)
    )
    manifest = {
        "toolkit": library_versions(["news-discourse-toolkit"])["news-discourse-toolkit"],
        "parameters": dict(params),
        "corpus": {"path": str(corpus), "files": len(files), "bytes": sum(p.stat().st_size for p in files)},
        "inputs": [{"path": str(p.relative_to(base)), "bytes": p.stat().st_size, "sha256": sha256_file(p)} for p in files],
        "notebooks": [{"name": p.name, "sha256": sha256_file(p)} for p in notebooks],
        "outputs": [{"path": str(p.relative_to(out_dir)), "sha256": sha256_file(p)} for p in produced],
        "python": platform.python_version(),
        "platform": platform.platform(),
        "libraries": library_versions(),
        "dependency_lock": {"path": LOCK_FILE.name, "sha256": sha256_file(LOCK_FILE)} if LOCK_FILE.is_file() else None,
        # What the denials page used: a -p min_score, else the extraction's own threshold.
        "denial_min_score": params["min_score"] if params.get("min_score") is not None else _extraction_min_score(params["corpus"]),
        "run": {
            "started": started.isoformat(timespec="seconds"),
            "finished": datetime.now(timezone.utc).isoformat(timespec="seconds"),
            "argv": sys.argv,
        },
    }
    from toolkit.io.outputs import write_json

    return write_json(out_dir / MANIFEST, manifest)
