"""Unhandled exceptions in the wizard: logged and shown, never lost.

The windowed exe has no console, so Python's own hooks would print the
traceback to nowhere and the user would see a window that just stops
working. These hooks write it to the program's log and tell the user what
happened, where the log is and how to reach IT staff (guide 3.12). A worker
thread's exception reaches the notice by a queued signal: widgets are only
touched on the GUI thread. The notice itself (a dialog, and the style's
icons with their many enums) loads at the first crash, not at start-up.
"""

from __future__ import annotations

import logging
import sys
import threading
from collections.abc import Callable
from types import TracebackType
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from ukey_renew.gui.crash_notice import CrashNotice

log = logging.getLogger(__name__)


class CrashHooks(QObject):
    """``sys.excepthook`` and ``threading.excepthook`` for the wizard's life."""

    crashed = Signal(str)  # the exception's type name, from whichever thread

    def __init__(self, window: QWidget, copy_support: Callable[[], None]) -> None:
        super().__init__()
        self._window = window
        self._copy_support = copy_support
        self.notice: CrashNotice | None = None
        # From another thread the notice is queued to this one; from this one it opens in
        # the loop's next turn (:meth:`_show`), not inside the handler that failed.
        self.crashed.connect(self._show)

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
        QTimer.singleShot(0, lambda: self._open(error))

    def _open(self, error: str) -> None:
        """One notice at a time: a fault in painting would otherwise open one per repaint."""
        if self.notice is not None:
            return
        from ukey_renew.gui.crash_notice import CrashNotice

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
