"""DOCX safety: each hostile or broken file is one clear OL001, never a traceback, an entity or a fetch."""

from __future__ import annotations

import io
import zipfile

import pytest

from outlint.readers import docxpart
from tests.readers.test_docx_make import docx, h, lint_docx, p, part


def zipped(files: dict[str, bytes | str], method: int = zipfile.ZIP_DEFLATED) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", method) as zf:
        for name, data in files.items():
            zf.writestr(name, data)
    return buf.getvalue()


def only_unreadable(data: bytes) -> str:
    found = lint_docx(data)
    assert [f.code for f in found] == ["OL001"], found
    assert "\n" not in found[0].message
    return found[0].message


BOMB_XML = part("document", "<w:body>" + "<w:p/>" * 400_000 + "</w:body>")


@pytest.mark.parametrize(
    ("data", "message"),
    [
        pytest.param(b"Just some text.\n", "cannot read file: not a DOCX file: not a zip archive", id="text"),
        pytest.param(b"", "cannot read file: not a DOCX file: not a zip archive", id="empty"),
        pytest.param(
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512,
            "cannot read file: not a DOCX file: an OLE2 compound file (a Word 97-2003 .doc, or a "
            "password-protected document)",
            id="word-97",
        ),
        pytest.param(
            docx(p("x"))[:300],
            "cannot read file: not a DOCX file: broken zip archive (File is not a zip file)",
            id="cut",
        ),
        pytest.param(
            zipped({"readme.txt": "hello"}),
            "cannot read file: not a DOCX file: a zip archive with no word/document.xml",
            id="plain-zip",
        ),
        pytest.param(
            zipped({"[Content_Types].xml": "<Types/>", "xl/workbook.xml": "<workbook/>"}),
            "cannot read file: not a DOCX file: an Excel workbook (.xlsx)",
            id="xlsx",
        ),
        pytest.param(
            zipped({"mimetype": "application/vnd.oasis.opendocument.text", "content.xml": "<x/>"}),
            "cannot read file: not a DOCX file: an OpenDocument file (.odt/.ods/.odp)",
            id="odt",
        ),
        pytest.param(
            docx("", document=b'<?xml version="1.0"?>\n<w:document><w:body><w:p></w:body></w:document>'),
            "cannot read file: word/document.xml: not well-formed XML: Namespace prefix w on document is not "
            "defined (line 2)",
            id="malformed-document",
        ),
        pytest.param(
            docx("", document=part("document", "<w:body><w:p><w:r><w:t>cut").encode()),
            "cannot read file: word/document.xml: not well-formed XML: Opening and ending tag mismatch: t line 2 and "
            "document (line 2)",
            id="truncated-document",
        ),
        pytest.param(
            docx(p("x"), styles="<w:style>"),
            "cannot read file: word/styles.xml: not well-formed XML: Opening and ending tag mismatch: style line 2 "
            "and styles (line 2)",
            id="malformed-styles",
        ),
    ],
)
def test_each_bad_file_is_one_clear_ol001(data: bytes, message: str) -> None:
    assert only_unreadable(data) == message


def test_a_member_needing_an_unknown_zip_version_is_a_broken_archive() -> None:
    """A damaged central directory that asks for zip version 8.4 (found by the fuzzer): zipfile
    raises NotImplementedError, which is a broken file, not a bug of outlint."""
    data = bytearray(docx(p("x")))
    at = data.index(b"PK\x01\x02") + 6  # the first member's "version needed to extract"
    data[at : at + 2] = (84).to_bytes(2, "little")
    expected = "cannot read file: not a DOCX file: broken zip archive (zip file version 8.4)"
    assert only_unreadable(bytes(data)) == expected


def test_a_part_that_unpacks_more_than_a_hundred_times_is_a_zip_bomb() -> None:
    data = zipped({"word/document.xml": BOMB_XML})
    packed = zipfile.ZipFile(io.BytesIO(data)).getinfo("word/document.xml").compress_size
    assert only_unreadable(data) == (
        f"cannot read file: zip bomb: word/document.xml would unpack {packed:,} bytes to {len(BOMB_XML):,} "
        "(more than 100 times)"
    )


def test_total_unpacked_size_is_limited(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(docxpart, "MAX_UNPACKED", 2000)
    message = only_unreadable(docx(h(1, "Intro") + p("x" * 3000)))
    assert message == "cannot read file: zip bomb: the parts to read unpack to more than 0 MB"


BILLION_LAUGHS = (
    '<?xml version="1.0"?>\n<!DOCTYPE w:document [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;'
    '&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>\n'
    '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r>'
    "<w:t>&c;</w:t></w:r></w:p></w:body></w:document>"
)
EXTERNAL = (
    '<?xml version="1.0"?>\n<!DOCTYPE w:document [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n'
    '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r>'
    "<w:t>&x;</w:t></w:r></w:p></w:body></w:document>"
)


@pytest.mark.parametrize("xml", [BILLION_LAUGHS, EXTERNAL], ids=["entity-expansion", "external-entity"])
def test_a_dtd_is_refused_and_no_entity_is_resolved(xml: str) -> None:
    message = only_unreadable(docx("", document=xml.encode()))
    assert message == "cannot read file: word/document.xml: declares a DTD (<!DOCTYPE>), which no Word document does"


def test_a_dtd_in_styles_is_refused_too() -> None:
    styles = BILLION_LAUGHS.replace("w:document", "w:styles").replace(
        "<w:body><w:p><w:r><w:t>&c;</w:t></w:r></w:p></w:body>", ""
    )
    data = docx(p("x"), styles=None, extra={"word/styles.xml": styles.encode()})
    data = _with_styles_relation(data)
    assert "word/styles.xml: declares a DTD" in only_unreadable(data)


def _with_styles_relation(data: bytes) -> bytes:
    """The same package, with a relationship from the document to the styles part given as extra."""
    src = zipfile.ZipFile(io.BytesIO(data))
    files = {name: src.read(name) for name in src.namelist()}
    files["word/_rels/document.xml.rels"] = (
        b'<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        b'<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" '
        b'Target="styles.xml"/></Relationships>'
    )
    return zipped(files)


def test_a_missing_main_part_is_named() -> None:
    rels = (
        '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
        'officeDocument" Target="word/main.xml"/></Relationships>'
    )
    message = only_unreadable(zipped({"_rels/.rels": rels, "word/document.xml": part("document", "<w:body/>")}))
    assert message == "cannot read file: not a DOCX file: its main part word/main.xml is missing"


def test_a_corrupt_part_is_named() -> None:
    data = bytearray(zipped({"word/document.xml": part("document", "<w:body>" + p("x" * 200) + "</w:body>")}))
    start = data.index(b"word/document.xml") + len(b"word/document.xml")
    data[start + 20 : start + 30] = b"\xff" * 10  # inside the deflated stream
    assert only_unreadable(bytes(data)).startswith("cannot read file: word/document.xml: cannot unpack (")


def test_strict_open_xml_reads_like_transitional() -> None:
    strict = docx(h(1, "Intro") + p("Text."))
    src = zipfile.ZipFile(io.BytesIO(strict))
    files = {
        name: src.read(name).replace(
            b"http://schemas.openxmlformats.org/wordprocessingml/2006/main",
            b"http://purl.oclc.org/ooxml/wordprocessingml/main",
        )
        for name in src.namelist()
    }
    from outlint.readers import docx as reader

    assert [x.title for x in reader.read(zipped(files), "s.docx").facts.headings] == ["Intro"]


def test_nesting_past_the_depth_limit_is_one_ol001() -> None:
    from outlint.model import ReadError
    from outlint.readers import docx as reader

    deep = "<w:sdt><w:sdtContent>" * 30 + p("deep") + "</w:sdtContent></w:sdt>" * 30
    with pytest.raises(ReadError) as caught:
        reader.read(docx(deep), "deep.docx", max_depth=40)
    assert "63" in caught.value.message and "40" in caught.value.message
    assert [x.text for x in reader.read(docx(deep), "deep.docx", max_depth=100).preamble] == ["deep"]


def test_a_bad_file_does_not_stop_the_others(tmp_path: object) -> None:
    from pathlib import Path

    from outlint.linter import check_path

    root = Path(str(tmp_path))
    (root / "bad.docx").write_bytes(b"not a zip")
    (root / "good.docx").write_bytes(docx(h(1, "Intro") + p("Some text.")))
    assert [f.code for f in check_path(str(root / "bad.docx"))] == ["OL001"]
    assert check_path(str(root / "good.docx")) == []


@pytest.mark.parametrize(
    ("prolog", "declares"),
    [
        (b'<?xml version="1.0"?>\n<!DOCTYPE w:document>', True),
        (b"  <!-- a -->\n<?pi x?><!-- b --><!DOCTYPE x>", True),
        (b'<?xml version="1.0"?>\n<w:document/>', False),
        (b"<!-- <!DOCTYPE x> -->\n<w:document/>", False),
        (b"<?pi <!DOCTYPE x> ?><w:document/>", False),
        (b"<!-- unclosed <!DOCTYPE x>", False),
        (b"<?>" + b"<!DOCTYPE x>", False),
    ],
)
def test_the_prolog_scan_finds_a_dtd_only_where_xml_puts_one(prolog: bytes, declares: bool) -> None:
    assert docxpart._declares_dtd(prolog) is declares


def test_the_prolog_scan_is_linear_on_a_long_run_of_instructions() -> None:
    import time

    start = time.process_time()
    assert not docxpart._declares_dtd(b"<?a?>" * 200_000 + b"<!-" * 100_000)
    assert time.process_time() - start < 1.0
