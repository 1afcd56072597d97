"""Markdown reader: CommonMark and tables via markdown-it-py, the contents list, anchors and in-page links.

Blocks are parsed fully; inline content only where a rule needs it (headings, contents entries and
paragraphs with in-page links), and paragraph text is rendered with a cheap single-pass scan.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import unquote

from outlint import outline
from outlint.model import Comment, Document, Gap, Heading, Paragraph, Span, TocEntry
from outlint.readers import markup, mdblocks, mdinline
from outlint.readers.decode import decode
from outlint.readers.mdblocks import Rec
from outlint.readers.text import split_lines
from outlint.slug import slugger

_ATTR_WORD = re.compile(r"[#.][\w:.-]+|[\w-]+=")
_HTML_HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
_FRAGMENT_LINK = re.compile(r"\]\(\s*<?#")
_AUTO_TOC = re.compile(r"\[\[?_?toc_?\]?\]|\$\{toc\}|\[\[_toc_\]\]", re.IGNORECASE)
_OMIT = re.compile(r"<!--\s*(?:omit\s+(?:in|from)\s+toc|no\s*toc)\s*-->", re.IGNORECASE)
_MAY_HOLD_HTML = frozenset({"html", "para", "heading", "table"})  # not code: markup shown as text is no anchor
_ATTRS_REPLACE_SLUG = frozenset({"python-markdown"})  # attr_list sets the id; toc makes no slug then
# Fragments a code host resolves without a heading: GitHub and GitLab show a Markdown file in a box
# whose id is "readme", the top of the rendered text.
_TOP_ANCHORS: dict[str, tuple[str, ...]] = {"github": ("readme",), "gitlab": ("readme",)}
_DOCFX_TAB = "#tab/"
_HTML_ESCAPED = frozenset({"bitbucket"})  # renderers that show raw HTML as text: it defines no anchor


def read(data: bytes, path: str, *, slug: str = "github") -> Document:
    """Read a Markdown document from its bytes; ``slug`` is how heading anchors are made."""
    text, encoding = decode(data)
    del data  # the bytes are not needed once decoded
    if text.startswith("\ufeff"):
        text = text[1:]
    lines = split_lines(text)
    env: dict[str, Any] = {}
    recs = list(mdblocks.records(text, lines, env))
    first, last, heading_at = _contents_region(recs, lines, env)
    toc, toc_span, labels = _contents(recs, first, last, lines, env)
    if toc_span is None and heading_at is not None:
        toc_span = _span(recs[heading_at], lines)
    blocks, comments, links, anchors = _blocks(
        recs, lines, env, slug, first if toc or heading_at is not None else -1, last
    )
    blocks, anchors = markup.trust_numbers(blocks, anchors)
    headings = [b for b in blocks if isinstance(b, Heading)]
    toc = outline.outline_entries(_without_labels(toc, labels, headings), anchors, headings)
    links.sort(key=lambda link: (link[1].line, link[1].column))
    return outline.build(
        path,
        "markdown",
        text,
        toc,
        blocks,
        toc_span=toc_span,
        comments=comments,
        links=links,
        anchors=anchors,
        encoding=encoding,
    )


# --- contents -------------------------------------------------------------------------------


def _contents_region(recs: list[Rec], lines: list[str], env: dict[str, Any]) -> tuple[int, int, int | None]:
    """Records ``[first, last)`` that make up the contents block, and the contents heading, if any.

    In order of trust: generated-list markers (``<!-- toc -->`` ... ``<!-- tocstop -->``), a heading
    named like a contents heading, a ``<details>`` whose summary is, a leading list of ``#`` links.
    """
    for k, rec in enumerate(recs):
        if rec.kind == "html" and any(markup.toc_marker(c) == "start" for c in _comment_texts(rec.content)):
            end = next(
                (
                    j
                    for j in range(k, len(recs))
                    if recs[j].kind == "html"
                    and any(markup.toc_marker(c) == "end" for c in _comment_texts(recs[j].content))
                ),
                None,
            )
            if end is not None and end > k:
                return k, end + 1, None
    for k, rec in enumerate(recs):
        if rec.kind == "heading" and markup.is_contents_title(
            mdinline.heading_text(_strip_attrs(rec.content)[0], env)[0].strip()
        ):
            end = next((j for j in range(k + 1, len(recs)) if recs[j].kind == "heading"), len(recs))
            body = recs[k + 1 : end]
            if any(r.kind == "para" and r.item and _FRAGMENT_LINK.search(r.content) for r in body):
                return k, end, k
            if any(r.kind == "para" and _AUTO_TOC.fullmatch(r.content.strip()) for r in body):
                return k, end, k  # a placeholder the renderer fills: nothing hand-made to check
    for k, rec in enumerate(recs):
        if rec.kind == "html" and "<summary" in rec.content.lower():
            summary = markup.strip_tags(rec.content.split("<summary", 1)[1].split(">", 1)[-1].split("</summary", 1)[0])
            if markup.is_contents_title(summary.strip()):
                end = next(
                    (
                        j
                        for j in range(k + 1, len(recs))
                        if recs[j].kind == "heading"
                        or (recs[j].kind == "html" and "</details" in recs[j].content.lower())
                    ),
                    len(recs) - 1,
                )
                return k, end + 1, None
    headings = [k for k, r in enumerate(recs) if r.kind == "heading"]
    limit = headings[1] if len(headings) > 1 else len(recs)
    k = 0
    while k < limit:
        rec = recs[k]
        if rec.kind == "para" and rec.item:
            group = [j for j in range(k, limit) if recs[j].top == rec.top]
            items = [recs[j] for j in group if recs[j].item]
            linked = sum(1 for r in items if _FRAGMENT_LINK.search(r.content))
            if len(items) >= 2 and linked * 3 >= len(items) * 2:
                return k, group[-1] + 1, None
            k = group[-1] + 1
            continue
        k += 1
    return -1, -1, None


def _comment_texts(content: str) -> list[str]:
    return [inner for _start, _end, inner in markup.comments(content)] if "<!--" in content else []


def _contents(
    recs: list[Rec], first: int, last: int, lines: list[str], env: dict[str, Any]
) -> tuple[list[TocEntry], Span | None, set[int]]:
    """The contents entries, the contents block's span, and which entries are group labels: unlinked
    items over linked sub-items ("- Getting started" over "- [Install](#install)")."""
    if first < 0:
        return [], None, set()
    items = [r for r in recs[first:last] if r.kind == "para" and r.item]
    if not items:
        return [], None, set()
    base = min(r.level for r in items)
    entries: list[TocEntry] = []
    labels: set[int] = set()
    open_labels: list[tuple[int, int]] = []  # (list depth, entry index) of unlinked items above
    for rec in items:
        found = mdinline.links(rec.content, env) if "[" in rec.content else []
        href, title = found[0][:2] if found else (None, mdinline.heading_text(rec.content, env)[0].strip())
        if href is not None and not href.startswith("#"):
            continue  # a link to another document is not an entry of this one's contents
        while open_labels and open_labels[-1][0] >= rec.level:
            open_labels.pop()
        if href is None:
            open_labels.append((rec.level, len(entries)))
        elif open_labels:
            labels.update(index for _depth, index in open_labels)
            open_labels.clear()
        number, rest = markup.section_number(title)
        raw = lines[rec.start]
        col = raw.find("[") + 1 if href is not None and "[" in raw else len(raw) - len(raw.lstrip()) + 1
        span = Span(rec.start + 1, col, rec.start + 1, len(raw.rstrip()))
        entries.append(TocEntry(rec.level - base + 1, number, rest, _decoded(href) if href else None, span))
    if not entries:
        return [], None, set()
    head = recs[first]
    start_line = head.start
    end = entries[-1].span
    raw = lines[start_line]
    return entries, Span(start_line + 1, len(raw) - len(raw.lstrip()) + 1, end.line, end.end_column), labels


def _without_labels(toc: list[TocEntry], labels: set[int], headings: list[Heading]) -> list[TocEntry]:
    """The contents without its group labels, unless a label is also the title of a heading (then
    it names that section, link or not)."""
    if not labels:
        return toc
    titles = {outline.normalize_title(h.title) for h in headings}
    return [e for k, e in enumerate(toc) if k not in labels or outline.normalize_title(e.title) in titles]


# --- blocks ---------------------------------------------------------------------------------


def _span(rec: Rec, lines: list[str], column: int | None = None) -> Span:
    raw = lines[rec.start] if rec.start < len(lines) else ""
    last = lines[rec.end - 1] if 0 < rec.end <= len(lines) else raw
    col = column if column is not None else len(raw) - len(raw.lstrip()) + 1
    return Span(rec.start + 1, col, max(rec.end, rec.start + 1), max(1, len(last.rstrip())))


def _strip_attrs(content: str) -> tuple[str, str | None]:
    """A heading's text without a trailing ``{#id .class key=value}`` attribute list, and the id it
    names. Read by a plain scan: the list is short, but what precedes it is not."""
    if not content.endswith("}"):
        return content, None
    brace = content.rfind("{")
    inner = content[brace + 1 : -1].strip()
    if brace < 0 or not inner:
        return content, None
    if inner.startswith(":"):
        inner = inner[1:].lstrip()  # kramdown writes {:#id}
    ids: list[str] = []
    k, n = 0, len(inner)
    while k < n:
        m = _ATTR_WORD.match(inner, k)
        if m is None:
            return content, None
        word, k = m.group(), m.end()
        if word.endswith("="):
            if k < n and inner[k] == '"':
                close = inner.find('"', k + 1)
                if close < 0:
                    return content, None
                k = close + 1
            else:
                start = k
                while k < n and not inner[k].isspace():
                    k += 1
                if k == start:
                    return content, None
        elif word[0] == "#":
            ids.append(word[1:])
        if k < n and not inner[k].isspace():
            return content, None
        while k < n and inner[k].isspace():
            k += 1
    return content[:brace].rstrip(), ids[0] if ids else None


@dataclass(slots=True)
class _Walk:
    """What the block walk collects besides the blocks."""

    env: dict[str, Any]
    style: str
    comments: list[Comment] = field(default_factory=list)
    links: list[tuple[str, Span]] = field(default_factory=list)
    refs: list[str] = field(default_factory=list)  # "[label]" of definitions that point into the page
    reported: set[str] = field(default_factory=set)  # labels whose definition's link is already listed


def _blocks(
    recs: list[Rec], lines: list[str], env: dict[str, Any], style: str, first: int, last: int
) -> tuple[list[outline.Block], list[Comment], list[tuple[str, Span]], dict[str, Heading | None]]:
    blocks: list[outline.Block] = []
    walk = _Walk(env, style)
    explicit = [
        x
        for r in recs
        if r.kind in _MAY_HOLD_HTML and "<" in r.content and style not in _HTML_ESCAPED
        for x in markup.ids_in(r.content)
    ]
    anchors: dict[str, Heading | None] = dict.fromkeys(explicit)
    unique = slugger(style, explicit)
    walk.refs = [
        f"[{label.lower()}]" for label, v in env.get("references", {}).items() if v.get("href", "").startswith("#")
    ]
    waiting: list[str] = []  # ids of an anchor-only HTML block, for the heading right after it
    for k, rec in enumerate(recs):
        in_toc = first <= k < last
        kind = rec.kind
        if kind == "heading":
            content, given = _strip_attrs(rec.content)
            shown, inner = mdinline.heading_text(content, env)
            if given is None:
                slug: str | None = unique(shown)
            elif style in _ATTRS_REPLACE_SLUG:
                slug = None
            else:  # GitHub and GitLab show the attribute list as text, so their slug spells it too
                slug = unique(mdinline.heading_text(rec.content, env)[0])
            if style in _HTML_ESCAPED:
                inner, waiting = [], []
            names = [x for x in (given, *inner, slug, *waiting) if x]
            h = None
            if rec.container == "quote":
                # a heading in a block quote is part of the quotation, not a section of the document
                if not in_toc:
                    blocks.append(Paragraph(shown.strip(), _span(rec, lines), "quote"))
            elif not in_toc:
                number, rest = markup.section_number(shown.strip())
                how = ("setext" if rec.setext else "atx") + (" omit-from-toc" if _OMIT.search(rec.content) else "")
                anchor = names[0] if names else None
                h = Heading(rec.level, number, rest, _span(rec, lines), anchor=anchor, style=how)
                blocks.append(h)
                _collect_links(rec, lines, walk)
            for name in names:
                if h is not None or name not in anchors:
                    anchors[name] = h
        elif kind == "html":
            raw = "\n".join(lines[rec.start : rec.end])
            walk.comments.extend(markup.comments_in(raw, rec.start + 1))
            heads = list(markup.html_headings(raw))
            for tag, end in heads:
                inner_html = raw[tag.end : raw.rfind("<", tag.end, end)]
                title = markup.strip_tags(inner_html).strip()
                title = html.unescape(title) if "&" in title else title
                names = [x for x in (*markup.ids_in(raw[tag.start : end]), unique(title)) if x]
                h = None
                if title and not in_toc:
                    line = rec.start + raw.count("\n", 0, tag.start)
                    number, rest = markup.section_number(title)
                    span = _span(Rec("html", line, line + 1), lines)
                    anchor = names[0] if names else None
                    h = Heading(_HTML_HEADINGS[tag.name], number, rest, span, anchor=anchor, style="html")
                    blocks.append(h)
                for name in names:
                    if h is not None or name not in anchors:
                        anchors[name] = h
            for target, offset in markup.hrefs_in(raw):
                line = rec.start + raw.count("\n", 0, offset)
                col = offset - (raw.rfind("\n", 0, offset) + 1) + 1
                walk.links.append((target, Span(line + 1, col, line + 1, col + len(target) - 1)))
            rest_html = _without(raw, [(tag.start, end) for tag, end in heads])
            shown = markup.strip_tags(rest_html).strip()
            lowered = raw.lower()
            bare = not shown and "<img" not in lowered and "<table" not in lowered
            waiting = list(markup.ids_in(raw)) if bare and not heads else []
            alone = len(heads) == 1 and not raw[: heads[0][0].start].strip() and not raw[heads[0][1] :].strip()
            if not in_toc and not bare and not alone:
                blocks.append(Paragraph(shown, _span(rec, lines), "html"))
            continue
        elif in_toc:
            pass
        elif kind == "para":
            if "<!--" in rec.content:
                walk.comments.extend(markup.comments_in("\n".join(lines[rec.start : rec.end]), rec.start + 1))
            text, origin, own = mdinline.plain(rec.content, lines, rec.start)
            para_kind = rec.container if own else ("code" if "`" in rec.content else "html")
            if _AUTO_TOC.fullmatch(rec.content.strip()):
                para_kind = "html"
            start_col = origin[0][2] if origin else None
            blocks.append(Paragraph(text, _span(rec, lines, start_col), para_kind, origin=origin))
            _collect_links(rec, lines, walk)
        elif kind == "code":
            blocks.append(Paragraph(rec.content.rstrip("\n"), _span(rec, lines), "code"))
        elif kind == "table":
            blocks.append(Paragraph(rec.content, _span(rec, lines), "table"))
            _collect_links(rec, lines, walk)
        elif kind == "gap":
            blocks.append(Gap(rec.level, Span(rec.start + 1, 1, rec.end, 1)))
        waiting = []
    for top in _TOP_ANCHORS.get(style, ()):
        anchors.setdefault(top, None)
    return blocks, walk.comments, walk.links, anchors


def _without(text: str, spans: list[tuple[int, int]]) -> str:
    """``text`` with the given ``(start, end)`` spans (in order, not overlapping) cut out."""
    if not spans:
        return text
    out, pos = [], 0
    for start, end in spans:
        out.append(text[pos:start])
        pos = end
    out.append(text[pos:])
    return "".join(out)


def _collect_links(rec: Rec, lines: list[str], walk: _Walk) -> None:
    """In-page links of a block, located in its source lines. Inline parsing is costly (a changelog
    links every line to an issue), so only a block that writes ``](#`` or uses a reference to an
    in-page definition is parsed. A reference link is listed once, at its definition, where its
    fragment is written and fixed."""
    content = rec.content
    by_ref = bool(walk.refs) and "[" in content and any(r in content.lower() for r in walk.refs)
    if "#" not in content and not by_ref:
        return
    seen: dict[str, tuple[int, int]] = {}  # (line, column) each written text was last found at
    if "<" in content:
        for target, _offset in markup.hrefs_in(content):
            walk.links.append((_decoded(target), _find(lines, rec, (f'"{target}"', f"'{target}'", f"={target}"), seen)))
    if not by_ref and ("](" not in content or not _FRAGMENT_LINK.search(content)):
        return
    source = content.replace("\n", " ") if rec.kind == "table" else content
    for href, text, label in mdinline.links(source, walk.env):
        if not href.startswith("#"):
            continue
        if rec.kind == "heading" and href.startswith(_DOCFX_TAB):
            continue  # DocFX writes tabs as headings that link to "#tab/<id>": no anchor is meant
        target = _decoded(href)
        if label is not None:
            if label not in walk.reported:
                walk.reported.add(label)
                walk.links.append((target, _definition_span(lines, walk.env["references"][label], href, target)))
            continue
        walk.links.append((target, _find(lines, rec, (f"]({href}", f"]({target}", f"[{text}]"), seen)))


def _definition_span(lines: list[str], ref: dict[str, Any], href: str, target: str) -> Span:
    """Where a reference definition writes its ``#fragment`` (the definition's start when not found)."""
    first = int(ref.get("line", 0))
    for n in range(first, min(first + 3, len(lines))):
        for needle in (href, target):
            col = lines[n].find(needle, lines[n].find("]:") + 1 if n == first else 0)
            if col >= 0:
                return Span(n + 1, col + 1, n + 1, col + len(needle))
    raw = lines[first] if first < len(lines) else ""
    return Span(first + 1, len(raw) - len(raw.lstrip()) + 1, first + 1, max(1, len(raw.rstrip())))


def _decoded(target: str) -> str:
    """A fragment as its author wrote it: markdown-it percent-encodes non-ASCII link targets."""
    return unquote(target) if "%" in target else target


def _find(lines: list[str], rec: Rec, needles: tuple[str, ...], seen: dict[str, tuple[int, int]]) -> Span:
    """Where the first of ``needles`` next occurs in a block's lines (after its previous occurrence):
    the span of its ``#fragment``, or of its ``[text]`` for a reference link; else the block's start."""
    for needle in dict.fromkeys(needles):
        after_line, after_col = seen.get(needle, (rec.start, -1))
        for n in range(after_line, min(rec.end, len(lines))):
            col = lines[n].find(needle, after_col + 1 if n == after_line else 0)
            if col < 0:
                continue
            seen[needle] = (n, col)
            at = col if needle.startswith("[") else col + needle.index("#")
            return Span(n + 1, at + 1, n + 1, col + len(needle))
    raw = lines[rec.start] if rec.start < len(lines) else ""
    return Span(rec.start + 1, len(raw) - len(raw.lstrip()) + 1, rec.start + 1, len(raw.rstrip()))
