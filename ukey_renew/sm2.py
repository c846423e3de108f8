"""SM2 keys, and SM3withSM2 signatures as GM/T 0009 makes them (the signer's
SM3 Z-value with the default ID 1234567812345678), for the practice key and
the reference CA, and for checking what a site or CA signed; SM2 encryption
for the envelope of an encryption key pair (ukey_renew/envelope.py).

``cryptography`` cannot use SM2 keys, so the arithmetic is gmssl-pyx's and the
encodings (PKCS#8, SubjectPublicKeyInfo) are built with asn1crypto, in the
forms OpenSSL 3 reads (``openssl pkey`` opens the key files).
"""

from __future__ import annotations

import functools
import logging
import os
import sys
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from types import ModuleType
from typing import IO

from asn1crypto import keys, pem

from ukey_renew.certs import SM2_CURVE_OID, key_algorithm
from ukey_renew.errors import Sm2Unavailable

SIGNATURE_OID = "1.2.156.10197.1.501"  # SM3withSM2
_SIGNER_ID = b"1234567812345678"  # GM/T 0009's default, as gmssl_pyx.SM2_DEFAULT_SIGNER_ID
# What the signer's Z-value hashes before its own point (GM/T 0009 §5.5): the
# ID's length in bits, the ID, the curve's a and b, the base point's x and y.
_Z_PREFIX = (
    (len(_SIGNER_ID) * 8).to_bytes(2, "big")
    + _SIGNER_ID
    + bytes.fromhex(
        "FFFFFFFEFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF00000000FFFFFFFFFFFFFFFC"
        "28E9FA9E9D9F5E344D5A9E4BCF6509A7F39789F515AB8F92DDBCBD414D940E93"
        "32C4AE2C1F1981195F9904466A39C9948FE30BBFF2660BE1715A4589334C74C7"
        "BC3736A2F4F6779C59BDCEE36B692153D0A9877CC62A474002DF32E52139F0A0"
    )
)

# asn1crypto needs the curve's size to encode a private key on it.
keys.NamedCurve.register("sm2p256v1", SM2_CURVE_OID, 32)
_CURVE = keys.ECDomainParameters(name="named", value="sm2p256v1")


log = logging.getLogger(__name__)
_STDERR = threading.Lock()  # one redirection of the process's stderr at a time, into _catch_file()


@functools.cache
def _catch_file() -> IO[bytes]:
    """The one file GmSSL's lines are caught in, made at the first catch and emptied before each."""
    return tempfile.TemporaryFile()


@contextmanager
def _gmssl_quiet() -> Iterator[None]:
    """GmSSL's C code writes a line to the process's stderr for every check
    that fails (a ciphertext for another key, a point off the curve): on the
    user's console, between the program's own words. Those lines go to the
    log instead, at debug level. The windowed program has no console (no
    ``sys.stderr``), and where the catch cannot be set up (no descriptor 2,
    a full disk) the check runs all the same."""
    if sys.stderr is None:
        yield
        return
    with _STDERR:
        try:
            caught = _catch_file()
            saved = os.dup(2)
        except OSError:
            yield
            return
        caught.seek(0)
        caught.truncate()
        sys.stderr.flush()
        os.dup2(caught.fileno(), 2)
        try:
            yield
        finally:
            os.dup2(saved, 2)
            os.close(saved)
            caught.seek(0)
            said = caught.read().decode("utf-8", errors="replace").strip()
            if said:
                log.debug("gmssl: %s", said.replace("\n", " | "))


def _gmssl() -> ModuleType:
    try:
        import gmssl_pyx
    except ImportError:
        raise Sm2Unavailable(detail="gmssl-pyx not installed") from None
    return gmssl_pyx


class Sm2Key:
    """An SM2 private key with its public point (64 bytes, x then y)."""

    def __init__(self, private: bytes, public: bytes) -> None:
        self.private = private
        self.public = public

    @classmethod
    def generate(cls) -> Sm2Key:
        public, private = _gmssl().sm2_key_generate()
        return cls(private, public)

    @classmethod
    def from_pem(cls, text: str) -> Sm2Key:
        """A PKCS#8 key written by :meth:`to_pem` (or by ``openssl genpkey -algorithm
        SM2``); ValueError for anything else, another curve's key included."""
        _type, _headers, der = pem.unarmor(text.encode())
        info = keys.PrivateKeyInfo.load(der)
        if info.curve != ("named", "sm2p256v1"):
            raise ValueError("not an SM2 private key")
        inner = info["private_key"].parsed
        point = inner["public_key"].native
        if not point:
            raise ValueError("SM2 private key without its public point")
        return cls(inner["private_key"].contents.rjust(32, b"\0"), bytes(point)[1:])

    def to_pem(self) -> str:
        inner = keys.ECPrivateKey(
            {
                "version": "ecPrivkeyVer1",
                "private_key": int.from_bytes(self.private, "big"),
                "public_key": b"\x04" + self.public,
            }
        )
        info = keys.PrivateKeyInfo(
            {"version": 0, "private_key_algorithm": {"algorithm": "ec", "parameters": _CURVE}, "private_key": inner}
        )
        return pem.armor("PRIVATE KEY", info.dump()).decode()

    def public_key_info(self) -> bytes:
        """The SubjectPublicKeyInfo (DER) a certificate or request carries."""
        return public_key_info(self.public)

    def sign(self, data: bytes) -> bytes:
        """An SM3withSM2 signature (DER r, s) over ``data``: SM3 of the signer's
        Z-value and ``data``, signed. The same signature GmSSL's ``sm2_sign``
        makes, which took 3.5 ms against 0.4 ms for this digest form (a
        practice renewal in a fresh home signs twelve times)."""
        gmssl = _gmssl()
        digest = gmssl.sm3_hash(gmssl.sm3_hash(_Z_PREFIX + self.public) + data)
        return bytes(gmssl.sm2_sign_sm3_digest(self.private, digest))

    def decrypt(self, ciphertext: bytes) -> bytes:
        """What :func:`encrypt` sealed for this key; ValueError for anything else."""
        gmssl = _gmssl()
        try:
            with _gmssl_quiet():
                return bytes(gmssl.sm2_decrypt(self.private, ciphertext))
        except gmssl.GmsslInnerError:
            raise ValueError("not SM2 ciphertext for this key") from None


def public_key_info(point: bytes) -> bytes:
    """The SubjectPublicKeyInfo of an SM2 public point (x then y, with or without the 04 prefix)."""
    spki = keys.PublicKeyInfo(
        {"algorithm": {"algorithm": "ec", "parameters": _CURVE}, "public_key": b"\x04" + point[-64:]}
    )
    return spki.dump()


def encrypt(point: bytes, plaintext: bytes) -> bytes:
    """SM2 public-key encryption of up to 255 bytes to the key of ``point``
    (x then y): DER ``SEQUENCE {x, y, hash, ciphertext}`` (C1C3C2, GM/T 0009)."""
    return bytes(_gmssl().sm2_encrypt(point[-64:], plaintext))


def on_curve(point: bytes) -> bool:
    """True when ``point`` (x then y) is a point of SM2's curve."""
    gmssl = _gmssl()
    try:
        with _gmssl_quiet():
            gmssl.normalize_sm2_public_key(point)
    except gmssl.InvalidValueError:
        return False
    return True


def is_sm2_key(public_key_info_der: bytes) -> bool:
    return key_algorithm(keys.PublicKeyInfo.load(public_key_info_der)) == "SM2"


def verify(public_key_info_der: bytes, data: bytes, signature: bytes) -> bool:
    """True when ``signature`` is an SM3withSM2 signature over ``data`` by the
    SM2 key of ``public_key_info_der``.

    A key or signature that is not well formed is "does not verify", never an error."""
    gmssl = _gmssl()
    try:
        if not is_sm2_key(public_key_info_der):
            return False
        point = keys.PublicKeyInfo.load(public_key_info_der)["public_key"].native
        with _gmssl_quiet():
            public = gmssl.normalize_sm2_public_key(bytes(point))
            return bool(gmssl.sm2_verify(public, data, signature, gmssl.SM2_DEFAULT_SIGNER_ID))
    except (gmssl.GmsslInnerError, ValueError, TypeError):
        return False
