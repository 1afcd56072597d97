"""One defect, one finding: defects injected into the noise pool's documents, and what else they make.

The benchmark's derived documents are few; the noise pool has hundreds of real documents outside
the benchmark (dev split only, see ``noise.py``). For each pool document whose contents aligns
with its headings, one defect of each kind is made at the middle leaf section outlint itself reads,
the document is checked before and after, and every finding the defect adds beyond the one that
names it is a cascade: a false alarm a careful editor would not want.

```sh
python bench/accuracy/cascade.py                      # a table: documents, found, extra findings
python bench/accuracy/cascade.py --kind cut --show     # the extra findings themselves
```

Kinds, and the findings that name each: ``delete`` (a section removed: OL101), ``cut`` (the
document stops mid-section: OL304, OL302), ``renumber`` (the heading's last number + 2: OL104,
OL201, OL203), ``rename`` (its title made "Overview": OL103), ``empty`` (its body removed: OL301),
``blank`` (eight blank lines inside its body: OL303).
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent / "src"))
sys.path.insert(0, str(HERE))

from corpus import pool  # noqa: E402  (the benchmark's split rule)
from noise import POOL  # noqa: E402

from outlint import linter  # noqa: E402
from outlint.model import Document, Finding, Heading  # noqa: E402

NAMED_BY = {
    "delete": ("OL101",),
    "cut": ("OL304", "OL302"),
    "renumber": ("OL104", "OL201", "OL203"),
    "rename": ("OL103",),
    "empty": ("OL301",),
    "blank": ("OL303",),
}
BLANK_RUN = 8


def _key(f: Finding) -> tuple[str, str]:
    """A finding without its line numbers, which an edit shifts."""
    return f.code, re.sub(r"lines? \d+(?:-\d+)?", "line N", f.message)


WHERE = ("leaf", "parent", "first", "last")


def site(doc: Document, where: str = "leaf") -> tuple[Heading, Heading] | None:
    """A section outlint pairs with a contents entry, and the heading after it: the middle leaf
    section, the middle section with subsections (only its heading and its own text go), or the
    first or last paired section that has one after it."""
    if not doc.toc or not doc.facts.alignment.reliable:
        return None
    heads = doc.facts.headings
    order = {id(h): k for k, h in enumerate(heads)}
    paired = [h for _, h in doc.facts.alignment.pairs if order[id(h)] + 1 < len(heads)]
    leaves = [h for h in paired if not h.children]
    if len(leaves) < 3:
        return None
    chosen = {"leaf": leaves, "parent": [h for h in paired if h.children]}.get(where, paired)
    if not chosen:
        return None
    h = {"first": chosen[0], "last": chosen[-1]}.get(where, chosen[len(chosen) // 2])
    return h, heads[order[id(h)] + 1]


def edit(kind: str, lines: list[str], h: Heading, nxt: Heading) -> list[str] | None:
    """The document's lines with one defect of ``kind`` at section ``h``; None where it cannot be made."""
    k, end = h.span.line - 1, nxt.span.line - 1
    if kind == "delete":
        return lines[:k] + lines[end:]
    if kind == "cut":
        return lines[: (k + end) // 2 + 1]
    if kind == "empty":
        return [*lines[: k + 1], "", *lines[end:]]
    if kind == "renumber":
        if h.number is None or not h.number.label or h.number.label not in lines[k]:
            return None
        last = str(h.number.values[-1])
        label = h.number.label
        at = label.rfind(last)
        if at < 0:
            return None
        new = label[:at] + str(h.number.values[-1] + 2) + label[at + len(last) :]
        return [*lines[:k], lines[k].replace(label, new, 1), *lines[k + 1 :]]
    if kind == "rename":
        if len(h.title) < 4 or h.title not in lines[k] or h.title == "Overview":
            return None
        return [*lines[:k], lines[k].replace(h.title, "Overview", 1), *lines[k + 1 :]]
    if kind == "blank":
        body = [j for j in range(k + 2, end) if lines[j].strip()]
        if len(body) < 4:
            return None
        j = body[len(body) // 2]
        return lines[:j] + [""] * BLANK_RUN + lines[j:]
    raise ValueError(kind)


def extras(before: Sequence[Finding], after: Sequence[Finding]) -> list[Finding]:
    """The findings of ``after`` that ``before`` does not have (as a multiset, lines aside)."""
    seen = Counter(_key(f) for f in before)
    out = []
    for f in after:
        if seen[_key(f)] > 0:
            seen[_key(f)] -= 1
        else:
            out.append(f)
    return out


Check = Callable[[bytes, str], list[Finding]]


def run(
    kind: str, paths: Sequence[Path], check: Check = linter.check_bytes, where: str = "leaf"
) -> tuple[int, int, list[str]]:
    """Documents tried, documents whose defect was named, and one line per extra finding."""
    tried = named = 0
    shown: list[str] = []
    for path in paths:
        data = path.read_bytes()
        if pool(data) != "dev":
            continue  # never a held-out document, however it got here
        try:
            doc = linter.read_bytes(data, str(path))
        except Exception:  # a document outlint cannot read has no site
            continue
        found = site(doc, where)
        if found is None:
            continue
        lines = data.decode("utf-8", "replace").split("\n")
        changed = edit(kind, lines, *found)
        if changed is None:
            continue
        tried += 1
        new = extras(check(data, str(path)), check("\n".join(changed).encode(), str(path)))
        named += any(f.code in NAMED_BY[kind] for f in new)
        shown += [f"{path}: {f.code} {f.message}" for f in new if f.code not in NAMED_BY[kind]]
    return tried, named, shown


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").split("\n", 1)[0])
    ap.add_argument("--kind", choices=sorted(NAMED_BY), action="append", help="one kind (repeatable)")
    ap.add_argument("--family", help="one layout family of the pool")
    ap.add_argument("--where", choices=WHERE, default="leaf", help="which section gets the defect (default: leaf)")
    ap.add_argument("--show", action="store_true", help="print the extra findings")
    args = ap.parse_args(argv)
    paths = sorted(p for p in POOL.glob("*/*.txt") if not args.family or p.parent.name == args.family)
    print(f"{'kind':10} {'docs':>5} {'named':>6} {'extra':>6} {'extra/doc':>9}")
    for kind in args.kind or sorted(NAMED_BY):
        tried, named, shown = run(kind, paths, where=args.where)
        print(f"{kind:10} {tried:5} {named:6} {len(shown):6} {len(shown) / max(tried, 1):9.2f}")
        if args.show:
            print("\n".join(shown))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
