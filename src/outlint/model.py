"""The vocabulary of outlint: spans, numbers, blocks, the outline tree, findings and rules."""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from outlint.facts import Facts


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
    (lines that each stand alone: an address, a signature), ``html`` (markup with no text of its
    own: raw HTML, images, badges), ``note`` (a footnote or endnote) or ``box`` (a text box).

    ``lang`` is set by readers for text whose language the author declared (HTML ``lang``).
    ``mark`` is the language the producing application recorded for the text (DOCX ``w:lang``):
    evidence quoted in messages, not a declaration that silences the language rules.
    ``origin`` maps the text back to the source when it is not simply the source lines joined by
    spaces (markup removed, entities decoded): ``(text offset, line, column)`` points in order.
    """

    text: str
    span: Span
    kind: str = "prose"
    lang: str | None = None
    origin: tuple[tuple[int, int, int], ...] = ()
    mark: str | None = None


@dataclass(frozen=True, slots=True)
class Gap:
    """A run of blank lines inside the body that is not page layout."""

    length: int
    span: Span


@dataclass(frozen=True, slots=True)
class TocEntry:
    """One line of the contents block the document declares. ``group`` is the caption of the
    captioned contents list the entry belongs to (Sphinx's "Appendix"); None when uncaptioned."""

    level: int
    number: Number | None
    title: str
    target: str | None
    span: Span
    page: str | None = None
    group: str | None = None


@dataclass(frozen=True, slots=True, eq=False)
class Heading:
    """A heading and the section it opens: its own body and its sub-sections.

    Readers emit headings with no body and no children, and ``level == 0`` when the level is to be
    inferred from the number; ``outline.build()`` returns new headings nested into the tree. A
    heading knows its children, not its parent: ``doc.facts.parent(h)`` and ``doc.facts.path(h)``
    give those. Headings compare by identity: two sections with the same title are two sections.
    """

    level: int
    number: Number | None
    title: str
    span: Span
    anchor: str | None = None
    body: tuple[Paragraph | Gap, ...] = ()
    children: tuple[Heading, ...] = ()
    lang: str | None = None
    style: str | None = None  # how the reader recognised it, e.g. "numbered", "underline:=", "framed:=="

    @property
    def marked(self) -> bool:
        """Whether the title is set off by rule characters: underlined, overlined or framed on both
        sides ("== Answers =="), a style an author chooses for headings and ranks by its mark."""
        return (self.style or "").startswith(("underline", "framed"))

    @property
    def label(self) -> str:
        """Number and title as the document shows them."""
        return f"{self.number.label} {self.title}" if self.number else self.title

    def walk(self) -> Iterator[Heading]:
        """This heading and every heading under it, in document order (iterative: no depth limit)."""
        stack = [self]
        while stack:
            node = stack.pop()
            yield node
            stack.extend(reversed(node.children))


@dataclass(frozen=True, slots=True)
class Comment:
    """A comment in the source (Markdown/HTML), kept for suppression directives."""

    text: str
    span: Span


@dataclass(frozen=True, slots=True, eq=False)
class Document:
    """A read document: its declared contents, its heading tree and its text.

    ``language`` is the language the document declares (HTML ``lang``, DOCX ``w:lang``), not the
    one inferred from its text (``language.analyse`` gives that). ``toc_depth`` is the deepest
    level the contents declares it lists (a DOCX TOC field's ``\\o "1-3"``: 3), None when only its
    entries say. ``anchors`` maps every id a
    ``#fragment`` may target to the heading it leads to (None: an anchor elsewhere). ``facts``
    holds the work several rules share, computed on first use (see ``outlint.facts``).
    """

    path: str
    format: str
    text: str
    toc: tuple[TocEntry, ...]
    headings: tuple[Heading, ...]
    preamble: tuple[Paragraph | Gap, ...] = ()
    comments: tuple[Comment, ...] = ()
    language: str | None = None
    toc_span: Span | None = None
    links: tuple[tuple[str, Span], ...] = ()
    encoding: str | None = None
    anchors: Mapping[str, Heading | None] = field(default_factory=dict)
    toc_depth: int | None = None
    facts: Facts = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        from outlint.facts import Facts

        object.__setattr__(self, "facts", Facts(self))  # derived, never given: frozen all the same


@dataclass(frozen=True, order=True, slots=True)
class Related:
    """Another place a finding concerns: the contents entry of a heading that differs from it."""

    span: Span
    message: str


@dataclass(frozen=True, order=True, slots=True)
class Detected:
    """The language a language finding found: its tag, and the detector's probability (None when
    the script alone decided)."""

    language: str
    confidence: float | None = None


@dataclass(frozen=True, order=True, slots=True)
class Finding:
    """One problem: ordered so that ``sorted()`` gives path, line, column, code.

    ``related`` holds the other side of a paired finding, shown in the message and as SARIF
    ``relatedLocations``.
    """

    path: str
    span: Span
    code: str
    severity: Severity
    message: str
    name: str = ""
    fingerprint: str = ""
    related: tuple[Related, ...] = ()
    detected: Detected | None = field(default=None, compare=False)  # for a language finding


# What a rule's check yields: a place and a message, and optionally the related places and, for
# a language finding, the language found.
Hit = tuple[Span, str] | tuple[Span, str, tuple[Related, ...]] | tuple[Span, str, tuple[Related, ...], Detected]
Check = Callable[[Document, Mapping[str, Any]], Iterable[Hit]]


@dataclass(frozen=True, slots=True)
class Rule:
    """A check with a stable code; ``check(doc, options)`` yields ``(span, message[, related])``."""

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
