"""Guided mode for the production site: the exact renewal URL opened in 360
Secure Browser (or the default browser) and copied, the guide's sub-steps as a
checklist, the holder recorded locally all the same."""

from __future__ import annotations

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from ukey_renew.errors import UkeyError
from ukey_renew.gui.context import Context
from ukey_renew.gui.dialogs import JobDialog
from ukey_renew.gui.i18n import N_, t
from ukey_renew.installed import browser_360, open_in
from ukey_renew.rules import check_holder
from ukey_renew.session import KeyChoice

# guide 2.2 ①–⑨, as the user ticks them off in the browser
GUIDED_STEPS = (
    N_("① 打开 360 安全浏览器，进入证书延期网站（网址已复制）"),
    N_("② 点地址栏右侧的⚡，选择“兼容模式”"),
    N_("③ 点“更新数字证书”，输入 Ukey 密码，点“登录”"),
    N_("④ 填写当前持有 Ukey 人员的姓名和手机号、验证码，点“提交”"),
    N_("⑤ 核对信息，点“下一步”"),
    N_("⑥ 输入新的 Ukey 密码（6–8 位字母和数字）和验证码，点“下载证书”"),
    N_("⑦ 在下载页面点“下载证书”"),
    N_("⑧ 等待约 2 分钟，期间不要拔出 Ukey、不要断网"),
    N_("⑨ 看到下载成功的提示：延期完成"),
)


class GuidedDialog(JobDialog):
    """The production site in the user's browser, with the guide's sub-steps as a checklist."""

    def __init__(self, context: Context, choice: KeyChoice | None, parent: QWidget | None = None) -> None:
        super().__init__(context, t("引导模式：在浏览器中延期（指南 2.2）"), parent)
        self.choice = choice
        self.url = context.session.renewal_url
        link = QLabel(t("证书延期网站：<b>{url}</b>（无需手动输入，已可一键打开和复制）", url=self.url))
        link.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        link.setWordWrap(True)
        self.browser = browser_360()
        open_button = QPushButton(t("用 360 安全浏览器打开(&O)") if self.browser else t("用默认浏览器打开(&O)"))
        open_button.clicked.connect(self._open)
        copy = QPushButton(t("复制网址(&C)"))
        copy.clicked.connect(lambda: QGuiApplication.clipboard().setText(self.url))
        self.layout_.addWidget(link)
        self.layout_.addWidget(open_button, alignment=Qt.AlignmentFlag.AlignLeft)
        self.layout_.addWidget(copy, alignment=Qt.AlignmentFlag.AlignLeft)
        self.checks = [QCheckBox(t(text)) for text in GUIDED_STEPS]
        for box in self.checks:
            self.layout_.addWidget(box)
        form = QFormLayout()
        self.name = QLineEdit()
        self.name.setAccessibleName(t("持有人姓名"))
        self.mobile = QLineEdit()
        self.mobile.setAccessibleName(t("持有人手机号"))
        form.addRow(t("持有人姓名(&N)："), self.name)
        form.addRow(t("持有人手机(&M)："), self.mobile)
        save = QPushButton(t("在本机记录持有人信息(&S)"))
        save.clicked.connect(self._save_holder)
        self.layout_.addLayout(form)
        self.layout_.addWidget(save, alignment=Qt.AlignmentFlag.AlignLeft)
        self.layout_.addWidget(self.notice)
        QGuiApplication.clipboard().setText(self.url)

    def _open(self) -> None:
        program = self.browser
        if program:
            self.run(lambda: open_in(program, self.url), lambda _: None)
        else:
            QDesktopServices.openUrl(QUrl(self.url))

    def _save_holder(self) -> None:
        try:
            name, mobile = check_holder(self.name.text(), self.mobile.text())
        except UkeyError as exc:
            self.notice.show_error(exc)
            return
        choice, session = self.choice, self.context.session
        if choice is None:
            self.notice.show_text("warn", t("请先在第一页选择一把 Ukey，持有人信息会记在这把 Ukey 名下。"))
            return
        self.run(
            lambda: session.record_holder(choice, name, mobile),
            lambda _: self.notice.show_text("ok", t("已记录。以后申请解锁时会自动填写（指南 3.6）。")),
        )
