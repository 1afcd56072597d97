"""Links: contents entries and in-page links whose ``#fragment`` matches no heading or anchor."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping
from typing import Any
from urllib.parse import unquote

from outlint.model import Document, Heading, Rule, Severity, Span
from outlint.outline import normalize_title, similarity
from outlint.rules.common import quote

Out = Iterable[tuple[Span, str]]
# Fragments every browser resolves without an element (the top of the page), and client-side routes.
_ALWAYS = {"", "top"}
_LINE_REF = re.compile(r"L\d+(?:C\d+)?(?:-L\d+(?:C\d+)?)?")


def fragment(target: str) -> str | None:
    """The anchor a link names (percent-decoded), or None when it is no in-page anchor link."""
    if not target.startswith("#") or target.startswith(("#!", "#/")):
        return None
    return unquote(target[1:])


def resolves(doc: Document, name: str, options: Mapping[str, Any], raw: str | None = None) -> bool:
    """Whether a fragment leads somewhere: an anchor, the top of the page, or a line of a Markdown
    file as code hosts show it (``#L10``, ``#L10-L20``). Browsers try the fragment as written
    before decoding it (rustdoc writes ``id="impl-for-%26A"``)."""
    if name in _ALWAYS or name in doc.anchors or (raw is not None and raw in doc.anchors):
        return True
    if doc.format == "markdown":
        if _LINE_REF.fullmatch(name):
            return True
        if options.get("ignore-case", True):
            return name.lower() in doc.facts.derive(_lowered_anchors)
    return False


def _closest(name: str, among: Iterable[Heading]) -> Heading | None:
    """The heading whose anchor is closest to a broken fragment (a typo), or whose title its words
    spell, if close enough."""
    lowered = name.lower()
    words = normalize_title(name.replace("-", " ").replace("_", " "))
    best_score, best = 0.0, None
    for h in among:
        anchor = (h.anchor or "").lower()
        if anchor == lowered:
            return h
        title = normalize_title(h.title)
        score = max(similarity(lowered, anchor), similarity(words, title))
        if len(words) >= 3 and set(words.split()) < set(title.split()):
            score = max(score, 0.8)  # the heading grew: "Command line" became "Command-line interface"
        if score > best_score:
            best_score, best = score, h
    return best if best_score >= 0.8 else None


def _in_place(doc: Document, i: int) -> Heading | None:
    """For a contents entry that matched no heading: the one unlisted heading at its level between
    the headings of its neighbours (the heading it names, renamed beyond recognition)."""
    al = doc.facts.alignment
    matched = dict(al.pairs)
    if not matched:
        return None
    offset = Counter(h.level - doc.toc[j].level for j, h in al.pairs).most_common(1)[0][0]
    before = next((matched[j].span.line for j in range(i - 1, -1, -1) if j in matched), 0)
    after = next((matched[j].span.line for j in range(i + 1, len(doc.toc)) if j in matched), 1 << 62)
    level = doc.toc[i].level + offset
    found = [h for h in al.unmatched_headings if before < h.span.line < after and h.level == level and h.anchor]
    return found[0] if len(found) == 1 else None


def _did_you_mean(h: Heading | None) -> str:
    if h is not None and h.anchor is None:  # a Word heading without a bookmark
        return f" (did you mean heading {quote(h.label)} on line {h.span.line}? it has no anchor)"
    return "" if h is None else f' (did you mean "#{h.anchor}", heading {quote(h.label)} on line {h.span.line}?)'


def _lowered_anchors(doc: Document) -> frozenset[str]:
    return frozenset(a.lower() for a in doc.anchors)


def _anchored(doc: Document) -> list[Heading]:
    return list(doc.facts.derive(_anchored_headings))


def _anchored_headings(doc: Document) -> tuple[Heading, ...]:
    return tuple(h for h in doc.facts.headings if h.anchor)


def check_contents_link(doc: Document, options: Mapping[str, Any]) -> Out:
    for i, entry in enumerate(doc.toc):
        name = fragment(entry.target) if entry.target else None
        if name is None or resolves(doc, name, options, (entry.target or "")[1:]):
            continue
        title = f"{entry.number.label} {entry.title}" if entry.number else entry.title
        al = doc.facts.alignment
        unlisted = [h for h in al.unmatched_headings if h.anchor]
        meant = al.heading_for(i) or _in_place(doc, i) or _closest(name, unlisted)
        yield (
            entry.span,
            (
                f"contents entry {quote(title)} links to {quote('#' + name)}, which matches no "
                f"heading{_did_you_mean(meant)}"
            ),
        )


def check_fragment_link(doc: Document, options: Mapping[str, Any]) -> Out:
    for target, span in doc.links:
        name = fragment(target)
        if name is None or resolves(doc, name, options, target[1:]):
            continue
        yield (
            span,
            (
                f"link to {quote('#' + name)} matches no heading or anchor in the document"
                f"{_did_you_mean(_closest(name, _anchored(doc)))}"
            ),
        )


DOC_CONTENTS_LINK = """\
## What it does
Reports a contents entry whose link (`[Install](#install)` in Markdown, `<a href="#install">` in
HTML) names an anchor that no heading has, and suggests the closest heading. Markdown heading
anchors are computed the way the renderer does (`--slug github|gitlab|python-markdown`), explicit
`{#id}` attributes and `<a id>`/`<a name>` anchors are honoured; in HTML every `id` counts.

## Why is this bad?
The reader clicks the entry and nothing happens: the heading was renamed or removed after the
contents was written, or the anchor was typed by hand.

## Example
The entry `- [Instalation](#instalation)` above the heading `## Installation`: `#instalation`
matches no heading (did you mean `#installation`?).

## Options
- `ignore-case` (boolean, default true): in Markdown, match fragments to anchors ignoring case, as
  the page scripts of code hosts do; HTML ids are always compared exactly.
"""

DOC_FRAGMENT_LINK = """\
## What it does
Reports any other in-page link (`[see below](#usage)`, `<a href="#usage">`) whose `#fragment`
matches no heading or anchor in the document. `#` and `#top` (the top of the page), client-side
routes (`#!`, `#/`) and, in Markdown, line references (`#L10-L20`) are never reported.

## Why is this bad?
A cross-reference that leads nowhere: its target was renamed or removed.

## Example
`See [the options](#options).` in a document whose heading is `## Settings`.

## Options
- `ignore-case` (boolean, default true): as for `contents-link-broken`.
"""

RULES = (
    Rule(
        "OL107",
        "contents-link-broken",
        "Contents link matches no heading",
        check_contents_link,
        Severity.ERROR,
        {"ignore-case": True},
        doc=DOC_CONTENTS_LINK,
    ),
    Rule(
        "OL108",
        "link-fragment-broken",
        "In-page link matches no heading or anchor",
        check_fragment_link,
        Severity.ERROR,
        {"ignore-case": True},
        doc=DOC_FRAGMENT_LINK,
    ),
)
