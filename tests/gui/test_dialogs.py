"""The tools menu, the unlock of guide 3.6, guided mode, and a real (SoftHSM) key."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog, QPushButton, QWizard

from tests.rig.keys import lock
from tests.rig.prompts import renew_practice
from tests.rig.softhsm import SoftHSM, module_path, unit_certificate
from ukey_renew.casim.provision import reset_practice_key
from ukey_renew.gui.context import Context
from ukey_renew.gui.dialogs import CertificateDialog, ChangePasswordDialog
from ukey_renew.gui.guided import GuidedDialog
from ukey_renew.gui.unlock_dialog import UnlockDialog
from ukey_renew.gui.window import MainWindow
from ukey_renew.journey import GUIDED, VERIFY
from ukey_renew.session import Session
from ukey_renew.token import practice

TIMEOUT = 20_000


def _chosen(qtbot, window: MainWindow):  # type: ignore[no-untyped-def]
    qtbot.waitUntil(window.wizard.detect_page.isComplete, timeout=TIMEOUT)
    assert window.context.choice is not None
    return window.context.choice


def test_certificate_details(make_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    dialog = CertificateDialog(_chosen(qtbot, window), window)
    qtbot.addWidget(dialog)
    texts = [label.text() for label in dialog.findChildren(type(window.banner))]
    assert any("111111" in text and "subject.OU" in text for text in texts)


def test_change_password(make_window, qtbot, home: Path) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    dialog = ChangePasswordDialog(window.context, _chosen(qtbot, window), window)
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    qtbot.keyClicks(dialog.old, "111111")
    qtbot.keyClicks(dialog.new, "1234567")
    qtbot.keyClicks(dialog.again, "1234567")
    assert not ok.isEnabled()  # digits only: refused (guide 3.9 case 3b)
    for field in (dialog.new, dialog.again):
        field.clear()
        qtbot.keyClicks(field, "pass12345")
    assert dialog.new.text() == "pass12345" and not ok.isEnabled()  # never cut silently to 8 (guide 3.9 case 3a)
    assert "最多 8 位" in dialog.rule.text()
    for field in (dialog.new, dialog.again):
        field.clear()
        qtbot.keyClicks(field, "pass1234")
    assert ok.isEnabled()
    with qtbot.waitSignal(dialog.accepted, timeout=TIMEOUT):
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    practice.PracticeToken(practice.default_path(home)).login("pass1234")


def test_a_changed_password_is_confirmed(make_window, qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    _chosen(qtbot, window)
    monkeypatch.setattr(ChangePasswordDialog, "exec", lambda self: 1)  # the user changed it
    window.change_password()
    assert "密码已修改" in window.wizard.current().notice.text


def test_change_password_wrong_old(make_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    dialog = ChangePasswordDialog(window.context, _chosen(qtbot, window), window)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.old, "999999")
    qtbot.keyClicks(dialog.new, "pass1234")
    qtbot.keyClicks(dialog.again, "pass1234")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: "pin.incorrect" in dialog.notice.text, timeout=TIMEOUT)


def test_export_certificate(make_window, qtbot, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    choice = _chosen(qtbot, window)
    target = tmp_path / "unit.cer"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(target), ""))  # the user's choice
    window.export_certificate()
    qtbot.waitUntil(target.exists, timeout=TIMEOUT)
    assert target.read_bytes() == choice.certificate.der


def test_unlock_dialog(qtbot, home: Path) -> None:  # type: ignore[no-untyped-def]
    reset_practice_key(home, datetime.now(UTC))
    renew_practice(home)  # a renewal records the holder
    session = Session(home, practice_only=True, fixed_captcha="2309")
    try:
        window = MainWindow(Context(session=session))
        qtbot.addWidget(window)
        window.show()
        choice = _chosen(qtbot, window)
        key = practice.PracticeToken(practice.default_path(home))
        lock(key)
        dialog = UnlockDialog(window.context, choice, window)
        qtbot.addWidget(dialog)
        dialog.show()  # as exec() does: a dialog picks its default button when shown
        qtbot.waitUntil(lambda: dialog.name.text() == "张三", timeout=TIMEOUT)  # pre-filled from the record
        assert dialog.mobile.text() == "13800138000"
        assert "练习 Ukey" in dialog.contacts.text() and "17744432537" not in dialog.contacts.text()  # no operator
        _click(dialog, "复制证书信息")  # guide 3.6 ③: what the operator needs when the holder is not known
        copied = QGuiApplication.clipboard().text()
        assert "组织机构代码：111111" in copied and choice.info.serial in copied
        dialog.mobile.setText("1380013800")  # one digit short: refused, the picture used up (one image, one try)
        qtbot.keyClicks(dialog.request_captcha.field, "2309")
        qtbot.keyClick(dialog.request_captcha.field, Qt.Key.Key_Return)  # Enter sends, not "换一张"
        qtbot.waitUntil(lambda: "手机号" in dialog.notice.text and dialog.request_captcha.text() == "", timeout=TIMEOUT)
        assert "手机号" in dialog.notice.text  # the refusal stays in view while a new picture comes
        image = dialog.request_captcha.image
        qtbot.waitUntil(lambda: not image.pixmap().isNull(), timeout=TIMEOUT)
        qtbot.waitUntil(lambda: image.height() >= image.pixmap().height(), timeout=TIMEOUT)  # grown, not squashed
        dialog.mobile.setText("13800138000")
        qtbot.keyClicks(dialog.request_captcha.field, "2309")
        qtbot.keyClick(dialog.request_captcha.field, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: dialog.stack.currentIndex() == dialog.WAITING, timeout=TIMEOUT)
        assert dialog.pending is not None and dialog.pending.request_id in dialog.waiting.text()
        _click(dialog, "查看审批结果")
        qtbot.waitUntil(lambda: "还没有审批" in dialog.notice.text, timeout=TIMEOUT)
        code = session.practice_site().site.state.approve_unlock(dialog.pending.request_id)  # the operator
        _click(dialog, "查看审批结果")
        qtbot.waitUntil(lambda: dialog.stack.currentIndex() == dialog.COMPLETE, timeout=TIMEOUT)
        assert "不要联系真正的运维人员" in dialog.waiting_contacts.text()
        qtbot.keyClicks(dialog.code, code)
        qtbot.keyClicks(dialog.new, "new123456")
        assert "最多 8 位" in dialog.rule.text() and not dialog.submit.isEnabled()  # said before it is tried
        dialog.new.clear()
        qtbot.keyClicks(dialog.new, "new12345")
        qtbot.keyClicks(dialog.again, "new12345")
        assert dialog.submit.isEnabled()
        qtbot.keyClicks(dialog.complete_captcha.field, "2309")
        qtbot.keyClick(dialog.complete_captcha.field, Qt.Key.Key_Return)  # Enter unlocks
        qtbot.waitUntil(lambda: dialog.stack.currentIndex() == dialog.DONE, timeout=TIMEOUT)
        key.login("new12345")
        assert not key.pin_status().locked
    finally:
        session.close()


def _click(dialog, text: str) -> None:  # type: ignore[no-untyped-def]
    (button,) = [b for b in dialog.findChildren(QPushButton) if b.text().startswith(text) and b.isVisibleTo(dialog)]
    button.click()


def test_guided_mode_records_the_holder(make_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    choice = _chosen(qtbot, window)
    dialog = GuidedDialog(window.context, choice, window)
    qtbot.addWidget(dialog)
    assert QGuiApplication.clipboard().text() == "https://ca.12309.gov.cn:8080/xtxuserweb"  # guide 3.4, never typed
    assert len(dialog.checks) == 9
    dialog.name.setText("李四")
    qtbot.keyClicks(dialog.mobile, "13900139000")
    _click(dialog, "在本机记录持有人信息")
    qtbot.waitUntil(lambda: "已记录" in dialog.notice.text, timeout=TIMEOUT)
    assert window.context.session.records.last_holder(choice.serial) == ("李四", "13900139000")


def test_real_key_journey_goes_from_the_browser_to_verify(softhsm: SoftHSM, home: Path, tmp_path: Path, qtbot) -> None:  # type: ignore[no-untyped-def]
    """A SoftHSM token with a certificate stands for a real key on the
    production site: sent to guided mode (never the practice-only form),
    and when the browser's renewal lands on the key, in a new container as
    BJCA writes it, the wizard notices by itself and verifies it."""
    label = "gui-real-key"
    softhsm.init_token(label, "123456")
    key, der = unit_certificate(tmp_path, 30)
    softhsm.import_certificate(label, "123456", der, "UnitCert")
    assert module_path()
    session = Session(home, practice_only=False)
    try:
        window = MainWindow(Context(session=session))
        qtbot.addWidget(window)
        window.show()
        choice = _chosen(qtbot, window)
        assert not choice.practice and choice.info.org_code == "371724"  # the real key is chosen first
        assert not window.banner.isVisible()
        wizard = window.wizard
        wizard.next()
        check = wizard.check_page
        qtbot.waitUntil(check.isComplete, timeout=TIMEOUT)
        assert "浏览器" in check.verdict.text
        assert datetime.now(UTC) < choice.info.not_after
        next_button = wizard.button(QWizard.WizardButton.NextButton)
        assert next_button.isVisible() and next_button.isEnabled()
        qtbot.mouseClick(next_button, Qt.MouseButton.LeftButton)  # 下一步
        assert wizard.at() == GUIDED  # never the practice-only form
        assert not wizard.guided_page.isComplete()

        _, renewed = unit_certificate(tmp_path / "renewed", 400, key)
        softhsm.import_certificate(label, "123456", renewed, "UnitCert_R1")  # what the browser's renewal leaves
        qtbot.waitUntil(lambda: wizard.at() == VERIFY, timeout=TIMEOUT)  # nobody clicked
        verify = wizard.verify_page
        qtbot.waitUntil(lambda: window.context.journey.verified, timeout=TIMEOUT)
        assert window.context.renewed is not None and window.context.renewed.certificate.container == "UnitCert_R1"
        assert "有效期已延长" in verify.notice.text
        record = session.last_renewal(choice)
        assert record is not None and record.activation_at and record.new_not_after > record.old_not_after
        qtbot.waitUntil(lambda: "生效" in verify.countdown.text(), timeout=TIMEOUT)  # counted from the sighting
    finally:
        session.close()


def test_support_bundle_from_the_help_menu(make_window, qtbot, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import zipfile

    window = make_window()
    _chosen(qtbot, window)
    target = tmp_path / "support.zip"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(target), ""))
    (help_menu,) = [action.menu() for action in window.menuBar().actions() if action.text() == "帮助(&H)"]
    (bundle,) = [action for action in help_menu.actions() if "支持信息包" in action.text()]
    bundle.trigger()
    qtbot.waitUntil(lambda: "支持信息包已保存" in window.wizard.current().notice.text, timeout=60_000)
    names = zipfile.ZipFile(target).namelist()
    assert {"support.txt", "doctor.json", "README.txt"} <= set(names)
