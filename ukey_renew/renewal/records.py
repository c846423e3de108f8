"""A local record of every renewal and every key read, in SQLite in the user's data dir.

The guide asks the user to keep the holder's name and mobile (2.2 ④): the
unlock request of 3.6 must repeat them exactly. The unlock flow and the next
renewal pre-fill from here. Every key read is kept too, with its certificate's
dates and nothing of its holder, so the reminder works without the key.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable, Iterable
from dataclasses import astuple, dataclass, fields
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TypeVar

from ukey_renew.dates import CHINA_TIME
from ukey_renew.errors import RecordDamaged, RecordsUnavailable, why_not_written
from ukey_renew.paths import private_dir, private_file
from ukey_renew.site import PRACTICE as PRACTICE_SITE
from ukey_renew.token.registry import PRACTICE as PRACTICE_KEY

log = logging.getLogger(__name__)
T = TypeVar("T")

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
CREATE INDEX IF NOT EXISTS renewals_by_time ON renewals(finished_at);
-- after the indexes: a file of another shape fails there, before anything is added to it
CREATE TABLE IF NOT EXISTS renewals_damaged (
    set_aside_at TEXT NOT NULL,
    why TEXT NOT NULL,
    finished_at, site, token_serial, unit_name, org_code, holder_name, holder_mobile, order_no,
    old_not_before, old_not_after, new_not_before, new_not_after, activation_at
);
CREATE TABLE IF NOT EXISTS holders (
    recorded_at TEXT NOT NULL,
    token_serial TEXT NOT NULL,
    holder_name TEXT NOT NULL,
    holder_mobile TEXT NOT NULL,
    source TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS keys (
    token_serial TEXT PRIMARY KEY,
    seen_at TEXT NOT NULL,
    backend TEXT NOT NULL,
    model TEXT,
    unit_name TEXT,
    org_code TEXT,
    not_before TEXT NOT NULL,
    not_after TEXT NOT NULL
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


@dataclass(frozen=True)
class KnownKey:
    """A key as last read: enough to remind before its certificate lapses
    (guide 1.3 note 2), nothing of its holder and no PIN."""

    token_serial: str
    seen_at: str
    backend: str
    model: str | None
    unit_name: str | None
    org_code: str | None
    not_before: str
    not_after: str


_COLUMNS = ", ".join(f.name for f in fields(RenewalRecord))
_KEY_COLUMNS = ", ".join(f.name for f in fields(KnownKey))
_LAST_RENEWAL = (
    f"SELECT rowid, {_COLUMNS} FROM renewals WHERE token_serial = ? ORDER BY finished_at DESC, rowid DESC LIMIT 1"
)
_LAST_OF_ALL = f"SELECT rowid, {_COLUMNS} FROM renewals ORDER BY finished_at DESC, rowid DESC LIMIT 1"
_ALL = f"SELECT rowid, {_COLUMNS} FROM renewals ORDER BY finished_at, rowid"
_SET_ASIDE = (
    f"INSERT INTO renewals_damaged (set_aside_at, why, {_COLUMNS}) "
    f"SELECT ?, ?, {_COLUMNS} FROM renewals WHERE rowid = ?"
)
# The columns a reader parses as moments (ISO 8601), and what they are called to a clerk.
_MOMENTS = {
    "finished_at": "延期时间",
    "old_not_before": "原证书有效期",
    "old_not_after": "原证书有效期",
    "new_not_before": "新证书有效期",
    "new_not_after": "新证书有效期",
    "activation_at": "生效时间",
}
_TABLES = {
    "renewals": [f.name for f in fields(RenewalRecord)],
    "holders": ["recorded_at", "token_serial", "holder_name", "holder_mobile", "source"],
    "keys": [f.name for f in fields(KnownKey)],
}
# A renewal moves the key's validity on at once: the key need not be read again for the reminder to know.
_RENEWED_KEY = "UPDATE keys SET not_before = ?, not_after = ? WHERE token_serial = ? AND not_after < ?"
# What SQLite says of a file that is not a database, or one cut short or damaged.
_NOT_OURS = {sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB}
# Why a file of ours cannot be used now; nothing is set aside for these.
_CANNOT_USE = {
    sqlite3.SQLITE_READONLY: "文件只读，或没有写入权限",
    sqlite3.SQLITE_CANTOPEN: "文件或文件夹没有读写权限",
    sqlite3.SQLITE_PERM: "没有读写权限",
    sqlite3.SQLITE_FULL: "磁盘已满",
    sqlite3.SQLITE_BUSY: "文件正被其他程序占用",
    sqlite3.SQLITE_LOCKED: "文件正被其他程序占用",
    sqlite3.SQLITE_IOERR: "读写磁盘出错",
}


def key_kind(site_or_backend: str) -> str:
    """What kind of key a renewal's site or a key's backend says it is: only the red key renews (guide 1.3 note 1)."""
    return "练习 Ukey" if site_or_backend in (PRACTICE_SITE, PRACTICE_KEY.name) else "红色 Ukey（BJCA）"


class _OtherSchema(sqlite3.DatabaseError):
    """Tables of another shape: another program's file, or another version's."""


class Records:
    """The schema is made or brought up to date at every open (``IF NOT EXISTS``),
    so a file from an older version gains the index too. A file that is not
    records of ours (not SQLite, cut short, tables of another shape) is set
    aside as ``records.sqlite.unreadable``, kept for support, and a fresh one
    started, as the journal does: the renewals it may hold are not lost, and
    the program keeps working. A file that cannot be written (read-only, a
    full disk) is left as it is: :class:`RecordsUnavailable` says why."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._checked = False  # the schema made and checked, once per object and file
        self._create()
        self._use(lambda db: None)

    def _create(self) -> None:
        try:
            private_dir(self.path.parent)
            private_file(self.path)  # the holders' names and mobiles: the user's eyes only
        except OSError as exc:
            raise _unavailable(self.path, exc) from None

    def _use(self, action: Callable[[sqlite3.Connection], T]) -> T:
        """``action`` in one connection, committed on success and always closed;
        on a fresh file if this one is not records of ours."""
        try:
            return self._connect(action)
        except sqlite3.DatabaseError as exc:
            if not _not_ours(exc):
                raise _unavailable(self.path, exc) from None
            self._set_aside(exc)
        try:
            return self._connect(action)
        except sqlite3.DatabaseError as exc:
            raise _unavailable(self.path, exc) from None

    def _connect(self, action: Callable[[sqlite3.Connection], T]) -> T:
        db = sqlite3.connect(self.path, timeout=10)
        try:
            with db:
                if not self._checked:
                    _make_schema(db)
                    self._checked = True
                return action(db)
        finally:
            db.close()

    def _set_aside(self, cause: sqlite3.DatabaseError) -> None:
        """The file and SQLite's journal beside it, renamed together: a journal
        left behind would be played into the fresh file."""
        aside = self.path.with_name(self.path.name + ".unreadable")
        number = 1
        while aside.exists():
            number += 1
            aside = self.path.with_name(f"{self.path.name}.unreadable{number}")
        log.warning("records %s unreadable (%s), set aside as %s", self.path.name, cause, aside.name)
        try:
            for suffix in ("-journal", "-wal", "-shm"):
                companion = self.path.with_name(self.path.name + suffix)
                if companion.exists():
                    companion.replace(aside.with_name(aside.name + suffix))
            self.path.replace(aside)
        except OSError as exc:
            raise _unavailable(self.path, exc) from None
        self._checked = False
        self._create()

    def add(self, record: RenewalRecord) -> None:
        """Stored once per order: a resumed renewal does not record twice."""

        def insert(db: sqlite3.Connection) -> None:
            added = db.execute(
                f"INSERT OR IGNORE INTO renewals ({_COLUMNS}) VALUES ({', '.join('?' * len(fields(RenewalRecord)))})",
                astuple(record),
            ).rowcount
            if added:
                db.execute(_RENEWED_KEY, (record.new_not_before, record.new_not_after, record.token_serial,
                                          record.new_not_after))  # fmt: skip
                self._note_holder(db, record.finished_at, record.token_serial, record.holder_name,
                                  record.holder_mobile, "renewal")  # fmt: skip

        self._use(insert)

    def record_holder(self, recorded_at: str, token_serial: str, name: str, mobile: str, source: str) -> None:
        """The holder given outside a direct renewal (guided mode in the browser)."""
        self._use(lambda db: self._note_holder(db, recorded_at, token_serial, name, mobile, source))

    @staticmethod
    def _note_holder(db: sqlite3.Connection, at: str, serial: str, name: str, mobile: str, source: str) -> None:
        db.execute("INSERT INTO holders VALUES (?, ?, ?, ?, ?)", (at, serial, name, mobile, source))

    def remember(self, key: KnownKey) -> None:
        """The key's row, made or brought up to date. The practice key is one
        file whose serial changes at every reset: the one read replaces the others."""

        def upsert(db: sqlite3.Connection) -> None:
            if key.backend == PRACTICE_KEY.name:
                db.execute("DELETE FROM keys WHERE backend = ? AND token_serial != ?", (key.backend, key.token_serial))
            db.execute(
                f"INSERT OR REPLACE INTO keys ({_KEY_COLUMNS}) VALUES ({', '.join('?' * len(fields(KnownKey)))})",
                astuple(key),
            )

        self._use(upsert)

    def known_keys(self) -> list[KnownKey]:
        """A row whose dates no longer read is left out: the key's next read writes it again."""
        rows = self._use(lambda db: db.execute(f"SELECT {_KEY_COLUMNS} FROM keys ORDER BY not_after").fetchall())
        keys = [KnownKey(*_texts(row)) for row in rows]
        return [key for key in keys if _moments(key.seen_at, key.not_before, key.not_after)]

    def all(self) -> list[RenewalRecord]:
        return self._renewals(_ALL)

    def last(self) -> RenewalRecord | None:
        """The newest renewal of any key: the one a receipt is asked for
        without naming a key, and the one a support summary names. Through
        the ``renewals_by_time`` index: a sort of every record took 43 ms at
        100,000 records."""
        return next(iter(self._renewals(_LAST_OF_ALL)), None)

    def last_renewal(self, token_serial: str) -> RenewalRecord | None:
        """The key's newest renewal, read through the index: loading every
        record took 0.4–1.1 s at 100,000 records, this 0.3 ms (docs/performance.md)."""
        return next(iter(self._renewals(_LAST_RENEWAL, (token_serial,))), None)

    def _renewals(self, query: str, params: tuple[str, ...] = ()) -> list[RenewalRecord]:
        """Rows read back as the program wrote them: a text value that comes back
        as a blob or a number is read as text. A row whose dates cannot be read
        is moved to ``renewals_damaged`` (kept for support) and named by
        :class:`RecordDamaged` once: the same question then has an answer, with
        no row that fails every reader."""

        def read(db: sqlite3.Connection) -> tuple[list[RenewalRecord], list[tuple[RenewalRecord, str]]]:
            found, damaged = [], []
            for rowid, *values in db.execute(query, params).fetchall():
                record = RenewalRecord(*_texts(values))
                what = _unreadable_moment(record)
                if what is None:
                    found.append(record)
                    continue
                db.execute(_SET_ASIDE, (datetime.now(UTC).isoformat(), what, rowid))
                db.execute("DELETE FROM renewals WHERE rowid = ?", (rowid,))
                damaged.append((record, what))
            return found, damaged

        found, damaged = self._use(read)
        if damaged:
            record, what = damaged[0]
            log.warning("records: %d renewal(s) with unreadable dates set aside, first order %s (%s)",
                        len(damaged), record.order_no, what)  # fmt: skip
            raise RecordDamaged(str(self.path), record.order_no, what)
        return found

    def recorded(self, order_no: str) -> bool:
        """Whether this order's renewal finished and was recorded. Records that
        cannot be read say no: a journalled renewal then goes on, the safe side."""
        try:
            row = self._use(lambda db: db.execute("SELECT 1 FROM renewals WHERE order_no = ?", (order_no,)).fetchone())
        except RecordsUnavailable:
            return False
        return row is not None

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
        row = self._use(
            lambda db: db.execute(query + " ORDER BY recorded_at DESC, rowid DESC LIMIT 1", params).fetchone()
        )
        return (_text(row[0]) or "", _text(row[1]) or "") if row else None


def _make_schema(db: sqlite3.Connection) -> None:
    """Tables of another shape fail here ("no such column" from the index),
    or in the check after: only here is SQLITE_ERROR taken for them, not in
    the queries that follow. One transaction: each statement committed on
    its own made a new file with six commits, 24 syncs to disk."""
    try:
        db.executescript(f"BEGIN;\n{SCHEMA}COMMIT;\n")
    except sqlite3.DatabaseError as exc:
        if getattr(exc, "sqlite_errorcode", None) == sqlite3.SQLITE_ERROR:
            raise _OtherSchema(str(exc)) from exc
        raise
    for table, columns in _TABLES.items():
        found = [row[1] for row in db.execute(f"PRAGMA table_info({table})")]
        if found != columns:
            raise _OtherSchema(f"{table} has columns {found}")


def _texts(row: Iterable[object]) -> list[Any]:
    return [_text(value) for value in row]


def _text(value: object) -> str | None:
    """A value of a text column as text, whatever the file now holds there."""
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, bytes):
        return value.decode("utf-8", errors="replace")
    return str(value)


def _moments(*values: str | None) -> bool:
    """Whether every value reads as a moment (ISO 8601)."""
    try:
        for value in values:
            datetime.fromisoformat(value)  # type: ignore[arg-type]  # None is refused like any non-text
    except (TypeError, ValueError):
        return False
    return True


def _unreadable_moment(record: RenewalRecord) -> str | None:
    """What of the record's dates cannot be read (in a clerk's words), or None."""
    for column, what in _MOMENTS.items():
        value = getattr(record, column)
        if not (value is None and column == "activation_at") and not _moments(value):
            return what
    return None


def _not_ours(exc: sqlite3.DatabaseError) -> bool:
    return isinstance(exc, _OtherSchema) or (getattr(exc, "sqlite_errorcode", 0) & 0xFF) in _NOT_OURS


def _unavailable(path: Path, exc: BaseException) -> RecordsUnavailable:
    code = getattr(exc, "sqlite_errorcode", None)
    why = why_not_written(exc) if code is None else _CANNOT_USE.get(code & 0xFF, "无法读写")
    return RecordsUnavailable(str(path), why, detail=f"{type(exc).__name__}: {exc}")
