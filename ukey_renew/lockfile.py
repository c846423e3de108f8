"""A lock file that threads and processes take turns on.

The practice key's file and a renewal's journal are each changed by one
holder at a time, whether the other is a second window, the command line or
a worker thread. The operating system's own file locks do it (``flock`` on
POSIX, ``msvcrt.locking`` on Windows) and go away with a killed process, so
a crash never leaves a key locked. Written here because the general-purpose
package for this loads SQLite, ctypes and more on import: 4 MiB and 20 ms
of every start for some twenty lines.
"""

from __future__ import annotations

import os
import sys
import threading
import time
from pathlib import Path


class LockBusy(Exception):
    """Someone else holds the lock and the caller chose not to wait."""


if sys.platform == "win32":
    import msvcrt

    def _lock(fd: int, wait: bool) -> None:
        while True:
            try:
                os.lseek(fd, 0, os.SEEK_SET)
                msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
                return
            except OSError:
                if not wait:
                    raise LockBusy() from None
                time.sleep(0.05)

    def _unlock(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _lock(fd: int, wait: bool) -> None:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX if wait else fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise LockBusy() from None

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)


class LockFile:
    """Exclusive, and re-entrant within one thread: a second thread using the
    same object waits like another process would."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._mine = threading.local()

    def acquire(self, wait: bool = True) -> None:
        depth = getattr(self._mine, "depth", 0)
        if not depth:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
            try:
                _lock(fd, wait)
            except BaseException:
                os.close(fd)
                raise
            self._mine.fd = fd
        self._mine.depth = depth + 1

    def release(self) -> None:
        self._mine.depth -= 1
        if not self._mine.depth:
            try:
                _unlock(self._mine.fd)
            finally:
                os.close(self._mine.fd)

    def __enter__(self) -> LockFile:
        self.acquire()
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()
