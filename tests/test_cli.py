"""The command line: check, outline, rules; exit codes; formats; bad input never stops a run."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from outlint.cli import main
from tests.conftest import ROOT

WHITE_PAPER = "samples/cyberspace-white-paper-2022.en.txt"
CLEAN = "Report\n\n1. Scope\n\nText.\n\n2. Terms\n\nMore text.\n"
GAP = "Report\n\n1. Scope\n\nText.\n\n3. Terms\n\nMore text.\n"


def run(*args: str, input: bytes | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args), input=input)
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture(autouse=True)
def _root(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)


def test_exit_codes(tmp_path: Path) -> None:
    (tmp_path / "clean.txt").write_text(CLEAN)
    (tmp_path / "gap.txt").write_text(GAP)
    assert run("check", str(tmp_path / "clean.txt"))[:2] == (0, "")
    code, out, _ = run("check", str(tmp_path / "gap.txt"))
    assert code == 1
    assert (
        out == f'{tmp_path / "gap.txt"}:7:1: OL201 [error] numbering gap: "3." follows "1." at the top level '
        '(expected "2.") (numbering-gap)\n'
    )
    assert run("check", "--select", "OL999", str(tmp_path / "gap.txt"))[0] == 2
    assert run("check", "--format", "xml", str(tmp_path / "gap.txt"))[0] == 2


def test_select_and_ignore() -> None:
    _, out, _ = run("check", "--select", "OL101", WHITE_PAPER)
    assert {line.split()[1] for line in out.splitlines()} == {"OL101"}
    _, out, _ = run("check", "--select", "OL3,OL4", "--ignore", "blank-run", WHITE_PAPER)
    assert {line.split()[1] for line in out.splitlines()} == {"OL301", "OL305", "OL401"}


def test_json_format() -> None:
    code, out, _ = run("check", "--format", "json", WHITE_PAPER)
    assert code == 1
    data = json.loads(out)
    assert data["version"]
    first = data["findings"][0]
    assert first == {
        "path": WHITE_PAPER,
        "line": 36,
        "column": 3,
        "end_line": 36,
        "end_column": 71,
        "code": "OL101",
        "name": "toc-entry-without-heading",
        "severity": "error",
        "message": 'contents entry "(6) The operation of the Internet platform is constantly..." has no heading '
        "in the document",
        "related": [],
    }
    keys = [(f["path"], f["line"], f["column"], f["code"]) for f in data["findings"]]
    assert keys == sorted(keys)
    assert len(data["findings"]) == len((ROOT / (WHITE_PAPER + ".expected")).read_text().splitlines())


def test_output_file_is_written_whole(tmp_path: Path) -> None:
    out = tmp_path / "report.txt"
    code, stdout, _ = run("check", "--output", str(out), WHITE_PAPER)
    assert (code, stdout) == (1, "")
    assert out.read_text() == (ROOT / (WHITE_PAPER + ".expected")).read_text()
    assert [p.name for p in tmp_path.iterdir()] == ["report.txt"]


def test_stdin() -> None:
    code, out, _ = run("check", "--as", "text", "-", input=GAP.encode())
    assert code == 1
    assert out.startswith("-:7:1: OL201 ")


def test_bad_inputs_do_not_stop_the_run(tmp_path: Path) -> None:
    (tmp_path / "a-binary.txt").write_bytes(b"\x00\x01\x02\x03PK\x03\x04" * 50)
    (tmp_path / "b-empty.txt").write_bytes(b"")
    (tmp_path / "c-invalid.txt").write_bytes(b"\xff\xfe\xfa" + b"\x00\x81\x00" * 20)
    (tmp_path / "d-gap.txt").write_text(GAP)
    unreadable = tmp_path / "e-locked.txt"
    unreadable.write_text(CLEAN)
    unreadable.chmod(0)
    code, out, err = run("check", str(tmp_path), str(tmp_path / "missing.txt"))
    unreadable.chmod(0o644)
    lines = out.splitlines()
    assert code == 1
    assert err.startswith("Checked 6 files: ")  # the summary line, nothing else
    assert err.count("\n") == 1
    by_file = {Path(line.split(":", 1)[0]).name: line for line in lines}
    assert "OL001 [error] cannot read file: binary file" in by_file["a-binary.txt"]
    assert "OL001 [error] cannot read file: file is empty" in by_file["b-empty.txt"]
    assert "OL001 [error] cannot read file:" in by_file["c-invalid.txt"]
    assert "OL201" in by_file["d-gap.txt"]
    assert "OL001 [error] cannot read file: no such file or directory" in by_file["missing.txt"]
    if os.geteuid() != 0:  # root reads anything
        assert "OL001 [error] cannot read file: Permission denied" in by_file["e-locked.txt"]
    assert all("Traceback" not in line for line in lines)


def test_outline_text() -> None:
    code, out, _ = run("outline", WHITE_PAPER)
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == f"{WHITE_PAPER}: text, English (en), 29 contents entries, 12 headings"
    row = next(line for line in lines if line.lstrip().startswith("36 "))
    assert row.rstrip().endswith("(no heading)")
    row = next(line for line in lines if line.lstrip().startswith("70 "))
    assert "509" in row


def test_outline_json() -> None:
    _, out, _ = run("outline", "--format", "json", WHITE_PAPER)
    data = json.loads(out)
    assert (data["format"], data["language"]) == ("text", "en")
    assert len(data["contents"]["entries"]) == 29
    assert [h["span"]["line"] for h in data["headings"]] == [95, 229, 515]
    chapter2 = data["headings"][1]
    assert [c["number"]["label"] for c in chapter2["children"]] == ["(1)", "(2)", "(3)", "(4)", "(5)", "(10)"]
    assert chapter2["children"][-1]["contents_line"] == 70


def test_outline_bad_file(tmp_path: Path) -> None:
    (tmp_path / "x.txt").write_bytes(b"")
    code, _, err = run("outline", str(tmp_path / "x.txt"))
    assert code == 2
    assert err.strip() == f"outlint: error: {tmp_path / 'x.txt'}: file is empty"


def test_rules() -> None:
    code, out, _ = run("rules")
    assert code == 0
    assert out.splitlines()[0].split()[:2] == ["OL001", "unreadable"]
    code, out, _ = run("rules", "OL301")
    assert code == 0
    assert out.startswith("# OL301 empty-section")
    for heading in ("## What it does", "## Why is this bad?", "## Example", "## Options"):
        assert heading in out
    assert run("rules", "numbering-gap")[1].startswith("# OL201 numbering-gap")
    assert run("rules", "OL999")[0] == 2


def test_installed_command_runs_the_sample() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "outlint", "check", WHITE_PAPER], capture_output=True, text=True, cwd=ROOT, check=False
    )
    assert proc.returncode == 1
    assert proc.stdout == (ROOT / (WHITE_PAPER + ".expected")).read_text()
