"""The contents block of a plain-text document as a whole: its title, entries, wrapping and extent.

The block's extent is decided by its structure: the shape its entries share (page numbers in one
column, numbering), how its entries wrap, and what follows a blank run. One odd line never ends it:
a wrapped entry, a page break with its padding, an entry whose page number is glued to its title.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Callable, Sequence

from outlint import numbering, outline
from outlint.model import Number, Span, TocEntry
from outlint.readers.text import leader
from outlint.readers.text.layout import Layout
from outlint.readers.text.lines import (
    CJK,
    FUNCTION_WORDS,
    RULE_LINE,
    SENTENCE_END,
    TITLE_LINES,
    TOC_TITLE,
    UNDERLINE,
    indent,
    words,
)
from outlint.readers.text.titles import bare_named

# a page number glued to the title, or after one dot or spaces, or one dot between spaces ("... in
# this memo here.3", "... Natural Languages. 22", "... and application/http  . 170": a leader cut
# to its last dot where the title fills the line), or right after a closing bracket ("... checksum
# (descbc-crc)71": never after a letter, as "MD5" and "X11" end titles)
_GLUED_PAGE = re.compile(r"(?P<title>.*?[^\s\d.])(?:[ \t]*+\.[ \t]*+|[ \t]++|(?<=[)\]]))(?P<page>\d{1,4})\s*")
# column labels above contents entries ("PAGE", "Chapter ... Page") are not entries
_COLUMN_LABEL = re.compile(r"\s*(?:(?:chapter|section|part)\s+)?(?:page|pages|pp?\.|seite|页码|页)\s*", re.IGNORECASE)
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
# contents entries numbered with a colon ("2.1: GSS Details"), as older drafts set them; the
# headings in the body carry the same number with a dot
_COLON_NUMBER = re.compile(r"(?P<n>[1-9]\d{0,3}(?:\.[1-9]\d{0,3})*):\s*(?P<rest>[^\s\d].*)")


def _framed(line: str) -> bool:
    """Words framed by rules ("--- End of Contents ---"): a marker, not an entry."""
    t = line.strip()
    c = t[:1]
    return len(t) > 8 and c in "-=*~#" and t[:3] == c * 3 and t[-3:] == c * 3 and any(ch.isalpha() for ch in t)


# The contents title is looked for in the first half of the document, or its first lines.
TITLE_WITHIN = 200
# Whether the block's entries carry page numbers is judged on its last entries, this many.
PAGED_SAMPLE = 20
# A block with this many entries set apart by blank lines has shown that its entries stand apart.
SPACED = 2
# A block of this many entries with no blank line between them has shown its rhythm.
DENSE = 3
# A wrapped entry is known by the start of a later heading only when that start is this long.
MIN_PREFIX = 20
# A line of at least this share of the block's widest line is full: what follows it may wrap it.
WRAPPED_SHARE = 0.8
# Dots it takes after a bare number for a leader (a number and blanks before a page may be a table row).
_DOTTED_LEADER = 3
# A page number with no leader before it is at most this many pages past the last entry's.
GLUED_STEP = 100
# A line standing on its own is a heading's only if it is at most this wide.
STANDING_WIDTH = 120
# A blank run this long ends the block, unless the line after it has the block's entry shape.
BLANK_END = 4
# A contents with no title is a run of at least this many numbered lines, at least this share of
# which turn up later as headings; the first this many such runs are tried.
UNTITLED_MIN = 5
UNTITLED_SHARE = 0.8
UNTITLED_TRIES = 3


def _parse(text: str) -> tuple[Number, str] | None:
    """The number and title of an entry's text, as ``numbering.parse`` reads it, colon-numbered, or
    an undotted number before a name, as Texinfo's contents lists "6 preview-latex when not using
    LaTeX" (its underlined heading reads so too)."""
    return numbering.parse(text) or colon_numbered(text) or bare_named(text)


def colon_numbered(text: str) -> tuple[Number, str] | None:
    """A number with a colon after it ("2.1: GSS Details", "1.1: Sources of information"), as older
    drafts and Usenet FAQs number their sections and contents entries."""
    m = _COLON_NUMBER.match(text.strip())
    if m is None:
        return None
    n = m.group("n")
    return Number(f"{n}:", "decimal", tuple(int(p) for p in n.split("."))), m.group("rest").strip()


class _Entry:
    """An entry being read: its first line, its text so far, its page, its lines."""

    __slots__ = ("first", "last", "page", "text")

    def __init__(self, first: int, text: str, page: str | None) -> None:
        self.first = self.last = first
        self.text = text
        self.page = page


def _is_prose(s: str) -> bool:
    stripped = s.strip()
    return len(stripped) > 250 or (bool(SENTENCE_END.search(stripped[-12:])) and words(stripped) > 12)


def _find_title(lines: Sequence[str], content: Sequence[bool]) -> int:
    limit = max(TITLE_WITHIN, len(lines) // 2)
    later = _Standalone(lines, content, -1)  # the lines standing on their own, found once if asked
    for i in range(min(limit, len(lines))):
        if content[i] and len(lines[i]) < 80 and TOC_TITLE.fullmatch(lines[i].strip()):
            before_blank = i == 0 or not content[i - 1] or "\f" in lines[i]
            after = (
                before_blank
                and i + 1 < len(lines)
                and (
                    not content[i + 1]
                    or bool(UNDERLINE.fullmatch(lines[i + 1]))
                    or _numbered_under(lines, i)
                    or _listed_under(lines, content, i, later)
                )
            )
            if after and not _over_prose(lines, content, i) and not _summary_section(lines, content, i):
                return i
    return -1


# The lines of a paragraph read under a title to tell entries from prose.
PROSE_LOOK = 12


def _over_prose(lines: Sequence[str], content: Sequence[bool], i: int) -> bool:
    """Whether the title is a section's that opens with a paragraph of prose ("Summary" over an
    RFC's summary): its first lines add up to sentences, not entries."""
    j = i + 1
    if j < len(lines) and UNDERLINE.fullmatch(lines[j]):
        j += 1
    while j < len(lines) and not content[j]:
        j += 1
    if j >= len(lines) or _parse(lines[j].strip()) is not None:
        return False
    para: list[str] = []
    block = _Block(0)
    while j < len(lines) and content[j] and len(para) < PROSE_LOOK:
        text, page = block.split_page(lines[j])
        if page is not None or _parse(text.strip()) is not None:
            return False  # an entry among the lines: a contents set close under its title
        para.append(text.strip())
        j += 1
    return _paragraph(" ".join(para))


_SUMMARY = re.compile(r"summary\s*:?", re.IGNORECASE)
# The words of a sentence that opens a section, at least.
OPENING_WORDS = 5


def _summary_section(lines: Sequence[str], content: Sequence[bool], i: int) -> bool:
    """A "Summary" over a sentence (a tutorial's "SUMMARY" / "The following commands are useful
    for viewing screenfuls:" over a table of keys): a section summing up, not a summary of the
    contents, which opens with an entry."""
    if not _SUMMARY.fullmatch(lines[i].strip()):
        return False
    j = i + 1
    if j < len(lines) and UNDERLINE.fullmatch(lines[j]):
        j += 1
    while j < len(lines) and not content[j]:
        j += 1
    if j >= len(lines) or _parse(lines[j].strip()) is not None:
        return False
    first = lines[j].strip()
    return first.endswith((".", ":")) and len(first.split()) >= OPENING_WORDS


def _numbered_under(lines: Sequence[str], i: int) -> bool:
    """A title set right over two numbered lines ("Contents:" / "Chapter 1: Introducing zsh" /
    "1.1. Sources of information", "Table of Contents" / "1. Background" / "2. Compiling ..."): a
    FAQ's contents with no blank under its title."""
    return i + 2 < len(lines) and all(_parse(lines[j]) is not None for j in (i + 1, i + 2))


# The lines right under a title, with no blank between, that must stand later as headings for the
# title to be the contents'.
LISTED_UNDER = 3


def _listed_under(lines: Sequence[str], content: Sequence[bool], i: int, later: _Standalone) -> bool:
    """A title set right over unnumbered entries that each stand on their own later, as the
    headings they list do ("CONTENTS" / " Sending Patches" / " Patching Process", a README's)."""
    under = range(i + 1, i + 1 + LISTED_UNDER)
    if under.stop > len(lines) or not all(content[j] for j in under):
        return False
    return all(later.get(_stripped(lines[j]), -1) > under.stop for j in under)


def _untitled(lines: Sequence[str], content: Sequence[bool]) -> int:
    """The first line of a contents with no title: a block of lines near the top of the document
    that starts with a numbered (or bulleted) line and holds several, most of which stand later on lines of
    their own, number and title alike, as the headings they list (a hand-written specification's
    contents under its title and version; its entries may wrap); -1 when there is none. Only the
    first few such blocks are tried."""
    limit = min(len(lines), max(TITLE_WITHIN, len(lines) // 2))
    later: dict[str, int] | None = None
    i = tried = 0
    head = 0  # the first line of the paragraph the scan is in
    # the blocks of entries right before this one, too short to tell alone (a FAQ's chapters of
    # two or three questions each, a blank line apart): (first line, texts)
    short: list[tuple[int, list[str]]] = []
    while i < limit and tried < UNTITLED_TRIES:
        if not content[i] or _entry_text(lines[i]) is None:
            if content[i]:
                short = []  # a line of text, no entry: the blocks before it are no part of the next
            i += 1
            head = i if i >= len(lines) or not content[i - 1] else head
            continue
        run = i
        texts = []
        numbered = []
        while i < len(lines) and content[i]:
            if i > run and i + 1 < len(lines) and UNDERLINE.fullmatch(lines[i + 1]) and len(lines[i + 1].strip()) >= 3:
                break  # an underlined heading glued under the entries (makeinfo's plain text): the body
            text = _entry_text(lines[i])
            if text is not None:
                texts.append(text)
                if lines[i].lstrip()[:1].isdigit():
                    numbered.append(text)
            i += 1
        if numbered:
            texts = numbered  # the topics bulleted under numbered entries are not looked for
        texts = [t for t in texts if outline.normalize_title(t) not in _NAVIGATION]
        if len(texts) < UNTITLED_MIN:
            if texts:
                short.append((run, texts))
            continue
        tried += 1
        if later is None:
            # (a FAQ sets each question under a rule: "-----" / "1.1  What is theme, ...?")
            later = _standing(lines, content, 0, _collapsed, ruled=True)
        found = sum(1 for t in texts if later.get(t, -1) >= i)
        if found >= UNTITLED_SHARE * len(texts):
            # the short blocks of entries right before it, whose entries turn up later too, begin it
            # (or most of them, when their numbers lead on into it: "1 The documentation" and
            # "1.1 Scope" over "2 About xine", the first heading misspelt since)
            while short and _leads_into(short[-1][1], texts[0], later, i):
                run = head = short.pop()[0]
            # unnumbered parents over the first numbered entries ("SECTION 1 - GENERAL" over
            # "1.1. What is Vim?", or "0. Preface" counted from zero) begin the block when most
            # of them too turn up later as headings (one lost is a contents entry with no heading)
            above = range(head, run)
            if head < run and 2 * sum(1 for j in above if later.get(_collapsed(lines[j]), -1) >= i) > len(above):
                return head
            return run
        short = []
    return -1


def _leads_into(texts: list[str], first: str, later: dict[str, int], i: int) -> bool:
    """Whether a short block of entries right above a contents begins it: each of its entries
    stands later as a heading, or at least half of them do and its numbers run on into the
    contents' first (the last "1.1", the first "2")."""
    found = sum(1 for t in texts if later.get(t, -1) >= i)
    if found == len(texts):
        return True
    last, nxt = _LEADING_NUMBER.match(texts[-1]), _LEADING_NUMBER.match(first)
    if 2 * found < len(texts) or last is None or nxt is None:
        return False
    before, after = (tuple(map(int, m[1].split("."))) for m in (last, nxt))
    return before < after and before[0] + 1 >= after[0]


# an entry's number as the untitled scan keeps it ("2 about xine", "1.1 scope of this document")
_LEADING_NUMBER = re.compile(r"(\d{1,4}(?:\.\d{1,4})*)\.?(?=\s)")


def _entry_text(line: str) -> str | None:
    """A line's number and title, spaces collapsed and lowercased, without a page number after a
    leader; None when it is not numbered with digits or has no title."""
    head = line.lstrip()[:1]
    if head in _BULLET_MARKS:
        bare = _BULLET.sub("", line.lstrip())
        # a bulleted entry (a web page's list of links to its sections, dumped by a browser)
        return _collapsed(bare) if bare != line.lstrip() and bare.strip() else None
    if not head.isdigit():
        return None  # (a hand-written contents numbers its entries so; and most lines are not)
    split = leader.split(line)
    text = split[0] if split else line
    parsed = _parse(text)
    if parsed is None or not parsed[1]:
        return None
    return _collapsed(text)


def _collapsed(line: str) -> str:
    return " ".join(line.split()).lower()


def _standing(
    lines: Sequence[str], content: Sequence[bool], first: int, key: Callable[[str], str], ruled: bool = False
) -> dict[str, int]:
    """Each short line from ``first`` on that stands on its own (blank or layout above it, or the
    document's first line; with ``ruled``, a rule that sets it apart too; or its own underline
    under it, as makeinfo glues the top node's title under the contents), by ``key`` of it, to the
    last line where it stands so."""
    return {
        key(lines[j]): j
        for j in range(first, len(lines))
        if content[j]
        and (
            j == 0
            or not content[j - 1]
            or (ruled and RULE_LINE.fullmatch(lines[j - 1]) is not None)
            or (j + 1 < len(lines) and _underlined_by(lines[j], lines[j + 1]))
        )
        and len(lines[j]) <= STANDING_WIDTH
    }


def _underlined_next(lines: Sequence[str], i: int) -> bool:
    return i + 1 < len(lines) and _underlined_by(lines[i], lines[i + 1])


def _underlined_by(line: str, rule: str) -> bool:
    """Whether ``rule`` underlines ``line``: a rule of one mark, as wide as the line's text."""
    return rule[:1] in "=-*~^#+.:" and UNDERLINE.fullmatch(rule) is not None and len(rule.strip()) == len(line.strip())


class _Block:
    """What the block has shown so far: its entries, page-number column and widest line."""

    def __init__(self, wrap: int = 0) -> None:
        self.entries: list[_Entry] = []
        self.widest = 0
        self.left = 1 << 30  # the smallest indent of an entry
        self.first_title: str | None = None  # the first entry's title, normalised
        self.first_number: Number | None = None
        self.spaced = 0  # entries that came after a blank line
        self.unnumbered = 0  # entries without a number
        self.numbered: set[tuple[tuple[int, ...], str]] = set()  # the numbers and titles of numbered entries
        self.wrap = wrap  # the document's wrap width, when known (0: not)

    def dense(self) -> bool:
        """The entries so far end in page numbers and follow one another with no blank line between
        them: a shape any further entry must have."""
        return len(self.entries) >= DENSE and self.spaced == 0 and self.paged()

    def paged(self) -> bool:
        """Most entries so far end in a page number."""
        with_pages = sum(1 for e in self.entries[-PAGED_SAMPLE:] if e.page)
        return bool(self.entries) and with_pages * 2 > min(len(self.entries), PAGED_SAMPLE)

    def split_page(self, s: str) -> tuple[str, str | None]:
        """The title and page number of a line: after a leader, or, when the block's entries end
        in page numbers, after one dot or space or glued to the title ("... here.3")."""
        split = leader.split(s)
        if split:
            title = split[0].strip()
            parsed = _parse(title)
            if parsed is None or parsed[1] or len(title) > len(parsed[0].label) + 1:
                return title, split[1]
            if s.count(".", len(split[0])) >= _DOTTED_LEADER:
                return title, split[1]  # a number, a leader of dots and a page: an entry whose title is lost
        if self.paged():
            # the block's entries end in page numbers: so does this one, whatever its leader
            m = _GLUED_PAGE.fullmatch(s)
            parsed = _parse(m.group("title")) if m is not None else None
            if m is not None and (parsed is None or parsed[1]) and self._next_page(int(m.group("page"))):
                return m.group("title").strip(), m.group("page")
        title = s.strip()
        cut = leader.bare(title)
        return (title[:cut].rstrip() if cut else title), None

    def _next_page(self, page: int) -> bool:
        """Whether a number with no leader before it can be the page of the next entry: pages go
        on from the last entry's, by a few ("... and RFC 2045" after page 172 ends a title)."""
        last = next((e.page for e in reversed(self.entries) if e.page is not None), None)
        return last is None or not last.isdigit() or int(last) <= page <= int(last) + GLUED_STEP

    def add(self, entry: _Entry, line: str, parsed: tuple[Number, str] | None) -> None:
        """Take an entry, with its number and title as ``_parse`` read its text."""
        self.entries.append(entry)
        self.unnumbered += parsed is None
        self.note(entry, line)
        self.left = min(self.left, indent(line))
        if parsed is not None:
            self.numbered.add((parsed[0].values, outline.normalize_title(parsed[1])))
        if self.first_title is None:
            self.first_number = parsed[0] if parsed else None
            self.first_title = outline.normalize_title(parsed[1] if parsed else entry.text)

    def note(self, entry: _Entry, line: str) -> None:
        self.widest = max(self.widest, _width(line))


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
        parsed = _parse(text)
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
        number: Number | None = parsed[0] if parsed else None
        title = parsed[1] if parsed else _BULLET.sub("", e.text)
        if number is None and outline.normalize_title(title) == own_title:
            continue  # the contents listing itself ("Table of Contents ..... 2"): its title is no heading
        if number is None and outline.normalize_title(title) in _NAVIGATION:
            continue  # a web page's link back to its top ("(top)"), dumped with its list of sections
        col = indent(lines[e.first]) + 1
        span = Span(e.first + 1, col, e.first + 1, len(lines[e.first].rstrip()))
        entries.append(TocEntry(0, number, title, None, span, e.page))
    last = block.entries[-1].last
    top = start if titled else block.entries[0].first
    toc_span = Span(top + 1, indent(lines[top]) + 1, last + 1, len(lines[last].rstrip()))
    return entries, toc_span, end


class _Standalone:
    """The last line at which each short line standing on its own (blank or layout above it) is
    found after the contents title: where an entry's text turns up again as a heading. Built on
    first use, since most contents never ask."""

    def __init__(self, lines: Sequence[str], content: Sequence[bool], start: int) -> None:
        self.lines, self.content, self.start = lines, content, start
        self.found: dict[str, int] | None = None
        self.titles: dict[str, int] | None = None
        self.ordered: list[str] | None = None

    def get(self, text: str, default: int) -> int:
        if self.found is None:
            self.found = _standing(self.lines, self.content, self.start + 1, _stripped)
        return self.found.get(text, default)

    def title(self, text: str, default: int) -> int:
        """The last line standing on its own whose title (its number left out) is ``text``'s."""
        if self.titles is None:
            self.get("", default)
            assert self.found is not None
            self.titles = {_title_of(line): j for line, j in self.found.items()}
        return self.titles.get(_title_of(text), default)

    def begins(self, text: str) -> bool:
        """Whether a line standing on its own later has a title that begins with ``text``'s: the
        heading of an entry wrapped elsewhere than the entry is ("... García" / "Solier died")."""
        if self.ordered is None:
            self.title("", 0)
            assert self.titles is not None
            self.ordered = sorted(self.titles)
        prefix = _title_of(text)
        k = bisect.bisect_left(self.ordered, prefix)
        return len(prefix) >= MIN_PREFIX and k < len(self.ordered) and self.ordered[k].startswith(prefix)


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


def _stripped(line: str) -> str:
    return line.strip().lower()


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


# An unnumbered entry of more words than this, ending in a full stop, is a paragraph.
PARAGRAPH_WORDS = 20


def _paragraph(text: str) -> bool:
    """Lines that add up to a paragraph of prose: statements ending in a full stop, longer than
    any title. A question of an FAQ's contents, however long, ends in a question mark."""
    stripped = text.rstrip()
    return stripped.endswith(".") and not stripped.endswith("..") and words(stripped) > PARAGRAPH_WORDS


# reStructuredText's explicit markup: a directive (".. note::"), a target (".. _label:"), a
# substitution (".. |name| image::"), a comment (".. text"); never a contents entry.
_EXPLICIT_MARKUP = re.compile(r"\s*\.\. (?:[\w:-]+::|_[^:]*:|\|)")


# A list item's mark before an unnumbered entry ("* Preface", as Sphinx's text builder writes a
# local contents): no part of its title.
_BULLET = re.compile(r"^[*+•·‣◦▪□■○●–-]\s+")
_BULLET_MARKS = frozenset("*+•·‣◦▪□■○●–-")
# the links of a page's list of sections that lead to no section of it
_NAVIGATION = frozenset({"top", "back to top", "to top", "go to top"})
# A note is a sentence of this many words or more.
NOTE_WORDS = 6


def _note(e: _Entry) -> bool:
    """Whether an entry is a sentence addressed to the reader ("Make sure you read the important
    notes before upgrading to this version."): unnumbered, with no page, ending in a full stop."""
    text = e.text.strip()
    return e.page is None and _parse(text) is None and text.endswith(".") and words(text) >= NOTE_WORDS


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


def _continues(
    block: _Block,
    prev: _Entry,
    lines: Sequence[str],
    i: int,
    text: str,
    pg: str | None,
    parsed: tuple[Number, str] | None,
    later: _Standalone,
) -> bool:
    """Whether a line goes on with the entry above it rather than starting an entry of its own.

    An entry that already has its page number is complete, and so is a numbered line; otherwise a
    line continues the entry when the entry was visibly cut (it ends on a word that cannot end a
    title, a comma or a hyphen), when it starts in lower case, when it hangs deeper
    than the entry's title, or (CJK titles wrap anywhere) when it goes on with CJK text. A line
    that stands on its own later in the document, as a heading does, is an entry.
    """
    if (
        parsed is not None
        and prev.page is None
        and _wrapped_at_number(lines[prev.first], prev.text, lines[i], parsed[0])
    ):
        return True
    if prev.page is not None or parsed is not None:
        return False
    if _BULLET.match(text.lstrip()):
        # a bulleted line is an item of its own (topics listed under a chapter), unless a title
        # wrapped before its dash (" - HPCs") right under it, in a contents whose entries stand apart
        dash = text.lstrip()[:2] == "- " and i == prev.last + 1 and indent(lines[i]) == indent(lines[prev.last])
        return dash and block.spaced >= SPACED
    if leader.bare(lines[prev.last]) is not None:
        return False  # the entry above ran its leader to the end: it is complete, pages left out
    line = lines[i]
    if later.title(f"{prev.text} {text}", -1) > i:
        return True  # the entry with this line is a heading later: a wrapped entry, whatever its indent
    stands_later = later.get(line.strip().lower(), -1) > i
    if stands_later and later.get(lines[prev.last].strip().lower(), -1) > i:
        # the entry above and this line each stand on their own later, as headings do: two entries
        # (groups of unnumbered entries in a spaced contents, DocBook's text export), even where
        # a longer heading begins with both ("FONT_ASCENT" and "FONT_DESCENT" under
        # "FONT_ASCENT, FONT_DESCENT, and DEFAULT_CHAR")
        return False
    if later.begins(f"{prev.text} {text.split(None, 1)[0]}"):
        return True  # a heading later begins with the entry and this line's first word: wrapped
    if block.spaced >= SPACED and block.spaced * 2 >= len(block.entries) and indent(line) >= block.left:
        # entries stand apart, blank lines between most of them: a line right under one goes on
        # with it (not where blank lines only part groups of entries that follow one another)
        return True
    if stands_later:
        return False
    # (a bracket before a lower-case word opens no title: "(des-mac-k) ..... 77" under its entry)
    head = line.lstrip().lstrip("([").lstrip()[:1] or line.lstrip()[:1]
    before = lines[prev.last]
    last_word = prev.text.rsplit(None, 1)[-1].lower() if prev.text.strip() else ""
    if head.islower() or last_word in FUNCTION_WORDS or prev.text.endswith((",", "-", "/", "(", ":")):
        return indent(line) >= block.left or not block.entries
    if prev.text.endswith("?"):
        return False  # a question asked whole: the line under it is an entry (or a group's label)
    if CJK.match(head) or (CJK.match(prev.text[-1:]) and not SENTENCE_END.search(prev.text[-2:])):
        # CJK titles wrap anywhere, also before a Latin word ("... 我想要使用" / "Debian。...")
        return indent(line) >= indent(before) and len(before.strip()) >= 25
    if (
        not block.unnumbered
        and _width(before) >= WRAPPED_SHARE * block.widest
        and indent(line) >= block.left
        and (indent(line) > indent(before) or _no_room(block, before, line))
    ):
        # every entry so far is numbered: an unnumbered line under a full line wraps it, if it
        # hangs deeper or the line had no room for its first word ("2. References" over "Index",
        # both short, are two entries)
        return True
    first = _parse(lines[prev.first])
    if first is not None and indent(line) >= indent(lines[prev.first]) and _no_room(block, before, line):
        # an unnumbered line at a numbered entry's own indent, or deeper, whose first word the
        # entry's line had no room for: the entry wrapped at the document's width
        return True
    if first is not None:
        # a long numbered entry whose title goes on deeper than the title starts ("3.7.5. /etc/X11 :
        # Configuration for the X Window" over "System (optional)")
        title_column = indent(lines[prev.first]) + len(first[0].label)
        if indent(line) >= title_column and len(before.strip()) >= 40:
            return True
    # the entry's last line, hanging under it, ends with the page number
    return pg is not None and indent(line) > indent(lines[prev.first])


def _without_topics(entries: list[_Entry], lines: Sequence[str], later: _Standalone) -> list[_Entry]:
    """The entries without the bulleted topics listed under numbered ones ("2. Basic usage" over
    "□ How can I switch windows?": questions its chapter answers), when the numbered entries turn
    up later as headings and most of the bulleted ones do not."""
    bulleted = [e for e in entries if _BULLET.match(lines[e.first].lstrip())]
    numbered = [e for e in entries if _parse(e.text) is not None]
    if not bulleted or not numbered:
        return entries
    standing = sum(1 for e in bulleted if later.title(_BULLET.sub("", e.text.lstrip()), -1) > e.last)
    numbered_standing = sum(1 for e in numbered if later.title(e.text, -1) > e.last)
    if 2 * standing >= len(bulleted) or 2 * numbered_standing < len(numbered):
        return entries
    topics = {id(e) for e in bulleted}
    return [e for e in entries if id(e) not in topics]


# Numbered entries, this many or more, make a contents numbered: a line under them that is not
# numbered is an entry only if it is a title.
NUMBERED_CONTENTS = 3
_NOTE_MARKS = ("©", "://", "(C)", "(c)")


def _trailing_note(block: _Block, lines: Sequence[str], later: _Standalone) -> bool:
    """Whether the last entry of a numbered contents is a note under it, not an entry: unnumbered,
    never a line of its own later in the document, and not shaped as a title (a copyright line,
    a sentence, a line that ends with a colon or carries a web address: "The most recent version
    of this HOWTO can be found at:")."""
    entries = block.entries
    if len(entries) <= NUMBERED_CONTENTS or _parse(entries[-1].text) is not None:
        return False
    last = entries[-1]
    if sum(1 for e in entries if _parse(e.text) is not None) < NUMBERED_CONTENTS:
        return False
    if later.title(last.text, -1) > last.last:
        return False  # it turns up later as a heading (an unnumbered "Index" after the chapters)
    text = " ".join(lines[k].strip() for k in range(last.first, last.last + 1))
    if text.startswith(('"', "“", "'")) and " - " in text:
        return True  # a byline: the quoted title and its author ("'Partition-Rescue HOWTO' - J. Dodin")
    return text.rstrip().endswith((":", ".")) or any(m in text for m in _NOTE_MARKS)


def _wrapped_at_number(first: str, text: str, line: str, number: Number) -> bool:
    """Whether a line that starts with a number goes on with the numbered entry above it: the
    entry asks no whole question and ends no sentence, the line hangs where the entry's title
    starts (tabs expanded), and its number follows on from the entry's in no way, neither as its
    first child nor as a next sibling ("3.43.7<TAB>Why hasn't the test suite been qualified for 64
    bit HP-UX" over "<TAB>11 when lsof is compiled with gcc?")."""
    parsed = _parse(first)
    if parsed is None or text.rstrip().endswith(("?", ".", "!")):
        return False
    head = first.expandtabs()
    column = len(head) - len(head.lstrip()) + len(parsed[0].label)
    while column < len(head) and head[column] == " ":
        column += 1
    if indent(line.expandtabs()) != column or column <= indent(head):
        return False
    values = parsed[0].values
    follows = {(*values, 1), (*values, 0)} | {(*values[:k], values[k] + 1) for k in range(len(values))}
    return number.values not in follows


def _no_room(block: _Block, before: str, line: str) -> bool:
    """Whether the line above, at the document's wrap width, had no room for this line's first word."""
    word = line.split(None, 1)[0] if line.strip() else ""
    return block.wrap > 0 and _width(before.rstrip()) + 1 + _width(word) > block.wrap


def _joined(before: str, text: str, i: int, later: _Standalone) -> str:
    """An entry's text with the line that wraps it: CJK text joined as it is; a word hyphenated at
    the line's end ("... other DNS Docu-" / "ments") whole, where a heading later has it so, and
    otherwise kept with its hyphen ("Client-" / "side"); other lines after a space."""
    if CJK.match(before[-1:]) and CJK.match(text[:1]):
        return before + text
    if before.endswith("-") and before[-2:-1].isalpha() and text[:1].islower():
        whole = before[:-1] + text
        return whole if later.title(whole, -1) > i or later.begins(whole) else before + text
    return f"{before} {text}"


def _width(line: str) -> int:
    """A line's width as a terminal shows it: CJK characters take two columns."""
    stripped = line.rstrip()
    if stripped.isascii():
        return len(stripped)
    return len(stripped) + sum(1 for c in stripped if unicodedata.east_asian_width(c) in "WF")


def _keyed(text: str) -> tuple[tuple[int, ...] | None, str]:
    """An entry's number (its parts, None when it has none) and its normalised title."""
    parsed = _parse(text)
    if parsed is None:
        return None, outline.normalize_title(text)
    return parsed[0].values, outline.normalize_title(parsed[1])


def _title_of(text: str) -> str:
    return _keyed(text)[1]


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
