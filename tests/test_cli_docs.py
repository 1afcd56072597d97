"""outlint on its own documentation: the README, the changelog and docs/ must give no finding."""

from __future__ import annotations

import pytest

from outlint.formats.text import render
from outlint.linter import check_path
from outlint.walk import iter_files
from tests.conftest import ROOT

DOCS = ["README.md", "CHANGELOG.md", "docs"]


def findings(monkeypatch: pytest.MonkeyPatch, exclude: tuple[str, ...] = ()) -> str:
    monkeypatch.chdir(ROOT)
    files = list(iter_files(DOCS, exclude))
    assert {"README.md", "CHANGELOG.md", "docs/outline.md"} <= set(files)
    return "".join(render(check_path(f), [f]) for f in files)


def test_the_documentation_except_the_rules_reference(monkeypatch: pytest.MonkeyPatch) -> None:
    assert findings(monkeypatch, ("docs/rules.md",)) == ""


@pytest.mark.xfail(
    strict=True,
    reason='issue 12 item 5, for the Markdown reader (markup): in docs/rules.md, `<a href="#install">` and '
    "`<!-- outlint-disable OL9999 -->` inside code spans are read as a link and a directive (OL108, OL901, OL902)",
)
def test_the_whole_documentation(monkeypatch: pytest.MonkeyPatch) -> None:
    assert findings(monkeypatch) == ""
