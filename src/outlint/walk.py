"""Find the files to check: walk directories for the formats outlint reads, honouring .gitignore.

Patterns follow gitignore(5): ``#`` comments, ``!`` negation, a trailing ``/`` for directories
only, a leading or inner ``/`` anchors a pattern to its file's directory, ``*``, ``?``, ``[...]``
and ``**``; the last matching pattern wins and deeper files override higher ones. ``--exclude``
patterns use the same syntax, anchored at the current directory.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass

from outlint import readers


@dataclass(frozen=True, slots=True)
class Pattern:
    """One compiled ignore pattern; ``regex`` matches a path relative to the pattern's base."""

    regex: re.Pattern[str]
    negate: bool
    dir_only: bool


# (patterns, path of the directory being listed relative to the patterns' base, "" at the base)
Layer = tuple[Sequence[Pattern], str]
Warn = Callable[[str, str], None]


def _glob(segment: str) -> str:
    """The regex of one path segment of a glob: ``*``, ``?``, ``[...]`` and backslash escapes."""
    out, i, n = [], 0, len(segment)
    while i < n:
        c = segment[i]
        if c == "\\" and i + 1 < n:
            out.append(re.escape(segment[i + 1]))
            i += 2
            continue
        if c == "*":
            out.append("[^/]*")
        elif c == "?":
            out.append("[^/]")
        elif c == "[":
            end = segment.find("]", i + 2 if segment[i + 1 : i + 2] in ("!", "^") else i + 1)
            if end < 0:
                out.append(re.escape(c))
            else:
                body = segment[i + 1 : end]
                body = "^" + body[1:] if body[:1] in ("!", "^") else body
                out.append("[" + body.replace("\\", "\\\\") + "]")
                i = end
        else:
            out.append(re.escape(c))
        i += 1
    return "".join(out)


def compile_pattern(line: str) -> Pattern | None:
    """A gitignore line as a Pattern; None for blank lines and comments."""
    line = line.rstrip("\n\r")
    stripped = line.rstrip(" ")
    if stripped.endswith("\\") and len(stripped) < len(line):
        stripped += " "  # "\ " keeps one trailing space
    line = stripped
    if not line or line.startswith("#"):
        return None
    negate = line.startswith("!")
    if negate or line.startswith("\\!") or line.startswith("\\#"):
        line = line[1:]
    dir_only = line.endswith("/") and not line.endswith("\\/")
    line = line.rstrip("/") if dir_only else line
    if not line:
        return None
    anchored = "/" in line
    parts = line.lstrip("/").split("/")
    body = ""
    for i, part in enumerate(parts):
        last = i == len(parts) - 1
        if part == "**":
            body += ".*" if last else "(?:[^/]*/)*"
        else:
            body += _glob(part) + ("" if last else "/")
    prefix = "" if anchored else "(?:.*/)?"
    return Pattern(re.compile(prefix + body, re.DOTALL), negate, dir_only)


def parse(text: str) -> list[Pattern]:
    """The patterns of a .gitignore file, in order."""
    return [p for p in map(compile_pattern, text.split("\n")) if p is not None]


def ignored(layers: Iterable[Layer], name: str, is_dir: bool) -> bool:
    """Whether an entry ``name`` of the directory the layers describe is ignored: the last match wins."""
    verdict: bool | None = None
    for patterns, rel in layers:  # higher layers first: a deeper file overrides them
        path = f"{rel}/{name}" if rel else name
        for p in reversed(patterns):
            if (is_dir or not p.dir_only) and p.regex.fullmatch(path):
                verdict = not p.negate
                break
    return bool(verdict)


def _read_patterns(path: str) -> list[Pattern]:
    try:
        with open(path, encoding="utf-8", errors="replace") as fh:
            return parse(fh.read())
    except OSError:
        return []


def _ancestor_layers(directory: str) -> list[Layer]:
    """Layers of the .gitignore files above ``directory``, up to the repository root (if any)."""
    here = os.path.abspath(directory)
    chain = []
    node = os.path.dirname(here)
    while True:
        chain.append(node)
        if os.path.exists(os.path.join(node, ".git")):
            break
        parent = os.path.dirname(node)
        if parent == node:
            return []  # not in a repository: only the tree's own .gitignore files count
        node = parent
    layers: list[Layer] = []
    root = chain[-1]
    info = _read_patterns(os.path.join(root, ".git", "info", "exclude"))
    if info:
        layers.append((info, os.path.relpath(here, root).replace(os.sep, "/")))
    for node in reversed(chain):
        patterns = _read_patterns(os.path.join(node, ".gitignore"))
        if patterns:
            layers.append((patterns, os.path.relpath(here, node).replace(os.sep, "/")))
    return layers


def _rel_to_cwd(path: str) -> str:
    rel = os.path.relpath(os.path.abspath(path)).replace(os.sep, "/")
    return "" if rel == "." else rel


def excluded(patterns: Sequence[Pattern], path: str) -> bool:
    """Whether ``--exclude`` patterns (anchored at the working directory) match a path or a parent."""
    if not patterns:
        return False
    parts = _rel_to_cwd(path).split("/")
    for i, name in enumerate(parts):
        if name in ("", ".."):
            continue
        is_dir = i < len(parts) - 1 or os.path.isdir(path)
        if ignored([(patterns, "/".join(parts[:i]))], name, is_dir):
            return True
    return False


def walkable(name: str) -> bool:
    """Whether a directory walk picks up a file: not hidden, with a suffix outlint reads.

    Files without a suffix (LICENSE, Makefile) are read as text only when named explicitly.
    """
    return not name.startswith(".") and "." in name and readers.format_for(name) is not None


def _descend(layers: Sequence[Layer], name: str) -> list[Layer]:
    return [(p, f"{rel}/{name}" if rel else name) for p, rel in layers]


def _walk_tree(root: str, exclude: Sequence[Pattern], use_ignore: bool, warn: Warn) -> Iterator[str]:
    layers = _ancestor_layers(root) if use_ignore else []
    excl: list[Layer] = [(exclude, _rel_to_cwd(root))] if exclude else []
    try:
        st = os.stat(root)
    except OSError as exc:
        warn(root, f"cannot read directory: {exc.strerror or exc}")
        return
    yield from _walk(root, layers, excl, frozenset({(st.st_dev, st.st_ino)}), use_ignore, warn)


def _walk(
    directory: str,
    layers: list[Layer],
    excl: list[Layer],
    ancestry: frozenset[tuple[int, int]],
    use_ignore: bool,
    warn: Warn,
) -> Iterator[str]:
    """Files under one directory, depth first in name order; its own .gitignore applies inside it.

    ``excl`` (the --exclude patterns) is kept apart from ``layers`` so that no ``!`` in a
    .gitignore can bring back what the command line excluded.
    """
    if use_ignore:
        own = _read_patterns(os.path.join(directory, ".gitignore"))
        layers = [*layers, (own, "")] if own else layers
    try:
        with os.scandir(directory) as it:
            entries = sorted(it, key=lambda e: e.name)
    except OSError as exc:
        warn(directory, f"cannot read directory: {exc.strerror or exc}")
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        try:
            is_dir = entry.is_dir()
        except OSError as exc:
            warn(entry.path, f"cannot read: {exc.strerror or exc}")
            continue
        if ignored(layers, entry.name, is_dir) or ignored(excl, entry.name, is_dir):
            continue
        if not is_dir:
            if walkable(entry.name):
                if entry.is_symlink() and not os.path.exists(entry.path):
                    warn(entry.path, "broken symbolic link, skipped")
                else:
                    yield entry.path
            continue
        try:
            st = os.stat(entry.path)
        except OSError as exc:
            warn(entry.path, f"cannot read directory: {exc.strerror or exc}")
            continue
        key = (st.st_dev, st.st_ino)
        if key in ancestry:
            warn(entry.path, "symbolic link loop, not followed")
            continue
        yield from _walk(
            entry.path, _descend(layers, entry.name), _descend(excl, entry.name), ancestry | {key}, use_ignore, warn
        )


def iter_files(
    paths: Sequence[str], exclude: Sequence[str] = (), use_ignore: bool = True, warn: Warn | None = None
) -> Iterator[str]:
    """Every file to check once, in a stable order: explicit files as given (unless ``--exclude``d),
    directories walked for the formats outlint reads, skipping hidden entries and ignored ones.

    Problems met while walking (unreadable directories, symbolic link loops) go to ``warn``.
    """
    report: Warn = warn or (lambda _path, _message: None)
    patterns = [p for p in map(compile_pattern, exclude) if p is not None]
    seen: set[str] = set()  # "docs docs/a.txt" must not report docs/a.txt twice
    for given in paths:
        if given == "-":
            found: Iterable[str] = [given]
        elif excluded(patterns, given):
            continue
        elif os.path.isdir(given):
            found = _walk_tree(given, patterns, use_ignore, report)
        else:
            found = [given]
        for path in found:
            key = path if path == "-" else os.path.normpath(os.path.abspath(path))
            if key not in seen:
                seen.add(key)
                yield path
