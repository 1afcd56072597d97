"""The rule registry: every rule of every family, by code, in one explicit dict."""

from __future__ import annotations

from outlint.model import Rule, Severity
from outlint.rules import contents, language, numbering, truncation

_READING_DOC = """\
## What it does
Reports a file that cannot be read: empty, binary, not decodable in any supported encoding,
or not well-formed for its format. The run goes on with the other files.

## Why is this bad?
Nothing else can be checked in a file outlint cannot read.

## Example
A PDF renamed to `report.txt`.

## Options
None.
"""


def _never(*_: object) -> tuple[()]:
    return ()


UNREADABLE = Rule("OL001", "unreadable", "File cannot be read or decoded", _never, Severity.ERROR, doc=_READING_DOC)

RULES: dict[str, Rule] = {
    rule.code: rule for rule in (UNREADABLE, *contents.RULES, *numbering.RULES, *truncation.RULES, *language.RULES)
}
BY_NAME: dict[str, Rule] = {rule.name: rule for rule in RULES.values()}


def resolve(code_or_name: str) -> list[Rule]:
    """Rules selected by a code, a code prefix (``OL1``, ``OL``) or a name; empty when none match."""
    key = code_or_name.strip()
    if key in BY_NAME:
        return [BY_NAME[key]]
    key = key.upper()
    if key == "ALL":
        return list(RULES.values())
    return [r for code, r in RULES.items() if code.startswith(key)]
