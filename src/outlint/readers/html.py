"""HTML/XHTML reader on lxml: headings, section anchors, body text, the contents block and links.

Nothing is ever fetched: no network, no DTD, no external entities. Body text comes from paragraphs,
list items and quotes; ``pre``, ``code``, scripts, navigation and page chrome are not prose. Text
the author marked with another ``lang`` than the page's is intentional and flagged as such.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from lxml import etree  # type: ignore[import-untyped]  # lxml ships no type hints

from outlint import outline
from outlint.model import Comment, Document, Heading, Paragraph, ReadError, Span, TocEntry
from outlint.readers import Owned, markup, take
from outlint.readers.decode import decode
from outlint.readers.htmlsource import Source, in_page, is_chrome, local, positions, text_of
from outlint.readers.htmltext import State, add, flush
from outlint.readers.htmltoc import contents

_XML_DECL = re.compile(r"\s*<\?xml[^>]*\?>")
_HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
_SECTIONING = {"section", "article"}
_KINDS = {"li": "list", "dd": "list", "dt": "list", "blockquote": "quote"}
_BLOCKS = {
    "aside",
    "p",
    "div",
    "li",
    "dd",
    "dt",
    "dl",
    "ul",
    "ol",
    "blockquote",
    "section",
    "article",
    "main",
    "header",
    "footer",
    "figure",
    "figcaption",
    "caption",
    "address",
    "details",
    "summary",
    "center",
    "body",
    "fieldset",
    "legend",
    "hgroup",
    "hr",
}
_INLINE_CODE = {"code", "kbd", "samp", "tt", "var"}
_EMPHASIS = {"em": "*", "i": "*", "cite": "*", "dfn": "*", "strong": "**", "b": "**"}
_MEDIA = {"img", "picture", "video", "audio", "svg", "iframe", "object", "embed", "canvas"}
_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_HREF = re.compile(r"\bhref\s*=\s*[\"']?", re.IGNORECASE)


def read(data: bytes | Owned, path: str, *, max_depth: int | None = None) -> Document:
    """Read an HTML or XHTML document from its bytes (no network, no entity expansion); a page whose
    elements nest deeper than ``max_depth`` is refused."""
    raw = take(data)  # bytes given as Owned have no other reference: they go once decoded
    text, encoding = decode(raw)
    del raw, data
    if text.startswith("\ufeff"):
        text = text[1:]
    page = _read_tree(text, path, max_depth)  # the tree is freed on return, before the outline is built
    if len(text) >= _LARGE:
        _give_back()
    return outline.build(
        path,
        "html",
        text,
        page.toc,
        page.blocks,
        toc_span=page.toc_span,
        comments=page.comments,
        links=page.links,
        anchors=page.anchors,
        language=page.language,
        encoding=encoding,
    )


@dataclass(frozen=True, slots=True)
class _Read:
    """What the page's tree gives the outline: nothing in it refers to the tree."""

    toc: list[TocEntry]
    toc_span: Span | None
    blocks: list[outline.Block]
    anchors: dict[str, Heading | None]
    comments: list[Comment]
    links: list[tuple[str, Span]]
    language: str | None


def _read_tree(text: str, path: str, max_depth: int | None) -> _Read:
    root = _tree(text, path)
    starts = markup.char_starts(text)  # an array: a list of a million ints weighs 36 bytes each
    src = Source(text, starts, *positions(root, text, starts, max_depth))
    found_toc = contents(root, src, path)
    boxes, toc, toc_span, toc_heading = found_toc.boxes, found_toc.entries, found_toc.span, found_toc.heading
    scope = _content_root(root)
    first_with = _first_with(root)
    st = State(src, _lang(root), frozenset(id(b) for b in boxes), first_with)
    st.anchors = dict.fromkeys(first_with)
    if next(scope.iter("h1", "{*}h1"), None) is not None:
        st.h1_base = _h1_base(scope)
    if toc_heading is not None:
        st.pending.extend((n, toc_heading) for n in _names(toc_heading))
    _walk(scope, st, scope, toc_heading)
    flush(st)
    markup.title_lines(st.blocks, st.anchors)
    blocks, anchors = markup.trust_numbers(st.blocks, st.anchors)
    toc = outline.outline_entries(toc, anchors, [b for b in blocks if isinstance(b, Heading)])
    in_toc = {id(a) for box in boxes for a in box.iter("a", "{*}a")}
    found = [(t, s) for t, s, a in _links(root, src, path) if id(a) not in in_toc]
    return _Read(toc, toc_span, blocks, anchors, list(_comments(root, src)), found, _lang(root))


_LARGE = 1 << 20  # characters: a page this long leaves enough freed memory to give back


def _give_back() -> None:
    """Hand the pages of the freed parse tree back to the system: glibc's malloc keeps freed memory
    below the last block still in use, so the rules would run beside the tree's ghost."""
    try:
        import ctypes  # only for large pages: the import costs start-up time

        ctypes.CDLL(None).malloc_trim(0)
    except (OSError, AttributeError, TypeError):  # not glibc: nothing to do
        pass


def _first_with(root: Any) -> dict[str, Any]:
    """Each fragment name with the first element that answers to it: where a browser goes."""
    first_with: dict[str, Any] = {}
    for el in root.iter(etree.Element):  # in document order; faster than libxml2's XPath for the same
        if el.get("id") is not None or el.get("name") is not None:
            for name in _names(el):
                first_with.setdefault(name, el)
    return first_with


def _names(el: Any) -> list[str]:
    """The fragment names an element answers to: its id, and name on <a> only (the HTML standard's
    rule for the indicated part of a document)."""
    ident = el.get("id")
    name = el.get("name") if local(el) == "a" else None
    return [n for n in (ident, name if name != ident else None) if n]


def _tree(text: str, path: str) -> Any:
    """The element tree: XHTML (an XML declaration, or .xhtml) as XML when well-formed, else HTML."""
    decl = _XML_DECL.match(text)
    if decl or path.lower().endswith(".xhtml"):
        parser = etree.XMLParser(
            resolve_entities=False,
            no_network=True,
            load_dtd=False,
            huge_tree=True,
            remove_comments=False,
            remove_pis=True,
        )
        # the declaration is blanked, not removed: lines and columns stay those of the file
        body = " " * len(decl.group()) + text[decl.end() :] if decl else text
        try:
            return etree.fromstring(body.encode("utf-8"), parser)
        except etree.XMLSyntaxError:
            text = body  # HTML entities without a DTD, or tag soup: read it as HTML
    parser = etree.HTMLParser(no_network=True, huge_tree=True, remove_comments=False, remove_pis=True)
    try:
        root = etree.fromstring(text, parser)
    except (etree.XMLSyntaxError, ValueError) as exc:
        raise ReadError(f"not HTML: {exc}") from None
    if root is None:
        raise ReadError("not HTML: no elements")
    return root


def _content_root(root: Any) -> Any:
    """Where the document's own text is: ``main``, ``[role=main]``, Sphinx's ``div.body``, a lone
    ``article``; else ``body``."""
    body = None
    articles = []
    for el in root.iter():
        tag = local(el)
        if tag == "main" or el.get("role") == "main":
            return el
        if tag == "div" and "body" in (el.get("class") or "").split():
            return el
        if tag == "article":
            articles.append(el)
        elif tag == "body" and body is None:
            body = el
    if len(articles) == 1:
        return articles[0]
    return body if body is not None else root


def _lang(el: Any) -> str | None:
    value = el.get("lang") or el.get(_XML_LANG)
    return value.strip().lower() if value else None


def _h1_base(scope: Any) -> int:
    """The fewest ``section``/``article`` elements (below ``scope``) around an ``h1`` under ``scope``.
    Each element's count is kept, so that going up from one ``h1`` stops where another went."""
    counts: dict[Any, int] = {scope: 0}  # an element -> sectioning elements it is or is in
    least: int | None = None
    for h1 in scope.iter("h1", "H1", "{*}h1", "{*}H1"):  # every case local() reads as "h1"
        if h1 is scope:
            continue
        path = []
        node = h1.getparent()
        while node not in counts:
            path.append(node)
            node = node.getparent()
        count = counts[node]
        for above in reversed(path):
            count += local(above) in _SECTIONING
            counts[above] = count
        depth = counts[h1.getparent()]
        least = depth if least is None else min(least, depth)
    return least or 0


@dataclass(slots=True)
class _Frame:
    """An element whose children the walk is in: what to do once they are done."""

    el: Any
    kind: str
    lang: str | None
    depth: int  # sectioning elements around the children
    mark: str
    block: bool
    ident: tuple[str, Any] | None
    aside: bool = False


def _walk(scope: Any, st: State, root: Any, toc_heading: Any) -> None:
    """Turn the content under ``scope`` into blocks, element by element in document order; an
    explicit stack instead of recursion, so that no nesting depth is too deep. The stack holds one
    iterator over the children of each open element, not the children themselves: a flat page has
    tens of thousands of elements in its body."""
    top = _enter(scope, st, "prose", st.base_lang, 0, root, toc_heading)
    if top is None:
        return
    stack: list[tuple[_Frame, Iterator[Any]]] = [(top, iter(scope))]
    while stack:
        frame, children = stack[-1]
        child = next(children, None)
        if child is None:  # the element is done: then the text after it, in its parent
            stack.pop()
            _leave(st, frame)
            if stack:
                _tail(st, frame.el, stack[-1][0])
            continue
        if isinstance(child.tag, str):
            inner = _enter(child, st, frame.kind, frame.lang, frame.depth, root, toc_heading)
            if inner is not None:
                stack.append((inner, iter(child)))
                continue
        _tail(st, child, frame)


def _tail(st: State, el: Any, parent: _Frame) -> None:
    """The text after an element (or comment), read as part of its parent."""
    if el.tail and el.tail.strip():
        add(st, el.tail, st.src.after_end(el, local(el) or "!--"), parent.kind, parent.lang)
    elif el.tail:
        st.space = True


def _enter(el: Any, st: State, kind: str, lang: str | None, depth: int, scope: Any, toc_heading: Any) -> _Frame | None:
    """Read an element's own start; the frame to finish it with once its children are read, or
    None when it is read whole (a heading, a table, code) or skipped (chrome)."""
    tag = local(el)
    if tag in _MEDIA:
        st.media = True  # a figure is the body of its section, even where its markup is not read
    bare = not el.keys()  # no attributes (most elements): no lang, id or class to read
    if not tag or id(el) in st.skip or (el is not scope and is_chrome(el, tag, scope, bare)):
        return None
    own = None if bare else _lang(el)
    if own and own != lang and tag not in _BLOCKS and tag not in _HEADINGS:
        return None  # a phrase the author marked as another language: intentional
    lang = own or lang
    names = [] if bare else _names(el)
    if tag in _HEADINGS and st.asides:
        flush(st)  # the title of an aside: text of the section it sits in
        add(st, text_of(el), st.src.after_start(el), kind, lang)
        flush(st)
        return None
    if tag in _HEADINGS:
        _heading(el, tag, st, lang, depth, toc_heading, names)
        return None
    if tag == "pre" or tag == "table":
        flush(st)
        text = text_of(el) if tag == "table" else "".join(el.itertext())
        st.blocks.append(Paragraph(text, st.src.span(el, tag), "code" if tag == "pre" else "table"))
        st.pending.clear()
        return None
    if tag in _INLINE_CODE:
        add(st, f"`{' '.join(''.join(el.itertext()).split())}`", st.src.after_start(el), kind, lang)
        return None
    # Emphasis is kept as Markdown marks (``*cdll*``): like the marks in Markdown source, they keep
    # emphasised identifiers and terms from passing for the start of a sentence.
    mark = _EMPHASIS.get(tag, "")
    if mark and st.first is not None and not st.space:
        mark = ""  # emphasis inside a word: marks would split it
    block = tag in _BLOCKS
    if block:
        flush(st)
        kind = _KINDS.get(tag, kind)
    ident = (names[0], el) if names else None
    if names:
        opened = st.sections if tag in _SECTIONING or tag == "div" else st.pending
        opened.extend((n, el) for n in names)
    if mark:
        add(st, mark, st.src.after_start(el), kind, lang)
    if el.text:
        add(st, el.text, st.src.after_start(el), kind, lang)
    aside = tag == "aside" or (not bare and _notes(el))  # footnotes: their headings are no sections
    st.asides += aside
    return _Frame(el, kind, lang, depth + (tag in _SECTIONING and el is not scope), mark, block, ident, aside)


# The block that gathers a page's footnotes: makeinfo's ``div.footnote``, DocBook's
# ``div.footnotes``, pandoc's ``section.footnotes`` (``role="doc-endnotes"``), docutils' footnote
# lists. Generators give it and each note's mark a heading of a fixed level (makeinfo: ``h4``
# "Footnotes", ``h5`` "(2)"), whatever the level of the section it closes.
_NOTES_CLASSES = frozenset({"footnote", "footnotes", "footnotes-segment", "footnote-list"})
_NOTES_ROLES = frozenset({"doc-endnotes", "doc-footnote"})


def _notes(el: Any) -> bool:
    classes = el.get("class")
    if classes and not _NOTES_CLASSES.isdisjoint(classes.lower().split()):
        return True
    return el.get("role") in _NOTES_ROLES


def _leave(st: State, frame: _Frame) -> None:
    st.asides -= frame.aside
    if frame.mark and st.first is not None:
        add(st, frame.mark, None, frame.kind, frame.lang)
    if frame.block:
        flush(st)
    if frame.ident is not None:
        el = frame.ident[1]
        st.sections = [(n, e) for n, e in st.sections if e is not el]  # closed before any heading


def _heading(el: Any, tag: str, st: State, lang: str | None, depth: int, toc_heading: Any, names: list[str]) -> None:
    flush(st)
    title = text_of(el)
    # a section's id leads to its first heading, whatever comes before it (rustdoc's "Source"
    # link); an empty anchor only to a heading that follows it at once. Browsers go to the first
    # element with an id: a later duplicate does not move the anchor.
    found = [*((n, el) for n in names), *_inner_ids(el), *st.pending, *st.sections]
    st.pending.clear()
    st.sections.clear()
    if el is toc_heading or not title:
        return
    level = _HEADINGS[tag]
    if level == 1:
        level += max(0, depth - st.h1_base)  # HTML5 sections of h1 headings
    number, rest = markup.section_number(title)
    h = Heading(
        level,
        number,
        rest,
        st.src.span(el, tag),
        anchor=found[0][0] if found else None,
        lang=lang if lang != st.base_lang else None,
        style="html code" if _signature(el) else "html elsewhere" if _elsewhere(el, title) else "html",
    )
    st.blocks.append(h)
    for name, owner in found:
        if st.first_with.get(name) is owner:
            st.anchors[name] = h


def _signature(el: Any) -> bool:
    """Whether a heading is an item's code signature in an API reference: rustdoc heads each
    item and each trait implementation with one (``<h3 class="code-header">impl UnwindSafe for
    Abi</h3>``), and a marker trait's implementation has nothing under it to document."""
    classes = el.get("class")
    return bool(classes) and "code-header" in classes.split()


def _elsewhere(el: Any, title: str) -> bool:
    """Whether a heading is a link to another page and nothing more (mdBook's index heads each
    chapter it points to with ``<h3><a href="statements.html">Statements</a></h3>``)."""
    # a link to a place in another page is a way back, as texi2html links each heading to its
    # contents entry: the section is here, and may be empty
    away = [a for a in el.iter("a", "{*}a") if "#" not in (a.get("href") or "#")]
    return len(away) == 1 and text_of(away[0]).strip() == title.strip()


def _inner_ids(el: Any) -> Iterator[tuple[str, Any]]:
    for node in el.iterdescendants():
        if isinstance(node.tag, str):
            for name in _names(node):
                yield name, node


def _links(root: Any, src: Source, path: str) -> Iterator[tuple[str, Span, Any]]:
    """In-page links, each located at the value of its ``href`` (at the ``<a`` when not found)."""
    for a in root.iter("a", "{*}a"):
        href = a.get("href") or ""
        target = in_page(href, path)
        if target is None:
            continue
        start = src.offsets.get(a)
        m = _HREF.search(src.text, start, src.text.find(">", start) + 1) if start is not None else None
        line, col = src.position(m.end()) if m else src.start_of(a)
        yield target, Span(line, col, line, col + len(href) - 1), a


def _comments(root: Any, src: Source) -> Iterator[Comment]:
    for el in root.iter(etree.Comment):
        start = src.offsets.get(el)
        if start is None:
            continue
        end = src.text.find("-->", start)
        line, col = src.position(start)
        end_line, end_col = src.position(end + 2 if end >= 0 else start)
        yield Comment((el.text or "").strip(), Span(line, col, end_line, end_col))
