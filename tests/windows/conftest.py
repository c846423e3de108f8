"""Windows' own implementation, not a seam: the real ``winreg``, ``msvcrt``,
kernel32 and SetupAPI, the system code page, Windows' file-sharing rules. Run
by the Windows stage under Wine's Windows Python (.ci/windows, docs/windows.md)
and on a real Windows by windows.yml; skipped, saying so, everywhere else."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    if sys.platform == "win32":
        return
    skip = pytest.mark.skip(reason="Windows' own implementation: runs on Windows and under Wine (.ci/windows)")
    for item in items:
        if HERE in item.path.parents:
            item.add_marker(skip)
