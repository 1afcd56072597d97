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
    assert 'outlint check --format github --format "sarif:$OUTLINT_SARIF"' in text
    assert "${{ inputs." not in text.split("run: |", 1)[1].split("- name: Upload SARIF", 1)[0]
