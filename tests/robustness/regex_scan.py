"""Run every module-level compiled pattern of outlint against adversarial strings (a child process).

Used by test_regex.py, which restarts it after a pattern that does not finish in time. Prints one JSON
object per line: {"start": k, "id": ...} before pattern k, {"done": k, "id": ..., "slow": [...]} after.
Run by hand: ``python -m tests.robustness.regex_scan [START]`` from the repository root.
"""

from __future__ import annotations

import importlib
import itertools
import json
import pkgutil
import re
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import outlint
from outlint.lazyre import LazyPattern

SIZES = (24, 2000, 8000)
SLOW = 0.01  # seconds at the largest size; a linear scan of 8000 characters takes about 0.1 ms
GROWTH = 10  # linear would be 4 from 2000 to 8000 characters, quadratic 16
FILLERS = (" ", "\t", "a", ".", "-")
GENERIC = " a1\n\t\r\x0c-._*#@`[](){}<>!\"'=/\\|:;,é中、（）\u3000\x00"
SHAPES = (  # pieces of the inputs that broke patterns before (robustness defects D13-D19)
    "![a]",
    "[a]",
    "<!---->",
    'a="b" ',
    "a()",
    "``",
    "**",
    "__",
    "<a b",
    "<!-- toc",
    "@a.",
    "x@",
    "1.",
    "(1)",
    "1 ",
    "a ",
    " .",
    ". ",
    "第一",
    "一、",
    "&#1;",
    "&a",
    "\\*",
    "a-",
    "-a",
    "a.b",
    "a/",
    "#",
)


def collect() -> list[tuple[str, re.Pattern[Any]]]:
    """Every compiled pattern at module level (or inside a module-level tuple, list or dict), by
    ``module:name[index]``, in a stable order."""
    found: list[tuple[str, re.Pattern[Any]]] = []
    for info in sorted(pkgutil.walk_packages(outlint.__path__, "outlint."), key=lambda m: m.name):
        if info.name.endswith("__main__"):
            continue
        module = importlib.import_module(info.name)
        for name, value in sorted(vars(module).items()):
            pattern_like = isinstance(value, re.Pattern | LazyPattern)
            if getattr(value, "__module__", info.name) not in (info.name, None) and not pattern_like:
                continue
            for suffix, pattern in _patterns(value, 3):
                if pattern_like and _defined_elsewhere(module, name):
                    continue
                found.append((f"{info.name}:{name}{suffix}", pattern))
    return found


def _defined_elsewhere(module: Any, name: str) -> bool:
    """An imported pattern (``from x import _RE``) is tested where it is defined."""
    source = Path(module.__file__).read_text(encoding="utf-8")
    return re.search(rf"^{re.escape(name)}\s*(?::[^=\n]*)?=", source, re.MULTILINE) is None


def _patterns(value: Any, depth: int) -> Iterator[tuple[str, re.Pattern[Any]]]:
    if isinstance(value, re.Pattern):
        yield "", value
    elif isinstance(value, LazyPattern):
        yield "", value.compiled()
    elif depth and isinstance(value, tuple | list):
        for i, item in enumerate(value):
            for suffix, p in _patterns(item, depth - 1):
                yield f"[{i}]{suffix}", p
    elif depth and isinstance(value, dict):
        for key, item in value.items():
            for suffix, p in _patterns(item, depth - 1):
                yield f"[{key!r}]{suffix}", p


_METHODS = r"\.(match|fullmatch|search|finditer|findall|sub|subn|split)\("


def _sources() -> list[str]:
    """The package's source, without import statements (a name imported is not a name used)."""
    out = []
    for path in sorted(Path(outlint.__path__[0]).rglob("*.py")):
        text = path.read_text(encoding="utf-8")
        text = re.sub(r"^[ \t]*from [\w.]+ import \([^)]*\)", "", text, flags=re.MULTILINE)
        text = re.sub(r"^[ \t]*(?:from [\w.]+ )?import [^\n]*", "", text, flags=re.MULTILINE)
        out.append(text)
    return out


def methods(ident: str) -> tuple[str, ...]:
    """How the package calls a pattern: the methods used on its name anywhere (or on the loop variable
    of ``for ..., x in NAME``); ``search`` when the pattern is also passed around (the most demanding)."""
    name = re.escape(ident.split(":")[1].split("[")[0])
    used: set[str] = set()
    passed = False
    for text in _sources():
        used.update(re.findall(rf"\b{name}(?:\[[^\]\n]*\])?{_METHODS}", text))
        for var in re.findall(rf"\bfor\s+(?:\w+\s*,\s*)*(\w+)\s+in\s+{name}\b", text):
            used.update(re.findall(rf"\b{re.escape(var)}{_METHODS}", text))
        for line in text.splitlines():
            if re.match(rf"\s*{name}\s*(?::[^=]*)?=", line):
                continue  # the definition
            rest = re.sub(rf"\b{name}(?:\[[^\]\n]*\])?{_METHODS}", "", line)
            rest = re.sub(rf"\bfor\s+(?:\w+\s*,\s*)*\w+\s+in\s+{name}\b", "", rest)
            passed = passed or re.search(rf"\b{name}\b", rest) is not None
    used = {"search" if m in ("finditer", "findall", "sub", "subn", "split") else m for m in used}
    if passed or not used:
        used.add("search")
    return tuple(sorted(used))


def _parsed(pattern: re.Pattern[Any]) -> Any:
    from re import _parser  # type: ignore[attr-defined]  # the standard parser, private but stable

    source = pattern.pattern.decode("latin-1") if isinstance(pattern.pattern, bytes) else pattern.pattern
    flags = pattern.flags & ~re.UNICODE if isinstance(pattern.pattern, bytes) else pattern.flags
    try:
        return _parser.parse(source, flags)
    except Exception:  # read differently by the private parser: use the generic inputs
        return None


def _subpatterns(tree: Any) -> Iterator[Any]:
    """Every sequence of the parsed pattern (the top one, groups, branches, repeats, lookarounds)."""
    from re import _parser  # type: ignore[attr-defined]

    stack = [tree]
    while stack:
        node = stack.pop()
        if isinstance(node, _parser.SubPattern):
            yield node
            stack.extend(arg for _, arg in node)
        elif isinstance(node, tuple | list):
            stack.extend(node)


def _literals(pattern: re.Pattern[Any]) -> tuple[list[str], list[str]]:
    """The characters the pattern names (literals, first characters of classes), and its literal runs
    of two or more characters (``toc``, ``>>>``): the text that leads into its hard parts."""
    tree = _parsed(pattern)
    if tree is None:
        return [], []
    chars: list[str] = []
    runs: list[str] = []
    for sub in _subpatterns(tree):
        run = ""
        for op, arg in sub:
            name = str(op)
            if name in ("LITERAL", "NOT_LITERAL"):
                chars.append(chr(arg))
            elif name == "IN":
                chars.extend(chr(a if str(o) == "LITERAL" else a[0]) for o, a in arg if str(o) in ("LITERAL", "RANGE"))
            if name == "LITERAL":
                run += chr(arg)
                continue
            if len(run) >= 2:
                runs.append(run)
            run = ""
        if len(run) >= 2:
            runs.append(run)
    return list(dict.fromkeys(chars)), sorted(set(runs), key=lambda r: (len(r), r))[:40]


def units(pattern: re.Pattern[Any]) -> list[str]:
    lits, _ = _literals(pattern)
    out = list(dict.fromkeys([*lits, *GENERIC, *SHAPES]))
    out += [a + b for a, b in itertools.permutations(lits[:7], 2)]
    out += [a + " " for a in lits[:10]] + [a + "a" for a in lits[:10]]
    return list(dict.fromkeys(out))


def leads(pattern: re.Pattern[Any]) -> list[tuple[str, str, str]]:
    """(head, unit, tail) triples that pump a filler after the text leading into the pattern's hard
    part: its literal runs, a word followed by each of its characters, ``a()``."""
    lits, runs = _literals(pattern)
    source = pattern.pattern if isinstance(pattern.pattern, str) else pattern.pattern.decode("latin-1")
    ordered = sorted(runs, key=lambda r: source.lower().find(r.lower()))
    joined = [a + b for a, b in itertools.pairwise(ordered)]  # "outlint-" then "disable": into the codes
    heads = list(dict.fromkeys([*runs, *joined, *("a" + c for c in lits[:12]), "a()", "a", "1."]))
    return [(head, unit, "x\x00") for head in heads for unit in FILLERS]


def _prefix(pattern: re.Pattern[Any]) -> str:
    """The literal text a match must start with, so that the string reaches the pattern's hard part."""
    source = pattern.pattern if isinstance(pattern.pattern, str) else pattern.pattern.decode("latin-1")
    m = re.match(r"(?:\^|\\A)?((?:[^\\\[\](){}.*+?^$|]|\\[^\w])*)", source)
    text = m.group(1) if m else ""
    return re.sub(r"\\(.)", r"\1", text)


def timed(pattern: re.Pattern[Any], how: tuple[str, ...], text: str) -> float:
    data: Any = text.encode("utf-8") if isinstance(pattern.pattern, bytes) else text
    start = time.process_time()
    for method in how:
        if method == "search":
            for _ in pattern.finditer(data):
                pass
        else:
            getattr(pattern, method)(data)
    return time.process_time() - start


def scan(pattern: re.Pattern[Any], how: tuple[str, ...]) -> list[dict[str, Any]]:
    """The first input on which the pattern is too slow: over SLOW seconds and growing faster than linear,
    in the best of three timings."""
    prefix = _prefix(pattern)
    tries = [(head, unit, tail) for unit in units(pattern) for head, tail in ((prefix, "\x00"), ("", "!"))]
    for head, unit, tail in tries + leads(pattern):
        times = {}
        for size in SIZES:
            text = head + unit * max(1, size // len(unit)) + tail
            times[size] = timed(pattern, how, text)
            if size == SIZES[0] and times[size] > SLOW:
                break  # exponential on a short input: no need to try longer ones
        big = times.get(SIZES[-1], times[SIZES[0]])
        small = times.get(SIZES[1], 0.0)
        if big > SLOW and len(times) > 1 and big > GROWTH * max(small, 1e-5):
            # one timing can take a pause of the machine: a verdict rests on the best of three of both
            big, small = (
                min(timed(pattern, how, head + unit * max(1, size // len(unit)) + tail) for _ in range(3))
                for size in (SIZES[-1], SIZES[1])
            )
        if big > SLOW and (len(times) == 1 or big > GROWTH * max(small, 1e-5)):
            return [
                {"unit": unit, "head": head, "tail": tail, "seconds": {str(k): round(v, 4) for k, v in times.items()}}
            ]
    return []


def main(start: int = 0) -> None:
    patterns = collect()
    print(json.dumps({"count": len(patterns), "ids": [i for i, _ in patterns]}), flush=True)
    for k in range(start, len(patterns)):
        ident, pattern = patterns[k]
        how = methods(ident)
        print(json.dumps({"start": k, "id": ident}), flush=True)
        print(json.dumps({"done": k, "id": ident, "methods": how, "slow": scan(pattern, how)}), flush=True)


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 0)
