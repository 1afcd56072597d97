"""Heading candidates of plain text, the first pass: underlined titles, numbered blocks with their
features, lines the contents lists, outdented titles; everything else a paragraph.

Nothing is decided here but what a block alone shows; ``headings`` decides the numbered
candidates against the document's own styles and numbering chain.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from functools import partial

from outlint import numbering, outline
from outlint.model import Gap, Heading, Number, Paragraph, Span, TocEntry
from outlint.readers.text.blocks import Habits
from outlint.readers.text.kinds import PROMPT, paragraph
from outlint.readers.text.lines import (
    BULLET,
    FUNCTION_WORDS,
    HEADING_END,
    RULE_LINE,
    SENTENCE_END,
    TITLE_LINES,
    TOC_TITLE,
    UNDERLINE,
    indent,
)
from outlint.readers.text.outdent import NAME_LINE
from outlint.readers.text.styles import WORDY, Listing, continues
from outlint.readers.text.titles import bare_named, cjk_sentence
from outlint.readers.text.tocentries import colon_numbered

_VERSION_TITLE = re.compile(
    r"[-–—(\s]*(?:\d{4}-\d{2}-\d{2}|\d{1,2} \w+ \d{4}|[-–—]\s|"
    r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.? \d{1,2},? \d{4}\b)"
)
# A day's number and then its month and year ("10 Mar 2014", "3 September 2001"): a date line, as
# title pages and bylines set one, not a section numbered "10"
_MONTH_YEAR = re.compile(
    r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]{0,6}+\.?,?[ \t]++\d{4}\b.{0,20}+",
    re.IGNORECASE,
)
# What follows a release's version in release notes: nothing, or a status in brackets
_RELEASE_NOTE = re.compile(r"(?:[(\[][^()\[\]]{0,40}[)\]])?")


def _release(number: Number, title: str) -> bool:
    """A release in release notes ("2.26.0", "1.5.4 (development)", "3.42.1 - 2022-04-17",
    "2.70.1 - December 6, 2021"), not a section: a dotted number with a date, a status in
    brackets or nothing after it (sections have titles)."""
    if _VERSION_TITLE.match(title):
        return True
    # ("2.0" with nothing after it, its zero dropped as numbering does, is a release too: a section
    # numbered "2.0" has a title)
    deep = number.depth >= 2 or number.label.rstrip(".").endswith(".0")
    return number.scheme == "decimal" and deep and bool(_RELEASE_NOTE.fullmatch(title.strip()))


_WORDISH = re.compile(r"[^\W\d_]{2}|[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
# Labels of questions and answers in FAQs
_FAQ_LABELS = frozenset({"Q.", "A.", "Q:", "A:"})
_QUESTION_LABELS = frozenset({"Q.", "Q:"})
# A wrapped title has at most this many words.
TITLE_WORDS = 30
# Words set apart by this many spaces stand in columns (a table row, a sequence diagram's line)
COLUMN_GAP = re.compile(r"\S {4,}\S")
# An arrow drawn in ASCII, standing as a word of its own
ARROW = re.compile(r"(?<!\S)(?:<?-{1,3}>|<-{1,3}|<?={1,2}>|\.{3})(?!\S)")
# A list item marked with a symbol ("- Date", "* Application messages"): never a heading, even
# when its words are a contents entry's title
_SYMBOL_ITEM = re.compile(r"\s*[-*+•·◦▪‣–o]\s")
# A bare title stands for a numbered entry at most this many entries after the last one read:
# headings come in the contents' order
AHEAD = 3
# ... and an unnumbered entry's title at most this many: a part or an appendix lost with all its
# sections may lie between
UNNUMBERED_AHEAD = 24
# How many numbered headings back the chain is looked at (as ``styles.continues`` does)
CHAIN_BACK = 50


def heading_shape(title: str) -> bool:
    t = title.strip()
    if not t or len(t) > 160 or len(t.split()) > 30 or not _WORDISH.search(t):
        return False
    if HEADING_END.search(t):
        return False
    if _sentence_title(t):
        return False
    if cjk_sentence(t):
        return False
    return not t[0].islower() and not _comment(t)


# the line comments of ASN.1, SQL and Lua, of C and its kin, of Lisp
_COMMENT_OPENERS = ("-- ", "// ", "/* ", ";; ")


def _comment(line: str) -> bool:
    """A comment of code ("-- the SNMP group" in a MIB module), not framed as a title is
    ("-- Overview --")."""
    t = line.strip()
    return t.startswith(_COMMENT_OPENERS) and not t.endswith((" --", "*/"))


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


def _lists_entries(lines: Sequence[str], block: list[int], listing: Listing) -> bool:
    """Whether every line of a block is a numbered entry of the contents, number and title: a
    chapter's own list of its sections, printed under its title as DocBook text exports do. An
    entry may wrap onto the lines under it (at any indent), up to ``TITLE_LINES`` lines."""
    pending: tuple[Number, str] | None = None  # an entry wrapped onto the next line, its title so far
    wrapped = entries = 0
    for i in block:
        line = lines[i].strip()
        parsed = numbering.parse(line)
        if parsed is None and pending is not None and wrapped < TITLE_LINES - 1:
            parsed = (pending[0], f"{pending[1]} {line}")
            wrapped += 1
        elif parsed is not None:
            wrapped = 0
            entries += 1
        if parsed is None:
            return False
        pending = None if listing.lists(*parsed) else parsed
    # (one entry wrapped over its lines is a wrapped heading, not a list)
    return pending is None and (entries >= 2 or wrapped == 0)


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


def _short_underline(lines: Sequence[str], block: list[int], listing: Listing) -> tuple[int, int, str] | None:
    """A title the contents lists, over a rule shorter than the title (a FAQ that underlines each
    question with a rule of one length), wrapped or not: its underline all the same."""
    if len(block) < 2 or not listing.toc or not _listed_title(lines[block[0]], listing):
        return None
    for j in range(1, min(len(block), TITLE_LINES + 1)):
        if block[j] != block[0] + j:
            return None
        rule = lines[block[j]].strip()
        if UNDERLINE.fullmatch(rule) is not None:
            return block[0], block[j], rule[0]
    return None


def _listed_over_text(lines: Sequence[str], block: list[int], listing: Listing) -> bool:
    """Whether a block's first line is a numbered title the contents lists as it stands, or an
    unnumbered question it lists, and the line under it no part of it: a heading with its text set
    right under it ("A. Contributors" / "In no particular order:")."""
    parsed = numbering.parse(lines[block[0]].replace("\f", ""))
    if parsed is None and listing.toc:
        # an unnumbered question the contents lists, asked whole, over a note or its answer's
        # label ("Q: What risk does moderation introduce?" / "[added by ...]" / "A:")
        title = lines[block[0]].strip()
        below = lines[block[1]].strip()
        return title.endswith("?") and listing.lists(None, title) and not listing.lists(None, f"{title} {below}")
    if parsed is None or not parsed[1] or not listing.toc or not listing.lists(*parsed):
        return False
    below = lines[block[1]].strip()
    if not below[:1].isupper() or parsed[1].split()[-1].lower() in FUNCTION_WORDS:
        return False  # the title wraps onto the line under it ("... streamed by VLS with the" / "mini-SAP-server")
    if indent(lines[block[1]]) > indent(lines[block[0]]):
        # set in under the title: a question wrapped at its hanging indent ("2.4  ... Why not?" /
        # "     When I run configure ...")
        return False
    return not listing.lists(parsed[0], f"{parsed[1]} {below}")


# An entry found this many entries or more after the one found last is a jump ahead in the
# contents: a heading there, or a step of a list that repeats a chapter's title.
LISTED_JUMP = 8
# braces, a statement's semicolon, an assignment: a line of code, whatever title its words spell
# ("} Xtransport;" closes the declaration of the structure the contents lists as "Xtransport";
# "smtp-server=$SMTP" sets what the contents lists as "SMTP Servers")
_CODE_MARKS = re.compile(r"[{}]|;\s*$|\w=\S")


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


def candidates(
    lines: Sequence[str], blocks: list[list[int] | Gap], listing: Listing, habits: Habits, outdent: dict[int, int]
) -> list[Item]:
    """First pass: underlined headings, numbered candidates, lines the contents lists, outdented
    titles (``outdent``: line index -> level), paragraphs."""
    base = habits.prose_indent
    outer = _underline_indents(lines, blocks)
    closing = _closing_rules(lines, blocks)
    # framed titles are the document's headings when it sets several apart so
    frames = sum(1 for b in blocks if isinstance(b, list) and _framed_block(lines, b) is not None) >= FRAMED_MIN
    underline_order: list[str] = list(_INFO_RULES) if _info_file(lines) else []
    faq = False
    run: Number | None = None  # the last item of a numbered list a sentence introduced
    mini_toc: int | None = None  # indentation of a chapter's own contents list being skipped
    mini_seen: set[str] = set()  # its entries skipped so far
    mini_top = 0  # the indentation of its first entry
    mini_last: Number | None = None  # the number of the last entry of a group of several
    placed = _Placed()  # where the lines the contents lists sit, per level
    items: list[Item] = []
    outline_mode = _outline_mode(lines)
    item_levels = _outline_items(lines, blocks) if outline_mode else frozenset()
    outline_stack: list[tuple[int, int]] = []  # (stars, level) of the outline headings open
    k = 0
    while k < len(blocks):
        block = blocks[k]
        k += 1
        if isinstance(block, Gap):
            items.append(block)
            continue
        first = lines[block[0]].replace("\f", "")
        star = _OUTLINE_HEADING.fullmatch(first) if outline_mode and len(block) == 1 else None
        below = _under_outline_entry(lines, blocks, k) if star is not None else None
        if (
            star is not None
            and below is not None
            and (len(star.group(1)) not in item_levels or below > len(star.group(1)))
            and not SENTENCE_END.search(star.group(2)[-12:])
        ):
            # a heading of Emacs's outline mode, its level its stars ("* Noteworthy changes in
            # release 3.8", "** Bug fixes"), a block of its own: a line glued to others, or a
            # sentence ("** Add NFC quick check."), is an item of the entry above it
            span = Span(block[0] + 1, 1, block[0] + 1, len(first.rstrip()))
            stars = len(star.group(1))
            # one level under the nearest entry with fewer stars: a run of stars skipped ("*" over
            # "***") nests one level, as outline mode shows it
            while outline_stack and outline_stack[-1][0] >= stars:
                outline_stack.pop()
            level = outline_stack[-1][1] + 1 if outline_stack else 1
            outline_stack.append((stars, level))
            items.append(Heading(level, None, star.group(2).strip(), span, style="outline"))
            continue
        if len(block) >= 3 and _between_rules(lines, block) and _framed_listing(lines, block):
            items.append(replace(paragraph(lines, block, [], habits), kind="code"))
            continue  # a listing set between rules: neither a title nor a part's break
        if RULE_LINE.fullmatch(first) and (len(block) == 1 or _underline_heading(lines, block) is None):
            items.append(PART_BREAK)  # a horizontal rule: layout, and maybe the end of a part
            if len(block) == 1:
                continue
            block = block[1:]  # the text right under the rule
            first = lines[block[0]].replace("\f", "")
        if mini_toc is not None:
            # the first section's heading after the list; or the next chapter's title (a chapter
            # whose only section was lost): a chapter's list holds its sections only
            # (a chapter's label starts the next chapter's title, also wrapped over two lines)
            again = (len(block) == 1 and " ".join(first.split()) in mini_seen) or (len(block) <= 2 and _labelled(first))
            if mini_last is not None and not _goes_on(numbering.parse(first.strip()), mini_last):
                again = True  # after a group of entries, a number that does not go on with them
            if not again and all(
                indent(lines[i]) >= mini_toc and not _ends_sentence(lines[i], len(block) == 1) for i in block
            ):
                # entries of a chapter's own contents list: one to a block, or all in one block,
                # which is then the whole list
                # (a block indented past the entries skipped before it: their children, and more
                # entries may follow)
                nested = bool(mini_seen) and indent(first) > mini_top
                if not mini_seen:
                    mini_top = indent(first)
                mini_seen.update(" ".join(lines[i].split()) for i in block)
                # (a block of numbered entries may be one group of several: "2.1." to "2.3.",
                # then "2.3.1." and "2.3.2." deeper, then "2.4." and "2.5.")
                parsed = [numbering.parse(lines[i].strip()) for i in block]
                grouped = len(block) > 1 and all(p is not None for p in parsed)
                mini_toc = mini_toc if len(block) == 1 or nested or grouped else None
                # (where the entries stand in groups, each next one must go on with them)
                last_entry = parsed[-1]
                if last_entry is not None and (grouped or mini_last is not None):
                    mini_last = last_entry[0]
                continue
            mini_last = None
            mini_toc = None
        framed = _framed_block(lines, block) if frames else None
        if framed is not None:
            items.append(_framed_heading(lines, block[0], block[-1], framed, underline_order))
            continue
        stacked = len(block) >= 2 and _stacked(lines, block)
        if len(block) > 1 and not (stacked and len(block) == 2) and _lists_entries(lines, block, listing):
            continue  # a chapter's own contents, untitled, its entries in one block (a chapter's
            # title right over its first section's, both listed, is no list of them)
        if stacked:
            blocks.insert(k, block[1:])  # a chapter's title right over its first section's
            block = block[:1]
        after = blocks[k] if k < len(blocks) else None
        if len(block) > 1 and _glued_heading(lines, block, after, items, listing):
            blocks.insert(k, [block[-1]])  # a heading glued under the paragraph before it
            block = block[:-1]
        if len(block) == 1 and items and TOC_TITLE.fullmatch(first.strip()):
            # a chapter's own contents: its entries are not headings (the document's contents,
            # right under its title, was read already: its lines are no block)
            nxt = blocks[k] if k < len(blocks) else None
            main = bool(listing.toc) and block[0] < listing.toc[0].span.line - 1
            main = main and (not isinstance(nxt, list) or nxt[0] >= listing.toc[-1].span.end_line)
            if not main:
                mini_toc = indent(first)
                mini_seen = set()
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
        under = _underline_heading(lines, block) or _short_underline(lines, block, listing)
        if (
            under is not None
            and under[1] != block[-1]
            and (_listed_title(lines[under[0]], listing) or _boxed_number(lines, under))
        ):
            # a title the contents lists, or a numbered title boxed between two rules, its text set
            # right under its rule: a heading and its body
            blocks.insert(k, block[block.index(under[1]) + 1 :])
            block = block[: block.index(under[1]) + 1]
        if under is not None and (
            under[2] in closing
            or (_sentence_title(lines[under[0]]) and not _listed_title(lines[under[0]], listing))
            # a row of column labels over its rule ("NOTIFY messages: error types      Value"): a table's header
            or (_column_labels(lines[under[0]]) and not _listed_title(lines[under[0]], listing))
            or (indent(lines[under[0]]) > base + 1 and not _centred_between_rules(lines, block, under, base))
            or under[1] != block[-1]
            or _sample_title(lines, under, blocks[k] if k < len(blocks) else None, outer)
        ):
            # an underlined title inside an indented example, or with text straight under its
            # underline (a sample file's title), is part of the example
            under = None
        if under is not None:
            items.append(_underlined(lines, under, underline_order))
            continue
        if len(block) > 1 and (
            _capitals_over_text(lines, block) or _items_under(lines, block) or _listed_over_text(lines, block, listing)
        ):
            blocks.insert(k, block[1:])  # a byline or the first words of the body under the title
            block = block[:1]
        # the paragraph before this block, and the one before it when both are paragraphs
        previous = items[-2:] if all(isinstance(x, Paragraph) for x in items[-2:]) else []
        previous = previous or [x for x in items[-1:] if isinstance(x, Paragraph)]
        fallback = partial(paragraph, lines, block, previous, habits)
        candidate = _numbered(lines, block, listing)
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
                    and heading_shape(lines[nxt[0]])
                    and len(lines[nxt[0]].split()) <= 12
                    and numbering.parse(lines[nxt[0]]) is None  # a numbered heading is a title of its own
                ):
                    title, end_idx, next_block = lines[nxt[0]].strip(), nxt[0], True
            # an entry with this number whose heading came earlier lists that heading, not this one
            number_listed = listing.number_open(number)
            number_taken = listing.number_taken(number)
            before = listing.last
            found = listing.find(number, title) if title else None
            listed = found is not None
            renamed = found is not None and outline.normalize_title(title) != listing.titles[found]
            if not (listed or number_listed) and numbering.parse(first) is None:
                # a number with a colon ("1.1: Added refresh rates", a version in a list) heads a
                # section only where the contents lists that number
                items.append(fallback())
                continue
            jump = found is not None and found - before >= LISTED_JUMP
            span = Span(block[0] + 1, indent(first) + 1, end_idx + 1, len(lines[end_idx].rstrip()))
            heading = Heading(0, number, title, span, style="numbered")
            title_lines = 1 if next_block or len(block) == 1 else block.index(end_idx) + 1
            after = blocks[k] if k < len(blocks) and not next_block else None
            hanging = _hanging(lines, first, title, after, habits)
            # a wrapped title's second line back at the number's column: a paragraph's wrap
            wraps_back = title_lines > 1 and indent(lines[block[1]]) <= indent(first)
            items.append(
                Candidate(
                    heading,
                    fallback,
                    indent(first),
                    title_lines,
                    listed,
                    in_list,
                    next_block,
                    number_listed,
                    hanging,
                    wraps_back,
                    jump,
                    number_taken,
                    renamed,
                )
            )
            run = None  # a list ends at the next numbered block that is not one of its items
            if next_block:
                k += 1
            continue
        wrapped = _wrapped_title(lines, block, listing)
        if wrapped is not None:
            first = wrapped  # an unnumbered title the contents lists, wrapped as its entry is
        if (
            (len(block) == 1 or wrapped is not None)
            and listing.toc
            and len(first.strip()) <= 160
            and not _SYMBOL_ITEM.match(first)
            and not _CODE_MARKS.search(first)
            and not _comment(first)
            and outline.normalize_title(first)
        ):
            before = listing.last
            entry = listing.find(None, first, fresh=True)
            far = AHEAD if entry is not None and listing.toc[entry].number is not None else UNNUMBERED_AHEAD
            if entry is not None and entry > before + far:
                # an entry's bare title far ahead of the entries read so far: the words in the text
                # ("Examples" in section 2, not the heading of "4. Examples"; "Index" among the
                # operations of chapter 10, not the book's index)
                listing.last, entry = before, None
            if (
                entry is not None
                and block[0] + 1 < listing.toc[0].span.line
                and outline.normalize_title(first) != listing.titles[entry]
            ):
                # a line above the contents spelling an entry's title a little otherwise: the
                # document's title ("X Transport Interface" over "The X Transport Interface"), whose
                # heading, spelled as listed, comes after the contents
                listing.last, entry = before, None
            if entry is not None and _lead_in(first, listing.toc[entry].title):
                # "Examples:" over the examples, where the contents lists a section "Examples": a
                # line that introduces what follows, not the heading, which is spelled as listed
                listing.last, entry = before, None
            if entry is not None and entry <= before and placed.off(listing.toc[entry].level, first, habits):
                # an entry listed before the last one found, on a line at another indent than the
                # headings of its level so far: its title in a list of names in the text
                # ("WEIGHT_NAME" among the fields a later section lists), whether its own
                # heading came before or was lost
                listing.last, entry = before, None
            if entry is not None:
                placed.add(listing.toc[entry].level, first)
                listed_entry = listing.toc[entry]
                last = lines[block[-1]] if wrapped is not None else first
                span = Span(block[0] + 1, indent(first) + 1, block[-1] + 1, len(last.rstrip()))
                heading = Heading(listed_entry.level, None, first.strip(), span, style="contents")
                items.append((heading, listed_entry))
                continue
        items.append(fallback())
    return items


# Contents-listed headings of one level at one indent, this many, set that level's indent.
LEVEL_INDENT = 2


class _Placed:
    """Where the lines taken for contents entries sat, per entry level: their indents, and their
    centres (twice the middle column: a centred title's indent changes with its length)."""

    def __init__(self) -> None:
        self.indents: defaultdict[int, Counter[int]] = defaultdict(Counter)
        self.centres: defaultdict[int, Counter[int]] = defaultdict(Counter)

    def add(self, level: int, line: str) -> None:
        self.indents[level][indent(line)] += 1
        self.centres[level][_centre(line)] += 1

    def off(self, level: int, line: str, habits: Habits) -> bool:
        """Whether at least ``LEVEL_INDENT`` lines of this level sat at one other indent, and none
        at this line's indent; or, where more of them share a centre than an indent (centred
        titles), none centred where this line is. A line centred over the text is never off (a
        centred "GLOSSARY" after appendices set at the margin)."""
        seen = self.indents.get(level)
        if not seen or seen[indent(line)] or _centred(line, habits):
            return False
        centre, centres = _centre(line), self.centres[level]
        if max(centres.values()) > max(seen.values()):
            return max(centres.values()) >= LEVEL_INDENT and not any(centres[centre + d] for d in (-1, 0, 1))
        return max(seen.values()) >= LEVEL_INDENT


def _centre(line: str) -> int:
    return 2 * indent(line) + len(line.strip())


# A centred line sits this far at most from the middle of the text column, in half columns; and
# this far in at least.
CENTRED_WITHIN = 4
CENTRED_INDENT = 8


def _centred(line: str, habits: Habits) -> bool:
    middle = habits.prose_indent + habits.wrap_width
    return indent(line) >= CENTRED_INDENT and abs(_centre(line) - middle) <= CENTRED_WITHIN


def _lead_in(line: str, title: str) -> bool:
    """A line ending in a colon where the entry's title does not."""
    return line.rstrip().endswith((":", "：")) and not title.rstrip().endswith((":", "："))


def _wrapped_title(lines: Sequence[str], block: list[int], listing: Listing) -> str | None:
    """A block of two to ``TITLE_LINES`` lines that, joined, is word for word the title of an
    unnumbered contents entry: that title wrapped at the document's width (a long book title over
    its first chapter), with the first line's indent."""
    if not 2 <= len(block) <= TITLE_LINES or not listing.toc:
        return None
    first = lines[block[0]]
    joined = " ".join(lines[i].strip() for i in block)
    if len(joined) > 160 or not listing.lists(None, joined):
        return None
    return first[: indent(first)] + joined


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


# A rule that closes this many paragraphs of several lines, and at least as many single lines,
# ends the document's answers or entries: it underlines no title
CLOSING_RULES = 3


def _closing_rules(lines: Sequence[str], blocks: Sequence[list[int] | Gap]) -> frozenset[str]:
    """The underline characters a document uses to close its paragraphs: a rule straight under the
    last line of many paragraphs of several lines (a FAQ ends each answer with "=====") is a
    separator, so a one-line paragraph over it is no title."""
    multi: Counter[str] = Counter()
    single: Counter[str] = Counter()
    for block in blocks:
        if isinstance(block, list) and len(block) >= 2:
            rule = lines[block[-1]].strip()
            if UNDERLINE.fullmatch(rule) is None or any(RULE_LINE.fullmatch(lines[j]) for j in block[:-1]):
                continue  # (a title between two rules is overlined, its paragraph one line)
            (multi if len(block) >= 3 else single)[rule[0]] += 1
    return frozenset(c for c, n in multi.items() if n >= CLOSING_RULES and n >= single[c])


def _boxed_number(lines: Sequence[str], under: tuple[int, int, str]) -> bool:
    """A numbered title between two like rules ("==========" / "3. Changes" / "=========="): a
    section's heading, whatever is set right under it."""
    return under[2].startswith("over") and numbering.parse(lines[under[0]].strip()) is not None


def _column_labels(line: str) -> bool:
    """Whether a line over a rule is a row of column labels: words parted by a wide gap inside its
    title (the gap after a number, "I.    Conditionalising levels", sets the title apart)."""
    parsed = numbering.parse(line)
    title = parsed[1] if parsed is not None else line.strip()
    return COLUMN_GAP.search(title) is not None


def _sentence_title(line: str) -> bool:
    """A line that is a sentence, not a title: more than three words and a full stop at its end
    (or a full stop inside it)."""
    t = line.strip()
    if t.endswith(_ABBREVIATED) and ". " not in t:
        return False  # a title that ends on an abbreviation ("6.1 Indicating Definitions, Commands, etc.")
    return t.endswith((".", "。")) and not t.isupper() and (len(t.split()) > 3 or ". " in t)


# the abbreviations a title may end on: its full stop is the abbreviation's
_ABBREVIATED = (" etc.", ",etc.", " e.g.", " i.e.", " vs.", " al.", " Inc.", " Ltd.", " Co.", " Corp.", " Jr.", " Sr.")


def _ends_sentence(line: str, alone: bool) -> bool:
    """Whether a line ends a sentence with a full stop or a mark; a numbered title standing alone
    on its line ends as it likes ("2.1. How to and Why Sponsor?", "12.34. Hot-Swapping Devices
    (MultiBay, SelectBay, ..)"), and so does a question."""
    end = line.rstrip()
    if SENTENCE_END.search(end[-12:]) is None:
        return False
    return not (alone and (end.endswith("?") or numbering.parse(end.strip()) is not None))


def _goes_on(parsed: tuple[Number, str] | None, last: Number) -> bool:
    """Whether a numbered line goes on with a list whose last entry had ``last``: its first child,
    or the next sibling of it or of one of its parents."""
    if parsed is None:
        return True  # an unnumbered entry (an appendix's title): the list may go on
    values = parsed[0].values
    if values == (*last.values, 1):
        return True
    depth = len(values)
    return (
        depth <= len(last.values)
        and values[:-1] == last.values[: depth - 1]
        and values[-1] == last.values[depth - 1] + 1
    )


def _labelled(line: str) -> bool:
    """Whether a line starts with a chapter's or an appendix's label ("Chapter 2.", "付録A")."""
    parsed = numbering.parse(line.strip())
    return parsed is not None and (parsed[0].scheme in WORDY or parsed[0].scheme == "appendix")


def _listed_title(line: str, listing: Listing) -> bool:
    """Whether the contents lists a line as it is, number and title (or title alone), or its
    number among the entries not found yet."""
    parsed = numbering.parse(line.strip())
    if parsed is None:
        return bool(listing.toc) and listing.lists(None, line.strip())
    # (or its number, where the contents has that number still to find: the title renamed since)
    return listing.lists(*parsed) or listing.number_open(parsed[0])


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
    if column == habits.first_indent or (len(after) >= 2 and indent(lines[after[1]]) < column):
        return False  # a paragraph's first line indented as typeset text indents it, not a hanging body
    return paragraph(lines, after, [], habits).kind in ("prose", "list", "quote")


# Info's rules by level, whichever a file shows first (the second part of a split manual may open
# inside a section): chapters over "*", sections "=", subsections "-", subsubsections "."
_INFO_RULES = ("*", "=", "-", ".")
# An Info file names its file and node in its first node's header, within this many lines
INFO_HEADER = 60


def _info_file(lines: Sequence[str]) -> bool:
    """Whether the document is an Info file: a node separator and a node header near its top."""
    return any(
        s.startswith("File: ") and " Node: " in s and "\x1f" in lines[k - 1]
        for k, s in enumerate(lines[1:INFO_HEADER], start=1)
    )


def _underlined(lines: Sequence[str], under: tuple[int, int, str], order: list[str]) -> Heading:
    title_idx, last_idx, char = under
    if char not in order:
        order.append(char)
    title_line = lines[title_idx]
    if last_idx - title_idx > 1:  # a title wrapped over its rule's width (``_short_underline``)
        title_line = " ".join(lines[k].strip() for k in range(title_idx, last_idx))
    parsed = numbering.parse(title_line) or bare_named(title_line)
    if parsed is not None and _release(*parsed):
        parsed = None  # "3.42.1 - 2022-04-17": a release in a changelog, not a section number
    if parsed is not None and parsed[0].label in _QUESTION_LABELS:
        # "Q.  Why would I ...?": a question's label, not a letter in a sequence (an underlined
        # "A." starts the letters: "A. 所需的套件", "B. 安裝路徑")
        parsed = None
    number = parsed[0] if parsed else None
    title = parsed[1] if parsed else title_line.strip()
    span = Span(title_idx + 1, indent(title_line) + 1, last_idx + 1, len(lines[last_idx].rstrip()))
    return Heading(order.index(char) + 1, number, title, span, style=f"underline:{char}")


# A title framed on both sides by as many equals signs ("== 1. Answers ==", "==== MaraDNS FAQ ===="),
# as wiki-like plain text marks its headings: the frame is the title's style, ranked as rules are
_FRAMED = re.compile(r"(={2,6})[ \t]*+([^=\s](?:[^=]*[^=\s])?)[ \t]*\1")


# A framed title may wrap: its closing frame is on this many lines at most.
FRAMED_LINES = 3
# Framed titles standing apart, this many at least, are a document's heading style (fewer may be a
# listing's caption or a note's banner).
FRAMED_MIN = 3


def _framed_block(lines: Sequence[str], block: list[int]) -> tuple[str, str] | None:
    """The frame and the title of a block that is a framed title and nothing else (its frame open
    on the first line and closed on the last, over at most ``FRAMED_LINES``): one with text right
    under it is a listing's caption."""
    if len(block) > FRAMED_LINES or not lines[block[0]].lstrip().startswith("=="):
        return None
    m = _FRAMED.fullmatch(" ".join(lines[i].strip() for i in block))
    return (m.group(1), m.group(2)) if m and any(c.isalpha() for c in m.group(2)) else None


def _framed_heading(lines: Sequence[str], idx: int, end: int, framed: tuple[str, str], order: list[str]) -> Heading:
    frame, inner = framed
    parsed = numbering.parse(inner)
    if parsed is not None and (_release(*parsed) or parsed[0].label in _QUESTION_LABELS):
        parsed = None
    number, title = (parsed[0], parsed[1]) if parsed else (None, inner)
    key = f"framed:{frame}"
    if number is not None and key in order and f"{key}#" not in order and order[-1] == key:
        # numbered titles framed as the unnumbered title right above them ("== ANSWERS ==" over
        # "== 1. ... ==", "== 2. ... =="): the items of its group, one level down
        order.append(f"{key}#")
    if number is not None and f"{key}#" in order:
        key = f"{key}#"
    if key not in order:
        order.append(key)
    span = Span(idx + 1, indent(lines[idx]) + 1, end + 1, len(lines[end].rstrip()))
    return Heading(order.index(key) + 1, number, title, span, style=key)


# A statement or a brace ends the line: code, not a title
_CODE_END = re.compile(r"[;{}]\s*$")
# A comment framed by its language's marks on both sides: "-- ... --", "/* ... */", "# ... #"
_BOXED_COMMENT = re.compile(r"\s*(?:--\s.*\s--|/\*.*\*/|#\s.*\s#|//.*//)\s*")


# A notice's sentence has at least this many words.
NOTICE_WORDS = 4


def _boxed_notice(line: str) -> bool:
    """A notice boxed between rules: framed by alarm marks ("!! Read sendmail/SECURITY for
    important installation information !!"), or a sentence framed by stars ("** Read below for
    more details on building sendmail. **"), not a title."""
    t = line.strip()
    mark = t[:2]
    if mark not in ("!!", "**") or len(t) < 5 or not t.endswith(mark):
        return False
    text = t[2:-2].strip()
    return mark == "!!" or (text.endswith((".", "!")) and len(text.split()) >= NOTICE_WORDS)


def _between_rules(lines: Sequence[str], block: list[int]) -> bool:
    """A line between two rules of one character, as an overlined title is."""
    over, title, under = (lines[k] for k in block[:3])
    return (
        UNDERLINE.fullmatch(over) is not None
        and UNDERLINE.fullmatch(under) is not None
        and over.strip()[0] == under.strip()[0]
        and not UNDERLINE.fullmatch(title)
    )


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


# How far a centred title's middle may sit from the middle of its rules, in columns
CENTRED_SLACK = 3


def _centred_between_rules(lines: Sequence[str], block: list[int], under: tuple[int, int, str], base: int) -> bool:
    """A title centred between two rules that start at the margin of the text (``base``, the prose
    indent): set in by its centring, not by an example's indent (a FAQ's chapter title between
    rules of "="). Rules set in too frame a notice ("***** You Have Been Warned *****")."""
    if not under[2].startswith("over") or indent(lines[block[0]]) > base + 1:
        return False
    over, title = lines[block[0]], lines[under[0]]
    middle = (indent(title) + len(title.rstrip())) / 2
    return indent(over) <= indent(title) and abs(middle - (indent(over) + len(over.rstrip())) / 2) <= CENTRED_SLACK


def _framed_listing(lines: Sequence[str], block: list[int]) -> bool:
    """A line between two rules that is a listing (AsciiDoc's "----" around an example), not a
    title with its overline: a rule shorter than the line (a title's overline and underline are
    no shorter than it), or the sentence above ends in a colon that introduces it ("... discard
    all other history:") or runs on into it."""
    over, title, under = (lines[k].rstrip() for k in block[:3])
    if min(len(over), len(under)) < len(title):
        return True
    above = next((lines[k] for k in range(block[0] - 1, max(-1, block[0] - 3), -1) if lines[k].strip()), "")
    if above.lstrip().startswith(".."):
        return False  # a reStructuredText target over a title (".. _`pip check`:")
    if above.rstrip().endswith((":", "：")):
        return True
    # a sentence that runs on into the block, at the rules' own indent ("... so you can do")
    last = above.rsplit(None, 1)[-1] if above.strip() else ""
    return indent(above) == indent(over) and last.isalpha() and last.islower() and not _SYMBOL_ITEM.match(above)


def _underline_heading(lines: Sequence[str], block: list[int]) -> tuple[int, int, str] | None:
    if len(block) >= 3 and _between_rules(lines, block):
        if (
            _CODE_END.search(lines[block[1]])
            or PROMPT.match(lines[block[1]])
            or _framed_listing(lines, block)
            or _BOXED_COMMENT.fullmatch(lines[block[1]])
            or _boxed_notice(lines[block[1]])
        ):
            # one line of code, or a command after its prompt ("$ git log -p"), in a listing
            # set between rules (AsciiDoc's "----"); a comment boxed by them ("-- Sample session
            # output ... --", "/* ... */")
            return None
        return block[1], block[2], "over" + lines[block[0]].strip()[0]
    if len(block) >= 2 and block[1] == block[0] + 1:
        under = lines[block[1]].strip()
        title = lines[block[0]].strip()
        if _CODE_END.search(title) or PROMPT.match(title) or _boxed_notice(title):
            return None  # a line of code, a command after its prompt, or a boxed notice, over a rule
        if UNDERLINE.fullmatch(under) and not UNDERLINE.fullmatch(title) and len(under) >= max(3, len(title) * 0.6):
            if _closes_listing(lines, block[0], block[1]):
                return None
            return block[0], block[1], under[0]
    return None


# How far above its closing rule a listing's opening rule is looked for.
LISTING_LINES = 120


def _closes_listing(lines: Sequence[str], first: int, rule: int) -> bool:
    """Whether a rule under a line closes a listing framed by two like rules, as text browsers
    frame a manual's examples: the same rule (give or take two characters) stands alone higher up (a blank line above
    it, not a title), with no other rule between, and the listing is introduced by a sentence
    ending in a colon or holds a line of code. The line over the closing rule is the listing's
    last ("EndSection"), not a title."""
    closing = lines[rule].rstrip()
    if numbering.parse(lines[first]) is not None:
        return False  # a numbered title over a rule that also parts the document ("4.  New Features")
    code = False
    for k in range(first - 1, max(-1, first - LISTING_LINES), -1):
        s = lines[k]
        if UNDERLINE.fullmatch(s):
            alike = s.strip()[0] == closing.strip()[0] and indent(s) == indent(closing)
            alike = alike and abs(len(s.rstrip()) - len(closing)) <= 2
            if not alike or k == first - 1 or (k > 0 and lines[k - 1].strip()):
                return False
            above = next((lines[j] for j in range(k - 1, max(-1, k - 3), -1) if lines[j].strip()), "")
            return code or above.rstrip().endswith((":", "："))
        code = code or bool(_CODE_END.search(s) or PROMPT.match(s))
    return False
