"""Key insertion and removal, noticed at once through the session's PC/SC
events while the first page is open. Without PC/SC the watcher simply ends;
the page's light poll still finds keys."""

from __future__ import annotations

import threading

from PySide6.QtCore import QObject, Signal

from ukey_renew.session import CardEvents


class CardWatcher(QObject):
    changed = Signal()  # a card or reader came or went

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._events = CardEvents()
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        if self._thread is not None and self._thread.is_alive():
            return
        self._events = CardEvents()  # the last one stays stopped
        self._thread = threading.Thread(
            target=self._events.watch, args=(self.changed.emit,), name="ukey-pcsc", daemon=True
        )
        self._thread.start()

    def stop(self) -> None:
        self._events.stop()
