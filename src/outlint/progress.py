"""How far the check of the current file has got, for a progress bar that moves inside large files.

The linter and the readers call ``advance(fraction)`` at the end of each of their stages; nothing
listens unless a caller installed a listener with ``listening`` (the command line's progress bar,
in this process or, through a queue, in a worker process). ``part(lo, hi)`` maps the fractions
reported inside it onto ``[lo, hi]`` of the enclosing part, so that a reader reports its own stages
from 0 to 1 without knowing what share of the whole check reading is.

Calls cost one global lookup when nobody listens: they are made a handful of times per file.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator

Listener = Callable[[float], None]

_listener: Listener | None = None
_lo, _hi = 0.0, 1.0


def advance(fraction: float) -> None:
    """The current part is ``fraction`` (0 to 1) done."""
    if _listener is not None:
        _listener(_lo + (_hi - _lo) * min(1.0, max(0.0, fraction)))


@contextlib.contextmanager
def part(lo: float, hi: float) -> Iterator[None]:
    """Within the block, ``advance`` reports into ``[lo, hi]`` of the current part; at its end the
    part has reached ``hi``."""
    global _lo, _hi
    outer = _lo, _hi
    width = _hi - _lo
    _lo, _hi = _lo + width * lo, _lo + width * hi
    try:
        yield
    finally:
        _lo, _hi = outer
    advance(hi)


@contextlib.contextmanager
def listening(listener: Listener) -> Iterator[None]:
    """Send the fractions of the file checked inside the block to ``listener``."""
    global _listener, _lo, _hi
    outer = _listener, _lo, _hi
    _listener, _lo, _hi = listener, 0.0, 1.0
    try:
        yield
    finally:
        _listener, _lo, _hi = outer
