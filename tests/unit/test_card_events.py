"""The card events (PC/SC), without Qt and without a PC/SC service: what
the wizard's watcher thread relies on."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from ukey_renew.errors import PcscNotInstalled
from ukey_renew.token import pcsc
from ukey_renew.token.pcsc import CardEvents


class OneChangeMonitor:
    """A reader that changes once, then stays quiet until cancelled."""

    def __init__(self) -> None:
        self.woken = threading.Event()
        self.waits = 0
        self.closed = False

    def wait(self, timeout: float) -> list[str]:
        self.waits += 1
        if self.waits == 1:
            return ["inserted"]
        self.woken.wait(timeout)
        return []

    def cancel(self) -> None:
        self.woken.set()

    def close(self) -> None:
        self.closed = True


def test_a_change_is_told_and_stop_ends_the_wait_at_once(monkeypatch: pytest.MonkeyPatch) -> None:
    monitor = OneChangeMonitor()
    monkeypatch.setattr(pcsc, "PcscMonitor", lambda: monitor)
    events = CardEvents()
    changed = threading.Event()
    thread = threading.Thread(target=events.watch, args=(changed.set,))
    thread.start()
    assert changed.wait(5)
    events.stop()
    thread.join(timeout=CardEvents.WAIT_SECONDS / 5)  # woken, not timed out
    assert not thread.is_alive() and monitor.closed


def test_without_pcsc_watching_ends_at_once(monkeypatch: pytest.MonkeyPatch) -> None:
    def not_installed() -> None:
        raise PcscNotInstalled()

    monkeypatch.setattr(pcsc, "PcscMonitor", not_installed)
    CardEvents().watch(lambda: pytest.fail("no change can be seen without PC/SC"))


def test_the_session_watches_each_backend_that_has_events(tmp_path: Path) -> None:
    from ukey_renew.session import Session
    from ukey_renew.token.xtxapp import XtxappEvents

    sources = Session(tmp_path, practice_only=False).key_events()
    assert [type(source) for source in sources] == [CardEvents, XtxappEvents]
    assert Session(tmp_path, practice_only=True).key_events() == []  # the practice key has none
