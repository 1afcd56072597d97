"""Plain text made by makeinfo (``--plaintext`` and Info): a node's footnotes under their rule, a
generator's leftover labels, the manual's title over its contents and again over its top node."""

from __future__ import annotations

from outlint.readers import text
from tests.conftest import codes_lines


def headings(doc: str) -> list[tuple[int, str, str]]:
    def walk(hs: object) -> list[tuple[int, str, str]]:
        out: list[tuple[int, str, str]] = []
        for h in hs:  # type: ignore[attr-defined]
            out.append((h.span.line, h.number.label if h.number else "", h.title))
            out.extend(walk(h.children))
        return out

    return walk(text.read(doc.encode(), "in.txt").headings)


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
