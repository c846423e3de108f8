"""Which Windows this is, told by its build number.

``platform.release()`` says "10" on Windows 11 before Python 3.12, and what
matters here is the build: Qt 6 needs Windows 10 1809 (build 17763). Python
3.11 itself no longer runs on Windows 7, but a check still names it plainly.
"""

from __future__ import annotations

import platform
import sys
from dataclasses import dataclass

MIN_BUILD = 17763  # Windows 10 1809, the oldest Qt 6 supports
WINDOWS_11_BUILD = 22000  # Windows 11 keeps the version number 10.0
_NAMES = {(6, 1): "Windows 7", (6, 2): "Windows 8", (6, 3): "Windows 8.1"}


@dataclass(frozen=True)
class WindowsVersion:
    major: int
    minor: int
    build: int

    @property
    def name(self) -> str:
        if self.major == 10:
            return "Windows 11" if self.build >= WINDOWS_11_BUILD else "Windows 10"
        return _NAMES.get((self.major, self.minor), f"Windows NT {self.major}.{self.minor}")

    @property
    def supported(self) -> bool:
        return self.major >= 10 and self.build >= MIN_BUILD

    def __str__(self) -> str:
        return f"{self.name}（build {self.build}）"


def current() -> WindowsVersion | None:
    """This computer's Windows; None elsewhere. Tests replace ``sys.getwindowsversion``."""
    read = getattr(sys, "getwindowsversion", None)
    if read is None:
        return None
    version = read()
    return WindowsVersion(version.major, version.minor, version.build)


def system_name() -> str:
    """The operating system as the support summary names it."""
    version = current()
    return str(version) if version else f"{platform.system()} {platform.release()}"
