"""Fuzz outlint's readers and its whole check path with mutated real documents and generated inputs.

Inputs come from seeds (the project's samples and test documents, or files given with ``--seeds``),
mutated the ways real files break: byte flips, truncation, splices of two documents, random Unicode,
control characters, form feeds, CR-only line ends, NULs, BOMs, lone surrogates (as UTF-8 bytes),
huge lines, deep nesting and unbalanced markup. Each input goes to every reader (``read``) and to the
whole ``check_bytes`` path. The only exception allowed is ``ReadError`` (a reader's documented "not a
document"); from ``check_bytes``, no exception at all and no OL002 (outlint's own failure). A crash is
saved with its traceback under ``--crashes`` and, at the end, shrunk to a minimal input.

    python bench/fuzz.py --inputs 100000 --seed 1          # the long run, per reader
    python bench/fuzz.py --inputs 2000 --formats markdown  # one reader
    python bench/fuzz.py --hypothesis 2000                 # also property-based inputs (needs hypothesis)

Run it under ``nice -n 10``: it is CPU-bound. Exit status 1 when anything crashed.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import random
import sys
import time
import traceback
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from outlint import readers  # noqa: E402  # after the path: the repository's source first
from outlint.linter import Settings, check_bytes  # noqa: E402

BOMS = (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b"\xff\xfe\x00\x00")
CONTROL = bytes([*range(0, 9), 11, 12, *range(14, 32), 127])
MARKUP = (
    b"<",
    b">",
    b"</",
    b"<!--",
    b"-->",
    b"<![CDATA[",
    b"]]>",
    b"<!DOCTYPE html>",
    b"&",
    b"&#",
    b"&#x",
    b"&amp",
    b"<div>",
    b"</div>",
    b"<h2 id=",
    b'<a href="#',
    b'"',
    b"'",
    b"#",
    b"## ",
    b"```",
    b"~~~",
    b"[",
    b"](#",
    b"![",
    b"`",
    b"*",
    b"_",
    b"> ",
    b"- ",
    b"1. ",
    b"|",
    b"---",
    b"===",
    b"<!-- outlint-disable ",
    b"<!-- outlint-enable -->",
    b"{#",
    b"}",
    b"\\",
    b"\x0c",
    b"\r",
    b"\r\n",
    b"\t",
    b"\x00",
    b"\xed\xa0\x80",  # a lone surrogate, as UTF-8 encodes it (invalid)
    b"\xc3",  # a cut multi-byte character
    "第一章 ".encode(),
    "（一）".encode(),
    "\u2028".encode(),
    "\u200b".encode(),
    "\ufeff".encode(),
)
SUFFIX = {"text": "x.txt", "markdown": "x.md", "html": "x.html", "docx": "x.docx"}
MAX_INPUT = 200_000  # bytes; big inputs are the complexity test's business, crashes need structure
SLOW_INPUT = 2.0  # CPU seconds (wall where unknown): an input slower than this is kept for the complexity owners
WINDOW = 6000  # seeds are cut into windows of about this size, so that an input takes milliseconds


# --- mutations -------------------------------------------------------------------------------


def _flip(rng: random.Random, data: bytes, _other: bytes) -> bytes:
    out = bytearray(data)
    for _ in range(rng.randint(1, 8)):
        if out:
            out[rng.randrange(len(out))] ^= 1 << rng.randrange(8)
    return bytes(out)


def _truncate(rng: random.Random, data: bytes, _other: bytes) -> bytes:
    return data[: rng.randint(0, len(data))]


def _splice(rng: random.Random, data: bytes, other: bytes) -> bytes:
    a, b = rng.randint(0, len(data)), rng.randint(0, len(other))
    return data[:a] + other[b:]


def _insert(rng: random.Random, data: bytes, _other: bytes) -> bytes:
    out = data
    for _ in range(rng.randint(1, 6)):
        at = rng.randint(0, len(out))
        piece = rng.choice(MARKUP) * rng.choice((1, 1, 2, 3, 10, 100))
        out = out[:at] + piece + out[at:]
    return out


def _unicode(rng: random.Random, data: bytes, _other: bytes) -> bytes:
    text = "".join(
        chr(rng.choice((rng.randint(32, 0x2FF), rng.randint(0x3000, 0x9FFF), rng.randint(0x10000, 0x1FFFF))))
        for _ in range(rng.randint(1, 200))
    )
    at = rng.randint(0, len(data))
    return data[:at] + text.encode("utf-8", "surrogatepass") + data[at:]


def _controls(rng: random.Random, data: bytes, _other: bytes) -> bytes:
    out = bytearray(data)
    for _ in range(rng.randint(1, 20)):
        out.insert(rng.randint(0, len(out)), rng.choice(CONTROL))
    return bytes(out)


def _line_ends(rng: random.Random, data: bytes, _other: bytes) -> bytes:
    end = rng.choice((b"\r", b"\r\n", b"\x0c\n", b"\n\r", b"\x85", "\u2028".encode()))
    return data.replace(b"\n", end)


def _bom(rng: random.Random, data: bytes, _other: bytes) -> bytes:
    bom = rng.choice(BOMS)
    if bom in (b"\xff\xfe", b"\xfe\xff") and rng.random() < 0.5:
        try:
            return bom + data.decode("utf-8").encode("utf-16-le" if bom == b"\xff\xfe" else "utf-16-be")
        except UnicodeDecodeError:
            pass
    return bom + data


def _huge_line(rng: random.Random, data: bytes, _other: bytes) -> bytes:
    at = rng.randint(0, len(data))
    unit = rng.choice((b"x", b" ", b"word ", b"-", b".", b"`", b"[", b"<b>"))
    # long enough to reach the limits of line-based code; how time grows with length is the
    # complexity test's business (a quadratic path on a 150 KB word would stall the run here)
    return data[:at] + unit * rng.randint(500, 3000) + data[at:]


def _deep(rng: random.Random, data: bytes, _other: bytes) -> bytes:
    depth = rng.choice((rng.randint(50, 300), rng.randint(300, 1500)))
    opener, closer = rng.choice(
        (
            (b"> ", b""),
            (b"- ", b""),
            (b"<div>", b"</div>"),
            (b"<b>", b""),
            (b"<ul><li>", b""),
            (b"[", b"]"),
            (b"(", b")"),
            (b"  ", b""),
        )
    )
    at = rng.randint(0, len(data))
    return data[:at] + opener * depth + b"x" + closer * rng.randint(0, depth) + b"\n" + data[at:]


def _unbalanced(rng: random.Random, data: bytes, _other: bytes) -> bytes:
    out = data
    for _ in range(rng.randint(1, 4)):
        at = rng.randint(0, len(out))
        out = (
            out[:at]
            + rng.choice(
                (
                    b"<!--",
                    b"```\n",
                    b"<script>",
                    b"<h2>",
                    b"</h2>",
                    b"<table><tr><td>",
                    b"<![CDATA[",
                    b'<!DOCTYPE x [<!ENTITY a "b">]>',
                    b"&a;",
                    b"<?xml version='1.0'?>",
                )
            )
            + out[at:]
        )
    return out


def _duplicate(rng: random.Random, data: bytes, _other: bytes) -> bytes:
    a = rng.randint(0, len(data))
    b = min(len(data), a + rng.randint(1, 500))
    return data[:b] + data[a:b] * rng.randint(2, 50) + data[b:]


MUTATIONS: dict[str, Callable[[random.Random, bytes, bytes], bytes]] = {
    "flip": _flip,
    "truncate": _truncate,
    "splice": _splice,
    "insert": _insert,
    "unicode": _unicode,
    "controls": _controls,
    "line-ends": _line_ends,
    "bom": _bom,
    "huge-line": _huge_line,
    "deep": _deep,
    "unbalanced": _unbalanced,
    "duplicate": _duplicate,
}


def mutate(rng: random.Random, seeds: list[bytes]) -> tuple[str, bytes]:
    """One mutated input: one to three mutations of a seed, named for the crash report."""
    data = rng.choice(seeds)
    names = rng.sample(sorted(MUTATIONS), rng.choice((1, 1, 2, 3)))
    for name in names:
        data = MUTATIONS[name](rng, data, rng.choice(seeds))
    return "+".join(names), data[:MAX_INPUT]


def mutate_part(rng: random.Random, data: bytes, seeds: list[bytes]) -> tuple[str, bytes]:
    """``mutate`` of one given part (a Word package's XML), splicing with the other seeds."""
    names = rng.sample(sorted(MUTATIONS), rng.choice((1, 1, 2, 3)))
    for name in names:
        data = MUTATIONS[name](rng, data, rng.choice(seeds))
    return "+".join(names), data[:MAX_INPUT]


Package = dict[str, bytes]


def docx_packages() -> list[Package]:
    """The parts of every Word document in the repository (samples, pandoc's test files)."""
    found = []
    for path in sorted({*ROOT.glob("samples/*.docx"), *ROOT.glob("tests/data/**/*.docx")}):
        try:
            with zipfile.ZipFile(path) as zf:
                found.append({i.filename: zf.read(i) for i in zf.infolist() if i.file_size < 2_000_000})
        except (zipfile.BadZipFile, OSError):
            continue  # a test file meant to be broken: its bytes are a seed of the other formats
    return found


def docx_input(rng: random.Random, packages: list[Package], seeds: list[bytes]) -> tuple[str, bytes]:
    """A Word document with one of its XML parts mutated (the body most often), zipped again; now and
    then the zip's own bytes are flipped or cut, so the container is fuzzed too."""
    package = dict(rng.choice(packages))
    xml = [n for n in package if n.endswith((".xml", ".rels"))]
    part = "word/document.xml" if "word/document.xml" in package and rng.random() < 0.7 else rng.choice(xml)
    name, package[part] = mutate_part(rng, package[part], [package[part], *seeds])
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for member, data in package.items():
            zf.writestr(member, data)
    data = out.getvalue()
    if rng.random() < 0.1:
        how = rng.choice(("flip", "truncate"))
        name, data = f"{name}+zip-{how}", MUTATIONS[how](rng, data, data)
    return f"{part.replace('/', '_')}:{name}", data


def default_seeds() -> list[Path]:
    """Real documents of the repository: samples, test data, the README and docs."""
    found = []
    for pattern in ("samples/*", "tests/data/**/*", "README.md", "CHANGELOG.md", "docs/*", "bench/README.md"):
        found += [
            p for p in ROOT.glob(pattern) if p.is_file() and p.stat().st_size < 2_000_000 and p.suffix != ".expected"
        ]
    return sorted(set(found))


# --- running ---------------------------------------------------------------------------------


def attempt(data: bytes, fmt: str, settings: Settings) -> str | None:
    """None when the input was handled; else what went wrong. ``check_bytes`` reads with the reader
    (a ReadError becomes OL001, any other exception of the reader or a rule OL002) and runs every
    rule, so one call covers the reader and the whole check path."""
    try:
        found = check_bytes(data, SUFFIX[fmt], fmt, settings)
    except Exception:  # check_bytes itself must never raise
        return traceback.format_exc()
    failed = [f for f in found if f.code == "OL002"]
    return f"OL002: {failed[0].message}" if failed else None


class Worker:
    """``attempt`` in a child process, so that an input on which outlint hangs (exponential
    backtracking) is reported after ``timeout`` seconds and the run goes on with a fresh child."""

    def __init__(self, fmt: str, settings: Settings, timeout: float) -> None:
        self.fmt, self.settings, self.timeout = fmt, settings, timeout
        self.proc: Any = None
        self.conn: Any = None
        self.last_cpu: float | None = None  # CPU seconds the last answered input took, where known

    def _start(self) -> None:
        import multiprocessing

        ctx = multiprocessing.get_context("fork")
        self.conn, child = ctx.Pipe()
        self.proc = ctx.Process(target=_serve, args=(child, self.fmt, self.settings), daemon=True)
        self.proc.start()
        child.close()

    def run(self, data: bytes) -> str | None:
        if self.proc is None or not self.proc.is_alive():
            self._start()
        self.conn.send_bytes(data)
        spent = _cpu_seconds(self.proc.pid)
        waited = 0.0
        while not self.conn.poll(self.timeout):
            waited += self.timeout
            # A hang is CPU spent, not time waited: under nice on a busy machine the child may get
            # little CPU, so wait on (up to ten timeouts) while it has used less than one timeout.
            now = _cpu_seconds(self.proc.pid)
            used = waited if now is None or spent is None else now - spent
            if used >= self.timeout or waited >= 10 * self.timeout:
                self.stop()
                return f"hang: no answer within {self.timeout:g}s of CPU ({used:.1f}s used, {waited:g}s waited)"
        try:
            answer: str = self.conn.recv()
        except EOFError:  # the child died: a crash of the interpreter (a segfault, out of memory)
            self.stop()
            return "the checking process died"
        now = _cpu_seconds(self.proc.pid)
        self.last_cpu = None if now is None or spent is None else now - spent
        return answer or None

    def stop(self) -> None:
        if self.proc is not None:
            self.proc.kill()
            self.proc.join()
            self.proc = None


def _cpu_seconds(pid: int) -> float | None:
    """User and system CPU time of a process (Linux /proc); None elsewhere, and wall time decides."""
    try:
        with open(f"/proc/{pid}/stat") as fh:
            fields = fh.read().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _serve(conn: Any, fmt: str, settings: Settings) -> None:
    while True:
        try:
            data = conn.recv_bytes()
        except EOFError:
            return
        conn.send(attempt(data, fmt, settings) or "")


def windows(rng: random.Random, docs: list[bytes]) -> list[bytes]:
    """Seeds: small documents whole, big ones as windows cut at line starts (and their first window)."""
    out = []
    for doc in docs:
        if len(doc) <= WINDOW:
            out.append(doc)
            continue
        out.append(doc[:WINDOW])
        for _ in range(min(20, len(doc) // WINDOW)):
            at = doc.find(b"\n", rng.randrange(len(doc) - WINDOW)) + 1
            out.append(doc[at : at + WINDOW])
    return out


def shrink(data: bytes, fmt: str, worker: Worker, budget: float = 60.0) -> bytes:
    """A smaller input that still fails the same way (cutting halves, then chunks, then bytes)."""
    first = worker.run(data)
    kind = (first or "").strip().splitlines()[-1:] if first else []
    deadline = time.monotonic() + budget

    def fails(candidate: bytes) -> bool:
        got = worker.run(candidate)
        return bool(got) and got.strip().splitlines()[-1:] == kind

    chunk = max(1, len(data) // 2)
    while chunk >= 1 and time.monotonic() < deadline:
        i, changed = 0, False
        while i < len(data) and time.monotonic() < deadline:
            candidate = data[:i] + data[i + chunk :]
            if candidate and fails(candidate):
                data, changed = candidate, True
            else:
                i += chunk
        if not changed:
            chunk //= 2
    return data


def generated(rng: random.Random) -> Iterator[tuple[str, bytes]]:
    """Inputs built from nothing: random bytes, random text, lines of markup pieces."""
    while True:
        kind = rng.choice(("bytes", "text", "pieces"))
        if kind == "bytes":
            yield kind, rng.randbytes(rng.randint(0, 3000))
        elif kind == "text":
            yield (
                kind,
                "".join(chr(rng.randint(1, 0x2FFFF)) for _ in range(rng.randint(0, 1000))).encode(
                    "utf-8", "surrogatepass"
                ),
            )
        else:
            yield (
                kind,
                b"".join(
                    rng.choice(MARKUP) + rng.choice((b"", b" ", b"\n", b"a", b"1")) for _ in range(rng.randint(0, 400))
                ),
            )


def hypothesis_run(count: int, formats: list[str], settings: Settings, crashes: Path) -> dict[str, int]:
    """Property: for any bytes, and for any text as UTF-8, every reader and check_bytes only ever
    raise ReadError (readers) or nothing (check). Returns failures per format."""
    from hypothesis import HealthCheck, given
    from hypothesis import settings as hsettings
    from hypothesis import strategies as st

    failures = dict.fromkeys(formats, 0)
    for fmt in formats:

        @hsettings(max_examples=count, deadline=None, database=None, suppress_health_check=list(HealthCheck))
        @given(
            st.one_of(
                st.binary(max_size=2000), st.text(max_size=2000).map(lambda s: s.encode("utf-8", "surrogatepass"))
            )
        )
        def prop(data: bytes, fmt: str = fmt) -> None:
            problem = attempt(data, fmt, settings)
            assert problem is None, problem

        try:
            prop()
        except AssertionError as exc:
            failures[fmt] += 1
            (crashes / f"hypothesis-{fmt}.txt").write_text(str(exc))
    return failures


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    ap.add_argument("--inputs", type=int, default=1000, help="inputs per reader (mutated + generated)")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--formats", default=",".join(readers.READERS), help="comma-separated readers")
    ap.add_argument("--seeds", nargs="*", type=Path, help="seed documents (default: the repository's own)")
    ap.add_argument("--crashes", type=Path, default=ROOT / "bench" / "work" / "crashes")
    ap.add_argument("--hypothesis", type=int, default=0, help="also this many property-based examples per reader")
    ap.add_argument("--json", type=Path, help="write the counts here")
    ap.add_argument("--timeout", type=float, default=10.0, help="seconds before an input counts as a hang")
    args = ap.parse_args(argv)
    formats = [f for f in args.formats.split(",") if f]
    docs = [p.read_bytes() for p in (args.seeds or default_seeds())]
    seeds = windows(random.Random(args.seed), [d for d in docs if d]) or [b"# T\n\ntext.\n"]
    settings = Settings()
    args.crashes.mkdir(parents=True, exist_ok=True)
    report: dict[str, Any] = {"seed": args.seed, "seeds": len(seeds), "inputs": args.inputs, "readers": {}}
    crashed = 0
    packages = docx_packages()
    for fmt in formats:
        rng = random.Random(f"{args.seed}:{fmt}")
        worker = Worker(fmt, settings, args.timeout)
        made = generated(rng)
        start = time.monotonic()
        counts: dict[str, Any] = {"inputs": 0, "crashes": 0, "slow": 0, "kinds": {}}
        for k in range(args.inputs):
            if fmt == "docx":
                name, data = docx_input(rng, packages, seeds) if packages and k % 5 else mutate(rng, seeds)
            else:
                name, data = mutate(rng, seeds) if k % 5 else next(made)
            began = time.monotonic()
            problem = worker.run(data)
            counts["inputs"] += 1
            took = worker.last_cpu if worker.last_cpu is not None else time.monotonic() - began
            if took > SLOW_INPUT and not problem:
                counts["slow"] += 1
                (args.crashes / f"slow-{fmt}-{args.seed}-{k}-{name}.input").write_bytes(data)
            if problem:
                last = problem.strip().splitlines()[-1][:160]
                counts["kinds"][last] = counts["kinds"].get(last, 0) + 1
                if counts["kinds"][last] == 1:  # keep the first of each kind, shrunk
                    small = shrink(data, fmt, worker) if not last.startswith("hang") else data
                    stem = args.crashes / f"{fmt}-{args.seed}-{k}-{name}"
                    stem.with_suffix(".input").write_bytes(small)
                    stem.with_suffix(".txt").write_text(problem)
                counts["crashes"] += 1
            if (k + 1) % 1000 == 0:
                print(f"{fmt}: {k + 1} inputs, {counts['crashes']} crashes", file=sys.stderr, flush=True)
        worker.stop()
        counts["seconds"] = round(time.monotonic() - start, 1)
        report["readers"][fmt] = counts
        crashed += counts["crashes"]
        print(
            f"{fmt}: {counts['inputs']} inputs, {counts['crashes']} crashes ({len(counts['kinds'])} kinds), "
            f"{counts['slow']} slower than {SLOW_INPUT:g}s, {counts['seconds']}s"
        )
        for kind, n in sorted(counts["kinds"].items(), key=lambda x: -x[1]):
            print(f"  {n:6}  {kind}")
    if args.hypothesis:
        failed = hypothesis_run(args.hypothesis, formats, settings, args.crashes)
        report["hypothesis"] = {"examples": args.hypothesis, "failures": failed}
        print(f"hypothesis: {args.hypothesis} examples per reader, failures {failed}")
        crashed += sum(failed.values())
    if args.json:
        args.json.write_text(json.dumps(report, indent=2) + "\n")
    return 1 if crashed else 0


if __name__ == "__main__":
    sys.exit(main())
