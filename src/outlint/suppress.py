"""Inline suppression directives in comments (Markdown, HTML) and the findings they silence."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from outlint.model import Comment, Finding, Span
from outlint.rules import resolve

# the codes are the rest of the line, stripped in code: a lazy group before \s*$ is quadratic in spaces
_DIRECTIVE = re.compile(
    r"\s*outlint-(?P<kind>disable-next-line|disable-file|disable|enable)\b(?P<codes>[^\n]*)", re.IGNORECASE
)
_SEPARATORS = re.compile(r"[\s,]+")


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
    # the open disables by rule (None: those for all rules), each with its opening order, so that an
    # enable finds the ones it ends without looking at the others
    open_: dict[str | None, dict[int, tuple[int, Directive]]] = {}
    opened = 0
    for comment in comments:
        m = _DIRECTIVE.match(comment.text)
        if m is None or comment.text[m.end() :].strip():
            continue  # a comment that goes on after the directive's line is not a directive
        kind = m.group("kind").lower()
        names = [c for c in _SEPARATORS.split(m.group("codes")) if c]
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
            for d in _touched(open_, selected):
                d.last = comment.span.line
                for key in d.codes if d.codes is not None else (None,):
                    del open_[key][id(d)]
                if selected is not None and d.codes is not None and not d.codes <= selected:
                    # enable some of what a disable named: close it, reopen for the rest
                    rest = Directive("disable", d.codes - selected, d.span, line + 1, last_line)
                    rest.used = d.used
                    directives.append(rest)
                    opened = _open(open_, rest, opened)
            continue
        if kind == "disable-next-line":
            directives.append(Directive(kind, selected, comment.span, line + 1, line + 1))
        elif kind == "disable-file":
            directives.append(Directive(kind, selected, comment.span, 1, last_line))
        else:
            d = Directive(kind, selected, comment.span, comment.span.line, last_line)
            directives.append(d)
            opened = _open(open_, d, opened)
    return directives, unknown


def _open(open_: dict[str | None, dict[int, tuple[int, Directive]]], d: Directive, opened: int) -> int:
    for key in d.codes if d.codes is not None else (None,):
        open_.setdefault(key, {})[id(d)] = (opened, d)
    return opened + 1


def _touched(
    open_: dict[str | None, dict[int, tuple[int, Directive]]], selected: frozenset[str] | None
) -> list[Directive]:
    """The open disables an ``enable`` of ``selected`` (None: all rules) ends, in opening order: those
    for all rules, and those naming one of the selected rules (a disable of others stays open)."""
    keys = list(open_) if selected is None else [None, *selected]
    found = {id(d): (n, d) for key in keys for n, d in open_.get(key, {}).values()}
    return [d for _, d in sorted(found.values(), key=lambda item: item[0])]


def apply(findings: Iterable[Finding], directives: Sequence[Directive]) -> list[Finding]:
    """Findings no directive covers; marks the directives that covered something as used.

    Linear in findings and directives (with a log factor): the covered lines of each rule are merged
    into sorted intervals, and each directive looks up the findings of its rules in its own lines."""
    findings = list(findings)
    lines: dict[str, list[int]] = {}
    for f in findings:
        lines.setdefault(f.code, []).append(f.span.line)
    for found in lines.values():
        found.sort()
    ranges: dict[str | None, list[tuple[int, int]]] = {}
    for d in directives:
        for code in sorted(d.codes) if d.codes is not None else [None]:
            ranges.setdefault(code, []).append((d.first, d.last))
        for code in d.codes if d.codes is not None else lines:
            found = lines.get(code, [])
            i = bisect.bisect_left(found, d.first)
            if i < len(found) and found[i] <= d.last:
                d.used.add(code)
    merged = {code: _merge(spans) for code, spans in ranges.items()}
    everything = merged.get(None, ([], []))
    return [
        f
        for f in findings
        if not _inside(merged.get(f.code, ([], [])), f.span.line) and not _inside(everything, f.span.line)
    ]


def _merge(spans: list[tuple[int, int]]) -> tuple[list[int], list[int]]:
    """Line intervals (inclusive) merged: the sorted starts and the ends that go with them."""
    starts: list[int] = []
    ends: list[int] = []
    for first, last in sorted(spans):
        if ends and first <= ends[-1] + 1:
            ends[-1] = max(ends[-1], last)
        else:
            starts.append(first)
            ends.append(last)
    return starts, ends


def _inside(intervals: tuple[list[int], list[int]], line: int) -> bool:
    starts, ends = intervals
    i = bisect.bisect_right(starts, line) - 1
    return i >= 0 and line <= ends[i]


def unused(directives: Sequence[Directive]) -> list[tuple[Span, str]]:
    """(span, message) for directives that suppressed nothing (a disable split by a partial enable
    counts as one directive, used when any part of it was)."""
    groups: dict[int, list[Directive]] = {}
    for d in directives:
        groups.setdefault(id(d.span), []).append(d)
    out: list[tuple[Span, str]] = []
    for group in groups.values():
        if any(x.used for x in group):
            continue
        d = group[0]
        what = ", ".join(sorted(d.codes)) if d.codes else "all rules"
        out.append((d.span, f"'outlint-{d.kind}' for {what} suppressed nothing"))
    return out
