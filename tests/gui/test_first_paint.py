"""What the wizard has loaded when its window is first painted, in a fresh
process as a user starts it: nothing the first page does not show. Not the
network, certificate or key libraries, not the crash notice, not the
practice key; and PySide6 has not built the enums of widget classes the
first page does not use (a Qt-made widget handed to Python makes it look
through every widget class for its type)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO
from ukey_renew.token import practice

PROBE = """
import enum, json, os, sys
from PySide6.QtCore import QEvent, QObject
from ukey_renew.gui import app, window

def enums():
    seen, todo = set(), [enum.Enum]
    while todo:
        for sub in todo.pop().__subclasses__():
            if sub not in seen:
                seen.add(sub)
                todo.append(sub)
    return sorted(c.__qualname__ for c in seen if c.__module__.startswith("PySide6"))

class FirstPaint(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint and watched.isVisible():
            painted = {"modules": sorted(sys.modules), "enums": enums()}
            from PySide6.QtCore import Qt  # the enums are counted: now what the window shows
            painted["wizard_in_window"] = watched.wizard.parentWidget() is not None and not watched.wizard.isWindow()
            painted["banner_centred"] = watched.banner.alignment() == Qt.AlignmentFlag.AlignCenter
            from PySide6.QtWidgets import QLabel

            painted["rich_text"] = [l.text() for l in watched.findChildren(QLabel) if l.isVisible() and "<" in l.text()]
            menus = [action.menu() for action in watched.menuBar().actions()]
            painted["menus"] = [(menu.title(), len(menu.actions())) for menu in menus]
            print(json.dumps(painted), flush=True)
            os._exit(0)  # painted: what came after does not count
        return False

painted = FirstPaint()
show = window.MainWindow.show
def showing(self):
    self.installEventFilter(painted)
    show(self)
window.MainWindow.show = showing
app.run(practice_only=sys.argv[1] == "practice", lang="zh", tour=None)
"""

NOT_YET = ("requests", "urllib3", "websocket", "smartcard", "pkcs11", "cryptography", "asn1crypto", "werkzeug")


@pytest.mark.parametrize("mode", ["default", "practice"])
def test_first_paint_loads_only_what_the_first_page_shows(mode: str, tmp_path: Path, empty_softhsm) -> None:  # type: ignore[no-untyped-def]
    home = tmp_path / "home"
    done = subprocess.run(
        [sys.executable, "-c", PROBE, mode],
        cwd=REPO,
        env={**os.environ, **empty_softhsm, "UKEY_RENEW_HOME": str(home), "QT_QPA_PLATFORM": "offscreen"},
        capture_output=True,
        encoding="utf-8",
        timeout=120,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    painted = json.loads(done.stdout.strip().splitlines()[-1])
    modules = painted["modules"]
    assert [name for name in modules if name.split(".")[0] in NOT_YET] == []
    assert "ukey_renew.gui.crash_notice" not in modules and "ukey_renew.casim.provision" not in modules
    assert not {"ukey_renew.gui.pages", "ukey_renew.gui.renew_page", "ukey_renew.gui.branch_pages"} & set(modules)
    # the session opens with the first look for keys, after the paint; the key registry with it
    assert not {"ukey_renew.session", "ukey_renew.token.registry", "ukey_renew.gui.watch"} & set(modules)
    owners = {name.split(".")[0] for name in painted["enums"]}
    later = {"QDockWidget", "QProgressBar", "QDialogButtonBox"}  # the help panel's dock, later pages and dialogs
    assert not owners & {"QCalendarWidget", "QMdiArea", "QFontDialog", "QStyle", "QMessageBox", *later}, sorted(owners)
    # PySide6 builds the Qt namespace's 93 enum classes at the first use of any of them
    assert "Qt" not in owners, [name for name in painted["enums"] if name.startswith("Qt.")][:5]
    assert painted["wizard_in_window"] and painted["banner_centred"]
    assert painted["menus"] == [["工具(&T)", 0], ["帮助(&H)", 0]]  # entries and their shortcuts once painted
    assert "QAction" not in owners
    assert painted["rich_text"] == []  # a shown label in rich text sets Qt's HTML layout up before the paint
    assert not practice.default_path(home).exists() and not (home / "reference-ca").exists()


def test_flags_given_by_value_are_qts(qtbot) -> None:  # type: ignore[no-untyped-def]
    """The flags set before the first paint by number are the ones Qt names,
    and a property the widget does not have is an error, not a silent
    dynamic property."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QLabel

    from ukey_renew.gui import widgets

    assert widgets.NO_FOCUS == Qt.FocusPolicy.NoFocus.value
    assert widgets.SELECTABLE_BY_MOUSE == Qt.TextInteractionFlag.TextSelectableByMouse.value
    assert widgets.ALIGN_CENTER == Qt.AlignmentFlag.AlignCenter.value
    label = QLabel()
    qtbot.addWidget(label)
    widgets.set_flags(label, textInteractionFlags=widgets.SELECTABLE_BY_MOUSE, focusPolicy=widgets.NO_FOCUS)
    assert label.textInteractionFlags() == Qt.TextInteractionFlag.TextSelectableByMouse
    assert label.focusPolicy() == Qt.FocusPolicy.NoFocus
    with pytest.raises(AttributeError):
        widgets.set_flags(label, alignmnet=widgets.ALIGN_CENTER)


def test_the_first_look_opens_the_session_in_a_worker(home: Path, qtbot) -> None:  # type: ignore[no-untyped-def]
    """Opened on the GUI thread, the session's modules would hold the event
    loop up in the turn after the first paint; the first page's worker opens
    it, and the page lists the practice key it reads."""
    import threading
    from datetime import UTC, datetime

    from ukey_renew.casim.provision import reset_practice_key
    from ukey_renew.gui.context import Context
    from ukey_renew.gui.window import MainWindow
    from ukey_renew.session import Session

    reset_practice_key(home, datetime.now(UTC))
    opened: list[Session] = []
    threads: list[threading.Thread] = []

    def opening() -> Session:
        threads.append(threading.current_thread())
        opened.append(Session(home, practice_only=True))
        return opened[-1]

    context = Context(opening=opening, practice_only=True)
    window = MainWindow(context)
    qtbot.addWidget(window)
    assert opened == []
    window.show()
    try:
        qtbot.waitUntil(lambda: bool(context.choices), timeout=20_000)
        assert threads and threads[0] is not threading.main_thread()
        assert len(opened) == 1 and context.session is opened[0]
        assert window.wizard.detect_page.keys.count() == 1
    finally:
        context.close()
