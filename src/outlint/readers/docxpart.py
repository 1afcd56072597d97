"""The DOCX package: the zip and its limits, the parts found through relationships, and safe XML parsing.

Nothing is ever resolved or fetched: no DTD, no entities, no network. A zip bomb, a zip that is no
Word document, a missing part and malformed XML each become one ``ReadError`` naming the reason.
"""

from __future__ import annotations

import io
import posixpath
import re
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from lxml import etree  # type: ignore[import-untyped]  # lxml ships no type hints

from outlint.model import ReadError

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_W = "{" + W + "}"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
_CT = "{http://schemas.openxmlformats.org/package/2006/content-types}"

# Strict Open XML names the same elements in other namespaces; the parts are read as transitional.
_STRICT = (
    (b"http://purl.oclc.org/ooxml/wordprocessingml/main", W.encode()),
    (
        b"http://purl.oclc.org/ooxml/officeDocument/relationships",
        b"http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    ),
)

# Limits against zip bombs: the parts outlint reads may not unpack to more than this in all, and a
# part bigger than _RATIO_FLOOR may not unpack to more than _MAX_RATIO times its packed size
# (real document.xml packs 5 to 30 times; the same limit as Apache POI's default).
MAX_UNPACKED = 512 * 1024 * 1024
MAX_RATIO = 100
_RATIO_FLOOR = 1024 * 1024

_MAIN_TYPES = {
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml": "document",
    "application/vnd.ms-word.document.macroEnabled.main+xml": "macro-enabled document",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml": "template",
    "application/vnd.ms-word.template.macroEnabledTemplate.main+xml": "macro-enabled template",
}
# What a zip that is no Word document is, from a part only that kind has.
_OTHER_ZIPS = (
    ("xl/workbook.xml", "an Excel workbook (.xlsx)"),
    ("ppt/presentation.xml", "a PowerPoint presentation (.pptx)"),
    ("content.xml", "an OpenDocument file (.odt/.ods/.odp)"),
    ("META-INF/container.xml", "an EPUB book"),
)
_XML_BLANKS = b" \t\r\n"


def _declares_dtd(data: bytes) -> bool:
    """Whether the XML prolog (blanks, processing instructions, comments) leads to ``<!DOCTYPE``.
    A scan by hand: as a pattern, the repeated optional parts backtrack exponentially."""
    pos, end = 0, len(data)
    while pos < end:
        while pos < end and data[pos] in _XML_BLANKS:
            pos += 1
        if data.startswith(b"<?", pos):
            close = data.find(b">", pos + 2)
            if close < pos + 3 or data[close - 1] != ord("?"):
                return False  # not a well-formed instruction: no DTD follows it either
            pos = close + 1
        elif data.startswith(b"<!--", pos):
            close = data.find(b"-->", pos + 4)
            if close < 0:
                return False
            pos = close + 3
        else:
            return data.startswith(b"<!DOCTYPE", pos)
    return False


def parser() -> Any:
    """An XML parser that resolves no entity, loads no DTD and never touches the network."""
    return etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, remove_comments=True, remove_pis=True
    )


@dataclass(slots=True)
class Package:
    """An opened DOCX: its zip, its main part, and the parts the main part relates to, by kind
    (``styles``, ``numbering``, ``footnotes``, ``endnotes``, ``comments``, ``settings``)."""

    zip: zipfile.ZipFile
    main: str
    related: dict[str, str] = field(default_factory=dict)
    unpacked: int = 0  # bytes unpacked so far, against MAX_UNPACKED


def open_package(data: bytes) -> Package:
    """Open a DOCX from its bytes and find its parts; ReadError when it is none."""
    if data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
        raise ReadError(
            "not a DOCX file: an OLE2 compound file (a Word 97-2003 .doc, or a password-protected document)"
        )
    if data[:2] != b"PK":
        raise ReadError("not a DOCX file: not a zip archive")
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError, NotImplementedError) as exc:
        # NotImplementedError: a member needs a zip version Python cannot extract (a damaged header)
        raise ReadError(f"not a DOCX file: broken zip archive ({exc})") from None
    names = set(zf.namelist())
    pkg = Package(zf, "")
    main = _main_part(pkg, names)
    if main is None or main not in names:
        what = next((kind for part, kind in _OTHER_ZIPS if part in names), None)
        if what:
            raise ReadError(f"not a DOCX file: {what}")
        if main is not None:
            raise ReadError(f"not a DOCX file: its main part {main} is missing")
        raise ReadError("not a DOCX file: a zip archive with no word/document.xml")
    kind = _content_type(pkg, names, main)
    if kind is not None and kind not in _MAIN_TYPES:
        raise ReadError(f"not a DOCX file: its main part is {kind}")
    pkg.main = main
    pkg.related = _relations(pkg, names, main)
    return pkg


def _main_part(pkg: Package, names: set[str]) -> str | None:
    """The office document the package relationships name (it need not be word/document.xml)."""
    if "_rels/.rels" in names:
        for rel_type, target in _rels(pkg, "_rels/.rels", ""):
            if rel_type == "officeDocument":
                return target
        return None
    return "word/document.xml" if "word/document.xml" in names else None


def _content_type(pkg: Package, names: set[str], part: str) -> str | None:
    if "[Content_Types].xml" not in names:
        return None
    root = xml(pkg, "[Content_Types].xml")
    for el in root.iter(_CT + "Override"):
        if (el.get("PartName") or "").lstrip("/") == part:
            return str(el.get("ContentType") or "")
    return None  # given by extension defaults: application/xml says nothing


def _relations(pkg: Package, names: set[str], main: str) -> dict[str, str]:
    folder, base = posixpath.split(main)
    rels = posixpath.join(folder, "_rels", base + ".rels")
    out: dict[str, str] = {}
    if rels in names:
        for rel_type, target in _rels(pkg, rels, folder):
            if target in names:
                out.setdefault(rel_type, target)
    return out


def _rels(pkg: Package, name: str, folder: str) -> Iterator[tuple[str, str]]:
    """(kind, part name) of each internal relationship of a .rels part; kind is the type's last word."""
    for el in xml(pkg, name).iter(_REL):
        if el.get("TargetMode") == "External":
            continue
        target = el.get("Target") or ""
        path = target.lstrip("/") if target.startswith("/") else posixpath.join(folder, target)
        yield (el.get("Type") or "").rsplit("/", 1)[-1], posixpath.normpath(path).lstrip("/")


def read_part(pkg: Package, name: str) -> bytes:
    """The unpacked bytes of a part, within the zip-bomb limits."""
    try:
        info = pkg.zip.getinfo(name)
    except KeyError:
        raise ReadError(f"not a DOCX file: part {name} is missing") from None
    if info.flag_bits & 0x1:
        raise ReadError(f"{name} is encrypted")
    if info.file_size > _RATIO_FLOOR and info.file_size > MAX_RATIO * max(info.compress_size, 1):
        raise ReadError(
            f"zip bomb: {name} would unpack {info.compress_size:,} bytes to {info.file_size:,} "
            f"(more than {MAX_RATIO} times)"
        )
    pkg.unpacked += info.file_size
    if pkg.unpacked > MAX_UNPACKED:
        raise ReadError(f"zip bomb: the parts to read unpack to more than {MAX_UNPACKED // 2**20} MB")
    try:
        # zipfile never returns more than the declared size, and checks the CRC at the end
        data = pkg.zip.read(info)
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError, NotImplementedError, RuntimeError) as exc:
        raise ReadError(f"{name}: cannot unpack ({exc})") from None
    for strict, transitional in _STRICT:
        if strict in data:
            data = data.replace(strict, transitional)
    return data


def check_xml(name: str, data: bytes) -> None:
    """Refuse a part that declares a DTD: no Word document does, and entities are never resolved."""
    if _declares_dtd(data):
        raise ReadError(f"{name}: declares a DTD (<!DOCTYPE>), which no Word document does")


def xml(pkg: Package, name: str) -> Any:
    """The parsed root of a part (small parts: relationships, styles, numbering, notes, comments)."""
    data = read_part(pkg, name)
    check_xml(name, data)
    try:
        root = etree.fromstring(data, parser())
    except etree.XMLSyntaxError as exc:
        raise ReadError(f"{name}: not well-formed XML: {syntax_error(exc)}") from None
    if root is None:
        raise ReadError(f"{name}: empty XML")
    return root


def syntax_error(exc: Any) -> str:
    """lxml's message in one line, without the repeated position."""
    msg = " ".join(str(exc.msg if getattr(exc, "msg", None) else exc).split())
    return re.sub(r",? line \d+, column \d+$", "", msg) + (f" (line {exc.lineno})" if exc.lineno else "")


def attr(el: Any, name: str) -> str | None:
    """A ``w:`` attribute of an element, or None."""
    if el is None:
        return None
    value = el.get(_W + name)
    return None if value is None else str(value)


def on(el: Any) -> bool:
    """A WordprocessingML toggle (``<w:b/>``, ``<w:vanish w:val="0"/>``): present and not false."""
    return el is not None and attr(el, "val") not in ("0", "false", "off", "none")


def tag(name: str) -> str:
    """The Clark name of a ``w:`` element."""
    return _W + name
