"""The practice key: PIN rules and lockout, two-phase install, atomic state."""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from tests.certbuild import make_cert
from ukey_renew.casim.provision import ADMIN_PIN, CONTAINER, reference_ca, reset_practice_key
from ukey_renew.certs import load_certificate
from ukey_renew.errors import (
    CertificateKeyMismatch,
    LoginRequired,
    PinIncorrect,
    PinLocked,
    PinRuleViolated,
    TokenNotPresent,
    TokenRemoved,
    TokenWriteFailed,
)
from ukey_renew.rules import check_new_pin
from ukey_renew.token import practice
from ukey_renew.token.csr import subject_name
from ukey_renew.token.practice import PracticeToken


@pytest.fixture
def key(home: Path, now: datetime) -> PracticeToken:
    return reset_practice_key(home, now, expires_in_days=20)


def test_reset_makes_the_guide_example(key: PracticeToken, now: datetime) -> None:
    (cert,) = key.certificates()
    info = load_certificate(cert.der)
    assert cert.id == f"{CONTAINER}/{key.info().serial}"
    assert (info.subject_cn, info.org_code, info.org_code_source) == ("电信测试1", "111111", "subject.OU")
    assert info.days_left(now) == 20
    assert key.pin_status().retries_left == practice.MAX_PIN_RETRIES


def test_wrong_pin_counts_down_and_locks_after_ten(key: PracticeToken) -> None:
    for expected_left in range(practice.MAX_PIN_RETRIES - 1, 0, -1):
        with pytest.raises(PinIncorrect) as caught:
            key.login("000000")
        assert caught.value.retries_left == expected_left
    assert key.pin_status().final_try
    with pytest.raises(PinLocked):
        key.login("000000")
    assert key.pin_status().locked
    with pytest.raises(PinLocked):  # even the right PIN is refused now
        key.login(practice.DEFAULT_PIN)


def test_right_pin_resets_the_counter(key: PracticeToken) -> None:
    with pytest.raises(PinIncorrect):
        key.login("000000")
    assert key.pin_status().count_low
    key.login(practice.DEFAULT_PIN)
    assert key.pin_status().retries_left == practice.MAX_PIN_RETRIES


def test_admin_unlock(key: PracticeToken) -> None:
    for _ in range(practice.MAX_PIN_RETRIES):
        with pytest.raises((PinIncorrect, PinLocked)):
            key.login("000000")
    with pytest.raises(PinIncorrect):
        key.unlock("wrong-admin", "abc12345")
    key.unlock(ADMIN_PIN, "abc12345")
    key.login("abc12345")
    assert not key.pin_status().locked


@pytest.mark.parametrize("pin", ["abc123", "abcd1234", "A1b2C3"])
def test_new_pin_rule_accepts(pin: str) -> None:
    check_new_pin(pin)


@pytest.mark.parametrize("pin", ["abc12", "abcd12345", "123456", "abcdef", "abc 123", "abc-123", "密码abc123"])
def test_new_pin_rule_refuses(pin: str) -> None:
    with pytest.raises(PinRuleViolated):
        check_new_pin(pin)


def test_change_pin(key: PracticeToken) -> None:
    with pytest.raises(PinRuleViolated):
        key.change_pin(practice.DEFAULT_PIN, "123456789")
    key.change_pin(practice.DEFAULT_PIN, "new123")
    key.logout()
    with pytest.raises(PinIncorrect):
        key.login(practice.DEFAULT_PIN)
    key.login("new123")


def test_signing_needs_login(key: PracticeToken) -> None:
    with pytest.raises(LoginRequired):
        key.sign(CONTAINER, b"random")
    key.login(practice.DEFAULT_PIN)
    assert key.sign(CONTAINER, b"random")


def _renew(key: PracticeToken, home: Path, now: datetime) -> bytes:
    """Pending key, CSR, certificate from the reference CA: what a renewal does."""
    key.login(practice.DEFAULT_PIN)
    key.generate_key_pair(CONTAINER)
    csr = key.create_csr(CONTAINER, subject_name("电信测试1", "电信测试1", "111111"))
    return reference_ca(home).issue(csr, now, now + timedelta(days=365 * 5))


def test_two_phase_install_replaces_after_verifying(key: PracticeToken, home: Path, now: datetime) -> None:
    (old,) = key.certificates()
    new = _renew(key, home, now)
    assert key.certificates() == [old]  # a pending key changes nothing visible
    key.install_certificate(CONTAINER, new)
    (current,) = key.certificates()
    assert current.der == new
    assert key.sign(CONTAINER, b"x")  # the new key signs


def test_mismatched_certificate_leaves_old_intact(key: PracticeToken, home: Path, now: datetime) -> None:
    before = key.path.read_bytes()
    (old,) = key.certificates()
    _renew(key, home, now)
    with pytest.raises(CertificateKeyMismatch):
        key.install_certificate(CONTAINER, make_cert())
    with pytest.raises(TokenWriteFailed):
        key.install_certificate(CONTAINER, b"\x30\x00garbage")
    assert key.certificates() == [old]
    assert (
        json.loads(key.path.read_text())["containers"][CONTAINER]["key"]
        == json.loads(before)["containers"][CONTAINER]["key"]
    )


def test_key_pulled_out_before_promotion(key: PracticeToken, home: Path, now: datetime, monkeypatch) -> None:
    """A failure between the written pending certificate and the promotion."""
    (old,) = key.certificates()
    new = _renew(key, home, now)

    def pulled_out(container: str) -> None:
        raise TokenRemoved()

    monkeypatch.setattr(key, "promote_pending", pulled_out)
    with pytest.raises(TokenRemoved):
        key.install_certificate(CONTAINER, new)
    assert key.certificates() == [old]
    monkeypatch.undo()
    key.install_certificate(CONTAINER, new)  # plugged back in: the retry completes
    assert key.certificates()[0].der == new


def test_failed_edit_writes_nothing(key: PracticeToken) -> None:
    before = key.path.read_bytes()
    with pytest.raises(RuntimeError), key._edit() as state:
        state["containers"].clear()
        raise RuntimeError("killed mid-change")
    assert key.path.read_bytes() == before


def test_missing_file_is_a_missing_key(home: Path, key: PracticeToken) -> None:
    key.path.unlink()
    with pytest.raises(TokenNotPresent):
        key.certificates()
    with pytest.raises(TokenNotPresent):
        PracticeToken(practice.default_path(home))


def test_pin_is_never_stored(key: PracticeToken) -> None:
    key.change_pin(practice.DEFAULT_PIN, "zz9988")
    text = key.path.read_text()
    assert practice.DEFAULT_PIN not in text
    assert "zz9988" not in text


def test_reference_ca_issues_for_rsa_and_refuses_garbage(home: Path, now: datetime) -> None:
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import rsa
    from cryptography.x509.oid import NameOID

    from ukey_renew.errors import CertificateError

    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    csr = (
        x509.CertificateSigningRequestBuilder()
        .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "rsa unit")]))
        .sign(key, hashes.SHA256())
        .public_bytes(serialization.Encoding.DER)
    )
    issued = load_certificate(reference_ca(home).issue(csr, now, now + timedelta(days=1)))
    assert issued.key_algorithm == "RSA" and issued.subject_cn == "rsa unit"
    with pytest.raises(CertificateError):
        reference_ca(home).issue(b"\x30\x03garbage", now, now)
