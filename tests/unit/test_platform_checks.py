"""Which Windows, told by its build number: Qt 6 needs Windows 10 1809, and
Windows 11 still calls itself "10" to platform.release() before Python 3.12."""

from __future__ import annotations

import sys
from datetime import UTC, datetime
from pathlib import Path
from types import SimpleNamespace

import pytest

from ukey_renew.support import support_summary
from ukey_renew.troubleshoot.checks import CheckContext, run_one


def _windows(monkeypatch: pytest.MonkeyPatch, major: int, minor: int, build: int) -> None:
    """What sys.getwindowsversion() answers on such a computer."""
    answer = SimpleNamespace(major=major, minor=minor, build=build, platform=2, service_pack="")
    monkeypatch.setattr(sys, "getwindowsversion", lambda: answer, raising=False)


def _check(home: Path) -> tuple[str, str]:
    context = CheckContext(data_dir=home, renewal_url="https://127.0.0.1:9/", login_url="https://127.0.0.1:9/")
    result = run_one("os.windows", context)
    return result.status, result.detail


@pytest.mark.parametrize(
    ("major", "minor", "build", "name"),
    [(6, 1, 7601, "Windows 7"), (6, 3, 9600, "Windows 8.1"), (10, 0, 17134, "Windows 10")],
)
def test_too_old_for_this_program(
    monkeypatch: pytest.MonkeyPatch, home: Path, major: int, minor: int, build: int, name: str
) -> None:
    _windows(monkeypatch, major, minor, build)
    status, detail = _check(home)
    assert status == "fail"
    assert f"{name}（build {build}）" in detail
    assert "需要 Windows 10 1809" in detail and "升级" in detail and "指南 3.1" in detail


@pytest.mark.parametrize(
    ("build", "name"),
    [
        (17763, "Windows 10（1809 或更新，build 17763）"),
        (19045, "Windows 10（1809 或更新，build 19045）"),
        (22631, "Windows 11（build 22631）"),
    ],
)
def test_supported_windows_named_by_build(monkeypatch: pytest.MonkeyPatch, home: Path, build: int, name: str) -> None:
    _windows(monkeypatch, 10, 0, build)
    status, detail = _check(home)
    assert status == "ok" and name in detail


def test_support_summary_names_windows_11(monkeypatch: pytest.MonkeyPatch) -> None:
    _windows(monkeypatch, 10, 0, 26100)
    summary = support_summary({}, datetime(2026, 11, 24, tzinfo=UTC))
    assert "系统：Windows 11（build 26100）" in summary
