"""Finding 360 Secure Browser and BJCA's environment where Windows keeps them,
and starting the browser the way a PyInstaller program must."""

from __future__ import annotations

import ctypes
import os
import re
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from ukey_renew import installed

APP_PATH = r"Software\Microsoft\Windows\CurrentVersion\App Paths\360se6.exe"


class FakeWinreg:
    """The part of ``winreg`` the search uses, failing as the real one does."""

    HKEY_CURRENT_USER = 0x80000001
    HKEY_LOCAL_MACHINE = 0x80000002
    KEY_READ = 0x20019
    KEY_WOW64_64KEY = 0x0100
    KEY_WOW64_32KEY = 0x0200
    REG_SZ = 1
    REG_EXPAND_SZ = 2

    def __init__(self) -> None:
        self.keys: dict[tuple[int, int, str], dict[str, tuple[str, int]]] = {}

    def add(self, hive: int, value: str | None, *, kind: int = REG_SZ, view: int = KEY_WOW64_64KEY) -> None:
        """A key at APP_PATH; ``value`` None is a key without its default value."""
        self.keys[self._where(hive, view, APP_PATH)] = {} if value is None else {"": (value, kind)}

    def _where(self, hive: int, view: int, path: str) -> tuple[int, int, str]:
        # HKCU\Software is shared by both views; a 64-bit process without a view flag sees the 64-bit one.
        return hive, 0 if hive == self.HKEY_CURRENT_USER else (view or self.KEY_WOW64_64KEY), path.lower()

    def OpenKey(self, key: int, sub_key: str, reserved: int = 0, access: int = KEY_READ) -> Any:  # noqa: N802
        view = access & (self.KEY_WOW64_64KEY | self.KEY_WOW64_32KEY)
        values = self.keys.get(self._where(key, view, sub_key))
        if values is None:
            raise FileNotFoundError(2, "The system cannot find the file specified")
        return _FakeKey(values)

    def QueryValueEx(self, key: _FakeKey, name: str) -> tuple[str, int]:  # noqa: N802
        if name not in key.values:
            raise FileNotFoundError(2, "The system cannot find the file specified")
        return key.values[name]

    def ExpandEnvironmentStrings(self, text: str) -> str:  # noqa: N802
        return re.sub(r"%([^%]+)%", lambda match: os.environ.get(match.group(1), match.group(0)), text)


class _FakeKey:
    def __init__(self, values: dict[str, tuple[str, int]]) -> None:
        self.values = values

    def __enter__(self) -> _FakeKey:
        return self

    def __exit__(self, *exc: object) -> None:
        return None


@pytest.fixture
def windows_folders(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    for name in ("LOCALAPPDATA", "APPDATA", "ProgramFiles(x86)", "ProgramFiles", "SystemRoot"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("APPDATA", str(tmp_path / "Roaming"))
    monkeypatch.setenv("ProgramFiles(x86)", str(tmp_path / "pf86"))
    monkeypatch.setenv("SystemRoot", str(tmp_path / "Windows"))
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    return tmp_path


@pytest.fixture
def registry(monkeypatch: pytest.MonkeyPatch) -> FakeWinreg:
    fake = FakeWinreg()
    monkeypatch.setattr(installed, "_winreg", lambda: fake)
    return fake


def program(path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"MZ")
    return path


def test_nothing_installed(windows_folders: Path, registry: FakeWinreg) -> None:
    registry.add(registry.HKEY_LOCAL_MACHINE, None)  # the key without a path: nothing found, nothing raised
    assert installed.browser_360() is None
    assert installed.bjca_environment() == []


def test_found_where_windows_keeps_them(windows_folders: Path) -> None:
    browser = program(windows_folders / "pf86" / "360" / "360se6" / "Application" / "360se.exe")
    (windows_folders / "pf86" / "BJCA证书助手").mkdir()
    driver = program(windows_folders / "Windows" / "System32" / "bjcacsp11_gm3000.dll")
    assert installed.browser_360() == str(browser)
    found = installed.bjca_environment()
    assert str(driver) in found and any(path.endswith("BJCA证书助手") for path in found)


def test_per_user_install_under_appdata(windows_folders: Path, registry: FakeWinreg) -> None:
    browser = program(windows_folders / "Roaming" / "360se6" / "Application" / "360se.exe")
    assert installed.browser_360() == str(browser)


def test_registry_finds_any_other_place(windows_folders: Path, registry: FakeWinreg) -> None:
    machine = program(windows_folders / "D" / "Browsers" / "360se.exe")
    user = program(windows_folders / "Roaming" / "Other" / "360se.exe")
    program(windows_folders / "pf86" / "360" / "360se6" / "Application" / "360se.exe")  # where the registry is not
    registry.add(registry.HKEY_LOCAL_MACHINE, str(machine))
    registry.add(registry.HKEY_CURRENT_USER, f'"{user}"')
    assert installed.browser_360() == str(user)  # the user's own registration wins
    user.unlink()  # uninstalled by hand, still registered: skipped
    assert installed.browser_360() == str(machine)


def test_registry_32_bit_view_and_expandable_path(windows_folders: Path, registry: FakeWinreg) -> None:
    browser = program(windows_folders / "Roaming" / "Elsewhere" / "360se.exe")
    registry.add(
        registry.HKEY_LOCAL_MACHINE,
        r"%APPDATA%" + os.sep + os.path.join("Elsewhere", "360se.exe"),
        kind=registry.REG_EXPAND_SZ,
        view=registry.KEY_WOW64_32KEY,
    )
    assert installed.browser_360() == str(browser)


def test_browser_started_through_shell_execute_on_windows(monkeypatch: pytest.MonkeyPatch) -> None:
    started: list[tuple[str, str]] = []

    def startfile(path: str, operation: str | None = None, arguments: str = "", **rest: Any) -> None:
        started.append((path, arguments))

    def popen(*args: Any, **kwargs: Any) -> None:
        raise AssertionError("a child of the PyInstaller program inherits its DLL search path")

    monkeypatch.setattr(installed, "sys", SimpleNamespace(platform="win32"))
    monkeypatch.setattr(os, "startfile", startfile, raising=False)
    monkeypatch.setattr(installed.subprocess, "Popen", popen)
    browser = r"C:\Users\clerk\AppData\Roaming\360se6\Application\360se.exe"
    installed.open_in(browser, "https://ca.12309.gov.cn:8080/xtxuserweb")
    assert started == [(browser, "https://ca.12309.gov.cn:8080/xtxuserweb")]


def test_the_bundle_dll_folder_is_not_handed_to_the_browser(monkeypatch: pytest.MonkeyPatch) -> None:
    """In the bundle, the DLL search path is reset while the browser starts, and restored after."""
    calls: list[object] = []

    def startfile(path: str, operation: str | None = None, arguments: str = "", **rest: Any) -> None:
        calls.append("start")

    kernel32 = SimpleNamespace(SetDllDirectoryW=calls.append)
    monkeypatch.setattr(installed, "sys", SimpleNamespace(platform="win32", _MEIPASS=r"C:\Program Files\ukey-renew"))
    monkeypatch.setattr(os, "startfile", startfile, raising=False)
    monkeypatch.setattr(ctypes, "windll", SimpleNamespace(kernel32=kernel32), raising=False)
    installed.open_in(r"C:\360se6\Application\360se.exe", "https://ca.12309.gov.cn:8080/xtxuserweb")
    assert calls == [None, "start", r"C:\Program Files\ukey-renew"]


def test_browser_started_as_a_child_elsewhere(monkeypatch: pytest.MonkeyPatch) -> None:
    started: list[list[str]] = []
    monkeypatch.setattr(installed, "sys", SimpleNamespace(platform="linux"))
    monkeypatch.setattr(installed.subprocess, "Popen", started.append)
    installed.open_in("/opt/360se/360se", "https://ca.12309.gov.cn:8080/xtxuserweb")
    assert started == [["/opt/360se/360se", "https://ca.12309.gov.cn:8080/xtxuserweb"]]
