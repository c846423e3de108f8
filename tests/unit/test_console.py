"""The console as Windows gives it, simulated: streams in a code page, none
at all in the windowed exe, and Ctrl+C that only gets through between waits."""

from __future__ import annotations

import ctypes
import errno
import io
import logging
import os
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

from ukey_renew import cli, console
from ukey_renew.casim import commands
from ukey_renew.cli.prompts import NEW_PASSWORD_ENV, PIN_ENV


def test_streams_are_switched_to_utf8(monkeypatch: pytest.MonkeyPatch) -> None:
    out_bytes, err_bytes = io.BytesIO(), io.BytesIO()
    out = io.TextIOWrapper(out_bytes, encoding="cp1252")
    err = io.TextIOWrapper(err_bytes, encoding="gbk", errors="backslashreplace")
    monkeypatch.setattr(sys, "stdout", out)
    monkeypatch.setattr(sys, "stderr", err)
    console.use_utf8()
    print("✓ 自检通过")
    print("✓ 错误", file=sys.stderr)
    out.flush()
    err.flush()
    assert out_bytes.getvalue().decode("utf-8") == f"✓ 自检通过{os.linesep}"
    assert err_bytes.getvalue().decode("utf-8") == f"✓ 错误{os.linesep}"
    assert err.errors == "backslashreplace"
    monkeypatch.setattr(sys, "stdout", None)
    console.use_utf8()  # the windowed exe: nothing to switch, nothing to fail


def windowed(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The windowed exe: stdin, stdout and stderr are None. Returns what the user is told.
    Called in the test itself: pytest puts its own capture back before each phase."""
    for name in ("stdin", "stdout", "stderr"):
        monkeypatch.setattr(sys, name, None)
    told: list[str] = []
    monkeypatch.setattr(console, "alert", told.append)
    return told


def test_renew_without_console_says_what_to_use(home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(PIN_ENV, raising=False)
    monkeypatch.delenv(NEW_PASSWORD_ENV, raising=False)
    told = windowed(monkeypatch)
    code = cli.main(["renew", "--practice", "--holder-name", "张三", "--holder-phone", "13800138000"])
    assert code == cli.EXIT_ERROR
    (message,) = told
    assert "ukey-renew-cli.exe" in message and PIN_ENV in message and NEW_PASSWORD_ENV in message


def test_errors_reach_the_user_without_stderr(home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    told = windowed(monkeypatch)
    assert cli.main(["cert", str(tmp_path / "missing.cer")]) == cli.EXIT_ERROR
    (message,) = told
    assert "读不了证书文件" in message and "下一步" in message


def test_alert_is_logged_here_and_a_message_box_on_windows(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.WARNING, logger="ukey_renew"):
        console.alert("错误：无法打开文件")
    assert "错误：无法打开文件" in caplog.text

    boxes: list[tuple[object, ...]] = []
    user32 = SimpleNamespace(MessageBoxW=lambda *call: boxes.append(call))
    monkeypatch.setattr(ctypes, "windll", SimpleNamespace(user32=user32), raising=False)
    monkeypatch.setattr(sys, "platform", "win32")
    console.alert("错误：无法打开文件")
    ((_owner, text, title, _flags),) = boxes
    assert (text, title) == ("错误：无法打开文件", console.TITLE)


class WindowsEvent:
    """``threading.Event`` as Ctrl+C meets it on Windows: an untimed wait is
    never interrupted; a timed one lets the KeyboardInterrupt through when it ends."""

    def __init__(self) -> None:
        self.slices = 0

    def wait(self, timeout: float | None = None) -> bool:
        if timeout is None:
            raise AssertionError("an untimed wait would hang through Ctrl+C on Windows")
        self.slices += 1
        if self.slices == 3:
            raise KeyboardInterrupt
        return False


def test_casim_serve_stops_on_ctrl_c(
    home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(commands, "threading", SimpleNamespace(Event=WindowsEvent))
    assert commands.main(["serve", "--data", str(tmp_path / "site")]) == 0
    assert "模拟延期网站：https://127.0.0.1:" in capsys.readouterr().out


class _Failing(io.StringIO):
    def __init__(self, code: int) -> None:
        super().__init__()
        self.code = code

    def write(self, text: str) -> int:
        raise OSError(self.code, os.strerror(self.code))


def test_a_closed_pipe_on_windows_is_said_as_a_broken_pipe() -> None:
    """Windows' C runtime reports a reader gone as EINVAL: stdout says it as every other system does."""
    with pytest.raises(BrokenPipeError):
        print("多余的一行", file=console.PipeOutput(_Failing(errno.EINVAL)))
    with pytest.raises(OSError) as other:  # a full disk stays a full disk
        print("一行", file=console.PipeOutput(_Failing(errno.ENOSPC)))
    assert not isinstance(other.value, BrokenPipeError)
