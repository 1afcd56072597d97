"""Numbered heading candidates of plain text: a block's number and title, wrapped or not, the
features the reader keeps of it, and the numbered lines that are two headings or a heading and its body."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from outlint import numbering, outline
from outlint.model import Gap, Heading, Number, Paragraph, TocEntry
from outlint.readers.text.blocks import Habits
from outlint.readers.text.kinds import paragraph
from outlint.readers.text.lines import BULLET, SENTENCE_END, TITLE_LINES, indent
from outlint.readers.text.styles import WORDY, Listing, continues
from outlint.readers.text.titles import _MONTH_YEAR, _WORDISH, _release, heading_shape
from outlint.readers.text.tocentries import colon_numbered

# How many numbered headings back the chain is looked at (as ``styles.continues`` does)
CHAIN_BACK = 50


def _glued_heading(
    lines: Sequence[str], block: list[int], after: list[int] | Gap | None, items: Sequence[Item], listing: Listing
) -> bool:
    """Whether a block's last line is a heading with no blank line above it: numbered, it follows a
    finished sentence and the next block is its first sub-section ("6. Committee" then "6.1. Powers"),
    or it stands left of the indented text above it and goes on with the numbering so far or is
    listed in the contents; unnumbered, it stands left of the text above it and the contents lists
    it as it is."""
    last = lines[block[-1]]
    before = lines[block[-2]]
    parsed = numbering.parse(last)
    if parsed is None:
        # (a generator that dropped the blank line above each heading: "Normative references")
        return indent(before) > indent(last) and listing.lists(None, last)
    if not heading_shape(parsed[1]) or not isinstance(after, list):
        return False
    if indent(before) > indent(last):
        # hand-written specifications set a section's number right under the end of an indented
        # declaration, table or paragraph, with no blank line, left of the text above it: it is a
        # heading if it is the next section, or the contents lists it
        return listing.lists(parsed[0], parsed[1]) or continues(parsed[0], _numbers(items))
    if not SENTENCE_END.search(before[-12:]):
        return False
    child = numbering.parse(lines[after[0]])
    return child is not None and child[0].values[:-1] == parsed[0].values and child[0].values[-1] == 1


def _stacked(lines: Sequence[str], block: list[int]) -> bool:
    """Two numbered titles with no blank line between them, the second the first's first child at
    its indent ("3. Benefits" over "3.1. Multiple layers"): two headings, not one wrapped title."""
    one, two = numbering.parse(lines[block[0]]), numbering.parse(lines[block[1]])
    if one is None or two is None or indent(lines[block[0]]) != indent(lines[block[1]]):
        return False
    a, b = one[0].values, two[0].values
    return (
        one[0].scheme == two[0].scheme
        and b[:-1] == a
        and b[-1] == 1
        and heading_shape(one[1])
        and heading_shape(two[1])
    )


def _in_list(number: Number, items: Sequence[object], run: Number | None, depth: int) -> bool:
    """Whether a numbered line (at indent ``depth``) is an item of a list: the first item after a
    paragraph that ends with a colon, or the next item of such a list, never set left of it (a
    section's number at the margin after the items of an indented list: "3.  Cache Behaviour"
    after "   2.  Return the key.")."""
    last = items[-1] if items else None
    if isinstance(last, Paragraph) and last.text.endswith((":", "：")) and number.values[-1] == 1:
        return True
    return (
        run is not None
        and isinstance(last, Paragraph)
        and last.kind == "list"
        and number.scheme == run.scheme
        and number.values[:-1] == run.values[:-1]
        and number.values[-1] == run.values[-1] + 1
        and depth >= last.span.column - 1
    )


def _numbered(lines: Sequence[str], block: list[int], listing: Listing | None = None) -> tuple[Number, str, int] | None:
    """(number, title, index of the title's last line) for a numbered heading candidate block.

    One line (``2.3 Scope``), a number alone over its title (``CHAPTER I.`` / ``THE ARRIVAL.``), or
    a title wrapped over up to ``TITLE_LINES`` lines, none of which starts with a number; over any
    number of lines when the contents lists that number and title word for word (a FAQ's long
    questions, wrapped in the contents as in the body).
    """
    parsed = numbering.parse(lines[block[0]].replace("\f", "")) or colon_numbered(lines[block[0]])
    if parsed is None:
        return None
    number, title = parsed
    if _release(number, title) and (title or number.depth >= 3):
        return None  # a release ("3.42.1 - 2022-04-17"), not a section
    if number.scheme == "decimal" and number.depth == 1 and number.values[0] <= 31 and _MONTH_YEAR.fullmatch(title):
        return None  # a date ("10 Mar 2014")
    if len(block) == 1:
        return number, title, block[0]
    second = lines[block[1]].strip()
    if (
        len(block) == 2
        and not title
        and (number.scheme in WORDY or "roman" in number.scheme)
        and heading_shape(second)
        and len(second.split()) <= 12
    ):
        return number, second, block[1]
    if not title:
        return None
    rest = [lines[j].replace("\f", "").strip() for j in block[1:]]
    joined = " ".join([title, *rest])
    # a line that starts with a number is an item of its own, unless the contents lists the title
    # wrapped before it ("... for 64 bit HP-UX" / "11 when lsof is compiled with gcc?")
    numbered_line = any(not r or r[0].isdigit() or numbering.parse(r) is not None for r in rest)
    if numbered_line and (listing is None or not all(rest) or not listing.lists(number, joined)):
        return None
    if len(block) > TITLE_LINES and (listing is None or not listing.lists(number, joined)):
        return None
    return number, joined, block[-1]  # a title wrapped onto the lines below


def _items_under(lines: Sequence[str], block: list[int]) -> bool:
    """Whether a numbered title has the items of a list right under it, no blank line between
    (CJK release notes: "1.7 Canna 3.7b1からの変更点" over "・辞書にいくつかの修正を加えました。"):
    its body, not the rest of its title."""
    second = lines[block[1]]
    if not BULLET.match(second) or numbering.parse(second) is not None:
        return False
    return numbering.parse(lines[block[0]]) is not None


def _capitals_over_text(lines: Sequence[str], block: list[int]) -> bool:
    """Whether a division's title set in capitals ("SECTION 37 - UNICODE", "CHAPTER II. METHODS")
    has a line in mixed case right under it: a title in capitals wraps in capitals, so the line
    under it (a byline, "Author: ...", the body's first words) is not its continuation."""
    if lines[block[0]].rstrip()[-1:].islower():
        return False  # a title in capitals ends in one (tested first: most first lines are prose)
    parsed = numbering.parse(lines[block[0]].replace("\f", ""))
    if parsed is None or numbering.family(parsed[0]) not in WORDY:
        return False
    title, below = parsed[1], lines[block[1]]
    return _WORDISH.search(title) is not None and title.isupper() and any(ch.islower() for ch in below)


@dataclass(frozen=True, slots=True)
class Candidate:
    """A numbered block that may be a heading, with what the reader knows of it."""

    heading: Heading
    fallback: Callable[[], Paragraph]  # what the block is when it is not a heading
    margin: int  # its indent
    title_lines: int
    listed: bool  # the contents lists it (title, or number and a title much like it)
    in_list: bool  # it follows a sentence that introduces a list, or the items of one
    next_block: bool  # its title came from the next block, which it consumes
    number_listed: bool  # the contents has an entry with this number (whatever its title) not found yet
    hanging: bool = False  # the text under it hangs at its title's column, right of the prose
    wraps_back: bool = False  # its title wraps back to the number's column, as a paragraph wraps
    jump: bool = False  # the entry that lists it is far ahead of the one found last
    number_taken: bool = False  # an entry with this number has found its heading already
    renamed: bool = False  # the entry that lists it has its number and another title, much like it


class PartBreak:
    """A horizontal rule between blocks: where a document made of parts may start a new one."""


PART_BREAK = PartBreak()
Item = outline.Block | Candidate | tuple[Heading, TocEntry] | PartBreak


def _numbers(items: Sequence[Item]) -> list[Number]:
    """The numbers of the last numbered headings and candidates, in order, for a glance at the
    chain (as many as ``continues`` looks back at)."""
    out: list[Number] = []
    for item in reversed(items):
        h = item.heading if isinstance(item, Candidate) else item
        if isinstance(h, Heading) and h.number is not None:
            out.append(h.number)
            if len(out) == CHAIN_BACK:
                break
    return out[::-1]


def _hanging(lines: Sequence[str], first: str, title: str, after: list[int] | Gap | None, habits: Habits) -> bool:
    """Whether the text after a numbered line hangs at the column of the line's title, right of the
    prose indent: a list item's text ("4. Test it" over "   Run it twice."), where a section's text
    starts at the prose indent. An example or a table that happens to start there is not text."""
    if not title or not isinstance(after, list):
        return False
    column = first.find(title.split()[0])
    if column <= habits.prose_indent + 1 or indent(lines[after[0]]) != column:
        return False
    if column == habits.first_indent or (len(after) >= 2 and indent(lines[after[1]]) < column):
        return False  # a paragraph's first line indented as typeset text indents it, not a hanging body
    return paragraph(lines, after, [], habits).kind in ("prose", "list", "quote")
