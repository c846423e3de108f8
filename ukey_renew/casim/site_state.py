"""The reference site's records, in one SQLite file: orders, revoked
certificates, daily failure counts and unlock requests.

One lock serialises every change, so concurrent renewals of different keys
each get exactly one order with its own number (YYYYMMDD-NNNNNN, a daily
sequence like the guide's 20230718-000040).
"""

from __future__ import annotations

import secrets
import sqlite3
import threading
from dataclasses import asdict, dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from asn1crypto import csr as asn1_csr

from ukey_renew import sm2
from ukey_renew.casim.ca import ReferenceCA
from ukey_renew.certs import CertInfo, load_certificate, public_key_bits
from ukey_renew.diskspace import free_bytes, full
from ukey_renew.envelope import seal
from ukey_renew.errors import CertificateError, DiskFull, PracticeSiteBroken
from ukey_renew.lockfile import LockFile
from ukey_renew.paths import private_dir, private_file
from ukey_renew.site.profile import SitePolicy

SCHEMA = """
CREATE TABLE IF NOT EXISTS orders (
    order_no TEXT PRIMARY KEY,
    day TEXT NOT NULL,
    old_serial TEXT NOT NULL,
    unit_name TEXT NOT NULL,
    org_code TEXT,
    holder_name TEXT NOT NULL,
    holder_mobile TEXT NOT NULL,
    old_not_before TEXT NOT NULL,
    old_not_after TEXT NOT NULL,
    new_not_before TEXT NOT NULL,
    new_not_after TEXT NOT NULL,
    state TEXT NOT NULL,
    new_cert BLOB,
    new_serial TEXT,
    new_enc_cert BLOB,
    new_enc_envelope BLOB,
    created_at TEXT NOT NULL,
    downloaded_at TEXT,
    activation_at TEXT
);
CREATE UNIQUE INDEX IF NOT EXISTS one_open_order ON orders(old_serial) WHERE state != 'done';
CREATE TABLE IF NOT EXISTS revoked (serial TEXT PRIMARY KEY);
CREATE TABLE IF NOT EXISTS failures (serial TEXT, day TEXT, count INTEGER, PRIMARY KEY (serial, day));
CREATE TABLE IF NOT EXISTS unlock_requests (
    id TEXT PRIMARY KEY,
    unit_name TEXT NOT NULL,
    org_code TEXT,
    holder_name TEXT NOT NULL,
    state TEXT NOT NULL,
    auth_code TEXT,
    created_at TEXT NOT NULL
);
"""


class Refusal(Exception):
    """A refusal the site shows the user; ``code`` is stable, ``message`` the site's words."""

    def __init__(self, code: str, message: str) -> None:
        self.code = code
        self.message = message
        super().__init__(message)


@dataclass(frozen=True)
class Order:
    order_no: str
    state: str
    unit_name: str
    org_code: str | None
    holder_name: str
    holder_mobile: str
    old_not_before: str
    old_not_after: str
    new_not_before: str
    new_not_after: str
    created_at: str
    downloaded_at: str | None
    activation_at: str | None

    def to_dict(self) -> dict[str, Any]:
        return {**asdict(self), "cert_type": "单位证书"}


_ORDER_COLUMNS = ", ".join(Order.__dataclass_fields__)
# Anything the site never writes: pages SQLite finds damaged, a value of another
# type, a date that is not one, a state it does not know. Read once at start
# (the practice site's file is small), so no request fails halfway on it.
_DAMAGED = """
SELECT 1 FROM pragma_quick_check WHERE quick_check != 'ok'
UNION ALL SELECT 1 FROM orders WHERE
    typeof(order_no) || typeof(day) || typeof(old_serial) || typeof(unit_name) || typeof(holder_name)
        || typeof(holder_mobile) || typeof(state) != 'texttexttexttexttexttexttext'
    OR order_no NOT GLOB day || '-[0-9][0-9][0-9][0-9][0-9][0-9]'
    OR state NOT IN ('created', 'confirmed', 'issued', 'done')
    OR julianday(old_not_before) IS NULL OR julianday(old_not_after) IS NULL OR julianday(new_not_before) IS NULL
    OR julianday(new_not_after) IS NULL OR julianday(created_at) IS NULL
    OR (downloaded_at IS NOT NULL AND julianday(downloaded_at) IS NULL)
    OR (activation_at IS NOT NULL AND julianday(activation_at) IS NULL)
UNION ALL SELECT 1 FROM failures WHERE typeof(serial) != 'text' OR typeof(day) != 'text' OR typeof(count) != 'integer'
UNION ALL SELECT 1 FROM revoked WHERE typeof(serial) != 'text'
LIMIT 1
"""
# What SQLite says of a write that found no room ("disk I/O error" for the WAL's shared memory).
_NO_ROOM = {sqlite3.SQLITE_FULL, sqlite3.SQLITE_IOERR}
# Columns a site file made by an earlier version lacks.
_ADDED_COLUMNS = {"new_enc_cert": "BLOB", "new_enc_envelope": "BLOB"}


@dataclass(frozen=True)
class Issued:
    """What the site hands out for a request: the signing certificate and,
    for an SM2 key, the encryption certificate with its key pair sealed to
    the requesting key (双证)."""

    certificate: bytes
    enc_certificate: bytes | None = None
    enc_envelope: bytes | None = None


class SiteState:
    def __init__(self, db_path: Path, ca: ReferenceCA, policy: SitePolicy, failures_per_day: int = 5) -> None:
        self.ca = ca
        self.policy = policy
        self.failures_per_day = failures_per_day
        self._lock = threading.Lock()
        private_dir(db_path.parent)
        # Two sites starting together (two renewals) take turns: SQLite answers
        # "database is locked" at once, without waiting, to a second switch to WAL.
        with LockFile(db_path.with_name(db_path.name + ".lock")):
            if db_path.exists() and not db_path.is_file():
                raise PracticeSiteBroken(str(db_path))
            self._db = sqlite3.connect(private_file(db_path), check_same_thread=False, isolation_level=None)
            try:
                self._db.execute("PRAGMA journal_mode=WAL")
                self._db.executescript(f"BEGIN;\n{SCHEMA}COMMIT;\n")  # one commit, one sync: not one per table
                present = {row[1] for row in self._db.execute("PRAGMA table_info(orders)")}
                for column, kind in _ADDED_COLUMNS.items():
                    if column not in present:
                        self._db.execute(f"ALTER TABLE orders ADD COLUMN {column} {kind}")
                if self._db.execute(_DAMAGED).fetchone():
                    raise sqlite3.DatabaseError("values the site did not write")
            except sqlite3.DatabaseError as exc:  # not a database, one of another shape, or rows damaged
                self._db.close()
                if getattr(exc, "sqlite_errorcode", 0) & 0xFF in _NO_ROOM and full(db_path.parent):
                    raise DiskFull(str(db_path.parent), (free_bytes(db_path.parent) or 0) // 1024) from None
                raise PracticeSiteBroken(str(db_path)) from None

    def close(self) -> None:
        self._db.close()

    # --- who may log in -----------------------------------------------

    def revoke(self, serial: str) -> None:
        with self._lock:
            self._db.execute("INSERT OR IGNORE INTO revoked VALUES (?)", (serial,))

    def check_login(self, cert: CertInfo, now: datetime) -> None:
        """Guide 3.10 ⑤ and 1.3 note 2: the site's reasons to refuse a certificate."""
        if not self.ca.issued_this(cert.der):
            raise Refusal("not_system_user", "您的证书非本系统用户，不能登录当前系统")
        with self._lock:
            revoked = self._db.execute("SELECT 1 FROM revoked WHERE serial = ?", (cert.serial,)).fetchone()
        if revoked:
            raise Refusal("revoked", "您的证书已被吊销，不能进行在线更新")
        if now - cert.not_after > timedelta(days=self.policy.max_expired_days):
            raise Refusal("expired_too_long", f"证书已过期超过 {self.policy.max_expired_days} 天，不能进行在线更新")

    # --- failures per day (guide 3.10 ②) ----------------------------------

    def check_attempts(self, serial: str, now: datetime) -> None:
        with self._lock:
            row = self._db.execute(
                "SELECT count FROM failures WHERE serial = ? AND day = ?", (serial, _day(now))
            ).fetchone()
        if row and row[0] >= self.failures_per_day:
            raise Refusal("too_many_attempts", "今日操作失败次数过多，请明日再试")

    def count_failure(self, serial: str, now: datetime) -> None:
        with self._lock:
            self._db.execute(
                "INSERT INTO failures VALUES (?, ?, 1) ON CONFLICT(serial, day) DO UPDATE SET count = count + 1",
                (serial, _day(now)),
            )

    # --- orders (guide 2.2 ④–⑨) ---------------------------------------------

    def open_order(self, cert: CertInfo, holder_name: str, holder_mobile: str, now: datetime) -> Order:
        """The certificate's open order, holder updated, or a new one."""
        new_before, new_after = self.policy.new_validity(cert.not_after, now)
        with self._lock:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                row = self._db.execute(
                    "SELECT order_no FROM orders WHERE old_serial = ? AND state != 'done'", (cert.serial,)
                ).fetchone()
                if row:
                    order_no = row[0]
                    self._db.execute(
                        "UPDATE orders SET holder_name = ?, holder_mobile = ? WHERE order_no = ?",
                        (holder_name, holder_mobile, order_no),
                    )
                else:
                    day = _day(now)
                    count = self._db.execute("SELECT COUNT(*) FROM orders WHERE day = ?", (day,)).fetchone()[0]
                    order_no = f"{day}-{count + 1:06d}"
                    self._db.execute(
                        "INSERT INTO orders (order_no, day, old_serial, unit_name, org_code, holder_name,"
                        " holder_mobile, old_not_before, old_not_after, new_not_before, new_not_after, state,"
                        " created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'created', ?)",
                        (
                            order_no, day, cert.serial, cert.subject_cn or "", cert.org_code, holder_name,
                            holder_mobile, cert.not_before.isoformat(), cert.not_after.isoformat(),
                            new_before.isoformat(), new_after.isoformat(), now.isoformat(),
                        ),
                    )  # fmt: skip
                self._db.execute("COMMIT")
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
        return self.order(order_no, cert.serial)

    def order(self, order_no: str, serial: str) -> Order:
        """The order, asked for with the old certificate or, once installed, the new one."""
        with self._lock:
            row = self._db.execute(
                f"SELECT {_ORDER_COLUMNS} FROM orders WHERE order_no = ? AND ? IN (old_serial, new_serial)",
                (order_no, serial),
            ).fetchone()
        if row is None:
            raise Refusal("order_unknown", "订单不存在，请重新进行 Ukey 延期操作")
        return Order(*row)

    def confirm(self, order_no: str, old_serial: str) -> Order:
        order = self.order(order_no, old_serial)
        if order.state == "created":
            self._set_state(order_no, "confirmed")
        return self.order(order_no, old_serial)

    def issue(self, order_no: str, old_serial: str, csr_der: bytes) -> tuple[Order, Issued]:
        """The new certificates; asked again for the same key, the same ones."""
        order = self.order(order_no, old_serial)
        if order.state not in ("confirmed", "issued"):
            raise Refusal("order_state", "请先确认订单信息（点击“下一步”）")
        with self._lock:
            existing = self._db.execute(
                "SELECT new_cert, new_enc_cert, new_enc_envelope FROM orders WHERE order_no = ?", (order_no,)
            ).fetchone()
        try:  # asn1crypto: cryptography cannot hand out an SM2 key
            info = asn1_csr.CertificationRequest.load(csr_der)["certification_request_info"]
            subject, spki = info["subject"].dump(), info["subject_pk_info"].dump()
            request_key = public_key_bits(spki)
        except (ValueError, TypeError, KeyError):
            raise Refusal("csr_invalid", "证书申请数据格式错误") from None
        cert, enc_cert, envelope = existing
        if cert and load_certificate(cert).public_key == request_key:
            return order, Issued(bytes(cert), enc_cert and bytes(enc_cert), envelope and bytes(envelope))
        before, after = datetime.fromisoformat(order.new_not_before), datetime.fromisoformat(order.new_not_after)
        try:
            issued = Issued(self.ca.issue(csr_der, before, after))
        except CertificateError as exc:
            raise Refusal("csr_invalid", exc.message) from None
        if sm2.is_sm2_key(spki):
            enc_der, enc_key = self.ca.issue_encryption(subject, before, after)
            issued = Issued(issued.certificate, enc_der, seal(enc_key, spki))
        with self._lock:
            self._db.execute(
                "UPDATE orders SET new_cert = ?, new_serial = ?, new_enc_cert = ?, new_enc_envelope = ?,"
                " state = 'issued' WHERE order_no = ?",
                (
                    issued.certificate,
                    load_certificate(issued.certificate).serial,
                    issued.enc_certificate,
                    issued.enc_envelope,
                    order_no,
                ),
            )
        return self.order(order_no, old_serial), issued

    def complete(self, order_no: str, old_serial: str, now: datetime) -> Order:
        order = self.order(order_no, old_serial)
        if order.state == "done":
            return order
        if order.state != "issued":
            raise Refusal("order_state", "证书尚未下载，请重新点击“下载证书”")
        with self._lock:
            self._db.execute(
                "UPDATE orders SET state = 'done', downloaded_at = ?, activation_at = ? WHERE order_no = ?",
                (now.isoformat(), (now + self.policy.activation_delay).isoformat(), order_no),
            )
        return self.order(order_no, old_serial)

    def orders(self) -> list[Order]:
        with self._lock:
            rows = self._db.execute(f"SELECT {_ORDER_COLUMNS} FROM orders ORDER BY order_no").fetchall()
        return [Order(*row) for row in rows]

    def _set_state(self, order_no: str, state: str) -> None:
        with self._lock:
            self._db.execute("UPDATE orders SET state = ? WHERE order_no = ?", (state, order_no))

    # --- unlock (guide 3.6) ---------------------------------------------------

    def request_unlock(self, cert: CertInfo, holder_name: str, holder_mobile: str, now: datetime) -> str:
        """Accepted only when name and mobile match the holder recorded at renewal."""
        with self._lock:
            row = self._db.execute(
                "SELECT holder_name, holder_mobile FROM orders WHERE unit_name = ? AND org_code IS ?"
                " ORDER BY created_at DESC LIMIT 1",
                (cert.subject_cn or "", cert.org_code),
            ).fetchone()
        if row is None or (row[0], row[1]) != (holder_name, holder_mobile):
            raise Refusal("unlock_mismatch", "姓名或手机号与登记的持有人信息不一致")
        request_id = secrets.token_hex(4).upper()
        with self._lock:
            self._db.execute(
                "INSERT INTO unlock_requests VALUES (?, ?, ?, ?, 'pending', NULL, ?)",
                (request_id, cert.subject_cn or "", cert.org_code, holder_name, now.isoformat()),
            )
        return request_id

    def approve_unlock(self, request_id: str) -> str:
        """The operator's side: approve and hand out the authorization code."""
        code = f"{secrets.randbelow(10**8):08d}"
        with self._lock:
            changed = self._db.execute(
                "UPDATE unlock_requests SET state = 'approved', auth_code = ? WHERE id = ? AND state = 'pending'",
                (code, request_id),
            ).rowcount
        if not changed:
            raise Refusal("unlock_unknown", "解锁申请不存在或已处理")
        return code

    def unlock_state(self, request_id: str) -> str:
        with self._lock:
            row = self._db.execute("SELECT state FROM unlock_requests WHERE id = ?", (request_id,)).fetchone()
        if row is None:
            raise Refusal("unlock_unknown", "解锁申请不存在或已处理")
        return str(row[0])

    def complete_unlock(self, request_id: str, auth_code: str) -> None:
        with self._lock:
            row = self._db.execute(
                "SELECT state, auth_code FROM unlock_requests WHERE id = ?", (request_id,)
            ).fetchone()
        if row is None:
            raise Refusal("unlock_unknown", "解锁申请不存在或已处理")
        if row[0] == "pending":
            raise Refusal("unlock_pending", "解锁申请尚未审批，请联系 Ukey 运维人员")
        if row[0] != "approved" or not secrets.compare_digest(row[1] or "", auth_code):
            raise Refusal("auth_code_wrong", "解锁授权码不正确")
        self._set_unlock_state(request_id, "done")

    def _set_unlock_state(self, request_id: str, state: str) -> None:
        with self._lock:
            self._db.execute("UPDATE unlock_requests SET state = ? WHERE id = ?", (state, request_id))


def _day(now: datetime) -> str:
    return now.strftime("%Y%m%d")
