"""The decided headings of plain text revised as a whole: a label line merged into the heading it
labels, a release's number, Roman appendices, a chapter's own list of its sections, which numbering
families number headings only, Sphinx's asides, and underline levels that the numbers contradict."""

from __future__ import annotations

import re
from dataclasses import replace

from outlint import numbering, outline
from outlint.model import Gap, Heading, Paragraph
from outlint.readers.text.titles import TITLE_WORDS

_LABEL_SCHEMES = frozenset({"appendix", "chapter", "part", "book"})


def _labels_over(items: list[outline.Block]) -> list[outline.Block]:
    """A label line alone ("Appendix A", "Chapter 3") right over the heading it labels, numbered
    the same ("A.  Guidelines for Model Designers"), is part of that heading: one heading, not an
    empty section and a duplicate number (RFCs set appendices so)."""
    out: list[outline.Block] = []
    for k, item in enumerate(items):
        nxt = items[k + 1] if k + 1 < len(items) else None
        if (
            isinstance(item, Heading)
            and item.number is not None
            and item.number.scheme in _LABEL_SCHEMES
            and not item.title
            and isinstance(nxt, Heading)
            and nxt.number is not None
            and nxt.title
            and nxt.number.scheme not in _LABEL_SCHEMES
            and nxt.number.values == item.number.values
        ):
            continue
        out.append(item)
    return out


def _versions(items: list[outline.Block]) -> list[outline.Block]:
    """Headings that open with one release number, the same each time ("2.0 Migration - Core
    Usage", "2.0 Migration - ORM Usage", a guide to a release), name that release: their title is whole, they are not
    sections numbered 2 again and again."""
    labels: dict[str, int] = {}
    for b in items:
        if isinstance(b, Heading) and b.number is not None and b.number.label.endswith(".0"):
            labels[b.number.label] = labels.get(b.number.label, 0) + 1
    # (one such number only: chapters numbered "1.0", "2.0" as older RFCs do are sections, and a
    # "2.0" among them twice a duplicate)
    repeated = {label for label, n in labels.items() if n >= 2}
    if len(labels) != 1 or not repeated:
        return items
    out: list[outline.Block] = []
    for b in items:
        if isinstance(b, Heading) and b.number is not None and b.number.label in repeated:
            b = replace(b, number=None, title=f"{b.number.label} {b.title}".strip())
        out.append(b)
    return out


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
    last: dict[_Key, int] = {}
    part = 0
    parts: dict[int, int] = {}
    for k, item in enumerate(items):
        if isinstance(item, Heading) and item.number is not None and _numbered_heading(item):
            part += "+part" in (item.style or "")
            parts[k] = part
            last[(part, item.number.values, outline.normalize_title(item.title))] = k
    copied = _copied_in_text(items, last)
    out = list(items)
    listing = False  # the items since the last text are a listing's entries
    for k, item in enumerate(items):
        if not isinstance(item, Heading) or item.number is None or not _numbered_heading(item):
            listing = listing and isinstance(item, Gap)
            continue
        key = (parts[k], item.number.values, outline.normalize_title(item.title))
        j = k + 1
        while j < len(items) and isinstance(items[j], Gap):
            j += 1
        nxt = items[j] if j < len(items) else None
        empty = nxt is None or isinstance(nxt, Heading) or _lists_children(nxt, key[1])
        # the last entry of a chapter's list of its sections has the chapter's abstract or first
        # text under it (a one-part number is a section of its own, left empty, as often)
        if (last[key] != k or copied.get(key, -1) > k) and (empty or (listing and item.number.depth >= 2)):
            out[k] = Paragraph(item.label, item.span, "lines")
            listing = True
        else:
            listing = False
    return out


_Key = tuple[int, tuple[int, ...], str]  # a numbered heading's part, number and normalised title


def _copied_in_text(items: list[outline.Block], headings: dict[_Key, int]) -> dict[_Key, int]:
    """The last paragraph that holds a numbered heading's number and title, by the heading's key:
    a FAQ's list of questions comes before the questions themselves, each set with its answer
    in one block (as text browsers lay out a DocBook question-and-answer set)."""
    by_number: dict[tuple[int, ...], list[str]] = {}
    for _, values, title in headings:
        by_number.setdefault(values, []).append(title)
    out: dict[_Key, int] = {}
    part = 0
    for k, item in enumerate(items):
        if isinstance(item, Heading) and "+part" in (item.style or ""):
            part += 1
        if not isinstance(item, Paragraph):
            continue
        if "?" not in item.text and _DOTTED.search(item.text) is None:
            continue  # no question and no dotted number: nothing it could copy
        # (the questions and answers of a set run on in one block, each question at a line's start)
        for m in _LABEL_IN_TEXT.finditer(item.text):
            before = item.text[max(0, m.start() - 80) : m.start()].rstrip()  # (a window: long blocks stay linear)
            if before and before[-1] not in ".?!:)":
                continue  # a number cited in a sentence ("see 4.3. How do I ...?")
            parsed = numbering.parse(item.text[m.start() : m.start() + 400])
            if parsed is None or parsed[0].values not in by_number:
                continue
            if parsed[0].depth < 2 and "?" not in parsed[1][:200]:
                continue  # "6. Technical Committee makes decisions ...": an item of a list
            text = outline.normalize_title(parsed[1])
            for title in by_number[parsed[0].values]:
                if title and text.startswith(title) and _stands_apart(parsed[1], title):
                    out[(part, parsed[0].values, title)] = k
    return out


def _stands_apart(text: str, title: str) -> bool:
    """Whether ``title`` (normalised) begins ``text`` as a whole: the words after it start a new
    sentence or there are none, rather than going on with it."""
    words = text.split()
    for j in range(1, min(len(words), TITLE_WORDS) + 1):
        if outline.normalize_title(" ".join(words[:j])) == title:
            return j == len(words) or not words[j][:1].islower()
    return False


# A section's number as a word of its own in a block's text ("4.1.2.", "A.3.")
_DOTTED = re.compile(r"\d\.\d")
_LABEL_IN_TEXT = re.compile(r"(?<!\S)(?:[A-Z]\.)?+\d{1,4}+(?:\.\d{1,4}+)*+\.?(?=\s)")


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


# Sphinx's text builder underlines section titles with these characters, one per depth, and the
# titles of sidebars, topics and tables (no section's) with "^"; it never overlines.
_SPHINX_SECTIONS = frozenset('*=-~"+`')
_ASIDE = "^"


def _rule(x: object) -> str | None:
    """The rule an underlined heading is set over ("=", or "over=" for an overlined one)."""
    style = x.style if isinstance(x, Heading) else None
    if style and style.startswith("framed:"):
        return style  # a frame ranks among the rules as one of them
    return style.removeprefix("underline:") if style and style.startswith("underline:") else None


def _asides(items: list[outline.Block]) -> list[outline.Block]:
    """In a Sphinx text build (its first title over "*", no overlines, no other rule), titles over
    "^" head a sidebar or a topic inside the section they sit in: they take no rank among the
    section rules, which rank by first appearance without them ("Turtle star" over "^^^" before
    the first "---" leaves "---" the third level, not the fourth)."""
    chars = [c for c in map(_rule, items) if c is not None]
    if not chars or chars[0] != "*" or _ASIDE not in chars or not set(chars) <= _SPHINX_SECTIONS | {_ASIDE}:
        return items
    order: list[str] = []
    out: list[outline.Block] = []
    current = 0
    for x in items:
        char = _rule(x)
        if char is not None and isinstance(x, Heading):
            if char == _ASIDE:
                x = replace(x, level=current + 1)
            else:
                if char not in order:
                    order.append(char)
                current = order.index(char) + 1
                x = replace(x, level=current)
        out.append(x)
    return out


def _number_underlined(items: list[outline.Block]) -> list[outline.Block]:
    """Underlined headings whose numbers say otherwise take their levels from the numbers.

    Underline styles rank by first appearance, which is right until a document underlines
    "2." and "2.1." alike: then dotted depth decides, relative to the first numbered heading."""
    numbered = [x for x in items if isinstance(x, Heading) and x.number is not None and x.marked]
    plain = [x.number.depth for x in items if isinstance(x, Heading) and x.number and _numbered_heading(x)]
    if plain and any(h.number and h.level < h.number.depth and min(plain) < h.number.depth for h in numbered):
        # "1.1 Introduction" underlined as the first kind of underline, under a chapter numbered
        # "1." that is not underlined: the numbers place it, not the order of the underlines
        relevel = {id(h): replace(h, level=0) for h in numbered}
        return [relevel.get(id(x), x) if isinstance(x, Heading) else x for x in items]
    if len({h.level - h.number.depth for h in numbered if h.number}) <= 1:
        return items  # underline levels and dotted depths agree
    levels = outline.infer_levels(outline.resolve_letters([h.number for h in numbered]))
    offset = numbered[0].level - (levels[0] or 1)
    # a part of a split Info file opens inside a chapter ("20.21" over the section rule): its
    # numbers still say that "21" over the chapter rule is one level above, not level with it
    offset = max(offset, 1 - min(level or 1 for level in levels))
    relevel = {
        id(h): replace(h, level=max(1, (level or 1) + offset)) for h, level in zip(numbered, levels, strict=True)
    }
    return [relevel.get(id(x), x) if isinstance(x, Heading) else x for x in items]
