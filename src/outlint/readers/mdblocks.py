"""Markdown blocks and their inline content from one pass over pulldown-cmark's events (pyromark).

This module is the one place that knows the parser: it turns the event stream into flat records
with source lines and, for paragraphs, headings and tables, their inline pieces with byte ranges.
Swapping the parser means rewriting this module only.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import pyromark

from outlint.readers import markup, mdinline
from outlint.readers.markup import TextLines
from outlint.readers.mdinline import Link, Piece, Source
from outlint.readers.mdsplit import chunks, front_matter

_LONE_CR = re.compile(r"\r(?!\n)")
_OPTIONS = pyromark.Options.ENABLE_TABLES  # CommonMark and tables, as the reader has always read
_INLINE_CONTAINERS = {"Emphasis", "Strong", "Strikethrough", "Superscript", "Subscript"}


@dataclass(slots=True)
class Rec:
    """One block as the event walk meets it: 0-based ``start``, ``end`` lines (end exclusive)."""

    kind: str  # heading, para, code, table, html, gap
    start: int
    end: int
    content: str = ""  # inline source (heading), code, table cells, raw HTML; see ``source()`` for a paragraph
    level: int = 0  # heading level; list depth for paragraphs
    container: str = "prose"  # prose, list or quote for paragraphs; quote for a heading in a block quote
    item: bool = False  # first paragraph of a list item
    top: int = 0  # which top-level block it belongs to
    setext: bool = False
    inline: list[Piece] = field(default_factory=list)
    offset: int = 0  # byte offset in ``Source.raw`` where the block's content starts
    stop: int = 0  # byte offset where it ends
    # read from the pieces when a paragraph or table ends, and the pieces let go (headings keep them)
    text: str = ""  # readable text, origin map, and whether it has text of its own (see mdinline.plain)
    origin: tuple[tuple[int, int, int], ...] = ()
    own: bool = False
    links: Sequence[Link] = ()  # shared empty tuples by default: a long document has many blocks
    html: Sequence[Piece] = ()  # raw inline HTML
    code: bool = False  # has a code span
    shown: str | None = None  # for an unlinked list item: its text as a title
    column: int = 0  # 1-based column of ``offset`` when the walk has it already (0: not known)


@dataclass(frozen=True, slots=True)
class Ref:
    """A link reference definition: its destination and the 0-based line it starts on."""

    href: str
    line: int


def parse(text: str, lines: Sequence[str], max_depth: int | None = None) -> tuple[list[Rec], dict[str, Ref], Source]:
    """The blocks of a document in order, its link reference definitions by normalized label, and
    the source they point into."""
    front = front_matter(lines)
    body = text if not front else "\n".join(lines[front:])
    if "\r" in body:  # the parser misreads lone CR line ends (a fence's info string keeps it): same length
        body = _LONE_CR.sub("\n", body)
    same = front == 0 and isinstance(lines, TextLines) and lines.text is body
    src = Source.of(body, front, lines.starts if same and isinstance(lines, TextLines) else None)
    runs = [(_offset(src, first), _offset(src, last), src.bytes[first - front]) for first, last in chunks(lines, front)]
    refs: dict[str, Ref] = {}
    for start, end, base in runs:  # definitions first: a link may use one defined further on
        for label, d in pyromark.reference_definitions(body[start:end], options=_OPTIONS).items():
            refs.setdefault(normalize_label(label), Ref(d["dest"], src.line(d["span"]["start"] + base)))
    recs = _records(runs, src, lines, refs, max_depth)
    return recs, refs, src


def _offset(src: Source, line: int) -> int:
    """Character offset in the body where a (0-based, whole-file) line starts."""
    k = line - src.base
    return src.chars[k] if k < len(src.chars) else len(src.body)


def source(rec: Rec, src: Source) -> str:
    """The inline source of a paragraph or heading, from its first piece to its last."""
    return rec.content if rec.kind != "para" else src.text(rec.offset, rec.stop)


def normalize_label(label: str) -> str:
    """A reference label as CommonMark matches it: case-folded, inner whitespace collapsed."""
    return " ".join(label.split()).casefold()


_RECORDS = {"Paragraph": "para", "Heading": "heading", "CodeBlock": "code", "HtmlBlock": "html", "Table": "table"}
_CONTAINERS = {"List": "list", "BlockQuote": "quote", "Item": "item"}
# reference links, and those whose definition is in another run ("Unknown" to the run)
_LINKS = ("Reference", "Collapsed", "Shortcut", "ReferenceUnknown", "CollapsedUnknown", "ShortcutUnknown")


@dataclass(slots=True)
class _Walk:
    """Where the event walk is: open containers, the record taking inline pieces, blank-line gaps."""

    src: Source
    lines: Sequence[str]
    recs: list[Rec] = field(default_factory=list)
    containers: list[str] = field(default_factory=list)  # list, quote, item, innermost last
    target: Rec | None = None  # the block receiving inline pieces
    implicit: bool = False  # target is the unwrapped paragraph of a tight list item
    fresh_item: bool = False  # nothing read yet in the innermost list item
    depth: int = 0  # open block elements
    top: int = -1
    prev_end: int = 0
    cells: list[str] = field(default_factory=list)
    max_depth: int | None = None
    first: int = 0  # the first line of the latest top-level block


def _records(
    runs: list[tuple[int, int, int]], src: Source, lines: Sequence[str], refs: dict[str, Ref], max_depth: int | None
) -> list[Rec]:
    """One pass over the events of each run. The hot loop of the reader: inline pieces are appended
    directly, blocks go through ``_start`` and ``_end``."""
    w = _Walk(src, lines, prev_end=src.base, max_depth=max_depth)

    def known(link: Any) -> tuple[str, str] | None:  # a reference defined in another run
        ref = refs.get(normalize_label(link["reference"]))
        return (ref.href, "") if ref is not None else None

    for start, end, base in runs:  # (character offsets of the run, its byte offset)
        events = pyromark.events_with_range(src.body[start:end], options=_OPTIONS, broken_link_callback=known)
        _events(w, events, base)
    _close_implicit(w)
    return w.recs


def _events(w: _Walk, events: Any, base: int) -> None:
    event: Any  # the stubs' union of event shapes: read by key below
    for event, span in events:
        start, end = span["start"] + base, span["end"] + base
        if type(event) is str:
            if event == "SoftBreak" or event == "HardBreak":
                _piece(w, Piece("break", " ", start, end))
            elif event == "Rule":
                if w.implicit:
                    _close_implicit(w)
                if w.depth == 0:
                    _top(w, start, end)
            continue
        for key, value in event.items():
            if key == "Text":
                target = w.target
                if target is None:
                    _piece(w, Piece("text", value, start, end))
                elif w.implicit or target.kind != "code":  # what _piece does with an open block, inline
                    target.inline.append(Piece("text", value, start, end))
                    if end > target.stop:
                        target.stop = end
                else:
                    target.content += value
            elif key == "Start":
                _start(w, value, start, end)
            elif key == "End":
                _end(w, value, start, end)
            elif key == "Code":
                _piece(w, Piece("code", value, start, end))
            elif key == "InlineHtml":
                _piece(w, Piece("html", value, start, end))
            elif key == "Html":
                target = w.target
                if target is not None and target.kind == "html":
                    target.content += value
                else:
                    _piece(w, Piece("html", value, start, end))


def _name(value: Any) -> tuple[str, Any]:
    if type(value) is str:
        return value, None
    for name, detail in value.items():
        return str(name), detail
    return "", None


def _top(w: _Walk, start: int, end: int) -> None:
    """A top-level block begins: count it, and note a run of two or more blank lines before it.
    ``w.prev_end`` becomes the line after the block (which ``_start`` reuses)."""
    first = w.src.line(start)
    w.top += 1
    if first - w.prev_end >= 2 and w.recs:
        blanks = _blank_run(w.lines, w.prev_end, first)
        if blanks >= 2:
            w.recs.append(Rec("gap", first - blanks, first, level=blanks, top=w.top))
    w.prev_end = _end_line(w.src, start, end)
    w.first = first


def _end_line(src: Source, start: int, end: int) -> int:
    """The line after a block's last line (0-based, exclusive)."""
    return src.line(max(start, end - 1)) + 1


def _start(w: _Walk, value: Any, start: int, end: int) -> None:
    detail: Any
    name, detail = (value, None) if type(value) is str else _name(value)  # most blocks have no details
    if name == "Link":
        label = detail["id"] if detail["link_type"] in _LINKS else None
        _piece(w, Piece("link", "", start, end, detail["dest_url"], label or None))
        return
    if name in _INLINE_CONTAINERS:
        marks = 2 if name == "Strong" else 1
        _piece(w, Piece("mark", w.src.text(start, start + marks), start, start + marks))
        return
    if name == "Image":
        _piece(w, Piece("image", "", start, end))
        return
    if w.implicit:
        _close_implicit(w)
    top = w.depth == 0
    if top:
        _top(w, start, end)
    w.depth += 1
    kind = _RECORDS.get(name)
    if kind is not None:
        if top:  # the lines _top has just found
            first, after = w.first, w.prev_end
        else:
            first, after = w.src.line(start), _end_line(w.src, start, end)
        rec = Rec(kind, first, after, top=w.top, offset=start, stop=start)
        if kind == "para":
            if w.containers:
                _place(w, rec)
            else:  # a top-level paragraph: prose at depth 0, as a record starts
                rec.item = w.fresh_item
        elif kind == "heading":
            rec.level = int(detail["level"][1])
            rec.setext = not w.src.text(start, start + 4).lstrip(" ").startswith("#")
            rec.container = "quote" if "quote" in w.containers else "prose"
        elif kind == "table":
            w.cells = []
        w.recs.append(rec)
        w.target = rec
    elif name == "TableCell":
        w.cells.append(w.src.text(start, end).strip())
    w.fresh_item = name == "Item"
    container = _CONTAINERS.get(name)
    if container is not None:
        w.containers.append(container)
        if w.max_depth is not None and len(w.containers) > w.max_depth:
            raise markup.too_deep("lists and block quotes", len(w.containers), w.max_depth)


def _place(w: _Walk, rec: Rec) -> None:
    """A paragraph's list depth, container, and whether it opens a list item."""
    depth = quote = 0
    for c in w.containers:
        if c == "list":
            depth += 1
            quote = 0
        elif c == "quote":
            quote = 1
    rec.level = depth
    rec.container = "quote" if quote else "list" if depth else "prose"
    rec.item = w.fresh_item


def _end(w: _Walk, value: Any, start: int, end: int) -> None:
    name = value if type(value) is str else _name(value)[0]
    if name == "Link" or name == "Image":
        _piece(w, Piece("/link" if name == "Link" else "/image", "", start, end))
        return
    if name in _INLINE_CONTAINERS:
        marks = 2 if name == "Strong" else 1
        _piece(w, Piece("mark", w.src.text(end - marks, end), end - marks, end))
        return
    if w.implicit:
        _close_implicit(w)
    w.depth -= 1
    w.fresh_item = False
    if name in _RECORDS:
        rec = w.target
        if rec is not None:
            if rec.kind == "heading":
                rec.content = _inline_source(w.src, rec)
            elif rec.kind == "table":
                rec.content = " | ".join(w.cells).replace(" | \n | ", "\n")
                _finish(w.src, rec)
            elif rec.kind == "para":
                _finish(w.src, rec)
        w.target = None
    elif name == "TableHead" or name == "TableRow":
        w.cells.append("\n")
    elif name in _CONTAINERS and w.containers:
        w.containers.pop()


def _piece(w: _Walk, piece: Piece) -> None:
    """An inline piece: it goes to the open block, or starts the unwrapped paragraph of a tight list
    item (pulldown-cmark gives those no Paragraph event)."""
    rec = w.target
    if rec is None:
        if not w.containers or w.containers[-1] != "item":
            return
        line = w.src.line(piece.start)
        at = piece.start - (piece.kind == "text" and w.src.text(piece.start - 1, piece.start) == "\\")
        rec = Rec("para", line, line + 1, top=w.top, offset=at)
        _place(w, rec)
        w.recs.append(rec)
        w.target = rec
        w.implicit = True
        w.fresh_item = False
    rec.inline.append(piece)
    if piece.end > rec.stop:
        rec.stop = piece.end


def _close_implicit(w: _Walk) -> None:
    if w.implicit and w.target is not None:
        w.target.end = _end_line(w.src, w.target.offset, w.target.stop)
        _finish(w.src, w.target)
        w.target = None
    w.implicit = False


def _finish(src: Source, rec: Rec) -> None:
    """Read what the reader needs from a paragraph's or table's pieces, then let them go: a long
    document's pieces would outweigh its text several times over."""
    pieces = rec.inline
    if rec.kind == "para":
        rec.text, rec.origin, rec.own = mdinline.plain(pieces, src)
        if len(pieces) == 1 and pieces[0].kind == "text":  # most paragraphs: no code, links nor HTML
            if rec.item:
                rec.shown = pieces[0].text
            if rec.origin and pieces[0].start == rec.offset:
                rec.column = rec.origin[0][2]  # the text starts the block: its position is known
            rec.inline = _NO_PIECES
            return
    kinds = {p.kind for p in pieces}
    rec.code = "code" in kinds
    if "link" in kinds:
        rec.links = mdinline.links(pieces)
    if "html" in kinds:
        rec.html = [p for p in pieces if p.kind == "html"]
    if rec.item and not rec.links:
        rec.shown = mdinline.heading_text(pieces)[0]
    rec.inline = _NO_PIECES


# what a finished block holds instead of its pieces: shared, and never appended to, since a finished
# block is no longer the walk's target
_NO_PIECES: list[Piece] = []


def _inline_source(src: Source, rec: Rec) -> str:
    """The source of a block's inline content, from its first piece to its last."""
    return src.text(rec.inline[0].start, rec.stop) if rec.inline else ""


def _blank_run(lines: Sequence[str], start: int, end: int) -> int:
    """Longest run of blank lines in ``lines[start:end]`` (link definitions may sit between blocks)."""
    best = run = 0
    for k in range(start, min(end, len(lines))):
        run = run + 1 if not lines[k].strip() else 0
        best = max(best, run)
    return best
