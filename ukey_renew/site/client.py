"""The client of the renewal site (docs/protocol.md), one method per step.

One requests Session keeps the site's session cookie. Every call has an
overall deadline, retries included: requests' timeouts bound each read, and a
site sending a byte at a time never trips them. (The headers are cut off at
the deadline by the connection itself, site/deadline.py; the body is watched
as it comes.)
Answers are read up to a size limit; redirects are refused (the site never
needs one, and following one could hand the key's signature to another
host). The system proxy is used as a browser would (netproxy), and nothing
else from the environment. TLS is always verified: against the OS trust
store for the production site (truststore), against the reference CA's file
for the built-in site. The certificate that signs the login random is
checked against the site's CA certificates and host name before the key
signs anything (chain.check_server). Only GETs are retried: every POST either
carries a one-use captcha or creates state, and the engine decides when to
try it again.
"""

from __future__ import annotations

import base64
import binascii
import json
import ssl
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import requests
import urllib3
from cryptography import x509

from ukey_renew import paths
from ukey_renew.certs import load_certificate, public_key_bits
from ukey_renew.chain import check_server
from ukey_renew.envelope import EnvelopeError, parse
from ukey_renew.errors import (
    CertificateError,
    DirectRenewalUnsupported,
    SiteBadAnswer,
    SiteRedirected,
    SiteRefused,
    SiteServerError,
    SiteTimeout,
    SiteUnreachable,
    SiteUntrusted,
)
from ukey_renew.netproxy import proxies_for
from ukey_renew.signatures import signature_valid
from ukey_renew.site.deadline import DeadlineAdapter, until
from ukey_renew.site.profile import SiteProfile

MAX_ANSWER = 1 << 20
# The years a date from the site can mean; near year 1 or 9999 a change of
# time zone, or adding a few years, overflows.
_YEARS = range(2000, 2200)

# What to do when the site says no: (next step, guide section). The site's own
# words are shown as they are, so a clerk recognises the prompts of guide 3.10.
REFUSALS: dict[str, tuple[str, str]] = {
    "not_system_user": ("请确认插入的是红色 Ukey，并按指南第 2 章在延期网站操作；仍不行请联系 Ukey 运维人员。", "3.10"),
    "revoked": ("该证书已不能在线延期，请按指南 3.7 申请更换 Ukey。", "3.7"),
    "expired_too_long": ("证书过期超过 30 天无法在线延期，请按指南 3.7 申请更换 Ukey。", "1.3"),
    "captcha_wrong": ("请点击验证码图片刷新，再输入新的验证码（指南 3.10 ③）。", "3.10"),
    "too_many_attempts": ("请联系 Ukey 运维人员确认操作步骤及信息后，明日再试（指南 3.10 ②）。", "3.10"),
    "holder_invalid": ("请填写当前持有 Ukey 人员的姓名和 11 位手机号（指南 2.2 ④）。", "2.2"),
    "session_expired": ("请重新登录后继续；已完成的步骤不会重做。", "2.2"),
    "signature_invalid": ("请拔插 Ukey 后重新登录（指南 3.9 情况 1）。", "3.9"),
    "order_unknown": ("请重新进行 Ukey 延期操作（指南 2.2）。", "2.2"),
    "order_state": ("请按顺序完成延期步骤（指南 2.2）。", "2.2"),
    "csr_invalid": ("请拔插 Ukey 后重试；多次失败请联系 Ukey 运维人员。", "3.12"),
    "unlock_mismatch": ("姓名或手机号与登记的不一致：请添加 Ukey 运维人员微信，提供证书信息（指南 3.6 ③）。", "3.6"),
    "unlock_pending": ("请联系 Ukey 运维人员审批并获取解锁授权码（指南 3.6 ⑤）。", "3.6"),
    "unlock_unknown": ("请重新提交解锁申请（指南 3.6 ②）。", "3.6"),
    "auth_code_wrong": ("请核对 Ukey 运维人员提供的解锁授权码（指南 3.6 ⑥）。", "3.6"),
}
_DEFAULT_REFUSAL = ("请联系 Ukey 运维人员（指南 3.12）。", "3.12")
# The fields of the encryption pair in the answer to a certificate request (assumed, docs/protocol.md §5).
_ENC_CERT, _ENVELOPE = "enc_certificate", "enc_key_envelope"


@dataclass(frozen=True)
class Challenge:
    server_random: bytes
    server_signature: bytes
    server_cert: bytes


@dataclass(frozen=True)
class SiteOrder:
    order_no: str | None  # None for a dry run
    unit_name: str
    holder_name: str
    holder_mobile: str
    new_not_before: datetime
    new_not_after: datetime
    state: str
    activation_at: datetime | None


@dataclass(frozen=True)
class Download:
    """The answer to a certificate request: the signing certificate and, for
    an SM2 key, the encryption certificate with its key pair in an envelope
    only the new key opens (双证)."""

    order: SiteOrder
    certificate: bytes
    enc_certificate: bytes | None = None
    enc_envelope: bytes | None = None


class SystemTrustAdapter(DeadlineAdapter):
    """Verification against the OS trust store, where Windows keeps the Chinese CA roots,
    also through a proxy (requests gives a proxy's pools none of init_poolmanager's arguments)."""

    def init_poolmanager(self, *args: Any, **kwargs: Any) -> None:
        kwargs["ssl_context"] = _system_trust()
        super().init_poolmanager(*args, **kwargs)

    def proxy_manager_for(self, proxy: str, **proxy_kwargs: Any) -> Any:
        proxy_kwargs.setdefault("ssl_context", _system_trust())
        return super().proxy_manager_for(proxy, **proxy_kwargs)


def _system_trust() -> ssl.SSLContext:
    """truststore loads with the production site's first connection: the practice site has a CA of its own."""
    import truststore

    return truststore.SSLContext(ssl.PROTOCOL_TLS_CLIENT)


class SiteClient:
    def __init__(
        self,
        profile: SiteProfile,
        ca_file: Path | None = None,
        *,
        timeout: tuple[float, float] = (10.0, 60.0),
        deadline: float = 120.0,
        get_attempts: int = 3,
        retry_delay: float = 1.0,
    ) -> None:
        self.profile = profile
        self.timeout = timeout
        self.deadline = deadline  # seconds for a whole call, retries included
        self.anchors = _anchors(profile, ca_file)
        self.get_attempts = get_attempts
        self.retry_delay = retry_delay
        self._http = requests.Session()
        self._http.trust_env = False  # no .netrc or CA bundle from the environment: see netproxy
        self._http.proxies = proxies_for(profile.base_url)
        if profile.trust == "reference-ca":
            if ca_file is None:
                raise ValueError("the reference site needs its CA file")
            self._http.verify = str(ca_file)
            self._http.mount("https://", DeadlineAdapter())
        else:
            self._http.mount("https://", SystemTrustAdapter())

    def close(self) -> None:
        self._http.close()

    # --- steps of guide 2.2 ---------------------------------------------------

    def challenge(self) -> Challenge:
        """The login page's random, checked to be signed by the server's
        certificate (BJCA's pattern: the key only signs a random the site
        vouches for), and that certificate checked to be the site's: issued
        under one of its CA certificates, for its host name. With no CA
        certificate to check against, the client does not log in at all."""
        data = self._get_json("/login/challenge")
        challenge = Challenge(
            server_random=_b64(data, "server_random"),
            server_signature=_b64(data, "server_signature"),
            server_cert=_b64(data, "server_cert"),
        )
        if not self.anchors:
            raise DirectRenewalUnsupported(detail=f"no CA certificate configured for {self.profile.name}")
        host = urlsplit(self.profile.base_url).hostname or ""
        check_server(challenge.server_cert, self.anchors, host, datetime.now(UTC))
        if not signature_valid(challenge.server_cert, challenge.server_random, challenge.server_signature):
            raise SiteBadAnswer(detail="server signature over the login random does not verify")
        return challenge

    def login(self, user_cert: bytes, signed_random: bytes, container: str) -> dict[str, Any]:
        data = self._post(
            "/login",
            {"UserCert": _enc(user_cert), "UserSignedData": _enc(signed_random), "ContainerName": container},
        )
        return _dict(data, "user")

    def captcha(self) -> bytes:
        image = self._get("/captcha")
        if not image.startswith(b"\x89PNG"):
            raise SiteBadAnswer(detail="captcha is not a PNG")
        return image

    def submit_holder(self, name: str, mobile: str, captcha: str, *, dry_run: bool = False) -> SiteOrder:
        data = self._post(
            "/renew/holder",
            {"holder_name": name, "holder_mobile": mobile, "captcha": captcha, "dry_run": "1" if dry_run else "0"},
        )
        return _order(_dict(data, "order"))

    def confirm(self, order_no: str) -> SiteOrder:
        return _order(_dict(self._post("/renew/confirm", {"order_no": order_no}), "order"))

    def request_certificate(self, order_no: str, csr: bytes, captcha: str) -> Download:
        data = self._post("/renew/csr", {"order_no": order_no, "pkcs10": _enc(csr), "captcha": captcha})
        download = Download(_order(_dict(data, "order")), _b64(data, "certificate"))
        parts = [name for name in (_ENC_CERT, _ENVELOPE) if name in data]
        if not parts:
            return download
        if len(parts) == 1:
            raise SiteBadAnswer(detail=f"{parts[0]} without its pair")
        enc_certificate, envelope = _b64(data, _ENC_CERT), _b64(data, _ENVELOPE)
        _check_encryption(enc_certificate, envelope)
        return Download(download.order, download.certificate, enc_certificate, envelope)

    def complete(self, order_no: str) -> SiteOrder:
        return _order(_dict(self._post("/renew/complete", {"order_no": order_no}), "order"))

    # --- unlock, guide 3.6 --------------------------------------------------------

    def request_unlock(self, user_cert: bytes, name: str, mobile: str, captcha: str) -> str:
        data = self._post(
            "/unlock/request",
            {"UserCert": _enc(user_cert), "holder_name": name, "holder_mobile": mobile, "captcha": captcha},
        )
        return _text(data, "request_id")

    def unlock_state(self, request_id: str) -> str:
        return _text(self._get_json("/unlock/status", {"request_id": request_id}), "state")

    def complete_unlock(self, user_cert: bytes, request_id: str, auth_code: str, captcha: str) -> str:
        data = self._post(
            "/unlock/complete",
            {"UserCert": _enc(user_cert), "request_id": request_id, "auth_code": auth_code, "captcha": captcha},
        )
        return _text(data, "unlock_response")

    # --- transport ----------------------------------------------------------

    def _url(self, path: str) -> str:
        return self.profile.base_url.rstrip("/") + path

    def _get(self, path: str, params: dict[str, str] | None = None) -> bytes:
        deadline = time.monotonic() + self.deadline
        for attempt in range(1, self.get_attempts + 1):
            try:
                return self._send("GET", path, deadline, params=params)
            except (SiteUnreachable, SiteTimeout, SiteServerError):
                pause = self.retry_delay * attempt
                if attempt == self.get_attempts or time.monotonic() + pause >= deadline:
                    raise
                time.sleep(pause)
        raise AssertionError("unreachable")

    def _get_json(self, path: str, params: dict[str, str] | None = None) -> dict[str, Any]:
        return _checked(self._get(path, params))

    def _post(self, path: str, form: dict[str, str]) -> dict[str, Any]:
        return _checked(self._send("POST", path, time.monotonic() + self.deadline, data=form))

    def _send(self, method: str, path: str, deadline: float, **kwargs: Any) -> bytes:
        """The body of a 200 answer by ``deadline`` (a monotonic time); everything else is a typed error."""
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise SiteTimeout(detail="deadline passed before the request")
        timeout = (min(self.timeout[0], remaining), min(self.timeout[1], remaining))
        try:
            with until(deadline):
                response = self._http.request(
                    method, self._url(path), timeout=timeout, allow_redirects=False, stream=True, **kwargs
                )
        except requests.exceptions.SSLError as exc:
            raise SiteUntrusted(detail=type(exc).__name__) from None
        except requests.exceptions.Timeout as exc:
            raise SiteTimeout(detail=type(exc).__name__) from None
        except requests.exceptions.RequestException as exc:
            if time.monotonic() >= deadline:  # the headers were cut off at the deadline
                raise SiteTimeout(detail=f"{type(exc).__name__} at the deadline") from None
            raise SiteUnreachable(detail=type(exc).__name__) from None
        with response:
            if response.is_redirect:
                raise SiteRedirected(detail=f"{response.status_code} to {response.headers.get('Location', '')[:80]}")
            if response.status_code >= 500:
                raise SiteServerError(detail=f"HTTP {response.status_code}")
            if response.status_code not in (200, 400):  # 400: a refusal of what was sent, in the same JSON
                raise SiteBadAnswer(detail=f"HTTP {response.status_code}")
            return _read_limited(response, deadline)


def _check_encryption(cert_der: bytes, envelope: bytes) -> None:
    """An encryption certificate and an envelope holding its key pair; whose
    CA signed it is the engine's check, and opening it the key's."""
    try:
        cert = load_certificate(cert_der)
        sealed = parse(envelope)
    except CertificateError:
        raise SiteBadAnswer(detail=f"{_ENC_CERT} not a certificate") from None
    except EnvelopeError as exc:
        raise SiteBadAnswer(detail=f"{_ENVELOPE}: {exc}") from None
    if public_key_bits(sealed.public_key_info()) != cert.public_key:
        raise SiteBadAnswer(detail=f"{_ENVELOPE} holds another key than {_ENC_CERT}")


def _anchors(profile: SiteProfile, ca_file: Path | None) -> list[x509.Certificate]:
    """The CA certificates the site's own certificates must chain to."""
    files = [paths.resource("sites", name) for name in profile.ca_files]
    if ca_file is not None:
        files.append(ca_file)
    return [cert for path in files for cert in x509.load_pem_x509_certificates(path.read_bytes())]


def _read_limited(response: requests.Response, deadline: float) -> bytes:
    """The body as it arrives (read1 returns what one read brings), so that
    neither its size nor its pace can hold the client past ``deadline``."""
    body = bytearray()
    try:
        while chunk := response.raw.read1(64 * 1024, decode_content=True):
            body += chunk
            if len(body) > MAX_ANSWER:
                raise SiteBadAnswer(detail="answer too large")
            if time.monotonic() > deadline:
                raise SiteTimeout(detail="answer not complete by the deadline")
    except (urllib3.exceptions.HTTPError, OSError) as exc:
        raise SiteUnreachable(detail=f"{type(exc).__name__} while reading") from None
    return bytes(body)


def _checked(body: bytes) -> dict[str, Any]:
    try:
        data = json.loads(body)
    except (ValueError, UnicodeDecodeError, RecursionError):  # nesting deeper than the parser's stack
        raise SiteBadAnswer(detail="not JSON") from None
    if not isinstance(data, dict) or not isinstance(data.get("ok"), bool):
        raise SiteBadAnswer(detail="no ok flag")
    if not data["ok"]:
        error = data.get("error")
        if not isinstance(error, dict) or not isinstance(error.get("code"), str):
            raise SiteBadAnswer(detail="refusal without code")
        code = error["code"][:40]
        message = str(error.get("message") or "延期网站拒绝了请求。")[:200]
        next_step, guide = REFUSALS.get(code, _DEFAULT_REFUSAL)
        raise SiteRefused(code, message, next_step, guide)
    return data


def _enc(data: bytes) -> str:
    return base64.b64encode(data).decode()


def _dict(data: dict[str, Any], key: str) -> dict[str, Any]:
    value = data.get(key)
    if not isinstance(value, dict):
        raise SiteBadAnswer(detail=f"{key} missing")
    return value


def _text(data: dict[str, Any], key: str) -> str:
    value = data.get(key)
    if not isinstance(value, str) or not value:
        raise SiteBadAnswer(detail=f"{key} missing")
    return value


def _b64(data: dict[str, Any], key: str) -> bytes:
    try:
        return base64.b64decode(_text(data, key), validate=True)
    except (binascii.Error, ValueError):
        raise SiteBadAnswer(detail=f"{key} not base64") from None


def _time(data: dict[str, Any], key: str) -> datetime:
    try:
        moment = datetime.fromisoformat(_text(data, key))
    except ValueError:
        raise SiteBadAnswer(detail=f"{key} not a time") from None
    if moment.tzinfo is None:
        raise SiteBadAnswer(detail=f"{key} without offset")
    if moment.year not in _YEARS:
        raise SiteBadAnswer(detail=f"{key} in year {moment.year}")
    return moment


def _order(data: dict[str, Any]) -> SiteOrder:
    order_no = data.get("order_no")
    if order_no is not None and not isinstance(order_no, str):
        raise SiteBadAnswer(detail="order_no")
    return SiteOrder(
        order_no=order_no,
        unit_name=str(data.get("unit_name") or ""),
        holder_name=str(data.get("holder_name") or ""),
        holder_mobile=str(data.get("holder_mobile") or ""),
        new_not_before=_time(data, "new_not_before"),
        new_not_after=_time(data, "new_not_after"),
        state=str(data.get("state") or ""),
        activation_at=_time(data, "activation_at") if data.get("activation_at") else None,
    )
