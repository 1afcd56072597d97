"""Regular expressions compiled on first use.

Compiling a character class over a large part of the Basic Multilingual Plane (the CJK letters)
costs Python's ``re`` about 2 ms, since it fills a 65,536-entry map one character at a time. A
dozen such classes made a sixth of the start-up time of ``outlint check`` on one small file, though
a document in ASCII never asks them anything. :func:`lazy` gives a pattern that compiles when it
is first used and then is as fast as the compiled one: its methods are the compiled pattern's own
bound methods, stored on it at the first call.

Use it for module-level patterns only reached through their methods (``search``, ``sub`` ...);
``re.sub(pattern, ...)`` and ``isinstance(pattern, re.Pattern)`` want the compiled pattern.
"""

from __future__ import annotations

import re
from typing import Any, cast

_FORWARDED = ("search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split", "scanner")


class LazyPattern:
    def __init__(self, pattern: str, flags: int) -> None:
        self._source = (pattern, flags)

    def compiled(self) -> re.Pattern[str]:
        """The compiled pattern (for tests that run every pattern of the package)."""
        return re.compile(*self._source)

    def __getattr__(self, name: str) -> Any:  # only reached before the first use
        if name.startswith("__") or name == "_source":
            raise AttributeError(name)  # (a copy made without __init__ has no source to compile)
        compiled = self.compiled()
        for attr in _FORWARDED:
            setattr(self, attr, getattr(compiled, attr))
        self.__dict__.update(pattern=compiled.pattern, flags=compiled.flags, groups=compiled.groups)
        self.__dict__["groupindex"] = compiled.groupindex
        return getattr(compiled, name)

    def __repr__(self) -> str:
        return f"lazy({self._source[0]!r})"


def lazy(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """A pattern that compiles on first use (see the module's docstring)."""
    return cast(re.Pattern[str], LazyPattern(pattern, flags))
