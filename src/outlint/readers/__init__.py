"""Readers turn bytes into a Document; one module per format, chosen by suffix or by sniffing."""

from __future__ import annotations

import importlib
from collections.abc import Callable

from outlint.model import Document

Reader = Callable[[bytes, str], Document]

# format name -> module implementing read(data, path); imported lazily, only when needed
READERS: dict[str, str] = {
    "text": "outlint.readers.text",
}
SUFFIXES: dict[str, str] = {
    ".txt": "text",
    ".text": "text",
    ".rst": "text",
    "": "text",
}


def format_for(path: str) -> str | None:
    """The format of a path from its suffix, or None when outlint does not read it."""
    name = path.rsplit("/", 1)[-1]
    suffix = "." + name.rsplit(".", 1)[-1].lower() if "." in name else ""
    return SUFFIXES.get(suffix)


def reader(fmt: str) -> Reader:
    module = importlib.import_module(READERS[fmt])
    read: Reader = module.read
    return read
