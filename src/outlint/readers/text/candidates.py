"""Heading candidates of plain text, the first pass: underlined titles, numbered blocks with their
features, lines the contents lists, outdented titles; everything else a paragraph.

Nothing is decided here but what a block alone shows; ``headings`` decides the numbered
candidates against the document's own styles and numbering chain.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from functools import partial

from outlint import numbering, outline
from outlint.model import Gap, Heading, Number, Paragraph, Span
from outlint.readers.text.blocks import Habits
from outlint.readers.text.kinds import paragraph
from outlint.readers.text.layers import fenced, footnotes
from outlint.readers.text.lines import RULE_LINE, SENTENCE_END, TOC_TITLE, indent
from outlint.readers.text.listed import (
    _ends_sentence,
    _goes_on,
    _labelled,
    _lead_in,
    _listed_over_text,
    _listed_title,
    _lists_entries,
    _Placed,
    _short_underline,
    _wrapped_title,
)
from outlint.readers.text.numbered import (
    PART_BREAK,
    Candidate,
    Item,
    _capitals_over_text,
    _glued_heading,
    _hanging,
    _in_list,
    _items_under,
    _numbered,
    _numbers,
    _stacked,
)
from outlint.readers.text.outdent import NAME_LINE, name_lines
from outlint.readers.text.outlinemode import _OUTLINE_HEADING, _outline_items, _outline_mode, _under_outline_entry
from outlint.readers.text.styles import Listing, continues
from outlint.readers.text.titles import _SYMBOL_ITEM, _comment, _sentence_title, heading_shape
from outlint.readers.text.underlined import (
    _INFO_RULES,
    FRAMED_MIN,
    _between_rules,
    _boxed_number,
    _centred_between_rules,
    _closing_rules,
    _column_labels,
    _framed_block,
    _framed_heading,
    _framed_listing,
    _info_file,
    _sample_title,
    _underline_heading,
    _underline_indents,
    _underlined,
    underlined_pairs,
)

# A bare title stands for a numbered entry at most this many entries after the last one read:
# headings come in the contents' order
AHEAD = 3
# ... and an unnumbered entry's title at most this many: a part or an appendix lost with all its
# sections may lie between
UNNUMBERED_AHEAD = 24


# An entry found this many entries or more after the one found last is a jump ahead in the
# contents: a heading there, or a step of a list that repeats a chapter's title.
LISTED_JUMP = 8
# braces, a statement's semicolon, an assignment: a line of code, whatever title its words spell
# ("} Xtransport;" closes the declaration of the structure the contents lists as "Xtransport";
# "smtp-server=$SMTP" sets what the contents lists as "SMTP Servers")
_CODE_MARKS = re.compile(r"[{}]|;\s*$|\w=\S")


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
    notes = footnotes(lines, blocks)
    code = fenced(lines, blocks)
    k = 0
    while k < len(blocks):
        block = blocks[k]
        k += 1
        if isinstance(block, Gap):
            items.append(block)
            continue
        if block[0] in code:
            items.append(replace(paragraph(lines, block, [], habits), kind="code"))
            continue
        if block[0] in notes:  # a node's footnotes, and the rule over them (no chapter's list goes on)
            mini_toc = None
            made = paragraph(lines, block, [], habits)
            items.append(replace(made, kind="list" if made.kind == "prose" else made.kind))
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
        if underlined_pairs(lines, block):
            blocks.insert(k, block[2:])  # headings each over its underline, one under the other
            block = block[:2]
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
            in_list = _in_list(number, items, run, indent(lines[block[0]]))
            in_list = in_list and not (number.depth >= 2 and continues(number, _numbers(items)))
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
            if number_listed and not listed and number.depth == 1 and listing.marked_otherwise(number):
                # "6.  The service can be uninstalled ..." in a document whose contents lists "6
                # Problems": an item of a list, numbered as lists are, not the section
                items.append(replace(fallback(), kind="list"))
                continue
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
    return name_lines(items)
