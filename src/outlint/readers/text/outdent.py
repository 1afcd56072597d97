"""Outdented headings: section names set left of a body indented at the prose indent.

Manual pages rendered to text (``man -P cat``) set each section name flush left in capitals
(``NAME``, ``SYNOPSIS``, ``DESCRIPTION``) and each sub-section name a few columns in, over a body
indented further; many hand-written READMEs follow the same habit. Nothing marks these titles but
that habit, so it is learnt from the whole document: an indent left of the prose is a heading
style only when several short title lines use it, each over body text at the prose indent, and
little else does.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from typing import TypeVar

from outlint import numbering
from outlint.model import Gap, Heading, Paragraph
from outlint.readers.text.lines import BULLET, CODE_LINE, HEADING_END, SENTENCE_END, UNDERLINE, indent

# The outermost outdented style must have at least this many titles: one short line left of the
# prose can be anything, three that each open an indented body are the document's habit.
OUTDENT_MIN = 3
# A title of an outdented style has at most this many words.
OUTDENT_WORDS = 8
# A title sits at least this many columns left of its body.
OUTDENT_STEP = 2
# Other blocks may start at a style's indent, up to this share of its titles (a wrapped usage line).
OUTDENT_OTHERS = 1 / 2


def _title(s: str) -> bool:
    """A short title line: words, no closing punctuation, not a list item, code or number."""
    t = s.strip()
    if not t or len(t) > 60 or len(t.split()) > OUTDENT_WORDS or not any(c.isalpha() for c in t[:3]):
        return False
    if t[0].islower() or SENTENCE_END.search(t) or HEADING_END.search(t):
        return False
    if BULLET.match(s) or CODE_LINE.match(s) or numbering.parse(s) is not None:
        return False
    return not any(c in t for c in "()[]{}<>=|;")


def _numbered_title(s: str) -> bool:
    """A numbered section title: a dotted number ("2.1.2.") and a short title after it."""
    parsed = numbering.parse(s)
    if parsed is None or parsed[0].scheme != "decimal" or not parsed[1]:
        return False
    return _title(parsed[1])


def _body_indent(lines: Sequence[str], block: list[int], after: list[int] | Gap | None) -> int | None:
    """The indent of the body a block's first line stands over: the rest of its block, or (when it
    stands alone) the block right after it, past at most one blank line; None when the body is
    not all indented alike or there is none."""
    rest = block[1:] if len(block) > 1 else after if isinstance(after, list) else []
    margins = [indent(lines[j]) for j in rest[:3]]
    return min(margins) if margins else None


def _split_titles(lines: Sequence[str], blocks: Sequence[list[int] | Gap]) -> list[list[int] | Gap]:
    """Blocks with the title lines that open them set apart: a section's title, then its first
    sub-section's, then the body, all without a blank line ("SYNOPSIS" / "   Traditional usage" /
    "       tar ...")."""
    out: list[list[int] | Gap] = []
    for block in blocks:
        while isinstance(block, list) and len(block) > 1 and indent(lines[block[1]]) > indent(lines[block[0]]):
            if not _title(lines[block[0]]):
                break
            out.append(block[:1])
            block = block[1:]
        out.append(block)
    return out


def _underlines(lines: Sequence[str], blocks: Sequence[list[int] | Gap]) -> int:
    """How many blocks open with a title underlined as long as itself (Info, reStructuredText,
    Markdown's setext headings, hand-written READMEs)."""
    n = 0
    for block in blocks:
        if isinstance(block, list) and len(block) >= 2:
            title, rule = lines[block[0]].strip(), lines[block[1]].strip()
            n += bool(title) and UNDERLINE.fullmatch(rule) is not None and abs(len(rule) - len(title)) <= 2
    return n


def outdented(lines: Sequence[str], blocks: Sequence[list[int] | Gap], prose_indent: int) -> dict[int, int]:
    """Line index -> level of each title of the document's outdented heading styles (empty when it
    has none). The outermost style is level 1; an indent between it and its body's indent is the
    next level down (man pages' sub-sections at three columns over a body at seven)."""
    if _underlines(lines, blocks) >= OUTDENT_MIN:
        return {}  # the document underlines its titles: a line left of indented text is a term
    blocks = _split_titles(lines, blocks)
    titles: dict[int, list[int]] = {}
    bodies: dict[int, Counter[int]] = {}
    others: Counter[int] = Counter()
    numbered: Counter[int] = Counter()
    for k, block in enumerate(blocks):
        if isinstance(block, Gap):
            continue
        first = lines[block[0]]
        margin = indent(first)
        if margin > prose_indent:
            continue
        body = _body_indent(lines, block, blocks[k + 1] if k + 1 < len(blocks) else None)
        if body is not None and body >= margin + OUTDENT_STEP and _title(first):
            titles.setdefault(margin, []).append(block[0])
            bodies.setdefault(margin, Counter())[body] += 1
        else:
            others[margin] += 1
            numbered[margin] += body is not None and body > margin and _numbered_title(first)
    # numbered sections set left of a style's lines: those lines are terms inside the sections
    # ("2.1.2.  MS-CHAP-Challenge" at the margin, "   Description" over its text further in)
    sections = min((m for m, n in numbered.items() if n >= OUTDENT_MIN), default=None)
    styles = sorted(
        m
        for m, found in titles.items()
        if others[m] <= OUTDENT_OTHERS * len(found) and (sections is None or m <= sections)
    )
    if not styles or len(titles[styles[0]]) < OUTDENT_MIN:
        return {}
    outer = styles[0]
    body = bodies[outer].most_common(1)[0][0]
    styles = [outer, *(m for m in styles[1:] if m <= body - OUTDENT_STEP)]
    levels = {i: level for level, m in enumerate(styles, start=1) for i in titles[m]}
    by_indent = {m: level for level, m in enumerate(styles, start=1)}
    for k, block in enumerate(blocks):
        # a title of a learnt style with nothing under it before the next title: an empty section
        if isinstance(block, Gap) or len(block) > 1 or block[0] in levels:
            continue
        level = by_indent.get(indent(lines[block[0]]))
        after = blocks[k + 1] if k + 1 < len(blocks) else None
        ends = after is None or isinstance(after, Gap) or after[0] in levels
        if level is not None and ends and _title(lines[block[0]]):
            levels[block[0]] = level
    return levels


# The line of a manual page's NAME section, and of definition lists in the same style: a name (or
# several, file names with dots among them), a dash, a summary ("sed - stream editor for filtering
# text"), no sentence ending inside: a definition, not a sentence.
NAME_LINE = re.compile(r"(?!.*[.!?]\s)[^\s.!?][^!?]{0,400}?\s(?:-|--|–|—|‐)\s+\S[^!?]*")


T = TypeVar("T")

# The title of a manual page's NAME section, as the page and its translations spell it.
_NAME_TITLE = re.compile(r"(?i:name)|名前|名称|名稱|이름")


def name_lines(items: list[T]) -> list[T]:
    """A manual page's NAME line under its title ("gozilla - force firefox to display ..."), a
    title set as any heading of the document is (an Info manual's underlined "NAME"): a name and
    its summary, no sentence."""
    for k in range(1, len(items)):
        title, item = items[k - 1], items[k]
        if (
            isinstance(title, Heading)
            and _NAME_TITLE.fullmatch(title.title.strip())
            and isinstance(item, Paragraph)
            and item.kind == "prose"
            and NAME_LINE.fullmatch(item.text)
        ):
            items[k] = replace(item, kind="list")
    return items
