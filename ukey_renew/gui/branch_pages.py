"""The pages off the practice renewal: a real key renewed in the browser,
a locked key unlocked, an expired key replaced. Each leads somewhere, so no
check ends in a page without a way on (the journey's map says where).

They ask the window for the tools menu's dialogs (modal: when the signal
returns, the dialog is closed), so each dialog is opened in one place.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QPushButton

from ukey_renew import journey
from ukey_renew.gui.context import Context
from ukey_renew.gui.i18n import N_, t
from ukey_renew.gui.pages import Checked, Page, read_check
from ukey_renew.journey import Verdict
from ukey_renew.session import KeyChoice


def _label(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    return label


class GuidedPage(Page):
    """Guide 2.2 for a real key: the production site is used in the browser,
    and the program goes on to verify once the key holds the new certificate."""

    page_key, guide_step, help_section = journey.GUIDED, N_("2.2 · 第 1–9 步"), "2.2"
    guided_requested = Signal()

    def __init__(self, context: Context) -> None:
        super().__init__(context, t("在浏览器中延期"))
        self.open = QPushButton(t("在浏览器中延期（引导模式）(&G)"))
        self.open.clicked.connect(self.guided_requested)
        self.reread = QPushButton(t("我已在浏览器中完成延期，重新读取 Ukey(&K)"))
        self.reread.clicked.connect(self._reread)
        self.layout_.addWidget(
            _label(t("正式延期网站需要在浏览器中操作：点下面的按钮，程序会打开网站并列出每一步（指南 2.2）。"))
        )
        self.layout_.addWidget(self.open, alignment=Qt.AlignmentFlag.AlignLeft)
        self.layout_.addWidget(
            _label(t("看到“下载成功”后，请拔下并重新插入 Ukey，再点下面的按钮：读到新证书后即可验证（指南 2.3）。"))
        )
        self.layout_.addWidget(self.reread, alignment=Qt.AlignmentFlag.AlignLeft)
        self.finish_layout()

    def _reread(self) -> None:
        choice = self.context.choice
        assert choice is not None
        session = self.context.session
        self.run(lambda: session.reread(choice), self._reread_done)

    def _reread_done(self, fresh: KeyChoice) -> None:
        choice = self.context.choice
        assert choice is not None
        if fresh.info.not_after > choice.info.not_after:
            self.certificate_changed(fresh)
        else:
            self.notice.show_text("warn", t("Ukey 上还是原来的证书：请确认网站已提示下载成功，再拔插一次 Ukey。"))

    def certificate_changed(self, fresh: KeyChoice) -> None:
        """The key holds a new certificate: the journey may go on to verify.
        Called on the user's word now; a watch on the key is to call it by
        itself."""
        self.context.renewed = fresh
        self.context.journey.new_certificate_seen = True
        self.notice.show_text("ok", t("<b>Ukey 上已是新证书。</b>请点“下一步”验证（指南 2.3）。"))
        self.completeChanged.emit()


class UnlockPage(Page):
    """Guide 3.6: a locked key is unlocked through the site; then the key is
    checked again and the journey goes on as the check says."""

    page_key, guide_step, help_section = journey.UNLOCK, "3.6", "3.6"
    unlock_requested = Signal()

    def __init__(self, context: Context) -> None:
        super().__init__(context, t("解锁 Ukey 密码"))
        self.state = _label("")
        unlock = QPushButton(t("申请解锁 Ukey 密码(&U)（指南 3.6）"))
        unlock.clicked.connect(self._unlock)
        self.layout_.addWidget(
            _label(
                t(
                    "Ukey 密码已锁定，延期前需要先解锁（指南 3.6）：提交申请，等工作人员审核后"
                    "收到授权码，再设置新密码。申请会保存，关闭程序后也可以接着办。"
                )
            )
        )
        self.layout_.addWidget(unlock, alignment=Qt.AlignmentFlag.AlignLeft)
        self.layout_.addWidget(self.state)
        self.finish_layout()

    def _unlock(self) -> None:
        self.unlock_requested.emit()
        choice = self.context.choice
        assert choice is not None
        session = self.context.session
        self.run(lambda: read_check(session, choice), self._checked)

    def _checked(self, found: Checked) -> None:
        found.fill(self.context.journey)
        if found.verdict is Verdict.LOCKED:
            self.state.setText(t("Ukey 密码仍处于锁定状态。"))
        else:
            self.state.setText(t("<b>已解锁。</b>请点“下一步”继续延期。"))


class ReplacementPage(Page):
    """Guide 1.3 note 2 and 3.7: expired over 30 days, the key is replaced on
    a letter with the office's seal; the letter is written here."""

    page_key, guide_step, help_section = journey.REPLACEMENT, "3.7", "3.7"
    letter_requested = Signal()

    def __init__(self, context: Context) -> None:
        super().__init__(context, t("申请更换 Ukey"))
        letter = QPushButton(t("补办 Ukey 申请函(&L)…（指南 3.7）"))
        letter.clicked.connect(self.letter_requested)
        self.layout_.addWidget(
            _label(
                t(
                    "证书过期超过 30 天，不能在线延期，需要更换 Ukey（指南 1.3 注 2）。"
                    "请用下面的按钮填写申请函，打印后加盖公章，按指南 3.7 寄出。"
                )
            )
        )
        self.layout_.addWidget(letter, alignment=Qt.AlignmentFlag.AlignLeft)
        self.finish_layout()
