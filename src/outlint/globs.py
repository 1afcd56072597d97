"""Glob patterns as git reads them (wildmatch), matched in linear time, with no regular expression.

One dialect for ``.gitignore`` files, ``--exclude`` and ``per-file-ignores``: ``*`` and ``?`` within
one path segment, ``[...]`` classes (``!``/``^`` negation, ranges, ``[:digit:]`` and the other POSIX
classes, ``]`` first is literal), backslash escapes, and ``**`` as a whole segment for any number of
directories. Matching works on the bytes of the path, as git does, so a name that is not UTF-8 is
matched too. A pattern git could never match (an unterminated ``[``, an unknown ``[:class:]``, a
trailing backslash) compiles to one that matches nothing: never an exception.

Regular expressions are not used because globs such as ``*a*a*a*b`` or ``**/**/**/x`` make a
backtracking engine take polynomial or exponential time on long names and deep paths; the two-pointer
wildcard algorithm below is O(len(name) * len(pattern)) at worst, per segment and per path.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

STAR, ANY = -2, -1  # tokens: a byte (0-255), any run of bytes, any one byte, or a Class


def _byte_test(test: Callable[[bytes], bool]) -> Callable[[int], bool]:
    return lambda c: test(bytes((c,)))


# POSIX classes in the C locale, as wildmatch implements them (ASCII only)
POSIX: dict[str, Callable[[int], bool]] = {
    "alnum": _byte_test(bytes.isalnum),
    "alpha": _byte_test(bytes.isalpha),
    "blank": lambda c: c in (9, 32),
    "cntrl": lambda c: c < 32 or c == 127,
    "digit": _byte_test(bytes.isdigit),
    "graph": lambda c: 33 <= c <= 126,
    "lower": _byte_test(bytes.islower),
    "print": lambda c: 32 <= c <= 126,
    "punct": lambda c: 33 <= c <= 126 and not bytes((c,)).isalnum(),
    "space": _byte_test(bytes.isspace),
    "upper": _byte_test(bytes.isupper),
    "xdigit": lambda c: c in b"0123456789abcdefABCDEF",
}


@dataclass(frozen=True, slots=True)
class Class:
    """A bracket expression: byte ranges and POSIX classes, possibly negated."""

    ranges: tuple[tuple[int, int], ...]
    names: tuple[str, ...]
    negated: bool

    def matches(self, c: int) -> bool:
        hit = any(lo <= c <= hi for lo, hi in self.ranges) or any(POSIX[n](c) for n in self.names)
        return hit != self.negated


Token = int | Class


@dataclass(frozen=True, slots=True)
class Segment:
    """One ``/``-separated part of a pattern; ``literal``/``suffix`` are fast paths for the commonest
    shapes (``build``, ``*.md``)."""

    tokens: tuple[Token, ...]
    literal: bytes | None = None
    suffix: bytes | None = None

    def matches(self, name: bytes) -> bool:
        if self.literal is not None:
            return name == self.literal
        if self.suffix is not None:
            return name.endswith(self.suffix)
        return _wildcard(self.tokens, name)


DOUBLE_STAR = Segment((STAR,))  # compared by identity: any number of whole segments


@dataclass(frozen=True, slots=True)
class Glob:
    """A compiled glob; ``match(path)`` takes a ``/``-separated path relative to the pattern's base."""

    segments: tuple[Segment, ...]
    anchored: bool  # False: the pattern has no slash and matches a name at any depth
    never: bool = False  # a pattern git can never match

    def match(self, path: str) -> bool:
        if self.never:
            return False
        parts = [p for p in path.encode("utf-8", "surrogateescape").split(b"/") if p]
        if not self.anchored:  # one segment, no slash: the last name decides
            return bool(parts) and self.segments[0].matches(parts[-1])
        return _segments(self.segments, parts)


def _wildcard(tokens: tuple[Token, ...], name: bytes) -> bool:
    """Whether one segment matches: the greedy two-pointer algorithm, which retries only from the
    last star and so never takes more than len(name) * len(tokens) steps."""
    p = t = 0
    star, mark = -1, 0
    while t < len(name):
        if p < len(tokens) and tokens[p] != STAR and _one(tokens[p], name[t]):
            p, t = p + 1, t + 1
        elif p < len(tokens) and tokens[p] == STAR:
            star, mark, p = p, t, p + 1
        elif star >= 0:
            mark += 1
            p, t = star + 1, mark
        else:
            return False
    while p < len(tokens) and tokens[p] == STAR:
        p += 1
    return p == len(tokens)


def _one(token: Token, c: int) -> bool:
    if isinstance(token, Class):
        return token.matches(c)
    return token in (ANY, c)


def _segments(pattern: tuple[Segment, ...], parts: list[bytes]) -> bool:
    """The same algorithm one level up: ``**`` is the star, every other segment matches one part."""
    p = t = 0
    star, mark = -1, 0
    while t < len(parts):
        if p < len(pattern) and pattern[p] is not DOUBLE_STAR and pattern[p].matches(parts[t]):
            p, t = p + 1, t + 1
        elif p < len(pattern) and pattern[p] is DOUBLE_STAR:
            star, mark, p = p, t, p + 1
        elif star >= 0:
            mark += 1
            p, t = star + 1, mark
        else:
            return False
    while p < len(pattern) and pattern[p] is DOUBLE_STAR:
        p += 1
    return p == len(pattern)


class _Never(Exception):
    """The pattern can never match (git aborts the match)."""


def _class(seg: bytes, i: int) -> tuple[Class, int]:
    """The bracket expression starting after ``[`` at ``seg[i]``; returns it and the index after ``]``."""
    negated = i < len(seg) and seg[i] in b"!^"
    i += negated
    ranges: list[tuple[int, int]] = []
    names: list[str] = []
    first = True
    while True:
        if i >= len(seg):
            raise _Never
        c = seg[i]
        if c == ord("]") and not first:
            return Class(tuple(ranges), tuple(names), negated), i + 1
        first = False
        if c == ord("\\"):
            i += 1
            if i >= len(seg):
                raise _Never
            c = seg[i]
        elif c == ord("[") and seg[i + 1 : i + 2] == b":":
            end = seg.find(b"]", i + 2)
            if end < 0:
                raise _Never
            if seg[end - 1 : end] == b":" and end - 1 >= i + 2:
                name = seg[i + 2 : end - 1].decode("ascii", "replace")
                if name not in POSIX:
                    raise _Never
                names.append(name)
                i = end + 1
                continue
            # no ":]": an ordinary "[" in the set
        if seg[i + 1 : i + 2] == b"-" and i + 2 < len(seg) and seg[i + 2] != ord("]"):
            hi_at = i + 2
            if seg[hi_at] == ord("\\"):
                hi_at += 1
                if hi_at >= len(seg):
                    raise _Never
            ranges.append((c, seg[hi_at]))  # lo > hi: matches nothing, as in git
            i = hi_at + 1
            continue
        ranges.append((c, c))
        i += 1


def _segment(seg: bytes) -> Segment:
    tokens: list[Token] = []
    i = 0
    while i < len(seg):
        c = seg[i]
        if c == ord("\\"):
            if i + 1 >= len(seg):
                raise _Never  # a trailing backslash escapes nothing
            tokens.append(seg[i + 1])
            i += 2
        elif c == ord("*"):
            if not tokens or tokens[-1] != STAR:  # "**" inside a segment is one star
                tokens.append(STAR)
            i += 1
        elif c == ord("?"):
            tokens.append(ANY)
            i += 1
        elif c == ord("["):
            cls, i = _class(seg, i + 1)
            tokens.append(cls)
        else:
            tokens.append(c)
            i += 1
    plain = [t for t in tokens if isinstance(t, int) and t >= 0]
    if len(plain) == len(tokens):
        return Segment(tuple(tokens), literal=bytes(plain))
    if tokens[:1] == [STAR] and len(plain) == len(tokens) - 1:
        return Segment(tuple(tokens), suffix=bytes(plain))
    return Segment(tuple(tokens))


def compile_glob(text: str, anchored: bool | None = None) -> Glob:
    """A glob from its text (no leading ``!``, no trailing ``/``: gitignore's own syntax is the
    caller's). ``anchored`` None: as gitignore decides, anchored when the text has a slash."""
    raw = text.encode("utf-8", "surrogateescape")
    anchored = b"/" in raw if anchored is None else anchored
    parts = [p for p in raw.split(b"/") if p]
    try:
        segments = [DOUBLE_STAR if p == b"**" else _segment(p) for p in parts]
    except _Never:
        return Glob((), True, never=True)
    if not segments:
        return Glob((), True, never=True)
    collapsed: list[Segment] = []
    for s in segments:
        if not (s is DOUBLE_STAR and collapsed and collapsed[-1] is DOUBLE_STAR):
            collapsed.append(s)
    if collapsed[-1] is DOUBLE_STAR and len(collapsed) > 1:
        collapsed.insert(-1, Segment((STAR,)))  # "dir/**" is what is inside dir, not dir itself
    if not anchored and len(collapsed) > 1:
        anchored = True
    if not anchored and collapsed[0] is DOUBLE_STAR:
        return Glob((DOUBLE_STAR,), True)
    return Glob(tuple(collapsed), anchored)


def matches_path(glob: Glob, path: str) -> bool:
    """Whether a glob matches a path or one of its parent directories (``legacy`` covers
    ``legacy/a.md``), the path being relative to the glob's base."""
    parts = [p for p in path.split("/") if p]
    return any(glob.match("/".join(parts[:k])) for k in range(len(parts), 0, -1))
