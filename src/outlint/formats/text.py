"""Text format: ``path:line:col: CODE [severity] message (name)``, one grep-able line per finding."""

from __future__ import annotations

import re
from collections.abc import Sequence

from outlint.formats import DEFAULT, Options, shown_path
from outlint.model import Finding, Severity

_BREAK = re.compile(r"[\r\n]+")
# ANSI styles: the code and severity in the severity's colour, the path bold, the name dim
_STYLE = {Severity.ERROR: "\033[1;31m", Severity.WARNING: "\033[1;33m", Severity.INFO: "\033[1;36m"}
_BOLD, _DIM, _RESET = "\033[1m", "\033[2m", "\033[0m"


def line(f: Finding, color: bool = False) -> str:
    message = _BREAK.sub(" ", f.message)  # one finding, one line, whatever a message quotes
    where = f"{shown_path(f.path)}:{f.span.line}:{f.span.column}:"
    what = f"{f.code} [{f.severity}]"
    name = f"({f.name})"
    if color:
        where, what, name = f"{_BOLD}{where}{_RESET}", f"{_STYLE[f.severity]}{what}{_RESET}", f"{_DIM}{name}{_RESET}"
    return f"{where} {what} {message} {name}"


def render(findings: Sequence[Finding], paths: Sequence[str], options: Options = DEFAULT) -> str:
    return "".join(line(f, options.color) + "\n" for f in findings)
