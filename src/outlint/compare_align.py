"""Align two outlines: a global, order-preserving alignment of their sections, plus the moved ones.

The sections of both documents are taken in document order and aligned as two sequences, the way
``diff`` aligns lines: the order of sections is evidence, so a section is matched to the one at the
same place in the other outline's structure, not to the best-looking one anywhere. What decides a
match is what survives translation: the level, the number path (``(5)`` under ``2.`` is 2.5, as is
``（五）`` under ``二、``), the names, numbers and commands the body keeps, and the titles when
both documents are in the same language.

It runs in near-linear time: sections whose number path (or, in one language, title) is unique in
both documents and that agree anchor the alignment; the longest run of anchors in the same order
splits it into small windows, each aligned by dynamic programming; anchors out of that order are
sections that moved.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from outlint.compare_measure import Section, Side, same_language, token_similarity
from outlint.outline import similarity

# A match must score above this; skipping a section costs nothing, so two sections are paired
# only when the evidence says they are the same one.
THRESHOLD = 0.5
ANCHOR = 3.0  # the least score of an anchor: a number path or a title that agree, at one level
MOVED = 3.0  # the least score of a pair found out of order: more than a number, or a level, alone
FULL_WINDOW = 40_000  # cells up to which a window is aligned exactly; larger ones in a band
BAND = 48


@dataclass(frozen=True, slots=True)
class PairAlignment:
    """Which source section is which target section, by index into ``Side.headings``."""

    pairs: tuple[tuple[int, int], ...]  # (source, target), in source order; moved ones included
    moved: frozenset[int]  # source indices of the pairs that are out of order
    missing: tuple[int, ...]  # source sections with no counterpart
    added: tuple[int, ...]  # target sections with no counterpart


Scorer = Callable[[int, int], float]


def scorer(source: Side, target: Side) -> Scorer:
    """How strongly source section i and target section j look like one section (0 = no sign)."""
    titles = same_language(source, target)
    a, b = source.sections, target.sections

    def score(i: int, j: int) -> float:
        return section_score(a[i], b[j], titles)

    return score


def section_score(a: Section, b: Section, titles: bool) -> float:
    """The evidence that two sections are one: level, number path, kept tokens, titles in one language."""
    depth = abs(a.rank - b.rank)
    s = 1.0 if depth == 0 else 0.2 if depth == 1 else -1.0
    if a.key is not None and b.key is not None:
        # the same number under another parent is a section moved, or a parent lost
        s += 2.5 if a.key == b.key else 0.8 if a.key[-1] == b.key[-1] else -0.2
    elif a.key is None and b.key is None:
        s += 0.3
    else:
        s -= 0.5
    if titles and a.title and b.title and a.title_script == b.title_script:
        sim = similarity(a.title, b.title)
        s += 3.0 if sim >= 0.9 else 1.5 if sim >= 0.6 else -1.0 if sim < 0.3 else 0.0
    kept = token_similarity(a, b)
    if kept is not None:
        share, total = kept
        sure = 1.0 if total >= 4 else 0.6  # two or three tokens say less than a dozen
        if share >= 0.5:
            s += 1.5 * sure
        elif share >= 0.2:
            s += 0.5 * sure
        elif share == 0 and a.marks and b.marks:
            s -= 0.8 * sure  # both keep names or commands, and none in common
    return s


def align(source: Side, target: Side) -> PairAlignment:
    """The alignment of two outlines (see the module docstring)."""
    score = scorer(source, target)
    n, m = len(source.sections), len(target.sections)
    anchors = _anchors(source, target, score)
    keep = _longest_increasing([j for _, j in anchors])
    chain = [anchors[k] for k in sorted(keep)]
    moved = {i: j for k, (i, j) in enumerate(anchors) if k not in keep and score(i, j) >= MOVED}
    taken_s, taken_t = set(moved), set(moved.values())
    pairs: list[tuple[int, int]] = []
    prev_i, prev_j = -1, -1
    for i, j in [*chain, (n, m)]:
        window_s = [x for x in range(prev_i + 1, i) if x not in taken_s]
        window_t = [y for y in range(prev_j + 1, j) if y not in taken_t]
        pairs.extend(_window(window_s, window_t, score))
        if i < n:
            pairs.append((i, j))
        prev_i, prev_j = i, j
    matched_s = {i for i, _ in pairs}
    matched_t = {j for _, j in pairs}
    for i, j in _moved_after(source, target, matched_s | taken_s, matched_t | taken_t, score).items():
        moved[i] = j
    pairs.extend(moved.items())
    pairs.sort()
    done_s = {i for i, _ in pairs}
    done_t = {j for _, j in pairs}
    return PairAlignment(
        tuple(pairs),
        frozenset(moved),
        tuple(i for i in range(n) if i not in done_s),
        tuple(j for j in range(m) if j not in done_t),
    )


def _anchors(source: Side, target: Side, score: Scorer) -> list[tuple[int, int]]:
    """Pairs whose number path at one level, or (in one language) title, is unique in both."""
    titles = same_language(source, target)

    def keys(side: Side) -> dict[object, int]:
        seen: dict[object, int] = {}
        for i, sec in enumerate(side.sections):
            names: list[object] = []
            if sec.key is not None:
                names.append(("number", sec.key, sec.rank))
            if titles and len(sec.title) >= 3:
                names.append(("title", sec.title))
            for name in names:
                seen[name] = -1 if name in seen else i
        return {k: i for k, i in seen.items() if i >= 0}

    left, right = keys(source), keys(target)
    found: dict[int, int] = {}
    used: set[int] = set()
    for name, i in left.items():
        j = right.get(name)
        if j is None or i in found or j in used or score(i, j) < ANCHOR:
            continue
        found[i] = j
        used.add(j)
    return sorted(found.items())


def _window(si: Sequence[int], ti: Sequence[int], score: Scorer) -> list[tuple[int, int]]:
    """The best order-preserving matching of two runs of sections (dynamic programming; in a band
    around the diagonal when the window is large)."""
    n, m = len(si), len(ti)
    if not n or not m:
        return []
    if n * m <= FULL_WINDOW:
        bounds = [(0, m)] * (n + 1)
    else:
        bounds = []
        for r in range(n + 1):
            mid = r * m // n
            bounds.append((max(0, mid - BAND), min(m, mid + BAND)))
    # best[r][c - lo]: the best total for the first r sources and first c targets
    best: list[list[float]] = [[0.0] * (bounds[0][1] - bounds[0][0] + 1)]
    step: list[list[int]] = [[0] * len(best[0])]  # 0 skip target, 1 skip source, 2 match
    for r in range(1, n + 1):
        lo, hi = bounds[r]
        plo, phi = bounds[r - 1]
        prev = best[-1]
        row = [0.0] * (hi - lo + 1)
        moves = [0] * (hi - lo + 1)

        def above(c: int, prev: list[float] = prev, plo: int = plo, phi: int = phi) -> float:
            return prev[min(c, phi) - plo] if c >= plo else float("-inf")

        for c in range(lo, hi + 1):
            k = c - lo
            value, move = above(c), 1
            if k > 0 and row[k - 1] > value:
                value, move = row[k - 1], 0
            if c > 0:
                gain = score(si[r - 1], ti[c - 1]) - THRESHOLD
                if gain > 0 and above(c - 1) + gain > value:
                    value, move = above(c - 1) + gain, 2
            row[k], moves[k] = value, move
        best.append(row)
        step.append(moves)
    out: list[tuple[int, int]] = []
    r, c = n, bounds[n][1]
    while r > 0 and c > 0:
        lo = bounds[r][0]
        if c < lo:
            break
        move = step[r][c - lo]
        if move == 2:
            out.append((si[r - 1], ti[c - 1]))
            r, c = r - 1, c - 1
        elif move == 1:
            r -= 1
            c = min(c, bounds[r][1])
        else:
            c -= 1
    out.reverse()
    return out


def _moved_after(source: Side, target: Side, used_s: set[int], used_t: set[int], score: Scorer) -> dict[int, int]:
    """Unmatched sections of both sides that are strongly one section: moved, whatever their order.
    Candidates share a number path, a title (in one language) or a kept token (a link, a command),
    so this is no quadratic search."""
    titles = same_language(source, target)

    def names(sec: Section) -> list[object]:
        out: list[object] = [("mark", m) for m in sec.marks]
        if sec.key is not None:
            out.append(("number", sec.key))
        if titles and sec.title:
            out.append(("title", sec.title))
        return out

    index: dict[object, list[int]] = {}
    for j, sec in enumerate(target.sections):
        if j not in used_t:
            for name in names(sec):
                index.setdefault(name, []).append(j)
    out: dict[int, int] = {}
    taken: set[int] = set()
    for i, sec in enumerate(source.sections):
        if i in used_s:
            continue
        # a token many sections share (the project's name) says nothing: only rare ones propose
        cands = {j for name in names(sec) for j in index.get(name, ())[:_RARE] if j not in taken}
        best = max(sorted(cands), key=lambda j: score(i, j), default=None)
        if best is not None and (score(i, best) >= MOVED or _kept(sec, target.sections[best])):
            out[i] = best
            taken.add(best)
    return out


_RARE = 8


def _kept(a: Section, b: Section) -> bool:
    """Two sections whose kept tokens (links, commands, numbers) mostly agree, at one level: one
    section, even in two languages and with no number."""
    kept = token_similarity(a, b)
    return kept is not None and kept[0] >= 0.5 and kept[1] >= 4 and a.rank == b.rank


def _longest_increasing(seq: Sequence[int]) -> set[int]:
    """Indices of one longest strictly increasing subsequence (patience sorting)."""
    tails: list[int] = []
    tail_idx: list[int] = []
    prev = [-1] * len(seq)
    for k, v in enumerate(seq):
        pos = bisect.bisect_left(tails, v)
        if pos == len(tails):
            tails.append(v)
            tail_idx.append(k)
        else:
            tails[pos] = v
            tail_idx[pos] = k
        prev[k] = tail_idx[pos - 1] if pos else -1
    out: set[int] = set()
    k = tail_idx[-1] if tail_idx else -1
    while k >= 0:
        out.add(k)
        k = prev[k]
    return out
