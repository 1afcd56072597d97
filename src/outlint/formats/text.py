"""Text format: ``path:line:col: CODE message (name)``, one grep-able line per finding."""

from __future__ import annotations

from collections.abc import Sequence

from outlint.model import Finding


def line(f: Finding) -> str:
    return f"{f.path}:{f.span.line}:{f.span.column}: {f.code} {f.message} ({f.name})"


def render(findings: Sequence[Finding], paths: Sequence[str]) -> str:
    return "".join(line(f) + "\n" for f in findings)
