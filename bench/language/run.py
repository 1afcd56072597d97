"""The language benchmark: outlint's OL4xx findings against labelled real documents, one table per split.

    python bench/language/run.py                 # both splits
    python bench/language/run.py --split dev --show missed,false --group "fr in en"

Rows are pairs ("fr in en": French left in English documents). Columns: documents, judged blocks,
recall of foreign paragraphs (paragraph, glued line and heading labels), recall of foreign
sentences inside a paragraph, findings, false flags (findings on no label) per 10,000 blocks, and
precision. A finding on a "neutral" label (a name or a short label in English) is neither.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
# --src DIR measures another tree of outlint (an earlier commit: git archive REV src | tar -x -C DIR)
_SRC = (
    sys.argv[sys.argv.index("--src") + 1] if "--src" in sys.argv else str(Path(__file__).resolve().parents[2] / "src")
)
sys.path.insert(0, _SRC)

import corpus  # noqa: E402

from outlint.linter import Settings, check_bytes, select_rules  # noqa: E402

PARAGRAPH = ("paragraph", "line", "heading")


def score(cases: list[corpus.Case], show: set[str], group: str | None) -> dict[str, Counter[str]]:
    rules = select_rules(["OL4"])
    rows: dict[str, Counter[str]] = defaultdict(Counter)
    for case in cases:
        if group and case.group != group:
            continue
        row = rows[case.group]
        row["docs"] += 1
        row["blocks"] += case.blocks
        settings = Settings(rules=rules, language=case.language)
        findings = check_bytes(case.text.encode(), case.name + case.suffix, settings=settings)
        lines = case.text.split("\n")
        found = set()
        for f in findings:
            row["findings"] += 1
            hit = [k for k, e in enumerate(case.expects) if e.line <= f.span.end_line and f.span.line <= e.end_line]
            if not hit:
                row["false"] += 1
                if "false" in show:
                    print(f"FALSE {case.name}:{f.span.line}: {f.code} {f.message[:150]}")
            elif case.expects[hit[0]].what == "neutral":
                row["neutral"] += 1
            else:
                row["true"] += 1
            found.update(hit)
        for k, e in enumerate(case.expects):
            kind = "para" if e.what in PARAGRAPH else e.what
            if kind == "neutral":
                continue
            row[f"{kind}"] += 1
            row[f"{kind}-found"] += k in found
            if k not in found and "missed" in show:
                print(f"MISSED {case.name}:{e.line}: {e.what} {lines[e.line - 1][:150]!r}")
    return rows


def _pct(found: int, total: int) -> str:
    return f"{found / total:6.1%} ({found}/{total})" if total else "-"


def table(split: str, rows: dict[str, Counter[str]]) -> str:
    head = f"{'pair':<22} {'docs':>4} {'blocks':>7}  {'paragraphs':<20} {'sentences':<18} "
    head += f"{'findings':>8} {'false':>5} {'per 10k':>7} {'precision':>9}"
    out = [f"## {split}", head]
    total: Counter[str] = Counter()
    for name in sorted(rows):
        r = rows[name]
        total.update(r)
        judged = r["true"] + r["false"]
        out.append(
            f"{name:<22} {r['docs']:>4} {r['blocks']:>7}  {_pct(r['para-found'], r['para']):<20} "
            f"{_pct(r['sentence-found'], r['sentence']):<18} {r['findings']:>8} {r['false']:>5} "
            f"{r['false'] / max(1, r['blocks']) * 1e4:>7.1f} {_pct(r['true'], judged) if judged else '-':>9}"
        )
    return "\n".join(out)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=("dev", "held-out", "both"), default="both")
    parser.add_argument("--show", default="", help="comma-separated: missed, false (dev only)")
    parser.add_argument("--group", help="only this row, e.g. 'fr in en'")
    parser.add_argument("--src", help="the src/ folder of the outlint to measure (default: this checkout's)")
    args = parser.parse_args()
    show = set(filter(None, args.show.split(",")))
    everything = list(corpus.cases())
    for split in ("dev", "held-out"):
        if args.split not in (split, "both"):
            continue
        cases = [c for c in everything if c.split == split]
        t0 = time.process_time()
        rows = score(cases, show if split == "dev" else set(), args.group)
        print(table(split, rows))
        size = sum(len(c.text.encode()) for c in cases)
        print(f"({len(cases)} documents, {size / 1e6:.1f} MB, {time.process_time() - t0:.1f} s CPU)\n")


if __name__ == "__main__":
    main()
