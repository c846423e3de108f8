"""A lock file that threads and processes take turns on.

The practice key's file and a renewal's journal are each changed by one
holder at a time, whether the other is a second window, the command line or
a worker thread. The operating system's own file locks do it (``flock`` on
POSIX, ``msvcrt.locking`` on Windows) and go away with a killed process, so
a crash never leaves a key locked. A holder that is stopped but not dead
(suspended, hung in a driver) would: waits have a deadline, after which
:class:`LockBusy` names the holder's process. Written here because the
general-purpose package for this loads SQLite, ctypes and more on import:
4 MiB and 20 ms of every start for some twenty lines.
"""

from __future__ import annotations

import os
import sys
import threading
import time
from pathlib import Path

from ukey_renew.errors import LockBusy, StateFileUnusable, why_not_written

WAIT_SECONDS = 10.0
_PID_AT = 8  # past the byte Windows locks, which other processes cannot read


if sys.platform == "win32":
    import msvcrt

    def _try_lock(fd: int) -> bool:
        try:
            os.lseek(fd, 0, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

    def _unlock(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _try_lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)


class LockFile:
    """Exclusive, and re-entrant within one thread: a second thread using the
    same object waits like another process would."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._mine = threading.local()

    def acquire(self, seconds: float = WAIT_SECONDS) -> None:
        """Take the lock, waiting at most ``seconds`` (0: not at all)."""
        depth = getattr(self._mine, "depth", 0)
        if not depth:
            try:
                fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
            except OSError as exc:  # a folder of that name, a file not ours to write, a read-only folder
                raise StateFileUnusable(
                    str(self.path), why_not_written(exc), detail=f"{type(exc).__name__}: {exc}"
                ) from None
            try:
                self._take(fd, seconds)
            except BaseException:
                os.close(fd)
                raise
            self._mine.fd = fd
        self._mine.depth = depth + 1

    def _take(self, fd: int, seconds: float) -> None:
        deadline = time.monotonic() + seconds
        while not _try_lock(fd):
            if time.monotonic() >= deadline:
                raise LockBusy(self.path.name.removesuffix(".lock"), _holder(fd))
            time.sleep(0.05)
        os.lseek(fd, _PID_AT, os.SEEK_SET)
        os.write(fd, f"{os.getpid():<10}".encode())

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


def _holder(fd: int) -> int | None:
    """The process that wrote its number into the lock file when it took it."""
    try:
        os.lseek(fd, _PID_AT, os.SEEK_SET)
        return int(os.read(fd, 10).decode("ascii").strip() or "x")
    except (OSError, ValueError):
        return None
