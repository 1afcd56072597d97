"""outlint: check the structure of documents (contents, numbering, truncation, language)."""

from __future__ import annotations

from outlint.linter import Settings, check_bytes, check_document, check_path, read_bytes
from outlint.model import (
    Comment,
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

__version__ = "0.1.0"

read = read_bytes

__all__ = [
    "Comment",
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
