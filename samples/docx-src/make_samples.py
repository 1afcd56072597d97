"""Make the DOCX samples with LibreOffice: write each as a flat ODF text document, convert it to DOCX.

LibreOffice is the producer: it writes the styles, the automatic numbering, the bookmarks and the
TOC field (a content control holding ``TOC \\o "1-2" \\h``) as it does for any document. A table of
contents keeps the entries it was given (its cached result) until someone updates it, so a stale
contents is written the way it happens: the entries of an earlier version of the document.

    python samples/docx-src/make_samples.py            # needs soffice (Debian: libreoffice-writer)

Made with LibreOffice 7.4.7.2 (Debian 12). Run under ``nice``: LibreOffice takes a CPU for seconds.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape

HERE = Path(__file__).resolve().parent
SAMPLES = HERE.parent

HEAD = """<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
 xmlns:xlink="http://www.w3.org/1999/xlink" office:version="1.3"
 office:mimetype="application/vnd.oasis.opendocument.text">
<office:styles>
<style:default-style style:family="paragraph"><style:text-properties fo:language="{lang}" fo:country="{country}"
 style:language-asian="zh" style:country-asian="CN"/></style:default-style>
<style:style style:name="Standard" style:family="paragraph" style:class="text"/>
<style:style style:name="Heading" style:family="paragraph" style:parent-style-name="Standard"
 style:next-style-name="Text_20_body" style:class="text"/>
<style:style style:name="Text_20_body" style:display-name="Text body" style:family="paragraph"
 style:parent-style-name="Standard" style:class="text"/>
<style:style style:name="Title" style:family="paragraph" style:parent-style-name="Heading" style:class="chapter"/>
<style:style style:name="Subtitle" style:family="paragraph" style:parent-style-name="Heading" style:class="chapter"/>
<style:style style:name="Heading_20_1" style:display-name="Heading 1" style:family="paragraph"
 style:parent-style-name="Heading" style:default-outline-level="1" style:class="text"/>
<style:style style:name="Heading_20_2" style:display-name="Heading 2" style:family="paragraph"
 style:parent-style-name="Heading" style:default-outline-level="2" style:class="text"/>
<style:style style:name="Index" style:family="paragraph" style:parent-style-name="Standard" style:class="index"/>
<style:style style:name="Contents_20_Heading" style:display-name="Contents Heading" style:family="paragraph"
 style:parent-style-name="Heading" style:class="index"/>
<style:style style:name="Contents_20_1" style:display-name="Contents 1" style:family="paragraph"
 style:parent-style-name="Index" style:class="index"/>
<style:style style:name="Contents_20_2" style:display-name="Contents 2" style:family="paragraph"
 style:parent-style-name="Index" style:class="index"/>
<text:outline-style style:name="Outline">
<text:outline-level-style text:level="1" style:num-format="{fmt1}" style:num-prefix="{pre1}" style:num-suffix="{suf1}"/>
<text:outline-level-style text:level="2" style:num-format="{fmt2}" style:num-prefix="{pre2}" style:num-suffix="{suf2}"
 text:display-levels="{show2}"/>
</text:outline-style>
</office:styles>
<office:body><office:text>
"""
TAIL = "</office:text></office:body></office:document>\n"
TOC_HEAD = """<text:table-of-content text:name="Table of Contents1">
<text:table-of-content-source text:outline-level="2">
<text:index-title-template text:style-name="Contents_20_Heading">{title}</text:index-title-template>
<text:table-of-content-entry-template text:outline-level="1" text:style-name="Contents_20_1">{entry}
</text:table-of-content-entry-template>
<text:table-of-content-entry-template text:outline-level="2" text:style-name="Contents_20_2">{entry}
</text:table-of-content-entry-template>
</text:table-of-content-source>
<text:index-body>
<text:index-title text:name="Table of Contents1_Head"><text:p text:style-name="Contents_20_Heading">{title}</text:p>
</text:index-title>
"""
ENTRY_LINKED = (
    "<text:index-entry-link-start/><text:index-entry-chapter/><text:index-entry-text/>"
    '<text:index-entry-tab-stop style:type="right" style:leader-char="."/><text:index-entry-page-number/>'
    "<text:index-entry-link-end/>"
)
ENTRY_PLAIN = (
    '<text:index-entry-chapter/><text:index-entry-text/><text:index-entry-tab-stop style:type="right" '
    'style:leader-char="."/><text:index-entry-page-number/>'
)


@dataclass(frozen=True)
class Numbering:
    """The outline numbering of headings 1 and 2 (LibreOffice's formats: "1", "一, 二, 三, ...")."""

    fmt1: str = ""
    pre1: str = ""
    suf1: str = ""
    fmt2: str = ""
    pre2: str = ""
    suf2: str = ""
    show2: int = 1


class Doc:
    """A flat ODF text document, written paragraph by paragraph."""

    def __init__(self, lang: str = "en", country: str = "US", numbering: Numbering = Numbering()) -> None:
        fields = {"lang": lang, "country": country, **numbering.__dict__}
        self.parts = [HEAD.format(**fields)]
        self.marks = 0

    def p(self, text: str, style: str = "Text_20_body") -> None:
        self.parts.append(f'<text:p text:style-name="{style}">{escape(text)}</text:p>\n')

    def empty(self, count: int) -> None:
        self.parts.append('<text:p text:style-name="Text_20_body"/>\n' * count)

    def h(self, level: int, text: str, mark: str | None = None, start: int | None = None) -> None:
        restart = f' text:restart-numbering="true" text:start-value="{start}"' if start else ""
        inner = escape(text)
        if mark:
            inner = f'<text:bookmark-start text:name="{mark}"/>{inner}<text:bookmark-end text:name="{mark}"/>'
        self.parts.append(
            f'<text:h text:style-name="Heading_20_{level}" text:outline-level="{level}"{restart}>{inner}</text:h>\n'
        )

    def toc(self, title: str, entries: list[tuple[int, str, str, str | None]], linked: bool = True) -> None:
        """A table of contents whose cached entries are (level, text, page, bookmark)."""
        self.parts.append(TOC_HEAD.format(title=escape(title), entry=ENTRY_LINKED if linked else ENTRY_PLAIN))
        for level, text, page, mark in entries:
            inner = f"{escape(text)}<text:tab/>{page}"
            if linked and mark:
                inner = f'<text:a xlink:type="simple" xlink:href="#{mark}">{inner}</text:a>'
            self.parts.append(f'<text:p text:style-name="Contents_20_{level}">{inner}</text:p>\n')
        self.parts.append("</text:index-body>\n</text:table-of-content>\n")

    def mark(self) -> str:
        self.marks += 1
        return f"__RefHeading___Toc{self.marks}_{1000 + self.marks}"

    def xml(self) -> str:
        return "".join(self.parts) + TAIL


# --- the white paper, from the plain-text sample ------------------------------------------------

_ENTRY = re.compile(r"\s+(?:\d+\.|\(\d+\)) \S|\s+concluding remarks\s*$")
_CHAPTER = re.compile(r"\d+\. [A-Z]")
_SECTION = re.compile(r"\s*\(\d+\) \S")


def white_paper() -> Doc:
    """The English white paper as a Word document: the same text, front matter, contents and defects
    (lost sections, blank runs, Chinese paragraphs left untranslated) as the plain-text sample.
    Headings carry typed numbers, as the translation did; the contents is a TOC field without links
    whose entries are those of the complete document."""
    lines = (SAMPLES / "cyberspace-white-paper-2022.en.txt").read_text(encoding="utf-8").split("\n")
    doc = Doc()
    toc_at = next(i for i, line in enumerate(lines) if line.strip() == "Table of contents")
    k = toc_at + 1
    entries: list[tuple[int, str, str, str | None]] = []
    while k < len(lines) and (not lines[k].strip() or _ENTRY.match(lines[k])):
        text = lines[k].strip()
        if text:
            level = 2 if text.startswith("(") else 1
            entries.append((level, text, str(1 + len(entries) * 2 // 3), None))
        k += 1
    for line in lines[:toc_at]:
        text = line.strip()
        if text == "Work together to build a community with a shared future in cyberspace":
            doc.p(text, "Title")
        elif text:
            doc.p(text, "Subtitle" if text.startswith("(") or len(text) < 40 else "Text_20_body")
    doc.toc(lines[toc_at].strip(), entries, linked=False)
    blank = 0
    for line in lines[k:]:
        text = line.strip()
        if not text:
            blank += 1
            continue
        if blank >= 3:
            doc.empty(blank)  # a run of blank lines where content was lost: empty paragraphs
        blank = 0
        if _CHAPTER.match(line) or text == "concluding remarks":
            doc.h(1, text, doc.mark())
        elif _SECTION.match(line):
            doc.h(2, text, doc.mark())
        else:
            doc.p(text)
    return doc


# --- a report whose contents field is stale -----------------------------------------------------

PROSE = {
    "Purpose": "This report records the state of the office network at the end of the year and what the "
    "maintenance team changed during it.",
    "Scope": "It covers the main office and the two branch offices, but not the data centre, which has a "
    "report of its own.",
    "Network": "The core switches were replaced in March. The wireless network now reaches every meeting "
    "room, and guests have a network of their own.",
    "Servers": "Two old file servers were retired. Their shares moved to the new storage cluster, which "
    "keeps nightly snapshots for a month.",
    "Backups": "Backups now run every night and are copied to the second site. A restore test is made at "
    "the start of every quarter.",
    "Costs": "The year cost less than planned: the switches were bought before the price rise, and the "
    "old servers were sold.",
    "Next year": "The team proposes to replace the printers, to move e-mail to the new cluster and to "
    "train two more people on the backup system.",
}


def stale_report() -> Doc:
    """A report edited after its contents was made: "Backups" moved before "Servers", "Costs" was
    renamed "Spending", "Training" removed and "Next year" added; then a translator put the old
    entries back in the old order by hand. The field was never updated."""
    doc = Doc()
    doc.p("Network maintenance report 2023", "Title")
    marks = {
        name: doc.mark()
        for name in (
            "Introduction",
            "Purpose",
            "Scope",
            "Work",
            "Network",
            "Backups",
            "Servers",
            "Spending",
            "Training",
            "Next year",
        )
    }
    doc.toc(
        "Contents",
        [
            (1, "1. Introduction", "1", marks["Introduction"]),
            (2, "1.1 Purpose", "1", marks["Purpose"]),
            (2, "1.2 Scope", "1", marks["Scope"]),
            (1, "2. Work done", "2", marks["Work"]),
            (2, "2.1 Network", "2", marks["Network"]),
            (2, "2.2 Servers", "3", marks["Servers"]),
            (2, "2.3 Backups", "2", marks["Backups"]),
            (2, "2.4 Costs", "4", marks["Spending"]),
            (2, "2.5 Training", "4", marks["Training"]),
        ],
    )
    doc.h(1, "1. Introduction", marks["Introduction"])
    doc.h(2, "1.1 Purpose", marks["Purpose"])
    doc.p(PROSE["Purpose"])
    doc.h(2, "1.2 Scope", marks["Scope"])
    doc.p(PROSE["Scope"])
    doc.h(1, "2. Work done", marks["Work"])
    doc.p("The team of three made the following changes.")
    doc.h(2, "2.1 Network", marks["Network"])
    doc.p(PROSE["Network"])
    doc.h(2, "2.2 Backups", marks["Backups"])
    doc.p(PROSE["Backups"])
    doc.h(2, "2.3 Servers", marks["Servers"])
    doc.p(PROSE["Servers"])
    doc.h(2, "2.4 Spending", marks["Spending"])
    doc.p(PROSE["Costs"])
    doc.h(1, "3. Next year", marks["Next year"])
    doc.p(PROSE["Next year"])
    return doc


# --- a report whose automatic numbering skips ---------------------------------------------------


def numbering_skip() -> Doc:
    """Headings numbered by Word's outline numbering; "Set numbering value" made the third chapter
    start at 4. The contents was updated afterwards, so it agrees with the headings."""
    doc = Doc(numbering=Numbering("1", "", ".", "1", "", "", 2))
    titles = [
        (1, "Introduction", None),
        (2, "Purpose", None),
        (2, "Scope", None),
        (1, "Work done", None),
        (2, "Network", None),
        (2, "Servers", None),
        (1, "Next year", 4),
        (2, "Printers", None),
    ]
    numbers: list[str] = []
    chapter = section = 0
    for level, _title, start in titles:
        if level == 1:
            chapter = start or chapter + 1
            section = 0
            numbers.append(f"{chapter}.")
        else:
            section += 1
            numbers.append(f"{chapter}.{section}")
    marks = [doc.mark() for _ in titles]
    doc.p("Network maintenance report 2023", "Title")
    doc.toc(
        "Contents",
        [
            (lv, f"{n}\t{t}", str(1 + i // 3), m)
            for (lv, t, _), n, m, i in zip(titles, numbers, marks, range(99), strict=False)
        ],
    )
    for (level, title, start), mark in zip(titles, marks, strict=True):
        doc.h(level, title, mark, start)
        doc.p(PROSE.get(title, f"The {title.lower()} of the year, in a few plain words."))
    return doc


# --- a Chinese report numbered 一、（一） -----------------------------------------------------------


def chinese() -> Doc:
    """A Chinese report with Word's Chinese outline numbering (一、 and （一）). After the contents was
    made a section was added, and one paragraph was left in English."""
    doc = Doc("zh", "CN", Numbering("一, 二, 三, ...", "", "、", "一, 二, 三, ...", "（", "）", 1))
    titles = [
        (1, "总则"),
        (2, "编制目的"),
        (2, "适用范围"),
        (1, "工作情况"),
        (2, "网络建设"),
        (2, "数据备份"),
        (2, "人员培训"),
        (1, "下一步计划"),
    ]
    marks = [doc.mark() for _ in titles]
    listed = [0, 1, 2, 3, 4, 5, 7]  # "人员培训" was added after the contents was made
    labels = ["一、", "（一）", "（二）", "二、", "（一）", "（二）", "（三）", "三、"]
    doc.p("2023年度网络运行维护报告", "Title")
    doc.toc("目录", [(titles[i][0], labels[i] + titles[i][1], str(1 + i // 3), marks[i]) for i in listed])
    body = {
        "总则": "本报告总结了本年度办公网络的运行情况和维护工作。",
        "编制目的": "为总结经验、改进工作，特编制本报告，供领导决策参考。",
        "适用范围": "本报告适用于总部及两个分支机构的办公网络，不包括数据中心。",
        "工作情况": "本年度维护小组共完成三项主要工作，具体情况如下。",
        "网络建设": "三月份更换了核心交换机，无线网络已覆盖所有会议室，并为访客设立了独立网络。",
        "数据备份": "The backup jobs now run every night and copy their data to the second site; a restore "
        "test is made at the start of every quarter.",
        "人员培训": "全年组织培训四次，共有二十名员工参加了网络安全培训。",
        "下一步计划": "明年计划更换打印机，并将电子邮件迁移到新的存储集群。",
    }
    for (level, title), mark in zip(titles, marks, strict=True):
        doc.h(level, title, mark)
        doc.p(body[title])
    return doc


SAMPLE_DOCS = {
    "cyberspace-white-paper-2022.en.docx": white_paper,
    "report-stale-toc.docx": stale_report,
    "report-numbering-skip.docx": numbering_skip,
    "report-2023.zh.docx": chinese,
}


def convert(doc: Doc, target: Path, work: Path) -> None:
    source = work / (target.stem + ".fodt")
    source.write_text(doc.xml(), encoding="utf-8")
    subprocess.run(
        ["soffice", "--headless", "--convert-to", "docx:MS Word 2007 XML", "--outdir", str(work), str(source)],
        check=True,
        capture_output=True,
    )
    shutil.copyfile(work / (target.stem + ".docx"), target)


def main(names: list[str]) -> int:
    if shutil.which("soffice") is None:
        print("soffice not found: install LibreOffice (Debian: apt-get install libreoffice-writer)", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        for name, make in SAMPLE_DOCS.items():
            if names and name not in names:
                continue
            convert(make(), SAMPLES / name, Path(tmp))
            print(f"wrote samples/{name}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
