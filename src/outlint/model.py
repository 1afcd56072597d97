"""The vocabulary of outlint: spans, numbers, blocks, the outline tree, findings and rules."""

from __future__ import annotations

import enum
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True, order=True, slots=True)
class Span:
    """A region of the source, 1-based lines and columns as editors count them; end is inclusive."""

    line: int
    column: int
    end_line: int
    end_column: int


class Severity(enum.IntEnum):
    """How much a finding matters; ordered so that ``max()`` gives the worst."""

    INFO = 1
    WARNING = 2
    ERROR = 3

    def __str__(self) -> str:
        return self.name.lower()


@dataclass(frozen=True, slots=True)
class Number:
    """A parsed heading number: ``"(5)"`` is scheme ``paren-decimal`` with values ``(5,)``."""

    label: str
    scheme: str
    values: tuple[int, ...]

    @property
    def depth(self) -> int:
        return len(self.values)


@dataclass(frozen=True, slots=True)
class Paragraph:
    """A block of body text. ``kind`` is ``prose``, ``list``, ``table``, ``code``, ``quote``, ``lines``
    (lines that each stand alone: an address, a signature) or ``html`` (markup with no text of its
    own: raw HTML, images, badges).

    ``lang`` is set by readers for text whose language the author declared (HTML ``lang``).
    ``origin`` maps the text back to the source when it is not simply the source lines joined by
    spaces (markup removed, entities decoded): ``(text offset, line, column)`` points in order.
    """

    text: str
    span: Span
    kind: str = "prose"
    lang: str | None = None
    origin: tuple[tuple[int, int, int], ...] = ()


@dataclass(frozen=True, slots=True)
class Gap:
    """A run of blank lines inside the body that is not page layout."""

    length: int
    span: Span


@dataclass(frozen=True, slots=True)
class TocEntry:
    """One line of the contents block the document declares."""

    level: int
    number: Number | None
    title: str
    target: str | None
    span: Span
    page: str | None = None


@dataclass(slots=True, eq=False)
class Heading:
    """A heading and the section it opens: its own body and its sub-sections.

    Mutable only while ``outline.build()`` nests it; treat as frozen afterwards.
    """

    level: int
    number: Number | None
    title: str
    span: Span
    anchor: str | None = None
    body: list[Paragraph | Gap] = field(default_factory=list)
    children: list[Heading] = field(default_factory=list)
    parent: Heading | None = field(default=None, repr=False)
    lang: str | None = None
    style: str | None = None  # how the reader recognised it, e.g. "numbered", "underline:="

    @property
    def label(self) -> str:
        """Number and title as the document shows them."""
        return f"{self.number.label} {self.title}" if self.number else self.title

    def walk(self) -> Iterable[Heading]:
        yield self
        for child in self.children:
            yield from child.walk()

    def path(self) -> tuple[Heading, ...]:
        node: Heading | None = self
        out: list[Heading] = []
        while node is not None:
            out.append(node)
            node = node.parent
        return tuple(reversed(out))


@dataclass(frozen=True, slots=True)
class Comment:
    """A comment in the source (Markdown/HTML), kept for suppression directives."""

    text: str
    span: Span


@dataclass(slots=True, eq=False)
class Document:
    """A read document: its declared contents, its heading tree and its text.

    ``cache`` holds work shared by several rules (alignment, paragraph languages).
    """

    path: str
    format: str
    text: str
    toc: list[TocEntry]
    headings: list[Heading]
    preamble: list[Paragraph | Gap] = field(default_factory=list)
    comments: list[Comment] = field(default_factory=list)
    language: str | None = None
    toc_span: Span | None = None
    links: list[tuple[str, Span]] = field(default_factory=list)
    encoding: str | None = None
    # every id a #fragment may target, with the heading it leads to (None: an anchor elsewhere)
    anchors: dict[str, Heading | None] = field(default_factory=dict)
    cache: dict[str, Any] = field(default_factory=dict, repr=False)

    def lines(self) -> list[str]:
        """The source lines as editors count them (only \\n, \\r\\n and \\r end a line); split once."""
        found = self.cache.get("lines")
        if found is None:
            found = _LINE_END.split(self.text)
            self.cache["lines"] = found
        return list(found)

    def all_headings(self) -> list[Heading]:
        """Headings in document order (computed once: the tree does not change after it is built)."""
        found = self.cache.get("all-headings")
        if found is None:
            found = [h for top in self.headings for h in top.walk()]
            self.cache["all-headings"] = found
        return list(found)


_LINE_END = re.compile(r"\r\n|\r|\n")


@dataclass(frozen=True, order=True, slots=True)
class Finding:
    """One problem: ordered so that ``sorted()`` gives path, line, column, code."""

    path: str
    span: Span
    code: str
    severity: Severity
    message: str
    name: str = ""
    fingerprint: str = ""


Check = Callable[[Document, Mapping[str, Any]], Iterable[tuple[Span, str]]]


@dataclass(frozen=True, slots=True)
class Rule:
    """A check with a stable code; ``check(doc, options)`` yields ``(span, message)``."""

    code: str
    name: str
    summary: str
    check: Check
    severity: Severity = Severity.ERROR
    options: Mapping[str, Any] = field(default_factory=dict)
    doc: str = ""


class ReadError(Exception):
    """Raised by readers for data they cannot read; becomes one OL001 finding."""

    def __init__(self, message: str, span: Span | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.span = span or Span(1, 1, 1, 1)
