"""Numbering: gaps, duplicates, backward steps, wrong starts, wrong parents, level skips, mixed schemes."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any

from outlint.model import Document, Heading, Hit, Number, Paragraph, Related, Rule, Severity
from outlint.numbering import CHAPTER_SCHEMES, LAST_PLACE, family, format_label, parse
from outlint.outline import confirmed, contents_groups
from outlint.rules.common import heading_ref, quote

Out = Iterable[Hit]
# appendices, chapters and parts may stand beside any scheme (front matter numbered "1." before
# "Chapter 1."); they are never "mixed"
_UNORDERED = {"appendix", "chapter", "part", "book", "cjk-chapter", "cjk-part", "cjk-book"}
# the divisions of a book above its chapters
_PARTS = {"part", "book", "cjk-part", "cjk-book"}


def _groups(doc: Document) -> Iterator[tuple[Heading | None, Sequence[Heading]]]:
    yield None, doc.headings
    for h in doc.facts.headings:
        if h.children:
            yield h, h.children


def _sure(doc: Document, *headings: Heading | None) -> bool:
    """Whether every heading a finding stands on was read with confidence (``outline.confirmed``).

    Gates the sequence rules (gap, backwards, start): on a pool of real documents these are the
    findings a numbered list item read as a heading makes; measured there, the duplicate, parent,
    level-skip and mixed-scheme rules made none, so they are not gated."""
    sure = doc.facts.derive(confirmed)
    return all(h is None or id(h) in sure for h in headings)


def _under(parent: Heading | None) -> str:
    return f"under {heading_ref(parent)}" if parent else "at the top level"


def _prefix_ok(doc: Document, h: Heading) -> bool:
    """Whether a dotted number agrees with its parent's number (``3.1`` belongs under ``3``)."""
    n, p = h.number, doc.facts.parent(h)
    if n is None or n.depth < 2 or p is None or p.number is None:
        return True
    if family(p.number) == family(n):
        return n.depth <= p.number.depth or n.values[: p.number.depth] == p.number.values
    return n.values[:-1] == p.number.values[-(n.depth - 1) :]


Step = tuple[Heading, Heading | None, Heading | None, Number]


def _sequence(doc: Document) -> list[Step]:
    """(heading, previous sibling of the same family, parent, expected number) for numbered headings;
    computed once and shared by the gap, duplicate, backwards and start rules."""
    return list(doc.facts.derive(_all_steps))


def _all_steps(doc: Document) -> tuple[Step, ...]:
    return tuple(_steps(doc))


def _previous(doc: Document) -> dict[int, Heading | None]:
    """Each numbered heading's previous sibling of its family (by ``id``), from ``_sequence``."""
    return {id(h): prev for h, prev, _parent, _want in _sequence(doc)}


def _expected(doc: Document) -> dict[int, Number]:
    """The number each numbered heading's place calls for (by ``id``), from ``_sequence``."""
    return {id(h): want for h, _prev, _parent, want in _sequence(doc)}


def _steps(doc: Document) -> Iterator[Step]:
    cousins: dict[tuple[str, int, int], int] = {}  # last value per family, depth and level
    for parent, siblings in _groups(doc):
        last: dict[str, Heading] = {}
        for h in siblings:
            n = h.number
            if n is None or not _prefix_ok(doc, h):
                continue
            fam = family(n)
            if fam in _PARTS:
                # books and parts number their chapters afresh ("Book the Second" then "I.")
                last = {f: x for f, x in last.items() if f in _PARTS}
                cousins = {key: value for key, value in cousins.items() if key[0] in _PARTS}
            if "+part" in (h.style or ""):
                # a document made of parts numbers each part afresh (the reader saw the rule)
                last.pop(fam, None)
                cousins = {key: value for key, value in cousins.items() if key[0] != fam}
            prev = last.get(fam)
            last[fam] = h
            key = (fam, n.depth, h.level)
            cousin = cousins.get(key)
            cousins[key] = n.values[-1]
            if (
                prev is not None
                and prev.number is not None
                and prev.number.depth == n.depth
                and n.values[:-1] > prev.number.values[:-1]
            ):
                # "2.1" after "1.8." with no "2" between them: the sections of the next chapter,
                # whose heading the reader did not find, start afresh (OL206 says a level is skipped)
                prev = None
            if prev is not None and prev.number is not None and prev.number.depth == n.depth:
                values = (*prev.number.values[:-1], prev.number.values[-1] + 1)
            elif prev is None:
                # numbering may run on across parents (chapters continue from part to part)
                first = cousin + 1 if cousin is not None and n.values[-1] == cousin + 1 else 1
                values = (*n.values[:-1], first)
            else:
                continue
            yield h, prev, parent, Number(format_label(n, values), n.scheme, values)


def _by_tens(doc: Document, h: Heading, prev: Heading) -> bool:
    """Whether the contents numbers the same jump, to a round ten, with only unnumbered group
    lines between the two entries: FAQs that start each group of questions at the next ten
    ("3.2." under ONE-CHARACTER QUESTIONS, then CHANGING STRINGS over "3.10.")."""
    if h.number is None or h.number.values[-1] % 10 or not doc.toc or not doc.facts.alignment.reliable:
        return False
    al = doc.facts.alignment
    i, j = al.entry_for(h), al.entry_for(prev)
    if i is None or j is None or j >= i:
        return False
    listed, before = doc.toc[i].number, doc.toc[j].number
    if listed is None or before is None or h.number.values != listed.values or prev.number != before:
        return False
    return all(doc.toc[k].number is None for k in range(j + 1, i))


def _explained(doc: Document, h: Heading, prev: Heading | None) -> bool:
    """Whether the contents already explains a numbering step at ``h``: its own entry has another
    number (OL104 reports the renumbering), or the entries between the entry of ``prev`` (its
    previous sibling, or its parent when it comes first) and its own are siblings the document has
    no heading for (OL101 reports each lost section)."""
    if not doc.toc or not doc.facts.alignment.reliable:
        return False
    al = doc.facts.alignment
    i = al.entry_for(h)
    if i is None:
        return False
    if _stale(doc, h):
        return True
    parent = al.entry_parents[i]
    if prev is not None:
        j = al.entry_for(prev)
        if j is None or j >= i or al.entry_parents[j] != parent:
            return False
        between = [k for k in range(j + 1, i) if al.entry_parents[k] == parent]
    else:
        # the first of its kind under its parent: the entries before it of its own numbering
        # ("APPENDIX A" before "APPENDIX B", after the numbered sections) are the ones it follows on
        j = parent if parent is not None else -1
        fam = family(h.number) if h.number is not None else None
        # a contents lists chapters by their number alone ("1." for "Chapter 1.")
        fams = {fam, "decimal"} if fam in CHAPTER_SCHEMES else {fam}
        between = [
            k
            for k in range(j + 1, i)
            if al.entry_parents[k] == parent and (fam is None or _family_of(doc.toc[k].number) in fams)
        ]
    # (a group's label between them is no section: it numbers nothing)
    labels = doc.facts.derive(contents_groups)
    between = [k for k in between if k not in labels]
    return bool(between) and all(al.heading_for(k) is None for k in between)


def _family_of(n: Number | None) -> str | None:
    return family(n) if n is not None else None


def _kept_last(h: Heading, parent: Heading | None, doc: Document) -> bool:
    """Whether a heading numbered with nines is the last of its family among its siblings."""
    n = h.number
    if n is None or n.values[-1] not in LAST_PLACE:
        return False
    siblings = parent.children if parent is not None else doc.headings
    fam = family(n)
    after = siblings[next(k for k, x in enumerate(siblings) if x is h) + 1 :]
    return not any(x.number is not None and family(x.number) == fam for x in after)


def _listed_number(doc: Document, h: Heading) -> Number | None:
    """The number of ``h``'s contents entry, when the contents aligns with the headings."""
    if not doc.toc or not doc.facts.alignment.reliable:
        return None
    i = doc.facts.alignment.entry_for(h)
    return doc.toc[i].number if i is not None else None


def _stale(doc: Document, h: Heading) -> bool:
    """Whether the contents lists ``h`` with another number (OL104 reports that heading as
    renumbered): the step from it to its next sibling is that one renumbering, not a gap, a
    duplicate or a step back of its own."""
    listed = _listed_number(doc, h)
    return listed is not None and h.number is not None and listed.values != h.number.values


def _versioned(h: Heading) -> bool:
    """Whether a dotted heading is numbered after the version it describes ("1.2 Introduction to
    version 1.2", "2.0 Changes in 2.0"): its number stands in its title, so steps between its
    number and the one before follow the releases, not lost sections."""
    n = h.number
    if n is None or n.depth < 2:
        return False
    dotted = ".".join(str(v) for v in n.values)
    return re.search(rf"(?<![\w.]){re.escape(dotted)}(?![\w]|\.\d)", h.title) is not None


# A number with a letter after it, as FAQs number the questions that share a number ("3a) I have
# SMAUG, now what?", "3b) ..."), and the mark that closes it
_LETTERED = re.compile(r"([1-9]\d{0,3})[a-z]([).:])\s")


def _run_in(doc: Document, holder: Heading | None, number: Number, first: int) -> bool:
    """Whether the sections numbered ``first`` up to (not including) ``number`` are written run in,
    each a paragraph of ``holder``'s body (the preamble for None) that starts with its number, as
    older specifications set theirs ("1.1. The Domain Name System is ...", "1. MUST   This word"),
    or with its number and a letter, as FAQs number the questions that share it ("3a) ...")."""
    body = holder.body if holder is not None else doc.preamble
    fam = family(number)
    written: set[tuple[int, ...]] = set()
    for block in body:
        if isinstance(block, Paragraph):
            parsed = parse(block.text[:40])
            if parsed is not None and family(parsed[0]) == fam:
                written.add(parsed[0].values)
            lettered = _LETTERED.match(block.text) if number.depth == 1 else None
            if lettered is not None and number.label.endswith(lettered.group(2)):
                written.add((int(lettered.group(1)),))  # "3a) ...", "3b) ...": questions of number 3
    head = number.values[:-1]
    return all((*head, v) in written for v in range(first, number.values[-1]))


def check_gap(doc: Document, options: Mapping[str, Any]) -> Out:
    before = doc.facts.derive(_previous)
    for h, prev, parent, want in _sequence(doc):
        if prev and h.number and prev.number and h.number.values > want.values:
            twice = before.get(id(prev))
            if (
                twice is not None
                and twice.number is not None
                and twice.number.values == prev.number.values
                and h.number.values[-1] == want.values[-1] + 1
            ):
                continue  # "7, 7, 9": the second 7 is the 8 misnumbered, one defect (OL202 reports it)
            if _explained(doc, h, prev) or _stale(doc, prev) or not _sure(doc, h, prev) or _kept_last(h, parent, doc):
                continue
            if _by_tens(doc, h, prev):
                continue
            if _run_in(doc, prev, h.number, want.values[-1]):
                continue  # the sections between are paragraphs that start with their numbers
            if _versioned(h):
                continue
            if _misparented_between(doc, prev, h, want):
                continue  # "2.1, 3.2, 2.3": the "3.2" is the "2.2" misnumbered, one defect (OL205 reports it)
            if _moved_later(doc, h, parent, want):
                continue  # "2.2, 2.4, 2.3": the "2.3" was moved, out of the contents' order (OL105 reports it)
            yield (
                h.span,
                (
                    f"numbering gap: {quote(h.number.label)} follows {quote(prev.number.label)} "
                    f"{_under(parent)} (expected {quote(want.label)})"
                ),
            )


# The most numbers a step may skip for them all to be looked for among the later siblings.
MOVED_SPAN = 10


def _moved_later(doc: Document, h: Heading, parent: Heading | None, want: Number) -> bool:
    """Whether the step comes of sections moved out of the contents' order (OL105 reports the
    move), not of a lost one: the heading itself is out of that order, or every number it skips
    belongs to a sibling that is."""
    al = doc.facts.alignment
    if h.number is None or not doc.toc or not al.reliable or not al.out_of_order:
        return False
    if _moved(doc, h):
        return True
    bad = doc.facts.derive(_out_of_order)
    if not 0 < h.number.values[-1] - want.values[-1] <= MOVED_SPAN:
        return False
    numbered = doc.facts.derive(_sibling_numbers)
    head = want.values[:-1]
    for v in range(want.values[-1], h.number.values[-1]):
        if not any(al.entry_for(x) in bad for x in numbered.get((id(parent), (*head, v)), ())):
            return False
    return True


def _renumbered_from(doc: Document) -> frozenset[tuple[int, ...]]:
    """The numbers the contents gives headings that now carry another one (each OL104)."""
    if not doc.toc or not doc.facts.alignment.reliable:
        return frozenset()
    out = set()
    for i, x in doc.facts.alignment.pairs:
        listed = doc.toc[i].number
        if listed is not None and x.number is not None and listed.values != x.number.values:
            out.add(listed.values)
    return frozenset(out)


def _moved(doc: Document, *headings: Heading) -> bool:
    """Whether the contents lists any of ``headings`` out of the order they come in (OL105)."""
    al = doc.facts.alignment
    if not doc.toc or not al.reliable or not al.out_of_order:
        return False
    bad = doc.facts.derive(_out_of_order)
    return any(al.entry_for(x) in bad for x in headings)


def _out_of_order(doc: Document) -> frozenset[int]:
    return frozenset(doc.facts.alignment.out_of_order)


def _sibling_numbers(doc: Document) -> dict[tuple[int, tuple[int, ...]], list[Heading]]:
    """The numbered headings by (id of their parent, number), in document order."""
    out: dict[tuple[int, tuple[int, ...]], list[Heading]] = {}
    for x in doc.facts.headings:
        if x.number is not None:
            out.setdefault((id(doc.facts.parent(x)), x.number.values), []).append(x)
    return out


def _heading_index(doc: Document) -> dict[int, int]:
    return {id(h): k for k, h in enumerate(doc.facts.headings)}


# How many headings between two siblings are looked through for the one misnumbered between them
MISPARENTED_LOOK = 20


def _misparented_between(doc: Document, prev: Heading, h: Heading, want: Number) -> bool:
    """Whether a heading between two siblings has the wanted number's last part under another
    prefix ("3.2." between "2.1." and "2.3."): the missing sibling, misnumbered."""
    index = doc.facts.derive(_heading_index)
    a, b = index.get(id(prev)), index.get(id(h))
    if a is None or b is None:
        return False
    for x in doc.facts.headings[a + 1 : min(b, a + 1 + MISPARENTED_LOOK)]:
        n = x.number
        if n is not None and n.depth == want.depth and n.values[-1] == want.values[-1] and n.values != want.values:
            return True
    return False


def check_duplicate(doc: Document, options: Mapping[str, Any]) -> Out:
    repeated: set[int] = set()  # headings reported as duplicates
    for h, prev, parent, _want in _sequence(doc):
        if (
            prev
            and h.number
            and prev.number
            and h.number.values == prev.number.values
            and not _new_group(doc, h, prev)
            and not _stale(doc, prev)
            and not _stale(doc, h)  # the contents lists it with another number: OL104 reports it
        ):
            repeated.add(id(h))
            yield h.span, (f"duplicate number {quote(h.number.label)} {_under(parent)} (also line {prev.span.line})")
    yield from _contents_duplicates(doc, repeated)


def _renumbered(doc: Document, i: int, repeated: set[int]) -> bool:
    h = doc.facts.alignment.heading_for(i)
    number = doc.toc[i].number
    if h is None or number is None:
        return False
    return id(h) in repeated or h.number is None or h.number.values != number.values


def _contents_duplicates(doc: Document, repeated: set[int]) -> Out:
    """Two sibling entries of the contents with one number ("2.4." twice), unless the headings
    repeat it too: that duplicate is reported once, at the heading. A number repeated down a run
    of entries ("APPENDIX 2: Exercise Answers 1", "APPENDIX 2: Exercise Answers 2" ...) is one
    finding, at the first repeat."""
    if not doc.toc:
        return
    al = doc.facts.alignment
    last: dict[tuple[int | None, str], int] = {}  # (parent entry, family) -> previous sibling
    again: set[int] = set()  # entries that repeat the number of the sibling before them
    for i, entry in enumerate(doc.toc):
        if entry.number is None:
            continue
        key = (al.entry_parents[i], family(entry.number))
        prev = last.get(key)
        last[key] = i
        before = doc.toc[prev].number if prev is not None else None
        if prev is None or before is None or before.values != entry.number.values:
            continue
        again.add(i)
        if prev in again:
            continue  # the same run of one number: reported at its first repeat
        if any(_renumbered(doc, k, repeated) for k in (prev, i)):
            continue  # the headings repeat it too, or one of the two is a stale number: reported there
        where = f"line {doc.toc[prev].span.line}"
        yield entry.span, f"duplicate number {quote(entry.number.label)} in the contents (also {where})"


def _new_group(doc: Document, h: Heading, prev: Heading) -> bool:
    """Whether the contents lists two headings under different captions (Sphinx numbers each
    captioned toctree from 1): there, numbering starting again is no step back."""
    entries = doc.facts.derive(_entries_of)
    a, b = entries.get(id(h)), entries.get(id(prev))
    return a is not None and b is not None and doc.toc[a].group != doc.toc[b].group


def _entries_of(doc: Document) -> dict[int, int]:
    return {id(h): i for i, h in doc.facts.alignment.pairs}


def _stepped(doc: Document) -> frozenset[int]:
    """The headings (by ``id``) the gap and start rules report: a number that leapt or started high."""
    spans = {id(span) for rule in (check_gap, check_start) for span, *_ in rule(doc, {})}
    return frozenset(id(h) for h in doc.facts.headings if id(h.span) in spans)


def check_backwards(doc: Document, options: Mapping[str, Any]) -> Out:
    before = doc.facts.derive(_previous)
    wanted = doc.facts.derive(_expected)
    for h, prev, parent, want in _sequence(doc):
        if prev and _new_group(doc, h, prev):
            continue
        if prev and h.number and prev.number and h.number.values < prev.number.values:
            # (compared whole: "1.3" after "2.1" goes back a chapter, though 3 is more than 1)
            if _stale(doc, prev) or not _sure(doc, h, prev):
                continue
            if _moved(doc, h, prev):
                continue  # it or the sibling before it was moved out of the contents' order: OL105 reports it
            earlier = before.get(id(prev))
            leapt = id(prev) in doc.facts.derive(_stepped)
            if leapt and earlier is not None and earlier.number and earlier.number.values < h.number.values:
                continue  # "5.10.1", "5.10.4", "5.10.3": the one number that leapt is reported, as a gap
            if leapt and earlier is None and id(prev) in wanted and wanted[id(prev)].values < h.number.values:
                continue  # "7.3", "7.2": the first started too high, and is reported so
            yield (
                h.span,
                (
                    f"numbering goes backwards: {quote(h.number.label)} follows "
                    f"{quote(prev.number.label)} {_under(parent)} (expected {quote(want.label)})"
                ),
            )


def _own_style(doc: Document, h: Heading) -> bool:
    """Whether a heading is set in a style (an underline) no other heading of the document uses:
    the title style of a chapter file."""
    style = h.style or ""
    return h.marked and sum(1 for x in doc.facts.headings if x.style == style) == 1


# Schemes whose label names the kind of division it numbers ("Chapter 7.", "Appendix B", "Part VI.").
_NAMED = frozenset({"chapter", "appendix", "part", "cjk-chapter"})


def _placed(n: Number | None, top: int) -> bool:
    """Whether a file's first top-level number places it inside a larger work: dotted, or the
    one (of ``top`` numbered top-level headings) chapter or appendix named so."""
    return n is not None and (n.depth >= 2 or (top == 1 and n.scheme in _NAMED))


# A file's title sits on one of its first lines.
TITLE_LINES = 3


_INFO_HEADER = re.compile(r"File: [^,\s]+,\s+Node: ([^,]+),(.*)")
_INFO_PREV = re.compile(r"\bPrev: ([^,]+)")


def _info_piece(doc: Document) -> bool:
    """A later piece of a split Info manual (``m4.info-2``): its first node's previous node is in
    another piece, so its numbering starts where that piece's ends."""
    nodes: list[tuple[str, str]] = []
    for line in doc.facts.lines:
        m = _INFO_HEADER.match(line)
        if m:
            nodes.append((m.group(1).strip(), m.group(2)))
    if not nodes:
        return False
    prev = _INFO_PREV.search(nodes[0][1])
    return prev is not None and prev.group(1).strip() not in {name for name, _ in nodes}


def check_start(doc: Document, options: Mapping[str, Any]) -> Out:
    # A web page with one numbered top-level heading is a chapter of a larger work (a page of a
    # multi-page manual): its number says where it sits in the book, not that chapters are missing.
    # A text file that starts at "2." has lost its beginning.
    pages = options.get("chapter-page-formats", ("markdown", "html"))
    numbered = [h for h in doc.headings if h.number]
    # any file whose one numbered top-level heading is its title, on its first lines, underlined in
    # a style of its own, is a chapter of a book too (one chapter of a manual exported to text, as
    # Sphinx numbers its pages: "10. sphinx.ext.graphviz", with or without sub-sections)
    titled = len(numbered) == 1 and numbered[0].span.line <= TITLE_LINES and _own_style(doc, numbered[0])
    # a file cut out of a chunked manual (one DocBook page or split Info file exported to text)
    # starts where its piece of the book starts: at a dotted section whose chapter is in another
    # file ("3.5.", "12.1.7"), or at its one chapter, appendix or part named so ("Chapter 7.", "Part VI.")
    chunk = bool(numbered) and (_placed(numbered[0].number, len(numbered)) or doc.facts.derive(_info_piece))
    chapter = (doc.format in pages and len(numbered) == 1) or titled
    started: set[int] = set()  # parents whose numbering was reported to start late
    for h, prev, parent, want in _sequence(doc):
        if parent is None and (chapter or (chunk and h is numbered[0])):
            continue
        if prev is not None or not h.number or h.number.values[-1] == want.values[-1]:
            continue
        if h.number.values[-1] == 0 and want.values[-1] == 1:
            continue  # counted from zero ("0. PREAMBLE", "Chapter 0"): no beginning lost
        if id(parent) in started:
            continue  # one loss of a beginning makes every scheme under the parent start late
        if _explained(doc, h, None) or not _sure(doc, h) or _versioned(h):
            continue
        if _run_in(doc, parent, h.number, want.values[-1]):
            continue  # the first sections are paragraphs that start with their numbers
        if want.values in doc.facts.derive(_renumbered_from):
            continue  # the contents lists the first one with that number, now another: OL104 reports it
        started.add(id(parent))
        yield (
            h.span,
            (f"numbering starts at {quote(h.number.label)} {_under(parent)} (expected {quote(want.label)})"),
        )


def check_parent(doc: Document, options: Mapping[str, Any]) -> Out:
    """One finding per parent and per number the sections call for: "4.1" to "4.4" left under
    "3." when their chapter heading is lost are one problem, not four. Silent where the contents
    already names the cause: it lists that chapter with no heading for it (OL101), or lists the
    parent with the number its sections carry (the parent was renumbered, OL104), or lists the
    section itself with a number that fits its parent (the section was renumbered, OL104)."""
    groups: dict[tuple[int, tuple[int, ...]], list[Heading]] = {}
    lost = doc.facts.derive(_lost_in_contents)
    for h in doc.facts.headings:
        parent = doc.facts.parent(h)
        if _prefix_ok(doc, h) or not (h.number and parent and parent.number):
            continue
        same = family(parent.number) == family(h.number)
        prefix = h.number.values[: parent.number.depth] if same else h.number.values[:-1]
        listed = _listed_number(doc, parent)
        if listed is not None and listed.values == prefix and _stale(doc, parent):
            continue  # the parent was renumbered since the contents: OL104 reports it
        own = _listed_number(doc, h)
        if same and own is not None and _stale(doc, h) and own.values[: parent.number.depth] == parent.number.values:
            continue  # the contents lists it under its parent ("10.2" for "9.2"): OL104 reports it
        groups.setdefault((id(parent), prefix), []).append(h)
    expected = doc.facts.derive(_expected)
    for (_, prefix), members in groups.items():
        h = members[0]
        if _lost_just_before(doc, lost, prefix, h):
            continue
        parent = doc.facts.parent(h)
        want = expected.get(id(parent)) if parent is not None else None
        if want is not None and want.values == prefix and id(parent) in doc.facts.derive(_stepped):
            continue  # the sections carry the number the parent's place calls for: the parent's is off
        assert parent is not None and parent.number is not None and h.number is not None
        names = _listing([quote(m.number.label) for m in members if m.number is not None])
        verb = "is" if len(members) == 1 else "are"
        related = tuple(Related(m.span, f"{heading_ref(m)} also sits there") for m in members[1:])
        yield (
            h.span,
            f"{names} {verb} under {heading_ref(parent)}, whose number is {quote(parent.number.label)}",
            related,
        )


def _lost_in_contents(doc: Document) -> dict[tuple[int, ...], int]:
    """The numbers of the contents entries that pair with no heading (each reported by OL101), to
    the entry's index."""
    if not doc.toc or not doc.facts.alignment.reliable:
        return {}
    al = doc.facts.alignment
    return {e.number.values: k for k in al.unmatched_entries if k < al.tail and (e := doc.toc[k]).number is not None}


def _unmatched(doc: Document) -> frozenset[int]:
    return frozenset(doc.facts.alignment.unmatched_entries)


def _lost_just_before(doc: Document, lost: Mapping[tuple[int, ...], int], number: tuple[int, ...], h: Heading) -> bool:
    """Whether the heading numbered ``number``, which ``h`` (the first of the sections that call
    for it) lacks, is the one heading lost in front of it: the contents lists it with no heading,
    directly before the entry of ``h``, by that number or, unnumbered, as the parent of the entry
    of ``h`` ("General Information" over "1.1 Introduction"). Its sections are then that one lost
    heading, which OL101 reports, not numbering findings of their own; sections found further on,
    past more lost entries, still say where they ended up."""
    al = doc.facts.alignment
    k = lost.get(number)
    if k is None:
        i = al.entry_for(h) if doc.toc and al.reliable else None
        if not i or i - 1 not in doc.facts.derive(_unmatched):
            return False
        parent = doc.toc[i - 1]
        return parent.number is None and parent.level == doc.toc[i].level - 1
    i = al.entry_for(h)
    if i is not None:
        return i == k + 1
    # a section the contents does not go deep enough to list: the lost entry's neighbours pair
    # with the headings around it
    before = al.heading_for(k - 1) if k > 0 else None
    after = al.heading_for(k + 1) if k + 1 < len(doc.toc) else None
    return (k == 0 or (before is not None and before.span.line < h.span.line)) and (
        k + 1 == len(doc.toc) or (after is not None and after.span.line > h.span.line)
    )


def check_level_skip(doc: Document, options: Mapping[str, Any]) -> Out:
    """One finding per missing level: the headings that skip it under one parent (and, when numbered,
    under one missing number such as "2.1") are listed together, and unnumbered ones that skip it
    under every parent of one level are one finding for the document."""
    top = min((h.level for h in doc.headings), default=1)
    groups: dict[tuple[int, tuple[int, ...] | None], list[Heading]] = {}
    first = doc.facts.headings[0].number if doc.facts.headings else None
    # a part of a document split in files (an Info file's "screen.info-3") opens inside a numbered
    # run ("10.5 Mode"): the headings before its first top-level one continue the part before
    continued = first is not None and first.depth >= 2 and (first.values[-1] > 1 or doc.facts.derive(_info_piece))
    for h in doc.facts.headings:
        parent = doc.facts.parent(h)
        base = parent.level if parent else 0
        continued = continued and h.level > top
        if continued and parent is None and h.number is not None:
            continue
        if h.level > base + 1 and not (parent is None and top == h.level):
            missing = _missing(h, parent)
            if parent is None and missing is None and h.number is None:
                # unnumbered headings before the first shallower one: the document starts at
                # its own level ("### Synopsis" under a page title its front matter gives), as
                # markdownlint's heading-increment reads it; a later shallower heading ("## See
                # Also") is not the parent they lack
                continue
            groups.setdefault((id(parent), missing), []).append(h)
    lost = doc.facts.derive(_lost_in_contents)
    # Unnumbered headings that skip the same level under parents of one level are one habit of the
    # document (a changelog generator's "### Features" under each "# 7.8.0"): one finding, at the
    # first place, with the others as related locations. A numbered heading names the one heading
    # missing above it, which is a defect of its own.
    habits: dict[tuple[int, int], tuple[tuple[int, ...] | None, list[list[Heading]]]] = {}
    for (_, missing), members in groups.items():
        if missing is not None and _lost_just_before(doc, lost, missing, members[0]):
            continue  # the contents lists the heading in between, and OL101 reports it lost
        h = members[0]
        parent = doc.facts.parent(h)
        key = ((parent.level if parent else 0), h.level) if missing is None else (-1, id(h))
        habits.setdefault(key, (missing, []))[1].append(members)
    for missing, places in habits.values():
        members = places[0]
        h = members[0]
        parent = doc.facts.parent(h)
        base = parent.level if parent else 0
        where = f"level {base} heading {heading_ref(parent)}" if parent else "the top level"
        names = _listing([heading_ref(m) for m in members])
        message = f"heading level skips from {base} to {h.level}: {names} directly under {where}"
        if missing is not None and h.number is not None:
            message += f" (no heading {quote(format_label(h.number, missing).rstrip('.'))})"
        if len(places) > 1:
            message += f", and under {len(places) - 1} more level {base} heading{'s' if len(places) > 2 else ''}"
        related = tuple(Related(m.span, f"{heading_ref(m)} also skips a level") for m in members[1:])
        related += tuple(Related(other[0].span, f"{heading_ref(other[0])} also skips a level") for other in places[1:])
        yield h.span, message, related


def _missing(h: Heading, parent: Heading | None) -> tuple[int, ...] | None:
    """The number of the heading that would sit between a dotted heading and its parent."""
    n = h.number
    if n is None or n.depth < 2:
        return None
    if parent is None:
        return n.values[:1]
    p = parent.number
    if p is None or n.values[: p.depth] != p.values or n.depth <= p.depth + 1:
        return None
    if family(p) != family(n) and family(p) not in CHAPTER_SCHEMES:
        return None
    return n.values[: p.depth + 1]


def _listing(names: Sequence[str]) -> str:
    if len(names) == 1:
        return names[0]
    shown = names[:5]
    rest = len(names) - len(shown)
    if rest:
        return ", ".join(shown) + f" and {rest} more"
    return ", ".join(shown[:-1]) + " and " + shown[-1]


def check_mixed(doc: Document, options: Mapping[str, Any]) -> Out:
    for parent, siblings in _groups(doc):
        first: Heading | None = None
        for h in siblings:
            if h.number is None or family(h.number) in _UNORDERED:
                continue
            if first is None or first.number is None:
                first = h
                continue
            if family(h.number) != family(first.number):
                yield (
                    h.span,
                    (
                        f"{quote(h.number.label)} mixes numbering schemes {_under(parent)}: its siblings "
                        f"use {first.number.scheme} like {quote(first.number.label)}"
                    ),
                )


_DOC = """\
## What it does
{what}

## Why is this bad?
{why}

## Example
{example}

## Options
None.
"""

RULES = (
    Rule(
        "OL201",
        "numbering-gap",
        "Numbers skip a value",
        check_gap,
        Severity.ERROR,
        doc=_DOC.format(
            what=(
                "Reports a numbered heading whose number jumps past the next expected value among its siblings. "
                "A last section numbered with nines (`99.`, `1.99`), as some series keep their closing section, "
                "is a place, not a gap; so is a section numbered after the version it describes, its "
                "number standing in its title (`1.2 Introduction to version 1.2`), and a jump to a round ten "
                "that the contents numbers too, with only unnumbered group lines between (FAQs that start "
                "each group of questions at the next ten: `4.3.`, then `4.10.`)."
            ),
            why="Sections between the two numbers are missing, or a heading was moved here from elsewhere.",
            example="`(5) Clean cyberspace` followed by `(10) Shared benefits` under the same chapter.",
        ),
    ),
    Rule(
        "OL202",
        "numbering-duplicate",
        "Two siblings share a number",
        check_duplicate,
        Severity.ERROR,
        doc=_DOC.format(
            what="Reports a heading that repeats the number of its previous sibling.",
            why="References by number become ambiguous; often a section was copied or renumbered by hand.",
            example="`2.3 Scope` followed by `2.3 Terms`.",
        ),
    ),
    Rule(
        "OL203",
        "numbering-backwards",
        "Numbers go backwards",
        check_backwards,
        Severity.ERROR,
        doc=_DOC.format(
            what="Reports a heading whose number is lower than its previous sibling's.",
            why="Sections were reordered without renumbering, or a restart is in the wrong place.",
            example="`4. Results` followed by `3. Method`.",
        ),
    ),
    Rule(
        "OL204",
        "numbering-start",
        "Numbering does not start at the first value",
        check_start,
        Severity.ERROR,
        {"chapter-page-formats": ["markdown", "html"]},
        doc=_DOC.format(
            what="Reports the first heading of a numbering sequence (per parent and scheme) when it is not "
            "the first value (`1`, `(1)`, `A.`, `i.`, `一、`). A Markdown or HTML page whose only numbered "
            "top-level heading is `9. API Reference` is one chapter of a larger work (a page of a "
            "manual) and may start anywhere; so is a file of any format whose one numbered top-level heading is "
            "its title, on its first lines, underlined as no other heading is, with its sections under it, "
            "and a file that starts at a dotted section whose chapter it lacks (`3.5.`), or whose one "
            "numbered top-level heading is `Chapter 7.` or `Appendix B` (one page of a chunked manual, "
            "one part of a split Info file). "
            "A section numbered after the version it describes (`1.2 Introduction to version 1.2`) may "
            "start anywhere too.",
            why="The first sections of the sequence are missing.",
            example="Chapter `2.` whose first section is `(3)`.",
        ).replace(
            "## Options\nNone.",
            '## Options\n- `chapter-page-formats` (list, default `["markdown", "html"]`): formats whose '
            "files may be single chapters.",
        ),
    ),
    Rule(
        "OL205",
        "numbering-wrong-parent",
        "Dotted number under the wrong parent",
        check_parent,
        Severity.ERROR,
        doc=_DOC.format(
            what="Reports dotted numbers whose prefix does not match their parent heading's number, once per "
            "parent and prefix. The sections of a chapter whose heading alone is lost (the contents lists it "
            "with no heading just before them, and OL101 reports it), or the sections under a parent "
            "whose contents entry has the sections' prefix (OL104 reports the parent), "
            "is not reported again.",
            why="The section sits in the wrong chapter, or its chapter heading was lost.",
            example="`3.1 Scope` directly under `2. Terms`.",
        ),
    ),
    Rule(
        "OL206",
        "heading-level-skip",
        "Heading level skips a level",
        check_level_skip,
        Severity.WARNING,
        doc=_DOC.format(
            what="Reports a heading more than one level deeper than its parent, once per parent and missing "
            "number. A skipped heading that the contents lists just before them (OL101 reports it lost) is not "
            "reported again. Unnumbered headings that skip the same level under every parent of one level (a "
            "changelog's `### Features` under each `# 1.2.0`) are one finding, at the first place, with the "
            "others as related locations. Unnumbered headings before the document's first shallower heading are "
            "where the document starts (a page whose title is in its front matter starts at `###`), not a skip.",
            why="An intermediate heading is missing; outlines and navigation panes show a hole.",
            example="`1. Intro` followed directly by `1.1.1 Detail`.",
        ),
    ),
    Rule(
        "OL207",
        "numbering-mixed-schemes",
        "Siblings use different numbering schemes",
        check_mixed,
        Severity.WARNING,
        doc=_DOC.format(
            what="Reports a heading whose numbering scheme differs from its siblings'.",
            why="Mixed schemes at one level usually mean a heading was pasted from another document.",
            example="`1. Scope`, `2. Terms`, `C. Conformance` as siblings.",
        ),
    ),
)
