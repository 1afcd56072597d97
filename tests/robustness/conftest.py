"""Helpers for the robustness tests: run the real command in a child process, with a time limit."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

GAP_MD = "# T\n\n## 1. A\n\nx.\n\n## 3. B\n\nx.\n"  # one finding: OL201 at line 7
GAP_LINE = ':7:1: OL201 [error] numbering gap: "3." follows "1." under "T" (expected "2.") (numbering-gap)'


@dataclass(frozen=True)
class Ran:
    code: int
    out: str
    err: str

    @property
    def err_lines(self) -> list[str]:
        return [line for line in self.err.splitlines() if line.strip()]


def outlint(*args: str, cwd: Path, stdin: bytes | int | None = None, timeout: float = 60) -> Ran:
    """``outlint ARGS`` as a user runs it (the console script's entry point), in ``cwd``; a hang fails
    the test after ``timeout`` seconds instead of blocking the suite."""
    command = [sys.executable, "-c", "from outlint.entry import main; main()", *args]
    done = subprocess.run(
        command,
        cwd=cwd,
        input=stdin if isinstance(stdin, bytes) else None,
        stdin=stdin if isinstance(stdin, int) else (None if isinstance(stdin, bytes) else subprocess.DEVNULL),
        capture_output=True,
        timeout=timeout,
        env={**os.environ, "CI": "1"},
        check=False,
    )
    return Ran(done.returncode, done.stdout.decode("utf-8", "replace"), done.stderr.decode("utf-8", "replace"))


def one_line_error(ran: Ran, *needles: str) -> None:
    """Exit 2 with exactly one line on stderr that says each of ``needles`` and is not a traceback."""
    assert ran.code == 2, ran
    assert len(ran.err_lines) == 1, ran.err
    assert "Traceback" not in ran.err
    for needle in needles:
        assert needle in ran.err_lines[0], ran.err
