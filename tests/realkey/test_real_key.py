"""Reads a real key (see conftest.py): its certificates, its PIN status, its
presence on the USB bus and, only when asked separately, one login."""

from __future__ import annotations

import os

import pytest

from tests.realkey.conftest import LOGIN_ENV, PIN_ENV
from ukey_renew import usb
from ukey_renew.certs import load_certificate
from ukey_renew.token.base import Token

MAX_PIN_TRIES = 10  # BJCA's keys allow at most 10
SAFE_TRIES = 3  # fewer left: a wrong PIN must not bring the key near its lock


def test_certificates_parse(real_key: Token) -> None:
    certificates = real_key.certificates()
    assert certificates, "the key lists no certificate"
    for cert in certificates:
        info = load_certificate(cert.der)
        print(f"{cert.id}: {info.subject_cn} / {info.issuer_cn}, {info.key_algorithm}, until {info.not_after:%Y-%m-%d}")
        assert info.subject_cn and info.not_after > info.not_before
        if cert.enc_der is not None:
            assert load_certificate(cert.enc_der).subject_cn == info.subject_cn


def test_pin_status_reads(real_key: Token) -> None:
    status = real_key.pin_status()
    print(f"PIN: {status.to_dict()}")
    if status.retries_left is not None:  # PKCS#11 tells flags only
        assert 0 <= status.retries_left <= MAX_PIN_TRIES
        assert status.locked == (status.retries_left == 0)


def test_usb_probe_sees_it(real_key: Token) -> None:
    found = usb.devices()
    assert found is not None, "this computer's USB devices could not be listed"
    print("USB: " + "; ".join(f"{device.ids} {device.product or device.where}" for device in found))
    plugged = usb.plugged_keys(found, usb.known_keys())
    assert plugged, "no USB device is a key of BJCA's driver table (resources/tokens.toml [[usb]])"
    print("key hardware: " + "、".join(key.describe() for key in plugged))


def test_login_once(real_key: Token) -> None:
    if os.environ.get(LOGIN_ENV) != "1":
        pytest.skip(f"logging in is tested only when asked: set {LOGIN_ENV}=1 and {PIN_ENV}")
    pin = os.environ.get(PIN_ENV)
    if not pin:
        pytest.fail(f"{LOGIN_ENV}=1 needs the PIN in {PIN_ENV}")
    left = real_key.pin_status().retries_left
    if left is not None and left < SAFE_TRIES:
        pytest.skip(f"only {left} PIN tries left: not risking the key's lock")
    real_key.login(pin)  # one attempt; a wrong PIN fails the test, never retried
    real_key.logout()
    after = real_key.pin_status()
    assert not after.locked and (left is None or after.retries_left == MAX_PIN_TRIES or after.retries_left >= left)
