"""Document profiles: JSON Schemas over the outline, and their errors as readable findings."""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from outlint import resources
from outlint.model import Span


class ProfileError(Exception):
    """A profile that cannot be found or is not a valid JSON Schema (a usage error)."""


@dataclass(frozen=True, slots=True)
class Profile:
    """A loaded profile: its name and a validator for its schema (compiled once per run)."""

    name: str
    validator: Any  # jsonschema.protocols.Validator; Any keeps jsonschema out of start-up imports


def load(name_or_path: str) -> Profile:
    """A built-in profile by name, or a profile file by path; ProfileError says what is wrong."""
    from jsonschema import Draft202012Validator, SchemaError  # a profile run only: 80 ms of imports

    text = resources.profile_text(name_or_path)
    source = f"built-in profile {name_or_path!r}"
    if text is None:
        if not os.path.exists(name_or_path):
            names = ", ".join(resources.profile_names())
            raise ProfileError(f"no profile {name_or_path!r}: not a built-in profile ({names}) nor a file")
        source = name_or_path
        try:
            with open(name_or_path, encoding="utf-8") as fh:
                text = fh.read()
        except (OSError, UnicodeDecodeError) as exc:
            raise ProfileError(f"{source}: cannot read: {exc}") from None
    try:
        schema = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ProfileError(f"{source}: not valid JSON: {exc.msg} at line {exc.lineno} column {exc.colno}") from None
    try:
        Draft202012Validator.check_schema(schema)
    except SchemaError as exc:
        where = "/".join(str(p) for p in exc.absolute_path) or "the top level"
        raise ProfileError(f"{source}: not a valid JSON Schema at {where}: {exc.message}") from None
    name = schema.get("title") or os.path.basename(name_or_path).removesuffix(".json")
    return Profile(str(name), Draft202012Validator(schema))


def _span(node: dict[str, Any]) -> Span:
    s = node["span"]
    return Span(s["line"], s["column"], s["end_line"], s["end_column"])


def _describe(node: dict[str, Any], kind: str) -> str:
    number = node.get("number")
    label = f"{number['label']} {node['title']}" if number else node.get("title", "")
    label = " ".join(label.split())
    if len(label) > 60:
        label = label[:57].rsplit(" ", 1)[0] + "..."
    return f'{kind} "{label}"'


def locate(outline: dict[str, Any], path: list[str | int]) -> tuple[Span, str]:
    """The span and name of the outline node nearest to an instance path (walking up to one with a span)."""
    span = Span(1, 1, 1, 1)
    where = "document"
    node: Any = outline
    parent_key: str | int | None = None
    for key in path:
        try:
            node = node[key]
        except (KeyError, IndexError, TypeError):
            break
        if isinstance(node, dict) and isinstance(node.get("span"), dict) and "title" in node:
            span = _span(node)
            where = _describe(node, "contents entry" if parent_key == "entries" else "section")
        parent_key = key if isinstance(key, str) else parent_key
    return span, where


def _expected(error: Any) -> str:
    """What the schema expected, in words: its ``description`` if it has one, else from the keyword."""
    described = error.schema.get("description") if isinstance(error.schema, dict) else None
    if described:
        return str(described)
    kw, value, inst = error.validator, error.validator_value, error.instance
    found = _summary(inst)
    messages: dict[str, Callable[[], str]] = {
        "required": lambda: f"missing {', '.join(repr(k) for k in value if k not in (inst or {}))}",
        "minItems": lambda: f"expected at least {value} item(s), found {len(inst)}",
        "maxItems": lambda: f"expected at most {value} item(s), found {len(inst)}",
        "minimum": lambda: f"expected at least {value}, found {found}",
        "maximum": lambda: f"expected at most {value}, found {found}",
        "pattern": lambda: f"expected text matching /{value}/, found {found}",
        "const": lambda: f"expected {_summary(value)}, found {found}",
        "enum": lambda: f"expected one of {', '.join(_summary(v) for v in value)}, found {found}",
        "type": lambda: f"expected {value}, found {found}",
        "contains": lambda: "expected an item matching the profile, found none",
        "not": lambda: f"{found} is not allowed here",
    }
    return messages.get(kw, lambda: str(error.message))()


def _summary(value: Any) -> str:
    if value is None:
        return "none"
    if isinstance(value, str):
        return repr(value if len(value) <= 40 else value[:37] + "...")
    if isinstance(value, dict):
        return "an object"
    if isinstance(value, list):
        return f"{len(value)} item(s)"
    return json.dumps(value)


def violations(profile: Profile, outline: dict[str, Any]) -> Iterator[tuple[Span, str]]:
    """Each schema error as (span of the nearest node, 'where: what was expected')."""
    for error in sorted(profile.validator.iter_errors(outline), key=lambda e: list(map(str, e.absolute_path))):
        span, where = locate(outline, list(error.absolute_path))
        yield span, f"{where}: {_expected(error)} (profile {profile.name})"
