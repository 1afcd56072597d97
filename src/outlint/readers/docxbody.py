"""DOCX body: every paragraph of ``document.xml`` in order, streamed, numbered as the body counts them.

Paragraphs are numbered 1, 2, … in the order of the body, counting those in tables and content
controls but not those in text boxes, notes or comments: that number is the ``line`` of every
finding. The XML is parsed with ``iterparse`` and each paragraph dropped once read, so memory stays
a small multiple of the part.
"""

from __future__ import annotations

import importlib
import io
from collections.abc import Iterator
from typing import Any

from lxml import etree  # type: ignore[import-untyped]  # lxml ships no type hints

from outlint.model import ReadError
from outlint.readers.docxpart import MC, attr, syntax_error, tag
from outlint.readers.docxruns import P, Para, Walker, paragraph

_BODY, _TC, _TXBX, _SDT, _SDTPR = tag("body"), tag("tc"), tag("txbxContent"), tag("sdt"), tag("sdtPr")
_GALLERY, _BOOKMARK = tag("docPartGallery"), tag("bookmarkStart")
_FALLBACK = f"{{{MC}}}Fallback"


def read(data: bytes, walker: Walker, max_depth: int | None = None) -> Iterator[Para]:
    """Every paragraph of ``document.xml`` in order, its number counted as the body counts."""
    context = etree.iterparse(
        io.BytesIO(data),
        events=("end",),
        tag=P,
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        remove_comments=True,
        remove_pis=True,
    )
    number = 0
    try:
        for _, p in context:
            where, depth, sdt_toc, top = _place(p)
            if max_depth is not None and depth > max_depth:
                raise ReadError(_too_deep(depth, max_depth))
            if where == "skip":
                p.clear()
                continue
            if where != "box":
                number += 1
            para = paragraph(p, walker, number + (where == "box"), where, sdt_toc)
            if top is p:
                p.clear()
                if p.getprevious() is not None:
                    # bookmarks between paragraphs, at the body's level, mark the paragraph they precede
                    parent = p.getparent()
                    before = [attr(el, "name") for el in parent if el.tag == _BOOKMARK]
                    para.bookmarks = (*(name for name in before if name), *para.bookmarks)
                    while p.getprevious() is not None:
                        del parent[0]
            else:
                p.clear()
            yield para
    except etree.XMLSyntaxError as exc:
        raise ReadError(f"word/document.xml: not well-formed XML: {syntax_error(exc)}") from None


def _too_deep(depth: int, limit: int) -> str:
    """The input limits' own words for a document nested too deep (``outlint.inputs``, when present)."""
    try:
        inputs = importlib.import_module("outlint.inputs")
    except ImportError:
        return f"paragraphs nested {depth} elements deep, more than the limit of {limit} (--max-depth)"
    return str(inputs.too_deep(depth, limit).message)


def _place(p: Any) -> tuple[str, int, bool, Any]:
    """Where a paragraph sits (body, table, box, or skip for a fallback rendering), how deep, whether
    in a contents content control, and the body-level element that holds it."""
    where = "body"
    sdt_toc = False
    depth = 1
    node = p
    top = None
    parent = p.getparent()
    while parent is not None:
        t = parent.tag
        if t == _BODY:
            top = node
        elif t == _TXBX:
            where = "box"
        elif t == _FALLBACK:
            return "skip", depth, False, None
        elif t == _TC and where == "body":
            where = "table"
        elif t == _SDT and not sdt_toc:
            gallery = parent.find(f"{_SDTPR}/{tag('docPartObj')}/{_GALLERY}")
            if gallery is None:
                gallery = parent.find(f"{_SDTPR}/{tag('docPartList')}/{_GALLERY}")
            sdt_toc = gallery is not None and (attr(gallery, "val") or "").lower() == "table of contents"
        node = parent
        parent = parent.getparent()
        depth += 1
    return where, depth, sdt_toc and where != "box", top
