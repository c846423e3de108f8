"""The reminder's task made, found and removed by the real Task Scheduler (schtasks), as the current user
without admin rights; under a name of the test's own, so a reminder the user set up is left alone."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from ukey_renew import schedule


@pytest.mark.wine_gap("Wine 8's schtasks /Query answers 0 for any name, so a removed task still seems there")
def test_the_task_round_trip(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(schedule, "TASK_NAME", "ukey-renew 到期提醒（测试）")
    task = schedule.for_this_system(datetime.now(UTC))
    assert task.kind == "schtasks"
    try:
        assert task.install(schedule.command()) == schedule.TASK_NAME
        assert task.installed() == schedule.TASK_NAME
    finally:
        removed = task.remove()
    assert removed is True
    assert task.installed() is None and task.remove() is False
