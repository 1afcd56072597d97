"""Command line: ``outlint compare SOURCE TARGET``, a translation (or a new version) checked against its source."""

from __future__ import annotations

import sys
import time
from collections.abc import Sequence

import click

from outlint import readers
from outlint.cli import (
    EXIT_CLEAN,
    EXIT_ERROR,
    EXIT_FINDINGS,
    FAIL_ON,
    FormatSpec,
    _codes,
    _fail,
    _format_specs,
    _write,
    default_format,
    summary,
)
from outlint.formats import FORMATS, formatter
from outlint.linter import display_path, read_path, select_rules
from outlint.model import Document, Finding, ReadError
from outlint.rules import INTERNAL_ERROR
from outlint.slug import STYLES


def read_document(path: str, as_format: str | None, slug: str | None) -> Document:
    """Read one document of a pair, or end the command with a one-line error naming the file."""
    shown = display_path(path)
    try:
        return read_path(path, as_format, shown, slug=slug)
    except OSError as exc:
        _fail(f"{shown}: {exc.strerror or exc}")
    except ReadError as exc:
        _fail(f"{shown}: {exc.message}")
    except Exception as exc:  # a bug must still end in one line, not a traceback
        _fail(f"{shown}: internal error: {type(exc).__name__}: {exc}")


@click.command("compare")
@click.argument("source")
@click.argument("target")
@click.option(
    "--select", multiple=True, metavar="CODES", help="Only these rules (default: the pair rules, OL6; codes or names)."
)
@click.option("--ignore", multiple=True, metavar="CODES", help="Skip these rules (codes, prefixes or names).")
@click.option("--language", metavar="TAG", help="The target's main language (default: inferred from its text).")
@click.option("--source-language", metavar="TAG", help="The source's main language (default: inferred).")
@click.option("--config", "config_path", type=click.Path(dir_okay=False), help="Use this configuration file only.")
@click.option("--slug", type=click.Choice(STYLES), help="How Markdown heading anchors are made (default: github).")
@click.option("--as", "as_format", type=click.Choice(sorted(readers.READERS)), help="Read the target as this format.")
@click.option("--source-as", type=click.Choice(sorted(readers.READERS)), help="Read the source as this format.")
@click.option(
    "--format",
    "formats",
    multiple=True,
    metavar="FORMAT[:FILE]",
    callback=_format_specs,
    help=f"Report format: {', '.join(sorted(FORMATS))} (default: text). Repeatable: FORMAT:FILE writes a file.",
)
@click.option("--output", "-o", type=click.Path(dir_okay=False), help="Write the report to FILE instead of stdout.")
@click.option(
    "--fail-on",
    type=click.Choice(list(FAIL_ON)),
    default="error",
    show_default=True,
    help="Lowest severity that makes the exit status 1.",
)
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when there are findings (2 still means an error).")
def compare(
    source: str,
    target: str,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    language: str | None,
    source_language: str | None,
    config_path: str | None,
    slug: str | None,
    as_format: str | None,
    source_as: str | None,
    formats: list[FormatSpec],
    output: str | None,
    fail_on: str,
    exit_zero: bool,
) -> None:
    """Compare TARGET (a translation, or a new version) with SOURCE: sections missing, added, moved,
    misplaced or renumbered, much shorter or longer, or still in the source's language."""
    from outlint.compare import PAIR_FAMILY, check_pair  # slow to import: only this command needs it
    from outlint.config import ConfigError, Overrides, settings_for
    from outlint.profile import ProfileError

    start = time.perf_counter()
    try:
        select_rules(_codes(select) or [PAIR_FAMILY], _codes(ignore))
    except ValueError as exc:
        _fail(f"{exc}; see 'outlint rules'")
    overrides = Overrides(_codes(select) or [PAIR_FAMILY], _codes(ignore), None, language, config_path, slug)
    try:
        settings = settings_for(target, overrides)
    except (ConfigError, ProfileError) as exc:
        _fail(str(exc))
    src = read_document(source, source_as, settings.slug)
    tgt = read_document(target, as_format, settings.slug)
    findings = check_pair(src, tgt, settings, source_language)
    internal = any(f.code == INTERNAL_ERROR.code for f in findings)
    terminal = next((name for name, dest in formats if dest is None), default_format())
    for name, dest in [(terminal, output), *((n, t) for n, t in formats if t is not None)]:
        report = render(name, src, tgt, findings, source_language, settings.language)
        if dest:
            _write(dest, report)
        else:
            click.echo(report, nl=False)
    if terminal in ("text", "github"):
        counts = summary(1, findings, time.perf_counter() - start).split(": ", 1)[1]
        click.echo(f"Compared {tgt.path} with {src.path}: {counts}", err=True)
    threshold = None if exit_zero else FAIL_ON[fail_on]
    failing = threshold is not None and any(f.severity >= threshold for f in findings)
    sys.exit(EXIT_ERROR if internal else EXIT_FINDINGS if failing else EXIT_CLEAN)


def render(
    name: str,
    source: Document,
    target: Document,
    findings: Sequence[Finding],
    source_language: str | None,
    target_language: str | None,
) -> str:
    """One report of a comparison; the HTML report shows both outlines row by row."""
    if name == "html":
        from outlint.compare import compare as pair
        from outlint.formats.html import render_compare

        return render_compare(pair(source, target, source_language, target_language), findings)
    return formatter(name)(findings, [target.path])


def outline_pair(
    source: str, target: str, fmt: str, as_format: str | None, language: str | None, slug: str | None
) -> str:
    """``outline SOURCE --compare TARGET``: the two outlines row by row (text, json or html)."""
    from outlint import compare_view
    from outlint.compare import compare as pair
    from outlint.formats.html import render_compare

    src = read_document(source, None, slug)
    tgt = read_document(target, as_format, slug)
    cmp = pair(src, tgt, None, language)
    if fmt == "html":
        return render_compare(cmp, ())
    return compare_view.render_json(cmp) if fmt == "json" else compare_view.render_text(cmp)
