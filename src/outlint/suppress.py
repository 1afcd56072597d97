"""Inline suppression directives in comments (Markdown, HTML) and the findings they silence."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from outlint.model import Comment, Finding, Span
from outlint.rules import resolve

_DIRECTIVE = re.compile(
    r"^\s*outlint-(?P<kind>disable-next-line|disable-file|disable|enable)\b(?P<codes>[^\n]*?)\s*$", re.IGNORECASE
)


@dataclass(slots=True, eq=False)
class Directive:
    """One directive: the rules it names (None = all) and the lines it covers."""

    kind: str
    codes: frozenset[str] | None
    span: Span
    first: int
    last: int  # inclusive; grows until the matching enable
    used: set[str] = field(default_factory=set)

    def covers(self, finding: Finding) -> bool:
        return self.first <= finding.span.line <= self.last and (self.codes is None or finding.code in self.codes)


def parse(comments: Sequence[Comment], last_line: int) -> tuple[list[Directive], list[tuple[Span, str]]]:
    """Directives from comments, and (span, message) for each unknown rule a directive names."""
    directives: list[Directive] = []
    unknown: list[tuple[Span, str]] = []
    open_: list[Directive] = []
    for comment in comments:
        m = _DIRECTIVE.match(comment.text)
        if m is None:
            continue
        kind = m.group("kind").lower()
        names = [c for c in re.split(r"[\s,]+", m.group("codes")) if c]
        codes: set[str] = set()
        for name in names:
            found = resolve(name)
            if not found:
                unknown.append((comment.span, f"unknown rule {name!r} in 'outlint-{kind}'"))
            codes.update(r.code for r in found)
        selected = frozenset(codes) if names else None
        if names and not codes:
            continue
        line = comment.span.end_line
        if kind == "enable":
            for d in list(open_):
                if selected is None or (d.codes is not None and d.codes <= selected):
                    d.last = comment.span.line
                    open_.remove(d)
                elif d.codes is not None:
                    # enable some of what a disable named: close it, reopen for the rest
                    d.last = comment.span.line
                    open_.remove(d)
                    rest = Directive("disable", d.codes - selected, d.span, line + 1, last_line)
                    rest.used = d.used
                    directives.append(rest)
                    open_.append(rest)
                elif d.codes is None:
                    d.last = comment.span.line
                    open_.remove(d)
            continue
        if kind == "disable-next-line":
            directives.append(Directive(kind, selected, comment.span, line + 1, line + 1))
        elif kind == "disable-file":
            directives.append(Directive(kind, selected, comment.span, 1, last_line))
        else:
            d = Directive(kind, selected, comment.span, comment.span.line, last_line)
            directives.append(d)
            open_.append(d)
    return directives, unknown


def apply(findings: Iterable[Finding], directives: Sequence[Directive]) -> list[Finding]:
    """Findings no directive covers; marks the directives that covered something as used."""
    kept: list[Finding] = []
    for f in findings:
        hit = [d for d in directives if d.covers(f)]
        for d in hit:
            d.used.add(f.code)
        if not hit:
            kept.append(f)
    return kept


def unused(directives: Sequence[Directive]) -> list[tuple[Span, str]]:
    """(span, message) for directives that suppressed nothing."""
    out: list[tuple[Span, str]] = []
    seen: set[int] = set()
    for d in directives:
        if id(d.span) in seen:
            continue
        group = [x for x in directives if x.span is d.span]
        seen.add(id(d.span))
        if any(x.used for x in group):
            continue
        what = ", ".join(sorted(d.codes)) if d.codes else "all rules"
        out.append((d.span, f"'outlint-{d.kind}' for {what} suppressed nothing"))
    return out
