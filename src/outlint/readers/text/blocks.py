"""Lines grouped into blocks, blank runs into gaps, and the measures of the document's own habits."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from outlint import numbering
from outlint.model import Gap, Span
from outlint.readers.text.layout import Layout
from outlint.readers.text.lines import BULLET, CJK, CODE_LINE, FENCE, SENTENCE_END, indent, words

Block = list[int]  # the indices of a block's lines, in order

# A line at least this share of the document's wrap width may have been wrapped by the author's
# editor; a shorter one ended where its text ended.
WRAPPED = 0.6
# The prose indent is learnt from this many paragraphs: a document's habit shows early.
SAMPLE = 5000


@dataclass(frozen=True, slots=True)
class Habits:
    """What the whole document says about its own layout, for thresholds relative to it.

    ``prose_indent``: the commonest indent of ordinary paragraphs. ``wrap_width``: the width at
    which the author's lines wrap (the 90th percentile of prose line widths). ``first_indent``:
    the indent of a paragraph's first line, where the document indents it as typeset text does
    (-1: it does not). ``vim_help``: the document is a Vim help file (``vim_help``), whose
    examples are code.
    """

    prose_indent: int
    wrap_width: int
    first_indent: int = -1
    vim_help: bool = False


def group(lines: Sequence[str], content: Sequence[bool], page: Layout, skip: range, width: int) -> list[Block | Gap]:
    """Group content lines into blocks and record blank runs as gaps, in document order.

    Blank lines next to page breaks, page furniture or the bounds of the text are layout, never a
    gap. A paragraph interrupted only by layout continues across it when its text runs on. Lines in
    ``skip`` (the contents block) are neither blocks nor blank: a run of blank lines stops there.
    """
    out: list[Block | Gap] = []
    current: Block = []
    blanks = 0
    run_start = 0
    layout = False
    examples = vim_help(lines)  # "... >" opens an example, "<" closes it
    example = False
    fence = closed = False  # a Markdown code fence is open; one closed on the line before
    for i in range(len(lines)):
        if i in skip:
            blanks, layout = 0, True  # a skipped block ends the blank run before it
            continue
        if not content[i]:
            if page.chrome[i] or page.page_break[i] or page.outside[i]:
                layout = True
            else:
                if blanks == 0:
                    run_start = i
                blanks += 1
            continue
        if page.page_break[i]:
            layout = True  # a line that starts a page starts a block, unless the text runs on
        adjacent = current and current[-1] == i - 1 and not page.page_break[i]
        if examples and current:
            shown, example = _example_bound(lines, current[-1], i, example)
            adjacent = adjacent and not shown
        if "```" in lines[i] and FENCE.fullmatch(lines[i]):
            # a fence opens a block of its own, and its closing fence ends one (with no blank
            # line around them, as a README in Markdown sets code under a list item)
            adjacent = adjacent and fence
            fence, closed = not fence, fence
        elif closed:
            adjacent, closed = False, False
        if adjacent or (current and layout and _runs_on(lines[current[-1]], lines[i], width)):
            current.append(i)
        else:
            if current:
                out.append(current)
            if blanks >= 2 and not layout and out:
                out.append(Gap(blanks, Span(run_start + 1, 1, run_start + blanks, 1)))
            current = [i]
        blanks = 0
        layout = False
    if current:
        out.append(current)
    return out


def vim_help(lines: Sequence[str]) -> bool:
    """Whether the document is a Vim help file: its tag on its first line ("*indent.txt*  For Vim
    version 9.2"), or its modeline ("vim:tw=78:ts=8:ft=help") on one of its last."""
    first = lines[0].lstrip("\ufeff") if lines else ""
    return (first.startswith("*") and ".txt*" in first[:40]) or any("ft=help" in s for s in lines[-3:])


def _opens_example(line: str) -> bool:
    """Whether a line of a Vim help file opens an example: it ends in " >", or is ">" alone."""
    t = line.rstrip()
    return t == ">" or t.endswith(" >")


def _example_bound(lines: Sequence[str], last: int, i: int, example: bool) -> tuple[bool, bool]:
    """Whether line ``i`` starts a block of its own in a Vim help file, and whether it is inside an
    example: a line ending in " >" opens one, its indented lines follow, and a line starting with
    "<" closes it (with the rest of that line, or the line after it, text again), as does a line
    at the margin."""
    before, line = lines[last], lines[i]
    if not example:
        if _opens_example(before):
            return True, bool(line[:1].isspace())
        return before.strip() == "<", False
    if line.strip() == "<":
        return False, False  # the example's closing mark, its last line
    if line.lstrip().startswith("<") or not line[:1].isspace():
        return True, False
    return False, True


# How far above a block the line that opens a Vim help file's example is looked for.
EXAMPLE_LOOK = 200


def in_vim_example(lines: Sequence[str], first: int) -> bool:
    """Whether an indented block of a Vim help file is (part of) an example: the indented lines and
    blank lines above it lead up to a line ending in " >" (or ">" alone), which opens one."""
    for k in range(first - 1, max(-1, first - EXAMPLE_LOOK), -1):
        s = lines[k]
        if not s.strip():
            continue
        if _opens_example(s):
            return True
        if not s[:1].isspace() or s.lstrip().startswith("<"):
            return False
    return False


def wrap_width(lines: Sequence[str], content: Sequence[bool]) -> int:
    """The width at which the document's prose wraps: the 90th percentile of the display widths of
    lines of five words or more (CJK characters are two columns and two to a word)."""
    widths = sorted(display_width(s.rstrip()) for k, s in enumerate(lines[:SAMPLE]) if content[k] and words(s) >= 5)
    return widths[len(widths) * 9 // 10] if widths else 72


def display_width(s: str) -> int:
    """Columns a line takes: CJK characters are two wide."""
    return len(s) + len(CJK.findall(s)) if not s.isascii() else len(s)


def _runs_on(before: str, after: str, width: int) -> bool:
    """Whether a paragraph broken by a page break goes on: the line before was wrapped (long, no
    final stop, not a heading on its own) and the next page starts in lower case at the same indent."""
    b, a = before.replace("\f", "").rstrip(), after.replace("\f", "")
    if not b or not a.strip() or SENTENCE_END.search(b[-12:]) or not a.lstrip()[:1].islower():
        return False
    if indent(b) != indent(a) or len(b) < WRAPPED * width:
        return False
    return numbering.parse(b) is None


# A document indents its paragraphs' first lines when this share of its blocks do, at one indent.
FIRST_INDENTED = 0.3


def habits(lines: Sequence[str], blocks: Sequence[Block | Gap], width: int) -> Habits:
    """Measure the prose indent (the commonest indent of lines of blocks that are not numbered,
    bulleted or code) and the wrap width."""
    counts: Counter[int] = Counter()
    firsts: Counter[int] = Counter()  # first lines indented past the block's next line
    seen = 0
    for block in blocks:
        if not isinstance(block, list):
            continue
        head = lines[block[0]]
        if BULLET.match(head) or CODE_LINE.match(head) or numbering.parse(head) is not None:
            continue
        counts.update(indent(lines[j]) for j in block)
        if len(block) >= 2 and indent(head) > indent(lines[block[1]]):
            firsts[indent(head)] += 1
        seen += 1
        if seen == SAMPLE:
            break
    base = counts.most_common(1)[0][0] if counts else 0
    first, times = firsts.most_common(1)[0] if firsts else (-1, 0)
    return Habits(base, width, first if times >= FIRST_INDENTED * seen else -1, vim_help(lines))
