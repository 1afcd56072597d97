"""Pair rules (OL6xx): a document compared with its source, as ``outlint compare SOURCE TARGET`` runs them.

A pair rule is an ordinary rule of the target document: ``check(target, options)`` with the
source document in ``options["source"]`` (``outlint compare`` puts it there; ``outlint check``
does not, so these rules find nothing there) and the source's expected language in
``options["source-language"]``. Findings are placed in the target, so that severity, options,
``select``/``ignore``, per-file ignores, inline suppressions, baselines and every output format
work on them as on any finding; the source's lines are quoted in the message.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Iterator, Mapping
from typing import TYPE_CHECKING, Any

from outlint.model import Document, Heading, Hit, Related, Rule, Severity, Span
from outlint.rules.common import quote

if TYPE_CHECKING:
    from outlint.compare import Comparison

# The comparison modules are imported by the first rule that has a source to compare with: ``check``
# never does, and a run of many small files should not pay for importing them.


def comparison(doc: Document, options: Mapping[str, Any]) -> Comparison | None:
    """The comparison with the source given in the options; None when there is none (``check``)."""
    source = options.get("source")
    if not isinstance(source, Document):
        return None
    from outlint.compare import compare

    return compare(source, doc, options.get("source-language"), options.get("language"))


def _at(h: Heading) -> Span:
    return h.span


def label_ref(h: Heading, limit: int = 60) -> str:
    """A heading quoted as the document shows it: ``"（六）互联网平台运营不断规范"``, with no space
    after a label that ends in full-width punctuation."""
    if h.number is not None and h.number.label[-1:] in "、）．。：":
        return quote(h.number.label + h.title, limit)
    return quote(h.label, limit)


def _source_ref(h: Heading) -> str:
    return f"{label_ref(h)} (source line {h.span.line})"


def check_missing(doc: Document, options: Mapping[str, Any]) -> Iterator[Hit]:
    """At the target's contents entry for the section when there is one (the place in the target
    that names it), else where the section belongs."""
    cmp = comparison(doc, options)
    if cmp is None:
        return
    from outlint.compare import insertion_point, missing_place

    last = len(doc.facts.lines)
    for i in cmp.alignment.missing:
        h = cmp.source.headings[i]
        before = insertion_point(cmp, i)
        where = "it belongs at the end"
        if before is not None:
            where = f"it belongs before {label_ref(before, 40)} (line {before.span.line})"
        if i not in cmp.listed:
            yield missing_place(cmp, i), f"section {_source_ref(h)} is missing: {where}"
            continue
        belongs = before.span if before is not None else Span(last, 1, last, 1)
        yield (
            missing_place(cmp, i),
            f"section {_source_ref(h)} is missing: the contents lists it; {where}",
            (Related(belongs, f"{_source_ref(h)} belongs here"),),
        )


def _entry_label(doc: Document, k: int) -> str:
    e = doc.toc[k]
    return f"{e.number.label} {e.title}" if e.number else e.title


def check_added(doc: Document, options: Mapping[str, Any]) -> Iterator[Hit]:
    cmp = comparison(doc, options)
    if cmp is None:
        return
    for j in cmp.alignment.added:
        h = cmp.target.headings[j]
        yield _at(h), f"section {label_ref(h)} is not in the source"


def check_moved(doc: Document, options: Mapping[str, Any]) -> Iterator[Hit]:
    cmp = comparison(doc, options)
    if cmp is None:
        return
    al = cmp.alignment
    src, tgt = cmp.source.headings, cmp.target.headings
    in_order = [(i, j) for i, j in al.pairs if i not in al.moved]
    starts = [i for i, _ in in_order]
    for i, j in al.pairs:
        if i not in al.moved:
            continue
        k = bisect.bisect_left(starts, i)
        h = tgt[j]
        if k and in_order[k - 1][1] > j:
            other, how = tgt[in_order[k - 1][1]], "before {} here, but after it"
        elif k < len(in_order) and in_order[k][1] < j:
            other, how = tgt[in_order[k][1]], "after {} here, but before it"
        else:
            yield _at(h), f"section {label_ref(h)} is out of the source's order ({_source_ref(src[i])})"
            continue
        yield (
            _at(h),
            f"section {label_ref(h)} comes {how.format(label_ref(other))} in the source ({_source_ref(src[i])})",
        )


def check_misplaced(doc: Document, options: Mapping[str, Any]) -> Iterator[Hit]:
    """A section under another parent than in the source. A parent lost in the target is not
    counted: the section is compared with its nearest source ancestor that the target has."""
    cmp = comparison(doc, options)
    if cmp is None:
        return
    sfacts, tfacts = cmp.source.doc.facts, doc.facts
    for i, j in cmp.alignment.pairs:
        if i in cmp.alignment.moved:
            continue
        a, b = cmp.source.headings[i], cmp.target.headings[j]
        here = tfacts.parent(b)
        lost: list[Heading] = []
        anc = sfacts.parent(a)
        while anc is not None and cmp.in_target(anc) is None:
            lost.append(anc)
            anc = sfacts.parent(anc)
        expected = cmp.in_target(anc) if anc is not None else None
        if expected is here:
            continue
        where_here = f"under {label_ref(here)}" if here is not None else "at the top level"
        first = lost[0] if lost else anc
        if first is None:
            there = "at the top level in the source"
        else:
            there = f"under {_source_ref(first)} in the source" + (", which is missing here" if lost else "")
        yield _at(b), f"section {label_ref(b)} is {where_here} here, but {there}"


def check_numbering(doc: Document, options: Mapping[str, Any]) -> Iterator[Hit]:
    """A number that differs from the source's; a run of siblings renumbered by one offset is one
    difference, reported at its first section."""
    cmp = comparison(doc, options)
    if cmp is None:
        return
    tfacts = doc.facts
    offsets: dict[int, int] = {}  # id(target parent) -> the offset of the last numbered sibling
    for i, j in sorted(cmp.alignment.pairs, key=lambda p: p[1]):
        if i in cmp.alignment.moved:
            continue
        a, b = cmp.source.headings[i], cmp.target.headings[j]
        if a.number is None:
            continue
        up = tfacts.parent(b)
        parent = id(up)
        if b.number is None:
            siblings = up.children if up is not None else doc.headings
            if sum(1 for s in siblings if s.number is not None) * 2 > len(siblings):
                yield _at(b), f"section {label_ref(b)} has no number here; the source numbers it {_source_ref(a)}"
            continue
        offset = b.number.values[-1] - a.number.values[-1]
        previous = offsets.get(parent, 0)
        offsets[parent] = offset
        if offset not in (0, previous):
            yield (
                _at(b),
                f'section {label_ref(b)} is numbered "{b.number.label}" here, "{a.number.label}" in the '
                f"source ({_source_ref(a)})",
            )


def check_length(doc: Document, options: Mapping[str, Any]) -> Iterator[Hit]:
    cmp = comparison(doc, options)
    if cmp is None or cmp.ratio is None:
        return
    band = float(options.get("band", 3.0))
    least = int(options.get("min-units", 40))
    unit_s = "characters" if cmp.source.script in ("han", "kana", "hangul") else "words"
    unit_t = "characters" if cmp.target.script in ("han", "kana", "hangul") else "words"
    for i, j in cmp.alignment.pairs:
        s, t = cmp.source.sections[i].units, cmp.target.sections[j].units
        expected = s * cmp.ratio
        if max(expected, t) < least or s < least:
            continue
        b, a = cmp.target.headings[j], cmp.source.headings[i]
        if t * band < expected:
            how = "has no text" if t == 0 else f"is {_times(expected / t)} shorter than its source"
        elif t > expected * band:
            how = f"is {_times(t / expected)} longer than its source"
        else:
            continue
        yield (
            _at(b),
            f"section {label_ref(b)} {how}: {t} {unit_t} here, {s} {unit_s} in {_source_ref(a)}; "
            f"sections of this pair are {cmp.ratio:.2g} times as long as their source",
        )


def _times(x: float) -> str:
    return f"{x:.0f} times" if x >= 10 else f"{x:.1f} times"


def check_untranslated(doc: Document, options: Mapping[str, Any]) -> Iterable[Hit]:
    cmp = comparison(doc, options)
    if cmp is None:
        return ()
    from outlint.compare_untranslated import untranslated

    return untranslated(cmp, options)


def check_contents(doc: Document, options: Mapping[str, Any]) -> Iterator[Hit]:
    cmp = comparison(doc, options)
    if cmp is None:
        return
    for k in cmp.unlisted:
        e = doc.toc[k]
        yield e.span, f"contents entry {quote(_entry_label(doc, k))} has no heading here and no section in the source"


_DOC = """\
## What it does
{what}

## Why is this bad?
{why}

## Example
{example}

## Options
{options}
"""

_PAIR = (
    "It is a pair rule: `outlint compare SOURCE TARGET` runs it, with the finding in the target; "
    "`outlint check` does not."
)


def _doc(what: str, why: str, example: str, options: str = "None.") -> str:
    return _DOC.format(what=f"{what} {_PAIR}", why=why, example=example, options=options)


RULES = (
    Rule(
        "OL601",
        "section-missing",
        "Section of the source missing in the target",
        check_missing,
        Severity.ERROR,
        doc=_doc(
            "Reports a section of the source that has no counterpart in the target, at the place it belongs "
            "(before the target section that follows it in the source). The sections are aligned by level, "
            "number path, the names and numbers their text keeps and, in one language, their titles, over "
            "the whole outline in order. When the target's contents lists the section, the message says so.",
            "Content lost in translation or conversion: the reader of the target never sees it.",
            "`（六）互联网平台运营不断规范` of a Chinese original has no section in its English translation.",
        ),
    ),
    Rule(
        "OL602",
        "section-added",
        "Section of the target not in the source",
        check_added,
        Severity.WARNING,
        doc=_doc(
            "Reports a section of the target that corresponds to no section of the source.",
            "Text the source does not have: added by the translator, left from an older version, or pasted twice.",
            "A `### 同步笔记` section in a translation whose original has no such section.",
        ),
    ),
    Rule(
        "OL603",
        "section-moved",
        "Section in another order than in the source",
        check_moved,
        Severity.WARNING,
        doc=_doc(
            "Reports a section that corresponds to a source section (same number path and, in one language, "
            "the same title) but stands in another order among the sections around it. One moved section "
            "is one finding, not a missing one and an added one.",
            "The reader meets the sections in an order the author did not write.",
            "`3. Usage` before `2. Installation` in a translation whose source has them the other way round.",
        ),
    ),
    Rule(
        "OL604",
        "section-misplaced",
        "Section under another parent than in the source",
        check_misplaced,
        Severity.WARNING,
        doc=_doc(
            "Reports a section whose parent in the target is not the counterpart of its parent in the source: "
            "promoted, demoted, or left under the previous chapter when its own chapter heading was lost. "
            "Its sub-sections, which moved with it, are not reported.",
            "The outline of the target says something the source does not: a section belongs to another chapter.",
            '`(10) Adhere to ...` is under "2. China\'s Internet ..." in the translation, under `四、...` '
            "in the source.",
        ),
    ),
    Rule(
        "OL605",
        "number-differs",
        "Section numbered differently than in the source",
        check_numbering,
        Severity.WARNING,
        doc=_doc(
            "Reports a section whose number differs from its source section's number (by value: `(5)` and "
            "`（五）` are the same number). Siblings renumbered by the same offset are one difference, "
            "reported at the first of them.",
            "References by number (`see 2.5`) lead elsewhere in the target than in the source.",
            "`(6) Rich and colorful online content` where the source has `（四）网上内容丰富多彩`.",
        ),
    ),
    Rule(
        "OL606",
        "length-differs",
        "Section much shorter or longer than its source",
        check_length,
        Severity.WARNING,
        {"band": 3.0, "min-units": 40},
        doc=_doc(
            "Reports a section whose own text (code left out) is far shorter or longer than its source "
            "section's, judged against the pair itself: the median ratio of target to source length over "
            "the matched sections is what is expected, and a section is reported when it is more than "
            "`band` times shorter or longer than that. Length counts CJK characters and the words of "
            "other scripts, so a Chinese original and its English translation compare fairly.",
            "A section a fraction of its source's length has usually lost text; one many times longer has "
            "text pasted from elsewhere.",
            "A section of 25 words whose source has 1,032 characters, where the pair's sections are "
            "on average 0.6 times as long as their source.",
            "- `band` (number, default 3.0): how many times shorter or longer than expected is reported.\n"
            "- `min-units` (integer, default 40): sections shorter than this (in words or CJK characters) "
            "on both sides are not judged.",
        ),
    ),
    Rule(
        "OL607",
        "untranslated",
        "Text of the target still in the source's language",
        check_untranslated,
        Severity.WARNING,
        {"min-letters": 20},
        doc=_doc(
            "Reports text of the target that is still in the source's language, when the two languages "
            "differ: a whole section (heading and text) once, else each heading, paragraph, or long run "
            "inside a paragraph. In two languages of one script, a paragraph copied unchanged from its "
            "source section is reported.",
            "A translation that still holds the original's text: readers of the target cannot read it.",
            "A Chinese paragraph `推进亚太经合组织数字经济合作进程。…` in the English translation.",
            "- `min-letters` (integer, default 20): shortest text, in letters (a CJK character counts as "
            "two), that is reported.",
        ),
    ),
    Rule(
        "OL608",
        "contents-not-in-source",
        "Target contents entry that neither document has",
        check_contents,
        Severity.WARNING,
        doc=_doc(
            "Reports an entry of the target's contents that has no heading in the target and stands for no "
            "section of the source. An entry for a source section the target lost is part of that "
            "section's OL601 finding instead.",
            "The contents promises a section that exists nowhere: a stale entry, or one for another document.",
            "A contents entry `5. Appendix` in a translation whose source has no appendix.",
        ),
    ),
)
