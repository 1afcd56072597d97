"""Labelled documents for the language benchmark, built from real text (see README.md).

- ``natural``: each translated Debian Reference chapter as it ships. Translators leave paragraphs
  they have not translated yet in English; such a block is byte-identical to the English chapter's
  block at the same place (po4a keeps the structure), which labels it without guessing.
- ``injected``: a chapter in one language with some of its blocks replaced by the same blocks of
  the chapter in another language (a paragraph left in the source language), some sentences of
  another language inserted into paragraphs, and (CJK) some lines glued under the paragraph above.
- ``english``: English documentation as shipped (READMEs, manuals, NEWS files, with their code) and
  the English chapters: every language finding there is a false flag.

A derived document belongs to the split of its sources; two sources are combined only when they
are in the same split.
"""

from __future__ import annotations

import difflib
import random
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import sources
from sources import Block

LATIN = ("fr", "de", "es", "it")
CJK = ("ja", "zh-cn", "zh-tw")
TEXT_KINDS = ("prose", "list", "quote")
INJECT_RATE = 0.10  # share of a chapter's text blocks replaced by their translation
SENTENCE_RATE = 0.15  # share of its multi-sentence paragraphs that get one foreign sentence
GLUE_SHARE = 1 / 3  # share of injected CJK blocks written as a line under the paragraph above
UNTRANSLATED_RATIO = 0.7  # share of words in common with the English block, in order
_FUNCTION_WORDS = frozenset(
    "the a an is are was be to of and or for in on with by this that it you your can not as from at "
    "if use used will which when these there has have all any do does into more than may should".split()
)
_CODE_SPAN = re.compile(r"`[^`]*`|\S+://\S+")
_WORD = re.compile(r"(?<![\w'’-])[a-z]{2,}(?![\w'’-])")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z])|(?<=[。！？])")


_LETTERS = re.compile(r"(?<![\w'’-])[^\W\d_A-Z]{2,}(?![\w'’-])")


def readable(text: str) -> bool:
    """The benchmark's label of a block whose language an editor can tell: at least four
    lowercase words outside code. Shorter labels and names are neutral: neither to be found nor,
    if named, false."""
    return sum(1 for w in _LETTERS.findall(_CODE_SPAN.sub(" ", text)) if w.islower()) >= 4


_CJK_CHAR = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff]")


def cjk_readable(text: str) -> bool:
    """The CJK counterpart of ``readable``: at least four CJK characters outside code."""
    return len(_CJK_CHAR.findall(_CODE_SPAN.sub(" ", text))) >= 4


def english_prose(text: str) -> bool:
    """The benchmark's label of 'untranslated English': a sentence, not a name or a command. At
    least four lowercase words outside code, one of them a function word."""
    words = _WORD.findall(_CODE_SPAN.sub(" ", text))
    return len(words) >= 4 and any(w in _FUNCTION_WORDS for w in words)


@dataclass
class Expect:
    """A labelled place: ``what`` is paragraph, heading, sentence or line; ``lang`` the foreign language."""

    what: str
    lang: str
    line: int
    end_line: int


@dataclass
class Case:
    name: str
    split: str
    group: str  # the row of the table: "fr in en", "en in ja", "english prose", ...
    host: str
    text: str
    suffix: str = ".md"
    expects: list[Expect] = field(default_factory=list)
    blocks: int = 0  # judged blocks: headings, paragraphs, list items, quotes
    units: list[tuple[str, str, int]] = field(default_factory=list)  # (kind, text, line) of text blocks
    language: str | None = None  # the expected language given to outlint (None: inferred)


_ESCAPE = re.compile(r"([\\*_\[\]<>])")


def _escape(text: str) -> str:
    """Markdown-escape text outside code spans, so that the reader sees the words as written."""
    parts = re.split(r"(`[^`]*`)", text)
    out = "".join(p if p.startswith("`") else _ESCAPE.sub(r"\\\1", p) for p in parts)
    return re.sub(r"^(\d+)([.)])", r"\1\\\2", out)


class Writer:
    """Writes blocks as Markdown and remembers the lines of each."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.blocks = 0
        self.units: list[tuple[str, str, int]] = []

    def add(self, block: Block) -> tuple[int, int]:
        if self.lines:
            self.lines.append("")
        first = len(self.lines) + 1
        if block.kind == "code":
            self.lines += ["```", *block.text.split("\n"), "```"]
            return first, len(self.lines)
        self.blocks += 1
        self.units.append((block.kind, block.text, first))
        prefix = {"heading": "#" * min(block.level, 6) + " ", "list": "- ", "quote": "> "}.get(block.kind, "")
        self.lines.append(prefix + _escape(block.text))
        return first, first

    def glue(self, text: str) -> int:
        """A line straight under the last block, with no blank line between them."""
        self.lines.append(_escape(text))
        self.units.append(("line", text, len(self.lines)))
        return len(self.lines)

    def text(self) -> str:
        return "\n".join(self.lines) + "\n"


def untranslated(block: Block, english: Block) -> bool:
    """Whether a block of a translated chapter is the English block left as it was: the same words
    in the same order but for cross-reference titles and captions the tools translate."""
    if block.text == english.text:
        return True
    mine, theirs = block.text.split(), english.text.split()
    if abs(len(mine) - len(theirs)) > max(3, len(theirs) // 4):
        return False
    return difflib.SequenceMatcher(None, mine, theirs, autojunk=False).ratio() >= UNTRANSLATED_RATIO


def _left_in_english(block: Block, line: int, end: int) -> Expect:
    """English left in a translation: to be found when it reads as prose, else a name or a label
    that a finding may or may not name (neutral)."""
    if not english_prose(block.text):
        return Expect("neutral", "en", line, end)
    return Expect("heading" if block.kind == "heading" else "paragraph", "en", line, end)


def _natural(chapter: str, lang: str, blocks: list[Block], english: list[Block], split: str) -> Case:
    w = Writer()
    # a translation project says which language it translates into (``language = "fr"``)
    case = Case(f"natural/{chapter}.{lang}", split, f"en in {lang[:2]} (natural)", lang[:2], "", language=lang[:2])
    for block, en in zip(blocks, english, strict=True):
        line, end = w.add(block)
        if block.kind != "code" and untranslated(block, en):
            case.expects.append(_left_in_english(block, line, end))
    case.text, case.blocks, case.units = w.text(), w.blocks, w.units
    return case


def _sentences(text: str) -> list[str]:
    return [s.strip() for s in _SENTENCE_END.split(text) if s.strip()]


def _injected(
    name: str, host: str, blocks: list[Block], foreign: str, other: list[Block], english: list[Block], split: str
) -> Case:
    """``blocks`` (in ``host``) with some text blocks replaced by ``other`` (their translation)."""
    rng = random.Random(name)
    w = Writer()
    case = Case(name, split, f"{foreign[:2]} in {host[:2]}", host[:2], "")
    cjk = foreign in CJK
    for block, alt, en in zip(blocks, other, english, strict=True):
        # both sides really translated: the host's own text (not English left in it) and the other's
        translated = block.text != alt.text and (foreign == "en" or not untranslated(alt, en))
        native = host == "en" or not untranslated(block, en)
        if block.kind in TEXT_KINDS and translated and native and rng.random() < INJECT_RATE:
            what = "paragraph" if (cjk_readable(alt.text) if cjk else readable(alt.text)) else "neutral"
            if cjk and w.blocks and rng.random() < GLUE_SHARE and len(alt.text) < 200:
                line = w.glue(alt.text)
                case.expects.append(Expect("line", foreign[:2], line, line))
                continue
            line, end = w.add(Block(block.kind, alt.text))
            case.expects.append(Expect(what, foreign[:2], line, end))
            continue
        if block.kind == "prose" and translated and native and rng.random() < SENTENCE_RATE:
            mine, theirs = _sentences(block.text), _sentences(alt.text)
            if len(mine) >= 2 and theirs and (cjk or readable(theirs[0])):
                sep = "" if host in CJK else " "
                text = mine[0] + sep + theirs[0] + sep + sep.join(mine[1:])
                line, end = w.add(Block("prose", text))
                case.expects.append(Expect("sentence", foreign[:2], line, end))
                continue
        line, end = w.add(block)
        if host != "en" and block.kind != "code" and untranslated(block, en):
            case.expects.append(_left_in_english(block, line, end))
    case.text, case.blocks, case.units = w.text(), w.blocks, w.units
    return case


def _english(chapter: str, blocks: list[Block], split: str) -> Case:
    w = Writer()
    for block in blocks:
        w.add(block)
    return Case(f"english/{chapter}.en", split, "english prose", "en", w.text(), blocks=w.blocks, units=w.units)


_BLANK_RUN = re.compile(r"\n\s*\n")


def _shipped(path: Path) -> Case | None:
    data = sources.read_bytes(path)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return None
    name = path.name[:-3] if path.name.endswith(".gz") else path.name
    suffix = ".md" if name.endswith(".md") else ".txt"
    blocks = sum(1 for chunk in _BLANK_RUN.split(text) if chunk.strip())
    rel = str(path.relative_to(sources.DOC))
    case = Case(f"shipped/{rel}", sources.split_of(path), "english prose", "en", text, suffix, blocks=blocks)
    for name, lines, what in _shipped_labels():
        if name == rel:
            first, _, last = lines.partition("-")
            case.expects.append(Expect(what, "", int(first), int(last or first)))
    return case


def _shipped_labels() -> list[tuple[str, str, str]]:
    text = (Path(__file__).resolve().parent / "shipped-labels.txt").read_text()
    return [tuple(line.split()) for line in text.splitlines() if line.strip() and not line.startswith("#")]  # type: ignore[misc]


def cases() -> Iterator[Case]:
    chapters = sources.reference_chapters()
    read = {key: sources.reference_blocks(path) for key, path in chapters.items()}
    split = {key: sources.split_of(path) for key, path in chapters.items()}
    for chapter in sources.CHAPTERS:
        if (chapter, "en") not in read:
            continue
        english = read[(chapter, "en")]
        yield _english(chapter, english, split[(chapter, "en")])
        for lang in (*LATIN, *CJK):
            key = (chapter, lang)
            if key not in read or len(read[key]) != len(english):
                continue  # not aligned: cannot be labelled by comparison
            yield _natural(chapter, lang, read[key], english, split[key])
            # the other language left in an English chapter, and English left in this one
            if split[key] == split[(chapter, "en")]:
                yield _injected(f"injected/{chapter}.{lang}-in-en", "en", english, lang, read[key], english, split[key])
                yield _injected(f"injected/{chapter}.en-in-{lang}", lang, read[key], "en", english, english, split[key])
    for path in sources.english_documents():
        case = _shipped(path)
        if case is not None:
            yield case
