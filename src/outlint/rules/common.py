"""Helpers shared by rule families: quoting text in messages and the rule-doc layout."""

from __future__ import annotations

from outlint.model import Heading


def indent(line: str) -> int:
    """The number of whitespace characters a line starts with."""
    return len(line) - len(line.lstrip())


def quote(text: str, limit: int = 60) -> str:
    """Quote document text for a message, shortened in the middle of nowhere but at a word."""
    text = " ".join(text.split())
    if len(text) > limit:
        cut = text[:limit].rsplit(" ", 1)[0] if " " in text[:limit] else text[:limit]
        text = cut.rstrip(",;:") + "..."
    return '"' + text.replace('"', "'") + '"'


def heading_ref(h: Heading) -> str:
    return quote(h.label)
