"""Keys reached through a vendor PKCS#11 module (SoftHSM2 in tests).

Binding: python-pkcs11 rather than PyKCS11. It raises one exception class
per CKR_ code (PinIncorrect, PinLocked, DeviceRemoved …), which maps straight
onto our typed errors, and its ``token.open(user_pin=…)`` is exactly one
C_Login, which the "a PIN typed once is tried once" rule needs.

Objects are named by CKA_LABEL: the current key pair and certificate of a
container carry the container's name, the pending ones made during renewal
carry ``<name>#pending`` until :func:`install_two_phase` promotes them.
"""

from __future__ import annotations

import glob
import hashlib
import os
import sys
import threading
import weakref
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

import pkcs11
from asn1crypto import keys, x509
from pkcs11 import Attribute, CertificateType, KeyType, Mechanism, ObjectClass, TokenFlag
from pkcs11 import exceptions as p11
from pkcs11.util.ec import encode_ec_public_key, encode_ecdsa_signature, encode_named_curve_parameters
from pkcs11.util.rsa import encode_rsa_public_key

from ukey_renew import paths, pe
from ukey_renew.errors import (
    LoginRequired,
    ModuleInvalid,
    ModuleNotFound,
    ModuleWrongArchitecture,
    NoSuchContainer,
    PinIncorrect,
    PinLocked,
    TokenError,
    TokenRemoved,
)
from ukey_renew.rules import check_new_pin
from ukey_renew.token.base import (
    EncryptionPair,
    PinStatus,
    TokenCertificate,
    TokenInfo,
    install_two_phase,
)
from ukey_renew.token.csr import build_csr

MODULE_ENV = "UKEY_RENEW_PKCS11_MODULE"
PENDING_SUFFIX = "#pending"

# Tokens handed out per module path, to know whether a session is in use.
_live: dict[str, weakref.WeakSet[Pkcs11Token]] = {}

_REMOVED = (p11.DeviceRemoved, p11.TokenNotPresent, p11.DeviceError, p11.SessionClosed, p11.SessionHandleInvalid)


# One call into PKCS#11 at a time, in this whole process. Loading, listing
# and re-initialising a module while another thread reads or signs through
# it corrupts the driver's heap (seen with SoftHSM2: "double free", then a
# segmentation fault, when the wizard's detection overlapped itself); vendor
# drivers are no more thread-safe. Every call goes through ``_mapped``.
_calls = threading.RLock()


@contextmanager
def _mapped() -> Iterator[None]:
    """One call into the module at a time, with the binding's exceptions turned
    into ours (the CKR_ name kept as detail)."""
    try:
        with _calls:
            yield
    except _REMOVED as exc:
        raise TokenRemoved(detail=type(exc).__name__) from exc
    except p11.PinLocked as exc:
        raise PinLocked() from exc
    except p11.UserNotLoggedIn as exc:
        raise LoginRequired() from exc
    except (p11.NoSuchKey, p11.MultipleObjectsReturned) as exc:
        raise NoSuchContainer(detail=type(exc).__name__) from exc
    except p11.PKCS11Error as exc:
        raise TokenError(detail=type(exc).__name__) from exc


def module_candidates(platform: str = sys.platform) -> list[str]:
    """Module paths from resources/tokens.toml for this platform, globs expanded."""
    table = paths.resource_table("tokens.toml")
    key = "windows" if platform.startswith("win") else "linux"
    found: dict[str, str] = {}  # real path -> first name seen: one module, one entry
    for module in table.get("pkcs11_module", []):
        for pattern in module.get(key, []):
            for path in _matching(os.path.expandvars(pattern)):
                found.setdefault(os.path.realpath(path), path)
    return list(found.values())


_listed: dict[str, tuple[int, list[str]]] = {}  # pattern -> its folder's mtime, and what matched then


def _matching(pattern: str) -> list[str]:
    """The files ``pattern`` matches. The look for keys asks every few
    seconds, and System32 holds thousands of files: a folder named without
    wildcards is listed again only once its modification time changed (a
    file added, removed or renamed there)."""
    folder = os.path.dirname(pattern)
    if any(magic in folder for magic in "*?["):
        return sorted(glob.glob(pattern))
    try:
        changed = os.stat(folder).st_mtime_ns
    except OSError:
        return []
    known = _listed.get(pattern)
    if known is None or known[0] != changed:
        known = _listed[pattern] = (changed, sorted(glob.glob(pattern)))
    return known[1]


def module_paths(module_path: str | None = None) -> list[str]:
    """The module named by option or environment, else the discovered ones."""
    explicit = module_path or os.environ.get(MODULE_ENV)
    return [explicit] if explicit else module_candidates()


def load_module(path: str) -> Any:
    """The module loaded, once its PE header says Windows can load it into this process."""
    if not os.path.isfile(path):
        raise ModuleNotFound(detail=path)
    name = os.path.basename(path)
    try:
        found = pe.machine(path)
    except OSError as exc:
        raise _invalid(name, exc) from exc
    program = pe.interpreter_machine()
    if found is not None and program is not None and found != program:
        raise ModuleWrongArchitecture(name, pe.bits(found), pe.bits(program))
    try:
        return pkcs11.lib(path)
    except p11.PKCS11Error as exc:
        raise _invalid(name, exc) from exc


def _invalid(name: str, exc: Exception) -> ModuleInvalid:
    return ModuleInvalid(f"Ukey 驱动 {name} 无法加载（不是有效的 PKCS#11 模块）。", detail=str(exc))


def _fresh_slots(lib: Any, path: str) -> list[Any]:
    """The module's slots as they are now.

    Some modules (SoftHSM among them) fix their token list at C_Initialize,
    so a key set up since then is seen only after re-initialising; that would
    end every open session, so it is done only while none is in use.
    """
    with _calls:
        if not any(token.in_session for token in _live.get(path, ())):
            lib.reinitialize()
        return list(lib.get_slots(token_present=True))


@dataclass(frozen=True)
class ModuleScan:
    """One module's outcome: its tokens, or why it could not be used."""

    path: str
    tokens: list[Pkcs11Token]
    error: TokenError | None = None


def scan_modules(candidates: list[str]) -> list[ModuleScan]:
    """Every module tried, each outcome kept: one that fails hides no other.

    A driver already loaded from one system folder is not tried again from
    the other: BJCA puts the 64-bit copy in System32 and the 32-bit one, of
    the same name, in SysWOW64.
    """
    scans: list[ModuleScan] = []
    loaded: set[str] = set()
    for path in candidates:
        name = os.path.basename(path).lower()
        if name in loaded:
            continue
        try:
            scans.append(ModuleScan(path, _open_module(path)))
            loaded.add(name)
        except TokenError as exc:
            scans.append(ModuleScan(path, [], exc))
    return scans


def presence(candidates: list[str]) -> list[tuple[str, ...]]:
    """What each module has plugged in, without opening a session on any
    token: the slots holding a token, with the token's serial number and
    label. A module that fails says which error."""
    found: list[tuple[str, ...]] = []
    for path in candidates:
        try:
            with _mapped():
                lib = load_module(path)
                for slot in _fresh_slots(lib, path):
                    token = slot.get_token()
                    found.append((path, str(slot.slot_id), _text(token.serial), _text(token.label)))
        except (TokenError, p11.PKCS11Error) as exc:
            found.append((path, getattr(exc, "id", type(exc).__name__)))
    return found


def open_tokens(module_path: str | None = None) -> list[Pkcs11Token]:
    """Every initialised token of the configured module, or of the discovered ones.

    When none is found, the first module that failed says why.
    """
    scans = scan_modules(module_paths(module_path))
    tokens = [token for scan in scans for token in scan.tokens]
    failed = [scan.error for scan in scans if scan.error is not None]
    if failed and not tokens:
        raise failed[0]
    return tokens


def _open_module(path: str) -> list[Pkcs11Token]:
    tokens = []
    with _mapped():
        lib = load_module(path)
        for slot in _fresh_slots(lib, path):
            if TokenFlag(slot.get_token().flags) & TokenFlag.TOKEN_INITIALIZED:
                token = Pkcs11Token(slot, path)
                _live.setdefault(path, weakref.WeakSet()).add(token)
                tokens.append(token)
    return tokens


class Pkcs11Token:
    backend = "pkcs11"

    def __init__(self, slot: Any, module_path: str) -> None:
        self._slot = slot
        self.module_path = module_path
        self._session: Any = None
        self._logged_in = False

    @property
    def in_session(self) -> bool:
        return self._session is not None

    # --- reading --------------------------------------------------------

    def _token(self) -> Any:
        """A fresh C_GetTokenInfo (the PIN flags change); when that fails the key
        has gone from its slot, whatever code the module chose to say so."""
        try:
            with _calls:
                return self._slot.get_token()
        except p11.PKCS11Error as exc:
            raise TokenRemoved(detail=type(exc).__name__) from exc

    def info(self) -> TokenInfo:
        token = self._token()
        return TokenInfo(
            backend=self.backend,
            label=token.label.strip(),
            serial=_text(token.serial),
            manufacturer=_text(token.manufacturer_id),
            model=_text(token.model),
        )

    def pin_status(self) -> PinStatus:
        flags = TokenFlag(self._token().flags)
        locked = bool(flags & TokenFlag.USER_PIN_LOCKED)
        final = bool(flags & TokenFlag.USER_PIN_FINAL_TRY)
        # PKCS#11 tells only these flags, not a count.
        retries = 0 if locked else 1 if final else None
        return PinStatus(
            retries_left=retries,
            locked=locked,
            count_low=bool(flags & TokenFlag.USER_PIN_COUNT_LOW),
            final_try=final,
        )

    def certificates(self) -> list[TokenCertificate]:
        """Read through the logged-in session, or a short one of its own, so
        that merely looking at a key keeps no session open."""
        with _mapped(), self._reading_session() as session:
            found = []
            for obj in session.get_objects({Attribute.CLASS: ObjectClass.CERTIFICATE}):
                label = obj[Attribute.LABEL] or obj[Attribute.ID].hex()
                if not label.endswith(PENDING_SUFFIX):
                    found.append(TokenCertificate(id=label, container=label, der=bytes(obj[Attribute.VALUE])))
            return found

    # --- PIN ------------------------------------------------------------

    def login(self, pin: str) -> None:
        self.logout()
        token = self._token()
        with _mapped():
            try:
                self._session = token.open(rw=True, user_pin=pin)
            except p11.PinIncorrect:
                status = self.pin_status()
                raise PinLocked() if status.locked else PinIncorrect(status.retries_left) from None
        self._logged_in = True

    def logout(self) -> None:
        if self._session is not None:
            try:
                with _calls:
                    self._session.close()
            except p11.PKCS11Error:
                pass  # the key may be gone already; the session is gone with it
        self._session = None
        self._logged_in = False

    def change_pin(self, old: str, new: str) -> None:
        check_new_pin(new)
        self.login(old)
        with _mapped():
            self._session.set_pin(old, new)

    def unlock(self, admin_pin: str, new_pin: str) -> None:
        """C_Login as security officer, then C_InitPIN: the PKCS#11 unlock."""
        check_new_pin(new_pin)
        self.logout()
        token = self._token()
        with _mapped():
            try:
                session = token.open(rw=True, so_pin=admin_pin)
            except p11.PinIncorrect:
                raise PinIncorrect(None) from None
            try:
                session.init_pin(new_pin)
            finally:
                session.close()

    # --- keys and certificates --------------------------------------------

    def sign(self, container: str, data: bytes) -> bytes:
        with _mapped():
            return _sign(self._private_key(container), data)

    def generate_key_pair(self, container: str) -> bytes:
        with _mapped():
            session = self._login_session()
            self._destroy(container + PENDING_SUFFIX)
            params = session.create_domain_parameters(
                KeyType.EC, {Attribute.EC_PARAMS: encode_named_curve_parameters("secp256r1")}, local=True
            )
            label = container + PENDING_SUFFIX
            public, _private = params.generate_keypair(store=True, label=label, id=container.encode())
            return bytes(encode_ec_public_key(public))

    def create_csr(self, container: str, subject_der: bytes) -> bytes:
        with _mapped():
            pending = self._private_key(container + PENDING_SUFFIX)
            public = self._public_key(container + PENDING_SUFFIX)
            return build_csr(
                subject_der, _public_key_info(public), _algorithm(public), lambda data: _sign(pending, data)
            )

    def install_certificate(self, container: str, cert_der: bytes, encryption: EncryptionPair | None = None) -> None:
        """``encryption`` is refused: these keys (RSA, EC) hold no encryption certificate."""
        self._login_session()
        install_two_phase(self, container, cert_der, encryption)

    def close(self) -> None:
        self.logout()

    # --- PendingSlots --------------------------------------------------

    def pending_public_key(self, container: str) -> bytes:
        with _mapped():
            return _public_key_info(self._public_key(container + PENDING_SUFFIX))

    def write_pending_certificate(self, container: str, cert_der: bytes) -> None:
        tbs = x509.Certificate.load(cert_der)["tbs_certificate"]
        self.drop_pending_certificate(container)  # a retry replaces, never adds
        with _mapped():
            self._login_session().create_object(
                {
                    Attribute.CLASS: ObjectClass.CERTIFICATE,
                    Attribute.CERTIFICATE_TYPE: CertificateType.X_509,
                    Attribute.TOKEN: True,
                    Attribute.PRIVATE: False,
                    Attribute.LABEL: container + PENDING_SUFFIX,
                    Attribute.ID: container.encode(),
                    Attribute.VALUE: cert_der,
                    Attribute.SUBJECT: tbs["subject"].dump(),  # required for X.509 objects
                    Attribute.ISSUER: tbs["issuer"].dump(),
                    Attribute.SERIAL_NUMBER: tbs["serial_number"].dump(),
                }
            )

    def read_pending_certificate(self, container: str) -> bytes | None:
        with _mapped():
            objects = self._objects(container + PENDING_SUFFIX, ObjectClass.CERTIFICATE)
            return bytes(objects[0][Attribute.VALUE]) if objects else None

    def drop_pending_certificate(self, container: str) -> None:
        with _mapped():
            for obj in self._objects(container + PENDING_SUFFIX, ObjectClass.CERTIFICATE):
                obj.destroy()

    def promote_pending(self, container: str) -> None:
        with _mapped():
            self._destroy(container)
            for obj in self._objects(container + PENDING_SUFFIX):
                obj[Attribute.LABEL] = container

    # --- helpers -------------------------------------------------------

    @contextmanager
    def _reading_session(self) -> Iterator[Any]:
        if self._session is not None:
            yield self._session
            return
        session = self._token().open()
        try:
            yield session
        finally:
            session.close()

    def _login_session(self) -> Any:
        if not self._logged_in:
            raise LoginRequired()
        return self._session

    def _objects(self, label: str, object_class: ObjectClass | None = None) -> list[Any]:
        template: dict[Attribute, Any] = {Attribute.LABEL: label}
        if object_class is not None:
            template[Attribute.CLASS] = object_class
        return list(self._login_session().get_objects(template))

    def _destroy(self, label: str) -> None:
        for obj in self._objects(label):
            obj.destroy()

    def _private_key(self, label: str) -> Any:
        return self._login_session().get_key(object_class=ObjectClass.PRIVATE_KEY, label=label)

    def _public_key(self, label: str) -> Any:
        return self._login_session().get_key(object_class=ObjectClass.PUBLIC_KEY, label=label)


def _text(value: str | bytes) -> str:
    if isinstance(value, bytes):
        value = value.decode("ascii", errors="replace")
    return value.strip()


def _algorithm(key: Any) -> str:
    return "RSA" if key.key_type == KeyType.RSA else "EC"


def _public_key_info(public: Any) -> bytes:
    if public.key_type == KeyType.RSA:
        rsa = keys.RSAPublicKey.load(encode_rsa_public_key(public))
        return keys.PublicKeyInfo.wrap(rsa, "rsa").dump()
    return bytes(encode_ec_public_key(public))


def _sign(private: Any, data: bytes) -> bytes:
    if private.key_type == KeyType.RSA:
        return bytes(private.sign(data, mechanism=Mechanism.SHA256_RSA_PKCS))
    # Plain CKM_ECDSA over our own SHA-256: modules that lack CKM_ECDSA_SHA256
    # (SoftHSM 2.6 among them) all have this one.
    digest = hashlib.sha256(data).digest()
    return bytes(encode_ecdsa_signature(private.sign(digest, mechanism=Mechanism.ECDSA)))
