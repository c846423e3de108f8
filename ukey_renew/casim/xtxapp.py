"""A stand-in for BJCA's XTXApp local service, backed by the practice key.

It answers the way BJCA's service is known to answer (DESIGN.md §3), not the
way a tidy API would, so that the client is tested against the hard cases:
every value a string in ``retVal`` (or, in ``retValue`` mode, as is), no
status field, ``""`` / ``"false"`` / a negative number on failure with the
reason left for ``SOF_GetLastError`` / ``SOF_GetLastErrMsg`` (BJCA's codes and
Chinese messages from errorinfo.json), dates in local time, base64 wrapped
in lines, a user list that keeps the entries of keys no longer plugged in,
a first listing that can be slow (the service's progress box), both
transports (``POST /synctl`` and the WebSocket at ``/xtxapp/`` with its
``onUsbkeyChange`` push), and the container model: a new key pair only in
a container that does not exist, a certificate only into the container
holding its key, an encryption key pair only in an envelope that key opens.
What remains assumed
is listed in docs/protocol.md ("XTXApp: assumed, not known").
"""

from __future__ import annotations

import base64
import errno
import json
import secrets
import socket
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from asn1crypto import x509

from ukey_renew.casim.xtxapp_ws import WebSocketPage, accept
from ukey_renew.certs import load_certificate
from ukey_renew.envelope import EnvelopeError, parse
from ukey_renew.errors import (
    CertificateError,
    CertificateKeyMismatch,
    LoginRequired,
    NoSuchContainer,
    PinIncorrect,
    PinLocked,
    PortTaken,
    TokenNotPresent,
    TokenWriteFailed,
    UkeyError,
)
from ukey_renew.token.base import EncryptionPair
from ukey_renew.token.csr import subject_name
from ukey_renew.token.practice import PracticeToken
from ukey_renew.xtxapp_protocol import (
    CERT_INFO_CN,
    CERT_INFO_NOT_AFTER,
    CERT_INFO_NOT_BEFORE,
    CERT_INFO_SUBJECT,
    KEY_TYPE_SM2,
    dn_string,
    parse_dn,
)

_MAX_REQUEST = 1 << 20
_LINE = 64  # base64 line length of the wrapped answers

# BJCA's codes and messages (errorinfo.json of CertAppEnv 3.7.418).
FAILED = (0x0A000001, "操作失败")
DEVICE_REMOVED = (0x0A000023, "设备已移除")
PIN_WRONG = (0x0B000001, "校验证书口令失败! ")
PIN_LOCKED = (0x0A000025, "PIN被锁死")
NOT_LOGGED_IN = (0x0A00002D, "用户没有登录")
NO_DEVICE = (0x0B00002E, "指定设备不存在！")
NO_CONTAINER = (0x0B000027, "判断容器是否存在:指定容器不存在！")
CONTAINER_EXISTS = (0x0B0000A2, "创建密钥对:容器名已经存在！")
BAD_KEY_TYPE = (0x0B0000A4, "创建密钥对:非法密钥类型！")
NO_KEY_IN_CONTAINER = (0x0B0000A8, "导入签名证书:从key里取公钥失败！")
CERT_KEY_MISMATCH = (0x0B0000A9, "导入签名证书:证书公钥与密钥对的公钥不匹配！")
NO_OLDEST_CONTAINER = (0x0B00003A, "删除旧容器之获取最旧容器失败！")
CERT_NOT_FOUND = (0x0A00001C, "证书未发现")
ENC_CERT_NOT_BASE64 = (0x0B000020, "导入加密证书（密钥对）:BASE64解证书格式失败! ")
ENC_KEY_NOT_BASE64 = (0x0B000021, "导入加密证书（密钥对）:BASE64解私钥失败! ")
ENC_NO_CONTAINER = (0x0B0000AA, "导入加密证书和加密密钥对:打开容器失败！")
ENVELOPE_SHORT = (0x0B0000AC, "导入加密证书和加密密钥对:信封长度小于624")
SESSION_KEY_LENGTH = (0x0B0000AD, "导入加密证书和加密密钥对:会话密钥长度不是128或256")
ENC_IMPORT_FAILED = (0x0B0000AF, "导入加密证书和加密密钥对:导入SM2加密密钥对失败！")
_ENVELOPE_REFUSALS = {"short": ENVELOPE_SHORT, "session_key": SESSION_KEY_LENGTH}
UNLOCK_FAILED = (0x0B00001C, "解锁用户口令失败! ")


class BjcaFailure(Exception):
    """A call failing the DLL's way: the answer is the function's failure
    value, the reason is kept for SOF_GetLastError."""

    def __init__(self, reason: tuple[int, str]) -> None:
        super().__init__(reason[1])
        self.reason = reason


def _reason(exc: UkeyError) -> tuple[int, str]:
    """The BJCA error a practice-key error stands for."""
    for kind, reason in (
        (CertificateKeyMismatch, CERT_KEY_MISMATCH),
        (TokenWriteFailed, NO_KEY_IN_CONTAINER),
        (PinLocked, PIN_LOCKED),
        (PinIncorrect, PIN_WRONG),
        (LoginRequired, NOT_LOGGED_IN),
        (TokenNotPresent, DEVICE_REMOVED),
        (NoSuchContainer, NO_CONTAINER),
    ):
        if isinstance(exc, kind):
            return reason
    return FAILED


@dataclass(frozen=True)
class Behaviour:
    """How BJCA-like the service is; the defaults are what the scripts expect."""

    first_listing_delay: float = 0.0  # seconds the first SOF_GetUserList blocks (progress box)
    stale_entries: tuple[str, ...] = ()  # cached ``name||CertID`` entries of keys not plugged in
    ret_value: bool = False  # answer in ``retValue`` with typed values (older services)
    pin_dialog: float = 0.0  # seconds SOF_Login blocks while the service's own PIN dialog is open


class XTXAppService:
    """The functions, one method each, typed by the answer BJCA's script
    expects (``_BOOL``, ``_NUMBER``, else text); calls are serialised like the DLL's."""

    def __init__(self, key_path: Path, behaviour: Behaviour | None = None) -> None:
        self.key_path = key_path
        self.behaviour = behaviour or Behaviour()
        self._token: PracticeToken | None = None
        self._lock = threading.Lock()
        self._listed = False
        self._seen: dict[str, list[str]] = {}  # device serial → its entries, as the cache keeps them
        self._last_error: tuple[int, str] = (0, "")
        self.session = ""  # the login token, while logged in
        self.calls: list[str] = []  # function names only: never parameters (PINs)

    def dispatch(self, func: str, params: list[Any]) -> Any:
        handler: Callable[..., Any] | None = getattr(self, "f_" + func, None)
        if handler is None:
            raise KeyError(func)
        with self._lock:
            self.calls.append(func)
            if func in ("SOF_GetLastError", "SOF_GetLastErrMsg"):
                return handler()
            self._last_error = (0, "")
            try:
                return handler(*params)
            except (BjcaFailure, UkeyError, ValueError, TypeError) as exc:
                if isinstance(exc, BjcaFailure):
                    self._last_error = exc.reason
                elif isinstance(exc, UkeyError):
                    self._last_error = _reason(exc)
                else:
                    self._last_error = FAILED
                return False if func in _BOOL else _FAILED_NUMBER.get(func, -1) if func in _NUMBER else ""

    # --- the key behind it --------------------------------------------

    def _key(self) -> PracticeToken:
        # Reopened when the file comes back (a key replugged); login is lost then.
        if not self.key_path.is_file():
            raise BjcaFailure(DEVICE_REMOVED)
        if self._token is None or not self._token.path.is_file():
            self._token = PracticeToken(self.key_path)
        return self._token

    def _device(self, device_sn: str) -> PracticeToken:
        key = self._key()
        if device_sn != key.info().serial:
            raise BjcaFailure(NO_DEVICE)
        return key

    def _container(self, cert_id: str) -> tuple[PracticeToken, str]:
        container, _, serial = str(cert_id).rpartition("/")
        return self._device(serial), container

    def _cert(self, key: PracticeToken, container: str) -> bytes | None:
        for cert in key.certificates():
            if cert.container == container:
                return cert.der
        return None

    @staticmethod
    def _exists(key: PracticeToken, container: str) -> bool:
        """A container exists with a certificate or with only a new key pair in it."""
        try:
            key.read_pending_certificate(container)
        except NoSuchContainer:
            return False
        return True

    # --- certificates and PIN -----------------------------------------

    def f_SOF_GetUserList(self) -> str:
        if not self._listed:
            self._listed = True
            time.sleep(self.behaviour.first_listing_delay)
        if self.key_path.is_file():
            key = self._key()
            self._seen[key.info().serial] = [
                f"{load_certificate(cert.der).subject_cn or cert.container}||{cert.id}" for cert in key.certificates()
            ]
        entries = [*self.behaviour.stale_entries, *(e for entries in self._seen.values() for e in entries)]
        return "".join(entry + "&&&" for entry in entries)

    def f_SOF_ExportUserCert(self, cert_id: str) -> str:
        der = self._cert(*self._container(cert_id))
        if der is None:
            raise BjcaFailure(NO_CONTAINER)
        return _wrapped(der)

    def f_SOF_GetCertInfo(self, cert_b64: str, info_type: int) -> str:
        info = load_certificate(base64.b64decode(cert_b64))
        if info_type == CERT_INFO_NOT_BEFORE:
            return info.not_before.astimezone().strftime("%Y%m%d%H%M%S")  # local time, as BJCA's pages read it
        if info_type == CERT_INFO_NOT_AFTER:
            return info.not_after.astimezone().strftime("%Y%m%d%H%M%S")
        if info_type == CERT_INFO_CN:
            return info.subject_cn or ""
        if info_type == CERT_INFO_SUBJECT:
            return dn_string(x509.Certificate.load(info.der)["tbs_certificate"]["subject"].dump())
        raise ValueError("info type")

    def f_SOF_Login(self, cert_id: str, pin: str) -> bool:
        key, _container = self._container(cert_id)
        time.sleep(self.behaviour.pin_dialog)
        key.login(pin)
        self.session = secrets.token_hex(8)
        return True

    def f_SOF_Logout(self, cert_id: str) -> bool:
        key, _container = self._container(cert_id)
        key.logout()
        self.session = ""
        return True

    def f_SOF_GetPinRetryCount(self, cert_id: str) -> int:
        key, container = self._container(cert_id)
        if self._cert(key, container) is None:
            raise BjcaFailure(NO_CONTAINER)
        left = key.pin_status().retries_left
        return left if left is not None else 0

    def f_SOF_ChangePassWd(self, cert_id: str, old: str, new: str) -> bool:
        key, _container = self._container(cert_id)
        key.change_pin(old, new)
        return True

    def f_SOF_SignDataBase64(self, cert_id: str, data_b64: str) -> str:
        key, container = self._container(cert_id)
        return base64.b64encode(key.sign(container, base64.b64decode(data_b64))).decode()

    def f_SOF_SignData(self, cert_id: str, text: str) -> str:
        """Signs the text it is given (its UTF-8 bytes), as BJCA's login script uses it."""
        key, container = self._container(cert_id)
        return base64.b64encode(key.sign(container, str(text).encode())).decode()

    def f_UnlockUserPass(self, device_sn: str, admin_pin: str, new_pin: str) -> bool:
        try:
            self._device(device_sn).unlock(admin_pin, new_pin)
        except PinIncorrect:
            raise BjcaFailure(UNLOCK_FAILED) from None
        return True

    def f_SOF_GetLastError(self) -> int:
        return self._last_error[0]

    def f_SOF_GetLastErrMsg(self) -> str:
        return self._last_error[1]

    # --- containers ------------------------------------------------------

    def f_GenerateKeyPair(self, device_sn: str, container: str, key_type: int | str, sign: bool | str) -> bool:
        key = self._device(device_sn)
        if self._exists(key, container):
            raise BjcaFailure(CONTAINER_EXISTS)
        if int(key_type) != KEY_TYPE_SM2 or not _flag(sign):
            raise BjcaFailure(BAD_KEY_TYPE)  # the practice key, like the red key, makes SM2 signing keys only
        key.generate_key_pair(container)
        return True

    def f_ExportPubKey(self, device_sn: str, container: str, sign: bool | str) -> str:
        key = self._device(device_sn)
        der = self._cert(key, container)
        if der is not None:
            spki = x509.Certificate.load(der)["tbs_certificate"]["subject_public_key_info"].dump()
            return _wrapped(spki)
        return _wrapped(key.pending_public_key(container))

    def f_ExportPKCS10(self, device_sn: str, container: str, dn: str, sign: bool | str) -> str:
        key = self._device(device_sn)
        fields = parse_dn(dn)
        return _wrapped(key.create_csr(container, subject_name(fields["CN"], fields.get("O"), fields.get("OU"))))

    def f_ImportSignCert(self, device_sn: str, container: str, cert_b64: str) -> bool:
        key = self._device(device_sn)
        if not self._exists(key, container):
            raise BjcaFailure(NO_CONTAINER)
        der = base64.b64decode(cert_b64)
        if self._cert(key, container) == der:
            return True  # imported before (a renewal resumed): nothing to change
        key.install_certificate(container, der)
        return True

    def f_ImportEncCert(self, device_sn: str, container: str, cert_b64: str, cipher_b64: str) -> bool:
        """Refused the DLL's way: a container without its signing certificate,
        base64 that does not decode, an envelope too short or with a session
        key of another size (BJCA's own minimum is 624 bytes; ours is the
        layout of ukey_renew/envelope.py), one that does not open."""
        key = self._device(device_sn)
        if self._cert(key, container) is None:
            raise BjcaFailure(ENC_NO_CONTAINER)
        try:
            cert = base64.b64decode(cert_b64, validate=True)
        except ValueError:
            raise BjcaFailure(ENC_CERT_NOT_BASE64) from None
        try:
            blob = base64.b64decode(cipher_b64, validate=True)
        except ValueError:
            raise BjcaFailure(ENC_KEY_NOT_BASE64) from None
        try:
            parse(blob)
            key.import_encryption(container, EncryptionPair(cert, blob))
        except EnvelopeError as exc:
            raise BjcaFailure(_ENVELOPE_REFUSALS.get(exc.reason, ENC_IMPORT_FAILED)) from None
        except (TokenWriteFailed, CertificateError):
            raise BjcaFailure(ENC_IMPORT_FAILED) from None
        return True

    def f_SOF_ExportExChangeUserCert(self, cert_id: str) -> str:
        key, container = self._container(cert_id)
        for cert in key.certificates():
            if cert.container == container and cert.enc_der is not None:
                return _wrapped(cert.enc_der)
        raise BjcaFailure(CERT_NOT_FOUND)

    def f_IsContainerExist(self, device_sn: str, container: str) -> bool:
        return self._exists(self._device(device_sn), container)

    def f_DeleteContainer(self, device_sn: str, container: str) -> bool:
        key = self._device(device_sn)
        if not self._exists(key, container):
            raise BjcaFailure(NO_CONTAINER)
        key.delete_container(container)
        return True

    def f_DeleteOldContainer(self, device_sn: str) -> bool:
        """Deletes the oldest of several containers holding a certificate; with
        only one there is no old one (what "oldest" means to BJCA is assumed)."""
        key = self._device(device_sn)
        certs = key.certificates()
        if len(certs) < 2:
            raise BjcaFailure(NO_OLDEST_CONTAINER)
        key.delete_container(certs[0].container)
        return True


_BOOL = {
    "SOF_Login", "SOF_Logout", "SOF_ChangePassWd", "GenerateKeyPair", "ImportSignCert", "ImportEncCert",
    "IsContainerExist", "DeleteContainer", "DeleteOldContainer", "UnlockUserPass",
}  # fmt: skip
_NUMBER = {"SOF_GetPinRetryCount", "SOF_GetLastError"}
_FAILED_NUMBER = {"SOF_GetPinRetryCount": -8}  # DESIGN.md §3: −8 for a CertID it cannot use; else −1


def _flag(value: bool | str) -> bool:
    return value is True or value == "true"


def _wrapped(der: bytes) -> str:
    text = base64.b64encode(der).decode()
    return "\r\n".join(text[i : i + _LINE] for i in range(0, len(text), _LINE))


def _as_string(value: Any) -> str:
    """How the service puts every answer in ``retVal``: as text."""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _answer(service: XTXAppService, value: Any) -> dict[str, Any]:
    """The answer's body on both transports: no status field, the token while logged in."""
    body: dict[str, Any] = {"retValue": value} if service.behaviour.ret_value else {"retVal": _as_string(value)}
    if service.session:
        body["token"] = service.session
    return body


class _OwnPortServer(ThreadingHTTPServer):
    """Listens on a port no other program holds. On Windows SO_REUSEADDR (which
    HTTPServer sets) would let the simulator bind BJCA's port 21051 while the
    real service listens there, and take its traffic: it takes the port
    exclusively instead. On Linux SO_REUSEADDR never shares a listening port
    (it only lets a restart bind during TIME_WAIT), so it stays."""

    def server_bind(self) -> None:
        if sys.platform == "win32":
            self.allow_reuse_address = False
            self.socket.setsockopt(socket.SOL_SOCKET, socket.SO_EXCLUSIVEADDRUSE, 1)
        super().server_bind()


def make_server(service: XTXAppService, port: int = 0) -> ThreadingHTTPServer:
    """An HTTP server on 127.0.0.1 (port 0: any free one) for ``service``;
    :class:`PortTaken` if another program holds ``port``."""

    def ws_answer(func: str, params: list[Any]) -> dict[str, Any]:
        try:
            return _answer(service, service.dispatch(func, params))
        except (KeyError, TypeError):  # a function the service does not have
            return _answer(service, "")

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            if self.path != "/synctl":
                self._answer(404, {})
                return
            length = int(self.headers.get("Content-Length") or 0)
            if not 0 < length <= _MAX_REQUEST:
                self._answer(400, {})
                return
            try:
                request = json.loads(self.rfile.read(length))
                func, params = str(request["func"]), list(request.get("param") or [])
                value = service.dispatch(func, params)
            except (ValueError, KeyError, TypeError):
                self._answer(400, {})
                return
            self._answer(200, _answer(service, value))

        def do_GET(self) -> None:
            """BJCA's WebSocket at ``/xtxapp/``."""
            key = self.headers.get("Sec-WebSocket-Key")
            if self.path.rstrip("/") != "/xtxapp" or key is None:
                self._answer(404, {})
                return
            self.send_response(101)
            self.send_header("Upgrade", "websocket")
            self.send_header("Connection", "Upgrade")
            self.send_header("Sec-WebSocket-Accept", accept(key))
            self.end_headers()
            self.wfile.flush()
            WebSocketPage(ws_answer, service.key_path.is_file, self.rfile, self.wfile).run()
            self.close_connection = True

        def _answer(self, status: int, body: dict[str, Any]) -> None:
            payload = json.dumps(body, ensure_ascii=False).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json; charset=utf-8")
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload)

        def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
            """Quiet: request lines would show nothing useful and clutter the terminal."""

    try:
        return _OwnPortServer(("127.0.0.1", port), Handler)
    except OSError as exc:
        # 10013 (WSAEACCES): what Windows answers when the holder took the port exclusively
        if exc.errno not in (errno.EADDRINUSE, 10013):
            raise
        message = f"端口 {port} 已被占用（可能是 BJCA 的 XTXApp 服务正在运行），模拟服务未启动。"
        raise PortTaken(message, detail=str(exc)) from None
