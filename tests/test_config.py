"""Configuration: discovery, extends, per-file ignores, severities, options, and errors for bad files."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from outlint.cli import main
from outlint.config import ConfigError, Overrides, config_for, discover, load, settings_for
from outlint.linter import check_path
from outlint.model import Severity

GAP = "1. Scope\n\nText.\n\n3. Terms\n\nMore text.\n"
BLANKS = "1. Scope\n\nFirst paragraph.\n" + "\n" * 6 + "Second paragraph.\n"


@pytest.fixture(autouse=True)
def _fresh_caches() -> None:
    discover.cache_clear()
    from outlint import config

    config._load_cached.cache_clear()


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    return path


def codes(path: Path, cli: Overrides | None = None) -> list[tuple[str, str]]:
    return [(f.code, str(f.severity)) for f in check_path(str(path), None, settings_for(str(path), cli))]


def test_discovered_from_the_file_upwards(tmp_path: Path) -> None:
    write(tmp_path / ".outlint.toml", 'ignore = ["OL201"]\n')
    doc = write(tmp_path / "a" / "b" / "doc.txt", GAP)
    assert codes(doc) == []
    assert config_for(str(doc)).path == str(tmp_path / ".outlint.toml")


def test_pyproject_tool_table(tmp_path: Path) -> None:
    write(tmp_path / "pyproject.toml", '[project]\nname = "x"\n\n[tool.outlint]\nignore = ["numbering-gap"]\n')
    assert codes(write(tmp_path / "doc.txt", GAP)) == []


def test_pyproject_without_table_is_skipped(tmp_path: Path) -> None:
    write(tmp_path / ".outlint.toml", 'ignore = ["OL201"]\n')
    write(tmp_path / "sub" / "pyproject.toml", '[project]\nname = "x"\n')
    assert codes(write(tmp_path / "sub" / "doc.txt", GAP)) == []


def test_nearest_configuration_wins(tmp_path: Path) -> None:
    write(tmp_path / ".outlint.toml", 'ignore = ["OL201"]\n')
    write(tmp_path / "sub" / ".outlint.toml", 'select = ["OL2"]\n')
    assert codes(write(tmp_path / "sub" / "doc.txt", GAP)) == [("OL201", "error")]


def test_explicit_config_overrides_discovery(tmp_path: Path) -> None:
    write(tmp_path / ".outlint.toml", 'ignore = ["OL201"]\n')
    other = write(tmp_path / "elsewhere.toml", 'select = ["OL201"]\n')
    doc = write(tmp_path / "doc.txt", GAP)
    assert codes(doc, Overrides(config=str(other))) == [("OL201", "error")]


def test_extends_inherits_and_overrides(tmp_path: Path) -> None:
    write(tmp_path / "base.toml", 'ignore = ["OL3"]\nlanguage = "zh"\n\n[rules.OL201]\nseverity = "warning"\n')
    cfg = write(tmp_path / "proj" / ".outlint.toml", 'extends = "../base.toml"\nlanguage = "en"\n')
    loaded = load(str(cfg))
    assert loaded.ignore == ("OL3",)
    assert loaded.language == "en"
    assert codes(write(tmp_path / "proj" / "doc.txt", GAP + BLANKS)) == [("OL201", "warning")]


def test_extends_loop(tmp_path: Path) -> None:
    write(tmp_path / "a.toml", 'extends = "b.toml"\n')
    write(tmp_path / "b.toml", 'extends = "a.toml"\n')
    with pytest.raises(ConfigError, match="'extends' loops back"):
        load(str(tmp_path / "a.toml"))


def test_per_file_ignores(tmp_path: Path) -> None:
    write(tmp_path / ".outlint.toml", '[per-file-ignores]\n"drafts/*.txt" = ["OL201"]\n"legacy" = ["numbering-gap"]\n')
    assert codes(write(tmp_path / "drafts" / "d.txt", GAP)) == []
    assert codes(write(tmp_path / "legacy" / "deep" / "d.txt", GAP)) == []
    assert codes(write(tmp_path / "final" / "d.txt", GAP)) == [("OL201", "error")]


def test_per_file_ignores_take_the_globs_of_gitignore_and_exclude(tmp_path: Path) -> None:
    write(tmp_path / ".outlint.toml", '[per-file-ignores]\n"drafts/*.txt" = ["OL201"]\n"[[:digit:]]*" = ["OL201"]\n')
    assert codes(write(tmp_path / "drafts" / "d.txt", GAP)) == []
    assert codes(write(tmp_path / "drafts" / "deep" / "d.txt", GAP)) == [("OL201", "error")]  # * stays in a folder
    assert codes(write(tmp_path / "sub" / "2024-notes.txt", GAP)) == []  # no slash: a name at any depth
    assert codes(write(tmp_path / "sub" / "notes.txt", GAP)) == [("OL201", "error")]


def test_severity_and_off(tmp_path: Path) -> None:
    write(tmp_path / ".outlint.toml", '[rules.numbering-gap]\nseverity = "info"\n\n[rules.OL303]\nseverity = "off"\n')
    assert codes(write(tmp_path / "doc.txt", GAP + BLANKS)) == [("OL201", "info")]
    settings = settings_for(str(tmp_path / "doc.txt"))
    assert settings.severities == {"OL201": Severity.INFO}


def test_rule_options(tmp_path: Path) -> None:
    doc = write(tmp_path / "doc.txt", BLANKS)
    assert codes(doc) == [("OL303", "warning")]
    write(tmp_path / ".outlint.toml", "[rules.blank-run]\nmin-blank-lines = 10\n")
    discover.cache_clear()
    assert codes(doc) == []


def test_command_line_wins_over_configuration(tmp_path: Path) -> None:
    write(tmp_path / ".outlint.toml", 'select = ["OL3"]\n')
    doc = write(tmp_path / "doc.txt", GAP)
    assert codes(doc) == []
    assert codes(doc, Overrides(select=["OL201"])) == [("OL201", "error")]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (
            'selekt = ["OL1"]\n',
            "unknown key 'selekt' (expected one of allowed-languages, extends, ignore, language, per-file-ignores, "
            "profile, rules, select, slug)",
        ),
        ('select = "OL1"\n', "'select': expected array, found 'OL1'"),
        ('select = ["OL777"]\n', "'select': unknown rule 'OL777' (see 'outlint rules')"),
        (
            '[rules.OL303]\nseverity = "fatal"\n',
            "'rules.OL303.severity': expected one of error, warning, info, off, found 'fatal'",
        ),
        ('[rules.OL303]\nmin-blank-lines = "five"\n', "'rules.OL303.min-blank-lines': expected integer, found 'five'"),
        (
            "[rules.OL303]\nminimum = 3\n",
            "unknown key 'rules.OL303.minimum' (expected one of min-blank-lines, severity)",
        ),
        ('[rules.OL999]\nseverity = "off"\n', "unknown key 'rules.OL999' (expected a rule code or name)"),
        ("select = [\n", "invalid TOML: Invalid value (at end of document)"),
        ('extends = "nowhere.toml"\n', "'extends': no such file 'nowhere.toml'"),
    ],
)
def test_bad_configuration(tmp_path: Path, content: str, message: str) -> None:
    cfg = write(tmp_path / ".outlint.toml", content)
    with pytest.raises(ConfigError) as info:
        load(str(cfg))
    assert str(info.value) == f"{cfg}: {message}"
    result = CliRunner().invoke(main, ["check", str(write(tmp_path / "doc.txt", GAP))])
    assert result.exit_code == 2
    assert result.stderr == f"outlint: error: {cfg}: {message}\n"


def test_missing_explicit_config(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        main, ["check", "--config", str(tmp_path / "none.toml"), str(write(tmp_path / "d.txt", GAP))]
    )
    assert result.exit_code == 2
    assert "no such configuration file" in result.stderr


def test_profile_and_language_from_configuration(tmp_path: Path) -> None:
    write(tmp_path / ".outlint.toml", 'profile = "readme"\nlanguage = "zh"\n')
    settings = settings_for(str(tmp_path / "doc.txt"))
    assert settings.language == "zh"
    assert settings.options["OL501"]["profile"].name == "readme"
