"""Outdented headings: section names set left of an indented body, as manual pages render to text."""

from __future__ import annotations

import pytest

from outlint.readers import text
from tests.conftest import lint

MAN = """\
FROB(1)                      User Commands                     FROB(1)

NAME
       frob - frobnicate widgets in place

SYNOPSIS
       frob [-n] [--quiet] [file...]

DESCRIPTION
       Frob reads each widget and frobs it in place. It keeps the
       original when asked to.

   Options
       -n     do not write anything

       --quiet
              say nothing at all

SEE ALSO
       widget(5), frobd(8)

GNU frob 1.0                     May 2031                         FROB(1)
"""


def headings(doc: str) -> list[tuple[int, str, int]]:
    def walk(hs: object) -> list[tuple[int, str, int]]:
        out = []
        for h in hs:  # type: ignore[attr-defined]
            out.append((h.level, h.title, h.span.line))
            out.extend(walk(h.children))
        return out

    return walk(text.read(doc.encode(), "in.txt").headings)


def test_man_page_sections_and_sub_sections() -> None:
    assert headings(MAN) == [
        (1, "NAME", 3),
        (1, "SYNOPSIS", 6),
        (1, "DESCRIPTION", 9),
        (2, "Options", 13),
        (1, "SEE ALSO", 19),
    ]


def test_man_page_is_clean() -> None:
    # the NAME line ("frob - frobnicate widgets in place") is a definition, not a cut sentence
    assert lint(MAN, path="in.txt") == []


def test_emptied_man_page_section_is_reported() -> None:
    doc = MAN.replace("       frob [-n] [--quiet] [file...]\n", "")
    found = [(f.code, f.span.line) for f in lint(doc, path="in.txt")]
    assert found == [("OL301", 6)]


@pytest.mark.parametrize(
    "doc",
    [
        # prose at the left margin: a short line over an indented example is no heading style
        pytest.param(
            "The tool starts at once.\n\nRun it\n    frob -n\n\nIt stops when done.\n\n"
            "Then it writes a log and quits.\n\nOr this\n    frob -q\n\nThat is all there is.\n",
            id="prose-at-the-margin",
        ),
        # only two outdented titles: not yet a habit of the document
        pytest.param(
            "NAME\n    frob - frob widgets\n\nSYNOPSIS\n    frob [-n]\n",
            id="too-few-titles",
        ),
    ],
)
def test_no_outdented_style(doc: str) -> None:
    assert headings(doc) == []


def test_a_contents_block_names_the_headings() -> None:
    # with a contents block, unnumbered headings are the ones it lists, not every outdented line
    doc = (
        "Contents\n\n   1. Scope\n   2. Usage\n\nAbstract\n   A memo.\n\nStatus\n   Draft.\n\n"
        "Notice\n   Free.\n\n1. Scope\n\n   It frobs.\n\n2. Usage\n\n   Run it.\n"
    )
    assert [t for _, t, _ in headings(doc)] == ["Scope", "Usage"]


def test_word_broken_by_groff_is_one_word() -> None:
    # groff marks a word it hyphenated at the line's end with U+2010: an address broken so is whole
    doc = MAN.replace(
        "       widget(5), frobd(8)\n",
        "       The full documentation can be found at: https://example.org/frob\u2010\n       widgets/\n",
    )
    assert lint(doc, path="in.txt") == []


def test_fragment_after_a_broken_word_is_located_on_its_line() -> None:
    doc = (
        "1. Scope\n\nThe frobnicator is docu\u2010\n"
        "mented at length in the manual that comes with it. and\nthen the frob widget is set aside.\n"
    )
    assert [(f.code, f.span.line, f.span.column) for f in lint(doc, path="in.txt")] == [("OL305", 4, 52)]


def test_sub_section_title_right_under_its_section_title() -> None:
    doc = MAN.replace("SYNOPSIS\n", "SYNOPSIS\n   Traditional usage\n")
    assert headings(doc)[1:3] == [(1, "SYNOPSIS", 6), (2, "Traditional usage", 7)]
    assert lint(doc, path="in.txt") == []


def test_kinds_of_man_page_paragraphs() -> None:
    doc = MAN.replace("frob - frobnicate widgets in place", "frob.conf, frob - frobnicate widgets in place")
    doc = doc.replace("frob [-n] [--quiet] [file...]", "frob [OPTION]... [-T] SOURCE DEST")
    kinds = {h.title: [p.kind for p in h.body] for h in text.read(doc.encode(), "in.txt").headings}
    assert kinds["NAME"] == ["list"]  # a name line: a definition
    assert kinds["SYNOPSIS"] == ["code"]  # a usage line: the command and its options in brackets
    assert kinds["SEE ALSO"] == ["lines"]  # references: names, not a sentence


def test_terms_left_of_their_text_are_no_headings_where_titles_are_underlined() -> None:
    # an Info manual's table of toggles: each name flush left over its indented description, in a
    # document that underlines its headings; the names are terms, not sections
    toggles = "".join(
        f"‘{name}’\n     ‘M-{k}’ toggles the option of that name.\n\n" for k, name in enumerate("ABCDEFGHIJKLMN")
    )
    doc = (
        "1 Introduction\n**************\n\nThe editor is small and friendly.\n\n"
        "2 Feature Toggles\n*****************\n\nToggles change the editor while you edit. They are:\n\n"
        f"{toggles}"
        "3 Files\n*******\n\nThe editor reads its settings from a file.\n"
    )
    assert [h.title for h in text.read(doc.encode(), "in.info").facts.headings] == [
        "Introduction",
        "Feature Toggles",
        "Files",
    ]


# RFC 2548's layout: numbered sections at the margin, the fields of each attribute as terms at the
# prose indent over their text set deeper
FIELDS = """\
1.  Requirements

   In this document the key words are to be interpreted as usual.

2.  Attributes

   The following sections describe the sub-attributes of the vendor.

2.1.  Challenge

   Description

      This attribute contains the challenge sent by a server.

   Vendor-Type
      11 for Challenge.

2.2.  Response

   Description

      This attribute contains the response value of the user.

   Vendor-Type
      12 for Response.

2.3.  Domain

   Description

      This attribute tells the domain the user belongs to.

   Vendor-Type
      13 for Domain.

3.  Security Considerations

   None are known for these attributes at all.
"""


def test_terms_inside_numbered_sections_are_no_headings() -> None:
    assert headings(FIELDS) == [
        (1, "Requirements", 1),
        (1, "Attributes", 5),
        (2, "Challenge", 9),
        (2, "Response", 18),
        (2, "Domain", 27),
        (1, "Security Considerations", 36),
    ]
    assert lint(FIELDS, path="in.txt") == []
