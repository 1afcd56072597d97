"""The HTML report in a real headless Chromium: rows, findings, filters, scripts and bidi as a person sees them.

Skipped when Chromium is not installed, unless ``OUTLINT_BROWSER_TEST=required`` (CI sets it, and
installs Debian's ``chromium``), so that CI can never pass it by skipping. ``OUTLINT_SCREENSHOT=PATH``
keeps the screenshot of the white paper report (``docs/compare-report.png`` is made so).
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from outlint.compare import check_pair, compare
from outlint.formats import html
from outlint.linter import Settings, check_document, read_bytes, read_path, select_rules
from tests.conftest import ROOT
from tests.formats import chromium
from tests.formats.test_html import hostile_report

BINARY = chromium.find()
if BINARY is None:
    if os.environ.get("OUTLINT_BROWSER_TEST") == "required":
        raise RuntimeError("OUTLINT_BROWSER_TEST=required but no chromium is installed (apt-get install chromium)")
    pytest.skip("chromium is not installed", allow_module_level=True)


@pytest.fixture(scope="module")
def browser() -> Iterator[chromium.Browser]:
    assert BINARY is not None
    with chromium.Browser(BINARY, width=1200, height=900) as b:
        yield b


@pytest.fixture(scope="module")
def white_paper_page(tmp_path_factory: pytest.TempPathFactory) -> Path:
    outline = ROOT / "tests/data/compare/cyberspace-white-paper-2022.outline.zh.txt"
    src = read_path(str(outline), display="source.zh.txt")
    tgt = read_path(str(ROOT / "samples/cyberspace-white-paper-2022.en.txt"), display="white-paper.en.txt")
    found = check_pair(src, tgt, Settings(rules=select_rules(["OL6"])))
    page = tmp_path_factory.mktemp("html") / "compare.html"
    page.write_text(html.render_compare(compare(src, tgt), found), encoding="utf-8")
    return page


def visible(b: chromium.Browser, selector: str) -> int:
    return int(b.eval(f"[...document.querySelectorAll({selector!r})].filter(e => e.offsetParent !== null).length"))


def click(b: chromium.Browser, selector: str) -> None:
    b.eval(f"document.querySelector({selector!r}).click()")


def test_compare_page_rows_findings_and_filters(browser: chromium.Browser, white_paper_page: Path) -> None:
    browser.open(white_paper_page.as_uri())
    assert browser.eval("document.querySelectorAll('tr.row').length") == 29
    assert browser.eval("document.querySelectorAll('tr.row.missing').length") == 17
    assert browser.eval("document.querySelectorAll('tr.row.same').length") == 11
    assert visible(browser, "li.finding") == 20
    assert browser.eval("document.getElementById('shown').textContent") == "20"
    # errors off: the three warnings stay (the misplaced (10) and the two Chinese paragraphs)
    click(browser, 'input[data-filter="severity"][value="error"]')
    assert visible(browser, "li.finding") == 3
    assert browser.eval("document.getElementById('shown').textContent") == "3"
    click(browser, 'input[data-filter="rule"][value="OL607"]')
    assert visible(browser, "li.finding") == 1
    assert visible(browser, "li.finding[data-code='OL604']") == 1
    # only rows with findings: the one row of the (10)
    click(browser, "#only-findings")
    assert visible(browser, "tr.row") == 1
    shown = browser.eval("[...document.querySelectorAll('tr.row')].find(r => r.offsetParent).innerText")
    assert "(10) Adhere to" in shown
    for box in ('[data-filter="severity"][value="error"]', '[data-filter="rule"][value="OL607"]', "#only-findings"):
        click(browser, box)
    assert visible(browser, "li.finding") == 20 and visible(browser, "tr.row") == 29
    # a missing section's row links nowhere on the right; a matched one links to its counterpart
    assert browser.eval("document.querySelector('tr.row.same td.t a').getAttribute('href')").startswith("#t")


def test_screenshot_of_the_white_paper_report(
    browser: chromium.Browser, white_paper_page: Path, tmp_path: Path
) -> None:
    # the top of the page as an editor opens it: summary, filters, chapters, the first lost sections
    browser.resize(1200, 1500)
    try:
        browser.open(white_paper_page.as_uri())
        shot = tmp_path / "compare-report.png"
        browser.screenshot(str(shot))
    finally:
        browser.resize(1200, 900)
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 20_000
    keep = os.environ.get("OUTLINT_SCREENSHOT")
    if keep:
        shutil.copyfile(shot, keep)


def test_hostile_document_runs_no_script(browser: chromium.Browser, tmp_path: Path) -> None:
    page = tmp_path / "hostile.html"
    page.write_text(hostile_report(), encoding="utf-8")
    browser.open(page.as_uri())
    assert browser.eval("typeof window.pwned") == "undefined"
    assert browser.eval("document.scripts.length") == 1
    assert browser.eval("document.querySelectorAll('img, iframe, td b, li b').length") == 0
    assert browser.eval("document.querySelectorAll('style').length") == 1  # ours
    assert browser.eval("document.body.offsetHeight") > 0  # no injected style hid the page
    assert "<script>window.pwned = 1</script>" in browser.eval("document.body.innerText")
    assert visible(browser, "li.finding") > 9  # and the page's own script ran: filters applied


def test_right_to_left_and_cjk_cells(browser: chromium.Browser, tmp_path: Path) -> None:
    text = "# מדריך למשתמש\n\n## התקנה\n\nטקסט.\n\n## Installation\n\nText.\n\n## 安装\n\n文字。\n"
    doc = read_bytes(text.encode("utf-8"), "rtl.md", "markdown")
    page = tmp_path / "rtl.html"
    page.write_text(html.render_outline(doc, check_document(doc, Settings())), encoding="utf-8")
    browser.open(page.as_uri())
    cells = "[...document.querySelectorAll('td.t:not(.empty)')]"
    dirs = browser.eval(cells + ".map(td => td.matches(':dir(rtl)') ? 'rtl' : 'ltr')")
    labels = browser.eval(cells + ".map(td => td.innerText)")
    assert dict(zip(labels, dirs, strict=True)) == {
        "מדריך למשתמש": "rtl",
        "התקנה": "rtl",
        "Installation": "ltr",
        "安装": "ltr",
    }
