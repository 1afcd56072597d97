"""The check command in CI: formats to files, exit policy, summary, many files in parallel, errors per file."""

from __future__ import annotations

import io
import json
import multiprocessing
import os
import re
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import etree

from outlint import cli, run
from outlint.linter import Settings
from outlint.model import Finding

CLEAN = "Guide\n\n1. Scope\n\nThe guide covers the scope of the work.\n\n2. Terms\n\nThe terms are defined here.\n"
GAP = CLEAN.replace("2. Terms", "4. Terms")  # one error: numbering gap
BLANKS = CLEAN.replace("the work.\n", "the work.\n" + "\n" * 7 + "More text follows here.\n")  # one warning


def outlint(*args: str, cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    environ = {k: v for k, v in os.environ.items() if k not in ("GITHUB_ACTIONS", "CI")}
    return subprocess.run(
        [sys.executable, "-m", "outlint", *args],
        cwd=cwd,
        env={**environ, **(env or {})},
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "clean.txt").write_text(CLEAN)
    (tmp_path / "docs" / "gap.txt").write_text(GAP)
    (tmp_path / "docs" / "blanks.txt").write_text(BLANKS)
    return tmp_path


@pytest.mark.parametrize(
    ("args", "code"),
    [
        pytest.param([], 1, id="default-fails-on-errors"),
        pytest.param(["--fail-on", "never"], 0, id="never"),
        pytest.param(["--exit-zero"], 0, id="exit-zero"),
    ],
)
def test_exit_policy_with_an_error(tree: Path, args: list[str], code: int) -> None:
    assert outlint("check", *args, "docs", cwd=tree).returncode == code


@pytest.mark.parametrize(
    ("args", "code"),
    [
        pytest.param([], 0, id="warnings-pass-by-default"),
        pytest.param(["--fail-on", "warning"], 1, id="fail-on-warning"),
        pytest.param(["--fail-on", "info"], 1, id="fail-on-info"),
        pytest.param(["--fail-on", "error"], 0, id="fail-on-error"),
    ],
)
def test_exit_policy_with_a_warning(tree: Path, args: list[str], code: int) -> None:
    assert outlint("check", *args, "docs/blanks.txt", "docs/clean.txt", cwd=tree).returncode == code


def test_summary_line_on_stderr(tree: Path) -> None:
    res = outlint("check", "docs", cwd=tree)
    assert res.stdout.count("\n") == 2
    assert res.stderr.startswith("Checked 3 files: 1 error, 1 warning, 0 info in ")
    assert outlint("check", "--format", "json", "docs", cwd=tree).stderr == ""


def test_several_reports_in_one_run(tree: Path) -> None:
    (tree / "out").mkdir()
    res = outlint(
        "check",
        "--format",
        "text",
        "--format",
        "sarif:out/report.sarif",
        "--format",
        "junit:junit.xml",
        "--format",
        "gitlab:gl.json",
        "docs",
        cwd=tree,
    )
    assert res.returncode == 1
    assert "docs/gap.txt:7:1: OL201" in res.stdout
    sarif = json.loads((tree / "out" / "report.sarif").read_text())
    assert [r["ruleId"] for r in sarif["runs"][0]["results"]] == ["OL303", "OL201"]
    junit = etree.parse(str(tree / "junit.xml")).getroot()
    assert (junit.get("tests"), junit.get("failures")) == ("3", "1")  # the warning is below --fail-on
    assert len(json.loads((tree / "gl.json").read_text())) == 2
    assert not [p for p in tree.rglob(".outlint-*")]  # no temporary file left behind


def test_only_files_given_still_prints_the_default_to_the_terminal(tree: Path) -> None:
    res = outlint("check", "--format", "sarif:r.sarif", "docs", cwd=tree)
    assert "OL201" in res.stdout and (tree / "r.sarif").exists()


def test_output_writes_the_terminal_format_to_a_file(tree: Path) -> None:
    res = outlint("check", "--format", "json", "--output", "r.json", "docs", cwd=tree)
    assert res.stdout == ""
    assert len(json.loads((tree / "r.json").read_text())["findings"]) == 2


@pytest.mark.parametrize(
    ("args", "message"),
    [
        pytest.param(["--format", "xml"], "unknown format 'xml'", id="unknown-format"),
        pytest.param(["--format", "sarif:"], "no file after ':'", id="empty-file"),
        pytest.param(["--format", "text", "--format", "json"], "only one format can go to the terminal", id="two"),
        pytest.param(["--baseline", "missing.json"], "cannot read baseline", id="missing-baseline"),
    ],
)
def test_usage_errors_exit_2(tree: Path, args: list[str], message: str) -> None:
    res = outlint("check", *args, "docs", cwd=tree)
    assert res.returncode == 2 and message in res.stderr


def test_github_format_is_the_default_in_github_actions(tree: Path) -> None:
    res = outlint("check", "docs", cwd=tree, env={"GITHUB_ACTIONS": "true"})
    assert res.stdout.startswith("::warning file=docs/blanks.txt,line=")
    assert "::error file=docs/gap.txt,line=7,col=1," in res.stdout
    assert outlint("check", "--format", "text", "docs", cwd=tree, env={"GITHUB_ACTIONS": "true"}).stdout.startswith(
        "docs/blanks.txt:"
    )


def test_walk_problems_are_warnings(tree: Path) -> None:
    os.symlink(tree / "docs", tree / "docs" / "loop")
    res = outlint("check", "docs", cwd=tree)
    assert res.returncode == 1
    assert "outlint: warning: docs/loop: symbolic link loop, not followed" in res.stderr
    assert "Checked 3 files" in res.stderr


def test_missing_file_is_one_finding(tree: Path) -> None:
    res = outlint("check", "docs/nope.txt", "docs/clean.txt", cwd=tree)
    assert (
        res.returncode == 1
        and "docs/nope.txt:1:1: OL001 [error] cannot read file: no such file or directory" in res.stdout
    )


def test_no_progress_bar_when_not_a_terminal(tree: Path) -> None:
    assert "\r" not in outlint("check", "docs", cwd=tree).stderr


def corpus(root: Path, n: int) -> Path:
    docs = root / "corpus"
    for i in range(n):
        sub = docs / f"part{i % 3}"
        sub.mkdir(parents=True, exist_ok=True)
        (sub / f"doc{i:03d}.txt").write_text([CLEAN, GAP, BLANKS][i % 3].replace("Guide", f"Guide {i}"))
    return docs


@pytest.mark.parametrize("fmt", ["text", "json", "sarif", "junit"])
def test_parallel_output_is_identical(tmp_path: Path, fmt: str) -> None:
    corpus(tmp_path, 40)
    one = outlint("check", "-j", "1", "--format", fmt, "corpus", cwd=tmp_path)
    two = outlint("check", "-j", "2", "--format", fmt, "corpus", cwd=tmp_path)
    assert one.returncode == two.returncode == 1
    assert one.stdout == two.stdout and one.stdout


def test_check_files_keeps_the_order_of_its_input(tmp_path: Path) -> None:
    docs = corpus(tmp_path, 25)
    paths = sorted(str(p) for p in docs.rglob("*.txt"))[::-1]
    settings = run.same_settings(Settings())
    serial = run.check_files(paths, settings, jobs=1)
    parallel = run.check_files(paths, settings, jobs=3)
    assert [r.path for r in parallel] == paths
    assert serial == parallel


def test_progress_is_silent_off_a_terminal(tmp_path: Path) -> None:
    class Pipe(io.StringIO):
        def isatty(self) -> bool:
            return False

    out = Pipe()
    bar = run.Bar([str(tmp_path / "a.txt"), str(tmp_path / "b.txt")], out, delay=0)
    bar.done([str(tmp_path / "a.txt")])
    bar.close()
    assert not bar.active and out.getvalue() == ""


class Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_draws_on_a_terminal_after_the_delay(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CI", raising=False)
    paths = []
    for i in range(10):
        (tmp_path / f"{i}.txt").write_text("x" * 100)
        paths.append(str(tmp_path / f"{i}.txt"))
    out = Tty()
    bar = run.Bar(paths, out, delay=0)
    bar.done(paths[:5])
    bar.close()
    assert "] 5/10 files, 50 %" in out.getvalue() and out.getvalue().endswith("\r\033[K")
    monkeypatch.setenv("CI", "true")
    quiet = Tty()
    bar = run.Bar(paths, quiet, delay=0)
    bar.done(paths[:5])
    assert quiet.getvalue() == ""


def test_progress_moves_inside_one_large_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """One large file: the bar is drawn while it is read and checked, from the reader's stages and
    the rules, not only when it is done."""
    monkeypatch.delenv("CI", raising=False)
    big = tmp_path / "big.txt"
    section = "{n}. Section {n}\n\n" + "Some words of a paragraph that goes on for a while. " * 8 + "\n\n"
    big.write_text("Report\n\n" + "".join(section.format(n=n) for n in range(1, 4000)))
    assert big.stat().st_size >= run.Bar.LARGE
    out = Tty()
    # a clock a second further at each look: the bar draws at every report (else at most ten a second)
    monkeypatch.setattr(time, "monotonic", iter(range(1, 10**6)).__next__)
    bar = run.Bar([str(big)], out, delay=0)
    run.check_files([str(big)], run.same_settings(Settings()), bar=bar)
    shares = [int(m) for m in re.findall(r"\] (\d+) %", out.getvalue())]
    assert len(set(shares)) >= 10 and shares == sorted(shares) and shares[-1] == 100
    assert any(0 < s < 60 for s in shares)  # inside the reading
    assert "files" not in out.getvalue()  # one file: no file count


def test_progress_from_worker_processes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """With -j 2, the workers report how far their files have got through a queue to the bar."""
    monkeypatch.delenv("CI", raising=False)
    docs = corpus(tmp_path, 8)
    paths = sorted(str(p) for p in docs.rglob("*.txt"))
    out = Tty()
    bar = run.Bar(paths, out, delay=0)
    seen: list[tuple[str, float]] = []
    real = bar.within
    monkeypatch.setattr(bar, "within", lambda path, f: (seen.append((path, f)), real(path, f)))
    results = run.check_files(paths, run.same_settings(Settings()), jobs=2, bar=bar)
    assert [r.path for r in results] == paths
    assert {p for p, f in seen if f == 1.0} == set(paths)  # every file's end came through the queue
    assert len(bar.finished) == 8


def test_an_internal_error_in_one_file_does_not_stop_the_run(tree: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real = run.check_one

    def flaky(path: str, settings: Settings, fmt: str | None = None) -> list[Finding]:
        if path.endswith("blanks.txt"):
            raise RuntimeError("boom")
        return real(path, settings, fmt)

    monkeypatch.setattr(run, "check_one", flaky)
    monkeypatch.chdir(tree)
    res = CliRunner().invoke(cli.main, ["check", "-j", "1", "docs"])
    assert res.exit_code == 2
    assert (
        "docs/blanks.txt:1:1: OL002 [error] internal error in checking the file: RuntimeError: boom; "
        "this is a bug in outlint, please report it with the file (internal-error)"
    ) in res.output
    assert "docs/gap.txt:7:1: OL201" in res.output


def slow_check(path: str, settings: Settings, fmt: str | None = None) -> list[Finding]:
    time.sleep(0.02)
    return []


@pytest.mark.skipif(multiprocessing.get_start_method() != "fork", reason="workers must inherit the slow check")
def test_ctrl_c_cancels_the_chunks_not_started(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(run, "check_one", slow_check)  # workers are forked: they inherit it
    paths = [f"doc{i}.txt" for i in range(800)]  # 8 s of work on 2 processes
    threading.Timer(0.5, os.kill, (os.getpid(), signal.SIGINT)).start()
    start = time.monotonic()
    with pytest.raises(KeyboardInterrupt):
        run.check_files(paths, run.same_settings(Settings()), jobs=2)
    assert time.monotonic() - start < 4  # the running chunks finish, the rest is dropped


def test_settings_that_cannot_travel_are_used_in_this_process(tmp_path: Path) -> None:
    docs = corpus(tmp_path, 8)
    paths = sorted(str(p) for p in docs.rglob("*.txt"))
    odd = Settings(options={"OL201": {"compiled": lambda: None}})  # a lambda cannot be pickled
    parallel = run.check_files(paths, run.same_settings(odd), jobs=2)
    assert parallel == run.check_files(paths, run.same_settings(Settings()), jobs=1)


def test_parallel_run_with_a_profile(tmp_path: Path) -> None:
    corpus(tmp_path, 12)  # a profile is a compiled schema: it must not be pickled to the workers
    one = outlint("check", "-j", "1", "--profile", "white-paper", "corpus", cwd=tmp_path)
    two = outlint("check", "-j", "2", "--profile", "white-paper", "corpus", cwd=tmp_path)
    assert one.returncode == two.returncode == 1
    assert one.stdout == two.stdout and "OL501" in one.stdout
    assert "Traceback" not in two.stderr
