"""The Windows stage's stand-ins (docs/windows.md) do what they stand in for."""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests.conftest import under_wine

pytestmark = pytest.mark.skipif(not under_wine(), reason="the rig's stand-ins live in Wine's Python")


def test_a_process_wine_lost_before_it_ran_is_started_again(monkeypatch: pytest.MonkeyPatch) -> None:
    import sitecustomize  # the rig's, in the Windows Python's site-packages

    real = sitecustomize._create_process
    lost: list[int] = []

    def lost_once(*args: object) -> object:
        if not lost:
            lost.append(1)
            raise OSError(None, "内部错误。", None, 1359)
        return real(*args)

    monkeypatch.setattr(sitecustomize, "_create_process", lost_once)
    done = subprocess.run([sys.executable, "-c", "print('ran')"], capture_output=True, text=True, timeout=60)
    assert (lost, done.returncode, done.stdout.strip()) == ([1], 0, "ran")
