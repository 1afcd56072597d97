"""GitLab Code Quality format: a JSON array of issues for merge-request widgets and reports.

Severities map to GitLab's scale (error: major, warning: minor, info: info); the fingerprint is
the finding's own, which does not depend on line numbers, so an issue moved by an edit above it
is not shown as fixed and new again. Paths are relative to the repository root, as GitLab wants them.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from outlint.fingerprint import digest
from outlint.formats import DEFAULT, Options, from_root, shown_path
from outlint.model import Finding, Severity

SEVERITIES = {Severity.ERROR: "major", Severity.WARNING: "minor", Severity.INFO: "info"}


def issue(f: Finding, options: Options = DEFAULT) -> dict[str, Any]:
    return {
        "type": "issue",
        "check_name": f.code,
        "description": f"{f.code} {f.message}" + (f" ({f.name})" if f.name else ""),
        "categories": ["Style"],
        "severity": SEVERITIES[f.severity],
        # findings made outside the linter (tests, other tools) may lack one; GitLab requires it
        "fingerprint": f.fingerprint or digest(f.path, f.code, (str(f.span.line),), f.message),
        "location": {
            "path": shown_path(from_root(f.path, options)[0]),
            "lines": {"begin": f.span.line, "end": max(f.span.end_line, f.span.line)},
        },
    }


def render(findings: Sequence[Finding], paths: Sequence[str], options: Options = DEFAULT) -> str:
    return json.dumps([issue(f, options) for f in findings], ensure_ascii=False, indent=2) + "\n"
