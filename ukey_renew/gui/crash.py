"""Unhandled exceptions in the wizard: logged and shown, never lost.

The windowed exe has no console, so Python's own hooks would print the
traceback to nowhere and the user would see a window that just stops
working. These hooks write it to the program's log and tell the user what
happened, where the log is and how to reach IT staff (guide 3.12). A worker
thread's exception reaches the notice by a queued signal: widgets are only
touched on the GUI thread.
"""

from __future__ import annotations

import logging
import sys
import threading
from collections.abc import Callable
from types import TracebackType

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QHBoxLayout, QLabel, QStyle, QVBoxLayout, QWidget

from ukey_renew import log as logsetup
from ukey_renew.gui.i18n import t

log = logging.getLogger(__name__)


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


class CrashHooks(QObject):
    """``sys.excepthook`` and ``threading.excepthook`` for the wizard's life."""

    crashed = Signal(str)  # the exception's type name, from whichever thread

    def __init__(self, window: QWidget, copy_support: Callable[[], None]) -> None:
        super().__init__()
        self._window = window
        self._copy_support = copy_support
        self.notice: CrashNotice | None = None
        self.crashed.connect(self._show, Qt.ConnectionType.QueuedConnection)

    def on_exception(self, kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
        log.critical("unhandled exception", exc_info=(kind, value, tb))
        self.crashed.emit(kind.__name__)

    def on_thread_exception(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_type is SystemExit:  # a thread that chose to end, as the default hook sees it
            return
        thread = args.thread.name if args.thread else "?"
        log.critical("unhandled exception in thread %s", thread, exc_info=args.exc_value)
        self.crashed.emit(args.exc_type.__name__)

    def _show(self, error: str) -> None:
        """One notice at a time: a fault in painting would otherwise open one per repaint."""
        if self.notice is not None:
            return
        self.notice = CrashNotice(error, self._copy_support, self._window)
        self.notice.finished.connect(self._closed)
        self.notice.open()

    def _closed(self) -> None:
        self.notice = None


def install(window: QWidget, copy_support: Callable[[], None]) -> CrashHooks:
    hooks = CrashHooks(window, copy_support)
    sys.excepthook = hooks.on_exception
    threading.excepthook = hooks.on_thread_exception
    return hooks
