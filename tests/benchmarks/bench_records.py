"""Figures for docs/performance.md: finding a key's last renewal among many
records, as the verify page does.

    python -m tests.benchmarks.bench_records [--records N] [--runs N]

"before" loads every record and keeps the key's last, as the session did;
"after" is :meth:`Records.last_renewal`, one query through the index. Prints
figures; asserts nothing (timings are not tests).
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import statistics
import tempfile
import time
from collections.abc import Callable
from dataclasses import fields
from datetime import UTC, datetime, timedelta
from pathlib import Path

from ukey_renew.renewal.records import Records, RenewalRecord

KEYS = 1000  # a province's keys, each renewed many times over the years


def fill(path: Path, count: int) -> None:
    """``count`` records over :data:`KEYS` keys, one transaction (Records.add commits each)."""
    Records(path)
    start = datetime(2020, 1, 1, tzinfo=UTC)
    rows = []
    for number in range(count):
        at = (start + timedelta(minutes=number)).isoformat()
        serial, order_no = f"PR{number % KEYS:06d}", f"{number:08d}-000001"
        rows.append(
            (at, "practice", serial, "电信测试1", "111111", "张三", "13800138000", order_no, at, at, at, at, None)
        )
    with sqlite3.connect(path) as db:
        db.executemany(f"INSERT INTO renewals VALUES ({', '.join('?' * len(fields(RenewalRecord)))})", rows)


def load_all(store: Records, serial: str) -> RenewalRecord | None:
    mine = [record for record in store.all() if record.token_serial == serial]
    return mine[-1] if mine else None


def median_seconds(lookup: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        lookup()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--records", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "records.sqlite"
        fill(path, args.records)
        store = Records(path)
        serial = f"PR{KEYS // 2:06d}"
        assert load_all(store, serial) == store.last_renewal(serial)
        before = median_seconds(lambda: load_all(store, serial), args.runs)
        after = median_seconds(lambda: store.last_renewal(serial), args.runs)
        newest = median_seconds(store.last, args.runs)
        every = median_seconds(store.all, args.runs)
    print(f"last renewal of a key among {args.records} records: load all {before * 1000:.1f} ms, "
          f"indexed query {after * 1000:.2f} ms (median of {args.runs})")  # fmt: skip
    print(f"newest renewal of any key (Records.last, the support summary's): {newest * 1000:.2f} ms; "
          f"every record in order (Records.all, the support bundle's): {every * 1000:.0f} ms")  # fmt: skip
    print(f"load average: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
