"""Which Latin-script language a block is in: the words a model may judge, and the model, loaded lazily."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from itertools import pairwise
from typing import Any

# Languages the detector chooses among when the document's language is Latin-script; a configured
# ``allow`` or main language outside this set is added to it.
CANDIDATES = ("en", "fr", "de", "es", "it", "pt", "nl")
# A block with fewer lowercase words left once names and code are out says too little to judge:
# "Debian GNU/Linux", "See apt(8)." and "Package: foo" are undetermined, never foreign.
MIN_WORDS = 3
# The model's normalised probability below which a block is undetermined (measured on dev: the
# false flags on English specifications sit below it, untranslated paragraphs above it).
MIN_CONFIDENCE = 0.7

# `inline code` (Markdown, and HTML <code> as the readers render it) and [1]-style references;
# linear: a backtick run is matched up to the next backtick, never re-scanned.
_SPANS = re.compile(r"`[^`]*`|\[[^\[\]\s]{0,40}\]")
_TOKEN = re.compile(r"\S+")
_EDGE = "\"'()[]{}<>«»“”‘’„,.;:!?¡¿…*"


@dataclass(frozen=True, slots=True)
class Guess:
    """The language a model found for a text, and its probability among the candidates."""

    lang: str
    confidence: float


def _code_or_name(token: str) -> bool:
    """A token that is not a word of any language: a link, an address, a path, a number, an
    identifier (ALL-CAPS, camelCase, snake_case), or an option."""
    if "://" in token or token.startswith("www.") or "@" in token:
        return True
    if any(c in token for c in "/\\_=<>{}$#|~^%&+"):
        return True
    if any(c.isdigit() for c in token):
        return True
    word = token.strip(_EDGE)
    if not word:
        return True
    if word.startswith("-"):
        return True  # an option: --verbose, -f
    if len(word) > 1 and word.isupper():
        return True  # an acronym or a constant
    return any(a.islower() and b.isupper() for a, b in pairwise(word))  # camelCase


def model_words(text: str) -> list[str]:
    """The words of ``text`` a language model may judge: code, links, identifiers and Capitalised
    words (names, and sentence starts, which tell nothing) taken out; edge punctuation stripped."""
    if "`" in text or "[" in text:
        text = _SPANS.sub(" ", text)
    out = []
    for m in _TOKEN.finditer(text):
        token = m.group()
        if _code_or_name(token):
            continue
        word = token.strip(_EDGE)
        if word[:1].isupper():
            continue
        out.append(word)
    return out


def lowercase_words(words: list[str]) -> int:
    """How many of the words are lowercase words of letters (``l'homme`` and ``e-mail`` count)."""
    return sum(1 for w in words if w.islower() and w.replace("'", "").replace("’", "").replace("-", "").isalpha())


def identify(text: str, candidates: tuple[str, ...] = CANDIDATES) -> Guess | None:
    """The language of a Latin-script text among ``candidates``, or None when it is undetermined:
    fewer than ``MIN_WORDS`` lowercase words once code and names are out, or a probability under
    ``MIN_CONFIDENCE``."""
    words = model_words(text)
    if lowercase_words(words) < MIN_WORDS:
        return None
    lang, confidence = _model(tuple(sorted(candidates))).classify(_clean(" ".join(words)))
    if confidence < MIN_CONFIDENCE:
        return None
    return Guess(str(lang), round(float(confidence), 3))


def _clean(text: str) -> str:
    """Control characters out (C0/C1, which some models choke on), NFC."""
    return unicodedata.normalize("NFC", "".join(c for c in text if c >= " " and not 0x7F <= ord(c) <= 0x9F))


@cache
def _model(candidates: tuple[str, ...]) -> Any:
    """py3langid's identifier restricted to ``candidates``, with normalised probabilities; loaded
    once per process and candidate set, on first use only (numpy and the model cost ~0.2 s)."""
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    known = set(identifier.labels)
    identifier.set_languages([c for c in candidates if c in known])
    return identifier
