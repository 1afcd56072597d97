"""DOCX automatic numbering: ``numbering.xml`` counted in document order, labels as Word displays them.

A ``w:num`` points to an ``abstractNum`` whose levels say where each level starts (``start``), how
it is written (``numFmt``, ``lvlText`` such as ``%1.%2``), when it restarts (``lvlRestart``) and
whether it shows every level in Arabic digits (``isLgl``). All instances of one list share its
counters; an instance with a ``startOverride`` ("set numbering value", "restart at 1") sets the
counter to it at its first paragraph of that level, and the list counts on from there.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from outlint import numbering
from outlint.model import Number
from outlint.numbering import to_roman
from outlint.readers.docxpart import attr, on, tag
from outlint.readers.docxstyles import Styles
from outlint.readers.markup import section_number

_ABSTRACT, _NUM, _LVL, _ABSTRACT_ID = tag("abstractNum"), tag("num"), tag("lvl"), tag("abstractNumId")
_START, _FMT, _TEXT, _RESTART, _LGL, _PSTYLE = (
    tag("start"),
    tag("numFmt"),
    tag("lvlText"),
    tag("lvlRestart"),
    tag("isLgl"),
    tag("pStyle"),
)
_OVERRIDE, _START_OVERRIDE, _STYLE_LINK = tag("lvlOverride"), tag("startOverride"), tag("numStyleLink")
_PLACEHOLDER = re.compile(r"%([1-9])")
# Full-width digits, letters and punctuation read as their ASCII forms, one character for one, so
# that "１．" and "（一）" number like "1." and "(一)" and labels keep their place in the text.
_WIDE = {c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)} | {0x3000: 0x20}
_CN_DIGITS = "〇一二三四五六七八九"
_STEMS = "甲乙丙丁戊己庚辛壬癸"
_BRANCHES = "子丑寅卯辰巳午未申酉戌亥"
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
_WORDS = (
    "Zero One Two Three Four Five Six Seven Eight Nine Ten Eleven Twelve Thirteen Fourteen Fifteen "
    "Sixteen Seventeen Eighteen Nineteen Twenty"
).split()
_ORDINALS = (
    "Zeroth First Second Third Fourth Fifth Sixth Seventh Eighth Ninth Tenth Eleventh Twelfth "
    "Thirteenth Fourteenth Fifteenth Sixteenth Seventeenth Eighteenth Nineteenth Twentieth"
).split()


@dataclass(frozen=True, slots=True)
class Level:
    """One level of a list definition."""

    start: int = 1
    fmt: str = "decimal"
    text: str | None = None  # lvlText; None: the level shows no label
    restart: int | None = None  # lvlRestart: restart after this (1-based) level; 0 never
    legal: bool = False
    style: str | None = None  # the paragraph style linked to this level


@dataclass(frozen=True, slots=True)
class Numbering:
    """List definitions by ``abstractNumId``, and list instances (``numId``) with their overrides."""

    abstract: dict[str, dict[int, Level]] = field(default_factory=dict)
    links: dict[str, str] = field(default_factory=dict)  # abstractNumId -> numbering style it links to
    nums: dict[str, tuple[str, dict[int, int], dict[int, Level]]] = field(default_factory=dict)


def parse(root: Any | None) -> Numbering:
    if root is None:
        return Numbering()
    abstract: dict[str, dict[int, Level]] = {}
    links: dict[str, str] = {}
    for el in root.iter(_ABSTRACT):
        aid = attr(el, "abstractNumId") or ""
        abstract[aid] = {k: lvl for k, lvl in (_level(x) for x in el.iter(_LVL))}
        link = el.find(_STYLE_LINK)
        if link is not None and attr(link, "val"):
            links[aid] = attr(link, "val") or ""
    nums: dict[str, tuple[str, dict[int, int], dict[int, Level]]] = {}
    for el in root.iter(_NUM):
        starts: dict[int, int] = {}
        levels: dict[int, Level] = {}
        for over in el.iter(_OVERRIDE):
            ilvl = _int(attr(over, "ilvl"), 0)
            start = over.find(_START_OVERRIDE)
            if start is not None:
                starts[ilvl] = _int(attr(start, "val"), 1)
            lvl = over.find(_LVL)
            if lvl is not None:
                levels[ilvl] = _level(lvl)[1]
        nums[attr(el, "numId") or ""] = (attr(el.find(_ABSTRACT_ID), "val") or "", starts, levels)
    return Numbering(abstract, links, nums)


def _level(el: Any) -> tuple[int, Level]:
    text_el = el.find(_TEXT)
    fmt = attr(el.find(_FMT), "val") or "decimal"
    restart = el.find(_RESTART)
    return _int(attr(el, "ilvl"), 0), Level(
        _int(attr(el.find(_START), "val"), 0),  # the standard's default, as Word counts
        fmt,
        attr(text_el, "val") if text_el is not None else None,
        _int(attr(restart, "val"), 0) if restart is not None else None,
        on(el.find(_LGL)) if el.find(_LGL) is not None else False,
        attr(el.find(_PSTYLE), "val"),
    )


@dataclass(slots=True)
class Counter:
    """The counters of every list as the document is read in order."""

    numbering: Numbering
    styles: Styles
    values: dict[str, list[int | None]] = field(default_factory=dict)  # abstractNumId -> value per level
    applied: set[tuple[str, int]] = field(default_factory=set)  # (numId, level) whose start override was used

    def label(self, num_id: str | None, ilvl: int | None, style_id: str | None) -> tuple[str, bool] | None:
        """Count one numbered paragraph; its label and whether it is a bullet, or None when the
        instance is missing, switched off (``numId`` 0) or shows nothing."""
        found = self._levels(num_id)
        if found is None:
            return None
        key, levels = found
        if ilvl is None:
            ilvl = next((k for k, lvl in levels.items() if style_id and lvl.style == style_id), 0)
        ilvl = max(0, min(ilvl, 8))
        lvl = levels.get(ilvl, Level())
        counts = self.values.setdefault(key, [None] * 9)
        current = counts[ilvl]
        start = self.numbering.nums[num_id or ""][1].get(ilvl)
        if start is not None and (num_id, ilvl) not in self.applied:
            # "set numbering value": the first paragraph of this instance at this level shows the
            # override, and the list it shares with the other instances counts on from there
            self.applied.add((num_id or "", ilvl))
            counts[ilvl] = start
        else:
            counts[ilvl] = lvl.start if current is None else current + 1
        for deeper in range(ilvl + 1, 9):
            restart = levels.get(deeper, Level()).restart
            if restart is None or (restart != 0 and ilvl < restart):
                counts[deeper] = None
        if lvl.fmt == "bullet":
            return (lvl.text or ""), True
        if lvl.text is None or (lvl.fmt == "none" and not _PLACEHOLDER.sub("", lvl.text).strip()):
            return None

        def value(m: re.Match[str]) -> str:
            k = int(m.group(1)) - 1
            shown = levels.get(k, Level())
            n = counts[k]
            n = shown.start if n is None else n
            return format_value(n, "decimal" if lvl.legal and shown.fmt != "none" else shown.fmt)

        label = _PLACEHOLDER.sub(value, lvl.text).strip()
        return (label, False) if label else None

    def _levels(self, num_id: str | None) -> tuple[str, dict[int, Level]] | None:
        nb = self.numbering
        if not num_id or num_id == "0" or num_id not in nb.nums:
            return None
        aid, _, overrides = nb.nums[num_id]
        for _ in range(4):  # an abstractNum may only link to a numbering style that points elsewhere
            link = nb.links.get(aid)
            if link is None or nb.abstract.get(aid):
                break
            style = self.styles.by_id.get(link)
            target = nb.nums.get(style.num[0]) if style and style.num else None
            if target is None:
                break
            aid = target[0]
        levels = nb.abstract.get(aid)
        if levels is None:
            return None
        # every instance of a list counts on the same counters, as Word shows them; an instance may
        # redefine a level (lvlOverride with a w:lvl) for its own paragraphs
        return aid, ({**levels, **overrides} if overrides else levels)


def number_of(text: str) -> tuple[Number, str] | None:
    """``numbering.parse`` on text with full-width forms read as ASCII; the label as written."""
    narrow = text.translate(_WIDE)
    parsed = numbering.parse(narrow)
    if parsed is None:
        return None
    number, rest = parsed
    if narrow == text:
        return parsed
    start = len(narrow) - len(narrow.lstrip())
    label = text[start : start + len(number.label)]
    return Number(label, number.scheme, number.values), rest


def number_title(label: str | None, bullet: bool, text: str) -> tuple[Number | None, str]:
    """A heading's number and title: its automatic number as displayed, else one typed in its text."""
    text = " ".join(text.split())
    if label and not bullet:
        label = label.strip()
        parsed = number_of(f"{label} Title")  # the label alone, before a title of any case
        if parsed is not None and parsed[1] == "Title":
            return parsed[0], text
        return None, f"{label} {text}"
    narrow = text.translate(_WIDE)
    number, rest = section_number(narrow)
    if number is None:
        return None, text
    start = len(narrow) - len(narrow.lstrip())
    return Number(text[start : start + len(number.label)], number.scheme, number.values), rest


def format_value(n: int, fmt: str) -> str:
    """A counter value in a ``numFmt``, as Word writes it."""
    if fmt in ("decimal", "decimalHalfWidth") or n <= 0:
        return str(n)
    if fmt == "upperRoman":
        return to_roman(n).upper()
    if fmt == "lowerRoman":
        return to_roman(n)
    if fmt in ("upperLetter", "lowerLetter"):
        letter = chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)  # Word: ..., Z, AA, BB
        return letter.upper() if fmt == "upperLetter" else letter
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt in ("decimalFullWidth", "decimalFullWidth2"):
        return "".join(chr(0xFF10 + int(d)) for d in str(n))
    if fmt in (
        "chineseCounting",
        "chineseCountingThousand",
        "japaneseCounting",
        "taiwaneseCounting",
        "taiwaneseCountingThousand",
    ):
        return _chinese(n)
    if fmt in ("ideographDigital", "taiwaneseDigital", "japaneseDigitalTenThousand"):
        return "".join(_CN_DIGITS[int(d)] for d in str(n))
    if fmt == "ideographTraditional":
        return _STEMS[(n - 1) % 10]
    if fmt == "ideographZodiac":
        return _BRANCHES[(n - 1) % 12]
    if fmt == "decimalEnclosedCircle" and n <= 20:
        return _CIRCLED[n - 1]
    if fmt == "ordinal":
        suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
        return f"{n}{suffix}"
    if fmt == "cardinalText" and n < len(_WORDS):
        return _WORDS[n]
    if fmt == "ordinalText" and n < len(_ORDINALS):
        return _ORDINALS[n]
    return str(n)


def _chinese(n: int) -> str:
    """一 … 十, 十一, 二十, 一百零五: Word's chineseCounting."""
    if n >= 10000:
        return str(n)
    out = ""
    zero = False
    for unit, name in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        d = n // unit % 10
        if d:
            if zero:
                out += "零"
            out += ("" if d == 1 and unit == 10 and n < 20 else _CN_DIGITS[d]) + name
            zero = False
        elif out:
            zero = True
    return out


def _int(text: str | None, default: int) -> int:
    try:
        return int(text) if text is not None else default
    except ValueError:
        return default
