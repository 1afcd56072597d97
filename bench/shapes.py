"""Adversarial document shapes: documents that grow in one direction, for complexity tests and benchmarks.

Each shape is ``make(n) -> bytes`` per format: ``n`` is the number of repeated units (headings, entries,
blank lines, levels, bytes of one line...), so that the same shape at ``n`` and ``10 * n`` shows whether
outlint's time grows linearly. The shapes come from the robustness review of issue 14: what broke or slowed
readers, the outline and the rules. Standard library only, so that ``bench.py`` can use it anywhere.
"""

from __future__ import annotations

from collections.abc import Callable

Make = Callable[[int], bytes]

_WORDS = "the report covers the scope of the annual review and the budget".split()


def _prose(k: int) -> str:
    return " ".join(_WORDS[(k + i) % len(_WORDS)] for i in range(9)).capitalize() + "."


def _enc(text: str) -> bytes:
    return text.encode("utf-8")


def _html(body: str) -> bytes:
    return _enc(f'<!DOCTYPE html>\n<html lang="en"><head><title>T</title></head><body>\n{body}</body></html>\n')


# --- one function per shape and format -----------------------------------------------------------


def headings_text(n: int) -> bytes:
    return _enc("Report\n\n" + "".join(f"{k}. Section {k}\n\n{_prose(k)}\n\n" for k in range(1, n + 1)))


def headings_md(n: int) -> bytes:  # only "##": the level-skip rule once compared each with all (D20)
    return _enc("# Report\n\n" + "".join(f"## Section {k}\n\n{_prose(k)}\n\n" for k in range(1, n + 1)))


def headings_html(n: int) -> bytes:
    return _html("<h1>Report</h1>\n" + "".join(f"<h2>Section {k}</h2><p>{_prose(k)}</p>\n" for k in range(1, n + 1)))


def contents_text(n: int) -> bytes:  # numbered entries past 999, with page numbers
    toc = "".join(f"  {k}. Entry {k} .......... {k // 3 + 1}\n" for k in range(1, n + 1))
    return _enc(f"Report\n\nContents\n\n{toc}\n1. Entry 1\n\n{_prose(1)}\n")


def unnumbered_contents_text(n: int) -> bytes:  # D25: the minimum indent over all entries, per entry
    toc = "".join(f"Entry {k} .... {k % 999 + 1}\n" for k in range(n))
    return _enc(f"Contents\n\n{toc}\nEntry 0\n\n{_prose(0)}\n")


def contents_md(n: int) -> bytes:
    toc = "".join(f"- [{k}. Entry {k}](#{k}-entry-{k})\n" for k in range(1, n + 1))
    return _enc(f"# Report\n\n## Contents\n\n{toc}\n## 1. Entry 1\n\n{_prose(1)}\n")


def contents_html(n: int) -> bytes:
    toc = "".join(f'<li><a href="#s{k}">{k}. Entry {k}</a></li>\n' for k in range(1, n + 1))
    return _html(f'<h1>Report</h1>\n<nav><ol>\n{toc}</ol></nav>\n<h2 id="s1">1. Entry 1</h2><p>{_prose(1)}</p>\n')


def long_line_text(n: int) -> bytes:  # one line of n bytes
    return _enc("Report\n\n1. Scope\n\n" + ("word " * (n // 5 + 1))[:n] + "\n")


def long_line_md(n: int) -> bytes:
    return _enc("# Report\n\n## Scope\n\n" + ("word " * (n // 5 + 1))[:n] + "\n")


def long_line_html(n: int) -> bytes:
    return _html("<h1>Report</h1><h2>Scope</h2><p>" + ("word " * (n // 5 + 1))[:n] + "</p>\n")


def long_word_md(n: int) -> bytes:  # one word of n letters: D16's trailing-punctuation and URL patterns
    return _enc("# Report\n\n## Scope\n\n" + "x" * n + "\n")


def long_word_text(n: int) -> bytes:
    return _enc("Report\n\n1. Scope\n\n" + "x" * n + "\n")


def blank_lines_text(n: int) -> bytes:
    return _enc("Report\n\n1. Scope\n\n" + _prose(0) + "\n" * n + "2. Terms\n\n" + _prose(1) + "\n")


def blank_lines_md(n: int) -> bytes:
    return _enc("# Report\n\n## Scope\n\n" + _prose(0) + "\n" * n + "## Terms\n\n" + _prose(1) + "\n")


def blank_lines_html(n: int) -> bytes:
    return _html("<h1>Report</h1><h2>Scope</h2><p>" + _prose(0) + "</p>" + "\n" * n + "<h2>Terms</h2><p>x.</p>\n")


def deep_quotes_md(n: int) -> bytes:  # n nested block quotes on one line
    return _enc("# Report\n\n" + "> " * n + "text\n")


def deep_lists_md(n: int) -> bytes:  # n nested list items on one line ("- - - text")
    return _enc("# Report\n\n" + "- " * n + "text\n")


def deep_divs_html(n: int) -> bytes:  # D2, D3, D27
    return _html("<h1>Report</h1>" + "<div>" * n + "<p>text</p>" + "</div>" * n + "\n")


def deep_lists_html(n: int) -> bytes:
    return _html("<h1>Report</h1>" + "<ul><li>" * n + "text" + "</li></ul>" * n + "\n")


def deep_inline_html(n: int) -> bytes:  # D2: unclosed inline elements
    return _html("<h1>Report</h1>" + "<b>" * n + "<p>x</p>\n")


def numbered_items_text(n: int) -> bytes:  # every line a numbered item; D26 joined them one by one
    return _enc("Intro:\n" + "".join(f"{k}. item\n" for k in range(1, n + 1)))


def numbered_items_md(n: int) -> bytes:
    return _enc("# Report\n\n" + "".join(f"{k}. item\n" for k in range(1, n + 1)))


def numbered_items_html(n: int) -> bytes:
    return _html("<h1>Report</h1><ol>" + "".join(f"<li>{k}. item</li>\n" for k in range(1, n + 1)) + "</ol>\n")


def duplicates_text(n: int) -> bytes:
    return _enc("Report\n\n" + "".join(f"Same Title\n==========\n\n{_prose(k)}\n\n" for k in range(n)))


def duplicates_md(n: int) -> bytes:
    return _enc("# Report\n\n" + "".join(f"## Same\n\n{_prose(k)}\n\n" for k in range(n)))


def duplicates_html(n: int) -> bytes:
    return _html("<h1>Report</h1>" + "".join(f"<h2>Same</h2><p>{_prose(k)}</p>\n" for k in range(n)))


def suppressions_md(n: int) -> bytes:  # D22
    return _enc(
        "".join(f"<!-- outlint-disable OL102 -->\n## H {k}\n\n<!-- outlint-enable OL301 -->\n" for k in range(n))
    )


def suppressions_html(n: int) -> bytes:
    return _html("".join(f"<!-- outlint-disable OL102 --><h2>H {k}</h2>\n" for k in range(n)))


def broken_links_md(n: int) -> bytes:  # D21: each broken link compared with every heading
    return _enc("# T\n" + "".join(f"## H {k}\n\nSee [x](#no-{k}).\n" for k in range(n)))


def broken_links_html(n: int) -> bytes:
    return _html(
        "<h1>T</h1>" + "".join(f'<h2 id="h{k}">H {k}</h2><p>See <a href="#no-{k}">x</a>.</p>\n' for k in range(n))
    )


def scripts_html(n: int) -> bytes:  # D23: the whole page lowered per element
    return _html("<main>" + "<script>1</script>\n" * n + "</main>\n")


def page_marks_text(n: int) -> bytes:  # D24: page marks looked up in a list
    return _enc("".join(f"Text line {k}\n- {k % 999} -\n" for k in range(n)))


def deep_numbers_text(n: int) -> bytes:  # D4: sections nested by their numbers, n levels (n² bytes: not in SHAPES)
    return _enc("\n".join("1" + ".1" * k + f". Section {k}\n\nText of section {k} here.\n" for k in range(n)))


def chinese_text(n: int) -> bytes:  # mixed Chinese paragraphs: language analysis per block
    zh = "本节内容尚未翻译完成，请参阅原始文件。该系统的设计目标是提高文档处理的效率。"
    return _enc("Report\n\n" + "".join(f"{k}. Section {k}\n\n{_prose(k)}\n\n{zh}\n\n" for k in range(1, n + 1)))


# shape name -> format -> (make, n for the small size); the large size is 10 * n
SHAPES: dict[str, dict[str, tuple[Make, int]]] = {
    "headings": {"text": (headings_text, 1000), "markdown": (headings_md, 1000), "html": (headings_html, 1000)},
    "contents": {"text": (contents_text, 3000), "markdown": (contents_md, 2000), "html": (contents_html, 2000)},
    "unnumbered-contents": {"text": (unnumbered_contents_text, 1000)},
    "long-line": {
        "text": (long_line_text, 200_000),
        "markdown": (long_line_md, 200_000),
        "html": (long_line_html, 500_000),  # at 200 KB the small run is near the fixed cost, so noise decides
    },
    "long-word": {"markdown": (long_word_md, 5_000), "text": (long_word_text, 5_000)},
    "blank-lines": {
        "text": (blank_lines_text, 20_000),
        "markdown": (blank_lines_md, 20_000),
        "html": (blank_lines_html, 20_000),
    },
    "deep-quotes": {"markdown": (deep_quotes_md, 1000)},
    "deep-lists": {"markdown": (deep_lists_md, 1000), "html": (deep_lists_html, 1000)},
    "deep-divs": {"html": (deep_divs_html, 1000)},
    "deep-inline": {"html": (deep_inline_html, 1000)},
    "numbered-items": {
        "text": (numbered_items_text, 2000),
        "markdown": (numbered_items_md, 2000),
        "html": (numbered_items_html, 2000),
    },
    "duplicates": {"text": (duplicates_text, 500), "markdown": (duplicates_md, 500), "html": (duplicates_html, 500)},
    "suppressions": {"markdown": (suppressions_md, 500), "html": (suppressions_html, 500)},
    "broken-links": {"markdown": (broken_links_md, 100), "html": (broken_links_html, 100)},
    "scripts": {"html": (scripts_html, 3000)},
    "page-marks": {"text": (page_marks_text, 2000)},
    "chinese": {"text": (chinese_text, 300)},
}
SUFFIX = {"text": ".txt", "markdown": ".md", "html": ".html"}
