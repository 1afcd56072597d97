"""Benchmark for outlint: generate realistic documents and time ``outlint check`` on them.

Documents (plain text, Markdown, HTML) are generated deterministically from a seed: a contents
block, numbered headings, English prose and a few injected faults (a missing section, a gap in
the numbering, a stray Chinese paragraph, a run of 8 blank lines).  Each case runs
``<outlint> check --format json [extra args] <path>`` as a child process and keeps the best wall
time of ``--repeat`` runs and the child's peak RSS.  See bench/README.md; ``-h`` for options.
Sizes are decimal: 1 KB = 1000 bytes, 1 MB = 10**6 bytes (also for RSS and MB/s).
"""

from __future__ import annotations

import argparse
import compileall
import fnmatch
import html
import json
import os
import platform
import random
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
import mixed  # next to this file: the second corpus
import shapes  # next to this file: the adversarial shapes

GEN_VERSION = 2  # part of every generated name: bump it when the generators change
FORMATS = {"text": ".txt", "md": ".md", "html": ".html", "docx": ".docx"}
CORPUS_FORMATS = ("text", "md")
FAULT_RATE = 0.015  # per section, for each kind of fault
REPO_SRC = Path(__file__).resolve().parent.parent / "src"

_WORD_CLASSES = {  # slots of the sentence templates; "t" is for titles
    "a": "final internal annual detailed complete current local public regular formal specific "
    "technical general central minor major direct simple careful standard previous",
    "n": "report system process record member committee budget policy request schedule method "
    "review document section service contract standard decision result user version project "
    "council meeting survey network change",
    "v": "describes supports requires includes reviews follows updates defines explains checks "
    "covers records replaces limits confirms",
    "pp": "approved reviewed published updated signed recorded checked revised",
    "d": "usually often rarely always carefully clearly",
    "p": "for in with from under after before during",
    "t": "Scope Purpose Background Overview Methods Results Budget Review Policy Access Records "
    "Training Safety Quality Planning Reporting Services Data Security Support Structure Roles "
    "Procedures Standards Appendix Terms Funding Risks Audit",
}
WORDS = {key: words.split() for key, words in _WORD_CLASSES.items()}
TEMPLATES = (
    "the {a} {n} {v} the {n} {p} the {n}",
    "in most cases the {n} {v} a {a} {n}",
    "this {n} {d} {v} the {a} {n} that the {n} {v}",
    "each {n} {v} its own {n}, and the {n} {v} the {a} {n} {p} every {n}",
    "a {a} {n} is {pp} when the {n} {v} the {n}",
    "however, the {n} {v} no {n} {p} the {a} {n}",
    "the {n} was {pp} {p} the {a} {n} and {d} {v} the {n}",
    "as noted above, every {n} {v} a {n} {p} its {a} {n}",
)
CHINESE = (
    "本节内容尚未翻译完成，请参阅原始文件。",
    "该系统的设计目标是提高文档处理的效率。",
    "我们将在下一章中详细讨论这些问题。",
    "所有数据均来自公开的统计报告。",
    "委员会已经批准了这项预算。",
)
CODE = (  # the "# ..." lines are there on purpose: they are not headings inside a fence
    "```python\n# load the records\ndef load(path):\n    with open(path) as f:\n        return f.read()\n```",
    "```sh\n# build the report\nmake report\n./bin/check --all\n```",
    '```json\n{"section": 3, "status": "draft"}\n```',
)
_SLOT = re.compile(r"\{(\w+)\}")
_ARTICLE = re.compile(r"\b([Aa]) (?=[aeiou])")

Entry = tuple[int, str, str, str]  # contents entry: level, label, title, anchor


def sentence(rng: random.Random) -> str:
    """One English sentence: starts uppercase, ends with a full stop."""
    text = _SLOT.sub(lambda m: rng.choice(WORDS[m.group(1)]), rng.choice(TEMPLATES))
    text = _ARTICLE.sub(r"\1n ", text)
    return text[0].upper() + text[1:] + "."


def paragraph(rng: random.Random) -> str:
    return " ".join(sentence(rng) for _ in range(rng.randint(4, 8)))


def title(rng: random.Random, used: set[str]) -> str:
    """A heading title such as "Budget and Access" or "Review of the Annual Record", not yet in ``used``."""
    while True:
        words = rng.sample(WORDS["t"], rng.randint(1, 3))
        adj, noun = rng.choice(WORDS["a"]).title(), rng.choice(WORDS["n"]).title()
        text = rng.choice(
            (
                f"{words[0]} of the {adj} {noun}",
                f"{' '.join(words)}: {adj} {noun}",
                " and ".join(words[:2]),
                " ".join(words),
            )
        )
        if text not in used:
            used.add(text)
            return text


def slug(text: str) -> str:
    """GitHub-style anchor: lowercase, drop punctuation except ``-`` and ``_``, spaces to ``-``."""
    return re.sub(r"[^\w\- ]", "", text.lower()).replace(" ", "-")


def heading(fmt: str, level: int, label: str, text: str, anchor: str) -> str:
    if fmt == "text":
        return f"{label} {text}\n\n"
    if fmt == "md":
        return f"{'#' * (level + 1)} {label} {text}\n\n"
    return f'<h{level + 1} id="{anchor}">{label} {html.escape(text)}</h{level + 1}>\n'


def block(fmt: str, text: str, blank_run: bool = False) -> str:
    """A paragraph (or a raw Markdown block); ``blank_run`` follows it with 8 blank lines."""
    if fmt == "docx":
        return text  # the DOCX writer puts it in runs
    if fmt == "html":
        return f"<p>{html.escape(text)}</p>\n"
    return text + ("\n" * 9 if blank_run else "\n\n")


def table(rng: random.Random) -> str:
    rows = [
        f"| {rng.choice(WORDS['n'])} | {rng.randint(1, 999)} | {rng.choice(WORDS['a'])} |"
        for _ in range(rng.randint(2, 6))
    ]
    return "\n".join(["| Item | Count | Status |", "| --- | ---: | --- |", *rows])


def section_body(fmt: str, rng: random.Random) -> Iterator[str]:
    """Prose paragraphs; sometimes a fault, and in Markdown sometimes a code block or a table."""
    for _ in range(rng.randint(4, 9)):
        yield block(fmt, paragraph(rng), blank_run=fmt not in ("html", "docx") and rng.random() < FAULT_RATE / 6)
    if rng.random() < FAULT_RATE:
        yield block(fmt, "".join(rng.choices(CHINESE, k=rng.randint(2, 4))))
    if fmt == "md" and rng.random() < 0.08:
        yield block(fmt, rng.choice(CODE))
    if fmt == "md" and rng.random() < 0.04:
        yield block(fmt, table(rng))


def contents(fmt: str, doc_title: str, toc: list[Entry]) -> str:
    """Everything before the body: the title and the contents block."""
    if fmt == "text":
        lines = [f"  {label} {text}\n" for _, label, text, _ in toc]
        return f"{doc_title}\n\nTable of contents\n\n" + "".join(lines) + "\n"
    if fmt == "md":
        lines = [f"{'  ' * (level - 1)}- [{label} {text}](#{anchor})\n" for level, label, text, anchor in toc]
        return f"# {doc_title}\n\n## Table of Contents\n\n" + "".join(lines) + "\n"
    escaped = html.escape(doc_title)
    out = [
        f'<!DOCTYPE html>\n<html lang="en">\n<head><meta charset="utf-8"><title>{escaped}</title></head>\n'
        + f"<body>\n<h1>{escaped}</h1>\n<nav><ol>\n"
    ]
    item_open = sub_open = False
    for level, label, text, anchor in toc:
        link = f'<a href="#{anchor}">{label} {html.escape(text)}</a>'
        if level == 1:
            out.append(("</ol>" if sub_open else "") + ("</li>\n" if item_open else "") + f"<li>{link}")
            item_open, sub_open = True, False
        else:
            out.append(("" if sub_open else "\n<ol>\n") + f"<li>{link}</li>\n")
            sub_open = True
    out.append(("</ol>" if sub_open else "") + ("</li>\n" if item_open else ""))
    return "".join(out) + "</ol></nav>\n"


def write_document(fmt: str, target: int, rng: random.Random, path: Path) -> None:
    """Write a document of about ``target`` bytes, adding chapters and sections until it is reached.

    The body is streamed to a side file (the contents block must come first but is known last),
    so that this process stays small: see the note on ``_LAUNCHER``.
    """
    used_titles: set[str] = set()
    doc_title = f"{title(rng, used_titles)} Report"
    toc: list[Entry] = []
    size = len(contents(fmt, doc_title, []).encode())
    body_path, tmp = path.with_name(path.name + ".body"), path.with_name(path.name + ".tmp")
    with body_path.open("w", encoding="utf-8", newline="\n") as body:

        def emit(text: str) -> None:
            nonlocal size
            body.write(text)
            size += len(text.encode())

        def add_heading(level: int, label: str, html_id: str, missing: bool = False) -> None:
            nonlocal size
            text = title(rng, used_titles)
            entry = (level, label, text, html_id if fmt == "html" else slug(f"{label} {text}"))
            toc.append(entry)
            size += len(contents(fmt, "", [entry])) - len(contents(fmt, "", []))
            if not missing:  # a missing section is listed in the contents only
                emit(heading(fmt, *entry))

        chapter = 0
        while size < target:
            chapter += 2 if rng.random() < FAULT_RATE else 1  # 1 = no gap in the numbering
            add_heading(1, f"{chapter}.", f"s{chapter}")
            if rng.random() < 0.5:
                emit(block(fmt, paragraph(rng)))
            number = 0
            for _ in range(rng.randint(2, max(8, target // 400_000))):  # < 1000 chapters
                number += 2 if rng.random() < FAULT_RATE else 1
                missing = rng.random() < FAULT_RATE
                label = f"({number})" if fmt == "text" else f"{chapter}.{number}"
                add_heading(2, label, f"s{chapter}-{number}", missing)
                if not missing:
                    for text in section_body(fmt, rng):
                        emit(text)
                if size >= target:
                    break
        if fmt == "html":
            emit("</body>\n</html>\n")
    with tmp.open("w", encoding="utf-8", newline="\n") as out, body_path.open(encoding="utf-8") as body:
        out.write(contents(fmt, doc_title, toc))
        shutil.copyfileobj(body, out)
    body_path.unlink()
    os.replace(tmp, path)


def ensure_document(workdir: Path, fmt: str, target: int, seed: int) -> Path:
    path = workdir / f"{fmt}-{size_label(target)}-s{seed}-g{GEN_VERSION}{FORMATS[fmt]}"
    if not path.exists():
        print(f"generating {path.name} ...", file=sys.stderr, flush=True)
        (write_docx if fmt == "docx" else write_document)(fmt, target, random.Random(seed), path)
    return path


# --- Word documents: document.xml as Word writes it --------------------------------------------------

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_DOCX_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/'
    'package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
    'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/'
    'document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"'
    "/></Types>"
)
_DOCX_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.'
    'org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/'
    'officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>'
)


def _rsid(rng: random.Random) -> str:
    return f"{rng.randrange(16**8):08X}"


def _runs(text: str, rng: random.Random) -> str:
    """Text in runs as Word leaves them after editing: a few runs a paragraph, each with its
    properties and revision ids; sometimes a proofing mark between them."""
    words = text.split(" ")
    cuts = sorted(rng.sample(range(1, len(words)), min(len(words) - 1, rng.randint(1, 5)))) if len(words) > 1 else []
    out = []
    for a, b in zip([0, *cuts], [*cuts, len(words)], strict=True):
        piece = html.escape(" ".join(words[a:b]) + (" " if b < len(words) else ""), quote=False)
        lang = '<w:lang w:eastAsia="zh-CN"/>' if any("\u4e00" <= c <= "\u9fff" for c in piece) else ""
        out.append(
            f'<w:r w:rsidR="{_rsid(rng)}"><w:rPr><w:rFonts w:ascii="Calibri" w:hAnsi="Calibri"/>{lang}</w:rPr>'
            f'<w:t xml:space="preserve">{piece}</w:t></w:r>'
        )
        if rng.random() < 0.1:
            out.append('<w:proofErr w:type="spellStart"/>')
    return "".join(out)


def _wp(text: str, rng: random.Random, style: str | None = None, mark: str | None = None) -> str:
    ppr = f'<w:pPr><w:pStyle w:val="{style}"/></w:pPr>' if style else '<w:pPr><w:spacing w:after="120"/></w:pPr>'
    start = f'<w:bookmarkStart w:id="{mark[4:]}" w:name="{mark}"/>' if mark else ""
    end = f'<w:bookmarkEnd w:id="{mark[4:]}"/>' if mark else ""
    return f'<w:p w:rsidR="{_rsid(rng)}" w:rsidRDefault="{_rsid(rng)}">{ppr}{start}{_runs(text, rng)}{end}</w:p>\n'


def _toc_entry(level: int, text: str, page: int, mark: str, first: bool) -> str:
    begin = (
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> TOC \\o "1-2" \\h '
        '\\z \\u </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        if first
        else ""
    )
    return (
        f'<w:p><w:pPr><w:pStyle w:val="TOC{level}"/><w:tabs><w:tab w:val="right" w:leader="dot" w:pos="9350"/>'
        f'</w:tabs></w:pPr>{begin}<w:hyperlink w:anchor="{mark}" w:history="1"><w:r><w:t>'
        f'{html.escape(text, quote=False)}</w:t></w:r><w:r><w:tab/></w:r><w:r><w:fldChar w:fldCharType="begin"/>'
        f'</w:r><w:r><w:instrText xml:space="preserve"> PAGEREF {mark} \\h </w:instrText></w:r><w:r>'
        f'<w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>{page}</w:t></w:r><w:r>'
        '<w:fldChar w:fldCharType="end"/></w:r></w:hyperlink></w:p>\n'
    )


def write_docx(fmt: str, target: int, rng: random.Random, path: Path) -> None:
    """A Word document whose document.xml is about ``target`` bytes: a TOC field, Heading 1 and
    Heading 2 paragraphs with typed numbers and _Toc bookmarks, prose in several runs each; the
    faults of the other formats (a listed section missing, a gap in the numbering, a Chinese
    paragraph, a run of 8 empty paragraphs)."""
    used: set[str] = set()
    doc_title = f"{title(rng, used)} Report"
    toc: list[tuple[int, str, int, str]] = []
    body: list[str] = []
    size = 0

    def add(xml: str) -> None:
        nonlocal size
        body.append(xml)
        size += len(xml)

    chapter = 0
    while size < target:
        chapter += 2 if rng.random() < FAULT_RATE else 1
        heads = [(1, f"{chapter}. {title(rng, used)}", False)]
        number = 0
        for _ in range(rng.randint(2, max(8, target // 400_000))):
            number += 2 if rng.random() < FAULT_RATE else 1
            heads.append((2, f"{chapter}.{number} {title(rng, used)}", rng.random() < FAULT_RATE))
        for level, text, missing in heads:
            mark = f"_Toc{100000 + len(toc)}"
            toc.append((level, text, 1 + size // 3000, mark))
            if missing:
                continue
            add(_wp(text, rng, f"Heading{level}", mark))
            for piece in section_body("docx", rng):
                add(_wp(piece, rng))
                if rng.random() < FAULT_RATE / 6:
                    add('<w:p><w:pPr><w:spacing w:after="120"/></w:pPr></w:p>\n' * 8)
    head = _wp(doc_title, rng, "Title") + _wp("Contents", rng, "TOCHeading")
    entries = "".join(_toc_entry(lv, text, page, mark, k == 0) for k, (lv, text, page, mark) in enumerate(toc))
    entries += '<w:p><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>\n'
    xml = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="{_W}"><w:body>'
        f"{head}{entries}{''.join(body)}<w:sectPr/></w:body></w:document>"
    )
    tmp = path.with_name(path.name + ".tmp")
    with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", _DOCX_TYPES)
        zf.writestr("_rels/.rels", _DOCX_RELS)
        zf.writestr("word/document.xml", xml)
    os.replace(tmp, path)


def xml_size(path: Path) -> int:
    """The unpacked size of a DOCX's document.xml, which its reading speed is measured against."""
    with zipfile.ZipFile(path) as zf:
        return zf.getinfo("word/document.xml").file_size


def ensure_corpus(workdir: Path, fmt: str, files: int, seed: int) -> Path:
    path = workdir / f"corpus-{fmt}-{files}-s{seed}-g{GEN_VERSION}"
    if not (path / ".complete").exists():
        print(f"generating {path.name}/ ({files} files) ...", file=sys.stderr, flush=True)
        path.mkdir(exist_ok=True)
        for i in range(files):
            rng = random.Random(seed * 1_000_003 + i)
            write_document(fmt, rng.randint(15_000, 25_000), rng, path / f"doc-{i:05d}{FORMATS[fmt]}")
        (path / ".complete").touch()
    return path


def ensure_shape(workdir: Path, name: str, scale: int) -> Path:
    """An adversarial shape of bench/shapes.py at ``scale`` times the complexity test's small size."""
    _, rest = name.split("-", 1)
    shape, fmt = rest.rsplit("-", 1)
    make, n = shapes.SHAPES[shape][fmt]
    path = workdir / f"{name}-x{scale}-g{GEN_VERSION}{shapes.SUFFIX[fmt]}"
    if not path.exists():
        print(f"generating {path.name} ...", file=sys.stderr, flush=True)
        path.write_bytes(make(n * scale))
    return path


def ensure_mixed(workdir: Path, target: int, seed: int) -> Path:
    path = workdir / f"mixed-{size_label(target)}-s{seed}-g{GEN_VERSION}.txt"
    if not path.exists():
        print(f"generating {path.name} ...", file=sys.stderr, flush=True)
        mixed.write_mixed(target, random.Random(seed), path)
    return path


def ensure_mixed_corpus(workdir: Path, files: int, seed: int) -> Path:
    path = workdir / f"corpus-mixed-{files}-s{seed}-g{GEN_VERSION}"
    if not (path / ".complete").exists():
        print(f"generating {path.name}/ ({files} files) ...", file=sys.stderr, flush=True)
        path.mkdir(exist_ok=True)
        for i in range(files):
            rng = random.Random(seed * 1_000_003 + i)
            mixed.write_mixed(rng.randint(20_000, 120_000), rng, path / f"doc-{i:05d}.txt")
        (path / ".complete").touch()
    return path


def ensure_tiny(workdir: Path) -> Path:
    path = workdir / "tiny.txt"
    path.write_text("Tiny\n\nTable of contents\n\n  1. Scope\n\n1. Scope\n\nThe report covers the scope.\n")
    return path


def parse_size(text: str) -> int:
    m = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([KMG]?)B?\s*", text, re.IGNORECASE)
    if not m:
        raise argparse.ArgumentTypeError(f"bad size {text!r} (use e.g. 10KB, 1MB)")
    return int(float(m.group(1)) * 1000 ** " KMG".index(m.group(2).upper() or " "))


def size_label(n: int) -> str:
    for unit, scale in (("GB", 10**9), ("MB", 10**6), ("KB", 10**3)):
        if n >= scale:
            return f"{n / scale:.3g}{unit}"
    return f"{n}B"


# Children are started by this small launcher (python -I -S, stdlib only), not by the benchmark:
# on Linux a child's ru_maxrss starts at the peak RSS of the process that spawned it (the old
# address space is accounted at exec), so spawning from a bigger parent would inflate the figures.
_LAUNCHER = """
import json, os, signal, sys, time
argv, out, err, timeout = json.loads(sys.argv[1])
fo, fe = (os.open(f, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644) for f in (out, err))
actions = [(os.POSIX_SPAWN_OPEN, 0, os.devnull, os.O_RDONLY, 0),
           (os.POSIX_SPAWN_DUP2, fo, 1), (os.POSIX_SPAWN_DUP2, fe, 2)]
start = time.perf_counter()
try:
    pid = os.posix_spawnp(argv[0], argv, os.environ, file_actions=actions)
except OSError as e:
    print(json.dumps({"error": f"cannot start {argv[0]!r}: {e.strerror}"}))
    sys.exit()
signal.signal(signal.SIGALRM, lambda *_: os.kill(pid, signal.SIGKILL))
signal.setitimer(signal.ITIMER_REAL, timeout)
_, status, usage = os.wait4(pid, 0)
seconds = time.perf_counter() - start
print(json.dumps({"seconds": seconds, "cpu": usage.ru_utime + usage.ru_stime, "maxrss_kb": usage.ru_maxrss,
                  "code": os.waitstatus_to_exitcode(status), "timed_out": seconds >= timeout}))
"""


def run_once(argv: list[str], workdir: Path, timeout: float, env: dict[str, str]) -> dict[str, Any]:
    """Run argv once: seconds, maxrss_kb, code, findings, and error (None when the exit is 0 or 1)."""
    out, err = workdir / "last-stdout.json", workdir / "last-stderr.txt"
    spec = json.dumps([argv, str(out), str(err), timeout])
    done = subprocess.run(
        [sys.executable, "-I", "-S", "-c", _LAUNCHER, spec], capture_output=True, text=True, env=env, check=False
    )
    try:
        res: dict[str, Any] = json.loads(done.stdout)
    except ValueError:
        return {"error": f"launcher failed: {done.stderr.strip()[-200:]}"}
    if "error" in res:
        return res
    parsed, res["findings"] = read_findings(out)
    res["error"] = None
    if res["timed_out"]:
        res["error"] = f"timed out after {timeout:g}s"
    elif res["code"] not in (0, 1) or (res["code"] == 1 and not parsed):  # 1 is also a Python crash
        lines = [line.strip() for line in err.read_text(errors="replace").splitlines() if line.strip()]
        note = "" if res["code"] != 1 else " without JSON output"
        last = lines[-1].replace(sys.executable, "python").replace(str(workdir), "<workdir>") if lines else ""
        res["error"] = f"exit {res['code']}{note}: " + (last[:200] or "(no stderr)")
    return res


def read_findings(path: Path) -> tuple[bool, int | None]:
    """Whether the output is JSON, and a best-effort count of its findings (None: shape unknown)."""
    if path.stat().st_size > 50_000_000:
        return True, None  # too big to parse here; assumed to be a report
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except ValueError:
        return False, None

    def count(obj: Any) -> int | None:
        if isinstance(obj, dict):
            if isinstance(obj.get("findings"), list):
                return len(obj["findings"])
            lists = [obj[key] for key in ("files", "results", "documents") if isinstance(obj.get(key), list)]
            return sum(count(x) or 0 for x in lists[0]) if lists else None
        if isinstance(obj, list):
            if obj and all(isinstance(x, dict) and "findings" in x for x in obj):
                return sum(count(x) or 0 for x in obj)
            return len(obj)
        return None

    return True, count(data)


def measure(case: dict[str, Any], argv: list[str], args: argparse.Namespace, env: dict[str, str]) -> None:
    """Run one case ``--repeat`` times and fill in its figures, or its error."""
    runs: list[float] = []
    cpus: list[float] = []
    rss_kb = 0
    timeout = min(args.timeout, args.shape_timeout) if case["case"].startswith("shape-") else args.timeout
    for _ in range(max(1, args.repeat)):
        res = run_once(argv, args.workdir, timeout, env)
        if res["error"]:
            case["error"] = res["error"]
            print(f"FAILED {case['case']}: {res['error']}", flush=True)
            return
        runs.append(res["seconds"])
        cpus.append(res["cpu"])
        rss_kb = max(rss_kb, res["maxrss_kb"])
        case.update(exit_code=res["code"], findings=res["findings"])
    best, cpu, rss_mb = min(runs), min(cpus), rss_kb * 1024 / 1e6
    limit = 5 * case.get("largest_xml", case["largest_file"]) / 1e6 + 60
    case.update(
        runs=[round(r, 4) for r in runs],
        seconds=round(best, 4),
        cpu_runs=[round(c, 4) for c in cpus],
        cpu_seconds=round(cpu, 4),
        mb_per_s=round(case.get("xml_bytes", case["bytes"]) / 1e6 / best, 3),
        mb_per_cpu_s=round(case.get("xml_bytes", case["bytes"]) / 1e6 / max(cpu, 1e-4), 3),
        files_per_s=round(case["files"] / best, 2),
        peak_rss_mb=round(rss_mb, 1),
        mem_limit_mb=round(limit, 1),
        mem_ok=rss_mb < limit,
    )


def plan(args: argparse.Namespace) -> list[dict[str, Any]]:
    """The cases to run, in order, filtered by ``--cases`` (comma-separated names or globs)."""
    names = ["startup"] + (["file"] if args.file else [])
    names += [f"{fmt}-{size_label(size)}" for fmt in FORMATS for size in args.sizes]
    names += [f"{fmt}-corpus" for fmt in CORPUS_FORMATS]
    names += [f"mixed-{size_label(size)}" for size in args.sizes] + ["mixed-corpus"]
    names += [f"shape-{shape}-{fmt}" for shape, formats in shapes.SHAPES.items() for fmt in formats]
    if args.cases:
        patterns = [p.strip() for p in args.cases.split(",") if p.strip()]
        unknown = [p for p in patterns if not fnmatch.filter(names, p)]
        if unknown:
            print(f"unknown case(s): {', '.join(unknown)}; known: {', '.join(names)}", file=sys.stderr)
            sys.exit(2)
        names = [n for n in names if any(fnmatch.fnmatch(n, p) for p in patterns)]
    return [{"case": name, "error": None} for name in names]


def prepare(case: dict[str, Any], args: argparse.Namespace) -> Path:
    """Generate (or reuse) the input of a case and record its size."""
    name = case["case"]
    if name == "startup":
        path = ensure_tiny(args.workdir)
    elif name == "file":
        path = Path(args.file)
    elif name.startswith("shape-"):
        path = ensure_shape(args.workdir, name, args.shape_scale)
    elif name == "mixed-corpus":
        path = ensure_mixed_corpus(args.workdir, args.corpus_files // 4, args.seed)
    elif name.startswith("mixed-"):
        target = next(size for size in args.sizes if size_label(size) == name.split("-", 1)[1])
        path = ensure_mixed(args.workdir, target, args.seed)
    elif name.endswith("-corpus"):
        path = ensure_corpus(args.workdir, name.split("-")[0], args.corpus_files, args.seed)
    else:
        fmt, label = name.split("-", 1)
        target = next(size for size in args.sizes if size_label(size) == label)
        path = ensure_document(args.workdir, fmt, target, args.seed)
    files = [path]
    if path.is_dir():
        files = [p for p in path.rglob("*") if p.is_file() and not p.name.startswith(".")]
    sizes = [p.stat().st_size for p in files]
    case.update(
        input=args.file if name == "file" else path.name,
        bytes=sum(sizes),
        files=len(sizes),
        largest_file=max(sizes, default=0),
    )
    if name.startswith("docx-"):
        # a Word document is measured by its document.xml, the part that is parsed (the zip is smaller)
        case.update(xml_bytes=xml_size(path), largest_xml=xml_size(path))
    return path


def linearity(results: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Per format, MB/s at the two largest sizes run must be within a factor 2 of each other.

    When the startup case ran, its time is taken off both first, so that a fixed start-up cost
    does not pass for non-linear processing. The two largest sizes of 1 MB or more are compared:
    below that, and even at 1 MB for a fast reader, the time is mostly the reader's own imports,
    which the 76-byte startup case does not pay.
    """
    ok = {r["case"]: r for r in results if not r["error"] and "seconds" in r}
    startup = ok["startup"]["seconds"] if "startup" in ok else 0.0
    checks = []
    for fmt in FORMATS:
        sized = sorted(
            (
                r
                for name, r in ok.items()
                if re.fullmatch(rf"{fmt}-[0-9.]+[KMG]B", name) and r.get("xml_bytes", r["bytes"]) >= 0.9e6
            ),
            key=lambda r: r.get("xml_bytes", r["bytes"]),
        )
        if len(sized) >= 2:
            small, big = sized[-2:]
            rates = [r.get("xml_bytes", r["bytes"]) / 1e6 / max(r["seconds"] - startup, 1e-3) for r in (small, big)]
            checks.append(
                {
                    "format": fmt,
                    "startup_deducted": startup,
                    "sizes": [small["case"], big["case"]],
                    "mb_per_s_small": round(rates[0], 3),
                    "mb_per_s_big": round(rates[1], 3),
                    "ratio": round(rates[0] / rates[1], 2),
                    "ok": 0.5 <= rates[0] / rates[1] <= 2,
                }
            )
    return checks


def print_table(results: list[dict[str, Any]], checks: list[dict[str, Any]]) -> None:
    head = (
        f"{'case':<30}{'size':>8}{'files':>7}{'seconds':>9}{'CPU s':>8}{'MB/s':>8}{'CPU MB/s':>9}"
        f"{'files/s':>9}{'RSS MB':>8}"
        f"  {'RSS < 5x+60MB':<15}{'findings':>9}"
    )
    print(head + "\n" + "-" * len(head))
    for r in results:
        start = f"{r['case']:<30}{size_label(r.get('xml_bytes', r.get('bytes', 0))):>8}{r.get('files', '-'):>7}"
        if r["error"]:
            print(f"{start}  FAILED: {r['error'][:80]}")
            continue
        mem = f"{'ok' if r['mem_ok'] else 'OVER'} ({r['mem_limit_mb']:g})"
        found = "-" if r["findings"] is None else r["findings"]
        print(
            f"{start}{r['seconds']:>9.3f}{r['cpu_seconds']:>8.3f}{r['mb_per_s']:>8.2f}{r['mb_per_cpu_s']:>9.2f}"
            f"{r['files_per_s']:>9.1f}"
            f"{r['peak_rss_mb']:>8.1f}  {mem:<15}{found:>9}"
        )
    for c in checks:
        print(
            f"linearity {c['format']}: {c['mb_per_s_small']:.2f} MB/s at {c['sizes'][0].split('-')[-1]}, "
            f"{c['mb_per_s_big']:.2f} MB/s at {c['sizes'][1].split('-')[-1]} "
            f"(less {c['startup_deducted']:.3f}s startup), "
            f"ratio {c['ratio']:.2f} -> " + ("ok" if c["ok"] else "NOT LINEAR (factor > 2)")
        )


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    ap = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    ap.add_argument(
        "--outlint",
        help='command that runs outlint (default: "python -m outlint" with the repository\'s src/ on PYTHONPATH)',
    )
    ap.add_argument("--extra-args", default="", help='extra arguments for "outlint check", e.g. "-j 2"')
    ap.add_argument("--cases", help="comma-separated case names or globs, e.g. text-10MB,md-corpus,'html-*'")
    ap.add_argument(
        "--sizes",
        default="10KB,100KB,1MB,10MB",
        help="document sizes (default: %(default)s)",
        type=lambda s: [parse_size(x) for x in s.split(",") if x.strip()],
    )
    ap.add_argument("--corpus-files", type=int, default=2000, help="files per corpus, about 20 KB each")
    ap.add_argument("--file", help="also time outlint on this file or directory (case 'file')")
    ap.add_argument("--repeat", type=int, default=3, help="runs per case; the best time is kept")
    ap.add_argument("--timeout", type=float, default=900, help="seconds before a run is killed")
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--shape-scale", type=int, default=100, help="shape-* cases: times the complexity test's n")
    ap.add_argument("--shape-timeout", type=float, default=120, help="seconds before a shape-* run is killed")
    ap.add_argument("--workdir", type=Path, help="where inputs are generated and kept (default: temp dir)")
    ap.add_argument("--json", type=Path, help="also save the results to this JSON file")
    ap.add_argument("--generate-only", action="store_true", help="write the inputs and stop")
    return ap.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    results = plan(args)
    env = dict(os.environ)
    if args.outlint:
        command = shlex.split(args.outlint)
    else:
        command = [sys.executable, "-m", "outlint"]
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO_SRC), env.get("PYTHONPATH")]))
        # Imports are timed as an installed copy pays them, from bytecode (pip compiles a wheel at
        # install): an environment that forbids writing bytecode would otherwise compile every
        # module from source in every run, about 0.1 s of start-up that no user pays.
        compileall.compile_dir(REPO_SRC / "outlint", quiet=1)
    extra = shlex.split(args.extra_args)
    temporary = args.workdir is None
    args.workdir = Path(tempfile.mkdtemp(prefix="outlint-bench-")) if temporary else args.workdir
    args.workdir.mkdir(parents=True, exist_ok=True)
    try:
        for case in results:
            try:
                path = prepare(case, args)
            except OSError as e:
                case["error"] = f"cannot prepare the input: {e}"
                print(f"FAILED {case['case']}: {case['error']}", flush=True)
                continue
            if args.generate_only:
                print(f"{case['case']:<30}{size_label(case['bytes']):>8}{case['files']:>7}  {case['input']}")
            else:
                measure(case, [*command, "check", "--format", "json", *extra, str(path)], args, env)
    finally:
        if temporary:
            shutil.rmtree(args.workdir, ignore_errors=True)
    if args.generate_only:
        return 0
    checks = linearity(results)
    print_table(results, checks)
    if args.json:
        shown = [*shlex.split(args.outlint or "python -m outlint"), "check", "--format", "json", *extra]
        meta = {
            "command": shlex.join(shown),
            "seed": args.seed,
            "repeat": args.repeat,
            "corpus_files": args.corpus_files,
            "generator": GEN_VERSION,
            "python": platform.python_version(),
            "platform": platform.platform(),
            "cpus": os.cpu_count(),
            "date": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
        }
        report = {"meta": meta, "results": results, "linearity": checks}
        args.json.write_text(json.dumps(report, indent=2) + "\n")
    return 1 if any(r["error"] for r in results) else 0


if __name__ == "__main__":
    sys.exit(main())
