"""What every kind of key offers, whichever way we reach it.

Backends (PKCS#11, BJCA's XTXApp service, the practice key) implement
:class:`Token`. Renewal needs a new key pair beside the old one, so each
container can hold a *pending* key and certificate next to the current ones;
:func:`install_two_phase` is the one place that decides when the old pair may
go: only after the new certificate has been written, read back and matched to
the pending key, and, on an SM2 key, the new encryption certificate too.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Protocol, runtime_checkable

from ukey_renew.certs import load_certificate, public_key_bits
from ukey_renew.errors import (
    CertificateError,
    CertificateKeyMismatch,
    TokenWriteFailed,
)


@dataclass(frozen=True)
class TokenInfo:
    backend: str
    label: str
    serial: str
    manufacturer: str
    model: str

    def to_dict(self) -> dict[str, str]:
        return {
            "backend": self.backend,
            "label": self.label,
            "serial": self.serial,
            "manufacturer": self.manufacturer,
            "model": self.model,
        }


@dataclass(frozen=True)
class PinStatus:
    """``retries_left`` is None where the key tells only the flags (PKCS#11)."""

    retries_left: int | None
    locked: bool
    count_low: bool
    final_try: bool = False

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> PinStatus:
        """What ``to_dict`` wrote (the status JSON the command line and the support summary read)."""
        return cls(data["retries_left"], data["locked"], data.get("count_low", False), data.get("final_try", False))

    def to_dict(self) -> dict[str, Any]:
        return {
            "retries_left": self.retries_left,
            "locked": self.locked,
            "count_low": self.count_low,
            "final_try": self.final_try,
        }

    @property
    def tries_left(self) -> int | None:
        """PKCS#11 tells only that the next try is the last: that is one left."""
        return 1 if self.final_try and self.retries_left is None else self.retries_left

    @property
    def state(self) -> str:
        """One of ``PIN_WORDS``' keys: each front end words the same states (the window says what to do too)."""
        left = self.tries_left
        if self.locked:
            return "locked"
        if left is not None:
            return "few" if left <= FEW_TRIES else "left"
        return "low" if self.count_low else "unknown"

    def words(self) -> str:
        return PIN_WORDS[self.state].format(left=self.tries_left)


# Tries left at which a wrong PIN is warned of as a near lock (guide 3.6).
FEW_TRIES = 2
# The PIN state in words, for the command line and the support summary.
PIN_WORDS = {
    "locked": "已锁定（指南 3.6）",
    "few": "只剩 {left} 次机会，输错将锁定（指南 3.6）",
    "left": "正常，还可尝试 {left} 次",
    "low": "曾输错，剩余次数较少",
    "unknown": "正常",
}


@dataclass(frozen=True)
class TokenCertificate:
    """A signing certificate on the key; ``id`` is what the backend calls it
    (for XTXApp the CertID ``container/deviceSN``), ``container`` what we pass
    back. ``enc_der`` is the container's encryption certificate where an SM2
    key holds one beside it (双证): shown, never used to log in; a renewal
    replaces it together with the signing certificate."""

    id: str
    container: str
    der: bytes
    enc_der: bytes | None = None


@dataclass(frozen=True)
class EncryptionPair:
    """A new encryption certificate and its key pair in an envelope sealed
    to the new signing key (:mod:`ukey_renew.envelope`)."""

    cert_der: bytes
    envelope: bytes


class Token(Protocol):
    def info(self) -> TokenInfo: ...

    def pin_status(self) -> PinStatus: ...

    def certificates(self) -> list[TokenCertificate]: ...

    def login(self, pin: str) -> None:
        """One login attempt with exactly this PIN; never retried."""

    def logout(self) -> None: ...

    def change_pin(self, old: str, new: str) -> None: ...

    def unlock(self, admin_pin: str, new_pin: str) -> None:
        """Reset a forgotten or locked PIN with the administrator's answer (guide 3.6)."""

    def sign(self, container: str, data: bytes) -> bytes:
        """Sign with the current key of ``container`` (X.509 signature format)."""

    def generate_key_pair(self, container: str) -> bytes:
        """Make the pending key pair of ``container``; returns its SubjectPublicKeyInfo."""

    def create_csr(self, container: str, subject_der: bytes) -> bytes:
        """A PKCS#10 request for the pending key, signed on the key."""

    def install_certificate(self, container: str, cert_der: bytes, encryption: EncryptionPair | None = None) -> None:
        """Replace the current certificate, and the encryption pair when one is
        given, two-phase (see install_two_phase)."""

    def close(self) -> None: ...


class PendingSlots(Protocol):
    """The storage steps a backend gives :func:`install_two_phase`."""

    def pending_public_key(self, container: str) -> bytes:
        """The pending key's SubjectPublicKeyInfo (DER)."""

    def write_pending_certificate(self, container: str, cert_der: bytes) -> None: ...

    def read_pending_certificate(self, container: str) -> bytes | None: ...

    def drop_pending_certificate(self, container: str) -> None: ...

    def promote_pending(self, container: str) -> None:
        """Delete the current key and certificates, make the pending ones current."""


@runtime_checkable
class EncryptionSlots(Protocol):
    """What a backend whose keys hold encryption certificates (SM2) adds."""

    def write_pending_encryption(self, container: str, pair: EncryptionPair) -> None:
        """Open the envelope with the pending key and put the pair beside it."""

    def read_pending_encryption(self, container: str) -> bytes | None:
        """The encryption certificate beside the pending key."""


def install_two_phase(
    slots: PendingSlots, container: str, cert_der: bytes, encryption: EncryptionPair | None = None
) -> None:
    """Write, read back, verify against the pending key, the same for the
    encryption pair, and only then replace.

    Any failure before :meth:`promote_pending` leaves the old certificates and
    keys untouched, so the user can still log in with the old certificate.
    A pair already written (a resumed install) is not written twice.
    """
    if encryption is not None and not isinstance(slots, EncryptionSlots):
        raise TokenWriteFailed(
            "这种 Ukey 不能保存加密证书，新证书未写入，原证书保持不变。",
            detail="no encryption certificates on this key",
        )
    try:
        new = load_certificate(cert_der)
    except CertificateError as exc:
        raise TokenWriteFailed("新证书格式错误，未写入 Ukey，原证书保持不变。") from exc
    if new.public_key != public_key_bits(slots.pending_public_key(container)):
        raise CertificateKeyMismatch()
    slots.write_pending_certificate(container, new.der)
    if slots.read_pending_certificate(container) != new.der:
        slots.drop_pending_certificate(container)
        raise TokenWriteFailed(detail="read-back differs from what was written")
    if isinstance(slots, EncryptionSlots) and encryption is not None:
        if slots.read_pending_encryption(container) != encryption.cert_der:
            slots.write_pending_encryption(container, encryption)
        if slots.read_pending_encryption(container) != encryption.cert_der:
            raise TokenWriteFailed(detail="encryption certificate read-back differs from what was written")
    slots.promote_pending(container)
