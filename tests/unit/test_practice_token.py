"""The practice key: PIN rules and lockout, two-phase install, atomic state,
SM2 keys and certificates as on the red key."""

from __future__ import annotations

import hashlib
import json
import os
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from asn1crypto import csr as asn1_csr
from asn1crypto import x509 as asn1_x509

from tests.certbuild import make_cert
from ukey_renew.casim.provision import ADMIN_PIN, CONTAINER, reference_ca, reset_practice_key
from ukey_renew.certs import load_certificate
from ukey_renew.envelope import seal
from ukey_renew.errors import (
    CertificateError,
    CertificateKeyMismatch,
    LoginRequired,
    NoSuchContainer,
    PinIncorrect,
    PinLocked,
    PinRuleViolated,
    PracticeKeyBroken,
    PracticeKeyOutdated,
    TokenNotPresent,
    TokenRemoved,
    TokenWriteFailed,
)
from ukey_renew.rules import check_new_pin
from ukey_renew.signatures import signature_valid
from ukey_renew.sm2 import Sm2Key
from ukey_renew.token import practice
from ukey_renew.token.base import EncryptionPair
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


def test_a_new_key_is_synced_to_disk_once_whole(home: Path, now: datetime, monkeypatch: pytest.MonkeyPatch) -> None:
    """Made in steps in a file of its own, the key is relied on only once it
    replaces the old one: that whole file is synced, not each step. The key
    handed back syncs each change again."""
    reference_ca(home)  # the CA's files, synced as they are made
    synced: list[int] = []
    sync = os.fsync
    monkeypatch.setattr(os, "fsync", lambda descriptor: (synced.append(descriptor), sync(descriptor))[1])
    key = reset_practice_key(home, now)
    assert len(synced) == 1
    (cert,) = key.certificates()
    assert cert.container == CONTAINER and cert.enc_der is not None  # the whole key, as before
    key.login(practice.DEFAULT_PIN)
    key.generate_key_pair(CONTAINER)
    assert len(synced) == 2


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
        json.loads(key.path.read_text(encoding="utf-8"))["containers"][CONTAINER]["key"]
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
    text = key.path.read_text(encoding="utf-8")
    assert practice.DEFAULT_PIN not in text
    assert "zz9988" not in text


def _stored(key: PracticeToken, name: str) -> dict[str, object]:
    verifier: dict[str, object] = json.loads(key.path.read_text(encoding="utf-8"))[name]
    return verifier


def _derived(pin: str, verifier: dict[str, object], rounds: int) -> bool:
    return (
        hashlib.pbkdf2_hmac("sha256", pin.encode(), bytes.fromhex(str(verifier["salt"])), rounds).hex()
        == verifier["hash"]
    )


def test_a_pin_the_user_chose_is_stretched_the_public_ones_are_not(key: PracticeToken) -> None:
    """111111 and the operator's PIN are printed: hashed once. A chosen PIN, by a change or an unlock: 60,000 rounds."""
    assert _derived(practice.DEFAULT_PIN, _stored(key, "pin"), 1)
    assert _derived(ADMIN_PIN, _stored(key, "admin_pin"), 1)
    key.change_pin(practice.DEFAULT_PIN, "zz9988")
    assert _derived("zz9988", _stored(key, "pin"), 60_000)
    key.unlock(ADMIN_PIN, "yy7766")
    assert _derived("yy7766", _stored(key, "pin"), 60_000)
    key.login("yy7766")


def test_a_verifier_without_its_rounds_has_60000_and_one_out_of_range_is_a_broken_file(key: PracticeToken) -> None:
    """Keys made before verifiers named their rounds log in as before; rounds it cannot mean: a broken file."""
    state = json.loads(key.path.read_text(encoding="utf-8"))
    salt = bytes.fromhex(state["pin"]["salt"])
    state["pin"] = {"salt": salt.hex(), "hash": hashlib.pbkdf2_hmac("sha256", b"111111", salt, 60_000).hex()}
    key.path.write_text(json.dumps(state), encoding="utf-8")
    key.login(practice.DEFAULT_PIN)
    for rounds in (0, "60000", 10**9):
        state["pin"]["rounds"] = rounds
        key.path.write_text(json.dumps(state), encoding="utf-8")
        with pytest.raises(PracticeKeyBroken):
            key.login(practice.DEFAULT_PIN)


def test_reference_ca_issues_for_rsa_and_refuses_garbage(home: Path, now: datetime) -> None:
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import rsa
    from cryptography.x509.oid import NameOID

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


# --- SM2, as on the red key ----------------------------------------------------------


def test_the_key_holds_sm2_signing_and_encryption_certificates(key: PracticeToken, home: Path) -> None:
    """双证: the signing certificate and, beside it, the encryption certificate, both SM3withSM2 from the CA."""
    (cert,) = key.certificates()
    assert cert.enc_der is not None
    sign, enc = asn1_x509.Certificate.load(cert.der), asn1_x509.Certificate.load(cert.enc_der)
    assert load_certificate(cert.der).key_algorithm == load_certificate(cert.enc_der).key_algorithm == "SM2"
    assert sign.key_usage_value.native == {"digital_signature", "non_repudiation"}
    assert enc.key_usage_value.native == {"key_encipherment", "data_encipherment"}
    assert sign.subject == enc.subject and sign.public_key.dump() != enc.public_key.dump()
    ca = reference_ca(home)
    assert ca.issued_this(cert.der) and ca.issued_this(cert.enc_der)


def test_the_key_signs_sm3_with_sm2(key: PracticeToken) -> None:
    (cert,) = key.certificates()
    key.login(practice.DEFAULT_PIN)
    signature = key.sign(CONTAINER, b"server random")
    assert signature_valid(cert.der, b"server random", signature)
    assert not signature_valid(cert.der, b"another random", signature)


def _signed_by_another_key(request: asn1_csr.CertificationRequest) -> bytes:
    """The request as it is, its signature made by a key other than the one it names."""
    info = request["certification_request_info"]
    return asn1_csr.CertificationRequest(
        {
            "certification_request_info": info,
            "signature_algorithm": request["signature_algorithm"],
            "signature": Sm2Key.generate().sign(info.dump()),
        }
    ).dump()


def test_request_is_signed_sm3_with_sm2_and_checked_by_the_ca(key: PracticeToken, home: Path, now: datetime) -> None:
    key.login(practice.DEFAULT_PIN)
    key.generate_key_pair(CONTAINER)
    csr = key.create_csr(CONTAINER, subject_name("电信测试1", "电信测试1", "111111"))
    request = asn1_csr.CertificationRequest.load(csr)
    assert request["signature_algorithm"]["algorithm"].dotted == "1.2.156.10197.1.501"
    assert load_certificate(reference_ca(home).issue(csr, now, now + timedelta(days=1))).key_algorithm == "SM2"
    with pytest.raises(CertificateError) as caught:
        reference_ca(home).issue(_signed_by_another_key(request), now, now + timedelta(days=1))
    assert "签名无效" in caught.value.message


def _signing_key_info(cert_der: bytes) -> bytes:
    return bytes(asn1_x509.Certificate.load(cert_der).public_key.dump())


def test_encryption_pair_must_open_and_match(key: PracticeToken, home: Path, now: datetime) -> None:
    """As BJCA's ImportEncCert: the envelope opens only with the container's
    signing key and must hold the certificate's key; a refusal changes nothing."""
    (before,) = key.certificates()
    cert, enc_key = reference_ca(home).issue_encryption(subject_name("电信测试1"), now, now + timedelta(days=1))
    signing = _signing_key_info(before.der)
    key.login(practice.DEFAULT_PIN)
    with pytest.raises(CertificateKeyMismatch):  # the envelope holds another key
        key.import_encryption(CONTAINER, EncryptionPair(cert, seal(Sm2Key.generate(), signing)))
    with pytest.raises(TokenWriteFailed) as caught:  # sealed to another signing key
        key.import_encryption(CONTAINER, EncryptionPair(cert, seal(enc_key, Sm2Key.generate().public_key_info())))
    assert "解开" in caught.value.message and caught.value.id == "token.write_failed"
    assert key.certificates() == [before]
    key.import_encryption(CONTAINER, EncryptionPair(cert, seal(enc_key, signing)))
    assert key.certificates()[0].enc_der == cert


def test_install_with_an_encryption_pair_that_does_not_open(key: PracticeToken, home: Path, now: datetime) -> None:
    """Both old certificates stay when the new encryption key does not open:
    the signing certificate is promoted only with its encryption pair."""
    (before,) = key.certificates()
    key.login(practice.DEFAULT_PIN)
    spki = key.generate_key_pair(CONTAINER)
    subject = subject_name("电信测试1", "电信测试1", "111111")
    ca = reference_ca(home)
    new = ca.issue(key.create_csr(CONTAINER, subject), now, now + timedelta(days=400))
    enc_cert, enc_key = ca.issue_encryption(subject, now, now + timedelta(days=400))
    stranger = Sm2Key.generate().public_key_info()
    with pytest.raises(TokenWriteFailed):
        key.install_certificate(CONTAINER, new, EncryptionPair(enc_cert, seal(enc_key, stranger)))
    assert key.certificates() == [before]
    key.install_certificate(CONTAINER, new, EncryptionPair(enc_cert, seal(enc_key, spki)))
    (after,) = key.certificates()
    assert (after.der, after.enc_der) == (new, enc_cert)


def test_delete_container(key: PracticeToken) -> None:
    key.delete_container(CONTAINER)
    assert key.certificates() == []
    with pytest.raises(NoSuchContainer):
        key.delete_container(CONTAINER)


def test_a_key_made_by_an_earlier_version_is_named_so(key: PracticeToken, home: Path, now: datetime) -> None:
    """Version 1 held EC P-256 keys from an EC CA: refused with words saying so and the way out."""
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric import ec

    state = json.loads(key.path.read_text(encoding="utf-8"))
    box = state["containers"][CONTAINER]
    box["key"] = (
        ec.generate_private_key(ec.SECP256R1())
        .private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
        .decode()
    )
    del box["enc_cert"], box["enc_key"]
    key.path.write_text(json.dumps({**state, "version": 1}))
    with pytest.raises(PracticeKeyOutdated) as caught:
        key.certificates()
    assert caught.value.id == "practice.outdated" and "practice reset" in caught.value.next_step
    assert "旧版本" in caught.value.message
    (cert,) = reset_practice_key(home, now).certificates()  # the way out
    assert load_certificate(cert.der).key_algorithm == "SM2"


def test_a_key_entry_that_is_not_an_sm2_key_is_a_broken_file(key: PracticeToken) -> None:
    state = json.loads(key.path.read_text(encoding="utf-8"))
    state["containers"][CONTAINER]["key"] = "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n"
    key.path.write_text(json.dumps(state))
    key.login(practice.DEFAULT_PIN)
    with pytest.raises(PracticeKeyBroken):
        key.sign(CONTAINER, b"random")


def test_the_site_refuses_a_request_its_key_did_not_sign(key: PracticeToken, home: Path, now: datetime) -> None:
    """The CA's refusal reaches the user as the site's `csr_invalid`, not as a server error."""
    from ukey_renew.casim.site_state import Refusal, SiteState
    from ukey_renew.site.profile import load_profile

    (cert,) = key.certificates()
    old = load_certificate(cert.der)
    state = SiteState(home / "site.sqlite", reference_ca(home), load_profile("practice").policy)
    try:
        order = state.open_order(old, "张三", "13800138000", now)
        state.confirm(order.order_no, old.serial)
        key.login(practice.DEFAULT_PIN)
        key.generate_key_pair(CONTAINER)
        request = asn1_csr.CertificationRequest.load(key.create_csr(CONTAINER, subject_name("电信测试1")))
        with pytest.raises(Refusal) as caught:
            state.issue(order.order_no, old.serial, _signed_by_another_key(request))
        assert caught.value.code == "csr_invalid" and "签名无效" in caught.value.message
        state.issue(order.order_no, old.serial, request.dump())  # the genuine one is issued
    finally:
        state.close()


def test_a_new_site_file_is_made_in_one_commit(home: Path) -> None:
    """Each commit to the site's write-ahead log is synced to disk: its tables commit once."""
    from ukey_renew.casim.site_state import SiteState
    from ukey_renew.site.profile import load_profile

    state = SiteState(home / "site.sqlite", reference_ca(home), load_profile("practice").policy)
    try:
        log = (home / "site.sqlite-wal").read_bytes()
        page = int.from_bytes(log[8:12], "big")
        frames = range(32, len(log), 24 + page)  # each frame's header says the file's size if it ends a commit
        assert sum(1 for at in frames if int.from_bytes(log[at + 4 : at + 8], "big")) == 1
    finally:
        state.close()


def test_a_site_file_of_an_earlier_version_gets_the_encryption_columns(
    key: PracticeToken, home: Path, now: datetime
) -> None:
    """Orders written before the site sent encryption certificates: the file
    is extended, its order kept, and asked again it hands out the pair too."""
    import sqlite3

    from ukey_renew.casim.site_state import SCHEMA, SiteState
    from ukey_renew.site.profile import load_profile

    path = home / "site.sqlite"
    with sqlite3.connect(path) as old_file:
        old_file.executescript(SCHEMA.replace("    new_enc_cert BLOB,\n    new_enc_envelope BLOB,\n", ""))
    (cert,) = key.certificates()
    old = load_certificate(cert.der)
    state = SiteState(path, reference_ca(home), load_profile("practice").policy)
    try:
        order = state.open_order(old, "张三", "13800138000", now)
        state.confirm(order.order_no, old.serial)
        key.login(practice.DEFAULT_PIN)
        key.generate_key_pair(CONTAINER)
        csr = key.create_csr(CONTAINER, subject_name("电信测试1"))
        _order, issued = state.issue(order.order_no, old.serial, csr)
        assert issued.enc_certificate and issued.enc_envelope
        assert state.issue(order.order_no, old.serial, csr)[1] == issued  # the same pair again
    finally:
        state.close()


def test_without_the_sm2_component_the_key_says_so(key: PracticeToken, monkeypatch: pytest.MonkeyPatch) -> None:
    """gmssl-pyx has wheels for x86-64 only: elsewhere a clear error, and reading the key still works."""
    import sys

    from ukey_renew.errors import Sm2Unavailable

    monkeypatch.setitem(sys.modules, "gmssl_pyx", None)  # what an import finds when the package is absent
    key.login(practice.DEFAULT_PIN)
    with pytest.raises(Sm2Unavailable) as caught:
        key.sign(CONTAINER, b"random")
    assert caught.value.id == "sm2.unavailable"
    assert load_certificate(key.certificates()[0].der).key_algorithm == "SM2"
