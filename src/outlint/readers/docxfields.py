"""DOCX fields: the field stack of ``fldChar``/``instrText`` and ``fldSimple``, the TOC field's switches,
and its cached entries (text, level, bookmark, page number).

A table of contents in Word is a field (``TOC \\o "1-3" \\h \\z \\u``) whose cached result is the
entries as last generated: paragraphs styled ``TOC 1``…``TOC 9``, each a title, a tab leader and a
page number (itself a ``PAGEREF _Toc…`` field), usually inside a hyperlink to the heading's
``_Toc`` bookmark. Text that merely reads ``TOC \\o`` is not a field.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

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


def _int(text: str, default: int) -> int:
    try:
        return int(text.strip())
    except ValueError:
        return default
