"""The JSON contracts: the outline schema holds for every sample; generated files are current."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from outlint import docs, export, resources
from outlint.linter import read_bytes
from tests.conftest import ROOT

SAMPLES = sorted(p for p in (ROOT / "samples").iterdir() if p.is_file() and p.suffix != ".expected")


def test_outline_schema_is_a_valid_schema() -> None:
    Draft202012Validator.check_schema(resources.schema("outline.schema.json"))


@pytest.mark.parametrize("sample", SAMPLES, ids=[p.name for p in SAMPLES])
def test_sample_outline_validates(sample: Path) -> None:
    doc = read_bytes(sample.read_bytes(), f"samples/{sample.name}")
    data = json.loads(export.render_json(doc))
    errors = list(Draft202012Validator(resources.schema("outline.schema.json")).iter_errors(data))
    assert [e.message for e in errors] == []


def test_outline_schema_rejects_a_wrong_outline() -> None:
    validator = Draft202012Validator(resources.schema("outline.schema.json"))
    assert not validator.is_valid({"path": "x"})
    doc = read_bytes((ROOT / "samples" / SAMPLES[0].name).read_bytes(), "x.txt")
    data = export.as_dict(doc)
    data["headings"][0]["span"]["line"] = 0
    assert not validator.is_valid(data)


def test_packaged_schema_is_the_repository_file() -> None:
    assert resources.schema("outline.schema.json") == json.loads((ROOT / "schemas" / "outline.schema.json").read_text())
    assert resources.profile_names() == sorted(p.stem for p in (ROOT / "schemas" / "profiles").glob("*.json"))


def test_config_schema_is_current() -> None:
    assert (ROOT / "schemas" / "config.schema.json").read_text() == docs.config_schema_json(), (
        "schemas/config.schema.json is stale: run python -m outlint.docs"
    )


def test_rules_docs_are_current() -> None:
    assert (ROOT / "docs" / "rules.md").read_text() == docs.rules_markdown(), (
        "docs/rules.md is stale: run python -m outlint.docs"
    )
    readme = (ROOT / "README.md").read_text()
    assert docs.readme_with_table(readme) == readme, "the README's rule table is stale: run python -m outlint.docs"


def test_every_rule_doc_has_the_guide_headings() -> None:
    from outlint.rules import RULES

    for rule in RULES.values():
        heads = [line for line in rule.doc.splitlines() if line.startswith("## ")]
        assert heads == ["## What it does", "## Why is this bad?", "## Example", "## Options"], rule.code
