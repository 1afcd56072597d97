"""JSON format: ``{"version": ..., "findings": [...]}`` with one object per finding."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from outlint.model import Finding


def as_dict(f: Finding) -> dict[str, Any]:
    return {
        "path": f.path,
        "line": f.span.line,
        "column": f.span.column,
        "end_line": f.span.end_line,
        "end_column": f.span.end_column,
        "code": f.code,
        "name": f.name,
        "severity": str(f.severity),
        "message": f.message,
    }


def render(findings: Sequence[Finding], paths: Sequence[str]) -> str:
    from outlint import __version__

    return (
        json.dumps({"version": __version__, "findings": [as_dict(f) for f in findings]}, ensure_ascii=False, indent=2)
        + "\n"
    )
