"""Contents vs headings: the table of contents a document declares against the headings it has."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any
from urllib.parse import unquote

from outlint.model import Document, Heading, Hit, Related, Rule, Severity, Span
from outlint.outline import Alignment, contents_groups, normalize_title, without_article
from outlint.rules.common import heading_ref, indent, quote

Out = Iterable[Hit]


def _entry_ref(doc: Document, i: int) -> str:
    e = doc.toc[i]
    return quote(f"{e.number.label} {e.title}" if e.number else e.title)


def _level_offset(doc: Document, al: Alignment) -> int:
    """Heading level minus contents level, as most matched pairs agree (a title above all is common)."""
    offsets = Counter(h.level - doc.toc[i].level for i, h in al.pairs)
    return offsets.most_common(1)[0][0] if offsets else 0


def _expected_offsets(doc: Document, al: Alignment) -> tuple[int, dict[int, int]]:
    """The document's heading-minus-contents level offset, and each paired entry's expected one.

    A heading one level too deep takes its sections along with it (``### API`` under ``## Install``,
    its functions at ``####``): an entry is expected at the offset its nearest paired contents
    ancestor actually has, so the one misplaced heading is reported, not each of its children. The
    document's own offset is what most top entries (those with no paired ancestor) agree on: a
    contents whose children outnumber its chapters would otherwise take a child's offset for it."""
    actual = {i: h.level - doc.toc[i].level for i, h in al.pairs}
    ancestor: dict[int, int | None] = {}
    for i in actual:
        p = al.entry_parents[i]
        while p is not None and p not in actual:
            p = al.entry_parents[p]
        ancestor[i] = p
    roots = Counter(actual[i] for i, p in ancestor.items() if p is None)
    base = roots.most_common(1)[0][0] if roots else _level_offset(doc, al)
    return base, {i: base if p is None else actual[p] for i, p in ancestor.items()}


_NON_WORD = re.compile(r"[\W_]+")


def _letters(text: str) -> str:
    return _NON_WORD.sub("", unicodedata.normalize("NFKC", text).casefold())


def _link_name(doc: Document, i: int, h: Heading) -> str | None:
    """The anchor by which contents entry ``i`` links to heading ``h``, if it does."""
    target = doc.toc[i].target
    if not target or not target.startswith("#"):
        return None
    name = unquote(target[1:])
    return name if doc.anchors.get(name) is h or h.anchor == name else None


def _short_label(doc: Document, i: int, h: Heading) -> bool:
    """A linked entry may show a shorter label made of the heading's words (``Automatic installer``
    for ``1. Automatic installer (Recommended)``): the link says which heading it means."""
    if _link_name(doc, i, h) is None:
        return False
    return set(normalize_title(doc.toc[i].title).split()) <= set(normalize_title(h.label).split())


def _spelled_number(doc: Document, i: int, h: Heading) -> bool:
    """A linked entry whose anchor spells the heading's number and title (``#a-getting-pyenv``) was
    written against the numbered heading, even if its label leaves the number out."""
    name = _link_name(doc, i, h)
    return name is not None and _letters(name) == _letters(h.label)


def _related(doc: Document, i: int) -> tuple[Related, ...]:
    """The contents entry of a paired finding, as its related location."""
    return (Related(doc.toc[i].span, f"contents entry {_entry_ref(doc, i)}"),)


# A heading of more words than this (a question, a sentence) is often listed by a short form.
LONG_TITLE = 8
_FUNCTION = frozenset("a an the of to in on at by for is it its this that and or do does".split())


def _abbreviated(entry: str, heading: str, widest: int) -> bool:
    """A contents may show a long heading by a short form of it (DocBook's ``titleabbrev``): the
    heading is longer than any entry the contents shows, and the entry's words are its words."""
    words = heading.split()
    if len(heading) <= widest or len(words) <= LONG_TITLE or len(entry.split()) * 2 > len(words):
        return False
    return all(w in words or w in _FUNCTION for w in entry.split())


def _shortened(doc: Document, i: int, h: Heading) -> bool:
    """A contents may list a heading by its first words ("NTP Data Format" for "NTP Data Format -
    Version 1"), or by its number alone: the entry is a prefix of the heading, word for word, of
    two words or more, or no words at all. A link that does not lead to the heading says the
    heading was renamed since."""
    if doc.toc[i].target is not None and _link_name(doc, i, h) is None:
        return False
    if not doc.toc[i].title.strip() and doc.toc[i].number is not None:
        return True  # the entry lists the section by its number alone ("Appendix A .......... 31")
    words, head = normalize_title(doc.toc[i].title).split(), normalize_title(h.title).split()
    if len(words) == 1 and len(head) > 1 and head[0] == words[0]:
        # one word, then a colon or a dash: the heading's label and what it adds ("Connections:
        # RFC-959 Section 5.2", as RFC 1123 titles its sections by the section they amend)
        rest = h.title.strip()[len(doc.toc[i].title.strip()) :]
        return rest.lstrip().startswith((":", "-", "–", "—")) and h.title.lower().startswith(doc.toc[i].title.lower())
    return len(words) >= 2 and len(words) < len(head) and head[: len(words)] == words


# a remark in parentheses at the end of a title is short: "(Recommended)", "(Plus important compilation notes)"
REMARK_CHARS = 80


def _without_remark(title: str) -> str:
    body = title.rstrip(" .:")
    start = body.rfind("(")
    if not body.endswith(")") or start < 0 or ")" in body[start:-1] or len(body) - start > REMARK_CHARS:
        return title
    return body[:start].rstrip()


def _remark(entry: str, heading: str) -> bool:
    """One title is the other with a remark in parentheses added at its end (the contents says
    more of a question than its heading: "On what machines will it run?  (Plus important
    compilation notes)"): the same section, described."""
    e, h = _without_remark(entry), _without_remark(heading)
    if (e == entry) == (h == heading):
        return False  # no remark, or one on both sides (then the words before it are compared)
    return normalize_title(e) == normalize_title(h) != ""


def _completes(doc: Document, parent: int | None, entry: str, heading: str) -> bool:
    """Entries under a parent whose title trails off ("How does zsh differ from...?") complete
    it ("sh and ksh?"), and their headings say the same in full ("Differences from sh and ksh"):
    the heading ends with the entry's words."""
    if parent is None or not entry:
        return False
    if not doc.toc[parent].title.rstrip(" ?:").endswith(("...", "…")):
        return False
    return heading == entry or heading.endswith(" " + entry)


def _caption(doc: Document, i: int) -> bool:
    """An entry with no page number in a contents whose entries have them, over entries that do
    ("Appendices" above "Appendix A. ... 43"): the caption of a group, not a section of its own."""
    toc = doc.toc
    if toc[i].page is not None or i + 1 >= len(toc) or toc[i + 1].page is None:
        return False
    return sum(1 for e in toc if e.page is not None) * 2 > len(toc)


# Numbered entries over unnumbered headings, this many and this share of the numbered entries paired
# at least, are the document's scheme.
BARE_HEADINGS = 3
BARE_SHARE = 0.8


def _verdicts(doc: Document) -> dict[int, str]:
    """What is wrong with each contents pair, at most one thing, the first of: ``number``
    (renumbered, maybe renamed too), ``title`` (renamed), ``parent`` (under another parent than
    its entry), ``order`` (moved among its siblings). A pair with a verdict is not reported again
    at a wrong level or out of order."""
    al = doc.facts.alignment
    out: dict[int, str] = {}
    numbered = any(e.number for e in doc.toc)
    widest = max((len(e.title) for e in doc.toc), default=0)
    bad_order = set(al.out_of_order)
    moved = _renumbered_by_a_move(doc)
    # a contents that numbers its entries over headings that carry no numbers, nearly all of
    # them: the numbers are the contents' own (a README's centred headings), not lost ones
    listed = [h for i, h in al.pairs if doc.toc[i].number is not None]
    bare = len(listed) >= BARE_HEADINGS and sum(h.number is None for h in listed) >= BARE_SHARE * len(listed)
    for i, h in al.pairs:
        if i >= al.tail:
            continue  # past the end of a document that stops early: a line that carries the title
        e = doc.toc[i]
        a = e.number.values if e.number else None
        b = h.number.values if h.number else None
        number_ok = (
            (e.number is None and not numbered)
            or _spelled_number(doc, i, h)
            or a == b
            or i in moved
            or (bare and b is None)
        )
        ne, nh = normalize_title(e.title), normalize_title(h.title)
        # the same letters broken apart elsewhere are one title: a word hyphenated where one of
        # them wrapped ("regular expres-" / "sions?"), "set up" and "setup"
        title_ok = (
            ne.replace(" ", "") == nh.replace(" ", "")
            or without_article(ne) == without_article(nh)
            or _short_label(doc, i, h)
            or _abbreviated(ne, nh, widest)
            or _shortened(doc, i, h)
            or _remark(e.title, h.title)
            or _completes(doc, al.entry_parents[i], ne, nh)
            or (
                _IPR_ENTRY.fullmatch(e.title.strip()) is not None
                and _RFC_CLOSING.fullmatch(h.title.strip()) is not None
            )
            or _labelled_again(ne, nh, h)
        )
        if not number_ok:
            out[i] = "number"
        elif not title_ok:
            out[i] = "title"
        elif _misplaced(doc, i, h):
            out[i] = "parent"
        elif i in bad_order:
            out[i] = "order"
    return out


def _renumbered_by_a_move(doc: Document) -> set[int]:
    """Entries whose heading's number differs only because sections were moved and the body then
    renumbered in its new order: among the paired siblings of one contents parent, the numbers in
    body order are the numbers in contents order. Contents "2.2 Servers, 2.3 Backups" over a body
    "2.2 Backups, 2.3 Servers" is one move (reported as out of order), not two renumberings."""
    al = doc.facts.alignment
    siblings: dict[int | None, list[tuple[int, Heading]]] = {}
    for i, h in al.pairs:
        siblings.setdefault(al.entry_parents[i], []).append((i, h))
    out: set[int] = set()
    for pairs in siblings.values():
        listed = [doc.toc[i].number for i, _ in pairs]
        shown = [h.number for _, h in sorted(pairs, key=lambda p: p[1].span.line)]
        if len(pairs) < 2 or any(n is None for n in listed + shown):
            continue
        if [n.values for n in listed if n] != [n.values for n in shown if n]:
            continue
        for i, h in pairs:
            number = doc.toc[i].number
            if number is not None and h.number is not None and number.values != h.number.values:
                out.add(i)
    return out


def _misplaced(doc: Document, i: int, h: Heading) -> bool:
    """Whether a heading sits under another parent than its entry: the contents parent is not the
    body parent, and the body parent is the top level or a heading the contents lists too (under
    a heading the contents does not know, where a section sits says little)."""
    al = doc.facts.alignment
    p = al.entry_parents[i]
    if p is None:
        return False
    parent = doc.facts.parent(h)
    return al.heading_for(p) is not parent and (parent is None or al.entry_for(parent) is not None)


def _checked(doc: Document) -> bool:
    """Whether contents findings can be made: there is a contents and it aligns with the headings."""
    return bool(doc.toc) and doc.facts.alignment.reliable


# A line of the body that starts with a section number (and the word "Appendix" before it)
_NUMBERED_LINE = re.compile(r"[ \t]*((?:appendix\s+)?[a-z0-9]{1,5}(?:\.[0-9]{1,5})*)\.?(?![a-z0-9])", re.IGNORECASE)


def _body_lines_by_number(doc: Document) -> dict[str, list[int]]:
    """The plain-text lines after the contents that start with a section number and stand apart
    from the line above, as headings do (the lines of a chapter's own contents follow one another),
    by that number: their indexes in ``doc.facts.lines``. A line with another numbered line right
    under it begins a chapter's own contents."""
    out: dict[str, list[int]] = {}
    if doc.format != "text":
        return out
    after = doc.toc_span.end_line if doc.toc_span else 0
    lines = doc.facts.lines
    found: list[tuple[int, str]] = []
    for k in range(max(after, 1), len(lines)):
        if lines[k - 1].strip():
            continue  # tested first: most lines follow another
        m = _NUMBERED_LINE.match(lines[k])
        if m and not (k + 1 < len(lines) and lines[k + 1].strip() and _listed_next(lines[k + 1])):
            found.append((k, m.group(1).lower()))
    listing = _spaced_listings(lines, [k for k, _ in found])
    for k, number in found:
        if k not in listing:
            out.setdefault(number, []).append(k)
    return out


# A run of this many numbered lines one blank line apart, at one indent, with no text between, is
# a chapter's own contents spaced out (as links renders DocBook's), not headings over their text.
SPACED_LISTING = 3


def _spaced_listings(lines: Sequence[str], numbered: Sequence[int]) -> set[int]:
    """The numbered lines (indexes, in order) that belong to such runs."""
    out: set[int] = set()
    run: list[int] = []
    for k in [*numbered, -1]:
        if run and k == run[-1] + 2 and indent(lines[k]) == indent(lines[run[-1]]) and _listed_next(lines[k]):
            run.append(k)
            continue
        if len(run) >= SPACED_LISTING:
            out.update(run)
        run = [k] if k >= 0 and _listed_next(lines[k]) else []
    return out


def _listed_next(line: str) -> bool:
    """Whether a line right under a numbered one starts with a section number too: the first two
    lines of a chapter's own contents, not a heading over its text."""
    m = _NUMBERED_LINE.match(line)
    return m is not None and any(c.isdigit() for c in m.group(1)) and "." in line[: m.end() + 1]


def _written_out(doc: Document, i: int) -> bool:
    """Whether a numbered entry's number and title begin a line of the body: the heading is there,
    written in a form not read as a heading (a title in lower case, "8.1  application/xml
    Registration"; the number glued to the title, "15.Normative References"; text run on after
    the title). Saying it has no heading would be wrong; the reading is what missed it."""
    e = doc.toc[i]
    if e.number is None:
        return False
    wanted = _letters(f"{e.number.label} {e.title}")
    found = doc.facts.derive(_body_lines_by_number).get(e.number.label.rstrip(".").lower(), ())
    lines = doc.facts.lines
    return bool(wanted) and any(_letters(lines[k]).startswith(wanted) for k in found)  # letters only when asked


def check_missing_heading(doc: Document, options: Mapping[str, Any]) -> Out:
    if not _checked(doc):
        return
    al = doc.facts.alignment
    for i in al.unmatched_entries:
        if i >= al.tail:
            break  # past the end of a truncated document: one OL304 says it for all of them
        if _caption(doc, i) or _written_out(doc, i) or _group_label(doc, i) or i in doc.facts.derive(_own_chapters):
            continue
        if _named_in_section(doc, i) or _names_code(doc, i):
            continue
        e = doc.toc[i]
        yield e.span, f"contents entry {_entry_ref(doc, i)} has no heading in the document"


# A line this long at most can be a term that names a part of a section ("QUIT")
TERM_CHARS = 40


def _section_terms(doc: Document) -> dict[int, frozenset[str]]:
    """id(heading) -> the short lines of its own text, stripped, and their first words: each line
    is read once."""
    out: dict[int, frozenset[str]] = {}
    for h, own in _own_lines(doc):
        terms: set[str] = set()
        for line in own:
            t = line.strip()
            if t and len(t) <= TERM_CHARS:
                terms.update((t, t.split()[0]))  # the term, and its name before its arguments ("LIST [msg]")
        out[id(h)] = frozenset(terms)
    return out


def _own_lines(doc: Document) -> Iterator[tuple[Heading, Sequence[str]]]:
    """Each heading with the lines of its own text: from under it to the next heading."""
    lines = doc.facts.lines
    headings = doc.facts.headings
    for k, h in enumerate(headings):
        end = headings[k + 1].span.line - 1 if k + 1 < len(headings) else len(lines)
        yield h, lines[h.span.end_line : end]


def _named_in_section(doc: Document, i: int) -> bool:
    """An unnumbered entry under a numbered one that names a part of that section by the term
    the section sets on a line of its own (RFC 1939 lists "QUIT Command" under "4. The
    AUTHORIZATION State", whose text describes the command under the line "QUIT", and "LIST
    Command" over "LIST [msg]"): the entry points into the section's text, it lists no heading."""
    e = doc.toc[i]
    parent = doc.facts.alignment.entry_parents[i]
    if e.number is not None or parent is None or doc.toc[parent].number is None:
        return False
    h = doc.facts.alignment.heading_for(parent)
    words = e.title.split()
    if h is None or not words or len(words[0]) < 2 or not words[0].isupper():
        return False
    terms = doc.facts.derive(_section_terms).get(id(h), frozenset())
    return words[0] in terms or e.title.strip() in terms


# a line of a module's code: a comment ("-- the System group", "# ...", "// ...") or a definition
# ("OBJECT-GROUP MACRO ::=")
_CODE_LINE = re.compile(r"\s*(?:--|#|//|/\*)|.*::=")


def _code_texts(doc: Document) -> dict[int, str]:
    """id(heading) -> the comment and definition lines of its own text, lowercased, spaces
    collapsed, one line a time: each line is read once."""
    out: dict[int, str] = {}
    for h, own in _own_lines(doc):
        code = [" ".join(s.lower().split()) for s in own if _CODE_LINE.match(s)]
        if code:
            out[id(h)] = "\n".join(code)
    return out


def _names_code(doc: Document, i: int) -> bool:
    """An entry under a found heading that names a part of the code its section holds (an SNMP
    RFC lists "2.1 The System Group" under "2. Definitions", whose text is one MIB module with
    the comment "-- the System group"; "2.1 The OBJECT-GROUP macro" over "OBJECT-GROUP MACRO
    ::="): the entry points into the module, which has no headings."""
    al = doc.facts.alignment
    parent = al.entry_parents[i]
    while parent is not None and al.heading_for(parent) is None:
        parent = al.entry_parents[parent]  # "2.4.1" under "2.4", itself a part of the module
    h = al.heading_for(parent) if parent is not None else None
    code = doc.facts.derive(_code_texts).get(id(h), "") if h is not None else ""
    if not code:
        return False
    title = " ".join(doc.toc[i].title.lower().split())
    title = title.removeprefix("the ").removeprefix("a ").removeprefix("an ")
    return len(title) >= 4 and title in code


def _group_label(doc: Document, i: int) -> bool:
    return i in doc.facts.derive(contents_groups)


def _own_chapters(doc: Document) -> frozenset[int]:
    """The chapters only the contents has: where no chapter entry (a one-part number) pairs with
    a heading while their sections do ("2. Configuring themes" over "2.1 The themes are nice,
    ..."), the body runs on from section to section and the chapters group the contents' entries.
    A chapter none of whose sections is found is not one of them: it was lost with them."""
    al = doc.facts.alignment
    paired = {i for i, _ in al.pairs}
    chapters = [i for i, e in enumerate(doc.toc) if e.number is not None and e.number.depth == 1]
    if len(chapters) < 2 or any(i in paired for i in chapters):
        return frozenset()
    found = {
        (e.number.scheme, e.number.values[0])
        for i, e in enumerate(doc.toc)
        if i in paired and e.number is not None and e.number.depth >= 2
    }
    out = set()
    for i in chapters:
        number = doc.toc[i].number
        if number is not None and (number.scheme, number.values[0]) in found:
            out.add(i)
    return frozenset(out)


# The last entry of an RFC's contents, its closing boilerplate: "Full Copyright Statement",
# "Intellectual Property and Copyright Statements", "Copyright Notice"
_COPYRIGHT_ENTRY = re.compile(r"\bcopyright\b", re.IGNORECASE)


# The boilerplate RFCs close with and their contents leave out: the authors' addresses, the
# copyright statement, the intellectual property notice.
_RFC_CLOSING = re.compile(
    r"(?i)(?:authors?'?s?|editors?'?s?|contributors?'?s?)\s+address(?:es)?|full\s+copyright\s+statement|"
    r"copyright\s+(?:notice|statement)|intellectual\s+property(?:\s+statement)?"
)


def _labelled_again(entry: str, heading: str, h: Heading) -> bool:
    """An entry that spells its heading's label word after its number ("B. Appendix - Glossary"
    for "Appendix B. Glossary"): the same title, labelled where the contents puts labels."""
    word, _, rest = entry.partition(" ")
    return bool(rest) and rest == heading and h.number is not None and word in h.number.label.lower()


# xml2rfc's one entry for an RFC's closing statements, which stand under their own headings
# ("Intellectual Property Statement", "Full Copyright Statement")
_IPR_ENTRY = re.compile(r"(?i)intellectual\s+property\s+and\s+copyright\s+statements?")


def _last_listed(doc: Document) -> int:
    """The line of the heading the contents' last paired entry stands for (a line past the end when
    none pairs)."""
    pairs = doc.facts.alignment.pairs
    return pairs[-1][1].span.line if pairs else 1 << 62


def _closing_statement(doc: Document) -> int:
    """The line of the heading of the contents' last entry when it names the copyright statement
    (after it, an RFC sets the boilerplate it never lists: "Intellectual Property" and the RFC
    Editor's funding "Acknowledgement"), else a line past the end."""
    al = doc.facts.alignment
    last = len(doc.toc) - 1
    h = al.heading_for(last) if doc.toc and al.reliable else None
    if h is None or not _COPYRIGHT_ENTRY.search(doc.toc[last].title):
        return 1 << 62
    return h.span.line


def check_missing_entry(doc: Document, options: Mapping[str, Any]) -> Out:
    if not _checked(doc):
        return
    al = doc.facts.alignment
    offset = _level_offset(doc, al)
    depth = options.get("depth") or doc.toc_depth or max(e.level for e in doc.toc)
    toc_line = doc.toc_span.line if doc.toc_span else 0
    listed_children = {p for p in al.entry_parents if p is not None}
    paired_numbers: set[tuple[int, tuple[int, ...]]] | None = None  # made at the first numbered heading left
    first_after = next((h for h in doc.facts.headings if h.span.line > toc_line), None)
    for h in al.unmatched_headings:
        level = h.level - offset
        if not 1 <= level <= depth or h.span.line <= toc_line or (h.style or "").endswith("omit-from-toc"):
            continue
        parent = doc.facts.parent(h)
        if h.number is not None and paired_numbers is None:
            paired_numbers = {(id(doc.facts.parent(x)), x.number.values) for _, x in al.pairs if x.number is not None}
        if h.number is not None and paired_numbers and (id(parent), h.number.values) in paired_numbers:
            # a sibling with this number is listed and paired: the heading repeats a number (a
            # numbered line of a figure, a step), which the numbering rules report, not a section
            # the contents forgot
            continue
        if parent is None and h.number is None and doc.facts.derive(_top_picked):
            continue  # the contents lists a few of the top-level headings: the others are no omission
        if h.number is None and h.span.line > doc.facts.derive(_closing_statement):
            continue  # the closing boilerplate an RFC lists as its copyright statement alone
        if h.number is None and _RFC_CLOSING.fullmatch(h.title.strip()) and h.span.line > _last_listed(doc):
            continue  # an RFC's addresses, copyright and IPR statements after its last listed section
        if h is first_after and h.number is None and parent is None and _titled_above(doc, h):
            continue  # the document's title, as its title page above the contents has it
        if parent is not None and level > 1 and not (doc.toc_depth and not options.get("depth")):
            # the contents lists this heading's siblings only if it lists its parent's children:
            # a contents may go deeper in one chapter than in another
            parent_entry = al.entry_for(parent)
            if parent_entry is None or parent_entry not in listed_children:
                continue
            if h.number is None and _picked(al, parent):
                continue
        yield h.span, f"heading {heading_ref(h)} is missing from the contents"


def _titled_above(doc: Document, h: Heading) -> bool:
    """Whether a heading repeats a line of the title page above the contents (makeinfo sets the
    manual's title over its contents, then again over its top node): the document's title, which
    no contents lists."""
    if doc.toc_span is None:
        return False
    title = " ".join(h.title.split())
    return any(" ".join(line.split()) == title for line in doc.facts.lines[: doc.toc_span.line - 1])


# A contents that lists fewer than this share of a section's sub-sections picks a few of them.
PICKED_SHARE = 1 / 3


def _top_picked(doc: Document) -> bool:
    """Whether the contents lists fewer than ``PICKED_SHARE`` of the unnumbered top-level headings
    after it (a game manual's contents lists its "Zones", the body sets their topics as the same
    capitals under the same rule): the contents picks its chapters, it forgets none of the rest."""
    al = doc.facts.alignment
    toc_line = doc.toc_span.line if doc.toc_span else 0
    top = [h for h in doc.facts.headings if h.level == 1 and h.number is None and h.span.line > toc_line]
    listed = sum(1 for h in top if al.entry_for(h) is not None)
    return bool(top) and listed < PICKED_SHARE * len(top)


def _picked(al: Alignment, parent: Heading) -> bool:
    """Whether the contents lists a few chosen sub-sections of ``parent`` (two of its twenty-five
    prompts, the groups over them), not all of them: the ones it leaves out are not forgotten.
    Numbered sub-sections are counted in order, and a contents that lists "3.1" and not "3.2"
    has lost an entry; unnumbered ones carry no such promise."""
    children = parent.children
    listed = sum(1 for c in children if al.entry_for(c) is not None)
    return listed < PICKED_SHARE * len(children)


def check_title(doc: Document, options: Mapping[str, Any]) -> Out:
    if not _checked(doc):
        return
    verdicts = doc.facts.derive(_verdicts)
    for i, h in doc.facts.alignment.pairs:
        if verdicts.get(i) == "title":
            e = doc.toc[i]
            message = (
                f"heading title {quote(h.title)} differs from contents entry {quote(e.title)} (line {e.span.line})"
            )
            yield h.span, message, _related(doc, i)


def check_number(doc: Document, options: Mapping[str, Any]) -> Out:
    if not _checked(doc):
        return
    verdicts = doc.facts.derive(_verdicts)
    for i, h in doc.facts.alignment.pairs:
        if verdicts.get(i) != "number":
            continue
        # values, not labels: a contents may say "1." for "Chapter 1." or "A." for "Appendix A"
        e = doc.toc[i]
        shown_e = quote(e.number.label) if e.number else "no number"
        shown_h = quote(h.number.label) if h.number else "no number"
        message = (
            f"heading {heading_ref(h)} is numbered {shown_h} but the contents entry (line {e.span.line}) has {shown_e}"
        )
        if normalize_title(e.title) != normalize_title(h.title):
            message += f" and the title {quote(e.title)}"
        yield h.span, message, _related(doc, i)


def check_order(doc: Document, options: Mapping[str, Any]) -> Out:
    if not _checked(doc):
        return
    al = doc.facts.alignment
    verdicts = doc.facts.derive(_verdicts)
    bad = set(al.out_of_order)
    pairs = list(al.pairs)
    before: Heading | None = None
    kept = [k for k, (i, _h) in enumerate(pairs) if i not in bad]
    next_kept = 0
    for k, (i, h) in enumerate(pairs):
        while next_kept < len(kept) and kept[next_kept] <= k:
            next_kept += 1
        if i not in bad:
            before = h
            continue
        if verdicts.get(i) != "order":
            continue  # renamed or renumbered as well: reported as that
        if al.entry_parents[i] in bad:
            continue  # moved with its parent, whose move is the one finding
        after = pairs[kept[next_kept]][1] if next_kept < len(kept) else None
        if after is not None and after.span.line < h.span.line:
            msg = f"the contents lists {heading_ref(h)} before {heading_ref(after)}, but it comes after it"
        elif before is not None:
            msg = f"the contents lists {heading_ref(h)} after {heading_ref(before)}, but it comes before it"
        else:
            msg = f"heading {heading_ref(h)} is out of the contents order"
        yield h.span, msg + f" (contents line {doc.toc[i].span.line})", _related(doc, i)


def check_parent(doc: Document, options: Mapping[str, Any]) -> Out:
    if not _checked(doc):
        return
    al = doc.facts.alignment
    verdicts = doc.facts.derive(_verdicts)
    offset, expected = _expected_offsets(doc, al)
    # sections moved together under one wrong parent are one finding: (body parent, contents parent)
    groups: dict[tuple[int, int], list[tuple[int, Heading]]] = {}
    order: list[tuple[int, int]] = []
    # siblings one after another at one wrong level (an FAQ's questions beside "FAQ" where the
    # contents lists them under it) are one finding: (contents parent, how far off) of the run
    run: list[tuple[int, Heading]] = []
    run_key: tuple[int | None, int] | None = None
    for i, h in al.pairs:
        verdict = verdicts.get(i)
        off = h.level - doc.toc[i].level - expected[i] if verdict is None else 0
        if h.level - offset == doc.toc[i].level:
            off = 0  # where the document's offset puts it: its parent, not it, is misplaced
        if h.level - offset < 1 and h.level == doc.toc[i].level:
            off = 0  # at the top where the contents has it: no offset puts a heading above the top
        key_now = (al.entry_parents[i], off) if off else None
        if run and key_now != run_key:
            yield _level_finding(doc, run, offset)
            run = []
        if key_now is not None:
            run.append((i, h))
            run_key = key_now
        if verdict == "parent":
            p = al.entry_parents[i]
            assert p is not None
            key = (id(doc.facts.parent(h)), p)
            if key not in groups:
                order.append(key)
            groups.setdefault(key, []).append((i, h))
    if run:
        yield _level_finding(doc, run, offset)
    for key in order:
        members = groups[key]
        i, h = members[0]
        p = al.entry_parents[i]
        assert p is not None
        want = al.heading_for(p)
        if want is None and i == p + 1:
            # the contents parent has no heading and its sections follow it from the first: they
            # are that one lost heading, which OL101 reports (sections found past more lost entries
            # still say where they ended up)
            continue
        parent = doc.facts.parent(h)
        where = heading_ref(parent) if parent else "the top level"
        listed = _entry_ref(doc, p)
        if parent is not None and listed == where:
            # same titles: the lines tell the two sections apart
            where = f"{where} (line {parent.span.line})"
            listed = (
                f"{listed} (contents line {doc.toc[p].span.line}, heading line {want.span.line})"
                if want
                else f"{listed} (contents line {doc.toc[p].span.line})"
            )
        who = f"heading {heading_ref(h)} is" if len(members) == 1 else f"headings {_names(members)} are"
        related = _related(doc, i) + tuple(
            Related(other.span, f"{heading_ref(other)} also sits there") for _, other in members[1:]
        )
        yield (
            h.span,
            f"{who} under {where} but the contents puts {'it' if len(members) == 1 else 'them'} under {listed}",
            related,
        )


def _level_finding(doc: Document, run: list[tuple[int, Heading]], offset: int) -> tuple[Span, str, tuple[Related, ...]]:
    """One finding for siblings listed one after another at one level, and read at another."""
    i, h = run[0]
    at, listed = h.level - offset, doc.toc[i].level
    if len(run) == 1:
        message = f"heading {heading_ref(h)} is at level {at} but the contents lists it at level {listed}"
    else:
        message = f"headings {_names(run)} are at level {at} but the contents lists them at level {listed}"
    related = _related(doc, i) + tuple(
        Related(other.span, f"{heading_ref(other)} is at that level too") for _, other in run[1:]
    )
    return h.span, message, related


def _names(members: list[tuple[int, Heading]]) -> str:
    shown = [heading_ref(h) for _, h in members[:3]]
    more = len(members) - len(shown)
    if more:
        return ", ".join(shown) + f" and {more} more"
    return shown[0] if len(shown) == 1 else ", ".join(shown[:-1]) + " and " + shown[-1]


# A contents none of whose entries pairs is reported from this many entries.
UNALIGNED_ENTRIES = 2


def check_unaligned(doc: Document, options: Mapping[str, Any]) -> Out:
    if not doc.toc or doc.facts.alignment.reliable:
        return
    al = doc.facts.alignment
    span = doc.toc_span or doc.toc[0].span
    if not al.pairs and not any(line.strip() for line in doc.facts.lines[span.end_line :]):
        return  # the document ends with its contents: an index of other documents (a book's contents page)
    if not al.pairs and len(doc.toc) < UNALIGNED_ENTRIES:
        return  # one line under a "Contents" title (a sample's, in an example) is no contents to misfit
    after = sum(1 for h in doc.facts.headings if h.span.line > span.end_line)
    if after < UNALIGNED_ENTRIES and not any(h.span.line > span.end_line for _, h in al.pairs):
        # no heading after it for it to list, or one ("Indices and tables"): an index of other
        # pages (Sphinx's toctree) at the end of the page's text
        return
    paired = [_entry_ref(doc, i) for i, _ in al.pairs[:3]]
    if paired:
        more = len(al.pairs) - len(paired)
        which = f"only {len(al.pairs)} of its {len(doc.toc)} entries pair with a heading ({', '.join(paired)}"
        which += f" and {more} more)" if more else ")"
    else:
        which = f"none of its {len(doc.toc)} entries pairs with a heading"
    yield (
        Span(span.line, span.column, span.line, span.column),
        f"the contents (lines {span.line}-{span.end_line}) does not match the headings: {which}",
    )


DOC_MISSING_HEADING = """\
## What it does
Reports a contents entry for which the document has no heading. An entry without a page number
over entries that have one, in a contents whose entries carry page numbers (`Appendices` above
`Appendix A. ... 43`), is the caption of a group and needs no heading; so is an unnumbered line
between two numbered siblings, or between a section and its first child (an FAQ's
`CHANGING STRINGS` over `4.10.`): no section can sit there without a number.

## Why is this bad?
The contents promises a section the reader cannot find: usually the section was lost in
conversion, translation or editing, or the contents is stale.

## Example
```text
Contents
  1. Scope
  2. Terms
1. Scope
...
```
`2. Terms` is listed but never appears.

## Options
None.
"""

DOC_MISSING_ENTRY = """\
## What it does
Reports a heading that the contents does not list, for the levels the contents covers (a contents
that lists two levels does not need third-level headings), and under a parent whose other
sub-sections the contents lists (a contents may list one chapter's sections and not another's),
unless the contents declares its depth (a Word TOC field's `\\o "1-3"`), which it then covers in
every chapter. A contents that lists fewer than a third of a section's unnumbered sub-sections
picks them: the ones it leaves out are not reported (numbered ones are, in order).
Markdown headings marked `<!-- omit from toc -->` (or `omit in toc`, `no toc`) are never required.

## Why is this bad?
A section added after the contents was made is invisible to readers who navigate by it.

## Example
Contents lists `1. Scope` and `2. Terms`; the body also has `3. Conformance`.

## Options
- `depth` (integer): deepest level the contents must cover; default: the depth the contents
  declares (a Word TOC field's `\\o "1-3"` covers three levels), else the deepest level it lists.
"""

DOC_TITLE = """\
## What it does
Reports a heading whose title differs from its contents entry, after normalising case, whitespace
and punctuation. Entries are matched to headings by their links first (Markdown, HTML), then by
number and fuzzy title, so a renamed heading is reported here rather than as one missing entry and
one extra heading. A linked entry may show a shorter label made only of the heading's words
(`[Automatic installer](#1-automatic-installer-recommended)`), and any entry may list a heading by
its first words (`NTP Data Format` for `NTP Data Format - Version 1`).

## Why is this bad?
The reader looks for one title and finds another; one of the two is out of date.

## Example
Contents `2. Terms and definitions`, heading `2. Terminology`.

## Options
None.
"""

DOC_NUMBER = """\
## What it does
Reports a heading whose number differs from the number of its contents entry. A contents that
numbers no entry at all, and a linked entry whose anchor spells the heading's number
(`[Getting Pyenv](#a-getting-pyenv)`), leave the numbers to the headings; a contents that numbers
its entries over headings that carry no numbers at all (nearly all of them: a README's centred
headings) keeps its numbers to itself.

## Why is this bad?
Cross-references by number point to different sections depending on where the reader looks.

## Example
Contents `2.3 Scope`, heading `2.4 Scope`.

## Options
None.
"""

DOC_ORDER = """\
## What it does
Reports headings that appear in a different order than the contents lists them (the headings
outside the longest run that agrees with the contents).

## Why is this bad?
Sections were moved without updating the contents, or the contents was edited by hand.

## Example
Contents lists `(2) Terms` before `(3) Scope`; the body has `(3) Scope` first.

## Options
None.
"""

DOC_PARENT = """\
## What it does
Reports a heading that sits under a different parent, or at a different level, than its contents
entry says. Sections that follow a misplaced heading keep their place under it and are not
reported; siblings listed one after another and all read at another level are one finding.

## Why is this bad?
The section was moved into the wrong chapter, or its chapter heading was lost.

## Example
Contents `4. Proposals` > `(10) Benefits`; in the body `(10) Benefits` follows `(5)` in chapter 2.

## Options
None.
"""

DOC_UNALIGNED = """\
## What it does
Reports a contents that cannot be matched with the document's headings: fewer than half of its
entries, and fewer than half of the headings after it, pair up. The other contents rules (OL101
to OL106) stay quiet on such a document, since every entry would be reported. A document that
ends with its contents, none of whose entries pairs with a heading, is a contents page of other
documents (a manual's index page), and is not reported; so is one with at most one heading after
it and no entry paired with a heading after it (a page's list of its sub-pages, as Sphinx prints
a toctree at the end of the page's text, before "Indices and tables"); nor is a lone line under a
contents title (a sample's, quoted in an example).

## Why is this bad?
The contents describes another document or another version of it, or the headings are not
where the contents says: either way a reader cannot navigate by it.

## Example
A contents listing `1. Scope` to `9. Annex` above a body whose headings are `Part A` to `Part F`.

## Options
None.
"""

RULES = (
    Rule(
        "OL101",
        "toc-entry-without-heading",
        "Contents entry with no heading",
        check_missing_heading,
        Severity.ERROR,
        doc=DOC_MISSING_HEADING,
    ),
    Rule(
        "OL102",
        "heading-missing-from-toc",
        "Heading not listed in the contents",
        check_missing_entry,
        Severity.ERROR,
        {"depth": 0},
        doc=DOC_MISSING_ENTRY,
    ),
    Rule(
        "OL103",
        "toc-title-mismatch",
        "Heading title differs from its contents entry",
        check_title,
        Severity.ERROR,
        doc=DOC_TITLE,
    ),
    Rule(
        "OL104",
        "toc-number-mismatch",
        "Heading number differs from its contents entry",
        check_number,
        Severity.ERROR,
        doc=DOC_NUMBER,
    ),
    Rule(
        "OL105",
        "toc-order-mismatch",
        "Headings in a different order than the contents",
        check_order,
        Severity.ERROR,
        doc=DOC_ORDER,
    ),
    Rule(
        "OL106",
        "toc-level-mismatch",
        "Heading level or parent differs from the contents",
        check_parent,
        Severity.ERROR,
        doc=DOC_PARENT,
    ),
    Rule(
        "OL110",
        "toc-unaligned",
        "Contents that does not match the headings",
        check_unaligned,
        Severity.WARNING,
        doc=DOC_UNALIGNED,
    ),
)
