"""The reminder's states on Beijing dates (guide 1.3 note 2, 3.7) and the keys it remembers."""

from __future__ import annotations

import sqlite3
from dataclasses import astuple, replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from tests.unit.test_records_query import _FIRST
from ukey_renew import remind, status
from ukey_renew.dates import CHINA_TIME
from ukey_renew.renewal import records
from ukey_renew.renewal.records import KnownKey, Records

# The last valid day is 2027-01-31 in Beijing (10:00 there, 02:00 UTC).
NOT_AFTER = datetime(2027, 1, 31, 10, 0, tzinfo=CHINA_TIME)
KEY = KnownKey(
    token_serial="KEY-A", seen_at="2026-12-01T02:00:00+00:00", backend="pkcs11", model="GM3000", unit_name="某某检察院",
    org_code="371724", not_before="2022-01-31T02:00:00+00:00", not_after=NOT_AFTER.isoformat(),
)  # fmt: skip


def _state_at(moment: datetime) -> tuple[int, str]:
    (found,) = remind.reminders([KEY], moment)
    return found.days_left, found.state


@pytest.mark.parametrize(
    ("days_before", "expected"),
    [
        (61, "ok"), (60, "soon"), (31, "soon"), (30, "due"), (0, "due"),
        (-1, "expired"), (-30, "expired"), (-31, "replace"),
    ],
)  # fmt: skip
def test_each_boundary(days_before: int, expected: str) -> None:
    """60 days and less: soon; 30: due; past the last day: expired, renewable for 30 days, then replace."""
    moment = NOT_AFTER - timedelta(days=days_before)
    assert _state_at(moment) == (days_before, expected)


def test_the_day_turns_at_beijing_midnight() -> None:
    """One second before Beijing midnight it is still the day before, whatever the computer's zone."""
    thirty_one_before = datetime(2026, 12, 31, 23, 59, 59, tzinfo=CHINA_TIME)
    assert _state_at(thirty_one_before.astimezone(UTC)) == (31, "soon")
    assert _state_at((thirty_one_before + timedelta(seconds=1)).astimezone(UTC)) == (30, "due")
    last_day_ends = datetime(2027, 1, 31, 23, 59, 59, tzinfo=CHINA_TIME)  # the certificate itself lapsed at 10:00
    assert _state_at(last_day_ends) == (0, "due")
    assert _state_at(last_day_ends + timedelta(seconds=1)) == (-1, "expired")


def test_most_urgent_first() -> None:
    now = NOT_AFTER - timedelta(days=100)
    keys = [replace(KEY, token_serial=serial, not_after=(now + timedelta(days=days)).isoformat())
            for serial, days in (("LATER", 200), ("LAPSED", -50), ("SOON", 45))]  # fmt: skip
    found = remind.reminders(keys, now)
    assert [(r.serial, r.state) for r in found] == [("LAPSED", "replace"), ("SOON", "soon"), ("LATER", "ok")]
    assert "指南 3.7" in found[0].to_dict()["next_step"]


def test_a_key_is_remembered_once_and_brought_up_to_date(tmp_path: Path) -> None:
    store = Records(tmp_path / "records.sqlite")
    store.remember(KEY)
    store.remember(replace(KEY, seen_at="2026-12-02T02:00:00+00:00", unit_name="改名检察院"))
    store.remember(replace(KEY, token_serial="KEY-B"))
    assert [(key.token_serial, key.unit_name) for key in store.known_keys()] == [
        ("KEY-A", "改名检察院"), ("KEY-B", "某某检察院"),
    ]  # fmt: skip


def test_the_practice_key_read_replaces_the_one_before_it(tmp_path: Path) -> None:
    """A reset gives the practice key a new serial: the old one is gone, not a key to remind of."""
    store = Records(tmp_path / "records.sqlite")
    store.remember(replace(KEY, token_serial="PR-OLD", backend="practice"))
    store.remember(KEY)
    store.remember(replace(KEY, token_serial="PR-NEW", backend="practice"))
    assert sorted(key.token_serial for key in store.known_keys()) == ["KEY-A", "PR-NEW"]


def test_a_renewal_moves_the_key_on(tmp_path: Path) -> None:
    """Recorded, the renewal's new validity is the key's: no need to read it again to stop the reminder."""
    store = Records(tmp_path / "records.sqlite")
    store.remember(replace(KEY, token_serial=_FIRST.token_serial, not_after=_FIRST.old_not_after))
    store.add(_FIRST)
    (key,) = store.known_keys()
    assert (key.not_before, key.not_after) == (_FIRST.new_not_before, _FIRST.new_not_after)
    store.add(replace(_FIRST, order_no="OLDER", new_not_after="2030-01-01T00:00:00+00:00"))  # never backwards
    assert store.known_keys()[0].not_after == _FIRST.new_not_after


def test_records_from_before_gain_the_table(tmp_path: Path) -> None:
    """A file of the version before, without the keys table: its renewals kept, the table added."""
    path = tmp_path / "records.sqlite"
    before = records.SCHEMA[: records.SCHEMA.index("CREATE TABLE IF NOT EXISTS keys")]
    with sqlite3.connect(path) as db:
        db.executescript(before)
        db.execute(f"INSERT INTO renewals VALUES ({', '.join('?' * 13)})", astuple(_FIRST))
    db.close()
    store = Records(path)
    store.remember(KEY)
    assert store.all() == [_FIRST] and store.known_keys() == [KEY]
    assert not (tmp_path / "records.sqlite.unreadable").exists()


def test_a_keys_table_of_another_shape_is_set_aside(tmp_path: Path) -> None:
    path = tmp_path / "records.sqlite"
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE keys (serial TEXT, colour TEXT)")
    db.close()
    store = Records(path)
    store.remember(KEY)
    assert store.known_keys() == [KEY]
    assert (tmp_path / "records.sqlite.unreadable").exists()


def test_unusable_records_leave_the_reading_alone(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    """Remembering serves the reminder only: a key read is not failed by records SQLite cannot open."""
    (tmp_path / "records.sqlite").mkdir()  # a folder where the file should be
    status.remember(tmp_path, [KEY])
    assert "records.unavailable" in caplog.text
