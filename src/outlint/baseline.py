"""Baselines: record today's findings by fingerprint, then report only the ones that are new.

A baseline file is JSON, sorted, with one entry per finding (fingerprint, path, code and message,
the last three for the reviewer). Line numbers are left out so that the file does not churn.
"""

from __future__ import annotations

import json
import posixpath
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from outlint import inputs
from outlint.inputs import DEFAULT_MAX_BYTES
from outlint.model import Finding

BASELINE_VERSION = 1


@dataclass(frozen=True, slots=True)
class Entry:
    """One recorded finding."""

    fingerprint: str
    path: str
    code: str
    message: str


@dataclass(frozen=True, slots=True)
class Outcome:
    """What a baseline did to a run: the findings still reported, and the counts for the summary."""

    findings: tuple[Finding, ...]
    known: int  # findings skipped because the baseline has them
    fixed: int  # baseline entries of the checked files that no longer occur


class BaselineError(Exception):
    """A baseline file that cannot be read or is not a baseline."""


def render(findings: Iterable[Finding]) -> str:
    """The baseline file for these findings."""
    entries = sorted({(f.path, f.code, f.fingerprint, f.message) for f in findings})
    data = {
        "outlint-baseline": BASELINE_VERSION,
        "findings": [
            {"fingerprint": fp, "path": path, "code": code, "message": message} for path, code, fp, message in entries
        ],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def load(path: str, limit: int = DEFAULT_MAX_BYTES) -> list[Entry]:
    """The entries of a baseline file; BaselineError, naming the file and the problem, when it
    cannot be read (missing, not a regular file, over ``limit`` bytes, not UTF-8) or is not a baseline."""
    try:
        text = inputs.read_text(path, limit)
    except inputs.InputError as exc:
        raise BaselineError(f"cannot read baseline {path}: {exc.message}") from None
    try:
        data = json.loads(text)
    except ValueError as exc:
        raise BaselineError(f"baseline {path} is not valid JSON: {exc}") from None
    except RecursionError:
        raise BaselineError(f"baseline {path} is not a baseline: JSON nested too deeply") from None
    version = data.get("outlint-baseline") if isinstance(data, dict) else None
    # bool is an int and 1.0 == 1: only the integer itself names the version
    if type(version) is not int or version != BASELINE_VERSION:
        raise BaselineError(f"{path} is not an outlint baseline (version {BASELINE_VERSION})")
    found = data.get("findings")
    if not isinstance(found, list):
        raise BaselineError(f"baseline {path}: 'findings' must be a list of entries")
    entries = []
    for i, e in enumerate(found):
        if not isinstance(e, dict) or not all(isinstance(e.get(k), str) for k in ("fingerprint", "path", "code")):
            raise BaselineError(
                f"baseline {path} has a malformed entry (#{i + 1}): expected fingerprint, path and code as strings"
            )
        entries.append(Entry(e["fingerprint"], e["path"], e["code"], str(e.get("message", ""))))
    return entries


def apply(findings: Sequence[Finding], entries: Sequence[Entry], checked: Iterable[str]) -> Outcome:
    """Drop the findings the baseline knows. Entries for files not checked in this run are not
    counted as fixed: checking one file must not claim the rest of the tree was fixed."""
    budget = Counter(e.fingerprint for e in entries)
    kept = []
    for f in findings:
        if budget[f.fingerprint] > 0:
            budget[f.fingerprint] -= 1
        else:
            kept.append(f)
    paths = {posixpath.normpath(p) for p in checked}  # "./docs/a.txt" is "docs/a.txt", as in fingerprints
    left = Counter(e.fingerprint for e in entries if posixpath.normpath(e.path) in paths)
    matched = Counter(f.fingerprint for f in findings)
    fixed = sum(max(0, n - matched[fp]) for fp, n in left.items())
    return Outcome(tuple(kept), len(findings) - len(kept), fixed)
