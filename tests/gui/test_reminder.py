"""The scheduled reminder's notification: what it says, the keyboard, its corner of the screen, and the
run the schedule starts (``--home HOME --remind``): quiet unless a key needs action, once a day, "稍后提醒"
for a week, and "开始续期" opening the wizard."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QDialog, QLabel

from tests.conftest import REPO, rig_missing
from tests.integration.test_cli import run
from ukey_renew.gui.reminder import ReminderNotice
from ukey_renew.remind import Reminder

DUE = Reminder("KEY-A", "某某检察院", "371724", "2027-01-31T02:00:00+00:00", 20, "due")
EXPIRED = Reminder("KEY-B", None, None, "2026-11-30T02:00:00+00:00", -12, "expired")
REPLACE = Reminder("KEY-C", "<b>某</b>院", None, "2026-10-01T02:00:00+00:00", -70, "replace")


def _text(notice: ReminderNotice) -> str:
    return "\n".join(label.text() for label in notice.findChildren(QLabel))


def test_it_names_each_key_its_state_days_and_next_step(qtbot) -> None:  # type: ignore[no-untyped-def]
    notice = ReminderNotice([DUE, EXPIRED, REPLACE])
    qtbot.addWidget(notice)
    text = _text(notice)
    assert "KEY-A</b>（某某检察院）" in text and "需要延期：还有 20 天到期（2027年01月31日）" in text
    assert "已过期：12 天前到期（2026年11月30日）" in text and "过期超过 30 天就无法在线延期" in text
    assert "需更换 Ukey：70 天前到期" in text and "指南 3.7" in text
    assert "&lt;b&gt;某&lt;/b&gt;院" in text  # a unit's name is shown as written, never as markup


def test_more_keys_than_fit_are_counted(qtbot) -> None:  # type: ignore[no-untyped-def]
    notice = ReminderNotice([DUE, EXPIRED, REPLACE, DUE, DUE])
    qtbot.addWidget(notice)
    assert "另有 2 把 Ukey 也需要处理" in _text(notice)


def test_enter_renews_and_alt_l_means_later(qtbot) -> None:  # type: ignore[no-untyped-def]
    notice = ReminderNotice([DUE])
    qtbot.addWidget(notice)
    notice.show()
    qtbot.keyClick(notice, Qt.Key.Key_Return)
    assert notice.result() == QDialog.DialogCode.Accepted and not notice.snoozed
    later = ReminderNotice([DUE])
    qtbot.addWidget(later)
    later.show()
    later.activateWindow()  # where the clerk types
    qtbot.waitUntil(later.isActiveWindow)
    qtbot.keyClick(later.focusWidget(), Qt.Key.Key_L, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: not later.isVisible())  # a mnemonic presses its button as a click animates
    assert later.result() == QDialog.DialogCode.Rejected and later.snoozed


def test_it_stands_in_the_bottom_right_corner(qtbot) -> None:  # type: ignore[no-untyped-def]
    notice = ReminderNotice([DUE, EXPIRED, REPLACE])
    qtbot.addWidget(notice)
    notice.show()
    area, frame = notice.screen().availableGeometry(), notice.frameGeometry()
    assert area.contains(frame)
    assert (area.right() - frame.right(), area.bottom() - frame.bottom()) == (16, 16)


# --- the run the schedule starts -----------------------------------------------------


def _scheduled_run(home: Path, button: str, *, xvfb: str = "", shot: Path | None = None) -> dict[str, Any]:
    """As the schedule starts it, offscreen, or on a real X server of ``xvfb``'s size ("1366x768")."""
    environment = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    environment.pop("UKEY_RENEW_HOME", None)  # the folder comes as --home, as from the Windows task
    environment["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO), os.environ.get("PYTHONPATH")]))
    command = [sys.executable, "-m", "tests.rig.remind_click", str(home), button, *([str(shot)] if shot else [])]
    if xvfb:
        environment.update(QT_QPA_PLATFORM="xcb", QT_SCALE_FACTOR="1.5")  # 150 %, as on an office laptop
        command = ["xvfb-run", "-a", "-s", f"-screen 0 {xvfb}x24", *command]
    done = subprocess.run(command, env=environment, cwd=REPO, capture_output=True, encoding="utf-8", timeout=120)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.splitlines()[-1])


def _key_expiring_in(home: Path, days: int) -> None:
    for words in (("practice", "reset", "--expires-in-days", str(days)), ("status", "--backend", "practice")):
        done = run(home, *words)
        assert done.returncode == 0, done.stderr


def test_no_key_in_need_no_window(home: Path) -> None:
    _key_expiring_in(home, 45)
    assert _scheduled_run(home, "start") == {"notice": None, "wizard": False, "exit": 0}
    assert (home / "remind-last-run.json").is_file()  # for remind --status


@pytest.mark.parametrize(("days", "says"), [(20, "需要延期：还有 20 天到期"), (-40, "需更换 Ukey：40 天前到期")])
def test_renew_now_opens_the_wizard_and_once_a_day(home: Path, days: int, says: str) -> None:
    _key_expiring_in(home, days)
    first = _scheduled_run(home, "start")
    assert says in first["notice"] and first["wizard"] is True and first["exit"] == 0
    assert first["inside_screen"] is True
    assert _scheduled_run(home, "start") == {"notice": None, "wizard": False, "exit": 0}  # shown today already


def test_later_keeps_it_quiet(home: Path) -> None:
    _key_expiring_in(home, 20)
    later = _scheduled_run(home, "later")
    assert "需要延期" in later["notice"] and later["wizard"] is False
    note = json.loads((home / "remind-notice.json").read_text(encoding="utf-8"))
    assert set(note) == {"shown_on", "snoozed_until"}
    (home / "remind-notice.json").write_text(json.dumps({"snoozed_until": note["snoozed_until"]}), encoding="utf-8")
    assert _scheduled_run(home, "start")["notice"] is None  # not shown today, but snoozed


def test_on_a_real_screen_at_150_percent(home: Path, tmp_path: Path) -> None:
    """1366×768 at 150 % under Xvfb: in the corner, nothing cramped, and drawn (the screen grabbed)."""
    if not shutil.which("xvfb-run"):
        rig_missing("xvfb (xvfb-run)")
    _key_expiring_in(home, -5)
    shot = tmp_path / "screen.png"
    seen = _scheduled_run(home, "later", xvfb="1366x768", shot=shot)
    assert "已过期：5 天前到期" in seen["notice"] and seen["inside_screen"] is True
    assert seen["from_corner"] == [16, 16] and seen["cramped"] == []
    image = QImage(str(shot))
    corner = {
        image.pixel(x, y) for x in range(image.width() // 2, image.width(), 7) for y in range(0, image.height(), 7)
    }
    left = {image.pixel(x, y) for x in range(0, image.width() // 3, 7) for y in range(0, image.height(), 7)}
    assert len(corner) > 10 and len(left) == 1  # the notification drawn on the right, the rest of the screen bare
