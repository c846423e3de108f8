"""The tools that stand in for the BJCA certificate assistant (certificate
details, changing the Ukey password), and what the other dialogs share."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ukey_renew.errors import PinRuleViolated, UkeyError
from ukey_renew.gui.context import Context
from ukey_renew.gui.i18n import period, t
from ukey_renew.gui.widgets import Notice, key_model
from ukey_renew.gui.worker import Job
from ukey_renew.rules import check_new_pin
from ukey_renew.session import KeyChoice


class JobDialog(QDialog):
    """A dialog whose work runs in jobs, with a notice for errors."""

    def __init__(self, context: Context, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setWindowTitle(title)
        self.layout_ = QVBoxLayout(self)
        self.notice = Notice()
        self._jobs: list[Job] = []

    @property
    def busy(self) -> bool:
        return any(job.running for job in self._jobs)

    def event(self, event: QEvent) -> bool:
        """Grows when its contents do (an error shown, the next step's page), up
        to the screen's free area: left alone, Qt squeezes the contents into the
        old size and the captcha picture and fields come out squashed."""
        handled = super().event(event)
        if event.type() == QEvent.Type.LayoutRequest and self.isVisible():
            area = self.screen().availableGeometry().size() - (self.frameGeometry().size() - self.size())
            wanted = self.size().expandedTo(self.sizeHint()).boundedTo(area)
            if wanted != self.size():
                self.resize(wanted)
        return handled

    def run(
        self,
        work: Callable[[], Any],
        done: Callable[[Any], None],
        after_failure: Callable[[], None] | None = None,
        *,
        keep_notice: bool = False,
    ) -> None:
        """``work`` in a job, then ``done``; a failure is shown, then ``after_failure`` runs (a
        fresh captcha, say). ``keep_notice``: what the last job said stays in view."""
        if not keep_notice:
            self.notice.clear()
        job = Job(work, self)
        self._jobs = [j for j in self._jobs if j.running] + [job]

        def failed(error: UkeyError) -> None:
            self.context.last_error = error
            self.notice.show_error(error)
            if after_failure is not None:
                after_failure()

        job.start(done, failed)


def password_problem(first: str, second: str) -> str:
    """What is wrong with a new password pair, or "" (guide 3.6 ⑥). The
    fields take more than 8 characters on purpose: cut silently, the
    password would not be the one the user believes (guide 3.9 case 3a)."""
    if len(first) > 8:
        return t("新密码最多 8 位：更长的密码会被截断，以后登录时就对不上了（指南 3.9 情况 3a）。")
    try:
        check_new_pin(first)
    except PinRuleViolated:
        return t("新密码须为 6–8 位，且同时包含字母和数字（指南 3.6 ⑥）。")
    return "" if first == second else t("两次输入的新密码不一致。")


class CertificateDialog(QDialog):
    """The assistant's "更多证书信息", with the 6-digit organization code (guide 3.7 note 2 ④)."""

    def __init__(self, choice: KeyChoice, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(t("证书详细信息"))
        info = choice.info
        form = QFormLayout(self)
        org_code = (
            t("{code}（来自 {source}）", code=info.org_code, source=info.org_code_source) if info.org_code else "—"
        )
        rows = [
            (t("证书名称（单位）"), info.subject_cn or "—"),
            (t("单位名称"), info.organization or "—"),
            (t("组织机构代码"), org_code),
            (t("颁发者"), info.issuer_cn or "—"),
            (t("序列号"), info.serial),
            (t("有效期"), period(info.not_before, info.not_after)),
            (t("密钥算法"), info.key_algorithm),
            (t("SHA-256 指纹"), info.fingerprint),
            ("Ukey", t("{model}，序列号 {serial}", model=key_model(choice), serial=choice.serial)),
        ]
        for label, value in rows:
            field = QLabel(value)
            field.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            field.setWordWrap(True)
            form.addRow(label + "：", field)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)


class ChangePasswordDialog(JobDialog):
    """Guide 3.9 case 3b: change the Ukey password to one of 6–8 characters."""

    def __init__(self, context: Context, choice: KeyChoice, parent: QWidget | None = None) -> None:
        super().__init__(context, t("修改 Ukey 密码"), parent)
        self.choice = choice
        form = QFormLayout()
        self.old = secret_field(t("当前 Ukey 密码"))
        self.new = secret_field(t("新密码"))
        self.again = secret_field(t("再次输入新密码"))
        self.rule = QLabel()
        self.rule.setWordWrap(True)
        form.addRow(t("当前密码(&O)："), self.old)
        form.addRow(t("新密码(&N)："), self.new)
        form.addRow(t("再输一次(&A)："), self.again)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self._change)
        self.buttons.rejected.connect(self.reject)
        self.layout_.addLayout(form)
        self.layout_.addWidget(self.rule)
        self.layout_.addWidget(self.notice)
        self.layout_.addWidget(self.buttons)
        for field in (self.new, self.again):
            field.textChanged.connect(self._check)
        self._check()

    def _check(self) -> None:
        new = self.new.text()
        problem = password_problem(new, self.again.text())
        self.rule.setText((problem or t("可以使用。")) if new else t("新密码：6–8 位，字母和数字组合（指南 3.6 ⑥）。"))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not problem)

    def _change(self) -> None:
        old, new = self.old.text(), self.new.text()
        self.old.clear()
        self.buttons.setEnabled(False)

        choice, session = self.choice, self.context.session
        self.run(
            lambda: session.change_password(choice, old, new),
            lambda _: self.accept(),
            lambda: self.buttons.setEnabled(True),
            keep_notice=True,  # what the last try said stays until this one answers
        )


def secret_field(name: str) -> QLineEdit:
    field = QLineEdit()
    field.setEchoMode(QLineEdit.EchoMode.Password)
    field.setAccessibleName(name)
    return field
