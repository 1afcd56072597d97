"""GitHub Actions format: one workflow command per finding, shown as an annotation on the pull request.

``::error file=F,line=L,col=C,endLine=L,endColumn=C,title=OL201 numbering-gap::message``; values
are escaped as GitHub's runner unescapes them (``%``, CR and LF everywhere, ``:`` and ``,`` in
properties too), so that a message with a newline or a path with a comma stays one annotation.
Paths are relative to the repository root, where GitHub looks for them, whatever the working directory.
"""

from __future__ import annotations

from collections.abc import Sequence

from outlint.formats import DEFAULT, Options, from_root, shown_path, title
from outlint.model import Finding, Severity

COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def line(f: Finding, options: Options = DEFAULT) -> str:
    s = f.span
    props = {
        "file": shown_path(from_root(f.path, options)[0], one_line=False),  # CR and LF are escaped as data
        "line": s.line,
        "col": s.column,
        "endLine": max(s.end_line, s.line),
        "endColumn": max(s.end_column, s.column) if s.end_line <= s.line else s.end_column,
        "title": title(f),
    }
    shown = ",".join(f"{key}={escape_property(str(value))}" for key, value in props.items())
    return f"::{COMMANDS[f.severity]} {shown}::{escape_data(f.message)}"


def render(findings: Sequence[Finding], paths: Sequence[str], options: Options = DEFAULT) -> str:
    return "".join(line(f, options) + "\n" for f in findings)
