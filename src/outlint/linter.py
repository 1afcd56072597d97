"""Check one document: read it, run the enabled rules, attach code, name and severity."""

from __future__ import annotations

import bisect
import functools
import gc
import os
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace
from typing import Any, ParamSpec, TypeVar

from outlint import fingerprint, inputs, progress, readers
from outlint.model import Document, Finding, Hit, ReadError, Rule, Severity, Span
from outlint.rules import INTERNAL_ERROR, INVALID_SUPPRESSION, RULES, UNREADABLE, UNUSED_SUPPRESSION
from outlint.rules.common import quote

# The share of a file's check that reading it takes, for the progress bar (about 0.6 on large text,
# Markdown and HTML files: decoding, parsing and the outline, against all the rules).
READ_SHARE = 0.6


@dataclass(frozen=True, slots=True)
class Settings:
    """What to check and how: the rules that run, their options and the expected language."""

    rules: tuple[Rule, ...] = tuple(RULES.values())
    options: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    severities: Mapping[str, Severity] = field(default_factory=dict)
    language: str | None = None
    slug: str | None = None  # how Markdown heading anchors are computed: github, gitlab, python-markdown
    limits: inputs.Limits = inputs.DEFAULT_LIMITS  # the largest file and the deepest nesting outlint reads


def read_bytes(data: bytes | readers.Owned, path: str, fmt: str | None = None, **options: Any) -> Document:
    """Read bytes as a document of ``fmt`` (default: from the path's suffix, sniffed for stdin, else
    plain text). ``options`` (such as ``slug``) go to the readers that take them. Bytes given as
    ``readers.Owned`` are the reader's: it frees them once decoded."""
    if fmt is None:
        head = data.data if isinstance(data, readers.Owned) else data
        fmt = readers.sniff(head) if path == "-" else readers.format_for(path) or "text"
        del head
    accepted = readers.OPTIONS.get(fmt, frozenset())
    given = {k: v for k, v in options.items() if k in accepted and v is not None}
    if isinstance(data, readers.Owned) and fmt not in readers.OWNING:
        data = data.take()
    return readers.reader(fmt)(data, path, **given)


def read_path(
    path: str,
    fmt: str | None = None,
    display: str | None = None,
    *,
    max_bytes: int = inputs.DEFAULT_MAX_BYTES,
    **options: Any,
) -> Document:
    """Read a regular file of at most ``max_bytes`` as a document named ``display`` (default: its
    path). A pipe, a device or a file over the limit raises ``inputs.InputError`` (an OSError) with
    a one-line message."""
    fmt = fmt or readers.format_for(path) or "text"
    # no reference here: the reader frees the bytes once decoded, before it parses
    return read_bytes(readers.Owned(inputs.read_file(path, max_bytes)), display or path, fmt, **options)


def unreadable(path: str, message: str, span: Span | None = None) -> Finding:
    text = f"cannot read file: {message}"
    return Finding(
        path,
        span or Span(1, 1, 1, 1),
        UNREADABLE.code,
        UNREADABLE.severity,
        text,
        UNREADABLE.name,
        fingerprint.digest(path, UNREADABLE.code, (), text),
    )


def check_document(doc: Document, settings: Settings = Settings()) -> list[Finding]:
    """Run every enabled rule on a document; sorted findings, each with its fingerprint.

    A rule that fails on this document becomes one OL002 finding; the other rules still run. Sections
    nested deeper than the limit are one OL001 finding: the rules are not run on them."""
    depth = inputs.section_depth(doc.headings)
    if depth > settings.limits.max_depth:
        return _unread(doc.path, ReadError(inputs.too_deep(depth, settings.limits.max_depth).message), settings)
    out: list[Finding] = []
    meta = {UNREADABLE.code, INTERNAL_ERROR.code, UNUSED_SUPPRESSION.code, INVALID_SUPPRESSION.code}
    for done, rule in enumerate(settings.rules, 1):
        progress.advance((done - 1) / len(settings.rules))  # the rules before this one are done
        if rule.code in meta:
            continue
        try:
            out.extend(_findings(doc, rule, rule.check(doc, _options(rule, settings)), settings))
        except Exception as exc:  # a bug in one rule must not hide the file or the other rules
            out.append(internal_error(doc.path, f"rule {rule.code} ({rule.name})", exc, settings))
    if doc.comments:
        out = _suppress(doc, out, settings)
    if doc.format == "docx":
        out = [replace(f, message=f"{f.message} [{_paragraph(doc, f.span)}]") for f in out]
    return fingerprint.assign(doc, sorted(set(out)))


def _paragraph(doc: Document, span: Span) -> str:
    """Where a finding is in a Word document, which shows no line numbers: the paragraph's number
    in the body (the finding's line) and the headings above it, to find it in the navigation pane."""
    where = f"paragraph {span.line}"
    if doc.toc_span and doc.toc_span.line <= span.line <= doc.toc_span.end_line:
        return f"{where}, in the table of contents"
    headings = doc.facts.headings
    k = bisect.bisect_right(doc.facts.derive(_heading_lines), span.line) - 1
    if k < 0:
        return f"{where}, before the first heading"
    path = list(doc.facts.path(headings[k]))
    if headings[k].span.line == span.line:
        path.pop()  # the finding is on the heading itself: say what it is under
    if not path:
        return where
    return f"{where}, under " + " > ".join(quote(h.label, 40) for h in path)


def _heading_lines(doc: Document) -> tuple[int, ...]:
    return tuple(h.span.line for h in doc.facts.headings)


def _options(rule: Rule, settings: Settings) -> dict[str, Any]:
    """A rule's options: its defaults, then the configured ones, and always ``language``, the
    expected main language of documents (None: inferred from the text)."""
    return {**rule.options, **settings.options.get(rule.code, {}), "language": settings.language}


def _findings(doc: Document, rule: Rule, found: Iterable[Hit], settings: Settings) -> list[Finding]:
    severity = settings.severities.get(rule.code, rule.severity)
    out = []
    for hit in found:
        related = hit[2] if len(hit) >= 3 else ()  # the length tells the shape
        detected = hit[3] if len(hit) == 4 else None
        out.append(
            Finding(doc.path, hit[0], rule.code, severity, hit[1], rule.name, related=related, detected=detected)
        )
    return out


def internal_error(path: str, where: str, exc: BaseException, settings: Settings = Settings()) -> Finding:
    """OL002 for a failure of outlint itself: the exception in one line, and a request to report it.
    Always reported, whatever is selected: it means the file was not (wholly) checked."""
    detail = " ".join(str(exc).split())
    summary = f"{type(exc).__name__}: {detail}" if detail else type(exc).__name__
    if len(summary) > 200:
        summary = summary[:197] + "..."
    text = f"internal error in {where}: {summary}; this is a bug in outlint, please report it with the file"
    return Finding(
        path,
        Span(1, 1, 1, 1),
        INTERNAL_ERROR.code,
        settings.severities.get(INTERNAL_ERROR.code, INTERNAL_ERROR.severity),
        text,
        INTERNAL_ERROR.name,
        fingerprint.digest(path, INTERNAL_ERROR.code, (), text),
    )


def _suppress(doc: Document, findings: list[Finding], settings: Settings) -> list[Finding]:
    from outlint import suppress

    last_line = len(doc.facts.lines)
    directives, unknown = suppress.parse(doc.comments, last_line)
    kept = suppress.apply(findings, directives)
    enabled = {r.code for r in settings.rules}
    if INVALID_SUPPRESSION.code in enabled:
        kept += _findings(doc, INVALID_SUPPRESSION, unknown, settings)
    if UNUSED_SUPPRESSION.code in enabled:
        kept += _findings(doc, UNUSED_SUPPRESSION, suppress.unused(directives), settings)
    return kept


P = ParamSpec("P")
R = TypeVar("R")


def _collector_held(check: Callable[P, R]) -> Callable[P, R]:
    """``check`` run with the cycle collector held off, then set back as it was: reading and
    checking a document makes hundreds of thousands of objects and no garbage cycles (the one
    between a document and its facts is broken when it is checked), and each full collection
    walked them all for nothing, a tenth of the time on a large file."""

    @functools.wraps(check)
    def held(*args: P.args, **kwargs: P.kwargs) -> R:
        if not gc.isenabled():
            return check(*args, **kwargs)
        gc.disable()
        try:
            return check(*args, **kwargs)
        finally:
            gc.enable()

    return held


@_collector_held
def check_bytes(data: bytes, path: str, fmt: str | None = None, settings: Settings = Settings()) -> list[Finding]:
    """Check a document given as bytes; unreadable data becomes one OL001 finding, and a failure of
    the reader one OL002 finding."""
    try:
        doc = read_bytes(data, path, fmt, slug=settings.slug, max_depth=settings.limits.max_depth)
    except ReadError as exc:
        return _unread(path, exc, settings)
    except Exception as exc:  # a bug in a reader must not hide the file
        return [internal_error(path, f"the {fmt or readers.format_for(path) or 'text'} reader", exc, settings)]
    try:
        return check_document(doc, settings)
    finally:
        doc.facts.close()  # the document is this call's own: it goes now, not at the next collection


def _unread(path: str, exc: ReadError, settings: Settings) -> list[Finding]:
    """Data that is not a document: one OL001 finding, unless OL001 is not selected."""
    if not any(r.code == UNREADABLE.code for r in settings.rules):
        return []
    return [unreadable(path, exc.message, exc.span)]


@_collector_held
def check_path(
    path: str, fmt: str | None = None, settings: Settings = Settings(), display: str | None = None
) -> list[Finding]:
    """Check one file, reported as ``display`` (default: its path); a file that cannot be opened
    or read becomes one OL001 finding."""
    shown = display or path
    try:
        limits = settings.limits
        with progress.part(0.0, READ_SHARE):
            doc = read_path(
                path, fmt, shown, max_bytes=limits.max_bytes, slug=settings.slug, max_depth=limits.max_depth
            )
    except FileNotFoundError:
        return [unreadable(shown, "no such file or directory")]
    except OSError as exc:
        return [unreadable(shown, exc.strerror or str(exc))]
    except ReadError as exc:
        return _unread(shown, exc, settings)
    except Exception as exc:  # a bug in a reader must not hide the file
        return [internal_error(shown, f"the {fmt or readers.format_for(path) or 'text'} reader", exc, settings)]
    try:
        with progress.part(READ_SHARE, 1.0):
            return check_document(doc, settings)
    finally:
        doc.facts.close()  # the document is this call's own: it goes now, not at the next collection


def select_rules(select: Iterable[str] = (), ignore: Iterable[str] = ()) -> tuple[Rule, ...]:
    """Rules chosen by ``--select``/``--ignore`` codes, prefixes or names; unknown ones raise ValueError."""
    from outlint.rules import resolve

    chosen: dict[str, Rule] = {}
    for key in list(select) or ["ALL"]:
        found = resolve(key)
        if not found:
            raise ValueError(f"unknown rule {key!r}")
        chosen.update((r.code, r) for r in found)
    for key in ignore:
        found = resolve(key)
        if not found:
            raise ValueError(f"unknown rule {key!r}")
        for r in found:
            chosen.pop(r.code, None)
    return tuple(sorted(chosen.values(), key=lambda r: r.code))


def display_path(path: str) -> str:
    """Paths as the user gave them, with forward slashes, relative when under the working directory."""
    if os.path.isabs(path):
        try:
            rel = os.path.relpath(path)
            if not rel.startswith(".."):
                path = rel
        except ValueError:
            pass
    return path.replace(os.sep, "/")
