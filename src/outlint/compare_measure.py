"""What two outlines are compared by: each section's length, its invariant tokens and each document's language."""

from __future__ import annotations

import bisect
import functools
import re
import statistics
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from outlint import language
from outlint.model import Document, Heading, Paragraph
from outlint.outline import normalize_title

# A CJK character is one unit of length and a word of any other script is one: a Chinese text is
# about 1.5-2 characters per English word, and the pair's own median ratio absorbs that factor.
_CJK = "\u3040-\u30ff\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af"
_UNIT_RE = re.compile(rf"[{_CJK}]|[^\W\d_{_CJK}]+")
# Tokens a translation keeps: names, commands, numbers, versions, paths, identifiers.
_TOKEN_RE = re.compile(r"-{0,2}[A-Za-z0-9][A-Za-z0-9_.:/@#+-]*[A-Za-z0-9]|\d")
# thousands separators differ between languages (10,000 / 10.000 / 10 000): numbers are compared bare
_THOUSANDS = re.compile(r"(?<=\d)[,.\u00a0\u202f '](?=\d{3}(?!\d))")
_INLINE_CODE = re.compile(r"`([^`]+)`")
_URL = re.compile(r"https?://[^\s)\"'<>\]]+")
_DIGIT = re.compile(r"\d")
_LINE_END = re.compile(r"\r\n|\r|\n")
_TEXT_KINDS = frozenset({"prose", "list", "quote", "table", "lines"})


def units(text: str) -> int:
    """Length of a text, fair across scripts: CJK characters plus words of other scripts."""
    return len(_UNIT_RE.findall(text))


@functools.lru_cache(maxsize=1 << 16)
def _is_mark(token: str) -> bool:
    """In a Latin-script text, the tokens that a translation keeps as they are: they hold a digit
    or a symbol (a hyphen only at the start: an option, not a compound word), or are written in
    capitals (macOS, JSON, GitHub), unlike ordinary words."""
    if token.startswith("-") or any(c.isdigit() or c in "_.:/@#+" for c in token):
        return True
    word = token.replace("-", "")
    return (word.isupper() and len(word) > 1) or any(c.isupper() for c in word[1:])


@dataclass(frozen=True, slots=True)
class Section:
    """What one heading's section is compared by (its own body, not its sub-sections)."""

    rank: int  # level among the document's distinct heading levels, 1 = the top
    key: tuple[int, ...] | None  # the number path: "(5)" under "2." is (2, 5), as is "2.5"
    title: str  # normalized
    title_script: str | None  # the script of the title: titles in two scripts are not compared
    units: int  # length of the body's text (code left out)
    marks: frozenset[str]  # invariant tokens: kept by a translation
    words: frozenset[str]  # every Latin-script token, lowercased


@dataclass(frozen=True, slots=True)
class Side:
    """One document of a pair: its headings in document order, their features, its language."""

    doc: Document
    headings: tuple[Heading, ...]
    sections: tuple[Section, ...]
    script: str | None
    language: str | None


def side(doc: Document, expected: str | None = None) -> Side:
    """The features of one document, computed once per document and expected language."""
    return doc.facts.derive(_side, expected)


def _side(doc: Document, expected: str | None) -> Side:
    script, lang = main_language(doc, expected)
    latin = script == "latin"
    headings = doc.facts.headings
    levels = sorted({h.level for h in headings})
    rank = {level: i + 1 for i, level in enumerate(levels)}
    keys: dict[int, tuple[int, ...] | None] = {}
    links = _links_by_section(doc, headings)
    sections = []
    for k, h in enumerate(headings):
        parent = doc.facts.parent(h)
        keys[id(h)] = key = _key(h, keys.get(id(parent)) if parent is not None else None)
        marks, words = _tokens([h.title], h.body, latin)
        if links[k]:  # the addresses a section links to: its text in the source may hide them
            marks, words = marks | links[k], words | links[k]
        title = normalize_title(h.title)
        title_script = language.profile(h.title).main
        sections.append(Section(rank[h.level], key, title, title_script, body_units(h.body), marks, words))
    return Side(doc, headings, tuple(sections), script, lang)


def _links_by_section(doc: Document, headings: Sequence[Heading]) -> list[frozenset[str]]:
    """The URLs in each section's source lines (Markdown and HTML keep them out of the text), by
    one pass over the document."""
    starts = [h.span.line for h in headings]
    line_starts = [0] + [m.end() for m in _LINE_END.finditer(doc.text)]
    found: list[set[str]] = [set() for _ in headings]
    for m in _URL.finditer(doc.text):
        line = bisect.bisect_right(line_starts, m.start())
        k = bisect.bisect_right(starts, line) - 1
        if k >= 0:
            found[k].add(m.group().rstrip(".,;:").lower())
    return [frozenset(f) for f in found]


def _key(h: Heading, parent_key: tuple[int, ...] | None) -> tuple[int, ...] | None:
    if h.number is None:
        return None
    if h.number.depth > 1 or parent_key is None:
        return h.number.values
    return (*parent_key, *h.number.values)


def text_blocks(body: Iterable[object]) -> Iterable[Paragraph]:
    """The paragraphs of a body whose text a translator translates (code and markup are kept)."""
    for block in body:
        if isinstance(block, Paragraph) and block.kind in _TEXT_KINDS:
            yield block


def body_units(body: Sequence[object]) -> int:
    return sum(units(p.text) for p in text_blocks(body))


def _tokens(titles: Sequence[str], body: Sequence[object], latin: bool) -> tuple[frozenset[str], frozenset[str]]:
    marks: set[str] = set()
    words: set[str] = set()
    texts = list(titles) + [b.text for b in body if isinstance(b, Paragraph)]
    for block in body:
        if isinstance(block, Paragraph) and block.kind == "code":
            marks.update(t.lower() for t in _TOKEN_RE.findall(block.text))
    seen: set[str] = set()
    for text in texts:
        if _DIGIT.search(text):
            text = _THOUSANDS.sub("", text)
        if "`" in text:
            for code in _INLINE_CODE.findall(text):
                marks.update(t.lower() for t in _TOKEN_RE.findall(code))
        seen.update(_TOKEN_RE.findall(text))
    for token in seen:  # each distinct token once: prose repeats its words
        low = token.lower()
        words.add(low)
        # in a CJK or other non-Latin text every Latin-script token is a name, a command or a number
        if not latin or _is_mark(token):
            marks.add(low)
    return frozenset(marks), frozenset(words)


def token_similarity(a: Section, b: Section) -> tuple[float, int] | None:
    """How many of each side's invariant tokens the other side has, and how many there are; None
    when there are too few to tell (fewer than two, or none on one side and one on the other)."""
    total = len(a.marks) + len(b.marks)
    if total < 2:
        return None
    return (len(a.marks & b.words) + len(b.marks & a.words)) / total, total


def main_language(doc: Document, expected: str | None = None) -> tuple[str | None, str | None]:
    """The main script and language of a document; an outline with no body text is judged by its
    headings."""
    langs = language.analyse(doc, expected)
    if langs.main_script is not None:
        return langs.main_script, langs.main_language
    titles = " ".join(h.title for h in doc.facts.headings) + " ".join(e.title for e in doc.toc)
    script = language.profile(titles).main
    return script, expected or language.language_of(script)


def same_language(a: Side, b: Side) -> bool:
    """Whether titles of the two sides can be compared as text."""
    if a.script != b.script:
        return False
    if a.language and b.language:
        return a.language.split("-")[0].lower() == b.language.split("-")[0].lower()
    return True


def median_ratio(pairs: Iterable[tuple[int, int]], least: int) -> float | None:
    """The median of target/source lengths over pairs where both are at least ``least`` units."""
    ratios = [t / s for s, t in pairs if s >= least and t >= least]
    return statistics.median(ratios) if len(ratios) >= 3 else None
