"""The Markdown reader: headings and their lines, block kinds, the contents block, links, comments;
and every rule family on Markdown, firing and quiet."""

from __future__ import annotations

import pytest

from outlint.linter import read_bytes
from outlint.model import Document, Gap, Heading, Paragraph
from outlint.readers import markup
from outlint.rules.truncation import locate
from tests.conftest import lint


def read(text: str, **options: str) -> Document:
    return read_bytes(text.encode("utf-8"), "doc.md", **options)


def headings(doc: Document) -> list[tuple[int, str, int]]:
    return [(h.level, h.label, h.span.line) for h in doc.facts.headings]


def blocks(doc: Document) -> list[Paragraph | Gap]:
    return [*doc.preamble, *(b for h in doc.facts.headings for b in h.body)]


def found(text: str, select: str = "ALL", **kw: object) -> list[tuple[str, int]]:
    return [(f.code, f.span.line) for f in lint(text, select, fmt="markdown", path="doc.md", **kw)]  # type: ignore[arg-type]


# --- headings -------------------------------------------------------------------------------


def test_atx_and_setext_headings_with_their_lines() -> None:
    doc = read("Title\n=====\n\nIntro.\n\nPart\n----\n\n## 2.3 Scope ##\n\nText.\n\n### Deep\n\nMore.\n")
    assert headings(doc) == [(1, "Title", 1), (2, "Part", 6), (2, "2.3 Scope", 9), (3, "Deep", 13)]
    first, part = doc.facts.headings[:2]
    assert (first.span.end_line, first.style, part.style) == (2, "setext", "setext")
    assert doc.facts.headings[2].number is not None and doc.facts.headings[2].number.values == (2, 3)


def test_hashes_in_code_are_not_headings() -> None:
    doc = read("# Real\n\n```sh\n# a comment\n```\n\n    # indented code\n\n~~~\n## fenced\n~~~\n")
    assert headings(doc) == [(1, "Real", 1)]
    assert [(b.kind, b.span.line, b.span.end_line) for b in blocks(doc)] == [
        ("code", 3, 5),
        ("code", 7, 7),
        ("code", 9, 11),
    ]


def test_front_matter_is_skipped_and_lines_stay_true() -> None:
    doc = read("---\ntitle: A page\ntags: [a, b]\n---\n\n# Heading\n\nText.\n")
    assert headings(doc) == [(1, "Heading", 6)]
    assert doc.preamble == ()


def test_toml_front_matter() -> None:
    assert headings(read("+++\ntitle = 'x'\n+++\n\n## Heading\n\nText.\n")) == [(2, "Heading", 5)]


def test_thematic_break_at_the_top_is_no_front_matter() -> None:
    doc = read("---\n\nSome text.\n\n---\n\n# Title\n")
    assert headings(doc) == [(1, "Title", 7)]


def test_crlf_and_cr_line_endings_count_as_editors_do() -> None:
    assert headings(read("# A\r\n\r\nText.\r\n\r\n## B\r\n")) == [(1, "A", 1), (2, "B", 5)]
    assert headings(read("# A\r\rText.\r\r## B\r")) == [(1, "A", 1), (2, "B", 5)]


def test_form_feed_does_not_shift_lines() -> None:
    assert headings(read("# A\n\nText \f with a form feed.\n\n## B\n")) == [(1, "A", 1), (2, "B", 5)]


@pytest.mark.parametrize(
    ("title", "number"),
    [
        pytest.param("## 2.3 Scope", (2, 3), id="dotted"),
        pytest.param("## 1. Introduction", (1,), id="decimal-dot"),
        pytest.param("## Chapter 3", (3,), id="chapter"),
        pytest.param("## 1.2.0", None, id="version"),
        pytest.param("## [1.2.0] - 2020-01-01", None, id="keep-a-changelog"),
        pytest.param("## 0.9 (2019-05-01)", None, id="version-with-date"),
        pytest.param("## 2023 Roadmap", None, id="year"),
    ],
)
def test_numbered_headings_but_not_versions(title: str, number: tuple[int, ...] | None) -> None:
    h = read(title + "\n\nText.\n").facts.headings[0]
    assert (h.number.values if h.number else None) == number


def test_html_headings_in_html_blocks() -> None:
    doc = read('<h1 align="center">Project</h1>\n\n<p align="center">A tagline</p>\n\n## Usage\n\nText.\n')
    assert headings(doc) == [(1, "Project", 1), (2, "Usage", 5)]
    assert [b.kind for b in blocks(doc)] == ["html", "prose"]


# --- block kinds ----------------------------------------------------------------------------


def test_block_kinds() -> None:
    doc = read(
        "# T\n\nProse here.\n\n- item one\n- item two\n\n> quoted\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n"
        "[![badge](https://img)](https://ci)\n\n<div>raw</div>\n"
    )
    assert [(b.kind, b.span.line) for b in blocks(doc)] == [
        ("prose", 3),
        ("list", 5),
        ("list", 6),
        ("quote", 8),
        ("table", 10),
        ("html", 14),
        ("html", 16),
    ]


def test_paragraph_text_drops_markup_and_maps_back_to_the_source() -> None:
    doc = read(
        "# T\n\n> See [the guide](https://example.com/guide) and `code` here,\n> then ![x](y.png)more &amp; more.\n"
    )
    para = blocks(doc)[0]
    assert para.text == "See the guide and `code` here, then more & more."
    assert (para.span.line, para.span.column) == (3, 3)
    assert locate(doc, para, para.text.index("guide")) == (3, 12)
    assert locate(doc, para, para.text.index("here")) == (3, 57)
    assert locate(doc, para, para.text.index("then")) == (4, 3)
    assert locate(doc, para, para.text.index("more &")) == (4, 19)


def test_blank_runs_between_blocks_are_gaps() -> None:
    doc = read("# T\n\nOne.\n\n\n\n\n\n\nTwo.\n")
    assert [(type(b).__name__, b.span.line) for b in blocks(doc)] == [("Paragraph", 3), ("Gap", 4), ("Paragraph", 10)]
    assert isinstance(blocks(doc)[1], Gap) and blocks(doc)[1].length == 6


# --- the contents block ---------------------------------------------------------------------

CONTENTS = "- [Install](#install)\n- [Usage](#usage)\n  - [CLI](#cli)\n"
BODY = "## Install\n\nRun it.\n\n## Usage\n\nUse it.\n\n### CLI\n\nType it.\n"


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(f"# P\n\n## Table of Contents\n\n{CONTENTS}\n{BODY}", id="contents-heading"),
        pytest.param(f"# P\n\n## 目录\n\n{CONTENTS}\n{BODY}", id="chinese-contents-heading"),
        pytest.param(
            f"# P\n\n**Contents**\n\n<!-- toc -->\n\n{CONTENTS}\n<!-- tocstop -->\n\n{BODY}", id="markdown-toc-markers"
        ),
        pytest.param(
            f"# P\n\n<!-- START doctoc generated TOC please keep comment here to allow auto update -->\n"
            f"**Table of Contents**\n\n{CONTENTS}\n<!-- END doctoc generated TOC please keep comment here "
            f"to allow auto update -->\n\n{BODY}",
            id="doctoc-markers",
        ),
        pytest.param(
            f"# P\n\n<!-- mdformat-toc start --slug=github --maxlevel=6 --minlevel=1 -->\n\n{CONTENTS}\n"
            f"<!-- mdformat-toc end -->\n\n{BODY}",
            id="mdformat-toc-markers",
        ),
        pytest.param(
            f"# P\n\n<details>\n<summary>Table of Contents</summary>\n\n{CONTENTS}\n</details>\n\n{BODY}",
            id="details-summary",
        ),
        pytest.param(f"# P\n\nA tool.\n\n{CONTENTS}\n{BODY}", id="leading-list-of-anchor-links"),
    ],
)
def test_contents_block_is_found(text: str) -> None:
    doc = read(text)
    assert [(e.level, e.title, e.target) for e in doc.toc] == [
        (1, "Install", "#install"),
        (1, "Usage", "#usage"),
        (2, "CLI", "#cli"),
    ]
    assert [h.title for h in doc.facts.headings] == ["P", "Install", "Usage", "CLI"]
    assert found(text) == []


def test_contents_entry_spans_point_at_the_links() -> None:
    doc = read(f"# P\n\n## Contents\n\n{CONTENTS}\n{BODY}")
    assert [(e.span.line, e.span.column) for e in doc.toc] == [(5, 3), (6, 3), (7, 5)]
    assert doc.toc_span is not None and (doc.toc_span.line, doc.toc_span.end_line) == (3, 7)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "# P\n\n## Contents\n\nThis package contains:\n\n- `a.py`: the parser\n- `b.py`: the CLI\n\n"
            "## More\n\nX.\n",
            id="contents-section-without-links",
        ),
        pytest.param(
            "# P\n\n- [Docs](https://example.com)\n- [Blog](https://example.org)\n\n## More\n\nX.\n",
            id="leading-list-of-external-links",
        ),
        pytest.param(
            "# P\n\nIntro.\n\n## A\n\nText.\n\n- [x](#a)\n- [y](#a)\n\n## B\n\nY.\n", id="list-after-the-second-heading"
        ),
    ],
)
def test_no_contents_block(text: str) -> None:
    assert read(text).toc == ()


def test_generated_contents_placeholder_is_no_hand_made_contents() -> None:
    doc = read("# P\n\n## Table of Contents\n\n[[_TOC_]]\n\n## A\n\nText.\n")
    assert doc.toc == () and [h.title for h in doc.facts.headings] == ["P", "A"]
    assert found("# P\n\n## Table of Contents\n\n[TOC]\n\n## A\n\nText.\n") == []


def test_contents_links_to_other_files_are_not_entries() -> None:
    doc = read(
        "# P\n\n## Contents\n\n- [Install](#install)\n- [Changelog](CHANGELOG.md)\n- [Usage](#usage)\n\n"
        "## Install\n\nA.\n\n## Usage\n\nB.\n"
    )
    assert [e.title for e in doc.toc] == ["Install", "Usage"]


def test_numbered_contents_entries() -> None:
    doc = read(
        "# P\n\n## Contents\n\n1. [1. Scope](#1-scope)\n2. [2. Terms](#2-terms)\n\n## 1. Scope\n\nA.\n\n"
        "## 2. Terms\n\nB.\n"
    )
    assert [(e.number.label if e.number else None, e.title) for e in doc.toc] == [("1.", "Scope"), ("2.", "Terms")]
    assert (
        found(
            "# P\n\n## Contents\n\n1. [1. Scope](#1-scope)\n2. [2. Terms](#2-terms)\n\n## 1. Scope\n\nA.\n\n"
            "## 2. Terms\n\nB.\n"
        )
        == []
    )


def test_omit_from_toc_marker() -> None:
    text = (
        "# P\n\n## Contents\n\n- [A](#a)\n- [B](#b)\n\n## A\n\nX.\n\n## Changelog <!-- omit from toc -->\n\nY.\n\n"
        "## B\n\nZ.\n"
    )
    assert found(text, "OL102") == []
    assert found(text.replace(" <!-- omit from toc -->", ""), "OL102") == [("OL102", 12)]


# --- comments and links ---------------------------------------------------------------------


def test_comments_are_kept_with_their_spans() -> None:
    doc = read("# T\n\n<!-- outlint-disable OL302 -->\n\nText <!-- inline --> here.\n\n<!--\nmulti\n-->\n")
    assert [(c.text, c.span.line, c.span.column, c.span.end_line) for c in doc.comments] == [
        ("outlint-disable OL302", 3, 1, 3),
        ("inline", 5, 6, 5),
        ("multi", 7, 1, 9),
    ]


def test_in_page_links_are_collected_where_they_are_written() -> None:
    doc = read(
        "# T\n\nSee [usage](#usage) or [the site](https://x.org/#usage) and `[not](#code)`.\n\n"
        '| a | [cell](#cell) |\n|---|---|\n\nA [ref link][r] and <a href="#raw">raw</a>.\n\n'
        "[r]: #reference\n\n## [Self](#t)\n\n[中文](#中文)\n"
    )
    # a reference link is listed at its definition, where its fragment is written and fixed
    assert [(t, s.line, s.column) for t, s in doc.links] == [
        ("#usage", 3, 13),
        ("#cell", 5, 14),
        ("#raw", 8, 30),
        ("#reference", 10, 6),
        ("#t", 12, 11),
        ("#中文", 14, 6),
    ]


# --- every rule family, on Markdown ---------------------------------------------------------

FAMILIES = [
    pytest.param(
        "OL1",
        "# P\n\n## Contents\n\n- [A](#a)\n- [B](#b)\n\n## A\n\nX.\n\n## B\n\nY.\n\n## C\n\nZ.\n",
        [("OL102", 16)],
        id="contents-fires",
    ),
    pytest.param(
        "OL1", "# P\n\n## Contents\n\n- [A](#a)\n- [B](#b)\n\n## A\n\nX.\n\n## B\n\nY.\n", [], id="contents-quiet"
    ),
    pytest.param("OL2", "# P\n\n## 1. A\n\nX.\n\n## 3. C\n\nY.\n", [("OL201", 7)], id="numbering-fires"),
    pytest.param("OL2", "# P\n\n## 1. A\n\nX.\n\n## 2. B\n\nY.\n\n## 1.0.0\n\nZ.\n", [], id="numbering-quiet"),
    pytest.param(
        "OL3",
        "# P\n\n## A\n\n## B\n\nThe first sentence ends. The second one is cut in the\n",
        [("OL301", 3), ("OL302", 7)],
        id="truncation-fires",
    ),
    pytest.param(
        "OL3",
        "# P\n\n## A\n\n![screenshot](a.png)\n\n## License\n\nMIT\n\n## B\n\nThe end is here:\n\n```sh\nrun\n```\n",
        [],
        id="truncation-quiet",
    ),
    pytest.param(
        "OL4",
        "# Guide\n\n## Install\n\nInstall the package with the installer and restart the shell.\n\n"
        "## Usage\n\n运行这个命令以后，程序会检查所有的文档并报告结构上的问题。\n\n"
        "Run the command on your files.\n",
        [("OL401", 9)],
        id="language-fires",
    ),
    pytest.param(
        "OL4",
        "# Guide\n\n## Install\n\nInstall the package with the installer and restart the shell.\n\n"
        "```text\n运行这个命令以后，程序会检查所有的文档并报告结构上的问题。\n```\n\n"
        "| 中文 | 说明说明说明说明说明说明说明说明说明 |\n|---|---|\n",
        [],
        id="language-quiet",
    ),
    pytest.param(
        "OL107,OL108",
        "# P\n\n## Contents\n\n- [A](#a)\n- [B](#bee)\n\n## A\n\nSee [B](#b) and [C](#c).\n\n## B\n\nY.\n",
        [("OL107", 6), ("OL108", 10)],
        id="links-fire",
    ),
    pytest.param(
        "OL107,OL108",
        "# P\n\n## Contents\n\n- [A](#a)\n- [B](#b)\n\n## A\n\nSee [B](#B), [top](#top), "
        "[line](#L10-L20).\n\n## B\n\nY.\n",
        [],
        id="links-quiet",
    ),
]


@pytest.mark.parametrize(("select", "text", "expected"), FAMILIES)
def test_rule_families_on_markdown(select: str, text: str, expected: list[tuple[str, int]]) -> None:
    assert found(text, select) == expected


def test_heading_objects_nest_under_markdown_levels() -> None:
    doc = read("# A\n\n## B\n\n### C\n\n## D\n")
    a = doc.headings[0]
    assert isinstance(a, Heading) and [c.title for c in a.children] == ["B", "D"]
    assert [c.title for c in a.children[0].children] == ["C"]


# --- contents written by hand: what a well-kept README may do ------------------------------

PARTIAL = (
    "# P\n\n## Contents\n\n- [Install](#install)\n  - [Linux](#linux)\n  - [macOS](#macos)\n"
    "- [Shell setup](#shell-setup)\n- [1. Automatic installer](#1-automatic-installer-recommended)\n\n"
    "## Install\n\nA.\n\n### Linux\n\nB.\n\n### macOS\n\nC.\n\n### Windows\n\nD.\n\n"
    "## Shell setup\n\nE.\n\n### Bash\n\nF.\n\n### Zsh\n\nG.\n\n"
    "## 1. Automatic installer (Recommended)\n\nH.\n"
)


def test_partial_contents_asks_only_for_left_out_siblings() -> None:
    # Windows sits among listed siblings: missing; Bash and Zsh belong to a section the contents
    # chose not to go into
    assert found(PARTIAL, "OL102") == [("OL102", 23)]


def test_linked_short_labels_and_spelled_numbers_are_no_mismatch() -> None:
    assert found(PARTIAL, "OL103,OL104") == []
    renamed = PARTIAL.replace("[Shell setup](#shell-setup)", "[Shell configuration](#shell-setup)")
    assert found(renamed, "OL103") == [("OL103", 27)]


def test_numbers_deeper_than_their_hashes() -> None:
    doc = read("# T\n\n## 1. A\n\nx.\n\n### 1.1 B\n\ny.\n\n### 1.1.1 C\n\nz.\n\n## 2. D\n\nw.\n")
    assert [(h.level, h.label) for h in doc.facts.headings] == [
        (1, "T"),
        (2, "1. A"),
        (3, "1.1 B"),
        (4, "1.1.1 C"),
        (2, "2. D"),
    ]
    assert found("# T\n\n## 1. A\n\nx.\n\n### 1.1 B\n\ny.\n\n### 1.1.1 C\n\nz.\n\n## 2. D\n\nw.\n", "OL2") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("# P\n\n## A\n\nA tagline without a full stop\n", [], id="one-line-tagline"),
        pytest.param(
            "# P\n\n## A\n\nThe most common commands are:\n\n### B\n\nText.\n", [], id="colon-before-subsections"
        ),
        pytest.param(
            "# P\n\n## A\n\nSee the release notes at <https://example.com/notes>\n", [], id="ends-with-autolink"
        ),
        pytest.param(
            "# P\n\n## A\n\nInstall it first. Then configure the\n", [("OL302", 5)], id="cut-after-a-sentence"
        ),
        pytest.param("# P\n\n## A\n\nThis option is described in detail in the\n", [("OL302", 5)], id="ends-on-the"),
        pytest.param(
            "# P\n\n## A\n\nExports define entry points. For more details see the\n"
            "[documentation on package entry points](https://example.com/api/packages.html#entry-points)\n",
            [],
            id="ends-on-an-inline-link",
        ),
        pytest.param(
            "# P\n\n## A\n\nThis is a security release. You can read more on [the project website][site]\n\n"
            "[site]: https://example.com/\n",
            [],
            id="ends-on-a-reference-link",
        ),
        pytest.param(
            "# P\n\n## A\n\nThe [guide](https://example.com/) is long. Then configure the\n",
            [("OL302", 5)],
            id="a-link-earlier-is-no-excuse",
        ),
    ],
)
def test_cut_sentences_in_markdown(text: str, expected: list[tuple[str, int]]) -> None:
    assert found(text, "OL302") == expected


def test_a_long_document_is_read_block_by_block_with_true_lines() -> None:
    section = (
        "## Part {n}\n\nSome text with [a link](#part-{n}) and a list:\n\n- one\n- two\n\n"
        "```sh\n# not a heading {n}\n```\n\n<!--\n# not a heading either\n-->\n\n> quoted\n\n"
        "| a | b |\n|---|---|\n| 1 | 2 |\n\n[ref-{n}]: #part-{n}\n\n"
    )
    doc = read("# Doc\n\n" + "".join(section.format(n=n) for n in range(40)))
    assert [(h.span.line, h.anchor) for h in doc.facts.headings[:3]] == [(1, "doc"), (3, "part-0"), (26, "part-1")]
    assert len(doc.facts.headings) == 41
    assert [b.kind for b in doc.facts.headings[40].body] == ["prose", "list", "list", "code", "quote", "table"]
    assert [(t, s.line, s.column) for t, s in doc.links[:2]] == [("#part-0", 5, 25), ("#part-1", 28, 25)]
    assert [(c.text, c.span.line) for c in doc.comments[:2]] == [
        ("# not a heading either", 14),
        ("# not a heading either", 37),
    ]


# --- what is a section heading, what is a contents entry ------------------------------------


def test_heading_in_a_block_quote_is_part_of_the_quotation() -> None:
    text = (
        "# Tool\n## Contents\n- [Install](#install)\n- [Usage](#usage)\n## Install\nRun it.\n"
        "> ## Note\n> The installer needs a network.\n## Usage\nRun the tool.\n"
    )
    doc = read(text)
    assert headings(doc) == [(1, "Tool", 1), (2, "Install", 5), (2, "Usage", 9)]
    assert [(b.kind, b.text) for b in doc.facts.headings[1].body] == [
        ("prose", "Run it."),
        ("quote", "Note"),
        ("quote", "The installer needs a network."),
    ]
    assert found(text) == []


GROUP_LABELS = """\
# Tool
## Contents
- Getting started
  - [Install](#install)
  - [Usage](#usage)
- FAQ
  - [Why this tool?](#why-this-tool)
## Install
Run the installer.
## Usage
Run the tool.
## Why this tool?
Because.
"""


def test_unlinked_group_labels_over_linked_items_are_no_entries() -> None:
    assert [e.title for e in read(GROUP_LABELS).toc] == ["Install", "Usage", "Why this tool?"]
    assert found(GROUP_LABELS) == []


def test_a_group_label_that_names_a_heading_stays_an_entry() -> None:
    text = GROUP_LABELS.replace("## Install\n", "## FAQ\nQuestions.\n## Install\n")
    assert [e.title for e in read(text).toc] == ["Install", "Usage", "FAQ", "Why this tool?"]


# --- hostile shapes: linear scans, no backtracking ------------------------------------------


def _cpu(text: str) -> float:
    import time

    start = time.process_time()
    read(text)
    return time.process_time() - start


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("# T {" + " ".join(['a="b"'] * 40) + " !}\n", id="attribute-list"),
        pytest.param("# T\n\n<!-- toc" + " " * 50000 + "x -->\n", id="toc-marker-comment"),
        pytest.param("# T\n\n" + "<a b" * 20000 + "\n", id="unclosed-tags"),
        pytest.param("# T\n\n<div>" + "<!--" * 20000 + "\n", id="unclosed-comments"),
        pytest.param("# T\n\n<div>" + "<h2>x" * 20000 + "\n", id="unclosed-html-headings"),
        pytest.param("# T\n\n[" + "![a]" * 5000 + "\n", id="nested-image-links"),
        pytest.param("# T\n\ntext " + "`" * 20000 + "\n", id="runs-of-backticks"),
        pytest.param("# T\n\n" + "> " * 5000 + "x\n", id="deep-quotes"),
        pytest.param("# T\n\n" + "".join("  " * k + "- x\n" for k in range(2000)), id="deep-lists"),
    ],
)
def test_hostile_markup_is_read_in_linear_time(text: str) -> None:
    assert _cpu(text) < 2  # each took from 10 s to minutes when it backtracked


def test_markup_inside_code_spans_is_text() -> None:
    text = '# T\n\nSee `<a href="#x">` and `<!-- outlint-disable OL9999 -->`, <!-- a real one -->.\n'
    doc = read(text)
    assert doc.links == ()
    assert [(c.text, c.span.line, c.span.column) for c in doc.comments] == [("a real one", 3, 60)]
    assert found(text) == []


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_runs_of_a_long_document_parse_as_the_whole_does(monkeypatch: pytest.MonkeyPatch, newline: str) -> None:
    from outlint.readers import mdsplit

    section = (
        "## Part {n}\n\nText [a link](#part-{n}) and [a reference][r].\n\n```sh\n\n# not a heading {n}\n```\n\n"
        "<!--\n\n# not a heading either\n-->\n\n<div>\n\n# raw HTML ends at the blank line\n</div>\n\n- item\n\n"
        "# Chapter {n}\n\n> quoted\n\n"
    )
    text = ("# Doc\n\n" + "".join(section.format(n=n) for n in range(30)) + "[r]: #part-0\n").replace("\n", newline)

    def outline_of() -> list[object]:
        doc = read(text)
        return [
            (h.level, h.label, h.span, h.anchor, [(b.span, b.kind) for b in h.body]) for h in doc.facts.headings
        ] + [
            doc.links,
            doc.comments,
        ]

    whole = outline_of()
    monkeypatch.setattr(mdsplit, "_CHUNK", 200)
    assert len(mdsplit.chunks(markup.TextLines(text), 0)) > 10
    assert outline_of() == whole


def test_nesting_deeper_than_the_limit_is_one_read_error() -> None:
    from outlint.model import ReadError

    with pytest.raises(ReadError, match=r"deeper than the limit of 10 levels \(11\)"):
        read_bytes(("> " * 11 + "x\n").encode(), "doc.md", max_depth=10)
    assert read_bytes(("> " * 10 + "x\n").encode(), "doc.md", max_depth=10).preamble[0].text == "x"


def test_a_heading_one_level_too_deep_is_reported_without_its_sections() -> None:
    """``### API`` under ``## Install`` where the contents lists API beside Install: one finding at
    API; its functions, one level deeper under it as the contents has them, follow it and are no
    finding. The document's offset is its top entries', though the children outnumber them."""
    text = (
        "# lib\n\n## Table of Contents\n\n* [Example](#example)\n* [Install](#install)\n* [API](#api)\n"
        "  * [one](#one)\n  * [two](#two)\n  * [three](#three)\n  * [four](#four)\n\n"
        "## Example\n\nText.\n\n## Install\n\nText.\n\n### API\n\nText.\n\n"
        "#### one\n\nText.\n\n#### two\n\nText.\n\n#### three\n\nText.\n\n#### four\n\nText.\n"
    )
    assert found(text, "OL106") == [("OL106", 21)]
    msg = lint(text, "OL106", fmt="markdown", path="doc.md")[0].message
    assert msg == 'heading "API" is at level 2 but the contents lists it at level 1'


def test_the_forms_of_an_overloaded_call_share_one_body() -> None:
    """API references head each form of a call, one right after the other, and describe them once
    under the last: the first form's heading is no empty section. Two different calls in a row are."""
    text = (
        "# API\n\n## `get(options[, callback])`\n\n## `get(url[, options][, callback])`\n\nMakes a request.\n\n"
        "## `request(options)`\n\n## `close()`\n\nCloses it.\n"
    )
    assert found(text, "OL301") == [("OL301", 9)]


def test_the_same_level_skip_under_every_release_is_one_finding() -> None:
    """A changelog generator heads each release ``#`` and its parts ``###``: the document's one habit,
    reported once at the first release, with the others as related locations. Another skip (``##``
    to ``####``) is a finding of its own."""
    release = "# {v} (2024-01-0{d})\n\n### Features\n\n* a change\n\n### Bug Fixes\n\n* a fix\n\n"
    text = "".join(release.format(v=f"1.{d}.0", d=d) for d in (3, 2, 1)) + "## 1.0.1\n\n#### Notes\n\nText.\n"
    found_ = lint(text, "OL206", fmt="markdown", path="CHANGELOG.md")
    assert [(f.code, f.span.line) for f in found_] == [("OL206", 3), ("OL206", 33)]
    assert found_[0].message == (
        'heading level skips from 1 to 3: "Features" and "Bug Fixes" directly under level 1 heading '
        '"1.3.0 (2024-01-03)", and under 2 more level 1 headings'
    )
    assert [r.span.line for r in found_[0].related] == [7, 13, 23]


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "## Approaches\n\nThere are three:\n\n- [HTTP APIs](#http-apis): for large ones.\n"
            "- [Data layer](#data-layer): for new ones.\n- [In components](#in-components): for prototypes.\n\n"
            "### HTTP APIs\n\nText.\n\n### Data layer\n\nText.\n\n### In components\n\nText.\n\n"
            "## Reading data\n\nText.\n\n## Mutating data\n\nText.\n",
            id="a-section-index-of-its-own-sub-sections",
        ),
        pytest.param(
            "Caching has two strategies:\n\n- **Time-based**: refresh the data with [`cacheLife`](#cachelife).\n"
            "- **On demand**: invalidate it with [`revalidateTag`](#revalidatetag).\n\n"
            "## `cacheLife`\n\nText.\n\n## `cacheTag`\n\nText.\n\n## `revalidateTag`\n\nText.\n",
            id="sentences-with-links-inside",
        ),
        pytest.param(
            "This page shows how to:\n\n- [Use `.env` files](#loading-variables)\n"
            "- [Bundle them](#bundling-variables)\n\n"
            "## Loading variables\n\nText.\n\n## Bundling variables\n\nText.\n\n## Testing\n\nText.\n\n"
            "## Load order\n\nText.\n\n## Good to know\n\nText.\n\n## History\n\nText.\n",
            id="pointers-to-two-of-six-sections",
        ),
        pytest.param(
            "# parser\n\nIt provides these parsers:\n\n* [JSON parser](#jsonoptions)\n* [Raw parser](#rawoptions)\n\n"
            "## Installation\n\nText.\n\n## API\n\nText.\n\n### json(options)\n\nText.\n\n### raw(options)\n\n"
            "Text.\n\n## Errors\n\nText.\n",
            id="pointers-to-sub-sections-only",
        ),
    ],
)
def test_link_lists_that_are_no_contents(text: str) -> None:
    """Lists of in-page links that are not the document's contents: every section the contents does
    not list would be 'missing from the contents'."""
    assert read_bytes(text.encode(), "doc.md").toc == ()
    assert found(text, "OL1") == []


def test_a_contents_under_the_first_section_that_links_beyond_it_is_the_contents() -> None:
    """A README's "Getting started" over links to the sections after it is its contents."""
    text = (
        "## Getting started\n\n- [Install](#install)\n- [Usage](#usage)\n- [About](#about)\n\n"
        "## Install\n\nText.\n\n## Usage\n\nText.\n\n## About\n\nText.\n\n## Licence\n\nText.\n"
    )
    assert [e.title for e in read_bytes(text.encode(), "doc.md").toc] == ["Install", "Usage", "About"]
    assert found(text, "OL1") == [("OL102", 19)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "# Bug report\n\n## Steps to reproduce\n\n<!-- Describe how to reproduce the issue -->\n\n"
            "## Current behaviour\n\n<!-- Describe what happened -->\n\n## Notes\n\n## Environment\n\nText.\n",
            [("OL301", 11)],
            id="template-slots-with-instructions",
        ),
        pytest.param(
            "# Guide\n\n## Install\n\n<!-- TODO: write this -->\n\n## Usage\n\nText.\n",
            [("OL301", 3)],
            id="a-section-still-to-write",
        ),
        pytest.param(
            "# Changelog\n\n## [Unreleased]\n\n## [1.0.0] - 2024-01-01\n\n### Added\n\n- Everything.\n",
            [],
            id="keep-a-changelog-unreleased",
        ),
        pytest.param(
            "# API\n\n### body.arrayBuffer()\n### body.json()\n### body.text()\n\nRead the body.\n\n"
            "### fetch()\n### Headers()\n\nMakes headers.\n",
            [("OL301", 9)],
            id="methods-of-one-object-documented-together",
        ),
    ],
)
def test_sections_empty_by_design(text: str, expected: list[tuple[str, int]]) -> None:
    assert found(text, "OL301") == expected


def test_a_contents_heading_over_generator_markers_is_the_contents_heading() -> None:
    """doctoc writes its list between comments under the author's "## Table of Contents": the
    heading is the contents', not an empty section."""
    text = (
        "# Lib\n\nIntro.\n\n## Table of Contents\n\n<!-- START doctoc generated TOC please keep comment here -->\n"
        "- [Install](#install)\n- [Usage](#usage)\n<!-- END doctoc generated TOC please keep comment here -->\n\n"
        "## Install\n\nText.\n\n## Usage\n\nText.\n"
    )
    assert found(text) == []
    assert [e.title for e in read_bytes(text.encode(), "doc.md").toc] == ["Install", "Usage"]


def test_a_banner_heading_over_the_title_is_a_line_of_the_title() -> None:
    """A documentation page opens with the project's centred banner, then its own title: the banner
    is no empty section, and the page's sections sit under its title."""
    text = '<h1 align="center">Fastify</h1>\n\n# Testing\n\nText.\n\n## Application\n\nText.\n'
    assert found(text) == []
    doc = read_bytes(text.encode(), "doc.md")
    assert [(h.level, h.title) for h in doc.facts.headings] == [(1, "Testing"), (2, "Application")]


def test_each_heading_of_an_html_block_has_its_own_part_as_body() -> None:
    """A README lists its sponsors in one HTML block, a heading over each tier's logos: each tier
    has its logos as its body; a tier with nothing under it is still an empty section."""
    text = (
        "# Project\n\nText.\n\n## Sponsors\n\n<h3>Gold</h3>\n<p><a href='https://a.example'><img src='a.png'></a></p>\n"
        "<h3>Silver</h3>\n<p><a href='https://b.example'><img src='b.png'></a></p>\n<h3>Bronze</h3>\n"
        "<h3>Technology</h3>\n<p>Hosting by a <a href='https://c.example'>host</a>.</p>\n"
    )
    assert found(text, "OL3") == [("OL301", 11)]


def test_a_contents_that_picks_a_few_sub_sections_does_not_forget_the_rest() -> None:
    """The contents lists two of the seven prompts of "Prompts": it picks them, and the five it
    leaves out are no findings. Under "Usage" it lists two of three: the third is missing."""
    prompts = "".join(f"### {name} prompt\n\nText.\n\n" for name in ("Input", "List", "Select", "Sort", "Toggle"))
    text = (
        "# Lib\n\n## Contents\n\n- [Usage](#usage)\n  - [Single](#single)\n  - [Multiple](#multiple)\n"
        "- [Prompts](#prompts)\n  - [Built-in prompts](#built-in-prompts)\n  - [Custom prompts](#custom-prompts)\n\n"
        "## Usage\n\n### Single\n\nText.\n\n### Multiple\n\nText.\n\n### Ways to run\n\nText.\n\n"
        "## Prompts\n\n### Built-in prompts\n\nText.\n\n" + prompts + "### Custom prompts\n\nText.\n"
    )
    assert found(text, "OL1") == [("OL102", 22)]


def test_siblings_at_one_wrong_level_are_one_finding() -> None:
    """An FAQ's questions written beside "FAQ" where the contents lists them under it: one finding
    at the first question, the others as related locations."""
    text = (
        "# Lib\n\n## Contents\n\n* [Install](#install)\n* [FAQ](#faq)\n  * [Why?](#why)\n  * [How?](#how)\n"
        "  * [When?](#when)\n\n## Install\n\nText.\n\n## FAQ\n\n## Why?\n\nText.\n\n## How?\n\nText.\n\n"
        "## When?\n\nText.\n"
    )
    found_ = lint(text, "OL106", fmt="markdown", path="doc.md")
    assert [(f.code, f.span.line) for f in found_] == [("OL106", 17)]
    assert found_[0].message == (
        'headings "Why?", "How?" and "When?" are at level 1 but the contents lists them at level 2'
    )
    assert [r.span.line for r in found_[0].related] == [7, 21, 25]


def test_components_and_trailing_metadata() -> None:
    """An MDX page's cards under "Ways to fix this" are its body; blank lines at the end of a page,
    before metadata tags that show nothing, are no lost content. Blank lines inside a section are."""
    text = (
        '# Error\n\nText.\n\n## Ways to fix this\n\n<FixCardGrid>\n  <FixCard title="Cache it" />\n</FixCardGrid>\n\n'
        '## Notes\n\n> + Send the text first.\n\n\n\n\n\n\n<docmeta name="displayName" value="req.file()">\n'
    )
    assert found(text, "OL3") == []
    inside = "# Page\n\n## Notes\n\nText.\n\n\n\n\n\n\nMore text.\n\n## End\n\nText.\n"
    assert found(inside, "OL3") == [("OL303", 6)]


def test_a_heading_that_links_to_its_chapter_is_no_empty_section() -> None:
    """A book's index page heads each chapter it points to with a link to the chapter's file; a
    heading that links to a place (a way back to the contents) or that says more is a section."""
    text = (
        "# Guide\n\nText.\n\n### [Statements](statements.md)\n### [Expressions](expressions.md)\n"
        "### [Types](types.md#top)\n### [Comments](comments.md) and notes\n### Last\n\nText.\n"
    )
    assert found(text, "OL301") == [("OL301", 7), ("OL301", 8)]
