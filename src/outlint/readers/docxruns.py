"""DOCX paragraphs: one ``w:p`` walked run by run for its visible text, its fields, links and marks.

Deleted text (``w:del``) is not text and inserted text (``w:ins``) is, as in the document with the
changes accepted; hidden text (``w:vanish``) is not text; field instructions are not text, field
results are. The open fields carry over from one paragraph to the next (a TOC field spans many).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from outlint.readers.docxfields import Field, TocSwitches, split_entry, toc_switches
from outlint.readers.docxpart import MC, attr, on, tag
from outlint.readers.docxstyles import Lang, Style, Styles, dominant_mark, run_properties

P, PPR, R, RPR = tag("p"), tag("pPr"), tag("r"), tag("rPr")
_T, _TAB, _PTAB, _BR, _CR = tag("t"), tag("tab"), tag("ptab"), tag("br"), tag("cr")
_NBH, _SOFT, _FLDCHAR, _INSTR, _FLDSIMPLE = (
    tag("noBreakHyphen"),
    tag("softHyphen"),
    tag("fldChar"),
    tag("instrText"),
    tag("fldSimple"),
)
_HYPERLINK, _DEL, _MOVEFROM, _SDT, _SDTPR, _SDTCONTENT = (
    tag("hyperlink"),
    tag("del"),
    tag("moveFrom"),
    tag("sdt"),
    tag("sdtPr"),
    tag("sdtContent"),
)
_BOOKMARK, _CSTART, _CEND, _CREF = (
    tag("bookmarkStart"),
    tag("commentRangeStart"),
    tag("commentRangeEnd"),
    tag("commentReference"),
)
_FOOTREF, _ENDREF, _RENDERED, _VANISH = (
    tag("footnoteReference"),
    tag("endnoteReference"),
    tag("lastRenderedPageBreak"),
    tag("vanish"),
)
_PSTYLE, _RSTYLE, _OUTLINE, _NUMPR, _NUMID, _ILVL = (
    tag("pStyle"),
    tag("rStyle"),
    tag("outlineLvl"),
    tag("numPr"),
    tag("numId"),
    tag("ilvl"),
)
_SECTPR, _PAGEBREAK, _BODY, _TC, _TXBX, _RUBY_TEXT = (
    tag("sectPr"),
    tag("pageBreakBefore"),
    tag("body"),
    tag("tc"),
    tag("txbxContent"),
    tag("rt"),
)
_GALLERY = tag("docPartGallery")
_ALTERNATE, _FALLBACK = f"{{{MC}}}AlternateContent", f"{{{MC}}}Fallback"
# elements whose content is no text of the paragraph: drawings and objects (text boxes are read as
# their own paragraphs), deleted text, ruby annotations, properties
_MEDIA = frozenset({tag("drawing"), tag("pict"), tag("object")})
_SKIP = frozenset({_DEL, _MOVEFROM, *_MEDIA, _RUBY_TEXT, PPR, _SDTPR, RPR})
_RID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"


@dataclass(slots=True)
class Para:
    """One paragraph as read: its visible text, its style, and what it holds or marks."""

    number: int  # 1-based place in the body (the line of findings); for a text box, its anchor's
    text: str
    style: Style
    where: str = "body"  # body, table, box, note, comment
    outline: int | None = None  # direct w:outlineLvl
    num: tuple[str | None, int | None] | None = None  # direct w:numPr
    label: str | None = None  # the automatic number, as displayed
    bullet: bool = False
    toc: list[tuple[str, bool]] | None = None  # (text, is page number) when in a contents field
    toc_region: bool = False  # in a TOC field or TOC content control, entry or not
    figures: bool = False  # in a table of figures
    anchor: str | None = None  # the bookmark a contents entry links to
    # what it marks, as tuples: most paragraphs mark nothing and share the empty one
    links: tuple[str, ...] = ()  # bookmarks it links or refers to (outside contents)
    bookmarks: tuple[str, ...] = ()
    notes: tuple[tuple[str, str], ...] = ()  # (footnote|endnote, id)
    comment_starts: tuple[str, ...] = ()
    comment_ends: tuple[str, ...] = ()
    hidden: bool = False  # every run hidden
    deleted: bool = False  # the paragraph mark itself is a tracked deletion
    page_break: bool = False  # a page or section break at its end or before it
    rendered_break: bool = False  # Word's last layout started a page at its start
    mark: str | None = None  # w:lang of most of its text, for its script
    entry: tuple[str, str | None, str | None] | None = None  # (title, page, bookmark) if it reads as one
    media: bool = False  # holds a picture, a chart or an object


@dataclass(slots=True)
class Walker:
    """What reading paragraphs carries from one to the next: the styles and the open fields."""

    styles: Styles
    fields: list[Field] = field(default_factory=list)
    tocs: list[TocSwitches] = field(default_factory=list)  # TOC fields met so far, in order


@dataclass(slots=True)
class _Acc:
    """What one paragraph has gathered while its runs are walked."""

    parts: list[str] = field(default_factory=list)
    toc: list[tuple[str, bool]] = field(default_factory=list)
    lang: Lang | None = None  # the mark of the first text, and how much text has it
    lang_chars: int = 0
    langs: list[tuple[Lang, str]] | None = None  # text with other marks, only once there is some
    anchor: str | None = None
    links: list[str] = field(default_factory=list)
    sdt_toc: bool = False
    in_toc: bool = False
    figures: bool = False
    touched_toc: bool = False
    touched_figures: bool = False
    visible: bool = False
    text_seen: bool = False
    rendered_break: bool = False
    page_break: bool = False
    link: str | None = None
    linked: int = 0  # characters of text inside a hyperlink to a bookmark
    media: bool = False  # a picture, a chart, an embedded object


def paragraph(p: Any, walker: Walker, number: int, where: str, sdt_toc: bool = False) -> Para:
    """Read one ``w:p`` element."""
    styles = walker.styles
    ppr = p[0] if len(p) and p[0].tag == PPR else None  # the first child, by the schema
    style = styles.default
    outline = num = None
    deleted = mark_hidden = page_break = False
    if ppr is not None:
        for child in ppr:
            t = child.tag
            if t == _PSTYLE:
                style = styles.paragraph(attr(child, "val"))
            elif t == _OUTLINE:
                outline = _int(attr(child, "val"))
            elif t == _NUMPR:
                num = (attr(child.find(_NUMID), "val"), _int(attr(child.find(_ILVL), "val")))
            elif t == RPR:
                deleted = child.find(_DEL) is not None
                mark_hidden = on(child.find(_VANISH))
            elif t == _SECTPR or (t == _PAGEBREAK and on(child)):
                page_break = True
    acc = _Acc(sdt_toc=sdt_toc, in_toc=sdt_toc or _in_toc(walker), page_break=page_break)
    acc.figures = _in_figures(walker)
    acc.touched_toc, acc.touched_figures = acc.in_toc, acc.figures
    _walk(p, walker, acc, style)
    raw = "".join(acc.parts)
    para = Para(number, _clean(raw), style, where, outline, num)
    if acc.parts and not acc.touched_toc and where == "body" and (style.toc or acc.links or "\t" in raw):
        para.entry = _typed_entry(raw, acc, style)
    para.toc_region = acc.touched_toc or acc.touched_figures
    para.figures = acc.touched_figures and not acc.touched_toc
    if acc.touched_toc:
        para.toc = acc.toc
        para.anchor = acc.anchor
    para.links = tuple(acc.links) if acc.links else ()
    para.media = acc.media
    para.hidden = not acc.visible and (mark_hidden or style.hidden or acc.text_seen)
    para.deleted = deleted
    para.page_break = acc.page_break
    para.rendered_break = acc.rendered_break
    para.mark = dominant_mark(acc.lang, acc.lang_chars, acc.langs, para.text)
    _marks(p, para)
    return para


def _walk(el: Any, walker: Walker, acc: _Acc, style: Style) -> None:
    for child in el:
        t = child.tag
        if t == R:
            _run(child, walker, acc, style)
        elif t in _SKIP or not isinstance(t, str):
            continue
        elif t == _HYPERLINK:
            outer = acc.link
            # with r:id the link goes to another document, and w:anchor is a place in it
            anchor = attr(child, "anchor") if child.get(_RID) is None else None
            acc.link = anchor or outer
            if anchor and not (acc.in_toc or acc.figures) and anchor not in acc.links:
                acc.links.append(anchor)
            _walk(child, walker, acc, style)
            acc.link = outer
        elif t == _FLDSIMPLE:
            f = Field([attr(child, "instr") or ""], True)
            f.settle()
            _open(walker, acc, f)
            _walk(child, walker, acc, style)
            _close(walker, acc)
        elif t == _ALTERNATE:
            choice = next((c for c in child if c.tag != _FALLBACK), None)  # one rendering, not both
            if choice is not None:
                _walk(choice, walker, acc, style)
        elif t in (_BOOKMARK, _CSTART, _CEND):
            continue  # read by _marks
        else:
            _walk(child, walker, acc, style)  # ins, moveTo, smartTag, customXml, sdt, dir, bdo, ...


def _run(r: Any, walker: Walker, acc: _Acc, style: Style) -> None:
    hidden = style.hidden
    lang = style.lang
    for child in r:
        t = child.tag
        if t == _T:
            text = child.text
            if text:
                acc.text_seen = True
                if hidden:
                    continue
                if walker.fields or acc.in_toc or acc.figures:
                    _emit(walker, acc, text, lang)
                elif acc.link is None:  # plain text outside fields and links: most runs, without the call
                    acc.parts.append(text)
                    if lang is acc.lang:
                        acc.lang_chars += len(text)
                    else:
                        _other_lang(acc, lang, text)
                    acc.visible = acc.visible or not text.isspace()
                else:
                    _emit(walker, acc, text, lang)
        elif t == RPR:  # the first child, by the schema: it applies to what follows
            hidden, lang = run_properties(child, walker.styles, hidden, lang)
        elif t in _MEDIA:
            acc.media = True
        elif t in (_TAB, _PTAB):
            if not hidden:
                _emit(walker, acc, "\t", None)
        elif t == _BR:
            if attr(child, "type") in ("page", "column"):
                acc.page_break = True
            elif not hidden:
                _emit(walker, acc, " ", None)
        elif t == _CR:
            if not hidden:
                _emit(walker, acc, " ", None)
        elif t == _NBH:
            if not hidden:
                _emit(walker, acc, "-", lang)
        elif t == _FLDCHAR:
            kind = attr(child, "fldCharType")
            if kind == "begin":
                walker.fields.append(Field())
            elif kind == "separate" and walker.fields:
                top = walker.fields[-1]
                if not top.result:
                    top.settle()
                    top.result = True
                    _opened(walker, acc, top)
            elif kind == "end" and walker.fields:
                top = walker.fields[-1]
                if not top.result:
                    top.settle()
                _close(walker, acc)
        elif t == _INSTR:
            if walker.fields and not walker.fields[-1].result:
                walker.fields[-1].instr.append(child.text or "")
        elif t == _RENDERED:
            if not acc.parts:
                acc.rendered_break = True
        elif t == _ALTERNATE:
            choice = next((c for c in child if c.tag != _FALLBACK), None)
            if choice is not None:
                for inner in choice:
                    if inner.tag == R:
                        _run(inner, walker, acc, style)


def _typed_entry(raw: str, acc: _Acc, style: Style) -> tuple[str, str | None, str | None] | None:
    """A paragraph that reads as a contents entry typed or converted outside a TOC field: a TOC 1…9
    paragraph, text that is one hyperlink to a bookmark, or a title with a tab and a page number."""
    title, page = split_entry([(raw, False)])
    anchor = acc.links[0] if len(acc.links) == 1 and acc.linked >= 0.8 * len(raw.strip()) else None
    if style.toc is None and anchor is None and page is None:
        return None
    return (title, page, anchor) if title else None


def _emit(walker: Walker, acc: _Acc, text: str, lang: Lang | None) -> None:
    fields = walker.fields
    if fields and not fields[-1].result:
        return  # between begin and separate only the instruction is written
    if text.strip():
        acc.visible = True
    if acc.in_toc or acc.figures:
        page = any(f.kind == "PAGEREF" and f.result for f in fields)
        acc.toc.append((text, page))
        if acc.anchor is None:
            target = acc.link or next((f.bookmark for f in reversed(fields) if f.bookmark), None)
            acc.anchor = target
        return
    acc.parts.append(text)
    if acc.link is not None:
        acc.linked += len(text.strip())
    if lang is not None:
        if lang is acc.lang:
            acc.lang_chars += len(text)
        else:
            _other_lang(acc, lang, text)


def _open(walker: Walker, acc: _Acc, f: Field) -> None:
    walker.fields.append(f)
    _opened(walker, acc, f)


def _opened(walker: Walker, acc: _Acc, f: Field) -> None:
    """A field's result begins: a TOC field's result is the contents."""
    if f.kind in ("REF", "PAGEREF") and f.bookmark and not (acc.in_toc or acc.figures):
        acc.links.append(f.bookmark)  # a cross-reference: a missing bookmark is an error in Word
    if f.kind != "TOC":
        return
    switches = toc_switches("".join(f.instr))
    if switches is None:
        return
    f.toc = switches
    walker.tocs.append(switches)
    if switches.figures:
        acc.figures = acc.touched_figures = True
    else:
        acc.in_toc = acc.touched_toc = True


def _close(walker: Walker, acc: _Acc) -> None:
    if walker.fields:
        walker.fields.pop()
    # what follows a contents field's end in the same paragraph is text again
    acc.in_toc = acc.sdt_toc or _in_toc(walker)
    acc.figures = _in_figures(walker)


def _in_toc(walker: Walker) -> bool:
    return any(f.toc is not None and not f.toc.figures for f in walker.fields)


def _in_figures(walker: Walker) -> bool:
    return any(f.toc is not None and f.toc.figures for f in walker.fields)


def _marks(p: Any, para: Para) -> None:
    """Bookmarks, comment ranges and note references anywhere in the paragraph (cheap: C-level iter)."""
    for el in p.iter(_BOOKMARK, _CSTART, _CEND, _FOOTREF, _ENDREF, _CREF):
        t = el.tag
        if t == _BOOKMARK:
            name = attr(el, "name")
            if name:
                para.bookmarks += (name,)
        elif t in (_CSTART, _CREF):
            cid = attr(el, "id")
            if cid is not None and cid not in para.comment_starts:
                para.comment_starts += (cid,)
        elif t == _CEND:
            cid = attr(el, "id")
            if cid is not None:
                para.comment_ends += (cid,)
        elif not _deleted(el):
            para.notes += (("footnote" if t == _FOOTREF else "endnote", attr(el, "id") or ""),)


def _deleted(el: Any) -> bool:
    parent = el.getparent()
    while parent is not None and parent.tag != P:
        if parent.tag in (_DEL, _MOVEFROM, _FALLBACK):
            return True
        parent = parent.getparent()
    return False


def _other_lang(acc: _Acc, lang: Lang, text: str) -> None:
    if acc.lang is None:
        acc.lang, acc.lang_chars = lang, len(text)
    elif acc.langs is None:
        acc.langs = [(lang, text)]
    else:
        acc.langs.append((lang, text))


def _clean(text: str) -> str:
    return text.replace("\t", " ").replace("\u00a0", " ").strip() if text else ""


def _int(text: str | None) -> int | None:
    try:
        return int(text) if text is not None else None
    except ValueError:
        return None
