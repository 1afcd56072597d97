"""Layouts of hand-written FAQs, HOWTOs and typed memos, and of the tools' own exports, as real
documents set them: each test is one class of layout, with the finding a careful editor expects
(none on a clean document)."""

from __future__ import annotations

from outlint.readers import text
from tests.conftest import codes_lines


def _toc(doc: str) -> list[tuple[int, str]]:
    return [(e.level, e.title) for e in text.read(doc.encode(), "in.txt").toc]


def _heads(doc: str) -> list[tuple[int, str]]:
    return [(h.level, h.title) for h in text.read(doc.encode(), "in.txt").facts.headings]


ANSWER = "An answer that runs to a full sentence, as answers do in a FAQ.\n\n"

# An untitled contents ("INDEX" is no contents title) whose groups are led by unnumbered "SECTION n"
# lines over numbered questions; one question wraps over five lines, in the contents and the body.
LONG_QUESTION = (
    "When there is a very long wrapped line and a line\n"
    "      does not fit on the screen it is not displayed at all. There\n"
    "      are blank lines beginning with a symbol instead of the wrapped\n"
    "      line. If I scroll the screen the symbols disappear and the\n"
    "      line is displayed again. What setting controls this?\n"
)
FAQ = (
    "This FAQ is made of the questions asked on the mailing list.\n\nINDEX\n\n"
    "SECTION 1 - GENERAL INFORMATION\n"
    "    1.1. What is it?\n    1.2. Who wrote it?\n    1.3. Is it free?\n    1.4. Does it run here?\n"
    "    1.5. Is it fast?\n\n"
    "SECTION 2 - RESOURCES\n"
    "    2.1. Where can I learn more?\n    2.2. Is there a mailing list?\n"
    "    2.3. " + LONG_QUESTION.replace("      ", "         ") + "\n"
    "SECTION 3 - UNICODE\n    3.1. Can I write Unicode?\n\n"
    "=====================================================================\n\n"
    "SECTION 1 - GENERAL INFORMATION\n\n\n"
    "1.1. What is it?\n\n"
    + ANSWER
    + "1.2. Who wrote it?\n\n"
    + ANSWER
    + "1.3. Is it free?\n\n"
    + ANSWER
    + "1.4. Does it run here?\n\n"
    + ANSWER
    + "1.5. Is it fast?\n\n"
    + ANSWER
    + "=====================================================================\n\n"
    "SECTION 2 - RESOURCES\n\n\n"
    "2.1. Where can I learn more?\n\n"
    + ANSWER
    + "2.2. Is there a mailing list?\n\n"
    + ANSWER
    + "2.3. "
    + LONG_QUESTION
    + "\n"
    + ANSWER
    + "=====================================================================\n\n"
    "SECTION 3 - UNICODE\nAuthor: A. Writer <writer at example.org>\n\n\n"
    "3.1. Can I write Unicode?\n\n" + ANSWER
)


def test_unnumbered_group_lines_begin_an_untitled_contents() -> None:
    toc = _toc(FAQ)
    assert toc[0] == (1, "GENERAL INFORMATION")
    assert [level for level, title in toc if title == "RESOURCES"] == [1]
    assert (2, "What is it?") in toc


def test_a_question_the_contents_lists_wraps_over_any_number_of_lines() -> None:
    assert (2, " ".join(LONG_QUESTION.split())) in _heads(FAQ)


def test_a_byline_under_a_title_in_capitals_is_not_part_of_it() -> None:
    assert (1, "UNICODE") in _heads(FAQ)


def test_clean_faq() -> None:
    assert codes_lines(FAQ) == []


def test_the_faq_with_a_question_left_out_of_its_contents() -> None:
    doc = FAQ.replace(
        "1.5. Is it fast?\n\n" + ANSWER, "1.5. Is it fast?\n\n" + ANSWER + "1.6. Can I sell it?\n\n" + ANSWER
    )
    assert codes_lines(doc, "OL1") == [("OL102", doc.splitlines().index("1.6. Can I sell it?") + 1)]


# A HOWTO's contents that lists, under each numbered chapter, the questions it answers.
HOWTO = (
    "Startup How-To\n\nIndex with some questions that are answered in the chapter:\n\n"
    " 1. First steps\n 2. Basic usage\n      \u25a1 How can I switch windows?\n"
    "      \u25a1 But alt-1 does not work!\n 3. Server automation\n"
    "      \u25a1 How do I connect at startup?\n 4. Logging\n 5. Proxies\n 6. Settings\n\n"
    "1. First steps\n\nIRC networks are made of servers, and servers have channels.\n\n"
    "2. Basic usage\n\nWindows can be scrolled up and down with the page keys.\n\n"
    "3. Server automation\n\nServers can be connected to at startup with a command.\n\n"
    "4. Logging\n\nLogging is done with the log command of the client.\n\n"
    "5. Proxies\n\nA proxy sits between the client and the server.\n\n"
    "6. Settings\n\nSettings are changed with the set command.\n"
)


def test_bulleted_topics_under_numbered_entries_are_no_entries() -> None:
    assert [title for _, title in _toc(HOWTO)] == [
        "First steps",
        "Basic usage",
        "Server automation",
        "Logging",
        "Proxies",
        "Settings",
    ]
    assert codes_lines(HOWTO) == []


def test_bulleted_entries_are_entries_of_their_own() -> None:
    doc = (
        "Table of Contents\n\n  Background\n\n     * Domain Names\n     * SMTP and Sendmail\n\n"
        "  Building\n\n     * Compile-time Options\n\n"
        "Background\n\nSome background.\n\n  Domain Names\n\nNames are written so.\n\n"
        "  SMTP and Sendmail\n\nMail is sent so.\n\nBuilding\n\nHow to build.\n\n"
        "  Compile-time Options\n\nOptions are set so.\n"
    )
    assert [title for _, title in _toc(doc)] == [
        "Background",
        "Domain Names",
        "SMTP and Sendmail",
        "Building",
        "Compile-time Options",
    ]


def test_a_title_hyphenated_where_it_wraps_is_the_entry_title() -> None:
    doc = (
        "Contents\n\n  1. Scope\n  2. Where can I get a full description of the regular\n"
        "     expressions?\n\n"
        "1. Scope\n\nThe scope of this text.\n\n"
        "2. Where can I get a full description of the regular expres-\n   sions?\n\nIn the manual.\n"
    )
    assert codes_lines(doc, "OL1") == []


def test_a_request_name_repeated_over_its_definition_is_no_heading() -> None:
    doc = (
        "Table of Contents\n\n1. Introduction\n2. Requests\n\n    QueryVersion\n    Generate\n\n"
        "Chapter 1. Introduction\n\nThe extension adds security.\n\n"
        "Chapter 2. Requests\n\nQueryVersion\n\nThis request returns the version numbers.\n\n"
        "QueryVersion\n\nclient-major-version  CARD16\n\n"
        "Generate\n\nThis request creates an authorization.\n"
    )
    assert [title for _, title in _heads(doc)] == ["Introduction", "Requests", "QueryVersion", "Generate"]
    assert codes_lines(doc, "OL1") == []


def test_a_memo_footer_with_a_page_word_is_layout() -> None:
    page = "   Samar, Schemers                                                   Page {}\n"
    head = "   OSF-RFC 86.0                      PAM                       October 1995\n"
    body = "      This paragraph goes on over the page break of the typed memo and\n      ends here.\n"
    doc = "1. INTRODUCTION\n\n" + body
    for n in range(1, 5):
        doc += "\n\n\n" + page.format(n) + "\n" * 7 + head + "\n\n\n" + body
    assert codes_lines(doc, "OL3") == []


def test_a_command_between_rules_is_a_listing_not_a_heading() -> None:
    doc = (
        "Create a branch and check it out:\n\n"
        "------------------------------------------------\n$ git switch -c new v2.6.13\n"
        "------------------------------------------------\n\nThe working tree then holds that version.\n"
    )
    assert _heads(doc) == []


def test_a_bare_release_number_is_a_release() -> None:
    doc = "Version History\n===============\n\n2.0\n===\n\n* Changed a function.\n\n1.1\n===\n\n* Added a function.\n\n"
    doc += "1.0\n===\n\n* Initial release.\n"
    assert codes_lines(doc, "OL2") == []


def test_sub_pages_listed_at_the_end_of_an_index_page() -> None:
    doc = "jsonschema\n**********\n\nA validator of JSON documents.\n\nContents\n========\n\n"
    for name in ("Schema Validation", "The Basics", "Type Checking", "Handling Errors", "FAQ", "API Reference"):
        doc += f"* {name}\n\n"
    doc += "* jsonschema\n\n\nIndices and tables\n------------------\n\n* *genindex*\n"
    assert codes_lines(doc, "OL1") == []


def test_an_unnumbered_heading_takes_its_rules_level() -> None:
    # (a part of an Info file split in pieces starts inside a chapter: its first rule is a section's)
    doc = (
        "22.3 Log\n========\n\nThe log of a window, where a split file starts.\n\n"
        "23 Files\n********\n\nThe files it reads.\n\n23.1 Rc\n=======\n\nThe run-control file.\n\n"
        "24 Credits\n**********\n\nAuthors\n=======\n\nThe authors are many.\n\n"
        "24.1 Copying\n============\n\nThe licence.\n"
    )
    assert (2, "Authors") in _heads(doc)
    assert codes_lines(doc, "OL3") == []


MAN_HEAD = "RUP(1)                      General Commands Manual                      RUP(1)\n\n"


def test_cjk_manual_entries_need_no_full_stop() -> None:
    doc = MAN_HEAD + (
        "名前\n     rup リモートホストの状態を表示する\n\n書式\n     rup [-dshlt] [host ...]\n\n"
        "説明\n     rup はリモートホストの状態を表示する。これはネットワーク上のホストを調べる。\n\n"
        "ファイル\n       /etc/mtab マウントされているファイルシステムの一覧\n\n"
        "関連項目\n       info; Using GNU CC, Richard M. Stallman.  中のエントリ `gcc'\n\n"
        "ハードウェア機能\n       x86 (32-bit のみ)\n              acpi, apic, clflush, cmov, cx8, dts,\n"
        "              sse2, tm\n\n"
        "総覧\n       diff [选项] 源文件 目标文件\n\n"
        "バグ\n     バグがあれば報告する。報告は作者に送る。\n"
    )
    assert codes_lines(doc, "OL3") == []


def test_cjk_prose_cut_short_is_still_reported() -> None:
    doc = (
        MAN_HEAD + "名前\n     rup リモートホストの状態を表示する\n\n"
        "説明\n     rup はリモートホストの状態を表示する。これはネットワーク上の\n\n"
        "バグ\n     バグがあれば報告する。\n"
    )
    assert codes_lines(doc, "OL302") == [("OL302", 7)]


# Questions grouped under capitals in the contents only, each group numbered from the next ten
# ("3.2." then "3.10."), and chapter titles in capitals over the first group line.
GROUPED = (
    "THE FROB FAQ\n\nCONTENTS\n\n"
    "1. GENERAL INFORMATION\n1.1. How this FAQ is organized\n1.2. Credits\n\n"
    "2. EXAMPLES\nONE-CHARACTER QUESTIONS\n2.1. How do I insert a newline?\n2.2. How do I show control codes?\n\n"
    "CHANGING STRINGS\n2.10. How do I search without case?\n2.11. How do I match only the first one?\n\n"
    "3. WHY ISN'T THIS WORKING?\n3.1. Why are my variables not expanded?\n\n"
    "------------------------------\n\n"
)
for _q in (
    "1. GENERAL INFORMATION",
    "1.1. How this FAQ is organized",
    "1.2. Credits",
    "2. EXAMPLES",
    "2.1. How do I insert a newline?",
    "2.2. How do I show control codes?",
    "2.10. How do I search without case?",
    "2.11. How do I match only the first one?",
    "3. WHY ISN'T THIS WORKING?",
    "3.1. Why are my variables not expanded?",
):
    GROUPED += f"{_q}\n\n   {ANSWER}"


def test_questions_grouped_by_tens_under_contents_only_labels() -> None:
    # the group lines label the contents' own groups (no section sits unnumbered inside a numbered
    # run), the first is no wrap of the chapter title over it, and "2.10." after "2.2." is the
    # ten the next group starts at, as the contents numbers it too
    assert _toc(GROUPED)[3:5] == [(1, "EXAMPLES"), (2, "ONE-CHARACTER QUESTIONS")]
    assert codes_lines(GROUPED) == []


def test_a_question_lost_from_a_group_numbered_by_tens_is_still_a_gap() -> None:
    # (the contents numbers the jump as well, but to no round ten)
    doc = GROUPED.replace("2.11. How do I match", "2.12. How do I match")
    lines = doc.splitlines()
    line = len(lines) - lines[::-1].index("2.12. How do I match only the first one?")
    assert codes_lines(doc) == [("OL201", line)]


def test_group_labels_repeated_in_the_body_sit_beside_their_questions() -> None:
    # the body repeats the group lines over their questions: a label takes the level of the
    # questions it groups, has no text of its own, and starts no numbering
    body_start = GROUPED.index("1. GENERAL INFORMATION\n\n")
    doc = GROUPED[:body_start] + GROUPED[body_start:].replace(
        "2.1. How do I insert", "ONE-CHARACTER QUESTIONS\n\n2.1. How do I insert"
    ).replace("2.10. How do I search", "CHANGING STRINGS\n\n2.10. How do I search")
    heads = _heads(doc)
    assert (2, "ONE-CHARACTER QUESTIONS") in heads and (2, "CHANGING STRINGS") in heads
    assert codes_lines(doc) == []
    # a question lost at the end of a group is one lost entry, not a gap too
    lost = doc.replace("2.2. How do I show control codes?\n\n   " + ANSWER, "")
    assert lost.count("2.2. How do I show control codes?") == 1  # its entry only
    line = lost.splitlines().index("2.2. How do I show control codes?") + 1
    assert codes_lines(lost) == [("OL101", line)]


# A FAQ whose contents completes a chapter's question ("How does zsh differ from...?" / "sh and
# ksh?") and says more of a question than its heading ("(Plus important compilation notes)").
ZSH_LIKE = (
    "Contents:\n"
    "Chapter 1:  Introducing the shell\n"
    "1.1. What is it?\n"
    "1.2. On what machines will it run?  (Plus important compilation notes)\n"
    "\n"
    "Chapter 2:  How does the shell differ from...?\n"
    "2.1. sh and ksh?\n"
    "2.2. csh?\n"
    "\n"
    "Chapter 1:  Introducing the shell\n"
    "\n\n"
    "1.1: What is it?\n"
    "\n" + ANSWER + "\n"
    "1.2: On what machines will it run?\n"
    "\n" + ANSWER + "\n"
    "Chapter 2:  How does the shell differ from...?\n"
    "\n\n"
    "2.1: Differences from sh and ksh\n"
    "\n" + ANSWER + "\n"
    "2.2: {title}\n"
    "\n" + ANSWER
)


def test_entries_that_complete_their_chapters_question_are_its_headings() -> None:
    assert codes_lines(ZSH_LIKE.format(title="Similarities with csh")) == []
    # a heading that does not end with the entry's words was renamed
    assert codes_lines(ZSH_LIKE.format(title="Similarities with tcsh"), "OL103") == [("OL103", 31)]


def test_cjk_bullets_right_under_a_numbered_title_are_its_body() -> None:
    doc = (
        "1. Canna 3.7までの主要な変更点\n\n"
        "1.1 Canna 3.7p3での変更点\n"
        "・辞書にいくつかの修正を加えました。\n"
        "・jrkanji.hにCANNA_JR_BEEP_FUNC_DECLAREDというマクロを追加しました。\n\n"
        "1.2 Canna 3.7p2での変更点\n"
        "・X.Org版imakeでmakeできない問題を修正しました。\n\n"
        "1.2 Canna 3.7p1での変更点\n"
        "・FreeBSD, Solaris, AIXなどでmakeできない問題を修正しました。\n"
    )
    assert [t for _, t in _heads(doc)][1] == "Canna 3.7p3での変更点"
    assert codes_lines(doc) == [("OL202", 10)]


# A FAQ whose headings are framed by equals signs, as wiki-like plain text marks them: the title
# and its part labels, an index of the questions (numbered, one to a paragraph, one wrapped), and
# the answers under framed questions (one wrapped over two lines), numbered as the index numbers them.
QUESTIONS = [
    "What is it?",
    "How do I try it out?",
    "What licence is it released under?",
    "How do I convert an old configuration file into the format the new release reads?",
    "Where do I report bugs?",
]
FRAMED_FAQ = (
    "==== Widget FAQ ====\n\n=== FREQUENTLY ASKED QUESTIONS ===\n\n== INDEX ==\n\n"
    + "".join(f"{k}. {q}\n\n" for k, q in enumerate(QUESTIONS, 1)).replace(
        "the format the new ", "the format the new\n"
    )
    + "== ANSWERS ==\n\n"
    + "".join(f"== {k}. {q} ==\n\n{ANSWER}" for k, q in enumerate(QUESTIONS, 1)).replace(
        "the format the new ", "the format the new\n"
    )
    + "The last answer leads us to the next question:\n\n"
    + "== 6. Can I run it on a timer? ==\n\nYes. Default value: 8\n"
)


def test_framed_titles_are_headings_ranked_by_their_frames() -> None:
    # the index's numbered lines are no headings; the questions framed as the label above them
    # are its items, one level down; a colon leading to the next question and a closing field
    # are no cut
    heads = _heads(FRAMED_FAQ)
    assert heads[:4] == [(1, "Widget FAQ"), (2, "FREQUENTLY ASKED QUESTIONS"), (3, "INDEX"), (3, "ANSWERS")]
    assert heads[4:] == [(4, q) for q in QUESTIONS] + [(4, "Can I run it on a timer?")]
    assert codes_lines(FRAMED_FAQ) == []


def test_a_framed_caption_over_a_listing_is_no_heading() -> None:
    doc = "Scripts\n=======\n\nHere are the scripts that simplify all this.\n\n" + "".join(
        f"==== {n} script ====\n# {n.title()} a branch in the tree.\ngit {n} origin\n\n"
        for n in ("update", "merge", "status")
    )
    assert _heads(doc) == [(1, "Scripts")]


# A README whose contents numbers its entries over centred headings that carry no numbers, all of
# them: the numbers are the contents' own
CENTRED_README = (
    "\t\t  Frobnik Toolkit README\n"
    "\n"
    "Read this file before you use the toolkit.\n"
    "\n"
    "\t\t\tTABLE OF CONTENTS\n"
    "\n"
    "\t1\tWHERE TO LOOK\n"
    "\t2\tBUILDING IT\n"
    "\t 2.1\t UNPACKING IT\n"
    "\t3\tHISTORY\n"
    "\n"
    "\t\t\tWHERE TO LOOK\n"
    "\n"
    "The manual pages live in the doc folder of the source tree.\n"
    "They cover every command of the kit.\n"
    "\n"
    "\t\t\tBUILDING IT\n"
    "\n"
    "You need a compiler and the make tool to build the toolkit.\n"
    "\n"
    "\t\t\tUNPACKING IT\n"
    "\n"
    "Unpack the archive with the tar tool and change into its folder.\n"
    "\n"
    "\t\t\t  HISTORY\n"
    "\n"
    "The toolkit was first written by Olen Varga in the year of the flood.\n"
    "It has been kept up by many hands since then.\n"
)


def test_a_contents_numbering_headings_that_carry_no_numbers_is_its_scheme() -> None:
    assert codes_lines(CENTRED_README) == []
    # one heading of a numbered document that lost its number is still reported
    numbered = (
        CENTRED_README.replace("WHERE TO LOOK\n\nThe", "1 WHERE TO LOOK\n\nThe")
        .replace("\t\t\tBUILDING IT\n", "\t\t\t2 BUILDING IT\n")
        .replace("\t\t\tUNPACKING IT\n", "\t\t\t2.1 UNPACKING IT\n")
    )
    assert [c for c, _ in codes_lines(numbered)] == ["OL104"]


# A chapter's numbered title right over its first section's, with no blank line between them
STACKED = (
    "Frob Protocol\n"
    "\n"
    "1. Background\n"
    "\n"
    "The frob protocol carries the address of the first sender.\n"
    "\n"
    "2. Implementations\n"
    "\n"
    "The protocol is used by many proxies and load tools.\n"
    "\n"
    "\n"
    "3. Benefits\n"
    "3.1. Multiple layers\n"
    "\n"
    "The first benefit is that layers of proxies can be chained while the first\n"
    "address is kept.\n"
    "\n"
    "\n"
    "3.2. Mixed networks\n"
    "\n"
    "The protocol also eases the mix of old and new networks.\n"
    "\n"
    "\n"
    "3.3. Many return paths\n"
    "\n"
    "The protocol lets a server answer over more than one path.\n"
    "\n"
    "\n"
    "4. Security\n"
    "\n"
    "Only trusted senders may use the header.\n"
)


def test_a_title_stacked_on_its_first_section_s_title_is_two_headings() -> None:
    assert _heads(STACKED)[2:5] == [(1, "Benefits"), (2, "Multiple layers"), (2, "Mixed networks")]
    assert codes_lines(STACKED) == []


def test_a_stacked_pair_the_contents_lists_is_two_headings_not_a_chapter_s_list() -> None:
    # an FAQ's contents lists every chapter and question; in the body each chapter's title sits
    # right over its first question's: two headings, not a chapter's own list of its entries
    titles = ["1. Background", "2. Implementations", "3. Benefits", "3.1. Multiple layers"]
    titles += ["3.2. Mixed networks", "3.3. Many return paths", "4. Security"]
    contents = "Frob Protocol FAQ\n\n\n" + "".join(f"{t}\n" for t in titles) + "\n\n"
    assert codes_lines(contents + STACKED.split("\n", 2)[2], "OL1") == []


# A manual whose contents is titled "Summary", as HAProxy's configuration manual titles its own
SUMMARY_CONTENTS = (
    "Frobnik Configuration Manual\n"
    "\n"
    "This document covers the frobnik configuration language.\n"
    "The summary below helps you find sections by name.\n"
    "\n"
    "\n"
    "Summary\n"
    "-------\n"
    "\n"
    "1.    Frob part 1\n"
    "1.1.      The w1 model\n"
    "1.2.      The w1 request\n"
    "\n"
    "2.    Frob part 2\n"
    "2.1.      The w2 model\n"
    "2.2.      The w2 request\n"
    "\n"
    "3.    Frob part 3\n"
    "3.1.      The w3 model\n"
    "3.2.      The w3 request\n"
    "\n"
    "4.    Frob part 4\n"
    "4.1.      The w4 model\n"
    "4.2.      The w4 request\n"
    "\n"
    "\n"
    "1. Frob part 1\n"
    "--------------\n"
    "\n"
    "This part tells about frob part 1 in full.\n"
    "\n"
    "1.1. The w1 model\n"
    "-----------------\n"
    "\n"
    "Each frob of this kind carries a header and a body.\n"
    "\n"
    "1.2. The w1 request\n"
    "-------------------\n"
    "\n"
    "Each frob of this kind carries a header and a body.\n"
    "\n"
    "2. Frob part 2\n"
    "--------------\n"
    "\n"
    "This part tells about frob part 2 in full.\n"
    "\n"
    "2.1. The w2 model\n"
    "-----------------\n"
    "\n"
    "Each frob of this kind carries a header and a body.\n"
    "\n"
    "2.2. The w2 request\n"
    "-------------------\n"
    "\n"
    "Each frob of this kind carries a header and a body.\n"
    "\n"
    "3. Frob part 3\n"
    "--------------\n"
    "\n"
    "This part tells about frob part 3 in full.\n"
    "\n"
    "3.1. The w3 model\n"
    "-----------------\n"
    "\n"
    "Each frob of this kind carries a header and a body.\n"
    "\n"
    "3.2. The w3 request\n"
    "-------------------\n"
    "\n"
    "Each frob of this kind carries a header and a body.\n"
    "\n"
    "4. Frob part 4\n"
    "--------------\n"
    "\n"
    "This part tells about frob part 4 in full.\n"
    "\n"
    "4.1. The w4 model\n"
    "-----------------\n"
    "\n"
    "Each frob of this kind carries a header and a body.\n"
    "\n"
    "4.2. The w4 request\n"
    "-------------------\n"
    "\n"
    "Each frob of this kind carries a header and a body.\n"
    "\n"
)


def test_a_contents_titled_summary_is_the_contents() -> None:
    assert len(_toc(SUMMARY_CONTENTS)) == 12
    assert codes_lines(SUMMARY_CONTENTS) == []


def test_an_underlined_a_starts_the_letters_it_is_no_answer_label() -> None:
    doc = (
        "本文提供一個簡單的範例，說明如何安裝這個套件。\n\n"
        "A. 所需的套件:\n===================\n\n我們需要兩個套件，分別是第一個和第二個。\n\n"
        "B. 安裝路徑:\n=============\n\n由於我的系統是隨著發行版而來的，其所在的路徑與一般的不同。\n\n"
        "C. 安裝步驟:\n=============\n\n請依照以下的步驟進行安裝。\n"
    )
    assert codes_lines(doc) == []
    assert [h.number.label for h in text.read(doc.encode(), "in.txt").facts.headings if h.number] == ["A.", "B.", "C."]


def test_questions_numbered_with_a_closing_parenthesis_chain_under_their_chapters() -> None:
    # Anope's FAQ: "1) General" over "1.1) What is Anope?"; a question wrapped in the contents
    doc = (
        "Table of Contents\n-----------------\n\n1) General\n    1.1) What is it?\n"
        "    1.2) Your program doesn't do XYZ like the other one does.\n         What's wrong?\n"
        "2) Installation\n    2.1) Where is it?\n\n"
        "1) General\n\n1.1) What is it?\n\n    "
        + ANSWER
        + "1.2) Your program doesn't do XYZ like the other one does.\n     What's wrong?\n\n    "
        + ANSWER
        + "2) Installation\n\n2.1) Where is it?\n\n    "
        + ANSWER
    )
    assert _toc(doc) == [
        (1, "General"),
        (2, "What is it?"),
        (2, "Your program doesn't do XYZ like the other one does. What's wrong?"),
        (1, "Installation"),
        (2, "Where is it?"),
    ]
    assert codes_lines(doc) == []


FRAMED_CHAPTERS = (
    "Contents\n\n1. About Frob\n\n     1.1  What is frob?\n     1.2  Where is it?\n     1.3  Is it free?\n\n"
    "2. Installation\n\n     2.1  How do I build it?\n\n\n"
    + "=" * 70
    + "\n"
    + " " * 28
    + "1 - About Frob\n"
    + "=" * 70
    + "\n\n1.1  What is frob?\n\nA: "
    + ANSWER
    + "1.2  Where is it?\n\nA: Here is the list description, as the list owner wrote it:\n\n"
    "   Description\n   -----------\n\n   This list is for talk about frob and all that goes with it.\n\n"
    "   Instructions\n   ------------\n\n   To send a message to the list, write to the list's address.\n\n"
    "1.3  Is it free?\n\nA: "
    + ANSWER
    + "=" * 70
    + "\n"
    + " " * 28
    + "2 - Installation\n"
    + "=" * 70
    + "\n\n2.1  How do I build it?\n\nA: "
    + ANSWER
)


def test_chapter_titles_centred_between_rules_and_titles_inside_an_answer() -> None:
    # the fvwm FAQ's layout: the chapters are titles centred between full rules; the mailing
    # list's own underlined "Description" is part of the answer it is quoted in
    heads = _heads(FRAMED_CHAPTERS)
    assert (1, "About Frob") in heads and (1, "Installation") in heads
    assert (3, "Description") in heads and (3, "Instructions") in heads
    assert codes_lines(FRAMED_CHAPTERS) == []


def test_a_rule_that_closes_every_answer_underlines_no_title() -> None:
    # each answer ends with a rule of "=" and each question starts under a rule of "-"; the last
    # answer ends on one line, and the closing words are one line between rules
    rule, close = "-" * 60, "=" * 60
    answers = "".join(
        f"{rule}\n{n}  How do I do thing number {n}?\n\nA: You do it the way the manual says.\n"
        f"Then you check that it worked.\n{close}\n\n"
        for n in ("1.1", "1.2", "1.3")
    )
    doc = (
        "1. About\n\n  1.1  How do I do thing number 1.1?\n  1.2  How do I do thing number 1.2?\n"
        "  1.3  How do I do thing number 1.3?\n  1.4  How do I do thing number 1.4?\n\n"
        + close
        + "\n\n"
        + answers
        + f"{rule}\n1.4  How do I do thing number 1.4?\n\nA: It is in the manual.\n\n"
        "See also the other files in the doc/ directory, especially the manual.\n"
        f"{close}\n\n{rule}\nGood luck!\n{close}\n"
    )
    assert codes_lines(doc) == []


def test_chapters_only_the_contents_has_group_its_questions() -> None:
    # the fvwm-themes FAQ: an untitled contents at the top; the body runs from question to
    # question, each under a rule, and the chapters are the contents' grouping
    questions = [
        ("1.1", "What is frob?"),
        ("1.2", "Who wrote it?"),
        ("1.3", "Is it free?"),
        ("1.4", "Does it run here?"),
        ("1.5", "Is it fast?"),
        ("2.1", "How do I set it up?"),
        ("2.2", "Where is the file?"),
        ("3.1", "Where do I ask?"),
    ]
    listed = {"1": "About Frob", "2": "Configuring", "3": "More info"}
    doc = "Frob Questions and Answers.\n\n"
    for chapter, title in listed.items():
        doc += f"{chapter}. {title}\n\n" + "".join(f"  {n}  {q}\n" for n, q in questions if n[0] == chapter) + "\n"
    doc += "=" * 60 + "\n\n" + "".join(f"{'-' * 60}\n{n}  {q}\n\nA: {ANSWER}" for n, q in questions)
    assert codes_lines(doc) == []
    # a question lost is still found
    lost = doc.replace(f"{'-' * 60}\n2.2  Where is the file?\n\nA: {ANSWER}", "")
    assert codes_lines(lost) == [("OL101", 14)]


def test_a_listed_title_with_its_text_right_under_it_is_a_heading() -> None:
    # cryptsetup's FAQ: its last section's title has its first line of text right under it
    chapters = ["General Questions", "Setup", "Common Problems", "Troubleshooting", "Security Aspects"]
    doc = "Frequently Asked Questions\n\nSections\n"
    doc += "".join(f"{k}. {t}\n" for k, t in enumerate(chapters, 1)) + "A. Contributors\n\n"
    doc += "".join(f"{k}. {t}\n\n{ANSWER}" for k, t in enumerate(chapters, 1))
    doc += "A. Contributors\nIn no particular order:\n\n  - Ann Author\n  - Bob Builder\n"
    assert [t for _, t in _heads(doc)][-1] == "Contributors"
    assert codes_lines(doc) == []


def test_questions_over_a_rule_shorter_than_themselves_are_headings() -> None:
    # Window Maker's FAQ underlines every question with one length of rule, wrapped or not
    rule = "-" * 34
    doc = (
        "Summary of Contents:\n\n1 - Introduction\n     1.1 What is Window Maker?\n"
        "     1.2 Why do no icons show up after installing Window Maker\n         when I followed all the directions?\n"
        "     1.3 When I run wmaker it complains about not being able to load any fonts.\n\n"
        f"1 - Introduction\n\n1.1 What is Window Maker?\n{rule}\n{ANSWER}"
        "1.2 Why do no icons show up after installing Window Maker\n"
        f"    when I followed all the directions?\n{rule}\n{ANSWER}"
        f"1.3 When I run wmaker it complains about not being able to load any fonts.\n{rule}\n{ANSWER}"
    )
    assert [t for _, t in _heads(doc)] == [
        "Introduction",
        "What is Window Maker?",
        "Why do no icons show up after installing Window Maker when I followed all the directions?",
        "When I run wmaker it complains about not being able to load any fonts.",
    ]
    assert codes_lines(doc) == []


def test_an_untitled_contents_starts_with_its_short_chapters() -> None:
    # GnuPG's FAQ: "1. GENERAL" over "1.1) What is GnuPG?", chapters of two or three questions a
    # blank line apart before the first long one; the contents has no title
    chapters = {
        "1. GENERAL": ["1.1) What is GnuPG?", "1.2) Is GnuPG compatible with PGP?"],
        "2. SOURCES of INFORMATION": ["2.1) Where can I find more information?", "2.2) Where do I get it?"],
        "3. USAGE": [f"3.{k}) How do I use feature number {k}?" for k in range(1, 7)],
    }
    doc = "GNUPG FREQUENTLY ASKED QUESTIONS\n\nThe index is generated automatically.\n\n\n"
    doc += "".join(f" {c}\n" + "".join(f"   {q}\n" for q in qs) + "\n" for c, qs in chapters.items()) + "\n"
    doc += "".join(f"{c}\n\n" + "".join(f"{q}\n\n    {ANSWER}" for q in qs) for c, qs in chapters.items())
    assert _toc(doc)[:2] == [(1, "GENERAL"), (2, "What is GnuPG?")]
    assert codes_lines(doc) == []


def test_pages_numbered_per_chapter_end_the_entries() -> None:
    # a typed manual numbers its pages within each chapter and appendix ("1-4", "A1-1"), and its
    # page feet say so ("Page A6-1")
    doc = (
        "                            Table Of Contents\n\n"
        " A. Foreword ................................................... A-1\n\n"
        " 1. Using This Manual .......................................... 1-1\n"
        "    1.1. General ............................................... 1-1\n"
        "    1.2. Popular Terms ......................................... 1-4\n\n"
        "Page A6-1\n\n"
        " 2. Installation ............................................... 2-1\n"
        " APPENDIX 1: The Menu Items .................................... A1-1\n\n"
        "A. Foreword\n\n"
        + ANSWER
        + "1. Using This Manual\n\n"
        + ANSWER
        + "1.1. General\n\n"
        + ANSWER
        + "1.2. Popular Terms\n\n"
        + ANSWER
        + "2. Installation\n\n"
        + ANSWER
        + "APPENDIX 1: The Menu Items\n\n"
        + ANSWER
    )
    assert [t for _, t in _toc(doc)] == [
        "Foreword",
        "Using This Manual",
        "General",
        "Popular Terms",
        "Installation",
        "The Menu Items",
    ]


def test_a_contents_that_picks_the_chapters_forgets_no_topic() -> None:
    # a game manual's contents lists its zones; the body sets each zone's topics in the same
    # capitals under the same rule
    zones = ["Zone 001 - Tutorial", "Zone 002 - Colonies", "Zone 003 - Spacecraft"]
    doc = "CONTENTS\n--------\n\n" + "".join(f"{z}\n" for z in zones) + "\n\n"
    for z in zones:
        doc += f"{z.upper()}\n{'-' * len(z)}\n\n{ANSWER}"
        for topic in ("USING THE MOUSE", "THE MAIN SCREEN", "BUILDING"):
            doc += f"{topic}\n{'-' * len(topic)}\n\n{ANSWER}"
    assert codes_lines(doc) == []
    # a contents that lists most of the headings still misses the one it leaves out
    listed = "CONTENTS\n--------\n\nTutorial\nColonies\nSpacecraft\n\n\n" + "".join(
        f"{t.upper()}\n{'-' * len(t)}\n\n{ANSWER}" for t in ("Tutorial", "Colonies", "Hints", "Spacecraft")
    )
    assert codes_lines(listed) == [("OL102", 19)]


def test_a_question_wrapped_at_its_hanging_indent_is_one_title() -> None:
    # the fvwm FAQ: a question of two sentences wraps at its title's column, in the contents (where
    # the second sentence reads as an entry of its own) and in the body
    doc = (
        "Contents\n\n1. Installation\n\n     1.1  Can I install it myself?\n"
        "     1.2  I want colored icons, but they won't work.  Why not?\n"
        "          When I run configure, it says no.  How can I get them?\n"
        "     1.3  Where is the manual?\n     1.4  Who wrote it?\n     1.5  Is it free?\n\n\n"
        "1. Installation\n\n1.1  Can I install it myself?\n\nA: "
        + ANSWER
        + "1.2  I want colored icons, but they won't work.  Why not?\n"
        "     When I run configure, it says no.  How can I get them?\n\nA: "
        + ANSWER
        + "".join(
            f"{n}  {q}\n\nA: {ANSWER}"
            for n, q in (("1.3", "Where is the manual?"), ("1.4", "Who wrote it?"), ("1.5", "Is it free?"))
        )
    )
    assert not [c for c, _ in codes_lines(doc) if c.startswith("OL3")]


NEWS = """GNU frob NEWS                                    -*- outline -*-

* Noteworthy changes in release 3.8 (2022-09-02) [stable]

** Bug fixes

  frob no longer crashes on an empty input file.
  [bug introduced in frob 3.5]

** New features

  The new --quiet option makes frob say nothing.

* Noteworthy changes in release 3.7 (2021-08-14) [stable]

** Bug fixes

  frob -r no longer loops on a symbolic link to its own directory.

** New features

  The --color option colours the matched text.

* Noteworthy changes in release 3.6 (2020-11-08) [stable]

** Bug fixes

  frob reads its input in larger blocks, so it is faster on pipes.
"""


def test_a_news_file_in_outline_mode_has_its_stars_as_headings() -> None:
    heads = _heads(NEWS)
    assert heads[:3] == [
        (1, "Noteworthy changes in release 3.8 (2022-09-02) [stable]"),
        (2, "Bug fixes"),
        (2, "New features"),
    ]
    assert codes_lines(NEWS) == []
    # the one category emptied among categories that all have their text lost it
    emptied = NEWS.replace("  frob -r no longer loops on a symbolic link to its own directory.\n\n", "")
    assert codes_lines(emptied) == [("OL301", 16)]
    # an entry of its own with nothing under it is no finding: outline files leave them so
    quiet = "** New features\n\n  The new --quiet option makes frob say nothing.\n\n"
    lone = NEWS.replace(quiet, "** Translations\n\n")
    assert codes_lines(lone) == []
    # one-line changes under a release are its items, not empty sections
    items = NEWS.replace("** Bug fixes\n\n  frob", "** Fix a crash\n\n** Remove warnings\n\n** Bug fixes\n\n  frob")
    assert codes_lines(items) == []


def test_a_page_word_before_the_page_number_ends_the_entry() -> None:
    doc = (
        "CONTENTS:\n\nFOREWORD; BY THE TEST PILOT.                PAGE  3\n\n"
        "INTRODUCTION;                               PAGE  5\n\n"
        "SIMULATION CONTROLS                         PAGE 31\n"
        "*VIEW CONTROLS                                   32\n\n"
        "Turn the page  3\n\n"
    )
    assert [t for _, t in _toc(doc)][:4] == [
        "FOREWORD; BY THE TEST PILOT.",
        "INTRODUCTION;",
        "SIMULATION CONTROLS",
        "*VIEW CONTROLS",
    ]


def test_an_outline_that_skips_a_run_of_stars_nests_one_level() -> None:
    doc = (
        "Frob NEWS    -*- outline -*-\n\n* Release 2.0\n\n*** Modules\n\n  The modules are new.\n\n"
        "*** Fonts\n\n  The fonts are new.\n\n* Release 1.0\n\n** Fonts\n\n  The first fonts.\n"
    )
    assert [lvl for lvl, _ in _heads(doc)] == [1, 2, 2, 1, 2]
    assert codes_lines(doc) == []


def test_a_list_of_questions_closed_by_a_rule_of_at_signs_and_a_question_over_a_note() -> None:
    # STUMP's FAQ: the rule of "@" closes the list of questions (no entry "@@@@"), and a question
    # with a note and its answer's label glued under it is still the question's heading
    questions = ["Q: What is moderation?", "Q: What risk does moderation introduce?", "Q: Which groups use it?"]
    doc = "Contents:\n\n" + "".join(f"{q}\n" for q in questions) + "\n" + "@" * 70 + "\n\n"
    doc += f"{questions[0]}\n\nA:\n\n{ANSWER}"
    doc += f"{questions[1]}\n[added by Gary Johnson]\nA:\n\n{ANSWER}"
    doc += f"{questions[2]}\n\nA:\n\n{ANSWER}"
    assert codes_lines(doc) == []
    assert [t for _, t in _toc(doc)] == questions


def test_questions_numbered_with_a_letter_after_their_number_leave_no_gap() -> None:
    # SMAUG's FAQ: "3a)", "3b)" are the questions of number 3, read as its text, not lost numbers
    doc = "1) Where is it?\n\n" + ANSWER + "2) Where can I get it?\n\n" + ANSWER
    doc += "3a) I have it, now what?\n\n" + ANSWER + "3b) How do I change its port?\n\n" + ANSWER
    doc += "4a) Why does it warn me?\n\n" + ANSWER + "5) Why will it not run?\n\n" + ANSWER
    doc += "6) Who wrote it?\n\n" + ANSWER
    assert codes_lines(doc, "OL2") == []
    # a number neither there nor lettered is still a gap ("7)" after "4a)": 5 and 6 lost)
    assert codes_lines(doc.replace("5) Why", "7) Why"), "OL201") == [("OL201", 21)]


def test_a_bare_numbered_entry_before_a_program_s_name_is_numbered() -> None:
    # Texinfo's contents: "6 preview-latex when not using LaTeX", as its underlined heading reads
    doc = (
        "Table of Contents\n*****************\n\n"
        "5 Troubleshooting\n  5.1 Strange error messages\n6 preview-latex when not using LaTeX\n"
        "  6.1 Does it work with PDFLaTeX?\n\n"
        "5 Troubleshooting\n*****************\n\n"
        + ANSWER
        + "5.1 Strange error messages\n==========================\n\n"
        + ANSWER
        + "6 preview-latex when not using LaTeX\n************************************\n\n"
        + ANSWER
        + "6.1 Does it work with PDFLaTeX?\n===============================\n\n"
        + ANSWER
    )
    assert codes_lines(doc, "OL1") == []
    assert text.read(doc.encode(), "in.txt").toc[2].number is not None


_ASKED = ["Q: What is moderation?", "Q: Who may moderate?", "Q: What skills are required?", "Q: Which groups use it?"]


def _asked(questions: list[str]) -> str:
    return "Contents\n\n" + "".join(f"{q}\n" for q in _ASKED) + "\n" + "".join(f"{q}\n\n{ANSWER}" for q in questions)


def test_a_question_asked_anew_since_the_contents_is_one_renamed_heading() -> None:
    # the third question reworded in the body: a heading, as the listed questions are set, and
    # the one left in its entry's place: one finding at the heading, not a lost entry and an
    # unlisted heading
    asked = [*_ASKED[:2], "Q: How much do I need to know about computers?", _ASKED[3]]
    assert codes_lines(_asked(asked)) == [("OL103", 16)]
    # an unlisted question added between two listed ones is missing from the contents
    added = [*_ASKED[:3], "Q: How do I get help?", _ASKED[3]]
    assert codes_lines(_asked(added)) == [("OL102", 20)]
    # a question inside an answer carries no label: no heading
    inside = _asked(_ASKED).replace(ANSWER, ANSWER + "Why would you?\n\n" + ANSWER, 1)
    assert codes_lines(inside) == []


def test_a_question_wrapped_before_a_number_in_the_contents_and_the_body() -> None:
    # lsof's FAQ: "3.43.7<TAB>Why hasn't ... for 64 bit HP-UX" over "<TAB>11 when lsof is compiled
    # with gcc?", the number of the second line no entry's, in the contents and over the answer
    questions = [
        ("3.43.6", "Why won't the LTdnlc test run?", None),
        ("3.43.7", "Why hasn't the test suite been qualified for 64 bit HP-UX", "11 when lsof is compiled with gcc?"),
        ("3.43.8", "Why does lsof have compilation problems on AIX", "5.3 above maintenance level 1?"),
        ("3.43.9", "Why does the LTszoff test fail?", None),
    ]
    contents = "".join(f"{n}\t{q}\n" + (f"\t{w}\n" if w else "") for n, q, w in questions)
    body = "".join(f"{n}\t{q}\n" + (f"\t{w}\n" if w else "") + "\n\t" + ANSWER for n, q, w in questions)
    doc = "Contents\n\n" + contents + "\n" + body
    assert codes_lines(doc) == []
    assert [t for _, t in _toc(doc)][
        1
    ] == "Why hasn't the test suite been qualified for 64 bit HP-UX 11 when lsof is compiled with gcc?"


def test_notices_boxed_in_stars_are_no_headings() -> None:
    # a README's warnings in boxes of stars: an alarm framed by "!!", a sentence framed by "**"
    doc = (
        "This directory contains the source files for frob.\n\n"
        "   *******************************************************************\n"
        "   !! Read frob/SECURITY for important installation information !!\n"
        "   *******************************************************************\n\n"
        "\t**********************************************************\n"
        "\t**  Read below for more details on building frob.\t**\n"
        "\t**********************************************************\n\n"
        "Building\n========\n\nRun make in this directory, then make install as root.\n"
    )
    assert codes_lines(doc) == []
    assert _heads(doc) == [(1, "Building")]
    # a title boxed in stars is still a heading
    titled = doc.replace("**  Read below for more details on building frob.\t**", "**  INSTALLATION  **")
    assert _heads(titled) == [(1, "**  INSTALLATION  **"), (2, "Building")]
