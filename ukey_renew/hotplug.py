"""USB devices plugged in or pulled out, as Linux's kernel announces them
(its uevents, on a netlink socket any user may read). A key is a USB device
before any driver lists it, so the first page can wait on these instead of
asking the drivers every few seconds. Windows says the same to every window
(``gui/devices.py``); where neither is to be had, the page keeps asking.
"""

from __future__ import annotations

import errno
import logging
import os
import select
import socket
import threading
from collections.abc import Callable

log = logging.getLogger(__name__)

_NETLINK_KOBJECT_UEVENT = 15
_KERNEL_GROUP = 1  # the kernel's own announcements (udev re-sends them on group 2)
_ACTIONS = frozenset({b"add", b"remove"})


def is_usb_device_change(message: bytes) -> bool:
    """Whether one uevent tells a whole USB device coming or going: its
    interfaces, endpoints and the driver binding after it are told
    separately and add nothing. A message is ``action@devpath`` then
    ``KEY=value`` fields, each ended by NUL."""
    header, _, body = message.partition(b"\0")
    fields = dict(field.partition(b"=")[::2] for field in body.split(b"\0") if b"=" in field)
    action = fields.get(b"ACTION", header.partition(b"@")[0])
    return action in _ACTIONS and fields.get(b"SUBSYSTEM") == b"usb" and fields.get(b"DEVTYPE") == b"usb_device"


class UsbChanges:
    """A key-events source (``token.registry.KeyEvents``): :meth:`watch`
    blocks until a USB device comes or goes, with no timeout; :meth:`stop`
    wakes it through a pipe."""

    def __init__(self, listener: socket.socket) -> None:
        self._socket = listener
        self._wake_read, wake_write = os.pipe()
        self._wake_write: int | None = wake_write
        self._stopping = threading.Lock()

    @classmethod
    def open(cls) -> UsbChanges | None:
        """The kernel's announcements, or None where there are none to read
        (not Linux, or a sandbox without netlink)."""
        family = getattr(socket, "AF_NETLINK", None)
        if family is None:
            return None
        try:
            listener = socket.socket(family, socket.SOCK_DGRAM, _NETLINK_KOBJECT_UEVENT)
        except OSError as exc:
            log.info("USB announcements unavailable: %s", exc)
            return None
        try:
            listener.bind((0, _KERNEL_GROUP))
        except OSError as exc:
            listener.close()
            log.info("USB announcements unavailable: %s", exc)
            return None
        return cls(listener)

    def watch(self, changed: Callable[[], None]) -> None:
        try:
            while True:
                ready, _, _ = select.select([self._socket.fileno(), self._wake_read], [], [])
                if self._wake_read in ready:
                    return
                try:
                    message = self._socket.recv(16384)
                except OSError as exc:
                    if exc.errno != errno.ENOBUFS:
                        log.info("USB announcements ended: %s", exc)
                        return  # the page's look carries on
                    changed()  # announcements were lost, so something changed
                    continue
                if is_usb_device_change(message):
                    changed()
        finally:
            self._socket.close()
            os.close(self._wake_read)

    def stop(self) -> None:
        with self._stopping:
            if self._wake_write is None:
                return
            os.write(self._wake_write, b"x")
            os.close(self._wake_write)
            self._wake_write = None
