"""Plain-text reader: pages, contents block, numbered and underlined headings, paragraphs, gaps."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from outlint import numbering, outline
from outlint.model import Document, Gap, Heading, Number, Paragraph, Span, TocEntry
from outlint.readers.decode import decode

_LINE_SPLIT = re.compile(r"\r\n|\r|\n")
_TOC_TITLE = re.compile(
    r"(?:table\s+of\s+contents|contents|toc|目\s*录|目\s*次|inhaltsverzeichnis|table\s+des\s+mati[eè]res|"
    r"sommaire|[íi]ndice|contenido|contenidos|sumário|indice)\s*:?",
    re.IGNORECASE,
)
_LEADER = re.compile(
    r"(?P<title>.*?\S)(?:\s*(?:\.\s?){2,}|\s*…+|\s*[·•]{2,}|\s*_{3,}|\s{2,}|\t+)\s*"
    r"(?P<page>\d{1,4}|[ivxlcdm]{1,7})\s*",
    re.IGNORECASE,
)
_UNDERLINE = re.compile(r"\s*([=\-*~^#+\"'`:.])\1{2,}\s*")
_PAGE_MARK = re.compile(
    r".*\[\s*page\s+\d+\s*\]\s*|\s*[-–—]\s*\d{1,4}\s*[-–—]\s*|\s*page\s+\d{1,4}(?:\s+of\s+\d{1,4})?\s*",
    re.IGNORECASE,
)
# a running head: a title in capitals and a page number far apart ("M. DUVAL COMES ASHORE      5")
_RUNNING_HEAD = re.compile(r"\s*(?:[^a-z\s][^a-z]*?\S\s{6,}\d{1,4}|\d{1,4}\s{6,}[^a-z\s][^a-z]*)\s*")
_BARE_PAGE = re.compile(r"\s*(?:\d{1,4}|[ivxlc]{1,6})\s*", re.IGNORECASE)
_DIGITS = re.compile(r"\d+")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
_RULE_LINE = re.compile(r"\s*([-=_*~#+.·•])(?:\s?\1){2,}\s*")
# column labels above contents entries ("PAGE", "Chapter ... Page") are not entries
_COLUMN_LABEL = re.compile(r"\s*(?:(?:chapter|section|part)\s+)?(?:page|pages|pp?\.|seite|页码|页)\s*", re.IGNORECASE)
# a list of figures or tables after the contents is another list, not more contents
_OTHER_LIST = re.compile(
    r"\s*(?:list\s+of\s+(?:figures|tables|examples|illustrations|procedures|plates|maps|abbreviations)|"
    r"figures|tables|illustrations|图目录|表目录)\s*:?\s*",
    re.IGNORECASE,
)
_SPACES = re.compile(r"\s+")
_BULLET = re.compile(r"\s*(?:[-*+•·◦▪‣–]|\d{1,3}[.)]|\([0-9a-zA-Z]{1,4}\)|[a-z][.)]|([a-z])\1{1,2}[.)]|\[[^\]\s]{1,30}\])\s+")
# lines that look like code, shell sessions, protocol traces or configuration
_CODE_LINE = re.compile(
    r"\s*(?:[$#%>]\s|>>>|[A-Z]:\s|\[\[|[\w.\-\[\]\"]+\s*[:=]\s|[{}()\[\];]\s*$|//|/\*|<\w|\w+\(.*\)\s*[;{]?\s*$)"
)
_WORDISH = re.compile(r"[^\W\d_]{2}|[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
_TABLE_ROW = re.compile(r".*(?:\S\s{3,}\S.*\S\s{3,}\S|\|.*\||^\s*\+[-=+]{3,})")
# characters that are rare in prose and common in code, markup and drawings
_SYMBOLS = re.compile(r"[{}\[\]<>=|\\/_*#+^~`$@&]")
_SENTENCE_END = re.compile(r"[.!?。！？…][\"'”’»」』）)\]]*\s*$")
_HEADING_END = re.compile(r"[,;:，；：、]\s*$")


def split_lines(text: str) -> list[str]:
    """Lines as editors count them: only \\n, \\r\\n and \\r end a line (never form feeds)."""
    lines = _LINE_SPLIT.split(text)
    if lines and lines[-1] == "" and len(lines) > 1:
        lines.pop()
    return lines


def read(data: bytes, path: str) -> Document:
    text, encoding = decode(data)
    doc = parse_text(text, path)
    doc.encoding = encoding
    return doc


def parse_text(text: str, path: str) -> Document:
    if text.startswith("\ufeff"):
        text = text[1:]
    lines = split_lines(text)
    page_break, chrome = _layout(lines)
    content = [bool(s) and not s.isspace() and not chrome[i] for i, s in enumerate(lines)]
    toc, toc_span, toc_end = _contents(lines, content, page_break, chrome)
    blocks = _blocks(lines, content, page_break, chrome, toc_end, toc_span)
    items = _classify(lines, blocks, toc)
    return outline.build(path, "text", text, toc, items, toc_span=toc_span)


# --- page layout ----------------------------------------------------------------------------


def _maybe_page_mark(s: str) -> bool:
    # cheap test before the regex: every page mark has "page" or a dash around a number
    return "age" in s or "AGE" in s or s.lstrip()[:1] in ("-", "–", "—")


def _norm(line: str) -> str:
    return _SPACES.sub(" ", _DIGITS.sub("#", line.strip().lower()))


def _layout(lines: Sequence[str]) -> tuple[list[bool], list[bool]]:
    """Which lines carry a page break, and which are page headers/footers (not content)."""
    n = len(lines)
    page_break = [False] * n
    chrome = [False] * n
    breaks = [i for i, s in enumerate(lines) if "\f" in s]
    for i in breaks:
        page_break[i] = True
    marks = [
        i
        for i, s in enumerate(lines)
        if len(s) < 120
        and (
            (_maybe_page_mark(s) and _PAGE_MARK.fullmatch(s))
            or ((s[-1:].isdigit() or s.lstrip()[:1].isdigit()) and _RUNNING_HEAD.fullmatch(s))
        )
    ]
    anchors = sorted(set(breaks) | set(marks))
    if not anchors:
        return page_break, chrome
    # Lines next to a page break or page mark are headers/footers when they are page marks, bare
    # page numbers, or the same text (digits aside) next to at least two different page breaks.
    near: dict[int, set[int]] = {}
    cluster: dict[int, int] = {}  # a page mark and the form feed after it are one page break
    for k, a in enumerate(anchors):
        cluster[a] = cluster[anchors[k - 1]] if k and a - anchors[k - 1] <= 4 else a
    for a in anchors:
        for step in (-1, 1):
            j, seen = a + step, 0
            while 0 <= j < n and seen < 2 and abs(j - a) <= 4:
                if lines[j].strip():
                    near.setdefault(j, set()).add(cluster[a])
                    seen += 1
                j += step
        if "\f" in lines[a] and lines[a].replace("\f", "").strip():
            near.setdefault(a, set()).add(cluster[a])
    where: dict[str, set[int]] = {}
    for j, around in near.items():
        where.setdefault(_norm(lines[j].replace("\f", "")), set()).update(around)
    for j in set(near) | set(marks):
        s = lines[j].replace("\f", "")
        if len(s) > 120:
            continue
        if (
            j in marks
            or len(where[_norm(s)]) >= 2
            or (_BARE_PAGE.fullmatch(s) and "\f" in "".join(lines[max(0, j - 3) : j + 4]))
        ):
            chrome[j] = True
    return page_break, chrome


# --- contents block -------------------------------------------------------------------------


def _split_page(s: str) -> tuple[str, str | None]:
    m = _LEADER.fullmatch(s)
    if m:
        title = m.group("title").strip()
        parsed = numbering.parse(title)
        if parsed is None or parsed[1] or len(title) > len(parsed[0].label) + 1:
            return title, m.group("page")
    return s.strip(), None


def _words(s: str) -> int:
    """Words as a reader counts them: whitespace-separated, or two CJK characters per word."""
    cjk = 0 if s.isascii() else len(_CJK.findall(s))
    return len(s.split()) + cjk // 2 if cjk else len(s.split())


def _is_prose(s: str) -> bool:
    stripped = s.strip()
    return len(stripped) > 250 or (bool(_SENTENCE_END.search(stripped[-12:])) and _words(stripped) > 12)


def _contents(
    lines: Sequence[str], content: Sequence[bool], page_break: Sequence[bool], chrome: Sequence[bool]
) -> tuple[list[TocEntry], Span | None, int]:
    """Find the contents block: its entries, its span and the index of the first line after it."""
    limit = max(200, len(lines) // 2)
    start = -1
    for i in range(min(limit, len(lines))):
        if content[i] and _TOC_TITLE.fullmatch(lines[i].strip()):
            before_blank = i == 0 or not content[i - 1] or "\f" in lines[i]
            after = i + 1 < len(lines) and (not content[i + 1] or bool(_UNDERLINE.fullmatch(lines[i + 1])))
            if before_blank and after:
                start = i
                break
    if start < 0:
        return [], None, 0
    raw: list[tuple[int, str, str | None]] = []  # (line index, text, page)
    i = start + 1
    if i < len(lines) and _UNDERLINE.fullmatch(lines[i]):
        i += 1
    blank_run = 0
    with_pages = 0
    first_title: str | None = None
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
        if i + 1 < len(lines) and _UNDERLINE.fullmatch(lines[i + 1]) and len(lines[i + 1].strip()) >= 3:
            break
        if _COLUMN_LABEL.fullmatch(s):
            i += 1
            continue
        if _RULE_LINE.fullmatch(s) or _OTHER_LIST.fullmatch(s):
            break
        text, page = _split_page(s)
        if _is_prose(s) and page is None:
            break
        parsed = numbering.parse(text)
        title = parsed[1] if parsed else text
        if raw and first_title is not None and outline.normalize_title(title) == first_title:
            break
        if page is None and raw and with_pages * 2 > len(raw):
            nxt = _next_content(content, i)
            if (
                nxt is not None
                and _split_page(lines[nxt])[1] is not None
                and numbering.parse(lines[nxt]) is None
                and _indent(lines[nxt]) >= _indent(s)
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
        if first_title is None:
            first_title = outline.normalize_title(title)
        i += 1
        end = i
    if not raw:
        return [], None, 0
    entries: list[TocEntry] = []
    for idx, text, page in raw:
        parsed = numbering.parse(text)
        number: Number | None = parsed[0] if parsed else None
        title = parsed[1] if parsed else text
        col = _indent(lines[idx]) + 1
        span = Span(idx + 1, col, idx + 1, len(lines[idx].rstrip()))
        entries.append(TocEntry(0, number, title, None, span, page))
    last = raw[-1][0]
    toc_span = Span(start + 1, _indent(lines[start]) + 1, last + 1, len(lines[last].rstrip()))
    return entries, toc_span, end


def _next_content(content: Sequence[bool], i: int) -> int | None:
    for j in range(i + 1, min(len(content), i + 4)):
        if content[j]:
            return j
    return None


def _indent(s: str) -> int:
    return len(s) - len(s.lstrip(" \t\f\u3000"))


# --- blocks ---------------------------------------------------------------------------------


def _blocks(
    lines: Sequence[str],
    content: Sequence[bool],
    page_break: Sequence[bool],
    chrome: Sequence[bool],
    start: int,
    toc_span: Span | None,
) -> list[list[int] | Gap]:
    """Group content lines into blocks (lists of line indices) and record blank runs as gaps.

    Blank lines next to page breaks and page headers/footers are layout, never a gap; a paragraph
    interrupted only by layout continues across it when its text runs on.
    """
    out: list[list[int] | Gap] = []
    skip = range(toc_span.line - 1, start) if toc_span else range(0)
    current: list[int] = []
    blanks = 0
    layout = False
    for i in range(len(lines)):
        if i in skip:
            continue
        if not content[i]:
            if chrome[i] or page_break[i]:
                layout = True
            else:
                blanks += 1
            continue
        if page_break[i]:
            layout = True  # a line that starts a page starts a block, unless the text runs on
        adjacent = current and current[-1] == i - 1 and not page_break[i]
        if adjacent or (current and layout and _runs_on(lines[current[-1]], lines[i])):
            current.append(i)
        else:
            if current:
                out.append(current)
            if blanks >= 2 and not layout and out:
                out.append(Gap(blanks, Span(i - blanks + 1, 1, i, 1)))
            current = [i]
        blanks = 0
        layout = False
    if current:
        out.append(current)
    return out


def _runs_on(before: str, after: str) -> bool:
    b, a = before.rstrip(), after.lstrip(" \t\f")
    return bool(b) and bool(a) and not _SENTENCE_END.search(b[-12:]) and a[:1].islower()


# --- headings and paragraphs ----------------------------------------------------------------


def _heading_shape(title: str) -> bool:
    t = title.strip()
    if not t or len(t) > 160 or len(t.split()) > 30 or not _WORDISH.search(t):
        return False
    if _HEADING_END.search(t):
        return False
    if t.endswith((".", "。")) and not t.isupper() and (len(t.split()) > 3 or ". " in t):
        return False
    return not t[0].islower()


def _base_indent(lines: Sequence[str], blocks: Sequence[list[int] | Gap]) -> int:
    """The indentation of ordinary prose: the most common indent of wrapped paragraphs' lines."""
    counts: Counter[int] = Counter()
    for block in blocks:
        if isinstance(block, list) and len(block) > 1:
            counts.update(_indent(lines[j]) for j in block[1:])
    if not counts:
        counts.update(_indent(lines[b[0]]) for b in blocks if isinstance(b, list))
    return counts.most_common(1)[0][0] if counts else 0


def _numbered(lines: Sequence[str], block: list[int]) -> tuple[Number, str, int] | None:
    """(number, title, index of the title's line) for a numbered heading candidate block.

    One line (``2.3 Scope``), or a number alone over its title (``CHAPTER I.`` / ``THE ARRIVAL.``).
    """
    parsed = numbering.parse(lines[block[0]].replace("\f", ""))
    if parsed is None:
        return None
    number, title = parsed
    if len(block) == 1:
        return number, title, block[0]
    second = lines[block[1]].strip()
    if len(block) == 2 and not title and _heading_shape(second) and len(second.split()) <= 12:
        return number, second, block[1]
    return None


def _classify(lines: Sequence[str], blocks: Sequence[list[int] | Gap], toc: Sequence[TocEntry]) -> list[outline.Block]:
    toc_titles: dict[str, TocEntry] = {}
    for entry in toc:
        toc_titles.setdefault(outline.normalize_title(entry.title), entry)
    base = _base_indent(lines, blocks)
    underline_order: list[str] = []
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
        if len(block) == 1 and _RULE_LINE.fullmatch(first):
            continue  # a horizontal rule: layout
        under = _underline_heading(lines, block)
        if under is not None:
            title_idx, last_idx, char = under
            if char not in underline_order:
                underline_order.append(char)
            title_line = lines[title_idx]
            parsed = numbering.parse(title_line)
            number = parsed[0] if parsed else None
            title = parsed[1] if parsed else title_line.strip()
            span = Span(title_idx + 1, _indent(title_line) + 1, last_idx + 1, len(lines[last_idx].rstrip()))
            items.append(Heading(underline_order.index(char) + 1, number, title, span, style=f"underline:{char}"))
            rest = [j for j in block if j > last_idx]
            if rest:
                blocks.insert(k, rest)
            continue
        candidate = _numbered(lines, block)
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
            if matched or _heading_shape(title) or (not title and number.scheme in _WORDY):
                if end_idx != block[-1]:
                    k += 1  # the title came from the next block
                span = Span(block[0] + 1, _indent(first) + 1, end_idx + 1, len(lines[end_idx].rstrip()))
                items.append((Heading(0, number, title, span, style="numbered"), matched, _indent(first)))
                continue
        elif len(block) == 1 and toc and len(first.strip()) <= 160:
            listed = toc_titles.get(outline.normalize_title(first))
            if listed is not None and listed.number is None and outline.normalize_title(first):
                span = Span(block[0] + 1, _indent(first) + 1, block[0] + 1, len(first.rstrip()))
                items.append(Heading(listed.level, None, first.strip(), span, style="contents"))
                continue
        items.append(_paragraph(lines, block, items, base))
    return _settle(items, bool(toc))


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


def _settle(items: list[outline.Block | tuple[Heading, bool, int]], has_toc: bool) -> list[outline.Block]:
    """Keep numbered candidates indented no deeper than the headings the contents confirmed."""
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
        h, matched, indent = item
        fam = numbering.family(h.number) if h.number else ""
        limit = confirmed.get(fam, deepest)
        if matched or not has_toc or limit is None or indent <= limit + 1:
            out.append(h)
        else:
            span = h.span
            out.append(Paragraph(h.label, span, "list"))
    return out


def _underline_heading(lines: Sequence[str], block: list[int]) -> tuple[int, int, str] | None:
    if len(block) >= 3 and _UNDERLINE.fullmatch(lines[block[0]]) and _UNDERLINE.fullmatch(lines[block[2]]):
        c = lines[block[0]].strip()[0]
        if lines[block[2]].strip()[0] == c and not _UNDERLINE.fullmatch(lines[block[1]]):
            return block[1], block[2], "over" + c
    if len(block) >= 2 and block[1] == block[0] + 1:
        under = lines[block[1]].strip()
        title = lines[block[0]].strip()
        if _UNDERLINE.fullmatch(under) and not _UNDERLINE.fullmatch(title) and len(under) >= max(3, len(title) * 0.6):
            return block[0], block[1], under[0]
    return None


def _paragraph(lines: Sequence[str], block: list[int], items: Sequence[object], base: int) -> Paragraph:
    first, last = block[0], block[-1]
    body = [lines[j] for j in block]
    if any("\f" in s for s in body):
        body = [s.replace("\f", "") for s in body]
    text = _join(body)
    span = Span(first + 1, _indent(body[0]) + 1, last + 1, max(1, len(body[-1].rstrip())))
    previous = items[-1] if items and isinstance(items[-1], Paragraph) else None
    return Paragraph(text, span, _kind(body, text, previous, base))


def _join(body: Sequence[str]) -> str:
    """A paragraph's text: wrapped lines joined by a space, except between CJK characters."""
    out = body[0].strip()
    if len(body) == 1:
        return out
    for s in body[1:]:
        s = s.strip()
        cjk = out and s and _CJK.match(out[-1]) and _CJK.match(s[0])
        out = out + s if cjk else out + " " + s
    return out


def _width(s: str) -> int:
    """Columns a line takes: CJK characters are two wide."""
    return len(s) + len(_CJK.findall(s))


def _kind(body: Sequence[str], text: str, previous: Paragraph | None, base: int) -> str:
    """prose, list, table, code, quote (indented prose) or lines (addresses, terms, captions)."""
    first = body[0]
    if _BULLET.match(first):
        return "list"
    n = len(body)
    if "   " in text or "|" in text or "+-" in text:
        rows = sum(1 for s in body if _TABLE_ROW.match(s))
        if rows and (rows * 2 >= n or n == 1):
            return "table"
    indent = _indent(first) if n == 1 else min(_indent(s) for s in body)
    if indent >= base + 2:
        # a block indented as a whole; a single line only when clearly code, since the first
        # lines of ordinary paragraphs are often indented too
        introduced = previous is not None and previous.text.endswith(":")
        code_lines = sum(1 for s in body if _CODE_LINE.match(s))
        if n > 1 or (indent >= base + 3 and (introduced or code_lines)):
            return "code" if introduced or code_lines * 2 >= n else "quote"
    if _SYMBOLS.search(text) and len(_SYMBOLS.findall(text)) * 6 > len(text):
        return "code"
    if n > 1:
        if sum(1 for s in body if _CODE_LINE.match(s)) * 2 > n:
            return "code"
        if all(_width(s.strip()) <= 45 and not s.strip()[0].islower() for s in body) and not any(
            _SENTENCE_END.search(s[-12:]) for s in body[:-1]
        ):
            return "lines"  # an address, a signature, a list of names: each line stands alone
    elif len(text) < 60 and _words(text) <= 3 and not _SENTENCE_END.search(text[-12:]):
        return "lines"
    return "prose"
