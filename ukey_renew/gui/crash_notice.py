"""What the user sees of an unhandled exception (``crash.py``): what went
wrong, where the log is, and the support summary to copy."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QHBoxLayout, QLabel, QStyle, QVBoxLayout, QWidget

from ukey_renew import log as logsetup
from ukey_renew.gui.i18n import t


class CrashNotice(QDialog):
    """What went wrong, where the log is, and the support summary to copy.
    Opened, not executed: it must not stop the event loop it reports on."""

    def __init__(self, error: str, copy_support: Callable[[], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(t("程序出错"))
        icon = QLabel()
        icon.setPixmap(self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxCritical).pixmap(48, 48))
        written = logsetup.written()  # never send the user looking for a log that could not be written
        self.text = QLabel(
            "\n\n".join(
                [
                    t("程序遇到意外错误（{error}），刚才的操作可能没有完成。", error=error),
                    t("详细信息已写入日志：{path}", path=str(written))
                    if written
                    else t("日志无法写入（磁盘已满或没有写入权限），详细信息没有保存。"),
                    t("请点“复制支持信息”，连同日志文件发给 Ukey 运维人员（指南 3.12）。")
                    if written
                    else t("请点“复制支持信息”，发给 Ukey 运维人员（指南 3.12）。"),
                ]
            )
        )
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        self.text.setWordWrap(True)
        self.text.setMinimumWidth(460)  # room for the log's path, which has no spaces to wrap at
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.copy_button = buttons.addButton(t("复制支持信息(&I)"), QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.clicked.connect(copy_support)
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(icon, 0, Qt.AlignmentFlag.AlignTop)
        row.addWidget(self.text, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(buttons)
