"""Bad configuration, profile and baseline files (D8-D11, D33, D37): exit 2, one line naming the file."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.robustness.conftest import GAP_MD, one_line_error, outlint

Make = Callable[[Path], None]


def write(name: str, data: str | bytes) -> Make:
    def make(root: Path) -> None:
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(data, bytes):
            path.write_bytes(data)
        else:
            path.write_text(data, encoding="utf-8")

    return make


def chain(n: int) -> Make:
    def make(root: Path) -> None:
        (root / "chain").mkdir()
        for i in range(n):
            (root / "chain" / f"c{i}.toml").write_text(f'extends = "c{i + 1}.toml"\n')
        (root / "chain" / f"c{n}.toml").write_text('select = ["OL2"]\n')
        (root / ".outlint.toml").write_text('extends = "chain/c0.toml"\n')

    return make


def fifo(name: str) -> Make:
    return lambda root: os.mkfifo(root / name)


def link(name: str, target: str) -> Make:
    return lambda root: os.symlink(target, root / name)


CONFIGS = [
    pytest.param([write("pyproject.toml", "tool = 1\n")], "pyproject.toml", "", id="D8-tool-is-not-a-table"),
    pytest.param(
        [write("pyproject.toml", "[tool]\noutlint = 1\n")],
        "pyproject.toml",
        "'tool.outlint' must be a table",
        id="D8-outlint-not-a-table",
    ),
    pytest.param(
        [write("pyproject.toml", b'[tool.outlint]\nlanguage = "\xff"\n')],
        "pyproject.toml",
        "not UTF-8",
        id="D8-pyproject-not-utf8",
    ),
    pytest.param([write(".outlint.toml", b'language = "\xe9"\n')], ".outlint.toml", "not UTF-8", id="D8-toml-not-utf8"),
    pytest.param(
        [write(".outlint.toml", "x = " + "[" * 5000 + "]" * 5000 + "\n")],
        ".outlint.toml",
        "nested too deeply",
        id="D8-deep-nesting",
    ),
    pytest.param(
        [write(".outlint.toml", "select = " + "[" * 300 + "]" * 300 + "\n")],
        ".outlint.toml",
        "'select.0': expected string",
        id="deep-but-parsed",
    ),
    pytest.param([chain(2000)], ".outlint.toml", "'extends' chain longer than 64 files", id="D8-extends-chain-2000"),
    pytest.param(
        [write(".outlint.toml", 'extends = "/dev/zero"\n')], "/dev/zero", "a character device", id="D8-extends-dev-zero"
    ),
    pytest.param(
        [fifo("pipe.toml"), write(".outlint.toml", 'extends = "pipe.toml"\n')],
        "pipe.toml",
        "a named pipe",
        id="D11-extends-fifo",
    ),
    pytest.param([link(".outlint.toml", "/dev/zero")], None, "", id="dev-zero-as-config-is-not-a-file"),
    pytest.param(
        [write("pyproject.toml", "[tool.outlint\nselect=[\n")],
        "pyproject.toml",
        "invalid TOML",
        id="D33-broken-tool-table",
    ),
    pytest.param(
        [write("pyproject.toml", '[tool.outlint]\nselect = ["OL2"]\n[tool.outlint]\n')],
        "pyproject.toml",
        "invalid TOML",
        id="D33-duplicate-table",
    ),
]


@pytest.mark.parametrize(("files", "named", "problem"), CONFIGS)
def test_a_bad_configuration_is_one_line_and_exit_2(
    tmp_path: Path, files: list[Make], named: str | None, problem: str
) -> None:
    for make in files:
        make(tmp_path)
    (tmp_path / "a.md").write_text(GAP_MD)
    ran = outlint("check", "a.md", cwd=tmp_path, timeout=30)
    if not problem:  # not a configuration of outlint at all: the run goes on with the defaults
        assert ran.code == 1 and "OL201" in ran.out and "Traceback" not in ran.err, ran
        return
    one_line_error(ran, named or "", problem)


def test_an_unrelated_broken_pyproject_is_not_outlints_business(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text("[project\nname = 1\n")
    (tmp_path / "a.md").write_text(GAP_MD)
    ran = outlint("check", "a.md", cwd=tmp_path)
    assert ran.code == 1 and "OL201" in ran.out


def test_explicit_config_that_is_a_pipe(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "c.toml")
    (tmp_path / "a.md").write_text(GAP_MD)
    one_line_error(outlint("check", "--config", "c.toml", "a.md", cwd=tmp_path, timeout=30), "c.toml")


# --- profiles ----------------------------------------------------------------------------------

PROFILES = [
    pytest.param('{"$ref": "#"}', "references loop without end", id="D9-ref-loop"),
    pytest.param(
        '{"$defs": {"a": {"$ref": "#/$defs/b"}, "b": {"$ref": "#/$defs/a"}}, '
        '"properties": {"headings": {"$ref": "#/$defs/a"}}}',
        "references loop without end",
        id="ref-loop-through-defs",
    ),
    pytest.param("[" * 100000 + "]" * 100000, "nested too deeply", id="D9-deep-json"),
    pytest.param('{"$ref": "http://127.0.0.1:9/x.json"}', "never on the network", id="D9-remote-ref"),
    pytest.param(
        '{"properties": {"a": {"$ref": "https://example.invalid/s#/x"}}}',
        "never on the network",
        id="remote-ref-nested",
    ),
    pytest.param(
        '{"$id": "http://127.0.0.1:9/", "properties": {"a": {"$ref": "x.json"}}}',
        "never on the network",
        id="remote-base",
    ),
    pytest.param(
        '{"properties": {"a": {"$ref": "missing.json"}}}',
        "missing.json: cannot read: No such file",
        id="missing-local-ref",
    ),
    pytest.param('{"properties": {"a": {"$ref": "file:///dev/zero"}}}', "a character device", id="ref-to-dev-zero"),
    pytest.param('{"properties": {"a": {"$ref": "#/$defs/nope"}}}', "no such place", id="dangling-pointer"),
    pytest.param("[1]", "not a valid JSON Schema", id="not-a-schema"),
    pytest.param(b'{"title": "\xff"}', "not UTF-8", id="not-utf8"),
]


@pytest.mark.parametrize(("text", "problem"), PROFILES)
def test_a_bad_profile_is_one_line_and_exit_2(tmp_path: Path, text: str | bytes, problem: str) -> None:
    write("p.json", text)(tmp_path)
    (tmp_path / "a.md").write_text(GAP_MD)
    one_line_error(outlint("check", "--profile", "p.json", "a.md", cwd=tmp_path, timeout=60), "p.json", problem)


@pytest.mark.parametrize("special", ["/dev/zero", "fifo"])
def test_a_profile_that_is_not_a_file(tmp_path: Path, special: str) -> None:
    if special == "fifo":
        os.mkfifo(tmp_path / "p.json")
    else:
        os.symlink(special, tmp_path / "p.json")
    (tmp_path / "a.md").write_text(GAP_MD)
    one_line_error(
        outlint("check", "--profile", "p.json", "a.md", cwd=tmp_path, timeout=30), "p.json", "not a regular file"
    )


def test_local_and_shipped_references_still_work(tmp_path: Path) -> None:
    write("common/defs.json", '{"$defs": {"title": {"type": "string"}}}')(tmp_path)
    write(
        "p.json",
        json.dumps(
            {
                "allOf": [
                    {"$ref": "urn:outlint:schema:outline"},
                    {"$ref": "https://json-schema.org/draft/2020-12/schema"},
                ],
                "properties": {"title": {"$ref": "common/defs.json#/$defs/title"}},
                "required": ["headings"],
            }
        ),
    )(tmp_path)
    (tmp_path / "a.md").write_text(GAP_MD)
    ran = outlint("check", "--profile", "p.json", "--select", "OL501", "a.md", cwd=tmp_path)
    assert (ran.code, ran.out) == (0, ""), ran


# --- baselines ---------------------------------------------------------------------------------

BASELINES = [
    pytest.param(
        '{"outlint-baseline":1,"findings":' + "[" * 100000 + "]" * 100000 + "}", "nested too deeply", id="D10-deep-json"
    ),
    pytest.param('{"outlint-baseline": true, "findings": []}', "is not an outlint baseline", id="D37-version-true"),
    pytest.param('{"outlint-baseline": 1.0, "findings": []}', "is not an outlint baseline", id="D37-version-float"),
    pytest.param('{"outlint-baseline": 1, "findings": {}}', "'findings' must be a list", id="D37-findings-object"),
    pytest.param(
        '{"outlint-baseline": 1, "findings": [{"fingerprint": 1, "path": "a", "code": "x"}]}',
        "malformed entry (#1)",
        id="entry-types",
    ),
    pytest.param(b'{"outlint-baseline": 1, "findings": ["\xff"]}', "not UTF-8", id="not-utf8"),
]


@pytest.mark.parametrize(("text", "problem"), BASELINES)
def test_a_bad_baseline_is_one_line_and_exit_2(tmp_path: Path, text: str | bytes, problem: str) -> None:
    write("b.json", text)(tmp_path)
    (tmp_path / "a.md").write_text(GAP_MD)
    one_line_error(outlint("check", "--baseline", "b.json", "a.md", cwd=tmp_path, timeout=30), "b.json", problem)


@pytest.mark.parametrize("special", ["/dev/zero", "fifo"])
def test_a_baseline_that_is_not_a_file_D11(tmp_path: Path, special: str) -> None:
    if special == "fifo":
        os.mkfifo(tmp_path / "b.json")
    else:
        os.symlink(special, tmp_path / "b.json")
    (tmp_path / "a.md").write_text(GAP_MD)
    one_line_error(
        outlint("check", "--baseline", "b.json", "a.md", cwd=tmp_path, timeout=30), "b.json", "not a regular file"
    )


def test_a_baseline_with_a_bom_is_read_D37(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text(GAP_MD)
    assert outlint("check", "--write-baseline", "b.json", "a.md", cwd=tmp_path).code == 0
    (tmp_path / "b.json").write_bytes(b"\xef\xbb\xbf" + (tmp_path / "b.json").read_bytes())
    ran = outlint("check", "--baseline", "b.json", "a.md", cwd=tmp_path)
    assert (ran.code, ran.out) == (0, ""), ran
