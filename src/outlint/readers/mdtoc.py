"""The contents list of a Markdown document, and heading titles with their attribute lists."""

from __future__ import annotations

import re
from collections.abc import Sequence
from urllib.parse import unquote

from outlint import outline
from outlint.model import Heading, Span, TocEntry
from outlint.readers import markup, mdinline
from outlint.readers.mdblocks import Rec, source
from outlint.readers.mdinline import Source
from outlint.slug import SLUGS

_ATTR_WORD = re.compile(r"[#.][\w:.-]+|[\w-]+=")
_AUTO_TOC = re.compile(r"\[\[?_?toc_?\]?\]|\$\{toc\}|\[\[_toc_\]\]", re.IGNORECASE)


def is_auto_toc(rec: Rec, src: Source) -> bool:
    """A placeholder the renderer replaces with a generated contents: ``[[_TOC_]]``, ``[TOC]``, ``${toc}``."""
    return (
        len(rec.inline) <= 8
        and rec.stop - rec.offset < 16
        and _AUTO_TOC.fullmatch(source(rec, src).strip()) is not None
    )


def _links_into_page(rec: Rec) -> bool:
    """Whether a paragraph has an inline link to a ``#fragment`` of this page."""
    return any(link.label is None and link.dest.startswith("#") for link in rec.links)


def _led_by_link(rec: Rec, src: Source) -> bool:
    """Whether a list item starts with a link to a ``#fragment`` of this page, as a contents entry
    does: an item that is a sentence with such a link inside ("**Time-based**: refresh the data
    with [`cacheLife`](#cachelife)") points into the page as prose does."""
    first = rec.links[0] if rec.links else None
    if first is None or first.label is not None or not first.dest.startswith("#"):
        return False
    return not src.text(rec.offset, first.start).strip(" *_`")


def decoded(target: str) -> str:
    """A fragment as its author meant it: ``%``-escapes decoded."""
    return unquote(target) if "%" in target else target


def strip_attrs(content: str) -> tuple[str, str | None]:
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


def heading_title(rec: Rec) -> tuple[str, str, str | None, list[str]]:
    """A heading's text without its attribute list, its text as written in full (GitHub shows the
    list as text), the id the list names, and the ids of ``<a>`` anchors inside it."""
    content, given = strip_attrs(rec.content)
    full, inner = mdinline.heading_text(rec.inline)
    if given is None:
        return full, full, None, inner
    attrs = rec.content[len(content) :].strip()
    trimmed = full.rstrip()
    shown = trimmed[: -len(attrs)].rstrip() if trimmed.endswith(attrs) else full
    return shown, full, given, inner


def contents_region(recs: list[Rec], src: Source, style: str = "github") -> tuple[int, int, int | None]:
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
                # a generator's markers under a contents heading ("## Table of Contents", then
                # doctoc's comments): the heading is the contents', not an empty section
                above = k - 1
                titled = above >= 0 and recs[above].kind == "heading"
                if titled and markup.is_contents_title(heading_title(recs[above])[0].strip()):
                    return above, end + 1, above
                return k, end + 1, None
    for k, rec in enumerate(recs):
        if rec.kind == "heading" and markup.is_contents_title(heading_title(rec)[0].strip()):
            end = next((j for j in range(k + 1, len(recs)) if recs[j].kind == "heading"), len(recs))
            body = recs[k + 1 : end]
            if any(r.kind == "para" and r.item and _links_into_page(r) for r in body):
                return k, end, k
            if any(r.kind == "para" and is_auto_toc(r, src) for r in body):
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
            after = k
            while after + 1 < limit and recs[after + 1].top == rec.top:
                after += 1  # the records of one top-level block are contiguous
            items = [r for r in recs[k : after + 1] if r.item]
            linked = sum(1 for r in items if _led_by_link(r, src))
            if (
                len(items) >= 2
                and linked * 3 >= len(items) * 2
                and not _section_index(recs, k, after, style)
                and not _pointers(recs, items, after, style)
            ):
                return k, after + 1, None
            k = after + 1
            continue
        k += 1
    return -1, -1, None


def _section_index(recs: list[Rec], first: int, last: int, style: str) -> bool:
    """Whether the list of links at records ``[first, last]`` is the index of the section it sits
    in rather than the document's contents: under a first heading that is no title (more headings
    of its level follow), every link goes to one of that section's own sub-sections ("Data fetching
    approaches" over links to its three sub-sections). A contents there (a README's "Getting
    started" over links to the sections after it) links beyond."""
    above = [j for j in range(first) if recs[j].kind == "heading"]
    if not above:
        return False
    level = recs[above[-1]].level
    end = next((j for j in range(last + 1, len(recs)) if recs[j].kind == "heading" and recs[j].level <= level), None)
    if end is None:
        return False  # the first heading is the document's title, and the list its contents
    names: set[str] = set()
    for j in range(last + 1, end):
        if recs[j].kind == "heading":
            shown, _full, given, inner = heading_title(recs[j])
            names.update(x for x in (given, *inner, SLUGS[style](shown)) if x)
    targets = [
        decoded(link.dest[1:])
        for r in recs[first : last + 1]
        if r.kind == "para" and r.item
        for link in r.links
        if link.label is None and link.dest.startswith("#")
    ]
    return bool(targets) and all(t in names or t.lower() in names for t in targets)


def _pointers(recs: list[Rec], items: list[Rec], last: int, style: str) -> bool:
    """Whether a leading list of links points to a few of the sections that follow rather than
    listing them: fewer top items than half the sections of the top level after it (a guide's "this
    page shows how to [use `.env` files](#loading) and [bundle them](#bundling)" over eight
    sections), or top items that all link to sub-sections and none to a section of the top level
    ("This module provides the following parsers:" over links to the API's sub-sections). A
    contents lists most of the top sections, stale or not."""
    after = [r for r in recs[last + 1 :] if r.kind == "heading"]
    if not after:
        return False
    top = min(r.level for r in after)
    shallowest = min(r.level for r in items)
    tops = [r for r in items if r.level == shallowest]
    if len(tops) * 2 < sum(1 for r in after if r.level == top):
        return True
    targets = {decoded(link.dest[1:]) for r in tops for link in r.links[:1] if link.dest.startswith("#")}
    upper: set[str] = set()
    deeper: set[str] = set()
    for r in after:
        shown, _full, given, inner = heading_title(r)
        names = {x for x in (given, *inner, SLUGS[style](shown)) if x}
        (upper if r.level == top else deeper).update(names)
    return bool(targets & deeper) and not targets & upper


def _comment_texts(content: str) -> list[str]:
    return [inner for _start, _end, inner in markup.comments(content)] if "<!--" in content else []


def contents(
    recs: list[Rec], first: int, last: int, lines: Sequence[str]
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
        found = rec.links
        href, title = (found[0].dest, found[0].text) if found else (None, (rec.shown or "").strip())
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
        entries.append(TocEntry(rec.level - base + 1, number, rest, decoded(href) if href else None, span))
    if not entries:
        return [], None, set()
    start_line = recs[first].start
    end = entries[-1].span
    raw = lines[start_line]
    return entries, Span(start_line + 1, len(raw) - len(raw.lstrip()) + 1, end.line, end.end_column), labels


def without_labels(toc: list[TocEntry], labels: set[int], headings: list[Heading]) -> list[TocEntry]:
    """The contents without its group labels, unless a label is also the title of a heading (then
    it names that section, link or not)."""
    if not labels:
        return toc
    titles = {outline.normalize_title(h.title) for h in headings}
    return [e for k, e in enumerate(toc) if k not in labels or outline.normalize_title(e.title) in titles]
