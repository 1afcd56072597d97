"""JUnit XML format: for test dashboards. One testsuite per file; one failing testcase per finding
and one passing testcase for a clean file, so that dashboards count the files checked."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from lxml import etree  # type: ignore[import-untyped]  # lxml ships no type hints

from outlint.model import Finding

CLEAN_CASE = "outlint"
# characters XML 1.0 cannot hold, even escaped; messages quote document text, which may have them
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def _safe(text: str) -> str:
    return _NOT_XML.sub("\ufffd", text)


def _suite(path: str, findings: Sequence[Finding]) -> Any:
    path = _safe(path)
    suite = etree.Element(
        "testsuite", name=path, tests=str(max(1, len(findings))), failures=str(len(findings)), errors="0", skipped="0"
    )
    if not findings:
        etree.SubElement(suite, "testcase", classname=path, name=CLEAN_CASE, file=path)
    for f in findings:
        title = f"{f.code} {f.name}" if f.name else f.code
        case = etree.SubElement(
            suite,
            "testcase",
            classname=path,
            name=f"{title} at {f.span.line}:{f.span.column}",
            file=path,
            line=str(f.span.line),
            column=str(f.span.column),
        )
        failure = etree.SubElement(case, "failure", type=f.code, message=_safe(f.message))
        failure.text = _safe(f"{path}:{f.span.line}:{f.span.column}: {f.code} [{f.severity}] {f.message}")
    return suite


def render(findings: Sequence[Finding], paths: Sequence[str]) -> str:
    by_path: dict[str, list[Finding]] = {p: [] for p in paths}
    for f in findings:
        by_path.setdefault(f.path, []).append(f)
    root = etree.Element(
        "testsuites",
        name="outlint",
        tests=str(sum(max(1, len(v)) for v in by_path.values())),
        failures=str(len(findings)),
        errors="0",
    )
    for path, found in by_path.items():
        root.append(_suite(path, found))
    xml: str = etree.tostring(root, encoding="unicode", pretty_print=True)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + xml
