"""JUnit XML format: for test dashboards. One testsuite per file and one testcase per finding; a clean
file has one passing testcase, so that dashboards count the files checked.

The report agrees with the exit status: a finding at or above ``--fail-on`` is a failing testcase,
one below it a passing testcase that shows the finding in its ``system-out``, and ``OL002`` (outlint
failed on the file) an error.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from lxml import etree  # type: ignore[import-untyped]  # lxml ships no type hints

from outlint.formats import DEFAULT, Options, fails, shown_path, title
from outlint.model import Finding
from outlint.rules import INTERNAL_ERROR

CLEAN_CASE = "outlint"
# characters XML 1.0 cannot hold, even escaped; messages quote document text, which may have them
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def _safe(text: str) -> str:
    return _NOT_XML.sub("\ufffd", text)


def _outcome(f: Finding, options: Options) -> str:
    if f.code == INTERNAL_ERROR.code:
        return "error"
    return "failure" if fails(f, options) else "passed"


def _suite(path: str, findings: Sequence[Finding], options: Options) -> Any:
    path = _safe(shown_path(path))
    outcomes = [_outcome(f, options) for f in findings]
    suite = etree.Element(
        "testsuite",
        name=path,
        tests=str(max(1, len(findings))),
        failures=str(outcomes.count("failure")),
        errors=str(outcomes.count("error")),
        skipped="0",
    )
    if not findings:
        etree.SubElement(suite, "testcase", classname=path, name=CLEAN_CASE, file=path)
    for f, outcome in zip(findings, outcomes, strict=True):
        case = etree.SubElement(
            suite,
            "testcase",
            classname=path,
            name=f"{title(f)} at {f.span.line}:{f.span.column}",
            file=path,
            line=str(f.span.line),
            column=str(f.span.column),
        )
        report = _safe(f"{path}:{f.span.line}:{f.span.column}: {f.code} [{f.severity}] {f.message}")
        if outcome == "passed":  # below --fail-on: shown, not failed
            etree.SubElement(case, "system-out").text = report
        else:
            etree.SubElement(case, outcome, type=f.code, message=_safe(f.message)).text = report
    return suite


def render(findings: Sequence[Finding], paths: Sequence[str], options: Options = DEFAULT) -> str:
    by_path: dict[str, list[Finding]] = {p: [] for p in paths}
    for f in findings:
        by_path.setdefault(f.path, []).append(f)
    suites = [_suite(path, found, options) for path, found in by_path.items()]
    root = etree.Element(
        "testsuites",
        name="outlint",
        tests=str(sum(int(s.get("tests")) for s in suites)),
        failures=str(sum(int(s.get("failures")) for s in suites)),
        errors=str(sum(int(s.get("errors")) for s in suites)),
    )
    root.extend(suites)
    xml: str = etree.tostring(root, encoding="unicode", pretty_print=True)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + xml
