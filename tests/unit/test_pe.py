"""A driver's CPU read from its PE header before loading it, on real Windows
DLLs from PyPI wheels (tests/fixtures/pe/SOURCES.md), and damaged ones."""

from __future__ import annotations

import shutil
import struct
import sysconfig
from datetime import UTC, datetime
from pathlib import Path

import pytest

from ukey_renew import pe
from ukey_renew.certs import RenewalPolicy
from ukey_renew.errors import ModuleInvalid, ModuleWrongArchitecture
from ukey_renew.status import collect
from ukey_renew.token import pkcs11
from ukey_renew.troubleshoot.checks import CheckContext, run_one

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "pe"
WIN32 = FIXTURES / "_speedups.cp311-win32.pyd"
AMD64 = FIXTURES / "_speedups.cp311-win_amd64.pyd"
ARM64 = FIXTURES / "_speedups.cp311-win_arm64.pyd"


@pytest.fixture
def on_win64(monkeypatch: pytest.MonkeyPatch) -> None:
    """Run as the 64-bit Windows program users have."""
    monkeypatch.setattr(pe, "interpreter_machine", lambda: pe.AMD64)


@pytest.fixture
def drivers(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, on_win64: None) -> list[str]:
    """Discovery finds a 32-bit BJCA driver, then a 64-bit file that is no PKCS#11 module."""
    monkeypatch.delenv(pkcs11.MODULE_ENV, raising=False)
    found = []
    for source, folder, name in ((WIN32, "SysWOW64", "bjcacsp11_ft11.dll"), (AMD64, "System32", "HtPkcs11.dll")):
        (tmp_path / folder).mkdir()
        found.append(str(shutil.copy(source, tmp_path / folder / name)))
    monkeypatch.setattr(pkcs11, "module_candidates", lambda platform="": found)
    return found


@pytest.mark.parametrize(("path", "machine"), [(WIN32, pe.I386), (AMD64, pe.AMD64), (ARM64, pe.ARM64)])
def test_machine_of_real_dlls(path: Path, machine: int) -> None:
    assert pe.machine(path) == machine


def _pe_offset(data: bytes) -> int:
    return int(struct.unpack_from("<I", data, 0x3C)[0])


def test_every_truncation_is_refused_cleanly(tmp_path: Path) -> None:
    data = WIN32.read_bytes()
    end = _pe_offset(data) + 6  # "PE\0\0" and the machine field
    cut = tmp_path / "cut.dll"
    for size in range(end):
        cut.write_bytes(data[:size])
        assert pe.machine(cut) is None, size
    cut.write_bytes(data[:end])
    assert pe.machine(cut) == pe.I386


def test_damaged_headers_are_refused_cleanly(tmp_path: Path) -> None:
    data = AMD64.read_bytes()
    offset = _pe_offset(data)
    damaged = {
        "elf.so": b"\x7fELF" + bytes(60),
        "text.dll": "不是驱动".encode() * 40,
        "no-pe-signature.dll": data[:offset] + b"NE\0\0" + data[offset + 4 :],
        "offset-past-end.dll": data[:0x3C] + struct.pack("<I", len(data) + 10) + data[0x40:],
        "offset-huge.dll": data[:0x3C] + b"\xff\xff\xff\xff" + data[0x40:],
        "offset-into-header.dll": data[:0x3C] + struct.pack("<I", 0x3E) + data[0x40:],
    }
    for name, content in damaged.items():
        path = tmp_path / name
        path.write_bytes(content)
        assert pe.machine(path) is None, name


@pytest.mark.parametrize(
    ("platform", "machine"),
    [("win32", pe.I386), ("win-amd64", pe.AMD64), ("win-arm64", pe.ARM64), ("linux-x86_64", None)],
)
def test_the_interpreters_own_machine(monkeypatch: pytest.MonkeyPatch, platform: str, machine: int | None) -> None:
    monkeypatch.setattr(sysconfig, "get_platform", lambda: platform)
    assert pe.interpreter_machine() == machine


def test_32_bit_driver_in_a_64_bit_program(on_win64: None) -> None:
    with pytest.raises(ModuleWrongArchitecture) as caught:
        pkcs11.load_module(str(WIN32))
    error = caught.value
    assert error.id == "pkcs11.module_arch" and error.guide == "3.2"
    assert "驱动为 32 位" in error.message and WIN32.name in error.message and "64 位" in error.message
    assert "证书应用环境" in error.next_step and "64 位驱动" in error.next_step


def test_64_bit_driver_in_a_32_bit_program(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pe, "interpreter_machine", lambda: pe.I386)
    with pytest.raises(ModuleWrongArchitecture) as caught:
        pkcs11.open_tokens(str(AMD64))
    assert "驱动为 64 位" in caught.value.message and "本程序为 32 位" in caught.value.message


def test_matching_or_damaged_files_are_just_invalid(on_win64: None, tmp_path: Path) -> None:
    """A 64-bit DLL passes the header check and fails as no PKCS#11 module; a damaged one never crashes."""
    with pytest.raises(ModuleInvalid) as caught:
        pkcs11.load_module(str(AMD64))
    assert type(caught.value) is ModuleInvalid
    truncated = tmp_path / "bjcacsp11_3k.dll"
    truncated.write_bytes(WIN32.read_bytes()[:100])
    with pytest.raises(ModuleInvalid) as caught:
        pkcs11.load_module(str(truncated))
    assert type(caught.value) is ModuleInvalid and "bjcacsp11_3k.dll" in caught.value.message


def test_every_discovered_module_is_tried(drivers: list[str]) -> None:
    scans = pkcs11.scan_modules(drivers)
    assert [scan.path for scan in scans] == drivers
    assert [scan.error.id if scan.error else None for scan in scans] == ["pkcs11.module_arch", "pkcs11.module_invalid"]
    with pytest.raises(ModuleWrongArchitecture):  # nothing loaded: the wizard is told why
        pkcs11.open_tokens()


def test_status_reports_each_module(drivers: list[str], home: Path) -> None:
    status = collect(
        "auto", data_dir=home, now=datetime.now(UTC), policy=RenewalPolicy(), xtxapp_url="http://127.0.0.1:9"
    )
    problems = [problem for problem in status.problems if problem["backend"] == "pkcs11"]
    assert [problem["id"] for problem in problems] == ["pkcs11.module_arch", "pkcs11.module_invalid"]
    assert "bjcacsp11_ft11.dll" in problems[0]["message"] and "HtPkcs11.dll" in problems[1]["message"]


def test_doctor_reports_each_module(drivers: list[str], home: Path) -> None:
    context = CheckContext(data_dir=home, renewal_url="https://127.0.0.1:9/", login_url="https://127.0.0.1:9/")
    result = run_one("key.pkcs11", context)
    assert result.status == "fail"
    assert "bjcacsp11_ft11.dll" in result.detail and "驱动为 32 位" in result.detail and "HtPkcs11.dll" in result.detail
