"""Tables in plain text: rows of cells that wide gaps or tabs part, and their wrapped cells."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from outlint.readers.text.lines import indent

TABLE_ROW = re.compile(r".*(?:\S\s{3,}\S.*\S\s{3,}\S|[|│┃].*[|│┃]|^\s*[+┌├└][-=+─┬┼┴]{3,})")
GAP = re.compile(r"\S(\s{3,})\S")
_TAB_ROW = re.compile(r"\s*[^\s\t][^\t]*\t\s*\S")
_CELLS = re.compile(r"\s*\S+(?: \S+)*?(?:\t|\s{3,})\s*\S")


# A table's rows that start their second cell in one column, this share of them at least, make a
# table of a block of this many lines or more (its header and its rules may start elsewhere).
ALIGNED_SHARE = 0.8
ALIGNED_ROWS = 4


def aligned_columns(body: Sequence[str]) -> bool:
    """Every line has a wide gap, and the text after it starts in the same column: a table; or,
    in a longer block, nearly every line ("PC Key     maps to   VT Key." over "F1       PF1")."""
    starts: Counter[int] = Counter()
    for s in body:
        m = GAP.search(s)
        if m is None:
            return False
        starts[m.end(1)] += 1
    if len(starts) == 1:
        return True
    return len(body) >= ALIGNED_ROWS and starts.most_common(1)[0][1] >= ALIGNED_SHARE * len(body)


def wrapped_row(body: Sequence[str]) -> bool:
    """One row of a table of three columns or more, its last cell wrapped: a first line of cells
    that wide gaps part, and every later line starting where a cell after the first starts
    ("0x0c ('ctf_type_t'   'uint32_t ctt_lsizehi'   The high 32 bits ..." over "only)" and the rest
    of the description, as makeinfo sets a multitable's rows)."""
    starts = {m.end(1) for m in GAP.finditer(body[0])}
    if len(starts) < 2 or not any(indent(s) in starts for s in body[1:]):
        return False
    return all(indent(s) in starts or indent(s) == indent(body[0]) for s in body[1:])  # (or the first cell's)


def same_cells(rows: Sequence[str]) -> bool:
    """Whether rows of cells start their cells in the same columns, row after row."""
    return len({tuple(m.end(1) for m in GAP.finditer(s)) for s in rows}) == 1


def tab_cells(body: Sequence[str]) -> bool:
    """Rows of cells: nearly every line has a first cell, then a tab or a wide gap; half with a tab."""
    cells = sum(1 for s in body if _CELLS.match(s))
    tabs = sum(1 for s in body if _TAB_ROW.match(s))
    return cells * 10 >= len(body) * 9 and tabs * 2 >= len(body)
