"""Two ukey-renew processes renewing one practice key with its password, as
two windows or a window and a command line would: the "renewed today"
decision is taken under the key's journal lock, so the second never tries
the password the first has just changed (a try lost)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.integration.test_broken_state import HOLDER, SECRETS, _orders
from tests.integration.test_cli import run
from ukey_renew.renewal.build import records
from ukey_renew.token import practice


def _renew(home: Path) -> subprocess.Popen[str]:
    environment = {**os.environ, "UKEY_RENEW_HOME": str(home), **SECRETS}
    command = [sys.executable, "-m", "ukey_renew", "renew", "--practice", "--json", *HOLDER]
    return subprocess.Popen(  # what the program writes to a pipe is UTF-8, whatever the code page (936)
        command, env=environment, stdout=subprocess.PIPE, stderr=subprocess.PIPE, encoding="utf-8"
    )


def _outcome(process: subprocess.Popen[str]) -> str:
    out, err = process.communicate(timeout=120)
    answer = json.loads(out)
    assert "Traceback" not in err, err
    return str(answer.get("result") or answer["error"]["id"])


@pytest.mark.parametrize("delay", [0.0, 0.4, 1.0])
def test_two_processes_renew_one_key_once_and_lose_no_try(home: Path, delay: float) -> None:
    assert run(home, "practice", "reset").returncode == 0
    assert run(home, "renew", "--practice", "--dry-run", *HOLDER, env=SECRETS).returncode == 0  # the site made
    first = _renew(home)
    time.sleep(delay)
    second = _renew(home)
    outcomes = sorted([_outcome(first), _outcome(second)])
    assert outcomes.count("renewed") == 1, outcomes
    assert set(outcomes) - {"renewed"} <= {"renewal.busy", "renewal.already_done"}, outcomes
    assert practice.PracticeToken(practice.default_path(home)).pin_status().retries_left == practice.MAX_PIN_RETRIES
    assert _orders(home) == 1 and len(records(home).all()) == 1
