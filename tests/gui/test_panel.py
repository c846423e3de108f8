"""The troubleshooting panel walked with the user, and the replacement letter."""

from __future__ import annotations

import functools
import sys
from pathlib import Path

import pytest
from docx import Document
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWizard

from ukey_renew.errors import PinIncorrect
from ukey_renew.gui.letter_dialog import LetterDialog
from ukey_renew.troubleshoot import checks, doctor
from ukey_renew.troubleshoot.letter import LetterInvalid

TIMEOUT = 20_000


def _panel(window, qtbot):  # type: ignore[no-untyped-def]
    qtbot.waitUntil(window.wizard.detect_page.isComplete, timeout=TIMEOUT)
    window.wizard.button(QWizard.WizardButton.HelpButton).click()
    panel = window._panel
    assert panel is not None
    qtbot.waitUntil(lambda: panel.entry is not None, timeout=TIMEOUT)
    return panel


def test_the_first_check_looks_at_this_machine(make_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    """Guide 3.3 ①, the red key serves Windows only: on Windows the walk goes
    on to another USB port (②), elsewhere first to another computer."""
    panel = _panel(make_window(), qtbot)
    windows = sys.platform == "win32"
    qtbot.waitUntil(lambda: ("正常" if windows else "注意") in panel.check_result.text, timeout=TIMEOUT)
    qtbot.mouseClick(panel.onward, Qt.MouseButton.LeftButton)
    assert panel.node.id == ("port" if windows else "change-os")
    qtbot.waitUntil(panel.onward.isVisible, timeout=TIMEOUT)  # the key's check, if any, has answered


def test_help_walks_the_tree_in_the_guides_order(make_window, qtbot, monkeypatch, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Guide 3.3 ①–⑥ one by one; where seeing the key cannot be checked, ②, ③ and ④ ask the user."""
    # the checks are told of a computer that is not Windows (nor a domestic system), whatever runs the test
    computer = functools.partial(checks.CheckContext, windows=None, os_release=tmp_path / "os-release")
    monkeypatch.setattr(doctor, "CheckContext", computer)  # where the panel's context is made
    monkeypatch.setitem(checks.CHECKS, "key.detected", (lambda context: ("skip", checks.Said("无法检查")), "3.3"))
    window = make_window()
    panel = _panel(window, qtbot)
    assert panel.entry.id == "3.3"  # the detect page's entry
    assert "朱岩" in panel.contacts.text()  # guide 3.12, from resources/contacts.toml
    # ① is an automatic check: the computer is not Windows
    qtbot.waitUntil(lambda: "注意" in panel.check_result.text, timeout=TIMEOUT)
    qtbot.mouseClick(panel.onward, Qt.MouseButton.LeftButton)
    assert panel.node.id == "change-os"
    qtbot.mouseClick(panel.onward, Qt.MouseButton.LeftButton)
    asked = []
    for _ in range(3):  # ② ③ ④: the check cannot run, so the question is the user's
        qtbot.waitUntil(lambda: "无法检查" in panel.check_result.text, timeout=TIMEOUT)
        qtbot.mouseClick(panel.onward, Qt.MouseButton.LeftButton)
        assert panel.node.kind == "question" and panel.yes.isVisible()
        asked.append(panel.entry.mark(panel.node.id))
        qtbot.mouseClick(panel.no, Qt.MouseButton.LeftButton)
    assert asked == ["②", "③", "④"]
    assert panel.node.id == "other-pc"  # ⑤
    qtbot.mouseClick(panel.no, Qt.MouseButton.LeftButton)
    assert panel.node.id == "damaged"  # ⑥
    qtbot.mouseClick(panel.onward, Qt.MouseButton.LeftButton)
    assert panel.node.kind == "link" and panel.open_link.isVisible()
    assert "接下来请看指南 3.7" in panel.text.text()  # never a page with only a button on it
    qtbot.mouseClick(panel.open_link, Qt.MouseButton.LeftButton)
    assert panel.entry.id == "3.7" and panel.yes.isVisible()
    qtbot.mouseClick(panel.yes, Qt.MouseButton.LeftButton)
    assert panel.node.id == "damaged" and "巩婧" in panel.text.text()
    assert panel.walked() == "FAQ 3.3 ① → ② → ③ → ④ → ⑤ → ⑥ → FAQ 3.7 A → B"
    qtbot.mouseClick(panel.back, Qt.MouseButton.LeftButton)
    assert panel.node.id == "kind"
    assert window.context.faq_path.startswith("FAQ 3.3 ①")


def test_search_box(make_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    panel = _panel(window, qtbot)
    panel.search.setText("密码忘了怎么办")
    assert panel.results.isVisible() and "3.6" in panel.results.item(0).text()
    panel.results.itemClicked.emit(panel.results.item(0))
    assert panel.entry.id == "3.6" and not panel.results.isVisible()
    panel.search.setText("今天天气怎么样")
    assert not panel.results.isVisible() and "没有找到相符的问题" in panel.notice.text  # no forced guess


def test_search_box_reads_a_pasted_error_code(make_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    panel = _panel(make_window(), qtbot)
    panel.search.setText("提示 0x0b00002e 指定设备不存在！")
    assert panel.results.isVisible() and "3.3" in panel.results.item(0).text()
    assert "0x0B00002E 指定设备不存在" in panel.notice.text and "指南 3.3" in panel.notice.text
    panel.search.setText("密码忘了怎么办")  # words again: the code's explanation goes
    assert "0x0B00002E" not in panel.notice.text
    panel.search.setText("我的ukey")  # only the key: what happened, to choose from
    assert panel.results.count() == 6 and "出了什么情况" in panel.notice.text


def test_practice_mode_checks_the_built_in_site(make_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    """In practice mode the site checks look at the site it renews on, not at ca.12309.gov.cn."""
    window = make_window()
    result = window.context.session.run_check("net.renewal_site")
    assert result.status == "ok" and "127.0.0.1" in result.detail, result.detail


def test_help_after_an_error_opens_its_entry(make_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    qtbot.waitUntil(window.wizard.detect_page.isComplete, timeout=TIMEOUT)
    window.context.last_error = PinIncorrect(3)
    window.troubleshoot("3.3")
    qtbot.waitUntil(lambda: window._panel.entry is not None, timeout=TIMEOUT)
    assert window._panel.entry.id == "3.6"


def test_support_summary_carries_the_path(make_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtGui import QGuiApplication

    window = make_window()
    _panel(window, qtbot)
    QGuiApplication.clipboard().clear()
    window.wizard.copy_support()
    qtbot.waitUntil(lambda: "问题排查：FAQ 3.3" in QGuiApplication.clipboard().text(), timeout=TIMEOUT)


def test_letter_dialog(make_window, qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    qtbot.waitUntil(window.wizard.detect_page.isComplete, timeout=TIMEOUT)
    dialog = LetterDialog(window.context, window.context.choice, window)
    qtbot.addWidget(dialog)
    assert dialog.org_code.text() == "111111"  # from the certificate on the key
    qtbot.keyClicks(dialog.case_number, "[2023]371724000123")
    assert dialog.org_code.text() == "371724"  # guide 3.7 note 2 ③
    dialog.receiver_name.setText("王五")
    dialog.receiver_address.setText("某某路 1 号")
    dialog.description.setPlainText("证书助手显示无证书，已损坏。")
    qtbot.keyClicks(dialog.receiver_phone, "13912345678")
    with pytest.raises(LetterInvalid, match="情况"):  # nothing chosen for the user: a key is not "damaged" by default
        dialog.form().check()
    dialog.situation.setCurrentIndex(dialog.situation.findData("damaged"))
    for suffix in (".docx", ".pdf"):
        target = tmp_path / f"letter{suffix}"
        dialog.save_to(target, dialog.form())
        qtbot.waitUntil(lambda target=target: "已保存" in dialog.notice.text and target.exists(), timeout=TIMEOUT)
    text = "\n".join(p.text for p in Document(str(tmp_path / "letter.docx")).paragraphs)
    assert "371724" in text and "电信测试1" in text
    assert (tmp_path / "letter.pdf").read_bytes().startswith(b"%PDF")


def test_alt_letters_of_hidden_buttons_type_nothing(make_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    """Alt+Y is the hidden 是(&Y) button's: with the search box focused it must not type "y"."""
    window = make_window()
    panel = _panel(window, qtbot)
    assert not panel.yes.isVisible()
    window.activateWindow()  # where the user types
    qtbot.waitUntil(window.isActiveWindow, timeout=TIMEOUT)
    panel.search.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is panel.search, timeout=TIMEOUT)
    qtbot.keyClick(panel.search, Qt.Key.Key_Y, Qt.KeyboardModifier.AltModifier)
    assert panel.search.text() == ""


def test_f1_opens_the_panel_from_the_help_menu(make_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    qtbot.waitUntil(window.wizard.detect_page.isComplete, timeout=TIMEOUT)
    (help_menu,) = [action.menu() for action in window.menuBar().actions() if action.text() == "帮助(&H)"]
    (panel_action,) = [action for action in help_menu.actions() if action.shortcut().toString() == "F1"]
    panel_action.trigger()
    qtbot.waitUntil(lambda: window._panel is not None and window._panel.entry is not None, timeout=TIMEOUT)
    assert window._panel.entry.id == "3.3"
