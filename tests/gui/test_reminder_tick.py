"""The wizard's tick "到期前提醒我": on the check page when the key has 60 days or fewer, on the verify
page after a renewal; it shows whether the reminder is registered, ticking registers it, unticking removes
it, and a refusal is said with the tick put back. Linux's schedule (an XDG autostart entry under a
temporary config folder); Windows' is checked at its seam (tests/unit/test_schedule.py)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QWizard

from tests.gui.test_wizard import TIMEOUT, _to_check
from ukey_renew import schedule
from ukey_renew.gui.reminder_tick import ReminderTick
from ukey_renew.journey import VERIFY

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="Linux's schedule; Windows' is checked at its seam")


@pytest.fixture
def entry(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Where the tick registers the reminder: an autostart folder of the test's own."""
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    return tmp_path / "config" / "autostart" / schedule.AUTOSTART_NAME


def _settled(qtbot, tick: ReminderTick) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(tick.box.isEnabled, timeout=TIMEOUT)


def test_ticking_registers_and_unticking_removes(make_window, qtbot, entry: Path) -> None:  # type: ignore[no-untyped-def]
    wizard = make_window(20).wizard
    _to_check(qtbot, wizard)
    tick = wizard.check_page.reminder
    assert tick.isVisible()
    _settled(qtbot, tick)
    assert not tick.box.isChecked() and not entry.exists()  # never silently
    tick.box.click()
    _settled(qtbot, tick)
    assert tick.box.isChecked() and "--remind" in entry.read_text(encoding="utf-8")
    assert "已设置到期提醒" in tick.said.text and str(entry) in tick.said.text
    assert "可以延期" in wizard.check_page.verdict.text  # the page's own message stays
    tick.box.click()
    _settled(qtbot, tick)
    assert not tick.box.isChecked() and not entry.exists() and "已取消" in tick.said.text


def test_far_from_expiry_no_tick(make_window, qtbot, entry: Path) -> None:  # type: ignore[no-untyped-def]
    wizard = make_window(90).wizard
    _to_check(qtbot, wizard)
    assert not wizard.check_page.reminder.isVisible()


def test_it_shows_a_reminder_already_registered(make_window, qtbot, entry: Path) -> None:  # type: ignore[no-untyped-def]
    schedule.XdgAutostart(entry.parent.parent).install(schedule.command())
    wizard = make_window(60).wizard
    _to_check(qtbot, wizard)
    tick = wizard.check_page.reminder
    _settled(qtbot, tick)
    assert tick.isVisible() and tick.box.isChecked()


def test_a_refusal_is_said_and_the_tick_put_back(make_window, qtbot, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "config").write_text("a file where the config folder should be", encoding="utf-8")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    wizard = make_window(20).wizard
    _to_check(qtbot, wizard)
    tick = wizard.check_page.reminder
    _settled(qtbot, tick)
    tick.box.click()
    _settled(qtbot, tick)
    assert not tick.box.isChecked()
    assert "remind.schedule_failed" in tick.said.text and "到期提醒不影响延期本身" in tick.said.text


def test_the_verify_page_offers_it_after_a_renewal(make_window, qtbot, entry: Path) -> None:  # type: ignore[no-untyped-def]
    wizard = make_window(20, renewed_by=("李四", "13900139000")).wizard
    _to_check(qtbot, wizard)
    assert not wizard.check_page.reminder.isVisible()  # renewed: a year and more to go
    assert wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    wizard.next()
    assert wizard.at() == VERIFY
    tick = wizard.verify_page.reminder
    _settled(qtbot, tick)
    assert tick.isVisible() and not tick.box.isChecked()
    tick.box.click()
    _settled(qtbot, tick)
    assert tick.box.isChecked() and entry.is_file()
