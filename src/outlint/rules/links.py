"""Links: contents entries and in-page links whose ``#fragment`` matches no heading or anchor."""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import unquote

from outlint.model import Document, Heading, Rule, Severity, Span
from outlint.outline import normalize_title, similarity
from outlint.rules.common import quote

Out = Iterable[tuple[Span, str]]
# Client-side routes, which no element answers: "#!/home", "#/home".
_ROUTES = ("#!", "#/")
# GitHub's links to lines of a Markdown file: "#L10", "#L10-L20", "#L10C5-L20C3" (a single "#L10C5"
# is no such link).
_LINE_REF = re.compile(r"L\d+(?:C\d+)?-L\d+(?:C\d+)?|L\d+")
_CANDIDATES = 50  # headings compared with one broken fragment, at most, per word it shares with them


def fragment(target: str) -> str | None:
    """The anchor a link names (percent-decoded), or None when it is no in-page anchor link."""
    if not target.startswith("#") or target.startswith(_ROUTES):
        return None
    return unquote(target[1:])


def resolves(doc: Document, name: str, options: Mapping[str, Any], raw: str | None = None) -> bool:
    """Whether a fragment leads somewhere: an anchor, the top of the page, or a line of a Markdown
    file as code hosts show it. Browsers try the fragment as written before decoding it (rustdoc
    writes ``id="impl-for-%26A"``), and scroll to the top for an empty fragment or ``top`` in any
    case. GitHub's page script also tries the fragment in lower case, where heading anchors are."""
    if name in doc.anchors or (raw is not None and raw in doc.anchors):
        return True
    if not name or name.lower() == "top":
        return True
    if doc.format == "markdown":
        if _LINE_REF.fullmatch(name):
            return True
        if options.get("ignore-case", True):
            return name.lower() in doc.anchors
    return False


@dataclass(frozen=True, slots=True)
class _Index:
    """Headings a broken fragment may have meant, by anchor and by the words of their titles, so
    that each fragment is compared with a few headings, not with all of them."""

    by_anchor: dict[str, Heading]
    by_word: dict[str, list[Heading]]
    order: dict[int, int]  # id(heading) -> its place in the document


def _index(headings: Iterable[Heading]) -> _Index:
    by_anchor: dict[str, Heading] = {}
    by_word: dict[str, list[Heading]] = {}
    order: dict[int, int] = {}
    for k, h in enumerate(headings):
        if not h.anchor:
            continue
        order[id(h)] = k
        anchor = h.anchor.lower()
        by_anchor.setdefault(anchor, h)
        for key in _keys(anchor.replace("-", " ").replace("_", " ")) | _keys(normalize_title(h.title)):
            by_word.setdefault(key, []).append(h)
    return _Index(by_anchor, by_word, order)


def _keys(words: str) -> set[str]:
    """Each word, and the first four letters of each long word (a typo further on still shares them)."""
    out: set[str] = set()
    for word in words.split():
        out.add(word)
        if len(word) > 4:
            out.add(word[:4] + "…")
    return out


def _closest(name: str, index: _Index) -> Heading | None:
    """The heading whose anchor is closest to a broken fragment (a typo), or whose title its words
    spell, if close enough."""
    lowered = name.lower()
    if lowered in index.by_anchor:
        return index.by_anchor[lowered]
    words = normalize_title(name.replace("-", " ").replace("_", " "))
    pool: dict[int, Heading] = {}
    for key in _keys(words):
        for h in index.by_word.get(key, [])[:_CANDIDATES]:
            pool.setdefault(id(h), h)
    best_score, best = 0.0, None
    for h in sorted(pool.values(), key=lambda h: index.order[id(h)]):
        anchor = (h.anchor or "").lower()
        title = normalize_title(h.title)
        score = max(similarity(lowered, anchor), similarity(words, title))
        if len(words) >= 3 and set(words.split()) < set(title.split()):
            score = max(score, 0.8)  # the heading grew: "Command line" became "Command-line interface"
        if score > best_score:
            best_score, best = score, h
    return best if best_score >= 0.8 else None


@dataclass(frozen=True, slots=True)
class _Places:
    """For contents entries that matched no heading: the document's level offset, the line of the
    nearest matched heading before and after each entry, and the unmatched headings by line."""

    offset: int
    before: list[int]
    after: list[int]
    lines: list[int]
    unmatched: list[Heading]


def _places(doc: Document) -> _Places | None:
    al = doc.facts.alignment
    if not al.pairs:
        return None
    offset = Counter(h.level - doc.toc[j].level for j, h in al.pairs).most_common(1)[0][0]
    line_of = {j: h.span.line for j, h in al.pairs}
    before, last = [], 0
    for j in range(len(doc.toc)):
        before.append(last)
        last = line_of.get(j, last)
    after, nxt = [0] * len(doc.toc), 1 << 62
    for j in range(len(doc.toc) - 1, -1, -1):
        after[j] = nxt
        nxt = line_of.get(j, nxt)
    unmatched = sorted((h for h in al.unmatched_headings if h.anchor), key=lambda h: h.span.line)
    return _Places(offset, before, after, [h.span.line for h in unmatched], unmatched)


def _in_place(doc: Document, places: _Places | None, i: int) -> Heading | None:
    """For a contents entry that matched no heading: the one unlisted heading at its level between
    the headings of its neighbours (the heading it names, renamed beyond recognition)."""
    if places is None:
        return None
    level = doc.toc[i].level + places.offset
    lo = bisect.bisect_right(places.lines, places.before[i])
    hi = bisect.bisect_left(places.lines, places.after[i])
    found = [h for h in places.unmatched[lo:hi] if h.level == level]
    return found[0] if len(found) == 1 else None


def _did_you_mean(h: Heading | None) -> str:
    if h is not None and h.anchor is None:  # a Word heading without a bookmark
        return f" (did you mean heading {quote(h.label)} on line {h.span.line}? it has no anchor)"
    return "" if h is None else f' (did you mean "#{h.anchor}", heading {quote(h.label)} on line {h.span.line}?)'


def _anchored(doc: Document) -> list[Heading]:
    return [h for h in doc.facts.headings if h.anchor]


def check_contents_link(doc: Document, options: Mapping[str, Any]) -> Out:
    if not doc.toc:
        return
    al = doc.facts.alignment
    unlisted: _Index | None = None
    places: _Places | None = None
    twins = _twins(doc)
    for i, entry in enumerate(doc.toc):
        name = fragment(entry.target) if entry.target else None
        if name is None:
            continue
        title = f"{entry.number.label} {entry.title}" if entry.number else entry.title
        if resolves(doc, name, options, (entry.target or "")[1:]):
            meant = _twin_meant(doc, al, twins, i, name)
            if meant is not None:
                yield entry.span, _wrong_twin(title, name, *meant)
            continue
        if unlisted is None:
            unlisted = _index(al.unmatched_headings)
            places = _places(doc)
        guess = al.heading_for(i) or _in_place(doc, places, i) or _closest(name, unlisted)
        yield (
            entry.span,
            f"contents entry {quote(title)} links to {quote('#' + name)}, which matches no heading"
            f"{_did_you_mean(guess)}",
        )


def _wrong_twin(title: str, name: str, landed: Heading, wanted: Heading) -> str:
    went = f"contents entry {quote(title)} links to {quote('#' + name)}, which goes to heading {quote(landed.label)} "
    if wanted.anchor == name:  # one id on two elements: browsers go to the first
        return (
            f"{went}on line {landed.span.line}, the first element with that id; heading {quote(wanted.label)} "
            f"on line {wanted.span.line} has the same id"
        )
    return (
        f"{went}on line {landed.span.line}; {quote('#' + (wanted.anchor or ''))} (heading {quote(wanted.label)} "
        f"on line {wanted.span.line}) was probably meant"
    )


def _twins(doc: Document) -> dict[str, list[Heading]]:
    """Headings whose titles read alike, by normalized title: the renderer gives them one slug with
    a counter (``widget``, ``widget-1``), so a link to the plain slug lands on the first of them."""
    out: dict[str, list[Heading]] = {}
    for h in doc.facts.headings:
        if h.anchor:
            out.setdefault(normalize_title(h.title), []).append(h)
    return {k: v for k, v in out.items() if len(v) > 1}


def _twin_meant(
    doc: Document, al: Any, twins: dict[str, list[Heading]], i: int, name: str
) -> tuple[Heading, Heading] | None:
    """(where the link lands, the heading meant) for a contents entry that links to the plain slug of
    headings with the same title while its place in the contents says it names another of them: the
    one under the heading of its parent entry, where the landing heading is not."""
    landed = doc.anchors.get(name) or doc.anchors.get(name.lower())
    group = twins.get(normalize_title(doc.toc[i].title)) if landed is not None else None
    if landed is None or group is None or all(h is not landed for h in group):
        return None
    parent = al.entry_parents[i]
    above = al.heading_for(parent) if parent is not None else None
    if above is None or _under(doc, landed, above):
        return None
    fits = [h for h in group if h is not landed and _under(doc, h, above)]
    return (landed, fits[0]) if len(fits) == 1 else None


def _under(doc: Document, h: Heading, above: Heading) -> bool:
    return any(node is above for node in doc.facts.path(h)[:-1])


def _generated_tables(doc: Document) -> list[tuple[int, int]]:
    """The lines of contributor tables the all-contributors bot writes between its comments: each
    contribution is an emoji linked to ``#code-<user>``, ``#doc-<user>``, anchors the bot never
    makes, and not the author's to fix."""
    out: list[tuple[int, int]] = []
    start: int | None = None
    for c in doc.comments:
        if "ALL-CONTRIBUTORS-LIST:START" in c.text:
            start = c.span.line
        elif "ALL-CONTRIBUTORS-LIST:END" in c.text and start is not None:
            out.append((start, c.span.line))
            start = None
    return out


def check_fragment_link(doc: Document, options: Mapping[str, Any]) -> Out:
    index: _Index | None = None
    generated = _generated_tables(doc) if doc.comments else []
    for target, span in doc.links:
        name = fragment(target)
        if name is None or resolves(doc, name, options, target[1:]):
            continue
        if generated and any(a < span.line < b for a, b in generated):
            continue
        if index is None:
            index = _index(_anchored(doc))
        yield (
            span,
            f"link to {quote('#' + name)} matches no heading or anchor in the document"
            f"{_did_you_mean(_closest(name, index))}",
        )


DOC_CONTENTS_LINK = """\
## What it does
Reports a contents entry whose link (`[Install](#install)` in Markdown, `<a href="#install">` in
HTML) names an anchor that no heading has, and suggests the closest heading. Markdown heading
anchors are computed the way the renderer does (`--slug github|gitlab|bitbucket|python-markdown`), explicit
`{#id}` attributes, `id` on any element and `name` on `<a>` are honoured; in HTML every `id` counts.
Also reports an entry that links to the plain anchor of headings with the same title (`#widget`,
where the renderer numbers the second `#widget-1`) from a place in the contents that names another
of them: the link goes to the first, the entry meant the one under its parent entry's heading.

## Why is this bad?
The reader clicks the entry and nothing happens, or lands in the wrong section: the heading was
renamed or removed after the contents was written, or the anchor was typed by hand.

## Example
The entry `- [Instalation](#instalation)` above the heading `## Installation`: `#instalation`
matches no heading (did you mean `#installation`?).

## Options
- `ignore-case` (boolean, default true): in Markdown, also try the fragment in lower case, as
  GitHub's page script does (heading anchors are lower case, so `#Usage` reaches `## Usage`); an
  id written with capitals is still matched exactly, and HTML ids always are.
"""

DOC_FRAGMENT_LINK = """\
## What it does
Reports any other in-page link (`[see below](#usage)`, `<a href="#usage">`) whose `#fragment`
matches no heading or anchor in the document. `#` and `#top` in any case (the top of the page),
client-side routes (`#!`, `#/`) and, in Markdown, GitHub's line links (`#L10`, `#L10-L20`,
`#L10C5-L20C3`) are never reported, nor are the emoji links of the contributor table the
all-contributors bot writes between its `ALL-CONTRIBUTORS-LIST` comments (`#code-<user>`). A
reference link is reported once, at its definition (`[ref]: #usage`), where the fragment is
written.

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
