"""Language rules (OL401-OL403): script-based, with the main language inferred or configured."""

from __future__ import annotations

import pytest

from tests.conftest import codes_lines, lint

EN = "The committee reviewed the annual report and approved its recommendations without changes."
ZH = "委员会审议了年度报告，并原封不动地批准了报告中提出的各项建议。"


def doc(*paragraphs: str) -> str:
    heading = "一、范围" if paragraphs[0] == ZH else "1. Scope"
    return heading + "\n\n" + "\n\n".join(paragraphs) + "\n"


@pytest.mark.parametrize(
    ("paragraphs", "expected"),
    [
        pytest.param([EN, EN, ZH, EN], [("OL401", 7)], id="chinese-paragraph-in-english"),
        pytest.param([ZH, ZH, EN, ZH], [("OL401", 7)], id="english-paragraph-in-chinese"),
        pytest.param([EN, "APEC, 5G, IPv6 and Beidou-3 are covered.", EN], [], id="acronyms-and-names"),
        pytest.param(
            [EN, 'The "Belt and Road" (一带一路) initiative was discussed at length.', EN], [], id="short-gloss"
        ),
        pytest.param(
            [ZH, "我们支持APEC框架下的5G和IPv6合作，推动北斗三号系统的国际应用。", ZH], [], id="acronyms-in-chinese"
        ),
        pytest.param(
            [ZH, "详见 https://www.example.org/reports/2022/annual-report-on-cooperation.html 。", ZH],
            [],
            id="url-in-chinese",
        ),
        pytest.param(
            [EN, "Привет мир, это русский текст, оставленный без перевода в документе.", EN],
            [("OL401", 5)],
            id="cyrillic",
        ),
    ],
)
def test_foreign_paragraph(paragraphs: list[str], expected: list[tuple[str, int]]) -> None:
    assert codes_lines(doc(*paragraphs), "OL4") == expected


def test_message_names_both_languages() -> None:
    f = lint(doc(EN, EN, ZH), "OL401")[0]
    assert f.message == (
        "paragraph in Chinese (zh) in a document in English (en): "
        '"委员会审议了年度报告，并原封不动地批准了报告中提出的各项建议。"'
    )


def test_configured_language_overrides_inference() -> None:
    # mostly Chinese text, but the document is meant to be English
    assert codes_lines(doc(ZH, ZH, EN), "OL401", language="en") == [("OL401", 3), ("OL401", 5)]


def test_foreign_heading() -> None:
    text = f"1. Scope\n\n{EN}\n\n2. 网络安全合作\n\n{EN}\n"
    assert codes_lines(text, "OL402") == [("OL402", 5)]
    assert codes_lines(f"1. Scope\n\n{EN}\n\n2. IPv6 and 5G\n\n{EN}\n", "OL402") == []


def test_long_run_inside_paragraph() -> None:
    mixed = f"{EN} {EN} {ZH}"
    assert codes_lines(doc(EN, mixed), "OL4") == [("OL403", 5)]
    f = lint(doc(EN, mixed), "OL403")[0]
    assert f.span.column == 2 * len(EN) + 3
    assert codes_lines(doc(EN, f"{EN} (一带一路)"), "OL403") == []


def test_english_run_in_chinese_paragraph() -> None:
    run = "this sentence was left in the source language by mistake"
    assert codes_lines(doc(ZH, f"{ZH}{run}。"), "OL403") == [("OL403", 5)]


@pytest.mark.parametrize(
    ("text", "tag"),
    [
        pytest.param(
            "Le comité a examiné le rapport annuel et il a approuvé les recommandations pour la suite. " * 3,
            "fr",
            id="french",
        ),
        pytest.param(
            "O comitê analisou o relatório anual e aprovou as recomendações para o próximo ano. " * 3,
            "pt",
            id="portuguese",
        ),
        pytest.param(
            "Der Ausschuss hat den Bericht geprüft und die Empfehlungen mit der Mehrheit angenommen. " * 3,
            "de",
            id="german",
        ),
        pytest.param(EN + " " + EN + " " + EN, "en", id="english"),
        pytest.param("Short text.", "en", id="too-little-to-tell"),
    ],
)
def test_latin_script_language_is_named(text: str, tag: str) -> None:
    from outlint import language
    from outlint.linter import read_bytes

    doc = read_bytes(doc_text(text).encode(), "doc.txt")
    assert language.analyse(doc).main_language == tag


def doc_text(paragraph: str) -> str:
    return "1. Scope\n\n" + "\n\n".join([paragraph] * 4) + "\n"
