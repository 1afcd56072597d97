"""The contents block of a plain-text document: its title, its entries, where it ends."""

from __future__ import annotations

import re
from collections.abc import Sequence

from outlint import numbering, outline
from outlint.model import Number, Span, TocEntry
from outlint.readers.text.lines import CJK, RULE_LINE, SENTENCE_END, TOC_TITLE, UNDERLINE, indent, words

_LEADER = re.compile(
    r"(?P<title>.*?\S)(?:\s*(?:\.\s?){2,}|\s*…+|\s*[·•]{2,}|\s*_{3,}|\s{2,}|\t+)\s*"
    r"(?P<page>\d{1,4}|[ivxlcdm]{1,7})\s*",
    re.IGNORECASE,
)
# column labels above contents entries ("PAGE", "Chapter ... Page") are not entries
_COLUMN_LABEL = re.compile(r"\s*(?:(?:chapter|section|part)\s+)?(?:page|pages|pp?\.|seite|页码|页)\s*", re.IGNORECASE)
# a list of figures or tables after the contents is another list, not more contents
_OTHER_LIST = re.compile(
    r"\s*(?:list\s+of\s+(?:figures|tables|examples|illustrations|procedures|plates|maps|abbreviations)|"
    r"figures|tables|illustrations|附?(?:表格|插图|插圖|图片|圖片|图|圖|表|范例|範例|例子|示例)(?:清单|清單|目录|目錄|索引|列表))\s*:?\s*",
    re.IGNORECASE,
)


def _split_page(s: str) -> tuple[str, str | None]:
    m = _LEADER.fullmatch(s)
    if m:
        title = m.group("title").strip()
        parsed = numbering.parse(title)
        if parsed is None or parsed[1] or len(title) > len(parsed[0].label) + 1:
            return title, m.group("page")
    return s.strip(), None


def _is_prose(s: str) -> bool:
    stripped = s.strip()
    return len(stripped) > 250 or (bool(SENTENCE_END.search(stripped[-12:])) and words(stripped) > 12)


def contents(
    lines: Sequence[str], content: Sequence[bool], page_break: Sequence[bool], chrome: Sequence[bool]
) -> tuple[list[TocEntry], Span | None, int]:
    """Find the contents block: its entries, its span and the index of the first line after it."""
    limit = max(200, len(lines) // 2)
    start = -1
    for i in range(min(limit, len(lines))):
        if content[i] and TOC_TITLE.fullmatch(lines[i].strip()):
            before_blank = i == 0 or not content[i - 1] or "\f" in lines[i]
            after = i + 1 < len(lines) and (not content[i + 1] or bool(UNDERLINE.fullmatch(lines[i + 1])))
            if before_blank and after:
                start = i
                break
    if start < 0:
        return [], None, 0
    raw: list[tuple[int, str, str | None]] = []  # (line index, text, page)
    i = start + 1
    if i < len(lines) and UNDERLINE.fullmatch(lines[i]):
        i += 1
    blank_run = 0
    with_pages = 0
    first: tuple[tuple[int, ...] | None, str] | None = None  # the first entry's number and title
    end = i
    while i < len(lines):
        s = lines[i]
        if not content[i]:
            blank_run = 0 if (chrome[i] or page_break[i]) else blank_run + 1
            if raw and blank_run >= 4:
                break
            i += 1
            continue
        blank_run = 0
        if i + 1 < len(lines) and UNDERLINE.fullmatch(lines[i + 1]) and len(lines[i + 1].strip()) >= 3:
            break
        if _COLUMN_LABEL.fullmatch(s):
            i += 1
            continue
        if RULE_LINE.fullmatch(s):
            break
        if _OTHER_LIST.fullmatch(s):
            titles = {_title_of(t) for _, t, _ in raw}
            end = _skip_other_lists(lines, content, i, titles)
            break
        text, page = _split_page(s)
        parsed = numbering.parse(text)
        if page is None and _is_prose(s) and not (parsed and parsed[1] and len(parsed[1].split()) <= 30):
            break  # numbered lines are entries even when they read as sentences (FAQ questions)
        if (
            raw
            and page is None
            and raw[-1][2] is None  # an entry with its page number is complete
            and parsed is None
            and raw[-1][0] == i - 1
            and not page_break[i]
            and _wrapped(lines[raw[-1][0]], s)
        ):
            idx, prev_text, prev_page = raw[-1]
            glue = "" if CJK.match(prev_text[-1:]) and CJK.match(s.strip()[:1]) else " "
            raw[-1] = (idx, f"{prev_text}{glue}{s.strip()}", prev_page)  # an entry wrapped onto this line
            i += 1
            end = i
            continue
        if (
            raw
            and parsed is None
            and i + 1 < len(lines)
            and content[i + 1]
            and lines[i + 1].lstrip()[:1].islower()
            and indent(lines[i + 1]) <= indent(s)
        ):
            break  # a wrapped paragraph: the body has begun
        if raw and parsed is None and indent(s) < min(indent(lines[r[0]]) for r in raw):
            break  # text to the left of every entry: the body has begun
        title = parsed[1] if parsed else text
        if (
            raw
            and first is not None
            and outline.normalize_title(title) == first[1]
            and (parsed is None or first[0] is None or parsed[0].values == first[0])
        ):
            break  # the first entry again: its heading, the body has begun
        if page is None and raw and with_pages * 2 > len(raw):
            nxt = _next_content(content, i)
            if (
                nxt is not None
                and _split_page(lines[nxt])[1] is not None
                and numbering.parse(lines[nxt]) is None
                and indent(lines[nxt]) >= indent(s)
            ):
                text2, page2 = _split_page(lines[nxt])
                raw.append((i, text + " " + text2, page2))
                with_pages += 1
                i = nxt + 1
                end = i
                continue
            break
        raw.append((i, text, page))
        with_pages += page is not None
        if first is None:
            first = (parsed[0].values if parsed else None, outline.normalize_title(title))
        i += 1
        end = i
    if not raw:
        return [], None, 0
    entries: list[TocEntry] = []
    for idx, text, page in raw:
        parsed = numbering.parse(text)
        number: Number | None = parsed[0] if parsed else None
        title = parsed[1] if parsed else text
        col = indent(lines[idx]) + 1
        span = Span(idx + 1, col, idx + 1, len(lines[idx].rstrip()))
        entries.append(TocEntry(0, number, title, None, span, page))
    last = raw[-1][0]
    toc_span = Span(start + 1, indent(lines[start]) + 1, last + 1, len(lines[last].rstrip()))
    return entries, toc_span, end


def _title_of(text: str) -> str:
    parsed = numbering.parse(text)
    return outline.normalize_title(parsed[1] if parsed else text)


def _skip_other_lists(lines: Sequence[str], content: Sequence[bool], i: int, titles: set[str]) -> int:
    """The end of the lists of tables, figures or examples that follow a contents block: they are
    not headings. They stop at a rule, at prose, at an underline, or at a heading the contents lists."""
    start = i
    while i < len(lines):
        s = lines[i]
        ends = RULE_LINE.fullmatch(s) or UNDERLINE.fullmatch(s) or _is_prose(s) or _title_of(s) in titles
        if content[i] and i > start and ends:
            return i - 1 if UNDERLINE.fullmatch(s) else i
        i += 1
    return start + 1  # no end in sight: skip the list's title only


def _wrapped(previous: str, line: str) -> bool:
    """Whether a line continues the contents entry above it: lowercase and indented deeper, or CJK
    text under a long numbered entry (CJK titles wrap anywhere, at the same indent)."""
    head = line.lstrip()[:1]
    if head.islower():
        return indent(line) > indent(previous)
    parsed = numbering.parse(previous)
    if parsed is None:
        return False
    if CJK.match(head):
        return indent(line) >= indent(previous) and len(previous.strip()) >= 25
    # a long numbered entry whose title goes on deeper than the title starts ("3.7.5. /etc/X11 :
    # Configuration for the X Window" over "System (optional)")
    title_column = indent(previous) + len(parsed[0].label) + 1
    return indent(line) > title_column and len(previous.strip()) >= 40


def _next_content(content: Sequence[bool], i: int) -> int | None:
    for j in range(i + 1, min(len(content), i + 4)):
        if content[j]:
            return j
    return None
