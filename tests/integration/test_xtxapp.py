"""The XTXApp client against the simulator over real HTTP on 127.0.0.1."""

from __future__ import annotations

import base64
import threading
from collections.abc import Iterator
from datetime import datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from ukey_renew.casim.provision import CONTAINER, reference_ca, reset_practice_key
from ukey_renew.casim.xtxapp import XTXAppService, make_server
from ukey_renew.certs import load_certificate
from ukey_renew.errors import (
    CertificateKeyMismatch,
    PinIncorrect,
    PinLocked,
    ServiceBadAnswer,
    ServiceUnavailable,
    TokenRemoved,
)
from ukey_renew.token import practice
from ukey_renew.token.csr import subject_name
from ukey_renew.token.xtxapp import XTXAppClient, XTXAppToken, dn_string, open_tokens, parse_dn


def _serve(server: ThreadingHTTPServer) -> Iterator[str]:
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/synctl"
    server.shutdown()
    server.server_close()


@pytest.fixture
def service(home: Path, now: datetime) -> XTXAppService:
    reset_practice_key(home, now)
    return XTXAppService(practice.default_path(home))


@pytest.fixture
def url(service: XTXAppService) -> Iterator[str]:
    yield from _serve(make_server(service))


@pytest.fixture
def token(url: str) -> XTXAppToken:
    (found,) = open_tokens(XTXAppClient(url))
    return found


def test_user_list_format(url: str, home: Path) -> None:
    client = XTXAppClient(url)
    raw = client.call("SOF_GetUserList")
    serial = practice.PracticeToken(practice.default_path(home)).info().serial
    assert raw == f"电信测试1||{CONTAINER}/{serial}&&&"
    assert client.get_user_list() == [("电信测试1", f"{CONTAINER}/{serial}")]


def test_certificate_and_cert_info(token: XTXAppToken, home: Path) -> None:
    (cert,) = token.certificates()
    info = load_certificate(cert.der)
    assert cert.container == CONTAINER
    client = token.client
    assert client.get_cert_info(cert.der, 11) == info.not_before.strftime("%Y%m%d%H%M%S")
    assert client.get_cert_info(cert.der, 12) == info.not_after.strftime("%Y%m%d%H%M%S")
    assert client.get_cert_info(cert.der, 17) == "电信测试1"
    assert parse_dn(client.get_cert_info(cert.der, 33)) == {
        "C": "CN",
        "O": "电信测试1",
        "OU": "111111",
        "CN": "电信测试1",
    }
    assert len(client.gen_random(32)) == 32


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


def test_renewal_through_the_service(token: XTXAppToken, home: Path, now: datetime) -> None:
    (old,) = token.certificates()
    token.login(practice.DEFAULT_PIN)
    spki = token.generate_key_pair(CONTAINER)
    csr = token.create_csr(CONTAINER, subject_name("电信测试1", "电信测试1", "111111"))
    new = reference_ca(home).issue(csr, now, now + timedelta(days=365 * 5))
    with pytest.raises(CertificateKeyMismatch):  # ImportSignCert refuses another key
        token.install_certificate(CONTAINER, old.der)
    assert [c.der for c in token.certificates()] == [old.der]
    token.install_certificate(CONTAINER, new)
    assert [c.der for c in token.certificates()] == [new]
    assert spki and token.sign(CONTAINER, b"random")


def test_change_password(token: XTXAppToken) -> None:
    token.change_pin(practice.DEFAULT_PIN, "abc123")
    with pytest.raises(PinIncorrect):
        token.change_pin(practice.DEFAULT_PIN, "abc456")


def test_key_pulled_out(token: XTXAppToken, url: str, home: Path) -> None:
    practice.default_path(home).unlink()
    assert open_tokens(XTXAppClient(url)) == []
    with pytest.raises(TokenRemoved):  # SOF_Login false, then no retry count: gone
        token.login(practice.DEFAULT_PIN)


def test_service_not_running() -> None:
    client = XTXAppClient("http://127.0.0.1:9/synctl", timeout=2)
    with pytest.raises(ServiceUnavailable) as caught:
        client.get_user_list()
    assert caught.value.id == "xtxapp.unavailable"


@pytest.mark.parametrize(
    "body",
    [b"not json", b"[1, 2]", b'{"token": "x"}', b'{"retVal": 5}', b'{"retVal": "bad entry&&&"}'],
)
def test_service_answering_nonsense(body: bytes) -> None:
    class Nonsense(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            self.rfile.read(int(self.headers["Content-Length"]))
            self.send_response(200)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    for url in _serve(ThreadingHTTPServer(("127.0.0.1", 0), Nonsense)):
        with pytest.raises(ServiceBadAnswer):
            XTXAppClient(url).get_user_list()


def test_unknown_function_is_a_bad_answer(url: str) -> None:
    with pytest.raises(ServiceBadAnswer):
        XTXAppClient(url).call("SOF_NoSuchThing")


def test_dn_round_trip() -> None:
    dn = dn_string(subject_name("某某检察院", "某某检察院", "371724"))
    assert parse_dn(dn) == {"C": "CN", "O": "某某检察院", "OU": "371724", "CN": "某某检察院"}


def test_cert_b64_is_what_the_service_hands_out(token: XTXAppToken, service: XTXAppService) -> None:
    cert_id = token._any_cert_id()
    raw = token.client.call("SOF_ExportUserCert", cert_id)
    assert base64.b64decode(raw) == token.certificates()[0].der
