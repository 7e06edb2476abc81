"""Run partitions: in this process, in a pool of local processes, or on a Dask cluster.

Worker hygiene: a local worker dies with its parent (on Linux the kernel sends it SIGKILL when the parent
dies, `prctl(PR_SET_PDEATHSIG)`; elsewhere a watcher thread polls the parent's pid), ignores Ctrl-C (the
parent alone decides), and is stopped at once when the parent stops early. Each partition writes its
files atomically and its marker last, so whatever stops a run leaves a state the next run resumes.
"""

from __future__ import annotations

import os
import signal
import sys
import threading
import time
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from contextlib import contextmanager
from typing import Any, Callable, Iterable, Iterator

ENGINES = ("local", "dask")
#: prctl option number of PR_SET_PDEATHSIG (linux/prctl.h).
_PR_SET_PDEATHSIG = 1


def die_with_parent(parent: int) -> None:
    """Make this worker process end when process `parent` ends (a pool initializer)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C reaches the whole process group; the parent handles it
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # a forked worker must not inherit the parent's SIGTERM handler
    if sys.platform.startswith("linux"):
        try:
            import ctypes

            libc = ctypes.CDLL(None, use_errno=True)
            if libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0) == 0:
                if os.getppid() != parent:  # the parent died before prctl took effect
                    os._exit(1)
                return
        except (OSError, AttributeError):
            pass
    threading.Thread(target=_watch_parent, args=(parent,), daemon=True).start()


def _watch_parent(parent: int) -> None:
    """Poll the parent's pid; end this process once it has gone (re-parented to another process)."""
    while os.getppid() == parent:
        time.sleep(1.0)
    os._exit(1)


def stop_pool(pool: ProcessPoolExecutor) -> None:
    """Stop a pool now: cancel queued work and end the running workers (their partitions are redone later)."""
    terminate = getattr(pool, "terminate_workers", None)  # Python 3.14+
    if terminate is not None:
        terminate()
        return
    # Before 3.14 the executor has no public way to end running workers; its process table is the only
    # handle, and shutdown() drops it, so it is taken first.
    processes = list((getattr(pool, "_processes", None) or {}).values())
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        process.terminate()
    for process in processes:
        process.join(timeout=5)


def run_local(work: Callable[..., dict[str, Any]], todo: Iterable[Any], args: tuple[Any, ...], *, workers: int) -> Iterator[dict[str, Any]]:
    """Run `work(partition, *args)` for each partition, here or in a pool of `workers` processes, a bounded number at a time."""
    if workers <= 1:
        for partition in todo:
            yield work(partition, *args)
        return
    with open_engine("local", workers=workers) as run:
        yield from run(work, todo, args)


class _LocalSession:
    """A pool of `workers` local processes for every step of one run, started at once.

    Started before the run holds anything large, the workers are forked from a small parent: a pool forked later (the
    people post-pass comes after the corpus-wide doc_ids) would carry the parent's memory into every worker.
    """

    def __init__(self, workers: int) -> None:
        self.pool: ProcessPoolExecutor | None = ProcessPoolExecutor(
            max_workers=workers, initializer=die_with_parent, initargs=(os.getpid(),))
        self.workers = workers
        self.pool.submit(os.getpid).result()  # fork them now (a fork pool starts all its workers at its first task)

    def run(self, work: Callable[..., Any], todo: Iterable[Any], args: tuple[Any, ...]) -> Iterator[Any]:
        """Run `work(item, *args)` for each item; yield results as they complete (a bounded number queued)."""
        if self.pool is None:
            raise RuntimeError("the local workers were stopped")
        pool = self.pool
        pending: set[Future[Any]] = set()
        queue = iter(todo)
        finished_cleanly = False
        try:
            while True:
                # Keep every worker busy with one item in reserve; never queue the whole plan.
                while len(pending) < 2 * self.workers:
                    item = next(queue, None)
                    if item is None:
                        break
                    pending.add(pool.submit(work, item, *args))
                if not pending:
                    finished_cleanly = True
                    return
                finished, pending = wait(pending, return_when=FIRST_COMPLETED)
                for future in finished:
                    yield future.result()
        finally:
            if not finished_cleanly:  # an error, Ctrl-C, SIGTERM or an abandoned generator: do not wait for the rest
                self.stop()

    def stop(self) -> None:
        """End the workers now (their partitions are redone by the next run)."""
        if self.pool is not None:
            stop_pool(self.pool)
            self.pool = None

    def close(self) -> None:
        """Shut the pool down after its work (stopped already when a step ended early)."""
        if self.pool is not None:
            self.pool.shutdown(wait=True)
            self.pool = None


Runner = Callable[[Callable[..., Any], Iterable[Any], tuple[Any, ...]], Iterator[Any]]


@contextmanager
def open_engine(engine: str, *, workers: int, scheduler: str | None = None) -> Iterator[Runner]:
    """A runner for `engine`, ``run(work, todo, args)`` (as :func:`run_local`), for any number of calls.

    The steps of one extraction share its workers: local processes are started on entering the block (forked while
    the parent is small), a Dask cluster (or the connection to `scheduler`) at the first call with work; both end on
    leaving it.
    """
    if engine not in ENGINES:
        raise ValueError(f"unknown engine {engine!r}: use one of {', '.join(ENGINES)}")
    if engine == "local":
        if workers <= 1:
            yield lambda work, todo, args: run_local(work, todo, args, workers=1)
            return
        local = _LocalSession(workers)
        try:
            yield local.run
        except BaseException:
            local.stop()
            raise
        finally:
            local.close()
        return
    session = _DaskSession(workers, scheduler)
    try:
        yield session.run
    finally:
        session.close()


class _DaskSession:
    """A Dask client (and its `LocalCluster` when no scheduler is given), started when first needed."""

    def __init__(self, workers: int, scheduler: str | None) -> None:
        self.workers, self.scheduler = workers, scheduler
        self.client: Any = None
        self.cluster: Any = None

    def run(self, work: Callable[..., Any], todo: Iterable[Any], args: tuple[Any, ...]) -> Iterator[Any]:
        """Run `work(item, *args)` for each item as a `dask.bag`; yield results as they complete."""
        todo = list(todo)
        if not todo:
            return
        try:
            import dask.bag as db
            from distributed import as_completed
        except ImportError as exc:  # pragma: no cover - depends on the install
            raise ImportError("the dask engine needs dask: pip install 'news-discourse-toolkit[dask]'") from exc
        client = self._client()
        bag = db.from_sequence(todo, npartitions=len(todo)).map(work, *args)
        for future in as_completed(client.compute(bag.to_delayed())):
            yield from future.result()

    def _client(self) -> Any:
        if self.client is None:
            from distributed import Client, LocalCluster

            if self.scheduler is None:
                self.cluster = LocalCluster(n_workers=max(self.workers, 1), threads_per_worker=1, processes=True,
                                            dashboard_address=None)
            self.client = Client(self.scheduler or self.cluster)
        return self.client

    def close(self) -> None:
        """Close the client and the cluster it started, if any."""
        if self.client is not None:
            self.client.close()
        if self.cluster is not None:
            self.cluster.close()
        self.client = self.cluster = None
