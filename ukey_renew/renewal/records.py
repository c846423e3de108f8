"""A local record of every renewal, in SQLite in the user's data dir.

The guide asks the user to keep the holder's name and mobile (2.2 ④): the
unlock request of 3.6 must repeat them exactly. The unlock flow and the next
renewal pre-fill from here.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import astuple, dataclass, fields
from datetime import datetime
from pathlib import Path

from ukey_renew.dates import CHINA_TIME
from ukey_renew.paths import private_dir, private_file

SCHEMA = """
CREATE TABLE IF NOT EXISTS renewals (
    finished_at TEXT NOT NULL,
    site TEXT NOT NULL,
    token_serial TEXT NOT NULL,
    unit_name TEXT,
    org_code TEXT,
    holder_name TEXT NOT NULL,
    holder_mobile TEXT NOT NULL,
    order_no TEXT NOT NULL UNIQUE,
    old_not_before TEXT NOT NULL,
    old_not_after TEXT NOT NULL,
    new_not_before TEXT NOT NULL,
    new_not_after TEXT NOT NULL,
    activation_at TEXT
);
CREATE INDEX IF NOT EXISTS renewals_by_key ON renewals(token_serial, finished_at);
CREATE TABLE IF NOT EXISTS holders (
    recorded_at TEXT NOT NULL,
    token_serial TEXT NOT NULL,
    holder_name TEXT NOT NULL,
    holder_mobile TEXT NOT NULL,
    source TEXT NOT NULL
);
"""


@dataclass(frozen=True)
class RenewalRecord:
    finished_at: str
    site: str
    token_serial: str
    unit_name: str | None
    org_code: str | None
    holder_name: str
    holder_mobile: str
    order_no: str
    old_not_before: str
    old_not_after: str
    new_not_before: str
    new_not_after: str
    activation_at: str | None


_COLUMNS = ", ".join(f.name for f in fields(RenewalRecord))
_LAST_RENEWAL = f"SELECT {_COLUMNS} FROM renewals WHERE token_serial = ? ORDER BY finished_at DESC, rowid DESC LIMIT 1"


class Records:
    """The schema is made or brought up to date at every open (``IF NOT EXISTS``),
    so a file from an older version gains the index too."""

    def __init__(self, path: Path) -> None:
        private_dir(path.parent)
        self.path = private_file(path)  # the holders' names and mobiles: the user's eyes only
        with self._connect() as db:
            db.executescript(SCHEMA)

    @contextmanager
    def _connect(self) -> Iterator[sqlite3.Connection]:
        """One connection per use, committed on success and always closed."""
        db = sqlite3.connect(self.path, timeout=10)
        try:
            with db:
                yield db
        finally:
            db.close()

    def add(self, record: RenewalRecord) -> None:
        """Stored once per order: a resumed renewal does not record twice."""
        with self._connect() as db:
            added = db.execute(
                f"INSERT OR IGNORE INTO renewals ({_COLUMNS}) VALUES ({', '.join('?' * len(fields(RenewalRecord)))})",
                astuple(record),
            ).rowcount
            if added:
                self._note_holder(db, record.finished_at, record.token_serial, record.holder_name,
                                  record.holder_mobile, "renewal")  # fmt: skip

    def record_holder(self, recorded_at: str, token_serial: str, name: str, mobile: str, source: str) -> None:
        """The holder given outside a direct renewal (guided mode in the browser)."""
        with self._connect() as db:
            self._note_holder(db, recorded_at, token_serial, name, mobile, source)

    @staticmethod
    def _note_holder(db: sqlite3.Connection, at: str, serial: str, name: str, mobile: str, source: str) -> None:
        db.execute("INSERT INTO holders VALUES (?, ?, ?, ?, ?)", (at, serial, name, mobile, source))

    def all(self) -> list[RenewalRecord]:
        with self._connect() as db:
            rows = db.execute(f"SELECT {_COLUMNS} FROM renewals ORDER BY finished_at").fetchall()
        return [RenewalRecord(*row) for row in rows]

    def last_renewal(self, token_serial: str) -> RenewalRecord | None:
        """The key's newest renewal, read through the index: loading every
        record took 0.4–1.1 s at 100,000 records, this 0.3 ms (docs/performance.md)."""
        with self._connect() as db:
            row = db.execute(_LAST_RENEWAL, (token_serial,)).fetchone()
        return RenewalRecord(*row) if row else None

    def renewed_today(self, token_serial: str, now: datetime) -> RenewalRecord | None:
        """The key's renewal if it finished today, Beijing time (the site's and the guide's dates)."""
        last = self.last_renewal(token_serial)
        if last is None:
            return None
        finished = datetime.fromisoformat(last.finished_at).astimezone(CHINA_TIME).date()
        return last if finished == now.astimezone(CHINA_TIME).date() else None

    def last_holder(self, token_serial: str | None = None) -> tuple[str, str] | None:
        query = "SELECT holder_name, holder_mobile FROM holders"
        params: tuple[str, ...] = ()
        if token_serial:
            query += " WHERE token_serial = ?"
            params = (token_serial,)
        with self._connect() as db:
            row = db.execute(query + " ORDER BY recorded_at DESC, rowid DESC LIMIT 1", params).fetchone()
        return (row[0], row[1]) if row else None
