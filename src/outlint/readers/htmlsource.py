"""Where HTML elements are in the source, what is page chrome, and which block is the contents."""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from typing import Any

from lxml import etree  # type: ignore[import-untyped]  # lxml ships no type hints

from outlint.model import Span, TocEntry
from outlint.readers import markup

_IMPLICIT = {"html", "head", "body", "tbody"}  # the parser may make these up
_RAW_TEXT = {"script": "</script", "style": "</style", "textarea": "</textarea", "title": "</title"}
_LINE_CAP = 65535  # lxml's HTML parser stops counting lines here
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}

CHROME_TAGS = {
    "script",
    "style",
    "noscript",
    "template",
    "svg",
    "math",
    "head",
    "nav",
    "aside",
    "form",
    "button",
    "select",
    "textarea",
    "iframe",
    "object",
    "canvas",
    "video",
    "audio",
    "map",
    "dialog",
    "title",
}
_CHROME_ROLES = {
    "navigation",
    "banner",
    "contentinfo",
    "search",
    "complementary",
    "doc-toc",
    "menu",
    "menubar",
    "toolbar",
    "tablist",
    "dialog",
}
_CHROME_CLASSES = {
    "sphinxsidebar",
    "sphinxsidebarwrapper",
    "related",
    "footer",
    "headerlink",
    "navbar",
    "breadcrumbs",
    "breadcrumb",
    "wy-nav-side",
    "toc",
    "contents",
    "localtoc",
    "table-of-contents",
    "skip-link",
    "sr-only",
    "visually-hidden",
    "navheader",
    "navfooter",
    "md-sidebar",
    "sidebar-tree",
    "edit-this-page",
    "copybutton",
    "header",
    "nav-panel",
    "author",
    "authorgroup",
    "corpauthor",
    "editor",
    "othercredit",
}
_TOC_CLASSES = {"toc", "contents", "table-of-contents", "toctree-wrapper", "localtoc"}
_LISTS = {"ul", "ol", "dl", "menu"}
# navigation that is no contents: a sidebar index (rustdoc sorts it by name), menus, breadcrumbs
_SITE_NAV = {"sidebar", "navbar", "menu", "breadcrumb", "breadcrumbs", "pagination", "site-nav", "topbar"}


@dataclass(frozen=True, slots=True)
class Source:
    """The HTML text, its line starts and the offset of each element's start tag."""

    text: str
    starts: list[int]
    offsets: dict[Any, int]

    def position(self, offset: int) -> tuple[int, int]:
        return markup.position(self.starts, offset)

    def line_text(self, line: int) -> str:
        start = self.starts[line - 1] if 0 < line <= len(self.starts) else len(self.text)
        end = self.starts[line] if line < len(self.starts) else len(self.text)
        return self.text[start:end].rstrip("\r\n")

    def start_of(self, el: Any) -> tuple[int, int]:
        """(line, column) of an element's start tag; its parser line when the tag was not found."""
        offset = self.offsets.get(el)
        if offset is None:
            return (el.sourceline or 1), 1
        return self.position(offset)

    def after_start(self, el: Any) -> int | None:
        """Offset just after an element's start tag: where its text begins."""
        offset = self.offsets.get(el)
        if offset is None:
            return None
        end = self.text.find(">", offset)
        return end + 1 if end >= 0 else None

    def after_end(self, el: Any, tag: str) -> int | None:
        """Offset just after an element's end tag: where its tail text begins."""
        if tag in _VOID:
            return self.after_start(el)
        last = None
        for node in el.iter():
            last = self.offsets.get(node, last)
        if last is None:
            return None
        close = self.text.find(f"</{tag}", last)
        if close < 0:
            close = self.text.lower().find(f"</{tag}", last)
        end = self.text.find(">", close) if close >= 0 else -1
        return end + 1 if end >= 0 else None

    def span(self, el: Any, tag: str) -> Span:
        line, col = self.start_of(el)
        end = self.after_end(el, tag)
        end_line = self.position(max(end - 1, 0))[0] if end is not None else line
        return Span(line, col, end_line, max(1, len(self.line_text(end_line).rstrip())))


def local(el: Any) -> str:
    tag = el.tag
    if not isinstance(tag, str):
        return ""
    return tag.rsplit("}", 1)[-1].lower() if tag[:1] == "{" else tag.lower()


def positions(root: Any, text: str, starts: list[int]) -> dict[Any, int]:
    """Offset of each element's start tag (and of each comment), found in document order."""
    out: dict[Any, int] = {}
    cursor = 0
    patterns: dict[str, re.Pattern[str]] = {}
    for el in root.iter():
        if isinstance(el.tag, str):
            tag = local(el)
        elif el.tag is etree.Comment:
            tag = "!--"
        else:
            continue
        if tag in _IMPLICIT:
            continue
        pat = patterns.get(tag)
        if pat is None:
            name = re.escape(tag)
            pat = re.compile("<!--" if tag == "!--" else rf"<(?:[\w-]+:)?{name}(?=[\s/>])", re.IGNORECASE)
            patterns[tag] = pat
        line = el.sourceline or 0
        known = 0 < line < _LINE_CAP and line <= len(starts)
        m = pat.search(text, max(cursor, starts[line - 1]) if known else cursor)
        if known and (m is None or markup.position(starts, m.start())[0] > line):
            # the start tag spans lines (lxml gives the line where it ends): look back from there
            back = text.rfind("<", cursor, starts[line - 1] + 1)
            while back >= cursor and not pat.match(text, back):
                back = text.rfind("<", cursor, back)
            m = pat.match(text, back) if back >= cursor else None
        if m is None:
            continue  # made up by the parser: no source position
        out[el] = m.start()
        cursor = m.end()
        if tag == "!--":
            end = text.find("-->", cursor)
            cursor = end + 3 if end >= 0 else cursor
        elif tag in _RAW_TEXT:
            end = text.lower().find(_RAW_TEXT[tag], cursor) if tag != "title" else text.find("</", cursor)
            cursor = end if end >= 0 else cursor
    return out


def is_chrome(el: Any, tag: str, scope: Any) -> bool:
    """Navigation, page furniture and non-text elements: never headings or body text."""
    if tag in CHROME_TAGS or el.get("hidden") is not None or el.get("aria-hidden") == "true":
        return True
    if el.get("role") in _CHROME_ROLES:
        return True
    classes = el.get("class")
    if classes and not _CHROME_CLASSES.isdisjoint(classes.lower().split()):  # old DocBook writes CLASS="AUTHOR"
        return True
    if tag in ("header", "footer"):
        node = el.getparent()
        while node is not None and node is not scope:
            if local(node) in ("article", "section", "main"):
                return False
            node = node.getparent()
        return True
    return False


_PERMALINKS = {"headerlink", "anchor", "anchorjs-link", "header-anchor", "hash-link", "anchor-link", "permalink"}


def text_of(el: Any) -> str:
    """Visible text of an element, without permalink marks (``¶``, ``§``), buttons and scripts."""
    parts: list[str] = []

    def visit(node: Any) -> None:
        if isinstance(node.tag, str):
            tag = local(node)
            classes = node.get("class")
            if (tag in CHROME_TAGS and tag != "nav") or (classes and not _PERMALINKS.isdisjoint(classes.split())):
                return
            if node.text:
                parts.append(node.text)
            for child in node:
                visit(child)
                if child.tail:
                    parts.append(child.tail)

    visit(el)
    return " ".join("".join(parts).split())


def in_page(href: str, path: str) -> str | None:
    """The ``#fragment`` of a link to this same page (``#x``, or ``page.html#x`` naming this file
    relative to it), or None."""
    if "#" not in href:
        return None
    page, fragment = href.split("#", 1)
    page = page.split("?", 1)[0]
    if page:
        if ":" in page or page.startswith("/"):
            return None  # another site, or a path from a root outlint cannot know
        here = path.replace("\\", "/")
        if posixpath.normpath(posixpath.join(posixpath.dirname(here), page)) != posixpath.normpath(here):
            return None
    return "#" + fragment


def contents(root: Any, src: Source, path: str) -> tuple[Any, list[TocEntry], Span | None, Any]:
    """The contents block: its element, entries, span, and the heading above it when that heading is
    not inside it. Candidates by trust: ``[role=doc-toc]``; ``div.toc``, ``.contents``, ``#toc`` and
    the like (Sphinx, DocBook, pandoc); a list under a contents heading; a ``nav`` of in-page links."""
    candidates: list[tuple[int, int, Any, Any]] = []  # (trust, order, element, heading above it)
    for order, el in enumerate(root.iter()):
        tag = local(el)
        if not tag:
            continue
        classes = set((el.get("class") or "").split())
        ident = (el.get("id") or "").lower()
        if el.get("role") == "doc-toc" or el.get("{http://www.idpf.org/2007/ops}type") == "toc":
            candidates.append((0, order, el, None))
        elif classes & _TOC_CLASSES or ident in ("toc", "contents", "table-of-contents"):
            # docutils' "local" contents covers one section only: trust a page-wide block more
            candidates.append((3 if "local" in classes else 1, order, el, None))
        elif tag in (
            "h1",
            "h2",
            "h3",
            "h4",
            "h5",
            "h6",
            "p",
            "div",
            "summary",
            "b",
            "strong",
        ) and markup.is_contents_title(text_of(el)):
            box = el.getnext()
            while box is not None and not isinstance(box.tag, str):
                box = box.getnext()
            if box is not None and local(box) in _LISTS | {"div"}:
                candidates.append((2, order, box, el if tag.startswith("h") else None))
        elif tag == "nav" and not (classes | {ident}) & _SITE_NAV:
            candidates.append((3, order, el, None))  # last: site navigation often holds more than contents
    for _, _, box, heading in sorted(candidates, key=lambda c: (c[0], c[1])):
        heading = heading if heading is not None else _title_before(box)
        found = _entries(box, src, path)
        linked = [a for a in box.iter("a", "{*}a") if a.get("href")]
        if len(found) >= 2 and len(found) * 2 >= len(linked):
            first = src.start_of(box)
            last = found[-1].span
            return box, found, Span(first[0], first[1], last.line, last.end_column), heading
    return None, [], None, None


def _title_before(box: Any) -> Any:
    """A contents heading just before the block (texinfo's ``<h2>Table of Contents</h2>``)."""
    node = box.getprevious()
    while node is not None and (not isinstance(node.tag, str) or (local(node) == "span" and not text_of(node))):
        node = node.getprevious()
    if (
        node is not None
        and local(node) in ("h1", "h2", "h3", "h4", "h5", "h6")
        and markup.is_contents_title(text_of(node))
    ):
        return node
    return None


def _entries(box: Any, src: Source, path: str) -> list[TocEntry]:
    out: list[TocEntry] = []
    depths: list[int] = []
    for a in box.iter("a", "{*}a"):
        target = in_page(a.get("href") or "", path)
        title = text_of(a)
        if target is None or not title:
            continue
        depth = 0
        node = a.getparent()
        while node is not None and node is not box:
            if local(node) in _LISTS:
                depth += 1
            node = node.getparent()
        number, rest = markup.section_number(title)
        line, col = src.start_of(a)
        span = Span(line, col, line, max(col, len(src.line_text(line).rstrip())))
        out.append(TocEntry(depth, number, rest, target, span))
        depths.append(depth)
    base = min(depths, default=1)
    return [TocEntry(e.level - base + 1, e.number, e.title, e.target, e.span) for e in out]
