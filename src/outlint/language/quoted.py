"""Text a document keeps in its own language by design: verse it quotes, the works it cites,
epigraphs, and samples of many languages; none of it is text left untranslated."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from outlint.language.scripts import CJK_LETTER
from outlint.model import Document, Paragraph

# A line of verse is short, as a line of a list is (see ``analysis.ITEM_CHARS``).
VERSE_CHARS = 60
_OPENERS = ('"', "“", "「", "《", "『", "‘", "〈", "«", "„", "'")


def verse(lines: Sequence[str]) -> bool:
    """Whether a block indented as a whole is verse: two lines or more, each short and starting
    with a capital or a quote, set line by line and never wrapped (stanzas a novel quotes after
    "... those lovely stanzas upon Venice:"). A poem is quoted in the language it was written in."""
    items = [line.strip() for line in lines if line.strip()]
    return len(items) >= 2 and all(len(x) <= VERSE_CHARS and (x[0].isupper() or x[0] in _OPENERS) for x in items)


# The titles of a reference list: a work is cited by its own title, in its own language, and by
# its publisher's own name ("Gosudarstvennyi Standard ..., Правительственная комиссия ...").
_REFERENCES = re.compile(
    r"(?:[\dA-Z]+(?:\.\d+)*\.?\s+)?(?:(?:normative|informative|other|further)\s+)?"
    r"(?:references|bibliography|works\s+cited|literature|further\s+reading"
    r"|références|bibliographie|literatur|literaturverzeichnis|referencias|bibliografía|riferimenti|bibliografia"
    r"|参考文献|參考文獻|参考資料|文献)\s*$",
    re.I,
)


def cited(doc: Document) -> frozenset[int]:
    """``id`` of the blocks of reference lists: the sections, and their sub-sections, whose title
    names them (``References``, ``9.2. Informative References``, ``参考文献``), and numbered notes
    that give a work's address."""
    out: set[int] = set(id(b) for b in doc.preamble if isinstance(b, Paragraph) and _note_link(b.text))
    for h in doc.facts.headings:
        if _REFERENCES.fullmatch(h.title.strip()):
            out.update(id(block) for section in h.walk() for block in section.body)
        else:
            out.update(id(b) for b in h.body if isinstance(b, Paragraph) and _note_link(b.text))
    return frozenset(out)


# A numbered note that names a work and gives its address, as DocBook prints a manual page's NOTES
# ("2. Type system chapter of the D-Bus specification" over its address): a cited title.
_NOTE_NUMBER = re.compile(r"(?:\d{1,3}\.|\[\d{1,3}\])\s")
NOTE_CHARS = 300


def _note_link(text: str) -> bool:
    if len(text) > NOTE_CHARS or "://" not in text or _NOTE_NUMBER.match(text) is None:
        return False  # most paragraphs: one length test, one substring test
    words = text.split()
    return len(words) >= 3 and words[-1].startswith(("http://", "https://", "ftp://"))


# An epigraph's attribution: a dash, then a name of a few words ("--Puccini", "— Goethe, Faust").
_ATTRIBUTION = re.compile(r"\s*(?:--|—|―)\s*[A-Z][^\n]{0,40}")
# The paragraphs right above an attribution that it may attribute (a dialogue quoted line by line).
EPIGRAPH_PARAGRAPHS = 3


def attributed(doc: Document) -> frozenset[int]:
    """``id`` of the paragraphs an attribution signs: an epigraph quoted in the language it was
    written in ("Turandot: Gli enigmi sono tre, la morte una!" over "--Puccini")."""
    out: set[int] = set()
    for body in (doc.preamble, *(h.body for h in doc.facts.headings)):
        run: list[int] = []
        for block in body:
            if not isinstance(block, Paragraph):
                run = []
                continue
            if _ATTRIBUTION.fullmatch(block.text) and run:
                out.update(run[-EPIGRAPH_PARAGRAPHS:])
                run = []
            elif _signed(doc, block):
                out.add(id(block))  # the quotation and its attribution under it in one block
                run = []
            else:
                run.append(id(block))
    return frozenset(out)


def _signed(doc: Document, block: Paragraph) -> bool:
    """Whether a block's last line is an attribution set right of its text ("     Ach, der
    menschliche Intellekt! ..." over "                --Friederich Nietzshe.")."""
    if doc.format != "text" or block.span.end_line <= block.span.line:
        return False
    lines = doc.facts.lines[block.span.line - 1 : block.span.end_line]
    last = lines[-1]
    return _ATTRIBUTION.fullmatch(last.strip()) is not None and _depth(last) > max(_depth(x) for x in lines[:-1])


def _depth(line: str) -> int:
    return len(line) - len(line.lstrip())


# A document showing text in this many other languages is about languages (a transliterator's
# samples, a font's coverage, a test page): a translation is left untranslated in one source
# language, not in three.
SAMPLE_LANGUAGES = 3


def samples(languages: Iterable[str]) -> bool:
    """Whether the languages of a document's foreign blocks are those of samples."""
    return len({tag.split("-")[0] for tag in languages}) >= SAMPLE_LANGUAGES


# A translation may keep its source after it, in the same paragraph: "版本。显示版本号和编译选项后退出。
# Version. Display the version number and compilation options then quit." The source has as many
# sentences as the translation before it, and English takes two to eight letters per CJK character.
_CJK_STOPS = re.compile("[。．！？]")
_LATIN_STOPS = re.compile(r"[.!?](?:\s+(?=[\"“(]?[A-Z])|[\"”)]*\s*$)")
_LETTER = re.compile("[A-Za-z]")
SOURCE_RATIO = (2.0, 8.0)


def kept_source(text: str, start: int, end: int) -> bool:
    """Whether the Latin-script run ``text[start:end]`` of a CJK paragraph is the source of the
    CJK sentences before it, kept after them: it ends the paragraph, starts after a finished CJK
    sentence, has as many sentences as the CJK text before it, and is as long as a translation of it."""
    before = text[:start].rstrip()
    if not before or not _CJK_STOPS.fullmatch(before[-1]) or text[end:].strip(" .!?)\"'”"):
        return False
    run = text[start:].rstrip()  # to the paragraph's end, its last full stop with it
    cjk = len(CJK_LETTER.findall(before))
    if not cjk or len(_CJK_STOPS.findall(before)) != len(_LATIN_STOPS.findall(run)):
        return False
    low, high = SOURCE_RATIO
    return low * cjk <= len(_LETTER.findall(run)) <= high * cjk
