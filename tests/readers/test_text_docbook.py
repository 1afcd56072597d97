"""DocBook manuals rendered to text (DocBook's stylesheets, then a text browser), in any of the
languages the stylesheets translate their labels into: each chapter prints its own list of its
sections under its title, steps of a procedure repeat chapter titles, long entries wrap at their
own indent, and a list of tables follows the contents."""

from __future__ import annotations

import pytest

from outlint.readers import text
from tests.conftest import codes_lines, lint

STEPS = [
    "Back up any existing data or documents on the hard disk where you plan to\n    install.",
    "Gather information about your computer and any documentation you need.",
    "Boot the installation system.",
    "Select the installation language.",
    "Create and mount the partitions on which Frob will be installed.",
    "Watch the automatic download, install and set-up of the base system.",
    "Select and install additional software.",
    "Install a boot loader which can start up Frob and your existing system.",
    "Answer the last questions.",
    "Load the newly installed system for the first time.",
]
SECTIONS_3 = ["Overview", "Back Up Your Data", "Information You Need", "Hardware", "Partitions", "Set-up"]
SECTIONS_3 += ["Firmware", "Issues to Watch Out For", "Secure boot"]


def manual(chapter_word: str = "Chapter", toc_title: str = "Table of Contents", tables: str = "List of Tables") -> str:
    """A small manual laid out as DocBook text exports are; ``toc_title`` empty leaves the chapters'
    own contents untitled."""
    contents = ["1. Welcome", "    1.1. About Frob", "2. Requirements", "    2.1. Hardware", "    2.2. Memory"]
    contents += ["3. Before Installing"] + [f"    3.{k}. {t}" for k, t in enumerate(SECTIONS_3, 1)]
    contents += ["4. Booting the Installation System", "    4.1. Booting from a USB Stick"]
    out = ["Installing Frob", "", "Table of Contents", "", *contents, "", tables, "", "3.1. Hardware needed", ""]

    def chapter(n: int, title: str, sections: list[str], bodies: dict[int, list[str]]) -> None:
        out.extend([f"{chapter_word} {n}. {title}", ""])
        if toc_title:
            out.extend([toc_title, ""])
        out.extend([*(f"{n}.{k}. {t}" for k, t in enumerate(sections, 1)), ""])
        for k, t in enumerate(sections, 1):
            out.extend([f"{n}.{k}. {t}", "", *bodies.get(k, ["The text of this section, in a sentence."]), ""])

    chapter(1, "Welcome", ["About Frob"], {})
    chapter(2, "Requirements", ["Hardware", "Memory"], {})
    road_map = ["Here is a road map of the steps you will take during the installation.", ""]
    for k, step in enumerate(STEPS, 1):
        road_map.extend([f"{k:2}. {step}", ""])
    road_map.append("The installation then ends.")
    chapter(3, "Before Installing", SECTIONS_3, {1: road_map})
    chapter(4, "Booting the Installation System", ["Booting from a USB Stick"], {})
    return "\n".join(out) + "\n"


@pytest.mark.parametrize(
    ("chapter_word", "toc_title", "tables"),
    [
        ("Chapter", "Table of Contents", "List of Tables"),
        ("Chapter", "", "List of Tables"),  # the chapters' own contents untitled
        ("Capítol", "Sumari", "Llistat de taules"),  # Catalan
        ("Κεφάλαιο", "Πίνακας Περιεχομένων", "Κατάλογος Πινάκων"),  # Greek
        ("Bab", "Daftar Isi", "Daftar Tabel"),  # Indonesian
        ("Cap.", "Cuprins", "Listă de tabele"),  # Romanian
    ],
)
def test_a_docbook_manual_in_any_language_is_clean(chapter_word: str, toc_title: str, tables: str) -> None:
    doc = manual(chapter_word, toc_title, tables)
    assert lint(doc, path="in.txt") == []
    heads = [h for h in text.read(doc.encode(), "in.txt").facts.headings if h.number]
    # the chapters, then their sections once each: no step of the road map, no entry of a chapter's list
    assert [h.number.label for h in heads if h.level == 1] == [f"{chapter_word} {n}." for n in range(1, 5)]
    assert len(heads) == 4 + 1 + 2 + len(SECTIONS_3) + 1


def test_a_step_that_repeats_a_later_chapter_title_is_a_list_item() -> None:
    # " 4. Booting the Installation System" is the fourth step, not chapter 4 ahead of its place
    doc = manual().replace("Select the installation language.", "Booting the Installation System")
    assert " 4. Booting the Installation System\n" in doc
    assert lint(doc, path="in.txt") == []


def test_a_lost_section_after_a_chapter_list_is_still_found() -> None:
    doc = manual().replace("2.2. Memory\n\nThe text of this section, in a sentence.\n\n", "")
    assert codes_lines(doc, path="in.txt") == [("OL101", 9)]


WRAPPED_ENTRY = """\
Table of Contents

A. Random Bits
    A.1. Linux Devices
    A.2. Installing Frob Using PPP over Ethernet and the other protocols of
    (PPPoE)
B. Administrivia

Appendix A. Random Bits

A.1. Linux Devices

Devices are files.

A.2. Installing Frob Using PPP over Ethernet and the other protocols of
(PPPoE)

PPPoE is common.

Appendix B. Administrivia

About this document.
"""


def test_an_entry_wrapped_at_its_own_indent_is_one_entry() -> None:
    # the line under a numbered entry that filled the line, at the entry's indent: its wrapped end
    toc = text.read(WRAPPED_ENTRY.encode(), "in.txt").toc
    assert [e.title for e in toc][:3] == [
        "Random Bits",
        "Linux Devices",
        "Installing Frob Using PPP over Ethernet and the other protocols of (PPPoE)",
    ]
    assert lint(WRAPPED_ENTRY, path="in.txt") == []


def test_a_short_unnumbered_entry_after_a_numbered_one_is_an_entry() -> None:
    doc = "Contents\n\n1. Scope\n2. Working with Partners\nConcluding remarks\n\n"
    doc += "1. Scope\n\n   It frobs.\n\n2. Working with Partners\n\n   Partners.\n\nConcluding remarks\n\n   Done.\n"
    assert [e.title for e in text.read(doc.encode(), "in.txt").toc] == [
        "Scope",
        "Working with Partners",
        "Concluding remarks",
    ]


def test_a_chapter_whose_only_section_was_lost_keeps_the_next_chapter() -> None:
    # the chapter's own list names its lost section; the next chapter's title after it is no entry
    doc = manual().replace("1.1. About Frob\n\nThe text of this section, in a sentence.\n\n", "")
    heads = [h.title for h in text.read(doc.encode(), "in.txt").facts.headings if h.level == 1]
    assert heads == ["Welcome", "Requirements", "Before Installing", "Booting the Installation System"]
    # one finding: the chapter is left with no text (its list names what was lost)
    assert codes_lines(doc, path="in.txt") == [("OL301", 27)]


WRAPPED_LIST = """\
Installing Frob

Table of Contents

1. Welcome
    1.1. About Frob
A. Random Bits
    A.1. Linux Devices
    A.2. Disk Space Needed for Tasks
    A.3. Installing Frob GNU/Linux Using PPP over Ethernet (PPPoE) on the
    Target

Chapter 1. Welcome

1.1. About Frob

The text of this section, in a sentence that runs on for a while to set a
width for the wrapping of the lines of this document, and then some more.

Appendix A. Random Bits

A.1. Linux Devices
A.2. Disk Space Needed for Tasks
A.3. Installing Frob GNU/Linux Using PPP over Ethernet (PPPoE) on the
Target

A.1. Linux Devices

The text of this section, in a sentence that runs on for a while to set a
width for the wrapping of the lines of this document, and then some more.

A.2. Disk Space Needed for Tasks

The text of this section, in a sentence that runs on for a while to set a
width for the wrapping of the lines of this document, and then some more.

A.3. Installing Frob GNU/Linux Using PPP over Ethernet (PPPoE) on the
Target

The text of this section, in a sentence that runs on for a while to set a
width for the wrapping of the lines of this document, and then some more.
"""


def test_an_appendix_list_whose_last_entry_wraps_is_skipped_whole() -> None:
    # the appendix's own list of its sections, its last entry wrapped to the margin: no text
    assert lint(WRAPPED_LIST, "OL") == []
    assert [h.title for h in text.read(WRAPPED_LIST.encode(), "in.txt").headings[1].children][-1].endswith("the Target")


CUT_BEFORE_APPENDIX = """\
Installing Frob

Table of Contents

1. Using the Installer
    1.1. Installer Components
        1.1.1. Setting up the System
2. Booting the New System
    2.1. The Moment of Truth
A. Automating the Installation
    A.1. Contents of the Preconfiguration File
        A.1.1. Localization
        A.1.2. Network configuration
        A.1.3. Mirror settings

Chapter 1. Using the Installer

1.1. Installer Components

1.1.1. Setting up the System

1.1.1.1. Network configuration

The installer sets up the network from what the server tells it, and asks
for the host name when the server does not give one.

1.1.1.2. Clock

The installer sets the clock from a time server, and asks for the time zone
when it cannot tell it from the country chosen before.

Chapter 2. Booting the New System

2.1. The Moment of Truth

The first boot on its own is what engineers call the smoke test, and it is
the moment the system shows whether it was installed well or not
"""


def test_a_section_with_an_appendix_title_is_no_appendix_entry() -> None:
    # "1.1.1.1. Network configuration" (too deep for the contents) and the appendix entry
    # "A.1.2. Network configuration": the same title, numbers of another family; cut before the
    # appendix, the document ends early once, where it ends
    assert codes_lines(CUT_BEFORE_APPENDIX, "OL") == [("OL304", 37)]


# DocBook's plain-text export of a standard (xmlto, as X.Org ships its specifications): unnumbered
# sections listed under their chapter, a blank line between each group of them, their fields listed
# a level deeper; each chapter's own contents nests the same way.
FIELDS = ["FOUNDRY", "FAMILY_NAME", "WEIGHT_NAME", "SLANT"]
SPEC = "\n".join(
    [
        "Font Conventions",
        "",
        "Table of Contents",
        "",
        "1. Introduction",
        "2. Requirements and Goals",
        "",
        "    Provide Unique Font Names",
        "    Be Extensible",
        "",
        "3. Font Description",
        "",
        "    FontName",
        "",
        "        Examples",
        "",
        "    Font Properties",
        "",
        *(f"        {f}" for f in FIELDS),
        "",
        "    Built-in Atoms",
        "",
        "4. Conformance",
        "",
        "    ASCENT, DESCENT, and DEFAULT",
        "",
        "        ASCENT",
        "        DESCENT",
        "        DEFAULT",
        "",
        "Chapter 1. Introduction",
        "",
        "It is a requirement that clients are portable across servers.",
        "",
        "Chapter 2. Requirements and Goals",
        "",
        "Table of Contents",
        "",
        "Provide Unique Font Names",
        "Be Extensible",
        "",
        "The conventions meet the long-term goals to have a standard logical",
        "font description that:",
        "",
        "  • Provides unique names",
        "",
        "Provide Unique Font Names",
        "",
        "It should be possible to have names long enough to be unique.",
        "",
        "Be Extensible",
        "",
        "The conventions must be extensible.",
        "",
        "Chapter 3. Font Description",
        "",
        "Table of Contents",
        "",
        "FontName",
        "",
        "    Examples",
        "",
        "Font Properties",
        "",
        *(f"    {f}" for f in FIELDS),
        "",
        "Built-in Atoms",
        "",
        "FontName",
        "",
        "Each font has a name.",
        "",
        "Examples",
        "",
        "Names are shown here with their fields.",
        "",
        "Font Properties",
        "",
        "All font properties are optional.",
        "",
        *(x for f in FIELDS for x in (f, "", f"{f} is as defined in the FontName.", "")),
        "Examples:",
        "",
        "      Bit Scaler",
        "      Type 1 Rasterizer",
        "",
        "Built-in Atoms",
        "",
        "The following atoms are built in.",
        "",
        "Chapter 4. Conformance",
        "",
        "Special values are defined for the following fields:",
        "",
        "    WEIGHT_NAME",
        "",
        "    SLANT",
        "",
        "The string 0 is the special value.",
        "",
        "ASCENT, DESCENT, and DEFAULT",
        "",
        "These are provided as properties.",
        "",
        *(x for f in ("ASCENT", "DESCENT", "DEFAULT") for x in (f, "", f"{f} is an integer value.", "")),
    ]
)


def test_a_docbook_export_with_groups_of_unnumbered_sections_is_clean() -> None:
    # the groups after a blank line are entries, not the body's first paragraph; a chapter's own
    # nested contents is skipped whole; "ASCENT" and "DESCENT" are two entries, though a longer
    # heading begins with both; field names listed again in the text, and "Examples:" over a list,
    # are no headings
    assert lint(SPEC, "OL") == []
    doc = text.read(SPEC.encode(), "spec.txt")
    assert len(doc.toc) == 18
    titles = [h.title for h in doc.facts.headings]
    assert titles[-4:] == ["ASCENT, DESCENT, and DEFAULT", "ASCENT", "DESCENT", "DEFAULT"]


def test_a_field_section_lost_from_the_export_is_still_found() -> None:
    lost = SPEC.replace("SLANT\n\nSLANT is as defined in the FontName.\n\n", "")
    assert codes_lines(lost, "OL1") == [("OL101", 22)]


WRAPPED_TITLE = """Installing Frob

Table of Contents

Installing Frob 12 on the sixty-four bit personal computer architecture as
it is shipped
1. Welcome
    1.1. About Frob

List of Tables

1.1. Hardware needed

Installing Frob 12 on the sixty-four bit personal computer architecture as
it is shipped

We are delighted that you have decided to try Frob.

Chapter 1. Welcome

1.1. About Frob

Frob is a system.
"""


def test_a_long_unnumbered_title_wrapped_after_a_list_of_tables_is_its_heading() -> None:
    assert lint(WRAPPED_TITLE, "OL") == []
    first = text.read(WRAPPED_TITLE.encode(), "i.txt").facts.headings[0]
    assert first.title.endswith("as it is shipped")


def test_the_first_section_lost_under_a_chapter_list_is_reported() -> None:
    # the chapter's own list starts with the lost section's number and title, a blank line above
    # it: that line is the list's, not the heading written in a form the reading missed
    doc = manual().replace("1.1. About Frob\n\nThe text of this section, in a sentence.\n\n", "", 1)
    doc = doc.replace("1.1. About Frob\n\n", "1.1. About Frob\n1.2. More\n\n", 1)
    doc = doc.replace("    1.1. About Frob\n", "    1.1. About Frob\n    1.2. More\n", 1)
    doc = doc.replace("Chapter 2.", "1.2. More\n\nMore text, in a sentence.\n\nChapter 2.", 1)
    assert codes_lines(doc, "OL") == [("OL101", 6)]


PART_PAGE = """                             Part VI. Reference
Prev    Up             Frob 15 Documentation           Home    Next

Part VI. Reference

The entries in this Reference are meant to provide a complete summary.

Table of Contents

I. SQL Commands
    ABORT - abort the current transaction
    ALTER AGGREGATE - change the definition of an aggregate function
"""


def test_one_part_of_a_chunked_manual_starts_at_its_own_number() -> None:
    assert lint(PART_PAGE, "OL2") == []


# A HOWTO rendered by a browser: spaced contents entries, then notes under them (a copyright line,
# where the latest version is, a byline), which are not entries.
HOWTO = (
    "   Table of Contents\n\n"
    "   1. Introduction\n\n"
    "                1.1. Colofon\n\n"
    "   2. Ratings\n\n"
    "   3. Signature\n\n"
    "   {note}\n\n"
    "   Permission is granted to copy, distribute and/or modify this document under the terms of the\n"
    "   GNU Free Documentation License, Version 1.2 or any later version.\n\n"
    "1. Introduction\n\n"
    "   New entries for unlisted systems will be highly appreciated. They can be sent by e-mail to\n"
    "   the author Wim van Dorst\n\n"
    "  1.1. Colofon\n\n"
    "   This document was written with a plain editor, and converted to other formats later on.\n\n"
    "2. Ratings\n\n"
    "   The ratings are given in a table, one system to a line, sorted by their speed.\n\n"
    "3. Signature\n\n"
    "   The author signs this document, and thanks everyone who sent in a rating.\n"
)


@pytest.mark.parametrize(
    "note",
    [
        "Copyright © 1993-2006 Wim van Dorst, GNU Free Documentation License (GFDL)",
        "The most recent (beta) version of this HOWTO can be found at:",
        '"BogoMips mini-Howto" - Wim van Dorst',
    ],
)
def test_a_note_under_the_contents_is_no_entry(note: str) -> None:
    doc = HOWTO.format(note=note)
    assert codes_lines(doc) == []
    assert [e.title for e in text.read(doc.encode(), "in.txt").toc][-1] == "Signature"


BOOK_OF_PARTS = (
    "Table of Contents\n\n"
    "I. Devices\n\n"
    "    1. Introduction\n\n"
    "    2. Drivers\n\n"
    "II. Appendix\n\n"
    "    A. Credits\n\n"
    "    B. Revision History\n\n"
    "Part I. Devices\n\n"
    "Chapter 1. Introduction\n\n"
    "The devices are described one to a chapter, each with its driver and its settings.\n\n"
    "Chapter 2. Drivers\n\n"
    "The drivers are loaded at boot, or by hand when a device is plugged in later on.\n\n"
    "Part II. Appendix\n\n"
    "Appendix A. Credits\n\n"
    "Many people helped with this book, and the author thanks all of them for their help.\n\n"
    "Appendix B. Revision History\n\n"
    "The first version was published in 1999, and it has been revised twice since then.\n"
)


def test_appendices_inside_the_last_part_stay_inside_it() -> None:
    heads = [(h.level, h.title) for h in text.read(BOOK_OF_PARTS.encode(), "in.txt").facts.headings]
    assert heads[-3:] == [(1, "Appendix"), (2, "Credits"), (2, "Revision History")]
    assert codes_lines(BOOK_OF_PARTS) == []


# A mini-HOWTO with the GFDL as its last chapter: the licence's "0. PREAMBLE" numbered "3.0.", an
# entry numbered "3.." by the stylesheet, and the abstract right under the contents.
GFDL_TAIL = (
    "Table of Contents\n\n"
    "1. Introduction\n    1.1. About the author\n"
    "2. Installing\n    2.1. Hardware\n    2.2. Software\n"
    "3. GNU Free Documentation License\n"
    "    3.0. PREAMBLE\n    3.1. APPLICABILITY AND DEFINITIONS\n    3.2. VERBATIM COPYING\n"
    "    3.. How to use this License for your documents\n\n"
    "This mini-HOWTO gives you explicit instructions on installing the server on two distributions.\n"
    "After installing it, you can connect to the server from a remote machine, and administer it\n"
    "locally using the web administrator.\n\n"
)
for _h in (
    "1. Introduction",
    "1.1. About the author",
    "2. Installing",
    "2.1. Hardware",
    "2.2. Software",
    "3. GNU Free Documentation License",
    "3.0. PREAMBLE",
    "3.1. APPLICABILITY AND DEFINITIONS",
    "3.2. VERBATIM COPYING",
    "3.. How to use this License for your documents",
):
    GFDL_TAIL += f"{_h}\n\nThe text of this section runs to a full sentence, as sections do, and ends here.\n\n"


def test_a_licence_numbered_from_zero_and_the_abstract_under_the_contents() -> None:
    doc = text.read(GFDL_TAIL.encode(), "in.txt")
    assert len(doc.toc) == 10
    assert [(h.level, h.number.values if h.number else None) for h in doc.facts.headings][6:9] == [
        (2, (3, 0)),
        (2, (3, 1)),
        (2, (3, 2)),
    ]
    assert codes_lines(GFDL_TAIL) == []


# A book whose part titles the stylesheet doubled ("Part Part 1."), with "Index" as one of the
# operations an early chapter describes, long before the book's index, and its last chapter's
# title set centred over its own list of sections.
_CHAPTERS = [f"Topic number {k}" for k in range(3, 31)]
DOUBLED = (
    "   Table of Contents\n\n"
    "   Part 1. Introduction\n\n"
    "                1. Shell Programming\n\n"
    "                2. Manipulating Strings\n\n"
    "   Part 2. Topics\n\n"
    + "".join(f"                {k}. {t}\n\n" for k, t in enumerate(_CHAPTERS, 3))
    + "                31. Endnotes\n\n"
    "                             31.1. Author's Note\n\n"
    "                             31.2. About the Author\n\n"
    "   Index\n\n"
    "                           Part Part 1. Introduction\n\n"
    "Chapter 1. Shell Programming\n\n"
    "   A shell script is a quick way of putting commands together, and it is read line by line.\n\n"
    "Chapter 2. Manipulating Strings\n\n"
    "   Bash supports a surprising number of string operations, each of them described below.\n\n"
    "   Index\n\n"
    "   expr index $string $substring\n\n"
    "           Numerical position in $string of first character in $substring that matches.\n\n"
    "                           Part Part 2. Topics\n\n"
    + "".join(
        f"Chapter {k}. {t}\n\n   The chapter about this topic says all there is to say about it, at length.\n\n"
        for k, t in enumerate(_CHAPTERS, 3)
    )
    + "   ^[1] This only works with pipes and certain other special files.\n\n"
    "                              Chapter 31. Endnotes\n\n"
    "   Table of Contents\n\n"
    "   31.1. Author's Note\n\n"
    "   31.2. About the Author\n\n"
    "31.1. Author's Note\n\n"
    "   The author wrote this book over many years, and keeps it up to date when he can.\n\n"
    "31.2. About the Author\n\n"
    "   The author is a retired teacher who lives in a small town near the mountains.\n\n"
    "                                     Index\n\n"
    "   This index lists many of the important topics covered in the text, in ASCII order.\n"
)


def test_doubled_part_labels_an_early_index_and_a_centred_last_chapter() -> None:
    doc = text.read(DOUBLED.encode(), "in.txt")
    heads = [h.title for h in doc.facts.headings]
    assert heads[:3] == ["Introduction", "Shell Programming", "Manipulating Strings"]
    assert heads[-4:] == ["Endnotes", "Author's Note", "About the Author", "Index"]
    assert len(heads) == len(doc.toc)
    assert codes_lines(DOUBLED) == []


# An article whose title above the contents spells its first entry a little otherwise.
TITLED = (
    "X Transport Interface\n\n"
    "X Consortium Standard\n\n"
    "Table of Contents\n\n"
    "The X Transport Interface\n"
    "1. Purposes and Goals\n"
    "2. Overview of the Interface\n"
    "3. Definition of Address Specification Format\n\n"
    "The X Transport Interface\n\n"
    "Designed by two people, with help from a third, and written down here for the others.\n\n"
    "1. Purposes and Goals\n\n"
    "The interface is intended to combine all system and transport specific code in one place.\n\n"
    "2. Overview of the Interface\n\n"
    "The interface is made of functions that the libraries and the servers call in turn.\n\n"
    "3. Definition of Address Specification Format\n\n"
    "Addresses are written as a protocol, a host and a port, separated by slashes and colons.\n"
)


def test_the_title_above_the_contents_is_not_its_first_entrys_heading() -> None:
    doc = text.read(TITLED.encode(), "in.txt")
    assert [h.span.line for h in doc.facts.headings][:1] == [12]
    assert codes_lines(TITLED) == []
