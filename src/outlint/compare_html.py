"""The compare report's table: the source and target outlines aligned row by row, findings at their row."""

from __future__ import annotations

import re
from collections.abc import Sequence

from outlint import language
from outlint.compare import Comparison
from outlint.formats.html import Cell, Panel, Row, attach
from outlint.model import Finding, Heading

# OL601 names the missing source section by its line, the one thing that tells apart several
# sections missing at one place of the target
_SOURCE_LINE = re.compile(r"\(source line (\d+)\)")


def _cell(h: Heading | None, side: str) -> Cell | None:
    if h is None:
        return None
    label = h.number.label + h.title if h.number and h.number.label[-1:] in "、）．。：" else h.label
    return Cell(h.span.line, label, h.level, f"{side}{h.span.line}")


def compare_panel(cmp: Comparison, findings: Sequence[Finding]) -> Panel:
    """Rows of the comparison (``compare.Row``) as a table; each finding at the row it is about."""
    target = cmp.target.doc
    rows: list[Row] = []
    missing_rows: dict[int, int] = {}
    for r in cmp.rows:
        # a row counts in the source's chapter: the one the translator is asked about
        h = r.source if r.source is not None else r.target
        doc = cmp.source.doc if r.source is not None else target
        top = _cell(doc.facts.path(h)[0], "") if h is not None else None
        chapter = top.label if top is not None else ""
        rows.append(Row(_cell(r.source, "s"), _cell(r.target, "t"), r.status, chapter))
        if r.status == "missing" and r.source is not None:
            missing_rows[r.source.span.line] = len(rows) - 1
    starts = sorted((row.right.line, k) for k, row in enumerate(rows) if row.right is not None)
    rest = []
    for f in findings:
        m = _SOURCE_LINE.search(f.message) if f.code == "OL601" else None
        k = missing_rows.get(int(m.group(1))) if m else None
        if k is None:
            rest.append(f)
        else:
            rows[k].findings.append(f)
    al = cmp.alignment
    src, tgt = cmp.source, cmp.target
    subtitle = (
        f"{src.doc.path} ({src.doc.format}, {language.language_name(src.language)}, {len(src.headings)} sections) "
        f"-> {target.path} ({target.format}, {language.language_name(tgt.language)}, {len(tgt.headings)} sections): "
        f"{len(al.pairs)} matched, {len(al.missing)} missing, {len(al.added)} added, {len(al.moved)} moved"
    )
    panel = Panel(
        f"{target.path} compared with {src.doc.path}",
        subtitle,
        (f"source: {src.doc.path}", f"target: {target.path}"),
        (src.language, tgt.language),
        rows,
        target.facts.lines,
    )
    attach(panel, rest, {}, starts)
    return panel
