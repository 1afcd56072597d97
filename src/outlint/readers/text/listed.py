"""Lines of plain text the contents lists: a title as its entry has it, wrapped or not, where such
titles sit, and a chapter's own list of its sections, which is no heading."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence

from outlint import numbering
from outlint.model import Number
from outlint.readers.text.blocks import Habits
from outlint.readers.text.lines import FUNCTION_WORDS, SENTENCE_END, TITLE_LINES, UNDERLINE, indent
from outlint.readers.text.styles import WORDY, Listing


def _lists_entries(lines: Sequence[str], block: list[int], listing: Listing) -> bool:
    """Whether every line of a block is a numbered entry of the contents, number and title: a
    chapter's own list of its sections, printed under its title as DocBook text exports do. An
    entry may wrap onto the lines under it (at any indent), up to ``TITLE_LINES`` lines."""
    pending: tuple[Number, str] | None = None  # an entry wrapped onto the next line, its title so far
    wrapped = entries = 0
    for i in block:
        line = lines[i].strip()
        parsed = numbering.parse(line)
        if parsed is None and pending is not None and wrapped < TITLE_LINES - 1:
            parsed = (pending[0], f"{pending[1]} {line}")
            wrapped += 1
        elif parsed is not None:
            wrapped = 0
            entries += 1
        if parsed is None:
            return False
        pending = None if listing.lists(*parsed) else parsed
    # (one entry wrapped over its lines is a wrapped heading, not a list)
    return pending is None and (entries >= 2 or wrapped == 0)


def _short_underline(lines: Sequence[str], block: list[int], listing: Listing) -> tuple[int, int, str] | None:
    """A title the contents lists, over a rule shorter than the title (a FAQ that underlines each
    question with a rule of one length), wrapped or not: its underline all the same."""
    if len(block) < 2 or not listing.toc or not _listed_title(lines[block[0]], listing):
        return None
    for j in range(1, min(len(block), TITLE_LINES + 1)):
        if block[j] != block[0] + j:
            return None
        rule = lines[block[j]].strip()
        if UNDERLINE.fullmatch(rule) is not None:
            return block[0], block[j], rule[0]
    return None


def _listed_over_text(lines: Sequence[str], block: list[int], listing: Listing) -> bool:
    """Whether a block's first line is a numbered title the contents lists as it stands, or an
    unnumbered question it lists, and the line under it no part of it: a heading with its text set
    right under it ("A. Contributors" / "In no particular order:")."""
    parsed = numbering.parse(lines[block[0]].replace("\f", ""))
    if parsed is None and listing.toc:
        # an unnumbered question the contents lists, asked whole, over a note or its answer's
        # label ("Q: What risk does moderation introduce?" / "[added by ...]" / "A:")
        title = lines[block[0]].strip()
        below = lines[block[1]].strip()
        return title.endswith("?") and listing.lists(None, title) and not listing.lists(None, f"{title} {below}")
    if parsed is None or not parsed[1] or not listing.toc or not listing.lists(*parsed):
        return False
    below = lines[block[1]].strip()
    if not below[:1].isupper() or parsed[1].split()[-1].lower() in FUNCTION_WORDS:
        return False  # the title wraps onto the line under it ("... streamed by VLS with the" / "mini-SAP-server")
    if indent(lines[block[1]]) > indent(lines[block[0]]):
        # set in under the title: a question wrapped at its hanging indent ("2.4  ... Why not?" /
        # "     When I run configure ...")
        return False
    return not listing.lists(parsed[0], f"{parsed[1]} {below}")


# Contents-listed headings of one level at one indent, this many, set that level's indent.
LEVEL_INDENT = 2


class _Placed:
    """Where the lines taken for contents entries sat, per entry level: their indents, and their
    centres (twice the middle column: a centred title's indent changes with its length)."""

    def __init__(self) -> None:
        self.indents: defaultdict[int, Counter[int]] = defaultdict(Counter)
        self.centres: defaultdict[int, Counter[int]] = defaultdict(Counter)

    def add(self, level: int, line: str) -> None:
        self.indents[level][indent(line)] += 1
        self.centres[level][_centre(line)] += 1

    def off(self, level: int, line: str, habits: Habits) -> bool:
        """Whether at least ``LEVEL_INDENT`` lines of this level sat at one other indent, and none
        at this line's indent; or, where more of them share a centre than an indent (centred
        titles), none centred where this line is. A line centred over the text is never off (a
        centred "GLOSSARY" after appendices set at the margin)."""
        seen = self.indents.get(level)
        if not seen or seen[indent(line)] or _centred(line, habits):
            return False
        centre, centres = _centre(line), self.centres[level]
        if max(centres.values()) > max(seen.values()):
            return max(centres.values()) >= LEVEL_INDENT and not any(centres[centre + d] for d in (-1, 0, 1))
        return max(seen.values()) >= LEVEL_INDENT


def _centre(line: str) -> int:
    return 2 * indent(line) + len(line.strip())


# A centred line sits this far at most from the middle of the text column, in half columns; and
# this far in at least.
CENTRED_WITHIN = 4
CENTRED_INDENT = 8


def _centred(line: str, habits: Habits) -> bool:
    middle = habits.prose_indent + habits.wrap_width
    return indent(line) >= CENTRED_INDENT and abs(_centre(line) - middle) <= CENTRED_WITHIN


def _lead_in(line: str, title: str) -> bool:
    """A line ending in a colon where the entry's title does not."""
    return line.rstrip().endswith((":", "：")) and not title.rstrip().endswith((":", "："))


def _wrapped_title(lines: Sequence[str], block: list[int], listing: Listing) -> str | None:
    """A block of two to ``TITLE_LINES`` lines that, joined, is word for word the title of an
    unnumbered contents entry: that title wrapped at the document's width (a long book title over
    its first chapter), with the first line's indent."""
    if not 2 <= len(block) <= TITLE_LINES or not listing.toc:
        return None
    first = lines[block[0]]
    joined = " ".join(lines[i].strip() for i in block)
    if len(joined) > 160 or not listing.lists(None, joined):
        return None
    return first[: indent(first)] + joined


def _ends_sentence(line: str, alone: bool) -> bool:
    """Whether a line ends a sentence with a full stop or a mark; a numbered title standing alone
    on its line ends as it likes ("2.1. How to and Why Sponsor?", "12.34. Hot-Swapping Devices
    (MultiBay, SelectBay, ..)"), and so does a question."""
    end = line.rstrip()
    if SENTENCE_END.search(end[-12:]) is None:
        return False
    return not (alone and (end.endswith("?") or numbering.parse(end.strip()) is not None))


def _goes_on(parsed: tuple[Number, str] | None, last: Number) -> bool:
    """Whether a numbered line goes on with a list whose last entry had ``last``: its first child,
    or the next sibling of it or of one of its parents."""
    if parsed is None:
        return True  # an unnumbered entry (an appendix's title): the list may go on
    values = parsed[0].values
    if values == (*last.values, 1):
        return True
    depth = len(values)
    return (
        depth <= len(last.values)
        and values[:-1] == last.values[: depth - 1]
        and values[-1] == last.values[depth - 1] + 1
    )


def _labelled(line: str) -> bool:
    """Whether a line starts with a chapter's or an appendix's label ("Chapter 2.", "付録A")."""
    parsed = numbering.parse(line.strip())
    return parsed is not None and (parsed[0].scheme in WORDY or parsed[0].scheme == "appendix")


def _listed_title(line: str, listing: Listing) -> bool:
    """Whether the contents lists a line as it is, number and title (or title alone), or its
    number among the entries not found yet."""
    parsed = numbering.parse(line.strip())
    if parsed is None:
        return bool(listing.toc) and listing.lists(None, line.strip())
    # (or its number, where the contents has that number still to find: the title renamed since)
    return listing.lists(*parsed) or listing.number_open(parsed[0])
