"""Figures for docs/performance.md: the campaign sheet of a province, and what remembering a key costs.

    python -m tests.benchmarks.bench_fleet [--keys N] [--runs N]

``--keys`` receipts as ``receipt --out F.json`` writes them, a second, older
receipt for every tenth key (kept out), and one support bundle holding them
all again: ``fleet`` reads the folder, keeps the latest per key and writes the
CSV and the HTML. Then :meth:`Records.remember` as ``status`` and the wizard
call it for every key read. Prints medians; asserts nothing (timings are not tests).
"""

from __future__ import annotations

import argparse
import json
import statistics
import tempfile
import time
import zipfile
from collections.abc import Callable
from dataclasses import asdict, replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from tests.unit.test_receipt import RECORD
from tests.unit.test_remind import KEY
from ukey_renew import fleet
from ukey_renew.fleet_html import to_html
from ukey_renew.receipt import receipt_for
from ukey_renew.renewal.records import Records

TODAY = date(2026, 12, 7)


def inbox(folder: Path, keys: int) -> None:
    start = datetime(2026, 12, 1, tzinfo=UTC)
    records = []
    for number in range(keys):
        until = (start + timedelta(days=number % 400 - 60)).isoformat()
        record = replace(RECORD, token_serial=f"BJ{number:06d}", order_no=f"{number:08d}", new_not_after=until)
        records.append(record)
        receipt = receipt_for(record, "案管").to_dict()
        (folder / f"r{number:06d}.json").write_text(json.dumps(receipt, ensure_ascii=False), encoding="utf-8")
        if number % 10 == 0:
            older = receipt_for(replace(record, new_not_after="2026-01-01T00:00:00+00:00"), "案管").to_dict()
            (folder / f"old{number:06d}.json").write_text(json.dumps(older, ensure_ascii=False), encoding="utf-8")
    with zipfile.ZipFile(folder / "bundle.zip", "w", zipfile.ZIP_DEFLATED) as bundle:
        bundle.writestr("records.json", json.dumps([asdict(r) for r in records], ensure_ascii=False))


def median_ms(action: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        action()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--keys", type=int, default=2000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        where = Path(folder) / "inbox"
        where.mkdir()
        inbox(where, args.keys)
        files = len(list(where.iterdir()))
        sheet = fleet.read([where], TODAY)
        assert len(sheet.rows) == args.keys, len(sheet.rows)
        read = median_ms(lambda: fleet.read([where], TODAY), args.runs)
        csv_ms = median_ms(lambda: fleet.to_csv(sheet.rows), args.runs)
        html_ms = median_ms(lambda: to_html(sheet), args.runs)
        print(f"fleet: {files} files ({args.keys} keys) read in {read:.0f} ms; CSV {csv_ms:.0f} ms, "
              f"{len(fleet.to_csv(sheet.rows)) / 1024:.0f} KiB; HTML {html_ms:.0f} ms, "
              f"{len(to_html(sheet)) / 1024:.0f} KiB")  # fmt: skip
        store = Records(Path(folder) / "records.sqlite")
        remember = median_ms(lambda: store.remember(KEY), max(args.runs, 20))
        opened = median_ms(lambda: Records(Path(folder) / "records.sqlite").remember(KEY), max(args.runs, 20))
        print(
            f"remember one key: {remember:.1f} ms (records open), {opened:.1f} ms (opening them first, as status does)"
        )


if __name__ == "__main__":
    main()
