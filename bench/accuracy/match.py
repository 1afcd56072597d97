"""Match one document's findings to its expected defects: true and false positives, duplicates, misses."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from corpus import Defect


@dataclass(frozen=True, order=True)
class Found:
    """One finding as the scorer sees it."""

    line: int
    code: str
    message: str = ""


@dataclass
class Outcome:
    tp: list[tuple[Found, Defect]] = field(default_factory=list)
    fp: list[Found] = field(default_factory=list)  # matches no expected defect
    dup: list[tuple[Found, Defect]] = field(default_factory=list)  # a defect already found once
    fn: list[Defect] = field(default_factory=list)
    inherited: list[Found] = field(default_factory=list)  # counted on the source document instead


def match(
    findings: Sequence[Found], defects: Sequence[Defect], inherited: Callable[[Found], bool] | None = None
) -> Outcome:
    """A finding is a true positive when it can be paired with a defect it matches (code among the
    defect's acceptable codes, line in that alternative's range), one finding per defect, pairing as
    many as possible (maximum bipartite matching, so the order of findings does not matter). An
    unpaired finding that matches an already found defect is a duplicate; one that matches nothing
    is a false positive, unless ``inherited`` says the source document has it too."""
    found = sorted(findings)
    edges = [[j for j, d in enumerate(defects) if d.accepts(f.code, f.line)] for f in found]
    owner: dict[int, int] = {}  # defect index -> finding index

    def augment(i: int, seen: set[int]) -> bool:
        for j in edges[i]:
            if j in seen:
                continue
            seen.add(j)
            if j not in owner or augment(owner[j], seen):
                owner[j] = i
                return True
        return False

    for i in range(len(found)):
        augment(i, set())
    paired = {i: j for j, i in owner.items()}
    out = Outcome()
    for i, f in enumerate(found):
        if i in paired:
            out.tp.append((f, defects[paired[i]]))
        elif edges[i]:
            out.dup.append((f, defects[edges[i][0]]))
        elif inherited is not None and inherited(f):
            out.inherited.append(f)
        else:
            out.fp.append(f)
    out.fn = [d for j, d in enumerate(defects) if j not in owner]
    return out
