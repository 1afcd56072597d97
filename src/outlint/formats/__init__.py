"""Output formats: each a pure function from findings, the checked paths and the run's options to text."""

from __future__ import annotations

import importlib
import os
import posixpath
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from outlint.model import Finding, Severity


@dataclass(frozen=True, slots=True)
class Options:
    """What a report may need beyond the findings; the defaults suit a library call.

    ``cwd`` and ``root`` are absolute directories: relative finding paths are relative to ``cwd``,
    and SARIF writes its URIs relative to ``root`` (the git work tree, when there is one). None:
    the paths are written as they are. ``fail_on`` is the lowest severity that fails the run (None:
    nothing fails), so that JUnit agrees with the exit status. ``annotation_limit`` is how many
    annotations of each severity the CI shows per step (GitHub: 10), for the Markdown summary.
    """

    cwd: str | None = None
    root: str | None = None
    fail_on: Severity | None = Severity.ERROR
    color: bool = False
    annotation_limit: int | None = None


DEFAULT = Options()


class Formatter(Protocol):
    """``render(findings, paths, options=DEFAULT) -> str``: every format module has one."""

    def __call__(self, findings: Sequence[Finding], paths: Sequence[str], options: Options = DEFAULT, /) -> str: ...


# format name -> module with render(findings, paths, options); imported only when used
FORMATS: dict[str, str] = {
    "text": "outlint.formats.text",
    "json": "outlint.formats.json",
    "sarif": "outlint.formats.sarif",
    "github": "outlint.formats.github",
    "junit": "outlint.formats.junit",
    "gitlab": "outlint.formats.gitlab",
    "html": "outlint.formats.html",
    "markdown": "outlint.formats.markdown",
}


def formatter(name: str) -> Formatter:
    render: Formatter = importlib.import_module(FORMATS[name]).render
    return render


# C0 controls and DEL: a path that holds one would break a one-line report or a terminal
_CONTROL = re.compile("[\x00-\x1f\x7f]")
_SURROGATE = re.compile("[\udc80-\udcff]")  # bytes of a file name that are not UTF-8 (surrogateescape)


def normal_path(path: str) -> str:
    """A path with forward slashes, without ``./`` and with ``..`` resolved where it can be.

    ``-`` (stdin) stays as it is; a leading ``..`` of a path outside the working directory stays."""
    if path == "-":
        return path
    return posixpath.normpath(path.replace("\\", "/"))


def shown_path(path: str, one_line: bool = True) -> str:
    """A normalised path as reports print it: every byte of a name that is not UTF-8 kept visible,
    as ``\\xff``, and (``one_line``) control characters escaped, as ``\\n``; other paths unchanged."""
    path = normal_path(path)
    if _SURROGATE.search(path):
        path = _SURROGATE.sub(lambda m: f"\\x{ord(m.group()) - 0xDC00:02x}", path)
    if one_line and _CONTROL.search(path):
        path = _CONTROL.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), path)
    return path


def from_root(path: str, options: Options) -> tuple[str, bool]:
    """``(path, True)``: the path relative to ``options.root``, with forward slashes; ``(path,
    False)``: a file outside the root, as an absolute path, or any path when the root is not known."""
    if path == "-" or options.root is None or options.cwd is None:
        return normal_path(path), False
    absolute = os.path.normpath(os.path.join(options.cwd, path))
    try:
        rel = os.path.relpath(absolute, options.root)
    except ValueError:  # another drive
        return normal_path(absolute), False
    if rel == os.pardir or rel.startswith(os.pardir + os.sep):
        return normal_path(absolute), False
    return normal_path(rel), True


def title(f: Finding) -> str:
    """``OL201 numbering-gap``: how a finding is named where one short label is wanted."""
    return f"{f.code} {f.name}" if f.name else f.code


def fails(f: Finding, options: Options) -> bool:
    """Whether a finding makes the run fail, as the exit status says."""
    return options.fail_on is not None and f.severity >= options.fail_on
