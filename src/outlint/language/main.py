"""A document's main language, from the document as a whole: how much of its text and how many of
its blocks and headings are in each script or language, with the language tag of its path as a prior."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from outlint.language import detect, scripts
from outlint.language.scripts import Profile, profile, same_writing
from outlint.model import Document, Paragraph

# A translation keeps the layout of its source and names its language in the path: a directory
# (``man/zh_CN/``, ``doc/ja/``), a prefix (``ja-grep.1``, ``zh_CN-passwd.1``) or an infix before the
# extensions (``debian-faq.fr.txt``, ``ch01.zh-cn.html``).
_TAG = r"(?P<tag>[a-z]{2})(?:[_-](?P<region>[A-Za-z]{2}))?"
_PATH_TAG = (
    re.compile(rf"(?:^|/){_TAG}/"),
    re.compile(rf"(?:^|/){_TAG}-[^/]+$"),
    re.compile(rf"\.{_TAG}\.[^/]+$"),
)
# The languages a path tag may name: those the rules tell apart, by script or by words.
_TAGGED = frozenset({*scripts.SCRIPT_OF_LANG, *detect.CANDIDATES}) - {"en"}
# A path tag is taken when the document has text in that language: at least this many blocks (or
# headings) whose own script is the tag's (a page whose synopsis alone was translated is a
# translation); for a Latin-script tag, see ``detect.PRIOR_SHARE``.
TAGGED_BLOCKS = 2
# The kinds of block that are text (not code, tables or contents).
TEXT_KINDS = ("prose", "list", "quote")
# A document with this share of its blocks in CJK (and this many) is a translation of a source in
# English, with the rest left untranslated (``_partial_translation``; ``detect`` for Latin script).
TRANSLATED_SHARE = detect.TRANSLATED_SHARE
TRANSLATED_BLOCKS = detect.TRANSLATED_BLOCKS
# A document with this share of its CJK blocks each right after a Latin-script block is a
# parallel text, not a translation with English left in it.
PARALLEL_SHARE = 0.8
# A Japanese document writes with kana and kanji; kanji-only text is Japanese where kana makes up
# at least this share of the document's CJK text, else Chinese.
KANA_SHARE = 0.1
# Several hundred prose blocks, drawn evenly from the whole document, name its language.
SAMPLE_BLOCKS = 300


def path_language(path: str) -> str | None:
    """The language tag a translation's path names (``zh-CN`` for ``man/zh_CN/passwd.1``), or None."""
    path = path.replace("\\", "/")
    for pattern in _PATH_TAG:
        for m in pattern.finditer(path):
            tag = m.group("tag")
            if tag in _TAGGED:
                region = m.group("region")
                return f"{tag}-{region.upper()}" if region else tag
    return None


def main_language(
    doc: Document,
    totals: Counter[str],
    paragraphs: Sequence[Paragraph],
    profiles: dict[int, Profile],
    split: dict[int, list[str]] | None = None,
) -> tuple[str | None, str | None, bool]:
    """The document's main script and language, when none is configured, and whether a
    Latin-script language is sure enough to judge other Latin-script languages against
    (``detect.main_is_sure``; always for another script).

    The amount of text, the number of blocks and the number of headings vote: a translation with
    long paragraphs left in its source language still has most of its headings and blocks
    translated, and a source document with a few long pasted passages most of its own.
    ``split`` is filled as ``detect.main_latin_language`` fills it.
    """
    blocks: Counter[str] = Counter()
    previous: str | None = None  # the script of the block before
    after_latin = 0  # CJK blocks right after a Latin-script one
    for para in paragraphs:
        p = profiles[id(para)]
        if p.main and not para.lang:
            blocks[p.main] += 1
            after_latin += p.main in ("han", "kana", "hangul") and previous == "latin"
            previous = p.main
    heads: Counter[str] = Counter()
    for h in doc.facts.headings:
        main = profile(h.title).main
        if main and not h.lang:
            heads[main] += 1
    main_script = _partial_translation(_vote(totals, blocks, heads), totals, blocks, after_latin, heads)
    declared = doc.language.split("-")[0].lower() if doc.language else None
    if declared and same_writing(scripts.SCRIPT_OF_LANG.get(declared), main_script):
        return main_script, doc.language, True  # the author said so (HTML lang), and the text agrees
    tagged = path_language(doc.path)
    tag = tagged.split("-")[0] if tagged else None
    tag_script = scripts.SCRIPT_OF_LANG.get(tag or "")
    if tagged and tag_script and tag_script != "latin" and _has_script(blocks + heads, tag_script):
        return tag_script, tagged, True  # a translation, however much of it is left in English
    if main_script != "latin":
        return main_script, scripts.language_of(main_script) if main_script else None, True
    # list items and quotes too: release notes and FAQs are written as lists, with a few headers
    # and credits as their only paragraphs
    texts = [p.text for p in paragraphs if p.kind in TEXT_KINDS and not p.lang]
    step = max(1, len(texts) // SAMPLE_BLOCKS)
    titles = [h.title for h in doc.facts.headings if not h.lang]
    prior = tag if tag_script == "latin" else None
    sample = texts[::step]
    tag = detect.main_latin_language(sample, prior, titles, split)
    return main_script, tag, tag == prior or detect.main_is_sure(sample, tag)


def _vote(totals: Counter[str], blocks: Counter[str], heads: Counter[str]) -> str | None:
    """The script with the largest shares of the text, of the blocks and of the headings, added up
    (a translation translates its headings first: they are the strongest sign of its language)."""
    if not totals:
        return None
    weight = sum(totals.values()) or 1
    count = sum(blocks.values()) or 1
    titles = sum(heads.values()) or 1
    return max(totals, key=lambda s: (totals[s] / weight + blocks[s] / count + heads[s] / titles, totals[s]))


def _partial_translation(
    main_script: str | None,
    totals: Counter[str],
    blocks: Counter[str],
    after_latin: int = 0,
    heads: Counter[str] | None = None,
) -> str | None:
    """A translation in progress keeps its untranslated blocks in the (Latin-script) source
    language, and the reverse hardly happens: a Latin-script document with a fair share of its
    blocks (``TRANSLATED_SHARE``) in CJK, or most of its headings (``TRANSLATED_HEADS``), is a
    CJK translation, however much is left in English (a manual page whose section titles, name
    line and a few sentences were translated, its descriptions fallen back to English).
    It translates whole sections, so its CJK blocks come in runs; a document whose CJK blocks
    nearly all stand alone, each right after a Latin-script block (``after_latin`` of them), is a
    parallel text (each source paragraph, then its translation), read in its source's script."""
    if main_script != "latin":
        return main_script
    cjk = blocks["han"] + blocks["kana"] + blocks["hangul"]
    titled = heads is not None and _translated_heads(heads)
    if not titled and (cjk < TRANSLATED_BLOCKS or cjk < TRANSLATED_SHARE * sum(blocks.values())):
        return main_script
    if after_latin >= PARALLEL_SHARE * cjk:
        return main_script
    if totals["hangul"] > totals["han"] + totals["kana"]:
        return "hangul"
    return "kana" if totals["kana"] >= KANA_SHARE * (totals["kana"] + totals["han"]) else "han"


# A document with at least this many headings in CJK, and more than in Latin script, titles its
# sections in the language it is translated into.
TRANSLATED_HEADS = 3


def _translated_heads(heads: Counter[str]) -> bool:
    cjk = heads["han"] + heads["kana"] + heads["hangul"]
    return cjk >= TRANSLATED_HEADS and cjk > heads["latin"]


def _has_script(blocks: Counter[str], script: str) -> bool:
    if script in ("han", "kana"):  # Japanese text is kana and kanji, Chinese kanji alone
        return blocks["han"] + blocks["kana"] >= TAGGED_BLOCKS
    return blocks[script] >= TAGGED_BLOCKS
