"""The outline of one document as data (schemas/outline.schema.json) and as a side-by-side text view."""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from typing import Any

from outlint import language
from outlint.model import Document, Gap, Heading, Number, Paragraph, Span, TocEntry
from outlint.outline import Alignment, normalize_title

_WIDTH = 58
# a word is a run of non-space characters, or one CJK character (CJK text has no spaces)
_WORDS = re.compile(
    r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]|[^\s\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]+"
)


def _span(s: Span) -> dict[str, int]:
    return {"line": s.line, "column": s.column, "end_line": s.end_line, "end_column": s.end_column}


def _number(n: Number | None) -> dict[str, Any] | None:
    return None if n is None else {"label": n.label, "scheme": n.scheme, "values": list(n.values)}


def _stats(blocks: Sequence[Paragraph | Gap], langs: language.Languages) -> dict[str, Any]:
    from outlint.rules.truncation import ends_sentence

    paras = [b for b in blocks if isinstance(b, Paragraph)]
    prose = [p for p in paras if p.kind == "prose"]
    tags = []
    for p in paras:
        prof = langs.paragraphs.get(id(p))
        tags.append(p.lang or (language.language_of(prof.main) if prof and prof.main else None))
    return {
        "paragraphs": len(paras),
        "words": sum(len(_WORDS.findall(p.text)) for p in paras),
        "blank_runs": [b.length for b in blocks if isinstance(b, Gap)],
        "kinds": [p.kind for p in paras],
        "languages": tags,
        "ends_sentence": ends_sentence(prose[-1].text) if prose else None,
    }


def as_dict(doc: Document, expected: str | None = None) -> dict[str, Any]:
    """The JSON form of a document's outline (see docs and schemas/outline.schema.json);
    ``expected`` is the expected main language, inferred when None."""
    langs = language.analyse(doc, expected)
    al = doc.facts.alignment if doc.toc else None
    entry_of = {id(h): i for i, h in al.pairs} if al else {}
    heading_of = {i: h for i, h in al.pairs} if al else {}

    def node(h: Heading) -> dict[str, Any]:
        i = entry_of.get(id(h))
        return {
            "level": h.level,
            "number": _number(h.number),
            "title": h.title,
            "span": _span(h.span),
            "anchor": h.anchor,
            "language": h.lang or language.language_of(language.profile(h.title).main),
            "contents_line": doc.toc[i].span.line if i is not None else None,
            "body": _stats(h.body, langs),
            "children": [node(c) for c in h.children],
        }

    return {
        "path": doc.path,
        "format": doc.format,
        "encoding": doc.encoding,
        "language": langs.main_language,
        "contents": None
        if not doc.toc
        else {
            "span": _span(doc.toc_span) if doc.toc_span else None,
            "entries": [
                {
                    "level": e.level,
                    "number": _number(e.number),
                    "title": e.title,
                    "page": e.page,
                    "target": e.target,
                    "span": _span(e.span),
                    "heading_line": heading_of[i].span.line if i in heading_of else None,
                }
                for i, e in enumerate(doc.toc)
            ],
        },
        "preamble": _stats(doc.preamble, langs),
        "headings": [node(h) for h in doc.headings],
    }


def render_json(doc: Document, expected: str | None = None) -> str:
    return json.dumps(as_dict(doc, expected), ensure_ascii=False, indent=2) + "\n"


def _cell(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 3] + "..."


def _entry_text(e: TocEntry) -> str:
    label = f"{e.number.label} {e.title}" if e.number else e.title
    return f"{e.span.line:>5}  {'  ' * (e.level - 1)}{label}"


def _heading_text(h: Heading) -> str:
    return f"{h.span.line:>5}  {'  ' * (h.level - 1)}{h.label}"


def render_text(doc: Document, expected: str | None = None) -> str:
    """Contents and headings side by side, with how each entry matched its heading (see the legend);
    ``expected`` is the expected main language, inferred when None."""
    langs = language.analyse(doc, expected)
    headings = doc.facts.headings
    head = (
        f"{doc.path}: {doc.format}, {language.language_name(langs.main_language)}, "
        f"{len(doc.toc)} contents entries, {len(headings)} headings"
        f"{' (numbers are paragraphs of the body)' if doc.format == 'docx' else ''}\n"
    )
    if not doc.toc:
        return head + "headings (no contents block found)\n" + "".join(_heading_text(h) + "\n" for h in headings)
    al = doc.facts.alignment
    bad = set(al.out_of_order)
    matched = dict(al.pairs)
    rows: list[tuple[int, int, str]] = []  # (sort line, order, row)
    last = 0
    for i, e in enumerate(doc.toc):
        h = matched.get(i)
        if h is None:
            mark, right = " ", "      (past the end of the document)" if i >= al.tail else "      (no heading)"
        else:
            same = (
                normalize_title(h.title) == normalize_title(e.title)
                and (h.number.values if h.number else None) == (e.number.values if e.number else None)
                and _same_parent(doc, al, matched, i, h)
            )
            mark = "!" if i in bad else ("=" if same else "~")
            right = _heading_text(h)
            last = max(last, h.span.line)
        rows.append((last, len(rows), f"{_cell(_entry_text(e), _WIDTH):<{_WIDTH}} {mark} {_cell(right, 70)}"))
    for h in al.unmatched_headings:
        rows.append((h.span.line, len(rows), f"{'':<{_WIDTH}} + {_cell(_heading_text(h), 70)}"))
    rows.sort(key=lambda r: (r[0], r[1]))
    where = "paragraph" if doc.format == "docx" else "line"
    title = f"{f'contents ({where} {doc.toc_span.line})' if doc.toc_span else 'contents':<{_WIDTH}}   headings"
    legend = "= matched   ~ matched, but title, number or parent differs   ! out of order   + not in the contents\n"
    return head + title + "\n" + "".join(r[2].rstrip() + "\n" for r in rows) + legend


def _same_parent(doc: Document, al: Alignment, matched: dict[int, Heading], i: int, h: Heading) -> bool:
    p = al.entry_parents[i]
    return (matched.get(p) if p is not None else None) is doc.facts.parent(h) or p is None
