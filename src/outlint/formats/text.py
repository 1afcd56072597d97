"""Text format: ``path:line:col: CODE message (name)``, one grep-able line per finding."""

from __future__ import annotations

import re
from collections.abc import Sequence

from outlint.model import Finding

_BREAK = re.compile(r"[\r\n]+")


def line(f: Finding) -> str:
    message = _BREAK.sub(" ", f.message)  # one finding, one line, whatever a message quotes
    return f"{f.path}:{f.span.line}:{f.span.column}: {f.code} {message} ({f.name})"


def render(findings: Sequence[Finding], paths: Sequence[str]) -> str:
    return "".join(line(f) + "\n" for f in findings)
