"""A practice renewal killed at moments chosen at random, with a fixed seed,
among every write, lock, rename and request it makes (not only at the named
points of test_renewal.py); after each kill the promises hold: the key still
has a valid certificate (the old one or the new, never none), and a re-run,
typing the password the program asks for, finishes (or says the key was
renewed today) with one order and no password try burnt."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest

from tests.conftest import REPO
from tests.integration.test_cli import run
from ukey_renew.casim.provision import reset_practice_key
from ukey_renew.casim.site import ReferenceSite
from ukey_renew.certs import load_certificate
from ukey_renew.renewal.build import journal_for, records
from ukey_renew.site.profile import add_years
from ukey_renew.token.practice import PracticeToken

SEED = 20261125
POINTS = 8  # about 4 s each: a kill and a re-run
OLD_PIN, NEW_PIN = "111111", "abc12345"
HOLDER = ("--holder-name", "张三", "--holder-phone", "13800138000")
RENEW = ("renew", "--practice", *HOLDER)


def _killed_at(home: Path, moment: int) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "tests.rig.killed_at_moment", str(moment), *RENEW],
        cwd=REPO,
        env={**os.environ, "UKEY_RENEW_HOME": str(home), "UKEY_RENEW_PIN": OLD_PIN, "UKEY_RENEW_NEW_PASSWORD": NEW_PIN},
        capture_output=True,
        encoding="utf-8",
        timeout=120,
    )


def _moments(home: Path) -> int:
    reset_practice_key(home, datetime.now(UTC))
    done = _killed_at(home, 0)
    assert done.returncode == 0, done.stderr
    return int(done.stderr.rsplit("moments: ", 1)[1])


def _password_said(home: Path, key: PracticeToken) -> tuple[str, bool]:
    """What the program tells the user to type, from what it kept: the new
    password once set; either, new first, when cut off while setting it."""
    journal = journal_for(home, key.info().serial, key.certificates()[0].container).path
    if not journal.is_file():
        return OLD_PIN, False  # not started, or finished (then the re-run asks for none)
    state = json.loads(journal.read_text(encoding="utf-8"))
    if "password" in state["done"]:
        return NEW_PIN, False
    return (NEW_PIN, True) if state.get("password_changing") else (OLD_PIN, False)


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX; Windows ends a process otherwise")
def test_killed_at_random_moments(tmp_path: Path) -> None:
    total = _moments(tmp_path / "count")
    for moment in sorted(random.Random(SEED).sample(range(1, total + 1), POINTS)):
        home = tmp_path / f"moment-{moment}"
        key = reset_practice_key(home, datetime.now(UTC))
        old = load_certificate(key.certificates()[0].der)

        killed = _killed_at(home, moment)
        assert killed.returncode in (-signal.SIGKILL, 0), f"moment {moment}: {killed.stderr}"
        now = load_certificate(key.certificates()[0].der)  # a key file that cannot be read fails here
        assert now.der == old.der or now.not_after == add_years(old.not_after, 5), f"moment {moment}"
        assert now.not_before <= datetime.now(UTC) <= now.not_after

        pin, either = _password_said(home, key)
        again = run(home, *RENEW, env={"UKEY_RENEW_PIN": pin, "UKEY_RENEW_NEW_PASSWORD": NEW_PIN})
        if either and again.returncode != 0 and "密码错误" in again.stderr:
            # Cut off between noting the change and the key making it: the old
            # password is still the key's, and the hint offered it second.
            assert "新密码可能已生效" in again.stderr, f"moment {moment}: {again.stderr}"
            again = run(home, *RENEW, env={"UKEY_RENEW_PIN": OLD_PIN, "UKEY_RENEW_NEW_PASSWORD": NEW_PIN})
        renewed_before = again.returncode == 2 and "今天已经延期成功" in again.stderr  # no password asked
        assert again.returncode == 0 or renewed_before, f"moment {moment}: {again.stdout}{again.stderr}"
        if pin == NEW_PIN and not (either or renewed_before):
            assert "新密码" in again.stderr, f"moment {moment}: the user is sent back to the old password"

        site = ReferenceSite(home)
        orders = site.state.orders()
        site.state.close()
        assert [order.state for order in orders] == ["done"], f"moment {moment}: {orders}"
        (record,) = records(home).all()
        assert record.order_no == orders[0].order_no
        assert load_certificate(key.certificates()[0].der).not_after == add_years(old.not_after, 5)
