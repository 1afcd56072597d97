"""Text: one line per finding with its severity, whatever the file name holds; colour only when asked."""

from __future__ import annotations

import pytest

from outlint.formats import Options, text
from outlint.model import Finding, Severity, Span


def finding(path: str, severity: Severity = Severity.ERROR) -> Finding:
    return Finding(path, Span(3, 1, 3, 4), "OL201", severity, "gap", "numbering-gap")


@pytest.mark.parametrize(
    ("path", "shown"),
    [
        pytest.param("docs/a.md", "docs/a.md", id="plain"),
        pytest.param("./docs/a.md", "docs/a.md", id="dot-slash"),
        pytest.param("docs/../a.md", "a.md", id="dot-dot"),
        pytest.param("new\nline.md", "new\\nline.md", id="newline-in-the-name"),
        pytest.param("tab\there\r.md", "tab\\there\\r.md", id="other-controls"),
        pytest.param("bad\udcff.md", "bad\\xff.md", id="not-utf-8"),
        pytest.param("白皮书.md", "白皮书.md", id="cjk-unchanged"),
    ],
)
def test_one_line_per_finding(path: str, shown: str) -> None:
    out = text.render([finding(path)], [path])
    assert out == f"{shown}:3:1: OL201 [error] gap (numbering-gap)\n"
    out.encode("utf-8")  # printable on any UTF-8 stream


def test_severity_is_shown() -> None:
    out = text.render([finding("a.md", s) for s in Severity], [])
    assert [line.split()[2] for line in out.splitlines()] == ["[info]", "[warning]", "[error]"]


def test_colour_only_when_asked() -> None:
    plain = text.render([finding("a.md")], [])
    assert "\033[" not in plain
    coloured = text.render([finding("a.md")], [], Options(color=True))
    assert "\033[1;31mOL201 [error]\033[0m" in coloured
    assert (
        coloured.replace("\033[1m", "").replace("\033[2m", "").replace("\033[1;31m", "").replace("\033[0m", "") == plain
    )
