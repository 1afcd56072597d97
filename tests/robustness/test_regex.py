"""Every compiled pattern of the package, against adversarial strings, within a time bound (issue 14, 6).

``regex_scan`` finds every module-level ``re.Pattern`` of every outlint module and times it on long
runs of the characters it names, of its literal pairs and of the shapes that broke patterns before,
with the methods the package calls on it. A pattern fails when it takes more than 10 ms on 8,000
characters while growing faster than linearly, or does not finish within PER_PATTERN seconds
(exponential backtracking): then the child is killed and the scan goes on after it.

A pattern still pending on its module's owner is listed in PENDING with the owner; strict xfail
makes the list fail as soon as the fix lands, so that it is kept short.
"""

from __future__ import annotations

import json
import os
import re
import select
import subprocess
import sys
from functools import cache
from typing import Any

import pytest

from tests.conftest import ROOT

PER_PATTERN = 4.0  # seconds for one pattern's whole scan; a linear one needs well under one

# pattern id -> (defect, owner) while the owner's fix is pending (every id must still exist)
PENDING: dict[str, tuple[str, str]] = {}

# pattern id -> the bounded window every call of it gets, written as in the source: such a pattern
# may be super-linear in its window, never in the document (test_bounded_patterns_stay_bounded)
BOUNDED: dict[str, str] = {
    "outlint.rules.truncation:_COMPLETE": "[-200:]",  # a paragraph's last 200 characters
}


def _child(start: int) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "tests.robustness.regex_scan", str(start)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONHASHSEED": "0"},
    )


def _line(proc: subprocess.Popen[str], timeout: float) -> dict[str, Any] | None:
    assert proc.stdout is not None
    ready, _, _ = select.select([proc.stdout], [], [], timeout)
    if not ready:
        return None
    line = proc.stdout.readline()
    return json.loads(line) if line else None


@cache
def scan() -> tuple[list[str], dict[str, dict[str, Any]]]:
    """Every pattern's id and its result: {"slow": [...]} or {"hang": seconds}."""
    results: dict[str, dict[str, Any]] = {}
    ids: list[str] = []
    start = 0
    while True:
        proc = _child(start)
        head = _line(proc, 120)
        assert head is not None and "count" in head, "the pattern scan did not start"
        ids = head["ids"]
        k = start
        try:
            while True:
                began = _line(proc, 30)
                if began is None:
                    break
                k = began["start"]
                done = _line(proc, PER_PATTERN)
                if done is None:
                    results[ids[k]] = {"hang": PER_PATTERN}
                    break
                results[ids[k]] = done
        finally:
            proc.kill()
            proc.wait()
        if k + 1 >= len(ids) or all(i in results for i in ids):
            return ids, results
        start = k + 1


def _all_ids() -> list[str]:
    # collected in this process too, for the test ids (the child is the one that runs them)
    from tests.robustness.regex_scan import collect

    return [ident for ident, _ in collect()]


@pytest.mark.parametrize(
    "ident",
    [
        pytest.param(i, marks=pytest.mark.xfail(strict=True, reason=f"{PENDING[i][0]}, pending on {PENDING[i][1]}"))
        if i in PENDING
        else i
        for i in _all_ids()
        if i not in BOUNDED
    ],
)
def test_pattern_is_linear_on_adversarial_input(ident: str) -> None:
    ids, results = scan()
    assert ident in ids
    res = results.get(ident)
    assert res is not None, f"{ident} was not scanned"
    assert "hang" not in res, f"{ident} did not finish within {PER_PATTERN}s: exponential backtracking?"
    assert res["slow"] == [], f"{ident} ({'/'.join(res['methods'])}) is super-linear on: {res['slow']}"


def test_the_scan_catches_backtracking() -> None:
    # the harness is worth something only if it sees a known-bad pattern: run it on one directly
    from tests.robustness.regex_scan import scan as scan_one

    assert scan_one(re.compile(r"\s*x$"), ("search",)), "a quadratic pattern passed"
    assert scan_one(re.compile(r"[^x]*x"), ("match",)) == []


def test_pending_and_bounded_patterns_exist() -> None:
    # a stale entry would hide nothing and mislead the next reader of the list
    ids = set(_all_ids())
    assert not (set(PENDING) | set(BOUNDED)) - ids


def test_bounded_patterns_stay_bounded() -> None:
    # every call of a bounded pattern in the package's source is on its window
    from tests.robustness.regex_scan import _sources

    for ident, window in BOUNDED.items():
        name = re.escape(ident.split(":")[1])
        calls = [m.group(0) for text in _sources() for m in re.finditer(rf"\b{name}\.\w+\([^\n]*", text)]
        assert calls, f"{ident} is never called"
        for call in calls:
            assert window in call, f"{ident} called outside its window {window}: {call}"
