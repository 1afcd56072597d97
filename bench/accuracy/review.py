"""Labelling aid for the corpus builders: a document's findings in context, and candidate sites.

    python bench/accuracy/review.py ID                 # outlint's findings, each with its lines around
    python bench/accuracy/review.py ID --sites         # candidate leaf sections for injection
    python bench/accuracy/review.py ID --accept 2,5    # write those candidates into the label's sites

Candidates come from the document's own numbered and underlined lines and its contents, not from
outlint's reading; each one must still be checked by reading it before it is accepted. Held-out
documents are refused without --i-am-labelling: the people who tune outlint never look at them.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import ROOT, Entry, label_path, load_bytes, load_manifest

_NUM = re.compile(r"^( {0,4})((?:\d{1,3}\.)*\d{1,3}\.?|[A-Z]\.(?:\d{1,3}\.?)*|Appendix [A-Z]\.?)( +|\t)(\S.{1,90})$")
_CHAPTER = re.compile(r"^(CHAPTER|Chapter|BOOK|Book|PART|Part) ([0-9]+|[IVXLC]+)\b\.?\s*(.{0,70})$")
_CAPS = re.compile(r"^[A-Z][A-Z0-9 ,/()'-]{2,40}$")
_UNDER = re.compile(r"^\s*([=\-~^*#+\"'`])\1{2,}\s*$")
_LEADER = re.compile(r"\s*(?:\.\s?){2,}\s*\S*\s*$|\s+\d+\s*$|\s+[ivxlc]+\s*$")


@dataclass
class Candidate:
    first: int
    last: int
    level: int
    number: str | None
    title: str
    entry: tuple[int, int] | None = None


def _norm(s: str) -> str:
    return re.sub(r"\W+", " ", s).strip().lower()


def candidates(lines: list[str], caps: bool = False) -> list[Candidate]:
    """Numbered lines standing alone between blank lines, chapter lines (``CHAPTER IV.``), titles
    underlined with one character (as long as the title, give or take two) and, with ``caps``, man
    page section names (capitals at the margin over indented text); tables' column heads are none."""
    out: list[Candidate] = []
    unders: list[str] = []
    for i, line in enumerate(lines):
        prev = lines[i - 1] if i else ""
        nxt = lines[i + 1] if i + 1 < len(lines) else ""
        alone = (not prev.strip() or "\f" in prev) and (not nxt.strip() or "\f" in nxt)
        m = _NUM.match(line)
        if m and alone and not _LEADER.search(line) and "   " not in m[4].strip():
            number = m[2]
            level = number.rstrip(".").count(".") + 1 if not number.startswith("Appendix") else 1
            out.append(Candidate(i + 1, i + 1, level, number, m[4].strip()))
            continue
        c = _CHAPTER.match(line.strip())
        if c and alone and line == line.lstrip():
            out.append(Candidate(i + 1, i + 1, 0, None, line.strip()))
            continue
        if caps and _CAPS.match(line.rstrip()) and not prev.strip() and nxt.startswith("   ") and nxt.strip():
            out.append(Candidate(i + 1, i + 1, 0, None, line.strip()))
            continue
        title = line.strip()
        if title and _UNDER.match(nxt) and not _UNDER.match(line) and abs(len(nxt.strip()) - len(title)) <= 2:
            if "   " in title or len(title) > 72 or (prev.strip() and not _UNDER.match(prev)):
                continue
            char = nxt.strip()[0]
            if char not in unders:
                unders.append(char)
            n = _NUM.match(line)
            if n and _parts(n[2]) is not None:
                out.append(Candidate(i + 1, i + 2, n[2].rstrip(".").count(".") + 1, n[2], n[4].strip()))
            else:
                out.append(Candidate(i + 1, i + 2, 10 + unders.index(char), None, title))
    return out


def _parts(number: str) -> list[int] | None:
    parts = number.rstrip(".").split(".")
    return [int(x) for x in parts] if all(x.isdigit() for x in parts) else None


def _follows(prev: list[int] | None, cur: list[int]) -> bool:
    if prev is None:
        return cur in ([1], [1, 1], [0])
    if cur == [*prev, 1]:
        return True
    n = len(cur)
    return n <= len(prev) and cur[:-1] == prev[: n - 1] and cur[-1] == prev[n - 1] + 1


def chained(cands: list[Candidate]) -> list[Candidate]:
    """Keep the numbered candidates that continue the numbering (a list item restarting at 1
    inside a section does not), appendix letters in order from A, and every underlined title."""
    out: list[Candidate] = []
    prev: list[int] | None = None
    letter = "@"
    for c in cands:
        if not c.number:
            out.append(c)
            continue
        parts = _parts(c.number)
        if not c.title[:1].isupper() or len(c.title) > 72:
            continue
        if parts is None:
            head = c.number.removeprefix("Appendix ")[0]
            if head in (letter, chr(ord(letter) + 1)) and (len(c.title.split()) > 1 or "Appendix" in c.number):
                letter = head
                out.append(c)
            continue
        if _follows(prev, parts):
            prev = parts
            out.append(c)
    return out


def with_entries(lines: list[str], cands: list[Candidate]) -> None:
    """Pair each candidate with a contents line before it that has the same number and title."""
    keyed: dict[str, list[int]] = {}
    for i, line in enumerate(lines[: max(400, len(lines) // 4)]):
        key = _norm(_LEADER.sub("", line))
        if key:
            keyed.setdefault(key, []).append(i + 1)
    for c in cands:
        key = _norm(f"{c.number or ''} {c.title}")
        for n in keyed.get(key, []) if c.number or _LEADER.search(lines[c.first - 1]) is None else []:
            if not c.number and not _LEADER.search(lines[n - 1]):
                continue  # an unnumbered title matches a contents line only where it has a leader
            if n < c.first:
                c.entry = (n, n)
                break


def _parent(number: str | None) -> str:
    return (number or "").rstrip(".").rpartition(".")[0]


def _bare(title: str) -> str:
    """A title without a 'Chapter 3.' or 'Appendix A.' prefix, for comparing lines."""
    return _norm(re.sub(r"^(chapter|appendix|part)\s+\w+\.?\s*", "", title, flags=re.IGNORECASE))


def _indent(lines: list[str], c: Candidate) -> int:
    line = lines[c.first - 1]
    return len(line) - len(line.lstrip())


def consistent(lines: list[str], cands: list[Candidate]) -> list[Candidate]:
    """Headings of one document share a style: where titles are underlined, a numbered line that
    is not is a list item; numbered headings share the commonest indent (a contents block or a
    licence's numbered clauses sit deeper)."""
    later: dict[str, int] = {}
    for c in cands:
        later[_bare(c.title)] = c.first  # the last line each title stands on
    cands = [c for c in cands if later[_bare(c.title)] == c.first]  # a contents line repeats later
    underlined = [c for c in cands if c.last > c.first]
    if len(underlined) >= 3:
        cands = [c for c in cands if c.last > c.first or not c.number]
    numbered = [_indent(lines, c) for c in cands if c.number and c.last == c.first]
    if numbered:
        usual = max(set(numbered), key=numbered.count)
        cands = [c for c in cands if not (c.number and c.last == c.first) or _indent(lines, c) == usual]
    return cands


def sites(lines: list[str], caps: bool = False) -> list[dict[str, Any]]:
    cands = chained(consistent(lines, candidates(lines, caps)))
    with_entries(lines, cands)
    out = []
    for c, nxt in zip(cands, [*cands[1:], None], strict=False):
        if nxt is not None and nxt.level > c.level:
            continue  # not a leaf
        last = nxt is None or nxt.level < c.level or _parent(nxt.number) != _parent(c.number)
        out.append(
            {
                "heading": [c.first, c.last],
                "next": nxt.first if nxt else None,
                "number": c.number,
                "title": c.title,
                "entry": list(c.entry) if c.entry else None,
                "last": last,
            }
        )
    return out


def audit(lines: list[str]) -> list[str]:
    """A second look, independent of outlint: numbering steps among the numbered candidates, and
    numbered contents lines whose number no candidate heading carries."""
    out = []
    cands = [c for c in candidates(lines) if c.number and not c.number.startswith("Appendix")]
    last: dict[str, int] = {}
    for c in cands:
        parts = c.number.rstrip(".").split(".") if c.number else []
        if not all(p.isdigit() for p in parts):
            continue
        parent, value = ".".join(parts[:-1]), int(parts[-1])
        prev = last.get(parent)
        if prev is not None and value != prev + 1:
            out.append(f"step {c.first}: {c.number} after {parent + '.' if parent else ''}{prev}: {c.title[:50]!r}")
        last[parent] = value
        for k in [k for k in last if k.startswith(".".join(parts) + ".")]:
            del last[k]
    numbers = {(c.number or "").rstrip(".") for c in cands}
    first_heading = cands[0].first if cands else 0
    toc = re.compile(r"^\s{0,12}((?:\d{1,3}\.)*\d{1,3})\.?\s+\S.*?(?:\.\s?){2,}\s*\d+\s*$")
    for i, line in enumerate(lines[: max(first_heading, 1)]):
        m = toc.match(line)
        if m and m[1] not in numbers:
            out.append(f"entry {i + 1}: no heading numbered {m[1]}: {line.strip()[:60]!r}")
    return out


def auto(found: list[dict[str, Any]], most: int = 8) -> list[dict[str, Any]]:
    """Up to ``most`` candidates spread over the document; where the contents confirms headings,
    only confirmed ones (to be read before they are kept)."""
    found = [s for s in found if (s["next"] or 10**9) - s["heading"][1] < 400]  # a longer body: a missed heading?
    listed = [s for s in found if s["entry"]]
    pool = listed if len(listed) >= 3 else found
    if len(pool) <= most:
        return pool
    step = len(pool) / most
    return [pool[int(i * step)] for i in range(most)]


def _entry(ident: str, labelling: bool) -> Entry:
    for e in load_manifest():
        if e.id == ident or e.path == ident:
            if e.split == "held-out" and not labelling:
                raise SystemExit("review.py: a held-out document; only the label builders may look (--i-am-labelling)")
            return e
    raise SystemExit(f"review.py: no document {ident} in the manifest")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("id")
    ap.add_argument("--context", type=int, default=2)
    ap.add_argument("--sites", action="store_true")
    ap.add_argument("--accept", help="comma-separated candidate numbers to write into the label")
    ap.add_argument("--audit", action="store_true", help="numbering steps and unmatched contents lines")
    ap.add_argument("--i-am-labelling", action="store_true")
    args = ap.parse_args()
    sys.path.insert(0, str(ROOT / "src"))
    entry = _entry(args.id, args.i_am_labelling)
    data = load_bytes(entry.file)
    lines = data.decode("utf-8", "replace").split("\n")
    if args.audit:
        print("\n".join(audit(lines)))
        return 0
    if args.sites or args.accept:
        found = sites(lines, caps=entry.family.startswith("groff-man"))
        if args.accept == "auto":
            chosen = auto(found)
        elif args.accept:
            chosen = [found[int(n) - 1] for n in args.accept.split(",")]
        if args.accept:
            path = label_path(entry)
            label = json.loads(path.read_text(encoding="utf-8"))
            label["sites"] = chosen
            path.write_text(json.dumps(label, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
            print(f"{len(chosen)} sites written to {path.relative_to(ROOT)}")
            return 0
        for n, s in enumerate(found, 1):
            first, last = s["heading"]
            body_end = (s["next"] - 1) if s["next"] else len(lines)
            body = [x for x in lines[last:body_end] if x.strip()]
            print(
                f"[{n}] {first}-{last} next={s['next']} entry={s['entry']} last={s['last']} "
                f"body={len(body)}: {lines[first - 1].strip()[:70]!r}"
            )
        return 0
    from outlint import check_bytes

    for f in check_bytes(data, entry.display):
        print(f"=== {f.span.line}: {f.code} {f.message}")
        lo, hi = max(1, f.span.line - args.context), min(len(lines), f.span.line + args.context)
        for n in range(lo, hi + 1):
            print(f"{n:6}{'>' if n == f.span.line else ' '} {lines[n - 1][:110]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
