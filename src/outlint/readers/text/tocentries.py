"""Contents entries as the block reads them: an entry's number and title, its page number, the
shape the block has shown so far, and the text that is prose, not an entry."""

from __future__ import annotations

import re
import unicodedata

from outlint import numbering, outline
from outlint.model import Number
from outlint.readers.text import leader
from outlint.readers.text.lines import SENTENCE_END, indent, words
from outlint.readers.text.titles import bare_named

# a page number glued to the title, or after one dot or spaces, or one dot between spaces ("... in
# this memo here.3", "... Natural Languages. 22", "... and application/http  . 170": a leader cut
# to its last dot where the title fills the line), or right after a closing bracket ("... checksum
# (descbc-crc)71": never after a letter, as "MD5" and "X11" end titles)
_GLUED_PAGE = re.compile(r"(?P<title>.*?[^\s\d.])(?:[ \t]*+\.[ \t]*+|[ \t]++|(?<=[)\]]))(?P<page>\d{1,4})\s*")
# contents entries numbered with a colon ("2.1: GSS Details"), as older drafts set them; the
# headings in the body carry the same number with a dot
_COLON_NUMBER = re.compile(r"(?P<n>[1-9]\d{0,3}(?:\.[1-9]\d{0,3})*):\s*(?P<rest>[^\s\d].*)")

# Whether the block's entries carry page numbers is judged on its last entries, this many.
PAGED_SAMPLE = 20
# A block of this many entries with no blank line between them has shown its rhythm.
DENSE = 3
# Dots it takes after a bare number for a leader (a number and blanks before a page may be a table row).
_DOTTED_LEADER = 3
# A page number with no leader before it is at most this many pages past the last entry's.
GLUED_STEP = 100


def _parse(text: str) -> tuple[Number, str] | None:
    """The number and title of an entry's text, as ``numbering.parse`` reads it, colon-numbered, or
    an undotted number before a name, as Texinfo's contents lists "6 preview-latex when not using
    LaTeX" (its underlined heading reads so too)."""
    return numbering.parse(text) or colon_numbered(text) or bare_named(text) or _glued(text)


# A dotted number glued to its title's first word ("2.1.1Step One", as nroff set a contents line
# whose number filled its column).
_GLUED = re.compile(r"(?P<n>(?:\d{1,3}|[A-Z])(?:\.\d{1,3}){1,5})\.?(?P<rest>[A-Z](?:[a-z]+|[A-Z]+)(?:\s.*)?)")


def _glued(text: str) -> tuple[Number, str] | None:
    """The number and title of such an entry, as ``numbering.parse`` reads them once the space the
    number lost is back ("2.1.1 Step One", "A.4.4. Handshake finalization message")."""
    stripped = text.strip()
    m = _GLUED.fullmatch(stripped)
    return numbering.parse(f"{stripped[: m.start('rest')]} {m.group('rest')}") if m is not None else None


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


# An unnumbered entry of more words than this, ending in a full stop, is a paragraph.
PARAGRAPH_WORDS = 20


def _paragraph(text: str) -> bool:
    """Lines that add up to a paragraph of prose: statements ending in a full stop, longer than
    any title. A question of an FAQ's contents, however long, ends in a question mark."""
    stripped = text.rstrip()
    return stripped.endswith(".") and not stripped.endswith("..") and words(stripped) > PARAGRAPH_WORDS


# A list item's mark before an unnumbered entry ("* Preface", as Sphinx's text builder writes a
# local contents; "•", "□" and "☆" as w3m marks three levels of nested lists): no part of its title.
_BULLET = re.compile(r"^[*+•·‣◦▪□■○●☆★◇◆–-]\s+")
_BULLET_MARKS = frozenset("*+•·‣◦▪□■○●☆★◇◆–-")
# the links of a page's list of sections that lead to no section of it
_NAVIGATION = frozenset({"top", "back to top", "to top", "go to top"})


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
