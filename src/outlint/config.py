"""Configuration: discovery (.outlint.toml, [tool.outlint]), extends, validation, and the settings per file."""

from __future__ import annotations

import os
import re
import reprlib
import tomllib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from outlint import inputs
from outlint.globs import Glob, compile_glob, matches_path
from outlint.inputs import DEFAULT_LIMITS, Limits
from outlint.linter import Settings, select_rules
from outlint.model import Rule, Severity
from outlint.rules import RULES, resolve
from outlint.slug import STYLES

CONFIG_FILES = (".outlint.toml", "pyproject.toml")
MAX_EXTENDS = 64  # a longer chain of 'extends' is a mistake (or an attack), never a setup
# "[tool.outlint]", "[tool.outlint.rules]", "tool.outlint.select = ..." in a pyproject.toml
_MENTIONS_TABLE = re.compile(rb"\btool[ \t]*\.[ \t]*[\"']?outlint\b")
SEVERITIES = {"error": Severity.ERROR, "warning": Severity.WARNING, "info": Severity.INFO}


class ConfigError(Exception):
    """A configuration that cannot be used; the message names the file, the key and what was expected."""


@dataclass(frozen=True, slots=True)
class Config:
    """One resolved configuration (after ``extends``); ``root`` anchors per-file-ignores globs."""

    path: str | None = None
    root: str = "."
    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] = ()
    # (folder of the file that set it, glob relative to that folder) -> codes; globs as in .gitignore
    per_file_ignores: Mapping[tuple[str, str], tuple[str, ...]] = field(default_factory=dict)
    # the same keys -> language tags that may appear in the files the glob matches
    allowed_languages: Mapping[tuple[str, str], tuple[str, ...]] = field(default_factory=dict)
    rules: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)  # code -> severity/options
    profile: str | None = None
    language: str | None = None
    slug: str | None = None
    sources: Mapping[str, str] = field(default_factory=dict)  # key -> the file that set it last


# --- the schema, generated from the rule registry -------------------------------------------


def _option_schema(default: Any) -> dict[str, Any]:
    if isinstance(default, bool):
        return {"type": "boolean"}
    if isinstance(default, int):
        return {"type": "integer", "minimum": 0}
    if isinstance(default, float):
        return {"type": "number"}
    if isinstance(default, list | tuple):
        return {"type": "array", "items": {"type": "string"}}
    return {"type": "string"}


def _rule_schema(rule: Rule) -> dict[str, Any]:
    props: dict[str, Any] = {"severity": {"$ref": "#/$defs/severity"}}
    for key, default in rule.options.items():
        if key == "profile":
            continue
        props[key] = {**_option_schema(default), "description": f"default: {default!r}"}
    return {
        "type": "object",
        "description": f"{rule.code} {rule.name}: {rule.summary}",
        "additionalProperties": False,
        "properties": props,
    }


def config_schema() -> dict[str, Any]:
    """The JSON Schema of the configuration; schemas/config.schema.json is this, and a test keeps it so."""
    codes = {"type": "array", "items": {"type": "string"}, "description": "rule codes, code prefixes or names"}
    rules: dict[str, Any] = {}
    for rule in RULES.values():
        rules[rule.code] = {"$ref": f"#/$defs/{rule.code}"}
        rules[rule.name] = {"$ref": f"#/$defs/{rule.code}"}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "urn:outlint:schema:config",
        "title": "outlint configuration",
        "description": "The keys of .outlint.toml, or of [tool.outlint] in pyproject.toml.",
        "type": "object",
        "additionalProperties": False,
        "properties": {
            "extends": {"type": "string", "description": "a configuration file to inherit from, relative to this one"},
            "select": codes,
            "ignore": codes,
            "per-file-ignores": {
                "type": "object",
                "description": "glob (relative to this file's folder) -> rules to ignore in matching files",
                "additionalProperties": codes,
            },
            "allowed-languages": {
                "type": "object",
                "description": "glob (relative to this file's folder) -> languages that may appear in matching "
                "files besides their main one (intentionally bilingual text), for the OL4xx rules",
                "additionalProperties": {"type": "array", "items": {"type": "string"}},
            },
            "profile": {"type": "string", "description": "a built-in profile name or a path to a profile schema"},
            "language": {"type": "string", "description": "the documents' main language, e.g. 'en', 'zh'"},
            "slug": {"enum": list(STYLES), "description": "how heading anchors are made"},
            "rules": {
                "type": "object",
                "description": "per-rule severity and options, by code or name",
                "additionalProperties": False,
                "properties": rules,
            },
        },
        "$defs": {
            "severity": {"enum": ["error", "warning", "info", "off"]},
            **{rule.code: _rule_schema(rule) for rule in RULES.values()},
        },
    }


# --- reading, validating, extending ---------------------------------------------------------


def _validate(data: dict[str, Any], source: str) -> None:
    from jsonschema import Draft202012Validator  # only when a configuration exists

    validator = Draft202012Validator(_schema())
    errors = sorted(validator.iter_errors(data), key=lambda e: list(map(str, e.absolute_path)))
    if not errors:
        _check_codes(data, source)
        return
    error = errors[0]
    key = ".".join(str(p) for p in error.absolute_path)
    if error.validator == "additionalProperties":
        allowed = sorted(error.schema.get("properties", {}))
        extra = sorted(set(error.instance) - set(allowed))
        where = f"{key}." if key else ""
        hint = "a rule code or name" if key == "rules" else "one of " + ", ".join(allowed)
        raise ConfigError(f"{source}: unknown key '{where}{extra[0]}' (expected {hint})")
    explain: dict[str, Callable[[], str]] = {
        "type": lambda: f"expected {error.validator_value}",
        "enum": lambda: "expected one of " + ", ".join(map(str, error.validator_value)),
        "minimum": lambda: f"expected a number >= {error.validator_value}",
    }
    expected = explain.get(str(error.validator), lambda: str(error.message))()
    raise ConfigError(f"{source}: '{key}': {expected}, found {_shown(error.instance)}")


@lru_cache(maxsize=1)
def _schema() -> dict[str, Any]:
    return config_schema()


def _check_codes(data: Mapping[str, Any], source: str) -> None:
    lists = [("select", data.get("select", [])), ("ignore", data.get("ignore", []))]
    lists += [(f"per-file-ignores.{g}", v) for g, v in data.get("per-file-ignores", {}).items()]
    for key, values in lists:
        for value in values:
            if not resolve(value):
                raise ConfigError(f"{source}: '{key}': unknown rule {value!r} (see 'outlint rules')")


def _parse_toml(path: str) -> dict[str, Any]:
    try:
        text = inputs.read_text(path)
    except inputs.InputError as exc:
        raise ConfigError(f"{path}: cannot read: {exc.message}") from None
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from None
    except RecursionError:
        raise ConfigError(f"{path}: invalid TOML: nested too deeply") from None


def _load_table(path: str) -> dict[str, Any] | None:
    data = _parse_toml(path)
    if os.path.basename(path) != "pyproject.toml":
        return data
    tool = data.get("tool")
    if not isinstance(tool, dict) or "outlint" not in tool:
        return None
    if not isinstance(tool["outlint"], dict):
        raise ConfigError(f"{path}: 'tool.outlint' must be a table, found {_shown(tool['outlint'])}")
    return tool["outlint"]


def _shown(value: Any) -> str:
    """A value for a message: short, and safe on deeply nested data."""
    return reprlib.repr(value)


def load(path: str) -> Config:
    """Read a configuration file (following ``extends``); ConfigError on anything wrong."""
    chain: list[tuple[str, dict[str, Any]]] = []
    seen: set[str] = set()
    while True:
        real = os.path.realpath(path)
        if real in seen:
            raise ConfigError(f"{path}: 'extends' loops back to this file")
        if len(chain) >= MAX_EXTENDS:
            raise ConfigError(f"{chain[0][0]}: 'extends' chain longer than {MAX_EXTENDS} files (at {path})")
        seen.add(real)
        table = _load_table(path)
        if table is None:
            raise ConfigError(f"{path}: no [tool.outlint] table")
        _validate(table, path)
        chain.append((path, table))
        if "extends" not in table:
            break
        parent = os.path.join(os.path.dirname(path), table["extends"])
        if not os.path.exists(parent):
            raise ConfigError(f"{path}: 'extends': no such file {table['extends']!r}")
        path = parent
    base = Config()
    for where, table in reversed(chain):
        base = _merge(base, table, where)
    return base


def _merge(base: Config, table: Mapping[str, Any], path: str) -> Config:
    rules = {code: dict(opts) for code, opts in base.rules.items()}
    for key, opts in table.get("rules", {}).items():
        code = resolve(key)[0].code
        rules.setdefault(code, {}).update(opts)
    root = os.path.dirname(os.path.abspath(path))
    pfi = dict(base.per_file_ignores)
    for glob, codes in table.get("per-file-ignores", {}).items():
        pfi[(root, glob)] = tuple(codes)
    allowed = dict(base.allowed_languages)
    for glob, tags in table.get("allowed-languages", {}).items():
        allowed[(root, glob)] = tuple(tags)
    select = table.get("select")
    return Config(
        path=path,
        root=root,
        select=tuple(select) if select is not None else base.select,
        ignore=(*base.ignore, *table.get("ignore", ())),
        per_file_ignores=pfi,
        allowed_languages=allowed,
        rules=rules,
        profile=_profile_path(table.get("profile"), root) or base.profile,
        language=table.get("language", base.language),
        slug=table.get("slug", base.slug),
        sources={**base.sources, **dict.fromkeys(table, path)},
    )


def _profile_path(value: str | None, root: str) -> str | None:
    if value is None:
        return None
    if value.endswith(".json") or os.sep in value or "/" in value:
        return os.path.join(root, value)
    return value


@lru_cache(maxsize=256)
def discover(directory: str) -> str | None:
    """The nearest .outlint.toml, or pyproject.toml with [tool.outlint], from a folder upwards."""
    current = os.path.abspath(directory)
    while True:
        for name in CONFIG_FILES:
            candidate = os.path.join(current, name)
            if os.path.isfile(candidate) and (name != "pyproject.toml" or _has_tool_table(candidate)):
                return candidate
        parent = os.path.dirname(current)
        if parent == current:
            return None
        current = parent


def _has_tool_table(path: str) -> bool:
    """Whether a pyproject.toml configures outlint. One that cannot be read or parsed counts when its
    text mentions the table, so that loading it reports the problem instead of running on defaults."""
    try:
        tool = _parse_toml(path).get("tool")
        return isinstance(tool, dict) and "outlint" in tool
    except ConfigError:
        pass
    try:
        with open(path, "rb") as fh:
            head = fh.read(inputs.SMALL_FILE_BYTES)
    except OSError:
        return False
    return _MENTIONS_TABLE.search(head) is not None


@lru_cache(maxsize=64)
def _load_cached(path: str) -> Config:
    return load(path)


def config_for(file: str, explicit: str | None = None) -> Config:
    """The configuration that applies to a file: ``explicit`` if given, else the discovered one."""
    if explicit:
        return _load_cached(explicit)
    directory = os.path.dirname(os.path.abspath(file)) if file != "-" else os.getcwd()
    found = discover(directory)
    return _load_cached(found) if found else Config()


# --- settings for one file ------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Overrides:
    """What the command line says; it wins over the configuration."""

    select: Sequence[str] = ()
    ignore: Sequence[str] = ()
    profile: str | None = None
    language: str | None = None
    config: str | None = None
    slug: str | None = None
    extend_select: Sequence[str] = ()  # added to the configured selection, not replacing it
    isolated: bool = False  # no configuration file at all
    limits: Limits = DEFAULT_LIMITS


def settings_for(file: str, cli: Overrides | None = None) -> Settings:
    """The Settings to check ``file`` with: configuration, per-file ignores and command-line overrides."""
    cli = cli or Overrides()
    cfg = Config() if cli.isolated else config_for(file, cli.config)
    select = list(cli.select) or list(cfg.select or ())
    if select and cli.extend_select:  # nothing selected is everything: there is nothing to add to
        select += cli.extend_select
    ignore = [*cfg.ignore, *cli.ignore]
    for _glob_text, codes in matching_ignores(cfg, file):
        ignore.extend(codes)
    options: dict[str, dict[str, Any]] = {}
    severities: dict[str, Severity] = {}
    for code, opts in cfg.rules.items():
        severity = opts.get("severity")
        if severity == "off":
            ignore.append(code)
        elif severity:
            severities[code] = SEVERITIES[severity]
        options[code] = {k: v for k, v in opts.items() if k != "severity"}
    allowed = [tag for _glob_text, tags in matching(cfg.allowed_languages, file) for tag in tags]
    if allowed:
        for code in LANGUAGE_RULES:
            opts = options.setdefault(code, {})
            opts["allow"] = [*opts.get("allow", RULES[code].options.get("allow", [])), *allowed]
    profile_name = cli.profile or cfg.profile
    if profile_name:
        options.setdefault("OL501", {})["profile"] = _profile(profile_name)
    return Settings(
        rules=select_rules(select, ignore),
        options=options,
        severities=severities,
        language=cli.language or cfg.language,
        slug=cli.slug or cfg.slug,
        limits=cli.limits,
    )


LANGUAGE_RULES = ("OL401", "OL402", "OL403", "OL404")


def matching_ignores(cfg: Config, file: str) -> list[tuple[str, tuple[str, ...]]]:
    """The per-file-ignores entries ``(glob, codes)`` whose glob matches ``file``."""
    return matching(cfg.per_file_ignores, file)


def matching(table: Mapping[tuple[str, str], tuple[str, ...]], file: str) -> list[tuple[str, tuple[str, ...]]]:
    """The entries ``(glob, values)`` of a per-file table whose glob, relative to the folder of the
    configuration that set it, matches ``file`` as .gitignore globs do."""
    absolute = os.path.abspath(file)
    out = []
    for (root, glob), values in table.items():
        rel = os.path.relpath(absolute, root).replace(os.sep, "/")
        if not rel.startswith("../") and matches_path(_glob(glob), rel):
            out.append((glob, values))
    return out


@lru_cache(maxsize=256)
def _glob(text: str) -> Glob:
    return compile_glob(text.rstrip("/"))


@lru_cache(maxsize=16)
def _profile(name: str) -> Any:
    from outlint.profile import load as load_profile

    return load_profile(name)
