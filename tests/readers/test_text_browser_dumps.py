"""Whole DocBook books rendered to one HTML page and dumped by a text browser (w3m and links, as
Debian renders its DocBook manuals): the contents nests by indent, headings sit at the margin, a
browser right-aligns the numbers of ordered lists (" 1.", " 2.", "ii.", "iii."), and each chapter
may print its own list of its sections, spaced out by blank lines."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from outlint.readers import text
from tests.conftest import codes_lines, lint

SENTENCE = "This section says what it has to say, in a sentence or two of plain text."

# (number, title, body lines); the contents lists depth 1 and 2 only
SECTIONS: list[tuple[str, str, list[str]]] = [
    ("1.", "About this document", []),
    ("1.1.", "Copyright and License", [SENTENCE]),
    ("1.2.", "Feedback", [SENTENCE]),
    ("2.", "Installing", [SENTENCE]),
    ("2.1.", "Getting the source", [SENTENCE]),
    (
        "2.2.",
        "Building",
        [
            "The steps shown below are what I recommend:",
            "",
            " i. Unpack the source tree",
            "",
            "ii. Configure the build",
            "",
            "iii. Run the compiler",
            "",
            "Then build it in this order:",
            "",
            " 1. Unpack the source into a directory of its own, away from the",
            "    sources of other programs.",
            "",
            " 2. Configure the build for your system",
            "",
            " 3. Compile it",
            "",
            SENTENCE,
        ],
    ),
    ("2.2.1.", "Notes", [SENTENCE]),
    ("3.", "Using it", [SENTENCE]),
    (
        "3.1.",
        "First steps",
        [
            SENTENCE,
            "",
            "Example 1. Installation Instructions",
            "",
            " 1. Step One.",
            "",
            " 2. Step Two.",
            "",
            " 3. Step Three.",
            "",
            SENTENCE,
        ],
    ),
    ("3.2.", "PDF", [SENTENCE]),
    ("4.", "Troubleshooting", [SENTENCE]),
    ("4.1.", "Notes", [SENTENCE]),
    ("A.", "GNU Free Documentation License", ["Version 1.1, March 2000"]),
    ("", "0. PREAMBLE", [SENTENCE]),
    ("1.", "APPLICABILITY AND DEFINITIONS", [SENTENCE]),
    ("2.", "VERBATIM COPYING", [SENTENCE + " The end of the licence."]),
]
REVISIONS = [
    "Revision History",
    "Revision 1.2                   2004-08-14                ab",
    "Lots of small fixes. the most important ones are in the build",
    "section",
    "Revision 1.1                   2003-11-11                ab",
    "sync with the new release, add the build steps",
    "Revision 1.0                   2003-09-17                ab",
    "First version.",
]


def w3m_howto(sections: list[tuple[str, str, list[str]]] = SECTIONS) -> str:
    """A HOWTO as w3m dumps it: contents nested by indent, headings at the margin."""
    out = ["Sample HOWTO", "", *REVISIONS, "", "Table of Contents", ""]
    appendix = False  # the licence's sections, numbered afresh, nest under its appendix
    for number, title, _ in SECTIONS:
        if number.count(".") > 2:
            continue  # the contents goes two levels deep
        appendix = appendix or number == "A."
        nested = number.count(".") == 2 or (appendix and number != "A.")
        out.append(("    " if nested else "") + f"{number} {title}".strip())
    out.append("")
    for number, title, body in sections:
        out.extend([f"{number} {title}".strip(), ""])
        if body:
            out.extend([*body, ""])
    return "\n".join(out) + "\n"


def codes(text: str) -> list[tuple[int, str]]:
    return [(f.span.line, f.code) for f in lint(text, path="howto.txt")]


def line_of(text: str, line: str) -> int:
    return text.splitlines().index(line) + 1


def test_a_clean_browser_dump_has_no_finding() -> None:
    # the restarting steps of an example, a right-aligned list and Roman steps are no headings;
    # a licence's sections numbered afresh under its appendix are its children, not chapters
    # that go backwards; a revision history's remarks are a table's cells, not prose
    assert codes(w3m_howto()) == []


def test_a_cut_dump_reports_its_end_once() -> None:
    # "2.2.1. Notes", deeper than the contents goes, is no "4.1. Notes" the contents lists past
    # the end of the cut document
    text = w3m_howto()
    cut = text[: text.index("3.2. PDF\n\n") + len("3.2. PDF\n\nThis section says what it has")]
    assert [c for _, c in codes(cut)] == ["OL304"]


def test_a_short_title_renumbered_is_one_number_finding() -> None:
    sections = [(("3.4." if n == "3.2." else n), t, b) for n, t, b in SECTIONS]
    text = w3m_howto(sections)
    assert codes(text) == [(line_of(text, "3.4. PDF"), "OL104")]


def test_a_list_item_titled_like_the_next_entry_is_still_an_item() -> None:
    # " 3. Compile it" under "2. Installing": the number the contents has next for "3. Using it",
    # a title nothing like it, set a column in where the headings sit at the margin
    text = w3m_howto()
    assert "OL102" not in {c for _, c in codes(text)}


def links_book(deleted: str | None = None, first_title: str = "Introduction", cut_after: str | None = None) -> str:
    """A book as links dumps it: contents indented, entries spaced by blank lines, each chapter
    with its own spaced list of its sections; ``deleted`` drops a section's heading and body."""
    chapters = {
        1: [first_title, "Purpose and Scope", "About the Server", "Feedback", "Copyrights"],
        2: ["Farming", "The Server", "The Clients", "Load", "Balancing"],
    }
    out = ["Server Farming HOWTO", "", "   Table of Contents", ""]
    for n, secs in chapters.items():
        out.extend([f"   {n}. Chapter {n} of the book", ""])
        out.extend(line for k, t in enumerate(secs, 1) for line in (f"                {n}.{k}. {t}", ""))
    for n, secs in chapters.items():
        out.extend([f"Chapter {n}. Chapter {n} of the book", "", "   Table of Contents", ""])
        out.extend(line for k, t in enumerate(secs, 1) for line in (f"   {n}.{k}. {t}", ""))
        for k, t in enumerate(secs, 1):
            if f"{n}.{k}." == deleted:
                continue
            out.extend([f"{n}.{k}. {t}", "", f"   {SENTENCE}", ""])
            if f"{n}.{k}." == cut_after:
                return "\n".join(out) + "\n"
    return "\n".join(out) + "\n"


def test_a_clean_links_book_has_no_finding() -> None:
    assert codes(links_book()) == []


def test_a_section_lost_under_its_chapters_own_list_is_reported() -> None:
    text = links_book(deleted="1.3.")
    assert codes(text) == [(line_of(text, "                1.3. About the Server"), "OL101")]


def test_a_book_cut_in_its_first_chapter_reports_its_end_once() -> None:
    text = links_book(cut_after="1.2.")
    assert [c for _, c in codes(text)] == ["OL304"]


def links_article(first: str = "1. Introduction") -> str:
    """An article as links dumps it: its contents indented and spaced, its headings at the margin."""
    out = ["Font HOWTO", "", "   Table of Contents", ""]
    out += ["   1. Introduction", "", "                1.1. Fonts", "", "   2. Usage", "", "   3. License", ""]
    for heading in (first, "1.1. Fonts", "2. Usage", "3. License"):
        out.extend([heading, "", f"   {SENTENCE}", ""])
    return "\n".join(out) + "\n"


def xmlto_manual(first: str = "Chapter 1. Introduction") -> str:
    """A manual as xmlto's text export lays it out: entries at the margin, unnumbered sections in
    groups under their chapter, chapters titled "Chapter N." in the body."""
    out = ["Font Names", "", "Table of Contents", "", "1. Introduction", "2. Requirements and Goals", ""]
    out += ["    Provide Unique Names", "    Support Many Vendors", "", "3. Scalable Fonts", ""]
    out += [first, "", SENTENCE, "", "Chapter 2. Requirements and Goals", "", SENTENCE, ""]
    out += ["Provide Unique Names", "", SENTENCE, "", "Support Many Vendors", "", SENTENCE, ""]
    out += ["Chapter 3. Scalable Fonts", "", SENTENCE, ""]
    return "\n".join(out) + "\n"


def grouped_manual(cut: bool = False) -> str:
    """A manual whose chapter prints its own contents in groups, as the main contents does."""
    groups = ["2.1. Introduction", "2.2. Document IDs", "2.3. Control Files", "", "     2.3.1. Example"]
    groups += ["     2.3.2. Syntax", "", "2.4. Registering", "2.5. Checking", ""]
    out = ["Manual", "", "Table of Contents", "", "1. About", "2. The interface", ""]
    out += ["   " + g if g else "" for g in groups]
    out += ["Chapter 1. About", "", SENTENCE, "", "Chapter 2. The interface", "", "   Table of Contents", ""]
    out += ["   " + g if g else "" for g in groups]
    for g in groups:
        if g:
            out.extend([g.strip(), "", SENTENCE, ""])
            if cut and g.startswith("2.2."):
                out[-2] = "This section says what it"
                break
    return "\n".join(out) + "\n"


def test_a_chapters_grouped_list_is_no_heading_when_the_sections_were_cut() -> None:
    assert codes(grouped_manual()) == []
    assert [c for _, c in codes(grouped_manual(cut=True))] == ["OL304"]


def chapter_page(renamed: str = "git") -> str:
    """One chapter of a chunked manual: its own contents, under its title, lists its sections."""
    sections = ["1.1. Writing", "1.2. Editing", "1.3. Tools", "1.3.1. Editors", "1.3.2. git", "1.3.3. Spelling"]
    out = ["Chapter 1. Write", "", "   Table of Contents", ""]
    out += [("          " if s.count(".") == 3 else "   ") + s for s in sections] + [""]
    for s in sections:
        out.extend([s.replace("git", renamed), "", f"   {SENTENCE}", ""])
    return "\n".join(out) + "\n"


def w3m_book(first: str = "1.1. Copyright") -> str:
    """A book as w3m dumps it: each chapter's own contents in one block at the margin, as its
    headings are."""
    out = ["Install HOWTO", "", "Table of Contents", "", "1. Preface", "    1.1. Copyright", "    1.2. Thanks"]
    out += ["2. Installing", "    2.1. Sources", "    2.2. Building", ""]
    for n, title, secs in (
        (1, "Preface", [first, "1.2. Thanks"]),
        (2, "Installing", ["2.1. Sources", "2.2. Building"]),
    ):
        listed = ["1.1. Copyright", "1.2. Thanks"] if n == 1 else secs
        out += [f"Chapter {n}. {title}", "", "Table of Contents", "", *listed, ""]
        for s in secs:
            out += [s, "", SENTENCE, ""]
    return "\n".join(out) + "\n"


def readme(first: str = "1. Introduction") -> str:
    """A README written by hand: a contents under a rule, headings over a rule set under their text."""
    out = [
        "Frobnicator for TeX",
        "===================",
        "",
        SENTENCE,
        "",
        "Contents",
        "--------",
        "",
        "1. Introduction",
        "",
        "2. Installation",
        "",
        "  2.1. Compiling",
        "",
    ]
    out += ["  2.2. Files", "", "3. Usage", "", ""]
    for heading in (first, "2. Installation", "2.1. Compiling", "2.2. Files", "3. Usage"):
        out += [heading, "   " + "-" * (len(heading) - 3), "", f"   {SENTENCE}", ""]
    return "\n".join(out) + "\n"


@pytest.mark.parametrize(
    ("clean", "renamed", "heading"),
    [
        # "1.1. Overview" at the margin, left of every entry, is the first heading renamed, not one
        # more entry of the contents
        pytest.param(
            links_book,
            lambda: links_book().replace("\n1.1. Introduction\n", "\n1.1. Overview\n"),
            "1.1. Overview",
            id="links-book-first-section",
        ),
        # "1. Overview" left of every entry of a spaced contents: the first heading, renamed since
        pytest.param(links_article, lambda: links_article("1. Overview"), "1. Overview", id="links-article"),
        # "Chapter 1." where the entries say "1.": the body has begun, whatever the spacing
        pytest.param(
            xmlto_manual, lambda: xmlto_manual("Chapter 1. Overview"), "Chapter 1. Overview", id="xmlto-chapter"
        ),
        # the entries' numbers say where they sit below the chapter the page does not list
        pytest.param(chapter_page, lambda: chapter_page("overview"), "1.3.2. overview", id="chapter-own-contents"),
        # "1.1. Overview" after the list "1.1." to "1.2." does not go on with it: the body has begun
        pytest.param(w3m_book, lambda: w3m_book("1.1. Overview"), "1.1. Overview", id="w3m-chapter-list"),
        # the one-part numbers the contents moves to level 1 move there from the first heading on,
        # renamed or not: "2." is no first number of its level
        pytest.param(readme, lambda: readme("1. Overview"), "1. Overview", id="underlined-readme"),
    ],
)
def test_a_renamed_heading_is_one_title_finding(
    clean: Callable[[], str], renamed: Callable[[], str], heading: str
) -> None:
    assert codes(clean()) == []
    text = renamed()
    assert codes(text) == [(line_of(text, heading), "OL103")]


# A web page's FAQ dumped by a browser: its list of links to its sections, untitled and bulleted,
# with a link back to the top of the page first; the questions as headings at the margin.
WEB_FAQ = (
    "                   XTerm - Frequently Asked Questions (FAQ)\n\n"
    "     * (top)\n"
    "     * What is XTerm?\n"
    "     * Who wrote XTerm?\n"
    "     * What is a VT220?\n"
    "     * What platforms does it run on?\n"
    "     * How do I report bugs?\n\n"
    "What is XTerm?\n\n"
    "   The xterm program is a terminal emulator for the X Window System, as its manual says.\n\n"
    "Who wrote XTerm?\n\n"
    "   A lot of people wrote the original program, and it has been maintained for many years.\n\n"
    "What is a VT220?\n\n"
    "   It is a terminal made by DEC, whose control sequences most emulators still follow.\n\n"
    "What platforms does it run on?\n\n"
    "   It runs on most systems that have the X Window System, and on a few that do not.\n\n"
    "How do I report bugs?\n\n"
    "   Send a mail to the maintainer, with the version and the steps that show the problem.\n"
)


def test_a_bulleted_untitled_list_of_sections_is_the_contents() -> None:
    doc = text.read(WEB_FAQ.encode(), "faq.txt")
    assert [e.title for e in doc.toc] == [h.title for h in doc.facts.headings]
    assert len(doc.toc) == 5
    assert codes_lines(WEB_FAQ) == []
    lost = WEB_FAQ.replace(
        "What is a VT220?\n\n   It is a terminal made by DEC, whose control sequences most emulators still follow.\n\n",
        "",
    )
    assert codes_lines(lost) == [("OL101", 6)]


NESTED_BULLETS = """\
                             frobmail documentation

                               Table of Contents

     * frobmail documentation
     *    * Features
          * Obtaining frobmail
          * Installing frobmail
          *    * For the impatient
               * Full installation

Features

   frobmail fetches mail from POP3 and IMAP servers and delivers it to a
   maildir, an mbox file or an external program.

Obtaining frobmail

   Download frobmail from the official website main page.

Installing frobmail

  For the impatient

   Installing frobmail is very easy:

 # pip install frobmail

  Full installation

   Unpack the source archive, change into the new directory and run the
   setup script with the install argument as the root user.
"""


def test_a_dumped_list_item_whose_first_child_is_a_list_stands_at_its_last_bullet() -> None:
    # "*    * Features": the outer item's bullet, then its first child's; the entry is the child
    # ("Features", under the manual's title), not "* Features" beside it
    doc = text.read(NESTED_BULLETS.encode(), "in.txt")
    assert [(e.title, e.level) for e in doc.toc] == [
        ("frobmail documentation", 1),
        ("Features", 2),
        ("Obtaining frobmail", 2),
        ("Installing frobmail", 2),
        ("For the impatient", 3),
        ("Full installation", 3),
    ]
    assert codes_lines(NESTED_BULLETS) == []


W3M_LISTS = """\
The Widget User's Guide

Table of Contents

  • Please Read This First
  • Introduction to Widgets
      □ 1. Widget Fundamentals
          ☆ 1.1. Kernel module
  • Working with Widgets
      □ 2. Common tasks
          ☆ 2.1. Checking status

 Please Read This First

This guide is intended to serve users of widgets as a reference guide.

 Introduction to Widgets

 1. Widget Fundamentals

The widget is a software-based solution mirroring the content of devices.

 1.1. Kernel module

The core functionality is implemented by way of a kernel module.

 Working with Widgets

 2. Common tasks

This chapter outlines typical administrative tasks.

 2.1. Checking status

One convenient way to look at status is the overview utility.
"""


def test_w3m_s_nested_list_marks_are_no_part_of_the_entries_it_numbers() -> None:
    # "•", "□" and "☆" mark three levels of w3m's nested lists: "□ 1. Widget Fundamentals" is
    # the entry "1.", and a part's title over its first chapter, listed so, is no empty section
    doc = text.read(W3M_LISTS.encode(), "in.txt")
    assert [(e.number.label if e.number else "", e.title) for e in doc.toc] == [
        ("", "Please Read This First"),
        ("", "Introduction to Widgets"),
        ("1.", "Widget Fundamentals"),
        ("1.1.", "Kernel module"),
        ("", "Working with Widgets"),
        ("2.", "Common tasks"),
        ("2.1.", "Checking status"),
    ]
    assert codes_lines(W3M_LISTS) == []


BULLETED_QUESTIONS = """\
                                 The Frob FAQ

Contents

  * Contents
  * 1 Background
      + 1.1 How do you pronounce the names of some of these people who work on
        frob?
      + 1.2 Where do I get more help on frob?
  * 2 Getting Started
      + 2.1 Why does building frob fail with errors about yylex and lex_init?
      + 2.2 How do I run frob as a service on Windows?
  * 3 Problems
      + 3.1 I think I found a bug in frob. Now what?

1 Background

1.1 How do you pronounce the names of some of these people who work on frob?

For the record, the name rhymes with "job", and nobody knows why.

1.2 Where do I get more help on frob?

Ask on the users' mailing list.

2 Getting Started

2.1 Why does building frob fail with errors about yylex and lex_init?

Install a recent flex, then build again.

2.2 How do I run frob as a service on Windows?

Install the service first:

1.  Run the installer as an administrator.

2.  Start the service by running the command

        net start frobsvc

3.  The service can be uninstalled by running the command

        frob /SERVICE /UNINSTALL

3 Problems

3.1 I think I found a bug in frob. Now what?

Send a report with the version you run.
"""


def test_a_bulleted_contents_of_numbered_questions_and_a_list_numbered_as_lists_are() -> None:
    # "+ 2.1 Why does ... lex_init?" is an entry however long its question; after the last
    # entry, "1 Background" is its heading again; "3.  The service ..." (dotted, where the
    # contents numbers "3 Problems") is a step of a list, not chapter 3
    doc = text.read(BULLETED_QUESTIONS.encode(), "in.txt")
    assert [e.number.label for e in doc.toc if e.number] == ["1", "1.1", "1.2", "2", "2.1", "2.2", "3", "3.1"]
    assert codes_lines(BULLETED_QUESTIONS) == []
