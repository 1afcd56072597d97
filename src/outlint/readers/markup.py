"""What the Markdown and HTML readers share: contents titles and markers, section numbers, raw HTML scans."""

from __future__ import annotations

import bisect
import html
import importlib
import re
from array import array
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from itertools import accumulate
from typing import overload

from outlint import numbering
from outlint.model import Comment, Gap, Heading, Number, Paragraph, ReadError, Span

Block = Heading | Paragraph | Gap

CONTENTS_TITLE = re.compile(
    r"\s*+(?:table\s+of\s+contents?|contents|toc|目\s*录|目\s*次|目\s*錄|inhaltsverzeichnis|inhalt|"
    r"table\s+des\s+mati[eè]res|sommaire|[íi]ndice|contenidos?|sumário|содержание|оглавление|"
    r"on\s+this\s+page|in\s+this\s+(?:article|document|page))\s*+:?\s*+",
    re.IGNORECASE,
)
# Comments that open and close a generated contents list: markdown-toc, doctoc, mdformat-toc,
# "Markdown TOC" and similar tools. Compared as whitespace-collapsed lower-case text: no regex runs
# over what the author wrote.
_TOC_START_WORDS = frozenset({"toc", "begin toc", "markdownlint-disable toc", "table of contents"})
_TOC_START_PREFIXES = ("start doctoc", "mdformat-toc start")
_TOC_END_WORDS = frozenset({"tocstop", "toc stop", "/toc", "end toc", "/table of contents"})
_TOC_END_PREFIXES = ("end doctoc", "mdformat-toc end")
_DATE_OR_MARK = re.compile(
    r"[-–—:(\[/]|\d{4}-\d\d|\d\d?\s+\w+\s+\d{4}|\w+\s+\d\d?,?\s+\d{4}|\(?unreleased", re.IGNORECASE
)

_TAG_NAME = re.compile(r"[A-Za-z][\w:.-]*")
_ATTR_NAME = re.compile(r"[^\s/>=\"'<]+")
_UNQUOTED = re.compile(r"[^\s>]*")
_SPACE = re.compile(r"\s*")
_HEADING_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})


def too_deep(what: str, depth: int, limit: int) -> ReadError:
    """The error for a document nested deeper than the limit, in the input limits' words when
    ``outlint.inputs`` is there."""
    try:
        inputs = importlib.import_module("outlint.inputs")
    except ImportError:
        return ReadError(f"{what} nested {depth} deep, more than the limit of {limit} (--max-depth)")
    return ReadError(str(inputs.too_deep(depth, limit).message))


def is_contents_title(text: str) -> bool:
    return len(text) < 60 and CONTENTS_TITLE.fullmatch(text) is not None


def toc_marker(comment: str) -> str | None:
    """``start`` or ``end`` for a comment that delimits a generated contents list, else None."""
    words = " ".join(comment.split()).lower()
    squeezed = words.replace(" ", "")
    if words in _TOC_START_WORDS or squeezed in ("tocstart", "toc:start") or _starts(words, _TOC_START_PREFIXES):
        return "start"
    if words in _TOC_END_WORDS or squeezed in ("tocstop", "tocend", "toc:end") or _starts(words, _TOC_END_PREFIXES):
        return "end"
    return None


def _starts(words: str, prefixes: tuple[str, ...]) -> bool:
    """Whether ``words`` begins with one of ``prefixes`` as whole words."""
    for prefix in prefixes:
        if words.startswith(prefix) and (len(words) == len(prefix) or not _is_word(words[len(prefix)])):
            return True
    return False


def _is_word(char: str) -> bool:
    return char.isalnum() or char == "_"


def section_number(title: str) -> tuple[Number | None, str]:
    """Split a heading title into its section number and the rest.

    Release headings carry versions, not section numbers: ``1.2.0``, ``0.9 (2019-05-01)`` and
    ``2.1 - 2020-01-01`` (dotted, no trailing dot, then nothing, a date or a separator).
    """
    parsed = numbering.parse(title)
    if parsed is None:
        return None, title.strip()
    number, rest = parsed
    if (
        number.scheme == "decimal"
        and "." in number.label.rstrip(".")  # dotted as written ("2.0.0" is one value since "1.0" means "1.")
        and not number.label.endswith(".")
        and (not rest or _DATE_OR_MARK.match(rest))
    ):
        return None, title.strip()
    if not rest and number.scheme == "decimal":
        return None, title.strip()  # a bare number ("## 1.") is the title itself
    return number, rest


def trust_numbers(
    blocks: Sequence[Block], anchors: Mapping[str, Heading | None]
) -> tuple[list[Block], dict[str, Heading | None]]:
    """Deepen headings whose dotted numbers say they are deeper than their tags do: texinfo gives
    ``7.1.1`` and ``7.1.1.1`` the same ``<h4>``, and Markdown authors run out of ``#``. Levels only
    ever grow, counted from the level the shallowest numbers have.

    Returns the blocks with the deepened headings in place, and the anchors pointing at them."""
    headings = [b for b in blocks if isinstance(b, Heading)]
    numbered = [h for h in headings if h.number and h.number.scheme == "decimal"]
    if not numbered:
        return list(blocks), dict(anchors)
    shallowest = min(h.number.depth for h in numbered if h.number)
    bases = Counter(h.level - shallowest + 1 for h in numbered if h.number and h.number.depth == shallowest)
    most = max(bases.values())
    base = min(b for b, n in bases.items() if n == most)
    deeper: dict[int, Heading] = {}
    for h in headings:
        if h.number and h.number.scheme == "decimal" and h.number.depth > 1:
            level = max(h.level, base + h.number.depth - 1)
            if level != h.level:
                deeper[id(h)] = replace(h, level=level)
    if not deeper:
        return list(blocks), dict(anchors)
    out = [deeper.get(id(b), b) if isinstance(b, Heading) else b for b in blocks]
    return out, {k: (deeper.get(id(h), h) if h is not None else None) for k, h in anchors.items()}


_NEWLINE = re.compile(r"\r\n|\r|\n")
_CHUNK = 1 << 20  # characters of text split at a time when finding line starts


def title_lines(blocks: list[Heading | Paragraph | Gap], anchors: dict[str, Heading | None]) -> None:
    """The document's first headings, at the top level one right after another with nothing between
    them, are the lines of its title (xml2rfc writes ``<h1>RFC 9001</h1><h1>Using TLS ...</h1>``, a
    README a centred project banner over its ``# Testing``): the last is the title, the ones before
    it are no sections. They become lines of text in place, and their anchors lead nowhere."""
    first = next((k for k, b in enumerate(blocks) if isinstance(b, Heading)), len(blocks))
    end = first
    while end < len(blocks) and isinstance(block := blocks[end], Heading) and block.level == 1:
        end += 1
    if end - first < 2:
        return
    titles: set[int] = set()
    for k in range(first, end - 1):
        h = blocks[k]
        if isinstance(h, Heading):
            titles.add(id(h))
            blocks[k] = Paragraph(h.label, h.span, "lines", h.lang)
    for name, owner in anchors.items():
        if owner is not None and id(owner) in titles:
            anchors[name] = None


def char_starts(text: str) -> array[int]:
    """Offsets where each line starts (lines end at \\n, \\r\\n or \\r only), as a compact array."""
    if "\r" in text:
        return array("q", [0, *(m.end() for m in _NEWLINE.finditer(text))])
    # C-level iterators only: this runs over every line of a long document. The text is split a
    # slice at a time: a list of all its lines would weigh as much as the text again.
    out = array("q", [0])
    for at in range(0, len(text), _CHUNK):
        ends = accumulate(map((1).__add__, map(len, text[at : at + _CHUNK].split("\n")[:-1])), initial=at)
        next(ends)  # the slice's own start
        out.extend(ends)
    return out


class TextLines(Sequence[str]):
    """The lines of a text as editors count them, each sliced from the text when asked for: a
    reader keeps one array of offsets instead of a list of a million strings. A line ending at the
    very end of the text opens no further line."""

    __slots__ = ("_count", "starts", "text")

    def __init__(self, text: str, starts: array[int] | None = None) -> None:
        self.text = text
        self.starts = starts if starts is not None else char_starts(text)
        n = len(self.starts)
        self._count = n - 1 if n > 1 and self.starts[-1] == len(text) else n

    def __len__(self) -> int:
        return self._count

    @overload
    def __getitem__(self, k: int) -> str: ...

    @overload
    def __getitem__(self, k: slice) -> list[str]: ...

    def __getitem__(self, k: int | slice) -> str | list[str]:
        if type(k) is not int:  # the rare cases first, out of the way of the common one
            if isinstance(k, slice):
                return [self[i] for i in range(*k.indices(self._count))]
            k = k.__index__()
        if k < 0:
            k += self._count
        if not 0 <= k < self._count:
            raise IndexError(k)
        starts = self.starts
        start = starts[k]
        end = starts[k + 1] if k + 1 < len(starts) else len(self.text)
        text = self.text
        if end > start and text[end - 1] == "\n":
            end -= 1
        if end > start and text[end - 1] == "\r":
            end -= 1
        return text[start:end]


def line_starts(text: str) -> list[int]:
    """Offsets where each line starts (lines end at \\n, \\r\\n or \\r only), built once per text."""
    return [0, *(m.end() for m in _NEWLINE.finditer(text))]


def position(starts: Sequence[int], offset: int) -> tuple[int, int]:
    """1-based (line, column) of an offset, from ``line_starts``."""
    k = bisect.bisect_right(starts, offset) - 1
    return k + 1, offset - starts[k] + 1


def comments(text: str) -> Iterator[tuple[int, int, str]]:
    """``(start, end, inner text)`` of each complete ``<!-- -->`` comment, found in one pass."""
    at = text.find("<!--")
    while at >= 0:
        close = text.find("-->", at + 4)
        if close < 0:
            return  # an open comment runs to the end: nothing after it is markup
        yield at, close + 3, text[at + 4 : close]
        at = text.find("<!--", close + 3)


def comments_in(text: str, base_line: int) -> Iterator[Comment]:
    """The ``<!-- -->`` comments of a piece of source that starts at ``base_line`` (1-based)."""
    if "<!--" not in text:
        return
    starts = line_starts(text)
    for start, end, inner in comments(text):
        line, col = position(starts, start)
        end_line, end_col = position(starts, end - 1)
        yield Comment(inner.strip(), Span(base_line + line - 1, col, base_line + end_line - 1, end_col))


@dataclass(frozen=True, slots=True)
class Tag:
    """A start or end tag of raw HTML: its lower-cased name, where it is, and its attributes with
    the offset of each value (attributes are in source order; names lower-cased)."""

    name: str
    start: int
    end: int
    closing: bool
    attrs: tuple[tuple[str, str, int], ...]

    def get(self, name: str) -> str | None:
        """The first value of an attribute, as browsers take it (entities decoded)."""
        for key, value, _offset in self.attrs:
            if key == name:
                return html.unescape(value) if "&" in value else value
        return None


def tags(text: str) -> Iterator[Tag]:
    """The tags of raw HTML in order, comments skipped, by one forward scan: every step moves on, so
    no input takes more than linear time (no regex backtracks over an unclosed tag or quote)."""
    at = text.find("<")
    n = len(text)
    while 0 <= at < n - 1:
        if text.startswith("<!--", at):
            close = text.find("-->", at + 4)
            if close < 0:
                return
            at = text.find("<", close + 3)
            continue
        closing = text[at + 1] == "/"
        name = _TAG_NAME.match(text, at + 1 + closing)
        if name is None:
            at = text.find("<", at + 1)
            continue
        attrs: list[tuple[str, str, int]] = []
        k = name.end()
        while True:
            k = _SPACE.match(text, k).end()  # type: ignore[union-attr]  # \s* always matches
            if k >= n:
                return  # the tag never ends: nothing after it is markup
            if text[k] == ">":
                break
            if text[k] in "/<\"'=":
                k += 1
                continue
            key = _ATTR_NAME.match(text, k)
            assert key is not None  # text[k] is none of the characters a name cannot start with
            k = _SPACE.match(text, key.end()).end()  # type: ignore[union-attr]
            value, offset = "", k
            if k < n and text[k] == "=":
                k = _SPACE.match(text, k + 1).end()  # type: ignore[union-attr]
                if k < n and text[k] in "\"'":
                    close = text.find(text[k], k + 1)
                    if close < 0:
                        return  # an open quote runs to the end
                    value, offset, k = text[k + 1 : close], k + 1, close + 1
                else:
                    bare = _UNQUOTED.match(text, k)
                    assert bare is not None  # [^\s>]* always matches
                    value, offset, k = bare.group(), k, bare.end()
            attrs.append((key.group().lower(), value, offset))
        yield Tag(name.group().lower(), at, k + 1, closing, tuple(attrs))
        at = text.find("<", k + 1)


def anchor_names(tag: Tag) -> Iterator[str]:
    """The fragment names an element answers to: its ``id``, and ``name`` on ``<a>`` only, as the
    HTML standard finds the indicated part of a document (``data-id`` and ``<input name>`` are
    no anchors)."""
    if tag.closing:
        return
    ident = tag.get("id")
    if ident:
        yield ident
    if tag.name == "a":
        name = tag.get("name")
        if name and name != ident:
            yield name


def ids_in(text: str) -> Iterator[str]:
    """Every fragment name that raw HTML defines (see ``anchor_names``)."""
    if "id" not in text and "name" not in text:
        return
    for tag in tags(text):
        yield from anchor_names(tag)


def hrefs_in(text: str) -> Iterator[tuple[str, int]]:
    """``(#fragment, offset)`` of each in-page link of raw HTML."""
    if "href" not in text:
        return
    for tag in tags(text):
        if tag.name != "a" or tag.closing:
            continue
        for key, value, offset in tag.attrs:
            if key == "href":
                if value.startswith("#"):
                    yield value, offset
                break


def html_headings(text: str) -> Iterator[tuple[Tag, int]]:
    """Each ``<h1>``-``<h6>`` element of raw HTML: its start tag and the offset just after its end tag."""
    if "<h" not in text and "<H" not in text:
        return
    open_tag: Tag | None = None
    for tag in tags(text):
        if tag.name not in _HEADING_TAGS:
            continue
        if not tag.closing:
            open_tag = tag
        elif open_tag is not None and tag.name == open_tag.name:
            yield open_tag, tag.end
            open_tag = None


def strip_tags(text: str) -> str:
    """Text of raw HTML with its tags and comments removed (entities left as written)."""
    if "<" not in text:
        return text
    out: list[str] = []
    pos = 0
    for start, end in _markup_spans(text):
        out.append(text[pos:start])
        pos = end
    out.append(text[pos:])
    return "".join(out)


def _markup_spans(text: str) -> Iterator[tuple[int, int]]:
    """Where tags and comments are, in order."""
    comment = list(comments(text)) if "<!--" in text else []
    k = 0
    for tag in tags(text):
        while k < len(comment) and comment[k][0] < tag.start:
            yield comment[k][0], comment[k][1]
            k += 1
        yield tag.start, tag.end
    for start, end, _inner in comment[k:]:
        yield start, end
