"""Underlined, overlined, framed and boxed titles of plain text, and the rules that look like
underlines but close a listing, a notice or a paragraph."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from outlint import numbering
from outlint.model import Gap, Heading, Span
from outlint.readers.text.kinds import PROMPT
from outlint.readers.text.layout import INFO_NODE
from outlint.readers.text.lines import RULE_LINE, UNDERLINE, indent
from outlint.readers.text.titles import _QUESTION_LABELS, _SYMBOL_ITEM, COLUMN_GAP, _release, bare_named, heading_shape


def _underline_indents(lines: Sequence[str], blocks: Sequence[list[int] | Gap]) -> dict[str, int]:
    """The least indent of the titles underlined with each character."""
    out: dict[str, int] = {}
    for block in blocks:
        if isinstance(block, list) and len(block) >= 2:
            under = _underline_heading(lines, block)
            if under is not None:
                margin = indent(lines[under[0]])
                out[under[2]] = min(margin, out.get(under[2], margin))
    return out


# A rule that closes this many paragraphs of several lines, and at least as many single lines,
# ends the document's answers or entries: it underlines no title
CLOSING_RULES = 3


def _closing_rules(lines: Sequence[str], blocks: Sequence[list[int] | Gap]) -> frozenset[str]:
    """The underline characters a document uses to close its paragraphs: a rule straight under the
    last line of many paragraphs of several lines (a FAQ ends each answer with "=====") is a
    separator, so a one-line paragraph over it is no title."""
    multi: Counter[str] = Counter()
    single: Counter[str] = Counter()
    for block in blocks:
        if isinstance(block, list) and len(block) >= 2:
            rule = lines[block[-1]].strip()
            if UNDERLINE.fullmatch(rule) is None or any(RULE_LINE.fullmatch(lines[j]) for j in block[:-1]):
                continue  # (a title between two rules is overlined, its paragraph one line)
            (multi if len(block) >= 3 else single)[rule[0]] += 1
    return frozenset(c for c, n in multi.items() if n >= CLOSING_RULES and n >= single[c])


def _boxed_number(lines: Sequence[str], under: tuple[int, int, str]) -> bool:
    """A numbered title between two like rules ("==========" / "3. Changes" / "=========="): a
    section's heading, whatever is set right under it."""
    return under[2].startswith("over") and numbering.parse(lines[under[0]].strip()) is not None


def _column_labels(line: str) -> bool:
    """Whether a line over a rule is a row of column labels: words parted by a wide gap inside its
    title (the gap after a number, "I.    Conditionalising levels", sets the title apart)."""
    parsed = numbering.parse(line)
    title = parsed[1] if parsed is not None else line.strip()
    return COLUMN_GAP.search(title) is not None


def _sample_title(
    lines: Sequence[str], under: tuple[int, int, str], after: list[int] | Gap | None, outer: dict[str, int]
) -> bool:
    """An underlined title indented past the document's other titles underlined alike, over text
    indented as far: a sample inside an example (a quoted mail with its own headings in a manual)."""
    margin = indent(lines[under[0]])
    if margin <= outer.get(under[2], margin) + 1 or not isinstance(after, list):
        return False
    return indent(lines[after[0]]) >= margin


# Info's rules by level, whichever a file shows first (the second part of a split manual may open
# inside a section): chapters over "*", sections "=", subsections "-", subsubsections "."
_INFO_RULES = ("*", "=", "-", ".")
# An Info file names its file and node in its first node's header, within this many lines
INFO_HEADER = 60


def _info_file(lines: Sequence[str]) -> bool:
    """Whether the document is an Info file: a node separator and a node header near its top."""
    return any(
        s.startswith("File: ") and INFO_NODE.match(s) is not None and "\x1f" in lines[k - 1]
        for k, s in enumerate(lines[1:INFO_HEADER], start=1)
    )


def _underlined(lines: Sequence[str], under: tuple[int, int, str], order: list[str]) -> Heading:
    title_idx, last_idx, char = under
    if char not in order:
        order.append(char)
    title_line = lines[title_idx]
    if last_idx - title_idx > 1:  # a title wrapped over its rule's width (``_short_underline``)
        title_line = " ".join(lines[k].strip() for k in range(title_idx, last_idx))
    parsed = numbering.parse(title_line) or bare_named(title_line)
    if parsed is not None and _release(*parsed):
        parsed = None  # "3.42.1 - 2022-04-17": a release in a changelog, not a section number
    if parsed is not None and parsed[0].label in _QUESTION_LABELS:
        # "Q.  Why would I ...?": a question's label, not a letter in a sequence (an underlined
        # "A." starts the letters: "A. 所需的套件", "B. 安裝路徑")
        parsed = None
    number = parsed[0] if parsed else None
    title = parsed[1] if parsed else title_line.strip()
    span = Span(title_idx + 1, indent(title_line) + 1, last_idx + 1, len(lines[last_idx].rstrip()))
    return Heading(order.index(char) + 1, number, title, span, style=f"underline:{char}")


# A title framed on both sides by as many equals signs ("== 1. Answers ==", "==== MaraDNS FAQ ===="),
# as wiki-like plain text marks its headings: the frame is the title's style, ranked as rules are
_FRAMED = re.compile(r"(={2,6})[ \t]*+([^=\s](?:[^=]*[^=\s])?)[ \t]*\1")


# A framed title may wrap: its closing frame is on this many lines at most.
FRAMED_LINES = 3
# Framed titles standing apart, this many at least, are a document's heading style (fewer may be a
# listing's caption or a note's banner).
FRAMED_MIN = 3


def _framed_block(lines: Sequence[str], block: list[int]) -> tuple[str, str] | None:
    """The frame and the title of a block that is a framed title and nothing else (its frame open
    on the first line and closed on the last, over at most ``FRAMED_LINES``): one with text right
    under it is a listing's caption."""
    if len(block) > FRAMED_LINES or not lines[block[0]].lstrip().startswith("=="):
        return None
    m = _FRAMED.fullmatch(" ".join(lines[i].strip() for i in block))
    return (m.group(1), m.group(2)) if m and any(c.isalpha() for c in m.group(2)) else None


def _framed_heading(lines: Sequence[str], idx: int, end: int, framed: tuple[str, str], order: list[str]) -> Heading:
    frame, inner = framed
    parsed = numbering.parse(inner)
    if parsed is not None and (_release(*parsed) or parsed[0].label in _QUESTION_LABELS):
        parsed = None
    number, title = (parsed[0], parsed[1]) if parsed else (None, inner)
    key = f"framed:{frame}"
    if number is not None and key in order and f"{key}#" not in order and order[-1] == key:
        # numbered titles framed as the unnumbered title right above them ("== ANSWERS ==" over
        # "== 1. ... ==", "== 2. ... =="): the items of its group, one level down
        order.append(f"{key}#")
    if number is not None and f"{key}#" in order:
        key = f"{key}#"
    if key not in order:
        order.append(key)
    span = Span(idx + 1, indent(lines[idx]) + 1, end + 1, len(lines[end].rstrip()))
    return Heading(order.index(key) + 1, number, title, span, style=key)


# A statement or a brace ends the line: code, not a title
_CODE_END = re.compile(r"[;{}]\s*$")
# A comment framed by its language's marks on both sides: "-- ... --", "/* ... */", "# ... #"
_BOXED_COMMENT = re.compile(r"\s*(?:--\s.*\s--|/\*.*\*/|#\s.*\s#|//.*//)\s*")


# A notice's sentence has at least this many words.
NOTICE_WORDS = 4


def _boxed_notice(line: str) -> bool:
    """A notice boxed between rules: framed by alarm marks ("!! Read sendmail/SECURITY for
    important installation information !!"), or a sentence framed by stars ("** Read below for
    more details on building sendmail. **"), not a title."""
    t = line.strip()
    mark = t[:2]
    if mark not in ("!!", "**") or len(t) < 5 or not t.endswith(mark):
        return False
    text = t[2:-2].strip()
    return mark == "!!" or (text.endswith((".", "!")) and len(text.split()) >= NOTICE_WORDS)


def _between_rules(lines: Sequence[str], block: list[int]) -> bool:
    """A line between two rules of one character, as an overlined title is."""
    over, title, under = (lines[k] for k in block[:3])
    return (
        UNDERLINE.fullmatch(over) is not None
        and UNDERLINE.fullmatch(under) is not None
        and over.strip()[0] == under.strip()[0]
        and not UNDERLINE.fullmatch(title)
    )


# How far a centred title's middle may sit from the middle of its rules, in columns
CENTRED_SLACK = 3


def _centred_between_rules(lines: Sequence[str], block: list[int], under: tuple[int, int, str], base: int) -> bool:
    """A title centred between two rules that start at the margin of the text (``base``, the prose
    indent): set in by its centring, not by an example's indent (a FAQ's chapter title between
    rules of "="). Rules set in too frame a notice ("***** You Have Been Warned *****")."""
    if not under[2].startswith("over") or indent(lines[block[0]]) > base + 1:
        return False
    over, title = lines[block[0]], lines[under[0]]
    middle = (indent(title) + len(title.rstrip())) / 2
    return indent(over) <= indent(title) and abs(middle - (indent(over) + len(over.rstrip())) / 2) <= CENTRED_SLACK


def _framed_listing(lines: Sequence[str], block: list[int]) -> bool:
    """A line between two rules that is a listing (AsciiDoc's "----" around an example), not a
    title with its overline: a rule shorter than the line (a title's overline and underline are
    no shorter than it), or the sentence above ends in a colon that introduces it ("... discard
    all other history:") or runs on into it."""
    over, title, under = (lines[k].rstrip() for k in block[:3])
    if min(len(over), len(under)) < len(title):
        return True
    above = next((lines[k] for k in range(block[0] - 1, max(-1, block[0] - 3), -1) if lines[k].strip()), "")
    if above.lstrip().startswith(".."):
        return False  # a reStructuredText target over a title (".. _`pip check`:")
    if above.rstrip().endswith((":", "：")):
        return True
    # a sentence that runs on into the block, at the rules' own indent ("... so you can do")
    last = above.rsplit(None, 1)[-1] if above.strip() else ""
    return indent(above) == indent(over) and last.isalpha() and last.islower() and not _SYMBOL_ITEM.match(above)


def _underline_heading(lines: Sequence[str], block: list[int]) -> tuple[int, int, str] | None:
    if len(block) >= 3 and _between_rules(lines, block):
        if (
            _CODE_END.search(lines[block[1]])
            or PROMPT.match(lines[block[1]])
            or _framed_listing(lines, block)
            or _BOXED_COMMENT.fullmatch(lines[block[1]])
            or _boxed_notice(lines[block[1]])
        ):
            # one line of code, or a command after its prompt ("$ git log -p"), in a listing
            # set between rules (AsciiDoc's "----"); a comment boxed by them ("-- Sample session
            # output ... --", "/* ... */")
            return None
        return block[1], block[2], "over" + lines[block[0]].strip()[0]
    if len(block) >= 2 and block[1] == block[0] + 1:
        under = lines[block[1]].strip()
        title = lines[block[0]].strip()
        if _CODE_END.search(title) or PROMPT.match(title) or _boxed_notice(title):
            return None  # a line of code, a command after its prompt, or a boxed notice, over a rule
        if UNDERLINE.fullmatch(under) and not UNDERLINE.fullmatch(title) and len(under) >= max(3, len(title) * 0.6):
            if _closes_listing(lines, block[0], block[1]):
                return None
            return block[0], block[1], under[0]
    return None


# How far above its closing rule a listing's opening rule is looked for.
LISTING_LINES = 120


def _closes_listing(lines: Sequence[str], first: int, rule: int) -> bool:
    """Whether a rule under a line closes a listing framed by two like rules, as text browsers
    frame a manual's examples: the same rule (give or take two characters) stands alone higher up (a blank line above
    it, not a title), with no other rule between, and the listing is introduced by a sentence
    ending in a colon or holds a line of code. The line over the closing rule is the listing's
    last ("EndSection"), not a title."""
    closing = lines[rule].rstrip()
    if numbering.parse(lines[first]) is not None:
        return False  # a numbered title over a rule that also parts the document ("4.  New Features")
    code = False
    for k in range(first - 1, max(-1, first - LISTING_LINES), -1):
        s = lines[k]
        if UNDERLINE.fullmatch(s):
            alike = s.strip()[0] == closing.strip()[0] and indent(s) == indent(closing)
            alike = alike and abs(len(s.rstrip()) - len(closing)) <= 2
            if not alike or k == first - 1 or (k > 0 and lines[k - 1].strip()):
                return False
            above = next((lines[j] for j in range(k - 1, max(-1, k - 3), -1) if lines[j].strip()), "")
            return code or above.rstrip().endswith((":", "："))
        code = code or bool(_CODE_END.search(s) or PROMPT.match(s))
    return False


def underlined_pairs(lines: Sequence[str], block: list[int]) -> bool:
    """Whether a block is titles each over its underline, one straight under the other ("2. 利用法"
    / "---------" / "2.1. オンラインヘルプの作成" / "-----"): a chapter's heading right over its first
    section's, no blank line between, each a heading of its own (numbered, shaped as one)."""
    if len(block) < 4 or len(block) % 2:
        return False
    # (the first two pairs decide: the rest is split off and asked again, pair by pair)
    return all(
        _underline_heading(lines, block[k : k + 2]) is not None
        and (parsed := numbering.parse(lines[block[k]])) is not None
        and heading_shape(parsed[1])
        for k in (0, 2)
    )
