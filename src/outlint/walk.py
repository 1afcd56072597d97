"""Find the files to check: walk directories for the formats outlint reads, honouring .gitignore.

Inside a git work tree, git lists the files (tracked ones and untracked ones it does not ignore):
that is exact by definition. Outside one, or when git is missing or refuses, the walk reads the
ignore files itself: ``.gitignore`` files of the tree and of its parents up to the repository root,
and ``.git/info/exclude``. Patterns follow gitignore(5): ``#`` comments, ``!`` negation, a trailing
``/`` for directories only, a leading or inner ``/`` anchors a pattern to its file's directory, and
the globs of ``outlint.globs``; the last matching pattern wins and deeper files override higher
ones. ``--exclude`` patterns use the same syntax, anchored at the current directory.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass

from outlint import inputs, readers
from outlint.globs import Glob, compile_glob


@dataclass(frozen=True, slots=True)
class Pattern:
    """One ignore pattern; ``glob`` matches a path relative to the pattern's base."""

    glob: Glob
    negate: bool
    dir_only: bool


# (patterns, path of the directory being listed relative to the patterns' base, "" at the base)
Layer = tuple[Sequence[Pattern], str]
Warn = Callable[[str, str], None]
GIT_TIMEOUT = 60  # seconds; a git that hangs (a lock, a network file system) must not hang the run


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
    return Pattern(compile_glob(line), negate, dir_only)


def parse(text: str) -> list[Pattern]:
    """The patterns of a .gitignore file, in order (a byte order mark before the first is skipped)."""
    return [p for p in map(compile_pattern, text.removeprefix("\ufeff").split("\n")) if p is not None]


def ignored(layers: Iterable[Layer], name: str, is_dir: bool) -> bool:
    """Whether an entry ``name`` of the directory the layers describe is ignored: the last match wins."""
    verdict: bool | None = None
    for patterns, rel in layers:  # higher layers first: a deeper file overrides them
        path = f"{rel}/{name}" if rel else name
        for p in reversed(patterns):
            if (is_dir or not p.dir_only) and p.glob.match(path):
                verdict = not p.negate
                break
    return bool(verdict)


def _read_patterns(path: str) -> list[Pattern]:
    try:
        with open(path, "rb") as fh:
            data = fh.read()
    except OSError:
        return []
    # git reads patterns as bytes: a name that is not UTF-8 must still match itself
    return parse(data.decode("utf-8", "surrogateescape"))


def repository_root(directory: str) -> str | None:
    """The work tree that holds ``directory``: the nearest folder, itself included, with a ``.git``."""
    node = os.path.abspath(directory)
    while True:
        if os.path.exists(os.path.join(node, ".git")):
            return node
        parent = os.path.dirname(node)
        if parent == node:
            return None
        node = parent


def _git_dir(root: str) -> str:
    """The folder holding ``info/exclude``: ``.git``, or for a linked work tree (``.git`` is a file
    saying ``gitdir: ...``) the repository's common folder."""
    dot_git = os.path.join(root, ".git")
    if not os.path.isfile(dot_git):
        return dot_git
    try:
        with open(dot_git, encoding="utf-8", errors="surrogateescape") as fh:
            line = fh.readline().strip()
        gitdir = os.path.join(root, line.removeprefix("gitdir:").strip())
        with open(os.path.join(gitdir, "commondir"), encoding="utf-8", errors="surrogateescape") as fh:
            return os.path.join(gitdir, fh.readline().strip())
    except OSError:
        return dot_git


def _ancestor_layers(directory: str) -> list[Layer]:
    """Layers of ``.git/info/exclude`` and of the .gitignore files above ``directory``, up to the
    repository root (if any); the directory's own .gitignore is read by the walk."""
    here = os.path.abspath(directory)
    root = repository_root(here)
    if root is None:
        return []  # not in a repository: only the tree's own .gitignore files count
    layers: list[Layer] = []
    info = _read_patterns(os.path.join(_git_dir(root), "info", "exclude"))
    if info:
        layers.append((info, _rel(here, root)))
    node, chain = here, []
    while node != root:
        node = os.path.dirname(node)
        chain.append(node)
    for node in reversed(chain):
        patterns = _read_patterns(os.path.join(node, ".gitignore"))
        if patterns:
            layers.append((patterns, _rel(here, node)))
    return layers


def _rel(path: str, start: str) -> str:
    rel = os.path.relpath(path, start).replace(os.sep, "/")
    return "" if rel == "." else rel


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


def _kind(path: str) -> str:
    try:
        return inputs.kind_of(os.stat(path).st_mode) or "not a regular file"
    except OSError as exc:
        return f"cannot read: {exc.strerror or exc}"


def _descend(layers: Sequence[Layer], name: str) -> list[Layer]:
    return [(p, f"{rel}/{name}" if rel else name) for p, rel in layers]


def git_files(directory: str) -> list[str] | None:
    """The files git lists under ``directory``, relative to it with ``/``: the tracked ones and the
    untracked ones git does not ignore, in the walk's order. None outside a work tree, when
    ``directory`` is itself ignored (naming it asks for it), without git, or when git fails."""
    import subprocess  # here: only a walk of a directory runs git, and a check of one file pays nothing

    directory = os.path.abspath(directory)
    parent, name = os.path.split(directory)
    try:
        listing = _git(directory, "ls-files", "-z", "--cached", "--others", "--exclude-standard")
        if listing is None or (name and _git(parent, "check-ignore", "-q", "--", name) is not None):
            return None
    except (OSError, subprocess.SubprocessError):
        return None
    paths = {os.fsdecode(p) for p in listing.split(b"\0") if p}
    return sorted(paths, key=lambda p: p.split("/"))  # depth first in name order, as the walk goes


def _git(directory: str, *args: str) -> bytes | None:
    """Output of a git command run in ``directory``, or None when it fails."""
    import subprocess

    proc = subprocess.run(
        ["git", "-C", directory, *args], capture_output=True, stdin=subprocess.DEVNULL, timeout=GIT_TIMEOUT, check=False
    )
    return proc.stdout if proc.returncode == 0 else None


def _from_git(root: str, listed: Sequence[str], exclude: Sequence[Pattern], warn: Warn) -> Iterator[str]:
    for rel in listed:
        parts = rel.rstrip("/").split("/")
        if any(part.startswith(".") for part in parts):
            continue  # hidden, as in the walk
        path = os.path.join(root, *parts)
        if excluded(exclude, path):
            continue
        if os.path.isdir(path):  # a submodule or a nested repository: git lists it, not its files
            yield from _walk_tree(path, exclude, True, warn)
        elif not walkable(parts[-1]):
            continue
        elif not os.path.exists(path):
            if os.path.islink(path):
                warn(path, "broken symbolic link, skipped")
            # else: deleted from the work tree, still in the index
        elif not _regular(path):
            warn(path, "not a regular file, skipped")
        else:
            yield path


def _regular(path: str) -> bool:
    try:
        return stat.S_ISREG(os.stat(path).st_mode)
    except OSError:
        return False


def _walk_tree(root: str, exclude: Sequence[Pattern], use_ignore: bool, warn: Warn) -> Iterator[str]:
    listed = git_files(root) if use_ignore else None
    if listed is not None:
        yield from _from_git(root, listed, exclude, warn)
        return
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
                elif not entry.is_file():  # a named pipe would block the run, a device never end
                    warn(entry.path, f"{_kind(entry.path)}, skipped; outlint reads only regular files")
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
                yield path if path == "-" else tidy(path)


def tidy(path: str) -> str:
    """A path without ``.`` segments, and without ``..`` ones where that names the same file (through
    a symbolic link, ``link/..`` is not where ``link`` is): reports then name it one way."""
    norm = os.path.normpath(path)
    if norm == path or os.pardir not in path.replace(os.sep, "/").split("/"):
        return norm
    try:
        return norm if os.path.samefile(path, norm) else path
    except OSError:
        return norm  # neither exists: one OL001 finding, under the plainer name
