"""Plain-text primitives several reading stages share: line splitting, indentation, word counts, patterns."""

from __future__ import annotations

import re

_LINE_SPLIT = re.compile(r"\r\n|\r|\n")
# A title wraps over at most this many lines: a longer numbered block is a paragraph, and a longer
# run of lines is no contents entry's title.
TITLE_LINES = 4
TOC_TITLE = re.compile(
    r"(?:(?:table|summary|list)\s+of\s+contents|contents|summary|toc|(?:内容|內容)?目\s*[录錄次]|目\s*次|inhaltsverzeichnis|inhalt|"
    r"table\s+des\s+mati[eè]res|sommaire|[íi]ndice(?:\s+general)?|contenidos?|conte[úu]do|sum[áa]rio|"
    r"tabla\s+de\s+contenidos?|indice|inhoud(?:sopgave)?|spis\s+tre[śs]ci|содержание|оглавление|차례|목차|"
    # DocBook's "Table of Contents" in the other languages its stylesheets translate it into
    r"sumari|cuprins|daftar\s+isi|innehåll(?:sförteckning)?|indholdsfortegnelse|innhold|sisällys(?:luettelo)?|"
    r"obsah|tartalom(?:jegyzék)?|içindekiler|зміст|πίνακας\s+περιεχομένων|περιεχόμενα|mục\s+lục)\s*:?",
    re.IGNORECASE,
)
UNDERLINE = re.compile(r"\s*([=\-*~^#+\"'`:.])\1{2,}\s*")
CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
# (a rule of at signs, per cent or dollar signs too: "@@@@@@@@" closes a FAQ's list of questions)
# The rule makeinfo sets before a node's footnotes ("   ---------- Footnotes ----------").
FOOTNOTES = re.compile(r"\s*-{5,} ?Footnotes ?-{5,}\s*", re.I)
# A Markdown code fence: three backticks or more, an info string after the opening one (not
# tildes: a row of them is plain text's rule).
FENCE = re.compile(r"\s{0,3}`{3,}[^`]*")
RULE_LINE = re.compile(r"\s*([-=_*~#+.·•@%$&])(?:\s?\1){2,}\s*")
# (CJK text sets its bullets, a middle dot or a diamond, straight before the item: "・辞書に")
BULLET = re.compile(
    r"\s*(?:(?:[-*+•·◦▪‣–□■○●]|o(?=\s\s)|\d{1,3}[.)]|\([0-9a-zA-Z]{1,4}\)|[a-z][.)]|([a-z])\1{1,2}[.)]"
    r"|\[[^\]\s]{1,30}\])\s+|[・･◆◇](?=\S))"
)
# lines that look like code, shell sessions, protocol traces or configuration
CODE_LINE = re.compile(
    r"\s*(?:[$#%>]\s|>>>|[A-Z]:\s|\[\[|[\w.\-\[\]\"]+\s*[:=]\s|[{}()\[\];]\s*$|//|/\*|<\w|\w+\(.*\)[\s;{]*$)"
)
SENTENCE_END = re.compile(r"[.!?。！？…][\"'”’»」』）)\]]*\s*$")
# Words a title cannot end on: a line that ends on one was wrapped.
FUNCTION_WORDS = frozenset(
    "a an the of to in on at by for from with into onto over under about between through and or nor but "
    "is are was were be been it its this that these those which who whom whose when where why how what "
    "does do did not as than if so such their our your his her my".split()
)
HEADING_END = re.compile(r"[,;:，；：、]\s*$")


def split_lines(text: str) -> list[str]:
    """Lines as editors count them: only \\n, \\r\\n and \\r end a line (never form feeds)."""
    lines = text.split("\n") if "\r" not in text else _LINE_SPLIT.split(text)  # the first is 10x faster
    if lines and lines[-1] == "" and len(lines) > 1:
        lines.pop()
    return lines


def words(s: str) -> int:
    """Words as a reader counts them: whitespace-separated, or two CJK characters per word."""
    cjk = 0 if s.isascii() else len(CJK.findall(s))
    return len(s.split()) + cjk // 2 if cjk else len(s.split())


def indent(s: str) -> int:
    if not s or s[0] not in _INDENT:
        return 0  # most lines start with text: no strip, no copy
    return len(s) - len(s.lstrip(_INDENT))


_INDENT = " \t\f\u3000"


# A draft marked for review flags each changed line with a change bar, "|" in the left margin
# ("|  2.  Storage formats ..... 5", "|1.3 Usage Criteria"); a box or table row has another "|".
CHANGE_BARS_MIN = 3


def blank_change_bars(lines: list[str]) -> list[str]:
    """The lines with their change bars blanked (one character for one, so columns stay), when the
    document has at least ``CHANGE_BARS_MIN`` of them."""
    marked = [i for i, s in enumerate(lines) if s[:1] == "|" and "|" not in s[1:]]
    if len(marked) < CHANGE_BARS_MIN:
        return lines
    out = list(lines)
    for i in marked:
        out[i] = " " + out[i][1:]
    return out


# A character struck over by the next one, as nroff prints bold ("B\bB") and underlined ("_\bB")
# text for a terminal: the reader sees the letter once.
_STRUCK = re.compile("[^\b\n]\b")


def without_overstrikes(lines: list[str]) -> list[str]:
    """The lines with nroff's overstrikes taken out (what ``col -b`` does), when there are any. A
    line's columns after its first overstrike count the letters as a terminal shows them."""
    if not any("\b" in s for s in lines):
        return lines
    return [_STRUCK.sub("", s) if "\b" in s else s for s in lines]
