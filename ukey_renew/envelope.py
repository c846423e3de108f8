"""The encryption key pair as the CA hands it to the key (双证), in a blob
laid out like GM/T 0016's ENVELOPEDKEYBLOB.

The CA's key management centre makes the encryption key pair; only the key
that asked for the signing certificate may open it. So the private key is
encrypted SM4-ECB with a random session key, and the session key is
SM2-encrypted to the new *signing* key (GM/T 0016's protection key):

    Version 1 | ulSymmAlgID SGD_SM4_ECB | ulBits 256 | cbEncryptedPriKey[64]
    | PubKey: BitLen 256, X[64], Y[64]
    | ECCCipherBlob: X[64], Y[64], HASH[32], CipherLen 16, Cipher[16]

ULONGs little-endian (SKF DLLs on Windows), numbers right-aligned in 64-byte
fields: 388 bytes. BJCA's ImportEncCert wants an envelope of at least 624
bytes of its own making, so this layout is assumed (docs/protocol.md §9,
item 9). SM4-ECB is ``cryptography``'s; gmssl-pyx has no ECB mode.
"""

from __future__ import annotations

import secrets
import struct
from dataclasses import dataclass
from typing import Literal

from asn1crypto import core, keys
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

from ukey_renew import sm2

VERSION = 1
SGD_SM4_ECB = 0x00000401  # GM/T 0006
BITS = 256
SESSION_KEY_SIZE = 16  # an SM4 key: BJCA refuses a session key of other than 128 or 256 bits
_FIELD = 64
_HEAD = struct.Struct("<III")
_FIXED = _HEAD.size + _FIELD + (4 + 2 * _FIELD) + (2 * _FIELD + 32 + 4)
SIZE = _FIXED + SESSION_KEY_SIZE
_ORDER = int("FFFFFFFEFFFFFFFFFFFFFFFFFFFFFFFF7203DF6B21C6052B53BBF40939D54123", 16)

Reason = Literal["short", "session_key", "format", "not_opened"]


class EnvelopeError(ValueError):
    """Why an envelope was refused; ``reason`` picks BJCA's error code in the simulator."""

    def __init__(self, reason: Reason, detail: str) -> None:
        super().__init__(detail)
        self.reason: Reason = reason


@dataclass(frozen=True)
class Envelope:
    encrypted_key: bytes  # 64 bytes: SM4-ECB of the private key, right-aligned
    public: bytes  # the encryption key's point, x then y
    session_key: bytes  # the SM2 ciphertext (DER) of the SM4 key

    def public_key_info(self) -> bytes:
        return sm2.public_key_info(self.public)


def seal(key: sm2.Sm2Key, recipient_spki: bytes) -> bytes:
    """The envelope of ``key`` that only the key of ``recipient_spki`` opens."""
    session = secrets.token_bytes(SESSION_KEY_SIZE)
    encrypted = _sm4(session).encryptor().update(key.private.rjust(_FIELD, b"\0"))
    recipient = _point(recipient_spki)
    # GM/T 0009's SM2 ciphertext: SEQUENCE {x, y, hash, ciphertext}
    sealed = core.Sequence.load(sm2.encrypt(recipient, session))
    x, y, digest, cipher = (sealed[index].native for index in range(4))
    return b"".join(
        [
            _HEAD.pack(VERSION, SGD_SM4_ECB, BITS),
            encrypted,
            struct.pack("<I", BITS),
            _number(key.public[:32]),
            _number(key.public[32:]),
            _number(x.to_bytes(32, "big")),
            _number(y.to_bytes(32, "big")),
            digest,
            struct.pack("<I", len(cipher)),
            cipher,
        ]
    )


def parse(blob: bytes) -> Envelope:
    """The parts of a well-formed envelope; :class:`EnvelopeError` otherwise."""
    if len(blob) < SIZE:
        raise EnvelopeError("short", f"{len(blob)} bytes, at least {SIZE}")
    version, algorithm, bits = _HEAD.unpack_from(blob)
    if (version, algorithm, bits) != (VERSION, SGD_SM4_ECB, BITS):
        raise EnvelopeError("format", f"version {version}, algorithm 0x{algorithm:08X}, {bits} bits")
    fields = _Reader(blob, _HEAD.size)
    encrypted = fields.take(_FIELD)
    if fields.ulong() != BITS:
        raise EnvelopeError("format", "public key is not of 256 bits")
    public = fields.number() + fields.number()
    x, y, digest = fields.number(), fields.number(), fields.take(32)
    length = fields.ulong()
    if length != SESSION_KEY_SIZE:
        raise EnvelopeError("session_key", f"session key of {length * 8} bits")
    cipher = fields.take(length)
    if fields.offset != len(blob):
        raise EnvelopeError("format", f"{len(blob) - fields.offset} bytes after the envelope")
    if not sm2.on_curve(public):
        raise EnvelopeError("format", "public key not on SM2's curve")
    parts = (core.Integer(int.from_bytes(x, "big")), core.Integer(int.from_bytes(y, "big")))
    session = core.Sequence(
        contents=b"".join(part.dump() for part in (*parts, core.OctetString(digest), core.OctetString(cipher)))
    ).dump()
    return Envelope(encrypted_key=encrypted, public=public, session_key=session)


def open_envelope(blob: bytes, recipient: sm2.Sm2Key) -> sm2.Sm2Key:
    """The encryption key pair, opened with the signing key it was sealed to."""
    envelope = parse(blob)
    try:
        session = recipient.decrypt(envelope.session_key)
    except ValueError:
        raise EnvelopeError("not_opened", "session key not sealed to this key") from None
    padded = _sm4(session).decryptor().update(envelope.encrypted_key)
    private = padded[32:]
    if any(padded[:32]) or not 0 < int.from_bytes(private, "big") < _ORDER:
        raise EnvelopeError("not_opened", "private key out of range")
    key = sm2.Sm2Key(private, envelope.public)
    if not sm2.verify(envelope.public_key_info(), b"pair", key.sign(b"pair")):
        raise EnvelopeError("not_opened", "private key does not match the public key")
    return key


class _Reader:
    def __init__(self, blob: bytes, offset: int) -> None:
        self.blob = blob
        self.offset = offset

    def take(self, size: int) -> bytes:
        if self.offset + size > len(self.blob):
            raise EnvelopeError("short", f"cut short at byte {self.offset}")
        part = self.blob[self.offset : self.offset + size]
        self.offset += size
        return part

    def ulong(self) -> int:
        (value,) = struct.unpack("<I", self.take(4))
        return int(value)

    def number(self) -> bytes:
        """A 32-byte number right-aligned in a 64-byte field."""
        field = self.take(_FIELD)
        if any(field[:32]):
            raise EnvelopeError("format", f"number too large at byte {self.offset - _FIELD}")
        return field[32:]


def _number(value: bytes) -> bytes:
    return value.rjust(_FIELD, b"\0")


def _point(spki: bytes) -> bytes:
    if not sm2.is_sm2_key(spki):
        raise EnvelopeError("format", "the recipient is not an SM2 key")
    return bytes(keys.PublicKeyInfo.load(spki)["public_key"].native)[1:]


def _sm4(key: bytes) -> Cipher[modes.ECB]:
    return Cipher(algorithms.SM4(key), modes.ECB())
