"""Truncation: empty sections, text cut mid-sentence, blank runs where content was lost, early ends, fragments."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any, TypeGuard

from outlint import language
from outlint.language.scripts import CJK_LETTER
from outlint.lazyre import lazy
from outlint.model import Document, Gap, Heading, Paragraph, Rule, Severity, Span
from outlint.outline import contents_groups, normalize_title
from outlint.rules.common import heading_ref, indent, quote

Out = Iterable[tuple[Span, str]]

# Terminal punctuation of Latin, CJK, Arabic, Devanagari, Armenian, Ethiopic and Myanmar text,
# followed by any closing quotes and brackets.
# closing quotes as languages write them: ”’ and »« (German closes with « or “), French with a space before »
_END = re.compile(r"(?:[.!?…‼⁇⁈⁉。．！？｡؟۔।॥։።၊။]|\.\.\.)[\"'”’“»«›‹」』）)\]】〕*_\s]*$")
_LOWER_START = re.compile(r"[\"'“‘(]*([a-z][a-z'’-]*)\b")
# (a bracket or a quote after the full stop opens an aside or a literal: "(for Standard BC)")
_INNER = re.compile(r"(\.)\s+([a-z][a-z'’-]*)\b")
_ASKED = re.compile(r"(?<=\w)[?!]\s+([a-z][a-z'’-]*)\b")
ABBREVIATIONS = frozenset(
    "e.g i.e etc vs cf al no nos fig figs eq eqs ch chap sec sect p pp vol vols ed eds approx incl excl "
    "mr mrs ms dr prof st jr sr inc ltd co corp dept est min max misc resp viz ca art arts para paras "
    "ref refs op cit ibid n.b a.m p.m jan feb mar apr jun jul aug sep sept oct nov dec mt ft lt gen "
    "col cpt sgt rev hon esq govt assn bros univ orig fr var sp alt ext esp avg std trans abbr adj adv "
    "approx lit pl sing syn cca obs usu eg ie nb prob ff iff env seq sqq wrt w.r.t".split()
)
# A fragment starts with an ordinary word: one of the commonest English words, or a word with a
# common derivational ending. Identifiers, commands and names (grep, zlib's, cd) are neither, and
# in technical text they start sentences in lowercase on purpose.
_COMMON = frozenset(
    "a about above after again against all also although always among an and another any are around as at "
    "be because been before being below between both but by can could did do does down during each either "
    "especially even ever every few for from further had has have having he her here him his how however if "
    "in including into is it its itself just least less like many may me might more most much must my "
    "neither no nor not now of off often on once one only or other others otherwise our out over own per "
    "perhaps rather same several shall she should since so some such than that the their them themselves "
    "then there therefore these they this those though through thus to together too toward towards under "
    "unless until up upon us very via was we were what whatever when where whether which while who whom "
    "whose why will with within without would yet you your".split()
)
_SUFFIX = re.compile(r"(?:tion|sion|ment|ness|ity|ance|ence|ing|ally|ous|ive|ful|less|able|ible|ship|ism)s?$")


def _ordinary(word: str, rest: str) -> bool:
    """Whether ``word``, followed by ``rest``, starts a fragment: a common word, or a derived word
    ('transformation') that ends its sentence within two more words, as a stray tail does;
    identifiers such as 'drawable' or 'tvariable' go on into the text they name."""
    if rest.lstrip().startswith(("((", "[", "{", "=")):
        return False  # code: a keyword and its syntax ("for ((expr; expr; expr)) do ... done")
    if re.match(r"\.\w|\(", rest):
        return False  # a dotted name or a call ("string.match(str, pattern) looks for ...")
    if word in _COMMON:
        return True
    if len(word) < 6 or not word.isalpha() or not _SUFFIX.search(word):
        return False
    end = re.search(r"[.!?]", rest)
    return len(rest[: end.start() if end else len(rest)].split()) <= 2


def ends_sentence(text: str) -> bool:
    return bool(_END.search(text.rstrip()[-16:]))


def own_body(h: Heading, min_gap: int) -> list[Paragraph]:
    """Paragraphs directly under a heading, up to the first blank run where content was lost."""
    out: list[Paragraph] = []
    for block in h.body:
        if isinstance(block, Gap):
            if block.length >= min_gap:
                break
            continue
        out.append(block)
    return out


def _gap_after(h: Heading, min_gap: int) -> Gap | None:
    for block in h.body:
        if isinstance(block, Gap) and block.length >= min_gap:
            return block
        if isinstance(block, Paragraph):
            return None
    return None


# A heading repeated with this number and title in as many parts of a document is a slot of a
# template (the categories of each release's notes): left empty when a release has nothing there.
TEMPLATE_SLOT = 3
# ... when this many of them are empty: one empty slot is no habit
SLOT_HABIT = 2


def _repeated_slots(doc: Document) -> frozenset[int]:
    """The headings whose label repeats ``TEMPLATE_SLOT`` times or more (a release's categories)."""
    counts: dict[str, list[int]] = {}
    for h in doc.facts.headings:
        counts.setdefault(h.label, []).append(id(h))
    return frozenset(i for ids in counts.values() if len(ids) >= TEMPLATE_SLOT for i in ids)


def _template_slots(doc: Document) -> frozenset[int]:
    """The headings of the template slots of a document that leaves slots empty by habit: slots
    are headings repeated ``TEMPLATE_SLOT`` times or more (the categories of each release's notes),
    and the habit is ``SLOT_HABIT`` of them with no text (bash's CHANGES leaves "Changes to Bash"
    empty in one release and "New Features in Bash" in another). The one empty slot of a document
    whose slots all have their text ("Bug fixes" in one release of a NEWS file) lost its text."""
    repeated: frozenset[int] = doc.facts.derive(_repeated_slots)
    slots = [h for h in doc.facts.headings if id(h) in repeated]
    if sum(1 for h in slots if not h.children and not own_body(h, 1)) < SLOT_HABIT:
        return frozenset()
    return repeated


# Titles that are not a section's: code (braces, a statement's semicolon), or a licence's or
# e-text's closing marker ("END OF TERMS AND CONDITIONS"), which stands alone by design.
_NOT_A_TITLE = re.compile(r".*[{};]|END OF\b")


def _sentence_title(title: str) -> bool:
    """A sentence of eight words or more ending in a full stop (not an ellipsis)."""
    return len(title.split()) >= 8 and title.endswith(".") and not title.endswith("..")


def _item_or_marker(h: Heading, after: Heading | None) -> bool:
    if _NOT_A_TITLE.match(h.title.strip()):
        return True
    pair = (h.title.strip(), after.title.strip() if after else "")
    return all(_sentence_title(t) for t in pair)  # followed by another: items of a list


# A heading that is a call signature: ``https.get(options[, callback])``, ``new Agent([options])``.
_SIGNATURE = re.compile(r"`?(?:new\s+)?([A-Za-z_$][\w$]*(?:[.:#][A-Za-z_$][\w$]*)*)\s*\(")


def _overload(h: Heading, after: Heading | None) -> bool:
    """API references give each form of an overloaded call its own heading, one right after the
    other at one level, and describe them all once under the last: the first has no body of its
    own by design. So do methods of one object documented together (``body.json()``,
    ``body.text()``)."""
    if after is None or after.level != h.level:
        return False
    one, two = _SIGNATURE.match(h.title.strip()), _SIGNATURE.match(after.title.strip())
    if one is None or two is None:
        return False
    a, b = one.group(1), two.group(1)
    return a == b or ("." in a and a.rsplit(".", 1)[0] == b.rsplit(".", 1)[0])


# A changelog's section for changes not released yet (Keep a Changelog's "## [Unreleased]"): empty
# between releases by design.
_UNRELEASED = re.compile(r"\[?unreleased\]?(?:\s*[-–:].*)?", re.IGNORECASE)


# A release's heading in release notes: a version, with a date or a status after it or nothing
# ("Version 2.32.1", "1.6.3 (stable)", "v2.0 - 2019-05-01").
_RELEASE = re.compile(
    r"(?:(?:version|release|v)\s*)?\d+(?:\.\d+)+(?:[a-z+~-][a-z0-9.+~-]*)?"
    r"(?:\s*(?:[-–—:,]\s*)?(?:\([^()]*\)|\[[^\[\]]*\]|\d{4}-\d{2}-\d{2}|"
    r"[A-Z][a-z]+\.? \d{1,2},? \d{4}|\d{1,2} [A-Z][a-z]+ \d{4}))?",
    re.IGNORECASE,
)


def _release(h: Heading) -> bool:
    text = f"{h.number.label} {h.title}" if h.number is not None else h.title
    return _RELEASE.fullmatch(text.strip()) is not None


def _no_notes(h: Heading, after: Heading | None) -> bool:
    """A release with no notes, right before the next release at its level: release notes list
    each version, also one that changed nothing worth a line."""
    return after is not None and after.level == h.level and _release(h) and _release(after)


# A document's title has this many words at least; a section's name ("NAME", "Background") fewer.
DOCUMENT_TITLE_WORDS = 3


def _title_line(doc: Document, h: Heading) -> bool:
    """An unnumbered first heading with nothing above it that names the document (three words or
    more): its title, which the first section may follow directly ("This is the GNU cpio package"
    over "* Introduction"), however the two are underlined. A section's name ("NAME" over
    "SYNOPSIS" in a manual page) is no title."""
    if h.number is not None or _size(h.title) < DOCUMENT_TITLE_WORDS:
        return False  # (two CJK characters counting as a word: "内核初始化 第五部分" names a document)
    return not any(isinstance(b, Paragraph) for b in doc.preamble)


# the marks of an author's note of what is still to do ("FIXME: add more on file-rc")
_TODO_MARKS = r"\b(?:TODO|FIXME|TBD|XXX)\b"
_TO_WRITE = re.compile(_TODO_MARKS + r"|\bto be written\b", re.IGNORECASE)


def _commented(doc: Document) -> frozenset[int]:
    """Headings whose section holds a comment before the next heading: an issue or pull-request
    template's slot, with the author's instructions to whoever fills it in (``## Steps to
    reproduce`` over ``<!-- Describe how to reproduce the issue -->``)."""
    if not doc.comments:
        return frozenset()
    headings = doc.facts.headings
    # a note that the section is still to be written is no instruction: the section is missing
    starts = sorted(c.span.line for c in doc.comments if not _TO_WRITE.search(c.text))
    out: set[int] = set()
    k = 0
    for i, h in enumerate(headings):
        end = headings[i + 1].span.line if i + 1 < len(headings) else 1 << 30
        while k < len(starts) and starts[k] <= h.span.line:
            k += 1
        if k < len(starts) and starts[k] < end:
            out.add(id(h))
    return frozenset(out)


def check_empty(doc: Document, options: Mapping[str, Any]) -> Out:
    min_gap = int(options.get("min-blank-lines", 5))
    headings = doc.facts.headings
    slots = doc.facts.derive(_template_slots) | doc.facts.derive(_commented)
    for k, h in enumerate(headings):
        after = headings[k + 1] if k + 1 < len(headings) else None
        if h.children or id(h) in slots or _item_or_marker(h, after) or _overload(h, after):
            continue
        if _no_notes(h, after) or (k == 0 and after is not None and _title_line(doc, h)):
            continue
        if _UNRELEASED.fullmatch(h.title.strip()):
            continue
        if h.style == "outline" and id(h) not in doc.facts.derive(_repeated_slots):
            # an outline entry with nothing under it is normal, or undecidable, unless it is one
            # of a slot's many (the one empty "Bug fixes" of a NEWS file)
            continue
        if h.style == "html code":
            continue  # an API item's signature: a marker trait's impl has nothing to document
        if h.number is None and after is not None and after.number is not None and _labels_group(doc, h):
            continue  # a group's label over its questions, as the contents labels it
        if h.number is None and _opens_numbering(after) and (after.level >= h.level or _titles_appendices(h, after)):
            # "IMAP4rev1 Protocol Specification" over "1. How to Read This Document", "APPENDIX"
            # over "A. EXAMPLES" (at any level): the title over the sections numbered after it
            continue
        if after is not None and _listed_over(doc, h, after):
            continue  # a part's title over its first chapter, as the contents sets them
        if h.number is None and _kinds_of(h, headings[k + 1 : k + 1 + KINDS]):
            continue  # "References" over "Normative References": a label over its kinds
        if " elsewhere" in (h.style or "") or h.style == "html elsewhere" or _links_away(h.title):
            continue  # a heading that links to the document its section's text is in
        if own_body(h, min_gap):
            # some text: a section left in the source language is the language rules' finding
            # (OL401 on its paragraphs), not a second one here
            continue
        gap = _gap_after(h, min_gap)
        if gap is not None:
            why = f"it is followed by {gap.length} blank lines"
        elif k + 1 < len(headings):
            why = f"the next heading {heading_ref(headings[k + 1])} follows directly"
        elif doc.facts.derive(_ends_early):
            continue  # the document stops before its contents says it ends: OL304 says so, once
        elif doc.toc and _contents_page(doc):
            continue  # a contents page's link to the next page, its first chapter
        else:
            why = "the document ends after it"
        yield h.span, f"section {heading_ref(h)} has no body text: {why}"


def _listed_over(doc: Document, h: Heading, after: Heading) -> bool:
    """Whether the contents lists the next heading right under this one, set deeper: its first
    child ("Working with Widgets" over "2. Common tasks"), whatever levels their numbers give."""
    if not doc.toc or not doc.facts.alignment.reliable:
        return False
    i = doc.facts.alignment.entry_for(h)
    if i is None or i + 1 >= len(doc.toc) or doc.facts.alignment.entry_for(after) != i + 1:
        return False
    return doc.toc[i + 1].span.column > doc.toc[i].span.column


# A label over its kinds has this many of them, at least, right after it.
KINDS = 2


def _kinds_of(h: Heading, after: Sequence[Heading]) -> bool:
    """Whether the next headings name kinds of what this one names ("Normative References" and
    "Informative References" after "References"): a label over the sections of its kinds, set at
    their level as plain text and flat markup set it. One such heading is no kind ("REPORTING
    BUGS" after an empty "BUGS")."""
    title = normalize_title(h.title)
    return bool(title) and len(after) == KINDS and all(normalize_title(x.title).endswith(" " + title) for x in after)


def _links_away(title: str) -> bool:
    """A plain-text title that ends with the address its section's text is at ("2. Message levels
    <https://irssi.org/documentation/help/levels/>")."""
    words = title.split()
    return bool(words) and words[-1].lstrip("<(").startswith(("http://", "https://"))


# the title a document sets over its appendices, as a part of their own
_APPENDICES = re.compile(r"\s*(?i:appendi(?:x|ces|xes)|annex(?:es)?|anhang)\s*")


def _titles_appendices(h: Heading, after: Heading) -> bool:
    """ "APPENDIX" over the first appendix, lettered: "A." or "Appendix A"."""
    scheme = after.number.scheme if after.number is not None else ""
    return bool(_APPENDICES.fullmatch(h.title)) and (scheme.startswith("alpha") or scheme == "appendix")


def _opens_numbering(h: Heading | None) -> TypeGuard[Heading]:
    """The first heading of a numbered sequence ("1.", "I.", "Chapter 1", or "0." counted from
    zero): an unnumbered heading right over it, at its level or above, is the title over the
    sections numbered after it, not an empty section."""
    return h is not None and h.number is not None and h.number.values in ((1,), (0,))


def _labels_group(doc: Document, h: Heading) -> bool:
    """Whether a heading's contents entry labels a group of numbered entries (``group_label``)."""
    if not doc.toc or not doc.facts.alignment.reliable:
        return False
    i = doc.facts.alignment.entry_for(h)
    return i is not None and i in doc.facts.derive(contents_groups)


# Marks after a sentence that say nothing of its end: a footnote mark ("[12]", "^3", "^[3]"), the
# last one of a text (at most six characters), taken off one by one from the end.
_TRAILER = re.compile(r"(?:\[\d{1,3}\]|\^\[?\d{1,3}\]?)$")
# a horizontal rule closing the text ("-------"): layout, not words
_RULE_END = re.compile(r"(?:^|\s)[-=_*~#]{3,}\s*$")


def _trimmed(text: str) -> str:
    """A paragraph's text without the marks after its last sentence (footnote marks, a closing rule)."""
    body = text.rstrip()
    if body[-1:] in "-=_*~#" and body:
        tail = _RULE_END.search(body[-200:])
        if tail:
            body = body[: len(body) - len(body[-200:]) + tail.start()].rstrip()
    if body[-1:] not in "]0123456789":
        return body  # every mark ends in a bracket or a digit: most paragraphs are done here
    end = len(body)
    while m := _TRAILER.search(body, max(0, end - 6), end):
        end = len(body[: m.start()].rstrip())
    return body[:end]


# Endings that complete a paragraph with no full stop: a web or mail address (with or without a
# scheme, or spelt out), a path, a reference such as "[RFC1234]", a quoted title or name, an
# emoticon (which ends its sentence as "!" does).
_COMPLETE = re.compile(
    r"(?:<?\w+://\S+|\S+@\S+\.\w+>?|(?:www\.)?[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}(?:/\S*)?|~?/[\w.-]+(?:/[\w.-]*)+|"
    r"\[[\w .-]{1,30}\]|\"[^\"]{1,80}\"|“[^”]{1,80}”|‘[^’]{1,80}’|«[^»]{1,80}»|„[^“”]{1,80}[“”]|[:;]-?[()DP]\)?|"
    # a mail address spelt out against harvesters ("users _at_ example _DOT_ org")
    r"(?<![\w.+-])[\w.+-]{1,64}\s+_?(?i:at)_?\s+[\w-]{1,64}(?:\s+_?(?i:dot)_?\s+[\w-]{1,64}){1,4})\s*$"
)
# Marks of code in the last sentence of a block read as prose: braces, comment ends, operators,
# preprocessor and shell keywords, tags, command-line options near the end, hex dumps, grammar repetitions,
# parameters ("tag=62784"), compound assignments ("bytes_in_flight -= size"). A paragraph that ends in code
# ends a listing, not a sentence.
_CODE_MARK = re.compile(
    r"[{}]|\*/|==|[<>]=|</?\w[\w:-]*[\s>]|#\w|\$\w|\*\d*\(|\w=\S|\s(?:[-+*/%|&^]|<<|>>)=\s|\b[0-9a-f]{16,}\b|"
    r"(?:\b(?=[A-Fa-f]*\d)[0-9A-Fa-f]{4}\b\s*){4}"
)
# a reference list's entry ends on its date or series number after a comma, with no full stop:
# "Mockapetris, P., \"Domain Names\", STD 13, RFC 1035, November 1987"
_CITATION_END = re.compile(
    r",\s+(?:(?:\d{1,2}\s+)?(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+)?(?:1[89]|20)\d\d\s*$|"
    r",\s+(?:RFC|STD|BCP|FYI)\s*\d{1,5}\s*$"
)
_CALL = re.compile(r"\w\([^()]*\)")
# the words a sentence cites a reference after, which a footnote's mark never follows
_CITING = re.compile(r"\b(?:in|see|of|by|from|to|and|or|per|cf\.?)\s*$", re.IGNORECASE)
# the last words of a shell or preprocessor block
_CLOSERS = frozenset(("fi", "done", "esac", "endif", "end", "$endif", "#endif"))


def _code(sentence: str) -> bool:
    """Whether a sentence carries code marks, or ends as code does: a statement's semicolon, a block
    closer, a call, or a command-line option among its last three words (followed by ASCII only).
    Code quoted inside a sentence of words (``it is created with "websocket=True", it will``, as
    Sphinx prints inline literals) is a literal the sentence names."""
    plain = _QUOTED.sub('"x"', sentence)
    if len(_PLAIN_WORDS.findall(plain)) >= QUOTING_WORDS:
        sentence = plain
    if _CODE_MARK.search(sentence):
        return True
    words = sentence.split()
    tail = words[-3:]
    if not tail:
        return False
    if tail[-1].endswith(";") or tail[-1] in _CLOSERS or _CALL.search(" ".join(tail[-2:])):
        return True
    for k in range(max(0, len(words) - 3), len(words)):
        w = words[k]
        if len(w) > 1 and w[0] == "-" and w.lstrip("-")[:1].isalpha() and all(t.isascii() for t in words[k:]):
            if k > 0 and words[k - 1].lower() in _NAMING:
                continue  # "the --best option", "a -v flag": an option the sentence names, not one it runs
            return True
    return False


# the words before an option that a sentence names rather than runs
_NAMING = frozenset(("the", "a", "an", "this", "that", "its", "each", "every", "no", "any"))


# a quoted literal, and the lower-case words of the text around it
_QUOTED = re.compile(r'"[^"\n]{1,60}"')
_PLAIN_WORDS = re.compile(r"(?<!\S)[a-z]{2,}(?!\S)")
# Words outside quotes that make a sentence of words, whatever code it quotes.
QUOTING_WORDS = 4


# what follows "use:" or "run:" and holds an option, an assignment or a path is a command; a last
# word with a dot inside it is a file name or a version ("libfoo.so.1", "3.2")
_COMMAND = re.compile(r"(?::\s+\S*(?:=|\./|\s-{1,2}\w)[^:]*|\s\S+\.[\w]+(?:\.\d+)*)$")


# a label and its one-word value ("Default value: 8", "Type: boolean") after the text's last sentence
_FIELD = re.compile(r"[A-Z][\w -]{0,30}:\s*[\w.%/-]{1,20}")


def _title_shaped(text: str) -> bool:
    """A short line in title case ("What the Installer Asks For"): most of its longer words capitalised."""
    words = text.split()
    if not 2 <= len(words) < 12:
        return False
    long = [w for w in words if len(w) >= 4 and w[:1].isalpha()]
    return bool(long) and sum(1 for w in long if w[:1].isupper()) * 3 >= len(long) * 2 and words[-1][:1].isupper()


def last_sentence(text: str) -> str:
    """The text after a paragraph's last sentence end: the sentence it stops in. A full stop that
    ends an abbreviation ("i.e.", "e.g.") ends no sentence."""
    tail = text[-300:]
    ends = [m.end() for m in _SENTENCE_BREAK.finditer(tail)]
    for end in reversed(ends):
        word = tail[:end].rstrip().rsplit(None, 1)[-1].rstrip("\"'”’)]").lower()
        if not word.endswith(".") or word[:-1].lstrip("(\"'“‘") not in ABBREVIATIONS:
            return tail[end:]
    return tail


_SENTENCE_BREAK = re.compile(r"[.!?。！？][\"'”’)\]]*+\s++")


# Items of at most two words separated by commas, this many or more, are a list of names.
LIST_ITEMS = 4


def cut_off(text: str) -> bool:
    """Whether a paragraph stops mid-sentence: no terminal punctuation, and long enough to be a
    sentence, or ending on a word that cannot end one (``the``, ``of``) or on a colon."""
    if ends_sentence(text):
        return False
    body = _trimmed(text)
    if len(body) < len(text.rstrip()) and text.rstrip().endswith("]") and _CITING.search(body[-20:]):
        return False  # "... as described in [5]": the reference is the sentence's last word, no footnote's mark
    if _COMPLETE.search(body[-200:]) or _COMMAND.search(body[-200:]):
        return False  # it ends on an address, a path, a reference, a quoted title or a command
    if _CITATION_END.search(body[-60:]):
        return False  # a reference list's entry, which ends on its date or number
    if _code(last_sentence(body)):
        return False  # code, markup or a command line read with the prose around it
    if _FIELD.fullmatch(last_sentence(body).strip()):
        return False  # a field and its value closing the text ("Default value: 8")
    if not body or ends_sentence(body) or body.endswith((")", "]", "）", "」", "』", "⟩", ">", "'", "’", "”", '"')):
        return False  # (a closing bracket or quote: a reference, a quoted name)
    items = body.split(",")
    if len(items) >= LIST_ITEMS and all(len(item.split()) <= 2 for item in items[1:]):
        return False  # names or values separated by commas ("acpi, apic, clflush, ..."), not a sentence
    if body.startswith(("--", "—", "-- ")):
        return False  # a signature
    if _title_shaped(body):
        return False  # a heading-like line the reader did not take for a heading
    if body.endswith((":", "：", ",", "，", ";", "；")):
        return True
    words = body.split()
    named = next((n for n in range(min(len(words), 5)) if not _name_word(words, len(words) - 1 - n)), 0)
    if named >= 2 and words[-1 - named].islower():
        return False  # a credit or a byline, ending on a name ("... traduction française par Christophe Le Bars")
    last = words[-1].lower().strip("\"'“”‘’") if words else ""
    # CJK text stops mid-sentence when its last clause has CJK words: after a colon, a command or a
    # name shown in Latin letters ("或者在本地使用： info '(coreutils) chmod invocation'") completes it
    if body.endswith(_POLITE_ENDS):
        return False  # a Japanese sentence complete in its polite form, its 。 left off ("...必要が有ります")
    clause = re.split(r"[:：]", body)[-1]
    cjk = not clause.isascii() and len(CJK_LETTER.findall(clause)) >= 6
    return len(words) >= 12 or last in _COMMON or (cjk and not _cjk_entry(body))


# A term in Latin letters (a path, a command, names separated by commas), then its description in
# CJK text holding no sentence end and at most this many CJK characters: a definition entry, as CJK
# manual pages write their NAME and FILES entries ("/etc/mtab マウントされているファイルシステムの一覧",
# "rup リモートホストの状態を表示する"), which need no full stop.
ENTRY_CJK = 60
_TERM_ENTRY = re.compile(r"[!-+\--~]++(?:,\s*+[!-+\--~]++)*+\s++(?:[-–—]\s++)?(?=[^\x00-\x7f])")
_CJK_STOP = re.compile(r"[。．！？]")


def _cjk_entry(body: str) -> bool:
    return (
        _TERM_ENTRY.match(body) is not None
        and _CJK_STOP.search(body) is None
        and len(CJK_LETTER.findall(body)) <= ENTRY_CJK
    )


# after a lower-case term and its arguments ("have <oid>", "log [--all]"), its description: a
# capital that starts a sentence (not "I")
_TERM_THEN_SENTENCE = re.compile(r"(?:\s+[<\[{(-][^\s]{0,40}){0,3}\s+(?!I\b)[A-Z][a-z]+\b")
# a capitalised word of a name ("Bars", "O'Brien", "Le")
_NAME_WORD = re.compile(r"[A-Z][a-z]+(?:['’-][A-Z]?[a-z]+)?")
# the particles between the parts of a personal name ("Wim van Dorst", "Ludwig von Mises")
_NAME_PARTICLES = frozenset("van von de der den du da di del la le".split())


def _name_word(words: Sequence[str], k: int) -> bool:
    """A word of a name: capitalised, or a particle between two capitalised words."""
    if _NAME_WORD.fullmatch(words[k]):
        return True
    return words[k] in _NAME_PARTICLES and 0 < k < len(words) - 1 and bool(_NAME_WORD.fullmatch(words[k - 1]))


# a paragraph that starts with a bracket or a quote starts with a literal or a reference, not a word
_LITERAL_START = ("(", '"', "'", "‘", "“", "`", "[")
_EARLIER_SENTENCE = re.compile(r"[.!?][\"'”’)\]]*\s+[\"'“‘(*]*[A-Z0-9]|[。！？]")
_PLAIN_WORD = re.compile(r"[\"'“‘(*_]*[^\W\d_]+[\"'”’*_]*")


def _markup_cut(text: str) -> bool:
    """The stricter test for Markdown and HTML, whose one-line paragraphs (taglines, captions, "see
    the guide at" lines before links) often carry no full stop and are followed by what the prose
    checks do not read (a list, a contents block, footnotes): a colon ending is never a cut, and a
    paragraph is cut only if it stops on a word that cannot end a sentence (``the``, ``of``), or on
    a plain word after having ended an earlier sentence."""
    body = text.rstrip()
    if body.endswith((":", "：")):
        return False
    words = body.split()
    last = words[-1] if words else ""
    if last.lower().strip("\"'“”‘’*_") in _COMMON:
        return True
    return bool(_EARLIER_SENTENCE.search(body)) and bool(_PLAIN_WORD.fullmatch(last))


# The source of a Markdown or HTML paragraph that ends on a link: an inline link, a reference
# link, an autolink or an HTML anchor, maybe emphasised, maybe closing the paragraph's element.
_LINK_END = re.compile(
    r"(?:\]\([^()\s]*(?:\([^()\s]*\)[^()\s]*)*(?:\s+\"[^\"]*\")?\)|\]\[[^\]]*\]|\]|<[a-z][a-z0-9+.-]*:[^>\s]*>|</a>)"
    r"[*_]*(?:\s*</p>)?\s*$",
    re.IGNORECASE,
)


LINK_TAIL = 400  # characters: the longest link end looked for


def _ends_in_link(doc: Document, p: Paragraph) -> bool:
    """A paragraph that ends on a link points the reader to it ("for more details see the
    [package documentation](...)"): READMEs and changelogs leave the full stop off after such a
    link, and the sentence is whole."""
    lines = doc.facts.lines
    if not 0 < p.span.end_line <= len(lines):
        return False
    end = p.span.end_column
    # the line's last characters only: a link is shorter, and a long line stays one short search
    return _LINK_END.search(lines[p.span.end_line - 1][max(0, end - LINK_TAIL) : end]) is not None


def _ends_early(doc: Document) -> bool:
    """Whether the contents goes on past the document's last section (OL304)."""
    al = doc.facts.alignment
    if not (doc.toc and al.reliable and al.pairs and al.tail < len(doc.toc)):
        return False
    return not _next_written(doc) and not _contents_page(doc)


def _contents_page(doc: Document) -> bool:
    """A page that is its manual's contents, its sections on pages of their own: no text after the
    contents, at most a link to the next page that reads as the first heading."""
    end = (doc.toc_span or doc.toc[-1].span).end_line
    after = [h for h in doc.facts.headings if h.span.line > end]
    return not any(isinstance(b, Paragraph) for h in after for b in h.body) and not any(
        isinstance(b, Paragraph) and b.span.line > end for b in doc.preamble
    )


def _next_written(doc: Document) -> bool:
    """Whether the first entry past the last heading is there after it, as a short line after a
    blank that starts with the entry's first two words: a section written in a form the reader
    did not take for a heading (the closing boilerplate an Internet-Draft's contents lists as one
    entry, "Intellectual Property and Copyright Statements", over "Intellectual Property
    Statement" and "Copyright Statement"). A document cut short has nothing of it."""
    al = doc.facts.alignment
    want = normalize_title(doc.toc[al.tail].title).split()[:2]
    lines = doc.facts.lines
    if not want:
        return False
    for k in range(al.pairs[-1][1].span.line, len(lines)):
        line = lines[k]
        if line[:1].isspace() or not line or lines[k - 1].strip():
            continue  # a heading of the kind starts at the margin, after a blank
        words = normalize_title(line).split()
        if words[: len(want)] == want and len(words) <= len(want) + 4:
            return True
    return False


# A document whose paragraphs of five words or more end complete less often than this (release
# notes, lists of changes written as paragraphs) does not use the full stop as its rule: a missing
# one there is no sign of a cut. Measured on at least HABIT_SAMPLE paragraphs.
PUNCTUATES = 0.6
HABIT_SAMPLE = 10
# From this many paragraphs, a document that starts half of them in lower case writes no sentences.
LOWER_SAMPLE = 4
# The share of its entries a document must end complete for a bare last entry to count as cut.
ENTRIES_PUNCTUATED = 0.7


def _complete(text: str) -> bool:
    body = _trimmed(text)
    return ends_sentence(body) or body.endswith((":", "：", ")", "）")) or bool(_COMPLETE.search(body[-200:]))


def _size(text: str) -> int:
    """Words in a text, two CJK characters counting as one."""
    return len(text.split()) + (len(CJK_LETTER.findall(text)) // 2 if not text.isascii() else 0)


def _at_least_five(text: str) -> bool:
    """``_size(text) >= 5``, without splitting the whole of a long paragraph."""
    return len(text.split(None, 4)) >= 5 or _size(text) >= 5


def _habit(doc: Document, kind: str) -> tuple[int, int, int]:
    """How many paragraphs of a kind, of five words or more, the document has, how many end
    complete, and how many start with a lower-case letter."""
    seen = done = lower = 0
    for body in _sections(doc):
        for block in body:
            if isinstance(block, Paragraph) and block.kind == kind and _at_least_five(block.text):
                seen += 1
                done += _complete(block.text)
                lower += block.text[:1].islower()
    return seen, done, lower


def _punctuates(doc: Document) -> bool:
    """Whether the document ends its paragraphs complete, so that one that does not is cut: a share
    of them (assumed in a short document)."""
    seen, done, _ = doc.facts.derive(_habit, "prose")
    return seen < HABIT_SAMPLE or done >= PUNCTUATES * seen


def _lower_case(doc: Document) -> bool:
    """Whether the document starts most of its prose paragraphs in lower case, as a list of thanks
    may: in a Latin script (letter case says where its sentences start), it writes no sentences."""
    seen, _, lower = doc.facts.derive(_habit, "prose")
    return seen >= LOWER_SAMPLE and lower * 2 >= seen


def _punctuates_entries(doc: Document) -> bool:
    """Whether the document ends its list and definition entries with a full stop, as manual pages
    do their option descriptions (release notes' entries often carry none): shown, not assumed."""
    seen, done, _ = doc.facts.derive(_habit, "list")
    return seen >= HABIT_SAMPLE and done >= ENTRIES_PUNCTUATED * seen


# Japanese text that stops on hiragana, after two CJK characters, with no full stop: in a particle
# or a verb's stem ("...が設定さ"), mid-sentence; titles and names end in kanji or katakana
_HIRAGANA_END = re.compile(r"[\u3040-\u309f]$")
# the polite forms a Japanese sentence ends in, which no particle or stem does
_POLITE_ENDS = ("ます", "です", "ました", "でした", "ません", "ください", "ましょう")
_KANA_END = lazy(r"[\u3400-\u9fff\u30a0-\u30ff\u3040-\u309f]{2}[\u3040-\u309f]$")


def _stops_short(text: str) -> bool:
    """The test for the last paragraph of a document, where nothing follows to excuse a missing full
    stop: it stops in a sentence (a capital, then words mostly in lower case, four words at least)
    on a plain lower-case word. Title-case lines (headings the reader missed) end on a capital."""
    if cut_off(text) or (_KANA_END.search(text[-4:]) and not text.rstrip().endswith(_POLITE_ENDS)):
        return True
    if _complete(text) or _COMMAND.search(text[-200:]):
        return False
    if not text.lstrip("\"'“‘")[:1].isalnum():
        return False  # an item of a list with its own marks ("? Apply ...", "[ ] get rid of ...")
    body = _trimmed(text)
    sentence = last_sentence(body).split()
    # after a complete sentence, two words that start another are already a stopped sentence
    shortest = 2 if len(sentence) < len(body.split()) else 4
    if len(sentence) < shortest or not _starts_sentence(sentence[0]) or _code(" ".join(sentence)):
        return False
    if any("://" in w or w.startswith("www.") for w in sentence):
        return False  # a closing pointer ("Browse to https://... for more information")
    last = sentence[-1]
    # a run of capitalised words is one name ("the Debian Policy Manual"), one word of the sentence
    rest = [w for k, w in enumerate(sentence[1:], 1) if w[:1].islower() or not sentence[k - 1][:1].isupper() or k == 1]
    lower = sum(1 for w in rest if w[:1].islower())
    return last.isalpha() and last.islower() and len(last) >= 2 and lower * 2 >= len(rest)


def _starts_sentence(word: str) -> bool:
    """A capital, or a quoted name ('"split()" splits a string ...'), as a sentence starts."""
    if word.lstrip("\"'“‘")[:1].isupper():
        return True
    return word[:1] in "\"'“‘`" and word.rstrip(",;:")[-1:] in "\"'”’`" and len(word) > 2


def _judged(doc: Document, p: Paragraph) -> bool:
    """Prose, or at the very end a definition entry (a term, its description under it: manual
    pages' sections and options) in a document that ends its entries with a full stop."""
    if p.kind == "prose":
        return True
    entry = p.kind == "list" and _size(p.text) >= 6 and p.text[:1].isalnum()
    return entry and bool(doc.facts.derive(_punctuates_entries))


# A footnote or a reference list's entry ("^[3] APT however ...", "[12] Postel, J., ..."), as DocBook
# text and specifications print them after the text: a note, which need not end as a sentence does.
_NOTE = re.compile(r"\s*\^?\[\d{1,3}\]\s")


_AUTHORS_NOTE = re.compile(_TODO_MARKS)
_NEXT_SENTENCE = re.compile(r"[.!?。]\s+\w")


# The labels a documentation generator prints before a note of its own (Sphinx's "See also:",
# "Changed in version 3.2: ..."): a cross-reference or a terse note, written as a fragment as
# often as not, never the text's last sentence cut short.
_GENERATED_NOTE = re.compile(
    r"(?:See also|Changed in version [\w.]++|Added in version [\w.]++|New in version [\w.]++|"
    r"Deprecated since version [\w.]++|Removed in version [\w.]++|Deprecated in version [\w.]++):(?:\s|$)"
)


def _generated_note(body: Sequence[Paragraph | Gap], last: Paragraph) -> bool:
    """Whether the section's last paragraph is such a note, or the list of references under a
    "See also:" set on a line of its own."""
    if _GENERATED_NOTE.match(last.text):
        return True
    paragraphs = (b for b in reversed(body) if isinstance(b, Paragraph))
    next(paragraphs, None)  # the last one
    before = next(paragraphs, None)
    return before is not None and _GENERATED_NOTE.fullmatch(before.text.strip()) is not None


def _in_authors_note(text: str) -> bool:
    """Whether a paragraph ends in an author's note: a note to self, not a sentence to finish."""
    tail = text[-300:]
    notes = list(_AUTHORS_NOTE.finditer(tail))
    return bool(notes) and _NEXT_SENTENCE.search(tail, notes[-1].end()) is None


# How wide a document's wrapped lines run: the 90th percentile of the widths of its lines of five
# words or more (every line, layout too: a page's head and foot run as wide as its prose)
WRAP_SHARE = 0.9


def _width(s: str) -> int:
    """Columns a line takes: CJK characters are two wide."""
    return len(s) + len(CJK_LETTER.findall(s))


def _wrap_width(doc: Document) -> int:
    widths = sorted(_width(s.rstrip()) for s in doc.facts.lines if _at_least_five(s))
    return widths[int(WRAP_SHARE * (len(widths) - 1))] if widths else 0


def _first_word(s: str) -> str:
    t = s.lstrip()
    if t[:1] and CJK_LETTER.match(t[0]):
        return t[0]  # CJK text wraps between any two characters
    return t.split(None, 1)[0] if t else ""


_SPACES = re.compile(r"(?<=\S) +(?=\S)")


def _columns(line: str) -> bool:
    """Three spaces or more between two words, and one space elsewhere (or no other gap): cells in
    columns. A justified line spreads its extra space over every gap; its paragraph's last line is
    never stretched at all."""
    gaps = [len(m) for m in _SPACES.findall(line)]
    return bool(gaps) and max(gaps) >= 3 and (len(gaps) == 1 or min(gaps) == 1)


def _stands_alone(doc: Document, p: Paragraph) -> bool:
    """Whether a paragraph's last line is a line of its own, not the wrapped end of a sentence: the
    line above it had room for its first word (and does not end a sentence, as text written one
    sentence to a line does), or it is indented deeper than the lines above it. So end the lines of
    a diagram, a listing, a registration template, a list of names and an example under the text
    that introduces it: none of them is a sentence cut short."""
    lines = doc.facts.lines
    last = p.span.end_line - 1
    if last >= len(lines):
        return False
    if _columns(lines[last]):
        return True  # a row of columns, or a term and its description
    rows = lines[p.span.line - 1 : last + 1]
    if sum(_columns(r) for r in rows) * 2 > len(rows):
        return True  # a table whose last row has one cell (a list of names and addresses)
    prev = last - 1
    while prev >= p.span.line - 1 and not lines[prev].strip():
        prev -= 1
    if prev < p.span.line - 1:
        return False  # one line: nothing above it in the paragraph
    above, below = lines[prev].rstrip(), lines[last]
    if indent(below) > indent(above):
        if prev > p.span.line - 1:
            return True  # an example line under the text, deeper than its wrapped lines
        if p.kind == "list":
            return False  # under an entry's term ("Area ID" over "This is a 32-bit number that ...")
    if ends_sentence(above) and any(c.isalpha() for c in above):
        return False
    return _room_above(doc, above, below)


# A wrapped line fills its width when no more than this many columns are left to the wrap width.
FULL_LINE_SLACK = 12
# ... in a document that ends this share of its prose paragraphs complete: where a tenth or more
# go without their full stop (terse release notes), one more is the author's way, not a cut.
ALWAYS_PUNCTUATES = 0.9


# A paragraph this many columns long or longer takes more than one line in a document that wraps.
WRAPPED_WIDTH = 100


def _wraps(doc: Document) -> bool:
    """Whether the document wraps its prose: most of its paragraphs too long for one line run over
    more than one (a document written a paragraph to a line does not); assumed when it has few."""
    seen = wrapped = 0
    for body in _sections(doc):
        for block in body:
            if isinstance(block, Paragraph) and block.kind == "prose" and _width(block.text) >= WRAPPED_WIDTH:
                seen += 1
                wrapped += block.span.end_line > block.span.line
    return seen < HABIT_SAMPLE or wrapped * 2 > seen


def _lost_after(doc: Document, p: Paragraph) -> bool:
    """Whether a section's last paragraph, with no full stop before the next heading, lost the text
    after it rather than only its full stop: it stops on a word no sentence ends on ("the", "of"),
    on a comma or a colon, in CJK text, or at the end of a line as wide as the text is wrapped (the
    lines after it gone). A sentence the author left without its full stop ends on a word of
    substance part-way along its line ("... and the default is sent")."""
    body = _trimmed(p.text)
    if body.endswith((":", "：", ",", "，", "、", ";", "；")) or _HIRAGANA_END.search(body[-1:]):
        return True  # (or Japanese that stops on a particle or a verb's stem: "rpc.yppasswdd を")
    words = body.split()
    if words and words[-1].lower().strip("\"'“”‘’") in _COMMON:
        return True
    if not doc.facts.derive(_wraps):
        return True  # a paragraph to a line: where its line ends tells nothing
    seen, done, _ = doc.facts.derive(_habit, "prose")
    if seen >= HABIT_SAMPLE and done < ALWAYS_PUNCTUATES * seen:
        return False  # an author who leaves a full stop off now and then: a full line tells nothing
    last = doc.facts.lines[p.span.end_line - 1] if p.span.end_line <= len(doc.facts.lines) else ""
    return doc.facts.derive(_wrap_width) - _width(last.rstrip()) <= FULL_LINE_SLACK


def _room_above(doc: Document, above: str, below: str) -> bool:
    """Whether the line above had room for the first word of the line below: the break between
    them is the author's, not the wrapping's."""
    room = doc.facts.derive(_wrap_width) - _width(above.rstrip())
    return room > _width(_first_word(below))


def check_cut(doc: Document, options: Mapping[str, Any]) -> Out:
    strict = doc.format in options.get("strict-formats", ("text",))
    if not doc.facts.derive(_punctuates):
        return
    if doc.facts.derive(_lower_case) and language.analyse(doc, options.get("language")).main_script == "latin":
        return  # in a Japanese manual, lower-case paragraphs are its options' English descriptions
    ends_early: bool = doc.facts.derive(_ends_early)
    headings = doc.facts.headings
    last_section = headings[-1] if headings and ends_early else None
    sections: list[tuple[Heading | None, Sequence[Paragraph | Gap]]] = [(h, h.body) for h in headings]
    if not headings:
        sections.append((None, doc.preamble))  # a document without headings ends in its preamble
    for k, (h, body) in enumerate(sections):
        if h is not None and h is last_section:
            continue  # the document stops here: OL304 reports the cut once
        last = next((b for b in reversed(body) if isinstance(b, Paragraph)), None)
        if last is None or _NOTE.match(last.text) or _in_authors_note(last.text) or _generated_note(body, last):
            continue
        final = k == len(sections) - 1 and strict  # the document's last words: nothing follows them
        if final:
            if not _judged(doc, last) or not _stops_short(last.text):
                continue
            if not headings and last.span.line == last.span.end_line and len(doc.preamble) == 1:
                continue  # a document of one line is a note, as often written without a full stop
        elif last.kind != "prose" or not cut_off(last.text) or (strict and not _lost_after(doc, last)):
            continue
        if h is not None and last.text.rstrip().endswith((":", "：")):
            if h.children:
                continue  # a colon introducing the sub-sections that follow
            if _form(body, last):
                continue  # a template's last field, left blank to be filled in
            if k + 1 < len(sections) and _names_next(last.text, sections[k + 1][0]):
                continue  # "The answer is context locals:" over the section "Context Locals"
        if strict and _stands_alone(doc, last):
            continue
        if not strict and (not _markup_cut(last.text) or _ends_in_link(doc, last)):
            continue
        tail = " ".join(last.text.split()[-6:])
        if len(tail) > TAIL_CHARS and CJK_LETTER.search(tail[-TAIL_CHARS:]):
            tail = tail[-TAIL_CHARS:].lstrip()  # CJK text has few spaces: its last characters
        where = f"section {heading_ref(h)} ends" if h is not None else "document ends"
        yield (
            Span(last.span.end_line, last.span.end_column, last.span.end_line, last.span.end_column),
            f"{where} mid-sentence: {quote('...' + tail, 70)}",
        )


# A section whose last paragraph is one of at least this many field labels, each a line of its
# own ending in a colon ("Published specification:"), is a template to fill in.
FORM_FIELDS = 3
# ... of at most this many words each.
FIELD_WORDS = 10


def _field(block: object) -> bool:
    if not isinstance(block, Paragraph) or block.span.line != block.span.end_line:
        return False
    text = block.text.strip()
    return text.endswith(":") and len(text.split()) <= FIELD_WORDS


def _form(body: Sequence[object], last: Paragraph) -> bool:
    """Whether a section ending on a colon is a form's blank fields (a registration template in
    an RFC: "Access-type name:", "Published specification:", "Person & email address to contact
    for further information:"), the last one left to be filled in, not a sentence cut off."""
    return _field(last) and sum(map(_field, body)) >= FORM_FIELDS


# how much of a CJK paragraph's end a finding quotes
TAIL_CHARS = 24


# the words that name what a sentence's end introduces are long ones ("locals", not "is")
NAMING_WORD = 4


_NEXT_ONE = re.compile(r"\bnext\s+(?:question|section|chapter|part|step|topic)\s*$", re.IGNORECASE)


def _names_next(text: str, following: Heading | None) -> bool:
    """Whether a sentence that ends with a colon names the next section's subject: the words of
    its last clause are in the next heading's title, which is what it introduces."""
    if following is None:
        return False
    clause = re.split(r"[.;!?。；！？]\s", text.rstrip(" :："))[-1]
    if _NEXT_ONE.search(clause):
        return True  # "... which leads us to the next question:"
    tail = [w.lower() for w in re.findall(r"\w+", clause)[-3:] if len(w) >= NAMING_WORD]
    title = set(re.findall(r"\w+", following.title.lower()))
    return bool(tail) and all(w in title for w in tail)


def _gaps(doc: Document) -> Iterator[tuple[Heading | None, Gap, Paragraph | None]]:
    """Each blank run with its section and the paragraph right after it (None: a heading or the end)."""
    for h, body in [(None, doc.preamble), *((h, h.body) for h in doc.facts.headings)]:
        for k, block in enumerate(body):
            if isinstance(block, Gap):
                after = body[k + 1] if k + 1 < len(body) else None
                yield h, block, after if isinstance(after, Paragraph) else None


# what a blank run makes room for: a figure left out of the text version, its rule or caption
_FIGURE = re.compile(r"[_=-]{5,}|\(Figure\b|(?:Figure|Fig\.|Table|Exhibit)\s+[\w.-]+[:.](?:\s|$)")


# A higher title (a part over chapters) takes this many more blank lines than the habit.
SPACING_SLACK = 1


def _heading_spacing(doc: Document) -> int:
    """The blank lines the document habitually puts before its headings (books: four or five before
    each chapter): the commonest run that ends a section, if most such runs have that length."""
    runs = [b.length for body in _sections(doc) if body and isinstance(b := body[-1], Gap)]
    if len(runs) < HABIT_SAMPLE:
        return 0
    common = max(set(runs), key=runs.count)
    return common if runs.count(common) * 2 >= len(runs) else 0


def _spacing(h: Heading | None, gap: Gap, after: Paragraph | None, doc: Document) -> bool:
    """Blank lines that lay out what follows them: space before a title the reader did not take
    for a heading (a part title in a book), before a figure left out, before a heading as wide as
    the document's habit, or before the first heading at the end of the front matter (a licence
    header, then the title)."""
    if after is None:
        if h is None and doc.facts.headings and doc.preamble[-1] is gap:
            return True
        spacing: int = doc.facts.derive(_heading_spacing)
        return spacing >= 2 and gap.length <= spacing + SPACING_SLACK
    if _FIGURE.match(after.text) is not None or _title_shaped(after.text) or _BLANK_PAGE.search(after.text[:80]):
        return True
    # a drawing's labels, all the text version kept of it, over its caption ("arc" / "Figure 3-6:
    # Result of arc cw; move;")
    return len(after.text) <= FIGURE_LABELS and _FIGURE.search(after.text) is not None


def _before_rule(doc: Document, gap: Gap) -> bool:
    """Blank lines right over a horizontal rule of plain text: the rest of a page or a screen left
    empty before the break that ends it (a tutorial fills each lesson's screen), not text lost."""
    lines = doc.facts.lines
    if doc.format != "text" or gap.span.end_line >= len(lines):
        return False
    marks = lines[gap.span.end_line].replace(" ", "").replace("\f", "").strip()
    return len(marks) >= RULE_MARKS and marks[0] in "-=_*~#+" and marks == marks[0] * len(marks)


# A horizontal rule of plain text is this many marks at least.
RULE_MARKS = 3


# the notice on a page left empty on purpose, the page's blank lines above it
_BLANK_PAGE = re.compile(r"\bintentionally\s+(?:left\s+)?blank\b", re.IGNORECASE)


# A paragraph this short that holds a figure's caption is what is left of the figure.
FIGURE_LABELS = 120


# A run of blank lines whose length the document repeats this many times inside its sections is
# its layout (xml2rfc sets five blank lines before each figure in a list), not text lost: text
# lost leaves runs as long as what was lost, each its own.
REPEATED_RUNS = 4


def _repeated_runs(doc: Document) -> frozenset[int]:
    """The lengths of at least ``min-blank-lines`` that the document's blank runs with text after
    them repeat ``REPEATED_RUNS`` times."""
    counts: dict[int, int] = {}
    for _, gap, after in _gaps(doc):
        if after is not None:
            counts[gap.length] = counts.get(gap.length, 0) + 1
    return frozenset(n for n, k in counts.items() if k >= REPEATED_RUNS)


def _title_page(doc: Document) -> set[int]:
    """Gaps in the front matter before any real prose: title-page spacing, not lost content."""
    out: set[int] = set()
    for block in doc.preamble:
        if isinstance(block, Paragraph):
            if block.kind == "prose" and len(block.text.split()) >= 15 and ends_sentence(block.text):
                break  # (an e-text's credits, "E-text prepared by ... (http://www.pgdp.net/)", end none)
        else:
            out.add(id(block))
    return out


def check_blank_run(doc: Document, options: Mapping[str, Any]) -> Out:
    min_lines = int(options.get("min-blank-lines", 5))
    layout = _title_page(doc)
    headings = doc.facts.headings
    last_body = headings[-1].body if headings else doc.preamble
    for h, gap, after in _gaps(doc):
        if id(gap) in layout or _spacing(h, gap, after, doc) or _before_rule(doc, gap):
            continue
        if after is None and last_body and last_body[-1] is gap:
            continue  # blank lines at the end, before markup that shows nothing (page metadata)
        if gap.length >= min_lines and gap.length not in doc.facts.derive(_repeated_runs):
            where = f"in section {heading_ref(h)}" if h else "before the first heading"
            yield gap.span, f"{gap.length} blank lines {where}: content may have been lost here"


def check_ends_early(doc: Document, options: Mapping[str, Any]) -> Out:
    ends_early: bool = doc.facts.derive(_ends_early)
    if not ends_early:
        return
    al = doc.facts.alignment
    last, heading = al.pairs[-1]
    missing = len(doc.toc) - 1 - last
    lines = doc.facts.lines
    end_line = len(lines)
    while end_line > 1 and not lines[end_line - 1]:
        end_line -= 1  # the document ends at its last line with anything on it, blank or not
    final = doc.toc[-1]
    yield (
        Span(end_line, 1, end_line, 1),
        f"document ends in section {heading_ref(heading)} but the contents lists {missing} more "
        f"entr{'y' if missing == 1 else 'ies'}, up to {quote(final.title)} (line {final.span.line})",
    )


def _sections(doc: Document) -> Iterator[Sequence[Paragraph | Gap]]:
    yield doc.preamble
    for h in doc.facts.headings:
        yield h.body


# an Info cross-reference ("*note basic: BRE syntax."), whose full stop ends the reference only
_INFO_REF = re.compile(r"\*[Nn]ote\s+[^:*]{1,80}::?[^.,*]{0,80}[.,]")
# a figure's or table's caption: a label, not a sentence the next paragraph follows on from
_CAPTION = re.compile(r"(?:Table|Figure|Fig\.|Exhibit|Listing)\s+[\w.-]+[:.]")
# A document with more sentences than this that start in lowercase after a complete one (inside a
# paragraph, opening one, after a question) is written so ("... cache filename. this is useful
# ...", "want to build it?  just type make"): its author's habit, not text lost.
LOWER_HABIT = 3
# A word that starts this many paragraphs in lowercase is a name the document uses (a command, a
# function: "who now prints ..."), not the first word of a fragment.
NAME_STARTS = 2


def _absolute_labels(doc: Document) -> frozenset[str]:
    """The last labels of the domain names the document writes absolute, with the root's dot
    ("*.example.", "ip6.arpa."), as DNS texts write names: where it also writes such a label alone
    with its dot ("name under example. is"), the dot is the root's, no full stop."""
    labels = set()
    for line in doc.facts.lines:
        if ". " not in line and not line.endswith("."):
            continue
        for token in line.split():
            name = token.strip("\"'()[]")
            if len(name) > 3 and name.endswith(".") and "." in name[:-1]:
                label = name[:-1].rsplit(".", 1)[1]
                if label.isascii() and label[:1].islower() and label.replace("-", "").isalnum():
                    labels.add(label)
    return frozenset(labels)


def _term_over(block: Paragraph, after: Sequence[object]) -> bool:
    """A line that ends no sentence over a block set deeper: the term its description explains
    (an API's signature in a Sphinx text build: "exception coverage.CoverageException(*args)")."""
    if block.span.line != block.span.end_line or block.text.rstrip().endswith((".", "!", "?")):
        return False
    return bool(after) and isinstance(after[0], Paragraph) and after[0].span.column > block.span.column


def _lead_in(block: Paragraph, after: Sequence[object]) -> bool:
    """A line that ends with a colon over a table, a listing or a list: the label of what it
    introduces ("a summary of the keyboard mapping:" over the mapping), written as a label is."""
    if block.span.line != block.span.end_line or not block.text.rstrip().endswith((":", "：")):
        return False
    shown = next((b for b in after if isinstance(b, Paragraph)), None)
    return shown is not None and shown.kind in ("table", "code", "list", "lines")


def _blank_refs(text: str) -> str:
    """The text with Info cross-references masked as one opaque word, offsets kept."""
    if "*" not in text or "ote" not in text:  # the asterisk first: one byte is found fastest
        return text
    return _INFO_REF.sub(lambda m: "X" * len(m.group()), text)


def _lowercase_names(doc: Document) -> frozenset[str]:
    counts: dict[str, int] = {}
    for body in _sections(doc):
        for block in body:
            if isinstance(block, Paragraph) and block.kind == "prose":
                m = _LOWER_START.match(block.text)
                if m:
                    counts[m.group(1)] = counts.get(m.group(1), 0) + 1
    return frozenset(w for w, n in counts.items() if n >= NAME_STARTS) | _arguments(doc)


# A manual page's synopsis, an option with its argument on its tag line ("--subscribe what", "-o
# file"), a call's or a command's signature ("aria2.changePosition([secret], gid, pos, how)",
# "refresh-client [-A pane:state] [-B name:what:format]"): the arguments are names, which a
# sentence may start with as they are spelt.
_SYNOPSIS = re.compile(r"(?i:synopsis|usage)")
_OPTION_ARGUMENT = re.compile(r"\s*--?[\w][\w-]*[ =]<?([a-z][a-z_]*)>?\s*$")
_SIGNATURE_LINE = re.compile(r"\s*[\w.:-]+(?:\(|\s+\[)")
_WORD = re.compile(r"[a-z][a-z_]*")
# A signature has this many words at most, and no sentence in it.
SIGNATURE_WORDS = 16


def _arguments(doc: Document) -> frozenset[str]:
    """The lowercase words a manual page gives as names: its synopsis's, the arguments its
    options take on their tag lines, the parameters of the signatures its items describe."""
    if doc.format != "text":
        return frozenset()
    out: set[str] = set()
    for h in doc.facts.headings:
        if _SYNOPSIS.fullmatch(h.title.strip()):
            out.update(w for b in h.body if isinstance(b, Paragraph) for w in _WORD.findall(b.text))
    for line in doc.facts.lines:
        head = line.lstrip()[:1]
        if head == "-" and (m := _OPTION_ARGUMENT.match(line)):
            out.add(m.group(1))
        elif (
            head.isalpha()
            and line.rstrip().endswith((")", "]"))
            and _SIGNATURE_LINE.match(line)
            and len(line.split()) <= SIGNATURE_WORDS
            and not _SENTENCE_BREAK.search(line)
            and not ends_sentence(line)
            and "$" not in line  # (a shell's "if [ $a != $b ]" is code)
        ):
            out.update(_WORD.findall(line, min(i for i in (line.find("("), line.find("[")) if i >= 0)))
    return frozenset(out)


def _ends_in_display(doc: Document, p: Paragraph) -> bool:
    """Whether a block ends with what a line of it introduces with a colon, set deeper than its
    first line ("that is, the Info output is this:" over "     The official GNU ftp site ..."):
    the full stop at its end is the example's, and the sentence may go on after it."""
    lines = doc.facts.lines[p.span.line - 1 : p.span.end_line]
    if len(lines) < 2:
        return False
    first = indent(lines[0])
    for k in range(len(lines) - 1, 0, -1):
        if indent(lines[k]) <= first:
            return False
        if lines[k - 1].rstrip().endswith(":"):
            return True
    return False


def check_fragment(doc: Document, options: Mapping[str, Any]) -> Out:
    langs = language.analyse(doc, options.get("language"))
    if langs.main_script != "latin":
        return  # letter case is a Latin-script signal; CJK text has none
    if langs.main_language is not None and langs.main_language.split("-")[0].lower() != "en":
        # the words that start a fragment are English ones: in a Spanish or German text "a" and
        # "in" after an abbreviation ("p. ej. a", "usw. in") are that language's own words
        return
    names: frozenset[str] = doc.facts.derive(_lowercase_names)
    licence: frozenset[int] = doc.facts.derive(language.licence_text)
    # the sentences that start in lowercase after a complete one, inside paragraphs or opening one
    inner: list[tuple[Span, str]] = []
    asked = 0
    for body in _sections(doc):
        prev: Paragraph | None = None
        for k, block in enumerate(body):
            if isinstance(block, Gap) or block.kind != "prose" or id(block) in licence:
                prev = None
                continue
            text = _blank_refs(block.text)
            m = _LOWER_START.match(text)
            if (
                m
                and not text.startswith(_LITERAL_START)
                and not _term_over(block, body[k + 1 : k + 2])
                and not _lead_in(block, body[k + 1 : k + 3])  # a parenthetical, a quoted value or term
                and "->" not in text[:60]  # a transition or mapping ("any state -> TIME_BAD ...")
                and prev is not None
                # at the indent of the paragraph before: not after a display the sentence runs
                # around, nor a note set deeper under the text ("   some option may get ...")
                and prev.span.column == block.span.column
                and not _ends_in_display(doc, prev)
                and not _CAPTION.match(prev.text)
                and prev.text.rstrip().endswith(".")
                # (an elision is no sentence's end: "SELECT a, b FROM ..." shown, then "but either
                # of these do:" goes on with the sentence around it)
                and not prev.text.rstrip().endswith("..")
                and m.group(1) not in names
                and not text[m.end() :].startswith(":")  # a label: "who: the indicator ..."
                # a term with its description on its line ("always Unconditionally allow ..."), as
                # manual pages set their tagged paragraphs
                and not _TERM_THEN_SENTENCE.match(text[m.end() :])
                and _ordinary(m.group(1), text[m.end() :])
            ):
                inner.append(
                    (
                        Span(block.span.line, block.span.column, block.span.line, block.span.column),
                        f"paragraph starts in lowercase after a complete sentence: {quote(block.text, 50)} "
                        f"(a fragment of a lost or split sentence?)",
                    )
                )
            # a sentence after a question or an exclamation, in lowercase: the habit, never a finding
            if "?" in text or "!" in text:
                asked += sum(1 for m3 in _ASKED.finditer(text) if m3.group(1) not in names)
            quotes = _Quotes(text)
            for m2 in _INNER.finditer(text):
                start = text.rfind(" ", 0, m2.start()) + 1
                token = text[start : m2.start()]
                word = token.strip("\"'“‘([")
                after = m2.group(2)
                # the sentence before ends on an ordinary lowercase word ("countries."), not on a
                # name, a quoted value or an abbreviation
                if word.lower() in ABBREVIATIONS or len(word) <= 1 or not (word.isalpha() and word.islower()):
                    continue
                if word != token or after in names or not _ordinary(after, text[m2.end() :]):
                    continue
                if word in doc.facts.derive(_absolute_labels):
                    continue  # a domain name with its root's dot ("example."), not a sentence's end
                if quotes.inside(m2.start()):
                    continue  # words quoted as someone wrote them ("... the library. you will ...")
                line, col = locate(doc, block, m2.start(2))
                if _own_line(doc, line, col):
                    continue  # lines that each stand alone, as pseudo-code and examples are written
                stop_line = locate(doc, block, m2.start(1))[0]
                if stop_line != line and indent(doc.facts.lines[stop_line - 1]) > indent(doc.facts.lines[line - 1]):
                    continue  # the full stop ends a message or an example set deeper into the text
                inner.append(
                    (
                        Span(line, col, line, col + len(after) - 1),
                        f"sentence starts in lowercase: {quote(token + m2.group(1) + ' ' + after)} "
                        f"(a fragment of a lost or garbled sentence?)",
                    )
                )
            prev = block
    if len(inner) + asked <= LOWER_HABIT:
        yield from sorted(inner, key=lambda f: (f[0].line, f[0].column))


class _Quotes:
    """Whether offsets of a paragraph, asked in increasing order, are inside a quotation: after an
    odd number of straight double quotes, or more opening curly ones than closing. The quotes are
    counted on from the offset asked before, so a paragraph is read once however many are asked."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.at = self.straight = self.opened = self.closed = 0

    def inside(self, offset: int) -> bool:
        t, at = self.text, self.at
        self.straight += t.count('"', at, offset)
        self.opened += t.count("“", at, offset)
        self.closed += t.count("”", at, offset)
        self.at = offset
        return self.straight % 2 == 1 or self.opened > self.closed


def _own_line(doc: Document, line: int, col: int) -> bool:
    """Whether the word at line and column starts its line, and the line above had room for it."""
    lines = doc.facts.lines
    if not 1 < line <= len(lines) or col != indent(lines[line - 1]) + 1:
        return False
    return _room_above(doc, lines[line - 2], lines[line - 1])


def locate(doc: Document, para: Paragraph, offset: int) -> tuple[int, int]:
    """Line and column of a character of a paragraph's text: through the reader's ``origin`` map when
    it gave one, else assuming the text joined the paragraph's stripped source lines with spaces."""
    if para.origin:
        k = bisect.bisect_right(para.origin, (offset, 1 << 62, 0)) - 1
        start, line, column = para.origin[max(k, 0)]
        return line, column + max(offset - start, 0)
    lines = doc.facts.lines
    pos = 0
    for n in range(para.span.line, para.span.end_line + 1):
        raw = lines[n - 1] if n - 1 < len(lines) else ""
        stripped = raw.strip()
        if offset < pos + len(stripped) + 1 or n == para.span.end_line:
            lead = len(raw) - len(raw.lstrip())
            return n, lead + (offset - pos) + 1
        pos += len(stripped) + 1
    return para.span.line, para.span.column


_DOC = """\
## What it does
{what}

## Why is this bad?
{why}

## Example
{example}

## Options
{options}
"""

RULES = (
    Rule(
        "OL301",
        "empty-section",
        "Section with no body text",
        check_empty,
        Severity.ERROR,
        {"min-blank-lines": 5},
        doc=_DOC.format(
            what="Reports a heading with no body text and no sub-headings: followed directly by the next "
            "heading, by the end of the document, or by a run of blank lines where content was lost. A "
            "section whose text was left in another language has a body: the language rules report it. "
            "Sections empty by design are not reported: the forms of an overloaded call headed one after "
            "another, a changelog's `Unreleased`, a template's sections that hold only the comment "
            "telling whoever fills it in what to write, rustdoc's signature headings of trait "
            "implementations with nothing to document, a heading that is a link to the page its "
            "section's text is on (a book's index page), and the label of a group of numbered questions "
            "that the contents labels so too (an FAQ's `CHANGING STRINGS` over `4.10.`).",
            why="The section's content was lost, or never written.",
            example="`(5) Clean cyberspace` followed by 33 blank lines and two Chinese paragraphs.",
            options="- `min-blank-lines` (integer, default 5): a blank run this long ends the section's own text.",
        ),
    ),
    Rule(
        "OL302",
        "section-cut-mid-sentence",
        "Section ends mid-sentence",
        check_cut,
        Severity.WARNING,
        {"strict-formats": ["text"]},
        doc=_DOC.format(
            what="Reports a section whose last prose paragraph does not end with terminal punctuation "
            "(Latin, CJK and other scripts). Lists, tables, code and headings are not prose. In Markdown "
            "and HTML, where one-line paragraphs often carry no full stop, a paragraph must also stop on "
            "a word that cannot end a sentence (`the`, `of`), or on a plain word after an earlier "
            "sentence; a colon ending introduces what follows and is never a cut. In plain text that wraps its "
            "lines, a section followed by another must also stop on such a word, on a comma or a colon, on a "
            "Japanese particle, or at the end of a line as wide as the text is wrapped (the lines after it "
            "lost): a sentence that stops on a word of substance part-way along its line only lacks its full "
            "stop.",
            why="The text was cut off: a page, a paste or a conversion lost its end.",
            example="A section whose last line reads `The committee shall review the`.",
            options='- `strict-formats` (list, default `["text"]`): formats held to the plain test only.',
        ),
    ),
    Rule(
        "OL303",
        "blank-run",
        "Run of blank lines where content was lost",
        check_blank_run,
        Severity.WARNING,
        {"min-blank-lines": 5},
        doc=_DOC.format(
            what="Reports a run of blank lines inside the body. Blank padding around page breaks (form "
            "feeds) and page headers/footers, and a page left blank on purpose (`This page intentionally "
            "left blank`), is layout and never reported.",
            why="Long blank runs in converted or translated text mark places where content was dropped.",
            example="A heading followed by 33 blank lines.",
            options="- `min-blank-lines` (integer, default 5): shortest run reported.",
        ),
    ),
    Rule(
        "OL304",
        "document-ends-early",
        "Document ends before its contents does",
        check_ends_early,
        Severity.ERROR,
        doc=_DOC.format(
            what="Reports a document whose last contents entries have no headings after the last one "
            "that does: the file stops before the end its contents promises.",
            why="The file was truncated in transfer, export or editing.",
            example="Contents lists chapters 1-5; the file ends inside chapter 3.",
            options="None.",
        ),
    ),
    Rule(
        "OL305",
        "sentence-fragment",
        "Sentence fragment starting in lowercase",
        check_fragment,
        Severity.WARNING,
        doc=_DOC.format(
            what="Reports a prose paragraph that starts in lowercase right after a paragraph that ended a "
            "sentence, and a sentence inside a paragraph that starts in lowercase after a full stop "
            "(not after abbreviations such as `e.g.`, `etc.`, `No.`). A document with more than "
            f"{LOWER_HABIT} such sentences inside its paragraphs is written so by its author, and none "
            "of them is reported.",
            why="Part of a sentence was lost, or a sentence was split or garbled in translation.",
            example="`Oppose the politicization of cybersecurity issues.` then a paragraph "
            "`against trade protectionism.`",
            options="None.",
        ),
    ),
)
