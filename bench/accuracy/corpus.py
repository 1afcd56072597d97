"""The accuracy corpus: its manifest, the split rule, label files and the team's tuned-on documents."""

from __future__ import annotations

import gzip
import hashlib
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent  # the repository: every path in the manifest is relative to it
MANIFEST = HERE / "manifest.json"
LABELS = HERE / "labels"
SPLITS = ("dev", "held-out")
FORMATS = ("text", "markdown", "html")
CODE = re.compile(r"^OL\d{3}$")


class CorpusError(Exception):
    """The manifest or a label file is malformed or breaks the split rule."""


def pool(data: bytes) -> str:
    """The split rule, fixed before any tuning: the first byte of the SHA-256 of the document's
    (decompressed) bytes decides, < 128 is dev, else held-out."""
    return "dev" if hashlib.sha256(data).digest()[0] < 128 else "held-out"


def load_bytes(path: Path) -> bytes:
    data = path.read_bytes()
    return gzip.decompress(data) if path.name.endswith(".gz") else data


@dataclass(frozen=True)
class Alternative:
    """One acceptable way of reporting a defect: any of ``codes`` at a line in ``first..last``."""

    codes: tuple[str, ...]
    first: int
    last: int

    def accepts(self, code: str, line: int) -> bool:
        return code in self.codes and self.first <= line <= self.last


@dataclass(frozen=True)
class Defect:
    """One real problem: found once by any of its alternatives; the first one is preferred."""

    accept: tuple[Alternative, ...]
    note: str
    origin: str = "labelled"  # or the injection kind

    @property
    def code(self) -> str:
        return self.accept[0].codes[0]

    @property
    def line(self) -> int:
        return self.accept[0].first

    def accepts(self, code: str, line: int) -> bool:
        return any(a.accepts(code, line) for a in self.accept)


@dataclass(frozen=True)
class Entry:
    """One real document of the corpus (or one the team tuned on)."""

    id: str
    path: str
    family: str
    kind: str
    format: str
    split: str
    source: str = ""
    licence: str = ""
    tuned: bool = False  # a regression reproducer or synthetic test document: dev whatever its hash

    @property
    def file(self) -> Path:
        return ROOT / self.path

    @property
    def display(self) -> str:
        """The path outlint is told (it picks the reader by suffix): without ``.gz``."""
        return self.path[: -len(".gz")] if self.path.endswith(".gz") else self.path


@dataclass
class Label:
    defects: list[Defect] = field(default_factory=list)
    sites: list[dict[str, Any]] = field(default_factory=list)
    note: str = ""


def _alternative(raw: Any, where: str) -> Alternative:
    if not isinstance(raw, dict) or not set(raw) <= {"codes", "line", "lines"}:
        raise CorpusError(f"{where}: an alternative is an object with codes and line or lines")
    codes = raw.get("codes")
    if not isinstance(codes, list) or not codes or not all(isinstance(c, str) and CODE.match(c) for c in codes):
        raise CorpusError(f"{where}: codes must be a non-empty list of codes such as OL201")
    if ("line" in raw) == ("lines" in raw):
        raise CorpusError(f"{where}: give exactly one of line or lines")
    if "line" in raw:
        first = last = raw["line"]
    else:
        pair = raw["lines"]
        if not isinstance(pair, list) or len(pair) != 2:
            raise CorpusError(f"{where}: lines is [first, last]")
        first, last = pair
    if not all(isinstance(n, int) and not isinstance(n, bool) and n >= 1 for n in (first, last)) or first > last:
        raise CorpusError(f"{where}: lines must be positive and in order")
    return Alternative(tuple(codes), first, last)


def parse_label(raw: Any, where: str) -> Label:
    """Check a label file's shape (label.schema.json says the same) and read it."""
    if not isinstance(raw, dict) or not set(raw) <= {"document", "defects", "sites", "note"}:
        raise CorpusError(f"{where}: a label is an object with document, defects, and optional sites, note")
    defects = raw.get("defects")
    if not isinstance(defects, list):
        raise CorpusError(f"{where}: defects must be a list (empty for a clean document)")
    out = Label(note=str(raw.get("note", "")))
    for i, d in enumerate(defects):
        at = f"{where}: defect {i + 1}"
        if not isinstance(d, dict) or not set(d) <= {"accept", "note"} or not isinstance(d.get("note"), str):
            raise CorpusError(f"{at}: a defect is an object with accept and a one-line note")
        if not d["note"].strip() or "\n" in d["note"]:
            raise CorpusError(f"{at}: the note says in one line what is wrong and why")
        accept = d.get("accept")
        if not isinstance(accept, list) or not accept:
            raise CorpusError(f"{at}: accept must list at least one alternative")
        out.defects.append(Defect(tuple(_alternative(a, at) for a in accept), d["note"]))
    sites = raw.get("sites", [])
    if not isinstance(sites, list):
        raise CorpusError(f"{where}: sites must be a list")
    for i, s in enumerate(sites):
        check_site(s, f"{where}: site {i + 1}")
        out.sites.append(s)
    return out


_SITE_KEYS = {"heading", "next", "number", "title", "entry", "last"}


def _span(value: Any) -> bool:
    return (
        isinstance(value, list)
        and len(value) == 2
        and all(isinstance(n, int) and not isinstance(n, bool) and n >= 1 for n in value)
        and value[0] <= value[1]
    )


def check_site(site: Any, where: str) -> None:
    """A site is a leaf section checked by hand, where defects may be injected: its heading's
    lines, the line of the next heading (null at the end), its number as written (null if none),
    its title, its contents entry's lines (null if not listed) and whether it is its parent's last
    child (then renumbering it leaves a plain gap)."""
    if not isinstance(site, dict) or set(site) != _SITE_KEYS:
        raise CorpusError(f"{where}: a site has exactly the keys {sorted(_SITE_KEYS)}")
    if not _span(site["heading"]) or not (site["entry"] is None or _span(site["entry"])):
        raise CorpusError(f"{where}: heading and entry are [first, last] line pairs")
    nxt = site["next"]
    if nxt is not None and (not isinstance(nxt, int) or nxt <= site["heading"][1] + 1):
        raise CorpusError(f"{where}: next must be a line after the heading and its body")
    if not isinstance(site["title"], str) or not site["title"].strip():
        raise CorpusError(f"{where}: title must be the heading's title")
    if not (site["number"] is None or isinstance(site["number"], str)) or not isinstance(site["last"], bool):
        raise CorpusError(f"{where}: number is a string or null, last a boolean")


def label_path(entry: Entry) -> Path:
    return LABELS / f"{entry.id}.json"


def load_label(entry: Entry) -> Label:
    if entry.tuned:
        return tuned_label(entry)
    path = label_path(entry)
    if not path.exists():
        raise CorpusError(f"{entry.id}: no label file {path.relative_to(ROOT)}")
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise CorpusError(f"{path.relative_to(ROOT)}: not JSON: {exc}") from None
    label = parse_label(raw, str(path.relative_to(ROOT)))
    if raw.get("document") != entry.id:
        raise CorpusError(f"{path.relative_to(ROOT)}: document must be {entry.id!r}")
    return label


_MANIFEST_KEYS = {"id", "path", "family", "kind", "format", "split", "source", "licence"}


def load_manifest(path: Path = MANIFEST, *, verify: bool = True) -> list[Entry]:
    """Every document: the manifest's real documents (their split checked against the rule, so a
    manifest that moved a document is refused) and the team's tuned-on documents (always dev)."""
    raw = json.loads(path.read_text(encoding="utf-8"))
    entries: list[Entry] = []
    seen: set[str] = set()
    for i, d in enumerate(raw.get("documents", [])):
        where = f"{path.name}: document {i + 1}"
        if not isinstance(d, dict) or set(d) != _MANIFEST_KEYS:
            raise CorpusError(f"{where}: needs exactly the keys {sorted(_MANIFEST_KEYS)}")
        e = Entry(
            str(d["id"]),
            str(d["path"]),
            str(d["family"]),
            str(d["kind"]),
            str(d["format"]),
            str(d["split"]),
            str(d["source"]),
            str(d["licence"]),
        )
        if e.id in seen:
            raise CorpusError(f"{where}: duplicate id {e.id}")
        seen.add(e.id)
        if e.split not in SPLITS or e.format not in FORMATS:
            raise CorpusError(f"{where}: split must be one of {SPLITS}, format one of {FORMATS}")
        if verify:
            if not e.file.exists():
                raise CorpusError(f"{where}: no such file {e.path}")
            actual = pool(load_bytes(e.file))
            if actual != e.split:
                raise CorpusError(f"{e.path}: the manifest says {e.split} but the split rule gives {actual}; refused")
        entries.append(e)
    for group in raw.get("tuned", []):
        entries.extend(_tuned(group, seen))
    return entries


def _tuned(group: dict[str, str], seen: set[str]) -> list[Entry]:
    out = []
    base = ROOT / group["folder"]
    for pattern in group["globs"]:
        for file in sorted(base.glob(pattern)):
            rel = file.relative_to(ROOT).as_posix()
            ident = f"{group['family']}/{file.name}"
            if ident in seen:
                continue
            seen.add(ident)
            out.append(Entry(ident, rel, group["family"], group["kind"], "text", "dev", group["source"], "", True))
    return out


# The codes the synthetic documents' expected.json names by fault kind (tests/test_text_documents.py).
FAULT_CODES = {
    "toc-entry-missing-heading": "OL101",
    "heading-missing-from-toc": "OL102",
    "title-differs": "OL103",
    "number-differs": "OL104",
    "order-differs": "OL105",
    "numbering-gap": "OL201",
    "numbering-duplicate": "OL202",
    "numbering-backwards": "OL203",
    "numbering-start": "OL204",
    "wrong-parent": "OL205",
    "level-skip": "OL206",
    "empty-section": "OL301",
    "cut-mid-sentence": "OL302",
    "blank-run": "OL303",
    "ends-early": "OL304",
    "fragment": "OL305",
    "foreign-paragraph": "OL401",
}
_REPORT_LINE = re.compile(r"^[^:]+:(\d+):\d+: (OL\d{3}) (.*)$")


def tuned_label(entry: Entry) -> Label:
    """A reproducer's truth is its ``.expected`` sidecar (none: no finding); a synthetic document's
    is tests/data/text/expected.json, where a cut sentence is reported at its paragraph's last line."""
    file = entry.file
    sidecar = file.with_name(file.name + ".expected")
    if sidecar.exists():
        defects = []
        for row in sidecar.read_text(encoding="utf-8").splitlines():
            m = _REPORT_LINE.match(row)
            if m:
                alt = Alternative((m[2],), int(m[1]), int(m[1]))
                defects.append(Defect((alt,), m[3][:120], "labelled"))
        return Label(defects)
    expected = file.with_name("expected.json")
    if expected.exists():
        table = json.loads(expected.read_text(encoding="utf-8"))
        if file.name in table:
            lines = file.read_text(encoding="utf-8").split("\n")
            defects = []
            for fault in table[file.name]:
                code, line = FAULT_CODES[str(fault["fault"])], int(fault["line"])
                if code == "OL302":
                    while line < len(lines) and lines[line].strip():
                        line += 1
                defects.append(Defect((Alternative((code,), line, line),), str(fault["fault"]), "labelled"))
            return Label(defects)
    return Label()
