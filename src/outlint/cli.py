"""Command line: ``outlint check``, ``outlint outline`` and ``outlint rules``."""

from __future__ import annotations

import functools
import os
import sys
import time
from collections import Counter
from collections.abc import Sequence
from typing import NoReturn

import click

from outlint import __version__, baseline, readers, run, walk
from outlint.formats import FORMATS, formatter, shown_path
from outlint.inputs import DEFAULT_MAX_BYTES, DEFAULT_MAX_DEPTH, Limits, parse_size, show_size, too_large
from outlint.linter import (
    Settings,
    check_bytes,
    display_path,
    internal_error,
    read_bytes,
    read_path,
    select_rules,
    unreadable,
)
from outlint.model import Finding, ReadError, Severity
from outlint.output import clash, report_options, use_color, write_report
from outlint.output import statistics as rule_counts
from outlint.rules import INTERNAL_ERROR, RULES, resolve
from outlint.slug import STYLES

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
EXIT_INTERRUPTED = 130  # 128 + SIGINT, as shells report it


def _codes(values: Sequence[str]) -> list[str]:
    return [c.strip() for v in values for c in v.split(",") if c.strip()]


def _size(value: str) -> int:
    try:
        return parse_size(value)
    except ValueError as exc:
        raise click.BadParameter(str(exc)) from None


def _fail(message: str) -> NoReturn:
    click.echo(f"outlint: error: {message}", err=True)
    sys.exit(EXIT_ERROR)


def _warn(path: str, message: str) -> None:
    click.echo(f"outlint: warning: {shown_path(display_path(path))}: {message}", err=True)


def _quiet_warn(_path: str, _message: str) -> None:
    """--quiet: findings only."""


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="outlint")
def main() -> None:
    """Check the structure of documents: contents vs headings, numbering, truncation and language."""


FormatSpec = tuple[str, str | None]  # (format, file); no file: the terminal, or --output


def _format_specs(_ctx: click.Context, _param: click.Parameter, values: tuple[str, ...]) -> list[FormatSpec]:
    specs: list[FormatSpec] = []
    for value in values:
        name, colon, target = value.partition(":")
        if name not in FORMATS:
            raise click.BadParameter(f"unknown format {name!r}; choose from {', '.join(sorted(FORMATS))}")
        if colon and not target:
            raise click.BadParameter(f"{value!r}: no file after ':'")
        specs.append((name, target or None))
    if sum(1 for _, target in specs if target is None) > 1:
        raise click.BadParameter("only one format can go to the terminal; give the others a file (FORMAT:FILE)")
    return specs


def default_format() -> str:
    """``github`` inside GitHub Actions (annotations on the pull request), else ``text``."""
    return "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text"


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" + ("" if n == 1 else "s")


def summary(files: int, findings: Sequence[Finding], seconds: float) -> str:
    """``Checked 12 files: 3 errors, 5 warnings, 0 info in 0.41s.``"""
    counts = Counter(f.severity for f in findings)
    return (
        f"Checked {_plural(files, 'file')}: {_plural(counts[Severity.ERROR], 'error')}, "
        f"{_plural(counts[Severity.WARNING], 'warning')}, {counts[Severity.INFO]} info in {seconds:.2f}s."
    )


def baseline_note(outcome: baseline.Outcome, path: str) -> str:
    known = _plural(outcome.known, "known finding")
    fixed = f"{outcome.fixed} baseline entr{'y' if outcome.fixed == 1 else 'ies'}"
    hint = f" (run with --write-baseline {path} to drop them)" if outcome.fixed else ""
    return f"Baseline {path}: {known} skipped, {fixed} now fixed{hint}."


def _stdin(name: str | None, as_format: str | None, settings_for: run.SettingsFor) -> run.Result:
    """Check stdin, reported as ``--stdin-filename`` (or ``-``), in the format its name or its first
    bytes say (``--as`` wins), with the settings of that name."""
    shown = display_path(name) if name else "-"
    settings = settings_for(name or "-")
    limit = settings.limits.max_bytes
    data = sys.stdin.buffer.read(limit + 1)  # endless input (``< /dev/zero``) stops at the limit
    if len(data) > limit:
        return run.Result(shown, (unreadable(shown, too_large(None, limit, what="standard input").message),))
    fmt = as_format or (readers.format_for(shown) if name and "." in os.path.basename(name) else None)
    try:
        return run.Result(shown, tuple(check_bytes(data, shown, fmt or readers.sniff(data), settings)))
    except Exception as exc:  # as for files: one OL002 finding, the run goes on
        return run.Result(shown, (internal_error(shown, "checking stdin", exc),))


def _check_all(
    files: Sequence[str], settings_for: run.SettingsFor, as_format: str | None, jobs: int, stdin_name: str | None
) -> tuple[list[Finding], bool]:
    """Sorted findings of every file, and whether any file hit an internal error (one line each on stderr)."""
    others = [p for p in files if p != "-"]
    bar = run.Bar(others)
    close = bar.close
    try:
        results = run.check_files(others, settings_for, as_format, jobs, bar)
        if "-" in files:
            results.append(_stdin(stdin_name, as_format, settings_for))
    except KeyboardInterrupt:
        close()
        click.echo("outlint: interrupted", err=True)
        sys.exit(EXIT_INTERRUPTED)
    except run.Stopped as exc:
        close()
        click.echo(f"outlint: {exc}", err=True)
        sys.stdout.flush()
        sys.stderr.flush()
        # The workers are ended and nothing is written yet: the process leaves now, without the
        # interpreter's exit hooks, one of which wakes the process pool's manager thread through a
        # pipe that thread may be closing at that moment ("Bad file descriptor" and a traceback)
        os._exit(128 + exc.signum)
    close()
    findings: list[Finding] = []
    internal = False
    for res in results:
        findings.extend(res.findings)
        if res.error:
            internal = True
            click.echo(f"{shown_path(display_path(res.path))}: internal error: {res.error}", err=True)
        internal = internal or any(f.code == INTERNAL_ERROR.code for f in res.findings)
    return sorted(findings), internal


# A report goes to the terminal in pieces of this many characters: written whole, a report of
# thousands of findings was encoded at once, its size again in memory.
ECHO_PIECE = 1 << 20


def _echo_report(report: str, color: bool | None) -> None:
    if len(report) <= ECHO_PIECE or "\x1b" in report:  # colours are stripped whole, in one piece
        click.echo(report, nl=False, color=color)
        return
    for start in range(0, len(report), ECHO_PIECE):
        click.echo(report[start : start + ECHO_PIECE], nl=False, color=color)


def _write(path: str, text: str) -> None:
    try:
        write_report(path, text)
    except OSError as exc:
        _fail(f"cannot write {path}: {exc.strerror or exc}")


FAIL_ON: dict[str, Severity | None] = {
    "error": Severity.ERROR,
    "warning": Severity.WARNING,
    "info": Severity.INFO,
    "never": None,
}


@main.command()
@click.argument("paths", nargs=-1)
@click.option(
    "--select", multiple=True, metavar="CODES", help="Only these rules (codes, prefixes or names; comma-separated)."
)
@click.option("--extend-select", multiple=True, metavar="CODES", help="Add these rules to the configured selection.")
@click.option("--ignore", multiple=True, metavar="CODES", help="Skip these rules (codes, prefixes or names).")
@click.option("--language", metavar="TAG", help="The documents' main language (default: inferred from the text).")
@click.option(
    "--profile", metavar="NAME|PATH", help="Check the outline against a profile (white-paper, rfc, readme, or a file)."
)
@click.option("--config", "config_path", type=click.Path(dir_okay=False), help="Use this configuration file only.")
@click.option("--isolated", "--no-config", "isolated", is_flag=True, help="Ignore every configuration file.")
@click.option("--slug", type=click.Choice(STYLES), help="How Markdown heading anchors are made (default: github).")
@click.option(
    "--as", "as_format", type=click.Choice(sorted(readers.READERS)), help="Read every input (and stdin) as this format."
)
@click.option(
    "--stdin-filename",
    metavar="PATH",
    help="The path of what '-' reads: reported, matched against the configuration, and its format.",
)
@click.option(
    "--exclude",
    multiple=True,
    metavar="GLOB",
    help="Skip files and directories matching this gitignore-style pattern (repeatable).",
)
@click.option("--no-ignore", is_flag=True, help="Also check what .gitignore files exclude.")
@click.option(
    "--jobs", "-j", type=click.IntRange(min=1), metavar="N", help="Check files in N processes (default: one per CPU)."
)
@click.option(
    "--format",
    "formats",
    multiple=True,
    metavar="FORMAT[:FILE]",
    callback=_format_specs,
    help=f"Report format: {', '.join(sorted(FORMATS))} (default: text; github in GitHub Actions). "
    "Repeatable: FORMAT:FILE writes that report to FILE as well.",
)
@click.option("--output", "-o", type=click.Path(dir_okay=False), help="Write the report to FILE instead of stdout.")
@click.option("--statistics", is_flag=True, help="Print how many findings each rule made instead of the findings.")
@click.option("--quiet", "-q", is_flag=True, help="Print the findings only: no summary, no warnings.")
@click.option(
    "--color",
    type=click.Choice(["auto", "always", "never"]),
    default="auto",
    show_default=True,
    help="Colour the text report (auto: on a terminal, unless NO_COLOR is set or TERM=dumb).",
)
@click.option(
    "--fail-on",
    type=click.Choice(list(FAIL_ON)),
    default="error",
    show_default=True,
    help="Lowest severity that makes the exit status 1.",
)
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when there are findings (2 still means an error).")
@click.option(
    "--baseline",
    "baseline_file",
    type=click.Path(dir_okay=False),
    metavar="FILE",
    help="Report only findings not recorded in this baseline.",
)
@click.option(
    "--write-baseline",
    type=click.Path(dir_okay=False),
    metavar="FILE",
    help="Record the current findings in FILE and exit 0.",
)
@click.option("--show-settings", metavar="PATH", help="Print the settings PATH would be checked with, and why.")
@click.option(
    "--max-file-size",
    default=show_size(DEFAULT_MAX_BYTES).replace(" ", ""),
    show_default=True,
    metavar="SIZE",
    callback=lambda _c, _p, v: _size(v),
    help="Larger files are not read (OL001); e.g. 500KB, 2GB.",
)
@click.option(
    "--max-depth",
    type=click.IntRange(min=1),
    default=DEFAULT_MAX_DEPTH,
    show_default=True,
    metavar="N",
    help="Documents nested deeper (lists, elements, sections) are not read (OL001).",
)
def check(
    paths: tuple[str, ...],
    select: tuple[str, ...],
    extend_select: tuple[str, ...],
    ignore: tuple[str, ...],
    language: str | None,
    profile: str | None,
    config_path: str | None,
    isolated: bool,
    as_format: str | None,
    stdin_filename: str | None,
    exclude: tuple[str, ...],
    no_ignore: bool,
    jobs: int | None,
    formats: list[FormatSpec],
    output: str | None,
    statistics: bool,
    quiet: bool,
    color: str,
    fail_on: str,
    exit_zero: bool,
    baseline_file: str | None,
    write_baseline: str | None,
    show_settings: str | None,
    slug: str | None,
    max_file_size: int,
    max_depth: int,
) -> None:
    """Check documents (files, directories, or - for stdin) and report what is wrong."""
    from outlint.config import ConfigError, Overrides, settings_for
    from outlint.profile import ProfileError

    start = time.perf_counter()
    warn = _quiet_warn if quiet else _warn
    try:
        select_rules(_codes(select) + _codes(extend_select), _codes(ignore))
    except ValueError as exc:
        _fail(f"{exc}; see 'outlint rules'")
    if config_path and not os.path.isfile(config_path):
        _fail(f"{config_path}: no such configuration file")
    if config_path and isolated:
        _fail("use --config or --isolated, not both")
    if baseline_file and write_baseline:
        _fail("use --baseline or --write-baseline, not both")
    if not paths and not show_settings:
        _fail("no paths given; say which files or directories to check (- for stdin)")
    limits = Limits(max_file_size, max_depth)
    overrides = Overrides(
        _codes(select),
        _codes(ignore),
        profile,
        language,
        config_path,
        slug,
        _codes(extend_select),
        isolated,
        limits=limits,
    )
    if show_settings:
        from outlint.explain import show

        try:
            click.echo(show(show_settings, overrides), nl=False)
        except (ConfigError, ProfileError) as exc:
            _fail(str(exc))
        return
    known: list[baseline.Entry] = []
    if baseline_file:
        try:
            known = baseline.load(baseline_file, limits.max_bytes)
        except baseline.BaselineError as exc:
            _fail(str(exc))

    files = list(walk.iter_files(paths, exclude, use_ignore=not no_ignore, warn=warn))
    targets = [("--output", output)] if output else []
    targets += [("--write-baseline", write_baseline)] if write_baseline else []
    targets += [("--format", target) for _, target in formats if target]
    if targets:
        inputs = [("a document being checked", p) for p in files if p != "-"]
        problem = clash(targets, [*inputs, *([("the baseline", baseline_file)] if baseline_file else [])])
        if problem:
            _fail(problem)
    # Every file's settings are resolved here first, so that a bad configuration stops the run before
    # any file is checked; workers resolve them again (forked ones inherit what was loaded here).
    settings_of = functools.partial(settings_for, cli=overrides)  # picklable, unlike a compiled profile
    try:
        unused_profile = [p for p in files if _profile_unused(settings_of((stdin_filename or p) if p == "-" else p))]
    except (ConfigError, ProfileError) as exc:
        _fail(str(exc))
    if unused_profile:
        warn(unused_profile[0], "a profile is configured but OL501 is not selected, so it is never checked")
    if not files:
        warn(" ".join(paths), "no file to check: the paths name no file in a format outlint reads")
    findings, internal = _check_all(files, settings_of, as_format, jobs or run.default_jobs(), stdin_filename)
    checked = [display_path(stdin_filename) if p == "-" and stdin_filename else display_path(p) for p in files]
    if write_baseline:
        _write(write_baseline, baseline.render(findings))
        if not quiet:
            click.echo(
                f"Wrote baseline {write_baseline}: {_plural(len(findings), 'finding')} in "
                f"{_plural(len(checked), 'file')}.",
                err=True,
            )
        sys.exit(EXIT_ERROR if internal else EXIT_CLEAN)
    outcome = baseline.apply(findings, known, checked) if baseline_file else None
    if outcome:
        findings = list(outcome.findings)

    threshold = None if exit_zero else FAIL_ON[fail_on]
    terminal = next((name for name, target in formats if target is None), default_format())
    colored = use_color(color, sys.stdout.isatty())
    for name, target in [(terminal, output), *((n, t) for n, t in formats if t is not None)]:
        opts = report_options(threshold, colored and not target and name == "text", default_format() == "github")
        if statistics and not target:
            click.echo(rule_counts(findings), nl=False)
            continue
        report = formatter(name)(findings, checked, opts)
        if target:
            _write(target, report)
        else:
            _echo_report(report, opts.color)
    if terminal in ("text", "github") and not quiet:  # the formats people read in a terminal or a CI log
        click.echo(summary(len(checked), findings, time.perf_counter() - start), err=True)
    if outcome and baseline_file and not quiet:
        click.echo(baseline_note(outcome, baseline_file), err=True)

    failing = threshold is not None and any(f.severity >= threshold for f in findings)
    sys.exit(EXIT_ERROR if internal else EXIT_FINDINGS if failing else EXIT_CLEAN)


def _profile_unused(settings: Settings) -> bool:
    return "profile" in settings.options.get("OL501", {}) and not any(r.code == "OL501" for r in settings.rules)


@main.command()
@click.argument("path")
@click.option("--format", "fmt", type=click.Choice(["text", "json", "html"]), default="text", show_default=True)
@click.option("--as", "as_format", type=click.Choice(sorted(readers.READERS)), help="Read the input as this format.")
@click.option("--language", metavar="TAG", help="The document's main language (default: inferred).")
@click.option("--slug", type=click.Choice(STYLES), help="How Markdown heading anchors are made (default: github).")
@click.option("--compare", "target", metavar="TARGET", help="Show PATH (a source) and TARGET side by side, row by row.")
def outline(
    path: str, fmt: str, as_format: str | None, language: str | None, slug: str | None, target: str | None
) -> None:
    """Print a document's outline: contents and headings side by side, and which matched which."""
    from outlint import export as view

    if target is not None:  # the pair view is the compare command's (cli_compare.py)
        from outlint.cli_compare import outline_pair

        click.echo(outline_pair(path, target, fmt, as_format, language, slug), nl=False)
        return

    shown = "-" if path == "-" else display_path(path)
    try:
        if path == "-":
            doc = read_bytes(sys.stdin.buffer.read(), shown, as_format, slug=slug)
        else:
            doc = read_path(path, as_format, shown, slug=slug)
        if fmt == "html":
            from outlint.formats.html import render_outline

            report = render_outline(doc, (), language)
        else:
            report = view.render_json(doc, language) if fmt == "json" else view.render_text(doc, language)
    except OSError as exc:
        _fail(f"{shown}: {exc.strerror or exc}")
    except ReadError as exc:
        _fail(f"{shown}: {exc.message}")
    except Exception as exc:  # a bug must still end in one line, not a traceback
        _fail(f"{shown}: internal error: {type(exc).__name__}: {exc}")
    click.echo(report, nl=False)


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


from outlint.cli_compare import compare as _compare  # noqa: E402  (last: it uses the helpers above)

main.add_command(_compare)
