"""What the guide needs installed on the computer, found where Windows keeps it:
360 Secure Browser (guide 2.2 ①, 3.4) and BJCA's certificate environment
(the "证书助手" of guide 3.2)."""

from __future__ import annotations

import glob
import os
import shutil
from pathlib import Path

_PROGRAM_ROOTS = ("LOCALAPPDATA", "APPDATA", "ProgramFiles(x86)", "ProgramFiles")


def _roots() -> list[Path]:
    return [Path(os.environ[name]) for name in _PROGRAM_ROOTS if os.environ.get(name)]


def browser_360() -> str | None:
    """360 Secure Browser's program, or None."""
    for root in _roots():
        candidate = root / "360" / "360se6" / "Application" / "360se.exe"
        if candidate.is_file():
            return str(candidate)
    return shutil.which("360se")


def bjca_environment() -> list[str]:
    """Files of BJCA's certificate environment found on this computer."""
    found = []
    for root in _roots():
        found.extend(glob.glob(str(root / "BJCA*")))
    system = os.environ.get("SystemRoot")
    if system:
        found.extend(glob.glob(str(Path(system) / "System32" / "bjcacsp11_*.dll")))
    return sorted(found)
