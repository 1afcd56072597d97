"""Blocks of plain text told apart: headings (numbered, underlined, listed) and the kinds of paragraph."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace

from outlint import numbering, outline
from outlint.model import Gap, Heading, Number, Paragraph, Span, TocEntry
from outlint.readers.text.lines import (
    BULLET,
    CJK,
    CODE_LINE,
    HEADING_END,
    RULE_LINE,
    SENTENCE_END,
    TOC_TITLE,
    UNDERLINE,
    indent,
    words,
)

_VERSION_TITLE = re.compile(r"[-–—(\s]*(?:\d{4}-\d{2}-\d{2}|\d{1,2} \w+ \d{4}|[-–—]\s)")
_PROMPT = re.compile(r"\s*(?:[#%] [a-z./_-]|\$ [A-Za-z./_-]|>>> )")
_WORDISH = re.compile(r"[^\W\d_]{2}|[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
_TABLE_ROW = re.compile(r".*(?:\S\s{3,}\S.*\S\s{3,}\S|[|│┃].*[|│┃]|^\s*[+┌├└][-=+─┬┼┴]{3,})")
# characters that are rare in prose and common in code, markup and drawings
_SYMBOLS = re.compile(r"[{}\[\]<>=|\\/_*#+^~`$@&]")


def _heading_shape(title: str) -> bool:
    t = title.strip()
    if not t or len(t) > 160 or len(t.split()) > 30 or not _WORDISH.search(t):
        return False
    if HEADING_END.search(t):
        return False
    if t.endswith((".", "。")) and not t.isupper() and (len(t.split()) > 3 or ". " in t):
        return False
    return not t[0].islower()


def _base_indent(lines: Sequence[str], blocks: Sequence[list[int] | Gap]) -> int:
    """The indentation of ordinary prose: the most common indent of the lines of blocks that are
    not numbered, bulleted or code."""
    counts: Counter[int] = Counter()
    seen = 0
    for block in blocks:
        if not isinstance(block, list):
            continue
        head = lines[block[0]]
        if BULLET.match(head) or CODE_LINE.match(head) or numbering.parse(head) is not None:
            continue
        counts.update(indent(lines[j]) for j in block)
        seen += 1
        if seen == 5000:
            break  # the habit of a document shows long before its end
    return counts.most_common(1)[0][0] if counts else 0


def _glued_heading(lines: Sequence[str], block: list[int], after: list[int] | Gap | None) -> bool:
    """Whether a block's last line is a numbered heading with no blank line above it: it follows a
    finished sentence and the next block is its first sub-section ("6. Committee" then "6.1. Powers")."""
    parsed = numbering.parse(lines[block[-1]])
    if parsed is None or not _heading_shape(parsed[1]) or not isinstance(after, list):
        return False
    if not SENTENCE_END.search(lines[block[-2]][-12:]):
        return False
    child = numbering.parse(lines[after[0]])
    return child is not None and child[0].values[:-1] == parsed[0].values and child[0].values[-1] == 1


def _continues(number: Number, seen: Sequence[Number]) -> bool:
    """Whether a number is the next one after the headings so far: the next sibling of the last
    heading of its scheme and depth, or the first child of the last heading one level up."""
    for prev in reversed(seen):
        if prev.scheme == number.scheme and prev.depth == number.depth:
            return prev.values[:-1] == number.values[:-1] and prev.values[-1] + 1 == number.values[-1]
        if prev.depth + 1 == number.depth and numbering.family(prev) == numbering.family(number):
            return prev.values == number.values[:-1] and number.values[-1] == 1
    return False


def _loose_shape(title: str) -> bool:
    """A title that is in its place in a numbered sequence: lowercase starts (commands, file names),
    a closing full stop and a wrapped second line are fine; a clause ending in a comma is not."""
    t = title.strip()
    return bool(t) and len(t) <= 200 and len(t.split()) <= 30 and not HEADING_END.search(t) and ". " not in t


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


def _numbered(lines: Sequence[str], block: list[int]) -> tuple[Number, str, int] | None:
    """(number, title, index of the title's line) for a numbered heading candidate block.

    One line (``2.3 Scope``), or a number alone over its title (``CHAPTER I.`` / ``THE ARRIVAL.``).
    """
    parsed = numbering.parse(lines[block[0]].replace("\f", ""))
    if parsed is None:
        return None
    number, title = parsed
    if _VERSION_TITLE.match(title) or (number.depth >= 3 and not title):
        return None  # a release ("3.42.1 - 2022-04-17"), not a section
    if len(block) == 1:
        return number, title, block[0]
    second = lines[block[1]].strip()
    if (
        len(block) == 2
        and not title
        and (number.scheme in _WORDY or "roman" in number.scheme)
        and _heading_shape(second)
        and len(second.split()) <= 12
    ):
        return number, second, block[1]
    if len(block) == 2 and title and second and not second[0].isdigit():
        return number, f"{title} {second}", block[1]  # a title wrapped onto a second line
    return None


def classify(lines: Sequence[str], blocks: Sequence[list[int] | Gap], toc: Sequence[TocEntry]) -> list[outline.Block]:
    toc_titles: dict[str, TocEntry] = {}
    for entry in toc:
        toc_titles.setdefault(outline.normalize_title(entry.title), entry)
    base = _base_indent(lines, blocks)
    underline_order: list[str] = []
    faq = False
    run: Number | None = None  # the last item of a numbered list a paragraph introduced with ":"
    seen: list[Number] = []  # numbers of the heading candidates so far
    mini_toc: int | None = None  # indentation of a chapter's own contents list being skipped
    # numbered candidates carry (Heading, matched by the contents, indent) until _settle decides
    items: list[outline.Block | tuple[Heading, bool, int]] = []
    k = 0
    blocks = list(blocks)
    while k < len(blocks):
        block = blocks[k]
        k += 1
        if isinstance(block, Gap):
            items.append(block)
            continue
        first = lines[block[0]].replace("\f", "")
        if len(block) == 1 and RULE_LINE.fullmatch(first):
            continue  # a horizontal rule: layout
        if len(block) > 1 and _glued_heading(lines, block, blocks[k] if k < len(blocks) else None):
            blocks.insert(k, [block[-1]])  # a heading glued under the paragraph before it
            block = block[:-1]
        if mini_toc is not None:
            if len(block) == 1 and indent(first) >= mini_toc and not SENTENCE_END.search(first[-12:]):
                continue  # an entry of a chapter's own contents list
            mini_toc = None
        if len(block) == 1 and items and TOC_TITLE.fullmatch(first.strip()):
            mini_toc = indent(first)  # a chapter's own contents: its entries are not headings
            continue
        under = _underline_heading(lines, block)
        if under is not None and (indent(lines[under[0]]) > base + 1 or under[1] != block[-1]):
            # an underlined title inside an indented example, or with text straight under its
            # underline (a sample file's title), is part of the example
            under = None
        if under is not None:
            title_idx, last_idx, char = under
            if char not in underline_order:
                underline_order.append(char)
            title_line = lines[title_idx]
            parsed = numbering.parse(title_line)
            if parsed is not None and _VERSION_TITLE.match(parsed[1]):
                parsed = None  # "3.42.1 - 2022-04-17": a release in a changelog, not a section number
            number = parsed[0] if parsed else None
            title = parsed[1] if parsed else title_line.strip()
            if number is not None:
                seen.append(number)
            span = Span(title_idx + 1, indent(title_line) + 1, last_idx + 1, len(lines[last_idx].rstrip()))
            items.append(Heading(underline_order.index(char) + 1, number, title, span, style=f"underline:{char}"))
            continue
        candidate = _numbered(lines, block)
        if candidate is not None and candidate[0].label in ("Q.", "A.") and (faq or candidate[0].label == "Q."):
            faq = True  # "Q. ... / A. ..." question and answer labels, not letters in a sequence
            candidate = None
        if candidate is not None and _in_list(candidate[0], items, run):
            run = candidate[0]
            candidate = None
        if candidate is not None:
            number, title, end_idx = candidate
            if not title and k < len(blocks):
                nxt = blocks[k]
                if (
                    isinstance(nxt, list)
                    and len(nxt) == 1
                    and _heading_shape(lines[nxt[0]])
                    and len(lines[nxt[0]].split()) <= 12
                ):
                    title, end_idx = lines[nxt[0]].strip(), nxt[0]
            matched = bool(title) and outline.normalize_title(title) in toc_titles
            wrapped = len(block) == 2 and end_idx == block[1] and number.scheme not in _WORDY
            # an undotted "2 Data Types" is a heading only where the numbering expects it: bare
            # numbers also start the rows of tables and lists ("13 Numeric coprocessor")
            bare = number.label.isdigit()
            if (
                matched
                or (not wrapped and not bare and _heading_shape(title))
                or (not title and number.scheme in _WORDY)
                or (_continues(number, seen) and _loose_shape(title) and not (wrapped and title.endswith(".")))
            ):
                seen.append(number)
                if end_idx != block[-1]:
                    k += 1  # the title came from the next block
                span = Span(block[0] + 1, indent(first) + 1, end_idx + 1, len(lines[end_idx].rstrip()))
                items.append((Heading(0, number, title, span, style="numbered"), matched, indent(first)))
                continue
        elif len(block) == 1 and toc and len(first.strip()) <= 160:
            listed = toc_titles.get(outline.normalize_title(first))
            if listed is not None and listed.number is None and outline.normalize_title(first):
                span = Span(block[0] + 1, indent(first) + 1, block[0] + 1, len(first.rstrip()))
                items.append(Heading(listed.level, None, first.strip(), span, style="contents"))
                continue
        items.append(_paragraph(lines, block, items, base))
    return _settle(_drop_listings(_number_underlined(items)), bool(toc), base)


def _lists_children(item: object, values: tuple[int, ...]) -> bool:
    """Whether a paragraph is a listing of the sub-sections of ``values`` ("3.4.1. Purpose ...")."""
    if not isinstance(item, Paragraph):
        return False
    parsed = numbering.parse(item.text)
    return parsed is not None and parsed[0].depth > len(values) and parsed[0].values[: len(values)] == values


def _drop_listings(
    items: list[outline.Block | tuple[Heading, bool, int]],
) -> list[outline.Block | tuple[Heading, bool, int]]:
    """A chapter's own list of its sections (DocBook text exports print one under each chapter
    title, untitled) repeats headings that come later with their text: the early, empty copies
    are a listing, not headings."""
    last: dict[tuple[tuple[int, ...], str], int] = {}
    for k, item in enumerate(items):
        if isinstance(item, tuple) and item[0].number is not None:
            last[(item[0].number.values, outline.normalize_title(item[0].title))] = k
    out = list(items)
    for k, item in enumerate(items):
        if not isinstance(item, tuple) or item[0].number is None:
            continue
        key = (item[0].number.values, outline.normalize_title(item[0].title))
        j = k + 1
        while j < len(items) and isinstance(items[j], Gap):
            j += 1
        nxt = items[j] if j < len(items) else None
        empty = nxt is None or isinstance(nxt, tuple | Heading) or _lists_children(nxt, key[0])
        if last[key] != k and empty:
            out[k] = Paragraph(item[0].label, item[0].span, "lines")
    return out


def _number_underlined(
    items: list[outline.Block | tuple[Heading, bool, int]],
) -> list[outline.Block | tuple[Heading, bool, int]]:
    """Underlined headings whose numbers say otherwise take their levels from the numbers.

    Underline styles rank by first appearance, which is right until a document underlines
    "2." and "2.1." alike: then dotted depth decides, relative to the first numbered heading."""
    numbered = [x for x in items if isinstance(x, Heading) and x.number is not None]
    if len({h.level - h.number.depth for h in numbered if h.number}) <= 1:
        return items  # underline levels and dotted depths agree
    levels = outline.infer_levels(outline.resolve_letters([h.number for h in numbered]))
    offset = numbered[0].level - (levels[0] or 1)
    relevel = {
        id(h): replace(h, level=max(1, (level or 1) + offset)) for h, level in zip(numbered, levels, strict=True)
    }
    return [relevel.get(id(x), x) if isinstance(x, Heading) else x for x in items]


_WORDY = {
    "chapter",
    "part",
    "book",
    "appendix",
    "section",
    "article",
    "cjk-chapter",
    "cjk-part",
    "cjk-section",
    "cjk-article",
    "cjk-book",
}


def _settle(items: list[outline.Block | tuple[Heading, bool, int]], has_toc: bool, base: int) -> list[outline.Block]:
    """Keep numbered candidates indented no deeper than the headings the contents confirmed, or,
    without confirmation, no deeper than the document's prose: deeper ones are list items."""
    confirmed: dict[str, int] = {}
    for item in items:
        if isinstance(item, tuple) and item[1] and item[0].number:
            fam = numbering.family(item[0].number)
            confirmed[fam] = max(confirmed.get(fam, 0), item[2])
    deepest = max(confirmed.values(), default=None)
    out: list[outline.Block] = []
    for item in items:
        if not isinstance(item, tuple):
            out.append(item)
            continue
        h, matched, margin = item
        fam = numbering.family(h.number) if h.number else ""
        limit = confirmed.get(fam, deepest)
        if matched or (margin <= limit + 1 if limit is not None else margin <= base + 2):
            out.append(h)
        else:
            span = h.span
            out.append(Paragraph(h.label, span, "list"))
    return out


def _underline_heading(lines: Sequence[str], block: list[int]) -> tuple[int, int, str] | None:
    if len(block) >= 3 and UNDERLINE.fullmatch(lines[block[0]]) and UNDERLINE.fullmatch(lines[block[2]]):
        c = lines[block[0]].strip()[0]
        if lines[block[2]].strip()[0] == c and not UNDERLINE.fullmatch(lines[block[1]]):
            return block[1], block[2], "over" + c
    if len(block) >= 2 and block[1] == block[0] + 1:
        under = lines[block[1]].strip()
        title = lines[block[0]].strip()
        if UNDERLINE.fullmatch(under) and not UNDERLINE.fullmatch(title) and len(under) >= max(3, len(title) * 0.6):
            return block[0], block[1], under[0]
    return None


def _paragraph(lines: Sequence[str], block: list[int], items: Sequence[object], base: int) -> Paragraph:
    first, last = block[0], block[-1]
    body = [lines[j] for j in block]
    if any("\f" in s for s in body):
        body = [s.replace("\f", "") for s in body]
    text = _join(body)
    span = Span(first + 1, indent(body[0]) + 1, last + 1, max(1, len(body[-1].rstrip())))
    previous = items[-1] if items and isinstance(items[-1], Paragraph) else None
    return Paragraph(text, span, _kind(body, text, previous, base))


_GAP = re.compile(r"\S(\s{3,})\S")


def _aligned_columns(body: Sequence[str]) -> bool:
    """Every line has a wide gap, and the text after it starts in the same column: a table."""
    starts = set()
    for s in body:
        m = _GAP.search(s)
        if m is None:
            return False
        starts.add(m.end(1))
    return len(starts) == 1


def _join(body: Sequence[str]) -> str:
    """A paragraph's text: wrapped lines joined by a space, except between CJK characters."""
    out = body[0].strip()
    if len(body) == 1:
        return out
    for s in body[1:]:
        s = s.strip()
        cjk = out and s and CJK.match(out[-1]) and CJK.match(s[0])
        out = out + s if cjk else out + " " + s
    return out


def _width(s: str) -> int:
    """Columns a line takes: CJK characters are two wide."""
    return len(s) + len(CJK.findall(s))


def _kind(body: Sequence[str], text: str, previous: Paragraph | None, base: int) -> str:
    """prose, list, table, code, quote (indented prose) or lines (addresses, terms, captions)."""
    first = body[0]
    if BULLET.match(first):
        return "list"
    if first.lstrip().startswith(".. "):
        return "code"  # reStructuredText markup: a directive, a comment or a link target
    n = len(body)
    if "   " in text or "|" in text or "+-" in text or "│" in text:
        rows = sum(1 for s in body if _TABLE_ROW.match(s))
        if rows and (rows * 2 >= n or n == 1):
            return "table"
        if n > 1 and _aligned_columns(body):
            return "table"
    if _PROMPT.match(first):
        return "code"  # a shell session: "$ ls -l", "# apt-get install ..."
    margin = indent(first) if n == 1 else min(indent(s) for s in body)
    if margin >= base + 2:
        # a block indented as a whole; a single line only when clearly code, since the first
        # lines of ordinary paragraphs are often indented too
        introduced = previous is not None and previous.text.endswith(":")
        code_lines = sum(1 for s in body if CODE_LINE.match(s))
        if n > 1 or (margin >= base + 3 and (introduced or code_lines)):
            return "code" if introduced or code_lines * 3 >= n else "quote"
    if _SYMBOLS.search(text) and len(_SYMBOLS.findall(text)) * 6 > len(text):
        return "code"
    if n > 1:
        if sum(1 for s in body if CODE_LINE.match(s)) * 2 > n:
            return "code"
        if all(_width(s.strip()) <= 45 and not s.strip()[0].islower() for s in body) and not any(
            SENTENCE_END.search(s[-12:]) for s in body[:-1]
        ):
            return "lines"  # an address, a signature, a list of names: each line stands alone
    elif len(text) < 60 and words(text) <= 3 and not SENTENCE_END.search(text[-12:]):
        return "lines"
    return "prose"
