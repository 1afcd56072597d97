"""Build DOCX files in tests from inline WordprocessingML: the parts Word writes, zipped as Word zips them."""

from __future__ import annotations

import hashlib
import io
import os
import shutil
import subprocess
import zipfile

from outlint.linter import Settings, check_bytes, select_rules
from outlint.model import Finding

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
NS = (
    f'xmlns:w="{W_NS}" xmlns:r="{R_NS}" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:v="urn:schemas-microsoft-com:vml"'
)
_REL_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
_CT_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml"


def _style(sid: str, name: str, extra: str = "", based: str = "Normal", kind: str = "paragraph") -> str:
    based_on = f'<w:basedOn w:val="{based}"/>' if based else ""
    return f'<w:style w:type="{kind}" w:styleId="{sid}"><w:name w:val="{name}"/>{based_on}{extra}</w:style>'


# The built-in styles as Word writes them: outline levels on the headings, none on the TOC styles.
STYLES = "".join(
    [
        '<w:docDefaults><w:rPrDefault><w:rPr><w:lang w:val="en-US" w:eastAsia="zh-CN" w:bidi="ar-SA"/>'
        "</w:rPr></w:rPrDefault></w:docDefaults>",
        '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>',
        *(
            _style(f"Heading{n}", f"heading {n}", f'<w:pPr><w:keepNext/><w:outlineLvl w:val="{n - 1}"/></w:pPr>')
            for n in range(1, 10)
        ),
        _style("Title", "Title"),
        _style("Subtitle", "Subtitle"),
        *(_style(f"TOC{n}", f"toc {n}") for n in range(1, 10)),
        _style("TOCHeading", "TOC Heading", '<w:pPr><w:outlineLvl w:val="9"/></w:pPr>', based="Heading1"),
        _style("ListParagraph", "List Paragraph"),
        _style("Quote", "Quote"),
        _style("FootnoteText", "footnote text"),
    ]
)


def part(root: str, inner: str) -> str:
    return f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:{root} {NS}>{inner}</w:{root}>'


def docx(
    body: str,
    *,
    styles: str | None = STYLES,
    numbering: str | None = None,
    footnotes: str | None = None,
    endnotes: str | None = None,
    comments: str | None = None,
    extra: dict[str, bytes] | None = None,
    main: str = "word/document.xml",
    document: bytes | None = None,
) -> bytes:
    """A DOCX whose body is ``body`` (the XML inside ``w:body``), with the given parts."""
    parts: dict[str, tuple[str, str, bytes]] = {}  # name -> (relationship type, content type, data)
    if styles is not None:
        parts["styles.xml"] = ("styles", f"{_CT_MAIN}.styles+xml", part("styles", styles).encode())
    if numbering is not None:
        parts["numbering.xml"] = ("numbering", f"{_CT_MAIN}.numbering+xml", part("numbering", numbering).encode())
    if footnotes is not None:
        parts["footnotes.xml"] = ("footnotes", f"{_CT_MAIN}.footnotes+xml", part("footnotes", footnotes).encode())
    if endnotes is not None:
        parts["endnotes.xml"] = ("endnotes", f"{_CT_MAIN}.endnotes+xml", part("endnotes", endnotes).encode())
    if comments is not None:
        parts["comments.xml"] = ("comments", f"{_CT_MAIN}.comments+xml", part("comments", comments).encode())
    folder, _, base = main.rpartition("/")
    overrides = "".join(
        f'<Override PartName="/{folder}/{name}" ContentType="{ct}"/>' for name, (_, ct, _) in parts.items()
    )
    content_types = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        f'<Override PartName="/{main}" ContentType="{_CT_MAIN}.document.main+xml"/>{overrides}</Types>'
    )
    package_rels = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        f'<Relationship Id="rId1" Type="{_REL_TYPE}officeDocument" Target="{main}"/></Relationships>'
    )
    doc_rels = "".join(
        f'<Relationship Id="rId{k}" Type="{_REL_TYPE}{kind}" Target="{name}"/>'
        for k, (name, (kind, _, _)) in enumerate(parts.items(), start=1)
    )
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", content_types)
        zf.writestr("_rels/.rels", package_rels)
        zf.writestr(main, document if document is not None else part("document", f"<w:body>{body}</w:body>"))
        zf.writestr(
            f"{folder}/_rels/{base}.rels",
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{doc_rels}'
            "</Relationships>",
        )
        for name, (_, _, data) in parts.items():
            zf.writestr(f"{folder}/{name}", data)
        for name, data in (extra or {}).items():
            zf.writestr(name, data)
    data = buf.getvalue()
    compare_with_pandoc(data)
    return data


# --- every DOCX the tests build is also read by pandoc, when it is installed ----------------------

PANDOC = shutil.which("pandoc")
# Tests whose documents pandoc reads differently, one line each with the reason. Keyed by test name
# (with its parameter id); a test listed here must still differ, so the list cannot go stale.
PANDOC_DIFFERS: dict[str, str] = {
    "test_heading_levels_come_from_styles[german]": 'pandoc knows English style names only ("Überschrift 1")',
    "test_heading_levels_come_from_styles[chinese-name]": 'pandoc knows English style names only ("标题 2")',
    "test_heading_levels_come_from_styles[french]": 'pandoc knows English style names only ("Titre 3")',
    "test_heading_levels_come_from_styles[custom-style-outline-level]": "pandoc ignores w:outlineLvl on a style",
    "test_heading_levels_come_from_styles[paragraph-outline]": "pandoc ignores w:outlineLvl on a paragraph",
    "test_heading_levels_come_from_styles[outline-9-is-body-text]": "pandoc ignores w:outlineLvl 9 (body text)",
    "test_heading_levels_come_from_styles[no-styles-part]": "without styles.xml pandoc does not go by style ids",
    "test_title_is_no_heading_unless_the_toc_field_lists_it": 'pandoc does not read a TOC field\'s \\t "Title,1"',
    "test_toc_t_switch_makes_custom_styles_headings_at_its_levels": "pandoc does not read a TOC field's \\t styles",
    "test_hidden_numbered_paragraphs_still_count_as_in_word": "pandoc keeps hidden text (w:vanish)",
}
_SEEN: dict[bytes, bool] = {}
RAN: set[str] = set()  # tests whose documents were compared


def compare_with_pandoc(data: bytes) -> None:
    """Fail the current test when outlint's headings differ from pandoc's (level and text, compared without
    whitespace: outlint joins a number and its title with a space), unless PANDOC_DIFFERS says why."""
    test = os.environ.get("PYTEST_CURRENT_TEST", "").split("::")[-1].split(" ")[0]
    if PANDOC is None or not test:
        return
    RAN.add(test)
    key = hashlib.sha256(data).digest()
    if key in _SEEN:
        same = _SEEN[key]
    else:
        from outlint.model import ReadError
        from outlint.readers import docx as reader
        from tests.readers.test_docx_pandoc import outlint_headings, pandoc_headings

        try:
            reader.read(data, "t.docx")
        except ReadError:
            return  # not a document: the safety tests
        done = subprocess.run([PANDOC, "-f", "docx", "-t", "native"], input=data, capture_output=True, check=False)
        if done.returncode != 0:
            return
        ours = [(level, "".join(text.split())) for level, text in outlint_headings(data)]
        # pandoc reads the title of a contents as a header (Word's "TOC Heading" is based on Heading 1
        # but has outline level 9: body text), outlint as the contents' title; and pandoc keeps empty
        # headers, which Word's contents leaves out
        theirs = [
            (level, "".join(text.split()))
            for level, text in pandoc_headings(done.stdout.decode("utf-8"))
            if text.strip() and not _title(text)
        ]
        same = _SEEN[key] = ours == theirs
        if not same:
            DIFFS.setdefault(test, []).append((theirs, ours))
    if test in PANDOC_DIFFERS:
        return
    assert same, f"pandoc reads other headings: {DIFFS.get(test)} (add the reason to PANDOC_DIFFERS)"


DIFFS: dict[str, list[tuple[object, object]]] = {}  # test -> (pandoc's, outlint's) where they differ


def _title(text: str) -> bool:
    from outlint.readers.markup import is_contents_title

    return is_contents_title(text)


def p(text: str = "", style: str | None = None, ppr: str = "", rpr: str = "", bookmark: str | None = None) -> str:
    """A paragraph of one run, as Word writes it."""
    props = (f'<w:pStyle w:val="{style}"/>' if style else "") + ppr
    mark = f'<w:bookmarkStart w:id="{abs(hash(bookmark)) % 10**6}" w:name="{bookmark}"/>' if bookmark else ""
    end = f'<w:bookmarkEnd w:id="{abs(hash(bookmark)) % 10**6}"/>' if bookmark else ""
    run = f'<w:r>{f"<w:rPr>{rpr}</w:rPr>" if rpr else ""}<w:t xml:space="preserve">{text}</w:t></w:r>' if text else ""
    return f"<w:p>{f'<w:pPr>{props}</w:pPr>' if props else ''}{mark}{run}{end}</w:p>"


def h(level: int, text: str, bookmark: str | None = None) -> str:
    return p(text, f"Heading{level}", bookmark=bookmark)


def toc_entry(
    level: int, text: str, page: str, anchor: str | None, first: str = "", last: bool = False, link: bool = True
) -> str:
    """A TOC entry paragraph as Word writes it: hyperlink, tab leader, PAGEREF field; ``first`` holds
    the TOC field's begin and instruction runs for the first entry."""
    pageref = (
        f'<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGEREF {anchor} \\h '
        '</w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        f'<w:r><w:t>{page}</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>'
        if anchor
        else f"<w:r><w:t>{page}</w:t></w:r>"
    )
    content = f'<w:r><w:t xml:space="preserve">{text}</w:t></w:r><w:r><w:tab/></w:r>{pageref}'
    linked = f'<w:hyperlink w:anchor="{anchor}" w:history="1">{content}</w:hyperlink>' if anchor and link else content
    tabs = '<w:tabs><w:tab w:val="right" w:leader="dot" w:pos="9350"/></w:tabs>'
    end = '<w:r><w:fldChar w:fldCharType="end"/></w:r>' if last else ""
    return f'<w:p><w:pPr><w:pStyle w:val="TOC{level}"/>{tabs}</w:pPr>{first}{linked}{end}</w:p>'


def toc_begin(instr: str = 'TOC \\o "1-3" \\h \\z \\u') -> str:
    return (
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        f'<w:r><w:instrText xml:space="preserve"> {instr} </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
    )


def toc(
    entries: list[tuple[int, str, str, str | None]], instr: str = 'TOC \\o "1-3" \\h \\z \\u', link: bool = True
) -> str:
    """A whole TOC field: one paragraph per (level, text, page, anchor), the field ending after the
    last entry in a paragraph of its own, as Word does."""
    out = [p("Contents", "TOCHeading")]
    for k, (level, text, page, anchor) in enumerate(entries):
        out.append(toc_entry(level, text, page, anchor, toc_begin(instr) if k == 0 else "", link=link))
    out.append('<w:p><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>')
    return "".join(out)


def lint_docx(data: bytes, select: str = "ALL", language: str | None = None) -> list[Finding]:
    return check_bytes(data, "doc.docx", "docx", Settings(rules=select_rules(select.split(",")), language=language))


def test_a_built_file_is_a_zip_with_the_parts_word_writes() -> None:
    data = docx(p("x"), numbering="")
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        assert sorted(zf.namelist()) == [
            "[Content_Types].xml",
            "_rels/.rels",
            "word/_rels/document.xml.rels",
            "word/document.xml",
            "word/numbering.xml",
            "word/styles.xml",
        ]
