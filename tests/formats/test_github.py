"""GitHub workflow commands: levels, properties and the escaping the runner expects."""

from __future__ import annotations

import pytest

from outlint.formats import github
from outlint.model import Finding, Severity, Span


@pytest.mark.parametrize(
    ("text", "data", "prop"),
    [
        ("plain", "plain", "plain"),
        ("100%", "100%25", "100%25"),
        ("a\r\nb", "a%0D%0Ab", "a%0D%0Ab"),
        ("a: b, c", "a: b, c", "a%3A b%2C c"),
        ("%0A", "%250A", "%250A"),  # an escape sequence in the text stays text
    ],
)
def test_escaping(text: str, data: str, prop: str) -> None:
    assert github.escape_data(text) == data
    assert github.escape_property(text) == prop


@pytest.mark.parametrize(
    ("severity", "command"),
    [
        (Severity.ERROR, "::error "),
        (Severity.WARNING, "::warning "),
        (Severity.INFO, "::notice "),
    ],
)
def test_levels(severity: Severity, command: str) -> None:
    f = Finding("a.txt", Span(2, 3, 2, 9), "OL201", severity, "gap", "numbering-gap")
    assert github.line(f) == (f"{command}file=a.txt,line=2,col=3,endLine=2,endColumn=9,title=OL201 numbering-gap::gap")
