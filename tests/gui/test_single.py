"""One window at a time: a second start brings the first window forward and ends."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from tests.conftest import REPO


def _wait_for(condition, what: str, process: subprocess.Popen[str]) -> None:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + 60
    while not condition():
        assert process.poll() is None, f"the first window ended before {what}: {process.communicate()[0]}"
        assert time.monotonic() < deadline, f"no {what}"
        time.sleep(0.1)


def test_a_second_start_brings_the_first_window_forward(home: Path) -> None:
    environment = {**os.environ, "UKEY_RENEW_HOME": str(home), "QT_QPA_PLATFORM": "offscreen"}
    command = [sys.executable, "-m", "ukey_renew", "--practice"]
    first = subprocess.Popen(command, env=environment, cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                             encoding="utf-8")  # fmt: skip
    try:
        _wait_for((home / "window.show").exists, "window listening", first)
        second = subprocess.run(command, env=environment, cwd=REPO, capture_output=True, encoding="utf-8", timeout=60)
        assert second.returncode == 0 and "已经打开" in second.stderr, second.stderr
        log = home / "logs" / "ukey-renew.log"
        _wait_for(lambda: log.exists() and "brought forward" in log.read_text(encoding="utf-8"), "knock heard", first)
        assert first.poll() is None  # the first window is still there, one of a kind
    finally:
        first.terminate()
        first.communicate(timeout=30)
