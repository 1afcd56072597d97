"""Plain-text reader: a document-level model of how the document is laid out, then its structure.

Reading plain text is inference: nothing marks a heading but the habits of the document. So the
reader is a pipeline of stages, each of which learns from the whole document before anything is
decided, and every decision keeps how it was made.

1. **Layout** (``layout``): pagination found from the document itself (form feeds, page marks such
   as ``[Page 12]`` or ``- 3 -``, bare page numbers counting up, running heads recurring in page
   order), running heads and feet of one to three lines found by their recurrence at page breaks,
   and the bounds of an e-text (``*** START OF ... ***``). These lines move to a layout layer:
   line numbers do not change, no later stage sees them, and the blank padding around them is
   layout, never content lost.
2. **Contents** (``contents``, with ``tocstart``, ``tocentries``, ``tocwrap``): the contents block as
   a whole. Its extent is decided by its structure (the block's own entry shape, page-number column
   and wrapping), never by the first odd line: entries wrapped over any number of lines, page
   numbers glued to the title, a page break inside the block, unnumbered parents over numbered
   entries.
3. **Blocks** (``blocks``): content lines grouped into blocks, blank runs into gaps, and the
   document's habits measured: the prose indent and the wrap width, against which the later
   thresholds are set (``prose indent + 2``, ``0.6 x wrap width``).
4. **Kinds** (``kinds``): each paragraph's kind at document scale: prose, code (also at the prose
   indent), tables, lists and definition entries, lines that stand alone (addresses, signatures).
   Only prose is held to sentence rules.
5. **Headings** (``candidates``, with ``underlined``, ``numbered``, ``listed``, ``outlinemode``; then
   ``headings``, ``revise``, ``styles``): heading candidates (numbered, underlined, listed in the
   contents) and their features. The candidates the contents confirms, and underlined ones, define
   the document's heading styles; every other candidate is decided by its distance to those
   styles (indent, underline, title shape) and by its fit to the numbering chain, never by a local
   test alone. Numbered steps, list items and signatures fail because they break the chain and sit
   in a list's style.
6. **Levels** (``levels.settle_levels``): levels from the numbers and underline styles, reconciled
   with the contents: where a heading's own evidence is weak (a number that restarts, an
   unnumbered title), the level of its contents entry decides, relative to the matched neighbours.

Each heading records in ``style`` how it was recognised (``numbered``, ``numbered+contents``,
``underline:=``, ``contents``) so that rules can weigh it.
"""

from __future__ import annotations

from outlint import outline, progress
from outlint.model import Document
from outlint.readers import Owned, take
from outlint.readers.decode import decode
from outlint.readers.text.blocks import group, habits, wrap_width
from outlint.readers.text.contents import contents
from outlint.readers.text.headings import classify
from outlint.readers.text.layout import layout
from outlint.readers.text.lines import blank_change_bars, split_lines, without_overstrikes

__all__ = ["read", "split_lines"]


def read(data: bytes | Owned, path: str) -> Document:
    """Read a plain-text document from its bytes, in any encoding ``decode`` recognises. Bytes
    given as ``Owned`` have no other reference: they go once decoded."""
    text, encoding = decode(take(data))
    del data  # the bytes are not needed once decoded
    if text.startswith("\ufeff"):
        text = text[1:]
    if "\xa0" in text:
        # no-break spaces (html2text, lynx and w3m put them in indentation) are spaces here;
        # one character for one, so columns stay as the editor shows them
        text = text.replace("\xa0", " ")
    source = split_lines(text)
    lines = without_overstrikes(blank_change_bars(source))
    progress.advance(0.17)  # the shares of a large file's reading each stage takes, roughly
    page = layout(lines)
    content = page.content(lines)
    progress.advance(0.22)
    width = wrap_width(lines, content)
    toc, toc_span, toc_end = contents(lines, content, page, width)
    toc = outline.level_contents(toc)
    skip = range(toc_span.line - 1, toc_end) if toc_span else range(0)
    blocks = group(lines, content, page, skip, width)
    progress.advance(0.34)
    items = classify(lines, blocks, toc, habits(lines, blocks, width))
    progress.advance(0.96)
    doc = outline.build(path, "text", text, toc, items, toc_span=toc_span, encoding=encoding)
    if lines is source:  # no change bar blanked: the lines are the source's, as the rules count them
        # (the split keeps no empty line after the last line end; the rules' lines do)
        doc.facts.know_lines((*source, "") if text.endswith(("\n", "\r")) else tuple(source))
    return doc
