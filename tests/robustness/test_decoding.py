"""A stray byte must not flip a UTF-8 file to a legacy guess (D35)."""

from __future__ import annotations

import pytest

from outlint import read_bytes
from outlint.readers.decode import decode

CJK = "# 网络空间\n\n## 一、概述\n\n本节内容很长，描述了系统的设计目标。\n\n## 二、范围\n\n所有数据均来自公开的报告。\n"


@pytest.mark.parametrize(
    ("data", "text"),
    [
        pytest.param(b"# A\n\n\xed\xa0\x80 text\n", "# A\n\n\ufffd text\n", id="D35-lone-surrogate"),
        pytest.param("café".encode() + b" \x80 ok\n", "café \ufffd ok\n", id="one-stray-byte"),
        pytest.param(CJK.encode()[:40] + b"\xff" + CJK.encode()[40:], None, id="D35-cjk-with-a-stray-byte"),
        pytest.param(b"\xef\xbb\xbf# T\n\xc3 x\n", "# T\n\ufffd x\n", id="bom-declares-utf8"),
    ],
)
def test_utf8_with_a_stray_byte_stays_utf8(data: bytes, text: str | None) -> None:
    decoded, encoding = decode(data)
    assert encoding in ("utf-8", "utf-8-sig")
    if text is not None:
        assert decoded == text
    else:
        assert "\ufffd" in decoded and "网络空间" in decoded and "公开的报告" in decoded  # a cut character


def test_the_d35_reproducer_keeps_its_heading() -> None:
    doc = read_bytes(b"# A\n\n\xed\xa0\x80 text\n", "a.md")
    assert [h.title for h in doc.facts.headings] == ["A"]


def test_legacy_text_is_still_detected() -> None:
    # no valid multi-byte UTF-8 at all: a legacy encoding, for the detector to name (which one it names
    # on a short sample is its business)
    text, encoding = decode("Crème brûlée, café au lait, déjà vu, naïve façade.\n".encode("cp1252") * 20)
    assert encoding != "utf-8" and "\ufffd" not in text
