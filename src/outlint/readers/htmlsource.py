"""Where HTML elements are in the source, what is page chrome, and the visible text of an element."""

from __future__ import annotations

import posixpath
import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from lxml import etree  # type: ignore[import-untyped]  # lxml ships no type hints

from outlint.model import Span
from outlint.readers import markup

_IMPLICIT = {"html", "head", "body", "tbody"}  # the parser may make these up
_RAW_TEXT = frozenset({"script", "style", "textarea", "title"})
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


@dataclass(frozen=True, slots=True)
class Source:
    """The HTML text, its line starts, the offset of each element's start tag and, for each
    element with start tags found inside it, the offset of the last (where its end tag is searched
    from)."""

    text: str
    starts: Sequence[int]
    offsets: dict[Any, int]
    last_inside: dict[Any, int]

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of an offset (``markup.position``, one call fewer: it is asked for
        every text node)."""
        k = bisect_right(self.starts, offset) - 1
        return k + 1, offset - self.starts[k] + 1

    def line_width(self, line: int) -> int:
        """How long a line is without its trailing spaces."""
        starts = self.starts
        start = starts[line - 1] if 0 < line <= len(starts) else len(self.text)
        end = starts[line] if line < len(starts) else len(self.text)
        return len(self.text[start:end].rstrip())

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
        last = self.last_inside.get(el)
        if last is None:
            last = self.offsets.get(el)  # no start tag found inside: its own is the last
            if last is None:
                return None
        close = _end_tag(tag).search(self.text, last)
        end = self.text.find(">", close.start()) if close is not None else -1
        return end + 1 if end >= 0 else None

    def span(self, el: Any, tag: str) -> Span:
        line, col = self.start_of(el)
        end = self.after_end(el, tag)
        end_line = self.position(max(end - 1, 0))[0] if end is not None else line
        return Span(line, col, end_line, max(1, self.line_width(end_line)))


@lru_cache(maxsize=256)
def _end_tag(tag: str) -> re.Pattern[str]:
    return re.compile(rf"</{re.escape(tag)}", re.IGNORECASE)


@lru_cache(maxsize=256)
def _start_tag(tag: str) -> re.Pattern[str]:
    return re.compile("<!--" if tag == "!--" else rf"<(?:[\w-]+:)?{re.escape(tag)}(?=[\s/>])", re.IGNORECASE)


_LOCAL_NAMES: dict[str, str] = {}


def local(el: Any) -> str:
    """An element's tag name, lower-cased, without its namespace; "" for comments and PIs."""
    tag = el.tag
    if type(tag) is not str:
        return ""
    name = _LOCAL_NAMES.get(tag)
    if name is None:
        name = _LOCAL_NAMES[tag] = tag.rsplit("}", 1)[-1].lower() if tag[:1] == "{" else tag.lower()
    return name


def positions(
    root: Any, text: str, starts: Sequence[int], max_depth: int | None = None
) -> tuple[dict[Any, int], dict[Any, int]]:
    """Offset of each element's start tag (and of each comment), found in document order, and for
    each element the offset of the last start tag inside it (itself included)."""
    out: dict[Any, int] = {}
    last_inside: dict[Any, int] = {}
    cursor = 0
    latest = -1
    found_before: list[int] = []  # for each open element: how many start tags had been found at its start
    for event, el in etree.iterwalk(root, events=("start", "end", "comment")):
        if event == "end":
            if len(out) > found_before.pop() and out.get(el) != latest:
                last_inside[el] = latest
            continue
        if event == "start":
            found_before.append(len(out))
            if max_depth is not None and len(found_before) > max_depth:
                raise markup.too_deep("elements", len(found_before), max_depth)
        if isinstance(el.tag, str):
            tag = local(el)
        elif el.tag is etree.Comment:
            tag = "!--"
        else:
            continue
        if tag in _IMPLICIT:
            continue
        pat = _start_tag(tag)
        line = el.sourceline or 0
        known = 0 < line < _LINE_CAP and line <= len(starts)
        m = pat.search(text, max(cursor, starts[line - 1]) if known else cursor)
        if known and (m is None or (line < len(starts) and m.start() >= starts[line])):
            # the start tag spans lines (lxml gives the line where it ends): look back from there
            back = text.rfind("<", cursor, starts[line - 1] + 1)
            while back >= cursor and not pat.match(text, back):
                back = text.rfind("<", cursor, back)
            m = pat.match(text, back) if back >= cursor else None
        if m is None:
            continue  # made up by the parser: no source position
        out[el] = latest = m.start()
        cursor = m.end()
        if tag == "!--":
            end = text.find("-->", cursor)
            cursor = end + 3 if end >= 0 else cursor
        elif tag in _RAW_TEXT:
            close = _end_tag(tag).search(text, cursor) if tag != "title" else None
            end = close.start() if close is not None else text.find("</", cursor) if tag == "title" else -1
            cursor = end if end >= 0 else cursor
    return out, last_inside


def is_chrome(el: Any, tag: str, scope: Any, bare: bool = False) -> bool:
    """Navigation, page furniture and non-text elements: never headings or body text. ``bare``: the
    element has no attributes (most have none), so only its tag and place count."""
    if tag == "aside" and _in_section(el, scope):
        return False  # an aside inside a section is part of it (xml2rfc's <aside>, docutils' sidebar)
    if tag in CHROME_TAGS:
        return True
    if not bare:
        if el.get("hidden") is not None or el.get("aria-hidden") == "true" or el.get("role") in _CHROME_ROLES:
            return True
        classes = el.get("class")
        if classes and not _CHROME_CLASSES.isdisjoint(classes.lower().split()):  # old DocBook writes CLASS="AUTHOR"
            return True
    if tag in ("header", "footer"):
        return not _in_section(el, scope)
    return False


def _in_section(el: Any, scope: Any) -> bool:
    """Whether an element sits inside an article, section or main below ``scope``."""
    node = el.getparent()
    while node is not None and node is not scope:
        if local(node) in ("article", "section", "main"):
            return True
        node = node.getparent()
    return False


_PERMALINKS = {"headerlink", "anchor", "anchorjs-link", "header-anchor", "hash-link", "anchor-link", "permalink"}


def text_of(el: Any) -> str:
    """Visible text of an element, without permalink marks (``¶``, ``§``), buttons and scripts."""
    return _text(el, None) or ""


def short_text(el: Any, limit: int) -> str | None:
    """The visible text of an element when it is short (at most ``limit`` characters, read from at
    most ``limit`` nodes), else None: asking every block of a deep page whether it is a
    contents title must not read the page once per block."""
    return _text(el, limit)


def _text(el: Any, limit: int | None) -> str | None:
    parts: list[str] = []
    size = nodes = 0
    todo: list[Any] = [el]
    while todo:
        node = todo.pop()
        nodes += 1
        if isinstance(node, str):
            parts.append(node)
            size += len(node)
        elif isinstance(node.tag, str):
            tag = local(node)
            classes = node.get("class")
            if (tag in CHROME_TAGS and tag != "nav") or (classes and not _PERMALINKS.isdisjoint(classes.split())):
                continue
            if node.text:
                parts.append(node.text)
                size += len(node.text)
            for child in reversed(node):
                if child.tail:
                    todo.append(child.tail)
                todo.append(child)
        if limit is not None and (size > limit * 4 or nodes > limit):
            return None
    text = " ".join("".join(parts).split())
    return None if limit is not None and len(text) > limit else text


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
