"""`ukey-renew remind`, run as a user runs it: keys remembered by `status` and the wizard's detection."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.integration.test_broken_state import HOLDER, SECRETS
from tests.integration.test_cli import run
from ukey_renew.renewal.build import records


def _remind(home: Path) -> list[dict[str, object]]:
    done = run(home, "remind", "--json")
    assert done.returncode == 0, done.stdout + done.stderr
    return json.loads(done.stdout)["keys"]


@pytest.mark.parametrize(("days", "state", "left"), [(20, "due", (19, 20)), (-40, "replace", (-41, -40))])
def test_the_key_read_by_status_is_reminded_of(home: Path, days: int, state: str, left: tuple[int, int]) -> None:
    assert run(home, "practice", "reset", "--expires-in-days", str(days)).returncode == 0
    assert _remind(home) == []  # reset only: not yet read
    assert run(home, "status", "--backend", "practice").returncode == 0
    (key,) = _remind(home)
    assert key["state"] == state and left[0] <= key["days_left"] <= left[1]
    assert key["org_code"] == "111111" and key["serial"].startswith("PR")
    assert set(key) >= {"serial", "unit", "org_code", "not_after", "days_left", "state"}


def test_a_renewal_turns_the_reminder_off(home: Path) -> None:
    """renew reads the key through the session's detection, and its record moves the key's validity on."""
    assert run(home, "practice", "reset", "--expires-in-days", "10").returncode == 0
    done = run(home, "renew", "--practice", *HOLDER, env=SECRETS)
    assert done.returncode == 0, done.stdout + done.stderr
    (key,) = _remind(home)
    assert key["state"] == "ok" and key["not_after"] == records(home).last().new_not_after  # type: ignore[union-attr]
    assert "holder" not in json.dumps(key) and "13800138000" not in json.dumps(key)


def test_remind_as_text_with_nothing_remembered(home: Path) -> None:
    done = run(home, "remind")
    assert done.returncode == 0 and "还没有读到过 Ukey" in done.stdout
