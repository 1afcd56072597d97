"""Page layout of plain text: page breaks, page marks, running heads and feet, boilerplate bounds.

Everything this stage marks is layout, not content: later stages never see it, and the blank
padding around it is never "content lost". Line numbers do not change: the stage only flags lines.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass

from outlint import numbering

# Page marks whose shape alone says what they are: "[Page 12]" (RFCs), "- 12 -", "Page 3 of 40".
# (An RFC's foot may have its form feed written out before the mark: "Expires August 2009  FF[Page 1]")
_PAGE_MARK = re.compile(
    r"\s*+(?:.*\S\s*)?\[\s*page\s+(?:\d{1,5}|[ivxlcdm]{1,7})\s*\]\s*|\s*[-–—]\s*\d{1,5}\s*[-–—]\s*|"
    r"\s*page\s+(?:[a-z]{1,2}\d{0,2}-)?\d{1,5}(?:\s+of\s+\d{1,5})?\s*",
    re.IGNORECASE,
)
# A page number alone on a line: Arabic, or lower-case Roman as front matter is numbered.
_BARE_PAGE = re.compile(r"\s*(?:\d{1,5}|[ivxlc]{1,7})\s*")
# A page number at either edge of a running head or foot, set apart by a wide gap.
# ("Samar, Schemers        Page 1": the foot of a memo typed without form feeds)
_EDGE_NUMBER = re.compile(
    r"^(?P<left>\d{1,5}|[ivxlc]{1,7})(?=\s{3,}\S)|(?<=\S\s\s\s)\s*(?:[Pp]age\s+)?(?P<right>\d{1,5}|[ivxlc]{1,7})$"
)
_PAGE_WORD = re.compile(r"\[\s*page\s+\w+\s*\]", re.IGNORECASE)
# A page number framed by dashes inside a running foot ("August 13, 1982    - ii -    RFC #822")
_DASHED_NUMBER = re.compile(r"(?<!\S)[-–—]\s?(?:\d{1,5}|[ivxlc]{1,7})\s?[-–—](?!\S)")
_SPACES = re.compile(r"\s+")
# A running head in three parts, left, centre and right ("RFC 9999   Widget Protocol   May 2031")
_THREE_PART = re.compile(r"\s*\S.*?\S\s{3,}\S.*?\S\s{3,}\S.*")
# Info files: node separators and "File: x.info,  Node: y,  Next: ..." navigation lines
INFO_NODE = re.compile(r"\x1f|File: [^,\s]+,\s+Node: [^,]+,.*")
# Start and end of the text proper in e-text collections ("*** START OF THE ... EBOOK ... ***")
_BOUNDARY = re.compile(r"\s*\*{3}\s*(?P<which>start|end)\s+of\s+(?:the\s+|this\s+)?.*\*{3}\s*", re.IGNORECASE)

# An editor's local variables block sits within this many lines of a file's end.
EDITOR_TAIL = 40
# Running heads and feet have one to three lines; padding of up to this many blank lines may
# separate them from the page break.
HEAD_LINES = 3
PAD_LINES = 6
# A running head must recur at this many page breaks (the same text, page numbers aside).
RECUR = 2
# Running heads found without form feeds or page marks must recur this often, in page order.
PERIODIC = 3


@dataclass(frozen=True, slots=True)
class Layout:
    """Which lines of a plain-text document are layout rather than content.

    ``page_break``: the line carries a form feed (a page starts in it). ``chrome``: a page mark, a
    running head or foot, or an Info navigation line. ``outside``: a line before the start marker
    or after the end marker of an e-text (the licence around the text). ``breaks``: how many page
    breaks were found, and ``how`` by what evidence (``form-feed``, ``page-mark``, ``periodic``).
    """

    page_break: tuple[bool, ...]
    chrome: tuple[bool, ...]
    outside: tuple[bool, ...]
    breaks: int
    how: str

    def content(self, lines: Sequence[str]) -> list[bool]:
        """Lines with text of the document itself: not blank, not layout, not outside."""
        return [bool(s) and not s.isspace() and not self.chrome[i] and not self.outside[i] for i, s in enumerate(lines)]


def _key(line: str) -> str:
    """A running line's identity: its text with a page number at either edge left out."""
    s = line.replace("\f", "").strip()
    s = _PAGE_WORD.sub("[page #]", s)
    if "-" in s or "–" in s or "—" in s:
        s = _DASHED_NUMBER.sub("#", s)
    s = _EDGE_NUMBER.sub("#", s)
    return _SPACES.sub(" ", s.lower())


# A sentence has at least this many words
SENTENCE_WORDS = 4


def _sentence(s: str) -> bool:
    """A sentence: words set one space apart (no wide gap of a running head's parts), a letter
    first, a full stop last."""
    t = s.strip()
    return t.endswith(".") and t[:1].isalpha() and "  " not in t and len(t.split()) >= SENTENCE_WORDS


def _blank(s: str) -> bool:
    return not s or s.isspace() or s.replace("\f", "").strip() == ""


def _mark_shaped(s: str) -> bool:
    if len(s) > 120 or not ("age" in s or "AGE" in s or s.lstrip()[:1] in ("-", "–", "—")):
        return False  # cheap test first: every page mark has "page" or a dash around a number
    return bool(_PAGE_MARK.fullmatch(s.replace("\f", "")))


def layout(lines: Sequence[str]) -> Layout:
    """Find the pages of a document from the document itself, and the lines that are page furniture."""
    n = len(lines)
    page_break = [False] * n
    chrome = [False] * n
    outside = _outside(lines)
    for i, s in enumerate(lines):
        if "\f" in s:
            page_break[i] = True
        if (s[:1] in ("\x1f", "F") and INFO_NODE.match(s)) or _mark_shaped(s):
            chrome[i] = True
    how = "form-feed" if any(page_break) else "page-mark" if any(chrome) else "none"
    _periodic(lines, chrome)
    if how == "none" and any(chrome):
        how = "periodic"
    clusters = _clusters(lines, page_break, chrome)
    _running_lines(lines, clusters, chrome)
    _page_title(lines, chrome)
    return Layout(tuple(page_break), tuple(chrome), tuple(outside), len(clusters), how)


def _page_title(lines: Sequence[str], chrome: list[bool]) -> None:
    """A title line printed once over the text and once under it, as manual pages render to one long
    page (``FROB(1)   User Commands   FROB(1)`` ... ``GNU frob 1.0   May 2031   FROB(1)``): a first
    line in wide-spaced parts whose outer parts are one name, and a last line that ends on it."""
    first = next((i for i, s in enumerate(lines[:HEAD_LINES]) if s.strip()), None)
    if first is None or chrome[first] or not _THREE_PART.fullmatch(lines[first]):
        return
    parts = lines[first].split()
    if parts[0] != parts[-1]:
        return
    chrome[first] = True
    last = next((i for i in range(len(lines) - 1, first, -1) if lines[i].strip()), None)
    if last is None:
        return
    tail = lines[last].rstrip()
    if tail.endswith(parts[-1]) and tail[: -len(parts[-1])].endswith(("   ", "\t")):
        chrome[last] = True


def _outside(lines: Sequence[str]) -> list[bool]:
    """Lines before the first start marker and from the last end marker on."""
    out = [False] * len(lines)
    start = end = None
    for i, s in enumerate(lines):
        if "***" in s and len(s) < 200:
            m = _BOUNDARY.fullmatch(s)
            last = i
            if m is None and i + 1 < len(lines) and lines[i + 1].rstrip().endswith("***"):
                m = _BOUNDARY.fullmatch(f"{s.rstrip()} {lines[i + 1].strip()}")  # a marker wrapped
                last = i + 1
            if m is None:
                continue
            if m.group("which").lower() == "start" and start is None:
                start = last
            elif m.group("which").lower() == "end":
                end = i
    tail = max(0, len(lines) - EDITOR_TAIL)
    for i in range(tail, len(lines)):
        if lines[i].strip().endswith("Local Variables:"):
            # an editor's variables at the end of a file ("Local Variables:" ... "End:")
            out[i:] = [True] * (len(lines) - i)
            break
    if start is not None:
        out[: start + 1] = [True] * (start + 1)
    if end is not None and (start is None or end > start):
        end = _closing_line(lines, end)
        out[end:] = [True] * (len(lines) - end)
    return out


# The line an e-text's end marker follows ("End of the Project Gutenberg EBook of The Road, by A.
# Writer"), a few lines above it at most.
_CLOSING = re.compile(r"\s*end of (?:the )?project gutenberg", re.IGNORECASE)
CLOSING_LINES = 4


def _closing_line(lines: Sequence[str], end: int) -> int:
    """Where the end matter starts: at the closing line over the end marker, if there is one."""
    for i in range(end - 1, max(-1, end - 1 - CLOSING_LINES), -1):
        if _CLOSING.match(lines[i]):
            return i
    return end


def _periodic(lines: Sequence[str], chrome: list[bool]) -> None:
    """Page numbers and running heads with no form feed and no page mark: the same line (page
    number aside) recurring in page order, or bare numbers alone on a line counting up."""
    runs: dict[int, int] = {}  # the last bare number seen -> how many counted up to it
    bare: dict[int, list[int]] = {}  # that run's lines
    heads: dict[str, list[tuple[int, int]]] = {}
    for i, s in enumerate(lines):
        if len(s) > 120 or not s or chrome[i]:
            continue
        t = s.replace("\f", "")
        if _BARE_PAGE.fullmatch(t) and t.strip().isdigit():
            alone = (i == 0 or _blank(lines[i - 1])) or (i + 1 == len(lines) or _blank(lines[i + 1]))
            if alone:
                value = int(t.strip())  # int() takes fewer blanks than str.strip() (\x1c to \x1f)
                chain = bare.pop(value - 1, [])
                runs.pop(value - 1, None)
                chain.append(i)
                bare[value] = chain
                runs[value] = len(chain)
            continue
        m = _EDGE_NUMBER.search(t.strip())
        edge = (m.group("left") or m.group("right")) if m is not None else None
        if edge and edge.isdigit() and numbering.parse(t) is None:
            heads.setdefault(_key(t), []).append((i, int(edge)))
    for chain in bare.values():
        if len(chain) >= PERIODIC:
            for i in chain:
                chrome[i] = True
    for found in heads.values():
        if len(found) >= PERIODIC and all(a[1] < b[1] for a, b in itertools.pairwise(found)):
            for i, _ in found:
                chrome[i] = True


def _clusters(lines: Sequence[str], page_break: Sequence[bool], chrome: Sequence[bool]) -> list[tuple[int, int]]:
    """Page breaks as (first, last) line: a page mark and the form feed after it are one break."""
    out: list[tuple[int, int]] = []
    for i in range(len(lines)):
        if not (page_break[i] or chrome[i]):
            continue
        if out and i - out[-1][1] <= 2 and all(_blank(lines[j]) for j in range(out[-1][1] + 1, i)):
            out[-1] = (out[-1][0], i)
        else:
            out.append((i, i))
    return out


def _window(lines: Sequence[str], start: int, step: int) -> list[int]:
    """Up to HEAD_LINES consecutive text lines next to a page break, past its blank padding."""
    j, pad = start, 0
    while 0 <= j < len(lines) and _blank(lines[j]) and pad < PAD_LINES:
        j += step
        pad += 1
    out: list[int] = []
    while 0 <= j < len(lines) and not _blank(lines[j]) and len(out) < HEAD_LINES:
        out.append(j)
        j += step
    return out


def _running_lines(lines: Sequence[str], clusters: Sequence[tuple[int, int]], chrome: list[bool]) -> None:
    """Running heads and feet: the lines next to page breaks that recur, at the same place, next to
    other breaks, and page numbers alone or at the edge of a line that carries the form feed."""
    windows: list[tuple[int, list[int]]] = []  # (direction, lines from the break outwards)
    touching: set[int] = set()  # lines that carry a form feed or touch one: where page numbers sit
    for first, last in clusters:
        touching.update((first - 1, first, last, last + 1))
        span = range(first, last + 1)
        if any("\x1f" in lines[j] for j in span) and all(_blank(lines[j]) or INFO_NODE.match(lines[j]) for j in span):
            continue  # an Info node boundary: Info has no running heads or feet, the text is the node's
        glued = next((j for j in (last, first) if "\f" in lines[j] and lines[j].replace("\f", "").strip()), None)
        if glued is not None:
            windows.append((1, [glued, *_window(lines, glued + 1, 1)][:HEAD_LINES]))  # text after the form feed
        else:
            windows.append((1, _window(lines, last + 1, 1)))
        windows.append((-1, _window(lines, first - 1, -1)))
    if clusters:
        # the document's end closes its last page: the foot of a short last page, over its padding
        windows += [(1, []), (-1, _window(lines, len(lines) - 1, -1))]
    seen: dict[tuple[int, int, str], set[int]] = {}
    for k, (step, window) in enumerate(windows):
        for offset, j in enumerate(window):
            seen.setdefault((step, offset, _key(lines[j])), set()).add(k // 2)
    for step, window in windows:
        for offset, j in enumerate(window):
            text = lines[j].replace("\f", "")
            key = _key(text)
            numbered = numbering.parse(text) is not None
            times = len(seen[(step, offset, key)])
            # a numbered line is a heading at the top of a page unless it recurs at most breaks
            needed = max(RECUR + 1, len(clusters) // 2) if numbered and "#" not in key else RECUR
            repeated = times >= needed
            edge = not numbered and j in touching and bool(_EDGE_NUMBER.search(text.strip()))
            three = not numbered and j in touching and bool(_THREE_PART.fullmatch(text))
            shaped = offset == 0 and (bool(_BARE_PAGE.fullmatch(text)) or edge or three)
            if not (repeated or shaped) or len(text) > 120 or _sentence(text):
                # a running head is a block next to the break: the page's text starts here (a
                # sentence is text, however often it recurs: "This release is just for bug fixing.")
                break
            chrome[j] = True
