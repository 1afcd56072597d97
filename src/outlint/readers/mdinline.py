"""Markdown inline content: the parser's pieces and their source positions, readable paragraph text
mapped to its source, heading titles as renderers show them, and the links of a block."""

from __future__ import annotations

import bisect
import re
from array import array
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import accumulate
from typing import NamedTuple

from outlint.readers import markup
from outlint.readers.markup import char_starts

_WORDISH = re.compile(r"[^\W\d_]")


class Piece(NamedTuple):
    """One inline event: ``kind`` is text, code, html, break, link, /link, image, /image, mark (an
    emphasis marker as written); ``start``/``end`` are byte offsets in ``Source.raw``."""

    kind: str
    text: str
    start: int
    end: int
    dest: str = ""  # links: the destination, escapes and entities decoded
    label: str | None = None  # reference links: the label of their definition


@dataclass(frozen=True, slots=True)
class Source:
    """The text the parser read, to turn its UTF-8 byte ranges into the 1-based lines and columns
    editors count (``base`` lines of front matter come first) and back into text.

    Only offset arrays are kept besides the text: where each line starts in characters and, for text
    that is not ASCII, in bytes (for ASCII text a byte offset is a character offset)."""

    body: str
    chars: array[int]  # where each line starts, in characters
    bytes: array[int]  # where each line starts, in UTF-8 bytes (``chars`` itself for ASCII text)
    base: int

    @classmethod
    def of(cls, body: str, base: int, chars: array[int] | None = None) -> Source:
        """The source of ``body``, whose line starts (in characters) may be given."""
        chars = chars if chars is not None else char_starts(body)
        if body.isascii():
            return cls(body, chars, chars, base)
        if "\r" in body:
            ends = [*chars[1:], len(body)]
            sizes = [len(body[start:end].encode("utf-8")) for start, end in zip(chars, ends, strict=True)]
        else:  # one line end is one byte
            sizes = list(map((1).__add__, map(len, map(str.encode, body.split("\n")))))
        return cls(body, chars, array("q", accumulate(sizes, initial=0))[: len(chars)], base)

    def line(self, offset: int) -> int:
        """0-based line of a byte offset, in the whole file."""
        return bisect.bisect_right(self.bytes, offset) - 1 + self.base

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of a byte offset; the column counts characters."""
        k = bisect.bisect_right(self.bytes, offset) - 1
        return k + 1 + self.base, self._char(k, offset) - self.chars[k] + 1

    def char(self, offset: int) -> int:
        """The character offset of a byte offset."""
        if self.bytes is self.chars:
            return offset
        return self._char(bisect.bisect_right(self.bytes, offset) - 1, offset)

    def _char(self, k: int, offset: int) -> int:
        start = self.chars[k]
        delta = offset - self.bytes[k]
        if self.bytes is self.chars:
            return start + delta
        end = self.chars[k + 1] if k + 1 < len(self.chars) else len(self.body)
        if k + 1 < len(self.chars) and end - start == self.bytes[k + 1] - self.bytes[k]:
            return start + delta  # an ASCII line: as many bytes as characters
        line = self.body[start : start + delta]
        if line.isascii():
            return start + delta
        return start + len(self.body[start:end].encode("utf-8")[:delta].decode("utf-8", "ignore"))

    def byte(self, char: int) -> int:
        """The byte offset of a character offset."""
        if self.bytes is self.chars:
            return char
        k = bisect.bisect_right(self.chars, char) - 1
        return self.bytes[k] + len(self.body[self.chars[k] : char].encode("utf-8"))

    def text(self, start: int, end: int) -> str:
        """The text between two byte offsets."""
        return self.body[self.char(start) : self.char(end)]


@dataclass(frozen=True, slots=True)
class Link:
    """A link of inline content: destination, text, reference label, and byte offsets of the link
    and of the end of its text (where the destination is written after it)."""

    dest: str
    text: str
    label: str | None
    start: int
    text_end: int
    end: int


def heading_text(pieces: Sequence[Piece]) -> tuple[str, list[str]]:
    """The text a renderer shows for inline content (emphasis, links and code unwrapped, images and
    raw HTML dropped) and the ids of any ``<a id/name>`` inside it. Anchors are computed from it,
    so it is not stripped: a dropped image leaves its space in the anchor."""
    parts: list[str] = []
    ids: list[str] = []
    images = 0
    for p in pieces:
        kind = p.kind
        if kind == "image":
            images += 1
        elif kind == "/image":
            images -= 1
        elif images:
            continue
        elif kind in ("text", "code", "break"):
            parts.append(p.text)
        elif kind == "html":
            ids.extend(markup.ids_in(p.text))
    return "".join(parts), ids


def links(pieces: Sequence[Piece]) -> list[Link]:
    """Every link of inline content, in order (a link inside an image's text is the image's)."""
    out: list[Link] = []
    open_at: Piece | None = None
    parts: list[str] = []
    text_end = 0
    images = 0
    for p in pieces:
        kind = p.kind
        if kind == "image":
            images += 1
        elif kind == "/image":
            images -= 1
            text_end = p.end
        elif kind == "link" and not images:
            open_at, parts, text_end = p, [], p.start + 1
        elif kind == "/link" and open_at is not None and not images:
            out.append(Link(open_at.dest, "".join(parts).strip(), open_at.label, open_at.start, text_end, open_at.end))
            open_at = None
        elif open_at is not None:
            if kind in ("text", "code", "break") and not images:
                parts.append(p.text)
            text_end = max(text_end, p.end)
    return out


def plain(pieces: Sequence[Piece], src: Source) -> tuple[str, tuple[tuple[int, int, int], ...], bool]:
    """Readable text of a paragraph, its origin map, and whether it has text of its own outside
    links, images, code and markup (a line of badges or links has none).

    Code spans stay as written, backticks included (they shield code from the prose checks, and the
    language module skips them), and so do emphasis marks; images and raw HTML go, links keep
    their text, entities and escapes are decoded, line breaks become spaces. ``origin`` holds a
    ``(text offset, line, column)`` point wherever the text stops following the source.
    """
    if len(pieces) == 1 and pieces[0].kind == "text":  # most paragraphs: one run of plain text
        p = pieces[0]
        if not p.text:
            return "", (), False
        return p.text.rstrip(), ((0, *src.position(p.start)),), _WORDISH.search(p.text) is not None
    out: list[str] = []
    origin: list[tuple[int, int, int]] = []
    size = 0
    own = False
    images = linked = 0
    follows = -1  # byte offset where the source continues the text written so far
    for p in pieces:
        kind = p.kind
        if kind == "image":
            images += 1
            continue
        if kind == "/image":
            images -= 1
            continue
        if images:
            continue
        if kind == "link":
            linked += 1
            continue
        if kind == "/link":
            linked -= 1
            continue
        if kind == "html":
            continue
        if kind == "code":
            text = " ".join(src.text(p.start, p.end).split("\n"))
        elif kind == "break":
            text = " " if out else ""
        else:
            text = p.text
            if not linked and kind == "text" and not own and _WORDISH.search(text):
                own = True
        if not text:
            continue
        if kind != "break" and p.start != follows:
            origin.append((size, *src.position(p.start)))
        out.append(text)
        size += len(text)
        # after a line break, or where the text is not the source (entities, escapes), a new point
        follows = p.end if kind != "break" and len(text.encode("utf-8")) == p.end - p.start else -1
    return "".join(out).rstrip(), tuple(origin), own
