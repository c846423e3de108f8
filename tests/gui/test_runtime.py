"""The Qt runtime the program is installed with does not abort after long use.

PySide6 6.12.0's ``Signal.emit()`` loses a reference to ``True`` on every
call; on Python 3.11, where ``True`` is an ordinary object, the interpreter
aborts ("Fatal Python error: bool_dealloc") once the count reaches zero,
after some minutes of key polling (docs/runtime.md). The checks run in a
fresh interpreter so that an abort fails the test instead of ending pytest.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

from tests.conftest import REPO

EMITS = textwrap.dedent(
    """
    import sys
    from PySide6.QtCore import QCoreApplication, QObject, Signal

    class Emitter(QObject):
        bare = Signal()
        one = Signal(object)
        two = Signal(str, object)

    app = QCoreApplication([])
    emitter = Emitter()
    received = []
    emitter.bare.connect(lambda: received.append(1))
    emitter.one.connect(lambda value: None)
    emitter.two.connect(lambda kind, value: None)
    before = sys.getrefcount(True)
    # More emits than True has references: enough to free it where the bug is
    # (on Python >= 3.12 True is immortal and its count is huge: capped).
    rounds = min(max(20_000, 2 * before), 100_000)
    for _ in range(rounds):
        emitter.bare.emit()
        emitter.one.emit(None)
        emitter.two.emit("kind", b"")
    after = sys.getrefcount(True)
    print(rounds, len(received), before, after)
    """
)


def test_many_thousands_of_emits_keep_true_alive_and_exit_cleanly() -> None:
    done = subprocess.run([sys.executable, "-c", EMITS], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    rounds, received, before, after = (int(word) for word in done.stdout.split())
    assert received == rounds
    # A few references come and go with the interpreter's own work; the bug
    # takes three per round (tens of thousands).
    assert after >= before - 50, f"True lost {before - after} references over {rounds} rounds of emits"


def test_the_wizard_polled_for_ten_minutes_quits_cleanly(tmp_path: Path, empty_softhsm: dict[str, str]) -> None:
    """Default mode (real keys looked for), 200 polls of the first page: the
    3-second poll for ten minutes. Nothing piles up, keys are read again only
    when what is plugged in changed (once, half-way), and the program exits 0.
    SoftHSM gets a token dir of its own: nothing else plugs keys in meanwhile."""
    done = subprocess.run(
        [sys.executable, "-m", "tests.rig.poll_wizard", str(tmp_path), "200"],
        cwd=REPO,
        env={**os.environ, "UKEY_RENEW_HOME": str(tmp_path), "QT_QPA_PLATFORM": "offscreen", **empty_softhsm},
        capture_output=True,
        encoding="utf-8",
        timeout=600,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    report = json.loads(done.stdout.strip().splitlines()[-1])
    assert report["keys_found"] >= 1  # the practice key, at least
    assert report["detections"] == 1, f"keys read {report['detections']} times for one change"
    assert report["jobs_alive"] <= 1, f"{report['jobs_alive']} finished jobs still held by the page"
    assert report["true_after"] >= report["true_before"] - 50
