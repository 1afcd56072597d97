"""The check command and the files around it: report files written safely, odd file names, stdin."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

GAP_MD = "# T\n\n## 1. A\n\nx.\n\n## 3. B\n\nx.\n"  # one OL201 in Markdown; plain text reads no heading
GAP_HTML = (
    "<!doctype html><html><body><main><h1>T</h1><h2>1. A</h2><p>x.</p><h2>3. B</h2><p>x.</p></main></body></html>"
)


def outlint(
    *args: str, cwd: Path, stdin: bytes | None = None, umask: int | None = None, timeout: float | None = None
) -> subprocess.CompletedProcess[bytes]:
    environ = {k: v for k, v in os.environ.items() if k not in ("GITHUB_ACTIONS", "CI", "NO_COLOR")}
    command = [sys.executable, "-m", "outlint", *args]
    if umask is not None:
        command = ["sh", "-c", f'umask {umask:03o} && exec "$@"', "sh", *command]
    return subprocess.run(
        command, cwd=cwd, env=environ, input=stdin or b"", capture_output=True, check=False, timeout=timeout
    )


@pytest.fixture
def doc(tmp_path: Path) -> Path:
    (tmp_path / "a.md").write_text(GAP_MD)
    return tmp_path / "a.md"


# --- report files (D28) -------------------------------------------------------------------


@pytest.mark.parametrize(("umask", "mode"), [(0o022, 0o644), (0o002, 0o664), (0o077, 0o600)])
def test_a_new_report_follows_the_umask(doc: Path, umask: int, mode: int) -> None:
    assert outlint("check", "-o", "r.txt", "a.md", cwd=doc.parent, umask=umask).returncode == 1
    assert stat.S_IMODE((doc.parent / "r.txt").stat().st_mode) == mode


def test_a_report_replacing_a_file_keeps_its_mode(doc: Path) -> None:
    report = doc.parent / "r.txt"
    report.write_text("old\n")
    report.chmod(0o664)
    outlint("check", "-o", "r.txt", "a.md", cwd=doc.parent, umask=0o077)
    assert stat.S_IMODE(report.stat().st_mode) == 0o664
    assert "OL201" in report.read_text()


def test_a_report_goes_through_a_symbolic_link(doc: Path) -> None:
    (doc.parent / "reports").mkdir()
    real = doc.parent / "reports" / "real.sarif"
    real.write_text("{}")
    (doc.parent / "link.sarif").symlink_to("reports/real.sarif")
    outlint("check", "--format", "sarif:link.sarif", "a.md", cwd=doc.parent)
    assert (doc.parent / "link.sarif").is_symlink()
    assert json.loads(real.read_text())["runs"][0]["results"][0]["ruleId"] == "OL201"
    assert sorted(p.name for p in (doc.parent / "reports").iterdir()) == ["real.sarif"]


def test_a_report_to_dev_stdout_is_written_into_it(doc: Path) -> None:
    res = outlint("check", "--format", "text", "--format", "json:/dev/stdout", "a.md", cwd=doc.parent)
    assert res.stdout.count(b"OL201") == 2  # the text report and the JSON one, on the same pipe
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)


def test_a_report_to_a_device_leaves_the_device(doc: Path) -> None:
    device = doc.parent / "null"
    try:
        os.mknod(device, stat.S_IFCHR | 0o666, os.makedev(1, 3))  # a /dev/null of our own
    except (PermissionError, AttributeError, OSError):
        pytest.skip("cannot make a device node here")
    assert outlint("check", "-o", str(device), "a.md", cwd=doc.parent).returncode == 1
    assert stat.S_ISCHR(device.stat().st_mode)


def test_a_report_into_a_directory_is_a_usage_error(doc: Path) -> None:
    res = outlint("check", "--format", "sarif:.", "a.md", cwd=doc.parent)
    assert res.returncode == 2 and b"cannot write" in res.stderr


# --- a report never overwrites an input (D29) -----------------------------------------------


@pytest.mark.parametrize(
    "args",
    [
        pytest.param(["-o", "a.md", "a.md"], id="output-is-the-document"),
        pytest.param(["--format", "sarif:a.md", "a.md"], id="format-file-is-the-document"),
        pytest.param(["--write-baseline", "a.md", "a.md"], id="baseline-is-the-document"),
        pytest.param(["-o", "./a.md", "."], id="found-by-the-walk"),
        pytest.param(["--format", "json:r.json", "--format", "sarif:r.json", "a.md"], id="two-reports-one-file"),
    ],
)
def test_a_report_never_overwrites_an_input(doc: Path, args: list[str]) -> None:
    res = outlint("check", *args, cwd=doc.parent)
    assert res.returncode == 2
    assert res.stderr.count(b"\n") == 1 and b"outlint: error:" in res.stderr
    assert doc.read_text() == GAP_MD


def test_a_report_never_overwrites_the_baseline(doc: Path) -> None:
    assert outlint("check", "--write-baseline", "b.json", "a.md", cwd=doc.parent).returncode == 0
    before = (doc.parent / "b.json").read_text()
    res = outlint("check", "--baseline", "b.json", "-o", "b.json", "a.md", cwd=doc.parent)
    assert res.returncode == 2 and b"the baseline" in res.stderr
    assert (doc.parent / "b.json").read_text() == before


# --- file names (D5, D34) -------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["text", "json", "sarif", "github", "junit", "gitlab", "markdown"])
def test_a_file_name_that_is_not_utf_8(tmp_path: Path, fmt: str) -> None:
    (tmp_path / os.fsdecode(b"bad\xff.md")).write_text(GAP_MD)
    res = outlint("check", "--format", fmt, ".", cwd=tmp_path)
    assert res.returncode == 1, res.stderr
    assert b"Traceback" not in res.stderr
    assert b"bad\\xff.md" in res.stdout.replace(b"\\\\", b"\\") or b"bad%FF.md" in res.stdout  # JSON doubles "\\"


def test_a_newline_in_a_file_name_keeps_one_line_per_finding(tmp_path: Path) -> None:
    (tmp_path / "new\nline.md").write_text(GAP_MD)
    res = outlint("check", ".", cwd=tmp_path)
    assert res.stdout.decode().splitlines() == [
        'new\\nline.md:7:1: OL201 [error] numbering gap: "3." follows "1." under "T" (expected "2.") (numbering-gap)'
    ]


# --- stdin (D36, D15) -----------------------------------------------------------------------


@pytest.mark.parametrize(("data", "fmt"), [(GAP_MD, "markdown"), (GAP_HTML, "html")])
def test_stdin_is_sniffed(tmp_path: Path, data: str, fmt: str) -> None:
    res = outlint("check", "-", cwd=tmp_path, stdin=data.encode())
    assert res.returncode == 1
    assert res.stdout.startswith(b"-:") and b"OL201" in res.stdout


def test_stdin_filename_names_the_document_and_picks_its_configuration(tmp_path: Path) -> None:
    (tmp_path / ".outlint.toml").write_text('[per-file-ignores]\n"drafts/*" = ["OL201"]\n')
    res = outlint("check", "--stdin-filename", "docs/guide.md", "-", cwd=tmp_path, stdin=GAP_MD.encode())
    assert res.stdout.startswith(b"docs/guide.md:7:1: OL201 [error] ")
    assert b"Checked 1 file: 1 error" in res.stderr
    quiet = outlint("check", "--stdin-filename", "drafts/guide.md", "-", cwd=tmp_path, stdin=GAP_MD.encode())
    assert (quiet.returncode, quiet.stdout) == (0, b"")  # the configuration's per-file ignore applies


def test_stdin_filename_gives_the_format(tmp_path: Path) -> None:
    looks_like_text = b"Report\n\n1. Scope\n\nText.\n\n3. Terms\n\nMore text.\n"
    as_text = outlint("check", "--stdin-filename", "notes.txt", "-", cwd=tmp_path, stdin=looks_like_text)
    assert b"notes.txt:7:1: OL201" in as_text.stdout
    as_md = outlint("check", "--stdin-filename", "notes.md", "-", cwd=tmp_path, stdin=looks_like_text)
    assert b"OL201" not in as_md.stdout  # in Markdown those lines are a list, not headings


@pytest.mark.parametrize("command", ["check", "outline"])
def test_sniffing_a_run_of_comments_is_quick(tmp_path: Path, command: str) -> None:
    data = b"<!---->" * 40 + b"x"  # the old sniffing regex needed minutes here (x4.6 per 2 comments)
    res = outlint(command, "-", cwd=tmp_path, stdin=data, timeout=60)  # TimeoutExpired fails the test
    assert b"Traceback" not in res.stderr
