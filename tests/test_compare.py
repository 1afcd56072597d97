"""``outlint compare``: the white paper against its source outline, and the alignment on small pairs."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from outlint.compare import check_pair, compare
from outlint.formats.text import render
from outlint.linter import Settings, read_bytes, read_path, select_rules
from outlint.model import Finding
from tests.conftest import ROOT

DATA = ROOT / "tests" / "data" / "compare"
SOURCE = "tests/data/compare/cyberspace-white-paper-2022.outline.zh.txt"
WHITE_PAPER = "samples/cyberspace-white-paper-2022.en.txt"
RESTORED = "samples/cyberspace-white-paper-2022.restored.en.txt"


def pair(source: str, target: str, select: str = "OL6") -> list[Finding]:
    return check_pair(read_path(source), read_path(target), Settings(rules=select_rules(select.split(","))))


def inline(source: str, target: str, fmt: str = "markdown", select: str = "OL6") -> list[tuple[str, int]]:
    src = read_bytes(source.encode("utf-8"), "source.md", fmt)
    tgt = read_bytes(target.encode("utf-8"), "target.md", fmt)
    found = check_pair(src, tgt, Settings(rules=select_rules(select.split(","))))
    return [(f.code, f.span.line) for f in found]


def test_white_paper_golden(golden: Callable[[Path, str], None], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    golden(DATA / "cyberspace-white-paper-2022.en.txt.expected", render(pair(SOURCE, WHITE_PAPER), [WHITE_PAPER]))


def test_white_paper_gives_exactly_the_lost_sections(monkeypatch: pytest.MonkeyPatch) -> None:
    """The 17 lost sections (each at the contents entry that still lists it), the misplaced (10)
    and the two Chinese paragraphs; nothing on the 11 sections that match."""
    monkeypatch.chdir(ROOT)
    found = pair(SOURCE, WHITE_PAPER)
    lost = [f for f in found if f.code == "OL601"]
    assert [f.span.line for f in lost] == [36, 38, 40, 42, 44, 46, 48, 50, 52, 54, 56, 58, 60, 62, 64, 66, 68]
    assert [f.message.split('"')[1] for f in lost[:3]] == [
        "（六）互联网平台运营不断规范",
        "（七）网络空间安全有效保障",
        "三、中国为构建网络空间命运共同体作出的贡献",
    ]
    assert all('it belongs before "(10) Adhere to' in f.message for f in lost)
    rest = [(f.code, f.span.line) for f in found if f.code != "OL601"]
    assert rest == [("OL607", 437), ("OL607", 441), ("OL604", 509)]
    chapter = '"四、中国关于构建更加紧密的网络空间命运共同体的主张" (source line 103)'
    assert f"under {chapter} in the source, which is missing here" in found[-1].message
    cmp = compare(read_path(SOURCE), read_path(WHITE_PAPER))
    assert len(cmp.alignment.pairs) == 12 and not cmp.alignment.added and not cmp.alignment.moved
    assert [r.status for r in cmp.rows].count("same") == 11  # all but the (10)


def test_restored_translation_matches_its_source(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    assert pair(SOURCE, RESTORED) == []
    cmp = compare(read_path(SOURCE), read_path(RESTORED))
    assert len(cmp.alignment.pairs) == 29 and {r.status for r in cmp.rows} == {"same"}


def test_two_versions_in_one_language(monkeypatch: pytest.MonkeyPatch) -> None:
    """The restored text as the source of the truncated one: the same 17 and the (10); titles are
    compared, nothing is untranslated, and 2.(5) is not judged by length against a longer source
    while the pair has too few sections of both sizes... unless it is far outside the band."""
    monkeypatch.chdir(ROOT)
    found = pair(RESTORED, WHITE_PAPER)
    assert [f.span.line for f in found if f.code == "OL601"] == [
        36,
        38,
        40,
        42,
        44,
        46,
        48,
        50,
        52,
        54,
        56,
        58,
        60,
        62,
        64,
        66,
        68,
    ]
    assert ("OL604", 509) in [(f.code, f.span.line) for f in found]
    assert not [f for f in found if f.code == "OL607"]


def test_check_alone_runs_no_pair_rule(monkeypatch: pytest.MonkeyPatch) -> None:
    from outlint.linter import check_path

    monkeypatch.chdir(ROOT)
    assert not [f for f in check_path(WHITE_PAPER) if f.code.startswith("OL6")]


ZH = """# 指南

## 安装

用 `pip install jotter` 安装。

## 快速上手

运行 `jot new` 新建笔记。

## 配置

编辑 `~/.config/jotter/config.toml`。

## 常见问题

索引在 `~/.cache/jotter` 中。
"""

EN = """# Guide

## Installation

Install it with `pip install jotter`. It runs on any system that has a recent version of Python.

## Quick start

Run `jot new` to create a note. Every note is a plain text file that any other editor can open.

## Configuration

Edit `~/.config/jotter/config.toml`. The settings take effect the next time the program starts.

## FAQ

The index is in `~/.cache/jotter`. It is safe to delete it, since it is rebuilt when it is needed.
"""


def test_unnumbered_translation_aligned_by_position_and_kept_tokens() -> None:
    assert inline(ZH, EN) == []


def test_lost_unnumbered_section_found_by_its_commands() -> None:
    """Without numbers or comparable titles the kept tokens (commands, paths) tell which of two
    sections at one level was lost: not simply the last one."""
    quick = "## Quick start\n\nRun `jot new` to create a note. Every note is a plain text file that any other editor"
    target = EN.replace(quick + " can open.\n\n", "")
    assert target != EN
    assert inline(ZH, target) == [("OL601", 7)]
    found = check_pair(read_bytes(ZH.encode(), "s.md"), read_bytes(target.encode(), "t.md"))
    assert '"快速上手" (source line 7) is missing: it belongs before "Configuration" (line 7)' in found[0].message


def test_added_section() -> None:
    target = EN.replace("## FAQ", "## Sync\n\nPut `~/notes` in Dropbox.\n\n## FAQ")
    assert inline(ZH, target) == [("OL602", 15)]


NUMBERED_SRC = "# 1. A\n\ntext\n\n# 2. B\n\ntext\n\n# 3. C\n\ntext\n\n# 4. D\n\ntext\n"


@pytest.mark.parametrize(
    ("target", "expected"),
    [
        pytest.param(NUMBERED_SRC, [], id="identical"),
        pytest.param(NUMBERED_SRC.replace("# 3. C", "# 5. C"), [("OL605", 9)], id="one-renumbered"),
        pytest.param(
            NUMBERED_SRC.replace("# 3. C", "# 4. C").replace("# 4. D", "# 5. D"), [("OL605", 9)], id="run-renumbered"
        ),
        pytest.param(NUMBERED_SRC.replace("# 3. C\n\ntext\n\n", ""), [("OL601", 9)], id="one-lost"),
        pytest.param(
            "# 1. A\n\ntext\n\n# 3. C\n\ntext\n\n# 2. B\n\ntext\n\n# 4. D\n\ntext\n", [("OL603", 9)], id="moved"
        ),
        pytest.param(
            "# 1. A\n\ntext\n\n# 2. B\n\ntext\n\n## 3. C\n\ntext\n\n# 4. D\n\ntext\n", [("OL604", 9)], id="demoted"
        ),
    ],
)
def test_numbered_outlines(target: str, expected: list[tuple[str, int]]) -> None:
    assert inline(NUMBERED_SRC, target) == expected


def test_a_section_left_untranslated_is_one_finding() -> None:
    english = "## Configuration\n\nEdit `~/.config/jotter/config.toml`. The settings take effect the next time"
    english += " the program starts."
    assert english in EN
    target = EN.replace(english, "## 配置\n\n编辑配置文件，然后重新启动程序，新的设置就会生效。")
    assert inline(ZH, target) == [("OL607", 11)]


def test_untranslated_paragraph_and_run() -> None:
    english = "Install it with `pip install jotter`. It runs on any system that has a recent version of Python."
    assert english in EN
    target = EN.replace(
        english,
        "Install it with `pip install jotter`, 因为重新建立索引可能需要几分钟时间请不要关闭程序, on any system.\n\n"
        "安装完成以后，请重新打开终端窗口，然后运行帮助命令查看所有的参数。",
    )
    assert inline(ZH, target) == [("OL607", 5), ("OL607", 7)]


LONG_SRC = "".join(f"## {n}. S{n}\n\n" + "word " * 120 + "\n\n" for n in range(1, 7))


def test_length_against_the_pair_itself() -> None:
    """Every section half as long as its source is the pair's norm; one a tenth of it is reported."""
    target = "".join(f"## {n}. S{n}\n\n" + "word " * (12 if n == 4 else 60) + "\n\n" for n in range(1, 7))
    found = check_pair(read_bytes(LONG_SRC.encode(), "s.md"), read_bytes(target.encode(), "t.md"))
    assert [(f.code, f.span.line) for f in found] == [("OL606", 13)]
    assert "is 5.0 times shorter than its source: 12 words here, 120 words in" in found[0].message


def test_short_sections_do_not_flap() -> None:
    src = "".join(f"## {n}. S{n}\n\n" + "word " * 10 + "\n\n" for n in range(1, 7))
    target = src.replace("word " * 10, "word ", 1)
    assert inline(src, target) == []


def test_suppression_and_severity_apply_to_pair_rules() -> None:
    target = EN.replace(
        "## FAQ", "<!-- outlint-disable-next-line OL602 -->\n## Sync\n\nPut `~/notes` in Dropbox.\n\n## FAQ"
    )
    assert inline(ZH, target, select="OL6,OL9") == []
    from outlint.model import Severity

    src = read_bytes(ZH.encode(), "s.md")
    tgt = read_bytes(EN.replace("## FAQ", "## Sync\n\nPut `~/notes` here.\n\n## FAQ").encode(), "t.md")
    found = check_pair(src, tgt, Settings(rules=select_rules(["OL6"]), severities={"OL602": Severity.ERROR}))
    assert [(f.code, f.severity) for f in found] == [("OL602", Severity.ERROR)]


def test_outline_compare_view(golden: Callable[[Path, str], None], monkeypatch: pytest.MonkeyPatch) -> None:
    """Side by side, row by row, CJK text two columns wide so that the marks line up."""
    from click.testing import CliRunner

    from outlint.cli import main
    from outlint.compare_view import width

    monkeypatch.chdir(ROOT)
    result = CliRunner().invoke(main, ["outline", SOURCE, "--compare", WHITE_PAPER])
    assert result.exit_code == 0, result.output
    golden(DATA / "cyberspace-white-paper-2022.outline.txt.expected", result.output)
    rows = [line for line in result.output.splitlines() if line[:5].strip().isdigit()]
    assert len(rows) == 29

    def mark(line: str) -> str:  # the character at display column 62, wherever CJK text put it
        k = next(k for k in range(len(line)) if width(line[:k]) == 61)
        return line[k]

    assert [mark(line) for line in rows] == ["="] * 10 + ["-"] * 17 + ["~", "="]
    assert width("一、构建") == 8 and width("e\u0301") == 1


def test_compare_command_formats_and_exit_status(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import json

    from click.testing import CliRunner

    from outlint.cli import main

    monkeypatch.chdir(ROOT)
    out = tmp_path / "report.html"
    result = CliRunner().invoke(main, ["compare", SOURCE, WHITE_PAPER, "--format", "json", "--format", f"html:{out}"])
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert len(data["findings"]) == 20
    assert out.read_text("utf-8").count('<tr class="row missing"') == 17
    ok = CliRunner().invoke(main, ["compare", SOURCE, RESTORED])
    assert ok.exit_code == 0 and ok.stdout == ""
    bad = CliRunner().invoke(main, ["compare", SOURCE, "no/such/file.txt"])
    assert bad.exit_code == 2 and "no/such/file.txt: No such file or directory" in bad.output
    assert "Traceback" not in bad.output
