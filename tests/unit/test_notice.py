"""When the scheduled reminder shows its notification: only for keys that need action, once a Beijing day,
and not for a week after "稍后提醒"."""

from __future__ import annotations

import os
import stat
import sys
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from tests.unit.test_remind import KEY, NOT_AFTER
from ukey_renew import notice, remind
from ukey_renew.dates import CHINA_TIME

# 09:00 Beijing on a given day: 01:00 UTC, the day before's evening elsewhere.
MORNING = datetime(2027, 1, 11, 9, 0, tzinfo=CHINA_TIME)


def _names(home: Path, days_before: int, now: datetime | None = None) -> list[str]:
    moment = now or NOT_AFTER - timedelta(days=days_before)
    return [reminder.state for reminder in notice.to_show(remind.reminders([KEY], moment), home, moment)]


@pytest.mark.parametrize(
    ("days_before", "shown"),
    [(61, []), (31, []), (30, ["due"]), (0, ["due"]), (-1, ["expired"]), (-31, ["replace"])],
)
def test_only_keys_that_need_action_are_named(home: Path, days_before: int, shown: list[str]) -> None:
    assert _names(home, days_before) == shown


def test_once_a_beijing_day(home: Path) -> None:
    assert _names(home, 0, MORNING) == ["due"]
    notice.note_shown(home, MORNING)
    assert _names(home, 0, MORNING.replace(hour=23, minute=59)) == []  # the same Beijing day
    assert _names(home, 0, MORNING.replace(day=12, hour=0, minute=0)) == ["due"]  # Beijing midnight passed


def test_later_keeps_it_away_for_seven_days(home: Path) -> None:
    assert notice.snooze(home, MORNING).isoformat() == "2027-01-18"
    assert _names(home, 0, MORNING.replace(day=17, hour=23, minute=59)) == []
    assert _names(home, 0, MORNING.replace(day=18, hour=0, minute=0)) == ["due"]


def test_snooze_and_once_a_day_are_kept_together(home: Path) -> None:
    notice.snooze(home, MORNING)
    notice.note_shown(home, MORNING.replace(day=18))
    assert _names(home, 0, MORNING.replace(day=18, hour=20)) == []
    assert _names(home, 0, MORNING.replace(day=19)) == ["due"]


@pytest.mark.parametrize("written", [b"", b"\xff\xfe not json", b"[1, 2]", b'{"shown_on": 7, "snoozed_until": "soon"}'])
def test_a_note_that_cannot_be_read_counts_as_none(home: Path, written: bytes) -> None:
    """A missed reminder costs more than a repeated one."""
    (home / notice.NOTE).write_bytes(written)
    assert _names(home, 0, MORNING) == ["due"]
    notice.note_shown(home, MORNING)
    assert _names(home, 0, MORNING) == []


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX file modes")
def test_the_note_is_the_users_alone(home: Path) -> None:
    notice.snooze(home, MORNING)
    assert stat.S_IMODE(os.stat(home / notice.NOTE).st_mode) == 0o600
