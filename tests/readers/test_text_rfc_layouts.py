"""Layouts of older RFCs, as their plain text was typed: feet without "[Page N]", appendices under
a title of their own, contents entries for the commands a section describes, titles with an
article the contents leaves out. Each test is one class of layout, with the findings a careful
editor expects (none on a clean document)."""

from __future__ import annotations

from outlint.readers import text
from tests.conftest import codes_lines

PARA = "     This memo says what it says, at some length, as a memo does.\n"


def _page(body: str, n: str) -> str:
    # a page: its text, the blank padding a short page ends with, the foot, a form feed, the head
    return body + "\n" * 12 + f"     August 13, 1982              - {n} -                      RFC #822\n\f\n \n"


def test_a_foot_numbered_between_dashes_and_its_padding_are_layout() -> None:
    # RFC 822: form feeds on their own lines, no "[Page N]" marks; the foot carries the page
    # number between dashes, in Roman numerals on the front matter
    doc = (
        _page("     PREFACE\n\n" + PARA, "ii")
        + "     Standard for ARPA Internet Text Messages\n\n\n"
        + _page("     1.  INTRODUCTION\n\n" + PARA, "1")
        + "     Standard for ARPA Internet Text Messages\n\n\n"
        + _page("     2.  NOTATIONAL CONVENTIONS\n\n" + PARA, "2")
        + "     Standard for ARPA Internet Text Messages\n\n\n     3.  LEXICAL ANALYSIS\n\n"
        + PARA
    )
    assert codes_lines(doc) == []
    page = text.read(doc.encode(), "rfc822.txt")
    assert "August 13, 1982" not in " ".join(p.text for h in page.facts.headings for p in h.body if hasattr(p, "text"))


CONTENTS = (
    "Table of Contents\n\n"
    "   1. Introduction ................................................    2\n"
    "   2. Basic Operation .............................................    3\n"
    "   3. The AUTHORIZATION State .....................................    4\n"
    "      QUIT Command ................................................    5\n"
    "   4. The TRANSACTION State .......................................    5\n"
    "      STAT Command ................................................    6\n"
    "      LIST Command ................................................    6\n"
    "   5. References ..................................................    7\n\n"
)


def _section(title: str, terms: list[str]) -> str:
    out = f"{title}\n\n   Here is the summary of the commands of this state.\n\n"
    for term in terms:
        out += f"      {term}\n\n         Arguments: none\n\n         Restrictions: none\n\n"
    return out


def test_entries_naming_the_commands_a_section_describes_point_into_its_text() -> None:
    # RFC 1939 lists "QUIT Command" under "3. The AUTHORIZATION State"; the section describes the
    # command under the line "QUIT" (and "LIST [msg]"), no heading
    doc = (
        CONTENTS
        + _section("1. Introduction", [])
        + _section("2. Basic Operation", [])
        + _section("3. The AUTHORIZATION State", ["QUIT"])
        + _section("4. The TRANSACTION State", ["STAT", "LIST [msg]"])
        + _section("5. References", [])
    )
    assert codes_lines(doc) == []
    # a command whose description was lost is still an entry with no heading
    assert codes_lines(doc.replace("      LIST [msg]\n", "")) == [("OL101", 9)]


def test_a_heading_with_an_article_the_contents_leaves_out_is_listed() -> None:
    # RFC 1348: "NSAP RR" in the contents, "The NSAP RR" in the body
    doc = (
        "Table of Contents\n\n"
        "   Introduction .....................................................  1\n"
        "   NSAP RR ..........................................................  2\n"
        "   NSAP-PTR RR ......................................................  2\n"
        "   Security Considerations ..........................................  4\n\n"
        "Introduction\n\n"
        + PARA
        + "\nThe NSAP RR\n\n"
        + PARA
        + "\nThe NSAP-PTR RR\n\n"
        + PARA
        + "\nSecurity Considerations\n\n"
        + PARA
    )
    assert codes_lines(doc) == []


def test_a_title_over_the_appendices_is_no_empty_section() -> None:
    # RFC 822 and RFC 2060 set "APPENDIX" (or "Appendices") over "A." and its siblings
    doc = (
        "     1.  INTRODUCTION\n\n" + PARA + "\n     2.  SYNTAX\n\n" + PARA + "\n\n" + " " * 33 + "APPENDIX\n\n\n"
        "     A.  EXAMPLES\n\n     A.1.  ADDRESSES\n\n" + PARA + "\n     B.  SIMPLE FIELD PARSING\n\n" + PARA
    )
    assert codes_lines(doc) == []
    # a title over numbered sections is no such title: "Appendices" emptied before "1. About"
    emptied = "Manual\n******\n\nIntro text.\n\nAppendices\n^^^^^^^^^^\n\n1. About\n********\n\nText.\n"
    assert codes_lines(emptied) == [("OL301", 6)]


def test_a_summary_over_prose_is_a_section_and_the_contents_comes_after_it() -> None:
    # RFC 1123: "Summary" is a section of the front matter; the contents has its own title below
    doc = (
        "Status of This Memo\n\n" + PARA + "\nSummary\n\n"
        "   This RFC is one of a pair that defines and discusses the requirements\n"
        "   for Internet host software.  This RFC covers the application and\n"
        "   support protocols; its companion covers the communication layers.\n\n\n"
        "                           Table of Contents\n\n\n\n"
        "   1.  INTRODUCTION ...............................................    2\n"
        "      1.1  The Internet Architecture ..............................    2\n"
        "   2.  GENERAL ISSUES .............................................    2\n\n\n"
        "1.  INTRODUCTION\n\n"
        + PARA
        + "\n1.1  The Internet Architecture\n\n"
        + PARA
        + "\n2.  GENERAL ISSUES\n\n"
        + PARA
    )
    assert [e.title for e in text.read(doc.encode(), "rfc1123.txt").toc] == [
        "INTRODUCTION",
        "The Internet Architecture",
        "GENERAL ISSUES",
    ]
    assert codes_lines(doc) == []
    # a contents titled "Summary", its entries right under it, is still the contents
    summary = doc.replace("Table of Contents", "Summary of Contents").replace("\nSummary\n", "\nAbstract\n")
    assert len(text.read(summary.replace("Summary of Contents", "Summary").encode(), "x.txt").toc) == 3


def _draft_page(body: str, n: int) -> str:
    # a page whose form feed was written out as the letters "FF" before its mark, CR line ends
    foot = f"Menon-Sen & Co             Expires August 2009                FF[Page {n}]\n"
    return (
        body
        + "\n" * 3
        + foot
        + "\n" * 5
        + "Internet-draft                                             February 2009\n\n\n"
    )


def test_a_foot_with_its_form_feed_written_out_and_its_padding_are_layout() -> None:
    para = "    The mechanism is a challenge and a response, as the sections below say.\n"
    doc = (
        _draft_page("1. Introduction\n\n" + para, 1)
        + _draft_page("2. Overview\n\n" + para, 2)
        + _draft_page("3. Exchange\n\n" + para, 3)
        + "4. Security Considerations\n\n"
        + para
    )
    assert codes_lines(doc.replace("\n", "\r\n")) == []


def test_an_entry_wrapped_before_its_bracketed_name_and_a_page_glued_to_a_bracket() -> None:
    # RFC 1510's contents: "(des-mac-k) ....... 77" goes on with the entry above it, and the page
    # number of "... (descbc-crc)71" is glued to the closing bracket, where the title filled the line
    contents = (
        "Table of Contents\n\n"
        "   6.3.1. The NULL Encryption System (null) ..............   71\n"
        "   6.3.2. DES in CBC mode with a CRC-32 checksum (descbc-crc)71\n"
        "   6.4. Checksums ........................................   72\n"
        "   6.4.1. DES cipher-block chained checksum alternative\n"
        "   (des-mac-k) ...........................................   77\n"
        "   7. Naming Constraints .................................   78\n\n"
    )
    body = "".join(
        f"{title}\n\n   The text of this section says what the section is for, in a sentence.\n\n"
        for title in (
            "6.3.1. The NULL Encryption System (null)",
            "6.3.2. DES in CBC mode with a CRC-32 checksum (descbc-crc)",
            "6.4. Checksums",
            "6.4.1. DES cipher-block chained checksum alternative (des-mac-k)",
            "7. Naming Constraints",
        )
    )
    assert codes_lines(contents + body, "OL1") == []
    doc = text.read((contents + body).encode(), "rfc1510.txt")
    assert [(e.title, e.page) for e in doc.toc][1::2] == [
        ("DES in CBC mode with a CRC-32 checksum (descbc-crc)", "71"),
        ("DES cipher-block chained checksum alternative (des-mac-k)", "77"),
    ]


_BODY = "   The text of this section says what the section is for, in one sentence.\n\n"


def _rfc(contents: list[str], body: str) -> str:
    listed = "".join(f"   {t} {'.' * (60 - len(t))} {k + 2}\n" for k, t in enumerate(contents))
    return "Table of Contents\n\n" + listed + "\n" + body


def test_the_closing_boilerplate_after_the_copyright_statement_is_listed_with_it() -> None:
    # the contents ends with "Full Copyright Statement"; "Intellectual Property" and the RFC
    # Editor's funding "Acknowledgement" that follow it are its boilerplate, never listed
    contents = [
        "1. Introduction",
        "2. Protocol",
        "Normative References",
        "Informative References",
        "Authors' Addresses",
        "Full Copyright Statement",
    ]
    body = "".join(f"{t}\n\n{_BODY}" for t in [*contents, "Intellectual Property", "Acknowledgement"])
    assert codes_lines(_rfc(contents, body), "OL1") == []
    # an unlisted heading before the statement is still missing from the contents
    body = "".join(f"{t}\n\n{_BODY}" for t in [*contents[:4], "Security Considerations", *contents[4:]])
    assert codes_lines(_rfc(contents, body), "OL1") == [("OL102", 26)]


def test_a_table_s_header_row_and_a_boxed_comment_over_rules_are_no_headings() -> None:
    contents = ["1. Introduction", "2. Registry", "3. Sample Output"]
    body = (
        f"1. Introduction\n\n{_BODY}2. Registry\n\n{_BODY}"
        "   NOTIFY messages: error types              Value\n"
        "   -------------------------------------------------------------------\n\n"
        "   RESERVED                                  0\n"
        "   UNSUPPORTED_CRITICAL_PAYLOAD              1\n\n"
        f"3. Sample Output\n\n{_BODY}"
        "-----------------------------------------------------------------------\n"
        "-- Sample session output obtained by running md4driver test suite    --\n"
        "-----------------------------------------------------------------------\n\n"
        "  MD4 test suite results:\n"
    )
    assert codes_lines(_rfc(contents, body), "OL1") == []
    titles = [h.title for h in text.read(_rfc(contents, body).encode(), "rfc.txt").facts.headings]
    assert titles == ["Introduction", "Registry", "Sample Output"]


def test_an_appendix_label_over_its_lettered_heading_is_one_heading() -> None:
    # "Appendix A" on a line of its own, then "A.  Guidelines ...": the label of that heading,
    # not an empty section numbered "A" too
    body = f"1.  Introduction\n\n{_BODY}Appendix A\n\nA.  Guidelines for Model Designers\n\n{_BODY}"
    body += f"A.1.  Security Model Design Requirements\n\n{_BODY}"
    assert codes_lines(body) == []
    titles = [(h.number and h.number.label, h.title) for h in text.read(body.encode(), "rfc.txt").facts.headings]
    assert titles[1:] == [("A.", "Guidelines for Model Designers"), ("A.1.", "Security Model Design Requirements")]
    # an appendix label over a heading of another letter stays a heading of its own (and empty)
    other = body.replace("Appendix A\n", "Appendix B\n")
    assert ("OL301", 5) in codes_lines(other)


def test_a_title_over_the_first_numbered_section_is_no_empty_section() -> None:
    # RFC 2060 lists its own title before "1." and sets it right over "1." in the body
    contents = ["IMAP4rev1 Protocol Specification", "1. How to Read This Document", "2. Protocol Overview"]
    body = "".join(f"{t}\n\n{_BODY}" for t in contents[1:])
    header = (
        "Network Working Group                                        J. Doe\n"
        "Request for Comments: 9999                                Example Inc.\n"
        "Category: Standards Track                                 December 1996\n\n\n"
        "                     EXAMPLE PROTOCOL - VERSION 1\n\n"
    )
    doc = header + _rfc(contents, f"{contents[0]}\n\n" + body)
    assert codes_lines(doc) == []
    # over the second section it is a section with no text
    late = _rfc(
        ["1. Introduction", "Overview", "2. Protocol"], f"1. Introduction\n\n{_BODY}Overview\n\n2. Protocol\n\n{_BODY}"
    )
    assert codes_lines(late) == [("OL301", 11)]


_MIB = """2. Definitions

SNMPv2-MIB DEFINITIONS ::= BEGIN

-- the System group
--
-- a collection of objects common to all managed systems.

system   OBJECT IDENTIFIER ::= { mib-2 1 }

-- the SNMP group

snmp     OBJECT IDENTIFIER ::= { mib-2 11 }

END

3. Security Considerations

   Security issues are not discussed in this memo.
"""


def test_contents_entries_into_a_mib_module_name_its_comments() -> None:
    # an SNMP RFC lists the groups of its MIB module under "2. Definitions"; the module is code,
    # its groups marked by comments only
    contents = ["1. Introduction", "2. Definitions", "2.1 The System Group", "2.2 The SNMP Group"]
    doc = _rfc([*contents, "3. Security Considerations"], f"1. Introduction\n\n{_BODY}" + _MIB)
    assert codes_lines(doc, "OL1") == []
    # a listed group the module does not have is still an entry with no heading
    lost = doc.replace("-- the SNMP group", "-- the transport group")
    assert codes_lines(lost, "OL1") == [("OL101", 6)]


def test_the_closing_boilerplate_after_the_last_listed_section_is_never_listed() -> None:
    # a contents of numbered sections and three unnumbered ones, then the addresses, the
    # copyright statement and the IPR notice that RFCs leave out of it
    contents = ["1. Introduction", "2. Goals", "Informative References", "Working Group Information", "Contributors"]
    body = "".join(f"{t}\n\n{_BODY}" for t in contents)
    body += "".join(
        f"{t}\n\n{_BODY}" for t in ("Editors' Addresses", "Full Copyright Statement", "Intellectual Property")
    )
    assert codes_lines(_rfc(contents, body), "OL1") == []
    # a section of text there is still missing from the contents
    body += f"Deployment Notes\n\n{_BODY}"
    assert codes_lines(_rfc(contents, body), "OL1") == [("OL102", 41)]


GLUED_ENTRY_NUMBERS = """\
       Table of Contents

       1 INTRODUCTION......................................................2

       2 AUTHENTICATION....................................................3

        2.1 INITIAL AUTHENTICATION.........................................3

         2.1.1Step One....................................................3

         2.1.2Step Two....................................................4

       1 Introduction

       This document describes a challenge-response mechanism.  It is
       short and simple.

       2 Authentication

       This section describes the authentication exchange.

       2.1 Initial Authentication

       The exchange has two steps, described below.

       2.1.1 Step One

       The server sends a challenge to the client.

       2.1.2 Step Two

       The client sends a response to the server.
"""


def test_a_contents_entry_whose_number_is_glued_to_its_title_is_numbered() -> None:
    # nroff set "2.1.1Step One" where the number filled its column
    doc = text.read(GLUED_ENTRY_NUMBERS.encode(), "in.txt")
    assert [(e.number.label if e.number else "", e.title) for e in doc.toc][-2:] == [
        ("2.1.1", "Step One"),
        ("2.1.2", "Step Two"),
    ]
    assert codes_lines(GLUED_ENTRY_NUMBERS) == []


CLOSING_STATEMENTS = """\
Table of Contents

         Normative References . . . . . . . . . . . . . . . . . . . . 24
         Informative References . . . . . . . . . . . . . . . . . . . 25
         Authors' Addresses . . . . . . . . . . . . . . . . . . . . . 26
         Intellectual Property and Copyright Statements . . . . . . . 27

Normative References

   [1]  Doe, J., "The Base Relay Protocol", RFC 9999, April 2004.

Informative References

   [2]  Roe, R., "Relay Deployment Notes", RFC 9998, April 2004.

Authors' Addresses

   Jane Doe, Example Corp, 1 Main Street, Springfield

Intellectual Property Statement

   The IETF takes no position regarding the validity of any rights.

Full Copyright Statement

   Copyright (C) The Internet Society (2004).  All Rights Reserved.
"""


def test_xml2rfc_s_one_entry_for_the_closing_statements_names_them_all() -> None:
    assert codes_lines(CLOSING_STATEMENTS) == []


TEMPLATE = """\
1.  Introduction

   This document registers a media type for example documents.  The
   registration follows the usual template.

2.  IANA Considerations

2.1.  Registration of Media Type application/example

   Type name:  application

   Subtype name:  example

   Encoding considerations:  binary

   Provisional registration? (standards tree only):  no

2.2.  Other Registrations

   This document makes no other requests of IANA.  Nothing else is
   needed for this section.
"""


def test_a_template_s_last_field_ends_no_sentence() -> None:
    # "label:  value": a form's field, however many words its label has
    assert codes_lines(TEMPLATE) == []


# The front and first sections of the RFC the appendix tests below vary.
_WIDGET_HEAD = """\
Network Working Group                                          J. Doe
Request for Comments: 9999                                  Example Inc.
Category: Informational                                        June 2006


                       The Example Widget Protocol

Table of Contents

   1. Introduction ..................................................2
   2. Protocol ......................................................2
"""
_WIDGET_BODY = """\

1. Introduction

   This document describes the example widget protocol in full.

2. Protocol

   The widget sends a hello message and waits for the reply.
"""

APPENDIX_LABELLED = (
    _WIDGET_HEAD
    + """\
   A. Appendix - Protocol constant values ...........................3
   B. Appendix - Glossary ...........................................3
"""
    + _WIDGET_BODY
    + """\

Appendix A. Protocol Constant Values

   This section describes protocol types and constants.

Appendix B. Glossary

   A widget is a small device that speaks the protocol.
"""
)

LETTER_GLUED = (
    _WIDGET_HEAD
    + """\
   A. Protocol constant values ......................................3
           A.1. Record layer ............................................3
           A.2. Hello messages ..........................................3
           A.3.Handshake finalization message ...........................3
"""
    + _WIDGET_BODY
    + """\

Appendix A. Protocol Constant Values

   This section describes protocol types and constants.

A.1. Record Layer

   The record layer carries messages.

A.2. Hello Messages

   Hello messages start the exchange.

A.3. Handshake Finalization Message

   The finished message ends the exchange.
"""
)

ET_SEQ = """\
INTERNET-DRAFT                                       Charles H. Lindsey
Widget Format Working Group                       University of Example
                                                               May 2002

                        Widget Article Format

1. Introduction

   This document defines the format of widget articles.

2. Parameters

   The possibility of allowing Mime-style parameters to appear in all
   headers is provided mainly for the purpose of allowing future
   extensions to existing headers, since only a very few specific
   parameters are defined in this standard. Observe that such parameters
   do not, in general, occur in headers defined in other standards,
   except for the MIME standards [RFC 2045] et seq. and their
   extensions.

   Other parameters may be defined by future extensions.

3. Security Considerations

   None.
"""


def test_an_appendix_entry_labelled_after_its_letter_names_its_heading() -> None:
    # "B. Appendix - Glossary" lists "Appendix B. Glossary": the label moved, the title the same
    assert codes_lines(APPENDIX_LABELLED) == []


def test_an_appendix_section_s_number_glued_to_its_entry_s_title_is_its_number() -> None:
    # "A.3.Handshake finalization message": numbered "A.3.", as its heading is
    assert codes_lines(LETTER_GLUED) == []


def test_et_seq_ends_no_sentence() -> None:
    assert codes_lines(ET_SEQ) == []


COLON_TITLE = """\
INTERNET-DRAFT                                               J. Doe
Widget Working Group                                     Example Inc.
draft-doe-widget-00.txt                                    June 2001


                       The Example Widget Protocol

1. Abstract

   This document describes the example widget protocol in full.

2. Introduction

   Flexibility is one of the main strengths of the widget protocol.

3. Widget Option

   The widget sends a hello message and waits for the reply.

3.1. Usage of the Hello Message

   The hello message carries the name.

3.2. Usage of the Reply Message

   The reply message carries the answer.

4. Naming Conventions:

   To obtain a ticket, the client must determine the name of the
   server.  The following convention is used:

     host/MachineName@Realm

5. Summary

   The widget protocol is simple.

6. Security Considerations

   None.
"""


def test_a_short_numbered_title_with_a_colon_after_it_is_the_next_section() -> None:
    # "4. Naming Conventions:" between "3.2." and "5.": no gap from 3 to 5
    assert codes_lines(COLON_TITLE) == []
