"""The plain-text reproducers: one small document per class of misreading seen on real documents.

Each document was written for this test (none is copied from a real one) and shows one class of
layout the plain-text reader must understand: a contents entry wrapped over lines, numbered steps
under underlined headings, page furniture, code at prose indentation, and so on. Each test asserts
the exact report: most documents must give no finding at all.
"""

from __future__ import annotations

import pytest

from tests.conftest import lint


def report(doc: str) -> list[str]:
    """The findings as ``line:column: CODE message``, each related location after it, indented."""
    out = []
    for f in lint(doc, path="in.txt"):
        out.append(f"{f.span.line}:{f.span.column}: {f.code} {f.message}")
        out.extend(f"  {r.span.line}:{r.span.column}: {r.message}" for r in f.related)
    return out


# R1a. Contents entry wrapped onto a line at the entry's own indent (lower-case continuation)
R1a = """\
Table of Contents

1. Setup
    1.1. Installing the frobnicator from the
    command line
    1.2. Updating

1. Setup

1.1. Installing the frobnicator from the command line

    Run the installer and answer the questions.

1.2. Updating

    Run the updater once a week.
"""

# R1b. Contents entry wrapped over three lines, continuation starting with a capital
R1b = """\
Table of Contents

1. Basics
    1.1. What does the frobnicator do when it is
    Started for the first time? Why does it
    beep?
    1.2. Where are the settings kept?
2. Daily use
    2.1. Backups

Chapter 1. Basics

1.1. What does the frobnicator do when it is Started for the first time? Why does it beep?

    It warms up the rollers and prints a greeting.

1.2. Where are the settings kept?

    In the settings file in the home directory.

Chapter 2. Daily use

2.1. Backups

    Copy the settings file somewhere safe.
"""

# R2. Numbered procedure steps read as headings
R2 = """\
1. Maintenance
**************

The frobnicator needs little care.

1.1. Cleaning
=============

The cleaning procedure has three steps.

1. Stop it.

      frob stop

2. Empty the tray.

      frob empty

3. Start it.

      frob start

1.2. Logging
============

Logs are written to the journal.

2. Troubleshooting
******************

Read the logs first.
"""

# R3. Contents entry whose page number is glued to a long title
R3 = """\
Table of Contents

   1. Scope ........................................................ 1
   2. Terms ........................................................ 2
      2.1. Words used with a special meaning in this memo here.3
      2.2. Abbreviations ............................................ 4
   3. Usage ........................................................ 5

1. Scope

   This memo describes the frobnicator.

2. Terms

   Some words have a special meaning.

2.1. Words used with a special meaning in this memo here

   A frob is a unit of work.

2.2. Abbreviations

   FRB means frob.

3. Usage

   Use it well.
"""

# R4a. Contents entries in capitals with a page number read as running heads
R4a = """\
                        Table of Contents

  1. SCOPE                                                        1
  2. TERMS                                                        2
      2.1. Basic terms                                            2
  3. USAGE                                                        3

1. SCOPE

This memo describes the frobnicator.

2. TERMS

Some words have a special meaning.

2.1. Basic terms

A frob is a unit of work.

3. USAGE

Use it well.
"""

# R4b. Headings that differ only in their digits, at the top of two pages
R4b = """\
Table of Contents

   Appendix A.  Trays . . . . . . . . . . . . . . . . . . . . .  1
   A.1.  Tray 11 . . . . . . . . . . . . . . . . . . . . . .  1
   A.2.  Tray 22 . . . . . . . . . . . . . . . . . . . . . .  1
   A.3.  Tray 33 . . . . . . . . . . . . . . . . . . . . . .  2
   A.4.  Tray 44 . . . . . . . . . . . . . . . . . . . . . .  2
   A.5.  Tray 55 . . . . . . . . . . . . . . . . . . . . . .  3

Appendix A.  Trays

A.1.  Tray 11

   The first tray is small.

A.2.  Tray 22

   The second tray is larger.


Doe                       Informational                  [Page 1]
\f
Memo 9999                  Widget Protocol                  May 2031


A.3.  Tray 33

   The third tray is larger still.

A.4.  Tray 44

   The fourth tray is big.


Doe                       Informational                  [Page 2]
\f
Memo 9999                  Widget Protocol                  May 2031


A.5.  Tray 55

   The fifth tray is the biggest.
"""

# R4c. Three-line running head (date, document title, section title) with no form feeds
R4c = """\
                      TABLE OF CONTENTS

    1.  INTRODUCTION ................................................ 1

    GLOSSARY ........................................................ 2


1.  INTRODUCTION

  The frobnicator frobs.

GLOSSARY

frob
          A unit of work done by the machine.



                                                 [Page 2]

                                                 May 2031
Widget Protocol
Glossary


roller
          The part that turns.



                                                 [Page 3]

                                                 May 2031
Widget Protocol
Glossary


tray
          The part that holds the frobs.
"""

# R5a. A numbered heading wrapped over three lines
R5a = """\
Table of Contents

1. Basics
    1.1. Is it safe?
    1.2. Why does it stop?
    1.3. Can it run at night?

Chapter 1. Basics

1.1. Is it safe?

    Yes, when the lid is closed.

1.2. Why does the frobnicator stop when the tray is full and the
lid is open, even though the rollers could go on for a while
longer?

    It protects the rollers.

1.3. Can it run at night?

    Yes, quietly.
"""

# R5b. Two-line first section right after a 'Chapter N.' heading
R5b = """\
Chapter 1. Hardware

1.1. Which printers does the frobnicator
support well?

    Most of them.

1.2. Does it need a cable?

    No.
"""

# R6. Unnumbered contents parent over numbered front-matter sections
R6 = """\
Table of Contents

Foreword
    1. Warranty
    2. About this memo
1. First steps
    1.1. Starting

Foreword

This memo was written for new users.

1. Warranty

This memo comes with no warranty.

2. About this memo

It is short.

Chapter 1. First steps

1.1. Starting

Start the frobnicator.
"""

# R7. A heading at the bottom of a page, with the next page starting in lower case
R7 = """\
Table of Contents

   Appendix A.  Structures . . . . . . . . . . . . . . . . . .  1
   A.1.  Records . . . . . . . . . . . . . . . . . . . . . . .  1
   A.2.  Levels  . . . . . . . . . . . . . . . . . . . . . . .  2
   A.3.  Codes . . . . . . . . . . . . . . . . . . . . . . . .  3

Appendix A.  Structures

A.1.  Records

   A record carries one kind of value.



Doe                       Informational                  [Page 1]
\f
Memo 9999                  Widget Protocol                  May 2031


   More about records.

A.2.  Levels





Doe                       Informational                  [Page 2]
\f
Memo 9999                  Widget Protocol                  May 2031


   enum values are listed in the registry.

A.3.  Codes

   Codes are small numbers.
"""

# R8. Contents block running over a page break with four or more padding lines
R8 = """\
                        Table of Contents

   1. Introduction ................................................ 2
   2. Scope ....................................................... 3





Doe                       Informational                  [Page 1]
\f
Memo 9999                  Widget Protocol                  May 2031


   3. Usage ....................................................... 4

1. Introduction

   The frobnicator frobs.

2. Scope

   It frobs widgets only.

3. Usage

   Start it and wait.
"""

# R9. One missing level, reported once per child
R9 = """\
1. Intro

Text.

2. Parts

Text.

2.1.1. Rollers

Text.

2.1.2. Trays

Text.

2.1.3. Lids

Text.
"""

# R10. A renamed contents entry: where the finding points
R10 = """\
Table of Contents

   1. Scope ........................................................ 1
   2. Remote frobbing ............................................... 2

1. Scope

   This memo describes the frobnicator.

2. Local frobbing

   Frobbing on the same machine.
"""

# R11a. Undotted section number before an all-capitals word
R11a = """\
Table of Contents

   1   Introduction ............................................... 1
   2   XML Settings ............................................... 2
   3   Usage ...................................................... 3

1 Introduction

   The frobnicator frobs.

2 XML Settings

   Settings are kept in a file.

3 Usage

   Start it.
"""

# R11b. One-letter Roman numerals L, C, D, M
R11b = """\
CHAPTER XLIX.

The rain stopped at noon and the road dried.

CHAPTER L.

Nobody came to the door that evening.

CHAPTER LI.

The letter arrived the next morning.
"""

# R12. Initial of a name in a signature read as a lettered heading
R12 = """\
CONTENTS

 Letter 1
 Letter 2

Letter 1

Dear Anna, the new office opens on Monday and the desks arrive this week.

Best regards,

J. Smith

Letter 2

The printers were delivered today and they all work.
"""

# R13. Lone appendix letter in a contents block nested under the previous entry
R13 = """\
Table of Contents

   1. Intro

                1.1. Scope

   2. Usage

                2.1. Basics

   A. Extras

1. Intro

1.1. Scope

Text.

2. Usage

2.1. Basics

Text.

                    Appendix A. Extras

Text.
"""

# R14. One column of indentation jitter between sub-entry families
R14 = """\
Table of Contents

   1. Overview ........................................................1
      1.1. Parts ......................................................1
      1.2. Steps ......................................................2
   2. Usage ...........................................................3
      2.1. Start ......................................................3
   Appendix A. Grammar ................................................4
     A.1.  Tokens .....................................................4

1.  Overview

1.1.  Parts

   Text.

1.2.  Steps

   Text.

2.  Usage

2.1.  Start

   Text.

Appendix A.  Grammar

A.1.  Tokens

   Text.
"""

# R15a. Code written at or near prose indentation, read as prose
R15a = """\
1.  Types

   An enumeration is written like this.

      enum { apple, pear, plum } Fruit;

2.  Structures

   A structure groups fields.

   struct {
       uint8 size;
       byte data[size];
   } Blob;
"""

# R15b. Pseudo-code with comments, read as prose
R15b = """\
1.  Timers

   The timer is set as follows.

   SetTimer():
     // Wait for the queue to drain.
     if queue.empty: return
     // Otherwise wait a little longer.
     timer.start(delay)
"""

# R16. Changelog or definition-list entries (term line, indented description) read as prose
R16 = """\
1. Changes in version 2.0
=========================

3.1.4
   Tools must now log every request to the standard error stream

3.2
   The cache directory moved to a new place under the state directory
"""

# R17. A complete paragraph that ends in a web address without a scheme
R17 = """\
1. Contact

The latest contact details for the maintainers can always be found on the project website at www.example.org/help/people
"""

# R18. A sentence that begins with a quoted literal value
R18 = """\
1. Fields

The option takes a list of colours, and the list is checked at start-up. "none" turns colour off.
"""

# R19. Blank lines before and after a skipped contents block are added up
R19 = """\
This booklet was printed for the members of the club and may be copied for any purpose at all.



CONTENTS

 Chapter 1
 Chapter 2



Chapter 1

The machine was delivered on a Monday and nobody knew what it was for.

Chapter 2

By Friday it had frobbed every widget in the building.
"""

# R20. Page footer with a Roman page number, form feeds stripped
R20 = """\
                                PREFACE

This memo describes the frobnicator and the way it is used in the workshop every day of the week.

                                                   Kim Lee













                                                          [Page iv]

                                                          May 2031

1.  INTRODUCTION

  The frobnicator frobs widgets.
"""

# R21. Blank padding before a boilerplate end marker
R21 = """\
Chapter 1

The machine was delivered on a Monday and nobody knew what it was for.

Chapter 2

By Friday it had frobbed every widget in the building.






*** END OF SAMPLE TEXT ***

The licence text follows here and goes on for a while.
"""

# R22a. Japanese paragraph with many English technical terms, in an English document
R22a = """\
1.  Overview

   The tool reads its settings when it starts.

   ユーザーはconfig fileを編集した後、serviceを再起動し、log outputでerror messageを確認する。

   The server then answers.
"""

# R22b. Short Japanese label line
R22b = """\
1.  Overview

   The tool reads its settings when it starts.

   設定例の説明:

   The server then answers.
"""

# R23. Code lines and an English reference title in a Chinese document
R23 = """\
第 1 章 安装

    本章介绍如何安装这个工具，并说明配置文件的格式与各个选项的含义。

    server listen on port 8080
    worker threads set to four
    log level is debug

    安装完成后，请重新启动服务，然后检查日志文件中是否有错误信息。

    ^[1] 参见 The Example Project Handbook, Chapter 3 "Getting Started
    with the Tools"。
"""

# R23-control. Control: a genuine untranslated English paragraph in a Chinese document
R23_control = """\
第 1 章 安装

    本章介绍如何安装这个工具，并说明配置文件的格式与各个选项的含义。

    This part of the guide was not translated yet. Please read the
    original text for the details.

    安装完成后，请重新启动服务，然后检查日志文件中是否有错误信息。
"""

NONE: list[str] = []


@pytest.mark.parametrize(
    ("doc", "expected"),
    [
        pytest.param(R1a, NONE, id="R1a-entry-wrapped-at-own-indent"),
        pytest.param(R1b, NONE, id="R1b-entry-wrapped-over-three-lines"),
        pytest.param(R2, NONE, id="R2-procedure-steps-under-underlined-headings"),
        pytest.param(R3, NONE, id="R3-page-number-glued-to-title"),
        pytest.param(R4a, NONE, id="R4a-capital-entries-with-pages-are-not-running-heads"),
        pytest.param(R4b, NONE, id="R4b-headings-differing-in-digits-at-page-tops"),
        pytest.param(R4c, NONE, id="R4c-three-line-running-head"),
        pytest.param(R5a, NONE, id="R5a-heading-wrapped-over-three-lines"),
        pytest.param(R5b, NONE, id="R5b-wrapped-first-section-under-chapter"),
        pytest.param(R6, NONE, id="R6-unnumbered-parent-over-numbered-front-matter"),
        pytest.param(R7, NONE, id="R7-heading-at-page-bottom-next-page-lowercase"),
        pytest.param(R8, NONE, id="R8-contents-over-a-page-break"),
        pytest.param(
            R9,
            [
                '9:1: OL206 heading level skips from 1 to 3: "2.1.1. Rollers", "2.1.2. Trays" and "2.1.3. Lids" '
                'directly under level 1 heading "2. Parts" (no heading "2.1")',
                '  13:1: "2.1.2. Trays" also skips a level',
                '  17:1: "2.1.3. Lids" also skips a level',
            ],
            id="R9-one-missing-level-reported-once",
        ),
        pytest.param(
            R10,
            [
                '10:1: OL103 heading title "Local frobbing" differs from contents entry "Remote frobbing" (line 4)',
                '  4:4: contents entry "2. Remote frobbing"',
            ],
            id="R10-renamed-entry-at-heading-with-related-entry",
        ),
        pytest.param(R11a, NONE, id="R11a-undotted-number-before-capitals"),
        pytest.param(
            R11b,
            ['1:1: OL204 numbering starts at "CHAPTER XLIX." at the top level (expected "CHAPTER I.")'],
            id="R11b-one-letter-roman-numerals",
        ),
        pytest.param(R12, NONE, id="R12-signature-initial-is-not-a-letter-heading"),
        pytest.param(R13, NONE, id="R13-appendix-letter-placed-by-its-indent"),
        pytest.param(R14, NONE, id="R14-indent-jitter-between-entry-families"),
        pytest.param(R15a, NONE, id="R15a-code-at-prose-indent"),
        pytest.param(R15b, NONE, id="R15b-pseudo-code-with-comments"),
        pytest.param(R16, NONE, id="R16-definition-entries-are-not-prose"),
        pytest.param(R17, NONE, id="R17-paragraph-ending-in-an-address"),
        pytest.param(R18, NONE, id="R18-sentence-starting-with-a-quoted-literal"),
        pytest.param(R19, NONE, id="R19-blank-runs-around-a-skipped-contents"),
        pytest.param(R20, NONE, id="R20-roman-page-footer-without-form-feeds"),
        pytest.param(R21, NONE, id="R21-padding-before-an-end-marker"),
        pytest.param(R23, NONE, id="R23-code-and-reference-title-in-chinese"),
        pytest.param(
            R23_control,
            ['5:5: OL401 paragraph in English (en) in a document in Chinese (zh): "This part of the guide was not..."'],
            id="R23-control-untranslated-paragraph",
        ),
    ],
)
def test_reproducer(doc: str, expected: list[str]) -> None:
    assert report(doc) == expected


def test_code_lines_in_a_chinese_document_are_not_prose() -> None:
    """The part of R23 that is the reader's: settings at the prose indent are not English prose."""
    assert not any(f.span.line == 5 for f in lint(R23, path="in.txt"))


# The language rules decide these two: the own-script guard is directional, and short CJK label
# lines have a lower threshold.
@pytest.mark.parametrize(
    "doc",
    [
        pytest.param(R22a, id="R22a-japanese-with-english-terms"),
        pytest.param(R22b, id="R22b-short-japanese-label"),
    ],
)
def test_japanese_in_an_english_document(doc: str) -> None:
    found = [(f.code, f.span.line) for f in lint(doc, path="in.txt")]
    assert found == [("OL401", 5)]
    assert "Japanese" in lint(doc, path="in.txt")[0].message
