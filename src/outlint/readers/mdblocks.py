"""Markdown blocks: markdown-it-py's block tokens as flat records, parsed in runs for long files."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from markdown_it import MarkdownIt

_BLOCK = MarkdownIt("commonmark", {"maxNesting": 64}).enable("table").disable(["inline", "text_join"])
_YAML_KEY = re.compile(r"[\w\"'-][^:=]*\s*[:=]|#|\s*$")


@dataclass(slots=True)
class Rec:
    """One block as the token walk meets it: 0-based ``start``, ``end`` lines (end exclusive)."""

    kind: str  # heading, para, code, table, html, gap
    start: int
    end: int
    content: str = ""
    level: int = 0  # heading level; list depth for paragraphs
    container: str = "prose"  # prose, list or quote for paragraphs; quote for a heading in a block quote
    item: bool = False  # first paragraph of a list item
    top: int = 0  # which top-level block it belongs to
    setext: bool = False


def records(text: str, lines: list[str], env: dict[str, Any]) -> Iterator[Rec]:
    """The blocks of a document in order; reference definitions are collected into ``env``."""
    front = _front_matter(lines)
    source = text if not front else "\n".join(lines[front:])
    recs: list[Rec] = []
    top, prev_end = -1, front
    for start, end in _chunks(lines, front):
        chunk = source if (start, end) == (front, len(lines)) else "\n".join(lines[start:end])
        top, prev_end = _records(_BLOCK.parse(chunk, env), lines, start, recs, top, prev_end)
        for ref in env.get("references", {}).values():
            if "line" not in ref and ref.get("map"):
                ref["line"] = ref["map"][0] + start  # 0-based line of the definition in the file
    return iter(recs)


def _front_matter(lines: list[str]) -> int:
    """Number of lines of YAML (``---``) or TOML (``+++``) front matter at the top."""
    if not lines or lines[0].rstrip() not in ("---", "+++"):
        return 0
    fence = lines[0].rstrip()
    for i in range(1, min(len(lines), 1000)):
        s = lines[i].rstrip()
        if s == fence or (fence == "---" and s == "..."):
            return i + 1 if i > 1 else 0
        if i == 1 and not _YAML_KEY.match(s):
            return 0
    return 0


_CHUNK = 200_000  # characters per markdown-it run: its tokens for a whole 10 MB file take 60 MB
_ATX_AT_MARGIN = re.compile(r"#{1,6}(?:[ \t]|$)")
_FENCE = re.compile(r" {0,3}(`{3,}|~{3,})")
_RAW_OPEN = re.compile(r" {0,3}<(?:(!--)|(script|pre|style|textarea)\b|(!\[CDATA\[))", re.IGNORECASE)


def _chunks(lines: list[str], front: int) -> list[tuple[int, int]]:
    """Line ranges that parse independently: cut before an ATX heading at the margin, which ends any
    list, quote, table or paragraph, when no fence, comment or raw HTML block is open."""
    cuts = [front]
    size = 0
    fence = ""
    closer = ""
    for n in range(front, len(lines)):
        line = lines[n]
        size += len(line) + 1
        if closer:
            if closer in line.lower():
                closer = ""
            continue
        m = _FENCE.match(line)
        if m and (
            not fence or (m.group(1)[0] == fence[0] and len(m.group(1)) >= len(fence) and not line[m.end() :].strip())
        ):
            fence = "" if fence else m.group(1)
            continue
        if fence:
            continue
        raw = _RAW_OPEN.match(line) if "<" in line[:4] else None
        if raw:
            want = "-->" if raw.group(1) else f"</{raw.group(2).lower()}>" if raw.group(2) else "]]>"
            closer = "" if want in line[raw.end() :].lower() else want
        elif size >= _CHUNK and n > cuts[-1] and _ATX_AT_MARGIN.match(line):
            cuts.append(n)
            size = len(line) + 1
    return list(zip(cuts, [*cuts[1:], len(lines)], strict=True))


def _records(
    tokens: list[Any], lines: list[str], base: int, recs: list[Rec], top: int, prev_end: int
) -> tuple[int, int]:
    """Append the blocks of one markdown-it run (its line numbers start at ``base``) to ``recs``;
    returns the count of top-level blocks and where the last one ended."""
    stack: list[str] = []
    i, n = 0, len(tokens)
    while i < n:
        tok = tokens[i]
        typ = tok.type
        start, end = (tok.map[0] + base, tok.map[1] + base) if tok.map else (0, 0)
        if tok.level == 0 and tok.nesting >= 0 and tok.map:
            top += 1
            blanks = _blank_run(lines, prev_end, start)
            if blanks >= 2 and recs:
                recs.append(Rec("gap", start - blanks, start, level=blanks, top=top))
            prev_end = end
        if typ == "paragraph_open":
            inline = tokens[i + 1]
            container = stack[-1] if stack else "prose"
            depth = stack.count("list")
            item = i > 0 and tokens[i - 1].type == "list_item_open"
            recs.append(Rec("para", start, end, inline.content, depth, container, item, top))
            i += 3
            continue
        if typ == "heading_open":
            recs.append(
                Rec(
                    "heading",
                    start,
                    end,
                    tokens[i + 1].content,
                    int(tok.tag[1]),
                    container="quote" if "quote" in stack else "prose",
                    top=top,
                    setext=tok.markup in ("=", "-"),
                )
            )
            i += 3
            continue
        if typ in ("fence", "code_block"):
            recs.append(Rec("code", start, end, tok.content, top=top))
        elif typ == "html_block":
            recs.append(Rec("html", start, end, tok.content, top=top))
        elif typ == "table_open":
            cells: list[str] = []
            j = i + 1
            while j < n and tokens[j].type != "table_close":
                if tokens[j].type == "inline":
                    cells.append(tokens[j].content)
                elif tokens[j].type == "tr_close":
                    cells.append("\n")
                j += 1
            recs.append(Rec("table", start, end, " | ".join(cells).replace(" | \n | ", "\n"), top=top))
            i = j + 1
            continue
        elif typ in ("bullet_list_open", "ordered_list_open"):
            stack.append("list")
        elif typ == "blockquote_open":
            stack.append("quote")
        elif typ in ("bullet_list_close", "ordered_list_close", "blockquote_close"):
            stack.pop()
        i += 1
    return top, prev_end


def _blank_run(lines: list[str], start: int, end: int) -> int:
    """Longest run of blank lines in ``lines[start:end]`` (link definitions may sit between blocks)."""
    best = run = 0
    for k in range(start, min(end, len(lines))):
        run = run + 1 if not lines[k].strip() else 0
        best = max(best, run)
    return best
