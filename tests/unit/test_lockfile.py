"""The lock file behind the practice key and the renewal journal: one holder
at a time across threads and processes, re-entrant in one thread, and gone
with a killed holder."""

from __future__ import annotations

import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from ukey_renew.lockfile import LockBusy, LockFile

HOLD = """
import sys, time
from pathlib import Path
from ukey_renew.lockfile import LockFile
lock = LockFile(Path(sys.argv[1]))
lock.acquire()
print("held", flush=True)
time.sleep(float(sys.argv[2]))
"""


def _holder(path: Path, seconds: float) -> subprocess.Popen[str]:
    process = subprocess.Popen([sys.executable, "-c", HOLD, str(path), str(seconds)], stdout=subprocess.PIPE, text=True)
    assert process.stdout is not None and process.stdout.readline().strip() == "held"
    return process


def test_another_process_waits_or_is_told_busy(tmp_path: Path) -> None:
    path = tmp_path / "key.lock"
    holder = _holder(path, 60)
    try:
        with pytest.raises(LockBusy):
            LockFile(path).acquire(wait=False)
    finally:
        holder.kill()  # a killed holder leaves nothing locked
        holder.wait()
    with LockFile(path):
        pass
    short = _holder(path, 0.5)
    started = time.monotonic()
    with LockFile(path):  # waits for the holder to finish
        assert time.monotonic() - started >= 0.3
    short.wait()


def test_threads_take_turns_on_one_lock_object(tmp_path: Path) -> None:
    lock, inside, most = LockFile(tmp_path / "key.lock"), [0], [0]
    guard = threading.Lock()

    def work() -> None:
        for _ in range(20):
            with lock:
                with guard:
                    inside[0] += 1
                    most[0] = max(most[0], inside[0])
                time.sleep(0.001)
                with guard:
                    inside[0] -= 1

    threads = [threading.Thread(target=work) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert most[0] == 1


def test_reentrant_in_one_thread_and_released_on_error(tmp_path: Path) -> None:
    path = tmp_path / "key.lock"
    lock = LockFile(path)
    with pytest.raises(RuntimeError), lock:
        with lock:  # the same thread again: no deadlock
            with pytest.raises(LockBusy):
                LockFile(path).acquire(wait=False)
        with pytest.raises(LockBusy):
            LockFile(path).acquire(wait=False)  # still held by the outer level
        raise RuntimeError("the body failed")
    other = LockFile(path)
    other.acquire(wait=False)  # released despite the error
    other.release()
