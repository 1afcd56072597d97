"""Shared test helpers: golden files (``pytest --update-golden`` rewrites them; review the diff like code)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-golden", action="store_true", help="rewrite golden files from current output")


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


@pytest.fixture
def golden(update_golden: bool) -> Callable[[Path, str], None]:
    def compare(path: Path, actual: str) -> None:
        if update_golden:
            path.write_text(actual, encoding="utf-8", newline="\n")
        assert path.exists(), f"missing golden file {path.name}; run pytest --update-golden"
        assert actual == path.read_bytes().decode("utf-8")  # bytes: a CR must not pass for a LF

    return compare
