"""Headings of plain text: candidates and their features, decided against the document's own styles.

A candidate is a block that could be a heading: numbered, underlined, or a line the contents lists.
Underlined candidates and those the contents confirms are the document's evidence of how it sets
its headings; every other numbered candidate is decided by its distance to that style and by its
fit to the numbering chain, in document order.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from functools import partial

from outlint import numbering, outline
from outlint.model import Gap, Heading, Number, Paragraph, Span, TocEntry
from outlint.readers.text.blocks import Habits
from outlint.readers.text.kinds import paragraph
from outlint.readers.text.lines import HEADING_END, RULE_LINE, SENTENCE_END, TOC_TITLE, UNDERLINE, indent
from outlint.readers.text.outdent import NAME_LINE, outdented
from outlint.readers.text.styles import WORDY, Listing, Style, continues, learn, restarts_inside, settle_levels

_VERSION_TITLE = re.compile(r"[-–—(\s]*(?:\d{4}-\d{2}-\d{2}|\d{1,2} \w+ \d{4}|[-–—]\s)")
# What follows a release's version in release notes: nothing, or a status in brackets
_RELEASE_NOTE = re.compile(r"(?:[(\[][^()\[\]]{0,40}[)\]])?")


def _release(number: Number, title: str) -> bool:
    """A release in release notes ("2.26.0", "1.5.4 (development)", "3.42.1 - 2022-04-17"), not a
    section: a dotted number with a date, a status in brackets or nothing after it (sections
    have titles)."""
    if _VERSION_TITLE.match(title):
        return True
    return number.scheme == "decimal" and number.depth >= 2 and bool(_RELEASE_NOTE.fullmatch(title.strip()))


_WORDISH = re.compile(r"[^\W\d_]{2}|[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
# Labels of questions and answers in FAQs
_FAQ_LABELS = frozenset({"Q.", "A.", "Q:", "A:"})
# A numbered heading may wrap over this many lines; a longer numbered block is a paragraph.
TITLE_LINES = 4
# A wrapped title has at most this many words.
TITLE_WORDS = 30
# Words set apart by this many spaces stand in columns (a table row, a sequence diagram's line)
_COLUMN_GAP = re.compile(r"\S {4,}\S")
# An arrow drawn in ASCII, standing as a word of its own
_ARROW = re.compile(r"(?<!\S)(?:<?-{1,3}>|<-{1,3}|<?={1,2}>|\.{3})(?!\S)")
# How many numbered headings back the chain is looked at (as ``styles.continues`` does)
CHAIN_BACK = 50


def _heading_shape(title: str) -> bool:
    t = title.strip()
    if not t or len(t) > 160 or len(t.split()) > 30 or not _WORDISH.search(t):
        return False
    if HEADING_END.search(t):
        return False
    if t.endswith((".", "。")) and not t.isupper() and (len(t.split()) > 3 or ". " in t):
        return False
    return not t[0].islower()


def _glued_heading(
    lines: Sequence[str], block: list[int], after: list[int] | Gap | None, items: Sequence[Item]
) -> bool:
    """Whether a block's last line is a numbered heading with no blank line above it: it follows a
    finished sentence and the next block is its first sub-section ("6. Committee" then "6.1. Powers"),
    or it follows an indented example or table and goes on with the numbering so far."""
    last = lines[block[-1]]
    parsed = numbering.parse(last)
    if parsed is None or not _heading_shape(parsed[1]) or not isinstance(after, list):
        return False
    before = lines[block[-2]]
    if indent(before) > indent(last) and indent(lines[after[0]]) <= indent(last):
        # hand-written specifications set a section's number right under the end of an indented
        # declaration or table, with no blank line: it is a heading if it is the next section
        return continues(parsed[0], _numbers(items))
    if not SENTENCE_END.search(before[-12:]):
        return False
    child = numbering.parse(lines[after[0]])
    return child is not None and child[0].values[:-1] == parsed[0].values and child[0].values[-1] == 1


def _loose_shape(title: str) -> bool:
    """A title that is in its place in a numbered sequence: lowercase starts (commands, file names),
    a closing full stop and a wrapped second line are fine; a clause ending in a comma is not."""
    t = title.strip()
    return bool(t) and len(t) <= 200 and len(t.split()) <= 30 and not HEADING_END.search(t) and ". " not in t


def _in_list(number: Number, items: Sequence[object], run: Number | None) -> bool:
    """Whether a numbered line is an item of a list: the first item after a paragraph that ends
    with a colon, or the next item of such a list."""
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
    )


def _numbered(lines: Sequence[str], block: list[int]) -> tuple[Number, str, int] | None:
    """(number, title, index of the title's last line) for a numbered heading candidate block.

    One line (``2.3 Scope``), a number alone over its title (``CHAPTER I.`` / ``THE ARRIVAL.``), or
    a title wrapped over up to ``TITLE_LINES`` lines, none of which starts with a number.
    """
    parsed = numbering.parse(lines[block[0]].replace("\f", ""))
    if parsed is None:
        return None
    number, title = parsed
    if _release(number, title) and (title or number.depth >= 3):
        return None  # a release ("3.42.1 - 2022-04-17"), not a section
    if len(block) == 1:
        return number, title, block[0]
    second = lines[block[1]].strip()
    if (
        len(block) == 2
        and not title
        and (number.scheme in WORDY or "roman" in number.scheme)
        and _heading_shape(second)
        and len(second.split()) <= 12
    ):
        return number, second, block[1]
    if not title or len(block) > TITLE_LINES:
        return None
    rest = [lines[j].replace("\f", "").strip() for j in block[1:]]
    if any(not r or r[0].isdigit() or numbering.parse(r) is not None for r in rest):
        return None
    return number, " ".join([title, *rest]), block[-1]  # a title wrapped onto the lines below


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
    number_listed: bool  # the contents has an entry with this number (whatever its title)
    hanging: bool = False  # the text under it hangs at its title's column, right of the prose


def classify(
    lines: Sequence[str], blocks: Sequence[list[int] | Gap], toc: Sequence[TocEntry], habits: Habits
) -> list[outline.Block]:
    """Headings and paragraphs of the body, in document order."""
    listing = Listing(toc)
    # a document with a contents block names its unnumbered headings there
    outdent = {} if toc else outdented(lines, blocks, habits.prose_indent)
    items = _candidates(lines, list(blocks), listing, habits, outdent)
    style = learn(
        [
            (x.number, x.span.column - 1, x.style.startswith("underline"))
            for x in items
            if isinstance(x, Heading) and x.number is not None and x.style
        ]
        + [
            (c.heading.number, c.margin, False)
            for c in items
            if isinstance(c, Candidate) and c.listed and c.heading.number
        ],
        [
            (c.heading.number, c.margin)
            for c in items
            if isinstance(c, Candidate) and c.heading.number and c.title_lines == 1 and _heading_shape(c.heading.title)
        ],
    )
    decided = _decide(items, style, habits)
    listed_numbered = {outline.normalize_title(h.title) for h in decided if isinstance(h, Heading) and h.number}
    out: list[outline.Block] = []
    for item in decided:
        if isinstance(item, tuple):
            heading, entry = item
            # a numbered entry's title standing alone is its heading only if no numbered heading has it
            if entry.number is None or outline.normalize_title(heading.title) not in listed_numbered:
                out.append(heading)
            else:
                out.append(Paragraph(heading.title, heading.span, "lines"))
        else:
            out.append(item)
    blocks_out = _roman_appendices(_uncontested(_drop_listings(_number_underlined(out))))
    headings = [b for b in blocks_out if isinstance(b, Heading)]
    settled = dict(zip(map(id, headings), settle_levels(headings, listing), strict=True))
    return [settled.get(id(b), b) if isinstance(b, Heading) else b for b in blocks_out]


class _PartBreak:
    """A horizontal rule between blocks: where a document made of parts may start a new one."""


PART_BREAK = _PartBreak()
Item = outline.Block | Candidate | tuple[Heading, TocEntry] | _PartBreak


def _candidates(
    lines: Sequence[str], blocks: list[list[int] | Gap], listing: Listing, habits: Habits, outdent: dict[int, int]
) -> list[Item]:
    """First pass: underlined headings, numbered candidates, lines the contents lists, outdented
    titles (``outdent``: line index -> level), paragraphs."""
    base = habits.prose_indent
    outer = _underline_indents(lines, blocks)
    underline_order: list[str] = []
    faq = False
    run: Number | None = None  # the last item of a numbered list a sentence introduced
    mini_toc: int | None = None  # indentation of a chapter's own contents list being skipped
    items: list[Item] = []
    k = 0
    while k < len(blocks):
        block = blocks[k]
        k += 1
        if isinstance(block, Gap):
            items.append(block)
            continue
        first = lines[block[0]].replace("\f", "")
        if RULE_LINE.fullmatch(first) and (len(block) == 1 or _underline_heading(lines, block) is None):
            items.append(PART_BREAK)  # a horizontal rule: layout, and maybe the end of a part
            if len(block) == 1:
                continue
            block = block[1:]  # the text right under the rule
            first = lines[block[0]].replace("\f", "")
        after = blocks[k] if k < len(blocks) else None
        if len(block) > 1 and _glued_heading(lines, block, after, items):
            blocks.insert(k, [block[-1]])  # a heading glued under the paragraph before it
            block = block[:-1]
        if mini_toc is not None:
            if len(block) == 1 and indent(first) >= mini_toc and not SENTENCE_END.search(first[-12:]):
                continue  # an entry of a chapter's own contents list
            mini_toc = None
        if len(block) == 1 and items and TOC_TITLE.fullmatch(first.strip()):
            mini_toc = indent(first)  # a chapter's own contents: its entries are not headings
            continue
        if block[0] in outdent:
            level = outdent[block[0]]
            span = Span(block[0] + 1, indent(first) + 1, block[0] + 1, len(first.rstrip()))
            items.append(Heading(level, None, first.strip(), span, style="outdent"))
            if len(block) > 1:
                blocks.insert(k, block[1:])  # the body set right under its title
            nxt = blocks[k] if k < len(blocks) else None
            if isinstance(nxt, list) and nxt[0] not in outdent:
                made = paragraph(lines, nxt, [], habits)
                if made.kind == "prose" and NAME_LINE.fullmatch(made.text):
                    items.append(replace(made, kind="list"))  # "name - summary" under its title
                    k += 1
            continue
        under = _underline_heading(lines, block)
        if under is not None and (
            indent(lines[under[0]]) > base + 1
            or under[1] != block[-1]
            or _sample_title(lines, under, blocks[k] if k < len(blocks) else None, outer)
        ):
            # an underlined title inside an indented example, or with text straight under its
            # underline (a sample file's title), is part of the example
            under = None
        if under is not None:
            items.append(_underlined(lines, under, underline_order))
            continue
        previous = [x for x in items[-1:] if isinstance(x, Paragraph)]
        fallback = partial(paragraph, lines, block, previous, habits)
        candidate = _numbered(lines, block)
        if candidate is not None and candidate[0].label in ("Q.", "A.") and (faq or candidate[0].label == "Q."):
            faq = True  # "Q. ... / A. ..." question and answer labels, not letters in a sequence
            candidate = None
        if candidate is not None:
            number, title, end_idx = candidate
            # a first sub-section under a sentence that ends with a colon ("... defined in FTP:" then
            # "3.4.1.  STREAM MODE") goes on with the chain of dotted sections: no list starts so
            in_list = _in_list(number, items, run) and not (number.depth >= 2 and continues(number, _numbers(items)))
            if in_list:
                run = number
                made = fallback()
                items.append(Paragraph(made.text, made.span, "list"))
                continue
            next_block = False
            if not title and k < len(blocks):
                nxt = blocks[k]
                if (
                    isinstance(nxt, list)
                    and len(nxt) == 1
                    and _heading_shape(lines[nxt[0]])
                    and len(lines[nxt[0]].split()) <= 12
                ):
                    title, end_idx, next_block = lines[nxt[0]].strip(), nxt[0], True
            listed = bool(title) and listing.find(number, title) is not None
            span = Span(block[0] + 1, indent(first) + 1, end_idx + 1, len(lines[end_idx].rstrip()))
            heading = Heading(0, number, title, span, style="numbered")
            title_lines = 1 if next_block or len(block) == 1 else block.index(end_idx) + 1
            number_listed = number.scheme in listing.schemes.get(number.values, ())
            after = blocks[k] if k < len(blocks) and not next_block else None
            hanging = _hanging(lines, first, title, after, habits)
            items.append(
                Candidate(
                    heading, fallback, indent(first), title_lines, listed, in_list, next_block, number_listed, hanging
                )
            )
            run = None  # a list ends at the next numbered block that is not one of its items
            if next_block:
                k += 1
            continue
        if len(block) == 1 and listing.toc and len(first.strip()) <= 160 and outline.normalize_title(first):
            entry = listing.find(None, first)
            if entry is not None:
                listed_entry = listing.toc[entry]
                span = Span(block[0] + 1, indent(first) + 1, block[0] + 1, len(first.rstrip()))
                heading = Heading(listed_entry.level, None, first.strip(), span, style="contents")
                items.append((heading, listed_entry))
                continue
        items.append(fallback())
    return items


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


def _underline_indents(lines: Sequence[str], blocks: Sequence[list[int] | Gap]) -> dict[str, int]:
    """The least indent of the titles underlined with each character."""
    out: dict[str, int] = {}
    for block in blocks:
        if isinstance(block, list) and len(block) >= 2:
            under = _underline_heading(lines, block)
            if under is not None:
                margin = indent(lines[under[0]])
                out[under[2]] = min(margin, out.get(under[2], margin))
    return out


def _sample_title(
    lines: Sequence[str], under: tuple[int, int, str], after: list[int] | Gap | None, outer: dict[str, int]
) -> bool:
    """An underlined title indented past the document's other titles underlined alike, over text
    indented as far: a sample inside an example (a quoted mail with its own headings in a manual)."""
    margin = indent(lines[under[0]])
    if margin <= outer.get(under[2], margin) + 1 or not isinstance(after, list):
        return False
    return indent(lines[after[0]]) >= margin


def _hanging(lines: Sequence[str], first: str, title: str, after: list[int] | Gap | None, habits: Habits) -> bool:
    """Whether the text after a numbered line hangs at the column of the line's title, right of the
    prose indent: a list item's text ("4. Test it" over "   Run it twice."), where a section's text
    starts at the prose indent. An example or a table that happens to start there is not text."""
    if not title or not isinstance(after, list):
        return False
    column = first.find(title.split()[0])
    if column <= habits.prose_indent + 1 or indent(lines[after[0]]) != column:
        return False
    return paragraph(lines, after, [], habits).kind in ("prose", "list", "quote")


# An undotted number before a quoted name: "3 ‘sed’ scripts" (a count before a unit, "32 bit
# builds", is no number of a section)
_BARE_TITLE = re.compile(r"\s*([1-9]\d{0,2})[ \t]+([‘'\"`“«].*)")


def _bare_underlined(title: str) -> tuple[Number, str] | None:
    """The undotted number of an underlined title that starts with a quoted name (Info chapters:
    "3 ‘sed’ scripts" over "*****"): alone, a bare number needs a capital after it to be a
    section's number, but a quoted name after it is no count either."""
    m = _BARE_TITLE.fullmatch(title.rstrip())
    if m is None or not _loose_shape(m.group(2)):
        return None
    return Number(m.group(1), "decimal", (int(m.group(1)),)), m.group(2).strip()


def _underlined(lines: Sequence[str], under: tuple[int, int, str], order: list[str]) -> Heading:
    title_idx, last_idx, char = under
    if char not in order:
        order.append(char)
    title_line = lines[title_idx]
    parsed = numbering.parse(title_line) or _bare_underlined(title_line)
    if parsed is not None and _release(*parsed):
        parsed = None  # "3.42.1 - 2022-04-17": a release in a changelog, not a section number
    if parsed is not None and parsed[0].label in _FAQ_LABELS:
        parsed = None  # "Q.  Why would I ...?": a question's label, not a letter in a sequence
    number = parsed[0] if parsed else None
    title = parsed[1] if parsed else title_line.strip()
    span = Span(title_idx + 1, indent(title_line) + 1, last_idx + 1, len(lines[last_idx].rstrip()))
    return Heading(order.index(char) + 1, number, title, span, style=f"underline:{char}")


def _lone_letter(number: Number) -> bool:
    """A label of one letter (``J.``, ``(c)``, ``M.``): an initial as often as a heading number."""
    latin = "alpha" in number.scheme or "roman" in number.scheme
    return latin and number.depth == 1 and sum(1 for c in number.label if c.isascii() and c.isalpha()) == 1


def _in_sequence(number: Number, seen: Sequence[Number]) -> Number | None:
    """The reading of a one-letter label that starts a letter or Roman sequence or goes on with
    one (``C.`` after ``B.`` is a letter, ``L.`` after ``XLIX.`` a numeral); None outside one."""
    if number.values[0] == 1 or continues(number, seen):
        return number
    alpha = numbering.as_alpha(number)
    if alpha is not None and (alpha.values[0] == 1 or continues(alpha, seen)):
        return alpha
    return None


def _decide(items: Sequence[Item], style: Style, habits: Habits) -> list[outline.Block | tuple[Heading, TocEntry]]:
    """Second pass, in document order: each numbered candidate against the learnt style and the
    numbering chain of the headings accepted before it."""
    seen = Chain()
    parents = _parents(items)
    bodiless = _bodiless(items)
    out: list[outline.Block | tuple[Heading, TocEntry]] = []
    ruled = False  # a horizontal rule since the last heading
    for item in items:
        if isinstance(item, _PartBreak):
            ruled = True
            continue
        if isinstance(item, Candidate) and ruled and _starts_part(item, seen):
            # documents made of parts (release notes, collected memos) number each part afresh
            seen = Chain()
            item = replace(item, heading=replace(item.heading, style="numbered+part"))
        if isinstance(item, Heading | Candidate):
            ruled = False
        if isinstance(item, Heading):
            if item.number is not None:
                seen.append(item.number)
            out.append(item)
            continue
        if not isinstance(item, Candidate):
            out.append(item)
            continue
        how = _judge(item, seen, style, habits, id(item) in parents, id(item) in bodiless)
        if how is None:
            out.append(item.fallback())
            continue
        h = item.heading
        assert h.number is not None
        read_as = _in_sequence(h.number, seen) if _lone_letter(h.number) else None
        seen.append(read_as or h.number)
        out.append(replace(h, style=how + "+part" if h.style == "numbered+part" else how))
    return out


class Chain(list[Number]):
    """The numbers of the headings accepted so far, with the schemes they use (looked up often)."""

    def __init__(self) -> None:
        super().__init__()
        self.schemes: set[str] = set()
        self.top: set[str] = set()  # schemes used by one-part numbers

    def append(self, number: Number) -> None:
        super().append(number)
        self.schemes.add(number.scheme)
        if number.depth == 1:
            self.top.add(number.scheme)


def _starts_part(c: Candidate, seen: Chain) -> bool:
    """A first section numbered afresh after a rule, where earlier parts were numbered the same way."""
    number = c.heading.number
    if number is None or number.values != (1,) or not seen:
        return False
    return number.scheme in seen.top


def _bodiless(items: Sequence[Item]) -> set[int]:
    """The candidates followed directly by another numbered candidate, with no text between."""
    out: set[int] = set()
    last: Candidate | None = None
    for item in items:
        if isinstance(item, Gap):
            continue
        if isinstance(item, Candidate) and last is not None:
            out.add(id(last))
        last = item if isinstance(item, Candidate) else None
    return out


def _parents(items: Sequence[Item]) -> set[int]:
    """The candidates whose next numbered candidate is their first sub-section ("7" then "7.1"):
    the numbering below them says what they are, whatever came before them."""
    out: set[int] = set()
    last: Candidate | None = None
    for item in items:
        if not isinstance(item, Candidate) or item.heading.number is None:
            continue
        n = item.heading.number
        if last is not None and last.heading.number is not None:
            p = last.heading.number
            if n.depth == p.depth + 1 and n.values == (*p.values, 1):
                out.add(id(last))
        last = item
    return out


def _judge(
    c: Candidate, seen: Chain, style: Style, habits: Habits, parent: bool = False, bodiless: bool = False
) -> str | None:
    """How a numbered candidate is a heading (``numbered``, ``numbered+contents``, ``numbered+chain``,
    ``numbered+wrapped``), or None when it is not one."""
    h = c.heading
    number = h.number
    assert number is not None
    fam = numbering.family(number)
    if c.title_lines == 1 and _COLUMN_GAP.search(h.title):
        return None  # a numbered row of a table or diagram: its cells stand apart in columns
    if len(_ARROW.findall(h.title)) >= 2:
        return None  # a numbered line of a sequence diagram ("2. SYN-SENT --> <SEQ=100> --> LISTEN")
    if fam in WORDY and h.title[:1].islower() and SENTENCE_END.search(h.title):
        return None  # a sentence that cites a division ("Section 9 provides a few paragraphs on ...")
    if c.listed:
        return "numbered+contents"
    if c.hanging and not c.number_listed:
        return None  # a list item: its text hangs under its title, right of the document's prose
    if c.in_list or (_lone_letter(number) and _in_sequence(number, seen) is None and not c.listed):
        return None  # an item of a list; an initial ("J. Smith") outside a letter sequence
    if style.underlines(fam) or restarts_inside(number, seen):
        return None  # the document underlines its headings; a "1." inside "1.1.": a list
    placed = style.indent_ok(fam, number.depth, c.margin)
    deep = placed is None and (c.margin > habits.prose_indent + 2 or style.off_vote(fam, c.margin))
    if placed is False or deep:
        return None  # deeper than the headings the document confirmed, or than its prose: a list
    fits = continues(number, seen)
    title = h.title
    if c.title_lines > 1:
        wrapped_ok = (number.depth >= 2 or fam in WORDY) and len(title.split()) <= TITLE_WORDS
        # (a question may wrap over two sentences in a FAQ: "There are many bugs. Does this mean ...?")
        one_thought = ". " not in title or title.endswith("?")
        if fits and wrapped_ok and one_thought and not HEADING_END.search(title):
            return "numbered+wrapped"
        return None
    if number.label.isdigit():
        # an undotted "2 Data Types" is a heading only where the numbering expects it (the first
        # chapter, the next one, a number the contents lists, one whose first sub-section comes
        # next, so that a lost section before it shows as a gap): bare numbers also start the rows
        # of tables and lists ("13 Numeric coprocessor")
        first = number.values == (1,) and number.scheme not in seen.schemes
        expected = fits or first or c.number_listed or parent
        return "numbered+chain" if expected and _heading_shape(title) else None
    if (not title and fam in WORDY) or _heading_shape(title):
        return "numbered"
    if fam in WORDY and number.label[-1:] in ".:-–—" and _loose_shape(title) and not SENTENCE_END.search(title):
        # a label that names its kind, set off from its title ("Book the Second--the Golden
        # Thread"), unlike a sentence that cites one ("Section 7.2 establishes a registry.")
        return "numbered"
    if fits and _loose_shape(title) and not (bodiless and SENTENCE_END.search(title)):
        # (a sentence with a full stop and no text under it, before the next number: a list item,
        # "b.  Systems now use ~/_inputrc as the last-ditch inputrc filename.")
        return "numbered+chain"
    return None


def _roman_appendices(items: list[outline.Block]) -> list[outline.Block]:
    """Appendices numbered in Roman ("APPENDIX I", "APPENDIX II") read so, not as letters."""
    heads = [(k, b) for k, b in enumerate(items) if isinstance(b, Heading) and b.number is not None]
    fixed = numbering.roman_appendices([h.number for _, h in heads if h.number is not None])
    out = list(items)
    for j, number in fixed.items():
        k, h = heads[j]
        out[k] = replace(h, number=number)
    return out


def _lists_children(item: object, values: tuple[int, ...]) -> bool:
    """Whether a paragraph is a listing of the sub-sections of ``values`` ("3.4.1. Purpose ...")."""
    if not isinstance(item, Paragraph):
        return False
    parsed = numbering.parse(item.text)
    return parsed is not None and parsed[0].depth > len(values) and parsed[0].values[: len(values)] == values


def _numbered_heading(item: object) -> bool:
    return isinstance(item, Heading) and item.number is not None and (item.style or "").startswith("numbered")


def _drop_listings(items: list[outline.Block]) -> list[outline.Block]:
    """A chapter's own list of its sections (DocBook text exports print one under each chapter
    title, untitled) repeats headings that come later with their text: the early, empty copies
    are a listing, not headings."""
    last: dict[tuple[int, tuple[int, ...], str], int] = {}
    part = 0
    parts: dict[int, int] = {}
    for k, item in enumerate(items):
        if isinstance(item, Heading) and item.number is not None and _numbered_heading(item):
            part += "+part" in (item.style or "")
            parts[k] = part
            last[(part, item.number.values, outline.normalize_title(item.title))] = k
    out = list(items)
    for k, item in enumerate(items):
        if not isinstance(item, Heading) or item.number is None or not _numbered_heading(item):
            continue
        key = (parts[k], item.number.values, outline.normalize_title(item.title))
        j = k + 1
        while j < len(items) and isinstance(items[j], Gap):
            j += 1
        nxt = items[j] if j < len(items) else None
        empty = nxt is None or isinstance(nxt, Heading) or _lists_children(nxt, key[1])
        if last[key] != k and empty:
            out[k] = Paragraph(item.label, item.span, "lines")
    return out


def _uncontested(items: list[outline.Block]) -> list[outline.Block]:
    """Mark the numbered headings read by their shape whose numbering family has no other use in
    the document: no paragraph starts with a number of that family (a list item, a step, a
    numbered note). Where a family numbers headings only, its headings are what they look like;
    where it also numbers lists, a heading read by its shape alone may be one more item."""
    contested: set[str] = set()
    for item in items:
        if isinstance(item, Paragraph):
            parsed = numbering.parse(item.text[:40])
            if parsed is not None:
                contested.add(numbering.family(parsed[0]))
    out: list[outline.Block] = []
    for item in items:
        style = (item.style or "") if isinstance(item, Heading) else ""
        shaped = style.startswith("numbered") and "contents" not in style
        if isinstance(item, Heading) and item.number and shaped and numbering.family(item.number) not in contested:
            item = replace(item, style=style + "+uncontested")
        out.append(item)
    return out


def _number_underlined(items: list[outline.Block]) -> list[outline.Block]:
    """Underlined headings whose numbers say otherwise take their levels from the numbers.

    Underline styles rank by first appearance, which is right until a document underlines
    "2." and "2.1." alike: then dotted depth decides, relative to the first numbered heading."""
    numbered = [
        x for x in items if isinstance(x, Heading) and x.number is not None and (x.style or "").startswith("underline")
    ]
    if len({h.level - h.number.depth for h in numbered if h.number}) <= 1:
        return items  # underline levels and dotted depths agree
    levels = outline.infer_levels(outline.resolve_letters([h.number for h in numbered]))
    offset = numbered[0].level - (levels[0] or 1)
    relevel = {
        id(h): replace(h, level=max(1, (level or 1) + offset)) for h, level in zip(numbered, levels, strict=True)
    }
    return [relevel.get(id(x), x) if isinstance(x, Heading) else x for x in items]


# A statement or a brace ends the line: code, not a title
_CODE_END = re.compile(r"[;{}]\s*$")


def _underline_heading(lines: Sequence[str], block: list[int]) -> tuple[int, int, str] | None:
    if len(block) >= 3 and UNDERLINE.fullmatch(lines[block[0]]) and UNDERLINE.fullmatch(lines[block[2]]):
        c = lines[block[0]].strip()[0]
        if lines[block[2]].strip()[0] == c and not UNDERLINE.fullmatch(lines[block[1]]):
            if _CODE_END.search(lines[block[1]]):
                return None  # one line of code in a listing set between rules (AsciiDoc's "----")
            return block[1], block[2], "over" + c
    if len(block) >= 2 and block[1] == block[0] + 1:
        under = lines[block[1]].strip()
        title = lines[block[0]].strip()
        if _CODE_END.search(title):
            return None  # a line of code over a rule
        if UNDERLINE.fullmatch(under) and not UNDERLINE.fullmatch(title) and len(under) >= max(3, len(title) * 0.6):
            return block[0], block[1], under[0]
    return None
