"""The one shared list of sample findings every format's golden file is rendered from.

It is built to catch what formats get wrong: several files and a clean one (which some formats
must still list), all three severities, a multi-line span, messages with ``%``, ``:``, ``,``,
quotes, a CR/LF and Chinese text, a path with a comma, a colon and a space, an unreadable file, a
file outlint failed on (OL002), a paired finding with a related location and a language finding
with the language it found.
"""

from __future__ import annotations

import pytest

from outlint.formats import Options
from outlint.model import Detected, Finding, Related, Severity, Span

PATHS = ["docs/clean.txt", "docs/crash.md", "docs/guide.txt", "docs/notes, draft: v2.txt", "docs/白皮书.txt"]
# a run from the project root; the paths above are relative to it
OPTIONS = Options(cwd="/srv/project", root="/srv/project")

FINDINGS = sorted(
    [
        Finding(
            "docs/guide.txt",
            Span(11, 1, 11, 10),
            "OL201",
            Severity.ERROR,
            'numbering gap: "4." follows "2." at the top level (expected "3.")',
            "numbering-gap",
            "3f1c0a9b7d2e4f60",
        ),
        Finding(
            "docs/guide.txt",
            Span(40, 1, 40, 12),
            "OL103",
            Severity.ERROR,
            'heading "3. Method" differs from its contents entry "3. Methods" (line 5)',
            "toc-title-mismatch",
            "91d2c3b4a5f60718",
            (Related(Span(5, 3, 5, 14), 'contents entry "3. Methods"'),),
        ),
        Finding(
            "docs/crash.md",
            Span(1, 1, 1, 1),
            "OL002",
            Severity.ERROR,
            "internal error in the markdown reader: IndexError: list index out of range; "
            "this is a bug in outlint, please report it with the file",
            "internal-error",
            "0b1c2d3e4f5a6b7c",
        ),
        Finding(
            "docs/guide.txt",
            Span(17, 1, 25, 1),
            "OL303",
            Severity.WARNING,
            '9 blank lines in section "5. Results": content may have been lost here',
            "blank-run",
            "a07d5e21c9b84f13",
        ),
        Finding(
            "docs/guide.txt",
            Span(30, 5, 30, 4),
            "OL305",
            Severity.INFO,
            'sentence starts in lowercase: "100% done,\r\nthen: more" (a fragment?)',
            "sentence-fragment",
            "5be2c8d0f4a19e37",
        ),
        Finding(
            "docs/notes, draft: v2.txt",
            Span(1, 1, 1, 1),
            "OL001",
            Severity.ERROR,
            "cannot read file: not valid in any supported encoding",
            "unreadable",
            "c4d9e0b1a2f35867",
        ),
        Finding(
            "docs/白皮书.txt",
            Span(8, 3, 8, 40),
            "OL401",
            Severity.WARNING,
            'paragraph in Chinese (zh) in a document in English (en): "推进亚太经合组织数字经济合作进程。"',
            "foreign-paragraph",
            "e8f7a6b5c4d3e2f1",
            detected=Detected("zh"),
        ),
    ]
)


@pytest.fixture
def sample_findings() -> list[Finding]:
    return list(FINDINGS)


@pytest.fixture
def sample_paths() -> list[str]:
    return list(PATHS)


@pytest.fixture
def sample_options() -> Options:
    return OPTIONS
