"""Text of a translation still in its source's language: whole sections, headings, paragraphs, runs."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from typing import Any

from outlint import language
from outlint.compare import Comparison
from outlint.model import Gap, Heading, Hit, Paragraph, Span
from outlint.rules.common import heading_ref, quote
from outlint.rules.truncation import locate

_KINDS = ("prose", "list", "quote")
_RUN_LETTERS = 30  # a run inside a paragraph: a clause or a sentence, not a term in brackets
_COPY_WORDS = 6  # a paragraph copied from the source: long enough not to be a name or a command


def untranslated(cmp: Comparison, options: Mapping[str, Any]) -> Iterator[Hit]:
    """Hits for the target's text in the source's language, when the two languages differ."""
    src, tgt = cmp.source, cmp.target
    if src.script is None or tgt.script is None or cmp.same_language:
        return
    doc = tgt.doc
    langs = language.analyse(doc, options.get("language"))
    main = langs.main_script or tgt.script
    name = language.language_name(src.language or src.script)
    least = int(options.get("min-letters", 20))
    cross = src.script != main

    def para_hit(p: Paragraph, copies: frozenset[str]) -> bool:
        if p.lang:
            return False  # marked by the author as another language: a quotation, on purpose
        if not cross:
            return len(p.text.split()) >= _COPY_WORDS and _norm(p.text) in copies
        prof = langs.paragraphs.get(id(p)) or language.profile(p.text)
        if language.is_foreign(prof, main, least) != src.script:
            return False
        if src.script == "latin":  # commands and paths are Latin in any language
            words = {w.lower() for w in language.without_code(p.text).split() if w.isalpha()}
            return len(words) >= 3
        return True

    def title_hit(h: Heading, counterpart: Heading | None) -> bool:
        if h.lang:
            return False
        if not cross:
            return counterpart is not None and len(h.title.split()) >= 3 and _norm(h.title) == _norm(counterpart.title)
        if language.is_foreign(language.profile(h.title), main, 4, 0.6) != src.script:
            return False
        return src.script != "latin" or len(h.title.split()) >= 2  # one Latin word is a name

    def paragraphs(body: Sequence[Paragraph | Gap]) -> list[Paragraph]:
        return [b for b in body if isinstance(b, Paragraph) and b.kind in _KINDS]

    yield from _blocks(doc, paragraphs(doc.preamble), frozenset(), para_hit, cross, src.script, name)
    for h in tgt.headings:
        counterpart = cmp.in_source(h)
        copies = (
            frozenset(_norm(p.text) for p in paragraphs(counterpart.body)) if counterpart and not cross else frozenset()
        )
        paras = paragraphs(h.body)
        hits = [p for p in paras if para_hit(p, copies)]
        if title_hit(h, counterpart):
            if paras and len(hits) == len(paras):
                count = f"{len(paras)} paragraph" + ("s" if len(paras) > 1 else "")
                yield (
                    h.span,
                    f"section {heading_ref(h)} is still in {name}, the source's language (heading and {count})",
                )
                continue
            yield h.span, f"heading {heading_ref(h)} is still in {name}, the source's language"
        yield from _blocks(doc, paras, copies, para_hit, cross, src.script, name)


def _blocks(
    doc: Any, paras: Sequence[Paragraph], copies: frozenset[str], hit: Any, cross: bool, script: str, name: str
) -> Iterator[Hit]:
    for p in paras:
        if hit(p, copies):
            yield p.span, f"paragraph still in {name}, the source's language: {quote(p.text, 40)}"
            continue
        if not cross or p.lang:
            continue
        for start, end in language.foreign_runs(p.text, script, _RUN_LETTERS):
            line, col = locate(doc, p, start)
            yield (
                Span(line, col, line, col + end - start - 1),
                f"text still in {name}, the source's language, inside a paragraph: {quote(p.text[start:end], 40)}",
            )


def _norm(text: str) -> str:
    return " ".join(text.split()).casefold()
