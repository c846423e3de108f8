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
            LockFile(path).acquire(seconds=0)
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
                LockFile(path).acquire(seconds=0)
        with pytest.raises(LockBusy):
            LockFile(path).acquire(seconds=0)  # still held by the outer level
        raise RuntimeError("the body failed")
    other = LockFile(path)
    other.acquire(seconds=0)  # released despite the error
    other.release()


def test_a_stopped_holder_is_named_after_the_wait(tmp_path: Path) -> None:
    """A holder that is suspended, not dead, keeps the OS lock: the wait ends
    with an error naming its process instead of hanging for ever."""
    path = tmp_path / "key.lock"
    holder = _holder(path, 60)
    try:
        with pytest.raises(LockBusy) as busy:
            LockFile(path).acquire(seconds=0.3)
        assert busy.value.id == "lock.busy" and busy.value.holder == holder.pid
        assert str(holder.pid) in busy.value.message and "key" in busy.value.message
    finally:
        holder.kill()
        holder.wait()


@pytest.mark.skipif(sys.platform == "win32", reason="SIGSTOP is POSIX")
def test_status_answers_while_the_practice_key_is_held_by_a_stopped_process(tmp_path: Path) -> None:
    import json
    import os
    import signal

    from tests.integration.test_cli import run
    from ukey_renew.token import practice

    home = tmp_path / "home"
    assert run(home, "practice", "reset").returncode == 0
    holder = _holder(practice.lock_path(practice.default_path(home)), 120)
    os.kill(holder.pid, signal.SIGSTOP)
    try:
        done = run(home, "status", "--json", "--backend", "practice", timeout=90)
    finally:
        holder.kill()
        holder.wait()
    assert done.returncode == 2, done.stderr
    (problem,) = json.loads(done.stdout)["problems"]
    assert problem["id"] == "lock.busy" and str(holder.pid) in problem["message"]
