"""The HTML report as a string: self-contained, every piece of document text escaped, one script."""

from __future__ import annotations

import base64
import hashlib
import re

from outlint.compare import check_pair, compare
from outlint.formats import html
from outlint.linter import Settings, check_document, read_bytes, read_path, select_rules
from outlint.model import Finding, Severity, Span
from tests.conftest import ROOT

HOSTILE = """# Guide <script>window.pwned = 1</script>

- [Intro "><img src=x onerror="window.pwned=2">](#intro)
- [Missing <b>bold</b>](#missing)

## Intro "><img src=x onerror="window.pwned=2">

Text </td></tr></table><script>window.pwned = 3</script> and &amp; entities &lt;b&gt;.

<iframe src="https://example.invalid/"></iframe>

## 2. Numbered <style>body{display:none}</style>

## 4. Gap ' onmouseover='window.pwned=4
"""


def hostile_report() -> str:
    """The outline report of the document, with a finding on every line so that each line's text is
    quoted as a finding's place."""
    doc = read_bytes(HOSTILE.encode("utf-8"), "hostile <x>.md", "markdown")
    lines = HOSTILE.split("\n")
    every = [
        Finding(doc.path, Span(n, 1, n, len(text)), "OL999", Severity.INFO, f"line <{n}>: {text}", "quote")
        for n, text in enumerate(lines, 1)
        if text
    ]
    return html.render_outline(doc, [*check_document(doc, Settings()), *every])


def test_document_text_cannot_inject_markup() -> None:
    page = hostile_report()
    assert page.count("<script") == 1 and page.count("</script>") == 1  # ours only
    assert page.count("OL999") == 2 * 9  # the rule filter and each line's finding
    for tag in ("<img", "<iframe", "<style>body", "<b>bold", "</td></tr></table><script"):
        assert tag not in page
    assert "&lt;script&gt;window.pwned = 1&lt;/script&gt;" in page
    assert "onerror=&quot;window.pwned=2&quot;" in page
    assert "&amp;amp; entities" in page or "&amp; entities" in page
    assert "hostile &lt;x&gt;.md" in page


def test_self_contained_and_only_its_own_script_may_run() -> None:
    page = hostile_report()
    assert not re.search(r"""(?:src|href)=["']?(?:https?:|//|javascript:)""", page)
    assert "<link" not in page and "@import" not in page
    script = re.search(r"<script>(.*?)</script>", page, re.S)
    assert script is not None
    digest = base64.b64encode(hashlib.sha256(script.group(1).encode("utf-8")).digest()).decode()
    assert f"default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-{digest}'" in page


def test_check_report_reads_the_files_for_their_outlines(monkeypatch: object) -> None:
    import pytest

    mp = pytest.MonkeyPatch()
    mp.chdir(ROOT)
    try:
        from outlint.linter import check_path

        path = "samples/cyberspace-white-paper-2022.en.txt"
        found = check_path(path)
        page = html.render(found, [path, "samples/nothing-here.txt"])
    finally:
        mp.undo()
    assert len(found) > 20 and page.count('class="finding ') == len(found)
    assert page.count('<tr class="row ') == 29 + 0  # 29 contents entries, every heading among them
    assert 'lang="en"' in page
    assert "1 file without findings: samples/nothing-here.txt" in page


def test_compare_report_rows_and_findings() -> None:
    src = read_path(str(ROOT / "tests/data/compare/cyberspace-white-paper-2022.outline.zh.txt"))
    tgt = read_path(str(ROOT / "samples/cyberspace-white-paper-2022.en.txt"))
    found = check_pair(src, tgt, Settings(rules=select_rules(["OL6"])))
    page = html.render_compare(compare(src, tgt), found)
    assert page.count('<tr class="row ') == 29
    assert page.count('<tr class="row missing"') == 17
    assert page.count('class="finding ') == 20
    # each lost section's finding sits in its own row, right after it
    rows = re.findall(r'<tr class="row (\w+)".*?</tr>(<tr class="findings">.*?</tr>)?', page, re.S)
    assert all(findings and "OL601" in findings for status, findings in rows if status == "missing")
    assert 'lang="zh"' in page and 'dir="auto"' in page
