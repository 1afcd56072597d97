"""JUnit: the XML parses, one testsuite per file, a failing testcase per finding, a passing one per clean file."""

from __future__ import annotations

from lxml import etree

from outlint.formats import junit
from outlint.model import Finding


def test_counts(sample_findings: list[Finding], sample_paths: list[str]) -> None:
    root = etree.fromstring(junit.render(sample_findings, sample_paths).encode("utf-8"))
    suites = root.findall("testsuite")
    assert [s.get("name") for s in suites] == sample_paths
    assert int(root.get("failures")) == len(sample_findings)
    assert int(root.get("tests")) == len(sample_findings) + 1  # one clean file
    assert len(root.findall(".//failure")) == len(sample_findings)
    for suite in suites:
        cases = suite.findall("testcase")
        assert int(suite.get("tests")) == len(cases)
        assert int(suite.get("failures")) == len(suite.findall(".//failure"))
    clean = suites[0].findall("testcase")
    assert len(clean) == 1 and clean[0].find("failure") is None
    gap = suites[1].findall("testcase")[0]
    assert (gap.get("line"), gap.get("column"), gap.find("failure").get("type")) == ("11", "1", "OL201")


def test_findings_of_a_path_not_listed_still_appear(sample_findings: list[Finding]) -> None:
    root = etree.fromstring(junit.render(sample_findings, []).encode("utf-8"))
    assert len(root.findall(".//failure")) == len(sample_findings)


def test_control_characters_do_not_break_the_xml(sample_findings: list[Finding]) -> None:
    f = sample_findings[0]
    odd = Finding(f.path, f.span, f.code, f.severity, "form\x0cfeed and \x1b escape", f.name, f.fingerprint)
    root = etree.fromstring(junit.render([odd], [f.path]).encode("utf-8"))
    assert root.find(".//failure").get("message") == "form\ufffdfeed and \ufffd escape"
