"""Sphinx's text builder: section titles underlined one character per depth (never overlined),
sidebars' and topics' titles over "^", a page's own contents as a bulleted list, and the notes
Sphinx prints itself ("See also:", "Changed in version 3.2: ...")."""

from __future__ import annotations

from outlint.readers import text
from tests.conftest import codes_lines

PAGE = """"frob" --- Frob graphics
************************


Contents
^^^^^^^^

* "frob" --- Frob graphics

  * Introduction

  * Overview

    * Frob methods

    * Screen methods

The frob module draws frobs. It is a module of the standard library,
written to teach.

This guide has three parts:

1. The primer gives a basic overview, moving gently from simple
   examples.

2. The overview lists the methods.


Introduction
============

Frobs are drawn by a turtle that moves on a screen.

Frob star
^^^^^^^^^

A frob can draw a star, in a loop.

See also: **PEP 3151** - Reworking the OS and IO exception hierarchy


Overview
========

The methods are listed here.

Changed in version 3.2: the methods now accept ASCII encoded byte sequences


Frob methods
------------

Each frob method moves the frob.

int Frob_SetDefaults(PyObject *op, PyObject *defaults)

   Set the argument default values for the function object *op*.

See also:

  Dialog Table Control Table Control Types ControlCondition Table
  ControlEvent Table EventMapping Table RadioButton Table


Screen methods
--------------

Each screen method changes the screen.
"""


def test_a_sphinx_page_is_read_as_built() -> None:
    # the bulleted contents ends at the first paragraph, not at the list in the introduction;
    # "Frob star" over "^" heads a sidebar and ranks below its section; Sphinx's own notes end
    # sections without a full stop; a C signature is no Dutch
    doc = text.read(PAGE.encode(), "frob.txt")
    assert [e.title for e in doc.toc][-2:] == ["Frob methods", "Screen methods"]
    assert [(h.title, h.level) for h in doc.facts.headings] == [
        ('"frob" --- Frob graphics', 1),
        ("Introduction", 2),
        ("Frob star", 3),
        ("Overview", 2),
        ("Frob methods", 3),
        ("Screen methods", 3),
    ]
    assert codes_lines(PAGE, "OL") == []


def test_a_sphinx_section_cut_off_is_still_found() -> None:
    cut = PAGE.replace("Each screen method changes the screen.", "Each screen method changes the")
    assert codes_lines(cut, "OL3") == [("OL302", 68)]


# An API page: each signature on its own line, its description indented under it.
API = (
    "API module\n"
    "**********\n"
    "\n"
    "The version of the library is a tuple of five elements, as the interpreter gives its own.\n"
    "\n"
    "{signature}\n"
    "\n"
    "   The base class of all exceptions raised by the library. It takes the same arguments.\n"
)


def test_a_signature_over_its_description_is_no_fragment() -> None:
    signature = "exception coverage.CoverageException(*args: Any, slug: str | None = None)"
    assert codes_lines(API.format(signature=signature)) == []
    # a lower-case paragraph at the indent of the text, after a full stop, still is one
    fragment = "and the remaining arguments are given as keywords, each in turn, to the constructor."
    assert codes_lines(API.format(signature=fragment).replace("\n   The base", "\nThe base"), "OL305") == [("OL305", 6)]


def test_a_colon_that_names_the_next_section_introduces_it() -> None:
    doc = (
        "Quickstart\n==========\n\n"
        "Some text that goes on for a while, and the question is how it works. The answer is context\n"
        "locals:\n\n\n"
        "Context Locals\n==============\n\n"
        "If you want to understand how that works and how to test it, read this section.\n\n\n"
        "Installation\n============\n\n"
        "Create a project folder and a .venv folder within:\n\n\n"
        "Activate the environment\n========================\n\n"
        "Before you work on your project, activate the corresponding environment.\n"
    )
    # the example the build dropped under "within:" is still missed; "context locals:" is answered
    assert codes_lines(doc) == [("OL302", 17)]


# A style guide whose third rule carries a numbered run first, then unnumbered sections.
GUIDE = (
    "Style guide\n***********\n\nThe guide says how docstrings are written.\n\n\n"
    "Sections\n========\n\nA docstring is made of sections.\n\n\n"
    "1. Short summary\n----------------\n\nA one-line summary of the function.\n\n\n"
    "2. Parameters\n-------------\n\nA description of the arguments.\n\n\n"
    "Documenting classes\n===================\n\n\n"
    "Class docstring\n---------------\n\nThe same sections as outlined above are used.\n\n\n"
    "Method docstrings\n-----------------\n\nA method is documented as a function is.\n"
)


def test_an_unnumbered_title_sits_where_the_numbered_ones_over_its_rule_do() -> None:
    # "1." is the number's first depth, yet its rule is the third: "Class docstring" over the same
    # rule is a section of "Documenting classes", which then has sections, not an empty body
    doc = text.read(GUIDE.encode(), "guide.txt")
    assert [h.level for h in doc.facts.headings] == [1, 2, 3, 3, 2, 3, 3]
    assert codes_lines(GUIDE) == []
    assert codes_lines(GUIDE.replace("Class docstring\n---------------", "Class docstring\n===============")) == [
        ("OL301", 25)
    ]


# The fifth part of an Info file split by makeinfo: it opens inside chapter 20, over the section rule.
INFO_PART = (
    "This is screen.info, produced by makeinfo.\n\n\n"
    "File: screen.info,  Node: Maxwin,  Next: Backtick,  Prev: Zombie,  Up: Miscellaneous\n\n"
    "20.21 Maxwin\n============\n\n"
    " -- Command: maxwin num\n     Set the maximum window number screen will create.\n\n\n"
    "File: screen.info,  Node: String Escapes,  Next: Credits,  Prev: Miscellaneous,  Up: Top\n\n"
    "21 String Escapes\n*****************\n\n"
    "Screen provides an escape mechanism to insert information like the current time.\n\n\n"
    "File: screen.info,  Node: Credits,  Next: Bugs,  Prev: String Escapes,  Up: Top\n\n"
    "22 Credits\n**********\n\n"
    "Authors\n=======\n\n"
    "   Originally created by Oliver Laumann, and maintained by many since.\n\n"
    "Version\n=======\n\n"
    "   This is version 5.0 of the manual.\n"
)


def test_a_part_of_a_split_info_file_keeps_its_chapters_above_their_sections() -> None:
    doc = text.read(INFO_PART.encode(), "screen.info-5")
    assert [(h.title, h.level) for h in doc.facts.headings] == [
        ("Maxwin", 2),
        ("String Escapes", 1),
        ("Credits", 1),
        ("Authors", 2),
        ("Version", 2),
    ]
    # the sections before the first chapter continue the part before: no level skip, no empty chapter
    assert codes_lines(INFO_PART) == []


MAKO_UNICODE = """The Unicode Chapter
*******************

Mako templates support Python's "magic encoding comment" syntax
described in  pep-0263:

   ## -*- coding: utf-8 -*-

   Alors vous imaginez ma surprise, au lever du jour, quand
   une drôle de petite voix m’a réveillé. Elle disait:
    « S’il vous plaît… dessine-moi un mouton! »

As an alternative, the template encoding can be specified
programmatically to either "Template" or "TemplateLookup" via the
"input_encoding" parameter.
"""


def test_a_literal_block_with_a_blank_line_in_it_is_code_to_its_end() -> None:
    # the French sample template after its encoding comment, in the same literal block: code,
    # no French paragraph left in an English page
    assert codes_lines(MAKO_UNICODE) == []


def test_headings_that_name_one_release_are_not_numbered_sections() -> None:
    doc = "Migration Guide\n***************\n\nRead this first.\n\n" + "".join(
        f"2.0 Migration - {part}\n{'=' * (16 + len(part))}\n\n{part} text here.\n\n"
        for part in ("Core Usage", "ORM Usage", "Extensions")
    )
    assert codes_lines(doc) == []
    titles = [h.title for h in text.read(doc.encode(), "in.txt").facts.headings if h.number is None]
    assert titles[1:] == [f"2.0 Migration - {part}" for part in ("Core Usage", "ORM Usage", "Extensions")]
    # chapters numbered "1.0" and "2.0", as older RFCs number them, keep their numbers
    chapters = doc.replace("2.0 Migration - Core", "1.0 Migration - Core")
    numbers = [h.number.label for h in text.read(chapters.encode(), "in.txt").facts.headings if h.number]
    assert numbers == ["1.0", "2.0", "2.0"]
