"""Keys coming and going told at once by BJCA's service: its WebSocket push,
found beside the HTTP address the program calls (the simulator serves both
on one port, as BJCA's service does)."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest

from ukey_renew.casim.provision import reset_practice_key
from ukey_renew.casim.xtxapp import XTXAppService, make_server
from ukey_renew.token import practice
from ukey_renew.token.xtxapp import XtxappEvents, push_url


@pytest.fixture
def served(home: Path, now: datetime) -> Iterator[tuple[str, Path]]:
    reset_practice_key(home, now)
    key = practice.default_path(home)
    server = make_server(XTXAppService(key))
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/synctl", key
    server.shutdown()
    server.server_close()


def test_push_address_is_beside_the_calls() -> None:
    assert push_url("http://127.0.0.1:21051/synctl") == "ws://127.0.0.1:21051/xtxapp/"
    assert push_url("https://127.0.0.1:21061/synctl") == "wss://127.0.0.1:21061/xtxapp/"
    assert push_url("ws://127.0.0.1:21051/xtxapp/") == "ws://127.0.0.1:21051/xtxapp/"


def test_a_key_pulled_out_is_told_and_stop_ends_the_watch(served: tuple[str, Path]) -> None:
    url, key = served
    events = XtxappEvents(push_url(url))
    changed = threading.Event()
    watcher = threading.Thread(target=events.watch, args=(changed.set,), daemon=True)
    watcher.start()
    saved = key.read_bytes()
    try:
        for _ in range(50):  # pulled out and plugged in again, until the watch (connecting meanwhile) is told
            key.unlink()  # the simulator's key is its file: gone is pulled out
            told = changed.wait(0.2)
            key.write_bytes(saved)
            if told or changed.wait(0.2):
                break
        assert changed.is_set()
    finally:
        events.stop()
        watcher.join(10)
    assert not watcher.is_alive()


def test_without_the_service_watching_ends_at_once() -> None:
    events = XtxappEvents("ws://127.0.0.1:9/xtxapp/")
    events.watch(lambda: pytest.fail("no change can be told without the service"))
