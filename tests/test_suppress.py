"""Inline suppression directives: each form, unused directives and unknown rules.

Plain text has no comments, so these tests attach comments to a read document the way the Markdown
and HTML readers do (one Comment per ``<!-- ... -->`` with its span).
"""

from __future__ import annotations

from dataclasses import replace

import pytest

from outlint.linter import Settings, check_bytes, check_document, read_bytes, select_rules
from outlint.model import Comment, Span

# gaps at lines 5, 9 and 13: "3." after "1.", "5." after "3.", "7." after "5."
DOC = "1. Alpha\n\nText.\n\n3. Beta\n\nText.\n\n5. Gamma\n\nText.\n\n7. Delta\n\nText.\n"


def run(*comments: tuple[int, str], select: str = "OL2,OL9") -> list[tuple[str, int]]:
    doc = read_bytes(DOC.encode(), "doc.txt")
    doc = replace(doc, comments=tuple([Comment(text, Span(line, 1, line, len(text) + 8)) for line, text in comments]))
    findings = check_document(doc, Settings(rules=select_rules(select.split(","))))
    return [(f.code, f.span.line) for f in findings]


def test_no_directives() -> None:
    assert run() == [("OL201", 5), ("OL201", 9), ("OL201", 13)]


@pytest.mark.parametrize(
    ("comments", "expected"),
    [
        pytest.param([(4, " outlint-disable-next-line OL201 ")], [("OL201", 9), ("OL201", 13)], id="next-line-code"),
        pytest.param(
            [(4, "outlint-disable-next-line numbering-gap")], [("OL201", 9), ("OL201", 13)], id="next-line-name"
        ),
        pytest.param([(4, "outlint-disable-next-line")], [("OL201", 9), ("OL201", 13)], id="next-line-all"),
        pytest.param([(4, "outlint-disable OL201"), (10, "outlint-enable OL201")], [("OL201", 13)], id="range"),
        pytest.param([(4, "outlint-disable"), (10, "outlint-enable")], [("OL201", 13)], id="range-all"),
        pytest.param([(6, "outlint-disable OL2")], [("OL201", 5)], id="to-end-of-file-by-prefix"),
        pytest.param([(15, "outlint-disable-file OL201")], [], id="file"),
        pytest.param([(1, "outlint-disable-file OL201, OL202")], [], id="file-comma-list"),
    ],
)
def test_forms(comments: list[tuple[int, str]], expected: list[tuple[str, int]]) -> None:
    assert run(*comments) == expected


def test_other_comments_are_ignored() -> None:
    assert run((4, "TODO: outlint-disable later"), (6, "a note")) == [("OL201", 5), ("OL201", 9), ("OL201", 13)]


def test_unused_suppression() -> None:
    assert run((2, "outlint-disable-next-line OL202")) == [("OL901", 2), ("OL201", 5), ("OL201", 9), ("OL201", 13)]
    doc = read_bytes(DOC.encode(), "doc.txt")
    doc = replace(doc, comments=tuple([Comment("outlint-disable-next-line OL202", Span(2, 1, 2, 40))]))
    f = check_document(doc, Settings(rules=select_rules(["OL901"])))[0]
    assert f.message == "'outlint-disable-next-line' for OL202 suppressed nothing"


def test_unused_not_reported_when_rule_not_selected() -> None:
    assert run((2, "outlint-disable-next-line OL202"), select="OL2") == [("OL201", 5), ("OL201", 9), ("OL201", 13)]


def test_unknown_rule_in_directive() -> None:
    found = run((4, "outlint-disable-next-line OL9999 OL201"))
    assert found == [("OL902", 4), ("OL201", 9), ("OL201", 13)]
    doc = read_bytes(DOC.encode(), "doc.txt")
    doc = replace(doc, comments=tuple([Comment("outlint-disable OL9999", Span(4, 1, 4, 30))]))
    messages = [f.message for f in check_document(doc, Settings(rules=select_rules(["OL9"])))]
    assert messages == ["unknown rule 'OL9999' in 'outlint-disable'"]


def test_enable_part_of_a_disable() -> None:
    assert run((4, "outlint-disable OL201 OL202"), (10, "outlint-enable OL202")) == []


# --- end to end, with the comments the Markdown and HTML readers find -------------------------

MD = "# Guide\n\n## 1. Scope\n\nText here.\n\n{a}## 3. Terms\n\nMore text.\n\n{b}## 5. Rules\n\nText.\n"


def md(a: str = "", b: str = "", select: str = "OL2,OL9") -> list[tuple[str, int]]:
    text = MD.format(a=a, b=b)
    findings = check_bytes(text.encode(), "guide.md", None, Settings(rules=select_rules(select.split(","))))
    return [(f.code, f.span.line) for f in findings]


def test_markdown_without_directives() -> None:
    assert md() == [("OL201", 7), ("OL201", 11)]


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        pytest.param("<!-- outlint-disable-next-line OL201 -->\n", "", [("OL201", 12)], id="next-line"),
        pytest.param(
            "<!-- outlint-disable numbering-gap -->\n", "<!-- outlint-enable -->\n", [("OL201", 13)], id="range"
        ),
        pytest.param("", "<!-- outlint-disable-file OL2 -->\n", [], id="file"),
        pytest.param("<!-- outlint-disable -->\n", "", [], id="all-to-the-end"),
        pytest.param(
            "<!-- outlint-disable-next-line OL102 -->\n", "", [("OL901", 7), ("OL201", 8), ("OL201", 12)], id="unused"
        ),
        pytest.param(
            "<!-- outlint-disable-next-line OL2O1 -->\n",
            "",
            [("OL902", 7), ("OL201", 8), ("OL201", 12)],
            id="unknown-code",
        ),
    ],
)
def test_markdown_directives(a: str, b: str, expected: list[tuple[str, int]]) -> None:
    assert md(a, b) == expected


def test_html_directive() -> None:
    html = (
        "<html><body><h1>Guide</h1><h2>1. Scope</h2><p>Text.</p>\n"
        "<!-- outlint-disable-next-line OL201 -->\n<h2>3. Terms</h2><p>More text.</p></body></html>\n"
    )
    settings = Settings(rules=select_rules(["OL2", "OL9"]))
    assert check_bytes(html.encode(), "guide.html", None, settings) == []
    assert [
        f.code
        for f in check_bytes(
            html.replace("outlint-disable-next-line OL201", "x").encode(), "guide.html", None, settings
        )
    ] == ["OL201"]
