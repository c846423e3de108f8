"""BJCA's XTXApp local service: the key as BJCA's own web pages see it.

The certificate environment of guide 3.2 runs a service on 127.0.0.1
(DESIGN.md §3). Its answers are read the way BJCA's 2021 page script reads
them (:mod:`ukey_renew.token.xtxapp_link`); a failed call answers its type's
failure value (``""``, false, a negative number), and the reason is then
asked of ``SOF_GetLastError`` / ``SOF_GetLastErrMsg`` and kept, in BJCA's
own Chinese words, in a typed error.

The DLL behind the service may show its own PIN dialog or progress box and
block meanwhile, so answers get a long deadline and a slow one is reported
as "look for BJCA's window" (:class:`ServiceSlow`), not as a dead service.

Renewal follows BJCA's container model: a key pair can only be made in a
container that does not exist yet, so the new pair goes into a *successor*
container (``name_R2``, ``name_R3``…), its certificate is imported there,
read back, and only then the old container is deleted. Certificates are
therefore reported under a *handle* (the container name without the
successor suffix) that stays the same across renewals. An SM2 key's
encryption certificate goes into the successor with ImportEncCert, after
the signing certificate and before the old container is deleted, as BJCA's
renewal does. Everything assumed
here is listed in docs/protocol.md ("XTXApp: assumed, not known").
"""

from __future__ import annotations

import base64
import binascii
import logging
import re
import threading
from collections.abc import Callable
from typing import Any

from asn1crypto import x509

from ukey_renew.errors import (
    CertificateKeyMismatch,
    EntrySkipped,
    EnvelopeRefused,
    LoginRequired,
    PinIncorrect,
    PinLocked,
    ServiceBadAnswer,
    ServiceRefused,
    ServiceUnavailable,
    TokenError,
    TokenRemoved,
    UkeyError,
)
from ukey_renew.rules import check_new_pin
from ukey_renew.token.base import EncryptionPair, PinStatus, TokenCertificate, TokenInfo, install_two_phase
from ukey_renew.token.xtxapp_link import FAILURE, Kind, decode, open_link
from ukey_renew.xtxapp_protocol import KEY_TYPE_RSA, KEY_TYPE_SM2, dn_string

log = logging.getLogger(__name__)

DEFAULT_URL = "http://127.0.0.1:21051/synctl"
CLSID = "3F367B74-92D9-4C5E-AB93-234F8A91D5E6"
ANSWER_TIMEOUT = 30.0  # its PIN dialog or "正在读取证书" box blocks the answer for seconds
KEYGEN_TIMEOUT = 120.0  # RSA key generation takes 30–90 s
_SUCCESSOR = re.compile(r"(?P<base>.+)_R(?P<n>[0-9]+)")
# BJCA's codes (errorinfo.json) that have a typed error of their own.
_DEVICE_REMOVED = 0x0A000023
_PIN_LOCKED = 0x0A000025
_NOT_LOGGED_IN = (0x0A00002D, 0x0B000045)
_CERT_KEY_MISMATCH = 0x0B0000A9
# ImportEncCert's refusals of the envelope: short, session key of another size, not opened.
_ENVELOPE_REFUSED = (0x0B0000AC, 0x0B0000AD, 0x0B0000AF)


def push_url(url: str) -> str:
    """Where the service pushes key changes: its WebSocket on the same port
    as its HTTP calls (``http://…:21051/synctl`` → ``ws://…:21051/xtxapp/``)."""
    if url.startswith(("ws://", "wss://")):
        return url
    scheme, _, rest = url.partition("://")
    return f"{'wss' if scheme == 'https' else 'ws'}://{rest.split('/', 1)[0]}/xtxapp/"


class XTXAppClient:
    """One call per method; the service's session travels in ``token``. A
    ``ws://`` URL speaks BJCA's WebSocket (the only transport of services
    before 3.4.1, and the one that pushes key insert/remove), else HTTP."""

    def __init__(self, url: str = DEFAULT_URL, timeout: float = ANSWER_TIMEOUT, page_url: str = "") -> None:
        self.url = url
        self.timeout = timeout
        self.page_url = page_url
        self._token = ""
        self._link = open_link(url)

    def call(self, func: str, *params: Any, kind: Kind = "string", timeout: float | None = None) -> Any:
        """The decoded answer, or the failure value of ``kind``."""
        body: dict[str, Any] = {"url": self.page_url, "clsid": CLSID, "func": func, "param": list(params)}
        if self._token:
            body["token"] = self._token
        data = self._link.exchange(body, timeout or self.timeout)
        if data is None:  # a status other than 200
            if func == "SOF_Login":
                self._token = ""
            return FAILURE[kind]
        if isinstance(data.get("token"), str) and data["token"]:
            self._token = data["token"]
        value = decode(func, data, kind)
        if (func == "SOF_Login" and not value) or func == "SOF_Logout":
            self._token = ""
        return value

    def wait_for_change(self, timeout: float) -> bool:
        """True when the service pushed ``onUsbkeyChange`` (a key plugged in
        or pulled out) within ``timeout`` seconds; over HTTP nothing is pushed."""
        return self._link.wait_for_change(timeout)

    def close(self) -> None:
        self._link.close()

    def text(self, func: str, *params: Any, timeout: float | None = None) -> str:
        """A text answer; ``""`` (the DLL's failure) raises BJCA's reason."""
        value = self.call(func, *params, timeout=timeout)
        if value == "":
            raise self.failure(func)
        return str(value)

    def flag(self, func: str, *params: Any, timeout: float | None = None) -> bool:
        return bool(self.call(func, *params, kind="bool", timeout=timeout))

    def require(self, func: str, *params: Any, timeout: float | None = None) -> None:
        """A call answering true on success; false raises BJCA's reason."""
        if not self.flag(func, *params, timeout=timeout):
            raise self.failure(func)

    def number(self, func: str, *params: Any) -> int:
        return int(self.call(func, *params, kind="number"))

    def binary(self, func: str, *params: Any) -> bytes:
        return decode_base64(func, self.text(func, *params))

    def failure(self, func: str) -> TokenError:
        """Why ``func`` just failed, as BJCA's service tells it."""
        try:
            code = self.number("SOF_GetLastError")
            message = str(self.call("SOF_GetLastErrMsg"))
        except ServiceBadAnswer:  # a service without these two: the failure alone is known
            code, message = 0, ""
        detail = f"{func}: 0x{code & 0xFFFFFFFF:08X} {message.strip()}"
        if code == _DEVICE_REMOVED:
            return TokenRemoved(detail=detail)
        if code == _PIN_LOCKED:
            return PinLocked()
        if code in _NOT_LOGGED_IN:
            return LoginRequired(detail=detail)
        if code == _CERT_KEY_MISMATCH:
            return CertificateKeyMismatch(detail=detail)
        if code in _ENVELOPE_REFUSED:
            return EnvelopeRefused(func, code & 0xFFFFFFFF, message)
        return ServiceRefused(func, code & 0xFFFFFFFF, message)

    def logged_out(self) -> None:
        """Forget the session token (the service ended it)."""
        self._token = ""


def decode_base64(func: str, text: str) -> bytes:
    """Bare, wrapped in lines, or PEM with its BEGIN/END lines."""
    body = "".join(line for line in text.splitlines() if not line.startswith("-----"))
    try:
        return base64.b64decode("".join(body.split()), validate=True)
    except (binascii.Error, ValueError):
        raise ServiceBadAnswer(detail=f"{func}: not base64") from None


# --- the user list -----------------------------------------------------------


def scan(client: XTXAppClient) -> tuple[list[XTXAppToken], list[UkeyError]]:
    """One token per device with at least one certificate that can be read,
    and one problem per entry of the user list that cannot be used."""
    entries, problems = usable_entries(client)
    devices: dict[str, str] = {}
    for name, cert_id, _der in entries:
        devices.setdefault(cert_id.rsplit("/", 1)[1], name)
    return [XTXAppToken(client, serial, label, listed=entries) for serial, label in devices.items()], problems


def usable_entries(client: XTXAppClient) -> tuple[list[tuple[str, str, bytes]], list[UkeyError]]:
    """[(name, CertID, certificate)] from ``name||CertID&&&…``: an entry with
    no ``||`` or no ``/``, or whose certificate cannot be exported (the
    service's cache still lists a key that was pulled out), is skipped."""
    usable: list[tuple[str, str, bytes]] = []
    problems: list[UkeyError] = []
    for entry in str(client.call("SOF_GetUserList")).split("&&&"):  # "": no key plugged in
        if not entry:
            continue
        name, sep, cert_id = entry.partition("||")
        if not sep or "/" not in cert_id:
            problems.append(EntrySkipped(entry[:60], detail="SOF_GetUserList: entry without name||container/device"))
            continue
        try:
            der = client.binary("SOF_ExportUserCert", cert_id)
        except (ServiceUnavailable, ServiceBadAnswer):
            raise
        except TokenError as exc:
            problems.append(EntrySkipped(name or cert_id, detail=f"{cert_id}: {exc.detail or exc.id}"))
            continue
        usable.append((name, cert_id, der))
    return usable, problems


# --- one key -------------------------------------------------------------------


def handle(container: str) -> str:
    """The container's name without our successor suffix: what stays when a renewal moves the key."""
    match = _SUCCESSOR.fullmatch(container)
    return match["base"] if match else container


def _generation(container: str) -> int:
    match = _SUCCESSOR.fullmatch(container)
    return int(match["n"]) if match else 1


def successor(container: str) -> str:
    """The container a renewal makes next to ``container``."""
    return f"{handle(container)}_R{_generation(container) + 1}"


class XTXAppToken:
    backend = "xtxapp"

    def __init__(
        self, client: XTXAppClient, device_sn: str, label: str, listed: list[tuple[str, str, bytes]] | None = None
    ) -> None:
        self.client = client
        self.device_sn = device_sn
        self.label = label
        # What the scan that found this key read a moment ago: the first look
        # uses it rather than asking the service (whose listing can take
        # seconds behind its progress box) for the same list again.
        self._listed = listed
        self._logged_in: str | None = None  # the CertID logged in with

    # --- which container is which --------------------------------------

    def _current(self) -> dict[str, tuple[str, bytes]]:
        """handle → (container, certificate) of the current certificates on
        this key: of two containers with one handle (a renewal stopped before
        the old one was deleted) the older is still the current one."""
        found: dict[str, tuple[str, bytes]] = {}
        if self._listed is not None:
            entries, self._listed = self._listed, None
        else:
            entries, problems = usable_entries(self.client)
            for exc in problems:
                log.info("xtxapp: %s (%s)", exc.message, exc.detail)
        for _name, cert_id, der in entries:
            container, _, serial = cert_id.rpartition("/")
            if serial != self.device_sn:
                continue
            known = found.get(handle(container))
            if known is None or _generation(container) < _generation(known[0]):
                found[handle(container)] = (container, der)
        return found

    def _entry(self, name: str) -> tuple[str, bytes]:
        current = self._current()
        if name not in current:
            raise self._removed_or(TokenError("Ukey 中找不到原来的证书。", detail=f"no container {name}"))
        return current[name]

    def _container(self, name: str) -> str:
        return self._entry(name)[0]

    def _cert_id(self, name: str) -> str:
        return f"{self._container(name)}/{self.device_sn}"

    def _any_cert_id(self) -> str:
        current = self._current()
        if not current:
            raise TokenRemoved(detail=f"device {self.device_sn} no longer listed")
        container, _der = next(iter(current.values()))
        return f"{container}/{self.device_sn}"

    def _removed_or(self, error: TokenError) -> TokenError:
        """A key that no longer lists a readable certificate was pulled out, whatever the code said."""
        if isinstance(error, TokenRemoved) or self._current():
            return error
        return TokenRemoved(detail=error.detail)

    # --- the Token protocol ----------------------------------------------------

    def info(self) -> TokenInfo:
        return TokenInfo(
            backend=self.backend, label=self.label, serial=self.device_sn, manufacturer="BJCA", model="XTXApp"
        )

    def pin_status(self) -> PinStatus:
        cert_id = self._any_cert_id()
        left = self.client.number("SOF_GetPinRetryCount", cert_id)
        if left < 0:  # BJCA's error answers: −8 for a CertID it cannot use
            raise self._removed_or(self.client.failure("SOF_GetPinRetryCount"))
        return PinStatus(retries_left=left, locked=left == 0, count_low=False, final_try=left == 1)

    def certificates(self) -> list[TokenCertificate]:
        return [
            TokenCertificate(
                id=f"{container}/{self.device_sn}",
                container=name,
                der=der,
                enc_der=self.encryption_certificate(f"{container}/{self.device_sn}"),
            )
            for name, (container, der) in self._current().items()
        ]

    def encryption_certificate(self, cert_id: str) -> bytes | None:
        """SOF_ExportExChangeUserCert; its failure value where the container holds none (an RSA key)."""
        text = self.client.call("SOF_ExportExChangeUserCert", cert_id)
        return decode_base64("SOF_ExportExChangeUserCert", text) if text else None

    def login(self, pin: str) -> None:
        cert_id = self._any_cert_id()
        if not self.client.flag("SOF_Login", cert_id, pin):
            self._raise_pin_error(cert_id)
        self._logged_in = cert_id

    def _raise_pin_error(self, cert_id: str) -> None:
        left = self.client.number("SOF_GetPinRetryCount", cert_id)
        if left < 0:
            raise self._removed_or(self.client.failure("SOF_GetPinRetryCount"))
        raise PinLocked() if left == 0 else PinIncorrect(left)

    def logout(self) -> None:
        """Ends the service's login too: a page left open must not sign with it."""
        cert_id, self._logged_in = self._logged_in, None
        if cert_id is None:
            return
        try:
            if not self.client.flag("SOF_Logout", cert_id):
                log.info("xtxapp: SOF_Logout answered false")
        except TokenError as exc:
            self.client.logged_out()
            log.info("xtxapp: logout: %s (%s)", exc.id, exc.detail)

    def change_pin(self, old: str, new: str) -> None:
        check_new_pin(new)
        cert_id = self._any_cert_id()
        if not self.client.flag("SOF_ChangePassWd", cert_id, old, new):
            self._raise_pin_error(cert_id)

    def unlock(self, admin_pin: str, new_pin: str) -> None:
        """UnlockUserPass with the answer the renewal site gives after the
        operator's approval (guide 3.6); users never know the key's administrator PIN."""
        check_new_pin(new_pin)
        self.client.require("UnlockUserPass", self.device_sn, admin_pin, new_pin)

    def sign(self, container: str, data: bytes) -> bytes:
        """SOF_SignData would sign the *text* it is given; the bytes go base64 to SOF_SignDataBase64."""
        cert_id = self._cert_id(container)
        try:
            return self.client.binary("SOF_SignDataBase64", cert_id, _b64(data))
        except TokenError as exc:
            raise self._removed_or(exc) from None

    # --- renewal, in BJCA's container model ---------------------------------

    def generate_key_pair(self, container: str) -> bytes:
        current, der = self._entry(container)
        new = successor(current)
        key_type = KEY_TYPE_RSA if x509.Certificate.load(der).public_key.algorithm == "rsa" else KEY_TYPE_SM2
        if self.client.flag("IsContainerExist", self.device_sn, new):
            # Left by a run that stopped before its download: it holds no certificate in use.
            self.client.require("DeleteContainer", self.device_sn, new)
        self.client.require("GenerateKeyPair", self.device_sn, new, key_type, True, timeout=KEYGEN_TIMEOUT)
        return self.client.binary("ExportPubKey", self.device_sn, new, True)

    def create_csr(self, container: str, subject_der: bytes) -> bytes:
        new = successor(self._container(container))
        return self.client.binary("ExportPKCS10", self.device_sn, new, dn_string(subject_der), True)

    def install_certificate(self, container: str, cert_der: bytes, encryption: EncryptionPair | None = None) -> None:
        install_two_phase(_Successor(self), container, cert_der, encryption)

    def close(self) -> None:
        self.logout()
        self.client.close()  # the WebSocket; the client reconnects if another token of it is used


class _Successor:
    """:class:`PendingSlots` and :class:`EncryptionSlots` over BJCA's
    containers: the pending key and certificates live in the successor
    container; promoting deletes the old one."""

    def __init__(self, token: XTXAppToken) -> None:
        self.token = token
        self.client = token.client
        self.sn = token.device_sn

    def pending_public_key(self, container: str) -> bytes:
        return self.client.binary("ExportPubKey", self.sn, successor(self.token._container(container)), True)

    def write_pending_certificate(self, container: str, cert_der: bytes) -> None:
        new = successor(self.token._container(container))
        self.client.require("ImportSignCert", self.sn, new, _b64(cert_der))

    def read_pending_certificate(self, container: str) -> bytes | None:
        new = successor(self.token._container(container))
        text = self.client.call("SOF_ExportUserCert", f"{new}/{self.sn}")
        return decode_base64("SOF_ExportUserCert", text) if text else None

    def write_pending_encryption(self, container: str, pair: EncryptionPair) -> None:
        new = successor(self.token._container(container))
        self.client.require("ImportEncCert", self.sn, new, _b64(pair.cert_der), _b64(pair.envelope))

    def read_pending_encryption(self, container: str) -> bytes | None:
        return self.token.encryption_certificate(f"{successor(self.token._container(container))}/{self.sn}")

    def drop_pending_certificate(self, container: str) -> None:
        self.client.require("DeleteContainer", self.sn, successor(self.token._container(container)))

    def promote_pending(self, container: str) -> None:
        self.client.require("DeleteContainer", self.sn, self.token._container(container))


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode()


class XtxappEvents:
    """BJCA's service pushing ``onUsbkeyChange`` over its WebSocket, which it
    serves beside the HTTP calls (DESIGN.md §3): the keys it reads through
    its own drivers, HID-only SM2 keys included."""

    WAIT_SECONDS = 60.0  # stop() closes the link, which ends a wait at once

    def __init__(self, url: str) -> None:
        self.url = url
        self._stop = threading.Event()
        self._client: Any = None

    def watch(self, changed: Callable[[], None]) -> None:
        self._client = client = XTXAppClient(self.url)
        try:
            while not self._stop.is_set():
                if client.wait_for_change(self.WAIT_SECONDS):
                    changed()
        except UkeyError:
            pass  # no service, or it went away (or stop() closed the link): the poll carries on
        finally:
            client.close()

    def stop(self) -> None:
        self._stop.set()
        client = self._client
        if client is not None:
            client.close()  # ends a wait blocked on the socket
