"""Document profiles: JSON Schemas over the outline, and their errors as readable findings."""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urljoin, urlsplit

from outlint import inputs
from outlint.model import Span


class ProfileError(Exception):
    """A profile that cannot be found or is not a valid JSON Schema (a usage error)."""


@dataclass(frozen=True, slots=True)
class Profile:
    """A loaded profile: its name and a validator for its schema (compiled once per run)."""

    name: str
    validator: Any  # jsonschema.protocols.Validator; Any keeps jsonschema out of start-up imports


def load(name_or_path: str) -> Profile:
    """A built-in profile by name, or a profile file by path; ProfileError says what is wrong.

    ``$ref`` resolves only inside the schemas outlint ships and in local files: a reference to any
    other address is refused when the profile is loaded, and nothing is ever fetched."""
    from jsonschema import Draft202012Validator, SchemaError  # a profile run only: 80 ms of imports

    from outlint import resources  # importlib.resources: only when a profile is used

    text = resources.profile_text(name_or_path)
    source = f"built-in profile {name_or_path!r}"
    base = f"urn:outlint:profile:{name_or_path}"
    if text is None:
        if not os.path.exists(name_or_path):
            names = ", ".join(resources.profile_names())
            raise ProfileError(f"no profile {name_or_path!r}: not a built-in profile ({names}) nor a file")
        source = name_or_path
        base = Path(name_or_path).resolve().as_uri()
        try:
            text = inputs.read_text(name_or_path)
        except inputs.InputError as exc:
            raise ProfileError(f"{source}: cannot read: {exc.message}") from None
    schema = _json(text, source)
    try:
        Draft202012Validator.check_schema(schema)
    except SchemaError as exc:
        where = "/".join(str(p) for p in exc.absolute_path) or "the top level"
        raise ProfileError(f"{source}: not a valid JSON Schema at {where}: {exc.message}") from None
    except RecursionError:
        raise ProfileError(f"{source}: not a valid JSON Schema: nested too deeply") from None
    if not isinstance(schema, dict):
        raise ProfileError(f"{source}: a profile must be a JSON object (a schema), found {type(schema).__name__}")
    if "$id" not in schema:
        schema = {"$id": base, **schema}  # relative references resolve next to the profile's file
    registry = _registry()
    _check_refs(schema, source, registry)
    validator = Draft202012Validator(schema, registry=registry)
    _try(validator, source)
    name = schema.get("title") or os.path.basename(name_or_path).removesuffix(".json")
    return Profile(str(name), validator)


def _json(text: str, source: str) -> Any:
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise ProfileError(f"{source}: not valid JSON: {exc.msg} at line {exc.lineno} column {exc.colno}") from None
    except RecursionError:
        raise ProfileError(f"{source}: not valid JSON: nested too deeply") from None


def _registry() -> Any:
    """Where ``$ref`` may lead: the shipped schemas by their ``$id``, local files by ``file:`` URI."""
    from referencing import Registry, Resource
    from referencing.jsonschema import DRAFT202012

    from outlint import resources

    shipped = [
        (str(data["$id"]), Resource.from_contents(data, default_specification=DRAFT202012))
        for data in (resources.schema("outline.schema.json"), resources.schema("config.schema.json"))
    ]
    for name in resources.profile_names():
        data = json.loads(resources.profile_text(name) or "{}")
        shipped.append((f"urn:outlint:profile:{name}", Resource.from_contents(data, default_specification=DRAFT202012)))
    return Registry(retrieve=_retrieve).with_resources(shipped)  # type: ignore[call-arg]


def _retrieve(uri: str) -> Any:
    """A referenced local file as a schema resource; any other address is refused, never fetched."""
    from referencing import Resource
    from referencing.exceptions import NoSuchResource
    from referencing.jsonschema import DRAFT202012

    parts = urlsplit(uri)
    if parts.scheme != "file" or parts.netloc not in ("", "localhost"):
        raise NoSuchResource(ref=uri)  # type: ignore[call-arg]  # an attrs class mypy cannot see into
    path = unquote(parts.path)
    try:
        data = _json(inputs.read_text(path), path)
    except inputs.InputError as exc:
        raise ProfileError(f"{path}: cannot read: {exc.message}") from None
    return Resource.from_contents(data, default_specification=DRAFT202012)


def _refs(schema: Any) -> Iterator[str]:
    """Every ``$ref`` and ``$dynamicRef`` in a schema, walked without recursion."""
    stack = [schema]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            for key in ("$ref", "$dynamicRef"):
                if isinstance(node.get(key), str):
                    yield node[key]
            stack.extend(node.values())
        elif isinstance(node, list):
            stack.extend(node)


def _check_refs(schema: dict[str, Any], source: str, registry: Any) -> None:
    """Resolve every reference now, so that a profile with a remote or broken ``$ref`` is a usage error
    before any file is checked, not a failure per file."""
    from jsonschema_specifications import REGISTRY as SPECIFICATIONS  # type: ignore[import-untyped]  # no hints
    from referencing.exceptions import Unresolvable
    from referencing.jsonschema import DRAFT202012

    resolver = SPECIFICATIONS.combine(registry).resolver_with_root(DRAFT202012.create_resource(schema))
    for ref in _refs(schema):
        try:
            resolver.lookup(ref)
        except Unresolvable as exc:
            target = urljoin(str(schema["$id"]), ref)
            if urlsplit(target).scheme not in ("file", "urn", ""):
                raise ProfileError(
                    f"{source}: '$ref' {ref!r} points outside the profile's own files; outlint resolves "
                    "references only in local files and its own schemas, never on the network"
                ) from None
            raise ProfileError(f"{source}: '$ref' {ref!r} cannot be resolved: {_why(exc)}") from None
        except RecursionError:
            raise ProfileError(f"{source}: '$ref' {ref!r}: the references loop without end") from None


def _why(exc: BaseException) -> str:
    """The first ProfileError in the chain of causes (a local file that cannot be read), or the kind."""
    cause: BaseException | None = exc
    while cause is not None:
        if isinstance(cause, ProfileError):
            return str(cause)
        cause = cause.__cause__ or cause.__context__
    return "no such schema" if "Pointer" not in type(exc).__name__ else "no such place in the schema"


def _try(validator: Any, source: str) -> None:
    """Run the profile once on trivial outlines: a ``$ref`` loop that never reaches the document
    (``{"$ref": "#"}``) shows here, as a usage error, instead of in every file."""
    try:
        trivial: tuple[dict[str, Any], ...] = ({}, {"headings": [], "toc": []})
        for instance in trivial:
            for _ in validator.iter_errors(instance):
                pass
    except RecursionError:
        raise ProfileError(f"{source}: its '$ref' references loop without end") from None


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
    """Each schema error as (span of the nearest node, 'where: what was expected').

    A profile whose references loop on this outline gives one finding saying so, not a crash."""
    from referencing.exceptions import Unresolvable

    try:
        errors = sorted(profile.validator.iter_errors(outline), key=lambda e: list(map(str, e.absolute_path)))
    except RecursionError:
        yield Span(1, 1, 1, 1), f"document: the profile's '$ref' references loop without end (profile {profile.name})"
        return
    except Unresolvable as exc:  # a reference inside a nested $id scope, refused here rather than fetched
        yield (
            Span(1, 1, 1, 1),
            f"document: the profile's '$ref' {exc.ref!r} cannot be resolved (profile {profile.name})",
        )
        return
    for error in errors:
        span, where = locate(outline, list(error.absolute_path))
        yield span, f"{where}: {_expected(error)} (profile {profile.name})"
