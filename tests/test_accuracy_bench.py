"""The accuracy benchmark's instrument: label files, the split rule, matching and injection.

Runs in a second or two: it checks the corpus's bookkeeping and the scorer's arithmetic on tiny
cases, never outlint on the whole corpus (that is ``python bench/accuracy/score.py``).
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

import jsonschema
import pytest

from tests.conftest import ROOT

BENCH = ROOT / "bench" / "accuracy"
sys.path.insert(0, str(BENCH))

import corpus  # noqa: E402
import inject  # noqa: E402
import score  # noqa: E402
from match import Found, match  # noqa: E402

SCHEMA = json.loads((BENCH / "label.schema.json").read_text(encoding="utf-8"))
LABELS = sorted((BENCH / "labels").rglob("*.json"))


@pytest.mark.parametrize("path", LABELS, ids=[p.relative_to(BENCH / "labels").as_posix() for p in LABELS])
def test_label_file_is_valid(path: Path) -> None:
    raw = json.loads(path.read_text(encoding="utf-8"))
    jsonschema.validate(raw, SCHEMA)
    label = corpus.parse_label(raw, path.name)
    assert raw["document"] == path.relative_to(BENCH / "labels").as_posix().removesuffix(".json")
    assert not (label.sites and label.defects), "defects are injected into clean documents only"


def test_manifest_splits_follow_the_rule_and_every_document_is_labelled() -> None:
    entries = corpus.load_manifest()  # recomputes every document's split, refuses a disagreement
    real = [e for e in entries if not e.tuned]
    assert {e.id for e in real} == {p.relative_to(BENCH / "labels").as_posix()[:-5] for p in LABELS}
    for e in real:
        digest = hashlib.sha256(corpus.load_bytes(e.file)).digest()
        assert e.split == ("dev" if digest[0] < 128 else "held-out")
    tuned = [e for e in entries if e.tuned]
    assert tuned and all(e.split == "dev" for e in tuned)
    assert any(e.path.startswith("tests/data/regressions/") for e in tuned)
    assert any(e.path.startswith("tests/data/text/") for e in tuned)


def test_a_manifest_that_moves_a_document_is_refused(tmp_path: Path) -> None:
    doc = tmp_path / "doc.txt"
    doc.write_bytes(b"Some text.\n")
    wrong = "held-out" if corpus.pool(doc.read_bytes()) == "dev" else "dev"
    entry = {"id": "x/doc", "path": str(doc), "family": "x", "kind": "x", "format": "text", "split": wrong}
    manifest = tmp_path / "manifest.json"
    manifest.write_text(json.dumps({"documents": [{**entry, "source": "", "licence": ""}]}))
    with pytest.raises(corpus.CorpusError, match="split rule gives"):
        corpus.load_manifest(manifest)


def _defect(code: str, first: int, last: int | None = None, *more: tuple[str, int]) -> corpus.Defect:
    alts = [corpus.Alternative((code,), first, last or first)]
    alts += [corpus.Alternative((c,), n, n) for c, n in more]
    return corpus.Defect(tuple(alts), "test")


def test_matching_counts_duplicates_as_false_positives() -> None:
    defects = [_defect("OL101", 10, None, ("OL201", 50)), _defect("OL303", 20, 30), _defect("OL301", 70)]
    findings = [
        Found(50, "OL201"),  # the alternative of the first defect: found
        Found(10, "OL101"),  # the same defect again: a duplicate
        Found(25, "OL303"),  # inside the blank run's range
        Found(31, "OL303"),  # just outside it: false positive
        Found(70, "OL302"),  # right line, wrong code: false positive, and OL301 is missed
    ]
    o = match(findings, defects)
    assert len(o.tp) == 2 and len(o.dup) == 1 and len(o.fp) == 2 and len(o.fn) == 1
    assert o.fn[0].code == "OL301"


def test_matching_pairs_as_many_as_possible() -> None:
    # The finding at 5 fits both defects, the one at 6 only the first: both must be found.
    defects = [_defect("OL201", 5, 6), _defect("OL201", 5)]
    o = match([Found(6, "OL201"), Found(5, "OL201")], defects)
    assert len(o.tp) == 2 and not o.fp and not o.fn and not o.dup


def test_tallies_give_precision_and_recall_per_rule_family() -> None:
    entry = corpus.Entry("f/d", "d.txt", "fam", "kind", "text", "dev")
    defects = [_defect("OL101", 10, None, ("OL201", 50)), _defect("OL303", 20, 30)]
    o = match([Found(50, "OL201"), Found(40, "OL201"), Found(41, "OL305")], defects)
    s = score.Scored("f/d", "d.txt", entry, "real", "", 100, 0.0, defects, o)
    t = score.tallies([s])
    assert (t["all"]["all"].precision, t["all"]["all"].recall) == (1 / 3, 1 / 2)
    assert t["rule"]["OL2xx"].precision == 1 / 2 and t["rule"]["OL2xx"].recall is None
    assert t["rule"]["OL1xx"].recall == 1.0 and t["rule"]["OL1xx"].precision is None
    assert t["rule"]["OL3xx"].recall == 0.0 and t["rule"]["OL3xx"].precision == 0.0


DOC = """Title

Contents

   1. First ............ 1
   2. Second ........... 1
   3. Third ............ 2

1. First

   The first section says something in a sentence that is long enough
   to be read as prose by anyone who looks at it.

2. Second

   The second section has a first paragraph of plain prose that runs
   on for a while, as a paragraph does, and ends with a full stop.

   Its second paragraph is also plain prose of the same kind, with
   words enough to make a paragraph a person would read.

   Its third paragraph closes the section with one more sentence of
   ordinary running text that ends where it should.

3. Third

   The last section is short but has a sentence of its own, which an
   editor reading the end of the document would expect to see.
"""
SITES = [
    {"heading": [9, 9], "next": 14, "number": "1.", "title": "First", "entry": [5, 5], "last": False},
    {"heading": [14, 14], "next": 25, "number": "2.", "title": "Second", "entry": [6, 6], "last": False},
    {"heading": [25, 25], "next": None, "number": "3.", "title": "Third", "entry": [7, 7], "last": True},
]


def test_injection_is_deterministic_and_says_where() -> None:
    entry = corpus.Entry("t/doc", "doc.txt", "t", "t", "text", "dev")
    for s in SITES:
        corpus.check_site(s, "test")
    first = list(inject.derive(entry, DOC.encode(), SITES))
    again = list(inject.derive(entry, DOC.encode(), SITES))
    assert [d.data for d in first] == [d.data for d in again]
    by_kind = {d.kind: d for d in first}
    assert set(by_kind) == set(inject.KINDS)
    lines = {k: d.data.decode().split("\n") for k, d in by_kind.items()}
    deleted = by_kind["delete-section"].defects[0]
    assert deleted.accept[0].codes == ("OL101",)
    if deleted.accept[0].first == 6:  # section 2 went: section 3 now stands where it stood
        assert lines["delete-section"][13] == "3. Third" and deleted.accept[1].codes == ("OL201",)
    renumbered = by_kind["renumber"].defects[0].accept[0]
    assert lines["renumber"][renumbered.first - 1] == "5. Third" and renumbered.codes == ("OL104", "OL201")
    run = by_kind["blank-run"].defects[0].accept[0]
    assert (run.first, run.last) == (18, 25) and not "".join(lines["blank-run"][17:25]).strip()
    cut = by_kind["cut-end"].defects[0].accept[0]
    kept = lines["cut-end"][cut.first - 1]
    original = DOC.split("\n")[cut.first - 1]
    assert cut.codes == ("OL302", "OL304") and original.startswith(kept) and len(kept) < len(original)
    assert lines["cut-end"][cut.first :] == [""] and not kept.endswith((".", ","))
    # a derived line after the edit maps back to its source line; an edited one to nothing
    d = by_kind["blank-run"]
    assert (
        lines["blank-run"][28] == "3. Third"
        and d.source_line(29) == 25
        and d.source_line(20) is None
        and d.source_line(3) == 3
    )


def test_show_refuses_the_held_out_split(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        score.main(["--split", "held-out", "--show", "fp"])
    assert exc.value.code == 2
    assert "held-out" in capsys.readouterr().err


def test_cascade_tool_makes_each_defect_and_counts_only_what_it_adds() -> None:
    import cascade

    from outlint import linter

    text = (
        "Contents\n\n   1. Scope\n   2. Terms\n   3. Method\n   4. Results\n\n"
        "1. Scope\n\n   Text of the scope, in one sentence.\n\n2. Terms\n\n   Text of the terms.\n"
        "   More text of the terms.\n   Yet more of them.\n   The last of them.\n\n"
        "3. Method\n\n   Text of the method.\n\n4. Results\n\n   Text of the results.\n"
    )
    doc = linter.read_bytes(text.encode(), "x.txt")
    found = cascade.site(doc)
    assert found is not None
    h, nxt = found
    assert (h.title, nxt.title) == ("Terms", "Method")  # the middle of the leaves that have a next one
    assert [s[0].title for w in ("first", "last") if (s := cascade.site(doc, w))] == ["Scope", "Method"]
    assert cascade.site(doc, "parent") is None  # no section here has subsections
    lines = text.split("\n")
    deleted = cascade.edit("delete", lines, h, nxt)
    assert deleted is not None and "2. Terms" not in deleted and "3. Method" in deleted
    renumbered = cascade.edit("renumber", lines, h, nxt)
    assert renumbered is not None and "4. Terms" in renumbered
    before = linter.check_bytes(text.encode(), "x.txt")
    after = linter.check_bytes("\n".join(deleted).encode(), "x.txt")
    assert [f.code for f in cascade.extras(before, after)] == ["OL101"]
