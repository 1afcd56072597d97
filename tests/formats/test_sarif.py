"""SARIF: valid against the official 2.1.0 schema, rules from the registry, stable fingerprints.

``tests/data/sarif-2.1.0.json`` is the official SARIF 2.1.0 JSON schema (OASIS), copied unchanged
from the npm package ``@microsoft/sarif-multitool-linux`` 5.7.0 (github.com/microsoft/sarif-sdk,
MIT licence), so that this test runs offline.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from outlint.formats import sarif
from outlint.linter import check_bytes
from outlint.model import Finding, Severity, Span
from outlint.rules import RULES

ROOT = Path(__file__).resolve().parents[2]
SCHEMA = json.loads((ROOT / "tests" / "data" / "sarif-2.1.0.json").read_text(encoding="utf-8"))
# RFC 3986 characters of a URI reference: what an artifact location may hold after escaping
URI_CHARS = re.compile(r"[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%]*")


def validate(log: dict[str, Any]) -> None:
    cls = jsonschema.validators.validator_for(SCHEMA)
    cls.check_schema(SCHEMA)
    errors = sorted(cls(SCHEMA).iter_errors(log), key=lambda e: list(e.absolute_path))
    assert not errors, "\n".join(f"{list(e.absolute_path)}: {e.message}" for e in errors)


def test_sample_findings_validate(sample_findings: list[Finding], sample_paths: list[str]) -> None:
    log = json.loads(sarif.render(sample_findings, sample_paths))
    validate(log)
    for res in log["runs"][0]["results"]:
        uri = res["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        assert URI_CHARS.fullmatch(uri), uri


def test_real_report_validates() -> None:
    text = (ROOT / "samples" / "cyberspace-white-paper-2022.en.txt").read_bytes()
    findings = check_bytes(text, "samples/cyberspace-white-paper-2022.en.txt")
    log = json.loads(sarif.render(findings, ["samples/cyberspace-white-paper-2022.en.txt"]))
    validate(log)
    results = log["runs"][0]["results"]
    assert len(results) == len(findings) > 0
    assert all(r["partialFingerprints"][sarif.FINGERPRINT_KEY] for r in results)


def test_empty_log_validates() -> None:
    validate(json.loads(sarif.render([], [])))


def test_rules_and_indexes_come_from_the_registry(sample_findings: list[Finding]) -> None:
    run = json.loads(sarif.render(sample_findings, []))["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == list(RULES)
    for res in run["results"]:
        assert rules[res["ruleIndex"]]["id"] == res["ruleId"]
    gap = rules[list(RULES).index("OL201")]
    assert gap["name"] == "numbering-gap"
    assert gap["defaultConfiguration"]["level"] == "error"
    assert gap["helpUri"].endswith("#ol201-numbering-gap")
    assert gap["fullDescription"]["text"].startswith("Reports a numbered heading")


@pytest.mark.parametrize(
    ("span", "region"),
    [
        pytest.param(Span(3, 2, 3, 9), (3, 2, 3, 10), id="end-column-is-exclusive"),
        pytest.param(Span(3, 5, 3, 4), (3, 5, 3, 6), id="empty-span-covers-one-column"),
        pytest.param(Span(3, 5, 6, 1), (3, 5, 6, 2), id="multi-line"),
    ],
)
def test_region(span: Span, region: tuple[int, int, int, int]) -> None:
    f = Finding("a.txt", span, "OL201", Severity.WARNING, "m", "numbering-gap", "abc")
    res = sarif.result(f, {"OL201": 3})
    r = res["locations"][0]["physicalLocation"]["region"]
    assert (r["startLine"], r["startColumn"], r["endLine"], r["endColumn"]) == region
    assert res["level"] == "warning" and res["ruleIndex"] == 3


@pytest.mark.parametrize(
    ("path", "uri"),
    [
        ("docs/a b.txt", "docs/a%20b.txt"),
        ("docs/白皮书.txt", "docs/%E7%99%BD%E7%9A%AE%E4%B9%A6.txt"),
        ("/srv/docs/a.txt", "file:///srv/docs/a.txt"),
    ],
)
def test_artifact_uri(path: str, uri: str) -> None:
    assert sarif.artifact_uri(path) == uri
