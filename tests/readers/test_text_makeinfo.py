"""Plain text made by makeinfo (``--plaintext`` and Info): a node's footnotes under their rule, a
generator's leftover labels, the manual's title over its contents and again over its top node."""

from __future__ import annotations

from outlint.readers import text
from tests.conftest import codes_lines


def headings(doc: str) -> list[tuple[int, str, str]]:
    """(line, number, title) of the headings in document order ("" for no number)."""
    tops = text.read(doc.encode(), "in.txt").headings
    return [(h.span.line, h.number.label if h.number else "", h.title) for top in tops for h in top.walk()]


FOOTNOTES = """\
Widget
1 Widget
  1.1 Overview
  1.2 Installation
    1.2.1 From PyPI
Widget
******

This module gives access to the serial port from Python(1).

1 Widget
********

1.1 Overview
============

It is written in Python(1), see LICENSE(2) for the licence.

   ---------- Footnotes ----------

   (1) http://python.org/

   (2) appendix.html#license

1.2 Installation
================

1.2.1 From PyPI
---------------

Run pip to install the package.
"""


def test_a_node_s_footnotes_are_no_headings() -> None:
    # "(1) http://python.org/" under makeinfo's footnote rule is a footnote, not a section
    # numbered in parentheses (which broke the chain of the sections after it)
    assert [h for h in headings(FOOTNOTES) if h[1]] == [
        (11, "1", "Widget"),
        (14, "1.1", "Overview"),
        (25, "1.2", "Installation"),
        (28, "1.2.1", "From PyPI"),
    ]
    assert codes_lines(FOOTNOTES) == []


CONTENTS_LABEL = """\

Widget
1 Widget
  1.1 Overview
  1.2 Installation
    1.2.1 From PyPI
2 Usage
Widget
******

This module gives access to the serial port from Python(1).

Contents:

   ---------- Footnotes ----------

   (1) http://python.org/

1 Widget
********

1.1 Overview
============

It is the same on every platform.

1.2 Installation
================

1.2.1 From PyPI
---------------

Run pip to install the package.

2 Usage
*******

Open a port, write some bytes and close the port again.
"""


def test_a_label_over_footnotes_is_no_contents_and_the_title_over_the_contents_is_no_section() -> None:
    # a Sphinx toctree's label left over its node's footnotes (the list it named was lost in the
    # conversion) is no contents: the contents is the list under the manual's title at the top,
    # and the top node, titled as the manual is, is no section the contents forgot
    doc = text.read(CONTENTS_LABEL.encode(), "in.txt")
    assert [e.title for e in doc.toc] == ["Widget", "Overview", "Installation", "From PyPI", "Usage"]
    assert codes_lines(CONTENTS_LABEL) == []


MANUAL_PAGES = """\
5 Command Reference
*******************

5.1 gozilla - force firefox to display specified part of a source file
======================================================================

NAME
----

gozilla - force firefox to display specified part of a source file

SYNOPSIS
--------

     gozilla [-b browser][-p][+no] file
     gozilla [-b browser][-p] -d name

DESCRIPTION
-----------

Gozilla forces firefox to display the specified part of a source
file.  Gozilla can be used with other browsers like chrome.

OPTIONS
-------

The following options are available.  Each one can be given in any
order on the command line.
"""


def test_a_manual_page_s_name_line_under_an_underlined_title_is_no_sentence() -> None:
    # an Info manual that holds its commands' manual pages: "gozilla - force firefox to display
    # specified part of a source file" names the command, it ends no sentence
    assert codes_lines(MANUAL_PAGES) == []


NODE_HEADINGS = """\
Guile Library
*************

1 SXML
======

1.1 Transforming SXML
---------------------

1.1.1 Overview
..............

SXML expression tree transformers
=================================

Pre-Post-order traversal of a tree and creation of a new tree
-------------------------------------------------------------

     pre-post-order:: <tree> x <bindings> -> <new-tree>

   where <bindings> is a list of bindings, each of which names a
trigger symbol and the handler that is called for it.

1.1.2 Usage
...........

 -- Scheme Procedure: pre-post-order tree bindings
     Traverse TREE, calling the handlers in BINDINGS.
"""


def test_unnumbered_headings_inside_a_node_keep_the_rank_of_their_rules() -> None:
    # an "=" heading, then a "-" one, inside "1.1.1": the second is part of the first, which is
    # then no empty section
    doc = text.read(NODE_HEADINGS.encode(), "in.txt")
    overview = doc.headings[0].children[0].children[0].children[0]
    assert overview.title == "Overview"
    assert [(h.title, [c.title for c in h.children]) for h in overview.children] == [
        ("SXML expression tree transformers", ["Pre-Post-order traversal of a tree and creation of a new tree"])
    ]
    assert codes_lines(NODE_HEADINGS) == []
