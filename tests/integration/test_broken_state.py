"""State the program wrote, found broken: every command answers with a typed
error and a next step (never "internal", never a traceback), and the
recovery it names makes the program work again."""

from __future__ import annotations

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
