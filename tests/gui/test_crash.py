"""Crashes in the wizard: logged, shown on the GUI thread, and never blocking."""

from __future__ import annotations

import logging
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtGui import QGuiApplication

from ukey_renew import log as logsetup
from ukey_renew.gui import crash
from ukey_renew.gui.crash_notice import CrashNotice

TIMEOUT = 20_000

pytestmark = pytest.mark.qt_no_exception_capture  # the hooks under test take these exceptions, not pytest-qt


@pytest.fixture
def hooked(make_window, home: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator:  # type: ignore[no-untyped-def]
    """The hooks as the wizard installs them; the previous ones come back afterwards."""
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)
    log_file = logsetup.setup(home)
    window = make_window()
    hooks = crash.install(window, window.wizard.copy_support)
    yield hooks, log_file
    if hooks.notice is not None:
        hooks.notice.reject()


def broken() -> None:
    raise ZeroDivisionError("a bug in the program")


def shown(qtbot, hooks: crash.CrashHooks, log_file: Path) -> CrashNotice:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: hooks.notice is not None and hooks.notice.isVisible(), timeout=TIMEOUT)
    notice = hooks.notice
    assert notice is not None  # reached while the test's loop runs: opened, never exec()-ed
    text = notice.text.text()
    assert "ZeroDivisionError" in text and str(log_file) in text and "指南 3.12" in text
    return notice


def logged(log_file: Path) -> str:
    for handler in logging.getLogger("ukey_renew").handlers:
        handler.flush()
    return log_file.read_text(encoding="utf-8")


def test_exception_in_a_slot_is_logged_and_shown(hooked, qtbot) -> None:  # type: ignore[no-untyped-def]
    hooks, log_file = hooked
    QTimer.singleShot(0, broken)
    shown(qtbot, hooks, log_file)
    text = logged(log_file)
    assert "CRITICAL" in text and "Traceback" in text and "ZeroDivisionError: a bug in the program" in text


def test_exception_in_a_thread_is_shown_on_the_gui_thread(hooked, qtbot) -> None:  # type: ignore[no-untyped-def]
    hooks, log_file = hooked
    worker = threading.Thread(target=broken, name="ukey-test-worker")
    worker.start()
    worker.join()
    assert hooks.notice is None  # nothing was made on the worker: the notice waits for the GUI thread's loop
    shown(qtbot, hooks, log_file)
    text = logged(log_file)
    assert "ukey-test-worker" in text and "ZeroDivisionError: a bug in the program" in text


def test_notice_copies_the_support_summary(hooked, qtbot) -> None:  # type: ignore[no-untyped-def]
    hooks, log_file = hooked
    QTimer.singleShot(0, broken)
    QTimer.singleShot(0, broken)
    notice = shown(qtbot, hooks, log_file)
    QGuiApplication.clipboard().clear()
    notice.copy_button.click()
    qtbot.waitUntil(lambda: "ukey-renew" in QGuiApplication.clipboard().text(), timeout=TIMEOUT)
    assert "当前步骤：" in QGuiApplication.clipboard().text()
    assert notice.isVisible() and hooks.notice is notice  # still there to read; the second crash opened no other
    notice.reject()
    assert hooks.notice is None


def test_a_log_that_cannot_be_written_is_not_promised(hooked, qtbot, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    """A full or read-only disk: the notice must not send the user looking for details never written."""
    hooks, _log_file = hooked
    monkeypatch.setattr(logsetup, "written", lambda: None)
    QTimer.singleShot(0, broken)
    qtbot.waitUntil(lambda: hooks.notice is not None and hooks.notice.isVisible(), timeout=TIMEOUT)
    text = hooks.notice.text.text()
    assert "日志无法写入" in text and "已写入日志" not in text
