"""Score outlint against the accuracy corpus: precision and recall per rule family and document family.

    python bench/accuracy/score.py                      # both splits, the table
    python bench/accuracy/score.py --split dev --show fp --family rfc-nroff
    python bench/accuracy/score.py --json accuracy.json

Runs the outlint of this repository (its src/ first on the path; --installed for the one
installed) in-process, or as ``python -m outlint check --format json`` with --cli. Standard
library only. See README.md beside this file for the corpus, the split rule and the matching rules.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import ROOT, CorpusError, Defect, Entry, load_bytes, load_label, load_manifest
from inject import SEED, Derived, derived_documents
from match import Found, Outcome, match


@dataclass
class Scored:
    """One checked document: real, tuned-on or derived, with its outcome."""

    id: str
    display: str
    entry: Entry
    origin: str  # real | tuned | injected
    injection: str
    size: int
    seconds: float
    defects: Sequence[Defect]
    outcome: Outcome


Checker = Callable[[Sequence[tuple[str, bytes]]], list[tuple[list[Found], float]]]


def api_checker(batch: Sequence[tuple[str, bytes]]) -> list[tuple[list[Found], float]]:
    """Check documents in this process with outlint's API; CPU time per document."""
    from outlint import check_bytes

    out = []
    for display, data in batch:
        t0 = time.process_time()
        try:
            found = [Found(f.span.line, f.code, f.message) for f in check_bytes(data, display)]
        except Exception as exc:  # a crash is a finding the user sees, never a silent pass
            found = [Found(1, "OL002", f"internal error: {type(exc).__name__}: {exc}")]
        out.append((found, time.process_time() - t0))
    return out


def cli_checker(batch: Sequence[tuple[str, bytes]]) -> list[tuple[list[Found], float]]:
    """Check documents with ``python -m outlint check --format json`` in one child process."""
    with tempfile.TemporaryDirectory() as tmp:
        names = []
        for i, (display, data) in enumerate(batch):
            target = Path(tmp) / str(i) / display
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
            names.append(str(target.relative_to(tmp)))
        t0 = time.monotonic()
        proc = subprocess.run(
            [sys.executable, "-m", "outlint", "check", "--format", "json", "-j", "1", "--no-ignore", *names],
            cwd=tmp,
            capture_output=True,
            env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)},
            check=False,
        )
        elapsed = time.monotonic() - t0
    if proc.returncode not in (0, 1):
        raise SystemExit(f"outlint failed ({proc.returncode}): {proc.stderr.decode()[-500:]}")
    by_path: dict[str, list[Found]] = defaultdict(list)
    for f in json.loads(proc.stdout)["findings"]:
        by_path[f["path"]].append(Found(f["line"], f["code"], f["message"]))
    total = sum(len(d) for _, d in batch) or 1
    return [(by_path[n], elapsed * len(d) / total) for n, (_, d) in zip(names, batch, strict=True)]


def score(entries: Sequence[Entry], check: Checker, with_derived: bool = True, seed: int = SEED) -> list[Scored]:
    real = [(e, load_bytes(e.file), load_label(e)) for e in entries]
    results = check([(e.display, data) for e, data, _ in real])
    out: list[Scored] = []
    source_findings: dict[str, set[tuple[str, int]]] = {}
    for (e, data, label), (found, secs) in zip(real, results, strict=True):
        origin = "tuned" if e.tuned else "real"
        out.append(Scored(e.id, e.display, e, origin, "", len(data), secs, label.defects, match(found, label.defects)))
        source_findings[e.id] = {(f.code, f.line) for f in found}
    if not with_derived:
        return out
    derived = list(derived_documents(entries, seed))
    results = check([(d.display, d.data) for d in derived])
    for d, (found, secs) in zip(derived, results, strict=True):
        known = source_findings[d.source.id]
        outcome = match(found, d.defects, _inherited(d, known))
        out.append(Scored(d.id, d.display, d.source, "injected", d.kind, len(d.data), secs, d.defects, outcome))
    return out


def _inherited(d: Derived, known: set[tuple[str, int]]) -> Callable[[Found], bool]:
    """A finding the source document also has, at the line it came from, is counted there once."""

    def inherited(f: Found) -> bool:
        line = d.source_line(f.line)
        return line is not None and (f.code, line) in known

    return inherited


def family_of(code: str) -> str:
    return f"{code[:3]}xx"


@dataclass
class Tally:
    """Counts for one row: findings (tp, fp, dup) for precision, defects (found, fn) for recall."""

    tp: int = 0
    fp: int = 0
    dup: int = 0
    found: int = 0
    fn: int = 0
    docs: int = 0

    @property
    def precision(self) -> float | None:
        n = self.tp + self.fp + self.dup
        return self.tp / n if n else None

    @property
    def recall(self) -> float | None:
        n = self.found + self.fn
        return self.found / n if n else None

    def as_dict(self) -> dict[str, Any]:
        return {
            "precision": self.precision,
            "recall": self.recall,
            "tp": self.tp,
            "fp": self.fp,
            "duplicates": self.dup,
            "found": self.found,
            "fn": self.fn,
            "documents": self.docs,
        }


def tallies(scored: Iterable[Scored]) -> dict[str, dict[str, Tally]]:
    """Tallies by group: all, format, rule family, layout family, kind and origin. A rule family's
    precision counts the findings with its codes; its recall the defects whose preferred code is
    in it (found by any acceptable code)."""
    groups: dict[str, dict[str, Tally]] = defaultdict(lambda: defaultdict(Tally))
    for s in scored:
        o = s.outcome
        keys = {
            "all": "all",
            "format": s.entry.format,
            "family": s.entry.family,
            "kind": s.entry.kind,
            "origin": s.injection or s.origin,
        }
        for group, key in keys.items():
            t = groups[group][key]
            t.tp += len(o.tp)
            t.fp += len(o.fp)
            t.dup += len(o.dup)
            t.found += len(o.tp)
            t.fn += len(o.fn)
            t.docs += 1
        rule = groups["rule"]
        for f, d in o.tp:
            rule[family_of(f.code)].tp += 1
            rule[family_of(d.code)].found += 1
        for f in o.fp:
            rule[family_of(f.code)].fp += 1
        for f, _ in o.dup:
            rule[family_of(f.code)].dup += 1
        for d in o.fn:
            rule[family_of(d.code)].fn += 1
    return groups


def _pct(x: float | None) -> str:
    return "    -" if x is None else f"{100 * x:5.1f}"


def _cell(t: Tally | None) -> str:
    if t is None:
        return f"{'':>35}"
    docs = f"{t.docs:4d}" if t.docs else "    "
    return f"{_pct(t.precision)} {_pct(t.recall)} {t.tp:5d} {t.fp:4d} {t.dup:3d} {t.fn:4d} {docs}"


GROUP_TITLES = {
    "all": "all documents",
    "format": "by format",
    "rule": "by rule family (precision by finding, recall by the defect's preferred code)",
    "family": "by layout family (who or what produced the document)",
    "kind": "by document kind",
    "origin": "by origin (real, tuned-on, injection kind)",
}


def sizes(scored: Sequence[Scored]) -> dict[str, Any]:
    base = [s for s in scored if s.origin != "injected"]
    derived = [s for s in scored if s.origin == "injected"]
    secs = sum(s.seconds for s in scored)
    mb = sum(s.size for s in scored) / 1e6
    return {
        "documents": len(base),
        "real": sum(s.origin == "real" for s in base),
        "tuned": sum(s.origin == "tuned" for s in base),
        "derived": len(derived),
        "families": len({s.entry.family for s in base}),
        "mb": sum(s.size for s in base) / 1e6,
        "labelled_defects": sum(len(s.defects) for s in base),
        "injected_defects": sum(len(s.defects) for s in derived),
        "findings": sum(len(s.outcome.tp) + len(s.outcome.fp) + len(s.outcome.dup) for s in scored),
        "inherited_findings": sum(len(s.outcome.inherited) for s in scored),
        "cpu_seconds": secs,
        "mb_per_s": mb / secs if secs else None,
        "text_documents": sum(s.entry.format == "text" for s in base),
        "text_families": len({s.entry.family for s in base if s.entry.format == "text"}),
        "text_defects": sum(len(s.defects) for s in scored if s.entry.format == "text"),
    }


def render(by_split: dict[str, list[Scored]]) -> str:
    from outlint import __version__

    splits = list(by_split)
    out = [f"outlint {__version__} accuracy benchmark", ""]
    head = f"{'split':10} {'docs':>5} {'real':>5} {'tuned':>5} {'derived':>7} {'families':>8} {'MB':>7} "
    head += f"{'labelled':>8} {'injected':>8} {'findings':>8} {'cpu s':>7} {'MB/s':>6}"
    out.append(head)
    for split in splits:
        z = sizes(by_split[split])
        mbs = "-" if z["mb_per_s"] is None else f"{z['mb_per_s']:.2f}"
        out.append(
            f"{split:10} {z['documents']:5d} {z['real']:5d} {z['tuned']:5d} {z['derived']:7d} {z['families']:8d} "
            f"{z['mb']:7.2f} {z['labelled_defects']:8d} {z['injected_defects']:8d} {z['findings']:8d} "
            f"{z['cpu_seconds']:7.1f} {mbs:>6}"
        )
        out.append(
            f"{'':10} plain text: {z['text_documents']} documents, {z['text_families']} families, "
            f"{z['text_defects']} labelled or injected defects"
        )
    out.append("")
    cols = "    P%    R%    TP   FP dup   FN docs"
    out.append(f"{'':28}" + "".join(f" | {s:^35}" for s in splits))
    out.append(f"{'':28}" + "".join(f" | {cols}" for _ in splits))
    tabs = {s: tallies(v) for s, v in by_split.items()}
    for group, title in GROUP_TITLES.items():
        out.append(title)
        keys = sorted({k for t in tabs.values() for k in t.get(group, {})})
        for key in keys:
            cells = "".join(f" | {_cell(tabs[s].get(group, {}).get(key))}" for s in splits)
            out.append(f"  {key:26}{cells}")
    return "\n".join(out) + "\n"


def show(scored: Sequence[Scored], what: str) -> str:
    rows = []
    for s in scored:
        if what == "fp":
            for f in s.outcome.fp:
                rows.append(f"{s.display}:{f.line}: {f.code} {f.message}")
            for f, d in s.outcome.dup:
                rows.append(f"{s.display}:{f.line}: {f.code} {f.message}  [duplicate of: {d.note}]")
        else:
            for d in s.outcome.fn:
                codes = "/".join(sorted({c for a in d.accept for c in a.codes}))
                where = d.accept[0].first
                rows.append(f"{s.display}:{where}: expected {codes}: {d.note}")
    return "\n".join(rows) + ("\n" if rows else "")


def as_json(by_split: dict[str, list[Scored]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for split, scored in by_split.items():
        tab = tallies(scored)
        out[split] = {
            "sizes": sizes(scored),
            "tables": {g: {k: t.as_dict() for k, t in sorted(v.items())} for g, v in tab.items()},
            "documents": [
                {
                    "id": s.id,
                    "path": s.display,
                    "family": s.entry.family,
                    "kind": s.entry.kind,
                    "format": s.entry.format,
                    "origin": s.origin,
                    "injection": s.injection,
                    "bytes": s.size,
                    "cpu_seconds": round(s.seconds, 4),
                    "tp": len(s.outcome.tp),
                    "fp": len(s.outcome.fp),
                    "duplicates": len(s.outcome.dup),
                    "fn": len(s.outcome.fn),
                    "inherited": len(s.outcome.inherited),
                }
                for s in scored
            ],
        }
    return out


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", choices=("dev", "held-out", "all"), default="all")
    ap.add_argument("--kind", action="append", help="only documents of this kind (repeatable)")
    ap.add_argument("--family", action="append", help="only documents of this layout family (repeatable)")
    ap.add_argument("--format", dest="fmt", action="append", help="only documents of this format: text, markdown, html")
    ap.add_argument("--show", choices=("fp", "fn"), help="list false positives or misses (dev split only)")
    ap.add_argument("--i-am-labelling", action="store_true", help="allow --show on held-out (label builders only)")
    ap.add_argument("--no-derived", action="store_true", help="score the real documents only")
    ap.add_argument(
        "--seed",
        type=int,
        default=SEED,
        help="draw the injections with another seed (dev split only: a wider sample to tune on)",
    )
    ap.add_argument("--cli", action="store_true", help="run python -m outlint check --format json, not the API")
    ap.add_argument("--installed", action="store_true", help="the installed outlint, not this repository's src/")
    ap.add_argument("--json", type=Path, help="also write the figures and per-document results here")
    args = ap.parse_args(argv)
    if args.show and args.split != "dev" and not args.i_am_labelling:
        ap.error("--show lists findings, which must never be looked at on the held-out split: use --split dev")
    if args.seed != SEED and args.split != "dev":
        ap.error("--seed redraws the injections to tune on, which only the dev split may be: use --split dev")
    if not args.installed and (ROOT / "src" / "outlint").is_dir():
        sys.path.insert(0, str(ROOT / "src"))
    try:
        entries = load_manifest()
    except CorpusError as exc:
        print(f"score.py: {exc}", file=sys.stderr)
        return 2
    entries = [
        e
        for e in entries
        if (not args.kind or e.kind in args.kind)
        and (not args.family or e.family in args.family)
        and (not args.fmt or e.format in args.fmt)
    ]
    splits = ["dev", "held-out"] if args.split == "all" else [args.split]
    check = cli_checker if args.cli else api_checker
    try:
        by_split = {
            s: score([e for e in entries if e.split == s], check, not args.no_derived, args.seed) for s in splits
        }
    except CorpusError as exc:
        print(f"score.py: {exc}", file=sys.stderr)
        return 2
    if args.show:
        sys.stdout.write(show([x for s in splits for x in by_split[s]], args.show))
    else:
        sys.stdout.write(render(by_split))
    if args.json:
        args.json.write_text(json.dumps(as_json(by_split), indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
