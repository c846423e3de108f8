"""Key insertion and removal, noticed at once through PC/SC events while the
first page is open. Without PC/SC the watcher simply ends; the page's light
poll still finds keys (many SM2 keys are HID-only and never show up in PC/SC)."""

from __future__ import annotations

import threading
from typing import Any

from PySide6.QtCore import QObject, Signal

from ukey_renew.errors import UkeyError

_WAIT_SECONDS = 5.0


class CardWatcher(QObject):
    changed = Signal()  # a card or reader came or went

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._stop = threading.Event()
        self._monitor: Any = None
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        if self._thread is not None and self._thread.is_alive():
            return
        self._stop.clear()
        self._thread = threading.Thread(target=self._run, name="ukey-pcsc", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._monitor is not None:
            self._monitor.cancel()  # wakes the blocked SCardGetStatusChange

    def _run(self) -> None:
        from ukey_renew.token.pcsc import PcscMonitor

        try:
            monitor = PcscMonitor()
        except UkeyError:
            return  # PC/SC support not installed, or not working on this computer
        self._monitor = monitor
        try:
            while not self._stop.is_set():
                if monitor.wait(_WAIT_SECONDS):
                    self.changed.emit()
        except UkeyError:
            pass  # the PC/SC service went away; the poll carries on
        finally:
            self._monitor = None
            monitor.close()
