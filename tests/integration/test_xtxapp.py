"""The XTXApp client against a simulator that answers the way BJCA's service
does (strings in retVal, stale cache entries, wrapped base64, a slow first
listing, negative codes, the container model), over real HTTP on 127.0.0.1."""

from __future__ import annotations

import base64
import json
import struct
import threading
import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
import requests
import websocket

from tests.integration.test_cli import run
from tests.rig.prompts import PIN, ScriptedPrompts
from ukey_renew.casim.config import SiteConfig
from ukey_renew.casim.provision import CONTAINER, ORG_CODE, reference_ca, reset_practice_key
from ukey_renew.casim.site import ReferenceSite
from ukey_renew.casim.xtxapp import Behaviour, BjcaFailure, XTXAppService, make_server
from ukey_renew.certs import load_certificate, public_key_bits
from ukey_renew.envelope import seal
from ukey_renew.errors import (
    CertificateKeyMismatch,
    EnvelopeNotOpened,
    LoginRequired,
    PinIncorrect,
    PinLocked,
    ServiceBadAnswer,
    ServiceRefused,
    ServiceSlow,
    ServiceUnavailable,
    TokenRemoved,
)
from ukey_renew.renewal.build import build_engine
from ukey_renew.renewal.unlock import UnlockFlow
from ukey_renew.site.client import SiteClient
from ukey_renew.sm2 import Sm2Key
from ukey_renew.token import practice
from ukey_renew.token.base import EncryptionPair
from ukey_renew.token.csr import subject_name
from ukey_renew.token.xtxapp import XTXAppClient, XTXAppToken, decode_base64, scan
from ukey_renew.xtxapp_protocol import dn_string, parse_dn

STALE = "电信测试2||UnitCert/PR00DEADBEEF"  # a key pulled out that BJCA's cache still lists


def _serve(server: ThreadingHTTPServer) -> Iterator[str]:
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/synctl"
    server.shutdown()
    server.server_close()


@pytest.fixture
def key_path(home: Path, now: datetime) -> Path:
    reset_practice_key(home, now)
    return practice.default_path(home)


@pytest.fixture
def behaviour() -> Behaviour:
    return Behaviour()


@pytest.fixture
def service(key_path: Path, behaviour: Behaviour) -> XTXAppService:
    return XTXAppService(key_path, behaviour)


@pytest.fixture
def url(service: XTXAppService) -> Iterator[str]:
    yield from _serve(make_server(service))


@pytest.fixture
def token(url: str) -> XTXAppToken:
    (found,), _problems = scan(XTXAppClient(url))
    return found


def _post(url: str, func: str, *params: Any) -> dict[str, Any]:
    answer = requests.post(url, json={"url": "", "clsid": "", "func": func, "param": list(params)}, timeout=10)
    assert answer.status_code == 200
    body: dict[str, Any] = answer.json()
    return body


def _serial(key_path: Path) -> str:
    return practice.PracticeToken(key_path).info().serial


# --- reading the key -------------------------------------------------------------


@pytest.mark.parametrize("websocket_url", [False, True], ids=["http", "websocket"])
def test_status_through_a_bjca_like_service(home: Path, key_path: Path, websocket_url: bool) -> None:
    """Strings, a stale entry, wrapped base64 and a 3 s first listing (the old
    client gave up after 2 s, and one bad entry threw away every key)."""
    service = XTXAppService(key_path, Behaviour(first_listing_delay=3.0, stale_entries=(STALE,)))
    cert = practice.PracticeToken(key_path).certificates()[0]
    for url in _serve(make_server(service)):
        done = run(home, "status", "--json", "--backend", "xtxapp", "--xtxapp-url", _ws(url) if websocket_url else url)
    status = json.loads(done.stdout)
    (token,) = status["tokens"]
    assert token["backend"] == "xtxapp" and token["serial"] == _serial(key_path)
    assert token["pin"]["retries_left"] == practice.MAX_PIN_RETRIES and not token["pin"]["locked"]
    (shown,) = token["certificates"]
    assert shown["org_code"] == ORG_CODE and shown["subject_cn"] == "电信测试1"
    assert shown["not_after"] == load_certificate(cert.der).not_after.isoformat()
    assert shown["container"] == CONTAINER
    (problem,) = status["problems"]
    assert problem["id"] == "xtxapp.entry_skipped" and "电信测试2" in problem["message"]
    assert done.returncode == 0, "a stale entry is told, not a failure of the service"
    assert "Traceback" not in done.stderr


def test_answers_are_shaped_like_bjca(url: str, key_path: Path) -> None:
    cert_id = f"{CONTAINER}/{_serial(key_path)}"
    assert _post(url, "SOF_GetPinRetryCount", cert_id) == {"retVal": "10"}  # a string; no status field
    exported = _post(url, "SOF_ExportUserCert", cert_id)["retVal"]
    assert isinstance(exported, str) and "\r\n" in exported  # wrapped in lines
    assert _post(url, "SOF_Login", cert_id, "000000") == {"retVal": "false"}
    assert _post(url, "SOF_GetLastError") == {"retVal": str(0x0B000001)}
    assert _post(url, "SOF_GetLastErrMsg")["retVal"] == "校验证书口令失败! "
    assert _post(url, "SOF_GetPinRetryCount", f"Nope/{_serial(key_path)}") == {"retVal": "-8"}
    login = _post(url, "SOF_Login", cert_id, practice.DEFAULT_PIN)
    assert login["retVal"] == "true" and login["token"]


@pytest.mark.skipif(not hasattr(time, "tzset"), reason="the zone is changed with TZ and tzset, which Windows lacks")
def test_dates_are_local_time(url: str, key_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TZ", "Asia/Shanghai")
    time.tzset()
    try:
        der = practice.PracticeToken(key_path).certificates()[0].der
        answer = _post(url, "SOF_GetCertInfo", base64.b64encode(der).decode(), 12)["retVal"]
    finally:
        monkeypatch.undo()
        time.tzset()
    expected = load_certificate(der).not_after + timedelta(hours=8)
    assert answer == expected.strftime("%Y%m%d%H%M%S")


def test_entries_that_cannot_be_used_are_skipped(key_path: Path) -> None:
    behaviour = Behaviour(stale_entries=("no separator", "名||no-slash", STALE))
    for url in _serve(make_server(XTXAppService(key_path, behaviour))):
        tokens, problems = scan(XTXAppClient(url))
        (token,) = tokens
        assert [cert.container for cert in token.certificates()] == [CONTAINER]
    assert [problem.id for problem in problems] == ["xtxapp.entry_skipped"] * 3


def test_ret_value_answers(key_path: Path) -> None:
    """Older services answer in retValue, which BJCA's script takes as it is."""
    for url in _serve(make_server(XTXAppService(key_path, Behaviour(ret_value=True)))):
        (token,), problems = scan(XTXAppClient(url))
        assert token.pin_status().retries_left == practice.MAX_PIN_RETRIES and problems == []
        assert [cert.der for cert in token.certificates()] == [
            c.der for c in practice.PracticeToken(key_path).certificates()
        ]


@pytest.mark.parametrize(
    "text",
    ["{b64}", "{wrapped}", "-----BEGIN CERTIFICATE-----\r\n{wrapped}\r\n-----END CERTIFICATE-----\r\n"],
)
def test_base64_forms(text: str) -> None:
    data = bytes(range(256)) * 2
    b64 = base64.b64encode(data).decode()
    wrapped = "\r\n".join(b64[i : i + 64] for i in range(0, len(b64), 64))
    assert decode_base64("f", text.format(b64=b64, wrapped=wrapped)) == data
    with pytest.raises(ServiceBadAnswer):
        decode_base64("f", "not*base64")


def test_slow_service_points_at_bjca_window(key_path: Path) -> None:
    for url in _serve(make_server(XTXAppService(key_path, Behaviour(first_listing_delay=1.5)))):
        with pytest.raises(ServiceSlow) as caught:
            scan(XTXAppClient(url, timeout=0.3))
    assert "请在 BJCA 弹出的窗口中操作" in caught.value.next_step
    assert caught.value.guide == "3.2"


def test_pin_dialog_of_the_service_is_waited_for(key_path: Path) -> None:
    for url in _serve(make_server(XTXAppService(key_path, Behaviour(pin_dialog=1.0)))):
        (token,), _problems = scan(XTXAppClient(url, timeout=0.3))
        with pytest.raises(ServiceSlow) as caught:
            token.login(practice.DEFAULT_PIN)
        assert "请在 BJCA 弹出的窗口中操作" in caught.value.next_step
        (token,), _problems = scan(XTXAppClient(url))  # the default deadline allows for the dialog
        token.login(practice.DEFAULT_PIN)


# --- the WebSocket -----------------------------------------------------------------


def _ws(url: str) -> str:
    return url.replace("http://", "ws://").replace("/synctl", "/xtxapp/")


def test_calls_over_the_websocket(url: str, service: XTXAppService) -> None:
    client = XTXAppClient(_ws(url))
    try:
        (token,), problems = scan(client)
        assert problems == [] and token.pin_status().retries_left == practice.MAX_PIN_RETRIES
        token.login(practice.DEFAULT_PIN)
        assert client._token == service.session != ""
        assert token.sign(CONTAINER, b"random")
        assert client.call("SOF_NoSuchThing") == ""
    finally:
        client.close()


def test_key_plugged_and_pulled_is_pushed(url: str, key_path: Path) -> None:
    client = XTXAppClient(_ws(url))
    try:
        assert scan(client)[0]  # the page is connected
        assert client.wait_for_change(0.3) is False
        saved = key_path.read_bytes()
        key_path.unlink()
        assert client.wait_for_change(5) is True
        key_path.write_bytes(saved)
        assert client.wait_for_change(5) is True
        (token,), _problems = scan(client)
        assert token.pin_status().retries_left == practice.MAX_PIN_RETRIES
    finally:
        client.close()


def test_pages_before_341_send_param_n_only(url: str, key_path: Path) -> None:
    page = websocket.create_connection(_ws(url), timeout=5)
    try:
        cert_id = f"{CONTAINER}/{_serial(key_path)}"
        page.send(json.dumps({"call_cmd_id": "7", "xtx_func_name": "SOF_GetPinRetryCount", "param_1": cert_id}))
        assert json.loads(page.recv()) == {"call_cmd_id": "7", "retVal": "10"}
    finally:
        page.close()


def test_slow_websocket_points_at_bjca_window(key_path: Path) -> None:
    for url in _serve(make_server(XTXAppService(key_path, Behaviour(first_listing_delay=1.5)))):
        client = XTXAppClient(_ws(url), timeout=0.3)
        with pytest.raises(ServiceSlow):
            scan(client)
        client.close()


def test_websocket_not_running() -> None:
    with pytest.raises(ServiceUnavailable):
        scan(XTXAppClient("ws://127.0.0.1:9/xtxapp/"))


# --- PIN -------------------------------------------------------------------------


def test_wrong_pin_is_one_login(token: XTXAppToken, service: XTXAppService) -> None:
    with pytest.raises(PinIncorrect) as caught:
        token.login("000000")
    assert caught.value.retries_left == practice.MAX_PIN_RETRIES - 1
    assert service.calls.count("SOF_Login") == 1
    assert token.pin_status().retries_left == practice.MAX_PIN_RETRIES - 1


def test_locked_key(token: XTXAppToken) -> None:
    for _ in range(practice.MAX_PIN_RETRIES - 1):
        with pytest.raises(PinIncorrect):
            token.login("000000")
    with pytest.raises(PinLocked):
        token.login("000000")
    status = token.pin_status()
    assert status.locked and status.retries_left == 0


class _RetryCountFails(XTXAppService):
    def f_SOF_GetPinRetryCount(self, cert_id: str) -> int:  # noqa: N802 (BJCA's function name)
        raise BjcaFailure((0x0B000002, "获取智能卡口令重试次数失败! "))


def test_negative_retry_count_keeps_bjca_message(key_path: Path) -> None:
    for url in _serve(make_server(_RetryCountFails(key_path))):
        (token,), _problems = scan(XTXAppClient(url))
        with pytest.raises(ServiceRefused) as caught:
            token.pin_status()
    assert caught.value.code == 0x0B000002
    assert "获取智能卡口令重试次数失败" in caught.value.message and caught.value.guide == "3.12"


def test_login_token_and_logout(token: XTXAppToken, service: XTXAppService) -> None:
    token.login(practice.DEFAULT_PIN)
    assert token.client._token == service.session != ""
    token.logout()
    assert token.client._token == service.session == ""
    with pytest.raises(LoginRequired):  # the service's login really ended
        token.sign(CONTAINER, b"random")
    with pytest.raises(PinIncorrect):
        token.login("000000")
    assert token.client._token == ""


def test_change_password(token: XTXAppToken) -> None:
    token.change_pin(practice.DEFAULT_PIN, "abc123")
    with pytest.raises(PinIncorrect):
        token.change_pin(practice.DEFAULT_PIN, "abc456")


def test_key_pulled_out(token: XTXAppToken, url: str, key_path: Path) -> None:
    token.certificates()  # the service has seen the key
    key_path.unlink()
    tokens, problems = scan(XTXAppClient(url))
    assert tokens == [] and [p.id for p in problems] == ["xtxapp.entry_skipped"]  # still cached, not exported
    with pytest.raises(TokenRemoved):
        token.login(practice.DEFAULT_PIN)
    with pytest.raises(TokenRemoved):
        token.pin_status()


def test_service_not_running() -> None:
    client = XTXAppClient("http://127.0.0.1:9/synctl", timeout=2)
    with pytest.raises(ServiceUnavailable) as caught:
        scan(client)
    assert caught.value.id == "xtxapp.unavailable"


def _answering(body: bytes, status: int = 200) -> Callable[[], Iterator[str]]:
    class Canned(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            self.rfile.read(int(self.headers["Content-Length"]))
            self.send_response(status)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    return lambda: _serve(ThreadingHTTPServer(("127.0.0.1", 0), Canned))


@pytest.mark.parametrize("body", [b"not json", b"[1, 2]", b'{"retVal": 5}', b'{"retVal": {"a": 1}}'])
def test_service_answering_nonsense(body: bytes) -> None:
    for url in _answering(body)():
        with pytest.raises(ServiceBadAnswer):
            scan(XTXAppClient(url))


@pytest.mark.parametrize(("body", "status"), [(b'{"token": "x"}', 200), (b"", 500), (b'{"retVal": null}', 200)])
def test_no_value_is_the_failure_value(body: bytes, status: int) -> None:
    """As BJCA's script reads it: no key listed, not a broken service."""
    for url in _answering(body, status)():
        assert scan(XTXAppClient(url)) == ([], [])


def test_dn_round_trip() -> None:
    dn = dn_string(subject_name("某某检察院", "某某检察院", "371724"))
    assert parse_dn(dn) == {"C": "CN", "O": "某某检察院", "OU": "371724", "CN": "某某检察院"}


# --- renewal in BJCA's container model -------------------------------------------


def test_container_model_refusals(url: str, token: XTXAppToken, key_path: Path) -> None:
    serial = _serial(key_path)
    client = token.client
    token.login(practice.DEFAULT_PIN)
    assert client.flag("GenerateKeyPair", serial, CONTAINER, 2, True) is False  # the container exists
    assert client.number("SOF_GetLastError") == 0x0B0000A2
    assert "容器名已经存在" in client.call("SOF_GetLastErrMsg")
    assert client.flag("GenerateKeyPair", serial, "Fresh", 2, True) is True
    old = token.certificates()[0].der
    with pytest.raises(CertificateKeyMismatch):
        client.require("ImportSignCert", serial, "Fresh", base64.b64encode(old).decode())
    assert client.flag("DeleteOldContainer", serial) is False  # only one container holds a certificate
    assert client.number("SOF_GetLastError") == 0x0B00003A


def test_renewal_through_the_service(
    token: XTXAppToken, service: XTXAppService, home: Path, now: datetime, key_path: Path
) -> None:
    (old,) = token.certificates()
    assert old.enc_der is not None  # SOF_ExportExChangeUserCert
    token.login(practice.DEFAULT_PIN)
    spki = token.generate_key_pair(CONTAINER)
    new = _new_certificate(token, home, now)
    assert public_key_bits(spki) == load_certificate(new).public_key  # ExportPubKey of the new container
    with pytest.raises(CertificateKeyMismatch):  # not for the new key: nothing written
        token.install_certificate(CONTAINER, old.der)
    assert token.certificates() == [old]
    pair = _new_encryption_pair(home, now, spki)
    token.install_certificate(CONTAINER, new, pair)
    (current,) = token.certificates()
    assert (current.der, current.container, current.id) == (new, CONTAINER, f"{CONTAINER}_R2/{token.device_sn}")
    assert current.enc_der == pair.cert_der
    assert [c.container for c in practice.PracticeToken(key_path).certificates()] == [f"{CONTAINER}_R2"]
    calls = service.calls
    assert calls.index("GenerateKeyPair") < calls.index("ExportPubKey") < calls.index("ImportSignCert")
    # BJCA's order: both certificates into the new container, then the old one goes
    assert calls.index("ImportSignCert") < calls.index("ImportEncCert") < calls.index("DeleteContainer")
    assert token.sign(CONTAINER, b"random")


def _new_certificate(token: XTXAppToken, home: Path, now: datetime) -> bytes:
    csr = token.create_csr(CONTAINER, subject_name("电信测试1", "电信测试1", ORG_CODE))
    return reference_ca(home).issue(csr, now, now + timedelta(days=365 * 5))


def _new_encryption_pair(home: Path, now: datetime, signing_spki: bytes) -> EncryptionPair:
    cert, key = reference_ca(home).issue_encryption(
        subject_name("电信测试1", "电信测试1", ORG_CODE), now, now + timedelta(days=365 * 5)
    )
    return EncryptionPair(cert, seal(key, signing_spki))


def _short_envelope(pair: EncryptionPair) -> bytes:
    return pair.envelope[:300]


def _wide_session_key(pair: EncryptionPair) -> bytes:
    at = len(pair.envelope) - 20
    return pair.envelope[:at] + struct.pack("<I", 32) + pair.envelope[at + 4 :] + bytes(16)


def _sealed_to_another_key(pair: EncryptionPair) -> bytes:
    return seal(Sm2Key.generate(), Sm2Key.generate().public_key_info())


@pytest.mark.parametrize(
    ("envelope", "code"),
    [
        (_short_envelope, 0x0B0000AC),  # "信封长度小于624"
        (_wide_session_key, 0x0B0000AD),  # "会话密钥长度不是128或256"
        (_sealed_to_another_key, 0x0B0000AF),  # "导入SM2加密密钥对失败"
    ],
    ids=["short", "session key", "another key"],
)
def test_import_enc_cert_refuses_a_malformed_envelope(
    token: XTXAppToken, service: XTXAppService, home: Path, now: datetime, envelope: Any, code: int
) -> None:
    """BJCA's codes, and nothing changes: the old container keeps both certificates in use."""
    (old,) = token.certificates()
    token.login(practice.DEFAULT_PIN)
    spki = token.generate_key_pair(CONTAINER)
    new = _new_certificate(token, home, now)
    pair = _new_encryption_pair(home, now, spki)
    with pytest.raises(ServiceRefused) as caught:
        token.install_certificate(CONTAINER, new, EncryptionPair(pair.cert_der, envelope(pair)))
    assert caught.value.code == code and caught.value.id == "xtxapp.refused"
    assert isinstance(caught.value, EnvelopeNotOpened)  # the site's fault: a renewal asks it again
    assert token.certificates() == [old] and "DeleteContainer" not in service.calls
    token.install_certificate(CONTAINER, new, pair)  # the genuine pair then goes in
    assert [(c.der, c.enc_der) for c in token.certificates()] == [(new, pair.cert_der)]


def test_import_enc_cert_refusals_of_the_call(url: str, token: XTXAppToken, key_path: Path) -> None:
    client, serial = XTXAppClient(url), _serial(key_path)
    token.login(practice.DEFAULT_PIN)
    cert = base64.b64encode(token.certificates()[0].der).decode()
    for container, cert_b64, envelope_b64, code in [
        ("Missing", cert, "AAAA", 0x0B0000AA),
        (CONTAINER, "%%%", "AAAA", 0x0B000020),
        (CONTAINER, cert, "%%%", 0x0B000021),
    ]:
        assert client.flag("ImportEncCert", serial, container, cert_b64, envelope_b64) is False
        assert client.number("SOF_GetLastError") == code
    assert client.call("SOF_ExportExChangeUserCert", f"Missing/{serial}") == ""


def test_a_new_key_pair_again_replaces_the_unused_one(token: XTXAppToken, service: XTXAppService) -> None:
    """A run that stopped before its download left a successor container: it is made anew."""
    token.login(practice.DEFAULT_PIN)
    first = token.generate_key_pair(CONTAINER)
    second = token.generate_key_pair(CONTAINER)
    assert first != second and service.calls.count("DeleteContainer") == 1
    assert len(token.certificates()) == 1


def test_install_resumes_after_a_stop_before_the_old_container_went(
    token: XTXAppToken, home: Path, now: datetime, key_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (old,) = token.certificates()
    token.login(practice.DEFAULT_PIN)
    token.generate_key_pair(CONTAINER)
    new = _new_certificate(token, home, now)

    def pulled(self: object, container: str) -> None:
        raise TokenRemoved()

    with monkeypatch.context() as patch:
        patch.setattr("ukey_renew.token.xtxapp._Successor.promote_pending", pulled)
        with pytest.raises(TokenRemoved):
            token.install_certificate(CONTAINER, new)
    assert [(c.container, c.der) for c in token.certificates()] == [(CONTAINER, old.der)]  # the old one is in use
    token.install_certificate(CONTAINER, new)
    assert [(c.container, c.der) for c in token.certificates()] == [(CONTAINER, new)]
    assert [c.container for c in practice.PracticeToken(key_path).certificates()] == [f"{CONTAINER}_R2"]


def test_install_resumes_between_the_two_imports(
    token: XTXAppToken, service: XTXAppService, home: Path, now: datetime, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Stopped after ImportSignCert, before ImportEncCert: both old certificates
    stay in use; the rerun imports the encryption pair once and finishes."""
    (old,) = token.certificates()
    token.login(practice.DEFAULT_PIN)
    spki = token.generate_key_pair(CONTAINER)
    new, pair = _new_certificate(token, home, now), _new_encryption_pair(home, now, spki)

    def pulled(self: object, container: str, pair: EncryptionPair) -> None:
        raise TokenRemoved()

    with monkeypatch.context() as patch:
        patch.setattr("ukey_renew.token.xtxapp._Successor.write_pending_encryption", pulled)
        with pytest.raises(TokenRemoved):
            token.install_certificate(CONTAINER, new, pair)
    assert token.certificates() == [old] and "ImportSignCert" in service.calls
    token.install_certificate(CONTAINER, new, pair)
    assert [(c.der, c.enc_der) for c in token.certificates()] == [(new, pair.cert_der)]
    assert service.calls.count("ImportEncCert") == 1


def test_renewal_and_unlock_over_xtxapp(home: Path, key_path: Path) -> None:
    """The practice renewal of guide 2.2 and the unlock of guide 3.6, end to
    end, with the key reached only through BJCA's service."""
    reset_practice_key(home, datetime.now(UTC), expires_in_days=20)
    running = ReferenceSite(home, SiteConfig(fixed_captcha="2309")).serve()
    try:
        for url in _serve(make_server(XTXAppService(key_path, Behaviour(stale_entries=(STALE,))))):
            (token,), _problems = scan(XTXAppClient(url))
            old = load_certificate(token.certificates()[0].der)
            old_enc = token.certificates()[0].enc_der
            site = SiteClient(running.profile, running.ca_file, timeout=(5.0, 5.0), retry_delay=0.01)
            result = build_engine(token, CONTAINER, site, home, ScriptedPrompts()).run("张三", "13800138000", pin=PIN)
            (cert,) = token.certificates()
            token.login("abc12345")  # the new Ukey password is in force

            while not token.pin_status().locked:
                with pytest.raises((PinIncorrect, PinLocked)):
                    token.login("000000")
            flow = UnlockFlow(home, token, cert.der, site)
            site.captcha()
            pending = flow.request("张三", "13800138000", "2309", datetime.now(UTC).isoformat())
            code = running.site.state.approve_unlock(pending.request_id)
            site.captcha()
            flow.complete(pending, code, "new123", "2309")
            token.login("new123")
    finally:
        running.stop()
    assert result.result == "renewed"
    new = load_certificate(cert.der)
    assert new.not_after == result.new_not_after and new.fingerprint != old.fingerprint
    # 双证: the encryption certificate renewed too, into the new container, by the same CA
    assert cert.enc_der is not None and old_enc is not None
    enc, before = load_certificate(cert.enc_der), load_certificate(old_enc)
    assert enc.not_after == result.new_not_after > before.not_after and enc.issuer_cn == before.issuer_cn
    assert reference_ca(home).issued_this(cert.enc_der) and enc.subject_cn == before.subject_cn
    (box,) = json.loads(key_path.read_text(encoding="utf-8"))["containers"].values()
    assert public_key_bits(Sm2Key.from_pem(box["enc_key"]).public_key_info()) == enc.public_key
    assert cert.container == CONTAINER and cert.id.startswith(f"{CONTAINER}_R2/")
    assert [c.container for c in practice.PracticeToken(key_path).certificates()] == [f"{CONTAINER}_R2"]


def test_a_first_look_reuses_the_listing_that_found_the_key(url: str, home: Path, now: datetime, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """BJCA's listing can take seconds behind its progress box: the key's
    first read (its PIN state) uses the list that found it. A status of one
    key asked for the list three times before, twice now."""
    from ukey_renew.certs import RenewalPolicy
    from ukey_renew.status import collect
    from ukey_renew.token import xtxapp

    listings: list[XTXAppClient] = []
    original = xtxapp.usable_entries

    def counted(client: XTXAppClient) -> Any:
        listings.append(client)
        return original(client)

    monkeypatch.setattr(xtxapp, "usable_entries", counted)
    status = collect("xtxapp", data_dir=home, now=now, policy=RenewalPolicy(), xtxapp_url=url)
    (token,) = status.tokens
    assert token["certificates"] and token["pin"]["retries_left"] == practice.MAX_PIN_RETRIES
    assert len(listings) == 2
