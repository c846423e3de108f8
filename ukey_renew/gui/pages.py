"""The wizard's pages, one per step of the guide (chapter 2); the renewal
page itself is in ``renew_page.py``.

Pages only present: every key, network or disk operation goes through
:meth:`Page.run` (a worker thread) or the renewal engine in a job.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QRegularExpressionValidator
from PySide6.QtWidgets import (
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWizard,
    QWizardPage,
)

from ukey_renew.dates import guide_date as day
from ukey_renew.errors import HolderInvalid, UkeyError
from ukey_renew.gui.context import Context
from ukey_renew.gui.i18n import N_, t
from ukey_renew.gui.watch import CardWatcher
from ukey_renew.gui.widgets import Notice, ValidityTable, scrolling
from ukey_renew.gui.worker import Job
from ukey_renew.rules import check_holder

# Page ids, in the order of the guide.
DETECT, CHECK, FORM, RENEW, VERIFY = range(5)


class Page(QWizardPage):
    """A page that names its guide step and runs its work off the GUI thread.

    ``help_section`` is the FAQ entry its Help button opens. What the page
    shows goes in ``layout_``, which scrolls when the window is short.
    """

    page_key = ""
    guide_step = ""
    help_section = ""

    def __init__(self, context: Context, title: str) -> None:
        super().__init__()
        self.context = context
        self.setTitle(title)
        self.setSubTitle(t("指南 {step}", step=t(self.guide_step)))
        self.layout_ = QVBoxLayout()
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scrolling(self.layout_))
        self.notice = Notice()
        self._jobs: list[Job] = []

    def finish_layout(self) -> None:
        self.layout_.addStretch(1)
        self.layout_.addWidget(self.notice)

    @property
    def busy(self) -> bool:
        return any(job.running for job in self._jobs)

    def run(
        self, work: Callable[[], Any], done: Callable[[Any], None], failed: Callable[[UkeyError], None] | None = None
    ) -> None:
        self.notice.clear()
        job = Job(work, self)
        self._jobs = [j for j in self._jobs if j.running] + [job]
        job.start(lambda result: self._done(done, result), lambda error: self._failed(failed, error))
        self.completeChanged.emit()

    def _done(self, done: Callable[[Any], None], result: Any) -> None:
        done(result)
        self.completeChanged.emit()

    def _failed(self, failed: Callable[[UkeyError], None] | None, error: UkeyError) -> None:
        self.context.last_error = error
        self.notice.show_error(error)
        if failed:
            failed(error)
        self.completeChanged.emit()

    def initializePage(self) -> None:  # noqa: N802 - Qt's name
        self.context.step = f"{self.page_key}（{self.guide_step}）"


class DetectPage(Page):
    """Guide 1.3 and 2.1 ①: insert the red key; we find it."""

    page_key, guide_step, help_section = "detect", N_("2.1 · 第 1 步"), "3.3"
    keys_changed = Signal()

    def __init__(self, context: Context) -> None:
        super().__init__(context, t("插入红色 Ukey"))
        intro = QLabel(
            t(
                "请把需要延期的<b>红色 Ukey</b> 插入电脑。只对红色 Ukey 延期；"
                "只有蓝色或银色 Ukey 时无需延期（指南 1.3 注 1）。"
            )
        )
        intro.setWordWrap(True)
        self.keys = QListWidget()
        self.keys.setAccessibleName(t("检测到的 Ukey"))
        self.keys.currentRowChanged.connect(self._chosen)
        self.refresh = QPushButton(t("重新检测(&R)"))
        self.refresh.clicked.connect(self.detect)
        self.layout_.addWidget(intro)
        self.layout_.addWidget(self.keys)
        self.layout_.addWidget(self.refresh, alignment=Qt.AlignmentFlag.AlignLeft)
        self.finish_layout()
        # Real keys: a light poll (HID-only keys give no other sign), and PC/SC
        # events for the cards that do, so those show up at once.
        self._poll = QTimer(self)
        self._poll.setInterval(3000)
        self._poll.timeout.connect(lambda: None if self.busy else self.detect())
        self.watcher = CardWatcher(self)
        self.watcher.changed.connect(self._card_changed, Qt.ConnectionType.QueuedConnection)
        self._first_look_after_paint = True
        body = self.layout_.parentWidget()  # what is painted: the page's scrolling body
        assert body is not None
        body.installEventFilter(self)

    def initializePage(self) -> None:  # noqa: N802
        super().initializePage()
        if not self._first_look_after_paint:
            self.detect()
        if not self.context.tour and not self.context.session.practice_only:
            self.watcher.start()
            self._poll.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        """The first look at the key loads its drivers and the certificate
        code in a worker; started once the page is painted, it does not
        compete with the start-up for the interpreter."""
        if event.type() == QEvent.Type.Paint and self._first_look_after_paint:
            self._first_look_after_paint = False
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self.detect)
        return False

    def _card_changed(self) -> None:
        if not self.busy:
            self.detect()

    def cleanupPage(self) -> None:  # noqa: N802
        self._stop_watching()

    def _stop_watching(self) -> None:
        self._poll.stop()
        self.watcher.stop()

    def detect(self) -> None:
        self.run(self.context.session.detect, self._show)

    def _show(self, found: tuple[list[Any], list[UkeyError]]) -> None:
        choices, problems = found
        titles = [choice.title() for choice in choices]
        if titles == [self.keys.item(i).text() for i in range(self.keys.count())]:
            return  # nothing new: keep the user's selection
        self.context.choices = choices
        self.keys.clear()
        for title in titles:
            self.keys.addItem(QListWidgetItem(title))
        if choices:
            real = [i for i, choice in enumerate(choices) if not choice.practice]
            self.keys.setCurrentRow(real[0] if real else 0)
        if problems:
            self.notice.show_error(problems[0])
        self.keys_changed.emit()

    def _chosen(self, row: int) -> None:
        self.context.choice = self.context.choices[row] if 0 <= row < len(self.context.choices) else None
        self.completeChanged.emit()

    def isComplete(self) -> bool:  # noqa: N802
        return self.context.choice is not None

    def validatePage(self) -> bool:  # noqa: N802
        self._stop_watching()
        return True


class CheckPage(Page):
    """Guide 2.1 ②: who the certificate belongs to, how long it runs, and whether it can be renewed."""

    page_key, guide_step, help_section = "check", N_("2.1 · 第 2 步"), "1.3"
    unlock_requested = Signal()
    guided_requested = Signal()

    def __init__(self, context: Context) -> None:
        super().__init__(context, t("查看证书有效期"))
        self.details = QLabel()
        self.details.setWordWrap(True)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.verdict = Notice()
        self.unlock = QPushButton(t("申请解锁 Ukey 密码(&U)（指南 3.6）"))
        self.unlock.clicked.connect(self.unlock_requested)
        self.unlock.hide()
        self.guided = QPushButton(t("在浏览器中延期（引导模式）(&G)"))
        self.guided.clicked.connect(self.guided_requested)
        self.guided.hide()
        self.layout_.addWidget(self.details)
        self.layout_.addWidget(self.verdict)
        self.layout_.addWidget(self.unlock, alignment=Qt.AlignmentFlag.AlignLeft)
        self.layout_.addWidget(self.guided, alignment=Qt.AlignmentFlag.AlignLeft)
        self.finish_layout()
        self._eligible = False

    def initializePage(self) -> None:  # noqa: N802
        super().initializePage()
        choice = self.context.choice
        assert choice is not None
        self._eligible = False
        self.details.setText(t("正在读取 Ukey……"))
        self.run(lambda: self.context.session.check(choice), self._show)

    def _show(self, found: tuple[Any, Any]) -> None:
        pin, verdict = found
        choice = self.context.choice
        assert choice is not None
        info, now = choice.info, self.context.session.clock()
        rows = [
            (t("证书名称（单位）"), f"<b>{info.subject_cn or '—'}</b>"),
            (t("组织机构代码"), info.org_code or "—"),
            (t("有效期"), t("{start} 至 {end}", start=day(info.not_before), end=day(info.not_after))),
            (t("剩余天数"), str(info.days_left(now))),
            ("Ukey", t("{model}，序列号 {serial}", model=choice.key.model, serial=choice.serial)),
        ]
        table = "".join(f"<tr><td>{label}</td><td>{value}</td></tr>" for label, value in rows)
        self.details.setText(
            f"<table cellspacing=6>{table}</table><p>{t('请记下当前有效期，延期后用来比对（指南 2.1 ②）。')}</p>"
        )
        self._eligible = verdict.eligible and not pin.locked
        if not verdict.eligible:
            self.verdict.show_text(
                "error",
                f"<b>{verdict.message}</b><br>"
                + t(
                    "更换 Ukey 需要申请函，内容见指南 3.7："
                    "检察院名称、组织机构代码、Ukey 类型、情况说明、收件人信息，并加盖公章。"
                ),
            )
        elif pin.locked:
            self.verdict.show_text("error", t("<b>Ukey 密码已锁定。</b>请先申请解锁（指南 3.6），再继续延期。"))
        elif not choice.practice:
            self.verdict.show_text(
                "info",
                verdict.message
                + "<br>"
                + t("正式延期网站目前需要在浏览器中操作：请点下面的按钮，程序会打开网站并逐步提示（指南 2.2）。"),
            )
        else:
            self.verdict.show_text("ok", verdict.message + t("（指南 2.1 注：无论有效期到哪一年，都需要延期。）"))
        self.unlock.setVisible(pin.locked)
        self.guided.setVisible(verdict.eligible and not choice.practice)

    def isComplete(self) -> bool:  # noqa: N802
        return self._eligible and not self.busy


class FormPage(Page):
    """Guide 2.2 ③④: the Ukey password and the current holder."""

    page_key, guide_step, help_section = "form", N_("2.2 · 第 3–4 步"), "2.2"

    def __init__(self, context: Context) -> None:
        super().__init__(context, t("登录并填写持有人信息"))
        form = QFormLayout()
        self.pin = QLineEdit()
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin.setAccessibleName(t("Ukey 密码"))
        self.pin.setPlaceholderText(t("登录时输入的密码，默认 111111"))
        self.pin_hint = QLabel()
        self.pin_hint.setWordWrap(True)
        self.name = QLineEdit()
        self.name.setAccessibleName(t("持有人姓名"))
        self.mobile = QLineEdit()
        self.mobile.setAccessibleName(t("持有人手机号"))
        self.mobile.setValidator(QRegularExpressionValidator(r"[0-9 -]{0,15}"))
        self.rule = QLabel()
        self.rule.setWordWrap(True)
        form.addRow(t("Ukey 密码(&P)："), self.pin)
        form.addRow("", self.pin_hint)
        form.addRow(t("持有人姓名(&N)："), self.name)
        form.addRow(t("持有人手机号(&M)："), self.mobile)
        note = QLabel(
            t(
                "<b>请填写当前持有 Ukey 人员的姓名和手机号，并记录下来</b>："
                "以后忘记密码申请解锁时要填写同样的信息（指南 2.2 ④）。"
            )
        )
        note.setWordWrap(True)
        self.layout_.addLayout(form)
        self.layout_.addWidget(note)
        self.layout_.addWidget(self.rule)
        self.finish_layout()
        for field in (self.pin, self.name, self.mobile):
            field.textChanged.connect(self._changed)
        self.setCommitPage(True)
        self.setButtonText(QWizard.WizardButton.CommitButton, t("开始延期(&S)"))

    def initializePage(self) -> None:  # noqa: N802
        super().initializePage()
        choice = self.context.choice
        assert choice is not None
        tour = self.context.tour
        self.run(
            lambda: (choice.token.pin_status(), self.context.session.records.last_holder(choice.serial)),
            self._prefill,
        )
        if tour:
            self.pin.setText(tour.pin)
            self.name.setText(tour.holder_name)
            self.mobile.setText(tour.holder_mobile)

    def _prefill(self, found: tuple[Any, tuple[str, str] | None]) -> None:
        pin, holder = found
        left = pin.retries_left
        if left is not None and left <= 2:
            warning = t(
                "<b>注意：只剩 {left} 次机会！</b>输错将锁定 Ukey。忘记密码请不要尝试，按指南 3.6 申请解锁。", left=left
            )
            self.pin_hint.setText(f"<span style='color:#b00020'>{warning}</span>")
        elif left is not None:
            self.pin_hint.setText(t("还可尝试 {left} 次。密码只会尝试一次，不会自动重试。", left=left))
        else:
            self.pin_hint.setText(t("密码只会尝试一次，不会自动重试。"))
        if holder and not self.name.text():
            self.name.setText(holder[0])
            self.mobile.setText(holder[1])

    def _changed(self) -> None:
        self.rule.clear()
        if self.name.text() or self.mobile.text():
            try:
                check_holder(self.name.text(), self.mobile.text())
            except HolderInvalid as exc:
                self.rule.setText(f"<span style='color:#b00020'>{exc.message}</span>")
        self.completeChanged.emit()

    def isComplete(self) -> bool:  # noqa: N802
        try:
            check_holder(self.name.text(), self.mobile.text())
        except HolderInvalid:
            return False
        return bool(self.pin.text()) and not self.busy


class VerifyPage(Page):
    """Guide 2.3: replug, re-read, compare, wait out the activation, test the login."""

    page_key, guide_step, help_section = "verify", "2.3", "3.9"

    def __init__(self, context: Context) -> None:
        super().__init__(context, t("验证延期是否成功"))
        self.instructions = QLabel()
        self.instructions.setWordWrap(True)
        self.replug = QPushButton(t("我已拔下并重新插入 Ukey(&K)"))
        self.replug.clicked.connect(self._reread)
        self.table = ValidityTable()
        self.countdown = QLabel()
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
        self.finish_layout()
        self._tick = QTimer(self)
        self._tick.setInterval(1000)
        self._tick.timeout.connect(self._update_countdown)
        self._activation: Any = None
        self.verified = False

    def initializePage(self) -> None:  # noqa: N802
        super().initializePage()
        self.instructions.setText(
            t("1）请先拔下 Ukey，再重新插入（指南 2.3 ①），然后点下面的按钮重新读取证书。")
            + (
                t("<br>练习模式：练习 Ukey 是软件，直接点按钮即可。")
                if self.context.choice and self.context.choice.practice
                else ""
            )
        )
        choice = self.context.choice
        assert choice is not None
        self.table.show_pair(choice.info, None, self.context.session.clock())
        self.run(lambda: self.context.session.last_renewal(choice), self._activation_from)
        if self.context.tour:
            QTimer.singleShot(0, self._reread)

    def _activation_from(self, record: Any) -> None:
        if record is not None and record.activation_at:
            self._activation = datetime.fromisoformat(record.activation_at)  # persisted: a restart continues it
            self._tick.start()
            self._update_countdown()

    def _update_countdown(self) -> None:
        if self._activation is None:
            return
        left = (self._activation - self.context.session.clock()).total_seconds()
        if left > 0:
            minutes, seconds = divmod(int(left), 60)
            self.countdown.setText(
                t("新证书将在 {left} 后生效（指南 2.3 ③、3.9 情况 2）。", left=f"{minutes:02d}:{seconds:02d}")
            )
        else:
            self.countdown.setText(t("新证书已生效，可以登录验证。"))
            self._tick.stop()

    def _reread(self) -> None:
        choice = self.context.choice
        assert choice is not None
        self.run(lambda: self.context.session.reread(choice), self._reread_done)

    def _reread_done(self, fresh: Any) -> None:
        choice = self.context.choice
        assert choice is not None
        self.context.renewed = fresh
        self.table.show_pair(choice.info, fresh.info, self.context.session.clock())
        if fresh.info.not_after > choice.info.not_after:
            self.notice.show_text(
                "ok", t("<b>有效期已延长。</b>等新证书生效后，请先关闭浏览器再打开，登录平台验证（指南 2.3 ③）。")
            )
            self.verified = True
        else:
            self.notice.show_text("warn", t("有效期还没有更新：请再拔插一次 Ukey 后重新读取（指南 3.9 情况 1）。"))
        self.completeChanged.emit()

    def _login_test(self) -> None:
        choice = self.context.renewed or self.context.choice
        assert choice is not None
        if not choice.practice:
            QDesktopServices.openUrl(QUrl(self.context.session.production.login_url))
            return
        pin = self.login_pin.text()
        self.login_pin.clear()
        self.run(lambda: self.context.session.login_test(choice, pin), self._logged_in)

    def _logged_in(self, user: dict[str, Any]) -> None:
        self.notice.show_text(
            "ok", t("<b>登录成功</b>：{unit}。本次延期成功（指南 2.3 ③）。", unit=user.get("unit_name"))
        )

    def isComplete(self) -> bool:  # noqa: N802
        return self.verified and not self.busy
