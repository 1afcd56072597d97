"""Checking one document: the collector is held off while it runs and set back as it was."""

from __future__ import annotations

import gc
from pathlib import Path

import pytest

from outlint.linter import check_bytes, check_path


@pytest.mark.parametrize("enabled", [True, False], ids=["enabled", "disabled"])
def test_collector_state_is_restored(tmp_path: Path, enabled: bool) -> None:
    doc = tmp_path / "a.txt"
    doc.write_text("1. Scope\n\nThe scope is described here.\n")
    was = gc.isenabled()
    try:
        gc.enable() if enabled else gc.disable()
        check_path(str(doc))
        assert gc.isenabled() is enabled
        check_bytes(doc.read_bytes(), "a.txt")
        assert gc.isenabled() is enabled
    finally:
        gc.enable() if was else gc.disable()


def test_a_checked_document_leaves_no_garbage_cycles(tmp_path: Path) -> None:
    # why the collector can be held off: a document and its facts make no cycle
    doc = tmp_path / "a.txt"
    doc.write_text("Contents\n\n  1. Scope\n  2. Terms\n\n1. Scope\n\nThe scope.\n\n2. Terms\n\nThe terms.\n")
    check_path(str(doc))
    gc.collect()
    was = gc.isenabled()
    gc.disable()
    try:
        check_path(str(doc))
        assert gc.collect() == 0
    finally:
        gc.enable() if was else gc.disable()
