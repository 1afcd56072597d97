"""GitLab Code Quality: the fields GitLab requires, its severity scale, unique fingerprints."""

from __future__ import annotations

import json

import pytest

from outlint.formats import Options, gitlab
from outlint.model import Finding, Severity, Span


def test_required_fields(sample_findings: list[Finding]) -> None:
    issues = json.loads(gitlab.render(sample_findings, []))
    assert len(issues) == len(sample_findings)
    for issue, f in zip(issues, sample_findings, strict=True):
        assert {"description", "check_name", "fingerprint", "severity", "location"} <= issue.keys()
        assert issue["location"]["path"] == f.path
        assert issue["location"]["lines"]["begin"] == f.span.line
        assert issue["fingerprint"] == f.fingerprint
    assert [i["severity"] for i in issues] == ["major", "major", "minor", "info", "major", "major", "minor"]
    assert len({i["fingerprint"] for i in issues}) == len(issues)


def test_a_finding_without_fingerprint_still_gets_one() -> None:
    a = Finding("a.txt", Span(2, 1, 2, 1), "OL201", Severity.ERROR, "gap", "numbering-gap")
    b = Finding("a.txt", Span(9, 1, 9, 1), "OL201", Severity.ERROR, "gap", "numbering-gap")
    assert gitlab.issue(a)["fingerprint"] and gitlab.issue(a)["fingerprint"] != gitlab.issue(b)["fingerprint"]


@pytest.mark.parametrize(
    ("path", "cwd", "shown"),
    [
        pytest.param("./docs/a.md", "/repo", "docs/a.md", id="dot-slash"),
        pytest.param("docs/../README.md", "/repo", "README.md", id="dot-dot"),
        pytest.param("a.md", "/repo/docs", "docs/a.md", id="from-a-subfolder"),
    ],
)
def test_paths_are_relative_to_the_repository_root(path: str, cwd: str, shown: str) -> None:
    f = Finding(path, Span(2, 1, 2, 1), "OL201", Severity.ERROR, "gap", "numbering-gap", "f")
    assert gitlab.issue(f, Options(cwd=cwd, root="/repo"))["location"]["path"] == shown
