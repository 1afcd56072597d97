"""Emacs's outline mode in plain text: a file that declares it sets its headings as starred lines."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from outlint.model import Gap
from outlint.readers.text.lines import indent

# Emacs's outline mode, as a file declares it on its first lines ("GNU grep NEWS  -*- outline -*-")
_OUTLINE_MODE = re.compile(r"-\*-\s*(?:mode:\s*)?outline\s*-\*-", re.IGNORECASE)
# ... and its headings: stars at the margin, then the title
_OUTLINE_HEADING = re.compile(r"(\*{1,8}) +(\S.*)")
# The first lines of a file that may declare its mode
MODE_LINES = 3


def _outline_items(lines: Sequence[str], blocks: Sequence[list[int] | Gap]) -> frozenset[int]:
    """The star levels of an outline whose entries are items, not headings: most of them are
    followed by another starred line no deeper, with no text or entries of their own ("** Fix
    printf() crash" / "** Remove compiler warnings", one change each)."""
    starred = [b for b in blocks if isinstance(b, list)]
    counts: Counter[int] = Counter()
    with_text: Counter[int] = Counter()
    for k, block in enumerate(starred):
        star = _OUTLINE_HEADING.fullmatch(lines[block[0]]) if len(block) == 1 else None
        if star is None:
            continue
        level = len(star.group(1))
        counts[level] += 1
        nxt = starred[k + 1] if k + 1 < len(starred) else None
        below = _OUTLINE_HEADING.fullmatch(lines[nxt[0]]) if nxt is not None else None
        # text under it, or an entry one level deeper: its own or its children's
        with_text[level] += nxt is not None and (below is None or len(below.group(1)) > level)
    return frozenset(level for level, n in counts.items() if with_text[level] * 2 < n)


def _under_outline_entry(lines: Sequence[str], blocks: Sequence[list[int] | Gap], k: int) -> int | None:
    """What follows an outline entry (``blocks[k]`` on, past a gap): the stars of the next entry,
    0 for text indented under it (outline files indent their text) or for the document's end, None
    for text back at the margin ("User-visible changes in version 2.2:"), which is the entry's list
    going on, not its body. A deeper entry makes the entry a heading even where its level's entries
    are mostly items. (A gap is one item between two blocks: two items are looked at.)"""
    for j in range(k, min(k + 2, len(blocks))):
        block = blocks[j]
        if isinstance(block, list):
            star = _OUTLINE_HEADING.fullmatch(lines[block[0]])
            if star is not None:
                return len(star.group(1))
            return 0 if indent(lines[block[0]]) > 0 else None
    return 0


def _outline_mode(lines: Sequence[str]) -> bool:
    """Whether the document declares Emacs's outline mode on one of its first lines."""
    return any("-*-" in line and _OUTLINE_MODE.search(line) for line in lines[:MODE_LINES])
