"""`ukey-renew remind --install / --status / --remove` on Linux, HOME a temporary folder: the XDG
autostart entry written, its command run as the desktop would, and the run seen by --status."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.integration.test_cli import run
from tests.unit.test_schedule import exec_words

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="Linux's schedule; Windows' is checked at its seam")


def _remind(home: Path, user_home: Path, *args: str) -> dict[str, object]:
    done = run(home, "remind", *args, "--json", env={"HOME": str(user_home), "XDG_CONFIG_HOME": ""})
    assert done.returncode == 0, done.stdout + done.stderr
    return json.loads(done.stdout)


def test_install_status_remove_round_trip(home: Path, tmp_path: Path) -> None:
    user_home = tmp_path / "user"
    user_home.mkdir()
    assert _remind(home, user_home, "--status")["installed"] is False
    installed = _remind(home, user_home, "--install")
    entry = user_home / ".config" / "autostart" / "ukey-renew-remind.desktop"
    assert installed == {"installed": True, "kind": "xdg-autostart", "where": str(entry), "last_run": None}
    (line,) = [line for line in entry.read_text(encoding="utf-8").splitlines() if line.startswith("Exec=")]
    words = exec_words(line.removeprefix("Exec="))
    assert words[-3:] == ["--home", str(home.resolve()), "--remind"]
    started = subprocess.run(words, env={**os.environ, "HOME": str(user_home)}, capture_output=True, timeout=60)
    assert started.returncode == 0, started.stderr
    status = _remind(home, user_home, "--status")
    assert status["installed"] is True and isinstance(status["last_run"], str)
    assert _remind(home, user_home, "--remove")["installed"] is False
    assert not entry.exists()
    assert _remind(home, user_home, "--status")["installed"] is False
    assert "没有设置" in run(home, "remind", "--remove", env={"HOME": str(user_home), "XDG_CONFIG_HOME": ""}).stdout
