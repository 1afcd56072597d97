"""Stable finding fingerprints: built from the rule and the heading path, never from line numbers.

A fingerprint identifies "the same problem" across edits, for SARIF ``partialFingerprints``, the
GitLab report and baselines. It hashes the file's path, the rule code, the titles of the headings
whose section holds the finding, the message with its numbers removed (line numbers and counts
move when text is added above) and an occurrence index that tells identical findings apart.
"""

from __future__ import annotations

import bisect
import hashlib
import posixpath
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace

from outlint.model import Document, Finding, Span

_NUMBER = re.compile(r"\d+")


def normalize_message(message: str) -> str:
    """The message without its numbers and with runs of whitespace collapsed."""
    return " ".join(_NUMBER.sub("#", message).split())


def section_titles(doc: Document, span: Span) -> tuple[str, ...]:
    """Titles of the headings enclosing ``span``: the innermost section that starts at or before it."""
    starts = doc.facts.derive(_starts)
    i = bisect.bisect_right(starts, span.line) - 1
    if i < 0:
        return ()
    return tuple(" ".join(h.title.split()) for h in doc.facts.path(doc.facts.headings[i]))


def _starts(doc: Document) -> tuple[int, ...]:
    # document order: a later start is a deeper or later section
    return tuple(h.span.line for h in doc.facts.headings)


def digest(path: str, code: str, titles: Sequence[str], message: str, occurrence: int = 0) -> str:
    """The fingerprint of one finding from its parts: 16 hex digits."""
    parts = [
        posixpath.normpath(path.replace("\\", "/")),
        code,
        "\x1e".join(titles),
        normalize_message(message),
        str(occurrence),
    ]
    # a file name that is not UTF-8 reaches here with its bytes as surrogates: hash those bytes
    return hashlib.sha256("\x1f".join(parts).encode("utf-8", "surrogateescape")).hexdigest()[:16]


def fingerprint(doc: Document, code: str, span: Span, message: str, occurrence: int = 0) -> str:
    """The fingerprint of a finding made in ``doc``."""
    return digest(doc.path, code, section_titles(doc, span), message, occurrence)


def assign(doc: Document, findings: Sequence[Finding]) -> list[Finding]:
    """Findings (sorted) with their fingerprints; identical ones are numbered in document order."""
    seen: Counter[tuple[str, tuple[str, ...], str]] = Counter()
    out = []
    for f in findings:
        titles = section_titles(doc, f.span)
        key = (f.code, titles, normalize_message(f.message))
        out.append(replace(f, fingerprint=digest(f.path, f.code, titles, f.message, seen[key])))
        seen[key] += 1
    return out
