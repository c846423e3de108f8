"""The practice key: a software Ukey kept in one file in the user's data dir.

It behaves like the red BJCA key where a user can tell: a PIN (default
111111, guide 2.2 ③) locked after 10 wrong tries, an administrator PIN to
unlock it (the operator's side of guide 3.6), containers holding an SM2
signing key pair and certificate and an SM2 encryption certificate with its
key (双证), the latter arriving in an envelope only the signing key opens.
Every change is a locked read-modify-write of the file, written to a
temporary file and renamed over the old one, so a killed process leaves
either the old state or the new one.

The PIN is stored only as a salted PBKDF2 hash, as a real key keeps only a
PIN verifier. A PIN the user chose is stretched (60,000 rounds); the two a
key is made with are public (111111 is printed in the guide, the
administrator PIN is the practice operator's), so their hashes are not:
stretching them protected nothing and cost every new practice key and its
first login a tenth of a second.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ukey_renew import atomic
from ukey_renew.certs import load_certificate, public_key_bits
from ukey_renew.errors import (
    CertificateKeyMismatch,
    EnvelopeNotOpened,
    LoginRequired,
    NoSuchContainer,
    PinIncorrect,
    PinLocked,
    PracticeKeyBroken,
    PracticeKeyMissing,
    PracticeKeyOutdated,
    TokenNotPresent,
    TokenWriteFailed,
)
from ukey_renew.lockfile import LockFile
from ukey_renew.paths import private_dir
from ukey_renew.rules import check_new_pin
from ukey_renew.token.base import (
    EncryptionPair,
    PinStatus,
    TokenCertificate,
    TokenInfo,
    install_two_phase,
)
from ukey_renew.token.csr import build_csr

if TYPE_CHECKING:
    from ukey_renew.sm2 import Sm2Key

FILE_NAME = "practice-key.json"
VERSION = 2  # 1: EC P-256 keys, no encryption certificate
MAX_PIN_RETRIES = 10
DEFAULT_PIN = "111111"  # guide 2.2 ③
_PBKDF2_ROUNDS = 60_000  # for a PIN the user chose
_PUBLIC_ROUNDS = 1  # for the PINs a key is made with

State = dict[str, Any]


def default_path(data_dir: Path) -> Path:
    return data_dir / FILE_NAME


def lock_path(path: Path) -> Path:
    """The lock every change of the key file at ``path`` holds."""
    return path.with_name(path.name + ".lock")


def _verifier(pin: str, salt: bytes | None = None, rounds: int = _PBKDF2_ROUNDS) -> dict[str, Any]:
    salt = salt or secrets.token_bytes(16)
    digest = hashlib.pbkdf2_hmac("sha256", pin.encode(), salt, rounds)
    return {"salt": salt.hex(), "hash": digest.hex(), "rounds": rounds}


def _matches(pin: str, verifier: dict[str, Any]) -> bool:
    """Against a verifier of any age: one written before verifiers named their rounds had 60,000."""
    rounds = verifier.get("rounds", _PBKDF2_ROUNDS)
    expected = _verifier(pin, bytes.fromhex(verifier["salt"]), rounds)["hash"]
    return hmac.compare_digest(expected, verifier["hash"])


# The key pair code loads only when a key is made or used: reading what the key
# holds (every start of the wizard) needs none of it.
def _private_key(pem: str) -> Sm2Key:
    from ukey_renew.sm2 import Sm2Key

    try:
        return Sm2Key.from_pem(pem)
    except (ValueError, TypeError, KeyError):  # asn1crypto parses lazily: any of these means malformed
        raise PracticeKeyBroken(detail="a key is not an SM2 private key") from None


def _new_key_pem() -> str:
    from ukey_renew.sm2 import Sm2Key

    return Sm2Key.generate().to_pem()


def _opened(key_pem: str, pair: EncryptionPair) -> str:
    """The encryption key out of its envelope, opened with the signing key
    ``key_pem``; refused, like BJCA's ImportEncCert, when it does not open or
    is not the certificate's key."""
    from ukey_renew.envelope import EnvelopeError, open_envelope

    try:
        key = open_envelope(pair.envelope, _private_key(key_pem))
    except EnvelopeError as exc:
        raise EnvelopeNotOpened(detail=f"envelope: {exc}") from None
    if load_certificate(pair.cert_der).public_key != public_key_bits(key.public_key_info()):
        raise CertificateKeyMismatch(detail="encryption certificate is not for the enveloped key")
    return key.to_pem()


_FIELDS: dict[str, type] = {
    "version": int,
    "label": str,
    "serial": str,
    "pin": dict,
    "retries_left": int,
    "admin_pin": dict,
    "containers": dict,
}
_BOX_FIELDS = (
    *("key", "cert", "enc_key", "enc_cert"),
    *("pending_key", "pending_cert", "pending_enc_key", "pending_enc_cert"),
)


def _problem(state: object) -> str | None:
    """What is wrong with a key file as this program writes it, or None.
    A file cut short, edited by hand or from elsewhere is refused whole,
    never half used (a PIN counter read as text would never lock)."""
    if not isinstance(state, dict):
        return f"not an object but {type(state).__name__}"
    for name, kind in _FIELDS.items():
        value = state.get(name)
        if not isinstance(value, kind) or isinstance(value, bool):
            return f"{name}: not {kind.__name__}"
    if state["version"] != VERSION or not 0 <= state["retries_left"] <= MAX_PIN_RETRIES:
        return "version or retries_left out of range"
    for name in ("pin", "admin_pin"):
        if not all(_is_hex(state[name].get(part)) for part in ("salt", "hash")):
            return f"{name}: not a PIN verifier"
        rounds = state[name].get("rounds", _PBKDF2_ROUNDS)
        if not isinstance(rounds, int) or isinstance(rounds, bool) or not 0 < rounds <= _PBKDF2_ROUNDS:
            return f"{name}: rounds out of range"
    for container, box in state["containers"].items():
        if not isinstance(box, dict) or any(not isinstance(box.get(f, ""), str) for f in _BOX_FIELDS):
            return f"container {container}: malformed"
        for field in ("cert", "enc_cert", "pending_cert", "pending_enc_cert"):
            try:
                base64.b64decode(box.get(field, ""), validate=True)
            except ValueError:
                return f"container {container}: {field} not base64"
    return None


def _is_hex(value: object) -> bool:
    if not isinstance(value, str) or not value:
        return False
    try:
        bytes.fromhex(value)
    except ValueError:
        return False
    return True


class PracticeToken:
    """One practice key file; login state lives in this object, like a session."""

    backend = "practice"

    def __init__(self, path: Path, *, durable: bool = True) -> None:
        """``durable=False``: a key being made in a file of its own, each change
        left unsynced; its maker flushes it to disk once, whole (casim/provision.py)."""
        self.path = path
        self._durable = durable
        self._lock = LockFile(lock_path(path))
        self._logged_in = False
        if not path.is_file():
            raise PracticeKeyMissing(detail=str(path))

    # --- creating and administering --------------------------------------

    @classmethod
    def provision(
        cls,
        path: Path,
        *,
        serial: str,
        label: str = "BJCA 练习 Ukey",
        pin: str = DEFAULT_PIN,
        admin_pin: str,
        durable: bool = True,
    ) -> PracticeToken:
        """Create (or wipe and recreate) an empty practice key."""
        private_dir(path.parent)
        state: State = {
            "version": VERSION,
            "label": label,
            "serial": serial,
            "pin": _verifier(pin, rounds=_PUBLIC_ROUNDS),
            "retries_left": MAX_PIN_RETRIES,
            "admin_pin": _verifier(admin_pin, rounds=_PUBLIC_ROUNDS),
            "containers": {},
        }
        with LockFile(lock_path(path)):
            atomic.write_json(path, state, durable=durable)
        return cls(path, durable=durable)

    def unlock(self, admin_pin: str, new_pin: str) -> None:
        """The administrator's reset of a forgotten or locked PIN (guide 3.6)."""
        check_new_pin(new_pin)
        with self._edit() as state:
            if not _matches(admin_pin, state["admin_pin"]):
                raise PinIncorrect(None)
            state["pin"] = _verifier(new_pin)
            state["retries_left"] = MAX_PIN_RETRIES

    # --- Token protocol ------------------------------------------------

    def info(self) -> TokenInfo:
        state = self._read()
        return TokenInfo(
            backend=self.backend,
            label=state["label"],
            serial=state["serial"],
            manufacturer="ukey-renew",
            model="练习 Ukey（软件）",
        )

    def pin_status(self) -> PinStatus:
        left = self._read()["retries_left"]
        return PinStatus(
            retries_left=left,
            locked=left == 0,
            count_low=0 < left < MAX_PIN_RETRIES,
            final_try=left == 1,
        )

    def certificates(self) -> list[TokenCertificate]:
        state = self._read()
        return [
            TokenCertificate(
                id=f"{name}/{state['serial']}",
                container=name,
                der=base64.b64decode(box["cert"]),
                enc_der=base64.b64decode(box["enc_cert"]) if box.get("enc_cert") else None,
            )
            for name, box in state["containers"].items()
            if box.get("cert")
        ]

    def login(self, pin: str) -> None:
        with self._edit() as state:
            if state["retries_left"] == 0:
                raise PinLocked()
            if _matches(pin, state["pin"]):
                state["retries_left"] = MAX_PIN_RETRIES
                self._logged_in = True
                return
            state["retries_left"] -= 1
            left = state["retries_left"]
        self._logged_in = False
        raise PinLocked() if left == 0 else PinIncorrect(left)

    def logout(self) -> None:
        self._logged_in = False

    def change_pin(self, old: str, new: str) -> None:
        check_new_pin(new)
        self.login(old)
        with self._edit() as state:
            state["pin"] = _verifier(new)

    def sign(self, container: str, data: bytes) -> bytes:
        box = self._container(self._read(), container)
        self._require_login()
        return _private_key(box["key"]).sign(data)

    def generate_key_pair(self, container: str) -> bytes:
        self._require_login()
        pem = _new_key_pem()
        with self._edit() as state:
            box = state["containers"].setdefault(container, {})
            box["pending_key"] = pem
            for field in ("pending_cert", "pending_enc_cert", "pending_enc_key"):
                box.pop(field, None)
        return _private_key(pem).public_key_info()

    def create_csr(self, container: str, subject_der: bytes) -> bytes:
        self._require_login()
        pem = self._container(self._read(), container).get("pending_key")
        if not pem:
            raise NoSuchContainer("Ukey 中没有待写入的新密钥。")
        key = _private_key(pem)
        return build_csr(subject_der, key.public_key_info(), "SM2", key.sign)

    def install_certificate(self, container: str, cert_der: bytes, encryption: EncryptionPair | None = None) -> None:
        self._require_login()
        install_two_phase(self, container, cert_der, encryption)

    def close(self) -> None:
        self.logout()

    # --- beyond the protocol: BJCA's container calls ---------------------------

    def import_encryption(self, container: str, pair: EncryptionPair) -> None:
        """The encryption certificate and its key pair, the envelope opened
        with the container's signing key (BJCA's ImportEncCert)."""
        self._require_login()
        key_pem = _opened(self._container(self._read(), container)["key"], pair)
        with self._edit() as state:
            box = self._container(state, container)
            box["enc_cert"] = base64.b64encode(pair.cert_der).decode()
            box["enc_key"] = key_pem

    def delete_container(self, container: str) -> None:
        """Remove a container with all its keys and certificates (BJCA's DeleteContainer)."""
        with self._edit() as state:
            self._container(state, container)
            del state["containers"][container]

    # --- PendingSlots --------------------------------------------------

    def pending_public_key(self, container: str) -> bytes:
        return _private_key(self._pending_key_pem(container)).public_key_info()

    def _pending_key_pem(self, container: str) -> str:
        pem = self._container(self._read(), container).get("pending_key")
        if not pem:
            raise TokenWriteFailed("Ukey 中没有待写入的新密钥，原证书保持不变。")
        return str(pem)

    def write_pending_certificate(self, container: str, cert_der: bytes) -> None:
        with self._edit() as state:
            self._container(state, container)["pending_cert"] = base64.b64encode(cert_der).decode()

    def read_pending_certificate(self, container: str) -> bytes | None:
        text = self._container(self._read(), container).get("pending_cert")
        return base64.b64decode(text) if text else None

    def drop_pending_certificate(self, container: str) -> None:
        with self._edit() as state:
            self._container(state, container).pop("pending_cert", None)

    def promote_pending(self, container: str) -> None:
        with self._edit() as state:
            box = self._container(state, container)
            box["key"] = box.pop("pending_key")
            box["cert"] = box.pop("pending_cert")
            if "pending_enc_cert" in box:
                box["enc_cert"] = box.pop("pending_enc_cert")
                box["enc_key"] = box.pop("pending_enc_key")

    # --- EncryptionSlots ---------------------------------------------------

    def write_pending_encryption(self, container: str, pair: EncryptionPair) -> None:
        key_pem = _opened(self._pending_key_pem(container), pair)
        with self._edit() as state:
            box = self._container(state, container)
            box["pending_enc_cert"] = base64.b64encode(pair.cert_der).decode()
            box["pending_enc_key"] = key_pem

    def read_pending_encryption(self, container: str) -> bytes | None:
        text = self._container(self._read(), container).get("pending_enc_cert")
        return base64.b64decode(text) if text else None

    # --- file handling ---------------------------------------------------

    def _require_login(self) -> None:
        if not self._logged_in:
            raise LoginRequired()

    @staticmethod
    def _container(state: State, container: str) -> dict[str, Any]:
        try:
            box: dict[str, Any] = state["containers"][container]
        except KeyError:
            raise NoSuchContainer(detail=container) from None
        return box

    def _read(self) -> State:
        with self._lock:
            return self._load()

    def _load(self) -> State:
        try:
            state = atomic.read_json(self.path)
        except FileNotFoundError:
            raise TokenNotPresent("练习 Ukey 已被移除。", detail=str(self.path)) from None
        except (ValueError, OSError) as exc:  # cut short, not text, unreadable
            raise PracticeKeyBroken(detail=f"{self.path.name}: {type(exc).__name__}") from None
        if isinstance(state, dict) and state.get("version") == 1:
            raise PracticeKeyOutdated(detail=f"{self.path.name}: version 1")
        problem = _problem(state)
        if problem:
            raise PracticeKeyBroken(detail=f"{self.path.name}: {problem}")
        checked: State = state
        return checked

    @contextmanager
    def _edit(self) -> Iterator[State]:
        """Locked read-modify-write; nothing is written if the body raises or
        changes nothing (a read-only use leaves the file byte-for-byte alone)."""
        with self._lock:
            state = self._load()
            before = json.dumps(state, sort_keys=True)
            yield state
            if json.dumps(state, sort_keys=True) != before:
                atomic.write_json(self.path, state, durable=self._durable)
