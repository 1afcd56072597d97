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
