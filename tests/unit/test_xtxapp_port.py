"""The XTXApp simulator never shares its port: on Windows, SO_REUSEADDR would
let it bind BJCA's port 21051 beside the real service and take its traffic."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import threading
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import REPO
from ukey_renew.casim.commands import main as casim_main
from ukey_renew.casim.provision import reset_practice_key
from ukey_renew.casim.xtxapp import XTXAppService, make_server
from ukey_renew.command import EXIT_ERROR
from ukey_renew.errors import PortTaken
from ukey_renew.token import practice
from ukey_renew.token.xtxapp import XTXAppClient, scan

# Windows defines it as the complement of SO_REUSEADDR; elsewhere the tests lend it and never pass it on.
HAS_EXCLUSIVE = hasattr(socket, "SO_EXCLUSIVEADDRUSE")
EXCLUSIVE = getattr(socket, "SO_EXCLUSIVEADDRUSE", ~socket.SO_REUSEADDR)


@pytest.fixture
def service(home: Path) -> XTXAppService:
    return XTXAppService(practice.default_path(home))


@pytest.fixture
def socket_calls(monkeypatch: pytest.MonkeyPatch) -> list[tuple[Any, ...]]:
    """Options set on sockets and their binds, in order. An option this
    platform does not have is recorded, not set."""
    calls: list[tuple[Any, ...]] = []
    setsockopt, bind = socket.socket.setsockopt, socket.socket.bind

    def recorded_setsockopt(self: socket.socket, level: int, option: int, value: Any) -> None:
        calls.append(("setsockopt", level, option, value))
        if option != EXCLUSIVE or HAS_EXCLUSIVE:
            setsockopt(self, level, option, value)

    def recorded_bind(self: socket.socket, address: Any) -> None:
        calls.append(("bind", address))
        bind(self, address)

    monkeypatch.setattr(socket.socket, "setsockopt", recorded_setsockopt)
    monkeypatch.setattr(socket.socket, "bind", recorded_bind)
    return calls


def test_on_windows_the_port_is_taken_exclusively(
    service: XTXAppService, socket_calls: list[tuple[Any, ...]], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setattr(socket, "SO_EXCLUSIVEADDRUSE", EXCLUSIVE, raising=False)
    make_server(service).server_close()
    assert socket_calls == [("setsockopt", socket.SOL_SOCKET, EXCLUSIVE, 1), ("bind", ("127.0.0.1", 0))]


def test_on_linux_a_restart_may_reuse_the_port(
    service: XTXAppService, socket_calls: list[tuple[Any, ...]], monkeypatch: pytest.MonkeyPatch
) -> None:
    """SO_REUSEADDR on Linux lets a listening port be bound again during
    TIME_WAIT only, never while another socket listens on it."""
    monkeypatch.setattr(sys, "platform", "linux")
    make_server(service).server_close()
    assert socket_calls == [("setsockopt", socket.SOL_SOCKET, socket.SO_REUSEADDR, 1), ("bind", ("127.0.0.1", 0))]


@pytest.fixture
def running(home: Path, now: datetime, service: XTXAppService) -> Iterator[int]:
    """A simulator serving the practice key; yields its port."""
    reset_practice_key(home, now)
    server = make_server(service)
    threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()
    yield server.server_address[1]
    server.shutdown()
    server.server_close()


def test_a_second_simulator_on_the_same_port_fails_cleanly(
    running: int, service: XTXAppService, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(PortTaken) as taken:
        make_server(service, running)
    assert str(running) in taken.value.message
    assert casim_main(["xtxapp", "--port", str(running)]) == EXIT_ERROR
    assert f"端口 {running} 已被占用" in capsys.readouterr().err
    # the first simulator keeps the port and answers
    assert scan(XTXAppClient(f"http://127.0.0.1:{running}/synctl"))[0]


_NO_SERVICE = """
import json, socket, sys
from ukey_renew.errors import ServiceUnavailable
from ukey_renew.token.xtxapp_link import open_link
probe = socket.socket()
probe.bind(("127.0.0.1", 0))
port = probe.getsockname()[1]  # bound, not listening: nothing accepts there
said = []
for url in (f"http://127.0.0.1:{port}/synctl", f"ws://127.0.0.1:{port}/xtxapp/"):
    link = open_link(url)
    try:
        link.exchange({"func": "SOF_GetUserList", "clsid": "", "url": "", "param": []}, 1.0)
    except ServiceUnavailable as exc:
        said.append(exc.id)
    link.close()
loaded = sorted(name for name in ("requests", "websocket", "ssl") if name in sys.modules)
print(json.dumps({"said": said, "loaded": loaded}))
"""


def test_with_no_service_at_the_port_no_http_client_is_loaded() -> None:
    """Where BJCA's service does not run, the first page's look for keys every few seconds
    finds it absent with a bare socket: the HTTP and WebSocket clients and TLS stay unloaded."""
    done = subprocess.run([sys.executable, "-c", _NO_SERVICE], cwd=REPO, capture_output=True, encoding="utf-8",
                          timeout=60)  # fmt: skip
    assert done.returncode == 0, done.stderr[-2000:]
    assert json.loads(done.stdout) == {"said": ["xtxapp.unavailable"] * 2, "loaded": []}
