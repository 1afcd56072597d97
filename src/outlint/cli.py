"""Command line: ``outlint check``, ``outlint outline`` and ``outlint rules``."""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Iterator, Sequence

import click

from outlint import __version__, readers
from outlint.formats import FORMATS, formatter
from outlint.linter import check_bytes, check_path, display_path, read_bytes, select_rules, unreadable
from outlint.model import Finding, ReadError
from outlint.rules import RULES, resolve
from outlint.slug import STYLES

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


def _codes(values: Sequence[str]) -> list[str]:
    return [c.strip() for v in values for c in v.split(",") if c.strip()]


def iter_files(paths: Sequence[str]) -> Iterator[tuple[str, str | None]]:
    """(path, problem) for every file to check: explicit files as given, directories walked for
    the formats outlint reads (hidden entries skipped), in a stable order."""
    for path in paths:
        if path == "-" or not os.path.isdir(path):
            yield path, None
            continue
        for root, dirs, files in os.walk(path, onerror=None, followlinks=False):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            for name in sorted(files):
                if name.startswith(".") or readers.format_for(name) is None or name.endswith(".expected"):
                    continue
                yield os.path.join(root, name), None


def write_atomic(path: str, text: str) -> None:
    """Write a whole file or nothing: a temporary file in the same directory, then a rename."""
    directory = os.path.dirname(os.path.abspath(path))
    fd, tmp = tempfile.mkstemp(prefix=".outlint-", dir=directory)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def _fail(message: str) -> None:
    click.echo(f"outlint: error: {message}", err=True)
    sys.exit(EXIT_ERROR)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="outlint")
def main() -> None:
    """Check the structure of documents: contents vs headings, numbering, truncation and language."""


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "--format", "fmt", type=click.Choice(sorted(FORMATS)), default="text", show_default=True, help="Output format."
)
@click.option(
    "--select", multiple=True, metavar="CODES", help="Only these rules (codes, prefixes or names; comma-separated)."
)
@click.option("--ignore", multiple=True, metavar="CODES", help="Skip these rules (codes, prefixes or names).")
@click.option("--output", "-o", type=click.Path(dir_okay=False), help="Write the report to FILE instead of stdout.")
@click.option(
    "--as", "as_format", type=click.Choice(sorted(readers.READERS)), help="Read every input (and stdin) as this format."
)
@click.option("--language", metavar="TAG", help="The documents' main language (default: inferred from the text).")
@click.option(
    "--profile", metavar="NAME|PATH", help="Check the outline against a profile (white-paper, rfc, readme, or a file)."
)
@click.option("--config", "config_path", type=click.Path(dir_okay=False), help="Use this configuration file only.")
@click.option("--slug", type=click.Choice(STYLES), help="How Markdown heading anchors are made (default: github).")
def check(
    paths: tuple[str, ...],
    fmt: str,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    output: str | None,
    as_format: str | None,
    language: str | None,
    profile: str | None,
    config_path: str | None,
    slug: str | None,
) -> None:
    """Check documents (files, directories, or - for stdin) and report what is wrong."""
    from outlint.config import ConfigError, Overrides, settings_for
    from outlint.profile import ProfileError

    try:
        select_rules(_codes(select), _codes(ignore))
    except ValueError as exc:
        _fail(f"{exc}; see 'outlint rules'")
    if config_path and not os.path.isfile(config_path):
        _fail(f"{config_path}: no such configuration file")
    overrides = Overrides(_codes(select), _codes(ignore), profile, language, config_path, slug)
    findings: list[Finding] = []
    checked: list[str] = []
    internal = False
    for path, _problem in iter_files(paths):
        shown = "-" if path == "-" else display_path(path)
        checked.append(shown)
        try:
            settings = settings_for(path, overrides)
        except (ConfigError, ProfileError) as exc:
            _fail(str(exc))
        try:
            if path == "-":
                findings.extend(check_bytes(sys.stdin.buffer.read(), "-", as_format, settings))
            elif not os.path.exists(path):
                findings.append(unreadable(shown, "no such file or directory"))
            else:
                findings.extend(
                    f if f.path == shown else _repath(f, shown) for f in check_path(path, as_format, settings)
                )
        except Exception as exc:
            internal = True
            click.echo(f"{shown}: internal error: {type(exc).__name__}: {exc}", err=True)
    findings.sort()
    report = formatter(fmt)(findings, checked)
    if output:
        write_atomic(output, report)
    else:
        click.echo(report, nl=False)
    sys.exit(EXIT_ERROR if internal else EXIT_FINDINGS if findings else EXIT_CLEAN)


def _repath(f: Finding, path: str) -> Finding:
    return Finding(path, f.span, f.code, f.severity, f.message, f.name, f.fingerprint)


@main.command()
@click.argument("path")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--as", "as_format", type=click.Choice(sorted(readers.READERS)), help="Read the input as this format.")
@click.option("--language", metavar="TAG", help="The document's main language (default: inferred).")
@click.option("--slug", type=click.Choice(STYLES), help="How Markdown heading anchors are made (default: github).")
def outline(path: str, fmt: str, as_format: str | None, language: str | None, slug: str | None) -> None:
    """Print a document's outline: contents and headings side by side, and which matched which."""
    from outlint import export as view

    shown = "-" if path == "-" else display_path(path)
    try:
        data = sys.stdin.buffer.read() if path == "-" else open(path, "rb").read()  # noqa: SIM115
        doc = read_bytes(data, shown, as_format, slug=slug)
    except OSError as exc:
        _fail(f"{shown}: {exc.strerror or exc}")
    except ReadError as exc:
        _fail(f"{shown}: {exc.message}")
    if language:
        doc.cache["config-language"] = language
    click.echo(view.render_json(doc) if fmt == "json" else view.render_text(doc), nl=False)


@main.command("rules")
@click.argument("code", required=False)
def rules_cmd(code: str | None) -> None:
    """List the rules, or show one rule's documentation."""
    if code is None:
        for rule in RULES.values():
            click.echo(f"{rule.code}  {rule.name:<28} {rule.severity!s:<8} {rule.summary}")
        return
    found = resolve(code)
    if not found:
        _fail(f"unknown rule {code!r}; see 'outlint rules'")
    for rule in found:
        click.echo(f"# {rule.code} {rule.name}\n\n{rule.summary}. Default severity: {rule.severity}.\n")
        click.echo(rule.doc)
