"""Kinds of plain-text paragraph: prose, lists, tables, code, quotes, definition entries and lines."""

from __future__ import annotations

import re
from collections.abc import Sequence

from outlint.model import Paragraph, Span
from outlint.readers.text.blocks import WRAPPED, Habits, in_vim_example
from outlint.readers.text.lines import BULLET, CJK, CODE_LINE, SENTENCE_END, indent, words
from outlint.readers.text.tables import GAP, TABLE_ROW, aligned_columns, same_cells, tab_cells, wrapped_row
from outlint.readers.text.titles import field_line

# An option in brackets, as usage lines write them: "[-n]", "[--quiet]", "[-o outfile]", "[OPTION]..."
# (translated pages write them "[ -E extended_options ]", "[--]", "[选项]", "[オプション]")
_OPTION_GROUP = re.compile(
    r"\[\s?-{1,2}[A-Za-z]|\[\s?--\s?\]|\[[A-Z][A-Z_-]*\]|\[[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]{1,8}\]"
)
# A usage line: a command's name, then an option group
_USAGE = re.compile(r"\s*[\w.+-]+\s+\[")
# ... or a command's words and nothing after them but two or more placeholders in brackets
# ("meson configure [ build directory ] [ options to set ]"); words and brackets are disjoint
_PLACEHOLDERS = re.compile(r"\s*[\w.+-]+(?:\s+[\w.+-]+)*(?:\s+\[\s?[a-z-][^\[\]]{0,40}\]){2,}\s*")
# Manual page references separated by commas: "awk(1), ed(1), grep(1),"
_REFERENCES = re.compile(r"(?:[\w.:+-]+\(\d\w{0,6}\)[,.]?\s*)+")
# (or a prompt that names the directory or the host: "[stack]% make", "user@host:~$ ls")
PROMPT = re.compile(
    r"\s*(?:[#%] [a-z./_-]|\$ [A-Za-z./_-]|>>> |\[[\w@:~./-]{1,40}(?: [\w@:~./-]{1,40})?\][$#%] ?\S"
    r"|[\w.-]{1,32}@[\w.-]{1,64}(?::[\w~./-]{0,80})?[$#%] \S)"
)
# what any test but the prose one looks for: symbols, wide gaps, a statement's end, a prompt
_UNPLAIN = re.compile(r"[{}\[\]<>=|\\/_*#+^~`$@&;%\u2500-\u257f]|\s{3}")
# the characters ``\s`` matches but a space (``str.isspace`` is true of them)
BLANK_NOT_SPACE = r"\t\n\x0b\x0c\r\x1c-\x1f\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"
# a symbol of ``_UNPLAIN``, or a blank other than a space: one class, searched without backtracking
_SYMBOL_OR_BLANK = re.compile(r"[{}\[\]<>=|\\/_*#+^~`$@&;%\u2500-\u257f" + BLANK_NOT_SPACE + "]")
# characters that are rare in prose and common in code, markup and drawings
_SYMBOLS = re.compile(r"[{}\[\]<>=|\\/_*#+^~`$@&]")
# A line shorter than this share of the wrap width, ending a sentence, was not wrapped there.
UNWRAPPED = 0.9


def paragraph(lines: Sequence[str], block: list[int], items: Sequence[object], habits: Habits) -> Paragraph:
    """The paragraph a block of lines is, with its kind."""
    first, last = block[0], block[-1]
    if len(block) == 1:
        line = lines[first]
        body = [line.replace("\f", "") if "\f" in line else line]
        text = body[0].strip()
    else:
        body = [lines[j] for j in block]
        if any("\f" in s for s in body):
            body = [s.replace("\f", "") for s in body]
        text = _join(body)
    span = Span(first + 1, indent(body[0]) + 1, last + 1, max(1, len(body[-1].rstrip())))
    previous = items[-1] if items and isinstance(items[-1], Paragraph) else None
    goes_on = False
    if previous is not None and previous.kind == "code" and len(items) >= 2 and isinstance(items[-2], Paragraph):
        # a block at the indent of the code block right above it, deeper than the text that led
        # into that code (its first line, a bullet's text), goes on with that example
        lead = items[-2]
        bullet = BULLET.match(lead.text)
        text_column = lead.span.column - 1 + (bullet.end() if bullet else 0)
        goes_on = text_column < indent(body[0]) >= previous.span.column - 1
    origin = _origin(body, first) if len(block) > 1 and _BROKEN in text else ()
    if habits.vim_help and body[0][:1].isspace() and in_vim_example(lines, first):
        return Paragraph(text, span, "code", origin=origin)
    return Paragraph(text, span, _kind(body, text, previous, habits, goes_on), origin=origin)


# groff marks the words it hyphenated at a line's end with U+2010 (an author's hyphen is U+002D)
_BROKEN = "\u2010"


def _glue(before: str, s: str) -> str:
    if before and s and CJK.match(before[-1]) and CJK.match(s[0]):
        return ""
    if before.endswith(_BROKEN) and s[:1].isalnum():
        return ""  # a word (or an address) groff broke across lines: "Ser‐" "vice" is one word
    return " "


# a web address: its slashes and brackets are not code's symbols
_URL = re.compile(r"<?\b\w+://[^\s>]+>?")


def _symbol_heavy(text: str) -> bool:
    """One character in six a symbol, web addresses left out (prose that cites them is still prose)."""
    if "://" in text:
        text = _URL.sub("", text)
    return len(_SYMBOLS.findall(text)) * 6 > len(text)


def _join(body: Sequence[str]) -> str:
    """A paragraph's text: wrapped lines joined by a space, except between CJK characters and
    inside a word broken at the line's end."""
    parts = [body[0].strip()]
    for s in body[1:]:
        s = s.strip()
        parts.append(_glue(parts[-1], s))
        parts.append(s)
    return "".join(parts)


def _origin(body: Sequence[str], first: int) -> tuple[tuple[int, int, int], ...]:
    """Where each source line starts in the joined text, for a text not joined by single spaces."""
    out = []
    size = 0
    before = ""
    for k, s in enumerate(body):
        stripped = s.strip()
        if k:
            size += len(_glue(before, stripped))
        out.append((size, first + k + 1, indent(s) + 1))
        size += len(stripped)
        before = stripped
    return tuple(out)


def _width(s: str) -> int:
    """Columns a line takes: CJK characters are two wide."""
    return len(s) + len(CJK.findall(s))


_COMMENTED_OUT = re.compile(r"#[A-Za-z][\w.-]*[ =:/]\S")


# A sentence after a label has at least this many words.
LABELLED_WORDS = 4


def _labelled_sentence(t: str) -> bool:
    """A word and a colon, then a sentence ("Note: In that case, username is mandatory."): a
    remark under its label, not a setting and its value (nor a record's names: "Inventor: Stuart A.
    Haber, Wakefield S. Stornetta Jr.")."""
    label, colon, rest = t.partition(": ")
    words = rest.split()
    return (
        bool(colon)
        and label.isalpha()
        and label[:1].isupper()
        and rest[:1].isupper()
        and len(words) >= LABELLED_WORDS
        and rest.rstrip()[-1:] in ".!?"
        and sum(1 for w in words[1:] if w[:1].islower()) * 3 >= (len(words) - 1) * 2  # words, not names
    )


def _code_line(s: str) -> bool:
    """A line that reads as code wherever it sits: braces, a statement's semicolon, a comment, a
    call or definition standing alone, or a keyword of C-like and Python-like languages."""
    t = s.strip()
    if not t:
        return False
    if (CODE_LINE.match(s) and not _labelled_sentence(t)) or _CODE_START.match(t) or t in ("...", "…"):
        return True  # (an ellipsis alone on its line stands for code left out of an example)
    if t.startswith("#!") or not t.strip(";{}()[]") or not t.strip("#"):
        # a script's first line ("#! /bin/sh"); brackets and semicolons alone (";;"); a comment
        # sign alone, or a row of them (the frame of a script's boxed comment)
        return True
    if "$" in t and not t.endswith((".", ",", ";")) and _SHELL_LINE.fullmatch(t):
        return True  # a command with a shell variable in it ("cd $SRCTREE", "cp $MYFILE $MYFILE.orig")
    if _COMMENTED_OUT.match(t):
        return True  # a setting commented out in a configuration file ("#d-i mirror/country string")
    if t.startswith(("<!", "<?")) or t.endswith("-->"):
        return True  # markup source: a declaration of a DTD ("<!ELEMENT"), a comment, an XML declaration
    if "{" in t or "}" in t or "/*" in t or "*/" in t or ("//" in t and "//" in t.replace("://", "")):
        return True  # braces and comments, not a web address's "//" (plain string tests: most lines are long prose)
    if t[-1] in "):" and _CALL_ALONE.fullmatch(t):
        return True
    if _GRAMMAR.match(t):
        return True  # a grammar rule or one of its alternatives (ABNF, BNF)
    if _TRAILING_COMMENT.search(t):
        return True  # a "; comment" after a record or rule, as zone files and ABNF write them
    if _hex_data(t):
        return True
    if t.endswith("\\") and len(t) > 1:
        return True  # continued on the next line, as shell scripts and printcap entries write it
    if _LOG_RECORD.match(t):
        return True  # a record of a log, as a program's output shows it
    # a statement or declaration: a symbol, or too few words for a clause ("uint8 size;")
    return t.endswith(";") and bool(_STATEMENT.fullmatch(t)) and (bool(_OPERATOR.search(t)) or len(t.split()) <= 3)


# a command in lower case, a shell variable among its first two arguments ("cd $SRCTREE", "cp
# $MYFILE $MYFILE.orig"), a few words at most and no sentence's end
_SHELL_LINE = re.compile(r"[a-z][\w.-]*(?:[ \t]+-?[\w./-]+)?[ \t]+\S*\$\{?[A-Z_][A-Z0-9_]*\}?\S*(?:[ \t]+\S+){0,6}")
# braces, comments and a definition or call alone on its line ("SetTimer():", "} Blob;")
# box-drawing characters draw tables and diagrams
_BOX = re.compile(r"[\u2500-\u257f]")
# "name = element", "name =/ more", "/ alternative", "1*19DIGIT", "%x41": grammar notation
_GRAMMAR = re.compile(r"/\s+\S|[\w-]+\s+=/?\s+\S|.*(?:\b\d*\*\d*\(|\b\d\*\d*[A-Z]|%[xd][0-9A-Fa-f])")
# a comment after a record or a grammar rule: the semicolon stands apart ("a.b  NXT a.c ; set"),
# or two of them (a resolver's trace: "com.  86400 NS  E.GTLD-SERVERS.NET.  ;; @112"); or a
# comment line of its own (";; AUTHORITY SECTION:", "; zone data")
_TRAILING_COMMENT = re.compile(r"\S\s+;;?\s+\S|^;;?\s+\S")
# a log record: a time of day to the second, after the date ("Apr 09 14:40:30 laptop login[2325]:",
# "2016-04-09 14:23:31,120 INFO", "[12:00:01]")
_LOG_RECORD = re.compile(r"\[?(?:\d{4}-\d\d-\d\d[ T]|[A-Z][a-z]{2} [ \d]\d )?\d\d:\d\d:\d\d\b")
# a number in hexadecimal ("04", "0x2a", "01642C89:0201", "1:"), as dumps and tables of a
# kernel's state write them
_HEX = re.compile(r"(?=\S*\d)(?:0x)?[0-9A-Fa-f]+(?::[0-9A-Fa-f]+)*:?")
# a digest or key: sixteen hex digits or more, or a run of base64 with a digit in it
_ENCODED = re.compile(r"[0-9A-Fa-f]{16,}|(?=[A-Za-z+/]*\d)[A-Za-z0-9+/]{24,}={0,2}")


def _hex_data(t: str) -> bool:
    """A line of data: octets or numbers written out ("hex 30 31 30 0d 06 09 60 86"), most of its
    tokens hexadecimal, or a digest or key (in hex or base64) among few words."""
    tokens = t.split()
    octets = sum(1 for w in tokens if _HEX.fullmatch(w))
    if len(tokens) >= 6 and octets * 4 >= len(tokens) * 3:
        return True
    return len(tokens) <= 6 and any(len(w) >= 16 and _ENCODED.fullmatch(w) for w in tokens)


_CALL_ALONE = re.compile(r"\w[\w.]*\([^()]*\)\s*:?")
_CODE_START = re.compile(
    r"(?:(?:if|elif|else|for|while|switch|with|def|class|struct|enum|union|typedef|try|except)\b.*[:{]|"
    r"(?:if|for|while|switch|return)\s*\(.*|(?:break|continue|pass);?|#include\b.*|#define\b.*|"
    r"(?:from\s+[\w.]+\s+)?import\s+[\w.]+(?:\s+as\s+\w+)?(?:\s*,\s*[\w.]+)*)$"
)
# a declaration or statement: a few identifiers and symbols, no run of ordinary words
_STATEMENT = re.compile(r"[\w.\[\]()*&<>,=+\-/\"' ]{1,80};")
_OPERATOR = re.compile(r"[=()\[\]*&<>{}]")
# sentences that announce an example ("... as follows.", "... like this.")
_INTRODUCES = re.compile(r"(?:[:：]|\b(?:as follows|like this|like so|for example|for instance|e\.g)\.?)\s*$", re.I)
# a definition or changelog entry's term: a version, a word or two, an option, a quoted name, a
# notation ("a | b", "[a]b")
_TERM = re.compile(r"\s*(?:v?\d+(?:\.\d+)*[a-z]?|[-\w./<>=\[\]'‘’\"|]+(?: [-\w./<>=\[\]'‘’\"|]+){0,3}):?\s*")


_TERM_GAP = re.compile(r"\s*[-\w./<>=\[\]'‘’\"]+(?: [-\w./<>=\[\]]+)?(?:\s{3,}|\t+)[A-Z]")
# a term, a dash or colon, and its description on the line ("dirnames - perform directory ...")
_TERM_SEP = re.compile(r"\s*[-\w./<>=\[\]'‘’\",()]+(?: [-\w./<>=\[\]'‘’\",()]+){0,2}(?:\s+[-–]|\s*:)\s+\S")


def _definitions(body: Sequence[str]) -> bool:
    """Entries of a definition list (changelogs, glossaries, option lists, Info tables): terms on
    their own lines at the block's first indent, each description indented deeper under its term;
    a term and its description on one line, a wide gap or a tab between them ("all      Enable
    all of the ..."); or terms with a dash or colon before their description, over two entries or
    more, the descriptions' continuation lines indented deeper."""
    if _TERM_GAP.match(body[0]):
        return True
    if len(body) < 2:
        return False
    lead = indent(body[0])
    if any(indent(s) < lead for s in body[1:]) or indent(body[1]) <= lead:
        return False
    heads = [s for s in body if indent(s) == lead]
    if all(_TERM.fullmatch(s) and not SENTENCE_END.search(s[-12:]) for s in heads):
        return True
    return all(_TERM_SEP.match(s) for s in heads)


# the markers of to-do lists: a check box ("[ ]", "[x]"), a question mark
_MARKER = re.compile(r"\s*(?:\[[ xX]?\]|\?)\s+\S")
# bullets that are symbols: "(1)" or "2." at the start of a line also occur in wrapped prose that
# enumerates inline ("... two conditions: (1) the household ...")
_SYMBOL_BULLET = re.compile(r"\s*[-*+•·◦▪‣–]\s+\S")


# an outline entry below the top: two stars or more, as Emacs's outline mode marks them
_STARRED = re.compile(r"\*{2,8} +\S")
# a line that starts with a dotted number ("2.1.7 Data Record: ...")
_DOTTED_ITEM = re.compile(r"\s*\d{1,3}(?:\.\d{1,3})+\.?\s+\S")


def _labelled_code(body: Sequence[str]) -> bool:
    """A label ending with a colon over lines set deeper, with code among them and no sentence
    ending any of them: a listing under its name, not a term and its description. Vim's help
    files mark the same with a ">" ending the line ("Example: >"): the lines under it are code."""
    lead = indent(body[0])
    rest = body[1:]
    label = body[0].rstrip()
    if any(indent(s) <= lead for s in rest):
        return False
    if label == ">" or label.endswith(" >"):
        return True
    if not label.endswith(":"):
        return False
    return any(_code_line(s) for s in rest) and not any(SENTENCE_END.search(s[-12:]) for s in rest)


def _bullet_run(body: Sequence[str]) -> bool:
    """Items of a list after a lead-in line ("Changes:", "This release fixes:"): two lines or more
    that start with a symbol bullet at one indent, or one after a line that ends a sentence or a colon."""
    starts = [k for k, s in enumerate(body) if k and (_SYMBOL_BULLET.match(s) or _MARKER.match(s))]
    if len(starts) >= 2 and len({indent(body[k]) for k in starts}) == 1:
        return True
    return any(SENTENCE_END.search(body[k - 1][-12:]) or body[k - 1].rstrip().endswith(":") for k in starts)


def _one_per_line(body: Sequence[str], short: float) -> bool:
    """Lines that each end a sentence and were never wrapped: one statement per line, a list
    written without bullets ("df no longer accepts ..." / "du no longer accepts ...")."""
    return all(SENTENCE_END.search(s[-12:]) and _width(s.rstrip()) < short for s in body)


def _unplain(text: str) -> bool:
    """Whether ``_UNPLAIN`` finds anything in the text, found in one pass over prose: with no
    symbol and no blank but spaces, only three spaces in a row can be a wide gap."""
    m = _SYMBOL_OR_BLANK.search(text)
    if m is None:
        return "   " in text
    return not m.group().isspace() or _UNPLAIN.search(text) is not None


# reStructuredText's directives for code, whose indented block is the code ("..
# code-block:: c" over a C comment, whose lines start with "*" as list items do)
_CODE_DIRECTIVE = re.compile(r"\.\. (?:code-block|code|sourcecode)::")


def _kind(body: Sequence[str], text: str, previous: Paragraph | None, habits: Habits, goes_on: bool = False) -> str:
    """prose, list, table, code, quote (indented prose) or lines (addresses, terms, captions).
    ``goes_on``: the block may go on with the code block above it (see ``paragraph``)."""
    base = habits.prose_indent
    first = body[0]
    n = len(body)
    plain = n == 1 and len(text) >= 60 and indent(first) < base + 2 and not _unplain(text)
    if plain and SENTENCE_END.search(text[-12:]) and not BULLET.match(first):
        # one long line of plain words that ends a sentence: prose (most of a document; no other
        # test below could say otherwise)
        return "prose"
    if previous is not None and _CODE_DIRECTIVE.match(previous.text) and indent(first) >= previous.span.column:
        return "code"  # the block a reStructuredText code directive holds, set under it
    if BULLET.match(first) or _MARKER.match(first) or (n > 1 and _bullet_run(body)):
        return "list"
    if n > 1 and all(s.lstrip()[:1] == ":" for s in body):
        return "quote"  # every line marked as quoted with a colon (": However, ..."): a citation
    if _STARRED.match(first):
        return "list"  # an outline's entries, starred one to a line ("** ykcs11: Improve logging")
    if n > 1 and all(_DOTTED_ITEM.match(s) for s in body):
        return "list"  # every line numbered as a sub-section ("2.1.1 VQP Header"): an outline's items
    if first.lstrip().startswith(".. "):
        return "code"  # reStructuredText markup: a directive, a comment or a link target
    if first.lstrip().startswith("<!--"):
        return "code"  # a comment of XML, HTML or SGML source, as listings and DTDs quote them
    if _BOX.search(text):
        return "table"  # box-drawing characters: a table or a diagram
    if "   " in text or "|" in text or "+-" in text or "│" in text:
        rows = sum(1 for s in body if TABLE_ROW.match(s))
        if rows and (rows * 2 >= n or n == 1):
            return "table"
        if n > 1 and aligned_columns(body):
            return "table"
        if (rows >= 3 or rows * 3 >= n > 1) and same_cells([s for s in body if TABLE_ROW.match(s)]):
            return "table"  # records with their cells in columns, a remark wrapped under each (a revision history)
    if n > 1 and wrapped_row(body):
        return "table"
    if n > 1 and "\t" in text and tab_cells(body):
        return "table"  # cells separated by tabs (or a wide gap) on every line
    if PROMPT.match(first):
        return "code"  # a shell session: "$ ls -l", "# apt-get install ..."
    if n > 1 and _labelled_code(body):
        return "code"  # a label over the code it names ("lesspipe.sh:" over the script)
    if _definitions(body):
        return "list"  # a term and its description: an entry of a definition list
    groups = len(_OPTION_GROUP.findall(text))
    if groups >= 2 or (groups and n == 1 and _USAGE.match(first)) or (n == 1 and _PLACEHOLDERS.fullmatch(first)):
        return "code"  # a command's usage: its name and its options in brackets (a synopsis)
    if _REFERENCES.fullmatch(text):
        return "lines"  # manual page references ("awk(1), ed(1), grep(1)"): names, not sentences
    margin = indent(first) if n == 1 else min(indent(s) for s in body)
    code_lines = sum(1 for s in body if _code_line(s))
    introduced = previous is not None and bool(_INTRODUCES.search(previous.text[-20:]))
    # a block indented as a whole; a single line only when clearly code, since the first lines
    # of ordinary paragraphs are often indented too
    if margin >= base + 2 and (n > 1 or (margin >= base + 3 and (introduced or code_lines))):
        # (a literal block with a blank line in it, as Sphinx's text builder sets one, is code to
        # its end; a list item's text set as deep as its example is text)
        return "code" if introduced or goes_on or code_lines * 3 >= n else "quote"
    if introduced and previous is not None and n > 1 and code_lines and margin >= previous.span.column + 1:
        # an example set deeper than the paragraph that leads into it, where the document's
        # prose sits as deep elsewhere (an Info manual's definitions indent their text five too)
        return "code"
    if _SYMBOLS.search(text) and _symbol_heavy(text):
        return "code"
    if code_lines * 2 > n or (n > 1 and code_lines * 2 == n and introduced):
        return "code"  # code at the prose indent: most of its lines read as code
    if n > 1 and code_lines * 2 == n and not any(SENTENCE_END.search(s[-12:]) for s in body if not _code_line(s)):
        return "code"  # half of it code, and the rest no sentence: a comment over its setting
    if n > 2 and code_lines and sum(1 for s in body if _code_line(s) or GAP.search(s)) * 4 >= n * 3:
        return "code"  # records in columns, some with a "; comment": a zone file, a listing
    if n > 1:
        if all(_width(s.strip()) <= 45 and not s.strip()[0].islower() for s in body) and not any(
            SENTENCE_END.search(s[-12:]) for s in body[:-1]
        ):
            return "lines"  # an address, a signature, a list of names: each line stands alone
        short = WRAPPED * habits.wrap_width
        if _one_per_line(body, UNWRAPPED * habits.wrap_width):
            return "lines"  # one statement per line: a list without bullets
        if all(_width(s.rstrip()) < short and not SENTENCE_END.search(s[-12:]) for s in body):
            return "lines"  # lines that were never wrapped and end no sentence: settings, a listing
    elif (len(text) < 60 and words(text) <= 3 and not SENTENCE_END.search(text[-12:])) or field_line(first):
        return "lines"
    return "prose"
