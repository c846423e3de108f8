"""Windows tells every top-level window when a device comes or goes
(``WM_DEVICECHANGE``); read from Qt's native events, a key plugged in or
pulled out is noticed at once, without asking any driver or service. Qt
hands the filter every native message, so it is installed only while a
page waits for a key, and looks at two integers before anything else."""

from __future__ import annotations

import ctypes
from collections.abc import Callable

from PySide6.QtCore import QAbstractNativeEventFilter, QByteArray

WM_DEVICECHANGE = 0x0219
DBT_DEVNODES_CHANGED = 0x0007  # sent to every top-level window, no registration needed
DBT_DEVICEARRIVAL = 0x8000
DBT_DEVICEREMOVECOMPLETE = 0x8004
_CHANGES = frozenset({DBT_DEVNODES_CHANGED, DBT_DEVICEARRIVAL, DBT_DEVICEREMOVECOMPLETE})
_WINDOWS_MSG = b"windows_generic_MSG"


class MSG(ctypes.Structure):
    """The head of Windows' ``MSG``, as far as the filter reads it."""

    _fields_ = [("hwnd", ctypes.c_void_p), ("message", ctypes.c_uint), ("wParam", ctypes.c_size_t)]


class DeviceChanges(QAbstractNativeEventFilter):
    def __init__(self, changed: Callable[[], None]) -> None:
        super().__init__()
        self._changed = changed

    def nativeEventFilter(  # noqa: N802 - Qt's name
        self, event_type: QByteArray | bytes | bytearray | memoryview, message: int
    ) -> tuple[bool, int]:
        kind = event_type.data() if isinstance(event_type, QByteArray) else bytes(event_type)
        if kind == _WINDOWS_MSG and message:
            msg = MSG.from_address(int(message))
            if msg.message == WM_DEVICECHANGE and msg.wParam in _CHANGES:
                self._changed()
        return False, 0  # Windows' own handling goes on
