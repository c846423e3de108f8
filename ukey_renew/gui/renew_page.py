"""The renewal page (guide 2.2 ⑤–⑨): the engine at work in a job, and the
questions only the user can answer (captcha, the new password)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QWidget,
)

from ukey_renew import journey
from ukey_renew.errors import UkeyError
from ukey_renew.gui.captcha import CaptchaInput
from ukey_renew.gui.context import Context
from ukey_renew.gui.dialogs import password_problem, secret_field
from ukey_renew.gui.i18n import N_, period, t
from ukey_renew.gui.page import Page
from ukey_renew.gui.widgets import Notice, focus_in_view
from ukey_renew.gui.worker import GuiPrompts
from ukey_renew.renewal.steps import STEPS, OrderSummary, RenewalEvent, RenewalResult, Step

_STEP_STATES = {  # word, icon (a QStyle.StandardPixmap name, looked up when shown)
    "started": (N_("进行中……"), "SP_BrowserReload"),
    "done": (N_("完成"), "SP_DialogApplyButton"),
    "skipped": (N_("完成（上次已做）"), "SP_DialogApplyButton"),
    "stopped": (N_("已停止"), "SP_MessageBoxWarning"),
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


def _step_text(step: Step) -> str:
    return t("{title}（指南 {section}）", title=t(step.title), section=step.guide)


# The labels of the order (renewal/steps.py OrderSummary.rows), to translate them.
_ORDER_LABELS = (
    N_("订单号"), N_("证书用户名"), N_("组织机构代码"), N_("持有人姓名"), N_("持有人手机号"), N_("新证书有效期")
)  # fmt: skip


def order_table(order: OrderSummary) -> str:
    """Guide 2.2 ⑤: the order as a small table to read down, in the window's language."""
    rows = order.rows(period)
    cells = "".join(f"<tr><td>{t(label)}&nbsp;&nbsp;</td><td><b>{value}</b></td></tr>" for label, value in rows)
    return f"<table cellspacing=4>{cells}</table>"


class RenewPage(Page):
    """Guide 2.2 ⑤–⑨: the engine at work, and the two questions only the user can answer."""

    page_key, guide_step, help_section = journey.RENEW, N_("2.2 · 第 5–9 步"), "2.2"
    running = Signal(bool)  # a renewal holds the key: the tools that call it wait

    def __init__(self, context: Context) -> None:
        super().__init__(context, t("Ukey 延期"))
        self.banner = Notice()
        self.steps = QListWidget()
        self.steps.setAccessibleName(t("延期步骤"))
        # On a short screen it scrolls, showing four whole rows (each as tall as its text or its done-mark):
        # five lines of text were less than a row with its mark, and than a scroll bar needs under Windows.
        row = max(self.steps.fontMetrics().height(), self.steps.iconSize().height(), 16) + 8
        self.steps.setMinimumHeight(4 * row + 2 * self.steps.frameWidth())
        self.progress = QProgressBar()
        self.progress.setRange(0, len(STEPS))
        self.progress.setAccessibleName(t("延期进度"))
        self.questions = _Questions(QWidget(), self._captcha_box(), self._password_box())
        self.layout_.addWidget(self.banner)
        self.layout_.addWidget(self.progress)
        self.layout_.addWidget(self.steps, 1)
        self.layout_.addWidget(self.questions)
        # After a stop: back to the password, the rest kept (the journal
        # keeps the order, so nothing is done twice).
        self.again = QPushButton(t("返回重新输入(&R)"))
        self.again.clicked.connect(self._again)
        self.again.hide()
        self.layout_.addWidget(self.again, alignment=Qt.AlignmentFlag.AlignLeft)
        self.layout_.addWidget(self.notice)
        self.prompts: GuiPrompts | None = None
        self._order: OrderSummary | None = None
        self._running_step = 0  # the list's row of the step under way, 1-based; 0 for none
        self._captcha_sent = False  # an answer is with the site: asked again, it was wrong
        self._resumable_now = False
        self._redo = False  # the user found the order's details wrong: stopped to fill them in anew

    def _captcha_box(self) -> QWidget:
        box = QWidget()
        layout = QFormLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        self.captcha = CaptchaInput()
        self.captcha.field.returnPressed.connect(self.answer_captcha)
        self.captcha.refresh.connect(self._another_captcha)
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
        self.password = secret_field(t("新的 Ukey 密码"))
        self.password_again = secret_field(t("再次输入新密码"))
        self.password_rule = QLabel()
        self.password_rule.setWordWrap(True)
        self.set_password = QPushButton(t("确认并下载证书(&D)"))
        self.set_password.clicked.connect(self.answer_password)
        self.wrong_details = QPushButton(t("信息有误，重新填写(&E)"))
        self.wrong_details.setToolTip(t("放弃这个订单，返回修改持有人信息后生成新订单（指南 2.2 ⑤）。"))
        self.wrong_details.clicked.connect(self._wrong_details)
        for field in (self.password, self.password_again):
            field.textChanged.connect(self._password_changed)
        self.password.returnPressed.connect(self.password_again.setFocus)  # Enter goes on, as Tab does
        self.password_again.returnPressed.connect(self.answer_password)  # and in the last field, submits
        layout.addRow(self.order)
        layout.addRow(self.wrong_details)
        layout.addRow(t("新密码(&W)："), self.password)
        layout.addRow(t("再输一次(&A)："), self.password_again)
        layout.addRow(self.password_rule)
        layout.addRow(self.set_password)
        self._password_changed()
        return box

    def initializePage(self) -> None:  # noqa: N802
        super().initializePage()
        self.steps.clear()
        for step in STEPS:  # named by the guide's steps (①–⑨ of 2.2 and others), not numbered anew
            self.steps.addItem(QListWidgetItem(_step_text(step)))
        self._running_step, self._captcha_sent = 0, False
        self.progress.setValue(0)
        self.questions.setCurrentIndex(0)
        self.again.hide()
        self.banner.show_text("info", t("延期进行中。完成前请不要拔出 Ukey，不要断网。"))
        choice, pin = self.context.choice, self.context.take_pin()  # the PIN lives on only in the engine's one login
        assert choice is not None and pin is not None  # only the PIN page's commit leads here
        self.prompts = GuiPrompts(self)
        self.prompts.asked.connect(self._asked, Qt.ConnectionType.QueuedConnection)
        self.prompts.progressed.connect(self._progressed, Qt.ConnectionType.QueuedConnection)
        name, mobile = self.context.journey.holder_name, self.context.journey.holder_mobile
        prompts, again = self.prompts, self.context.journey.again

        session = self.context.session
        self.running.emit(True)
        self.run(
            lambda: session.renew(choice, prompts, prompts.on_event, holder=(name, mobile), pin=pin, again=again),
            self._renewed,
            self._stopped,
        )

    def _progressed(self, event: RenewalEvent) -> None:
        self._mark(event.index, event.state)
        self._running_step = event.index if event.state == "started" else 0
        if event.state != "started":
            self.progress.setValue(event.index)
            self._captcha_sent = False
        if event.step.id in _WRITING_STEPS and event.state == "started":
            self.banner.show_text("warn", t("<b>正在写入 Ukey：切勿拔出 Ukey，不要断电断网</b>（指南 2.2 ⑧）。"))
        if event.order is not None:
            self._order = event.order
        elif event.detail and event.state == "started":
            self.notice.show_text("info", event.detail)

    def _mark(self, index: int, state: str) -> None:
        from PySide6.QtWidgets import QStyle  # its many enums take milliseconds to load: not at start-up

        item = self.steps.item(index - 1)
        word, icon = _STEP_STATES[state]
        item.setText(f"{_step_text(STEPS[index - 1])} — {t(word)}")
        item.setIcon(self.style().standardIcon(getattr(QStyle.StandardPixmap, icon)))
        self.steps.scrollToItem(item)

    def _asked(self, kind: str, payload: Any) -> None:
        if kind == "captcha":
            if self._captcha_sent:
                self.notice.show_text("warn", t("验证码不正确，请按新的图片重新输入（看不清可以换一张）。"))
            self._captcha_sent = False
            self.captcha.show_image(payload)
            self.questions.setCurrentIndex(1)
        else:
            self.order.setText(
                t("请核对信息（指南 2.2 ⑤，图 5）：")
                + (order_table(self._order) if self._order else t("（订单已在上次生成）"))
                + t("然后设置新的 Ukey 密码（指南 2.2 ⑥）。<b>请务必牢记新密码</b>，以后登录要用它。")
            )
            self.questions.setCurrentIndex(2)
            focus_in_view(self.password)

    def answer_captcha(self) -> None:
        if self.prompts and self.captcha.text():
            self.notice.clear()
            self.questions.setCurrentIndex(0)
            self._captcha_sent = True
            self.prompts.answer(self.captcha.text())

    def _another_captcha(self) -> None:
        """Guide 3.10 tip 3: an unreadable picture is swapped, no try spent."""
        if self.prompts and self.questions.currentIndex() == 1:
            self.questions.setCurrentIndex(0)
            self.prompts.answer("")

    def _password_changed(self) -> None:
        first = self.password.text()
        problem = password_problem(first, self.password_again.text())
        self.password_rule.setText(problem if first else t("新密码：6–8 位，字母和数字组合（指南 3.6 ⑥）。"))
        self.set_password.setEnabled(not problem)

    def answer_password(self) -> None:
        if self.prompts and self.set_password.isEnabled():
            self.questions.setCurrentIndex(0)
            self.prompts.answer(self.password.text())
            self.password.clear()
            self.password_again.clear()

    def _wrong_details(self) -> None:
        """Guide 2.2 ⑤: wrong details are not confirmed. The engine, waiting
        at the new-password question, has written nothing to the key; once
        it stopped, its order is dropped and the form is shown again."""
        if self.prompts is not None:
            self._redo = True
            self.questions.setCurrentIndex(0)
            self.prompts.cancel()

    def _redone(self, dropped: Any) -> None:
        self.context.journey.resumable = False  # the map now leads to the form
        wizard = self.wizard()
        wizard.back()
        if journey.PAGES[wizard.currentId()] == journey.RESUME:  # a resumed order: round by the check, to the form
            wizard.back()
            wizard.next()
        form = wizard.currentPage()
        assert isinstance(form, Page)
        order = dropped.order_no if dropped is not None else ""
        form.notice.show_text(
            "info", t("已放弃订单 {order}。请修改持有人信息，再输入 Ukey 密码重新开始（指南 2.2 ⑤）。", order=order)
        )

    def _renewed(self, result: RenewalResult) -> None:
        self.running.emit(False)
        self.context.result = result
        self.context.journey.renewal_order = result.order_no or ""
        self.banner.show_text(
            "ok", t("<b>延期成功</b>，订单号 {order}。下一步请验证（指南 2.3）。", order=result.order_no)
        )
        self.questions.setCurrentIndex(0)
        if result.record_not_saved is not None:  # renewed all the same: only the local record is missing
            self.notice.show_error(result.record_not_saved)

    def _stopped(self, error: UkeyError) -> None:
        self.running.emit(False)
        if self._running_step:
            self._mark(self._running_step, "stopped")
        choice, session = self.context.choice, self.context.session
        assert choice is not None
        if self._redo:
            self._redo = False
            self.run(lambda: session.abandon(choice), self._redone)
            return
        self.banner.show_text("info", t("延期已停止。原证书保持不变；再次开始时会接着上次的进度。"))
        self.questions.setCurrentIndex(0)
        self.run(lambda: session.unfinished(choice) is not None, self._stopped_at, quiet=True)

    def _stopped_at(self, resumable: bool) -> None:
        self._resumable_now = resumable
        self.again.show()

    def _again(self) -> None:
        """Back to the page that asked for the password. A stop after the
        order was made while the form was shown goes the long way round
        instead, so the order's holder is shown and not the form's."""
        wizard = self.wizard()
        came_from = journey.PAGES[wizard.visitedIds()[-2]] if len(wizard.visitedIds()) > 1 else ""
        if self._resumable_now and came_from == journey.FORM:
            wizard.restart()
        else:
            wizard.back()

    def cancel(self) -> bool:
        """Ask the engine to stop; True when it may (before the key is written)."""
        if self.context.choice is not None:
            self.context.session.cancel_renewal(self.context.choice)
        if self.prompts is not None:
            self.prompts.cancel()
        return True
