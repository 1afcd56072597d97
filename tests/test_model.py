"""The model: frozen documents, the shared facts, and failures of outlint itself reported as OL002."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator, Mapping
from typing import Any

import pytest

from outlint import outline, readers
from outlint.linter import Settings, check_bytes, read_bytes, select_rules
from outlint.model import Document, Heading, Paragraph, Rule, Span

DOC = "# Guide\n\n## 1. Install\n\nRun it.\n\n### 1.1 Linux\n\nUse apt.\n\n## 2. Use\n\nRun it.\n"


def test_documents_and_headings_are_frozen() -> None:
    doc = read_bytes(DOC.encode(), "doc.md")
    with pytest.raises(dataclasses.FrozenInstanceError):
        doc.headings[0].level = 3  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        doc.language = "fr"  # type: ignore[misc]
    assert isinstance(doc.headings, tuple) and isinstance(doc.headings[0].children, tuple)


def test_facts_give_order_parents_and_paths() -> None:
    doc = read_bytes(DOC.encode(), "doc.md")
    titles = [h.title for h in doc.facts.headings]
    assert titles == ["Guide", "Install", "Linux", "Use"]
    guide, install, linux, use = doc.facts.headings
    assert doc.facts.parent(guide) is None
    assert doc.facts.parent(linux) is install
    assert [h.title for h in doc.facts.path(linux)] == ["Guide", "Install", "Linux"]
    assert doc.facts.parent(use) is guide
    assert doc.facts.lines[2] == "## 1. Install"


def test_derived_facts_are_computed_once_per_document_and_arguments() -> None:
    doc = read_bytes(DOC.encode(), "doc.md")
    calls: list[str | None] = []

    def count(d: Document, tag: str | None) -> int:
        calls.append(tag)
        return len(d.facts.headings)

    assert doc.facts.derive(count, None) == 4
    assert doc.facts.derive(count, None) == 4
    assert doc.facts.derive(count, "en") == 4
    assert calls == [None, "en"]


def test_anchors_lead_to_the_headings_of_the_tree() -> None:
    doc = read_bytes(DOC.encode(), "doc.md")
    assert doc.anchors["11-linux"] is doc.facts.headings[2]


def test_a_tree_of_any_depth_nests_walks_and_paths_without_recursion() -> None:
    depth = 5000  # far past Python's recursion limit
    blocks: list[Heading | Paragraph] = []
    for k in range(depth):
        blocks.append(Heading(k + 1, None, f"Level {k + 1}", Span(2 * k + 1, 1, 2 * k + 1, 9)))
        blocks.append(Paragraph("Text.", Span(2 * k + 2, 1, 2 * k + 2, 5)))
    doc = outline.build("deep.txt", "text", "", (), blocks)
    assert len(doc.headings) == 1
    assert len(doc.facts.headings) == depth
    deepest = doc.facts.headings[-1]
    assert len(doc.facts.path(deepest)) == depth
    assert [b.text for b in deepest.body if isinstance(b, Paragraph)] == ["Text."]


def _raises(doc: Document, options: Mapping[str, Any]) -> Iterator[tuple[Span, str]]:
    yield Span(1, 1, 1, 1), "found before the failure"
    raise ZeroDivisionError("division by zero")


def test_a_failing_rule_is_one_internal_error_and_the_other_rules_still_run() -> None:
    broken = Rule("OL299", "broken-rule", "A rule that fails", _raises)
    settings = Settings(rules=(*select_rules(["OL201"]), broken))
    found = check_bytes(b"1. Alpha\n\nText here.\n\n3. Gamma\n\nText here.\n", "doc.txt", settings=settings)
    assert [(f.code, f.span.line, f.message) for f in found] == [
        (
            "OL002",
            1,
            "internal error in rule OL299 (broken-rule): ZeroDivisionError: division by zero; "
            "this is a bug in outlint, please report it with the file",
        ),
        ("OL201", 5, 'numbering gap: "3." follows "1." at the top level (expected "2.")'),
    ]


def test_a_failing_reader_is_one_internal_error_whatever_is_selected(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(data: bytes, path: str, **_options: object) -> Document:  # options: max_depth, slug
        raise IndexError("list index out of range")

    real = readers.reader
    monkeypatch.setattr(readers, "reader", lambda fmt: broken if fmt == "html" else real(fmt))
    settings = Settings(rules=select_rules(["OL1"]))
    found = check_bytes(b"<h1>T</h1>", "page.html", settings=settings)
    assert [(f.code, f.name, f.message) for f in found] == [
        (
            "OL002",
            "internal-error",
            "internal error in the html reader: IndexError: list index out of range; "
            "this is a bug in outlint, please report it with the file",
        )
    ]
    assert check_bytes(b"1. A\n\nText.\n", "doc.txt", settings=settings) == []


def test_every_rule_is_told_the_expected_language() -> None:
    seen: list[object] = []

    def spy(doc: Document, options: Mapping[str, Any]) -> Iterator[tuple[Span, str]]:
        seen.append(options["language"])
        return iter(())

    spying = Rule("OL298", "spy", "Records its options", spy)
    check_bytes(b"Text.\n", "doc.txt", settings=Settings(rules=(spying,), language="fr"))
    check_bytes(b"Text.\n", "doc.txt", settings=Settings(rules=(spying,)))
    assert seen == ["fr", None]
