"""SARIF 2.1.0 format: for GitHub code scanning and other SARIF viewers.

Rules come from the registry (every rule, so that ``ruleIndex`` is stable); each result carries
``partialFingerprints`` from the finding's fingerprint (rule, heading path, message without
numbers), so that alerts survive edits above them.
"""

from __future__ import annotations

import json
import os
import re
import urllib.parse
from collections.abc import Sequence
from typing import Any

from outlint.model import Finding, Rule, Severity

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
INFORMATION_URI = "https://github.com/outlint/outlint"
RULES_URI = INFORMATION_URI + "/blob/main/docs/rules.md"
FINGERPRINT_KEY = "outlint/v1"
LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def _section(doc: str, title: str) -> str:
    """The text of one ``## title`` section of a rule's Markdown doc, on one line."""
    m = re.search(rf"^## {re.escape(title)}\n(.*?)(?=^## |\Z)", doc, re.MULTILINE | re.DOTALL)
    return " ".join(m.group(1).split()) if m else ""


def help_uri(rule: Rule) -> str:
    """The rule's entry in docs/rules.md: GitHub's anchor for the heading ``OL201 numbering-gap``."""
    return f"{RULES_URI}#{rule.code.lower()}-{rule.name}"


def descriptor(rule: Rule) -> dict[str, Any]:
    what = _section(rule.doc, "What it does") or rule.summary + "."
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": what},
        "help": {"text": rule.doc or rule.summary, "markdown": rule.doc or rule.summary},
        "helpUri": help_uri(rule),
        "defaultConfiguration": {"level": LEVELS[rule.severity]},
    }


def artifact_uri(path: str) -> str:
    """A relative path as a relative URI reference (forward slashes, percent-encoded); an absolute
    one as a ``file://`` URI."""
    path = path.replace(os.sep, "/")
    if path.startswith("/"):
        return "file://" + urllib.parse.quote(path)
    return urllib.parse.quote(path)


def result(f: Finding, index: dict[str, int]) -> dict[str, Any]:
    s = f.span
    # SARIF's endColumn is the column after the region; outlint's end is inclusive
    end_column = s.end_column + 1 if s.end_line > s.line or s.end_column >= s.column else s.column + 1
    out: dict[str, Any] = {"ruleId": f.code}
    if f.code in index:
        out["ruleIndex"] = index[f.code]
    out.update(
        {
            "level": LEVELS[f.severity],
            "message": {"text": f.message},
            "locations": [
                {
                    "physicalLocation": {
                        "artifactLocation": {"uri": artifact_uri(f.path)},
                        "region": {
                            "startLine": s.line,
                            "startColumn": s.column,
                            "endLine": max(s.end_line, s.line),
                            "endColumn": end_column,
                        },
                    },
                }
            ],
        }
    )
    if f.fingerprint:
        out["partialFingerprints"] = {FINGERPRINT_KEY: f.fingerprint}
    return out


def render(findings: Sequence[Finding], paths: Sequence[str]) -> str:
    from outlint import __version__
    from outlint.rules import RULES

    rules = list(RULES.values())
    index = {r.code: i for i, r in enumerate(rules)}
    log = {
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "outlint",
                        "version": __version__,
                        "semanticVersion": __version__,
                        "informationUri": INFORMATION_URI,
                        "rules": [descriptor(r) for r in rules],
                    },
                },
                "columnKind": "unicodeCodePoints",
                "results": [result(f, index) for f in findings],
            }
        ],
    }
    return json.dumps(log, ensure_ascii=False, indent=2) + "\n"
