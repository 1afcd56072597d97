"""Build DOCX files in tests from inline WordprocessingML: the parts Word writes, zipped as Word zips them."""

from __future__ import annotations

import io
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
    return buf.getvalue()


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
