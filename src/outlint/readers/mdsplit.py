"""Where a Markdown file's text is cut before parsing: its front matter, and runs that parse alone."""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

from outlint.readers.markup import TextLines

_YAML_KEY = re.compile(r"[\w\"'-][^:=]*+[:=]|#|\s*$")  # [^:=] takes blanks too: possessive, no backtracking
# Characters per parser run. Each run's text is a string of its own: the parser keeps a UTF-8 copy
# of any non-ASCII string it reads for as long as the string lives, and the document's text lives on.
_CHUNK = 200_000
_ATX_AT_MARGIN = re.compile(r"#{1,6}(?:[ \t]|$)")
# lines that may open a fence, raw HTML or a heading, found after their line break (a fast search)
_CANDIDATE = re.compile(r"\n {0,3}[`~<#]")
_CANDIDATE_CR = re.compile(r"[\r\n] {0,3}[`~<#]")
_LINE_START = re.compile(r" {0,3}[`~<#]")
_FENCE = re.compile(r" {0,3}(`{3,}|~{3,})")
# HTML blocks that a blank line does not end (CommonMark types 1 to 5), and the text that ends them
_RAW_OPEN = re.compile(r" {0,3}<(?:(!--)|(script|pre|style|textarea)\b|(!\[CDATA\[)|(\?)|(![A-Za-z]))", re.IGNORECASE)


def chunks(lines: Sequence[str], front: int) -> list[tuple[int, int]]:
    """Line ranges that parse alone as they parse together: cut before an ATX heading at the margin
    after a blank line, which ends any list, quote, table, paragraph or HTML block, when no fence,
    comment or raw HTML block is open. Only lines that may open or close such a block are looked
    at (the text is searched for them), so a long document is not read line by line here."""
    if not isinstance(lines, TextLines) or len(lines.text) - lines.starts[front] < _CHUNK:
        return [(front, len(lines))]
    text, starts = lines.text, lines.starts
    cuts = [front]
    fence = ""
    pattern = _CANDIDATE if "\r" not in text else _CANDIDATE_CR
    first = _LINE_START.match(text, starts[front]) is not None
    pos = starts[front]
    while True:
        if first:
            n, first = front, False
        else:
            m = pattern.search(text, pos)
            if m is None:
                break
            n = bisect.bisect_right(starts, m.start() + 1) - 1  # the line after the line break
            if n >= len(lines):
                break
        line = lines[n]
        pos = starts[n + 1] - 1 if n + 1 < len(starts) else len(text)  # at the break ending line n
        fenced = _FENCE.match(line)
        if fenced and (
            not fence
            or (
                fenced.group(1)[0] == fence[0]
                and len(fenced.group(1)) >= len(fence)
                and not line[fenced.end() :].strip()
            )
        ):
            fence = "" if fence else fenced.group(1)
            continue
        if fence:
            continue
        raw = _RAW_OPEN.match(line) if "<" in line[:4] else None
        if raw:
            group = raw.lastindex or 1
            want = f"</{raw.group(2).lower()}>" if group == 2 else ("-->", "", "]]>", "?>", ">")[group - 1]
            if want not in line[raw.end() :].lower():
                close = re.compile(re.escape(want), re.IGNORECASE).search(text, starts[n] + raw.end())
                if close is None:
                    break  # open to the end: no cut after it
                pos = max(pos, close.end() - 1)
            continue
        if (
            starts[n] - starts[cuts[-1]] >= _CHUNK
            and n > cuts[-1]
            and not lines[n - 1].strip()
            and _ATX_AT_MARGIN.match(line)
        ):
            cuts.append(n)
    return list(zip(cuts, [*cuts[1:], len(lines)], strict=True))


def front_matter(lines: Sequence[str]) -> int:
    """Number of lines of YAML (``---``) or TOML (``+++``) front matter at the top."""
    if not lines or lines[0].rstrip() not in ("---", "+++"):
        return 0
    fence = lines[0].rstrip()
    for i in range(1, min(len(lines), 1000)):
        s = lines[i].rstrip()
        if s == fence or (fence == "---" and s == "..."):
            return i + 1 if i > 1 else 0
        if i == 1 and not _YAML_KEY.match(s):
            return 0
    return 0
