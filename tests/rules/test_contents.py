"""Contents vs headings (OL101-OL106) on plain text."""

from __future__ import annotations

import pytest

from outlint.linter import read_bytes
from tests.conftest import codes_lines, lint
from tests.rules.docs import BODY, text_doc

TOC = ["1. Scope", "(1) Purpose", "(2) Audience", "2. Terms", "(1) Words", "3. Rules"]


def lines_of(doc: str, text: str) -> int:
    return [i + 1 for i, s in enumerate(doc.split("\n")) if s.strip() == text][-1]


def test_clean_document_has_no_findings() -> None:
    doc = text_doc(TOC, TOC)
    assert lint(doc) == []


def test_entry_without_heading() -> None:
    doc = text_doc(TOC, [h for h in TOC if h != "(2) Audience"])
    assert codes_lines(doc, "OL1") == [("OL101", 7)]
    assert lint(doc, "OL101")[0].message == 'contents entry "(2) Audience" has no heading in the document'


def test_heading_missing_from_contents() -> None:
    doc = text_doc(TOC, [*TOC[:3], "(3) Readers", *TOC[3:]])
    assert codes_lines(doc, "OL1") == [("OL102", lines_of(doc, "(3) Readers"))]
    assert "(3) Readers" in lint(doc, "OL102")[0].message


def test_deeper_headings_not_required_in_contents() -> None:
    toc = ["1. Scope", "2. Terms"]
    doc = text_doc(toc, ["1. Scope", "(1) Purpose", "2. Terms"])
    assert codes_lines(doc, "OL102") == []


def test_renamed_heading_is_a_title_mismatch_not_missing() -> None:
    headings = [h if h != "2. Terms" else "2. Terms and definitions" for h in TOC]
    doc = text_doc(TOC, headings)
    found = lint(doc, "OL1")
    assert [(f.code, f.span.line) for f in found] == [("OL103", lines_of(doc, "2. Terms and definitions"))]
    assert found[0].message == 'heading title "Terms and definitions" differs from contents entry "Terms" (line 8)'


def test_retitled_heading_matched_by_number() -> None:
    headings = [h if h != "(2) Audience" else "(2) Who should read this" for h in TOC]
    doc = text_doc(TOC, headings)
    assert [f.code for f in lint(doc, "OL1")] == ["OL103"]


def test_title_normalisation_ignores_case_space_punctuation() -> None:
    headings = [h if h != "2. Terms" else "2.  TERMS:" for h in TOC]
    assert codes_lines(text_doc(TOC, headings), "OL1") == []


def test_number_differs() -> None:
    headings = [h if h != "3. Rules" else "4. Rules" for h in TOC]
    doc = text_doc(TOC, headings)
    assert ("OL104", lines_of(doc, "4. Rules")) in codes_lines(doc, "OL1")
    assert lint(doc, "OL104")[0].message == (
        'heading "4. Rules" is numbered "4." but the contents entry (line 10) has "3."'
    )


def test_order_differs() -> None:
    toc = ["1. Scope", "2. Terms", "3. Rules", "4. Tests"]
    doc = text_doc(toc, ["1. Scope", "3. Rules", "2. Terms", "4. Tests"])
    assert [c for c in codes_lines(doc, "OL105")] == [("OL105", lines_of(doc, "2. Terms"))]


def test_parent_differs() -> None:
    toc = ["1. Scope", "(1) Purpose", "2. Terms", "(1) Words", "(2) Phrases"]
    # "(2) Phrases" lost its chapter: it sits under 1 in the body
    doc = text_doc(toc, ["1. Scope", "(1) Purpose", "(2) Phrases", "2. Terms", "(1) Words"])
    found = lint(doc, "OL106")
    assert [(f.code, f.span.line) for f in found] == [("OL106", lines_of(doc, "(2) Phrases"))]
    assert found[0].message == ('heading "(2) Phrases" is under "1. Scope" but the contents puts it under "2. Terms"')


@pytest.mark.parametrize("toc_title", ["Contents", "Table of contents", "TABLE OF CONTENTS", "目录", "目 录"])
def test_contents_titles(toc_title: str) -> None:
    doc = text_doc(TOC, [h for h in TOC if h != "(1) Words"]).replace("\nContents\n", f"\n{toc_title}\n")
    assert codes_lines(doc, "OL101") == [("OL101", 9)]


def test_unnumbered_entry_matches_unnumbered_heading() -> None:
    toc = ["1. Scope", "2. Terms", "Concluding remarks"]
    doc = text_doc(toc, toc)
    assert lint(doc) == []
    doc = text_doc(toc, [toc[0], toc[2]])
    assert codes_lines(doc, "OL101") == [("OL101", 6)]


def test_missing_last_entries_are_one_early_end_not_many_missing_headings() -> None:
    doc = text_doc(TOC, TOC[:3])
    assert codes_lines(doc, "OL1,OL304") == [("OL304", 22)]
    # ... unless a heading follows: then they are missing, not cut off
    doc = text_doc(TOC, [*TOC[:3], "4. Annex"])
    assert codes_lines(doc, "OL101,OL304") == [("OL101", 8), ("OL101", 9), ("OL101", 10)]


def test_no_contents_no_contents_findings() -> None:
    assert codes_lines(text_doc(None, TOC), "OL1") == []


def test_parent_message_tells_same_titled_parents_apart() -> None:
    body = (
        "Report\n\nContents\n\n  1. Protocol\n  Requests\n    NoOp\n  2. Encoding\n  Requests\n\n"
        "1. Protocol\n\nText.\n\nRequests\n\nText.\n\n2. Encoding\n\nText.\n\nRequests\n\nText.\n\n"
        "NoOp\n\nText.\n"
    )
    found = lint(body, "OL106")
    assert [f.span.line for f in found] == [27]
    assert found[0].message == (
        'heading "NoOp" is under "Requests" (line 23) but the contents puts it under "Requests" '
        "(contents line 6, heading line 15)"
    )


def test_two_siblings_swapped_and_renumbered_are_one_move() -> None:
    # the body moved "Backups" before "Servers" and renumbered both; the contents kept the old order
    toc = ["1. Scope", "2. Work", "2.1. Plans", "2.2. Servers", "2.3. Backups", "3. Costs"]
    body = ["1. Scope", "2. Work", "2.1. Plans", "2.2. Backups", "2.3. Servers", "3. Costs"]
    doc = text_doc(toc, body)
    assert codes_lines(doc, "OL1") == [("OL105", lines_of(doc, "2.3. Servers"))]
    assert codes_lines(doc, "OL2") == []


def test_renumbered_without_a_move_is_still_a_number_mismatch() -> None:
    toc = ["1. Scope", "2. Work", "2.1. Plans", "2.2. Servers", "3. Costs"]
    body = ["1. Scope", "2. Work", "2.1. Plans", "2.3. Servers", "3. Costs"]
    doc = text_doc(toc, body)
    assert codes_lines(doc, "OL104") == [("OL104", lines_of(doc, "2.3. Servers"))]


def test_entry_listing_a_heading_by_its_first_words_is_no_mismatch() -> None:
    toc = ["1. Scope", "2. Data Format", "3. Rules"]
    doc = text_doc(toc, ["1. Scope", "2. Data Format - Version 1", "3. Rules"])
    assert codes_lines(doc, "OL1") == []


def test_unpaged_caption_over_paged_entries_needs_no_heading() -> None:
    doc = (
        "Memo\n\nContents\n\n   1. Scope ........ 1\n   2. Rules ........ 2\n   Appendices\n"
        "   Appendix A. Data ........ 3\n\n1. Scope\n\nText.\n\n2. Rules\n\nText.\n\nAppendix A. Data\n\nText.\n"
    )
    assert codes_lines(doc, "OL1") == []


def test_a_heading_renumbered_since_the_contents_is_still_its_entrys() -> None:
    # the contents says "2.2.3. Third page", the body "2.2.5. Third page": the same section,
    # renumbered (OL104), not a lost one (OL101) and an extra one
    from outlint import numbering
    from outlint.model import Span, TocEntry
    from outlint.readers.text.styles import Listing

    def entry(line: str) -> TocEntry:
        parsed = numbering.parse(line)
        assert parsed is not None
        return TocEntry(parsed[0].depth, parsed[0], parsed[1], None, Span(1, 1, 1, 1))

    toc = [entry(x) for x in ("2.2. Pages", "2.2.1. First page", "2.2.2. Second page", "2.2.3. Third page")]
    moved = numbering.parse("2.2.5. Third page")
    assert moved is not None
    assert Listing(toc).find(moved[0], "Third page") == 3
    other = numbering.parse("2.3.5. Third page")  # another parent's: not this entry
    assert other is not None
    assert Listing(toc).find(other[0], "Third page") is None


def test_a_title_repeated_in_another_chapter_does_not_pair_across_chapters() -> None:
    # "2.2." renamed "Overview", a title entry "1.1." has too: the heading keeps its own number's
    # entry (OL103), and "1.1." keeps its own heading (OL103), with no renumbering made up
    doc = (
        "Contents\n\n   1. Intro\n      1.1. Overview\n   2. Setup\n      2.1. Files\n"
        "      2.2. The configuration file\n\n"
        "1. Intro\n\n   Text.\n\n1.1. Overview of the tool\n\n   Text.\n\n2. Setup\n\n   Text.\n\n"
        "2.1. Files\n\n   Text.\n\n2.2. Overview\n\n   Text.\n"
    )
    assert codes_lines(doc, "OL1") == [("OL103", 13), ("OL103", 25)]


# A chapter heading lost, or renumbered, with its sections in place: one problem, one finding.
DOTTED = ["1. Scope", "1.1 Purpose", "1.2 Audience", "2. Terms", "2.1 Words", "2.2 Phrases", "3. Rules", "3.1 Forms"]


def test_a_lost_chapter_heading_is_one_finding_not_one_per_section() -> None:
    doc = text_doc(DOTTED, [h for h in DOTTED if h != "2. Terms"])
    assert codes_lines(doc, "OL1,OL2") == [("OL101", 8)]


def test_a_renumbered_chapter_heading_is_one_finding_not_one_per_section() -> None:
    doc = text_doc(DOTTED, [h if h != "2. Terms" else "5. Terms" for h in DOTTED])
    found = lint(doc, "OL1,OL2")
    assert [f.code for f in found] == ["OL104"]
    assert found[0].span.line == lines_of(doc, "5. Terms")


def test_sections_found_past_more_lost_entries_still_say_where_they_ended_up() -> None:
    # chapter 2 and its first section are lost: "2.2" sits in chapter 1, after more than one lost entry
    doc = text_doc(DOTTED, [h for h in DOTTED if h not in ("2. Terms", "2.1 Words")])
    found = lint(doc, "OL1,OL2")
    assert [f.code for f in found] == ["OL101", "OL101", "OL106", "OL205"]
    assert found[2].message == 'heading "2.2 Phrases" is under "1. Scope" but the contents puts it under "2. Terms"'


def test_a_lost_section_whose_subsections_the_contents_does_not_list_is_one_finding() -> None:
    toc = ["1. Scope", "2. Terms", "2.1 Words", "2.2 Phrases", "3. Rules"]
    body = [
        "1. Scope",
        "2. Terms",
        "2.1 Words",
        "2.1.1 Nouns",
        "2.1.2 Verbs",
        "2.2 Phrases",
        "2.2.1 Idioms",
        "3. Rules",
    ]
    doc = text_doc(toc, [h for h in body if h != "2.2 Phrases"])
    assert codes_lines(doc, "OL1,OL2") == [("OL101", 8)]


def test_a_lost_section_under_a_chapter_heading_is_one_finding() -> None:
    toc = ["Chapter 1. Scope", "1.1. Purpose", "Chapter 2. Terms", "2.1. Words", "2.2. Phrases"]
    body = ["Chapter 1. Scope", "1.1. Purpose", "Chapter 2. Terms", "2.1. Words", "2.1.1. Nouns", "2.2. Phrases"]
    doc = text_doc(toc, [h for h in body if h != "2.1. Words"])
    assert [f.code for f in lint(doc, "OL1,OL2")] == ["OL101"]


def _listed(entries: list[str], body: list[str]) -> str:
    """A DocBook-style text export: a dense contents (no blank lines, no page numbers, sections
    indented), one blank line, then the body with indented paragraphs."""
    out = ["A Manual", "", "Table of Contents", "", *entries, ""]
    for h in body:
        out += [h, "", "    This part of the manual says what it has to say about the matter.", ""]
    return "\n".join(out)


ENTRIES = ["1. Introduction", "    1.1. Beginnings", "    1.2. Names", "2. History", "    2.1. Releases"]
BODY_HEADINGS = ["Chapter 1. Introduction", "1.1. Beginnings", "1.2. Names", "Chapter 2. History", "2.1. Releases"]


def test_a_renamed_first_chapter_under_a_dense_contents_is_one_title_mismatch() -> None:
    doc = _listed(ENTRIES, ["Chapter 1. Overview", *BODY_HEADINGS[1:]])
    found = lint(doc, "OL1,OL2,OL3")
    assert [(f.code, f.span.line) for f in found] == [("OL103", lines_of(doc, "Chapter 1. Overview"))]
    assert found[0].message == 'heading title "Overview" differs from contents entry "Introduction" (line 5)'


def test_a_contents_that_numbers_each_part_afresh_keeps_its_later_parts() -> None:
    entries = ["Part I. Use", "1. Install", "2. Run", "Part II. Build", "1. Compile", "2. Test"]
    body = ["Part I. Use", "1. Install", "2. Run", "Part II. Build", "1. Compile", "2. Test"]
    doc = _listed(entries, body)
    assert codes_lines(doc, "OL1") == []


def test_a_renamed_first_section_after_a_page_break_is_one_title_mismatch() -> None:
    # an RFC: paged contents, the body's first section on the next page
    toc = [
        "   1.  Introduction . . . . . . . . . . . . . . . . . . . . . . . .   2",
        "   2.  Terms  . . . . . . . . . . . . . . . . . . . . . . . . . . .   3",
    ]
    page_one = ["Network Working Group", "", "             The Protocol", "", "Table of Contents", "", *toc]
    footer = ["", "", "Author                         Informational                      [Page 1]", "\f"]
    body = ["1.  Overview", "", "   This section says what the protocol is for and who uses it.", ""]
    body += ["2.  Terms", "", "   This section says what the words of this document mean here.", ""]
    doc = "\n".join(page_one + footer + body)
    found = lint(doc, "OL1")
    assert [(f.code, f.span.line) for f in found] == [("OL103", lines_of(doc, "1.  Overview"))]


def test_a_renumbered_first_chapter_under_a_dense_contents_is_one_number_mismatch() -> None:
    doc = _listed(ENTRIES, ["Chapter 3. Introduction", *BODY_HEADINGS[1:]])
    found = lint(doc, "OL1,OL2,OL3")
    assert [(f.code, f.span.line) for f in found] == [("OL104", lines_of(doc, "Chapter 3. Introduction"))]


def test_a_chapter_page_contents_ends_at_the_first_paragraph() -> None:
    # one chapter of a DocBook manual exported as a page: its own contents, then its first paragraph
    lines = ["Chapter 7. Archives", "", "Table of Contents", "", "7.1. Tools", "7.2. Rebuilding", ""]
    lines += ["The booting of the system is a two-stage process, involving the initial", "RAM filesystem."]
    lines += ["", "7.1. Tools", "", BODY, "", "7.2. Rebuilding", "", BODY, ""]
    doc = "\n".join(lines)
    assert codes_lines(doc, "OL1,OL3") == []


UNTITLED = ["1. Scope", "    1.1. Terms", "2. Format", "    2.1. Header", "    2.2. Body", "3. Checks"]


def _untitled_doc(body: list[str], listed: list[str] = UNTITLED) -> str:
    """A hand-written specification: its title, its version, then its contents with no title."""
    out = ["The Format", "==========", "", "Version 1.0", "", *[f"    {e}" for e in listed], ""]
    for h in body:
        out += [h, "", f"    {BODY}", ""]
    return "\n".join(out)


def test_a_contents_with_no_title_is_read_by_its_entries_turning_up_as_headings() -> None:
    headings = [e.strip() for e in UNTITLED]
    assert lint(_untitled_doc(headings), "OL1") == []
    renamed = [h if h != "2.1. Header" else "2.1. Overview" for h in headings]
    doc = _untitled_doc(renamed)
    assert codes_lines(doc, "OL1") == [("OL103", lines_of(doc, "2.1. Overview"))]


def test_a_numbered_list_at_the_top_is_no_contents_when_its_items_are_not_headings() -> None:
    steps = ["1. Unpack it", "2. Build it", "3. Test it", "4. Install it", "5. Run it"]
    doc = _untitled_doc([e.strip() for e in UNTITLED], listed=steps)
    assert lint(doc, "OL1") == []


def _rfc(entries: list[str], headings: list[str]) -> str:
    """An RFC-like document: a paged contents, a page break, headings at the margin over indented text."""
    out = ["Network Working Group", "", "Table of Contents", "", *entries, "", "\f", ""]
    for h in headings:
        out += [h, "", f"   {BODY}", ""]
    return "\n".join(out)


def test_a_leader_cut_to_one_dot_and_a_number_in_a_title_are_read_as_such() -> None:
    entries = [
        "   1.  Introduction . . . . . . . . . . . . . . . . . . . . . . . .   2",
        "   2.  Internet Media Type message/http and application/http  .   3",
        "   3.  Business Cards and Other Natural Uses of Languages. . . .   4",
        "   4.  Differences Between HTTP Entities and RFC 2045",
        "       Entities . . . . . . . . . . . . . . . . . . . . . . . .   5",
        "   5.  Connections . . . . . . . . . . . . . . . . . . . . . . .   6",
    ]
    headings = [
        "1.  Introduction",
        "2.  Internet Media Type message/http and application/http",
        "3.  Business Cards and Other Natural Uses of Languages",
        "4.  Differences Between HTTP Entities and RFC 2045 Entities",
        "5.  Connections: RFC-959 Section 5.2",
    ]
    doc = _rfc(entries, headings)
    assert lint(doc, "OL1") == []
    renamed = _rfc(entries, [*headings[:4], "5.  Connexions: RFC-959 Section 5.2"])
    assert [f.code for f in lint(renamed, "OL1")] == ["OL103"]


def test_a_note_under_the_contents_title_and_bulleted_entries() -> None:
    """Sphinx's text builder writes a local contents as a bulleted list, and the author may open it
    with a note to the reader: the note is no entry, and the bullets are no part of the titles."""
    doc = (
        "What's new\n**********\n\nThis version is supported on CPython 3.8 and later.\n\n\n"
        "Table of Contents\n^^^^^^^^^^^^^^^^^\n\n"
        "Make sure you read the important notes before upgrading to this\nversion.\n\n"
        "* Preface\n\n  * Wall of Contributors\n\n* Important Notes\n\n\n"
        "Preface\n=======\n\nThe release.\n\n\nWall of Contributors\n--------------------\n\nMany people.\n\n\n"
        "Important Notes\n===============\n\nRead them.\n"
    )
    assert codes_lines(doc, "OL1") == []
    toc = read_bytes(doc.encode(), "doc.txt").toc
    assert [(e.level, e.title) for e in toc] == [(1, "Preface"), (2, "Wall of Contributors"), (1, "Important Notes")]


def test_a_section_about_contents_in_restructuredtext_is_no_contents() -> None:
    """A manual's section titled "Table of contents" that explains contents: a markup line, then a
    paragraph of prose and directives. None of it is an entry, and the title is a heading."""
    doc = (
        "Directives\n==========\n\nSphinx adds directives.\n\n"
        "Table of contents\n-----------------\n\n.. index:: pair: table of; contents\n\n"
        "Since reStructuredText does not have facilities to interconnect several documents,\n"
        "or split documents into multiple output files, Sphinx uses a custom directive to add\n"
        "relations between the single files the documentation is made of, as well as tables of contents.\n\n"
        ".. note::\n\n   Simple inclusion of one file in another can be done with a directive.\n\n"
        "Special names\n-------------\n\nSome names are reserved.\n"
    )
    assert read_bytes(doc.encode(), "doc.rst").toc == ()
    assert codes_lines(doc, "OL1,OL2") == []
    labels = [h.label for h in read_bytes(doc.encode(), "doc.rst").facts.headings]
    assert labels == ["Directives", "Table of contents", "Special names"]


UNALIGNED = "Guide\n\nContents\n\n1. Scope\n2. Terms\n3. Rules\n4. Annex\n\n" + "".join(
    f"Part {p}\n======\n\n{BODY}\n\n" for p in "ABCDEF"
)


def test_contents_that_matches_no_heading_is_one_finding() -> None:
    assert codes_lines(UNALIGNED, "OL1") == [("OL110", 3)]


def test_a_page_that_is_only_contents_is_an_index_of_other_documents() -> None:
    # a manual's index page: its contents lists the other pages, nothing of its own follows
    page = UNALIGNED.split("\n\nPart A")[0] + "\n"
    assert lint(page) == []


def test_a_list_of_sub_pages_over_the_page_text_is_no_misfit() -> None:
    # Sphinx prints a page's toctree as a contents of other pages, then the page's own text: no
    # heading follows for it to list
    pages = ["Project Layout", "Application Setup", "Define and Access the Database", "Templates"]
    doc = (
        "Tutorial\n********\n\n\nContents:\n^^^^^^^^^\n\n"
        + "".join(f"* {t}\n\n" for t in pages)
        + "This tutorial will walk you through creating a basic blog application\n"
        "called Flaskr. Users will be able to register, log in and create posts.\n\n"
        "It is assumed that you are already familiar with Python and its tools.\n"
    )
    assert lint(doc) == []


def test_one_line_under_a_contents_title_in_an_example_is_no_misfit() -> None:
    # a tutorial quotes a source file whose "Contents" title has one line under it
    doc = (
        "Adding a page\n=============\n\nInclude the new page in the root file:\n\n"
        "   Contents\n   --------\n\n      usage\n\n"
        "Then build the documentation again; it will have the new page.\n"
    )
    assert codes_lines(doc, "OL1") == []


CUT_BEFORE_ADDRESS = """Table of Contents

   1.  Introduction
   2.  Schema Elements
   3.  Deprecated Elements
   Author's Address

1.  Introduction

   This document describes the schema, element by element.

2.  Schema Elements

   The elements are listed here in alphabetical order.

2.1.  <abstract>

   Contains the abstract of the document.

2.2.  <address>

   Provides address information for the author.

3.  Deprecated Elements

   These elements are deprecated, and the document stops in the middle of
"""


def test_an_unnumbered_entry_past_the_end_pairs_no_numbered_heading_alike() -> None:
    # "Author's Address" is past the end of a cut document: "2.2. <address>" is another section,
    # numbered, and no mismatch of levels or order
    assert codes_lines(CUT_BEFORE_ADDRESS, "OL1") == []
