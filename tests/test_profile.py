"""Profiles: the white paper against white-paper, rfc and readme profiles, and bad profiles."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from outlint.cli import main
from outlint.config import Overrides, settings_for
from outlint.linter import check_bytes, check_path
from outlint.profile import ProfileError, load
from tests.conftest import ROOT

PAPER = "samples/cyberspace-white-paper-2022.en.txt"
RESTORED = "samples/cyberspace-white-paper-2022.restored.en.txt"


@pytest.fixture(autouse=True)
def _root(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)


def profile_findings(path: str, profile: str) -> list[tuple[int, str]]:
    settings = settings_for(path, Overrides(select=["OL501"], profile=profile))
    return [(f.span.line, f.message) for f in check_path(path, None, settings)]


def test_white_paper_profile_reports_the_lost_chapters_and_sections() -> None:
    found = profile_findings(PAPER, "white-paper")
    assert [line for line, _ in found] == [36, 38, 40, 42, 44, 46, 48, 50, 52, 54, 56, 58, 60, 62, 64, 66, 68]
    assert found[2][1] == (
        'contents entry "3. China\'s contribution to building a community with a...": every contents entry '
        "must have its heading in the document (profile white-paper)"
    )


def test_restored_white_paper_passes_the_profile_and_every_rule() -> None:
    settings = settings_for(RESTORED, Overrides(profile="white-paper"))
    assert check_path(RESTORED, None, settings) == []


RFC = """Example Protocol

1.  Introduction

   The protocol moves messages.

2.  Protocol

   It has one message.

Appendix A.  Examples

   One example.
"""


def test_rfc_profile_requires_security_and_references() -> None:
    settings = settings_for("rfc.txt", Overrides(select=["OL501"], profile="rfc"))
    messages = [f.message for f in check_bytes(RFC.encode(), "rfc.txt", None, settings)]
    assert messages == [  # findings at one place sort by message
        'document: an RFC has a "References" section (or "Normative References"/"Informative References") '
        "(profile rfc)",
        'document: an RFC has a "Security Considerations" section (profile rfc)',
        'document: an RFC has an "IANA Considerations" section (profile rfc)',
    ]
    complete = RFC.replace(
        "Appendix A.",
        "3.  Security Considerations\n\n   None.\n\n"
        "4.  IANA Considerations\n\n   None.\n\n5.  References\n\n   None.\n\nAppendix A.",
    )
    assert check_bytes(complete.encode(), "rfc.txt", None, settings) == []


def test_rfc_profile_rejects_unnumbered_sections() -> None:
    text = RFC + "\nThanks\n======\n\n   To all.\n"
    settings = settings_for("rfc.txt", Overrides(select=["OL501"], profile="rfc"))
    messages = [f.message for f in check_bytes(text.encode(), "rfc.txt", None, settings)]
    assert any(m.startswith('section "Thanks": only front and back matter is unnumbered') for m in messages)


README = "Widget\n======\n\nA widget.\n\nInstallation\n------------\n\nRun pip.\n"


def test_readme_profile() -> None:
    settings = settings_for("README.txt", Overrides(select=["OL501"], profile="readme"))
    assert check_bytes(README.encode(), "README.txt", None, settings) == []
    bare = "Widget\n======\n\nA widget.\n\nLicence\n-------\n\nMIT.\n"
    messages = [f.message for f in check_bytes(bare.encode(), "README.txt", None, settings)]
    assert messages == [
        'document: a README has a section on installation or usage ("Installation", "Install", '
        '"Usage", "Getting started", "Quick start") (profile readme)'
    ]


def test_profile_from_a_file(tmp_path: Path) -> None:
    schema = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "two-chapters",
        "properties": {"headings": {"minItems": 5, "description": "at least five chapters"}},
    }
    path = tmp_path / "p.json"
    path.write_text(json.dumps(schema))
    assert profile_findings(PAPER, str(path)) == [(1, "document: at least five chapters (profile two-chapters)")]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{not json", "not valid JSON"),
        ('{"type": "objekt"}', "not a valid JSON Schema at type"),
        ('{"minItems": -1}', "not a valid JSON Schema at minItems"),
    ],
)
def test_invalid_profile_is_a_usage_error(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "bad.json"
    path.write_text(content)
    with pytest.raises(ProfileError, match=message):
        load(str(path))
    result = CliRunner().invoke(main, ["check", "--profile", str(path), PAPER])
    assert result.exit_code == 2
    assert message in result.stderr
    assert result.stdout == ""


def test_unknown_profile_name() -> None:
    result = CliRunner().invoke(main, ["check", "--profile", "novel", PAPER])
    assert result.exit_code == 2
    assert "no profile 'novel': not a built-in profile (readme, rfc, white-paper) nor a file" in result.stderr
