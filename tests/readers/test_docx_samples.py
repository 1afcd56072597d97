"""The DOCX samples made by LibreOffice: the white paper as a Word document reports what its text
version reports, at the paragraphs that hold the same text."""

from __future__ import annotations

import pytest

from outlint.linter import check_path
from outlint.readers import docx as reader
from tests.conftest import ROOT

TEXT = "samples/cyberspace-white-paper-2022.en.txt"
WORD = "samples/cyberspace-white-paper-2022.en.docx"


def _paragraph_of(text_lines: list[str], word_lines: tuple[str, ...], line: int) -> int:
    """The paragraph of the Word version that holds text line ``line``: the same text (a contents
    entry followed by its page number), or for a blank run the empty paragraph after the paragraph
    that precedes it."""
    wanted = text_lines[line - 1].strip()
    if wanted:
        matches = [k + 1 for k, text in enumerate(word_lines) if text == wanted or text.startswith(wanted + " ")]
        matches = [k for k in matches if word_lines[k - 1] == wanted] or matches
        assert len(matches) == 1, (line, wanted, matches)
        return matches[0]
    before = next(k for k in range(line - 1, 0, -1) if text_lines[k - 1].strip())
    return _paragraph_of(text_lines, word_lines, before) + 1


def test_white_paper_docx_reports_the_text_versions_defects_at_the_same_paragraphs(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(ROOT)
    text_lines = (ROOT / TEXT).read_text(encoding="utf-8").split("\n")
    word_lines = reader.read((ROOT / WORD).read_bytes(), WORD).facts.lines
    from_text = sorted((f.code, _paragraph_of(text_lines, word_lines, f.span.line)) for f in check_path(TEXT))
    from_word = sorted((f.code, f.span.line) for f in check_path(WORD))
    assert from_word == from_text
    assert len(from_word) == 26


def test_white_paper_docx_has_a_toc_field_with_every_chapter_and_section() -> None:
    doc = reader.read((ROOT / WORD).read_bytes(), WORD)
    assert doc.toc_depth == 2
    levels = [e.level for e in doc.toc]
    assert levels.count(1) == 5 and levels.count(2) == 24  # 4 chapters, "concluding remarks", 24 sections
    assert [h.label for h in doc.headings][:2] == [
        "1. Building a community with a shared future in cyberspace is an inevitable choice in the information age",
        "2. China's Internet Development Governance Practice",
    ]


def test_stale_toc_sample_has_one_stale_field_finding() -> None:
    found = check_path(str(ROOT / "samples" / "report-stale-toc.docx"))
    stale = [f for f in found if f.code == "OL109"]
    assert len(stale) == 1 and "update the field" in stale[0].message
    assert [r.span.line for r in stale[0].related] == [9]


def test_numbering_skip_sample_is_numbered_by_word() -> None:
    doc = reader.read((ROOT / "samples" / "report-numbering-skip.docx").read_bytes(), "x.docx")
    assert [h.label for h in doc.facts.headings] == [
        "1. Introduction",
        "1.1 Purpose",
        "1.2 Scope",
        "2. Work done",
        "2.1 Network",
        "2.2 Servers",
        "4. Next year",
        "4.1 Printers",
    ]
    assert all((h.style or "").endswith("auto-numbered") for h in doc.facts.headings)


def test_chinese_sample_is_numbered_yi_and_paren_yi() -> None:
    doc = reader.read((ROOT / "samples" / "report-2023.zh.docx").read_bytes(), "x.docx")
    assert [h.number.label for h in doc.facts.headings if h.number] == [
        "一、",
        "（一）",
        "（二）",
        "二、",
        "（一）",
        "（二）",
        "（三）",
        "三、",
    ]
    assert doc.language == "zh-CN"
