"""Keys plugged in and pulled out, noticed while a page that waits for one is
open. On Windows the device-change messages every window receives say so
at once; each of the session's event sources (PC/SC, BJCA's service)
blocks a thread of its own here, and one more thread takes the cheap look for keys
no source reports (a HID-only key read through its driver): one thread per
source for as long as the page waits, asleep in between, never one per look.
A source that cannot run simply ends; the look still finds keys."""

from __future__ import annotations

import logging
import sys
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Signal

from ukey_renew.errors import UkeyError
from ukey_renew.session import KeyEvents, Session

if TYPE_CHECKING:
    from ukey_renew.gui.devices import DeviceChanges

log = logging.getLogger(__name__)


class PresenceLook:
    """Every few seconds, whether a key came or went (the session's cheap
    ``keys_changed``: no key opened, no certificate read)."""

    SECONDS = 3.0

    def __init__(self, keys_changed: Callable[[], bool]) -> None:
        self._keys_changed = keys_changed
        self._stop = threading.Event()

    def watch(self, changed: Callable[[], None]) -> None:
        while not self._stop.wait(self.SECONDS):
            self.look(changed)

    def look(self, changed: Callable[[], None]) -> None:
        try:
            if self._keys_changed():
                changed()
        except UkeyError as exc:  # a driver or service failing now may answer at the next look
            log.info("key presence: %s", exc.id)
        except Exception:  # the look must outlive any one failure, like the poll it replaces
            log.exception("key presence look failed")

    def stop(self) -> None:
        self._stop.set()


class KeyWatcher(QObject):
    changed = Signal()  # a key, card or reader came or went

    def __init__(self, session: Session, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._sources: list[KeyEvents] = []
        self._threads: list[threading.Thread] = []
        self._devices: DeviceChanges | None = None

    def start(self, platform: str = sys.platform) -> None:
        if platform == "win32" and self._devices is None:
            from ukey_renew.gui.devices import DeviceChanges

            self._devices = DeviceChanges(self.changed.emit)
            _application().installNativeEventFilter(self._devices)
        if any(thread.is_alive() for thread in self._threads):
            return
        # New sources each time: the last ones stay stopped.
        self._sources = [*self._session.key_events(), PresenceLook(self._session.keys_changed)]
        self._threads = [
            threading.Thread(target=source.watch, args=(self.changed.emit,), name="ukey-keys", daemon=True)
            for source in self._sources
        ]
        for thread in self._threads:
            thread.start()

    def stop(self) -> None:
        if self._devices is not None:
            _application().removeNativeEventFilter(self._devices)
            self._devices = None
        for source in self._sources:
            source.stop()


def _application() -> QCoreApplication:
    app = QCoreApplication.instance()
    assert app is not None  # a page watches only in a running application
    return app
