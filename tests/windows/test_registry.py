"""What the program reads from the real registry: where 360 Secure Browser was
registered (guide 2.2 ①) and the proxy set in Windows' settings. Each test
writes its keys under HKEY_CURRENT_USER and puts back what was there."""

from __future__ import annotations

import socket
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from ukey_renew import installed, netproxy

if sys.platform == "win32":
    import winreg

APP_PATH = r"Software\Microsoft\Windows\CurrentVersion\App Paths\360se6.exe"
INTERNET_SETTINGS = r"Software\Microsoft\Windows\CurrentVersion\Internet Settings"


@contextmanager
def values(path: str, new: dict[str, tuple[Any, int]]) -> Iterator[None]:
    """``new`` written under HKCU\\``path``; afterwards each value as it was (or gone)."""
    with winreg.CreateKey(winreg.HKEY_CURRENT_USER, path) as key:
        old: dict[str, tuple[Any, int] | None] = {}
        for name, (value, kind) in new.items():
            try:
                old[name] = winreg.QueryValueEx(key, name)
            except FileNotFoundError:
                old[name] = None
            winreg.SetValueEx(key, name, 0, kind, value)
        try:
            yield
        finally:
            for name, before in old.items():
                if before is None:
                    winreg.DeleteValue(key, name)
                else:
                    winreg.SetValueEx(key, name, 0, before[1], before[0])


@pytest.fixture
def browser(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A 360se.exe where no search folder has one: only the registration can find it."""
    for root in ("LOCALAPPDATA", "APPDATA", "ProgramFiles(x86)", "ProgramFiles"):
        monkeypatch.setenv(root, str(tmp_path / "empty"))
    program = tmp_path / "装在别处" / "360se.exe"
    program.parent.mkdir()
    program.write_bytes(b"MZ")
    return program


def test_360_registered_for_the_user_is_found(browser: Path) -> None:
    with values(APP_PATH, {"": (f'"{browser}"', winreg.REG_SZ)}):
        assert installed.browser_360() == str(browser)
    assert installed.browser_360() is None


def test_a_registration_with_a_variable_is_expanded(browser: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("UKEY_RENEW_TEST_ROOT", str(browser.parent.parent))
    with values(APP_PATH, {"": (rf"%UKEY_RENEW_TEST_ROOT%\{browser.parent.name}\360se.exe", winreg.REG_EXPAND_SZ)}):
        assert installed.browser_360() == str(browser)


def test_a_registration_whose_program_is_gone_does_not_count(browser: Path) -> None:
    with values(APP_PATH, {"": (str(browser.with_name("uninstalled.exe")), winreg.REG_SZ)}):
        assert installed.browser_360() is None


@pytest.fixture
def no_lookups(monkeypatch: pytest.MonkeyPatch) -> None:
    """urllib's bypass check resolves the host on Windows: here no name leaves the computer."""

    def refuse(host: Any, *args: Any, **kwargs: Any) -> Any:
        raise socket.gaierror(f"the tests never look up {host}")

    for name in ("getaddrinfo", "gethostbyname", "gethostbyname_ex", "getfqdn"):
        monkeypatch.setattr(socket, name, refuse)


def test_the_proxy_set_in_windows_settings_is_used_except_for_loopback(no_lookups: None) -> None:
    proxy = {
        "ProxyEnable": (1, winreg.REG_DWORD),
        "ProxyServer": ("10.20.30.40:3128", winreg.REG_SZ),
        "ProxyOverride": ("*.intranet.example;<local>", winreg.REG_SZ),
    }
    with values(INTERNET_SETTINGS, proxy):
        assert netproxy.proxies_for("https://renew.example.test/") == {"https": "http://10.20.30.40:3128"}
        assert netproxy.proxies_for("https://oa.intranet.example/") == {}
        assert netproxy.proxies_for("https://127.0.0.1:8443/") == {}
    with values(INTERNET_SETTINGS, {"ProxyEnable": (0, winreg.REG_DWORD)}):
        assert netproxy.proxies_for("https://renew.example.test/") == {}
