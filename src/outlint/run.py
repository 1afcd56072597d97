"""Check many files, in parallel processes or in this one, with the same results in the same order."""

from __future__ import annotations

import contextlib
import functools
import math
import os
import pickle
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TextIO

from outlint import inputs
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

Tick = Callable[[int], None]


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


def _check_safely(path: str, settings_for: SettingsFor, fmt: str | None) -> Result:
    try:
        return Result(path, tuple(check_one(path, settings_for(path), fmt)))
    except Exception as exc:  # one broken file must not stop the run: it gets its OL002 finding
        return Result(path, (internal_error(display_path(path), "checking the file", exc),))


def _check_chunk(paths: Sequence[str], settings_for: SettingsFor, fmt: str | None) -> list[Result]:
    return [_check_safely(path, settings_for, fmt) for path in paths]


def _travels(settings_for: SettingsFor) -> bool:
    """Whether the settings can be sent to a worker process (a compiled profile, say, cannot)."""
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


def _ticks(tick: Tick, n: int) -> Callable[[Future[list[Result]]], None]:
    """Progress for a chunk when it is done; a chunk lost with a worker counts when it is checked again."""
    return lambda future: None if future.cancelled() or future.exception() else tick(n)


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


def _init_worker(parent: int) -> None:
    """Workers ignore Ctrl-C (the parent cancels what has not started, and they finish their chunk),
    die at once on SIGTERM and SIGHUP, and die with the parent, however it ends, even by SIGKILL."""
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


def _in_pool(
    paths: Sequence[str], todo: Sequence[int], settings_for: SettingsFor, fmt: str | None, jobs: int, advance: Tick
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

    pool = ProcessPoolExecutor(max_workers=min(jobs, len(chunks)), initializer=_init_worker, initargs=(os.getpid(),))
    unfinished: list[int] = []
    try:
        futures: list[Future[list[Result]]] = []
        for chunk in chunks:
            future = pool.submit(_check_chunk, [paths[i] for i in chunk], settings_for, fmt)
            future.add_done_callback(_ticks(advance, len(chunk)))
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
        results[i] = _check_safely(paths[i], settings_for, fmt)
        advance(1)
    return results


def check_files(
    paths: Sequence[str],
    settings_for: SettingsFor,
    fmt: str | None = None,
    jobs: int = 1,
    tick: Tick | None = None,
) -> list[Result]:
    """Check every path with ``settings_for(path)``: one Result per path, in the given order, the
    same whatever ``jobs`` is. ``tick(n)`` is called after each n files.

    Settings that cannot be sent to a worker process are used here, one file after another.
    """
    advance = tick or (lambda _n: None)
    parallel = jobs > 1 and len(paths) >= MIN_PARALLEL_FILES and _travels(settings_for)
    results: dict[int, Result] = {}
    todo = []
    with stoppable():
        for i, path in enumerate(paths):
            if path == "-" or not parallel:  # stdin belongs to this process
                results[i] = _check_safely(path, settings_for, fmt)
                advance(1)
            else:
                todo.append(i)
        if todo:
            results.update(_in_pool(paths, todo, settings_for, fmt, jobs, advance))
    return [results[i] for i in range(len(paths))]


def progress(total: int, stream: TextIO | None = None, delay: float = 1.0) -> tuple[Tick, Callable[[], None]]:
    """A progress bar on stderr: (tick, close). Shown only on a terminal, outside CI, and only once
    the run has taken ``delay`` seconds, so that quick runs and CI logs never see it."""
    out = stream if stream is not None else sys.stderr
    if not out.isatty() or os.environ.get("CI") or total < 2:
        return (lambda _n: None), (lambda: None)
    start = time.monotonic()
    done, shown = 0, 0.0

    def tick(n: int) -> None:
        nonlocal done, shown
        done += n
        now = time.monotonic()
        if now - start < delay or now - shown < 0.1:
            return
        shown = now
        filled = int(30 * done / total)
        out.write(f"\r[{'#' * filled}{'.' * (30 - filled)}] {done}/{total} files")
        out.flush()

    def close() -> None:
        if shown:
            out.write("\r\033[K")  # clear the bar's line
            out.flush()

    return tick, close
