"""The first page notices a key coming: a card inserted in a real PC/SC reader
(pcscd + vpcd), a USB device announced; and looks for keys sparingly."""

from __future__ import annotations

import socket
import sys
import threading
from pathlib import Path

import pytest

from tests.integration.test_pcsc import PRACTICE_ATR
from tests.rig.vcard import VirtualCard
from tests.unit.test_hotplug import uevent
from ukey_renew.gui.context import Context
from ukey_renew.gui.detect_page import DetectPage
from ukey_renew.gui.watch import KeyWatcher, PresenceLook
from ukey_renew.gui.window import MainWindow
from ukey_renew.hotplug import UsbChanges
from ukey_renew.session import Session

TIMEOUT = 20_000


def settled(page: DetectPage) -> bool:
    """The first look done: keys listed, or none and the checks shown."""
    return (page.keys.count() > 0 or not page.no_key.isHidden()) and not page.busy


def test_inserting_a_card_looks_again(pcsc_service: None, home: Path, qtbot, empty_softhsm, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    for name, value in empty_softhsm.items():
        monkeypatch.setenv(name, value)
    session = Session(home, practice_only=False)
    looks: list[int] = []
    original = session.detect

    def counted():  # type: ignore[no-untyped-def]
        looks.append(1)
        return original()

    monkeypatch.setattr(session, "detect", counted)
    monkeypatch.setattr(PresenceLook, "SECONDS", 600.0)  # only the PC/SC event may cause a second look
    window = MainWindow(Context(session=session))
    qtbot.addWidget(window)
    page = window.wizard.detect_page
    window.show()
    try:
        qtbot.waitUntil(lambda: settled(page), timeout=TIMEOUT)  # no key
        before = len(looks)
        card = VirtualCard(PRACTICE_ATR)
        card.insert()
        try:
            qtbot.waitUntil(lambda: len(looks) > before, timeout=TIMEOUT)
        finally:
            card.remove()
    finally:
        page.watcher.stop()
        session.close()


def test_looking_for_keys_starts_no_thread_per_look(home: Path, qtbot, empty_softhsm, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """The first page's look for keys plugged in runs in one thread that
    sleeps between looks: none is started per look while nothing changes."""
    for name, value in empty_softhsm.items():
        monkeypatch.setenv(name, value)
    monkeypatch.setattr(PresenceLook, "SECONDS", 0.05)
    monkeypatch.setattr(PresenceLook, "QUIET_SECONDS", 0.05)  # where devices are announced (Windows, Linux)
    session = Session(home, practice_only=False)
    monkeypatch.setattr(session, "key_events", list)  # the look alone: no PC/SC or BJCA service here
    looks: list[int] = []
    keys_changed = session.keys_changed

    def counted() -> bool:
        looks.append(1)
        return keys_changed()

    monkeypatch.setattr(session, "keys_changed", counted)
    started: list[str] = []
    start = threading.Thread.start

    def counted_start(thread: threading.Thread) -> None:
        started.append(thread.name)
        start(thread)

    window = MainWindow(Context(session=session))
    qtbot.addWidget(window)
    page = window.wizard.detect_page
    window.show()
    try:
        qtbot.waitUntil(lambda: settled(page), timeout=TIMEOUT)
        monkeypatch.setattr(threading.Thread, "start", counted_start)
        before = len(looks)
        qtbot.waitUntil(lambda: len(looks) >= before + 5, timeout=TIMEOUT)
        assert started == []
    finally:
        page.watcher.stop()
        session.close()


def test_a_device_message_brings_a_few_looks_then_sleep(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Where devices are announced the look sleeps long; a device's message
    brings one look per gap of AFTER_DEVICE (the driver may list the key a
    moment after the device appears), then sleep again."""
    monkeypatch.setattr(PresenceLook, "QUIET_SECONDS", 600.0)
    monkeypatch.setattr(PresenceLook, "AFTER_DEVICE", (0.01, 0.01, 0.01))
    looks: list[int] = []
    burst = threading.Event()

    def keys_changed() -> bool:
        looks.append(1)
        if len(looks) == 3:
            burst.set()
        return False

    look = PresenceLook(keys_changed, devices_announced=True)
    thread = threading.Thread(target=look.watch, args=(lambda: None,))
    thread.start()
    look.device_changed()
    assert burst.wait(10)
    look.stop()
    thread.join(10)
    assert not thread.is_alive() and len(looks) == 3


@pytest.mark.skipif(sys.platform == "win32", reason="Linux's announcements; Windows' are test_devices'")
def test_a_usb_device_announced_makes_the_page_look_again(home: Path, qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    kernel, listener = socket.socketpair(socket.AF_UNIX, socket.SOCK_DGRAM)
    monkeypatch.setattr(PresenceLook, "AFTER_DEVICE", (0.01,))
    session = Session(home, practice_only=False)
    monkeypatch.setattr(session, "key_events", list)
    monkeypatch.setattr(session, "usb_changes", lambda: UsbChanges(listener))
    looks: list[int] = []
    monkeypatch.setattr(session, "keys_changed", lambda: bool(looks.append(1)))
    watcher = KeyWatcher(session)
    heard: list[int] = []
    watcher.changed.connect(lambda: heard.append(1))
    watcher.start(platform="linux")
    try:
        kernel.send(uevent("add", "/devices/pci0000:00/0000:00:14.0/usb1/1-2", SUBSYSTEM="usb", DEVTYPE="usb_device"))
        qtbot.waitUntil(lambda: bool(heard and looks), timeout=TIMEOUT)
    finally:
        watcher.stop()
        kernel.close()


class SlowToEnd:
    """An event source whose watch ends a while after its stop, as a driver's
    wait may."""

    def __init__(self, watching: list[SlowToEnd], release: threading.Event) -> None:
        self._watching, self._release = watching, release

    def watch(self, changed) -> None:  # type: ignore[no-untyped-def]
        self._watching.append(self)
        self._release.wait(10)

    def stop(self) -> None:
        pass


def test_a_page_shown_again_watches_while_the_old_sources_still_end(home: Path, qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Back, then Next at once: the second start watches with new sources,
    though the first ones' threads have not ended yet."""
    session = Session(home, practice_only=False)
    watching: list[SlowToEnd] = []
    release = threading.Event()
    monkeypatch.setattr(session, "key_events", lambda: [SlowToEnd(watching, release)])
    monkeypatch.setattr(session, "usb_changes", lambda: None)
    watcher = KeyWatcher(session)
    try:
        watcher.start(platform="linux")
        qtbot.waitUntil(lambda: len(watching) == 1, timeout=TIMEOUT)
        watcher.stop()
        watcher.start(platform="linux")
        qtbot.waitUntil(lambda: len(watching) == 2, timeout=TIMEOUT)
        watcher.start(platform="linux")  # started already: nothing more
    finally:
        watcher.stop()
        release.set()
    assert len(watching) == 2
