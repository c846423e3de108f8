"""Renewal (guide 2.2) of the practice key against the reference site over HTTPS."""

from __future__ import annotations

import base64
import json
import sys
import threading
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ed25519

from tests.rig.faults import Faults
from tests.rig.keys import logins
from tests.rig.prompts import HOLDER, PIN, ScriptedPrompts, renew_practice
from tests.unit.test_atomic import held_by_another_program
from ukey_renew import sm2
from ukey_renew.casim.ca import sm2_certificate
from ukey_renew.casim.config import SiteConfig
from ukey_renew.casim.provision import CONTAINER, reset_practice_key
from ukey_renew.casim.site import SESSION_IDLE, ReferenceSite, RunningSite
from ukey_renew.certs import RenewalPolicy, load_certificate
from ukey_renew.envelope import seal
from ukey_renew.errors import (
    AlreadyRenewed,
    CaptchaGivenUp,
    HolderInvalid,
    IssuedCertificateWrong,
    JournalSetAside,
    PinIncorrect,
    PinLocked,
    PinRuleViolated,
    RenewalCancelled,
    RenewalNotEligible,
    RenewalStuck,
    SiteBadAnswer,
    SiteIdentityWrong,
    SiteRedirected,
    SiteRefused,
    SiteServerError,
    SiteTimeout,
    SiteUnreachable,
    StateNotSaved,
    TokenRemoved,
    TokenWriteFailed,
)
from ukey_renew.renewal.build import build_engine, journal_for, records
from ukey_renew.renewal.engine import RenewalEngine
from ukey_renew.renewal.journal import JournalState
from ukey_renew.renewal.steps import RenewalEvent
from ukey_renew.site.client import SiteClient
from ukey_renew.site.profile import add_years
from ukey_renew.sm2 import Sm2Key
from ukey_renew.status import describe
from ukey_renew.token import practice
from ukey_renew.token.practice import PracticeToken


@dataclass
class Rig:
    home: Path
    running: RunningSite
    faults: Faults

    def key(self) -> PracticeToken:
        return PracticeToken(practice.default_path(self.home))

    def current_cert(self) -> bytes:
        return self.key().certificates()[0].der

    def client(self, **options: object) -> SiteClient:
        settings: dict[str, object] = {"timeout": (5.0, 5.0), "retry_delay": 0.01}
        settings.update(options)
        return SiteClient(self.running.profile, self.running.ca_file, **settings)  # type: ignore[arg-type]

    def engine(
        self, prompts: ScriptedPrompts, on_event: Callable[[RenewalEvent], None] | None = None, **client: object
    ) -> RenewalEngine:
        return build_engine(self.key(), CONTAINER, self.client(**client), self.home, prompts, on_event=on_event)

    def orders(self) -> list:
        return self.running.site.state.orders()


def make_rig(home: Path) -> Rig:
    """A fresh practice key and the reference site serving it, with faults to switch on."""
    reset_practice_key(home, datetime.now(UTC), expires_in_days=20)
    holder: dict[str, Faults] = {}

    def wrap(app: object) -> Faults:
        holder["faults"] = Faults(app)  # type: ignore[arg-type]
        return holder["faults"]

    running = ReferenceSite(home, SiteConfig(fixed_captcha="2309")).serve(wrap=wrap)
    return Rig(home, running, holder["faults"])


@pytest.fixture
def rig(home: Path) -> Iterator[Rig]:
    made = make_rig(home)
    yield made
    made.running.stop()


def test_renewal_end_to_end(rig: Rig) -> None:
    old = load_certificate(rig.current_cert())
    events: list[RenewalEvent] = []
    result = rig.engine(ScriptedPrompts(), events.append).run(*HOLDER, pin=PIN)

    assert result.result == "renewed"
    assert result.new_not_after == add_years(old.not_after, 5)  # guide 2.2 figure 5
    assert result.old_not_after == old.not_after
    new = load_certificate(rig.current_cert())
    assert new.not_after == result.new_not_after and new.fingerprint != old.fingerprint
    assert (new.subject_cn, new.org_code) == (old.subject_cn, old.org_code)
    (order,) = rig.orders()
    assert order.state == "done" and order.order_no == result.order_no
    assert order.order_no.startswith(datetime.now(UTC).strftime("%Y%m%d-")) and len(order.order_no) == 15
    assert result.activation_at is not None and order.activation_at == result.activation_at.isoformat()
    (record,) = records(rig.home).all()
    assert (record.holder_name, record.holder_mobile, record.order_no) == (*HOLDER, result.order_no)
    assert records(rig.home).last_holder() == HOLDER
    shown = describe(rig.key(), datetime.now(UTC), RenewalPolicy())["certificates"][0]
    assert shown["not_after"] == result.new_not_after.isoformat()
    assert [e.step.id for e in events if e.state == "done"][-1] == "complete"
    assert not journal_for(rig.home, rig.key().info().serial, CONTAINER).path.exists()
    rig.key().login("abc12345")  # the new Ukey password is in force


def test_dry_run_leaves_the_key_byte_for_byte(rig: Rig) -> None:
    path = practice.default_path(rig.home)
    before = path.read_bytes()
    result = rig.engine(ScriptedPrompts()).run(*HOLDER, pin=PIN, dry_run=True)
    assert result.result == "dry_run" and result.order_no is None
    assert result.new_not_after == add_years(result.old_not_after, 5)
    assert path.read_bytes() == before
    assert rig.orders() == []
    assert records(rig.home).all() == []


def test_wrong_pin_is_tried_once(rig: Rig, monkeypatch: pytest.MonkeyPatch) -> None:
    tried = logins(monkeypatch)
    prompts = ScriptedPrompts()
    with pytest.raises(PinIncorrect) as caught:
        rig.engine(prompts).run(*HOLDER, pin="000000")
    assert caught.value.retries_left == practice.MAX_PIN_RETRIES - 1  # exactly one attempt used
    assert tried == ["000000"] and prompts.asked == []
    assert rig.orders() == []


def test_the_pin_handed_to_the_session_reaches_the_login_once(home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Typed once, handed over once: through the session, as the front ends
    renew (a dry run: the password step, whose change checks the old PIN on
    the key, is not reached)."""
    reset_practice_key(home, datetime.now(UTC), expires_in_days=20)
    tried = logins(monkeypatch)
    result = renew_practice(home, pin="111111", dry_run=True)
    assert result.result == "dry_run" and tried == ["111111"]


def test_locked_key(rig: Rig) -> None:
    key = rig.key()
    for _ in range(practice.MAX_PIN_RETRIES):
        with pytest.raises((PinIncorrect, PinLocked)):
            key.login("000000")
    with pytest.raises(PinLocked) as caught:
        rig.engine(ScriptedPrompts()).run(*HOLDER, pin=PIN)
    assert caught.value.guide == "3.6"


def test_captcha_typo_is_asked_again(rig: Rig) -> None:
    prompts = ScriptedPrompts(captchas=["0000", "1111"])
    assert rig.engine(prompts).run(*HOLDER, pin=PIN).result == "renewed"
    assert prompts.asked.count("captcha") == 4  # two wrong and one right for the holder, one for the download


def test_another_captcha_picture_costs_no_try(rig: Rig) -> None:
    """Guide 3.10 tip 3: an unreadable picture is refreshed ("" asks for
    another); only answers count against the three tries."""
    prompts = ScriptedPrompts(captchas=["", "", "0", "", "1", ""])
    assert rig.engine(prompts).run(*HOLDER, pin=PIN).result == "renewed"
    assert prompts.asked.count("captcha") == 8  # four pictures refreshed, two wrong, one right, one for the download


def test_captcha_given_up(rig: Rig) -> None:
    with pytest.raises(CaptchaGivenUp):
        rig.engine(ScriptedPrompts(captchas=["0", "1", "2"])).run(*HOLDER, pin=PIN)
    assert load_certificate(rig.current_cert()).fingerprint  # old key untouched


def test_too_many_failures_today(rig: Rig) -> None:
    """Five failures a day (guide 3.10 ②): the sixth try is refused until tomorrow."""
    with pytest.raises(CaptchaGivenUp):
        rig.engine(ScriptedPrompts(captchas=["0", "1", "2"])).run(*HOLDER, pin=PIN)
    prompts = ScriptedPrompts(captchas=["3", "4"])
    with pytest.raises(SiteRefused) as caught:
        rig.engine(prompts).run(*HOLDER, pin=PIN)
    assert prompts.asked.count("captcha") == 3  # two more failures, then the site says no
    assert caught.value.id == "site.too_many_attempts" and caught.value.guide == "3.10"
    with pytest.raises(SiteRefused):
        rig.engine(ScriptedPrompts()).run(*HOLDER, pin=PIN)


@pytest.mark.parametrize(("name", "mobile"), [("3", "13800138000"), ("张三", "1380013800"), ("张三", "23800138000")])
def test_holder_checked_before_anything(rig: Rig, name: str, mobile: str) -> None:
    prompts = ScriptedPrompts()
    with pytest.raises(HolderInvalid):
        rig.engine(prompts).run(name, mobile, pin=PIN)
    assert prompts.asked == [] and rig.faults.hits == {}


def test_site_refuses_bad_holder_too(rig: Rig) -> None:
    key = rig.key()
    key.login("111111")
    client = rig.client()
    challenge = client.challenge()
    client.login(rig.current_cert(), key.sign(CONTAINER, challenge.server_random), CONTAINER)
    client.captcha()
    with pytest.raises(SiteRefused) as caught:
        client.submit_holder("张三", "12345", "2309")
    assert caught.value.id == "site.holder_invalid"


def test_password_outside_the_rule(rig: Rig) -> None:
    before = rig.current_cert()
    with pytest.raises(PinRuleViolated):
        rig.engine(ScriptedPrompts(password_value="123456789")).run(*HOLDER, pin=PIN)
    assert rig.current_cert() == before
    result = rig.engine(ScriptedPrompts()).run(*HOLDER, pin=PIN)  # resumed with the same order
    assert len(rig.orders()) == 1 and rig.orders()[0].order_no == result.order_no


def test_expired_over_30_days_goes_to_replacement(home: Path) -> None:
    reset_practice_key(home, datetime.now(UTC), expires_in_days=-31)
    running = ReferenceSite(home, SiteConfig(fixed_captcha="2309")).serve()
    try:
        prompts = ScriptedPrompts()
        rig = Rig(home, running, Faults(running.site))
        with pytest.raises(RenewalNotEligible) as caught:
            rig.engine(prompts).run(*HOLDER, pin=PIN)
        assert "3.7" in caught.value.message and caught.value.guide == "3.7"
        assert prompts.asked == []
        # and the site refuses it on its own, as the real one does
        key = rig.key()
        key.login("111111")
        client = rig.client()
        challenge = client.challenge()
        with pytest.raises(SiteRefused) as refused:
            client.login(rig.current_cert(), key.sign(CONTAINER, challenge.server_random), CONTAINER)
        assert refused.value.id == "site.expired_too_long"
    finally:
        running.stop()


def _site_login(rig: Rig, key: PracticeToken) -> None:
    key.login("111111")
    client = rig.client()
    challenge = client.challenge()
    client.login(key.certificates()[0].der, key.sign(CONTAINER, challenge.server_random), CONTAINER)


def test_revoked_certificate(rig: Rig) -> None:
    rig.running.site.state.revoke(load_certificate(rig.current_cert()).serial)
    with pytest.raises(SiteRefused) as caught:
        _site_login(rig, rig.key())
    assert caught.value.id == "site.revoked"
    assert caught.value.message == "您的证书已被吊销，不能进行在线更新"  # guide 3.10 ⑤


def test_not_a_user_of_this_system(rig: Rig, tmp_path: Path) -> None:
    stranger = reset_practice_key(tmp_path / "other-ca", datetime.now(UTC))  # another CA
    with pytest.raises(SiteRefused) as caught:
        _site_login(rig, stranger)
    assert caught.value.message == "您的证书非本系统用户，不能登录当前系统"  # guide 3.10 ⑤


# --- faults on the wire -------------------------------------------------------


def test_server_error_in_download_then_resume(rig: Rig) -> None:
    before = rig.current_cert()
    rig.faults.on("/renew/csr", "500")
    with pytest.raises(SiteServerError):
        rig.engine(ScriptedPrompts()).run(*HOLDER, pin=PIN)
    assert rig.current_cert() == before
    assert rig.engine(ScriptedPrompts()).run(*HOLDER, pin=PIN).result == "renewed"
    assert len(rig.orders()) == 1


def test_timeout_in_download(rig: Rig) -> None:
    before = rig.current_cert()
    rig.faults.on("/renew/csr", "slow", seconds=1.5)
    with pytest.raises(SiteTimeout):
        rig.engine(ScriptedPrompts(), timeout=(5.0, 0.5)).run(*HOLDER, pin=PIN)
    assert rig.current_cert() == before


@pytest.mark.parametrize(
    ("kind", "options", "error"),
    [
        ("reset", {}, SiteUnreachable),
        ("truncated", {}, SiteUnreachable),
        ("body", {"body": b"<html>not json</html>"}, SiteBadAnswer),
        ("body", {"body": b"[" * 200_000}, SiteBadAnswer),
        ("body", {"body": b'{"ok": true, "certificate": "' + b"A" * (2 << 20) + b'"}'}, SiteBadAnswer),
        ("json", {"data": {"ok": True, "certificate": "%%%", "order": {}}}, SiteBadAnswer),
        ("json", {"data": {"ok": False}}, SiteBadAnswer),
        ("redirect", {}, SiteRedirected),
    ],
)
def test_bad_answers_in_download(rig: Rig, kind: str, options: dict, error: type[Exception]) -> None:
    before = rig.current_cert()
    rig.faults.on("/renew/csr", kind, **options)
    with pytest.raises(error):
        rig.engine(ScriptedPrompts(), timeout=(5.0, 1.0)).run(*HOLDER, pin=PIN)
    assert rig.current_cert() == before
    assert rig.engine(ScriptedPrompts()).run(*HOLDER, pin=PIN).result == "renewed"  # and it recovers
    assert len(rig.orders()) == 1


@pytest.mark.parametrize("moment", ["9999-12-31T23:59:59+00:00", "9999-12-31T20:00:00-05:00"])
def test_an_order_dated_beyond_the_calendar(rig: Rig, moment: str) -> None:
    """Shown to the user in Beijing time, such a date would overflow: it is a bad answer, the key untouched."""
    before = rig.current_cert()
    order = {
        "order_no": "20261125-000001",
        "unit_name": "电信测试1",
        "holder_name": HOLDER[0],
        "holder_mobile": HOLDER[1],
        "new_not_before": moment,
        "new_not_after": moment,
        "state": "created",
    }
    rig.faults.on("/renew/holder", "json", data={"ok": True, "order": order})
    with pytest.raises(SiteBadAnswer):
        rig.engine(ScriptedPrompts()).run(*HOLDER, pin=PIN)
    assert rig.current_cert() == before


def test_gets_are_retried(rig: Rig) -> None:
    rig.faults.on("/login/challenge", "500", times=2)
    assert rig.engine(ScriptedPrompts()).run(*HOLDER, pin=PIN).result == "renewed"
    assert rig.faults.hits["/login/challenge"] == 3


def test_posts_are_not_retried(rig: Rig) -> None:
    rig.faults.on("/renew/holder", "500")
    with pytest.raises(SiteServerError):
        rig.engine(ScriptedPrompts()).run(*HOLDER, pin=PIN)
    assert rig.faults.hits["/renew/holder"] == 1


@pytest.mark.wine_gap(
    "crypt32's CertCreateCertificateChainEngine refuses the Windows 8 engine config (E_INVALIDARG), "
    "so truststore cannot build a chain: the handshake fails as a connection error, not as untrusted"
)
def test_untrusted_server_certificate(rig: Rig, tmp_path: Path) -> None:
    other = ReferenceSite(tmp_path / "other")  # a CA the client does not trust
    other.state.close()
    client = SiteClient(rig.running.profile, other.ca.cert_path)
    from ukey_renew.errors import SiteUntrusted

    with pytest.raises(SiteUntrusted):
        client.challenge()
    from dataclasses import replace

    system = SiteClient(replace(rig.running.profile, trust="system"))
    with pytest.raises(SiteUntrusted):  # the OS store does not know the reference CA either
        system.challenge()


# --- killed, pulled out, cancelled ------------------------------------------


def test_key_error_in_the_middle_of_install(rig: Rig, monkeypatch: pytest.MonkeyPatch) -> None:
    before = rig.current_cert()
    calls = {"n": 0}
    original = PracticeToken.promote_pending

    def pulled_out_once(self: PracticeToken, container: str) -> None:
        calls["n"] += 1
        if calls["n"] == 1:
            raise TokenRemoved()
        original(self, container)

    monkeypatch.setattr(PracticeToken, "promote_pending", pulled_out_once)
    with pytest.raises(TokenRemoved):
        rig.engine(ScriptedPrompts()).run(*HOLDER, pin=PIN)
    assert rig.current_cert() == before
    result = rig.engine(ScriptedPrompts()).run(*HOLDER, pin=PIN)
    assert result.result == "renewed" and len(rig.orders()) == 1
    assert base64.b64encode(rig.current_cert()).decode() != base64.b64encode(before).decode()


def test_cancel_before_the_key_is_written(rig: Rig) -> None:
    before = rig.current_cert()
    engine: list[RenewalEngine] = []

    def cancel_after_confirm(event: RenewalEvent) -> None:
        if event.step.id == "confirm" and event.state == "done":
            engine[0].cancel()

    engine.append(rig.engine(ScriptedPrompts(), cancel_after_confirm))
    with pytest.raises(RenewalCancelled):
        engine[0].run(*HOLDER, pin=PIN)
    assert rig.current_cert() == before
    result = rig.engine(ScriptedPrompts()).run(*HOLDER, pin=PIN)
    assert [o.order_no for o in rig.orders()] == [result.order_no]


def test_cancel_is_ignored_once_writing(rig: Rig) -> None:
    engine: list[RenewalEngine] = []

    def cancel_during_install(event: RenewalEvent) -> None:
        if event.step.id == "install" and event.state == "started":
            engine[0].cancel()

    engine.append(rig.engine(ScriptedPrompts(), cancel_during_install))
    assert engine[0].run(*HOLDER, pin=PIN).result == "renewed"


def test_two_windows_on_one_key(rig: Rig) -> None:
    from ukey_renew.errors import RenewalBusy

    first = rig.engine(ScriptedPrompts())
    with first.journal, pytest.raises(RenewalBusy):
        rig.engine(ScriptedPrompts()).run(*HOLDER, pin=PIN)


# --- load ---------------------------------------------------------------------


def test_twenty_concurrent_renewals(rig: Rig) -> None:
    """Twenty practice keys of one CA renewed at once: each order exactly once."""
    keys = [
        reset_practice_key(rig.home, datetime.now(UTC) - timedelta(seconds=i), key_path=rig.home / "keys" / f"{i}.json")
        for i in range(20)
    ]
    results: dict[int, object] = {}

    def renew(index: int, key: PracticeToken) -> None:
        engine = build_engine(key, CONTAINER, rig.client(), rig.home, ScriptedPrompts())
        try:
            results[index] = engine.run(*HOLDER, pin=PIN).order_no
        except Exception as exc:  # noqa: BLE001 - reported below
            results[index] = exc

    threads = [threading.Thread(target=renew, args=(i, key)) for i, key in enumerate(keys)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert all(isinstance(value, str) for value in results.values()), results
    orders = rig.orders()
    assert len(orders) == 20 and len({o.order_no for o in orders}) == 20
    assert all(o.state == "done" for o in orders)
    assert sorted(results.values()) == sorted(o.order_no for o in orders)  # type: ignore[type-var]
    assert len(records(rig.home).all()) == 20


# --- a process killed at each step, then resumed ---------------------------------


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX; Windows ends a process otherwise")
@pytest.mark.parametrize(
    "point",
    [
        "holder",
        "confirm",
        "keypair",
        "download",
        "signing-written",
        "half-installed",
        "install",
        "pin-changed",
        "password",
    ],
)
def test_killed_then_resumed(home: Path, point: str) -> None:
    import os
    import signal
    import subprocess
    import sys

    from tests.conftest import REPO

    key = reset_practice_key(home, datetime.now(UTC))
    (old_pair,) = key.certificates()
    old = old_pair.der
    done = subprocess.run(
        [sys.executable, "-m", "tests.rig.renew_until", str(home), point],
        cwd=REPO,
        env={**os.environ, "UKEY_RENEW_HOME": str(home)},
        capture_output=True,
        encoding="utf-8",
        timeout=120,
    )
    assert done.returncode == -signal.SIGKILL, done.stdout + done.stderr
    new_password_set = point in ("pin-changed", "password")
    if point not in ("install", "pin-changed", "password"):
        assert key.certificates() == [old_pair]  # the old certificates survive the kill

    events: list[RenewalEvent] = []
    pin = "abc12345" if new_password_set else "111111"
    result = renew_practice(home, on_event=events.append, pin=pin)
    assert result.result == "renewed"
    login = next(e for e in events if e.step.id == "login")
    assert ("新密码" in login.detail) == new_password_set  # never sent back to the old PIN
    skipped = {e.step.id for e in events if e.state == "skipped"}
    assert {"check", "holder"} <= skipped  # the holder form is never submitted twice
    site = ReferenceSite(home)
    orders = site.state.orders()
    site.state.close()
    assert len(orders) == 1 and orders[0].state == "done"  # never a second order
    assert orders[0].order_no == result.order_no
    (new_pair,) = key.certificates()
    assert new_pair.der != old and new_pair.enc_der is not None and new_pair.enc_der != old_pair.enc_der
    assert result.new_not_after == add_years(load_certificate(old).not_after, 5)
    assert load_certificate(new_pair.enc_der).not_after == result.new_not_after
    assert len(records(home).all()) == 1


def test_progress_that_cannot_be_saved_is_a_clear_error(rig: Rig, monkeypatch: pytest.MonkeyPatch) -> None:
    """Antivirus holding the journal past the retries while the password changes:
    a clear error, not "internal", and the next run knows the new password may be set."""
    from ukey_renew.renewal.journal import Journal

    mark = Journal.mark

    def mark_unless_password(self: Journal, state: JournalState, step: str) -> None:
        if step == "password":
            raise StateNotSaved(self.path.name, held_by_another_program(32))
        mark(self, state, step)

    monkeypatch.setattr(Journal, "mark", mark_unless_password)
    with pytest.raises(StateNotSaved) as caught:
        rig.engine(ScriptedPrompts()).run(*HOLDER, pin=PIN)
    assert caught.value.id == "disk.not_saved"
    monkeypatch.setattr(Journal, "mark", mark)
    events: list[RenewalEvent] = []
    result = rig.engine(ScriptedPrompts(), events.append).run(*HOLDER, pin="abc12345")
    assert result.result == "renewed" and len(rig.orders()) == 1
    login = next(e for e in events if e.step.id == "login")
    assert "新密码可能已生效" in login.detail and "用掉一次尝试机会" in login.detail  # said before it may happen


def test_challenge_not_signed_by_the_server(rig: Rig) -> None:
    """A login page whose random the server did not sign: the key signs nothing, no PIN is asked."""
    from cryptography import x509 as crypto_x509
    from cryptography.hazmat.primitives.serialization import Encoding

    server_cert = crypto_x509.load_pem_x509_certificate(rig.running.site.cert_file.read_bytes())
    forged = {
        "ok": True,
        "server_random": base64.b64encode(b"r" * 32).decode(),
        "server_signature": base64.b64encode(b"not a signature").decode(),
        "server_cert": base64.b64encode(server_cert.public_bytes(Encoding.DER)).decode(),
    }
    rig.faults.on("/login/challenge", "json", times=5, data=forged)
    prompts = ScriptedPrompts()
    with pytest.raises(SiteBadAnswer):
        rig.engine(prompts).run(*HOLDER, pin=PIN)
    assert prompts.asked == []
    assert rig.key().pin_status().retries_left == practice.MAX_PIN_RETRIES


def test_login_random_is_signed_sm2_apart_from_tls(rig: Rig) -> None:
    """The site signs the random SM3withSM2 with a certificate of its SM2 CA;
    HTTPS keeps its EC certificate (docs/protocol.md §9, item 13)."""
    client = rig.client()
    try:
        challenge = client.challenge()  # checked by the client, or it raises
    finally:
        client.close()
    assert load_certificate(challenge.server_cert).key_algorithm == "SM2"
    assert rig.running.site.ca.issued_this(challenge.server_cert)
    tls = load_certificate(rig.running.site.cert_file.read_bytes())
    assert tls.key_algorithm == "EC" and tls.der != challenge.server_cert


# --- a hostile site that holds a trusted TLS certificate ---------------------------


def _reference_ca_key(rig: Rig) -> Sm2Key:
    return Sm2Key.from_pem(rig.running.site.ca.key_path.read_text(encoding="utf-8"))


Signer = tuple[Sm2Key, asn1_x509.Name]


def _name(**fields: str) -> asn1_x509.Name:
    return asn1_x509.Name.build(fields, use_printable=False)


def _stranger_ca(name: asn1_x509.Name) -> Signer:
    """A CA of the attacker's own making, under any name it likes."""
    return Sm2Key.generate(), name


def _extension(name: str, value: object, critical: bool = False) -> asn1_x509.Extension:
    return asn1_x509.Extension({"extn_id": name, "critical": critical, "extn_value": value})


def _login_certificate(rig: Rig, signer: str) -> tuple[Sm2Key, bytes]:
    """An SM2 signing certificate for the site, self-made for 127.0.0.1 or from the site's CA for another host."""
    key = Sm2Key.generate()
    now = datetime.now(UTC)
    if signer == "self-made":
        ca_key, host = key, "127.0.0.1"
        issuer = subject = _name(common_name=host)
        name = asn1_x509.GeneralName(name="ip_address", value=host)
    else:
        ca_key, host = _reference_ca_key(rig), "ca.elsewhere.example"
        ca_cert = asn1_x509.Certificate.load(rig.running.site.ca.certificate.public_bytes(serialization.Encoding.DER))
        issuer, subject = ca_cert.subject, _name(common_name=host)
        name = asn1_x509.GeneralName(name="dns_name", value=host)
    extensions = [
        _extension("key_usage", {"digital_signature"}, critical=True),
        _extension("subject_alt_name", [name]),
    ]
    if signer != "self-made":
        extensions.append(_extension("authority_key_identifier", {"key_identifier": ca_cert.key_identifier}))
    cert = sm2_certificate(
        subject, issuer, key.public_key_info(), now - timedelta(days=1), now + timedelta(days=30), extensions, ca_key
    )
    return key, cert


@pytest.mark.parametrize("signer", ["self-made", "site CA, another host"])
def test_login_certificate_not_the_sites(rig: Rig, signer: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """A login page signing an attacker's random with a certificate of its own:
    refused before the PIN is asked, and the key signs nothing."""
    key, cert = _login_certificate(rig, signer)
    chosen = b"transfer 1000000 to account 42".ljust(32)
    forged = {
        "ok": True,
        "server_random": base64.b64encode(chosen).decode(),
        "server_signature": base64.b64encode(key.sign(chosen)).decode(),
        "server_cert": base64.b64encode(cert).decode(),
    }
    rig.faults.on("/login/challenge", "json", times=5, data=forged)
    signed: list[bytes] = []
    original = PracticeToken.sign

    def spy(self: PracticeToken, container: str, data: bytes) -> bytes:
        signed.append(data)
        return original(self, container, data)

    monkeypatch.setattr(PracticeToken, "sign", spy)
    prompts = ScriptedPrompts()
    with pytest.raises(SiteIdentityWrong) as caught:
        rig.engine(prompts).run(*HOLDER, pin=PIN)
    assert caught.value.id == "site.identity_wrong"
    assert prompts.asked == [] and signed == []
    assert rig.key().pin_status().retries_left == practice.MAX_PIN_RETRIES
    assert "/login" not in rig.faults.hits


class EditDownload:
    """Middleware: the next /renew/csr answer that hands out certificates
    changed by ``edit`` (given its JSON), the rest as the site sent it."""

    def __init__(self, app: Callable[..., Iterable[bytes]], edit: Callable[[dict[str, Any]], None]) -> None:
        self.app, self.edit, self.edited = app, edit, 0

    def __call__(self, environ: dict[str, object], start_response: Callable[..., object]) -> Iterable[bytes]:
        if self.edited or not str(environ["PATH_INFO"]).endswith("/renew/csr"):
            return self.app(environ, start_response)
        head: list[object] = []
        body = b"".join(self.app(environ, lambda status, headers, exc_info=None: head.extend([status, headers])))
        data = json.loads(body)
        if data.get("ok"):
            self.edit(data)
            self.edited += 1
        out = json.dumps(data).encode()
        status, headers = head
        kept = [(k, v) for k, v in headers if k.lower() != "content-length"]  # type: ignore[attr-defined]
        start_response(status, [*kept, ("Content-Length", str(len(out)))])
        return [out]


def _remade(field: str, remake: Callable[[asn1_x509.Certificate], bytes]) -> Callable[[dict[str, Any]], None]:
    """An edit of the answer: the certificate in ``field`` re-made from the genuine one."""

    def edit(data: dict[str, Any]) -> None:
        data[field] = base64.b64encode(remake(asn1_x509.Certificate.load(base64.b64decode(data[field])))).decode()

    return edit


def _reissue(
    genuine: asn1_x509.Certificate,
    signer: Signer,
    *,
    not_before: datetime | None = None,
    not_after: datetime | None = None,
    renamed: dict[str, str] | None = None,
    public_key: bytes | None = None,
    extensions: dict[str, object] | None = None,
) -> bytes:
    """The genuine certificate's fields and extensions, some changed, signed SM3withSM2 by ``signer``."""
    tbs = genuine["tbs_certificate"]
    subject = _name(**{**tbs["subject"].native, **(renamed or {})}) if renamed else tbs["subject"]
    changed = extensions or {}
    kept = [extension for extension in tbs["extensions"] if extension["extn_id"].native not in changed]
    added = [asn1_x509.Extension({"extn_id": n, "critical": True, "extn_value": v}) for n, v in changed.items()]
    return sm2_certificate(
        subject,
        signer[1],
        public_key or tbs["subject_public_key_info"].dump(),
        not_before or genuine.not_valid_before,
        not_after or genuine.not_valid_after,
        kept + added,
        signer[0],
    )


def _in(delta: timedelta) -> datetime:
    """A moment relative to when the certificate is made, not to when the tests were collected."""
    return datetime.now(UTC) + delta


# The site's answer re-made from the genuine certificate and the site's CA, and the words of the refusal.
WRONG_CERTIFICATES: dict[str, tuple[Callable[[asn1_x509.Certificate, Signer], bytes], str]] = {
    "another CA": (
        lambda g, ca: _reissue(g, _stranger_ca(_name(country_name="CN", common_name="另一个 CA"))),
        "不是由延期网站的 CA 签发",
    ),
    "another CA, same name": (lambda g, ca: _reissue(g, _stranger_ca(ca[1])), "签名无效"),
    "expired": (
        lambda g, ca: _reissue(g, ca, not_before=_in(timedelta(days=-400)), not_after=_in(timedelta(days=-1))),
        "已经过期",
    ),
    "valid for two hours": (
        lambda g, ca: _reissue(g, ca, not_before=_in(timedelta(minutes=-1)), not_after=_in(timedelta(hours=2))),
        "不比原证书长",
    ),
    "starts tomorrow": (lambda g, ca: _reissue(g, ca, not_before=_in(timedelta(days=1))), "才生效"),
    # The old certificate ends in 20 days (the rig's key): a day more is no renewal (guide 2.2 ⑤).
    "one day longer": (lambda g, ca: _reissue(g, ca, not_after=_in(timedelta(days=21))), "不足一年"),
    "a CA certificate": (
        lambda g, ca: _reissue(
            g, ca, extensions={"basic_constraints": {"ca": True}, "key_usage": {"key_cert_sign", "crl_sign"}}
        ),
        "是证书颁发机构（CA）的证书",
    ),
    "a CA's usage": (
        lambda g, ca: _reissue(g, ca, extensions={"key_usage": {"digital_signature", "key_cert_sign"}}),
        "签发证书的用途",
    ),
    "another unit": (lambda g, ca: _reissue(g, ca, renamed={"common_name": "另一个检察院"}), "单位信息不一致"),
    "another organization": (
        lambda g, ca: _reissue(g, ca, renamed={"organization_name": "另一个检察院"}),
        "单位信息不一致",
    ),
    "another key": (
        lambda g, ca: _reissue(g, ca, public_key=Sm2Key.generate().public_key_info()),
        "不是为本次在 Ukey 中生成的密钥签发",
    ),
}


WRONG_SIGNING_CERTIFICATES = {
    **WRONG_CERTIFICATES,
    "for encryption only": (
        lambda g, ca: _reissue(g, ca, extensions={"key_usage": {"key_encipherment", "data_encipherment"}}),
        "没有签名用途",
    ),
}


@pytest.mark.parametrize("case", list(WRONG_SIGNING_CERTIFICATES))
def test_wrong_new_certificate_never_replaces_the_old(rig: Rig, case: str) -> None:
    remake, words = WRONG_SIGNING_CERTIFICATES[case]
    ca_cert = rig.running.site.ca.certificate.public_bytes(serialization.Encoding.DER)
    ca: Signer = (_reference_ca_key(rig), asn1_x509.Certificate.load(ca_cert).subject)
    swap = EditDownload(rig.faults.app, _remade("certificate", lambda genuine: remake(genuine, ca)))
    rig.faults.app = swap
    before = rig.current_cert()
    with pytest.raises(IssuedCertificateWrong) as caught:
        rig.engine(ScriptedPrompts()).run(*HOLDER, pin=PIN)
    assert swap.edited == 1 and words in caught.value.message
    assert rig.current_cert() == before
    state = journal_for(rig.home, rig.key().info().serial, CONTAINER).load()
    assert state is not None and state.new_cert is None and not state.has("download")
    assert records(rig.home).all() == []

    result = rig.engine(ScriptedPrompts()).run(*HOLDER, pin=PIN)  # a rerun asks again and gets the genuine one
    assert result.result == "renewed" and len(rig.orders()) == 1
    new, old = load_certificate(rig.current_cert()), load_certificate(before)
    assert rig.running.site.ca.issued_this(new.der) and new.subject_cn == old.subject_cn
    assert new.not_after == result.new_not_after == add_years(old.not_after, 5)


# --- the encryption certificate (双证) ----------------------------------------------


def _enc_key(rig: Rig) -> Sm2Key:
    """The encryption private key the practice key holds beside its signing key."""
    box = json.loads(practice.default_path(rig.home).read_text(encoding="utf-8"))["containers"][CONTAINER]
    return Sm2Key.from_pem(box["enc_key"])


def test_encryption_certificate_renewed_with_the_signing_one(rig: Rig) -> None:
    (before,) = rig.key().certificates()
    result = rig.engine(ScriptedPrompts()).run(*HOLDER, pin=PIN)
    (after,) = rig.key().certificates()
    assert before.enc_der is not None and after.enc_der is not None
    old, new = load_certificate(before.enc_der), load_certificate(after.enc_der)
    assert rig.running.site.ca.issued_this(after.enc_der) and new.issuer_cn == old.issuer_cn
    assert (new.subject_cn, new.organization, new.org_code) == (old.subject_cn, old.organization, old.org_code)
    assert new.not_after == result.new_not_after > old.not_after
    assert new.not_before == load_certificate(after.der).not_before
    assert new.public_key != old.public_key != load_certificate(after.der).public_key
    # What the key opened from the envelope is the certificate's key pair: it decrypts what is sent to it.
    point = asn1_x509.Certificate.load(after.enc_der).public_key["public_key"].native[1:]
    assert _enc_key(rig).decrypt(sm2.encrypt(point, b"for the unit")) == b"for the unit"


def _without(field: str) -> Callable[[dict[str, Any]], None]:
    return lambda data: data.pop(field)


def _envelope_changed(change: Callable[[bytes], bytes]) -> Callable[[dict[str, Any]], None]:
    def edit(data: dict[str, Any]) -> None:
        data["enc_key_envelope"] = base64.b64encode(change(base64.b64decode(data["enc_key_envelope"]))).decode()

    return edit


MALFORMED_ENVELOPES: dict[str, Callable[[dict[str, Any]], None]] = {
    "no envelope": _without("enc_key_envelope"),
    "no certificate": _without("enc_certificate"),
    "envelope not base64": lambda data: data.update(enc_key_envelope="%%%"),
    "envelope cut short": _envelope_changed(lambda blob: blob[:200]),
    "envelope one byte more": _envelope_changed(lambda blob: blob + b"\0"),
    "another key in the envelope": _envelope_changed(
        lambda blob: seal(Sm2Key.generate(), Sm2Key.generate().public_key_info())
    ),
    "certificate not a certificate": lambda data: data.update(
        enc_certificate=base64.b64encode(b"\x30\x03abc").decode()
    ),
}


def without_encryption_pair(data: dict[str, Any]) -> None:
    """An edit of the answer: the signing certificate alone."""
    del data["enc_certificate"], data["enc_key_envelope"]


def test_no_encryption_certificate_at_all_is_no_renewal(rig: Rig) -> None:
    """Both certificates or none: a signing certificate alone is not installed
    (the key would keep an encryption certificate ending in 20 days), and the
    rerun asks the site again and gets both."""
    (before,) = rig.key().certificates()
    edit = EditDownload(rig.faults.app, without_encryption_pair)
    rig.faults.app = edit
    with pytest.raises(IssuedCertificateWrong) as caught:
        rig.engine(ScriptedPrompts()).run(*HOLDER, pin=PIN)
    assert edit.edited == 1 and "没有下发新的加密证书" in caught.value.message
    assert rig.key().certificates() == [before] and records(rig.home).all() == []
    result = rig.engine(ScriptedPrompts()).run(*HOLDER, pin=PIN)
    (after,) = rig.key().certificates()
    assert result.result == "renewed" and len(rig.orders()) == 1
    assert after.enc_der is not None and load_certificate(after.enc_der).not_after == result.new_not_after


@pytest.mark.parametrize("case", list(MALFORMED_ENVELOPES))
def test_malformed_encryption_pair_is_a_bad_answer(rig: Rig, case: str) -> None:
    """Refused before anything is written: both old certificates stay, and a rerun gets the genuine pair."""
    (before,) = rig.key().certificates()
    edit = EditDownload(rig.faults.app, MALFORMED_ENVELOPES[case])
    rig.faults.app = edit
    with pytest.raises(SiteBadAnswer) as caught:
        rig.engine(ScriptedPrompts()).run(*HOLDER, pin=PIN)
    assert edit.edited == 1 and caught.value.id == "site.bad_answer"
    assert rig.key().certificates() == [before]
    assert rig.engine(ScriptedPrompts()).run(*HOLDER, pin=PIN).result == "renewed" and len(rig.orders()) == 1
    (after,) = rig.key().certificates()
    assert after.enc_der != before.enc_der


WRONG_ENCRYPTION_CERTIFICATES = {
    **{case: WRONG_CERTIFICATES[case] for case in ("another CA", "expired", "another unit", "one day longer")},
    **{case: WRONG_CERTIFICATES[case] for case in ("a CA certificate", "a CA's usage")},
    "for signing only": (
        lambda g, ca: _reissue(g, ca, extensions={"key_usage": {"digital_signature", "non_repudiation"}}),
        "没有加密用途",
    ),
}


@pytest.mark.parametrize("case", list(WRONG_ENCRYPTION_CERTIFICATES))
def test_wrong_encryption_certificate_never_replaces_the_old(rig: Rig, case: str) -> None:
    remake, words = WRONG_ENCRYPTION_CERTIFICATES[case]
    ca_cert = rig.running.site.ca.certificate.public_bytes(serialization.Encoding.DER)
    ca: Signer = (_reference_ca_key(rig), asn1_x509.Certificate.load(ca_cert).subject)
    rig.faults.app = EditDownload(rig.faults.app, _remade("enc_certificate", lambda genuine: remake(genuine, ca)))
    (before,) = rig.key().certificates()
    with pytest.raises(IssuedCertificateWrong) as caught:
        rig.engine(ScriptedPrompts()).run(*HOLDER, pin=PIN)
    assert words in caught.value.message
    assert rig.key().certificates() == [before]
    state = journal_for(rig.home, rig.key().info().serial, CONTAINER).load()
    assert state is not None and state.new_enc_cert is None and not state.has("download")


def _sealed_to_another_key(rig: Rig) -> Callable[[dict[str, Any]], None]:
    """An edit of the answer: a pair well formed and signed by the site's CA, sealed to a stranger's key."""
    ca_cert = rig.running.site.ca.certificate.public_bytes(serialization.Encoding.DER)
    ca: Signer = (_reference_ca_key(rig), asn1_x509.Certificate.load(ca_cert).subject)

    def resealed(data: dict[str, Any]) -> None:
        stranger = Sm2Key.generate()
        _remade("enc_certificate", lambda genuine: _reissue(genuine, ca, public_key=stranger.public_key_info()))(data)
        data["enc_key_envelope"] = base64.b64encode(seal(stranger, Sm2Key.generate().public_key_info())).decode()

    return resealed


def test_encryption_key_the_new_key_cannot_open(rig: Rig) -> None:
    """A pair well formed and signed by the site's CA, sealed to another key:
    the key refuses it, and the old signing and encryption certificates stay."""
    rig.faults.app = EditDownload(rig.faults.app, _sealed_to_another_key(rig))
    (before,) = rig.key().certificates()
    with pytest.raises(TokenWriteFailed) as caught:
        rig.engine(ScriptedPrompts()).run(*HOLDER, pin=PIN)
    assert caught.value.id == "token.write_failed" and "原证书保持不变" in caught.value.message
    assert rig.key().certificates() == [before]
    # Dropped from the journal: the next run asks the (now honest) site again for the same order.
    state = journal_for(rig.home, rig.key().info().serial, CONTAINER).load()
    assert state is not None and state.enc_envelope is None and state.new_cert is None
    assert not state.has("download") and state.refused == 1
    assert rig.engine(ScriptedPrompts()).run(*HOLDER, pin=PIN).result == "renewed" and len(rig.orders()) == 1
    (after,) = rig.key().certificates()
    assert after.enc_der is not None and after.enc_der != before.enc_der
    assert rig.running.site.ca.issued_this(after.enc_der)


class EditEveryDownload(EditDownload):
    """Every /renew/csr answer changed by ``edit``: a site that keeps answering so."""

    def __call__(self, environ: dict[str, object], start_response: Callable[..., object]) -> Iterable[bytes]:
        self.edited = 0
        return super().__call__(environ, start_response)


def test_a_site_that_keeps_sending_what_cannot_be_opened_names_the_way_on(rig: Rig) -> None:
    """No loop: the second refusal of the order's answer says how to drop the
    order; dropped, the next renewal goes through (the site's open order again)."""
    honest = rig.faults.app
    rig.faults.app = EditEveryDownload(honest, _sealed_to_another_key(rig))
    (before,) = rig.key().certificates()
    with pytest.raises(TokenWriteFailed):
        rig.engine(ScriptedPrompts()).run(*HOLDER, pin=PIN)
    with pytest.raises(RenewalStuck) as caught:
        rig.engine(ScriptedPrompts()).run(*HOLDER, pin=PIN)
    (order,) = rig.orders()
    assert order.order_no in caught.value.message and "解开" in caught.value.message
    assert "ukey-renew renew --practice --abandon" in caught.value.next_step
    assert rig.key().certificates() == [before]

    rig.faults.app = honest
    from ukey_renew.session import Session

    session = Session(rig.home, practice_only=True)
    try:
        (choice,), _ = session.detect()
        dropped = session.abandon(choice)
    finally:
        session.close()
    assert dropped is not None and dropped.order_no == order.order_no
    assert rig.engine(ScriptedPrompts()).run(*HOLDER, pin=PIN).result == "renewed" and len(rig.orders()) == 1


# --- a journal that cannot be used --------------------------------------------------------

_GARBAGE = base64.b64encode(b"not a certificate").decode()
CORRUPTED_JOURNALS: dict[str, dict[str, object]] = {
    "old certificate not base64": {"old_cert": "%%%"},
    "old certificate not a certificate": {"old_cert": _GARBAGE},
    "new certificate not a certificate": {"new_cert": _GARBAGE},
    "encryption certificate not a certificate": {"new_enc_cert": _GARBAGE},
    "envelope not base64": {"enc_envelope": "%%%"},
    "another key's serial": {"token_serial": "BJ0000"},
    "another container": {"container": "another"},
}


@pytest.mark.parametrize("case", list(CORRUPTED_JOURNALS))
def test_a_corrupted_journal_is_set_aside_naming_its_order(rig: Rig, case: str) -> None:
    """Fields a resume would fail on every time: set aside at once, the order
    named in the message, and the next run renews (on the site's open order)."""
    rig.faults.on("/renew/csr", "500")
    with pytest.raises(SiteServerError):
        rig.engine(ScriptedPrompts()).run(*HOLDER, pin=PIN)
    journal = journal_for(rig.home, rig.key().info().serial, CONTAINER)
    data = json.loads(journal.path.read_text(encoding="utf-8"))
    data.update(CORRUPTED_JOURNALS[case])
    journal.path.write_text(json.dumps(data), encoding="utf-8")
    (order,) = rig.orders()
    before = rig.current_cert()

    with pytest.raises(JournalSetAside) as caught:
        rig.engine(ScriptedPrompts()).run(*HOLDER, pin=PIN)
    aside = journal.path.with_suffix(".unreadable")
    assert order.order_no in caught.value.message and str(aside) in caught.value.message
    assert "ukey-renew renew" in caught.value.next_step
    assert json.loads(aside.read_text(encoding="utf-8")) == data and rig.current_cert() == before
    assert rig.engine(ScriptedPrompts()).run(*HOLDER, pin=PIN).result == "renewed" and len(rig.orders()) == 1


# --- requests the site does not sign, sessions it ends ----------------------------------


CREATE_CSR = PracticeToken.create_csr


def _csr_of_another_unit(token: PracticeToken, container: str, subject: bytes) -> bytes:
    return CREATE_CSR(token, container, asn1_x509.Name.build({"common_name": "另一个单位"}).dump())


def _csr_of_another_kind_of_key(token: PracticeToken, container: str, subject: bytes) -> bytes:
    """The unit's name, with an Ed25519 key: a kind the site does not issue for."""
    name = x509.load_der_x509_certificate(token.certificates()[0].der).subject
    request = x509.CertificateSigningRequestBuilder().subject_name(name)
    return request.sign(ed25519.Ed25519PrivateKey.generate(), None).public_bytes(serialization.Encoding.DER)


@pytest.mark.parametrize(
    ("request_maker", "said"),
    [(_csr_of_another_unit, "单位信息"), (_csr_of_another_kind_of_key, "密钥类型")],
    ids=["another unit", "another kind of key"],
)
def test_a_request_the_site_does_not_sign(
    rig: Rig, monkeypatch: pytest.MonkeyPatch, request_maker: Callable[..., bytes], said: str
) -> None:
    """A clear refusal (HTTP 400, not a server error), the key untouched; the right request then goes through."""
    before = rig.current_cert()
    monkeypatch.setattr(PracticeToken, "create_csr", request_maker)
    with pytest.raises(SiteRefused) as caught:
        rig.engine(ScriptedPrompts()).run(*HOLDER, pin=PIN)
    assert caught.value.id == "site.csr_invalid" and said in caught.value.message
    assert rig.current_cert() == before
    monkeypatch.undo()
    assert rig.engine(ScriptedPrompts()).run(*HOLDER, pin=PIN).result == "renewed"
    assert len(rig.orders()) == 1


def test_an_idle_session_ends_and_a_rerun_logs_in_again(home: Path) -> None:
    reset_practice_key(home, datetime.now(UTC), expires_in_days=20)
    idle = [timedelta()]
    site = ReferenceSite(home, SiteConfig(fixed_captcha="2309"), clock=lambda: datetime.now(UTC) + idle[0])
    running = site.serve()

    def engine(on_event: Callable[[RenewalEvent], None] | None = None) -> RenewalEngine:
        client = SiteClient(running.profile, running.ca_file, timeout=(5.0, 5.0), retry_delay=0.01)
        key = PracticeToken(practice.default_path(home))
        return build_engine(key, CONTAINER, client, home, ScriptedPrompts(), on_event=on_event)

    def away_after_confirming(event: RenewalEvent) -> None:
        if event.step.id == "confirm" and event.state == "done":
            idle[0] = SESSION_IDLE + timedelta(minutes=1)

    try:
        with pytest.raises(SiteRefused) as caught:
            engine(away_after_confirming).run(*HOLDER, pin=PIN)
        assert caught.value.id == "site.session_expired" and "重新登录" in caught.value.next_step
        assert engine().run(*HOLDER, pin=PIN).result == "renewed"
        assert len(site.state.orders()) == 1
    finally:
        running.stop()


def test_a_recorded_renewal_whose_journal_was_left_is_not_redone(rig: Rig, monkeypatch: pytest.MonkeyPatch) -> None:
    """Stopped after the record, before the journal closed: the next run asked
    for (--again) places a new order; the finished one is neither resumed
    nor offered as unfinished."""
    from ukey_renew.renewal.journal import Journal
    from ukey_renew.session import Session

    with monkeypatch.context() as stopped:
        stopped.setattr(Journal, "finish", lambda self: None)  # the process died right after the record
        first = rig.engine(ScriptedPrompts()).run(*HOLDER, pin=PIN)
    assert journal_for(rig.home, rig.key().info().serial, CONTAINER).load() is not None  # left behind
    session = Session(rig.home, practice_only=True)
    try:
        (choice,), _ = session.detect()
        assert session.unfinished(choice) is None  # not announced as "上次延期未完成"
    finally:
        session.close()
    again = rig.engine(ScriptedPrompts()).run(*HOLDER, pin="abc12345", again=True)
    assert again.result == "renewed" and again.order_no != first.order_no and len(rig.orders()) == 2


def test_a_renewal_asked_for_again_and_stopped_is_finished_by_a_plain_rerun(rig: Rig) -> None:
    """Renewed today, then again (--again) up to its order: a plain rerun goes
    on with the second order instead of answering "already renewed" with the first."""
    from tests.integration.test_cli import run
    from ukey_renew.session import Session

    first = rig.engine(ScriptedPrompts()).run(*HOLDER, pin=PIN)
    rig.faults.on("/renew/csr", "500")
    with pytest.raises(SiteServerError):
        rig.engine(ScriptedPrompts()).run(*HOLDER, pin="abc12345", again=True)
    second = [order for order in rig.orders() if order.order_no != first.order_no]
    assert [order.state for order in second] == ["confirmed"]
    session = Session(rig.home, practice_only=True)
    try:
        (choice,), _ = session.detect()
        assert session.renewed_today(choice) is None
    finally:
        session.close()

    done = run(rig.home, "renew", "--practice", "--json", "--holder-name", HOLDER[0], "--holder-phone", HOLDER[1],
               env={"UKEY_RENEW_PIN": "abc12345", "UKEY_RENEW_NEW_PASSWORD": "xyz98765"})  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr
    assert json.loads(done.stdout)["order_no"] == second[0].order_no
    assert len(rig.orders()) == 2 and all(order.state == "done" for order in rig.orders())


def test_renewed_today_is_decided_under_the_keys_lock(rig: Rig) -> None:
    """A second window that found the key not yet renewed runs only after the
    first finished: it stops before asking anything, with the old password's
    try unspent and no second order."""
    first = rig.engine(ScriptedPrompts()).run(*HOLDER, pin=PIN)
    retries = rig.key().pin_status().retries_left
    late = ScriptedPrompts()  # the old password, as the second window was told
    with pytest.raises(AlreadyRenewed) as caught:
        rig.engine(late).run(*HOLDER, pin=PIN)
    assert first.order_no in caught.value.message and late.asked == []
    assert rig.key().pin_status().retries_left == retries and len(rig.orders()) == 1


def test_a_renewal_whose_record_was_not_saved_keeps_its_order_for_the_next_run(
    rig: Rig, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A full disk at the record: renewed all the same, and the next plain run
    records this order instead of placing a second one."""
    from ukey_renew.errors import RecordsUnavailable
    from ukey_renew.renewal.records import Records

    def full_disk(self: Records, record: object) -> None:
        raise RecordsUnavailable(str(self.path), "磁盘已满")

    with monkeypatch.context() as full:
        full.setattr(Records, "add", full_disk)
        first = rig.engine(ScriptedPrompts()).run(*HOLDER, pin=PIN)
    assert first.result == "renewed" and first.record_not_saved is not None
    journal = journal_for(rig.home, rig.key().info().serial, CONTAINER)
    kept = journal.load()
    assert kept is not None and kept.order_no == first.order_no

    again = rig.engine(ScriptedPrompts()).run(*HOLDER, pin="abc12345")  # a plain rerun, the new password
    assert again.order_no == first.order_no and again.record_not_saved is None
    assert len(rig.orders()) == 1 and [record.order_no for record in records(rig.home).all()] == [first.order_no]
    assert not journal.path.exists()
