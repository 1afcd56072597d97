"""The DOCX reader on inline WordprocessingML: headings, automatic numbering, the TOC field, the body."""

from __future__ import annotations

import pytest

from outlint.model import Document, Gap
from outlint.readers import docx as reader
from tests.readers.test_docx_make import STYLES, docx, h, lint_docx, p, toc

W_DATE = 'w:author="Ann" w:date="2024-01-01T00:00:00Z"'


def read(data: bytes) -> Document:
    return reader.read(data, "doc.docx")


def headings(data: bytes) -> list[tuple[int, str | None, str, int]]:
    return [(x.level, x.number.label if x.number else None, x.title, x.span.line) for x in read(data).facts.headings]


def blocks(doc: Document) -> list[tuple[str, str, int]]:
    out: list[tuple[str, str, int]] = []
    for block in doc.preamble:
        out.append(("gap" if isinstance(block, Gap) else block.kind, getattr(block, "text", ""), block.span.line))
    for x in doc.facts.headings:
        out.append(("heading", x.label, x.span.line))
        for block in x.body:
            out.append(("gap" if isinstance(block, Gap) else block.kind, getattr(block, "text", ""), block.span.line))
    return out


def style(sid: str, name: str, extra: str = "", based: str = "Normal", kind: str = "paragraph") -> str:
    head = f'<w:style w:type="{kind}" w:styleId="{sid}"><w:name w:val="{name}"/>'
    return f'{head}<w:basedOn w:val="{based}"/>{extra}</w:style>'


# --- headings by style -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("styles", "para", "expected"),
    [
        pytest.param(STYLES, p("Scope", "Heading2"), [(2, None, "Scope", 1)], id="built-in-heading"),
        pytest.param(
            STYLES + style("berschrift1", "Überschrift 1"),
            p("Ziel", "berschrift1"),
            [(1, None, "Ziel", 1)],
            id="german",
        ),
        pytest.param(STYLES + style("a1", "标题 2"), p("范围", "a1"), [(2, None, "范围", 1)], id="chinese-name"),
        pytest.param(STYLES + style("Titre3", "Titre 3"), p("But", "Titre3"), [(3, None, "But", 1)], id="french"),
        pytest.param(
            STYLES + style("MyHead", "My Head", based="Heading3"),
            p("Own", "MyHead"),
            [(3, None, "Own", 1)],
            id="based-on",
        ),
        pytest.param(
            STYLES + style("Deep", "Deep", based="MyHead") + style("MyHead", "My Head", based="Heading2"),
            p("Chain", "Deep"),
            [(2, None, "Chain", 1)],
            id="based-on-chain",
        ),
        pytest.param(
            STYLES + style("Chapter", "Chapter", '<w:pPr><w:outlineLvl w:val="0"/></w:pPr>'),
            p("One", "Chapter"),
            [(1, None, "One", 1)],
            id="custom-style-outline-level",
        ),
        pytest.param(STYLES, p("Two", ppr='<w:outlineLvl w:val="1"/>'), [(2, None, "Two", 1)], id="paragraph-outline"),
        pytest.param(STYLES, p("Body", "Heading1", '<w:outlineLvl w:val="9"/>'), [], id="outline-9-is-body-text"),
        pytest.param(STYLES, p("Contents", "TOCHeading"), [], id="toc-heading-is-no-heading"),
        pytest.param(
            STYLES + style("Loop1", "Loop", based="Loop2") + style("Loop2", "Loop two", based="Loop1"),
            p("x", "Loop1"),
            [],
            id="basedon-cycle",
        ),
        pytest.param(STYLES, p("", "Heading1"), [], id="empty-heading"),
        pytest.param(None, p("No styles part", "Heading1"), [(1, None, "No styles part", 1)], id="no-styles-part"),
    ],
)
def test_heading_levels_come_from_styles(styles: str | None, para: str, expected: list[object]) -> None:
    assert headings(docx(para, styles=styles)) == expected


def test_title_is_no_heading_unless_the_toc_field_lists_it() -> None:
    """Word's Title style has no outline level: the navigation pane and the TOC leave it out."""
    front = p("Annual Report", "Title") + p("x")
    data = docx(front + h(1, "Intro") + h(2, "Scope"))
    assert headings(data) == [(1, None, "Intro", 3), (2, None, "Scope", 4)]
    assert blocks(read(data))[0] == ("lines", "Annual Report", 1)
    listed = toc([(1, "Annual Report", "1", None), (2, "Intro", "1", None)], 'TOC \\o "2-3" \\t "Title,1"')
    assert [x[:3] for x in headings(docx(front + listed + h(2, "Intro") + p("y")))] == [
        (1, None, "Annual Report"),
        (2, None, "Intro"),
    ]


def test_toc_t_switch_makes_custom_styles_headings_at_its_levels() -> None:
    styles = STYLES + style("ChapTitle", "Chapter Title") + style("SecTitle", "Section Title")
    body = toc(
        [(1, "Start", "1", "_Toc1"), (2, "Inside", "2", "_Toc2")], 'TOC \\h \\z \\t "Chapter Title,1,Section Title,2"'
    )
    chapters = p("Start", "ChapTitle", bookmark="_Toc1") + p("Text.") + p("Inside", "SecTitle", bookmark="_Toc2")
    data = docx(body + chapters + p("More text."), styles=styles)
    assert headings(data) == [(1, None, "Start", 5), (2, None, "Inside", 7)]
    assert lint_docx(data) == []


def test_typed_numbers_are_read_from_the_text() -> None:
    data = docx(h(1, "3. Scope") + h(2, "3.2 Terms") + h(2, "（二）范围") + h(1, "Version 1.2.0"))
    assert headings(data) == [
        (1, "3.", "Scope", 1),
        (2, "3.2", "Terms", 2),
        (2, "（二）", "范围", 3),
        (1, None, "Version 1.2.0", 4),
    ]


# --- automatic numbering -----------------------------------------------------------------------


def lvl(ilvl: int, fmt: str, text: str, start: int = 1, extra: str = "") -> str:
    return (
        f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>'
        f'<w:lvlText w:val="{text}"/>{extra}</w:lvl>'
    )


ONE_LIST = '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'


def numbered(levels: str, body: str, nums: str = ONE_LIST, styles: str = STYLES) -> bytes:
    return docx(body, numbering=f'<w:abstractNum w:abstractNumId="0">{levels}</w:abstractNum>{nums}', styles=styles)


def np(text: str, ilvl: int | None, num: int = 1, style: str = "Heading1", ppr: str = "") -> str:
    level = f'<w:ilvl w:val="{ilvl}"/>' if ilvl is not None else ""
    return (
        f'<w:p><w:pPr><w:pStyle w:val="{style}"/><w:numPr>{level}<w:numId w:val="{num}"/></w:numPr>{ppr}</w:pPr>'
        f"<w:r><w:t>{text}</w:t></w:r></w:p>"
    )


def test_multilevel_numbering_with_lvltext_and_restarts() -> None:
    levels = lvl(0, "decimal", "%1.") + lvl(1, "decimal", "%1.%2") + lvl(2, "lowerLetter", "(%3)")
    body = (
        np("A", 0)
        + np("B", 1, style="Heading2")
        + np("C", 2, style="Heading3")
        + np("D", 2, style="Heading3")
        + np("E", 1, style="Heading2")
        + np("F", 0)
        + np("G", 1, style="Heading2")
        + np("H", 2, style="Heading3")
    )
    assert [(lv, n) for lv, n, _, _ in headings(numbered(levels, body))] == [
        (1, "1."),
        (2, "1.1"),
        (3, "(a)"),
        (3, "(b)"),
        (2, "1.2"),
        (1, "2."),
        (2, "2.1"),
        (3, "(a)"),
    ]


@pytest.mark.parametrize(
    ("fmt", "text", "labels"),
    [
        pytest.param("upperRoman", "%1.", ["I.", "II.", "III."], id="upper-roman"),
        pytest.param("lowerRoman", "(%1)", ["(i)", "(ii)", "(iii)"], id="lower-roman"),
        pytest.param("upperLetter", "%1.", ["A.", "B.", "C."], id="upper-letter"),
        pytest.param("lowerLetter", "%1)", ["a)", "b)", "c)"], id="lower-letter"),
        pytest.param("chineseCounting", "%1、", ["一、", "二、", "三、"], id="chinese-counting"),
        pytest.param("decimalFullWidth", "%1．", ["１．", "２．", "３．"], id="full-width"),
        pytest.param("decimal", "Chapter %1", ["Chapter 1", "Chapter 2", "Chapter 3"], id="chapter-words"),
    ],
)
def test_number_formats_as_word_shows_them(fmt: str, text: str, labels: list[str]) -> None:
    data = numbered(lvl(0, fmt, text), np("x", 0) + np("y", 0) + np("z", 0))
    assert [n for _, n, _, _ in headings(data)] == labels


def test_counting_formats() -> None:
    from outlint.readers.docxnumbering import format_value

    assert [format_value(n, "chineseCounting") for n in (1, 10, 11, 20, 23, 105)] == [
        "一",
        "十",
        "十一",
        "二十",
        "二十三",
        "一百零五",
    ]
    assert [format_value(n, "ideographTraditional") for n in (1, 4, 10, 11)] == ["甲", "丁", "癸", "甲"]
    assert [format_value(n, "upperLetter") for n in (1, 26, 27, 28)] == ["A", "Z", "AA", "BB"]
    assert format_value(12, "decimalFullWidth") == "１２"
    assert format_value(3, "decimalZero") == "03"


def test_chinese_headings_numbered_by_word() -> None:
    levels = lvl(0, "chineseCounting", "%1、") + lvl(1, "chineseCounting", "（%2）")
    body = np("总则", 0) + np("目的", 1, style="Heading2") + np("范围", 1, style="Heading2") + np("定义", 0)
    assert headings(numbered(levels, body)) == [
        (1, "一、", "总则", 1),
        (2, "（一）", "目的", 2),
        (2, "（二）", "范围", 3),
        (1, "二、", "定义", 4),
    ]


def test_start_override_restarts_a_list_instance_and_the_gap_is_reported() -> None:
    nums = (
        ONE_LIST + '<w:num w:numId="2"><w:abstractNumId w:val="0"/>'
        '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="4"/></w:lvlOverride></w:num>'
    )
    body = np("A", 0) + p("a.") + np("B", 0) + p("b.") + np("D", 0, num=2) + p("d.") + np("E", 0, num=2) + p("e.")
    data = numbered(lvl(0, "decimal", "%1."), body, nums)
    assert [n for _, n, _, _ in headings(data)] == ["1.", "2.", "4.", "5."]
    assert [(f.code, f.span.line, f.message) for f in lint_docx(data, "OL2")] == [
        ("OL201", 5, 'numbering gap: "4." follows "2." at the top level (expected "3.") [paragraph 5]')
    ]


def test_instances_of_one_list_continue_its_numbering() -> None:
    nums = ONE_LIST + '<w:num w:numId="2"><w:abstractNumId w:val="0"/></w:num>'
    data = numbered(lvl(0, "decimal", "%1."), np("A", 0) + np("B", 0, num=2) + np("C", 0), nums)
    assert [n for _, n, _, _ in headings(data)] == ["1.", "2.", "3."]


def test_lvlrestart_zero_keeps_counting_across_higher_levels() -> None:
    levels = lvl(0, "decimal", "Part %1") + lvl(1, "decimal", "%2.", extra='<w:lvlRestart w:val="0"/>')
    body = np("A", 0) + np("a", 1, style="Heading2") + np("B", 0) + np("b", 1, style="Heading2")
    assert [n for _, n, _, _ in headings(numbered(levels, body))] == ["Part 1", "1.", "Part 2", "2."]


def test_legal_numbering_shows_every_level_in_arabic() -> None:
    levels = lvl(0, "upperRoman", "%1.") + lvl(1, "decimal", "%1.%2", extra="<w:isLgl/>")
    body = np("A", 0) + np("B", 0) + np("b", 1, style="Heading2")
    assert [n for _, n, _, _ in headings(numbered(levels, body))] == ["I.", "II.", "2.1"]


def test_numbering_inherited_from_the_heading_style() -> None:
    styles = STYLES.replace(
        '<w:outlineLvl w:val="0"/>', '<w:numPr><w:numId w:val="1"/></w:numPr><w:outlineLvl w:val="0"/>', 1
    ).replace(
        '<w:outlineLvl w:val="1"/>',
        '<w:numPr><w:ilvl w:val="1"/><w:numId w:val="1"/></w:numPr><w:outlineLvl w:val="1"/>',
        1,
    )
    levels = lvl(0, "decimal", "%1") + lvl(1, "decimal", "%1.%2")
    data = numbered(levels, h(1, "Intro") + h(2, "Scope") + h(2, "Terms") + h(1, "Use"), styles=styles)
    assert headings(data) == [(1, "1", "Intro", 1), (2, "1.1", "Scope", 2), (2, "1.2", "Terms", 3), (1, "2", "Use", 4)]


def test_a_level_linked_to_a_style_by_pstyle() -> None:
    styles = STYLES.replace(
        '<w:outlineLvl w:val="1"/>', '<w:numPr><w:numId w:val="1"/></w:numPr><w:outlineLvl w:val="1"/>', 1
    )
    levels = lvl(0, "decimal", "%1.") + lvl(1, "decimal", "%1.%2").replace(
        "<w:start", '<w:pStyle w:val="Heading2"/><w:start'
    )
    data = numbered(levels, np("A", 0) + h(2, "B"), styles=styles)
    assert [n for _, n, _, _ in headings(data)] == ["1.", "1.1"]


def test_numbering_off_and_bullets_give_no_number() -> None:
    levels = lvl(0, "bullet", "\u2022")
    data = numbered(levels, np("Bulleted", 0) + np("Off", 0, num=0))
    assert headings(data) == [(1, None, "Bulleted", 1), (1, None, "Off", 2)]


def test_hidden_numbered_paragraphs_still_count_as_in_word() -> None:
    hidden = "<w:rPr><w:vanish/></w:rPr>"
    body = np("A", 0) + np("Hidden", 0, ppr=hidden).replace("<w:r>", f"<w:r>{hidden}") + np("C", 0)
    assert [n for _, n, _, _ in headings(numbered(lvl(0, "decimal", "%1."), body))] == ["1.", "3."]


def test_deleted_numbered_paragraphs_do_not_count() -> None:
    gone = f'<w:rPr><w:del w:id="9" {W_DATE}/></w:rPr>'
    body = (
        np("A", 0)
        + np("x", 0, ppr=gone).replace(
            "<w:r><w:t>x</w:t></w:r>", f'<w:del w:id="8" {W_DATE}><w:r><w:delText>x</w:delText></w:r></w:del>'
        )
        + np("B", 0)
    )
    assert [n for _, n, _, _ in headings(numbered(lvl(0, "decimal", "%1."), body))] == ["1.", "2."]


# --- the contents: TOC fields ------------------------------------------------------------------

PROSE = "This section says what it has to say in a few plain words."


def entries(doc: Document) -> list[tuple[int, str | None, str, str | None, str | None, int]]:
    return [(e.level, e.number.label if e.number else None, e.title, e.target, e.page, e.span.line) for e in doc.toc]


def chapters(*titles: tuple[int, str, str]) -> str:
    return "".join(h(level, title, anchor) + p(PROSE) for level, title, anchor in titles)


BODY = chapters((1, "1. Scope", "_Toc1"), (2, "1.1 Terms", "_Toc2"), (1, "2. Use", "_Toc3"))
ENTRIES = [(1, "1. Scope", "1", "_Toc1"), (2, "1.1 Terms", "1", "_Toc2"), (1, "2. Use", "2", "_Toc3")]


def test_toc_field_entries_without_leader_and_page() -> None:
    doc = read(docx(toc(ENTRIES) + BODY))
    assert entries(doc) == [
        (1, "1.", "Scope", "#_Toc1", "1", 2),
        (2, "1.1", "Terms", "#_Toc2", "1", 3),
        (1, "2.", "Use", "#_Toc3", "2", 4),
    ]
    assert doc.toc_span is not None and (doc.toc_span.line, doc.toc_span.end_line) == (2, 4)
    assert doc.toc_depth == 3
    assert [h.anchor for h in doc.facts.headings] == ["_Toc1", "_Toc2", "_Toc3"]


def test_a_toc_that_matches_its_headings_apart_from_whitespace_has_no_finding() -> None:
    spaced = [(1, "1.\t Scope ", "1", "_Toc1"), (2, "1.1  Terms", "1", "_Toc2"), (1, " 2. Use", "2", "_Toc3")]
    assert lint_docx(docx(toc(spaced) + BODY)) == []


def test_stale_toc_field_out_of_order_pages() -> None:
    stale = [(1, "1. Scope", "3", "_Toc1"), (2, "1.1 Terms", "4", "_Toc2"), (1, "2. Use", "2", "_Toc3")]
    found = lint_docx(docx(toc(stale) + BODY))
    assert [(f.code, f.span.line) for f in found] == [("OL109", 2)]
    assert found[0].message == (
        'the table of contents is out of date: its page numbers go backwards ("2. Use" on page 2 after '
        '"1.1 Terms" on page 4, paragraph 4); update the field (in Word: right-click the table of contents, '
        "Update Field, Update entire table) [paragraph 2, in the table of contents]"
    )
    assert [(r.span.line, r.message) for r in found[0].related] == [(4, '"2. Use" is listed on page 2 after page 4')]


@pytest.mark.parametrize(
    "pages",
    [
        pytest.param(["i", "iii", "1"], id="roman-front-matter-then-arabic"),
        pytest.param(["3", "7", "1"], id="restart-at-page-one"),
        pytest.param(["1-1", "1-4", "2-1"], id="chapter-page"),
        pytest.param(["", "", ""], id="no-pages"),
    ],
)
def test_page_numbers_that_do_not_go_backwards(pages: list[str]) -> None:
    listed = [(lv, text, page, anchor) for (lv, text, _, anchor), page in zip(ENTRIES, pages, strict=True)]
    assert lint_docx(docx(toc(listed) + BODY), "OL109") == []


def test_stale_toc_field_text_levels_missing_headings_and_bookmarks() -> None:
    stale = [(1, "1. Scope", "1", "_Toc1"), (1, "1.1 Term", "1", "_Toc2"), (1, "3. Annex", "3", "_Toc8")]
    body = BODY + chapters((1, "3. Annex", "_Toc9"), (2, "3.1 Forms", "_Toc10"))
    found = [(f.code, f.span.line, f.message.split(" [")[0]) for f in lint_docx(docx(toc(stale) + body))]
    assert found == [
        (
            "OL107",
            4,
            'contents entry "3. Annex" links to "#_Toc8", which matches no heading (did you mean '
            '"#_Toc9", heading "3. Annex" on line 12?)',
        ),
        # one verdict per pair: the entry's title and level both differ, and updating the field mends both
        ("OL103", 8, 'heading title "Terms" differs from contents entry "Term" (line 3)'),
        ("OL102", 10, 'heading "2. Use" is missing from the contents'),
        ("OL102", 14, 'heading "3.1 Forms" is missing from the contents'),
    ]


def test_headings_the_field_levels_cover_but_it_lacks() -> None:
    """\\o "1-3" covers level 2, even when the stale field lists no level-2 entry at all."""
    listed = [(1, "1. Scope", "1", "_Toc1"), (1, "2. Use", "2", "_Toc3")]
    found = [(f.code, f.span.line) for f in lint_docx(docx(toc(listed) + BODY), "OL1")]
    assert found == [("OL102", 7)]
    assert lint_docx(docx(toc(listed, 'TOC \\o "1-1" \\h') + BODY), "OL1") == []


def test_toc_without_hyperlinks_takes_its_targets_from_pageref() -> None:
    doc = read(docx(toc(ENTRIES, 'TOC \\o "1-3" \\z \\u', link=False) + BODY))
    assert [e.target for e in doc.toc] == ["#_Toc1", "#_Toc2", "#_Toc3"]


def test_toc_as_fldsimple() -> None:
    simple = (
        '<w:p><w:pPr><w:pStyle w:val="TOC1"/></w:pPr><w:fldSimple w:instr=" TOC \\o &quot;1-1&quot; ">'
        "<w:r><w:t>1. Scope</w:t></w:r><w:r><w:tab/></w:r><w:r><w:t>1</w:t></w:r></w:fldSimple></w:p>"
    )
    doc = read(docx(simple + chapters((1, "1. Scope", "_Toc1"))))
    assert entries(doc) == [(1, "1.", "Scope", None, "1", 1)]


def test_toc_in_a_table_of_contents_content_control() -> None:
    sdt = (
        '<w:sdt><w:sdtPr><w:docPartObj><w:docPartGallery w:val="Table of Contents"/><w:docPartUnique/>'
        f"</w:docPartObj></w:sdtPr><w:sdtContent>{toc(ENTRIES)}</w:sdtContent></w:sdt>"
    )
    doc = read(docx(sdt + BODY))
    assert [e.title for e in doc.toc] == ["Scope", "Terms", "Use"]
    assert blocks(doc)[0] == ("heading", "1. Scope", 6)  # "Contents" is the contents' title, no body text


def test_table_of_figures_is_not_the_contents() -> None:
    figures = toc([(1, "Figure 1: Map", "4", "_Toc7")], 'TOC \\h \\z \\c "Figure"')
    doc = read(docx(figures + toc(ENTRIES) + BODY))
    assert [e.title for e in doc.toc] == ["Scope", "Terms", "Use"]


def test_the_words_toc_o_in_the_text_are_no_field() -> None:
    doc = read(docx(p('Insert a field such as TOC \\o "1-3" \\h to list the headings.') + BODY))
    assert doc.toc == () and doc.toc_span is None


def test_entry_levels_from_numbers_when_the_entry_styles_say_nothing() -> None:
    plain = toc(ENTRIES).replace('<w:pStyle w:val="TOC1"/>', "").replace('<w:pStyle w:val="TOC2"/>', "")
    assert [e.level for e in read(docx(plain + BODY)).toc] == [1, 2, 1]


# --- the body ----------------------------------------------------------------------------------


def test_tracked_changes_hidden_text_tables_text_boxes_and_notes() -> None:
    changed = (
        f'<w:p><w:r><w:t xml:space="preserve">Kept </w:t></w:r><w:del w:id="1" {W_DATE}><w:r><w:delText>removed '
        f'</w:delText></w:r></w:del><w:ins w:id="2" {W_DATE}><w:r><w:t>added</w:t></w:r></w:ins><w:r><w:rPr><w:vanish/>'
        "</w:rPr><w:t> hidden</w:t></w:r><w:r><w:t>.</w:t></w:r></w:p>"
    )
    table = "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>Cell text</w:t></w:r></w:p></w:tc></w:tr></w:tbl>"
    box = "<w:txbxContent><w:p><w:r><w:t>Boxed</w:t></w:r></w:p></w:txbxContent>"
    boxed = (
        '<w:p><w:r><w:t xml:space="preserve">Anchor </w:t></w:r><w:r><mc:AlternateContent><mc:Choice Requires="wps">'
        f"<w:drawing><wp:anchor><a:graphic><a:graphicData><wps:wsp><wps:txbx>{box}</wps:txbx></wps:wsp></a:graphicData>"
        f"</a:graphic></wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox>{box}</v:textbox>"
        "</v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r><w:r><w:t>text.</w:t></w:r></w:p>"
    )
    noted = '<w:p><w:r><w:t>With a note.</w:t></w:r><w:r><w:footnoteReference w:id="1"/></w:r></w:p>'
    end = '<w:p><w:r><w:t>And an endnote.</w:t></w:r><w:r><w:endnoteReference w:id="2"/></w:r></w:p>'
    notes = (
        '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
        '<w:footnote w:id="1"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> See the annex.</w:t>'
        "</w:r></w:p></w:footnote>"
    )
    endnotes = '<w:endnote w:id="2"><w:p><w:r><w:t>Sources.</w:t></w:r></w:p></w:endnote>'
    doc = read(docx(h(1, "Intro") + changed + table + boxed + noted + end, footnotes=notes, endnotes=endnotes))
    assert blocks(doc) == [
        ("heading", "Intro", 1),
        ("prose", "Kept added.", 2),
        ("table", "Cell text", 3),
        ("box", "Boxed", 4),
        ("prose", "Anchor text.", 4),
        ("prose", "With a note.", 5),
        ("note", "See the annex.", 5),
        ("prose", "And an endnote.", 6),
        ("note", "Sources.", 6),
    ]
    assert doc.facts.lines == ("Intro", "Kept added.", "Cell text", "Anchor text.", "With a note.", "And an endnote.")


def test_body_kinds_from_paragraph_styles() -> None:
    styles = STYLES + '<w:style w:type="paragraph" w:styleId="SourceCode"><w:name w:val="Source Code"/></w:style>'
    body = h(1, "Intro") + p("Quoted words.", "Quote") + p("x = 1", "SourceCode") + p("An item", "ListParagraph")
    assert [k for k, _, _ in blocks(read(docx(body, styles=styles)))] == ["heading", "quote", "code", "list"]


def test_runs_of_empty_paragraphs_are_gaps_unless_page_layout() -> None:
    empty = "<w:p/>"
    lost = h(1, "Intro") + p(PROSE) + empty * 6 + p(PROSE)
    assert ("gap", "", 3) in blocks(read(docx(lost)))
    assert [(f.code, f.span.line) for f in lint_docx(docx(lost), "OL303")] == [("OL303", 3)]
    paged = (
        h(1, "Intro") + p(PROSE) + empty * 6 + '<w:p><w:r><w:br w:type="page"/></w:r></w:p>' + h(1, "Next") + p(PROSE)
    )
    assert lint_docx(docx(paged), "OL303") == []
    rendered = h(1, "Intro") + p(PROSE) + empty * 6 + p(PROSE).replace("<w:t", "<w:lastRenderedPageBreak/><w:t")
    assert lint_docx(docx(rendered), "OL303") == []
    spacing = h(1, "Intro") + p(PROSE) + empty + p(PROSE)
    assert not [b for b in blocks(read(docx(spacing))) if b[0] == "gap"]


def test_cross_references_to_missing_bookmarks_are_broken_links() -> None:
    ref = (
        '<w:p><w:r><w:t xml:space="preserve">See </w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r>'
        '<w:instrText xml:space="preserve"> REF _Ref42 \\h </w:instrText></w:r><w:r>'
        '<w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>section 3</w:t></w:r>'
        '<w:r><w:fldChar w:fldCharType="end"/></w:r><w:r><w:t>.</w:t></w:r></w:p>'
    )
    data = docx(h(1, "Intro", "_Ref41") + ref)
    doc = read(data)
    assert doc.facts.lines[1] == "See section 3."
    assert [(f.code, f.span.line) for f in lint_docx(data, "OL108")] == [("OL108", 2)]


# --- language ----------------------------------------------------------------------------------

ENGLISH = (
    "The white paper describes how the network grew over the last ten years and what the government did "
    "to keep it open, safe and useful for everyone who relies on it in daily life."
)
CHINESE = "推进亚太经合组织数字经济合作进程。中国作为东道主首次将互联网经济引入合作框架。"


def test_a_paragraph_marked_and_written_in_chinese_is_reported_with_its_mark() -> None:
    marked = f'<w:p><w:r><w:rPr><w:lang w:val="en-US" w:eastAsia="zh-CN"/></w:rPr><w:t>{CHINESE}</w:t></w:r></w:p>'
    data = docx(h(1, "Intro") + p(ENGLISH) + p(ENGLISH) + marked + p(ENGLISH))
    assert [(f.code, f.span.line, f.message) for f in lint_docx(data, "OL4")] == [
        (
            "OL401",
            4,
            'paragraph in Chinese (zh) (marked "zh-CN") in a document in English (en-US): '
            f'"{CHINESE}" [paragraph 4, under "Intro"]',
        )
    ]
    assert read(data).language == "en-US"


def test_the_document_language_is_the_one_most_text_is_marked_with() -> None:
    gb = f'<w:p><w:r><w:rPr><w:lang w:val="en-GB"/></w:rPr><w:t>{ENGLISH}</w:t></w:r></w:p>'
    assert read(docx(h(1, "Intro") + gb + gb + p("Short."))).language == "en-GB"


# --- locations and suppression -----------------------------------------------------------------


def test_comments_carry_suppression_directives_over_the_paragraphs_they_span() -> None:
    gap = '<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t>3. Three</w:t></w:r></w:p>'
    commented = gap.replace("<w:r>", '<w:commentRangeStart w:id="0"/><w:r>', 1).replace(
        "</w:p>", '<w:commentRangeEnd w:id="0"/><w:r><w:commentReference w:id="0"/></w:r></w:p>'
    )
    comment = '<w:comment w:id="0" w:author="Ann"><w:p><w:r><w:t>outlint-disable OL201</w:t></w:r></w:p></w:comment>'
    body = h(1, "1. One") + p(PROSE) + "{}" + p(PROSE) + h(1, "5. Five") + p(PROSE)
    assert [f.code for f in lint_docx(docx(body.format(gap)), "OL2")] == ["OL201", "OL201"]
    assert [f.code for f in lint_docx(docx(body.format(commented), comments=comment), "OL2,OL9")] == ["OL201"]


def test_an_unused_directive_in_a_comment_is_reported() -> None:
    commented = p(PROSE).replace("<w:r>", '<w:commentRangeStart w:id="3"/><w:r>', 1)
    comment = '<w:comment w:id="3"><w:p><w:r><w:t>outlint-disable-next-line OL303</w:t></w:r></w:p></w:comment>'
    found = lint_docx(docx(h(1, "Intro") + commented, comments=comment), "OL3,OL9")
    assert [(f.code, f.span.line) for f in found] == [("OL901", 2)]


# --- a contents without a field ------------------------------------------------------------------


def linked(text: str, anchor: str, style: str | None = None, ilvl: int | None = None) -> str:
    """A paragraph that is one hyperlink to a bookmark, as HTML and Markdown converters write a
    contents list."""
    ppr = f'<w:pStyle w:val="{style}"/>' if style else ""
    if ilvl is not None:
        ppr += f'<w:numPr><w:ilvl w:val="{ilvl}"/><w:numId w:val="1"/></w:numPr>'
    return f'<w:p><w:pPr>{ppr}</w:pPr><w:hyperlink w:anchor="{anchor}"><w:r><w:t>{text}</w:t></w:r></w:hyperlink></w:p>'


def test_a_list_of_links_under_a_contents_heading_is_the_contents() -> None:
    listed = h(1, "Table of Contents") + linked("Scope", "scope") + linked("Terms", "terms", ilvl=1)
    listed += linked("Plugins", "plugins") + linked("Use", "use")
    body = h(1, "Scope", "scope") + p(PROSE) + h(2, "Terms", "terms") + p(PROSE) + h(1, "Use", "use") + p(PROSE)
    doc = read(docx(listed + body))
    assert entries(doc) == [
        (1, None, "Scope", "#scope", None, 2),
        (2, None, "Terms", "#terms", None, 3),
        (1, None, "Plugins", "#plugins", None, 4),
        (1, None, "Use", "#use", None, 5),
    ]
    assert [x.title for x in doc.facts.headings] == ["Scope", "Terms", "Use"]  # the contents' title opens no section
    found = [(f.code, f.span.line) for f in lint_docx(docx(listed + body))]
    assert found == [("OL101", 4), ("OL107", 4)]


def test_a_contents_typed_as_text_with_tabs_and_pages() -> None:
    typed = p("Contents") + p("1. Scope\t1") + p("2. Use\t2")
    body = h(1, "1. Scope") + p(PROSE) + h(1, "2. Use") + p(PROSE) + h(1, "3. Annex") + p(PROSE)
    doc = read(docx(typed.replace("\t", "</w:t><w:tab/><w:t>") + body))
    assert entries(doc) == [(1, "1.", "Scope", None, "1", 2), (1, "2.", "Use", None, "2", 3)]
    assert [(f.code, f.span.line) for f in lint_docx(docx(typed.replace("\t", "</w:t><w:tab/><w:t>") + body))] == [
        ("OL102", 8)
    ]


def test_one_line_under_contents_is_no_contents() -> None:
    assert read(docx(p("Contents") + p("Scope\t1") + h(1, "Scope") + p(PROSE))).toc == ()


def test_a_contents_heading_over_a_toc_field_is_its_title() -> None:
    data = docx(h(1, "Contents") + toc(ENTRIES).replace(p("Contents", "TOCHeading"), "") + BODY)
    assert [x.title for x in read(data).facts.headings] == ["Scope", "Terms", "Use"]
    assert lint_docx(data) == []


def test_a_link_to_a_heading_without_a_bookmark_says_so() -> None:
    listed = h(1, "Contents") + linked("Scope", "scope") + linked("Use", "use")
    data = docx(listed + h(1, "Scope") + p(PROSE) + h(1, "Use", "use") + p(PROSE))
    assert [f.message.split(" [")[0] for f in lint_docx(data)] == [
        'contents entry "Scope" links to "#scope", which matches no heading (did you mean heading "Scope" on '
        "line 4? it has no anchor)"
    ]


def test_a_picture_is_content_of_its_section() -> None:
    picture = "<w:p><w:r><w:drawing><wp:inline><a:graphic/></wp:inline></w:drawing></w:r></w:p>"
    data = docx(h(1, "Diagram") + picture + h(1, "Next") + p(PROSE))
    assert ("html", "", 2) in blocks(read(data))
    assert lint_docx(data, "OL3") == []


def test_a_link_into_another_document_is_no_bookmark_link() -> None:
    external = '<w:p><w:hyperlink r:id="rId9" w:anchor="v=onepage"><w:r><w:t>the book</w:t></w:r></w:hyperlink></w:p>'
    assert lint_docx(docx(h(1, "Intro") + external), "OL108") == []
