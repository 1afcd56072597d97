"""Contents blocks as real documents lay them out: one small document per layout class.

Each document was written for this test and shows one way a contents block is laid out that the
contents rules misread on clean real documents (specifications, manuals, exported DocBook): the
appendices indented apart from the body, numbers right-aligned in their column, appendix sections
spelled out, a heading written in a form not read as a heading. Each clean document must give no
contents finding; each control, with one real defect, must give exactly that one.
"""

from __future__ import annotations

import pytest

from outlint.readers import text
from tests.conftest import lint


def contents_findings(doc: str) -> list[str]:
    return [f"{f.span.line}: {f.code}" for f in lint(doc, path="in.txt") if f.code.startswith("OL1")]


def _body(headings: list[str]) -> str:
    return "".join(f"\n{h}\n\n   Some text about {h.split(None, 1)[-1].lower()} goes here.\n" for h in headings)


def _contents(titles: list[str], leaders: bool = True, spaced: bool = False) -> str:
    """A contents block of one entry per title: with a leader of dots and a page number, or the
    title alone; with a blank line after each entry when ``spaced``."""
    entries = (f"   {t} ".ljust(60, ".") + f" {k + 2}" if leaders else t for k, t in enumerate(titles))
    return "Table of Contents\n\n" + "".join(e + ("\n\n" if spaced else "\n") for e in entries)


# Appendices indented apart from the body: "A.1." sits at the column of "1.1." minus one, "A.1.1."
# at a column no body entry uses. The numbers give the levels; the indentation only lays them out.
_INDENTED_APART = [
    ("   1. Introduction ........................................ 2", "1. Introduction"),
    ("      1.1. Terms .......................................... 2", "1.1. Terms"),
    ("   2. Protocol ............................................ 3", "2. Protocol"),
    ("      2.1. Messages ....................................... 3", "2.1. Messages"),
    ("           2.1.1. Hello ................................... 4", "2.1.1. Hello"),
    ("           2.1.2. Goodbye ................................. 5", "2.1.2. Goodbye"),
    ("      2.2. Errors ......................................... 6", "2.2. Errors"),
    ("   Appendix A. Grammar .................................... 7", "Appendix A. Grammar"),
    ("     A.1. Tokens .......................................... 7", "A.1. Tokens"),
    ("       A.1.1. Names ....................................... 8", "A.1.1. Names"),
    ("     A.2. Rules ........................................... 9", "A.2. Rules"),
]
INDENTED_APART = (
    "Table of Contents\n\n" + "\n".join(e for e, _ in _INDENTED_APART) + "\n" + _body([h for _, h in _INDENTED_APART])
)

# Roman numbers right-aligned in their column: the titles line up, the numbers start anywhere.
_ROMAN = ["Introduction", "Structures", "Reading", "Writing", "Simple use", "Changes", "Support", "History"]
_ROMAN_NUMBERS = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII"]
ROMAN_RIGHT_ALIGNED = (
    "TABLE OF CONTENTS\n\n"
    + "\n".join(f"{n + '.':>6} {t}" for n, t in zip(_ROMAN_NUMBERS, _ROMAN, strict=True))
    + "\n"
    + _body([f"{n}. {t}" for n, t in zip(_ROMAN_NUMBERS, _ROMAN, strict=True)])
)
# the control: the heading of "VI." is numbered "VII." in the body
ROMAN_RENUMBERED = ROMAN_RIGHT_ALIGNED.replace("\nVI. Changes\n", "\nVII. Changes\n")

# A contents that spells out "Appendix A.1" for the section the body numbers "A.1".
APPENDIX_SPELLED_OUT = """\
Table of Contents

   1. Overview ...................................................  2
   2. Packets ....................................................  3
   Appendix A.   Algorithms .......................................  5
   Appendix A.1  Header checks ....................................  5
   Appendix A.2  Jitter ...........................................  6
   Appendix B.   Changes ..........................................  7
""" + _body(
    ["1. Overview", "2. Packets", "Appendix A. Algorithms", "A.1 Header checks", "A.2 Jitter", "Appendix B. Changes"]
)

# Lettered appendices with no sections, at the column of the last numbered entry.
LETTERED_APPENDICES = (
    """\
Table of Contents

   1. Introduction ...............................................  2
   2. Format .....................................................  3
      2.1. Layout ................................................  3
      2.2. Order .................................................  4
   3. References .................................................  5
   A. Sample code ................................................  6
   B. Sample output ..............................................  8
"""
    + _body(["1. Introduction", "2. Format", "2.1. Layout", "2.2. Order", "3. References"])
    + _body(["Appendix A.  Sample code", "Appendix B.  Sample output"])
)

# The same appendices in a contents with no indentation at all: capital letters after the numbered
# sections are appendices beside them, not sections of the last one.
FLAT_LETTERED_APPENDICES = """\
Table of Contents

1. Introduction ..................................................  2
2. Format ........................................................  3
3. References ....................................................  5
A. Sample code ...................................................  6
B. Sample output .................................................  8
""" + _body(
    ["1. Introduction", "2. Format", "3. References", "Appendix A -- Sample code", "Appendix B -- Sample output"]
)

# Headings written in a form the body does not set as headings (a title in lower case, the number
# glued to the title): the sections are there.
WRITTEN_OUT = """\
Table of Contents

   1. Introduction ...............................................  2
   2. Registration ...............................................  3
      2.1. application/frob+xml media type .......................  3
      2.2. Feature tags ..........................................  4
   3. References .................................................  5

1. Introduction

   Some text about the introduction goes here.

2. Registration

   Some text about the registration goes here.

2.1. application/frob+xml media type

   Some text about the media type goes here.

2.2.Feature tags

   Some text about the feature tags goes here.

3. References

   Some text about the references goes here.
"""
# the control: section 2.2 is gone from the body
WRITTEN_OUT_DELETED = WRITTEN_OUT.replace("2.2.Feature tags\n\n   Some text about the feature tags goes here.\n\n", "")

# the control: a chapter's own contents still lists the section the body lost; its lines follow one
# another, as no headings do, and do not stand for the section
CHAPTER_CONTENTS_DELETED = """\
Table of Contents

   1. Setup ......................................................  2
      1.1. Installing ............................................  2
      1.2. Updating ..............................................  3
   2. Use ........................................................  4

1. Setup

   1.1. Installing
   1.2. Updating

1.1. Installing

   Some text about installing goes here.

2. Use

   Some text about using it goes here.
"""

# A heading that repeats a number the contents lists and pairs with another heading (a numbered
# line of a figure taken for a heading, a number written twice): one numbering finding (OL202)
# says so; it is not also a section missing from the contents.
REPEATED_NUMBER = """\
Table of Contents

   1.  Introduction ..............................................  2
   2.  Handshake .................................................  3
   3.  Closing ...................................................  4

1.  Introduction

   Some text about the introduction goes here.

2.  Handshake

   Some text about the handshake goes here.

2.  Retries

   Some text about retries goes here.

3.  Closing

   Some text about closing goes here.
"""
# the control: a fourth section the contents does not list is still missing from it
REPEATED_NUMBER_EXTRA = REPEATED_NUMBER + "\n4.  Extras\n\n   Some text about extras goes here.\n"


def test_repeated_number_is_one_numbering_finding() -> None:
    codes = [(f.span.line, f.code) for f in lint(REPEATED_NUMBER, path="in.txt")]
    assert codes == [(15, "OL202")]


# A DocBook export in another language: the body calls its chapters "Kapitel 2." and its
# appendices "Anhang A.", the contents lists them as "2." and "A.".
TRANSLATED_LABELS = """\
Inhaltsverzeichnis

1. Einführung
    1.1. Am Anfang
2. Projektleitung
A. Das Manifest

Kapitel 1. Einführung

1.1. Am Anfang

    Ein Text über den Anfang steht hier.

Kapitel 2. Projektleitung

    Ein Text über die Projektleitung steht hier.

Anhang A. Das Manifest

    Ein Text über das Manifest steht hier.
"""

# An entry wrapped at its own indentation with a capital on the next line, whose heading in the
# body is wrapped elsewhere or not at all: the heading later says which lines make one entry.
WRAPPED_AT_OWN_INDENT = """\
Table of Contents

1. History
    1.1. Releases
    1.2. Events
        1.2.1. July 2000: the archive moves to the new
        Server farm
        1.2.2. May 2004: the second mirror network opens in
        South America and Asia
    1.3. Future

Chapter 1. History

1.1. Releases

    Some text about releases goes here.

1.2. Events

    Some text about events goes here.

1.2.1. July 2000: the archive moves to the new Server farm

    Some text about the move goes here.

1.2.2. May 2004: the second mirror network opens in South America
and Asia

    Some text about the mirrors goes here.

1.3. Future

    Some text about the future goes here.
"""

# A contents whose entries are all numbered: an unnumbered line under a full line wraps that entry,
# even when it starts with a capital and the body wraps the heading elsewhere.
WRAPPED_NUMBERED_BLOCK = """\
Table of Contents

1. Compatibility
    1.1. Which other systems can read the archive format?
    1.2. Can I install the packages of another system on this one, and packages
    Built here on the other one?
    1.3. How do I install other programs?
2. Software

1. Compatibility

1.1. Which other systems can read the archive format?

    Some text about the format goes here.

1.2. Can I install the packages of another system on this one,
and packages Built here on the other one?

    Some text about packages goes here.

1.3. How do I install other programs?

    Some text about programs goes here.

2. Software

    Some text about software goes here.
"""

# Unnumbered entries at one indentation under a caption, in a contents whose groups stand apart
# (DocBook's text export): each line is an entry, as the headings later show, not one long title.
SPACED_GROUPS = """\
Table of Contents

1. Design

    Overview

        Delivery
        Context
        Connections

    Types
    Errors

2. Requests

1. Design

Overview

Delivery

   Some text about delivery goes here.

Context

   Some text about the context goes here.

Connections

   Some text about connections goes here.

Types

   Some text about types goes here.

Errors

   Some text about errors goes here.

2. Requests

   Some text about requests goes here.
"""


# Entries numbered with a colon, as older Internet-Drafts set them ("2.1: Terms", "10:Thanks"),
# while the body numbers the same sections with a dot.
_COLON = [("1", "Introduction"), ("2", "Protocol"), ("2.1", "Terms"), ("2.2", "Messages"), ("3", "Errors")]
_COLON += [(str(n), f"Topic {n}") for n in range(4, 10)] + [("10", "Thanks")]
COLON_NUMBERED = (
    "Table of Contents\n\n"
    + "\n".join(
        f"{'  ' * n.count('.')}{n}:{' ' if len(n) < 2 or '.' in n else ''}{t}".ljust(66, ".") + str(i + 2)
        for i, (n, t) in enumerate(_COLON)
    )
    + "\n"
    + _body([f"{n}{'.' if '.' not in n else ''} {t}" for n, t in _COLON])
)
# the control: "2.2" is retitled in the body
COLON_RETITLED = COLON_NUMBERED.replace("\n2.2 Messages\n", "\n2.2 Replies\n")


# Numbers in a column of their own and titles in the next; unnumbered entries and the appendices'
# "Appendix A:" start at the titles' column, which is not a sub-list of the entry above them.
_TITLE_COLUMN = [("", "Abstract"), ("1", "Introduction"), ("1.1", "Scope"), ("1.2", "Terms"), ("2", "Protocol")]
_TITLE_COLUMN += [("2.1", "Messages"), ("3", "Errors"), ("", "Appendix A: Examples"), ("", "Acknowledgements")]
TITLE_COLUMN_APPENDIX = (
    "Table of Contents\n\n"
    + "\n".join(f"    {n:<6}{t}  ".ljust(66, ".") + f"  {i + 1}" for i, (n, t) in enumerate(_TITLE_COLUMN))
    + "\n"
    + _body([f"{n}{'.' if n and '.' not in n else ''} {t}".strip() for n, t in _TITLE_COLUMN])
)


# A draft whose contents lists the front matter above it and itself ("Table of Contents ..... 2"),
# then the numbered sections; after the page break the body starts with "1. Introduction".
_FRONT = ["Abstract", "Acknowledgements"]
_FRONT_BODY = ["1. Introduction", "1.1 Scope", "2. Protocol", "3. Security Considerations"]
FRONT_MATTER_LISTED = (
    "".join(f"{t}\n\n   Some text about {t.lower()} goes here.\n\n\n" for t in _FRONT)
    + "Table of Contents\n\n"
    + "".join(f"      {t}".ljust(62, ".") + "1\n" for t in [*_FRONT, "Table of Contents"])
    + "\n"
    + "".join(f"      {t}".ljust(62, ".") + "2\n" for t in _FRONT_BODY)
    + "\n" * 6
    + "Author                                                          [Page 1]\n\f\n"
    + "Draft                          A Protocol                      June 2005\n\n\n"
    + _body(_FRONT_BODY).lstrip("\n")
)
# the control: "2. Protocol" is missing from the body
FRONT_MATTER_DELETED = FRONT_MATTER_LISTED.replace("\n2. Protocol\n\n   Some text about protocol goes here.\n", "")


# A draft marked for review: changed lines carry a change bar in the left margin, in the contents
# ("|  1.2 Scope ....") and at the headings ("|1.2 Scope").
_BARRED = ["1. Introduction", "1.1 Overview", "1.2 Scope", "2. Protocol", "2.1 Messages", "3. Errors"]
CHANGE_BARS = (
    "Table of Contents\n\n"
    + "".join(
        ("|  " if k in (2, 3, 4) else "   ") + f"{t} ".ljust(60, ".") + f" {k + 1}\n" for k, t in enumerate(_BARRED)
    )
    + "".join(
        f"\n{'|' if k in (2, 3) else ''}{t}\n\n{'|' if k == 3 else ' '}  Some text about {t.lower()} goes here.\n"
        for k, t in enumerate(_BARRED)
    )
)
# the control: "2.1 Messages" is missing from the body
CHANGE_BARS_DELETED = CHANGE_BARS.replace("\n2.1 Messages\n\n   Some text about 2.1 messages goes here.\n", "")


# nroff hyphenates a long entry's last word where it wraps ("... other DNS Docu-" / "ments"): the
# heading has the word whole. A word that keeps its hyphen ("Client-" / "side") stays so.
_HYPHENATED = [
    "1. Introduction",
    "2. Relationship of Security Documents to other DNS Documents",
    "3. Client-side Caching",
]
HYPHENATED = (
    "Table of Contents\n\n"
    "   1.  Introduction ...............................................    3\n"
    "   2.  Relationship of Security Documents to other DNS Docu-\n"
    "   ments ..........................................................    6\n"
    "   3.  Client-\n   side Caching ....................................................    7\n" + _body(_HYPHENATED)
)
# A section whose title the document lost, in the contents (its number, a leader of dots, its page)
# and at its heading (its number alone, over its first sub-section's heading), as RFC 2616 has 13.1.
_TITLE_LOST = ["1.1.1. Correctness", "1.1.2. Warnings", "2. Security"]
TITLE_LOST = (
    "Table of Contents\n\n   1. Caching ........................................ 2\n"
    "     1.1.   . . . . . . . . . . . . . . . . . . . . . . . . . 2\n"
    "       1.1.1. Correctness .............................. 2\n"
    "       1.1.2. Warnings ................................. 3\n"
    "   2. Security ....................................... 4\n"
    + _body(["1. Caching"])
    + "\n1.1.\n"
    + _body(_TITLE_LOST)
)
# A contents whose page numbers were left out: each leader runs to the line's end.
_UNPAGED = ["1. Introduction", "2. References", "2.1. Normative References", "2.2. Informative References"]
UNPAGED = (
    "Table of Contents\n\n"
    + "".join(f"   {t}  ".ljust(36, ".").replace("..", ". ") + " . . . . . . . . . . . . \n" for t in _UNPAGED)
    + "   Authors' Addresses  . . . . . . . . . . . . . . . . . . . . . . . \n"
    + _body([*_UNPAGED, "Authors' Addresses"])
)

# An entry wrapped across a page break: its last line, with the page number, opens the next page,
# after the footer, the form feed and the running head.
_ACROSS = ["1. Introduction", "2. Terms", "Appendix A. Motivations and Implications of Synthesizing Records"]
ACROSS_A_PAGE = (
    "Table of Contents\n\n"
    "   1.  Introduction . . . . . . . . . . . . . . . . . . . . . . . . 3\n"
    "   2.  Terms  . . . . . . . . . . . . . . . . . . . . . . . . . . . 4\n"
    "   Appendix A.  Motivations and Implications of Synthesizing\n"
    "\n\n\nAuthor                   Expires October 1, 2010               [Page 2]\n\f\n"
    "Internet-Draft                    DNS64                       March 2010\n\n\n"
    "                Records . . . . . . . . . . . . . . . . . . . . . 30\n"
    "   Authors' Addresses . . . . . . . . . . . . . . . . . . . . . . . 31\n" + _body([*_ACROSS, "Authors' Addresses"])
)
# the control: the appendix is missing from the body
ACROSS_A_PAGE_DELETED = ACROSS_A_PAGE.replace(
    "\nAppendix A. Motivations and Implications of Synthesizing Records\n\n"
    "   Some text about a. motivations and implications of synthesizing records goes here.\n",
    "",
)

# A change log that cites a section by its number and title, on a line of its own: a sentence
# about the section, whose heading came earlier, not the section again.
_CITED = ["1. Introduction", "2. Portability Additions", "3. Security"]
CITED_IN_CHANGES = (
    _contents([*_CITED, "Changes"])
    + _body(_CITED)
    + "\nChanges\n\n   Changed all names for consistency with other documents, and the\n   examples.\n\n"
    + '   Section 2 ("Portability Additions") is new.\n\n'
    + "   Section 3: a new paragraph was added about the old interfaces.\n"
)

# An unnumbered heading spelled a little otherwise than its contents entry ("Acknowledgements"
# listed as "Acknowledgments"): the heading is there, renamed, one OL103 at it, no OL101.
_RESPELLED = ["1. Introduction", "2. Format", "Acknowledgements", "References"]
RESPELLED = _contents(["1. Introduction", "2. Format", "Acknowledgments", "References"]) + _body(_RESPELLED)

# A generator that dropped the blank line above each heading: every heading sits right under the
# indented text of the section before, at the left margin, numbered or not.
_RECORD = "      foo.xx.  MX 100  gateway.xx.\n"
_GLUED = ["1. Introduction", "2. Storage formats", "3. Presentation formats", "Acknowledgments", "References"]
GLUED_HEADINGS = _contents(_GLUED, spaced=True) + "".join(
    f"{t}\n\n   Some text about {t.split(None, 1)[-1].lower()}, and an example:\n\n{_RECORD}" for t in _GLUED
)
# the control: "3. Presentation formats" is missing from the body
GLUED_DELETED = GLUED_HEADINGS.replace(
    f"3. Presentation formats\n\n   Some text about presentation formats, and an example:\n\n{_RECORD}", ""
)

# A document whose contents numbers none of its headings: its numbered lines are list items, even
# a spaced list under a label line ("Transport") with no sentence to introduce it.
_PLAIN = ["Introduction", "Data Flow", "Tags", "Swapping", "Protocol", "Encoding"]
UNNUMBERED_CONTENTS = (
    _contents(_PLAIN, leaders=False)
    + _body(_PLAIN[:2])
    + "\nTransport\n\n"
    + "".join(f" {k}. Step number {k} of the stream\n\n" for k in range(1, 6))
    + "The reverse process occurs with replies.\n"
    + _body(_PLAIN[2:])
)

# A code listing whose closing line spells a listed title: "} Xtransport;" ends the declaration
# of the structure whose section, "Xtransport", came above it.
_DECLARED = ["Purposes", "Xtransport", "XtransConnInfo", "Configuration", "Notes"]
CODE_SPELLS_AN_ENTRY = (
    _contents(_DECLARED, leaders=False)
    + _body(_DECLARED[:2])
    + "\n    int     (*Close)(\n     XtransConnInfo          /* connection */\n    );\n\n} Xtransport;\n\n"
    + "The flags field can contain an OR of the following masks.\n"
    + _body(_DECLARED[2:])
)


# RFC 5176's contents lists its appendix by its label alone ("Appendix A ....... 31")
BY_NUMBER_ALONE = _contents(["1. Introduction", "2. Operation", "Appendix A"]) + _body(
    ["1. Introduction", "2. Operation", "Appendix A.  Changes from RFC 3576"]
)


@pytest.mark.parametrize(
    ("doc", "expected"),
    [
        pytest.param(INDENTED_APART, [], id="appendices-indented-apart-from-the-body"),
        pytest.param(ROMAN_RIGHT_ALIGNED, [], id="roman-numbers-right-aligned"),
        pytest.param(ROMAN_RENUMBERED, ["32: OL104"], id="roman-control-renumbered"),
        pytest.param(APPENDIX_SPELLED_OUT, [], id="appendix-sections-spelled-out"),
        pytest.param(LETTERED_APPENDICES, [], id="lettered-appendices-at-the-body-column"),
        pytest.param(FLAT_LETTERED_APPENDICES, [], id="lettered-appendices-in-a-flat-contents"),
        pytest.param(WRITTEN_OUT, [], id="headings-written-in-a-form-not-read-as-headings"),
        pytest.param(WRITTEN_OUT_DELETED, ["6: OL101"], id="written-out-control-deleted-section"),
        pytest.param(CHAPTER_CONTENTS_DELETED, ["5: OL101"], id="chapter-contents-control-deleted-section"),
        pytest.param(REPEATED_NUMBER, [], id="heading-repeating-a-listed-number"),
        pytest.param(REPEATED_NUMBER_EXTRA, ["23: OL102"], id="repeated-number-control-unlisted-section"),
        pytest.param(TRANSLATED_LABELS, [], id="chapter-and-appendix-words-in-another-language"),
        pytest.param(WRAPPED_AT_OWN_INDENT, [], id="entry-wrapped-at-its-own-indent-heading-later"),
        pytest.param(WRAPPED_NUMBERED_BLOCK, [], id="unnumbered-line-in-a-numbered-block-wraps"),
        pytest.param(SPACED_GROUPS, [], id="unnumbered-entries-in-spaced-groups"),
        pytest.param(COLON_NUMBERED, [], id="entries-numbered-with-a-colon"),
        pytest.param(TITLE_COLUMN_APPENDIX, [], id="appendix-at-the-title-column-of-a-number-column"),
        pytest.param(FRONT_MATTER_LISTED, [], id="front-matter-and-the-contents-itself-listed"),
        pytest.param(CHANGE_BARS, [], id="change-bars-in-the-left-margin"),
        pytest.param(CHANGE_BARS_DELETED, ["7: OL101"], id="change-bars-control-deleted-section"),
        pytest.param(FRONT_MATTER_DELETED, ["19: OL101"], id="front-matter-listed-control-deleted-section"),
        pytest.param(COLON_RETITLED, ["28: OL103"], id="colon-numbered-control-retitled"),
        pytest.param(HYPHENATED, [], id="entry-hyphenated-where-it-wraps"),
        pytest.param(TITLE_LOST, [], id="entry-whose-title-was-lost"),
        pytest.param(UNPAGED, [], id="leaders-with-the-pages-left-out"),
        pytest.param(ACROSS_A_PAGE, [], id="entry-wrapped-across-a-page-break"),
        pytest.param(CITED_IN_CHANGES, [], id="section-cited-in-a-change-log"),
        pytest.param(CODE_SPELLS_AN_ENTRY, [], id="code-line-spelling-a-listed-title"),
        pytest.param(UNNUMBERED_CONTENTS, [], id="numbered-list-in-a-document-that-numbers-no-heading"),
        pytest.param(GLUED_HEADINGS, [], id="headings-glued-under-the-text-above"),
        pytest.param(GLUED_DELETED, ["7: OL101"], id="glued-headings-control-deleted-section"),
        pytest.param(RESPELLED, ["16: OL103"], id="unnumbered-heading-spelled-otherwise"),
        pytest.param(ACROSS_A_PAGE_DELETED, ["5: OL101"], id="across-a-page-control-deleted-section"),
        pytest.param(BY_NUMBER_ALONE, [], id="appendix-listed-by-its-number-alone"),
    ],
)
def test_contents_layout(doc: str, expected: list[str]) -> None:
    assert contents_findings(doc) == expected


CUT_SHORT = (
    "Contents\n\n"
    "1. Installing\n  1.1. Booting\n  1.2. Networking\n"
    "2. Using\n  2.1. Users\n  2.2. Clocks\n  2.3. Partitions\n"
    "3. Rebooting\n  3.1. Mounting\n"
    "A. Preseeding\n  A.1. Localisation\n  A.2. Configuring network\n  A.3. Mirrors\n\n"
    "1. Installing\n\n   The installer runs from the medium.\n\n"
    "1.1. Booting\n\n   The machine boots the installer.\n\n"
    "1.2. Networking\n\n   The installer sets up the network.\n\n"
    "1.2.1. Configuring the network\n\n   By default the installer tries to configure the network by\n"
)


def test_a_cut_document_does_not_pair_its_last_heading_with_a_late_entry_by_title() -> None:
    # "1.2.1. Configuring the network" is no "A.2. Configuring network" renumbered: another kind
    # of number; the document stops in section 1.2.1, once, not with every entry before A.2 lost
    assert [f.code for f in lint(CUT_SHORT, path="guide.txt") if f.code.startswith(("OL1", "OL3"))] == ["OL304"]


SHORT_ENTRIES = (
    "Table of Contents\n\n   1.  First Section\n   2.  References\n   Index\n   Author's Address\n\n"
    "1.  First Section\n\n   The first section says what it says.\n\n"
    '2.  References\n\n   [RFC2119]  Bradner, S., "Key words", BCP 14, RFC 2119.\n\n'
    "Author's Address\n\n   Jane Writer\n"
)


def test_a_short_unnumbered_entry_under_a_short_numbered_one_is_its_own_entry() -> None:
    # "Index" under "2.  References" is the next entry (its section lost), not the end of a title
    # wrapped over two lines: both lines are short
    assert [(f.code, f.span.line) for f in lint(SHORT_ENTRIES, path="draft.txt") if f.code.startswith("OL1")] == [
        ("OL101", 5)
    ]


# A README's contents right under its title, no blank between; each section's text set a tab in.
README = "CONTENTS\n Sending Patches\n Patching Process\n Email Format\n Coding Style\n\n" + "".join(
    f"{title}\n\n\t* {text}\n\n\t* One item per line, wrapped\n\t  at the tab.\n\n"
    for title, text in (
        ("Sending Patches", "send your patches to the mailing list."),
        ("Patching Process", "each patch is reviewed on the list."),
        ("Email Format", "the subject names the component."),
        ("Coding Style", "follow the kernel's style."),
    )
)


def test_a_contents_right_under_its_title_and_a_heading_it_leaves_out() -> None:
    assert contents_findings(README) == []
    # a section set as the listed ones are, which the contents leaves out
    unlisted = README.replace(
        "Email Format\n\n", "Repositories & Branches\n\n\t* clone it from the primary.\n\nEmail Format\n\n"
    )
    assert contents_findings(unlisted) == ["21: OL102"]
    # a name signing a letter quoted at the margin is no heading
    signed = README.replace(
        "Email Format\n\n",
        "> the change is welcome, thanks.\nIt was forwarded upstream.\n\nChristian\n\n\t* a note.\n\nEmail Format\n\n",
    )
    assert contents_findings(signed) == []


def _zero_counted(lost: str = "") -> str:
    entries = ["0. Preface", "0.1. Notices", "0.2. Latest Version", "0.3. History", "1. Conventions", "1.1. Bytes"]
    entries += ["1.2. Integers", "2. Structure", "2.1. Stream", "2.2. Padding"]
    contents = "The File Format\n===============\n\n\n" + "".join(f"        {e}\n" for e in entries) + "\n\n"
    return contents + "".join(
        f"{e}\n\n        The text of {e.split(None, 1)[1].lower()}.\n\n\n" for e in entries if e != lost
    )


def test_an_untitled_contents_counted_from_zero_keeps_its_first_entries() -> None:
    # the entries numbered from "0." head the block of numbered ones, as their headings stand later
    assert contents_findings(_zero_counted()) == []
    # one of them lost in the body is an entry with no heading, not the start of the contents moved
    assert contents_findings(_zero_counted("0.1. Notices")) == ["6: OL101"]


def _grouped(first: str = "1   THE DOCUMENTATION") -> str:
    """An untitled contents in groups a line of spaces apart, a long blank run, then the body; the
    first group has two entries, too few to be a contents alone, the second enough."""
    groups = [
        ["1   THE DOCUMENTATION", "1.1 Scope of this document"],
        ["2   ABOUT THE PLAYER", "2.1 Supported platforms", "2.2 Used software", "2.3 Usage", "2.3.1 Keys"],
        ["3   WHAT IS LEFT TO SAY", "3.1 Freedom and stuff"],
    ]
    contents = " INDEX\n -===-\n   \n" + "   \n".join("".join(f"   {e}\n" for e in g) for g in groups)
    headings = [e for g in groups for e in g]
    headings[0] = first
    body = "".join(f"{h}\n\n    This is the text of {h.split(None, 1)[1].lower()}.\n\n\n" for h in headings)
    return contents + "\n" * 7 + body


def test_a_grouped_contents_keeps_its_first_short_group_and_ends_at_a_long_blank_run() -> None:
    assert contents_findings(_grouped()) == []
    # the first heading misspelt since: its two entries still begin the contents, as their numbers
    # lead on into the next group's, and the long blank run with "1" after "3.1" ends the block
    assert contents_findings(_grouped("1   THE DOCUMENATION")) == ["22: OL103"]


_UNDOTTED = """Table of Contents

   1 Introduction ................................................    2
   2 SNMPv3 Framework Module Specifications ......................    3
   3 Editor's Addresses ..........................................    4

1.  Introduction

   This memo is an introduction to the subject and says a few words.

2.  SNMPv3 Framework Module Specifications

   The specification is partitioned into several documents here.

3.  Editor's Addresses

   Jane Doe, Example Inc.
"""


def test_undotted_entry_numbers_keep_a_title_with_a_digit_or_an_apostrophe_whole() -> None:
    assert contents_findings(_UNDOTTED) == []
    assert contents_findings(_UNDOTTED.replace("3 Editor's", "3 Author's")) == ["15: OL103"]


def _makeinfo(short: bool = False) -> str:
    """A manual as ``makeinfo --plaintext`` prints it: its contents untitled, the manual's title
    first, glued to the top node's underlined title (after a short contents of the chapters, when
    the manual has one), then the chapters."""
    chapters = ["1 Introduction", "2 Usage", "3 Bugs"]
    full = ["Tool", "1 Introduction", "2 Usage", "  2.1 Options", "  2.2 Files", "3 Bugs", "Index"]
    listed = ["Tool", *chapters, "Index", *full] if short else full
    body = "".join(f"{c}\n{'*' * len(c)}\n\nThe text of {c.lower()}.\n\n" for c in chapters[:2])
    body += "2.1 Options\n===========\n\nThere are options.\n\n2.2 Files\n=========\n\nIt reads a file.\n\n"
    body += "3 Bugs\n******\n\nNone are known.\n\nIndex\n*****\n\n* tool: Introduction.\n"
    return (
        "  This file documents Tool.\n\n" + "\n".join(listed) + "\nTool\n****\n\nThis manual documents Tool.\n\n" + body
    )


def test_makeinfo_s_untitled_contents_begins_with_the_manual_s_title() -> None:
    assert contents_findings(_makeinfo()) == []
    # a short contents right before the full one: the full one is the contents
    assert contents_findings(_makeinfo(short=True)) == []
    # a chapter left out of the full contents is still missing from it
    lost = _makeinfo(short=True).replace("\n3 Bugs\nIndex\nTool\n****", "\nIndex\nTool\n****")
    assert contents_findings(lost) == ["39: OL102"]


def test_a_summary_section_over_a_sentence_is_no_contents() -> None:
    doc = (
        "MOVING AROUND\n-------------\n\nThe first thing you need to know is how to move around.\n\n\n"
        "SUMMARY\n-------\n\nThe following commands are useful for viewing screenfuls:\n\n"
        "\t^V\tMove forward one screenful\n\tM-V\tMove backward one screenful\n\t^L\tCenter the line\n\n\n"
        "BASIC CURSOR CONTROL\n--------------------\n\nGetting from screenful to screenful is useful.\n"
    )
    assert contents_findings(doc) == []
    assert [e.title for e in text.read(doc.encode(), "in.txt").toc] == []


def test_a_title_page_after_a_gap_under_numbered_entries_ends_the_contents() -> None:
    doc = (
        "                             Table of Contents\n                             -----------------\n\n"
        "     1)  What is Widget? .............................\n"
        "     2)  Starting Widget .............................\n"
        "     3)  Help ........................................\n\n\n\n"
        "                               W I D G E T\n\n"
        "                 (W)idget (I)s (D)efinitely (G)ood (E)nough (T)ool\n\n\n\n"
        "                   =========  What is Widget?  =========\n\n"
        "     Widget is a client program specialized to help playing games.\n\n"
        "                   =========  Starting Widget  =========\n\n"
        "     The syntax for starting widget is: ./widget [command file]\n\n"
        "                   =========  Help  =========\n\n     The help command is your friend.\n"
    )
    assert contents_findings(doc) == []
    assert [e.title for e in text.read(doc.encode(), "in.txt").toc] == ["What is Widget?", "Starting Widget", "Help"]
