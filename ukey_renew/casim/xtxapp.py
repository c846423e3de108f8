"""A stand-in for BJCA's XTXApp local service, backed by the practice key.

It answers the functions of DESIGN.md §3 in the documented formats
(``name||CertID&&&``, CertID ``container/deviceSN``, dates as
YYYYMMDDHHMMSS, 0 retries = locked) so that the XTXApp client, training and
tests run against real HTTP on 127.0.0.1. Like the DLL, a failed call
answers ``""`` or ``false`` rather than an error.
"""

from __future__ import annotations

import base64
import errno
import json
import secrets
import socket
import sys
import threading
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from asn1crypto import x509

from ukey_renew.certs import load_certificate
from ukey_renew.errors import PortTaken, UkeyError
from ukey_renew.token.csr import subject_name
from ukey_renew.token.practice import PracticeToken
from ukey_renew.token.xtxapp import (
    CERT_INFO_CN,
    CERT_INFO_NOT_AFTER,
    CERT_INFO_NOT_BEFORE,
    CERT_INFO_SUBJECT,
    dn_string,
    parse_dn,
)

_MAX_REQUEST = 1 << 20


class XTXAppService:
    """The functions, one method each; calls are serialised like the DLL's."""

    def __init__(self, key_path: Path) -> None:
        self.key_path = key_path
        self._token: PracticeToken | None = None
        self._lock = threading.Lock()
        self.session = secrets.token_hex(8)
        self.calls: list[str] = []  # function names only: never parameters (PINs)

    def dispatch(self, func: str, params: list[Any]) -> Any:
        handler: Callable[..., Any] | None = getattr(self, "f_" + func, None)
        if handler is None:
            raise KeyError(func)
        with self._lock:
            self.calls.append(func)
            try:
                return handler(*params)
            except (UkeyError, ValueError, TypeError):
                return "" if func not in _BOOLEAN else False

    def _key(self) -> PracticeToken:
        # Reopened when the file comes back (a key replugged); login is lost then.
        if self._token is None or not self._token.path.is_file():
            self._token = PracticeToken(self.key_path)
        return self._token

    def _container(self, cert_id: str) -> str:
        container, _, serial = str(cert_id).rpartition("/")
        if serial != self._key().info().serial:
            raise ValueError("unknown device")
        return container

    def _check_device(self, device_sn: str) -> None:
        if device_sn != self._key().info().serial:
            raise ValueError("unknown device")

    def f_SOF_GetUserList(self) -> str:
        if not self.key_path.is_file():
            return ""
        key = self._key()
        return "".join(
            f"{load_certificate(cert.der).subject_cn or cert.container}||{cert.id}&&&" for cert in key.certificates()
        )

    def f_SOF_ExportUserCert(self, cert_id: str) -> str:
        container = self._container(cert_id)
        for cert in self._key().certificates():
            if cert.container == container:
                return base64.b64encode(cert.der).decode()
        return ""

    def f_SOF_GetCertInfo(self, cert_b64: str, info_type: int) -> str:
        info = load_certificate(base64.b64decode(cert_b64))
        if info_type == CERT_INFO_NOT_BEFORE:
            return info.not_before.strftime("%Y%m%d%H%M%S")
        if info_type == CERT_INFO_NOT_AFTER:
            return info.not_after.strftime("%Y%m%d%H%M%S")
        if info_type == CERT_INFO_CN:
            return info.subject_cn or ""
        if info_type == CERT_INFO_SUBJECT:
            return dn_string(x509.Certificate.load(info.der)["tbs_certificate"]["subject"].dump())
        return ""

    def f_SOF_Login(self, cert_id: str, pin: str) -> bool:
        self._container(cert_id)
        self._key().login(pin)
        return True

    def f_SOF_GetPinRetryCount(self, cert_id: str) -> int:
        self._container(cert_id)
        left = self._key().pin_status().retries_left
        return left if left is not None else 0

    def f_SOF_ChangePassWd(self, cert_id: str, old: str, new: str) -> bool:
        self._container(cert_id)
        self._key().change_pin(old, new)
        return True

    def f_SOF_SignData(self, cert_id: str, data_b64: str) -> str:
        signature = self._key().sign(self._container(cert_id), base64.b64decode(data_b64))
        return base64.b64encode(signature).decode()

    def f_SOF_GenRandom(self, length: int) -> str:
        if not 0 < int(length) <= 4096:
            raise ValueError("length")
        return base64.b64encode(secrets.token_bytes(int(length))).decode()

    def f_GenerateKeyPair(self, device_sn: str, container: str, key_type: str, sign: bool) -> str:
        self._check_device(device_sn)
        if key_type != "EC" or not sign:
            raise ValueError("the practice key makes EC signing keys only")
        return base64.b64encode(self._key().generate_key_pair(container)).decode()

    def f_ExportPKCS10(self, device_sn: str, container: str, dn: str, sign: bool) -> str:
        self._check_device(device_sn)
        fields = parse_dn(dn)
        subject = subject_name(fields["CN"], fields.get("O"), fields.get("OU"))
        return base64.b64encode(self._key().create_csr(container, subject)).decode()

    def f_ImportSignCert(self, device_sn: str, container: str, cert_b64: str) -> bool:
        self._check_device(device_sn)
        self._key().install_certificate(container, base64.b64decode(cert_b64))
        return True


_BOOLEAN = {"SOF_Login", "SOF_ChangePassWd", "ImportSignCert"}


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

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            if self.path != "/synctl":
                self._answer(404, {"error": "not found"})
                return
            length = int(self.headers.get("Content-Length") or 0)
            if not 0 < length <= _MAX_REQUEST:
                self._answer(400, {"error": "bad length"})
                return
            try:
                request = json.loads(self.rfile.read(length))
                func, params = str(request["func"]), list(request.get("param") or [])
                value = service.dispatch(func, params)
            except (ValueError, KeyError, TypeError):
                self._answer(400, {"error": "bad request"})
                return
            self._answer(200, {"code": "0", "token": service.session, "retVal": value})

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
