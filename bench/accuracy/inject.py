"""Inject known defects into clean corpus documents, deterministically, at sections checked by hand.

Each clean document whose label lists ``sites`` (leaf sections whose heading, extent, number and
contents entry were checked by hand) yields up to one derived document per injection kind, in the
split of its source. ``python bench/accuracy/inject.py --out DIR [--split dev]`` writes them with
their expected findings, to look at.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from corpus import Alternative, Defect, Entry, load_bytes, load_label, load_manifest

SEED = 20261202
BLANK_RUN = 6  # blank lines that replace a paragraph, at least: with its two neighbours' gaps, 8 in a row
RENAMES = ("Overview", "Details", "Procedures", "Remarks", "Background", "Principles", "Summary", "Notes")
_FOOTER = re.compile(r"\[Page [0-9ivxlc]+\]\s*$|^\s*-\s*\d+\s*-\s*$")
_LIST_START = re.compile(r"^\s*([-*+o•·]|\d+[.)]|\(?[a-z0-9]{1,3}\)|[A-Za-z]\.)\s")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff]")
_END = re.compile(r"[.!?。！？][\"'”’)]?\s*$")
_INFO_NODE = re.compile(r"^File: [^,]+,\s+Node: ([^,\t]+)")


@dataclass(frozen=True)
class Derived:
    """A document with one injected defect; ``edit`` (line, removed, inserted) maps its lines back."""

    id: str
    kind: str
    source: Entry
    data: bytes
    defects: tuple[Defect, ...]
    edit: tuple[int, int, int]

    @property
    def display(self) -> str:
        stem, dot, suffix = self.source.display.rpartition(".")
        return f"{stem}~{self.kind}.{suffix}" if dot else f"{self.source.display}~{self.kind}"

    def source_line(self, line: int) -> int | None:
        """The source's line this derived line came from (None for an injected or edited line)."""
        start, removed, inserted = self.edit
        if line < start:
            return line
        if line < start + inserted:
            return None
        return line - inserted + removed


def _decode(data: bytes) -> tuple[list[str], str] | None:
    try:
        text, enc = data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        text, enc = data.decode("latin-1"), "latin-1"
    if "\r" in text.replace("\r\n", ""):
        return None  # lines ending in a lone CR: not edited, to keep line numbers beyond doubt
    return text.split("\n"), enc


def _is_prose(lines: Sequence[str]) -> bool:
    """A plain paragraph of sentences: what an editor would call running text."""
    if not lines or any("\f" in s or _FOOTER.search(s) or len(s) > 110 for s in lines):
        return False
    text = " ".join(s.strip() for s in lines)
    if _LIST_START.match(lines[0]) or not _END.search(text):
        return False
    cjk = len(_CJK.findall(text))
    if cjk < 30 and len(text.split()) < 15:
        return False
    first = text[0]
    if not (first.isupper() or _CJK.match(first) or first in '"“(「『'):
        return False
    letters = sum(c.isalpha() or c in " ,.;:'\"()-–—“”’" for c in text)
    indents = {len(s) - len(s.lstrip()) for s in lines[1:]}
    return letters >= 0.9 * len(text) and len(indents) <= 1


def _blocks(lines: Sequence[str], first: int, last: int) -> list[tuple[int, int]]:
    """Blank-separated blocks of lines first..last (1-based, inclusive)."""
    out: list[tuple[int, int]] = []
    start = None
    for n in range(first, last + 1):
        blank = not lines[n - 1].strip()
        if not blank and start is None:
            start = n
        if blank and start is not None:
            out.append((start, n - 1))
            start = None
    if start is not None:
        out.append((start, last))
    return out


def _body(site: dict[str, Any], total: int) -> tuple[int, int]:
    first, nxt = int(site["heading"][1]) + 1, site["next"]
    return first, (int(nxt) - 1 if nxt else total)


def _join(lines: Sequence[str], enc: str) -> bytes:
    return "\n".join(lines).encode(enc)


def _underlined(lines: Sequence[str], site: dict[str, Any]) -> int | None:
    """The line of the heading's underline (reStructuredText and Sphinx text style), if any."""
    last = int(site["heading"][1])
    under = lines[last - 1].strip()
    if last > site["heading"][0] and len(under) >= 3 and len(set(under)) == 1 and not under[0].isalnum():
        return last
    return None


def _retitle(lines: list[str], site: dict[str, Any], new: str) -> None:
    """Replace the heading's first line with ``new``, keeping an underline as long as the title."""
    first = site["heading"][0]
    old = lines[first - 1]
    lines[first - 1] = new
    under = _underlined(lines, site)
    if under is not None:
        line = lines[under - 1]
        char, pad = line.strip()[0], line[: len(line) - len(line.lstrip())]
        lines[under - 1] = pad + char * max(3, len(line.strip()) + len(new.rstrip()) - len(old.rstrip()))


def _node_header(lines: Sequence[str], heading: int) -> int | None:
    """The first line of the Info node header (separator, ``File: ... Node: ...``, blank line)
    just above a heading, if any: it belongs to the section below it, not to the one above."""
    if heading < 4 or not lines[heading - 4].startswith("\x1f") or lines[heading - 2].strip():
        return None
    return heading - 3 if _INFO_NODE.match(lines[heading - 3]) else None


def _menu_entries(lines: Sequence[str], header: int) -> list[int]:
    """The Info menu lines above a node that point at it (its parent's menu, the detailed node
    listing; the index at the end is no contents)."""
    m = _INFO_NODE.match(lines[header])
    if m is None:
        return []
    node = re.escape(m[1].strip())
    menu = re.compile(rf"^\* (?:{node}::|[^:]+:\s+{node}[.,\t ])")
    return [n for n, line in enumerate(lines[:header], 1) if menu.match(line)]


def delete_section(e: Entry, lines: list[str], site: dict[str, Any]) -> tuple[list[str], list[Alternative]] | None:
    first, nxt = site["heading"][0], site["next"]
    numbered_gap = site["number"] is not None and not site["last"] and nxt is not None
    alts = []
    if site["entry"]:
        alts.append(Alternative(("OL101",), *site["entry"]))
    # in an Info file the section goes with its node header and the next one keeps its own, so
    # the next heading still stands where this one stood; the menu entry is left pointing nowhere
    own, theirs = _node_header(lines, first), (_node_header(lines, nxt) if nxt else None)
    start, stop = first, (nxt or len(lines) + 1)
    if own is not None and (nxt is None or theirs is not None):
        start, stop = own, (theirs or len(lines) + 1)
        if not site["entry"]:
            alts += [Alternative(("OL101",), n, n) for n in _menu_entries(lines, own)]
    if numbered_gap:
        # the next sibling now sits where it was: a gap, or a wrong start when the first went
        first_child = re.search(r"(?:^|\D)(1|A)\.?$", site["number"]) is not None
        alts.append(Alternative(("OL204", "OL201") if first_child else ("OL201",), first, first))
    if not alts:
        return None
    return lines[: start - 1] + lines[stop - 1 :], alts


def renumber(e: Entry, lines: list[str], site: dict[str, Any]) -> tuple[list[str], list[Alternative]] | None:
    number, first = site["number"], site["heading"][0]
    m = re.search(r"(\d+)(\D*)$", number or "")
    if not site["last"] or m is None:
        return None
    line = lines[first - 1]
    at = line.find(number)
    if at < 0 or line[:at].strip():
        return None
    new_number = number[: m.start(1)] + str(int(m[1]) + 2) + m[2]
    out = list(lines)
    _retitle(out, site, line[:at] + new_number + line[at + len(number) :])
    # an only child renumbered from 1 is a wrong start rather than a gap
    steps = ("OL204", "OL201") if int(m[1]) == 1 else ("OL201",)
    codes = ("OL104", *steps) if site["entry"] else steps
    return out, [Alternative(codes, first, first)]


def rename(e: Entry, lines: list[str], site: dict[str, Any]) -> tuple[list[str], list[Alternative]] | None:
    if not site["entry"]:
        return None
    first = site["heading"][0]
    line = lines[first - 1]
    skip = line.find(site["number"]) + len(site["number"]) if site["number"] and site["number"] in line else 0
    words = list(re.finditer(r"[^\W\d_]{3,}", line[skip:]))
    if not words:
        return None
    word = words[-1]
    title = site["title"].lower()
    new = next(w for w in RENAMES if w.lower() not in title and w.lower() != word[0].lower())
    if word[0].isupper():
        new = new.upper()
    elif word[0].islower():
        new = new.lower()
    start, end = skip + word.start(), skip + word.end()
    out = list(lines)
    _retitle(out, site, line[:start] + new + line[end:])
    return out, [Alternative(("OL103",), first, first)]


def empty_body(e: Entry, lines: list[str], site: dict[str, Any]) -> tuple[list[str], list[Alternative]] | None:
    if site["next"] is None:
        return None
    first, last = _body(site, len(lines))
    kept = _node_header(lines, site["next"])  # the next section's Info node header stays with it
    if kept is not None and kept > first:
        last = kept - 1
    if not any(lines[n - 1].strip() for n in range(first, last + 1)):
        return None
    return [*lines[: first - 1], "", *lines[last:]], [Alternative(("OL301",), site["heading"][0], site["heading"][0])]


def _cut_point(text: str) -> int | None:
    """Where to cut a line mid-sentence: after a word about half-way, not at a sentence's end."""
    if _CJK.search(text):
        for pos in range(len(text) // 2, len(text) - 1):
            if _CJK.match(text[pos - 1]) and _CJK.match(text[pos]):
                return pos
        return None
    words = list(re.finditer(r"\S+", text))
    for w in words[len(words) // 2 : -1]:
        if w[0].isalpha() and w[0].lower() == w[0] and len(w[0]) >= 3:
            return w.end()
    return None


def _indent(line: str) -> int:
    return len(line.expandtabs()) - len(line.expandtabs().lstrip())


def cut_end(e: Entry, lines: list[str], site: dict[str, Any]) -> tuple[list[str], list[Alternative]] | None:
    for start, end in _blocks(lines, *_body(site, len(lines))):
        block = lines[start - 1 : end]
        if not _is_prose(block):
            continue
        for n in range(start, end + 1):
            if n < end and _indent(lines[n - 1]) < _indent(lines[n]):
                continue  # a sub-heading or a term over its text ("Operator precedence surprises"): not prose
            pos = _cut_point(lines[n - 1])
            if pos is not None:
                out = [*lines[: n - 1], lines[n - 1][:pos], ""]
                return out, [Alternative(("OL302", "OL304"), n, n)]
    return None


def blank_run(e: Entry, lines: list[str], site: dict[str, Any]) -> tuple[list[str], list[Alternative]] | None:
    blocks = _blocks(lines, *_body(site, len(lines)))
    for before, (start, end), after in zip(blocks, blocks[1:], blocks[2:], strict=False):
        if not all(_is_prose(lines[a - 1 : b]) for a, b in (before, (start, end), after)):
            continue
        n = max(end - start + 1, BLANK_RUN)
        out = lines[: start - 1] + [""] * n + lines[end:]
        run = (before[1] + 1, before[1] + (start - before[1] - 1) + n + (after[0] - end - 1))
        return out, [Alternative(("OL303",), *run)]
    return None


Injector = Callable[[Entry, list[str], dict[str, Any]], tuple[list[str], list[Alternative]] | None]
KINDS: dict[str, tuple[Injector, str]] = {
    "delete-section": (delete_section, "a section deleted, heading and body"),
    "renumber": (renumber, "a heading renumbered (its contents entry left as it was)"),
    "rename": (rename, "a heading renamed (its contents entry left as it was)"),
    "empty-body": (empty_body, "a section's body emptied"),
    "cut-end": (cut_end, "the document cut off mid-sentence"),
    "blank-run": (blank_run, "a paragraph replaced by a run of blank lines"),
}


def _edit(old: Sequence[str], new: Sequence[str]) -> tuple[int, int, int]:
    """The one changed stretch between two line lists, as (first line, removed, inserted)."""
    head = 0
    while head < min(len(old), len(new)) and old[head] == new[head]:
        head += 1
    tail = 0
    while tail < min(len(old), len(new)) - head and old[-1 - tail] == new[-1 - tail]:
        tail += 1
    return head + 1, len(old) - head - tail, len(new) - head - tail


def derive(entry: Entry, data: bytes, sites: Sequence[dict[str, Any]], seed: int = SEED) -> Iterator[Derived]:
    """Every injection kind that fits one of the sites, at a site drawn with a fixed seed per
    document and kind (adding a document never changes another's injections)."""
    decoded = _decode(data)
    if decoded is None or not sites:
        return
    lines, enc = decoded
    for kind, (inject, what) in KINDS.items():
        rng = random.Random(f"{seed}:{entry.id}:{kind}")
        order = list(range(len(sites)))
        if kind == "cut-end":  # a cut near the end is the likely one; one in the first lines is odd
            order = order[len(order) // 2 :]
        rng.shuffle(order)
        for i in order:
            made = inject(entry, lines, sites[i])
            if made is None:
                continue
            new, alts = made
            note = f"injected: {what} at {sites[i]['number'] or ''} {sites[i]['title']!r}".replace("  ", " ")
            defect = Defect(tuple(alts), note, kind)
            yield Derived(f"{entry.id}~{kind}", kind, entry, _join(new, enc), (defect,), _edit(lines, new))
            break


def derived_documents(entries: Sequence[Entry], seed: int = SEED) -> Iterator[Derived]:
    for entry in entries:
        if entry.tuned:
            continue
        label = load_label(entry)
        if label.sites and not label.defects:
            yield from derive(entry, load_bytes(entry.file), label.sites, seed)


def preview(d: Derived, around: int = 2) -> str:
    """The edited stretch of a derived document and what it must give, for a person to check."""
    lines = d.data.decode("utf-8", "replace").split("\n")
    start, _, inserted = d.edit
    marks = {n for x in d.defects for a in x.accept for n in range(a.first, a.last + 1) if a.last - a.first < 20}
    shown = sorted({*range(start - around, start + max(inserted, 1) + around), *marks})
    out = [f"### {d.id}: {d.defects[0].note}"]
    for x in d.defects:
        out.append("    expect " + "; ".join(f"{'/'.join(a.codes)} at {a.first}-{a.last}" for a in x.accept))
    prev = 0
    for n in shown:
        if 1 <= n <= len(lines):
            if prev and n > prev + 1:
                out.append("    ...")
            flag = "*" if start <= n < start + inserted else ">" if n in marks else " "
            out.append(f"{n:6}{flag} {lines[n - 1][:100]}")
            prev = n
    return "\n".join(out)


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, help="folder to write the derived documents into")
    ap.add_argument("--preview", action="store_true", help="print each injection's lines and expected finding")
    ap.add_argument("--id", action="append", help="only these source documents")
    ap.add_argument("--split", choices=("dev", "held-out", "all"), default="dev")
    ap.add_argument("--seed", type=int, default=SEED)
    args = ap.parse_args(argv)
    entries = [e for e in load_manifest() if args.split in ("all", e.split) and (not args.id or e.id in args.id)]
    expected = {}
    for d in derived_documents(entries, args.seed):
        if args.preview:
            print(preview(d))
            continue
        if args.out is None:
            ap.error("--out or --preview")
        target = args.out / d.display
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(d.data)
        expected[d.display] = [
            {"accept": [{"codes": list(a.codes), "lines": [a.first, a.last]} for a in x.accept], "note": x.note}
            for x in d.defects
        ]
    if args.preview:
        return 0
    (args.out / "expected.json").write_text(json.dumps(expected, indent=1, ensure_ascii=False) + "\n")
    print(f"{len(expected)} derived documents in {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
