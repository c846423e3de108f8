"""Qt runs offscreen in these tests; real windows are tested under Xvfb."""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from tests.rig.prompts import renew_practice
from ukey_renew import paths
from ukey_renew.casim.provision import reset_practice_key
from ukey_renew.gui.context import Context
from ukey_renew.gui.window import MainWindow
from ukey_renew.session import Session


@pytest.fixture
def make_window(home: Path, qtbot) -> Iterator:  # type: ignore[no-untyped-def]
    """A main window on the practice key (expiring in ``days``) and reference site."""
    sessions: list[Session] = []
    windows: list[MainWindow] = []

    def make(days: int = 20, *, renewed_by: tuple[str, str] | None = None) -> MainWindow:
        """``renewed_by``: the holder of a practice renewal done before the window opens."""
        reset_practice_key(home, datetime.now(UTC), expires_in_days=days)
        if renewed_by:
            renew_practice(home, holder=renewed_by)
        session = Session(home, practice_only=True, fixed_captcha="2309")
        sessions.append(session)
        window = MainWindow(Context(session=session))
        qtbot.addWidget(window)
        window.show()
        windows.append(window)
        return window

    yield make
    for window in windows:  # a test that failed mid-renewal: closing would ask "退出吗？" and wait for ever
        renew = window.wizard.renew_page
        renew.cancel()
        qtbot.waitUntil(lambda renew=renew: not renew.busy, timeout=20_000)
    for session in sessions:
        session.close()


@pytest.fixture
def english() -> Iterator[None]:
    """The window in English: the compiled translations loaded, the locale English."""
    translator = QTranslator()
    assert translator.load(str(paths.resource("i18n", "ukey_renew_en.qm")))
    QCoreApplication.installTranslator(translator)
    before = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.English))
    try:
        yield
    finally:
        QLocale.setDefault(before)
        QCoreApplication.removeTranslator(translator)
