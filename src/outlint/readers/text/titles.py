"""Shapes of titles that the contents and the headings readers share: a heading's shape, a title
loose enough for its place in a numbered sequence, a sentence, a CJK sentence, a release, a date or
a comment of code (never a title), an undotted number before a name."""

from __future__ import annotations

import re

from outlint.model import Number
from outlint.readers.text.lines import CJK, HEADING_END, SENTENCE_END

# A CJK title is never a sentence: one that holds a sentence's full stop, or ends with a stop,
# after this many CJK characters is a step of a procedure or a list's item ("1. 请将光标移动到本节中
# 下面标记有 ---> 的那一行。", "1. <ESC>キーを押しましょう。(確実にノーマルモードにするため)")
CJK_SENTENCE = 6


def cjk_sentence(t: str) -> bool:
    # (or a sentence that ends introducing what follows, "在正常模式下一個命令的格式是︰", or the
    # command it tells the reader to type, "欲刪除整行，請輸入︰dd")
    stops = "。" in t or t.endswith(("！", "？", "：", "︰")) or _TYPE_THIS.search(t) is not None
    return stops and len(CJK.findall(t)) >= CJK_SENTENCE


_TYPE_THIS = re.compile(r"[：︰]\s*[!-~]+(?:\s+[!-~]+)*\s*$")


def loose_shape(title: str) -> bool:
    """A title that is in its place in a numbered sequence: lowercase starts (commands, file names),
    a closing full stop and a wrapped second line are fine; a clause ending in a comma is not."""
    t = title.strip()
    return (
        bool(t)
        and len(t) <= 200
        and len(t.split()) <= 30
        and not HEADING_END.search(t)
        and ". " not in t
        and not cjk_sentence(t)
    )


# An undotted number before a quoted name: "3 ‘sed’ scripts" (a count before a unit, "32 bit
# builds", is no number of a section)
_BARE_TITLE = re.compile(r"\s*([1-9]\d{0,2})[ \t]+(\S.*)")
# one word in lower case, as the name of a program is written: "nm", "c++filt", "debuginfod"
_LONE_NAME = re.compile(r"[a-z][\w+.-]*")
_NAME_MARK = re.compile(r"[.+_-]")


def bare_named(title: str) -> tuple[Number, str] | None:
    """The undotted number of an underlined title that starts with a quoted name or the name of a
    program (Info chapters: "3 ‘sed’ scripts", "2 nm", "17 config.status Invocation" over
    "*****"): alone, a bare number needs a capital after it to be a section's number, but a name
    after it is no count either."""
    m = _BARE_TITLE.fullmatch(title.rstrip())
    if m is None:
        return None
    rest = m.group(2).strip()
    quoted = rest[:1] in "‘'\"`“«" and loose_shape(rest)
    name, _, after = rest.partition(" ")
    # a name alone, or one that is a file's or a program's ("config.status"), not a count ("24 bit colour")
    named = _LONE_NAME.fullmatch(name) is not None and (
        not after or (bool(_NAME_MARK.search(name)) and loose_shape(after))
    )
    if not quoted and not named:
        return None
    return Number(m.group(1), "decimal", (int(m.group(1)),)), rest


_VERSION_TITLE = re.compile(
    r"[-–—(\s]*(?:\d{4}-\d{2}-\d{2}|\d{1,2} \w+ \d{4}|[-–—]\s|"
    r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.? \d{1,2},? \d{4}\b)"
)
# A day's number and then its month and year ("10 Mar 2014", "3 September 2001"): a date line, as
# title pages and bylines set one, not a section numbered "10"
_MONTH_YEAR = re.compile(
    r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]{0,6}+\.?,?[ \t]++\d{4}\b.{0,20}+",
    re.IGNORECASE,
)
# What follows a release's version in release notes: nothing, or a status in brackets
_RELEASE_NOTE = re.compile(r"(?:[(\[][^()\[\]]{0,40}[)\]])?")


def _release(number: Number, title: str) -> bool:
    """A release in release notes ("2.26.0", "1.5.4 (development)", "3.42.1 - 2022-04-17",
    "2.70.1 - December 6, 2021"), not a section: a dotted number with a date, a status in
    brackets or nothing after it (sections have titles)."""
    if _VERSION_TITLE.match(title):
        return True
    # ("2.0" with nothing after it, its zero dropped as numbering does, is a release too: a section
    # numbered "2.0" has a title)
    deep = number.depth >= 2 or number.label.rstrip(".").endswith(".0")
    return number.scheme == "decimal" and deep and bool(_RELEASE_NOTE.fullmatch(title.strip()))


_WORDISH = re.compile(r"[^\W\d_]{2}|[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
# Labels of questions and answers in FAQs
_FAQ_LABELS = frozenset({"Q.", "A.", "Q:", "A:"})
_QUESTION_LABELS = frozenset({"Q.", "Q:"})
# A wrapped title has at most this many words.
TITLE_WORDS = 30
# Words set apart by this many spaces stand in columns (a table row, a sequence diagram's line)
COLUMN_GAP = re.compile(r"\S {4,}\S")
# An arrow drawn in ASCII, standing as a word of its own
ARROW = re.compile(r"(?<!\S)(?:<?-{1,3}>|<-{1,3}|<?={1,2}>|\.{3})(?!\S)")
# A list item marked with a symbol ("- Date", "* Application messages"): never a heading, even
# when its words are a contents entry's title
_SYMBOL_ITEM = re.compile(r"\s*[-*+•·◦▪‣–o]\s")


def heading_shape(title: str) -> bool:
    t = title.strip()
    if not t or len(t) > 160 or len(t.split()) > 30 or not _WORDISH.search(t):
        return False
    if HEADING_END.search(t):
        return False
    if _sentence_title(t):
        return False
    if cjk_sentence(t):
        return False
    return not t[0].islower() and not _comment(t)


# the line comments of ASN.1, SQL and Lua, of C and its kin, of Lisp
_COMMENT_OPENERS = ("-- ", "// ", "/* ", ";; ")


def _comment(line: str) -> bool:
    """A comment of code ("-- the SNMP group" in a MIB module), not framed as a title is
    ("-- Overview --")."""
    t = line.strip()
    return t.startswith(_COMMENT_OPENERS) and not t.endswith((" --", "*/"))


def _sentence_title(line: str) -> bool:
    """A line that is a sentence, not a title: more than three words and a full stop at its end
    (or a full stop inside it)."""
    t = line.strip()
    if t.endswith(_ABBREVIATED) and ". " not in t:
        return False  # a title that ends on an abbreviation ("6.1 Indicating Definitions, Commands, etc.")
    return t.endswith((".", "。")) and not t.isupper() and (len(t.split()) > 3 or ". " in t)


# the abbreviations a title may end on: its full stop is the abbreviation's
_ABBREVIATED = (" etc.", ",etc.", " e.g.", " i.e.", " vs.", " al.", " Inc.", " Ltd.", " Co.", " Corp.", " Jr.", " Sr.")


# A field of a form: its label, a colon, a gap of two spaces or more, and a short value.
FIELD_LABEL = 60
FIELD_VALUE_WORDS = 4


def field_line(line: str) -> bool:
    """A template's field ("Provisional registration? (standards tree only):  no", "Change
    controller:  IETF"): a name and its value, no sentence."""
    label, colon, value = line.strip().partition(":")
    return (
        bool(colon)
        and 0 < len(label) <= FIELD_LABEL
        and value.startswith("  ")
        and 0 < len(value.split()) <= FIELD_VALUE_WORDS
        and not SENTENCE_END.search(value[-12:])
    )
