"""Build the outline: infer levels, nest flat blocks into the heading tree, align contents to headings."""

from __future__ import annotations

import bisect
import collections
import difflib
import functools
import heapq
import itertools
import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace

from outlint import numbering
from outlint.lazyre import lazy
from outlint.model import Comment, Document, Gap, Heading, Number, Paragraph, Span, TocEntry

Block = Heading | Paragraph | Gap


_TOP = {"appendix", "part", "book", "cjk-part", "cjk-book"}
_CHAPTERS = numbering.CHAPTER_SCHEMES
_DIVISIONS = {"part", "book", "cjk-part", "cjk-book"}
# what a contents numbers its parts in: words, or capital Roman numerals
_PART_LIKE = _DIVISIONS | {"roman-upper"}


# Contents entries whose columns differ by at most this much are at one indentation: titles are
# often aligned where numbers are not ("1.1.  Parts" over "A.1.  Tokens").
COLUMN_TOLERANCE = 1


def infer_levels(numbers: Sequence[Number | None], columns: Sequence[int] | None = None) -> list[int | None]:
    """Level of each number: dotted depth within a family, families ranked by first appearance.

    ``1.`` then ``(1)`` gives levels 1 and 2; ``Chapter 1`` then ``1.1`` gives 1 and 2;
    ``Appendix A`` and ``A.1`` sit at the top level like chapters. With ``columns`` (a contents'
    indentation, clustered), a family that first appears back at the indentation of a level seen
    before starts at that level rather than one deeper than the entry before it ("A. Extras" after
    "2.1.").
    """
    base: dict[str, int] = {}
    last = 0  # the level of the number before
    at_column: dict[int, int] = {}  # column cluster -> level of the numbered entries there
    out: list[int | None] = []
    # "A." whose sub-sections are "A.1", "A.2" is an appendix, whatever else uses letters
    appendix_letters = {n.values[0] for n in numbers if n is not None and n.scheme == "alpha-decimal"}
    for k, number in enumerate(numbers):
        if number is None:
            out.append(None)
            continue
        fam = numbering.family(number)
        if number.scheme == "alpha-upper" and number.values[0] in appendix_letters:
            fam = "appendix"
        column = columns[k] if columns is not None else None
        if fam not in base and fam in _DIVISIONS:
            # a book's parts or books hold its chapters: chapters numbered before the first part
            # heading (whose own part heading is missing) stay, the later ones go under the parts
            for other in base:
                if other not in _TOP and base[other] == 1:
                    base[other] = 2
        if fam not in base:
            if fam == "appendix" and columns is not None and _inside_part(numbers, columns, k):
                base[fam] = last + 1  # indented under a part's entry: the appendices are that part's
            elif fam in _TOP:
                base[fam] = 1
            elif fam in _CHAPTERS:
                # a chapter sits at the top, or under a part: front matter numbered "1." before it
                # does not push chapters down
                base[fam] = 2 if any(f in base for f in _TOP if f != "appendix") else 1
            elif (
                column is not None
                and k
                and columns is not None
                and column in at_column
                and (column < columns[k - 1] or (column == columns[k - 1] and _beside(number, columns)))
            ):
                # back at the indentation of an earlier level, or at the indentation of the entry
                # before it ("A. Sample Code" under "8. References"): the new family starts there
                base[fam] = max(1, at_column[column] - (number.depth - 1))
            else:
                # a new family nests under the number before it: steps "I." to "XI." under "6."
                # are its sections, whatever depth the document reached before ("4.1.1.")
                base[fam] = max(1, last + 1 - (number.depth - 1))
        level = base[fam] + number.depth - 1
        last = level
        if column is not None:
            at_column.setdefault(column, level)
        out.append(level)
    return out


def _inside_part(numbers: Sequence[Number | None], columns: Sequence[int], k: int) -> bool:
    """Whether the first appendix is indented under the numbered entry before it: a part's ("II.
    Appendix" over "A. Credits"), whatever it is numbered in."""
    before = numbers[k - 1] if k else None
    return before is not None and numbering.family(before) in _PART_LIKE and columns[k] > columns[k - 1]


def _beside(number: Number, columns: Sequence[int]) -> bool:
    """Whether a new family at the column of the entry before it is that entry's sibling: in an
    indented contents, where columns show the levels, or when it is lettered or numbered in capitals
    (appendices "A." and parts "II." after the numbered sections of a contents with no indents)."""
    return len(set(columns)) > 1 or number.scheme in ("alpha-upper", "roman-upper")


def resolve_letters(numbers: Sequence[Number | None]) -> list[Number | None]:
    """Read one-letter Roman labels as letters where the sequence says so (``A.`` ``B.`` ``C.``),
    and capital letters as appendices when an ``A.1`` shows that they are."""
    letters = _zero_sections(_resolve_roman(numbers))
    if not any(n is not None and n.scheme == "alpha-decimal" for n in letters):
        return _closing_letters(letters)
    return _as_appendices(letters)


_ZERO = re.compile(r"\d+\.0\.?")


def _zero_sections(numbers: list[Number | None]) -> list[Number | None]:
    """A "6.0." right under "6." is its section 0 (the GFDL's "0. PREAMBLE", numbered under its
    appendix), not chapter 6 written as "6.0" (which ``numbering.parse`` reads alone)."""
    out = list(numbers)
    before: Number | None = None
    for k, n in enumerate(numbers):
        if n is None:
            continue
        same = before is not None and before.values == n.values
        if same and n.scheme == "decimal" and n.depth == 1 and _ZERO.fullmatch(n.label):
            out[k] = Number(n.label, n.scheme, (*n.values, 0))
        before = n
    return out


def _as_appendices(numbers: Sequence[Number | None]) -> list[Number | None]:
    """The numbers with capital letters read as appendices."""
    return [
        Number(n.label, "appendix", n.values) if n is not None and n.scheme == "alpha-upper" else n for n in numbers
    ]


def _closing_letters(numbers: list[Number | None]) -> list[Number | None]:
    """Capital letters from "A." on that close a numbered document are its appendices ("9.
    Conclusion", "A. Acknowledgements", "B. Authors' Addresses", as specifications letter them):
    top-level sections, unless a top-level number of another scheme follows them (then they were
    a lettered list inside a section; a "1." that starts afresh after them is a list inside an
    appendix, as a licence's numbered sections are)."""
    first = next(
        (k for k, n in enumerate(numbers) if n is not None and n.scheme == "alpha-upper" and n.values == (1,)), None
    )
    if first is None:
        return numbers
    before = any(n is not None and n.scheme == "decimal" and n.depth == 1 for n in numbers[:first])
    later = [n for n in numbers[first:] if n is not None and n.depth == 1 and n.scheme != "alpha-upper"]
    # (decimals after them that start again from 1 are the sections of an appendix)
    after = bool(later) and not (all(n.scheme == "decimal" for n in later) and later[0].values[0] <= 1)
    if not before or after:
        return numbers
    return numbers[:first] + _as_appendices(numbers[first:])


def _resolve_roman(numbers: Sequence[Number | None]) -> list[Number | None]:
    """One-letter Roman labels read as letters where a letter sequence has them: after the letter
    before (``I.`` after ``H.``), or before the letter after (``I.`` over ``J.``, a part of a guide
    whose lettered sections start at I)."""
    seen_alpha: dict[str, int] = {}
    seen_roman: set[str] = set()
    out: list[Number | None] = []
    present = [n for n in numbers if n is not None]
    following = {id(a): b for a, b in itertools.pairwise(present)}
    for number in numbers:
        if number is not None:
            alpha = numbering.as_alpha(number)
            if alpha is not None:
                last = seen_alpha.get(alpha.scheme)
                nxt = following.get(id(number))
                before_next = nxt is not None and nxt.scheme == alpha.scheme and nxt.values == (alpha.values[0] + 1,)
                if before_next or (
                    last is not None and (number.scheme not in seen_roman or last + 1 == alpha.values[0])
                ):
                    number = alpha
            if "alpha" in number.scheme:
                seen_alpha[number.scheme] = number.values[-1]
            elif "roman" in number.scheme:
                seen_roman.add(number.scheme)
        out.append(number)
    return out


def nest(blocks: Sequence[Block]) -> tuple[list[Heading], list[Paragraph | Gap], dict[int, Heading]]:
    """Nest headings by level and give each heading the blocks up to the next heading.

    Returns the top-level headings, the blocks before the first heading, and the new heading made
    for each heading block (by ``id``), since headings are frozen and built bottom-up. Iterative:
    a tree of any depth nests without recursion.
    """
    roots: list[Heading] = []
    preamble: list[Paragraph | Gap] = []
    made: dict[int, Heading] = {}
    # open sections, innermost last: (heading block, its body, its finished children)
    stack: list[tuple[Heading, list[Paragraph | Gap], list[Heading]]] = []

    def close() -> None:
        block, body, children = stack.pop()
        done = replace(block, body=tuple(body), children=tuple(children))
        made[id(block)] = done
        (stack[-1][2] if stack else roots).append(done)

    for block in blocks:
        if isinstance(block, Heading):
            while stack and stack[-1][0].level >= block.level:
                close()
            stack.append((block, [], []))
        elif stack:
            stack[-1][1].append(block)
        else:
            preamble.append(block)
    while stack:
        close()
    return roots, preamble, made


def build(
    path: str,
    fmt: str,
    text: str,
    toc: Sequence[TocEntry],
    blocks: Sequence[Block],
    *,
    toc_span: Span | None = None,
    comments: Sequence[Comment] = (),
    links: Sequence[tuple[str, Span]] = (),
    anchors: Mapping[str, Heading | None] | None = None,
    language: str | None = None,
    encoding: str | None = None,
    toc_depth: int | None = None,
) -> Document:
    """Assemble a Document: levels of numbered entries and headings that lack one, then the tree.

    Entries and headings with ``level == 0`` get a level inferred from their numbers; unnumbered
    ones keep their reader-given level. Contents and headings are inferred separately: a contents
    that says "1." for a heading "Chapter 1." still puts both at level 1. ``anchors`` may name the
    heading blocks given in ``blocks``: they are mapped onto the headings of the tree.
    """
    headings = [b for b in blocks if isinstance(b, Heading)]
    head_nums = resolve_letters([h.number for h in headings])
    head_levels = infer_levels(head_nums)
    settled: dict[int, Heading] = {}
    for j, heading in enumerate(headings):
        level = heading.level or head_levels[j] or 1
        if level != heading.level or head_nums[j] is not heading.number:
            settled[id(heading)] = replace(heading, level=level, number=head_nums[j])
    given = [settled.get(id(b), b) if isinstance(b, Heading) else b for b in blocks]
    roots, preamble, made = nest(given)
    final = {id(b): made[id(settled.get(id(b), b))] for b in headings}
    return Document(
        path,
        fmt,
        text,
        tuple(level_contents(toc)),
        tuple(roots),
        tuple(preamble),
        tuple(comments),
        language,
        toc_span,
        tuple(links),
        encoding,
        {name: (final.get(id(h), h) if h is not None else None) for name, h in (anchors or {}).items()},
        toc_depth,
    )


def level_contents(toc: Sequence[TocEntry]) -> list[TocEntry]:
    """Contents entries with their levels: from their numbers, or from indentation when unnumbered
    or when the numbers cannot tell the levels apart. Entries that already have a level
    (``level != 0``) keep it."""
    nums = resolve_letters([e.number for e in toc])
    clusters = _column_clusters([e.span.column for e in toc])
    columns = [clusters[e.span.column] for e in toc]
    titles = [e.span.column + (len(n.label) + 1 if n is not None else 0) for e, n in zip(toc, nums, strict=True)]
    levels = _by_indent(nums, columns, titles) or infer_levels(nums, columns)
    out: list[TocEntry] = []
    at_column: dict[int, int] = {}  # column cluster -> level of the last entry there
    left = 1 << 30  # the smallest column cluster so far
    for k, (entry, number, level) in enumerate(zip(toc, nums, levels, strict=True)):
        column = columns[k]
        if entry.level == 0:
            if level is None:
                level = _unnumbered_level(out[-1] if out else None, columns[k - 1] if k else 0, column, left, at_column)
            entry = replace(entry, level=level, number=number)
        elif number is not entry.number:
            entry = replace(entry, number=number)
        at_column[column] = entry.level
        left = min(left, column)
        out.append(entry)
    # a group's label sits at the level of the entries it groups (they stay its siblings: their
    # numbers say whose children they are)
    labels = group_labels(out)
    following: TocEntry | None = None
    for k in range(len(out) - 1, -1, -1):
        entry = out[k]
        if entry.number is not None:
            following = entry
        elif k in labels and toc[k].level == 0 and following is not None and following.level != entry.level:
            out[k] = replace(entry, level=following.level)
    return out


def group_labels(toc: Sequence[TocEntry]) -> frozenset[int]:
    """The unnumbered entries that sit inside one numbered run of sections: the numbered entries
    on both sides of each are siblings, or a section and its first child ("3. EXAMPLES", then
    "ONE-CHARACTER QUESTIONS", then "3.1."). No section can sit there unnumbered: the line labels
    a group of the contents' own (and its heading, when the body repeats it, has no text of its
    own). One pass each way: contents of many thousands of entries are read in linear time."""
    before: list[Number | None] = []
    last: Number | None = None
    for e in toc:
        before.append(last)
        if e.number is not None:
            last = e.number
    out: set[int] = set()
    after: Number | None = None
    for i in range(len(toc) - 1, -1, -1):
        n = toc[i].number
        if n is not None:
            after = n
            continue
        b = before[i]
        if b is None or after is None or after.depth < 2 or b.scheme != after.scheme:
            continue
        if after.values[:-1] in (b.values[:-1], b.values) and after.values > b.values:
            out.add(i)
    return frozenset(out)


def contents_groups(doc: Document) -> frozenset[int]:
    """``group_labels`` of a document's contents (``doc.facts.derive(contents_groups)``)."""
    return group_labels(doc.toc)


def _column_clusters(columns: Sequence[int]) -> dict[int, int]:
    """Each column's cluster, ranked from the left: columns within ``COLUMN_TOLERANCE`` of the
    leftmost column of a cluster belong to it."""
    out: dict[int, int] = {}
    rank, start = -1, None
    for col in sorted(set(columns)):
        if start is None or col - start > COLUMN_TOLERANCE:
            rank, start = rank + 1, col
        out[col] = rank
    return out


def _by_indent(nums: Sequence[Number | None], columns: Sequence[int], titles: Sequence[int]) -> list[int | None] | None:
    """Levels from indentation, when the numbers cannot tell them apart: a contents that restarts
    "1." in every chapter ("1. Introduction" over "    1. Home Page") is nested by its indents.
    Only a difference beyond the column tolerance counts: one column of jitter is alignment."""
    levels = infer_levels(nums, columns)
    if not _nests_against_numbers(nums, levels, columns, titles):
        return None
    return [column + 1 for column in columns]


def _nests_against_numbers(
    nums: Sequence[Number | None], levels: Sequence[int | None], columns: Sequence[int], titles: Sequence[int]
) -> bool:
    """Whether the indentation nests an entry under one its number makes it a sibling of: an entry
    at the same or a shallower number level indented deeper than the entry before it, by both its
    number's and its title's column (numbers right-aligned in their column, "VIII." over "  IX.",
    move only the first; appendices indented apart from the body, "B.1." at the column of "1.", are
    deeper where their numbers are deeper, and nest with them). Unnumbered entries between are
    passed over: a licence's "0. PREAMBLE" (no number) before its "1." indented under "A."."""
    last = None  # the last entry with a level
    for k in range(len(levels)):
        j, level = last, levels[k]
        if level is not None:
            last = k
        if j is None or level is None or nums[k] is None:
            continue
        before = levels[j]
        assert before is not None
        number, before_number = nums[k], nums[j]
        if (
            number is not None
            and number.scheme == "appendix"
            and (before_number is None or before_number.scheme != "appendix")
        ):
            continue  # "Appendix A:" set at the title column of a number column: a new series, not a child
        if level <= before and columns[k] > columns[j] and titles[k] > titles[j] + COLUMN_TOLERANCE:
            return True
    return False


def outline_entries(
    toc: list[TocEntry], anchors: Mapping[str, Heading | None], headings: Sequence[Heading]
) -> list[TocEntry]:
    """The contents entries that stand for sections: an entry whose link leads to an anchor that
    exists but is no heading (an API object in a Sphinx page) is not part of the outline, unless a
    heading no other entry links to has its title (the anchor sits just before the heading)."""
    names = [_fragment(e.target) for e in toc]
    linked = {id(anchors[n]) for n in names if n and anchors.get(n) is not None}
    titles = {normalize_title(h.title) for h in headings if id(h) not in linked}
    out = []
    for entry in toc:
        name = _fragment(entry.target)
        if name and name in anchors and anchors[name] is None and normalize_title(entry.title) not in titles:
            continue
        out.append(entry)
    return out


def _unnumbered_level(
    previous: TocEntry | None, previous_column: int, column: int, left: int, at_column: Mapping[int, int]
) -> int:
    # An unnumbered entry ("Preface", "Concluding remarks") is top-level unless it is indented
    # deeper than the entry before it, as part of that entry's sub-list, or sits at the column of
    # earlier entries, whose level it shares.
    if previous is not None and column > previous_column:
        return previous.level + 1
    if previous is None or column <= left:
        return 1
    return at_column.get(column, 1)


# --- contents alignment ---------------------------------------------------------------------

_PUNCT_RE = re.compile(r"[\W_]+", re.UNICODE)
# spaces that only spread out CJK characters (前 言, 目　录) carry no meaning
_CJK_SPACE_RE = lazy(r"(?<=[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]) (?=[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af])")


def normalize_title(title: str) -> str:
    """Compare titles ignoring case, width, whitespace and punctuation."""
    # one title is compared with many (headings, entries, candidates): the short ones, which
    # titles are, are normalised once; a long line is not kept
    return _normalized(title) if len(title) <= 300 else _normalize(title)


def _normalize(title: str) -> str:
    text = _PUNCT_RE.sub(" ", unicodedata.normalize("NFKC", title).casefold()).strip()
    return _CJK_SPACE_RE.sub("", text) if not text.isascii() else text


_normalized = functools.lru_cache(maxsize=4096)(_normalize)

_ARTICLE = re.compile(r"(?:the|a|an) ")


def without_article(norm: str) -> str:
    """A normalised title without the article it may start with: "the nsap rr" is "nsap rr"."""
    m = _ARTICLE.match(norm)
    return norm[m.end() :] if m else norm


def similarity(a: str, b: str, least: float = 0.0) -> float:
    """How alike two normalised titles are, from 0 to 1 (difflib's ratio, by which ``a`` is set
    against ``b``).

    Only whether the likeness reaches ``least`` matters to a caller that gives it: below, a value
    below it is returned without the full comparison. The ratio is at most its two cheap upper
    bounds (the share of the shorter length, and of the characters in common whatever their
    order), so when either is below ``least`` the ratio is too; and when one title holds the
    other, the ratio is the first bound. Whatever reaches ``least`` is the full comparison's value."""
    value, exact = _cheap_similarity(a, b, least)
    return value if exact else _matcher(b, a).ratio()


def _cheap_similarity(a: str, b: str, least: float) -> tuple[float, bool]:
    """``(similarity(a, b, least), True)`` where that needs no full comparison, else ``(bound,
    False)``: the full comparison's value is at most ``bound``, which reaches ``least``."""
    if a == b:
        return 1.0, True
    total = len(a) + len(b)
    bound = 2.0 * min(len(a), len(b)) / total  # difflib's real_quick_ratio
    if bound < least:
        return 0.0, True
    if a in b if len(a) < len(b) else b in a:
        # every character of the shorter title matches, in one block: the ratio is the bound
        return (bound * 0.5 if bound < 0.3 else bound), True
    quick = 2.0 * _common(a, b) / total  # difflib's quick_ratio
    if bound < 0.3 or quick < 0.3:
        return quick * 0.5, True  # titles with little in common: scored by the characters they share
    if quick < least:
        return 0.0, True
    return quick, False


@functools.lru_cache(maxsize=1024)
def _counts(s: str) -> dict[str, int]:
    return collections.Counter(s)


def _common(a: str, b: str) -> int:
    """How many characters two strings have in common, counted with repeats in any order (the
    count behind difflib's ``quick_ratio``)."""
    ca, cb = _counts(a), _counts(b)
    if len(ca) > len(cb):
        ca, cb = cb, ca
    common, get = 0, cb.get
    for c, n in ca.items():
        m = get(c, 0)
        common += n if n < m else m
    return common


@functools.lru_cache(maxsize=512)
def _seq2(b: str) -> difflib.SequenceMatcher[str]:
    # a heading is compared with many entries: its index of characters is built once
    return difflib.SequenceMatcher(None, "", b, autojunk=False)


def _matcher(b: str, a: str) -> difflib.SequenceMatcher[str]:
    m = _seq2(b)
    m.set_seq1(a)
    return m


# The contents can be trusted as a description of the headings when at least this share of its
# entries, or of the headings after it, pair up; below, reading one of the two went wrong (or the
# contents belongs to another document) and one finding says so instead of one per entry.
ALIGNED = 0.5
# Headings at an entry's place (siblings under one parent) looked at for a renamed heading, at most
NEAR_PATH = 10
# Headings that share words with an entry, compared with it by their titles, at most
NEAR_WORDS = 20
# A pair of an entry and a heading whose numbers differ beyond their last part (another
# chapter's) ranks this much lower than its titles' likeness: a title repeated in several
# chapters ("Overview") is no evidence of a move when an entry has the heading's own number.
MOVED_PENALTY = 0.7
# A contents whose document stops early is trusted on the entries before the end only with this many pairs.
TAIL_PAIRS = 3


@dataclass(frozen=True, slots=True)
class Alignment:
    """Which contents entry matched which heading; computed once per document.

    ``reliable`` is False when the contents and the headings cannot be aligned: too few entries
    pair up (see ``ALIGNED``). Rules that compare entries with headings then stay quiet, and one
    finding reports the misfit.
    """

    pairs: tuple[tuple[int, Heading], ...]  # (entry index, heading), in entry order
    unmatched_entries: tuple[int, ...]
    unmatched_headings: tuple[Heading, ...]
    out_of_order: tuple[int, ...]  # entry indices whose heading breaks the contents order
    entry_parents: tuple[int | None, ...]  # index of each entry's parent entry

    tail: int  # first entry past the end of a document that stops early; len(toc) when it does not
    reliable: bool = True
    by_entry: Mapping[int, Heading] = field(default_factory=dict)
    by_heading: Mapping[int, int] = field(default_factory=dict)  # id(heading) -> entry index

    def heading_for(self, index: int) -> Heading | None:
        return self.by_entry.get(index)

    def entry_for(self, heading: Heading) -> int | None:
        return self.by_heading.get(id(heading))


def _entry_parents(toc: Sequence[TocEntry]) -> list[int | None]:
    parents: list[int | None] = []
    stack: list[int] = []
    for i, entry in enumerate(toc):
        while stack and toc[stack[-1]].level >= entry.level:
            stack.pop()
        parents.append(stack[-1] if stack else None)
        stack.append(i)
    return parents


def _entry_path(toc: Sequence[TocEntry], parents: Sequence[int | None], i: int) -> tuple[object, ...]:
    out: list[object] = []
    node: int | None = i
    while node is not None:
        number = toc[node].number
        out.append(number.values if number else normalize_title(toc[node].title))
        node = parents[node]
    return tuple(reversed(out))


def _heading_path(doc: Document, h: Heading) -> tuple[object, ...]:
    return tuple(n.number.values if n.number else normalize_title(n.title) for n in doc.facts.path(h))


def align(doc: Document) -> Alignment:
    """Match contents entries to headings by title (fuzzy) and number, preserving what matches best.

    Computed once per document: rules use ``doc.facts.alignment``."""
    toc = doc.toc
    headings = doc.facts.headings
    parents = _entry_parents(toc)
    used: dict[int, int] = {}  # id(heading) -> entry index
    by_id = {id(h): h for h in headings}
    match: dict[int, Heading] = {}

    titles = {id(h): normalize_title(h.title) for h in headings}  # each compared with many entries
    paths: dict[int, tuple[object, ...]] = {}

    def path_of(h: Heading) -> tuple[object, ...]:
        p = paths.get(id(h))
        if p is None:
            p = paths[id(h)] = _heading_path(doc, h)
        return p

    by_title: dict[str, list[Heading]] = {}
    for h in headings:
        by_title.setdefault(titles[id(h)], []).append(h)
    # 0. a contents link names its heading outright (Markdown, HTML), whatever the titles say.
    by_anchor: dict[str, Heading | None] = {h.anchor: h for h in reversed(headings) if h.anchor}
    by_anchor.update((k, v) for k, v in doc.anchors.items() if v is not None)
    for i, entry in enumerate(toc):
        target = _fragment(entry.target)
        named = (by_anchor.get(target) or by_anchor.get((entry.target or "")[1:])) if target else None
        if named is not None and id(named) not in used:
            match[i] = named
            used[id(named)] = i
    # 1. identical titles; among several, prefer the same number path, then the same label. A
    # heading with another number is left to step 2, where the heading that has the entry's
    # number and place may be the better match (the entry's own heading was renamed).
    for i, entry in enumerate(toc):
        if i in match:
            continue
        cands = [h for h in by_title.get(normalize_title(entry.title), []) if id(h) not in used]
        if entry.number is not None:
            values = entry.number.values
            cands = [h for h in cands if h.number is None or h.number.values == values]
        if not cands:
            continue
        path = _entry_path(toc, parents, i)
        label = entry.number.values if entry.number else None
        cands.sort(key=lambda h: (path_of(h) != path, (h.number.values if h.number else None) != label))
        match[i] = cands[0]
        used[id(cands[0])] = i
    # 2. fuzzy titles and equal numbers, best pairs first.
    rest = [i for i in range(len(toc)) if i not in match]
    free = [h for h in headings if id(h) not in used]
    if rest and free:
        index: dict[object, list[Heading]] = {}
        for h in free:
            index.setdefault(path_of(h), []).append(h)
            if h.number is not None:
                index.setdefault(("number", h.number.values), []).append(h)
            for tok in _tokens(titles[id(h)]):
                index.setdefault(tok, []).append(h)
        path_lines = {key: [h.span.line for h in hs] for key, hs in index.items() if isinstance(key, tuple)}
        # the first headings that have each word, by id: every entry with the word counts them
        with_word = {key: [id(h) for h in hs[:50]] for key, hs in index.items() if isinstance(key, str)}
        # (-score, entry, order met, heading, pending): a pair whose likeness needs difflib's full
        # comparison is queued at its upper bound and compared only when it comes up with its
        # entry and heading still free (most never do); the pairs come off in the order a sort of
        # the scored pairs by (-score, entry) gives
        scored: list[tuple[float, int, int, int, tuple[str, bool, bool, bool, bool] | None]] = []
        # how deep the contents numbers its entries: a heading numbered deeper is one it does not
        # list, and pairs none of its entries of another number ("1.4.4.2. Miscellaneous" is no
        # "12.6.7. Miscellaneous" the contents lists, in a manual cut before chapter 12)
        listed_depth = max((e.number.depth for e in toc if e.number is not None), default=0)
        for i in rest:
            entry = toc[i]
            norm = normalize_title(entry.title)
            path = _entry_path(toc, parents, i)
            # the free headings at the entry's place, from the heading of the last entry paired
            # before it on: a bounded window, not every sibling of a chapter with thousands
            at = index.get(path, [])
            if len(at) > NEAR_PATH:
                after = next((match[j].span.line for j in range(i - 1, -1, -1) if j in match), 0)
                start = bisect.bisect_left(path_lines[path], after)
                at = at[start : start + NEAR_PATH]
            pool: dict[int, Heading] = {id(h): h for h in at}
            if entry.number is not None:
                for h in index.get(("number", entry.number.values), [])[:50]:
                    pool.setdefault(id(h), h)
            # its own title on a heading of another number: a short one has no word to find it by
            # ("9.3. PDF" renumbered "9.5. PDF")
            for h in [h for h in by_title.get(norm, []) if id(h) not in used][:50]:
                pool.setdefault(id(h), h)
            # headings that share its words, those that share the most first (in the order first
            # met among equals), a bounded number
            shared = collections.Counter(itertools.chain.from_iterable(with_word.get(k, ()) for k in _tokens(norm)))
            for hid in [hid for hid in shared if hid in pool]:
                del shared[hid]
            for hid, _ in shared.most_common(NEAR_WORDS):
                pool[hid] = by_id[hid]
            # a chapter's own contents lists "1.3.2." under "1.3.", not under the "Chapter 1." over
            # them, and a contents may leave out the document's title over every heading: the path
            # it gives ends the heading's (below a root numbered as a sub-section, or under
            # unnumbered titles only: a "1)" deep in chapter 2 is no "1." of the top level)
            below = entry.number is not None and bool(path) and isinstance(path[0], tuple) and len(path[0]) > 1
            for hid, h in pool.items():
                hp = path_of(h)
                ends = len(hp) > len(path) and hp[-len(path) :] == path
                over = ends and (below or all(isinstance(x, str) for x in hp[: -len(path)]))
                same_path = entry.number is not None and (hp == path or over)
                same_label = (
                    entry.number is not None and h.number is not None and entry.number.values == h.number.values
                )
                # two numbers that differ as well as the titles: only a near-identical title pairs
                renumbered = entry.number is not None and h.number is not None and not same_label
                if renumbered and h.number.depth > listed_depth:  # type: ignore[union-attr]
                    continue
                if renumbered and _other_kind(entry.number, h.number, titles[hid] == norm):  # type: ignore[arg-type]
                    continue  # "6.3.1.5. Mengonfigurasi Jaringan" is no "B.4.2. Konfigurasi jaringan" renumbered
                # one numbered and the other not: a near-identical title too ("Author's Address"
                # is no "2.2. <address>")
                strict = renumbered or (entry.number is None) != (h.number is None)
                # the likeness that pairs them (below it the pair is not scored): any at their place
                least = 0.0 if same_path else 0.5 if same_label else 0.8 if strict else 0.6
                # another chapter's number too: the title alone pairs them ("1.1. Overview" for a
                # "2.2. Overview"), after the entry that has the heading's own number and place
                moved = renumbered and entry.number.values[:-1] != h.number.values[:-1]  # type: ignore[union-attr]
                sim, exact = _cheap_similarity(norm, titles[hid], least)
                if not exact:
                    pending = (norm, same_path, same_label, strict, moved)
                    scored.append((-_score(sim, same_path, same_label, moved), i, len(scored), hid, pending))
                elif sim >= (0.8 if strict else 0.6) or same_path or (same_label and sim >= 0.5):
                    scored.append((-_score(sim, same_path, same_label, moved), i, len(scored), hid, None))
        heapq.heapify(scored)
        left = len(rest)
        while scored and left and len(used) < len(headings):
            _, i, seq, hid, waiting = heapq.heappop(scored)
            if i in match or hid in used:
                continue
            if waiting is not None:
                norm, same_path, same_label, strict, moved = waiting
                sim = _matcher(titles[hid], norm).ratio()  # what similarity() returns for them
                if sim >= (0.8 if strict else 0.6) or same_path or (same_label and sim >= 0.5):
                    heapq.heappush(scored, (-_score(sim, same_path, same_label, moved), i, seq, hid, None))
                continue
            match[i] = by_id[hid]
            used[hid] = i
            left -= 1
    order = {id(h): k for k, h in enumerate(headings)}
    if len(match) < len(toc) and len(used) < len(headings):
        _pair_renamed(toc, headings, match, used, order)
    pairs = sorted(match.items())
    keep = _longest_increasing([order[id(h)] for _, h in pairs])
    out_of_order = tuple(pairs[k][0] for k in range(len(pairs)) if k not in keep)
    unmatched = tuple(h for h in headings if id(h) not in used)
    toc_line = doc.toc_span.line if doc.toc_span else 0
    after = sum(1 for h in headings if h.span.line > toc_line)
    # the end is judged on the pairs in document order: a line far back that happens to carry a
    # late entry's title ("- Date" in a list, for "14.18 Date") is no sign the document goes on
    ordered = [pairs[k] for k in sorted(keep)]
    last_line = max((h.span.line for _, h in ordered), default=0)
    tail = _tail(toc, [p for k, p in enumerate(pairs) if k in keep or p[1].span.line > last_line], unmatched)
    if all(i in match for i in range(tail, len(toc))):
        tail = len(toc)  # every later entry has its heading, only elsewhere: moved, not lost
    # a document that stops early is judged on the entries it reaches: those past its end cannot pair
    reached = len(pairs) >= max(TAIL_PAIRS, ALIGNED * tail) if tail < len(toc) else False
    # half the headings after the contents are judged by the pairs made with them: a title heading
    # above a list of sub-pages that one entry repeats is no sign the list is the contents
    later = sum(1 for _, h in pairs if h.span.line > toc_line)
    reliable = bool(pairs) and (len(pairs) >= ALIGNED * len(toc) or (later and later >= ALIGNED * after) or reached)
    return Alignment(
        tuple(pairs),
        tuple(i for i in range(len(toc)) if i not in match),
        unmatched,
        out_of_order,
        tuple(parents),
        tail,
        reliable,
        dict(pairs),
        {id(h): i for i, h in pairs},
    )


# How many headings with an entry's number, between the pairs around it, are looked at
RENAMED_LOOK = 8


def _pair_renamed(
    toc: Sequence[TocEntry],
    headings: Sequence[Heading],
    match: dict[int, Heading],
    used: dict[int, int],
    order: Mapping[int, int],
) -> None:
    """Pair a numbered entry left over with the one heading left over that has its number, of its
    kind, between the headings of the entries paired on either side of it: the heading renamed
    since the contents was made ("1.8 Is there an anonymous cvs server?" now "1.8. Is there a
    public source code repository?"), one title finding rather than an entry without a heading
    and a heading missing from the contents. One pass each way over the entries. So is an
    unnumbered entry with the one unnumbered heading left between the same two pairs."""
    free: dict[tuple[int, ...], list[int]] = {}
    plain: list[int] = []  # the unnumbered headings left over, in order
    for k, h in enumerate(headings):
        if id(h) not in used:
            if h.number is not None:
                free.setdefault(h.number.values, []).append(k)
            else:
                plain.append(k)
    if not free and not plain:
        return
    before = [-1] * len(toc)
    last = -1
    for i in range(len(toc)):
        before[i] = last
        if i in match:
            last = order[id(match[i])]
    after = [len(headings)] * len(toc)
    nxt = len(headings)
    for i in range(len(toc) - 1, -1, -1):
        after[i] = nxt
        if i in match:
            nxt = order[id(match[i])]
    for i, entry in enumerate(toc):
        if i in match or entry.number is None:
            continue
        ks = free.get(entry.number.values, [])
        found: list[int] = []
        # the headings with its number between the two pairs, in order: two are enough to say it is
        # not one (a bounded look, however many headings share a number)
        for k in ks[bisect.bisect_right(ks, before[i]) : bisect.bisect_left(ks, after[i])][:RENAMED_LOOK]:
            h = headings[k]
            if id(h) not in used and not _other_kind(entry.number, h.number, True):  # type: ignore[arg-type]
                found.append(k)
                if len(found) > 1:
                    break
        if len(found) == 1:
            match[i] = headings[found[0]]
            used[id(headings[found[0]])] = i
    # An unnumbered entry alone in its slot between two pairs, and one unnumbered heading alone
    # there too: that heading, reworded since the contents was made (a FAQ's question asked anew)
    slots = collections.Counter((before[i], after[i]) for i, e in enumerate(toc) if i not in match and e.number is None)
    for i, entry in enumerate(toc):
        if i in match or entry.number is not None or slots[(before[i], after[i])] != 1:
            continue
        ks = plain[bisect.bisect_right(plain, before[i]) : bisect.bisect_left(plain, after[i])]
        if len(ks) == 1 and id(headings[ks[0]]) not in used and before[i] >= 0 and after[i] < len(headings):
            match[i] = headings[ks[0]]
            used[id(headings[ks[0]])] = i


def _other_kind(a: Number, b: Number, same_title: bool = False) -> bool:
    """Numbers of another family or depth (an appendix's "B.4.2." and a chapter's "6.3.1.5."): a
    heading renumbered since its contents entry keeps the kind of number it had. With the same
    title, only another family: a section moved a level keeps its title, and a chapter's section
    that an appendix repeats the title of ("Configuring the Network") is still no appendix."""
    other = _kind(numbering.family(a)) != _kind(numbering.family(b))
    return other or (not same_title and a.depth != b.depth)


# families that number as decimals do, with a word before ("Chapter 5." lists as "5.")
_COUNTED = frozenset({"chapter", "part", "book", "section", "article", "lesson", "unit"})


def _kind(family: str) -> str:
    if family in _COUNTED or family.startswith("cjk-"):
        return "decimal"
    return "appendix" if family == "alpha-upper" else family


def _score(sim: float, same_path: bool, same_label: bool, moved: bool) -> float:
    """How well an entry and a heading pair: their titles' likeness, raised at the entry's place
    and number, lowered for another chapter's number."""
    return sim + 0.3 * same_path + 0.1 * same_label - MOVED_PENALTY * moved


def _tail(toc: Sequence[TocEntry], pairs: Sequence[tuple[int, Heading]], unmatched: Sequence[Heading]) -> int:
    """The entries after the last matched one are past the document's end when no heading at a
    level the contents lists follows that last match: the file stops early."""
    if not pairs:
        return len(toc)
    last_entry, last_heading = pairs[-1]
    offset = last_heading.level - toc[last_entry].level
    depth = max(e.level for e in toc)
    if any(h.span.line > last_heading.span.line and h.level - offset <= depth for h in unmatched):
        return len(toc)
    return last_entry + 1


def _tokens(title: str) -> set[str]:
    """Words that make a heading a candidate for an entry: long words and non-ASCII ones, and the
    first five letters of long words, so that "Installing" finds "Installation"."""
    out: set[str] = set()
    for tok in title.split():
        if len(tok) >= 4 or not tok.isascii():
            out.add(tok)
        if len(tok) > 5 and tok.isascii():
            out.add(tok[:5] + "…")
    return out


def _fragment(target: str | None) -> str | None:
    """The anchor a ``#fragment`` link names, percent-decoded; None for other links."""
    if not target or not target.startswith("#"):
        return None
    from urllib.parse import unquote

    return unquote(target[1:])


def _longest_increasing(seq: Sequence[int]) -> set[int]:
    """Indices of one longest strictly increasing subsequence (patience sorting)."""
    import bisect

    tails: list[int] = []
    tail_idx: list[int] = []
    prev = [-1] * len(seq)
    for k, v in enumerate(seq):
        pos = bisect.bisect_left(tails, v)
        if pos == len(tails):
            tails.append(v)
            tail_idx.append(k)
        else:
            tails[pos] = v
            tail_idx[pos] = k
        prev[k] = tail_idx[pos - 1] if pos else -1
    out: set[int] = set()
    k = tail_idx[-1] if tail_idx else -1
    while k >= 0:
        out.add(k)
        k = prev[k]
    return out


# --- how sure the reading is ------------------------------------------------------------------

# A numbering scheme confirms its headings when it has at least this many of them and at least
# this share of their steps is exact (the next number, or a first child numbered 1): a long,
# consistent chain is evidence a heading's own shape is not. One misnumbered heading in a long
# chain leaves it consistent, and is reported; numbered list items, release versions listed
# newest first and numbered steps restarting in every section make no such chain.
CHAIN_MIN = 3
CHAIN_CONSISTENT = 0.75


# Labels that name what they number ("Chapter 3", "Appendix B", "第三章"): never a list item.
_NAMED = frozenset(
    {"chapter", "part", "book", "appendix", "section", "article", "cjk-chapter", "cjk-part", "cjk-section", "cjk-book"}
)


def _evidenced(h: Heading) -> bool:
    """Whether a plain-text heading was read on evidence beyond its own shape: the contents lists
    it, it is underlined (a style the author chose for headings), or its label names a chapter."""
    s = h.style or ""
    named = h.number is not None and h.number.scheme in _NAMED
    return named or h.marked or s.startswith("over") or "contents" in s or "uncontested" in s


def chained_families(doc: Document) -> frozenset[str]:
    """The numbering families whose headings form a long consistent chain (see ``CHAIN_MIN``)."""
    total: dict[str, int] = {}
    exact: dict[str, int] = {}
    groups: list[Sequence[Heading]] = [doc.headings, *(h.children for h in doc.facts.headings if h.children)]
    for k, siblings in enumerate(groups):
        last: dict[str, Number] = {}
        for h in siblings:
            n = h.number
            if n is None:
                continue
            fam = numbering.family(n)
            p = last.get(fam)
            last[fam] = n
            if p is None and k == 0:
                continue  # where a file starts is the start rule's question, not the chain's
            if p is None:
                ok = n.values[-1] == 1
            else:
                ok = p.depth == n.depth and p.values[:-1] == n.values[:-1] and n.values[-1] == p.values[-1] + 1
            total[fam] = total.get(fam, 0) + 1
            exact[fam] = exact.get(fam, 0) + ok
    return frozenset(f for f, n in total.items() if n >= CHAIN_MIN and exact[f] >= CHAIN_CONSISTENT * n)


def confirmed(doc: Document) -> frozenset[int]:
    """The headings (by ``id``) whose reading is confirmed: in markup formats every heading; in
    plain text those the contents lists, those underlined, and those of a numbering family that
    forms a long consistent chain. A rule whose premise is a heading speaks only of these: where
    the reader went by a line's shape alone, a finding would stand on a guess.

    Shared by rules through ``doc.facts.derive(confirmed)``."""
    heads = doc.facts.headings
    if doc.format != "text":
        return frozenset(id(h) for h in heads)
    chained = doc.facts.derive(chained_families)
    al = doc.facts.alignment if doc.toc else None
    paired = al.by_heading if al is not None and al.reliable else {}
    return frozenset(
        id(h)
        for h in heads
        if _evidenced(h) or id(h) in paired or (h.number is not None and numbering.family(h.number) in chained)
    )
