"""The wizard in its default mode (real keys looked for, as on an office PC),
its first page's look for keys run N times, then closed as a user would. Half-way the
practice key file changes, as a key plugged in would change what a backend
sees. Prints what the run left behind, and how often keys were read
(``detections``), as JSON.

    python -m tests.rig.poll_wizard HOME N

N = 200 is ten minutes of the page's 3-second look.
"""

from __future__ import annotations

import json
import os
import sys
from datetime import UTC, datetime
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEventLoop
from PySide6.QtWidgets import QApplication

from ukey_renew.casim.provision import reset_practice_key
from ukey_renew.gui import watch
from ukey_renew.gui.context import Context
from ukey_renew.gui.window import MainWindow
from ukey_renew.gui.worker import Job
from ukey_renew.session import Session
from ukey_renew.token import practice


def main(home: Path, polls: int) -> None:
    app = QApplication([])
    reset_practice_key(home, datetime.now(UTC))
    session = Session(home, practice_only=False)
    session.key_events = list  # type: ignore[method-assign]  # the look alone: a card event would read keys too
    watch.PresenceLook.SECONDS = watch.PresenceLook.QUIET_SECONDS = 3600  # taken here, not by the page's own thread
    window = MainWindow(Context(session=session))
    window.show()
    page = window.wizard.detect_page

    def settle() -> None:
        while page.busy:
            app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)

    while not window.context.choices:  # the first look, after the first paint
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
    settle()
    detections = 0
    detect = session.detect

    def counted():  # type: ignore[no-untyped-def]
        nonlocal detections
        detections += 1
        return detect()

    session.detect = counted  # type: ignore[method-assign]
    true_before = sys.getrefcount(True)
    look = watch.PresenceLook(session.keys_changed)
    for poll in range(polls):
        if poll == polls // 2:
            key = practice.default_path(home)
            os.utime(key, ns=(key.stat().st_atime_ns, key.stat().st_mtime_ns + 1_000_000_000))
        settle()
        look.look(page.watcher.changed.emit)
    settle()
    for _ in range(3):
        app.processEvents()
    report = {
        "jobs_alive": len(page.findChildren(Job)),
        "true_before": true_before,
        "true_after": sys.getrefcount(True),
        "keys_found": len(window.context.choices),
        "detections": detections,
    }
    window.close()
    session.close()
    app.quit()
    print(json.dumps(report))


if __name__ == "__main__":
    main(Path(sys.argv[1]), int(sys.argv[2]))
