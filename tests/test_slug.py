"""Heading anchors as renderers compute them, from titles and through the Markdown reader."""

from __future__ import annotations

import pytest

from outlint import slug as slug_module
from outlint.linter import read_bytes
from outlint.slug import SLUGS, bitbucket, github, gitlab, python_markdown, slugger

# (heading as written in Markdown, the anchor GitHub gives it)
GITHUB = [
    pytest.param("## Hello, World!", "hello-world", id="comma-and-bang"),
    pytest.param("## What's new in 2.0?", "whats-new-in-20", id="apostrophe-dot-question"),
    pytest.param("## C++ & C#", "c--c", id="symbols-leave-their-spaces"),
    pytest.param("## A -- B", "a----b", id="dashes-kept"),
    pytest.param("## snake_case_name", "snake_case_name", id="underscores-kept"),
    pytest.param("## Step 1: Install", "step-1-install", id="colon"),
    pytest.param("## v1.2.3 (2020-01-01)", "v123-2020-01-01", id="version-and-date"),
    pytest.param("## Q&amp;A", "qa", id="entity-decoded-then-dropped"),
    pytest.param("## em—dash and en–dash", "emdash-and-endash", id="unicode-dashes-dropped"),
    pytest.param("## apostrophe’s", "apostrophes", id="typographic-apostrophe"),
    pytest.param("## 🎉 Features", "-features", id="emoji-leaves-its-space"),
    pytest.param("## Features 🚀🚀", "features-", id="trailing-emoji"),
    pytest.param("## :tada: Release", "tada-release", id="gemoji-shortcode-stays-text"),
    pytest.param("## I ♥ unicode", "i--unicode", id="symbol"),
    pytest.param("## 中文标题", "中文标题", id="chinese"),
    pytest.param("## 安装 Installation", "安装-installation", id="chinese-and-english"),
    pytest.param("## 使用说明（高级）", "使用说明高级", id="fullwidth-brackets-dropped"),
    pytest.param("## 第三章：总结", "第三章总结", id="fullwidth-colon-dropped"),
    pytest.param("## Über uns", "über-uns", id="accented-letters-kept"),
    pytest.param("## Профили пользователей", "профили-пользователей", id="cyrillic"),
    pytest.param("## `foo()` method", "foo-method", id="inline-code"),
    pytest.param("## The `--slug` option", "the---slug-option", id="inline-code-with-dashes"),
    pytest.param("## **Bold** and _italic_", "bold-and-italic", id="emphasis-unwrapped"),
    pytest.param("## [Link](https://example.com) text", "link-text", id="link-text-only"),
    pytest.param("## ![logo](logo.png) Project", "-project", id="image-dropped"),
    pytest.param("Setext Title\n============", "setext-title", id="setext"),
    pytest.param("## Closing hashes ##", "closing-hashes", id="closing-sequence"),
]


def anchors(markdown: str, style: str | None = None) -> list[str | None]:
    doc = read_bytes(markdown.encode("utf-8"), "doc.md", slug=style)
    return [h.anchor for h in doc.facts.headings]


@pytest.mark.parametrize(("heading", "anchor"), GITHUB)
def test_github_anchor_of_a_heading(heading: str, anchor: str) -> None:
    assert anchors(heading + "\n\nText.\n") == [anchor]


def test_github_duplicates_are_numbered_like_github_slugger() -> None:
    doc = "\n\n".join(["## Usage", "## Usage", "## Usage 1", "## Usage-1", "## Usage"]) + "\n"
    assert anchors(doc) == ["usage", "usage-1", "usage-1-1", "usage-1-2", "usage-2"]


@pytest.mark.parametrize(
    ("title", "slug"),
    [
        pytest.param("Hello, World!", "hello-world", id="plain"),
        pytest.param(" a ", "-a-", id="outer-spaces-kept"),
        pytest.param(
            "exchange.bind_headers(exchange, routing [, bindCallback])",
            "exchangebind_headersexchange-routing--bindcallback",
            id="code-like",
        ),
        pytest.param("Ⅳ. Roman numeral letter", "ⅳ-roman-numeral-letter", id="letter-number-kept"),
        pytest.param("x² squared", "x-squared", id="superscript-dropped"),
    ],
)
def test_github_function(title: str, slug: str) -> None:
    assert github(title) == slug


@pytest.mark.parametrize(
    ("title", "slug"),
    [
        pytest.param("C++ & C#", "c-c", id="dashes-squeezed"),
        pytest.param("  Trimmed  ", "trimmed", id="trimmed"),
        pytest.param("2023", "anchor-2023", id="digits-only-prefixed"),
        pytest.param("Pricing (PREMIUM)", "pricing", id="product-suffix-dropped"),
        pytest.param("中文 标题", "中文-标题", id="chinese"),
    ],
)
def test_gitlab_function(title: str, slug: str) -> None:
    assert gitlab(title) == slug


@pytest.mark.parametrize(
    ("title", "slug"),
    [
        pytest.param("Über uns", "uber-uns", id="ascii-folded"),
        pytest.param("C++ & C#", "c-c", id="runs-of-separators-squeezed"),
        pytest.param("  Spaces  around  ", "spaces-around", id="stripped"),
        pytest.param("中文", "", id="nothing-ascii-left"),
    ],
)
def test_python_markdown_function(title: str, slug: str) -> None:
    assert python_markdown(title) == slug


def test_duplicates_per_style() -> None:
    titles = ["Usage", "Usage", "Usage"]
    assert [slugger("github")(t) for t in titles] == ["usage", "usage", "usage"]  # a fresh slugger each
    for style, want in {
        "github": ["usage", "usage-1", "usage-2"],
        "gitlab": ["usage", "usage-1", "usage-2"],
        "python-markdown": ["usage", "usage_1", "usage_2"],
    }.items():
        unique = slugger(style)
        assert [unique(t) for t in titles] == want, style


def test_python_markdown_avoids_explicit_ids_and_empty_ones() -> None:
    unique = slugger("python-markdown", taken=["usage"])
    assert [unique("Usage"), unique("中文"), unique("中文")] == ["usage_1", "_1", "_2"]


def test_slug_option_reaches_the_reader() -> None:
    doc = "## Über uns\n\nText.\n\n## Über uns\n\nMore.\n"
    assert anchors(doc, "github") == ["über-uns", "über-uns-1"]
    assert anchors(doc, "gitlab") == ["über-uns", "über-uns-1"]
    assert anchors(doc, "python-markdown") == ["uber-uns", "uber-uns_1"]


def test_explicit_ids_win() -> None:
    doc = '## Install {#setup}\n\nA.\n\n## <a name="cfg"></a> Configure\n\nB.\n\n<a id="faq"></a>\n\n## FAQ\n\nC.\n'
    parsed = read_bytes(doc.encode(), "doc.md")
    assert [h.anchor for h in parsed.facts.headings] == ["setup", "cfg", "faq"]
    assert [h.title for h in parsed.facts.headings] == ["Install", "Configure", "FAQ"]
    # the computed slugs still lead to the headings
    assert parsed.anchors["-configure"] is parsed.facts.headings[1]  # the dropped tag leaves its space
    assert parsed.anchors["faq"] is parsed.facts.headings[2]


def test_every_style_is_registered() -> None:
    assert set(SLUGS) == {"github", "gitlab", "bitbucket", "python-markdown"}


def test_bitbucket_prefixes_python_markdown_slugs_and_escapes_html() -> None:
    assert bitbucket("Hello World!") == "markdown-header-hello-world"
    doc = '<a id="raw"></a>\n\n## Hello\n\nA.\n\n## Hello\n\nB.\n'
    assert anchors(doc, "bitbucket") == ["markdown-header-hello", "markdown-header-hello_1"]
    assert "raw" not in read_bytes(doc.encode(), "doc.md", slug="bitbucket").anchors  # HTML is shown as text


@pytest.mark.parametrize(
    "heading",
    [
        "#",
        "## ",
        "# !!!",
        "# ！",
        "# 🎉",
        "# ![logo](logo.png)",
        "# [![x][l]][s]\n\n[l]: a.png\n[s]: b",
        "<h2>!!!</h2>",
    ],
)
def test_a_heading_without_an_anchor_is_still_a_heading(heading: str) -> None:
    doc = read_bytes(f"{heading}\n\nText.\n\n## Next\n\nMore.\n".encode(), "doc.md")
    first, second = doc.facts.headings[0], doc.facts.headings[-1]
    assert first.span.line == 1 and first.anchor is None
    assert second.anchor == "next"


def test_gitlab_tier_badges_go_as_the_old_pattern_took_them() -> None:
    """The hand-cut blanks before a tier badge remove exactly what ``\\s*\\**\\(tier\\)\\**`` matched."""
    import random
    import re

    old = re.compile(r"[ \t\r\n\f\v]*\**\((?:premium|ultimate)(?:\s+(?:self(?:-managed)?|saas))?\)\**")
    parts = [" ", "*", "**", "\t", "x", "(premium)", "(ultimate self-managed)", "(premium saas)", "(", ")", "a b"]
    rng = random.Random(7)
    for _ in range(3000):
        title = "".join(rng.choice(parts) for _ in range(rng.randint(0, 8)))
        text = title.strip().lower()
        assert slug_module._without_tiers(text) == old.sub("", text), title
    assert gitlab("Install **(PREMIUM SELF)**") == "install"
