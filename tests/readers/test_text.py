"""The plain-text reader: encodings, line counting, contents blocks, headings and non-headings."""

from __future__ import annotations

import re
import sys

import pytest

from outlint.model import Paragraph, ReadError
from outlint.readers.text import read, split_lines
from outlint.readers.text.kinds import _UNPLAIN, BLANK_NOT_SPACE, _code_line, _unplain
from tests.conftest import codes_lines, lint

DOC = """Annual Report

Contents

  1. Scope
  2. Résumé of “findings”

1. Scope

The scope is described here.

2. Résumé of “findings”

The findings are described here.
"""


def headings(data: bytes) -> list[tuple[int, str]]:
    doc = read(data, "doc.txt")
    return [(h.span.line, h.label) for h in doc.facts.headings]


EXPECTED = [(8, "1. Scope"), (12, "2. Résumé of “findings”")]


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "cp1252"])
def test_encodings(encoding: str) -> None:
    data = DOC.encode(encoding)
    assert headings(data) == EXPECTED
    assert lint(data) == []


def test_gb18030_chinese() -> None:
    text = (
        "报告\n\n目 录\n\n  一、总则\n  二、附则\n\n"
        "一、总则\n\n本报告说明总体要求和工作原则。\n\n二、附则\n\n本报告自发布之日起施行。\n"
    )
    data = text.encode("gb18030")
    assert headings(data) == [(8, "一、 总则"), (12, "二、 附则")] or headings(data) == [
        (8, "一、总则"),
        (12, "二、附则"),
    ]
    assert lint(data) == []


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_line_endings(newline: str) -> None:
    assert headings(DOC.replace("\n", newline).encode()) == EXPECTED


def test_form_feed_does_not_end_a_line() -> None:
    assert split_lines("a\fb\nc\r\nd\re\x1c\x85\u2028f") == ["a\fb", "c", "d", "e\x1c\x85\u2028f"]
    text = DOC.replace("The scope is described here.", "The scope is\fdescribed here.")
    assert headings(text.encode()) == EXPECTED


def test_mixed_line_endings() -> None:
    text = "1. Scope\r\n\r\nText.\n\n2. Terms\r\rText.\n"
    assert headings(text.encode()) == [(1, "1. Scope"), (5, "2. Terms")]


@pytest.mark.parametrize(
    "entry",
    [
        "1. Scope .................... 3",
        "1. Scope . . . . . . . . . . . 3",
        "1. Scope                      3",
        "1. Scope\t3",
        "1. Scope ……………… 3",
        "1. Scope .................... iv",
    ],
)
def test_contents_entries_with_leaders_and_pages(entry: str) -> None:
    text = (
        f"Report\n\nTABLE OF CONTENTS\n\n   {entry}\n   2. Terms ............. 7\n\n"
        "1. Scope\n\nText.\n\n2. Terms\n\nText.\n"
    )
    doc = read(text.encode(), "doc.txt")
    assert [(e.title, e.page) for e in doc.toc] == [("Scope", entry.split()[-1]), ("Terms", "7")]
    assert lint(text) == []


def test_wrapped_contents_entry() -> None:
    text = (
        "Table of Contents\n\n"
        "   1.  Introduction . . . . . . . . . . . . . . . . . . . . .   2\n"
        "   2.  Requirements for the Transfer of Very Large Objects over\n"
        "       Constrained Networks . . . . . . . . . . . . . . . . . .   3\n"
        "   3.  Security Considerations  . . . . . . . . . . . . . . . .   4\n\n"
        "1.  Introduction\n\n   Text.\n\n"
        "2.  Requirements for the Transfer of Very Large Objects over Constrained Networks\n\n   Text.\n\n"
        "3.  Security Considerations\n\n   Text.\n"
    )
    doc = read(text.encode(), "rfc.txt")
    assert [e.title for e in doc.toc] == [
        "Introduction",
        "Requirements for the Transfer of Very Large Objects over Constrained Networks",
        "Security Considerations",
    ]
    assert lint(text) == []


def test_underlined_headings() -> None:
    text = (
        "User Guide\n**********\n\nIntro text.\n\n"
        "Installation\n============\n\nRun it.\n\nRequirements\n------------\n\nPython.\n"
    )
    doc = read(text.encode(), "guide.txt")
    assert [(h.span.line, h.level, h.title) for h in doc.facts.headings] == [
        (1, 1, "User Guide"),
        (6, 2, "Installation"),
        (11, 3, "Requirements"),
    ]
    assert lint(text) == []


ASCIIDOC = """git-frob(1)
===========

EXAMPLES
--------

To remove a file from all commits:

-------------------------------------------------------
git frob --tree-filter 'rm filename' HEAD
-------------------------------------------------------

However, if the file is absent, a simple remove will fail; so use

-------------------------------------------------------
git frob --index-filter 'git rm --cached filename' HEAD
-------------------------------------------------------

Now, you will get the rewritten history.

----
f(X) = min(good(X), bad(X))
----

OPTIONS
-------

The options are listed here.

======
 Usage
======

The usage, in a sentence.
"""


def test_listings_between_rules_are_no_overlined_titles() -> None:
    # AsciiDoc sets an example between rules of any length: a rule shorter than the line, or a
    # sentence over them that ends in a colon or runs on into them, make it a listing; a title's
    # overline and underline are at least the title's length
    doc = read(ASCIIDOC.encode(), "git-frob.txt")
    assert [h.title for h in doc.facts.headings] == ["git-frob(1)", "EXAMPLES", "OPTIONS", "Usage"]
    assert lint(ASCIIDOC, "OL3") == []


def test_book_chapter_with_title_on_next_line() -> None:
    text = (
        "CONTENTS\n\n   CHAPTER I.   THE ARRIVAL ........ 1\n   CHAPTER II.  THE DEPARTURE ...... 9\n\n\n"
        "CHAPTER I.\n\nTHE ARRIVAL\n\nIt was a dark night.\n\nCHAPTER II.\n\nTHE DEPARTURE\n\nThey left at dawn.\n"
    )
    doc = read(text.encode(), "book.txt")
    assert [(h.span.line, h.label) for h in doc.facts.headings] == [
        (7, "CHAPTER I. THE ARRIVAL"),
        (13, "CHAPTER II. THE DEPARTURE"),
    ]
    assert lint(text) == []


@pytest.mark.parametrize(
    "line",
    [
        "(November 2022)",
        "1.051 billion users were online.",
        "1. Install the package with pip.",
        "3.5 percent growth",
        "2022. A good year for growth, as the figures show below.",
    ],
)
def test_not_headings(line: str) -> None:
    text = f"1. Scope\n\nText.\n\n{line}\n\nMore text.\n"
    doc = read(text.encode(), "doc.txt")
    assert [h.span.line for h in doc.facts.headings] == [1]


def test_numbered_steps_inside_prose_are_not_headings() -> None:
    text = (
        "Contents\n\n  1. Protocol\n  2. Security\n\n1. Protocol\n\n   The exchange has three steps:\n\n"
        "      1.  The client sends a request.\n\n      2.  The server answers\n          with a token.\n\n"
        "      3.  The client confirms\n\n   That is all.\n\n2. Security\n\n   None.\n"
    )
    doc = read(text.encode(), "rfc.txt")
    assert [h.label for h in doc.facts.headings] == ["1. Protocol", "2. Security"]
    assert codes_lines(text) == []


def test_page_headers_and_footers_are_not_content() -> None:
    foot = "Smith                     Standards Track                   [Page {}]\n"
    head = "RFC 9999                  Example Protocol                March 2024\n"
    text = (
        "1.  Introduction\n\n   The protocol is simple and it\n\n\n" + foot.format(1) + "\f" + head + "\n\n"
        "   continues on the next page.\n\n2.  Terms\n\n   Words.\n\n\n" + foot.format(2) + "\f" + head
    )
    doc = read(text.encode(), "rfc.txt")
    assert [h.span.line for h in doc.facts.headings] == [1, 12]
    paragraphs = [b for b in doc.facts.headings[0].body if isinstance(b, Paragraph)]
    assert [p.text for p in paragraphs] == ["The protocol is simple and it continues on the next page."]
    assert lint(text) == []


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "file is empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "binary file"),
        (b"\x7fELF\x02\x01\x01" + bytes(range(0, 32)) * 4, "binary file"),
    ],
)
def test_unreadable(data: bytes, message: str) -> None:
    with pytest.raises(ReadError) as info:
        read(data, "bad.txt")
    assert message in info.value.message


def test_info_cookies_are_text_and_other_nuls_are_not() -> None:
    """GNU Info marks index nodes with ``\\0\\b[index\\0\\b]``: a NUL followed by a backspace is
    part of the format, so the file reads; a NUL anywhere else still makes it binary."""
    info = (
        "This is demo.info, produced by makeinfo version 6.8 from demo.texi.\n\n"
        "\x1f\nFile: demo.info,  Node: Top,  Next: Index,  Up: (dir)\n\n"
        "Demo\n****\n\nA short manual.\n\n* Menu:\n\n* Index::\n\n"
        "\x1f\nFile: demo.info,  Node: Index,  Prev: Top,  Up: Top\n\n"
        "Index\n*****\n\n\x00\x08[index\x00\x08]\n* Menu:\n\n"
        "* demo:                                   Top.     (line 6)\n\n"
    )
    doc = read(info.encode(), "demo.info")
    assert [h.title for h in doc.facts.headings] == ["Demo", "Index"]
    with pytest.raises(ReadError) as error:
        read(info.replace("\x00\x08]", "\x00]").encode(), "demo.info")
    assert "binary file" in error.value.message


def test_invalid_utf8_falls_back_to_a_legacy_encoding() -> None:
    data = "Café au lait — “quoted”\n\n1. Scope\n\nText.\n".encode("cp1252")
    doc = read(data, "legacy.txt")
    assert doc.facts.headings[0].title == "Scope"
    assert "Café" in doc.text


def test_blanks_but_space_are_those_of_the_pattern_language() -> None:
    # the one-pass test for plain prose must know every character that ``\s`` matches
    everything = "".join(map(chr, range(sys.maxunicode + 1)))
    blanks = [c for c in everything if c.isspace()]
    assert re.findall(r"\s", everything) == blanks
    assert re.findall(f"[{BLANK_NOT_SPACE}]", everything) == [c for c in blanks if c != " "]


@pytest.mark.parametrize(
    "text",
    ["plain words", "a   gap", "a \t b", "a\t\tb", "a\u3000\u3000 b", "x\t{y", "one; two", "tab\tonly", "a  b", ""],
)
def test_unplain_is_the_pattern(text: str) -> None:
    assert _unplain(text) == bool(_UNPLAIN.search(text))


@pytest.mark.parametrize(
    "text",
    ["\n", "a", "a\n", "a\n\n", "a\r\nb\r\n", "a\rb\r", "a\r\n\r\nb", "x\fy\n", "|a\n|b\n|c\n|d\n", "\ufeffa\n"],
)
def test_reader_lines_are_the_rules_lines(text: str) -> None:
    # the reader hands its split lines to the document's facts: they must be the ones the facts split
    doc = read(text.encode(), "t.txt")
    assert doc.facts.lines == tuple(re.split(r"\r\n|\r|\n", doc.text))


def test_a_faq_question_wrapped_over_two_lines_is_a_heading() -> None:
    """A FAQ numbers its questions at the top level and wraps the long ones: a numbered question
    with its answer under it is a heading however many lines it takes; a numbered sentence wrapped
    the same way is an item of a list."""
    answer = "    Yes.  It has been tested on such machines, and has no dependence on them.\n\n"
    long_question = "Will zlib work on a big-endian or little-endian architecture, and can I"
    doc = (
        f"1. Is zlib Y2K-compliant?\n\n{answer}2. {long_question}\n"
        f"    exchange compressed data between them?\n\n{answer}3. Will zlib work on a 64-bit machine?\n\n{answer}"
    )
    titles = [(h.number.label if h.number else None, h.title) for h in read(doc.encode(), "faq.txt").facts.headings]
    assert titles == [
        ("1.", "Is zlib Y2K-compliant?"),
        ("2.", f"{long_question} exchange compressed data between them?"),
        ("3.", "Will zlib work on a 64-bit machine?"),
    ]
    assert codes_lines(doc) == []
    steps = doc.replace("exchange compressed data between them?", "exchange compressed data between them.")
    assert [h.number.label for h in read(steps.encode(), "faq.txt").facts.headings if h.number] == ["1.", "3."]


def test_a_numbered_sentence_wrapped_back_to_its_number_is_a_paragraph() -> None:
    """A wrapped numbered title is a heading when it hangs under its first word; a long sentence
    that wraps back to its number's column is a section written run in, a paragraph."""
    body = "   Some text about it goes here, in a paragraph of its own.\n\n"
    run_in = (
        "1. Scope\n\n" + body + '1.1. The key words "MUST", "REQUIRED", "SHOULD", "RECOMMENDED", and\n'
        '"MAY" in this document are to be interpreted as described in RFC 2119.\n\n2. Terms\n\n' + body
    )
    hangs = run_in.replace('\n"MAY" in this document', '\n      "MAY" in this document')
    assert [h.title for h in read(run_in.encode(), "a.txt").facts.headings] == ["Scope", "Terms"]
    assert len(read(hangs.encode(), "a.txt").facts.headings) == 3


def _typeset(title: str) -> str:
    return "".join(f"{c}\b{c}" for c in title)  # nroff's bold: each letter struck twice


TYPESET = "\n".join(
    [
        "",
        "                 Making Pictures",
        "",
        "",
        "1.  Introduction",
        "",
        "     The  pic  language provides an easy way to write proce-",
        "dural box-and-arrow diagrams to be included in documents.",
        "",
        *(
            x
            for n in range(2, 12)
            for x in (
                f"{n}.  {_typeset('Section')} number {n}",
                "",
                "     The text of the section, set as typeset text sets it,",
                "with its first line indented.",
                "",
                "     This is an annotated grammar.",
                "",
            )
        ),
        "     The drawing:",
        "",
        "",
        "",
        "",
        "",
        "",
        "                              arc",
        "            Figure 3-6: Result of arc cw; move;",
        "",
        "     The end of the document, in a sentence.",
        "",
    ]
)


def test_typeset_text_with_overstrikes_and_indented_first_lines() -> None:
    # nroff's overstrikes are read as the letters a terminal shows; a two-digit section whose
    # title starts where the paragraphs' first lines do is no list item; the blank lines a drawing
    # left, over its labels and caption, are no content lost
    doc = read(TYPESET.encode(), "pic.txt")
    titles = [(h.number.label if h.number else None, h.title) for h in doc.facts.headings]
    assert titles[:2] == [("1.", "Introduction"), ("2.", "Section number 2")]
    assert titles[-1] == ("11.", "Section number 11")
    assert lint(TYPESET, "OL") == []


def test_big5_text_the_detector_gives_up_on_still_decodes(monkeypatch: pytest.MonkeyPatch) -> None:
    # a long Big5 post can defeat the encoding detector although it decodes cleanly: the legacy
    # CJK encodings are tried, narrowest first
    import charset_normalizer

    from outlint.readers.decode import decode

    class NoMatch:
        def best(self) -> None:
            return None

    monkeypatch.setattr(charset_normalizer, "from_bytes", lambda data: NoMatch())
    text = "再進到目錄中執行安裝程式，如此會依壓縮前原訂目錄位置解壓擺好。\n" * 3
    assert decode(text.encode("big5")) == (text, "big5")
    with pytest.raises(ReadError, match="no known encoding fits"):
        decode(bytes(range(0x80, 0x100)) * 4)


_INFO_EXAMPLES = """\
1 Macros
********

 -- Macro: AC_ONE (ARG)
     Process the argument given and record it in the cache, so that a
     later run of the same test finds it there and does not run it
     again.  The cache lives in a file of its own.

 -- Macro: AC_TWO (ARG)
     Check for the library named and, when it is found, add it to the
     list of libraries the program links with, in front of the rest.
     Nothing is done when the library is missing.

 -- Macro: AC_THREE (ARG)
     Define the symbol in the header the package writes, with the value
     given, and quote it as the shell needs.  The value may be empty, in
     which case the symbol is defined as one.

2 Upgrading
***********

If you were checking the results of earlier tests by examining the
shell variable 'DEFS', you need to switch to the cache variables.

   Here is a way to write it for version 2:

     AC_CHECK_FUNCS([syslog])
     if test "x$ac_cv_func_syslog" = xno; then
       # syslog is not in the default libraries.  See if it's in some other.
       for lib in bsd socket inet; do
         AC_CHECK_LIB([$lib], [syslog], [AC_DEFINE([HAVE_SYSLOG])
           LIBS="-l$lib $LIBS"; break])
       done
     fi

   The fields of a type record:

Offset               Name                     Description
-------------------------------------------------------------------------------
0x00                 'uint32_t ctt_name'      Offset of the name, if any.

0x0c ('ctf_type_t'   'uint32_t ctt_lsizehi'   The high 32 bits of the size of a very large type.
only)                                         The 'CTF_TYPE_LSIZE' macro can be used to get a
                                              64-bit size out of this field and the next one.
                                              'CTF_SIZE_TO_LSIZE_HI' splits the 'ctt_lsizehi' out
                                              of it again.

   That is all there is to it.
"""


def test_info_examples_and_wrapped_table_rows_are_not_prose() -> None:
    # An Info manual whose definitions set their text five deep, as its examples are: an example
    # set deeper than the paragraph leading into it is code all the same, and a table row whose
    # cells wrap under their own columns (the first cell's "only)" too) is a table's.
    doc = read(_INFO_EXAMPLES.encode(), "manual.info")
    kinds = {b.span.line: b.kind for h in doc.headings for b in h.body if isinstance(b, Paragraph)}
    assert kinds[4] == "list" and kinds[25] == "prose" and kinds[27] == "code"
    assert kinds[38] == "table" and kinds[42] == "table" and kinds[48] == "prose"


def test_a_boxed_comment_and_a_quotation_marked_with_colons_are_no_prose() -> None:
    # a script quoted in a FAQ, its boxed comments in German broken over lines ("#" alone framing
    # each), and a licence's exception quoted line by line with ":" inside an English sentence
    doc = (
        "Starting the sensors\n====================\n\n"
        "The script below starts one sensor for each interface, and it says so in its comments.\n\n"
        "    #\n     Die Funktion, die Snort fuer alle def. Interfaces auf dem System startet\n    #\n\n"
        "    start_all() {\n        for i in $INTERFACES; do start $i; done\n    }\n\n"
        "If the libraries you link with fall within the\nfollowing exception in the GPL:\n\n"
        ":However, as a special exception, the source code distributed need not\n"
        ":include anything that is normally distributed with the major components.\n\n"
        "then you don't have to do anything special to use them. In other words, you\n"
        "may link with them as you please.\n"
    )
    assert codes_lines(doc) == []


_INFO_RENDERED = """6 Marking Text, Words and Phrases
*********************************

In Texinfo, you can mark words and phrases in a variety of ways, and
the formatters use the marks to set them as they should be set.

6.1 Indicating Definitions, Commands, etc.
==========================================

Texinfo has commands for indicating just what kind of object a piece of
text refers to, and here is an example of the two-argument form:

     The official @url{http://ftp.gnu.org/gnu, GNU ftp site}
     holds programs and texts.

which produces:
     The official GNU ftp site (http://ftp.gnu.org/gnu)
     holds programs and texts.

that is, the Info (and TeX, etc.) output is this:
     The official GNU ftp site (http://ftp.gnu.org/gnu)
     holds programs and texts.

while the HTML output is this:
     The official <a href="http://ftp.gnu.org/gnu">GNU ftp site</a>
     holds programs and texts.

6.1.1 Highlighting Commands are Useful
--------------------------------------

The commands serve a variety of purposes, all of them described here.
"""


def test_a_title_ending_on_an_abbreviation_and_a_sentence_going_on_after_its_example() -> None:
    # "etc." ends a title, not a sentence; "while the HTML output is this:" goes on with the
    # sentence the rendered example interrupts, whose full stop is the example's
    assert codes_lines(_INFO_RENDERED) == []
    doc = read(_INFO_RENDERED.encode(), "texinfo.info")
    assert [h.title for h in doc.facts.headings][1] == "Indicating Definitions, Commands, etc."


_GUIDE_PART = """How to make levels, part III
============================

This part of the guide goes on from the second one, and starts its sections at I.

I.    Conditionalising levels
=============================

A level may be placed only where its conditions hold, as the text below shows.

J.   Validating levels
======================

A level may check itself once it is placed, and be placed again if it fails.

K.    Vetoing levels
====================

A level may also veto itself, after which another one is chosen in its place.
"""


def test_lettered_sections_that_start_at_i_with_a_wide_gap_after_their_letter() -> None:
    # "I." before "J." is a letter, not a Roman one; a wide gap after a section's letter sets its
    # title apart (no row of column labels over a rule)
    doc = read(_GUIDE_PART.encode(), "levels.txt")
    heads = [(h.number.scheme if h.number else None, h.title) for h in doc.facts.headings]
    assert heads[1:] == [
        ("alpha-upper", "Conditionalising levels"),
        ("alpha-upper", "Validating levels"),
        ("alpha-upper", "Vetoing levels"),
    ]
    assert [code for code, _ in codes_lines(_GUIDE_PART, "OL2")] == ["OL204"]  # it starts at I.


def test_the_first_heading_under_a_titled_list_of_contents() -> None:
    # "Contents:" over its bulleted entries is the document's contents, not a chapter's own list:
    # the first heading under it is a heading
    entries = ["Quick start", "Using a soundcard", "Using FluidSynth", "Forwarding MIDI", "Additional documentation"]
    doc = (
        "Getting MIDI to work\n====================\n\nIf you have no sequencer, a synthesizer will do.\n\nContents:\n"
        + "".join(f"- {e}\n" for e in entries)
        + "\n\n"
    )
    doc += "".join(
        f"{e}\n{'-' * len(e)}\n\nThe text of this section says what it says, in a sentence.\n\n" for e in entries
    )
    assert codes_lines(doc) == []


@pytest.mark.parametrize(
    ("line", "code"),
    [
        ("\tcd $SRCTREE", True),
        ("\tcp $MYFILE $MYFILE.orig", True),
        ("\tdiff -up $SRCTREE/$MYFILE.orig $MYFILE", True),
        ("        variable $DEBEMAIL.", False),
        ("the value of $HOME is read by the shell when it starts up and never again", False),
    ],
)
def test_a_command_with_a_shell_variable_is_a_line_of_code(line: str, code: bool) -> None:
    assert _code_line(line) is code


def test_a_numbered_title_boxed_between_rules_with_its_text_right_under_it() -> None:
    # mod_ldap's README: "3. Changes" between two rules, its first release note on the next line
    sections = ["1. Author", "2. How do I set it up?", "3. Changes", "4. Thanks"]
    doc = "mod_ldap v2.9.2\n===============\n\nmod_ldap is a module that looks users up in a directory.\n\n"
    for k, title in enumerate(sections):
        rule = "=" * len(title)
        under = "v2.9.2:\n- Prevent a fault when no user filters are set.\n" if k == 2 else "\nThe text says it.\n"
        doc += f"\n{rule}\n{title}\n{rule}\n{under}\n"
    titles = [h.title for h in read(doc.encode(), "README.LDAP").facts.headings]
    assert titles[1:] == ["Author", "How do I set it up?", "Changes", "Thanks"]
    assert codes_lines(doc, "OL2") == []


def test_the_foot_of_a_short_last_page_and_its_padding_are_layout() -> None:
    # pages with a running head and foot and no form feeds (nroff output kept as text): the last
    # page is short, its foot under the blank padding that fills it
    head = "     Frob Guidebook                                          {n}\n\n\n"
    foot = "     Frob 3.6                                     March 8, 2020\n\n"
    doc = (
        head.format(n=1)
        + "1.  Introduction\n\n     The dungeon is dark and full of monsters.\n\n"
        + foot
        + head.format(n=2)
        + "2.  Credits\n\n     Thanks to everyone who helped.\n\n\n"
        + foot
        + head.format(n=3)
        + "     Product names are trademarks of their holders.\n"
        + "\n" * 8
        + foot
    )
    assert codes_lines(doc) == []
    # lines lost from the last page's text, with text after them, are still a blank run
    lost = doc.replace("their holders.\n", "their holders.\n" + "\n" * 6 + "     The end of the text.\n")
    assert codes_lines(lost) == [("OL303", 24)]


def test_an_info_file_ranks_its_rules_in_info_s_fixed_order() -> None:
    # the second part of a split Info manual opens inside a section, its "-" rule shown first
    node = "\x1f\nFile: jed.info,  Node: {n},  Next: X,  Up: Basic Editing\n\n"
    doc = (
        "INFO-DIR-SECTION Editors\n\n"
        + node.format(n="Searching")
        + "Searching\n---------\n\n   Searching is done with the search command.\n\n"
        + node.format(n="Modes")
        + "Modes\n=====\n\n   Jed supports two internal modes.\n\n"
        + "Wrap Mode\n---------\n\n   In this mode, text is wrapped.\n\n"
        + "Formatting paragraphs\n.....................\n\n   Paragraph delimiters are blank lines.\n"
    )
    assert codes_lines(doc) == []
    levels = [(h.level, h.title) for h in read(doc.encode(), "jed.info-2").facts.headings]
    assert [level for level, _ in levels] == [3, 2, 3, 4]
    # with no node headers, the first rule shown is the top level, as in any other text
    plain = doc.replace("\x1f\n", "")
    assert [h.level for h in read(plain.encode(), "notes.txt").facts.headings] == [1, 2, 1, 3]
