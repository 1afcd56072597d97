"""outlint: check the structure of documents (contents, numbering, truncation, language)."""

from __future__ import annotations

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing at start-up; mypy knows the name
__version__ = "0.1.0"

# The public names, imported on first use: the command's entry point imports this package before
# anything else, and it must be cheap so that Ctrl-C during start-up can end quietly.
_EXPORTS = {
    **dict.fromkeys(("Settings", "check_bytes", "check_document", "check_path", "read_bytes"), "outlint.linter"),
    **dict.fromkeys(
        ("Comment", "Detected", "Document", "Finding", "Gap", "Heading", "Number", "Paragraph", "ReadError"),
        "outlint.model",
    ),
    **dict.fromkeys(("Related", "Rule", "Severity", "Span", "TocEntry"), "outlint.model"),
}

if TYPE_CHECKING:
    from outlint.linter import Settings, check_bytes, check_document, check_path, read_bytes
    from outlint.model import (
        Comment,
        Detected,
        Document,
        Finding,
        Gap,
        Heading,
        Number,
        Paragraph,
        ReadError,
        Related,
        Rule,
        Severity,
        Span,
        TocEntry,
    )

    read = read_bytes


def __getattr__(name: str) -> object:
    import importlib

    module = _EXPORTS.get("read_bytes" if name == "read" else name)
    if module is None:
        raise AttributeError(f"module 'outlint' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), "read_bytes" if name == "read" else name)
    globals()[name] = value
    return value


__all__ = [
    "Comment",
    "Detected",
    "Document",
    "Finding",
    "Gap",
    "Heading",
    "Number",
    "Paragraph",
    "ReadError",
    "Related",
    "Rule",
    "Settings",
    "Severity",
    "Span",
    "TocEntry",
    "__version__",
    "check_bytes",
    "check_document",
    "check_path",
    "read",
    "read_bytes",
]
