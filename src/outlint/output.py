"""Where reports go: files written whole and in place, never over an input, and the run's options.

A report file is written as every tool writes one: a new file gets the mode the umask allows, a
regular file keeps its mode (and its owner, where outlint may keep it) and is replaced whole or
not at all, a symbolic link is written through to its target, and anything that is not a regular
file (``/dev/null``, ``/dev/stdout``, a named pipe) is written into, never replaced.
"""

from __future__ import annotations

import contextlib
import os
import stat
from collections import Counter
from collections.abc import Iterable, Sequence

from outlint.formats import Options
from outlint.model import Finding, Severity


def umask() -> int:
    mask = os.umask(0o022)  # the only way to read it is to set it; put it back at once
    os.umask(mask)
    return mask


def write_report(path: str, text: str) -> None:
    """Write a whole report to ``path`` (see the module's docstring); OSError when it cannot."""
    try:
        st: os.stat_result | None = os.stat(path)  # follows symbolic links
    except FileNotFoundError:
        st = None
    if st is not None and stat.S_ISDIR(st.st_mode):
        raise IsADirectoryError(21, "Is a directory", path)
    if st is not None and not stat.S_ISREG(st.st_mode):
        with open(path, "w", encoding="utf-8", newline="\n") as fh:  # a device or a pipe: into it
            fh.write(text)
        return
    target = os.path.realpath(path)  # through symbolic links, so that the link stays a link
    mode = stat.S_IMODE(st.st_mode) if st is not None else 0o666 & ~umask()
    import tempfile  # here: most runs write to standard output, and need not import it

    fd, tmp = tempfile.mkstemp(prefix=".outlint-", dir=os.path.dirname(target))
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
        os.chmod(tmp, mode)
        if st is not None and hasattr(os, "chown"):
            with contextlib.suppress(OSError):  # only root may give a file away; others keep theirs
                os.chown(tmp, st.st_uid, st.st_gid)
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def _identity(path: str) -> tuple[int, int] | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return (st.st_dev, st.st_ino) if stat.S_ISREG(st.st_mode) else None


def clash(targets: Sequence[tuple[str, str]], inputs: Iterable[tuple[str, str]]) -> str | None:
    """Why these report files cannot be written, or None: a target that is one of the inputs (a
    checked document, the baseline) or the same file as another target. ``targets`` are ``(option,
    path)`` pairs, ``inputs`` ``(what it is, path)`` pairs. Devices and pipes never clash."""
    seen: dict[object, str] = {}
    for option, path in targets:
        key: object = _identity(path)
        if key is None:
            if os.path.exists(path):
                continue  # /dev/null, a pipe: writing into it twice loses nothing
            key = os.path.normpath(os.path.abspath(path))
        if key in seen:
            return f"{option} {path}: {seen[key]} writes there too; give each report its own file"
        seen[key] = option
    for what, path in inputs:
        key = _identity(path)
        if key is not None and key in seen:
            return f"{seen[key]} {path}: that is {what}; refusing to overwrite it with a report"
    return None


def work_tree_root(cwd: str) -> str:
    """The base of report paths: the git work tree holding ``cwd``, else ``cwd`` itself."""
    from outlint.walk import repository_root

    return repository_root(cwd) or cwd


def use_color(choice: str, is_tty: bool, environ: dict[str, str] | os._Environ[str] = os.environ) -> bool:
    """``--color``: always, never, or auto (a terminal, unless ``NO_COLOR`` is set or ``TERM=dumb``)."""
    if choice != "auto":
        return choice == "always"
    return is_tty and not environ.get("NO_COLOR") and environ.get("TERM") != "dumb"


def report_options(fail_on: Severity | None, color: bool, github: bool) -> Options:
    """The options of this run's reports: paths relative to the working directory, URIs to its work tree."""
    cwd = os.getcwd()
    return Options(
        cwd=cwd,
        root=work_tree_root(cwd),
        fail_on=fail_on,
        color=color,
        annotation_limit=10 if github else None,  # GitHub shows 10 annotations of each severity per step
    )


def statistics(findings: Sequence[Finding]) -> str:
    """``--statistics``: how many findings of each rule, the commonest first."""
    counts = Counter((f.code, f.name) for f in findings)
    width = len(str(max(counts.values(), default=0)))
    rows = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    return "".join(f"{n:>{width}}  {code}  {name}\n" for (code, name), n in rows)
