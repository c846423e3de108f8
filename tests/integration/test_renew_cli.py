"""`ukey-renew renew` and the reference-site commands, run as a user runs them."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest

from tests.conftest import REPO
from tests.integration.test_cli import run
from tests.rig.keys import lock
from ukey_renew.dates import guide_date
from ukey_renew.renewal.build import records
from ukey_renew.site.profile import add_years
from ukey_renew.token import practice

SECRETS = {"UKEY_RENEW_PIN": "111111", "UKEY_RENEW_NEW_PASSWORD": "abc12345"}


def test_practice_renewal_from_the_command_line(home: Path) -> None:
    assert run(home, "practice", "reset").returncode == 0
    before = json.loads(run(home, "status", "--json", "--backend", "practice").stdout)["tokens"][0]["certificates"][0]

    done = run(
        home, "renew", "--practice", "--json", "--holder-name", "张三", "--holder-phone", "13800138000", env=SECRETS
    )
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert result["result"] == "renewed"
    assert result["old"]["not_after"] == before["not_after"]
    old_after = datetime.fromisoformat(before["not_after"])
    assert datetime.fromisoformat(result["new"]["not_after"]) == add_years(old_after, 5)
    assert datetime.fromisoformat(result["activation_at"]) > datetime.now(UTC)
    assert len(result["order_no"]) == 15 and result["order_no"][8] == "-"

    after = json.loads(run(home, "status", "--json", "--backend", "practice").stdout)["tokens"][0]["certificates"][0]
    assert after["not_after"] == result["new"]["not_after"]
    # 双证: the encryption certificate renewed with it, to the same date
    old_enc, new_enc = before["encryption_certificate"], after["encryption_certificate"]
    assert new_enc["not_after"] == result["new"]["not_after"] and new_enc["serial"] != old_enc["serial"]
    assert new_enc["not_before"] == after["not_before"] and new_enc["key_algorithm"] == "SM2"
    (record,) = records(home).all()
    assert (record.holder_name, record.holder_mobile, record.order_no) == ("张三", "13800138000", result["order_no"])
    for secret in SECRETS.values():
        assert secret not in done.stdout + done.stderr
        for log in (home / "logs").glob("*.log*"):
            assert secret not in log.read_text(encoding="utf-8")
    assert "13800138000" not in "".join(p.read_text(encoding="utf-8") for p in (home / "logs").glob("*.log*"))


def test_the_order_to_check_is_printed(home: Path) -> None:
    """Guide 2.2 ⑤ (figure 5): the order, one "label：value" line a field, as the site lists it."""
    assert run(home, "practice", "reset").returncode == 0
    done = run(home, "renew", "--practice", "--holder-name", "张三", "--holder-phone", "13800138000", env=SECRETS)
    assert done.returncode == 0, done.stderr
    (record,) = records(home).all()
    start, end = (
        guide_date(datetime.fromisoformat(moment)) for moment in (record.new_not_before, record.new_not_after)
    )
    new = f"{start} 至 {end}"
    for line in [
        f"订单号：{record.order_no}",
        f"组织机构代码：{record.org_code}",
        "持有人姓名：张三",
        f"新证书有效期：{new}",
    ]:
        assert f"      {line}\n" in done.stderr, line


def test_dry_run_from_the_command_line(home: Path) -> None:
    assert run(home, "practice", "reset").returncode == 0
    key = practice.default_path(home)
    before = key.read_bytes()
    done = run(home, "renew", "--practice", "--dry-run", "--json", "--holder-name", "张三",
               "--holder-phone", "13800138000", env=SECRETS)  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["result"] == "dry_run"
    assert key.read_bytes() == before


def test_failure_is_json_with_faq(home: Path) -> None:
    assert run(home, "practice", "reset").returncode == 0
    done = run(home, "renew", "--practice", "--json", "--holder-name", "张三", "--holder-phone", "13800138000",
               env={**SECRETS, "UKEY_RENEW_PIN": "000000"})  # fmt: skip
    assert done.returncode == 2
    error = json.loads(done.stdout)["error"]
    assert error["id"] == "pin.incorrect" and error["faq"] == "3.6" and "9" in error["message"]


def test_expired_key_is_sent_to_replacement(home: Path) -> None:
    assert run(home, "practice", "reset", "--expires-in-days", "-45").returncode == 0
    done = run(home, "renew", "--practice", "--json", "--holder-name", "张三", "--holder-phone", "13800138000",
               env=SECRETS)  # fmt: skip
    assert done.returncode == 2
    error = json.loads(done.stdout)["error"]
    assert error["id"] == "renewal.not_eligible" and error["faq"] == "3.7"


@pytest.mark.parametrize(
    ("state", "wanted"),
    [("ready", "input.missing"), ("expired", "renewal.not_eligible"), ("locked", "pin.locked")],
)
def test_no_terminal_and_no_pin(home: Path, state: str, wanted: str) -> None:
    """With no PIN given and no terminal to ask, a clear error; a key that cannot be renewed is said
    before the PIN is asked for (guide 1.3 note 2, 3.6), as the PIN could not help."""
    assert run(home, "practice", "reset", "--expires-in-days", "-45" if state == "expired" else "20").returncode == 0
    if state == "locked":
        lock(practice.PracticeToken(practice.default_path(home)))
    environment = {k: v for k, v in os.environ.items() if k not in SECRETS}
    done = subprocess.run(
        [sys.executable, "-m", "ukey_renew", "renew", "--practice", "--json", "--holder-name", "张三",
         "--holder-phone", "13800138000"],
        env={**environment, "UKEY_RENEW_HOME": str(home)}, stdin=subprocess.DEVNULL,
        capture_output=True, encoding="utf-8", timeout=60,
    )  # fmt: skip
    assert done.returncode == 2
    assert json.loads(done.stdout)["error"]["id"] == wanted


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX: environment variables are bytes")
@pytest.mark.parametrize("variable", ["UKEY_RENEW_PIN", "UKEY_RENEW_NEW_PASSWORD", "UKEY_RENEW_HOLDER_NAME"])
def test_a_variable_that_is_not_utf8_is_named(home: Path, variable: str) -> None:
    """Set in GBK on a UTF-8 system: a clear error naming the variable, never its value, and the key untouched."""
    assert run(home, "practice", "reset").returncode == 0
    before = practice.default_path(home).read_bytes()
    gbk = "张三111".encode("gbk").decode("utf-8", "surrogateescape")  # what Python makes of those bytes
    given = {**SECRETS, "UKEY_RENEW_HOLDER_MOBILE": "13800138000", "UKEY_RENEW_HOLDER_NAME": "张三", variable: gbk}
    done = run(home, "renew", "--practice", "--json", env=given)
    error = json.loads(done.stdout)["error"]
    assert done.returncode == 2 and error["id"] == "input.env_not_text", done.stdout + done.stderr
    assert variable in error["message"] and "Traceback" not in done.stderr
    assert practice.default_path(home).read_bytes() == before


def test_production_site_is_not_called(home: Path) -> None:
    done = run(home, "renew", "--json", "--holder-name", "张三", "--holder-phone", "13800138000", env=SECRETS)
    assert done.returncode == 2
    assert json.loads(done.stdout)["error"]["id"] == "site.direct_unsupported"


def test_serve_prints_url_and_ca(home: Path, tmp_path: Path) -> None:
    server = subprocess.Popen(
        [sys.executable, "-m", "ukey_renew.casim", "serve", "--data", str(tmp_path / "site")],
        env={**os.environ, "UKEY_RENEW_HOME": str(home)}, stdout=subprocess.PIPE, encoding="utf-8",
    )  # fmt: skip
    try:
        assert server.stdout is not None
        url = server.stdout.readline().split("：", 1)[1].strip()
        ca_file = server.stdout.readline().split("：", 1)[1].strip()
        assert url.startswith("https://127.0.0.1:") and url.endswith("/xtxuserweb")
        import ssl
        import urllib.request

        context = ssl.create_default_context(cafile=ca_file)
        with urllib.request.urlopen(url + "/login/challenge", context=context, timeout=10) as answer:
            assert json.loads(answer.read())["ok"] is True
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_unlock_flow_of_guide_3_6(home: Path) -> None:
    """Request with the recorded holder, operator approval, code + new password."""
    from tests.rig.prompts import renew_practice
    from ukey_renew.casim.config import SiteConfig
    from ukey_renew.casim.site import ReferenceSite
    from ukey_renew.errors import SiteRefused
    from ukey_renew.site.client import SiteClient

    renew_practice(home)
    key = practice.PracticeToken(practice.default_path(home))
    lock(key)
    assert key.pin_status().locked
    cert = key.certificates()[0].der

    running = ReferenceSite(home, SiteConfig(fixed_captcha="2309")).serve()
    try:
        client = SiteClient(running.profile, running.ca_file, retry_delay=0.01)
        client.captcha()
        with pytest.raises(SiteRefused) as mismatch:
            client.request_unlock(cert, "李四", "13800138000", "2309")
        assert mismatch.value.id == "site.unlock_mismatch" and mismatch.value.guide == "3.6"
        client.captcha()
        request_id = client.request_unlock(cert, "张三", "13800138000", "2309")
        assert client.unlock_state(request_id) == "pending"
        client.captcha()
        with pytest.raises(SiteRefused) as pending:
            client.complete_unlock(cert, request_id, "00000000", "2309")
        assert pending.value.id == "site.unlock_pending"

        approved = run(home, "approve-unlock", request_id, "--json", program="ukey_renew.casim")
        assert approved.returncode == 0, approved.stderr
        code = json.loads(approved.stdout)["auth_code"]
        assert client.unlock_state(request_id) == "approved"
        client.captcha()
        response = client.complete_unlock(cert, request_id, code, "2309")
    finally:
        running.stop()
    key.unlock(response, "new123")
    key.login("new123")
    assert not key.pin_status().locked
    again = run(home, "approve-unlock", request_id, "--json", program="ukey_renew.casim")
    assert again.returncode == 2 and json.loads(again.stdout)["error"]["message"]


HOLDER_ARGS = ("--holder-name", "张三", "--holder-phone", "13800138000")


def test_a_key_renewed_today_is_not_renewed_again_by_accident(home: Path) -> None:
    """The same command run twice: the second says the key is renewed and
    places no order (guide 2.2 ⑤ would add five more years); --again does."""
    assert run(home, "practice", "reset").returncode == 0
    first = run(home, "renew", "--practice", "--json", *HOLDER_ARGS, env=SECRETS)
    assert first.returncode == 0, first.stderr
    key = practice.default_path(home).read_bytes()

    new_pin = {"UKEY_RENEW_PIN": "abc12345", "UKEY_RENEW_NEW_PASSWORD": "abc12345"}
    second = run(home, "renew", "--practice", "--json", *HOLDER_ARGS, env=new_pin)
    assert second.returncode == 2
    error = json.loads(second.stdout)["error"]
    assert error["id"] == "renewal.already_done" and json.loads(first.stdout)["order_no"] in error["message"]
    assert "--again" in error["next_step"] and error["faq"] == "2.3"
    assert practice.default_path(home).read_bytes() == key  # not even logged in
    assert len(records(home).all()) == 1

    again = run(home, "renew", "--practice", "--json", "--again", *HOLDER_ARGS, env=new_pin)
    assert again.returncode == 0, again.stderr
    assert json.loads(again.stdout)["result"] == "renewed"
    assert len(records(home).all()) == 2


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX; Windows ends a process otherwise")
def test_the_result_is_told_before_the_site_shuts_down(home: Path) -> None:
    """Killed while the built-in site stops (the slow last 100-160 ms): the
    renewal's result has already been printed, so nothing is lost to the user."""
    import signal

    assert run(home, "practice", "reset").returncode == 0
    done = subprocess.run(
        [sys.executable, "-m", "tests.rig.killed_at_site_stop", "renew", "--practice", "--json", *HOLDER_ARGS],
        cwd=REPO,
        env={**os.environ, "UKEY_RENEW_HOME": str(home), **SECRETS},
        capture_output=True,
        encoding="utf-8",
        timeout=120,
    )
    assert done.returncode == -signal.SIGKILL, done.stderr
    assert json.loads(done.stdout)["result"] == "renewed"


def _log_digits(home: Path) -> str:
    """The log with the separators a mobile may be written with taken out."""
    text = "".join(path.read_text(encoding="utf-8") for path in (home / "logs").glob("*.log*"))
    return re.sub(r"[ .-]", "", text)


@pytest.mark.parametrize(
    "given",
    [
        "environment",
        # typed on a pty: Windows has none (tests/wine/test_bundle.py asks on Wine's console)
        pytest.param("terminal", marks=pytest.mark.skipif(not hasattr(os, "openpty"), reason="no pty on Windows")),
    ],
)
def test_the_holder_off_the_command_line(home: Path, given: str) -> None:
    """From the environment or typed at the terminal: the mobile is in no process
    list or shell history; any form of it is taken, and masked in the log."""
    assert run(home, "practice", "reset").returncode == 0
    if given == "environment":
        holder = {"UKEY_RENEW_HOLDER_NAME": "李四", "UKEY_RENEW_HOLDER_MOBILE": "+86 139-8642-5678"}
        done = run(home, "renew", "--practice", "--json", env={**SECRETS, **holder})
    else:
        main, terminal = os.openpty()
        try:
            os.write(main, "李四\n+86 139 8642 5678\n".encode())
            done = run(home, "renew", "--practice", "--json", env=SECRETS, stdin=terminal)
        finally:
            os.close(terminal)
            os.close(main)
    assert done.returncode == 0, done.stdout + done.stderr
    (record,) = records(home).all()
    assert (record.holder_name, record.holder_mobile) == ("李四", "13986425678")
    assert "86425678" not in _log_digits(home)


def test_no_holder_and_no_terminal_says_every_way_to_give_it(home: Path) -> None:
    assert run(home, "practice", "reset").returncode == 0
    done = run(home, "renew", "--practice", "--json", env=SECRETS, stdin=subprocess.DEVNULL)
    assert done.returncode == 2
    error = json.loads(done.stdout)["error"]
    assert error["id"] == "holder.invalid"
    for way in ("--holder-name", "--holder-phone", "UKEY_RENEW_HOLDER_NAME", "UKEY_RENEW_HOLDER_MOBILE"):
        assert way in error["message"]


@pytest.mark.skipif(not hasattr(os, "openpty"), reason="no pty on Windows")
def test_a_new_password_mistyped_at_the_terminal_is_asked_again(home: Path) -> None:
    """Too long (9), then a typo in the second entry, then right: one renewal, no advice about
    variables. The program runs in a session of its own with a pty as its terminal; each answer
    is typed once its question is out (getpass discards what was typed before it asked)."""
    assert run(home, "practice", "reset").returncode == 0
    answers = ["abc123456", "abc12345", "abc12354", "abc12345", "abc12345"]
    questions = ("请设置新的 Ukey 密码".encode(), "请再输入一次新密码".encode())
    main, terminal = os.openpty()
    environment = {**os.environ, "UKEY_RENEW_HOME": str(home), "UKEY_RENEW_PIN": "111111"}
    environment.pop("UKEY_RENEW_NEW_PASSWORD", None)
    program = subprocess.Popen(
        [sys.executable, "-m", "ukey_renew", "renew", "--practice", "--json", *HOLDER_ARGS],
        env=environment, stdin=terminal, stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True,
    )  # fmt: skip
    assert program.stderr is not None
    told, typed = b"", 0
    try:
        while chunk := os.read(program.stderr.fileno(), 4096):  # ends when the program does
            told += chunk
            while typed < min(len(answers), sum(told.count(question) for question in questions)):
                os.write(main, f"{answers[typed]}\n".encode())
                typed += 1
        out, _ = program.communicate(timeout=60)
    finally:
        program.kill()
        os.close(terminal)
        os.close(main)
    stderr = told.decode("utf-8")
    assert program.returncode == 0, stderr
    assert json.loads(out)["result"] == "renewed" and typed == len(answers)
    assert "还可以输入 2 次" in stderr and "还可以输入 1 次" in stderr
    assert "UKEY_RENEW_NEW_PASSWORD" not in stderr
    practice.PracticeToken(practice.default_path(home)).login("abc12345")  # the password typed twice alike
