"""Headings of plain text: the candidates (``candidates``) decided against the document's own styles.

A candidate is a block that could be a heading: numbered, underlined, or a line the contents lists.
Underlined candidates and those the contents confirms are the document's evidence of how it sets
its headings; every other numbered candidate is decided by its distance to that style and by its
fit to the numbering chain, in document order.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from outlint import numbering, outline
from outlint.model import Gap, Heading, Number, Paragraph, TocEntry
from outlint.readers.text.aslisted import set_as_listed
from outlint.readers.text.blocks import Habits
from outlint.readers.text.candidates import candidates
from outlint.readers.text.levels import settle_levels
from outlint.readers.text.lines import HEADING_END, SENTENCE_END
from outlint.readers.text.numbered import Candidate, Item, PartBreak
from outlint.readers.text.outdent import outdented
from outlint.readers.text.revise import (
    _asides,
    _drop_listings,
    _labels_over,
    _number_underlined,
    _roman_appendices,
    _uncontested,
    _versions,
)
from outlint.readers.text.styles import WORDY, Listing, Style, continues, learn, restarts_inside
from outlint.readers.text.titles import ARROW, COLUMN_GAP, TITLE_WORDS, heading_shape, loose_shape

# A contents with this many entries or more, none of them numbered, says that the document does
# not number its headings.
UNNUMBERED_CONTENTS = 5
# A wrapped numbered title of this many words or more that ends in a full stop, wrapped back to
# its number's column, is a sentence: a section written run in after its number, not a heading.
RUN_IN_WORDS = 8
# Underlined titles, none numbered, that make a document's headings underlined ones.
UNDERLINED_TITLES = 3
# A number this far past the siblings before it (or past the start of its list) that the contents
# does not list continues no numbering of sections: release notes' bug numbers ("2184 - Migrate
# ..."), years, counts. (A lost section or two leaves a gap of one or two.)
CHAIN_JUMP = 8
# A contents with this many numbered entries says which schemes number the document's sections.
CONTENTS_SPEAKS = 10
# Schemes that number the items of lists more often than sections.
_LIST_SCHEMES = frozenset({"roman-lower", "alpha-lower"})


def classify(
    lines: Sequence[str], blocks: Sequence[list[int] | Gap], toc: Sequence[TocEntry], habits: Habits
) -> list[outline.Block]:
    """Headings and paragraphs of the body, in document order."""
    listing = Listing(toc)
    # a document with a contents block names its unnumbered headings there
    outdent = {} if toc else outdented(lines, blocks, habits.prose_indent)
    items = candidates(lines, list(blocks), listing, habits, outdent)
    style = learn(
        [
            (x.number, x.span.column - 1, x.marked)
            for x in items
            if isinstance(x, Heading) and x.number is not None and x.style
        ]
        + [(number, margin, False) for number, margin in _last_copies(items)],
        [
            (c.heading.number, c.margin)
            for c in items
            if isinstance(c, Candidate) and c.heading.number and c.title_lines == 1 and heading_shape(c.heading.title)
        ],
    )
    # a contents of many entries, none numbered: the document does not number its headings, and
    # its numbered lines that the contents does not list are items of lists
    unnumbered = len(toc) >= UNNUMBERED_CONTENTS and all(e.number is None for e in toc)
    # so does a document with no contents that underlines its headings and numbers none of them
    # (reStructuredText and its kin: a title must be underlined, "1. Download" is a step)
    underlined = [x.number for x in items if isinstance(x, Heading) and x.marked]
    unnumbered = unnumbered or (not toc and len(underlined) >= UNDERLINED_TITLES and all(n is None for n in underlined))
    listed = [numbering.family(e.number) for e in toc if e.number is not None]
    schemes = frozenset(listed) if len(listed) >= CONTENTS_SPEAKS else None
    decided = _decide(items, style, habits, unnumbered, schemes)
    listed_numbered = {outline.normalize_title(h.title) for h in decided if isinstance(h, Heading) and h.number}
    out: list[outline.Block] = []
    for item in decided:
        if isinstance(item, tuple):
            heading, entry = item
            # a numbered entry's title standing alone is its heading only if no numbered heading has it
            if entry.number is None or outline.normalize_title(heading.title) not in listed_numbered:
                out.append(heading)
            else:
                out.append(Paragraph(heading.title, heading.span, "lines"))
        else:
            out.append(item)
    blocks_out = _roman_appendices(_uncontested(_drop_listings(_number_underlined(_asides(_labels_over(out))))))
    blocks_out = _versions(blocks_out)
    blocks_out = set_as_listed(blocks_out, lines)
    headings = [b for b in blocks_out if isinstance(b, Heading)]
    settled = dict(zip(map(id, headings), settle_levels(headings, listing), strict=True))
    return [settled.get(id(b), b) if isinstance(b, Heading) else b for b in blocks_out]


def _last_copies(items: Sequence[Item]) -> list[tuple[Number, int]]:
    """The numbers and indents of the numbered candidates the contents lists, each number and title
    once: at its last copy.
    The earlier copies are a part's or a chapter's own list of its sections (``_drop_listings``),
    set at the listing's indent, not the headings'."""
    last: dict[tuple[tuple[int, ...], str], tuple[Number, int]] = {}
    for c in items:
        if isinstance(c, Candidate) and c.listed and c.heading.number:
            key = (c.heading.number.values, outline.normalize_title(c.heading.title))
            last.pop(key, None)
            last[key] = (c.heading.number, c.margin)
    return list(last.values())


def _lone_letter(number: Number) -> bool:
    """A label of one letter (``J.``, ``(c)``, ``M.``): an initial as often as a heading number."""
    latin = "alpha" in number.scheme or "roman" in number.scheme
    return latin and number.depth == 1 and sum(1 for c in number.label if c.isascii() and c.isalpha()) == 1


def _in_sequence(number: Number, seen: Sequence[Number]) -> Number | None:
    """The reading of a one-letter label that starts a letter or Roman sequence or goes on with
    one (``C.`` after ``B.`` is a letter, ``L.`` after ``XLIX.`` a numeral); None outside one."""
    if number.values[0] == 1 or continues(number, seen):
        return number
    alpha = numbering.as_alpha(number)
    if alpha is not None and (alpha.values[0] == 1 or continues(alpha, seen)):
        return alpha
    return None


def _decide(
    items: Sequence[Item],
    style: Style,
    habits: Habits,
    unnumbered: bool = False,
    schemes: frozenset[str] | None = None,
) -> list[outline.Block | tuple[Heading, TocEntry]]:
    """Second pass, in document order: each numbered candidate against the learnt style and the
    numbering chain of the headings accepted before it. ``schemes``: the families a contents of
    many numbered entries numbers them with."""
    seen = Chain()
    parents = _parents(items)
    bodiless = _bodiless(items)
    out: list[outline.Block | tuple[Heading, TocEntry]] = []
    ruled = False  # a horizontal rule since the last heading
    # the last candidate read as a list item since the last heading, in a list that did not start
    # as the next number of the headings
    items_run: Candidate | None = None
    for item in items:
        if isinstance(item, PartBreak):
            ruled = True
            continue
        if isinstance(item, Candidate) and ruled and _starts_part(item, seen):
            # documents made of parts (release notes, collected memos) number each part afresh
            seen = Chain()
            item = replace(item, heading=replace(item.heading, style="numbered+part"))
        if isinstance(item, Heading | Candidate):
            ruled = False
        if isinstance(item, Heading):
            if item.number is not None:
                seen.append(item.number)
            out.append(item)
            items_run = None
            continue
        if not isinstance(item, Candidate):
            out.append(item)
            continue
        unlisted = (unnumbered or _list_scheme(item, schemes)) and not item.listed and not item.number_listed
        # the next item of a list is one whatever its title, unless the contents lists it where
        # the headings have got to
        # (a title much like the entry's, under its number, is no listing of it: "6. You can now
        # play with your encrypted file system" in a procedure, where "6. Mounting the encrypted
        # file system" is listed)
        mate = (
            (item.jump or not item.listed or item.renamed) and id(item) not in parents and _next_item(item, items_run)
        )
        how = None
        if not unlisted and not mate:
            how = _judge(item, seen, style, habits, id(item) in parents, id(item) in bodiless)
        if how is None:
            out.append(item.fallback())
            # (the next number of the headings read as an item starts no list)
            number = item.heading.number
            if items_run is not None or (number is not None and not continues(number, seen)):
                items_run = item
            continue
        items_run = None
        h = item.heading
        assert h.number is not None
        read_as = _in_sequence(h.number, seen) if _lone_letter(h.number) else None
        seen.append(read_as or h.number)
        out.append(replace(h, style=how + "+part" if h.style == "numbered+part" else how))
    return out


_LABEL_MARKS = re.compile(r"\w+")


def _list_scheme(c: Candidate, schemes: frozenset[str] | None) -> bool:
    """Whether a candidate is numbered in a list's scheme (``i.``, ``b.``) that a contents of many
    numbered entries never uses: the steps of a procedure ("i. Setup Linux in your computer")."""
    number = c.heading.number
    if schemes is None or number is None:
        return False
    fam = numbering.family(number)
    return fam in _LIST_SCHEMES and fam not in schemes


def _next_item(c: Candidate, last: Candidate | None) -> bool:
    """Whether a candidate is the next item of the list whose last item was ``last`` (with no
    heading between): the number that follows it, its label punctuated alike and ending in the
    same column (a list of ten items or more aligns " 9." and "10." on their dots)."""
    if last is None:
        return False
    n, p = c.heading.number, last.heading.number
    if n is None or p is None or n.scheme != p.scheme or n.values[:-1] != p.values[:-1]:
        return False
    if _LABEL_MARKS.sub("", n.label) != _LABEL_MARKS.sub("", p.label):
        return False  # "1.3 -" after "1.2.": another kind of line, not the list's next item
    aligned = c.margin == last.margin or c.margin + len(n.label) == last.margin + len(p.label)
    return aligned and n.values[-1] == p.values[-1] + 1


class Chain(list[Number]):
    """The numbers of the headings accepted so far, with the schemes they use (looked up often)."""

    def __init__(self) -> None:
        super().__init__()
        self.schemes: set[str] = set()
        self.top: set[str] = set()  # schemes used by one-part numbers
        # the highest last part under each parent, per scheme: where each list of siblings has got to
        self.reached: dict[tuple[str, tuple[int, ...]], int] = {}

    def append(self, number: Number) -> None:
        super().append(number)
        self.schemes.add(number.scheme)
        if number.depth == 1:
            self.top.add(number.scheme)
        key = (number.scheme, number.values[:-1])
        self.reached[key] = max(self.reached.get(key, 0), number.values[-1])

    def behind(self, number: Number) -> bool:
        """Whether a number lies before where its siblings have got to."""
        return number.values[-1] < self.reached.get((number.scheme, number.values[:-1]), 0)

    def leaps(self, number: Number) -> bool:
        """Whether a number lies more than CHAIN_JUMP past its siblings so far (or past the start
        of its list): no section of the document, but a bug's number, a year, a count."""
        if number.values[-1] in numbering.LAST_PLACE:
            return False  # the place some series keep their last section at ("99. Future")
        return number.values[-1] > self.reached.get((number.scheme, number.values[:-1]), 0) + CHAIN_JUMP


def _starts_part(c: Candidate, seen: Chain) -> bool:
    """A first section numbered afresh after a rule, where earlier parts were numbered the same way."""
    number = c.heading.number
    if number is None or number.values != (1,) or not seen:
        return False
    return number.scheme in seen.top


def _bodiless(items: Sequence[Item]) -> set[int]:
    """The candidates followed directly by another numbered candidate, with no text between."""
    out: set[int] = set()
    last: Candidate | None = None
    for item in items:
        if isinstance(item, Gap):
            continue
        if isinstance(item, Candidate) and last is not None:
            out.add(id(last))
        last = item if isinstance(item, Candidate) else None
    return out


def _parents(items: Sequence[Item]) -> set[int]:
    """The candidates whose next numbered candidate is their first sub-section ("7" then "7.1"):
    the numbering below them says what they are, whatever came before them."""
    out: set[int] = set()
    last: Candidate | None = None
    for item in items:
        if not isinstance(item, Candidate) or item.heading.number is None:
            continue
        n = item.heading.number
        if last is not None and last.heading.number is not None:
            p = last.heading.number
            if n.depth == p.depth + 1 and n.values == (*p.values, 1):
                out.add(id(last))
        last = item
    return out


def _judge(
    c: Candidate, seen: Chain, style: Style, habits: Habits, parent: bool = False, bodiless: bool = False
) -> str | None:
    """How a numbered candidate is a heading (``numbered``, ``numbered+contents``, ``numbered+chain``,
    ``numbered+wrapped``), or None when it is not one."""
    h = c.heading
    number = h.number
    assert number is not None
    fam = numbering.family(number)
    if c.title_lines == 1 and COLUMN_GAP.search(h.title):
        return None  # a numbered row of a table or diagram: its cells stand apart in columns
    if len(ARROW.findall(h.title)) >= 2:
        return None  # a numbered line of a sequence diagram ("2. SYN-SENT --> <SEQ=100> --> LISTEN")
    if fam in WORDY and h.title[:1].islower() and (SENTENCE_END.search(h.title) or _runs_on(number.label)):
        # a sentence that cites a division ("Section 9 provides a few paragraphs on ..."), also
        # one cut off before its full stop: a Latin label with no stop or colon runs on into a verb
        return None
    if c.listed:
        if bodiless and fam not in WORDY and style.off_exact(fam, c.margin):
            # a line of a chapter's own list of its sections, set deeper than the headings and
            # with no text under it: the listing, whose section is lost (OL101 reports it); a
            # list spells no "Chapter 38." (that is a chapter's title over its own list)
            return None
        return "numbered+contents"
    if c.hanging and not c.number_listed:
        return None  # a list item: its text hangs under its title, right of the document's prose
    if c.in_list or (_lone_letter(number) and _in_sequence(number, seen) is None and not c.listed):
        return None  # an item of a list; an initial ("J. Smith") outside a letter sequence
    if style.underlines(fam) or restarts_inside(number, seen):
        return None  # the document underlines its headings; a "1." inside "1.1.": a list
    placed = style.indent_ok(fam, number.depth, c.margin)
    deep = placed is None and (
        c.margin > habits.prose_indent + 2
        or style.off_vote(fam, c.margin)
        or style.in_the_text(c.margin, habits.prose_indent)
    )
    if placed is False or deep:
        return None  # deeper than the headings the document confirmed, or than its prose: a list
    fits = continues(number, seen)
    if not fits and not c.number_listed and not parent and fam not in WORDY and seen.leaps(number):
        return None
    if not fits and c.number_taken and not c.number_listed and not parent and seen.behind(number):
        # numbered lists restarting in the body (an example's steps "1. Step One.", "2. ..."):
        # numbers the contents lists, whose headings came already, behind where the chain got to
        # (a repeat of the last number is a duplicate heading: OL202)
        return None
    title = h.title
    if c.title_lines > 1:
        # a top-level number wrapped over lines is a list item, unless it asks a question with an
        # answer under it: a FAQ's numbered questions ("25. Will zlib work on ... and can I" /
        # "exchange compressed data between them?")
        asks = title.endswith("?") and not bodiless
        wrapped_ok = (number.depth >= 2 or fam in WORDY or asks) and len(title.split()) <= TITLE_WORDS
        # (a question may wrap over two sentences in a FAQ: "There are many bugs. Does this mean ...?")
        one_thought = ". " not in title or title.endswith("?")
        # a numbered paragraph: a long sentence, run in after its number, that ends in a full stop
        # and wraps back to the number's column ("1.8. The key words "MUST", ... and" / ""MAY" in
        # this document are to be interpreted as described in [RFC 2119]."); a heading's title
        # hangs under its first word
        sentence = (
            c.wraps_back and title.endswith(".") and not title.endswith("..") and len(title.split()) >= RUN_IN_WORDS
        )
        if fits and wrapped_ok and one_thought and not sentence and not HEADING_END.search(title):
            return "numbered+wrapped"
        return None
    if number.label.isdigit():
        # an undotted "2 Data Types" is a heading only where the numbering expects it (the first
        # chapter, the next one, a number the contents lists, one whose first sub-section comes
        # next, so that a lost section before it shows as a gap): bare numbers also start the rows
        # of tables and lists ("13 Numeric coprocessor")
        first = number.values == (1,) and number.scheme not in seen.schemes
        expected = fits or first or c.number_listed or parent
        return "numbered+chain" if expected and heading_shape(title) else None
    if (not title and fam in WORDY) or heading_shape(title):
        return "numbered"
    if fits and title.endswith(":") and len(title.split()) <= COLON_TITLE_WORDS and heading_shape(title[:-1]):
        # "4. Naming Conventions:" between "3.2." and "5.": the next number of the chain, a short
        # title with a colon after it, as some authors set their headings
        return "numbered+chain"
    if fam in WORDY and number.label[-1:] in ".:-–—" and loose_shape(title) and not SENTENCE_END.search(title):
        # a label that names its kind, set off from its title ("Book the Second--the Golden
        # Thread"), unlike a sentence that cites one ("Section 7.2 establishes a registry.")
        return "numbered"
    if fits and loose_shape(title) and (parent or not (bodiless and SENTENCE_END.search(title))):
        # (a sentence with a full stop and no text under it, before the next number: a list item,
        # "b.  Systems now use ~/_inputrc as the last-ditch inputrc filename."; unless its first
        # sub-section follows: "12.1.1.14. Questions about running services." over "12.1.1.14.1.")
        return "numbered+chain"
    return None


# A title with a colon after it heads its section when it has this many words at most.
COLON_TITLE_WORDS = 6


def _runs_on(label: str) -> bool:
    """Whether a division's label is a word and a number with nothing after it ("Section 4"), as
    a label cited in a sentence is; "Section 4.", "D.1" and "第 4 章" close themselves."""
    return " " in label and label[-1:].isascii() and label[-1:].isalnum()
