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

from outlint.formats import Options, sarif
from outlint.linter import check_bytes
from outlint.model import Finding, Related, Severity, Span
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


def test_sample_findings_validate(
    sample_findings: list[Finding], sample_paths: list[str], sample_options: Options
) -> None:
    log = json.loads(sarif.render(sample_findings, sample_paths, sample_options))
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
    assert gap["help"]["markdown"].startswith("# OL201 numbering-gap\n\n## What it does\n")
    assert gap["fullDescription"]["text"].startswith("Reports a numbered heading")
    assert gap["properties"] == {"tags": ["documentation", "numbering"], "precision": "medium"}
    assert all(r["properties"]["precision"] in ("very-high", "high", "medium", "low") for r in rules)


def test_no_address_the_project_does_not_own(sample_findings: list[Finding], sample_options: Options) -> None:
    text = sarif.render(sample_findings, [], sample_options)
    assert "informationUri" not in text and "helpUri" not in text
    assert re.findall(r"https?://[^\s\"]+", text) == [sarif.SCHEMA_URI]


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


PROJECT = Options(cwd="/srv/project", root="/srv/project")


@pytest.mark.parametrize(
    ("path", "options", "location"),
    [
        pytest.param("docs/a b.txt", PROJECT, {"uri": "docs/a%20b.txt", "uriBaseId": "%SRCROOT%"}, id="space"),
        pytest.param(
            "docs/白皮书.txt",
            PROJECT,
            {"uri": "docs/%E7%99%BD%E7%9A%AE%E4%B9%A6.txt", "uriBaseId": "%SRCROOT%"},
            id="cjk",
        ),
        pytest.param("./docs/a.txt", PROJECT, {"uri": "docs/a.txt", "uriBaseId": "%SRCROOT%"}, id="dot-slash"),
        pytest.param("docs/../README.md", PROJECT, {"uri": "README.md", "uriBaseId": "%SRCROOT%"}, id="dot-dot"),
        pytest.param("/srv/project/docs/a.txt", PROJECT, {"uri": "docs/a.txt", "uriBaseId": "%SRCROOT%"}, id="abs"),
        pytest.param(
            "../README.md",
            Options(cwd="/srv/project/docs", root="/srv/project"),
            {"uri": "README.md", "uriBaseId": "%SRCROOT%"},
            id="run-from-a-subfolder",
        ),
        pytest.param(
            "a.txt",
            Options(cwd="/srv/project/docs", root="/srv/project"),
            {"uri": "docs/a.txt", "uriBaseId": "%SRCROOT%"},
            id="relative-to-the-root-not-the-cwd",
        ),
        pytest.param("/srv/other/a.txt", PROJECT, {"uri": "file:///srv/other/a.txt"}, id="outside-the-root"),
        pytest.param("notes: v2.txt", PROJECT, {"uri": "notes%3A%20v2.txt", "uriBaseId": "%SRCROOT%"}, id="colon"),
        pytest.param("bad\udcff.md", PROJECT, {"uri": "bad%FF.md", "uriBaseId": "%SRCROOT%"}, id="not-utf-8"),
    ],
)
def test_artifact_location(path: str, options: Options, location: dict[str, str]) -> None:
    assert sarif.artifact_location(path, options) == location


def test_one_base_for_every_uri(tmp_path: Path) -> None:
    log = json.loads(sarif.render([], [], Options(cwd=str(tmp_path / "sub"), root=str(tmp_path / "a b"))))
    base = log["runs"][0]["originalUriBaseIds"]["%SRCROOT%"]["uri"]
    assert base.startswith("file:///") and base.endswith("/a%20b/")


def test_a_file_not_checked_is_a_notification_too(sample_findings: list[Finding], sample_options: Options) -> None:
    run = json.loads(sarif.render(sample_findings, [], sample_options))["runs"][0]
    (invocation,) = run["invocations"]
    assert invocation["executionSuccessful"] is False  # OL002: outlint failed on a file
    notes = invocation["toolExecutionNotifications"]
    assert [(n["associatedRule"]["id"], n["level"]) for n in notes] == [("OL002", "error"), ("OL001", "warning")]
    assert {"OL001", "OL002"} <= {r["ruleId"] for r in run["results"]}  # and a result each
    clean = json.loads(sarif.render(sample_findings[2:3], [], sample_options))["runs"][0]["invocations"][0]
    assert clean == {"executionSuccessful": True, "toolExecutionNotifications": []}


def test_related_locations() -> None:
    f = Finding(
        "a.md",
        Span(9, 1, 9, 5),
        "OL103",
        Severity.ERROR,
        "m",
        "toc-title-mismatch",
        "x",
        (Related(Span(2, 3, 2, 8), "contents entry"),),
    )
    (related,) = sarif.result(f, {}, PROJECT)["relatedLocations"]
    assert related["message"] == {"text": "contents entry"}
    assert related["physicalLocation"]["region"] == {"startLine": 2, "startColumn": 3, "endLine": 2, "endColumn": 9}
