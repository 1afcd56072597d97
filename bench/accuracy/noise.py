"""The noise pool: many real plain-text documents outside the benchmark, where every finding is a suspect.

Real documents are mostly clean, so the findings outlint makes on a large pool of them are, nearly
all, false alarms: their count per document and per layout family measures how far the reading
generalises beyond the benchmark's few dev documents. The pool is rebuilt from the packages of the
machine it runs on (Debian documentation, man pages, Info files); its documents are never
committed. Only documents in the dev pool (the benchmark's split rule) are kept, and none that the
benchmark holds under any name (a re-rendering of a held-out man page is held out too).

```sh
python bench/accuracy/noise.py --build             # collect the pool into bench/work/noise
python bench/accuracy/noise.py                     # findings per family and per rule family
python bench/accuracy/noise.py --show OL2 --family groff-man   # the findings themselves
python bench/accuracy/noise.py --build --extra rfc-nroff=DIR    # add a family from a directory
```

The pool holds what the machine has installed: Debian's manuals built with DocBook, many of them
translated (installation-guide-amd64, apt-doc, debian-history, dbconfig-common), its Info
manuals (autoconf-doc, binutils-doc, m4, libtool-doc, flex, gettext-doc), its man pages in
Chinese and Japanese (manpages-zh, manpages-ja), and its FAQs, HOWTOs and exported manuals (vim,
zsh-doc, slrn, irssi, alpine, git-doc, mutt, libpam-doc, debmake-doc) widen it the most.

``--extra FAMILY=DIR`` adds the documents under DIR (``*.txt`` and ``*.rst``, and Markdown and HTML
files: RFCs and Internet-Drafts copied from public repositories, READMEs and manuals from PyPI and
npm packages) as one more family, or to a family of the pool, under the same rules. Extras that
widened the pool the most:

- ``docbook-text``: DocBook exports the packages ship as HTML or text only, rendered the way
  Debian renders its own (``w3m -dump -cols 78 -T text/html`` of each chapter page of
  debian-handbook and debian-kernel-handbook, of every twelfth page of postgresql-doc-15 and of
  git-doc's ``user-manual.html``; ``lynx -dump -width=78`` of every sixth section page of
  debian-handbook), with xorg-docs' ``*.txt`` and fontconfig's ``fontconfig-user.txt``; and the
  DocBook XML sources of the Linux Documentation Project's HOWTOs, guides and FAQs (the tLDP/LDP
  repository's ``LDP/howto/docbook``, ``LDP/guide/docbook`` and ``LDP/faq``), each book or article
  turned into one HTML page by DocBook's XSL stylesheets (``xsltproc --nonet --xinclude`` with
  ``section.autolabel`` and ``section.label.includes.component.label`` on) and dumped twice, as
  Debian dumps its own DocBook manuals: ``links -codepage utf-8 -dump`` (``ldp-NAME.txt``, the
  recipe of debian-policy's FHS and menu-policy text) and ``w3m -o display_charset=UTF-8 -cols 70
  -dump -no-graph -T text/html`` (``ldp-NAME.w3m.txt``, debian-reference's); put only the ``.txt``
  files in the extra folder, or the HTML pages join the pool as HTML;
- ``sphinx-text``: Sphinx's text builder run on the reST sources python3.11-doc ships
  (``html/_sources``), with a ``conf.py`` that renders unknown directives' content and unknown
  roles' text as they are, each page named ``python-<path>`` (so that pages the benchmark holds
  as HTML stay out); and the text builds of PyPI sdists' ``docs/`` (``pip download --no-binary
  :all: --no-deps``, built with ``sphinx-build -C -b text`` and autodoc, doctest, napoleon and todo
  on; a second build with ``:numbered:`` added to every ``toctree`` joins ``sphinx-num``), among
  them celery, kombu, scrapy, tornado, pygments, marshmallow, numpydoc, nox and isort, and (up to
  15 pages of 3 KB or more each) attrs, click, flask, jinja2, werkzeug, itsdangerous, alembic,
  babel, cattrs, mako, more-itertools, packaging, sqlparse, structlog and towncrier;
- ``xml2rfc``: the text outputs in ietf-tools/xml2rfc's ``tests/valid`` (BSD-3-Clause), without
  the ``.raw.txt`` ones and without every document the benchmark holds under any suffix
  (``draft-template*``, ``elements*``, ``rfc7754*`` ...: remove them by hand, since their
  ``.pages.text`` variants have names of their own);
- ``handwritten``: the READMEs of packages with CJK documentation (nkf, lv, kakasi, cmigemo,
  opencc, anthy, uim, mozc, fcitx5, ddskk, fonts-wqy-*, fonts-ipafont-gothic, texlive-lang-chinese)
  join it through the ordinary build, many of them in legacy encodings; FAQs of packages fetched
  with ``apt-get download`` (lftp, tcsh, elinks, and w3m dumps of the enscript and xfig FAQ pages);
  and the plain-text manuals and FAQs of the MaraDNS repository (``doc/en``, ``deadwood-github/doc``),
  whose FAQs frame their headings with equals signs; and the text documents of about 130 more
  packages fetched so (alpine, postfix, sendmail, isc-dhcp, haproxy, slrn, unzip, wvdial, zsh,
  Emacs's NEWS files, Vim's help files), none the benchmark holds; plain-text FAQs from the
  public repositories of about 70 projects (bash, GnuPG, curl, fvwm, fvwm-themes, Window Maker,
  Anope, cryptsetup, xfstt, tin ...; ``doc/FAQ``, ``FAQ`` and the like, one or two per project,
  each copied unchanged from one commit); and plain-text manuals, readmes and game documents with
  a contents list from the AmigaTextFiles ``docs`` and ``game`` repositories (Aminet's text, many
  of them typed manuals in Latin-1; AmigaGuide files left out); and the NEWS files in Emacs's
  outline mode of about 30 projects (GNU's, Yubico's) from their repositories;
- ``rfc-nroff``: RFCs and Internet-Drafts in the RFC Editor's paginated layout kept in public
  repositories' ``doc/rfc`` folders (FreeRADIUS, ISC BIND 9 before it removed them, OpenLDAP,
  AdaCore AWS, GNU mailutils), none the benchmark holds; and, as a family of their own
  (``rfc-extra``), the latest dev version of each draft in Heimdal's ``doc/standardisation`` and
  those of Cyrus SASL, MIT krb5, strongSwan, libreswan, libssh, ISC DHCP, Exim, NTP, libsrtp,
  pjproject, Asterisk, FreeSWITCH and UW IMAP (at most 15 each);
- ``faq``: plain-text FAQs of about 30 more projects (Debian's dnsmasq, rkhunter, vsftpd, zlib,
  freeciv, expect, valgrind, antiword, abcde, auctex; STUMP, Snort, UAE, NEdit, AdvanceMAME,
  SMAUG, NetHack4, the Doom FAQs ...), one per project, none of those ``handwritten`` holds;
- ``handwritten-cjk``: the CJK plain-text documents (READMEs, NEWS, ChangeLogs, git logs) of
  packages fetched with ``apt-get download`` and unpacked with ``dpkg-deb -x`` without installing
  them (canna, ddskk, kakasi, nkf, mew, skkdic, fonts-ipafont-gothic, fonts-hanazono,
  fonts-vlgothic, fonts-arphic-*, libhangul1, nabi, zh-autoconvert, zhcon, w3m's ``ja/`` READMEs),
  each file with at least 200 CJK characters, gunzipped and named ``<package>-<file>.txt``;
  dot-files, dictionaries, character tables, TeX sources and Markdown left out, and
  ``--family handwritten-cjk`` given so that only they are drawn; and, fetched so too, the CJK
  texts of input-method, font and TeX packages, Vim's tutors and the Japanese and Chinese
  translations of Vim's help (vimdoc-ja, vimcdoc); and the plain-text Chinese, Japanese and
  Korean documents of about 25 more packages and public repositories (latex-cjk-chinese, mlterm,
  yatex, semi, fonts-mona; xcin, cutter, linux-doc-ko, TiMidity++, MaCoPiX, px68k, riece, apel,
  bullet-lab-remix, oops-firewall ...), many in legacy encodings.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import re
import subprocess
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(HERE))

from corpus import MANIFEST, pool  # noqa: E402  (the benchmark's own split rule and manifest)

POOL = ROOT / "bench" / "work" / "noise"
DOC = Path("/usr/share/doc")
MAN = Path("/usr/share/man")
INFO = Path("/usr/share/info")
# The kinds of file an extra folder gives the pool: plain text, and the Markdown and HTML readers'
# own (READMEs and manuals that packages ship, which no package's text export covers).
SUFFIXES = (".txt", ".rst", ".md", ".markdown", ".html", ".htm", ".xhtml")
# At most this many documents per family, drawn evenly from the sorted candidates.
PER_FAMILY = 150
# Files larger than this are left out (generated listings, symbol tables).
MAX_BYTES = 2_000_000
# Packages' own files that are not documents: licences, Debian changelogs, data.
_NOT_DOCS = re.compile(
    r"(?:^|/)(?:copyright|changelog(?:\.Debian)?(?:\.gz)?|NEWS\.Debian(?:\.gz)?|README\.Debian(?:\.gz)?|"
    r"buildinfo.*|.*\.(?:html?|css|js|png|jpg|gif|svg|pdf|ps|py|pl|sh|c|h|xml|json|ya?ml|conf|cfg|ini|"
    r"el|desc|tmpl|tex|sgml|dtd|xsl|mk|in|am|ac|m4|1|5|8|patch|diff))$",
    re.IGNORECASE,
)
_DOC_NAMES = re.compile(
    r"(?:README|NEWS|TODO|FAQ|HACKING|THANKS|INSTALL|BUGS|NOTES|CHANGES|.*\.txt|.*\.text|.*\.rst)", re.I
)
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
# Packages whose text files are DocBook or Sphinx exports rather than hand-written
_GENERATED = (
    "debian-policy",
    "developers-reference",
    "maint-guide",
    "debian-reference",
    "debian/FAQ",
    "installation-guide-",
    "apt-doc/guide",
    "apt-doc/offline",
    "debian-history/docs",
    "dbconfig-common/db",
    "mutt/manual",
    "libpam-doc/txt/Linux-PAM",
    "debmake-doc/",
)


# Language tags and extensions that make one document's variants: ja-grep.1, debian-faq.en.txt
_VARIANT = re.compile(
    r"^(?:ja|zh_cn|zh_tw|ko|de|fr|es|it|ru|pt_br)-|\.(?:gz|txt|text|info|en|ja|de|fr|es|it|ru|zh-cn|zh-tw|zh_cn|ko|pt-br)$"
)


_RFC_ZEROS = re.compile(r"^rfc0+(?=\d)")
_DRAFT_REV = re.compile(r"^(draft-.*)-\d\d$")


def key(name: str) -> str:
    """A document's name without language tag and extensions: one key for all its variants."""
    name = name.lower()
    while True:
        shorter = _VARIANT.sub("", name)
        if shorter == name:
            # rfc0793 and rfc793 are one RFC; draft-x-05 and draft-x-01 are one draft
            return _DRAFT_REV.sub(r"\1", _RFC_ZEROS.sub("rfc", name))
        name = shorter


def benchmark_stems() -> set[str]:
    """Every name the benchmark knows a document by: no pool document may share one (a
    re-rendering or a translation of a held-out document is held out too)."""
    data = json.loads(MANIFEST.read_text(encoding="utf-8"))
    return {key(d["id"].rsplit("/", 1)[-1]) for d in data["documents"]}


def _known(name: str, stems: set[str]) -> bool:
    parts = name.split("-")
    # "debian-FAQ-debian-faq.ja.txt" is known by its last parts as well as by its whole name
    return any(key("-".join(parts[k:])) in stems for k in range(len(parts)))


def benchmark_hashes() -> set[str]:
    import hashlib

    data = json.loads(MANIFEST.read_text(encoding="utf-8"))
    out = set()
    for d in data["documents"]:
        p = ROOT / d["path"]
        if p.exists():
            raw = p.read_bytes()
            out.add(hashlib.sha256(gzip.decompress(raw) if p.name.endswith(".gz") else raw).hexdigest())
    return out


def _read(path: Path) -> bytes | None:
    try:
        raw = path.read_bytes()
        return gzip.decompress(raw) if path.name.endswith(".gz") else raw
    except (OSError, EOFError, gzip.BadGzipFile):
        return None


def _even(items: Sequence[tuple[str, Path]], k: int) -> list[tuple[str, Path]]:
    if len(items) <= k:
        return list(items)
    step = len(items) / k
    return [items[int(j * step)] for j in range(k)]


def _doc_files() -> Iterator[tuple[str, str, Path]]:
    for path in sorted(DOC.rglob("*")):
        rel = path.relative_to(DOC).as_posix()
        if not path.is_file() or path.is_symlink() or _NOT_DOCS.search(rel) or "/examples/" in rel:
            continue
        name = path.name.removesuffix(".gz")
        if not _DOC_NAMES.fullmatch(name) or "_sources" in rel or "/RelNotes/" in rel:
            continue
        family = "docbook-text" if rel.startswith(_GENERATED) else "handwritten"
        yield family, rel.replace("/", "-").removesuffix(".gz"), path


def _man_pages(lang: str | None) -> list[Path]:
    base = MAN / lang if lang else MAN
    return sorted(p for sec in ("man1", "man5", "man8") for p in (base / sec).glob("*.gz") if p.is_file())


def _render_man(path: Path) -> bytes | None:
    env = dict(os.environ, MANWIDTH="80", MAN_KEEP_FORMATTING="0", LC_ALL="C.UTF-8")
    try:
        man = subprocess.run(["man", "-P", "cat", "-l", str(path)], capture_output=True, env=env, timeout=60)
        col = subprocess.run(["col", "-bx"], input=man.stdout, capture_output=True, env=env, timeout=60)
    except (OSError, subprocess.TimeoutExpired):
        return None
    return col.stdout if man.returncode == 0 and col.stdout.strip() else None


def build(limit: int, extra: Sequence[str] = (), only: str | None = None) -> None:
    """Collect the pool into ``bench/work/noise/<family>/``, dev documents only; ``extra`` holds
    ``FAMILY=DIR`` pairs whose documents (``SUFFIXES``) join FAMILY; ``only`` collects one family."""
    stems, hashes = benchmark_stems(), benchmark_hashes()
    import hashlib

    kept: Counter[str] = Counter()
    by_family: dict[str, list[tuple[str, Path]]] = defaultdict(list)
    for family, name, path in _doc_files():
        by_family[family].append((name, path))
    for lang, family in ((None, "groff-man"), ("ja", "groff-man-cjk"), ("zh_CN", "groff-man-cjk")):
        for p in _man_pages(lang):
            stem = p.name.removesuffix(".gz")
            by_family[family].append((f"{lang + '-' if lang else ''}{stem}", p))
    for p in sorted(INFO.glob("*.info*")):
        by_family["texinfo"].append((p.name.removesuffix(".gz"), p))
    for pair in extra:
        family, _, folder = pair.partition("=")
        for p in sorted(Path(folder).rglob("*")):
            suffix = Path(p.name.removesuffix(".gz")).suffix.lower()
            if p.is_file() and suffix in SUFFIXES:
                by_family[family].append((p.name.removesuffix(".gz").removesuffix(suffix), p))
    for family, cands in sorted(by_family.items()):
        if only and family != only:
            continue
        cands = [(n, p) for n, p in cands if not _known(n, stems)]
        chosen = 0
        # draw evenly, and draw more than needed: some are held out, empty or unreadable
        for name, path in _even(cands, limit * 3):
            if chosen >= limit:
                break
            data = _render_man(path) if family.startswith("groff") else _read(path)
            if not data or len(data) > MAX_BYTES or b"\0" in data[:4096]:
                continue
            if pool(data) != "dev" or hashlib.sha256(data).hexdigest() in hashes:
                continue
            text = data.decode("utf-8", "replace")
            fam = family
            if family in ("handwritten", "docbook-text") and len(_CJK.findall(text[:20000])) > 200:
                fam = f"{family}-cjk"
            suffix = Path(path.name.removesuffix(".gz")).suffix.lower()
            out = POOL / fam / (name + (suffix if suffix in SUFFIXES else ".txt"))
            out.parent.mkdir(parents=True, exist_ok=True)
            out.write_bytes(data)
            chosen += 1
            kept[fam] += 1
    print(" ".join(f"{f}:{n}" for f, n in sorted(kept.items())), f"-> {POOL}")


def run(family: str | None) -> dict[str, list[tuple[str, list[tuple[int, str, str]], float, int]]]:
    from outlint import check_bytes

    out: dict[str, list[tuple[str, list[tuple[int, str, str]], float, int]]] = defaultdict(list)
    for path in sorted(p for p in POOL.glob("*/*") if p.suffix.lower() in SUFFIXES):
        fam = path.parent.name
        if family and fam != family:
            continue
        data = path.read_bytes()
        if pool(data) != "dev":
            continue  # never read a held-out document, however it got here
        t0 = time.process_time()
        try:
            found = [(f.span.line, f.code, f.message) for f in check_bytes(data, str(path.relative_to(ROOT)))]
        except Exception as exc:  # a crash is a finding too
            found = [(1, "OL002", f"internal error: {type(exc).__name__}: {exc}")]
        out[fam].append((str(path.relative_to(ROOT)), found, time.process_time() - t0, len(data)))
    return out


def table(results: dict[str, list[tuple[str, list[tuple[int, str, str]], float, int]]]) -> str:
    groups = ("OL0", "OL1", "OL2", "OL3", "OL4", "OL5", "OL9")
    head = f"{'family':18} {'docs':>5} {'MB':>6} {'find':>5} {'/doc':>5} {'clean%':>6} " + " ".join(
        f"{g + 'xx':>5}" for g in groups
    )
    lines = [head, "-" * len(head)]
    total: Counter[str] = Counter()
    for fam, docs in sorted(results.items()):
        codes: Counter[str] = Counter(code[:3] for _, found, _, _ in docs for _, code, _ in found)
        n = sum(len(found) for _, found, _, _ in docs)
        clean = sum(1 for _, found, _, _ in docs if not found)
        mb = sum(size for *_, size in docs) / 1e6
        total.update(codes)
        total["docs"] += len(docs)
        total["n"] += n
        total["clean"] += clean
        per, share = n / max(1, len(docs)), 100 * clean / max(1, len(docs))
        cells = " ".join(f"{codes[g]:5}" for g in groups)
        lines.append(f"{fam:18} {len(docs):5} {mb:6.2f} {n:5} {per:5.2f} {share:6.1f} {cells}")
    d = max(1, total["docs"])
    lines.append(
        f"{'all':18} {total['docs']:5} {'':6} {total['n']:5} {total['n'] / d:5.2f} {100 * total['clean'] / d:6.1f} "
        + " ".join(f"{total[g]:5}" for g in groups)
    )
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    ap.add_argument("--build", action="store_true", help="collect the pool from this machine's packages")
    ap.add_argument("--limit", type=int, default=PER_FAMILY, help="documents per family")
    ap.add_argument("--family", help="one layout family only")
    ap.add_argument("--show", metavar="CODE", help="print the findings whose code starts so (OL2, OL301)")
    ap.add_argument("--json", metavar="FILE", help="write every finding to FILE")
    ap.add_argument(
        "--extra",
        action="append",
        default=[],
        metavar="FAMILY=DIR",
        help="with --build: add the documents under DIR as FAMILY",
    )
    args = ap.parse_args(argv)
    if args.build:
        build(args.limit, args.extra, args.family)
        return 0
    results = run(args.family)
    if args.show is not None:
        for docs in results.values():
            for path, found, _, _ in docs:
                for line, code, message in found:
                    if code.startswith(args.show):
                        print(f"{path}:{line}: {code} {message}")
    print(table(results))
    cpu = sum(s for docs in results.values() for _, _, s, _ in docs)
    mb = sum(z for docs in results.values() for *_, z in docs) / 1e6
    print(f"cpu {cpu:.1f} s, {mb / max(cpu, 1e-9):.2f} MB/s")
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
