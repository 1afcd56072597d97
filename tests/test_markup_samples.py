"""Golden reports of the Markdown and HTML samples: ``outlint check samples/<name>`` from the root."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import ROOT
from outlint.cli import main

SAMPLES = sorted(p.name for p in (ROOT / "samples").iterdir() if p.suffix in (".md", ".html"))


@pytest.mark.parametrize("name", SAMPLES)
def test_sample_report(name: str, golden: Callable[[Path, str], None], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    result = CliRunner().invoke(main, ["check", f"samples/{name}"])
    assert result.exit_code in (0, 1), result.output
    golden(ROOT / "samples" / f"{name}.expected", result.output)


def test_samples_exist() -> None:
    assert SAMPLES == ["bilingual-guide.en.md", "bilingual-guide.zh.md", "manual-stale-nav.html",
                       "readme-stale-contents.md"]
