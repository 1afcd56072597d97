"""``outline --compare``: two outlines side by side, matched row by row, as text (CJK-wide) or JSON."""

from __future__ import annotations

import json
import unicodedata
from typing import Any

from outlint import language
from outlint.compare import Comparison
from outlint.model import Heading

LEFT = 60  # display columns of the source side
RIGHT = 72
MARKS = {"same": "=", "differs": "~", "moved": "!", "missing": "-", "added": "+"}
LEGEND = (
    "= matched   ~ matched, but number, level or parent differs   ! moved   "
    "- missing in the target   + not in the source\n"
)


def width(text: str) -> int:
    """Display width in a terminal: wide and full-width characters (CJK) take two columns,
    combining marks none."""
    total = 0
    for ch in text:
        if unicodedata.combining(ch):
            continue
        total += 2 if unicodedata.east_asian_width(ch) in "WF" else 1
    return total


def fit(text: str, columns: int) -> str:
    """``text`` cut to ``columns`` display columns (with "..."), padded with spaces to exactly that."""
    if width(text) > columns:
        out, used = [], 0
        for ch in text:
            w = 0 if unicodedata.combining(ch) else 2 if unicodedata.east_asian_width(ch) in "WF" else 1
            if used + w > columns - 3:
                break
            out.append(ch)
            used += w
        text = "".join(out) + "..."
    return text + " " * (columns - width(text))


def label(h: Heading) -> str:
    if h.number is not None and h.number.label[-1:] in "、）．。：":
        return h.number.label + h.title  # 一、标题, as Chinese documents write it
    return h.label


def _side(h: Heading | None) -> str:
    return "" if h is None else f"{h.span.line:>5}  {'  ' * (h.level - 1)}{label(h)}"


def render_text(cmp: Comparison) -> str:
    src, tgt = cmp.source, cmp.target
    al = cmp.alignment
    head = (
        f"source {src.doc.path}: {src.doc.format}, {language.language_name(src.language)}, "
        f"{len(src.headings)} sections\n"
        f"target {tgt.doc.path}: {tgt.doc.format}, {language.language_name(tgt.language)}, "
        f"{len(tgt.headings)} sections\n"
        f"{len(al.pairs)} matched, {len(al.missing)} missing, {len(al.added)} added, {len(al.moved)} moved\n"
    )
    rows = [f"{fit('source', LEFT)}   target\n"]
    for row in cmp.rows:
        line = f"{fit(_side(row.source), LEFT)} {MARKS[row.status]} {fit(_side(row.target), RIGHT)}"
        rows.append(line.rstrip() + "\n")
    return head + "".join(rows) + LEGEND


def _heading(h: Heading | None) -> dict[str, Any] | None:
    if h is None:
        return None
    number = None if h.number is None else {"label": h.number.label, "values": list(h.number.values)}
    return {"line": h.span.line, "level": h.level, "number": number, "title": h.title}


def render_json(cmp: Comparison) -> str:
    al = cmp.alignment
    data = {
        "source": {"path": cmp.source.doc.path, "format": cmp.source.doc.format, "language": cmp.source.language},
        "target": {"path": cmp.target.doc.path, "format": cmp.target.doc.format, "language": cmp.target.language},
        "length_ratio": cmp.ratio,
        "counts": {
            "matched": len(al.pairs),
            "missing": len(al.missing),
            "added": len(al.added),
            "moved": len(al.moved),
        },
        "rows": [{"status": r.status, "source": _heading(r.source), "target": _heading(r.target)} for r in cmp.rows],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
