"""Finding 360 Secure Browser and BJCA's environment where Windows keeps them."""

from __future__ import annotations

from pathlib import Path

import pytest

from ukey_renew import installed


@pytest.fixture
def windows_folders(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    for name in ("LOCALAPPDATA", "APPDATA", "ProgramFiles(x86)", "ProgramFiles", "SystemRoot"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("ProgramFiles(x86)", str(tmp_path / "pf86"))
    monkeypatch.setenv("SystemRoot", str(tmp_path / "Windows"))
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    return tmp_path


def test_nothing_installed(windows_folders: Path) -> None:
    assert installed.browser_360() is None
    assert installed.bjca_environment() == []


def test_found_where_windows_keeps_them(windows_folders: Path) -> None:
    browser = windows_folders / "pf86" / "360" / "360se6" / "Application" / "360se.exe"
    browser.parent.mkdir(parents=True)
    browser.write_bytes(b"MZ")
    (windows_folders / "pf86" / "BJCA证书助手").mkdir()
    driver = windows_folders / "Windows" / "System32" / "bjcacsp11_gm3000.dll"
    driver.parent.mkdir(parents=True)
    driver.write_bytes(b"MZ")
    assert installed.browser_360() == str(browser)
    found = installed.bjca_environment()
    assert str(driver) in found and any(path.endswith("BJCA证书助手") for path in found)
