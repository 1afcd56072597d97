"""Baselines: adopt outlint on a tree with known problems and see only the new ones."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from outlint import baseline
from outlint.model import Finding, Severity, Span

DOC = """Guide

1. Scope

The guide covers the scope of the work.

2. Terms

The terms are defined here.

4. Methods

The methods are described here.
"""


def outlint(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("GITHUB_ACTIONS", "CI")}
    return subprocess.run(
        [sys.executable, "-m", "outlint", *args], cwd=cwd, env=env, capture_output=True, text=True, check=False
    )


def test_round_trip(tmp_path: Path) -> None:
    doc = tmp_path / "guide.txt"
    doc.write_text(DOC)
    wrote = outlint("check", "--write-baseline", "baseline.json", "guide.txt", cwd=tmp_path)
    assert wrote.returncode == 0, wrote.stderr
    assert "Wrote baseline baseline.json: 1 finding in 1 file." in wrote.stderr
    recorded = json.loads((tmp_path / "baseline.json").read_text())["findings"]
    assert [e["code"] for e in recorded] == ["OL201"]

    # text added above moves the known problem; a new problem appears further down
    doc.write_text(
        DOC.replace("The guide covers", "An introduction.\n\nThe guide covers")
        + "\n5. Results\n\nThe results.\n\n7. Annexes\n\nThe annexes.\n"
    )
    res = outlint("check", "--baseline", "baseline.json", "guide.txt", cwd=tmp_path)
    assert res.returncode == 1
    assert res.stdout.splitlines() == [
        'guide.txt:21:1: OL201 [error] numbering gap: "7." follows "5." at the top level (expected "6.") '
        "(numbering-gap)"
    ]
    assert "Baseline baseline.json: 1 known finding skipped, 0 baseline entries now fixed." in res.stderr

    # fixing the known problem: nothing reported for it, and the entry is counted as fixed
    doc.write_text(DOC.replace("4. Methods", "3. Methods"))
    res = outlint("check", "--baseline", "baseline.json", "guide.txt", cwd=tmp_path)
    assert res.returncode == 0 and res.stdout == ""
    assert "0 known findings skipped, 1 baseline entry now fixed (run with --write-baseline" in res.stderr


def test_machine_formats_still_get_the_baseline_note(tmp_path: Path) -> None:
    (tmp_path / "guide.txt").write_text(DOC)
    outlint("check", "--write-baseline", "b.json", "guide.txt", cwd=tmp_path)
    res = outlint("check", "--format", "sarif", "--baseline", "b.json", "guide.txt", cwd=tmp_path)
    assert res.returncode == 0
    assert json.loads(res.stdout)["runs"][0]["results"] == []
    assert res.stderr.startswith("Baseline b.json: 1 known finding skipped")


def test_bad_baselines_are_usage_errors(tmp_path: Path) -> None:
    (tmp_path / "guide.txt").write_text(DOC)
    (tmp_path / "bad.json").write_text("{}")
    (tmp_path / "broken.json").write_text("{")
    for name, message in [("bad.json", "is not an outlint baseline"), ("broken.json", "is not valid JSON")]:
        res = outlint("check", "--baseline", name, "guide.txt", cwd=tmp_path)
        assert res.returncode == 2 and message in res.stderr
    res = outlint("check", "--baseline", "bad.json", "--write-baseline", "b.json", "guide.txt", cwd=tmp_path)
    assert res.returncode == 2 and "not both" in res.stderr


def finding(path: str, fp: str) -> Finding:
    return Finding(path, Span(1, 1, 1, 1), "OL201", Severity.ERROR, "m", "numbering-gap", fp)


@pytest.mark.parametrize(
    ("now", "recorded", "new", "known", "fixed"),
    [
        pytest.param(["a", "b"], ["a", "b"], [], 2, 0, id="all-known"),
        pytest.param(["a", "c"], ["a", "b"], ["c"], 1, 1, id="one-new-one-fixed"),
        pytest.param(["a", "a"], ["a"], ["a"], 1, 0, id="a-second-identical-one-is-new"),
        pytest.param(["a"], ["a", "a"], [], 1, 1, id="one-of-two-identical-fixed"),
    ],
)
def test_apply(now: list[str], recorded: list[str], new: list[str], known: int, fixed: int) -> None:
    entries = [baseline.Entry(fp, "x.txt", "OL201", "m") for fp in recorded]
    out = baseline.apply([finding("x.txt", fp) for fp in now], entries, ["x.txt"])
    assert ([f.fingerprint for f in out.findings], out.known, out.fixed) == (new, known, fixed)


def test_entries_of_files_not_checked_are_not_fixed() -> None:
    entries = [baseline.Entry("a", "x.txt", "OL201", "m"), baseline.Entry("b", "y.txt", "OL201", "m")]
    assert baseline.apply([], entries, ["x.txt"]).fixed == 1


def test_render_and_load(tmp_path: Path) -> None:
    path = tmp_path / "b.json"
    path.write_text(baseline.render([finding("y.txt", "2"), finding("x.txt", "1")]))
    assert [e.fingerprint for e in baseline.load(str(path))] == ["1", "2"]


def test_paths_are_compared_as_fingerprints_compare_them() -> None:
    entries = [baseline.Entry("a", "docs/x.txt", "OL201", "m")]
    assert baseline.apply([], entries, ["./docs/x.txt"]).fixed == 1


def test_a_path_spelled_differently_still_matches(tmp_path: Path) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "guide.txt").write_text(DOC)
    outlint("check", "--write-baseline", "b.json", "docs", cwd=tmp_path)
    res = outlint("check", "--baseline", "b.json", "./docs/guide.txt", cwd=tmp_path)
    assert res.returncode == 0 and res.stdout == ""
    assert "1 known finding skipped, 0 baseline entries now fixed." in res.stderr
