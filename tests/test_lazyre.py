"""Patterns compiled on first use answer as the compiled pattern does, and a check that never
meets CJK text never compiles the CJK classes."""

from __future__ import annotations

import copy
import re
import subprocess
import sys

import pytest

from outlint.lazyre import LazyPattern, lazy


def test_lazy_pattern_answers_as_the_compiled_one() -> None:
    source = r"(?P<word>[\u4e00-\u9fff]+)|(?P<other>\d+)"
    pat, ref = lazy(source), re.compile(source)
    text = "abc 中文 123 字"
    assert [m.span() for m in pat.finditer(text)] == [m.span() for m in ref.finditer(text)]
    assert pat.sub("_", text) == ref.sub("_", text)
    assert pat.search(text).lastgroup == "word"  # type: ignore[union-attr]
    assert pat.findall(text) == ref.findall(text)
    assert (pat.pattern, pat.groups, dict(pat.groupindex)) == (source, 2, {"word": 1, "other": 2})
    assert pat.match("x") is None and pat.fullmatch("12") is not None


def test_lazy_pattern_compiles_once_then_calls_the_compiled_methods() -> None:
    pat = lazy("[a-z]+", re.IGNORECASE)
    assert isinstance(pat, LazyPattern) and "search" not in vars(pat)
    assert pat.search("12 AbC").group() == "AbC"  # type: ignore[union-attr]
    method = vars(pat)["search"]
    assert isinstance(method.__self__, re.Pattern) and method.__self__.flags & re.IGNORECASE
    assert pat.search is method  # later calls go straight to the compiled pattern


def test_checking_ascii_text_leaves_the_cjk_classes_uncompiled(tmp_path) -> None:  # type: ignore[no-untyped-def]
    doc = tmp_path / "note.txt"
    doc.write_text("A short note.\n\nIt says very little, and that in plain English words.\n")
    probe = (
        "import sys; from outlint.cli import main\n"
        "from outlint.language import scripts\n"
        "try: main(['check', '--quiet', sys.argv[1]])\n"
        "except SystemExit: pass\n"
        "print('search' in vars(scripts._WIDE))\n"
    )
    done = subprocess.run([sys.executable, "-c", probe, str(doc)], capture_output=True, text=True, check=False)
    assert done.stdout.strip().splitlines()[-1] == "False", done.stderr


def test_a_copy_of_a_lazy_pattern_works_and_a_bare_instance_fails_plainly() -> None:
    pat = lazy("[0-9]+")
    assert copy.copy(pat).findall("a1b22") == ["1", "22"]
    bare = LazyPattern.__new__(LazyPattern)
    with pytest.raises(AttributeError):  # not a RecursionError
        bare.search("1")
