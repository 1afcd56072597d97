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
# readers that take an ``Owned`` and let the bytes go once decoded (the others get plain bytes)
OWNING: frozenset[str] = frozenset({"text", "markdown", "html"})
_XML_DECL = re.compile(rb"\s*<\?xml[^>]*>")
_HTML_TAG = re.compile(rb"\s*<(?:!doctype\s+html|html|head|body)\b", re.IGNORECASE)
_MARKDOWN_HINT = re.compile(rb"^(?:#{1,6}[ \t]+\S|```|~~~|\s{0,3}[-*+][ \t]+\[[^\]]*\]\(|.*\]\(#)", re.MULTILINE)


class Owned:
    """A file's bytes handed to a reader with no other reference to them, so that the reader can
    free them once decoded: a caller's own reference (an argument on its stack) would keep them
    alive as long as the document is being read."""

    __slots__ = ("data",)

    def __init__(self, data: bytes) -> None:
        self.data = data

    def take(self) -> bytes:
        """The bytes, once: the holder lets them go."""
        data, self.data = self.data, b""
        return data


def take(data: bytes | Owned) -> bytes:
    """The bytes of plain bytes or of an ``Owned`` (which then no longer holds them)."""
    return data.take() if isinstance(data, Owned) else data


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
    if _HTML_TAG.match(_after_comments(head)):
        return "html"
    if _MARKDOWN_HINT.search(head):
        return "markdown"
    return "text"


def _after_comments(head: bytes) -> bytes:
    """The head without a leading XML declaration and comments. Comments are skipped with find(), not
    a regex: ``(?:<!--.*?-->\\s*)*`` backtracks exponentially on a run of ``<!---->``."""
    m = _XML_DECL.match(head)
    at = m.end() if m else 0
    while True:
        start = at + len(head[at:]) - len(head[at:].lstrip())
        if not head.startswith(b"<!--", start):
            return head[start:]
        end = head.find(b"-->", start + 4)
        if end < 0:
            return b""
        at = end + 3


def reader(fmt: str) -> Callable[..., Document]:
    """The reader of ``fmt``: ``read(data: bytes, path, **options) -> Document``."""
    read: Callable[..., Document] = importlib.import_module(READERS[fmt]).read
    return read
