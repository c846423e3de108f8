"""One window at a time. A second start brings the first window forward and
ends: two wizards on one computer would only wait on each other's key.

The first holds a lock file for its life (the system drops it with the
process, so a crash never blocks the next start); a second start writes to
a file beside it, which the first watches.
"""

from __future__ import annotations

import logging
import time
from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, Signal

from ukey_renew.errors import LockBusy
from ukey_renew.lockfile import LockFile

log = logging.getLogger(__name__)


class OneWindow(QObject):
    knocked = Signal()  # a second start asked for the window

    def __init__(self, folder: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._lock = LockFile(folder / "window.lock")
        self._knock = folder / "window.show"
        self._watcher = QFileSystemWatcher(self)
        self._watcher.fileChanged.connect(self._knocked)

    def first(self) -> bool:
        """True for the first window, which then listens; False after knocking on it."""
        try:
            self._lock.acquire(0)
        except LockBusy:
            self._knock.write_text(str(time.time()), encoding="utf-8")
            return False
        self._knock.write_text("", encoding="utf-8")
        self._watcher.addPath(str(self._knock))
        return True

    def _knocked(self, path: str) -> None:
        log.info("a second start: the window is brought forward")
        if path not in self._watcher.files() and Path(path).exists():
            self._watcher.addPath(path)  # some systems stop watching a file once it was written
        self.knocked.emit()
