"""Windows' device-change message, fed to the native event filter as Qt
hands it over (the address of a ``MSG``): a key plugged in or pulled out
makes the first page look again; other messages and platforms do not."""

from __future__ import annotations

import ctypes

from PySide6.QtCore import QByteArray
from PySide6.QtWidgets import QApplication

from ukey_renew.gui.devices import (
    DBT_DEVICEARRIVAL,
    DBT_DEVICEREMOVECOMPLETE,
    DBT_DEVNODES_CHANGED,
    MSG,
    WM_DEVICECHANGE,
    DeviceChanges,
)
from ukey_renew.gui.watch import KeyWatcher
from ukey_renew.session import Session

WM_PAINT = 0x000F
DBT_QUERYCHANGECONFIG = 0x0017


def fed(event_type: bytes, message: int, w_param: int) -> int:
    changes: list[int] = []
    devices = DeviceChanges(lambda: changes.append(1))
    msg = MSG(None, message, w_param)
    assert devices.nativeEventFilter(QByteArray(event_type), ctypes.addressof(msg)) == (False, 0)  # passed on
    return len(changes)


def test_a_device_plugged_in_or_pulled_out_is_told(qapp: QApplication) -> None:
    for change in (DBT_DEVICEARRIVAL, DBT_DEVICEREMOVECOMPLETE, DBT_DEVNODES_CHANGED):
        assert fed(b"windows_generic_MSG", WM_DEVICECHANGE, change) == 1


def test_other_messages_are_not(qapp: QApplication) -> None:
    assert fed(b"windows_generic_MSG", WM_DEVICECHANGE, DBT_QUERYCHANGECONFIG) == 0
    assert fed(b"windows_generic_MSG", WM_PAINT, DBT_DEVICEARRIVAL) == 0
    assert fed(b"xcb_generic_event_t", WM_DEVICECHANGE, DBT_DEVICEARRIVAL) == 0


def test_installed_on_windows_while_the_page_watches(qapp: QApplication, home, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    session = Session(home, practice_only=False)
    monkeypatch.setattr(session, "key_events", list)
    installed: list[object] = []
    monkeypatch.setattr(qapp, "installNativeEventFilter", installed.append)
    monkeypatch.setattr(qapp, "removeNativeEventFilter", installed.remove)
    watcher = KeyWatcher(session)
    heard: list[int] = []
    watcher.changed.connect(lambda: heard.append(1))
    watcher.start(platform="win32")
    try:
        assert len(installed) == 1 and isinstance(installed[0], DeviceChanges)
        msg = MSG(None, WM_DEVICECHANGE, DBT_DEVICEARRIVAL)
        installed[0].nativeEventFilter(b"windows_generic_MSG", ctypes.addressof(msg))
        assert heard == [1]
    finally:
        watcher.stop()
    assert installed == []
    watcher.start(platform="linux")
    watcher.stop()
    assert installed == []
