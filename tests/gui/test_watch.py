"""The first page notices a card inserted in a real PC/SC reader (pcscd + vpcd)."""

from __future__ import annotations

from pathlib import Path

from tests.integration.test_pcsc import PRACTICE_ATR
from tests.rig.vcard import VirtualCard
from ukey_renew.gui.context import Context
from ukey_renew.gui.window import MainWindow
from ukey_renew.session import Session

TIMEOUT = 20_000


def test_inserting_a_card_looks_again(pcsc_service: None, home: Path, qtbot, empty_softhsm, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    for name, value in empty_softhsm.items():
        monkeypatch.setenv(name, value)
    session = Session(home, practice_only=False)
    looks: list[int] = []
    original = session.detect

    def counted():  # type: ignore[no-untyped-def]
        looks.append(1)
        return original()

    monkeypatch.setattr(session, "detect", counted)
    window = MainWindow(Context(session=session))
    qtbot.addWidget(window)
    page = window.wizard.detect_page
    page._poll.setInterval(600_000)  # only the PC/SC event may cause a second look
    window.show()
    try:
        qtbot.waitUntil(lambda: page.keys.count() > 0 and not page.busy, timeout=TIMEOUT)  # the practice key
        before = len(looks)
        card = VirtualCard(PRACTICE_ATR)
        card.insert()
        try:
            qtbot.waitUntil(lambda: len(looks) > before, timeout=TIMEOUT)
        finally:
            card.remove()
    finally:
        page.watcher.stop()
        session.close()
