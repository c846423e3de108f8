"""A site that answers a byte at a time, in its headers or in its body: the
client gives up at its deadline, not after requests' per-read timeouts let
every byte through."""

from __future__ import annotations

import socket
import ssl
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from ukey_renew.casim.ca import ReferenceCA
from ukey_renew.errors import SiteTimeout
from ukey_renew.site.client import SiteClient
from ukey_renew.site.profile import load_profile

DRIP_SECONDS = 0.5
DRIP_BYTES = 40  # then it hangs up: 20 s, so a client without a deadline fails here in bounded time


HEAD = b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n"


def _drip(listener: socket.socket, context: ssl.SSLContext, stop: threading.Event, part: str) -> None:
    """The headers at once and the promised body one byte every DRIP_SECONDS,
    or the headers themselves a byte at a time."""
    connection, _ = listener.accept()
    with context.wrap_socket(connection, server_side=True) as tls:
        tls.recv(65536)  # the request
        if part == "body":
            tls.sendall(HEAD)
        for byte in (HEAD if part == "headers" else b" " * DRIP_BYTES)[:DRIP_BYTES]:
            if stop.is_set():
                return
            try:
                tls.sendall(bytes([byte]))
            except OSError:
                return  # the client gave up
            time.sleep(DRIP_SECONDS)


@pytest.fixture(params=["headers", "body"])
def drip_site(tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[tuple[int, Path]]:
    ca = ReferenceCA(tmp_path / "ca")
    cert_file, key_file = ca.server_identity(tmp_path / "tls")
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert_file, key_file)
    stop = threading.Event()
    with socket.create_server(("127.0.0.1", 0)) as listener:
        server = threading.Thread(target=_drip, args=(listener, context, stop, request.param), daemon=True)
        server.start()
        yield listener.getsockname()[1], ca.anchors_path
        stop.set()


def test_a_dripping_answer_ends_at_the_deadline(drip_site: tuple[int, Path]) -> None:
    port, ca_file = drip_site
    client = SiteClient(
        load_profile("practice").on_port(port), ca_file, timeout=(5.0, 5.0), deadline=2.0, get_attempts=1
    )
    try:
        with pytest.raises(SiteTimeout):
            client.challenge()
    finally:
        client.close()
