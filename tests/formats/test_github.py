"""GitHub workflow commands: levels, properties and the escaping the runner expects."""

from __future__ import annotations

import pytest

from outlint.formats import Options, github
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


@pytest.mark.parametrize(
    ("path", "cwd", "shown"),
    [
        pytest.param("./docs/a.md", "/repo", "docs/a.md", id="dot-slash"),
        pytest.param("docs/../README.md", "/repo", "README.md", id="dot-dot"),
        pytest.param("a.md", "/repo/docs", "docs/a.md", id="from-a-subfolder"),
        pytest.param("new\nline.md", "/repo", "new%0Aline.md", id="newline"),
    ],
)
def test_paths_are_relative_to_the_repository_root(path: str, cwd: str, shown: str) -> None:
    f = Finding(path, Span(2, 1, 2, 1), "OL201", Severity.ERROR, "gap", "numbering-gap")
    assert github.line(f, Options(cwd=cwd, root="/repo")).startswith(f"::error file={shown},line=2,")
