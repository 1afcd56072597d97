"""outlint on its own documentation: the README, the changelog and docs/ must give no finding
(code spans that quote markup, as docs/rules.md does, are text)."""

from __future__ import annotations

import pytest

from outlint.formats.text import render
from outlint.linter import check_path
from outlint.walk import iter_files
from tests.conftest import ROOT

DOCS = ["README.md", "CHANGELOG.md", "docs"]


def test_the_documentation_gives_no_finding(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    files = list(iter_files(DOCS))
    assert {"README.md", "CHANGELOG.md", "docs/outline.md", "docs/rules.md"} <= set(files)
    assert "".join(render(check_path(f), [f]) for f in files) == ""
