"""Heading anchors as Markdown renderers compute them: GitHub, GitLab, Bitbucket and Python-Markdown styles."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from functools import lru_cache

Slugger = Callable[[str], str]

# GitHub and GitLab keep what Ruby's \p{Word} matches (letters, marks, decimal and letter numbers,
# connector punctuation such as "_"), plus "-" and the space; everything else is dropped.
_KEEP_CATEGORIES = frozenset({"Lu", "Ll", "Lt", "Lm", "Lo", "Mn", "Mc", "Me", "Nd", "Nl", "Pc"})
_ASCII_DROP = re.compile(r"[^a-z0-9_\- ]")
# GitLab drops its tier badges, ``**(PREMIUM SELF)**``, with the blanks and asterisks before them.
# The pattern starts at the parenthesis and the blanks are cut by hand: a leading ``\s*\**`` would
# make each position of a long run of blanks or asterisks scan the whole run (quadratic).
_GITLAB_TIER = re.compile(r"\((?:premium|ultimate)(?:\s+(?:self(?:-managed)?|saas))?\)\**")
_BLANKS = " \t\r\n\f\v"
_PYMD_DROP = re.compile(r"[^\w\s-]")
_PYMD_SEP = re.compile(r"[-\s]+")
_PYMD_COUNT = re.compile(r"^(.*)_([0-9]+)$")


def _drop_punctuation(text: str) -> str:
    if text.isascii():
        return _ASCII_DROP.sub("", text)
    return "".join(c for c in text if c in "- " or unicodedata.category(c) in _KEEP_CATEGORIES)


@lru_cache(maxsize=8192)
def github(title: str) -> str:
    """github-slugger: lowercase, drop punctuation and symbols (emoji), each space becomes ``-``."""
    return _drop_punctuation(title.lower()).replace(" ", "-")


def _without_tiers(text: str) -> str:
    if "(" not in text:
        return text
    kept, pos = [], 0
    for m in _GITLAB_TIER.finditer(text):
        cut = m.start()
        while cut > pos and text[cut - 1] == "*":
            cut -= 1
        while cut > pos and text[cut - 1] in _BLANKS:
            cut -= 1
        kept.append(text[pos:cut])
        pos = m.end()
    kept.append(text[pos:])
    return "".join(kept)


@lru_cache(maxsize=8192)
def gitlab(title: str) -> str:
    """GitLab: like GitHub, but trimmed, runs of ``-`` squeezed, and digits-only ids prefixed."""
    text = _without_tiers(title.strip().lower())
    text = re.sub(r"-{2,}", "-", _drop_punctuation(text).replace(" ", "-"))
    return f"anchor-{text}" if text.isdigit() else text


@lru_cache(maxsize=8192)
def python_markdown(title: str) -> str:
    """Python-Markdown's toc extension: ASCII-folded, punctuation dropped, whitespace runs to ``-``."""
    text = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode("ascii")
    return _PYMD_SEP.sub("-", _PYMD_DROP.sub("", text).strip().lower())


@lru_cache(maxsize=8192)
def bitbucket(title: str) -> str:
    """Bitbucket Cloud renders with Python-Markdown and prefixes every heading id with ``markdown-header-``."""
    return "markdown-header-" + python_markdown(title)


SLUGS: dict[str, Callable[[str], str]] = {
    "github": github,
    "gitlab": gitlab,
    "bitbucket": bitbucket,
    "python-markdown": python_markdown,
}
STYLES = tuple(SLUGS)


def slugger(style: str = "github", taken: Iterable[str] = ()) -> Slugger:
    """A function giving each heading title its anchor in document order, numbering duplicates
    the way the style's renderer does (``-1``, ``-2``; Python-Markdown ``_1``, ``_2``).

    ``taken`` are ids that already exist (explicit ids); only Python-Markdown avoids them.
    """
    base = SLUGS[style]
    if style in ("python-markdown", "bitbucket"):
        used = set(taken)

        def unique_pymd(title: str) -> str:
            anchor = base(title)
            while anchor in used or not anchor:
                m = _PYMD_COUNT.match(anchor)
                anchor = f"{m.group(1)}_{int(m.group(2)) + 1}" if m else f"{anchor}_1"
            used.add(anchor)
            return anchor

        return unique_pymd
    if style == "gitlab":
        counts: dict[str, int] = {}

        def unique_gitlab(title: str) -> str:
            anchor = base(title)
            n = counts.get(anchor, 0)
            counts[anchor] = n + 1
            return f"{anchor}-{n}" if n else anchor

        return unique_gitlab
    occurrences: dict[str, int] = {}

    def unique_github(title: str) -> str:
        anchor = original = base(title)
        while anchor in occurrences:
            occurrences[original] += 1
            anchor = f"{original}-{occurrences[original]}"
        occurrences[anchor] = 0
        return anchor

    return unique_github
