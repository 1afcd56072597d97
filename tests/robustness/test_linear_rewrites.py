"""Patterns rewritten as linear code read exactly what the patterns read (issue 14, 6).

Each rewrite is checked against the pattern it replaced, kept here as the reference, on many short
random strings of the characters that matter to it: short, so that the old pattern's backtracking
costs nothing.
"""

from __future__ import annotations

import random
import re

from outlint.readers.text import leader
from outlint.rules import truncation

# the contents leader pattern that text.leader.split replaced (dots up to two blanks apart)
_LEADER = re.compile(
    r"(?P<title>.*?\S)(?:\s*(?:\.\s{0,2}){2,}|\s*…+|\s*[·•]{2,}|\s*_{3,}|\s{2,}|\t+)\s*"
    r"(?P<page>\d{1,4}|[ivxlcdm]{1,7})\s*",
    re.IGNORECASE,
)
# the footnote-mark pattern that truncation._trimmed's loop replaced
_TRAILER = re.compile(r"(?:\s*(?:\[\d{1,3}\]|\^\[?\d{1,3}\]?))+\s*$")


def _strings(alphabet: str, longest: int, count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, longest))) for _ in range(count)]


def test_leader_split_reads_as_the_pattern_did() -> None:
    for alphabet, longest in ((" .\t…·•_aX12iIvx\u3000İ9", 14), (" ._ab1cdm\t·", 30), (". .. 12 Intro", 25)):
        for s in _strings(alphabet, longest, 20000, 20261202):
            m = _LEADER.fullmatch(s)
            assert leader.split(s) == ((m.group("title"), m.group("page")) if m else None), repr(s)


def test_leader_split_examples() -> None:
    assert leader.split("1.2  Scope ........ 12") == ("1.2  Scope", "12")
    assert leader.split("Preface . . . . . . xiv  ") == ("Preface", "xiv")
    assert leader.split("5.    Security Considerations .  .  .  .  . 17") == ("5.    Security Considerations", "17")
    assert leader.split("Index\t\t207") == ("Index", "207")
    assert leader.split("Version 1.2 5") is None  # one blank is no leader
    assert leader.split("Chapter 12345") is None  # five digits are no page


def test_leader_split_is_linear_on_leader_runs() -> None:
    # the pattern took over a second on 8,000 underscores; the rewrite reads each character once
    for unit in ("_", ".", ". ", "…", "·", " ", "\t"):
        assert leader.split("a" + unit * 200_000 + "!") is None


def _old_trimmed(text: str) -> str:
    body = text.rstrip()
    if body[-1:] not in "]0123456789":
        return body
    window = body[-200:]
    return body[: len(body) - len(window)] + _TRAILER.sub("", window)


def test_trailing_marks_come_off_as_the_pattern_took_them() -> None:
    for s in _strings("[]^12345 a.\t", 16, 40000, 7):
        assert truncation._trimmed(s) == _old_trimmed(s), repr(s)
    assert truncation._trimmed("as shown [12] [3]^4") == "as shown"
