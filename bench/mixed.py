"""A second, differently generated corpus: long contents blocks, mixed Chinese paragraphs, entries past 999.

bench.py's main generator writes tidy two-level documents whose chapter numbers stay below 1000. Real
documents are less kind, and the slow paths of issue 14 hid exactly there: contents blocks of thousands of
entries with leader dots and page numbers, entries and headings numbered past 999, Chinese paragraphs and
English paragraphs with Chinese sentences in them, appendices, wrapped long titles. Standard library only.
"""

from __future__ import annotations

import random
from pathlib import Path

_EN = (
    "The committee reviewed the annual budget and approved the revised schedule",
    "Each member of the council records the decisions made during the meeting",
    "This section describes how the network service handles requests from users",
    "The report follows the standard method that the previous survey defined",
    "However, the contract does not cover the maintenance of the local system",
)
_ZH = (
    "本节内容尚未翻译完成，请参阅原始文件",
    "该系统的设计目标是提高文档处理的效率",
    "我们将在下一章中详细讨论这些问题",
    "所有数据均来自公开的统计报告",
    "委员会已经批准了这项预算",
)
_TITLES = "Scope Purpose Background Overview Methods Results Budget Review Policy Access Records Training".split()


def _title(rng: random.Random, k: int) -> str:
    words = rng.sample(_TITLES, rng.randint(1, 3))
    long = rng.random() < 0.05  # a long title wraps in the contents
    extra = " and the Procedures for the Annual Review of Records" if long else ""
    return f"{' '.join(words)} {k}{extra}"


def _paragraph(rng: random.Random) -> str:
    kind = rng.random()
    if kind < 0.15:  # a paragraph in Chinese
        return "。".join(rng.choices(_ZH, k=rng.randint(2, 5))) + "。"
    if kind < 0.25:  # English with a Chinese sentence in it (a partial translation)
        return f"{rng.choice(_EN)}. {rng.choice(_ZH)}。 {rng.choice(_EN)}."
    return " ".join(f"{s}." for s in rng.choices(_EN, k=rng.randint(3, 7)))


def write_mixed(target: int, rng: random.Random, path: Path) -> None:
    """A plain-text document of about ``target`` bytes: a title, a contents block listing every chapter
    (numbered from ``start``, often past 999) with leader dots and page numbers, then the body."""
    chapters = max(3, target // 780)
    start = rng.choice((1, 1, 990, 1995))
    titles = [(start + i, _title(rng, start + i)) for i in range(chapters)]
    lines = ["Annual Records of the Regional Council", "", "Contents", ""]
    page = 3
    for number, title in titles:
        entry = f"{number}. {title}"
        if len(entry) > 60:  # wrapped onto a second, indented line, as exports do
            cut = entry.rfind(" ", 0, 60)
            lines.append(entry[:cut])
            entry = "    " + entry[cut + 1 :]
        lines.append(f"{entry} {'.' * max(3, 70 - len(entry))} {page}")
        page += rng.randint(1, 4)
    lines += ["", ""]
    body: list[str] = []
    for number, title in titles:
        if rng.random() < 0.01:
            continue  # listed, but lost from the body
        body += [f"{number}. {title}", ""]
        for _ in range(rng.randint(1, 3)):
            body += [_paragraph(rng), ""]
    path.write_text("\n".join(lines + body) + "\n", encoding="utf-8", newline="\n")
