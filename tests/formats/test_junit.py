"""JUnit: the XML parses, one testsuite per file, a failing testcase per finding, a passing one per clean file."""

from __future__ import annotations

import pytest
from lxml import etree

from outlint.formats import Options, junit
from outlint.model import Finding, Severity

ALL = Options(fail_on=Severity.INFO)  # every finding fails


def test_counts(sample_findings: list[Finding], sample_paths: list[str]) -> None:
    root = etree.fromstring(junit.render(sample_findings, sample_paths, ALL).encode("utf-8"))
    suites = root.findall("testsuite")
    assert [s.get("name") for s in suites] == sample_paths
    assert int(root.get("failures")) == len(sample_findings) - 1  # OL002 is an error, not a failure
    assert int(root.get("errors")) == 1
    assert int(root.get("tests")) == len(sample_findings) + 1  # one clean file
    assert len(root.findall(".//failure")) == len(sample_findings) - 1
    for suite in suites:
        cases = suite.findall("testcase")
        assert int(suite.get("tests")) == len(cases)
        assert int(suite.get("failures")) == len(suite.findall(".//failure"))
        assert int(suite.get("errors")) == len(suite.findall(".//error"))
    clean = suites[0].findall("testcase")
    assert len(clean) == 1 and clean[0].find("failure") is None
    (crash,) = suites[1].findall("testcase")
    assert crash.find("error").get("type") == "OL002"
    gap = suites[2].findall("testcase")[0]
    assert (gap.get("line"), gap.get("column"), gap.find("failure").get("type")) == ("11", "1", "OL201")


@pytest.mark.parametrize(
    ("fail_on", "failing"),
    [
        pytest.param(Severity.ERROR, ["OL201", "OL103", "OL001"], id="fail-on-error"),
        pytest.param(Severity.WARNING, ["OL201", "OL303", "OL103", "OL001", "OL401"], id="fail-on-warning"),
        pytest.param(None, [], id="fail-on-never"),
    ],
)
def test_only_what_fails_the_run_fails_a_testcase(
    sample_findings: list[Finding], sample_paths: list[str], fail_on: Severity | None, failing: list[str]
) -> None:
    root = etree.fromstring(junit.render(sample_findings, sample_paths, Options(fail_on=fail_on)).encode("utf-8"))
    assert [f.get("type") for f in root.iter("failure")] == failing
    assert root.get("failures") == str(len(failing))
    passed = [c for c in root.iter("testcase") if c.find("failure") is None and c.find("error") is None]
    shown = [c.find("system-out").text for c in passed if c.find("system-out") is not None]
    assert len(shown) == len(sample_findings) - 1 - len(failing)  # the rest is shown, not failed
    assert all(" [" in line for line in shown)


def test_findings_of_a_path_not_listed_still_appear(sample_findings: list[Finding]) -> None:
    root = etree.fromstring(junit.render(sample_findings, [], ALL).encode("utf-8"))
    assert len(root.findall(".//failure")) + len(root.findall(".//error")) == len(sample_findings)


def test_control_characters_do_not_break_the_xml(sample_findings: list[Finding]) -> None:
    f = next(x for x in sample_findings if x.code == "OL201")
    odd = Finding(f.path, f.span, f.code, f.severity, "form\x0cfeed and \x1b escape", f.name, f.fingerprint)
    root = etree.fromstring(junit.render([odd], [f.path], ALL).encode("utf-8"))
    assert root.find(".//failure").get("message") == "form\ufffdfeed and \ufffd escape"


def test_a_file_name_that_is_not_utf_8_or_holds_a_newline() -> None:
    from outlint.model import Span

    odd = [
        Finding(p, Span(1, 1, 1, 1), "OL201", Severity.ERROR, "m", "numbering-gap") for p in ("bad\udcff.md", "a\nb.md")
    ]
    root = etree.fromstring(junit.render(odd, [], ALL).encode("utf-8"))
    assert [s.get("name") for s in root.iter("testsuite")] == ["bad\\xff.md", "a\\nb.md"]
