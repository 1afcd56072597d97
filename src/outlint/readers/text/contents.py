"""The contents block of a plain-text document as a whole: the scan that reads its entries and finds its extent.

The block's extent is decided by its structure: the shape its entries share (page numbers in one
column, numbering), how its entries wrap, and what follows a blank run. One odd line never ends it:
a wrapped entry, a page break with its padding, an entry whose page number is glued to its title.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from outlint import numbering, outline
from outlint.model import Number, Span, TocEntry
from outlint.readers.text.layout import Layout
from outlint.readers.text.lines import RULE_LINE, TITLE_LINES, UNDERLINE, indent
from outlint.readers.text.tocentries import _BULLET, _NAVIGATION, _Block, _Entry, _is_prose, _keyed, _paragraph, _parse
from outlint.readers.text.tocstart import _find_title, _Standalone, _underlined_next, _untitled
from outlint.readers.text.tocwrap import _continues, _joined, _note, _trailing_note, _without_topics

# column labels above contents entries ("PAGE", "Chapter ... Page") are not entries
# ("CHAPTER" alone over a book's roman numbers, too)
_COLUMN_LABEL = re.compile(
    r"\s*(?:(?:chapter|section|part)\s+)?(?:page|pages|pp?\.|seite|页码|页)\s*|\s*(?:chapter|section|part)s?\s*",
    re.IGNORECASE,
)
# a list of figures or tables after the contents is another list, not more contents
_OTHER_LIST = re.compile(
    r"\s*+(?:list\s+of\s+(?:figures|tables|examples|illustrations|procedures|plates|maps|abbreviations)|"
    r"figures|tables|illustrations|附?(?:表格|插图|插圖|图片|圖片|图|圖|表|范例|範例|例子|示例)(?:清单|清單|目录|目錄|索引|列表)|"
    # the same titles in the languages DocBook's stylesheets translate them into
    r"(?:tabellen|abbildungs|beispiel)verzeichnis|tabell?förteckning|figurförteckning|"
    r"(?:liste|lista|llistat|listă|lijst|spis|daftar)\s+(?:(?:des|de|delle|degli|van|of)\s+)?"
    r"(?:tableaux|figures|exemples|tablas|tabelas|tabelle|taules|tabele|tabellen|tabel|figuras|figure|figuri|"
    r"figuren|ejemplos|exemplos|esempi|exemples|rysunków|tabel|gambar|contoh)|"
    r"κατάλογος\s+(?:πινάκων|σχημάτων|παραδειγμάτων)|список\s+(?:таблиц|иллюстраций|примеров)|(?:表|図|例)の一覧)"
    r"\s*+:?\s*+",
    re.IGNORECASE,
)


def _framed(line: str) -> bool:
    """Words framed by rules ("--- End of Contents ---"): a marker, not an entry."""
    t = line.strip()
    c = t[:1]
    return len(t) > 8 and c in "-=*~#" and t[:3] == c * 3 and t[-3:] == c * 3 and any(ch.isalpha() for ch in t)


# A blank run this long ends the block, unless the line after it has the block's entry shape.
BLANK_END = 4


def contents(
    lines: Sequence[str], content: Sequence[bool], page: Layout, width: int = 0
) -> tuple[list[TocEntry], Span | None, int]:
    """Find the contents block: its entries, its span and the index of the first line after it.
    ``width`` is the document's wrap width (0: unknown)."""
    start = _find_title(lines, content)
    titled = start >= 0
    if not titled:
        start = _untitled(lines, content) - 1
        if start < -1:
            return [], None, 0
    later = _Standalone(lines, content, start)
    block = _Block(width)
    i = start + 1
    if i < len(lines) and UNDERLINE.fullmatch(lines[i]):
        i += 1
    blank_run = 0
    paged_break = False  # the blank run went over a page break: padding, not spacing
    end = i
    while i < len(lines):
        s = lines[i]
        if not content[i]:
            layout = page.chrome[i] or page.page_break[i] or page.outside[i]
            paged_break = paged_break or layout
            blank_run = 0 if layout else blank_run + 1
            i += 1
            continue
        after_blank = 0 if paged_break else blank_run
        apart = bool(blank_run) or paged_break  # a blank line or a page break above the line
        over_page = paged_break
        blank_run = 0
        paged_break = False
        if after_blank >= BLANK_END and block.entries and not _resumes(block, lines, content, i):
            break  # a long blank run and no entry after it, or none going on from the last: the block is over
        if i + 1 < len(lines) and UNDERLINE.fullmatch(lines[i + 1]) and len(lines[i + 1].strip()) >= 3:
            break  # an underlined heading
        if _COLUMN_LABEL.fullmatch(s):
            i += 1
            continue
        if _EXPLICIT_MARKUP.match(s):
            if block.entries:
                break  # reStructuredText markup after the entries: the body
            i += 1  # markup before them (".. index::", ".. _label:"): no entry
            continue
        if RULE_LINE.fullmatch(s) or (block.entries and _framed(s)):
            if block.entries:
                break  # a rule, or a marker framed by rules ("--- End of Contents ---"), after the entries
            i += 1
            continue
        if _OTHER_LIST.fullmatch(s):
            end = _skip_other_lists(lines, content, i, {_keyed(e.text) for e in block.entries})
            break
        if after_blank and block.dense() and not _entry_shaped(block, lines, content, i):
            break  # entries that followed one another, then a blank line and a line of another shape
        if after_blank and _paragraph_after_numbered(block, lines, content, i):
            break  # numbered entries that followed one another, then a blank line and a paragraph
        if after_blank >= GAP_END and _unnumbered_after_run(block, s):
            break  # numbered entries one under another, a gap, then a line with no number: a title
        if after_blank and _unbulleted_after_bullets(block, lines, s):
            break  # a bulleted contents (reStructuredText's, as Sphinx prints it), then the body
        if after_blank and block.entries:
            block.spaced += 1
        text, pg = block.split_page(s)
        parsed = _parse(text) or _bulleted(text)
        prev = block.entries[-1] if block.entries else None
        # the entry's last line right above, or above the page break and its padding (an entry
        # wrapped across pages goes on at the top of the next one)
        follows = prev is not None and (
            prev.last == i - 1 or (over_page and not any(content[j] for j in range(prev.last + 1, i)))
        )
        if prev is not None and follows and _continues(block, prev, lines, i, text, pg, parsed, later):
            joined = _joined(prev.text, text, i, later)
            if pg is None and prev.page is None and _parse(prev.text) is None and _paragraph(joined):
                # lines that add up to a paragraph of prose (a section about contents, titled
                # "Table of contents"): the body has begun where the paragraph does
                block.entries.pop()
                end = prev.first
                break
            prev.text = joined
            prev.page = pg
            prev.last = i
            block.note(prev, s)
            i += 1
            end = i
            continue
        if pg is None and _is_prose(text) and not (parsed and parsed[1] and len(parsed[1].split()) <= 30):
            break  # prose: the body has begun (numbered lines are entries even as sentences: FAQs)
        if prev is not None and parsed is None and indent(s) < block.left:
            break  # text to the left of every entry: the body has begun
        if (
            prev is not None
            and prev.last == i - 1
            and pg is None
            and not block.paged()
            and _repeats_first(block, text, parsed)
            and not _underlined_next(lines, i)
        ):
            # the first entry again on the next line, as a list: a short contents, then the full
            # one (makeinfo prints both): the full one is the document's contents
            block = _Block(width)
            block.add(_Entry(i, text, pg), s, parsed)
            i += 1
            end = i
            continue
        if _repeats_first(block, text, parsed) or _first_number_again(block, parsed, pg, apart):
            break  # the first entry again: its heading, the body has begun
        if prev is not None and parsed is not None and indent(s) < block.left and _first_again(block, parsed[0]):
            break  # the first entry's number left of every entry: its heading, renamed since
        if (
            pg is None
            and parsed is not None
            and (parsed[0].values, outline.normalize_title(parsed[1])) in block.numbered
        ):
            break  # a numbered entry again, with no page number: contents listing the front matter
            # first ("Abstract", "Table of Contents"), then the body's first numbered heading
        if pg is None and block.paged() and not _unpaged_entry(block, lines, content, i, parsed):
            break
        block.add(_Entry(i, text, pg), s, parsed)
        i += 1
        end = i
    block.entries = _without_topics(block.entries, lines, later)
    while _trailing_note(block, lines, later):
        end = block.entries.pop().first  # a note under the entries: the body begins with it
    if len(block.entries) > 1 and _note(block.entries[0]) and not _note(block.entries[1]):
        del block.entries[0]  # a note to the reader under the contents title, before its entries
    if not block.entries:
        return [], None, 0
    entries: list[TocEntry] = []
    own_title = outline.normalize_title(lines[start]) if titled else None
    for e in block.entries:
        parsed = _parse(e.text)
        title = parsed[1] if parsed else _BULLET.sub("", e.text)
        col = indent(lines[e.first]) + 1
        if parsed is None and _BULLET.match(title):
            # "*    * Features": a browser's dump of a list item whose first child is a list, the
            # entry standing at its last bullet
            title, col = _last_bullet(lines[e.first], title)
        if parsed is None and title != e.text:
            parsed = _parse(title)  # "□ 1. Widget Fundamentals": a numbered entry, bulleted
            title = parsed[1] if parsed else title
        number: Number | None = parsed[0] if parsed else None
        if number is None and outline.normalize_title(title) == own_title:
            continue  # the contents listing itself ("Table of Contents ..... 2"): its title is no heading
        if number is None and outline.normalize_title(title) in _NAVIGATION:
            continue  # a web page's link back to its top ("(top)"), dumped with its list of sections
        span = Span(e.first + 1, col, e.first + 1, len(lines[e.first].rstrip()))
        entries.append(TocEntry(0, number, title, None, span, e.page))
    last = block.entries[-1].last
    top = start if titled else block.entries[0].first
    toc_span = Span(top + 1, indent(lines[top]) + 1, last + 1, len(lines[last].rstrip()))
    return entries, toc_span, end


def _bulleted(text: str) -> tuple[Number, str] | None:
    """The number and title of a numbered entry set as a list item ("+ 2.12 Why does ...?",
    "□ 1. Widget Fundamentals"), as a browser dumps a nested list of numbered sections."""
    stripped = text.lstrip()
    return _parse(_BULLET.sub("", stripped)) if _BULLET.match(stripped) else None


# A browser nests lists this deep at most, each level's bullet before the next (more are a line
# of marks, read no further).
NESTED_BULLETS = 8


def _last_bullet(line: str, title: str) -> tuple[str, int]:
    """An entry's title without the bullets left before it, and the column of the last one."""
    col = at = indent(line)
    for _ in range(NESTED_BULLETS):
        if (m := _BULLET.match(line[at : at + 80])) is None:
            break
        col, at = at, at + m.end()
    for _ in range(NESTED_BULLETS):
        if (m := _BULLET.match(title)) is None:
            break
        title = title[m.end() :]
    return title, col + 1


def _entry_shaped(block: _Block, lines: Sequence[str], content: Sequence[bool], i: int) -> bool:
    """Whether a line has the shape of the block's entries: a page number where they have them
    (or it heads entries that do, as a part title does), a number where they are numbered."""
    text, pg = block.split_page(lines[i])
    if block.paged():
        return pg is not None or _heads_paged(block, lines, content, i)
    parsed = _parse(text)
    return parsed is not None and any(_parse(e.text) is not None for e in block.entries[-3:])


def _resumes(block: _Block, lines: Sequence[str], content: Sequence[bool], i: int) -> bool:
    """Whether the line after a long blank run goes on with the block: it has the entries' shape
    and, numbered as they are, a number past the last numbered entry's (a contents of chapters 1 to
    4, seven blank lines, then "1   THE DOCUMENTATION": the body's first heading)."""
    if not _entry_shaped(block, lines, content, i):
        return False
    parsed = _parse(block.split_page(lines[i])[0])
    last = next((p for e in reversed(block.entries) if (p := _parse(e.text)) is not None), None)
    if parsed is None or last is None or numbering.family(parsed[0]) != numbering.family(last[0]):
        return True
    return parsed[0].values > last[0].values


def _heads_paged(block: _Block, lines: Sequence[str], content: Sequence[bool], i: int) -> bool:
    """A short line without a page number over an entry with one: an unnumbered part title."""
    nxt = next((j for j in range(i + 1, min(len(lines), i + 4)) if content[j]), None)
    return nxt is not None and block.split_page(lines[nxt])[1] is not None and len(lines[i].split()) <= 12


def _repeats_first(block: _Block, text: str, parsed: tuple[Number, str] | None) -> bool:
    first = block.first_number
    if block.first_title is None or not block.entries:
        return False
    title = outline.normalize_title(parsed[1] if parsed else text)
    if title != block.first_title:
        return False
    if parsed is None:
        return True
    # an unnumbered first entry ("Introduction") comes back as a heading numbered at the top
    # level at most: "2.1.1. Introduction" is a subsection of that name, listed further down
    return parsed[0].values == first.values if first is not None else parsed[0].depth == 1


# reStructuredText's explicit markup: a directive (".. note::"), a target (".. _label:"), a
# substitution (".. |name| image::"), a comment (".. text"); never a contents entry.
_EXPLICIT_MARKUP = re.compile(r"\s*\.\. (?:[\w:-]+::|_[^:]*:|\|)")


# A bulleted contents has this many entries before a line without a bullet can end it.
BULLETED = 3


def _unbulleted_after_bullets(block: _Block, lines: Sequence[str], line: str) -> bool:
    """A line without a bullet, after a blank line, below entries that each have one."""
    if len(block.entries) < BULLETED or _BULLET.match(line.lstrip()):
        return False
    return all(_BULLET.match(lines[e.first].lstrip()) for e in block.entries)


def _paragraph_after_numbered(block: _Block, lines: Sequence[str], content: Sequence[bool], i: int) -> bool:
    """An unnumbered paragraph of wrapped prose (two lines or more, a sentence at its end) after a
    blank line, below entries that followed one another, most of them numbered: the body's first paragraph
    under a chapter's own contents, as DocBook writes a chapter's page. An unnumbered part
    title over such entries is one short line."""
    if not block.entries or block.spaced > 1 or _parse(lines[i]) is not None:
        return False
    if block.unnumbered * 2 > len(block.entries):
        return False  # (an odd unnumbered entry among numbered ones, "6.. How to use this License", is one)
    end = i
    while end < len(lines) and content[end]:
        end += 1
    if end - i < 2 or (indent(lines[i]) > block.left and _titles_per_line(lines[i + 1 : end])):
        return False
    if any(_parse(lines[k]) is not None for k in range(i + 1, end)):
        return False  # a group's label over its numbered entries ("CHANGING STRINGS" / "2.10. ...")
    return _is_prose(" ".join(lines[k].strip() for k in range(i, end)))


# A blank run this long after a run of numbered entries ends it before a line with no number.
GAP_END = 2


def _unnumbered_after_run(block: _Block, line: str) -> bool:
    """Numbered entries that follow one another with no blank line, and a line with no number and
    no page number after a gap ("1) What is it? ....." over the title page "W I D G E T")."""
    if not block.entries or block.spaced or block.paged():
        return False
    text, pg = block.split_page(line)
    return pg is None and _parse(text) is None and all(_parse(e.text) is not None for e in block.entries)


def _titles_per_line(rest: Sequence[str]) -> bool:
    """Lines that each begin with a capital letter: one title per line (indented under the entries,
    the unnumbered children of the entry above, as a DocBook export lists them), not a paragraph
    wrapped mid-sentence, whose later lines mostly go on in lower case."""
    starts = [s.lstrip()[:1] for s in rest]
    return all(c.isupper() for c in starts)


def _first_again(block: _Block, number: Number) -> bool:
    """Whether a number is the first entry's, in its family (or as "Chapter 1." for "1.")."""
    first = block.first_number
    if first is None or number.values != first.values:
        return False
    return numbering.family(number) == numbering.family(first) or number.scheme in numbering.CHAPTER_SCHEMES


def _first_number_again(block: _Block, parsed: tuple[Number, str] | None, pg: str | None, apart: bool) -> bool:
    """The first entry's number (or its title) again, on a line standing apart with no page
    number, in a block whose entries have page numbers or follow one another with no blank line:
    the first heading, renamed (or renumbered) since the contents was made. (A contents that
    numbers each part afresh repeats "1." with a page number, or with no blank line before it, or
    in a block spaced by blank lines.)"""
    first = block.first_number
    if parsed is None or pg is not None or not apart or first is None:
        return False
    chapter = parsed[0].scheme in numbering.CHAPTER_SCHEMES
    if chapter and first.scheme not in numbering.CHAPTER_SCHEMES and parsed[0].values == first.values:
        return True  # "Chapter 1." where the entries say "1.": the body's shape, not an entry's
    # the blank line above this line is the one spacing the block has counted, if any
    if not (block.paged() or block.spaced <= 1):
        return False
    child = parsed[0].depth > first.depth and parsed[0].values[: first.depth] == first.values
    if outline.normalize_title(parsed[1]) == block.first_title and not child:
        # its title again under another number: the first heading, renumbered since (a section of
        # it, "1.1. About this Guide" under "1. About this Guide", is the next entry)
        return True
    # "Chapter 1." stands for "1." (DocBook lists chapters by number alone), "(1)" for no "1."
    return _first_again(block, parsed[0])


def _unpaged_entry(
    block: _Block, lines: Sequence[str], content: Sequence[bool], i: int, parsed: tuple[Number, str] | None
) -> bool:
    """In a block whose entries end in page numbers, a line without one is still an entry when it
    is numbered, or when it heads entries that have page numbers (an unnumbered part title)."""
    if parsed is not None and parsed[1]:
        return True
    return _heads_paged(block, lines, content, i)


_Keys = set[tuple[tuple[int, ...] | None, str]]  # entries' numbers and titles, as ``_keyed`` gives them


def _listed_at(lines: Sequence[str], content: Sequence[bool], i: int, keys: _Keys, titles: set[str]) -> bool:
    """Whether the line, alone or with the lines right under it (a long title wrapped at the
    document's width), is a contents entry: its title, and its number if it has one (a table or an
    example named like the section it is in, "8.1. Operator Precedence" in a list of tables where
    the contents has "8.4. Operator Precedence", is still the list's)."""
    text = lines[i]
    for k in range(i, min(len(lines), i + TITLE_LINES)):
        if k > i:
            if not content[k]:
                return False
            text = f"{text} {lines[k].strip()}"
        number, title = _keyed(text)
        if (number, title) in keys or (number is None and title in titles):
            return True
    return False


def _skip_other_lists(lines: Sequence[str], content: Sequence[bool], i: int, keys: _Keys) -> int:
    """The end of the lists of tables, figures or examples that follow a contents block: they are
    not headings. They stop at a rule, at prose, at an underline, or at a heading the contents lists."""
    start = i
    titles = {title for _, title in keys}
    while i < len(lines):
        s = lines[i]
        ends = (
            RULE_LINE.fullmatch(s)
            or UNDERLINE.fullmatch(s)
            or _is_prose(s)
            or _listed_at(lines, content, i, keys, titles)
        )
        if content[i] and i > start and ends:
            return i - 1 if UNDERLINE.fullmatch(s) else i
        i += 1
    return start + 1  # no end in sight: skip the list's title only
