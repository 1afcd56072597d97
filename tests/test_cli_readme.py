"""The README's examples work as written: every command it shows is run, on the samples, and its
pre-commit and GitHub Action snippets are run too (the Action's check step, as the runner would)."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")
BLOCKS = re.findall(r"^```(\w+)\n(.*?)^```", README, re.MULTILINE | re.DOTALL)
BIN = str(Path(sys.executable).parent)  # where pip put the outlint command


def commands() -> list[str]:
    """Each outlint command of the README's shell blocks (and of its CI snippets), comments cut."""
    found = []
    for lang, body in BLOCKS:
        lines = body.splitlines()
        if lang == "yaml":
            lines = [re.sub(r"^\s*- ", "", line) for line in lines if re.match(r"^\s*- outlint ", line)]
        elif lang != "sh":
            continue
        for line in lines:
            command = re.sub(r"\s+#\s.*$", "", line).strip()
            command = command.split(" && ")[-1]
            if command.startswith("outlint "):
                found.append(command)
    return found


def snippet(first_line: str) -> str:
    return next(body for lang, body in BLOCKS if lang == "yaml" and body.startswith(first_line))


def environment(tmp: Path) -> dict[str, str]:
    environ = {k: v for k, v in os.environ.items() if k not in ("GITHUB_ACTIONS", "CI", "NO_COLOR")}
    return {**environ, "PATH": BIN + os.pathsep + environ.get("PATH", ""), "PRE_COMMIT_HOME": str(tmp / "cache")}


@pytest.fixture(scope="module")
def clone(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The files the examples read, in a folder of their own, so that what they write lands there."""
    work = tmp_path_factory.mktemp("readme")
    for name in ("samples", "docs"):
        shutil.copytree(ROOT / name, work / name)
    for name in ("README.md", "CHANGELOG.md"):
        shutil.copy(ROOT / name, work / name)
    return work


def test_the_readme_shows_commands() -> None:
    assert len(commands()) >= 25


@pytest.mark.parametrize("command", commands())
def test_each_command_runs_as_written(clone: Path, command: str) -> None:
    res = subprocess.run(
        ["bash", "-c", command], cwd=clone, env=environment(clone), capture_output=True, text=True, check=False
    )
    assert res.returncode in (0, 1), res.stderr
    assert "Traceback" not in res.stderr and "outlint: error" not in res.stderr
    if command.startswith("outlint check") and "--write-baseline" not in command and "--output" not in command:
        assert res.stdout or "-q" in command or "--show-settings" in command or res.returncode == 0
    if "--show-settings" in command or command.startswith(("outlint rules", "outlint outline")):
        assert res.returncode == 0 and res.stdout


def git(cwd: Path, *args: str) -> None:
    subprocess.run(["git", "-C", str(cwd), *args], check=True, capture_output=True)


def repo_with_documents(root: Path) -> Path:
    root.mkdir()
    git(root, "init", "-q")
    shutil.copy(ROOT / "samples" / "readme-stale-contents.md", root / "guide.md")
    (root / "notes.txt").write_text("Notes\n\n1. Scope\n\nText.\n\n2. Terms\n\nMore text.\n")
    return root


@pytest.mark.skipif(shutil.which("git") is None, reason="needs git")
def test_the_readme_pre_commit_hook_works(tmp_path: Path) -> None:
    repo = repo_with_documents(tmp_path / "repo")
    config = snippet("# .pre-commit-config.yaml")
    assert yaml.safe_load(config)["repos"][0]["repo"] == "local"
    (repo / ".pre-commit-config.yaml").write_text(config)
    git(repo, "add", ".")
    res = subprocess.run(
        [sys.executable, "-m", "pre_commit", "run", "--all-files"],
        cwd=repo,
        env=environment(tmp_path),
        capture_output=True,
        text=True,
        check=False,
    )
    assert res.returncode == 1, res.stdout + res.stderr  # the stale contents of guide.md
    assert "guide.md:13:3: OL107 [error]" in res.stdout


def test_the_readme_hook_reads_what_the_repository_hook_reads() -> None:
    (local,) = yaml.safe_load(snippet("# .pre-commit-config.yaml"))["repos"][0]["hooks"]
    (published,) = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert (local["entry"], local["files"]) == (published["entry"], published["files"])


@pytest.mark.skipif(shutil.which("git") is None, reason="needs git")
def test_the_repository_hook_with_try_repo(tmp_path: Path) -> None:
    """pre-commit installs outlint from this repository into the hook's own environment."""
    repo = repo_with_documents(tmp_path / "repo")
    git(repo, "add", ".")
    res = subprocess.run(
        [sys.executable, "-m", "pre_commit", "try-repo", str(ROOT), "outlint", "--all-files"],
        cwd=repo,
        env=environment(tmp_path),
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )
    assert res.returncode == 1, res.stdout + res.stderr
    assert "guide.md:13:3: OL107 [error]" in res.stdout
    assert "notes.txt" not in res.stdout.split("guide.md", 1)[1]  # the clean file has no finding


def run_action(tmp: Path, cwd: Path, inputs: dict[str, str], github: bool = True) -> tuple[int, str, dict[str, str]]:
    """The Action's check step as the runner runs it: inputs in the environment, outputs in a file."""
    temp = tmp / "runner-temp"
    temp.mkdir(exist_ok=True)
    outputs, summary = tmp / "github-output", tmp / "step-summary"
    outputs.write_text("")
    summary.write_text("")
    env = {
        **environment(tmp),
        "RUNNER_TEMP": str(temp),
        "GITHUB_OUTPUT": str(outputs),
        "GITHUB_STEP_SUMMARY": str(summary),
        "OUTLINT": shutil.which("outlint", path=environment(tmp)["PATH"]) or "outlint",
        **({"GITHUB_ACTIONS": "true"} if github else {}),
        **{f"OUTLINT_{k.upper().replace('-', '_')}": v for k, v in inputs.items()},
    }
    res = subprocess.run(
        ["bash", str(ROOT / "action" / "check.sh")], cwd=cwd, env=env, capture_output=True, text=True, check=False
    )
    got = dict(line.split("=", 1) for line in outputs.read_text().splitlines())
    got["summary"] = summary.read_text()
    got["stderr"] = res.stderr
    return res.returncode, res.stdout, got


def test_the_readme_workflow_runs_the_action_check_step(clone: Path, tmp_path: Path) -> None:
    workflow = yaml.safe_load(snippet("# .github/workflows/docs.yml"))
    (step,) = [s for s in workflow["jobs"]["outlint"]["steps"] if s.get("uses", "").startswith("./")]
    code, annotations, out = run_action(tmp_path, clone, {k: str(v) for k, v in step["with"].items()})
    assert code == 0  # the step always succeeds; the action's last step fails the job on exit-code
    assert out["exit-code"] in ("0", "1"), out["stderr"]
    sarif = Path(out["sarif-file"])
    assert sarif.name == "docs.sarif" and sarif.parent == tmp_path / "runner-temp"  # outside the workspace
    assert out["summary"].startswith("## outlint\n")
    assert all(line.startswith("::") for line in annotations.splitlines())


def test_the_action_takes_paths_and_arguments_with_spaces(tmp_path: Path) -> None:
    work = tmp_path / "work"
    (work / "my docs").mkdir(parents=True)
    gap = "Report\n\n1. Scope\n\nText.\n\n3. Terms\n\nMore text.\n"
    for i in range(12):
        (work / "my docs" / f"gap {i:02d}.txt").write_text(gap.replace("Report", f"Report {i}"))
    (work / "my docs" / "skip me.txt").write_text(gap)
    inputs = {
        "paths": "my docs\r\n\n",
        "args": "--exclude\nskip me.txt\n  --fail-on  \nwarning\n",
        "category": "docs/main part",
    }
    code, annotations, out = run_action(tmp_path, work, inputs)
    assert (code, out["exit-code"]) == (0, "1"), out["stderr"]
    assert annotations.count("::error file=my docs/gap ") == 12 and "skip me" not in annotations
    assert Path(out["sarif-file"]).name == "docs-main-part.sarif"
    assert "Only 10 annotations of each severity are shown per step: 2 of the 12 errors" in out["summary"]
    (work / "empty").mkdir()
    code, _, out = run_action(tmp_path, work, {**inputs, "summary": "false", "paths": "empty"})
    assert (code, out["summary"], out["exit-code"]) == (0, "", "0")
