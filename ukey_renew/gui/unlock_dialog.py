"""The unlock of guide 3.6: request, the operator's authorization code, the new
password. The pending request survives closing the program."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ukey_renew.gui.captcha import CaptchaInput
from ukey_renew.gui.context import Context
from ukey_renew.gui.dialogs import JobDialog, password_problem, secret_field
from ukey_renew.gui.i18n import day, t
from ukey_renew.gui.widgets import contacts_text
from ukey_renew.session import KeyChoice, Unlocking

if TYPE_CHECKING:
    from ukey_renew.renewal.unlock import PendingUnlock
    from ukey_renew.troubleshoot.faq import Contacts


def _wrapped(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    return label


class UnlockDialog(JobDialog):
    """Guide 3.6: request → the operator's authorization code → new password."""

    REQUEST, WAITING, COMPLETE, DONE = range(4)
    PRACTICE_RESET = 2  # the dialog's result when the user chose to reset the practice key instead

    def __init__(self, context: Context, choice: KeyChoice, parent: QWidget | None = None) -> None:
        super().__init__(context, t("解锁 Ukey 密码（指南 3.6）"), parent)
        self.choice = choice
        self.flow: Unlocking | None = None
        self.pending: PendingUnlock | None = None
        self.contacts, self.waiting_contacts = _wrapped(""), _wrapped("")  # filled once read from disk
        for label in (self.contacts, self.waiting_contacts):
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.stack = QStackedWidget()
        self.stack.addWidget(self._request_page())
        self.stack.addWidget(self._waiting_page())
        self.stack.addWidget(self._complete_page())
        done = QLabel(t("<b>解锁成功。</b>请牢记新密码（指南 3.6 ⑦）。"))
        self.stack.addWidget(done)
        # Enter anywhere on a page presses that page's own button; left to itself the dialog
        # would make the first button of all its pages the default: "换一张", losing the typed code.
        self.stack.currentChanged.connect(self._default_for_page)
        self.layout_.addWidget(self.stack)
        self._default_for_page(self.REQUEST)  # once in the dialog, which keeps its default button
        self.layout_.addWidget(self.notice)
        if choice.practice:  # no operator approves a practice key: a fresh one is the way on
            reset = QPushButton(t("重置练习 Ukey(&R)…"))
            reset.setAutoDefault(False)
            reset.clicked.connect(lambda: self.done(self.PRACTICE_RESET))
            self.layout_.addWidget(reset, alignment=Qt.AlignmentFlag.AlignLeft)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        self.layout_.addWidget(close)
        self.run(self._open, self._opened)

    def _request_page(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        self.name = QLineEdit()
        self.name.setAccessibleName(t("持有人姓名"))
        self.mobile = QLineEdit()
        self.mobile.setAccessibleName(t("持有人手机号"))
        self.request_captcha = CaptchaInput()
        self.request_captcha.refresh.connect(lambda: self._another(self.request_captcha))
        self.send = QPushButton(t("提交解锁申请(&S)"))
        self.send.clicked.connect(self._request)
        form.addRow(_wrapped(t("请填写延期时登记的持有人姓名和手机号（指南 3.6 ②）。")))
        form.addRow(t("姓名(&N)："), self.name)
        form.addRow(t("手机(&M)："), self.mobile)
        form.addRow(self.request_captcha)
        form.addRow(self.send)
        form.addRow(
            _wrapped(
                t(
                    "不记得登记的姓名和手机号？请添加 Ukey 运维人员的微信，把证书信息发给对方（指南 3.6 ③）："
                    "点下面的按钮复制，再粘贴到微信。"
                )
            )
        )
        copy = QPushButton(t("复制证书信息(&I)"))
        copy.clicked.connect(self._copy_certificate)
        form.addRow(copy)
        form.addRow(self.contacts)
        return page

    def _copy_certificate(self) -> None:
        """What the certificate assistant's "更多证书信息" shows, as text for a chat (guide 3.6 ③)."""
        info = self.choice.info
        lines = [
            t("证书名称（单位）：{value}", value=info.subject_cn or "—"),
            t("组织机构代码：{value}", value=info.org_code or "—"),
            t("颁发者：{value}", value=info.issuer_cn or "—"),
            t("证书序列号：{value}", value=info.serial),
            t("有效期：{start} 至 {end}", start=day(info.not_before), end=day(info.not_after)),
            t("Ukey 序列号：{value}", value=self.choice.serial),
        ]
        QGuiApplication.clipboard().setText("\n".join(lines))
        self.notice.show_text("ok", t("证书信息已复制，可以粘贴到微信发给 Ukey 运维人员。"))

    def _waiting_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        self.waiting = QLabel()
        self.waiting.setWordWrap(True)
        self.waiting.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.check = QPushButton(t("查看审批结果(&C)"))
        self.check.clicked.connect(self._check_state)
        layout.addWidget(self.waiting)
        layout.addWidget(self.waiting_contacts)
        layout.addWidget(self.check, alignment=Qt.AlignmentFlag.AlignLeft)
        return page

    def _complete_page(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        self.code = QLineEdit()
        self.code.setAccessibleName(t("解锁授权码"))
        self.new = secret_field(t("新密码"))
        self.again = secret_field(t("再次输入新密码"))
        self.rule = _wrapped("")
        for field in (self.new, self.again):
            field.textChanged.connect(self._password_changed)
        self.complete_captcha = CaptchaInput()
        self.complete_captcha.refresh.connect(lambda: self._another(self.complete_captcha))
        self.submit = QPushButton(t("解锁(&U)"))
        self.submit.clicked.connect(self._complete)
        form.addRow(
            _wrapped(
                t(
                    "<b>运维人员已审批。</b>请输入运维人员给您的解锁授权码，再设置新的 Ukey 密码"
                    "（指南 3.6 ⑥）。解锁后请用新密码登录。"
                )
            )
        )
        form.addRow(t("解锁授权码(&C)："), self.code)
        form.addRow(t("新密码(&N)："), self.new)
        form.addRow(t("再输一次(&A)："), self.again)
        form.addRow(self.rule)
        form.addRow(self.complete_captcha)
        form.addRow(self.submit)
        self._password_changed()
        return page

    def _default_for_page(self, index: int) -> None:
        primary = {self.REQUEST: self.send, self.WAITING: self.check, self.COMPLETE: self.submit}
        if index in primary:
            primary[index].setDefault(True)

    def _password_changed(self) -> None:
        new = self.new.text()
        problem = password_problem(new, self.again.text())
        self.rule.setText(problem if new else t("新密码：6–8 位，字母和数字组合（指南 3.6 ⑥）。"))
        self.submit.setEnabled(not problem)

    def _open(self) -> tuple[Any, Any, tuple[str, str] | None, bytes, Contacts]:
        from ukey_renew.troubleshoot.faq import load_contacts

        session = self.context.session
        flow = session.unlock(self.choice)
        return flow, flow.pending(), session.last_holder(self.choice), flow.captcha(), load_contacts()

    def _opened(self, found: tuple[Any, Any, tuple[str, str] | None, bytes, Contacts]) -> None:
        self.flow, self.pending, holder, captcha, contacts = found
        whom = (
            t(
                "这是练习 Ukey：没有运维人员为它审批，请不要联系真正的运维人员。"
                "练习 Ukey 锁定后，点下面的“重置练习 Ukey”重新开始（密码恢复为 111111）。"
            )
            if self.choice.practice
            else contacts_text(contacts)
        )
        self.contacts.setText(whom)
        self.waiting_contacts.setText(whom)
        if holder:
            self.name.setText(holder[0])
            self.mobile.setText(holder[1])
        if self.pending is None:
            self.request_captcha.show_image(captcha)
            self.stack.setCurrentIndex(self.REQUEST)
        else:
            self._show_waiting()
            self._check_state()

    def _another(self, captcha: CaptchaInput, *, keep_notice: bool = False) -> None:
        flow = self._opened_flow()
        self.run(flow.captcha, captcha.show_image, keep_notice=keep_notice)

    def _fresh(self, captcha: CaptchaInput) -> Callable[[], None]:
        """After a refusal: the site takes each picture once, so the next try gets a new one
        (else it would be refused as a wrong captcha whatever was typed)."""
        return lambda: self._another(captcha, keep_notice=True)

    def _opened_flow(self) -> Unlocking:
        assert self.flow is not None
        return self.flow

    def _request(self) -> None:
        flow, name, mobile, code = (
            self._opened_flow(),
            self.name.text(),
            self.mobile.text(),
            self.request_captcha.text(),
        )
        now = datetime.now(UTC).isoformat()
        self.run(lambda: flow.request(name, mobile, code, now), self._requested, self._fresh(self.request_captcha))

    def _requested(self, pending: PendingUnlock) -> None:
        self.pending = pending
        self._show_waiting()

    def _show_waiting(self) -> None:
        info = self.choice.info
        assert self.pending is not None
        self.waiting.setText(
            t(
                "<b>解锁申请已提交</b>（指南 3.6 ④）。请联系 Ukey 运维人员审批并获取解锁授权码（指南 3.6 ⑤），"
                "告诉对方：<br>申请编号：<b>{request}</b><br>单位：{unit}<br>组织机构代码：{code}<br>"
                "可以先关闭本窗口，拿到授权码后再回来，申请不会丢失。",
                request=self.pending.request_id,
                unit=info.subject_cn,
                code=info.org_code or "—",
            )
        )
        self.stack.setCurrentIndex(self.WAITING)

    def _check_state(self) -> None:
        flow, pending = self._opened_flow(), self.pending
        assert pending is not None
        self.run(lambda: (flow.state(pending), flow.captcha()), self._state_known)

    def _state_known(self, found: tuple[str, bytes]) -> None:
        state, captcha = found
        if state == "approved":
            self.complete_captcha.show_image(captcha)
            self.stack.setCurrentIndex(self.COMPLETE)
        else:
            self.notice.show_text("info", t("运维人员还没有审批，请稍后再查看。"))

    def _complete(self) -> None:
        if password_problem(self.new.text(), self.again.text()):
            return
        flow, pending = self._opened_flow(), self.pending
        assert pending is not None
        code, new, captcha = self.code.text(), self.new.text(), self.complete_captcha.text()
        self.new.clear()
        self.again.clear()
        self.run(
            lambda: flow.complete(pending, code, new, captcha),
            lambda _: self.stack.setCurrentIndex(self.DONE),
            self._fresh(self.complete_captcha),
        )
