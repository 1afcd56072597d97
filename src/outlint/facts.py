"""Per-document facts several rules share, each computed once, on first use, and kept with the document."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cached_property
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from outlint.model import Document, Heading
    from outlint.outline import Alignment

T = TypeVar("T")
_LINE_END = re.compile(r"\r\n|\r|\n")


class Facts:
    """What several rules need to know about one document, worked out once.

    - ``lines``: the source lines as editors count them (only ``\\n``, ``\\r\\n`` and ``\\r`` end a
      line; never ``str.splitlines()``, which also breaks at form feeds).
    - ``headings``: every heading in document order.
    - ``parent(h)`` and ``path(h)``: a heading's parent, and the headings from the top down to it.
    - ``alignment``: which contents entry matched which heading (``outline.align``).
    - ``derive(compute, *args)``: any other shared work, such as the numbering steps or the
      languages of paragraphs, keyed by the function that computes it and its arguments, so that
      the module that knows how to compute a fact also owns it.

    The document is frozen, so nothing here can go stale.
    """

    def __init__(self, doc: Document) -> None:
        self._doc = doc
        self._derived: dict[tuple[object, ...], Any] = {}

    def close(self) -> None:
        """Forget everything, the document included, once it is checked and will not be asked
        again. A document and its facts refer to each other: without this, only the cycle
        collector frees them, and a large document stayed in memory while its report was built."""
        self.__dict__.clear()

    @cached_property
    def lines(self) -> tuple[str, ...]:
        text = self._doc.text
        # the same lines: a plain split is five times faster where no carriage return can end one
        return tuple(text.split("\n") if "\r" not in text else _LINE_END.split(text))

    def know_lines(self, lines: tuple[str, ...]) -> None:
        """Take the source lines from a reader that split them already (exactly as ``lines``
        would), so that a document's lines are not held twice."""
        self.__dict__["lines"] = lines

    @cached_property
    def headings(self) -> tuple[Heading, ...]:
        return tuple(h for top in self._doc.headings for h in top.walk())

    @cached_property
    def _parents(self) -> dict[int, Heading]:
        return {id(child): h for h in self.headings for child in h.children}

    def parent(self, heading: Heading) -> Heading | None:
        """The heading whose section holds ``heading``; None at the top level."""
        return self._parents.get(id(heading))

    def path(self, heading: Heading) -> tuple[Heading, ...]:
        """The headings from the top level down to ``heading``, itself included."""
        out = [heading]
        node = self._parents.get(id(heading))
        while node is not None:
            out.append(node)
            node = self._parents.get(id(node))
        return tuple(reversed(out))

    @cached_property
    def alignment(self) -> Alignment:
        from outlint.outline import align

        return align(self._doc)

    def derive(self, compute: Callable[..., T], *args: Any) -> T:
        """``compute(doc, *args)``, computed once for this document and these arguments."""
        key = (compute, *args)
        if key not in self._derived:
            self._derived[key] = compute(self._doc, *args)
        result: T = self._derived[key]
        return result
