"""Script counting and language identification for paragraphs, computed once per document."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from outlint.model import Document, Paragraph

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
_RUN_RE = re.compile("|".join(f"(?P<{name}>[{chars}]+)" for name, chars in _SCRIPTS))
# Han and kana carry about two Latin letters' worth of text each.
_WEIGHT = {"han": 2, "kana": 2, "hangul": 2}
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
# Latin-script languages all share the "latin" script for this script-based check.
for _tag in ("fr", "de", "es", "it", "pt", "nl", "sv", "da", "no", "fi", "pl", "cs", "tr", "id", "vi"):
    SCRIPT_OF_LANG[_tag] = "latin"
SCRIPT_OF_LANG["ja"] = "han"

# URLs, e-mail addresses and `inline code` (Markdown, and HTML <code> as readers render it) are
# not text in any language.
_URL_RE = re.compile(r"\w+://\S+|www\.\S+|\S+@\S+\.\w+|`[^`]+`")
# file paths and identifiers (apt-file, /usr/share/doc, libfoo_1.3) are not words of a language
_CODEISH_RE = re.compile(r"\S*[/\\_=<>{}$@#]\S*|\S+\(\d*\)|\S*\w-\w\S*")


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


def profile(text: str) -> Profile:
    if text.isascii():
        letters = _ascii_letters(text)
        return Profile((("latin", letters),), "latin") if letters else Profile(())
    text = _URL_RE.sub(" ", text)
    counts: Counter[str] = Counter()
    for m in _RUN_RE.finditer(text):
        script = m.lastgroup or "latin"
        counts[script] += (m.end() - m.start()) * _WEIGHT.get(script, 1)
    if counts.get("kana") and counts.get("han"):
        counts["kana"] += counts.pop("han")
    items = tuple(sorted(counts.items()))
    return Profile(items, max(items, key=lambda kv: kv[1])[0] if items else None)


_NOT_LETTER_BYTES = bytes(b for b in range(256) if not chr(b).isascii() or not chr(b).isalpha())


def _ascii_letters(text: str) -> int:
    stripped = _URL_RE.sub(" ", text) if "://" in text or "@" in text or "`" in text else text
    return len(stripped.encode("ascii").translate(None, _NOT_LETTER_BYTES))


def without_code(text: str) -> str:
    """Text with links, paths and identifiers taken out: what is left is words of a language."""
    return _CODEISH_RE.sub(" ", _URL_RE.sub(" ", text))


def language_of(script: str | None) -> str | None:
    return LANG_OF_SCRIPT.get(script) if script else None


def foreign_runs(text: str, script: str, min_weight: int) -> list[tuple[int, int]]:
    """Spans (start, end) of runs of ``script`` inside text, words joined across spaces and punctuation."""
    chars = dict(_SCRIPTS)[script]
    joiner = (
        r"[\s\d\u3000-\u303f\uff00-\uffef,.;:!?\"'()“”‘’《》「」·—-]*"
        if script != "latin"
        else r"[\s\d,.;:!?\"'()/&-]+"
    )
    run_re = _run_pattern(script, chars, joiner)
    weight = _WEIGHT.get(script, 1)
    if script == "latin":
        # blank out links, paths and identifiers, keeping offsets: they are not English prose
        text = _URL_RE.sub(lambda m: " " * len(m.group()), text)
        text = _CODEISH_RE.sub(lambda m: " " * len(m.group()), text)
    out = []
    for m in run_re.finditer(text):
        letters = sum(len(x) for x in re.findall(f"[{chars}]+", m.group()))
        if letters * weight < min_weight:
            continue
        if script == "latin" and len(m.group().split()) < 4:
            continue  # a name or a term, however long, is not a sentence left untranslated
        out.append((m.start(), m.end()))
    return out


_RUN_CACHE: dict[str, re.Pattern[str]] = {}


def _run_pattern(script: str, chars: str, joiner: str) -> re.Pattern[str]:
    pat = _RUN_CACHE.get(script)
    if pat is None:
        pat = re.compile(f"[{chars}]+(?:{joiner}[{chars}]+)*")
        _RUN_CACHE[script] = pat
    return pat


@dataclass(frozen=True, slots=True)
class Languages:
    """The document's main script and each prose block's profile, shared by several rules."""

    main_script: str | None
    main_language: str | None
    paragraphs: dict[int, Profile]  # id(Paragraph) -> profile


def analyse(doc: Document, language: str | None = None) -> Languages:
    """Profile every prose/list paragraph and heading title once; infer the main script.

    ``language`` is the expected main language (``--language``, config); else it is inferred.
    Computed once per document and expected language."""
    return doc.facts.derive(_analyse, language)


def _analyse(doc: Document, language: str | None) -> Languages:
    profiles: dict[int, Profile] = {}
    totals: Counter[str] = Counter()
    for para in iter_paragraphs(doc):
        p = profile(para.text)
        profiles[id(para)] = p
        if para.lang:
            continue  # text the author marked as another language does not decide the document's
        for script, count in p.counts:
            totals[script] += count
    main_script: str | None
    main_language: str | None
    if language:
        main_script = SCRIPT_OF_LANG.get(language.split("-")[0].lower(), "latin")
        main_language = language
    else:
        main_script = max(totals, key=lambda s: totals[s]) if totals else None
        main_language = language_of(main_script)
        declared = doc.language.split("-")[0].lower() if doc.language else None
        if declared and SCRIPT_OF_LANG.get(declared) == main_script:
            main_language = doc.language  # the author said so (HTML lang), and the text agrees
        elif main_script == "latin":
            main_language = _latin_language(iter_paragraphs(doc, ("prose",)))
    return Languages(main_script, main_language, profiles)


# The commonest words of Latin-script languages: enough to tell them apart in running prose.
_STOPWORDS = {
    tag: frozenset(words.split())
    for tag, words in {
        "en": "the and of to is in that for with are this be it as was not by",
        "fr": "le la les des est et une du que pour dans qui sur pas au aux ce",
        "de": "der die das und ist nicht ein eine mit für auf den dem sich zu von",
        "es": "el los las que del y en es por una para con no se su al",
        "pt": "o os as que do da dos das em um uma para com não é ao no na",
        "it": "il lo gli che di e è un una per con non sono del della nel",
        "nl": "het een en van is dat op te zijn niet met voor ook aan",
    }.items()
}


def _latin_language(paragraphs: Iterable[Paragraph]) -> str:
    """Which Latin-script language most of the prose is in, by its commonest words; English when
    the text says too little."""
    hits: Counter[str] = Counter()
    for n, para in enumerate(paragraphs):
        if n >= 300:
            break
        for word in para.text.lower().split():
            for tag, words in _STOPWORDS.items():
                if word in words:
                    hits[tag] += 1
    ranked = hits.most_common(2)
    if not ranked or ranked[0][1] < 20 or (len(ranked) > 1 and ranked[0][1] < 1.3 * ranked[1][1]):
        return "en"
    return ranked[0][0]


def iter_paragraphs(doc: Document, kinds: tuple[str, ...] = ("prose", "list", "quote")) -> Iterable[Paragraph]:
    for block in doc.preamble:
        if isinstance(block, Paragraph) and block.kind in kinds:
            yield block
    for h in doc.facts.headings:
        for block in h.body:
            if isinstance(block, Paragraph) and block.kind in kinds:
                yield block


def is_foreign(p: Profile, main_script: str | None, min_weight: int, share: float = 0.5) -> str | None:
    """The foreign script that dominates ``p``, if it is long enough to be more than a gloss.

    Text with a fair share of the document's own script (a fifth or more) is the document's
    language with names, commands or terms in it, not a paragraph left in another language.
    """
    if main_script is None or not p.counts:
        return None
    script = p.main
    if script is None or script == main_script:
        return None
    if p.weight(script) < min_weight or p.share(script) < share or p.share(main_script) >= 0.2:
        return None
    return script


_NAMES = {
    "zh": "Chinese",
    "ja": "Japanese",
    "ko": "Korean",
    "en": "English",
    "ru": "Russian",
    "el": "Greek",
    "ar": "Arabic",
    "he": "Hebrew",
    "hi": "Hindi",
    "th": "Thai",
    "fr": "French",
    "de": "German",
    "es": "Spanish",
    "it": "Italian",
    "pt": "Portuguese",
}


def language_name(script_or_tag: str | None) -> str:
    """A readable name with its tag, from a script or a language tag: ``Chinese (zh)``."""
    if not script_or_tag:
        return "unknown"
    tag = LANG_OF_SCRIPT.get(script_or_tag, script_or_tag)
    return f"{_NAMES.get(tag.split('-')[0], tag)} ({tag})"
