"""Each block's language, worked out once per document: script profiles, Latin-script languages,
foreign sentences and lines glued under a block in another script."""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from itertools import pairwise

from outlint.language import detect, main, quoted, scripts
from outlint.language.scripts import CJK, Profile, profile, same_writing
from outlint.lazyre import lazy
from outlint.model import Document, Heading, Paragraph

TEXT_KINDS = main.TEXT_KINDS
# Short CJK text carries more per character than Latin text: a label line such as "設定例の説明:"
# (six characters) is a paragraph of its own, where six Latin letters would be a name.
CJK_MIN_WEIGHT = 8
KANA_SHARE = main.KANA_SHARE
# Kanji-only text shorter than this (in weight: 8 characters) is a label or a term, whose language is
# the one of the CJK text around it; longer kanji-only text is a sentence, and Chinese.
SHORT_HAN = 16
# Sentences of Latin-script text end at . ! ? before a space and an upper-case letter or a quote.
_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[\"“«(¿¡]?[A-ZÀ-Þ])")


_SENTENCE_ENDS = (".", "!", "?", ":", "。", "！", "？", "：")


@dataclass(frozen=True, slots=True)
class Part:
    """A stretch of a block in another language: ``kind`` is ``block`` (all of it), ``line`` (a
    source line glued under it) or ``sentence``; ``start``/``end`` are offsets in the block's text
    (for a line, the line's own text); ``confidence`` is the model's, None for a script decision."""

    kind: str
    lang: str
    start: int
    end: int
    line: int
    confidence: float | None = None
    last: int = 0  # for a line: the last source line of the run of lines it starts

    @property
    def lines(self) -> range:
        return range(self.line, max(self.line, self.last) + 1)


@dataclass(frozen=True, slots=True)
class Languages:
    """The document's main script and language, and what is foreign in each block."""

    main_script: str | None
    main_language: str | None
    paragraphs: dict[int, Profile]  # id(Paragraph) -> script profile
    latin: dict[int, Part]  # id(Paragraph) -> the other Latin-script language the whole block is in
    parts: dict[int, tuple[Part, ...]]  # id(Paragraph) -> foreign lines and sentences inside it
    han: str = "zh"  # the language of kanji-only text in this document
    headings: dict[int, Part] = field(default_factory=dict)  # id(Heading) -> its other Latin-script language
    # id(Paragraph) of licence and copyright notices and of reference lists: never foreign
    notices: frozenset[int] = frozenset()
    # every block not marked with a language is in the main script alone, and none is in another
    # Latin-script language nor has lines or sentences in one: no block or run can be foreign
    plain: bool = False
    # the document mixes languages by design: it shows text in several other languages
    # (``quoted.samples``), or is a record each author wrote in their own language (a ChangeLog,
    # ``_authored``): none is foreign
    by_design: bool = False

    def language(self, script: str, weight: int = 0) -> str:
        """The language tag of text in ``script`` here. Kanji-only text takes the document's
        language: Japanese in a Japanese document; in another document, a short label (under
        ``SHORT_HAN`` weight) is Japanese where the document has Japanese text, and a sentence of
        kanji alone is Chinese (a Japanese sentence has kana)."""
        return tag_of(script, weight, self.main_script, self.han)


def tag_of(script: str, weight: int, main_script: str | None, han: str) -> str:
    """See ``Languages.language``."""
    if script == "han":
        return "ja" if main_script == "kana" or (han == "ja" and weight < SHORT_HAN) else "zh"
    return scripts.LANG_OF_SCRIPT.get(script, script)


def analyse(doc: Document, language: str | None = None) -> Languages:
    """Profile every prose/list paragraph once; infer the main script and language; judge
    Latin-script blocks and sentences against a Latin-script main language.

    ``language`` is the expected main language (the rules' ``language`` option); else inferred.
    Computed once per document and expected language."""
    return doc.facts.derive(_analyse, language)


def _analyse(doc: Document, language: str | None) -> Languages:
    profiles: dict[int, Profile] = {}
    totals: Counter[str] = Counter()
    paragraphs = list(iter_paragraphs(doc))
    for para in paragraphs:
        p = profile(para.text)
        profiles[id(para)] = p
        if para.lang:
            continue  # text the author marked as another language does not decide the document's
        for script, count in p.counts:
            totals[script] += count
    seen = set(totals)  # the scripts of the text not marked with a language
    notices: frozenset[int] = frozenset()
    if len(totals) > 1:  # a notice left in English is no evidence of the language of a translation
        notices = frozenset(id(para) for para in paragraphs if legal_notice(para.text))
        notices |= _licence_sections(doc, notices)
        for para in paragraphs:
            if id(para) in notices and not para.lang:
                totals.subtract(dict(profiles[id(para)].counts))
    han = "ja" if totals["kana"] >= KANA_SHARE * (totals["kana"] + totals["han"]) > 0 else "zh"
    evidence = [para for para in paragraphs if id(para) not in notices]
    notices |= quoted.cited(doc)  # cited works keep their own titles, as licences their own words
    notices |= quoted.attributed(doc)  # and epigraphs their own language
    split: dict[int, list[str]] = {}  # words of the texts the main language was sampled from
    main_script, main_language, sure = _main(doc, language, +totals, evidence, profiles, split)
    if main_language == "ja" or (main_script == "kana"):
        han = "ja"
    if main_script is not None and main_script != "latin":
        notices |= _translators_note(doc, profiles)
    latin: dict[int, Part] = {}
    parts: dict[int, tuple[Part, ...]] = {}
    # other Latin-script languages are judged against a main language the detector knows and is sure of
    latin_main = main_script == "latin" and main_language is not None and sure
    before: Paragraph | None = None
    for para in paragraphs:
        previous, before = before, para
        if para.lang or para.kind not in TEXT_KINDS or id(para) in notices:
            continue
        p = profiles[id(para)]
        found: list[Part] = []
        words = split.pop(id(para.text), None)
        # a short English item has no common word of any language; a translation's own items do
        alone = latin_main and detect.bare(para.text, str(main_language)) and english_prose(para.text)
        if latin_main and p.main == "latin" and (alone or detect.other_words(para.text, str(main_language), words)):
            if legal_notice(para.text):
                notices |= {id(para)}
                continue
            source = tuple(doc.facts.lines[para.span.line - 1 : para.span.end_line])
            if listing(source):
                continue  # settings or commands set like the prose ("bind ' ' windows"): no language's words
            if para.kind == "quote" and quoted.verse(source):
                continue  # a stanza quoted in the language it was written in
            if not without_quoted(para.text).strip(" .:;,"):
                continue  # a block that is one quoted string is an example (a message and its translation)
            if _shown(previous, para):
                continue  # a line the text before introduces: a prompt or a message, as the program prints it
            guess = detect.judge_latin(para.text, str(main_language), prose=alone)
            sentences = _sentences(para, str(main_language))
            if guess is not None and not (sentences and sentences[0].start > 0):
                latin[id(para)] = Part("block", guess.lang, 0, len(para.text), para.span.line, guess.confidence)
                continue
            # (a block that opens in the document's language, another glued under it with no blank
            # line between: its foreign sentences are reported, not the whole block)
            found += sentences
        if para.span.end_line > para.span.line and len(p.counts) > 1:
            found += _glued_lines(doc, para, main_script, han)
        if found:
            parts[id(para)] = tuple(found)
    if latin_main and (latin or parts):
        # (a translation in a Latin script: the notices were found only now, among the blocks of
        # another Latin-script language; a licence's section keeps all its words as granted)
        kept = _licence_sections(doc, notices) - notices
        if kept:
            notices |= kept
            latin = {k: v for k, v in latin.items() if k not in kept}
            parts = {k: v for k, v in parts.items() if k not in kept}
    headings: dict[int, Part] = {}
    if latin_main:
        for h in doc.facts.headings:
            if h.lang or profile(h.title).main != "latin":
                continue
            guess = detect.judge_latin(h.title, str(main_language))
            if guess is not None:
                headings[id(h)] = Part("block", guess.lang, 0, len(h.title), h.span.line, guess.confidence)
    plain = seen <= {main_script} and not latin and not parts
    shown = not plain and (
        quoted.samples(_foreign(paragraphs, profiles, latin, notices, main_script, han))
        or _authored(doc)
        or _given_twice(doc, paragraphs, profiles)
    )
    return Languages(main_script, main_language, profiles, latin, parts, han, headings, notices, plain, shown)


# The entry headers of a GNU ChangeLog: a date (ISO, or as ``date`` prints it), a name, a mail address;
# or the author line of each commit of a ``git log``.
_ENTRY_HEADER = re.compile(
    r"(?:\d{4}-\d\d-\d\d|\w{3} \w{3} [ \d]\d [\d:]{8} (?:\w+ )?\d{4}|Author:)\s+\S.{0,80}<[^<>\s]+@[^<>\s]+>"
)
# A ChangeLog has this many entries at least, and they hold most of its lines: an entry runs to
# this many lines at most, on average.
CHANGELOG_ENTRIES = 3
ENTRY_LINES = 30


def _authored(doc: Document) -> bool:
    """Whether the document is a GNU ChangeLog (or a ``git log``): entries under headers that sign them, each
    written in its author's language ("* doc/skk.texi (入力モード): typo fixed." under a Japanese
    author's name, English under the next): mixed by its authors, not left untranslated."""
    lines = doc.facts.lines
    headers = 0
    for line in lines:
        if "@" in line and (line[:1].isdigit() or line[:1].isupper()) and _ENTRY_HEADER.match(line):
            headers += 1
    return headers >= CHANGELOG_ENTRIES and headers * ENTRY_LINES >= sum(1 for line in lines if line.strip())


# A half of a document given twice, once in each language, holds this share of its text at least,
# and this many paragraphs.
HALF_SHARE = 0.15
HALF_PARAGRAPHS = 2
# ... and each half is in its language for this share of its text at least
HALF_PURITY = 0.8
_RULE = re.compile(r"\s*([-=*_~#])\1{4,}\s*")
_RULE_MARKS = frozenset("-=*_~#")


# the words a translator's note says what it is with
_TRANSLATED = re.compile(r"\btranslat(?:ed|ion|ions|or|ors)\b", re.IGNORECASE)


# A translator's note is at most this many paragraphs.
NOTE_PARAGRAPHS = 8


def _translators_note(doc: Document, profiles: dict[int, Profile]) -> frozenset[int]:
    """The English paragraphs a translation opens with, before its first heading and any text in
    its own script, when they say they are about the translation ("Chinese translated version of
    Documentation/...", "NOTE: This is a version of ... translated into korean", its
    maintainers): a note addressed to readers of the source language, written in it on purpose."""
    run: list[Paragraph] = []
    for para in doc.preamble:
        if not isinstance(para, Paragraph):
            continue
        if profiles.get(id(para)) is None or profiles[id(para)].main != "latin" or len(run) == NOTE_PARAGRAPHS:
            break
        run.append(para)
    if any(_TRANSLATED.search(p.text) for p in run):
        return frozenset(id(p) for p in run)
    return frozenset()


def _given_twice(doc: Document, paragraphs: list[Paragraph], profiles: dict[int, Profile]) -> bool:
    """Whether the document is its text twice, one language after the other, the second part set
    off by a rule ("=====" over "IPA Font ... Readme" under the Japanese one; "------" over "For
    non-korean users."): a bilingual README, whose two halves are both meant. Each side of the
    rule is in one script (``HALF_PURITY``) and holds a fair share of the text. A translation
    left half done stops at no rule."""
    lines = doc.facts.lines
    titled = {h.span.line for h in doc.facts.headings}  # (a heading's underline sets nothing off)
    rule = next((n for n in range(len(lines), 0, -1) if _rule(lines[n - 1]) and n - 1 not in titled), None)
    if rule is None:
        return False
    sides: tuple[Counter[str], Counter[str]] = (Counter(), Counter())
    counts = [0, 0]
    for para in paragraphs:
        p = profiles[id(para)]
        if p.main is None or p.total < SAMPLE_WEIGHT:
            continue
        side = int(para.span.line > rule)
        sides[side]["cjk" if p.main in CJK else p.main] += p.total
        counts[side] += 1
    sizes = [sum(side.values()) for side in sides]
    if min(counts) < HALF_PARAGRAPHS or not sum(sizes):
        return False
    (a, wa), (b, wb) = (side.most_common(1)[0] for side in sides)
    return (
        a != b
        and min(sizes) >= HALF_SHARE * sum(sizes)
        and wa >= HALF_PURITY * sizes[0]
        and wb >= HALF_PURITY * sizes[1]
    )


def _rule(line: str) -> bool:
    """A horizontal rule ("=====", "-----"), tested by its last character first."""
    return line.rstrip()[-1:] in _RULE_MARKS and _RULE.fullmatch(line) is not None


# A block is in another script, for ``quoted.samples``, from this weight (the rules' default ``min-letters``).
SAMPLE_WEIGHT = 20


def _foreign(
    paragraphs: list[Paragraph],
    profiles: dict[int, Profile],
    latin: dict[int, Part],
    notices: frozenset[int],
    main_script: str | None,
    han: str,
) -> Iterable[str]:
    """The languages of the text in another language than the main one: Latin-script blocks, and
    the text of each other script in a block (a sample and its transliteration share one)."""
    yield from (part.lang for part in latin.values())
    for para in paragraphs:
        if para.lang or id(para) in notices:
            continue
        for script, weight in profiles[id(para)].counts:
            if weight >= SAMPLE_WEIGHT and not same_writing(script, main_script):
                # (kanji-only text and Japanese are one language here: which one it is, is a guess)
                yield "ja" if script in ("han", "kana") else tag_of(script, weight, main_script, han)


def _main(
    doc: Document,
    language: str | None,
    totals: Counter[str],
    paragraphs: list[Paragraph],
    profiles: dict[int, Profile],
    split: dict[int, list[str]],
) -> tuple[str | None, str | None, bool]:
    if language:
        tag = language.split("-")[0].lower()
        return scripts.SCRIPT_OF_LANG.get(tag, "latin"), language, True
    return main.main_language(doc, totals, paragraphs, profiles, split)


# An example sits this close under the line that introduces it.
SHOWN_GAP = 3


def _shown(previous: Paragraph | None, para: Paragraph) -> bool:
    """A single line that ends with a colon right under a paragraph that ends with one: what the
    text introduces, a prompt ("Press F1 for the help index, or ENTER to boot:") shown in the
    language the program writes it in, not a sentence left untranslated (which would introduce
    what follows it, in the document's language). List items are the text's own."""
    return (
        previous is not None
        and para.kind != "list"
        and para.span.line == para.span.end_line
        and para.text.rstrip().endswith(":")
        and _introduces(previous.text)
        and previous.span.end_line < para.span.line <= previous.span.end_line + SHOWN_GAP
    )


def _sentences(para: Paragraph, main: str) -> list[Part]:
    """Sentences of another Latin-script language inside a block in ``main``."""
    text = para.text
    if para.kind != "prose" or not _SENTENCE.search(text):
        return []
    out = []
    start = 0
    spans = _code_spans(text) if "`" in text else []
    ends = [m for m in _SENTENCE.finditer(text) if not _inside(spans, m.start())]
    for m in [*ends, None]:
        end = m.start() if m else len(text)
        # a quoted title or user-interface string is a name: its words are not the sentence's (nor
        # are a phrase's in single quotes, a mention: "Those are 'objets du jour'.")
        guess = detect.judge_latin(_without_single_quoted(without_quoted(text[start:end])), main)
        if guess is not None:
            out.append(Part("sentence", guess.lang, start, end, para.span.line, guess.confidence))
        start = m.end() if m else end
    return out if len(out) < 2 or any(p.start > 0 for p in out) else []


_TICKS = re.compile(r"`+")


def _code_spans(text: str) -> list[tuple[int, int]]:
    """The code spans of a Markdown paragraph's text, which keeps them backticks and all: a run of
    backticks opens one and the next run of the same length closes it (CommonMark). A span may hold
    several sentences, all of them code."""
    runs = [(m.start(), m.end() - m.start()) for m in _TICKS.finditer(text)]
    by_length: dict[int, list[int]] = {}
    for k, (_, n) in enumerate(runs):
        by_length.setdefault(n, []).append(k)
    spans: list[tuple[int, int]] = []
    k = 0
    while k < len(runs):
        pos, n = runs[k]
        same = by_length[n]
        j = bisect.bisect_right(same, k)
        if j == len(same):
            k += 1  # an unmatched run is literal backticks
            continue
        close = same[j]
        spans.append((pos, runs[close][0] + n))
        k = close + 1
    return spans


def _inside(spans: list[tuple[int, int]], offset: int) -> bool:
    k = bisect.bisect_right(spans, (offset, 1 << 62)) - 1
    return k >= 0 and spans[k][0] <= offset < spans[k][1]


# Licence and copyright notices stay in the language they were granted in (a translated licence
# binds no one), so a translation keeps them in English by design: they are not untranslated text.
_LEGAL = re.compile(
    r"©|\(c\)\s*\d{4}|\bcopyright\b|\bwarrant(?:y|ies)\b|\bpermission\s+is\s+(?:hereby\s+)?granted\b"
    r"|\ball\s+rights\s+reserved\b|\blicen[cs]ed\s+under\b|\bunder\s+the\s+terms\s+of\s+the\b"
    r"|\bthis\s+is\s+free\s+software\b|\bin\s+(?:the\s+)?public\s+domain\b"
    # the notice's pointers to the licence's full text ("see the file /usr/share/common-licenses/GPL
    # for the full license", "You should have received a copy of the GNU General Public License")
    r"|\bcommon-licen[cs]es\b|\bfull\s+licen[cs]e\b|\breceived\s+a\s+copy\s+of\s+the\b"
    # "Released under the GNU General Public License version 2 or later."
    r"|\breleased\s+under\s+the\s+(?:gnu\b|(?:[\w.-]+\s+){1,3}licen[cs]e\b)"
)


# A heading that names a licence: the section under it is the licence's text, which a translation
# keeps as it is granted (the GPL's only binding version is the English one).
_LICENCE_TITLE = re.compile(
    r"\b(?:general\s+public|free\s+documentation|apache|mit|bsd|mozilla\s+public|artistic|creative\s+commons)"
    r"\s+licen[cs]e\b|\b(?:l?gpl|gfdl)\b",
    re.IGNORECASE,
)


# A manual page's section of its copyright and licence, as translations title it ("COPYRIGHT",
# "著作権", "版权"): a translation keeps its notices in English, and the lines between them too
_NOTICE_TITLE = re.compile(
    r"(?:copyright|copying|licen[cs]e|licen[cs]ing|copyright\s+and\s+licen[cs]e|authors?\s+and\s+copyright|"
    r"copyright\s+and\s+authors?|著作権|版权|版權|"
    r"版权声明|版权信息|著作権表示|ライセンス|许可证|许可|授權|授权|저작권|라이선스)",
    re.IGNORECASE,
)


# The marks a plain-text title may open with ("＊著作権表示", "■ License", "* Copying").
_TITLE_MARKS = "*＊■□◆◇●○・#-=~ \u3000"


def _licence_sections(doc: Document, notices: frozenset[int]) -> frozenset[int]:
    """The paragraphs of sections whose heading names a licence, or is a copyright section, and
    whose text has a legal notice in it (the licence itself, not a section about licensing),
    sub-sections included."""
    out: set[int] = set()
    for h in doc.facts.headings:
        if not (_LICENCE_TITLE.search(h.title) or _NOTICE_TITLE.fullmatch(h.title.strip().lstrip(_TITLE_MARKS))):
            continue
        paragraphs = [b for b in _under(h) if isinstance(b, Paragraph)]
        # (the notice may be set apart, a quote or a block the language rules do not judge)
        if any(id(p) in notices or legal_notice(p.text) for p in paragraphs):
            out.update(id(p) for p in paragraphs)
    return frozenset(out)


def licence_text(doc: Document) -> frozenset[int]:
    """The paragraphs of a licence's own sections (a manual's GPL appendix): text fixed as it was
    granted, with its template lines ("one line to give the program's name ..."), which no rule
    of prose judges."""
    notices = frozenset(
        id(b)
        for h in doc.facts.headings
        if _LICENCE_TITLE.search(h.title)
        for b in _under(h)
        if isinstance(b, Paragraph) and legal_notice(b.text)
    )
    return _licence_sections(doc, notices) if notices else frozenset()


def _under(h: Heading) -> Iterable[object]:
    """The blocks of a heading's section, its sub-sections' too."""
    yield from h.body
    for child in h.children:
        yield from _under(child)


def legal_notice(text: str) -> bool:
    """Whether a block is a licence or copyright notice (see ``_LEGAL``). A word one of which every
    notice has is looked for first, by substring tests written out (no generator per block)."""
    low = text.lower()
    return (
        "©" in low
        or ("(" in low and "(c)" in low)  # a one-character test first: it is several times faster
        or "copyright" in low
        or "warrant" in low
        or "permission" in low
        or "rights" in low
        or "licen" in low
        or "terms" in low
        or "free" in low
        or "domain" in low
    ) and _LEGAL.search(low) is not None


def _indent(line: str) -> int:
    """The indent of a line as it shows, tabs to the next multiple of eight (formatted manual
    pages indent descriptions with a tab and spaces, their terms with spaces)."""
    if "\t" in line:
        line = line.expandtabs()
    return len(line) - len(line.lstrip())


def term_lines(doc: Document, para: Paragraph) -> frozenset[int]:
    """The lines of a block that are the terms of a definition list: each with the line under it
    indented deeper (a man page's section name, an option, a program's message, each with its
    description hanging under it). A term is a name; its description says which language the
    block is in."""
    if para.span.end_line <= para.span.line:
        return frozenset()
    lines = doc.facts.lines[para.span.line - 1 : para.span.end_line]
    return frozenset(
        para.span.line + k
        for k in range(len(lines) - 1)
        if lines[k].strip() and lines[k + 1].strip() and _indent(lines[k + 1]) > _indent(lines[k])
    )


def _glued_lines(doc: Document, para: Paragraph, main_script: str | None, han: str) -> list[Part]:
    """Runs of source lines of a block written in another script than the lines above them: a
    paragraph glued under another for want of a blank line (``設定例:`` straight under an English
    one), or a description left untranslated under a term in the document's language. One run of
    such lines is one paragraph, reported once; the lines under it with no letter of the
    document's script go on with it."""
    lines = doc.facts.lines
    terms = term_lines(doc, para)
    out: list[Part] = []
    last = min(para.span.end_line, len(lines))
    example = 0  # the last line read as an example the text introduces
    for n in range(para.span.line, last + 1):
        text = lines[n - 1]
        p = profile(text)
        if main_script == "latin" and len(p.counts) > 1:
            # quoted user-interface strings and code are names, not the language of the line
            p = profile(without_quoted(scripts.without_code(text)))
        if out and out[-1].last == n - 1 and n not in terms and (main_script is None or not p.weight(main_script)):
            out[-1] = replace(out[-1], last=n)  # the run goes on
            continue
        if n in terms:
            continue  # a name: the option, the message or the section its description is under
        script = foreign_script(p, main_script, CJK_MIN_WEIGHT if p.main in CJK else 20)
        if script is None or (script == "latin" and not english_prose(text)):
            continue
        if script == "latin" and main_script in CJK and scripts.embedded(text, main_script):
            continue  # the document's language with terms in it
        if (
            script == "latin"
            and main_script in CJK
            and (
                (example == n - 1 and _indent(text) == _indent(lines[n - 2]))
                or _example(text, lines[para.span.line - 1], lines[n - 2] if n > para.span.line else "")
            )
        ):
            example = n
            continue  # an example set deeper, and the lines that go on with it at its indent
        if script not in CJK and a_name(text, script):
            continue
        above = lines[n - 2].rstrip() if n > para.span.line else ""
        if above and not above.endswith(_SENTENCE_ENDS) and scripts.last_script(above) == script:
            # the sentence of the line above goes on: in the run, or in a line that is not one
            # ("版本。…  Version. Display the version" / "number and compilation options then quit.")
            if out and out[-1].last == n - 1:
                out[-1] = replace(out[-1], last=n)
            continue
        first = scripts.first_script(text)
        if first is None or (
            not same_writing(first, script)
            and not same_writing(script, first)
            and not (n > para.span.line and lines[n - 2].rstrip().endswith(_SENTENCE_ENDS))
        ):
            # the line goes on with the sentence above and ends in another script; after a
            # finished sentence, it starts one of its own with a name or a quoted string
            # ("PolicyKit が必要な特権を提供します。" under an English sentence)
            continue
        tag = tag_of(script, p.weight(script), main_script, han)
        if out and out[-1].last == n - 1 and out[-1].lang == tag:
            out[-1] = replace(out[-1], last=n)
        else:
            out.append(Part("line", tag, 0, len(text), n, last=n))
    out = [part for part in out if part.lang != "en" or not item_lines(lines[n - 1] for n in part.lines)]
    body = last - para.span.line + 1 - len(terms)
    if sum(len(part.lines) for part in out) >= body and not terms:
        return []  # every line is foreign: the block is, and the rules report it whole
    return out


def foreign_script(p: Profile, main_script: str | None, min_weight: int, share: float = 0.5) -> str | None:
    """The foreign script that dominates ``p``, if it is long enough to be more than a gloss.

    The own-script guard is directional: Latin text with a fair share (a fifth or more) of the
    document's own CJK script is the document's language with names, commands or terms in it;
    but a block dominated by CJK or kana in a Latin-script document is foreign however many Latin
    terms it carries (``ユーザーはconfig fileを編集した後…``).
    """
    if main_script is None or not p.counts:
        return None
    script = p.main
    if script is None or same_writing(script, main_script):
        return None
    if p.weight(script) < min_weight:
        return None
    if script in CJK and main_script not in CJK:
        return script
    if p.share(script) < share or p.share(main_script) >= 0.2:
        return None
    return script


# English "left untranslated" reads as prose: it has function words, and it is not a name.
_FUNCTION_WORDS = frozenset(
    "the a an is are was were be been to of and or for in on with by this that these it its you "
    "your can cannot not as from at if will would should may must do does has have which when "
    "there their they we our us".split()
)
# A citation word followed by a capitalised or quoted title: up to the end of the sentence, the
# name of a work ("参见 Debian Policy Manual, 5.6", a section number's dots inside it after a CJK
# word; an English "See Section 6.5, ..." left in a translation is a sentence). Bounded, so that it
# stays linear.
_CITATION = lazy(
    r"(?:参见|参照|参考|請參考|请参考|を参照|详见|詳見)\s*(?=[A-Z“\"《「『])(?:[^.。;；!?！？]|\.(?=\d)){0,200}|"
    r"(?i:\bsee\b|\bcf\.)\s*(?=[A-Z“\"《「『])[^.。;；!?！？]{0,200}"
)
# A work cited the way reference lists set it: an author's surname and initials, then the title
# up to its full stop ("Jacobson, V.  Compressing TCP/IP headers for low-speed serial links.").
_REFERENCE = re.compile(r"(?<![A-Za-z])[A-Z][a-z'-]+,\s+(?:[A-Z]\.\s*){1,3}[^.。]{0,200}")
# Quoted strings are titles or user-interface strings, not text left untranslated.
# A quoted name or title is short; the bound also keeps an unclosed quote from making each
# later opening mark scan to the end of the text (quadratic on a run of openers).
_QUOTED = re.compile(
    r"“[^”]{0,200}”|\"[^\"]{0,200}\"|「[^」]{0,200}」|『[^』]{0,200}』|《[^》]{0,200}》|‘[^’]{0,200}’|〈[^〉]{0,200}〉"
    r"|«[^»]{0,200}»|„[^“”]{0,200}[“”]"  # the quotes of French, Italian, Spanish and German titles
)
_OPENERS = ('"', "“", "「", "《", "『", "‘", "〈", "«", "„")
_WORD = re.compile(r"(?<![A-Za-z])[A-Za-z]+(?:'[a-z]+)?(?![A-Za-z])")


# A phrase in straight single quotes: the opening one after no letter (not "don't"), the closing
# one before none
_SINGLE_QUOTED = re.compile(r"(?<![A-Za-z])'[^'\n]{1,80}'(?![A-Za-z])")


def _without_single_quoted(text: str) -> str:
    return _SINGLE_QUOTED.sub(lambda m: " " * len(m.group()), text) if "'" in text else text


def without_quoted(text: str) -> str:
    """Quoted strings (titles, user-interface strings) blanked out: they are names, not text."""
    if any(q in text for q in _OPENERS):
        return _QUOTED.sub(lambda m: " " * len(m.group()), text)
    return text


# A line of code set deeper than its paragraph: shell or C syntax in it.
_CODE_SYNTAX = frozenset(";{}[]$=")


def _example(line: str, first: str, above: str = "") -> bool:
    """A line indented past its block's first line with code's syntax in it, or right under a line
    that ends with a colon (``introduced_example``): an example of commands or code ("if [ -n
    "$BASH_ENV" ]; then ...") the prose around it introduces."""
    return _deeper(line, first) and (any(c in _CODE_SYNTAX for c in line) or _introduces(above))


def introduced_example(line: str, first: str, above: str) -> bool:
    """A line set deeper than its block's first line, right under a line that ends with a colon:
    the example that line introduces ("tcpdump host helios and \\( hot or ace \\)" under "显示
    helios 和 主机 hot, ace 之间 的 报文 传送:"), not a sentence left untranslated."""
    return _deeper(line, first) and _introduces(above)


def _deeper(line: str, first: str) -> bool:
    return len(line) - len(line.lstrip()) > len(first) - len(first.lstrip())


def _introduces(line: str) -> bool:
    """A line ending with a colon, or opening an example as Vim's help files do (a lone ">" too)."""
    s = line.rstrip()
    return s.endswith((":", "：")) or opens_example(s) or s == ">"


def opens_example(line: str) -> bool:
    """A line ending with the " >" by which Vim's help files open an example ("vimrc に以下の行を
    書き加えてください: >")."""
    return line.rstrip().endswith((" >", "\t>"))


# A printf conversion ("%d", "%s", "%-10s"): the text is a program's message, quoted as it prints.
_FORMAT = re.compile(r"%[-+#0]*+\d*+(?:\.\d+)?[sdifuxXc](?![A-Za-z])")


# A program's diagnostic: its name (a file's and a line's number after it), then the kind of
# message ("xcin: error: ...", "set_locale.c:68: warning: ...", "gcc: fatal error: ...")
_DIAGNOSTIC = re.compile(r"\A\s*[\w./+-]+:(?:\d+:){0,2}\s*(?:fatal\s+)?(?:error|warning|note|fatal)\b:?", re.IGNORECASE)


# A line of this many cells parted by tabs is a table's row, not a sentence; words between this
# many commas or more, one word each, are a list of names.
TAB_CELLS = 3
LIST_ITEMS = 4


def diagnostic(line: str) -> bool:
    """Whether a line is a program's diagnostic (``_DIAGNOSTIC``)."""
    return ":" in line and _DIAGNOSTIC.match(line) is not None


# the last item of a list, after its "and" or "or"
_AND_LAST = re.compile(r"^\s*(?:and|or)\s+")
# a mail address spelt out against harvesters, in its brackets
_SPELT_ADDRESS = re.compile(r"<[\w.+-]{1,64}\s+at\s+[\w-]{1,64}(?:\s+dot\s+[\w-]{1,64}){1,4}\s*>", re.IGNORECASE)


def english_prose(text: str) -> bool:
    """Whether Latin text in a CJK document reads as English prose: once links, paths, identifiers,
    quoted strings and cited titles are out, at least three different lowercase words, a function
    word among them, and fewer Capitalised words than lowercase ones (a title or a list of names;
    acronyms count for neither); and no printf conversions."""
    if "%" in text and _FORMAT.search(text):
        return False  # a program's message with its conversions ("Starting to write CD at speed %d")
    if diagnostic(text):
        return False  # a program's diagnostic, as it prints it ("xcin: error: IMOpenIM() ... failed.")
    if "\t" in text and len([c for c in text.strip().split("\t") if c.strip()]) >= TAB_CELLS:
        return False  # a record's cells parted by tabs ("Rainbow effect - appearance<TAB>60<TAB>...")
    items = text.split(",")
    if len(items) >= LIST_ITEMS and all(len(_AND_LAST.sub("", item).split()) <= 1 for item in items):
        # names one word each, between commas ("mathbb, mathscr, text, and, pause"; "plain,
        # cram-md5, gssapi, login, and ntlm")
        return False
    if " at " in text and "<" in text:
        text = _SPELT_ADDRESS.sub(" ", text)  # "Greg Kroah-Hartman <greg at kroah dot com>": a byline
    rest = without_quoted(scripts.without_code(text))
    if not rest.isascii() or "ee " in rest or "cf." in rest:
        rest = _CITATION.sub(" ", rest)
    if "." in rest:
        rest = _REFERENCE.sub(" ", rest)
    words = _WORD.findall(rest)
    lower = [w for w in words if w.islower()]
    titles = sum(1 for w in words if w[0].isupper() and w[1:].islower())  # acronyms tell nothing
    distinct = set(lower)
    return len(distinct) >= 3 and not distinct.isdisjoint(_FUNCTION_WORDS) and titles < len(lower)


# A personal or product name in a cased script: a few words, each capitalised ("Сковорода Никита
# Андреевич" among a project's maintainers).
NAME_WORDS = 4


def a_name(text: str, script: str) -> bool:
    """Whether the words of a cased ``script`` in text are a name or a list of names, not a
    paragraph: items between commas of at most ``NAME_WORDS`` words, each capitalised or a single
    word (a handle: the credits of release notes read "Дамјан Георгиевски, наб")."""
    word = re.compile(f"[{scripts.CHARS[script]}]+")
    capitalised = False
    for item in text.split(","):
        words = word.findall(item)
        if len(words) > NAME_WORDS or (len(words) > 1 and not all(w[0].isupper() for w in words)):
            return False
        capitalised = capitalised or any(w[0].isupper() for w in words)
    return capitalised


_PUNCTUATION = frozenset(".,;:!?。，；：！？")


def listing(lines: tuple[str, ...]) -> bool:
    """Whether a block of several lines has no punctuation at all: settings, a command listing or
    a diagram set like the prose, not sentences (``server listen on port 8080`` / ``log level is
    debug``); a record or a form, each line a field and its value (``Package: foo`` / ``Boot
    method: <How did you boot the installer?>``); or is a configuration file's entry, each of its
    lines a ``#`` comment, a setting or a line of no lowercase letter (a key's fingerprint under
    the comments that name its issuer)."""
    if len(lines) < 2:
        return False
    if not any(c in _PUNCTUATION for line in lines for c in line):
        return True
    if all(_FIELD.match(line) for line in lines if line.strip()):
        return True
    if _line_numbered(lines):
        return True
    return any(line.lstrip().startswith("#") for line in lines) and all(
        line.lstrip().startswith("#") or line.upper() == line or _setting(line) for line in lines
    )


_LINE_NUMBER = re.compile(r"\s*(\d{1,5})(?:\s|$)")


def _line_numbered(lines: tuple[str, ...]) -> bool:
    """A listing printed with its line numbers: every line starts with a number past the previous
    one's, nearly always the next ("1 Source: gentoo" / "2 Section: x11" / "3 ...")."""
    numbers = [_LINE_NUMBER.match(line) for line in lines if line.strip()]
    if len(numbers) < 2 or any(m is None for m in numbers):
        return False
    values = [int(m.group(1)) for m in numbers if m is not None]
    steps = [b - a for a, b in pairwise(values)]
    return all(d > 0 for d in steps) and sum(d == 1 for d in steps) >= LINE_STEPS * len(steps)


# the share of a numbered listing's lines numbered one past the line before (blank lines may go)
LINE_STEPS = 0.8


# a field of a record or a form: a short label at the start of its line, then a colon
_FIELD = re.compile(r"\s*[A-Z][\w-]*(?: [\w-]+){0,2}:(?:\s|$)")


def _setting(line: str) -> bool:
    """A line with no punctuation once its links, file names, identifiers, numbers and quoted
    values are out: a setting ("deb http://localhost:9999/debian bullseye main", "::1
    ip6-localhost", 'msgid "Enter the value: "')."""
    rest = without_quoted(scripts.without_code(line))
    return not any(c in _PUNCTUATION for token in rest.split() if any(x.isalpha() for x in token) for c in token)


# A line of a list set one item to a line (a platform and its versions, a package, a name) is short.
ITEM_CHARS = 60


def item_lines(lines: Iterable[str]) -> bool:
    """Whether lines are a list set one item to a line, not wrapped sentences: three or more, each
    short and none ending a sentence (``SunOS 4.1.x`` / ``HP-UX 9.x, 10.x`` / ``OS/2 with emx``
    under a translated line saying where the program runs)."""
    items = [line.strip() for line in lines if line.strip()]
    return len(items) >= 3 and all(len(x) <= ITEM_CHARS and not x.endswith(_SENTENCE_ENDS) for x in items)


def iter_paragraphs(doc: Document, kinds: tuple[str, ...] = ("prose", "list", "quote")) -> Iterable[Paragraph]:
    for block in doc.preamble:
        if isinstance(block, Paragraph) and block.kind in kinds:
            yield block
    for h in doc.facts.headings:
        for block in h.body:
            if isinstance(block, Paragraph) and block.kind in kinds:
                yield block
