"""The outline's shared helpers: the likeness of titles used to align contents with headings."""

from __future__ import annotations

import difflib
import random

import pytest

from outlint.outline import similarity


def _pairs() -> list[tuple[str, str]]:
    rng = random.Random(8)
    words = "scope records budget review 1205 policy access the of annual 目录 前言".split()
    out = [("", "a"), ("abc", "abc"), ("records 16", "records"), ("policy review 1205 3021", "policy review 1205")]

    def title() -> str:
        return " ".join(rng.choices(words, k=rng.randint(1, 5)))

    def letters() -> str:
        return "".join(rng.choices("abcde ", k=rng.randint(1, 30)))

    for _ in range(400):
        out += [(title(), title()), (letters(), letters())]
    return out


def _ratio(a: str, b: str) -> float:
    """The likeness as difflib gives it, every comparison made in full."""
    if a == b:
        return 1.0
    m = difflib.SequenceMatcher(None, a, b, autojunk=False)
    if m.real_quick_ratio() < 0.3 or m.quick_ratio() < 0.3:
        return m.quick_ratio() * 0.5
    return m.ratio()


def test_similarity_is_difflibs_ratio() -> None:
    for a, b in _pairs():
        assert similarity(a, b) == _ratio(a, b), (a, b)


@pytest.mark.parametrize("least", [0.31, 0.5, 0.6, 0.8, 0.95])
def test_bounded_similarity_decides_as_the_full_one(least: float) -> None:
    # the cheap bounds only skip comparisons that cannot reach ``least``: what reaches it is exact
    for a, b in _pairs():
        full = similarity(a, b)
        bounded = similarity(a, b, least)
        assert (bounded >= least) == (full >= least), (a, b)
        if full >= least:
            assert bounded == full, (a, b)
