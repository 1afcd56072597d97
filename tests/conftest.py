"""Shared test helpers: check inline documents, compare golden files (``--update-golden`` rewrites them)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from outlint.linter import Settings, check_bytes, select_rules
from outlint.model import Finding

ROOT = Path(__file__).resolve().parent.parent


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-golden", action="store_true", help="rewrite golden files from current output")


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


def lint(
    text: str | bytes, select: str = "ALL", fmt: str = "text", path: str = "doc.txt", language: str | None = None
) -> list[Finding]:
    data = text.encode("utf-8") if isinstance(text, str) else text
    settings = Settings(rules=select_rules(select.split(",")), language=language)
    return check_bytes(data, path, fmt, settings)


def codes_lines(text: str | bytes, select: str = "ALL", **kw: object) -> list[tuple[str, int]]:
    return [(f.code, f.span.line) for f in lint(text, select, **kw)]  # type: ignore[arg-type]


@pytest.fixture
def golden(update_golden: bool) -> Callable[[Path, str], None]:
    def compare(path: Path, actual: str) -> None:
        if update_golden:
            path.write_text(actual, encoding="utf-8", newline="\n")
        assert path.exists(), f"missing golden file {path.name}; run pytest --update-golden"
        assert actual == path.read_bytes().decode("utf-8")  # bytes: a CR must not pass for a LF

    return compare
