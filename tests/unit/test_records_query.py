"""The last renewal of a key, found by one indexed query."""

from __future__ import annotations

import sqlite3
from dataclasses import astuple, replace
from datetime import UTC, datetime
from pathlib import Path

from ukey_renew.renewal import records
from ukey_renew.renewal.records import Records, RenewalRecord

_FIRST = RenewalRecord(
    finished_at="2026-01-05T10:00:00+00:00", site="practice", token_serial="KEY-A", unit_name="电信测试1",
    org_code="111111", holder_name="张三", holder_mobile="13800138000", order_no="20260105-000001",
    old_not_before="2025-11-01T00:00:00+00:00", old_not_after="2026-01-20T00:00:00+00:00",
    new_not_before="2026-01-20T00:00:00+00:00", new_not_after="2031-01-20T00:00:00+00:00", activation_at=None,
)  # fmt: skip


def _record(serial: str, finished_at: str, order_no: str) -> RenewalRecord:
    return replace(_FIRST, token_serial=serial, finished_at=finished_at, order_no=order_no)


def test_newest_renewal_of_that_key(tmp_path: Path) -> None:
    store = Records(tmp_path / "records.sqlite")
    newest = _record("KEY-A", "2026-06-01T09:00:00+00:00", "20260601-000003")
    for record in [
        _FIRST,
        newest,
        _record("KEY-B", "2026-09-01T09:00:00+00:00", "20260901-000001"),  # another key, newer
        _record("KEY-A", "2026-03-01T09:00:00+00:00", "20260301-000002"),  # that key, recorded later but older
        _record("KEY-AB", "2026-12-01T09:00:00+00:00", "20261201-000001"),  # a serial that starts alike
    ]:
        store.add(record)
    assert store.last_renewal("KEY-A") == newest
    assert store.last_renewal("KEY-C") is None


def test_same_time_gives_the_one_recorded_last(tmp_path: Path) -> None:
    store = Records(tmp_path / "records.sqlite")
    second = replace(_FIRST, order_no="20260105-000002", holder_name="李四")
    store.add(_FIRST)
    store.add(second)
    assert store.last_renewal("KEY-A") == second


def test_a_new_file_is_made_in_one_commit(tmp_path: Path) -> None:
    """Each commit is synced to disk: the schema's six statements commit once."""
    path = tmp_path / "records.sqlite"
    Records(path)
    changes = int.from_bytes(path.read_bytes()[24:28], "big")  # SQLite's file change counter
    assert changes == 1
    Records(path).add(_FIRST)
    assert int.from_bytes(path.read_bytes()[24:28], "big") == 2
    assert Records(path).last_renewal("KEY-A") == _FIRST


def test_a_file_from_before_gains_the_index(tmp_path: Path) -> None:
    path = tmp_path / "records.sqlite"
    with sqlite3.connect(path) as db:  # the schema as it was, without the index
        db.executescript(records.SCHEMA.replace("CREATE INDEX IF NOT EXISTS renewals_by_key", "-- "))
        db.execute(f"INSERT INTO renewals VALUES ({', '.join('?' * 13)})", astuple(_FIRST))
    store = Records(path)
    assert store.last_renewal("KEY-A") == _FIRST
    with sqlite3.connect(path) as db:
        plan = " ".join(row[-1] for row in db.execute("EXPLAIN QUERY PLAN " + records._LAST_RENEWAL, ("KEY-A",)))
    assert "USING INDEX renewals_by_key" in plan and "TEMP B-TREE" not in plan, plan


def test_renewed_today_is_a_beijing_day(tmp_path: Path) -> None:
    """ "Today" as the site and the guide date it: Beijing time, whatever the clock's zone."""
    store = Records(tmp_path / "records.sqlite")
    record = replace(_FIRST, token_serial="KEY-T", finished_at="2026-11-25T15:30:00+00:00")  # 23:30 in Beijing
    store.add(record)
    assert store.renewed_today("KEY-T", datetime(2026, 11, 25, 15, 59, tzinfo=UTC)) == record
    assert store.renewed_today("KEY-T", datetime(2026, 11, 25, 16, 1, tzinfo=UTC)) is None  # the next day there
    assert store.renewed_today("KEY-X", datetime(2026, 11, 25, 15, 59, tzinfo=UTC)) is None


def test_the_newest_of_all_and_every_record_in_order_need_no_sort(tmp_path: Path) -> None:
    """``last()`` (the support summary, a receipt with no key named) and
    ``all()`` (the support bundle) read the ``renewals_by_time`` index in
    order: no temporary sort of every record."""
    store = Records(tmp_path / "records.sqlite")
    store.add(_FIRST)
    newest = _record("KEY-B", "2026-09-01T09:00:00+00:00", "20260901-000001")
    store.add(newest)
    assert store.last() == newest and store.all() == [_FIRST, newest]
    with sqlite3.connect(tmp_path / "records.sqlite") as db:
        for query in (records._LAST_OF_ALL, records._ALL):
            plan = " ".join(row[-1] for row in db.execute("EXPLAIN QUERY PLAN " + query))
            assert "USING INDEX renewals_by_time" in plan and "TEMP B-TREE" not in plan, plan
