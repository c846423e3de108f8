"""The window on the small screens of office PCs (DESIGN §4): 1366×768 at
100 % and 1920×1080 at 150 % (1280×720 logical), each less a 40 px taskbar.

The offscreen platform, and Xvfb, are given a screen of just the free area:
neither has a taskbar, nor Windows' window frame, so the window must leave
room for that frame itself. On every page of the tour the window's frame is
inside the free area, the wizard's buttons are inside the window, and no
layout has less room than its contents need, which is where text overlaps.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QPoint, QRect, QSize
from PySide6.QtGui import QImage, QScreen
from PySide6.QtWidgets import QApplication, QLabel, QPushButton, QScrollArea, QVBoxLayout, QWidget, QWizard

from tests.conftest import REPO, rig_missing
from ukey_renew.gui.captcha import CaptchaInput
from ukey_renew.gui.tour import cramped
from ukey_renew.gui.widgets import ValidityTable, fit_to_screen

TIMEOUT = 20_000
WINDOWS_FRAME = (16, 39)  # 8 px borders and a 31 px title bar on Windows 10/11
SCREENS = {  # the free area in pixels (screen less a 40 px taskbar at its scale), the scale factor
    "1366x768": ((1366, 728), 1.0),
    "1920x1080@150%": ((1920, 1020), 1.5),
    "1366x768@150%": ((1366, 728), 1.5),  # about 910×485: pages scroll, the buttons stay
}


def _inside(rect: list[int], area: list[int]) -> bool:
    x, y, width, height = rect
    left, top, area_width, area_height = area
    return left <= x and top <= y and x + width <= left + area_width and y + height <= top + area_height


@pytest.mark.parametrize(
    ("screen", "lang", "server"),
    [
        ("1366x768", "zh", "offscreen"),
        ("1920x1080@150%", "zh", "offscreen"),
        ("1920x1080@150%", "en", "offscreen"),
        ("1366x768@150%", "zh", "offscreen"),
        ("1366x768@150%", "en", "offscreen"),
        ("1366x768", "zh", "xvfb"),
        ("1920x1080@150%", "zh", "xvfb"),
    ],
)
def test_every_page_fits(home: Path, tmp_path: Path, screen: str, lang: str, server: str) -> None:
    (width, height), scale = SCREENS[screen]
    folder = tmp_path / "tour"
    command = [sys.executable, "-m", "ukey_renew", "--practice", "--lang", lang, "--tour", str(folder)]
    environment = {**os.environ, "UKEY_RENEW_HOME": str(home), "QT_SCALE_FACTOR": str(scale)}
    environment["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO), os.environ.get("PYTHONPATH")]))
    if server == "offscreen":
        config = tmp_path / "screen.json"
        config.write_text(json.dumps({"screens": [{"name": screen, "x": 0, "y": 0, "width": width, "height": height}]}))
        # Named from the folder it runs in: Qt splits platform options at ":", a Windows drive's too.
        environment["QT_QPA_PLATFORM"] = "offscreen:configfile=screen.json"
    else:  # a real X server, without a window manager
        if not shutil.which("xvfb-run"):
            rig_missing("xvfb (xvfb-run)")
        command = ["xvfb-run", "-a", "-s", f"-screen 0 {width}x{height}x24", *command]
        environment.pop("QT_QPA_PLATFORM", None)
    done = subprocess.run(command, env=environment, cwd=tmp_path, capture_output=True, encoding="utf-8", timeout=180)
    assert done.returncode == 0, done.stdout + done.stderr
    report = json.loads((folder / "tour.json").read_text(encoding="utf-8"))
    assert report["renewed"] is True
    assert len(report["pages"]) == 6
    for page in report["pages"]:
        name = page["png"]
        assert page["available"] == [0, 0, round(width / scale), round(height / scale)], name  # the screen asked for
        assert _inside(page["frame"], page["available"]), f"{name}: window {page['frame']} off the free area"
        client_width, client_height = page["client"]
        frame_width, frame_height = WINDOWS_FRAME
        assert client_width + frame_width <= page["available"][2], f"{name}: no room for the window's frame"
        assert client_height + frame_height <= page["available"][3], f"{name}: no room for the window's title bar"
        assert page["buttons"], name
        for button in page["buttons"]:
            assert _inside(button, [0, 0, client_width, client_height]), f"{name}: a button at {button} is cut off"
        assert page["cramped"] == [], f"{name}: less room than needed, text overlaps"
        assert page["focus_hidden"] == "", f"{name}: the field with the cursor is out of view"
        image = QImage(str(folder / name))  # as sharp as the screen: grown by the scale factor
        assert abs(image.width() - client_width * scale) <= 1 and abs(image.height() - client_height * scale) <= 1


@pytest.mark.parametrize(
    "free",
    [QRect(0, 0, 1366, 728), QRect(0, 0, 1280, 680), QRect(0, 0, 910, 485)],  # the last: 1366×768 at 150 %
)
def test_help_panel_fits(make_window, qtbot, monkeypatch, free: QRect) -> None:  # type: ignore[no-untyped-def]
    """The panel beside the wizard, at the FAQ's longest text (guide 3.6 ③), never over it: the
    wizard's error text and buttons stay in view. In this process the screen is the offscreen
    default: its free area, as the windows ask for it, is the small one."""
    monkeypatch.setattr(QScreen, "availableGeometry", lambda _screen: free)
    window = make_window()
    qtbot.waitUntil(window.wizard.detect_page.isComplete, timeout=TIMEOUT)
    window.wizard.current().notice.show_text("error", "错误")
    window.wizard.button(QWizard.WizardButton.HelpButton).click()
    panel = window._panel
    qtbot.waitUntil(lambda: panel.entry is not None, timeout=TIMEOUT)
    panel.open_entry("3.6")
    panel._show("request")
    qtbot.waitExposed(panel)
    dock = window._dock
    assert not dock.isFloating()
    QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest.value)  # laid out, not half-way
    assert free.contains(window.frameGeometry()), f"{window.frameGeometry()} off {free}"
    assert cramped(window) == []
    panel_left = panel.mapTo(window, QPoint(0, 0)).x()
    assert panel_left >= window.wizard.geometry().right()  # side by side in one window
    wizard_parts = [window.wizard.current().notice, *window.wizard.findChildren(QPushButton)]
    for part in (part for part in wizard_parts if part.isVisible()):
        assert part.mapTo(window, QPoint(part.width(), 0)).x() <= panel_left, part


def test_a_window_wider_than_asked_is_placed_by_its_real_width(qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Text wider in the system's fonts than in ours (seen under Windows): the window grows to
    its least width, and its place is reckoned from that width, not from the one asked for."""
    free = QRect(0, 0, 1280, 680)
    monkeypatch.setattr(QScreen, "availableGeometry", lambda _screen: free)
    window = QWidget()
    qtbot.addWidget(window)
    wide = QLabel("x")
    wide.setMinimumWidth(1100)
    QVBoxLayout(window).addWidget(wide)
    fit_to_screen(window, QSize(880, 760))
    window.show()
    qtbot.waitExposed(window)
    assert window.width() >= 1100
    assert free.contains(window.frameGeometry()), window.frameGeometry()


def test_the_cursor_and_an_error_are_scrolled_into_view(make_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    """Shorter than 1366×768 at 150 % leaves: the page scrolls, and the field the cursor moves to,
    and an error when it appears, are brought into view, not left below the fold."""
    window = make_window()
    window.resize(760, 300)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=TIMEOUT)
    wizard = window.wizard
    qtbot.waitUntil(wizard.detect_page.isComplete, timeout=TIMEOUT)
    wizard.next()
    qtbot.waitUntil(wizard.check_page.isComplete, timeout=TIMEOUT)
    wizard.next()
    form = wizard.form_page
    area = form.findChild(QScrollArea)
    assert area.verticalScrollBar().maximum() > 0  # too short for the page: it scrolls

    def in_view(widget: QWidget) -> bool:
        top = widget.mapTo(area.viewport(), QPoint(0, 0)).y()
        return top >= 0 and top + widget.height() <= area.viewport().height()

    form.mobile.setFocus()
    qtbot.waitUntil(lambda: in_view(form.mobile), timeout=TIMEOUT)
    area.verticalScrollBar().setValue(0)
    form.notice.show_text("error", "错误")
    qtbot.waitUntil(lambda: in_view(form.notice), timeout=TIMEOUT)
    form.pin.setFocus()
    qtbot.waitUntil(lambda: in_view(form.pin), timeout=TIMEOUT)


def test_text_on_every_page_wraps(make_window) -> None:  # type: ignore[no-untyped-def]
    """A sentence that does not wrap widens its page past a narrow window (the English
    countdown did: a sideways scroll bar). Only a form row's name, a picture and a table cell stay on one line."""
    window = make_window()
    wizard = window.wizard
    for page in wizard.every_page():
        for label in page.findChildren(QLabel):
            row_name = label.buddy() is not None
            picture = isinstance(label.parentWidget(), CaptchaInput) and label is label.parentWidget().image
            cell = isinstance(label.parentWidget(), ValidityTable)  # a date or a count of days
            assert label.wordWrap() or row_name or picture or cell, f"{type(page).__name__}: {label.text()!r}"


def test_the_validity_table_shows_at_once(qtbot, now) -> None:  # type: ignore[no-untyped-def]
    """Filled while shown, the table is there in the same moment (a screenshot taken then had none)."""
    from dataclasses import replace

    from ukey_renew.certs import load_certificate

    info = load_certificate(sorted((REPO / "tests" / "fixtures" / "certs").glob("*.pem"))[0].read_bytes())
    table = ValidityTable()
    qtbot.addWidget(table)
    table.show()
    table.show_pair(info, replace(info, not_after=info.not_after.replace(year=info.not_after.year + 5)), now)
    shown = [label.text() for label in table.findChildren(QLabel) if label.isVisible() and label.text()]
    assert len(shown) == 11  # two headers, three rows of a name and two values
