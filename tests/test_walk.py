"""Walking directories: gitignore syntax, nested .gitignore files, --exclude, hidden entries, links."""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from outlint import walk


@pytest.mark.parametrize(
    ("pattern", "path", "is_dir", "expected"),
    [
        pytest.param("*.txt", "a.txt", False, True, id="star-in-top-dir"),
        pytest.param("*.txt", "sub/deep/a.txt", False, True, id="unanchored-matches-at-any-depth"),
        pytest.param("*.txt", "a.md", False, False, id="other-suffix"),
        pytest.param("a?.txt", "ab.txt", False, True, id="question-mark"),
        pytest.param("a?.txt", "a/.txt", False, False, id="question-mark-not-slash"),
        pytest.param("[ab].txt", "b.txt", False, True, id="class"),
        pytest.param("[!ab].txt", "b.txt", False, False, id="negated-class"),
        pytest.param("/top.txt", "top.txt", False, True, id="leading-slash-anchors"),
        pytest.param("/top.txt", "sub/top.txt", False, False, id="anchored-not-below"),
        pytest.param("sub/a.txt", "sub/a.txt", False, True, id="inner-slash-anchors"),
        pytest.param("sub/a.txt", "x/sub/a.txt", False, False, id="inner-slash-not-below"),
        pytest.param("build/", "build", True, True, id="dir-only-matches-dir"),
        pytest.param("build/", "build", False, False, id="dir-only-not-file"),
        pytest.param("build/", "x/build", True, True, id="dir-only-at-any-depth"),
        pytest.param("**/drafts", "a/b/drafts", True, True, id="leading-double-star"),
        pytest.param("**/drafts", "drafts", True, True, id="leading-double-star-top"),
        pytest.param("docs/**", "docs/a/b.txt", False, True, id="trailing-double-star"),
        pytest.param("docs/**", "docs", True, False, id="trailing-double-star-not-dir-itself"),
        pytest.param("a/**/b.txt", "a/b.txt", False, True, id="inner-double-star-zero-dirs"),
        pytest.param("a/**/b.txt", "a/x/y/b.txt", False, True, id="inner-double-star-many-dirs"),
        pytest.param("a/**/b.txt", "ab.txt", False, False, id="inner-double-star-needs-slashes"),
        pytest.param(r"\#notes.txt", "#notes.txt", False, True, id="escaped-hash"),
        pytest.param(r"\!important.txt", "!important.txt", False, True, id="escaped-bang"),
        pytest.param("a\\ ", "a ", False, True, id="escaped-trailing-space"),
        pytest.param("a.txt   ", "a.txt", False, True, id="trailing-spaces-dropped"),
        pytest.param("a[]].md", "a].md", False, True, id="bracket-first-in-a-class-is-literal"),
        pytest.param("a[!]].md", "ab.md", False, True, id="negated-bracket-first"),
        pytest.param("a[!]].md", "a].md", False, False, id="negated-bracket-first-not-itself"),
        pytest.param("[]", "[]", False, False, id="unterminated-class-never-matches"),
        pytest.param("[!]", "x", False, False, id="unterminated-negated-class-never-matches"),
        pytest.param("[z-a].md", "m.md", False, False, id="reversed-range-matches-nothing"),
        pytest.param("[a-c].md", "b.md", False, True, id="range"),
        pytest.param("[[:digit:]]*.md", "1-intro.md", False, True, id="posix-digit"),
        pytest.param("[[:digit:]]*.md", "intro.md", False, False, id="posix-digit-not-a-letter"),
        pytest.param("[[:upper:][:digit:]]x", "Qx", False, True, id="two-posix-classes"),
        pytest.param("[![:alpha:]]x", "_x", False, True, id="negated-posix"),
        pytest.param("[[:nope:]]", "n", False, False, id="unknown-posix-class-never-matches"),
        pytest.param("[[:digit]x", "[x", False, True, id="no-closing-colon-is-a-plain-bracket"),
        pytest.param(r"a\[b].md", "a[b].md", False, True, id="escaped-bracket"),
        pytest.param("trailing\\", "trailing\\", False, False, id="trailing-backslash-never-matches"),
        pytest.param("?.md", "é.md", False, False, id="question-mark-is-one-byte-as-in-git"),
        pytest.param("??.md", "é.md", False, True, id="two-bytes"),
        pytest.param("a**b.md", "aXYb.md", False, True, id="double-star-inside-a-segment-is-a-star"),
        pytest.param("**/**/**/x", "a/b/x", False, True, id="repeated-double-star"),
        pytest.param("bad\udcff.md", "bad\udcff.md", False, True, id="name-not-utf-8"),
    ],
)
def test_pattern(pattern: str, path: str, is_dir: bool, expected: bool) -> None:
    parent, _, name = path.rpartition("/")
    assert walk.ignored([(walk.parse(pattern), parent)], name, is_dir) is expected


@pytest.mark.parametrize("line", ["", "   ", "# comment", "/", "!"])
def test_lines_that_are_not_patterns(line: str) -> None:
    assert walk.compile_pattern(line) is None


def test_last_match_wins_and_negation() -> None:
    patterns = walk.parse("*.txt\n!keep.txt\n")
    assert walk.ignored([(patterns, "")], "drop.txt", False)
    assert not walk.ignored([(patterns, "")], "keep.txt", False)
    assert walk.ignored([(walk.parse("!keep.txt\n*.txt\n"), "")], "keep.txt", False)


def make(root: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)


def found(root: Path, **kw: object) -> list[str]:
    return [os.path.relpath(p, root).replace(os.sep, "/") for p in walk.iter_files([str(root)], **kw)]  # type: ignore[arg-type]


def test_walk_order_hidden_and_formats(tmp_path: Path) -> None:
    make(
        tmp_path,
        {
            "b.txt": "",
            "a.txt": "",
            "sub/c.txt": "",
            ".hidden/d.txt": "",
            "sub/.e.txt": "",
            "LICENSE": "",
            "image.png": "",
            "notes.rst": "",
        },
    )
    assert found(tmp_path) == ["a.txt", "b.txt", "notes.rst", "sub/c.txt"]


def test_nested_gitignore_files(tmp_path: Path) -> None:
    make(
        tmp_path,
        {
            ".gitignore": "build/\n*.tmp.txt\n/only-top.txt\n",
            "keep.txt": "",
            "x.tmp.txt": "",
            "only-top.txt": "",
            "build/out.txt": "",
            "docs/.gitignore": "!important.tmp.txt\ndrafts\n",
            "docs/only-top.txt": "",
            "docs/y.tmp.txt": "",
            "docs/important.tmp.txt": "",
            "docs/drafts/z.txt": "",
            "docs/sub/build/w.txt": "",
            "docs/sub/v.txt": "",
        },
    )
    assert found(tmp_path) == ["docs/important.tmp.txt", "docs/only-top.txt", "docs/sub/v.txt", "keep.txt"]
    assert len(found(tmp_path, use_ignore=False)) == 10


def test_gitignore_above_the_walked_directory_up_to_the_repository_root(tmp_path: Path) -> None:
    make(
        tmp_path, {".gitignore": "docs/old/\n*.bak.txt\n", "docs/a.txt": "", "docs/b.bak.txt": "", "docs/old/c.txt": ""}
    )
    (tmp_path / ".git").mkdir()
    make(tmp_path, {".git/info/exclude": "secret.txt\n", "docs/secret.txt": ""})
    assert found(tmp_path / "docs") == ["a.txt"]
    outer = tmp_path / "outer"
    make(outer, {".gitignore": "*.txt\n", "repo/.git/HEAD": "", "repo/docs/a.txt": ""})
    assert found(outer / "repo" / "docs") == ["a.txt"]  # a .gitignore above the repository does not count


def test_exclude(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    make(tmp_path, {".gitignore": "!*.txt\n", "docs/a.txt": "", "docs/drafts/b.txt": "", "c.txt": "", "docs/c.txt": ""})
    monkeypatch.chdir(tmp_path)
    assert found(tmp_path, exclude=["drafts/"]) == ["c.txt", "docs/a.txt", "docs/c.txt"]
    assert found(tmp_path, exclude=["/c.txt"]) == ["docs/a.txt", "docs/c.txt", "docs/drafts/b.txt"]
    assert found(tmp_path, exclude=["docs"], use_ignore=False) == ["c.txt"]
    # explicit files: --exclude applies, .gitignore does not (naming a file is asking for it)
    assert list(walk.iter_files(["docs/drafts/b.txt", "docs/a.txt"], exclude=["drafts/"])) == ["docs/a.txt"]
    assert list(walk.iter_files(["docs"], exclude=["docs/"])) == []


def test_explicit_files_ignore_gitignore(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    make(tmp_path, {".gitignore": "*.txt\n", "a.txt": "", "LICENSE": ""})
    monkeypatch.chdir(tmp_path)
    assert list(walk.iter_files(["a.txt", "LICENSE", "missing.txt", "-"])) == ["a.txt", "LICENSE", "missing.txt", "-"]


def test_symlink_loop_is_reported_not_fatal(tmp_path: Path) -> None:
    make(tmp_path, {"docs/a.txt": "", "docs/sub/b.txt": ""})
    os.symlink(tmp_path / "docs", tmp_path / "docs" / "sub" / "loop")
    os.symlink(tmp_path / "docs" / "sub", tmp_path / "docs" / "linked")
    os.symlink(tmp_path / "nowhere.txt", tmp_path / "docs" / "broken.txt")
    warnings: list[tuple[str, str]] = []
    files = found(tmp_path, warn=lambda p, m: warnings.append((os.path.basename(p), m)))
    assert files == ["docs/a.txt", "docs/linked/b.txt", "docs/sub/b.txt"]
    assert ("loop", "symbolic link loop, not followed") in warnings
    assert ("broken.txt", "broken symbolic link, skipped") in warnings
    assert len(warnings) == 3  # the loop once under docs/sub and once under docs/linked


def test_unreadable_directory_is_reported_not_fatal(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    make(tmp_path, {"a.txt": "", "locked/b.txt": ""})
    real = os.scandir

    def scandir(path: str) -> object:  # chmod 0 does not stop root, so refuse here
        if os.path.basename(path) == "locked":
            raise PermissionError(13, "Permission denied")
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)
    warnings: list[tuple[str, str]] = []
    assert found(tmp_path, warn=lambda p, m: warnings.append((os.path.basename(p), m))) == ["a.txt"]
    assert warnings == [("locked", "cannot read directory: Permission denied")]


def test_a_file_named_twice_is_checked_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    make(tmp_path, {"docs/a.txt": "", "docs/b.txt": ""})
    monkeypatch.chdir(tmp_path)
    got = list(walk.iter_files(["docs/a.txt", "docs", "./docs/b.txt", str(tmp_path / "docs" / "a.txt")]))
    assert got == ["docs/a.txt", "docs/b.txt"]


@pytest.mark.parametrize("line", ["a[]].md", "[]", "[!]", "[z-a]", "[[:nope:]]", "x\\", "[", "**"])
def test_no_pattern_raises(line: str, tmp_path: Path) -> None:
    make(tmp_path, {".gitignore": line + "\n", "a.txt": "", "a].md": ""})
    found(tmp_path)  # D6: a re.error once ended the run with a traceback and exit 1


def test_byte_order_mark_before_the_first_pattern(tmp_path: Path) -> None:
    make(tmp_path, {"a.txt": "", "b.txt": ""})
    (tmp_path / ".gitignore").write_bytes(b"\xef\xbb\xbfa.txt\n")
    assert found(tmp_path) == ["b.txt"]


def test_info_exclude_when_the_walk_starts_at_the_repository_root(tmp_path: Path) -> None:
    make(tmp_path, {".git/info/exclude": "secret.txt\n", "secret.txt": "", "a.txt": "", "docs/secret.txt": ""})
    assert found(tmp_path) == ["a.txt"]


@contextlib.contextmanager
def deadline(seconds: int) -> Iterator[None]:
    """Fail instead of hanging when a match takes forever (a backtracking regex did: D7)."""

    def stop(_signum: int, _frame: object) -> None:
        raise TimeoutError(f"took more than {seconds} s")

    old = signal.signal(signal.SIGALRM, stop)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)


@pytest.mark.parametrize(
    ("pattern", "path"),
    [
        pytest.param("*a*a*a*a*a*a*b", "a" * 300 + ".md", id="stars-in-one-segment"),
        pytest.param("/".join(["**"] * 12) + "/x", "/".join(["d"] * 200) + "/y", id="double-stars"),
        pytest.param("*a*a*a*b/**/*a*a*b", "/".join(["a" * 60] * 40), id="both"),
    ],
)
def test_globs_take_linear_time(pattern: str, path: str) -> None:
    parent, _, name = path.rpartition("/")
    with deadline(10):  # the old regexes needed minutes to hours here
        for _ in range(20):
            assert not walk.ignored([(walk.parse(pattern), parent)], name, False)


def test_a_file_name_that_is_not_utf_8_is_found(tmp_path: Path) -> None:
    name = os.fsdecode(b"bad\xff.md")
    (tmp_path / name).write_text("# T\n")
    (tmp_path / ".gitignore").write_bytes(b"other\xfe.md\n")
    assert found(tmp_path) == [name]


def git(root: Path, *args: str) -> None:
    subprocess.run(["git", "-C", str(root), *args], check=True, capture_output=True)


@pytest.mark.skipif(shutil.which("git") is None, reason="needs git")
def test_inside_a_work_tree_git_lists_the_files(tmp_path: Path) -> None:
    make(
        tmp_path,
        {
            ".gitignore": "*.draft.md\nbuild/\n",
            "a.md": "",
            "tracked.draft.md": "",  # ignored, but tracked: git lists it
            "new.md": "",  # untracked, not ignored
            "new.draft.md": "",  # untracked and ignored
            "build/out.md": "",
            "docs/gone.md": "",  # tracked, then deleted from the work tree
            "docs/sub/b.md": "",
            "image.png": "",
        },
    )
    git(tmp_path, "init", "-q")
    git(tmp_path, "add", "-f", "a.md", "tracked.draft.md", "docs/gone.md", "docs/sub/b.md", ".gitignore")
    (tmp_path / "docs" / "gone.md").unlink()
    make(tmp_path, {".git/info/exclude": "secret.md\n", "secret.md": ""})
    assert walk.git_files(str(tmp_path)) is not None
    assert found(tmp_path) == ["a.md", "docs/sub/b.md", "new.md", "tracked.draft.md"]
    assert found(tmp_path / "docs") == ["sub/b.md"]
    # a named directory that git ignores is walked, as outside a work tree
    assert found(tmp_path / "build") == ["out.md"]


def test_outside_a_work_tree_there_is_no_git_listing(tmp_path: Path) -> None:
    make(tmp_path, {"a.md": ""})
    assert walk.git_files(str(tmp_path)) is None


@pytest.mark.parametrize(
    ("exclude", "expected"),
    [
        pytest.param("[[:digit:]]*", ["a].md", "docs/intro.md"], id="posix-class"),
        pytest.param("a[]].md", ["docs/1-a.md", "docs/intro.md"], id="bracket"),
        pytest.param("*a*a*a*a*b", ["a].md", "docs/1-a.md", "docs/intro.md"], id="many-stars"),
    ],
)
def test_exclude_takes_the_same_globs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, exclude: str, expected: list[str]
) -> None:
    make(tmp_path, {"docs/1-a.md": "", "docs/intro.md": "", "a].md": ""})
    monkeypatch.chdir(tmp_path)
    assert [p.replace(os.sep, "/") for p in walk.iter_files(["."], [exclude])] == expected


def test_paths_are_normalised(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    make(tmp_path, {"docs/a.md": "", "README.md": ""})
    monkeypatch.chdir(tmp_path / "docs")
    assert list(walk.iter_files(["./a.md", "../docs/../README.md", "."])) == ["a.md", "../README.md"]
