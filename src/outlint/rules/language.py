"""Language: paragraphs, headings and long runs in another script than the document's main language."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from itertools import pairwise
from typing import Any

from outlint import language
from outlint.language.analysis import CJK_MIN_WEIGHT, a_name, item_lines, without_quoted
from outlint.language.quoted import kept_source, verse
from outlint.language.scripts import CJK, CJK_LETTER
from outlint.lazyre import lazy
from outlint.model import Detected, Document, Hit, Paragraph, Rule, Severity, Span
from outlint.rules.common import heading_ref, indent, quote
from outlint.rules.truncation import locate

Out = Iterable[Hit]


def _allowed(options: Mapping[str, Any]) -> set[str]:
    return {str(x).split("-")[0].lower() for x in options.get("allow", ())}


def _doc_lang(langs: language.Languages) -> str:
    return language.language_name(langs.main_language)


def _is_allowed(tag: str, allowed: set[str]) -> bool:
    return tag.split("-")[0].lower() in allowed


def _min_weight(script: str, min_letters: int) -> int:
    """Short CJK text carries more per character: its threshold is lower (see CJK_MIN_WEIGHT)."""
    return min(min_letters, CJK_MIN_WEIGHT) if script in CJK else min_letters


def check_paragraph(doc: Document, options: Mapping[str, Any]) -> Out:
    langs = language.analyse(doc, options.get("language"))
    allowed = _allowed(options)
    min_letters = int(options.get("min-letters", 20))
    if langs.plain or langs.by_design:
        return  # one script, one language: no block is foreign (the common case, made cheap)
    main = langs.main_script
    shown: frozenset[int] = doc.facts.derive(_shown_as_written, main) if doc.format == "text" else frozenset()
    for para in language.iter_paragraphs(doc):
        if para.lang or id(para) in langs.notices or id(para) in shown:
            continue  # declared by the author (HTML lang): intentional; a licence stays as granted
        if doc.format == "text" and _help_header(doc, para):
            continue
        p = langs.paragraphs[id(para)]
        if len(p.counts) == 1 and p.main == main and id(para) not in langs.latin and id(para) not in langs.parts:
            continue  # all in the main script, and no other Latin-script language found in it
        where = Span(para.span.line, para.span.column, para.span.end_line, para.span.end_column)
        latin = langs.latin.get(id(para))
        if latin is not None:
            if not _is_allowed(latin.lang, allowed):
                found = Detected(latin.lang, latin.confidence)
                yield where, _message("paragraph", latin.lang, latin.confidence, langs, para.text), (), found
            continue
        glued = [part for part in langs.parts.get(id(para), ()) if part.kind == "line"]
        if glued:  # lines in another script under the block's first lines: paragraphs of their own
            for part in glued:
                if not _is_allowed(part.lang, allowed):
                    lines = [doc.facts.lines[n - 1] for n in part.lines]
                    if _contacts(lines) or (main in CJK and _set_off(doc, part.lines[0], part.lines[-1])):
                        continue
                    if main in CJK and part.lines[0] >= 2 and _leads_in(doc.facts.lines[part.lines[0] - 2]):
                        continue  # the message or command the line above introduces ("...跟我說:")
                    lead = len(lines[0]) - len(lines[0].lstrip())
                    span = Span(part.line, lead + 1, part.lines[-1], max(1, len(lines[-1].rstrip())))
                    text = " ".join(x.strip() for x in lines)
                    yield span, _message("paragraph", part.lang, None, langs, text), (), Detected(part.lang)
            continue
        if langs.main_script == "latin" and any(s in CJK for s, _ in p.counts):
            # names, paths and quoted user-interface strings are not its words
            p = language.profile(without_quoted(language.without_code(para.text)))
        least = _min_weight(p.main or "", min_letters)
        if p.main == "latin" and langs.main_script in CJK:
            # English in a CJK document must also read as prose (``english_prose``), which is the
            # stronger test: a short untranslated item ("Run the `apt-get` command at last.") counts
            least = least * LATIN_IN_CJK_SHARE // 4
        script = language.foreign_script(p, langs.main_script, least)
        if script is not None and not (script == "latin" and not _english_prose(para.text, langs)):
            if script == "latin" and language.listing(_source(doc, para)):
                continue  # settings or a command listing set like the prose
            if para.kind == "quote" and verse(_source(doc, para)):
                continue  # a stanza quoted in the language it was written in
            if script == "latin" and item_lines(x for x in _source(doc, para) if language.profile(x).main == "latin"):
                continue  # names set one to a line, under the line in the document's language that leads them
            if script not in CJK and a_name(para.text, script):
                continue  # a name written in its own script
            if _contacts(_source(doc, para)):
                continue  # names with their mail addresses
            tag = langs.language(script, p.weight(script))
            if not _is_allowed(tag, allowed):
                yield (
                    _body(doc, para, where),
                    _message("paragraph", tag, None, langs, para.text, _marked(para.mark, script)),
                    (),
                    Detected(tag),
                )


# every kind of block plain text sets, prose or not
_BLOCK_KINDS = ("prose", "list", "quote", "code", "lines")


def _shown_as_written(doc: Document, main: str | None) -> frozenset[int]:
    """The blocks of a plain-text document that show text as it is written, not text to
    translate: examples a Vim help line opens, and in a CJK document the examples set deeper than
    the text around them and the works a reading list cites. Derived once: OL403 asks OL401 too."""
    paras = list(language.iter_paragraphs(doc, _BLOCK_KINDS))
    shown = _opened_examples(doc, paras) | _inset(doc, paras) | _exercises(doc, paras)
    shown |= _commit_subjects(doc, paras)
    if main in CJK:
        shown |= _displayed(doc, paras) | _reading_list(paras) | _introduced(doc, paras) | _session(doc, paras)
    return shown


# A commit's subject as Conventional Commits writes it ("fix: (player) ...", "feat(api): ..."),
# as a generated changelog lists them, after a list's or a quote's mark.
_COMMIT = re.compile(
    r"[\s>*+-]*(?:feat|fix|docs|style|refactor|perf|test|build|ci|chore|revert)(?:\([^()]{0,40}\))?!?:\s"
)


def _commit_subjects(doc: Document, paras: Sequence[Paragraph]) -> frozenset[int]:
    """Blocks whose lines are mostly commit subjects: each in the language its author wrote it in,
    a changelog's record of them, not text to translate."""
    lines = doc.facts.lines
    out = set()
    for para in paras:
        own = lines[para.span.line - 1 : para.span.end_line]
        if sum(1 for line in own if _COMMIT.match(line)) * 2 > len(own):
            out.add(id(para))
    return frozenset(out)


def _prompt(line: str) -> bool:
    return line.lstrip().startswith("$ ")


# A command's output set apart from its command runs over this many blocks at least (one block
# between two commands is the text's own: a caption left untranslated, "MANIFEST.in (v=1.1) —
# for distutils to make sdist.").
SESSION_BLOCKS = 2


def _session(doc: Document, paras: Sequence[Paragraph]) -> frozenset[int]:
    """In a CJK document, the blocks with no CJK text between two blocks that hold a shell
    prompt, the first ending in a command's output ("$ gettextize" over "Creating po/
    subdirectory" ... "$ rm -rf m4"): a console session, the program's output as it prints it,
    not text left untranslated."""
    lines = doc.facts.lines
    out: set[int] = set()
    run: list[int] = []  # the blocks since the last block with a prompt
    opened = False
    for para in paras:
        own = lines[para.span.line - 1 : para.span.end_line]
        if any(_prompt(line) for line in own):
            if opened and len(run) >= SESSION_BLOCKS:
                out.update(run)
            out.add(id(para))
            # (the program's output under its command, in the block: more of it may follow)
            run, opened = [], not _prompt(own[-1]) and not CJK_LETTER.search(own[-1])
        elif opened and not CJK_LETTER.search(para.text):
            run.append(id(para))
        else:
            run, opened = [], False
    return frozenset(out)


def _leads_in(line: str) -> bool:
    """A line of CJK text that ends with a colon, leading into what the next lines show."""
    lead = line.rstrip()
    return lead.endswith((":", "：", "︰")) and CJK_LETTER.search(lead) is not None


def _introduced(doc: Document, paras: Sequence[Paragraph]) -> frozenset[int]:
    """Blocks with no CJK text right after a line of the document's CJK text that ends with a
    colon ("安裝到一半卻出現以下的錯誤:" over a compiler's messages, "请输入：" over a command):
    what that line introduces is shown as the program writes it, not left untranslated."""
    lines = doc.facts.lines
    out = set()
    for before, para in pairwise(paras):
        if _leads_in(lines[before.span.end_line - 1]) and not CJK_LETTER.search(para.text):
            out.add(id(para))
    return frozenset(out)


def _help_header(doc: Document, para: Paragraph) -> bool:
    """A Vim help file's header, quoted message or sample line, marked by the " ~" that ends its
    line (under the tags that name it, over the marks that show a command's moves): text shown as
    the program prints it."""
    lines = doc.facts.lines[para.span.line - 1 : para.span.end_line]
    return len(lines) <= HELP_HEADER_LINES and any(line.rstrip().endswith(" ~") for line in lines)


# A Vim help header is one line, with its tags above it or an example's marks under it.
HELP_HEADER_LINES = 3


# An arrow that marks a line the reader works on ("---> This lnie has erors in it."), as a tutorial
# marks its exercises.
_ARROW = re.compile(r"\s*[-=]{2,}>\s")


def _exercises(doc: Document, paras: Sequence[Paragraph]) -> frozenset[int]:
    """Blocks whose first line an arrow marks as the material of an exercise (Vim's tutor, in every
    language it is translated to, keeps its practice lines in English, typos and all): text to
    edit, shown as it is, not text to translate."""
    lines = doc.facts.lines
    return frozenset(id(para) for para in paras if _ARROW.match(lines[para.span.line - 1]))


def _opened_examples(doc: Document, paras: Sequence[Paragraph]) -> frozenset[int]:
    """The blocks a Vim help file opens as examples: set deeper, right after a paragraph whose last
    line ends with " >" ("... reads them only once: >" over "\t:if !exists(...)")."""
    lines = doc.facts.lines
    out = set()
    for before, para in pairwise(paras):
        opener = lines[before.span.end_line - 1]
        if language.opens_example(opener) and indent(lines[para.span.line - 1]) > indent(lines[before.span.line - 1]):
            out.add(id(para))
    return frozenset(out)


def _displayed(doc: Document, paras: Sequence[Paragraph]) -> frozenset[int]:
    """Paragraphs of plain text set deeper than the paragraphs on both sides of them, one line
    each: an example the text around shows (a command, its output, a file's name, as manual pages
    indent them), not a sentence left untranslated, which sits where the text does."""
    lines = doc.facts.lines
    out = set()
    for before, para, after in zip(paras, paras[1:], paras[2:], strict=False):
        if para.span.line != para.span.end_line:
            continue
        depth = indent(lines[para.span.line - 1])
        if depth > indent(lines[before.span.end_line - 1]) and depth > indent(lines[after.span.line - 1]):
            out.add(id(para))
    return frozenset(out)


_ENDS_SENTENCE = re.compile(r"[.!?。！？][\"'”’)\]]*\s*$")
# The text around a display inside a sentence: this many words on the line before it, and on the
# line after it at least this many (a term, an option's name, is no sentence going on).
INSET_WORDS_BEFORE = 4
INSET_WORDS_AFTER = 2


def _inset(doc: Document, paras: Sequence[Paragraph]) -> frozenset[int]:
    """Blocks set deeper than the text on both sides of them (the first line of the text after may
    be indented, less), in the middle of a sentence: the line before ends no sentence and the text
    after goes on in lowercase ("... lots of messages like" over a program's log, then "appear
    (previous versions ...)"). What the sentence displays is shown as the program writes it, in
    whatever language that is."""
    lines = doc.facts.lines
    out: set[int] = set()
    k = 1
    while k < len(paras) - 1:
        before = lines[paras[k - 1].span.end_line - 1]
        depth = indent(lines[paras[k].span.line - 1])
        end = k
        while depth > indent(before) and end < len(paras) and indent(lines[paras[end].span.line - 1]) >= depth:
            end += 1
        if end > k and end < len(paras) and _goes_on(before, paras[k - 1], paras[end], lines):
            out.update(id(para) for para in paras[k:end])
        k = max(end, k + 1)
    return frozenset(out)


def _goes_on(before: str, lead: Paragraph, after: Paragraph, lines: Sequence[str]) -> bool:
    """Whether the sentence of ``before`` (the last line of ``lead``) goes on in ``after``."""
    first = lines[after.span.line - 1]
    words = first.split()
    return (
        lead.kind == "prose"
        and after.kind == "prose"
        and len(before.split()) >= INSET_WORDS_BEFORE
        and not _ENDS_SENTENCE.search(before)
        and not before.rstrip().endswith((":", "："))
        and len(words) >= INSET_WORDS_AFTER
        and words[0][:1].islower()
        and not (after.span.end_line > after.span.line and indent(lines[after.span.line]) > indent(first))
    )


def _set_off(doc: Document, first: int, last: int) -> bool:
    """Lines (numbered from 1) of a CJK document set deeper than the text on both sides of them,
    led by a line in the document's script, and ending no sentence: an expression, a syntax or a
    list of options the text shows ("(一个等价的表达式是" over "     ether host ehost and not host
    host"), not a sentence left untranslated."""
    lines = doc.facts.lines
    before = next((lines[k] for k in range(first - 2, -1, -1) if lines[k].strip()), None)
    after = next((lines[k] for k in range(last, len(lines)) if lines[k].strip()), None)
    depth = min(indent(x) for x in lines[first - 1 : last])
    return (
        before is not None
        and after is not None
        and depth > indent(before)
        and depth > indent(after)
        and language.profile(before).main in CJK
        and not _ENDS_SENTENCE.search(lines[last - 1][-12:])
    )


# A sentence that sends the reader to the works listed after it ("请参考下边的文档。", "以下の文書を
# 参照してください。", "see the following documents:"): the list under it is a reading list.
_READING_LEAD = re.compile(
    r"(?:(?:参考|参见|参阅|參考|參見|請參考|请参考)[^。]{0,6}(?:下边|下面|以下|下列|如下)|"
    r"(?:以下|次)の[^。]{0,12}(?:を参照|をご覧|を参考)|"
    r"(?i:\b(?:see|refer\s+to|read)\s+the\s+following\b))[^。.]{0,30}[。:：.]?\s*$"
)


def _reading_list(paras: Sequence[Paragraph]) -> frozenset[int]:
    """The items of a list that a sentence sends the reader to: titles of the works cited, in the
    language they were published in, not text left untranslated."""
    out: set[int] = set()
    lead = False
    for para in paras:
        if para.kind == "list" and lead:
            out.add(id(para))
            continue
        lead = para.kind != "list" and _READING_LEAD.search(para.text[-80:]) is not None
    return frozenset(out)


# English in a CJK document is a paragraph from this many quarters of ``min-letters`` (15 of 20).
LATIN_IN_CJK_SHARE = 3
# a person's entry in a list of contributors or maintainers: a short name, then a mail address
_MAIL = re.compile(r"<?[\w.+-]+@[\w-]+(?:\.[\w-]+)+>?")
NAME_CHARS = 40


def _contacts(lines: Sequence[str]) -> bool:
    """Lines that are each a name and a mail address, perhaps with a note in parentheses on what
    the person did (THANKS, AUTHORS, MAINTAINERS: "Steve Whitehouse, <SteveW@ACM.org> (DECnet
    support)."): names are written in their own script, and are no untranslated text."""
    for line in lines:
        tokens = line.split()
        at = next((k for k, t in enumerate(tokens) if "@" in t), None)
        if at is None or not _MAIL.fullmatch(tokens[at].rstrip(",.;")):
            return False
        name, note = " ".join(tokens[:at]), " ".join(tokens[at + 1 :]).rstrip(".")
        if not name or len(name) > NAME_CHARS or (note and not (note[0] == "(" and note[-1] == ")")):
            return False
    return bool(lines)


def _shown(doc: Document, para: Paragraph, line: int, col: int) -> bool:
    """Whether a run starts a line of its own that is the example the line above introduces
    (``language.introduced_example``: "tcpdump 'gateway snup and (port ftp)'" under "显示 所有 通过
    网关 snup 的 ftp 报文 ... 园括弧):"), not a sentence left untranslated."""
    lines = doc.facts.lines
    if line <= para.span.line or col - 1 != indent(lines[line - 1]):
        return False
    return language.introduced_example(lines[line - 1], lines[para.span.line - 1], lines[line - 2])


def _body(doc: Document, para: Paragraph, where: Span) -> Span:
    """A block that opens with a term (a section's or an option's name) has its text under it,
    unless the text starts on the term's line and hangs from it (``ENOENT The close-on-exec flag
    ...`` over ``See BUGS.`` at the column of ``The``): the block starts with its tag then."""
    if para.span.line in language.term_lines(doc, para):
        line = doc.facts.lines[para.span.line]
        if _hangs(_source(doc, para)):
            return where
        return Span(para.span.line + 1, indent(line) + 1, where.end_line, where.end_column)
    return where


def _hangs(lines: Sequence[str]) -> bool:
    """Whether a block's text starts on its tag's line and wraps under itself: a word of the first
    line stands at the indent of the second, and the first line is full (the second line's first
    word would have made it the block's longest line), where a term over its description is short."""
    first, line = lines[0].rstrip(), lines[1]
    depth = indent(line)
    if first[depth - 1 : depth] != " " or not first[depth : depth + 1].strip():
        return False
    return len(first) + 1 + len(line.split()[0]) > max(len(t.rstrip()) for t in lines)


def _source(doc: Document, para: Paragraph) -> tuple[str, ...]:
    return doc.facts.lines[para.span.line - 1 : para.span.end_line]


def _message(
    what: str, tag: str, confidence: float | None, langs: language.Languages, text: str, marked: str = ""
) -> str:
    return (
        f"{what} in {language.language_name(tag, confidence)}{marked} in a document in {_doc_lang(langs)}: "
        f"{quote(text, 40)}"
    )


def _marked(mark: str | None, script: str) -> str:
    """The language the producer marked the paragraph with (DOCX ``w:lang``), when it agrees."""
    if not mark or language.SCRIPT_OF_LANG.get(mark.split("-")[0].lower()) != script:
        return ""
    return f' (marked "{mark}")'


def _english_prose(text: str, langs: language.Languages) -> bool:
    """Latin text in a CJK document is untranslated English only where it reads as prose."""
    return langs.main_script == "latin" or language.english_prose(text)


def check_heading(doc: Document, options: Mapping[str, Any]) -> Out:
    langs = language.analyse(doc, options.get("language"))
    allowed = _allowed(options)
    min_letters = int(options.get("min-letters", 4))
    if langs.by_design:
        return  # samples of many languages, under headings that name them
    for h in doc.facts.headings:
        if h.lang:
            continue
        latin = langs.headings.get(id(h))
        if latin is not None:
            if not _is_allowed(latin.lang, allowed):
                yield (
                    h.span,
                    f"heading in {language.language_name(latin.lang, latin.confidence)} in a document in "
                    f"{_doc_lang(langs)}: {heading_ref(h)}",
                    (),
                    Detected(latin.lang, latin.confidence),
                )
            continue
        p = language.profile(h.title)
        script = language.foreign_script(p, langs.main_script, min_letters, 0.6)
        if script is None or _is_allowed(langs.language(script, p.weight(script)), allowed):
            continue
        if script == "latin" and (len(h.title.split()) < 2 or not language.english_prose(h.title)):
            continue  # a name: a file ("control"), a command, a product, an API ("cellSize(number) = 20")
        tag = langs.language(script, p.weight(script))
        yield (
            h.span,
            f"heading in {language.language_name(tag)} in a document in {_doc_lang(langs)}: {heading_ref(h)}",
            (),
            Detected(tag),
        )


def check_run(doc: Document, options: Mapping[str, Any]) -> Out:
    langs = language.analyse(doc, options.get("language"))
    main = langs.main_script
    if main is None or langs.plain or langs.by_design:
        return
    allowed = _allowed(options)
    min_letters = int(options.get("min-letters", 30))
    whole: set[int] | None = None  # the first lines of the paragraphs OL401 reports whole
    shown: frozenset[int] = doc.facts.derive(_shown_as_written, main) if doc.format == "text" else frozenset()
    for para in language.iter_paragraphs(doc):
        p = langs.paragraphs[id(para)]
        if para.lang or id(para) in langs.latin or id(para) in shown:
            continue
        glued = {n for part in langs.parts.get(id(para), ()) if part.kind == "line" for n in part.lines}
        # (a block with lines glued under it is not OL401's whole: its runs are looked for here)
        if (
            not glued
            and not language.scripts.same_writing(p.main, main)
            and (language.foreign_script(p, main, _min_weight(p.main or "", 20)) is not None)
        ):
            continue  # a block in the other script: OL401's (a mostly Latin block with a fair share
            # of the document's own CJK script is the document's, and its runs are looked for here)
        if len(p.counts) < 2:
            continue  # one script, the document's: no run of another
        if id(para) in langs.notices:
            continue  # a licence stays in the language it was granted in
        terms: frozenset[int] | None = None  # computed for a paragraph with a run only
        for script, weight in p.counts:
            threshold = min_letters  # inside a paragraph, short CJK runs are glosses of names
            # a whole CJK sentence counts from half the threshold (``foreign_runs``)
            if language.scripts.same_writing(script, main) or weight < (
                threshold if script == "latin" else threshold // 2
            ):
                continue
            if _is_allowed(langs.language(script, weight), allowed):
                continue
            for start, end in language.foreign_runs(para.text, script, threshold, sentences=True):
                if script == "latin" and not _untranslated_run(para.text, start, end):
                    continue
                if script == "latin" and main in CJK and kept_source(para.text, start, end):
                    continue  # the source kept after its translation
                if script != "latin" and script not in CJK and a_name(para.text[start:end], script):
                    continue  # names in their own script, in a list of contributors
                line, col = locate(doc, para, start)
                end_line = locate(doc, para, end - 1)[0]
                if glued and any(n in glued for n in range(line, end_line + 1)):
                    continue  # reported as a paragraph of its own (OL401), from this line or a later one
                if script == "latin":
                    if language.diagnostic(doc.facts.lines[line - 1]):
                        continue  # a program's message, on the line it prints ("test.c:9: error: ...")
                    if end_line - line >= 2 and item_lines(doc.facts.lines[line - 1 : end_line]):
                        continue  # a list of names set one to a line
                    if _contacts(doc.facts.lines[line - 1 : end_line]):
                        continue  # names with their mail addresses
                    if _shown(doc, para, line, col):
                        continue  # an example on lines of its own, which the line above introduces
                    if doc.facts.lines[line - 1].lstrip().startswith("#") and doc.facts.derive(_hash_comments, main):
                        continue  # a maintainer's comment, kept in the source's language
                if terms is None:
                    terms = language.term_lines(doc, para)
                if terms and any(n in terms for n in range(line, end_line + 1)):
                    continue  # the name of an option or a program's message, described under it
                if whole is None:
                    plain = {k: v for k, v in options.items() if k != "min-letters"}
                    whole = {f[0].line for f in check_paragraph(doc, plain)}
                if para.span.line in whole:
                    continue  # a paragraph reported whole (OL401) is reported once, not per run
                tag = langs.language(script, end - start)
                yield (
                    Span(line, col, line, col + end - start - 1),
                    f"long run of {language.language_name(tag)} inside a paragraph in "
                    f"{_doc_lang(langs)}: {quote(para.text[start:end], 40)}",
                    (),
                    Detected(tag),
                )


# A file commented with "#" has this many comment lines at least.
HASH_COMMENTS = 3


def _hash_comments(doc: Document, main: str | None) -> bool:
    """Whether a CJK document comments its lines with "#": several lines open with it, some of them
    in the document's own language ("# 以 "#" 开头的行是注释。" in a translated help file), so the
    English ones are the source's comments a translator keeps, not text to translate."""
    if main not in CJK or doc.format != "text":
        return False
    comments = [line for line in doc.facts.lines if line.lstrip().startswith("# ")]
    return len(comments) >= HASH_COMMENTS and any(CJK_LETTER.search(line) for line in comments)


_OPEN_QUOTES = "\"“‘「『《〈'`"  # (and manual pages' `quoted' strings)
_CLOSE_QUOTES = "\"”’」』》〉'"


# Words after which a translation cites a work by its own title ("参见 Debian FAQ: ...")
# ... and the words after which Japanese cites it ("Wikipedia の記事 Comparison of … を参照下さい")
_SEE_AFTER = ("を参照", "をご覧", "を参考", "參照", "参照")
# ... with no CJK text between the run and the word: the rest of the reference ("Using and Porting
# GNU CC (for version 2.0) を参照", 'GDB manual in node "Startup" -- shell command "info ..." を参照')
_CITED_BEFORE = lazy(r"[^\u3040-\u30ff\u3400-\u9fff\uff00-\uffef。、]{0,120}?(?:" + "|".join(_SEE_AFTER) + ")")
_SEE = ("参见", "參見", "参照", "參照", "参考", "參考", "を参照", "見", "见", "see", "See")


def _untranslated_run(text: str, start: int, end: int) -> bool:
    """An English run inside CJK text is untranslated only where it reads as prose and is not
    quoted or cited: a quoted run is a title or a user-interface string (also when the quotes
    hold more than the run, "IP-addresses to listen on for incoming SMTP connections:"), and a
    run after "see" (参见, 参照) is the title of the work it cites."""
    if not language.english_prose(text[start:end]):
        return False
    head = text[max(0, start - 200) : start]
    if head.rstrip().endswith(_SEE) or _CITED_BEFORE.match(text, end, end + 140):
        return False
    before = head.rstrip()[-1:]
    after = text[end:].lstrip()[:1]
    if before and before in _OPEN_QUOTES and after and after in _CLOSE_QUOTES:
        return False
    return not _inside_quotes(head, text[end : end + 200])


def _inside_quotes(head: str, tail: str) -> bool:
    """Whether the text between ``head`` and ``tail`` sits inside one pair of quotes."""
    if head.count('"') % 2 == 1 and '"' in tail:
        return True
    # (and square brackets: a note, as a changelog lists the files a change touched, "...に対応
    # [otf.sty, makeotf, hiragino.map(for udvips), ...]")
    for o, c in zip("“‘「『《〈`[", "”’」』》〉']", strict=True):
        if head.rfind(o) > head.rfind(c) and c in tail and (o not in tail or tail.find(c) < tail.find(o)):
            return True
    return False


def check_sentence(doc: Document, options: Mapping[str, Any]) -> Out:
    langs = language.analyse(doc, options.get("language"))
    allowed = _allowed(options)
    if not langs.parts or langs.by_design:
        return
    for para in language.iter_paragraphs(doc):
        sentences = [
            p for p in langs.parts.get(id(para), ()) if p.kind == "sentence" and not _is_allowed(p.lang, allowed)
        ]
        for run in _runs(para.text, sentences):
            first, last = run[0], run[-1]
            line, col = locate(doc, para, first.start)
            end_line, end_col = locate(doc, para, max(first.start, last.end - 1))
            what = "sentence" if len(run) == 1 else f"{len(run)} sentences"
            confidence = min((p.confidence for p in run if p.confidence is not None), default=None)
            yield (
                Span(line, col, end_line, end_col),
                f"{what} in {language.language_name(first.lang, confidence)} inside a paragraph in "
                f"{_doc_lang(langs)}: {quote(para.text[first.start : first.end], 40)}",
                (),
                Detected(first.lang, confidence),
            )


def _runs(text: str, parts: Sequence[language.Part]) -> list[list[language.Part]]:
    """Foreign sentences in a row, one language, nothing but space between them: one passage left
    untranslated (two paragraphs run together), reported once."""
    runs: list[list[language.Part]] = []
    for part in parts:
        last = runs[-1][-1] if runs else None
        if last is not None and last.lang == part.lang and not text[last.end : part.start].strip():
            runs[-1].append(part)
        else:
            runs.append([part])
    return runs


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

_DOC_SENTENCE = """\
## What it does
Reports a sentence in another Latin-script language inside a paragraph in the document's
Latin-script language, with the language found and the detector's confidence. Sentences in a row
in one language (a paragraph left untranslated and run together with a translated one) are one
finding over all of them.

## Why is this bad?
A paragraph half translated: one sentence was left in the source language.

## Example
`Run the installer. Ensuite, redémarrez le service pour que la configuration soit lue. Then check the log.`
in an English manual.

## Options
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
            what="Reports a paragraph in another language than the document's main language (inferred from "
            "its text, or configured with `language`): another script, or, in a Latin-script document, "
            "another Latin-script language (French in English, English in German), named with the "
            "detector's confidence. A line in another script glued under a paragraph is reported as a "
            "paragraph of its own. Only prose, list items and quotes are judged, never code or tables; "
            "Latin text in a CJK document only where it reads as prose (not a cited title, a quoted "
            "string, a name or a command). Text the author marked with a language (HTML `lang`) is "
            "intentional and never reported; so are verse quoted in its own language, a block that is one "
            "quoted example, the works a reference list cites, the source a translation keeps after it, and a "
            "document showing samples of three languages or more. Latin-script languages are told apart among "
            "English, French, German, Spanish, Italian, Portuguese and Dutch: a document in another "
            "Latin-script language (Polish, Czech, Swedish...) is not judged against them; set its language "
            '(`--language pl`, or `language = "pl"` in the configuration) to have it judged. A Word document '
            "marks the language of its text as it is typed "
            '(`w:lang`): that mark is evidence, quoted in the message (`marked "zh-CN"`).',
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
            what="Reports a heading whose title is in another language than the document's main language: "
            "another script, or another Latin-script language (with the detector's confidence). A one-word "
            "title, or one that is a name or an API signature, is not judged.",
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
            "the threshold. A paragraph OL401 reports whole is not reported again for the runs inside it.",
            why="Half-translated paragraphs: a sentence or clause left in the source language.",
            example="An English paragraph ending with a whole untranslated Chinese sentence.",
        ),
    ),
    Rule(
        "OL404",
        "foreign-sentence",
        "Sentence in another Latin-script language inside a paragraph",
        check_sentence,
        Severity.WARNING,
        {"allow": []},
        doc=_DOC_SENTENCE,
    ),
)
