"""Plain-text reader: pages, contents block, numbered and underlined headings, paragraphs, gaps."""

from __future__ import annotations

from collections.abc import Sequence

from outlint import outline
from outlint.model import Document, Gap, Span
from outlint.readers.decode import decode
from outlint.readers.text.lines import SENTENCE_END, split_lines
from outlint.readers.text.blocks import classify
from outlint.readers.text.contents import contents
from outlint.readers.text.layout import layout

__all__ = ["read", "split_lines"]


def read(data: bytes, path: str) -> Document:
    """Read a plain-text document from its bytes, in any encoding ``decode`` recognises."""
    text, encoding = decode(data)
    del data  # the bytes are not needed once decoded
    if text.startswith("\ufeff"):
        text = text[1:]
    if "\xa0" in text:
        # no-break spaces (html2text, lynx and w3m put them in indentation) are spaces here;
        # one character for one, so columns stay as the editor shows them
        text = text.replace("\xa0", " ")
    lines = split_lines(text)
    page_break, chrome = layout(lines)
    content = [bool(s) and not s.isspace() and not chrome[i] for i, s in enumerate(lines)]
    toc, toc_span, toc_end = contents(lines, content, page_break, chrome)
    toc = outline.level_contents(toc)
    blocks = _blocks(lines, content, page_break, chrome, toc_end, toc_span)
    items = classify(lines, blocks, toc)
    return outline.build(path, "text", text, toc, items, toc_span=toc_span, encoding=encoding)


def _blocks(
    lines: Sequence[str],
    content: Sequence[bool],
    page_break: Sequence[bool],
    chrome: Sequence[bool],
    start: int,
    toc_span: Span | None,
) -> list[list[int] | Gap]:
    """Group content lines into blocks (lists of line indices) and record blank runs as gaps.

    Blank lines next to page breaks and page headers/footers are layout, never a gap; a paragraph
    interrupted only by layout continues across it when its text runs on.
    """
    out: list[list[int] | Gap] = []
    skip = range(toc_span.line - 1, start) if toc_span else range(0)
    current: list[int] = []
    blanks = 0
    layout = False
    for i in range(len(lines)):
        if i in skip:
            continue
        if not content[i]:
            if chrome[i] or page_break[i]:
                layout = True
            else:
                blanks += 1
            continue
        if page_break[i]:
            layout = True  # a line that starts a page starts a block, unless the text runs on
        adjacent = current and current[-1] == i - 1 and not page_break[i]
        if adjacent or (current and layout and _runs_on(lines[current[-1]], lines[i])):
            current.append(i)
        else:
            if current:
                out.append(current)
            if blanks >= 2 and not layout and out:
                out.append(Gap(blanks, Span(i - blanks + 1, 1, i, 1)))
            current = [i]
        blanks = 0
        layout = False
    if current:
        out.append(current)
    return out


def _runs_on(before: str, after: str) -> bool:
    b, a = before.rstrip(), after.lstrip(" \t\f")
    return bool(b) and bool(a) and not SENTENCE_END.search(b[-12:]) and a[:1].islower()
