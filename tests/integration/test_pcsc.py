"""PC/SC against real pcscd + vpcd: a virtual card inserted and pulled out."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator

import pytest

from tests.conftest import rig_missing
from tests.rig.vcard import VirtualCard
from ukey_renew.token import pcsc
from ukey_renew.token.pcsc import CardEvent, KnownCard, PcscMonitor, identify, known_cards, list_readers

PRACTICE_ATR = next(card.atr for card in known_cards() if card.practice)
UNKNOWN_ATR = bytes.fromhex("3B 02 14 50")
READER = "Virtual PCD 00 00"


@pytest.fixture
def pcsc_rig(request: pytest.FixtureRequest) -> None:
    """pcscd running, and pyscard to reach it (the "pcsc" extra off Windows)."""
    if pcsc.scard is None:
        rig_missing("pyscard (pip install -e '.[pcsc]')")
    request.getfixturevalue("pcsc_service")


@pytest.fixture
def monitor(pcsc_rig: None) -> Iterator[PcscMonitor]:
    watcher = PcscMonitor()
    yield watcher
    watcher.close()


def _wait_for(monitor: PcscMonitor, kind: str, limit: float = 10.0) -> CardEvent:
    """Wait on PC/SC itself (SCardGetStatusChange) until an event of ``kind``."""
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        for event in monitor.wait(timeout=deadline - time.monotonic()):
            if event.kind == kind and event.reader == READER:
                return event
    raise AssertionError(f"no {kind} event on {READER}")


def test_virtual_readers_listed(pcsc_rig: None) -> None:
    names = [reader.reader for reader in list_readers()]
    assert READER in names


def test_insert_and_remove_are_events(monitor: PcscMonitor) -> None:
    assert not next(r for r in monitor.readers() if r.reader == READER).present
    card = VirtualCard(PRACTICE_ATR)
    card.insert()
    try:
        inserted = _wait_for(monitor, "inserted")
        assert inserted.atr == PRACTICE_ATR
        assert inserted.card == "ukey-renew 练习卡（虚拟读卡器）"
        state = next(r for r in monitor.readers() if r.reader == READER)
        assert state.present and state.to_dict()["atr"] == PRACTICE_ATR.hex(" ").upper()
    finally:
        card.remove()
    _wait_for(monitor, "removed")
    assert not next(r for r in monitor.readers() if r.reader == READER).present


def test_unknown_card_is_present_but_unnamed(monitor: PcscMonitor) -> None:
    card = VirtualCard(UNKNOWN_ATR)
    card.insert()
    try:
        event = _wait_for(monitor, "inserted")
        assert event.atr == UNKNOWN_ATR and event.card is None
    finally:
        card.remove()
    _wait_for(monitor, "removed")


def test_wait_times_out_without_change(monitor: PcscMonitor) -> None:
    started = time.monotonic()
    assert monitor.wait(timeout=0.3) == []
    assert time.monotonic() - started >= 0.25  # it blocked in PC/SC, it did not spin


def test_cancel_wakes_a_waiting_thread(monitor: PcscMonitor) -> None:
    result: list[list[CardEvent]] = []
    waiter = threading.Thread(target=lambda: result.append(monitor.wait(timeout=30)))
    waiter.start()
    time.sleep(0.2)  # let the thread enter SCardGetStatusChange
    monitor.cancel()
    waiter.join(timeout=5)
    assert not waiter.is_alive() and result == [[]]


def test_atr_mask() -> None:
    card = KnownCard("masked", bytes.fromhex("3B 8F 80 01"), bytes.fromhex("FF FF 00 FF"), practice=False)
    assert identify(bytes.fromhex("3B 8F 12 01"), [card]) is card
    assert identify(bytes.fromhex("3B 8E 12 01"), [card]) is None
    assert identify(bytes.fromhex("3B 8F 12"), [card]) is None
