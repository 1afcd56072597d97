"""Compare a document with its source (a translation with its original, or two versions): one shared comparison.

``compare(source, target)`` aligns the two outlines once (``compare_align``) and is kept with the
target document, so that every pair rule (``rules/pair.py``, OL6xx), the side-by-side view and the
HTML report read the same alignment.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from outlint.compare_align import PairAlignment, align
from outlint.compare_measure import Side, median_ratio, same_language, side
from outlint.model import Document, Finding, Heading, Span, TocEntry
from outlint.outline import normalize_title

if TYPE_CHECKING:
    from outlint.linter import Settings

MIN_UNITS = 40  # sections shorter than this (words, or CJK characters) are not judged by length


@dataclass(frozen=True, slots=True)
class Row:
    """One line of the side-by-side view: a source section, a target section, or both.

    ``status`` is ``same`` (matched, nothing differs), ``differs`` (matched, but number, level or
    parent differ), ``moved``, ``missing`` (only in the source) or ``added`` (only in the target).
    """

    source: Heading | None
    target: Heading | None
    status: str


@dataclass(frozen=True, slots=True, eq=False)
class Comparison:
    """Two documents and how their sections correspond."""

    source: Side
    target: Side
    alignment: PairAlignment
    ratio: float | None  # median target/source length of matched sections; None when too few
    rows: tuple[Row, ...]
    listed: dict[int, int]  # missing source section -> the target contents entry that lists it
    unlisted: tuple[int, ...]  # target contents entries for what neither document has
    _next: tuple[int, ...]  # per source section, the target index the next in-order match has
    _of_source: dict[int, Heading]  # id(source heading) -> target heading
    _of_target: dict[int, Heading]  # id(target heading) -> source heading

    @property
    def same_language(self) -> bool:
        return same_language(self.source, self.target)

    def in_target(self, h: Heading) -> Heading | None:
        return self._of_source.get(id(h))

    def in_source(self, h: Heading) -> Heading | None:
        return self._of_target.get(id(h))


def compare(
    source: Document, target: Document, source_language: str | None = None, target_language: str | None = None
) -> Comparison:
    """The comparison of ``target`` with its ``source``; computed once per pair and languages."""
    return target.facts.derive(_compare, source, source_language, target_language)


def _compare(
    target: Document, source: Document, source_language: str | None, target_language: str | None
) -> Comparison:
    src, tgt = side(source, source_language), side(target, target_language)
    al = align(src, tgt)
    of_source = {id(src.headings[i]): tgt.headings[j] for i, j in al.pairs}
    of_target = {id(tgt.headings[j]): src.headings[i] for i, j in al.pairs}
    lengths = [(src.sections[i].units, tgt.sections[j].units) for i, j in al.pairs]
    nxt = _next_matches(al, len(src.headings), len(tgt.headings))
    listed, unlisted = _contents(src, tgt, al, of_target)
    ratio = median_ratio(lengths, MIN_UNITS)
    cmp = Comparison(src, tgt, al, ratio, (), listed, unlisted, nxt, of_source, of_target)
    object.__setattr__(cmp, "rows", _rows(cmp))  # rows read the counterparts made above
    return cmp


def _next_matches(al: PairAlignment, n: int, m: int) -> tuple[int, ...]:
    target_of = dict(al.pairs)
    nxt = [m] * (n + 1)
    for i in range(n - 1, -1, -1):
        j = target_of.get(i)
        nxt[i] = j if j is not None and i not in al.moved else nxt[i + 1]
    return tuple(nxt)


PAIR_FAMILY = "OL6"  # the pair rules: what ``outlint compare`` runs unless told otherwise


def check_pair(
    source: Document, target: Document, settings: Settings | None = None, source_language: str | None = None
) -> list[Finding]:
    """The findings of the enabled rules (default: the pair rules) on ``target`` compared with
    ``source``: the pair rules get the source in their options, as ``rules/pair.py`` expects."""
    from outlint.linter import Settings, check_document, select_rules

    settings = settings or Settings(rules=select_rules([PAIR_FAMILY]))
    options: dict[str, dict[str, Any]] = {code: dict(opts) for code, opts in settings.options.items()}
    for rule in settings.rules:
        if rule.code.startswith(PAIR_FAMILY):
            options.setdefault(rule.code, {}).update({"source": source, "source-language": source_language})
    paired = Settings(settings.rules, options, settings.severities, settings.language, settings.slug)
    return check_document(target, paired)


def differs(cmp: Comparison, i: int, j: int) -> bool:
    """Whether a matched pair differs in number, level or parent."""
    a, b = cmp.source.headings[i], cmp.target.headings[j]
    sa, sb = cmp.source.sections[i], cmp.target.sections[j]
    if (a.number.values if a.number else None) != (b.number.values if b.number else None):
        return True
    if sa.rank != sb.rank:
        return True
    pa, pb = cmp.source.doc.facts.parent(a), cmp.target.doc.facts.parent(b)
    return (cmp.in_target(pa) if pa is not None else None) is not pb


def _rows(cmp: Comparison) -> tuple[Row, ...]:
    """Rows in the order of the target, each missing section at its place in the source order:
    just before the target section that follows it in the source."""
    al = cmp.alignment
    src, tgt = cmp.source.headings, cmp.target.headings
    before: dict[int, list[int]] = {}
    for i in al.missing:
        before.setdefault(cmp._next[i + 1], []).append(i)
    source_of = {j: i for i, j in al.pairs}
    rows: list[Row] = []
    for j in range(len(tgt) + 1):
        rows.extend(Row(src[i], None, "missing") for i in before.get(j, ()))
        if j == len(tgt):
            break
        k = source_of.get(j)
        if k is None:
            rows.append(Row(None, tgt[j], "added"))
        elif k in al.moved:
            rows.append(Row(src[k], tgt[j], "moved"))
        else:
            rows.append(Row(src[k], tgt[j], "differs" if differs(cmp, k, j) else "same"))
    return tuple(rows)


def insertion_point(cmp: Comparison, source_index: int) -> Heading | None:
    """The target section before which a missing source section belongs; None: at the end."""
    j = cmp._next[source_index + 1]
    return cmp.target.headings[j] if j < len(cmp.target.headings) else None


def missing_place(cmp: Comparison, source_index: int) -> Span:
    """Where the target reports a missing source section: at its contents entry when the target's
    contents lists it (the place that names it), else where it belongs."""
    entry = cmp.listed.get(source_index)
    if entry is not None:
        return cmp.target.doc.toc[entry].span
    before = insertion_point(cmp, source_index)
    if before is not None:
        return before.span
    last = len(cmp.target.doc.facts.lines)
    return Span(last, 1, last, 1)


def _contents(
    src: Side, tgt: Side, al: PairAlignment, of_target: dict[int, Heading]
) -> tuple[dict[int, int], tuple[int, ...]]:
    """Which missing source section each target contents entry without a heading stands for: the
    one with its number path, or (in one language) its title, or the one at its place between the
    entries that have headings. Entries that stand for none list what neither document has."""
    doc = tgt.doc
    if not doc.toc:
        return {}, ()
    toc_al = doc.facts.alignment
    unmatched = toc_al.unmatched_entries
    if not unmatched:
        return {}, ()
    titles = same_language(src, tgt)
    missing = set(al.missing)
    by_key: dict[object, int] = {}
    by_title: dict[str, int] = {}
    for i in al.missing:
        sec = src.sections[i]
        if sec.key is not None:
            by_key.setdefault(sec.key, i)
        if titles and sec.title:
            by_title.setdefault(sec.title, i)
    keys = _entry_keys(doc.toc, toc_al.entry_parents)
    source_index = {id(h): i for i, h in enumerate(src.headings)}
    # the source index of the section each contents entry with a heading stands for
    placed: dict[int, int] = {}
    for e, h in toc_al.pairs:
        s = of_target.get(id(h))
        if s is not None:
            placed[e] = source_index[id(s)]
    listed: dict[int, int] = {}
    rest: list[int] = []
    for e in unmatched:
        entry = doc.toc[e]
        found = by_key.get(keys[e]) if keys[e] is not None else None
        if found is None and titles:
            found = by_title.get(normalize_title(entry.title))
        if found is not None and found not in listed:
            listed[found] = e
        else:
            rest.append(e)
    unlisted: list[int] = []
    # by place: the k-th unplaced entry between two placed ones is the k-th missing section there
    order = sorted(placed)
    for group in _runs(rest):
        k = bisect.bisect_left(order, group[0])
        lo = placed[order[k - 1]] if k else -1
        hi = placed[order[k]] if k < len(order) else len(src.headings)
        gap = [i for i in range(lo + 1, hi) if i in missing and i not in listed]
        if len(gap) == len(group):
            listed.update(zip(gap, group, strict=True))
        else:
            unlisted.extend(group)
    return listed, tuple(unlisted)


def _runs(indices: list[int]) -> list[list[int]]:
    out: list[list[int]] = []
    for k in indices:
        if out and out[-1][-1] == k - 1:
            out[-1].append(k)
        else:
            out.append([k])
    return out


def _entry_keys(toc: Sequence[TocEntry], parents: Sequence[int | None]) -> list[tuple[int, ...] | None]:
    keys: list[tuple[int, ...] | None] = []
    for e, entry in enumerate(toc):
        p = parents[e]
        parent_key = keys[p] if p is not None else None
        if entry.number is None:
            keys.append(None)
        elif entry.number.depth > 1 or parent_key is None:
            keys.append(entry.number.values)
        else:
            keys.append((*parent_key, *entry.number.values))
    return keys
