"""The CI packaging stays in step with the code: the pre-commit hook covers the formats outlint reads."""

from __future__ import annotations

import re
from pathlib import Path

from outlint import readers

ROOT = Path(__file__).resolve().parent.parent


def test_pre_commit_hook_covers_the_readers() -> None:
    text = (ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8")
    m = re.search(r"^\s*files: (.+)$", text, re.MULTILINE)
    assert m, "the hook has no files pattern"
    pattern = re.compile(m.group(1).strip())
    suffixes = sorted(s for s in readers.SUFFIXES if s)
    assert [s for s in suffixes if not pattern.search("doc" + s)] == [], "hook misses a format outlint reads"
    assert not pattern.search("doc.png") and not pattern.search("Makefile")


def test_action_runs_check_with_sarif_and_annotations() -> None:
    text = (ROOT / "action.yml").read_text(encoding="utf-8")
    assert "using: composite" in text
    assert 'run: bash "$GITHUB_ACTION_PATH/action/check.sh"' in text
    script = (ROOT / "action" / "check.sh").read_text(encoding="utf-8")
    assert 'formats=(--format github --format "sarif:$sarif")' in script
    for run in re.findall(r"^\s+run: (.*(?:\n\s{8}.*)*)", text, re.MULTILINE):
        assert "${{" not in run, run  # inputs reach scripts through the environment, never pasted in


def test_every_action_is_pinned_by_commit_with_its_release_in_a_comment() -> None:
    text = (ROOT / "action.yml").read_text(encoding="utf-8")
    uses = re.findall(r"uses: (\S+)(.*)$", text, re.MULTILINE)
    assert uses
    for ref, comment in uses:
        assert re.fullmatch(r"[\w.-]+/[\w./-]+@[0-9a-f]{40}", ref), ref
        assert re.fullmatch(r" # v\d+\.\d+\.\d+", comment), comment
    assert "codeql-action/upload-sarif@" in text and " # v4." in text
