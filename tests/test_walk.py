"""Walking directories: gitignore syntax, nested .gitignore files, --exclude, hidden entries, links."""

from __future__ import annotations

import os
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
