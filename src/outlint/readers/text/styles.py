"""Heading styles learnt from the document, the contents looked up by title and number, and the numbering chain."""

from __future__ import annotations

import bisect
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from outlint import numbering, outline
from outlint.model import Number, TocEntry

# Among many entries with one title or number, the few after the last one found are compared.
NEAR = 8
# Families whose number says the level outright, whatever the contents' indentation says.
WORDY = frozenset(
    {
        "chapter",
        "part",
        "book",
        "appendix",
        "section",
        "article",
        "cjk-chapter",
        "cjk-part",
        "cjk-section",
        "cjk-article",
        "cjk-book",
    }
)
# Chapters and appendices whose sub-sections are numbered N.1 and X.1 ("Chapter 1." > "1.1.").
_PARENTS = {"chapter": "decimal", "cjk-chapter": "decimal", "appendix": "alpha-decimal", "part": "decimal"}
# Heading-shaped candidates vote on their family's indent once there are this many of them.
SHAPED_VOTES = 3
# Confirmed numbered headings it takes to say where a document sets its headings of any family.
CONFIRMED_STYLE = 3
# A family whose confirmed headings, this many or more, nearly all (this share) sit at one indent
# sets them exactly: a candidate a column off is a list item (a renderer's right-aligned " 2."
# under "1.1. Title"), not a heading typed with a column of jitter.
EXACT_STYLE = 8
EXACT_SHARE = 0.9
# A document underlines its numbered headings when this share of the confirmed ones is underlined.
UNDERLINED = 2 / 3


# An unnumbered line spells a contents entry's title otherwise when they are this alike (difflib's
# ratio: one letter in a word of ten, a plural) and the entry is among the next ones not found.
RESPELLED = 0.85
RESPELLED_AHEAD = 2
# A numbered heading whose title only resembles its entry's (a renamed heading) is where the
# contents expects the next ones: its entry is at most this many after the last one found.
RENAMED_AHEAD = 3


def _closing_mark(label: str) -> str:
    """The punctuation a number's label ends with ("." of "6.", ")" of "2)"), or none."""
    return label[-1] if label and not label[-1].isalnum() else ""


class Listing:
    """The contents entries, looked up by title and by number: which entry lists a candidate."""

    def __init__(self, toc: Sequence[TocEntry]) -> None:
        self.toc = toc
        self.by_title: dict[str, list[int]] = {}
        self.by_number: dict[tuple[int, ...], list[int]] = {}
        self.last = -1  # the entry found last: the next ones are looked for after it
        self.exact: set[int] = set()  # the entries found by their own title and number
        self.taken: set[int] = set()  # the entries found so far
        self.titles = [outline.normalize_title(entry.title) for entry in toc]
        # entries per number and scheme, not found yet and found: counted, not looked through (a
        # contents may number a thousand steps "(1)" alike)
        self._open: Counter[tuple[tuple[int, ...], str]] = Counter()
        self._found: Counter[tuple[tuple[int, ...], str]] = Counter()
        for k, entry in enumerate(toc):
            self.by_title.setdefault(self.titles[k], []).append(k)
            if entry.number is not None:
                self.by_number.setdefault(entry.number.values, []).append(k)
                self._open[entry.number.values, entry.number.scheme] += 1

    def find(self, number: Number | None, title: str, fresh: bool = False) -> int | None:
        """The entry with this title (and number, when both have one), or with this number and a
        title much like it; None when the contents does not list it. Entries after the one found
        last come first: the contents and the headings go in the same order. ``fresh``: None for
        the entry found last (its title repeated in its own section's text, a request's name
        over its definition)."""
        found = self._find(number, title)
        if found is None and number is None:
            found = self._respelled(title)
        if found is not None and fresh and found == self.last:
            return None
        if found is not None:
            self.last = found
            if found not in self.taken:
                self.taken.add(found)
                listed = self.toc[found].number
                if listed is not None:
                    self._open[listed.values, listed.scheme] -= 1
                    self._found[listed.values, listed.scheme] += 1
        return found

    def number_open(self, number: Number) -> bool:
        """Whether an entry not found yet has this number, in this scheme."""
        return self._open[number.values, number.scheme] > 0

    def marked_otherwise(self, number: Number) -> bool:
        """Whether every entry with this number closes it with other punctuation ("6" listed, a
        line "6." in the text): the contents lists a section numbered so, and the line is no
        heading of the document's, which spells its numbers as the contents does."""
        listed = [self.toc[k].number for k in self.by_number.get(number.values, [])]
        ends = {_closing_mark(n.label) for n in listed if n is not None and n.scheme == number.scheme}
        return bool(ends) and _closing_mark(number.label) not in ends

    def number_taken(self, number: Number) -> bool:
        """Whether an entry with this number, in this scheme, has found its heading already."""
        return self._found[number.values, number.scheme] > 0

    def lists(self, number: Number | None, title: str) -> bool:
        """Whether an entry has this title and number (none for none), looking nothing up for later."""
        values = number.values if number is not None else None
        listed = (self.toc[k].number for k in self.by_title.get(outline.normalize_title(title), []))
        return any((e.values if e is not None else None) == values for e in listed)

    def _respelled(self, title: str) -> int | None:
        """The next unnumbered entry not found yet, when the line spells its title a little
        otherwise ("Acknowledgements" listed as "Acknowledgments", "Authors' Addresses" as
        "Author's Address"): the heading, renamed (OL103 reports it)."""
        norm = outline.normalize_title(title)
        if not norm:
            return None
        bare = outline.without_article(norm)
        for k in range(self.last + 1, min(len(self.toc), self.last + 1 + RESPELLED_AHEAD)):
            if k in self.taken or self.toc[k].number is not None:
                continue
            if outline.similarity(norm, self.titles[k], RESPELLED) >= RESPELLED:
                return k
            if bare == outline.without_article(self.titles[k]):
                return k  # "The NSAP RR" listed as "NSAP RR"
        return None

    def _after(self, ks: list[int]) -> list[int]:
        """The entries of ``ks`` (in order) from the one after the last found, then the others."""
        at = bisect.bisect_right(ks, self.last)
        return ks[at:] + ks[:at] if len(ks) <= NEAR else ks[at : at + NEAR]

    def _find(self, number: Number | None, title: str) -> int | None:
        norm = outline.normalize_title(title)
        same = self._after(self.by_title.get(norm, [])) if norm else []
        if number is not None:
            for k in same:
                e = self.toc[k].number
                if e is None or e.values == number.values:
                    self.exact.add(k)
                    return k
            fam = numbering.family(number)
            for k in same:
                # the entry's own title under the same parent, the last part of the number changed:
                # a heading renumbered since the contents was made (OL104 reports it)
                e = self.toc[k].number
                if (
                    e is not None
                    and e.depth == number.depth
                    and e.values[:-1] == number.values[:-1]
                    and _same_family(numbering.family(e), fam)
                ):
                    return k
            for k in self._after(self.by_number.get(number.values, [])):
                listed = self.toc[k].number
                alike = listed is not None and _same_family(numbering.family(listed), fam)
                if k in self.exact:
                    continue  # its heading was found already: a sentence citing it by number and title
                if not self.last < k <= self.last + RENAMED_AHEAD:
                    continue  # far from where the contents has got to: a list item, a step, a citation
                if alike and outline.similarity(norm, self.titles[k], 0.5) >= 0.5:
                    return k
            return None
        return same[0] if same else None


def _same_family(a: str, b: str) -> bool:
    """Two schemes a contents and its headings use for one number ("1." for "Chapter 1.")."""
    return a == b or {a, b} <= {"decimal", *WORDY}


@dataclass(frozen=True, slots=True)
class Style:
    """How the document sets the headings it confirms: (family, depth) -> indents and underlines."""

    indents: dict[tuple[str, int], set[int]]
    voted: dict[str, set[int]]  # family -> indents of its heading-shaped candidates, when unconfirmed
    underlined: dict[str, float]  # family -> share of its confirmed headings that are underlined
    any_underlined: float  # the same over every confirmed numbered heading
    confirmed: int
    outermost: int = 0  # the deepest indent of a confirmed numbered heading, of any family
    exact: Mapping[str, int] = field(default_factory=dict)  # family -> the one indent of its many confirmed headings

    def underlines(self, family: str) -> bool:
        """Whether the document underlines its numbered headings of this family."""
        share = self.underlined.get(family, self.any_underlined if self.confirmed >= 2 else 0.0)
        return share >= UNDERLINED

    def indent_ok(self, family: str, depth: int, margin: int) -> bool | None:
        """Whether an indent is one the confirmed headings of this family use (within a column);
        None when the document has shown none."""
        seen = self.indents.get((family, depth)) or self.indents.get((family, 0))
        if not seen:
            return None
        if family in self.exact:
            return margin <= self.exact[family]
        return any(abs(margin - x) <= 1 for x in seen) or margin <= min(seen)

    def off_exact(self, family: str, margin: int) -> bool:
        """Whether a family set at one exact indent has a line deeper than it."""
        return family in self.exact and margin > self.exact[family]

    def in_the_text(self, margin: int, prose_indent: int) -> bool:
        """Whether a candidate of a family the contents confirms none of sits at the prose indent
        or deeper, in a document whose confirmed headings all stand out of the prose, left of it
        (Internet-Drafts, DocBook text: headings at the margin, text and lists indented): a list
        item written in the text, not a heading."""
        return self.confirmed >= CONFIRMED_STYLE and self.outermost < prose_indent <= margin

    def off_vote(self, family: str, margin: int) -> bool:
        """Whether an unconfirmed family's heading-shaped candidates sit elsewhere (deeper)."""
        seen = self.voted.get(family)
        return seen is not None and bool(seen) and margin > max(seen) + 1


def learn(confirmed: Sequence[tuple[Number, int, bool]], shaped: Sequence[tuple[Number, int]] = ()) -> Style:
    """The style of the confirmed numbered headings: (number, indent, underlined) of each. For a
    family the contents and the underlines confirm nothing of, the indents of its heading-shaped
    candidates stand in: the commonest ones (a third as common as the commonest, or more)."""
    indents: dict[tuple[str, int], set[int]] = {}
    under: dict[str, list[bool]] = {}
    margins: dict[str, Counter[int]] = {}
    for number, margin, underlined in confirmed:
        fam = numbering.family(number)
        margins.setdefault(fam, Counter())[margin] += 1
        indents.setdefault((fam, number.depth), set()).add(margin)
        indents.setdefault((fam, 0), set()).add(margin)
        under.setdefault(fam, []).append(underlined)
    votes: dict[str, Counter[int]] = {}
    for number, margin in shaped:
        fam = numbering.family(number)
        if fam not in under:
            votes.setdefault(fam, Counter())[margin] += 1
    voted: dict[str, set[int]] = {}
    for fam, counts in votes.items():
        top = max(counts.values())
        if sum(counts.values()) >= SHAPED_VOTES:
            voted[fam] = {m for m, k in counts.items() if k * 3 >= top}
    shares = {fam: sum(u) / len(u) for fam, u in under.items()}
    every = [u for us in under.values() for u in us]
    deepest = max((margin for _, margin, _ in confirmed), default=0)
    exact = {}
    for fam, counts in margins.items():
        at, times = counts.most_common(1)[0]
        total = sum(counts.values())
        if total >= EXACT_STYLE and times >= EXACT_SHARE * total:
            exact[fam] = at
    return Style(indents, voted, shares, sum(every) / len(every) if every else 0.0, len(every), deepest, exact)


def continues(number: Number, seen: Sequence[Number]) -> bool:
    """Whether a number is the next one after the headings so far: the next sibling of the last
    heading of its scheme and depth, the first child of the last heading one level up, or the first
    section of the last chapter or appendix ("Chapter 1." then "1.1.")."""
    for prev in reversed(seen[-50:]):
        if prev.scheme == number.scheme and prev.depth == number.depth:
            return prev.values[:-1] == number.values[:-1] and prev.values[-1] + 1 == number.values[-1]
        if prev.depth + 1 == number.depth and numbering.family(prev) == numbering.family(number):
            return prev.values == number.values[:-1] and number.values[-1] == 1
        if _PARENTS.get(prev.scheme) == number.scheme and number.depth == 2:
            return prev.values == number.values[:1] and number.values[-1] == 1
    return False


def restarts_inside(number: Number, seen: Sequence[Number]) -> bool:
    """A one-part number that goes back inside a dotted section ("1." under "1.1."): a list ("1."
    under "0.2." is the next chapter of a document counted from zero)."""
    if number.depth != 1 or not seen:
        return False
    last = seen[-1]
    if last.depth < 2 or numbering.family(last) != numbering.family(number):
        return False
    return (number.values[0] == 1 and last.values[0] != 0) or number.values[0] < last.values[0]
