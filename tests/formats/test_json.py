"""JSON format: the report is exactly what json.dumps gives for the whole of it."""

from __future__ import annotations

import json

import pytest

from outlint import __version__
from outlint.formats.json import as_dict, render
from outlint.model import Finding
from tests.formats.conftest import FINDINGS, PATHS


@pytest.mark.parametrize("count", [0, 1, 2, len(FINDINGS)], ids=lambda n: f"{n}-findings")
def test_report_is_json_dumps_of_the_whole(count: int) -> None:
    # each finding is encoded on its own (memory): the bytes must be those of one json.dumps call
    findings: list[Finding] = FINDINGS[:count]
    whole = {"version": __version__, "findings": [as_dict(f) for f in findings]}
    assert render(findings, PATHS) == json.dumps(whole, ensure_ascii=False, indent=2) + "\n"
