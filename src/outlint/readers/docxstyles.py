"""DOCX styles: which paragraph styles are headings, contents entries, lists, quotes or code, through
``basedOn`` chains, ``w:outlineLvl`` and the localized names Word and other producers write; and the
properties of runs (hidden, language) over their styles."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from outlint.readers.docxpart import attr, on, tag

_STYLE, _NAME, _BASED, _PPR, _RPR = tag("style"), tag("name"), tag("basedOn"), tag("pPr"), tag("rPr")
_OUTLINE, _NUMPR, _NUMID, _ILVL = tag("outlineLvl"), tag("numPr"), tag("numId"), tag("ilvl")
_LANG, _VANISH, _DEFAULTS, _RSTYLE = tag("lang"), tag("vanish"), tag("docDefaults"), tag("rStyle")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\uf900-\ufaff]")
_RTL = re.compile(r"[\u0590-\u08ff]")

# "Heading 1" as Word's built-in name and as localized and custom styles name it.
_HEADING_WORDS = (
    "heading|header|überschrift|uberschrift|titre|título|titulo|titolo|kop|rubrik|overskrift|otsikko|"
    "nagłówek|naglowek|nadpis|заголовок|標題|标题|見出し|제목|başlık|baslik|címsor|cimsor|kopregel|"
    "capçalera|encabezado|cabeçalho|antraštė|virsraksts|pealkiri|naslov|nadpis|επικεφαλίδα|כותרת|عنوان"
)
_HEADING_NAME = re.compile(rf"(?:{_HEADING_WORDS})\s*([1-9])", re.IGNORECASE)
_TITLE_NAME = re.compile(
    r"title|titel|titre|título|titulo|titolo|tittel|tytuł|tytul|název|nazev|название|標題|标题|表題|제목|cím|otsikko",
    re.IGNORECASE,
)
# "toc 1" (Word), "Contents 1" (LibreOffice) and their localized names.
_TOC_NAME = re.compile(
    r"(?:toc|contents|content|verzeichnis|inhaltsverzeichnis|tm|tdc|sommario|sumário|sumario|inhopg|"
    r"innehåll|indholdsfortegnelse|innholdsfortegnelse|sisluet|spis treści|obsah|оглавление|目录|目錄|目次|목차|"
    r"tj|table of contents)\s*([1-9])",
    re.IGNORECASE,
)
_KINDS = (
    (re.compile(r"(?:source )?code|verbatim|preformatted|html preformatted|plain text|macro text", re.I), "code"),
    (re.compile(r"(?:intense )?quote|block ?text|block ?quote|quotations|zitat|citation|cita", re.I), "quote"),
    (re.compile(r"list.*|compact", re.I), "list"),
    (re.compile(r"caption|subtitle|table of figures|toc heading|contents heading|header|footer", re.I), "lines"),
)


@dataclass(frozen=True, slots=True)
class Lang:
    """A ``w:lang`` mark: the language of Latin, East Asian and right-to-left text."""

    val: str | None = None
    east_asia: str | None = None
    bidi: str | None = None

    def over(self, base: Lang) -> Lang:
        """This mark, with what it leaves unsaid taken from ``base``."""
        return Lang(self.val or base.val, self.east_asia or base.east_asia, self.bidi or base.bidi)


@dataclass(frozen=True, slots=True)
class Style:
    """What a paragraph or character style says, after its ``basedOn`` chain."""

    id: str
    name: str
    level: int | None = None  # heading level 1..9 (outline level + 1); None: not a heading
    title: bool = False  # the document title (Word's "Title")
    toc: int | None = None  # contents entry level (TOC 1..9)
    kind: str = "prose"
    num: tuple[str, int | None] | None = None  # (numId, ilvl) of numbering the style carries
    lang: Lang = Lang()
    hidden: bool = False


@dataclass(frozen=True, slots=True)
class Styles:
    """The styles of a document by id, with its default paragraph style and default language."""

    by_id: dict[str, Style] = field(default_factory=dict)
    by_name: dict[str, Style] = field(default_factory=dict)  # lowercased names, for TOC \t
    default: Style = Style("", "Normal")
    lang: Lang = Lang()
    given: bool = False  # whether the document has a styles.xml

    def paragraph(self, style_id: str | None) -> Style:
        if not style_id:
            return self.default
        found = self.by_id.get(style_id)
        if found is not None:
            return found
        # Word gives a paragraph whose style styles.xml does not define the default style; only a
        # document with no styles.xml at all is read by what its ids say
        return self.default if self.given else _undefined(style_id, self.lang)

    def character(self, style_id: str | None) -> Style | None:
        return self.by_id.get(style_id) if style_id else None


@dataclass(slots=True)
class _Raw:
    id: str
    name: str
    type: str
    based_on: str | None
    outline: int | None
    num: tuple[str | None, int | None] | None
    lang: Lang
    hidden: bool | None


def parse(root: Any | None) -> Styles:
    """Styles from the root of ``styles.xml`` (None: a document without one)."""
    if root is None:
        return Styles()
    raw: dict[str, _Raw] = {}
    default_id = None
    for el in root.iter(_STYLE):
        sid = attr(el, "styleId") or ""
        ppr, rpr = el.find(_PPR), el.find(_RPR)
        name_el = el.find(_NAME)
        based = el.find(_BASED)
        outline = _int(attr(ppr.find(_OUTLINE), "val")) if ppr is not None and ppr.find(_OUTLINE) is not None else None
        kind = attr(el, "type") or "paragraph"
        raw[sid] = _Raw(
            sid,
            (attr(name_el, "val") or sid) if name_el is not None else sid,
            kind,
            attr(based, "val"),
            outline,
            _num(ppr),
            lang_of(rpr),
            on(rpr.find(_VANISH)) if rpr is not None and rpr.find(_VANISH) is not None else None,
        )
        if kind == "paragraph" and attr(el, "default") in ("1", "true", "on"):
            default_id = sid
    doc_lang = Lang()
    defaults = root.find(_DEFAULTS)
    if defaults is not None:
        doc_lang = lang_of(defaults.find(f"{tag('rPrDefault')}/{_RPR}"))
    by_id = {sid: _resolve(sid, raw, doc_lang) for sid in raw}
    default = by_id.get(default_id or "", Style(default_id or "", "Normal", lang=doc_lang))
    by_name = {s.name.lower(): s for s in by_id.values()}
    return Styles(by_id, by_name, default, doc_lang, given=True)


def _resolve(sid: str, raw: dict[str, _Raw], doc_lang: Lang) -> Style:
    chain: list[_Raw] = []
    node = raw.get(sid)
    while node is not None and node not in chain and len(chain) < 64:
        chain.append(node)
        node = raw.get(node.based_on) if node.based_on else None
    own = chain[0]
    level = _level(chain)
    title = level is None and any(_TITLE_NAME.fullmatch(s.name.strip()) for s in chain[:1])
    toc = next((int(m.group(1)) for s in chain if (m := _TOC_NAME.fullmatch(s.name.strip()))), None)
    kind = "prose"
    if own.type == "paragraph" and level is None:
        kind = next((k for s in chain for pat, k in _KINDS if pat.fullmatch(s.name.strip())), "prose")
    num_id, ilvl = None, None
    for s in chain:
        if s.num is None:
            continue
        num_id = num_id if num_id is not None else s.num[0]
        ilvl = ilvl if ilvl is not None else s.num[1]
    lang = doc_lang
    for s in reversed(chain):
        lang = s.lang.over(lang)
    hidden = next((s.hidden for s in chain if s.hidden is not None), False)
    return Style(
        sid,
        own.name,
        level,
        title,
        toc if level is None else None,
        kind,
        (num_id, ilvl) if num_id is not None else None,
        lang,
        hidden,
    )


@lru_cache(maxsize=256)
def _undefined(style_id: str, lang: Lang) -> Style:
    """A style a paragraph names in a document with no styles.xml: what its id says, as Word's own
    ids are its English names (``Heading1``, ``Title``)."""
    return _resolve(style_id, {style_id: _Raw(style_id, style_id, "paragraph", None, None, None, Lang(), None)}, lang)


def _level(chain: list[_Raw]) -> int | None:
    """The heading level a style gives: the first outline level along its chain, else its name's
    (``heading 2``, ``Überschrift 2``, ``标题 2``); outline level 9 is body text."""
    for s in chain:
        if s.outline is not None:
            return s.outline + 1 if 0 <= s.outline <= 8 else None
        m = _HEADING_NAME.fullmatch(s.name.strip()) or _HEADING_NAME.fullmatch(s.id)
        if m and s.type == "paragraph":
            return int(m.group(1))
    return None


def _num(ppr: Any) -> tuple[str | None, int | None] | None:
    numpr = ppr.find(_NUMPR) if ppr is not None else None
    if numpr is None:
        return None
    return attr(numpr.find(_NUMID), "val"), _int(attr(numpr.find(_ILVL), "val"))


def lang_of(rpr: Any) -> Lang:
    """The ``w:lang`` mark of run properties (empty when there is none)."""
    el = rpr.find(_LANG) if rpr is not None else None
    if el is None:
        return Lang()
    return Lang(attr(el, "val"), attr(el, "eastAsia"), attr(el, "bidi"))


def _int(text: str | None) -> int | None:
    try:
        return int(text) if text is not None else None
    except ValueError:
        return None


# --- run properties and language marks, read for every run ----------------------------------------

NO_LANG = Lang()


def run_properties(rpr: Any, styles: Styles, hidden: bool, lang: Lang) -> tuple[bool, Lang]:
    """Hidden and language of a run: its character style's, then its own (``w:vanish``, ``w:lang``)
    over the paragraph style's. One pass over the properties: this runs for every run."""
    vanish: bool | None = None
    own = None
    for prop in rpr:
        t = prop.tag
        if t == _RSTYLE:
            char = styles.character(attr(prop, "val"))
            if char is not None:
                hidden = hidden or char.hidden
                lang = over(char.lang, lang)
        elif t == _VANISH:
            vanish = on(prop)
        elif t == _LANG:
            own = Lang(attr(prop, "val"), attr(prop, "eastAsia"), attr(prop, "bidi"))
    if own is not None:
        lang = over(own, lang)
    return (hidden if vanish is None else vanish), lang


@lru_cache(maxsize=1024)
def over(mark: Lang, base: Lang) -> Lang:
    """``mark`` over ``base``, the same object for the same pair (marks are compared by identity)."""
    return mark.over(base) if mark != NO_LANG else base


def dominant_mark(first: Lang | None, chars: int, others: list[tuple[Lang, str]] | None, text: str) -> str | None:
    """The ``w:lang`` of most of the text, read for the script the text is in: ``w:eastAsia`` for
    CJK text, ``w:bidi`` for right-to-left text, ``w:val`` for the rest."""
    if first is None or not text:
        return None
    pick = None
    if not text.isascii():
        if _CJK.search(text) and len(_CJK.findall(text)) * 2 >= len(text.replace(" ", "")):
            pick = "east_asia"
        elif _RTL.search(text):
            pick = "bidi"
    if others is None:  # one mark for the whole paragraph: the usual case
        return getattr(first, pick) if pick else first.val
    weights: dict[str, int] = {}
    for lang, size in [(first, chars), *((lang, len(piece)) for lang, piece in others)]:
        value = getattr(lang, pick) if pick else lang.val
        if value:
            weights[value] = weights.get(value, 0) + size
    return max(weights, key=lambda k: weights[k]) if weights else None
