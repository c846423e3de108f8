"""The practice site sleeps while nobody calls it: a practice renewal ends by
stopping it, and a site that woke on a timer to look for that stop kept the
whole command waiting for the next wake-up."""

from __future__ import annotations

import http.client
import io
import json
import os
import ssl
import subprocess
import sys
import threading
import time
from pathlib import Path
from types import FrameType
from typing import Any

import pytest
import requests

from tests.conftest import REPO
from tests.rig.faults import Faults
from tests.rig.prompts import renew_practice
from ukey_renew.casim.serving import Server
from ukey_renew.casim.site import ReferenceSite, RunningSite


def test_an_idle_site_does_not_wake_and_stops_at_once(home: Path) -> None:
    waits: list[int | None] = []

    def profile(frame: FrameType, event: str, _arg: Any) -> None:
        if event == "call" and frame.f_code.co_name == "select" and frame.f_code.co_filename.endswith("selectors.py"):
            waits.append(threading.get_ident())

    threading.setprofile(profile)  # the threads started from here on: the site's
    try:
        running = ReferenceSite(home).serve()
    finally:
        threading.setprofile(None)
    try:
        answered = requests.get(f"https://127.0.0.1:{running.port}/", verify=str(running.ca_file), timeout=10)
        assert answered.status_code < 500
        time.sleep(0.5)  # idle: a site polling for its stop would wake several times meanwhile
        serving = [ident for ident in waits if ident == running._thread.ident]  # not the request's own thread
    finally:
        running.stop()
    # Asleep, woken by the request (looked at twice as it is taken), asleep
    # again: nothing woke it in between.
    assert len(serving) <= 3, len(serving)
    assert not running._thread.is_alive()


_READ_HOME = """
import sys
from pathlib import Path
from ukey_renew.casim.site import ReferenceSite  # the program first, as every command starts
import requests
running = ReferenceSite(Path(sys.argv[1])).serve()
try:
    answer = requests.get(f"https://127.0.0.1:{running.port}/xtxuserweb/", verify=str(running.ca_file), timeout=10)
    answer.encoding = None  # as if the site named no charset: requests decides
    print(answer.text)
    heavy = ("charset_normalizer", "werkzeug")
    print(sorted(name for name, module in sys.modules.items() if module and name.split(".")[0] in heavy))
finally:
    running.stop()
"""


def test_answers_are_read_without_requests_text_encoding_detector_nor_a_web_framework(home: Path) -> None:
    """The detector's import loads every codec (20-30 ms of each command that talks to a site); the
    program reads JSON and bytes, and an answer naming no charset is read as UTF-8, with no warning.
    The site serves from the standard library (a framework's import was another 30 ms)."""
    done = subprocess.run(
        [sys.executable, "-W", "error", "-c", _READ_HOME, str(home)],
        cwd=REPO,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},  # a pipe on Windows is in the code page otherwise
        capture_output=True,
        encoding="utf-8",
        timeout=60,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    page, loaded = done.stdout.strip().splitlines()
    assert "证书延期网站（练习）" in page
    assert loaded == "[]"


def _call(
    site: ReferenceSite, method: str, path: str, body: bytes = b"", **environ: str
) -> tuple[str, dict[str, str], bytes]:
    answered: list[tuple[str, list[tuple[str, str]]]] = []
    given = {
        "REQUEST_METHOD": method,
        "PATH_INFO": path,
        "CONTENT_LENGTH": str(len(body)),
        "wsgi.input": io.BytesIO(body),
    }
    content = b"".join(site({**given, **environ}, lambda status, headers: answered.append((status, headers))))
    ((status, headers),) = answered
    return status, dict(headers), content


def test_the_site_answers_as_a_web_server_does(home: Path) -> None:
    """Unknown paths 404, a known path by the wrong method 405, a body over the limit 413;
    a form is read, and the session cookie is secure, HTTP-only and strict."""
    site = ReferenceSite(home)
    try:
        assert _call(site, "GET", "/xtxuserweb/nowhere")[0].startswith("404")
        assert _call(site, "GET", "/xtxuserweb/renew/holder")[0].startswith("405")
        big = _call(site, "POST", "/xtxuserweb/renew/holder", b"x=" + b"a" * 300_000,
                    CONTENT_TYPE="application/x-www-form-urlencoded")  # fmt: skip
        assert big[0].startswith("413")
        form = b"holder_name=%E5%BC%A0%E4%B8%89&holder_mobile=13800138000&captcha=1"
        status, headers, content = _call(site, "POST", "/xtxuserweb/renew/holder", form,
                                         CONTENT_TYPE="application/x-www-form-urlencoded")  # fmt: skip
        assert status.startswith("200") and headers["Content-Type"] == "application/json"
        assert json.loads(content)["error"]["code"] == "session_expired"  # read, and refused: nobody logged in
        cookie = headers["Set-Cookie"]
        assert cookie.startswith("JSESSIONID=") and {"Secure", "HttpOnly", "SameSite=Strict"} <= set(cookie.split("; "))
        session = cookie.split(";")[0]
        status, headers, content = _call(site, "GET", "/xtxuserweb/captcha", HTTP_COOKIE=session)
        assert status.startswith("200") and content.startswith(b"\x89PNG") and headers["Set-Cookie"].startswith(session)
    finally:
        site.state.close()


def _connection(running: RunningSite) -> http.client.HTTPSConnection:
    context = ssl.create_default_context(cafile=str(running.ca_file))
    return http.client.HTTPSConnection("127.0.0.1", running.port, context=context, timeout=10)


def test_one_connection_carries_request_after_request(home: Path) -> None:
    """A renewal's calls share one TLS handshake, as on a production web server."""
    running = ReferenceSite(home).serve()
    connection = _connection(running)
    try:
        connection.request("GET", "/xtxuserweb/")
        first = connection.getresponse()
        assert first.status == 200 and first.read() and not first.will_close
        sock = connection.sock
        connection.request("GET", "/xtxuserweb/captcha")
        second = connection.getresponse()
        assert second.status == 200 and second.read().startswith(b"\x89PNG")
        assert connection.sock is sock  # not a new connection
    finally:
        connection.close()
        running.stop()


def test_a_body_left_unread_ends_the_connection(home: Path) -> None:
    """A body over the limit is answered 413 unread: the next request on that
    connection would start inside it, so the site closes it."""
    running = ReferenceSite(home).serve()
    connection = _connection(running)
    try:
        connection.putrequest("POST", "/xtxuserweb/renew/holder")
        connection.putheader("Content-Type", "application/x-www-form-urlencoded")
        connection.putheader("Content-Length", "300000")  # the body never sent: refused on its length alone
        connection.endheaders()
        answer = connection.getresponse()
        assert answer.status == 413 and answer.will_close
    finally:
        connection.close()
        running.stop()


def test_a_practice_renewal_makes_one_connection(home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    accepted: list[object] = []
    accept = Server.get_request

    def counted(server: Server) -> tuple[Any, Any]:
        accepted.append(server)
        return accept(server)

    monkeypatch.setattr(Server, "get_request", counted)
    assert renew_practice(home).result == "renewed"
    assert len(accepted) == 1


@pytest.mark.parametrize("kind", ["truncated", "reset"])
def test_an_answer_cut_short_ends_the_connection(home: Path, kind: str) -> None:
    """Shorter than its stated length, or failed half-way: the client sees the
    connection end at once, as with a web server that failed, instead of
    waiting on an open connection for the bytes that will never come."""
    faults: dict[str, Faults] = {}

    def wrap(app: Any) -> Faults:
        faults["site"] = Faults(app)
        return faults["site"]

    running = ReferenceSite(home).serve(wrap=wrap)
    faults["site"].on("/", kind)
    connection = _connection(running)
    try:
        connection.request("GET", "/xtxuserweb/")
        answer = connection.getresponse()
        with pytest.raises(http.client.IncompleteRead):
            answer.read()
    finally:
        connection.close()
        running.stop()


def test_a_stopped_site_ends_the_connections_it_kept_open(home: Path) -> None:
    """A client holding a connection finds the site gone, as when a web server
    stops, not a thread still answering for a site whose records are closed."""
    running = ReferenceSite(home).serve()
    connection = _connection(running)
    try:
        connection.request("GET", "/xtxuserweb/")
        assert connection.getresponse().read()
        running.stop()
        with pytest.raises(OSError):  # the end of the connection, however the client meets it
            connection.request("GET", "/xtxuserweb/captcha")
            connection.getresponse()
    finally:
        connection.close()
