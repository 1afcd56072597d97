"""Contents entries wrapped over lines: whether a line goes on with the entry above it, how the two
join, and the lines among the entries that are none (topics listed under them, notes to the reader)."""

from __future__ import annotations

from collections.abc import Sequence

from outlint.model import Number
from outlint.readers.text import leader
from outlint.readers.text.lines import CJK, FUNCTION_WORDS, SENTENCE_END, indent, words
from outlint.readers.text.tocentries import _BULLET, _Block, _Entry, _parse, _width
from outlint.readers.text.tocstart import _Standalone

# A block with this many entries set apart by blank lines has shown that its entries stand apart.
SPACED = 2
# A line of at least this share of the block's widest line is full: what follows it may wrap it.
WRAPPED_SHARE = 0.8
# A note is a sentence of this many words or more.
NOTE_WORDS = 6


def _note(e: _Entry) -> bool:
    """Whether an entry is a sentence addressed to the reader ("Make sure you read the important
    notes before upgrading to this version."): unnumbered, with no page, ending in a full stop."""
    text = e.text.strip()
    return e.page is None and _parse(text) is None and text.endswith(".") and words(text) >= NOTE_WORDS


def _continues(
    block: _Block,
    prev: _Entry,
    lines: Sequence[str],
    i: int,
    text: str,
    pg: str | None,
    parsed: tuple[Number, str] | None,
    later: _Standalone,
) -> bool:
    """Whether a line goes on with the entry above it rather than starting an entry of its own.

    An entry that already has its page number is complete, and so is a numbered line; otherwise a
    line continues the entry when the entry was visibly cut (it ends on a word that cannot end a
    title, a comma or a hyphen), when it starts in lower case, when it hangs deeper
    than the entry's title, or (CJK titles wrap anywhere) when it goes on with CJK text. A line
    that stands on its own later in the document, as a heading does, is an entry.
    """
    if (
        parsed is not None
        and prev.page is None
        and _wrapped_at_number(lines[prev.first], prev.text, lines[i], parsed[0])
    ):
        return True
    if prev.page is not None or parsed is not None:
        return False
    if _BULLET.match(text.lstrip()):
        # a bulleted line is an item of its own (topics listed under a chapter), unless a title
        # wrapped before its dash (" - HPCs") right under it, in a contents whose entries stand apart
        dash = text.lstrip()[:2] == "- " and i == prev.last + 1 and indent(lines[i]) == indent(lines[prev.last])
        return dash and block.spaced >= SPACED
    if leader.bare(lines[prev.last]) is not None:
        return False  # the entry above ran its leader to the end: it is complete, pages left out
    line = lines[i]
    if later.title(f"{prev.text} {text}", -1) > i:
        return True  # the entry with this line is a heading later: a wrapped entry, whatever its indent
    stands_later = later.get(line.strip().lower(), -1) > i
    if stands_later and later.get(lines[prev.last].strip().lower(), -1) > i:
        # the entry above and this line each stand on their own later, as headings do: two entries
        # (groups of unnumbered entries in a spaced contents, DocBook's text export), even where
        # a longer heading begins with both ("FONT_ASCENT" and "FONT_DESCENT" under
        # "FONT_ASCENT, FONT_DESCENT, and DEFAULT_CHAR")
        return False
    if later.begins(f"{prev.text} {text.split(None, 1)[0]}"):
        return True  # a heading later begins with the entry and this line's first word: wrapped
    if block.spaced >= SPACED and block.spaced * 2 >= len(block.entries) and indent(line) >= block.left:
        # entries stand apart, blank lines between most of them: a line right under one goes on
        # with it (not where blank lines only part groups of entries that follow one another)
        return True
    if stands_later:
        return False
    # (a bracket before a lower-case word opens no title: "(des-mac-k) ..... 77" under its entry)
    head = line.lstrip().lstrip("([").lstrip()[:1] or line.lstrip()[:1]
    before = lines[prev.last]
    last_word = prev.text.rsplit(None, 1)[-1].lower() if prev.text.strip() else ""
    if head.islower() or last_word in FUNCTION_WORDS or prev.text.endswith((",", "-", "/", "(", ":")):
        return indent(line) >= block.left or not block.entries
    if prev.text.endswith("?"):
        return False  # a question asked whole: the line under it is an entry (or a group's label)
    if CJK.match(head) or (CJK.match(prev.text[-1:]) and not SENTENCE_END.search(prev.text[-2:])):
        # CJK titles wrap anywhere, also before a Latin word ("... 我想要使用" / "Debian。...")
        return indent(line) >= indent(before) and len(before.strip()) >= 25
    if (
        not block.unnumbered
        and _width(before) >= WRAPPED_SHARE * block.widest
        and indent(line) >= block.left
        and (indent(line) > indent(before) or _no_room(block, before, line))
    ):
        # every entry so far is numbered: an unnumbered line under a full line wraps it, if it
        # hangs deeper or the line had no room for its first word ("2. References" over "Index",
        # both short, are two entries)
        return True
    first = _parse(lines[prev.first])
    if first is not None and indent(line) >= indent(lines[prev.first]) and _no_room(block, before, line):
        # an unnumbered line at a numbered entry's own indent, or deeper, whose first word the
        # entry's line had no room for: the entry wrapped at the document's width
        return True
    if first is not None:
        # a long numbered entry whose title goes on deeper than the title starts ("3.7.5. /etc/X11 :
        # Configuration for the X Window" over "System (optional)")
        title_column = indent(lines[prev.first]) + len(first[0].label)
        if indent(line) >= title_column and len(before.strip()) >= 40:
            return True
    # the entry's last line, hanging under it, ends with the page number
    return pg is not None and indent(line) > indent(lines[prev.first])


def _without_topics(entries: list[_Entry], lines: Sequence[str], later: _Standalone) -> list[_Entry]:
    """The entries without the bulleted topics listed under numbered ones ("2. Basic usage" over
    "□ How can I switch windows?": questions its chapter answers), when the numbered entries turn
    up later as headings and most of the bulleted ones do not."""
    bulleted = [e for e in entries if _BULLET.match(lines[e.first].lstrip())]
    numbered = [e for e in entries if _parse(e.text) is not None]
    if not bulleted or not numbered:
        return entries
    standing = sum(1 for e in bulleted if later.title(_BULLET.sub("", e.text.lstrip()), -1) > e.last)
    numbered_standing = sum(1 for e in numbered if later.title(e.text, -1) > e.last)
    if 2 * standing >= len(bulleted) or 2 * numbered_standing < len(numbered):
        return entries
    topics = {id(e) for e in bulleted}
    return [e for e in entries if id(e) not in topics]


# Numbered entries, this many or more, make a contents numbered: a line under them that is not
# numbered is an entry only if it is a title.
NUMBERED_CONTENTS = 3
_NOTE_MARKS = ("©", "://", "(C)", "(c)")


def _trailing_note(block: _Block, lines: Sequence[str], later: _Standalone) -> bool:
    """Whether the last entry of a numbered contents is a note under it, not an entry: unnumbered,
    never a line of its own later in the document, and not shaped as a title (a copyright line,
    a sentence, a line that ends with a colon or carries a web address: "The most recent version
    of this HOWTO can be found at:")."""
    entries = block.entries
    if len(entries) <= NUMBERED_CONTENTS or _parse(entries[-1].text) is not None:
        return False
    last = entries[-1]
    if sum(1 for e in entries if _parse(e.text) is not None) < NUMBERED_CONTENTS:
        return False
    if later.title(last.text, -1) > last.last:
        return False  # it turns up later as a heading (an unnumbered "Index" after the chapters)
    text = " ".join(lines[k].strip() for k in range(last.first, last.last + 1))
    if text.startswith(('"', "“", "'")) and " - " in text:
        return True  # a byline: the quoted title and its author ("'Partition-Rescue HOWTO' - J. Dodin")
    return text.rstrip().endswith((":", ".")) or any(m in text for m in _NOTE_MARKS)


def _wrapped_at_number(first: str, text: str, line: str, number: Number) -> bool:
    """Whether a line that starts with a number goes on with the numbered entry above it: the
    entry asks no whole question and ends no sentence, the line hangs where the entry's title
    starts (tabs expanded), and its number follows on from the entry's in no way, neither as its
    first child nor as a next sibling ("3.43.7<TAB>Why hasn't the test suite been qualified for 64
    bit HP-UX" over "<TAB>11 when lsof is compiled with gcc?")."""
    parsed = _parse(first)
    if parsed is None or text.rstrip().endswith(("?", ".", "!")):
        return False
    head = first.expandtabs()
    column = len(head) - len(head.lstrip()) + len(parsed[0].label)
    while column < len(head) and head[column] == " ":
        column += 1
    if indent(line.expandtabs()) != column or column <= indent(head):
        return False
    values = parsed[0].values
    follows = {(*values, 1), (*values, 0)} | {(*values[:k], values[k] + 1) for k in range(len(values))}
    return number.values not in follows


def _no_room(block: _Block, before: str, line: str) -> bool:
    """Whether the line above, at the document's wrap width, had no room for this line's first word."""
    word = line.split(None, 1)[0] if line.strip() else ""
    return block.wrap > 0 and _width(before.rstrip()) + 1 + _width(word) > block.wrap


def _joined(before: str, text: str, i: int, later: _Standalone) -> str:
    """An entry's text with the line that wraps it: CJK text joined as it is; a word hyphenated at
    the line's end ("... other DNS Docu-" / "ments") whole, where a heading later has it so, and
    otherwise kept with its hyphen ("Client-" / "side"); other lines after a space."""
    if CJK.match(before[-1:]) and CJK.match(text[:1]):
        return before + text
    if before.endswith("-") and before[-2:-1].isalpha() and text[:1].islower():
        whole = before[:-1] + text
        return whole if later.title(whole, -1) > i or later.begins(whole) else before + text
    return f"{before} {text}"
