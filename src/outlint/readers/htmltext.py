"""The body text of an HTML page, built paragraph by paragraph, with a map back to the source."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from typing import Any

from outlint import outline
from outlint.model import Heading, Paragraph, Span
from outlint.readers.htmlsource import Source

_ENTITY = re.compile(r"&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")


@dataclass(slots=True)
class State:
    """What the walk has built so far, and the paragraph it is in the middle of."""

    src: Source
    base_lang: str | None
    skip: frozenset[int]  # id() of the contents blocks: read as the contents, not as body text
    first_with: dict[str, Any]  # each id -> the first element that has it: where a browser goes
    blocks: list[outline.Block] = field(default_factory=list)
    anchors: dict[str, Heading | None] = field(default_factory=dict)
    pending: list[tuple[str, Any]] = field(default_factory=list)  # (id, element) of empty anchors before a heading
    sections: list[tuple[str, Any]] = field(default_factory=list)  # (id, element) of open sections, heading to come
    parts: list[str] = field(default_factory=list)
    origin: list[tuple[int, int, int]] = field(default_factory=list)
    size: int = 0
    space: bool = False
    media: bool = False
    first: tuple[int, int] | None = None
    last_line: int = 0
    kind: str = "prose"
    lang: str | None = None
    h1_base: int = 0
    asides: int = 0  # open <aside> elements inside sections: their headings are no sections


def add(st: State, text: str, offset: int | None, kind: str, lang: str | None) -> None:
    """Append a text node to the paragraph being built, recording where each of its lines starts."""
    if st.first is None:
        if not text.strip():
            st.space = st.space or bool(text)
            return
        st.kind, st.lang = kind, lang
    line, col = st.src.position(offset) if offset is not None else (st.last_line or 1, 1)
    points = _entity_points(st.src, offset, text) if offset is not None else []
    at = 0  # index in ``text`` where the segment starts
    for k, seg in enumerate(text.split("\n")):
        if k:
            line, col = line + 1, 1
            st.space = True
        stripped = seg.strip()
        if not stripped:
            st.space = st.space or bool(seg)
            at += len(seg) + 1
            continue
        lead = len(seg) - len(seg.lstrip())
        if st.parts and (st.space or lead):
            st.parts.append(" ")
            st.size += 1
        st.space = seg[-1].isspace()
        piece = stripped if _collapsed(stripped) else " ".join(stripped.split())
        st.origin.append((st.size, line, col + lead))
        for index, raw in points:  # after each entity, the text resumes at a known place
            if at + lead < index < at + lead + len(piece):
                st.origin.append((st.size + index - at - lead, *st.src.position(raw)))
        if st.first is None:
            st.first = (line, col + lead)
        st.parts.append(piece)
        st.size += len(piece)
        st.last_line = line
        st.pending.clear()
        at += len(seg) + 1


def _collapsed(text: str) -> bool:
    """Whether stripped text is as collapsing its whitespace would leave it: most text is, and
    finding that out is faster than splitting it into words and joining them again."""
    return (
        text.isascii()  # past ASCII, str.split() knows more spaces: those texts are split and joined
        and "  " not in text
        and "\t" not in text
        and "\r" not in text
        and "\x0b" not in text
        and "\x0c" not in text
        and "\x1c" not in text
        and "\x1d" not in text
        and "\x1e" not in text
        and "\x1f" not in text
    )


def _entity_points(src: Source, offset: int, text: str) -> list[tuple[int, int]]:
    """``(index in text, source offset)`` just after each character reference in a text node's
    source, where decoded text and source stop lining up."""
    end = src.text.find("<", offset)
    end = end if end >= 0 else len(src.text)
    if src.text.find("&", offset, end) < 0:
        return []
    raw = src.text[offset:end]
    out: list[tuple[int, int]] = []
    i = j = 0
    while i < len(raw) and j < len(text):
        m = _ENTITY.match(raw, i) if raw[i] == "&" else None
        if m is not None:
            i, j = m.end(), j + len(html.unescape(m.group()))
            out.append((j, offset + i))
        else:
            i += 2 if raw.startswith("\r\n", i) else 1
            j += 1
    return out


def flush(st: State) -> None:
    if st.first is not None:
        line, col = st.first
        end = st.last_line
        span = Span(line, col, end, max(1, st.src.line_width(end)))
        lang = st.lang if st.lang != st.base_lang else None
        st.blocks.append(Paragraph("".join(st.parts), span, st.kind, lang, tuple(st.origin)))
    elif st.media:
        line = st.last_line or 1
        st.blocks.append(Paragraph("", Span(line, 1, line, 1), "html"))
    st.parts, st.origin, st.size, st.space, st.media, st.first = [], [], 0, False, False, None
