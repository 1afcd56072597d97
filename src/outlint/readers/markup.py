"""What the Markdown and HTML readers share: contents titles and markers, section numbers, raw HTML scans."""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import replace

from outlint import numbering
from outlint.model import Comment, Gap, Heading, Number, Paragraph, Span

Block = Heading | Paragraph | Gap

CONTENTS_TITLE = re.compile(
    r"\s*(?:table\s+of\s+contents?|contents|toc|目\s*录|目\s*次|目\s*錄|inhaltsverzeichnis|inhalt|"
    r"table\s+des\s+mati[eè]res|sommaire|[íi]ndice|contenidos?|sumário|содержание|оглавление|"
    r"on\s+this\s+page|in\s+this\s+(?:article|document|page))\s*:?\s*",
    re.IGNORECASE,
)
# Comments that open and close a generated contents list: markdown-toc, doctoc, mdformat-toc,
# "Markdown TOC" and similar tools.
_TOC_START = re.compile(
    r"\s*(?:toc|start\s+doctoc\b.*|mdformat-toc\s+start\b.*|toc\s*:?\s*start|begin\s+toc|"
    r"markdownlint-disable\s+toc|table\s+of\s+contents)\s*",
    re.IGNORECASE | re.DOTALL,
)
_TOC_END = re.compile(
    r"\s*(?:tocstop|toc\s*stop|/toc|end\s+doctoc\b.*|mdformat-toc\s+end\b.*|toc\s*:?\s*end|end\s+toc|"
    r"/table\s+of\s+contents)\s*",
    re.IGNORECASE | re.DOTALL,
)
_DATE_OR_MARK = re.compile(
    r"[-–—:(\[/]|\d{4}-\d\d|\d\d?\s+\w+\s+\d{4}|\w+\s+\d\d?,?\s+\d{4}|\(?unreleased", re.IGNORECASE
)

COMMENT_RE = re.compile(r"<!--(.*?)-->", re.DOTALL)
ID_RE = re.compile(r"<[A-Za-z][\w:-]*\s[^>]*?\b(?:id|name)\s*=\s*(?:\"([^\"]*)\"|'([^']*)'|([^\s>\"']+))", re.DOTALL)
HREF_RE = re.compile(r"<a\s[^>]*?\bhref\s*=\s*(?:\"(#[^\"]*)\"|'(#[^']*)'|(#[^\s>\"']*))", re.IGNORECASE | re.DOTALL)


def is_contents_title(text: str) -> bool:
    return len(text) < 60 and CONTENTS_TITLE.fullmatch(text) is not None


def toc_marker(comment: str) -> str | None:
    """``start`` or ``end`` for a comment that delimits a generated contents list, else None."""
    if _TOC_START.fullmatch(comment):
        return "start"
    if _TOC_END.fullmatch(comment):
        return "end"
    return None


def section_number(title: str) -> tuple[Number | None, str]:
    """Split a heading title into its section number and the rest.

    Release headings carry versions, not section numbers: ``1.2.0``, ``0.9 (2019-05-01)`` and
    ``2.1 - 2020-01-01`` (dotted, no trailing dot, then nothing, a date or a separator).
    """
    parsed = numbering.parse(title)
    if parsed is None:
        return None, title.strip()
    number, rest = parsed
    if (
        number.scheme == "decimal"
        and number.depth >= 2
        and not number.label.endswith(".")
        and (not rest or _DATE_OR_MARK.match(rest))
    ):
        return None, title.strip()
    if not rest and number.scheme == "decimal":
        return None, title.strip()  # a bare number ("## 1.") is the title itself
    return number, rest


def trust_numbers(
    blocks: Sequence[Block], anchors: Mapping[str, Heading | None]
) -> tuple[list[Block], dict[str, Heading | None]]:
    """Deepen headings whose dotted numbers say they are deeper than their tags do: texinfo gives
    ``7.1.1`` and ``7.1.1.1`` the same ``<h4>``, and Markdown authors run out of ``#``. Levels only
    ever grow, counted from the level the shallowest numbers have.

    Returns the blocks with the deepened headings in place, and the anchors pointing at them."""
    headings = [b for b in blocks if isinstance(b, Heading)]
    numbered = [h for h in headings if h.number and h.number.scheme == "decimal"]
    if not numbered:
        return list(blocks), dict(anchors)
    shallowest = min(h.number.depth for h in numbered if h.number)
    bases = Counter(h.level - shallowest + 1 for h in numbered if h.number and h.number.depth == shallowest)
    most = max(bases.values())
    base = min(b for b, n in bases.items() if n == most)
    deeper: dict[int, Heading] = {}
    for h in headings:
        if h.number and h.number.scheme == "decimal" and h.number.depth > 1:
            level = max(h.level, base + h.number.depth - 1)
            if level != h.level:
                deeper[id(h)] = replace(h, level=level)
    if not deeper:
        return list(blocks), dict(anchors)
    out = [deeper.get(id(b), b) if isinstance(b, Heading) else b for b in blocks]
    return out, {k: (deeper.get(id(h), h) if h is not None else None) for k, h in anchors.items()}


_NEWLINE = re.compile(r"\r\n|\r|\n")


def line_starts(text: str) -> list[int]:
    """Offsets where each line starts (lines end at \\n, \\r\\n or \\r only), built once per text."""
    return [0, *(m.end() for m in _NEWLINE.finditer(text))]


def position(starts: Sequence[int], offset: int) -> tuple[int, int]:
    """1-based (line, column) of an offset, from ``line_starts``."""
    k = bisect.bisect_right(starts, offset) - 1
    return k + 1, offset - starts[k] + 1


def comments_in(text: str, base_line: int) -> Iterator[Comment]:
    """The ``<!-- -->`` comments of a piece of source that starts at ``base_line`` (1-based)."""
    if "<!--" not in text:
        return
    starts = line_starts(text)
    for m in COMMENT_RE.finditer(text):
        line, col = position(starts, m.start())
        end_line, end_col = position(starts, m.end() - 1)
        yield Comment(m.group(1).strip(), Span(base_line + line - 1, col, base_line + end_line - 1, end_col))


def ids_in(text: str) -> Iterator[str]:
    """Values of ``id`` and ``name`` attributes in raw HTML."""
    if "id" not in text and "name" not in text:
        return
    for m in ID_RE.finditer(text):
        yield m.group(1) if m.group(1) is not None else m.group(2) if m.group(2) is not None else m.group(3)


def hrefs_in(text: str) -> Iterator[tuple[str, int]]:
    """``(#fragment, offset)`` of each in-page link of raw HTML."""
    if "href" not in text:
        return
    for m in HREF_RE.finditer(text):
        g = 1 if m.group(1) is not None else 2 if m.group(2) is not None else 3
        yield m.group(g), m.start(g)
