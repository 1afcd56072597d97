"""Limits as options (issue 14, part 5): nesting past --max-depth is one OL001 naming the limit and how
to raise it; raised, the same document is read and checked without failing (D2, D3, D4)."""

from __future__ import annotations

import importlib.util
from types import ModuleType

import pytest

from outlint.inputs import Limits
from outlint.linter import Settings, check_bytes
from tests.conftest import ROOT
from tests.robustness.conftest import GAP_MD, outlint


def _shapes() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_shapes", ROOT / "bench" / "shapes.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


SHAPES = _shapes()
DEEP = [
    pytest.param("text", SHAPES.deep_numbers_text, id="D4-text-sections"),
    pytest.param("markdown", SHAPES.deep_quotes_md, id="markdown-quotes"),
    pytest.param("markdown", SHAPES.deep_lists_md, id="markdown-lists"),
    pytest.param("html", SHAPES.deep_divs_html, id="D3-html-divs"),
    pytest.param("html", SHAPES.deep_inline_html, id="D2-html-inline"),
    pytest.param("html", SHAPES.deep_lists_html, id="html-lists"),
]


@pytest.mark.parametrize(("fmt", "make"), DEEP)
def test_nesting_past_the_limit_is_one_finding_and_raising_it_reads_the_document(fmt: str, make) -> None:  # type: ignore[no-untyped-def]
    data = make(1000)
    path = f"deep{SHAPES.SUFFIX[fmt]}"
    found = check_bytes(data, path, fmt, Settings())
    assert [(f.code, f.message.split(" (")[0]) for f in found] == [
        ("OL001", "cannot read file: nesting deeper than the limit of 256 levels")
    ], found
    assert found[0].message.endswith("raise it with --max-depth")
    raised = check_bytes(data, path, fmt, Settings(limits=Limits(max_depth=100_000)))
    assert not [f for f in raised if f.code in ("OL001", "OL002")], raised


def test_the_depth_limit_is_a_command_line_option(tmp_path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "deep.txt").write_bytes(SHAPES.deep_numbers_text(40))
    (tmp_path / "ok.md").write_text(GAP_MD)
    ran = outlint("check", "--max-depth", "10", "deep.txt", "ok.md", cwd=tmp_path)
    assert ran.out.splitlines()[0] == (
        "deep.txt:1:1: OL001 [error] cannot read file: nesting deeper than the limit of 10 levels (40); "
        "raise it with --max-depth (unreadable)"
    )
    assert "ok.md:7:1: OL201" in ran.out
    assert "OL001" not in outlint("check", "--max-depth", "50", "deep.txt", cwd=tmp_path).out
    assert outlint("check", "--max-depth", "0", "deep.txt", cwd=tmp_path).code == 2
