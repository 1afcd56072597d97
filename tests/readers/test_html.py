"""The HTML reader: headings, chrome, body text, lang, the contents block, anchors and positions;
and every rule family on HTML, firing and quiet."""

from __future__ import annotations

import pytest

from outlint.linter import check_bytes, read_bytes
from outlint.model import Document, Paragraph
from outlint.rules.truncation import locate
from tests.conftest import lint


def read(text: str, path: str = "doc.html") -> Document:
    return read_bytes(text.encode("utf-8"), path)


def page(body: str, lang: str = "en", head: str = "<title>Page title</title>") -> str:
    return f'<!DOCTYPE html>\n<html lang="{lang}">\n<head>{head}</head>\n<body>\n{body}\n</body>\n</html>\n'


def headings(doc: Document) -> list[tuple[int, str, int]]:
    return [(h.level, h.label, h.span.line) for h in doc.facts.headings]


def paragraphs(doc: Document) -> list[Paragraph]:
    return [b for b in (*doc.preamble, *(b for h in doc.facts.headings for b in h.body)) if isinstance(b, Paragraph)]


def found(text: str, select: str = "ALL", path: str = "doc.html") -> list[tuple[str, int]]:
    return [(f.code, f.span.line) for f in lint(text, select, fmt="html", path=path)]


# --- headings and chrome --------------------------------------------------------------------


def test_headings_with_lines_and_columns() -> None:
    doc = read(page('<h1>Manual</h1>\n<p>Intro.</p>\n  <h2 id="a">1. Scope</h2>\n<h3>1.1 Detail</h3>'))
    assert headings(doc) == [(1, "Manual", 5), (2, "1. Scope", 7), (3, "1.1 Detail", 8)]
    assert [(h.span.column, h.anchor) for h in doc.facts.headings] == [(1, None), (3, "a"), (1, None)]
    assert doc.facts.headings[1].number is not None


def test_page_title_and_chrome_are_not_headings() -> None:
    doc = read(
        page(
            "<header><h1>Site name</h1><nav><h2>Menu</h2></nav></header>\n<main>\n<article>\n"
            "<header><h1>Article title</h1></header>\n<h2>Body heading</h2>\n<p>Text.</p>\n"
            "<aside><h3>Related</h3></aside>\n</article>\n</main>\n<footer><h2>Footer</h2></footer>\n"
            '<div class="sphinxsidebar"><h3>Quick search</h3></div>'
        )
    )
    assert [h.title for h in doc.facts.headings] == ["Article title", "Body heading"]


def test_html5_sections_of_h1_headings() -> None:
    doc = read(
        page(
            "<article><h1>Top</h1><section><h1>Middle</h1><section><h1>Deep</h1><p>x.</p></section></section></article>"
        )
    )
    assert [(h.level, h.title) for h in doc.facts.headings] == [(1, "Top"), (2, "Middle"), (3, "Deep")]


def test_h1_levels_count_from_the_shallowest_h1_wherever_it_is() -> None:
    # the first h1 is the deepest: the base is the least depth of all, not the first one's
    body = (
        "<div><section><section><h1>Deep first</h1><p>x.</p></section></section></div>"
        "<section><h1>Shallow</h1><p>x.</p><section><div><h1>Inner</h1><p>x.</p></div></section></section>"
    )
    levels = [(h.level, h.title) for h in read(page(body)).facts.headings]
    assert sorted(levels, key=lambda lt: lt[1]) == [(2, "Deep first"), (2, "Inner"), (1, "Shallow")]


def test_headerlink_marks_are_not_part_of_titles() -> None:
    doc = read(page('<section id="usage"><h2>Usage<a class="headerlink" href="#usage">¶</a></h2><p>x.</p></section>'))
    assert [(h.title, h.anchor) for h in doc.facts.headings] == [("Usage", "usage")]


# --- body text ------------------------------------------------------------------------------


def test_block_kinds_and_what_is_not_prose() -> None:
    doc = read(
        page(
            "<h1>T</h1>\n<p>Prose <code>x = 1</code> and <em>cdll</em>.</p>\n<ul><li>An item.</li>"
            "<li><p>A paragraph item.</p></li></ul>\n<blockquote><p>Quoted.</p></blockquote>\n"
            '<pre>code line</pre>\n<table><tr><td>cell</td></tr></table>\n<p><img src="a.png"></p>\n'
            "<script>var s = '<p>not text</p>';</script><style>p {}</style><noscript>Enable JS</noscript>"
        )
    )
    assert [(p.kind, p.text) for p in paragraphs(doc)] == [
        ("prose", "Prose `x = 1` and *cdll*."),
        ("list", "An item."),
        ("list", "A paragraph item."),
        ("quote", "Quoted."),
        ("code", "code line"),
        ("table", "cell"),
        ("html", ""),
    ]


def test_text_positions_follow_the_source() -> None:
    doc = read(page("<h1>T</h1>\n<p>First line with <b>bold</b>,\n   second &amp; line.</p>"))
    para = paragraphs(doc)[0]
    assert para.text == "First line with **bold**, second & line."
    assert (para.span.line, para.span.column, para.span.end_line) == (6, 4, 7)
    assert locate(doc, para, para.text.index("second")) == (7, 4)
    assert locate(doc, para, para.text.index("line.")) == (7, 17)  # after "&amp;"


def test_declared_languages() -> None:
    doc = read(
        page(
            '<h1>T</h1><p>English text.</p><p lang="zh">中文段落。</p><div lang="zh-CN"><p>更多。</p></div>'
            '<p>Mixed <span lang="fr">bonjour tout le monde</span> here.</p><h2 lang="zh">标题</h2>'
        )
    )
    assert [(p.text, p.lang) for p in paragraphs(doc)] == [
        ("English text.", None),
        ("中文段落。", "zh"),
        ("更多。", "zh-cn"),
        ("Mixed here.", None),
    ]
    assert doc.facts.headings[1].lang == "zh"
    same = read(page('<h1>标题</h1><p lang="zh">中文段落。</p>', lang="zh"))
    assert paragraphs(same)[0].lang is None


# --- the contents block ---------------------------------------------------------------------

SECTIONS = (
    '<section id="intro"><h2>1. Introduction</h2><p>Text.</p></section>\n'
    '<section id="use"><h2>2. Usage</h2><p>Text.</p>\n'
    '<section id="cli"><h3>2.1 Command line</h3><p>Text.</p></section></section>'
)
LINKS = (
    '<li><a href="#intro">1. Introduction</a></li><li><a href="#use">2. Usage</a>'
    '<ul><li><a href="#cli">2.1 Command line</a></li></ul></li>'
)


@pytest.mark.parametrize(
    "body",
    [
        pytest.param(f"<h1>M</h1><nav><ol>{LINKS}</ol></nav>\n{SECTIONS}", id="nav"),
        pytest.param(f'<h1>M</h1><nav id="TOC" role="doc-toc"><ul>{LINKS}</ul></nav>\n{SECTIONS}', id="pandoc"),
        pytest.param(
            f'<h1>M</h1><nav class="contents" id="contents"><p class="topic-title">Contents</p><ul>{LINKS}'
            f"</ul></nav>\n{SECTIONS}",
            id="docutils-contents",
        ),
        pytest.param(
            f'<div class="body" role="main"><h1>M</h1>\n{SECTIONS}</div><div class="sphinxsidebar">'
            f'<h3><a href="../contents.html">Table of Contents</a></h3><ul>{LINKS}</ul></div>',
            id="sphinx-sidebar",
        ),
        pytest.param(
            '<h1>M</h1><div class="toc"><p><b>Table of Contents</b></p><dl class="toc">'
            '<dt><span class="chapter"><a href="#intro">1. Introduction</a></span></dt>'
            '<dt><span class="chapter"><a href="#use">2. Usage</a></span></dt><dd><dl>'
            '<dt><span class="section"><a href="#cli">2.1 Command line</a></span></dt></dl></dd></dl></div>\n'
            f"{SECTIONS}",
            id="docbook",
        ),
        pytest.param(f"<h1>M</h1><h2>Contents</h2><ul>{LINKS}</ul>\n{SECTIONS}", id="list-under-contents-heading"),
        pytest.param(
            f'<h1>M</h1><nav><a href="#main">Skip</a><a href="/">Home</a></nav><nav><ol>{LINKS}</ol></nav>\n'
            f'<main id="main">{SECTIONS}</main>',
            id="site-nav-first",
        ),
    ],
)
def test_contents_block_is_found(body: str) -> None:
    doc = read(page(body))
    assert [(e.level, e.number.label if e.number else None, e.title, e.target) for e in doc.toc] == [
        (1, "1.", "Introduction", "#intro"),
        (1, "2.", "Usage", "#use"),
        (2, "2.1", "Command line", "#cli"),
    ]
    assert [h.label for h in doc.facts.headings][-3:] == ["1. Introduction", "2. Usage", "2.1 Command line"]
    assert found(page(body)) == []


def test_links_to_other_pages_make_no_contents() -> None:
    doc = read(
        page(
            '<div class="toctree-wrapper"><ul><li><a href="intro.html">Intro</a></li>'
            '<li><a href="usage.html#cli">Usage</a></li></ul></div><h1>T</h1><p>x.</p>'
        ),
        "docs/index.html",
    )
    assert doc.toc == ()
    assert [p.kind for p in paragraphs(doc)] == ["list", "list", "prose"]  # a toctree is the section's body


def test_same_page_links_by_file_name() -> None:
    text = page(
        '<h1>T</h1><p><a href="page.html#a">this page</a>, <a href="../other/page.html#b">another</a>, '
        '<a href="./page.html#c">again</a>.</p>'
    )
    assert [t for t, _ in read(text, "docs/guide/page.html").links] == ["#a", "#c"]


def test_api_entries_of_a_page_contents_are_not_sections() -> None:
    body = (
        f'<h1>M</h1><nav><ul>{LINKS}<li><a href="#load">load()</a></li></ul></nav>\n{SECTIONS}'
        '<dl><dt id="load">load(path)</dt><dd><p>Loads.</p></dd></dl>'
    )
    assert [e.title for e in read(page(body)).toc] == ["Introduction", "Usage", "Command line"]


def test_anchors_lead_to_their_headings() -> None:
    doc = read(
        page(
            '<section id="s1"><span id="old-name"></span><h2 id="h">A</h2><p>x.</p></section>'
            '<span id="before"></span><h2>B <a name="inner"></a></h2><p>y.</p><p id="para">z.</p>'
        )
    )
    a, b = doc.facts.headings
    assert {k: (v.title if v else None) for k, v in doc.anchors.items()} == {
        "s1": "A",
        "old-name": "A",
        "h": "A",
        "before": "B",
        "inner": "B",
        "para": None,
    }
    assert (a.anchor, b.anchor) == ("h", "inner")


# --- reading safely and precisely -----------------------------------------------------------


def test_xhtml_as_xml_with_namespaces() -> None:
    doc = read(
        '<?xml version="1.0" encoding="utf-8"?>\n<html xmlns="http://www.w3.org/1999/xhtml" lang="en">\n'
        "<body>\n<h1>Title</h1>\n<p>Text.</p>\n</body>\n</html>\n",
        "doc.xhtml",
    )
    assert headings(doc) == [(1, "Title", 4)]


def test_xhtml_with_html_entities_falls_back_to_html() -> None:
    doc = read(
        '<?xml version="1.0"?>\n<html xmlns="http://www.w3.org/1999/xhtml"><body>\n'
        "<h1>A&nbsp;title</h1><p>x.</p></body></html>",
        "doc.xhtml",
    )
    assert headings(doc) == [(1, "A title", 3)]


def test_external_entities_are_never_read() -> None:
    doc = read(
        '<?xml version="1.0"?>\n<!DOCTYPE html [<!ENTITY secret SYSTEM "file:///etc/hostname">]>\n'
        '<html xmlns="http://www.w3.org/1999/xhtml"><body><h1>T</h1><p>[&secret;]</p></body></html>',
        "doc.xhtml",
    )
    assert paragraphs(doc)[0].text in ("[]", "[&secret;]")


def test_lines_beyond_the_parser_limit() -> None:
    filler = "<p>Filler text.</p>\n" * 70_000
    doc = read(f"<html><body>\n<h1>Start</h1>\n{filler}<h2>End</h2>\n<p>Last.</p>\n</body></html>\n")
    assert headings(doc) == [(1, "Start", 2), (2, "End", 70_003)]


def test_start_tags_across_lines_and_markup_inside_scripts() -> None:
    doc = read(
        page(
            '<script>document.write("<h2>fake</h2><p>fake</p>");</script>\n<h1\n  class="x">Real</h1>\n'
            "<!-- <h2>commented</h2> -->\n<p>After.</p>"
        )
    )
    assert headings(doc) == [(1, "Real", 6)]
    assert (paragraphs(doc)[0].span.line, paragraphs(doc)[0].span.column) == (9, 4)
    assert [(c.text, c.span.line) for c in doc.comments] == [("<h2>commented</h2>", 8)]


def test_not_html() -> None:
    findings = check_bytes(b"\x00\x01\x02binary", "doc.html", "html")
    assert [f.code for f in findings] == ["OL001"]


# --- every rule family, on HTML -------------------------------------------------------------

ENGLISH = "Install the package with the installer, restart the shell and run the command on your files."
NAV = '<nav><ol><li><a href="#a">A</a></li><li><a href="#b">B</a></li></ol></nav>\n'
FAMILIES = [
    pytest.param(
        "OL1",
        page(
            f'<h1>P</h1>\n{NAV}<h2 id="a">A</h2>\n<p>X.</p>\n<h2 id="b">B</h2>\n<p>Y.</p>\n<h2 id="c">C</h2>\n<p>Z.</p>'
        ),
        [("OL102", 11)],
        id="contents-fires",
    ),
    pytest.param(
        "OL1",
        page(f'<h1>P</h1>\n{NAV}<h2 id="a">A</h2>\n<p>X.</p>\n<h2 id="b">B</h2>\n<p>Y.</p>'),
        [],
        id="contents-quiet",
    ),
    pytest.param(
        "OL2",
        page("<h1>P</h1>\n<h2>1. A</h2>\n<p>X.</p>\n<h2>2. B</h2>\n<p>Y.</p>\n<h2>2. C</h2>\n<p>Z.</p>"),
        [("OL202", 10)],
        id="numbering-fires",
    ),
    pytest.param(
        "OL2", page("<h1>P</h1>\n<h2>1. A</h2>\n<p>X.</p>\n<h2>2. B</h2>\n<p>Y.</p>"), [], id="numbering-quiet"
    ),
    pytest.param(
        "OL3",
        page("<h1>P</h1>\n<h2>A</h2>\n<h2>B</h2>\n<p>It starts well. Then it stops in the</p>"),
        [("OL301", 6), ("OL302", 8)],
        id="truncation-fires",
    ),
    pytest.param(
        "OL3",
        page(
            '<h1>P</h1>\n<h2>A</h2>\n<p><img src="a.png"></p>\n<h2>B</h2>\n<p>A caption</p>\n'
            "<h2>C</h2>\n<p>Ends with:</p>\n<pre>code</pre>"
        ),
        [],
        id="truncation-quiet",
    ),
    pytest.param(
        "OL4",
        page(f"<h1>Guide</h1>\n<p>{ENGLISH}</p>\n<p>运行这个命令以后，程序会检查所有的文档并报告结构上的问题。</p>"),
        [("OL401", 7)],
        id="language-fires",
    ),
    pytest.param(
        "OL4",
        page(
            "<h1>Guide</h1>\n<p>Install the package with the installer and restart.</p>\n"
            '<p lang="zh">运行这个命令以后，程序会检查所有的文档并报告结构上的问题。</p>\n'
            "<pre>运行这个命令以后，程序会检查所有的文档并报告结构上的问题。</pre>"
        ),
        [],
        id="language-quiet-when-declared",
    ),
    pytest.param(
        "OL107,OL108",
        page(
            f'<h1>P</h1>\n{NAV.replace("#b", "#bee")}<h2 id="a">A</h2>\n'
            '<p>See <a href="#c">C</a>.</p>\n<h2 id="b">B</h2>\n<p>Y.</p>'
        ),
        [("OL107", 6), ("OL108", 8)],
        id="links-fire",
    ),
    pytest.param(
        "OL107,OL108",
        page(
            f'<h1>P</h1>\n{NAV}<h2 id="a">A</h2>\n<p>See <a href="#b">B</a>, '
            '<a href="#">top</a>, <a href="other.html#x">other</a>.</p>\n<h2 id="b">B</h2>\n'
            "<p>Y.</p>"
        ),
        [],
        id="links-quiet",
    ),
]


@pytest.mark.parametrize(("select", "text", "expected"), FAMILIES)
def test_rule_families_on_html(select: str, text: str, expected: list[tuple[str, int]]) -> None:
    assert found(text, select) == expected


def test_texinfo_node_anchor_past_its_navigation_bar() -> None:
    body = (
        '<h2 class="contents-heading">Table of Contents</h2>\n<div class="contents"><ul>'
        '<li><a href="#Intro">1 Intro</a><ul><li><a href="#UMAC">1.1 UMAC</a></li></ul></li></ul></div>\n'
        '<span id="Intro"></span><div class="header"><p>Next: <a href="#UMAC">UMAC</a></p></div>\n'
        '<h2 class="chapter">1 Intro</h2><p>Text.</p>\n'
        '<span id="UMAC"></span><div class="header"><p>Previous: <a href="#Intro">Intro</a></p></div>\n'
        '<span id="UMAC-1"></span><h3 class="section">1.1 UMAC</h3><p>More.</p>'
    )
    doc = read(page(body))
    assert [h.title for h in doc.facts.headings] == ["Intro", "UMAC"]  # no "Table of Contents"
    assert doc.anchors["UMAC"] is doc.facts.headings[1]
    assert found(page(body)) == []


def test_one_tag_for_two_depths() -> None:
    doc = read(page("<h2>7.1 Hash</h2><p>a.</p><h3>7.1.1 Recommended</h3><p>b.</p><h3>7.1.1.1 SHA256</h3><p>c.</p>"))
    assert [(h.level, h.label) for h in doc.facts.headings] == [
        (2, "7.1 Hash"),
        (3, "7.1.1 Recommended"),
        (4, "7.1.1.1 SHA256"),
    ]


def test_rustdoc_style_sections_and_encoded_ids() -> None:
    body = (
        '<section id="impl-Trait-for-%26A" class="impl"><a class="src" href="x.rs">Source</a>'
        '<h3 class="code-header">impl Trait for &amp;A</h3></section>\n'
        '<p><a href="#impl-Trait-for-%26A">the impl</a></p>'
    )
    doc = read(page(f"<h1>T</h1><p>x.</p>{body}"))
    assert doc.anchors["impl-Trait-for-%26A"] is doc.facts.headings[1]
    assert found(page(f"<h1>T</h1><p>x.</p>{body}"), "OL108") == []


def test_sidebar_navigation_is_no_contents() -> None:
    nav = '<nav class="sidebar"><ul><li><a href="#b">b</a></li><li><a href="#a">a</a></li></ul></nav>'
    assert read(page(f'{nav}<h1>T</h1><h2 id="a">a</h2><p>x.</p><h2 id="b">b</h2><p>y.</p>')).toc == ()


# --- the contents as generators write it ----------------------------------------------------

SPLIT_TOC = """\
<h1>Example Protocol</h1>
<div id="toc"><a href="#" class="toplink">&#9650;</a><h2>Table of Contents</h2>
<nav class="toc"><ul>
<li><p><a href="#section-1">1</a>. <a href="#name-intro">Intro</a></p></li>
<li><p><a href="#section-2">2</a>. <a href="#name-design">Design</a></p>
 <ul><li><p><a href="#section-2.1">2.1</a>. <a href="#name-framing">Framing</a></p></li></ul></li>
<li><p><a href="#appendix-A">Appendix A</a>. <a href="#name-notes">Notes</a></p></li></ul></nav></div>
<section id="section-1"><h2 id="name-intro"><a href="#section-1">1. </a>Intro</h2><p>Text.</p></section>
<section id="section-2"><h2 id="name-design"><a href="#section-2">2. </a>Design</h2><p>Text.</p>
<section id="section-2.1"><h3 id="name-framing"><a href="#section-2.1">2.1. </a>Framing</h3><p>Text.</p>
</section></section>
<section id="appendix-A"><h2 id="name-notes"><a href="#appendix-A">Appendix A. </a>Notes</h2><p>Text.</p></section>
"""


def test_a_contents_line_of_two_links_is_one_entry_and_a_top_link_none() -> None:
    # xml2rfc links the number and the title separately; the back-to-top arrow names no section
    doc = read(SPLIT_TOC)
    assert [(e.level, e.number.label if e.number else None, e.title, e.target) for e in doc.toc] == [
        (1, "1.", "Intro", "#name-intro"),
        (1, "2.", "Design", "#name-design"),
        (2, "2.1.", "Framing", "#name-framing"),
        (1, "Appendix A.", "Notes", "#name-notes"),
    ]
    assert found(SPLIT_TOC) == []


DUPLICATE_ID = """\
<div class="toc"><ul><li><a href="#notes">1. Notes</a></li>
<li><a href="#usage">2. Usage</a><ul><li><a href="#notes">2.1. Notes</a></li></ul></li></ul></div>
<section id="notes"><h2>1. Notes</h2><p>First.</p></section>
<section id="usage"><h2>2. Usage</h2><p>Use.</p>
<section id="notes"><h3>2.1. Notes</h3><p>Second.</p></section></section>
"""


def test_the_first_element_with_an_id_is_where_links_go() -> None:
    doc = read(DUPLICATE_ID)
    assert doc.anchors["notes"] is doc.facts.headings[0]
    findings = lint(DUPLICATE_ID, fmt="html", path="doc.html")
    assert [(f.code, f.span.line, f.message) for f in findings] == [
        (
            "OL107",
            2,
            'contents entry "2.1. Notes" links to "#notes", which goes to heading "1. Notes" on line 3, '
            'the first element with that id; heading "2.1. Notes" on line 5 has the same id',
        )
    ]


def test_landmarks_are_navigation_not_contents() -> None:
    text = (
        '<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops"><body>\n'
        '<nav epub:type="landmarks"><ol><li><a epub:type="bodymatter" href="#start">Start here</a></li>'
        '<li><a epub:type="index" href="#idx">Index</a></li></ol></nav>\n'
        '<section id="start"><h1 id="one">1. One</h1><p>Text.</p><h1 id="two">2. Two</h1><p>Text.</p></section>\n'
        '<section id="idx"><h1>Index</h1><p>Terms.</p></section>\n</body></html>\n'
    )
    assert read(text, "book.xhtml").toc == ()
    assert found(text, path="book.xhtml") == []


def test_captioned_lists_continue_the_contents() -> None:
    text = (
        '<div class="body" role="main"><h1>Manual</h1>\n'
        '<section id="a"><h2>1. Alpha</h2><p>T.</p></section><section id="b"><h2>2. Beta</h2><p>T.</p></section>\n'
        '<section id="t"><h2>1. Tools</h2><p>T.</p></section></div>\n'
        '<div class="sphinxsidebarwrapper"><div><h3><a href="#">Table of Contents</a></h3>\n'
        '<ul><li><a href="#a">1. Alpha</a></li><li><a href="#b">2. Beta</a></li></ul>\n'
        '<p class="caption" role="heading"><span class="caption-text">Appendix</span></p>\n'
        '<ul><li><a href="#t">1. Tools</a></li></ul></div></div>\n'
    )
    assert [(e.title, e.span.line, e.group) for e in read(text).toc] == [
        ("Alpha", 5, None),
        ("Beta", 5, None),
        ("Tools", 7, "Appendix"),
    ]
    # each captioned toctree is numbered from 1: starting again under a new caption is no step back
    assert found(text) == []
    assert found(
        text.replace('<p class="caption" role="heading"><span class="caption-text">Appendix</span></p>\n', "")
    ) == [("OL203", 3)]


# --- hostile shapes: no recursion, no page-wide work per element ----------------------------


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("<b>" * 3000 + "<p>x</p>", id="deep-inline"),
        pytest.param("<section>" * 3000 + "<h1>T</h1>x", id="deep-sections"),
        pytest.param("<div>" * 3000 + "<p>x</p>", id="deep-divs"),
        pytest.param("<ul><li>" * 1500 + '<a href="#x">x</a>', id="deep-lists"),
        pytest.param("<main>" + "<SCRIPT>1</SCRIPT>\n" * 30000 + "</main>", id="many-scripts"),
    ],
)
def test_hostile_shapes_are_read_in_linear_time(text: str) -> None:
    import time

    start = time.process_time()
    read(text)
    assert time.process_time() - start < 5  # RecursionError, or page-wide work per element


def test_an_aside_in_a_section_is_its_body_and_its_title_no_heading() -> None:
    text = (
        '<main><section id="s1"><h2>1. Notes</h2><aside><h3>Related</h3><p><strong>Note:</strong> an aside.</p>'
        '</aside></section><section id="s2"><h2>2. More</h2><p>Text.</p></section></main>'
    )
    doc = read(text)
    assert [h.label for h in doc.facts.headings] == ["1. Notes", "2. More"]
    assert [b.text for b in doc.facts.headings[0].body] == ["Related", "**Note:** an aside."]
    assert found(text) == []


def test_headings_that_open_the_page_one_after_another_are_its_title_lines() -> None:
    text = (
        '<dl><dt>Stream:</dt><dd>IETF</dd></dl><h1 id="rfcnum">RFC 9001</h1><h1 id="title">Using TLS</h1>'
        '<section id="abstract"><h2>Abstract</h2><p>Text.</p></section>'
        '<section id="s1"><h2>1. Introduction</h2><p>Text.</p></section>'
    )
    doc = read(text)
    assert [h.label for h in doc.facts.headings] == ["Using TLS", "Abstract", "1. Introduction"]
    assert doc.anchors["rfcnum"] is None
    assert found(text) == []


def test_nesting_deeper_than_the_limit_is_one_read_error() -> None:
    from outlint.model import ReadError

    with pytest.raises(ReadError, match="deeper than the limit of 20 levels"):
        read_bytes(("<div>" * 30 + "<p>x</p>").encode(), "doc.html", max_depth=20)
    assert paragraphs(read_bytes(("<div>" * 10 + "<p>x</p>").encode(), "doc.html", max_depth=20))[0].text == "x"


def test_headings_inside_a_footnotes_block_are_no_sections() -> None:
    """makeinfo closes a page with ``<div class="footnote"><h4>Footnotes</h4><h5>(1)</h5>``, at those
    levels under whatever section it closes: no level skip, and the notes stay text of the section."""
    text = (
        "<html><body><h1>Manual</h1>\n<h2>1 Usage</h2>\n<p>Run it with care.<a id='DOCF1' href='#FOOT1'>(1)</a></p>\n"
        "<div class='footnote'>\n<hr>\n<h4 class='footnotes-heading'>Footnotes</h4>\n"
        "<h5><a id='FOOT1' href='#DOCF1'>(1)</a></h5>\n<p>Care means reading the manual first.</p>\n</div>\n"
        "</body></html>\n"
    )
    assert found(text) == []
    doc = read_bytes(text.encode(), "doc.html")
    assert [h.label for h in doc.facts.headings] == ["Manual", "1 Usage"]


def test_rustdoc_item_signatures_with_nothing_to_document_are_no_empty_sections() -> None:
    """rustdoc heads each trait implementation with its signature; a marker trait's has nothing
    under it. A plain heading with nothing under it is still an empty section."""
    text = (
        "<html><body><main><h1>Struct Abi</h1><p>An ABI.</p>\n<h2>Auto Trait Implementations</h2>\n"
        "<section id='impl-Send' class='impl'><h3 class='code-header'>impl Send for Abi</h3></section>\n"
        "<section id='impl-Sync' class='impl'><h3 class='code-header'>impl Sync for Abi</h3></section>\n"
        "<h2>Notes</h2>\n<h2>Examples</h2>\n<p>None yet.</p>\n</main></body></html>\n"
    )
    assert found(text, "OL301") == [("OL301", 5)]


def test_a_heading_that_links_to_its_chapter_page_is_no_empty_section() -> None:
    """mdBook's index heads each chapter with a link to its page; texi2html links each heading to
    its contents entry, a place in another page, and such a section may be empty."""
    text = (
        "<html><body><main><h1>Guide</h1><p>Text.</p>\n"
        "<h3 id='s'><a class='header' href='#s'><a href='statements.html'>Statements</a></a></h3>\n"
        "<h3><a href='toc.html#SEC2'>8.1 Editors</a></h3>\n<h3>Last</h3>\n<p>Text.</p>\n</main></body></html>\n"
    )
    assert found(text, "OL301") == [("OL301", 3)]
