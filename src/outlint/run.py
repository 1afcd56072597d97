"""Check many files, in parallel processes or in this one, with the same results in the same order."""

from __future__ import annotations

import contextlib
import functools
import math
import os
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TextIO

from outlint import inputs, progress
from outlint.linter import Settings, check_bytes, check_path, display_path, internal_error, unreadable
from outlint.model import Finding

if TYPE_CHECKING:
    from concurrent.futures import Future

# Below this many files a pool costs more to start than it saves.
MIN_PARALLEL_FILES = 4
# Chunks amortise the cost of a round trip to a worker; several per worker keep them all busy
# to the end when some files are much slower than others.
MAX_CHUNK = 32
CHUNKS_PER_JOB = 4

# A worker's report of how far the file it is checking has got: (path, fraction), at most every
# WITHIN_EVERY seconds per file, sent to the parent's progress bar.
WITHIN_EVERY = 0.2
_within_queue: Any = None  # in a worker process, the queue to the parent's bar (None: nobody shows one)


@dataclass(frozen=True, slots=True)
class Result:
    """The outcome of checking one file: its findings, or the internal error that stopped it."""

    path: str
    findings: tuple[Finding, ...] = ()
    error: str | None = None


def check_one(path: str, settings: Settings, fmt: str | None = None) -> list[Finding]:
    """Check one file as the command line does: findings carry the path as it is displayed.

    This is the per-file unit of work, run in worker processes; ``settings`` are the file's own
    (configuration, per-file ignores, profile), resolved by the caller.
    """
    if path == "-":
        limit = settings.limits.max_bytes
        data = sys.stdin.buffer.read(limit + 1)  # endless input (``< /dev/zero``) stops at the limit
        if len(data) > limit:
            return [unreadable("-", inputs.too_large(None, limit, what="standard input").message)]
        return check_bytes(data, "-", fmt, settings)  # no format: sniffed
    # the document gets the displayed path, so that fingerprints do not depend on how it was named
    return check_path(path, fmt, settings, display_path(path))


# How a file gets its settings: a picklable callable (a module-level function, or a
# functools.partial of one), sent once per chunk to the workers, which call it per file.
SettingsFor = Callable[[str], Settings]


def _same(settings: Settings, _path: str) -> Settings:
    return settings


def same_settings(settings: Settings) -> SettingsFor:
    """A SettingsFor that gives every file the same settings."""
    return functools.partial(_same, settings)


def _check_safely(
    path: str, settings_for: SettingsFor, fmt: str | None, within: Callable[[str, float], None] | None = None
) -> Result:
    try:
        if within is None:
            return Result(path, tuple(check_one(path, settings_for(path), fmt)))
        with progress.listening(functools.partial(within, path)):
            return Result(path, tuple(check_one(path, settings_for(path), fmt)))
    except Exception as exc:  # one broken file must not stop the run: it gets its OL002 finding
        return Result(path, (internal_error(display_path(path), "checking the file", exc),))


def _send_within(path: str, fraction: float, _last: dict[str, float] = {}) -> None:  # noqa: B006 (a per-process memo)
    """In a worker: pass how far a file has got to the parent's bar, a few times a second at most."""
    now = time.monotonic()
    if fraction < 1.0 and now - _last.get(path, 0.0) < WITHIN_EVERY:  # the end of a file always goes
        return
    _last.clear()
    _last[path] = now
    with contextlib.suppress(Exception):  # the bar is a nicety: a broken queue costs no result
        _within_queue.put((path, fraction))


def _check_chunk(paths: Sequence[str], settings_for: SettingsFor, fmt: str | None) -> list[Result]:
    within = _send_within if _within_queue is not None else None
    return [_check_safely(path, settings_for, fmt, within) for path in paths]


def _travels(settings_for: SettingsFor) -> bool:
    """Whether the settings can be sent to a worker process (a compiled profile, say, cannot)."""
    import pickle  # here: only a run over several files sends settings to workers

    try:
        pickle.dumps(settings_for)
    except (pickle.PicklingError, AttributeError, TypeError):
        return False
    return True


def default_jobs() -> int:
    """The CPUs this process may run on (fewer than the machine's in a container or under taskset)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


def chunk_size(files: int, jobs: int) -> int:
    return max(1, min(MAX_CHUNK, math.ceil(files / (jobs * CHUNKS_PER_JOB))))


class Stopped(BaseException):
    """The run was stopped by SIGTERM or SIGHUP (a CI job cancelled, a terminal closed); the workers
    are gone, and the command exits with 128 + ``signum`` as a shell reports a killed process."""

    def __init__(self, signum: int) -> None:
        super().__init__(f"stopped by {signal.Signals(signum).name}")
        self.signum = signum


STOP_SIGNALS = tuple(getattr(signal, name) for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name))
_PR_SET_PDEATHSIG = 1  # linux/prctl.h


def _raise_stopped(signum: int, _frame: object) -> None:
    raise Stopped(signum)


@contextlib.contextmanager
def stoppable() -> Iterator[None]:
    """While inside, SIGTERM and SIGHUP raise Stopped in this (the main) thread, so that the pool
    can end its workers before the process exits."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    old = {signum: signal.signal(signum, _raise_stopped) for signum in STOP_SIGNALS}
    try:
        yield
    finally:
        for signum, handler in old.items():
            signal.signal(signum, handler)


def _init_worker(parent: int, queue: Any = None) -> None:
    """Workers ignore Ctrl-C (the parent cancels what has not started, and they finish their chunk),
    die at once on SIGTERM and SIGHUP, and die with the parent, however it ends, even by SIGKILL.
    With a ``queue``, they report how far each file has got to the parent's progress bar."""
    global _within_queue
    _within_queue = queue
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    for signum in STOP_SIGNALS:
        signal.signal(signum, signal.SIG_DFL)
    if sys.platform.startswith("linux"):
        import ctypes

        with contextlib.suppress(OSError, AttributeError):
            ctypes.CDLL(None).prctl(_PR_SET_PDEATHSIG, signal.SIGTERM)
    if os.getppid() != parent:  # the parent died before the line above
        os._exit(1)


def _end_workers(pool: Any) -> None:
    # The executor has no way to stop running calls: its worker processes are ended directly.
    for process in list((getattr(pool, "_processes", None) or {}).values()):
        with contextlib.suppress(OSError, AttributeError):
            process.terminate()
    pool.shutdown(wait=False, cancel_futures=True)
    # The executor's manager thread sees the workers gone and closes its wake-up pipe. Left running,
    # it races the interpreter's exit hook, which writes to that pipe: "Bad file descriptor" at exit.
    manager = getattr(pool, "_executor_manager_thread", None)
    if manager is not None:
        manager.join(timeout=5.0)


def _in_pool(
    paths: Sequence[str], todo: Sequence[int], settings_for: SettingsFor, fmt: str | None, jobs: int, bar: Bar
) -> dict[int, Result]:
    """Results of ``paths[i]`` for every i in ``todo``, checked in chunks by worker processes.

    When a worker dies (killed, out of memory), the pool breaks and every chunk not finished by then
    fails with it; those files are then checked here, one by one, so that the death costs no result.
    """
    size = chunk_size(len(todo), jobs)
    chunks = [todo[k : k + size] for k in range(0, len(todo), size)]
    results: dict[int, Result] = {}
    # imported here: a one-process run (and every single-file run) need not pay for the pool
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    with _within_reports(bar) as queue:
        pool = ProcessPoolExecutor(
            max_workers=min(jobs, len(chunks)), initializer=_init_worker, initargs=(os.getpid(), queue)
        )
        unfinished: list[int] = []
        try:
            futures: list[Future[list[Result]]] = []
            for chunk in chunks:
                future = pool.submit(_check_chunk, [paths[i] for i in chunk], settings_for, fmt)
                future.add_done_callback(_chunk_done(bar, [paths[i] for i in chunk]))
                futures.append(future)
            for chunk, future in zip(chunks, futures, strict=True):
                try:
                    done = future.result()
                except BrokenProcessPool:
                    unfinished.extend(chunk)
                    continue
                results.update(zip(chunk, done, strict=True))
        except Stopped:
            _end_workers(pool)
            raise
        except BaseException:
            # Ctrl-C: drop the chunks not started and wait only for the running ones. Waiting matters:
            # the executor must outlive the cancellation, or its manager thread runs every chunk left.
            pool.shutdown(wait=True, cancel_futures=True)
            raise
        pool.shutdown()
    for i in unfinished:
        results[i] = _check_safely(paths[i], settings_for, fmt, bar.within if bar.active else None)
        bar.done([paths[i]])
    return results


def _chunk_done(bar: Bar, paths: list[str]) -> Callable[[Future[list[Result]]], None]:
    """Progress for a chunk when it is done; a chunk lost with a worker counts when it is checked again."""
    return lambda future: None if future.cancelled() or future.exception() else bar.done(paths)


def _ignore_interrupts() -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)


@contextlib.contextmanager
def _within_reports(bar: Bar) -> Iterator[Any]:
    """A queue from the workers to the bar, and a thread that moves the bar by what comes through,
    while a bar is shown; else None. The queue lives in a manager process, so that a worker killed
    while it writes cannot leave a lock held that the others then wait on."""
    if not bar.active:
        yield None
        return
    import multiprocessing.managers

    manager = multiprocessing.managers.SyncManager()
    manager.start(_ignore_interrupts)  # Ctrl-C is the parent's to handle
    queue = manager.Queue()

    def follow() -> None:
        with contextlib.suppress(Exception):  # the manager is gone: the run is ending
            while (item := queue.get()) is not None:
                bar.within(*item)

    reader = threading.Thread(target=follow, daemon=True)
    reader.start()
    try:
        yield queue
    finally:
        with contextlib.suppress(Exception):
            queue.put(None)
        reader.join(timeout=1.0)
        manager.shutdown()


def check_files(
    paths: Sequence[str],
    settings_for: SettingsFor,
    fmt: str | None = None,
    jobs: int = 1,
    bar: Bar | None = None,
) -> list[Result]:
    """Check every path with ``settings_for(path)``: one Result per path, in the given order, the
    same whatever ``jobs`` is. ``bar`` is told of each file done, and of how far each file being
    checked has got.

    Settings that cannot be sent to a worker process are used here, one file after another.
    """
    bar = bar or Bar([], active=False)
    within = bar.within if bar.active else None
    parallel = jobs > 1 and len(paths) >= MIN_PARALLEL_FILES and _travels(settings_for)
    results: dict[int, Result] = {}
    todo = []
    with stoppable():
        for i, path in enumerate(paths):
            if path == "-" or not parallel:  # stdin belongs to this process
                results[i] = _check_safely(path, settings_for, fmt, within)
                bar.done([path])
            else:
                todo.append(i)
        if todo:
            results.update(_in_pool(paths, todo, settings_for, fmt, jobs, bar))
    return [results[i] for i in range(len(paths))]


class Bar:
    """A progress bar on stderr, by bytes checked, that moves inside large files too (the reader
    and the rules report how far they are). Shown only on a terminal, outside CI, for more than one
    file or a file of at least ``LARGE`` bytes, and only once the run has taken ``delay`` seconds,
    so that quick runs and CI logs never see it."""

    LARGE = 1_000_000
    WIDTH = 30

    def __init__(
        self, paths: Sequence[str], stream: TextIO | None = None, delay: float = 1.0, active: bool | None = None
    ) -> None:
        self.out = stream if stream is not None else sys.stderr
        if active is None:
            active = bool(paths) and self.out.isatty() and not os.environ.get("CI")
        # sizes only where a bar may be drawn: off a terminal no file is looked at twice
        self.sizes = {p: _size(p) for p in paths} if active else {}
        if active and len(paths) == 1:
            active = self.sizes[paths[0]] >= self.LARGE  # one small file: over before a bar helps
        self.active = active
        self.total = max(1, sum(self.sizes.values()))
        self.files = len(paths)
        self.start = time.monotonic()
        self.delay = delay
        self.finished: set[str] = set()
        self.partial: dict[str, float] = {}
        self.bytes_done = 0
        self.shown = 0.0
        self.lock = threading.Lock()

    def done(self, paths: Sequence[str]) -> None:
        """These files are checked."""
        if not self.active:
            return
        with self.lock:
            for path in paths:
                if path not in self.finished:
                    self.finished.add(path)
                    self.partial.pop(path, None)
                    self.bytes_done += self.sizes.get(path, 0)
            self._draw()

    def within(self, path: str, fraction: float) -> None:
        """The file ``path`` is ``fraction`` (0 to 1) checked."""
        if not self.active:
            return
        with self.lock:
            if path not in self.finished:
                self.partial[path] = fraction
                self._draw()

    def _draw(self) -> None:
        now = time.monotonic()
        if now - self.start < self.delay or now - self.shown < 0.1:
            return
        self.shown = now
        checked = self.bytes_done + sum(f * self.sizes.get(p, 0) for p, f in self.partial.items())
        share = min(1.0, checked / self.total)
        filled = int(self.WIDTH * share)
        files = f"{len(self.finished)}/{self.files} files, " if self.files > 1 else ""
        self.out.write(f"\r[{'#' * filled}{'.' * (self.WIDTH - filled)}] {files}{int(100 * share)} %")
        self.out.flush()

    def close(self) -> None:
        """Clear the bar's line, if it was drawn."""
        if self.shown:
            self.out.write("\r\033[K")
            self.out.flush()


def _size(path: str) -> int:
    try:
        return os.stat(path).st_size
    except OSError:  # reported when the file is checked
        return 0
