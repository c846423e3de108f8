"""The wizard walked as a user walks it, offscreen, waiting on signals and state."""

from __future__ import annotations

import re
import threading
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage
from PySide6.QtWidgets import QFileDialog, QLabel, QMessageBox, QPushButton, QWizard

from tests.rig.keys import lock, logins
from tests.rig.prompts import ScriptedPrompts, renew_practice
from ukey_renew.casim.provision import ADMIN_PIN, reset_practice_key
from ukey_renew.errors import PinIncorrect, RenewalCancelled
from ukey_renew.gui.context import Context
from ukey_renew.gui.i18n import day
from ukey_renew.gui.letter_dialog import LetterDialog
from ukey_renew.gui.unlock_dialog import UnlockDialog
from ukey_renew.gui.window import MainWindow
from ukey_renew.gui.worker import Job
from ukey_renew.journey import CHECK, DETECT, FORM, GUIDED, PAGES, RENEW, REPLACEMENT, RESUME, UNLOCK, VERIFY
from ukey_renew.renewal.build import journal_for
from ukey_renew.renewal.records import RenewalRecord
from ukey_renew.session import Session
from ukey_renew.token import practice

TIMEOUT = 20_000


def _to_form(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    wizard = window.wizard
    qtbot.waitUntil(wizard.detect_page.isComplete, timeout=TIMEOUT)
    assert "电信测试1" in wizard.detect_page.keys.currentItem().text()
    wizard.next()
    assert wizard.at() == CHECK
    qtbot.waitUntil(wizard.check_page.isComplete, timeout=TIMEOUT)
    wizard.next()
    assert wizard.at() == FORM


def _to_check(qtbot, wizard) -> None:  # type: ignore[no-untyped-def]
    """The first page has found the key; the check page has read it."""
    qtbot.waitUntil(wizard.detect_page.isComplete, timeout=TIMEOUT)
    wizard.next()
    qtbot.waitUntil(wizard.check_page.isComplete, timeout=TIMEOUT)


def _fill_form(qtbot, window: MainWindow, pin: str = "111111") -> None:  # type: ignore[no-untyped-def]
    form = window.wizard.form_page
    qtbot.waitUntil(lambda: not form.busy, timeout=TIMEOUT)
    qtbot.keyClicks(form.pin, pin)
    form.name.setText("张三")  # QTest types ASCII only; an input method would give this
    qtbot.keyClicks(form.mobile, "1380013800")
    assert not form.isComplete() and "11 位" in form.rule.text()  # one digit short
    qtbot.keyClicks(form.mobile, "0")
    assert form.isComplete()


def _answer_captcha(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    renew = window.wizard.renew_page
    qtbot.waitUntil(lambda: renew.questions.currentIndex() == 1, timeout=TIMEOUT)
    assert not renew.captcha.image.pixmap().isNull()  # a real image a person can read
    qtbot.keyClicks(renew.captcha.field, "2309")
    qtbot.keyClick(renew.captcha.field, Qt.Key.Key_Return)


def _new_password_and_download(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    """Guide 2.2 ⑥–⑨ at the new-password question: the password twice, each ended with Enter as a
    clerk types it (the second Enter submits), the download's captcha, done."""
    renew = window.wizard.renew_page
    for field in (renew.password, renew.password_again):
        qtbot.keyClicks(field, "abc12345")
        qtbot.keyClick(field, Qt.Key.Key_Return)
    _answer_captcha(qtbot, window)
    qtbot.waitUntil(renew.isComplete, timeout=TIMEOUT)


def _spy_on_the_key(monkeypatch) -> list[str]:  # type: ignore[no-untyped-def]
    """Record on which thread every call into the practice key is made."""
    threads: list[str] = []
    for name in ("info", "certificates", "pin_status", "login", "sign", "change_pin", "generate_key_pair",
                 "create_csr", "install_certificate"):  # fmt: skip
        original = getattr(practice.PracticeToken, name)

        def spy(self, *args, _original=original, **kwargs):  # type: ignore[no-untyped-def]
            threads.append(threading.current_thread().name)
            return _original(self, *args, **kwargs)

        monkeypatch.setattr(practice.PracticeToken, name, spy)
    return threads


def test_practice_renewal_walk(make_window, qtbot, monkeypatch, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    key_threads = _spy_on_the_key(monkeypatch)
    wizard = window.wizard
    assert window.banner.isVisible() and "练习模式" in window.banner.text()
    _to_form(qtbot, window)
    check_text = wizard.check_page.details.text()
    assert "111111" in check_text and "剩余天数" in check_text
    _fill_form(qtbot, window)
    wizard.next()  # the commit button: the renewal starts
    assert wizard.at() == RENEW
    renew = wizard.renew_page
    assert wizard.form_page.pin.text() == ""  # the PIN left the form with the engine

    qtbot.waitUntil(lambda: renew.questions.currentIndex() == 1, timeout=TIMEOUT)
    first = renew.captcha.image.pixmap().toImage()
    qtbot.mouseClick(renew.captcha.another, Qt.MouseButton.LeftButton)  # 换一张 (guide 3.10 tip 3)
    qtbot.waitUntil(lambda: renew.questions.currentIndex() == 1 and renew.captcha.image.pixmap().toImage() != first,
                    timeout=TIMEOUT)  # fmt: skip
    qtbot.keyClicks(renew.captcha.field, "0000")  # misread
    qtbot.keyClick(renew.captcha.field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "验证码不正确" in renew.notice.text, timeout=TIMEOUT)
    _answer_captcha(qtbot, window)
    qtbot.waitUntil(lambda: renew.questions.currentIndex() == 2, timeout=TIMEOUT)
    order = renew.order.text()
    assert "订单号" in order and "至" in order and "13800138000" in order  # what figure 5 asks to check
    assert all(not renew.steps.item(i).text()[0].isdigit() for i in range(renew.steps.count()))  # the guide's ①–⑨
    qtbot.keyClicks(renew.password, "abc123456")  # nine: kept whole and refused, never cut to eight
    assert renew.password.text() == "abc123456"
    assert not renew.set_password.isEnabled() and "最多 8 位" in renew.password_rule.text()
    renew.password.clear()
    qtbot.keyClicks(renew.password, "12345678")  # no letter
    assert not renew.set_password.isEnabled() and "6–8" in renew.password_rule.text()
    renew.password.clear()
    qtbot.keyClicks(renew.password, "abc12345")
    qtbot.keyClicks(renew.password_again, "abc12346")
    assert "不一致" in renew.password_rule.text()
    renew.password_again.clear()
    qtbot.keyClicks(renew.password_again, "abc12345")
    assert renew.set_password.isEnabled()
    qtbot.mouseClick(renew.set_password, Qt.MouseButton.LeftButton)
    _answer_captcha(qtbot, window)  # the download's captcha (guide 2.2 ⑥)
    qtbot.waitUntil(renew.isComplete, timeout=TIMEOUT)
    result = window.context.result
    assert result is not None and result.order_no
    assert "延期成功" in renew.banner.text
    assert all("完成" in renew.steps.item(i).text() for i in range(renew.steps.count()))

    wizard.next()
    assert wizard.at() == VERIFY
    verify = wizard.verify_page
    qtbot.mouseClick(verify.replug, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(verify.isComplete, timeout=TIMEOUT)
    assert "有效期已延长" in verify.notice.text
    assert "后生效" in verify.countdown.text() and "1 分钟" in verify.countdown.text()
    assert not verify.login.isEnabled()  # not before the certificate is in effect (guide 2.3 ③, 3.9 case 2)
    later = datetime.now(UTC) + timedelta(minutes=2)
    window.context.session.clock = lambda: later
    qtbot.waitUntil(verify.login.isEnabled, timeout=TIMEOUT)
    assert "已生效" in verify.countdown.text()
    qtbot.keyClicks(verify.login_pin, "abc12345")
    qtbot.mouseClick(verify.login, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "登录成功" in verify.notice.text, timeout=TIMEOUT)
    assert wizard.button(QWizard.WizardButton.FinishButton).isVisible()
    receipt = tmp_path / "回执.png"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(receipt), ""))
    assert verify.receipt.isVisible()
    verify.receipt.click()  # what clerks send to IT staff in a renewal campaign
    qtbot.waitUntil(lambda: "回执已保存" in verify.notice.text, timeout=TIMEOUT)
    assert receipt.read_bytes().startswith(b"\x89PNG") and QImage(str(receipt)).width() > 400
    # The GUI thread never waited on the key: every call came from a worker.
    assert key_threads and threading.main_thread().name not in key_threads


def test_wrong_pin_is_shown_and_tried_once(make_window, qtbot, home: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    tried = logins(monkeypatch)
    _to_form(qtbot, window)
    _fill_form(qtbot, window, pin="000000")
    window.wizard.next()
    renew = window.wizard.renew_page
    qtbot.waitUntil(lambda: "pin.incorrect" in renew.notice.text, timeout=TIMEOUT)
    assert tried == ["000000"] and window.context.take_pin() is None  # handed over once, to one login
    assert "还可以尝试 9 次" in renew.notice.text
    assert practice.PracticeToken(practice.default_path(home)).pin_status().retries_left == 9
    assert not renew.isComplete()
    assert "已停止" in renew.steps.item(1).text()  # the login step stopped, not "进行中" for ever
    qtbot.waitUntil(renew.again.isVisible, timeout=TIMEOUT)  # the way back to the form, past the commit page
    qtbot.mouseClick(renew.again, Qt.MouseButton.LeftButton)
    assert window.wizard.at() == FORM  # the password again, the holder kept
    form = window.wizard.form_page
    assert form.pin.text() == "" and form.mobile.text() == "13800138000" and not form.isComplete()
    qtbot.keyClicks(form.pin, "111111")  # typed again, committed again: the new one, once
    window.wizard.next()
    qtbot.waitUntil(lambda: renew.questions.currentIndex() == 1, timeout=TIMEOUT)  # logged in, at the captcha
    assert tried == ["000000", "111111"]
    renew.cancel()  # not left waiting at the captcha: closing the window would ask "退出吗？"
    qtbot.waitUntil(lambda: not renew.busy, timeout=TIMEOUT)


def test_expired_key_goes_to_replacement(make_window, qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Expired over 30 days is no dead end: on to the replacement letter (guide 1.3 note 2, 3.7)."""
    window = make_window(days=-40)
    wizard = window.wizard
    letters: list[LetterDialog] = []
    monkeypatch.setattr(LetterDialog, "exec", lambda dialog: letters.append(dialog) or 0)
    _to_check(qtbot, wizard)
    assert "3.7" in wizard.check_page.verdict.text and "申请函" in wizard.check_page.verdict.text
    details, verdict = wizard.check_page.details.text(), wizard.check_page.verdict.text
    shown = re.findall(r"已过期 (\d+) 天", details + verdict)
    assert len(shown) == 2 and len(set(shown)) == 1 and "-4" not in details  # one count, said one way
    assert "延期后用来比对" not in details  # nothing will be renewed to compare with
    assert wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    wizard.next()
    assert wizard.at() == REPLACEMENT
    sent_to = wizard.replacement_page.send
    qtbot.waitUntil(lambda: "18101237927" in sent_to.text(), timeout=TIMEOUT)  # guide 3.7's recipient
    assert "巩婧" in sent_to.text() and "香山南路 109 号" in sent_to.text()
    (letter,) = [b for b in wizard.replacement_page.findChildren(QPushButton) if "申请函" in b.text()]
    letter.click()
    assert len(letters) == 1 and letters[0].org_code.text() == "111111"  # the letter opened, filled from the key
    assert letters[0].form().situation == "expired"  # not "damaged": the key is only out of date
    assert wizard.button(QWizard.WizardButton.FinishButton).isVisible()


def test_locked_key_offers_unlock(make_window, qtbot, home: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Locked → the unlock page; once the dialog has unlocked the key, on to the renewal."""
    window = make_window()
    key = practice.PracticeToken(practice.default_path(home))
    lock(key)
    wizard = window.wizard
    _to_check(qtbot, wizard)
    assert "已锁定" in wizard.check_page.verdict.text
    wizard.next()
    assert wizard.at() == UNLOCK
    assert wizard.button(QWizard.WizardButton.FinishButton).isVisible()  # still locked: the journey ends here
    back = wizard.button(QWizard.WizardButton.BackButton)
    assert back.isVisible() and back.isEnabled()  # not a dead end: back to the check
    monkeypatch.setattr(UnlockDialog, "exec", lambda _dialog: key.unlock(ADMIN_PIN, "abc12345") or 0)  # its work, done
    (unlock,) = [b for b in wizard.unlock_page.findChildren(QPushButton) if "申请解锁" in b.text()]
    unlock.click()
    qtbot.waitUntil(lambda: "已解锁" in wizard.unlock_page.state.text(), timeout=TIMEOUT)
    assert wizard.button(QWizard.WizardButton.NextButton).isVisible()
    wizard.next()
    assert wizard.at() == FORM


def test_a_locked_practice_key_is_reset_not_left_locked(make_window, qtbot, home: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """No renewal recorded its holder and no operator approves a practice key: the unlock dialog
    offers "重置练习 Ukey", which (confirmed) gives a fresh key and starts again."""
    window = make_window()
    lock(practice.PracticeToken(practice.default_path(home)))
    wizard = window.wizard
    _to_check(qtbot, wizard)
    wizard.next()
    assert wizard.at() == UNLOCK
    opened: list[UnlockDialog] = []

    def choose_reset(dialog: UnlockDialog) -> int:
        opened.append(dialog)
        qtbot.waitUntil(lambda: "不要联系真正的运维人员" in dialog.contacts.text(), timeout=TIMEOUT)
        assert "17744432537" not in dialog.contacts.text()  # trainees are not sent to the real operators
        (reset,) = [b for b in dialog.findChildren(QPushButton) if "重置练习 Ukey" in b.text()]
        reset.click()
        return dialog.result()

    asked: list[object] = []
    monkeypatch.setattr(UnlockDialog, "exec", choose_reset)
    monkeypatch.setattr(QMessageBox, "question", lambda *args: asked.append(args[-1]) or QMessageBox.StandardButton.Yes)
    window.unlock()
    assert len(opened) == 1 and asked == [QMessageBox.StandardButton.No]  # asked, 否 the default
    qtbot.waitUntil(lambda: "已重置" in wizard.detect_page.notice.text, timeout=TIMEOUT)
    assert wizard.at() == "detect"
    _to_check(qtbot, wizard)
    assert "已锁定" not in wizard.check_page.verdict.text
    assert practice.PracticeToken(practice.default_path(home)).pin_status().retries_left == 10


def test_renewed_today_is_said_and_again_is_a_choice(make_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    wizard = window.wizard
    qtbot.waitUntil(wizard.detect_page.isComplete, timeout=TIMEOUT)
    choice = window.context.choice
    now = datetime.now(UTC).isoformat()
    window.context.session.records.add(
        RenewalRecord(
            now, "practice", choice.serial, None, None, "张三", "13800138000", "R-TODAY", now, now, now, now, None
        )
    )
    wizard.next()
    qtbot.waitUntil(wizard.check_page.isComplete, timeout=TIMEOUT)
    assert "今天已经延期" in wizard.check_page.verdict.text and "R-TODAY" in wizard.check_page.verdict.text
    assert "延期后用来比对" not in wizard.check_page.details.text()  # already renewed: nothing to note down
    assert wizard.button(QWizard.WizardButton.NextButton).isVisible()  # on to verify, unless...
    wizard.check_page.again.click()
    assert wizard.button(QWizard.WizardButton.NextButton).isVisible()
    wizard.next()
    assert wizard.at() == FORM


def test_reopened_after_a_renewal_goes_on_to_verify(qtbot, home: Path, monkeypatch, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Renewed, then the program opened again the same day: the check page
    says so and leads to verify, where before/after, the countdown and the
    receipt are (guide 2.3); before, the journey ended on the check page."""
    reset_practice_key(home, datetime.now(UTC), expires_in_days=20)
    result = renew_practice(home, holder=("李四", "13900139000"))
    session = Session(home, practice_only=True, fixed_captcha="2309")
    try:
        window = MainWindow(Context(session=session))
        qtbot.addWidget(window)
        window.show()
        wizard = window.wizard
        _to_check(qtbot, wizard)
        assert "今天已经延期" in wizard.check_page.verdict.text and "下一步" in wizard.check_page.verdict.text
        assert wizard.button(QWizard.WizardButton.NextButton).isEnabled()
        wizard.next()
        assert wizard.at() == VERIFY
        verify = wizard.verify_page
        qtbot.waitUntil(verify.isComplete, timeout=TIMEOUT)
        assert result.order_no in verify.instructions.text()
        labels = [w.text() for w in verify.table.findChildren(QLabel)]
        assert "<b>延期后</b>" in labels
        assert day(result.old_not_after) in labels and day(result.new_not_after) in labels  # before, after
        assert "后生效" in verify.countdown.text() and not verify.login.isEnabled()  # the countdown kept
        receipt = tmp_path / "回执.png"
        monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(receipt), ""))
        assert verify.receipt.isVisible()
        verify.receipt.click()
        qtbot.waitUntil(lambda: "回执已保存" in verify.notice.text, timeout=TIMEOUT)
        assert receipt.read_bytes().startswith(b"\x89PNG")
    finally:
        session.close()


def _leave_tries(home: Path, left: int) -> practice.PracticeToken:
    """The practice key with ``left`` PIN tries, the others spent on wrong PINs."""
    key = practice.PracticeToken(practice.default_path(home))
    for _ in range(practice.MAX_PIN_RETRIES - left):
        with pytest.raises(PinIncorrect):
            key.login("000000")
    return key


def _wrong_pin_and_back(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    _fill_form(qtbot, window, pin="000000")
    window.wizard.next()
    renew = window.wizard.renew_page
    qtbot.waitUntil(renew.again.isVisible, timeout=TIMEOUT)
    renew.again.click()
    assert window.wizard.at() == FORM


def test_after_a_wrong_pin_the_form_reads_the_tries_again(make_window, qtbot, home: Path) -> None:  # type: ignore[no-untyped-def]
    """Three tries left, one wrong: back on the form the strong warning shows
    (it said "还可尝试 3 次" before, and the next try would have been blind)."""
    window = make_window()
    _leave_tries(home, 3)
    _to_form(qtbot, window)
    form = window.wizard.form_page
    qtbot.waitUntil(lambda: "3 次" in form.pin_hint.text(), timeout=TIMEOUT)
    _wrong_pin_and_back(qtbot, window)
    qtbot.waitUntil(lambda: "只剩 2 次" in form.pin_hint.text(), timeout=TIMEOUT)


def test_no_try_left_the_form_offers_unlock_not_the_renewal(make_window, qtbot, home: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """The last try used: the form, read again, says locked, greys the
    renewal and offers unlock (guide 3.6); unlocked, the renewal goes on."""
    window = make_window()
    key = _leave_tries(home, 1)
    _to_form(qtbot, window)
    _wrong_pin_and_back(qtbot, window)
    form, wizard = window.wizard.form_page, window.wizard
    qtbot.waitUntil(form.unlock.isVisible, timeout=TIMEOUT)
    assert "已锁定" in form.pin_hint.text() and not form.pin.isEnabled()
    qtbot.keyClicks(form.pin, "111111")
    assert not form.isComplete() and not wizard.button(QWizard.WizardButton.CommitButton).isEnabled()
    monkeypatch.setattr(UnlockDialog, "exec", lambda _dialog: key.unlock(ADMIN_PIN, "abc12345") or 0)  # its work, done
    form.unlock.click()
    qtbot.waitUntil(lambda: not form.unlock.isVisible(), timeout=TIMEOUT)
    assert form.pin.isEnabled() and "已锁定" not in form.pin_hint.text()
    qtbot.keyClicks(form.pin, "abc12345")
    assert form.isComplete()


def _at_resume(qtbot, home: Path):  # type: ignore[no-untyped-def]
    """A renewal stopped after its order was made, and the wizard opened on it at the resume page."""
    reset_practice_key(home, datetime.now(UTC), expires_in_days=20)
    prompts = ScriptedPrompts()
    prompts.new_password = _stop  # type: ignore[method-assign]  # the user closed the program at this question
    with pytest.raises(RenewalCancelled):
        renew_practice(home, prompts, holder=("李四", "13900139000"))
    return _at_resume_again(qtbot, home)


def _at_resume_again(qtbot, home: Path):  # type: ignore[no-untyped-def]
    """The wizard opened anew on the stopped renewal, at the resume page."""
    session = Session(home, practice_only=True, fixed_captcha="2309")
    window = MainWindow(Context(session=session))
    qtbot.addWidget(window)
    window.show()
    wizard = window.wizard
    _to_check(qtbot, wizard)
    assert "上次延期未完成" in wizard.check_page.notice.text
    wizard.next()
    assert wizard.at() == RESUME
    resume = wizard.resume_page
    qtbot.waitUntil(lambda: "李四" in resume.order.text(), timeout=TIMEOUT)
    return session, window


def test_wrong_details_of_an_interrupted_renewal_are_filled_in_anew(qtbot, home: Path) -> None:  # type: ignore[no-untyped-def]
    """Guide 2.2 ⑤: "信息有误" drops the old order and leads to the form."""
    session, window = _at_resume(qtbot, home)
    try:
        choice = window.context.choice
        assert session.unfinished(choice) is not None
        window.wizard.resume_page.redo.click()
        qtbot.waitUntil(lambda: window.wizard.at() == FORM, timeout=TIMEOUT)
        assert session.unfinished(choice) is None
    finally:
        session.close()


def test_interrupted_renewal_resumes_with_its_order(qtbot, home: Path) -> None:  # type: ignore[no-untyped-def]
    """A renewal stopped after its order was made goes on with that order and holder, the PIN asked again."""
    session, window = _at_resume(qtbot, home)
    try:
        wizard, resume = window.wizard, window.wizard.resume_page
        assert "13900139000" in resume.order.text() and not resume.isComplete()
        qtbot.keyClicks(resume.pin, "111111")
        assert resume.isComplete()
        wizard.next()
        assert wizard.at() == RENEW
        renew = wizard.renew_page
        qtbot.waitUntil(lambda: renew.questions.currentIndex() == 2, timeout=TIMEOUT)
        _new_password_and_download(qtbot, window)
        assert session.records.last_holder(window.context.choice.serial) == ("李四", "13900139000")
    finally:
        session.close()


def test_a_resume_after_a_stop_at_the_password_says_which_to_type(qtbot, home: Path) -> None:  # type: ignore[no-untyped-def]
    """Stopped while the key's password was being changed: before the password is typed, the page says
    the new one may be in force and to type it first (a wrong guess spends a try, guide 3.6)."""
    session, window = _at_resume(qtbot, home)
    session.close()
    choice = window.context.choice
    journal = journal_for(home, choice.serial, choice.certificate.container)
    with journal:
        state = journal.load()
        assert state is not None
        state.password_changing = True
        journal.save(state)
    session, window = _at_resume_again(qtbot, home)
    try:
        resume = window.wizard.resume_page
        qtbot.waitUntil(lambda: "新密码可能已生效" in resume.pin_hint.text(), timeout=TIMEOUT)
        assert "请先输入新设置的密码" in resume.pin_hint.text() and not resume.pin.text()
    finally:
        session.close()


def _stop() -> str:
    raise RenewalCancelled()


def test_jobs_report_on_the_gui_thread(qtbot) -> None:  # type: ignore[no-untyped-def]
    seen: list[str] = []
    job = Job(lambda: threading.current_thread().name)
    job.start(lambda worker: seen.extend([worker, threading.current_thread().name]), lambda error: None)
    qtbot.waitUntil(lambda: len(seen) == 2, timeout=TIMEOUT)
    assert seen == ["ukey-job", threading.main_thread().name]


def test_support_summary_is_copied_and_masked(make_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    qtbot.waitUntil(window.wizard.detect_page.isComplete, timeout=TIMEOUT)
    QGuiApplication.clipboard().clear()
    window.wizard.button(QWizard.WizardButton.CustomButton1).click()
    qtbot.waitUntil(lambda: "ukey-renew" in QGuiApplication.clipboard().text(), timeout=TIMEOUT)
    text = QGuiApplication.clipboard().text()
    assert "组织机构代码 111111" in text and "当前步骤：detect" in text
    assert "已复制" in window.wizard.detect_page.notice.text  # said, not silent


def test_keyboard_only_start(make_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    """Every input names itself for screen readers, and the wizard moves with the keyboard."""
    window = make_window()
    wizard = window.wizard
    qtbot.waitUntil(wizard.detect_page.isComplete, timeout=TIMEOUT)
    qtbot.keyClick(wizard, Qt.Key.Key_N, Qt.KeyboardModifier.AltModifier)  # 下一步(&N)
    qtbot.waitUntil(lambda: wizard.at() == CHECK, timeout=TIMEOUT)
    for field in (
        wizard.form_page.pin,
        wizard.form_page.name,
        wizard.form_page.mobile,
        wizard.renew_page.captcha.field,
    ):
        assert field.accessibleName()


def test_pages_are_made_when_the_journey_first_leads_to_them(make_window, qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """The shown window holds its first page only; Next from the keyboard makes the page it leads
    to and moves there (or finds it made once the page before it was shown), no page of another
    branch is made, what a page asks of the window reaches it, and Back goes back."""
    asked: list[str] = []
    monkeypatch.setattr(MainWindow, "unlock", lambda self: asked.append("unlock"))
    window = make_window()
    wizard = window.wizard
    assert [PAGES[number] for number in wizard.pageIds()] == [DETECT]
    qtbot.waitUntil(wizard.detect_page.isComplete, timeout=TIMEOUT)
    assert [PAGES[number] for number in wizard.pageIds()] == [DETECT]  # Next is offered before CHECK is made
    qtbot.keyClick(wizard, Qt.Key.Key_N, Qt.KeyboardModifier.AltModifier)  # 下一步(&N)
    qtbot.waitUntil(lambda: wizard.at() == CHECK, timeout=TIMEOUT)
    qtbot.waitUntil(wizard.check_page.isComplete, timeout=TIMEOUT)
    qtbot.keyClick(wizard, Qt.Key.Key_N, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: wizard.at() == FORM, timeout=TIMEOUT)
    made = {PAGES[number] for number in wizard.pageIds()}
    assert {DETECT, CHECK, FORM} <= made and not made & {GUIDED, VERIFY, UNLOCK, REPLACEMENT}  # no other branch
    wizard.form_page.unlock_requested.emit()
    assert asked == ["unlock"]
    wizard.back()
    assert wizard.at() == CHECK


def test_changing_the_password_cannot_break_a_running_renewal(make_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    """Tools → 修改 Ukey 密码 while the renewal waits at the new-password
    question: refused with a clear error (its logout ended the renewal's
    login before), and the renewal then finishes."""
    from ukey_renew.gui.dialogs import ChangePasswordDialog

    window = make_window()
    wizard = window.wizard
    _to_form(qtbot, window)
    _fill_form(qtbot, window)
    wizard.next()
    renew = wizard.renew_page
    _answer_captcha(qtbot, window)
    qtbot.waitUntil(lambda: renew.questions.currentIndex() == 2, timeout=TIMEOUT)
    assert window.key_actions and not any(action.isEnabled() for action in window.key_actions)  # grayed meanwhile
    assert [action.text() for action in window.menuBar().actions()] == ["工具(&T)", "帮助(&H)"]  # menus made once

    dialog = ChangePasswordDialog(window.context, window.context.choice, window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.old, "111111")
    qtbot.keyClicks(dialog.new, "xyz98765")
    qtbot.keyClicks(dialog.again, "xyz98765")
    dialog.buttons.accepted.emit()
    qtbot.waitUntil(lambda: "正在延期" in dialog.notice.text, timeout=TIMEOUT)
    dialog.reject()

    qtbot.keyClicks(renew.password, "abc12345")
    qtbot.keyClicks(renew.password_again, "abc12345")
    qtbot.mouseClick(renew.set_password, Qt.MouseButton.LeftButton)
    _answer_captcha(qtbot, window)
    qtbot.waitUntil(renew.isComplete, timeout=TIMEOUT)
    assert window.context.result is not None and window.context.result.order_no
    assert all(action.isEnabled() for action in window.key_actions)


def test_a_renewal_whose_record_was_not_saved_says_so(make_window, qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Renewed all the same; the page says the local record is missing and what to note by hand."""
    from ukey_renew.errors import RecordsUnavailable
    from ukey_renew.renewal.records import Records

    def full_disk(self, record) -> None:  # type: ignore[no-untyped-def]
        raise RecordsUnavailable(self.path, "磁盘已满")

    monkeypatch.setattr(Records, "add", full_disk)
    window = make_window()
    _to_form(qtbot, window)
    _fill_form(qtbot, window)
    window.wizard.next()
    renew = window.wizard.renew_page
    _answer_captcha(qtbot, window)
    qtbot.waitUntil(lambda: renew.questions.currentIndex() == 2, timeout=TIMEOUT)
    _new_password_and_download(qtbot, window)
    assert "延期成功" in renew.banner.text and "records.not_saved" in renew.notice.text


def test_quitting_mid_renewal_asks_with_staying_the_default(make_window, qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Enter pressed out of habit at "确定退出吗？" keeps the renewal going (No is the default)."""
    window = make_window()
    renew = window.wizard.renew_page
    release = threading.Event()
    renew.run(lambda: release.wait(20), lambda _result: None)  # a renewal step under way
    monkeypatch.setattr(window.wizard, "at", lambda: RENEW)
    defaults: list[object] = []

    def question(*args: object) -> QMessageBox.StandardButton:
        defaults.append(args[4] if len(args) > 4 else QMessageBox.StandardButton.NoButton)
        return QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "question", question)
    try:
        window.close()
        assert defaults == [QMessageBox.StandardButton.No] and window.isVisible()
    finally:
        release.set()
        qtbot.waitUntil(lambda: not renew.busy, timeout=TIMEOUT)


def test_the_form_opens_with_the_cursor_in_its_first_field(make_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    """Typing starts at once: the password field has the focus, not the page's scroll area."""
    window = make_window()
    _to_form(qtbot, window)
    assert window.focusWidget() is window.wizard.form_page.pin


def test_wrong_details_at_the_order_check_lead_back_to_the_form(make_window, qtbot, home: Path) -> None:  # type: ignore[no-untyped-def]
    """Guide 2.2 ⑤ at the order check: "信息有误" drops the order, nothing
    written to the key, and the form comes back with the details to mend;
    the next start submits the mended details. Before, the only ways were on or quit."""
    window = make_window()
    wizard, renew = window.wizard, window.wizard.renew_page
    before = practice.default_path(home).read_bytes()
    _to_form(qtbot, window)
    _fill_form(qtbot, window)
    wizard.next()
    _answer_captcha(qtbot, window)
    qtbot.waitUntil(lambda: renew.questions.currentIndex() == 2, timeout=TIMEOUT)
    assert renew.wrong_details.isVisible()
    renew.wrong_details.click()
    qtbot.waitUntil(lambda: wizard.at() == FORM, timeout=TIMEOUT)
    form, choice = wizard.form_page, window.context.choice
    assert window.context.session.unfinished(choice) is None
    assert "已放弃订单" in form.notice.text and form.name.text() == "张三"
    assert practice.default_path(home).read_bytes() == before  # the key as it was
    form.mobile.setText("13900139000")
    qtbot.keyClicks(form.pin, "111111")
    qtbot.waitUntil(form.isComplete, timeout=TIMEOUT)  # once the tries are read again
    wizard.next()
    _answer_captcha(qtbot, window)
    qtbot.waitUntil(lambda: renew.questions.currentIndex() == 2, timeout=TIMEOUT)
    assert "13900139000" in renew.order.text() and "13800138000" not in renew.order.text()  # the mended details
    renew.cancel()  # not left waiting at the question: closing the window would ask
    qtbot.waitUntil(lambda: not renew.busy, timeout=TIMEOUT)


def test_esc_on_the_form_asks_before_quitting(make_window, qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Esc on a half-filled form quit the program at once; now it asks, with staying the default."""
    window = make_window()
    _to_form(qtbot, window)
    asked: list[object] = []
    answer = QMessageBox.StandardButton.No

    def question(*args: object) -> QMessageBox.StandardButton:
        asked.append(args[4])
        return answer

    monkeypatch.setattr(QMessageBox, "question", question)
    qtbot.keyClick(window.wizard.form_page.pin, Qt.Key.Key_Escape)
    assert asked == [QMessageBox.StandardButton.No] and window.isVisible()
    answer = QMessageBox.StandardButton.Yes
    qtbot.keyClick(window.wizard.form_page.pin, Qt.Key.Key_Escape)
    assert len(asked) == 2 and not window.isVisible()


def test_no_key_plugged_in_is_said_and_checked(home: Path, qtbot, empty_softhsm, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Default mode with no key: "未检测到 Ukey" with guide 3.3's checks run in place; the practice key
    is offered, and made (with its CA) only once the user asks to practise, so 下一步 waits until then."""
    for name, value in empty_softhsm.items():
        monkeypatch.setenv(name, value)
    session = Session(home, practice_only=False)
    try:
        window = MainWindow(Context(session=session))
        qtbot.addWidget(window)
        window.show()
        page = window.wizard.detect_page
        qtbot.waitUntil(lambda: "Ukey 驱动" in page.no_key.text(), timeout=TIMEOUT)
        assert page.no_key.isVisible() and "未检测到 Ukey" in page.no_key.text() and "3.3" in page.no_key.text()
        assert "USB 上的 Ukey" in page.no_key.text() and "BJCA 证书助手" in page.no_key.text()
        assert page.keys.count() == 0 and window.context.choice is None
        assert not practice.default_path(home).exists()  # the practice world is not built unasked
        next_button = window.wizard.button(QWizard.WizardButton.NextButton)
        qtbot.waitUntil(lambda: not page.busy, timeout=TIMEOUT)
        assert not next_button.isEnabled() and page.practise.isVisible()
        told: list[str] = []
        monkeypatch.setattr(QMessageBox, "information", lambda _parent, _title, text: told.append(text))
        window.reset_practice()  # from the menu: there is none to reset, and none is made
        assert "用练习 Ukey 练一遍" in told[0] and not practice.default_path(home).exists()
        qtbot.mouseClick(page.practise, Qt.MouseButton.LeftButton)  # the user chooses to practise
        qtbot.waitUntil(lambda: window.context.choice is not None, timeout=TIMEOUT)
        assert window.context.choice is not None and window.context.choice.practice
        assert page.no_key.isHidden() and not page.practise.isVisible()
        qtbot.waitUntil(next_button.isEnabled, timeout=TIMEOUT)
        assert window.banner.isVisible()  # and is told it is practice
    finally:
        window.wizard.detect_page._stop_watching()
        session.close()
