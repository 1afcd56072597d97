"""Fingerprints: the same problem keeps its fingerprint when text moves it; another problem does not share it."""

from __future__ import annotations

from pathlib import Path

from outlint.fingerprint import digest, normalize_message, section_titles
from outlint.linter import check_bytes, read_bytes
from outlint.model import Span

DOC = """Guide

1. Scope

The guide covers the scope of the work.

2. Terms

The terms are defined here.

4. Methods

The methods are described here.
"""
MOVED = DOC.replace("The guide covers", "A new first paragraph.\n\nAnd a second one.\n\nThe guide covers")


def prints(text: str, path: str = "docs/guide.txt") -> dict[str, str]:
    return {f.code: f.fingerprint for f in check_bytes(text.encode(), path)}


def test_every_finding_has_one() -> None:
    findings = check_bytes(DOC.encode(), "docs/guide.txt")
    assert findings and all(len(f.fingerprint) == 16 for f in findings)


def test_lines_added_above_do_not_change_it() -> None:
    before, after = check_bytes(DOC.encode(), "g.txt"), check_bytes(MOVED.encode(), "g.txt")
    assert [f.span.line for f in before] != [f.span.line for f in after]
    assert [f.fingerprint for f in before] == [f.fingerprint for f in after]


def test_path_and_rule_are_part_of_it() -> None:
    assert prints(DOC, "a.txt") != prints(DOC, "b.txt")
    assert prints(DOC, "./docs/guide.txt") == prints(DOC, "docs/guide.txt")
    assert digest("a.txt", "OL201", (), "m") != digest("a.txt", "OL202", (), "m")


def test_heading_path_is_part_of_it() -> None:
    assert digest("a.txt", "OL201", ("1. A",), "m") != digest("a.txt", "OL201", ("2. B",), "m")


def test_identical_findings_get_an_occurrence_index() -> None:
    assert digest("a.txt", "OL303", ("A",), "m", 0) != digest("a.txt", "OL303", ("A",), "m", 1)


def test_numbers_are_removed_from_the_message() -> None:
    message = '9 blank lines in  "5. Results" (also line 12)'
    assert normalize_message(message) == '# blank lines in "#. Results" (also line #)'
    assert digest("a.txt", "OL303", (), "9 blank lines") == digest("a.txt", "OL303", (), "12 blank lines")


def test_section_titles() -> None:
    doc = read_bytes(DOC.encode(), "g.txt")
    assert section_titles(doc, Span(1, 1, 1, 5)) == ()
    assert section_titles(doc, Span(5, 1, 5, 5)) == ("Scope",)
    assert section_titles(doc, Span(11, 1, 11, 5)) == ("Methods",)


def test_section_titles_of_a_nested_heading() -> None:
    path = Path(__file__).resolve().parent.parent / "samples" / "cyberspace-white-paper-2022.en.txt"
    doc = read_bytes(path.read_bytes(), "white-paper.txt")
    titles = section_titles(doc, Span(509, 3, 509, 80))
    assert len(titles) == 2 and titles[0].startswith("China's Internet Development")


def test_a_file_name_that_is_not_utf_8() -> None:
    odd = "bad\udcff.md"  # b"bad\xff.md" as os.fsdecode gives it
    assert len(digest(odd, "OL201", (), "m")) == 16
    assert digest(odd, "OL201", (), "m") != digest("bad\ufffd.md", "OL201", (), "m")
    assert check_bytes(b"# T\n\n## 1. A\n\nx.\n\n## 3. B\n\nx.\n", odd, "markdown")
