"""Shapes of titles that the contents and the headings readers share: a title loose enough for its
place in a numbered sequence, a CJK sentence (never a title), an undotted number before a name."""

from __future__ import annotations

import re

from outlint.model import Number
from outlint.readers.text.lines import CJK, HEADING_END

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
