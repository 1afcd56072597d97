"""The habits users bring from ruff and markdownlint-cli2: statistics, quiet, colour, selection, settings."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

GAP = "Report\n\n1. Scope\n\nText.\n\n3. Terms\n\nMore text.\n"  # OL201 on line 7
BLANKS = "Report\n\n1. Scope\n\nText.\n" + "\n" * 8 + "More text.\n\n2. Terms\n\nMore text.\n"  # OL303


def outlint(*args: str, cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    environ = {k: v for k, v in os.environ.items() if k not in ("GITHUB_ACTIONS", "CI", "NO_COLOR", "TERM")}
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
    (tmp_path / "gap.txt").write_text(GAP)
    (tmp_path / "gap2.txt").write_text(GAP.replace("Report", "Other report"))
    (tmp_path / "blanks.txt").write_text(BLANKS)
    return tmp_path


def test_statistics(tree: Path) -> None:
    res = outlint("check", "--statistics", ".", cwd=tree)
    assert res.returncode == 1
    assert res.stdout == "2  OL201  numbering-gap\n1  OL303  blank-run\n"
    assert res.stderr.startswith("Checked 3 files: 2 errors, 1 warning")


def test_quiet_prints_findings_only(tree: Path) -> None:
    res = outlint("check", "-q", ".", "missing-dir-or-file.png", cwd=tree)
    assert res.returncode == 1 and res.stderr == ""
    assert len(res.stdout.splitlines()) == 4
    assert outlint("check", "--quiet", "nothing-here", cwd=tree).stderr == ""


@pytest.mark.parametrize(
    ("args", "env", "coloured"),
    [
        pytest.param(["--color", "always"], {}, True, id="always"),
        pytest.param(["--color", "never"], {}, False, id="never"),
        pytest.param([], {}, False, id="auto-off-a-terminal"),
        pytest.param(["--color", "always", "--format", "json"], {}, False, id="only-text-is-coloured"),
    ],
)
def test_color(tree: Path, args: list[str], env: dict[str, str], coloured: bool) -> None:
    res = outlint("check", *args, "gap.txt", cwd=tree, env=env)
    assert ("\033[" in res.stdout) is coloured


@pytest.mark.parametrize(
    ("env", "tty", "expected"),
    [
        ({}, True, True),
        ({"NO_COLOR": "1"}, True, False),
        ({"TERM": "dumb"}, True, False),
        ({}, False, False),
    ],
)
def test_color_auto(env: dict[str, str], tty: bool, expected: bool) -> None:
    from outlint.output import use_color

    assert use_color("auto", tty, env) is expected
    assert use_color("always", tty, env) is True
    assert use_color("never", tty, env) is False


def test_extend_select_adds_to_the_configured_selection(tree: Path) -> None:
    (tree / ".outlint.toml").write_text('select = ["OL303"]\n')
    assert {line.split()[1] for line in outlint("check", ".", cwd=tree).stdout.splitlines()} == {"OL303"}
    extended = outlint("check", "--extend-select", "OL201", ".", cwd=tree).stdout
    assert {line.split()[1] for line in extended.splitlines()} == {"OL201", "OL303"}
    replaced = outlint("check", "--select", "OL201", ".", cwd=tree).stdout
    assert {line.split()[1] for line in replaced.splitlines()} == {"OL201"}


def test_isolated_ignores_configuration_files(tree: Path) -> None:
    (tree / ".outlint.toml").write_text('ignore = ["OL2"]\n')
    assert "OL201" not in outlint("check", ".", cwd=tree).stdout
    assert "OL201" in outlint("check", "--isolated", ".", cwd=tree).stdout
    assert "OL201" in outlint("check", "--no-config", ".", cwd=tree).stdout
    both = outlint("check", "--isolated", "--config", ".outlint.toml", ".", cwd=tree)
    assert both.returncode == 2 and "not both" in both.stderr


def test_show_settings_says_where_each_value_came_from(tree: Path) -> None:
    (tree / "base.toml").write_text('language = "en"\n[rules.blank-run]\nmin-blank-lines = 9\n')
    (tree / ".outlint.toml").write_text(
        'extends = "base.toml"\nignore = ["OL305"]\n[per-file-ignores]\n"gap*.txt" = ["OL201"]\n'
    )
    res = outlint("check", "--show-settings", "gap.txt", "--ignore", "OL4", cwd=tree)
    assert res.returncode == 0, res.stderr
    lines = res.stdout.splitlines()
    assert lines[:2] == ["Settings for gap.txt", "configuration file: .outlint.toml"]
    by_key = {line.split()[0]: line for line in lines[2:] if line.startswith("  ") and not line.startswith("  OL")}
    assert by_key["language"].split() == ["language", "en", "[base.toml]"]
    assert by_key["ignore"].split() == ["ignore", "OL305,", "OL4", "[.outlint.toml", "+", "command", "line]"]
    assert by_key["per-file-ignores"].split()[1:4] == ["gap*.txt", "->", "OL201"]
    assert by_key["select"].endswith("[default]")
    rules = next(line for line in lines if line.startswith("rules ("))
    assert "OL201" not in rules and "OL305" not in rules and "OL401" not in rules and "OL303" in rules
    assert "  OL303 min-blank-lines = 9    [base.toml]" in lines
    isolated = outlint("check", "--isolated", "--show-settings", "gap.txt", cwd=tree).stdout
    assert "configuration file: none (--isolated)" in isolated and "OL201" in isolated


def test_a_warning_when_no_file_is_checked(tree: Path) -> None:
    (tree / "image.png").write_bytes(b"\x89PNG")
    (tree / "empty").mkdir()
    res = outlint("check", "empty", cwd=tree)
    assert res.returncode == 0
    assert "outlint: warning: empty: no file to check" in res.stderr
    assert "Checked 0 files" in res.stderr


def test_a_warning_when_a_configured_profile_is_never_used(tree: Path) -> None:
    (tree / ".outlint.toml").write_text('profile = "white-paper"\nselect = ["OL2"]\n')
    res = outlint("check", ".", cwd=tree)
    assert "a profile is configured but OL501 is not selected" in res.stderr
    assert res.stderr.count("profile") == 1  # once per run, not once per file
    (tree / ".outlint.toml").write_text('profile = "white-paper"\n')
    assert "profile" not in outlint("check", ".", cwd=tree).stderr


def test_outline_aligns_wide_characters_by_display_width(tmp_path: Path) -> None:
    from outlint.export import display_width

    (tmp_path / "zh.txt").write_text(
        "目录\n\n一、总则 ........ 1\n二、网络空间发展 ........ 2\n\n"
        "一、总则\n\n内容。\n\n二、网络空间发展\n\n内容。\n",
        encoding="utf-8",
    )
    out = outlint("outline", "zh.txt", cwd=tmp_path).stdout
    rows = [line for line in out.splitlines() if line[:5].strip().isdigit()]
    assert rows, out
    marks = {display_width(line[: line.index(mark)]) for line in rows for mark in (" = ", " ~ ") if mark in line}
    assert marks == {58}  # the match column is at the same place on screen in every row
