"""English comes from resources/i18n: every string the wizard marks is translated."""

from __future__ import annotations

import ast
import importlib
import pkgutil
import re
import shutil
import subprocess
import xml.etree.ElementTree as ElementTree
from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTranslator
from PySide6.QtWidgets import QWizard

import ukey_renew
from tests.conftest import REPO
from ukey_renew.certs import VERDICTS
from ukey_renew.errors import KeyNotRecognised, Listed, PinIncorrect, UkeyError
from ukey_renew.gui.widgets import Notice
from ukey_renew.renewal.steps import STEPS

TS = REPO / "resources" / "i18n" / "ukey_renew_en.ts"
QM = TS.with_suffix(".qm")


def error_strings() -> set[str]:
    """The message, next step and message template each error class of the
    package sets, which the window shows through t().

    The classes are found by importing every module of the package (all
    import without a display; ``__main__`` would run the program) and walking
    ``UkeyError.__subclasses__()``, rather than by reading the source: an
    error may derive from another error of another module, under any name it
    was imported as, which only the running classes tell for sure. Only what a
    class itself sets counts (its ``__dict__``), and only classes of the
    package, not those tests make."""
    for module in pkgutil.walk_packages(ukey_renew.__path__, "ukey_renew."):
        if not module.name.endswith(".__main__"):
            importlib.import_module(module.name)
    found = set()
    pending: list[type[UkeyError]] = [UkeyError]
    while pending:
        cls = pending.pop()
        pending.extend(cls.__subclasses__())
        if cls.__module__.split(".")[0] == "ukey_renew":
            found |= {
                value
                for name in ("message", "next_step", "template")
                if isinstance(value := cls.__dict__.get(name), str) and value
            }
    return found


def marked_strings() -> set[str]:
    """The literal first arguments of t(...) and N_(...) in the GUI package,
    the titles of the renewal steps and the check's verdicts it shows, the
    automatic checks' findings (``_said`` in troubleshoot/checks.py), and the
    errors' messages and next steps."""
    found = {step.title for step in STEPS} | set(VERDICTS.values()) | error_strings()
    marking = {path: ("t", "N_") for path in (REPO / "ukey_renew" / "gui").glob("*.py")}
    marking[REPO / "ukey_renew" / "troubleshoot" / "checks.py"] = ("_said", "_Joined")  # the help panel's checks
    for path, names in marking.items():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id in names
                and node.args
                and isinstance(node.args[0], ast.Constant)
            ):
                found.add(node.args[0].value)
    return found


def translations() -> dict[str, str]:
    root = ElementTree.parse(TS).getroot()
    table = {}
    for message in root.iter("message"):
        translation = message.find("translation")
        assert translation is not None and translation.get("type") != "unfinished"
        table[message.findtext("source") or ""] = translation.text or ""
    return table


def test_every_marked_string_is_translated() -> None:
    table = translations()
    marked = marked_strings()
    assert len(marked) > 100
    missing = sorted(marked - table.keys())
    assert not missing, f"add to {TS.name}: {missing}"
    for source in marked:
        english = table[source]
        assert english and english != source, source  # translated, not copied
        assert set(re.findall(r"\{\w+\}", source)) == set(re.findall(r"\{\w+\}", english)), source
        assert source.count("&") == english.count("&"), source  # keyboard accelerators kept
        assert not re.search("[（）：，。；]", english), english  # English punctuation in English


def test_compiled_translations_are_current(tmp_path: Path) -> None:
    lrelease = shutil.which("pyside6-lrelease")
    assert lrelease, "pyside6-lrelease comes with PySide6"
    fresh = tmp_path / "fresh.qm"
    subprocess.run([lrelease, str(TS), "-qm", str(fresh)], check=True, capture_output=True)
    assert fresh.read_bytes() == QM.read_bytes(), "run pyside6-lrelease on the .ts and commit the .qm"


def test_wizard_in_english(make_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    translator = QTranslator()
    assert translator.load(str(QM))
    QCoreApplication.installTranslator(translator)
    try:
        window = make_window()
        wizard = window.wizard
        assert wizard.detect_page.title() == "Insert the red Ukey"
        assert wizard.buttonText(QWizard.WizardButton.NextButton) == "&Next >"
        assert "Practice mode" in window.banner.text()
        qtbot.waitUntil(wizard.detect_page.isComplete, timeout=20_000)
        assert "practice Ukey (" in wizard.detect_page.keys.item(0).text()
        wizard.next()
        qtbot.waitUntil(wizard.check_page.isComplete, timeout=20_000)
        shown = wizard.check_page.details.text() + wizard.check_page.verdict.text
        assert "expires in" in shown and re.search(r"\d{4}-\d{2}-\d{2}", shown)  # the verdict and dates too
        assert not re.search("[年月日（）]", shown), shown
    finally:
        QCoreApplication.removeTranslator(translator)


def test_order_in_english() -> None:
    """Guide 2.2 ⑤: the order to check, labels and dates in the window's language."""
    from ukey_renew.gui.renew_page import order_table
    from ukey_renew.renewal.steps import OrderSummary

    order = OrderSummary("20261207-000042", "北京市测试检察院", "11100000000000000X", "张三", "13800138000",
                         datetime(2026, 12, 7, 2, tzinfo=UTC), datetime(2031, 12, 27, 2, tzinfo=UTC))  # fmt: skip
    assert "2026年12月07日 至 2031年12月27日" in order_table(order)
    translator = QTranslator()
    assert translator.load(str(QM))
    QCoreApplication.installTranslator(translator)
    try:
        shown = order_table(order)
    finally:
        QCoreApplication.removeTranslator(translator)
    assert "2026-12-07 to 2031-12-27" in shown and "Organization code" in shown and "11100000000000000X" in shown
    assert not re.search("[年月日至]", shown), shown


def test_every_pin_state_has_its_hint() -> None:
    """The window words each state the command line words (token/base.py PIN_WORDS), with what to do."""
    from ukey_renew.gui.pages import _PIN_HINTS
    from ukey_renew.token.base import PIN_WORDS

    assert _PIN_HINTS.keys() == PIN_WORDS.keys()


def test_error_in_english(qtbot) -> None:  # type: ignore[no-untyped-def]
    translator = QTranslator()
    assert translator.load(str(QM))
    QCoreApplication.installTranslator(translator)
    try:
        notice = Notice()
        qtbot.addWidget(notice)
        error = PinIncorrect(3)
        notice.show_error(error)
        shown = notice.text
        assert translations()[error.next_step] in shown
        assert "3" in shown and "Ukey 密码错误" not in shown  # the headline made with the count, in English too
        assert "Next:" in shown and "guide 3.6" in shown
        notice.show_error(UkeyError())
        assert "Internal error" in notice.text
        assert not re.search("[年月日（）：，。；]", notice.text), notice.text
    finally:
        QCoreApplication.removeTranslator(translator)


def test_a_list_in_english(english) -> None:  # type: ignore[no-untyped-def]
    """Names listed in a message are joined with ", " in English, "、" in Chinese."""
    from ukey_renew.gui.i18n import t

    error = KeyNotRecognised(Listed(["龙脉 GM3000", "飞天 ePass3000"]))
    assert "龙脉 GM3000、飞天 ePass3000" in error.message
    assert "龙脉 GM3000, 飞天 ePass3000" in t(error.template, **error.values)


def test_file_dialogs_speak_the_windows_language(qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """The system's own dialog speaks the system's language: a window in another one asks with Qt's dialog."""
    from PySide6.QtCore import QLocale
    from PySide6.QtWidgets import QFileDialog, QWidget

    from ukey_renew.gui.widgets import save_file_name

    asked: list[object] = []
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *args, **kwargs: asked.append(kwargs["options"]) or ("", "")
    )
    parent = QWidget()
    qtbot.addWidget(parent)
    system = QLocale.system().language()
    other = QLocale.Language.Chinese if system != QLocale.Language.Chinese else QLocale.Language.English
    try:
        for language in (system, other):
            QLocale.setDefault(QLocale(language))
            save_file_name(parent, "title", "name.zip")
    finally:
        QLocale.setDefault(QLocale.system())
    native, foreign = asked
    assert not native & QFileDialog.Option.DontUseNativeDialog
    assert foreign & QFileDialog.Option.DontUseNativeDialog


def test_help_panel_in_english(english, make_window, qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """The English window's help shows every entry in English (resources/faq/en/), found by Chinese or English."""
    window = make_window()
    window.troubleshoot("3.3")
    panel = window._panel
    qtbot.waitUntil(lambda: panel.entry is not None, timeout=20_000)
    assert panel.heading.text() == "<b>Guide 3.3: The BJCA certificate assistant shows no certificate</b>"
    assert "ordinary Windows computer" in panel.text.text()
    for query, title in [("密码忘了", "Forgotten Ukey password"), ("lost the key", "Ukey lost or damaged")]:
        panel.search.setText(query)
        assert title in panel.results.item(0).text()
    panel.search.setText("延期后登录提示证书无效")
    assert panel.results.item(0).text() == "Guide 3.9 case 2: After renewal, login says the certificate is invalid"
    panel.results.itemClicked.emit(panel.results.item(0))
    shown = panel.heading.text() + panel.text.text()
    assert "15 minutes" in shown and not re.search("[\u4e00-\u9fff]", shown), shown
    contacts = panel.contacts.text()  # names stay as written; the rest in English
    assert "(QQ 3366865653, remote help)" in contacts and not re.search("[（），；]", contacts), contacts
    panel.resize(480, 640)
    panel.grab().save(str(tmp_path / "help-en.png"))  # to look at: pytest --basetemp
