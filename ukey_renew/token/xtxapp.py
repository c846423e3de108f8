"""BJCA's XTXApp local service: the key as the renewal web pages see it.

The certificate environment of guide 3.2 runs a service on 127.0.0.1 that
answers JSON over HTTP (DESIGN.md §3): POST ``/synctl`` with
``{"url", "clsid", "func", "param", "token"}``; the answer carries
``retVal`` (or ``retValue``) and a session ``token``. Users are listed as
``name||CertID&&&`` with CertID = ``container/deviceSN``.

Known from public sources: the function names, the user-list and CertID
formats, the date format of SOF_GetCertInfo and "0 retries = locked".
Our assumptions, kept in this module only: binary data travels as base64,
GenerateKeyPair answers the new public key (SubjectPublicKeyInfo, base64),
ExportPKCS10 takes the DN as ``C=CN,O=…,OU=…,CN=…``.
"""

from __future__ import annotations

import base64
import binascii
from typing import Any

import requests
from asn1crypto import x509

from ukey_renew.certs import decode_text
from ukey_renew.errors import (
    CertificateKeyMismatch,
    PinIncorrect,
    PinLocked,
    ServiceBadAnswer,
    ServiceUnavailable,
    TokenError,
    TokenRemoved,
    TokenWriteFailed,
)
from ukey_renew.rules import check_new_pin
from ukey_renew.token.base import PinStatus, TokenCertificate, TokenInfo

DEFAULT_URL = "http://127.0.0.1:21051/synctl"
CLSID = "3F367B74-92D9-4C5E-AB93-234F8A91D5E6"
CERT_INFO_NOT_BEFORE = 11
CERT_INFO_NOT_AFTER = 12
CERT_INFO_CN = 17
CERT_INFO_SUBJECT = 33
_MAX_ANSWER = 1 << 20
_DN_KEYS = {"2.5.4.6": "C", "2.5.4.10": "O", "2.5.4.11": "OU", "2.5.4.3": "CN"}


class XTXAppClient:
    """One call per method; the service keeps its session in ``token``."""

    def __init__(self, url: str = DEFAULT_URL, timeout: float = 5.0, page_url: str = "") -> None:
        self.url = url
        self.timeout = timeout
        self.page_url = page_url
        self._token = ""
        self._http = requests.Session()
        self._http.trust_env = False  # a system proxy must never see loopback traffic

    def call(self, func: str, *params: Any) -> Any:
        body = {"url": self.page_url, "clsid": CLSID, "func": func, "param": list(params), "token": self._token}
        try:
            answer = self._http.post(self.url, json=body, timeout=self.timeout)
        except (requests.ConnectionError, requests.Timeout) as exc:
            raise ServiceUnavailable(detail=type(exc).__name__) from None
        if answer.status_code != 200 or len(answer.content) > _MAX_ANSWER:
            raise ServiceBadAnswer(detail=f"HTTP {answer.status_code}, {len(answer.content)} bytes")
        try:
            data = answer.json()
        except ValueError:
            raise ServiceBadAnswer(detail="not JSON") from None
        if not isinstance(data, dict) or not ("retVal" in data or "retValue" in data):
            raise ServiceBadAnswer(detail="no retVal")
        if isinstance(data.get("token"), str):
            self._token = data["token"]
        return data["retVal"] if "retVal" in data else data["retValue"]

    def _text(self, func: str, *params: Any) -> str:
        value = self.call(func, *params)
        if not isinstance(value, str):
            raise ServiceBadAnswer(detail=f"{func}: expected text")
        return value

    def _flag(self, func: str, *params: Any) -> bool:
        value = self.call(func, *params)
        if isinstance(value, bool):
            return value
        if value in ("true", "false"):
            return bool(value == "true")
        raise ServiceBadAnswer(detail=f"{func}: expected true/false")

    def _bytes(self, func: str, *params: Any) -> bytes:
        text = self._text(func, *params)
        if not text:  # the DLL's way of saying the call failed
            raise TokenError(detail=f"{func} returned nothing")
        try:
            return base64.b64decode(text, validate=True)
        except (binascii.Error, ValueError):
            raise ServiceBadAnswer(detail=f"{func}: not base64") from None

    # --- the functions of DESIGN.md §3 --------------------------------

    def get_user_list(self) -> list[tuple[str, str]]:
        """[(name, CertID)] from ``name||CertID&&&name||CertID&&&``."""
        users = []
        for entry in self._text("SOF_GetUserList").split("&&&"):
            if not entry:
                continue
            name, sep, cert_id = entry.partition("||")
            if not sep or "/" not in cert_id:
                raise ServiceBadAnswer(detail="SOF_GetUserList: bad entry")
            users.append((name, cert_id))
        return users

    def export_user_cert(self, cert_id: str) -> bytes:
        return self._bytes("SOF_ExportUserCert", cert_id)

    def get_cert_info(self, cert_der: bytes, info_type: int) -> str:
        return self._text("SOF_GetCertInfo", _b64(cert_der), info_type)

    def login(self, cert_id: str, pin: str) -> bool:
        return self._flag("SOF_Login", cert_id, pin)

    def get_pin_retry_count(self, cert_id: str) -> int:
        value = self.call("SOF_GetPinRetryCount", cert_id)
        if value == "":  # the DLL's failure answer: no device behind this CertID
            raise TokenRemoved(detail="SOF_GetPinRetryCount failed")
        try:
            count = int(value)
        except (TypeError, ValueError):
            raise ServiceBadAnswer(detail="SOF_GetPinRetryCount: not a number") from None
        if count < 0:
            raise ServiceBadAnswer(detail="SOF_GetPinRetryCount: negative")
        return count

    def change_password(self, cert_id: str, old: str, new: str) -> bool:
        return self._flag("SOF_ChangePassWd", cert_id, old, new)

    def sign_data(self, cert_id: str, data: bytes) -> bytes:
        return self._bytes("SOF_SignData", cert_id, _b64(data))

    def gen_random(self, length: int) -> bytes:
        return self._bytes("SOF_GenRandom", length)

    def generate_key_pair(self, device_sn: str, container: str, key_type: str = "EC", sign: bool = True) -> bytes:
        return self._bytes("GenerateKeyPair", device_sn, container, key_type, sign)

    def export_pkcs10(self, device_sn: str, container: str, dn: str, sign: bool = True) -> bytes:
        return self._bytes("ExportPKCS10", device_sn, container, dn, sign)

    def import_sign_cert(self, device_sn: str, container: str, cert_der: bytes) -> bool:
        return self._flag("ImportSignCert", device_sn, container, _b64(cert_der))


def open_tokens(client: XTXAppClient) -> list[XTXAppToken]:
    """One token per device serial in the service's user list."""
    devices: dict[str, list[tuple[str, str]]] = {}
    for name, cert_id in client.get_user_list():
        devices.setdefault(cert_id.rsplit("/", 1)[1], []).append((name, cert_id))
    return [XTXAppToken(client, serial, users) for serial, users in devices.items()]


class XTXAppToken:
    backend = "xtxapp"

    def __init__(self, client: XTXAppClient, device_sn: str, users: list[tuple[str, str]]) -> None:
        self.client = client
        self.device_sn = device_sn
        self._users = users

    def _cert_id(self, container: str) -> str:
        return f"{container}/{self.device_sn}"

    def _any_cert_id(self) -> str:
        return self._users[0][1]

    def info(self) -> TokenInfo:
        return TokenInfo(
            backend=self.backend,
            label=self._users[0][0],
            serial=self.device_sn,
            manufacturer="BJCA",
            model="XTXApp",
        )

    def pin_status(self) -> PinStatus:
        left = self.client.get_pin_retry_count(self._any_cert_id())
        return PinStatus(retries_left=left, locked=left == 0, count_low=False, final_try=left == 1)

    def certificates(self) -> list[TokenCertificate]:
        return [
            TokenCertificate(id=cert_id, container=cert_id.rsplit("/", 1)[0], der=self.client.export_user_cert(cert_id))
            for _name, cert_id in self._users
        ]

    def login(self, pin: str) -> None:
        cert_id = self._any_cert_id()
        if not self.client.login(cert_id, pin):
            self._raise_pin_error(cert_id)

    def _raise_pin_error(self, cert_id: str) -> None:
        left = self.client.get_pin_retry_count(cert_id)
        raise PinLocked() if left == 0 else PinIncorrect(left)

    def logout(self) -> None:
        """The service keeps no login we can end; the DLL drops it with the page."""

    def change_pin(self, old: str, new: str) -> None:
        check_new_pin(new)
        cert_id = self._any_cert_id()
        if not self.client.change_password(cert_id, old, new):
            self._raise_pin_error(cert_id)

    def unlock(self, admin_pin: str, new_pin: str) -> None:
        """The service has no unlock call among the known functions (DESIGN.md §3)."""
        raise TokenError("这把 Ukey 需要在 BJCA 证书助手中解锁（指南 3.6）。")

    def sign(self, container: str, data: bytes) -> bytes:
        return self.client.sign_data(self._cert_id(container), data)

    def generate_key_pair(self, container: str) -> bytes:
        return self.client.generate_key_pair(self.device_sn, container)

    def create_csr(self, container: str, subject_der: bytes) -> bytes:
        return self.client.export_pkcs10(self.device_sn, container, dn_string(subject_der))

    def install_certificate(self, container: str, cert_der: bytes) -> None:
        """The service writes two-phase itself (it refuses a certificate whose key
        is not the pending one); we read the result back all the same."""
        if not self.client.import_sign_cert(self.device_sn, container, cert_der):
            raise CertificateKeyMismatch()
        if self.client.export_user_cert(self._cert_id(container)) != cert_der:
            raise TokenWriteFailed(detail="read-back differs after ImportSignCert")

    def close(self) -> None:
        self.logout()


def dn_string(subject_der: bytes) -> str:
    """``C=CN,O=…,OU=…,CN=…`` from a DER Name, the form ExportPKCS10 takes."""
    parts = []
    for rdn in x509.Name.load(subject_der).chosen:
        for attribute in rdn:
            key = _DN_KEYS.get(attribute["type"].dotted)
            if key is None:
                raise TokenError(detail=f"DN attribute {attribute['type'].dotted} not supported")
            value = decode_text(attribute["value"].dump())
            if "," in value or "=" in value:
                raise TokenError(detail="DN value with ',' or '='")
            parts.append(f"{key}={value}")
    return ",".join(parts)


def parse_dn(dn: str) -> dict[str, str]:
    """The inverse of :func:`dn_string`, for the simulator."""
    fields = {}
    for part in dn.split(","):
        key, sep, value = part.partition("=")
        if not sep or key not in _DN_KEYS.values():
            raise ValueError(f"bad DN part {part!r}")
        fields[key] = value
    return fields


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode()
