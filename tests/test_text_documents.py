"""Realistic plain-text documents (RFC, Sphinx, DocBook, book, reports, translations), clean and faulty.

tests/data/text/expected.json lists each faulty document's injected faults by kind and line
(MANIFEST.md explains each one); clean documents must give no finding at all.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from outlint.linter import check_path
from tests.conftest import ROOT

DATA = ROOT / "tests" / "data" / "text"
EXPECTED: dict[str, list[dict[str, object]]] = json.loads((DATA / "expected.json").read_text(encoding="utf-8"))
CODE = {
    "toc-entry-missing-heading": "OL101",
    "heading-missing-from-toc": "OL102",
    "title-differs": "OL103",
    "number-differs": "OL104",
    "order-differs": "OL105",
    "numbering-gap": "OL201",
    "numbering-duplicate": "OL202",
    "numbering-backwards": "OL203",
    "numbering-start": "OL204",
    "wrong-parent": "OL205",
    "level-skip": "OL206",
    "empty-section": "OL301",
    "cut-mid-sentence": "OL302",
    "blank-run": "OL303",
    "ends-early": "OL304",
    "fragment": "OL305",
    "foreign-paragraph": "OL401",
}


def expected(name: str) -> list[tuple[str, int]]:
    lines = (DATA / name).read_text(encoding="utf-8").split("\n")
    out = []
    for fault in EXPECTED[name]:
        code, line = CODE[str(fault["fault"])], int(str(fault["line"]))
        if code == "OL302":  # reported where the text stops: the paragraph's last line
            while line < len(lines) and lines[line].strip():
                line += 1
        out.append((code, line))
    return sorted(out, key=lambda t: (t[1], t[0]))


@pytest.mark.parametrize("name", sorted(EXPECTED), ids=sorted(EXPECTED))
def test_document(name: str) -> None:
    found = [(f.code, f.span.line) for f in check_path(str(DATA / name))]
    assert sorted(found, key=lambda t: (t[1], t[0])) == expected(name)


def test_every_clean_document_has_a_faulty_twin() -> None:
    names = set(EXPECTED)
    assert {n.replace("-clean", "-faulty") for n in names if "-clean" in n} <= names
    assert len([n for n in names if "-faulty" in n]) >= 7
    assert all((DATA / n).exists() for n in names)
    assert Path(DATA / "MANIFEST.md").exists()
