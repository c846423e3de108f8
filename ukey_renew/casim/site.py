"""The reference renewal site: HTTPS on 127.0.0.1, speaking docs/protocol.md.

It plays BJCA's xtxuserweb for practice mode, training and tests: login with
the key (server random, server signature, certificate), the holder form with
a captcha, the order confirmation, the download of a certificate issued by
the reference CA (for an SM2 key also the encryption certificate, its key
pair sealed to the new key), and the unlock flow of guide 3.6. It refuses
where the real site refuses (guide 3.10) and can be slowed down to feel like
the real one.
"""

from __future__ import annotations

import base64
import json
import secrets
import selectors
import socket
import ssl
import threading
import time
from collections.abc import Callable, Iterable
from datetime import UTC, datetime, timedelta
from http import HTTPStatus
from pathlib import Path
from typing import Any

from asn1crypto import csr as asn1_csr
from asn1crypto import x509 as asn1_x509

from ukey_renew.casim.captcha import captcha_png
from ukey_renew.casim.config import SiteConfig
from ukey_renew.casim.provision import ADMIN_PIN, reference_ca
from ukey_renew.casim.serving import BodyTooLarge, Page, Request, Server, respond
from ukey_renew.casim.site_state import Refusal, SiteState
from ukey_renew.certs import CertInfo, load_certificate
from ukey_renew.errors import CertificateError, HolderInvalid
from ukey_renew.rules import check_holder
from ukey_renew.signatures import signature_valid
from ukey_renew.site import PRACTICE
from ukey_renew.site.profile import SiteProfile, load_profile

BASE = "/xtxuserweb"
COOKIE = "JSESSIONID"
_MAX_BODY = 256 * 1024
SESSION_IDLE = timedelta(minutes=30)  # then the user logs in again, as on BJCA's site
# Refusals of what the client sent, not of the user: HTTP 400, same JSON.
_BAD_REQUEST = frozenset({"bad_request", "csr_invalid"})
_ROUTES = {  # (method, path): the handler on_<name>
    ("GET", f"{BASE}/"): "home",  # the pages doctor reaches, as the real ones
    ("GET", "/login"): "platform",
    ("GET", f"{BASE}/login/challenge"): "challenge",
    ("POST", f"{BASE}/login"): "login",
    ("GET", f"{BASE}/captcha"): "captcha",
    ("POST", f"{BASE}/renew/holder"): "holder",
    ("POST", f"{BASE}/renew/confirm"): "confirm",
    ("POST", f"{BASE}/renew/csr"): "csr",
    ("POST", f"{BASE}/renew/complete"): "complete",
    ("POST", f"{BASE}/unlock/request"): "unlock_request",
    ("GET", f"{BASE}/unlock/status"): "unlock_status",
    ("POST", f"{BASE}/unlock/complete"): "unlock_complete",
}


class ReferenceSite:
    def __init__(self, data_dir: Path, config: SiteConfig | None = None, clock: Callable[[], datetime] | None = None):
        self.config = config or SiteConfig()
        self.clock = clock or (lambda: datetime.now(UTC))
        self.ca = reference_ca(data_dir)
        self.policy = load_profile(PRACTICE).policy
        self.state = SiteState(data_dir / "casim" / "site.sqlite", self.ca, self.policy, self.config.failures_per_day)
        self.cert_file, self._key_file = self.ca.server_identity(data_dir / "casim" / "tls")
        # The login random is signed SM2 by a certificate of the SM2 CA; TLS
        # keeps its EC identity (docs/protocol.md §9, item 13).
        self._signing_cert_der, self._signing_key = self.ca.signing_identity(data_dir / "casim" / "signing")
        self._sessions: dict[str, dict[str, Any]] = {}
        self._last_seen: dict[str, datetime] = {}
        self._lock = threading.Lock()

    # --- WSGI -----------------------------------------------------------

    def __call__(self, environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        if self.config.latency:
            time.sleep(self.config.latency)
        path = environ.get("PATH_INFO", "")
        endpoint = _ROUTES.get((environ["REQUEST_METHOD"], path))
        if endpoint is None:
            known = any(route == path for _, route in _ROUTES)
            status = HTTPStatus.METHOD_NOT_ALLOWED if known else HTTPStatus.NOT_FOUND
            return respond(start_response, status, status.phrase.encode(), "text/plain")
        try:
            request = Request(environ, _MAX_BODY)
        except BodyTooLarge:
            status = HTTPStatus.REQUEST_ENTITY_TOO_LARGE
            return respond(start_response, status, status.phrase.encode(), "text/plain")
        session_id, session = self._session(request)
        status = HTTPStatus.OK
        try:
            answer = getattr(self, "on_" + endpoint)(request, session)
        except Refusal as refusal:
            answer = {"ok": False, "error": {"code": refusal.code, "message": refusal.message}}
            status = HTTPStatus.BAD_REQUEST if refusal.code in _BAD_REQUEST else HTTPStatus.OK
        if not isinstance(answer, Page):
            answer = Page(_json(answer).encode(), "application/json")
        cookie = f"{COOKIE}={session_id}; Secure; HttpOnly; Path=/; SameSite=Strict"
        return respond(start_response, status, answer.body, answer.kind, [*answer.headers, ("Set-Cookie", cookie)])

    def _session(self, request: Request) -> tuple[str, dict[str, Any]]:
        """The caller's session; one idle past SESSION_IDLE is gone, and the
        next step that needs the login answers session_expired."""
        now = self.clock()
        with self._lock:
            for idle in [key for key, seen in self._last_seen.items() if now - seen > SESSION_IDLE]:
                del self._sessions[idle], self._last_seen[idle]
            session_id = request.cookies.get(COOKIE, "")
            if session_id not in self._sessions:
                session_id = secrets.token_hex(16)
                self._sessions[session_id] = {}
            self._last_seen[session_id] = now
            return session_id, self._sessions[session_id]

    def on_home(self, request: Request, session: dict[str, Any]) -> Page:
        return Page("<html><body>证书延期网站（练习）</body></html>".encode(), "text/html; charset=utf-8")

    def on_platform(self, request: Request, session: dict[str, Any]) -> Page:
        return Page("<html><body>12309 中国检察网管理平台（练习）</body></html>".encode(), "text/html; charset=utf-8")

    # --- login (guide 2.2 ③) --------------------------------------------------

    def on_challenge(self, request: Request, session: dict[str, Any]) -> dict[str, Any]:
        server_random = secrets.token_bytes(32)
        session.clear()
        session["random"] = server_random
        signature = self._signing_key.sign(server_random)
        return {
            "ok": True,
            "server_random": _b64(server_random),
            "server_signature": _b64(signature),
            "server_cert": _b64(self._signing_cert_der),
        }

    def on_login(self, request: Request, session: dict[str, Any]) -> dict[str, Any]:
        server_random = session.pop("random", None)
        if server_random is None:
            raise Refusal("session_expired", "登录已失效，请重新登录")
        cert = _cert_field(request, "UserCert")
        self.state.check_login(cert, self.clock())
        if not signature_valid(cert.der, server_random, _b64_field(request, "UserSignedData")):
            raise Refusal("signature_invalid", "证书签名验证失败，请确认 Ukey 已插好后重新登录")
        session["cert"] = cert
        session["container"] = request.form.get("ContainerName", "")
        return {
            "ok": True,
            "user": {
                "unit_name": cert.subject_cn,
                "org_code": cert.org_code,
                "cert_type": "单位证书",
                "not_before": cert.not_before.isoformat(),
                "not_after": cert.not_after.isoformat(),
            },
        }

    # --- captcha ---------------------------------------------------------------

    def on_captcha(self, request: Request, session: dict[str, Any]) -> Page:
        code = self.config.fixed_captcha or f"{secrets.randbelow(10_000):04d}"
        session["captcha"] = code
        return Page(captcha_png(code), "image/png", (("Cache-Control", "no-store"),))

    def _check_captcha(self, request: Request, session: dict[str, Any], cert: CertInfo) -> None:
        expected = session.pop("captcha", None)  # one image, one try
        if expected is None or request.form.get("captcha", "").strip() != expected:
            self.state.count_failure(cert.serial, self.clock())
            raise Refusal("captcha_wrong", "验证码错误，请点击验证码图片刷新后重新输入")

    def _logged_in(self, session: dict[str, Any]) -> CertInfo:
        cert = session.get("cert")
        if not isinstance(cert, CertInfo):
            raise Refusal("session_expired", "登录已失效，请重新登录")
        self.state.check_attempts(cert.serial, self.clock())
        return cert

    # --- renewal (guide 2.2 ④–⑨) ------------------------------------------------

    def on_holder(self, request: Request, session: dict[str, Any]) -> dict[str, Any]:
        cert = self._logged_in(session)
        self._check_captcha(request, session, cert)
        try:
            name, mobile = check_holder(request.form.get("holder_name", ""), request.form.get("holder_mobile", ""))
        except HolderInvalid as exc:
            self.state.count_failure(cert.serial, self.clock())
            raise Refusal("holder_invalid", exc.message) from None
        if request.form.get("dry_run") == "1":
            new_before, new_after = self.policy.new_validity(cert.not_after, self.clock())
            return {
                "ok": True,
                "dry_run": True,
                "order": {
                    "order_no": None,
                    "unit_name": cert.subject_cn,
                    "holder_name": name,
                    "holder_mobile": mobile,
                    "cert_type": "单位证书",
                    "new_not_before": new_before.isoformat(),
                    "new_not_after": new_after.isoformat(),
                },
            }
        order = self.state.open_order(cert, name, mobile, self.clock())
        return {"ok": True, "order": order.to_dict()}

    def on_confirm(self, request: Request, session: dict[str, Any]) -> dict[str, Any]:
        cert = self._logged_in(session)
        order = self.state.confirm(request.form.get("order_no", ""), cert.serial)
        return {"ok": True, "order": order.to_dict()}

    def on_csr(self, request: Request, session: dict[str, Any]) -> dict[str, Any]:
        cert = self._logged_in(session)
        self._check_captcha(request, session, cert)
        csr = _b64_field(request, "pkcs10")
        _check_request(csr, cert)
        order, issued = self.state.issue(request.form.get("order_no", ""), cert.serial, csr)
        answer: dict[str, Any] = {"ok": True, "order": order.to_dict(), "certificate": _b64(issued.certificate)}
        if issued.enc_certificate and issued.enc_envelope:
            answer["enc_certificate"] = _b64(issued.enc_certificate)
            answer["enc_key_envelope"] = _b64(issued.enc_envelope)
        return answer

    def on_complete(self, request: Request, session: dict[str, Any]) -> dict[str, Any]:
        cert = self._logged_in(session)
        order = self.state.complete(request.form.get("order_no", ""), cert.serial, self.clock())
        return {"ok": True, "order": order.to_dict()}

    # --- unlock (guide 3.6) ---------------------------------------------------

    def on_unlock_request(self, request: Request, session: dict[str, Any]) -> dict[str, Any]:
        cert = _cert_field(request, "UserCert")
        self._check_captcha(request, session, cert)
        try:
            name, mobile = check_holder(request.form.get("holder_name", ""), request.form.get("holder_mobile", ""))
        except HolderInvalid as exc:
            raise Refusal("holder_invalid", exc.message) from None
        request_id = self.state.request_unlock(cert, name, mobile, self.clock())
        return {"ok": True, "request_id": request_id}

    def on_unlock_status(self, request: Request, session: dict[str, Any]) -> dict[str, Any]:
        return {"ok": True, "state": self.state.unlock_state(request.args.get("request_id", ""))}

    def on_unlock_complete(self, request: Request, session: dict[str, Any]) -> dict[str, Any]:
        cert = _cert_field(request, "UserCert")
        self._check_captcha(request, session, cert)
        self.state.complete_unlock(request.form.get("request_id", ""), request.form.get("auth_code", ""))
        # The practice key's administrator PIN stands for the unlock response a
        # real site computes for the key's challenge.
        return {"ok": True, "unlock_response": ADMIN_PIN}

    # --- serving ---------------------------------------------------------------

    def serve(self, port: int = 0, wrap: Callable[[Any], Any] | None = None) -> RunningSite:
        """Serve HTTPS on 127.0.0.1 from a thread; ``wrap`` puts WSGI middleware
        in front (fault injection in tests, request counting in benchmarks)."""
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.minimum_version = ssl.TLSVersion.TLSv1_2
        context.load_cert_chain(self.cert_file, self._key_file)
        return RunningSite(self, Server(port, wrap(self) if wrap else self, context, _MAX_BODY))


class RunningSite:
    """A site serving from a background thread; ``profile`` knows its port."""

    def __init__(self, site: ReferenceSite, server: Server) -> None:
        self.site = site
        self.server = server
        self.port = server.server_address[1]
        self.profile: SiteProfile = load_profile(PRACTICE).on_port(self.port)
        self.ca_file = site.ca.anchors_path
        self._wake, self._waker = socket.socketpair()
        self._thread = threading.Thread(target=self._serve, name="practice-site", daemon=True)
        self._thread.start()

    def _serve(self) -> None:
        """Asleep until a request or :meth:`stop` comes. ``serve_forever``
        wakes every ``poll_interval`` to look for a shutdown, so a stop (the
        end of every practice renewal) waited up to that long."""
        with selectors.DefaultSelector() as selector:
            selector.register(self.server, selectors.EVENT_READ)
            selector.register(self._wake, selectors.EVENT_READ)
            while all(key.fileobj is self.server for key, _ in selector.select()):
                self.server.handle_request()

    def stop(self) -> None:
        self._waker.send(b"\0")
        self._thread.join(timeout=5)
        self.server.server_close()
        self._wake.close()
        self._waker.close()
        self.site.state.close()


def _json(data: dict[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False)


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode()


def _b64_field(request: Request, name: str) -> bytes:
    try:
        return base64.b64decode(request.form.get(name, ""), validate=True)
    except ValueError:
        raise Refusal("bad_request", f"提交的数据格式错误（{name}）") from None


def _check_request(csr: bytes, cert: CertInfo) -> None:
    """The renewal of the logged-in certificate: the same unit (subject) and
    the same kind of key, before the CA is asked to sign anything."""
    try:
        info = asn1_csr.CertificationRequest.load(csr)["certification_request_info"]
        subject, algorithm = info["subject"].dump(), info["subject_pk_info"]["algorithm"].dump()
    except (ValueError, TypeError, KeyError):
        raise Refusal("csr_invalid", "证书申请数据格式错误") from None
    old = asn1_x509.Certificate.load(cert.der)["tbs_certificate"]
    if subject != old["subject"].dump():
        raise Refusal("csr_invalid", "证书申请中的单位信息与登录的证书不一致，不能签发")
    if algorithm != old["subject_public_key_info"]["algorithm"].dump():
        raise Refusal("csr_invalid", "证书申请的密钥类型与原证书不同，不能签发")


def _cert_field(request: Request, name: str) -> CertInfo:
    try:
        return load_certificate(_b64_field(request, name))
    except CertificateError:
        raise Refusal("not_system_user", "您的证书非本系统用户，不能登录当前系统") from None
