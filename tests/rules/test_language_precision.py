"""Precision of the language rules on real layouts: text a document keeps in another language
by design (verse, examples, samples, cited works, a source kept after its translation), program
output set like prose, and documents in a language the detector does not know."""

from __future__ import annotations

import pytest

from outlint import language
from outlint.linter import read_bytes
from outlint.model import Paragraph
from tests.conftest import ROOT, codes_lines, lint

POLISH = (
    "1. Wprowadzenie\n"
    "\n"
    "Ten dokument opisuje, jak używać programu do zarządzania pakietami na systemie Debian. Program\n"
    "pozwala na instalację, usunięcie i aktualizację pakietów pobieranych z serwerów na całym świecie.\n"
    "\n"
    "Aby włączyć tę metodę, należy przejść do menu, a następnie podać adres serwera. Użytkownik\n"
    "zostanie poproszony o listę źródeł, z których będą pobierane pakiety. Mogą to być strony\n"
    "internetowe, lokalne serwery lustrzane lub płyty z archiwum dystrybucji.\n"
    "\n"
    "Proszę podać bazowy adres dystrybucji. Obsługiwane schematy połączeń to: http ftp file\n"
    "\n"
    "Dystrybucja odnosi się do wersji systemu: stabilna to najnowsza wydana wersja, a niestabilna to\n"
    "wersja rozwojowa. Niektóre pakiety są dostępne tylko na wybranych serwerach i nie mogą być\n"
    "eksportowane na zewnątrz, ale ich import do kraju jest jednak legalny.\n"
    "\n"
    "Lista nowych pakietów to proste przypomnienie o tym, co się dzieje na serwerze. Należy ją czytać\n"
    "przed każdą aktualizacją, aby wiedzieć, które programy zostaną dodane do systemu.\n"
    "\n"
    "Metoda programu i program do pobierania plików są używane na wielu komputerach, ale to program\n"
    "do instalacji decyduje o tym, które pakiety zostaną zainstalowane na dysku.\n"
)

DIG = (
    "1. Analysis\n\n"
    "   An instrumented protocol trace of a delegation response follows.  Note\n"
    "   that every server is named, and every address is given in the trace.\n\n"
    "      ;; AUTHORITY SECTION:\n"
    + "".join(
        f"      com.                 86400 NS  {c}.GTLD-SERVERS.NET.  ;; @{112 + 16 * k}\n"
        for k, c in enumerate("EFGHIJKLM")
    )
    + "\n   The response above fills the whole packet, and no address is left out of it.\n"
)

NOVEL = (
    "He looked at the title-page of the book, and turned over the pages until his eye fell on the\n"
    "poem he loved best of all, and passed on, till he came to those lovely stanzas upon Venice:\n\n"
    "     Sur une gamme chromatique,\n"
    "       Le sein de perles ruisselant,\n"
    "     La Venus de l'Adriatique\n"
    "       Sort de l'eau son corps rose et blanc.\n\n"
    "     Les domes, sur l'azur des ondes\n"
    "       Suivant la phrase au pur contour,\n"
    "     S'enflent comme des gorges rondes\n"
    "       Que souleve un soupir d'amour.\n\n"
    "How exquisite they were! As one read them, one seemed to be floating down the green\n"
    "water-ways of the pink and pearl city, seated in a black gondola with a silver prow.\n"
)

EXAMPLE = (
    "1. Format strings\n\n"
    "   The order of the two format specifiers is changed in the translation, and the arguments\n"
    "of the call have not changed with them, which will lead to problems at run time.\n\n"
    "If the word order in the above German translation would be correct one would have to write\n\n"
    '     "%2$d Zeichen lang ist die Zeichenkette `%1$s\' und nicht mehr"\n\n'
    "   The routines of the compiler know about this special notation and check it for you.\n"
)

SAMPLES = (
    "EXAMPLE INPUT AND OUTPUT\n\n"
    "The module turns text in any script into plain letters; here are a few lines of several languages.\n\n"
    "Καθαίρονται δ᾽ ἄλλως αἵματι μιαινόμενοι οἷον εἴ τις εἰς πηλὸν ἐμβὰς πηλῷ ἀπονίζοντο.\n"
    "=>  Kathairontai d' allos aimati miainomenoi oion ei tis eis pelon embas pelo aponizonto.\n\n"
    "На другой день к завтраку подавали очень вкусные пирожки, раков и бараньи котлеты.\n"
    "=>  Na drughoi dien' k zavtraku podavali ochien' vkusnyie pirozhki, rakov i baran'i kotliety.\n\n"
    "ॐ भूर्भुवः स्वः तत्सवितुर्वरेणियं भर्गो देवस्य धीमहि धियो यो नः प्रचोदयात्।\n"
    "=>  AUM bhuurbhuvH svH ttsviturvrenniyN bhrgo devsy dhiimhi dhiyo yo nH prcodyaat.\n\n"
    "道可道，非常道。名可名，非常名。無名天地之始；有名萬物之母。故常無欲，以觀其妙。\n"
    "=>  Dao Ke Dao, Fei Chang Dao. Ming Ke Ming, Fei Chang Ming. Wu Ming Tian Di Zhi Shi.\n"
)

GLOSS = (
    "名称\n\n"
    "       gzip - 压缩或解压缩文件\n\n"
    "描述\n\n"
    "       gzip 使用 Lempel-Ziv 编码减少文件的大小。只要可能，每个文件都会被替换成扩展名为 .gz 的文件。\n\n"
    "       -v --verbose\n"
    "              详尽模式。显示每个压缩或解压缩文件的名字和压缩率。\n\n"
    "       -V --version\n"
    "              版本。显示版本号和编译选项后退出。  Version. Display the version\n"
    "              number and compilation options then quit.\n"
)

REFERENCES = (
    "1. Introduction\n\n"
    "This document describes the signature algorithm of the national standard, as the standard\n"
    "itself describes it, with the test vectors that implementations should check.\n\n"
    "2. Informative References\n\n"
    '[GOST3410] "Information technology. Cryptographic data security. Signature and verification\n'
    'processes of digital signature.", Gosudarstvennyi Standard of Russian Federation,\n'
    "Правительственная комиссия России по стандартизации и сертификации, 2001.\n"
)


NORWEGIAN = (ROOT / "tests" / "data" / "language" / "handbook-nb-rights.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize("doc", [POLISH, NORWEGIAN], ids=["polish", "norwegian"])
def test_a_document_in_a_language_the_detector_does_not_know_is_not_judged_against_another(doc: str) -> None:
    assert codes_lines(doc, "OL4") == []


def test_a_resolver_trace_set_like_prose_is_code() -> None:
    assert codes_lines(DIG, "OL4") == []


def test_verse_quoted_in_its_own_language_is_intended() -> None:
    assert codes_lines(NOVEL, "OL4", path="novel.txt") == []


def test_a_block_that_is_one_quoted_example_is_not_untranslated() -> None:
    assert codes_lines(EXAMPLE, "OL4") == []


def test_samples_of_several_languages_are_intended() -> None:
    assert codes_lines(SAMPLES, "OL4", path="README") == []


def test_the_source_kept_after_its_translation_is_no_untranslated_text() -> None:
    assert codes_lines(GLOSS, "OL4", path="man/zh_CN/gzip.1") == []


def test_a_cited_work_keeps_its_publisher_s_own_name() -> None:
    assert codes_lines(REFERENCES, "OL4") == []


def test_a_japanese_paragraph_with_an_identifier_in_it_is_found_once() -> None:
    text = (
        "1. Padding\n\n"
        "The receiver MUST check this padding and MUST use the bad_record_mac alert to indicate\n"
        "padding errors, and it MUST NOT accept a record whose padding is wrong in any way.\n\n"
        "受信側はこのパディングをチェックし、パディングエラーを示すbad_record_macを\n"
        "使用しなければならない。\n\n"
        "The padding length MUST be such that the total size of the structure is a multiple of the\n"
        "block length of the cipher, and every byte of the padding holds the padding length.\n"
    )
    assert codes_lines(text, "OL4") == [("OL401", 6)]


def test_acronyms_do_not_vote_for_a_language() -> None:
    """A list of bundled licences says "License: MIT" over and over: "MIT" is no German "mit", and the
    English paragraphs of the document are not foreign in a German one."""
    entry = "## MIT ({k})\n\nLicense: MIT\nBy: Jane Roe\nRepository: https://example.com/dep{k}\n\n"
    text = (
        "# Licenses\n\nThe published artifact contains code with the following licenses: MIT, ISC and Apache-2.0.\n\n"
        + "".join(entry.format(k=k) for k in range(10))
        + "Permission is hereby granted, free of charge, to any person obtaining a copy of this software, "
        "to deal in the software without restriction.\n\n"
        "The above copyright notice and this permission notice shall be included in all copies of the software.\n"
    )
    assert codes_lines(text, "OL4", fmt="markdown", path="LICENSE.md") == []
    assert language.analyse(read_bytes(text.encode(), "LICENSE.md"), None).main_language == "en"


def test_name_particles_inside_marks_are_part_of_the_name() -> None:
    """Release notes credit each change "Contributed by **Môshe van der Sterre**.": the particles of
    a name set in bold are the name's, not Dutch words."""
    paragraphs = [
        "The file-system result backend stores results as files in a directory.",
        "Contributed by **Môshe van der Sterre**.",
        "The new option sets how long a result is kept before it is removed.",
        "Contributed by **Ahmet Demir**.",
        "Workers now shut down cleanly when the broker connection is lost.",
    ]
    text = "1. News\n\n" + "\n\n".join(p for _ in range(3) for p in paragraphs) + "\n"
    assert codes_lines(text, "OL4") == []


PRESEED = (
    "第1章 事前設定\n\n"
    "ロケールは言語と国を両方指定でき、インストーラがサポートする言語と国のいずれかの組み合わせでもかまいません。"
    "組み合わせが正しくない場合、インストーラは選択した言語から正しいロケールを自動選択します。\n\n"
    "言語と国は、どちらもブートパラメータで指定できます。設定ファイルの例を以下に示します。\n\n"
    "# Preseeding only locale sets language, country and locale.\n"
    "d-i debian-installer/locale string en_US\n\n"
    "# The values can also be preseeded individually for greater flexibility.\n"
    "#d-i debian-installer/language string en\n"
    "#d-i debian-installer/country string NL\n\n"
    "キーボード設定は、キーマップの選択と、切り替えキーの選択から成っています。インストール中に選択できます。\n"
)


def test_a_configuration_file_quoted_at_the_prose_indent_is_code() -> None:
    # comments over settings and settings commented out, as an installer's example file is printed
    # flush with the text of a Japanese manual: code, never an untranslated paragraph
    assert codes_lines(PRESEED, "OL4") == []


AUTHORS_JA = (
    "SKK の作者\n\n"
    "この文書は、SKK の開発に貢献した人々と、それぞれが書いたプログラムの一覧です。"
    "名前の後に、そのプログラムが何をするかを書いています。\n\n"
    "*** skk-comp.el (from skk.el, 補完機能)\n\n"
    "*** skk-gadget.el (from skk.el, elisp 実行変換機能)\n\n"
    "この機能は、るびきちさんによるものをもとに Tushar Samant (scribble at pobox.com) が修正をくわえました。\n"
)


def test_file_names_in_a_japanese_list_are_no_english() -> None:
    # "skk.el" and "pobox.com" are names of files and hosts, not English words
    assert codes_lines(AUTHORS_JA, "OL4") == []


SOURCES_LIST = (
    "第6章 APT 工具\n\n"
    "如果有很多台机器使用 APT，可以在本地网络上运行一个 approx 代理服务器，让所有的客\n"
    "户端都从它下载软件包，这样每个软件包只需要从 Debian 镜像下载一次，可以节省很多带\n"
    "宽。approx 默认通过一个 systemd socket 在 9999 端口运行，并需要用户调整 sources.list 文\n"
    "件来指向 approx 服务器：\n\n"
    "# Sample sources.list pointing to a local approx server\n"
    "deb http://localhost:9999/security bullseye-security main contrib non-free\n"
    "deb http://localhost:9999/debian   bullseye main contrib non-free\n\n"
    "服务器会把下载的软件包保存在它的缓存目录里，供以后的请求使用，缓存的大小可以在它\n"
    "的配置文件里设定，过期的软件包会被定期清除，这样缓存就不会无限制地增长下去了。\n"
)


def test_a_commented_sources_list_is_settings() -> None:
    # a comment over settings whose only punctuation is in their addresses: a file's entry, not English
    assert codes_lines(SOURCES_LIST, "OL4") == []


SWEDISH = (
    "1. Inledning\n\n"
    "Den här handboken är fri programvara och du kan distribuera den och ändra den under villkoren i licensen. "
    "Det här dokumentet innehåller instruktioner för hur man installerar systemet på en vanlig dator.\n\n"
    "Vi är glada att du har valt att prova systemet och vi är säkra på att du kommer att tycka om det. "
    "Om du har frågor kan du alltid skriva till oss på sändlistan och få hjälp av andra användare.\n\n"
    "This translation of the installation guide is not complete: the parts left in English are waiting "
    "for a translator, and you are welcome to help with them.\n\n"
    "Innan du börjar bör du göra en säkerhetskopia av alla filer som finns på hårddisken i datorn, "
    "eftersom installationen kan radera dem om något går fel under partitioneringen av disken.\n\n"
    "2. Krav\n\n"
    "Systemet kräver inte mer av maskinvaran än vad kärnan och verktygen kräver, och det fungerar på "
    "de flesta datorer som har sålts under de senaste tjugo åren, både bärbara och stationära.\n"
)


def test_a_manual_in_a_language_the_detector_does_not_tell_apart_is_not_judged_against_another() -> None:
    # Swedish shares "en", "de" and "om" with Dutch and German, not its commonest words: a Swedish
    # manual is no Dutch one with German paragraphs
    found = [(f.code, f.message[:40]) for f in lint(SWEDISH, path="guide.txt") if f.code.startswith("OL4")]
    assert not any("Dutch" in m or "German" in m for _, m in found)


# A Japanese man page as groff sets it: a description with English names and terms in its lines,
# an example command set deeper, a program's message quoted as it prints, references to other
# pages; and one paragraph left in English, which is untranslated text.
JA_MAN = """BASH(1)                     General Commands Manual                    BASH(1)

名前
       bash - GNU Bourne-Again SHell

説明
       bash  は  IEEE POSIX specification (IEEE Standard 1003.1)  の Shell and
       Utilities に準拠する実装を目指しています。 bash はデフォルトで POSIX 準
       拠に設定することもできます。

       bash は sh 互換のコマンド言語インタプリタであり、標準入力やファイルから
       読み込んだコマンドを実行します。 bash は Korn シェルや C シェルの便利な
       機能も採り入れています。シェルが対話的に動作している場合には、コマンド
       の履歴を保存し、行編集の機能を提供します。

       ログインシェルとして起動された場合、 bash はまず初期化ファイルを読み込
       んで実行します。ファイルが存在しても読み込めない場合には、エラーを報告
       します。対話的でないシェルとして起動された場合には、環境変数を調べて、
       その値をファイル名として読み込みます。

       つまり bash は以下のコマンドが実行されたのと同じように動作しま
       す:
              if [ -n "$BASH_ENV" ]; then . "$BASH_ENV"; fi
       ただし、ファイル名を探すために PATH  環境変数の値が使われることはありま
       せん。

       以下のようなメッセージが表示されてから、 9 秒間の間に ^C で中止できる。

       Starting to write CD at speed %d in %s mode for %s session.

       The shell reads its startup files in the order that is given here, and it
       stops at the first one that it can read.

関連項目
       at(1), at.deny(5), at.allow(5), cron(8), crontab(1), syslog(3).

GNU Bash 5.2                     2022 September 19                     BASH(1)
"""


def test_english_names_examples_and_messages_in_a_japanese_man_page_are_no_untranslated_text() -> None:
    assert codes_lines(JA_MAN, "OL4") == [("OL401", 31)]


ZH_TIP = """第一章 入门

    使用 Python distutils 通常包含三个步骤。构建系统会读取配置文件，然后生成软件包，
    最后安装到系统中。维护者通常只需要修改少量的文件，就可以完成整个打包过程。

    打包之前，请先阅读上游的文档，了解构建系统的要求，并确认所有依赖都已经安装。
    如果构建失败，请查看日志文件，找到出错的步骤，然后修改配置后再重新构建。

    Tip

    -a 选项也可以使用“https://arm.koji.fedoraproject.org/packages/
    ibus/1.5.7/3.fc21/src/ibus-1.5.7-3.fc21.src.rpm”这样的 URL。
"""


def test_a_path_glued_to_a_chinese_clause_is_no_english() -> None:
    # a URL wrapped over two lines, its second half written on into the Chinese sentence with no
    # space: a path, not English words ("a", "src", "rpm")
    assert codes_lines(ZH_TIP, "OL4") == []


def test_a_licence_kept_in_english_in_a_translation_is_no_untranslated_text() -> None:
    # an appendix that is the GPL itself, as translations keep it: its paragraphs with no legal
    # word in them ("These requirements apply to ...") are the licence's text all the same; an
    # English paragraph left in another appendix is still found
    ja = [
        "付録E 付記",
        "",
        "この文書は、インストールの手順を説明するためのものです。多くの人が翻訳に協力しました。",
        "この文書への貢献は歓迎します。問題を見つけた場合は、バグとして報告してください。",
        "",
        "This section was not translated yet, and it tells the reader how to send a patch.",
        "",
        "付録F GNU General Public License",
        "",
        "Version 2, June 1991",
        "",
        "Everyone is permitted to copy and distribute verbatim copies of this license document,",
        "but changing it is not allowed. This is free software, under the terms of the license.",
        "",
        "To protect your rights, we need to make restrictions that forbid anyone to deny you",
        "these rights or to ask you to surrender the rights.",
        "",
        "These requirements apply to the modified work as a whole. If identifiable sections of",
        "that work are not derived from the Program, then this License does not apply to them.",
        "",
    ]
    body = ["第1章 はじめに", ""] + [
        "この章では、システムの概要を説明します。インストールの前に、必要な情報を集めてください。",
        "",
    ] * 6
    assert codes_lines("\n".join(body + ja), "OL4") == [("OL401", 20)]


JA_ENV = """ENV(1)                      General Commands Manual                     ENV(1)

名前
       env - 変更された環境でプログラムを実行する

説明
       環境変数のそれぞれに値を設定して、プログラムを実行する。プログラムが指定
       されなかった場合には、現在の環境を表示する。引き数がない場合は、環境変数
       の一覧を出力する。この動作は、他のシェルの組み込みコマンドと同じである。

       '-S'  パラメーターを指定しない場合、 このスクリプトはおそらく以下のよう
       な感じで失敗することでしょう。

              /usr/bin/env: 'perl -w -T': No such file or directory

       さらなる詳細は info 形式のドキュメントを参照してください。

       This paragraph was left as it was, and it tells the reader what the program does.

GNU coreutils 9.1                  2022年9月                          ENV(1)
"""


def test_a_line_of_output_set_deeper_than_the_text_around_it_is_an_example() -> None:
    # the error message the text shows is an example; the English paragraph at the text's own
    # indent is untranslated
    assert codes_lines(JA_ENV, "OL4") == [("OL401", 18)]


ZH_MAN = (
    "名称\n"
    "       hosts_access - 主机访问控制文件的格式\n"
    "\n"
    "描述\n"
    "       这份手册页描述了一种简单的访问控制语言，它基于客户端的主机名、地址和用户名，以及服务器的进程名。\n"
    "       访问控制软件会查询两个文件，第一个匹配的规则决定是否允许访问。\n"
    "\n"
    "{example}\n"
    "\n"
    "       上面的例子说明了这些规则的写法，每一行都是一条独立的规则，不需要其他的设置。\n"
    "       修改规则以后不需要重新启动任何服务，新的规则会在下一次连接时生效。\n"
)
UNTRANSLATED = (
    "       This option is only available when the daemon was built with support for it, and\n"
    "       it is ignored on systems where the library does not exist at all."
)


@pytest.mark.parametrize(
    "example",
    [
        pytest.param(
            "       /etc/hosts.deny:\n"
            "          ALL: some.host.name, .some.domain\n"
            "          ALL EXCEPT in.fingerd: other.host.name, .other.domain",
            id="dotted-host-names",
        ),
        pytest.param(
            "       view cust1 included interfaces.ifTable.ifEntry.ifIndex.1 ff.a0\n"
            "       view cust2 included interfaces.ifTable.ifEntry.ifIndex.2 ff.a0",
            id="identifiers-with-digits",
        ),
        pytest.param(
            "           Apr 09 14:40:30 laptop login[2325]: pam_unix(login:session):\n"
            "                  session opened for user fatima by LOGIN(uid=0)\n"
            "           Apr 09 14:40:30 laptop login[2325]: LOGIN ON tty3 BY fatima",
            id="log-records",
        ),
        pytest.param(
            "       RFC1144\n"
            "              Jacobson, V.  Compressing TCP/IP headers  for  low-speed  serial\n"
            "              links.  February 1990.",
            id="reference-list-entry",
        ),
        pytest.param(
            "AUTHOR(作者)\n"
            "       Peter Tobias, <tobias@et-inf.example.de>\n"
            "       Bernd Eckenfels, <net-tools@lina.example.de> (NIS and manpage).\n"
            "       Steve Whitehouse, <SteveW@acm.example.org> (DECnet support and manpage).\n"
            "\n"
            "[中文版维护人]\n"
            "       riser <boomer@example.com>",
            id="authors-with-notes",
        ),
    ],
)
def test_examples_in_a_chinese_manual_page_are_no_untranslated_text(example: str) -> None:
    # what a translated manual page keeps as it is: configuration, output, references, authors
    assert codes_lines(ZH_MAN.format(example=example), "OL4") == []
    # ... while a sentence left in English in the same place is found
    assert codes_lines(ZH_MAN.format(example=UNTRANSLATED), "OL4") == [("OL401", 8)]


DE_GUIDE = (
    "1. Installation\n"
    "\n"
    "Alle Hilfeseiten haben einen Boot-Prompt, in dem das Boot-Kommando eingetippt werden kann. Die\n"
    "Seiten werden mit den Funktionstasten aufgerufen und erklären die Optionen des Installers:\n"
    "\n"
    "{example}\n"
    "\n"
    "Sie können hier einfach Enter drücken, um den Installer mit den Standardoptionen zu booten, oder\n"
    "Sie geben ein spezielles Boot-Kommando mit optionalen Parametern ein, die auf den Seiten stehen.\n"
)


@pytest.mark.parametrize(
    "example",
    [
        pytest.param("Press F1 for the help index, or ENTER to boot:", id="prompt-introduced"),
        pytest.param(
            "Boot method: <How did you boot the installer? CD/DVD? USB stick? Network?>\n"
            "Image version: <Full URL to image you downloaded is best>\n"
            "Date: <Date and time of the install>",
            id="form-template",
        ),
        pytest.param(
            "# The following lines are desirable for IPv6 capable hosts\n"
            "::1     ip6-localhost ip6-loopback\n"
            "ff02::1 ip6-allnodes\n"
            "ff02::2 ip6-allrouters",
            id="hosts-file",
        ),
    ],
)
def test_what_a_german_translation_shows_as_written_is_not_flagged(example: str) -> None:
    assert codes_lines(DE_GUIDE.format(example=example), "OL4", language="de") == []
    untranslated = (
        "You can simply press Enter to boot the installer with its default options, or enter a\n"
        "specific boot command with optional parameters, which the help pages describe in turn."
    )
    assert codes_lines(DE_GUIDE.format(example=untranslated), "OL4", language="de") == [("OL401", 6)]


def test_a_licence_appendix_of_a_latin_script_translation_keeps_its_english() -> None:
    text = (
        "Anhang F. GNU General Public License\n"
        "\n"
        "This is an unofficial translation of the GNU General Public License into German. It was not\n"
        "published by the Free Software Foundation, and does not legally state the distribution terms.\n"
        "\n"
        "Dies ist eine inoffizielle Übersetzung der GNU General Public License ins Deutsche. Sie wurde\n"
        "nicht von der Free Software Foundation herausgegeben und kann rechtlich keine Aussagen machen.\n"
        "\n"
        "one line to give the program's name and a brief idea of what it does, as the notice says.\n"
        "\n"
        "Copyright (C) year  name of author\n"
        "\n"
        "Fügen Sie auch einen kurzen Hinweis hinzu, wie Sie elektronisch und per Brief erreichbar sind,\n"
        "damit die Benutzer wissen, an wen sie sich mit Fragen zu dem Programm wenden können.\n"
    )
    assert codes_lines(text, "OL4", language="de") == []


def test_et_al_misspelt_is_still_english() -> None:
    text = (
        "10. Other ARM ports (SA7710s et. al.)\n"
        "\n"
        "Several boards of this family have a frame buffer, and the driver supports most of them. The\n"
        "examples are the Matrox G200 et. al. and a few cards that are no longer sold in the shops.\n"
    )
    assert codes_lines(text, "OL4") == []


def test_a_translation_file_quoted_in_an_english_manual_is_code() -> None:
    text = (
        "1. Localization\n"
        "\n"
        "The messages are then translated into the target language by a translator, who fills in the\n"
        "msgstr of each entry in turn. One translator gives the following example of such a file:\n"
        "\n"
        " #: a:6\n"
        ' msgid "Can\'t cd to $var."\n'
        ' msgstr "Impossible de se positionner dans le repertoire $var."\n'
        " #: a:7\n"
        ' msgid "Enter the value: "\n'
        ' msgstr "Entrez la valeur : "\n'
        "\n"
        "The strings are dumped with the variable names, not with the positional syntax of printf.\n"
    )
    assert codes_lines(text, "OL4") == []


def test_a_changelog_keeps_each_authors_language() -> None:
    entries = [
        ("1999-10-30  Tsukamoto Tetsuo  <czkmt@example.jp>", "* skk-hankaku-mode.el: New experimental program."),
        ("1999-10-27  FUKANO Masaaki <fukano@example.jp>", "* doc/skk.texi (カーソル色の設定): 説明を追加した。"),
        ("1999-10-25  Tsukamoto Tetsuo  <czkmt@example.jp>", "* skk.el (skk-setup-modeline): New function."),
        ("1999-10-24  Mikio Nakajima  <mk@example.jp>", "* skk.el (skk-mode): 最初に入ったときの処理を変更した。"),
    ]
    text = "".join(f"{head}\n\n\t{body}\n\n" for head, body in entries)
    assert codes_lines(text, "OL4") == []
    # the same entries without their signed headers are a document in one language, with a
    # paragraph left in the other
    plain = "Changes\n\n" + "".join(f"{body}\n\n" for _, body in entries * 3)
    assert codes_lines(plain, "OL4") != []


def test_a_readme_given_in_two_languages_one_after_the_other() -> None:
    japanese = (
        "IPAフォント(Ver.3)は、JIS X 0213:2004に準拠したTrueTypeアウトラインベースのOpenTypeフォントです。\n\n"
        "IPAフォントの使用または利用に当たっては、添付のライセンスに定める条件に従ってください。\n\n"
        "「IPAフォント」は、IPAの登録商標です。\n\n"
    )
    english = (
        "IPA Fonts are JIS X 0213:2004 compliant OpenType fonts based on TrueType outlines.\n\n"
        "In using IPA fonts, please comply with the terms and conditions set out in the license.\n\n"
        '"IPA Font" is a registered trademark of IPA in Japan.\n\n'
    )
    assert codes_lines("IPAフォント\n\n" + japanese + "=========================\n\n" + english, "OL4") == []
    # with no rule between them, the English is text left untranslated in a Japanese document
    assert codes_lines("IPAフォント\n\n" + japanese + japanese + english, "OL4") != []


def test_a_git_log_keeps_each_authors_language() -> None:
    commits = [
        ("Choe Hwanjin <choe@example.com>", "Ownership transfer to libhangul organization"),
        ("Choe Hwanjin <choe@example.com>", "한자 사전 데이터를 업데이트하고 테스트를 추가했습니다."),
        ("Kim Minsu <kim@example.com>", "fix typo in doxygen comments of the keyboard module"),
        ("Kim Minsu <kim@example.com>", "자판 배열 파일을 정리하고 빌드 스크립트를 고쳤습니다."),
        ("Choe Hwanjin <choe@example.com>", "입력기 상태를 저장하는 함수를 새로 만들고 문서를 보완했습니다."),
        ("Choe Hwanjin <choe@example.com>", "To compile with GNU gettext, we need the po directory and its files."),
    ]
    log = "".join(
        f"commit {k:040x}\nAuthor: {who}\nDate:   2018-06-06 11:16:25 +0900\n\n    {what}\n\n"
        for k, (who, what) in enumerate(commits)
    )
    assert codes_lines(log, "OL4") == []


def test_an_example_under_a_colon_in_a_chinese_manual_page_is_no_untranslated_text() -> None:
    text = (
        "示例 (EXAMPLES)\n"
        "       显示 所有 进出 sundown 的 报文, 以及 它们 的 时间 和 长度 等 信息:\n"
        "              tcpdump host sundown and not port ssh or port telnet\n\n"
        "       显示 所有 通过 网关 snup 的 ftp 报文 (注意 这个 表达式 被 单引号 括起,\n"
        "       防止 shell 解释 园括弧):\n"
        "              tcpdump 'gateway snup and (port ftp or ftp-data)' and not host ace\n\n"
        "       显示 本地的主机 和 其他 主机 之间 的 网络数据, 只 显示 前面 的 十个 报文.\n"
    )
    assert codes_lines(text, "OL4") == []


def test_english_glued_under_a_translated_paragraph_is_reported_where_it_starts() -> None:
    text = (
        "1. Compartir permisos de root\n\n"
        "Frecuentemente, muchos administradores trabajan en la misma red. Compartir contraseñas de\n"
        "root no es muy elegante y abre la puerta al abuso debido al anonimato generado. La solución\n"
        "a este problema es el programa sudo que permite a ciertos usuarios ejecutar órdenes.\n"
        "When installed, the sudo package gives full root rights to members of the sudo group. To\n"
        "delegate other rights, the administrator must use the visudo command, which allows them to\n"
        "modify the configuration file. Adding a line with the user name grants them the rights.\n"
        "Each line of the file names a user or a group, the hosts where the rule applies, and the\n"
        "commands they may run. The file is read from top to bottom, and the last match wins, which\n"
        "is why the more general rules should come first and the exceptions should follow them.\n\n"
        "Los usuarios del grupo pueden ejecutar cualquier orden como root, si conocen su contraseña.\n"
    )
    findings = lint(text, "OL4", language="es")
    assert [(f.code, f.span.line) for f in findings] == [("OL404", 6)]


def test_code_in_braces_inside_a_translated_sentence_is_not_english() -> None:
    text = (
        "1. Regras\n\n"
        "Ao observar essa entrada de log, é possível construir uma regra que permite esta operação.\n"
        "Por exemplo, allow syslogd_t device_t:fifo_file { read write getattr open }. Este processo\n"
        "pode ser automatizado, e é exatamente o que o comando audit2allow oferece ao administrador.\n"
    )
    assert codes_lines(text, "OL4", language="pt") == []


JA_CITED = """名前
       frob - ウィジェットを処理する

説明
       このマニュアルページは古くなっている可能性がある。完全な最新のドキュメンテーション
       が必要な場合は、マニュアルの Using and Porting GNU Frob (for version 2.0)  を参照して
       下さい。詳細については、Frob manual in node "Startup" -- shell command "info -f
       frob -n Startup" を参照してください。

返り値
       2      あるファイルが利用中でコピーできなかったが、それ以外は成功した。
              この場合は `unable to open control file  for  writing'  というエ
              ラーが書き込まれているはずである。

       3      The widget could not be processed because the control file was locked by
              another process at the time, and the tool gave up after waiting for it.
"""


def test_a_cited_title_before_its_see_word_and_a_quoted_message_are_no_untranslated_text() -> None:
    # Japanese cites a work before the word that says "see" (... を参照), with the rest of the
    # reference (a version, a node name, a command) in between; a manual page quotes a program's
    # message `so'; the English sentence left under them is still found
    assert codes_lines(JA_CITED, "OL4") == [("OL401", 15)]


ZH_GUIDE = """第一章 入门

    在这篇文档里，我们的重点在于制作软件包的技术细节。有关 Debian 是
    如何运转的，以及如何才能参与到其中之类的话题，请参考下边的文档：

      * Debian: 17 years of Free Software, "do-ocracy", and democracy
        (幻灯片介绍)

      * How can you help Debian? (官方文档)

    到此为止，我们做好了 control 文件，它的内容如下所示，请仔细阅读：

     1 Source: gentoo
     2 Section: x11
     3 Priority: optional
     4 Maintainer: Josip Rodin <joy-mg@debian.org>
     6 Standards-Version: 3.9.4

    维护者脚本常存在各种问题，更多信息请阅读相关的文档。^[30]

    ^[30] 参见 Debian Policy Manual, 7.7 "Relationships between
    source and binary packages - Build-Depends, Build-Depends-Indep"。

    The tool reads its settings when it starts and writes a log of what it did, as the
    manual says, and this paragraph was left in English by the translator.
"""


def test_a_reading_list_a_listing_with_line_numbers_and_a_cited_section_are_no_untranslated_text() -> None:
    # the works a sentence sends the reader to, a file printed with its line numbers, and a
    # footnote citing a manual's section by its number; the English paragraph is still found
    assert codes_lines(ZH_GUIDE, "OL4") == [("OL401", 24)]


JA_VIM_HELP = """*message.txt*   For Vim バージョン 9.1.

エラーメッセージの一覧です。この文書では、エディタが表示する主なメッセージとその意味を
説明します。メッセージは英語のまま表示されますので、ここでも英語で示しています。

\t\t\t\t\t\t\t*E140*
  Use ! to write partial buffer ~

バッファの一部を書き込むときは ! を付ける必要がある。書き込みは中止された。

次の文の先頭にカーソルがあり、human の h に移動したいとします。"fh" コマンドを
実行すると、'h' の上にカーソルが進みます。

\tTo err is human.  To really foul up you need a computer. ~
\t---------->--------------->
\t    fh\t\t fy

vimrc に以下の行を書き加えてください: >
\tfiletype plugin indent on and syntax on for every file you open
<
The editor keeps a backup of every file it writes, unless you tell it not to do so.
"""


def test_a_vim_help_file_s_messages_samples_and_examples_are_no_untranslated_text() -> None:
    # a header or message marked by its closing " ~", a sample line over a command's moves, and
    # the example a line ending with ">" opens; the English sentence left after them is found
    assert codes_lines(JA_VIM_HELP, "OL4") == [("OL401", 21)]


JA_LEFT = """1. この文書が扱う範囲について
*****************************

この文書の目的は、Debian 開発者とメンテナに推奨される手順と利用可能な
リソースの概要を提供することです。ここで説明する手順には多くの項目が
含まれますので、必要な章から読み始めてください。

The procedures discussed within include how to become a member
(メンバーになるには); how to create new packages (新規パッケ
ージ) and how to upload packages (パッケージをアップロードする); how
to handle bug reports (バグの取扱い); how to move, remove, or orphan
packages (パッケージの移動、削除、放棄); and how and when to do
interim releases of other maintainers' packages.

また、このリファレンスで触れるリソースには、メーリングリストおよびサー
バ、Debian アーカイブの構成に関する説明などがあります。
"""


def test_a_paragraph_left_untranslated_is_reported_once_not_again_for_its_runs() -> None:
    assert codes_lines(JA_LEFT, "OL4") == [("OL401", 8)]


JA_NOTICE = """APT ユーザガイド

ライセンスについて

    "APT" and this document are free software; you can redistribute them and/
    or modify them under the terms of the GNU General Public License as
    published by the Free Software Foundation; either version 2 of the
    License, or (at your option) any later version.

    For more details, on Debian systems, see the file /usr/share/
    common-licenses/GPL for the full license.

概要

    この文書は APT パッケージマネージャの使い方の概要を説明します。APT は
    パッケージの取得、展開、インストールを行うための総合的なツールです。
    以下の章では、主なコマンドとその設定方法を順に説明していきます。
"""


def test_a_licence_notice_s_pointer_to_the_full_licence_is_part_of_the_notice() -> None:
    assert codes_lines(JA_NOTICE, "OL4") == []


VIM_HELP = """*frob.txt*  For Frob version 2.1

This file tells how to load the frob rules only once.

If you do not want to load the rules twice, you can use a variable
to make sure that Frob reads them only once: >

\t:if !exists("rules_loaded")
\t:  let rules_loaded = 1
\t:  au ...
\t:endif

When the group is not given, Frob uses the current group.  Note that the
group must have been made before you name it.
"""


def test_the_example_a_vim_help_line_opens_is_code() -> None:
    assert codes_lines(VIM_HELP, "OL4") == []


# A Chinese manual page: a script under the name of its file, and an expression set deeper than
# the Chinese text around it (tcpdump's zh_CN page); the English paragraph left untranslated is
# still found
ZH_SET_OFF = """名称
       frob - 处理小部件

描述
       如果 报文 把 host 当做 网关, 则 逻辑 为 真.  也就是说, 报文的 以太源或目的地址
       是 host, 但是 IP 的 源目地址 都不是 host.  (一个等价的表达式是
            ether host ehost and not host host
       对于 host / ehost, 它既可以是 名字, 也可以是 数字.)

       例如 下面的 脚本 做 同样的 事情:

       frobpipe.sh:
            #! /bin/sh
            case "$1" in
            *.Z) uncompress -c $1  2>/dev/null
                 ;;
            esac

       The options which apply to the frob command are described in the
       sections below, each with its default value.
"""


def test_an_expression_set_off_and_a_script_under_its_name_are_no_untranslated_text() -> None:
    assert codes_lines(ZH_SET_OFF, "OL4") == [("OL401", 19)]


VIM_HELP = (
    "To enter autocommands for a specific group, use this method:\n"
    '1. Select the group with ":augroup {name}".\n'
    '2. Delete any old autocommands with ":au!".\n\n'
    "Example: >\n"
    "\t:augroup uncompress\n"
    "\t:  au!\n"
    "\t:  au BufEnter *.gz\t%!gunzip\n"
    "\t:augroup END\n\n"
    "This prevents having the autocommands defined twice, after sourcing the file again.\n"
)


def test_an_example_vim_help_marks_with_a_closing_angle_is_code() -> None:
    # a line ending in ">" opens an example in Vim's help files: its commands are no French
    doc = read_bytes(VIM_HELP.encode(), "autocmd.txt", "text")
    assert [p.kind for p in doc.preamble if isinstance(p, Paragraph) and p.text.startswith("Example")] == ["code"]
    assert codes_lines(VIM_HELP, "OL4") == []


def test_an_epigraph_signed_under_it_keeps_its_own_language() -> None:
    doc = (
        "Chapter 34. Gotchas\n\n"
        "   Turandot: Gli enigmi sono tre, la morte una!\n\n"
        "   Caleph: No, no! Gli enigmi sono tre, una la vita!\n\n"
        "   --Puccini\n\n"
        "   Here are some scripting practices that will bring excitement into an otherwise dull life.\n"
    )
    assert codes_lines(doc, "OL4") == []
    # the same lines with no attribution under them are Italian left in an English text
    assert codes_lines(doc.replace("   --Puccini\n\n", ""), "OL4") != []


MAN_ZH = (
    "选项\n"
    "       -f\n"
    "           不要执行认证，用户已经预认证过。\n\n"
    "           Note: In that case, username is mandatory.\n\n"
    "       -h\n"
    "           此登录的远程主机名。\n"
)


def test_a_remark_under_a_label_is_text_not_a_setting() -> None:
    # "Note:" and a sentence is a remark left in English, not a "key: value" line of code
    assert codes_lines(MAN_ZH, "OL4") == [("OL401", 5)]
    # a record's field with names for its value is no sentence
    record = "Issued: July 14, 1998\nInventor: Stuart A. Haber, Wakefield S. Stornetta Jr.\n"
    assert [p.kind for p in read_bytes(record.encode(), "r.txt", "text").preamble if isinstance(p, Paragraph)] == [
        "code"
    ]


# A Japanese manual page: its usage line with English placeholders, and its copyright section kept
# in English as translations of manual pages keep it (the notice, a line on who wrote the page,
# "Released under the GNU General Public License"); an English paragraph left in the description
# is still found
JA_MAN_NOTICE = """名前
       frob - 小さな部品を処理する

書式
       frob configure [ build directory ] [ options to set ]

説明
       frob は、 コマンドラインから部品を処理するものです。 その利用の仕方は以下のよう
       に簡単です。 ビルドディレクトリが省略された場合は、 カレントディレクトリが用い
       られます。 設定の一覧は、 オプションを付けずに実行すると表示されます。

       The options are read from the file named, and each option given on the command
       line overrides the value the file gives for it.

       設定ファイルが存在しない場合は、 既定の値が用いられます。 既定の値は、 パッケー
       ジのドキュメントに記載されています。

著作権
       Copyright © 2005, 2006 A. Writer

       This manual page was written for the Debian(TM) system (but it may be used by
       others).

       Released under the GNU General Public License version 2 or later.
"""


def test_a_usage_line_and_a_copyright_section_in_a_japanese_manual_are_no_english_text() -> None:
    assert codes_lines(JA_MAN_NOTICE, "OL4") == [("OL401", 12)]


def test_a_phrase_in_single_quotes_is_a_mention_not_a_sentence_of_its_language() -> None:
    # "Those are 'objets du jour'.": the French words are mentioned, in quotes, by an English
    # sentence; a French sentence left unquoted in the paragraph is still found
    para = (
        "The items in the shop change every day. Those are 'objets du jour'. RLG and I got in the "
        "habit of taking one home each time we went in, and the shopkeeper never minded it at all."
    )
    intro = "This guide tells you what you find in the town and how to get the best out of it.\n\n"
    assert codes_lines(intro + para + "\n", "OL4") == []
    left = para.replace("Those are 'objets du jour'.", "Ce sont les objets du jour que nous avons vus.")
    assert [code for code, _ in codes_lines(intro + left + "\n", "OL4")] == ["OL404"]


# A Chinese FAQ that shows what programs print: messages introduced by a line ending with a colon
# (as a block of their own, or glued under the question, over two lines at one indent), a
# compiler's diagnostics, a shell session at a prompt that names the directory, and records with
# their cells parted by tabs; the one English paragraph left untranslated is still found
ZH_SHOWN = """常見問題

本程式是一套中文輸入法伺服器，可以在各種不同的環境下使用，安裝的方法請參考使用手冊中的說明，若有任何問題請先閱讀本文件。

本程式是一套中文輸入法伺服器，可以在各種不同的環境下使用，安裝的方法請參考使用手冊中的說明，若有任何問題請先閱讀本文件。

本程式是一套中文輸入法伺服器，可以在各種不同的環境下使用，安裝的方法請參考使用手冊中的說明，若有任何問題請先閱讀本文件。

本程式是一套中文輸入法伺服器，可以在各種不同的環境下使用，安裝的方法請參考使用手冊中的說明，若有任何問題請先閱讀本文件。

QB.1:  我已經安裝了 Berkeley DB2 了，為什麼在 configure 時還是跟我說:
       You need Berkeley DB 2 to compile xcin.
       Please use --with-dbinc and --with-dblib to configure.

QB.6:  我在安裝 xcin 時，configure 沒有問題，但安裝到一半卻出現以下的錯誤:

gcc -Wall -fsigned-char -O2 -DHAVE_CONFIG_H -I../../../src/include
set_locale.c: In function `locale_setting':
set_locale.c:68: error: `CODESET' undeclared (first use in this function)

這是因為您的系統太舊了，請先更新您的系統函式庫，然後再重新編譯一次，就可以了。

  [stack]% make
  test-stack.c:9: error: 'Stack' undeclared (first use in this function)
  make: *** [all-recursive] エラー 1

Rainbow effect - appearance\t\t60\tdraw a rainbow (of bullet)
-隨機彈。你一看到這一關就會記住它的。如果你感覺太難，可以先試試別的關卡。

This paragraph was never translated, and it tells the reader how to report a bug to us.

以上就是所有的常見問題，如果還有其他的問題，請寄信給我們，我們會盡快回覆您。
"""


def test_what_a_chinese_faq_shows_a_program_printing_is_no_untranslated_text() -> None:
    assert codes_lines(ZH_SHOWN, "OL4") == [("OL401", 30)]


def test_an_english_translators_note_glued_over_its_korean_version_is_no_untranslated_text() -> None:
    # the note a translation opens with, addressed to readers of its source, in their language
    doc = (
        "NOTE:\nThis is a version of Documentation/CodingStyle, translated into Korean.\n"
        "Note that the purpose of this file is to be easier to read in Korean and\n"
        "is not intended as a fork of the original English file.\n===\n"
        "이 문서는 Documentation/CodingStyle 의 한글 번역본입니다. 이 문서의 내용에 문제가\n"
        "있다면 먼저 영어 원문을 확인하고 수정해 주시기 바랍니다.\n\n"
        "코딩 스타일에 관한 짧은 문서입니다. 이 문서는 리눅스 커널의 코딩 스타일을 설명합니다.\n\n"
        + (
            "이 문서는 리눅스 커널의 코딩 스타일을 설명합니다. 코딩 스타일은 매우 개인적인 것이지만, "
            "커널의 코드를 읽기 쉽게 하기 위해 지켜 주시기 바랍니다.\n\n"
        )
        * 4
    )
    assert codes_lines(doc, "OL4") == []
    # an English paragraph later in the text is untranslated still
    left = doc + "This paragraph was left in English when the rest of the file was translated.\n"
    assert codes_lines(left, "OL4") == [("OL401", 19)]
    # and an English opening that says nothing of the translation is text like any other
    plain = doc.replace("This is a version of Documentation/CodingStyle, translated into Korean.", "Coding style.")
    assert [code for code, _ in codes_lines(plain, "OL4")] == ["OL401"]


_ZH_NOTE = """Chinese translated version of Documentation/process/example.rst

If you have any comment or update to the content, please contact the
original document maintainer directly.  However, if you have a problem
communicating in English you can also ask the Chinese maintainer for
help.  Contact the Chinese maintainer if this translation is outdated.

Chinese maintainer: Wang Wu <wang@example.org>
---------------------------------------------------------------------
Documentation/process/example.rst 的中文翻译

如果想评论或更新本文的内容，请直接联系原文档的维护者。如果你使用英文
交流有困难的话，也可以向中文版维护者求助。

以下为正文
---------------------------------------------------------------------

这是一篇关于如何提交补丁的说明。它将指导你成为一名开发者，并且学会如何
同社区合作。它尽可能不包括任何关于编程的技术细节。

如果这篇文章中的任何内容不再适用，请给文末列出的文件维护者发送补丁。
"""


def test_a_translators_note_over_a_chinese_translation_is_no_untranslated_text() -> None:
    assert codes_lines(_ZH_NOTE, "OL4") == []


_ZH_MAN = """名称
       frob - 修改一个用户账户

描述
       The frob command modifies the system account files to reflect the
       changes that are specified on the command line.

选项
       -d, --home HOME_DIR
           The user's new login directory. If the -m option is given, the
           contents of the current home directory will be moved to the new
           home directory, which is created if it does not already exist.

           用户主目录之外的文件必须手动修改。

COPYRIGHT
       The frob program is in public domain.  This is not the GNU public
       license.  If it breaks then you get to keep both pieces.

参见
       chfn(1), chsh(1), passwd(1)
"""


def test_a_manual_page_with_its_titles_translated_is_a_translation_with_english_left() -> None:
    # its section titles and a few lines in Chinese, most descriptions fallen back to English: a
    # Chinese translation in progress, whose English paragraphs are the untranslated text (and
    # whose copyright section stays in English on purpose)
    doc = read_bytes(_ZH_MAN.encode(), "frob.8")
    assert language.analyse(doc).main_language == "zh"
    assert codes_lines(_ZH_MAN, "OL4") == [("OL401", 5), ("OL401", 10)]


JA_CHANGES = (
    "変更履歴\n\n"
    + "このパッケージは日本語の組版のためのフォントの設定を集めたものです。詳しくは付属の文書を読んでください。\n\n" * 3
    + "v1.5.6-->v1.5.6.1(2010/3/26)\n"
    "・JIS X 0213:2004の字形改正に対応\n"
    "　[otf.sty, makeotf, mkjvf, hiragino.map(for udvips), hiraginox.map(for dvipdfmx), jis2004.texの追加]\n"
    "・補完の候補にマクロを追加した。追加したのは以下のとおり。\n\n"
    "mathbb, mathscr, mathrsfs, text, and, onslide, pause\n\n"
    "以上の変更は、次の版からすべての環境で使えるようになります。ご意見をお寄せください。\n"
)


def test_a_note_in_brackets_and_a_list_of_names_are_no_english_text() -> None:
    # the files a change touched, in brackets after it, and macros one word each between commas
    assert codes_lines(JA_CHANGES, "OL4") == []


_VIM_HELP = """*frob.txt*\tFrob 用のヘルプ。  最終変更: 2026 Feb 14

==============================================================================
1. 設定\t\t\t\t\t\t*frob-settings*

複数行文字列を、クォート文字と同じ列で揃えるのではなく、クォート文字の一つ後ろの列で整列させる。

例: >
\t(def 初期設定
\t  "Lorem ipsum dolor sit amet, consectetur adipisicing elit, sed do
\t  eiusmod tempor incididunt ut labore et dolore magna aliqua.")

\t(def 整列する場合
\t  "Ut enim ad minim veniam, quis nostrud exercitation ullamco laboris
\t   nisi ut aliquip ex ea commodo consequat.")
<
初期設定では、括弧で囲まれた関数呼び出しのような形でその最初の subform が括弧と同じ行にあるとき、
そのうしろの subform は最初の括弧からスペース 2 つ分インデントされる。

 vim:tw=78:ts=8:noet:ft=help:norl:
"""


def test_a_vim_help_file_s_examples_are_code() -> None:
    # an example opens on a line ending in " >" and closes on a line starting with "<"; its
    # lines, blank lines among them, are code whatever their words
    assert codes_lines(_VIM_HELP, "OL4") == []
    doc = read_bytes(_VIM_HELP.encode(), "frob.jax")
    kinds = [(p.span.line, p.kind) for h in doc.facts.headings for p in h.body if isinstance(p, Paragraph)]
    assert (9, "code") in kinds and (13, "code") in kinds and (17, "prose") in kinds
    # in a file that is no Vim help file, a line ending in ">" opens nothing
    plain = read_bytes(_VIM_HELP.replace("*frob.txt*", "frob.txt").replace("ft=help", "ft=text").encode(), "a.txt")
    kinds = [(p.span.line, p.kind) for h in plain.facts.headings for p in h.body if isinstance(p, Paragraph)]
    assert (9, "code") not in kinds


_RST_CODE = """注释
----

Linux 的注释风格是 C89 的 “/* ... */” 风格。不要使用 C99 风格的 “// ...” 注释。
内核里长 (多行) 注释的首选风格是：

.. code-block:: c

\t/*
\t * This is the preferred style for multi-line
\t * comments in the Linux kernel source code.
\t * Please use it consistently.
\t */

对于在 net/ 和 drivers/net/ 的文件，首选的长 (多行) 注释风格有些不同。
"""


def test_the_block_under_a_restructuredtext_code_directive_is_code() -> None:
    assert codes_lines(_RST_CODE, "OL4") == []


def test_a_byline_with_its_address_spelt_out_and_a_list_of_names_are_no_english_text() -> None:
    doc = (
        "Linux カーネルのドライバインターフェース\n\n"
        "Greg Kroah-Hartman <greg at kroah dot com>\n\n"
        + "この文書は、なぜ Linux ではバイナリカーネルインターフェースが無いのかを説明するために書かれた。\n\n" * 3
        + "使える認証方式は plain, cram-md5, digest-md5, gssapi, external, login, and ntlm である。\n"
    )
    assert codes_lines(doc, "OL4") == []
    # a sentence after the name is English text all the same
    told = doc.replace("<greg at kroah dot com>", "wrote this when the interfaces changed again and again")
    assert [code for code, _ in codes_lines(told, "OL4")] == ["OL401"]


_ZH_NOTES = """描述
       busctl 可用于检查和监视总线上的服务，也可以调用服务的方法、读取或设置
       服务的属性。如果没有指定命令，那么默认显示所有总线上的服务。

NOTES
        1. D-Bus
           http://freedesktop.org/wiki/Software/dbus

        2. Type system chapter of the D-Bus specification
           http://dbus.freedesktop.org/doc/dbus-specification.html#type-system
"""


def test_a_manual_page_s_numbered_notes_with_their_addresses_are_cited_titles() -> None:
    assert codes_lines(_ZH_NOTES, "OL4") == []
    # without its address the note is a sentence of English left in the page
    bare = _ZH_NOTES.replace("           http://dbus.freedesktop.org/doc/dbus-specification.html#type-system\\n", "")
    bare = bare.replace(
        "Type system chapter of the D-Bus specification",
        "The type system is described in the chapter of the specification that the project keeps.",
    )
    assert [code for code, _ in codes_lines(bare, "OL4")] == ["OL401"]


_HANGING = """名前
       fexecve - ファイルディスクリプターで指定されたプログラムを実行する

説明
       fexecve() は execve(2) と同じ動作を行う。 違いは、実行するファイルを
       パス名ではなく、ファイルディスクリプター fd で指定する点である。

エラー
       EINVAL fd が無効であるか、argv が NULL か、envp が NULL である。

       ENOENT The  close-on-exec flag is set on fd, and fd refers to a script.
              See BUGS.

       ENOSYS The kernel does not provide the execveat(2)   system  call,  and
              the /proc filesystem could not be accessed.
"""


def test_an_untranslated_item_whose_text_hangs_from_its_tag_is_reported_where_it_starts() -> None:
    # the text starts on the tag's line and wraps under itself: the paragraph starts at its tag,
    # not on its second line (a term alone over its description is reported at the description,
    # as in the manual page above)
    findings = lint(_HANGING, "OL4")
    assert [(f.code, f.span.line, f.span.column) for f in findings] == [("OL401", 11, 8), ("OL401", 14, 8)]


_DISPLAY_IN_SENTENCE = """\
5 Troubleshooting
*****************

5.1 Preview causes all sort of strange error messages
=====================================================

When running the previewer and taking a look at either log file or
terminal output, lots of messages like

     ! Preview: Snippet 3 started.
     <-><->

     l.52 \\item Sie lassen sich als Funktion $
                                              y = f(x)$ darstellen.
     ! Preview: Snippet 3 ended.(491520+163840x2494310).
     <-><->

     l.52 \\item Sie lassen sich als Funktion $y = f(x)$
                                                        darstellen.

   appear (previous versions generated messages looking even more like
errors).  Those are not real errors, as will be noted in the log file.
They are intentional, and they can be ignored.

5.2 Other problems
==================

   Sie lassen sich als Funktion darstellen, wenn die Werte bekannt sind und
die Eingabe nicht leer ist.
"""


def test_a_display_inside_a_sentence_shows_its_text_as_written() -> None:
    # a log set deeper in the middle of a sentence ("lots of messages like" ... "appear") is what
    # the sentence displays; a German paragraph where the text stands is still found
    assert codes_lines(_DISPLAY_IN_SENTENCE, "OL4") == [("OL401", 28)]


_LOREM = """\
Markup FAQ
==========

1. How can I suppress the double colon?

Use the two-colons attribute to suppress this behaviour, for example
when writing a label list item by hand in the document source.

Qui in magna commodo:: est labitur dolorum an. Est ne magna primis
adolescens.

That is all there is to it.

2. How are the sample paragraphs written?

Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod
tempor incididunt ut labore et dolore magna aliqua.

Questo paragrafo è rimasto in italiano, e il traduttore non lo ha visto
quando ha finito la revisione del documento.
"""


def test_latin_placeholder_text_is_no_language_left_untranslated() -> None:
    # filler in Latin (a markup example's "Lorem ipsum") is told apart from Italian and never
    # reported; the Italian paragraph after it is
    assert codes_lines(_LOREM, "OL4") == [("OL401", 19)]


_EXERCISES = """\
===============================================================================
=    欢 迎 阅 读 《 V I M  教 程 》                                           =
===============================================================================

     Vim 是一个具有很多命令的功能非常强大的编辑器。本教程将带您练习最常用
     的命令。请按照下面的说明操作，并在每一行练习文本上试一试。

                        第一讲第四节：文本编辑之删除

  1. 请将光标移动到本节中下面标记有 ---> 的那一行。

  2. 为了修正错误，请将光标移至第一个需要删除的字符。

---> The ccow jumpedd ovverr thhe mooon and landed in the sea.

  3. 重复步骤 2 到步骤 4，直到句子修正为止。

---> Somebody typed the end of this line twice. end of this line twice.

  4. 现在这一行正确了，请继续学习下一节。

  This paragraph was left in English by the translator, who did not see it
  when the rest of the lesson was translated into Chinese.
"""


def test_exercise_lines_an_arrow_marks_are_shown_as_written() -> None:
    # a tutorial's practice lines ("---> The ccow jumpedd ...") stay in English in every
    # translation: text to edit, not to translate; an English paragraph of the lesson is found
    assert codes_lines(_EXERCISES, "OL4") == [("OL401", 22)]


_KEPT_NOTICE = """\
＊この翻訳版についての謝辞
==========================

この文書は英語版の入門ガイドを日本語に翻訳したものです。翻訳にあたって
は、以前の日本語版を参考にしました。これらの方々に深く感謝します。


＊著作権表示
============

ここに元の英語版の著作権表示をそのまま付けます。この翻訳版もこれに従い
ます。

This version of the tutorial is copyrighted, and comes with
permission to distribute copies on certain conditions:

   Permission is granted to anyone to make or distribute verbatim copies
   of this document as received, in any medium, provided that the
   copyright notice and permission notice are preserved.

The conditions for copying the program itself are more complex, but in
the same spirit.  Please read the file COPYING and then do give copies
to your friends.
"""


def test_a_copyright_section_titled_with_a_mark_keeps_its_notice_as_granted() -> None:
    # "＊著作権表示" is a copyright section, its mark aside; its notice (indented, a block of its
    # own) makes the section's English text the notice kept as it was granted
    assert codes_lines(_KEPT_NOTICE, "OL4") == []


_KOREAN_IN_PROGRESS = """\
메모리 관리. 1부
================================================================================

소개
--------------------------------------------------------------------------------

이 문서는 리눅스 커널의 메모리 관리에 대해 설명하는
시리즈의 첫 번째 부분입니다. 우리는 페이지 테이블과
주소 변환에 대해 살펴볼 것입니다.

커널은 부팅 초기 단계에서 여러 가지 메모리 구조를
설정해야 합니다. 이 과정은 매우 복잡하지만 차근차근
알아보겠습니다.

이 부분에서는 초기 페이지 테이블이 어떻게 만들어지는지
살펴봅니다. 각 항목은 다음 단계의 테이블을
가리킵니다.

주소 변환이 어떻게 이루어지는지 이해하면 나머지 부분도
쉽게 따라갈 수 있습니다.

먼저 부팅 과정의 첫 단계부터 시작하겠습니다. 각
단계는 앞 단계의 결과를 사용합니다.

Page tables
--------------------------------------------------------------------------------

The kernel sets up the early page tables before it jumps to
the decompressed image, and each entry points to the next
level of the hierarchy.

When the processor translates a linear address, it walks
these tables from the top level down, and the result is
cached in the translation lookaside buffer.

Later in the boot process the kernel replaces these early
tables with the final ones, which map all of the physical
memory into the direct mapping area.

The early tables only cover the first few gigabytes of
memory, which is enough for the decompressor and for the
first steps of the kernel itself.

Anything outside this range causes a page fault that the
early handler must resolve by building a new entry on the
fly from a small pool of pages.

Now let's go back to the function that fills the top level
table. It takes the address of the table and the physical
address it should map.

Its implementation is simple: it computes the index of the
entry from the address, sets the present and writable bits,
and stores the result.

We will look at how the final tables are built in the next
part of this series, together with the functions that
allocate memory for them.

Each table holds five hundred and twelve entries of eight
bytes, so one table fills exactly one page of memory and is
aligned on a page boundary.

The top level table is pointed to by the control register,
and loading a new value into that register flushes most of
the cached translations.

Large pages let a single entry of the middle level map two
megabytes at once, which saves both memory for the tables
and entries in the cache.

The kernel marks the pages that hold its own code as read
only once the boot is over, so that a stray write is caught
as early as possible.
"""


def test_a_korean_translation_in_progress_is_read_in_korean_with_its_english_left_flagged() -> None:
    # its title, its first section and a fair share of its paragraphs in Korean, the rest still
    # the English original: a translation into Korean, as one into Chinese or Japanese is
    doc = read_bytes(_KOREAN_IN_PROGRESS.encode(), "memory.txt")
    assert language.analyse(doc).main_language == "ko"
    found = codes_lines(_KOREAN_IN_PROGRESS, "OL4")
    assert found and {code for code, _ in found} <= {"OL401", "OL402"} and all(line >= 17 for _, line in found)


_SESSION = """\
第八章 国际化

    本章介绍如何为上游软件添加国际化支持。我们使用 gettextize 命令来
    生成所需的文件。

    运行 gettextize 命令：

     $ gettextize
    Creating po/ subdirectory
    Copying file ABOUT-NLS

    Please use AM_GNU_GETTEXT([external]) in order to cause autoconfiguration
    to look for an external libintl.

    Please create po/Makevars from the template in po/Makevars.template.
    You can then remove po/Makevars.template.

    Please run 'aclocal' to regenerate the aclocal.m4 file.
    You need aclocal from GNU automake 1.9 (or newer) to do this.
    Then run 'autoconf' to regenerate the configure file.

    Press Return to acknowledge the previous paragraphs.
     $ rm -rf m4 build-aux *~

    让我们确认一下 po/ 目录下生成的文件。这些文件需要被加入版本控制，
    以便翻译者可以更新它们。
"""

_COMMITS = """\
# 更新日志

## 3.0.24
>* feat: (player) 字幕插件支持多语言切换
>* feat: (player) add runHooks method to enhance hook functionality
>* fix: (player) improve URL handling and default definition assignment in player initialization
>* fix: (player) 修复横屏状态下进入全屏时播放器宽度不对的问题

## 3.0.23
>* refactor: (player) add playSessionId for once play process
>* fix: (player) usePluginHooks not use arguments, fixed #1773
>* fix: (player) 插件增加存储除根节点外的额外节点的属性

## 3.0.22
>* fix: (player) null is not an object (evaluating 'this.root.getBoundingClientRect')
>* fix: progress bar mouseup event is not fired, due to preview
>* fix: (player) 修复弹幕插件在无控制栏时，初始化报错问题
"""


def test_a_console_session_s_output_between_its_commands_is_shown_as_printed() -> None:
    # "$ gettextize" over its first lines of output, its messages over several blocks, then
    # "$ rm -rf m4": the program's output, in English as it prints it
    assert codes_lines(_SESSION, "OL4") == []


def test_commit_subjects_in_a_changelog_keep_their_authors_languages() -> None:
    # "fix: (player) 修复..." among "feat: (player) add ...": each commit in its own language
    assert codes_lines(_COMMITS, "OL4") == []


_HASH_COMMENTED = """\
# 这是 GnuPG 的帮助文件。
# 以 "#" 开头的行是注释。

.gnupg.agent-problem
# There was a problem accessing or starting the agent.
无法连接到运行的 Gpg-Agent 或与正在运行的 Gpg-Agent 发生通信问题。

本系统使用一个称为 Gpg-Agent 的后台进程来处理私钥和请求密码。代理通常
在用户登录时启动，并在用户在线时运行。如果没有可用的代理，系统会尝试
动态启动一个代理。
.

.gpgsm.root-cert-not-trusted
# This text gets displayed by the audit log if
# a root certificates was not trusted.
根证书（信任基础）不受信任。根据配置，可能会提示您将根证书标记为受
信任的，或者您需要手动告诉 GnuPG 信任该证书。如有疑问，请询问系统
管理员是否应信任此证书。
.
"""


def test_comments_a_translated_file_keeps_in_english_are_no_untranslated_text() -> None:
    # a help file that comments with "#", in Chinese too: the English comments over each entry
    # are the source's, kept as they were
    assert codes_lines(_HASH_COMMENTED, "OL4") == []


_SIGNED_EPIGRAPH = """\
CHAPTER IV

HEROIC SYMPHONY

     Ach, der menschliche Intellekt! Ach "Genie"! Es ist nicht so gar
     viel einen "Faust" eine Schopenhauerische Philosophie, eine Eroika
     gemacht zu haben.
                                                  --Friederich Nietzshe.


The immediate fruit of this mental travail was a sudden growth in the
composer's powers, and the symphony he wrote next was the proof of it.

     Er schrieb die Symphonie in wenigen Wochen, und niemand wusste, wie
     er das so schnell geschafft hatte, obwohl er krank war.

The critics of the time were divided, and the audience was puzzled.
"""


def test_an_epigraph_signed_in_its_own_block_is_quoted_as_written() -> None:
    # the attribution set right under the quotation, no blank line between: an epigraph in the
    # language it was written in; an unsigned German paragraph is still found
    assert codes_lines(_SIGNED_EPIGRAPH, "OL4") == [("OL401", 14)]
