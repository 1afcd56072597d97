"""Fields: a Word table of contents whose cached result was never updated."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

from outlint.model import Document, Related, Rule, Severity, Span, TocEntry
from outlint.numbering import roman_value
from outlint.rules.common import quote

Out = Iterable[tuple[Span, str, tuple[Related, ...]]]
_PARTS = re.compile(r"[-–.:]")


def page_value(page: str | None) -> tuple[str, tuple[int, ...]] | None:
    """A cached page number as (style, values): ``12`` -> ("decimal", (12,)), ``2-5`` (chapter and
    page) -> ("decimal", (2, 5)), ``iv`` -> ("roman", (4,)); None for anything else."""
    if not page:
        return None
    parts = _PARTS.split(page.strip())
    if all(p.isdigit() for p in parts):
        return "decimal", tuple(int(p) for p in parts)
    if len(parts) == 1:
        value = roman_value(parts[0])
        if value is not None:
            return "roman", (value,)
    return None


def _restart(values: tuple[int, ...]) -> bool:
    """Page 1 (or chapter-page ``n-1``) starts a section that restarts its page numbers."""
    return values[-1] == 1


def _label(e: TocEntry) -> str:
    return quote(f"{e.number.label} {e.title}" if e.number else e.title, 50)


def check_stale_field(doc: Document, options: Mapping[str, Any]) -> Out:
    if doc.format != "docx" or not doc.toc:
        return
    backwards: list[tuple[TocEntry, TocEntry]] = []
    prev: tuple[TocEntry, tuple[str, tuple[int, ...]]] | None = None
    for entry in doc.toc:
        page = page_value(entry.page)
        if page is None:
            continue
        if prev is not None:
            before, (style, values) = prev
            # another numbering style (front matter in Roman) or a restart at 1 is a new sequence
            comparable = style == page[0] and len(values) == len(page[1]) and not _restart(page[1])
            if comparable and page[1] < values:
                backwards.append((before, entry))
        prev = (entry, page)
    if not backwards:
        return
    before, after = backwards[0]
    more = f", and {len(backwards) - 1} more place{'s' if len(backwards) > 2 else ''}" if len(backwards) > 1 else ""
    span = doc.toc_span or doc.toc[0].span
    yield (
        Span(span.line, span.column, span.line, span.column),
        (
            f"the table of contents is out of date: its page numbers go backwards ({_label(after)} on page "
            f"{after.page} after {_label(before)} on page {before.page}, paragraph {after.span.line}{more}); "
            "update the field (in Word: right-click the table of contents, Update Field, Update entire table)"
        ),
        tuple(Related(a.span, f"{_label(a)} is listed on page {a.page} after page {b.page}") for b, a in backwards),
    )


DOC_STALE_FIELD = """\
## What it does
Reports a Word table of contents (a `TOC` field) whose cached page numbers go backwards: an entry
listed on an earlier page than the entry before it. Word writes the page numbers when the field is
updated, in the order of the document, so they only go backwards when headings were moved, added or
removed afterwards and the field was never updated. One finding on the field, with every place
where the pages go back as a related location. A restart at page 1 (a section with its own page
numbers) and a change of style (front matter numbered i, ii, iii) are not backwards.

## Why is this bad?
The contents shows the document as it was: entries for sections that moved or no longer exist, and
page numbers that lead the reader to the wrong page. The other contents rules (OL101–OL107) report
each entry that differs from its heading; updating the field fixes them all at once.

## Example
A contents listing `2. Scope ........ 9` and then `3. Terms ........ 4`.

## Options
None.
"""

RULES = (
    Rule(
        "OL109",
        "toc-field-stale",
        "Table of contents field was not updated (page numbers go backwards)",
        check_stale_field,
        Severity.WARNING,
        doc=DOC_STALE_FIELD,
    ),
)
