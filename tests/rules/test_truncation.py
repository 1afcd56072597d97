"""Truncation rules (OL301-OL305) on plain text."""

from __future__ import annotations

import pytest

from outlint.linter import read_bytes
from outlint.rules.truncation import cut_off
from tests.conftest import codes_lines, lint
from tests.rules.docs import BODY

CLEAN = """Report

1. Scope

This report covers the year.

2. Findings

The findings are these.
"""


def test_clean() -> None:
    assert lint(CLEAN) == []


@pytest.mark.parametrize(
    ("doc", "expected"),
    [
        pytest.param("1. Scope\n\n2. Terms\n\nText here.\n", [("OL301", 1)], id="heading-then-heading"),
        pytest.param("1. Scope\n\nText here.\n\n2. Terms\n", [("OL301", 5)], id="last-heading-at-end"),
        pytest.param("1. Scope\n\nText here.\n\n2. Terms\n\n\n\n", [("OL301", 5)], id="last-heading-then-blanks"),
        pytest.param(
            "1. Scope\n" + "\n" * 6 + "Text after a gap.\n", [("OL301", 1), ("OL303", 2)], id="heading-then-gap"
        ),
        pytest.param(
            "1. Scope\n\n" + "这是一段没有翻译的中文内容，应当被发现并报告出来。\n\n2. Terms\n\n"
            "The terms used in this report are defined in this section for all readers.\n",
            [("OL401", 3)],  # reported once, by the language rule: the section has a body
            id="only-foreign-text",
        ),
        pytest.param("1. Scope\n\n(1) Purpose\n\nText.\n", [], id="parent-with-children-is-not-empty"),
    ],
)
def test_empty_section(doc: str, expected: list[tuple[str, int]]) -> None:
    assert codes_lines(doc, "OL301,OL303,OL401") == expected


def test_empty_section_messages() -> None:
    assert [f.message for f in lint("1. Scope\n\n2. Terms\n\nText here.\n", "OL301")] == [
        'section "1. Scope" has no body text: the next heading "2. Terms" follows directly'
    ]
    assert [f.message for f in lint("1. Scope\n\nText.\n\n2. Terms\n", "OL301")] == [
        'section "2. Terms" has no body text: the document ends after it'
    ]


@pytest.mark.parametrize(
    ("ending", "fires"),
    [
        pytest.param("The committee shall review the", True, id="cut-latin"),
        pytest.param("The committee shall review the report.", False, id="full-stop"),
        pytest.param("Is it done?", False, id="question"),
        pytest.param('He said "it is done."', False, id="closing-quote"),
        pytest.param("(See the annex.)", False, id="closing-paren"),
        pytest.param("委员会应当审查，", True, id="cut-cjk"),
        pytest.param("委员会应当审查", False, id="cjk-without-its-full-stop"),
        pytest.param("委员会应当审查报告。", False, id="cjk-full-stop"),
        pytest.param("委员会审查了吗？", False, id="cjk-question"),
        pytest.param("The steps are as follows:", True, id="colon-promises-more"),
        pytest.param("- first item\n- second item", False, id="list-excluded"),
        pytest.param("name    value    unit\nalpha   1        m", False, id="table-excluded"),
        pytest.param("^[3] APT however considers all known dependencies and attempts to prevent", False, id="note"),
        pytest.param(
            "foreach packet in discarded_packets:\n  if packet.in_flight\n    bytes_in_flight -= size",
            False,
            id="pseudocode",
        ),
        pytest.param("[12] Postel, J. and J. Reynolds, Telnet Protocol Specification, STD 8", False, id="reference"),
        pytest.param("委员会应当审查： info '(coreutils) chmod invocation'", False, id="cjk-command-after-colon"),
    ],
)
def test_cut_mid_sentence(ending: str, fires: bool) -> None:
    doc = f"1. Scope\n\nThe first paragraph is complete.\n\n{ending}\n\n2. Terms\n\nText.\n"
    assert codes_lines(doc, "OL302") == ([("OL302", 5)] if fires else [])


def test_cut_message() -> None:
    doc = "1. Scope\n\nThe committee shall review the\n\n2. Terms\n\nText.\n"
    assert lint(doc, "OL302")[0].message == 'section "1. Scope" ends mid-sentence: "...The committee shall review the"'


@pytest.mark.parametrize(("blanks", "expected"), [(4, []), (5, [("OL303", 4)]), (12, [("OL303", 4)])])
def test_blank_run_threshold(blanks: int, expected: list[tuple[str, int]]) -> None:
    doc = "1. Scope\n\nFirst paragraph.\n" + "\n" * blanks + "Second paragraph.\n"
    assert codes_lines(doc, "OL303") == expected


def test_blank_run_message() -> None:
    doc = "1. Scope\n\nFirst paragraph.\n" + "\n" * 6 + "Second paragraph.\n"
    f = lint(doc, "OL303")[0]
    assert (f.span.line, f.span.end_line) == (4, 9)
    assert f.message == '6 blank lines in section "1. Scope": content may have been lost here'


def test_blank_padding_around_page_breaks_is_layout() -> None:
    page = "Acme Report                                   [Page {}]\n"
    head = "Acme Corp                  Annual Report                  2024\n"
    doc = (
        "1. Scope\n\nFirst paragraph of the scope.\n\n\n\n\n"
        + page.format(1)
        + "\f"
        + head
        + "\n\n\n\nSecond paragraph.\n\n\n\n\n\n"
        + page.format(2)
        + "\f"
        + head
        + "\n\nThird paragraph.\n"
    )
    assert codes_lines(doc, "OL3") == []


def test_document_ends_early() -> None:
    doc = (
        "Report\n\nContents\n\n  1. Scope\n  2. Terms\n  3. Rules\n  4. Annex\n\n"
        "1. Scope\n\nText.\n\n2. Terms\n\nText.\n"
    )
    found = lint(doc, "OL304")
    assert [(f.code, f.span.line) for f in found] == [("OL304", 16)]
    assert found[0].message == (
        'document ends in section "2. Terms" but the contents lists 2 more entries, up to "Annex" (line 8)'
    )
    complete = doc + "\n3. Rules\n\nText.\n\n4. Annex\n\nText.\n"
    assert codes_lines(complete, "OL304") == []


def test_closing_boilerplate_listed_as_one_entry_is_not_missing() -> None:
    # Internet-Drafts list their closing statements as one entry and print them under their own titles
    doc = (
        "Draft\n\nTable of Contents\n\n   1.  Scope . . . . . . . . 2\n   2.  Terms . . . . . . . . 3\n"
        "       Author's Address . . . . . . 4\n"
        "       Intellectual Property and Copyright Statements . . 5\n\n"
        "1.  Scope\n\n   Text about the scope of this memo.\n\n2.  Terms\n\n   Text about the terms.\n\n"
        "Author's Address\n\n   J. Smith\n   Example Inc.\n\n"
        "Intellectual Property Statement\n\n   The IETF takes no position regarding the validity of rights.\n\n"
        "Copyright Statement\n\n   Copyright (C) The Internet Society (2005).\n"
    )
    assert codes_lines(doc, "OL304") == []
    cut = doc[: doc.index("Intellectual Property Statement")]
    assert codes_lines(cut, "OL304") == [("OL304", 21)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Oppose the politicization of issues.\n\nagainst trade protectionism.",
            [("OL305", 5)],
            id="lowercase-paragraph-after-sentence",
        ),
        pytest.param(
            "The rules are listed in the annex and\n\ncontinue on the next page.",
            [],
            id="lowercase-after-unfinished-is-not-a-fragment",
        ),
        pytest.param("Growth reached developing countries. transformation.", [("OL305", 3)], id="inner-lowercase"),
        pytest.param("Tools, e.g. hammers, and nails etc. are needed. No. 5 is best.", [], id="abbreviations"),
        pytest.param("Use the iPhone app. iPhone users know it.", [], id="brand-name"),
        pytest.param("Version 2.0 shipped. The next one is 3.1.", [], id="numbers"),
        pytest.param("See www.example.com. It explains.", [], id="url"),
        pytest.param(
            "Consider the wild card *.example. in the zone. Any name under example. is matched by it.",
            [],
            id="absolute-domain-name",
        ),
        pytest.param(
            "Consider the wild card in the zone. Any name under example. is matched by it.",
            [("OL305", 3)],
            id="absolute-domain-name-control",
        ),
        pytest.param("A name is in the zone iff. there is an owner name equal to it.", [], id="iff"),
        pytest.param(
            "The grammar is below.\n\n   <!--\n     attributes are supplied by the\n"
            "     editor. when preparing drafts, leave them blank.\n   -->\n   <!ELEMENT rfc (front)>",
            [],
            id="comment-in-markup-source",
        ),
        pytest.param(
            "  Build a development community.\n\nWith the integration of technologies, it grows.",
            [],
            id="run-in-lead-sentence",
        ),
    ],
)
def test_fragment(text: str, expected: list[tuple[str, int]]) -> None:
    doc = f"1. Scope\n\n{text}\n"
    assert codes_lines(doc, "OL302,OL305") == expected


def test_fragment_column_points_at_the_word() -> None:
    doc = "1. Scope\n\nGrowth reached developing countries. transformation.\n"
    f = lint(doc, "OL305")[0]
    assert (f.span.line, f.span.column) == (3, 38)
    assert f.message == (
        'sentence starts in lowercase: "countries. transformation" (a fragment of a lost or garbled sentence?)'
    )


def test_fragment_column_in_wrapped_paragraph() -> None:
    doc = "1. Scope\n\n   The first line of a wrapped\n   paragraph ends here. and then\n   it goes on.\n"
    f = lint(doc, "OL305")[0]
    assert (f.span.line, f.span.column) == (4, 25)


@pytest.mark.parametrize(
    "ending",
    ["wichtige Hilfsprogramme.«", "wie er sagte.“", "XFree86, etc.). »", "d'utilitaires. »", "il a dit.›"],
)
def test_sentences_end_inside_the_quotes_of_their_language(ending: str) -> None:
    from outlint.rules.truncation import ends_sentence

    assert ends_sentence(ending)


def test_a_document_cut_early_is_judged_on_the_entries_it_reaches() -> None:
    # four of nine entries pair: too few for the whole contents or for the twelve headings (the
    # contents lists no sub-sections), but all the entries the document reaches
    entries = ["Scope", "Terms", "Method", "Results", "Notes", "Tables", "Sources", "Index", "Credits"]
    toc = "".join(f"   {k}. {t} ......... {k}\n" for k, t in enumerate(entries, 1))
    body = "".join(
        f"{k}. {t}\n\n   Text of the section, complete.\n\n"
        f"{k}.1. First part\n\n   Text of the part, complete.\n\n{k}.2. Second part\n\n   More text, complete.\n\n"
        for k, t in enumerate(entries[:4], 1)
    )
    found = codes_lines("Contents\n\n" + toc + "\n" + body, "OL1,OL3")
    assert [code for code, _ in found] == ["OL304"]


def test_a_list_item_with_a_late_entrys_title_does_not_carry_the_document_on() -> None:
    # cut after section 2: "- Notes" in a list far back carries the title of entry 5, and is
    # neither a heading nor a sign that the document goes on
    entries = ["Scope", "Terms", "Method", "Results", "Notes"]
    toc = "".join(f"   {k}. {t} ......... {k}\n" for k, t in enumerate(entries, 1))
    body = (
        "1. Scope\n\n   The parts of a report are these:\n\n   - Terms\n\n   - Notes\n\n"
        "2. Terms\n\n   Text of the section, complete.\n"
    )
    assert [code for code, _ in codes_lines("Contents\n\n" + toc + "\n" + body, "OL1,OL3")] == ["OL304"]


def test_a_bare_title_far_ahead_of_the_contents_read_so_far_is_no_heading() -> None:
    # "Examples" in section 1 is the title of entry 4 only in words: the document stops in 1.2
    toc = "".join(
        f"   {n} {t} ......... {k}\n"
        for k, (n, t) in enumerate(
            [
                ("1.", "Method"),
                ("1.1.", "Inputs"),
                ("1.2.", "Steps"),
                ("2.", "Terms"),
                ("3.", "Notes"),
                ("4.", "Examples"),
            ],
            1,
        )
    )
    body = (
        "1. Method\n\n   The method is shown in the examples below.\n\n   Examples\n\n   Text under the label.\n\n"
        "1.1. Inputs\n\n   Text of the inputs, complete.\n\n1.2. Steps\n\n   Text of the steps, complete.\n"
    )
    assert [code for code, _ in codes_lines("Contents\n\n" + toc + "\n" + body, "OL1,OL3")] == ["OL304"]


def test_a_document_that_stops_under_a_heading_is_one_early_end() -> None:
    # the contents lists three sections; the text stops right after the second one's heading
    toc = ["1. Scope", "2. Terms", "3. Rules"]
    doc = "\n".join(
        ["Report", "", "Contents", "", *(f"  {e}" for e in toc), "", "1. Scope", "", BODY, "", "2. Terms", ""]
    )
    assert [f.code for f in lint(doc, "OL1,OL3")] == ["OL304"]


def test_a_sentence_citing_a_section_cut_at_a_page_end_is_no_heading() -> None:
    # an RFC's overview cut at the end of a page: "Section 4 discusses ..., its" is a sentence, not a heading
    toc = ["1. Overview", "2. Terms", "3. Records", "4. The Signature Resource Record"]
    lines = ["Report", "", "Contents", "", *(f"  {e}" for e in toc), "", "\f", ""]
    lines += ["1. Overview", "", f"   {BODY}", "", "2. Terms", "", f"   {BODY}", ""]
    lines += ["3. Records", "", "   Section 2 describes the records.", "", "\f", ""]
    lines += ["   Section 4 discusses the signature resource record, its", ""]
    doc = "\n".join(lines)
    titles = [h.title for h in read_bytes(doc.encode(), "doc.txt").facts.headings]
    assert titles == ["Overview", "Terms", "Records"]


def test_a_dotted_appendix_section_titled_in_lower_case_is_a_heading() -> None:
    # an Internet-Draft's history: "D.1  draft-name-00" is a section, its label closes itself
    lines = ["Report", "", "1. Overview", "", f"   {BODY}", "", "Appendix D. History", "", f"   {BODY}", ""]
    lines += ["D.1  draft-report-00", "", f"   {BODY}", "", "D.2  draft-report-01", "", f"   {BODY}", ""]
    titles = [h.title for h in read_bytes("\n".join(lines).encode(), "doc.txt").facts.headings]
    assert titles == ["Overview", "History", "draft-report-00", "draft-report-01"]


def test_an_author_who_starts_sentences_in_lowercase_is_not_a_fragment_finder() -> None:
    para = "The cache file is named after its path. this is useful when fonts are shared."
    one = "\n".join(["Notes", "", "1. Cache", "", para, "", "2. Fonts", "", BODY, ""])
    assert [f.code for f in lint(one, "OL305")] == ["OL305"]
    many = "\n".join(["Notes", "", "1. Cache", "", *[para, ""] * 4, "2. Fonts", "", BODY, ""])
    assert lint(many, "OL305") == []


def test_fragments_are_judged_in_english_documents_only() -> None:
    """The words a fragment starts with are English ones: in a Spanish text, "a" after the
    abbreviation "p. ej." is the Spanish preposition, and the same sentence in English is a fragment."""
    es = (
        "1. Instalación\n\n"
        "Los paquetes del sistema se instalan con las herramientas de la distribución, p. ej. a través "
        "del gestor de paquetes que viene con el sistema.\n\n"
        "La configuración de cada programa se guarda en el directorio de configuración del sistema, "
        "donde el administrador puede cambiarla cuando lo necesite.\n"
    )
    assert codes_lines(es, "OL305") == []
    en = "1. Scope\n\nPackages are installed with the tools of the system. a package manager comes with it.\n"
    assert codes_lines(en, "OL305") == [("OL305", 3)]


@pytest.mark.parametrize(
    "last",
    [
        '"split()" splits a string into a list',  # a sentence that starts with a quoted name
        "The function has an O(1) complexity, i.e. works",  # an abbreviation's full stop ends nothing
        "The Debian Policy Manual the policy",  # a name of capitalised words is one word of the sentence
    ],
)
def test_a_document_cut_in_its_last_sentence_is_found(last: str) -> None:
    doc = f"Guide\n=====\n\nThe guide says what the tool does, in a sentence.\n\nUsage\n-----\n\n{last}\n"
    assert codes_lines(doc, "OL3") == [("OL302", 9)]


def test_a_last_line_in_title_case_is_no_cut_sentence() -> None:
    doc = "Guide\n=====\n\nThe guide says what the tool does, in a sentence.\n\nUsage\n-----\n\n{}\n"
    assert codes_lines(doc.format("The Debian Policy Manual and Its Appendices"), "OL3") == []


def test_last_sentence_steps_over_abbreviations() -> None:
    from outlint.rules.truncation import last_sentence

    assert last_sentence("It is fast. It is linear, i.e. works") == "It is linear, i.e. works"
    assert last_sentence("It is fast. See e.g. the table") == "See e.g. the table"
    assert last_sentence("It is fast.") == "It is fast."


def test_a_licence_appendix_keeps_its_template_lines() -> None:
    licence = (
        "Appendix F. GNU General Public License\n\n"
        "To do so, attach the following notices to the program. It is safest to attach them to the\n"
        "start of each source file to most effectively convey the exclusion of warranty.\n\n"
        "one line to give the program's name and a brief idea of what it does.\n"
        "Copyright (C) year  name of author\n\n"
        "This program is free software; you can redistribute it and/or modify it under the terms of\n"
        "the GNU General Public License as published by the Free Software Foundation.\n"
    )
    assert codes_lines(licence, "OL305") == []
    # the same lines in a section of the manual's own text are a fragment
    own = licence.replace("GNU General Public License\n", "Notices\n")
    assert codes_lines(own, "OL305") == [("OL305", 6)]


@pytest.mark.parametrize(
    "paragraph",
    [
        pytest.param(
            "have <oid> Indicates to the server an object which the client has locally.", id="term-with-argument"
        ),
        pytest.param(
            "for ((expr; expr; expr)) do ... done loop syntax from AT&T ksh93 is\nnow supported.", id="code-first"
        ),
    ],
)
def test_a_term_or_code_starting_a_paragraph_in_lowercase_is_no_fragment(paragraph: str) -> None:
    doc = (
        "1. Commands\n\n"
        "The client sends its commands to the server one line at a time, and waits for each reply.\n\n"
        f"{paragraph}\n\n"
        "The server answers every command with a status line, and then with the data it asked for.\n"
    )
    assert codes_lines(doc, "OL305") == []
    # a fragment at the same place is still one
    fragment = doc.replace(paragraph, "and the rest of the sentence that was lost when the page was copied.")
    assert codes_lines(fragment, "OL305") == [("OL305", 5)]


def test_a_lowercase_label_over_a_table_is_no_fragment() -> None:
    rows = "".join(f"F{k:<20}PF{k}\n" for k in range(1, 9))
    doc = (
        "1. Keyboard\n\n"
        "   You lose some functions when you remap the keyboard, but the script keeps the rest.\n\n"
        "   a summary of the keyboard mapping:\n\n"
        "PC Key     maps to   VT Key.\n------               ------\n" + rows + "\n"
        "   The other keys are left as they are, and work as they did before the mapping.\n"
    )
    assert codes_lines(doc) == []
    # over a paragraph of prose, the same line is a fragment
    prose = doc.replace("PC Key     maps to   VT Key.\n------               ------\n" + rows, "the keys are mapped.\n")
    assert codes_lines(prose, "OL305") == [("OL305", 5)]


def test_a_sentence_ending_on_the_reference_it_cites_is_not_cut() -> None:
    # "... as described in [5]" with its full stop left out: the bracket is the sentence's last
    # word, not a footnote's mark after a cut "described in"
    text = (
        "The keywords MUST, MUST NOT, SHOULD and MAY, when they appear in this document, are to be "
        "interpreted as described in [5]"
    )
    assert not cut_off(text)
    assert cut_off("The keywords, when they appear in this document, are to be interpreted as described in")
