"""Language rules at document scale: the main language of a partial translation, licence notices,
definition-list terms and runs of lines left untranslated under a term."""

from __future__ import annotations

import pytest

from outlint.language.main import path_language
from tests.conftest import codes_lines, lint

EN = "The passwd command changes passwords for user accounts, and it may also change the validity period."
ZH = "如果有旧密码，首先提示用户输入旧密码。加密这个密码然后和存储的密码进行比较。"

# A Chinese man page whose translation stopped after its synopsis: most of its text is English.
PARTIAL = f"""名称
       passwd - 更改用户密码

大纲
       passwd [选项] [登录]

描述
       {EN}

       {EN}

       {EN}

       {ZH}
"""

# The same page with its section names left in English.
UNTRANSLATED_NAMES = PARTIAL.replace("名称", "NAME").replace("大纲", "SYNOPSIS").replace("描述", "DESCRIPTION")


@pytest.mark.parametrize(
    ("path", "tag"),
    [
        pytest.param("man/zh_CN/passwd.1.txt", "zh-CN", id="directory"),
        pytest.param("zh_CN-passwd.1.txt", "zh-CN", id="prefix-with-region"),
        pytest.param("pages/ja-grep.1.txt", "ja", id="prefix"),
        pytest.param("debian-faq.fr.txt", "fr", id="infix"),
        pytest.param("doc/ch01.zh-tw.html", "zh-TW", id="infix-with-region"),
        pytest.param("README.md", None, id="untagged"),
        pytest.param("injected/ch01.en-in-fr.md", None, id="no-tag-in-a-name"),
        pytest.param("notes/en-US/guide.txt", None, id="english-is-no-translation"),
    ],
)
def test_path_language(path: str, tag: str | None) -> None:
    assert path_language(path) == tag


def test_tagged_partial_translation_is_in_its_own_language() -> None:
    # class: a translation left mostly in its source language is still a translation
    found = lint(PARTIAL, "OL4", path="zh_CN-passwd.1.txt")
    assert [(f.code, f.span.line) for f in found] == [("OL401", 8), ("OL401", 10), ("OL401", 12)]
    assert found[0].message == (
        'paragraph in English (en) in a document in Chinese (zh-CN): "The passwd command changes passwords..."'
    )
    # without the tag, the translated section names still say Chinese (headings vote) ...
    assert codes_lines(PARTIAL, "OL4", path="passwd.1.txt") == [("OL401", 8), ("OL401", 10), ("OL401", 12)]
    # ... and with the section names left in English, the English majority wins: Chinese is foreign
    assert codes_lines(UNTRANSLATED_NAMES, "OL4", path="passwd.1.txt") == [("OL401", 2), ("OL401", 14)]
    # the tag says the page is a translation all the same
    assert codes_lines(UNTRANSLATED_NAMES, "OL4", path="zh_CN-passwd.1.txt") == [
        ("OL401", 8),
        ("OL401", 10),
        ("OL401", 12),
    ]


def test_tag_without_text_in_its_language_is_ignored() -> None:
    # class: a page named as a translation but not translated at all is English
    text = f"Description\n\n{EN}\n\n{EN}\n"
    assert codes_lines(text, "OL4", path="ja-passwd.1.txt") == []


def test_blocks_outvote_a_few_long_passages() -> None:
    # class: a Japanese chapter with long English passages left in it keeps Japanese as its language
    ja = "この設定ファイルはシステムの起動時に読み込まれ、各サービスの動作を決めます。"
    long_en = " ".join([EN] * 4)
    text = "\n\n".join(["概要", ja, long_en, ja, long_en, ja, "設定", ja, ja]) + "\n"
    assert codes_lines(text, "OL401") == [("OL401", 5), ("OL401", 9)]


@pytest.mark.parametrize(
    "notice",
    [
        pytest.param("This is free software: you are free to change and redistribute it.", id="free-software"),
        pytest.param("There is NO WARRANTY, to the extent permitted by law.", id="warranty"),
        pytest.param(
            "Permission  is  granted to copy and distribute translations of this manual into another language.",
            id="permission-granted",
        ),
        pytest.param(
            "Copyright © 2020 Free Software Foundation, Inc. All rights reserved by the authors.", id="copyright"
        ),
    ],
)
def test_licence_notice_is_not_untranslated(notice: str) -> None:
    # class: licence and copyright notices stay in English in a translation by design
    text = f"描述\n\n{ZH}\n\n{notice}\n"
    assert codes_lines(text, "OL4", path="zh_CN-cp.1.txt") == []


def test_untranslated_paragraph_is_still_found_beside_a_notice() -> None:
    text = f"描述\n\n{ZH}\n\n{EN}\n\n{ZH}\n\nThere is NO WARRANTY, to the extent permitted by law.\n"
    assert codes_lines(text, "OL4", path="zh_CN-cp.1.txt") == [("OL401", 5)]


GZIP = """诊断
       file: not in gzip format
               指定给 gunzip 的文件没有被压缩。
       file: Corrupt input. Use zcat to recover some data.
               压缩文件已损坏。在损坏点以前的数据可以用下列命令恢复。
                       zcat file > recover
       file already exists; do you wish to overwrite (y or n)?
               如果你想覆盖该文件回答"y"，如果不是回答"n"。

警告
       在向磁带写压缩数据时，通常需要在数据尾部充零以使数据总长度为磁带数据块长度的整数倍。
"""


def test_program_messages_described_in_the_translation_are_names() -> None:
    # class: a definition list of program messages (or options), each described under it
    assert codes_lines(GZIP, "OL4", path="zh_CN-gzip.1.txt") == []


LOGIN = """名称
       login - 在系统上启动回话

描述
       The login program is used to establish a new session with the system.
       It is normally invoked automatically by responding to the login: prompt
       on the user's terminal.  login may be special to the shell and may not
       be invoked as a sub-process.

       如果有旧密码，首先提示用户输入旧密码。加密这个密码然后和存储的密码进行比较。

CAVEATS
       This version of login has many compilation options, only some of which
       may be in use at any particular site.

       文件的位置由系统配置决定。
"""


def test_description_left_untranslated_under_a_term_is_one_finding() -> None:
    # class: a section's text left in English under its translated (or untranslated) name
    found = lint(LOGIN, "OL4", path="zh_CN-login.1.txt")
    assert [(f.code, f.span.line, f.span.end_line) for f in found] == [("OL401", 5, 8), ("OL401", 13, 14)]
    assert found[0].message == (
        'paragraph in English (en) in a document in Chinese (zh-CN): "The login program is used to establish..."'
    )


FR = "Le fichier de configuration est lu au démarrage et il décide du comportement de chaque service."
EN_LONG = " ".join(
    [
        "The configuration file is read when the system starts and it decides how each of the services",
        "will behave, which of them are started, in which order they are started, and what is done with",
        "the messages that they write to the log when something goes wrong with one of them.",
    ]
)


def test_headings_keep_a_latin_translation_in_its_language() -> None:
    # class: a French chapter with long passages left in English, its headings all translated
    sections = ["# Présentation de la configuration", FR, EN_LONG, FR, EN_LONG, "# Les services et le journal", FR]
    text = "\n\n".join([*sections, EN_LONG, "# La liste des paquets", FR]) + "\n"
    found = lint(text, "OL401", fmt="markdown", path="chapter.md")
    assert [(f.code, f.span.line) for f in found] == [("OL401", 5), ("OL401", 9), ("OL401", 15)]
    assert "in a document in French (fr)" in found[0].message


def test_json_carries_the_language_found_and_its_confidence() -> None:
    from outlint.formats.json import as_dict

    en = "The installer copies the files, writes the settings and starts the service when it is done."
    fr = "Le programme d'installation copie les fichiers et il démarre le service quand il a fini son travail."
    (latin,) = lint(f"# Guide\n\n{en}\n\n{fr}\n\n{en}\n", "OL401", fmt="markdown", path="doc.md")
    assert latin.detected is not None and latin.detected.language == "fr"
    assert latin.message.startswith(f"paragraph in French (fr, {latin.detected.confidence:.2f}) in a document in ")
    assert 0.7 <= (latin.detected.confidence or 0) <= 1
    (script,) = lint(UNTRANSLATED_NAMES, "OL401", path="passwd.1.txt")[-1:]
    assert as_dict(script)["detected"] == {"language": "zh", "confidence": None}
    numbering = "1. Intro\n\nText here.\n\n2. Method\n\nText.\n\n4. End\n\nText.\n"
    assert "detected" not in as_dict(lint(numbering, "OL201")[0])
