"""Turn bytes into text: BOMs, UTF-8, UTF-16 without BOM, then a detector for legacy encodings."""

from __future__ import annotations

import re

from outlint.model import ReadError

_BOMS = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)
# Control characters that never occur in text. Allowed: tab, newlines, form feed, escape (terminal
# colours), backspace (groff overstrikes) and unit separator (Info node separators).
_SURROGATES = re.compile("[\ud800-\udfff]")
_BINARY_RE = re.compile(r"[\x00-\x07\x0e-\x1a\x1c-\x1e]")
# GNU Info files mark index nodes and images with cookies that start with NUL and backspace
# (``\0\b[index\0\b]``, ``\0\b[image src="a.png"\0\b]``): a NUL followed by a backspace is text.
_COOKIE = "\x00\x08"


def decode(data: bytes) -> tuple[str, str]:
    """Return (text, encoding) or raise ReadError saying why the bytes are not text."""
    if not data:
        raise ReadError("file is empty")
    for bom, encoding in _BOMS:
        if data.startswith(bom) and encoding == "utf-8-sig":
            text = _utf8_with_strays(data[len(bom) :], declared=True)
            if text is not None:
                return _checked(text, encoding), encoding
        if data.startswith(bom):
            try:
                return _checked(data.decode(encoding), encoding), encoding
            except UnicodeDecodeError as exc:
                raise ReadError(f"invalid {encoding} data at byte {exc.start}") from None
    utf16 = _utf16_without_bom(data)
    if utf16:
        try:
            return _checked(data.decode(utf16), utf16), utf16
        except UnicodeDecodeError:
            pass
    try:
        return _checked(data.decode("utf-8"), "utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        utf8_error = exc
    text = _utf8_with_strays(data)
    if text is not None:
        return _checked(text, "utf-8"), "utf-8"
    if data.count(b"\x00") > data.count(_COOKIE.encode()):
        raise ReadError("binary file (contains NUL bytes)")
    import charset_normalizer  # legacy encodings only: keeps the common path fast

    best = charset_normalizer.from_bytes(data[:262144]).best()
    if best is None:
        legacy = _cjk_legacy(data)
        if legacy is not None:
            return legacy
        raise ReadError(f"cannot decode: not UTF-8 (invalid byte at {utf8_error.start}) and no known encoding fits")
    encoding = best.encoding
    if encoding in ("gb2312", "gbk", "hz"):
        encoding = "gb18030"  # the superset: a GBK guess on a sample must not fail on the rest
    try:
        return _checked(data.decode(encoding), encoding), encoding
    except (UnicodeDecodeError, LookupError):
        raise ReadError(f"cannot decode as {encoding} (detected) or UTF-8") from None


# The legacy CJK encodings, narrowest first (gb18030 decodes nearly any bytes), tried when the
# detector finds no encoding at all: a long Big5 text can defeat it and still decode cleanly.
_CJK_LEGACY = ("big5", "euc-jp", "shift_jis", "euc-kr", "gb18030")
_CJK_TEXT = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
# Of the text's non-ASCII characters, at least this share must be CJK for an encoding to fit.
CJK_FIT = 0.8


def _cjk_legacy(data: bytes) -> tuple[str, str] | None:
    """The first legacy CJK encoding that decodes the bytes strictly into CJK text."""
    for encoding in _CJK_LEGACY:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        wide = sum(1 for c in text if c > "\x7f")
        if wide and len(_CJK_TEXT.findall(text)) >= CJK_FIT * wide:
            return _checked(text, encoding), encoding
    return None


def _utf8_with_strays(data: bytes, declared: bool = False) -> str | None:
    """UTF-8 text with a few bad bytes, each read as U+FFFD; None when the bytes are not UTF-8.

    One stray byte (a cut character, a lone surrogate as some encoders write it) must not make a
    UTF-8 file pass for a legacy encoding: a detector guesses wildly on such data (mac_iceland, utf_16_be,
    or nothing for CJK text). The file counts as UTF-8 when its bad sequences are lone surrogates
    only, or when no fewer of its non-ASCII sequences are valid UTF-8 than not: text in a legacy encoding
    almost never forms a valid multi-byte UTF-8 sequence by chance. ``declared`` (a UTF-8 BOM): always."""
    try:
        return _SURROGATES.sub("\ufffd", data.decode("utf-8", "surrogatepass"))
    except UnicodeDecodeError:
        pass
    text = data.decode("utf-8", "replace")
    bad = text.count("\ufffd")
    good = sum(1 for c in text if c > "\x7f") - bad
    return text if declared or (good >= 1 and bad <= good) else None


def _utf16_without_bom(data: bytes) -> str | None:
    sample = data[:4096]
    if len(sample) < 4:
        return None
    even = sample[0::2].count(0)
    odd = sample[1::2].count(0)
    half = len(sample) // 2
    if odd > half * 0.4 and even < half * 0.05:
        return "utf-16-le"
    if even > half * 0.4 and odd < half * 0.05:
        return "utf-16-be"
    return None


def _checked(text: str, encoding: str) -> str:
    sample = text[:65536]
    cookies = sample.count(_COOKIE)
    bad = len(_BINARY_RE.findall(sample)) - cookies
    if bad > max(4, len(sample) // 100) or sample.count("\x00") > cookies:  # a NUL outside a cookie
        raise ReadError(f"binary file ({bad} control characters in the first {len(sample)} characters, as {encoding})")
    return text
