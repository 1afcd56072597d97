"""JSON format: ``{"version": ..., "findings": [...]}`` with one object per finding."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from outlint.formats import DEFAULT, Options, shown_path
from outlint.model import Finding, Span


def _where(span: Span) -> dict[str, int]:
    return {"line": span.line, "column": span.column, "end_line": span.end_line, "end_column": span.end_column}


def as_dict(f: Finding) -> dict[str, Any]:
    found = {"language": f.detected.language, "confidence": f.detected.confidence} if f.detected else None
    return {
        "path": shown_path(f.path, one_line=False),  # JSON holds any character; only non-UTF-8 bytes are escaped
        **_where(f.span),
        "code": f.code,
        "name": f.name,
        "severity": str(f.severity),
        "message": f.message,
        "related": [{**_where(r.span), "message": r.message} for r in f.related],
        **({"detected": found} if found else {}),  # language findings: the language found, and how sure
    }


def render(findings: Sequence[Finding], paths: Sequence[str], options: Options = DEFAULT) -> str:
    from outlint import __version__

    head = json.dumps({"version": __version__, "findings": []}, ensure_ascii=False, indent=2)
    if not findings:
        return head + "\n"
    # each finding encoded on its own, as json.dumps would set it two levels deep (no JSON string
    # holds a raw newline): the whole report in one call made a piece for every key and value,
    # several times the report's size at once on a file with thousands of findings
    parts = [head.removesuffix("[]\n}") + "["]
    for f in findings:
        parts += (
            ",\n    " if len(parts) > 1 else "\n    ",
            json.dumps(as_dict(f), ensure_ascii=False, indent=2).replace("\n", "\n    "),
        )
    parts.append("\n  ]\n}\n")
    return "".join(parts)
