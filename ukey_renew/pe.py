"""Which CPU a Windows DLL is built for, read from its PE header before loading it.

A 64-bit program cannot load a 32-bit DLL, and Windows says only "WinError 193:
not a valid Win32 application", which reads like a damaged file. BJCA installs
some of its PKCS#11 drivers only in SysWOW64, which holds 32-bit DLLs; reading
the header lets us say so instead.
"""

from __future__ import annotations

import struct
import sysconfig
from pathlib import Path

I386 = 0x014C
AMD64 = 0x8664
ARM64 = 0xAA64

_BITS = {I386: "32 位", AMD64: "64 位", ARM64: "ARM64 版"}
# sysconfig names the interpreter's own build, not the CPU's: x64 Python also runs on ARM64.
_PLATFORMS = {"win32": I386, "win-amd64": AMD64, "win-arm64": ARM64}


def machine(path: str | Path) -> int | None:
    """The header's machine field, or None for a file that is no PE image
    (an ELF library, a truncated or damaged DLL): loading it then says why."""
    with open(path, "rb") as file:
        dos = file.read(0x40)
        if len(dos) < 0x40 or dos[:2] != b"MZ":
            return None
        (offset,) = struct.unpack_from("<I", dos, 0x3C)  # e_lfanew: where the PE header starts
        file.seek(offset)
        header = file.read(6)
    if len(header) < 6 or header[:4] != b"PE\0\0":
        return None
    return int(struct.unpack_from("<H", header, 4)[0])


def interpreter_machine() -> int | None:
    """The machine field a DLL needs to load into this Python; None off Windows."""
    return _PLATFORMS.get(sysconfig.get_platform())


def bits(machine: int) -> str:
    """How a user would name the machine: "32 位", "64 位"."""
    return _BITS.get(machine, f"机器类型 0x{machine:04X}")
