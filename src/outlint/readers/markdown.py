"""Markdown reader: CommonMark and tables, the contents list, heading anchors and in-page links.

One pass of a compiled CommonMark parser (``mdblocks``) gives the blocks and their inline pieces
with byte ranges; headings get their anchors the way the chosen renderer makes them (``slug``).
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from outlint import outline
from outlint.model import Comment, Document, Gap, Heading, Paragraph, Span
from outlint.readers import Owned, markup, mdblocks, mdinline, mdtoc, take
from outlint.readers.decode import decode
from outlint.readers.mdblocks import Rec, Ref
from outlint.readers.mdinline import Source
from outlint.slug import Slugger, slugger

_HTML_HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
_OMIT = re.compile(r"<!--\s*(?:omit\s+(?:in|from)\s+toc|no\s*toc)\s*-->", re.IGNORECASE)
_ATTRS_REPLACE_SLUG = frozenset({"python-markdown"})  # attr_list sets the id; toc makes no slug then
# Fragments a code host resolves without a heading: GitHub and GitLab show a Markdown file in a box
# whose id is "readme", the top of the rendered text.
_TOP_ANCHORS: dict[str, tuple[str, ...]] = {"github": ("readme",), "gitlab": ("readme",)}
_DOCFX_TAB = "#tab/"
_HTML_ESCAPED = frozenset({"bitbucket"})  # renderers that show raw HTML as text: it defines no anchor
_FRAGMENT_END = frozenset(") \t\r\n>\"'")


def read(data: bytes | Owned, path: str, *, slug: str = "github", max_depth: int | None = None) -> Document:
    """Read a Markdown document from its bytes; ``slug`` is how heading anchors are made, and a
    document whose lists and quotes nest deeper than ``max_depth`` is refused."""
    raw = take(data)  # bytes given as Owned have no other reference: they go once decoded
    text, encoding = decode(raw)
    del raw, data
    if text.startswith("\ufeff"):
        text = text[1:]
    lines = markup.TextLines(text)
    recs, refs, src = mdblocks.parse(text, lines, max_depth)
    first, last, heading_at = mdtoc.contents_region(recs, src, slug)
    toc, toc_span, labels = mdtoc.contents(recs, first, last, lines)
    if toc_span is None and heading_at is not None:
        toc_span = _span(recs[heading_at], lines)
    walk = _Walk(src, lines, refs, slug)
    blocks, anchors = _blocks(recs, walk, first if toc or heading_at is not None else -1, last)
    del recs, src  # the parse is done (and the records used up): keep the source no longer than needed
    markup.title_lines(blocks, anchors)
    blocks, anchors = markup.trust_numbers(blocks, anchors)
    headings = [b for b in blocks if isinstance(b, Heading)]
    toc = outline.outline_entries(mdtoc.without_labels(toc, labels, headings), anchors, headings)
    walk.links.sort(key=lambda link: (link[1].line, link[1].column))
    return outline.build(
        path,
        "markdown",
        text,
        toc,
        blocks,
        toc_span=toc_span,
        comments=walk.comments,
        links=walk.links,
        anchors=anchors,
        encoding=encoding,
    )


def _span(rec: Rec, lines: Sequence[str], column: int | None = None) -> Span:
    n = len(lines)
    if column is None:
        raw = lines[rec.start] if rec.start < n else ""
        column = len(raw) - len(raw.lstrip()) + 1
    last = lines[rec.end - 1] if 0 < rec.end <= n else lines[rec.start] if rec.start < n else ""
    line = rec.start + 1
    # one int object for both ends of a one-line block: a long document has a span per block
    return Span(line, column, rec.end if rec.end > line else line, max(1, len(last.rstrip())))


@dataclass(slots=True)
class _Walk:
    """What the block walk reads from and collects besides the blocks."""

    src: Source
    lines: Sequence[str]
    refs: dict[str, Ref]
    style: str
    comments: list[Comment] = field(default_factory=list)
    links: list[tuple[str, Span]] = field(default_factory=list)
    reported: set[str] = field(default_factory=set)  # labels whose definition's link is already listed


def _explicit_ids(recs: list[Rec], style: str) -> list[str]:
    """Ids that raw HTML gives elements (not HTML shown as code, nor where the renderer escapes it)."""
    if style in _HTML_ESCAPED:
        return []
    out: list[str] = []
    for rec in recs:
        if rec.kind == "html":
            out.extend(markup.ids_in(rec.content))
        else:
            for piece in rec.html or rec.inline:
                if piece.kind == "html":
                    out.extend(markup.ids_in(piece.text))
    return out


def _blocks(
    recs: list[Rec], walk: _Walk, first: int, last: int
) -> tuple[list[outline.Block], dict[str, Heading | None]]:
    """The blocks and anchors of the records, which are used up: each record is let go once read,
    so that the records and the blocks made of them are not all held at once."""
    blocks: list[outline.Block] = []
    explicit = _explicit_ids(recs, walk.style)
    anchors: dict[str, Heading | None] = dict.fromkeys(explicit)
    unique = slugger(walk.style, explicit)
    lines = walk.lines
    waiting: list[str] = []  # ids of an anchor-only HTML block, for the heading right after it
    recs.reverse()
    k = -1
    while recs:
        rec = recs.pop()
        k += 1
        in_toc = first <= k < last
        kind = rec.kind
        if kind == "heading":
            shown, full, given, inner = mdtoc.heading_title(rec)
            if given is None:
                slug: str | None = unique(shown)
            elif walk.style in _ATTRS_REPLACE_SLUG:
                slug = None
            else:  # GitHub and GitLab show the attribute list as text, so their slug spells it too
                slug = unique(full)
            if walk.style in _HTML_ESCAPED:
                inner, waiting = [], []
            names = [x for x in (given, *inner, slug, *waiting) if x]
            h = None
            if rec.container == "quote":
                # a heading in a block quote is part of the quotation, not a section of the document
                if not in_toc:
                    blocks.append(Paragraph(shown.strip(), _span(rec, lines), "quote"))
            elif not in_toc:
                number, rest = markup.section_number(shown.strip())
                how = ("setext" if rec.setext else "atx") + (" elsewhere" if _elsewhere(rec, shown) else "")
                how += " omit-from-toc" if _OMIT.search(rec.content) else ""
                h = Heading(rec.level, number, rest, _span(rec, lines), anchor=names[0] if names else None, style=how)
                blocks.append(h)
                _collect_links(rec, walk)
            for name in names:
                if h is not None or name not in anchors:
                    anchors[name] = h
        elif kind == "html":
            waiting = _html_block(rec, walk, in_toc, unique, blocks, anchors)
            continue
        elif in_toc:
            pass
        elif kind == "para":
            if rec.html:
                walk.comments.extend(_inline_comments(rec, walk.src))
            para_kind = rec.container if rec.own else ("code" if rec.code else "html")
            if rec.stop - rec.offset < 16 and mdtoc.is_auto_toc(rec, walk.src):  # only a short one can be
                para_kind = "html"
            start_col = rec.column or walk.src.position(rec.offset)[1]
            blocks.append(Paragraph(rec.text, _span(rec, lines, start_col), para_kind, origin=rec.origin))
            if rec.links or rec.html:  # a finished paragraph holds no pieces: most have neither
                _collect_links(rec, walk)
        elif kind == "code":
            blocks.append(Paragraph(rec.content.rstrip("\n"), _span(rec, lines), "code"))
        elif kind == "table":
            blocks.append(Paragraph(rec.content, _span(rec, lines), "table"))
            _collect_links(rec, walk)
        elif kind == "gap":
            blocks.append(Gap(rec.level, Span(rec.start + 1, 1, rec.end, 1)))
        waiting = []
    for top in _TOP_ANCHORS.get(walk.style, ()):
        anchors.setdefault(top, None)
    return blocks, anchors


def _elsewhere(rec: Rec, shown: str) -> bool:
    """Whether a heading is a link to another document and nothing more (``### [Statements](statements.md)``,
    as a book's index page heads each chapter it points to): the section's text is there."""
    if not rec.inline or all(p.kind != "link" for p in rec.inline):
        return False
    found = mdinline.links(rec.inline)
    return len(found) == 1 and "#" not in found[0].dest and found[0].text == shown.strip()


def _html_block(
    rec: Rec,
    walk: _Walk,
    in_toc: bool,
    unique: Slugger,
    blocks: list[outline.Block],
    anchors: dict[str, Heading | None],
) -> list[str]:
    """Read a raw HTML block: its comments, ``<h1>``-``<h6>`` headings and in-page links, and its
    text as a paragraph; returns the ids it holds when it is only an anchor (for the next heading)."""
    lines = walk.lines
    raw = "\n".join(lines[rec.start : rec.end])
    walk.comments.extend(markup.comments_in(raw, rec.start + 1))
    heads = list(markup.html_headings(raw))
    if not in_toc and heads:
        _html_part(raw, 0, heads[0][0].start, rec, lines, blocks)  # what comes before the first heading
    for k, (tag, end) in enumerate(heads):
        title = markup.strip_tags(raw[tag.end : raw.rfind("<", tag.end, end)]).strip()
        title = html.unescape(title) if "&" in title else title
        names = [x for x in (*markup.ids_in(raw[tag.start : end]), unique(title)) if x]
        h = None
        if title and not in_toc:
            line = rec.start + raw.count("\n", 0, tag.start)
            number, rest = markup.section_number(title)
            span = _span(Rec("html", line, line + 1), lines)
            h = Heading(_HTML_HEADINGS[tag.name], number, rest, span, anchor=names[0] if names else None, style="html")
            blocks.append(h)
        for name in names:
            if h is not None or name not in anchors:
                anchors[name] = h
        if not in_toc:  # each heading's part of the block is its body: sponsors' logos under each tier
            _html_part(raw, end, heads[k + 1][0].start if k + 1 < len(heads) else len(raw), rec, lines, blocks)
    for target, offset in markup.hrefs_in(raw):
        line = rec.start + raw.count("\n", 0, offset)
        col = offset - (raw.rfind("\n", 0, offset) + 1) + 1
        walk.links.append((target, Span(line + 1, col, line + 1, col + len(target) - 1)))
    if heads:
        return []
    shown = markup.strip_tags(raw).strip()
    bare = not shown and _CONTENT_TAG.search(raw) is None
    if not in_toc and not bare:
        blocks.append(Paragraph(shown, _span(rec, lines), "html"))
    return list(markup.ids_in(raw)) if bare else []


# Elements that show something with no text of their own: images, media and tables, and the
# components of MDX pages (``<FixCardGrid>``, ``<Tabs>``) and custom elements (``<video-player>``).
_CONTENT_TAG = re.compile(
    r"<(?:[A-Z][\w.]*+|[a-z]\w*+-[\w-]*+|(?i:img|picture|video|audio|svg|iframe|object|embed|canvas|table))[\s/>]"
)


def _html_part(raw: str, start: int, end: int, rec: Rec, lines: Sequence[str], blocks: list[outline.Block]) -> None:
    """The part ``raw[start:end]`` of an HTML block with headings, between two of them: a paragraph
    of its text, or of its images and tables, if it has any."""
    part = raw[start:end]
    shown = markup.strip_tags(part).strip()
    if not shown and _CONTENT_TAG.search(part) is None:
        return
    first = rec.start + raw.count("\n", 0, start + len(part) - len(part.lstrip()))
    last = rec.start + raw.count("\n", 0, start + len(part.rstrip()))
    blocks.append(Paragraph(shown, _span(Rec("html", first, last + 1), lines), "html"))


def _inline_comments(rec: Rec, src: Source) -> list[Comment]:
    """The ``<!-- -->`` comments of a paragraph's raw HTML (not those shown inside code spans)."""
    out: list[Comment] = []
    for piece in rec.html:
        for start, end, inner in markup.comments(piece.text) if "<!--" in piece.text else ():
            first = piece.start + len(piece.text[:start].encode("utf-8"))
            last = piece.start + len(piece.text[: end - 1].encode("utf-8"))
            line, col = src.position(first)
            end_line, end_col = src.position(last)
            out.append(Comment(inner.strip(), Span(line, col, end_line, end_col)))
    return out


def _collect_links(rec: Rec, walk: _Walk) -> None:
    """In-page links of a block, each at its ``#fragment`` as written. A reference link is listed
    once, at its definition, where its fragment is written and fixed."""
    if not (rec.html or rec.inline or rec.links):
        return  # most paragraphs: no links and no raw HTML
    src = walk.src
    for piece in rec.html or rec.inline:
        if piece.kind == "html" and "href" in piece.text:
            for target, offset in markup.hrefs_in(piece.text):
                at = piece.start + len(piece.text[:offset].encode("utf-8"))
                line, col = src.position(at)
                walk.links.append((mdtoc.decoded(target), Span(line, col, line, col + len(target) - 1)))
    for link in rec.links if rec.kind != "heading" else mdinline.links(rec.inline):
        if not link.dest.startswith("#"):
            continue
        if rec.kind == "heading" and link.dest.startswith(_DOCFX_TAB):
            continue  # DocFX writes tabs as headings that link to "#tab/<id>": no anchor is meant
        target = mdtoc.decoded(link.dest)
        if link.label is not None:
            label = mdblocks.normalize_label(link.label)
            ref = walk.refs.get(label)
            if ref is not None and label not in walk.reported:
                walk.reported.add(label)
                walk.links.append((target, _definition_span(walk.lines, ref, link.dest, target)))
            continue
        walk.links.append((target, _fragment_span(src, link)))


def _fragment_span(src: Source, link: mdinline.Link) -> Span:
    """The span of an inline link's ``#fragment`` as written after its text."""
    body = src.body
    last = src.char(link.end)
    at = body.find("#", src.char(link.text_end), last)
    if at < 0:
        line, col = src.position(link.start)
        return Span(line, col, line, col)
    end = at
    while end < last and body[end] not in _FRAGMENT_END:
        end += 1
    line, col = src.position(src.byte(at))
    return Span(line, col, line, col + end - at - 1)


def _definition_span(lines: Sequence[str], ref: Ref, href: str, target: str) -> Span:
    """Where a reference definition writes its ``#fragment`` (the definition's start when not found)."""
    first = ref.line
    for n in range(first, min(first + 3, len(lines))):
        for needle in (href, target):
            col = lines[n].find(needle, lines[n].find("]:") + 1 if n == first else 0)
            if col >= 0:
                return Span(n + 1, col + 1, n + 1, col + len(needle))
    raw = lines[first] if first < len(lines) else ""
    return Span(first + 1, len(raw) - len(raw.lstrip()) + 1, first + 1, max(1, len(raw.rstrip())))
