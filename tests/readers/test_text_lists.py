"""Numbered lines that are not headings, by the document's own layout: list items whose text hangs
under their title, and headings of a sample quoted inside an example."""

from __future__ import annotations

from outlint import numbering
from outlint.readers import text
from tests.conftest import codes_lines, lint


def titles(doc: str) -> list[str]:
    def walk(hs: object) -> list[str]:
        out: list[str] = []
        for h in hs:  # type: ignore[attr-defined]
            out.append(h.title)
            out.extend(walk(h.children))
        return out

    return walk(text.read(doc.encode(), "in.txt").headings)


HANGING = """\
Upgrading
=========

Follow these steps in order.

3. **Test the new version**

   Run the test suite with the new version and compare the results
   with the old ones before going on.

4. **Try the workarounds if needed**

   -  If it is slow, read the notes on backtracking.
   -  If it fails, use the old behaviour for now.

Reporting
=========

Tell us what you found.
"""


def test_list_items_whose_text_hangs_under_their_title_are_not_headings() -> None:
    assert titles(HANGING) == ["Upgrading", "Reporting"]
    assert lint(HANGING, path="in.txt") == []


def test_a_section_whose_example_starts_at_its_title_column_stays_a_heading() -> None:
    doc = (
        "1. Scope\n\nThe frobnicator frobs.\n\n2. Properties\n\n"
        '    "Backlight"\t\taka BACKLIGHT\n\tType:\t\tINTEGER\n\tFormat:\t\t32\n\n'
        "3. Usage\n\nRun it.\n"
    )
    assert titles(doc) == ["Scope", "Properties", "Usage"]


SAMPLE = """\
1 Security
**********

Send an alert to the vendors.  Here is an example alert:

     Frobnicator heap overrun

     I. BACKGROUND
     =============

     The frobnicator is a set of programs that frob widgets.

     II. DESCRIPTION
     ===============

     A long name overruns a buffer.

1.1 Releases
============

Make the release promptly.
"""


def test_headings_of_a_sample_inside_an_example_are_not_headings() -> None:
    assert titles(SAMPLE) == ["Security", "Releases"]


def test_underlined_chapter_with_an_undotted_number_before_a_quoted_name() -> None:
    doc = (
        "1 Introduction\n**************\n\nThe tool edits streams.\n\n"
        "2 ‘frob’ scripts\n****************\n\nA script is a list of commands.\n\n"
        "3 Addresses\n***********\n\nAn address selects lines.\n"
    )
    numbers = [h.number.label if h.number else None for h in text.read(doc.encode(), "in.txt").headings]
    assert numbers == ["1", "2", "3"]
    assert lint(doc, path="in.txt") == []


def test_underlined_title_starting_with_a_count_is_not_numbered() -> None:
    doc = "NEWS\n====\n\n24 bit colour support\n=====================\n\nColours now have 24 bits.\n"
    numbers = [h.number for h in text.read(doc.encode(), "in.txt").headings]
    assert numbers == [None, None]


GLUED = """\
1. Protocol Types

The types are these.

GLYPHITEM\t[
\t\t\tdx, dy:\t\tINT16
\t\t]
2. Standard Formats

The server must support a direct format with eight bits each.

2.1 Depths

Every depth is listed.
"""


def test_next_section_set_right_under_an_indented_declaration() -> None:
    assert titles(GLUED) == ["Protocol Types", "Standard Formats", "Depths"]
    assert lint(GLUED, path="in.txt") == []


def test_a_numbered_line_under_a_declaration_that_breaks_the_chain_stays_text() -> None:
    doc = GLUED.replace("2. Standard Formats", "5. Standard Formats").replace("2.1 Depths", "Depths\n------")
    assert titles(doc) == ["Protocol Types", "Depths"]


def test_a_lost_section_before_an_undotted_number_shows_as_a_gap() -> None:
    # "7 Security" does not follow "5 Protocols", but its first sub-section "7.1" comes next
    doc = (
        "3 Scope\n\n   It frobs.\n\n4 Approach\n\n   The approach.\n\n4.1 Scheme\n\n   The scheme.\n\n"
        "5 Protocols\n\n   The protocols.\n\n5.1 Modes\n\n   The modes.\n\n"
        "7 Security\n\n   The analysis.\n\n7.1 Attacks\n\n   The attacks.\n"
    )
    assert [(f.code, f.span.line) for f in lint(doc, path="in.txt") if f.code == "OL201"] == [("OL201", 21)]


def test_lettered_sentences_with_no_text_between_them_are_list_items() -> None:
    doc = (
        "1.  New Features\n\n"
        "a.  Matching is now always compiled in, and enabled or disabled when the\n"
        "    value of the variable is changed.\n\n"
        "b.  Some systems now use ~/_inputrc as the last-ditch inputrc filename.\n\n"
        "c.  Some systems now use ~/_history as the default history file.\n\n"
        "d.  The search now leaves the point at the end of the line when the\n"
        "    string to search for is empty.\n"
    )
    assert titles(doc) == ["New Features"]
    assert lint(doc, path="in.txt") == []


def test_one_line_listing_between_rules_is_not_a_heading() -> None:
    doc = (
        "Usage\n=====\n\nThe tool feeds this to the editor:\n\n"
        "-----------------------------------\n"
        'foo.c:2: printf("hello word!\\n");\n'
        "-----------------------------------\n\n"
        "Then the editor opens the file.\n"
    )
    assert titles(doc) == ["Usage"]


DIAGRAM = """\
1.  Introduction

   The handshake goes so.

       Peer A                                     Peer B

   1.  CLOSED                                     LISTEN

   2.  SYN-SENT --> <SEQ=100><CTL=SYN> --> SYN-RECEIVED

   3.  ESTABLISHED <-- <SEQ=300><CTL=SYN,ACK> <-- SYN-RECEIVED

     Figure 1: Handshake

2.  Terms

   Words.
"""


def test_numbered_lines_of_a_table_or_diagram_are_not_headings() -> None:
    # a row whose cells stand apart in columns, a sequence diagram's line with its arrows
    assert titles(DIAGRAM) == ["Introduction", "Terms"]
    assert lint(DIAGRAM, "OL2") == []


ROMAN_APPENDICES = """\
1.  Introduction

   Text of the introduction.

2.  Commands

   Text of the commands.

APPENDIX I -  PAGE STRUCTURE

   Text of the first appendix.

APPENDIX II -  DIRECTORY COMMANDS

   Text of the second appendix.
"""


def test_appendices_numbered_in_roman_read_as_numerals() -> None:
    # old specifications number their appendices I, II: "I" there is one, not the ninth letter
    doc = text.read(ROMAN_APPENDICES.encode(), "in.txt")
    assert [h.number.values for h in doc.headings if h.number] == [(1,), (2,), (1,), (2,)]
    assert lint(ROMAN_APPENDICES, "OL2") == []


COLON_SUBSECTION = """\
3.4.  TRANSMISSION MODES

      The following transmission modes are defined:

      3.4.1.  STREAM MODE

         The data is transmitted as a stream of bytes.

      3.4.2.  BLOCK MODE

         The file is transmitted as a series of data blocks.
"""


def test_first_sub_section_under_a_colon_is_a_heading() -> None:
    # "... are defined:" then "3.4.1." goes on with the dotted chain; no list starts there
    assert titles(COLON_SUBSECTION) == ["TRANSMISSION MODES", "STREAM MODE", "BLOCK MODE"]
    assert lint(COLON_SUBSECTION, "OL2") == []


CITED_SECTION = """\
Contents

   1. Overview ..................................................... 1
   2. Security Considerations ...................................... 2

1. Overview

   Section 2 provides a few paragraphs on overall security
   considerations.

2. Security Considerations

   Text.
"""


def test_a_sentence_citing_a_section_is_not_a_heading() -> None:
    # "Section 2 provides ..." cites a section; its words may be much like the listed title
    assert titles(CITED_SECTION) == ["Overview", "Security Considerations"]
    assert lint(CITED_SECTION, "OL2") == []


CHAPTER_CONTENTS_ES = """\
Capítulo 1. General

Tabla de contenidos

1.1. Anatomía del sistema de paquetes

    El paquete APT contiene dos secciones.

1.1. Anatomía del sistema de paquetes

    El sistema de empaquetado tiene mucha información.

1.2. Las fuentes

    Texto de la sección.
"""


def test_a_chapter_contents_titled_in_spanish_is_skipped() -> None:
    # a DocBook chapter's own contents list, under its translated title, is no heading
    assert lint(CHAPTER_CONTENTS_ES, "OL2") == []


FAQ_QUESTIONS = """\
1. Questions

1.1. Is it secure?

   Yes.

1.2. There are many bugs in the tracker. Does this mean that it is
more vulnerable?

   No.

1.3. Does it have any certification?

   Some.
"""


def test_a_question_wrapped_over_two_sentences_is_a_heading() -> None:
    assert titles(FAQ_QUESTIONS)[2].startswith("There are many bugs")
    assert lint(FAQ_QUESTIONS, "OL2") == []


LIST_THEN_SECTIONS = """\
Table of Contents

   1.  Introduction ............................................. 1
   2.  Terminology .............................................. 2
   3.  Overall Operation ........................................ 3

1.  Introduction

   It answers these questions:

   1. Control of policy.

   2. Control of time.

2.  Terminology

   client:
      A program that sends requests.

   server:
      A program that answers them.

3.  Overall Operation

   Text.
"""


def test_a_list_ends_at_the_next_section() -> None:
    # "3." comes next after the list's "2." far above it, but a section came between
    assert titles(LIST_THEN_SECTIONS) == ["Introduction", "Terminology", "Overall Operation"]


def _draft(items: str) -> str:
    entries = "".join(f"   {n}.  {t} . . . . . . . . . . . . . . . . . . . . . . . {n + 1}\n" for n, t in _SECTIONS)
    body = "".join(f"{n}.  {t}\n\n   {_TEXT}\n\n" for n, t in _SECTIONS)
    return f"Table of Contents\n\n{entries}\n{body}{items}"


_SECTIONS = [(1, "Introduction"), (2, "Terminology"), (3, "Lists"), (4, "Security Considerations")]
_TEXT = "The widget protocol is described here, with every message it sends."


def test_items_at_the_prose_indent_are_not_headings_where_headings_stand_at_the_margin() -> None:
    # Internet-Drafts set their headings at the margin and their text, lists included, three
    # columns in: an "(1)" or "A." item of a list in the text is not a heading, contents or not
    items = "   An uppercase list.\n\n   (1)  Item1\n\n   (2)  Item2\n\n   A.  First item\n\n   B.  Second item\n"
    assert titles(_draft(items)) == ["Introduction", "Terminology", "Lists", "Security Considerations"]


def test_underlined_chapters_named_after_programs_are_numbered() -> None:
    # Info manuals of tool collections name chapters after the programs: "2 nm", "17 config.status Invocation"
    doc = "".join(
        f"{n} {t}\n{'*' * (len(str(n)) + 1 + len(t))}\n\nThe text of the chapter.\n\n"
        for n, t in [(1, "ar"), (2, "nm"), (3, "c++filt"), (4, "config.status Invocation"), (5, "Common Options")]
    )
    numbers = [h.number.label if h.number else None for h in text.read(doc.encode(), "in.txt").headings]
    assert numbers == ["1", "2", "3", "4", "5"]
    assert lint(doc, path="in.txt") == []


def test_releases_dated_by_month_name_are_not_sections() -> None:
    # release notes newest first: "2.70.1 - December 6, 2021" is a release, not section 2.70.1
    doc = "".join(
        f"{v} - {d}\n{'=' * (len(v) + 3 + len(d))}\n\n - Fixed a crash in the proxy resolver.\n\n"
        for v, d in [("2.74.0", "September 15, 2022"), ("2.72.1", "March 3, 2022"), ("2.70.1", "December 6, 2021")]
    )
    assert lint(doc, path="NEWS") == []
    assert [h.number for h in text.read(doc.encode(), "NEWS").headings] == [None, None, None]


RULED = """\
Contents
--------
 1. Requirements
 2. Features

---------------
1. Requirements
---------------
- A POSIX system.
- A sound card.

-----------
2. Features
-----------
- Plays every tracker format.
"""


def test_a_listed_title_between_rules_with_its_text_right_under_is_a_heading() -> None:
    assert titles(RULED) == ["Requirements", "Features"]
    assert lint(RULED, path="README") == []


CHAPTERS_AND_UNDERLINED_SECTIONS = """\
Contents

1. Forwarding and filtering
  1.1. Introduction
  1.2. Filter operation
2. Sieve filter files
  2.1. Recognition of Sieve filters

===============================================================================
1. FORWARDING AND FILTERING

This document describes the filtering facilities of the mail server.


1.1 Introduction
----------------

Most mail servers let users forward their mail with a file in their home.


1.2 Filter operation
--------------------

The filter file is read each time a message arrives for the user.

===============================================================================
2. SIEVE FILTER FILES

The second chapter describes the other language.


2.1 Recognition of Sieve filters
--------------------------------

A filter file is a Sieve filter when its first line says so.
"""


def test_underlined_sections_under_numbered_chapters_take_their_numbers_levels() -> None:
    # "-" is the first underline the document uses, but "1.1" sits under chapter "1."
    doc = text.read(CHAPTERS_AND_UNDERLINED_SECTIONS.encode(), "in.txt")
    assert [(h.number.label if h.number else None, h.level) for h in doc.facts.headings] == [
        ("1.", 1),
        ("1.1", 2),
        ("1.2", 2),
        ("2.", 1),
        ("2.1", 2),
    ]
    assert lint(CHAPTERS_AND_UNDERLINED_SECTIONS, path="in.txt") == []


def test_a_renamed_title_between_rules_is_still_a_heading() -> None:
    # its number is the contents' next: the heading of "2. Features", renamed since
    doc = RULED.replace("2. Features\n-----------", "2. Remarks\n----------")
    assert titles(doc) == ["Requirements", "Remarks"]
    assert [f.code for f in lint(doc, path="README")] == ["OL103"]


def test_a_bug_number_in_release_notes_is_no_section() -> None:
    # a number far past where the headings' numbering has got to continues no numbering of sections
    doc = (
        "0.15.0\n======\n\nChanges since 0.14.0:\n\n- Port from dbus-glib to GDBus.\n\n"
        "Bugs fixed in this release:\n\n2184 - Migrate from dbus-glib to glib's GDBus\n\n"
        "All contributors:\n\nRoss Burton <ross@example.org>\n\n"
        "0.14.0\n======\n\n- Fix a leak in the context manager.\n"
    )
    assert titles(doc) == ["0.15.0", "0.14.0"]
    assert lint(doc, "OL3") == []


def test_a_section_kept_last_with_nines_is_still_a_heading() -> None:
    doc = "1. Alpha\n\nText of alpha here.\n\n2. Beta\n\nText of beta here.\n\n99. Future\n\nText of the future.\n"
    assert titles(doc) == ["Alpha", "Beta", "Future"]


UNDERLINED_ONLY = """\
COPYING
=======

The tool is released under the GPL.

Requirements
============

1. A drive that reads audio discs (ATAPI, SCSI, or proprietary)

2. For proprietary drives:
   2a. kernel support for the particular drive in use

3. A kernel of version 2.6 or later

Compiling
=========

Run make in the top directory.
"""


def test_numbered_lines_where_only_unnumbered_underlined_titles_are_headings_are_steps() -> None:
    # reStructuredText and its kin underline every title: an underlined document's numbered lines
    # are the items of its lists ("1. A drive ..." is no section with an empty "Requirements" over it)
    assert titles(UNDERLINED_ONLY) == ["COPYING", "Requirements", "Compiling"]
    assert lint(UNDERLINED_ONLY, "OL") == []


def test_a_title_with_a_full_stop_over_its_first_sub_section_is_a_heading() -> None:
    # a sentence with a full stop and nothing under it is a list item, unless its first
    # sub-section follows: the numbering below it says what it is
    doc = (
        "1. Questions\n\nThe questions users ask.\n\n"
        "1.1. Why is there a new group for every new user?\n\nEvery user gets a group of their own.\n\n"
        "1.2. Questions about running services and open ports.\n\n"
        "1.2.1. Why are all services activated on installation?\n\nThat is a compromise.\n\n"
        "1.2.2. Can I remove inetd?\n\nYes, you can.\n"
    )
    assert titles(doc)[2] == "Questions about running services and open ports."
    assert lint(doc, "OL2") == []


# A CJK tutorial's steps, numbered, one sentence each: a sentence's stop in a CJK title (or a
# colon ending it, or before the command to type) makes it a step, however short its words are
# to a split on spaces
CJK_STEPS = (
    "\t\t\t第一讲第三节：文本编辑之删除\n\n"
    "   ** 在正常模式下，可以按下 x 键来删除光标所在位置的字符。**\n\n"
    "  1. 请将光标移动到本节中下面标记有 ---> 的那一行。\n\n"
    "  2. 为了修正输入错误，请将光标移至准备删除的字符的位置处。\n\n"
    "  3. 然后按下 x 键将错误字符删除掉。\n\n"
    "  4. 欲删除整行，请输入：dd\n\n"
    "  5. 在正常模式下一个命令的格式是：\n\n"
    "---> 这一行有一些错误的字字字符。\n\n"
    "  6. 好了，该行已经修正了。(下面是第一讲第四节)\n"
)


def test_numbered_cjk_sentences_are_steps_not_headings() -> None:
    assert codes_lines(CJK_STEPS) == []


MARGIN_AFTER_LIST = """\
Table of Contents

   1.  Introduction  . . . . . . . . . . . . . . . . . . . . . . . .   2
   2.  Normalising . . . . . . . . . . . . . . . . . . . . . . . . .   2
   3.  Cache Behaviour . . . . . . . . . . . . . . . . . . . . . . .   3
     3.1.  Find Available Keys . . . . . . . . . . . . . . . . . . .   3

1.  Introduction

   This document defines an example header field.

2.  Normalising

   To normalise a key:

   1.  Remove all whitespace.

   2.  Return the key.

3.  Cache Behaviour

   Caches that implement the header field can use it to select a
   stored response.

3.1.  Find Available Keys

   Given a list of keys, return the matching ones.
"""


def test_a_section_number_at_the_margin_after_an_indented_list_is_a_heading_not_its_next_item() -> None:
    # "3." goes on from the list's "2." but stands left of its items, where the sections stand
    assert titles(MARGIN_AFTER_LIST) == ["Introduction", "Normalising", "Cache Behaviour", "Find Available Keys"]
    assert codes_lines(MARGIN_AFTER_LIST) == []


CAMEL = """\
Serial Manual
*************

1 Introduction
**************

This module gives access to the serial port on all platforms.

2 Short introduction
********************

Open a port, write some bytes and close the port again.

3 pySerial API
**************

The Serial class is the main entry point of the module.

4 Tools
*******

This module can be executed to get a list of ports.
"""


def test_an_undotted_number_before_a_name_with_a_capital_inside_numbers_its_chapter() -> None:
    assert numbering.parse("3 pySerial API") is not None
    assert numbering.parse("3 people said so") is None
    assert _numbers(CAMEL) == ["", "1", "2", "3", "4"]
    assert codes_lines(CAMEL) == []


def _numbers(doc: str) -> list[str]:
    """The headings' numbers in document order ("" for none)."""
    tops = text.read(doc.encode(), "in.txt").headings
    return [h.number.label if h.number else "" for top in tops for h in top.walk()]


FENCED = """\
# The Caves of Frob

Contents

1. Introduction
2. Licence


## 1. Introduction

The game of frob is a single player dungeon simulation. A player may
choose from a number of races and classes when creating a character.


## 2. Licence

```
Copyright (c) 1985 The Frob Authors

Frob is free software: you can redistribute it and/or modify it under
the terms of the GNU General Public License as published by the Free
Software Foundation, either version 3 of the License, or (at your
option) any later version.

You should have received a copy of the GNU General Public License
along with Frob.  If not, see <http://www.gnu.org/licenses/>.
```
"""


def test_a_markdown_code_fence_in_plain_text_holds_code_to_its_closing_fence() -> None:
    # a README written in Markdown and read as text: the licence quoted in a fence is code, and
    # its closing fence no word of its last sentence
    assert codes_lines(FENCED) == []


FROM_ZERO = """\
The Format
==========

0. Preface

   This is the preface of the format, and it says what it is for.

0.1. Notices

   Some notices about the format and who wrote it.

0.2. History

        1.0.0     2009-01-14    The first official version

1. Conventions

   The key words are to be read as the usual documents say.

1.1. Bytes

   A byte is eight bits.

2. Structure

   The file has a header.
"""

ZERO_LISTED = """\
# README
------------------------------------------------------------------------

 Please at least SKIM this document before asking questions.

 Contents:

 0.    Important notice
 1.    What is Frobstar?
 2.    Quick startup
 3.    Mailing list

------------------------------------------------------------------------

0. NOTICE

   Please read this file carefully before trying to set up Frobstar.
   This software was developed to be used by licensed radio operators.

1. WHAT IS FROBSTAR?

   Frobstar is an open-source project to create a free graphical
   client for position reporting over radio.

2. QUICK STARTUP

   Run the configure script, then make, then make install as root.

3. MAILING LIST

   Subscribe to the users list to ask questions and get announcements.
"""


def test_sections_counted_from_zero_are_numbered_and_the_next_chapter_is_no_list() -> None:
    # "0. Preface", "0.1. Notices", then "1. Conventions": the next chapter, not a list restarting
    # inside "0.2."
    assert _numbers(FROM_ZERO) == ["", "0.", "0.1.", "0.2.", "1.", "1.1.", "2."]
    assert codes_lines(FROM_ZERO) == []
    # the contents' "0. Important notice" is the heading "0. NOTICE", renamed
    assert codes_lines(ZERO_LISTED) == [("OL103", 15)]


FENCES_UNDER_ITEMS = """\
## Main features and usage
* Returns text as it is pronounced, keeping punctuation.
```
>>> from hangul_tool import Converter
>>> conv = Converter()
>>> conv("오늘은 하늘이 맑고 바람이 시원하다.")
오느른 하느리 말꼬 바라미 시원하다.
```
* Looks at the context, thanks to a morphological analyzer.
In the following example, note that the two 먹고 are pronounced differently.
```
>>> conv("밥을 먹고 얼른 학교에 가서 공부를 해라")
바블 먹꼬 얼른 학꾜에 가서 공부를 해라
```
* Returns two kinds of result, the prescriptive (default) and the descriptive one.
For example, the particle 의 is pronounced 의 in principle, but in real life it is often 에.
```
>>> sent = "나의 동생은 계산이 아주 빠르다"
>>> conv(sent)
나의 동생은 계사니 아주 빠르다
>>> conv(sent, descriptive=True)
나에 동생은 게사니 아주 빠르다
```
* The difference is clearer if you set `group_vowels=True`.
In everyday speech some vowels are hard to tell apart from each other.
```
>>> sent = "저는 예전에 그 얘기를 들은 적이 있습니다"
>>> conv(sent)
저느 녜저네 그 얘기를 드른 저기 읻씀니다
>>> conv(sent, group_vowels=True)
저느 녜저네 그 예기를 드른 저기 읻씀니다
```
By default, it returns the standard Korean script, where letters are assembled to form a syllable.
"""


def test_code_fenced_right_under_a_list_item_with_no_blank_line_is_code() -> None:
    # a README in Markdown read as text: each fence opens a block of its own and its closing
    # fence ends it, blank line or not; the Korean output of the examples is no paragraph
    assert codes_lines(FENCES_UNDER_ITEMS) == []


STACKED_UNDERLINED = """\
1. はじめに
-----------

ここには、マニュアル等の日本語訳が置かれています。このファイルでは、
ここに置かれているファイルに関する説明を行います。


2. 利用法
---------
2.1. オンラインヘルプの作成
---------------------------

まず、オンラインヘルプファイルを作成する手順を説明します。


2.2. 他の形式のドキュメントの作成
---------------------------------

他の形式のドキュメントの作成は、Makefile の通りに行います。


3. 注意
-------

この日本語訳は無保証です。
"""


def test_headings_each_over_its_underline_one_under_the_other_are_two_headings() -> None:
    # "2. 利用法" and its rule, then "2.1. ..." and its rule with no blank line between
    assert _numbers(STACKED_UNDERLINED) == ["1.", "2.", "2.1.", "2.2.", "3."]
    assert codes_lines(STACKED_UNDERLINED) == []


CHAPTER_CAPTION = """\
CONTENTS

CHAPTER
       I. Early Promise
      II. The Morning of Life
     III. The New Path

INDEX



CHAPTER I

EARLY PROMISE

As life broadens with advancing culture, people are able to enjoy
more of the various forms of art, and the artist finds a larger public.

CHAPTER II

THE MORNING OF LIFE

The young musician arrived in the city with letters of introduction
and was received by the leading families of the place.

CHAPTER III

THE NEW PATH

In these years his style changed, and his friends were surprised.

INDEX

Art, 1; City, 2; Style, 3.
"""


def test_a_caption_over_a_book_s_roman_contents_is_no_entry() -> None:
    # "CHAPTER" over "I. Early Promise" labels the column of numbers; the contents ends before
    # "CHAPTER I", the first chapter's heading
    doc = text.read(CHAPTER_CAPTION.encode(), "in.txt")
    assert [e.title for e in doc.toc] == ["Early Promise", "The Morning of Life", "The New Path"]
    assert codes_lines(CHAPTER_CAPTION) == []
