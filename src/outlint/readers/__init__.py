"""Readers turn bytes into a Document; one module per format, chosen by suffix or by sniffing.

Each module has ``read(data: bytes, path, **options) -> Document``; the text-based ones decode the
bytes themselves (``readers.decode``), so a binary format is one module and one line here.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable

from outlint.model import Document

# format name -> module implementing read(data, path, **options); imported when needed
READERS: dict[str, str] = {
    "text": "outlint.readers.text",
    "markdown": "outlint.readers.markdown",
    "html": "outlint.readers.html",
    "docx": "outlint.readers.docx",
}
SUFFIXES: dict[str, str] = {
    ".txt": "text",
    ".text": "text",
    ".rst": "text",
    "": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".mdown": "markdown",
    ".mkd": "markdown",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".docx": "docx",
}
# keyword options each reader accepts (``read(data, path, **options)``), passed on by the linter
OPTIONS: dict[str, frozenset[str]] = {
    "markdown": frozenset({"slug", "max_depth"}),
    "html": frozenset({"max_depth"}),
    "docx": frozenset({"max_depth"}),
}
_HTML_START = re.compile(
    rb"\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b", re.IGNORECASE | re.DOTALL
)
_MARKDOWN_HINT = re.compile(rb"^(?:#{1,6}[ \t]+\S|```|~~~|\s{0,3}[-*+][ \t]+\[[^\]]*\]\(|.*\]\(#)", re.MULTILINE)


def format_for(path: str) -> str | None:
    """The format of a path from its suffix, or None when outlint does not read it."""
    name = path.rsplit("/", 1)[-1]
    suffix = "." + name.rsplit(".", 1)[-1].lower() if "." in name else ""
    return SUFFIXES.get(suffix)


def sniff(data: bytes) -> str:
    """The format of unnamed data (stdin, files without a suffix) from its first bytes."""
    if data[:4] == b"PK\x03\x04":
        return "docx"  # a zip: the DOCX reader says what it is if it is no Word document
    head = data[:4096].lstrip(b"\xef\xbb\xbf")
    if _HTML_START.match(head):
        return "html"
    if _MARKDOWN_HINT.search(head):
        return "markdown"
    return "text"


def reader(fmt: str) -> Callable[..., Document]:
    """The reader of ``fmt``: ``read(data: bytes, path, **options) -> Document``."""
    read: Callable[..., Document] = importlib.import_module(READERS[fmt]).read
    return read
