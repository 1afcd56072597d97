"""Markdown format: a summary for CI job pages (GitHub's step summary, a merge-request note).

Counts per severity and per rule, then the first findings in a table; it says how many findings it
leaves out and, when ``annotation_limit`` is set, how many the CI shows no annotation for.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from outlint.formats import DEFAULT, Options, from_root, shown_path, title
from outlint.model import Finding, Severity

LISTED = 50  # findings in the table; the rest are counted
# ASCII punctuation that Markdown or HTML would read as markup inside a table cell
_MARKUP = re.compile(r"([\\`*_\[\]<>|&~#!])")
_NAMES = {Severity.ERROR: ("error", "errors"), Severity.WARNING: ("warning", "warnings"), Severity.INFO: ("info",) * 2}


def cell(text: str) -> str:
    return _MARKUP.sub(r"\\\1", " ".join(text.split()))


def _count(n: int, severity: Severity) -> str:
    one, many = _NAMES[severity]
    return f"{n} {one if n == 1 else many}"


def render(findings: Sequence[Finding], paths: Sequence[str], options: Options = DEFAULT) -> str:
    severities = Counter(f.severity for f in findings)
    files = len(set(paths) | {f.path for f in findings})
    totals = ", ".join(_count(severities[s], s) for s in (Severity.ERROR, Severity.WARNING, Severity.INFO))
    out = ["## outlint", "", f"{totals} in {files} file{'' if files == 1 else 's'}.", ""]
    if not findings:
        return "\n".join(out)
    rules = Counter(title(f) for f in findings)
    out += ["| Rule | Findings |", "|---|---:|"]
    out += [f"| {cell(name)} | {n} |" for name, n in sorted(rules.items())]
    out += ["", "| File | Line | Severity | Rule | Message |", "|---|---:|---|---|---|"]
    for f in findings[:LISTED]:
        where = cell(shown_path(from_root(f.path, options)[0]))
        out.append(f"| {where} | {f.span.line} | {f.severity} | {cell(f.code)} | {cell(f.message)} |")
    out.append("")
    if len(findings) > LISTED:
        out += [f"{len(findings) - LISTED} more findings are not listed here; the full report has them.", ""]
    limit = options.annotation_limit
    order = (Severity.ERROR, Severity.WARNING, Severity.INFO)
    hidden = [s for s in order if limit is not None and severities[s] > limit]
    if limit is not None and hidden:
        left = " and ".join(f"{severities[s] - limit} of the {_count(severities[s], s)}" for s in hidden)
        out += [f"Only {limit} annotations of each severity are shown per step: {left} have no annotation.", ""]
    return "\n".join(out)
