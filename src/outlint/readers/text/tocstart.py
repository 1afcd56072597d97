"""The start of the contents block: its title, or the first line of a contents with no title, and
the lines standing on their own later, as headings do, by which its entries are known."""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Sequence

from outlint import outline
from outlint.readers.text import leader
from outlint.readers.text.lines import FOOTNOTES, RULE_LINE, TOC_TITLE, UNDERLINE
from outlint.readers.text.tocentries import _BULLET, _BULLET_MARKS, _NAVIGATION, _Block, _paragraph, _parse, _title_of

# The contents title is looked for in the first half of the document, or its first lines.
TITLE_WITHIN = 200
# A wrapped entry is known by the start of a later heading only when that start is this long.
MIN_PREFIX = 20
# A line standing on its own is a heading's only if it is at most this wide.
STANDING_WIDTH = 120
# A contents with no title is a run of at least this many numbered lines, at least this share of
# which turn up later as headings; the first this many such runs are tried.
UNTITLED_MIN = 5
UNTITLED_SHARE = 0.8
UNTITLED_TRIES = 3


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
            if (
                after
                and not _over_prose(lines, content, i)
                and not _summary_section(lines, content, i)
                and not _over_footnotes(lines, content, i)
            ):
                return i
    return -1


# The lines of a paragraph read under a title to tell entries from prose.
PROSE_LOOK = 12


def _first_under(lines: Sequence[str], content: Sequence[bool], i: int) -> int | None:
    """The first line of text under a title (past its underline and blank lines), or None when
    there is none or it is numbered, as an entry is."""
    j = i + 1
    if j < len(lines) and UNDERLINE.fullmatch(lines[j]):
        j += 1
    while j < len(lines) and not content[j]:
        j += 1
    if j >= len(lines) or _parse(lines[j].strip()) is not None:
        return None
    return j


def _over_prose(lines: Sequence[str], content: Sequence[bool], i: int) -> bool:
    """Whether the title is a section's that opens with a paragraph of prose ("Summary" over an
    RFC's summary): its first lines add up to sentences, not entries."""
    j = _first_under(lines, content, i)
    if j is None:
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
    j = _first_under(lines, content, i)
    if j is None:
        return False
    first = lines[j].strip()
    return first.endswith((".", ":")) and len(first.split()) >= OPENING_WORDS


def _over_footnotes(lines: Sequence[str], content: Sequence[bool], i: int) -> bool:
    """A title over footnotes: a generator's label ("Contents:" over the list a Sphinx toctree
    gave, the list lost in the conversion to Texinfo) over the rule of the node's footnotes."""
    j = next((j for j in range(i + 1, min(i + PROSE_LOOK, len(lines))) if content[j]), None)
    return j is not None and FOOTNOTES.fullmatch(lines[j]) is not None


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


def _stripped(line: str) -> str:
    return line.strip().lower()
