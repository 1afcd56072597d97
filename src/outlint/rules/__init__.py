"""The rule registry: every rule of every family, by code, in one explicit dict."""

from __future__ import annotations

from outlint.model import Rule, Severity
from outlint.rules import contents, fields, language, links, numbering, pair, profile, truncation

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


_INTERNAL_DOC = """\
## What it does
Reports a failure of outlint itself on one file: a reader or a rule that raised an error. The
message names the reader or rule and the error, in one line. The other rules and files are still
checked. It is reported whatever `select` says, since it means the file was not wholly checked.

## Why is this bad?
A file outlint failed on was not checked, or not wholly: a passing run would hide that. It is a
bug in outlint: please report it, with the file if you can.

## Example
`internal error in the markdown reader: IndexError: list index out of range; this is a bug in
outlint, please report it with the file`.

## Options
None.
"""

_UNUSED_DOC = """\
## What it does
Reports an inline suppression directive (`<!-- outlint-disable ... -->` and its kin, in Markdown
and HTML) that suppressed no finding.

## Why is this bad?
A stale suppression hides the next real problem at that place and misleads readers of the source.

## Example
`<!-- outlint-disable-next-line OL102 -->` above a heading that is in the contents.

## Options
None.
"""

_INVALID_DOC = """\
## What it does
Reports a rule code or name in a suppression directive that outlint does not know.

## Why is this bad?
A misspelt code suppresses nothing, so the finding it was meant to silence still fails the build,
or a later finding goes unnoticed.

## Example
`<!-- outlint-disable OL9999 -->`.

## Options
None.
"""

UNREADABLE = Rule("OL001", "unreadable", "File cannot be read or decoded", _never, Severity.ERROR, doc=_READING_DOC)

INTERNAL_ERROR = Rule(
    "OL002", "internal-error", "outlint failed on this file (a bug)", _never, Severity.ERROR, doc=_INTERNAL_DOC
)

UNUSED_SUPPRESSION = Rule(
    "OL901",
    "unused-suppression",
    "Suppression directive that suppressed nothing",
    _never,
    Severity.WARNING,
    doc=_UNUSED_DOC,
)
INVALID_SUPPRESSION = Rule(
    "OL902",
    "invalid-suppression",
    "Suppression directive names an unknown rule",
    _never,
    Severity.ERROR,
    doc=_INVALID_DOC,
)

RULES: dict[str, Rule] = {
    rule.code: rule
    for rule in (
        UNREADABLE,
        INTERNAL_ERROR,
        *contents.RULES,
        *links.RULES,
        *fields.RULES,
        *numbering.RULES,
        *truncation.RULES,
        *language.RULES,
        *profile.RULES,
        *pair.RULES,
        UNUSED_SUPPRESSION,
        INVALID_SUPPRESSION,
    )
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
