"""A running pcscd with the vpcd virtual readers, started if need be."""

from __future__ import annotations

import shutil
import subprocess
import time

from smartcard import scard


def readers() -> list[str] | None:
    """Reader names, or None when no PC/SC service answers."""
    result, context = scard.SCardEstablishContext(scard.SCARD_SCOPE_USER)
    if result != scard.SCARD_S_SUCCESS:
        return None
    try:
        result, names = scard.SCardListReaders(context, [])
        return list(names) if result == scard.SCARD_S_SUCCESS else []
    finally:
        scard.SCardReleaseContext(context)


def ensure_running(timeout: float = 15.0) -> subprocess.Popen[bytes] | None:
    """Start pcscd unless one runs already; returns the process we started."""
    if any(name.startswith("Virtual PCD") for name in readers() or []):
        return None
    binary = shutil.which("pcscd") or "/usr/sbin/pcscd"
    process = subprocess.Popen([binary, "--foreground"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if any(name.startswith("Virtual PCD") for name in readers() or []):
            return process
        if process.poll() is not None:
            break
        time.sleep(0.1)  # waiting for a daemon to come up, not for a result under test
    process.kill()
    raise RuntimeError("pcscd did not show the Virtual PCD readers (is vsmartcard-vpcd installed?)")
