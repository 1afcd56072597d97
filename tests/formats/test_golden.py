"""Every output format against its golden file, all rendered from the shared sample findings."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from outlint import __version__
from outlint.formats import FORMATS, Options, formatter
from outlint.model import Finding

GOLDEN = Path(__file__).parent / "golden"
SUFFIX = {
    "text": "txt",
    "json": "json",
    "sarif": "sarif",
    "github": "github.txt",
    "junit": "xml",
    "gitlab": "gitlab.json",
    "markdown": "md",
}


@pytest.mark.parametrize("name", sorted(FORMATS))
def test_golden(
    name: str,
    sample_findings: list[Finding],
    sample_paths: list[str],
    sample_options: Options,
    golden: Callable[[Path, str], None],
) -> None:
    # the version is not part of what a golden file pins down; a release must not rewrite them
    actual = formatter(name)(sample_findings, sample_paths, sample_options).replace(__version__, "<version>")
    golden(GOLDEN / f"sample.{SUFFIX.get(name, name)}", actual)


@pytest.mark.parametrize("name", sorted(FORMATS))
def test_no_findings(name: str) -> None:
    assert isinstance(formatter(name)([], [], Options()), str)


def test_every_format_has_a_golden_file() -> None:
    assert {f"sample.{SUFFIX.get(n, n)}" for n in FORMATS} == {p.name for p in GOLDEN.iterdir()}
