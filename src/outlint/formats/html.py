"""HTML format: one self-contained page for people, outlines side by side with each finding at its place.

No network and no external asset: the style and the script are inline, and a Content-Security-
Policy allows only that one script (by its hash), so even text that escaped escaping could not run.
Every piece of document text goes through ``html.escape``. Cells carry ``dir="auto"`` and the
document's ``lang``, so right-to-left and CJK text display as they should.
"""

from __future__ import annotations

import base64
import bisect
import hashlib
import html
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from outlint.compare import Comparison
from outlint.model import Document, Finding, Heading, Severity, TocEntry

_SEVERITIES = (Severity.ERROR, Severity.WARNING, Severity.INFO)


@dataclass(frozen=True, slots=True)
class Cell:
    """One side of a row: a contents entry or a heading (or a source / target section)."""

    line: int
    label: str
    level: int
    anchor: str


@dataclass(slots=True)
class Row:
    left: Cell | None
    right: Cell | None
    status: str  # same, differs, order, missing, added, moved: a CSS class and a legend entry
    chapter: str
    findings: list[Finding] = field(default_factory=list)


@dataclass(slots=True)
class Panel:
    """One document's table (or one pair's): rows, the lines to quote, the findings at the top."""

    title: str
    subtitle: str
    heads: tuple[str, str]
    langs: tuple[str | None, str | None]
    rows: list[Row]
    lines: Sequence[str]
    top: list[Finding] = field(default_factory=list)  # findings before the first row's section


SYMBOLS = {
    "same": ("=", "matched"),
    "differs": ("~", "matched, but number, title or parent differs"),
    "order": ("!", "out of order"),
    "moved": ("⇅", "moved: in another order than in the source"),
    "missing": ("−", "missing on the right"),
    "added": ("+", "only on the right"),
    "heading": ("", "heading"),
}


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 or word == "info" else f"{n} {word}s"


def esc(text: object) -> str:
    return html.escape(str(text), quote=True)


def _cell(cell: Cell | None, lang: str | None, other: Cell | None) -> str:
    if cell is None:
        return '<td class="ln"></td><td class="t empty"></td>'
    link = f' href="#{esc(other.anchor)}"' if other else ""
    tag = f"<a{link}>{esc(cell.label)}</a>" if other else esc(cell.label)
    lang_attr = f' lang="{esc(lang)}"' if lang else ""
    return (
        f'<td class="ln">{cell.line}</td><td class="t" id="{esc(cell.anchor)}" dir="auto"{lang_attr} '
        f'style="padding-left:{0.3 + 1.2 * (cell.level - 1):.1f}em">{tag}</td>'
    )


def _place(f: Finding, lines: Sequence[str]) -> str:
    """The text of a finding's place: its first lines, with the spanned part of a one-line span marked."""
    s = f.span
    out = []
    for n in range(s.line, min(max(s.end_line, s.line), s.line + 2) + 1):
        if not 0 < n <= len(lines):
            continue
        text = lines[n - 1]
        if len(text) > 300:
            text = text[:300] + "…"
        if n == s.line and s.end_line == s.line and s.end_column >= s.column and len(text) >= s.column:
            a, b = s.column - 1, min(len(text), s.end_column)
            body = f"{esc(text[:a])}<mark>{esc(text[a:b])}</mark>{esc(text[b:])}"
        else:
            body = esc(text)
        out.append(f'<span class="pl"><span class="ln">{n}</span><span dir="auto">{body}</span></span>')
    return f'<pre class="place">{"".join(out)}</pre>' if out else ""


def _finding(f: Finding, lines: Sequence[str]) -> str:
    related = "".join(
        f' <span class="rel" title="{esc(r.message)}">→ line {r.span.line}</span>'
        for r in f.related
        if f"line {r.span.line})" not in f.message  # the message already says where
    )
    return (
        f'<li class="finding {f.severity}" data-code="{esc(f.code)}" data-severity="{f.severity}">'
        f'<span class="sev">{f.severity}</span> <span class="code">{esc(f.code)}</span> '
        f'<span class="where">{f.span.line}:{f.span.column}</span> '
        f'<span class="msg" dir="auto">{esc(f.message)}</span> <span class="name">({esc(f.name)})</span>'
        f"{related}{_place(f, lines)}</li>"
    )


def _chapters(panel: Panel) -> str:
    counts: dict[str, Counter[Severity]] = {}
    for row in panel.rows:
        c = counts.setdefault(row.chapter, Counter())
        c.update(f.severity for f in row.findings)
    if panel.top:
        counts = {"(before the first section)": Counter(f.severity for f in panel.top), **counts}
    body = "".join(
        f'<tr><td dir="auto">{esc(name)}</td>'
        + "".join(f'<td class="n">{c[s] or ""}</td>' for s in _SEVERITIES)
        + "</tr>"
        for name, c in counts.items()
        if sum(c.values())
    )
    if not body:
        return ""
    head = "".join(f"<th>{s}</th>" for s in _SEVERITIES)
    return (
        f'<table class="chapters"><caption>Findings by chapter</caption><tr><th>chapter</th>{head}</tr>{body}</table>'
    )


def _panel(panel: Panel, index: int) -> str:
    left_lang, right_lang = panel.langs
    rows = []
    for row in panel.rows:
        symbol, meaning = SYMBOLS[row.status]
        rows.append(
            f'<tr class="row {row.status}" data-findings="{len(row.findings)}">'
            f"{_cell(row.left, left_lang, row.right)}"
            f'<td class="mark" title="{esc(meaning)}">{esc(symbol)}</td>'
            f"{_cell(row.right, right_lang, row.left)}</tr>"
        )
        if row.findings:
            items = "".join(_finding(f, panel.lines) for f in row.findings)
            rows.append(f'<tr class="findings"><td colspan="5"><ul>{items}</ul></td></tr>')
    top = "".join(_finding(f, panel.lines) for f in panel.top)
    left, right = panel.heads
    legend = " ".join(f"<span class={k}><b>{esc(v[0])}</b> {esc(v[1])}</span>" for k, v in SYMBOLS.items() if v[0])
    return (
        f'<section class="doc" id="doc-{index}"><h2 dir="auto">{esc(panel.title)}</h2>'
        f'<p class="sub" dir="auto">{esc(panel.subtitle)}</p>{_chapters(panel)}'
        f"{f'<ul class=top>{top}</ul>' if top else ''}"
        f'<table class="outline"><thead><tr><th>line</th><th dir="auto">{esc(left)}</th><th></th>'
        f'<th>line</th><th dir="auto">{esc(right)}</th></tr></thead><tbody>{"".join(rows)}</tbody></table>'
        f'<p class="legend">{legend}</p></section>'
    )


def _rules_table(findings: Sequence[Finding]) -> str:
    counts = Counter((f.code, f.name, f.severity) for f in findings)
    rows = "".join(
        f'<tr><td><label><input type="checkbox" data-filter="rule" value="{esc(code)}" checked> '
        f'<span class="code">{esc(code)}</span></label></td><td>{esc(name)}</td><td>{sev}</td>'
        f'<td class="n">{n}</td></tr>'
        for (code, name, sev), n in sorted(counts.items())
    )
    head = "<tr><th>rule</th><th>name</th><th>severity</th><th>count</th></tr>"
    return f'<table class="rules"><caption>Findings by rule</caption>{head}{rows}</table>'


def page(title: str, lang: str | None, panels: Sequence[Panel], findings: Sequence[Finding], extra: str = "") -> str:
    """The whole page: summary, filters, the table per rule, then each panel."""
    counts = Counter(f.severity for f in findings)
    boxes = "".join(
        f'<label><input type="checkbox" data-filter="severity" value="{s}" checked> {s} '
        f'(<span class="count" data-severity="{s}">{counts[s]}</span>)</label> '
        for s in _SEVERITIES
    )
    summary = ", ".join(_plural(counts[s], str(s)) for s in _SEVERITIES)
    body = (
        f'<header><h1 dir="auto">{esc(title)}</h1><p class="summary">{_plural(len(findings), "finding")}: {summary}; '
        f'<span id="shown">{len(findings)}</span> shown</p>'
        f'<form id="filters"><fieldset><legend>Severity</legend>{boxes}</fieldset>'
        f'<fieldset><legend>View</legend><label><input type="checkbox" id="only-findings"> only rows with findings'
        f"</label></fieldset>{_rules_table(findings)}</form></header>{extra}"
        + "".join(_panel(p, k + 1) for k, p in enumerate(panels))
    )
    digest = base64.b64encode(hashlib.sha256(_SCRIPT.encode("utf-8")).digest()).decode("ascii")
    csp = f"default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-{digest}'"
    return (
        f'<!DOCTYPE html>\n<html lang="{esc(lang or "en")}"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{csp}">'
        f'<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{esc(title)}</title><style>{_STYLE}</style></head><body>{body}"
        f"<script>{_SCRIPT}</script></body></html>\n"
    )


def attach(
    panel: Panel, findings: Sequence[Finding], places: dict[int, int], starts: Sequence[tuple[int, int]]
) -> None:
    """Put each finding in the row it belongs to: the row of its line (``places``: line -> row, for
    lines that are a row of their own, such as contents entries), else the row whose section holds
    its line (``starts``: sorted (first line, row)), else above the table."""
    lines = [line for line, _ in starts]
    for f in findings:
        row = places.get(f.span.line)
        if row is None:
            k = bisect.bisect_right(lines, f.span.line) - 1
            row = starts[k][1] if k >= 0 else None
        (panel.rows[row].findings if row is not None else panel.top).append(f)


def outline_panel(doc: Document, findings: Sequence[Finding], lang: str | None = None) -> Panel:
    """A document's contents and headings side by side, with its findings."""
    from outlint.outline import normalize_title

    headings = doc.facts.headings
    chapter_of = {id(h): doc.facts.path(h)[0].label for h in headings}

    def hcell(h: Heading) -> Cell:
        return Cell(h.span.line, h.label, h.level, f"h{h.span.line}")

    def ecell(e: TocEntry) -> Cell:
        label = f"{e.number.label} {e.title}" if e.number else e.title
        return Cell(e.span.line, label, e.level, f"e{e.span.line}")

    rows: list[Row] = [Row(None, hcell(h), "heading", chapter_of[id(h)]) for h in headings]
    if doc.toc:
        al = doc.facts.alignment
        matched = dict(al.pairs)
        bad = set(al.out_of_order)
        order: list[tuple[int, int, Row]] = []
        last = 0
        for i, e in enumerate(doc.toc):
            h = matched.get(i)
            if h is None:
                order.append((last, len(order), Row(ecell(e), None, "missing", "(contents)")))
                continue
            same = normalize_title(h.title) == normalize_title(e.title) and (
                (h.number.values if h.number else None) == (e.number.values if e.number else None)
            )
            last = max(last, h.span.line)
            status = "order" if i in bad else "same" if same else "differs"
            order.append((last, len(order), Row(ecell(e), hcell(h), status, chapter_of[id(h)])))
        for h in al.unmatched_headings:
            order.append((h.span.line, len(order), Row(None, hcell(h), "added", chapter_of[id(h)])))
        order.sort(key=lambda t: (t[0], t[1]))
        rows = [r for _, _, r in order]
    head_lines = {h.span.line for h in headings}
    places = {r.left.line: k for k, r in enumerate(rows) if r.left is not None and r.left.line not in head_lines}
    starts = sorted((r.right.line, k) for k, r in enumerate(rows) if r.right is not None)
    panel = Panel(
        doc.path,
        f"{doc.format}, {len(doc.toc)} contents entries, {len(headings)} headings",
        ("contents", "headings"),
        (lang, lang),
        rows,
        doc.facts.lines,
    )
    attach(panel, findings, places, starts)
    return panel


def document_panels(docs: Sequence[tuple[Document | None, str, Sequence[Finding]]]) -> list[Panel]:
    panels = []
    for doc, path, found in docs:
        if doc is None:
            panel = Panel(
                path, "not shown: the file could not be read again", ("contents", "headings"), (None, None), [], []
            )
            panel.top.extend(found)
        else:
            from outlint import language

            panel = outline_panel(doc, found, language.analyse(doc).main_language)
        panels.append(panel)
    return panels


def render(findings: Sequence[Finding], paths: Sequence[str]) -> str:
    """The ``check`` report. The page shows each document's outline, so the files with findings are
    read again (as their suffix says); one that cannot be (stdin) shows its findings alone."""
    from outlint.linter import read_path

    by_path: dict[str, list[Finding]] = {}
    for f in findings:
        by_path.setdefault(f.path, []).append(f)
    docs: list[tuple[Document | None, str, Sequence[Finding]]] = []
    for path in [p for p in paths if p in by_path] + [p for p in by_path if p not in paths]:
        try:
            doc: Document | None = read_path(path) if path != "-" else None
        except Exception:  # the findings say what was wrong with it; the page still shows them
            doc = None
        docs.append((doc, path, by_path[path]))
    clean = [p for p in paths if p not in by_path]
    extra = ""
    if clean:
        shown = ", ".join(esc(p) for p in clean[:200]) + ("…" if len(clean) > 200 else "")
        extra = f'<p class="clean">{_plural(len(clean), "file")} without findings: {shown}</p>'
    return page(f"outlint report: {len(paths)} files", None, document_panels(docs), findings, extra)


def render_compare(cmp: Comparison, findings: Sequence[Finding]) -> str:
    """The ``compare`` report: the source and target outlines aligned row by row."""
    from outlint.compare_html import compare_panel

    panel = compare_panel(cmp, findings)
    return page(f"outlint compare: {cmp.target.doc.path}", cmp.target.language, [panel], findings)


def render_outline(doc: Document, findings: Sequence[Finding] = (), lang: str | None = None) -> str:
    """The ``outline`` report of one document."""
    return page(f"outlint outline: {doc.path}", lang, [outline_panel(doc, findings, lang)], findings)


_STYLE = """
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI","Noto Sans","Noto Sans CJK SC","Noto Sans CJK JP",
sans-serif;margin:1.5em;color:#1b1f23;background:#fff}
h1{font-size:1.4em;margin:0 0 .3em}h2{font-size:1.15em;margin:1.6em 0 .2em}
.summary,.sub,.legend,.clean{color:#555;margin:.2em 0}
fieldset{display:inline-block;border:1px solid #ddd;margin:.3em .6em .3em 0;padding:.2em .6em}
table{border-collapse:collapse;margin:.5em 0}caption{text-align:left;font-weight:600;padding:.2em 0}
td,th{border-bottom:1px solid #eee;padding:.15em .5em;vertical-align:top;text-align:left}
table.outline{width:100%;table-layout:fixed}
table.outline th:nth-child(1),table.outline th:nth-child(4){width:3.5em}table.outline th:nth-child(3){width:1.6em}
td.t{unicode-bidi:plaintext;overflow-wrap:anywhere}
td.ln,.pl .ln{color:#888;text-align:right;font-variant-numeric:tabular-nums}
td.n{text-align:right}td.mark{text-align:center;font-weight:700}
tr.missing td.mark,.legend .missing b{color:#b31d28}tr.added td.mark,.legend .added b{color:#6f42c1}
tr.differs td.mark,tr.order td.mark,tr.moved td.mark{color:#b08800}tr.same td.mark{color:#22863a}
tr.missing{background:#fff5f5}tr.added{background:#f8f5ff}
tr.findings td{border-bottom:1px solid #ddd;padding:0 0 .3em 4.2em}
ul{margin:.2em 0;padding-left:1.2em}li.finding{margin:.25em 0;list-style:none}
.sev{display:inline-block;min-width:4.5em;font-size:.8em;font-weight:700;text-transform:uppercase}
li.error .sev{color:#b31d28}li.warning .sev{color:#b08800}li.info .sev{color:#0366d6}
.code{font-family:ui-monospace,monospace;font-weight:600}.name,.where{color:#666}.msg{unicode-bidi:plaintext}
pre.place{margin:.2em 0 .2em 4.5em;padding:.3em .5em;background:#f6f8fa;border-radius:4px;white-space:pre-wrap;
overflow-wrap:anywhere;font:12.5px/1.4 ui-monospace,"Noto Sans Mono CJK SC",monospace}
.pl{display:block}.pl .ln{display:inline-block;min-width:3em;margin-right:.8em;user-select:none}
mark{background:#fff1a8}a{color:#0366d6;text-decoration:none}a:hover{text-decoration:underline}
.legend span{margin-right:1em}
"""

# Filters: a finding shows when its severity and its rule are both ticked; a row of findings shows
# when one of its findings does; "only rows with findings" hides the other rows.
_SCRIPT = """(function(){
var form=document.getElementById("filters");
function ticked(kind){var s={};
form.querySelectorAll('input[data-filter="'+kind+'"]').forEach(function(b){if(b.checked)s[b.value]=1;});
return s;}
function apply(){
var sev=ticked("severity"),rules=ticked("rule"),only=document.getElementById("only-findings").checked,shown=0;
document.querySelectorAll("li.finding").forEach(function(li){
var on=!!(sev[li.dataset.severity]&&rules[li.dataset.code]);li.hidden=!on;if(on)shown++;});
document.querySelectorAll("tr.findings").forEach(function(tr){
tr.hidden=!tr.querySelector("li.finding:not([hidden])");});
document.querySelectorAll("tr.row").forEach(function(tr){var next=tr.nextElementSibling;
var has=next&&next.classList.contains("findings")&&!next.hidden;tr.hidden=only&&!has;});
document.getElementById("shown").textContent=shown;}
form.addEventListener("change",apply);apply();})();"""
