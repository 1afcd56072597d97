"""Writing systems: weighted letter counts per script, and runs of one script inside a text."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from outlint.lazyre import lazy

# One alternation of script runs: finditer walks words/runs, never single characters in Python.
_SCRIPTS = (
    ("han", "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002fa1f"),
    ("kana", "\u3040-\u309f\u30a0-\u30ff\u31f0-\u31ff"),
    ("hangul", "\uac00-\ud7af\u1100-\u11ff\u3130-\u318f"),
    ("latin", "A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u1e00-\u1eff"),
    ("cyrillic", "\u0400-\u04ff"),
    ("greek", "\u0370-\u03ff"),
    ("arabic", "\u0600-\u06ff\u0750-\u077f"),
    ("hebrew", "\u0590-\u05ff"),
    ("devanagari", "\u0900-\u097f"),
    ("thai", "\u0e00-\u0e7f"),
)
CHARS = dict(_SCRIPTS)
_RUN_RE = lazy("|".join(f"(?P<{name}>[{chars}]+)" for name, chars in _SCRIPTS))
# Han and kana carry about two Latin letters' worth of text each.
_WEIGHT = {"han": 2, "kana": 2, "hangul": 2}
CJK = frozenset(_WEIGHT)
LANG_OF_SCRIPT = {
    "han": "zh",
    "kana": "ja",
    "hangul": "ko",
    "latin": "en",
    "cyrillic": "ru",
    "greek": "el",
    "arabic": "ar",
    "hebrew": "he",
    "devanagari": "hi",
    "thai": "th",
}
SCRIPT_OF_LANG = {v: k for k, v in LANG_OF_SCRIPT.items()}
# Latin-script languages all share the "latin" script for the script-based checks.
for _tag in ("fr", "de", "es", "it", "pt", "nl", "sv", "da", "no", "fi", "pl", "cs", "tr", "id", "vi", "ro"):
    SCRIPT_OF_LANG[_tag] = "latin"

# A letter of a CJK script (kana, han, hangul), the one class the rules share: compiled when first used
CJK_LETTER = lazy("[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")

_TOKEN = re.compile(r"\S+")
_INLINE_CODE = re.compile(r"`[^`]*`")  # linear: each backtick is scanned up to the next one only
_CODE_CHARS = frozenset("/\\_=<>{}$@#")
_FILE_NAME = re.compile(r"[\w+-]+\.[a-z]{1,4}")
# A dotted name: a host, a module, an object identifier ("some.host.name", "interfaces.ifTable").
_DOTTED_NAME = re.compile(r"\w++(?:\.\w++)++")
_WIDE_CHARS = "\u3000-\u9fff\uac00-\ud7af\uff00-\uffef"  # CJK letters and punctuation
_WIDE = lazy(f"[{_WIDE_CHARS}]")
# In text with CJK in it, a token ends where CJK text starts or stops: CJK writes no spaces, so a
# path or a name glued to a CJK clause ("ibus-1.5.7.src.rpm”这样的") is a token of its own.
_PIECE = lazy(f"[{_WIDE_CHARS}]++|[^\\s{_WIDE_CHARS}]++")


def _link(token: str) -> bool:
    return "://" in token or token.startswith("www.") or ("@" in token and "." in token.rpartition("@")[2])


def _codeish(token: str) -> bool:
    """A path, an identifier, a setting, a man-page reference or a hyphenated name: not prose."""
    if not token.isascii() and _WIDE.search(token):
        # CJK text has no spaces: the token is a clause ("20年：相變光碟儲存（CD-RW）"), not a name,
        # also with an identifier in it ("パディングエラーを示すbad_record_macを使用しなければならない。")
        return False
    if any(c in _CODE_CHARS for c in token):
        return True
    bare = token.strip(",;:()[]\"'")
    if _FILE_NAME.fullmatch(bare):
        return True  # a file's name: "skk.el", "README.md", "pobox.com"
    if any(c.isalpha() for c in bare) and (_DOTTED_NAME.fullmatch(bare.rstrip(".")) or any(c.isdigit() for c in bare)):
        # a dotted name ("some.host.name", "interfaces.ifTable"), or letters and digits in one
        # token, an identifier ("cust1", "0x7fffffff", "tty3"); not a section's number ("9.6.3")
        return True
    bare = token.rstrip(",;:.")
    if bare.endswith(")") and "(" in bare:
        inner = bare[bare.rindex("(") + 1 : -1]
        if inner.isdigit() or not inner:
            return True  # apt(8), main(), "cron(8)," in a list of references
    if "-" not in token:
        return False
    return any(a.isalnum() and b == "-" and c.isalnum() for a, b, c in zip(token, token[1:], token[2:], strict=False))


def _blank(text: str, drop: object) -> str:
    """``text`` with inline code and every token ``drop`` accepts replaced by spaces, offsets kept."""
    if "`" in text:
        text = _INLINE_CODE.sub(lambda m: " " * len(m.group()), text)
    parts = []
    last = 0
    for m in (_PIECE if _WIDE.search(text) else _TOKEN).finditer(text):
        if drop(m.group()):  # type: ignore[operator]
            parts.append(text[last : m.start()])
            parts.append(" " * (m.end() - m.start()))
            last = m.end()
    if not parts:
        return text
    parts.append(text[last:])
    return "".join(parts)


def without_links(text: str) -> str:
    """URLs, e-mail addresses and `inline code` blanked out: they are not text in any language."""
    return _blank(text, _link)


def without_names(text: str) -> str:
    """Links and file names blanked out (offsets kept), whole: a sentence's full stop after a name
    stays."""
    return _blank(text, lambda t: _link(t) or bool(_FILE_NAME.fullmatch(t)))


def without_code(text: str) -> str:
    """Links, paths and identifiers blanked out (offsets kept): what is left is words of a language."""
    return _blank(text, lambda t: _link(t) or _codeish(t))


@dataclass(frozen=True, slots=True)
class Profile:
    """Weighted letter counts per script of one text."""

    counts: tuple[tuple[str, int], ...]
    main: str | None = None  # the script with the most letters, set by profile()

    @property
    def total(self) -> int:
        return sum(c for _, c in self.counts)

    def share(self, script: str) -> float:
        total = self.total
        return dict(self.counts).get(script, 0) / total if total else 0.0

    def weight(self, script: str) -> int:
        return dict(self.counts).get(script, 0)


_LINK_MARK = re.compile(r"@|://|www\.")
_SPACE = re.compile(r"\s")
_ASCII_RUNS = re.compile(r"[\x00-\x7f]+")
_NOT_LETTER_BYTES = bytes(b for b in range(256) if not chr(b).isascii() or not chr(b).isalpha())


def profile(text: str) -> Profile:
    """Letters per script, links and inline code left out; kana with han is Japanese, all of it."""
    if "@" in text or "`" in text or (":" in text and "://" in text):  # one-character tests first: faster
        if text.isascii():  # the letters less those of the links: no text is rebuilt
            return _latin(_ascii_letters(text))
        text = without_links(text)
    if text.isascii():
        return _latin(_letters(text))
    counts: Counter[str] = Counter()
    # ASCII letters are Latin: counted in C; only the other characters are walked run by run
    ascii_letters = len(text.encode("ascii", "ignore").translate(None, _NOT_LETTER_BYTES))
    if ascii_letters:
        counts["latin"] = ascii_letters
    for m in _RUN_RE.finditer(_ASCII_RUNS.sub("", text)):
        script = m.lastgroup or "latin"
        counts[script] += (m.end() - m.start()) * _WEIGHT.get(script, 1)
    if counts.get("kana") and counts.get("han"):
        counts["kana"] += counts.pop("han")
    items = tuple(sorted(counts.items()))
    return Profile(items, max(items, key=lambda kv: kv[1])[0] if items else None)


def _letters(text: str) -> int:
    return len(text.encode("ascii").translate(None, _NOT_LETTER_BYTES))


def _ascii_letters(text: str) -> int:
    """The letters of ASCII text once ``without_links`` has blanked its inline code and links."""
    if "`" in text:
        text = _INLINE_CODE.sub(" ", text)  # blanks have no letters: their length does not matter
    dropped = "".join(t for t in _link_tokens(text) if _link(t))
    return _letters(text) - (_letters(dropped) if dropped else 0)


def _link_tokens(text: str) -> list[str]:
    """The tokens ``_link`` may accept (with ``@`` or ``://``, or starting with ``www.``): each
    found from a mark in it, then widened to its whitespace; a token is taken once."""
    out = []
    end = -1
    for m in _LINK_MARK.finditer(text):
        at = m.start()
        if at < end:
            continue  # a second mark in a token already taken
        start = at
        while start and not text[start - 1].isspace():
            start -= 1
        if start != at and m.group() == "www.":
            continue  # "www." inside a token: the token is tried for its other marks, if any
        after = _SPACE.search(text, m.end())
        end = after.start() if after else len(text)
        out.append(text[start:end])
    return out


@lru_cache(maxsize=4096)
def _latin(letters: int) -> Profile:
    """The profile of ASCII text, shared (profiles are frozen): a long document has one per paragraph."""
    return Profile((("latin", letters),), "latin") if letters else Profile(())


def first_script(text: str) -> str | None:
    """The script of the first letter of ``text``."""
    m = _RUN_RE.search(text)
    return m.lastgroup if m else None


def last_script(text: str) -> str | None:
    """The script of the last letter of ``text``."""
    last = None
    for last in _RUN_RE.finditer(text):  # noqa: B007 (the loop runs to the last run of letters)
        pass
    return last.lastgroup if last else None


def language_of(script: str | None) -> str | None:
    return LANG_OF_SCRIPT.get(script) if script else None


# The letters of each CJK script's writing (Japanese writes with kana and han alike).
_WRITING = {script: lazy(f"[{CHARS[script]}]") for script in CJK}
_WRITING["kana"] = lazy(f"[{CHARS['kana']}{CHARS['han']}]")
_ASCII_LETTER = re.compile("[A-Za-z]")


def embedded(text: str, script: str) -> bool:
    """Whether a letter of ``script`` sits between Latin letters on one line: a sentence in that
    script with names and terms in it ("bash は IEEE POSIX specification の Shell and"), not a
    line of another language (whose own words never carry particles of the document's)."""
    chars = _WRITING.get(script)
    first = _ASCII_LETTER.search(text) if chars is not None else None
    if chars is None or first is None:
        return False
    last = max(m.start() for m in _ASCII_LETTER.finditer(text, first.start()))
    return chars.search(text, first.end(), last) is not None


def same_writing(script: str | None, main: str | None) -> bool:
    """Whether text in ``script`` belongs to a document written in ``main``: the same script, or
    kanji-only text (``概要``) in a Japanese document, which writes with han and kana alike."""
    return script == main or (script == "han" and main == "kana")


_JOINERS = {
    "latin": r"[\s\d,.;:!?\"'()/&-]+",
    "other": r"[\s\d\u3000-\u303f\uff00-\uffef,.;:!?\"'()“”‘’《》「」·—-]+",
}
_RUN_CACHE: dict[str, re.Pattern[str]] = {}


def _run_pattern(script: str) -> re.Pattern[str]:
    pat = _RUN_CACHE.get(script)
    if pat is None:
        chars = CHARS[script]
        joiner = _JOINERS["latin" if script == "latin" else "other"]
        # letters and joiners are disjoint classes, each run taken whole: no backtracking
        pat = re.compile(f"[{chars}]+(?:{joiner}[{chars}]+)*")
        _RUN_CACHE[script] = pat
    return pat


# Latin words a CJK sentence carries between its own (names, commands: "是 Debian 软件包管理中最底层
# 的工具。"): a gap of at most this many, with no sentence end in it, keeps the sentence one run.
NAMES_IN_SENTENCE = 2
_CJK_SENTENCE_END = frozenset("。！？")
_SENTENCE_END_IN = re.compile(r"[.!?。！？]")


def foreign_runs(text: str, script: str, min_weight: int, sentences: bool = False) -> list[tuple[int, int]]:
    """Spans (start, end) of runs of ``script`` inside text, words joined across spaces and punctuation.

    With ``sentences`` (CJK scripts), the runs of one sentence are joined across the few Latin
    names it carries, and a run that ends its sentence with a CJK full stop counts from half
    ``min_weight``: a whole sentence, however short, is no gloss of a name."""
    weight = _WEIGHT.get(script, 1)
    if script == "latin":
        text = without_code(text)  # links, paths and identifiers are not English prose
    letters_re = re.compile(f"[{CHARS[script]}]+")
    spans = [(m.start(), m.end()) for m in _run_pattern(script).finditer(text)]
    if sentences and script != "latin":
        spans = _joined(text, spans)
    out = []
    for start, end in spans:
        letters = sum(len(x) for x in letters_re.findall(text, start, end))
        least = min_weight
        if sentences and script != "latin" and text[end : end + 1] in _CJK_SENTENCE_END:
            least = min_weight // 2
        if letters * weight < least:
            continue
        if script == "latin" and len(text[start:end].split()) < 4:
            continue  # a name or a term, however long, is not a sentence left untranslated
        out.append((start, end))
    return out


def _joined(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Runs of one sentence joined across a few Latin words (see ``NAMES_IN_SENTENCE``)."""
    out: list[tuple[int, int]] = []
    for start, end in spans:
        if out:
            gap = text[out[-1][1] : start]
            if len(gap.split()) <= NAMES_IN_SENTENCE and len(gap) <= 40 and not _SENTENCE_END_IN.search(gap):
                out[-1] = (out[-1][0], end)
                continue
        out.append((start, end))
    return out
