"""Shared fixtures. Rig parts (SoftHSM2, pcscd + vpcd) are started by the tests
themselves; where one is missing a test is skipped on a developer's machine
and fails on Linux CI, so CI never passes by skipping. The rig is Debian's
(DESIGN §5): elsewhere, as in the Windows workflow, its parts are skipped."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from tests.rig import pcscd
from tests.rig.softhsm import SoftHSM, tools_present

REPO = Path(__file__).resolve().parent.parent
FIXTURES = REPO / "tests" / "fixtures"
FIXTURE_CERTS = FIXTURES / "certs"


def under_wine() -> bool:
    """Windows played by Wine (the Windows stage, docs/windows.md), not a real Windows."""
    if sys.platform != "win32":
        return False
    import ctypes

    return hasattr(ctypes.windll.ntdll, "wine_get_version")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """``wine_gap``: expected to fail under Wine, strictly (a gap Wine closes shows up); as usual elsewhere."""
    if not under_wine():
        return
    for item in items:
        for marker in item.iter_markers("wine_gap"):
            item.add_marker(pytest.mark.xfail(reason=f"Wine gap: {marker.args[0]}", strict=True))


def rig_missing(what: str) -> None:
    if os.environ.get("CI") and sys.platform == "linux":
        pytest.fail(f"test rig incomplete on CI: {what}")
    pytest.skip(f"test rig not installed here: {what}")


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh user data dir, as UKEY_RENEW_HOME."""
    path = tmp_path / "home"
    path.mkdir()
    monkeypatch.setenv("UKEY_RENEW_HOME", str(path))
    return path


@pytest.fixture
def now() -> datetime:
    return datetime(2026, 11, 24, 12, 0, tzinfo=UTC)


@pytest.fixture
def empty_softhsm(tmp_path: Path) -> dict[str, str]:
    """Environment for SoftHSM with no tokens: discovery finds the module and nothing in it."""
    return {"SOFTHSM2_CONF": str(SoftHSM(tmp_path / "empty-hsm").conf)}


@pytest.fixture(scope="session")
def softhsm(tmp_path_factory: pytest.TempPathFactory) -> SoftHSM:
    """One SoftHSM2 token dir for the session: the module reads SOFTHSM2_CONF
    once per process, so tests share it and use labels of their own."""
    if not tools_present():
        rig_missing("softhsm2 and opensc (softhsm2-util, pkcs11-tool)")
    hsm = SoftHSM(tmp_path_factory.mktemp("softhsm"))
    os.environ["SOFTHSM2_CONF"] = str(hsm.conf)
    return hsm


@pytest.fixture(scope="session")
def pcsc_service() -> Iterator[None]:
    if sys.platform != "linux" or (pcscd.readers() is None and not os.path.exists("/usr/sbin/pcscd")):
        rig_missing("pcscd")
    process = pcscd.ensure_running()
    yield
    if process is not None:
        process.terminate()
        process.wait(timeout=10)


@pytest.fixture
def fixture_certs() -> list[Path]:
    found = sorted(FIXTURE_CERTS.glob("*.pem"))
    assert found, f"no certificates in {FIXTURE_CERTS}"
    return found
