"""A contents entry's title and page number, split at its leader, read from the end of the line.

The entry is ``title leader page``: the page an Arabic number of up to four digits (after a
chapter's or an appendix's own part and a dash, "5-10", "A6-1", in manuals that number their pages
per chapter) or a Roman one of up to seven letters; the leader dots (``. . .``, ``.  .  .`` or
``....``), an ellipsis run, middle dots or bullets, three or more underscores, two or more blanks,
or tabs; a page word may stand before the number ("PAGE 31", "p. 4"). The title is the shortest
start of the line that leaves a leader and a page after it, as the pattern
``(?P<title>.*?\\S)(?:\\s*(?:\\.\\s{0,2}){2,}|\\s*…+|\\s*[·•]{2,}|\\s*_{3,}|\\s{2,}|\\t+)\\s*(?P<page>…)\\s*``
says. That pattern backtracks quadratically on long runs of leader characters; this reads each
character a bounded number of times. ``bare`` finds a leader with no page after it, as a contents
whose pages were left out ends each entry.
"""

from __future__ import annotations

_ROMAN = frozenset("CDILMVXcdilmvxİı")  # what [ivxlcdm] matches when case is ignored
_MAX_DIGITS, _MAX_ROMAN = 4, 7
_MAX_PREFIX = 3  # a chapter's or an appendix's part of a page number ("A6-" in "A6-1")
_DOTS, _RUNS = ".", {"…": 1, "·": 2, "•": 2, "_": 3}  # leader characters and the least run of each
_SAME_RUN = {"·": "·•", "•": "·•"}  # middle dots and bullets mix in one run


def split(s: str) -> tuple[str, str] | None:
    """(title, page) of a line that ends in a leader and a page number, else None."""
    body = s.rstrip()
    end = len(body)
    k = end
    if k and body[k - 1].isdecimal():
        while k and body[k - 1].isdecimal():
            k -= 1
        limit = _MAX_DIGITS
    else:
        while k and body[k - 1] in _ROMAN:
            k -= 1
        limit = _MAX_ROMAN
    if k == end or end - k > limit:
        return None
    if limit == _MAX_DIGITS and k >= 2 and body[k - 1] in "-–":
        # a page numbered within its chapter or appendix ("1-1", "5-10", "A-1", "A6-1")
        j = k - 1
        while j > k - 1 - _MAX_PREFIX and j and body[j - 1].isalnum() and body[j - 1].isascii():
            j -= 1
        if j < k - 1 and (j == 0 or not body[j - 1].isalnum()):
            k = j
    page = body[k:]
    word = _page_word(body, k)
    if word is not None:
        # "INTRODUCTION;      PAGE  5": the word says what the number is, the leader is before it
        title_end = _title_end(body, word)
        if title_end is not None:
            return body[:title_end], page
    title_end = _title_end(body, k)
    if title_end is None:
        return None
    return body[:title_end], page


_PAGE_WORDS = ("page", "pg.", "pg", "p.")


def _page_word(s: str, k: int) -> int | None:
    """Where a page word before the page number at ``k`` starts ("... PAGE 31", "... p. 4"), with
    a blank before it and one or two after it; None if none."""
    j = k
    while j > k - 3 and j and s[j - 1] == " ":
        j -= 1
    if j == k:
        return None
    low = s[max(0, j - 4) : j].lower()
    for w in _PAGE_WORDS:
        if low.endswith(w) and j - len(w) > 0 and s[j - len(w) - 1].isspace():
            return j - len(w)
    return None


# Dots a leader that runs to the line's end with no page after it has at least (a contents whose
# pages were left out): spaced (" . . ."), or five in a row; fewer in a row are an ellipsis.
_BARE_DOTS, _BARE_RUN = 3, 5


def bare(text: str) -> int | None:
    """Where a leader with no page after it starts at the end of a line, after a blank; None if none.
    (Plain code, read from the end: a pattern for it backtracks on long runs of blanks and dots.)"""
    body = text.rstrip()
    k = len(body)
    while k and body[k - 1] in " .\t":
        k -= 1
    while k < len(body) and body[k] == ".":
        k += 1  # a title's own full stop or ellipsis stays with it
    run = body[k:]
    dots = run.count(".")
    if not run[:1].isspace() or dots < _BARE_DOTS:
        return None
    return k if " " in run.strip() or dots >= _BARE_RUN else None


def _title_end(s: str, end: int) -> int | None:
    """Where the shortest title ends, when ``s[:end]`` is a title followed by one leader and blanks."""
    t = end
    while t and s[t - 1].isspace():
        t -= 1
    blanks = s[t:end]  # the blanks before the page: the leader itself, or after it
    if t:
        start = _run_start(s, t)
        if start is not None:
            b = start
            while b and s[b - 1].isspace():
                b -= 1
            if b:
                return b
            # only blanks before the run: the title is up to the run's first character, if the rest
            # of the run is still a leader
            if _run_start(s, t, floor=start + 1) is not None:
                return start + 1
    return _pure_blanks(s, t, blanks)


def _pure_blanks(s: str, t: int, blanks: str) -> int | None:
    """A leader of blanks alone: two or more, or tabs first; the title ends on what is not blank."""
    if t and (len(blanks) >= 2 or blanks[:1] == "\t"):
        return t
    return None


def _run_start(s: str, t: int, floor: int = 0) -> int | None:
    """Where the leader run that ends at ``t`` (its last character ``s[t - 1]``) starts, when it is
    long enough; not before ``floor``."""
    k = t - 1
    if k < floor:
        return None
    c = s[k]
    if c == _DOTS:
        count = 1
        while True:
            if k - 1 >= floor and s[k - 1] == ".":
                k -= 1
            elif k - 2 >= floor and s[k - 1].isspace() and s[k - 2] == ".":
                k -= 2
            elif k - 3 >= floor and s[k - 1].isspace() and s[k - 2].isspace() and s[k - 3] == ".":
                k -= 3  # dots spread two blanks apart (".  .  ."), as some nroff drafts set leaders
            else:
                break
            count += 1
        return k if count >= 2 else None
    if c not in _RUNS:
        return None
    same = _SAME_RUN.get(c, c)
    while k - 1 >= floor and s[k - 1] in same:
        k -= 1
    return k if t - k >= _RUNS[c] else None
