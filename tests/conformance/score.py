"""Score outlint's link and heading-level checks against the peers' own test suites.

``python tests/conformance/score.py`` prints the precision and recall of OL107/OL108 against the
MD051 (link fragments) errors markdownlint's fixtures expect, the agreement of OL206 with MD001
(heading increment), and whether every in-document expectation of remark-validate-links is met.
The fixtures and their licences are in ``markdownlint/`` and ``remark-validate-links/``.

markdownlint marks each expected error in the fixture itself (``{MD051}`` on the line, or
``{MD051:120}`` naming the line). A fixture's ``markdownlint-configure-file`` options are given to
outlint where it has the same option (``ignore_case`` is OL107/OL108's ``ignore-case``; markdownlint
compares case by default, so outlint does too unless the fixture says otherwise). ``DIFFERENCES``
lists, one line each, where outlint deliberately differs because it follows what GitHub and
browsers do; they are left out of the scores and the tests check that each still holds.
"""

from __future__ import annotations

import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
if __name__ == "__main__":  # run as a script from a checkout: use this checkout's outlint
    sys.path.insert(0, str(HERE.parent.parent / "src"))

from outlint.linter import Settings, check_bytes  # noqa: E402

MARKDOWNLINT = HERE / "markdownlint"
REMARK = HERE / "remark-validate-links"
LINK_CODES = {"OL107", "OL108"}
LEVEL_CODES = {"OL206"}
_MARKER = re.compile(r"\{(MD\d+)(?::([-+]?)(\d+))?\}")
_CONFIG = re.compile(r"<!--\s*markdownlint-configure-file\s*(\{.*?\})\s*-->", re.DOTALL)

# (fixture, markdownlint rule, line) -> why outlint deliberately differs there.
DIFFERENCES: dict[tuple[str, str, int], str] = {
    ("link-fragments.md", "MD051", 226): "browsers resolve <a name> even when the element also has an id",
    ("link-fragments.md", "MD051", 295): "{#hyphen--run} is an id for the renderers that read {#id} (pandoc, kramdown)",
    ("link-fragments.md", "MD051", 301): "{#UpperCase} is an id for the renderers that read {#id} (pandoc, kramdown)",
    ("link-fragments.md", "MD051", 339): "HTML scrolls to the top for #top in any case (ASCII case-insensitive)",
    ("html-tags.md", "MD051", 90): 'outlint also checks <a href="#..."> in HTML; markdownlint only Markdown links',
    ("heading_increment-title_level3_bad.md", "MD001", 5): "GitHub shows front matter as a table, not as a title",
    ("heading_increment-alt_title_level3_bad.md", "MD001", 5): "GitHub shows front matter as a table, not as a title",
}
# (fixture, line) -> why outlint reports a link there that remark-validate-links leaves alone.
REMARK_DIFFERENCES: dict[tuple[str, int], str] = {
    ("bitbucket.md", 7): "Bitbucket gives no element an id without its markdown-header- prefix: #world leads nowhere",
}


@dataclass
class Score:
    """Matches by (fixture, line) of one outlint check against one peer rule."""

    true_pos: int = 0
    false_pos: int = 0
    false_neg: int = 0
    errors: list[str] = field(default_factory=list)
    misses: list[str] = field(default_factory=list)  # expected, not reported
    extras: list[str] = field(default_factory=list)  # reported, not expected
    differences_seen: set[tuple[str, str, int]] = field(default_factory=set)

    @property
    def precision(self) -> float:
        found = self.true_pos + self.false_pos
        return self.true_pos / found if found else 1.0

    @property
    def recall(self) -> float:
        wanted = self.true_pos + self.false_neg
        return self.true_pos / wanted if wanted else 1.0


def expected_lines(text: str) -> dict[str, set[int]]:
    """The lines markdownlint's test expects an error of each rule on, from the ``{MDnnn}`` markers."""
    out: dict[str, set[int]] = {}
    for index, line in enumerate(re.split(r"\r\n|\r|\n", text)):
        for m in _MARKER.finditer(line):
            rule, sign, value = m.groups()
            number = index + 1
            if value:
                number = number + (1 if sign == "+" else -1) * int(value) if sign else int(value)
            out.setdefault(rule, set()).add(number)
    return out


def fixture_config(text: str) -> dict[str, object]:
    config: dict[str, object] = {}
    for m in _CONFIG.finditer(text):
        config.update(json.loads(m.group(1)))
    return config


def _enabled(config: dict[str, object], names: tuple[str, ...]) -> bool:
    on = config.get("default") is not False
    for name in names:
        if name in config:
            on = config[name] is not False
    return on


def run(
    path: Path, options: dict[str, dict[str, object]], slug: str | None = None
) -> tuple[list[tuple[str, int]], str]:
    """(code, line) of outlint's findings on a fixture, and the internal error if it failed."""
    settings = Settings(options=options, slug=slug)
    try:
        found = check_bytes(path.read_bytes(), path.name, "markdown", settings)
    except Exception as exc:  # a crash is what this suite is here to catch: count it, go on
        return [], f"{path.name}: {type(exc).__name__}: {exc}"
    errors = [f"{path.name}:{f.span.line}: {f.message}" for f in found if f.code == "OL002"]
    return [(f.code, f.span.line) for f in found], "; ".join(errors)


def score_markdownlint(use_defaults: bool = False) -> tuple[Score, Score]:
    """(links, levels): OL107/OL108 against MD051 and OL206 against MD001 over every fixture.

    With ``use_defaults`` outlint runs with its own defaults instead of the fixture's options."""
    links, levels = Score(), Score()
    for path in sorted(MARKDOWNLINT.glob("*.md")):
        text = path.read_text(encoding="utf-8")
        config = fixture_config(text)
        fragments = config.get("link-fragments", config.get("MD051", {}))
        ignore_case = bool(fragments.get("ignore_case", False)) if isinstance(fragments, dict) else False
        options = {} if use_defaults else {c: {"ignore-case": ignore_case} for c in LINK_CODES}
        found, error = run(path, options)
        expected = expected_lines(text)
        for score, rule, codes, names in (
            (links, "MD051", LINK_CODES, ("MD051", "link-fragments", "links")),
            (levels, "MD001", LEVEL_CODES, ("MD001", "heading-increment", "headings")),
        ):
            if error:
                score.errors.append(error)
            if not _enabled(config, names):
                continue
            want = expected.get(rule, set())
            got = {line for code, line in found if code in codes}
            for line in sorted(want | got):
                key = (path.name, rule, line)
                if key in DIFFERENCES and (line in want) != (line in got):
                    score.differences_seen.add(key)
                    continue
                if line in want and line in got:
                    score.true_pos += 1
                elif line in want:
                    score.false_neg += 1
                    score.misses.append(f"{path.name}:{line}")
                else:
                    score.false_pos += 1
                    score.extras.append(f"{path.name}:{line}")
    return links, levels


def score_remark() -> Score:
    """remark-validate-links' in-document expectations: each missing heading it reports, by line."""
    expected = json.loads((REMARK / "expected.json").read_text(encoding="utf-8"))["files"]
    score = Score()
    for name, case in sorted(expected.items()):
        found, error = run(REMARK / name, {}, case["slug"])
        if error:
            score.errors.append(error)
        want = {line for line, _fragment in case["missing"]}
        got = {line for code, line in found if code in LINK_CODES}
        for line in sorted(got - want):
            if (name, line) in REMARK_DIFFERENCES:
                score.differences_seen.add((name, "remark", line))
                got.discard(line)
        score.true_pos += len(want & got)
        score.false_neg += len(want - got)
        score.false_pos += len(got - want)
        score.misses += [f"{name}:{line}" for line in sorted(want - got)]
        score.extras += [f"{name}:{line}" for line in sorted(got - want)]
    return score


def _show(label: str, score: Score) -> None:
    print(
        f"{label}: precision {score.precision:.3f} recall {score.recall:.3f} "
        f"(tp {score.true_pos}, fp {score.false_pos}, fn {score.false_neg}, internal errors {len(score.errors)})"
    )
    for what, items in (("missed", score.misses), ("extra", score.extras), ("internal error", score.errors)):
        for item in items:
            print(f"    {what}: {item}")


def main() -> int:
    links, levels = score_markdownlint()
    _show("OL107/OL108 vs markdownlint MD051", links)
    _show("OL206 vs markdownlint MD001", levels)
    plain, _ = score_markdownlint(use_defaults=True)
    print(
        f"OL107/OL108 vs MD051 with outlint's default options: precision {plain.precision:.3f} "
        f"recall {plain.recall:.3f} (case differences count)"
    )
    _show("OL107/OL108 vs remark-validate-links (in-document)", score_remark())
    seen = len(links.differences_seen | levels.differences_seen)
    print(f"deliberate differences: {len(DIFFERENCES)} listed, {seen} seen")
    return 0


if __name__ == "__main__":
    sys.exit(main())
