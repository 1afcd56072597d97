"""Word (DOCX) reader on zipfile and lxml: headings by style and outline level, automatic numbering as
Word displays it, the TOC field's cached entries, notes, comments and ``w:lang`` marks.

A finding's ``line`` is the paragraph's number in the body (1-based, counting paragraphs in tables
and content controls, not those in text boxes, notes or comments): the document's text is its body
paragraphs one per line, so every rule, suppression and output format counts paragraphs.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Any

from outlint import outline
from outlint.model import Comment, Document, Gap, Heading, Number, Paragraph, Span, TocEntry
from outlint.readers import docxbody, docxnumbering, docxpart, docxruns, docxstyles
from outlint.readers.docxfields import TocSwitches, contents, toc_depth
from outlint.readers.docxnumbering import number_title
from outlint.readers.docxruns import Para, Walker

_MIN_GAP = 2  # empty paragraphs in a row that are more than spacing
_DIRECTIVE = re.compile(r"\s*outlint-disable(?P<codes>(?:\s[^\n]*)?)$", re.IGNORECASE)


def read(data: bytes, path: str, **options: Any) -> Document:
    """Read a DOCX from its bytes: no DTD, no entities, no network, within zip-bomb limits."""
    pkg = docxpart.open_package(data)
    del data
    styles = docxstyles.parse(_part(pkg, "styles"))
    lists = docxnumbering.parse(_part(pkg, "numbering"))
    main = docxpart.read_part(pkg, pkg.main)
    docxpart.check_xml(pkg.main, main)
    walker = Walker(styles)
    counter = docxnumbering.Counter(lists, styles)
    paras: list[Para] = []
    for para in docxbody.read(main, walker, options.get("max_depth")):
        _count(para, counter)
        paras.append(para)
    del main
    notes = _notes(pkg, styles)
    comments = _comments(pkg, styles)
    return _assemble(path, paras, walker.tocs, notes, comments, styles)


def _part(pkg: docxpart.Package, kind: str) -> Any | None:
    name = pkg.related.get(kind)
    return docxpart.xml(pkg, name) if name else None


def _count(para: Para, counter: docxnumbering.Counter) -> None:
    """The automatic number Word shows for a paragraph, counted in document order (hidden
    paragraphs count as in Word; deleted ones are gone)."""
    if para.deleted or para.where == "box":
        return
    num = para.num if para.num is not None else para.style.num
    if num is None:
        return
    num_id, ilvl = num
    if para.num is not None and ilvl is None and para.style.num is not None and para.style.num[0] == num_id:
        ilvl = para.style.num[1]
    found = counter.label(num_id, ilvl, para.style.id)
    if found is not None:
        para.label, para.bullet = found


def _notes(pkg: docxpart.Package, styles: docxstyles.Styles) -> dict[tuple[str, str], str]:
    """Footnote and endnote texts by (kind, id), separators left out."""
    out: dict[tuple[str, str], str] = {}
    for kind in ("footnote", "endnote"):
        root = _part(pkg, kind + "s")
        if root is None:
            continue
        for note in root.iter(docxpart.tag(kind)):
            if docxpart.attr(note, "type") in ("separator", "continuationSeparator", "continuationNotice"):
                continue
            text = " ".join(t for t in _texts(note, styles, kind) if t)
            out[(kind, docxpart.attr(note, "id") or "")] = text
    return out


def _comments(pkg: docxpart.Package, styles: docxstyles.Styles) -> dict[str, list[str]]:
    root = _part(pkg, "comments")
    if root is None:
        return {}
    return {
        docxpart.attr(c, "id") or "": list(_texts(c, styles, "comment")) for c in root.iter(docxpart.tag("comment"))
    }


def _texts(el: Any, styles: docxstyles.Styles, where: str) -> Iterable[str]:
    walker = Walker(styles)
    for p in el.iter(docxruns.P):
        yield docxruns.paragraph(p, walker, 0, where).text


@dataclass(slots=True)
class _Build:
    blocks: list[outline.Block]
    anchors: dict[str, Heading | None]
    lines: list[str]
    links: list[tuple[str, Span]]


def _assemble(
    path: str,
    paras: Sequence[Para],
    tocs: Sequence[TocSwitches],
    notes: dict[tuple[str, str], str],
    comments: dict[str, list[str]],
    styles: docxstyles.Styles,
) -> Document:
    switches = next((t for t in tocs if not t.figures), None)
    extra = switches.styles if switches else {}
    toc, toc_span = contents(paras, switches)
    lines = [""] * (max((p.number for p in paras), default=0))
    build = _Build([], {}, lines, [])
    empties: list[Para] = []
    for k, para in enumerate(paras):
        if para.where == "box":
            if para.text:
                build.blocks.append(Paragraph(para.text, _span(para.number, ""), "box", mark=para.mark))
            continue
        if para.toc_region:
            lines[para.number - 1] = _entry_line(para) or para.text
            _flush(empties, build, paras, k)
            for name in para.bookmarks:
                build.anchors.setdefault(name, None)  # an anchor, but no heading's
            continue
        lines[para.number - 1] = _line(para)
        if para.deleted or para.hidden:
            continue  # gone once the changes are accepted, or never shown
        if not para.text and para.media:
            _flush(empties, build, paras, k)  # a picture: content without text, as HTML images are
            build.blocks.append(Paragraph("", _span(para.number, ""), "html"))
            _marks(build, para, None)
            continue
        if not para.text:
            if para.where == "body":
                empties.append(para)
            _marks(build, para, None)
            continue
        _flush(empties, build, paras, k)
        level = _level(para, extra)
        if level is not None:
            heading = _heading(para, level, number_title(para.label, para.bullet, para.text))
            build.blocks.append(heading)
            _marks(build, para, heading)
        else:
            build.blocks.append(Paragraph(para.text, _span(para.number, para.text), _kind(para), mark=para.mark))
            _marks(build, para, None)
        for kind, nid in para.notes:
            text = notes.get((kind, nid))
            if text:
                build.blocks.append(Paragraph(text, _span(para.number, ""), "note"))
    return outline.build(
        path,
        "docx",
        "\n".join(lines),
        [_linked_level(e, build.anchors) for e in toc],
        build.blocks,
        toc_span=toc_span,
        comments=_directives(paras, comments),
        links=build.links,
        anchors=build.anchors,
        language=_language(paras, styles),
        toc_depth=toc_depth(switches),
    )


def _linked_level(entry: TocEntry, anchors: dict[str, Heading | None]) -> TocEntry:
    """An entry the document gives no level (no TOC style, no list level, no number) is at the
    level of the heading it links to: nothing says otherwise, so no level mismatch is made up."""
    if entry.level or entry.number is not None or not entry.target:
        return entry
    heading = anchors.get(entry.target[1:])
    return replace(entry, level=heading.level) if heading is not None else entry


def _span(number: int, text: str) -> Span:
    return Span(number, 1, number, max(len(text), 1))


def _line(para: Para) -> str:
    return f"{para.label} {para.text}" if para.label and not para.bullet and para.text else para.text


def _entry_line(para: Para) -> str:
    return " ".join("".join(t for t, _ in para.toc or ()).split())


def _level(para: Para, extra: dict[str, int]) -> int | None:
    """Heading level: the level the TOC field's ``\\t`` switch gives the paragraph's style (the author
    said where its headings belong in the contents), else the paragraph's own outline level, else
    its style's (outline level, built-in or localized name)."""
    if extra and para.style.name.lower() in extra and para.outline is None:
        return extra[para.style.name.lower()]
    if para.outline is not None:
        return para.outline + 1 if 0 <= para.outline <= 8 else None
    return para.style.level


def _heading(para: Para, level: int, number_title: tuple[Number | None, str]) -> Heading:
    number, title = number_title
    anchor = next((b for b in para.bookmarks if b.startswith("_Toc")), para.bookmarks[0] if para.bookmarks else None)
    how = f"docx:{para.style.name}" + (" auto-numbered" if number is not None and para.label else "")
    return Heading(level, number, title, _span(para.number, _line(para)), anchor, style=how)


def _marks(build: _Build, para: Para, heading: Heading | None) -> None:
    for name in para.bookmarks:
        if heading is not None or name not in build.anchors:
            build.anchors[name] = heading
    for target in para.links:
        build.links.append(("#" + target, _span(para.number, para.text)))


def _flush(empties: list[Para], build: _Build, paras: Sequence[Para], k: int) -> None:
    """Close a run of empty paragraphs: a Gap when it is more than spacing and no page layout (a page
    or section break in it or right after it, or a page Word's last layout started after it)."""
    if not empties:
        return
    run = list(empties)
    empties.clear()
    nxt = paras[k] if k < len(paras) else None
    layout = any(p.page_break or p.rendered_break for p in run) or (
        nxt is not None and ((nxt.page_break and not nxt.text) or nxt.rendered_break)
    )
    if len(run) >= _MIN_GAP and not layout:
        build.blocks.append(Gap(len(run), Span(run[0].number, 1, run[-1].number, 1)))


def _kind(para: Para) -> str:
    if para.where == "table":
        return "table"
    if para.style.kind != "prose":
        return para.style.kind
    if para.style.title:
        return "lines"  # Word's Title has no outline level: no heading, unless a TOC's \\t lists it
    return "list" if para.label is not None else "prose"


def _directives(paras: Sequence[Para], comments: dict[str, list[str]]) -> list[Comment]:
    """Word comments as suppression directives. A comment spans paragraphs: ``outlint-disable`` in it
    covers those paragraphs (as if ``outlint-enable`` followed where the comment ends); the other
    directives work as in Markdown and HTML."""
    if not comments:
        return []
    starts: dict[str, int] = {}
    ends: dict[str, int] = {}
    for para in paras:
        for cid in para.comment_starts:
            starts.setdefault(cid, para.number)
        for cid in para.comment_ends:
            ends[cid] = para.number
    out: list[tuple[int, int, int, Comment]] = []
    for order, (cid, texts) in enumerate(comments.items()):
        if cid not in starts:
            continue
        first = starts[cid]
        end = max(ends.get(cid, first), first)
        for text in texts:
            text = " ".join(text.split())
            if not text:
                continue
            out.append((first, 0, order, Comment(text, Span(first, 1, end, 1))))
            m = _DIRECTIVE.fullmatch(text)
            if m:
                out.append((end, 1, order, Comment(f"outlint-enable{m.group('codes')}", Span(end, 1, end, 1))))
    return [c for *_, c in sorted(out, key=lambda t: t[:3])]


def _language(paras: Sequence[Para], styles: docxstyles.Styles) -> str | None:
    """The language most of the text is marked with (``w:lang``), else the document's default."""
    weights: dict[str, int] = {}
    for para in paras:
        if para.mark and para.text:
            weights[para.mark] = weights.get(para.mark, 0) + len(para.text)
    if weights:
        return max(weights, key=lambda k: weights[k])
    return styles.lang.val
