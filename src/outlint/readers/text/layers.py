"""Layers of plain text that no heading is read in: a node's footnotes under makeinfo's rule, and
code fenced as Markdown fences it (a README in Markdown, saved as text)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from outlint.model import Gap
from outlint.readers.text.lines import FENCE, FOOTNOTES, indent

# A footnote under makeinfo's rule, numbered in parentheses ("   (1) http://python.org/").
_FOOTNOTE = re.compile(r"\s*\(\d{1,3}\)\s")


def footnotes(lines: Sequence[str], blocks: Sequence[list[int] | Gap]) -> frozenset[int]:
    """The first lines of the blocks that are footnotes: the rule that opens them, and under it the
    footnotes at its indent and what is set deeper, up to the next other block (the next node's
    title). A footnote's number is no section's."""
    out: set[int] = set()
    depth: int | None = None
    for block in blocks:
        if isinstance(block, Gap):
            continue
        first = lines[block[0]]
        if FOOTNOTES.fullmatch(first):
            depth = indent(first)
        elif depth is None or not (indent(first) > depth or (indent(first) == depth and _FOOTNOTE.match(first))):
            depth = None
            continue
        out.add(block[0])
    return frozenset(out)


def fenced(lines: Sequence[str], blocks: Sequence[list[int] | Gap]) -> frozenset[int]:
    """The first lines of the blocks inside a fenced code block: from the block a fence opens to
    the one that holds the fence closing it (none when it is never closed)."""
    out: set[int] = set()
    opened: list[int] = []  # the blocks read since the fence opened
    for block in blocks:
        if isinstance(block, Gap):
            continue
        fences = sum(1 for i in block if FENCE.fullmatch(lines[i]))
        if opened:
            opened.append(block[0])
            if fences % 2:
                out.update(opened)
                opened = []
        elif fences and FENCE.fullmatch(lines[block[0]]):
            if fences % 2:
                opened = [block[0]]
            else:
                out.add(block[0])  # opened and closed with no blank line
    return frozenset(out)
