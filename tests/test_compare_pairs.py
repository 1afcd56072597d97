"""``outlint compare`` on real translation pairs shipped in packages (see tests/data/compare/README.md):
every known structure difference found, nothing on the sections that correspond."""

from __future__ import annotations

import pytest

from outlint.compare import check_pair, compare
from outlint.linter import read_bytes, read_path
from tests.conftest import ROOT

DATA = ROOT / "tests" / "data" / "compare"


def found(source: str, target: str) -> list[tuple[str, int]]:
    return [(f.code, f.span.line) for f in check_pair(read_path(str(DATA / source)), read_path(str(DATA / target)))]


def test_text_maint_guide_five_paragraphs_left_in_english() -> None:
    """The same 90 sections; the five paragraphs the translation kept in English, nothing on the
    names, book titles, commands and listings that stay English in any Chinese text."""
    assert found("maint-guide.en.txt", "maint-guide.zh-cn.txt") == [
        ("OL607", 57),
        ("OL607", 2096),
        ("OL607", 2103),
        ("OL607", 2111),
        ("OL607", 3440),
    ]
    cmp = compare(read_path(str(DATA / "maint-guide.en.txt")), read_path(str(DATA / "maint-guide.zh-cn.txt")))
    assert len(cmp.alignment.pairs) == 90 and {r.status for r in cmp.rows} == {"same"}


def test_html_w3m_faq_translation_adds_an_index() -> None:
    assert found("w3m-faq.ja.html", "w3m-faq.en.html") == [("OL602", 20)]


def test_html_w3m_manual_every_section_corresponds() -> None:
    """Unnumbered sections in two Latin-script languages: matched by place and by the options and
    numbers they keep, "Textbetrachter-Optionen" with "Text pager options" among them."""
    assert found("w3m-manual.en.html", "w3m-manual.de.html") == []
    cmp = compare(read_path(str(DATA / "w3m-manual.en.html")), read_path(str(DATA / "w3m-manual.de.html")))
    assert len(cmp.alignment.pairs) == 14


def test_markdown_vxe_table_readme() -> None:
    """The Japanese README: three sections missing, the online documentation moved after the
    examples (one finding, not a missing and an added one), a one-sentence introduction."""
    findings = check_pair(
        read_path(str(DATA / "vxe-table-readme.zh.md")), read_path(str(DATA / "vxe-table-readme.ja.md"))
    )
    assert [(f.code, f.span.line) for f in findings] == [
        ("OL606", 1),
        ("OL601", 24),
        ("OL601", 24),
        ("OL603", 90),
        ("OL601", 115),
    ]
    lost = sorted(f.message.split('"')[1] for f in findings if f.code == "OL601")
    assert lost == ["Contributors", "QQ 交流群", "功能点"]
    assert '"在线文档" (source line 69)' in findings[3].message


def test_markdown_source_html_target() -> None:
    """The same pair with the translation as HTML (rendered from its Markdown as a site would):
    the same structure differences, found across formats. (Read as HTML, the browser table has
    less text, which leaves too few sections long on both sides to measure the pair's length
    ratio, so length is not judged.)"""
    from markdown_it import MarkdownIt

    page = MarkdownIt("commonmark").enable("table").render((DATA / "vxe-table-readme.ja.md").read_text("utf-8"))
    target = read_bytes(page.encode("utf-8"), "readme.ja.html", "html")
    findings = check_pair(read_path(str(DATA / "vxe-table-readme.zh.md")), target)
    assert sorted(f.code for f in findings) == ["OL601", "OL601", "OL601", "OL603"]


@pytest.mark.parametrize(
    ("source", "target"),
    [
        pytest.param("w3m-faq.ja.html", "w3m-faq.ja.html", id="html"),
        pytest.param("vxe-table-readme.zh.md", "vxe-table-readme.zh.md", id="markdown"),
        pytest.param("maint-guide.en.txt", "maint-guide.en.txt", id="text"),
    ],
)
def test_a_document_against_itself(source: str, target: str) -> None:
    assert found(source, target) == []
