"""Headings the contents leaves out, found by how the headings it lists are set."""

from __future__ import annotations

from collections.abc import Sequence

from outlint import outline
from outlint.model import Heading, Paragraph
from outlint.readers.text.lines import indent

# Unnumbered headings the contents confirms, all set alike, that teach the style of those it leaves out.
SET_AS_LISTED = 3
# ... and the most words such a heading has.
SET_AS_LISTED_WORDS = 8


def set_as_listed(items: list[outline.Block], lines: Sequence[str]) -> list[outline.Block]:
    """Lines set as the unnumbered headings the contents lists are set are headings too, missing
    from it: where every listed heading stands alone at one indent over a body set deeper (a
    README's "Sending Patches" over its tab-indented items), a line the contents leaves out that
    stands so ("Repositories & Branches"), over the kind of block they open with, heads a section
    of its own."""
    listed = [k for k, x in enumerate(items) if isinstance(x, Heading) and x.number is None and x.style == "contents"]
    if len(listed) < SET_AS_LISTED:
        return items
    items = _asked_as_listed(items, lines, listed)

    def over_body(k: int, at: int) -> bool:
        x = items[k]
        nxt = items[k + 1] if k + 1 < len(items) else None
        line = x.span.line - 1
        return (
            x.span.end_line == x.span.line
            and indent(lines[line]) == at
            and (line == 0 or not lines[line - 1].strip())
            and line + 1 < len(lines)
            and not lines[line + 1].strip()
            and isinstance(nxt, Paragraph)
            and indent(lines[nxt.span.line - 1]) > at
        )

    at = indent(lines[items[listed[0]].span.line - 1])
    if not all(over_body(k, at) for k in listed):
        return items
    # the kinds of block the listed headings open with: a label over a list is no heading where
    # the listed ones open with prose
    kinds = {x.kind for k in listed if isinstance(x := items[k + 1], Paragraph)}
    levels = {x.level for k in listed if isinstance(x := items[k], Heading)}
    level = levels.pop() if len(levels) == 1 else 0
    out = list(items)
    for k, x in enumerate(items):
        if k < listed[0] or not isinstance(x, Paragraph) or not over_body(k, at):
            continue
        nxt = items[k + 1]
        if isinstance(nxt, Paragraph) and nxt.kind not in kinds:
            continue
        prev = items[k - 1]
        if isinstance(prev, Paragraph) and indent(lines[prev.span.end_line - 1]) <= at:
            continue  # text at the headings' indent before it: a signature, a quoted letter's line
        title = x.text.strip()
        if not title[:1].isupper() or len(title.split()) > SET_AS_LISTED_WORDS or title[-1:] in ".:;,!?":
            continue
        out[k] = Heading(level, None, title, x.span, style="as-listed")
    return out


# A FAQ's label before each question ("Q:", "Q.", "Question:"), one word ending in a colon or a stop.
QUESTION_WORDS = 25


def _label(title: str) -> str | None:
    first = title.split(None, 1)[0] if title.strip() else ""
    return first if len(first) <= 9 and first[-1:] in ":." and first[:-1].isalpha() else None


def _asked_as_listed(items: list[outline.Block], lines: Sequence[str], listed: list[int]) -> list[outline.Block]:
    """Where every question the contents lists is one line standing alone at one indent, after one
    label ("Q: What about team moderation?"), a question asked so that the contents leaves out is
    a heading too: renamed since the contents was written (OL103 pairs it with its entry) or
    missing from it (OL102). A question in an answer carries no label."""

    def alone(x: outline.Block, at: int) -> bool:
        line = x.span.line - 1
        return (
            x.span.end_line == x.span.line
            and indent(lines[line]) == at
            and (line == 0 or not lines[line - 1].strip())
            and (line + 1 == len(lines) or not lines[line + 1].strip())
        )

    first = items[listed[0]]
    assert isinstance(first, Heading)
    label, at = _label(first.title), indent(lines[first.span.line - 1])
    asked = [x for k in listed if isinstance(x := items[k], Heading)]
    if label is None or not all(_label(h.title) == label and h.title.endswith("?") and alone(h, at) for h in asked):
        return items
    out = list(items)
    for k in range(listed[0] + 1, len(items)):
        x = items[k]
        if not isinstance(x, Paragraph) or x.kind != "prose" or not alone(x, at):
            continue
        title = x.text.strip()
        if _label(title) == label and title.endswith("?") and len(title.split()) <= QUESTION_WORDS:
            out[k] = Heading(first.level, None, title, x.span, style="as-listed")
    return out
