"""Linux's announcements of USB devices, read as the kernel writes them
(``action@devpath`` then NUL-ended ``KEY=value`` fields). The kernel only
announces a real device plugged in, so the watch is fed through a datagram
socket pair, which hands over the same bytes as the netlink socket."""

from __future__ import annotations

import errno
import os
import socket
import sys
import threading

import pytest

from ukey_renew import hotplug
from ukey_renew.hotplug import UsbChanges, is_usb_device_change

KEY = "/devices/pci0000:00/0000:00:14.0/usb1/1-2"


def uevent(action: str, devpath: str, **fields: str) -> bytes:
    body = {"ACTION": action, "DEVPATH": devpath, "SEQNUM": "4711", **fields}
    return f"{action}@{devpath}\0".encode() + b"".join(f"{k}={v}\0".encode() for k, v in body.items())


def test_a_usb_device_plugged_in_or_pulled_out_is_a_change() -> None:
    for action in ("add", "remove"):
        message = uevent(action, KEY, SUBSYSTEM="usb", DEVTYPE="usb_device", PRODUCT="55c/e618/100")
        assert is_usb_device_change(message)


def test_its_interfaces_driver_and_other_devices_are_not() -> None:
    assert not is_usb_device_change(uevent("add", KEY + "/1-2:1.0", SUBSYSTEM="usb", DEVTYPE="usb_interface"))
    assert not is_usb_device_change(uevent("bind", KEY, SUBSYSTEM="usb", DEVTYPE="usb_device", DRIVER="usb"))
    hidraw = KEY + "/1-2:1.0/0003:055C:E618.0001/hidraw/hidraw0"
    assert not is_usb_device_change(uevent("add", hidraw, SUBSYSTEM="hidraw"))
    assert not is_usb_device_change(uevent("change", "/devices/virtual/net/lo", SUBSYSTEM="net"))
    assert not is_usb_device_change(b"")
    assert not is_usb_device_change(b"libudev\0\xfe\xed\xca\xfe")


@pytest.fixture
def fed() -> tuple[UsbChanges, socket.socket]:
    kernel, listener = socket.socketpair(socket.AF_UNIX, socket.SOCK_DGRAM)
    return UsbChanges(listener), kernel


@pytest.mark.skipif(sys.platform == "win32", reason="Linux's announcements; Windows tells its windows (test_devices)")
def test_the_watch_tells_each_device_and_ends_at_once_when_stopped(fed: tuple[UsbChanges, socket.socket]) -> None:
    changes, kernel = fed
    told: list[int] = []
    second = threading.Event()

    def changed() -> None:
        told.append(1)
        if len(told) == 2:
            second.set()

    thread = threading.Thread(target=changes.watch, args=(changed,))
    thread.start()
    kernel.send(uevent("add", KEY, SUBSYSTEM="usb", DEVTYPE="usb_device"))
    kernel.send(uevent("add", KEY + "/1-2:1.0", SUBSYSTEM="usb", DEVTYPE="usb_interface"))
    kernel.send(uevent("remove", KEY, SUBSYSTEM="usb", DEVTYPE="usb_device"))
    assert second.wait(10)
    changes.stop()
    thread.join(10)  # the watch has no timeout of its own: only the stop can end it
    assert not thread.is_alive() and told == [1, 1]
    changes.stop()  # twice is harmless


def test_where_the_kernel_announces_nothing_there_is_no_source(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delattr(hotplug.socket, "AF_NETLINK", raising=False)  # Windows, macOS
    assert UsbChanges.open() is None


def test_a_sandbox_refusing_netlink_gives_no_source(monkeypatch: pytest.MonkeyPatch) -> None:
    def refused(*_args: object) -> socket.socket:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(hotplug.socket, "AF_NETLINK", 16, raising=False)
    monkeypatch.setattr(hotplug.socket, "socket", refused)
    assert UsbChanges.open() is None


class Failing:
    """A listener whose reads fail as the kernel's may: lost announcements
    (``ENOBUFS``) first, then an error that will not pass."""

    def __init__(self, ready: socket.socket) -> None:
        self._ready = ready  # always readable, so the watch reads
        self.errors = [errno.ENOBUFS, errno.EIO]

    def fileno(self) -> int:
        return self._ready.fileno()

    def recv(self, _size: int) -> bytes:
        code = self.errors.pop(0)
        raise OSError(code, os.strerror(code))

    def close(self) -> None:
        self._ready.close()


@pytest.mark.skipif(sys.platform == "win32", reason="Linux's announcements; Windows tells its windows (test_devices)")
def test_lost_announcements_are_a_change_and_a_broken_socket_ends_the_watch() -> None:
    writer, ready = socket.socketpair(socket.AF_UNIX, socket.SOCK_DGRAM)
    writer.send(b"x")
    listener = Failing(ready)
    told: list[int] = []
    UsbChanges(listener).watch(lambda: told.append(1))  # type: ignore[arg-type]  # returns: no endless retries
    assert told == [1] and listener.errors == []
    writer.close()
