"""Keys plugged in and pulled out, noticed while a page that waits for one is
open, asleep in between.

A key is a USB device first: Windows tells every window when a device comes
or goes, Linux's kernel tells any program that listens. On such a message
the page looks again at once, and a few more times while the drivers take
a moment to list the key. Each of the session's event sources (PC/SC,
BJCA's service) blocks a thread of its own. One more thread takes the cheap
look for keys no source reports: often where nothing announces devices,
rarely where something does (a driver or BJCA's service started while the
page waits). One thread per source for as long as the page waits, never
one per look. A source that cannot run simply ends; the look still finds keys."""

from __future__ import annotations

import logging
import sys
import threading
from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Signal

from ukey_renew.errors import UkeyError
from ukey_renew.session import KeyEvents, Session

if TYPE_CHECKING:
    from ukey_renew.gui.devices import DeviceChanges

log = logging.getLogger(__name__)


class PresenceLook:
    """Now and then, whether a key came or went (the session's cheap
    ``keys_changed``: no key opened, no certificate read)."""

    SECONDS = 3.0  # between looks where nothing announces devices
    QUIET_SECONDS = 30.0  # between looks where devices are announced
    # After a device came or went: a driver lists its key a moment after the device appears.
    AFTER_DEVICE = (0.5, 1.0, 1.5, 3.0, 6.0)

    def __init__(self, keys_changed: Callable[[], bool], *, devices_announced: bool = False) -> None:
        self._keys_changed = keys_changed
        self._seconds = self.QUIET_SECONDS if devices_announced else self.SECONDS
        self._stop = threading.Event()
        self._woken = threading.Event()  # set by stop() and by a device's message

    def watch(self, changed: Callable[[], None]) -> None:
        gaps: list[float] = []
        while True:
            woken = self._woken.wait(gaps.pop(0) if gaps else self._seconds)
            if self._stop.is_set():
                return
            if woken:
                self._woken.clear()
                gaps = list(self.AFTER_DEVICE)
                continue
            self.look(changed)

    def device_changed(self) -> None:
        """From any thread: look again soon, and a few times after."""
        self._woken.set()

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
        self._woken.set()


class KeyWatcher(QObject):
    changed = Signal()  # a key, card or reader came or went

    def __init__(self, session: Session, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._sources: list[KeyEvents] = []
        self._devices: DeviceChanges | None = None
        self._look: PresenceLook | None = None

    def start(self, platform: str = sys.platform) -> None:
        if self._look is not None:
            return  # watching already
        # New sources each time: the last ones stay stopped, and end on their own.
        usb = self._session.usb_changes() if platform != "win32" else None
        self._look = look = PresenceLook(
            self._session.keys_changed, devices_announced=platform == "win32" or usb is not None
        )
        device_changed = partial(self._device_changed, look)
        if platform == "win32":
            from ukey_renew.gui.devices import DeviceChanges

            self._devices = DeviceChanges(device_changed)
            _application().installNativeEventFilter(self._devices)
        told: list[tuple[KeyEvents, Callable[[], None]]] = [
            *((source, self.changed.emit) for source in [*self._session.key_events(), look]),
            *([(usb, device_changed)] if usb is not None else []),
        ]
        self._sources = [source for source, _ in told]
        for source, tell in told:
            threading.Thread(target=source.watch, args=(tell,), name="ukey-keys", daemon=True).start()

    def _device_changed(self, look: PresenceLook) -> None:
        """A USB device came or went: the page looks at once, and the cheap
        look follows while the drivers catch up. From any thread."""
        self.changed.emit()
        look.device_changed()

    def stop(self) -> None:
        if self._devices is not None:
            _application().removeNativeEventFilter(self._devices)
            self._devices = None
        for source in self._sources:
            source.stop()
        self._look = None


def _application() -> QCoreApplication:
    app = QCoreApplication.instance()
    assert app is not None  # a page watches only in a running application
    return app
