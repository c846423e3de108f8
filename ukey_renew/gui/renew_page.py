"""The renewal page (guide 2.2 ⑤–⑨): the engine at work in a job, and the
questions only the user can answer (captcha, the new password)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QWidget,
)

from ukey_renew import journey
from ukey_renew.errors import PinRuleViolated, UkeyError
from ukey_renew.gui.context import Context
from ukey_renew.gui.i18n import N_, t
from ukey_renew.gui.pages import Page, PinPage
from ukey_renew.gui.widgets import CaptchaInput, Notice
from ukey_renew.gui.worker import GuiPrompts
from ukey_renew.renewal.steps import STEPS, RenewalEvent, RenewalResult
from ukey_renew.rules import check_new_pin

_STEP_STATES = {  # word, icon (a QStyle.StandardPixmap name, looked up when shown)
    "started": (N_("进行中……"), "SP_BrowserReload"),
    "done": (N_("完成"), "SP_DialogApplyButton"),
    "skipped": (N_("上次已完成"), "SP_ArrowForward"),
}
_WRITING_STEPS = {"keypair", "download", "install"}


class _Questions(QStackedWidget):
    """The questions, one at a time, as tall as the one on screen: a plain
    stack keeps room for its tallest, which a short screen cannot spare."""

    def __init__(self, *questions: QWidget) -> None:
        super().__init__()
        for question in questions:
            self.addWidget(question)
        self.currentChanged.connect(lambda _index: self.updateGeometry())

    def _shown(self) -> QWidget:
        shown = self.currentWidget()
        assert shown is not None  # made with its questions
        return shown

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's names
        return self._shown().sizeHint()

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        return self._shown().minimumSizeHint()

    def hasHeightForWidth(self) -> bool:  # noqa: N802
        return self._shown().hasHeightForWidth()

    def heightForWidth(self, width: int) -> int:  # noqa: N802
        return self._shown().heightForWidth(width)


class RenewPage(Page):
    """Guide 2.2 ⑤–⑨: the engine at work, and the two questions only the user can answer."""

    page_key, guide_step, help_section = journey.RENEW, N_("2.2 · 第 5–9 步"), "2.2"
    running = Signal(bool)  # a renewal holds the key: the tools that call it wait

    def __init__(self, context: Context) -> None:
        super().__init__(context, t("Ukey 延期"))
        self.banner = Notice()
        self.steps = QListWidget()
        self.steps.setAccessibleName(t("延期步骤"))
        self.steps.setMinimumHeight(self.steps.fontMetrics().height() * 5)  # on a short screen it scrolls
        self.progress = QProgressBar()
        self.progress.setRange(0, len(STEPS))
        self.progress.setAccessibleName(t("延期进度"))
        self.questions = _Questions(QWidget(), self._captcha_box(), self._password_box())
        self.layout_.addWidget(self.banner)
        self.layout_.addWidget(self.progress)
        self.layout_.addWidget(self.steps, 1)
        self.layout_.addWidget(self.questions)
        # After a stop the form is behind a commit page: start the walk again
        # (the journal keeps the order, so nothing is done twice).
        self.again = QPushButton(t("重新开始(&R)"))
        self.again.clicked.connect(lambda: self.wizard().restart())
        self.again.hide()
        self.layout_.addWidget(self.again, alignment=Qt.AlignmentFlag.AlignLeft)
        self.layout_.addWidget(self.notice)
        self.prompts: GuiPrompts | None = None
        self._order_text = ""

    def _captcha_box(self) -> QWidget:
        box = QWidget()
        layout = QFormLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        self.captcha = CaptchaInput()
        self.captcha.field.returnPressed.connect(self.answer_captcha)
        submit = QPushButton(t("提交验证码(&C)"))
        submit.clicked.connect(self.answer_captcha)
        layout.addRow(self.captcha)
        layout.addRow(submit)
        return box

    def _password_box(self) -> QWidget:
        box = QWidget()
        layout = QFormLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        self.order = QLabel()
        self.order.setWordWrap(True)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setAccessibleName(t("新的 Ukey 密码"))
        self.password.setMaxLength(8)
        self.password_again = QLineEdit()
        self.password_again.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_again.setAccessibleName(t("再次输入新密码"))
        self.password_again.setMaxLength(8)
        self.password_rule = QLabel()
        self.password_rule.setWordWrap(True)
        self.set_password = QPushButton(t("确认并下载证书(&D)"))
        self.set_password.clicked.connect(self.answer_password)
        for field in (self.password, self.password_again):
            field.textChanged.connect(self._password_changed)
        layout.addRow(self.order)
        layout.addRow(t("新密码(&W)："), self.password)
        layout.addRow(t("再输一次(&A)："), self.password_again)
        layout.addRow(self.password_rule)
        layout.addRow(self.set_password)
        self._password_changed()
        return box

    def initializePage(self) -> None:  # noqa: N802
        super().initializePage()
        self.steps.clear()
        for index, step in enumerate(STEPS, start=1):
            item = QListWidgetItem(f"{index}. {t(step.title)}（{t('指南')} {step.guide}）")
            self.steps.addItem(item)
        self.progress.setValue(0)
        self.questions.setCurrentIndex(0)
        self.again.hide()
        self.banner.show_text("info", t("延期进行中。完成前请不要拔出 Ukey，不要断网。"))
        wizard = self.wizard()
        asked = [page for page in map(wizard.page, wizard.visitedIds()) if isinstance(page, PinPage)]
        choice = self.context.choice
        assert choice is not None and asked
        self.prompts = GuiPrompts(asked[-1].take_pin(), self)  # the PIN lives on only in the engine's one login
        self.prompts.asked.connect(self._asked, Qt.ConnectionType.QueuedConnection)
        self.prompts.progressed.connect(self._progressed, Qt.ConnectionType.QueuedConnection)
        name, mobile = self.context.journey.holder_name, self.context.journey.holder_mobile
        prompts = self.prompts

        session = self.context.session
        self.running.emit(True)
        self.run(
            lambda: session.renew(choice, prompts, prompts.on_event, holder=(name, mobile)),
            self._renewed,
            self._stopped,
        )

    def _progressed(self, event: RenewalEvent) -> None:
        from PySide6.QtWidgets import QStyle  # its many enums take milliseconds to load: not at start-up

        item = self.steps.item(event.index - 1)
        word, icon = _STEP_STATES[event.state]
        item.setText(f"{event.index}. {t(event.step.title)}（{t('指南')} {event.step.guide}）— {t(word)}")
        item.setIcon(self.style().standardIcon(getattr(QStyle.StandardPixmap, icon)))
        self.steps.scrollToItem(item)
        if event.state != "started":
            self.progress.setValue(event.index)
        if event.step.id in _WRITING_STEPS and event.state == "started":
            self.banner.show_text("warn", t("<b>正在写入 Ukey：切勿拔出 Ukey，不要断电断网</b>（指南 2.2 ⑧）。"))
        if event.step.id == "holder" and event.state == "done":
            self._order_text = event.detail
        elif event.detail:
            self.notice.show_text("info", event.detail)

    def _asked(self, kind: str, payload: Any) -> None:
        if kind == "captcha":
            self.captcha.show_image(payload)
            self.questions.setCurrentIndex(1)
            self.captcha.field.setFocus()
        else:
            self.order.setText(
                t("请核对信息（指南 2.2 ⑤）：{order}。", order=self._order_text or t("（订单已在上次生成）"))
                + "<br>"
                + t("然后设置新的 Ukey 密码（指南 2.2 ⑥）。<b>请务必牢记新密码</b>，以后登录要用它。")
            )
            self.questions.setCurrentIndex(2)
            self.password.setFocus()

    def answer_captcha(self) -> None:
        if self.prompts and self.captcha.text():
            self.questions.setCurrentIndex(0)
            self.prompts.answer(self.captcha.text())

    def _password_changed(self) -> None:
        first, second = self.password.text(), self.password_again.text()
        problem = ""
        try:
            check_new_pin(first)
        except PinRuleViolated:
            problem = t("须为 6–8 位，且同时包含字母和数字。最多 8 位：更长的密码会被截断（指南 3.9 情况 3a）。")
        if not problem and first != second:
            problem = t("两次输入的新密码不一致。")
        self.password_rule.setText(problem if first else t("6–8 位，字母和数字组合（指南 3.6 ⑥）。"))
        self.set_password.setEnabled(not problem)

    def answer_password(self) -> None:
        if self.prompts and self.set_password.isEnabled():
            self.questions.setCurrentIndex(0)
            self.prompts.answer(self.password.text())
            self.password.clear()
            self.password_again.clear()

    def _renewed(self, result: RenewalResult) -> None:
        self.running.emit(False)
        self.context.result = result
        self.context.journey.renewal_order = result.order_no or ""
        self.banner.show_text(
            "ok", t("<b>延期成功</b>，订单号 {order}。下一步请验证（指南 2.3）。", order=result.order_no)
        )
        self.questions.setCurrentIndex(0)

    def _stopped(self, error: UkeyError) -> None:
        self.running.emit(False)
        self.banner.show_text("info", t("延期已停止。原证书保持不变；重新开始时会接着上次的进度。"))
        self.questions.setCurrentIndex(0)
        self.again.show()

    def cancel(self) -> bool:
        """Ask the engine to stop; True when it may (before the key is written)."""
        if self.context.choice is not None:
            self.context.session.cancel_renewal(self.context.choice)
        if self.prompts is not None:
            self.prompts.cancel()
        return True
