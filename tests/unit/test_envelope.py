"""The encryption key pair's envelope (GM/T 0016's ENVELOPEDKEYBLOB layout):
only the signing key it is sealed to opens it, and anything else is refused
with the reason BJCA's ImportEncCert would give."""

from __future__ import annotations

import logging
import struct
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ukey_renew.envelope import SESSION_KEY_SIZE, SGD_SM4_ECB, SIZE, EnvelopeError, open_envelope, parse, seal
from ukey_renew.sm2 import Sm2Key


@pytest.fixture(scope="module")
def keys() -> tuple[Sm2Key, Sm2Key]:
    """(the signing key it is sealed to, the encryption key inside)"""
    return Sm2Key.generate(), Sm2Key.generate()


@pytest.fixture(scope="module")
def blob(keys: tuple[Sm2Key, Sm2Key]) -> bytes:
    signing, encryption = keys
    return seal(encryption, signing.public_key_info())


def test_sealed_to_the_signing_key_and_laid_out_as_gmt_0016(keys: tuple[Sm2Key, Sm2Key], blob: bytes) -> None:
    signing, encryption = keys
    assert len(blob) == SIZE == 388
    assert struct.unpack_from("<III", blob) == (1, SGD_SM4_ECB, 256)
    assert blob[12 : 12 + 64] != encryption.private.rjust(64, b"\0")  # the private key is not in clear
    assert blob[76:80] == struct.pack("<I", 256) and blob[80 + 32 : 80 + 64] == encryption.public[:32]
    assert struct.unpack_from("<I", blob, SIZE - SESSION_KEY_SIZE - 4) == (SESSION_KEY_SIZE,)
    opened = open_envelope(blob, signing)
    assert (opened.private, opened.public) == (encryption.private, encryption.public)
    assert parse(blob).public_key_info() == encryption.public_key_info()


@pytest.mark.skipif(sys.platform == "win32", reason="GmSSL's C runtime has a stderr of its own there")
def test_another_key_cannot_open_it(blob: bytes, capfd: pytest.CaptureFixture[str]) -> None:
    """Refused in the program's words only: GmSSL's own lines (its source file and function) stay off the console."""
    with pytest.raises(EnvelopeError) as caught:
        open_envelope(blob, Sm2Key.generate())
    assert caught.value.reason == "not_opened"
    assert capfd.readouterr().err == ""


@pytest.mark.skipif(sys.platform == "win32", reason="GmSSL's C runtime has a stderr of its own there")
def test_each_refusal_logs_its_own_lines(blob: bytes, caplog: pytest.LogCaptureFixture) -> None:
    """One file catches GmSSL's lines for the whole process: emptied before each catch, never said twice."""
    caplog.set_level(logging.DEBUG, logger="ukey_renew.sm2")
    for _ in range(2):
        with pytest.raises(EnvelopeError):
            open_envelope(blob, Sm2Key.generate())
    said = [record.getMessage() for record in caplog.records if record.getMessage().startswith("gmssl:")]
    assert len(said) == 2 and said[0] == said[1], said


def _session_key_of(blob: bytes, bits: int) -> bytes:
    at = SIZE - SESSION_KEY_SIZE - 4
    return blob[:at] + struct.pack("<I", bits // 8) + blob[at + 4 :] + b"\0" * (bits // 8 - SESSION_KEY_SIZE)


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        (lambda b: b[:300], "short"),
        (lambda b: b[:-1], "short"),
        (lambda b: b + b"\0", "format"),
        (lambda b: struct.pack("<I", 2) + b[4:], "format"),
        (lambda b: b[:4] + struct.pack("<I", 0x00000101) + b[8:], "format"),  # SM1, which needs BJCA's hardware
        (lambda b: _session_key_of(b, 256), "session_key"),
        (lambda b: b[:80] + b"\1" + b[81:], "format"),  # a coordinate wider than 256 bits
        (lambda b: b[: 80 + 32] + bytes(32) + b[80 + 64 :], "format"),  # a point off the curve
    ],
    ids=["cut", "one byte short", "one byte more", "version", "SM1", "256-bit session key", "wide", "off curve"],
)
def test_malformed_envelopes_are_refused(blob: bytes, change: object, reason: str) -> None:
    with pytest.raises(EnvelopeError) as caught:
        parse(change(blob))  # type: ignore[operator]
    assert caught.value.reason == reason


@settings(max_examples=60, deadline=None)
@given(st.integers(min_value=0, max_value=SIZE - 1), st.integers(min_value=1, max_value=255))
def test_a_changed_byte_never_opens_to_another_key(
    keys: tuple[Sm2Key, Sm2Key], blob: bytes, position: int, flip: int
) -> None:
    """Flipped anywhere, the envelope is refused or still yields the one key sealed in it."""
    signing, encryption = keys
    changed = bytearray(blob)
    changed[position] ^= flip
    try:
        opened = open_envelope(bytes(changed), signing)
    except EnvelopeError:
        return
    assert opened.private == encryption.private
