"""Build the outline: infer levels, nest flat blocks into the heading tree, align contents to headings."""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from outlint import numbering
from outlint.model import Document, Gap, Heading, Number, Paragraph, Span, TocEntry

Block = Heading | Paragraph | Gap


def infer_levels(numbers: Sequence[Number | None]) -> list[int | None]:
    """Level of each number: dotted depth within a family, families ranked by first appearance.

    ``1.`` then ``(1)`` gives levels 1 and 2; ``Chapter 1`` then ``1.1`` gives 1 and 2;
    ``Appendix A`` and ``A.1`` sit at the top level like chapters.
    """
    base: dict[str, int] = {}
    deepest = 0
    out: list[int | None] = []
    # "A." whose sub-sections are "A.1", "A.2" is an appendix, whatever else uses letters
    appendix_letters = {n.values[0] for n in numbers if n is not None and n.scheme == "alpha-decimal"}
    for number in numbers:
        if number is None:
            out.append(None)
            continue
        fam = numbering.family(number)
        if number.scheme == "alpha-upper" and number.values[0] in appendix_letters:
            fam = "appendix"
        if fam not in base:
            if fam == "appendix":
                base[fam] = 1
            else:
                base[fam] = max(1, deepest + 1 - (number.depth - 1))
        level = base[fam] + number.depth - 1
        deepest = max(deepest, level)
        out.append(level)
    return out


def resolve_letters(numbers: Sequence[Number | None]) -> list[Number | None]:
    """Read one-letter Roman labels as letters where the sequence says so (``A.`` ``B.`` ``C.``)."""
    seen_alpha: dict[str, int] = {}
    seen_roman: set[str] = set()
    out: list[Number | None] = []
    for number in numbers:
        if number is not None:
            alpha = numbering.as_alpha(number)
            if alpha is not None:
                last = seen_alpha.get(alpha.scheme)
                if last is not None and (number.scheme not in seen_roman or last + 1 == alpha.values[0]):
                    number = alpha
            if "alpha" in number.scheme:
                seen_alpha[number.scheme] = number.values[-1]
            elif "roman" in number.scheme:
                seen_roman.add(number.scheme)
        out.append(number)
    return out


def nest(blocks: Sequence[Block]) -> tuple[list[Heading], list[Paragraph | Gap]]:
    """Nest headings by level and give each heading the blocks up to the next heading."""
    roots: list[Heading] = []
    preamble: list[Paragraph | Gap] = []
    stack: list[Heading] = []
    current: Heading | None = None
    for block in blocks:
        if isinstance(block, Heading):
            while stack and stack[-1].level >= block.level:
                stack.pop()
            if stack:
                block.parent = stack[-1]
                stack[-1].children.append(block)
            else:
                roots.append(block)
            stack.append(block)
            current = block
        elif current is None:
            preamble.append(block)
        else:
            current.body.append(block)
    return roots, preamble


def build(
    path: str,
    fmt: str,
    text: str,
    toc: list[TocEntry],
    blocks: Sequence[Block],
    *,
    toc_span: Span | None = None,
    **extra: object,
) -> Document:
    """Assemble a Document: levels of numbered entries and headings that lack one, then the tree.

    Entries and headings with ``level == 0`` get a level inferred from their numbers; unnumbered
    ones keep their reader-given level. Contents and headings are inferred separately: a contents
    that says "1." for a heading "Chapter 1." still puts both at level 1.
    """
    headings = [b for b in blocks if isinstance(b, Heading)]
    toc_nums = resolve_letters([e.number for e in toc])
    toc_levels = infer_levels(toc_nums)
    head_nums = resolve_letters([h.number for h in headings])
    head_levels = infer_levels(head_nums)
    fixed_toc: list[TocEntry] = []
    for i, entry in enumerate(toc):
        number, level = toc_nums[i], toc_levels[i]
        if entry.level == 0:
            entry = TocEntry(
                level or _unnumbered_level(fixed_toc, entry), number, entry.title, entry.target, entry.span, entry.page
            )
        elif number is not entry.number:
            entry = TocEntry(entry.level, number, entry.title, entry.target, entry.span, entry.page)
        fixed_toc.append(entry)
    for j, heading in enumerate(headings):
        heading.number = head_nums[j]
        if heading.level == 0:
            heading.level = head_levels[j] or 1
    roots, preamble = nest(blocks)
    doc = Document(path, fmt, text, fixed_toc, roots, preamble, toc_span=toc_span)
    for key, value in extra.items():
        setattr(doc, key, value)
    return doc


def _unnumbered_level(previous: list[TocEntry], entry: TocEntry) -> int:
    # An unnumbered entry ("Preface", "Concluding remarks") is top-level unless it is indented
    # deeper than the entry before it, as part of that entry's sub-list.
    if previous and entry.span.column > previous[-1].span.column:
        return previous[-1].level + 1
    if not previous or entry.span.column <= min(e.span.column for e in previous):
        return 1
    for prev in reversed(previous):
        if prev.span.column == entry.span.column:
            return prev.level
    return 1


# --- contents alignment ---------------------------------------------------------------------

_PUNCT_RE = re.compile(r"[\W_]+", re.UNICODE)
# spaces that only spread out CJK characters (前 言, 目　录) carry no meaning
_CJK_SPACE_RE = re.compile(
    r"(?<=[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]) (?=[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af])"
)


def normalize_title(title: str) -> str:
    """Compare titles ignoring case, width, whitespace and punctuation."""
    text = _PUNCT_RE.sub(" ", unicodedata.normalize("NFKC", title).casefold()).strip()
    return _CJK_SPACE_RE.sub("", text) if not text.isascii() else text


def similarity(a: str, b: str) -> float:
    if a == b:
        return 1.0
    m = difflib.SequenceMatcher(None, a, b, autojunk=False)
    if m.real_quick_ratio() < 0.3 or m.quick_ratio() < 0.3:
        return m.quick_ratio() * 0.5
    return m.ratio()


@dataclass(frozen=True, slots=True)
class Alignment:
    """Which contents entry matched which heading; computed once per document."""

    pairs: tuple[tuple[int, Heading], ...]  # (entry index, heading), in entry order
    unmatched_entries: tuple[int, ...]
    unmatched_headings: tuple[Heading, ...]
    out_of_order: tuple[int, ...]  # entry indices whose heading breaks the contents order
    entry_parents: tuple[int | None, ...]  # index of each entry's parent entry

    tail: int  # first entry past the end of a document that stops early; len(toc) when it does not

    def heading_for(self, index: int) -> Heading | None:
        for i, h in self.pairs:
            if i == index:
                return h
        return None


def _entry_parents(toc: Sequence[TocEntry]) -> list[int | None]:
    parents: list[int | None] = []
    stack: list[int] = []
    for i, entry in enumerate(toc):
        while stack and toc[stack[-1]].level >= entry.level:
            stack.pop()
        parents.append(stack[-1] if stack else None)
        stack.append(i)
    return parents


def _entry_path(toc: Sequence[TocEntry], parents: Sequence[int | None], i: int) -> tuple[object, ...]:
    out: list[object] = []
    node: int | None = i
    while node is not None:
        number = toc[node].number
        out.append(number.values if number else normalize_title(toc[node].title))
        node = parents[node]
    return tuple(reversed(out))


def _heading_path(h: Heading) -> tuple[object, ...]:
    return tuple(n.number.values if n.number else normalize_title(n.title) for n in h.path())


def align(doc: Document) -> Alignment:
    """Match contents entries to headings by title (fuzzy) and number, preserving what matches best."""
    cached = doc.cache.get("alignment")
    if isinstance(cached, Alignment):
        return cached
    toc = doc.toc
    headings = doc.all_headings()
    parents = _entry_parents(toc)
    used: dict[int, int] = {}  # id(heading) -> entry index
    by_id = {id(h): h for h in headings}
    match: dict[int, Heading] = {}

    by_title: dict[str, list[Heading]] = {}
    for h in headings:
        by_title.setdefault(normalize_title(h.title), []).append(h)
    # 1. identical titles; among several, prefer the same number path, then the same label.
    for i, entry in enumerate(toc):
        cands = [h for h in by_title.get(normalize_title(entry.title), []) if id(h) not in used]
        if not cands:
            continue
        path = _entry_path(toc, parents, i)
        label = entry.number.values if entry.number else None
        cands.sort(key=lambda h: (_heading_path(h) != path, (h.number.values if h.number else None) != label))
        match[i] = cands[0]
        used[id(cands[0])] = i
    # 2. fuzzy titles and equal numbers, best pairs first.
    rest = [i for i in range(len(toc)) if i not in match]
    free = [h for h in headings if id(h) not in used]
    if rest and free:
        index: dict[object, list[Heading]] = {}
        for h in free:
            index.setdefault(_heading_path(h), []).append(h)
            for tok in set(normalize_title(h.title).split()):
                if len(tok) >= 4 or not tok.isascii():
                    index.setdefault(tok, []).append(h)
        scored: list[tuple[float, int, int]] = []
        for i in rest:
            entry = toc[i]
            norm = normalize_title(entry.title)
            path = _entry_path(toc, parents, i)
            pool: dict[int, Heading] = {id(h): h for h in index.get(path, [])}
            for tok in set(norm.split()):
                for h in index.get(tok, [])[:50]:
                    pool.setdefault(id(h), h)
            for hid, h in pool.items():
                sim = similarity(norm, normalize_title(h.title))
                same_path = _heading_path(h) == path and entry.number is not None
                same_label = (
                    entry.number is not None and h.number is not None and entry.number.values == h.number.values
                )
                if sim >= 0.6 or same_path or (same_label and sim >= 0.5):
                    scored.append((sim + 0.3 * same_path + 0.1 * same_label, i, hid))
        scored.sort(key=lambda t: (-t[0], t[1]))
        for _, i, hid in scored:
            if i in match or hid in used:
                continue
            match[i] = by_id[hid]
            used[hid] = i
    order = {id(h): k for k, h in enumerate(headings)}
    pairs = sorted(match.items())
    keep = _longest_increasing([order[id(h)] for _, h in pairs])
    out_of_order = tuple(pairs[k][0] for k in range(len(pairs)) if k not in keep)
    unmatched = tuple(h for h in headings if id(h) not in used)
    result = Alignment(
        tuple(pairs),
        tuple(i for i in range(len(toc)) if i not in match),
        unmatched,
        out_of_order,
        tuple(parents),
        _tail(toc, pairs, unmatched),
    )
    doc.cache["alignment"] = result
    return result


def _tail(toc: Sequence[TocEntry], pairs: Sequence[tuple[int, Heading]], unmatched: Sequence[Heading]) -> int:
    """The entries after the last matched one are past the document's end when no heading at a
    level the contents lists follows that last match: the file stops early."""
    if not pairs:
        return len(toc)
    last_entry, last_heading = pairs[-1]
    offset = last_heading.level - toc[last_entry].level
    depth = max(e.level for e in toc)
    if any(h.span.line > last_heading.span.line and h.level - offset <= depth for h in unmatched):
        return len(toc)
    return last_entry + 1


def _longest_increasing(seq: Sequence[int]) -> set[int]:
    """Indices of one longest strictly increasing subsequence (patience sorting)."""
    import bisect

    tails: list[int] = []
    tail_idx: list[int] = []
    prev = [-1] * len(seq)
    for k, v in enumerate(seq):
        pos = bisect.bisect_left(tails, v)
        if pos == len(tails):
            tails.append(v)
            tail_idx.append(k)
        else:
            tails[pos] = v
            tail_idx[pos] = k
        prev[k] = tail_idx[pos - 1] if pos else -1
    out: set[int] = set()
    k = tail_idx[-1] if tail_idx else -1
    while k >= 0:
        out.add(k)
        k = prev[k]
    return out
