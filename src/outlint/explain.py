"""``check --show-settings PATH``: the settings one file is checked with, and where each came from."""

from __future__ import annotations

from collections.abc import Sequence

from outlint.config import Config, Overrides, config_for, matching_ignores, settings_for
from outlint.linter import display_path

CLI, DEFAULT = "command line", "default"


def _shown(values: Sequence[str] | str | None) -> str:
    if values is None or values == "" or (not isinstance(values, str) and not values):
        return "(none)"
    return values if isinstance(values, str) else ", ".join(values)


def _source(cfg: Config, key: str) -> str:
    where = cfg.sources.get(key)
    return display_path(where) if where else DEFAULT


def show(path: str, cli: Overrides) -> str:
    """The report ``--show-settings`` prints (ConfigError, ProfileError as for a check)."""
    cfg = Config() if cli.isolated else config_for(path, cli.config)
    settings = settings_for(path, cli)
    if cli.isolated:
        origin = "none (--isolated)"
    elif cfg.path:
        origin = display_path(cfg.path) + (" (--config)" if cli.config else "")
    else:
        origin = "none found (defaults)"
    rows: list[tuple[str, str, str]] = []

    def row(key: str, value: Sequence[str] | str | None, given: Sequence[str] | str | None, cfg_key: str) -> None:
        rows.append((key, _shown(given or value), CLI if given else _source(cfg, cfg_key)))

    row("select", cfg.select, cli.select, "select")
    if cli.extend_select:
        rows.append(("extend-select", _shown(cli.extend_select), CLI))
    ignore_from = [s for s in (_source(cfg, "ignore") if cfg.ignore else "", CLI if cli.ignore else "") if s]
    rows.append(("ignore", _shown([*cfg.ignore, *cli.ignore]), " + ".join(ignore_from) or DEFAULT))
    row("language", cfg.language, cli.language, "language")
    row("profile", cfg.profile, cli.profile, "profile")
    row("slug", cfg.slug, cli.slug, "slug")
    matched = [f"{glob} -> {', '.join(codes)}" for glob, codes in matching_ignores(cfg, path)]
    rows.append(("per-file-ignores", _shown(matched), _source(cfg, "per-file-ignores") if matched else DEFAULT))
    width = max(len(key) for key, _, _ in rows)
    lines = [f"Settings for {display_path(path)}", f"configuration file: {origin}"]
    lines += [f"  {key:<{width}}  {value}    [{source}]" for key, value, source in rows]
    codes = [r.code for r in settings.rules]
    lines.append(f"rules ({len(codes)}): {', '.join(codes)}")
    for code, severity in sorted(settings.severities.items()):
        lines.append(f"  {code} severity = {severity}    [{_source(cfg, 'rules')}]")
    for code, opts in sorted(settings.options.items()):
        for key, value in sorted(opts.items()):
            if key != "profile":
                lines.append(f"  {code} {key} = {value!r}    [{_source(cfg, 'rules')}]")
    return "\n".join(lines) + "\n"
