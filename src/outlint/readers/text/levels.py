"""Levels of the headings of plain text: from their numbers and underlines, reconciled with the contents."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import replace

from outlint import numbering, outline
from outlint.model import Heading, Number
from outlint.readers.text.styles import WORDY, Listing


def settle_levels(headings: Sequence[Heading], listing: Listing) -> list[Heading]:
    """Levels of the headings: from their numbers and underlines, reconciled with the contents.

    A heading whose own evidence is weak (no number, or a one-part number of a family with no
    fixed place, such as ``1.`` restarting under an unnumbered "Foreword") takes the level of the
    contents entry it matches, relative to the level offset most matched pairs agree on; the
    headings of the same family and depth after it follow it.
    """
    resolved = outline.resolve_letters([h.number for h in headings])
    own = outline.infer_levels(resolved)
    levels = [h.level or own[k] or 1 for k, h in enumerate(headings)]
    for k, level in _underline_levels(headings, levels).items():
        levels[k] = level
    for k, level in _inside_runs(resolved, levels).items():
        levels[k] = level
    toc = listing.toc
    if not toc:
        return [_with_level(h, levels[k], resolved[k]) for k, h in enumerate(headings)]
    listing.last = -1
    toc_levels = [e.level for e in toc]
    matched: dict[int, int] = {}
    used: set[int] = set()
    for k, h in enumerate(headings):
        entry = listing.find(resolved[k], h.title)
        if entry is not None and entry not in used:
            matched[k] = entry
            used.add(entry)
    offsets = Counter(levels[k] - toc_levels[e] for k, e in matched.items())
    offset = offsets.most_common(1)[0][0] if offsets else 0
    # appendices stand beside a book's parts or inside the last one: the contents says which
    parts = any(n is not None and numbering.family(n) in PART_FAMILIES for n in resolved)
    shift: dict[tuple[str, int], int] = {}
    # the shift the first matched heading of each family and depth takes: the unmatched ones
    # before it (the first heading, renamed since the contents was made) take it too
    ahead: dict[tuple[str, int], int] = {}
    for k, e in matched.items():
        key, weak = _weakness(resolved[k], parts)
        if resolved[k] is not None and weak and key not in ahead:
            ahead[key] = max(1, toc_levels[e] + offset) - levels[k]
    # the last one-part number that the contents moved down, its family and its level: the
    # sections numbered under it ("2.1." under "2.", which the contents puts under an unnumbered
    # "Preface") go down with it
    top: tuple[str, int, int] | None = None
    for k, number in enumerate(resolved):
        key, weak = _weakness(number, parts)
        before = levels[k]
        if k in matched and weak:
            want = max(1, toc_levels[matched[k]] + offset)
            if number is not None:
                shift[key] = want - levels[k]
            levels[k] = want
        elif number is not None and weak and (key in shift or key in ahead):
            levels[k] = max(1, levels[k] + shift.get(key, ahead.get(key, 0)))
        if number is not None and number.depth == 1:
            top = (key[0], number.values[0], levels[k]) if levels[k] > before else None
        elif number is not None and top is not None and top[:2] == (key[0], number.values[0]):
            levels[k] = max(levels[k], top[2] + number.depth - 1)
    return [_with_level(h, levels[k], resolved[k]) for k, h in enumerate(headings)]


PART_FAMILIES = frozenset({"part", "cjk-part", "book", "cjk-book"})


def _weakness(number: Number | None, parts: bool = False) -> tuple[tuple[str, int], bool]:
    """A heading's family and depth, and whether its number says its level only weakly: none, or
    a one-part number of a family with no fixed place (also an appendix, in a book of ``parts``)."""
    key = (numbering.family(number), number.depth) if number else ("", 0)
    if number is None:
        return key, True
    return key, number.depth == 1 and (key[0] not in WORDY or (parts and key[0] == "appendix"))


# The share of a rule's numbered headings that must share one level for the rule to carry it.
STYLE_AGREEMENT = 0.8


def _underline_levels(headings: Sequence[Heading], levels: Sequence[int]) -> dict[int, int]:
    """Unnumbered underlined headings at the level their rule has among the numbered ones: an Info
    file's "Authors" under "=======" sits where "24.1 Copying" under "=====" does, below the chapter
    over "*****", whichever rule the file showed first; and a Sphinx page's "Class docstring" over
    "---" sits where its "1. Short summary" over "---" does, at the third level, the number's own
    depth being one only within its run."""
    by_rule: dict[str, Counter[int]] = {}
    for k, h in enumerate(headings):
        if h.number is not None and h.style and h.style.startswith("underline"):
            by_rule.setdefault(h.style, Counter())[levels[k]] += 1
    out: dict[int, int] = {}
    for k, h in enumerate(headings):
        counts = by_rule.get(h.style) if h.number is None and h.style else None
        if counts:
            level, times = counts.most_common(1)[0]
            if times >= STYLE_AGREEMENT * sum(counts.values()):
                out[k] = level
    return out


def _inside_runs(numbers: Sequence[Number | None], levels: Sequence[int]) -> dict[int, int]:
    """Unnumbered headings inside a numbered run, one level under the numbered heading before
    them: between "1.4" and "1.5" (or "1.4" and "1.4.1"), a heading no deeper than "1.4" would
    leave "1.5" without its parent, so it is part of "1.4" (a mailing list's own "Description",
    underlined inside a FAQ's answer). One pass each way."""
    after: list[int | None] = [None] * len(numbers)
    nxt: int | None = None
    for k in range(len(numbers) - 1, -1, -1):
        after[k] = nxt
        if numbers[k] is not None:
            nxt = k
    out: dict[int, int] = {}
    prev: int | None = None
    first: int | None = None  # the first of the unnumbered headings after ``prev``
    for k, number in enumerate(numbers):
        if number is not None:
            prev, first = k, None
            continue
        n = after[k]
        first = k if first is None else first
        if prev is None or n is None or levels[first] > levels[prev]:
            continue
        a, b = numbers[prev], numbers[n]
        assert a is not None and b is not None
        sibling = b.values[:-1] == a.values[:-1] and b.values[-1] == a.values[-1] + 1
        if a.scheme == b.scheme and a.depth >= 2 and (sibling or b.values[:-1] == a.values):
            # (the ones after the first keep their rank under it: an Info node's "-" heading under
            # its "=" heading, both inside "1.1.1")
            below = max(0, levels[k] - levels[first])
            out[k] = min(levels[prev] + 1 + below, out.get(k - 1, levels[prev] + 1) + 1)
    return out


def _with_level(h: Heading, level: int, number: Number | None) -> Heading:
    if level == h.level and number is h.number:
        return h
    return replace(h, level=level, number=number)
