"""The Windows programs, built under Wine by .ci/windows/bundle, run from this
side as a user or a script runs them on Windows: std streams as pipes or NUL,
code page 936, the windowed program on a 1366×768 screen. .ci/windows/stage
runs these, once the bundle is built, with UKEY_WINE_BUNDLE_CHECK=1 (and
UKEY_WINE naming the rig where it is not the default); elsewhere they are
skipped, saying so."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path, PureWindowsPath

import pytest

from tests.conftest import REPO

HERE = Path(__file__).resolve().parent
WINE_RUN = REPO / ".ci" / "windows" / "wine-run"
CHECK_ENV = "UKEY_WINE_BUNDLE_CHECK"
FOLDERS = {"onedir": REPO / "dist" / "ukey-renew", "onefile": REPO / "dist" / "onefile"}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    if os.environ.get(CHECK_ENV) and sys.platform == "linux":
        return
    skip = pytest.mark.skip(reason="the Windows bundle under Wine: run by .ci/windows/stage (docs/windows.md)")
    for item in items:
        if HERE in item.path.parents:
            item.add_marker(skip)


def windows_path(path: Path) -> str:
    """``path`` as the Windows programs see it: drive Z: is /."""
    return str(PureWindowsPath("Z:\\", *path.resolve().parts[1:]))


def wine(
    program: Sequence[str],
    *args: str,
    home: Path,
    env: dict[str, str] | None = None,
    stdin: int | None = subprocess.DEVNULL,
    timeout: float = 180,
) -> subprocess.CompletedProcess[bytes]:
    """``program`` run on the rig's Windows with ``home`` as its data folder; output as bytes.
    The default stdin, /dev/null, is a character device to Windows: NUL."""
    environment = {**os.environ, "UKEY_RENEW_HOME": windows_path(home), "QT_QPA_PLATFORM": "offscreen", **(env or {})}
    return subprocess.run(
        [str(WINE_RUN), *program, *args], env=environment, stdin=stdin, capture_output=True, timeout=timeout
    )


@pytest.fixture
def cli() -> list[str]:
    return [windows_path(FOLDERS["onedir"] / "ukey-renew-cli.exe")]
