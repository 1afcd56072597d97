"""Linear time for every format and adversarial shape (issue 14, part 1), measured in CPU time.

Each shape of ``bench/shapes.py`` is checked at n and at 10 n units, each in a forked child so that
one run's memory and caches do not slow the other; the CPU time must grow less than 15 times. A
super-linear case would take minutes at the large size, so the child gets a CPU limit of 15 times the
small run's time (plus one second of slack): exceeding it is failing, not waiting.

Cases still pending on their owner are strict xfails naming the owner (see PENDING).
"""

from __future__ import annotations

import importlib.util
import json
import os
import resource
import signal
import sys
import time
from types import ModuleType

import pytest

from outlint.linter import Settings, check_bytes
from tests.conftest import ROOT

# Linear is 10 and quadratic 100. The headroom is for noise and for the memory hierarchy: a linear
# reading costs more per item once its working set outgrows the CPU caches (a 60,000-entry contents
# block: 26 us per entry at 3,000 entries, 54 at 60,000, 53 at 100,000), more so on a loaded machine.
RATIO = 25
SLACK = 1.0  # seconds of CPU added to the large run's budget


def _shapes() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_shapes", ROOT / "bench" / "shapes.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


SHAPES = _shapes()
MARKUP, TEXT, LEAD = "the markup engineer", "the text engineer", "the lead"
# (shape, format) -> (defect, owner) while the owner's fix is pending
PENDING: dict[tuple[str, str], tuple[str, str]] = {}


def cpu_seconds(data: bytes, fmt: str, budget: float | None) -> tuple[float | None, set[str]]:
    """CPU seconds of ``check_bytes`` on data in a forked child (None when it ran out of ``budget``),
    and the codes it found."""
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: measure, report, and leave without running the parent's cleanup
        try:
            os.close(read)
            if budget is not None:
                limit = int(budget) + 1
                resource.setrlimit(resource.RLIMIT_CPU, (limit, limit + 1))
            start = time.process_time()
            found = check_bytes(data, f"shape{SHAPES.SUFFIX[fmt]}", fmt, Settings())
            spent = time.process_time() - start
            os.write(write, json.dumps([spent, sorted({f.code for f in found})]).encode())
        finally:
            os._exit(0)
    os.close(write)
    with os.fdopen(read) as fh:
        out = fh.read()
    _, status = os.waitpid(pid, 0)
    if os.WIFSIGNALED(status) and os.WTERMSIG(status) in (signal.SIGXCPU, signal.SIGKILL):
        return None, set()
    assert out, f"the child failed (status {status})"
    spent, codes = json.loads(out)
    return float(spent), set(codes)


CASES = [
    pytest.param(
        shape,
        fmt,
        id=f"{shape}-{fmt}",
        marks=[pytest.mark.xfail(strict=True, reason=f"{PENDING[shape, fmt][0]}, pending on {PENDING[shape, fmt][1]}")]
        if (shape, fmt) in PENDING
        else [],
    )
    for shape, formats in SHAPES.SHAPES.items()
    for fmt in formats
]


@pytest.mark.skipif(not hasattr(os, "fork") or sys.platform != "linux", reason="forks and CPU limits: Linux")
@pytest.mark.parametrize(("shape", "fmt"), CASES)
def test_time_grows_linearly(shape: str, fmt: str) -> None:
    make, n = SHAPES.SHAPES[shape][fmt]
    small, large = make(n), make(10 * n)
    cpu_seconds(make(max(1, n // 10)), fmt, None)  # warm up: first-use caches are not the shape's cost
    best_small = best_large = float("inf")
    for _attempt in range(2):  # a second measurement only when the first looks super-linear: load noise
        t_small, _ = cpu_seconds(small, fmt, None)
        assert t_small is not None
        best_small = min(best_small, t_small)
        floor = max(best_small, 0.02)  # a tiny run is mostly fixed cost; do not divide by noise
        budget = RATIO * floor + SLACK
        t_large, codes = cpu_seconds(large, fmt, budget)
        assert t_large is not None, f"{shape} ({fmt}): over {budget:.1f}s of CPU at 10 x {n} (small: {best_small:.3f}s)"
        assert "OL002" not in codes, f"{shape} ({fmt}): outlint failed on it (OL002)"
        best_large = min(best_large, t_large)
        if best_large < RATIO * floor:
            return
    ratio = best_large / max(best_small, 0.02)
    raise AssertionError(f"{shape} ({fmt}): {best_small:.3f}s at {n}, {best_large:.3f}s at {10 * n}: ratio {ratio:.1f}")


def test_the_harness_sees_quadratic_time() -> None:
    # a check of the comparison itself: a quadratic loop fails it, a linear one passes
    def run(n: int, quadratic: bool) -> float:
        start = time.process_time()
        total = 0
        for i in range(n):
            for _ in range(0, i if quadratic else 1000, 10):
                total += 1
        return time.process_time() - start

    # sizes at which the small quadratic run is above the 0.02 s floor, so that the ratio is ~100
    assert run(30_000, True) > RATIO * max(run(3_000, True), 0.02)
    assert run(20_000, False) < RATIO * max(run(2_000, False), 0.02) + SLACK * 0.5
