"""What Windows' loader and device manager answer: a 32-bit key driver in the
64-bit program (BJCA puts some only in SysWOW64), and the USB devices SetupAPI
lists."""

from __future__ import annotations

import ctypes
import shutil
import sys
from pathlib import Path

import pytest

from tests.conftest import FIXTURES
from ukey_renew import pe, usb
from ukey_renew.errors import ModuleWrongArchitecture
from ukey_renew.token import pkcs11

WIN32_DLL = FIXTURES / "pe" / "_speedups.cp311-win32.pyd"  # a real 32-bit DLL (tests/fixtures/pe/SOURCES.md)


def test_this_python_and_its_dlls_are_64_bit() -> None:
    assert pe.interpreter_machine() == pe.AMD64
    assert pe.machine(sys.executable) == pe.AMD64
    assert pe.machine(Path(sys.executable).with_name("python3.dll")) == pe.AMD64


def test_windows_refuses_a_32_bit_dll_with_error_193(tmp_path: Path) -> None:
    """The premise: what Windows says alone reads like a damaged file."""
    driver = shutil.copy(WIN32_DLL, tmp_path / "bjcacsp11_ft11.dll")
    with pytest.raises(OSError) as raised:
        ctypes.WinDLL(str(driver))
    assert raised.value.winerror == 193


def test_a_32_bit_key_driver_is_named_as_such(tmp_path: Path) -> None:
    driver = str(shutil.copy(WIN32_DLL, tmp_path / "bjcacsp11_ft11.dll"))
    (scan,) = pkcs11.scan_modules([driver])
    assert isinstance(scan.error, ModuleWrongArchitecture) and scan.tokens == []
    assert "bjcacsp11_ft11.dll" in scan.error.message
    assert "32 位" in scan.error.message and "64 位" in scan.error.message


def test_setupapi_lists_the_usb_devices() -> None:
    """Whatever is plugged in (nothing, in a test rig), SetupAPI answers: a list, never None."""
    found = usb.devices()
    assert isinstance(found, list)
    assert all(isinstance(device, usb.UsbDevice) for device in found)
