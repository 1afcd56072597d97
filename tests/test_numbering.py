"""The number parser over every scheme, and the labels it expects next."""

from __future__ import annotations

import pytest

from outlint.numbering import chinese_value, format_label, parse, roman_value
from outlint.outline import infer_levels, resolve_letters

CASES = [
    # text, label, scheme, values, title
    ("1. Introduction", "1.", "decimal", (1,), "Introduction"),
    ("2.3 Scope", "2.3", "decimal", (2, 3), "Scope"),
    ("2.3. Scope", "2.3.", "decimal", (2, 3), "Scope"),
    ("2.3.1 Deep title", "2.3.1", "decimal", (2, 3, 1), "Deep title"),
    ("2.0 Overview", "2.0", "decimal", (2,), "Overview"),  # chapter 2, as RFCs once wrote it
    ("10. Tenth", "10.", "decimal", (10,), "Tenth"),
    ("2 - Negative Responses", "2 -", "decimal", (2,), "Negative Responses"),  # a dash sets the title off
    ("2 Data Types", "2", "decimal", (2,), "Data Types"),  # undotted, before a capital
    ("6 SNMPv3 Framework", "6", "decimal", (6,), "SNMPv3 Framework"),  # its first word whole
    ("11 Editor's Addresses", "11", "decimal", (11,), "Editor's Addresses"),
    ("2.1 - Name Error", "2.1", "decimal", (2, 1), "Name Error"),
    ("1) First", "1)", "decimal-paren", (1,), "First"),
    ("(1) The community", "(1)", "paren-decimal", (1,), "The community"),
    ("（2）全角括号", "（2）", "paren-decimal", (2,), "全角括号"),
    ("(10) Adhere", "(10)", "paren-decimal", (10,), "Adhere"),
    ("IV. Results", "IV.", "roman-upper", (4,), "Results"),
    ("iv. results", "iv.", "roman-lower", (4,), "results"),
    ("(iii) third", "(iii)", "paren-roman-lower", (3,), "third"),
    ("A. Alpha", "A.", "alpha-upper", (1,), "Alpha"),
    ("b. beta", "b.", "alpha-lower", (2,), "beta"),
    ("(a) item", "(a)", "paren-alpha-lower", (1,), "item"),
    ("c) item", "c)", "alpha-lower-paren", (3,), "item"),
    ("A.1 Sub", "A.1", "alpha-decimal", (1, 1), "Sub"),
    ("B.2.3 Deeper", "B.2.3", "alpha-decimal", (2, 2, 3), "Deeper"),
    ("Chapter 3", "Chapter 3", "chapter", (3,), ""),
    ("Chapter 3: Methods", "Chapter 3:", "chapter", (3,), "Methods"),
    ("CHAPTER III", "CHAPTER III", "chapter", (3,), ""),
    ("CHAPTER IX. THE END", "CHAPTER IX.", "chapter", (9,), "THE END"),
    ("Chapter One", "Chapter One", "chapter", (1,), ""),
    ("Section 2 Terms", "Section 2", "section", (2,), "Terms"),
    ("Part II", "Part II", "part", (2,), ""),
    ("Appendix A. Examples", "Appendix A.", "appendix", (1,), "Examples"),
    ("Appendix A.1  Header checks", "Appendix A.1", "alpha-decimal", (1, 1), "Header checks"),
    ("Kapitel 2. Projektleitung", "Kapitel 2.", "chapter", (2,), "Projektleitung"),
    ("Глава 3. Выпуски", "Глава 3.", "chapter", (3,), "Выпуски"),
    ("Anhang A. Das Manifest", "Anhang A.", "appendix", (1,), "Das Manifest"),
    ("Annexe B. Exemples", "Annexe B.", "appendix", (2,), "Exemples"),
    ("Capítol 5. Arrencada", "Capítol 5.", "chapter", (5,), "Arrencada"),
    ("Κεφάλαιο 2. Απαιτήσεις", "Κεφάλαιο 2.", "chapter", (2,), "Απαιτήσεις"),
    ("Cap. 2. Cerințele", "Cap. 2.", "chapter", (2,), "Cerințele"),
    ("Bab 2. Persyaratan Sistem", "Bab 2.", "chapter", (2,), "Persyaratan Sistem"),
    ("Apêndice B. Automatizar", "Apêndice B.", "appendix", (2,), "Automatizar"),
    ("Lampiran F. Lisensi", "Lampiran F.", "appendix", (6,), "Lisensi"),
    ("付録A インストール Howto", "付録A", "appendix", (1,), "インストール Howto"),
    ("2장. 리더", "2장.", "cjk-chapter", (2,), "리더"),
    ("부록 A. 선언문", "부록 A.", "appendix", (1,), "선언문"),
    ("Annex B", "Annex B", "appendix", (2,), ""),
    ("§ 3 Definitions", "§ 3", "section-sign", (3,), "Definitions"),
    ("§3.2 Scope", "§3.2", "section-sign", (3, 2), "Scope"),
    ("一、总则", "一、", "cjk-dun", (1,), "总则"),
    ("十二、附则", "十二、", "cjk-dun", (12,), "附则"),
    ("（一）工作原则", "（一）", "cjk-paren", (1,), "工作原则"),
    ("(三)主要任务", "(三)", "cjk-paren", (3,), "主要任务"),
    ("第三章 总则", "第三章", "cjk-chapter", (3,), "总则"),
    ("第二十一章", "第二十一章", "cjk-chapter", (21,), ""),
    ("第3节 方法", "第3节", "cjk-section", (3,), "方法"),
    ("第十条 内容", "第十条", "cjk-article", (10,), "内容"),
    ("第一百零五条", "第一百零五条", "cjk-article", (105,), ""),
    ("第二部分 实践", "第二部分", "cjk-part", (2,), "实践"),
    ("3、要求", "3、", "decimal-dun", (3,), "要求"),
    ("章 1. GNU/Linux 教學", "章 1.", "cjk-chapter", (1,), "GNU/Linux 教學"),
    ("附录 B. 参考", "附录 B.", "appendix", (2,), "参考"),
]


@pytest.mark.parametrize(("text", "label", "scheme", "values", "title"), CASES, ids=[c[0] for c in CASES])
def test_parse(text: str, label: str, scheme: str, values: tuple[int, ...], title: str) -> None:
    parsed = parse(text)
    assert parsed is not None
    number, rest = parsed
    assert (number.label, number.scheme, number.values, rest) == (label, scheme, values, title)


@pytest.mark.parametrize(
    "text",
    [
        "(November 2022)",
        "1.051 billion",
        "5G base stations",
        "2022. The year",
        "e.g. this",
        "IPv6 support",
        "Beidou-3 system",
        "3.0451 percent",
        "(2022)",
        "",
        "   ",
        "Mr. Smith",
        "Contents",
        "5.0.0",  # a release heading of a changelog
        "4.3.0 RC2",
        "3.0.0 (Chiastic Slide)",
        "Part C",  # after "Part A" and "Part B": a letter, not Part 100
        "Capx 5 Frobs",
    ],
)
def test_not_a_number(text: str) -> None:
    assert parse(text) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1. A", "2."),
        ("2.3 A", "2.4"),
        ("(5) A", "(6)"),
        ("IV. A", "V."),
        ("iv. a", "v."),
        ("A. A", "B."),
        ("(a) a", "(b)"),
        ("A.1 A", "A.2"),
        ("Chapter 3", "Chapter 4"),
        ("CHAPTER III", "CHAPTER IV"),
        ("Chapter One", "Chapter Two"),
        ("Appendix A. X", "Appendix B."),
        ("§ 3 X", "§ 4"),
        ("一、X", "二、"),
        ("（九）X", "（十）"),
        ("第三章 X", "第四章"),
        ("第3节", "第4节"),
        ("第十条", "第十一条"),
    ],
)
def test_next_label(text: str, expected: str) -> None:
    parsed = parse(text)
    assert parsed is not None
    n = parsed[0]
    assert format_label(n, (*n.values[:-1], n.values[-1] + 1)) == expected


@pytest.mark.parametrize(
    ("text", "value"),
    [("i", 1), ("iv", 4), ("IX", 9), ("xlii", 42), ("MCMXC", 1990), ("iiii", None), ("vx", None), ("abc", None)],
)
def test_roman(text: str, value: int | None) -> None:
    assert roman_value(text) == value


@pytest.mark.parametrize(
    ("text", "value"),
    [("一", 1), ("十", 10), ("十一", 11), ("二十", 20), ("二十三", 23), ("一百零五", 105), ("两", 2), ("12", 12)],
)
def test_chinese(text: str, value: int) -> None:
    assert chinese_value(text) == value


@pytest.mark.parametrize(
    ("labels", "levels"),
    [
        (["1. a", "(1) b", "(2) c", "2. d", "(1) e"], [1, 2, 2, 1, 2]),
        (["Chapter 1. X", "1.1. y", "1.2 z", "Chapter 2", "2.1 w"], [1, 2, 2, 1, 2]),
        (["1. a", "1.1 b", "1.1.1 c", "Appendix A. x", "A.1 y"], [1, 2, 3, 1, 2]),
        (["一、总则", "（一）原则", "1. 细则", "（二）任务", "二、附则"], [1, 2, 3, 2, 1]),
        (["Part I", "Chapter 1", "1.1 a", "Chapter 2", "Part II"], [1, 2, 3, 2, 1]),
        (["1. a", "1.1 b", "1.1.1 c", "2. d", "I. e", "II. f", "3. g"], [1, 2, 3, 1, 2, 2, 1]),
        (["1. a", "1.1 b", "2. c", "A. d", "B. e", "3. f"], [1, 2, 1, 2, 2, 1]),
    ],
    ids=[
        "white-paper",
        "docbook",
        "rfc-appendix",
        "chinese",
        "book-parts",
        "steps-under-a-chapter",
        "letters-in-a-section",
    ],
)
def test_levels(labels: list[str], levels: list[int]) -> None:
    numbers = resolve_letters([parse(s)[0] for s in labels])  # type: ignore[index]
    assert infer_levels(numbers) == levels


def test_letters_read_in_sequence() -> None:
    numbers = resolve_letters([parse(s)[0] for s in ["A. a", "B. b", "C. c", "D. d"]])  # type: ignore[index]
    assert [n.scheme for n in numbers if n] == ["alpha-upper"] * 4
    numbers = resolve_letters([parse(s)[0] for s in ["I. a", "II. b", "III. c"]])  # type: ignore[index]
    assert [n.values for n in numbers if n] == [(1,), (2,), (3,)]
    # "H. ... I." continues the letters
    numbers = resolve_letters([parse(s)[0] for s in ["G. g", "H. h", "I. i", "J. j"]])  # type: ignore[index]
    assert [n.values[0] for n in numbers if n] == [7, 8, 9, 10]
