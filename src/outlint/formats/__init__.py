"""Output formats: each a pure function from findings (and the checked paths) to text."""

from __future__ import annotations

import importlib
from collections.abc import Callable, Sequence

from outlint.model import Finding

Formatter = Callable[[Sequence[Finding], Sequence[str]], str]

# format name -> module with render(findings, paths); imported only when used
FORMATS: dict[str, str] = {
    "text": "outlint.formats.text",
    "json": "outlint.formats.json",
    "sarif": "outlint.formats.sarif",
    "github": "outlint.formats.github",
    "junit": "outlint.formats.junit",
    "gitlab": "outlint.formats.gitlab",
    "html": "outlint.formats.html",
}


def formatter(name: str) -> Formatter:
    render: Formatter = importlib.import_module(FORMATS[name]).render
    return render
