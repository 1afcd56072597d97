"""Build small plain-text documents for rule tests."""

from __future__ import annotations

BODY = "This section says what it has to say."


def text_doc(contents: list[str] | None, headings: list[str], body: str = BODY, title: str = "Test Report") -> str:
    """A document with an optional contents block and headings each followed by one paragraph."""
    out = [title, ""]
    if contents is not None:
        out += ["Contents", ""] + [f"  {c}" for c in contents] + [""]
    for h in headings:
        out += [h, "", body, ""]
    return "\n".join(out)
