"""Text of a translation still in its source's language: whole sections, headings, paragraphs, runs."""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator, Mapping, Sequence
from typing import Any

from outlint import language
from outlint.compare import Comparison
from outlint.model import Gap, Heading, Hit, Paragraph, Span
from outlint.rules.common import heading_ref, quote
from outlint.rules.truncation import locate

_KINDS = ("prose", "list", "quote")
_RUN_LETTERS = 30  # a run inside a paragraph: a clause or a sentence, not a term in brackets
_LINE_NUMBER = re.compile(r"\s*(\d{1,4})(?:\s|$)")
_SENTENCE_END = re.compile(r"[。！？；]|[.!?](?:\s|$)")
_LONG_LINE = 80  # letters (a CJK character counts two): past this a line is text, with or without a full stop
_COPY_WORDS = 6  # a paragraph copied from the source: long enough not to be a name or a command
_PROSE_WORDS = 8  # Latin text in a CJK translation is prose, not a title or a command, when it is
_FUNCTION_WORDS = 3  # this long and has this many different function words of Latin-script languages
_FUNCTION = frozenset(
    "the and of to is in that for with are this be it as was not by an or from which can will has have "
    "le la les des est et une du que pour dans qui sur pas au aux der die das und ist nicht ein eine mit "
    "el los las del y en es por una para con se su al il di che della".split()
)


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
        # a copy of a source paragraph, if it is prose: code and listings are kept on purpose
        if (not cross or src.script == "latin") and _norm(p.text) in copies and _prose(p.text, _COPY_WORDS, 2):
            return True
        if not cross:
            return False
        prof = langs.paragraphs.get(id(p)) or language.profile(p.text)
        if language.is_foreign(prof, main, least) != src.script:
            return False
        if src.script == "latin":
            # Latin text in a CJK translation is mostly names, titles of works, commands and code:
            # it is left untranslated when it is running prose, outside a numbered listing
            return _prose(p.text) and not _listing(doc.facts.lines[p.span.line - 1 : p.span.end_line])
        # CJK text left untranslated is sentences; a short line of names (a language menu, a
        # caption) is kept on purpose
        return bool(_SENTENCE_END.search(p.text)) or prof.weight(src.script or "") >= _LONG_LINE

    def title_hit(h: Heading, counterpart: Heading | None) -> bool:
        if h.lang:
            return False
        if not cross:
            return counterpart is not None and len(h.title.split()) >= 3 and _norm(h.title) == _norm(counterpart.title)
        prof = language.profile(h.title)
        if language.is_foreign(prof, main, 4, 0.6) != src.script or prof.weight(main):
            return False  # a title with some of the target's script in it is translated, if partly
        return src.script != "latin" or _prose(h.title, 2, 1)

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
        if not cross or p.lang or script == "latin":
            continue  # a Latin run in CJK text is a name, a title or a command far more often than not
        for start, end in language.foreign_runs(p.text, script, _RUN_LETTERS):
            line, col = locate(doc, p, start)
            yield (
                Span(line, col, line, col + end - start - 1),
                f"text still in {name}, the source's language, inside a paragraph: {quote(p.text[start:end], 40)}",
            )


def _prose(text: str, words: int = _PROSE_WORDS, function: int = _FUNCTION_WORDS) -> bool:
    """Whether Latin text reads as running prose: enough words once code is out, and function words."""
    raw = text.split()
    tokens = [w.lower().strip(".,;:!?()'\"") for w in language.without_code(text).split()]
    alpha = [w for w in tokens if w.isalpha()]
    if len(alpha) < max(words, 0.7 * len(raw)):
        return False  # numbered listing lines, settings, commands: more symbols than words
    return len(_FUNCTION.intersection(alpha)) >= function


def _listing(lines: Sequence[str]) -> bool:
    """Lines numbered in increasing order at their start (1, 2, 3 ...): a program listing as text
    exports print them."""
    numbers = [int(m.group(1)) for m in (_LINE_NUMBER.match(line) for line in lines) if m]
    if len(numbers) < 3 or len(numbers) < 0.8 * len(lines):
        return False
    return all(b > a for a, b in itertools.pairwise(numbers))


def _norm(text: str) -> str:
    return " ".join(text.split()).casefold()
