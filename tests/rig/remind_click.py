"""The scheduled run as the schedule starts it (``--home HOME --remind``), with a clerk who presses
BUTTON on the notification: ``start`` or ``later``. Prints as JSON what the run showed (the
notification's text and place, whether the wizard opened) and its exit code; with SHOT, the whole
screen as the notification stood on it is saved there (run under Xvfb to see the corner).

    python -m tests.rig.remind_click HOME BUTTON [SHOT.png]
"""

from __future__ import annotations

import json
import os
import sys
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel

from ukey_renew import cli
from ukey_renew.gui.reminder import ReminderNotice
from ukey_renew.gui.tour import cramped
from ukey_renew.gui.window import MainWindow


def main(home: str, button: str, shot: str | None) -> int:
    app = QApplication(sys.argv[:1])
    seen: dict[str, Any] = {"notice": None, "wizard": False}

    def look() -> None:
        for widget in app.topLevelWidgets():
            if isinstance(widget, ReminderNotice) and widget.isVisible() and seen["notice"] is None:
                area, frame = widget.screen().availableGeometry(), widget.frameGeometry()
                seen["notice"] = "\n".join(label.text() for label in widget.findChildren(QLabel))
                seen["inside_screen"] = area.contains(frame)
                seen["from_corner"] = [area.right() - frame.right(), area.bottom() - frame.bottom()]
                seen["cramped"] = cramped(widget)
                QTimer.singleShot(500, lambda widget=widget: press(widget))  # once the screen shows it
            elif isinstance(widget, MainWindow) and widget.isVisible():
                seen["wizard"] = True
                app.quit()

    def press(notice: ReminderNotice) -> None:
        if shot:
            notice.screen().grabWindow(0).save(shot)
        (notice.start if button == "start" else notice.later).click()

    timer = QTimer()
    timer.timeout.connect(look)
    timer.start(100)
    seen["exit"] = cli.main(["--home", home, "--remind"])
    print(json.dumps(seen, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1], sys.argv[2], sys.argv[3] if len(sys.argv) > 3 else None))
