"""OL107 contents-link-broken and OL108 link-fragment-broken, on Markdown and HTML."""

from __future__ import annotations

import pytest

from outlint.linter import Settings, check_bytes, select_rules
from outlint.model import Finding
from outlint.rules import RULES


def check(
    text: str, fmt: str = "markdown", slug: str | None = None, options: dict[str, dict[str, object]] | None = None
) -> list[Finding]:
    settings = Settings(rules=select_rules(["OL107", "OL108"]), slug=slug, options=options or {})
    return check_bytes(text.encode("utf-8"), "doc.md" if fmt == "markdown" else "doc.html", fmt, settings)


def lines(text: str, fmt: str = "markdown", **kw: object) -> list[tuple[str, int, int]]:
    return [(f.code, f.span.line, f.span.column) for f in check(text, fmt, **kw)]  # type: ignore[arg-type]


def messages(text: str, fmt: str = "markdown") -> list[str]:
    return [f.message for f in check(text, fmt)]


def test_contents_link_with_a_typo_names_the_heading_its_title_matches() -> None:
    text = "# P\n\n## Contents\n\n- [Installation](#instalation)\n\n## Installation\n\nRun it.\n"
    assert lines(text) == [("OL107", 5, 3)]
    assert messages(text) == [
        'contents entry "Installation" links to "#instalation", which matches no heading '
        '(did you mean "#installation", heading "Installation" on line 7?)'
    ]


def test_renamed_heading_is_suggested_by_its_place() -> None:
    text = (
        "# P\n\n## Contents\n\n- [Intro](#intro)\n- [Setup](#setup)\n- [Usage](#usage)\n\n## Intro\n\nA.\n\n"
        "## Getting the tool onto your machine\n\nB.\n\n## Usage\n\nC.\n"
    )
    assert messages(text) == [
        'contents entry "Setup" links to "#setup", which matches no heading (did you mean '
        '"#getting-the-tool-onto-your-machine", heading "Getting the tool onto your machine" '
        "on line 13?)"
    ]


def test_missing_section_gets_no_guess() -> None:
    text = "# P\n\n## Contents\n\n- [A](#a)\n- [B](#b)\n- [C](#c)\n\n## A\n\nA.\n\n## C\n\nC.\n"
    assert messages(text) == ['contents entry "B" links to "#b", which matches no heading']


def test_generated_ids_that_look_alike_are_not_suggested() -> None:
    nav = "".join(f'<li><a href="#s1-{n}">1.{n} Part {n}</a></li>' for n in (1, 2, 3))
    body = "".join(f'<h2 id="s1-{n}">1.{n} Part {n}</h2><p>Text.</p>' for n in (1, 3))
    assert messages(f"<html><body><h1>T</h1><nav><ol>{nav}</ol></nav>{body}</body></html>", "html") == [
        'contents entry "1.2 Part 2" links to "#s1-2", which matches no heading'
    ]


def test_in_page_link_with_a_typo() -> None:
    text = "# P\n\n## Installation\n\nSee [configuration](#configuraton).\n\n## Configuration\n\nSet it.\n"
    assert lines(text) == [("OL108", 5, 21)]
    assert messages(text) == [
        'link to "#configuraton" matches no heading or anchor in the document (did you mean '
        '"#configuration", heading "Configuration" on line 7?)'
    ]


@pytest.mark.parametrize(
    "link",
    [
        pytest.param("[top](#top)", id="top"),
        pytest.param("[top](#)", id="empty"),
        pytest.param("[line](#L10)", id="line"),
        pytest.param("[lines](#L10-L20)", id="line-range"),
        pytest.param("[route](#!/home)", id="hashbang-route"),
        pytest.param("[route](#/home)", id="spa-route"),
        pytest.param("[case](#Usage)", id="case-ignored-in-markdown"),
        pytest.param("[other](other.md#usage)", id="other-document"),
        pytest.param("`[code](#nowhere)`", id="inline-code"),
        pytest.param("[中文](#中文标题)", id="chinese-anchor"),
        pytest.param("[encoded](#%E4%B8%AD%E6%96%87%E6%A0%87%E9%A2%98)", id="percent-encoded"),
        pytest.param("[explicit](#custom)", id="explicit-id"),
        pytest.param("[named](#named)", id="a-name"),
        pytest.param("[ref][r]\n\n[r]: #usage", id="reference-definition"),
    ],
)
def test_links_that_lead_somewhere(link: str) -> None:
    text = (
        f"# P\n\n{link}\n\n## Usage\n\nA.\n\n## 中文标题\n\nB.\n\n## Other {{#custom}}\n\nC.\n\n"
        '<a name="named"></a>\n\nD.\n\n```md\n[fenced](#nowhere)\n```\n'
    )
    assert lines(text) == []


def test_case_counts_when_asked_and_in_html() -> None:
    text = "# P\n\nSee [usage](#Usage).\n\n## Usage\n\nA.\n"
    assert lines(text, options={"OL108": {"ignore-case": False}}) == [("OL108", 3, 13)]
    assert lines('<html><body><h1 id="usage">U</h1><p><a href="#Usage">u</a></p></body></html>', "html") == [
        ("OL108", 1, 46)
    ]


def test_slug_style_decides_the_anchors() -> None:
    text = "# P\n\nSee [c](#c-c).\n\n## C++ & C#\n\nA.\n"
    assert lines(text) == [("OL108", 3, 9)]  # GitHub: "c--c"
    assert lines(text, slug="gitlab") == []
    assert lines("# P\n\nSee [u](#uber-uns).\n\n## Über uns\n\nA.\n", slug="python-markdown") == []


def test_links_in_html_blocks_and_tables() -> None:
    text = '# P\n\n<p><a href="#gone">x</a></p>\n\n| a | [b](#gone-too) |\n|---|---|\n'
    assert lines(text) == [("OL108", 3, 13), ("OL108", 5, 11)]


@pytest.mark.parametrize("code", ["OL107", "OL108"])
def test_rule_docs_have_the_four_sections(code: str) -> None:
    doc = RULES[code].doc
    assert [line for line in doc.splitlines() if line.startswith("## ")] == [
        "## What it does",
        "## Why is this bad?",
        "## Example",
        "## Options",
    ]


# --- what is an anchor, and what a fragment reaches ----------------------------------------

ANCHORS = """\
# Anchors

<p name="para-name">A paragraph.</p>

<span data-id="data-only">A span.</span>

<input name="field" id="field-id">

## Setup {#setup}

Links: [a](#para-name), [b](#data-only), [c](#field-id), [d](#setup), [e](#setup-setup), [f](#L30C12).

[g][ref] and [h][ref]

[ref]: #nowhere
"""


def test_only_ids_and_names_of_links_are_anchors() -> None:
    # name= is an anchor on <a> only, data-id never; every id counts wherever it is in the tag; the
    # attribute list is an id and GitHub's text slug spells it too; #L30C12 is no line link; a
    # reference link is reported once, at its definition
    assert [(f.span.line, f.message.split('"')[1]) for f in check(ANCHORS)] == [
        (11, "#para-name"),
        (11, "#data-only"),
        (11, "#L30C12"),
        (15, "#nowhere"),
    ]


@pytest.mark.parametrize(
    "link",
    [
        pytest.param("[top](#TOP)", id="top-in-any-case"),
        pytest.param("[readme](#readme)", id="readme-box-of-code-hosts"),
        pytest.param("[range](#L19C5-L21C11)", id="line-and-column-range"),
        pytest.param('<a id="x" name="y"></a>[n](#y)', id="name-beside-id"),
    ],
)
def test_more_links_that_lead_somewhere(link: str) -> None:
    assert lines(f"# P\n\n{link}\n\n## Usage\n\nA.\n") == []


@pytest.mark.parametrize("link", ["#l7", "#L30C", "#L30C11-", "#C30", "#L7extra"])
def test_what_is_not_a_line_link(link: str) -> None:
    assert lines(f"# P\n\n[x]({link})\n", options={"OL108": {"ignore-case": False}}) == [("OL108", 3, 5)]


def test_ignore_case_tries_the_fragment_in_lower_case_only() -> None:
    # GitHub's script lower-cases the fragment; an id written with capitals is matched exactly
    text = '# P\n\n<a id="MixedCase"></a>\n\n[a](#MIXEDCASE) [b](#MixedCase) [c](#P)\n'
    assert lines(text) == [("OL108", 5, 5)]


def test_heading_in_a_block_quote_keeps_its_anchor() -> None:
    assert lines("# P\n\n> ## Note\n> Careful.\n\nSee [the note](#note).\n") == []


def test_docfx_tab_headings_are_no_links() -> None:
    assert lines("# Tabs\n\n# [Linux](#tab/linux)\n\nOn Linux.\n\n# [Windows](#tab/windows)\n\nOn Windows.\n") == []


def test_bitbucket_anchors_carry_their_prefix() -> None:
    text = "# Hello\n\n[a](#markdown-header-hello) [b](#hello)\n"
    assert lines(text, slug="bitbucket") == [("OL108", 3, 33)]


DUPLICATE_SLUG = """\
# Widget
## Contents
- [API](#api)
  - [widget](#widget)
    - [widget.run()](#widgetrun)
## API
Functions.
### `widget`
The object.
#### `widget.run()`
Runs it.
"""


def test_link_to_the_first_of_two_headings_with_one_slug_names_the_one_meant() -> None:
    assert [(f.code, f.span.line, f.message) for f in check(DUPLICATE_SLUG)] == [
        (
            "OL107",
            4,
            'contents entry "widget" links to "#widget", which goes to heading "Widget" on line 1; '
            '"#widget-1" (heading "widget" on line 8) was probably meant',
        )
    ]


def test_many_broken_links_are_each_compared_with_a_few_headings() -> None:
    import time

    text = "# T\n" + "".join(f"## H {k}\n\nSee [x](#no-{k}).\n" for k in range(2000))
    start = time.process_time()
    found = check(text)
    assert len(found) == 2000
    assert time.process_time() - start < 10  # every link against every heading took minutes


def test_the_all_contributors_table_is_not_the_authors_to_fix() -> None:
    """The all-contributors bot links each contribution's emoji to ``#code-<user>``, an anchor it never
    makes, between its own comments; the same link elsewhere is reported."""
    text = (
        "# P\n\n## Contributors\n\n<!-- ALL-CONTRIBUTORS-LIST:START - Do not remove or modify this section -->\n"
        '<table><tr><td><a href="https://example.com/"><sub><b>Ann</b></sub></a><br />'
        '<a href="#code-ann" title="Code">💻</a></td></tr></table>\n\n'
        "<!-- ALL-CONTRIBUTORS-LIST:END -->\n\nSee [her code](#code-ann).\n"
    )
    assert lines(text) == [("OL108", 10, 16)]
