"""When the scheduled reminder shows its notification, and when it stays quiet.

The schedule starts the program at every logon and once a day; a clerk told
the same thing at every start stops reading it. So the notification names
only keys that need action now (``due``, ``expired``, ``replace``), comes at
most once a Beijing day, and "稍后提醒" keeps it away for a week. Both are
noted in the data folder; a note that cannot be read counts as none, as a
missed reminder costs more than a repeated one.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from ukey_renew import atomic
from ukey_renew.dates import CHINA_TIME
from ukey_renew.remind import Reminder

NEEDS_ACTION = ("due", "expired", "replace")
SNOOZE_DAYS = 7
NOTE = "remind-notice.json"


def to_show(found: list[Reminder], data_dir: Path, now: datetime) -> list[Reminder]:
    """The keys the notification names today: none if one was shown today or the clerk said later."""
    note = _read(data_dir)
    today = _today(now)
    if note.get("shown_on") == today.isoformat() or today < _day(note.get("snoozed_until")):
        return []
    return [reminder for reminder in found if reminder.state in NEEDS_ACTION]


def note_shown(data_dir: Path, now: datetime) -> None:
    _write(data_dir, shown_on=_today(now).isoformat())


def snooze(data_dir: Path, now: datetime) -> date:
    """Quiet until this many days from today; returns the first day it may come again."""
    until = _today(now) + timedelta(days=SNOOZE_DAYS)
    _write(data_dir, snoozed_until=until.isoformat())
    return until


def _today(now: datetime) -> date:
    return now.astimezone(CHINA_TIME).date()


def _day(value: object) -> date:
    try:
        return date.fromisoformat(value) if isinstance(value, str) else date.min
    except ValueError:
        return date.min


def _read(data_dir: Path) -> dict[str, Any]:
    try:
        value = atomic.read_json(data_dir / NOTE)
    except (OSError, ValueError):
        return {}
    return value if isinstance(value, dict) else {}


def _write(data_dir: Path, **changes: str) -> None:
    atomic.write_json(data_dir / NOTE, {**_read(data_dir), **changes})
