"""Profiles: the document's outline checked against a JSON Schema for its kind of document."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from outlint.model import Document, Rule, Severity, Span

Out = Iterable[tuple[Span, str]]


def check_profile(doc: Document, options: Mapping[str, Any]) -> Out:
    profile = options.get("profile")
    if profile is None:
        return
    from outlint import export
    from outlint.profile import violations

    yield from violations(profile, export.as_dict(doc))


DOC = """\
## What it does
Checks the document's outline (the JSON form that `outlint outline --format json` prints and
`schemas/outline.schema.json` describes) against a profile: a JSON Schema that says what a kind
of document must look like (required sections and their order, numbering scheme per level, title
patterns, minimum body per section, maximum depth, a contents block). Each schema error is
reported at the section or contents entry it concerns.

## Why is this bad?
A document that does not have the shape its kind requires is incomplete or malformed: a white
paper whose chapters were lost, an RFC without Security Considerations, a README without usage.

## Example
`outlint check --profile white-paper paper.txt` on a white paper whose chapter 3 was lost:
`contents entry "3. Contributions": every contents entry must have its heading in the document`.

## Options
Set with `--profile NAME|PATH` or `profile = "..."` in the configuration; built-in profiles are
`white-paper`, `rfc` and `readme`.
"""

RULES = (
    Rule(
        "OL501",
        "profile-violation",
        "Outline does not match the document profile",
        check_profile,
        Severity.ERROR,
        doc=DOC,
    ),
)
