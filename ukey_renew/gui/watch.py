"""Keys plugged in and pulled out, noticed at once while a page that waits
for one is open: each of the session's event sources (PC/SC, BJCA's
service) blocks a thread of its own here. A source that cannot run simply
ends; the page's light poll still finds keys."""

from __future__ import annotations

import threading

from PySide6.QtCore import QObject, Signal

from ukey_renew.session import KeyEvents, Session


class KeyWatcher(QObject):
    changed = Signal()  # a key, card or reader came or went

    def __init__(self, session: Session, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._sources: list[KeyEvents] = []
        self._threads: list[threading.Thread] = []

    def start(self) -> None:
        if any(thread.is_alive() for thread in self._threads):
            return
        self._sources = self._session.key_events()  # the last ones stay stopped
        self._threads = [
            threading.Thread(target=source.watch, args=(self.changed.emit,), name="ukey-keys", daemon=True)
            for source in self._sources
        ]
        for thread in self._threads:
            thread.start()

    def stop(self) -> None:
        for source in self._sources:
            source.stop()
