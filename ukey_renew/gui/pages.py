"""The wizard's pages after the first, one per step of the guide (chapter
2): the check, the form, the resumed renewal, the verification. The first
page is in ``detect_page.py``, the renewal page itself in ``renew_page.py``.

Pages only present: every key, network or disk operation goes through
:meth:`Page.run` (a worker thread) or the renewal engine in a job.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWizard,
)

from ukey_renew import journey
from ukey_renew.errors import HolderInvalid
from ukey_renew.gui.context import Context
from ukey_renew.gui.i18n import N_, period, t, verdict
from ukey_renew.gui.page import Page
from ukey_renew.gui.reminder_tick import ReminderTick
from ukey_renew.gui.widgets import (
    Notice,
    ValidityTable,
    days_left,
    focus_in_view,
    key_model,
    save_file_name,
)
from ukey_renew.journey import Journey, Verdict
from ukey_renew.rules import check_holder
from ukey_renew.session import KeyChoice, Session

if TYPE_CHECKING:
    from ukey_renew.certs import Eligibility
    from ukey_renew.renewal.journal import JournalState
    from ukey_renew.renewal.records import RenewalRecord


@dataclass(frozen=True)
class Checked:
    """What the check read from the key and the records, for the page to show
    and the journey to route on."""

    pin: Any  # token.base.PinStatus (gui/ does not import the key layer)
    eligibility: Eligibility
    verdict: Verdict
    renewed_today: RenewalRecord | None  # the key's last renewal, when it was today
    unfinished: JournalState | None  # a renewal stopped after its order was made

    def fill(self, state: Journey) -> None:
        state.verdict = self.verdict
        state.renewed_today_order = self.renewed_today.order_no if self.renewed_today else ""
        state.resumable = self.unfinished is not None


def read_check(session: Session, choice: KeyChoice) -> Checked:
    """Guide 2.1 and 1.3: the PIN's state, the site's rule, and the records (in a worker)."""
    pin, eligibility = session.check(choice)
    today = session.renewed_today(choice)
    verdict = journey.verdict_of(eligibility.reason, pin.locked, today is not None)
    return Checked(pin, eligibility, verdict, today, session.unfinished(choice))


class CheckPage(Page):
    """Guide 2.1 ②: who the certificate belongs to, how long it runs, and where the journey goes from here."""

    page_key, guide_step, help_section = journey.CHECK, N_("2.1 · 第 2 步"), "1.3"

    def __init__(self, context: Context) -> None:
        super().__init__(context, t("查看证书有效期"))
        self.details = QLabel()
        self.details.setWordWrap(True)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.verdict = Notice()
        self.again = QCheckBox(t("仍要再次延期(&A)（会生成新的订单）"))
        self.again.toggled.connect(self._again)
        self.again.hide()
        self.reminder = ReminderTick(context.session, self.run)
        self.reminder.hide()
        self.layout_.addWidget(self.details)
        self.layout_.addWidget(self.verdict)
        self.layout_.addWidget(self.again, alignment=Qt.AlignmentFlag.AlignLeft)
        self.layout_.addWidget(self.reminder)
        self.finish_layout()

    def initializePage(self) -> None:  # noqa: N802
        super().initializePage()
        choice = self.context.choice
        assert choice is not None
        self.context.journey.verdict = None
        self.again.setChecked(False)
        self.again.hide()
        self.reminder.hide()
        self.verdict.clear()
        self.details.setText(t("正在读取 Ukey……"))
        session = self.context.session
        self.run(lambda: read_check(session, choice), self._show)

    def _again(self, checked: bool) -> None:
        self.context.journey.again = checked
        self.changed()  # the route changes: the wizard asks the map again

    def _show(self, found: Checked) -> None:
        choice = self.context.choice
        assert choice is not None
        found.fill(self.context.journey)
        info, now = choice.info, self.context.session.clock()
        rows = [
            (t("证书名称（单位）"), f"<b>{info.subject_cn or '—'}</b>"),
            (t("组织机构代码"), info.org_code or "—"),
            (t("有效期"), period(info.not_before, info.not_after)),
            (t("剩余天数"), days_left(info, now)),
            ("Ukey", t("{model}，序列号 {serial}", model=key_model(choice), serial=choice.serial)),
        ]
        table = "".join(f"<tr><td>{label}</td><td>{value}</td></tr>" for label, value in rows)
        to_compare = found.verdict not in (Verdict.REPLACEMENT, Verdict.RENEWED_TODAY)  # nothing (more) to renew
        note = t("请记下当前有效期，延期后用来比对（指南 2.1 ②）。") if to_compare else ""
        self.details.setText(f"<table cellspacing=6>{table}</table><p>{note}</p>")
        message = verdict(found.eligibility)
        match found.verdict:
            case Verdict.REPLACEMENT:
                self.verdict.show_text(
                    "error",
                    f"<b>{message}</b><br>"
                    + t(
                        "更换 Ukey 需要申请函，内容见指南 3.7："
                        "检察院名称、组织机构代码、Ukey 类型、情况说明、收件人信息，并加盖公章。"
                    )
                    + t("请点“下一步”填写申请函。"),
                )
            case Verdict.LOCKED:
                self.verdict.show_text(
                    "error", t("<b>Ukey 密码已锁定。</b>请点“下一步”申请解锁（指南 3.6），解锁后再继续延期。")
                )
            case Verdict.REFUSED:
                self.verdict.show_text("error", f"<b>{message}</b>")
            case Verdict.RENEWED_TODAY:
                self.verdict.show_text(
                    "ok",
                    t(
                        "<b>这把 Ukey 今天已经延期成功</b>（订单号 {order}），无需再次延期。"
                        "请点“下一步”验证（指南 2.3）：延期前后的有效期、生效倒计时、登录验证和延期回执。",
                        order=self.context.journey.renewed_today_order,
                    ),
                )
                self.again.show()
            case _ if not choice.practice:
                self.verdict.show_text(
                    "info",
                    message
                    + "<br>"
                    + t("正式延期网站目前需要在浏览器中操作：请点“下一步”，程序会打开网站并逐步提示（指南 2.2）。"),
                )
            case _:
                self.verdict.show_text("ok", message + t("（指南 2.1 注：无论有效期到哪一年，都需要延期。）"))
        from ukey_renew.remind import SOON_DAYS  # the certificate code, loaded by now

        if info.days_left(now) <= SOON_DAYS and found.verdict != Verdict.REPLACEMENT:  # a key to renew soon
            self.reminder.show()
            self.reminder.refresh()
        if found.unfinished is not None and found.verdict in (Verdict.RENEWABLE, Verdict.RENEWED_TODAY):
            self.notice.show_text("info", t("上次延期未完成：点“下一步”接着上次的订单继续（指南 2.2）。"))


# The window's words for each PIN state (token/base.py PinStatus.state), with what to do.
_PIN_HINTS = {
    "locked": N_("<b>Ukey 密码已锁定</b>，不能再尝试。请先申请解锁（指南 3.6），解锁后用新密码继续延期。"),
    "few": N_("<b>注意：只剩 {left} 次机会！</b>输错将锁定 Ukey。忘记密码请不要尝试，按指南 3.6 申请解锁。"),
    "left": N_("还可尝试 {left} 次。本程序只用您输入的密码尝试一次，不会自动重试。"),
    "low": N_("本程序只用您输入的密码尝试一次，不会自动重试。"),
    "unknown": N_("本程序只用您输入的密码尝试一次，不会自动重试。"),
}


class PinPage(Page):
    """The page that asks for the Ukey password and commits to the renewal.
    The password is kept in its field only until the user commits; then it
    is handed to the renewal page through the context, which takes it once.
    Its tries are read whenever it is shown: after a wrong PIN the form is
    reached again with Back, and with no try left it offers unlock, not the
    renewal (guide 3.6)."""

    unlock_requested = Signal()

    def __init__(self, context: Context, title: str) -> None:
        super().__init__(context, title)
        self.unlock = QPushButton(t("申请解锁 Ukey 密码(&U)（指南 3.6）"))
        self.unlock.clicked.connect(self._unlock)
        self.unlock.hide()
        self.form = QFormLayout()
        self.pin = QLineEdit()
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin.setAccessibleName(t("Ukey 密码"))
        self.pin.setPlaceholderText(t("登录时输入的密码，默认 111111"))
        self.pin_hint = QLabel()
        self.pin_hint.setWordWrap(True)
        self.form.addRow(t("Ukey 密码(&P)："), self.pin)
        self.form.addRow("", self.pin_hint)
        self.form.addRow("", self.unlock)
        self.pin.textChanged.connect(self._changed)
        self.setCommitPage(True)
        self.setButtonText(QWizard.WizardButton.CommitButton, t("开始延期(&S)"))

    def shown_again(self) -> None:
        self._read_pin()

    def _read_pin(self) -> None:
        choice, session = self.context.choice, self.context.session
        assert choice is not None
        self.run(lambda: session.pin_status(choice), self.show_pin_status)

    def _unlock(self) -> None:
        self.unlock_requested.emit()  # the dialog is modal: closed when this returns
        self._read_pin()

    def show_pin_status(self, pin: Any) -> None:
        self.context.journey.pin_locked = pin.locked
        self.unlock.setVisible(pin.locked)
        self.pin.setEnabled(not pin.locked)
        self.pin_hint.setText(self._pin_hint(pin))
        self.changed()

    @staticmethod
    def _pin_hint(pin: Any) -> str:
        hint = t(_PIN_HINTS[pin.state], left=pin.tries_left)
        return f"<span style='color:#b00020'>{hint}</span>" if pin.state in ("locked", "few") else hint

    def _changed(self) -> None:
        self.context.journey.pin_given = bool(self.pin.text())
        self.changed()

    def validatePage(self) -> bool:  # noqa: N802
        """Committed: the PIN goes to the renewal page and leaves the field."""
        self.context.hand_pin(self.pin.text())
        self.pin.clear()
        return True


class FormPage(PinPage):
    """Guide 2.2 ③④: the Ukey password and the current holder."""

    page_key, guide_step, help_section = journey.FORM, N_("2.2 · 第 3–4 步"), "2.2"

    def __init__(self, context: Context) -> None:
        super().__init__(context, t("登录并填写持有人信息"))
        self.name = QLineEdit()
        self.name.setAccessibleName(t("持有人姓名"))
        self.mobile = QLineEdit()
        self.mobile.setAccessibleName(t("持有人手机号"))
        self.mobile.setValidator(QRegularExpressionValidator(r"[0-9 -]{0,15}"))
        self.rule = QLabel()
        self.rule.setWordWrap(True)
        self.form.addRow(t("持有人姓名(&N)："), self.name)
        self.form.addRow(t("持有人手机号(&M)："), self.mobile)
        note = QLabel(
            t(
                "<b>请填写当前持有 Ukey 人员的姓名和手机号，并记录下来</b>："
                "以后忘记密码申请解锁时要填写同样的信息（指南 2.2 ④）。"
            )
        )
        note.setWordWrap(True)
        self.layout_.addLayout(self.form)
        self.layout_.addWidget(note)
        self.layout_.addWidget(self.rule)
        self.finish_layout()
        for field in (self.name, self.mobile):
            field.textChanged.connect(self._changed)

    def initializePage(self) -> None:  # noqa: N802
        super().initializePage()
        choice = self.context.choice
        assert choice is not None
        self._changed()  # what the fields hold from an earlier visit
        session = self.context.session
        self.run(lambda: (session.pin_status(choice), session.last_holder(choice)), self._prefill)

    def _prefill(self, found: tuple[Any, tuple[str, str] | None]) -> None:
        pin, holder = found
        self.show_pin_status(pin)
        if holder and not self.name.text():
            self.name.setText(holder[0])
            self.mobile.setText(holder[1])

    def _changed(self) -> None:
        state = self.context.journey
        state.holder_name, state.holder_mobile = self.name.text(), self.mobile.text()
        self.rule.clear()
        if self.name.text() or self.mobile.text():
            try:
                check_holder(self.name.text(), self.mobile.text())
            except HolderInvalid as exc:
                self.rule.setText(f"<span style='color:#b00020'>{exc.message}</span>")
        super()._changed()


class ResumePage(PinPage):
    """Guide 2.2 ⑤: a renewal that stopped after its order was made goes on
    with that order and the holder it was made for, shown for checking."""

    page_key, guide_step, help_section = journey.RESUME, N_("2.2 · 第 3–5 步"), "2.2"

    def __init__(self, context: Context) -> None:
        super().__init__(context, t("继续上次未完成的延期"))
        self.order = QLabel()
        self.order.setWordWrap(True)
        self.redo = QPushButton(t("信息有误，重新填写(&W)"))
        self.redo.setToolTip(t("放弃上次的订单，重新填写持有人信息后生成新订单（指南 2.2 ⑤）。"))
        self.redo.clicked.connect(self._redo)
        self.layout_.addWidget(self.order)
        self.layout_.addWidget(self.redo, alignment=Qt.AlignmentFlag.AlignLeft)
        self.layout_.addLayout(self.form)
        self.finish_layout()

    def initializePage(self) -> None:  # noqa: N802
        super().initializePage()
        choice = self.context.choice
        assert choice is not None
        self._changed()
        session = self.context.session
        self.run(lambda: (session.pin_status(choice), session.unfinished(choice)), self._show)

    def _redo(self) -> None:
        """Guide 2.2 ⑤: wrong details are not confirmed; the renewal starts
        over with a new order. Nothing was written to the key yet."""
        choice = self.context.choice
        assert choice is not None
        session = self.context.session
        self.run(lambda: session.abandon(choice), self._abandoned)

    def _abandoned(self, _dropped: object) -> None:
        self.context.journey.resumable = False  # the map now leads to the form
        wizard = self.wizard()
        wizard.back()
        wizard.next()

    def _show(self, found: tuple[Any, Any]) -> None:
        pin, unfinished = found
        self.show_pin_status(pin)
        if unfinished is not None and unfinished.pin_hint():  # which password, before it is typed
            self.pin_hint.setText(f"<b>{t(unfinished.pin_hint())}</b><br>{self.pin_hint.text()}")
        if unfinished is None:  # finished elsewhere meanwhile: the holder is not known here
            self.order.setText(t("上次未完成的延期已不存在：请返回重新检测。"))
            return
        state = self.context.journey
        state.holder_name, state.holder_mobile = unfinished.holder_name or "", unfinished.holder_mobile or ""
        self.order.setText(
            t(
                "上次延期未完成：订单 {order}，持有人 {name}（{mobile}）。请核对；输入 Ukey 密码后接着上次的进度延期。",
                order=unfinished.order_no,
                name=state.holder_name,
                mobile=state.holder_mobile,
            )
        )


class VerifyPage(Page):
    """Guide 2.3: replug, re-read, compare, wait out the activation, test the login."""

    page_key, guide_step, help_section = journey.VERIFY, "2.3", "3.9"

    def __init__(self, context: Context) -> None:
        super().__init__(context, t("验证延期是否成功"))
        self.instructions = QLabel()
        self.instructions.setWordWrap(True)
        self.replug = QPushButton(t("我已拔下并重新插入 Ukey(&K)"))
        self.replug.clicked.connect(self._reread)
        self.table = ValidityTable()
        self.countdown = QLabel()
        self.countdown.setWordWrap(True)
        self.countdown.setAccessibleName(t("生效倒计时"))
        self.login_pin = QLineEdit()
        self.login_pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.login_pin.setAccessibleName(t("新的 Ukey 密码（登录验证）"))
        self.login_pin.setPlaceholderText(t("新的 Ukey 密码"))
        self.login = QPushButton(t("登录验证(&L)"))
        self.login.clicked.connect(self._login_test)
        self.layout_.addWidget(self.instructions)
        self.layout_.addWidget(self.replug, alignment=Qt.AlignmentFlag.AlignLeft)
        self.layout_.addWidget(self.table)
        self.layout_.addWidget(self.countdown)
        self.layout_.addWidget(self.login_pin)
        self.layout_.addWidget(self.login, alignment=Qt.AlignmentFlag.AlignLeft)
        self.receipt = QPushButton(t("保存延期回执(&S)…"))
        self.receipt.setToolTip(t("单位、有效期、订单号等，发给 Ukey 运维人员或留存"))
        self.receipt.clicked.connect(self._save_receipt)
        self.receipt.hide()
        self.layout_.addWidget(self.receipt, alignment=Qt.AlignmentFlag.AlignLeft)
        self.reminder = ReminderTick(context.session, self.run)  # for the next expiry, years from now
        self.layout_.addWidget(self.reminder)
        self.finish_layout()
        self._tick = QTimer(self)
        self._tick.setInterval(1000)
        self._tick.timeout.connect(self._update_countdown)
        self._activation: Any = None

    def initializePage(self) -> None:  # noqa: N802
        super().initializePage()
        choice = self.context.choice
        assert choice is not None
        if self.context.renewed is not None:
            steps = t(
                "已在 Ukey 上读到新证书（指南 2.3 ②），延期前后的有效期见下表。想再确认时，可拔插 Ukey 后再读一次。"
            )
        else:
            steps = t("1）请先拔下 Ukey，再重新插入（指南 2.3 ①），然后点下面的按钮重新读取证书。")
        if choice.practice:
            steps += t("<br>练习模式：练习 Ukey 是软件，直接点按钮即可。")
        self.instructions.setText(steps)
        # A real key is tested on the login site itself, in the browser; either once the certificate is in effect.
        self.login_pin.setVisible(choice.practice)
        self.login.setText(t("登录验证(&L)") if choice.practice else t("打开登录网站(&L)"))
        self.login.setEnabled(False)
        self.table.show_pair(choice.info, None, self.context.session.clock())
        self.reminder.refresh()
        self.run(lambda: self.context.session.last_renewal(choice), self._activation_from)
        if self.context.renewed is not None:  # seen on the key while the browser renewed it (guide 2.3 ②)
            self._reread_done(self.context.renewed)

    def _activation_from(self, record: Any) -> None:
        if record is not None and self.context.renewed is None:
            self._renewed_before(record)
        if record is not None and record.activation_at:
            self._activation = datetime.fromisoformat(record.activation_at)  # persisted: a restart continues it
            self._tick.start()
            self._update_countdown()
        else:
            self.login.setEnabled(True)

    def _update_countdown(self) -> None:
        if self._activation is None:
            return
        left = (self._activation - self.context.session.clock()).total_seconds()
        practice = self.context.choice is not None and self.context.choice.practice
        if left > 0:
            minutes, seconds = divmod(int(left), 60)
            self.countdown.setText(
                t(
                    "新证书将在 {minutes} 分 {seconds} 秒后生效（指南 2.3 ③、3.9 情况 2），之后才能登录验证。",
                    minutes=minutes,
                    seconds=seconds,
                )
                + (t("练习网站把 15 分钟缩短为 1 分钟。") if practice else "")
            )
            return
        self.countdown.setText(
            t("新证书已生效，可以登录验证。")
            + ("" if practice else t("请先关闭所有浏览器窗口，再打开登录网站（指南 2.3 ③）。"))
        )
        self.login.setEnabled(True)
        self._tick.stop()

    def _renewed_before(self, record: Any) -> None:
        """Reopened after a renewal (guide 2.3 later the same day): the key
        already holds the certificate the record names, so what it held
        before comes from the record, and the receipt is there to save."""
        choice = self.context.choice
        assert choice is not None
        from dataclasses import replace

        try:
            if datetime.fromisoformat(record.new_not_after) != choice.info.not_after:
                return  # this run's renewal, or another certificate: read after the replug
            old = datetime.fromisoformat(record.old_not_before), datetime.fromisoformat(record.old_not_after)
        except ValueError:  # a record damaged outside the program: the replug path still works
            return
        before = replace(choice.info, not_before=old[0], not_after=old[1])
        self.instructions.setText(
            t(
                "这把 Ukey 已经延期（订单号 {order}），Ukey 上是新证书，延期前后的有效期见下表（指南 2.3 ②）。"
                "想再确认时，可拔插 Ukey 后点下面的按钮再读一次。",
                order=record.order_no,
            )
        )
        self.table.show_pair(before, choice.info, self.context.session.clock())
        self._verified()
        self.changed()

    def _verified(self) -> None:
        """Longer validity seen: the receipt offered, and the cursor on what comes next (the
        practice login test's password; for a real key, which is tested in the browser, the receipt)."""
        choice = self.context.choice
        assert choice is not None
        self.context.journey.verified = True
        self.receipt.show()
        focus_in_view(self.login_pin if choice.practice else self.receipt)

    def _reread(self) -> None:
        """The renewed certificate wherever it is on the key (BJCA writes it
        into a new container), else the old container as it is now."""
        choice = self.context.choice
        assert choice is not None
        session = self.context.session
        self.run(lambda: session.renewed_certificate(choice) or session.reread(choice), self._reread_done)

    def _reread_done(self, fresh: Any) -> None:
        choice = self.context.choice
        assert choice is not None
        self.context.renewed = fresh
        self.table.show_pair(choice.info, fresh.info, self.context.session.clock())
        if fresh.info.not_after > choice.info.not_after:
            self.notice.show_text(
                "ok", t("<b>有效期已延长。</b>等新证书生效后，请先关闭浏览器再打开，登录平台验证（指南 2.3 ③）。")
            )
            self._verified()
        else:
            self.notice.show_text("warn", t("有效期还没有更新：请再拔插一次 Ukey 后重新读取（指南 3.9 情况 1）。"))
        self.changed()

    def _save_receipt(self) -> None:
        """The receipt of this renewal as PDF or PNG, what clerks send to IT staff in a renewal campaign."""
        name = save_file_name(self, t("保存延期回执"), t("延期回执.pdf"), t("PDF 文件 (*.pdf);;图片 (*.png)"))
        if name:
            self.save_receipt_to(Path(name))

    def save_receipt_to(self, path: Path) -> None:
        """The receipt where the user chose: PDF, or PNG by its suffix."""
        choice, session = self.context.choice, self.context.session
        assert choice is not None

        def save() -> None:
            from ukey_renew.gui import receipt_render

            write = receipt_render.write_png if path.suffix.lower() == ".png" else receipt_render.write_pdf
            write(session.receipt(choice), path)

        self.run(save, lambda _: self.notice.show_text("ok", t("延期回执已保存：{path}", path=path)))

    def _login_test(self) -> None:
        choice = self.context.renewed or self.context.choice
        assert choice is not None
        if not choice.practice:
            from PySide6.QtCore import QUrl
            from PySide6.QtGui import QDesktopServices

            QDesktopServices.openUrl(QUrl(self.context.session.login_url))
            return
        pin = self.login_pin.text()
        self.login_pin.clear()
        self.run(lambda: self.context.session.login_test(choice, pin), self._logged_in)

    def _logged_in(self, user: dict[str, Any]) -> None:
        self.notice.show_text(
            "ok", t("<b>登录成功</b>：{unit}。本次延期成功（指南 2.3 ③）。", unit=user.get("unit_name"))
        )
