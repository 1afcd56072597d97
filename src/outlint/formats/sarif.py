"""SARIF 2.1.0 format: for GitHub code scanning and other SARIF viewers.

Rules come from the registry (every rule, so that ``ruleIndex`` is stable), each with its whole
documentation in ``help``: the project has no public home for a ``helpUri``. Artifact URIs are
relative to one base, ``%SRCROOT%`` (the git work tree, else the working directory), whatever
directory outlint ran in and however the paths were given. Each result carries the finding's
fingerprint as ``partialFingerprints["outlint/v1"]`` (rule, heading path, message without numbers)
for baselines and other consumers; GitHub code scanning ignores it and matches alerts by the
``primaryLocationLineHash`` its upload step computes from the line's text. A file outlint could not
check (OL001, OL002) is also a ``toolExecutionNotification``, and OL002 makes the invocation
unsuccessful, as it makes the exit status 2.
"""

from __future__ import annotations

import json
import os
import re
import urllib.parse
from collections.abc import Sequence
from typing import Any

from outlint.formats import DEFAULT, Options, from_root
from outlint.model import Finding, Related, Rule, Severity, Span
from outlint.rules import INTERNAL_ERROR, UNREADABLE

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
FINGERPRINT_KEY = "outlint/v1"
BASE_ID = "%SRCROOT%"
LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
# GitHub's display of rules: a tag per family, and how far a finding can be trusted. The reading,
# link, profile and suppression rules decide from facts (bytes, anchors, a schema, directives); the
# others read the layout of a document and can be misled by it (bench/accuracy measures how often).
FAMILIES = {
    "OL0": ("reading", "very-high"),
    "OL1": ("contents", "medium"),
    "OL2": ("numbering", "medium"),
    "OL3": ("truncation", "medium"),
    "OL4": ("language", "medium"),
    "OL5": ("profile", "high"),
    "OL9": ("suppression", "very-high"),
}
PRECISION = {"OL107": "high", "OL108": "high"}  # anchors are compared, not guessed
# a file that was not (wholly) checked: the notification's level
NOT_CHECKED = {UNREADABLE.code: "warning", INTERNAL_ERROR.code: "error"}


def _section(doc: str, title: str) -> str:
    """The text of one ``## title`` section of a rule's Markdown doc, on one line."""
    m = re.search(rf"^## {re.escape(title)}\n(.*?)(?=^## |\Z)", doc, re.MULTILINE | re.DOTALL)
    return " ".join(m.group(1).split()) if m else ""


def descriptor(rule: Rule) -> dict[str, Any]:
    what = _section(rule.doc, "What it does") or rule.summary + "."
    family, precision = FAMILIES.get(rule.code[:3], ("other", "medium"))
    doc = rule.doc or rule.summary
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": what},
        "help": {"text": doc, "markdown": f"# {rule.code} {rule.name}\n\n{doc}"},
        "defaultConfiguration": {"level": LEVELS[rule.severity]},
        "properties": {"tags": ["documentation", family], "precision": PRECISION.get(rule.code, precision)},
    }


def _quote(path: str) -> str:
    # bytes of a name that is not UTF-8 are percent-encoded as the bytes they are
    return urllib.parse.quote(path.encode("utf-8", "surrogateescape"), safe="/")


def artifact_location(path: str, options: Options = DEFAULT) -> dict[str, str]:
    """A path as a URI relative to ``%SRCROOT%``, or as a ``file://`` URI outside the root."""
    shown, _under_root = from_root(path, options)
    if shown == "-":
        return {"uri": "-"}
    if shown == ".." or shown.startswith("../"):  # no root known: a URI must not climb out of its base
        shown = os.path.abspath(shown)
    if os.path.isabs(shown):
        return {"uri": file_uri(shown)}
    return {"uri": _quote(shown), "uriBaseId": BASE_ID}


def file_uri(path: str, directory: bool = False) -> str:
    """An absolute path as a ``file://`` URI (a directory's ends with ``/``, as a base must)."""
    shown = path.replace(os.sep, "/")
    shown = shown if shown.startswith("/") else "/" + shown  # C:/x -> /C:/x
    if directory and not shown.endswith("/"):
        shown += "/"
    return "file://" + _quote(shown)


def region(span: Span) -> dict[str, int]:
    # SARIF's endColumn is the column after the region; outlint's end is inclusive
    end_column = span.end_column + 1 if span.end_line > span.line or span.end_column >= span.column else span.column + 1
    return {
        "startLine": span.line,
        "startColumn": span.column,
        "endLine": max(span.end_line, span.line),
        "endColumn": end_column,
    }


def _location(path: str, span: Span, options: Options) -> dict[str, Any]:
    return {"physicalLocation": {"artifactLocation": artifact_location(path, options), "region": region(span)}}


def _related(f: Finding, related: Sequence[Related], options: Options) -> list[dict[str, Any]]:
    return [
        {"id": i, **_location(f.path, r.span, options), "message": {"text": r.message}}
        for i, r in enumerate(related, start=1)
    ]


def result(f: Finding, index: dict[str, int], options: Options = DEFAULT) -> dict[str, Any]:
    out: dict[str, Any] = {"ruleId": f.code}
    if f.code in index:
        out["ruleIndex"] = index[f.code]
    out.update(
        {
            "level": LEVELS[f.severity],
            "message": {"text": f.message},
            "locations": [_location(f.path, f.span, options)],
        }
    )
    if f.related:
        out["relatedLocations"] = _related(f, f.related, options)
    if f.fingerprint:
        out["partialFingerprints"] = {FINGERPRINT_KEY: f.fingerprint}
    return out


def notification(f: Finding, index: dict[str, int], options: Options = DEFAULT) -> dict[str, Any]:
    """A file that was not checked, or not wholly, as the tool's own report of the run."""
    rule = {"id": f.code, **({"index": index[f.code]} if f.code in index else {})}
    return {
        "level": NOT_CHECKED[f.code],
        "message": {"text": f.message},
        "locations": [_location(f.path, f.span, options)],
        "associatedRule": rule,
    }


def render(findings: Sequence[Finding], paths: Sequence[str], options: Options = DEFAULT) -> str:
    from outlint import __version__
    from outlint.rules import RULES

    rules = list(RULES.values())
    index = {r.code: i for i, r in enumerate(rules)}
    invocation = {
        "executionSuccessful": not any(f.code == INTERNAL_ERROR.code for f in findings),
        "toolExecutionNotifications": [notification(f, index, options) for f in findings if f.code in NOT_CHECKED],
    }
    run: dict[str, Any] = {
        "tool": {
            "driver": {
                "name": "outlint",
                "version": __version__,
                "semanticVersion": __version__,
                "rules": [descriptor(r) for r in rules],
            },
        },
        "invocations": [invocation],
    }
    if options.root is not None:
        run["originalUriBaseIds"] = {BASE_ID: {"uri": file_uri(options.root, directory=True)}}
    run["columnKind"] = "unicodeCodePoints"
    run["results"] = [result(f, index, options) for f in findings]
    log = {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}
    return json.dumps(log, ensure_ascii=False, indent=2) + "\n"
