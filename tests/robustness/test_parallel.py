"""Workers and signals (D30, D31, D32): a dead worker costs no result, SIGTERM/SIGHUP end the workers and
exit 128 + the signal, Ctrl-C at any moment of start-up is one line and exit 130."""

from __future__ import annotations

import functools
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from outlint import run
from outlint.linter import Settings
from tests.robustness.conftest import GAP_MD

PARENT = os.getpid()


def _tree(root: Path, files: int, size: int = 1) -> Path:
    body = "".join(f"## {k}. Part {k}\n\nThe report covers part {k} of the scope.\n\n" for k in range(1, 40 * size))
    for i in range(files):
        (root / f"doc-{i:04d}.md").write_text(GAP_MD + body)
    return root


def _killing(victim: str, path: str) -> Settings:
    """Settings for a file; a worker process that is handed ``victim`` dies as if killed (-9)."""
    if path.endswith(victim) and os.getpid() != PARENT:
        os.kill(os.getpid(), signal.SIGKILL)
    return Settings()


def test_a_dead_worker_costs_no_result_D30(tmp_path: Path) -> None:
    files = [str(p) for p in sorted(_tree(tmp_path, 40).iterdir())]
    expected = run.check_files(files, run.same_settings(Settings()), jobs=1)
    got = run.check_files(files, functools.partial(_killing, "doc-0005.md"), jobs=2)
    assert [r.path for r in got] == files
    assert [r.findings for r in got] == [r.findings for r in expected]
    assert not [f for r in got for f in r.findings if f.code == "OL002"]


def _children(pid: int) -> list[int]:
    out = subprocess.run(["pgrep", "-P", str(pid)], capture_output=True, text=True, check=False).stdout
    return [int(x) for x in out.split()]


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (FileNotFoundError, IndexError):
        return False
    return state not in ("Z", "X")  # a zombie has ended; only its parent's reaping is left


@pytest.mark.skipif(sys.platform != "linux", reason="/proc and pgrep")
@pytest.mark.parametrize(("signum", "name"), [(signal.SIGTERM, "SIGTERM"), (signal.SIGHUP, "SIGHUP")])
def test_a_stop_signal_ends_the_workers_and_exits_128_plus_it_D31(tmp_path: Path, signum: int, name: str) -> None:
    _tree(tmp_path, 1200, size=3)  # a run long enough that the signal comes while the workers work
    proc = subprocess.Popen(
        [sys.executable, "-c", "from outlint.entry import main; main()", "check", "-j", "2", "."],
        cwd=tmp_path,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env={**os.environ, "CI": "1"},
    )
    deadline = time.monotonic() + 60
    workers: list[int] = []
    while time.monotonic() < deadline and len(workers) < 2 and proc.poll() is None:
        workers = _children(proc.pid)
        time.sleep(0.02)
    if proc.poll() is not None:
        pytest.skip("the run ended before its workers could be signalled")
    proc.send_signal(signum)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 128 + signum, err
    assert err.decode().strip().splitlines()[-1] == f"outlint: stopped by {name}", err.decode()
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and any(map(_alive, workers)):
        time.sleep(0.05)
    assert not [w for w in workers if _alive(w)], "workers outlived the run"


# Ctrl-C while a module is being imported: a meta-path hook sends SIGINT to the process itself the
# moment the module is looked up, which is what a user's Ctrl-C during start-up does, deterministically.
_INTERRUPT_AT = """
import os, signal, sys
class Interrupt:
    def find_spec(self, name, path=None, target=None):
        if name == {module!r}:
            sys.meta_path.remove(self)
            os.kill(os.getpid(), signal.SIGINT)
        return None
sys.meta_path.insert(0, Interrupt())
from outlint.entry import main
main()
"""


@pytest.mark.parametrize(
    "module",
    [
        pytest.param("click", id="D32-importing-click"),
        pytest.param("outlint.rules", id="D32-importing-the-rules"),
        pytest.param("concurrent.futures.process", id="starting-the-pool"),
    ],
)
def test_ctrl_c_at_start_up_is_one_line_and_exit_130_D32(tmp_path: Path, module: str) -> None:
    _tree(tmp_path, 8)
    done = subprocess.run(
        [sys.executable, "-c", _INTERRUPT_AT.format(module=module), "check", "-j", "2", "."],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "CI": "1"},
        check=False,
    )
    assert "Traceback" not in done.stderr, done.stderr
    assert done.stderr.strip().splitlines()[-1] == "outlint: interrupted"
    assert done.returncode == 130
