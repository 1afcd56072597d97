"""Markdown reader: CommonMark and tables via markdown-it-py, the contents list, anchors and in-page links.

Blocks are parsed fully; inline content only where a rule needs it (headings, contents entries and
paragraphs with in-page links), and paragraph text is rendered with a cheap single-pass scan.
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import unquote

from outlint import outline
from outlint.model import Comment, Document, Gap, Heading, Paragraph, Span, TocEntry
from outlint.readers import markup, mdblocks, mdinline
from outlint.readers.decode import decode
from outlint.readers.mdblocks import Rec
from outlint.readers.text import split_lines
from outlint.slug import slugger

_ATTR = r"(?:[#.][\w:.-]+|[\w-]+=(?:\"[^\"]*\"|\S+))"
_ATTRS = re.compile(rf"\s*\{{:?\s*({_ATTR}(?:\s+{_ATTR})*)\s*\}}\s*$")
_HTML_HEADING = re.compile(r"<h([1-6])\b([^>]*)>(.*?)</h\1\s*>", re.IGNORECASE | re.DOTALL)
_TAG = re.compile(r"<[^>]*>")
_FRAGMENT_LINK = re.compile(r"\]\(\s*<?#")
_AUTO_TOC = re.compile(r"\[\[?_?toc_?\]?\]|\$\{toc\}|\[\[_toc_\]\]", re.IGNORECASE)
_OMIT = re.compile(r"<!--\s*(?:omit\s+(?:in|from)\s+toc|no\s*toc)\s*-->", re.IGNORECASE)


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
    toc, toc_span = _contents(recs, first, last, lines, env)
    if toc_span is None and heading_at is not None:
        toc_span = _span(recs[heading_at], lines)
    blocks, comments, links, anchors = _blocks(
        recs, lines, env, slug, first if toc or heading_at is not None else -1, last
    )
    blocks, anchors = markup.trust_numbers(blocks, anchors)
    toc = outline.outline_entries(toc, anchors, [b for b in blocks if isinstance(b, Heading)])
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
            summary = _TAG.sub("", rec.content.split("<summary", 1)[1].split(">", 1)[-1].split("</summary", 1)[0])
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
    return [m.group(1) for m in markup.COMMENT_RE.finditer(content)] if "<!--" in content else []


def _contents(
    recs: list[Rec], first: int, last: int, lines: list[str], env: dict[str, Any]
) -> tuple[list[TocEntry], Span | None]:
    if first < 0:
        return [], None
    items = [r for r in recs[first:last] if r.kind == "para" and r.item]
    if not items:
        return [], None
    base = min(r.level for r in items)
    entries: list[TocEntry] = []
    for rec in items:
        found = mdinline.links(rec.content, env) if "[" in rec.content else []
        href, title = found[0] if found else (None, mdinline.heading_text(rec.content, env)[0].strip())
        if href is not None and not href.startswith("#"):
            continue  # a link to another document is not an entry of this one's contents
        number, rest = markup.section_number(title)
        raw = lines[rec.start]
        col = raw.find("[") + 1 if href is not None and "[" in raw else len(raw) - len(raw.lstrip()) + 1
        span = Span(rec.start + 1, col, rec.start + 1, len(raw.rstrip()))
        entries.append(TocEntry(rec.level - base + 1, number, rest, _decoded(href) if href else None, span))
    if not entries:
        return [], None
    head = recs[first]
    start_line = head.start
    end = entries[-1].span
    raw = lines[start_line]
    return entries, Span(start_line + 1, len(raw) - len(raw.lstrip()) + 1, end.line, end.end_column)


# --- blocks ---------------------------------------------------------------------------------


def _span(rec: Rec, lines: list[str], column: int | None = None) -> Span:
    raw = lines[rec.start] if rec.start < len(lines) else ""
    last = lines[rec.end - 1] if 0 < rec.end <= len(lines) else raw
    col = column if column is not None else len(raw) - len(raw.lstrip()) + 1
    return Span(rec.start + 1, col, max(rec.end, rec.start + 1), max(1, len(last.rstrip())))


def _strip_attrs(content: str) -> tuple[str, str | None]:
    """A heading's text without a trailing ``{#id .class}`` attribute list, and the id it names."""
    m = _ATTRS.search(content) if content.endswith("}") else None
    if m is None:
        return content, None
    ids = [a[1:] for a in m.group(1).split() if a.startswith("#")]
    return content[: m.start()], ids[0] if ids else None


def _blocks(
    recs: list[Rec], lines: list[str], env: dict[str, Any], style: str, first: int, last: int
) -> tuple[list[outline.Block], list[Comment], list[tuple[str, Span]], dict[str, Heading | None]]:
    blocks: list[outline.Block] = []
    comments: list[Comment] = []
    links: list[tuple[str, Span]] = []
    explicit = [x for r in recs if r.kind == "html" or "<" in r.content for x in markup.ids_in(r.content)]
    anchors: dict[str, Heading | None] = dict.fromkeys(explicit)
    unique = slugger(style, explicit)
    # labels of link reference definitions that point into the page ("[r]: #usage")
    refs = [f"[{label.lower()}]" for label, v in env.get("references", {}).items() if v.get("href", "").startswith("#")]
    waiting: list[str] = []  # ids of an anchor-only HTML block, for the heading right after it
    for k, rec in enumerate(recs):
        in_toc = first <= k < last
        kind = rec.kind
        if kind == "heading":
            content, given = _strip_attrs(rec.content)
            shown, inner = mdinline.heading_text(content, env)
            names = [x for x in (given, *inner, unique(shown), *waiting) if x]
            h = None
            if not in_toc:
                number, rest = markup.section_number(shown.strip())
                how = ("setext" if rec.setext else "atx") + (" omit-from-toc" if _OMIT.search(rec.content) else "")
                h = Heading(rec.level, number, rest, _span(rec, lines), anchor=names[0], style=how)
                blocks.append(h)
                _collect_links(rec, lines, env, links, refs)
            anchors.update(dict.fromkeys(names, h))
        elif kind == "html":
            raw = "\n".join(lines[rec.start : rec.end])
            comments.extend(markup.comments_in(raw, rec.start + 1))
            for m in _HTML_HEADING.finditer(raw):
                title = _TAG.sub("", m.group(3)).strip()
                names = [x for x in (*markup.ids_in(m.group(0)), unique(title)) if x]
                h = None
                if title and not in_toc:
                    line = rec.start + raw.count("\n", 0, m.start())
                    number, rest = markup.section_number(title)
                    h = Heading(
                        int(m.group(1)),
                        number,
                        rest,
                        _span(Rec("html", line, line + 1), lines),
                        anchor=names[0],
                        style="html",
                    )
                    blocks.append(h)
                anchors.update(dict.fromkeys(names, h))
            for target, offset in markup.hrefs_in(raw):
                line = rec.start + raw.count("\n", 0, offset)
                col = offset - (raw.rfind("\n", 0, offset) + 1) + 1
                links.append((target, Span(line + 1, col, line + 1, col + len(target) - 1)))
            shown = _TAG.sub("", markup.COMMENT_RE.sub("", _HTML_HEADING.sub("", raw))).strip()
            bare = not shown and "<img" not in raw.lower() and "<table" not in raw.lower()
            waiting = list(markup.ids_in(raw)) if bare and not _HTML_HEADING.search(raw) else []
            if not in_toc and not bare and not _HTML_HEADING.fullmatch(raw.strip()):
                blocks.append(Paragraph(shown, _span(rec, lines), "html"))
            continue
        elif in_toc:
            pass
        elif kind == "para":
            if "<!--" in rec.content:
                comments.extend(markup.comments_in("\n".join(lines[rec.start : rec.end]), rec.start + 1))
            text, origin, own = mdinline.plain(rec.content, lines, rec.start)
            para_kind = rec.container if own else ("code" if "`" in rec.content else "html")
            if _AUTO_TOC.fullmatch(rec.content.strip()):
                para_kind = "html"
            start_col = origin[0][2] if origin else None
            blocks.append(Paragraph(text, _span(rec, lines, start_col), para_kind, origin=origin))
            _collect_links(rec, lines, env, links, refs)
        elif kind == "code":
            blocks.append(Paragraph(rec.content.rstrip("\n"), _span(rec, lines), "code"))
        elif kind == "table":
            blocks.append(Paragraph(rec.content, _span(rec, lines), "table"))
            _collect_links(rec, lines, env, links, refs)
        elif kind == "gap":
            blocks.append(Gap(rec.level, Span(rec.start + 1, 1, rec.end, 1)))
        waiting = []
    return blocks, comments, links, anchors


def _collect_links(
    rec: Rec, lines: list[str], env: dict[str, Any], out: list[tuple[str, Span]], refs: list[str]
) -> None:
    """In-page links of a block, located in its source lines. Inline parsing is costly (a changelog
    links every line to an issue), so only a block that writes ``](#`` or uses a reference to an
    in-page definition is parsed."""
    content = rec.content
    by_ref = bool(refs) and "[" in content and any(r in content.lower() for r in refs)
    if "#" not in content and not by_ref:
        return
    seen: dict[str, tuple[int, int]] = {}  # (line, column) each written text was last found at
    if "<" in content:
        for target, _offset in markup.hrefs_in(content):
            out.append((_decoded(target), _find(lines, rec, (f'"{target}"', f"'{target}'", f"={target}"), seen)))
    if not by_ref and ("](" not in content or not _FRAGMENT_LINK.search(content)):
        return
    for href, text in mdinline.links(content.replace("\n", " ") if rec.kind == "table" else content, env):
        if href.startswith("#"):
            target = _decoded(href)
            out.append((target, _find(lines, rec, (f"]({href}", f"]({target}", f"[{text}]"), seen)))


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
