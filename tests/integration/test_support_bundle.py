"""The support bundle and the events the log keeps for it, run as a user runs them."""

from __future__ import annotations

import json
import logging
import os
import stat
import zipfile
from datetime import UTC, datetime
from pathlib import Path

import pytest

from tests.integration.test_cli import run
from tests.integration.test_renewal import Rig, rig  # noqa: F401 - the fixture
from tests.rig.prompts import HOLDER, ScriptedPrompts
from tests.rig.prompts import PIN as PRACTICE_PIN
from ukey_renew.casim.provision import CONTAINER
from ukey_renew.errors import SiteRefused
from ukey_renew.renewal.build import journal_for
from ukey_renew.renewal.journal import JournalState
from ukey_renew.renewal.unlock import UnlockFlow
from ukey_renew.token import practice
from ukey_renew.token.practice import PracticeToken

PIN, WRONG_PIN, NEW_PASSWORD = "pq2468", "135792", "Zx987654"
NAME, PHONE = "欧阳娜娜", "13912345678"
SECRETS = (PIN, WRONG_PIN, NEW_PASSWORD, NAME, PHONE)


def test_the_bundle_holds_everything_but_secrets(home: Path, tmp_path: Path) -> None:
    assert run(home, "practice", "reset").returncode == 0
    key = PracticeToken(practice.default_path(home))
    key.change_pin("111111", PIN)
    holder = ("--holder-name", NAME, "--holder-phone", PHONE)
    wrong = run(home, "renew", "--practice", "--json", *holder,
                env={"UKEY_RENEW_PIN": WRONG_PIN, "UKEY_RENEW_NEW_PASSWORD": NEW_PASSWORD})  # fmt: skip
    assert json.loads(wrong.stdout)["error"]["id"] == "pin.incorrect"
    done = run(home, "renew", "--practice", "--json", *holder,
               env={"UKEY_RENEW_PIN": PIN, "UKEY_RENEW_NEW_PASSWORD": NEW_PASSWORD})  # fmt: skip
    assert done.returncode == 0, done.stderr
    order_no = json.loads(done.stdout)["order_no"]
    serial = key.info().serial
    with journal_for(home, serial, CONTAINER) as journal:  # a renewal stopped half-way
        journal.save(JournalState(serial, CONTAINER, "practice", "2026-11-25T08:00:00+00:00",
                                  holder_name=NAME, holder_mobile=PHONE))  # fmt: skip

    out = tmp_path / "support.zip"
    made = run(home, "support-bundle", str(out), "--site", "practice", "--json")
    assert made.returncode == 0, made.stderr
    with zipfile.ZipFile(out) as bundle:
        files = {name: bundle.read(name).decode("utf-8") for name in bundle.namelist()}
    assert {"README.txt", "support.txt", "doctor.json", "records.json", "logs/ukey-renew.log"} <= files.keys()
    assert any(name.startswith("journal/") for name in files)
    for name, text in files.items():
        for secret in SECRETS:
            assert secret not in text, (name, secret)
    for name in files.keys() - {"README.txt"}:
        assert name in files["README.txt"]
    assert order_no in files["support.txt"] and "139****5678" in files["support.txt"]
    assert "pin.incorrect" in files["logs/ukey-renew.log"]  # the wrong PIN is an event, not a secret
    assert json.loads(files["doctor.json"])["checks"]


def test_the_bundle_is_never_written_over_the_practice_key_or_a_special_file(home: Path, tmp_path: Path) -> None:
    """Refused by name: the key stays whole, and a pipe (like /dev/full for root) is not replaced by a file."""
    assert run(home, "practice", "reset").returncode == 0
    key = practice.default_path(home)
    before = key.read_bytes()
    targets = [key]
    if hasattr(os, "mkfifo"):
        os.mkfifo(tmp_path / "pipe")
        targets.append(tmp_path / "pipe")
    for target in targets:
        done = run(home, "support-bundle", str(target), "--json", "--no-network")
        error = json.loads(done.stdout)["error"]
        assert done.returncode == 2 and error["id"] == "output.not_saved", done.stdout + done.stderr
        assert str(target) in error["message"]
    assert key.read_bytes() == before
    assert all(stat.S_ISFIFO((tmp_path / "pipe").stat().st_mode) for _ in targets[1:])


def test_wrong_captchas_and_unlock_requests_are_logged(rig: Rig, caplog: pytest.LogCaptureFixture) -> None:  # noqa: F811
    caplog.set_level(logging.INFO, logger="ukey_renew")
    assert rig.engine(ScriptedPrompts(captchas=["0000"])).run(*HOLDER, pin=PRACTICE_PIN).result == "renewed"
    flow = UnlockFlow(rig.home, rig.key(), rig.current_cert(), rig.client())
    now = datetime.now(UTC).isoformat()
    flow.site.captcha()
    with pytest.raises(SiteRefused):
        flow.request(*HOLDER, "0000", now)
    flow.site.captcha()  # a wrong answer spends the picture
    flow.request(*HOLDER, "2309", now)
    logged = [record.getMessage() for record in caplog.records]
    assert "renewal: captcha wrong" in logged
    assert "unlock: request refused: site.captcha_wrong" in logged
    assert any(message.startswith("unlock: requested for key") for message in logged)
    assert not [message for message in logged for secret in HOLDER if secret in message]
