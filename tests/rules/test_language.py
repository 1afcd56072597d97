"""Language rules (OL401-OL403): script-based, with the main language inferred or configured."""

from __future__ import annotations

import re
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import codes_lines, lint

EN = "The committee reviewed the annual report and approved its recommendations without changes."
ZH = "委员会审议了年度报告，并原封不动地批准了报告中提出的各项建议。"


def doc(*paragraphs: str) -> str:
    heading = "一、范围" if paragraphs[0] == ZH else "1. Scope"
    return heading + "\n\n" + "\n\n".join(paragraphs) + "\n"


@pytest.mark.parametrize(
    ("paragraphs", "expected"),
    [
        pytest.param([EN, EN, ZH, EN], [("OL401", 7)], id="chinese-paragraph-in-english"),
        pytest.param([ZH, ZH, EN, ZH], [("OL401", 7)], id="english-paragraph-in-chinese"),
        pytest.param([EN, "APEC, 5G, IPv6 and Beidou-3 are covered.", EN], [], id="acronyms-and-names"),
        pytest.param(
            [EN, 'The "Belt and Road" (一带一路) initiative was discussed at length.', EN], [], id="short-gloss"
        ),
        pytest.param(
            [ZH, "我们支持APEC框架下的5G和IPv6合作，推动北斗三号系统的国际应用。", ZH], [], id="acronyms-in-chinese"
        ),
        pytest.param(
            [ZH, "详见 https://www.example.org/reports/2022/annual-report-on-cooperation.html 。", ZH],
            [],
            id="url-in-chinese",
        ),
        pytest.param(
            [EN, "Привет мир, это русский текст, оставленный без перевода в документе.", EN],
            [("OL401", 5)],
            id="cyrillic",
        ),
        pytest.param([EN, "nick - **Сковорода Никита Андреевич** (he/him)", EN], [], id="a-name-in-its-own-script"),
    ],
)
def test_foreign_paragraph(paragraphs: list[str], expected: list[tuple[str, int]]) -> None:
    assert codes_lines(doc(*paragraphs), "OL4") == expected


def test_message_names_both_languages() -> None:
    f = lint(doc(EN, EN, ZH), "OL401")[0]
    assert f.message == (
        "paragraph in Chinese (zh) in a document in English (en): "
        '"委员会审议了年度报告，并原封不动地批准了报告中提出的各项建议。"'
    )


def test_configured_language_overrides_inference() -> None:
    # mostly Chinese text, but the document is meant to be English
    assert codes_lines(doc(ZH, ZH, EN), "OL401", language="en") == [("OL401", 3), ("OL401", 5)]


def test_foreign_heading() -> None:
    text = f"1. Scope\n\n{EN}\n\n2. 网络安全合作\n\n{EN}\n"
    assert codes_lines(text, "OL402") == [("OL402", 5)]
    assert codes_lines(f"1. Scope\n\n{EN}\n\n2. IPv6 and 5G\n\n{EN}\n", "OL402") == []


def test_long_run_inside_paragraph() -> None:
    mixed = f"{EN} {EN} {ZH}"
    assert codes_lines(doc(EN, mixed), "OL4") == [("OL403", 5)]
    f = lint(doc(EN, mixed), "OL403")[0]
    assert f.span.column == 2 * len(EN) + 3
    assert codes_lines(doc(EN, f"{EN} (一带一路)"), "OL403") == []


def test_short_chinese_sentence_carrying_names_inside_an_english_paragraph() -> None:
    # a whole sentence, joined across the names it carries, is reported; a gloss of a name is not
    sentence = "`dpkg`(1) 是 Debian 软件包管理中最底层的工具。"
    assert [c for c, _ in codes_lines(doc(EN, f"{EN} {sentence} {EN}"), "OL4")] == ["OL403"]
    assert codes_lines(doc(EN, f"{EN} The Debian (德比安项目) project. {EN}"), "OL4") == []


def test_english_sentence_in_a_mostly_english_block_of_a_chinese_document() -> None:
    # a block whose English outweighs its Chinese is still the document's, with a sentence left in it
    block = (
        "许多远程镜像站提供了访问方式。The Debian archive is offered by many remote mirror sites for access. "
        "也可以使用光盘。"
    )
    assert [c for c, _ in codes_lines(doc(ZH, block, ZH), "OL4")] == ["OL403"]
    # a user-interface string in quotes, and a work cited after "see", are names
    ui = '"IP-addresses to listen on for incoming SMTP connections:" 设置为默认值 "127.0.0.1"。'
    cited = "代號的歷史參見 Debian FAQ: 6.2.1 Which other codenames have been used in the past?"
    assert codes_lines(doc(ZH, ui, ZH), "OL403") == []
    assert codes_lines(doc(ZH, cited, ZH), "OL403") == []


def test_names_with_mail_addresses_are_names() -> None:
    # a THANKS list: contributors' names in their own script, each with a mail address
    latin = ["Wolfram Wagner", "Wwp Example", "xolodho Example", "Yuichiro Kaneko", "Yuriy Solodkyy", "Zack Weinberg"]
    rows = [f"{name:<26}{name.split()[0].lower()}@example.com" for name in latin]
    rows += [f"{'江 祖铭':<27}jj@example.com", f"{'長田偉伸':<27}cbh@example.jp", f"{'马俊':<27}majun@example.cn"]
    text = "Project THANKS\n\nPeople who helped:\n\n" + "\n".join(rows) + "\n\nMany people are not named here.\n"
    assert codes_lines(text, "OL4") == []


def test_commands_set_like_prose_have_no_language() -> None:
    # an Info manual's example commands, indented like its prose (the detector read them as Dutch)
    text = (
        "Terminal manual\n\n"
        "     a new window is bound to 'C-c' and 'c'.  The 'bind' command can be\n"
        "     used to change the key bindings and to define new ones.\n\n"
        " -- Command: unbindall\n     (none)\n"
        "     Remove all the bindings.  This is useful when the program is used\n"
        "     only to detach, such as when running a console application as a\n"
        "     daemon.  To bind commands after this, use 'term -X'.\n\n\n"
        "File: term.info,  Node: Bind Examples,  Next: Keys,  Prev: Bind,  Up: Key Binding\n\n"
        "14.2 Examples of the 'bind' command\n===================================\n\n"
        "Some examples:\n\n     bind ' ' windows\n     bind ^f screen telnet foobar\n"
        "     bind \\033 screen -ln -t root -h 1000 9 su\n"
    )
    assert codes_lines(text, "OL4") == []


def test_english_run_in_chinese_paragraph() -> None:
    run = "this sentence was left in the source language by mistake"
    assert codes_lines(doc(ZH, f"{ZH}{run}。"), "OL403") == [("OL403", 5)]


@pytest.mark.parametrize(
    ("text", "tag"),
    [
        pytest.param(
            "Le comité a examiné le rapport annuel et il a approuvé les recommandations pour la suite. " * 3,
            "fr",
            id="french",
        ),
        pytest.param(
            "O comitê analisou o relatório anual e aprovou as recomendações para o próximo ano. " * 3,
            "pt",
            id="portuguese",
        ),
        pytest.param(
            "Der Ausschuss hat den Bericht geprüft und die Empfehlungen mit der Mehrheit angenommen. " * 3,
            "de",
            id="german",
        ),
        pytest.param(EN + " " + EN + " " + EN, "en", id="english"),
        pytest.param("Short text.", "en", id="too-little-to-tell"),
    ],
)
def test_latin_script_language_is_named(text: str, tag: str) -> None:
    from outlint import language
    from outlint.linter import read_bytes

    doc = read_bytes(doc_text(text).encode(), "doc.txt")
    assert language.analyse(doc).main_language == tag


def test_release_notes_written_as_lists_take_the_language_of_their_items() -> None:
    # the credits are the only paragraphs, and the particles of their names ("de", "van") are
    # common Dutch words: the items of the lists name the language
    from outlint import language
    from outlint.linter import read_bytes

    names = "Ana de Souza, Jan van Dijk, Luca de Rosa, Pieter van Dam, Marta de Vries, Eva de Wit"
    items = "".join(f"* {EN}\n\n" for _ in range(8))
    text = "".join(f"Changes in release {n}:\n\n{items}Contributions from: {names}\n\n" for n in range(4))
    assert language.analyse(read_bytes(text.encode(), "NEWS")).main_language == "en"
    assert codes_lines(text, "OL4") == []


@pytest.mark.parametrize(
    "names",
    [
        pytest.param("Tom Yan, Yu Watanabe,\n        Дамјан Георгиевски, наб", id="last-line-of-credits"),
        pytest.param("Yu Watanabe, Дамјан Георгиевски, Дилян Палаузов, Zbigniew Jędrzejewski", id="names-in-a-line"),
    ],
)
def test_names_in_their_own_script_in_credits(names: str) -> None:
    text = f"1. Changes\n\n{EN}\n\nContributions from: Ana Souza, Jan Dijk, Luca Rosa, {names}\n"
    assert codes_lines(text, "OL4") == []


def test_commented_entries_of_a_configuration_file_have_no_language() -> None:
    entry = (
        "#Serial number: 01\n#       Issuer: /CN=8R-CA 1:PN/O=Regulierungsbehörde für\n"
        "#               Telekommunikation und Post/C=DE\n42:6A:F6:78:30:E9:CE:24:5B:EF  S\n"
    )
    intro = "".join(f"# {EN}\n" for _ in range(4)) + "\n\n"
    assert codes_lines(intro + entry + "\n" + entry, "OL4") == []


FR = "Le comité a examiné le rapport annuel et il a approuvé les recommandations pour la suite."
JA = "委員会は年次報告書を審議し、その勧告を変更なしに承認しました。"


@pytest.mark.parametrize(("own", "tag"), [pytest.param(FR, "fr", id="french"), pytest.param(JA, "ja", id="japanese")])
def test_a_translation_mostly_left_in_english_is_a_translation(own: str, tag: str) -> None:
    # a partial translation falls back to its English source: a quarter of its blocks translated
    # make it a translation with English left in it, not an English document with pasted text
    # (it translates passages, so its own blocks come two and more at a time)
    from outlint import language
    from outlint.linter import read_bytes

    text = "1. Scope\n\n" + "".join(f"{own}\n\n{own}\n\n" + f"{EN}\n\n" * 6 for _ in range(6))
    assert language.analyse(read_bytes(text.encode(), "doc.txt")).main_language == tag
    english = [n for n, line in enumerate(text.split("\n"), 1) if line == EN]
    assert [line for _, line in codes_lines(text, "OL401")] == english


def test_a_few_pasted_paragraphs_leave_an_english_document_english() -> None:
    text = "1. Scope\n\n" + "".join(f"{FR}\n\n" + f"{EN}\n\n" * 9 for _ in range(6))
    french = [n for n, line in enumerate(text.split("\n"), 1) if line == FR]
    assert [line for _, line in codes_lines(text, "OL401")] == french


def test_a_page_under_its_language_s_folder_is_a_translation_however_little_is_translated() -> None:
    # a manual page translated for its name line and one option, the rest left in English
    text = "1. NOM\n\n" + "\n\n".join([FR, FR] + [EN] * 12) + "\n"
    lines = [n for n, line in enumerate(text.split("\n"), 1) if line == EN]
    assert [line for _, line in codes_lines(text, "OL401", path="man/fr/chage.1")] == lines


def test_a_short_page_under_its_language_s_folder_is_in_that_language() -> None:
    from outlint import language
    from outlint.linter import read_bytes

    text = "1. NOM\n\nprtstat - Afficher les statistiques d'un processus\n\n" + FR + "\n"
    assert language.analyse(read_bytes(text.encode(), "man/fr/prtstat.1")).main_language == "fr"


def test_an_option_over_its_description_indented_with_a_tab_is_a_name() -> None:
    # a formatted manual page: the option set with spaces, its description with a tab and spaces
    ja = "委員会は年次報告書を審議し、その勧告を変更なしに承認しました。"
    option = (
        "       -a, --auto -o complete-output part\n"
        "\t   自動的にパートをキューイングして、可能であればパッケージを再統合する。\n"
    )
    text = f"1. 説明\n\n       {ja}\n\n{option}\n       {ja}\n"
    assert codes_lines(text, "OL4") == []


@pytest.mark.parametrize(
    ("item", "expected"),
    [
        pytest.param("- `apt-get` offers a robust package dependency resolver.", [("OL401", 6)], id="english-item"),
        pytest.param("- moduli driver watchdog timer e altro.", [], id="terms-in-an-item-of-the-translation"),
        pytest.param("- deb http://deb.debian.org/debian stable main contrib", [], id="a-sources-line"),
    ],
)
def test_short_items_without_common_words_in_a_translation(item: str, expected: list[tuple[str, int]]) -> None:
    it = "Il comitato che non sono di questa commissione per il resto della relazione annuale."
    text = f"# Ambito\n\n{it}\n\n- {it}\n{item}\n- {it}\n\n{it}\n"
    assert codes_lines(text, "OL4", fmt="markdown", path="doc.md") == expected


def test_a_chinese_item_with_a_number_and_a_hyphenated_name_is_chinese() -> None:
    # CJK text has no spaces: "20年：…（CD-RW）" is one token, a clause, not an identifier
    items = "- 100 years : Optical storage (CD/DVD, CD/DVD-R)\n\n- 20年：相變光碟儲存（CD-RW）\n\n"
    text = f"1. Scope\n\n{EN}\n\n{items}{EN}\n"
    assert codes_lines(text, "OL4") == [("OL401", 7)]


def test_a_title_cited_before_japanese_sansho_is_a_name() -> None:
    ja = "委員会は年次報告書を審議し、その勧告を変更なしに承認しました。"
    cite = "異なる仮想化策の詳細な比較は Wikipedia の記事 Comparison of the platform virtual machines を参照下さい。"
    text = f"1. 概要\n\n{ja}\n\n{cite}\n\n{ja}\n"
    assert codes_lines(text, "OL4") == []


def test_a_quoted_title_in_a_german_sentence_is_a_name() -> None:
    de = "Der Ausschuss hat den Bericht geprüft und die Empfehlungen mit der Mehrheit angenommen."
    cite = 'Lesen Sie dazu "Enabling SASL authentication in the Postfix SMTP client" in der Dokumentation.'
    text = f"1. Umfang\n\n{de}\n\n{de} {cite} {de}\n\n{de}\n"
    assert codes_lines(text, "OL4") == []


def test_a_foreign_sentence_whose_only_common_word_starts_it() -> None:
    para = f"You should read the official documentation. Vous devriez lire l’excellente documentation officielle. {EN}"
    text = f"1. Scope\n\n{EN}\n\n{para}\n\n{EN}\n"
    assert codes_lines(text, "OL4") == [("OL404", 5)]


@pytest.mark.parametrize(
    ("item", "expected"),
    [
        pytest.param("- Configurez votre réseau à l’aide d’une interface graphique.", [("OL401", 5)], id="french"),
        pytest.param("- can't update the password file", [], id="an-english-contraction-is-no-elision"),
    ],
)
def test_elided_common_words(item: str, expected: list[tuple[str, int]]) -> None:
    text = f"1. Scope\n\n{EN}\n\n{item}\n\n{EN}\n"
    assert codes_lines(text, "OL4") == expected


def test_latin_phrases_of_english_are_english() -> None:
    text = f"1. Scope\n\n{EN}\n\n1.1. Checksums, List of Configuration Files, et al.\n\n{EN}\n"
    assert codes_lines(text, "OL4") == []


def test_a_short_english_item_in_a_chinese_document() -> None:
    items = "- 升级系统之前请备份数据。\n\n- Run the `apt-get dist-upgrade` command at last.\n\n"
    text = f"一、范围\n\n{ZH}\n\n{items}{ZH}\n"
    assert codes_lines(text, "OL4") == [("OL401", 7)]


def doc_text(paragraph: str) -> str:
    return "1. Scope\n\n" + "\n\n".join([paragraph] * 4) + "\n"


# --- other scripts: the reproducers of the language issue ----------------------------------------

R22A = (
    "1.  Overview\n\n   The tool reads its settings when it starts.\n\n"
    "   ユーザーはconfig fileを編集した後、serviceを再起動し、log outputでerror messageを確認する。\n\n"
    "   The server then answers.\n"
)
R22B = (
    "1.  Overview\n\n   The tool reads its settings when it starts.\n\n   設定例の説明:\n\n"
    "   The server then answers.\n"
)
R23 = (
    "第 1 章 安装\n\n    本章介绍如何安装这个工具，并说明配置文件的格式与各个选项的含义。\n\n"
    "    server listen on port 8080\n    worker threads set to four\n    log level is debug\n\n"
    "    安装完成后，请重新启动服务，然后检查日志文件中是否有错误信息。\n\n"
    '    ^[1] 参见 The Example Project Handbook, Chapter 3 "Getting Started\n    with the Tools"。\n'
)
R23_CONTROL = (
    "第 1 章 安装\n\n    本章介绍如何安装这个工具，并说明配置文件的格式与各个选项的含义。\n\n"
    "    This part of the guide was not translated yet. Please read the\n    original text for the details.\n\n"
    "    安装完成后，请重新启动服务，然后检查日志文件中是否有错误信息。\n"
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(R22A, [("OL401", 5)], id="japanese-with-english-terms-is-japanese"),
        pytest.param(R22B, [("OL401", 5)], id="short-japanese-label"),
        pytest.param(R23, [], id="settings-and-a-cited-title-in-chinese"),
        pytest.param(R23_CONTROL, [("OL401", 5)], id="untranslated-english-in-chinese"),
    ],
)
def test_cjk_reproducers(text: str, expected: list[tuple[str, int]]) -> None:
    assert codes_lines(text, "OL4") == expected


def test_japanese_label_is_named_japanese() -> None:
    f = lint(R22B, "OL401")[0]
    assert f.message == 'paragraph in Japanese (ja) in a document in English (en): "設定例の説明:"'


KANJI_HEADING = (
    "# テストの文書\n## 概要\nこれは日本語で書かれた説明の段落です。ひらがなとカタカナを含みます。\n"
    "## 使い方\nここにも日本語の説明があります。\n"
)


@pytest.mark.parametrize("language", [None, "ja"])
def test_kanji_only_heading_in_japanese_is_japanese(language: str | None) -> None:
    assert codes_lines(KANJI_HEADING, "OL4", fmt="markdown", path="doc.md", language=language) == []


def test_api_headings_in_chinese_are_names() -> None:
    text = (
        "# 設定\n## cellSize(number|Array) = 20\n单元格的大小，可以设置成数值或数组，例如 20 或者 [20, 40]。\n"
        "## orient(string) = horizontal\n日历坐标的布局朝向，可以是水平或垂直。\n"
    )
    assert codes_lines(text, "OL4", fmt="markdown", path="doc.md") == []


def test_line_glued_under_english_paragraph_is_its_own_paragraph() -> None:
    text = (
        "# Guide\n\nThe tool reads its settings when it starts, and it writes a log.\n"
        "設定ファイルを編集した後、サービスを再起動してください。\n\nThe server then answers.\n"
    )
    found = lint(text, "OL4", fmt="markdown", path="doc.md")
    assert [(f.code, f.span.line, f.span.column) for f in found] == [("OL401", 4, 1)]
    assert "Japanese (ja)" in found[0].message


@pytest.mark.parametrize(
    "line",
    [
        pytest.param("PolicyKit が必要な特権を提供します。", id="starts-with-a-name"),
        pytest.param('"Delivery method:" を "mbox format" と設定します。', id="starts-with-a-quoted-string"),
    ],
)
def test_line_glued_under_a_finished_english_sentence_is_its_own_paragraph(line: str) -> None:
    text = f"1. Overview\n\n{EN}\n\n{EN}\n{line}\n\n{EN}\n"
    assert codes_lines(text, "OL4") == [("OL401", 6)]


def test_sentence_in_a_block_with_a_line_glued_under_it() -> None:
    block = (
        "When sharing data over a network, you should use a common service. "
        "データーをネットワーク経由で他のシステムと共有するときには、共通のサービスを使うべきです。 "
        "Here are some hints.\n表10.4 典型的使用シナリオの場合のネットワークサービスの選択のリスト"
    )
    text = f"1. Overview\n\n{EN}\n\n{block}\n\n{EN}\n"
    assert codes_lines(text, "OL4") == [("OL403", 5), ("OL401", 6)]


def test_names_set_one_to_a_line_under_a_japanese_line_are_no_english() -> None:
    names = ["SunOS 4.1.x", "HP-UX 9.x, 10.x", "Solaris 2.5.x, 2.6, 8, 9", "Linux 2.0.*/2.2.*/2.4.*/2.6.*"]
    names += ["OS/2 with emx", "Windows 9x/NT with Cygwin b20.1, 1.1.x", "MS-DOS with DJGPP and WATT32 packet driver"]
    names += ["MacOS X Server", "MacOS X 10.1, 10.2, 10.3, 10.4"]
    platforms = "".join(f"{name}\n" for name in names)
    ja = "委員会は年次報告書を審議し、その勧告を変更なしに承認しました。"
    text = f"# 概要\n\n{ja}\n\n現在動作が確認されている OS は以下の通りです．\n{platforms}\n{ja}\n"
    from outlint import language
    from outlint.linter import read_bytes

    assert not language.analyse(read_bytes(text.encode(), "doc.md")).parts
    assert codes_lines(text, "OL4", path="doc.md") == []


def test_sentence_continued_across_lines_stays_a_run() -> None:
    text = (
        f"# Guide\n\n{EN} When the folder is moved, the tool asks before it\n"
        "rebuilds the index, 因为重新建立索引可能需要几分钟时间，请不要在此期间关闭程序或者移动笔记文件。\n"
    )
    assert codes_lines(text, "OL4", fmt="markdown", path="doc.md") == [("OL403", 4)]


# --- Latin-script languages ----------------------------------------------------------------------

EN2 = "The installer copies the files, writes the settings and starts the service when it is done."
FR = "Le programme d'installation copie les fichiers et il démarre le service quand il a fini son travail."
DE = "Das Installationsprogramm kopiert die Dateien und startet den Dienst, wenn es mit der Arbeit fertig ist."
ES = "El instalador copia los archivos, escribe la configuración y arranca el servicio cuando termina."
IT = "Il programma di installazione copia i file e avvia il servizio quando ha finito il suo lavoro."
CONFIDENCE = r"\d\.\d\d"


def latin_doc(*paragraphs: str) -> str:
    return "# Guide\n\n" + "\n\n".join(paragraphs) + "\n"


@pytest.mark.parametrize(
    ("host", "foreign", "name"),
    [
        pytest.param([EN, EN2, EN], FR, "French (fr", id="french-in-english"),
        pytest.param([EN, EN2, EN], DE, "German (de", id="german-in-english"),
        pytest.param([EN, EN2, EN], ES, "Spanish (es", id="spanish-in-english"),
        pytest.param([EN, EN2, EN], IT, "Italian (it", id="italian-in-english"),
        pytest.param([FR] * 4, EN2, "English (en", id="english-in-french"),
        pytest.param([DE] * 4, EN2, "English (en", id="english-in-german"),
    ],
)
def test_latin_script_paragraph(host: list[str], foreign: str, name: str) -> None:
    found = lint(latin_doc(*host[:2], foreign, *host[2:]), "OL4", fmt="markdown", path="doc.md")
    assert [(f.code, f.span.line) for f in found] == [("OL401", 7)]
    assert re.match(rf"paragraph in {re.escape(name)}, {CONFIDENCE}\) in a document in ", found[0].message)


def test_undetermined_blocks_are_never_flagged() -> None:
    # too few lowercase words once names, commands and references are out
    short = [
        "Voir `apt`(8).",
        "Debian GNU/Linux 12 « Bookworm »",
        "Paquet : `dpkg-dev`",
        "Contributions from: Jean de La Fontaine, Anne van Dijk",
    ]
    assert codes_lines(latin_doc(EN, *short, EN2), "OL4", fmt="markdown", path="doc.md") == []


def test_foreign_sentence_inside_a_paragraph() -> None:
    para = f"{EN2} Ensuite, redémarrez le service pour que la nouvelle configuration soit lue par le programme. {EN}"
    found = lint(latin_doc(EN, para, EN2), "OL4", fmt="markdown", path="doc.md")
    assert [(f.code, f.span.line, f.span.column) for f in found] == [("OL404", 5, len(EN2) + 2)]
    assert re.match(
        rf"sentence in French \(fr, {CONFIDENCE}\) inside a paragraph in English \(en\): ", found[0].message
    )


def test_allowed_language_is_not_reported() -> None:
    text = latin_doc(EN, EN2, FR, EN)
    settings_options = {"OL401": {"allow": ["fr"]}}
    from outlint.linter import Settings, check_bytes, select_rules

    settings = Settings(rules=select_rules(["OL4"]), options=settings_options)
    assert check_bytes(text.encode(), "doc.md", "markdown", settings) == []


def test_english_documents_do_not_load_the_model() -> None:
    code = (
        "import sys; from outlint.linter import check_path; "
        "check_path('samples/cyberspace-white-paper-2022.en.txt'); check_path('samples/bilingual-guide.en.md'); "
        "print('py3langid' in sys.modules, 'numpy' in sys.modules)"
    )
    root = Path(__file__).resolve().parents[2]
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=root, check=True)
    assert out.stdout.split() == ["False", "False"]


def test_a_file_of_a_few_words_does_not_load_the_model(tmp_path: Path) -> None:
    # two words no common-word list covers: too little to name a language, and no model to ask
    note = tmp_path / "NOTE.txt"
    note.write_text("Hello world.\n", encoding="utf-8")
    code = f"import sys; from outlint.linter import check_path; check_path({str(note)!r}); "
    code += "print('py3langid' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False"]


@pytest.mark.parametrize(
    "token",
    [pytest.param("x" * 20_000, id="one-long-word"), pytest.param("@" * 3_000 + " é", id="at-signs")],
)
def test_long_tokens_take_linear_time(token: str) -> None:
    from outlint.language import detect, without_code
    from outlint.language.scripts import profile

    def cost(n: int) -> float:
        text = f"text {token * n}"
        start = time.process_time()
        for _ in range(3):
            profile(text)
            without_code(text)
            detect.model_words(text)
            detect.judge_latin(text, "en")
        return time.process_time() - start

    assert cost(10) < 30 * max(cost(1), 1e-3)


def test_allowed_languages_per_glob(tmp_path: Path) -> None:
    from outlint.config import config_for, settings_for
    from outlint.linter import check_path

    (tmp_path / ".outlint.toml").write_text('[allowed-languages]\n"bilingual/*.md" = ["fr"]\n')
    for folder in ("bilingual", "other"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "guide.md").write_text(latin_doc(EN, EN2, FR, EN))
    config_for.cache_clear() if hasattr(config_for, "cache_clear") else None

    def found(folder: str) -> list[str]:
        path = str(tmp_path / folder / "guide.md")
        return [f.code for f in check_path(path, None, settings_for(path))]

    assert found("bilingual") == []
    assert found("other") == ["OL401"]


def test_inline_directive_allows_a_paragraph() -> None:
    text = latin_doc(EN, EN2, f"<!-- outlint-disable-next-line foreign-paragraph -->\n{FR}", EN)
    assert codes_lines(text, "OL4", fmt="markdown", path="doc.md") == []


def test_untranslated_heading_in_a_latin_script_translation() -> None:
    text = f"# Guide\n\n{FR}\n\n## Failed installation due to missing dependencies\n\n{FR}\n\n{FR}\n"
    found = lint(text, "OL4", fmt="markdown", path="doc.md", language="fr")
    assert [(f.code, f.span.line) for f in found] == [("OL402", 5)]
    assert re.match(rf"heading in English \(en, {CONFIDENCE}\) in a document in French \(fr\): ", found[0].message)


def test_sentences_inside_a_code_span_are_code() -> None:
    """A Markdown code span keeps its backticks in the paragraph text; sentence boundaries inside it
    do not split it, so a quoted example of several sentences is not a foreign sentence."""
    from outlint.linter import check_bytes

    text = (
        "# Guide\n\nThe example `Run the installer. Ensuite, redémarrez le service pour que la configuration"
        " soit lue. Then check the log.` shows a paragraph half translated in an English manual.\n"
    )
    assert [f.code for f in check_bytes(text.encode(), "a.md")] == []
    bare = text.replace("`", "")
    assert [f.code for f in check_bytes(bare.encode(), "a.md")] == ["OL404"]


SOURCE = "The protocol keeps the connection open while the peer still sends data to it."
TARGET = "プロトコルは、相手がデータを送り続けている間、接続を開いたままにする。"


def test_a_parallel_text_is_read_in_its_source_language() -> None:
    # a specification translated paragraph by paragraph, each translation under its source
    # paragraph, with later sections not yet translated: an English document with Japanese in it
    pairs = [p for _ in range(8) for p in (SOURCE, TARGET)]
    text = "\n\n".join(["Title", *pairs, *[SOURCE] * 16]) + "\n"
    found = lint(text, "OL401")
    assert len(found) == 8 and all("paragraph in Japanese" in f.message for f in found)


def test_foreign_sentences_in_a_row_are_one_finding() -> None:
    # two untranslated paragraphs run together inside a French one (a text browser's dump joins
    # paragraphs): one passage left in English, reported once, over all of its sentences
    fr = "Le comité a examiné le rapport annuel et approuvé ses recommandations sans aucune modification."
    fr2 = "La commission a ensuite publié le texte complet sur son site pour que chacun puisse le lire."
    en2 = "The members then published the full text on their site so that everyone could read it."
    en3 = "Nobody asked for a second vote, and the meeting ended early in the afternoon that day."
    text = f"1. Portée\n\n{fr}\n\n{fr} {fr2} {fr} {EN} {en2}\n{en3} {fr2} {fr} {fr2}\n\n{fr}\n"
    found = [f for f in lint(text, path="a.txt") if f.code.startswith("OL4")]
    assert [(f.code, f.span.line, f.span.end_line) for f in found] == [("OL404", 5, 6)]
    assert found[0].message.startswith("3 sentences in English")
