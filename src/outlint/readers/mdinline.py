"""Markdown inline content: readable paragraph text mapped to its source, heading titles, in-page links."""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from typing import Any

from markdown_it import MarkdownIt

_INLINE = MarkdownIt("commonmark", {"store_labels": True})  # labels: a reference link names its definition
_TEXT_TOKENS = {"text": True, "code_inline": True}

# One pass over a line of paragraph source: code spans stay as written (backticks shield them from
# the prose checks, and the language module skips them), images and raw HTML go, links keep their
# text, entities and escapes are decoded.
_MARKUP = re.compile(
    r"(?P<code>(?P<ticks>`+).+?(?<!`)(?P=ticks)(?!`))"
    r"|(?P<img>!\[(?:[^\[\]]|\[[^\]]*\])*\](?:\((?:[^()]|\([^()]*\))*\)|\[[^\]]*\])?)"
    r"|(?P<link>\[(?P<text>(?:[^\[\]]|!?\[[^\]]*\](?:\((?:[^()]|\([^()]*\))*\))?)*)\]"
    r"(?:\((?:[^()]|\([^()]*\))*\)|\[[^\]]*\]))"
    r"|(?P<auto><(?P<url>(?:https?|ftp|mailto):[^<>\s]*)>)"
    r"|(?P<tag><!--.*?(?:-->|$)|</?[A-Za-z][^<>]*>)"
    r"|(?P<ent>&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});)"
    r"|(?P<esc>\\[!-/:-@\[-`{-~])"
)
_SPECIAL = re.compile(r"[`!\[<&\\]")
_IMAGE = re.compile(r"!\[[^\]]*\](?:\((?:[^()]|\([^()]*\))*\))?")
_WORDISH = re.compile(r"[^\W\d_]")


def plain(content: str, raw: Sequence[str], first: int) -> tuple[str, tuple[tuple[int, int, int], ...], bool]:
    """Readable text of a paragraph's inline source, its origin map, and whether it has text of its
    own outside links, images, code and markup (a line of badges or links has none).

    ``content`` is the paragraph as markdown-it gives it (container markers and indentation gone),
    ``raw`` the document's lines, ``first`` the 0-based line the paragraph starts on.
    """
    out: list[str] = []
    origin: list[tuple[int, int, int]] = []
    size = 0
    own = False
    for k, piece in enumerate(content.split("\n")):
        piece = piece.strip()
        if not piece:
            continue
        line = first + k
        source = raw[line] if line < len(raw) else piece
        col = source.find(piece[:16]) + 1 or 1
        if out:
            out.append(" ")
            size += 1
        origin.append((size, line + 1, col))
        if not _SPECIAL.search(piece):
            out.append(piece)
            size += len(piece)
            own = own or bool(_WORDISH.search(piece))
            continue
        pos = 0
        for m in _MARKUP.finditer(piece):
            literal = piece[pos : m.start()]
            own = own or bool(_WORDISH.search(literal))
            out.append(literal)
            size += len(literal)
            kind = m.lastgroup
            if m.group("code") is not None:
                kind = "code"
            elif m.group("link") is not None:
                kind = "link"
            elif m.group("auto") is not None:
                kind = "auto"
            if kind == "code":
                text = m.group()
            elif kind == "link":
                text = _IMAGE.sub("", m.group("text"))
                origin.append((size, line + 1, col + m.start() + 1))
            elif kind == "auto":
                text = m.group("url")  # an autolink shows its address
                origin.append((size, line + 1, col + m.start() + 1))
            elif kind == "ent":
                text = html.unescape(m.group())
                own = True
            elif kind == "esc":
                text = m.group()[1]
                own = True
            else:
                text = ""
            out.append(text)
            size += len(text)
            pos = m.end()
            if len(text) != pos - m.start() or kind in ("link", "auto"):
                origin.append((size, line + 1, col + pos))
        literal = piece[pos:]
        own = own or bool(_WORDISH.search(literal))
        out.append(literal)
        size += len(literal)
    return "".join(out), tuple(origin), own


def _children(content: str, env: dict[str, Any]) -> list[Any]:
    tokens = _INLINE.parseInline(content, env)
    return list(tokens[0].children or []) if tokens else []


def heading_text(content: str, env: dict[str, Any]) -> tuple[str, list[str]]:
    """The text a renderer shows for inline source (emphasis, links and code unwrapped, images and
    raw HTML dropped) and the ids of any ``<a id/name>`` inside it. Anchors are computed from it."""
    if not _SPECIAL.search(content) and "*" not in content and "_" not in content:
        return content.strip(), []
    parts: list[str] = []
    ids: list[str] = []
    for tok in _children(content, env):
        if tok.type in _TEXT_TOKENS:
            parts.append(tok.content)
        elif tok.type in ("softbreak", "hardbreak"):
            parts.append(" ")
        elif tok.type == "html_inline":
            from outlint.readers.markup import ids_in

            ids.extend(ids_in(tok.content))
    return "".join(parts), ids  # not stripped: a dropped image leaves its space in the anchor


# Inline source whose only markup is plain ``[text](target)`` links: read without a parser, as
# contents lists are made of little else.
_PLAIN_LINK = r"\[[^\[\]\\`*_<>&!]*\]\([^()\s<>\\&%]*\)"
_ONLY_PLAIN_LINKS = re.compile(rf"(?:[^\[\]\\`<>&!*_()]|{_PLAIN_LINK})*")
_PLAIN_LINK_PARTS = re.compile(r"\[([^\]]*)\]\(([^)]*)\)")


def links(content: str, env: dict[str, Any]) -> list[tuple[str, str, str | None]]:
    """``(href, text, label)`` of every link of inline source, in order; ``label`` names the
    reference definition a reference link takes its target from (None for an inline link)."""
    if _ONLY_PLAIN_LINKS.fullmatch(content):
        return [(m.group(2), m.group(1).strip(), None) for m in _PLAIN_LINK_PARTS.finditer(content)]
    out: list[tuple[str, str, str | None]] = []
    href: str | None = None
    label: str | None = None
    parts: list[str] = []
    for tok in _children(content, env):
        if tok.type == "link_open":
            href, parts = str(tok.attrs.get("href", "")), []
            label = tok.meta.get("label") if tok.meta else None
        elif tok.type == "link_close" and href is not None:
            out.append((href, "".join(parts).strip(), label))
            href = None
        elif href is not None and tok.type in _TEXT_TOKENS:
            parts.append(tok.content)
        elif href is not None and tok.type in ("softbreak", "hardbreak"):
            parts.append(" ")
    return out
