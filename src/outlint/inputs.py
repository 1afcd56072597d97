"""Read input files safely: regular files only, never past a size limit, never blocking on a pipe."""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Protocol

# A file larger than this is refused unless the limit is raised: a 200 MB "document" is a log,
# a dump or a mistake, and reading it would take gigabytes of memory once parsed.
DEFAULT_MAX_BYTES = 100_000_000
# Deeper nesting (lists in lists, elements in elements, sections in sections) is refused: no real
# document comes near it, and each level costs memory and time in every reader.
DEFAULT_MAX_DEPTH = 256
# Configuration, profile and ignore files are small; anything bigger is not one.
SMALL_FILE_BYTES = 10_000_000

_KINDS = (
    (stat.S_ISDIR, "a directory"),
    (stat.S_ISFIFO, "a named pipe"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)
_SIZE = re.compile(r"(\d+(?:\.\d+)?)\s*([kmg]?)b?", re.IGNORECASE)
_UNITS = {"": 1, "k": 1000, "m": 1000**2, "g": 1000**3}


class InputError(OSError):
    """A path that is not a regular file, or a file over a limit; ``message`` is one line."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message
        self.strerror = message


@dataclass(frozen=True, slots=True)
class Limits:
    """How much outlint reads: the largest file and the deepest nesting, with the option raising each."""

    max_bytes: int = DEFAULT_MAX_BYTES
    max_depth: int = DEFAULT_MAX_DEPTH


DEFAULT_LIMITS = Limits()


def parse_size(text: str) -> int:
    """``"100MB"``, ``"2.5 GB"``, ``"50k"`` or a plain byte count as bytes (decimal units); ValueError."""
    m = _SIZE.fullmatch(text.strip())
    if not m:
        raise ValueError(f"{text!r} is not a size (e.g. 100MB, 500KB, 2GB)")
    return int(float(m.group(1)) * _UNITS[m.group(2).lower()])


def show_size(n: int) -> str:
    """Bytes as people read them: ``100 MB``, ``1.5 GB``, ``512 bytes``."""
    for unit, scale in (("GB", 1000**3), ("MB", 1000**2), ("KB", 1000)):
        if n >= scale:
            return f"{n / scale:.4g} {unit}"
    return f"{n} bytes"


def kind_of(mode: int) -> str | None:
    """What a non-regular file is (``"a named pipe"``), or None for a regular file."""
    if stat.S_ISREG(mode):
        return None
    return next((name for test, name in _KINDS if test(mode)), "not a regular file")


def not_regular(kind: str) -> InputError:
    return InputError(f"not a regular file ({kind}); outlint reads only regular files")


def too_large(size: int | None, limit: int, option: str | None = "--max-file-size", what: str = "file") -> InputError:
    """The error for input over the size limit; ``size`` None when only "more than the limit" is known."""
    found = f" ({show_size(size)})" if size is not None else ""
    raise_it = f"; raise it with {option}" if option else ""
    return InputError(f"{what} is larger than the limit of {show_size(limit)}{found}{raise_it}")


def too_deep(depth: int, limit: int) -> InputError:
    """The error for nesting past the limit; readers raise ReadError with its message."""
    return InputError(f"nesting deeper than the limit of {limit} levels ({depth}); raise it with --max-depth")


class _Section(Protocol):
    @property
    def children(self) -> Iterable[_Section]: ...


def section_depth(tops: Iterable[_Section]) -> int:
    """How deep a tree of sections (headings) nests: 1 for top-level sections only, 0 for none."""
    deepest = 0
    stack = [(h, 1) for h in tops]
    while stack:
        node, depth = stack.pop()
        deepest = max(deepest, depth)
        stack.extend((child, depth + 1) for child in node.children)
    return deepest


def read_file(path: str, limit: int = DEFAULT_MAX_BYTES, option: str | None = "--max-file-size") -> bytes:
    """The bytes of a regular file of at most ``limit`` bytes; InputError (an OSError) otherwise.

    The kind of file is checked before it is opened, so that opening a device has no effect and a
    named pipe never blocks, and again on the open descriptor, in case the path changed meanwhile.
    Files that report a wrong size (``/proc``) are still cut at the limit.
    """
    kind = kind_of(os.stat(path).st_mode)
    if kind:
        raise not_regular(kind)
    flags = os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0)
    fd = os.open(path, flags)
    try:
        st = os.fstat(fd)
        kind = kind_of(st.st_mode)
        if kind:
            raise not_regular(kind)
        if st.st_size > limit:
            raise too_large(st.st_size, limit, option)
        chunks, total = [], 0
        # the whole file in one read when its size is known: joining chunks would hold it twice
        want = st.st_size + 1 if st.st_size else 1 << 16
        while total <= limit:
            chunk = os.read(fd, min(limit + 1 - total, want))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
            want = 1 << 16  # only a file that grew or reports no size (/proc) has more
        if total > limit:
            raise too_large(total, limit, option)
        return chunks[0] if len(chunks) == 1 else b"".join(chunks)
    finally:
        os.close(fd)


def read_text(path: str, limit: int = SMALL_FILE_BYTES) -> str:
    """A small UTF-8 file (configuration, profile, baseline) as text, a BOM dropped; InputError
    with the problem in words (the caller names the file and what it is for)."""
    try:
        data = read_file(path, limit, option=None)
    except InputError:
        raise
    except OSError as exc:
        raise InputError(exc.strerror or str(exc)) from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"not UTF-8 text (invalid byte at offset {exc.start})") from None
