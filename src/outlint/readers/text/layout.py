"""Page layout in plain text: page breaks, headers, footers and running heads, which are not content."""

from __future__ import annotations

import re
from collections.abc import Sequence

_PAGE_MARK = re.compile(
    r".*\[\s*page\s+\d+\s*\]\s*|\s*[-–—]\s*\d{1,4}\s*[-–—]\s*|\s*page\s+\d{1,4}(?:\s+of\s+\d{1,4})?\s*",
    re.IGNORECASE,
)
# a running head: a title in capitals and a page number far apart ("M. DUVAL COMES ASHORE      5")
_RUNNING_HEAD = re.compile(r"\s*(?:[^a-z\s][^a-z]*?\S\s{6,}\d{1,4}|\d{1,4}\s{6,}[^a-z\s][^a-z]*)\s*")
_BARE_PAGE = re.compile(r"\s*(?:\d{1,4}|[ivxlc]{1,6})\s*", re.IGNORECASE)
_DIGITS = re.compile(r"\d+")
_SPACES = re.compile(r"\s+")
# Info files: node separators and "File: x.info,  Node: y,  Next: ..." navigation lines
_INFO_NODE = re.compile(r"\x1f|File: [^,\s]+,\s+Node: [^,]+,.*")


def _maybe_page_mark(s: str) -> bool:
    # cheap test before the regex: every page mark has "page" or a dash around a number
    return "age" in s or "AGE" in s or s.lstrip()[:1] in ("-", "–", "—")


def _norm(line: str) -> str:
    return _SPACES.sub(" ", _DIGITS.sub("#", line.strip().lower()))


def layout(lines: Sequence[str]) -> tuple[list[bool], list[bool]]:
    """Which lines carry a page break, and which are page headers/footers (not content)."""
    n = len(lines)
    page_break = [False] * n
    chrome = [False] * n
    breaks = [i for i, s in enumerate(lines) if "\f" in s]
    for i in breaks:
        page_break[i] = True
    for i, s in enumerate(lines):
        if s[:1] in ("\x1f", "F") and _INFO_NODE.match(s):
            chrome[i] = True
    marks = [
        i
        for i, s in enumerate(lines)
        if len(s) < 120
        and (
            (_maybe_page_mark(s) and _PAGE_MARK.fullmatch(s))
            or ((s[-1:].isdigit() or s.lstrip()[:1].isdigit()) and _RUNNING_HEAD.fullmatch(s))
        )
    ]
    anchors = sorted(set(breaks) | set(marks))
    if not anchors:
        return page_break, chrome
    # Lines next to a page break or page mark are headers/footers when they are page marks, bare
    # page numbers, or the same text (digits aside) next to at least two different page breaks.
    near: dict[int, set[int]] = {}
    cluster: dict[int, int] = {}  # a page mark and the form feed after it are one page break
    for k, a in enumerate(anchors):
        cluster[a] = cluster[anchors[k - 1]] if k and a - anchors[k - 1] <= 4 else a
    for a in anchors:
        for step in (-1, 1):
            j, seen = a + step, 0
            while 0 <= j < n and seen < 2 and abs(j - a) <= 4:
                if lines[j].strip():
                    near.setdefault(j, set()).add(cluster[a])
                    seen += 1
                j += step
        if "\f" in lines[a] and lines[a].replace("\f", "").strip():
            near.setdefault(a, set()).add(cluster[a])
    where: dict[str, set[int]] = {}
    for j, around in near.items():
        where.setdefault(_norm(lines[j].replace("\f", "")), set()).update(around)
    for j in set(near) | set(marks):
        s = lines[j].replace("\f", "")
        if len(s) > 120:
            continue
        if (
            j in marks
            or len(where[_norm(s)]) >= 2
            or (_BARE_PAGE.fullmatch(s) and "\f" in "".join(lines[max(0, j - 3) : j + 4]))
        ):
            chrome[j] = True
    return page_break, chrome
