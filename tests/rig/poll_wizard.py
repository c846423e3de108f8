"""The wizard in its default mode (real keys looked for, as on an office PC),
its first page asked to look for keys N times, then closed as a user would.
Prints what the run left behind as JSON.

    python -m tests.rig.poll_wizard HOME N

N = 200 is ten minutes of the page's 3-second poll.
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
from ukey_renew.gui.context import Context
from ukey_renew.gui.window import MainWindow
from ukey_renew.gui.worker import Job
from ukey_renew.session import Session


def main(home: Path, polls: int) -> None:
    app = QApplication([])
    reset_practice_key(home, datetime.now(UTC))
    session = Session(home, practice_only=False)
    window = MainWindow(Context(session=session))
    window.show()
    page = window.wizard.currentPage()
    true_before = sys.getrefcount(True)
    for _ in range(polls):
        while page.busy:
            app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
        page.detect()
    while page.busy:
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
    for _ in range(3):
        app.processEvents()
    report = {
        "jobs_alive": len(page.findChildren(Job)),
        "true_before": true_before,
        "true_after": sys.getrefcount(True),
        "keys_found": len(window.context.choices),
    }
    window.close()
    session.close()
    app.quit()
    print(json.dumps(report))


if __name__ == "__main__":
    main(Path(sys.argv[1]), int(sys.argv[2]))
