"""Numbering rules (OL201-OL207) on plain text without a contents block."""

from __future__ import annotations

import pytest

from outlint.model import Document
from tests.conftest import codes_lines, lint
from tests.rules.docs import BODY, text_doc


@pytest.fixture
def every_heading_sure(monkeypatch: pytest.MonkeyPatch) -> None:
    """Take every heading of these small documents as confirmed, so that the rules' own logic is
    what the tests see; how unsure headings are kept quiet is tested at the end."""

    def everything(doc: Document) -> frozenset[int]:
        return frozenset(id(h) for h in doc.facts.headings)

    monkeypatch.setattr("outlint.rules.numbering.confirmed", everything)


def heading_line(headings: list[str], index: int) -> int:
    # text_doc: title, blank, then 4 lines per heading (heading, blank, body, blank)
    return 3 + 4 * index


@pytest.mark.parametrize(
    ("headings", "expected"),
    [
        pytest.param(["1. Alpha", "2. Beta", "3. Gamma"], [], id="clean-top-level"),
        pytest.param(
            ["1. Alpha", "(1) Alpha", "(2) Beta", "2. Beta", "(1) Gamma"], [], id="clean-restart-under-new-parent"
        ),
        pytest.param(["1. Alpha", "3. Beta"], [("OL201", 1)], id="gap-at-top-level"),
        pytest.param(["1. Alpha", "(1) Alpha", "(2) Beta", "(5) Gamma"], [("OL201", 3)], id="gap-in-sections"),
        pytest.param(["1. Alpha", "2. Beta", "2. Gamma"], [("OL202", 2)], id="duplicate"),
        pytest.param(["1. Alpha", "2. Beta", "3. Gamma", "2. Delta"], [("OL203", 3)], id="backwards"),
        pytest.param(["1. Alpha", "(2) Alpha", "(3) Beta"], [("OL204", 1)], id="does-not-start-at-one"),
        pytest.param(["1. Alpha", "1.1 Alpha", "1.3 Beta"], [("OL201", 2)], id="dotted-gap"),
        pytest.param(["1. Alpha", "1.1 Alpha", "2. Beta", "3.1 Beta"], [("OL205", 3)], id="wrong-parent"),
        pytest.param(["1. Alpha", "1.1.1 Alpha"], [("OL206", 1)], id="level-skip"),
        pytest.param(
            ["1.1 Alpha", "1.2 Beta", "2.1 Gamma", "2.2 Delta", "3.1 Epsilon"],
            [],
            id="sections-of-the-next-chapter-start-afresh-without-its-heading",
        ),
        pytest.param(
            ["1.1 Alpha", "1.2 Beta", "2.1 Gamma", "1.3 Delta"], [("OL203", 3)], id="back-to-an-earlier-chapter"
        ),
        pytest.param(["A. One", "B. Two", "C. Three", "D. Four"], [], id="letters-not-roman"),
        pytest.param(["I. One", "II. Two", "IV. Four"], [("OL201", 2)], id="roman-gap"),
        pytest.param(["一、总则", "二、原则", "四、附则"], [("OL201", 2)], id="chinese-gap"),
        pytest.param(["第一章 总则", "第二章 原则", "第三章 附则"], [], id="chinese-chapters"),
        pytest.param(["Chapter 1", "1.1 Scope", "Chapter 2", "2.1 Terms", "2.2 Words"], [], id="chapters-and-dotted"),
        pytest.param(
            ["1. Scope", "1.1 Terms", "2. Rules", "A. Thanks", "B. Addresses"], [], id="closing-lettered-appendices"
        ),
        pytest.param(
            ["1. Scope", "1.1 Terms", "2. Rules", "A. Words", "B. Forms", "3. More"],
            [],
            id="lettered-list-inside-a-section-is-no-appendix",
        ),
    ],
)
@pytest.mark.usefixtures("every_heading_sure")
def test_numbering(headings: list[str], expected: list[tuple[str, int]]) -> None:
    doc = text_doc(None, headings)
    want = [(code, heading_line(headings, i)) for code, i in expected]
    assert codes_lines(doc, "OL2") == want


@pytest.mark.usefixtures("every_heading_sure")
def test_gap_message_names_parent_and_expected_label() -> None:
    doc = text_doc(None, ["1. Scope", "(1) Alpha", "(5) Beta", "(10) Gamma"])
    messages = [f.message for f in lint(doc, "OL201")]
    assert messages == [
        'numbering gap: "(5)" follows "(1)" under "1. Scope" (expected "(2)")',
        'numbering gap: "(10)" follows "(5)" under "1. Scope" (expected "(6)")',
    ]


@pytest.mark.usefixtures("every_heading_sure")
def test_wrong_parent_message() -> None:
    doc = text_doc(None, ["1. Alpha", "2. Terms", "3.1 Scope"])
    assert lint(doc, "OL205")[0].message == '"3.1" is under "2. Terms", whose number is "2."'


def test_numbering_continues_across_parts() -> None:
    doc = text_doc(None, ["Part I", "Chapter 1", "Chapter 2", "Part II", "Chapter 3"])
    assert codes_lines(doc, "OL2") == []


def test_mixed_schemes() -> None:
    # levels from underlines, as Sphinx and pandoc write them: the three are siblings
    doc = "Title\n=====\n\n1. Scope\n--------\n\nText.\n\n2. Terms\n--------\n\nText.\n\nC. Rules\n--------\n\nText.\n"
    assert codes_lines(doc, "OL207") == [("OL207", 14)]
    assert lint(doc, "OL207")[0].message == (
        '"C." mixes numbering schemes under "Title": its siblings use decimal like "1."'
    )


def test_appendices_are_not_mixed() -> None:
    doc = text_doc(None, ["1. Intro", "2. Body", "Appendix A. Data", "A.1 Tables"])
    assert codes_lines(doc, "OL2") == []


@pytest.mark.parametrize(
    ("headings", "expected"),
    [
        # a long chain with one gap: the chain confirms its headings, the gap is reported
        pytest.param(
            ["1. Alpha", "2. Beta", "3. Gamma", "4. Delta", "6. Zeta"], [("OL201", 4)], id="gap-in-long-chain"
        ),
        # two numbered lines read by their shape, in a document that numbers list items the same
        # way: they may be two more items; no finding
        pytest.param(["1. Alpha", "3. Beta"], [], id="short-chain-among-numbered-items"),
        # releases listed newest first make no consistent chain
        pytest.param(["2.26.0 (stable)", "2.25.0 (development)", "2.24.0", "2.23.0"], [], id="versions"),
        # a label that names its kind is a chapter whatever the chain says
        pytest.param(["Chapter 1", "Chapter 3"], [("OL201", 1)], id="named-chapters"),
    ],
)
def test_unconfirmed_headings_make_no_numbering_finding(headings: list[str], expected: list[tuple[str, int]]) -> None:
    body = "Do this first, then the rest:\n\n1. Stop the server and wait until it says so.\n2. Empty it."
    doc = text_doc(None, headings, body if len(headings) == 2 and headings[0][0] == "1" else BODY)
    lines = [doc.split("\n").index(h) + 1 for h in headings]
    assert codes_lines(doc, "OL2") == [(code, lines[i]) for code, i in expected]


def test_books_number_their_chapters_afresh() -> None:
    # a book in parts: the chapters restart at I in each part, under the part
    headings = ["Book the First--the Day", "I. Dawn", "II. Noon", "Book the Second--the Night", "I. Dark", "II. Darker"]
    assert codes_lines(text_doc(None, headings), "OL2") == []


def test_a_lost_beginning_is_one_late_start() -> None:
    # the file lost its first chapter and its first book heading: one finding, at the first heading
    headings = ["II. Noon", "III. Dusk", "Book the Second--the Night", "I. Dark", "II. Darker"]
    doc = text_doc(None, headings)
    assert codes_lines(doc, "OL2") == [("OL204", 3)]


@pytest.mark.parametrize(
    ("headings", "expected"),
    [
        pytest.param(["1. Alpha", "2. Beta", "99. Future"], [], id="nines-keep-the-last-place"),
        pytest.param(["1. Alpha", "1.1 Alpha", "1.99 Thanks", "2. Beta"], [], id="nines-last-child"),
        pytest.param(["1. Alpha", "99. Future", "100. Past"], [("OL201", 1)], id="nines-not-last"),
    ],
)
@pytest.mark.usefixtures("every_heading_sure")
def test_a_last_section_numbered_with_nines(headings: list[str], expected: list[tuple[str, int]]) -> None:
    doc = text_doc(None, headings)
    assert codes_lines(doc, "OL201") == [(code, heading_line(headings, i)) for code, i in expected]


@pytest.mark.parametrize(
    ("headings", "expected"),
    [
        pytest.param(
            ["1. Introduction", "1.2 Version 1.2 of the protocol", "1.4 Version 1.4 of the protocol"],
            [],
            id="numbered-after-versions",
        ),
        pytest.param(
            ["1. Introduction", "1.2 Types in 1.20", "1.4 Events"], [("OL204", 1), ("OL201", 2)], id="not-a-version"
        ),
    ],
)
@pytest.mark.usefixtures("every_heading_sure")
def test_sections_numbered_after_versions(headings: list[str], expected: list[tuple[str, int]]) -> None:
    doc = text_doc(None, headings)
    assert codes_lines(doc, "OL2") == [(code, heading_line(headings, i)) for code, i in expected]


@pytest.mark.parametrize(
    ("headings", "expected"),
    [
        # one page of a chunked manual, or one part of a split Info file: it starts where its piece
        # of the book starts
        pytest.param(["3.5. Services", "3.6. Logging", "3.7. Mail"], [], id="dotted-chunk"),
        pytest.param(["Chapter 7. Initramfs", "7.1. Hooks", "7.2. Scripts"], [], id="one-named-chapter"),
        # a file that lost its first section still starts late
        pytest.param(["2. Beta", "3. Gamma"], [("OL204", 0)], id="lost-first-section"),
        pytest.param(["Chapter 2. Beta", "Chapter 3. Gamma"], [("OL204", 0)], id="lost-first-chapter"),
    ],
)
@pytest.mark.usefixtures("every_heading_sure")
def test_a_chunk_of_a_manual_starts_anywhere(headings: list[str], expected: list[tuple[str, int]]) -> None:
    doc = text_doc(None, headings)
    assert codes_lines(doc, "OL2") == [(code, heading_line(headings, i)) for code, i in expected]


def test_first_appendix_lost_is_reported_once_by_the_contents() -> None:
    # the contents lists "APPENDIX A" with no heading: OL101 says so, and "B" starting the
    # appendices is that same loss, not a second finding
    doc = (
        "Contents\n\n   1. Scope ......... 1\n   2. Terms ......... 2\n"
        "   APPENDIX A: Notes ......... 3\n   APPENDIX B: Tables ......... 4\n\n"
        "1. Scope\n\n   Text about the scope.\n\n2. Terms\n\n   Text about the terms.\n\n"
        "APPENDIX B: Tables\n\n   Text of the tables.\n"
    )
    assert codes_lines(doc, "OL101,OL2") == [("OL101", 5)]


@pytest.mark.usefixtures("every_heading_sure")
def test_sections_written_run_in_count_in_the_numbering() -> None:
    """Older specifications write some sections as paragraphs that start with their numbers
    ("1.1. The Domain Name System is ..."), and give headings to others: the run-in ones are the
    sections the headings follow on from, no late start and no gap."""
    para = "The text of this section, run in after its number, goes on over the line."
    doc = (
        "1 - Introduction\n\n"
        f"   1.1. {para}\n\n   1.2. {para}\n\n"
        "   1.3 - New Assigned Numbers\n\n   Numbers for the registry.\n\n"
        f"   1.4. {para}\n\n"
        "   1.5 - Terms\n\n   The words used.\n\n"
        "2 - Format\n\n   The format.\n"
    )
    assert codes_lines(doc, "OL2") == []
    lost = doc.replace(f"   1.1. {para}\n\n", "")
    assert codes_lines(lost, "OL2") == [("OL204", 5)]


@pytest.mark.usefixtures("every_heading_sure")
def test_a_number_used_twice_then_skipped_is_one_defect() -> None:
    """'7, 7, 9': the second 7 is the 8 misnumbered, one duplicate, not a duplicate and a gap."""
    sections = [(1, "Security"), (2, "IANA"), (2, "References"), (4, "Authors")]
    doc = "".join(f"{n} - {t}\n\n   {BODY}\n\n" for n, t in sections)
    assert codes_lines(doc, "OL2") == [("OL202", 9)]


INFO_NODE = (
    "\x1f\nFile: frob.info,  Node: {node},  Next: {next},  Prev: {prev},  Up: Top\n\n{title}\n{rule}\n\n{text}\n\n"
)


def _info_piece(first_prev: str) -> str:
    head = "This is frob.info, produced by makeinfo version 6.8 from frob.texi.\n\nThis manual is for Frob.\n\n"
    nodes = [
        ("Copying", "Indices", first_prev, "Appendix B Copying this manual"),
        ("Indices", "", "Copying", "Appendix C Indices"),
    ]
    return head + "".join(
        INFO_NODE.format(node=n, next=x, prev=p, title=t, rule="*" * len(t), text="This appendix covers the licence.")
        for n, x, p, t in nodes
    )


def test_a_later_piece_of_a_split_info_manual_starts_where_the_last_one_ended() -> None:
    # "frob.info-2": its first node's previous node is in the first piece
    assert codes_lines(_info_piece("Copying This Package"), "OL2") == []
    # a first node whose previous node is in the file itself: the beginning was lost
    assert codes_lines(_info_piece("Copying"), "OL2") == [("OL204", 8)]


def test_a_page_that_starts_at_its_own_level_skips_no_level() -> None:
    # a page whose title is in its front matter starts at "###"; "## See Also" at the end does not
    # make the sections before it skip a level (markdownlint's heading-increment reads it so)
    page = (
        "---\ntitle: frob-fund\n---\n\n### Synopsis\n\nRun it.\n\n### Description\n\nIt funds.\n\n## See Also\n\nnpm.\n"
    )
    assert codes_lines(page.encode(), "OL206", fmt="markdown") == []
    # a section that skips a level under a heading is still reported
    skipped = "# Frob\n\nIntro.\n\n### Install\n\nRun it.\n"
    assert codes_lines(skipped.encode(), "OL206", fmt="markdown") == [("OL206", 5)]


def _sections(*numbers: str) -> str:
    """Sections underlined as an Info file sets them: each heading's rule by its depth."""
    out = ""
    for n in numbers:
        title = f"{n} Section {n}"
        out += f"{title}\n{'*=-'[n.count('.')] * len(title)}\n\nThe text of section {n} goes here.\n\n"
    return out


def test_sections_under_the_wrong_chapter_are_still_reported() -> None:
    doc = _sections("1", "2", "3.1", "3.2", "3")
    assert [code for code, _ in codes_lines(doc, "OL205")] == ["OL205"]


def test_a_numbered_chapter_page_starts_where_the_book_puts_it() -> None:
    doc = '10. "sphinx.ext.graphviz" -- Add Graphviz graphs\n' + "*" * 48 + "\n\nThis extension embeds graphs.\n"
    assert codes_lines(doc, "OL204") == []


def test_a_number_repeated_down_a_run_of_contents_entries_is_one_finding() -> None:
    # a typed manual lists each of an appendix's answers under the appendix's own label
    entries = ["APPENDIX 1: The Menu Items"] + [f"APPENDIX 2: Exercise Answers {k}" for k in range(1, 5)]
    doc = "Table of Contents\n\n" + "".join(f" {e} ".ljust(60, ".") + " A1-1\n" for e in entries) + "\n"
    doc += "".join(f"{e}\n\n   {BODY}\n\n" for e in entries[:2])
    assert codes_lines(doc, "OL202") == [("OL202", 5)]


def test_a_section_misnumbered_under_another_chapter_is_one_defect() -> None:
    # RFC 3162: "2.1.", "3.2.", "2.3." under "2.": the "3.2." is the "2.2." misnumbered, reported
    # as under the wrong parent, and "2.3." after "2.1." is no second finding
    sections = ["1.  Introduction", "2.  Attributes", "2.1.  Address", "3.2.  Interface", "2.3.  Prefix", "3.  Table"]
    doc = "".join(f"{s}\n\n   {BODY}\n\n" for s in sections)
    assert codes_lines(doc, "OL2") == [("OL205", 13)]


def test_sections_that_open_a_piece_of_a_split_manual_skip_no_level() -> None:
    # "10.5" opens the third piece of an Info manual: its chapter "10" is in the piece before
    piece = "10.5 Mode\n=========\n\n" + BODY + "\n\n10.6 Monitor\n============\n\n" + BODY + "\n\n"
    piece += "11 Copy Mode\n***********\n\n" + BODY + "\n\n11.1 Marking\n============\n\n" + BODY + "\n"
    assert codes_lines(piece, "OL2") == []
    # a document that opens at the first section of a chapter it lacks still skips a level
    skipped = piece.replace("10.5 Mode\n", "10.1 Mode\n").replace("10.6 Monitor", "10.2 Monitor")
    assert codes_lines(skipped, "OL206") == [("OL206", 1)]


def test_sections_under_a_lost_unnumbered_chapter_are_that_one_loss() -> None:
    # the contents lists "Getting Started" over "1.1" and "1.2"; its heading is gone, which OL101
    # reports: the sections left at the top level say nothing more
    contents = "Contents\n\n   Getting Started\n      1.1 Introduction\n      1.2 Requirements\n"
    contents += "   Using It\n      2.1 Options\n      2.2 Menus\n   Appendix A Commands\n\n\n"
    sections = ("1.1 Introduction", "1.2 Requirements", "2.1 Options", "2.2 Menus", "Appendix A Commands")
    body = "".join(f"{t}\n{'-' * len(t)}\n\n{BODY}\n\n\n" for t in sections)
    assert codes_lines(contents + body, "OL1,OL2") == [("OL101", 3), ("OL101", 6)]


def test_a_section_the_contents_numbers_under_its_parent_is_one_renumbering() -> None:
    # "9.2." under "10. References", the contents listing it as "10.2.": one heading renumbered
    # (OL104), not also a section under the wrong parent
    chapters = [f"{n}. Chapter {n}" for n in range(1, 10)]
    listed = [*chapters, "10. References", "10.1. Normative", "10.2. Informative"]
    headings = [*chapters, "10. References", "10.1. Normative", "9.2. Informative"]
    doc = text_doc(listed, headings)
    assert [code for code, _ in codes_lines(doc, "OL1,OL2")] == ["OL104"]


_LISTED = [f"{n}. Chapter {n}" for n in (1, 2)] + ["2.1. Terms", "2.2. Model", "2.3. Roles", "2.4. Limits"]
_LISTED += ["3. Protocol", "3.1. Messages", "3.2. States", "4. Security"]


@pytest.mark.parametrize(
    ("headings", "expected"),
    [
        # the second "2.3." is the "2.4." the contents lists: one renumbering, no duplicate too
        ([h if h != "2.4. Limits" else "2.3. Limits" for h in _LISTED], ["OL104"]),
        # "3.1." written "2.5." under chapter 3: one renumbering, no late start of chapter 3's numbering
        ([h if h != "3.1. Messages" else "2.5. Messages" for h in _LISTED], ["OL104"]),
        # "2.4." before "2.3.": one move out of the contents' order, no gap and no step back
        ([*_LISTED[:4], _LISTED[5], _LISTED[4], *_LISTED[6:]], ["OL105"]),
        # chapter 3 with its sections before chapter 2: one move, of the chapter
        ([_LISTED[0], *_LISTED[6:9], *_LISTED[1:6], _LISTED[9]], ["OL105"]),
        # a section lost: its entry has no heading, and no gap is reported besides
        ([h for h in _LISTED if h != "2.2. Model"], ["OL101"]),
    ],
    ids=["duplicate", "misnumbered", "swapped", "chapter-moved", "lost"],
)
def test_one_defect_against_the_contents_is_one_finding(headings: list[str], expected: list[str]) -> None:
    assert [code for code, _ in codes_lines(text_doc(_LISTED, headings), "OL1,OL2")] == expected
