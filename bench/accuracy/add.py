"""Add real documents to the corpus: copy, gzip the large ones, record them in the manifest.

    python bench/accuracy/add.py --family rfc-nroff --kind specification \\
        --source "RFC 793 (IETF), from ..." --licence "IETF Trust: RFCs may be copied in full" FILE [--name NAME]
    python bench/accuracy/add.py --sources      # rewrite SOURCES.md from the manifest

The split is never chosen: it is what the split rule gives for the document's bytes. A label file
(labels/<id>.json) must then be written by hand after reading the document.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import HERE, MANIFEST, ROOT, load_bytes, pool

GZIP_OVER = 150_000  # bytes: larger documents are stored gzipped (the scorer reads .gz)
FORMAT = {".md": "markdown", ".markdown": "markdown", ".html": "html", ".htm": "html", ".xhtml": "html"}


def _save(manifest: dict[str, object]) -> None:
    docs = manifest["documents"]
    assert isinstance(docs, list)
    docs.sort(key=lambda d: d["id"])
    tmp = MANIFEST.with_suffix(".tmp")
    tmp.write_text(json.dumps(manifest, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    tmp.replace(MANIFEST)


def add(file: Path, name: str, family: str, kind: str, source: str, licence: str) -> str:
    data = load_bytes(file)
    manifest = json.loads(MANIFEST.read_text(encoding="utf-8"))
    stem = name
    for gz in (".gz",):
        stem = stem.removesuffix(gz)
    fmt = FORMAT.get(Path(stem).suffix.lower(), "text")
    ident = f"{family}/{Path(stem).stem}"
    if any(d["id"] == ident for d in manifest["documents"]):
        raise SystemExit(f"add.py: {ident} is already in the manifest")
    target = HERE / "docs" / family / (stem + (".gz" if len(data) > GZIP_OVER else ""))
    target.parent.mkdir(parents=True, exist_ok=True)
    if target.suffix == ".gz":
        target.write_bytes(gzip.compress(data, 9, mtime=0))
    else:
        target.write_bytes(data)
    entry = {
        "id": ident,
        "path": target.relative_to(ROOT).as_posix(),
        "family": family,
        "kind": kind,
        "format": fmt,
        "split": pool(data),
        "source": source,
        "licence": licence,
    }
    manifest["documents"].append(entry)
    _save(manifest)
    return f"{entry['split']:8}  {ident}  ({len(data)} bytes)"


def sources() -> None:
    manifest = json.loads(MANIFEST.read_text(encoding="utf-8"))
    rows = [
        "# Sources of the accuracy corpus",
        "",
        "Generated from manifest.json by `python bench/accuracy/add.py --sources`. Every document is",
        "copied unmodified from the origin named here, under the licence named here; the licence texts",
        "that a licence asks to be kept with copies are in `licences/`.",
        "",
        "| id | split | family | kind | origin | licence |",
        "|---|---|---|---|---|---|",
    ]
    for d in manifest["documents"]:
        rows.append(f"| `{d['id']}` | {d['split']} | {d['family']} | {d['kind']} | {d['source']} | {d['licence']} |")
    (HERE / "SOURCES.md").write_text("\n".join(rows) + "\n", encoding="utf-8")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("files", nargs="*", type=Path)
    ap.add_argument("--family")
    ap.add_argument("--kind")
    ap.add_argument("--source", help="where it came from; {name} is replaced by the file's name")
    ap.add_argument("--licence")
    ap.add_argument("--name", help="file name in the corpus (one file only); default: the file's own")
    ap.add_argument("--prefix", default="", help="put before each file's own name")
    ap.add_argument("--sources", action="store_true", help="rewrite SOURCES.md")
    args = ap.parse_args()
    for f in args.files:
        if not (args.family and args.kind and args.source and args.licence):
            ap.error("--family, --kind, --source and --licence are needed to add a document")
        name = args.name or args.prefix + f.name
        print(add(f, name, args.family, args.kind, args.source.replace("{name}", f.name), args.licence))
    if args.sources or args.files:
        sources()
    return 0


if __name__ == "__main__":
    sys.exit(main())
