"""Hostile inputs (D11, D12, issue 14 parts 4 and 5): each is one line, and the other files are still checked."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from outlint import inputs
from tests.robustness.conftest import GAP_LINE, GAP_MD, Ran, outlint


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    (tmp_path / "ok.md").write_text(GAP_MD)
    return tmp_path


def only_bad(ran: Ran, bad: str, message: str) -> None:
    """The bad file is one OL001 line naming the problem; ok.md still has its finding."""
    lines = ran.out.splitlines()
    assert "Traceback" not in ran.err
    assert ran.code == 1, ran
    assert f"ok.md{GAP_LINE}" in lines
    found = [line for line in lines if "OL001" in line]
    assert len(found) == 1, ran.out
    assert found[0].startswith(f"{bad}:1:1: OL001 [error] cannot read file: {message}"), found[0]
    assert len(lines) == 2, ran.out


@pytest.mark.parametrize(
    ("make", "message"),
    [
        pytest.param(lambda p: os.mkfifo(p), "not a regular file (a named pipe)", id="fifo-D11"),
        pytest.param(
            lambda p: os.symlink("/dev/zero", p), "not a regular file (a character device)", id="dev-zero-D12"
        ),
        pytest.param(lambda p: os.truncate(_touch(p), 200_000_000), "file is larger than the limit", id="200MB"),
        pytest.param(
            lambda p: (os.symlink(p.name, p.with_name("b.md")), os.symlink("b.md", p)),
            "Too many levels",
            id="symlink-loop",
        ),
        pytest.param(
            lambda p: p.write_bytes(b"\x7fELF\x02\x01\x01" + bytes(range(256)) * 8),
            "binary file",
            id="binary-text-suffix",
        ),
    ],
)
def test_a_bad_file_named_is_one_finding_and_the_others_are_checked(tree: Path, make, message: str) -> None:  # type: ignore[no-untyped-def]
    make(tree / "a.md")
    only_bad(outlint("check", "a.md", "ok.md", cwd=tree, timeout=30), "a.md", message)


def _touch(path: Path) -> Path:
    path.touch()
    return path


def test_the_size_limit_names_itself_and_how_to_raise_it(tree: Path) -> None:
    os.truncate(_touch(tree / "big.txt"), 200_000_000)
    ran = outlint("check", "big.txt", "ok.md", cwd=tree)
    assert (
        "big.txt:1:1: OL001 [error] cannot read file: file is larger than the limit of 100 MB (200 MB); "
        "raise it with --max-file-size (unreadable)" in ran.out.splitlines()
    )
    (tree / "two.md").write_text(GAP_MD * 40)  # 1.3 KB
    assert "larger than the limit of 1 KB" in outlint("check", "--max-file-size", "1KB", "two.md", cwd=tree).out
    assert "OL201" in outlint("check", "--max-file-size", "1MB", "two.md", cwd=tree).out
    bad = outlint("check", "--max-file-size", "lots", "two.md", cwd=tree)
    assert bad.code == 2 and "'lots' is not a size" in bad.err


def test_endless_standard_input_stops_at_the_limit(tree: Path) -> None:
    with open("/dev/zero", "rb") as zero:
        ran = outlint("check", "--max-file-size", "2MB", "-", cwd=tree, stdin=zero.fileno(), timeout=30)
    assert ran.out == (
        "-:1:1: OL001 [error] cannot read file: standard input is larger than the limit of 2 MB; "
        "raise it with --max-file-size (unreadable)\n"
    )


def test_a_walk_skips_pipes_and_devices_and_says_so(tree: Path) -> None:
    os.mkfifo(tree / "pipe.md")
    os.symlink("/dev/zero", tree / "zero.txt")
    os.symlink("/dev/null", tree / "null.html")
    ran = outlint("check", ".", cwd=tree, timeout=30)
    assert ran.code == 1
    assert ran.out.splitlines() == [f"ok.md{GAP_LINE}"]
    warnings = [line for line in ran.err_lines if line.startswith("outlint: warning")]
    assert warnings == [
        "outlint: warning: null.html: a character device, skipped; outlint reads only regular files",
        "outlint: warning: pipe.md: a named pipe, skipped; outlint reads only regular files",
        "outlint: warning: zero.txt: a character device, skipped; outlint reads only regular files",
    ]


@pytest.mark.skipif(not hasattr(os, "setuid"), reason="needs POSIX users")
def test_an_unreadable_file_is_one_finding(tmp_path: Path) -> None:
    # root reads any file, so the check runs as an unprivileged user when the suite runs as root
    import subprocess
    import sys

    shared = tmp_path / "shared"
    shared.mkdir()
    (shared / "ok.md").write_text(GAP_MD)
    (shared / "secret.md").write_text(GAP_MD)
    os.chmod(shared / "secret.md", 0)
    for p in (tmp_path, shared, shared / "ok.md"):
        os.chmod(p, os.stat(p).st_mode | stat.S_IROTH | stat.S_IXOTH)
    as_nobody = os.getuid() == 0
    try:
        done = subprocess.run(
            [sys.executable, "-c", "from outlint.entry import main; main()", "check", "secret.md", "ok.md"],
            cwd=shared,
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
            user=65534 if as_nobody else None,
            group=65534 if as_nobody else None,
            env={**os.environ, "HOME": "/nonexistent"},
        )
    except PermissionError:
        pytest.skip("the interpreter is not usable by an unprivileged user here (see the /proc test)")
    if as_nobody and ("No module named" in done.stderr or "Permission denied" in done.stderr.split("\n")[0]):
        pytest.skip("the package is not readable by an unprivileged user here (see the /proc test)")
    only_bad(Ran(done.returncode, done.stdout, done.stderr), "secret.md", "Permission denied")


@pytest.mark.skipif(not Path("/proc/self/mem").exists(), reason="needs /proc")
def test_a_file_whose_read_fails_is_one_finding(tree: Path) -> None:
    # a process's memory file reports a regular file whose first read fails (EIO), even for root
    os.symlink("/proc/self/mem", tree / "mem.txt")
    only_bad(outlint("check", "mem.txt", "ok.md", cwd=tree), "mem.txt", "Input/output error")


def test_names_with_leading_dashes_are_files_after_double_dash_and_in_walks(tree: Path) -> None:
    (tree / "-rf.md").write_text(GAP_MD)
    ran = outlint("check", "--", "-rf.md", cwd=tree)
    assert ran.out.splitlines() == [f"-rf.md{GAP_LINE}"]
    assert f"-rf.md{GAP_LINE}" in outlint("check", ".", cwd=tree).out.splitlines()


def test_a_newline_in_a_name_keeps_each_finding_on_one_line(tree: Path) -> None:
    (tree / "new\nline.md").write_text(GAP_MD)
    ran = outlint("check", ".", cwd=tree)
    assert len(ran.out.splitlines()) == 2, ran.out


def test_a_name_that_is_not_utf8_is_checked(tree: Path) -> None:
    (tree / os.fsdecode(b"bad\xff.md")).write_text(GAP_MD)
    ran = outlint("check", ".", cwd=tree)
    assert ran.code == 1 and "Traceback" not in ran.err and "internal error" not in ran.out + ran.err
    assert len([line for line in ran.out.splitlines() if "OL201" in line]) == 2


# --- inputs.py itself -------------------------------------------------------------------------


def test_read_file_refuses_before_opening(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "p")
    with pytest.raises(inputs.InputError, match=r"^not a regular file \(a named pipe\)"):
        inputs.read_file(str(tmp_path / "p"))  # would block forever if it were opened for reading
    with pytest.raises(inputs.InputError, match=r"a directory"):
        inputs.read_file(str(tmp_path))
    with pytest.raises(FileNotFoundError):
        inputs.read_file(str(tmp_path / "missing"))


def test_read_file_cuts_files_that_report_no_size(tmp_path: Path) -> None:
    (tmp_path / "f").write_bytes(b"x" * 5000)
    assert inputs.read_file(str(tmp_path / "f"), 5000) == b"x" * 5000
    with pytest.raises(inputs.InputError, match=r"larger than the limit of 4.999 KB \(5 KB\)"):
        inputs.read_file(str(tmp_path / "f"), 4999)
    # /proc files say they are empty and are not: the limit holds on what is read
    if Path("/proc/self/maps").exists():
        with pytest.raises(inputs.InputError, match="larger than the limit of 10 bytes"):
            inputs.read_file("/proc/self/maps", 10)


@pytest.mark.parametrize(
    ("text", "size"), [("100MB", 100_000_000), ("2.5 GB", 2_500_000_000), ("50k", 50_000), ("123", 123)]
)
def test_parse_size(text: str, size: int) -> None:
    assert inputs.parse_size(text) == size
