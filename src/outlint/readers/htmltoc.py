"""The contents block of an HTML page: which element it is, and its entries, one per contents line."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from outlint import numbering
from outlint.model import Span, TocEntry
from outlint.readers import markup
from outlint.readers.htmlsource import Source, in_page, local, short_text, text_of

_TOC_CLASSES = {"toc", "contents", "table-of-contents", "toctree-wrapper", "localtoc"}
_LISTS = {"ul", "ol", "dl", "menu"}
# navigation that is no contents: a sidebar index (rustdoc sorts it by name), menus, breadcrumbs
_SITE_NAV = {"sidebar", "navbar", "menu", "breadcrumb", "breadcrumbs", "pagination", "site-nav", "topbar"}
_EPUB_TYPE = "{http://www.idpf.org/2007/ops}type"
# EPUB navigation that lists other things than sections: landmarks (cover, index), page breaks
_NOT_SECTIONS = {"landmarks", "page-list", "loi", "lot", "doc-pagelist", "doc-index"}
_TITLE_TAGS = {"h1", "h2", "h3", "h4", "h5", "h6", "p", "div", "summary", "b", "strong"}
_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
# elements that hold one line of a contents; links in one line make one entry
_LINES = {"li", "dt", "dd", "p", "td", "th", "tr", "div", "summary", *_HEADINGS}
_TITLE_LIMIT = 60  # a contents title is short; longer text is read no further


@dataclass(frozen=True, slots=True)
class Contents:
    """The contents block: its elements (a list, and lists that continue it under captions), its
    entries and span, and the heading above it when that heading is not inside it."""

    boxes: tuple[Any, ...]
    entries: list[TocEntry]
    span: Span | None
    heading: Any


NONE = Contents((), [], None, None)


def contents(root: Any, src: Source, path: str) -> Contents:
    """Candidates by trust: ``[role=doc-toc]`` and EPUB's ``toc`` nav; ``div.toc``, ``.contents``,
    ``#toc`` and the like (Sphinx, DocBook, pandoc); a list under a contents heading; a ``nav`` of
    in-page links. Landmarks and page lists are navigation, not contents."""
    candidates: list[tuple[int, int, tuple[Any, ...], Any]] = []  # (trust, order, elements, heading above)
    for order, el in enumerate(root.iter()):
        tag = local(el)
        if not tag:
            continue
        if el.keys():
            classes = set((el.get("class") or "").split())
            ident = (el.get("id") or "").lower()
            kinds = {*(el.get(_EPUB_TYPE) or "").split(), el.get("role") or ""}
        else:  # no attributes (most elements): what the lookups above would give
            classes, ident, kinds = set(), "", {""}
        if kinds & _NOT_SECTIONS:
            continue
        if "doc-toc" in kinds or "toc" in kinds:
            candidates.append((0, order, (el,), None))
        elif classes & _TOC_CLASSES or ident in ("toc", "contents", "table-of-contents"):
            # docutils' "local" contents covers one section only: trust a page-wide block more
            candidates.append((3 if "local" in classes else 1, order, (el,), None))
        elif tag in _TITLE_TAGS and _is_title(el):
            boxes = _lists_after(el)
            if boxes:
                candidates.append((2, order, boxes, el if tag in _HEADINGS else None))
        elif tag == "nav" and not (classes | {ident}) & _SITE_NAV:
            candidates.append((3, order, (el,), None))  # last: site navigation often holds more than contents
    for _, _, boxes, heading in sorted(candidates, key=lambda c: (c[0], c[1])):
        heading = heading if heading is not None else _title_before(boxes[0])
        found = entries(boxes, src, path)
        linked = [a for box in boxes for a in box.iter("a", "{*}a") if a.get("href")]
        if len(found) >= 2 and len(found) * 2 >= len(linked):
            first = src.start_of(boxes[0])
            last = found[-1].span
            return Contents(boxes, found, Span(first[0], first[1], last.line, last.end_column), heading)
    return NONE


def _is_title(el: Any) -> bool:
    head = el.text  # a new string at each reading of the attribute
    if head is not None and len(head) > 4 * _TITLE_LIMIT and len(head.strip()) > _TITLE_LIMIT:
        return False  # a paragraph of text: the common case, told at once
    text = short_text(el, _TITLE_LIMIT)
    return text is not None and markup.is_contents_title(text)


def _lists_after(title: Any) -> tuple[Any, ...]:
    """The list under a contents title, and the lists that continue it, each under a caption (Sphinx
    writes one list per toctree, each after a ``<p class="caption">``: "Appendix")."""
    out: list[Any] = []
    node = _next_element(title)
    if node is None or local(node) not in _LISTS | {"div"}:
        return ()
    while node is not None:
        if local(node) in _LISTS or (not out and local(node) == "div"):
            out.append(node)
        elif not _is_caption(node):
            break
        node = _next_element(node)
    return tuple(out)


def _caption(box: Any) -> str | None:
    """The caption right before a contents list, if any."""
    node = box.getprevious()
    while node is not None and not isinstance(node.tag, str):
        node = node.getprevious()
    return text_of(node) or None if node is not None and _is_caption(node) else None


def _next_element(node: Any) -> Any:
    node = node.getnext()
    while node is not None and not isinstance(node.tag, str):
        node = node.getnext()
    return node


def _is_caption(el: Any) -> bool:
    classes = (el.get("class") or "").split()
    return el.get("role") == "heading" or "caption" in classes


def _title_before(box: Any) -> Any:
    """A contents heading just before the block (texinfo's ``<h2>Table of Contents</h2>``)."""
    node = box.getprevious()
    while node is not None and (not isinstance(node.tag, str) or (local(node) == "span" and not text_of(node))):
        node = node.getprevious()
    if node is not None and local(node) in _HEADINGS and _is_title(node):
        return node
    return None


@dataclass(slots=True)
class _Link:
    """A link of the contents with where it sits: list depth and the line it is written on."""

    el: Any
    target: str
    title: str
    depth: int
    line: tuple[int, int]  # (id of the element holding the line, which <br>-separated part of it)
    group: str | None  # the caption of the list it is in


def entries(boxes: tuple[Any, ...], src: Source, path: str) -> list[TocEntry]:
    """One entry per contents line. A link to the top of the page (a "▲" back link) is no entry, and
    a link whose text is only a section number, followed on the same line by another link, is that
    entry's number: xml2rfc writes ``<a href="#section-1">1</a>. <a href="#name-intro">Intro</a>``."""
    links = [link for box in boxes for link in _links(box, path, _caption(box) if len(boxes) > 1 else None)]
    out: list[TocEntry] = []
    k = 0
    while k < len(links):
        link = links[k]
        number_only = _bare_number(link.title)
        nxt = links[k + 1] if k + 1 < len(links) else None
        if number_only is not None and nxt is not None and nxt.line == link.line and _bare_number(nxt.title) is None:
            title = f"{link.title}{_between(link.el, nxt.el)}{nxt.title}"
            out.append(_entry(link, title, nxt.target, src))
            k += 2
            continue
        out.append(_entry(link, link.title, link.target, src))
        k += 1
    base = min((e.level for e in out), default=1)
    return out if base == 1 else [replace(e, level=e.level - base + 1) for e in out]


def _entry(link: _Link, title: str, target: str, src: Source) -> TocEntry:
    number, rest = markup.section_number(" ".join(title.split()))
    line, col = src.start_of(link.el)
    span = Span(line, col, line, max(col, src.line_width(line)))
    return TocEntry(link.depth, number, rest, target, span, group=link.group)


def _bare_number(text: str) -> object | None:
    """The number, when a link's whole text is a section number ("1", "2.1", "Appendix A")."""
    text = text.strip()
    if text[:1].isdigit() and all(c.isdigit() or c == "." for c in text):
        return text
    parsed = numbering.parse(text)
    return parsed[0] if parsed is not None and not parsed[1].strip() else None


def _between(first: Any, second: Any) -> str:
    """The text written between two links of one line (". " in "1. Intro"), spaces kept."""
    if first.getnext() is second:
        return first.tail or " "
    return " "


def _links(box: Any, path: str, group: str | None) -> list[_Link]:
    """The box's in-page links in order, with their list depth and line, in one walk of the box."""
    out: list[_Link] = []
    breaks: dict[int, int] = {}
    todo: list[tuple[Any, int, int]] = [(box, 0, id(box))]  # (element, list depth, id of its line)
    while todo:
        el, depth, line = todo.pop()
        tag = local(el)
        if not tag:
            continue
        if tag == "br":
            breaks[line] = breaks.get(line, 0) + 1
            continue
        if tag == "a":
            target = in_page(el.get("href") or "", path)
            title = text_of(el)
            if target is not None and title and target not in ("#", "#top"):
                out.append(_Link(el, target, title, depth, (line, breaks.get(line, 0)), group))
            continue
        inner_depth = depth + (tag in _LISTS and el is not box)
        inner_line = id(el) if tag in _LINES and el is not box else line
        todo.extend((child, inner_depth, inner_line) for child in reversed(el))
    return out
