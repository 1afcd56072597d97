"""The JSON Schemas shipped inside the package: the outline, the configuration and the profiles."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any


@cache
def _schemas() -> Traversable:
    # Installed: outlint/schemas inside the package. From a source checkout (editable install):
    # the repository's top-level schemas/ folder.
    inside = resources.files("outlint").joinpath("schemas")
    if inside.is_dir():
        return inside
    return Path(__file__).resolve().parents[2] / "schemas"


@cache
def schema(name: str) -> dict[str, Any]:
    """A schema by file name, e.g. ``outline.schema.json``."""
    data: dict[str, Any] = json.loads(_schemas().joinpath(name).read_text(encoding="utf-8"))
    return data


def profile_names() -> list[str]:
    """Names of the built-in profiles (``white-paper``, ``rfc``, ``readme``, ...)."""
    folder = _schemas().joinpath("profiles")
    return sorted(p.name[: -len(".json")] for p in folder.iterdir() if p.name.endswith(".json"))


def profile_text(name: str) -> str | None:
    """The text of a built-in profile, or None when there is no such profile."""
    if name not in profile_names():
        return None
    return _schemas().joinpath("profiles", name + ".json").read_text(encoding="utf-8")
