"""Language: paragraphs, headings and long runs in another script than the document's main language."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from outlint import language
from outlint.model import Document, Rule, Severity, Span
from outlint.rules.common import heading_ref, quote
from outlint.rules.truncation import locate

Out = Iterable[tuple[Span, str]]


def _allowed(options: Mapping[str, Any]) -> set[str]:
    return {str(x).split("-")[0].lower() for x in options.get("allow", ())}


def _doc_lang(langs: language.Languages) -> str:
    return language.language_name(langs.main_language)


def check_paragraph(doc: Document, options: Mapping[str, Any]) -> Out:
    langs = language.analyse(doc, options.get("language"))
    allowed = _allowed(options)
    min_letters = int(options.get("min-letters", 20))
    for para in language.iter_paragraphs(doc):
        if para.lang:
            continue  # declared by the author (HTML lang): intentional
        script = language.is_foreign(langs.paragraphs[id(para)], langs.main_script, min_letters)
        if script is None or language.LANG_OF_SCRIPT[script] in allowed:
            continue
        if script == "latin" and not _english_prose(para.text, langs.main_script, min_letters):
            continue  # commands, paths and settings: what is left is too little to be English prose
        yield (
            Span(para.span.line, para.span.column, para.span.end_line, para.span.end_column),
            f"paragraph in {language.language_name(script)}{_marked(para.mark, script)} in a document in "
            f"{_doc_lang(langs)}: {quote(para.text, 40)}",
        )


def _marked(mark: str | None, script: str) -> str:
    """The language the producer marked the paragraph with (DOCX ``w:lang``), when it agrees."""
    if not mark or language.SCRIPT_OF_LANG.get(mark.split("-")[0].lower()) != script:
        return ""
    return f' (marked "{mark}")'


def _english_prose(text: str, main_script: str | None, min_letters: int) -> bool:
    """Whether Latin text is prose once links, paths and identifiers are taken out: enough letters,
    and several different words (``export export export`` is a script, not a sentence)."""
    rest = language.without_code(text)
    words = {w.lower() for w in rest.split() if w.isalpha()}
    return len(words) >= 3 and language.is_foreign(language.profile(rest), main_script, min_letters) is not None


def check_heading(doc: Document, options: Mapping[str, Any]) -> Out:
    langs = language.analyse(doc, options.get("language"))
    allowed = _allowed(options)
    min_letters = int(options.get("min-letters", 4))
    for h in doc.facts.headings:
        if h.lang:
            continue
        script = language.is_foreign(language.profile(h.title), langs.main_script, min_letters, 0.6)
        if script is None or language.LANG_OF_SCRIPT[script] in allowed:
            continue
        if script == "latin" and len(h.title.split()) < 2:
            continue  # one word is a name: a file ("control"), a command, a product
        yield (
            h.span,
            f"heading in {language.language_name(script)} in a document in {_doc_lang(langs)}: {heading_ref(h)}",
        )


def check_run(doc: Document, options: Mapping[str, Any]) -> Out:
    langs = language.analyse(doc, options.get("language"))
    main = langs.main_script
    if main is None:
        return
    allowed = _allowed(options)
    min_letters = int(options.get("min-letters", 30))
    for para in language.iter_paragraphs(doc):
        p = langs.paragraphs[id(para)]
        if para.lang or p.main != main:
            continue
        for script, weight in p.counts:
            if script == main or weight < min_letters or language.LANG_OF_SCRIPT[script] in allowed:
                continue
            for start, end in language.foreign_runs(para.text, script, min_letters):
                line, col = locate(doc, para, start)
                yield (
                    Span(line, col, line, col + end - start - 1),
                    f"long run of {language.language_name(script)} inside a paragraph in "
                    f"{_doc_lang(langs)}: {quote(para.text[start:end], 40)}",
                )


_DOC = """\
## What it does
{what}

## Why is this bad?
{why}

## Example
{example}

## Options
- `min-letters` (integer, default {n}): shortest text, in letters (a CJK character counts as two),
  that is reported; shorter glosses, acronyms and names are left alone.
- `allow` (list of language tags): languages that may appear, for intentionally bilingual text.
"""

RULES = (
    Rule(
        "OL401",
        "foreign-paragraph",
        "Paragraph in another language",
        check_paragraph,
        Severity.WARNING,
        {"min-letters": 20, "allow": []},
        doc=_DOC.format(
            n=20,
            what="Reports a paragraph whose script differs from the document's main language (inferred from "
            "its text, or configured with `language`). Text the author marked with a language "
            "(HTML `lang`) is intentional and never reported. A Word document marks the language of its "
            'text as it is typed (`w:lang`): that mark is evidence, quoted in the message (`marked "zh-CN"`).',
            why="An untranslated paragraph left in a translation, or text pasted from the source.",
            example="A Chinese paragraph `推进亚太经合组织数字经济合作进程。…` in an English white paper.",
        ),
    ),
    Rule(
        "OL402",
        "foreign-heading",
        "Heading in another language",
        check_heading,
        Severity.WARNING,
        {"min-letters": 4, "allow": []},
        doc=_DOC.format(
            n=4,
            what="Reports a heading whose title is in another script than the document's main language.",
            why="An untranslated heading: readers and the contents disagree on the section's name.",
            example="`（三）积极参与网络空间治理` among English headings.",
        ),
    ),
    Rule(
        "OL403",
        "foreign-run",
        "Long run of another language inside a paragraph",
        check_run,
        Severity.WARNING,
        {"min-letters": 30, "allow": []},
        doc=_DOC.format(
            n=30,
            what="Reports a long run of another script inside a paragraph that is otherwise in the "
            "document's language. Acronyms, numbers, URLs, names and short glosses are shorter than "
            "the threshold.",
            why="Half-translated paragraphs: a sentence or clause left in the source language.",
            example="An English paragraph ending with a whole untranslated Chinese sentence.",
        ),
    ),
)
