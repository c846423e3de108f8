"""PC/SC where Windows has stopped its Smart Card service (no reader attached:
the normal state of most office PCs), and where pyscard is not installed.

pyscard's ``scard`` module is replaced at the seam by one answering as
Windows does; the missing module is blocked in a child process.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from ukey_renew.certs import RenewalPolicy
from ukey_renew.errors import PcscNotInstalled, ReaderUnavailable
from ukey_renew.status import collect
from ukey_renew.token import pcsc
from ukey_renew.troubleshoot.checks import CheckContext, run_one

SUCCESS = 0
CANCELLED = 0x80100002
TIMEOUT = 0x8010000A
NO_SERVICE = 0x8010001D
SERVICE_STOPPED = 0x8010001E
NO_READERS = 0x8010002E
INTERNAL_ERROR = 0x80100001
PRESENT, CHANGED = 0x20, 0x2
READER = "Feitian ePass3000GM 0"
ATR = [0x3B, 0x9F, 0x95, 0x81]


@dataclass
class FakeService:
    """The Smart Card service as pyscard reports it; ``running`` False is Windows with no reader."""

    running: bool = False
    stopped_code: int = NO_SERVICE
    readers: list[str] = field(default_factory=list)
    fault: int | None = None  # any other answer to SCardListReaders
    contexts: int = 0  # contexts established
    released: int = 0
    waits: int = 0  # SCardGetStatusChange calls

    def scard(self) -> SimpleNamespace:
        return SimpleNamespace(
            SCARD_S_SUCCESS=SUCCESS,
            SCARD_SCOPE_USER=0,
            SCARD_E_CANCELLED=CANCELLED,
            SCARD_E_TIMEOUT=TIMEOUT,
            SCARD_E_NO_SERVICE=NO_SERVICE,
            SCARD_E_SERVICE_STOPPED=SERVICE_STOPPED,
            SCARD_E_NO_READERS_AVAILABLE=NO_READERS,
            SCARD_STATE_UNAWARE=0,
            SCARD_STATE_CHANGED=CHANGED,
            SCARD_STATE_EMPTY=0x10,
            SCARD_STATE_PRESENT=PRESENT,
            SCardEstablishContext=self.establish,
            SCardReleaseContext=self.release,
            SCardListReaders=self.list_readers,
            SCardGetStatusChange=self.status_change,
            SCardCancel=lambda context: SUCCESS,
            SCardGetErrorMessage=lambda code: f"error 0x{code:08X}",
        )

    def establish(self, scope: int) -> tuple[int, Any]:
        if not self.running:
            return self.stopped_code, None
        self.contexts += 1
        return SUCCESS, self.contexts

    def release(self, context: Any) -> int:
        self.released += 1
        return SUCCESS

    def list_readers(self, context: Any, groups: list[str]) -> tuple[int, list[str]]:
        if not self.running:
            return self.stopped_code, []
        if self.fault is not None:
            return self.fault, []
        return (SUCCESS, list(self.readers)) if self.readers else (NO_READERS, [])

    def status_change(self, context: Any, timeout: int, states: list[Any]) -> tuple[int, list[Any]]:
        self.waits += 1
        if not self.running:
            return self.stopped_code, []
        return SUCCESS, [(name, PRESENT | CHANGED, ATR) if name == READER else (name, 0, []) for name, _ in states]


@pytest.fixture
def service(monkeypatch: pytest.MonkeyPatch) -> FakeService:
    fake = FakeService()
    monkeypatch.setattr(pcsc, "scard", fake.scard())
    return fake


@pytest.mark.parametrize("code", [NO_SERVICE, SERVICE_STOPPED], ids=["no_service", "service_stopped"])
def test_no_service_at_all_means_no_readers(service: FakeService, code: int) -> None:
    service.stopped_code = code
    assert pcsc.list_readers() == []


@pytest.mark.parametrize("code", [NO_SERVICE, SERVICE_STOPPED], ids=["no_service", "service_stopped"])
def test_service_stopping_after_the_context_means_no_readers(service: FakeService, code: int) -> None:
    service.running = True
    monitor = pcsc.PcscMonitor()
    service.running, service.stopped_code = False, code  # the last reader went: Windows stops the service
    assert monitor.wait(timeout=0.01) == []
    assert monitor.readers() == [] and service.released == 1  # the context died with the service
    monitor.close()


def test_monitor_waits_for_the_service_to_come_back(service: FakeService) -> None:
    monitor = pcsc.PcscMonitor()
    assert monitor.readers() == []
    assert monitor.wait(timeout=0.01) == [] and service.waits == 0  # nothing to block in: it slept
    service.running, service.readers = True, [READER]  # a reader is plugged in: Windows starts the service
    kinds = [event.kind for event in monitor.wait(timeout=0.01)]
    assert kinds == ["reader_added", "inserted"]
    assert [reader.reader for reader in monitor.readers()] == [READER]
    monitor.close()
    assert service.released == 1


def test_cancel_wakes_a_wait_without_service(service: FakeService) -> None:
    monitor = pcsc.PcscMonitor()
    result: list[list[pcsc.CardEvent]] = []
    waiter = threading.Thread(target=lambda: result.append(monitor.wait(timeout=600)))
    waiter.start()
    monitor.cancel()
    waiter.join(timeout=30)
    assert not waiter.is_alive() and result == [[]]


def test_other_failures_are_still_faults(service: FakeService) -> None:
    service.running, service.fault = True, INTERNAL_ERROR
    with pytest.raises(ReaderUnavailable):
        pcsc.list_readers()


def test_doctor_without_service_sees_no_readers(service: FakeService, home: Path) -> None:
    context = CheckContext(data_dir=home, renewal_url="https://127.0.0.1:9/", login_url="https://127.0.0.1:9/")
    result = run_one("key.pcsc", context)
    assert result.status == "warn" and "没有智能卡读卡器" in result.detail


def test_without_pyscard_it_says_so(monkeypatch: pytest.MonkeyPatch, home: Path) -> None:
    monkeypatch.setattr(pcsc, "scard", None)
    with pytest.raises(PcscNotInstalled) as caught:
        pcsc.PcscMonitor()
    assert caught.value.id == "pcsc.not_installed" and "PC/SC 支持未安装" in caught.value.message
    status = collect(  # every backend: the readers are listed only then (a backend named alone loads its own)
        "auto", data_dir=home, now=datetime.now(UTC), policy=RenewalPolicy(), xtxapp_url="http://127.0.0.1:9",
        list_readers=pcsc.list_readers,
    )  # fmt: skip
    assert [problem["id"] for problem in status.problems if problem["backend"] == "pcsc"] == ["pcsc.not_installed"]


_BLOCKED = """
import contextlib, io, json, pathlib, sys
sys.modules["smartcard"] = None  # as if pyscard (the "pcsc" extra) were not installed
from ukey_renew.cli import main
from ukey_renew.troubleshoot.checks import CheckContext, run_one
status = io.StringIO()
with contextlib.redirect_stdout(status):
    main(["status", "--json"])
context = CheckContext(data_dir=pathlib.Path(sys.argv[1]), renewal_url="", login_url="")
check = run_one("key.pcsc", context).to_dict()
print(json.dumps({"status": json.loads(status.getvalue()), "check": check}, ensure_ascii=False))
"""


def test_missing_pyscard_in_a_real_process(home: Path, empty_softhsm: dict[str, str]) -> None:
    env = {**os.environ, **empty_softhsm, "UKEY_RENEW_HOME": str(home), "PYTHONIOENCODING": "utf-8"}
    command = [sys.executable, "-c", _BLOCKED, str(home)]
    done = subprocess.run(command, env=env, capture_output=True, text=True, encoding="utf-8", timeout=120)
    assert done.returncode == 0, done.stderr
    found = json.loads(done.stdout)
    (problem,) = [p for p in found["status"]["problems"] if p["backend"] == "pcsc"]
    assert problem["id"] == "pcsc.not_installed" and "PC/SC 支持未安装" in problem["message"]
    assert found["check"]["status"] == "skip" and "PC/SC 支持未安装" in found["check"]["detail"]
