"""Markdown summary: counts per rule, the first findings, what is left out, and markup kept inert."""

from __future__ import annotations

from outlint.formats import Options, markdown
from outlint.model import Finding, Severity, Span


def findings(n: int, severity: Severity = Severity.ERROR, message: str = "gap") -> list[Finding]:
    return [
        Finding(f"d{i:03d}.md", Span(i + 1, 1, i + 1, 1), "OL201", severity, message, "numbering-gap") for i in range(n)
    ]


def test_clean_run() -> None:
    assert markdown.render([], ["a.md", "b.md"]) == "## outlint\n\n0 errors, 0 warnings, 0 info in 2 files.\n"


def test_counts_and_what_is_left_out() -> None:
    out = markdown.render(findings(60) + findings(12, Severity.WARNING), [], Options(annotation_limit=10))
    assert "60 errors, 12 warnings, 0 info in 60 files." in out
    assert "| OL201 numbering-gap | 72 |" in out
    assert out.count("| error |") + out.count("| warning |") == markdown.LISTED
    assert "22 more findings are not listed here" in out
    assert (
        "Only 10 annotations of each severity are shown per step: 50 of the 60 errors and 2 of the 12 warnings" in out
    )


def test_no_annotation_note_outside_a_ci_that_limits_them() -> None:
    assert "annotation" not in markdown.render(findings(30), [])


def test_markup_in_a_message_stays_text() -> None:
    out = markdown.render(findings(1, message="a | b <script>x</script> *c* [d](e)\nf"), [])
    assert "a \\| b \\<script\\>x\\</script\\> \\*c\\* \\[d\\](e) f" in out
