"""DOCX fields: the field stack of ``fldChar``/``instrText`` and ``fldSimple``, the TOC field's switches,
and its cached entries (text, level, bookmark, page number).

A table of contents in Word is a field (``TOC \\o "1-3" \\h \\z \\u``) whose cached result is the
entries as last generated: paragraphs styled ``TOC 1``…``TOC 9``, each a title, a tab leader and a
page number (itself a ``PAGEREF _Toc…`` field), usually inside a hyperlink to the heading's
``_Toc`` bookmark. Text that merely reads ``TOC \\o`` is not a field.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from outlint.model import Span, TocEntry
from outlint.readers.docxnumbering import number_of
from outlint.readers.markup import is_contents_title

if TYPE_CHECKING:
    from outlint.readers.docxruns import Para

_SWITCH = re.compile(r"\\([a-zA-Z])(?:\s+(\"[^\"]*\"|[^\\\s]+))?")
_PAGE = re.compile(r"\s*((?:[0-9]+|[ivxlcdm]+|[IVXLCDM]+)(?:[-–.:][0-9]+)?)\s*")


@dataclass(frozen=True, slots=True)
class TocSwitches:
    """What a TOC field instruction asks for."""

    levels: tuple[int, int] | None  # \o "1-3": the outline levels it lists
    styles: dict[str, int]  # \t "Style,level,...": more styles it lists, by lowercased name
    figures: bool  # \c or \a: a table of figures or tables, not of contents
    pages: bool  # False when \n leaves out the page numbers of every level


@dataclass(slots=True)
class Field:
    """One open field: its instruction as read so far, and whether its result has begun."""

    instr: list[str] = field(default_factory=list)
    result: bool = False
    kind: str = ""  # the first word of the instruction, upper-cased, once known
    bookmark: str | None = None  # PAGEREF/REF target
    toc: TocSwitches | None = None  # a TOC field's switches, once its result begins

    def settle(self) -> None:
        """Work out the kind once the instruction is complete (at ``separate`` or ``end``)."""
        text = "".join(self.instr).strip()
        word, _, rest = text.partition(" ")
        self.kind = word.upper()
        if self.kind in ("PAGEREF", "REF", "HYPERLINK"):
            args = rest.split()
            target = next((a for a in args if not a.startswith("\\")), None)
            if self.kind == "HYPERLINK":
                anchor = re.search(r"\\l\s+\"?([^\"\s]+)", rest)
                target = anchor.group(1) if anchor else None
            self.bookmark = target.strip('"') if target else None


def toc_switches(instr: str) -> TocSwitches | None:
    """The switches of a ``TOC`` instruction, or None when the instruction is no TOC field."""
    text = instr.strip()
    if text.split(" ", 1)[0].upper() != "TOC":
        return None
    levels: tuple[int, int] | None = None
    styles: dict[str, int] = {}
    figures = False
    pages = True
    for m in _SWITCH.finditer(text):
        switch, arg = m.group(1).lower(), (m.group(2) or "").strip('"')
        if switch == "o":
            lo, _, hi = arg.partition("-")
            levels = (_int(lo, 1), _int(hi or lo, 9)) if arg else (1, 9)
        elif switch == "t":
            styles.update(_style_map(arg))
        elif switch in ("c", "a"):
            figures = True
        elif switch == "n" and not arg:
            pages = False
    return TocSwitches(levels, styles, figures and levels is None and not styles, pages)


def _style_map(arg: str) -> dict[str, int]:
    """``"Chapter,1,Section,2"`` (or with semicolons, as list separators in many locales)."""
    try:
        parts = [p.strip() for p in re.split(r"[,;]", arg)]
    except ValueError:
        return {}
    out: dict[str, int] = {}
    for name, level in zip(parts[::2], parts[1::2], strict=False):
        if name:
            out[name.lower()] = max(1, min(_int(level, 1), 9))
    return out


def split_entry(pieces: list[tuple[str, bool]]) -> tuple[str, str | None]:
    """An entry's title and page: ``pieces`` are (text, in a PAGEREF result) in order, tabs as
    ``\\t``. The page is the PAGEREF result, else a page-like word after the last tab; the tab
    leader goes, other tabs (after a number) become spaces."""
    page_parts = [t for t, is_page in pieces if is_page]
    text = "".join(t for t, is_page in pieces if not is_page)
    page: str | None = None
    if page_parts:
        page = "".join(page_parts).strip() or None
        text = text.rstrip(" \t.·…")
    elif "\t" in text:
        head, _, tail = text.rpartition("\t")
        m = _PAGE.fullmatch(tail)
        if m:
            page, text = m.group(1), head
    return " ".join(text.replace("\t", " ").split()).rstrip(" .·…"), page


def toc_levels(switches: TocSwitches | None) -> tuple[int, int]:
    """The heading levels a TOC field lists: its ``\\o`` range and the levels of its ``\\t`` styles."""
    if switches is None:
        return 1, 9
    given = [*(switches.levels or ()), *switches.styles.values()]
    return (min(given), max(given)) if given else (1, 9)


def toc_depth(switches: TocSwitches | None) -> int | None:
    """How many levels the contents declares it lists (None when the field does not say)."""
    if switches is None or (switches.levels is None and not switches.styles):
        return None
    lo, hi = toc_levels(switches)
    return hi - lo + 1


def contents(paras: Sequence[Para], switches: TocSwitches | None) -> tuple[list[TocEntry], Span | None]:
    """The entries of the first contents in the body: a TOC field or TOC content control, else one
    typed or converted without a field (see ``typed_contents``)."""
    found = _field_contents(paras, switches)
    if not found[0]:
        return typed_contents(paras)
    _take_title(paras, found[1])
    return found


def _take_title(paras: Sequence[Para], span: Span | None) -> None:
    """The paragraph just before a contents field that says "Contents" is its title, even when it is
    styled as a heading: it opens no section."""
    if span is None:
        return
    before = [p for p in paras if p.number < span.line and p.where == "body" and p.text][-1:]
    if before and is_contents_title(before[0].text):
        before[0].toc_region = True


def _field_contents(paras: Sequence[Para], switches: TocSwitches | None) -> tuple[list[TocEntry], Span | None]:
    entries: list[TocEntry] = []
    first = last = None
    lo = toc_levels(switches)[0]
    for para in paras:
        if not para.toc_region or para.figures or para.where == "box":
            if entries and first is not None:
                break  # the first contents is over; any later one is not the document's contents
            continue
        title, page = split_entry(para.toc or [])
        if not title:
            continue
        level = para.style.toc
        if level is None and page is None and para.anchor is None and _contents_title(para, title):
            continue  # the title of the contents ("Contents", "目录")
        parsed = number_of(title)
        number, rest = parsed if parsed is not None else (None, title)
        first = para.number if first is None else first
        last = para.number
        entries.append(
            TocEntry(
                max(1, level - lo + 1) if level else 0,
                number,
                rest or title,
                f"#{para.anchor}" if para.anchor else None,
                Span(para.number, 1, para.number, max(len(title), 1)),
                page,
            )
        )
    if first is None or last is None:
        return [], None
    return entries, Span(first, 1, last, 1)


def _contents_title(para: Para, title: str) -> bool:
    return is_contents_title(title) or para.style.kind == "lines"


def typed_contents(paras: Sequence[Para]) -> tuple[list[TocEntry], Span | None]:
    """A contents without a field: after a paragraph such as "Contents" or "目录", the paragraphs
    that read as entries (TOC 1…9 styles, one hyperlink to a bookmark each, or a title, a tab and a
    page number), at least two of them. Documents converted from HTML or Markdown, and contents
    turned into text, have one. Its paragraphs, the title included, leave the body."""
    for k, para in enumerate(paras):
        if para.where != "body" or para.toc_region or not is_contents_title(para.text):
            continue
        run: list[Para] = []
        for nxt in paras[k + 1 :]:
            if nxt.where == "box" or (not nxt.text and not run):
                continue
            if nxt.entry is None:
                break
            run.append(nxt)
        if len(run) < 2:
            continue
        para.toc_region = True  # the title of the contents: no body text, and no section of its own
        entries = []
        for entry_para in run:
            assert entry_para.entry is not None
            entry_para.toc_region = True
            title, page, anchor = entry_para.entry
            parsed = number_of(title)
            number, rest = parsed if parsed is not None else (None, title)
            level = entry_para.style.toc or (
                entry_para.num[1] + 1 if entry_para.num and entry_para.num[1] is not None else 0
            )
            span = Span(entry_para.number, 1, entry_para.number, max(len(title), 1))
            entries.append(TocEntry(level, number, rest or title, f"#{anchor}" if anchor else None, span, page))
        return entries, Span(run[0].number, 1, run[-1].number, 1)
    return [], None


def _int(text: str, default: int) -> int:
    try:
        return int(text.strip())
    except ValueError:
        return default
