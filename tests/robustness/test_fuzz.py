"""A short seeded run of the fuzzing harness (bench/fuzz.py) per reader, and hypothesis properties.

The long run (``python bench/fuzz.py --inputs 100000``) is in bench/README.md; this one takes
seconds and keeps the harness and the classes of crash it found from coming back.
"""

from __future__ import annotations

import importlib.util
import random
from types import ModuleType

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from outlint.linter import Settings, check_bytes
from tests.conftest import ROOT


def _fuzz() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_fuzz", ROOT / "bench" / "fuzz.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


FUZZ = _fuzz()
INPUTS = 150
MARKUP = "the markup engineer"
PENDING = {}


@pytest.mark.parametrize(
    "fmt",
    [
        pytest.param(f, marks=pytest.mark.xfail(strict=True, reason=PENDING[f])) if f in PENDING else f
        for f in ("text", "markdown", "html")
    ],
)
def test_mutated_samples_never_crash(fmt: str) -> None:
    rng = random.Random(f"suite:{fmt}")
    seeds = FUZZ.windows(rng, [p.read_bytes() for p in FUZZ.default_seeds()])
    worker = FUZZ.Worker(fmt, Settings(), timeout=10.0)
    made = FUZZ.generated(rng)
    problems = []
    try:
        for k in range(INPUTS):
            name, data = FUZZ.mutate(rng, seeds) if k % 5 else next(made)
            problem = worker.run(data)
            if problem:
                problems.append((name, len(data), problem.strip().splitlines()[-1][:200]))
    finally:
        worker.stop()
    assert problems == []


def test_every_mutation_changes_or_keeps_bytes() -> None:
    rng = random.Random(0)
    for name, mutation in FUZZ.MUTATIONS.items():
        out = mutation(rng, b"# T\n\n## 1. A\n\ntext.\n", b"<h1>x</h1>")
        assert isinstance(out, bytes), name


@settings(max_examples=60, deadline=None, derandomize=True, database=None, suppress_health_check=list(HealthCheck))
@given(
    data=st.one_of(st.binary(max_size=600), st.text(max_size=600).map(lambda s: s.encode("utf-8", "surrogatepass"))),
    fmt=st.sampled_from(["text", "markdown", "html"]),
)
def test_any_bytes_are_findings_never_an_exception(data: bytes, fmt: str) -> None:
    # the property: check_bytes never raises, and outlint itself never fails (OL002)
    found = check_bytes(data, FUZZ.SUFFIX[fmt], fmt, Settings())
    assert not [f for f in found if f.code == "OL002"], found


@pytest.mark.parametrize(
    ("data", "fmt"),
    [
        # a bare page number behind an information separator, which str.strip() drops and int() does not
        pytest.param(b"\x1c 8", "text", id="separator-before-a-page-number"),
    ],
)
def test_inputs_the_long_run_found(data: bytes, fmt: str) -> None:
    found = check_bytes(data, FUZZ.SUFFIX[fmt], fmt, Settings())
    assert not [f for f in found if f.code == "OL002"], found
