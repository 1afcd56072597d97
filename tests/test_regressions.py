"""Minimal reproducers of what real documents taught the text reader and the rules.

Each file in tests/data/regressions is the smallest text that once gave a wrong finding (or
missed a right one) on a real document: a README, a NEWS file, an RFC-like specification, a
manual exported to text, a Chinese manual. Most must give no finding at all; where the text
does have a problem, its report is in a sidecar ``.expected`` file.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from outlint.formats.text import render
from outlint.linter import check_path
from tests.conftest import ROOT

DATA = ROOT / "tests" / "data" / "regressions"
CASES = sorted(p for p in DATA.iterdir() if p.suffix != ".expected" and p.name != "README.md")


@pytest.mark.parametrize("case", CASES, ids=[p.stem for p in CASES])
def test_regression(case: Path, golden: Callable[[Path, str], None], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(DATA)
    report = render(check_path(case.name), [case.name])
    sidecar = case.with_name(case.name + ".expected")
    if sidecar.exists() or report:
        golden(sidecar, report)
    else:
        assert report == ""
