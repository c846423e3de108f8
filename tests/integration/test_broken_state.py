"""State the program wrote, found broken: every command answers with a typed
error and a next step (never "internal", never a traceback), and the
recovery it names makes the program work again."""

from __future__ import annotations

import base64
import json
import sqlite3
import sys
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest

from tests.integration.test_cli import run
from tests.rig import unprivileged
from tests.rig.small_disk import fill, small_disk
from tests.unit.test_records_query import _FIRST
from ukey_renew.casim.ca import ReferenceCA
from ukey_renew.renewal.build import records
from ukey_renew.renewal.records import Records
from ukey_renew.token import practice

SECRETS = {"UKEY_RENEW_PIN": "111111", "UKEY_RENEW_NEW_PASSWORD": "abc12345"}
HOLDER = ("--holder-name", "张三", "--holder-phone", "13800138000")


def _edit(change: Callable[[dict], object]) -> Callable[[bytes], bytes]:
    def apply(data: bytes) -> bytes:
        state = json.loads(data)
        changed = change(state)
        return json.dumps(state if changed is None else changed).encode()

    return apply


BROKEN_KEY_FILES: dict[str, Callable[[bytes], bytes]] = {
    "cut short": lambda data: data[: len(data) // 2],
    "garbage": lambda data: b"\x00\xff garbage \x9c" * 20,
    "empty": lambda data: b"",
    "empty object": lambda data: b"{}",
    "a list": lambda data: b"[1, 2]",
    "null": lambda data: b"null",
    "counter as text": _edit(lambda s: s.update(retries_left="10")),
    "counter negative": _edit(lambda s: s.update(retries_left=-3)),
    "counter a boolean": _edit(lambda s: s.update(retries_left=True)),
    "serial a number": _edit(lambda s: s.update(serial=12345)),
    "containers a list": _edit(lambda s: s.update(containers=[])),
    "container a string": _edit(lambda s: s["containers"].update(C1="x")),
    "certificate not base64": _edit(lambda s: next(iter(s["containers"].values())).update(cert="@@@not base64@@@")),
    "PIN verifier missing": _edit(lambda s: s.pop("pin")),
    "PIN verifier not hex": _edit(lambda s: s["pin"].update(salt="zz")),
    "nested thousands deep": lambda data: b"[" * 100_000 + b"]" * 100_000,
    "a container without its key": _edit(lambda s: next(iter(s["containers"].values())).pop("key")),
}


@pytest.mark.parametrize("variant", sorted(BROKEN_KEY_FILES))
def test_a_broken_practice_key_file(home: Path, variant: str) -> None:
    assert run(home, "practice", "reset").returncode == 0
    path = practice.default_path(home)
    path.write_bytes(BROKEN_KEY_FILES[variant](path.read_bytes()))

    status = run(home, "status", "--json", "--backend", "practice")
    assert status.returncode == 2, status.stderr
    (problem,) = json.loads(status.stdout)["problems"]
    assert problem["id"] == "practice.broken" and "practice reset" in problem["next_step"]

    support = run(home, "status", "--support", "--backend", "practice")
    assert support.returncode == 2 and "Traceback" not in support.stderr
    assert "practice.broken" in support.stdout or "练习 Ukey 的文件已损坏" in support.stdout

    renew = run(home, "renew", "--practice", "--dry-run", "--json", *HOLDER, env=SECRETS)
    assert renew.returncode == 2, renew.stderr
    assert json.loads(renew.stdout)["error"]["id"] == "practice.broken"
    assert "Traceback" not in renew.stderr + status.stderr

    assert run(home, "practice", "reset").returncode == 0  # the recovery the message names
    again = run(home, "renew", "--practice", "--dry-run", "--json", *HOLDER, env=SECRETS)
    assert again.returncode == 0, again.stderr


def test_a_practice_key_from_an_earlier_version(home: Path) -> None:
    """Version 1 of the key file (EC keys from an EC reference CA): named as
    such, never "internal"; `practice reset` makes an SM2 key that renews."""
    assert run(home, "practice", "reset").returncode == 0
    path = practice.default_path(home)
    path.write_bytes(_edit(lambda s: s.update(version=1))(path.read_bytes()))

    status = run(home, "status", "--json", "--backend", "practice")
    assert status.returncode == 2, status.stderr
    (problem,) = json.loads(status.stdout)["problems"]
    assert problem["id"] == "practice.outdated" and "practice reset" in problem["next_step"]
    renew = run(home, "renew", "--practice", "--dry-run", "--json", *HOLDER, env=SECRETS)
    assert json.loads(renew.stdout)["error"]["id"] == "practice.outdated"
    assert "Traceback" not in renew.stderr + status.stderr

    assert run(home, "practice", "reset").returncode == 0
    status = run(home, "status", "--json", "--backend", "practice")
    (cert,) = json.loads(status.stdout)["tokens"][0]["certificates"]
    assert cert["key_algorithm"] == cert["encryption_certificate"]["key_algorithm"] == "SM2"
    again = run(home, "renew", "--practice", "--dry-run", "--json", *HOLDER, env=SECRETS)
    assert again.returncode == 0, again.stderr


def _journal_path(home: Path) -> Path:
    from ukey_renew.renewal.build import journal_for

    key = practice.PracticeToken(practice.default_path(home))
    return journal_for(home, key.info().serial, key.certificates()[0].container).path


def _journal(home: Path, **changes: object) -> dict[str, object]:
    key = practice.PracticeToken(practice.default_path(home))
    journal: dict[str, object] = {
        "token_serial": key.info().serial,
        "container": key.certificates()[0].container,
        "site": "practice",
        "started_at": "2026-11-25T08:00:00+00:00",
        "done": ["check"],
        "old_cert": base64.b64encode(key.certificates()[0].der).decode(),
    }
    journal.update(changes)
    return journal


BROKEN_JOURNALS: dict[str, Callable[[Path], object]] = {
    "steps as text": lambda home: _journal(home, done="check"),
    "steps as numbers": lambda home: _journal(home, done=[1, 2]),
    "an unknown step": lambda home: _journal(home, done=["check", "teleport"]),
    "order number a number": lambda home: _journal(home, order_no=20261125),
    "flag as text": lambda home: _journal(home, password_changing="yes"),
    "a field of another version": lambda home: _journal(home, colour="red"),
    "a list": lambda home: [1, 2, 3],
    "no old certificate": lambda home: _journal(home, old_cert=None),
    "nested thousands deep": lambda home: "[" * 100_000 + "]" * 100_000,  # written as it is
}


@pytest.mark.parametrize("variant", sorted(BROKEN_JOURNALS))
def test_a_broken_journal_is_set_aside(home: Path, variant: str) -> None:
    """Nothing can be resumed from it: it is kept aside and the renewal starts afresh."""
    assert run(home, "practice", "reset").returncode == 0
    path = _journal_path(home)
    path.parent.mkdir(parents=True, exist_ok=True)
    broken = BROKEN_JOURNALS[variant](home)
    path.write_text(broken if isinstance(broken, str) else json.dumps(broken), encoding="utf-8")
    status = run(home, "status", "--json", "--backend", "practice")  # reads every journal, changes none
    assert status.returncode == 0 and path.is_file(), status.stdout + status.stderr
    done = run(home, "renew", "--practice", "--json", *HOLDER, env=SECRETS)
    assert done.returncode == 0, done.stdout + done.stderr
    assert json.loads(done.stdout)["result"] == "renewed"
    assert path.with_suffix(".unreadable").is_file()


def test_an_order_the_site_no_longer_knows_is_abandoned_on_purpose(home: Path) -> None:
    """A resume stuck on an order the site refuses: --abandon says what it drops, then a renewal works."""
    assert run(home, "practice", "reset").returncode == 0
    path = _journal_path(home)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(
        json.dumps(_journal(home, done=["check", "holder"], order_no="20990101-999999", holder_name="张三",
                            holder_mobile="13800138000")),
        encoding="utf-8",
    )  # fmt: skip
    stuck = run(home, "renew", "--practice", "--json", *HOLDER, env=SECRETS)
    error = json.loads(stuck.stdout)["error"]
    assert stuck.returncode == 2 and error["id"] == "renewal.stuck" and "20990101-999999" in error["message"]
    assert "ukey-renew renew --practice --abandon" in error["next_step"]  # the way on, named

    abandon = run(home, "renew", "--practice", "--abandon", "--json")
    assert abandon.returncode == 0, abandon.stderr
    dropped = json.loads(abandon.stdout)["abandoned"]
    assert dropped["order_no"] == "20990101-999999" and "提交当前持有人信息" in dropped["done"]
    assert not path.exists()
    assert json.loads(run(home, "renew", "--practice", "--abandon", "--json").stdout) == {"abandoned": None}

    done = run(home, "renew", "--practice", "--json", *HOLDER, env=SECRETS)
    assert done.returncode == 0, done.stdout + done.stderr


def test_practice_reset_is_refused_while_a_renewal_holds_the_key(home: Path) -> None:
    """Reset under a running renewal would let it finish on the new key: refused, naming its order."""
    from ukey_renew.renewal.build import journal_for

    assert run(home, "practice", "reset").returncode == 0
    path = _journal_path(home)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(_journal(home, done=["check", "holder"], order_no="20261207-000042")), encoding="utf-8")
    before = practice.default_path(home).read_bytes()
    key = practice.PracticeToken(practice.default_path(home))
    with journal_for(home, key.info().serial, key.certificates()[0].container):  # the renewal's hold on the key
        refused = run(home, "practice", "reset", "--json")
    error = json.loads(refused.stdout)["error"]
    assert refused.returncode == 2 and error["id"] == "renewal.busy", refused.stdout + refused.stderr
    assert "20261207-000042" in error["message"] and "重置练习 Ukey" in error["message"]
    assert practice.default_path(home).read_bytes() == before
    assert run(home, "practice", "reset").returncode == 0  # the renewal over, the reset goes through
    assert practice.default_path(home).read_bytes() != before


def _garbage(path: Path) -> None:
    path.write_bytes(b"\x00\xff garbage \x9c" * 64)


def _a_folder(path: Path) -> None:
    path.unlink()
    path.mkdir()


def _another_worlds(path: Path) -> None:
    """The same file of another practice world: well formed, but not this key's or certificate's pair."""
    other = path.parent.parent / "other-world"
    ReferenceCA(other)
    path.write_bytes((other / path.name).read_bytes())


def _another_identity(path: Path) -> None:
    """The same identity file of another practice site: its CAs are not this site's."""
    other = ReferenceCA(path.parent.parent / "other-world")
    other.server_identity(other.directory / "tls")
    other.signing_identity(other.directory / "signing")
    path.write_bytes((other.directory / path.parent.name / path.name).read_bytes())


def _rows(sql: str) -> Callable[[Path], None]:
    def damage(path: Path) -> None:
        with sqlite3.connect(path) as db:
            db.execute(sql)
        db.close()

    return damage


# Files of the practice site, relative to the data folder, and what garbles them.
BROKEN_SITE_FILES: dict[str, tuple[str, Callable[[Path], None]]] = {
    "CA key garbage": ("reference-ca/sm2-ca-key.pem", _garbage),
    "CA certificate garbage": ("reference-ca/sm2-ca-cert.pem", _garbage),
    "TLS CA key garbage": ("reference-ca/tls-ca-key.pem", _garbage),
    "TLS CA certificate garbage": ("reference-ca/tls-ca-cert.pem", _garbage),
    "site database garbage": ("casim/site.sqlite", _garbage),
    "CA key another world's": ("reference-ca/sm2-ca-key.pem", _another_worlds),
    "TLS CA key another world's": ("reference-ca/tls-ca-key.pem", _another_worlds),
    "TLS CA certificate another world's": ("reference-ca/tls-ca-cert.pem", _another_worlds),
    "CA key a folder": ("reference-ca/sm2-ca-key.pem", _a_folder),
    "CA certificate a folder": ("reference-ca/sm2-ca-cert.pem", _a_folder),
    "trust anchors a folder": ("reference-ca/anchors.pem", _a_folder),
    "site database a folder": ("casim/site.sqlite", _a_folder),
    "TLS server key a folder": ("casim/tls/server-key.pem", _a_folder),
    "an order's day a blob": ("casim/site.sqlite", _rows("UPDATE orders SET day = x'00ff'")),
    "an order's date not a date": ("casim/site.sqlite", _rows("UPDATE orders SET new_not_after = 'junk'")),
    "an order's state unknown": ("casim/site.sqlite", _rows("UPDATE orders SET state = 'gone'")),
    "a failure count as text": ("casim/site.sqlite", _rows("INSERT INTO failures VALUES ('X', '20260101', 'many')")),
}


@pytest.mark.parametrize("variant", sorted(BROKEN_SITE_FILES))
def test_a_broken_practice_site_is_named_and_practice_reset_rebuilds_it(home: Path, variant: str) -> None:
    """Its file named with the way on; `practice reset` rebuilds the practice world (key and site), after
    which a renewal goes through; the broken files are kept aside for support."""
    assert run(home, "practice", "reset").returncode == 0
    assert run(home, "renew", "--practice", "--json", *HOLDER, env=SECRETS).returncode == 0  # an order on file
    where, spoil = BROKEN_SITE_FILES[variant]
    path = home / where
    spoil(path)

    status = run(home, "status", "--backend", "practice")
    assert status.returncode == 0 and "Traceback" not in status.stderr, status.stdout + status.stderr
    renew = run(home, "renew", "--practice", "--again", "--json", *HOLDER, env={"UKEY_RENEW_PIN": "abc12345"})
    error = json.loads(renew.stdout)["error"]
    assert renew.returncode == 2 and error["id"] == "practice.site_broken", renew.stdout + renew.stderr
    assert str(path) in error["message"] and "practice reset" in error["next_step"]
    assert "Traceback" not in renew.stderr

    reset = run(home, "practice", "reset", "--json")
    assert reset.returncode == 0, reset.stdout + reset.stderr
    done = run(home, "renew", "--practice", "--json", *HOLDER, env=SECRETS)
    assert done.returncode == 0 and json.loads(done.stdout)["result"] == "renewed", done.stdout + done.stderr
    assert any(home.glob("*.broken*")), sorted(p.name for p in home.iterdir())


SITE_IDENTITIES = ["casim/tls/server-key.pem", "casim/tls/server-cert.pem", "casim/signing/signing-key.pem",
                   "casim/signing/signing-cert.pem"]  # fmt: skip


@pytest.mark.parametrize("where", SITE_IDENTITIES)
@pytest.mark.parametrize("spoil", [_garbage, _another_identity], ids=["garbage", "another site's"])
def test_the_practice_site_remakes_its_identities(home: Path, where: str, spoil: Callable[[Path], None]) -> None:
    """The site's TLS and signing identities are made from its CAs: one garbled or not a pair is made again."""
    assert run(home, "practice", "reset").returncode == 0
    assert run(home, "renew", "--practice", "--dry-run", "--json", *HOLDER, env=SECRETS).returncode == 0
    spoil(home / where)
    done = run(home, "renew", "--practice", "--json", *HOLDER, env=SECRETS)
    assert done.returncode == 0 and json.loads(done.stdout)["result"] == "renewed", done.stdout + done.stderr


# Room left on the data folder's disk, in KiB: below what the program itself writes, through
# the levels where SQLite, the journal and the record each failed in turn.
DISK_LEVELS = [0, 24, 48, 64, 96, 128]


@pytest.mark.parametrize("room", DISK_LEVELS)
def test_a_full_disk_stops_the_renewal_before_its_order(tmp_path: Path, room: int) -> None:
    """ "磁盘已满" naming the disk and nothing ordered; with room again, one plain run renews, the next
    finds it done: never "site error", never SQLite's words, never a second order."""
    with small_disk(3 * 1024) as disk:
        home = disk / "home"
        assert run(home, "practice", "reset").returncode == 0
        assert run(home, "renew", "--practice", "--dry-run", *HOLDER, env=SECRETS).returncode == 0  # the site made
        filler = fill(disk, room)
        full = run(home, "renew", "--practice", "--json", *HOLDER, env=SECRETS)
        error = json.loads(full.stdout)["error"]
        assert full.returncode == 2 and error["id"] == "disk.full", full.stdout + full.stderr
        assert "磁盘已满" in error["message"] and "清理" in error["next_step"]
        assert "disk I/O" not in full.stdout + full.stderr and "Traceback" not in full.stderr
        filler.unlink()
        assert _orders(home) == 0
        done = run(home, "renew", "--practice", "--json", *HOLDER, env=SECRETS)
        assert done.returncode == 0 and json.loads(done.stdout)["result"] == "renewed", done.stdout + done.stderr
        again = run(home, "renew", "--practice", "--json", *HOLDER, env={"UKEY_RENEW_PIN": "abc12345"})
        assert json.loads(again.stdout)["error"]["id"] == "renewal.already_done", again.stdout
        assert _orders(home) == 1 and len(records(home).all()) == 1


def _orders(home: Path) -> int:
    with sqlite3.connect(home / "casim" / "site.sqlite") as db:
        (count,) = db.execute("SELECT COUNT(*) FROM orders").fetchone()
    db.close()
    return int(count)


# --- the local record of renewals ---------------------------------------------------


def _tables(path: Path, sql: str) -> None:
    with sqlite3.connect(path) as db:
        db.executescript(sql)
    db.close()


def _many(path: Path) -> None:
    """Records over several pages, so a cut goes through the middle of them."""
    store = Records(path)
    for number in range(60):
        store.add(replace(_FIRST, order_no=f"20260105-{number:06d}", unit_name="电信测试" * 40))


def _cut(path: Path) -> None:
    _many(path)
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])


def _column_of_another_version(path: Path) -> None:
    _many(path)
    _tables(path, "ALTER TABLE renewals ADD COLUMN colour TEXT")


BROKEN_RECORDS: dict[str, Callable[[Path], None]] = {
    "not SQLite": lambda path: path.write_bytes(b"\x00\xff not a database \x9c" * 50),
    "cut short": _cut,
    "another program's tables": lambda path: _tables(path, "CREATE TABLE renewals (id INTEGER, note TEXT)"),
    "a column of another version": _column_of_another_version,
}


@pytest.mark.parametrize("variant", sorted(BROKEN_RECORDS))
def test_records_not_ours_are_set_aside(home: Path, variant: str) -> None:
    """Kept for support as records.sqlite.unreadable; the renewal goes on and is recorded afresh."""
    assert run(home, "practice", "reset").returncode == 0
    path = home / "records.sqlite"
    BROKEN_RECORDS[variant](path)
    broken = path.read_bytes()
    done = run(home, "renew", "--practice", "--json", *HOLDER, env=SECRETS)
    assert done.returncode == 0, done.stdout + done.stderr
    result = json.loads(done.stdout)
    assert result["result"] == "renewed" and result["record_not_saved"] is None
    assert (home / "records.sqlite.unreadable").read_bytes() == broken
    (record,) = records(home).all()
    assert record.order_no == result["order_no"]


def test_records_set_aside_twice_keep_both(tmp_path: Path) -> None:
    path = tmp_path / "records.sqlite"
    for text in (b"first broken file", b"second broken file"):
        path.write_bytes(text * 10)
        assert Records(path).all() == []
    assert (tmp_path / "records.sqlite.unreadable").read_bytes() == b"first broken file" * 10
    assert (tmp_path / "records.sqlite.unreadable2").read_bytes() == b"second broken file" * 10


def test_a_renewal_whose_record_cannot_be_written_stands(home: Path) -> None:
    """A read-only records file: the key is renewed and the user told the record is missing;
    the journal keeps the order, so the rerun once the file is writable records it, no second order."""
    assert run(home, "practice", "reset").returncode == 0
    records(home)
    (home / "records.sqlite").chmod(0o444)
    done = run(home, "renew", "--practice", *HOLDER, env=SECRETS, prefix=unprivileged.prefix())
    assert done.returncode == 0, done.stdout + done.stderr
    assert "延期成功" in done.stdout and "没有记入本机延期记录" in done.stdout and "不会重新下单" in done.stdout
    assert _journal_path(home).exists() and "Traceback" not in done.stderr

    (home / "records.sqlite").chmod(0o600)
    again = run(home, "renew", "--practice", "--json", *HOLDER, env={"UKEY_RENEW_PIN": "abc12345"})
    assert again.returncode == 0, again.stdout + again.stderr
    (record,) = records(home).all()
    assert record.order_no == json.loads(again.stdout)["order_no"] and not _journal_path(home).exists()


# Windows' chmod sets only the read-only attribute: a file stays readable, a folder writable.
POSIX_MODES = pytest.mark.skipif(sys.platform == "win32", reason="unreadable files, read-only folders: POSIX modes")


@POSIX_MODES
@pytest.mark.parametrize("where", ["file", "folder"])
def test_records_that_cannot_be_read_are_a_clear_error(home: Path, where: str) -> None:
    """Neither readable nor to be set aside: a typed error naming the file, the file left as it is."""
    assert run(home, "practice", "reset").returncode == 0
    path = home / "records.sqlite"
    records(home)
    if where == "file":
        path.chmod(0o000)
    else:
        path.unlink()
        path.mkdir()
    done = run(home, "renew", "--practice", "--json", *HOLDER, env=SECRETS, prefix=unprivileged.prefix())
    assert done.returncode == 2, done.stdout + done.stderr
    error = json.loads(done.stdout)["error"]
    assert error["id"] == "records.unavailable" and str(path) in error["message"]
    assert not (home / "records.sqlite.unreadable").exists()


def _recorded_then(home: Path, sql: str, *values: object) -> None:
    """A renewal recorded by the program, then changed in the file behind its back."""
    Records(home / "records.sqlite").add(replace(_FIRST, finished_at="2026-01-05T10:00:00+00:00"))
    _tables_with(home / "records.sqlite", sql, values)


def _tables_with(path: Path, sql: str, values: tuple[object, ...]) -> None:
    with sqlite3.connect(path) as db:
        db.execute(sql, values)
    db.close()


@pytest.mark.parametrize("column", ["finished_at", "old_not_after", "new_not_before", "activation_at"])
def test_a_recorded_renewal_whose_dates_are_damaged(home: Path, column: str) -> None:
    """The receipt names the damaged order once, the row is kept aside, and every reader goes on."""
    _recorded_then(home, f"UPDATE renewals SET {column} = ?", "2026-13-45 garbage")
    first = run(home, "receipt", "--json")
    assert first.returncode == 2, first.stdout + first.stderr
    error = json.loads(first.stdout)["error"]
    assert error["id"] == "records.damaged" and _FIRST.order_no in error["message"], error
    assert "再运行一次" in error["next_step"]
    again = run(home, "receipt", "--json")
    assert json.loads(again.stdout)["error"]["id"] == "receipt.no_renewal", again.stdout
    with sqlite3.connect(home / "records.sqlite") as db:
        (kept,) = db.execute(f"SELECT order_no, {column} FROM renewals_damaged").fetchall()
    db.close()
    assert kept == (_FIRST.order_no, "2026-13-45 garbage")
    readers = [
        ("records", "export", "--out", str(home / "e.txt")),
        ("support-bundle", str(home / "b.zip"), "--no-network"),
        ("status", "--support", "--backend", "practice"),
    ]
    for command in readers:  # each on the damage afresh
        _recorded_then(home, f"UPDATE renewals SET {column} = ?", "2026-13-45 garbage")
        done = run(home, *command)
        assert "内部错误" not in done.stdout + done.stderr and "Traceback" not in done.stderr, (command, done.stderr)


TEXT_DAMAGE = {
    "a blob mobile": ("holder_mobile", b"13800138000"),
    "a number mobile": ("holder_mobile", 13800138000),
    "a blob name": ("holder_name", "张三".encode()),
    "a number unit": ("unit_name", 42),
    "a blob order": ("order_no", b"20260105-000001"),
    "bytes not UTF-8": ("holder_mobile", b"\xff\xfe13800138000"),
}


@pytest.mark.parametrize("variant", sorted(TEXT_DAMAGE))
def test_a_recorded_renewal_with_a_value_of_another_type(home: Path, variant: str) -> None:
    """Read as text: the receipt, the support bundle and the support summary work, the mobile masked."""
    column, value = TEXT_DAMAGE[variant]
    _recorded_then(home, f"UPDATE renewals SET {column} = ?", value)
    _tables_with(home / "records.sqlite", f"UPDATE holders SET {column} = ?" if column.startswith("holder") else
                 "SELECT ?", (value,))  # fmt: skip
    receipt = run(home, "receipt", "--json")
    assert receipt.returncode == 0, receipt.stdout + receipt.stderr
    shown = json.loads(receipt.stdout)
    assert "13800138000" not in receipt.stdout and shown["receipt"]["order_no"] == _FIRST.order_no
    bundle = run(home, "support-bundle", str(home / "b.zip"), "--json", "--no-network")
    assert bundle.returncode == 0, bundle.stdout + bundle.stderr
    support = run(home, "status", "--support", "--backend", "practice")
    assert "内部错误" not in support.stdout + support.stderr and "Traceback" not in support.stderr


# --- the data folder ------------------------------------------------------------------


def _file(path: Path) -> Path:
    path.write_text("not a folder", encoding="utf-8")
    return path


def _folder(path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.unlink(missing_ok=True)
    path.mkdir()
    return path


def _read_only(path: Path) -> Path:
    path.chmod(0o555)
    return path


# Each breaks something in or around ``home``: (the data folder given, the folder the error names).
BROKEN_FOLDERS: dict[str, Callable[[Path], tuple[Path, Path]]] = {
    "data folder a file": lambda home: (_file(home / "file"), home / "file"),
    "data folder under a file": lambda home: (_file(home / "file") / "inner", home / "file" / "inner"),
    "data folder read-only": lambda home: (_read_only(home), home),
    "journal folder a file": lambda home: (home, _file(home / "journal")),
    "journal's lock a folder": lambda home: (
        home,
        _folder(_journal_path(home).with_name(_journal_path(home).name + ".lock")),
    ),
    "practice key's lock a folder": lambda home: (home, _folder(practice.lock_path(practice.default_path(home)))),
}


@pytest.mark.parametrize(
    "variant",
    [pytest.param(name, marks=[POSIX_MODES] if "read-only" in name else []) for name in sorted(BROKEN_FOLDERS)],
)
def test_a_data_folder_that_cannot_be_used(home: Path, variant: str) -> None:
    """Named in a typed error with what to do, whichever command meets it first; no traceback."""
    assert run(home, "practice", "reset").returncode == 0
    data, named = BROKEN_FOLDERS[variant](home)
    environment = {**SECRETS, "UKEY_RENEW_HOME": str(data)}
    done = run(home, "renew", "--practice", "--json", *HOLDER, env=environment, prefix=unprivileged.prefix())
    assert done.returncode == 2, done.stdout + done.stderr
    error = json.loads(done.stdout)["error"]
    assert error["id"] == "data_dir.unusable" and str(named) in error["message"]
    assert "UKEY_RENEW_HOME" in error["next_step"] and "Traceback" not in done.stderr


@POSIX_MODES
def test_a_log_folder_that_cannot_be_written(home: Path) -> None:
    """The program works without its log and says so once; nothing else is said about the log."""
    logs = home / "logs"
    logs.mkdir()
    logs.chmod(0o555)
    done = run(home, "practice", "reset", "--json", prefix=unprivileged.prefix())
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stderr.count("无法写入日志文件") == 1 and str(logs) in done.stderr
    assert "Logging error" not in done.stderr and "Traceback" not in done.stderr
