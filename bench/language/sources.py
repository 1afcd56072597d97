"""Real text for the language benchmark: blocks of Debian Reference chapters and English documentation.

Blocks are extracted straight from the DocBook HTML with lxml (not with outlint's readers, so that
the benchmark does not move when the code it measures changes). Every source file belongs to the
split its SHA-256 gives (``pool.split_of``).
"""

from __future__ import annotations

import gzip
import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

from lxml import etree, html

REFERENCE = Path("/usr/share/debian-reference")
DOC = Path("/usr/share/doc")
LANGS = ("en", "fr", "de", "es", "it", "ja", "zh-cn", "zh-tw")
CHAPTERS = (*(f"ch{n:02d}" for n in range(1, 11)), "apa")
_WS = re.compile(r"\s+")


@dataclass(frozen=True)
class Block:
    """One block of a source: ``kind`` is heading, prose, list, quote or code; ``level`` for headings."""

    kind: str
    text: str
    level: int = 0


def read_bytes(path: Path) -> bytes:
    data = path.read_bytes()
    return gzip.decompress(data) if path.suffix == ".gz" else data


def split_of(path: Path) -> str:
    """``dev`` or ``held-out``, fixed before any tuning: the first byte of the SHA-256 of the
    document's bytes (decompressed if ``.gz``) below 128 is dev, else held-out."""
    return "dev" if hashlib.sha256(read_bytes(path)).digest()[0] < 128 else "held-out"


def sha256(path: Path) -> str:
    return hashlib.sha256(read_bytes(path)).hexdigest()


def _inline(el: etree._Element) -> str:
    """An element's text as an author would write it in Markdown: literals in backticks."""
    parts: list[str] = []

    def visit(node: etree._Element) -> None:
        if node.text:
            parts.append(node.text)
        for child in node:
            if not isinstance(child.tag, str):
                pass
            elif child.tag == "code" or "literal" in (child.get("class") or "").split():
                parts.append("`" + "".join(child.itertext()).replace("`", "'") + "`")
            elif child.tag not in ("img", "script", "style"):
                visit(child)
            if child.tail:
                parts.append(child.tail)

    visit(el)
    return _WS.sub(" ", "".join(parts)).strip()


_ADMONITIONS = {"note", "warning", "tip", "caution", "important"}


def reference_blocks(path: Path) -> list[Block]:
    """Headings, paragraphs, list items, admonitions (as quotes) and screens of one chapter."""
    root = html.fromstring(read_bytes(path))
    out: list[Block] = []
    for el in root.iter("h1", "h2", "h3", "h4", "h5", "p", "pre"):
        ancestors = list(el.iterancestors())
        classes = {c for a in ancestors for c in (a.get("class") or "").split()}
        tags = {a.tag for a in ancestors}
        if classes & {"toc", "navheader", "navfooter", "list-of-tables", "list-of-figures"}:
            continue
        if el.tag == "pre":
            text = "".join(el.itertext()).strip("\n")
            if text.strip():
                out.append(Block("code", text))
            continue
        text = _inline(el)
        if not text:
            continue
        if el.tag.startswith("h"):
            out.append(Block("heading", text, int(el.tag[1])))
        elif classes & _ADMONITIONS:
            out.append(Block("quote", text))
        elif "table" in tags or ("dl" in tags and "li" not in tags):
            continue  # table cells and glossary terms are not running text
        elif "li" in tags:
            out.append(Block("list", text))
        else:
            out.append(Block("prose", text))
    return out


def reference_chapters() -> dict[tuple[str, str], Path]:
    """(chapter, language) -> path, for the chapters installed."""
    found = {}
    for chapter in CHAPTERS:
        for lang in LANGS:
            path = REFERENCE / f"{chapter}.{lang}.html"
            if path.exists():
                found[(chapter, lang)] = path
    return found


_ENGLISH_DOC_NAMES = re.compile(r"(?i)^(readme|news|hacking|coding_style|contributing|.*manual|.*\.md)")


MANIFEST = Path(__file__).resolve().parent / "english-docs.txt"


def english_documents() -> list[Path]:
    """The English documents of the manifest (path and SHA-256, so that every machine scores the
    same text); a file missing or changed is left out and counted by the caller."""
    out = []
    for line in MANIFEST.read_text().splitlines():
        digest, _, name = line.partition("  ")
        path = Path(name)
        if path.is_file() and sha256(path) == digest:
            out.append(path)
    return out


def find_english_documents(limit: int = 300) -> list[Path]:
    """English documentation files shipped by installed packages: READMEs, manuals, Markdown notes
    (used once to write the manifest: ``python bench/language/sources.py``)."""
    out = []
    for path in sorted(DOC.glob("*/*")):
        if not path.is_file() or path.is_symlink():
            continue
        name = path.name[:-3] if path.name.endswith(".gz") else path.name
        if not _ENGLISH_DOC_NAMES.match(name) or name.endswith((".html", ".Debian", ".ja", ".zh", ".fr", ".de")):
            continue
        size = path.stat().st_size
        if not 2_000 <= size <= 300_000:
            continue
        out.append(path)
    return out[:limit]


if __name__ == "__main__":
    MANIFEST.write_text("".join(f"{sha256(p)}  {p}\n" for p in find_english_documents()))
