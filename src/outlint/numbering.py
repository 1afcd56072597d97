"""Parse heading numbers ("2.3", "(5)", "IV.", "A.1", "一、", "（一）", "第三章", "Chapter 3") into Number."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from outlint.model import Number

_ROMAN = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100, "d": 500, "m": 1000}
_CN_DIGITS = {
    "零": 0,
    "〇": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
_CN_UNITS = {"十": 10, "百": 100, "千": 1000}
_WORDS = {
    w: i
    for i, w in enumerate(
        [
            "zero",
            "one",
            "two",
            "three",
            "four",
            "five",
            "six",
            "seven",
            "eight",
            "nine",
            "ten",
            "eleven",
            "twelve",
            "thirteen",
            "fourteen",
            "fifteen",
            "sixteen",
            "seventeen",
            "eighteen",
            "nineteen",
            "twenty",
        ]
    )
}
_ORDINALS = {
    w: i
    for i, w in enumerate(
        "zeroth first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth".split()
    )
}
_WORD_SCHEMES = {
    "chapter": "chapter",
    "section": "section",
    "part": "part",
    "book": "book",
    "appendix": "appendix",
    "annex": "appendix",
    "article": "article",
    "lesson": "lesson",
    "unit": "unit",
    # the same words in the languages DocBook and Sphinx translate their labels into
    "kapitel": "chapter",
    "chapitre": "chapter",
    "capitolo": "chapter",
    "capítulo": "chapter",
    "hoofdstuk": "chapter",
    "rozdział": "chapter",
    "глава": "chapter",
    "anhang": "appendix",
    "annexe": "appendix",
    "appendice": "appendix",
    "apéndice": "appendix",
    "anexo": "appendix",
    "bijlage": "appendix",
    "dodatek": "appendix",
    "приложение": "appendix",
    "capítol": "chapter",
    "capitolul": "chapter",
    "cap.": "chapter",
    "kapitola": "chapter",
    "κεφάλαιο": "chapter",
    "bab": "chapter",
    "apèndix": "appendix",
    "apêndice": "appendix",
    "anexa": "appendix",
    "bilaga": "appendix",
    "příloha": "appendix",
    "παράρτημα": "appendix",
    "lampiran": "appendix",
}
# the words above as one alternation, longest first ("annexe" before "annex")
# one-letter Roman numerals too large to number a chapter, a part or a book: letters there
_BIG_ROMAN = frozenset("CDM")
_LABEL_WORDS = "|".join(re.escape(w) for w in sorted(_WORD_SCHEMES, key=len, reverse=True))
_CN_SUFFIX = {
    "章": "cjk-chapter",
    "节": "cjk-section",
    "節": "cjk-section",
    "条": "cjk-article",
    "條": "cjk-article",
    "部分": "cjk-part",
    "编": "cjk-part",
    "篇": "cjk-part",
    "款": "cjk-clause",
    "部": "cjk-part",
    "卷": "cjk-book",
    "课": "cjk-lesson",
}

_CN_NUM = "[零〇一二两三四五六七八九十百千]+"
_SPACE = r"[ \t\u3000]"

# Each pattern matches the label at the start of a stripped line; group "rest" is the title.
_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("cjk-dun", re.compile(rf"(?P<n>{_CN_NUM})[、．]{_SPACE}*(?P<rest>.*)")),
    ("cjk-paren", re.compile(rf"[（(](?P<n>{_CN_NUM})[）)][、．]?{_SPACE}*(?P<rest>.*)")),
    (
        "cjk-ordinal",
        re.compile(
            rf"第{_SPACE}*(?P<n>{_CN_NUM}|\d+){_SPACE}*(?P<suf>章|节|節|条|條|部分|编|篇|款|部|卷|课)(?:{_SPACE}+|[、:：．.]{_SPACE}*|(?=\S)|$)(?P<rest>.*)"
        ),
    ),
    # DocBook's Chinese, Japanese and Korean rendering of "Chapter 1." and "Appendix A.": 章 1. /
    # 附录 A. / 付録A / 2장. / 부록 A.
    (
        "cjk-word",
        re.compile(
            rf"(?P<word>章|附录|附錄|付録|부록){_SPACE}*(?P<n>[1-9]\d{{0,4}}|[A-Z])\.?(?:{_SPACE}+|$)(?P<rest>.*)"
        ),
    ),
    ("cjk-word", re.compile(rf"(?P<n>[1-9]\d{{0,4}})(?P<word>장)\.?(?:{_SPACE}+|$)(?P<rest>.*)")),
    ("decimal-dun", re.compile(rf"(?P<n>[1-9]\d{{0,4}})、{_SPACE}*(?P<rest>.*)")),
    (
        "section-sign",
        re.compile(rf"§{_SPACE}*(?P<n>[1-9]\d{{0,4}}(?:\.[1-9]\d{{0,4}})*)\.?(?:{_SPACE}+(?P<rest>.*)|$)"),
    ),
    (
        "word",
        re.compile(
            # (a label doubled by a stylesheet, "Part Part 1. Introduction", is the label once)
            rf"(?P<word>{_LABEL_WORDS})\s+(?:(?P=word)\s+)?"
            # "Appendix A.1": a section of an appendix, as a contents often spells it out
            r"(?P<n>[1-9]\d{0,4}(?:\.[1-9]\d{0,4})*|[a-z](?:\.[1-9]\d{0,4})+(?=[.\s]|$)|[ivxlcdm]+|[a-z]|"
            r"one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|"
            r"fifteen|sixteen|seventeen|eighteen|nineteen|twenty|"
            # "Book the Second", "Part First": parts of books are counted in ordinals
            r"(?:the\s+)?(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth))\b"
            r"(?:\s*(?:[.:\u2014\u2013]|-{1,2})\s*|\s+|$)(?P<rest>.*)",
            re.IGNORECASE,
        ),
    ),
    (
        "paren",
        re.compile(
            r"[（(](?P<n>[1-9]\d{0,4}|[ivxlcdm]{1,6}|[a-zA-Z])[）)](?:\s+|(?<=）)|(?=[^\x00-\x7f]))(?P<rest>\S.*)"
        ),
    ),
    # (dotted too: "1.1) What is Anope?" under "1) General", as FAQs number their questions)
    (
        "right-paren",
        re.compile(r"(?P<n>[1-9]\d{0,4}(?:\.[1-9]\d{0,4})+|[1-9]\d{0,4}|[ivxlcdm]{1,6}|[a-zA-Z])\)\s+(?P<rest>\S.*)"),
    ),
    ("alpha-decimal", re.compile(r"(?P<n>[A-Z](?:\.[1-9]\d{0,4})+)\.?(?:\s+(?P<rest>\S.*)|$)")),
    # "2 - Negative Responses", "2.1 - Name Error": a number set off from its title by a dash
    (
        "dashed",
        re.compile(r"(?P<n>[1-9]\d{0,4}(?:\.(?:[1-9]\d{0,4}|0))*)\.?[ \t]+[-\u2013\u2014][ \t]+(?P<rest>[A-Z\"'(].*)"),
    ),
    # (counted from zero too: "0. NOTICE", "0.1 Scope")
    ("dotted", re.compile(r"(?P<n>(?:[1-9]\d{0,4}|0)(?:\.(?:[1-9]\d{0,4}|0))+)\.?(?:\s+(?P<rest>\S.*)|$)")),
    # one number and a dot; four digits only outside the years 1500-2199 ("2022. The year")
    (
        "dot",
        re.compile(
            r"(?P<n>0|[1-9]\d{0,2}|1[0-4]\d\d|2[2-9]\d\d|[3-9]\d{3}|[1-9]\d{4}|[IVXLCDM]{1,7}|[ivxlcdm]{1,7}|[A-Za-z])"
            r"\.(?:\s+(?P<rest>\S.*)|$)"
        ),
    ),
    # "2 Data Types", "2 XML Settings": an undotted chapter number, only before a capital, or a
    # name with a capital inside ("3 pySerial API", "4 iOS Support")
    # (its first word whole: "2 SNMPv3 Framework", "11 Editor's Addresses")
    ("bare", re.compile(r"(?P<n>[1-9]\d?)[ \t]+(?P<rest>[a-z]{0,3}[A-Z][^\s:,]*+(?:[\s:,].*)?)")),
]


def roman_value(text: str) -> int | None:
    """Value of a Roman numeral in canonical form, else None."""
    s = text.lower()
    if not s or any(c not in _ROMAN for c in s):
        return None
    total = 0
    for a, b in zip(s, s[1:] + " ", strict=True):
        v = _ROMAN[a]
        total += -v if b != " " and _ROMAN[b] > v else v
    return total if 0 < total < 4000 and to_roman(total) == s else None


def to_roman(n: int) -> str:
    out = []
    for v, sym in (
        (1000, "m"),
        (900, "cm"),
        (500, "d"),
        (400, "cd"),
        (100, "c"),
        (90, "xc"),
        (50, "l"),
        (40, "xl"),
        (10, "x"),
        (9, "ix"),
        (5, "v"),
        (4, "iv"),
        (1, "i"),
    ):
        while n >= v:
            out.append(sym)
            n -= v
    return "".join(out)


def chinese_value(text: str) -> int | None:
    """Value of a Chinese numeral such as 三, 十一, 二十三, 一百零五."""
    if text.isdigit():
        return int(text)
    total, current = 0, 0
    for ch in text:
        if ch in _CN_DIGITS:
            current = current * 10 + _CN_DIGITS[ch] if current and ch not in "零〇" else _CN_DIGITS[ch]
        elif ch in _CN_UNITS:
            total += (current or 1) * _CN_UNITS[ch]
            current = 0
        else:
            return None
    value = total + current
    return value or None


def to_chinese(n: int) -> str:
    digits = "零一二三四五六七八九"
    if n < 10:
        return digits[n]
    if n < 20:
        return "十" + (digits[n % 10] if n % 10 else "")
    if n < 100:
        return digits[n // 10] + "十" + (digits[n % 10] if n % 10 else "")
    return str(n)


def _atom(text: str) -> tuple[str, int] | None:
    """Classify one label atom: ('decimal'|'roman-upper'|'roman-lower'|'alpha-upper'|'alpha-lower', value)."""
    if text.isdigit():
        return "decimal", int(text)
    low = text.lower()
    if low in _WORDS:
        return "decimal", _WORDS[low]
    ordinal = low.removeprefix("the").strip()
    if ordinal in _ORDINALS:
        return "decimal", _ORDINALS[ordinal]
    if len(text) == 1 and text.isalpha() and text.lower() not in "ivx":
        return ("alpha-upper" if text.isupper() else "alpha-lower"), ord(low) - 96
    value = roman_value(text)
    if value is not None and (text.isupper() or text.islower()):
        return ("roman-upper" if text.isupper() else "roman-lower"), value
    if len(text) == 1 and text.isalpha():
        return ("alpha-upper" if text.isupper() else "alpha-lower"), ord(low) - 96
    return None


# Every label starts like this; most lines of prose do not, and skip the patterns at once.
_MAYBE = re.compile(
    r"[\d(（第§零〇一二三四五六七八九十百千两章附付부]|[A-Za-z]{1,7}[.)]|[A-Z](?:\.\d)|"
    rf"(?:{_LABEL_WORDS})\s",
    re.IGNORECASE,
)


# Numbers made of nines that some series give the section they keep last ("99. Future
# compatibility", "1.99 Acknowledgments" in the X protocol documents): a place, not a gap.
LAST_PLACE = frozenset({99, 999})


@lru_cache(maxsize=4096)
def parse(line: str) -> tuple[Number, str] | None:
    """Split a heading line into its Number and title; None when it does not start with a number."""
    s = line.strip()
    if not s or not _MAYBE.match(s):
        return None
    for kind, pattern in _PATTERNS:
        m = pattern.match(s)
        if m is None:
            continue
        rest = (m.group("rest") or "").strip()
        n = m.group("n")
        label = s[: m.start("rest")].strip() if m.group("rest") is not None else s
        if kind in ("cjk-dun", "cjk-paren"):
            value = chinese_value(n)
            if value is None:
                continue
            return Number(label, kind, (value,)), rest
        if kind == "cjk-ordinal":
            value = chinese_value(n)
            if value is None:
                continue
            return Number(label, _CN_SUFFIX[m.group("suf")], (value,)), rest
        if kind == "cjk-word":
            value = int(n) if n.isdigit() else ord(n) - 64
            return Number(label, "cjk-chapter" if m.group("word") in ("章", "장") else "appendix", (value,)), rest
        if kind == "decimal-dun":
            return Number(label, "decimal-dun", (int(n),)), rest
        if kind == "section-sign":
            return Number(label, "section-sign", tuple(int(p) for p in n.split("."))), rest
        if kind == "word":
            scheme = _WORD_SCHEMES[m.group("word").lower()]
            if "." in n and n[0].isalpha():
                if scheme != "appendix":
                    continue
                head, *tail = n.upper().split(".")
                return Number(label, "alpha-decimal", (ord(head) - 64, *(int(p) for p in tail))), rest
            if "." in n:
                return Number(label, scheme, tuple(int(p) for p in n.split("."))), rest
            if scheme == "appendix" and len(n) == 1 and n.isalpha():
                return Number(label, scheme, (ord(n.lower()) - 96,)), rest  # Appendix C: a letter
            atom = _atom(n)
            # "CHAPTER L.": chapters, parts and books are numbered, not lettered; but "Part C" and
            # "Part D" go on from "Part B", not from Part 99
            lone_letter = len(n) == 1 and n.upper() in _BIG_ROMAN
            if atom is not None and atom[0].startswith("alpha") and roman_value(n) is not None and not lone_letter:
                atom = ("roman-upper" if n.isupper() else "roman-lower", roman_value(n) or 0)
            if atom is None:
                continue
            if atom[0].startswith("alpha") and scheme != "appendix":
                continue
            return Number(label, scheme, (atom[1],)), rest
        if kind == "alpha-decimal":
            head, *tail = n.split(".")
            return Number(label, "alpha-decimal", (ord(head) - 64, *(int(p) for p in tail))), rest
        if kind == "dashed":
            dot = s[m.end("n") : m.end("n") + 1] == "."
            if dot or "." in n:
                label = n + "." * dot  # "2.1", "2.": the dash is layout
            # (an undotted "2 -" keeps its dash: with it, it is no bare number opening a table's row)
        if kind in ("dotted", "bare", "dashed"):
            values = tuple(int(p) for p in n.split("."))
            if len(values) > 2 and values[-1] == 0:
                return None  # "5.0.0", "4.3.0 RC2": a release, as changelogs head them, not a section
            if len(values) == 2 and values[-1] == 0:
                values = values[:-1]  # "2.0 IPv6 ADDRESSING" is chapter 2, written as RFCs once did
            return Number(label, "decimal", values), rest
        if kind == "right-paren" and "." in n:
            return Number(label, "decimal", tuple(int(p) for p in n.split("."))), rest  # a dotted section number
        atom = _atom(n)
        if atom is None:
            continue
        if kind == "paren" and n in "cC" and rest[:1].isdigit():
            return None  # (C) 1995: a copyright sign
        base, value = atom
        if kind == "dot" and base.startswith("alpha") and len(s) > 2 and not s[2:3].isspace():
            continue
        scheme = {"paren": f"paren-{base}", "right-paren": f"{base}-paren", "dot": base}[kind]
        return Number(label, scheme, (value,)), rest
    return None


def as_alpha(number: Number) -> Number | None:
    """Reinterpret a one-letter Roman label (``I.``, ``(v)``, ``C.``) as a letter, if it is one."""
    if "roman" not in number.scheme:
        return None
    letters = [c for c in number.label if c.isalpha()]
    if len(letters) != 1:
        return None
    scheme = number.scheme.replace("roman", "alpha")
    return Number(number.label, scheme, (ord(letters[0].lower()) - 96,))


def _appendix_atom(number: Number) -> str:
    words = re.findall(r"[^\W\d_]+", number.label)
    return words[-1] if len(words) >= 2 else ""


def roman_appendices(numbers: Sequence[Number]) -> dict[int, Number]:
    """The appendix numbers (by index in ``numbers``) that read right as Roman numerals.

    Old specifications number their appendices in Roman ("APPENDIX I", "APPENDIX II"): where some
    label is a Roman numeral of two letters or more and none is a letter that is no numeral, a
    one-letter ``I``, ``V`` or ``X`` is the numeral, not the ninth, 22nd or 24th letter."""
    atoms = [_appendix_atom(n) if n.scheme == "appendix" and n.depth == 1 else "" for n in numbers]
    if not any(len(a) > 1 and roman_value(a) for a in atoms):
        return {}
    if any(len(a) == 1 and roman_value(a) is None for a in atoms):
        return {}
    return {
        k: Number(n.label, n.scheme, (roman_value(a) or 0,))
        for k, (n, a) in enumerate(zip(numbers, atoms, strict=True))
        if len(a) == 1 and roman_value(a)
    }


# Schemes of chapters whose sections are numbered on from the chapter's number ("Chapter 4." over
# "4.1."), and which a contents may list by the number alone ("4.")
CHAPTER_SCHEMES = frozenset({"chapter", "cjk-chapter"})


def family(number: Number) -> str:
    """The scheme family that decides a level: dotted schemes share one family at every depth."""
    if number.scheme == "alpha-decimal":
        return "appendix"
    return number.scheme


_ATOM_RE = re.compile(
    r"(?P<dotted>\d+(?:\.\d+)+)|(?P<digits>\d+)|(?P<cn>" + _CN_NUM + r")|"
    r"\b(?P<word>one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|"
    r"fifteen|sixteen|seventeen|eighteen|nineteen|twenty)\b|"
    r"\b(?P<ordinal>first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth)\b|"
    r"(?P<atom>\b[A-Za-z]+\b)",
    re.IGNORECASE,
)


def _render_atom(kind: str, sample: str, value: int) -> str:
    if kind == "cn":
        return to_chinese(value)
    if kind == "ordinal":
        names = list(_ORDINALS)
        word = names[value] if value < len(names) else str(value)
        return word.upper() if sample.isupper() else word.capitalize() if sample[0].isupper() else word
    if kind == "word":
        names = list(_WORDS)
        word = names[value] if value < len(names) else str(value)
        return (
            word.capitalize()
            if sample[0].isupper() and not sample.isupper()
            else (word.upper() if sample.isupper() else word)
        )
    if kind == "atom":
        if len(sample) == 1 and ("alpha" in _atom_kind(sample) or (value <= 26 and not roman_value(sample))):
            letter = chr(96 + value) if value <= 26 else str(value)
            return letter.upper() if sample.isupper() else letter
        roman = to_roman(value)
        return roman.upper() if sample.isupper() else roman
    return str(value)


def _atom_kind(sample: str) -> str:
    atom = _atom(sample)
    return atom[0] if atom else ""


def format_label(template: Number, values: tuple[int, ...]) -> str:
    """Render ``values`` in the style of ``template``: the expected label for a message."""
    label = template.label
    skip = len(label.split(" ", 1)[0]) if template.scheme in _WORD_SCHEMES.values() and " " in label else 0
    matches = [m for m in _ATOM_RE.finditer(label, skip)]
    if not matches:
        return label
    m = matches[-1]
    kind = m.lastgroup or "digits"
    if kind == "dotted" or template.scheme in ("alpha-decimal",):
        if template.scheme == "alpha-decimal":
            m = re.search(r"[A-Z](?:\.\d+)+", label) or m
            text = ".".join([chr(64 + values[0]), *(str(x) for x in values[1:])])
        else:
            text = ".".join(str(x) for x in values)
        return label[: m.start()] + text + label[m.end() :]
    if kind == "atom" and template.scheme.startswith("alpha") and len(m.group()) == 1:
        letter = chr(96 + values[-1])
        text = letter.upper() if m.group().isupper() else letter
    else:
        text = _render_atom(kind, m.group(), values[-1])
    return label[: m.start()] + text + label[m.end() :]
