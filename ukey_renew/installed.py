"""What the guide needs installed on the computer, found where Windows keeps it:
360 Secure Browser (guide 2.2 ①, 3.4), and how to start it, and BJCA's
certificate environment (the "证书助手" of guide 3.2)."""

from __future__ import annotations

import glob
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import ModuleType

_PROGRAM_ROOTS = ("LOCALAPPDATA", "APPDATA", "ProgramFiles(x86)", "ProgramFiles")
# 360 installs per user as %APPDATA%\360se6, per machine under Program Files (x86)\360\360se6.
_BROWSER_FOLDERS = (("360se6",), ("360", "360se6"))
# Where the installer registers the browser, whatever folder it chose.
_BROWSER_APP_PATH = r"Software\Microsoft\Windows\CurrentVersion\App Paths\360se6.exe"


def _roots() -> list[Path]:
    return [Path(os.environ[name]) for name in _PROGRAM_ROOTS if os.environ.get(name)]


def _winreg() -> ModuleType | None:
    """The registry, on Windows only; tests put a fake module in its place."""
    if sys.platform != "win32":
        return None
    import winreg

    return winreg


def _registered_browsers() -> list[Path]:
    """The programs registered under App Paths, the user's registration first. HKLM is read in both
    registry views: a 32-bit installer's entry sits in the 32-bit one."""
    winreg = _winreg()
    if winreg is None:
        return []
    places = (
        (winreg.HKEY_CURRENT_USER, 0),
        (winreg.HKEY_LOCAL_MACHINE, winreg.KEY_WOW64_64KEY),
        (winreg.HKEY_LOCAL_MACHINE, winreg.KEY_WOW64_32KEY),
    )
    found = []
    for hive, view in places:
        try:
            with winreg.OpenKey(hive, _BROWSER_APP_PATH, 0, winreg.KEY_READ | view) as key:
                value, kind = winreg.QueryValueEx(key, "")
        except OSError:  # FileNotFoundError when the key is not there
            continue
        if not isinstance(value, str) or not value.strip():
            continue
        if kind == winreg.REG_EXPAND_SZ:
            value = winreg.ExpandEnvironmentStrings(value)
        found.append(Path(value.strip().strip('"')))
    return found


def browser_360() -> str | None:
    """360 Secure Browser's program, or None. A registration whose file is gone
    (uninstalled by hand) does not count."""
    folders = [root.joinpath(*folder) / "Application" / "360se.exe" for root in _roots() for folder in _BROWSER_FOLDERS]
    for candidate in _registered_browsers() + folders:
        if candidate.is_file():
            return str(candidate)
    return shutil.which("360se")


def open_in(program: str, url: str) -> None:
    """Start ``program`` on ``url``; on Windows through ShellExecute (os.startfile),
    as Explorer would, with the bundle's DLL folder out of the search path."""
    if sys.platform == "win32":
        with _system_dll_search_path():
            os.startfile(program, arguments=subprocess.list2cmdline([url]))
    else:
        subprocess.Popen([program, url])


@contextmanager
def _system_dll_search_path() -> Iterator[None]:
    """PyInstaller's bootloader adds the bundle's folder to the DLL search path
    (SetDllDirectoryW) and a new process inherits it: 360 would load our Qt and
    OpenSSL DLLs instead of its own. Reset for the start, restored after."""
    bundle = getattr(sys, "_MEIPASS", None)
    if sys.platform != "win32" or not bundle:
        yield
        return
    import ctypes

    kernel32 = ctypes.windll.kernel32
    kernel32.SetDllDirectoryW(None)
    try:
        yield
    finally:
        kernel32.SetDllDirectoryW(bundle)


def bjca_environment() -> list[str]:
    """Files of BJCA's certificate environment found on this computer."""
    found = []
    for root in _roots():
        found.extend(glob.glob(str(root / "BJCA*")))
    system = os.environ.get("SystemRoot")
    if system:
        found.extend(glob.glob(str(Path(system) / "System32" / "bjcacsp11_*.dll")))
    return sorted(found)
