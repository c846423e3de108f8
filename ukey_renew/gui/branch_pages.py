"""The pages off the practice renewal: a real key renewed in the browser,
a locked key unlocked, an expired key replaced. Each leads somewhere, so no
check ends in a page without a way on (the journey's map says where).

They ask the window for the tools menu's dialogs (modal: when the signal
returns, the dialog is closed), so each dialog is opened in one place.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QLabel, QPushButton

from ukey_renew import journey
from ukey_renew.gui.context import Context
from ukey_renew.gui.i18n import N_, t
from ukey_renew.gui.page import Page
from ukey_renew.gui.pages import Checked, read_check
from ukey_renew.gui.watch import KeyWatcher
from ukey_renew.journey import Verdict
from ukey_renew.session import KeyChoice

if TYPE_CHECKING:
    from ukey_renew.troubleshoot.faq import Contacts


def _label(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    return label


def _explained(page: Page, text: str, button: QPushButton) -> None:
    """What the button is for, then the button: how these pages lead on."""
    page.layout_.addWidget(_label(text))
    page.layout_.addWidget(button, alignment=Qt.AlignmentFlag.AlignLeft)


class GuidedPage(Page):
    """Guide 2.2 for a real key: the production site is used in the browser,
    and the program goes on to verify by itself once the key holds the new
    certificate. It watches the key while the page is open: events where a
    source gives them (PC/SC, BJCA's service), and a light look every few
    seconds."""

    page_key, guide_step, help_section = journey.GUIDED, N_("2.2 · 第 1–9 步"), "2.2"
    guided_requested = Signal()
    LOOK_MS = 3000

    def __init__(self, context: Context) -> None:
        super().__init__(context, t("在浏览器中延期"))
        self.open = QPushButton(t("在浏览器中延期（引导模式）(&G)"))
        self.open.clicked.connect(self.guided_requested)
        self.reread = QPushButton(t("我已在浏览器中完成延期，重新读取 Ukey(&K)"))
        self.reread.clicked.connect(self._reread)
        _explained(
            self, t("正式延期网站需要在浏览器中操作：点下面的按钮，程序会打开网站并列出每一步（指南 2.2）。"), self.open
        )
        _explained(
            self,
            t("看到“下载成功”后，请拔下并重新插入 Ukey，再点下面的按钮：读到新证书后即可验证（指南 2.3）。"),
            self.reread,
        )
        self.finish_layout()
        self._look_timer = QTimer(self)
        self._look_timer.setInterval(self.LOOK_MS)
        self._look_timer.timeout.connect(self._look)
        self.watcher = KeyWatcher(context.session, self)
        self.watcher.changed.connect(self._look, Qt.ConnectionType.QueuedConnection)

    def initializePage(self) -> None:  # noqa: N802
        super().initializePage()
        self._look_timer.start()
        self.watcher.start()

    def cleanupPage(self) -> None:  # noqa: N802
        self._stop_watching()

    def validatePage(self) -> bool:  # noqa: N802
        self._stop_watching()
        return True

    def _stop_watching(self) -> None:
        self._look_timer.stop()
        self.watcher.stop()

    def _look(self) -> None:
        """Unasked: a look that finds nothing says nothing."""
        if not self.busy and not self.context.journey.new_certificate_seen:
            self._read(quiet=True)

    def _reread(self) -> None:
        self._read(quiet=False)

    def _read(self, quiet: bool) -> None:
        choice = self.context.choice
        assert choice is not None
        session = self.context.session
        self.run(lambda: session.renewed_certificate(choice), lambda fresh: self._read_done(fresh, quiet), quiet=quiet)

    def _read_done(self, fresh: KeyChoice | None, quiet: bool) -> None:
        if fresh is not None:
            self.certificate_changed(fresh)
        elif not quiet:
            self.notice.show_text("warn", t("Ukey 上还是原来的证书：请确认网站已提示下载成功，再拔插一次 Ukey。"))

    def certificate_changed(self, fresh: KeyChoice) -> None:
        """The key holds the new certificate: recorded (the activation counts
        from now, guide 2.3 ③), then on to verify without the user's click."""
        self._stop_watching()
        self.context.renewed = fresh
        choice = self.context.choice
        assert choice is not None
        session = self.context.session
        self.notice.show_text("ok", t("<b>Ukey 上已是新证书。</b>正在转到验证（指南 2.3）……"))
        self.run(lambda: session.renewed_in_browser(choice, fresh), self._recorded, self._recorded, quiet=True)

    def _recorded(self, _outcome: object) -> None:
        """Recorded or not (the record only helps later), the journey goes on."""
        self.context.journey.new_certificate_seen = True
        self.changed()
        wizard = self.wizard()
        if wizard is not None and wizard.currentPage() is self:
            wizard.next()


class UnlockPage(Page):
    """Guide 3.6: a locked key is unlocked through the site; then the key is
    checked again and the journey goes on as the check says."""

    page_key, guide_step, help_section = journey.UNLOCK, "3.6", "3.6"
    unlock_requested = Signal()

    def __init__(self, context: Context) -> None:
        super().__init__(context, t("解锁 Ukey 密码"))
        self.state = _label("")
        self.request = QPushButton(t("申请解锁 Ukey 密码(&U)（指南 3.6）"))
        self.request.clicked.connect(self._unlock)
        _explained(
            self,
            t(
                "Ukey 密码已锁定，延期前需要先解锁（指南 3.6）：提交申请，等工作人员审核后"
                "收到授权码，再设置新密码。申请会保存，关闭程序后也可以接着办。"
            ),
            self.request,
        )
        self.layout_.addWidget(self.state)
        self.finish_layout()

    def _unlock(self) -> None:
        self.unlock_requested.emit()
        choice = self.context.choice
        assert choice is not None
        session = self.context.session
        self.run(lambda: read_check(session, choice), self._checked)

    def _checked(self, found: Checked) -> None:
        wizard = self.wizard()
        if wizard is None or wizard.currentPage() is not self:
            return  # the wizard moved on meanwhile (a practice key reset starts it again): nothing to tell
        found.fill(self.context.journey)
        if found.verdict is Verdict.LOCKED:
            self.state.setText(t("Ukey 密码仍处于锁定状态。"))
        else:
            self.state.setText(t("<b>已解锁。</b>请点“下一步”继续延期。"))


class ReplacementPage(Page):
    """Guide 1.3 note 2 and 3.7: expired over 30 days, the key is replaced on
    a letter with the office's seal; the letter is written here, and the page
    says where it and the key go."""

    page_key, guide_step, help_section = journey.REPLACEMENT, "3.7", "3.7"
    letter_requested = Signal()

    def __init__(self, context: Context) -> None:
        super().__init__(context, t("申请更换 Ukey"))
        self.letter = QPushButton(t("补办 Ukey 申请函(&L)…（指南 3.7）"))
        self.letter.clicked.connect(self.letter_requested)
        _explained(
            self,
            t(
                "证书过期超过 30 天，不能在线延期，需要更换 Ukey（指南 1.3 注 2）。"
                "请用下面的按钮填写申请函（情况为“过期”），打印后加盖公章。"
            ),
            self.letter,
        )
        self.send = _label("")
        self.send.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.layout_.addWidget(self.send)
        self.finish_layout()

    def initializePage(self) -> None:  # noqa: N802
        super().initializePage()
        from ukey_renew.troubleshoot.faq import load_contacts  # not before the first paint

        self.run(load_contacts, self._show_recipient)

    def _show_recipient(self, contacts: Contacts) -> None:
        sent_to = contacts.replacement
        self.send.setText(
            t(
                "<b>寄送（指南 3.7）：</b>申请函和这把 Ukey 以机要通道或快递寄到最高检。<br>"
                "收件人：{name}，电话 {phone}<br>地址：{address}<br>"
                "申请函须写清：检察院名称、组织机构代码、Ukey 类型、申请内容及情况说明、"
                "接收新 Ukey 的联系人姓名、电话和收件地址，并加盖公章。",
                name=sent_to.name,
                phone=sent_to.phone,
                address=sent_to.address,
            )
        )
