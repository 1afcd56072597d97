"""Which Latin-script language a block is in: the words a model may judge, and the model, loaded lazily."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from itertools import repeat
from typing import Any

# Languages the detector chooses among when the document's language is Latin-script; a configured
# ``allow`` or main language outside this set is added to it.
CANDIDATES = ("en", "fr", "de", "es", "it", "pt", "nl")
# Latin is told apart, never reported: in a technical document it is placeholder text ("Lorem
# ipsum dolor sit amet", a markup example's filler) or a classical quotation, kept as written.
LATIN = "la"
# Latin's own little words (none of them English), and how many a block in Latin has at least.
_LATIN_WORDS = frozenset(
    "et est sit sunt ut sed qui quae quod cum vel nec neque enim atque ac eius esse ab ipsum quam".split()
)
LATIN_WORDS = 2
# A block with fewer lowercase words left once names and code are out says too little to judge:
# "Debian GNU/Linux", "See apt(8)." and "Package: foo" are undetermined, never foreign.
MIN_WORDS = 3
# The model's normalised probability below which a block is undetermined (measured on dev: the
# false flags on English specifications sit below it, untranslated paragraphs above it).
MIN_CONFIDENCE = 0.7

# `inline code` (Markdown, and HTML <code> as the readers render it), [1]-style references and
# braces, which hold code ("allow syslogd_t device_t:fifo_file { read write }");
# linear: a backtick run is matched up to the next backtick, never re-scanned.
_SPANS = re.compile(r"`[^`]*`|\[[^\[\]\s]{0,40}\]|\{[^{}]{0,200}\}")
_TOKEN = re.compile(r"\S+")
_EDGE = "\"'()[]{}<>«»“”‘’„,.;:!?¡¿…*"


@dataclass(frozen=True, slots=True)
class Guess:
    """The language a model found for a text, and its probability among the candidates."""

    lang: str
    confidence: float


# One C-level search per token: links, addresses, paths, settings, numbers, options, camelCase.
_NOT_A_WORD = re.compile(r"://|^www\.|[@/\\_=<>{}$#|~^%&+\d]|^[\"'(\[«“‘]*-|[a-z][A-Z]")


# a pointer in a C declaration ("PyObject *op,", "char **argv)"), not an emphasised word ("*self*")
_POINTER = re.compile(r"[*&]++[A-Za-z_]\w*+[,;)\]]*+")


def _code_or_name(token: str) -> bool:
    """A token that is not a word of any language: a link, an address, a path, a number, an
    identifier (ALL-CAPS, camelCase, snake_case), a pointer, or an option."""
    if _NOT_A_WORD.search(token) or _POINTER.fullmatch(token):
        return True
    word = token.strip(_EDGE)
    return not word or (len(word) > 1 and word.isupper())  # an acronym or a constant


def model_words(text: str) -> list[str]:
    """The words of ``text`` a language model may judge: code, links, identifiers and Capitalised
    words (names, and sentence starts, which tell nothing) taken out; edge punctuation stripped."""
    if "`" in text or "[" in text or "{" in text:
        text = _SPANS.sub(" ", text)
    out = []
    tokens = _TOKEN.findall(text)
    for k, token in enumerate(tokens):
        if _code_or_name(token):
            continue
        word = token.strip(_EDGE)
        if word[:1].isupper() or _particle(tokens, k):
            continue
        out.append(word)
    return out


# Particles of personal names ("Gertjan van Noord", "Stephen van den Berg"), which are common words
# of Dutch, French or Spanish; not "von", nor "den"/"der" but after another particle, since German
# articles and prepositions stand between capitalised nouns all the time.
_PARTICLES = frozenset("van de da di du del dos ten ter".split())
_SECOND_PARTICLES = frozenset("den der de".split())


def _particle(tokens: list[str], k: int) -> bool:
    """A particle between the parts of a personal name."""
    # the name's parts may carry marks around them ("**Môshe van der Sterre**.", "(Antoine du Hamel)")
    if tokens[k] not in _PARTICLES or k == 0 or not tokens[k - 1].strip(_EDGE)[:1].isupper():
        return tokens[k] in _SECOND_PARTICLES and k > 0 and _particle(tokens, k - 1)
    nxt = tokens[k + 1] if k + 1 < len(tokens) else ""
    after = tokens[k + 2] if k + 2 < len(tokens) else ""
    return nxt.strip(_EDGE)[:1].isupper() or (nxt in _SECOND_PARTICLES and after.strip(_EDGE)[:1].isupper())


def lowercase_words(words: list[str]) -> int:
    """How many different lowercase words of letters there are among the words (``l'homme`` and
    ``e-mail`` count): a word repeated is no sentence (the ``com.`` of each record of a DNS
    listing, set like prose)."""
    return len({w for w in words if w.islower() and w.replace("'", "").replace("’", "").replace("-", "").isalpha()})


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
def _model(candidates: tuple[str, ...] | None) -> Any:
    """py3langid's identifier restricted to ``candidates`` (None: all the languages it knows), with
    normalised probabilities; loaded once per process and candidate set, on first use only (numpy
    and the model cost ~0.2 s)."""
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    if candidates is not None:
        known = set(identifier.labels)
        identifier.set_languages([c for c in candidates if c in known])
    return identifier


# The commonest words of Latin-script languages: enough to name a document's language, and to tell
# which blocks might be in another one before any model is loaded.
_STOPWORDS = {
    "en": "the and of to is in that for with are this be it as was not by on or can from you an no per do "
    "come non "
    "which have has will if when there these their its they all",
    "fr": "le la les des est et une du que pour dans qui sur pas au aux ce ces sont avec vous "
    "être cette peut ou sont leur il elle ne nous",
    "de": "der die das und ist nicht ein eine mit für auf den dem sich zu von des im werden wird "
    "sie auch oder bei wenn kann sind als",
    "es": "el los las que del y en es por una para con no se su al lo como más pero sus puede este esta son muy",
    "pt": "o os as que do da dos das em um uma para com não é ao no na se mais pelo pela são você seu sua",
    "it": "il lo gli che di e è un una per con non sono del della nel dei delle alla si come "
    "anche più questo questa può",
    "nl": "het een en van is dat op te zijn niet met voor ook aan de worden wordt deze kan bij",
}
STOPWORDS: dict[str, tuple[str, ...]] = {}
for _tag, _words in _STOPWORDS.items():
    for _word in _words.split():
        if len(_word) > 1 or not _word.isascii():  # "o", "e", "y" are bullets and variables too
            STOPWORDS[_word] = (*STOPWORDS.get(_word, ()), _tag)
# The common words of one language only, and that language.
_ONE_LANGUAGE = {word: tags[0] for word, tags in STOPWORDS.items() if len(tags) == 1}
_ONLY_WORDS = {tag: frozenset(w for w, t in _ONE_LANGUAGE.items() if t == tag) for tag in _STOPWORDS}
# A block is plainly in the document's language, and no model is asked, when its own common words
# outnumber those of every other language by this factor (and there are at least two of them).
PLAIN_MARGIN = 3
# ... and it is left undetermined, without asking the model, when fewer than this many of its words
# are common words of another language (and not of the main one).
MIN_OTHER = 1


def stopword_hits(words: list[str]) -> dict[str, int]:
    """How many of ``words`` are common words of each language: one dictionary lookup per word,
    in C (the other words are passed over before any Python code runs for them)."""
    found = list(filter(STOPWORDS.__contains__, words))
    if not found:
        return {}
    tag = _ONE_LANGUAGE.get(found[0])
    if tag is not None and _ONLY_WORDS[tag].issuperset(found):
        return {tag: len(found)}  # the usual block: common words of one language only, counted in C
    hits: dict[str, int] = {}
    for word in found:
        for tag in STOPWORDS[word]:
            hits[tag] = hits.get(tag, 0) + 1
    return hits


MAIN_SAMPLE = 5000  # words: enough to name a document's language
# A block votes for the language whose common words it has most of, when it has this many.
BLOCK_VOTE = 2
# A language the document's path names (``debian-faq.fr.txt``) is its language when this share of
# the common words are its own: a translation with much left in its source language.
PRIOR_SHARE = 0.2
# ... or when this many of its blocks are plainly in it.
PRIOR_BLOCKS = 2
# A document with this share of its blocks in another language than English (and this many) is a
# translation of an English source, with the rest left untranslated.
TRANSLATED_SHARE = 0.2
TRANSLATED_BLOCKS = 5


_ACRONYM = re.compile(r"\b[A-Z]{2,}\b")


def _no_acronyms(text: str, words: list[str]) -> list[str]:
    """The lowercased ``words`` of ``text`` without those written in capitals: an acronym that
    spells another language's function word ("MIT License", German "mit"; "DE", "EN") says
    nothing of the language of the text around it."""
    if _ACRONYM.search(text) is None:
        return words
    return [w for w, raw in zip(words, text.split(), strict=False) if not raw.isupper()]


def main_latin_language(
    texts: list[str], prior: str | None = None, titles: Sequence[str] = (), split: dict[int, list[str]] | None = None
) -> str:
    """Which Latin-script language most of the prose is in: the shares of its commonest words, of
    the blocks and of the headings each language has the most common words of, added up (so that
    a few long passages left in another language do not outvote the many blocks and headings of
    the document's own); ``prior`` (the path's language) when it has a fair share of the words
    or a few blocks of its own; English when the text says too little (fewer than 20 common
    words, or no clear winner by the text nor by the headings).

    ``split``, when given, gets the lowercased words of each text read whole, by ``id`` of the
    text, for ``other_words`` to take: a short document's prose is all in the sample, and would
    otherwise be split twice."""
    hits: dict[str, int] = {}
    blocks: dict[str, int] = {}
    n = 0
    for text in texts:
        words = text.lower().split()
        if len(words) > MAIN_SAMPLE - n:
            words = words[: MAIN_SAMPLE - n]
        elif split is not None:
            split[id(text)] = words  # no more than the sample's words are held
        n += len(words)
        own = stopword_hits(_no_acronyms(text, words))
        for tag, k in own.items():
            hits[tag] = hits.get(tag, 0) + k
        _vote(blocks, own, BLOCK_VOTE)
        if n >= MAIN_SAMPLE:
            break
    total = sum(hits.values())
    if prior and (hits.get(prior, 0) >= PRIOR_SHARE * total > 0 or blocks.get(prior, 0) >= PRIOR_BLOCKS):
        # a short page, or one left mostly in English, is still the translation its path names
        # (``man/fr/chage.1`` with its name line and two options translated)
        return prior
    if total < 20:
        return "en"
    heads: dict[str, int] = {}
    for title in titles:
        _vote(heads, stopword_hits(_no_acronyms(title, title.lower().split())), 1)
    votes = sum(blocks.values()) or 1
    titled = sum(heads.values()) or 1
    score = {tag: k / total + blocks.get(tag, 0) / votes + heads.get(tag, 0) / titled for tag, k in hits.items()}
    ranked = sorted(score.items(), key=lambda kv: -kv[1])[:2]
    if len(ranked) > 1 and ranked[0][1] < 1.3 * ranked[1][1]:
        # no clear winner: the headings decide, else English
        first, second = (heads.get(tag, 0) for tag, _ in ranked)
        best = ranked[0][0] if first > second else ranked[1][0] if second > first else "en"
    else:
        best = ranked[0][0]
    if best == "en":  # a translation in progress falls back to its English source, not the reverse
        other = max((tag for tag in blocks if tag != "en"), key=blocks.__getitem__, default=None)
        if other and blocks[other] >= max(TRANSLATED_BLOCKS, TRANSLATED_SHARE * sum(blocks.values())):
            return other
    return best


# Prose has a fifth to a third of its words among the commonest words of its language (0.18-0.36
# in translated manuals and English documentation); a sample with fewer common words of the candidates is
# a list of names, a changelog, or in a language the detector does not know (Polish shares "to",
# "do", "na" with the candidates): then the model, asked among every language it knows, decides.
MAIN_COVERAGE = 0.12
# A sample of fewer words, not covered so, is not sure of any language, and the model is not loaded
# to say so (a file of a line or two).
SURE_WORDS = 40


# The commonest words of Latin-script languages outside ``CANDIDATES``, none a common word of a
# candidate: a sample with this share of them is in a language the detector does not choose
# among ("Linux er definitivt et flerbrukersystem, så det er nødvendig ..." is no English).
_OUTSIDE = frozenset(
    "og ikke det er på som av til med jeg ble också och att inte är för yang dan untuk dengan ini itu "
    "dari tidak akan pada dalam atau adalah się jest że oraz przez jak jsou že také ve bir bu için ile olan "
    "değil".split()
)
OUTSIDE_SHARE = 0.05


def main_is_sure(texts: list[str], tag: str) -> bool:
    """Whether the Latin-script language ``main_latin_language`` chose from ``texts`` (its sample)
    is the document's own: common words of that language only, and of English, make up
    ``MAIN_COVERAGE`` of the words (a Swedish manual shares "en", "de" and "om" with Dutch, a
    Spanish page "de" and "en", but not the words Dutch alone has), or the model,
    among all the languages it knows, names it too with ``MIN_CONFIDENCE``. A document in a
    language outside ``CANDIDATES`` is not judged sentence by sentence against the wrong one (a
    Polish manual read as Portuguese has every paragraph in "English" or "German")."""
    words: list[str] = []
    read = 0  # the texts the sample's words come from
    while read < len(texts) and len(words) < MAIN_SAMPLE:
        words += texts[read].lower().split()
        read += 1
    if words and sum(map(_OUTSIDE.__contains__, words)) >= OUTSIDE_SHARE * len(words):
        return False  # a Norwegian, Swedish, Indonesian, Polish ... page: none of the candidates
    # (a translation with much left in its English source has English common words)
    own = _ONLY_WORDS.get(tag, frozenset()) | _ONLY_WORDS["en"]
    if not words or sum(map(own.__contains__, words)) >= MAIN_COVERAGE * len(words):
        return True
    if len(words) < SURE_WORDS:
        return False  # a note of a few words: too little to name a language, nor to judge one against
    sample = _clean(" ".join(model_words(" ".join(texts[:read]))))
    lang, confidence = _model(None).classify(sample)
    return bool(lang == tag and confidence >= MIN_CONFIDENCE)


def _vote(votes: dict[str, int], hits: dict[str, int], least: int) -> None:
    """One vote for the language with the most common words in a block, when it has ``least``."""
    if not hits:
        return
    best = max(hits, key=hits.__getitem__)  # the first of the most, as the words came
    if hits[best] >= least:
        votes[best] = votes.get(best, 0) + 1


# Latin phrases English writes ("et al.", also as "et. al.", "de facto"): their words are common words of French,
# Spanish or Dutch, and no sign of those languages.
_LOANS = re.compile(
    r"(?<!\w)(?:et\.? al\.?|et cetera|de facto|de jure|per se|vice versa|ad hoc|a priori|a posteriori)(?!\w)", re.I
)


def judge_latin(text: str, main: str, candidates: tuple[str, ...] = CANDIDATES, prose: bool = False) -> Guess | None:
    """The other Latin-script language ``text`` is in, or None: in ``main``, or undetermined.

    Common words decide first, for one dictionary lookup per word: a block with no common word of
    another language, or plainly in the main one, is never given to the model (unless it is
    ``bare`` and the caller found it reads as English ``prose``)."""
    tag = main.split("-")[0]
    text = _LOANS.sub(" ", text)
    alone = prose and bare(text, main)
    if alone:
        words = model_words(text)
    else:
        if not _competing(lower_words(text), tag):
            return None
        words = model_words(text)
        # the model is not shown a sentence's first word (a capital tells nothing), but a common
        # word is evidence wherever it stands ("Vous devriez lire …")
        head = text.split(maxsplit=1)[0].strip(_EDGE) if text.strip() else ""
        start = [head.lower()] if head[:1].isupper() and head[1:].islower() else []
        if lowercase_words(words) < MIN_WORDS or not _competing(lower_words(" ".join(words)) + start, tag):
            return None
    cleaned = _clean(" ".join(words))
    lang, confidence = _model(tuple(sorted({*candidates, tag}))).classify(cleaned)
    if lang == tag or confidence < MIN_CONFIDENCE or (alone and lang != "en"):
        # (a bare block is judged for English only: the source a translation falls back to)
        return None
    if _latin(text, cleaned, (*candidates, tag)):
        return None  # placeholder text or a quotation, kept as written
    return Guess(str(lang), round(float(confidence), 2))


def _latin(text: str, cleaned: str, candidates: tuple[str, ...]) -> bool:
    """Whether a block with Latin's own little words reads as Latin, asked again with Latin among
    the languages (only then: the probabilities of the others change with one more)."""
    if sum(w.strip(_EDGE) in _LATIN_WORDS for w in lower_words(text)) < LATIN_WORDS:
        return False
    return bool(_model(tuple(sorted({*candidates, LATIN}))).classify(cleaned)[0] == LATIN)


# In a document in another language than English, a block with no common word of that language
# and at least this many lowercase words is asked of the model: short English items ("Remove
# installed files except configuration files") have no common word of any language, and an item
# of the translation nearly always has one of its own ("les", "der", "di").
BARE_WORDS = 5


def bare(text: str, main: str) -> bool:
    """Whether a block in a translation has none of the common words of its language, and enough
    lowercase words to be a sentence of another one."""
    tag = main.split("-")[0]
    if tag == "en" or tag not in _ONLY_WORDS:
        return False
    words = lower_words(text)
    if len(words) < BARE_WORDS or any(tag in STOPWORDS.get(w.strip(_EDGE), ()) for w in words):
        return False
    return lowercase_words(model_words(text)) >= BARE_WORDS


# The articles, pronouns and prepositions French and Italian elide before a vowel, joined to the
# next word ("d’une", "l’aide", "un'interfaccia"); English contractions ("can't") are not split.
_ELISION = re.compile("^(?P<head>[cdjlmnst]|qu|un|dell|all|nell|sull|dall|dev)['’](?P<tail>\\w+)")


def lower_words(text: str, words: list[str] | None = None) -> list[str]:
    """The words of ``text`` in lower case, with the two words of each elided pair; ``words``, when
    given, are the text's lowercased words split already (left as they are)."""
    if words is None:
        words = text.lower().split()
    if "'" in text or "’" in text:
        pairs = [m for w in words if ("'" in w or "’" in w) and (m := _ELISION.match(w.lstrip(_EDGE)))]
        if pairs:
            words = words + [part for m in pairs for part in (m.group("head"), m.group("tail"))]
    return words


def other_words(text: str, main: str, words: list[str] | None = None) -> bool:
    """Whether ``text`` has any common word of another language than ``main``: if not, neither it
    nor any sentence of it can be judged foreign, and nothing more is computed. ``words`` are the
    text's lowercased words, when the caller has them already.

    The same as ``_competing(words, tag, 0)``, as one set test in C: most blocks of a document
    have no such word, and every block is asked."""
    words = lower_words(text, words)
    if len(words) < MIN_WORDS:
        return False
    return not _only_others(main.split("-")[0]).isdisjoint(map(str.strip, words, repeat(_EDGE)))


@cache
def _only_others(tag: str) -> frozenset[str]:
    """The common words of other languages that are not also common words of ``tag``."""
    return frozenset(word for word, tags in STOPWORDS.items() if tag not in tags)


def _competing(words: list[str], tag: str, margin: int = PLAIN_MARGIN) -> bool:
    """Whether another language's common words compete with those of ``tag`` in ``words`` (with
    ``margin`` 0: whether there are any). A common word of the main language is no evidence of
    another ("is" is Dutch too)."""
    if len(words) < MIN_WORDS:
        return False
    own = 0
    others: dict[str, int] = {}
    get = STOPWORDS.get
    for word in words:
        tags = get(word.strip(_EDGE))
        if not tags:
            continue
        if tag in tags:
            own += 1
        else:
            for lang in tags:
                others[lang] = others.get(lang, 0) + 1
    best = max(others.values(), default=0)
    return best >= MIN_OTHER and not (margin and own >= 2 and own >= margin * best)
