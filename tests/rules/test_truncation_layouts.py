"""Truncation rules judge prose only: one synthetic document per layout class that is not prose,
and the ends of documents cut mid-sentence, each with its exact finding."""

from __future__ import annotations

import pytest

from tests.conftest import lint


def report(doc: str, select: str = "OL3") -> list[str]:
    return [f"{f.span.line}:{f.span.column}: {f.code} {f.message}" for f in lint(doc, select)]


PROSE = "The tool reads its settings when it starts and writes a log of what it did."


@pytest.mark.parametrize(
    ("doc", "expected"),
    [
        pytest.param(
            f"1. Setup\n\n{PROSE}\n\nThe installer asks where to put the files and then copies",
            ['5:57: OL302 section "1. Setup" ends mid-sentence: "...put the files and then copies"'],
            id="document-ends-in-a-short-sentence",
        ),
        pytest.param(
            f"{PROSE}\n\nThe installer asks where to put the files and then copies",
            ['3:57: OL302 document ends mid-sentence: "...put the files and then copies"'],
            id="document-without-headings-ends-mid-sentence",
        ),
        pytest.param(
            f"1. Setup\n\n{PROSE}\n\nWhat the Installer Asks For",
            [],
            id="title-case-line-at-the-end-is-a-heading",
        ),
        pytest.param(f"1. Setup\n\n{PROSE}\n\nHappy hacking", [], id="short-closing-line"),
        pytest.param(
            "1. Setup\n\n" + "\n\n".join(f"Item {k} was changed in this release of the tool" for k in range(12)),
            [],
            id="document-that-uses-no-full-stops",
        ),
        pytest.param(
            "thanks to karsten, for many postgres specific suggestions\n\n"
            "to oliver for much postgres specific knowledge, and a few other ideas.\n\n"
            "to christian for many suggestions on the templates\n\n"
            "to tobias, julien and miguel for testing, ideas, and patches.\n\n"
            "all the other list members of the mailing list who shared their ideas and thoughts\n",
            [],
            id="short-list-of-thanks-without-full-stops",
        ),
        pytest.param(
            "I want to thank the following people for giving feedback, doing\n"
            "beta-testing or helping me some other way:\n\n"
            + "".join(
                f"{name:32}<{name.split()[-1].lower()}@mail.department.example.org>\n"
                for name in ("Frank Donahoe", "Holger Berger", "Laszlo Molnar", "Mark Adler", "Wolfgang Lugmayr")
            )
            + "Natascha\n",
            [],
            id="table-of-names-ends-in-a-short-row",
        ),
        pytest.param(
            "You should install the documentation package in order to get html documentation\n",
            [],
            id="document-of-one-line",
        ),
    ],
)
def test_document_end(doc: str, expected: list[str]) -> None:
    assert report(doc, "OL302") == expected


MAN = (
    "NAME\n       frob - frobnicate widgets\n\nOPTIONS\n"
    + "".join(f"       -{c}     Option {c} makes the tool frob each widget twice.\n\n" for c in "abcdefghijkl")
    + "BUGS\n       When writing to a tape, it is generally\n"
)


@pytest.mark.parametrize(
    ("doc", "expected"),
    [
        pytest.param(
            f"1. Setup\n\n{PROSE}\n\nAll of them are correct.  A static",
            ['5:34: OL302 section "1. Setup" ends mid-sentence: "...of them are correct. A static"'],
            id="two-words-after-a-complete-sentence",
        ),
        pytest.param(
            f"1. Setup\n\n{PROSE}\n\nThe home page is <https://www.example.org/frob/>.  The bug reports go",
            [
                '5:69: OL302 section "1. Setup" ends mid-sentence: "...is <https://www.example.org/frob/>. '
                'The bug reports go"'
            ],
            id="prose-that-cites-web-addresses",
        ),
    ],
)
def test_document_end_closer(doc: str, expected: list[str]) -> None:
    assert report(doc, "OL302") == expected


MAN_JA = (
    "名前\n       frob - ウィジェットを処理する\n\nオプション\n"
    + "".join(f"       -{c}\n              オプション{c}はウィジェットを二回処理します。\n\n" for c in "abcdefghijkl")
    + "バグ\n       まれに --best オプションによ\n"
)


def test_manual_page_in_japanese_ends_mid_sentence() -> None:
    # the section names set left of the body are headings: the cut is in the last section
    assert report(MAN_JA, "OL302") == [
        '42:25: OL302 section "バグ" ends mid-sentence: "...まれに --best オプションによ"'
    ]


def test_japanese_manual_page_cut_on_a_verb_stem_with_english_options() -> None:
    # text that stops on hiragana (a particle, a verb's stem) stops mid-sentence, among English
    # option descriptions in lower case
    doc = (
        "名前\n       frob - ウィジェットを処理する\n\nオプション\n"
        + "".join(f"       -{c}\n              print the widget {c} twice and stop\n\n" for c in "abcdefgh")
        + "".join(f"       -{c}\n              オプション{c}はウィジェットを二回処理します。\n\n" for c in "ijk")
        + "環境変数\n       SYSTEM $SYSTEM が設定さ\n"
    )
    assert report(doc, "OL302") == ['39:26: OL302 section "環境変数" ends mid-sentence: "...SYSTEM $SYSTEM が設定さ"']


def test_manual_page_ends_mid_sentence() -> None:
    assert report(MAN, "OL302") == ['30:46: OL302 section "BUGS" ends mid-sentence: "...to a tape, it is generally"']


def test_sentence_naming_an_option_is_cut_as_any_sentence() -> None:
    # "the --best option" names an option in a sentence: not a command line run at the end
    doc = MAN.replace("When writing to a tape, it is generally", "In some rare cases, the --best option")
    assert report(doc, "OL302") == [
        '30:44: OL302 section "BUGS" ends mid-sentence: "...some rare cases, the --best option"'
    ]
    command = MAN.replace("When writing to a tape, it is generally", "To see every widget, run frob --all")
    assert report(command, "OL302") == []


def test_entry_description_cut_under_its_term() -> None:
    # a definition entry's term over its description: the description's first line is the text
    # cut, not a line of its own under the line above it
    doc = (
        "5. Errors\n\n"
        + "".join(
            f"{t}\n\tA value for a {t.upper()} argument does not name a defined {t.upper()}.\n\n"
            for t in "Picture PictOp GlyphSet Format Filter Cursor Region Window Pixmap Colormap".split()
        )
        + "Glyph\n\tA value for a GLYPH argument does not\n"
    )
    assert report(doc, "OL302") == [
        '34:38: OL302 section "5. Errors" ends mid-sentence: "...for a GLYPH argument does not"'
    ]


@pytest.mark.parametrize(
    "doc",
    [
        pytest.param(
            "Changes\n=======\n\n"
            "Version 1.2\n-----------\n\n"
            "This version contains many fixes.\n- Update the parser to version 2\n- Make the cache optional\n",
            id="bullets-after-a-lead-sentence",
        ),
        pytest.param(
            "Options\n=======\n\nValid values are the following.\n\n"
            "\tdefault - perform the default completion if nothing\n\t\t  else produces any matches\n"
            "\tdirnames - perform directory name completion if\n\t\t   nothing else produces matches\n",
            id="term-dash-description-entries",
        ),
        pytest.param(
            "Filters\n=======\n\nThe filters are these.\n\n"
            "\tconvolution\tMxN convolution filter over the picture\n\t\t\tusing the given coefficients\n"
            "\tgaussian\tA blur using binomial coefficients\n",
            id="tab-separated-table",
        ),
        pytest.param(
            "Menu\n====\n\nEmulating standard utilities:\n"
            "* tac::                     Reverse lines of files\n"
            "* cat -s::                  Squeezing blank lines\n",
            id="info-menu",
        ),
        pytest.param(
            "1. Build\n\nThe library is built like this.\n\n"
            "   for f in *.c; do\n     cc -c $f\n   done\n\nThen install it with the command gcc x.c -o x -lfoo\n",
            id="ends-in-a-command-line",
        ),
        pytest.param(
            "1. Headers\n\nThese interfaces are defined in ‘<frob/eax.h>’\n\n2. Next\n\nText.\n",
            id="ends-in-a-quoted-name",
        ),
        pytest.param(
            "1. Bugs\n\nThe exceptions do not work with C libraries, so use the other flag (boo, bad choice :-)\n\n"
            "2. Next\n\nText.\n",
            id="ends-in-an-emoticon",
        ),
        pytest.param(
            f"{PROSE}\n\nEach value is shown as the number is printed.\n" + "-" * 60 + "\n", id="closing-rule"
        ),
        pytest.param(
            f"{PROSE}\n\n? Change the display to full screen\n\n? Apply the added capability\n", id="to-do-marks"
        ),
        pytest.param(f"{PROSE}\n\n[ ] make the probe optional\n[ ] get rid of the local copy\n", id="check-boxes"),
        pytest.param(
            f"{PROSE}\n\ncctree.vim - A Vim plugin to search the cross-reference\n"
            "\t     databases, see cctree.txt for details\n",
            id="one-term-dash-entry",
        ),
        pytest.param(
            f"{PROSE}\n\nBrowse to https://frob.example.org for more current information\n", id="closing-pointer"
        ),
        pytest.param(
            f"{PROSE}\n\n   slcov: produces coverage data for the\n     scripts.  See <https://example.org/slcov/>\n"
            "     for some examples\n",
            id="term-colon-entry",
        ),
        pytest.param(f"{PROSE}\n\nKim Lee:\nA21F AB74 B008 8AA3 6115 2586 B8EF 1A6B A9DA 2D5C\n", id="key-fingerprint"),
        pytest.param(
            f"1. Prefix\n\n   {PROSE}\n\n   hex 30 31 30 0d 06 09 60 86 48 01 65 03 04 02 01 05 00 04 20\n\n"
            "2. Next\n\n   Text.\n",
            id="octets-written-out",
        ),
        pytest.param(
            f"1. Example\n\n   {PROSE}\n\n   host.example. KEY  256 3 1 (\n"
            "                  AQPwHb4UL1U9RHaU8qP+Ts5bVOU1s7fYbj2b3CCbzNdj\n"
            "                  ) ; key id = 28668\n"
            "             DS   28668 1  1  49FD46E6C4B45C55D4AC69CBD3CD34AC1AFE51DE\n\n2. Next\n\n   Text.\n",
            id="key-and-digest-records",
        ),
        pytest.param(
            f"1. Zone\n\n   {PROSE}\n\n    $ORIGIN example.\n    @ IN   SOA\n"
            + "".join(
                f"    {n:<6} A         10.0.0.{k}\n    {n:<6} NXT x     A NXT    ; bit set to 1\n"
                for k, n in enumerate("abcd")
            )
            + "\n2. Next\n\n   Text.\n",
            id="zone-file-records-with-comments",
        ),
        pytest.param(
            f"1. Scope\n\n   {PROSE}\n\n2. References\n\n"
            '   Lee, K., "A Naming Scheme for Widgets and Their Parts", RFC 9999, March 1997\n\n'
            '   Park, J., Kim, S., "Widget Transport over Anything at All", Some Press, 2002\n\n3. Next\n\n   Text.\n',
            id="reference-entries-end-on-their-date",
        ),
        pytest.param(
            f"1. States\n\n   {PROSE}\n\n"
            "                   START <-----+\n"
            "     Recv ClientHello |        | Send HelloRetryRequest\n"
            " Can send             | [Send Certificate + CertificateVerify]\n"
            " app data             | Send Finished\n"
            "                      | K_recv = application\n"
            "                      v\n"
            "                   CONNECTED\n\n2. Next\n\n   Text.\n",
            id="diagram-lines-standing-alone",
        ),
        pytest.param(
            f"1. Scope\n\n   {PROSE}\n\n2. Thanks\n\n   The authors would like to thank the following people:\n"
            "      Peter Koch\n      Sean Leach\n      Dan Wing\n\n3. Next\n\n   Text.\n",
            id="names-under-the-sentence-that-introduces-them",
        ),
        pytest.param(
            f"1. Registry\n\n   {PROSE}\n\n   o  Parameter name: refresh_token\n"
            "   o  Parameter usage location: token request, token response\n   o  Change controller: IETF\n"
            "   o  Specification document(s): RFC 6749\n\n2. Next\n\n   Text.\n",
            id="registration-template",
        ),
        pytest.param(
            f"1. Limits\n\n   {PROSE}\n\n   labels          63 octets or less\n\n"
            "   UDP messages    512 octets or less\n\n"
            "2. Next\n\n   Text.\n",
            id="term-and-description-in-columns",
        ),
        pytest.param(
            f"1. Overview\n\n{PROSE}\nThe following command prints the lines that contain the word\n"
            "'typedef' in every file of the list that was made before.\n     xargs grep typedef < file-list\n\n"
            "2. Next\n\nText.\n",
            id="example-line-under-its-sentence",
        ),
    ],
)
def test_not_prose_is_not_cut(doc: str) -> None:
    assert report(doc, "OL302") == []


@pytest.mark.parametrize(
    "doc",
    [
        pytest.param(
            "1. Races\n\n   In fact, since the construction\n\n     find ... -print | xargs ...\n\n"
            "   does not cope with newlines in file names, the other form is safer.\n",
            id="sentence-around-a-display",
        ),
        pytest.param(
            "1. Keys\n\n   Before use, keys must be set up by calling one of\n\n"
            " -- Function: void key_init (struct key *KEY)\n     Sets up the key.\n\n"
            "   and when finished with them, the space must be freed.\n",
            id="sentence-around-a-signature",
        ),
        pytest.param(
            "NEWS\n\n  who: the indicator of whether a user accepts messages was wrong.\n\n"
            "  ls now sorts the names.\n\n  who now prints user names in full.\n\n"
            "  df no longer accepts the --kilobytes option.\n  who no longer accepts -i.\n",
            id="command-names-start-entries",
        ),
        pytest.param(
            "1. Build\n\nThe grammar comes from the standard.  The makefile builds sbc.  (for Standard BC)\n",
            id="parenthesis-after-a-full-stop",
        ),
        pytest.param(
            "1. Classes\n\n   Bracket expressions work in both *note basic: BRE syntax. and\n"
            "*note extended: ERE syntax. regular expressions.  *Note Actions::, for how to act.\n",
            id="info-cross-references",
        ),
        pytest.param(
            "1. Routes\n\n   Table 12: The routing table for the router.\n\n"
            "   the inter-area routes are associated with the backbone.\n",
            id="text-after-a-caption",
        ),
        pytest.param(
            "1. Debug\n\nValid debug options include:\n'rates'\n     Prints how often each test succeeded or\n"
            "     failed.\n'all'\n     Enable all of the other debug options.\n",
            id="info-table-entries",
        ),
        pytest.param(
            "1. Mistakes\n\n   This is an example of a vulnerable piece of code.\n\n     if (x == 2)\n      ...\n",
            id="code-with-an-ellipsis",
        ),
        pytest.param(
            f"1. Lookup\n\n   {PROSE}\n   {PROSE}\n   {PROSE}\n\n   Pseudocode:\n\n   for each name in (domains)\n"
            "     if name ends in <domain-spec>, return match.\n     if name is <domain-spec>, return match.\n"
            "   return no-match.\n",
            id="pseudo-code-one-statement-to-a-line",
        ),
        pytest.param(
            "1. Values\n\n   Rules such as those of RFC 2181, described in Sections 5.3 ff. and 6.2 of that\n"
            "   document, still apply to every zone.\n",
            id="and-following-abbreviated",
        ),
        pytest.param(
            "1. Options\n\n     All these options would collide with the existing options.\n\n"
            "       some option may get implemented in 6.1\n",
            id="note-set-deeper-under-the-text",
        ),
        pytest.param(
            "1. Delegation\n\n       policy Delegates if the flag is set in the ticket.\n\n"
            "       always Unconditionally allow the server to delegate.\n",
            id="term-with-its-description-on-its-line",
        ),
        pytest.param(
            "1. Labels\n\nFROM is a key word, so this does not work:\n\nSELECT a from, b FROM ...\n\n"
            "but either of these do:\n\nSELECT a AS from, b FROM ...\n",
            id="a-sentence-going-on-around-an-elided-example",
        ),
    ],
)
def test_not_a_fragment(doc: str) -> None:
    assert report(doc, "OL305") == []


def test_fragment_inside_wrapped_text_is_found() -> None:
    # the line above is full: the lowercase sentence is the wrapping's, inside running text
    doc = (
        "1. Paste\n\n     Define the speed text is inserted in the current window by the\n"
        "     paste command.  If the slowpaste value is nonzero text is written\n"
        "     after each write to allow the application to process the input.\n"
        "     only use slowpaste if your underlying system exposes flow control\n"
        "     problems while pasting large amounts of text.\n"
    )
    assert report(doc, "OL305") == [
        '6:6: OL305 sentence starts in lowercase: "input. only" (a fragment of a lost or garbled sentence?)'
    ]


def test_fragment_after_a_name_used_once_is_still_found() -> None:
    doc = "NEWS\n\n  diff no longer mishandles line numbers.\n\n  the option would cause a crash.\n"
    assert report(doc, "OL305") == [
        '5:3: OL305 paragraph starts in lowercase after a complete sentence: "the option would cause a crash." '
        "(a fragment of a lost or split sentence?)"
    ]


def test_info_node_ends_with_its_last_line() -> None:
    node = "\x1f\nFile: frob.info,  Node: {0},  Next: Other,  Up: Top\n\n{0}\n{1}\n\n"
    doc = "".join(
        node.format(f"{k} Part", "=" * 6) + "   The tool reads its settings when it starts.  Only the variables named\n"
        "in the file will be substituted in the\nresult.\n\n"
        for k in range(1, 4)
    )
    assert report(doc) == []


@pytest.mark.parametrize(
    "doc",
    [
        pytest.param(
            "1. Changes\n\nThe changes are these.\n\n"
            "a.  Unix systems now use the new file as the last resort for the settings.\n\n"
            "b.  Unix systems now use the other file as the default history file.\n\n"
            "2. Fixes\n\nThe fixes are these.\n",
            id="list-items-read-as-headings",
        ),
        pytest.param(
            "1. Events\n\nThe events are these.\n\n1.1 Types CURSOREVENT { DisplayCursor }\n\n"
            "1.2 Requests\n\nThe requests are these.\n",
            id="code-read-as-a-heading",
        ),
        pytest.param(
            "TERMS AND CONDITIONS\n\nYou may copy this program.\n\nEND OF TERMS AND CONDITIONS\n\n"
            "How to Apply These Terms\n\nAttach the notices to the program.\n",
            id="licence-end-marker",
        ),
        pytest.param(
            "Version 2.32.2\n==============\n\n- Fix a crash.\n\nVersion 2.32.1\n==============\n\n"
            "Version 2.32.0\n==============\n\n- Build against the new library.\n",
            id="release-with-no-notes",
        ),
        pytest.param(
            "DBM Libraries for use with Exim\n-------------------------------\n\nBackground\n----------\n\n"
            "Exim uses dbm files.\n\nLocking\n-------\n\nFiles are locked.\n",
            id="document-title-over-its-first-section",
        ),
    ],
)
def test_not_an_empty_section(doc: str) -> None:
    assert report(doc, "OL301") == []


BOOK = "".join(f"CHAPTER {n}\n\nThe rain stopped at noon and the road dried.\n\n\n\n\n" for n in range(1, 13))


@pytest.mark.parametrize(
    ("doc", "expected"),
    [
        pytest.param(BOOK, [], id="book-spacing-before-chapters"),
        pytest.param(
            BOOK.replace("CHAPTER 7\n", "\nBOOK TWO\n\n\n\n\nCHAPTER 7\n"), [], id="one-more-line-before-a-part-title"
        ),
        pytest.param(
            "Licence\n\nThis program is free software: you can share it and change it under the terms of the licence."
            "\n\n\n\n\n\n\nTHE FROB LIBRARY\n\nThe frob library frobs.\n",
            [],
            id="licence-header-then-title",
        ),
        pytest.param(
            "1. Routes\n\nThe routes are pictured in Figure 5.\n\n\n\n\n\n\n      ______________\n\n"
            "      (Figure not included in text version.)\n",
            [],
            id="space-for-a-figure",
        ),
        pytest.param(
            "1. Format\n\nThe fields are set by the server for the replies.\n\n\n\n\n\n\n\n"
            "Figure 1 is a description of the message format, which is shown below.\n",
            ['4:1: OL303 7 blank lines in section "1. Format": content may have been lost here'],
            id="prose-that-names-a-figure-after-a-gap",
        ),
    ],
)
def test_blank_runs_that_are_layout(doc: str, expected: list[str]) -> None:
    assert report(doc, "OL303") == expected


ZH_BODY = "".join(f"   第{k}段说明这个工具如何读取配置文件并记录它做过的事情。\n" for k in range(3))


@pytest.mark.parametrize(
    ("last", "expected"),
    [
        pytest.param("   本例中的本地主机名是 omega\n", [], id="chinese-sentence-without-its-full-stop"),
        pytest.param("   伊恩·默多克著，1994 年 1 月 6 日改定\n", [], id="chinese-byline"),
        pytest.param(
            "   工具在启动时读取配置文件，\n",
            ['6:16: OL302 section "1. 概述" ends mid-sentence: "...并记录它做过的事情。 工具在启动时读取配置文件，"'],
            id="chinese-stops-on-a-comma",
        ),
        pytest.param(
            "   rpc.yppasswdd を\n",
            ['6:18: OL302 section "1. 概述" ends mid-sentence: "...录它做过的事情。 rpc.yppasswdd を"'],
            id="japanese-stops-on-a-particle",
        ),
    ],
)
def test_cjk_sentence_between_sections(last: str, expected: list[str]) -> None:
    doc = f"1. 概述\n\n{ZH_BODY}{last}\n2. 下一节\n\n   正文。\n"
    assert report(doc, "OL302") == expected


@pytest.mark.parametrize(
    ("last", "expected"),
    [
        pytest.param(
            "   freely intermixed in a\n",
            ['5:25: OL302 section "1. Overview" ends mid-sentence: "...may be freely intermixed in a"'],
            id="stops-on-a-word-no-sentence-ends-on",
        ),
        pytest.param(
            "   freely intermixed in a master file, and the server reads both of them at\n",
            ['5:75: OL302 section "1. Overview" ends mid-sentence: "...server reads both of them at"'],
            id="stops-at-the-end-of-a-full-line",
        ),
        pytest.param(
            "   freely intermixed in the master files at any time when a zone loads again\n",
            ['5:76: OL302 section "1. Overview" ends mid-sentence: "...time when a zone loads again"'],
            id="full-line-on-a-word-of-substance",
        ),
        pytest.param("   freely intermixed in a master\n", [], id="only-the-full-stop-missing"),
    ],
)
def test_sentence_cut_between_sections(last: str, expected: list[str]) -> None:
    # a section's last sentence with no full stop lost the text after it when it stops on a word no
    # sentence ends on, or at the end of a full line; part-way along its line on a word of substance,
    # it only lacks its full stop
    doc = (
        "1. Overview\n\n   The server keeps a table of the zones it serves, and reloads a zone\n"
        "   whenever its serial number changes; relative and absolute names may be\n"
        f"{last}\n2. Next\n\n   Text.\n"
    )
    assert report(doc, "OL302") == expected


@pytest.mark.parametrize(
    "doc",
    [
        pytest.param(
            "Appendix A. The Manifesto\n\n    Written by Ian Murdock, revised on the first of June 1994, translated\n"
            "    into French by Christophe Le Bars\n\nA.1. What is it?\n\n    It is a new kind of distribution.\n",
            id="byline-ending-on-a-name",
        ),
        pytest.param(
            "A.2.3. Network boot\n\nThe easiest to set up is probably network booting.  For the details see\n"
            "Section 4.5, «Preparing Files for TFTP Net Booting»\n\nA.2.4. Hard disk boot\n\nBoot from the disk.\n",
            id="ends-on-a-title-in-guillemets",
        ),
        pytest.param(
            "4.11.16.4. Other user auditing methods\n\nThe snoopy tool logs every command a user runs.\n"
            "FIXME: Debian package for snoopy??? -->\n\n4.11.16.5. Reviewing logs\n\nRead them daily.\n",
            id="ends-in-an-authors-note",
        ),
    ],
)
def test_section_end_that_is_complete(doc: str) -> None:
    assert report(doc, "OL302") == []


CONTENTS_PAGE = """\
                         The Kernel Handbook

Table of Contents

1. About this handbook
    1.1. Getting the most recent version
    1.2. How to contribute
2. Common kernel-related tasks
    2.1. Obtaining the source
    2.2. Rebuilding the official packages

━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━

                                                                           Next
                                                 Chapter 1. About this handbook
"""


def test_contents_page_of_a_chunked_manual_is_not_cut() -> None:
    # the manual's front page: its contents, and a link to its first chapter's page
    assert report(CONTENTS_PAGE) == []


@pytest.mark.parametrize(
    ("last", "expected"),
    [
        pytest.param(
            '"LocalProxy" allows treating a context var',
            '6:42: OL302 section "Proxies" ends mid-sentence: "...\'LocalProxy\' allows treating a context var"',
            id="sentence-that-starts-with-a-quoted-name",
        ),
        pytest.param(
            'If a "Rule" is created with "websocket=True", it will',
            '6:53: OL302 section "Proxies" ends mid-sentence: "...is created with \'websocket=True\', it will"',
            id="sentence-that-quotes-code",
        ),
    ],
)
def test_sphinx_text_cut_mid_sentence(last: str, expected: str) -> None:
    # Sphinx's text builder prints inline literals in double quotes: a sentence that names one
    # is still a sentence
    doc = f"Proxies\n*******\n\n{PROSE}\n\n{last}\n"
    assert report(doc, "OL302") == [expected]


def test_a_manual_page_whose_name_section_was_emptied_is_reported() -> None:
    # a section's name over the next section is no document title over its first section
    page = (
        "CHSH(1)                     General Commands Manual                    CHSH(1)\n\n名前\n\n"
        "書式\n       chsh [-s login_shell] [user]\n\n説明\n       chsh はユーザのログインシェルを変更する。\n\n"
        "ファイル\n       /etc/passwd - ユーザアカウント情報\n\n関連項目\n       chfn(1), passwd(5)\n\n"
        "著者\n       Julianne Frances Haugh <julie@example.org>\n\n"
        "                                                                       CHSH(1)\n"
    )
    assert report(page, "OL301") == [
        '3:1: OL301 section "名前" has no body text: the next heading "書式" follows directly'
    ]


@pytest.mark.parametrize(
    "last",
    [
        pytest.param(
            "The answer to this one leads us straight on to the next question:", id="colon-naming-the-next-one"
        ),
        pytest.param(
            "The number of open TCP connections the server keeps at most at one time. Default value: 8",
            id="closing-field-and-value",
        ),
    ],
)
def test_section_ends_that_are_no_cut(last: str) -> None:
    doc = f"1. Setup\n\n{PROSE}\n\n{last}\n\n2. Next\n\n{PROSE}\n"
    assert report(doc, "OL302") == []


def test_a_paragraph_that_starts_with_a_dotted_name_is_no_fragment() -> None:
    doc = (
        "1. Strings\n\nThe tool has the string library of the language it embeds, as the manual says.\n\n"
        "string.match(str, pattern), for example, looks for the pattern in the string it is given.\n"
    )
    assert report(doc, "OL305") == []


def test_a_page_left_blank_on_purpose_is_layout() -> None:
    doc = (
        "1. Introduction\n\nThe daemon sorts the mail before the spool sees it.\n\n2. Thanks\n\n"
        "We thank the people who helped with the tests.\n" + "\n" * 20 + "    This page intentionally left blank.\n"
    )
    assert report(doc, "OL303") == []


@pytest.mark.parametrize(
    "doc",
    [
        pytest.param(
            "Sending a Page\n\nThe pager sends the page as soon as the line is free.  In addition, a single:\n"
            "     ERROR: page_send: Wide strings unsupported when used this way.\n"
            "   will be printed to the log the first time the call is made.\n",
            id="message-set-deeper-into-the-sentence",
        ),
        pytest.param(
            "Zipper To Do\n\n   o add an option to force fully quiet operation (no questions\n"
            "     for overwrite or rename); also allow some way to give the\n"
            "     password without asking?  (file? command line? env. variable?)\n\n        someday?\n\n"
            "   o add a way to list the archive in the order it was made.\n",
            id="abbreviation-env",
        ),
    ],
)
def test_full_stops_that_end_no_sentence(doc: str) -> None:
    assert report(doc, "OL305") == []


def test_a_notation_over_its_description_is_a_term_not_a_fragment() -> None:
    # RFC 5931's list of notations: "a | b" is the term, the description is set deeper under it
    doc = (
        "2.1. Notation\n\n   The following notation is used in this memo.\n\n"
        "   y = H(x)\n       The binary string x is given to a function H, which produces a\n"
        "       fixed-length output y.\n\n"
        "   a | b\n       The concatenation of string a with string b.\n\n"
        "   [a]b\n       A string consisting of the single bit a repeated b times.\n"
    )
    assert report(doc, "OL305") == []


def test_an_outline_s_numbered_lines_are_a_list_not_a_cut_sentence() -> None:
    # a protocol's notes set with tabs: each message lists its records as numbered lines, with no
    # text under them
    doc = (
        "1. Packet types\n\n"
        "\t1.1 Request - Join Port (0x01)\n\n"
        "\t\tThis packet is sent by the client to the server\n"
        "\t\trequesting the network name for a port and an address.\n\n"
        "\t\t1.1.1 Header\n"
        "\t\t1.1.2 Data Record: 00 00 0c 01 - Client IP Address\n"
        "\t\t1.1.3 Data Record: 00 00 0c 05 - Ethernet Packet\n\n\n"
        "\t1.2 Response - Your Network (0x02)\n\n"
        "\t\tThe server sends this packet to the client for\n"
        "\t\ta positive response to the request above.\n\n"
        "\t\t1.2.1 Header\n"
        "\t\t1.2.2 Data Record: 00 00 0c 03 - Network Name\n"
    )
    assert report(doc, "OL302") == []


def test_an_outline_s_starred_entries_are_a_list_not_a_cut_sentence() -> None:
    # Yubico's NEWS: a release's changes, starred one to a line with no full stops
    doc = (
        "Frob NEWS    -*- outline -*-\n\n* Version 2.4.0 (released 2023-11-30)\n\n"
        "** cmd: Add support for compressing certificate upon import\n"
        "** Increase maximum number of slots to handle overflow\n\n"
        "* Version 2.3.1 (released 2023-02-07)\n\n"
        "** Add support for T=0 smartcards\n** doc: Minor documentation improvement\n"
    )
    assert report(doc, "OL3") == []


_TEMPLATE = """Appendix A -- Registration Procedures

   New values are registered with IANA using the template below.

   A.1  Registration of New Access-type Values

      To:  IANA@example.org
      Subject:  Registration of new access-type

      Access-type name:

      Published specification:

      (The published specification must be an Internet RFC or
      RFC-to-be, and must be publicly available in any case.)

      Person & email address to contact for further information:

Appendix B -- Summary

   This appendix summarises the seven content types briefly.
"""


def test_a_template_s_last_blank_field_is_no_cut() -> None:
    assert report(_TEMPLATE, "OL302") == []
    # a section that ends on a colon without such fields is cut where its list was lost
    cut = _TEMPLATE.replace("      Access-type name:\n\n      Published specification:\n\n", "")
    assert report(cut, "OL302") == [
        '13:64: OL302 section "A.1 Registration of New Access-type Values" ends mid-sentence: '
        '"...address to contact for further information:"'
    ]


def _tags(runs: int, lost: int = 0) -> str:
    # xml2rfc sets five blank lines before each figure inside a list item
    tag = (
        "   {t}= A tag (plain-text; REQUIRED).  This tag defines the version of\n"
        "      this specification that applies to the record.  It MUST have\n"
        '      the value "1".\n' + "\n" * 5 + '         ABNF:\n\n   {t}-tag = %x76 [FWS] "=" [FWS] 1*DIGIT\n\n'
    )
    body = "".join(tag.format(t=chr(97 + k)) for k in range(runs))
    if lost:
        body += "   z= A tag lost below.  Its text says what it does.\n" + "\n" * lost + "   y= The next tag.\n\n"
    return "1.  Tags\n\n   Tags are shown below.  Unrecognized tags MUST be ignored.\n\n" + body


def test_blank_runs_of_one_length_repeated_are_the_generator_s_layout() -> None:
    assert report(_tags(4), "OL303") == []
    assert report(_tags(1), "OL303") == [
        '8:1: OL303 5 blank lines in section "1. Tags": content may have been lost here'
    ]
    # a run of another length among them is still content lost
    assert report(_tags(4, lost=8), "OL303") == [
        '54:1: OL303 8 blank lines in section "1. Tags": content may have been lost here'
    ]


_LOWER = """README for frob, version 2.1
----------------------------

frob is a small tool which converts files between formats.  it is fast.

the authors of frob are Ann Smith and Bob Jones.

many patches have been contributed by users.

want to build it?  just type "make" and wait.

Installation
------------

Copy the binary to a directory in your PATH and run it.
"""


def test_an_author_who_starts_sentences_in_lowercase_is_not_cut() -> None:
    # paragraph starts, sentences inside paragraphs and after a question, all in lowercase: the
    # author's habit, counted together
    assert report(_LOWER, "OL305") == []
    # one slip in a document written with capitals is still reported
    one = _LOWER.replace("frob is a small tool which converts files between formats.  it is fast.", "Frob is a tool.")
    one = one.replace("many patches", "Many patches").replace("just type", "Just type")
    assert report(one, "OL305") == [
        '6:1: OL305 paragraph starts in lowercase after a complete sentence: "the authors of frob are Ann '
        'Smith and Bob Jones." (a fragment of a lost or split sentence?)'
    ]


def test_sentences_quoted_as_written_may_start_in_lowercase() -> None:
    doc = (
        "Mental models\n=============\n\nParticipants described pip in their own words.\n\n"
        '   "pip allows to install python libraries in your environment. pip manage the library. you\n'
        '   will need something else to manage your environment." - participant 2\n\n'
        "Most answers were similar in spirit, and described pip as a tool that installs packages.\n"
    )
    assert report(doc, "OL305") == []
    # outside the quotation the same slip is reported
    slip = doc.replace("installs packages.", "installs packages. it is fast.")
    assert report(slip, "OL305") == [
        '9:90: OL305 sentence starts in lowercase: "packages. it" (a fragment of a lost or garbled sentence?)'
    ]


def _sections(ends: list[str]) -> str:
    # sections whose paragraphs wrap at 70 columns, each section's last one ending as given
    text = "The tool reads its settings when it starts, and it writes a log of the work it did each morning"
    return "".join(f"{k + 1}. Part {k + 1}\n\n{text[:62]}\n{text[62:]}{end}\n\n" for k, end in enumerate(ends))


def test_a_full_last_line_without_a_full_stop_is_no_cut_where_the_author_leaves_them_off() -> None:
    # the document always ends its paragraphs with a full stop: one that stops at a full line,
    # with no stop, lost the lines after it
    always = _sections(["."] * 10 + [" and then some more words to fill up the line", "."])
    assert [f.split(" OL302")[0] for f in report(always, "OL302")] == ["54:78:"]
    # an author who leaves the stop off every so often: a full line tells nothing
    often = _sections(["."] * 8 + ["", ""] + [" and then some more words to fill up the line", "."])
    assert report(often, "OL302") == []


def test_a_japanese_sentence_in_its_polite_form_and_a_spelt_out_address_end_complete() -> None:
    doc = (
        "名称\n       drawit - 図を描くための小さな言語\n\n解説\n"
        "       曖昧さを避けるために、 文字列の比較式はあるコンテキストにおいては括弧で\n"
        "       括られる必要が有ります\n\n"
        "その他\n       図の最大の幅と高さは変数 maxwid と maxht により指定されます。\n"
    )
    assert report(doc, "OL302") == []
    assert report(doc.replace("必要が有ります", "必要が"), "OL302") != []
    mail = (
        "Bug reports\n===========\n\nThe original author no longer works on the program.\n\n"
        "A mailing list for discussions and mutual help amongst users exists\nat users _at_ example _DOT_ org\n"
    )
    assert report(mail, "OL302") == []


def test_a_japanese_document_s_last_sentence_in_its_polite_form_ends_it() -> None:
    doc = (
        "名称\n       drawit - 図を描くための小さな言語\n\n書式\n       drawit [ -nv ] [ filename ...  ]\n\n"
        "解説\n       drawit は図の記述を読み、それを組版システムが解釈できるコマンドに変換\n"
        "       します。 図は .DS で始まる行から開始され、 .DE で始まる行で終了します。\n\n"
        "注意\n       曖昧さを避けるために、 文字列の比較式はあるコンテキストにおいては括弧で\n"
        "       括られる必要が有ります\n"
    )
    assert report(doc, "OL302") == []
    assert [f.split(" OL302")[0] for f in report(doc.replace("必要が有ります", "必要が"), "OL302")] == ["13:14:"]


LINKED_AWAY = """\
 Frobirc manual

 1. Command line parameters

	--connect -c <server>	Connect to server at startup
	--noconnect -!		Don't autoconnect to any servers at startup


 2. Message levels <https://frobirc.example.org/help/levels/>

 3. Flood protection

	Most IRC servers' flood protection works like this: a client may
	send a burst of messages and is then throttled to one every two
	seconds until it stops sending.

 4. Themes

 5. Servers

	Frobirc is multi-server friendly. You can be connected to several
	different servers, or the same server several times.
"""


def test_a_title_ending_with_the_address_of_its_text_is_no_empty_section() -> None:
    # "2. Message levels <https://...>" sends the reader to where its text is; "4. Themes",
    # with nothing under it and no address, is empty
    assert report(LINKED_AWAY) == [
        '17:2: OL301 section "4. Themes" has no body text: the next heading "5. Servers" follows directly'
    ]


SCREENS = """\
Lesson 1.1: Moving the cursor

  Press h, j, k and l to move the cursor; try each of them a few times.





~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
Lesson 1.2: Exiting

  Type :q! and press Enter to leave without saving what you changed.





  Type :wq and press Enter to save your changes and leave the editor.
"""


def test_blank_lines_over_a_rule_end_a_screen_and_lose_nothing() -> None:
    # a tutorial fills each lesson's screen before the rule that ends it; the same run between
    # two paragraphs is reported
    assert report(SCREENS) == [
        '13:1: OL303 5 blank lines in section "Lesson 1.2: Exiting": content may have been lost here'
    ]


FULLWIDTH_STOPS = """\
名前
       mkbindic - テキスト形式の辞書からバイナリ形式の辞書を作成する

説明
       テキスト形式の辞書 textfile から，バイナリ形式の辞書ファイル(拡張子
       .cbd または dicname) と学習辞書ファイル(拡張子 .cld) を 作成します．

オプション
       -m     作成する辞書をメモリ辞書にします．

       -s     作成する辞書を単語辞書にします．
"""


def test_a_full_width_full_stop_ends_a_sentence() -> None:
    # "．" (U+FF0E), as Japanese manuals written with "，" end their sentences
    assert report(FULLWIDTH_STOPS) == []


ETEXT = """\
The Project Gutenberg EBook of The Road, by A. Writer

This eBook is for the use of anyone anywhere at no cost and with
almost no restrictions whatsoever.

***START OF THE PROJECT GUTENBERG EBOOK THE ROAD, AND OTHER STORIES OF
THE RIVER***


E-text prepared by A. Volunteer, B. Helper, C. Reader and the Project
Gutenberg Online Distributed Proofreading Team (http://www.pgdp.net/)






                                THE ROAD

                                   by

                                A. WRITER







CHAPTER I

THE ROAD

The road ran along the river for many miles, and the travellers
followed it without meeting anyone until evening.

CHAPTER II

THE INN

At the inn they found a warm fire and a plain supper, and they slept
soundly until the morning bell woke them.








End of the Project Gutenberg EBook of The Road, by A. Writer

*** END OF THIS PROJECT GUTENBERG EBOOK THE ROAD ***
"""


def test_an_e_text_s_bounds_and_title_page_are_no_text_lost() -> None:
    # the start marker wrapped over two lines, the producers' credits (no sentence) over the
    # title page, its spacing, and the closing line over the end marker with the blank lines
    # before it: layout, not text cut off or lost
    assert report(ETEXT) == []


CJK_TITLE = """\
内核初始化 第五部分
===========================================================

与系统架构有关的初始化后续分析
===========================================================

在之前的章节中，我们讲到了与系统架构有关的初始化函数，并且介绍了内存映射的建立过程。本章我们继续分析剩下的部分。

首先我们来看一下中断向量表的初始化。这一步在很早的时候就已经开始了，但是直到现在才真正完成。

复制磁盘设备信息
-----------------------------------------------------------

下面两步是解析启动参数，并且把磁盘设备的信息复制到内核的数据结构中。
"""


def test_a_cjk_document_s_title_over_its_first_section_is_no_empty_section() -> None:
    # "内核初始化 第五部分" names the document (its characters count two to a word), and its
    # first section follows it directly, underlined alike
    assert report(CJK_TITLE) == []


SIGNATURES = """\
FROB(1)                     General Commands Manual                    FROB(1)

NAME
       frob - move downloads around in a queue

METHODS
       frob.changePosition([secret], gid, pos, how)
              This method changes the position of the download denoted by
              gid in the queue.  pos is an integer.  how is a string.  If
              how is POS_SET, it moves the download to a position relative
              to the beginning of the queue.

       refresh-client [-A pane:state] [-B name:what:format]
              The argument is split into three items by colons: name is a
              name for the subscription.  what may be empty to check the
              format only for the attached session.

       frob.purge()
              This method purges the queue.  it also frees the memory
              that the results took.
"""


def test_a_sentence_may_start_with_a_parameter_its_signature_names() -> None:
    # "how" and "what" are parameters of the signatures over their descriptions; "it" is no
    # name, and its sentence starts in lowercase
    assert report(SIGNATURES) == [
        '19:46: OL305 sentence starts in lowercase: "queue. it" (a fragment of a lost or garbled sentence?)'
    ]


KINDS = """\
Network Working Group                                          J. Doe
Request for Comments: 9999                                  Example Inc.
Category: Standards Track                                      July 2003


                       The Example Widget Protocol

Table of Contents

   1. Introduction ....................................................2
   2. Security Considerations .........................................2
   References .........................................................2
   Normative References ...............................................2
   Informative References .............................................2
   Author's Address ...................................................3

1. Introduction

   This document describes the example widget protocol in full.

2. Security Considerations

   The widget protocol has no security of its own.

3. Deployment

References

Normative References

   [1]  Doe, J., "Widgets", RFC 9998, July 2003.

Informative References

   [2]  Roe, R., "More Widgets", RFC 9997, July 2003.

Author's Address

   J. Doe
"""


def test_a_label_over_the_kinds_it_names_is_no_empty_section() -> None:
    # "References" over "Normative References" and "Informative References", all at one level;
    # "3. Deployment" right over "References" names no kind of it, and is empty
    assert report(KINDS) == [
        '25:1: OL301 section "3. Deployment" has no body text: the next heading "References" follows directly'
    ]
