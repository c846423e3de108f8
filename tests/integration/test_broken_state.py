"""State the program wrote, found broken: every command answers with a typed
error and a next step (never "internal", never a traceback), and the
recovery it names makes the program work again."""

from __future__ import annotations

import base64
import json
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.integration.test_cli import run
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
}


@pytest.mark.parametrize("variant", sorted(BROKEN_JOURNALS))
def test_a_broken_journal_is_set_aside(home: Path, variant: str) -> None:
    """Nothing can be resumed from it: it is kept aside and the renewal starts afresh."""
    assert run(home, "practice", "reset").returncode == 0
    path = _journal_path(home)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(BROKEN_JOURNALS[variant](home)), encoding="utf-8")
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
    assert stuck.returncode == 2 and json.loads(stuck.stdout)["error"]["id"].startswith("site.")

    abandon = run(home, "renew", "--practice", "--abandon", "--json")
    assert abandon.returncode == 0, abandon.stderr
    dropped = json.loads(abandon.stdout)["abandoned"]
    assert dropped["order_no"] == "20990101-999999" and "提交当前持有人信息" in dropped["done"]
    assert not path.exists()
    assert json.loads(run(home, "renew", "--practice", "--abandon", "--json").stdout) == {"abandoned": None}

    done = run(home, "renew", "--practice", "--json", *HOLDER, env=SECRETS)
    assert done.returncode == 0, done.stdout + done.stderr
